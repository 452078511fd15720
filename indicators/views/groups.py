"""The Groups page as a view: an indicator by a group column in one region and year, each
group against the rest of its region coloured as CBS does, the gaps over the years with the
trend test's sentence, the regions ranked by a group's gap, low/medium/high well-being per
group, and accumulated disadvantage (stapeling) per group.

The tables come from :mod:`indicators.analyses.groups` and :mod:`indicators.analyses.stapeling`,
prepared by the input functions here (:func:`gaps`, :func:`levels`, :func:`stapeling`,
:func:`together`), which the page caches and the report calls as they are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from indicators.analyses import groups as G
from indicators.analyses import stapeling as S
from indicators.charts import groups as charts
from indicators.dataset.mapping import WEIGHT, YEAR
from indicators.errors import DataError
from indicators.registry.catalog import format_display, format_number
from indicators.results import TOTAL
from indicators.text import text
from indicators.views.blocks import Expander, Heading, Table, Text, View
from indicators.views.common import chart
from indicators.views.escape import escape_markdown, html_text

CLASSES = (G.BETTER, G.WORSE, G.NO_DIFFERENCE, G.DIFFERENT)


@dataclass(frozen=True)
class Choices:
    """What the user chose on the Groups page."""

    indicator: str
    by: str
    region: str = TOTAL
    year: object = None
    group: object = None  # the group whose gap ranks the regions (default: the largest gap)


def _t(key: str, lang: str, **values) -> str:
    return text(f"groups_page.{key}", lang, **values)


# ---- the view's inputs: one place for the page and the report -------------------------------


def group_columns(prepared) -> list:
    """Return the group columns the Groups view can break the data down by."""
    return G.group_columns(prepared)


def gaps(prepared, registry, indicator: str, by: str, min_n: int) -> pd.DataFrame:
    """Return each group of column ``by`` against the rest of its region, for ``indicator``
    (:func:`indicators.analyses.groups.indicator_gaps`)."""
    return G.indicator_gaps(prepared, registry, indicator, by, min_n=min_n)


def default_group(gaps_table: pd.DataFrame, region=TOTAL, year=None):
    """Return the group whose gap ranks the regions at first: the largest gap."""
    return G.largest_gap(gaps_table, region, year)


def level_cuts(registry, variable_id: str, low=None, high=None):
    """Return the (low, high, source) cut points of low/medium/high well-being, or None when the
    variable has none; ``low`` and ``high`` default to the registry's."""
    variable = registry.variable_by_id.get(variable_id)
    if variable is None or variable.wellbeing_low is None:
        return None
    low = float(variable.wellbeing_low) if low is None else low
    high = float(variable.wellbeing_high) if high is None else high
    return G.cut_points(registry, variable.id, low=low, high=high)


def levels(prepared, registry, variable: str, by: str, low: float, high: float) -> pd.DataFrame:
    """Return the shares with low, medium and high well-being per group of ``by``."""
    frame = G.group_frame(prepared, registry, by)
    year = YEAR if YEAR in frame else None
    weight = WEIGHT if WEIGHT in frame else None
    return G.wellbeing_levels(frame, variable, low=low, high=high, by=by, year=year, weight=weight)


def stapeling(prepared, registry, by: str):
    """Return accumulated disadvantage per group of ``by`` and its rules, or (None, None) when
    fewer than two of the catalogue's unfavourable outcomes can be counted."""
    try:
        rules = S.catalogue_rules(prepared, registry)
    except DataError:
        return None, None
    if len(rules) < 2:
        return None, None
    frame = G.group_frame(prepared, registry, by)
    year = YEAR if YEAR in frame else None
    weight = WEIGHT if WEIGHT in frame else None
    return S.accumulation(frame, rules, year=year, weight=weight, by=by), rules


def together(prepared, rules, region, year) -> pd.DataFrame:
    """Return which outcomes go together, in ``region`` (all for Total) and ``year``."""
    frame = prepared.frame
    rows = frame["region"] == region if region != TOTAL else frame["region"].notna()
    if year is not None and YEAR in frame:
        rows &= frame[YEAR] == year
    weight = WEIGHT if WEIGHT in frame else None
    return S.co_occurrence(frame[rows], rules, weight=weight)


def column_label(column: str, lang: str) -> str:
    """The name to show for a group column (the income quintile in words)."""
    return text("groups.income_quintile", lang) if column == G.INCOME_QUINTILE else column


