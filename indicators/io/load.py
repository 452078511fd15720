"""Read the tables policy staff have: CSV dialects, CBS StatLine downloads, Excel and Parquet.

`load_table` is the one entry point. It accepts a path or an uploaded file, detects the
format from the content, and returns a clean :class:`pandas.DataFrame` or raises
:class:`~indicators.errors.DataError` with a message a policy analyst can act on.

Conventions applied while loading (and only these):

- spaces around header names and cells are removed;
- a column whose values are all numbers in the file's convention (decimal comma with ``.``
  thousands separators, or decimal point with ``,`` thousands separators) becomes numeric;
  in such a column the missing-value markers ``.``, ``x``, ``-``, ``NA`` and empty cells
  become missing; in text columns only empty cells become missing;
- a column of CBS period codes becomes years (``2019JJ00`` -> 2019) or sortable strings
  (``2019KW01`` -> ``2019-Q1``, ``2019MM01`` -> ``2019-01``);
- a column of whole numbers with leading zeros (``0363``) stays text: it is a code;
- completely empty rows at the end of the table and completely empty columns without a
  name are dropped; title lines above the header are skipped;
- a long table (region, year, indicator, value) is pivoted to one column per indicator, a
  unit column's unit written after each indicator's name (``Werkloosheid (%)``);
- a wide table with one column per year (``2015``, ``2023*``, ``2019Q1``: StatLine,
  Eurostat and OECD exports) becomes one row per region and year, and one column per
  indicator when it has an indicator column.

Everything that was applied beyond reading is listed in ``df.attrs["load_notes"]`` (in
English) and ``df.attrs["load_notes_nl"]`` (the same notes in Dutch, from the text catalogue)
so the user interface can say so in its language (:func:`read_notes`). ``df.attrs["header_row"]`` is the spreadsheet row number of the
header (1 unless title lines were skipped); the data row at position ``i`` is spreadsheet row
``i + header_row + 1``.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from indicators.errors import DataError
from indicators.text import CATALOGUE
from indicators.text import text as lookup  # io.py has many a local `text`

__all__ = [
    "MAX_BYTES",
    "MISSING_MARKERS",
    "detect_long",
    "detect_wide",
    "key_columns",
    "from_wide",
    "load_table",
    "pivot_long",
    "read_notes",
    "reshape_notes",
    "spreadsheet_rows",
]

#: Largest file `load_table` reads (bytes); larger files get a clear message.
MAX_BYTES = 1024**3
#: Largest total size of the files inside a workbook (.xlsx is a zip of XML), unpacked.
MAX_XLSX_UNPACKED = 256 * 1024**2
#: Largest ratio of unpacked to packed size of one part of a workbook (zip bombs: > 1000).
MAX_XLSX_RATIO = 100
#: Most cells (rows x columns, from the first to the last cell) of a sheet that is read.
MAX_XLSX_CELLS = 5_000_000
#: Most parts in a workbook (a real one has tens).
MAX_XLSX_PARTS = 10_000
#: How much of a text file is looked at to detect the encoding and the dialect.
SAMPLE_BYTES = 64 * 1024
#: The sample grows up to this size until it holds a few whole lines (a very wide header).
MAX_SAMPLE_BYTES = 16 * 1024**2
#: Most columns, rows and cells of a table (see SECURITY.md for the memory they take).
MAX_COLUMNS = 10_000
MAX_ROWS = 20_000_000
MAX_CELLS = 100_000_000
#: Cells that mean "missing" in an otherwise numeric column (CBS and common usage).
MISSING_MARKERS = (".", "x", "-", "", "NA")
MAX_EXAMPLES = 5

_SEPARATORS = ("\t", ";", ",", "|")
_SEP_NAMES = {"\t": "tab", ";": "semicolon", ",": "comma", "|": "vertical bar", " ": "space"}

_INT = r"^[+-]?\d+$"
_LEADING_ZERO = r"^[+-]?0\d"
# decimal comma, optional "." thousands grouping: 12,5  1.234,56  1.234  -3
COMMA_NUMBER = r"^[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$"
# decimal point, optional "," thousands grouping, optional exponent: 12.5  1,234.5  1e-3
POINT_NUMBER = r"^[+-]?((\d+|\d{1,3}(,\d{3})+)(\.\d+)?|\.\d+)([eE][+-]?\d+)?$"
_PLAIN_COMMA = r"^\s*[+-]?\d+(,\d+)?\s*$"
_PLAIN_POINT = r"^\s*[+-]?\d+(\.\d+)?\s*$"
#: CBS period codes: 2019JJ00 (year), 2019KW01 (quarter), 2019MM01 (month).
PERIOD_PATTERN = r"^(\d{4})(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2]))$"
_PERIOD_RE = re.compile(PERIOD_PATTERN)

# what a file is by its first bytes: its words are the text catalogue's "file_kinds.<kind>"
_SIGNATURES = (
    (b"%PDF", "pdf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xd0\xcf\x11\xe0", "xls"),
    (b"\x1f\x8b", "gz"),
)


# --------------------------------------------------------------------------- helpers


def spreadsheet_rows(positions: Any, header_row: int = 1) -> list[int]:
    """Turn 0-based data positions into spreadsheet row numbers.

    Parameters
    ----------
    positions : array-like of int
        Positions of data rows (0 is the first row under the header).
    header_row : int, default 1
        Spreadsheet row number of the header.

    Returns
    -------
    list of int

    Examples
    --------
    >>> spreadsheet_rows([0, 3])
    [2, 5]
    >>> spreadsheet_rows([0], header_row=3)
    [4]
    """
    return [int(p) + header_row + 1 for p in positions]


def _col_letter(i: int) -> str:
    """Return the spreadsheet letter of 0-based column ``i`` (0 -> A, 26 -> AA)."""
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def _fmt_list(items: list[str], limit: int = 30, *, lang: str = "en") -> str:
    shown = ", ".join(f"'{x}'" for x in items[:limit])
    if len(items) > limit:
        shown += lookup("error_parts.and_more", lang, n=len(items) - limit)
    return shown


def _join_rows(rows: list[int], total: int | None = None, *, lang: str = "en") -> str:
    text = ", ".join(str(r) for r in rows[:MAX_EXAMPLES])
    total = len(rows) if total is None else total
    if total > MAX_EXAMPLES:
        text += lookup("error_parts.and_more", lang, n=total - MAX_EXAMPLES)
    return text


class _Notes:
    """The read notes of one table, in English and in Dutch, each from the text catalogue.

    ``df.attrs["load_notes"]`` keeps the English notes (as they have always been) and
    ``df.attrs["load_notes_nl"]`` the same notes in Dutch; :func:`read_notes` gives either.
    A value that differs by language is given as a function of the language.
    """

    def __init__(self, en: list[str] | None = None, nl: list[str] | None = None):
        self.en = list(en or [])
        self.nl = list(nl if nl is not None and len(nl) == len(self.en) else self.en)

    @classmethod
    def of(cls, df: pd.DataFrame) -> _Notes:
        return cls(df.attrs.get("load_notes"), df.attrs.get("load_notes_nl"))

    def add(self, key: str, **values: Any) -> None:
        if values.get("n") == 1 and f"load_notes.{key}_one" in CATALOGUE:
            key += "_one"  # the singular: '1 lege regel'
        for lang, out in (("en", self.en), ("nl", self.nl)):
            said = {k: v(lang) if callable(v) else v for k, v in values.items()}
            out.append(lookup(f"load_notes.{key}", lang, **said))

    def store(self, attrs: dict) -> None:
        attrs["load_notes"] = list(self.en)
        attrs["load_notes_nl"] = list(self.nl)

    def __len__(self) -> int:
        return len(self.en)


def reshape_notes(df: pd.DataFrame, lang: str = "en") -> list[str]:
    """Return the read notes that say how the table was turned round (a wide table's years, a
    long table's indicators, their units), in ``lang``: the ones a page shows in full view.

    >>> reshape_notes(load_table(b"regio,2021,2022\\nA,1,2\\nB,3,4\\n", name="x.csv"))[0][:34]
    'The table had one column per year:'
    """
    said = df.attrs.get("reshape_notes") or {}
    return list(said.get(lang if lang in said else "en", []))


def read_notes(df: pd.DataFrame, lang: str = "en") -> list[str]:
    """Return what :func:`load_table` did beyond reading ``df``, in ``lang`` ("nl" or "en").

    >>> df = load_table(io.BytesIO(b"\\n\\nregio,x\\nA,1\\n"), name="x.csv")
    >>> read_notes(df, "nl")
    ['2 lege regels boven de kopregel overgeslagen (rij 3).']
    """
    notes = _Notes.of(df)
    return list(notes.nl if lang == "nl" else notes.en)


# ------------------------------------------------------------------- text column logic


@dataclass(frozen=True)
class _Evidence:
    """What the non-missing values of a text column look like."""

    n: int
    all_int: bool
    leading_zero: bool
    all_comma: bool
    all_point: bool
    comma_says: bool  # some value can only be read with a decimal comma
    point_says: bool  # some value can only be read with a decimal point
    all_period: bool


def _all(mask: pa.ChunkedArray | pa.Array) -> bool:
    return bool(pc.all(mask).as_py()) if len(mask) else True


def _any(mask: pa.ChunkedArray | pa.Array) -> bool:
    return bool(pc.any(mask).as_py()) if len(mask) else False


def _evidence(vals: pa.ChunkedArray | pa.Array) -> _Evidence:
    """Describe trimmed, non-missing strings (vectorised; each test is one pass)."""
    n = len(vals)
    if n == 0:
        return _Evidence(0, False, False, False, False, False, False, False)
    is_int = pc.match_substring_regex(vals, _INT)
    if _all(is_int):
        lz = _any(pc.match_substring_regex(vals, _LEADING_ZERO))
        return _Evidence(n, True, lz, True, True, False, False, False)
    comma_ok = pc.match_substring_regex(vals, COMMA_NUMBER)
    point_ok = pc.match_substring_regex(vals, POINT_NUMBER)
    all_comma, all_point = _all(comma_ok), _all(point_ok)
    if not (all_comma or all_point):
        period = _all(pc.match_substring_regex(vals, PERIOD_PATTERN))
        return _Evidence(n, False, False, False, False, False, False, period)
    comma_says = _any(pc.and_(comma_ok, pc.invert(point_ok)))
    point_says = _any(pc.and_(point_ok, pc.invert(comma_ok)))
    return _Evidence(n, False, False, all_comma, all_point, comma_says, point_says, False)


def _decimal_for(ev: _Evidence, file_decimal: str) -> str | None:
    """Return the decimal mark to read a column with, or None when it is not numeric."""
    if ev.n == 0 or ev.all_period or ev.leading_zero:
        return None
    if ev.all_int:
        return file_decimal
    if ev.all_comma and ev.all_point:  # only ambiguous values such as 1.234 or 1,234
        return file_decimal
    if ev.all_comma:
        return ","
    if ev.all_point:
        return "."
    return None


def _file_decimal(evidences: list[_Evidence], sep: str) -> str:
    """Decide the decimal mark of a whole file from its columns' evidence."""
    comma = sum(ev.comma_says and not ev.point_says for ev in evidences)
    point = sum(ev.point_says and not ev.comma_says for ev in evidences)
    if comma != point:
        return "," if comma > point else "."
    return "," if sep == ";" else "."


def to_float(vals: pa.ChunkedArray, decimal: str) -> pa.ChunkedArray:
    if decimal == ",":
        vals = pc.replace_substring(vals, ".", "")
        vals = pc.replace_substring(vals, ",", ".")
    else:
        vals = pc.replace_substring(vals, ",", "")
    return pc.cast(vals, pa.float64())


def _convert_periods(vals: pa.ChunkedArray) -> pd.Series:
    """Convert CBS period codes to int years, or to 'YYYY-Qn' / 'YYYY-MM' strings."""
    year = pc.utf8_slice_codeunits(vals, 0, 4)
    kind = pc.utf8_slice_codeunits(vals, 4, 6)
    num = pc.utf8_slice_codeunits(vals, 6, 8)
    if _all(pc.or_kleene(pc.equal(kind, "JJ"), pc.is_null(kind))):
        return pd.Series(pc.cast(year, pa.int64()).to_pandas())
    quarter = pc.binary_join_element_wise(year, pc.utf8_slice_codeunits(num, 1, 2), "-Q")
    month = pc.binary_join_element_wise(year, num, "-")
    out = pc.if_else(pc.equal(kind, "KW"), quarter, pc.if_else(pc.equal(kind, "MM"), month, year))
    return pd.Series(out.to_pandas(), dtype="str")


def _as_chunked(arr: pa.Array | pa.ChunkedArray) -> pa.ChunkedArray:
    return arr if isinstance(arr, pa.ChunkedArray) else pa.chunked_array([arr])


def _convert_text(
    raw: pa.ChunkedArray | pa.Array,
    file_decimal: str,
    column: str,
    notes: _Notes,
    *,
    known_text: bool = False,
) -> pd.Series:
    """Clean one column of raw strings: trim, detect numbers, markers and period codes.

    ``known_text`` says that part of the column (the sample) already holds text that is
    neither a number nor a period code, so the whole column is text.
    """
    raw = _as_chunked(raw)
    if raw.type != pa.string() and raw.type != pa.large_string():
        raw = pc.cast(raw, pa.string())
    t = pc.utf8_trim_whitespace(raw)
    minus = pc.fill_null(pc.match_substring_regex(t, "^\u2212\\s*[0-9.,]"), False)
    if not known_text and _any(minus):
        # the minus sign of Word and web pages (U+2212): a number if the rest is numbers
        plain = pc.if_else(minus, pc.replace_substring(t, "\u2212", "-"), t)
        mark = pc.fill_null(pc.is_in(plain, value_set=pa.array(MISSING_MARKERS)), True)
        ev = _evidence(pc.filter(plain, pc.invert(mark)))
        if _decimal_for(ev, file_decimal) is not None:
            notes.add("unicode_minus", column=column, n=pc.sum(minus).as_py())
            t = plain
    if known_text:
        empty = pc.fill_null(pc.equal(t, ""), True)
        text = pc.if_else(empty, pa.scalar(None, pa.string()), t)
        return pd.Series(text.to_pandas(), dtype="str")
    marker = pc.fill_null(pc.is_in(t, value_set=pa.array(MISSING_MARKERS)), True)
    vals = pc.filter(t, pc.invert(marker))
    ev = _evidence(vals)
    missing = pc.if_else(marker, pa.scalar(None, pa.string()), t)
    if ev.n and not (ev.all_int or ev.all_comma or ev.all_point or ev.all_period):
        special = _numbers_with_inf_or_percent(vals, missing, file_decimal, column, notes)
        if special is not None:
            return special
    if ev.n == 0:  # only empty cells or missing-value markers
        return pd.Series(np.full(len(t), np.nan))
    if ev.all_period:
        return _convert_periods(missing)
    decimal = _decimal_for(ev, file_decimal)
    if decimal is None:
        empty = pc.fill_null(pc.equal(t, ""), True)
        text = pc.if_else(empty, pa.scalar(None, pa.string()), t)
        return pd.Series(text.to_pandas(), dtype="str")
    if ev.all_int and ev.n == len(t):
        try:
            return pd.Series(pc.cast(t, pa.int64()).to_pandas())
        except (pa.ArrowInvalid, OverflowError):
            pass
    if not ev.all_int and ev.all_comma and ev.all_point:
        sep = "." if decimal == "," else ","
        notes.add("thousands", column=column, sep=sep)
    values = to_float(missing, decimal).to_numpy()
    if missing.null_count == 0 and not _any(pc.match_substring(missing, decimal)):
        whole = np.isfinite(values).all() and (values == np.round(values)).all()
        if whole and np.abs(values).max(initial=0) < 2**53:
            return pd.Series(values.astype(np.int64))
    return pd.Series(values)


_INF = r"^[+-]?(?i:inf|infinity|∞)$"
_PERCENT = r"^[^%]*\d\s*%$"


def _maybe_inf_or_percent(sample: list[str]) -> bool:
    """Return whether a sample column holds an infinite value or ends its values with %."""
    arr = pc.utf8_trim_whitespace(pa.array(sample, pa.string()))
    return (
        _any(pc.match_substring_regex(arr, _INF))
        or _any(pc.match_substring_regex(arr, _PERCENT))
        or _any(pc.match_substring(arr, "\u2212"))
    )


def _numbers_with_inf_or_percent(
    vals: pa.ChunkedArray, missing: pa.ChunkedArray, file_decimal: str, column: str, notes: _Notes
) -> pd.Series | None:
    """Read a column of numbers that holds infinite values (R's ``Inf``, ``inf``) or in which
    every number ends with ``%`` (``20,0%``); return None when it is not such a column.

    Infinite values stay infinite: they are said here, and a computation that uses the
    column stops on them with the rows (:func:`indicators.dataset.validate.numeric_column`).
    """
    is_inf = pc.match_substring_regex(vals, _INF)
    if _any(is_inf):
        rest = pc.filter(vals, pc.invert(is_inf))
        ev = _evidence(rest)
        decimal = _decimal_for(ev, file_decimal) if ev.n else file_decimal
        if decimal is None:
            return None
        inf_all = pc.fill_null(pc.match_substring_regex(missing, _INF), False)
        numbers = pc.if_else(inf_all, pa.scalar(None, pa.string()), missing)
        values = to_float(numbers, decimal).to_numpy(zero_copy_only=False).astype(float)
        signs = np.where(
            pc.fill_null(pc.starts_with(missing, "-"), False).to_numpy(zero_copy_only=False),
            -np.inf,
            np.inf,
        )
        mask = inf_all.to_numpy(zero_copy_only=False)
        values[mask] = signs[mask]
        notes.add("infinite", column=column, n=int(mask.sum()))
        return pd.Series(values)
    if _all(pc.match_substring_regex(vals, _PERCENT)):
        stripped = pc.utf8_rtrim_whitespace(pc.replace_substring(missing, "%", ""))
        ev = _evidence(pc.drop_null(stripped))
        decimal = _decimal_for(ev, file_decimal)
        if decimal is None:
            return None
        values = to_float(stripped, decimal).to_numpy(zero_copy_only=False).astype(float)
        example = vals[0].as_py()
        notes.add(
            "percentages", column=column, example=example, first=f"{values[~np.isnan(values)][0]:g}"
        )
        return pd.Series(values)
    return None


# ------------------------------------------------------------------------ the source


@dataclass
class _Source:
    name: str
    path: Path | None
    data: bytes | None
    size: int
    head: bytes

    def stream(self) -> Any:
        return str(self.path) if self.path is not None else io.BytesIO(self.data or b"")

    def all_bytes(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()


def _open_source(source: Any, name: str | None, max_bytes: int) -> _Source:
    if isinstance(source, str | PathLike):
        path = Path(source)
        shown = name or path.name
        if not path.is_file():
            raise DataError.from_text("errors.file_not_found", name=shown, path=path)
        size = path.stat().st_size
        _check_size(shown, size, max_bytes)
        with path.open("rb") as fh:  # read-only: the user's file is never changed
            head = fh.read(SAMPLE_BYTES)
            while head.count(b"\n") + head.count(b"\r") < 3 and len(head) < min(
                size, MAX_SAMPLE_BYTES
            ):
                head += fh.read(len(head))
        return _Source(shown, path, None, size, head)
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        shown = name or "uploaded file"
    else:
        shown = name or Path(str(getattr(source, "name", "") or "uploaded file")).name
        if hasattr(source, "getvalue"):
            data = source.getvalue()
        elif hasattr(source, "read"):
            pos = source.tell() if getattr(source, "seekable", lambda: False)() else None
            data = source.read()
            if pos is not None:
                source.seek(pos)
        else:
            raise TypeError(f"cannot read a table from {type(source).__name__}")
        if isinstance(data, str):
            data = data.encode("utf-8")
    _check_size(shown, len(data), max_bytes)
    head_size = SAMPLE_BYTES
    while (
        head_size < min(len(data), MAX_SAMPLE_BYTES)
        and data[:head_size].count(b"\n") + data[:head_size].count(b"\r") < 3
    ):
        head_size *= 2
    return _Source(shown, None, data, len(data), data[:head_size])


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise DataError.from_text(
            "errors.file_too_large",
            name=name,
            size=lambda lang: _megabytes(size, lang),
            limit=lambda lang: _megabytes(max_bytes, lang),
        )
    if size == 0:
        raise DataError.from_text("errors.empty_file", name=name)


def _megabytes(size: float, lang: str) -> str:
    """Return a size in whole MB with a thousands separator: 1,234 (en) or 1.234 (nl)."""
    shown = f"{size / 1e6:,.0f}"
    return shown.replace(",", ".") if lang == "nl" else shown


def _kind_of(src: _Source) -> str:
    head = src.head
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"PAR1"):
        return "parquet"
    for sig, kind in _SIGNATURES:
        if head.startswith(sig):
            advice = "errors.advice_excel" if kind == "xls" else "errors.advice_table"
            raise DataError.from_text(
                "errors.not_a_table",
                name=src.name,
                what=lambda lang, kind=kind: lookup(f"file_kinds.{kind}", lang),
                advice=lambda lang, advice=advice: lookup(advice, lang),
            )
    stripped = head.lstrip().lower()
    if stripped.startswith((b"<!doctype html", b"<html")):
        raise DataError.from_text("errors.web_page", name=src.name)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "csv-utf16"
    even, odd = head[0:4096:2], head[1:4096:2]
    if len(head) >= 4 and odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "csv-utf16-le"
    if len(head) >= 4 and even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "csv-utf16-be"
    if b"\x00" in head:
        raise DataError.from_text("errors.binary", name=src.name)
    return "csv"


# -------------------------------------------------------------------------------- CSV


def _decode_head(src: _Source, encoding_hint: str | None) -> tuple[str, str, bool]:
    """Return (text, encoding, has_non_ascii) for the sample."""
    head = src.head
    if encoding_hint and encoding_hint.startswith("utf-16"):
        text = head[: len(head) - len(head) % 2].decode(encoding_hint, errors="ignore")
        return text, encoding_hint, True
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    truncated = src.size > len(src.head)
    try:
        return head.decode("utf-8"), "utf8", not head.isascii()
    except UnicodeDecodeError as err:
        if truncated and err.start >= len(head) - 3:
            try:
                part = head[: err.start]
                return part.decode("utf-8"), "utf8", not part.isascii()
            except UnicodeDecodeError:
                pass
        if re.search(rb"[\xc2-\xf4][\x80-\xbf]", head[: err.start]):
            # UTF-8 letters (Fryslân) first, then a byte that is not UTF-8: two encodings
            offset = 3 if src.head.startswith(b"\xef\xbb\xbf") else 0
            raise _undecodable(src.name, src.head, err.start + offset) from None
    try:
        return head.decode("cp1252"), "cp1252", True
    except UnicodeDecodeError as err:
        raise _undecodable(src.name, src.head, err.start) from None


def _undecodable(name: str, data: bytes, pos: int) -> DataError:
    line = data[:pos].count(b"\n") + 1
    return DataError.from_text("errors.undecodable", name=name, line=line)


def _sniff(text: str, name: str) -> tuple[str, list[list[str]], int, bool]:
    """Return (separator, sample rows, index of the header row, quoted newlines?)."""
    if not text.strip():
        raise DataError.from_text("errors.empty_file", name=name)
    best: tuple[tuple[float, int, int], str, list[list[str]], int] | None = None
    for priority, sep in enumerate(_SEPARATORS):
        try:
            rows = [
                r
                for r in csv.reader(io.StringIO(text, newline=""), delimiter=sep)
                if any(c.strip() for c in r)
            ]
        except csv.Error:
            continue
        if not rows:
            continue
        counts = [len(r) for r in rows]
        width = Counter(counts).most_common(1)[0][0]
        header = 0
        # skip title lines above the header: rows with one filled cell before the table
        while header < len(rows) - 1 and sum(bool(c.strip()) for c in rows[header]) <= 1 < width:
            header += 1
        body = counts[header:]
        score = sum(c == counts[header] for c in body) / len(body)
        key = (score if counts[header] > 1 else -1.0, counts[header], -priority)
        if best is None or key > best[0]:
            best = (key, sep, rows, header)
    if best is None:  # every separator stumbles on a quote that is never closed
        line = next((i + 1 for i, ln in enumerate(text.splitlines()) if ln.count('"') % 2), 1)
        raise DataError.from_text("errors.open_quote", name=name, line=line)
    _, sep, rows, header = best
    if best[0][0] < 0:  # one column only: no separator found
        spaced = _space_separated(text)
        if spaced is not None:
            return " ", spaced, 0, False
        sep = ","
        rows = [r for r in csv.reader(io.StringIO(text, newline="")) if any(c.strip() for c in r)]
        header = 0
    newlines = any("\n" in c or "\r" in c for r in rows for c in r)
    return sep, rows, header, newlines


def _space_separated(text: str) -> list[list[str]] | None:
    """Return the rows of a table separated by single spaces (R's ``write.table``), or None.

    R writes row names without a header cell: a header one value shorter than every line
    below it gets an empty first name (the column is then called 'column A' and said).
    """
    try:
        rows = [
            r
            for r in csv.reader(io.StringIO(text, newline=""), delimiter=" ")
            if any(c.strip() for c in r)
        ]
    except csv.Error:
        return None
    if len(rows) < 2:
        return None
    widths = {len(r) for r in rows[1:]}
    if len(widths) != 1 or min(widths) < 2:
        return None
    (width,) = widths
    if len(rows[0]) == width - 1:
        rows[0] = ["", *rows[0]]
    return rows if len(rows[0]) == width else None


def _check_header(names: list[str], name: str, header_row: int) -> None:
    seen: dict[str, list[int]] = {}
    for i, col in enumerate(names):
        if col:
            seen.setdefault(col, []).append(i)
    dups = {c: idx for c, idx in seen.items() if len(idx) > 1}
    if dups:

        def parts(lang: str) -> str:
            return "; ".join(
                lookup(
                    "error_parts.same_name",
                    lang,
                    column=c,
                    letters=", ".join(_col_letter(i) for i in idx),
                )
                for c, idx in dups.items()
            )

        raise DataError.from_text(
            "errors.duplicate_columns", name=name, row=header_row, parts=parts
        )


def _bad_lines(src: _Source, encoding: str, sep: str, width: int, header_idx: int) -> DataError:
    text = src.all_bytes().decode(encoding if encoding != "utf8" else "utf-8-sig", errors="replace")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    bad: list[tuple[int, int, int]] = []  # (first line, values, last line) of a row
    total = 0
    seen_rows = 0
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:  # a quote left open up to the end of the file
            total += 1
            bad.append((start, 1, reader.line_num))
            break
        if not any(c.strip() for c in row):
            continue
        seen_rows += 1
        if seen_rows <= header_idx + 1:
            continue
        if len(row) != width:
            total += 1
            if len(bad) < MAX_EXAMPLES:
                bad.append((start, len(row), reader.line_num))
    key = _SEP_NAMES[sep].replace(" ", "_")

    def seps(lang: str) -> str:
        return lookup(f"separators_plural.{key}", lang)

    if not bad:
        return DataError.from_text("errors.not_columns", name=src.name, width=width, seps=seps)

    def lines(lang: str) -> str:
        said = "; ".join(
            lookup("error_parts.line_has", lang, line=ln, n=n)
            if end == ln
            else lookup("error_parts.line_open_quote", lang, line=ln, n=n, end=end)
            for ln, n, end in bad
        )
        if total > len(bad):
            said += lookup("error_parts.more_lines", lang, n=total - len(bad))
        return said

    return DataError.from_text(
        "errors.ragged_lines",
        name=src.name,
        width=width,
        seps=seps,
        lines=lines,
        sep=lambda lang: lookup(f"separators.{key}", lang),
    )


def _read_csv(src: _Source, utf16: bool | str, notes: _Notes, info: dict[str, Any]) -> pd.DataFrame:
    hint = utf16 if isinstance(utf16, str) else ("utf-16" if utf16 else None)
    text, encoding, non_ascii = _decode_head(src, hint)
    if hint in ("utf-16-le", "utf-16-be"):
        notes.add("utf16_no_bom", endian="little" if hint.endswith("le") else "big")
    truncated = src.size > len(src.head)
    if truncated:  # keep complete lines only
        cut = text.rfind("\n")
        text = text[: cut + 1] if cut > 0 else text
    sep, rows, header_idx, newlines = _sniff(text, src.name)
    header_row = _physical_line(text, rows, header_idx, sep)
    header = [c.strip() for c in rows[header_idx]]
    _check_header(header, src.name, header_row)
    if len(rows) == header_idx + 1 and not truncated:
        raise DataError.from_text(
            "errors.header_no_rows",
            name=src.name,
            header=lambda lang: _fmt_list([h for h in header if h], 8, lang=lang),
        )
    if header_idx:
        notes.add("title_lines", n=header_idx, row=header_row)
    blank = header_row - 1 - header_idx
    if blank > 0:
        notes.add("blank_lines", n=blank, row=header_row)
    width = len(header)
    tmp = [f"c{i}" for i in range(width)]
    if truncated:  # refuse a table too large before it is read, from the sample's lines
        per_line = len(text.encode("utf-8")) / max(len(rows), 1)
        estimate = int(src.size / max(per_line, 1))
        if width > MAX_COLUMNS or estimate > MAX_ROWS * 1.1 or estimate * width > MAX_CELLS * 1.1:
            _check_shape_said(src.name, estimate, width, about=True)
    elif width > MAX_COLUMNS:
        _check_shape_said(src.name, len(rows) - header_idx - 1, width)

    # plan the column types from the sample; anything unusual is read as text and cleaned
    body = rows[header_idx + 1 :]
    sample_cols = [[r[i] if i < len(r) else "" for r in body] for i in range(width)]
    evidences = []
    for col in sample_cols:
        t = pc.utf8_trim_whitespace(pa.array(col, pa.string()))
        evidences.append(_evidence(pc.filter(t, pc.invert(pc.is_in(t, pa.array(MISSING_MARKERS))))))
    file_decimal = _file_decimal(evidences, sep)
    plain = _PLAIN_COMMA if file_decimal == "," else _PLAIN_POINT
    types: dict[str, pa.DataType] = {}
    for key, col, ev in zip(tmp, sample_cols, evidences, strict=True):
        arr = pa.array(col, pa.string())
        exact_markers = pc.is_in(arr, pa.array(MISSING_MARKERS))
        nums = pc.filter(arr, pc.invert(exact_markers))
        trimmed_markers = pc.is_in(pc.utf8_trim_whitespace(nums), pa.array(MISSING_MARKERS))
        typed = (
            ev.n > 0
            and _decimal_for(ev, file_decimal) == file_decimal
            and not _any(trimmed_markers)
            and _all(pc.match_substring_regex(nums, plain))
        )
        if typed and ev.all_int and not ev.leading_zero:
            types[key] = pa.int64()
        elif typed:
            types[key] = pa.float64()
        else:
            types[key] = pa.string()

    def read(column_types: dict[str, pa.DataType], enc: str) -> tuple[pa.Table, int]:
        invalid: list[Any] = []

        def handler(row: Any) -> str:
            invalid.append(row)
            return "skip"

        table = pacsv.read_csv(
            src.stream(),
            read_options=pacsv.ReadOptions(
                encoding=enc, column_names=tmp, skip_rows=header_row, block_size=1 << 22
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=sep,
                newlines_in_values=newlines,
                invalid_row_handler=handler,
                ignore_empty_lines=True,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types=column_types,
                null_values=list(MISSING_MARKERS),
                strings_can_be_null=False,
                quoted_strings_can_be_null=True,
                decimal_point=file_decimal,
                check_utf8=True,
            ),
        )
        nonlocal invalid_rows
        invalid_rows = invalid
        return table, len(invalid)

    all_text = dict.fromkeys(tmp, pa.string())
    invalid_rows: list[Any] = []
    try:
        try:
            table, n_invalid = read(types, encoding)
        except pa.ArrowInvalid as err:
            if "UTF8" in str(err):
                raise
            table, n_invalid = read(all_text, encoding)  # a value later on was not a number
    except pa.ArrowInvalid as err:
        if "UTF8" not in str(err) or encoding != "utf8":
            raise DataError(f"The file '{src.name}' could not be read as a table: {err}.") from None
        if non_ascii:  # UTF-8 at the start, something else later: a mix of encodings
            data = src.all_bytes()
            try:
                data.decode("utf-8-sig")
                pos = 0
            except UnicodeDecodeError as uerr:
                pos = uerr.start
            raise _undecodable(src.name, data, pos) from None
        encoding = "cp1252"
        try:
            table, n_invalid = read(all_text, encoding)
        except (pa.ArrowInvalid, UnicodeDecodeError):
            raise _undecodable(src.name, src.all_bytes(), 0) from None
    if n_invalid:
        notes_at_end = _footnote_lines(src, encoding, sep, invalid_rows)
        if notes_at_end is None:
            raise _bad_lines(src, encoding, sep, width, header_idx)
        lines, said = notes_at_end
        notes.add(
            "footnotes",
            n=n_invalid,
            where=lambda lang: lookup(
                f"load_note_parts.{'lines' if n_invalid > 1 else 'line'}",
                lang,
                rows=_join_rows(lines, lang=lang),
            ),
            said=said,
        )

    info.update(
        format="csv",
        separator=_SEP_NAMES[sep],
        decimal=file_decimal,
        encoding={
            "utf8": "UTF-8",
            "cp1252": "Windows-1252",
            "utf-16": "UTF-16",
            "utf-16-le": "UTF-16",
            "utf-16-be": "UTF-16",
        }[encoding],
    )
    if table.num_rows == 0:
        raise DataError.from_text(
            "errors.header_no_rows",
            name=src.name,
            header=lambda lang: _fmt_list([h for h in header if h], 8, lang=lang),
        )
    columns: dict[str, pd.Series] = {}
    for i, key in enumerate(tmp):
        col = table.column(key)
        label = header[i] or _col_letter(i)
        if pa.types.is_string(col.type):
            ev = evidences[i]
            known_text = (
                ev.n > 0
                and not ev.all_period
                and _decimal_for(ev, file_decimal) is None
                and not _maybe_inf_or_percent(sample_cols[i])
            )
            columns[key] = _convert_text(col, file_decimal, label, notes, known_text=known_text)
        else:
            columns[key] = pd.Series(col.to_pandas())
    return _finish(columns, header, notes, src.name, header_row, info)


def _footnote_lines(
    src: _Source, encoding: str, sep: str, invalid: list[Any]
) -> tuple[list[int], str] | None:
    """Return (line numbers, the lines) when the lines that do not fit the table are the
    last lines of the file, each a single value (a source or note under the table)."""
    n = len(invalid)
    if n > 20 or any(getattr(r, "actual_columns", 0) != 1 for r in invalid):
        return None
    data = src.all_bytes()
    text = data.decode(encoding if encoding != "utf8" else "utf-8-sig", errors="replace")
    lines = text.splitlines()
    filled = [i for i, line in enumerate(lines) if line.strip()]
    last = filled[-n:]
    if len(last) < n or len(filled) <= n:
        return None
    values = []
    for i in last:
        try:
            row = next(csv.reader([lines[i]], delimiter=sep))
        except (csv.Error, StopIteration):
            return None
        if len(row) != 1 and sum(bool(c.strip()) for c in row) != 1:
            return None
        values.append(next(c.strip() for c in row if c.strip()) if any(row) else "")
    if [str(getattr(r, "text", "")).strip() for r in invalid] != [lines[i].strip() for i in last]:
        return None
    said = "; ".join(f"'{v}'" for v in values[:5])
    return [i + 1 for i in last], said


def _physical_line(text: str, rows: list[list[str]], header_idx: int, sep: str) -> int:
    """Return the 1-based line number of the header row (title and blank lines may come
    first); a header with a line break in a quoted name ends on the line returned."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    count = -1
    for row in reader:
        if any(c.strip() for c in row):
            count += 1
            if count == header_idx:
                return reader.line_num
    return header_idx + 1


def _finish(
    columns: dict[str, pd.Series],
    header: list[str],
    notes: _Notes,
    name: str,
    header_row: int,
    info: dict[str, Any],
) -> pd.DataFrame:
    """Assemble the frame: name columns, drop empty unnamed columns and trailing empty rows."""
    keep: dict[str, pd.Series] = {}
    for key, head in zip(columns, header, strict=True):
        s = columns[key]
        if not head:
            letter = _col_letter(list(columns).index(key))
            if s.isna().all():
                notes.add("column_dropped", letter=letter)
                continue
            head = f"column {letter}"
            notes.add("column_unnamed", letter=letter, head=head)
        keep[head] = s.reset_index(drop=True)
    df = pd.DataFrame(keep)
    if len(df.columns):
        filled = df.notna().any(axis=1).to_numpy()
        last = int(np.flatnonzero(filled)[-1]) + 1 if filled.any() else 0
        if last < len(df):
            notes.add("empty_rows_end", n=len(df) - last)
            df = df.iloc[:last].reset_index(drop=True)
    if len(df) == 0:
        raise DataError.from_text("errors.header_no_rows_plain", name=name)
    df = _inspect_text(df, notes, header_row)
    _check_shape(df, name)
    df.attrs["source_name"] = name
    df.attrs["header_row"] = header_row
    notes.store(df.attrs)
    df.attrs["load_info"] = info
    return df


#: Names of a totals row in a region column (compared without case and spaces).
TOTAL_NAMES = frozenset(
    {"nederland", "totaal", "total", "totaal nederland", "the netherlands", "netherlands",
     "totaal generaal", "grand total", "alle regio's", "all regions", "eindtotaal"}
)  # fmt: skip
# a footnote at the end of a table: a source, a note, a mark such as *, 1) or ¹
_FOOTNOTE = re.compile(
    r"^\s*(bron|bronnen|source|sources|noot|note|notes|voetnoot|toelichting|opmerking|"
    r"verklaring|legenda|\*|\(?\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹]|©)",
    re.IGNORECASE,
)


def _rows_said(positions: Any, header_row: int, limit: int = 10) -> Any:
    """Return the rows at ``positions`` as a function of the language ('row 3', 'rijen 3, 4')."""
    rows = spreadsheet_rows(list(positions)[:limit], header_row)
    key = "load_note_parts.row" if len(positions) == 1 else "load_note_parts.rows"
    return lambda lang: lookup(key, lang, rows=_join_rows(rows, len(positions), lang=lang))


def _inspect_text(df: pd.DataFrame, notes: _Notes, header_row: int) -> pd.DataFrame:
    """Say what the text columns hide, and leave out rows that are not part of the table.

    - footnotes at the end (text in the first cell only, such as 'Bron: CBS'): left out;
    - totals rows ('Nederland', 'Totaal', 'Total') in a region column: left out, named;
    - invisible and direction characters in text: removed, with the rows;
    - look-alike letters of another alphabet, and names that differ only in case, spaces,
      punctuation or accents: said (nothing is merged).
    """
    from indicators.dataset.region_names import (
        INVISIBLE,
        foreign_letters,
        invisible_characters,
        near_duplicates,
        without_invisible,
    )

    text_cols = [c for c in df.columns if _is_text(df[c])]
    if not text_cols:
        return df
    # footnotes padded with separators at the end of the table
    if df.shape[1] > 1:
        first = df.columns[0]
        tail = df.iloc[-50:]  # notes are the last lines: only they are looked at
        others = tail.iloc[:, 1:].notna().any(axis=1).to_numpy()
        offset = len(df) - len(tail)
        pos = len(df)
        while (
            pos > offset
            and not others[pos - 1 - offset]
            and isinstance(df[first].iloc[pos - 1], str)
        ):
            cell = df[first].iloc[pos - 1]
            if not (_FOOTNOTE.match(cell) or len(cell) > 60):
                break
            pos -= 1
        if pos < len(df) and pos > 0:
            said = "; ".join(f"'{v}'" for v in df[first].iloc[pos:].tolist()[:5])
            notes.add(
                "footnotes",
                n=len(df) - pos,
                where=_rows_said(range(pos, len(df)), header_row),
                said=said,
            )
            df = df.iloc[:pos].reset_index(drop=True)
    # invisible characters
    for col in text_cols:
        s = df[col]
        hit = s.str.contains(INVISIBLE.pattern, regex=True).fillna(False).to_numpy(dtype=bool)
        if hit.any():
            counts = np.zeros(len(s), dtype=int)
            counts[hit] = s[hit].map(invisible_characters).to_numpy()
            where = np.flatnonzero(counts)
            df[col] = s.map(without_invisible, na_action="ignore").astype(s.dtype)
            notes.add(
                "invisible", column=col, n=int(counts.sum()), where=_rows_said(where, header_row)
            )
    # totals rows in the region column(s)
    region_cols = [c for c in text_cols if _norm(c) in _REGION_NAMES] or text_cols[:1]
    for col in region_cols:
        s = df[col]
        distinct = pd.Series(s.dropna().unique())
        keys = distinct.str.strip().str.casefold()
        if not keys.isin(TOTAL_NAMES).any() or (~keys.isin(TOTAL_NAMES)).sum() < 2:
            continue
        totals = set(distinct[keys.isin(TOTAL_NAMES)])
        total = s.isin(totals).fillna(False).to_numpy(dtype=bool)
        if total.any():
            where = np.flatnonzero(total)
            names = ", ".join(f"'{v}'" for v in dict.fromkeys(s[total].str.strip()))
            notes.add(
                "totals_rows",
                n=len(where),
                column=col,
                where=_rows_said(where, header_row),
                names=names,
            )
            df = df.loc[~total].reset_index(drop=True)
    # look-alike letters and near-duplicate spellings
    for col in text_cols:
        s = df[col]
        distinct = s.dropna().unique()
        if len(distinct) > 20_000:
            continue
        odd = [v for v in distinct if isinstance(v, str) and foreign_letters(v)]
        if odd:
            notes.add("look_alike", column=col, n=len(odd), names=_fmt_list(odd[:5]))
        groups = near_duplicates(distinct)
        if groups:
            shown = "; ".join(" / ".join(f"'{v}'" for v in g) for g in groups[:5])
            more = len(groups) - 5
            notes.add(
                "near_duplicates",
                column=col,
                shown=shown,
                more=lambda lang, more=more: (
                    lookup("load_note_parts.more_groups", lang, n=more) if more > 0 else ""
                ),
            )
    return df


def _check_shape(df: pd.DataFrame, name: str) -> None:
    rows, cols = df.shape
    if cols > MAX_COLUMNS or rows > MAX_ROWS or rows * cols > MAX_CELLS:
        _check_shape_said(name, rows, cols)


def _check_shape_said(name: str, rows: int, cols: int, about: bool = False) -> None:
    """Raise the message about a table too large (``about``: rows estimated from a sample)."""
    raise DataError.from_text(
        "errors.too_many_cells_about" if about else "errors.too_many_cells",
        name=name,
        rows=lambda lang: _thousands(rows, lang),
        cols=lambda lang: _thousands(cols, lang),
        max_rows=lambda lang: _thousands(MAX_ROWS, lang),
        max_cols=lambda lang: _thousands(MAX_COLUMNS, lang),
        max_cells=lambda lang: _thousands(MAX_CELLS, lang),
    )


# ------------------------------------------------------------------- Excel and Parquet


_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3})([0-9]{1,7})"')
_DIMENSION = re.compile(
    rb'<(?:\w+:)?dimension\b[^>]*?\sref="([A-Z]{1,3})?([0-9]{1,7})?:?'
    rb'([A-Z]{1,3})?([0-9]{1,7})?"'
)
# a formula cell whose value was never calculated: <c r="B2"><f>A2*2</f></c> or <v></v>
_FORMULA_NO_VALUE = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*<(?:\w+:)?f\b[^>]*'
    rb"(?:/>|>[^<]*</(?:\w+:)?f>)\s*(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*"
    rb"</(?:\w+:)?c>"
)
_SHEET_ENTRY = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)/?>")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')
_RELATION = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)/?>")


def _col_number(letters: bytes | str) -> int:
    """Return the 1-based number of a column: A is 1, XFD is 16384."""
    n = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        n = n * 26 + ord(ch) - 64
    return n


def _open_zip(src: _Source):
    import zipfile

    try:
        return zipfile.ZipFile(src.stream() if src.path is not None else io.BytesIO(src.data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise DataError.from_text("errors.not_xlsx", name=src.name) from None


def _check_workbook_size(src: _Source) -> dict[str, str]:
    """Check a workbook before it is opened: parts, unpacked size and packing ratio.

    Returns the worksheet part of each sheet name. Raises :class:`DataError` for a zip bomb
    or a workbook too large to read, before a byte of it is unpacked.
    """
    with _open_zip(src) as z:
        parts = z.infolist()
        if len(parts) > MAX_XLSX_PARTS:
            raise DataError.from_text(
                "errors.xlsx_parts", name=src.name, n=len(parts), limit=MAX_XLSX_PARTS
            )
        total = sum(max(p.file_size, 0) for p in parts)
        if total > MAX_XLSX_UNPACKED:
            raise DataError.from_text(
                "errors.xlsx_unpacked",
                name=src.name,
                size=lambda lang: _megabytes(total, lang),
                limit=lambda lang: _megabytes(MAX_XLSX_UNPACKED, lang),
            )
        for p in parts:
            ratio = p.file_size / max(p.compress_size, 1)
            if p.file_size > 1024**2 and ratio > MAX_XLSX_RATIO:
                raise DataError.from_text(
                    "errors.xlsx_bomb", name=src.name, part=p.filename, ratio=f"{ratio:,.0f}"
                )
        names = set(z.namelist())
        try:
            book = z.read("xl/workbook.xml") if "xl/workbook.xml" in names else b""
            rels = (
                z.read("xl/_rels/workbook.xml.rels")
                if "xl/_rels/workbook.xml.rels" in names
                else b""
            )
        except Exception:
            raise DataError.from_text("errors.not_xlsx", name=src.name) from None
    targets = {}
    for m in _RELATION.finditer(rels):
        attrs = dict(_ATTR.findall(m.group(1)))
        target = attrs.get(b"Target", b"").decode("utf-8", "replace")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[attrs.get(b"Id", b"").decode("utf-8", "replace")] = target
    sheets = {}
    for m in _SHEET_ENTRY.finditer(book):
        attrs = {k.split(b":")[-1]: v for k, v in _ATTR.findall(m.group(1))}
        name = attrs.get(b"name", b"").decode("utf-8", "replace")
        name = name.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        name = name.replace("&quot;", '"').replace("&apos;", "'")
        rid = attrs.get(b"id", b"").decode("utf-8", "replace")
        if rid in targets:
            sheets[name] = targets[rid]
    return sheets


def _scan_sheet(src: _Source, part: str, sheet: str) -> None:
    """Check one sheet's XML before it is read: its declared and real extent, and formulas
    without a calculated value. Streams the part in chunks (bounded memory)."""
    chunk, tail = 4 * 1024**2, b""
    declared = None
    max_row = max_col = 0
    no_value: dict[str, None] = {}
    with _open_zip(src) as z:
        if part not in z.namelist():
            return
        with z.open(part) as fh:
            first = True
            while True:
                block = fh.read(chunk)
                if not block:
                    break
                text = tail + block
                if first:
                    m = _DIMENSION.search(text[:65536])
                    if m and m.group(3) and m.group(4):
                        declared = (int(m.group(4)), _col_number(m.group(3)), m)
                    first = False
                for m in _CELL_REF.finditer(text):
                    row, col = int(m.group(2)), _col_number(m.group(1))
                    max_row, max_col = max(max_row, row), max(max_col, col)
                for m in _FORMULA_NO_VALUE.finditer(text):
                    no_value[m.group(1).decode()] = None
                tail = text[-2048:]
    if declared is not None:
        rows, cols, m = declared
        if rows * cols > MAX_XLSX_CELLS and rows * cols > max(max_row, 1) * max(max_col, 1):
            # a declared extent larger than the cells: the reader would believe it
            corner = (m.group(3) + m.group(4)).decode()
            _too_many_cells(src.name, sheet, corner, rows, cols)
    if max_row * max_col > MAX_XLSX_CELLS:
        corner = f"{_col_letter(max_col - 1)}{max_row}"
        _too_many_cells(src.name, sheet, corner, max_row, max_col)
    if no_value:
        cells = list(no_value)
        raise DataError.from_text(
            "errors.xlsx_formulas",
            name=src.name,
            sheet=sheet,
            n=len(cells),
            cells=lambda lang: _fmt_list(cells, 10, lang=lang),
        )


def _too_many_cells(name: str, sheet: str, corner: str, rows: int, cols: int) -> None:
    raise DataError.from_text(
        "errors.xlsx_extent",
        name=name,
        sheet=sheet,
        corner=corner,
        rows=lambda lang: _thousands(rows, lang),
        cols=lambda lang: _thousands(cols, lang),
        limit=lambda lang: _thousands(MAX_XLSX_CELLS, lang),
    )


def _thousands(n: int, lang: str) -> str:
    """Return a whole number with a thousands separator: 1,234 (en) or 1.234 (nl)."""
    shown = f"{n:,}"
    return shown.replace(",", ".") if lang == "nl" else shown


def _other_sheets(sheets: list, chosen: Any) -> Any:
    """Return, per language, the sentence naming the workbook's other sheets (or nothing)."""
    others = [str(s) for s in sheets if s != chosen]
    if not others:
        return ""
    return lambda lang: (
        " " + lookup("error_parts.other_sheets", lang, sheets=_fmt_list(others, lang=lang))
    )


def _read_xlsx(
    src: _Source, sheet: str | int | None, notes: _Notes, info: dict[str, Any]
) -> pd.DataFrame:
    parts = _check_workbook_size(src)
    try:
        book = pd.ExcelFile(src.stream(), engine="openpyxl")
    except Exception:  # any zip that is not a workbook
        raise DataError.from_text("errors.not_xlsx", name=src.name) from None
    with book:
        sheets = list(book.sheet_names)
        if sheet is None:
            chosen: str | int = sheets[0] if sheets else 0
        elif isinstance(sheet, int) and not isinstance(sheet, bool):
            if not 0 <= sheet < len(sheets):
                raise DataError.from_text(
                    "errors.no_sheet_number",
                    name=src.name,
                    number=sheet + 1,
                    sheets=lambda lang: _fmt_list(sheets, lang=lang),
                )
            chosen = sheets[sheet]
        else:
            match = [s for s in sheets if s.strip().lower() == str(sheet).strip().lower()]
            if not match:
                raise DataError.from_text(
                    "errors.no_sheet_named",
                    name=src.name,
                    sheet=sheet,
                    sheets=lambda lang: _fmt_list(sheets, lang=lang),
                )
            chosen = match[0]
        if str(chosen) in parts:
            _scan_sheet(src, parts[str(chosen)], str(chosen))
        try:
            raw = pd.read_excel(book, sheet_name=chosen, header=None, dtype=object)
        except Exception:  # a damaged part (bad checksum, broken XML) of a workbook
            raise DataError.from_text("errors.not_xlsx", name=src.name) from None
    info.update(format="xlsx", sheet=chosen, sheets=sheets)
    if sheet is None and len(sheets) > 1:
        notes.add(
            "first_sheet",
            sheet=chosen,
            n=len(sheets),
            sheets=lambda lang: _fmt_list(sheets, lang=lang),
        )
    where = f"sheet '{chosen}' of '{src.name}'"
    raw = raw.dropna(how="all", axis=1)
    filled_rows = np.flatnonzero(raw.notna().any(axis=1).to_numpy())
    if len(filled_rows) == 0:
        raise DataError.from_text(
            "errors.empty_sheet", sheet=chosen, name=src.name, others=_other_sheets(sheets, chosen)
        )
    width = raw.notna().sum(axis=1)
    header_pos = int(filled_rows[0])
    if width.max() > 1:  # skip title rows with a single filled cell
        while width.iloc[header_pos] <= 1 and header_pos < len(raw) - 1:
            header_pos += 1
    if header_pos != filled_rows[0]:
        notes.add("title_rows", row=header_pos + 1)
    header = ["" if _isna(v) else _cell_text(v).strip() for v in raw.iloc[header_pos].tolist()]
    _check_header(header, where, header_pos + 1)
    body = raw.iloc[header_pos + 1 :]
    if body.notna().to_numpy().sum() == 0:
        raise DataError.from_text(
            "errors.sheet_header_no_rows",
            sheet=chosen,
            name=src.name,
            header=lambda lang: _fmt_list([h for h in header if h], 8, lang=lang),
            others=_other_sheets(sheets, chosen),
        )
    texts = [body[c][body[c].map(lambda v: isinstance(v, str))] for c in body.columns]
    evidences = []
    for t in texts:
        arr = pc.utf8_trim_whitespace(pa.array(t.tolist(), pa.string()))
        evidences.append(
            _evidence(pc.filter(arr, pc.invert(pc.is_in(arr, pa.array(MISSING_MARKERS)))))
        )
    file_decimal = _file_decimal(evidences, ";" if any(e.comma_says for e in evidences) else ",")
    info["decimal"] = file_decimal
    columns: dict[str, pd.Series] = {}
    for i, c in enumerate(body.columns):
        label = header[i] or _col_letter(i)
        columns[str(i)] = _convert_cells(body[c].reset_index(drop=True), file_decimal, label, notes)
    return _finish(columns, header, notes, src.name, header_pos + 1, info)


def _isna(v: Any) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v)) or v is pd.NaT


