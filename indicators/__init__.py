"""Broad-welfare indicators beyond the average: registry, measures, loading, computation.

The core imports no Streamlit; the dashboard lives in :mod:`indicators.ui`.
"""

from indicators.errors import DataError

__all__ = ["DataError", "compute", "load_registry", "load_table", "prepare"]


def __getattr__(name):
    # Lazy re-exports keep `import indicators` light (the CLI and the tests import parts).
    if name == "load_table":
        from indicators.io import load_table

        return load_table
    if name == "load_registry":
        from indicators.registry import load_registry

        return load_registry
    if name == "compute":
        from indicators.compute import compute

        return compute
    if name == "prepare":
        from indicators.dataset import prepare

        return prepare
    raise AttributeError(name)
