"""Figures of regions: sparklines, the tile map, ranked bars and dots, choropleths."""

from __future__ import annotations

import html
import math

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from indicators.charts import palette
from indicators.charts.layout import (
    AXIS_TITLE_CHARS,
    axis_title,
    base_layout,
    text_px,
)
from indicators.charts.palette import BLUE, MISSING_COLOUR, ORANGE, TOTAL_COLOUR, VALUE_SCALE

# ----------------------------------------------------------------------------------------------
# Sparkline
# ----------------------------------------------------------------------------------------------


def sparkline_svg(
    frame: pd.DataFrame,
    *,
    colour: str = BLUE,
    width: int = 200,
    height: int = 40,
    label: str | None = None,
    title: str | None = None,
    mark=None,
) -> str:
    """Draw a small line of values over the years as an inline SVG (columns year, value).

    Light enough to show dozens at once (no plotting library in the browser). Years are equally
    spaced in the order given; a missing value breaks the line (one polyline per run of values,
    a lone value becomes a dot). A dot marks the value of year ``mark`` (the year the page
    shows; compared as text, so 2019 and "2019" are the same year), or the last known value
    when ``mark`` is None; no dot when the year ``mark`` has no value. ``label`` (e.g.
    "2014–2024") is written small under the line; ``title`` becomes the tooltip and the
    accessible name. Returns ``""`` when fewer than two values are known.

    >>> svg = sparkline_svg(pd.DataFrame({"year": [1, 2, 3], "value": [0.0, 1.0, 0.5]}))
    >>> svg.startswith("<svg") and svg.count("<polyline") == 1
    True
    """
    y = pd.to_numeric(frame["value"], errors="coerce").to_numpy(dtype=float)
    finite = np.isfinite(y)
    if finite.sum() < 2:
        return ""
    pad = 3.0
    n = len(y)
    lo, hi = float(y[finite].min()), float(y[finite].max())
    span = hi - lo

    def xy(i: int) -> tuple[float, float]:
        x = pad + (width - 2 * pad) * (i / (n - 1) if n > 1 else 0.5)
        share = (y[i] - lo) / span if span > 0 else 0.5  # a flat line across the middle
        yy = pad + (height - 2 * pad) * (1 - share)
        return round(x, 1), round(yy, 1)

    runs: list[list[int]] = []
    for i in range(n):
        if finite[i]:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    parts = []
    for run in runs:
        points = [xy(i) for i in run]
        if len(points) == 1:
            (cx, cy) = points[0]
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="1.5" fill="{colour}"/>')
        else:
            coords = " ".join(f"{px},{py}" for px, py in points)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2" '
                'stroke-linejoin="round" stroke-linecap="round"/>'
            )
    if mark is None:
        marked = int(np.flatnonzero(finite)[-1])
    else:
        years = [str(v) for v in frame["year"]]
        marked = years.index(str(mark)) if str(mark) in years else None
    if marked is not None and finite[marked]:
        lx, ly = xy(marked)
        parts.append(f'<circle cx="{lx}" cy="{ly}" r="3.2" fill="{colour}"/>')
    total_height = height + (14 if label else 0)
    if label:
        parts.append(
            f'<text x="{width / 2:g}" y="{height + 11}" text-anchor="middle" '
            f'font-size="10" fill="{palette.MUTED_GREY}">{html.escape(label)}</text>'
        )
    name = html.escape(title) if title else ""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'viewBox="0 0 {width} {total_height}" role="img"'
        + (f' aria-label="{name}"' if name else "")
        + ' style="display:block;overflow:visible">'
    )
    tooltip = f"<title>{name}</title>" if name else ""
    return head + tooltip + "".join(parts) + "</svg>"


# ----------------------------------------------------------------------------------------------
# Tile map of provinces
# ----------------------------------------------------------------------------------------------


