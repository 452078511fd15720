"""What keeps reruns quick (issue 9.12): cached data is shared, not copied on every rerun."""

from __future__ import annotations

from indicators.ui import state


def test_cached_data_and_results_are_shared_not_unpickled_per_rerun():
    # st.cache_data unpickled a fresh copy of the demo data (some 70 MB) on every rerun
    data = state._demo_bytes("people")
    assert state._demo_bytes("people") is data
    raw = state.load_cached("demo-people", "demo.parquet", None, data)
    assert state.load_cached("demo-people", "demo.parquet", None, data) is raw
    assert len(raw) > 0
    # the results: cached the same way (Streamlit 1.67 names the kind of cache in _info)
    assert type(state.compute_cached._info).__name__ == "CachedResourceFuncInfo"