def _cell_text(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _convert_cells(s: pd.Series, file_decimal: str, label: str, notes: _Notes) -> pd.Series:
    """Convert one Excel column of mixed cells (numbers, text, dates)."""
    present = s[s.map(lambda v: not _isna(v))]
    is_num = present.map(
        lambda v: isinstance(v, int | float | np.number) and not isinstance(v, bool)
    )
    if len(present) and is_num.all():
        return pd.to_numeric(s.where(s.notna(), np.nan)).astype(
            "int64"
            if s.notna().all() and present.map(float).map(float.is_integer).all()
            else "float64"
        )
    if len(present) and present.map(lambda v: hasattr(v, "year") and hasattr(v, "month")).all():
        return pd.to_datetime(s)
    text = [("" if _isna(v) else _cell_text(v)) for v in s.tolist()]
    if is_num.any():
        # numbers next to text: read the text cells; keep numbers as numbers if all text fits
        only_text = [("" if (_isna(v) or not isinstance(v, str)) else v) for v in s.tolist()]
        conv = _convert_text(pa.array(only_text, pa.string()), file_decimal, label, [])
        if pd.api.types.is_numeric_dtype(conv):
            nums = pd.to_numeric(s.where(s.map(lambda v: not isinstance(v, str)), np.nan))
            return nums.astype(float).fillna(conv.astype(float))
    return _convert_text(pa.array(text, pa.string()), file_decimal, label, notes)


def _read_parquet(src: _Source, notes: _Notes, info: dict[str, Any]) -> pd.DataFrame:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(src.stream())
    except Exception:  # damaged or unsupported file
        raise DataError.from_text("errors.parquet_damaged", name=src.name) from None
    header = [str(n).strip() for n in table.column_names]
    _check_header(header, src.name, 1)
    if table.num_rows == 0:
        raise DataError.from_text("errors.columns_no_rows", name=src.name)
    info.update(format="parquet")
    columns: dict[str, pd.Series] = {}
    for i, name in enumerate(table.column_names):
        col = table.column(name)
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            columns[str(i)] = _convert_text(col, ".", header[i] or _col_letter(i), notes)
        elif pa.types.is_dictionary(col.type):
            columns[str(i)] = _convert_text(pc.cast(col, pa.string()), ".", header[i], notes)
        elif pa.types.is_nested(col.type):
            import json

            shown = [
                None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                for v in col.to_pylist()
            ]
            columns[str(i)] = pd.Series(shown, dtype="str")
            notes.add("nested", column=header[i], type=col.type)
        else:
            columns[str(i)] = col.to_pandas()
    return _finish(columns, header, notes, src.name, 1, info)


# a Eurostat value: a number and flags (p provisional, e estimated, b break, ...) or ':'
_EUROSTAT_VALUE = re.compile(r"^\s*(:|[-+]?\d+(?:\.\d+)?)?\s*([a-z]*)\s*$")
_EUROSTAT_FLAGS = frozenset("bcdefnprsuz")  # their names are in the text catalogue


def _eurostat(df: pd.DataFrame) -> pd.DataFrame:
    """Split a Eurostat download (TSV): the first column ``freq,unit,geo\\TIME_PERIOD`` into
    its dimensions, and each period's values into a number, with ':' missing and the flags
    after a number (``33090 p``) said, never kept silently."""
    first = df.columns[0]
    dims = [d.strip() for d in str(first).split("\\", 1)[0].split(",")]
    parts = df[first].astype("str").str.split(",", expand=True)
    if parts.shape[1] != len(dims) or len(set(dims)) != len(dims) or parts.isna().any().any():
        return df
    out = {d: parts[i].str.strip().astype("str") for i, d in enumerate(dims)}
    notes = _Notes.of(df)
    flagged: dict[str, int] = {}
    for col in df.columns[1:]:
        s = df[col]
        if pd.api.types.is_numeric_dtype(s):
            out[str(col)] = s
            continue
        found = s.astype("str").str.extract(_EUROSTAT_VALUE)
        valid = found[0].notna() | s.isna() | (s.astype("str").str.strip() == "")
        if not valid.all():
            return df  # not every value is a Eurostat value
        number = pd.to_numeric(found[0].where(found[0] != ":"), errors="coerce")
        out[str(col)] = number.astype(float)
        for flag in found[1].dropna():
            for ch in flag:
                flagged[ch] = flagged.get(ch, 0) + 1
    new = pd.DataFrame(out)

    def said(lang: str) -> str:
        return ", ".join(
            f"{n} {k} ({lookup('eurostat_flags.' + (k if k in _EUROSTAT_FLAGS else 'other'), lang)})"
            for k, n in flagged.items()
        )

    notes.add(
        "eurostat_flags" if flagged else "eurostat",
        dims=lambda lang: _fmt_list(dims, lang=lang),
        said=said,
    )
    new.attrs = dict(df.attrs)
    notes.store(new.attrs)
    return new


# -------------------------------------------------------------------------- long format

_INDICATOR_NAMES = {
    "indicator", "indicators", "indicatoren", "onderwerp", "onderwerpen", "variabele",
    "variabelen", "variable", "measure", "maatstaf", "topic", "thema", "kenmerk", "item",
}  # fmt: skip
_VALUE_NAMES = {"value", "values", "waarde", "waarden", "obsvalue", "val"}
_REGION_NAMES = {
    "region", "regio", "regios", "regions", "gemeente", "gemeenten", "provincie", "province",
    "regiocode", "gemeentecode", "gebied", "area", "geo", "country", "land", "corop",
}  # fmt: skip
_YEAR_NAMES = {"year", "jaar", "jaren", "perioden", "periode", "period", "time", "tijd", "jaartal"}
_UNIT_NAMES = {
    "unit",
    "units",
    "eenheid",
    "eenheden",
    "unitofmeasure",
    "unitmeasure",
    "meeteenheid",
}


def _norm(name: Any) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def _is_text(s: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(s) or s.dtype == object


def _looks_like_years(s: pd.Series) -> bool:
    v = s.dropna()
    if len(v) == 0:
        return False
    if pd.api.types.is_integer_dtype(v):
        return bool(v.between(1800, 2200).all())
    if _is_text(v):
        return bool(v.astype(str).str.fullmatch(r"\d{4}(-Q[1-4]|-\d\d)?").all())
    return False


def detect_long(df: pd.DataFrame) -> dict[str, str] | None:
    """Detect a long table (region, year, indicator, value) and return its column roles.

    A table is long when it has a text column of indicator names (named like ``indicator``,
    ``onderwerp``, ``variabele``, ``measure`` or ``topic``), a numeric value column (named
    like ``value`` or ``waarde``), a region column and optionally a year column and a unit
    column (named like ``unit`` or ``eenheid``), and every other column is constant or
    describes the indicator.

    Parameters
    ----------
    df : pandas.DataFrame
        A loaded table.

    Returns
    -------
    dict or None
        ``{"region": ..., "year": ... or None, "indicator": ..., "value": ...}`` and
        ``"unit"`` when there is a unit column, or None when the table does not look long.

    Examples
    --------
    >>> df = pd.DataFrame({"regio": ["A", "A", "B", "B"], "jaar": [2020] * 4,
    ...                    "onderwerp": ["x", "y", "x", "y"], "waarde": [1.0, 2, 3, 4]})
    >>> detect_long(df)
    {'region': 'regio', 'year': 'jaar', 'indicator': 'onderwerp', 'value': 'waarde'}
    >>> detect_long(df.rename(columns={"onderwerp": "geslacht"})) is None
    True
    """
    names = {c: _norm(c) for c in df.columns}
    value = next(
        (
            c
            for c in df.columns
            if names[c] in _VALUE_NAMES and pd.api.types.is_numeric_dtype(df[c])
        ),
        None,
    )
    indicator = next(
        (c for c in df.columns if names[c] in _INDICATOR_NAMES and _is_text(df[c])), None
    )
    if value is None or indicator is None:
        return None
    n_ind = df[indicator].nunique()
    if n_ind < 1 or n_ind > max(1, len(df) // 2):
        return None
    unit = next(
        (c for c in df.columns if names[c] in _UNIT_NAMES and _is_text(df[c]) and c != indicator),
        None,
    )
    rest = [c for c in df.columns if c not in (value, indicator, unit)]
    year = next((c for c in rest if names[c] in _YEAR_NAMES and _looks_like_years(df[c])), None)
    if year is None:
        year = next((c for c in rest if _looks_like_years(df[c]) and df[c].nunique() > 1), None)
    rest = [c for c in rest if c != year]
    region = next((c for c in rest if names[c] in _REGION_NAMES), None)
    if region is None:
        candidates = [c for c in rest if _is_text(df[c]) and df[c].nunique() > 1]
        region = candidates[0] if len(candidates) == 1 else None
    if region is None:
        return None
    others = [c for c in rest if c != region]
    for c in others:
        if df[c].nunique(dropna=False) <= 1:
            continue
        if (df.groupby(indicator, dropna=False)[c].nunique(dropna=False) <= 1).all():
            continue  # describes the indicator, e.g. its unit
        return None
    roles = {"region": region, "year": year, "indicator": indicator, "value": value}
    if unit is not None:
        roles["unit"] = unit  # its units go after the indicators' names (pivot_long)
    return roles


def pivot_long(
    df: pd.DataFrame,
    *,
    region: str,
    indicator: str,
    value: str,
    year: str | None = None,
    unit: str | None = None,
    name: str = "the table",
) -> pd.DataFrame:
    """Pivot a long table to one row per region (and year) and one column per indicator.

    Parameters
    ----------
    df : pandas.DataFrame
        The long table.
    region, indicator, value : str
        Column names of the region, the indicator name and the value.
    year : str, optional
        Column name of the year or period.
    unit : str, optional
        Column name of the unit: each indicator's one unit is written after its name
        (``Werkloosheid (%)``), which is where the dashboard reads a column's unit.
    name : str, default "the table"
        File name used in messages.

    Returns
    -------
    pandas.DataFrame
        Columns ``region``, ``year`` (when given) and one per indicator, in order of first
        appearance; ``attrs["pivoted_from_long"]`` holds the roles and ``attrs["units"]``
        ``{column: unit}`` when there is a unit column.

    Raises
    ------
    DataError
        When a column is missing, a (region, year, indicator) appears more than once, or one
        indicator has more than one unit.

    Examples
    --------
    >>> long = pd.DataFrame({"regio": ["A", "A", "B"], "indicator": ["x", "y", "x"],
    ...                      "value": [1.0, 2.0, 3.0]})
    >>> pivot_long(long, region="regio", indicator="indicator", value="value")
      regio    x    y
    0     A  1.0  2.0
    1     B  3.0  NaN
    """
    roles = {"region": region, "year": year, "indicator": indicator, "value": value}
    if unit is not None:
        roles["unit"] = unit
    missing = [
        f"{role} '{col}'" for role, col in roles.items() if col is not None and col not in df
    ]
    if missing:
        raise DataError(
            f"{name}: cannot turn the long table into one column per indicator: the "
            f"{', '.join(missing)} column is not there. The columns are "
            f"{_fmt_list([str(c) for c in df.columns])}. Choose the right columns."
        )
    keys = [region] + ([year] if year is not None else [])
    header_row = int(df.attrs.get("header_row", 1))
    dup = df.duplicated(keys + [indicator], keep=False).to_numpy()
    if dup.any():
        pos = np.flatnonzero(dup)
        rows = spreadsheet_rows(pos[:MAX_EXAMPLES], header_row)
        first = df.iloc[pos[0]]
        what = ", ".join(f"{k} '{first[k]}'" for k in keys + [indicator])
        raise DataError(
            f"{name}: the same region{', year' if year else ''} and indicator appear more "
            f"than once, for example {what} in rows {_join_rows(rows, len(pos))}. Keep one "
            "row per combination (other columns may hold a breakdown such as gender or "
            "age; filter on it first), then upload the file again."
        )
    units = _units_of(df, [indicator], unit, name, header_row) if unit is not None else {}
    order = pd.unique(df[indicator].dropna())
    wide = df.pivot(index=keys, columns=indicator, values=value)
    wide = wide.reindex(columns=order).reset_index()
    named = {str(ind): _with_unit(str(ind), units.get(ind, "")) for ind in order}
    wide.columns = [named.get(str(c), str(c)) for c in wide.columns]
    wide.columns.name = None
    wide.attrs = {k: v for k, v in df.attrs.items() if k != "header_row"}
    wide.attrs["pivoted_from_long"] = roles
    if unit is not None:
        wide.attrs["units"] = {named[str(ind)]: u for ind, u in units.items() if u}
    return wide


def _with_unit(name: str, unit: str) -> str:
    """Write a unit after a name, as the dashboard reads it: 'Werkloosheid (%)'.

    >>> _with_unit("Werkloosheid", "%"), _with_unit("Inkomen (euro)", "euro")
    ('Werkloosheid (%)', 'Inkomen (euro)')
    """
    if not unit or name.rstrip().endswith(f"({unit})"):
        return name
    return f"{name} ({unit})"


def _units_of(
    df: pd.DataFrame, by: list[str], unit: str, name: str, header_row: int
) -> dict[Any, str]:
    """Return each indicator's one unit; more than one unit for one indicator is an error."""
    units = df[unit].astype("str").str.strip().where(df[unit].notna(), "")
    key = df[by[0]] if len(by) == 1 else df[by].astype("str").agg(", ".join, axis=1)
    counts = units.groupby(key, sort=False).nunique()
    bad = counts[counts > 1]
    if len(bad):
        ind = bad.index[0]
        rows_of = np.flatnonzero((key == ind).to_numpy())
        seen = units.iloc[rows_of]
        shown = list(dict.fromkeys(seen))
        firsts = [int(rows_of[np.flatnonzero((seen == u).to_numpy())[0]]) for u in shown]
        raise DataError.from_text(
            "files.unit_differs",
            name=df.attrs.get("source_name", name),
            indicator=ind,
            unit=unit,
            units=lambda lang: _fmt_list(
                [u or "(leeg)" if lang == "nl" else u or "(empty)" for u in shown], lang=lang
            ),
            rows=lambda lang: _join_rows(spreadsheet_rows(firsts, header_row), lang=lang),
            more=lambda lang: (
                lookup("files.more_indicators", lang, n=len(bad) - 1) if len(bad) > 1 else ""
            ),
        )
    return {ind: str(units[key == ind].iloc[0]) for ind in pd.unique(key.dropna())}


# ------------------------------------------------------------------ wide: one column per year

# a year or quarter as a column name, with a mark after it: 2015, 2023*, 2023**, 2019JJ00,
# 2022 (voorlopig), 2021 p, 2020 1), 2019Q1, 2019KW01, 2019-Q1
_MARK = r"(?P<mark>\*{1,2}|\((?:nader voorlopig|voorlopig|provisional|prov\.?|p|v)\)|voorlopig|provisional|[pv]|\d\)|[¹²³⁴⁵⁶⁷⁸⁹])?"
_YEAR_HEAD = re.compile(rf"^(?P<year>\d{{4}})(?:JJ00)?\s*{_MARK}$", re.IGNORECASE)
_QUARTER_HEAD = re.compile(
    rf"^(?P<year>\d{{4}})\s*(?:-?Q|KW0?|K)(?P<q>[1-4])\s*{_MARK}$", re.IGNORECASE
)
#: Fewest columns named as years for a table to be read as one column per year.
MIN_YEAR_COLUMNS = 2
# names of a table that are Dutch: its year column is called 'jaar', else 'year'
_DUTCH_NAMES = {
    "regio", "regios", "gemeente", "gemeenten", "provincie", "onderwerp", "onderwerpen",
    "eenheid", "eenheden", "gebied", "wijk", "wijken", "buurt", "indicatoren", "maatstaf",
}  # fmt: skip


def _period_of_header(name: Any) -> tuple[int | str, str] | None:
    """Return the year (int) or quarter ('2019-Q1') a column name stands for, and its mark.

    >>> _period_of_header("2023*"), _period_of_header("2019KW02"), _period_of_header("inwoners")
    ((2023, '*'), ('2019-Q2', ''), None)
    """
    head = str(name).strip()
    found = _YEAR_HEAD.match(head)
    if found and 1800 <= int(found["year"]) <= 2200:
        return int(found["year"]), (found["mark"] or "")
    found = _QUARTER_HEAD.match(head)
    if found and 1800 <= int(found["year"]) <= 2200:
        return f"{found['year']}-Q{found['q']}", (found["mark"] or "")
    return None


def detect_wide(df: pd.DataFrame) -> dict[str, Any] | None:
    """Detect a table with one column per year (StatLine, Eurostat, OECD exports).

    A table is wide when at least two columns are named as years or quarters (``2015``,
    ``2023*``, ``2022 (voorlopig)``, ``2019Q1``), those columns hold numbers, and every other
    column is text: the region, and optionally an indicator (named like ``onderwerp`` or
    ``indicator``; else every other text column whose values differ) and a unit (named like
    ``eenheid`` or ``unit``). Constant text columns are left out.

    Returns
    -------
    dict or None
        ``{"periods": {column: year}, "marks": {column: mark}, "region": column,
        "indicators": [columns], "unit": column or None, "left_out": [columns]}``, or None.

    Raises
    ------
    DataError
        When the year columns mix years and quarters, name one year twice, or hold text.

    Examples
    --------
    >>> df = pd.DataFrame({"Regio's": ["A", "B"], "2022": [1.0, 2.0], "2023*": [3.0, 4.0]})
    >>> roles = detect_wide(df)
    >>> roles["periods"], roles["marks"], roles["region"]
    ({'2022': 2022, '2023*': 2023}, {'2023*': '*'}, "Regio's")
    """
    periods: dict[str, int | str] = {}
    marks: dict[str, str] = {}
    for c in df.columns:
        got = _period_of_header(c)
        if got is not None:
            periods[c] = got[0]
            if got[1]:
                marks[c] = got[1]
    if len(periods) < MIN_YEAR_COLUMNS:
        return None
    rest = [c for c in df.columns if c not in periods]
    names = {c: _norm(c) for c in rest}
    if not rest or any(not _is_text(df[c]) and names[c] not in _REGION_NAMES for c in rest):
        return None  # another column of numbers: not a table of years
    numeric = [c for c in periods if pd.api.types.is_numeric_dtype(df[c])]
    if not numeric:
        return None
    name = df.attrs.get("source_name", "the table")
    header_row = int(df.attrs.get("header_row", 1))
    text_cols = [c for c in periods if c not in numeric]
    if text_cols:
        col = text_cols[0]
        s = df[col].astype("str").str.strip()
        number = s.str.fullmatch(COMMA_NUMBER) | s.str.fullmatch(POINT_NUMBER)
        marker = s.isin(MISSING_MARKERS) | df[col].isna()
        bad = np.flatnonzero(~(number.fillna(False) | marker).to_numpy(dtype=bool))
        raise DataError.from_text(
            "files.wide_text",
            name=name,
            column=col,
            examples=", ".join(f"'{v}'" for v in dict.fromkeys(s.iloc[bad[:20]].tolist()))
            if len(bad)
            else "",
            rows=lambda lang: _join_rows(spreadsheet_rows(bad, header_row), lang=lang),
            years=lambda lang: _fmt_list([str(c) for c in periods], lang=lang),
        )
    kinds = {type(p) for p in periods.values()}
    if len(kinds) > 1:
        years = [str(c) for c, p in periods.items() if isinstance(p, int)]
        quarters = [str(c) for c, p in periods.items() if isinstance(p, str)]
        raise DataError.from_text(
            "files.wide_mixed",
            name=name,
            years=lambda lang: _fmt_list(years, lang=lang),
            quarters=lambda lang: _fmt_list(quarters, lang=lang),
        )
    twice = [p for p, n in Counter(periods.values()).items() if n > 1]
    if twice:
        cols = [str(c) for c, p in periods.items() if p == twice[0]]
        raise DataError.from_text(
            "files.wide_twice",
            name=name,
            year=twice[0],
            columns=lambda lang: _fmt_list(cols, lang=lang),
        )
    unit = next((c for c in rest if names[c] in _UNIT_NAMES), None)
    varying = [c for c in rest if c != unit and df[c].nunique(dropna=True) > 1]
    region = next((c for c in rest if names[c] in _REGION_NAMES and c != unit), None)
    if region is None:
        named = [c for c in varying if names[c] not in _INDICATOR_NAMES]
        region = named[0] if named else (rest[0] if rest[0] != unit else None)
    if region is None:
        return None
    indicators = [
        c
        for c in rest
        if c not in (region, unit) and (c in varying or names[c] in _INDICATOR_NAMES)
    ]
    left_out = [c for c in rest if c not in (region, unit, *indicators)]
    return {
        "periods": periods,
        "marks": marks,
        "region": region,
        "indicators": indicators,
        "unit": unit,
        "left_out": left_out,
    }


def _value_name(source: str, taken: list[str]) -> str:
    """Name the values of a wide table without an indicator column after its file."""
    stem = Path(str(source)).stem.strip() or "value"
    while stem in taken:
        stem += "_value"
    return stem


def from_wide(df: pd.DataFrame, roles: dict[str, Any], *, name: str) -> pd.DataFrame:
    """Turn a table with one column per year into one row per region and year.

    With indicator columns the result has one column per indicator (as a long table is
    pivoted, :func:`pivot_long`); without, one value column named after the file. A unit is
    written after the indicator's name. The read notes say which columns were taken as
    years, which as region and indicator, and which marks the year columns had.

    Examples
    --------
    >>> df = pd.DataFrame({"regio": ["A", "B"], "onderwerp": ["x", "x"],
    ...                    "2022": [1.0, 2.0], "2023": [3.0, 4.0]})
    >>> from_wide(df, detect_wide(df), name="t.csv").to_dict("list")
    {'regio': ['A', 'A', 'B', 'B'], 'jaar': [2022, 2023, 2022, 2023], 'x': [1.0, 3.0, 2.0, 4.0]}
    """
    periods, region, unit = roles["periods"], roles["region"], roles["unit"]
    indicators = list(roles["indicators"])
    header_row = int(df.attrs.get("header_row", 1))
    rest = [c for c in df.columns if c not in periods]
    dutch = any(_norm(c) in _DUTCH_NAMES for c in rest)
    year = "jaar" if dutch else "year"
    while year in rest:
        year += "_"
    value = _value_name(df.attrs.get("source_name", name), [str(c) for c in rest])
    indicator = "\0indicator"
    frame = df[[c for c in rest if c not in roles["left_out"]]].copy()
    if indicators:
        joined = frame[indicators].astype("str").where(frame[indicators].notna(), "")
        frame[indicator] = joined.agg(", ".join, axis=1) if len(indicators) > 1 else joined
        frame[indicator] = frame[indicator].astype("str")
    else:
        frame[indicator] = value
    frame.attrs = dict(df.attrs)
    units = _units_of(frame, [indicator], unit, name, header_row) if unit else {}
    for c in periods:
        frame[str(c)] = df[c].to_numpy()
    keep = [region, indicator]
    long = frame[keep + [str(c) for c in periods]].melt(
        id_vars=keep, var_name=year, value_name="\0value"
    )
    long[year] = long[year].map({str(c): p for c, p in periods.items()})
    long = long.dropna(subset=[region])
    dup = long.duplicated([region, year, indicator], keep=False).to_numpy()
    if dup.any():
        first = long.iloc[int(np.flatnonzero(dup)[0])]
        rows = np.flatnonzero(
            (df[region] == first[region]).to_numpy()
            & (frame[indicator] == first[indicator]).to_numpy()
        )
        raise DataError.from_text(
            "files.wide_duplicate",
            name=df.attrs.get("source_name", name),
            region=first[region],
            column=region,
            rows=lambda lang: _join_rows(spreadsheet_rows(rows, header_row), lang=lang),
            what=lambda lang: (
                lookup("files.wide_duplicate_indicator", lang, indicator=first[indicator])
                if indicators
                else ""
            ),
        )
    order = list(pd.unique(frame[indicator].dropna()))
    wide = long.pivot(index=[region, year], columns=indicator, values="\0value")
    wide = wide.reindex(columns=order).reset_index()
    named = {ind: _with_unit(str(ind), units.get(ind, "")) for ind in order}
    wide.columns = [named.get(c, str(c)) for c in wide.columns]
    wide.columns.name = None
    if pd.api.types.is_integer_dtype(df[region]):
        wide[region] = wide[region].astype("int64")
    wide.attrs = {k: v for k, v in df.attrs.items() if k != "header_row"}
    wide.attrs["pivoted_from_wide"] = {
        "region": region,
        "year": year,
        "years": [str(c) for c in periods],
        "indicators": indicators,
        "unit": unit,
        "value": None if indicators else value,
    }
    if unit:
        wide.attrs["units"] = {named[ind]: u for ind, u in units.items() if u}
    notes = _Notes.of(df)
    first_note = len(notes)
    shown = list(periods.values())
    notes.add(
        "wide",
        n=len(periods),
        years=lambda lang: _fmt_list([str(c) for c in periods], lang=lang),
        first=shown[0],
        last=shown[-1],
        region=region,
        year=year,
        what=lambda lang: (
            lookup(
                "load_note_parts.wide_indicators",
                lang,
                columns=_fmt_list([str(c) for c in indicators], lang=lang),
                n=len(order),
            )
            if indicators
            else lookup("load_note_parts.wide_value", lang, value=value)
        ),
        extra=lambda lang: (
            lookup(
                "load_note_parts.left_out_"
                + ("column" if len(roles["left_out"]) == 1 else "columns"),
                lang,
                columns=_fmt_list([str(c) for c in roles["left_out"]], lang=lang),
            )
            if roles["left_out"]
            else ""
        ),
    )
    if roles["marks"]:
        notes.add(
            "wide_marks",
            n=len(roles["marks"]),
            columns=lambda lang: _fmt_list(list(roles["marks"]), lang=lang),
        )
    if unit:
        notes.add(
            "units",
            column=unit,
            examples=lambda lang: _fmt_list(list(wide.attrs["units"])[:5], lang=lang),
        )
    notes.store(wide.attrs)
    wide.attrs["reshape_notes"] = {"en": notes.en[first_note:], "nl": notes.nl[first_note:]}
    return wide


# ------------------------------------------------------------------------------ entry


def load_table(
    source: Any,
    *,
    sheet: str | int | None = None,
    name: str | None = None,
    long: bool | None = None,
    max_bytes: int = MAX_BYTES,
) -> pd.DataFrame:
    """Load a table from a CSV, CBS StatLine, Excel or Parquet file and clean it.

    Parameters
    ----------
    source : str, path or file-like
        A path, bytes, or an uploaded file (anything with ``.getvalue()`` or ``.read()``,
        and ideally ``.name``). The file is only read, never changed.
    sheet : str or int, optional
        Excel sheet name (or 0-based number); the first sheet when not given.
    name : str, optional
        File name shown in messages; by default the file's own name.
    long : bool, optional
        ``None`` detects a long table (region, year, indicator, value) and pivots it;
        ``True`` requires that; ``False`` never pivots.
    max_bytes : int, default MAX_BYTES
        Files larger than this are refused with a message.

    Returns
    -------
    pandas.DataFrame
        Text columns have the string dtype, numeric columns int64 or float64, CBS period
        columns int years or ``YYYY-Qn`` / ``YYYY-MM`` strings. ``attrs`` holds
        ``source_name``, ``header_row``, ``load_notes`` (list of str; ``load_notes_nl`` the same
        notes in Dutch, see :func:`read_notes`), ``load_info`` (format,
        separator, decimal mark, encoding, sheet) and, after a pivot, ``pivoted_from_long``.

    Raises
    ------
    DataError
        For anything that cannot be read, with a message that names the file, where the
        problem is, and what to do.

    Examples
    --------
    >>> df = load_table(io.BytesIO(b'"RegioS";"Perioden";"Bevolking_1"\\n'
    ...                            b'"GM0363    ";"2019JJ00";"    862965"\\n'), name="x.csv")
    >>> df.to_dict("list")
    {'RegioS': ['GM0363'], 'Perioden': [2019], 'Bevolking_1': [862965]}
    """
    src = _open_source(source, name, max_bytes)
    notes = _Notes()
    info: dict[str, Any] = {}
    kind = _kind_of(src)
    if kind == "xlsx":
        df = _read_xlsx(src, sheet, notes, info)
    elif kind == "parquet":
        df = _read_parquet(src, notes, info)
    else:
        df = _read_csv(
            src,
            "utf-16-" + kind[-2:] if kind.startswith("csv-utf16-") else kind == "csv-utf16",
            notes,
            info,
        )
    if len(df.columns) > 1 and "\\" in str(df.columns[0]):
        df = _eurostat(df)
    if long is False:
        return df
    wide_roles = detect_wide(df)
    if wide_roles is not None:
        return from_wide(df, wide_roles, name=src.name)
    roles = detect_long(df)
    if roles is None:
        if long:
            raise DataError.from_text(
                "errors.not_long",
                name=src.name,
                columns=lambda lang: _fmt_list([str(c) for c in df.columns], lang=lang),
            )
        return df
    wide = pivot_long(df, **roles, name=f"The file '{src.name}'")
    first_note = len(notes)
    left_out = [str(c) for c in df.columns if c not in roles.values()]
    notes.add(
        "long",
        year=lambda lang: lookup("load_note_parts.year", lang) if roles["year"] else "",
        indicator=roles["indicator"],
        value=roles["value"],
        extra=lambda lang: (
            lookup(
                "load_note_parts.left_out_" + ("column" if len(left_out) == 1 else "columns"),
                lang,
                columns=_fmt_list(left_out, lang=lang),
            )
            if left_out
            else ""
        ),
    )
    if roles.get("unit"):
        notes.add(
            "units",
            column=roles["unit"],
            examples=lambda lang: _fmt_list(list(wide.attrs.get("units", {}))[:5], lang=lang),
        )
    notes.store(wide.attrs)
    wide.attrs["reshape_notes"] = {"en": notes.en[first_note:], "nl": notes.nl[first_note:]}
    return wide


def key_columns(df: pd.DataFrame) -> tuple[str | None, str | None]:
    """Return the region and year columns of a loaded table as the loader sees them.

    The roles of a pivoted table first; else the first column named like a region
    (``regio``, ``gemeente``, ``geo``) or else the first text column, and the first column
    named like a year that holds years (``jaar``, ``perioden``).

    >>> key_columns(pd.DataFrame({"x": [1], "Gemeente": ["A"], "jaar": [2020]}))
    ('Gemeente', 'jaar')
    """
    roles = df.attrs.get("pivoted_from_wide") or df.attrs.get("pivoted_from_long")
    if roles and roles.get("region") in df.columns:
        year = roles.get("year")
        return roles["region"], (year if year in df.columns else None)
    names = {c: _norm(c) for c in df.columns}
    region = next((c for c in df.columns if names[c] in _REGION_NAMES), None)
    if region is None:
        region = next((c for c in df.columns if _is_text(df[c])), None)
    year = next(
        (
            c
            for c in df.columns
            if c != region and names[c] in _YEAR_NAMES and _looks_like_years(df[c])
        ),
        None,
    )
    return region, year
