"""Microdata or aggregates: told from the key columns, exactly, however long the table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.dataset.mapping import SHAPE_HEAD, Mapping, detect_shape
from indicators.dataset.own_variables import AGGREGATES, MICRODATA


def table(n: int, repeat_at: int | None = None) -> pd.DataFrame:
    """n distinct (region, year) rows; optionally row ``repeat_at`` repeats row 0's key."""
    regions = np.array([f"GM{i // 10:05d}" for i in range(n)], dtype=object)
    years = 2014 + np.arange(n) % 10
    if repeat_at is not None:
        regions[repeat_at], years[repeat_at] = regions[0], years[0]
    return pd.DataFrame({"r": regions, "j": years})


@pytest.mark.parametrize(
    ("n", "repeat_at", "shape"),
    [
        (20, None, AGGREGATES),
        (20, 7, MICRODATA),
        (SHAPE_HEAD * 3, None, AGGREGATES),  # longer than the head, no key repeated
        (SHAPE_HEAD * 3, SHAPE_HEAD * 2 + 5, MICRODATA),  # the only repeat after the head
        (SHAPE_HEAD * 3, 3, MICRODATA),
    ],
)
def test_shape_is_exact_beyond_the_head(n, repeat_at, shape):
    assert detect_shape(table(n, repeat_at), Mapping("r", year="j")) == shape


def test_shape_counts_missing_keys_as_one_value():
    df = pd.DataFrame({"r": ["a", None, None], "j": [2020, 2020, 2020]})
    assert detect_shape(df, Mapping("r", year="j")) == MICRODATA
    assert detect_shape(df.iloc[:2], Mapping("r", year="j")) == AGGREGATES
