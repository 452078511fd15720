"""Figures of the Profiles & index page: the Theil split over the years, sigma convergence, the
beta scatter with its fitted line, a region's profile of scores 0-10 against the Total, and the
ranked index with rank intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from indicators.charts.layout import (
    HALF_TITLE_CHARS,
    base_layout,
    wrap_name,
    wrap_title,
    year_labels,
)
from indicators.charts.palette import BLUE, OKABE_ITO, ORANGE, TOTAL_COLOUR

SKY_BLUE = OKABE_ITO[5]


def theil_split_bars(
    split: pd.DataFrame, *, title: str, between: str, within: str, y_title: str
) -> go.Figure:
    """Stacked bars per year: Theil T between regions (below) and within regions (on top);
    ``split`` has year, between, within, share_between."""
    years = year_labels(split["year"])
    fig = go.Figure()
    fig.add_bar(
        x=years,
        y=split["between"],
        name=between,
        marker_color=ORANGE,
        customdata=100 * split["share_between"],
        hovertemplate="%{x}: %{y:.4f} (%{customdata:.1f}%)<extra>" + between + "</extra>",
    )
    fig.add_bar(
        x=years,
        y=split["within"],
        name=within,
        marker_color=BLUE,
        hovertemplate="%{x}: %{y:.4f}<extra>" + within + "</extra>",
    )
    base_layout(fig, wrap_title(title), height=380)
    fig.update_layout(
        barmode="stack",
        legend={"orientation": "h", "y": -0.15, "x": 0},
        yaxis_title=y_title,
        xaxis={"type": "category"},
    )
    return fig


def sigma_lines(spread: pd.DataFrame, *, title: str, names: dict, y_title: str) -> go.Figure:
    """Lines over the years of the spread between regions: ``names`` maps the columns to draw
    (sigma, cv) to their legend names."""
    years = year_labels(spread["year"])
    fig = go.Figure()
    for (column, name), colour in zip(names.items(), (BLUE, ORANGE, SKY_BLUE), strict=False):
        fig.add_scatter(
            x=years,
            y=spread[column],
            name=name,
            mode="lines+markers",
            line={"color": colour, "width": 2},
            hovertemplate="%{x}: %{y:.4f}<extra>" + name + "</extra>",
        )
    base_layout(fig, wrap_title(title, HALF_TITLE_CHARS), height=380)
    fig.update_layout(
        legend={"orientation": "h", "y": -0.15, "x": 0},
        yaxis_title=y_title,
        yaxis_rangemode="tozero",
        xaxis={"type": "category"},
    )
    return fig


def beta_scatter(
    points: pd.DataFrame,
    *,
    alpha: float,
    beta: float,
    title: str,
    x_title: str,
    y_title: str,
    line_name: str,
) -> go.Figure:
    """Scatter of the mean annual log growth on the initial log level, one dot per region
    (``points``: name, initial, growth), with the fitted least-squares line."""
    fig = go.Figure()
    fig.add_scatter(
        x=points["initial"],
        y=points["growth"],
        mode="markers",
        text=points["name"],
        marker={"color": BLUE, "size": 9, "opacity": 0.8},
        hovertemplate="%{text}<br>%{x:.3f} → %{y:.4f}<extra></extra>",
        showlegend=False,
    )
    xs = np.linspace(points["initial"].min(), points["initial"].max(), 2)
    fig.add_scatter(
        x=xs,
        y=alpha + beta * xs,
        mode="lines",
        name=line_name,
        line={"color": ORANGE, "width": 2},
        hoverinfo="skip",
    )
    base_layout(fig, wrap_title(title, HALF_TITLE_CHARS), height=400)
    fig.update_layout(
        legend={"orientation": "h", "y": -0.2, "x": 0},
        xaxis_title=x_title,
        yaxis_title=y_title,
        yaxis_tickformat=".2%",
    )
    return fig


def profile_bars(
    profile: pd.DataFrame, *, title: str, region_name: str, total_name: str, x_title: str
) -> go.Figure:
    """Horizontal bars: a region's score 0-10 per indicator, the Total's score as a black mark
    (``profile``: label, score, total, in reading order)."""
    labels = [wrap_name(label, 34) for label in profile["label"]]
    fig = go.Figure()
    fig.add_bar(
        y=labels,
        x=profile["score"],
        orientation="h",
        name=region_name,
        marker_color=BLUE,
        hovertemplate="%{y}: %{x:.1f}<extra>" + region_name + "</extra>",
    )
    fig.add_scatter(
        y=labels,
        x=profile["total"],
        mode="markers",
        name=total_name,
        marker={"color": TOTAL_COLOUR, "symbol": "line-ns", "size": 18, "line": {"width": 3}},
        hovertemplate="%{y}: %{x:.1f}<extra>" + total_name + "</extra>",
    )
    base_layout(fig, wrap_title(title, HALF_TITLE_CHARS), height=max(340, 150 + 30 * len(profile)))
    fig.update_layout(  # the legend at the figure's foot, under the axis title
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        margin={"b": 60},
        xaxis={"range": [0, 10.2], "title": x_title, "dtick": 2},
        yaxis={"autorange": "reversed", "automargin": True},
        bargap=0.3,
    )
    return fig


def rank_intervals(
    table: pd.DataFrame, *, title: str, x_title: str, point_name: str, interval_name: str
) -> go.Figure:
    """The ranked index: one row per region (best on top), a dot at its rank under the chosen
    weights and a line from the 5th to the 95th percentile of its rank under the drawn weights
    (``table``: name, rank, rank_p05, rank_p95, index)."""
    names = list(table["name"])
    fig = go.Figure()
    fig.add_scatter(
        x=np.column_stack([table["rank_p05"], table["rank_p95"], np.full(len(table), None)])
        .ravel()
        .tolist(),
        y=np.column_stack([names, names, [None] * len(names)]).ravel().tolist(),
        mode="lines",
        name=interval_name,
        line={"color": SKY_BLUE, "width": 8},
        hoverinfo="skip",
    )
    fig.add_scatter(
        x=table["rank"],
        y=names,
        mode="markers",
        name=point_name,
        marker={"color": BLUE, "size": 11},
        customdata=np.column_stack([table["rank_p05"], table["rank_p95"], table["index"]]),
        hovertemplate="%{y}: %{x} (%{customdata[0]}–%{customdata[1]}), %{customdata[2]:.2f}"
        "<extra></extra>",
    )
    n = len(table)
    base_layout(fig, wrap_title(title), height=max(340, 130 + 26 * n))
    fig.update_layout(  # the legend at the figure's foot, under the axis title
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0},
        margin={"b": 60},
        xaxis={"title": x_title, "range": [0.5, n + 0.5], "dtick": 1 if n <= 20 else 5},
        yaxis={"autorange": "reversed", "automargin": True, "type": "category"},
    )
    return fig
