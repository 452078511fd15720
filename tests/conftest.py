"""Fixtures the whole suite shares: the packaged registry and the demo data, read and computed once.

Browser fixtures (the Streamlit server, Chromium) stay in ``tests/browser/conftest.py``; opening
a page in AppTest is ``tests/ui/apptest_helpers.py``. The frames are loaded once per session and
handed out as copies, so a test that changes its frame cannot change another test's.
"""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.analyses import maps
from indicators.dataset.mapping import suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.package_data import demo_file
from indicators.registry.catalog import Registry, load_registry
from indicators.results import compute


@pytest.fixture(scope="session")
def reg() -> Registry:
    """The packaged indicator registry (immutable)."""
    return load_registry()


@pytest.fixture(scope="session")
def _demo_people() -> pd.DataFrame:
    return pd.read_parquet(demo_file("people"))


@pytest.fixture(scope="session")
def _demo_results(reg, _demo_people) -> pd.DataFrame:
    prepared = prepare(_demo_people, suggest_mapping(_demo_people, reg), reg)
    return compute(prepared, reg)


@pytest.fixture
def demo_people(_demo_people) -> pd.DataFrame:
    """The demo microdata (residents by province) as read from the packaged file."""
    return _demo_people.copy()


@pytest.fixture
def demo_pilot() -> pd.DataFrame:
    """The demo aggregates (the municipal pilot panel) as read from the packaged file."""
    return pd.read_parquet(demo_file("pilot"))


@pytest.fixture
def demo_results(_demo_results) -> pd.DataFrame:
    """The results table of the demo microdata with the suggested mapping, as the app has it."""
    return _demo_results.copy()


@pytest.fixture(scope="session")
def provinces() -> pd.DataFrame:
    """The packaged tile layout of the provinces: code, name, row, col."""
    return maps.province_layout()
