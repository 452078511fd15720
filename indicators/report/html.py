"""The report as one standalone HTML file: the views' blocks, the definitions, the facts.

Every block of a view (:mod:`indicators.views.blocks`) has its HTML here, as
:mod:`indicators.ui.render` has its Streamlit element: sentences are markdown (their text from
the user's file already escaped by the views) rendered with raw HTML refused unless the block
says it carries HTML of its own built from escaped parts; tables are built cell by cell, every
cell escaped; a chart is plotly's HTML, plotly.js embedded with the first chart only, so the
file works offline. Each chart has PNG and SVG buttons (drawn in the browser by plotly.js).

>>> from indicators.views.blocks import Text
>>> blocks_html([Text("<script>x</script> **bold**")])
'<p>&lt;script&gt;x&lt;/script&gt; <strong>bold</strong></p>\\n'
"""

from __future__ import annotations

import html as _html
import io
import re

import pandas as pd
from markdown_it import MarkdownIt

from indicators.charts import palette
from indicators.dataset.validation_report import shape_text
from indicators.registry.explain import document
from indicators.report.contents import build_sections, used_indicators
from indicators.text import text
from indicators.views.blocks import (
    Chart,
    Columns,
    Download,
    Expander,
    Heading,
    Html,
    PageLink,
    Table,
    Text,
)

__all__ = ["blocks_html", "report_html", "markdown_html", "table_html", "CHART_CONFIG"]

CHART_CONFIG = {"displaylogo": False, "responsive": True}
ICON = re.compile(r":material/[a-z_]+:\s?")  # Streamlit's icon marks: no icon font offline
COLOURED = re.compile(r":(gray|grey|green|red|orange|blue|violet)\[([^\]]*)\]")


def _markdown(allow_html: bool) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": allow_html, "linkify": False})
    md.disable(["image", "autolink"])  # nothing is fetched; a link is only ever text
    md.validateLink = lambda url: False  # no link at all: a report's texts have none
    return md


PLAIN, WITH_HTML = _markdown(False), _markdown(True)


def markdown_html(source: str, allow_html: bool = False) -> str:
    """Return the HTML of a markdown text: raw HTML in it escaped unless ``allow_html``.

    >>> markdown_html("a [link](https://x.nl) and <b>tag</b>")
    '<p>a [link](https://x.nl) and &lt;b&gt;tag&lt;/b&gt;</p>\\n'
    """
    source = ICON.sub("", str(source))
    source = COLOURED.sub(lambda m: m.group(2), source)
    return (WITH_HTML if allow_html else PLAIN).render(source)


def _inline(source: str) -> str:
    """Markdown of one line (a heading, a label) as inline HTML."""
    out = markdown_html(source).strip()
    if out.startswith("<p>") and out.endswith("</p>"):
        out = out[3:-4]
    return out


def _esc(value) -> str:
    return _html.escape("" if value is None else str(value), quote=True)


def _cell(value, lang: str = "en") -> str:
    if value is None or (isinstance(value, float) and value != value):
        return "–"
    if isinstance(value, bool):
        return "✓" if value else ""
    if isinstance(value, float):  # a raw number (a download's): four significant digits
        if abs(value) >= 1000:  # 8,292,416 (8.292.416 in Dutch)
            shown = f"{value:,.0f}"
            return shown.replace(",", ".") if lang == "nl" else shown
        shown = f"{value:.4g}"
        return shown.replace(".", ",") if lang == "nl" else shown
    return _esc(value)


def table_html(frame, caption: str | None = None, highlight=(), lang: str = "en") -> str:
    """Return an HTML table of a frame: the header and every cell escaped, numbers right."""
    if hasattr(frame, "data") and not isinstance(frame, pd.DataFrame):  # a pandas Styler
        frame = frame.data
    frame = pd.DataFrame(frame)
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    head = "".join(f"<th>{_esc(c)}</th>" for c in frame.columns)
    rows = []
    marked = set(highlight or ())
    for i, values in enumerate(frame.itertuples(index=False, name=None)):
        cells = "".join(
            f'<td class="num">{_cell(v, lang)}</td>' if num else f"<td>{_cell(v, lang)}</td>"
            for v, num in zip(values, numeric, strict=True)
        )
        rows.append(f'<tr class="mark">{cells}</tr>' if i in marked else f"<tr>{cells}</tr>")
    cap = f'<p class="caption">{_inline(caption)}</p>' if caption else ""
    return (
        f'<div class="table"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>{cap}\n"
    )


def csv_frame(data: bytes, lang: str) -> pd.DataFrame:
    """Read a download's CSV (as :func:`indicators.io.export.to_csv` wrote it) back."""
    sep, decimal = (";", ",") if lang == "nl" else (",", ".")
    return pd.read_csv(
        io.BytesIO(data), sep=sep, decimal=decimal, encoding="utf-8-sig", keep_default_na=False
    )


