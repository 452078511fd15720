"""Distribution versus average: what the mean hides, for a variable and a few regions.

A thin page: it reads the choices, asks :mod:`indicators.distribution` for the numbers, the
sentence and the figures, and shows them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from indicators.analyses import distribution as dist
from indicators.analyses import spread
from indicators.charts import distribution as dist_charts
from indicators.dataset import region_names
from indicators.registry import catalog
from indicators.registry.catalog import shown_decimals
from indicators.results import SUPPRESSED, TOTAL
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, t, tr

TEXTS = area("distribution_page")

CHART_TYPES = ("histogram", "violin", "ecdf")


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
        return None, None
    options = [None, *dist.higher_region_columns(act.raw, act.mapping.region)]
    col = col_container.selectbox(
        tr(TEXTS, "higher"),
        options,
        key="dist_higher",
        format_func=label_func(
            options, lambda c: tr(TEXTS, "whole") if c is None else tr(TEXTS, "within", col=c)
        ),
    )
    return col, _by_values(act, col)


def _group_names(act, col) -> dict:
    """The name shown for each group value: regions (and a higher region column's CBS codes)
    by their names, as everywhere else on the dashboard."""
    if col is None:
        return act.region_names
    values = act.raw[col].astype("string").fillna("(missing)")
    return region_names.display_names(pd.unique(values))


def _by_values(act, col):
    """The group of each row, by its shown name: for microdata the region (None when every
    region is shown as it is), for aggregates the higher region (Total for the whole country)."""
    if act.shape != "aggregates":
        names = act.region_names
        if not region_names.differ(names):
            return None
        return act.prepared.frame["region"].map(names).to_numpy(dtype=object)
    if col is None:
        return np.full(len(act.prepared.frame), TOTAL, dtype=object)
    values = act.raw[col].astype("string").fillna("(missing)")
    return values.map(_group_names(act, col)).to_numpy(dtype=object)


def _with_codes(table: pd.DataFrame, act, col, lg: str) -> pd.DataFrame:
    """The download keeps the codes as the key: the region column holds the code again, the
    name shown comes beside it (only when names differ from the codes)."""
    if act.shape == "aggregates" and col is None:  # one distribution: the whole country
        return table
    names = _group_names(act, None if act.shape != "aggregates" else col)
    if not region_names.differ(names) or table.empty:
        return table
    codes = {name: code for code, name in names.items()}
    first = table.columns[0]
    out = table.copy()
    out.insert(1, tr(TEXTS, "name_column"), out[first])
    out[first] = out[first].map(lambda g: codes.get(g, g))
    return out


@st.cache_data(show_spinner=False, max_entries=32)
def _units(data_key, var_id, year, by_col, _act):
    """One variable in one year as group, value, weight (cached per file and settings)."""
    return dist.units_frame(_act.prepared, var_id, year=year, by=_by_values(_act, by_col))


@st.cache_data(show_spinner=False, max_entries=64)
def _survey(data_key, var_id, bottom, year, by_col, min_n, _act):
    """Every group summarised once (cached per file, settings and choices)."""
    return dist.survey(
        _act.prepared,
        _act.registry.variable_by_id[var_id],
        bottom,
        year=year,
        by=_by_values(_act, by_col),
        min_n=min_n,
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


def _counts(act, summary, lg: str) -> str:
    """Say how many observations (or units, for aggregates) each shown group rests on."""
    counts = "; ".join(
        f"{t('total') if g == TOTAL else dist.group_name(g, lg)} {catalog.format_number(n, 0, lg)}"
        for g, n in zip(summary["group"], summary["n"], strict=True)
    )
    return tr(TEXTS, "counts_units" if act.shape == "aggregates" else "counts", counts=counts)


def _caption(act, by_col, chart, data, edges, answers, scale=(None, None)):
    lg = lang()
    weight = act.mapping.weight
    parts = []
    if act.shape == "aggregates":
        weighting = tr(TEXTS, "agg_weighted", w=weight) if weight else tr(TEXTS, "agg_unweighted")
        parts.append(
            tr(
                TEXTS,
                "cap_aggregates",
                col=act.mapping.region,
                where=tr(TEXTS, "whole") if by_col is None else tr(TEXTS, "within", col=by_col),
                weighting=weighting,
                avg=tr(TEXTS, "avg_weighted" if weight else "avg_plain"),
            )
        )
    else:
        parts.append(tr(TEXTS, "cap_weighted", w=weight) if weight else tr(TEXTS, "cap_unweighted"))
    if answers:
        parts.append(tr(TEXTS, "cap_answers", k=len(answers)))
    elif chart == "violin":
        parts.append(tr(TEXTS, "cap_violin"))
        low, high = scale  # where the violins stop (dist.violin_bounds)

        def end(x):
            return "" if x is None else catalog.format_number(x, 0 if x == int(x) else 2, lg)

        if low is not None or high is not None:
            key = "ends_low" if high is None else "ends_high" if low is None else "ends_both"
            ends = tr(TEXTS, key, lo=end(low), hi=end(high))
            parts.append(tr(TEXTS, "cap_violin_ends", ends=ends))
    elif chart == "histogram" and len(data) and edges[-1] < data["value"].max():
        parts.append(tr(TEXTS, "cap_hist_top", top=catalog.format_number(edges[-1], 1, lg)))
    st.caption(" ".join(parts))


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    lg = lang()
    reg = act.registry

    variables = [v for v in act.prepared.variables if dist.plottable(reg.variable_by_id[v])]
    skipped = [v for v in act.prepared.variables if v not in variables]
    if not variables:
        st.info(tr(TEXTS, "no_variables"))
        return

    top = st.columns([3, 1, 2])
    with top[0]:
        var_id = _variable_choice(act, variables)
    year = state.pick_year(act, container=top[1])
    variable = reg.variable_by_id[var_id]
    answers = (
        dist.answer_labels(act.prepared.labels.get(var_id), variable, lg)
        if variable.kind == dist.ORDINAL and var_id in act.prepared.labels
        else None
    )
    with top[2]:
        if answers:
            chart = "answers"
        else:
            chart = state.shared_segmented(
                "chart",
                CHART_TYPES,
                label=tr(TEXTS, "chart_type"),
                default="histogram",
                format_func=label_func(CHART_TYPES, lambda c: tr(TEXTS, c)),
            )

    controls = st.columns([2, 3])
    by_col, by = _by_column(act, controls[0])
    key = act.key
    everything = _units(key, var_id, year, by_col, act)
    integer = dist.is_whole_score(variable, everything["value"])
    bottom = _bottom_choice(act, variable, everything, answers, controls[1], integer)

    # first analysis over all groups: the default choice of groups comes from it
    min_n = act.min_n if act.shape == "microdata" else 0
    base = _survey(key, var_id, bottom, year, by_col, min_n, act)
    first = dist.focus(base, variable, bottom)
    all_groups = [g for g in first.overall["group"] if g != TOTAL]
    if len(base.small):  # small cells: not drawn, not quoted, not ranked; say which and their n
        names = [t("total") if g == TOTAL else dist.group_name(g, lg) for g in base.small["group"]]
        why = spread.states_in_words(
            names, [SUPPRESSED] * len(names), base.small["n"], lang=lg, min_n=min_n, limit=8
        )
        st.caption(tr(TEXTS, "hidden", why=why))
        if not all_groups and TOTAL in base.hidden:
            st.info(tr(TEXTS, "all_hidden", n=min_n))
            return
    if by is not None and by_col is None:  # aggregates, whole country: one distribution
        chosen = [TOTAL]
    else:
        options = [*all_groups, TOTAL]
        label = tr(TEXTS, "regions") if by_col is None else tr(TEXTS, "groups_of", col=by_col)
        defaults = dist.default_groups(first.overall, first.contrast_all)
        if not all_groups and TOTAL not in base.hidden:  # every region a small cell
            defaults = [TOTAL]
        chosen = _group_choice(options, defaults, f"dist_groups_{by_col or 'region'}", label)
    if not chosen:
        st.info(tr(TEXTS, "pick_regions"))
        return
    result = dist.focus(base, variable, bottom, chosen)
    if result.summary.empty:
        return

    # the sentence
    phrase = dist.bottom_phrase(
        bottom,
        lg,
        integer=integer,
        answers=answers,
        decimals=variable.decimals,
        unit=variable.unit(lg) if variable.kind == dist.CONTINUOUS else "",
    )
    share_dec = dist.share_decimals(variable, bottom, reg)
    # small values in whole units (thousands of euros) with the decimals that tell them apart
    decimals = shown_decimals(dist.mean_decimals(variable, reg), everything["value"])
    value_decimals = shown_decimals(variable.decimals, everything["value"])

    def value_format(x):
        if answers and np.isfinite(x):
            return f"'{answers[int(round(x)) - 1]}'"
        return catalog.format_number(x, value_decimals, lg)

    def say(contrast):
        return dist.contrast_sentence(
            contrast,
            bottom,
            lg,
            variable_label=variable.label(lg),
            decimals=decimals,
            share_decimals=share_dec,
            phrase=phrase,
            value_format=value_format,
        )

    st.info(say(result.contrast), icon=":material/lightbulb:")
    if result.contrast.kind in ("same_story", "single") and result.contrast_all.kind in (
        "same_mean",
        "reversed",
    ):
        st.caption(tr(TEXTS, "across_all", sentence=say(result.contrast_all)))

    # the distribution
    names = dist.join_names([dist.group_name(g, lg) for g in result.summary["group"]], lg)
    label = variable.label(lg)
    unit = variable.unit(lg)
    x_title = f"{label} ({unit})" if unit else label
    weighted = bool(act.mapping.weight)
    y_share = dist.text("share_axis_w" if weighted else "share_axis", lg)
    edges = dist.histogram_edges(everything["value"])
    common = {"lang": lg, "decimals": decimals}
    bounds = dist_charts.violin_bounds(result.data["value"], variable.scale)  # where violins stop
    if answers:
        shares = dist.answer_shares(result.data, len(answers), list(result.summary["group"]))
        fig = dist_charts.answers_figure(
            shares,
            answers,
            lang=lg,
            title=dist.text("title_answers", lg, var=label, year=year, groups=names),
            y_title=y_share,
            summary=result.summary,
            decimals=decimals,
        )
    else:
        title = dist.text("title_dist", lg, var=label, year=year, groups=names)
        if chart == "ecdf":
            y_cum = dist.text("cum_axis_w" if weighted else "cum_axis", lg)
            fig = dist_charts.ecdf_figure(
                result.data, result.summary, title=title, x_title=x_title, y_title=y_cum, **common
            )
        elif chart == "violin":
            fig = dist_charts.violin_figure(
                result.data,
                result.summary,
                title=title,
                x_title=tr(TEXTS, "regions"),
                y_title=x_title,
                scale=bounds,
                **common,
            )
        else:
            fig = dist_charts.histogram_figure(
                result.data,
                result.summary,
                title=title,
                x_title=x_title,
                y_title=y_share,
                edges=edges,
                **common,
            )
    state.show_chart(fig, act, key="dist_main")
    single = dist_charts.one_value(result.data["value"])
    if single is not None and not answers:  # why the chart is one bar
        key = "one_value" if year is not None else "one_value_no_year"
        st.caption(
            tr(TEXTS, key, year=year, value=catalog.format_number(single, value_decimals, lg))
        )
    _caption(act, by_col, chart, everything, edges, answers, scale=bounds)
    st.caption(_counts(act, result.summary, lg))  # every number above tells its n

    # percentiles and ranks
    left, right = st.columns(2)
    with left:
        st.subheader(tr(TEXTS, "profile_head"))
        fig = dist_charts.quantile_figure(
            result.summary,
            title=dist.text("title_quantiles", lg, var=label, year=year),
            x_title=x_title,
            answers=answers,
            **common,
        )
        state.show_chart(fig, act, key="dist_quantiles")
    with right:
        st.subheader(tr(TEXTS, "slope_head"))
        bottom_label = dist.bottom_short(bottom, lg, phrase)
        if act.shape == "aggregates" and by_col is None:  # one distribution: nothing to rank
            more = dist.higher_region_columns(act.raw, act.mapping.region)
            st.info(
                tr(TEXTS, "slope_one_distribution")
                + (tr(TEXTS, "slope_one_distribution_by") if more else "")
            )
        elif len(result.ranks) < 3:
            n = len(result.ranks)
            if year is None:
                st.info(tr(TEXTS, "slope_few"))
            else:  # this year has too few; say so, other years may have more
                have = tr(TEXTS, "have_0" if n == 0 else "have_1" if n == 1 else "have_n", n=n)
                st.info(tr(TEXTS, "slope_few_year", year=year, have=have))
        else:
            fig = dist_charts.slope_figure(
                result.ranks,
                lang=lg,
                title=dist.text("title_slope", lg, var=label, year=year, bottom=bottom_label),
                bottom_label=bottom_label,
                highlight=list(result.summary["group"]),
            )
            state.show_chart(fig, act, key="dist_slope")
            best = (
                tr(TEXTS, "best_share") if bottom.is_share else tr(TEXTS, "best_q", p=bottom_label)
            )
            st.caption(tr(TEXTS, "slope_caption", best=best))

    with st.expander(tr(TEXTS, "table")):
        table = dist.numbers_table(result.overall, result.ranks, lg, small=result.small)
        st.dataframe(table, hide_index=True)
        st.download_button(
            tr(TEXTS, "download"),
            _with_codes(table, act, by_col, lg).to_csv(index=False).encode("utf-8"),
            file_name=f"distribution_{var_id}" + (f"_{year}" if year is not None else "") + ".csv",
            mime="text/csv",
            key="dist_download",
        )
    if skipped:
        st.caption(
            tr(
                TEXTS,
                "skipped",
                names=", ".join(reg.variable_by_id[v].label(lg) for v in skipped),
            )
        )


main()
