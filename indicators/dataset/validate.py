"""Check the columns a user chose, with messages that say where the problem is and what to do.

Every function raises :class:`~indicators.errors.DataError` naming the file (``source``), the
column, up to five example rows, and what to do. Row numbers are spreadsheet rows: the header
is row ``df.attrs["header_row"]`` (1 when not set, as after `indicators.io.load_table` for an
ordinary file) and the data row at position ``i`` is row ``i + header_row + 1``; for a plain
table that is position + 2.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from indicators.errors import DataError
from indicators.io.load import (
    COMMA_NUMBER,
    MAX_EXAMPLES,
    MISSING_MARKERS,
    PERIOD_PATTERN,
    POINT_NUMBER,
    spreadsheet_rows,
    to_float,
)
from indicators.text import text

__all__ = [
    "finite_column",
    "numeric_column",
    "parse_period",
    "region_column",
    "require_columns",
    "weight_column",
    "year_column",
]

_PERIOD_RE = re.compile(PERIOD_PATTERN)
_YEAR_RE = re.compile(r"^\d{4}(\.0+)?$")
YEAR_MIN, YEAR_MAX = 1800, 2200


def _examples(df: pd.DataFrame, column: str, mask: Any) -> Callable[[str], str]:
    """Return, per language, 'row 4 ('n.v.t.'), row 17 ('12,3,4')' for the first offending
    rows (a function of the language, for :meth:`DataError.from_text`)."""
    pos = np.flatnonzero(np.asarray(mask, dtype=bool))
    rows = spreadsheet_rows(pos[:MAX_EXAMPLES], int(df.attrs.get("header_row", 1)))
    values = df[column].iloc[pos[:MAX_EXAMPLES]].tolist()

    def said(lang: str) -> str:
        parts = [
            text("error_parts.row_empty", lang, row=r)
            if _missing(v)
            else text("error_parts.row_value", lang, row=r, value=v)
            for r, v in zip(rows, values, strict=True)
        ]
        out = ", ".join(parts)
        if len(pos) > MAX_EXAMPLES:
            out += text("error_parts.more_rows", lang, n=len(pos) - MAX_EXAMPLES)
        return out

    return said


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v))


def _where(source: str, column: str) -> Callable[[str], str]:
    return lambda lang: text("error_parts.where", lang, source=source, column=column)


def require_columns(df: pd.DataFrame, columns: Iterable[str], *, source: str) -> None:
    """Check that the chosen columns exist in the table.

    Parameters
    ----------
    df : pandas.DataFrame
        The loaded table.
    columns : iterable of str
        Column names the user chose (None entries are ignored).
    source : str
        File name used in the message.

    Raises
    ------
    DataError
        Naming the first missing column, the closest existing name, and all columns.

    Examples
    --------
    >>> df = pd.DataFrame({"regio": ["A"], "inkomen": [1.0]})
    >>> require_columns(df, ["regio", "inkomen"], source="x.csv")
    >>> require_columns(df, ["inkomens"], source="x.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    indicators.errors.DataError: 'x.csv' has no column 'inkomens'; did you mean 'inkomen'? ...
    """
    existing = [str(c) for c in df.columns]
    for col in columns:
        if col is None or col in df.columns:
            continue
        close = difflib.get_close_matches(str(col), existing, n=1, cutoff=0.6)
        if not close:  # try ignoring case and spaces
            lowered = {c.lower().replace(" ", ""): c for c in existing}
            key = str(col).lower().replace(" ", "")
            close = [lowered[key]] if key in lowered else []
        listed = ", ".join(f"'{c}'" for c in existing[:40])

        def hint(lang: str, close=close) -> str:
            return text("error_parts.did_you_mean", lang, name=close[0]) if close else "."

        def shown(lang: str, listed=listed) -> str:
            more = len(existing) - 40
            return listed + (text("error_parts.and_more", lang, n=more) if more > 0 else "")

        raise DataError.from_text(
            "errors.no_column", source=source, column=col, hint=hint, shown=shown
        )


def numeric_column(df: pd.DataFrame, column: str, *, source: str, check: bool = True) -> pd.Series:
    """Return a column as floats, accepting numbers written with a decimal comma.

    Empty cells and the markers ``.``, ``x``, ``-`` and ``NA`` become missing (NaN).
    Text that is not a number raises.

    Parameters
    ----------
    df : pandas.DataFrame
        The loaded table.
    column : str
        The column to read.
    source : str
        File name used in the message.
    check : bool, default True
        Also refuse a column without values, with infinite values (R's ``Inf``) or with
        values whose sum is infinite (``1e308``), naming the rows.

    Returns
    -------
    pandas.Series of float

    Raises
    ------
    DataError
        With up to five example rows holding text that is not a number, numbers written
        with both decimal marks, or infinite values.

    Examples
    --------
    >>> df = pd.DataFrame({"score": ["7,5", "8", "."]})
    >>> numeric_column(df, "score", source="x.csv").tolist()
    [7.5, 8.0, nan]
    """
    require_columns(df, [column], source=source)
    s = df[column]
    if pd.api.types.is_bool_dtype(s):
        return s.astype(float)
    if pd.api.types.is_numeric_dtype(s):
        return s.astype(float) if not check else _finite(df, column, s.astype(float), source)
    raw = pa.array([None if _missing(v) else str(v) for v in s.tolist()], pa.string())
    t = pc.utf8_trim_whitespace(raw)
    marker = pc.fill_null(pc.is_in(t, value_set=pa.array(MISSING_MARKERS)), True)
    t = pc.if_else(marker, pa.scalar(None, pa.string()), t)
    comma_ok = pc.fill_null(pc.match_substring_regex(t, COMMA_NUMBER), True)
    point_ok = pc.fill_null(pc.match_substring_regex(t, POINT_NUMBER), True)
    if pc.all(comma_ok).as_py() and not pc.all(point_ok).as_py():
        decimal = ","
    elif pc.all(point_ok).as_py() and not pc.all(comma_ok).as_py():
        decimal = "."
    elif pc.all(point_ok).as_py():  # only ambiguous values: a comma is a decimal comma here
        decimal = "," if pc.any(pc.match_substring(t, ",")).as_py() else "."
    else:
        bad = pc.invert(pc.or_(comma_ok, point_ok)).to_numpy(zero_copy_only=False)
        if not bad.any():  # each a number, but some with a decimal comma, some with a point
            commas = pc.and_(comma_ok, pc.invert(point_ok)).to_numpy(zero_copy_only=False)
            points = pc.and_(point_ok, pc.invert(comma_ok)).to_numpy(zero_copy_only=False)
            raise DataError.from_text(
                "errors.mixed_decimals",
                where=_where(source, column),
                commas=_examples(df, column, commas),
                points=_examples(df, column, points),
            )
        raise DataError.from_text(
            "errors.not_numbers", where=_where(source, column), examples=_examples(df, column, bad)
        )
    out = pd.Series(
        to_float(pa.chunked_array([t]), decimal).to_numpy(),
        index=df.index,
        name=column,
        dtype=float,
    )
    return _finite(df, column, out, source) if check else out


def finite_column(df: pd.DataFrame, column: str, values: pd.Series, *, source: str) -> pd.Series:
    """Return ``values`` (column ``column`` of ``df`` as numbers) when a computation can use
    them: some values, none infinite, a finite sum; else raise a DataError naming the rows.

    For code that reads a numeric column itself (the scores of a variable); the messages are
    those of :func:`numeric_column`.

    >>> finite_column(pd.DataFrame({"x": [1.0, 2.0]}), "x", pd.Series([1.0, 2.0]), source="f")
    0    1.0
    1    2.0
    dtype: float64
    """
    return _finite(df, column, values, source)


def _finite(df: pd.DataFrame, column: str, x: pd.Series, source: str) -> pd.Series:
    """Return ``x`` when a computation can use it: some values, none infinite, a finite sum.

    >>> _finite(pd.DataFrame({"x": [1e308, 1e308]}), "x", pd.Series([1e308, 1e308]), "f.csv")
    Traceback (most recent call last):
    ...
    indicators.errors.DataError: In 'f.csv', column 'x' has values so large that their sum is \
infinite, in row 2 ('1e+308'), row 3 ('1e+308'). Check these values (a wrong unit or an error \
code?) and correct them.
    """
    values = x.to_numpy(dtype=float)
    if len(values) and np.isnan(values).all():
        raise DataError.from_text("errors.no_values", where=_where(source, column), n=len(values))
    infinite = np.isinf(values)
    if infinite.any():
        raise DataError.from_text(
            "errors.infinite_values",
            where=_where(source, column),
            examples=_examples(df, column, infinite),
        )
    size = np.abs(np.nan_to_num(values))
    with np.errstate(over="ignore"):
        total = size.sum()
    if not np.isfinite(total):
        large = size >= np.finfo(float).max / max(len(values), 1)
        raise DataError.from_text(
            "errors.huge_values",
            where=_where(source, column),
            examples=_examples(df, column, large),
        )
    return x


def weight_column(df: pd.DataFrame, column: str, *, source: str) -> pd.Series:
    """Return a weight column as floats, checking that weights are zero or more.

    Missing weights are allowed (those rows are dropped and counted by the computation).

    Parameters
    ----------
    df : pandas.DataFrame
        The loaded table.
    column : str
        The weight column.
    source : str
        File name used in the message.

    Returns
    -------
    pandas.Series of float

    Raises
    ------
    DataError
        When a weight is negative, or no weight is above zero.

    Examples
    --------
    >>> weight_column(pd.DataFrame({"w": [1.5, None, 2]}), "w", source="x.csv").tolist()
    [1.5, nan, 2.0]
    >>> weight_column(pd.DataFrame({"w": [1, -3]}), "w", source="x.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    indicators.errors.DataError: In 'x.csv', column 'w' weights must be zero or more, ...
    """
    w = numeric_column(df, column, source=source, check=False)
    neg = (w < 0).to_numpy()
    if neg.any():
        raise DataError.from_text(
            "errors.negative_weights",
            where=_where(source, column),
            examples=_examples(df, column, neg),
        )
    if not np.isinf(w.to_numpy()).any() and not (w > 0).any():
        key = "errors.weights_all_missing" if w.isna().all() else "errors.weights_all_zero"
        raise DataError.from_text(key, where=_where(source, column))
    if np.isinf(w.to_numpy()).any():
        raise DataError.from_text(
            "errors.infinite_weights",
            where=_where(source, column),
            examples=_examples(df, column, np.isinf(w.to_numpy())),
        )
    return w


def region_column(df: pd.DataFrame, column: str, *, source: str) -> pd.Series:
    """Return region codes or names as text with surrounding spaces removed.

    Parameters
    ----------
    df : pandas.DataFrame
        The loaded table.
    column : str
        The region column.
    source : str
        File name used in the message.

    Returns
    -------
    pandas.Series of str

    Raises
    ------
    DataError
        When a region is missing, with example rows.

    Examples
    --------
    >>> region_column(pd.DataFrame({"r": ["GM0363  ", "PV27"]}), "r", source="x.csv").tolist()
    ['GM0363', 'PV27']
    """
    require_columns(df, [column], source=source)
    s = df[column]
    if pd.api.types.is_float_dtype(s):
        whole = s.dropna()
        if (whole == np.round(whole)).all():
            s = s.astype("Int64")
    text = s.astype("str").str.strip()
    empty = (s.isna() | (text == "")).to_numpy()
    if empty.any():
        raise DataError.from_text(
            "errors.no_region", where=_where(source, column), examples=_examples(df, column, empty)
        )
    return pd.Series(text, index=df.index, name=column, dtype="str")


def parse_period(value: Any) -> int | str:
    """Parse one year or CBS period code.

    Years become int; CBS quarter and month codes become sortable strings.

    Parameters
    ----------
    value : int, float or str
        A year (``2019``, ``"2019"``, ``2019.0``) or a CBS period code (``2019JJ00``,
        ``2019KW01``, ``2019MM01``).

    Returns
    -------
    int or str
        The year, or ``"YYYY-Qn"`` for a quarter, or ``"YYYY-MM"`` for a month.

    Raises
    ------
    DataError
        When the value is not a year between 1800 and 2200 or a known period code.

    Examples
    --------
    >>> parse_period("2019JJ00")
    2019
    >>> parse_period("2019KW01")
    '2019-Q1'
    >>> parse_period("2019MM01")
    '2019-01'
    >>> parse_period(" 2021 ")
    2021
    >>> parse_period("twintig")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    indicators.errors.DataError: 'twintig' is not a year ...
    """
    if isinstance(value, bool):
        raise DataError.from_text("errors.not_a_year_or_period", value=value)
    year: int | None = None
    if isinstance(value, int | np.integer):
        year = int(value)
    elif isinstance(value, float | np.floating):
        if np.isfinite(value) and float(value).is_integer():
            year = int(value)
    elif isinstance(value, str):
        text = value.strip()
        m = _PERIOD_RE.match(text)
        if m:
            y, code = m.group(1), m.group(2)
            if code.startswith("KW"):
                return f"{y}-Q{code[3]}"
            if code.startswith("MM"):
                return f"{y}-{code[2:]}"
            year = int(y)
        elif _YEAR_RE.match(text):
            year = int(float(text))
        elif re.fullmatch(r"\d{4}-(Q[1-4]|0[1-9]|1[0-2])", text):
            return text
    if year is not None and YEAR_MIN <= year <= YEAR_MAX:
        return year
    raise DataError.from_text("errors.not_a_year", value=value)


def year_column(df: pd.DataFrame, column: str, *, source: str) -> pd.Series:
    """Return a year or period column: int years, or sortable period strings.

    Accepts whole numbers 1800..2200, text such as ``"2019"``, and CBS period codes.
    When every value is a year the result is int64; when some are quarters or months
    (``2019-Q1``, ``2019-01``) the result is text in which years are written ``"2019"``,
    so that sorting the text sorts by time.

    Parameters
    ----------
    df : pandas.DataFrame
        The loaded table.
    column : str
        The year column.
    source : str
        File name used in the message.

    Returns
    -------
    pandas.Series

    Raises
    ------
    DataError
        When a value is missing or is not a year, with example rows.

    Examples
    --------
    >>> df = pd.DataFrame({"p": ["2019JJ00", "2020JJ00", 2021]})
    >>> year_column(df, "p", source="x.csv").tolist()
    [2019, 2020, 2021]
    """
    require_columns(df, [column], source=source)
    s = df[column]
    if pd.api.types.is_integer_dtype(s.dtype) and len(s) and not s.isna().any():
        low, high = int(s.min()), int(s.max())
        if low >= YEAR_MIN and high <= YEAR_MAX:  # whole years already: no parsing needed
            years = s.to_numpy(dtype="int64")
            return pd.Series(years, index=df.index, name=column, dtype="int64", copy=False)
    # each distinct value is parsed once; rows take their value's result by its code (a loop
    # over 18 million rows took 5.7 s, twice the whole computation)
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    parsed: list[int | str | None] = []
    for v in uniques.tolist():
        try:
            parsed.append(parse_period(v))  # missing values have code -1, not a unique
        except DataError:
            parsed.append(None)
    unparsed = np.array([p is None for p in parsed] + [True])  # the last one: missing (-1)
    bad = unparsed[codes]
    if bad.any():
        missing = codes < 0
        if (bad & ~missing).any():
            raise DataError.from_text(
                "errors.not_years",
                where=_where(source, column),
                examples=_examples(df, column, bad & ~missing),
            )
        raise DataError.from_text(
            "errors.no_year", where=_where(source, column), examples=_examples(df, column, missing)
        )
    if all(isinstance(p, int) for p in parsed):
        years = np.asarray(parsed, dtype="int64")[codes]
        return pd.Series(years, index=df.index, name=column, dtype="int64", copy=False)
    texts = np.asarray([str(p) for p in parsed], dtype=object)[codes]
    return pd.Series(texts, index=df.index, name=column, dtype="str")
