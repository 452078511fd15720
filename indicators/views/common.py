"""What every view shares: a figure with the language's number marks and its source line."""

from __future__ import annotations

from indicators.text import text
from indicators.views.blocks import Chart


def chart(fig, lang: str, source: str | None = None, *, key: str | None = None) -> Chart:
    """Return a figure as a block, its numbers written as ``lang`` writes them (a decimal comma
    in Dutch) and, when given, the data source under it."""
    fig.update_layout(separators=",." if lang == "nl" else ".,")
    caption = f"{text('common.source', lang)}: {source}" if source else None
    return Chart(fig, key=key, caption=caption)
