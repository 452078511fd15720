"""The findings view: the strongest findings of the whole results table, each a sentence with
its numbers and a link to the page that shows it, filtered by dimension, region and kind.

Pure (no Streamlit): a page renders it with :func:`indicators.ui.render.render`, the HTML
report puts it first. The findings come from
:func:`indicators.analyses.findings.findings_table`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

import pandas as pd

from indicators.analyses.findings import AGGREGATE_EFFECT
from indicators.io.export import to_csv
from indicators.registry.catalog import format_number
from indicators.results import TOTAL
from indicators.text import text
from indicators.views.blocks import (
    Columns,
    Download,
    Expander,
    Heading,
    PageLink,
    Table,
    Text,
    View,
)
from indicators.views.escape import escape_markdown

__all__ = ["FindingsChoices", "filter_findings", "findings_view", "split_link"]


@dataclass(frozen=True)
class FindingsChoices:
    """What the reader chose: a dimension, a region and a kind of finding (None: all)."""

    dimension: str | None = None
    region: str | None = None
    kind: str | None = None
    fdr: float = 0.05
    limit: int = 25  # the findings written out as sentences (all are in the table)


def _t(key: str, lang: str, **values) -> str:
    return text(f"findings.{key}", lang, **values)


def split_link(link: str) -> tuple[str, dict]:
    """A finding's link ``page?key=value&...`` as its page and the choices it sets.

    >>> split_link("groups?indicator=life_satisfaction_mean&region=Utrecht")
    ('groups', {'indicator': 'life_satisfaction_mean', 'region': 'Utrecht'})
    """
    page, _, query = link.partition("?")
    return page, dict(parse_qsl(query))


def filter_findings(findings: pd.DataFrame, registry, choices: FindingsChoices) -> pd.DataFrame:
    """Return the findings of the chosen dimension, region (also as the second region of a
    pair) and kind, in rank order."""
    keep = pd.Series(True, index=findings.index)
    if choices.dimension:
        dims = findings["indicator"].map(
            lambda i: getattr(registry.indicator_by_id.get(i), "dimension", None)
        )
        keep &= dims == choices.dimension
    if choices.region:
        other = findings.get("other", "")
        keep &= (findings["region"] == choices.region) | (other == choices.region)
    if choices.kind:
        keep &= findings["kind"] == choices.kind
    return findings[keep].sort_values("rank")


def findings_view(
    findings: pd.DataFrame,
    registry,
    choices: FindingsChoices,
    lang: str,
    *,
    heading: bool = True,
    aggregates: bool = False,
) -> View:
    """Return the view of ``findings`` for ``choices`` in ``lang``: a heading, how the
    findings were chosen (the false discovery rate), a numbered sentence per finding with a
    link to its view, the table of all numbers behind them and a CSV download."""
    view = View([Heading(_t("title", lang), level=1)] if heading else [])
    share = format_number(choices.fdr * 100, 0, lang) + "%"
    size = format_number(AGGREGATE_EFFECT, 1, lang)
    if aggregates:  # nothing is tested: how they are chosen instead
        view.add(Text(_t("aggregates_note", lang, share=size), "caption"))
    else:
        fdr = format_number(choices.fdr, 2, lang)
        view.add(Text(_t("fdr_note", lang, fdr=fdr, share=share), "caption"))
    if findings.empty:  # nothing anywhere: say why, not "for this choice"
        if aggregates:
            return view.add(Text(_t("none_aggregates", lang, share=size), "info"))
        return view.add(
            Text(_t("none_found", lang, fdr=format_number(choices.fdr, 2, lang)), "info")
        )
    chosen = filter_findings(findings, registry, choices)
    if chosen.empty:
        return view.add(Text(_t("none_here", lang), "info"))
    view.add(
        Text(
            _t(
                "shown",
                lang,
                n=format_number(len(chosen), 0, lang),
                total=format_number(len(findings), 0, lang),
            ),
            "caption",
        )
    )
    for _, row in chosen.head(choices.limit).iterrows():
        kind = _t(f"kind_{row['kind']}", lang)
        # the sentence of a figure without sampling uncertainty says so; the flag, when the
        # page mixes both, marks it beside the kind
        mixed = bool(row.get("aggregate", False)) and not aggregates
        flag = f" · {_t('aggregate_flag', lang)}" if mixed else ""
        said = Text(
            f"**{int(row['rank'])}.** {escape_markdown(row['sentence'])}. "
            f"*{escape_markdown(kind)}{flag}*"
        )
        page, params = split_link(row.get("link") or "")
        if not page:
            view.add(said)
            continue
        go = PageLink(_t("open_view", lang), page, params, key=f"finding_{int(row['rank'])}_open")
        view.add(Columns(((said,), (go,)), widths=(7, 1)))
    view.add(Expander(_t("numbers", lang), (Table(_numbers(chosen, registry, lang)),)))
    view.add(
        Download(
            _t("download_csv", lang),
            to_csv(findings.drop(columns=["link"], errors="ignore"), lang),
            "findings.csv",
            "text/csv",
            key="findings_download_csv",
        )
    )
    return view


def _numbers(chosen: pd.DataFrame, registry, lang: str) -> pd.DataFrame:
    def label(i):
        ind = registry.indicator_by_id.get(i)
        return ind.label(lang) if ind is not None else i

    def years(row):
        a, b = row["year_from"], row["year_to"]
        return str(a) if a == b else f"{a}–{b}"

    def region(r):
        return _t("total", lang) if r == TOTAL else r

    def q(v):
        return "" if pd.isna(v) else format_number(v, 3, lang)

    return pd.DataFrame(
        {
            _t("col_rank", lang): chosen["rank"].astype(int).to_numpy(),
            _t("col_kind", lang): [_t(f"kind_{k}", lang) for k in chosen["kind"]],
            _t("col_region", lang): [region(r) for r in chosen["region"]],
            _t("col_indicator", lang): [
                label(i) if i in registry.indicator_by_id else _t(f"kind_{k}", lang)
                for i, k in zip(chosen["indicator"], chosen["kind"], strict=True)
            ],
            _t("col_years", lang): [years(r) for _, r in chosen.iterrows()],
            _t("col_q", lang): [q(v) for v in chosen["q_value"]],
            _t("col_sentence", lang): chosen["sentence"].to_numpy(),
        }
    )
