"""Figures of the distribution page: histograms, ECDFs, violins, answers, quantiles, slopes."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from indicators.analyses.distribution import (
    QUANTILES,
    group_name,
    histogram_edges,
    is_integer_valued,
    text,
    weighted_ecdf,
    weighted_histogram,
    weighted_sample,
)
from indicators.charts import palette
from indicators.charts.layout import (
    AXIS_TITLE_CHARS,
    HALF_LEGEND_ROW_PX,
    HALF_TITLE_CHARS,
    LEGEND_ROW_PX,
    axis_title,
    legend_rows,
    value_tickformat,
    wrap_name,
    wrap_title,
)
from indicators.charts.palette import MOVED_COLOUR, PALETTE, STEADY_COLOUR
from indicators.registry.catalog import format_number as fmt_number
from indicators.results import N_TEXT, TOTAL

# ---- charts ----------------------------------------------------------------------------------


def chart_name(group, lang: str) -> str:
    """A group's name for a figure: plotly reads tags (b, i, br, a href) in its texts, and
    names come from the user's file, so they are escaped."""
    return html.escape(group_name(group, lang), quote=False)


def colours(groups: Sequence[str]) -> dict[str, str]:
    """Return a colour per group from the Okabe-Ito palette (Total in black)."""
    out, k = {}, 0
    for g in groups:
        if g == TOTAL:
            out[g] = palette.BLACK
        else:
            out[g] = PALETTE[k % (len(PALETTE) - 1)]
            k += 1
    return out


def _lines(text) -> int:
    return 0 if not text else 1 + str(text).count("<br>")


def _legend_below(fig: go.Figure, row_px: float) -> go.Figure:
    """Put the legend under the x axis (its tick labels and title), with the bottom margin it
    needs, so that it never covers the chart's title or the axis."""
    labels = [t.name for t in fig.data if t.showlegend is not False and t.name]
    rows = legend_rows(labels, row_px)
    axis = fig.layout.xaxis
    ticks = max((_lines(t) for t in axis.ticktext), default=1) if axis.ticktext else 1
    under = 0 if axis.side == "top" else 16 * ticks + 14 + 19 * _lines(axis.title.text)
    legend_px = 24 * rows
    height = fig.layout.height
    fig.update_layout(
        margin={"b": under + legend_px + 12},
        legend={
            "orientation": "h",
            "yref": "container",
            "yanchor": "top",
            "y": (legend_px + 6) / height,
            "x": 0,
        },
    )
    return fig


