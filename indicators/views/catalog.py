"""The Indicators page as a view: the registry as readable documentation, what the data in use
allows, and the indicators that come from the user's own file (own variables, aggregate
columns), shown as the packaged ones are."""

from __future__ import annotations

import html
from dataclasses import dataclass

from indicators.registry.explain import (
    availability,
    catalog_rows,
    document,
    row_title,
    search_indicators,
)
from indicators.text import text
from indicators.views.blocks import Expander, Heading, Table, Text, View
from indicators.views.escape import markdown_text

MUTED = "rgba(49,51,63,0.6)"
FROM_FILE = "from_file"  # the section of indicators that come from the user's file


@dataclass(frozen=True)
class Choices:
    """What the user chose on the Indicators page."""

    query: str = ""
    dimensions: tuple = ()  # dimension ids; empty means all
    only_available: bool = False


@dataclass(frozen=True)
class DataInUse:
    """The data in use, as far as the Indicators page needs it."""

    variables: tuple  # the mapped variable ids (own variables included)
    shape: str | None  # microdata or aggregates
    source: str  # the source's label
    own: tuple = ()  # ids of indicators that come from the file, not from a catalogue


def _t(key: str, lang: str, **values) -> str:
    return text(f"catalog.{key}", lang, **values)


def catalog(registry, choices: Choices, *, lang: str, data: DataInUse | None = None) -> View:
    """Return the indicators found by ``choices``, by dimension, each with its documentation;
    with data in use, whether it can be computed from it, and first the ones from the file."""
    view = View()
    avail = availability(registry, data.variables, data.shape, lang) if data else None
    found = search_indicators(registry, choices.query or "", list(choices.dimensions) or None)
    if choices.only_available and avail:
        found = [ind for ind in found if avail[ind.id].ok]
    total = len(registry.indicators)
    if avail:
        available = sum(a.ok for a in avail.values())
        view.add(
            Text(
                _t(
                    "count",
                    lang,
                    shown=len(found),
                    total=total,
                    available=available,
                    source=markdown_text(data.source),
                )
            ),
            Text(_t("legend", lang), tone="caption"),
        )
    else:
        view.add(Text(_t("count_plain", lang, shown=len(found), total=total)))
    if not found:
        return view.add(Text(_t("none", lang), tone="info"))
    view.add(
        Expander(
            _t("table", lang),
            (Table(catalog_rows(found, registry, lang, avail)),),
            icon=":material/table:",
        )
    )
    own = set(data.own) if data else set()
    mine = [ind for ind in found if ind.id in own]
    if mine:
        view.add(
            Heading(_t(FROM_FILE, lang)),
            Text(
                _t("from_file_text", lang, n=len(mine), source=markdown_text(data.source)),
                tone="caption",
            ),
            *(indicator_block(ind, registry, avail, lang) for ind in mine),
        )
    for dim in registry.dimensions:
        inds = [ind for ind in found if ind.dimension == dim.id and ind.id not in own]
        if not inds:
            continue
        view.add(Heading(dim.label(lang)))
        if dim.oecd:
            view.add(Text(_t("oecd", lang, names=", ".join(dim.oecd)), tone="caption"))
        view.add(*(indicator_block(ind, registry, avail, lang) for ind in inds))
    return view


def indicator_block(ind, registry, avail, lang: str) -> Expander:
    """Return one indicator as a folded block: its definition, the facts, why and where from."""
    doc = document(ind, registry, lang)
    mark = avail.get(ind.id) if avail else None
    icon = None
    if mark is not None:
        icon = ":material/check_circle:" if mark.ok else ":material/radio_button_unchecked:"
    label, detail = (markdown_text(part) for part in row_title(ind, lang, mark))
    title = f"{label} :gray[— {detail}]" if detail else label
    inner = []
    if mark is not None:
        said = mark.reason[:1].upper() + mark.reason[1:]  # names from a catalogue: text
        reason = ("✓ " if mark.ok else "") + markdown_text(said) + "."
        inner.append(Text(reason, tone="success" if mark.ok else "caption"))
    # One element for the whole description (was eight, in two columns: 260 elements on the
    # page took up to a second to draw); the facts still in two columns.
    esc = markdown_text
    yes_no = _t("yes", lang) if doc.beyond_average else _t("no", lang)
    facts = [
        f"- **{_t('measure', lang)}:** {esc(doc.measure)}",
        f"- **{_t('variable', lang)}:** {esc(doc.variable)}",
        f"- **{_t('unit', lang)}:** {esc(doc.unit or '–')}",
        f"- **{_t('polarity', lang)}:** {esc(doc.polarity)}",
        f"- **{_t('perspective', lang)}:** {esc(doc.perspective)}",
        f"- **{_t('beyond', lang)}:** {yes_no}",
    ]
    parts = [
        f"**{_t('definition', lang)}.** {esc(doc.description)}",
        "<div style='columns:2'>",
        "\n".join(facts),
        "</div>",
    ]
    if doc.rationale:
        parts.append(f"**{_t('why', lang)}.** {esc(doc.rationale)}")
    if doc.reference:
        parts.append(f"**{_t('reference', lang)}:** {esc(doc.reference)}")
    code = _t("code", lang, id=code_text(doc.id), measure=code_text(doc.measure_code))
    parts.append(f"<span style='font-size:0.875rem;color:{MUTED}'>{code}</span>")
    inner.append(Text("\n\n".join(parts), html=True))
    return Expander(title, tuple(inner), icon=icon)


def code_text(words: str) -> str:
    """Escape a text shown in a code span: markdown does not act there, a backtick would end it."""
    return html.escape(" ".join(str(words).split()).replace("`", "'"), quote=False)