def _is_dark(colour: str) -> bool:
    """Whether a colour ("rgb(r, g, b)" or "#rrggbb") needs white text on it."""
    if colour.startswith("#"):
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    else:
        r, g, b = (float(v) for v in colour[colour.index("(") + 1 : -1].split(",")[:3])
    return 0.299 * r + 0.587 * g + 0.114 * b < 140


def tile_map(
    tiles: pd.DataFrame,
    *,
    title: str,
    colorbar_title: str,
    missing_text: str = "–",
    highlight: str | None = None,
    row_height: int = 120,
    tickformat: str = "",
) -> go.Figure:
    """Draw a tile map: one square per area on a grid, coloured by value.

    Parameters
    ----------
    tiles : DataFrame
        One row per area with ``name``, ``row`` (0 = north), ``col`` (0 = west), ``value``
        (NaN when unknown: the tile is grey) and ``text`` (the formatted value).
    title, colorbar_title : str
        What is shown and its unit.
    highlight : str, optional
        The ``name`` of a tile to outline in orange (the region picked on the page).
    tickformat : str
        d3 format of the colour bar's numbers (:func:`value_tickformat`).
    row_height : int, default 120
        Pixels per grid row; the figure is as wide as it needs (tiles are square), so place it
        in a column rather than across the page.

    The colour scale spans the values shown (lightest = lowest, darkest = highest); the
    caller says so in words when that range is narrow. The figure has two heatmaps (grey tiles for every area, then the values) and one
    annotation per area with its name and value.
    """
    n_rows = int(tiles["row"].max()) + 1
    n_cols = int(tiles["col"].max()) + 1
    base = np.full((n_rows, n_cols), np.nan)
    z = np.full((n_rows, n_cols), np.nan)
    hover = np.full((n_rows, n_cols), "", dtype=object)
    for row in tiles.itertuples(index=False):
        base[row.row, row.col] = 1.0
        z[row.row, row.col] = row.value
        hover[row.row, row.col] = f"{row.name}: {row.text}"
    values = tiles["value"].astype(float)
    finite = values[np.isfinite(values)]
    lo, hi = (float(finite.min()), float(finite.max())) if len(finite) else (0.0, 1.0)
    if hi == lo:
        lo, hi = lo - 0.5, hi + 0.5
    fig = go.Figure()
    fig.add_trace(
        go.Heatmap(
            z=base,
            colorscale=[[0, MISSING_COLOUR], [1, MISSING_COLOUR]],
            showscale=False,
            xgap=6,
            ygap=6,
            hoverinfo="skip",
            name="",
        )
    )
    fig.add_trace(
        go.Heatmap(
            z=z,
            zmin=lo,
            zmax=hi,
            colorscale=VALUE_SCALE,
            xgap=6,
            ygap=6,
            text=hover,
            hovertemplate="%{text}<extra></extra>",
            colorbar={
                "title": {"text": colorbar_title, "side": "right"},
                "thickness": 14,
                "x": 1.0,
                "xpad": 8,
                "len": 0.9,
                "tickformat": tickformat,
            },
            name="",
        )
    )
    for row in tiles.itertuples(index=False):
        if math.isfinite(row.value):
            colour = sample_colorscale(VALUE_SCALE, [(row.value - lo) / (hi - lo)])[0]
            text_colour = "white" if _is_dark(colour) else "black"
            shown = row.text
        else:
            text_colour, shown = palette.TICK_GREY, missing_text
        fig.add_annotation(
            x=row.col,
            y=row.row,
            text=f"<b>{row.name}</b><br>{shown}",
            showarrow=False,
            font={"color": text_colour, "size": 13},
        )
    if highlight is not None:
        for row in tiles[tiles["name"] == highlight].itertuples(index=False):
            fig.add_shape(
                type="rect",
                x0=row.col - 0.47,
                x1=row.col + 0.47,
                y0=row.row - 0.47,
                y1=row.row + 0.47,
                line={"color": ORANGE, "width": 5},
            )
    fig.update_xaxes(visible=False, range=[-0.5, n_cols - 0.5], fixedrange=True)
    fig.update_yaxes(
        visible=False,
        range=[n_rows - 0.5, -0.5],  # row 0 (north) at the top
        scaleanchor="x",
        scaleratio=1,
        constrain="domain",
        fixedrange=True,
    )
    fig = base_layout(fig, title, height=row_height * n_rows + 70)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 60, "b": 10})
    return fig


