"""Groups: an indicator by a group column within a region, each group against the rest, over
the years, by region; low/medium/high well-being and accumulated disadvantage per group.

The page reads its choices, computes the tables once per file and choice (cached), and renders
:func:`indicators.views.groups.groups_view`."""

from __future__ import annotations

import streamlit as st

from indicators.dataset.own_variables import MICRODATA
from indicators.errors import DataError
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr
from indicators.ui.render import render
from indicators.views import groups as view
from indicators.views.groups import Choices, column_label, groups_view

TEXTS = area("groups_page")


@st.cache_resource(show_spinner=False, max_entries=32)
def _gaps(key: tuple, indicator: str, by: str, _prepared, _registry):
    return view.gaps(_prepared, _registry, indicator, by, key[3])


@st.cache_resource(show_spinner=False, max_entries=32)
def _levels(key: tuple, variable: str, by: str, low: float, high: float, _prepared, _registry):
    return view.levels(_prepared, _registry, variable, by, low, high)


@st.cache_resource(show_spinner=False, max_entries=16)
def _stapeling(key: tuple, by: str, _prepared, _registry):
    return view.stapeling(_prepared, _registry, by)


@st.cache_resource(show_spinner=False, max_entries=32)
def _together(key: tuple, region, year, _prepared, _rules):
    """Which outcomes go together, in the chosen region (all for Total) and year."""
    return view.together(_prepared, _rules, region, year)


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    if act.shape != MICRODATA:
        st.info(tr(TEXTS, "aggregates"))
        return
    columns = view.group_columns(act.prepared)
    if not columns:
        st.info(tr(TEXTS, "no_groups"))
        return
    reg, lng = act.registry, lang()
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        ind = state.pick_indicator(act)
    with c2:
        by = state.shared_select(
            "by",
            columns,
            label=tr(TEXTS, "pick_by"),
            format_func=label_func(columns, lambda c: column_label(c, lng)),
        )
    with c3:
        region = state.pick_region(act, include_total=True)
    with c4:
        year = state.pick_year(act)
    if ind is None:
        return
    try:
        gaps = _gaps(act.key, ind.id, by, act.prepared, reg)
    except DataError as err:
        st.warning(err.text(lng))
        return
    groups_here = [str(g) for g in dict.fromkeys(gaps["group"])]
    group = None
    largest = view.default_group(gaps, region, year)
    variable = reg.variable_by_id.get(ind.variable)
    levels, cuts = None, None
    left, mid, right = st.columns(3)
    with left:
        if len(groups_here) > 1:
            group = state.shared_select(
                "group", groups_here, label=tr(TEXTS, "pick_group"), default=largest
            )
    if variable is not None and variable.wellbeing_low is not None:
        lo, hi = variable.scale
        with mid:
            low = st.number_input(
                tr(TEXTS, "low_cut"),
                value=float(variable.wellbeing_low),
                min_value=None if lo is None else float(lo),
                max_value=None if hi is None else float(hi),
                step=1.0,
                format="%g",
                key="groups_low",
            )
        with right:
            high = st.number_input(
                tr(TEXTS, "high_cut"),
                value=float(variable.wellbeing_high),
                min_value=None if lo is None else float(lo),
                max_value=None if hi is None else float(hi),
                step=1.0,
                format="%g",
                key="groups_high",
            )
        try:
            cuts = view.level_cuts(reg, variable.id, low, high)
            levels = _levels(act.key, variable.id, by, cuts[0], cuts[1], act.prepared, reg)
        except DataError as err:
            st.warning(err.text(lng))
    acc, rules = _stapeling(act.key, by, act.prepared, reg)
    co = None if acc is None else _together(act.key, region, year, act.prepared, rules)
    choices = Choices(indicator=ind.id, by=by, region=region, year=year, group=group)
    render(
        groups_view(
            gaps,
            reg,
            choices,
            lang=lng,
            source=act.source.label,
            region_name=act.region_name,
            levels=levels,
            level_cuts=cuts,
            accumulation=acc,
            co_occurrence=co,
        )
    )


main()
