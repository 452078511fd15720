"""The "Distribution versus average" page as a view: for one variable, one year and a few
regions (or the groups of a higher region), the sentence on what the average hides, the
distribution, the percentiles, the rank by mean against the rank by the bottom, and the numbers
with their 95% intervals (survey microdata) to download.

Pure code: choices in (:class:`Choices`, :class:`Grouping`), blocks out. The page
(:mod:`indicators.ui.distribution`) reads the widgets and renders the view; it may hand in the
rows and the summary it has cached (:func:`units`, :func:`summary`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.analyses import distribution as dist
from indicators.analyses import spread
from indicators.charts import distribution as dist_charts
from indicators.dataset import region_names
from indicators.io import export
from indicators.registry import catalog
from indicators.registry.catalog import shown_decimals
from indicators.results import SUPPRESSED, TOTAL
from indicators.stats.uncertainty import Design
from indicators.text import text
from indicators.views.blocks import Columns, Download, Expander, Heading, Table, Text, View
from indicators.views.common import chart as chart_block
from indicators.views.escape import markdown_text

CHART_TYPES = ("histogram", "violin", "ecdf")
LEVEL = 0.95  # the intervals of survey microdata
MISSING_GROUP = "(missing)"


def _t(key: str, lang: str, **values) -> str:
    return text(f"distribution_page.{key}", lang, **values)


def _name(group, lang: str) -> str:
    return text("common.total", lang) if group == TOTAL else dist.group_name(group, lang)


@dataclass(frozen=True)
class Choices:
    """What the user chose on the page.

    ``bottom`` None takes the registry's suggestion (:func:`indicators.analyses.distribution.
    default_bottom`); ``groups`` None the first choice of groups (the contrasting pair and the
    best and worst mean); ``chart`` is ignored for ordinal answers (bars of answers).
    """

    variable: str
    year: object = None
    chart: str = "histogram"
    bottom: dist.Bottom | None = None
    groups: tuple | None = None


@dataclass(frozen=True, eq=False)
class Grouping:
    """How the rows fall into the groups compared: the regions (microdata; by their shown
    names when those differ from the codes) or, for aggregates, the units of one higher region
    (``column``; None: the whole country as one distribution).

    ``by`` is the group of each row of the prepared frame (None: the region as it is),
    ``names`` the shown name of each code, ``higher`` the columns that could group the units.
    """

    shape: str = "microdata"
    column: str | None = None
    by: np.ndarray | None = None
    names: dict = field(default_factory=dict)
    higher: tuple = ()

    @property
    def one_distribution(self) -> bool:
        """Aggregates across the whole country: one distribution, nothing to compare."""
        return self.shape == "aggregates" and self.column is None


def grouping(prepared, raw: pd.DataFrame, names: dict, column: str | None = None) -> Grouping:
    """Return how the rows of ``prepared`` are grouped: by region (``names``: code to shown
    name), or for aggregates by the values of the higher region ``column`` of ``raw`` (None:
    all units together as ``Total``)."""
    if prepared.shape != "aggregates":
        by = None
        if region_names.differ(names):
            by = prepared.frame["region"].map(names).to_numpy(dtype=object)
        return Grouping("microdata", None, by, dict(names))
    higher = tuple(dist.higher_region_columns(raw, prepared.mapping.region))
    if column is None:
        by = np.full(len(prepared.frame), TOTAL, dtype=object)
        return Grouping("aggregates", None, by, dict(names), higher)
    values = raw[column].astype("string").fillna(MISSING_GROUP)
    shown = region_names.display_names(pd.unique(values))
    by = values.map(shown).to_numpy(dtype=object)
    return Grouping("aggregates", column, by, shown, higher)


def plottable(prepared, registry) -> tuple[list[str], list[str]]:
    """Return the mapped variables with a distribution to show, and the ones left out."""
    shown = [v for v in prepared.variables if dist.plottable(registry.variable_by_id[v])]
    return shown, [v for v in prepared.variables if v not in shown]


def answers(prepared, variable, lang: str) -> list[str] | None:
    """Return the answer labels of an ordinal variable (score 1..k), else None."""
    if variable.kind == dist.ORDINAL and variable.id in prepared.labels:
        return dist.answer_labels(prepared.labels.get(variable.id), variable, lang)
    return None


def units(prepared, variable_id: str, year, group: Grouping) -> pd.DataFrame:
    """One variable in one year as group, value, weight (every row with a value)."""
    return dist.units_frame(prepared, variable_id, year=year, by=group.by)


def summary(
    prepared, variable, bottom: dist.Bottom, year, group: Grouping, min_n: int
) -> dist.Survey:
    """Every group summarised once, with 95% intervals for microdata (the costly part)."""
    return dist.survey(
        prepared,
        variable,
        bottom,
        year=year,
        by=group.by,
        min_n=effective_min_n(prepared, min_n),
        ci=LEVEL if prepared.shape != "aggregates" else None,
        design=survey_design(prepared),
    )


def survey_design(prepared) -> Design | None:
    """The survey design the user mapped (strata, primary sampling units), for the rows of the
    prepared frame; None (each row its own unit) when none is mapped or for aggregates."""
    columns = prepared.design
    if prepared.shape == "aggregates" or not any(columns.values()):
        return None
    return Design.of(prepared.frame, **columns, level=LEVEL, source=prepared.source)


def effective_min_n(prepared, min_n: int) -> int:
    """The small-cell rule holds for microdata; a unit of an aggregate file is no person."""
    return min_n if prepared.shape != "aggregates" else 0


def group_options(base: dist.Survey, variable, bottom: dist.Bottom) -> tuple[list, list]:
    """Return the groups to choose from (Total last) and the first choice."""
    first = dist.focus(base, variable, bottom)
    groups = [g for g in first.overall["group"] if g != TOTAL]
    defaults = dist.default_groups(first.overall, first.contrast_all)
    if not groups and TOTAL not in base.hidden:  # every region a small cell
        defaults = [TOTAL]
    return [*groups, TOTAL], defaults


def everything_hidden(base: dist.Survey) -> bool:
    """Whether no group (not even Total) has enough observations to be shown."""
    return not (base.overall["group"] != TOTAL).any() and TOTAL in base.hidden


def distribution(
    prepared,
    registry,
    choices: Choices,
    *,
    lang: str,
    min_n: int,
    source: str | None = None,
    group: Grouping | None = None,
    rows: pd.DataFrame | None = None,
    base: dist.Survey | None = None,
) -> View:
    """Return the page for ``choices``: the sentence, the distribution, percentiles and ranks,
    and the numbers (with intervals for microdata) to download.

    ``group`` says how rows are grouped (default: by region as they are); ``rows`` and
    ``base`` are :func:`units` and :func:`summary` for these choices when the caller has them
    (cached); otherwise they are computed here.
    """
    view = View()
    reg = registry
    variable = reg.variable_by_id[choices.variable]
    year = choices.year
    group = group or Grouping(prepared.shape)
    labels = answers(prepared, variable, lang)
    everything = rows if rows is not None else units(prepared, variable.id, year, group)
    integer = dist.is_whole_score(variable, everything["value"])
    bottom = choices.bottom or dist.default_bottom(variable, reg, everything)
    min_n = effective_min_n(prepared, min_n)
    if base is None:
        base = summary(prepared, variable, bottom, year, group, min_n)
    intervals = prepared.shape != "aggregates"

    if len(base.small):  # small cells: not drawn, not quoted, not ranked; say which and their n
        names = [_name(g, lang) for g in base.small["group"]]
        why = spread.states_in_words(
            names, [SUPPRESSED] * len(names), base.small["n"], lang=lang, min_n=min_n, limit=8
        )
        view.add(Text(_t("hidden", lang, why=why), tone="caption"))
        if everything_hidden(base):
            return view.add(Text(_t("all_hidden", lang, n=min_n), tone="info"))
    if group.one_distribution:
        chosen = [TOTAL]
    elif choices.groups is None:
        chosen = group_options(base, variable, bottom)[1]
    else:
        chosen = list(choices.groups)
    if not chosen:
        return view.add(Text(_t("pick_regions", lang), tone="info"))
    result = dist.focus(base, variable, bottom, chosen)
    if result.summary.empty:
        return view

    phrase = dist.bottom_phrase(
        bottom,
        lang,
        integer=integer,
        answers=labels,
        decimals=variable.decimals,
        unit=variable.unit(lang) if variable.kind == dist.CONTINUOUS else "",
    )
    share_dec = dist.share_decimals(variable, bottom, reg)
    # small values in whole units (thousands of euros) with the decimals that tell them apart
    decimals = shown_decimals(dist.mean_decimals(variable, reg), everything["value"])
    value_decimals = shown_decimals(variable.decimals, everything["value"])

    def value_format(x):
        if labels and np.isfinite(x):
            return f"'{labels[int(round(x)) - 1]}'"
        return catalog.format_number(x, value_decimals, lang)

    def say(contrast):
        return dist.contrast_sentence(
            contrast,
            bottom,
            lang,
            variable_label=variable.label(lang),
            decimals=decimals,
            share_decimals=share_dec,
            phrase=phrase,
            value_format=value_format,
        )

    view.add(Text(say(result.contrast), tone="info", icon=":material/lightbulb:"))
    if result.contrast.kind in ("same_story", "single") and result.contrast_all.kind in (
        "same_mean",
        "reversed",
    ):
        view.add(Text(_t("across_all", lang, sentence=say(result.contrast_all)), tone="caption"))
    if intervals and any(
        dist.bottom_difference(c) is not None for c in (result.contrast, result.contrast_all)
    ):
        view.add(Text(_t("rule", lang), tone="caption"))  # the rule for "significantly"

    # the distribution
    names = dist.join_names([dist.group_name(g, lang) for g in result.summary["group"]], lang)
    label = variable.label(lang)
    unit = variable.unit(lang)
    x_title = f"{label} ({unit})" if unit else label
    weighted = bool(prepared.mapping.weight)
    y_share = dist.text("share_axis_w" if weighted else "share_axis", lang)
    edges = dist.histogram_edges(everything["value"])
    common = {"lang": lang, "decimals": decimals}
    bounds = dist_charts.violin_bounds(result.data["value"], variable.scale)  # where violins stop
    chart = "answers" if labels else choices.chart
    if labels:
        shares = dist.answer_shares(result.data, len(labels), list(result.summary["group"]))
        fig = dist_charts.answers_figure(
            shares,
            labels,
            lang=lang,
            title=dist.text("title_answers", lang, var=label, year=year, groups=names),
            y_title=y_share,
            summary=result.summary,
            decimals=decimals,
        )
    else:
        title = dist.text("title_dist", lang, var=label, year=year, groups=names)
        if chart == "ecdf":
            y_cum = dist.text("cum_axis_w" if weighted else "cum_axis", lang)
            fig = dist_charts.ecdf_figure(
                result.data, result.summary, title=title, x_title=x_title, y_title=y_cum, **common
            )
        elif chart == "violin":
            fig = dist_charts.violin_figure(
                result.data,
                result.summary,
                title=title,
                x_title=_t("regions", lang),
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
    view.add(chart_block(fig, lang, source, key="dist_main"))
    single = dist_charts.one_value(result.data["value"])
    if single is not None and not labels:  # why the chart is one bar
        key = "one_value" if year is not None else "one_value_no_year"
        shown = catalog.format_number(single, value_decimals, lang)
        view.add(Text(_t(key, lang, year=year, value=shown), tone="caption"))
    view.add(
        Text(
            caption(prepared, group, chart, everything, edges, labels, lang, scale=bounds),
            tone="caption",
        )
    )
    view.add(Text(counts(prepared, result.summary, lang), tone="caption"))  # every number's n

    # percentiles and ranks
    fig = dist_charts.quantile_figure(
        result.summary,
        title=dist.text("title_quantiles", lang, var=label, year=year),
        x_title=x_title,
        answers=labels,
        **common,
    )
    left = (Heading(_t("profile_head", lang)), chart_block(fig, lang, source, key="dist_quantiles"))
    right = [Heading(_t("slope_head", lang))]
    bottom_label = dist.bottom_short(bottom, lang, phrase)
    if group.one_distribution:  # one distribution: nothing to rank
        more = _t("slope_one_distribution_by", lang) if group.higher else ""
        right.append(Text(_t("slope_one_distribution", lang) + more, tone="info"))
    elif len(result.ranks) < 3:
        n = len(result.ranks)
        if year is None:
            right.append(Text(_t("slope_few", lang), tone="info"))
        else:  # this year has too few; say so, other years may have more
            have = _t("have_0" if n == 0 else "have_1" if n == 1 else "have_n", lang, n=n)
            right.append(Text(_t("slope_few_year", lang, year=year, have=have), tone="info"))
    else:
        fig = dist_charts.slope_figure(
            result.ranks,
            lang=lang,
            title=dist.text("title_slope", lang, var=label, year=year, bottom=bottom_label),
            bottom_label=bottom_label,
            highlight=list(result.summary["group"]),
        )
        right.append(chart_block(fig, lang, source, key="dist_slope"))
        best = _t("best_share", lang) if bottom.is_share else _t("best_q", lang, p=bottom_label)
        right.append(Text(_t("slope_caption", lang, best=best), tone="caption"))
    view.add(Columns((left, tuple(right))))

    # the numbers, with their intervals, and the download
    frame = dist.numbers_frame(result.overall, result.ranks, small=result.small)

    def number(digits):
        return lambda x, more=0: catalog.format_number(x, digits + more, lang)

    formats = {
        "mean": number(decimals),
        "sd": number(decimals),
        "weight_sum": number(0),
        "bottom": (
            (lambda x, more=0: dist.fmt_share(x, share_dec + more, lang))
            if bottom.is_share
            else number(value_decimals)
        ),
        **{m: number(value_decimals) for m, _ in dist.QUANTILES},
    }
    note = _t("table_intervals" if intervals else "table_no_intervals", lang)
    download = with_codes(
        dist.numbers_table(result.overall, result.ranks, lang, small=result.small), group, lang
    )
    name = f"distribution_{variable.id}" + (f"_{year}" if year is not None else "")
    view.add(
        Expander(
            _t("table", lang),
            (
                Table(shown_numbers(frame, formats, lang), caption=note, key="dist_numbers"),
                Download(
                    _t("download", lang),
                    export.to_csv(download, lang),  # formulas neutralised (CSV injection)
                    file_name=f"{name}.csv",
                    mime="text/csv",
                    key="dist_download",
                ),
            ),
        )
    )
    return view.add(skipped_note(reg, plottable(prepared, reg)[1], lang))


def shown_numbers(frame: pd.DataFrame, formats: dict, lang: str) -> pd.DataFrame:
    """Return the numbers as the page shows them: each value in the language's format, with
    its 95% interval in brackets where it has one ("7.9 (7.8 to 8.0)"); a suppressed row
    shows its n and nothing else. Columns are named as in the download.

    ``formats[column](x, more=0)`` writes a value (``more`` decimals beyond the usual): an
    interval that would read as one number ("8.0 (8.0 to 8.0)") gets up to two more.

    Examples
    --------
    >>> f = pd.DataFrame({"group": ["a", "b", "c"], "n": [40, 3, 900],
    ...                   "mean": [7.94, np.nan, 8.0], "mean_se": [0.05, np.nan, 0.02],
    ...                   "mean_low": [7.84, np.nan, 7.96], "mean_high": [8.04, np.nan, 8.04],
    ...                   "suppressed": [False, True, False]})
    >>> shown = shown_numbers(f, {"mean": lambda x, more=0: f"{x:.{1 + more}f}"}, "en")
    >>> list(shown.columns), shown["mean"][0], bool(shown["mean"].isna()[1]), shown["mean"][2]
    (['region', 'observations', 'mean', 'suppressed'], '7.9 (7.8 to 8.0)', True, '8.00 (7.96 to 8.04)')
    """
    out = pd.DataFrame(index=frame.index)
    columns = dist.TABLE_COLUMNS
    for c in frame.columns:
        if c.endswith(("_se", "_low", "_high")):
            continue
        if c not in formats:
            out[c] = frame[c]
            continue
        fmt = formats[c]
        low = frame.get(f"{c}_low")
        high = frame.get(f"{c}_high")
        cells = []
        for i, x in zip(frame.index, frame[c], strict=True):
            if x is None or pd.isna(x):
                cells.append(None)
            elif low is not None and np.isfinite(low[i]) and np.isfinite(high[i]):
                more = 0
                while more < 2 and low[i] < high[i] and fmt(low[i], more) == fmt(high[i], more):
                    more += 1
                values = {"value": fmt(x, more), "low": fmt(low[i], more)}
                cells.append(dist.text("interval", lang, high=fmt(high[i], more), **values))
            else:
                cells.append(fmt(x))
        out[c] = cells
    return out.rename(columns={c: columns[c][lang] for c in out.columns if c in columns})


def with_codes(table: pd.DataFrame, group: Grouping, lang: str) -> pd.DataFrame:
    """The download keeps the codes as the key: the region column holds the code again, the
    name shown comes beside it (only when names differ from the codes)."""
    if group.one_distribution:  # one distribution: the whole country
        return table
    names = group.names
    if not region_names.differ(names) or table.empty:
        return table
    codes = {name: code for code, name in names.items()}
    first = table.columns[0]
    out = table.copy()
    out.insert(1, _t("name_column", lang), out[first])
    out[first] = out[first].map(lambda g: codes.get(g, g))
    return out


def counts(prepared, summary: pd.DataFrame, lang: str) -> str:
    """Say how many observations (or units, for aggregates) each shown group rests on."""
    listed = "; ".join(
        f"{markdown_text(_name(g, lang))} {catalog.format_number(n, 0, lang)}"
        for g, n in zip(summary["group"], summary["n"], strict=True)
    )
    key = "counts_units" if prepared.shape == "aggregates" else "counts"
    return _t(key, lang, counts=listed)


def caption(
    prepared,
    group: Grouping,
    chart: str,
    data: pd.DataFrame,
    edges,
    labels: Sequence[str] | None,
    lang: str,
    scale=(None, None),
) -> str:
    """Say what the distribution is of (weighted or not; units of an aggregate file) and how
    the chart is drawn (violins from a sample and where they stop; the last bin's values)."""
    weight = prepared.mapping.weight
    parts = []
    if prepared.shape == "aggregates":
        weighting = _t("agg_weighted", lang, w=weight) if weight else _t("agg_unweighted", lang)
        where = _t("whole", lang) if group.column is None else _t("within", lang, col=group.column)
        parts.append(
            _t(
                "cap_aggregates",
                lang,
                col=prepared.mapping.region,
                where=where,
                weighting=weighting,
                avg=_t("avg_weighted" if weight else "avg_plain", lang),
            )
        )
    else:
        parts.append(_t("cap_weighted", lang, w=weight) if weight else _t("cap_unweighted", lang))
    if labels:
        parts.append(_t("cap_answers", lang, k=len(labels)))
    elif chart == "violin":
        parts.append(_t("cap_violin", lang))
        low, high = scale  # where the violins stop (dist_charts.violin_bounds)

        def end(x):
            return "" if x is None else catalog.format_number(x, 0 if x == int(x) else 2, lang)

        if low is not None or high is not None:
            key = "ends_low" if high is None else "ends_high" if low is None else "ends_both"
            ends = _t(key, lang, lo=end(low), hi=end(high))
            parts.append(_t("cap_violin_ends", lang, ends=ends))
    elif chart == "histogram" and len(data) and edges[-1] < data["value"].max():
        top = catalog.format_number(edges[-1], 1, lang)
        parts.append(_t("cap_hist_top", lang, top=top))
    return " ".join(parts)


def skipped_note(registry, skipped: Sequence[str], lang: str) -> Text | None:
    """Name the mapped variables that have no distribution here (binary, nominal)."""
    if not skipped:
        return None
    names = ", ".join(registry.variable_by_id[v].label(lang) for v in skipped)
    return Text(_t("skipped", lang, names=names), tone="caption")
