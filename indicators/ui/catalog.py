"""Indicators page: the registry as readable documentation, with what the data in use allows.

The page reads its widgets and renders :func:`indicators.views.catalog.catalog`.
"""

from __future__ import annotations

import streamlit as st

from indicators.dataset.mapping import detect_shape
from indicators.errors import DataError
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr
from indicators.ui.render import render
from indicators.views.catalog import Choices, DataInUse, catalog
from indicators.views.escape import escape_markdown

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
    """Return the data in use and the registry it extends (own variables, aggregate columns),
    or (None, None) when the data cannot be read or prepared."""
    source = state.current_source()
    try:
        raw = state.load_cached(source.digest, source.name, source.sheet, source.data)
        mapping = state.get_mapping(source, raw)
        if not mapping.region or mapping.region not in raw.columns:
            return None, None
        shape = detect_shape(raw, mapping)
        prepared = None
        if mapping.variable_columns:
            prepared, _, _ = state.compute_cached(
                source.digest,
                source.sheet,
                mapping,
                state.min_n(),
                state.catalogue_digest(),
                raw,
                source.name,
            )
    except DataError:
        return None, None
    if prepared is None:
        return DataInUse((), shape, source.label), None
    base = {ind.id for ind in state.registry().indicators}
    own = tuple(ind.id for ind in prepared.registry.indicators if ind.id not in base)
    variables = tuple(prepared.variables) + tuple(
        ind.variable for ind in prepared.registry.indicators if ind.id in own
    )
    return DataInUse(variables, shape, source.label, own), prepared.registry


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
                name = escape_markdown(in_use["name"])
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


def main() -> None:
    st.title(_x("title"))
    st.caption(_x("intro"))
    placeholder = st.container()
    merged = _user_catalogue()
    with placeholder:
        data, extended = _data_in_use()
        reg = extended or merged or state.registry()
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
        only = st.toggle(_x("only_available"), key="catalog_only", disabled=data is None)
        choices = Choices(query=query or "", dimensions=tuple(dims or ()), only_available=only)
        render(catalog(reg, choices, lang=lang(), data=data))


main()
