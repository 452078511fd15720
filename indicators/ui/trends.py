"""Trends: an indicator over time for chosen regions and the Total, and the spread between
regions over time (are differences growing?)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from indicators.analyses import spread as spread_
from indicators.analyses import tiles
from indicators.charts import layout as chart_layout
from indicators.charts import trends as trend_charts
from indicators.dataset import region_names
from indicators.results import TOTAL
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr

TEXTS = area("trends")


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    years = tiles.year_order(act.prepared.years)
    if not years:
        st.info(tr(TEXTS, "no_years"))
        return
    if len(years) < 2:
        st.info(tr(TEXTS, "one_year", year=years[0]))
        return
    reg, lng = act.registry, lang()
    left, right = st.columns([1, 2])
    with left:
        ind = state.pick_indicator(act)
    if ind is None:
        st.info(tr(TEXTS, "no_indicator"))
        return
    regions = region_names.in_order(act.prepared.regions)
    default = [TOTAL, *spread_.extreme_regions(act.results, ind.id, years[-1])]
    shared = st.session_state.get("region")
    if shared in regions and shared not in default:
        default.append(shared)
    with right:
        options = [TOTAL, *regions]
        chosen = state.shared_multiselect(
            "regions",
            options,
            label=tr(TEXTS, "regions"),
            default=default,
            format_func=label_func(options, act.region_name),
            help=tr(TEXTS, "regions_help"),
        )
    first, last = years[0], years[-1]
    if not chosen:
        st.info(tr(TEXTS, "pick_regions"))
    else:
        rows = act.results[
            (act.results["indicator"] == ind.id) & act.results["region"].isin(chosen)
        ][["region", "year", "value"]].copy()
        rows["text"] = [reg.format_value(ind.id, v, lng) for v in rows["value"]]
        order = {r: i for i, r in enumerate(chosen)}
        rows = rows.sort_values("region", key=lambda s: s.map(order), kind="stable")
        fig = trend_charts.trend_lines(
            rows,
            title=tr(TEXTS, "lines_title", label=ind.label(lng), first=first, last=last),
            y_title=ind.unit(lng),
            years=spread_.all_years(years),
            names={r: act.region_name(r) for r in chosen},
            x_title=tr(TEXTS, "year_axis"),
            tickformat=chart_layout.value_tickformat(
                ind.decimals, ind.is_share, values=rows["value"]
            ),
        )
        state.show_chart(fig, act, key="trend_lines")
        gaps = spread_.trend_gaps(act.results, ind.id, chosen, years)
        if len(gaps):
            names = [
                f"{act.region_name(r)} {y}"
                for r, y in zip(gaps["region"], gaps["year"], strict=True)
            ]
            why = spread_.states_in_words(
                names, gaps["status"], gaps["n"], lang=lng, min_n=act.min_n, limit=8
            )
            st.caption(tr(TEXTS, "gaps", hidden=why))

    st.subheader(tr(TEXTS, "spread"))
    compared = spread_.comparable_spread(act.results, ind.id, years=years)
    spread = compared.frame
    if len(spread) < 2:
        st.info(tr(TEXTS, "no_spread"))
        return
    sentence = spread_.spread_sentence(spread, lng, years=compared.years, is_share=ind.is_share)
    if sentence:
        st.markdown(f"**{sentence}**")
        named = {act.region_name(r): lacks for r, lacks in compared.left_out.items()}
        notes = spread_.spread_notes(replace(compared, left_out=named), lng)
        st.caption(" ".join(notes))
    found = spread_.spread_trend(spread, "cv", years=compared.years)
    left, right = st.columns(2)
    with left:
        fig = trend_charts.spread_index_lines(
            spread,
            title=tr(TEXTS, "index_title", first=first, last=last),
            labels={key: tr(TEXTS, key) for key in ("cv", "gini")},
            y_title=tr(TEXTS, "index_axis"),
            x_title=tr(TEXTS, "year_axis"),
            years=compared.years,
            fit=spread_.fitted_line(spread, found, compared.years) if found else None,
            fit_label=tr(TEXTS, "fit"),
        )
        state.show_chart(fig, act, key="spread_index")
    with right:
        fig = trend_charts.spread_ratio_line(
            spread,
            title=tr(TEXTS, "ratio_title", first=first, last=last),
            label=tr(TEXTS, "ratio"),
            y_title=tr(TEXTS, "ratio_axis"),
            x_title=tr(TEXTS, "year_axis"),
            years=compared.years,
        )
        state.show_chart(fig, act, key="spread_ratio")
    st.caption(tr(TEXTS, "spread_help", label=ind.label(lng)))


main()
