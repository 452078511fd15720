"""The one palette: every colour the charts and pages use (Okabe-Ito, ColorBrewer Blues)."""

from __future__ import annotations

# Okabe-Ito green means better, vermillion worse; grey when unchanged or unknown.
# Keys are the directions of indicators.analyses.tiles (better, worse, same, unknown, neutral,
# unclear); a test checks that every direction has its colour.
DIRECTION_COLOURS = {
    "better": "#009E73",
    "worse": "#D55E00",
    "same": "#7F7F7F",
    "unknown": "#7F7F7F",
    "neutral": "#7F7F7F",
    "unclear": "#7F7F7F",
}

PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#000000",
)
MOVED_COLOUR, STEADY_COLOUR = "#D55E00", "#56B4E9"
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
# Greys for text, lines and grids (neutral, not data colours)
BLACK = "#000000"
INK = "#333333"  # annotation text and reference lines
TICK_GREY = "#444444"  # tick labels, a missing value's text
LABEL_GREY = "#555555"  # secondary labels
MUTED_GREY = "#6b6b6b"  # sparkline labels
MARK_GREY = "#777777"  # markers and dotted lines that are not data
GRID_GREY = "#EEEEEE"
HIDES_BACKGROUND = "#FDF0E6"  # behind "the average hides this" (a pale vermillion)
# well-being levels low, medium, high (vermillion, grey, green), and counts of unfavourable
# outcomes 0, 1, 2, 3+ ... from light blue to the darkest red
LEVEL_COLOURS = ("#D55E00", "#BDBDBD", "#009E73")
COUNT_COLOURS = ("#DEEBF7", "#9ECAE1", "#4292C6", "#D55E00", "#8C2D04", "#4D1600")
