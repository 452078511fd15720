"""The Data page's results as views: what the file is, the check of the mapping (facts, what
was left out, the survey design of the intervals) and the downloads of everything computed.
The page's form (roles, variables, answer orders) stays with the widgets."""

from __future__ import annotations

from indicators.dataset import region_names
from indicators.dataset.own_variables import MICRODATA
from indicators.dataset.validation_report import (
    build_report,
    fmt_int,
    localized_table,
    pivot_text,
    shape_text,
)
from indicators.io.export import file_stem, labelled_results, to_csv, to_excel
from indicators.text import text
from indicators.views.blocks import Columns, Download, Expander, Table, Text, View
from indicators.views.escape import markdown_text

EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ICON = ":material/download:"


def _t(key: str, lang: str, **values) -> str:
    return text(f"data_page.{key}", lang, **values)


def about_file(raw, prepared, *, lang: str) -> View:
    """Return what the file is: its shape (when it could be prepared), a pivot, its size."""
    view = View()
    if prepared is not None:
        view.add(Text(f"**{shape_text(prepared, lang)}**"))
    pivoted = pivot_text(raw, lang)
    if pivoted:
        view.add(Text(pivoted, tone="info"))
    size = _t("size", lang, rows=fmt_int(len(raw), lang), cols=len(raw.columns))
    return view.add(Text(size, tone="caption"))


def design_text(prepared, lang: str) -> str:
    """Say which survey design the intervals follow (or why there are none)."""
    if prepared.shape != MICRODATA:
        return _t("design_aggregates", lang)
    mapping = prepared.mapping
    parts = [
        _t(key, lang, column=markdown_text(column))
        for key, column in (("design_strata", mapping.strata), ("design_cluster", mapping.cluster))
        if column
    ]
    if not parts:
        return _t("design_simple", lang)
    return _t("design_fact", lang, design=_t("design_and", lang).join(parts))


def check(prepared, results, registry, *, min_n: int, lang: str, names=None) -> View:
    """Return the check of the data in use: facts, what was left out and why, the design."""
    report = build_report(prepared, results, registry, min_n=min_n, lang=lang, names=names)
    view = View()
    view.add(Text("\n".join(f"- {fact}" for fact in report.facts)))
    view.add(Text(design_text(prepared, lang), tone="caption"))
    view.add(Text(f"**{_t('left_out', lang)}**"))
    if not report.notes and not report.column_notes:
        view.add(Text(_t("nothing_left_out", lang), tone="caption"))
    if report.notes:
        view.add(Text("\n".join(f"- {note}" for note in report.notes)))
    if len(report.column_notes) <= 3:
        if report.column_notes:
            view.add(Text("\n".join(f"- {note}" for note in report.column_notes)))
    else:
        view.add(
            Text(_t("missing_per_column", lang), tone="caption"),
            Table(report.missing_table(), width="content"),
        )
    return view.add(Expander(_t("columns_used", lang), (Table(report.columns),)))


def downloads(
    table,
    prepared,
    registry,
    *,
    source_label: str,
    source_name: str,
    min_n: int,
    lang: str,
    names=None,
) -> View:
    """Return the downloads of everything computed (the whole population, every breakdown by
    group, decomposition parts) as CSV and Excel, and a preview of the table."""
    shown = labelled_results(table, registry, lang)
    if names is not None and region_names.differ(names):  # codes stay the key; names beside
        shown = region_names.with_names(shown, names)
    stem = file_stem(source_name)
    about = {
        _t("about_source", lang): source_label,
        _t("about_shape", lang): shape_text(prepared, lang),
        _t("about_min_n", lang): min_n,
        "": _t("about_note", lang),
    }
    csv = Download(
        _t("download_csv", lang),
        to_csv(shown, lang),
        f"{stem}.csv",
        "text/csv",
        key="data_download_csv",
    )
    xlsx = Download(
        _t("download_xlsx", lang),
        lambda: to_excel(shown, about, lang),
        f"{stem}.xlsx",
        EXCEL,
        key="data_download_xlsx",
    )
    preview = Expander(
        _t("results_preview", lang, n=fmt_int(len(shown), lang)),
        (Table(localized_table(shown.head(200), lang)),),
    )
    return View(
        [
            Text(_t("download_intro", lang), tone="caption"),
            Columns(((csv,), (xlsx,), ()), widths=(1, 1, 3)),
            preview,
        ]
    )