# ----------------------------------------------------------------------------------------------
# Ranked bars
# ----------------------------------------------------------------------------------------------


def _interval(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray] | None:
    """Return the half-widths below and above each value (0 where unknown), or None.

    From ``ci_low`` and ``ci_high`` when the frame has them (the results table's intervals),
    else from ``se`` (+-1.96 se, an approximate 95% interval).
    """
    values = frame["value"].astype(float).to_numpy()
    if "ci_low" in frame and "ci_high" in frame:
        low = values - frame["ci_low"].astype(float).to_numpy()
        high = frame["ci_high"].astype(float).to_numpy() - values
    elif "se" in frame:
        low = high = 1.96 * frame["se"].astype(float).to_numpy()
    else:
        return None
    if not (np.isfinite(low).any() or np.isfinite(high).any()):
        return None
    return np.nan_to_num(low, nan=0.0), np.nan_to_num(high, nan=0.0)


def _error_bars(frame: pd.DataFrame, thickness: float, width: int):
    """Return plotly ``error_x`` for the intervals of ``frame`` (None without), and the
    half-widths below and above."""
    found = _interval(frame)
    if found is None:
        return None, None
    below, above = found
    error = {
        "type": "data",
        "symmetric": bool(np.allclose(below, above)),
        "array": above.tolist(),
        "arrayminus": below.tolist(),
        "color": palette.LABEL_GREY,
        "thickness": thickness,
        "width": width,
    }
    return error, found


def _hover(frame: pd.DataFrame, error, error_label: str | None) -> str:
    """Return the hover template: region and value, its n, and its interval."""
    hover = "%{y}: %{text}"
    if "n_text" in frame:  # what each value rests on: "n = 1,502"
        hover += "<br>%{customdata}"
    if "ci_text" in frame:  # "95% interval: 7.85 to 7.99"
        hover += "<br>%{hovertext}"
    elif error is not None and error_label:
        hover += f"<br>{error_label}: ±%{{error_x.array:.3g}}"
    return hover + "<extra></extra>"


def ranked_bars(
    frame: pd.DataFrame,
    *,
    title: str,
    x_title: str,
    total: float | None = None,
    total_label: str = "Total",
    highlight: str | None = None,
    error_label: str | None = None,
    split_after: int | None = None,
    tickformat: str = "",
) -> go.Figure:
    """Draw regions as horizontal bars, first row of ``frame`` at the top.

    Parameters
    ----------
    frame : DataFrame
        Columns ``region``, ``value``, ``text`` (formatted value) and optionally the interval:
        ``ci_low`` and ``ci_high`` (the results table's; error bars from low to high), else
        ``se`` (+-1.96 se); ``ci_text`` (the interval in words, on hover) and ``n_text``.
    total : float, optional
        The value of all regions together: a dashed black vertical line with its label.
    highlight : str, optional
        A region drawn in orange instead of blue.
    split_after : int, optional
        Draw a dotted line after this many rows (where regions were left out between the best
        and the worst).
    tickformat : str
        d3 format of the axis numbers (:func:`value_tickformat`).
    """
    regions = frame["region"].astype(str).tolist()
    colours = [ORANGE if r == highlight else BLUE for r in regions]
    error, _ = _error_bars(frame, 1.2, 4)
    text = frame["text"].tolist() if "text" in frame else None
    counts = frame["n_text"].tolist() if "n_text" in frame else None
    hover = _hover(frame, error, error_label)
    fig = go.Figure(
        go.Bar(
            x=frame["value"].astype(float).tolist(),
            y=regions,
            orientation="h",
            marker={"color": colours},
            error_x=error,
            text=text,
            textposition="inside",
            insidetextanchor="start",
            textfont={"color": "white"},
            customdata=counts,
            hovertext=frame["ci_text"].tolist() if "ci_text" in frame else None,
            hovertemplate=hover,
            name="",
        )
    )
    if total is not None and math.isfinite(total):
        fig.add_vline(x=total, line={"color": TOTAL_COLOUR, "width": 2, "dash": "dash"})
        fig.add_annotation(
            x=total,
            y=1,
            yref="paper",
            yanchor="bottom",
            text=total_label,
            showarrow=False,
            font={"color": TOTAL_COLOUR},
            bgcolor="rgba(255,255,255,0.8)",
        )
    _split_line(fig, len(regions), split_after)
    fig.update_yaxes(
        type="category",  # region codes that are numbers (8001) are names, not positions
        categoryorder="array",
        categoryarray=list(reversed(regions)),
        automargin=True,
        title=None,
    )
    fig.update_xaxes(
        title={"text": axis_title(x_title, AXIS_TITLE_CHARS["full"])},
        rangemode="tozero",
        tickformat=tickformat,
        automargin=True,
    )
    fig.update_layout(showlegend=False, bargap=0.25)
    return base_layout(fig, title, height=max(260, 26 * len(regions) + 140))


