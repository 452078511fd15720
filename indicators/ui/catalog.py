"""Indicators page: the registry as readable documentation, with what the data in use allows.

The page reads its widgets and renders :func:`indicators.views.catalog.catalog`.
"""

from __future__ import annotations

import streamlit as st

from indicators.dataset.mapping import detect_shape
from indicators.errors import DataError
from indicators.registry import own_indicators as oi
from indicators.registry.catalog import POLARITIES
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr
from indicators.ui.render import render
from indicators.views.catalog import Choices, DataInUse, catalog
from indicators.views.escape import escape_markdown

TEXTS = area("catalog")
FORM = area("own_indicator_form")
MICRODATA = "microdata"

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


def _f(key: str, **values) -> str:
    return tr(FORM, key, **values)


def _own_indicator(data, reg) -> None:
    """Show the form that makes an own indicator; on "add", it joins the user's catalogue file
    (every page computes with it from then on) and the file can be downloaded."""
    with st.expander(_f("title"), icon=":material/add_chart:", expanded=False):
        st.caption(_f("intro"))
        added = st.session_state.pop("own_indicator_added", None)
        if added:
            st.success(_f("added", label=escape_markdown(added)))
        variables = []
        if data is not None and reg is not None and data.shape == MICRODATA:
            variables = [
                v
                for v in dict.fromkeys(data.variables)
                if v in reg.variable_by_id and oi.measures_for(reg.variable_by_id[v])
            ]
        if not variables:
            st.info(_f("no_data"))
        else:
            _own_form(reg, variables)
        in_use = st.session_state.get("catalogue")
        if in_use:
            st.download_button(
                _f("download"),
                data=in_use["data"],
                file_name=in_use["name"],
                mime="application/toml",
                icon=":material/download:",
                key="own_download",
            )


NAME_KEYS = ("own_label_nl", "own_label_en", "own_rationale_nl", "own_rationale_en")


def _own_form(reg, variables) -> None:
    here = lang()
    if st.session_state.pop("own_indicator_clear", False):
        for key in NAME_KEYS:  # an added indicator's names are not offered for the next one
            st.session_state[key] = ""
    var_id = st.selectbox(
        _f("variable"),
        variables,
        format_func=label_func(variables, lambda v: reg.variable_by_id[v].label(here)),
        key="own_variable",
    )
    variable = reg.variable_by_id[var_id]
    names = list(oi.measures_for(variable))
    name = st.selectbox(
        _f("measure"),
        names,
        format_func=label_func(names, lambda n: oi.measure_label(n, here)),
        key=f"own_measure_{var_id}",
    )
    parameter = None
    if name.endswith(":T"):
        low, high = variable.scale_min, variable.scale_max
        start = float(round((low + high) / 2)) if low is not None and high is not None else 0.0
        whole = low is not None and float(low).is_integer() and float(high).is_integer()
        parameter = st.number_input(
            _f("threshold"),
            value=start,
            step=1.0 if whole else 0.1,
            format="%g",
            key=f"own_threshold_{var_id}",
            help=_f("threshold_help"),
        )
    elif name.endswith(":LABEL"):
        levels = list(variable.levels_nl)
        shown = list(variable.levels(here))
        parameter = st.selectbox(
            _f("answer"),
            levels,
            format_func=label_func(levels, lambda v: shown[levels.index(v)]),
            key=f"own_answer_{var_id}",
        )
    left, right = st.columns(2)
    label_nl = left.text_input(_f("label_nl"), key="own_label_nl", max_chars=120)
    label_en = right.text_input(_f("label_en"), key="own_label_en", max_chars=120)
    dims = [d.id for d in reg.dimensions]
    dimension = st.selectbox(
        _f("dimension"),
        dims,
        index=dims.index(variable.dimension) if variable.dimension in dims else 0,
        format_func=label_func(dims, lambda d: reg.dimension_by_id[d].label(here)),
        key=f"own_dimension_{var_id}",
    )
    polarity = st.radio(
        _f("polarity"),
        list(POLARITIES),
        format_func=label_func(
            list(POLARITIES), lambda p: _f("better" if p == "higher_is_better" else "worse")
        ),
        horizontal=True,
        key="own_polarity",
    )
    left, right = st.columns(2)
    why_nl = left.text_area(_f("rationale_nl"), key="own_rationale_nl", max_chars=1000)
    why_en = right.text_area(_f("rationale_en"), key="own_rationale_en", max_chars=1000)
    if not st.button(_f("add"), type="primary", key="own_add"):
        return
    item = oi.OwnIndicator(
        variable=var_id,
        measure=oi.written(name, parameter),
        label_nl=label_nl,
        label_en=label_en,
        dimension=dimension,
        polarity=polarity,
        rationale_nl=why_nl,
        rationale_en=why_en,
    )
    in_use = st.session_state.get("catalogue")
    current = in_use["data"].decode("utf-8-sig") if in_use else None
    try:
        text, _ = oi.add(current, item, reg)
    except DataError as err:
        st.error(_f("bad", reason=escape_markdown(err.text(here))))
        return
    state.set_catalogue(in_use["name"] if in_use else oi.FILE_NAME, text.encode("utf-8"))
    st.session_state["own_indicator_added"] = item.label_en if here == "en" else item.label_nl
    st.session_state["own_indicator_clear"] = True
    st.rerun()


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
        _own_indicator(data, extended)
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