def fine_decimals(ind) -> int:
    """Decimals of gaps and intervals: one more than the value's for scores (0.64, not 0.6),
    as the value's for shares (in points) and amounts (euros)."""
    return ind.decimals if ind.is_share or ind.decimals == 0 else ind.decimals + 1


def _gap_text(value, ind, lang: str, *, unit: bool = True) -> str:
    if value is None or not np.isfinite(value):
        return "–"
    if ind.is_share:
        shown = format_number(value * 100, ind.decimals, lang)
        return f"{shown} {text('groups.percentage_points', lang)}" if unit else shown
    return format_display(value, fine_decimals(ind), lang=lang)


def groups_view(
    gaps: pd.DataFrame,
    registry,
    choices: Choices,
    *,
    lang: str,
    source: str | None = None,
    region_name: Callable = str,
    levels: pd.DataFrame | None = None,
    level_cuts: tuple | None = None,
    accumulation=None,
    co_occurrence: pd.DataFrame | None = None,
) -> View:
    """Return the Groups view for ``choices`` from the table of
    :func:`indicators.analyses.groups.indicator_gaps`; ``levels`` (from
    :func:`~indicators.analyses.groups.wellbeing_levels`, with ``level_cuts`` = (low, high,
    source)) and ``accumulation`` (:class:`~indicators.analyses.stapeling.Accumulation`, by the
    same column) add their sections."""
    view = View()
    ind = registry.indicator_by_id[choices.indicator]
    col = column_label(choices.by, lang)
    where = region_name(choices.region)
    year = choices.year
    has_years = "year" in gaps
    here = gaps[gaps["region"] == choices.region]
    now = here[here["year"] == year] if has_years and year is not None else here
    if now.empty:
        return view.add(Text(_t("nothing", lang), tone="info"))
    two = bool((now["rest_group"] != "").any())
    names = {cls: text(f"groups.{cls}", lang) for cls in CLASSES}
    when = f", {year}" if has_years and year is not None else ""
    view.add(
        Heading(
            _t(
                "heading",
                lang,
                indicator=escape_markdown(ind.label(lang)),
                column=escape_markdown(col),
                region=escape_markdown(where),
                year=when,
            )
        )
    )
    view.add(Text(_t("rule_two" if two else "rule", lang, **names), tone="caption"))

    # each group against the rest
    shown = now.assign(label=[html_text(g) for g in now["group"]])
    # chart titles are HTML to plotly: what comes from the file is escaped
    h_col, h_where, h_ind = html_text(col), html_text(where), html_text(ind.label(lang))
    title = _t("dots_title", lang, indicator=h_ind, column=h_col, region=h_where, year=when)
    fig = charts.group_dots(
        shown,
        title=title,
        value_label=html_text(ind.unit(lang)) or h_ind,
        class_names=names,
        decimals=ind.decimals,
        is_share=ind.is_share,
    )
    view.add(chart(fig, lang, source, key="groups_dots"))
    for row in now.itertuples():
        if row.colour in (G.BETTER, G.WORSE) or (row.colour == G.DIFFERENT):
            view.add(Text(_sentence(row, ind, lang, two), tone="plain"))
    view.add(_table(now, ind, lang, names, two))

    # the gaps over the years
    if has_years and here["year"].nunique() >= 3:
        view.add(Heading(_t("over_time", lang), level=3))
        lines = here.assign(label=[html_text(g) for g in here["group"]])
        groups_shown = lines["group"].unique()
        if two:  # one line: the first against the second
            lines = lines[lines["group"] == groups_shown[0]]
        elif len(groups_shown) > 3 and choices.group in set(groups_shown):
            lines = lines[lines["group"] == choices.group]  # one line of many: the chosen
        if two:  # the first group against the second, named
            pair = {
                "group": html_text(groups_shown[0]),
                "other": html_text(lines["rest_group"].iloc[0]),
            }
            title = _t("gap_title_two", lang, indicator=h_ind, region=h_where, **pair)
            axis = _t("gap_axis_two", lang, **pair)
        else:
            title = _t("gap_title", lang, indicator=h_ind, region=h_where)
            axis = _t("gap_axis", lang)
        fig = charts.gap_lines(
            lines,
            title=title,
            gap_label=axis,
            decimals=ind.decimals,
            is_share=ind.is_share,
        )
        view.add(chart(fig, lang, source, key="groups_gap_lines"))
        for grp in groups_shown[:1] if two else groups_shown:
            part = here[here["group"] == grp]
            tr = G.gap_trend(part["year"], part["gap"], part["gap_se"])
            if tr is None:
                continue
            if ind.is_share:
                scale = 100
                tr = replace(
                    tr,
                    slope=tr.slope * scale,
                    se=tr.se * scale,
                    first_gap=tr.first_gap * scale,
                    last_gap=tr.last_gap * scale,
                )
            rest = part["rest_group"].iloc[0] or None
            unit = text("groups.percentage_points", lang) if ind.is_share else None
            view.add(
                Text(
                    G.trend_sentence(
                        tr,
                        escape_markdown(grp),
                        escape_markdown(rest) if rest else None,
                        lang,
                        unit=unit,
                        decimals=fine_decimals(ind),
                    )
                )
            )

    # the regions by the gap
    group = choices.group
    if group is None or group not in set(now["group"]):
        group = G.largest_gap(gaps, choices.region, year)
    if group is not None and gaps["region"].nunique() > 2:
        ranked = G.rank_regions(gaps, group, year=year if has_years else None)
        if len(ranked):
            view.add(Heading(_t("ranking", lang, group=escape_markdown(group)), level=3))
            ranked = ranked.assign(label=[html_text(region_name(r)) for r in ranked["region"]])
            fig = charts.ranked_gaps(
                ranked,
                title=_t(
                    "ranking_title_two" if two else "ranking_title",
                    lang,
                    group=html_text(group),
                    other=html_text(ranked["rest_group"].iloc[0]),
                    indicator=h_ind,
                    year=when,
                ),
                gap_label=_t(
                    "gap_axis_two",
                    lang,
                    group=html_text(group),
                    other=html_text(ranked["rest_group"].iloc[0]),
                )
                if two
                else _t("gap_axis", lang),
                class_names=names,
                decimals=ind.decimals,
                is_share=ind.is_share,
            )
            view.add(chart(fig, lang, source, key="groups_ranking"))
            first = ranked.iloc[0]
            clear = first["gap_ci_low"] > 0 or first["gap_ci_high"] < 0
            view.add(
                Text(
                    _t(
                        "largest"
                        if clear or not np.isfinite(first["gap_ci_low"])
                        else "largest_unclear",
                        lang,
                        region=escape_markdown(region_name(first["region"])),
                        gap=_gap_text(first["gap"], ind, lang),
                        low=_gap_text(first["gap_ci_low"], ind, lang),
                        high=_gap_text(first["gap_ci_high"], ind, lang),
                    )
                )
            )

    if levels is not None and len(levels):
        _levels_section(view, levels, level_cuts, choices, lang, source, h_col, h_where, when)
    if accumulation is not None:
        _stapeling_section(
            view, accumulation, co_occurrence, choices, lang, source, h_col, h_where, when
        )
    return view


