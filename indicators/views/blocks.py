"""The parts a view is made of: headings, sentences, HTML, figures, tables, downloads, columns.

A view (:class:`View`) is what a page shows for the user's choices, as plain data: no Streamlit,
no widgets. The pages hand it to :func:`indicators.ui.render.render`; the HTML report (a later
issue) turns the same blocks into a file, so page and report never drift apart.

Texts in blocks are ready to show: sentences are markdown whose text from a file is escaped
(:mod:`indicators.views.escape`), HTML is built from escaped parts. The figure of a
:class:`Chart` is a plotly figure built by :mod:`indicators.charts`; a block only carries it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

TONES = ("plain", "caption", "info", "warning", "success", "error")


@dataclass(frozen=True)
class Heading:
    """A section heading; ``level`` 1 is the page title, 2 a section, 3 a sub-section."""

    text: str
    level: int = 2
    divider: bool = False


@dataclass(frozen=True)
class Text:
    """A paragraph of markdown: a sentence, a caption, or a note (info, warning, success)."""

    text: str
    tone: str = "plain"
    icon: str | None = None
    html: bool = False  # the markdown carries HTML of its own (built from escaped parts)

    def __post_init__(self):
        if self.tone not in TONES:
            raise ValueError(f"unknown tone {self.tone!r}; known: {', '.join(TONES)}")


@dataclass(frozen=True)
class Html:
    """A block of HTML built from escaped parts (tiles, a legend)."""

    html: str


@dataclass(frozen=True)
class Chart:
    """A plotly figure, with an optional key (to keep it apart from others) and caption."""

    figure: Any
    key: str | None = None
    caption: str | None = None


@dataclass(frozen=True)
class Table:
    """The numbers behind a view: a frame with readable column names, values formatted."""

    frame: pd.DataFrame
    caption: str | None = None
    key: str | None = None
    column_help: dict = field(default_factory=dict)  # column -> what it means (a tooltip)
    highlight: tuple = ()  # row positions to mark
    width: str = "stretch"  # or "content": as wide as the columns need
    static: bool = False  # a small table shown whole (no scrolling, sorting): a few lines of text


@dataclass(frozen=True)
class Download:
    """A file to take away: CSV or Excel of the numbers behind a view."""

    label: str
    data: bytes
    file_name: str
    mime: str
    key: str | None = None


@dataclass(frozen=True)
class Columns:
    """Blocks side by side: one tuple of blocks per column (``widths`` relative)."""

    columns: tuple
    widths: tuple | None = None


@dataclass(frozen=True)
class Expander:
    """Blocks folded away under a label (details, the numbers behind a chart)."""

    label: str
    blocks: tuple
    expanded: bool = False
    icon: str | None = None


@dataclass(frozen=True)
class PageLink:
    """A way to another page of the dashboard with its choices set (``page`` its url path,
    ``params`` the query parameters its widgets read): a button on a page; a report, which has
    no pages, leaves it out."""

    label: str
    page: str
    params: dict = field(default_factory=dict)
    key: str | None = None


Block = Heading | Text | Html | Chart | Table | Download | Columns | Expander | PageLink


@dataclass
class View:
    """What a page shows for one set of choices: its blocks in order."""

    blocks: list = field(default_factory=list)

    def add(self, *blocks) -> View:
        self.blocks.extend(b for b in blocks if b is not None)
        return self

    def walk(self) -> Iterator:
        """Every block, the ones inside columns and expanders too, in reading order."""
        stack = list(reversed(self.blocks))
        while stack:
            block = stack.pop()
            yield block
            if isinstance(block, Columns):
                stack.extend(reversed([b for col in block.columns for b in col]))
            elif isinstance(block, Expander):
                stack.extend(reversed(block.blocks))

    def texts(self) -> list[str]:
        """Every heading and sentence, for tests and the report's table of contents."""
        return [b.text for b in self.walk() if isinstance(b, (Heading, Text))]

    def charts(self) -> list:
        return [b.figure for b in self.walk() if isinstance(b, Chart)]

    def tables(self) -> list[pd.DataFrame]:
        return [b.frame for b in self.walk() if isinstance(b, Table)]
