"""Beyond one machine: DuckDB's SQL (indicators.grouped.duckdb_sql) gives the engine's answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.stats.engine import duckdb_sql, grouped_measures

duckdb = pytest.importorskip("duckdb")  # the `bench` extra; `make install` installs it


@pytest.mark.parametrize("weighted", [True, False])
@pytest.mark.parametrize("ties", [True, False])
def test_duckdb_sql_equals_engine(weighted, ties):
    rng = np.random.default_rng(int(weighted) * 2 + int(ties))
    n, n_cells = 4000, 23
    codes = rng.integers(0, n_cells, n)
    x = rng.lognormal(3, 1, n)
    if ties:
        x = np.round(x / 5)
    w = rng.integers(0, 4, n).astype(float) if ties else rng.lognormal(0, 0.7, n)
    x[::97] = np.nan
    frame = pd.DataFrame({"gemeente": codes, "inkomen": x, "gewicht": w})
    levels = (0.1, 0.25, 0.5, 0.9)
    sql = duckdb_sql("people", "inkomen", "gemeente", "gewicht" if weighted else None, levels)
    con = duckdb.connect()
    con.register("people", frame)
    got = con.execute(sql).df().set_index("g").reindex(range(n_cells))
    res = grouped_measures(
        x, codes, n_cells, w if weighted else None, ["mean", "sd", "p10", "p25", "median", "p90"]
    )
    np.testing.assert_array_equal(got["n"].fillna(0), np.where(res.weight_sum > 0, res.n, 0))
    np.testing.assert_allclose(got["mean"], res.values["mean"], rtol=1e-12, equal_nan=True)
    np.testing.assert_allclose(got["sd"], res.values["sd"], rtol=1e-7, equal_nan=True)
    for col, name in [("p10", "p10"), ("p25", "p25"), ("p50", "median"), ("p90", "p90")]:
        np.testing.assert_array_equal(got[col], res.values[name], err_msg=col)