class _Charts:
    """Numbers the charts of one file and embeds plotly.js with the first one only."""

    def __init__(self, embed: bool = True):
        self.count = 0
        self.embed = embed

    def html(self, block: Chart, lang: str) -> str:
        self.count += 1
        div = f"chart-{self.count}"
        name = chart_file_name(block.figure, self.count)
        fig = block.figure.to_html(
            full_html=False,
            include_plotlyjs=self.embed and self.count == 1,
            div_id=div,
            config={
                **CHART_CONFIG,
                "toImageButtonOptions": {"format": "png", "scale": 2, "filename": name},
            },
        )
        buttons = "".join(
            f"<button type=\"button\" onclick=\"bwImage('{div}', '{fmt}', '{name}')\">"
            f"{_esc(text(f'report.image_{fmt}', lang))}</button>"
            for fmt in ("png", "svg")
        )
        cap = f'<p class="caption">{_inline(block.caption)}</p>' if block.caption else ""
        return f'<figure class="chart">{fig}<div class="images">{buttons}</div>{cap}</figure>\n'


def chart_file_name(figure, number: int) -> str:
    """Return a file name (no extension) for a chart: its number and title, plain letters.

    >>> import types
    >>> fig = types.SimpleNamespace(layout=types.SimpleNamespace(title=types.SimpleNamespace(text="Life <b>satisfaction</b>, 2024")))
    >>> chart_file_name(fig, 3)
    'chart_03_life_satisfaction_2024'
    """
    title = getattr(getattr(getattr(figure, "layout", None), "title", None), "text", None) or ""
    title = re.sub(r"<[^>]*>", " ", str(title))
    slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:60].strip("_")
    return f"chart_{number:02d}" + (f"_{slug}" if slug else "")


def blocks_html(blocks, lang: str = "en", charts: _Charts | None = None, level: int = 2) -> str:
    """Return the HTML of blocks (a view's, or a list); ``level`` is the HTML heading level of
    a view's level-1 heading."""
    charts = charts or _Charts()
    out = []
    for block in getattr(blocks, "blocks", blocks):
        out.append(_one(block, lang, charts, level))
    return "".join(out)


def _one(block, lang: str, charts: _Charts, level: int) -> str:
    if isinstance(block, Heading):
        n = min(6, level + max(0, block.level - 1))
        return f"<h{n}>{_inline(block.text)}</h{n}>\n"
    if isinstance(block, Text):
        body = markdown_html(block.text, allow_html=block.html)
        if block.tone == "plain":
            return body
        return f'<div class="note {block.tone}">{body}</div>\n'
    if isinstance(block, Html):
        return f'<div class="html">{block.html}</div>\n'
    if isinstance(block, Chart):
        return charts.html(block, lang)
    if isinstance(block, Table):
        return table_html(block.frame, block.caption, block.highlight, lang)
    if isinstance(block, Download):
        # the numbers behind a view, as the page's CSV download has them: shown as a table
        if not isinstance(block.data, bytes) or not block.file_name.endswith(".csv"):
            return ""
        frame = csv_frame(block.data, lang)
        label = _esc(block.file_name)
        fold = "" if len(frame) > 20 else " open"  # a long table folded: its summary says so
        return (
            f"<details{fold}><summary>{label}</summary>{table_html(frame, lang=lang)}</details>\n"
        )
    if isinstance(block, Columns):
        # one under the other: a chart drawn in half the width of a page is cut off by the
        # next one, and a report is read (and printed) top to bottom
        inner = "".join(
            f'<div class="col">{blocks_html(col, lang, charts, level)}</div>'
            for col in block.columns
        )
        return f'<div class="columns">{inner}</div>\n'
    if isinstance(block, Expander):
        if not block.blocks:
            return ""
        inner = blocks_html(block.blocks, lang, charts, level)
        if not inner.strip():
            return ""
        return f"<details open><summary>{_inline(block.label)}</summary>{inner}</details>\n"
    if isinstance(block, PageLink):  # a report has no pages to go to
        return ""
    raise TypeError(f"cannot write {type(block).__name__} as HTML")


def _t(key: str, lang: str, **values) -> str:
    return text(f"report.{key}", lang, **values)


def about_rows(data, sections, lang: str) -> list[tuple[str, str]]:
    """Return the facts of a report (label, value): data, date, kind, small cells, ..."""
    intervals = "intervals_micro" if data.shape == "microdata" else "intervals_aggregates"
    return [
        (_t("about_source", lang), data.source),
        (_t("about_date", lang), data.made.isoformat()),
        (_t("about_shape", lang), shape_text(data.prepared, lang)),
        (_t("about_min_n", lang), _t("min_n_rule", lang, n=data.min_n)),
        (_t("about_intervals", lang), _t(intervals, lang)),
        (_t("about_lang", lang), _t("lang_name", lang)),
        (_t("about_views", lang), ", ".join(s.title for s in sections)),
    ]


def definition_rows(data, sections, lang: str) -> list:
    """Return the documentation of every indicator the report shows."""
    return [document(ind, data.registry, lang) for ind in used_indicators(data, sections)]


