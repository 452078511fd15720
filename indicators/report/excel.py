"""The report as an Excel workbook: what it is, all results, the definitions, a sheet per view.

Every table a view shows (and the numbers of its CSV download) goes to the view's sheet, one
under the other with its heading; figures written as text by the view ("7,9", "5,3%") become
numbers again (a percentage as a share with a percent format), so the workbook computes.
No cell is a formula (:func:`indicators.io.export.to_workbook`).
"""

from __future__ import annotations

import re

import pandas as pd

from indicators.dataset import region_names
from indicators.io.export import labelled_results, to_workbook
from indicators.report.contents import build_sections
from indicators.report.html import about_rows, csv_frame, definition_rows
from indicators.text import text
from indicators.views.blocks import Download, Heading, Table
from indicators.views.escape import WORD_JOINER

__all__ = ["as_number", "plain_text", "report_workbook", "sections_workbook"]

_NUMBER = {
    "nl": re.compile(r"^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?(%)?$"),
    "en": re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(%)?$"),
}


def as_number(value, lang: str):
    """Return a figure written as text as a number (a percentage as a share); other values as
    they are.

    >>> as_number("7,9", "nl"), as_number("1.234,5", "nl"), as_number("−0.25", "en")
    (7.9, 1234.5, -0.25)
    >>> as_number("5.3%", "en"), as_number("Utrecht", "en"), as_number("2014–2024", "en")
    (0.053, 'Utrecht', '2014–2024')
    """
    if not isinstance(value, str):
        return value
    s = value.strip().replace("\u2212", "-").replace("\u00a0", "").replace(" %", "%")
    if not _NUMBER[lang].match(s):
        return value
    thousands, decimal = (".", ",") if lang == "nl" else (",", ".")
    share = s.endswith("%")
    s = s.rstrip("%").replace(thousands, "").replace(decimal, ".")
    number = float(s)
    return round(number / 100, 12) if share else number


def _numbers(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    out = frame.copy()
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if col.dtype == object or pd.api.types.is_string_dtype(col.dtype):
            out.isetitem(i, col.map(lambda v: as_number(v, lang)).astype(object))
    return out


def plain_text(markdown: str) -> str:
    """Return a heading or caption's markdown as plain text (escapes and marks removed).

    >>> plain_text("**Life** \\\\(score\\\\) in Noord\\\\-Holland")
    'Life (score) in Noord-Holland'
    """
    s = str(markdown).replace(WORD_JOINER, "")
    s = re.sub(r"\\(.)", r"\1", s)
    return re.sub(r"\*\*|__", "", s).strip()


def _view_tables(view, lang: str) -> list:
    """Return ``(title, frame)`` for every table of a view, titled by the heading before it."""
    parts, heading = [], None
    for block in view.walk():
        if isinstance(block, Heading):
            heading = plain_text(block.text)
        elif isinstance(block, Table):
            frame = block.frame.data if hasattr(block.frame, "data") else block.frame
            title = (
                heading
                if block.caption is None
                else f"{heading or ''} ({plain_text(block.caption)})"
            )
            parts.append((title, _numbers(pd.DataFrame(frame), lang)))
        elif (
            isinstance(block, Download)
            and isinstance(block.data, bytes)
            and block.file_name.endswith(".csv")
        ):
            parts.append((block.file_name, csv_frame(block.data, lang)))
    return parts


def _definitions(data, sections, lang: str) -> pd.DataFrame:
    keys = ("id", "label", "description", "measure", "unit", "dimension", "polarity")
    keys += ("rationale", "reference")
    rows = [{k: getattr(doc, k) for k in keys} for doc in definition_rows(data, sections, lang)]
    names = {
        k: text(f"report.def_{k}", lang) for k in keys if k not in ("id", "label", "description")
    }
    names |= {k: text(f"report.def_{k}", lang) for k in ("id", "label", "description")}
    return pd.DataFrame(rows, columns=list(keys)).rename(columns=names)


def sections_workbook(data, sections, lang: str) -> bytes:
    """Return the workbook of built sections (:func:`~indicators.report.contents.build_sections`)."""
    about = pd.DataFrame(about_rows(data, sections, lang), columns=["", ""])
    results = labelled_results(data.table, data.registry, lang)
    if region_names.differ(data.names):
        results = region_names.with_names(results, data.names)
    sheets = {
        text("report.sheet_about", lang): [(text("report.title", lang), about)],
        text("report.sheet_results", lang): [(None, results)],
        text("report.sheet_definitions", lang): [(None, _definitions(data, sections, lang))],
    }
    for s in sections:
        parts = _view_tables(s.view, lang)
        if not parts:
            parts = [(text("report.no_tables", lang), pd.DataFrame())]
        sheets[s.title] = parts
    return to_workbook(sheets)


def report_workbook(data, views=None, lang: str = "en", choices: dict | None = None) -> bytes:
    """Return the report of ``views`` over ``data`` in ``lang`` as an Excel workbook."""
    return sections_workbook(data, build_sections(data, views, lang, choices), lang)