def _layout(
    fig: go.Figure,
    title: str,
    height: int,
    width: int = 110,
    *,
    legend: str = "below",
    legend_px: float = LEGEND_ROW_PX,
) -> go.Figure:
    """Lay out a distribution chart: the title wrapped at ``width`` characters, the legend
    under the plot (``legend="below"``, rows of ``legend_px`` pixels) or, for a legend of a
    few short keys, in one row above it (``"above"``); axes that grow the margins to fit."""
    wrapped = wrap_title(title, width)
    extra = 22 * wrapped.count("<br>")
    fig.update_layout(
        template="plotly_white",
        title={"text": wrapped, "x": 0, "xanchor": "left"},
        height=height + extra,
        margin={"l": 60, "r": 30, "t": 80 + extra, "b": 60},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
    fig.update_xaxes(automargin=True)
    fig.update_yaxes(automargin=True)
    if legend == "below":
        _legend_below(fig, legend_px)
    return fig


def histogram_figure(
    data: pd.DataFrame,
    summary: pd.DataFrame,
    *,
    lang: str,
    title: str,
    x_title: str,
    y_title: str,
    decimals: int,
    edges=None,
) -> go.Figure:
    """Draw weighted histograms (shares in %), one panel per group, mean and median marked.

    ``data`` is a ``group, value, weight`` table; ``summary`` from :func:`summarize` gives the
    mean and median lines. Bars: one trace per group named after it; the lines are traces
    named "Mean"/"Median" (nl: "Gemiddelde"/"Mediaan").
    """
    groups = list(summary["group"])
    edges = histogram_edges(data["value"]) if edges is None else np.asarray(edges)
    single = one_value(data["value"])
    if single is not None:  # one bar as wide as a bin would be, not a block across the axis
        half = 0.5 if is_integer_valued([single]) else max(abs(single) * 0.005, 1e-9)
        edges = np.array([single - half, single + half])
    codes = pd.Categorical(data["group"], categories=groups).codes
    keep = codes >= 0
    shares = weighted_histogram(
        data["value"].to_numpy()[keep],
        data["weight"].to_numpy()[keep],
        edges,
        groups=codes[keep],
        n_groups=len(groups),
    )
    centres = (edges[:-1] + edges[1:]) / 2
    widths = np.diff(edges) * 0.9
    ymax = float(np.nanmax(shares) * 100 * 1.2) if shares.size else 1.0
    col = colours(groups)
    fig = make_subplots(
        rows=len(groups),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=0.12 / max(len(groups), 1),
        # each panel says how many observations it is drawn from
        subplot_titles=[_with_n(g, n, lang) for g, n in zip(groups, summary["n"], strict=True)],
    )
    for k, g in enumerate(groups):
        row = summary.iloc[k]
        fig.add_trace(
            go.Bar(
                x=centres,
                y=shares[k] * 100,
                width=widths,
                name=chart_name(g, lang),
                marker_color=col[g],
                showlegend=False,
                hovertemplate="%{x}: %{y:.1f}%<extra>" + chart_name(g, lang) + "</extra>",
            ),
            row=k + 1,
            col=1,
        )
        # the smaller of mean and median is labelled on its left, the larger on its right
        low_first = float(row["mean"]) <= float(row["median"])
        sides = ("right", "left") if low_first else ("left", "right")
        for (key, dash), anchor in zip((("mean", "solid"), ("median", "dash")), sides, strict=True):
            value = float(row[key])
            if not math.isfinite(value):
                continue
            label = text(key.capitalize(), lang)
            fig.add_trace(
                go.Scatter(
                    x=[value, value],
                    y=[0, ymax],
                    mode="lines",
                    line={"color": palette.INK, "dash": dash, "width": 2},
                    name=label,
                    legendgroup=key,
                    showlegend=k == 0,
                    hovertemplate=f"{label}: {fmt_number(value, decimals, lang)}<extra>"
                    f"{chart_name(g, lang)}</extra>",
                ),
                row=k + 1,
                col=1,
            )
            fig.add_annotation(
                x=value,
                y=ymax,
                text=f"{text(key, lang)} {fmt_number(value, decimals, lang)}",
                showarrow=False,
                xanchor="right" if anchor == "right" else "left",
                xshift=-4 if anchor == "right" else 4,
                yanchor="top",
                font={"size": 11, "color": palette.INK},
                row=k + 1,
                col=1,
            )
        fig.update_yaxes(title_text=y_title, range=[0, ymax], row=k + 1, col=1)
    fig.update_xaxes(
        title_text=axis_title(x_title, AXIS_TITLE_CHARS["full"]), row=len(groups), col=1
    )
    for ann in fig.layout.annotations[: len(groups)]:  # the panel titles: region names
        ann.update(x=0, xanchor="left", font={"size": 13, "color": palette.BLACK})
    if single is not None:
        span = 12 * (edges[1] - edges[0])
        fig.update_xaxes(range=[single - span, single + span])
    _layout(fig, title, 140 + 190 * len(groups), legend="above")  # two keys: Mean, Median
    fig.update_layout(bargap=0.05, legend={"x": 1, "xanchor": "right"})
    return fig


def one_value(values) -> float | None:
    """Return the value when all finite ``values`` are one and the same (to rounding: a
    weighted mean of 30.1 is 30.100000000000001), else None.

    >>> one_value([30.1, 30.100000000000001, float("nan")]), one_value([1.0, 2.0]), one_value([])
    (30.1, None, None)
    """
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if not x.size or x.max() - x.min() > 1e-9 * max(1.0, float(np.abs(x).max())):
        return None
    return float(x[0])


def _with_n(group: str, n, lang: str) -> str:
    """Return a group's name with its number of observations: "Utrecht (n = 1,502)"."""
    return f"{chart_name(group, lang)} ({N_TEXT[lang].format(n=fmt_number(n, 0, lang))})"


def ecdf_figure(
    data: pd.DataFrame,
    summary: pd.DataFrame,
    *,
    lang: str,
    title: str,
    x_title: str,
    y_title: str,
    decimals: int,
    max_points: int = 1500,
) -> go.Figure:
    """Draw weighted ECDFs (%), one line per group, with the mean (diamond) and median (circle)
    marked on each curve."""
    groups = list(summary["group"])
    col = colours(groups)
    fig = go.Figure()
    for k, g in enumerate(groups):
        part = data[data["group"] == g]
        x, f = weighted_ecdf(part["value"], part["weight"], max_points=max_points)
        name = chart_name(g, lang)
        row = summary.iloc[k]
        fig.add_trace(
            go.Scatter(
                x=x,
                y=f * 100,
                mode="lines",
                line={"shape": "hv", "color": col[g], "width": 2},
                name=f"{name} ({text('mean', lang)} {fmt_number(row['mean'], decimals, lang)}, "
                f"{text('median', lang)} {fmt_number(row['median'], decimals, lang)})",
                legendgroup=name,
                hovertemplate="%{x}: %{y:.1f}%<extra>" + name + "</extra>",
            )
        )
        for key, symbol in (("mean", "diamond"), ("median", "circle")):
            value = float(row[key])
            if not math.isfinite(value) or not x.size:
                continue
            at = np.searchsorted(x, value, side="right") - 1
            y = float(f[at]) * 100 if at >= 0 else 0.0
            label = text(key.capitalize(), lang)
            fig.add_trace(
                go.Scatter(
                    x=[value],
                    y=[y],
                    mode="markers",
                    marker={
                        "symbol": symbol,
                        "size": 12,
                        "color": col[g],
                        "line": {"color": palette.BLACK, "width": 1},
                    },
                    name=f"{label} {name}",
                    legendgroup=name,
                    showlegend=False,
                    hovertemplate=f"{label} {name}: {fmt_number(value, decimals, lang)}"
                    "<extra></extra>",
                )
            )
    for key, symbol in (("Mean", "diamond"), ("Median", "circle")):  # legend keys only
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                marker={"symbol": symbol, "size": 12, "color": palette.MARK_GREY},
                name=text(key, lang),
            )
        )
    fig.update_xaxes(title_text=axis_title(x_title, AXIS_TITLE_CHARS["full"]))
    fig.update_yaxes(
        title_text=axis_title(y_title, AXIS_TITLE_CHARS["vertical"]), range=[0, 102], ticksuffix="%"
    )
    # the legend names every region with its mean and median: under the chart, not over
    # the title
    return _layout(fig, title, 540)


