"""Column checks after the user chose columns: values, rows and advice in the message."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.dataset.validate import (
    numeric_column,
    parse_period,
    region_column,
    require_columns,
    weight_column,
    year_column,
)
from indicators.errors import DataError
from indicators.io.load import load_table

DATA = Path(__file__).parent / "data"

CASES = [
    # (function, column, values, expected fragments)
    (require_columns, "inkomens", None, ["'f.csv'", "'inkomens'", "did you mean 'inkomen'", "'regio'"]),
    (numeric_column, "x", ["1", "n.v.t.", "2", "12,3,4"], ["'f.csv'", "'x'", "row 3 ('n.v.t.')", "row 5 ('12,3,4')", "empty"]),
    (weight_column, "x", [1.0, -3.0, 2.0, -1.0], ["'x'", "zero or more", "row 3 ('-3.0')", "row 5"]),
    (weight_column, "x", [0.0, 0.0, np.nan, 0.0], ["'x'", "all weights are zero", "no weight"]),
    (weight_column, "x", [np.nan] * 4, ["all weights are missing"]),
    (region_column, "x", ["GM0363", None, " ", "PV27"], ["'x'", "row 3 (empty)", "row 4", "remove the rows"]),
    (year_column, "x", ["2019", "twintig", "19", 2019.5], ["'x'", "row 3 ('twintig')", "row 4 ('19')", "row 5 ('2019.5')"]),
    (year_column, "x", [2019, None, 2020, 2021], ["no year", "row 3"]),
]  # fmt: skip


@pytest.mark.parametrize(("func", "column", "values", "fragments"), CASES)
def test_messages(func, column, values, fragments):
    if values is None:
        df = pd.DataFrame({"regio": ["A"], "inkomen": [1.0]})
    else:
        df = pd.DataFrame({column: pd.Series(values, dtype=object)})
    with pytest.raises(DataError) as info:
        func(df, column, source="f.csv") if func is not require_columns else func(
            df, [column], source="f.csv"
        )
    for fragment in fragments:
        assert fragment in str(info.value)


def test_many_offenders_show_five_and_count():
    df = pd.DataFrame({"x": ["a"] * 12})
    with pytest.raises(DataError, match=r"row 6 \('a'\) and 7 more rows"):
        numeric_column(df, "x", source="f.csv")


def test_row_numbers_follow_header_row():
    df = pd.DataFrame({"x": ["1", "oops"]})
    df.attrs["header_row"] = 3  # two title lines above the header
    with pytest.raises(DataError, match=r"row 5 \('oops'\)"):
        numeric_column(df, "x", source="f.csv")


def test_numeric_accepts_decimal_comma_markers_and_numbers():
    df = pd.DataFrame({"a": ["7,5", " 8 ", ".", "x", "", "1.234,5"], "b": [1, 2, 3, 4, 5, 6]})
    out = numeric_column(df, "a", source="f.csv")
    assert out.iloc[[0, 1, 5]].tolist() == [7.5, 8.0, 1234.5]
    assert out.iloc[2:5].isna().all()
    assert out.dtype == "float64"
    assert numeric_column(df, "b", source="f.csv").tolist() == [1.0, 2, 3, 4, 5, 6]


def test_numeric_on_loaded_excel_column_names_the_row():
    df = load_table(DATA / "two_sheets.xlsx", sheet="Data")
    with pytest.raises(DataError, match=r"row 3 \('n.v.t.'\)"):
        numeric_column(df, "Score", source="two_sheets.xlsx")


def test_weight_missing_allowed():
    w = weight_column(pd.DataFrame({"w": [1.0, np.nan, 0.0]}), "w", source="f.csv")
    assert w.iloc[0] == 1.0 and np.isnan(w.iloc[1])


def test_region_strips_and_keeps_text():
    df = load_table(DATA / "statline_regionaal.csv")
    r = region_column(df, "RegioS", source="s.csv")
    assert r.tolist()[:2] == ["GM0363", "GM0363"]
    codes = region_column(pd.DataFrame({"c": [363.0, 344.0]}), "c", source="f.csv")
    assert codes.tolist() == ["363", "344"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019JJ00", 2019),
        ("2019KW01", "2019-Q1"),
        ("2019KW04", "2019-Q4"),
        ("2019MM01", "2019-01"),
        ("2019MM12", "2019-12"),
        (2019, 2019),
        (2019.0, 2019),
        ("2019", 2019),
        (np.int64(2020), 2020),
        ("2019-Q2", "2019-Q2"),
    ],
)
def test_parse_period(value, expected):
    assert parse_period(value) == expected


@pytest.mark.parametrize("value", ["twintig", "19", 2019.5, "2019MM13", "2019KW05", 1700, True])
def test_parse_period_rejects(value):
    with pytest.raises(DataError, match="not a year"):
        parse_period(value)


def test_year_column_mixed_periods_sort_as_text():
    df = pd.DataFrame({"p": ["2019KW02", "2019JJ00", "2019MM01"]})
    out = year_column(df, "p", source="f.csv")
    assert out.tolist() == ["2019-Q2", "2019", "2019-01"]
    assert sorted(out) == ["2019", "2019-01", "2019-Q2"]


def test_year_column_ints():
    out = year_column(pd.DataFrame({"j": [2019, 2020]}), "j", source="f.csv")
    assert out.dtype == "int64" and out.tolist() == [2019, 2020]


def test_require_columns_case_hint_and_ok():
    df = pd.DataFrame({"Regio Naam": ["a"]})
    require_columns(df, ["Regio Naam", None], source="f.csv")
    with pytest.raises(DataError, match="did you mean 'Regio Naam'"):
        require_columns(df, ["regionaam"], source="f.csv")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [2019, 2020, "2021", "2019JJ00", "2022JJ00", 2018.0, "2019KW01", "2020MM03"]
        ),
        min_size=1,
        max_size=30,
    )
)
def test_year_column_equals_parsing_each_row(values):
    # the column is parsed once per distinct value (vectorised); rows must get what a
    # row-by-row parse gives
    out = year_column(pd.DataFrame({"p": values}), "p", source="f.csv")
    expected = [parse_period(v) for v in values]
    if all(isinstance(e, int) for e in expected):
        assert out.dtype == "int64" and out.tolist() == expected
    else:
        assert out.tolist() == [str(e) for e in expected]


@pytest.mark.parametrize("years", [[1700, 2019], [2019, 2300]])
def test_year_column_whole_numbers_out_of_range_are_refused(years):
    with pytest.raises(DataError, match="should hold years"):
        year_column(pd.DataFrame({"j": years}), "j", source="f.csv")