def ranked_dots(
    frame: pd.DataFrame,
    *,
    title: str,
    x_title: str,
    total: float | None = None,
    total_label: str = "Total",
    highlight: str | None = None,
    error_label: str | None = None,
    split_after: int | None = None,
    pad: float = 0.08,
    tickformat: str = "",
) -> go.Figure:
    """Draw regions as dots with 95% intervals, first row of ``frame`` at the top.

    For measures that are not parts of a whole (means, medians, percentiles, indices) a bar
    from 0 hides differences of a few tenths; dots on an axis zoomed to the data show them.
    The axis spans the dots, their intervals and the Total, with ``pad`` (a share of that
    span) on either side. The formatted values (``text``) stand in a column at the right.

    Parameters are those of :func:`ranked_bars`.
    """
    regions = frame["region"].astype(str).tolist()
    values = frame["value"].astype(float).to_numpy()
    colours = [ORANGE if r == highlight else BLUE for r in regions]
    error, found = _error_bars(frame, 1.5, 5)
    below, above = found if found is not None else (np.zeros_like(values),) * 2
    text = frame["text"].tolist() if "text" in frame else [f"{v:g}" for v in values]
    counts = frame["n_text"].tolist() if "n_text" in frame else None
    hover = _hover(frame, error, error_label)
    fig = go.Figure(
        go.Scatter(
            x=values.tolist(),
            y=regions,
            mode="markers",
            marker={"color": colours, "size": 11, "line": {"color": "white", "width": 1}},
            error_x=error,
            text=text,
            customdata=counts,
            hovertext=frame["ci_text"].tolist() if "ci_text" in frame else None,
            hovertemplate=hover,
            name="",
        )
    )
    ends = [values - below, values + above]
    finite = np.concatenate([e[np.isfinite(e)] for e in ends])
    if total is not None and math.isfinite(total):
        finite = np.append(finite, total)
    if finite.size:
        lo, hi = float(finite.min()), float(finite.max())
        margin = (hi - lo) * pad if hi > lo else max(abs(hi) * 0.05, 0.5)
        fig.update_xaxes(range=[lo - margin, hi + margin])
    if total is not None and math.isfinite(total):
        fig.add_vline(x=total, line={"color": TOTAL_COLOUR, "width": 2, "dash": "dash"})
        fig.add_annotation(
            x=total,
            y=1,
            yref="paper",
            yanchor="bottom",
            text=total_label,
            showarrow=False,
            font={"color": TOTAL_COLOUR},
            bgcolor="rgba(255,255,255,0.8)",
        )
    for row, (shown, colour) in enumerate(zip(text, colours, strict=True)):
        fig.add_annotation(
            x=1.01,
            xref="paper",
            xanchor="left",
            # the row's place on the category axis (0 at the bottom), not its name: a name that
            # is a number (county 48173) would be read as place 48173 and stretch the axis
            y=len(regions) - 1 - row,
            text=f"<b>{shown}</b>" if colour == ORANGE else shown,
            showarrow=False,
            font={"color": palette.INK},
        )
    _split_line(fig, len(regions), split_after)
    fig.update_yaxes(
        type="category",  # region codes that are numbers (8001) are names, not positions
        categoryorder="array",
        categoryarray=list(reversed(regions)),
        automargin=True,
        title=None,
        showgrid=True,
        gridcolor=palette.GRID_GREY,
    )
    fig.update_xaxes(
        title={"text": axis_title(x_title, AXIS_TITLE_CHARS["full"])},
        zeroline=False,
        tickformat=tickformat,
        automargin=True,
    )
    fig.update_layout(showlegend=False)
    fig = base_layout(fig, title, height=max(260, 26 * len(regions) + 140))
    # the column of values at the right: as wide as its longest text
    right = max([70.0] + [text_px(s) + 16 for s in text])
    fig.update_layout(margin={"l": 10, "r": int(math.ceil(right)), "t": 60, "b": 10})
    return fig


