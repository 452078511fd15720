"""Distribution versus average: what the mean hides, for a variable and a few regions.

A thin page: it reads the choices and renders :func:`indicators.views.distribution.
distribution`; the rows and the summary of every group are cached per file and choices.
"""

from __future__ import annotations

import streamlit as st

from indicators.analyses import distribution as dist
from indicators.registry import catalog
from indicators.registry.catalog import shown_decimals
from indicators.results import TOTAL
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, t, tr
from indicators.ui.render import render
from indicators.views import distribution as view
from indicators.views.distribution import CHART_TYPES, Choices

TEXTS = area("distribution_page")


def _variable_choice(act, variables):
    reg, lg = act.registry, lang()
    return state.shared_select(
        "variable",
        variables,
        label=t("variable"),
        format_func=label_func(variables, lambda v: reg.variable_by_id[v].label(lg)),
    )


def _by_column(act, col_container):
    """For aggregates: the higher region whose units are compared (None = whole country)."""
    if act.shape != "aggregates":
        return None
    options = [None, *dist.higher_region_columns(act.raw, act.mapping.region)]
    return col_container.selectbox(
        tr(TEXTS, "higher"),
        options,
        key="dist_higher",
        format_func=label_func(
            options, lambda c: tr(TEXTS, "whole") if c is None else tr(TEXTS, "within", col=c)
        ),
    )


@st.cache_data(show_spinner=False, max_entries=32)
def _grouping(data_key, by_col, _act):
    """How the rows are grouped (regions by their names; a higher region's units)."""
    return view.grouping(_act.prepared, _act.raw, _act.region_names, by_col)


@st.cache_data(show_spinner=False, max_entries=32)
def _units(data_key, var_id, year, by_col, _act):
    """One variable in one year as group, value, weight (cached per file and settings)."""
    return view.units(_act.prepared, var_id, year, _grouping(data_key, by_col, _act))


@st.cache_data(show_spinner=False, max_entries=64)
def _survey(data_key, var_id, bottom, year, by_col, min_n, _act):
    """Every group summarised once, with intervals for microdata (cached per file, settings
    and choices)."""
    return view.summary(
        _act.prepared,
        _act.registry.variable_by_id[var_id],
        bottom,
        year,
        _grouping(data_key, by_col, _act),
        min_n,
    )


def _threshold_label(variable, direction: str, integer: bool, lg: str) -> str:
    """Name the threshold input as the sentence names the bottom ("Bottom: scores below")."""
    unit = variable.unit(lg)
    if integer:
        return tr(TEXTS, f"threshold_score_{direction}")
    if unit:
        return tr(TEXTS, f"threshold_{direction}", unit=unit)
    return tr(TEXTS, f"threshold_nounit_{direction}")


