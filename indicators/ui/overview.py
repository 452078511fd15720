"""Overview: indicator tiles by dimension for one region and year, with change and flags."""

from __future__ import annotations

import math

import streamlit as st

from indicators import analysis, charts
from indicators.compute import OK, TOTAL
from indicators.registry import format_number
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import lang, state_text, tr

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


def _tile(ind, row, act, series, since, region, year=None) -> str:
    """Return one indicator tile as HTML (a bordered box). ``main`` puts a dimension's tiles in
    one grid, one Streamlit element per dimension: ~150 elements took a second to draw."""
    reg, lng = act.registry, lang()
    parts = []
    # Two lines reserved for the title, so values and sparklines line up along a row; the
    # description is the tooltip of the help mark, as Streamlit's ``help=`` showed it.
    parts.append(
        f"<div style='display:flex;gap:0.5rem;align-items:flex-start'>"
        f"<div style='flex:1;min-height:2.7em;line-height:1.35;font-weight:600'>"
        f"{state.html_text(ind.label(lng))}</div>{_help_mark(ind.description(lng))}</div>"
    )
    n_text = tr(TEXTS, "n_obs", n=format_number(row.n, 0, lng))
    if math.isfinite(row.se) and math.isfinite(row.value):  # the value's 95% interval
        low, high = (
            reg.format_value(ind.id, row.value + sign * analysis.Z_95 * row.se, lng)
            for sign in (-1, 1)
        )
        n_text += " · " + tr(TEXTS, "interval", low=low, high=high)
    if row.status != OK or not math.isfinite(row.value):
        shown = state_text(row.status, min_n=act.min_n, n=row.n) or "–"
        parts.append(f"<div style='color:#555'>{state.html_text(shown)}</div>")
    else:
        value = reg.format_value(ind.id, row.value, lng)
        unit = "" if ind.is_share else ind.unit(lng)
        parts.append(
            f"<div><span style='font-size:1.9rem;font-weight:600;line-height:1.2' "
            f"title='{state.html_text(n_text)}'>{state.html_text(value)}</span> "
            f"<span style='color:#555'>{state.html_text(unit)}</span></div>"
        )
    if region != TOTAL:
        total = tr(TEXTS, "total_line", value=reg.format_value(ind.id, row.total, lng))
        parts.append(f"<div style='{CAPTION_STYLE}'>{state.html_text(total)}</div>")
    if since is not None:
        if row.direction == analysis.UNKNOWN:
            missing = [str(y) for y in row.missing_years] or [str(since)]
            years = f" {tr(TEXTS, 'and')} ".join(missing)
            text = tr(TEXTS, "no_change", years=years)
        else:
            text = tr(
                TEXTS,
                "change",
                arrow=analysis.ARROWS[row.moved],
                change=analysis.format_change(
                    reg, ind.id, row.change, lng, level=(row.value, row.since_value)
                ),
                since=since,
                word=tr(TEXTS, row.direction),
            )
        colour = analysis.DIRECTION_COLOURS[row.direction]
        parts.append(f"<div style='color:{colour};font-weight:600'>{state.html_text(text)}</div>")
    if series is not None and len(series):
        first, last = series["year"].iloc[0], series["year"].iloc[-1]
        svg = charts.sparkline_svg(
            series,
            label=f"{first}–{last}",
            title=tr(TEXTS, "spark_title", label=ind.label(lng), first=first, last=last),
            mark=year,
        )
        if svg:
            parts.append(svg)
    if row.hides:
        mean = reg.indicator_by_id[row.mean_indicator]
        text = tr(
            TEXTS,
            "hides",
            mean=state.html_text(mean.label(lng)),
            mean_word=tr(TEXTS, row.mean_direction),
            word=tr(TEXTS, row.direction),
        )
        parts.append(
            f"<div style='border-left:4px solid {charts.VERMILLION};background:#FDF0E6;"
            f"padding:0.3rem 0.5rem;font-size:0.85rem'>{text}</div>"
        )
    return f"<div class='bw-tile' style='{TILE_STYLE}'>{''.join(parts)}</div>"


def _help_mark(text: str) -> str:
    """Return a grey question mark in a circle whose tooltip (and accessible name) is ``text``."""
    words = state.html_text(text)
    return (
        f"<span title='{words}' aria-label='{words}' style='cursor:help;color:{MUTED};"
        "flex:none;line-height:1;padding-top:0.15rem'>"
        "<svg width='16' height='16' viewBox='0 0 24 24' fill='none' stroke='currentColor' "
        "stroke-width='2' stroke-linecap='round' aria-hidden='true'><circle cx='12' cy='12' "
        "r='10'/><path d='M9.1 9a3 3 0 0 1 5.8 1c0 2-3 2.5-3 4'/><circle cx='12' cy='17.5' "
        "r='0.6' fill='currentColor'/></svg></span>"
    )


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return

    left, middle, right = st.columns(3)
    with left:
        region = state.pick_region(act, include_total=True)
    with middle:
        year = state.pick_year(act)
    years = act.prepared.years
    since = None
    with right:
        if year is None:
            st.info(tr(TEXTS, "no_years"))
        else:
            earlier = years[: years.index(year)]
            if earlier:
                options = [str(y) for y in earlier]
                chosen = state.shared_select(
                    "since",
                    options,
                    label=tr(TEXTS, "since"),
                    default=options[0],
                    help=tr(TEXTS, "since_help"),
                )
                since = earlier[options.index(chosen)] if chosen in options else earlier[0]
            else:
                st.info(tr(TEXTS, "no_earlier"))

    table = analysis.tiles(act.results, act.registry, region, year, since)
    if table.empty:
        st.info(tr(TEXTS, "no_tiles"))
        return
    if since is not None:
        words = {
            key: f"<b style='color:{analysis.DIRECTION_COLOURS[key]}'>{tr(TEXTS, name)}</b>"
            for key, name in (
                (analysis.BETTER, "green"),
                (analysis.WORSE, "vermillion"),
                (analysis.SAME, "grey"),
            )
        }
        st.markdown(f"<small>{tr(TEXTS, 'legend', **words)}</small>", unsafe_allow_html=True)
        # the rule for colours, written on the page (as CBS publishes its own)
        if table["change_se"].notna().any():
            st.caption(
                tr(
                    TEXTS,
                    "rule",
                    **{
                        k: tr(TEXTS, n)
                        for k, n in (("better", "green"), ("worse", "vermillion"), ("same", "grey"))
                    },
                )
            )
        elif act.shape == "aggregates":
            st.caption(tr(TEXTS, "rule_aggregates"))
    n_hidden = int(table["hides"].sum())
    if n_hidden:
        key = "hides_count_one" if n_hidden == 1 else "hides_count"
        st.warning(tr(TEXTS, key, n=n_hidden), icon=":material/visibility_off:")

    reg = act.registry
    # every sparkline's values in one pass over the results (one filter per tile cost 0.1 s)
    lines = analysis.series_by_indicator(act.results, region) if year is not None else {}
    for dim in reg.dimensions:
        rows = table[table["dimension"] == dim.id]
        if rows.empty:
            continue
        st.subheader(dim.label(lang()), divider="gray")
        tiles = []
        for row in rows.itertuples(index=False):
            ind = reg.indicator_by_id[row.indicator]
            series = lines.get(ind.id)
            tiles.append(_tile(ind, row, act, series, since, region, year=year))
        # one element for the dimension's tiles (no blank line: markdown keeps it one HTML block)
        st.markdown(f"<div style='{GRID_STYLE}'>{''.join(tiles)}</div>", unsafe_allow_html=True)


main()
