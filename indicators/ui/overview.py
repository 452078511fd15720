"""Overview: indicator tiles by dimension for one region and year, with change and flags."""

from __future__ import annotations

import html
import math

import streamlit as st

from indicators import analysis, charts
from indicators.compute import TOTAL
from indicators.ui import state
from indicators.ui.i18n import lang, t, tr

TEXTS = {
    "title": {"nl": "Overzicht", "en": "Overview"},
    "intro": {
        "nl": "Alle indicatoren per thema van brede welvaart voor één regio en jaar: de waarde, "
        "het totaal van alle regio's, de verandering sinds een eerder jaar, en waar het "
        "gemiddelde iets verbergt.",
        "en": "Every indicator by broad-welfare theme for one region and year: the value, the "
        "total of all regions, the change since an earlier year, and where the average hides "
        "something.",
    },
    "since": {"nl": "Vergelijk met jaar", "en": "Compare with year"},
    "since_help": {
        "nl": "De pijl op elke tegel toont de verandering sinds dit jaar.",
        "en": "The arrow on each tile shows the change since this year.",
    },
    "no_earlier": {
        "nl": "Er is geen eerder jaar om mee te vergelijken.",
        "en": "There is no earlier year to compare with.",
    },
    "no_years": {
        "nl": "Deze gegevens hebben geen jaarkolom: verandering en verloop ontbreken.",
        "en": "These data have no year column: change and trend are left out.",
    },
    "legend": {
        "nl": "Pijl: richting van de verandering; {better} is beter, {worse} is slechter, "
        "{same} is onveranderd of onbekend (volgens wat bij de indicator beter is).",
        "en": "Arrow: which way the value moved; {better} is better, {worse} is worse, "
        "{same} is unchanged or unknown (by what is better for the indicator).",
    },
    "green": {"nl": "groen", "en": "green"},
    "vermillion": {"nl": "vermiljoen", "en": "vermillion"},
    "grey": {"nl": "grijs", "en": "grey"},
    "total_line": {"nl": "Totaal: {value}", "en": "Total: {value}"},
    "change": {
        "nl": "{arrow} {change} sinds {since} · {word}",
        "en": "{arrow} {change} since {since} · {word}",
    },
    "better": {"nl": "beter", "en": "better"},
    "worse": {"nl": "slechter", "en": "worse"},
    "same": {"nl": "onveranderd", "en": "unchanged"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "no_change": {
        "nl": "geen waarde in {years}: geen verandering te tonen",
        "en": "no value in {years}: no change to show",
    },
    "and": {"nl": "en", "en": "and"},
    "hides": {
        "nl": "<b>Het gemiddelde verbergt dit:</b> {mean} werd {mean_word}, deze indicator {word}.",
        "en": "<b>The average hides this:</b> {mean} got {mean_word}, this got {word}.",
    },
    "hides_count_one": {
        "nl": "Bij 1 indicator beweegt de onderkant of de ongelijkheid de andere kant op dan "
        "het gemiddelde: zie de gemarkeerde tegel.",
        "en": "For 1 indicator the bottom or the inequality moves the other way from the "
        "average: see the flagged tile.",
    },
    "hides_count": {
        "nl": "Bij {n} indicatoren beweegt de onderkant of de ongelijkheid de andere kant op "
        "dan het gemiddelde: zie de gemarkeerde tegels.",
        "en": "For {n} indicators the bottom or the inequality moves the other way from the "
        "average: see the flagged tiles.",
    },
    "spark_title": {
        "nl": "{label}, {first}–{last}",
        "en": "{label}, {first}–{last}",
    },
    "no_tiles": {
        "nl": "Er zijn geen indicatoren voor deze keuze.",
        "en": "There are no indicators for this choice.",
    },
}
PER_ROW = 4


def _tile(ind, row, act, series, since, region) -> None:
    """Show one indicator tile (inside a bordered container)."""
    reg, lng = act.registry, lang()
    # Two lines reserved for the title, so values and sparklines line up along a row. (A
    # markdown element has a -1rem bottom margin meant for its last paragraph's margin; these
    # divs set their own, else they run into the next element or the tile's border.)
    st.markdown(
        f"<div style='min-height:2.7em;line-height:1.35;font-weight:600;margin-bottom:0.6rem'>"
        f"{html.escape(ind.label(lng))}</div>",
        unsafe_allow_html=True,
        help=ind.description(lng),
    )
    if row.suppressed or not math.isfinite(row.value):
        shown = t("suppressed", n=act.min_n) if row.suppressed else "–"
        st.markdown(f"<span style='color:#555'>{shown}</span>", unsafe_allow_html=True)
    else:
        value = reg.format_value(ind.id, row.value, lng)
        unit = "" if ind.is_share else ind.unit(lng)
        st.markdown(
            f"<span style='font-size:1.9rem;font-weight:600;line-height:1.2'>{value}</span> "
            f"<span style='color:#555'>{unit}</span>",
            unsafe_allow_html=True,
        )
    if region != TOTAL:
        st.caption(tr(TEXTS, "total_line", value=reg.format_value(ind.id, row.total, lng)))
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
                change=analysis.format_change(reg, ind.id, row.change, lng),
                since=since,
                word=tr(TEXTS, row.direction),
            )
        colour = analysis.DIRECTION_COLOURS[row.direction]
        st.markdown(
            f"<span style='color:{colour};font-weight:600'>{text}</span>",
            unsafe_allow_html=True,
        )
    if series is not None and len(series):
        first, last = series["year"].iloc[0], series["year"].iloc[-1]
        svg = charts.sparkline_svg(
            series,
            label=f"{first}–{last}",
            title=tr(TEXTS, "spark_title", label=ind.label(lng), first=first, last=last),
        )
        if svg:
            st.markdown(svg, unsafe_allow_html=True)
    if row.hides:
        mean = reg.indicator_by_id[row.mean_indicator]
        text = tr(
            TEXTS,
            "hides",
            mean=html.escape(mean.label(lng)),
            mean_word=tr(TEXTS, row.mean_direction),
            word=tr(TEXTS, row.direction),
        )
        st.markdown(
            f"<div style='border-left:4px solid {charts.VERMILLION};background:#FDF0E6;"
            f"padding:0.3rem 0.5rem;font-size:0.85rem;margin-bottom:1rem'>{text}</div>",
            unsafe_allow_html=True,
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
                chosen = st.selectbox(
                    tr(TEXTS, "since"),
                    options,
                    index=0,
                    key="since",
                    bind="query-params",
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
    n_hidden = int(table["hides"].sum())
    if n_hidden:
        key = "hides_count_one" if n_hidden == 1 else "hides_count"
        st.warning(tr(TEXTS, key, n=n_hidden), icon=":material/visibility_off:")

    reg = act.registry
    for dim in reg.dimensions:
        rows = table[table["dimension"] == dim.id]
        if rows.empty:
            continue
        st.subheader(dim.label(lang()), divider="gray")
        records = list(rows.itertuples(index=False))
        for start in range(0, len(records), PER_ROW):
            columns = st.columns(PER_ROW)
            for column, row in zip(columns, records[start : start + PER_ROW], strict=False):
                ind = reg.indicator_by_id[row.indicator]
                series = analysis.series(act.results, ind.id, region) if year is not None else None
                # "stretch": every tile as tall as the tallest in its row
                with column.container(border=True, height="stretch"):
                    _tile(ind, row, act, series, since, region)


main()
