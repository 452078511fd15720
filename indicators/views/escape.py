"""Text from a file, made safe to show: in HTML, and in markdown that allows HTML.

A region, column, label or unit comes from the user's file and may hold tags, links, images
or formulas; these functions make it show as written, on one line (a blank line would end an
HTML block and turn the rest into markdown, where an image is fetched).
"""

from __future__ import annotations

import html


def html_text(text) -> str:
    """Return text from a file for HTML: tags escaped, quotes too, on one line.

    >>> html_text("<b>Noord</b>\\n\\nHolland")
    '&lt;b&gt;Noord&lt;/b&gt; Holland'
    """
    return html.escape(" ".join(str(text).split()), quote=True)


def markdown_text(text) -> str:
    """Return text from a file for markdown that allows HTML: no tag, link, image or formula
    of its own (``[``, ``]``, ``$`` and backslashes escaped), on one line; other punctuation
    stays as written, for the sentences around it.

    >>> markdown_text("![x](http://t) $5")
    '!\\\\[x\\\\](http://t) \\\\$5'
    """
    flat = html.escape(" ".join(str(text).split()), quote=False)
    return "".join("\\" + ch if ch in "\\[]$`" else ch for ch in flat)


def escape_markdown(text: str) -> str:
    """Return ``text`` with the characters markdown would act on inside a sentence escaped, so
    it shows as written (no link, image, emphasis or formula)."""
    return "".join("\\" + ch if ch in "\\`*_{}[]()#!<>|~$" else ch for ch in str(text))
