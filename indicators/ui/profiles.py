"""Profiles & index: disparities and convergence, a region's profile with similar regions, and a
composite index with weights per dimension.

The page reads its choices and renders :func:`indicators.views.profiles.profiles`."""

from __future__ import annotations

import streamlit as st

from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr
from indicators.ui.render import render
from indicators.views.profiles import METHODS, Choices, index_dimensions, profiles

TEXTS = area("profiles")


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    registry = act.registry
    left, middle, right = st.columns(3)
    with left:
        indicator = state.pick_indicator(act, key="indicator", label=tr(TEXTS, "indicator"))
    with middle:
        region = state.pick_region(act, key="region")
    with right:
        year = state.pick_year(act)

    # the index's choices, in the sidebar of the section: method, indicators, weights
    with st.expander(tr(TEXTS, "weights"), expanded=True, icon=":material/tune:"):
        a, b = st.columns(2)
        method = a.selectbox(
            tr(TEXTS, "method"),
            METHODS,
            format_func=label_func(METHODS, lambda m: tr(TEXTS, f"method_{m}")),
            key="index_method",
        )
        adjusted = b.toggle(
            tr(TEXTS, "adjusted"), key="index_adjusted", help=tr(TEXTS, "adjusted_help")
        )
        # a slider for each dimension the index has (indicators with a spread to score)
        dims = index_dimensions(act.results, registry, year=year, method=method, adjusted=adjusted)
        labels = {d.id: d.label(lang()) for d in registry.dimensions}
        st.caption(tr(TEXTS, "weights_help"))
        cols = st.columns(min(4, max(1, len(dims))))
        weights = tuple(
            (
                dim,
                cols[i % len(cols)].slider(
                    labels.get(dim, dim), 0.0, 5.0, 1.0, 0.5, key=f"index_weight_{dim}"
                ),
            )
            for i, dim in enumerate(dims)
        )
    choices = Choices(
        indicator=None if indicator is None else indicator.id,
        region=region,
        year=year,
        weights=weights,
        method=method,
        adjusted=adjusted,
        weighted=act.mapping.weight is not None,
    )
    render(
        profiles(
            act.results,
            registry,
            choices,
            lang=lang(),
            table=act.full,
            names=act.region_names,
            source=act.source.label,
        )
    )


main()
