"""Downloads of the results table: CSV (Dutch or English conventions) and Excel.

The tidy results table gets the indicator's label and unit in the chosen language as extra
columns; nothing else changes, so a download equals what the dashboard computed. Suppressed
values (small cells) are blank in every download, their ``suppressed`` flag kept.

Examples
--------
>>> import pandas as pd
>>> from indicators.registry.catalog import load_registry
>>> res = pd.DataFrame({"region": ["A"], "indicator": ["income_gini"], "value": [0.2871]})
>>> to_csv(labelled_results(res, load_registry(), "nl"), "nl").decode("utf-8-sig").splitlines()[1]
'A;income_gini;Gini-coëfficiënt van het inkomen;index 0-1;0,2871'
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd

from indicators.results import TOTAL_PART
from indicators.text import area

__all__ = [
    "blank_suppressed",
    "labelled_results",
    "safe_cell",
    "safe_cells",
    "to_csv",
    "to_excel",
    "to_workbook",
    "write_table",
    "file_stem",
]

# OWASP "CSV injection": a spreadsheet reads a cell that starts with one of these as a formula
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# ... except a plain number written as text ("-3", "+1,5", "1e-3"): that is a number, not a formula
_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$")

_PARTS = area("export_parts")
# the numbers a small cell hides (n, n_missing and the flag stay: they say why it is blank)
HIDDEN_NUMBERS = ("value", "se", "ci_low", "ci_high", "weight_sum")
SHEETS = area("export_sheets")


def _label_and_unit(indicator_id: str, part: str, registry, lang: str) -> tuple[str, str]:
    ind = registry.indicator_by_id.get(indicator_id)
    if ind is None:
        return str(indicator_id), ""
    label = ind.label(lang)
    if part and part != TOTAL_PART:
        label = f"{label}: {_PARTS.get(part, {}).get(lang, part)}"
    return label, ind.unit(lang)


def labelled_results(results: pd.DataFrame, registry, lang: str = "nl") -> pd.DataFrame:
    """Return a copy of the results table with ``indicator_label`` and ``unit`` columns.

    The two columns come right after ``indicator``. Parts of a decomposition (``part``
    between or within) get the indicator's label with the part named.
    """
    out = blank_suppressed(results)
    parts = out["part"].fillna(TOTAL_PART) if "part" in out else pd.Series(TOTAL_PART, out.index)
    keys = list(zip(out["indicator"], parts, strict=True))
    pairs = {key: _label_and_unit(*key, registry, lang) for key in dict.fromkeys(keys)}
    at = list(out.columns).index("indicator") + 1
    out.insert(at, "indicator_label", [pairs[key][0] for key in keys])
    out.insert(at + 1, "unit", [pairs[key][1] for key in keys])
    return out


def blank_suppressed(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy with the numbers of suppressed rows blank (value, se, interval).

    The small-cell rule holds in every download, also for a table that did not come from
    :func:`indicators.compute.compute` (which already hides them); ``suppressed`` stays.

    >>> t = pd.DataFrame({"value": [0.5, 0.2], "se": [0.1, 0.1], "suppressed": [True, False]})
    >>> blank_suppressed(t)["value"].tolist()
    [nan, 0.2]
    """
    out = frame.copy()
    if "suppressed" in out:
        hidden = out["suppressed"].fillna(False).astype(bool)
        for col in HIDDEN_NUMBERS:
            if col in out:
                out[col] = out[col].astype(float).where(~hidden)
    return out


def is_formula_like(value: object) -> bool:
    """Return whether a spreadsheet would read text ``value`` as a formula (OWASP).

    >>> [is_formula_like(v) for v in ("=1+1", "@SUM(A1)", "-3,5", "Total", -3.5)]
    [True, True, False, False, False]
    """
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and not _PLAIN_NUMBER.match(value)
    )


def safe_cell(value: object) -> object:
    """Return ``value`` with a single quote in front when a spreadsheet would run it.

    Text that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
    leading ``'`` (OWASP's advice for CSV); numbers, and text that is a plain number, stay.

    >>> safe_cell("=1+1"), safe_cell(-2.5), safe_cell("-2,5"), safe_cell("Total")
    ("'=1+1", -2.5, '-2,5', 'Total')
    """
    return "'" + value if is_formula_like(value) else value


