"""Text from a file, made safe to show: in HTML, and in markdown that allows HTML.

A region, column, label or unit comes from the user's file and may hold tags, links, images
or formulas; these functions make it show as written, on one line (a blank line would end an
HTML block and turn the rest into markdown, where an image is fetched).
"""

from __future__ import annotations

import html
import re


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

    >>> print(markdown_text("![x](http://t) $5").replace(WORD_JOINER, "|"))
    !\\[x\\](http|://t) \\$5
    """
    flat = html.escape(" ".join(str(text).split()), quote=False)
    return _no_autolink("".join("\\" + ch if ch in "\\[]$`" else ch for ch in flat))


def escape_markdown(text: str) -> str:
    """Return ``text`` with the characters markdown would act on inside a sentence escaped, so
    it shows as written (no link, image, emphasis or formula)."""
    return _no_autolink(
        "".join("\\" + ch if ch in "\\`*_{}[]()#!<>|~$" else ch for ch in str(text))
    )


WORD_JOINER = "\u2060"  # invisible, no break: splits what markdown would link by itself


def _no_autolink(text: str) -> str:
    """Break what markdown would turn into a link by itself (``http://...``, ``www.``, an
    e-mail address) with an invisible word joiner before ``://``, the dot after ``www`` and
    the ``@`` of an address. A backslash escape does not do it: Streamlit's markdown finds
    such links in the text after escapes are read. Other text stays as it is.

    >>> _no_autolink("see http://x.nl or www.x.nl, a@b.nl").replace(WORD_JOINER, "|")
    'see http|://x.nl or www|.x.nl, a|@b.nl'
    """
    out = text.replace("://", WORD_JOINER + "://")
    out = re.sub(r"(?<=\w)@(?=\w)", WORD_JOINER + "@", out)
    return re.sub(r"(?i)\bwww\.", lambda m: m.group(0)[:-1] + WORD_JOINER + ".", out)
