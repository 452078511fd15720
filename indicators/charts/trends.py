"""Figures over time: lines per region, spread indices and ratios."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from indicators.charts.layout import base_layout, nice_step, year_labels
from indicators.charts.palette import BLUE, GREEN, OKABE_ITO, ORANGE, TOTAL_COLOUR

# ----------------------------------------------------------------------------------------------
# Lines over time
# ----------------------------------------------------------------------------------------------


def trend_lines(
    frame: pd.DataFrame,
    *,
    title: str,
    y_title: str,
    years: Sequence,
    total: str = "Total",
    names: Mapping[str, str] | None = None,
    x_title: str | None = None,
    tickformat: str = "",
    band_label: str = "{name}: 95%",
) -> go.Figure:
    """Draw one line per region over the years; the Total black and thicker; each line with
    a band of its interval where the frame has one.

    Parameters
    ----------
    frame : DataFrame
        Columns ``region``, ``year``, ``value`` and optionally ``text`` (formatted values for
        hover), ``ci_low`` and ``ci_high`` (the interval: a band in the line's colour, drawn
        under the lines, listed after them) and ``ci_text`` (the interval in words, on
        hover). Missing values leave a gap, in the line and in its band.
    years : sequence
        All years in time order (the x axis categories).
    total : str
        The region value of all regions together.
    names : mapping, optional
        Display names of regions (e.g. the translated Total).
    tickformat : str
        d3 format of the y axis numbers (:func:`value_tickformat`: shares as percentages, as
        the tiles show them); also used on hover when there is no ``text``.
    band_label : str
        The name of a band (``{name}`` the region's); bands stay out of the legend.
    """
    names = dict(names or {})
    labels = year_labels(years)
    # a year not in the data at all (a survey of 2016, 2018 and 2021) keeps its place on the
    # axis, and the lines run past it; a region without a value in a year of the data leaves
    # a gap
    in_data = set(year_labels(frame["year"]))
    points = [y for y in labels if y in in_data]
    fig = go.Figure()
    regions = list(dict.fromkeys(frame["region"]))
    regions = [r for r in regions if r == total] + [r for r in regions if r != total]
    palette = [c for c in OKABE_ITO if c != TOTAL_COLOUR]
    colour_i = 0
    bands = []
    for region in regions:
        part = frame[frame["region"] == region]
        by_year = dict(zip(year_labels(part["year"]), part["value"].astype(float), strict=True))
        texts = (
            dict(zip(year_labels(part["year"]), part["text"], strict=True))
            if "text" in part
            else {}
        )
        intervals = (
            dict(zip(year_labels(part["year"]), part["ci_text"], strict=True))
            if "ci_text" in part
            else {}
        )
        is_total = region == total
        if is_total:
            line = {"color": TOTAL_COLOUR, "width": 4}
        else:
            line = {"color": palette[colour_i % len(palette)], "width": 2}
            colour_i += 1
        fig.add_trace(
            go.Scatter(
                x=points,
                y=[by_year.get(y, np.nan) for y in points],
                text=[texts.get(y, "") for y in points] if texts else None,
                hovertext=[intervals.get(y, "") for y in points] if intervals else None,
                mode="lines+markers",
                name=names.get(region, str(region)),
                line=line,
                marker={"size": 7 if is_total else 5},
                connectgaps=False,
                hovertemplate="%{fullData.name}, %{x}: "
                + ("%{text}" if texts else f"%{{y:{tickformat}}}" if tickformat else "%{y}")
                + ("<br>%{hovertext}" if intervals else "")
                + "<extra></extra>",
            )
        )
        if "ci_low" in part and "ci_high" in part:
            low = dict(zip(year_labels(part["year"]), part["ci_low"].astype(float), strict=True))
            high = dict(zip(year_labels(part["year"]), part["ci_high"].astype(float), strict=True))
            band = _band(
                points,
                low,
                high,
                line["color"],
                band_label.format(name=names.get(region, str(region))),
            )
            if band is not None:
                bands.append(band)
    for band in bands:  # after the lines in the list (the lines keep their places), drawn under
        fig.add_trace(band)
    fig.update_xaxes(
        type="category", categoryorder="array", categoryarray=labels, title={"text": x_title}
    )
    fig.update_yaxes(title={"text": y_title}, tickformat=tickformat)
    fig.update_layout(legend={"orientation": "h", "y": -0.15, "x": 0}, hovermode="closest")
    return base_layout(fig, title, height=460)


def _rgba(colour: str, alpha: float) -> str:
    """Return a "#rrggbb" colour as rgba() with ``alpha``."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def _band(points: list, low: dict, high: dict, colour: str, name: str):
    """Return one filled polygon from ``low`` to ``high`` over the years ``points`` (a year
    without an interval breaks the band into pieces: None between them), or None."""
    runs, run = [], []
    for year in points:
        lo, hi = low.get(year, np.nan), high.get(year, np.nan)
        if math.isfinite(lo) and math.isfinite(hi):
            run.append((year, lo, hi))
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    if not runs:
        return None
    xs, ys = [], []
    for piece in runs:
        if xs:
            xs.append(None)
            ys.append(None)
        xs += [y for y, _, _ in piece] + [y for y, _, _ in reversed(piece)]
        ys += [hi for _, _, hi in piece] + [lo for _, lo, _ in reversed(piece)]
    return go.Scatter(
        x=xs,
        y=ys,
        fill="toself",
        fillcolor=_rgba(colour, 0.18),
        mode="lines",
        line={"width": 0, "color": colour},
        name=name,
        showlegend=False,
        hoverinfo="skip",
        zorder=-1,
        connectgaps=False,
    )


def spread_index_lines(
    spread: pd.DataFrame,
    *,
    title: str,
    labels: Mapping[str, str],
    y_title: str,
    x_title: str | None = None,
    years: Sequence | None = None,
    fit: Sequence[float] | None = None,
    fit_label: str = "",
) -> go.Figure:
    """Draw the coefficient of variation and the Gini between regions per year (from 0).

    ``spread`` has columns year, cv, gini (as :func:`indicators.analysis.spread_over_time`);
    ``labels`` names each measure. ``years`` are all years of the x axis (a year without a
    row leaves a gap); ``fit`` (one value per row of ``spread``) is the straight line the
    trend sentence is judged on, drawn dotted in the colour of the coefficient of variation.
    """
    axis = year_labels(years if years is not None else spread["year"])
    at = {y: i for i, y in enumerate(year_labels(spread["year"]))}

    def on_axis(values):
        values = list(values)
        return [values[at[y]] if y in at else np.nan for y in axis]

    fig = go.Figure()
    for measure, colour in (("cv", BLUE), ("gini", ORANGE)):
        if measure not in spread:
            continue
        fig.add_trace(
            go.Scatter(
                x=axis,
                y=on_axis(spread[measure].astype(float)),
                name=labels.get(measure, measure),
                mode="lines+markers",
                line={"color": colour, "width": 2},
                connectgaps=False,
                hovertemplate="%{fullData.name}, %{x}: %{y:.4f}<extra></extra>",
            )
        )
    if fit is not None:
        fig.add_trace(
            go.Scatter(
                x=[y for y in axis if y in at],
                y=[float(fit[at[y]]) for y in axis if y in at],
                name=fit_label,
                mode="lines",
                line={"color": BLUE, "width": 1.5, "dash": "dot"},
                hovertemplate="%{fullData.name}, %{x}: %{y:.4f}<extra></extra>",
            )
        )
    fig.update_xaxes(
        type="category", categoryorder="array", categoryarray=axis, title={"text": x_title}
    )
    fig.update_yaxes(title={"text": y_title}, rangemode="tozero")
    fig.update_layout(legend={"orientation": "h", "y": -0.25, "x": 0})
    return base_layout(fig, title, height=380)


def spread_ratio_line(
    spread: pd.DataFrame,
    *,
    title: str,
    label: str,
    y_title: str,
    x_title: str | None = None,
    years: Sequence | None = None,
) -> go.Figure:
    """Draw the highest/lowest ratio between regions per year.

    The axis starts at 1 (no difference) when every ratio is at least 1, with round ticks
    (1.00, 1.01, 1.02, ...: two decimals, three when the ratios lie within 1.02). ``years``
    are all years of the x axis (a year without a row leaves a gap).
    """
    axis = year_labels(years if years is not None else spread["year"])
    by_year = dict(zip(year_labels(spread["year"]), spread["ratio"].astype(float), strict=True))
    y = spread["ratio"].astype(float)
    fig = go.Figure(
        go.Scatter(
            x=axis,
            y=[by_year.get(year, np.nan) for year in axis],
            name=label,
            mode="lines+markers",
            line={"color": GREEN, "width": 2},
            connectgaps=False,
            hovertemplate="%{fullData.name}, %{x}: %{y:.3f}<extra></extra>",
        )
    )
    finite = y[np.isfinite(y)]
    if len(finite) and finite.min() >= 1:
        top = float(finite.max())
        top += max((top - 1) * 0.1, 0.002)
        step = nice_step(top - 1)
        decimals = max(2, -math.floor(math.log10(step) + 1e-9))
        fig.update_yaxes(range=[1, top], tick0=1, dtick=step, tickformat=f".{decimals}f")
    else:
        fig.update_yaxes(tickformat=".2f")
    fig.update_xaxes(
        type="category", categoryorder="array", categoryarray=axis, title={"text": x_title}
    )
    fig.update_yaxes(title={"text": y_title})
    fig.update_layout(showlegend=False)
    return base_layout(fig, title, height=380)