def safe_cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text cells and column names cannot act as spreadsheet formulas.

    Only text is touched (:func:`safe_cell`); numeric columns, negative numbers included,
    are returned as they are.
    """
    out = frame.copy()
    for i in range(out.shape[1]):
        s = out.iloc[:, i]
        if isinstance(s.dtype, pd.CategoricalDtype):
            s = s.astype(object)
        if s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            risky = s.map(is_formula_like, na_action="ignore").fillna(False).astype(bool)
            if risky.any():
                s = s.astype(object).where(~risky, "'" + s[risky].astype(str))
        out.isetitem(i, s)
    out.columns = [safe_cell(c) if isinstance(c, str) else c for c in out.columns]
    return out


def _csv_text(frame: pd.DataFrame, sep: str, decimal: str) -> str:
    # CRLF line ends (RFC 4180): a cell holding a carriage return is then quoted, not split
    return safe_cells(frame).to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\r\n")


def to_csv(frame: pd.DataFrame, lang: str = "nl") -> bytes:
    """Return CSV bytes: semicolons and a decimal comma in Dutch, commas and points in English.

    UTF-8 with a byte-order mark, so Excel shows accents (Fryslân) correctly. Text that a
    spreadsheet would run as a formula gets a leading quote (:func:`safe_cells`).
    """
    sep, decimal = (";", ",") if lang == "nl" else (",", ".")
    return _csv_text(frame, sep, decimal).encode("utf-8-sig")


def _text_only(book) -> None:
    """Make every cell of workbook ``book`` that would be a formula a text cell.

    openpyxl writes a text starting with ``=`` as a formula; here it becomes text, shown
    exactly as written, and every formula-like text is marked "quote prefix" so that Excel
    keeps it text when the cell is edited (OWASP: a downloaded file runs nothing).
    """
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
                if cell.data_type == "s" and is_formula_like(cell.value):
                    cell.quotePrefix = True


def _excel_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy whose text holds no control character a workbook cannot store.

    openpyxl refuses such characters (a name with ``\x1f`` would break the download);
    each becomes the replacement character U+FFFD, visibly.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    out = frame.copy()
    for i in range(out.shape[1]):
        s = out.iloc[:, i]
        if s.dtype == object or pd.api.types.is_string_dtype(s.dtype):
            bad = s.map(
                lambda v: isinstance(v, str) and bool(ILLEGAL_CHARACTERS_RE.search(v)),
                na_action="ignore",
            )
            bad = bad.fillna(False).astype(bool)
            if bad.any():
                fixed = s[bad].map(lambda v: ILLEGAL_CHARACTERS_RE.sub("\ufffd", v))
                out.isetitem(i, s.astype(object).where(~bad, fixed))
    return out


def to_excel(frame: pd.DataFrame, about: dict | None = None, lang: str = "nl") -> bytes:
    """Return an Excel workbook (xlsx) with the table and, optionally, a sheet about it.

    No cell is a formula: a name such as ``=HYPERLINK(...)`` is text in the workbook.
    """
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _excel_ready(frame).to_excel(writer, sheet_name=SHEETS["results"][lang], index=False)
        if about:
            _excel_ready(pd.DataFrame(list(about.items()), columns=["", ""])).to_excel(
                writer, sheet_name=SHEETS["about"][lang], index=False, header=False
            )
        _text_only(writer.book)
    return buffer.getvalue()


SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_name(name: str, taken=()) -> str:
    """Return a name a workbook accepts for a sheet: at most 31 characters, none of []:*?/\\,
    not one of ``taken`` (a number added).

    >>> sheet_name("Profiles & index: 2024/25"), sheet_name("results", taken=["results"])
    ('Profiles & index 202425', 'results 2')
    """
    base = SHEET_FORBIDDEN.sub("", str(name)).strip().strip("'")[:31] or "sheet"
    out, n = base, 1
    lowered = {t.lower() for t in taken}
    while out.lower() in lowered:
        n += 1
        out = f"{base[: 31 - len(str(n)) - 1]} {n}"
    return out


def to_workbook(sheets: dict) -> bytes:
    """Return an Excel workbook of several sheets, each a list of ``(title, frame)`` written one
    under the other (a title in bold above each frame; ``None`` for none).

    Numbers stay numbers; no cell is a formula (text such as ``=HYPERLINK(...)`` is text,
    marked so that Excel keeps it text), as in :func:`to_excel`.
    """
    from openpyxl.styles import Font

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        taken: list[str] = []
        for name, parts in sheets.items():
            name = sheet_name(name, taken)
            taken.append(name)
            row = 0
            titles = []
            if not parts:
                pd.DataFrame().to_excel(writer, sheet_name=name, index=False)
            for title, frame in parts:
                if title:
                    titles.append((row + 1, title))
                    row += 1
                _excel_ready(frame).to_excel(writer, sheet_name=name, index=False, startrow=row)
                row += len(frame) + 3
            sheet = writer.sheets[name]
            for at, title in titles:
                cell = sheet.cell(
                    row=at, column=1, value=_excel_ready(pd.DataFrame([[title]])).iat[0, 0]
                )
                cell.font = Font(bold=True)
        _text_only(writer.book)
    return buffer.getvalue()


def write_table(frame: pd.DataFrame, out: str | Path | None = None, stream=None) -> None:
    """Write a table for the command line: ``.xlsx`` as a workbook, else CSV (comma, point).

    With no ``out`` the CSV goes to ``stream``. Either way no cell can act as a formula.
    """
    if out is not None and str(out).lower().endswith(".xlsx"):
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            _excel_ready(frame).to_excel(writer, index=False)
            _text_only(writer.book)
        Path(out).write_bytes(buffer.getvalue())
        return
    text = _csv_text(frame, ",", ".")
    if out is not None:
        Path(out).write_text(text, encoding="utf-8")
    else:
        stream.write(text)


def file_stem(source_name: str) -> str:
    """Return a download name stem from the data's file name.

    >>> file_stem("demo_people_synthetic.parquet")
    'demo_people_synthetic_results'
    """
    stem = str(source_name).rsplit("/", 1)[-1].rsplit(".", 1)[0] or "data"
    return f"{stem}_results"
