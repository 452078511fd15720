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

from indicators.dataset.mapping import Mapping, suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.errors import DataError
from indicators.io.load import load_table
from indicators.registry.catalog import load_registry
from indicators.results import compute, compute_measures

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