def _bottom_choice(act, variable, data, answers, container, integer):
    """Read how the bottom is measured; the suggestion comes from the registry."""
    lg = lang()
    suggested = dist.default_bottom(variable, act.registry, data)
    low = dist.low_end_is_worse(variable)
    p_name = "P10" if low else "P90"
    share_label = tr(TEXTS, "bottom_low" if low else "bottom_high")
    kinds = {"share": share_label, "quantile": p_name}
    key_base = f"dist_bottom_{variable.id}"
    c1, c2 = container.columns([1, 1])
    kind = state.shared_segmented(
        f"{key_base}_kind",
        list(kinds),
        label=tr(TEXTS, "bottom_kind"),
        default="share" if suggested.is_share else "quantile",
        format_func=kinds.get,
        container=c1,
    )
    if kind != "share":
        return dist.Bottom("quantile", p=0.1 if low else 0.9)
    direction = "below" if low else "at_least"
    if answers:
        k = len(answers)
        if low:
            default = int(suggested.threshold) - 1 if suggested.is_share else 1
            pos = c2.selectbox(
                tr(TEXTS, "answer_limit"),
                list(range(1, k)),
                index=min(max(default, 1), k - 1) - 1,
                format_func=lambda i: answers[i - 1],
                key=f"{key_base}_answer",
            )
            return dist.Bottom("share", float(pos + 1), "below")
        default = int(suggested.threshold) if suggested.is_share else k
        pos = c2.selectbox(
            tr(TEXTS, "answer_limit_high"),
            list(range(2, k + 1)),
            index=min(max(default, 2), k) - 2,
            format_func=lambda i: answers[i - 1],
            key=f"{key_base}_answer",
        )
        return dist.Bottom("share", float(pos), "at_least")
    default = (
        suggested.threshold if suggested.is_share else dist.poverty_threshold(data, dist.EXACT)
    )
    # the default as it is (3.42, not 3): the decimals the values are shown with, or up to
    # two more where the default has them (a threshold shown is the one counted)
    whole = float(default).is_integer()  # a score threshold (6): whole steps
    digits = 0 if whole else dist.threshold_decimals(default, variable.decimals)
    step = 10.0 ** -(0 if whole else shown_decimals(variable.decimals, [default]))
    value = c2.number_input(
        _threshold_label(variable, direction, integer and step == 1.0, lg),
        value=float(default),
        step=step,
        format=f"%.{digits}f",
        key=f"{key_base}_{default}",
        help=tr(
            TEXTS,
            "threshold_help",
            default=catalog.format_number(default, digits, lg),
            side=tr(TEXTS, f"side_{direction}"),
        ),
    )
    poverty = suggested.poverty_line and value == suggested.threshold
    return dist.Bottom("share", float(value), direction, poverty_line=poverty)


def _group_choice(options, defaults, key, label):
    """A multiselect whose first choice comes from the analysis (kept in the URL)."""
    lg = lang()
    return state.shared_multiselect(
        key,
        options,
        label=label,
        default=defaults,
        format_func=label_func(
            options, lambda g: t("total") if g == TOTAL else dist.group_name(g, lg)
        ),
    )


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    lg = lang()
    reg = act.registry

    variables, _ = view.plottable(act.prepared, reg)
    if not variables:
        st.info(tr(TEXTS, "no_variables"))
        return

    top = st.columns([3, 1, 2])
    with top[0]:
        var_id = _variable_choice(act, variables)
    year = state.pick_year(act, container=top[1])
    variable = reg.variable_by_id[var_id]
    answers = view.answers(act.prepared, variable, lg)
    chart = "histogram"
    with top[2]:
        if not answers:
            chart = state.shared_segmented(
                "chart",
                CHART_TYPES,
                label=tr(TEXTS, "chart_type"),
                default="histogram",
                format_func=label_func(CHART_TYPES, lambda c: tr(TEXTS, c)),
            )

    controls = st.columns([2, 3])
    by_col = _by_column(act, controls[0])
    key = act.key
    group = _grouping(key, by_col, act)
    everything = _units(key, var_id, year, by_col, act)
    integer = dist.is_whole_score(variable, everything["value"])
    bottom = _bottom_choice(act, variable, everything, answers, controls[1], integer)

    # the summary over all groups: the first choice of groups comes from it
    base = _survey(key, var_id, bottom, year, by_col, act.min_n, act)
    groups = None
    if not group.one_distribution and not view.everything_hidden(base):
        options, defaults = view.group_options(base, variable, bottom)
        label = tr(TEXTS, "regions") if by_col is None else tr(TEXTS, "groups_of", col=by_col)
        groups = tuple(_group_choice(options, defaults, f"dist_groups_{by_col or 'region'}", label))
    choices = Choices(variable=var_id, year=year, chart=chart, bottom=bottom, groups=groups)
    render(
        view.distribution(
            act.prepared,
            reg,
            choices,
            lang=lg,
            min_n=act.min_n,
            source=act.source.label,
            group=group,
            rows=everything,
            base=base,
        )
    )


main()
