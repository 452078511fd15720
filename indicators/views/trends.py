"""The Trends page as a view: an indicator over the years for chosen regions and the Total,
each line with a band of its 95% interval, whether each line rose or fell (a straight-line
trend test), and the spread between regions over time (are differences growing?)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from indicators.analyses import compare, tiles
from indicators.analyses import spread as spread_
from indicators.charts import layout as chart_layout
from indicators.charts import trends as trend_charts
from indicators.io import export
from indicators.results import SUPPRESSED, TOTAL
from indicators.text import text
from indicators.views import amounts
from indicators.views import regions as region_view
from indicators.views.blocks import Columns, Download, Heading, Text, View
from indicators.views.common import chart
from indicators.views.escape import escape_markdown, html_text

AGGREGATES = "aggregates"
INTERVAL = ("ci_low", "ci_high")


@dataclass(frozen=True)
class Choices:
    """What the user chose on the Trends page."""

    indicator: str | None = None
    regions: tuple = ()  # the lines to draw, in order (TOTAL for all regions together)


def _t(key: str, lang: str, **values) -> str:
    return text(f"trends.{key}", lang, **values)


def trend_years(prepared) -> list:
    """Return the years of the data in time order (the Trends view's x axis)."""
    return tiles.year_order(prepared.years)


def no_trend(years: Sequence, lang: str) -> View | None:
    """Return why there is no trend to show (no year column, one year), or None."""
    if not years:
        return View([Text(_t("no_years", lang), tone="info")])
    if len(years) < 2:
        return View([Text(_t("one_year", lang, year=years[0]), tone="info")])
    return None


def default_regions(results: pd.DataFrame, indicator: str, years: Sequence, shared=None) -> list:
    """Return the lines drawn at first: the Total, the highest and the lowest region in the
    last year, and the region chosen on another page (``shared``) when it is one."""
    default = [TOTAL, *spread_.extreme_regions(results, indicator, years[-1])]
    regions = set(results["region"].unique()) - {TOTAL}
    if shared in regions and shared not in default:
        default.append(shared)
    return default


def trends(
    results: pd.DataFrame,
    registry,
    choices: Choices,
    *,
    lang: str,
    min_n: int,
    years: Sequence,
    shape: str | None = None,
    source: str | None = None,
    names: Mapping | None = None,
    file_stem: str = "trends",
) -> View:
    """Return the Trends view of ``choices.indicator`` for the lines ``choices.regions`` over
    ``years`` (all years of the data, in time order)."""
    why = no_trend(years, lang)
    if why is not None:
        return why
    ind = registry.indicator_by_id.get(choices.indicator) if choices.indicator else None
    if ind is None:
        return View([Text(_t("no_indicator", lang), tone="info")])
    names = dict(names or {})

    def name(region) -> str:
        return text("common.total", lang) if region == TOTAL else str(names.get(region, region))

    years = tiles.year_order(years)
    view = View()
    chosen = list(choices.regions)
    if not chosen:
        view.add(Text(_t("pick_regions", lang), tone="info"))
    else:
        view.add(*_lines(results, registry, ind, chosen, years, lang, min_n, shape, source, name))
        view.add(_download(results, registry, ind, chosen, lang, name, file_stem))
    view.add(*_spread(results, ind, years, lang, source, name))
    return view


def lines_frame(results: pd.DataFrame, registry, ind, chosen: list, lang: str) -> pd.DataFrame:
    """Return the points of the lines: region, year, value, ci_low, ci_high and their texts;
    a suppressed value shows neither value nor interval."""
    columns = ["region", "year", "value", *(c for c in ("se", *INTERVAL, "status") if c in results)]
    rows = results[(results["indicator"] == ind.id) & results["region"].isin(chosen)][columns]
    rows = rows.copy()
    for column in ("se", *INTERVAL):
        rows[column] = rows[column].astype(float) if column in rows else np.nan
    hidden = (rows["status"] == SUPPRESSED) if "status" in rows else False
    rows.loc[hidden, ["value", "se", *INTERVAL]] = np.nan
    rows["text"] = [registry.format_value(ind.id, v, lang) for v in rows["value"]]
    rows["ci_text"] = [
        _t(
            "interval_hover",
            lang,
            low=registry.format_value(ind.id, lo, lang),
            high=registry.format_value(ind.id, hi, lang),
        )
        if math.isfinite(lo) and math.isfinite(hi)
        else ""
        for lo, hi in zip(rows["ci_low"], rows["ci_high"], strict=True)
    ]
    order = {r: i for i, r in enumerate(chosen)}
    return rows.sort_values("region", key=lambda s: s.map(order), kind="stable")


def _lines(results, registry, ind, chosen, years, lang, min_n, shape, source, name) -> list:
    first, last = years[0], years[-1]
    rows = lines_frame(results, registry, ind, chosen, lang)
    has_bands = bool(np.isfinite(rows["ci_low"]).any() and np.isfinite(rows["ci_high"]).any())
    drawn = rows if has_bands else rows.drop(columns=[*INTERVAL, "ci_text"])
    fig = trend_charts.trend_lines(
        drawn,
        title=_t("lines_title", lang, label=ind.label(lang), first=first, last=last),
        y_title=ind.unit(lang),
        years=spread_.all_years(years),
        names={r: html_text(name(r)) for r in chosen},  # plotly reads tags in names
        x_title=_t("year_axis", lang),
        tickformat=chart_layout.value_tickformat(ind.decimals, ind.is_share, values=rows["value"]),
        band_label=_t("band_name", lang, name="{name}"),
    )
    blocks: list = [chart(fig, lang, source, key="trend_lines")]
    if has_bands:
        blocks.append(Text(_t("bands", lang), tone="caption"))
    elif shape == AGGREGATES:
        blocks.append(Text(_t("no_bands_aggregates", lang), tone="caption"))
    if TOTAL in chosen:
        short = spread_.total_coverage(results, ind.id, years)
        if short:
            listed = [
                _t("total_coverage_year", lang, year=y, counted=k, all=m) for y, k, m in short
            ]
            blocks.append(Text(_t("total_coverage", lang, years="; ".join(listed)), tone="caption"))
    gaps = spread_.trend_gaps(results, ind.id, chosen, years)
    if len(gaps):
        listed = [
            f"{escape_markdown(name(r))} {y}"
            for r, y in zip(gaps["region"], gaps["year"], strict=True)
        ]
        why = spread_.states_in_words(
            listed, gaps["status"], gaps["n"], lang=lang, min_n=min_n, limit=8
        )
        blocks.append(Text(_t("gaps", lang, hidden=why), tone="caption"))
    blocks += changes(rows, ind, chosen, years, lang, name, weighted=has_bands)
    return blocks


def changes(rows, ind, chosen, years, lang, name, *, weighted: bool) -> list:
    """Return, per line, whether it rose or fell over the period: the slope of a straight
    line through the years (weights 1/se² with intervals, else ordinary least squares), its
    95% interval and the verdict (:func:`indicators.analyses.compare.trend`)."""
    axis = spread_.all_years(years)
    numeric = all(isinstance(y, (int, float, np.integer, np.floating)) for y in axis)
    per = _t("per_year" if numeric else "per_period", lang)
    units = _t("years_word" if numeric else "periods_word", lang)
    items, judged = [], 0
    for region in chosen:
        part = rows[(rows["region"] == region) & np.isfinite(rows["value"].astype(float))]
        part = part[part["year"].isin(axis)]
        x = spread_.year_positions(list(part["year"]), axis)
        ses = part["se"].to_numpy(dtype=float) if weighted else None
        found = compare.trend(x, part["value"].to_numpy(dtype=float), ses)
        shown = escape_markdown(name(region))
        if found.significant is None:
            items.append(_t("change_none", lang, name=shown))
            continue
        judged += 1
        d = amounts.decimals_for(ind, found.slope, found.se)
        key = {"up": "change_up", "down": "change_down"}.get(found.direction, "change_same")
        items.append(
            _t(
                key,
                lang,
                name=shown,
                slope=amounts.signed(ind, found.slope, lang, d),
                low=amounts.signed(ind, found.ci_low, lang, d),
                high=amounts.signed(ind, found.ci_high, lang, d),
                per=per,
                n=found.n,
                units=units,
            )
        )
    if not items:
        return []
    head = _t("change_head", lang, first=years[0], last=years[-1])
    body = head + "\n\n" + "\n".join(f"- {item}" for item in items)
    if not judged:  # no line has enough years: no rule to explain
        return [Text(body)]
    rule = _t("change_rule_weighted" if weighted else "change_rule_ols", lang)
    return [Text(body), Text(rule, tone="caption")]


def _download(results, registry, ind, chosen, lang, name, file_stem) -> Download:
    frame = region_view.numbers(results, registry, ind.id, lang, name)
    frame = frame[frame["region"].isin(chosen)]
    return Download(
        _t("download", lang),
        export.to_csv(frame, lang),
        file_name=f"{file_stem}_{ind.id}_trend.csv",
        mime="text/csv",
        key="trends_download",
    )


def _spread(results, ind, years, lang, source, name) -> list:
    first, last = years[0], years[-1]
    blocks: list = [Heading(_t("spread", lang))]
    compared = spread_.comparable_spread(results, ind.id, years=years)
    spread = compared.frame
    if len(spread) < 2:
        blocks.append(Text(_t("no_spread", lang), tone="info"))
        return blocks
    sentence = spread_.spread_sentence(spread, lang, years=compared.years, is_share=ind.is_share)
    if sentence:
        blocks.append(Text(f"**{sentence}**"))
        named = {escape_markdown(name(r)): lacks for r, lacks in compared.left_out.items()}
        notes = spread_.spread_notes(replace(compared, left_out=named), lang)
        blocks.append(Text(" ".join(notes), tone="caption"))
    found = spread_.spread_trend(spread, "cv", years=compared.years)
    index_fig = trend_charts.spread_index_lines(
        spread,
        title=_t("index_title", lang, first=first, last=last),
        labels={key: _t(key, lang) for key in ("cv", "gini")},
        y_title=_t("index_axis", lang),
        x_title=_t("year_axis", lang),
        years=compared.years,
        fit=spread_.fitted_line(spread, found, compared.years) if found else None,
        fit_label=_t("fit", lang),
    )
    ratio_fig = trend_charts.spread_ratio_line(
        spread,
        title=_t("ratio_title", lang, first=first, last=last),
        label=_t("ratio", lang),
        y_title=_t("ratio_axis", lang),
        x_title=_t("year_axis", lang),
        years=compared.years,
    )
    blocks.append(
        Columns(
            (
                (chart(index_fig, lang, source, key="spread_index"),),
                (chart(ratio_fig, lang, source, key="spread_ratio"),),
            )
        )
    )
    blocks.append(Text(_t("spread_help", lang, label=ind.label(lang)), tone="caption"))
    return blocks
