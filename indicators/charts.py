"""Chart builders: tidy frames in, plotly figures out (no Streamlit).

Titles, axis titles, labels and formatted numbers are passed in by the caller (from the
registry, in the user's language); the builders only draw. Colours are colour-blind safe
(Okabe-Ito for categories, a single-hue blue scale for values), the template is
``plotly_white``. Years are drawn as ordered categories so that periods such as "2019-Q1" work
as well as 2014.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
from plotly.colors import sample_colorscale

from indicators.registry import shown_decimals

TEMPLATE = "plotly_white"
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)
BLUE, ORANGE, GREEN, VERMILLION = OKABE_ITO[:4]
TOTAL_COLOUR = "#000000"
MISSING_COLOUR = "#E5E5E5"
# Light to dark blue (ColorBrewer Blues, colour-blind safe): darker means a higher value.
VALUE_SCALE = "Blues"
FONT = {"family": "Source Sans Pro, Arial, sans-serif"}


def _base(fig: go.Figure, title: str | None, height: int | None = None) -> go.Figure:
    fig.update_layout(
        template=TEMPLATE,
        title={"text": title, "x": 0, "xanchor": "left"} if title else None,
        font=FONT,
        margin={"l": 10, "r": 10, "t": 60 if title else 10, "b": 10},
    )
    if height:
        fig.update_layout(height=height)
    return fig


# ----------------------------------------------------------------------------------------------
# Room for text: plotly does not wrap, so long titles and names are broken here
# ----------------------------------------------------------------------------------------------


def wrap_title(title: str, width: int = 70) -> str:
    """Break a long chart title into lines of at most ``width`` characters (``<br>``).

    Examples
    --------
    >>> wrap_title("Life satisfaction in 2024: rank by mean versus rank by P10", 30)
    'Life satisfaction in 2024:<br>rank by mean versus rank by<br>P10'
    """
    lines, line = [], ""
    for word in title.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "<br>".join(lines)


# Room for text, in characters and pixels. Plotly does not wrap text: an axis title longer than
# its axis is cut at the figure's edge, and a legend row that does not fit starts another row
# (upwards, over the title, when the legend stands above the plot). So long titles are wrapped
# here, the legend stands under the plot with room for the rows it needs, and the axes grow
# the margins to fit their longest label (automargin).
AXIS_TITLE_CHARS = {"full": 80, "half": 42, "vertical": 50}
LEGEND_ROW_PX = 620  # the width a legend row is assumed to have: a laptop's main column
HALF_LEGEND_ROW_PX = 330  # a half-width column
HALF_TITLE_CHARS = 52  # a chart title in a half-width column (bold, 16 px)


def axis_title(title: str | None, width: int) -> str | None:
    """Wrap an axis title at ``width`` characters; a unit in brackets at the end goes on a
    line of its own rather than being split ("... income<br>(euro per year)").

    >>> axis_title("Standardised disposable household income (euro per year)", 50)
    'Standardised disposable household income<br>(euro per year)'
    >>> axis_title("Life satisfaction (score 0-10)", 50)
    'Life satisfaction (score 0-10)'
    """
    if not title or len(title) <= width:
        return title
    head, sep, unit = title.rpartition(" (")
    if sep and head:
        return f"{wrap_title(head, width)}<br>{wrap_title('(' + unit, width)}"
    return wrap_title(title, width)


def wrap_name(name: str, width: int = 16) -> str:
    """Break a long name into lines of about ``width`` characters, after a space or a hyphen
    (``<br>``); a name without either stays whole.

    >>> wrap_name("Nordrhein-Westfalen"), wrap_name("Utrecht"), wrap_name("Súdwest-Fryslân")
    ('Nordrhein-<br>Westfalen', 'Utrecht', 'Súdwest-Fryslân')
    """
    if len(name) <= width:
        return name
    words, word = [], ""
    for ch in name:
        word += ch
        if ch in " -":
            words.append(word)
            word = ""
    words.append(word)
    lines, line = [], ""
    for w in words:
        if line and len(line) + len(w.rstrip()) > width:
            lines.append(line.rstrip())
            line = w
        else:
            line += w
    lines.append(line)
    return "<br>".join(lines)


def text_px(text: str, size: float = 12) -> float:
    """Return the rough width in pixels of one line of chart text (tags such as <b> left out).

    >>> text_px("Utrecht"), text_px("<b>Utrecht</b>", 14)
    (46.2, 53.9)
    """
    plain, inside = [], False
    for ch in str(text):
        if ch == "<":
            inside = True
        elif ch == ">":
            inside = False
        elif not inside:
            plain.append(ch)
    return round(0.55 * size * len(plain), 1)


def legend_rows(labels: Sequence[str], width: float = LEGEND_ROW_PX) -> int:
    """Return how many rows a horizontal legend of ``labels`` needs within ``width`` pixels
    (each entry: its symbol, its text at 12 px and a gap; an entry wider than a row gets one).

    >>> legend_rows(["Mean", "Median"]), legend_rows(["x" * 60] * 3, 620)
    (1, 3)
    """
    rows, used = (1 if labels else 0), 0.0
    for label in labels:
        entry = 50 + text_px(label)
        if used and used + entry > width:
            rows, used = rows + 1, entry
        else:
            used += entry
    return rows


def _year_labels(years: Sequence) -> list[str]:
    return [str(y) for y in years]


def value_tickformat(decimals: int | None, is_share: bool = False, values=None) -> str:
    """Return a d3 tick format for values: shares as percentages, others with ``decimals``
    (None: as few as needed). The axis counterpart of :func:`indicators.registry.format_display`
    (with the same decimals an axis tick reads as the tile, the table and the sentence: 18.4%).

    With the ``values`` on the axis, small values in whole units get the decimals the tiles
    give them (:func:`indicators.registry.shown_decimals`), and values close together the
    decimals that keep ticks apart (as many as needed, up to four more: 29.8, 30, 30.2 rather
    than 30, 30, 30).

    >>> value_tickformat(2), value_tickformat(1, is_share=True), value_tickformat(None, True)
    (',.2f', '.1%', '.4~%')
    >>> value_tickformat(0, values=[29.3, 30.1]), value_tickformat(0, values=[29.31, 29.32])
    (',.1f', ',.3~f')
    >>> value_tickformat(0, values=[31000.0, 33500.0])
    ',.0f'
    """
    if decimals is not None and values is not None:
        x = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)
        x = x[np.isfinite(x)]
        d = shown_decimals(decimals, x, is_share=is_share)
        span = float(x.max() - x.min()) * (100 if is_share else 1) if x.size else 0.0
        # ticks are 1, 2 or 5 times a power of ten, at most about 12 on an axis
        need = -math.floor(math.log10(_nice_step(span, most=12)) + 1e-9) if span > 0 else 0
        if need > d:
            d = min(need, d + 4)
            return f".{d}~%" if is_share else f",.{d}~f"
        decimals = d
    if is_share:
        return ".4~%" if decimals is None else f".{int(decimals)}%"
    return "" if decimals is None else f",.{int(decimals)}f"


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
            f'font-size="10" fill="#6b6b6b">{html.escape(label)}</text>'
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
            text_colour, shown = "#444444", missing_text
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
    fig = _base(fig, title, height=row_height * n_rows + 70)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 60, "b": 10})
    return fig


# ----------------------------------------------------------------------------------------------
# Ranked bars
# ----------------------------------------------------------------------------------------------


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
        Columns ``region``, ``value``, ``text`` (formatted value) and optionally ``se``
        (standard error: error bars of +-1.96 se, an approximate 95% interval).
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
    error = None
    if "se" in frame and np.isfinite(frame["se"].astype(float)).any():
        error = {
            "type": "data",
            "array": (1.96 * frame["se"].astype(float)).fillna(0).tolist(),
            "color": "#555555",
            "thickness": 1.2,
            "width": 4,
        }
    text = frame["text"].tolist() if "text" in frame else None
    hover = "%{y}: %{text}"
    counts = frame["n_text"].tolist() if "n_text" in frame else None
    if counts is not None:  # what each value rests on: "n = 1,502"
        hover += "<br>%{customdata}"
    if error is not None and error_label:
        hover += f"<br>{error_label}: ±%{{error_x.array:.3g}}"
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
            hovertemplate=hover + "<extra></extra>",
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
    return _base(fig, title, height=max(260, 26 * len(regions) + 140))


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
    half = np.zeros_like(values)
    error = None
    if "se" in frame and np.isfinite(frame["se"].astype(float)).any():
        half = np.nan_to_num(1.96 * frame["se"].astype(float).to_numpy(), nan=0.0)
        error = {
            "type": "data",
            "array": half.tolist(),
            "color": "#555555",
            "thickness": 1.5,
            "width": 5,
        }
    text = frame["text"].tolist() if "text" in frame else [f"{v:g}" for v in values]
    hover = "%{y}: %{text}"
    counts = frame["n_text"].tolist() if "n_text" in frame else None
    if counts is not None:  # what each value rests on: "n = 1,502"
        hover += "<br>%{customdata}"
    if error is not None and error_label:
        hover += f"<br>{error_label}: ±%{{error_x.array:.3g}}"
    fig = go.Figure(
        go.Scatter(
            x=values.tolist(),
            y=regions,
            mode="markers",
            marker={"color": colours, "size": 11, "line": {"color": "white", "width": 1}},
            error_x=error,
            text=text,
            customdata=counts,
            hovertemplate=hover + "<extra></extra>",
            name="",
        )
    )
    ends = [values - half, values + half]
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
            font={"color": "#333333"},
        )
    _split_line(fig, len(regions), split_after)
    fig.update_yaxes(
        type="category",  # region codes that are numbers (8001) are names, not positions
        categoryorder="array",
        categoryarray=list(reversed(regions)),
        automargin=True,
        title=None,
        showgrid=True,
        gridcolor="#EEEEEE",
    )
    fig.update_xaxes(
        title={"text": axis_title(x_title, AXIS_TITLE_CHARS["full"])},
        zeroline=False,
        tickformat=tickformat,
        automargin=True,
    )
    fig.update_layout(showlegend=False)
    fig = _base(fig, title, height=max(260, 26 * len(regions) + 140))
    # the column of values at the right: as wide as its longest text
    right = max([70.0] + [text_px(s) + 16 for s in text])
    fig.update_layout(margin={"l": 10, "r": int(math.ceil(right)), "t": 60, "b": 10})
    return fig


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
) -> go.Figure:
    """Draw one line per region over the years; the Total black and thicker.

    Parameters
    ----------
    frame : DataFrame
        Columns ``region``, ``year``, ``value`` and optionally ``text`` (formatted values for
        hover). Missing values leave a gap.
    years : sequence
        All years in time order (the x axis categories).
    total : str
        The region value of all regions together.
    names : mapping, optional
        Display names of regions (e.g. the translated Total).
    tickformat : str
        d3 format of the y axis numbers (:func:`value_tickformat`: shares as percentages, as
        the tiles show them); also used on hover when there is no ``text``.
    """
    names = dict(names or {})
    labels = _year_labels(years)
    # a year not in the data at all (a survey of 2016, 2018 and 2021) keeps its place on the
    # axis, and the lines run past it; a region without a value in a year of the data leaves
    # a gap
    in_data = set(_year_labels(frame["year"]))
    points = [y for y in labels if y in in_data]
    fig = go.Figure()
    regions = list(dict.fromkeys(frame["region"]))
    regions = [r for r in regions if r == total] + [r for r in regions if r != total]
    palette = [c for c in OKABE_ITO if c != TOTAL_COLOUR]
    colour_i = 0
    for region in regions:
        part = frame[frame["region"] == region]
        by_year = dict(zip(_year_labels(part["year"]), part["value"].astype(float), strict=True))
        texts = (
            dict(zip(_year_labels(part["year"]), part["text"], strict=True))
            if "text" in part
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
                mode="lines+markers",
                name=names.get(region, str(region)),
                line=line,
                marker={"size": 7 if is_total else 5},
                connectgaps=False,
                hovertemplate="%{fullData.name}, %{x}: "
                + ("%{text}" if texts else f"%{{y:{tickformat}}}" if tickformat else "%{y}")
                + "<extra></extra>",
            )
        )
    fig.update_xaxes(
        type="category", categoryorder="array", categoryarray=labels, title={"text": x_title}
    )
    fig.update_yaxes(title={"text": y_title}, tickformat=tickformat)
    fig.update_layout(legend={"orientation": "h", "y": -0.15, "x": 0}, hovermode="closest")
    return _base(fig, title, height=460)


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
    axis = _year_labels(years if years is not None else spread["year"])
    at = {y: i for i, y in enumerate(_year_labels(spread["year"]))}

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
    return _base(fig, title, height=380)


def _nice_step(span: float, most: int = 6) -> float:
    """Return the smallest of 1, 2 or 5 times a power of ten that cuts ``span`` into at most
    ``most`` steps.

    >>> _nice_step(0.035), _nice_step(0.009), _nice_step(1.5)
    (0.01, 0.002, 0.5)
    """
    if not span > 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(span / most))
    for factor in (1, 2, 5, 10):
        step = factor * power
        if span / step <= most + 1e-9:
            return float(f"{step:.12g}")
    return 10 * power


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
    axis = _year_labels(years if years is not None else spread["year"])
    by_year = dict(zip(_year_labels(spread["year"]), spread["ratio"].astype(float), strict=True))
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
        step = _nice_step(top - 1)
        decimals = max(2, -math.floor(math.log10(step) + 1e-9))
        fig.update_yaxes(range=[1, top], tick0=1, dtick=step, tickformat=f".{decimals}f")
    else:
        fig.update_yaxes(tickformat=".2f")
    fig.update_xaxes(
        type="category", categoryorder="array", categoryarray=axis, title={"text": x_title}
    )
    fig.update_yaxes(title={"text": y_title})
    fig.update_layout(showlegend=False)
    return _base(fig, title, height=380)


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
    return _base(fig, title, height=height)


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
            line={"color": "#777777", "width": 1, "dash": "dot"},
        )