def silverman_bandwidth(values) -> float:
    """Return the kernel bandwidth plotly's violins use by default (Silverman's rule of thumb:
    1.059 min(sd, IQR / 1.349) n^(-1/5)); 0 when the values do not vary.

    >>> round(silverman_bandwidth(np.arange(100.0)), 2)
    12.23
    """
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if x.size < 2:
        return 0.0
    q1, q3 = np.quantile(x, [0.25, 0.75])
    spread = min(float(np.std(x, ddof=1)), (q3 - q1) / 1.349) or float(np.std(x, ddof=1))
    return 1.059 * spread * x.size**-0.2


def violin_bounds(values, scale=(None, None)) -> tuple[float | None, float | None]:
    """Return the ends past which no violin is drawn: the ends of the variable's ``scale``;
    without a lower end, 0 when every value is at least 0 (no negative amounts drawn).

    >>> violin_bounds([0, 7, 10], (0, 10)), violin_bounds([18000.0, 25000]), violin_bounds([-1.0])
    ((0.0, 10.0), (0.0, None), (None, None))
    """
    low, high = scale
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if low is None and x.size and x.min() >= 0:
        low = 0.0
    return (
        None if low is None else float(low),
        None if high is None else float(high),
    )


def violin_span(values, bandwidth: float, low=None, high=None) -> tuple[float, float] | None:
    """Return where a violin's density is drawn: from the lowest value minus two bandwidths
    to the highest plus two (it tails off smoothly), but not past ``low`` or ``high`` (the
    ends of the scale). None when there are no values.

    >>> violin_span([3.0, 8, 10], 0.6, 0, 10), violin_span([20.0, 50], 5.0, 0, None)
    ((1.8, 10.0), (10.0, 60.0))
    """
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if not x.size:
        return None
    lo, hi = float(x.min()) - 2 * bandwidth, float(x.max()) + 2 * bandwidth
    if low is not None:
        lo = max(lo, float(low))
    if high is not None:
        hi = min(hi, float(high))
    return (round(lo, 12), round(hi, 12))