def _sentence(row, ind, lang, two) -> str:
    key = {"better": "said_better", "worse": "said_worse", "different": "said_different"}
    rest = escape_markdown(row.rest_group) if two else text("groups.the_rest", lang)
    return _t(
        key[row.colour],
        lang,
        group=escape_markdown(row.group),
        rest=rest,
        value=format_display(row.value, ind.decimals, is_share=ind.is_share, lang=lang),
        rest_value=format_display(row.rest_value, ind.decimals, is_share=ind.is_share, lang=lang),
        gap=_gap_text(abs(row.gap), ind, lang),
    )


def _table(now, ind, lang, names, two) -> Table:
    def fmt(v):
        return format_display(v, ind.decimals, is_share=ind.is_share, lang=lang)

    def fine(v):
        return format_display(v, fine_decimals(ind), is_share=ind.is_share, lang=lang)

    def gap(v):
        return _gap_text(v, ind, lang, unit=False)

    points = f" ({text('groups.percentage_points', lang)})" if ind.is_share else ""

    frame = pd.DataFrame(
        {
            _t("col_group", lang): now["group"].astype(str),
            _t("col_value", lang): [fmt(v) for v in now["value"]],
            _t("col_interval", lang): [
                f"{fmt(lo)} – {fmt(hi)}"
                for lo, hi in zip(now["ci_low"], now["ci_high"], strict=True)
            ],
            _t("col_rest", lang): [fmt(v) for v in now["rest_value"]],
            _t("col_gap", lang) + points: [gap(v) for v in now["gap"]],
            _t("col_gap_interval", lang): [
                f"{gap(lo)} – {gap(hi)}"
                for lo, hi in zip(now["gap_ci_low"], now["gap_ci_high"], strict=True)
            ],
            _t("col_verdict", lang): [names[c] for c in now["colour"]],
            "n": [format_number(n, 0, lang) for n in now["n"]],
        }
    )
    if now["ratio"].notna().any():
        frame.insert(5, _t("col_ratio", lang), [format_number(r, 2, lang) for r in now["ratio"]])
    if two:
        frame.insert(3, _t("col_other", lang), now["rest_group"].astype(str).to_numpy())
    return Table(frame, key="groups_table", width="content")


