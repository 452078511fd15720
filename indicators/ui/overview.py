"""Overview: indicator tiles by dimension for one region and year, with change and flags.

The page reads its choices and renders :func:`indicators.views.overview.overview`."""

from __future__ import annotations

import streamlit as st

from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import lang, tr
from indicators.ui.render import render
from indicators.views.overview import Choices, earlier_years, overview

TEXTS = area("overview")


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
            earlier = earlier_years(years, year)
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
    choices = Choices(region=region, year=year, since=since)
    render(
        overview(act.results, act.registry, choices, lang=lang(), min_n=act.min_n, shape=act.shape)
    )


main()