def violin_figure(
    data: pd.DataFrame,
    summary: pd.DataFrame,
    *,
    lang: str,
    title: str,
    x_title: str,
    y_title: str,
    decimals: int,
    sample_size: int = 4000,
    scale: tuple[float | None, float | None] = (None, None),
) -> go.Figure:
    """Draw violins from weighted samples (:func:`weighted_sample`), with the weighted mean
    (diamond) and median (bar) of all values marked.

    Each shape is a kernel density over :func:`violin_span`: it tails off smoothly beyond
    the lowest and highest value, but never past the ends of the ``scale`` (a 0-10 score
    stops at 0 and 10; without a scale, values that are all at least 0 stop at 0), where it
    ends as wide as the density is there. The value axis leaves a little room around the
    shapes, so an end is the data's, not the frame's.
    """
    groups = list(summary["group"])
    col = colours(groups)
    fig = go.Figure()
    names = [chart_name(g, lang) for g in groups]
    integer = is_integer_valued(data["value"])
    low, high = violin_bounds(data["value"], scale)
    spans = []
    for g, name in zip(groups, names, strict=True):
        part = data[data["group"] == g]
        sample = weighted_sample(part["value"], part["weight"], size=sample_size)
        bandwidth = 0.6 if integer else silverman_bandwidth(sample)
        span = violin_span(sample, bandwidth, low, high)
        if span is not None:
            spans.append(span)
        fig.add_trace(
            go.Violin(
                x=[name] * sample.size,
                y=sample,
                name=name,
                line_color=col[g],
                fillcolor=col[g],
                opacity=0.55,
                points=False,
                spanmode="manual" if span is not None else "soft",
                span=list(span) if span is not None else None,
                bandwidth=bandwidth if bandwidth > 0 else None,
                hoverinfo="skip",
                showlegend=False,  # the axis names each violin
            )
        )
    for key, symbol in (("mean", "diamond"), ("median", "line-ew-open")):
        values = summary[key].to_numpy(dtype=float)
        label = text(key.capitalize(), lang)
        fig.add_trace(
            go.Scatter(
                x=names,
                y=values,
                mode="markers",
                marker={
                    "symbol": symbol,
                    "size": 14 if key == "mean" else 30,
                    "color": palette.BLACK,
                    "line": {"width": 3, "color": palette.BLACK},
                },
                text=[f"{text(key, lang)} {fmt_number(v, decimals, lang)}" for v in values],
                textposition="middle right" if key == "mean" else "middle left",
                name=label,
                hovertemplate="%{x}: %{text}<extra></extra>",
            )
        )
    # the name (long ones on two lines), then the mean and the median: narrow labels, so that
    # neighbours do not run into each other
    ticks = [
        "<br>".join(f"<b>{ln}</b>" for ln in wrap_name(name).split("<br>"))
        + f"<br>{text('mean', lang)} {fmt_number(m, decimals, lang)}"
        f"<br>{text('median', lang)} {fmt_number(md, decimals, lang)}"
        for name, m, md in zip(names, summary["mean"], summary["median"], strict=True)
    ]
    # region codes that are numbers (8001) are names, not positions
    fig.update_xaxes(type="category", title_text=x_title, tickvals=names, ticktext=ticks)
    fig.update_yaxes(title_text=axis_title(y_title, AXIS_TITLE_CHARS["vertical"]))
    if spans:
        lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
        pad = 0.04 * (hi - lo) if hi > lo else 0.5
        fig.update_yaxes(range=[lo - pad, hi + pad])
    return _layout(fig, title, 560, legend="above")  # two keys: Mean, Median


def answers_figure(
    shares: pd.DataFrame,
    answers: Sequence[str],
    *,
    lang: str,
    title: str,
    y_title: str,
    summary: pd.DataFrame | None = None,
    decimals: int = 2,
) -> go.Figure:
    """Draw grouped bars of the share of each answer (in order, low to high) per group.

    With ``summary`` the legend names carry each group's mean score.
    """
    groups = list(dict.fromkeys(shares["group"]))
    col = colours(groups)
    means = {} if summary is None else dict(zip(summary["group"], summary["mean"], strict=True))
    fig = go.Figure()
    for g in groups:
        part = shares[shares["group"] == g].sort_values("score")
        name = chart_name(g, lang)
        if g in means and math.isfinite(means[g]):
            name = f"{name} ({text('mean', lang)} {fmt_number(means[g], decimals, lang)})"
        fig.add_trace(
            go.Bar(
                x=[answers[int(s) - 1] for s in part["score"]],
                y=part["share"].to_numpy() * 100,
                name=name,
                marker_color=col[g],
                hovertemplate="%{x}: %{y:.1f}%<extra>" + chart_name(g, lang) + "</extra>",
            )
        )
    fig.update_xaxes(
        title_text=text("answer_axis", lang),
        categoryorder="array",
        categoryarray=list(answers),
    )
    fig.update_yaxes(title_text=y_title, ticksuffix="%")
    fig.update_layout(barmode="group")
    return _layout(fig, title, 480)


