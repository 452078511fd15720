"""Figures of the Groups page: groups with intervals coloured as CBS does, the gap over the
years, regions ranked by the gap, and stacked shares (well-being levels, accumulated
disadvantage). Inputs are plain frames with the labels to show (escaped by nobody: plotly
shows text as text)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from indicators.charts import palette
from indicators.charts.layout import base_layout, value_tickformat, wrap_name, wrap_title

# the CBS colour classes of indicators.analyses.groups: green, vermillion, grey
CLASS_COLOURS = {
    "better": palette.DIRECTION_COLOURS["better"],
    "worse": palette.DIRECTION_COLOURS["worse"],
    "no_difference": palette.DIRECTION_COLOURS["same"],
    "different": palette.BLUE,
}
LEVEL_COLOURS = palette.LEVEL_COLOURS
COUNT_COLOURS = palette.COUNT_COLOURS


def _errors(values, lows, highs) -> dict:
    v = np.asarray(values, dtype=float)
    return {
        "type": "data",
        "symmetric": False,
        "array": np.asarray(highs, dtype=float) - v,
        "arrayminus": v - np.asarray(lows, dtype=float),
        "thickness": 1.5,
        "width": 4,
    }


def group_dots(
    table: pd.DataFrame,
    *,
    title: str,
    value_label: str,
    class_names: dict[str, str],
    reference: float | None = None,
    reference_name: str | None = None,
    decimals: int | None = None,
    is_share: bool = False,
) -> go.Figure:
    """Each group's value with its interval, one row per group, coloured by its CBS class.

    ``table`` has columns label, value, ci_low, ci_high, colour (a class); ``class_names``
    says each class in words (the legend). ``reference`` draws a dashed line (the region's
    whole population)."""
    fig = go.Figure()
    for cls, colour in CLASS_COLOURS.items():
        part = table[table["colour"] == cls]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["value"],
                y=[wrap_name(str(lab), 24) for lab in part["label"]],
                mode="markers",
                marker={"color": colour, "size": 12},
                error_x={
                    **_errors(part["value"], part["ci_low"], part["ci_high"]),
                    "color": colour,
                },
                name=class_names.get(cls, cls),
                hovertemplate="%{y}: %{x}<extra></extra>",
            )
        )
    if reference is not None and np.isfinite(reference):
        fig.add_vline(x=reference, line_dash="dash", line_color=palette.TOTAL_COLOUR, line_width=1)
        if reference_name:
            fig.add_annotation(
                x=reference, y=1, yref="paper", text=reference_name, showarrow=False,
                yanchor="bottom", font={"size": 11},
            )  # fmt: skip
    height = 140 + 48 * max(len(table), 1)
    base_layout(fig, wrap_title(title), height=height)
    order = [wrap_name(str(lab), 24) for lab in table["label"]]
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], automargin=True)
    fig.update_xaxes(
        title=value_label, tickformat=value_tickformat(decimals, is_share, table["value"])
    )
    fig.update_layout(legend={"orientation": "h", "y": -0.25, "x": 0}, margin={"b": 40})
    return fig


def gap_lines(
    table: pd.DataFrame,
    *,
    title: str,
    gap_label: str,
    decimals: int | None = None,
    is_share: bool = False,
) -> go.Figure:
    """The gap of each group over the years with its interval as a band; a line at 0.

    ``table`` has columns label, year, gap, gap_ci_low, gap_ci_high."""
    fig = go.Figure()
    for i, (label, part) in enumerate(table.groupby("label", sort=False)):
        colour = palette.OKABE_ITO[i % len(palette.OKABE_ITO)]
        part = part.sort_values("year")
        years = [str(y) for y in part["year"]]
        fig.add_trace(
            go.Scatter(
                x=years + years[::-1],
                y=list(part["gap_ci_high"]) + list(part["gap_ci_low"])[::-1],
                fill="toself",
                fillcolor=colour,
                opacity=0.15,
                line={"width": 0},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=years,
                y=part["gap"],
                mode="lines+markers",
                line={"color": colour, "width": 2},
                name=wrap_name(str(label), 28),
            )
        )
    fig.add_hline(y=0, line_color=palette.TOTAL_COLOUR, line_width=1)
    base_layout(fig, wrap_title(title), height=440)
    fig.update_xaxes(type="category")
    fig.update_yaxes(title=gap_label, tickformat=value_tickformat(decimals, is_share, table["gap"]))
    fig.update_layout(legend={"orientation": "h", "y": -0.15, "x": 0})
    return fig


def ranked_gaps(
    table: pd.DataFrame,
    *,
    title: str,
    gap_label: str,
    class_names: dict[str, str],
    decimals: int | None = None,
    is_share: bool = False,
) -> go.Figure:
    """Regions ranked by the gap (largest first, at the top) with its interval, coloured by
    class. ``table`` has columns label, gap, gap_ci_low, gap_ci_high, colour."""
    fig = go.Figure()
    order = [wrap_name(str(lab), 24) for lab in table["label"]]
    for cls, colour in CLASS_COLOURS.items():
        part = table[table["colour"] == cls]
        if part.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=part["gap"],
                y=[wrap_name(str(lab), 24) for lab in part["label"]],
                mode="markers",
                marker={"color": colour, "size": 10},
                error_x={
                    **_errors(part["gap"], part["gap_ci_low"], part["gap_ci_high"]),
                    "color": colour,
                },
                name=class_names.get(cls, cls),
            )
        )
    fig.add_vline(x=0, line_color=palette.TOTAL_COLOUR, line_width=1)
    base_layout(fig, wrap_title(title), height=140 + 30 * max(len(table), 1))
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], automargin=True)
    fig.update_xaxes(title=gap_label, tickformat=value_tickformat(decimals, is_share, table["gap"]))
    fig.update_layout(legend={"orientation": "h", "y": -0.12, "x": 0})
    return fig


def stacked_shares(
    table: pd.DataFrame,
    classes: Sequence[str],
    class_labels: Sequence[str],
    *,
    title: str,
    colours: Sequence[str],
) -> go.Figure:
    """Shares of classes (low/medium/high; 0, 1, 2, 3+) stacked to 100% per group.

    ``table`` has columns label, cls, share."""
    fig = go.Figure()
    labels = list(dict.fromkeys(table["label"]))
    shown = [wrap_name(str(lab), 24) for lab in labels]
    for cls, name, colour in zip(classes, class_labels, colours, strict=False):
        part = table[table["cls"] == cls].set_index("label").reindex(labels)
        fig.add_trace(
            go.Bar(
                x=part["share"],
                y=shown,
                orientation="h",
                name=name,
                marker={"color": colour},
                text=[f"{v:.0%}" if np.isfinite(v) and v >= 0.04 else "" for v in part["share"]],
                textposition="inside",
                insidetextanchor="middle",
            )
        )
    base_layout(fig, wrap_title(title), height=160 + 44 * max(len(labels), 1))
    fig.update_layout(
        barmode="stack", legend={"orientation": "h", "y": -0.12, "x": 0, "traceorder": "normal"}
    )
    fig.update_yaxes(categoryorder="array", categoryarray=shown[::-1], automargin=True)
    # the axis speaks for itself (0% to 100%): its title would sit on the legend
    fig.update_xaxes(title=None, tickformat=".0%", range=[0, 1], hoverformat=".1%")
    return fig