def _definitions_html(docs, lang: str) -> str:
    parts = [
        f'<section id="definitions"><h2>{_esc(_t("definitions", lang))}</h2>',
        f"<p>{_esc(_t('definitions_intro', lang))}</p>",
    ]
    for doc in docs:
        rows = [
            ("def_measure", doc.measure),
            ("def_unit", doc.unit),
            ("def_dimension", doc.dimension),
            ("def_polarity", doc.polarity),
            ("def_rationale", doc.rationale),
            ("def_reference", doc.reference),
        ]
        items = "".join(
            f"<dt>{_esc(_t(key, lang))}</dt><dd>{_esc(value)}</dd>" for key, value in rows if value
        )
        desc = f"<p>{_esc(doc.description)}</p>" if doc.description else ""
        parts.append(
            f'<div class="definition"><h3>{_esc(doc.label)} <code>{_esc(doc.id)}</code></h3>'
            f"{desc}<dl>{items}</dl></div>"
        )
    parts.append("</section>\n")
    return "".join(parts)


STYLE = """
:root { --ink:rgb(49,51,63); --muted:rgba(49,51,63,.65); --line:rgba(49,51,63,.18); }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
  margin: 0; background: #fff; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1 { font-size: 2rem; margin: 0 0 .25rem; } h2 { font-size: 1.5rem; margin: 2.5rem 0 .5rem;
  padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
section.view > h2 { border-bottom: 3px solid ACCENT; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 .4rem; } h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.made, .caption, .note.caption { color: var(--muted); font-size: .875rem; }
.note { border-radius: .5rem; padding: .6rem 1rem; margin: .6rem 0; }
.note p { margin: .2rem 0; } .note.caption { padding: 0; margin: .2rem 0; }
.note.info { background: rgba(28,131,225,.1); } .note.warning { background: rgba(255,189,69,.2); }
.note.success { background: rgba(33,195,84,.12); } .note.error { background: rgba(255,43,43,.1); }
.table { overflow-x: auto; margin: .6rem 0; }
table { border-collapse: collapse; font-size: .875rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .6rem; text-align: left;
  vertical-align: top; } th { background: rgba(49,51,63,.05); } td.num { text-align: right; }
tr.mark td { background: rgba(255,189,69,.25); }
table.about th { background: none; width: 12rem; }
figure.chart { margin: 1rem 0; } .images { text-align: right; }
.images button { font-size: .75rem; margin-left: .4rem; border: 1px solid var(--line);
  background: #fff; border-radius: .3rem; padding: .15rem .6rem; cursor: pointer; }
details { margin: .6rem 0; } summary { cursor: pointer; font-weight: 600; }
.columns .col { min-width: 0; }
nav ol { columns: 2; } .definition dl { display: grid; grid-template-columns: 10rem 1fr;
  gap: .2rem 1rem; } .definition dt { color: var(--muted); } .definition dd { margin: 0; }
@media print { .images { display: none; } details > summary { list-style: none; } }
"""

STYLE = STYLE.replace("ACCENT", palette.PALETTE[0])  # the palette's blue

SCRIPT = """
function bwImage(id, format, name) {
  var div = document.getElementById(id);
  Plotly.downloadImage(div, {format: format, filename: name, scale: format === 'png' ? 2 : 1,
                             width: div.offsetWidth, height: div.offsetHeight});
}
"""


def report_html(data, views=None, lang: str = "en", choices: dict | None = None) -> str:
    """Return the report of ``views`` (names of :data:`~indicators.report.contents.REPORT_VIEWS`;
    all by default) over ``data`` in ``lang`` as one HTML document that works offline."""
    sections = build_sections(data, views, lang, choices)
    return document_html(data, sections, lang)


def document_html(data, sections, lang: str) -> str:
    """Return the HTML document of built sections (:func:`build_sections`)."""
    charts = _Charts()
    title = _t("title", lang)
    about = "".join(
        f"<tr><th>{_esc(k)}</th><td>{_esc(v)}</td></tr>"
        for k, v in about_rows(data, sections, lang)
    )
    toc = "".join(f'<li><a href="#view-{s.name}">{_esc(s.title)}</a></li>' for s in sections)
    toc += f'<li><a href="#definitions">{_esc(_t("definitions", lang))}</a></li>'
    body = [
        f"<h1>{_esc(title)}</h1>",
        f'<p class="made">{_esc(_t("made", lang, date=data.made.isoformat(), source=data.source))}'
        f" {_esc(_t('offline', lang))}</p>",
        f'<section id="about"><h2>{_esc(_t("about", lang))}</h2>'
        f'<table class="about">{about}</table></section>',
        f"<nav><h2>{_esc(_t('contents', lang))}</h2><ol>{toc}</ol></nav>",
    ]
    for s in sections:
        inner = blocks_html(s.view, lang, charts, level=3)
        body.append(
            f'<section class="view" id="view-{s.name}"><h2>{_esc(s.title)}</h2>{inner}</section>'
        )
    body.append(_definitions_html(definition_rows(data, sections, lang), lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_esc(title)}: {_esc(data.source)}</title>\n<style>{STYLE}</style>\n"
        f"<script>{SCRIPT}</script>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )
