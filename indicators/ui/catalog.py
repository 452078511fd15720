"""Indicators page: the registry as readable documentation, with what the data in use allows.

Thin: texts about measures, search and availability come from ``indicators.explain``.
"""

from __future__ import annotations

import html

import streamlit as st

from indicators.dataset.mapping import detect_shape
from indicators.errors import DataError
from indicators.registry.explain import (
    availability,
    catalog_rows,
    document,
    row_title,
    search_indicators,
)
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr

TEXTS = area("catalog")

EXAMPLE = """[[indicator]]
id = "life_satisfaction_p25"
variable = "life_satisfaction"
measure = "p25"
label_nl = "Levenstevredenheid van de onderste 25%"
label_en = "Life satisfaction of the bottom 25%"
description_nl = "Het 25e percentiel van de levenstevredenheid (0-10)."
description_en = "The 25th percentile of life satisfaction (0-10)."
polarity = "higher_is_better"
beyond_average = true
"""


def _x(key: str, **values) -> str:
    return tr(TEXTS, key, **values)


def _data_in_use():
    """Return (mapped variable ids, shape, source label), or None when the data cannot be read."""
    source = state.current_source()
    try:
        raw = state.load_cached(source.digest, source.name, source.sheet, source.data)
        mapping = state.get_mapping(source, raw)
        shape = detect_shape(raw, mapping) if mapping.region in raw.columns else None
    except DataError:
        return None
    return [var for var, _ in mapping.variables], shape, source.label


def _user_catalogue():
    """Show the catalogue upload; return the merged registry, or None."""
    with st.expander(_x("extend"), icon=":material/library_add:"):
        st.markdown(_x("extend_text"))
        st.code(
            "python -m indicators registry --catalog my_catalog.toml\n"
            "python -m indicators compute data.csv --region gemeente --catalog my_catalog.toml",
            language="bash",
        )
        st.caption(_x("extend_example"))
        st.code(EXAMPLE, language="toml")
        upload = st.file_uploader(_x("extend_upload"), type=["toml"], key="catalog_upload")
        if upload is None:
            in_use = st.session_state.get("catalogue")
            if in_use:
                name = state.escape_markdown(in_use["name"])
                st.info(_x("extend_in_use", name=name, n=len(state.registry().indicators)))
                if st.button(_x("extend_drop"), key="catalog_drop"):
                    state.clear_catalogue()
                    st.rerun()
            return None
        data = upload.getvalue()
        try:
            merged = state.merged_registry(upload.name, data)
        except DataError as err:
            st.error(f"{_x('extend_bad', name=upload.name)}{_x('in_english')}\n\n{err}")
            return None
        # the catalogue is an input: every page computes with it from now on
        state.set_catalogue(upload.name, data)
        st.success(_x("extend_ok", name=upload.name, n=len(merged.indicators)))
        return merged


def _show_indicator(ind, reg, avail) -> None:
    doc = document(ind, reg, lang())
    mark = avail.get(ind.id) if avail else None
    icon = None
    if mark is not None:
        icon = ":material/check_circle:" if mark.ok else ":material/radio_button_unchecked:"
    label, detail = (state.markdown_text(part) for part in row_title(ind, lang(), mark))
    title = f"{label} :gray[— {detail}]" if detail else label
    with st.expander(title, icon=icon):
        if mark is not None:
            (st.success if mark.ok else st.caption)(
                ("✓ " if mark.ok else "") + mark.reason[:1].upper() + mark.reason[1:] + "."
            )
        # One element for the whole description (was eight, in two columns: 260 elements on
        # the page took up to a second to draw); the facts still in two columns.
        text = [f"**{_x('definition')}.** {_esc(doc.description)}", "<div style='columns:2'>"]
        text.append(
            "\n".join(
                [
                    f"- **{_x('measure')}:** {_esc(doc.measure)}",
                    f"- **{_x('variable')}:** {_esc(doc.variable)}",
                    f"- **{_x('unit')}:** {_esc(doc.unit or '–')}",
                    f"- **{_x('polarity')}:** {_esc(doc.polarity)}",
                    f"- **{_x('perspective')}:** {_esc(doc.perspective)}",
                    f"- **{_x('beyond')}:** {_x('yes') if doc.beyond_average else _x('no')}",
                ]
            )
        )
        text.append("</div>")
        if doc.rationale:
            text.append(f"**{_x('why')}.** {_esc(doc.rationale)}")
        if doc.reference:
            text.append(f"**{_x('reference')}:** {_esc(doc.reference)}")
        code = _x("code", id=_code(doc.id), measure=_code(doc.measure_code))
        text.append(f"<span style='font-size:0.875rem;color:rgba(49,51,63,0.6)'>{code}</span>")
        st.markdown("\n\n".join(text), unsafe_allow_html=True)


def _code(text: str) -> str:
    """Escape a text shown in a code span: markdown does not act there, a backtick would end it."""
    return html.escape(" ".join(str(text).split()).replace("`", "'"), quote=False)


def _esc(text: str) -> str:
    """Escape a catalogue text for markdown that allows HTML (a user's catalogue is shown
    too): no tag, link, image or emphasis of its own, and on one line."""
    return state.markdown_text(text)


def main() -> None:
    st.title(_x("title"))
    st.caption(_x("intro"))
    reg = state.registry()
    placeholder = st.container()
    merged = _user_catalogue()
    reg = merged or reg

    with placeholder:
        in_use = _data_in_use()
        avail = availability(reg, in_use[0], in_use[1], lang()) if in_use else None
        query = st.text_input(
            _x("search"), key="catalog_query", placeholder=_x("search_placeholder"), width=480
        )
        dims = st.pills(
            _x("dimensions"),
            [d.id for d in reg.dimensions],
            selection_mode="multi",
            format_func=label_func(
                [d.id for d in reg.dimensions], lambda d: reg.dimension_by_id[d].label(lang())
            ),
            key="catalog_dimensions",
            help=_x("dimensions_help"),
        )
        if not dims:
            st.caption(_x("all_dimensions"))
        only = st.toggle(_x("only_available"), key="catalog_only", disabled=avail is None)
        found = search_indicators(reg, query or "", dims or None)
        if only and avail:
            found = [ind for ind in found if avail[ind.id].ok]
        if avail:
            st.markdown(
                _x(
                    "count",
                    shown=len(found),
                    total=len(reg.indicators),
                    available=sum(a.ok for a in avail.values()),
                    source=in_use[2],
                )
            )
            st.caption(_x("legend"))
        else:
            st.markdown(_x("count_plain", shown=len(found), total=len(reg.indicators)))
        if not found:
            st.info(_x("none"))
            return
        with st.expander(_x("table"), icon=":material/table:"):
            st.dataframe(catalog_rows(found, reg, lang(), avail), hide_index=True, width="stretch")
        for dim in reg.dimensions:
            inds = [ind for ind in found if ind.dimension == dim.id]
            if not inds:
                continue
            st.subheader(dim.label(lang()))
            if dim.oecd:
                st.caption(_x("oecd", names=", ".join(dim.oecd)))
            for ind in inds:
                _show_indicator(ind, reg, avail)


main()
