"""The Overview page as a view: per dimension the tiles of one region and year, with the
Total, the change since an earlier year coloured only when significant, the rule for colours,
a sparkline, and the flag where an indicator beyond the average moves against the mean."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from indicators.analyses import tiles as tiles_
from indicators.charts import palette
from indicators.charts import regions as region_charts
from indicators.registry.catalog import format_number
from indicators.results import OK, TOTAL, state_text
from indicators.text import area, text
from indicators.views.blocks import Heading, Html, Text, View
from indicators.views.escape import html_text

TEXTS = area("overview")
PER_ROW = 4
MUTED = "rgba(49,51,63,0.6)"  # Streamlit's caption and help-icon grey (light theme)
CAPTION_STYLE = f"font-size:0.875rem;color:{MUTED}"
TILE_STYLE = (  # as st.container(border=True); a flex column, so tiles of a row align
    "border:1px solid rgba(49,51,63,0.2);border-radius:0.5rem;padding:calc(1rem - 1px);"
    "display:flex;flex-direction:column;gap:0.75rem;min-width:0"
)
# PER_ROW tiles a row on a wide screen, fewer (down to one) when a tile would get narrower
# than 12rem; every tile of a grid row as tall as the tallest.
GRID_STYLE = (
    "display:grid;gap:1rem;margin-bottom:1rem;grid-template-columns:"
    f"repeat(auto-fill,minmax(max(12rem,calc((100% - {PER_ROW - 1}rem) / {PER_ROW})),1fr))"
)
COLOUR_WORDS = (("better", "green"), ("worse", "vermillion"), ("same", "grey"))


@dataclass(frozen=True)
class Choices:
    """What the user chose on the Overview page."""

    region: str = TOTAL
    year: object = None
    since: object = None  # an earlier year to compare with, or None


def earlier_years(years, year) -> list:
    """Return the years before ``year`` that the change can be measured from (oldest first);
    the first of them is the default."""
    if year is None or year not in years:
        return []
    return list(years[: list(years).index(year)])


def _t(key: str, lang: str, **values) -> str:
    return text(f"overview.{key}", lang, **values)


def overview(
    results: pd.DataFrame,
    registry,
    choices: Choices,
    *,
    lang: str,
    min_n: int,
    shape: str | None = None,
) -> View:
    """Return the Overview of ``choices.region`` in ``choices.year``: a legend and the rule for
    colours when there is a year to compare with, then one grid of tiles per dimension."""
    view = View()
    table = tiles_.tiles(results, registry, choices.region, choices.year, choices.since)
    if table.empty:
        return view.add(Text(_t("no_tiles", lang), tone="info"))
    if choices.since is not None:
        words = {
            key: f"<b style='color:{palette.DIRECTION_COLOURS[key]}'>{_t(name, lang)}</b>"
            for key, name in COLOUR_WORDS
        }
        view.add(Text(f"<small>{_t('legend', lang, **words)}</small>", html=True))
        # the rule for colours, written on the page (as CBS publishes its own)
        if table["change_se"].notna().any():
            rule = {key: _t(name, lang) for key, name in COLOUR_WORDS}
            view.add(Text(_t("rule", lang, **rule), tone="caption"))
        elif shape == "aggregates":
            view.add(Text(_t("rule_aggregates", lang), tone="caption"))
    n_hidden = int(table["hides"].sum())
    if n_hidden:
        key = "hides_count_one" if n_hidden == 1 else "hides_count"
        view.add(Text(_t(key, lang, n=n_hidden), tone="warning", icon=":material/visibility_off:"))
    # every sparkline's values in one pass over the results (one filter per tile cost 0.1 s)
    lines = tiles_.series_by_indicator(results, choices.region) if choices.year is not None else {}
    for dim in registry.dimensions:
        rows = table[table["dimension"] == dim.id]
        if rows.empty:
            continue
        view.add(Heading(dim.label(lang), level=2, divider=True))
        cells = [
            tile(
                registry.indicator_by_id[row.indicator],
                row,
                registry,
                lines.get(row.indicator),
                choices,
                lang=lang,
                min_n=min_n,
            )
            for row in rows.itertuples(index=False)
        ]
        # one element for the dimension's tiles (no blank line: markdown keeps it one HTML block)
        view.add(Html(f"<div style='{GRID_STYLE}'>{''.join(cells)}</div>"))
    return view


def tile(ind, row, registry, series, choices: Choices, *, lang: str, min_n: int) -> str:
    """Return one indicator tile as HTML (a bordered box); one grid per dimension, as one
    element: ~150 elements took a second to draw."""
    since, region, year = choices.since, choices.region, choices.year
    parts = [
        # Two lines reserved for the title, so values and sparklines line up along a row; the
        # description is the tooltip of the help mark.
        f"<div style='display:flex;gap:0.5rem;align-items:flex-start'>"
        f"<div style='flex:1;min-height:2.7em;line-height:1.35;font-weight:600'>"
        f"{html_text(ind.label(lang))}</div>{help_mark(ind.description(lang))}</div>"
    ]
    n_text = _t("n_obs", lang, n=format_number(row.n, 0, lang))
    if math.isfinite(row.se) and math.isfinite(row.value):  # the value's 95% interval
        low, high = (
            registry.format_value(ind.id, row.value + sign * tiles_.Z_95 * row.se, lang)
            for sign in (-1, 1)
        )
        n_text += " · " + _t("interval", lang, low=low, high=high)
    if row.status != OK or not math.isfinite(row.value):
        shown = state_text(row.status, lang, min_n=min_n, n=row.n) or "–"
        parts.append(f"<div style='color:#555'>{html_text(shown)}</div>")
    else:
        value = registry.format_value(ind.id, row.value, lang)
        unit = "" if ind.is_share else ind.unit(lang)
        parts.append(
            f"<div><span style='font-size:1.9rem;font-weight:600;line-height:1.2' "
            f"title='{html_text(n_text)}'>{html_text(value)}</span> "
            f"<span style='color:#555'>{html_text(unit)}</span></div>"
        )
    if region != TOTAL:
        total = _t("total_line", lang, value=registry.format_value(ind.id, row.total, lang))
        parts.append(f"<div style='{CAPTION_STYLE}'>{html_text(total)}</div>")
    if since is not None:
        if row.direction == tiles_.UNKNOWN:
            missing = [str(y) for y in row.missing_years] or [str(since)]
            words = _t("no_change", lang, years=f" {_t('and', lang)} ".join(missing))
        else:
            change = tiles_.format_change(
                registry, ind.id, row.change, lang, level=(row.value, row.since_value)
            )
            words = _t(
                "change",
                lang,
                arrow=tiles_.ARROWS[row.moved],
                change=change,
                since=since,
                word=_t(row.direction, lang),
            )
        colour = palette.DIRECTION_COLOURS[row.direction]
        parts.append(f"<div style='color:{colour};font-weight:600'>{html_text(words)}</div>")
    if series is not None and len(series):
        first, last = series["year"].iloc[0], series["year"].iloc[-1]
        svg = region_charts.sparkline_svg(
            series,
            label=f"{first}–{last}",
            title=_t("spark_title", lang, label=ind.label(lang), first=first, last=last),
            mark=year,
        )
        if svg:
            parts.append(svg)
    if row.hides:
        mean = registry.indicator_by_id[row.mean_indicator]
        words = _t(
            "hides",
            lang,
            mean=html_text(mean.label(lang)),
            mean_word=_t(row.mean_direction, lang),
            word=_t(row.direction, lang),
        )
        parts.append(
            f"<div style='border-left:4px solid {palette.VERMILLION};background:{palette.HIDES_BACKGROUND};"
            f"padding:0.3rem 0.5rem;font-size:0.85rem'>{words}</div>"
        )
    return f"<div class='bw-tile' style='{TILE_STYLE}'>{''.join(parts)}</div>"


def help_mark(words: str) -> str:
    """Return a grey question mark in a circle whose tooltip (and accessible name) is ``words``."""
    words = html_text(words)
    return (
        f"<span title='{words}' aria-label='{words}' style='cursor:help;color:{MUTED};"
        "flex:none;line-height:1;padding-top:0.15rem'>"
        "<svg width='16' height='16' viewBox='0 0 24 24' fill='none' stroke='currentColor' "
        "stroke-width='2' stroke-linecap='round' aria-hidden='true'><circle cx='12' cy='12' "
        "r='10'/><path d='M9.1 9a3 3 0 0 1 5.8 1c0 2-3 2.5-3 4'/><circle cx='12' cy='17.5' "
        "r='0.6' fill='currentColor'/></svg></span>"
    )
