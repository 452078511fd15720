"""Indicators page: the registry as readable documentation, with what the data in use allows.

Thin: texts about measures, search and availability come from ``indicators.explain``.
"""

from __future__ import annotations

import html
import io

import streamlit as st

from indicators.dataset import detect_shape
from indicators.errors import DataError
from indicators.explain import (
    availability,
    catalog_rows,
    document,
    row_title,
    search_indicators,
)
from indicators.registry import load_registry
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr

TEXTS = {
    "title": {"nl": "Indicatoren", "en": "Indicators"},
    "intro": {
        "nl": "De catalogus van indicatoren: wat elke indicator meet, hoe, waarom hij erin "
        "staat, en of uw gegevens hem toelaten. Indicatoren met ‘voorbij het gemiddelde’ "
        "kijken naar de onderkant, de spreiding of de ongelijkheid.",
        "en": "The catalogue of indicators: what each one measures, how, why it is there, and "
        "whether your data allows it. Indicators marked ‘beyond the average’ look at the "
        "bottom, the spread or the inequality.",
    },
    "search": {"nl": "Zoeken", "en": "Search"},
    "search_placeholder": {
        "nl": "bijvoorbeeld inkomen, eenzaam, gini, p10",
        "en": "for example income, lonely, gini, p10",
    },
    "dimensions": {"nl": "Thema's", "en": "Dimensions"},
    "dimensions_help": {
        "nl": "Kies er een of meer; niets gekozen toont alle thema's.",
        "en": "Choose one or more; with none chosen, every dimension is shown.",
    },
    "all_dimensions": {
        "nl": "Alle thema's (niets gekozen).",
        "en": "All dimensions (none chosen).",
    },
    "only_available": {"nl": "Alleen wat mijn gegevens toelaten", "en": "Only what my data allows"},
    "count": {
        "nl": "{shown} van {total} indicatoren getoond; {available} zijn te berekenen uit de "
        "gegevens in gebruik: {source}.",
        "en": "{shown} of {total} indicators shown; {available} can be computed from the data "
        "in use: {source}.",
    },
    "legend": {
        "nl": ":material/check_circle: te berekenen uit uw gegevens · "
        ":material/radio_button_unchecked: niet te berekenen; de regel zegt wat er ontbreekt · "
        "open een regel voor de definitie",
        "en": ":material/check_circle: can be computed from your data · "
        ":material/radio_button_unchecked: cannot be computed; the row says what is missing · "
        "open a row for the definition",
    },
    "count_plain": {
        "nl": "{shown} van {total} indicatoren.",
        "en": "{shown} of {total} indicators.",
    },
    "none": {
        "nl": "Geen indicator past bij deze zoekopdracht. Probeer een ander woord of minder "
        "filters.",
        "en": "No indicator matches this search. Try another word or fewer filters.",
    },
    "table": {"nl": "Overzicht als tabel", "en": "Overview as a table"},
    "oecd": {"nl": "OESO-dimensie (Engelse naam): {names}", "en": "OECD dimension: {names}"},
    "definition": {"nl": "Definitie", "en": "Definition"},
    "measure": {"nl": "Maat", "en": "Measure"},
    "variable": {"nl": "Variabele", "en": "Variable"},
    "unit": {"nl": "Eenheid", "en": "Unit"},
    "polarity": {"nl": "Beter als", "en": "Better when"},
    "dimension": {"nl": "Thema", "en": "Dimension"},
    "perspective": {"nl": "Perspectief", "en": "Perspective"},
    "beyond": {"nl": "Voorbij het gemiddelde", "en": "Beyond the average"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "why": {"nl": "Waarom deze indicator", "en": "Why this indicator"},
    "reference": {"nl": "Bron", "en": "Reference"},
    "code": {"nl": "Code: `{id}` · maat `{measure}`", "en": "Code: `{id}` · measure `{measure}`"},
    "extend": {"nl": "De catalogus uitbreiden", "en": "Extending the catalogue"},
    "extend_text": {
        "nl": "De catalogus is een TOML-bestand (`indicators/catalog.toml`). Een eigen bestand "
        "met hetzelfde schema voegt variabelen en indicatoren toe of past ze aan (op id). "
        "Upload het hieronder om te zien hoe de indicatoren eruitzien; deze pagina toont dan "
        "de samengevoegde catalogus. Om ermee te rekenen gebruikt u de opdrachtregel:",
        "en": "The catalogue is a TOML file (`indicators/catalog.toml`). Your own file with the "
        "same schema adds variables and indicators or changes them (by id). Upload it below to "
        "see how its indicators read; this page then shows the merged catalogue. To compute "
        "with it, use the command line:",
    },
    "extend_upload": {"nl": "Eigen catalogus (TOML)", "en": "Your own catalogue (TOML)"},
    "extend_ok": {
        "nl": "{name}: in orde; de catalogus heeft nu {n} indicatoren. Ze staan hierboven en "
        "elke pagina rekent er nu mee.",
        "en": "{name}: OK; the catalogue now has {n} indicators. They are listed above, and "
        "every page now computes with them.",
    },
    "extend_in_use": {
        "nl": "In gebruik: uw catalogus **{name}** ({n} indicatoren), op elke pagina.",
        "en": "In use: your catalogue **{name}** ({n} indicators), on every page.",
    },
    "extend_drop": {
        "nl": "Terug naar de standaardcatalogus",
        "en": "Back to the standard catalogue",
    },
    "extend_bad": {
        "nl": "**{name} kan niet gebruikt worden.**",
        "en": "**{name} cannot be used.**",
    },
    "extend_example": {"nl": "Voorbeeld", "en": "Example"},
    "in_english": {"nl": "\n\n_De toelichting hieronder is (nog) in het Engels._", "en": ""},
}

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


@st.cache_data(show_spinner=False, max_entries=4)
def _merged_registry(digest: str, name: str, _data: bytes):
    """Return the packaged catalogue with a user's catalogue file merged in."""
    source = io.BytesIO(_data)
    source.name = name
    return load_registry(extra=source)


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
            merged = _merged_registry(state.digest_of(data), upload.name, data)
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
    label, detail = row_title(ind, lang(), mark)
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
        code = _x("code", id=doc.id, measure=doc.measure_code)
        text.append(f"<span style='font-size:0.875rem;color:rgba(49,51,63,0.6)'>{code}</span>")
        st.markdown("\n\n".join(text), unsafe_allow_html=True)


def _esc(text: str) -> str:
    """Escape a catalogue text for markdown that allows HTML (a user's catalogue is shown too)."""
    return html.escape(str(text), quote=False)


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