def _levels_section(view, levels, cuts, choices, lang, source, col, where, when):
    part = levels[levels["region"] == choices.region]
    if "year" in part and choices.year is not None:
        part = part[part["year"] == choices.year]
    if part.empty:
        return
    low, high, cut_source = cuts
    view.add(Heading(_t("levels", lang), level=3))
    fig = charts.stacked_shares(
        part.assign(label=[html_text(g) for g in part["group"]], cls=part["level"]),
        G.LEVELS,
        [text(f"groups.{lev}", lang) for lev in G.LEVELS],
        title=_t("levels_title", lang, column=col, region=where, year=when),
        colours=charts.LEVEL_COLOURS,
    )
    view.add(chart(fig, lang, source, key="groups_levels"))
    said = _t(
        "levels_cuts",
        lang,
        low=format_number(low, 0 if float(low).is_integer() else 1, lang),
        high=format_number(high, 0 if float(high).is_integer() else 1, lang),
    )
    if cut_source:
        said += " " + _t("levels_source", lang, source=escape_markdown(cut_source))
    else:
        said += " " + _t("levels_own", lang)
    view.add(Text(said, tone="caption"))


def _stapeling_section(view, acc, co, choices, lang, source, col, where, when):
    t = acc.table
    part = t[t["region"] == choices.region]
    if "year" in part and choices.year is not None:
        part = part[part["year"] == choices.year]
    if part.empty:
        return
    counts = list(dict.fromkeys(part["count"]))
    view.add(Heading(_t("stapeling", lang), level=3))
    rules = ", ".join(f"`{r.label.replace('`', '')}`" for r in acc.rules)
    view.add(Text(_t("stapeling_rules", lang, n=len(acc.rules), rules=rules), tone="caption"))
    fig = charts.stacked_shares(
        part.assign(label=[html_text(g) for g in part["group"]], cls=part["count"]),
        counts,
        [_t("count_label", lang, count=c) for c in counts],
        title=_t("stapeling_title", lang, column=col, region=where, year=when),
        colours=charts.COUNT_COLOURS,
    )
    view.add(chart(fig, lang, source, key="groups_stapeling"))
    top = part[part["count"] == counts[-1]]
    if len(top) and top["share"].notna().any():
        worst = top.loc[top["share"].idxmax()]
        view.add(
            Text(
                _t(
                    "stapeling_highest",
                    lang,
                    count=counts[-1],
                    group=escape_markdown(worst["group"]),
                    share=format_display(worst["share"], 1, is_share=True, lang=lang),
                    low=format_display(worst["ci_low"], 1, is_share=True, lang=lang),
                    high=format_display(worst["ci_high"], 1, is_share=True, lang=lang),
                )
            )
        )
    if acc.left_out:
        view.add(
            Text(
                text("stapeling.left_out", lang, n=format_number(acc.left_out, 0, lang)),
                tone="caption",
            )
        )
    if co is not None and len(co):
        frame = pd.DataFrame(
            {
                _t("col_outcome_a", lang): co["outcome_a"],
                _t("col_outcome_b", lang): co["outcome_b"],
                _t("col_both", lang): [
                    format_display(v, 1, is_share=True, lang=lang) for v in co["share_both"]
                ],
                _t("col_lift", lang): [format_number(v, 2, lang) for v in co["lift"]],
            }
        ).head(10)
        view.add(
            Expander(
                _t("together", lang),
                (Text(_t("together_help", lang), tone="caption"), Table(frame, key="groups_co")),
            )
        )
