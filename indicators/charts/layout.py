"""Room for text and shared layout of the figures: titles, wrapping, legends, tick formats."""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from indicators.registry.catalog import shown_decimals

TEMPLATE = "plotly_white"
FONT = {"family": "Source Sans Pro, Arial, sans-serif"}


def base_layout(fig: go.Figure, title: str | None, height: int | None = None) -> go.Figure:
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


def year_labels(years: Sequence) -> list[str]:
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
        need = -math.floor(math.log10(nice_step(span, most=12)) + 1e-9) if span > 0 else 0
        if need > d:
            d = min(need, d + 4)
            return f".{d}~%" if is_share else f",.{d}~f"
        decimals = d
    if is_share:
        return ".4~%" if decimals is None else f".{int(decimals)}%"
    return "" if decimals is None else f",.{int(decimals)}f"


def nice_step(span: float, most: int = 6) -> float:
    """Return the smallest of 1, 2 or 5 times a power of ten that cuts ``span`` into at most
    ``most`` steps.

    >>> nice_step(0.035), nice_step(0.009), nice_step(1.5)
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