def quantile_figure(
    summary: pd.DataFrame,
    *,
    lang: str,
    title: str,
    x_title: str,
    decimals: int,
    answers: Sequence[str] | None = None,
) -> go.Figure:
    """Draw the quantile profile: P10 to P90 per group as a dot plot, with the mean.

    Per group a thin line from P10 to P90 and a thick one from P25 to P75 (no legend; the
    axis names the groups); then one marker trace each for "P10 / P90", "P25 / P75", the
    median and the mean, coloured by group.
    """
    groups = list(summary["group"])
    col = colours(groups)
    names = [chart_name(g, lang) for g in groups]
    colour_list = [col[g] for g in groups]
    fig = go.Figure()
    for k, g in enumerate(groups):
        row = summary.iloc[k]
        for lo, hi, width in (("p10", "p90", 2), ("p25", "p75", 7)):
            fig.add_trace(
                go.Scatter(
                    x=[float(row[lo]), float(row[hi])],
                    y=[names[k]] * 2,
                    mode="lines",
                    line={"color": col[g], "width": width},
                    opacity=0.6,
                    showlegend=False,
                    hoverinfo="skip",
                    name=names[k],
                )
            )
    marks = (
        (("p10", "p90"), "P10 / P90", "line-ns-open", 16),
        (("p25", "p75"), "P25 / P75", "square", 10),
        (("median",), text("Median", lang), "circle", 13),
    )
    for keys, label, symbol, size in marks:
        xs = np.concatenate([summary[k].to_numpy(dtype=float) for k in keys])
        fig.add_trace(
            go.Scatter(
                x=xs,
                y=names * len(keys),
                mode="markers",
                marker={
                    "symbol": symbol,
                    "size": size,
                    "color": colour_list * len(keys),
                    "line": {"width": 3, "color": colour_list * len(keys)},
                },
                name=label,
                text=[fmt_number(v, decimals, lang) for v in xs],
                hovertemplate=label + " %{y}: %{text}<extra></extra>",
            )
        )
    fig.add_trace(
        go.Scatter(
            x=summary["mean"].to_numpy(dtype=float),
            y=names,
            mode="markers",
            marker={
                "symbol": "diamond-open",
                "size": 15,
                "color": palette.BLACK,
                "line": {"width": 2},
            },
            name=text("Mean", lang),
            text=[fmt_number(v, decimals, lang) for v in summary["mean"]],
            hovertemplate=text("Mean", lang) + " %{y}: %{text}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=axis_title(x_title, AXIS_TITLE_CHARS["half"]))
    single = one_value(summary[[k for k, _ in QUANTILES] + ["mean"]].to_numpy().ravel())
    if single is not None and not answers:  # no spread: a range around the value, plain ticks
        pad = max(abs(single) * 0.02, 0.5 * 10.0**-decimals)
        fig.update_xaxes(
            range=[single - pad, single + pad],
            tickformat=value_tickformat(decimals, values=[single - pad, single + pad]),
        )
    if answers:
        fig.update_xaxes(
            tickvals=list(range(1, len(answers) + 1)),
            ticktext=list(answers),
            range=[0.5, len(answers) + 0.5],
        )
    fig.update_yaxes(  # region codes that are numbers (8001) are names, not positions
        type="category", title_text=text("region_axis", lang), autorange="reversed"
    )
    # a half-width column: the legend under the x-axis title, clear of a two-line title
    return _layout(
        fig, title, 300 + 56 * len(groups), width=HALF_TITLE_CHARS, legend_px=HALF_LEGEND_ROW_PX
    )


def _rank_labels(ranks: pd.DataFrame, column: str, lang: str, highlight, right: bool):
    """Return the tick values and texts of one side of the slope chart: the groups at each
    rank with the rank, long names on two lines, the highlighted ones in bold (ties share a
    rank: "A / B (1)")."""
    vals, texts = [], []
    for rank, part in ranks.groupby(column, sort=True):
        names = []
        for group in part["group"]:
            name = wrap_name(chart_name(group, lang))
            names.append(
                "<br>".join(f"<b>{ln}</b>" for ln in name.split("<br>"))
                if group in highlight
                else name
            )
        joined = " / ".join(names)
        vals.append(int(rank))
        texts.append(f"({int(rank)}) {joined}" if right else f"{joined} ({int(rank)})")
    return vals, texts


def slope_figure(
    ranks: pd.DataFrame,
    *,
    lang: str,
    title: str,
    bottom_label: str,
    highlight: Sequence[str] = (),
) -> go.Figure:
    """Draw a slope chart: each group's rank by the mean (left) and by the bottom (right).

    Lines are vermillion when the rank changes by ``ranks.attrs["big"]`` places or more, light
    blue otherwise; ``highlight`` groups get thicker lines and bold names. Legend: the two
    kinds of change. The names with their ranks are the tick labels of a left and a right
    axis, so the margins grow to fit the longest name (no name is cut); the two column heads
    are the tick labels of an x axis on top, and the title stands above them.
    """
    big = ranks.attrs.get("big", 2)
    fig = go.Figure()
    shown = set()
    left = wrap_title(text("rank_mean", lang), 24)
    right = wrap_title(text("rank_bottom", lang, bottom=bottom_label), 24)
    for row in ranks.itertuples(index=False):
        moved = bool(row.moved)
        kind = "moved" if moved else "steady"
        name = chart_name(row.group, lang)
        thick = row.group in highlight
        fig.add_trace(
            go.Scatter(
                x=[0, 1],
                y=[row.rank_mean, row.rank_bottom],
                mode="lines+markers",
                line={
                    "color": MOVED_COLOUR if moved else STEADY_COLOUR,
                    "width": 4 if thick else 2,
                },
                marker={"size": 9 if thick else 7},
                name=text(kind, lang, k=big),
                legendgroup=kind,
                showlegend=kind not in shown,
                hovertemplate=f"{name}: %{{y}}<extra></extra>",
            )
        )
        shown.add(kind)
    # an invisible twin of the right-hand points on the right axis: plotly draws an axis
    # (here: the names by the bottom) only when a trace uses it
    fig.add_trace(
        go.Scatter(
            x=[1] * len(ranks),
            y=list(ranks["rank_bottom"]),
            yaxis="y2",
            mode="markers",
            marker={"opacity": 0},
            showlegend=False,
            hoverinfo="skip",
            name="",
        )
    )
    n = max(len(ranks), 1)
    y_range = [n + 0.7, 0.3]
    fig.update_xaxes(
        tickvals=[0, 1],
        ticktext=[left, right],
        range=[-0.06, 1.06],
        showgrid=False,
        zeroline=False,
        side="top",
        tickangle=0,
    )
    ticks = {"font": {"size": 12, "color": palette.TICK_GREY}}
    left_vals, left_text = _rank_labels(ranks, "rank_mean", lang, highlight, right=False)
    right_vals, right_text = _rank_labels(ranks, "rank_bottom", lang, highlight, right=True)
    fig.update_yaxes(
        title_text=text("rank_axis", lang),
        autorange=False,
        range=y_range,
        tickvals=left_vals,
        ticktext=left_text,
        tickfont=ticks["font"],
        showgrid=False,
        zeroline=False,
    )
    fig.update_layout(
        yaxis2={
            "overlaying": "y",
            "side": "right",
            "autorange": False,
            "range": y_range,
            "tickvals": right_vals,
            "ticktext": right_text,
            "tickfont": ticks["font"],
            "showgrid": False,
            "zeroline": False,
            "automargin": True,
        }
    )
    _layout(fig, title, 230 + 34 * n, width=HALF_TITLE_CHARS, legend_px=HALF_LEGEND_ROW_PX)
    # the title at the top, then the column heads (up to five lines), then the plot
    head = 15 * max(_lines(left), _lines(right)) + 14
    top = 24 + 21 * _lines(fig.layout.title.text) + head
    fig.update_layout(
        margin={"t": top, "r": 10, "l": 10},
        title={"yref": "container", "y": 1 - 12 / fig.layout.height, "yanchor": "top"},
    )
    return fig