# ----------------------------------------------------------------------------------------------
# Choropleth of an uploaded GeoJSON (offline: MapLibre with the white-bg style)
# ----------------------------------------------------------------------------------------------


def _view(bounds, width: int = 700, height: int = 560) -> tuple[dict, float]:
    """Return a map centre and a zoom level that fit the bounds into the figure."""
    if bounds is None:
        return {"lon": 5.3, "lat": 52.2}, 6.0
    lon_min, lat_min, lon_max, lat_max = bounds
    centre = {"lon": (lon_min + lon_max) / 2, "lat": (lat_min + lat_max) / 2}

    def merc(lat):
        lat = max(min(lat, 85.0), -85.0)
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    lon_span = max(lon_max - lon_min, 1e-6)
    lat_span = max(merc(lat_max) - merc(lat_min), 1e-6)
    zoom = min(
        math.log2(width * 360 / (512 * lon_span)), math.log2(height * 360 / (512 * lat_span))
    )
    return centre, max(0.0, min(zoom - 0.2, 16.0))


def choropleth(
    frame: pd.DataFrame,
    geojson: dict,
    prop: str,
    *,
    title: str,
    colorbar_title: str,
    bounds=None,
    height: int = 560,
) -> go.Figure:
    """Colour the areas of a GeoJSON map by value, offline (``map_style="white-bg"``).

    ``frame`` has columns ``location`` (the feature's value of property ``prop``), ``region``,
    ``value`` and ``text`` (formatted value).
    """
    centre, zoom = _view(bounds, height=height)
    fig = px.choropleth_map(
        frame,
        geojson=geojson,
        locations="location",
        featureidkey=f"properties.{prop}",
        color="value",
        color_continuous_scale=VALUE_SCALE,
        map_style="white-bg",
        center=centre,
        zoom=zoom,
        hover_name="region",
        custom_data=["text"],
        opacity=0.9,
    )
    fig.update_traces(
        hovertemplate="<b>%{hovertext}</b><br>%{customdata[0]}<extra></extra>",
        marker_line_color="white",
        marker_line_width=0.8,
    )
    fig.update_layout(coloraxis_colorbar={"title": {"text": colorbar_title}})
    return base_layout(fig, title, height=height)


def _split_line(fig: go.Figure, n_regions: int, split_after: int | None) -> None:
    """Draw a dotted line after the first ``split_after`` rows of a trimmed ranking."""
    if split_after is not None and 0 < split_after < n_regions:
        y = n_regions - split_after - 0.5
        fig.add_shape(
            type="line",
            xref="paper",
            x0=0,
            x1=1,
            yref="y",
            y0=y,
            y1=y,
            line={"color": palette.MARK_GREY, "width": 1, "dash": "dot"},
        )
