"""Trends: an indicator over time for chosen regions and the Total, with intervals, whether
each line rose or fell, and the spread between regions over time (are differences growing?).

The page reads its choices and renders :func:`indicators.views.trends.trends`."""

from __future__ import annotations

import streamlit as st

from indicators.dataset import region_names
from indicators.io.export import file_stem
from indicators.results import TOTAL
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr
from indicators.ui.render import render
from indicators.views.trends import Choices, default_regions, no_trend, trend_years, trends

TEXTS = area("trends")


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    years = trend_years(act.prepared)
    why = no_trend(years, lang())
    if why is not None:
        render(why)
        return
    left, right = st.columns([1, 2])
    with left:
        ind = state.pick_indicator(act)
    if ind is None:
        st.info(tr(TEXTS, "no_indicator"))
        return
    regions = region_names.in_order(act.prepared.regions)
    default = default_regions(act.results, ind.id, years, st.session_state.get("region"))
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
    choices = Choices(indicator=ind.id, regions=tuple(chosen))
    render(
        trends(
            act.results,
            act.registry,
            choices,
            lang=lang(),
            min_n=act.min_n,
            years=years,
            shape=act.shape,
            source=act.source.label,
            names=act.region_names,
            file_stem=file_stem(act.source.name),
        )
    )


main()
