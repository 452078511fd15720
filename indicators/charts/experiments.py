"""Figures of a policy experiment: the outcome of pilots and comparisons over the years with the
start marked, and the event study (the effect per year relative to the start, with intervals)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from indicators.charts.layout import AXIS_TITLE_CHARS, axis_title, base_layout, wrap_title
from indicators.charts.palette import BLUE, INK, MARK_GREY, ORANGE


def arm_lines(
    trends: pd.DataFrame,
    *,
    start: int,
    title: str,
    y_title: str,
    x_title: str,
    names: Mapping[str, str],
    start_label: str,
) -> go.Figure:
    """Draw the mean outcome of pilots and comparisons per year (``trends``: columns year, arm
    "pilot"/"comparison", value, n_regions) with a dotted line at the start year; ``names``
    gives each arm's legend name (with its number of regions)."""
    fig = go.Figure()
    for arm, colour in (("pilot", ORANGE), ("comparison", BLUE)):
        rows = trends[trends["arm"] == arm].sort_values("year")
        if rows.empty:
            continue
        fig.add_trace(
            go.Scatter(
                x=rows["year"],
                y=rows["value"],
                name=names.get(arm, arm),
                mode="lines+markers",
                line={"color": colour, "width": 3 if arm == "pilot" else 2},
                hovertemplate="%{x}: %{y:.3~f}<extra>" + names.get(arm, arm) + "</extra>",
            )
        )
    fig.add_vline(x=start - 0.5, line={"color": MARK_GREY, "dash": "dot", "width": 1.5})
    fig.add_annotation(
        x=start - 0.5,
        y=1,
        yref="paper",
        text=start_label,
        showarrow=False,
        xanchor="left",
        yanchor="top",
        xshift=4,
        font={"color": INK, "size": 12},
    )
    base_layout(fig, wrap_title(title), height=420)
    fig.update_layout(
        legend={"orientation": "h", "y": -0.18, "x": 0},
        xaxis={"title": x_title, "dtick": 1},
        yaxis={"title": axis_title(y_title, AXIS_TITLE_CHARS["vertical"])},
    )
    return fig


def event_effects(
    events: pd.DataFrame,
    *,
    title: str,
    y_title: str,
    x_title: str,
    name: str,
    interval_name: str,
) -> go.Figure:
    """Draw the effect per year relative to the start (``events``: columns e, estimate,
    ci_low, ci_high; e = -1 is the reference, 0) with interval bars and a zero line; years
    before the start in grey, from the start in the pilot's colour."""
    rows = events.sort_values("e")
    fig = go.Figure()
    fig.add_hline(y=0, line={"color": INK, "width": 1})
    fig.add_vline(x=-0.5, line={"color": MARK_GREY, "dash": "dot", "width": 1.5})
    colours = [ORANGE if e >= 0 else MARK_GREY for e in rows["e"]]
    fig.add_trace(
        go.Scatter(
            x=rows["e"],
            y=rows["estimate"],
            mode="markers",
            name=name,
            marker={"color": colours, "size": 10},
            error_y={
                "type": "data",
                "symmetric": False,
                "array": (rows["ci_high"] - rows["estimate"]).tolist(),
                "arrayminus": (rows["estimate"] - rows["ci_low"]).tolist(),
                "color": INK,
                "thickness": 1.5,
                "width": 4,
            },
            hovertemplate="%{x}: %{y:.3~f}<extra>" + interval_name + "</extra>",
        )
    )
    base_layout(fig, wrap_title(title), height=420)
    fig.update_layout(
        showlegend=False,
        xaxis={"title": x_title, "dtick": 1, "zeroline": False},
        yaxis={"title": axis_title(y_title, AXIS_TITLE_CHARS["vertical"])},
    )
    return fig
