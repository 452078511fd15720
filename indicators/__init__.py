"""Broad-welfare indicators beyond the average: registry, measures, loading, computation.

The core imports no Streamlit; the dashboard lives in :mod:`indicators.ui`.

>>> import indicators
>>> from indicators.package_data import demo_file
>>> df = indicators.load_table(demo_file("pilot"))
>>> registry = indicators.load_registry()
>>> mapping = indicators.suggest_mapping(df, registry)
>>> results = indicators.compute(indicators.prepare(df, mapping, registry), registry)
>>> sorted(results["indicator"].unique())
['benefit_fulltime_work', 'benefit_parttime_work', 'col_bijstandsontvangers']
"""

from indicators.compute import compute, compute_measures  # the function shadows the module name
from indicators.dataset import Mapping, prepare, suggest_mapping
from indicators.errors import DataError
from indicators.io import load_table
from indicators.registry import load_registry

__all__ = [
    "DataError",
    "Mapping",
    "compute",
    "compute_measures",
    "load_registry",
    "load_table",
    "prepare",
    "suggest_mapping",
]
