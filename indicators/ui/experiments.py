"""Experiments: did a pilot in some regions work? The page reads its choices (the data, the
outcome, the pilot regions, the comparisons, the method) and renders
:func:`indicators.views.experiments.experiments_view`; the demo pilot panel is its default data."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.dataset import region_names
from indicators.errors import DataError
from indicators.io.export import file_stem
from indicators.text import area, text
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, t, tr
from indicators.ui.render import render
from indicators.views import experiments as V

TEXTS = area("experiments_page")
DEMO_COLUMNS = area("demo_pilot_columns")
DEMO, UPLOAD = "demo", "upload"
METHODS = ("did", "cs", "event", "sdid")
# the people an outcome is a share of, by its usual column name: the scale-up counts them
BASES = ("bijstandsontvangers", "uitkeringsontvangers", "inwoners", "population", "bevolking")


@st.cache_resource(show_spinner=False, max_entries=32, ttl=state.CACHE_TTL)
def _view(key: tuple, choices: V.Choices, lng: str, microdata: bool, _frame, _labels, source, stem):
    return V.experiments_view(
        _frame,
        choices,
        lang=lng,
        source=source,
        label=lambda c: _labels.get(c, str(c)),
        microdata=microdata,
        file_stem=stem,
    )


def _labels(mapping, lng: str, fallback: dict) -> dict:
    """Column -> its name in words: the catalogue's label with its unit, else ``fallback``."""
    reg = state.registry()
    labels = dict(fallback)
    for vid, column in mapping.variable_columns.items():
        var = reg.variable_by_id.get(vid)
        if var is not None and not vid.startswith("own_"):
            unit = var.unit(lng) if callable(getattr(var, "unit", None)) else ""
            labels[column] = f"{var.label(lng)} ({unit})" if unit else var.label(lng)
    return labels


def _data():
    """The data for the experiment: (key, frame, region, year, labels, source label, stem)."""
    source = state.current_source()
    options = [DEMO] if source.demo else [DEMO, UPLOAD]
    names = {DEMO: tr(TEXTS, "data_demo"), UPLOAD: tr(TEXTS, "data_upload", name=source.name)}
    which = state.shared_segmented(
        "exp_data",
        options,
        label=tr(TEXTS, "data"),
        default=DEMO,
        format_func=label_func(options, names.get),
    )
    st.caption(tr(TEXTS, "data_help"))
    lng = lang()
    if which == DEMO:
        demo = state.DEMOS["pilot"]
        source = state.Source(demo.name, demo.read_bytes(), "demo-pilot", demo="pilot")
        fallback = {c: text(f"demo_pilot_columns.{c}", lng) for c in DEMO_COLUMNS}
    else:
        fallback = {}
    raw = state.load_cached(source.digest, source.name, source.sheet, source.data)
    mapping = state.get_mapping(source, raw)
    labels = _labels(mapping, lng, fallback)
    key = (source.digest, source.sheet, mapping.region, mapping.year)
    stem = "demo_pilot" if source.demo else file_stem(source.name)
    st.session_state["_exp_survey_weight"] = mapping.weight
    return key, raw, mapping.region, mapping.year, labels, source.label, stem


def main() -> None:
    st.title(tr(TEXTS, "title"))
    st.caption(tr(TEXTS, "intro"))
    try:
        key, frame, region, year, labels, source, stem = _data()
    except DataError as err:
        st.info(err.text(lang()))
        return
    lng = lang()
    why = V.why_not(frame if region else None, year, lng)
    if why is not None:
        render(why)
        return

    def name(column) -> str:
        return labels.get(column, str(column))

    starts = V.start_columns(frame, region, year)
    flags = V.flag_columns(frame, region, year)
    outcomes = V.outcome_columns(frame, region, year, skip=(*starts, *flags))
    if not outcomes:
        st.info(tr(TEXTS, "no_outcome"))
        return
    c1, c2 = st.columns([3, 2])
    with c1:
        mapped = [c for c in outcomes if c in labels and c not in BASES]
        outcome = state.shared_select(
            "exp_outcome",
            outcomes,
            default=mapped[0] if mapped else outcomes[0],
            label=tr(TEXTS, "outcome"),
            format_func=label_func(outcomes, name),
        )
    with c2:
        method = state.shared_select(
            "exp_method",
            list(METHODS),
            label=tr(TEXTS, "method"),
            format_func=label_func(METHODS, lambda m: tr(TEXTS, f"method_{m}")),
        )
    ways = [w for w in V.PILOTS_BY if (w != "first" or starts) and (w != "flag" or flags)]
    if ways == ["list"]:
        st.caption(tr(TEXTS, "no_start_column"))
    regions = region_names.in_order(frame[region].dropna().unique())
    years = sorted(int(y) for y in pd.to_numeric(frame[year], errors="coerce").dropna().unique())
    p1, p2, p3 = st.columns([2, 2, 1])
    with p1:
        by = state.shared_select(
            "exp_pilots_by",
            ways,
            label=tr(TEXTS, "pilots_by"),
            default=ways[0],
            format_func=label_func(ways, lambda w: tr(TEXTS, f"by_{w}")),
        )
    first = flag = None
    pilots, start = (), None
    with p2:
        if by == "first":
            first = state.shared_select(
                "exp_first",
                starts,
                label=tr(TEXTS, "first_column"),
                format_func=label_func(starts, name),
                help=tr(TEXTS, "first_help"),
            )
        elif by == "flag":
            flag = state.shared_select(
                "exp_flag",
                flags,
                label=tr(TEXTS, "flag_column"),
                format_func=label_func(flags, name),
                help=tr(TEXTS, "flag_help"),
            )
        else:
            pilots = tuple(
                state.shared_multiselect("exp_pilots", regions, label=tr(TEXTS, "pick_pilots"))
            )
    if by != "first":
        with p3:
            start = state.shared_select("exp_start", years[1:], label=tr(TEXTS, "start"))
    q1, q2, q3 = st.columns([2, 2, 2])
    with q1:
        control = state.shared_select(
            "exp_control",
            list(V.CONTROLS),
            label=tr(TEXTS, "control"),
            format_func=label_func(V.CONTROLS, lambda c: tr(TEXTS, f"control_{c}")),
        )
    chosen = ()
    with q2:
        if control == "chosen":
            others = [r for r in regions if r not in pilots]
            chosen = tuple(
                state.shared_multiselect("exp_chosen", others, label=tr(TEXTS, "pick_chosen"))
            )
    with q3:
        numeric = ["", *(c for c in outcomes if c != outcome)]
        microdata = bool(frame.groupby([region, year]).size().max() > 1)
        survey = st.session_state.get("_exp_survey_weight") if microdata else None
        base = survey if survey in numeric else next((c for c in BASES if c in numeric), "")
        weight = state.shared_select(
            "exp_weight",
            numeric,
            label=tr(TEXTS, "weight_micro" if microdata else "weight"),
            default=base,
            format_func=label_func(numeric, lambda c: name(c) if c else tr(TEXTS, "none")),
            help=tr(TEXTS, "weight_help"),
        )
    choices = V.Choices(
        outcome=outcome,
        region=region,
        year=year,
        pilots_by=by,
        first_treated=first,
        flag=flag,
        pilots=pilots,
        start=start,
        control=control,
        chosen=chosen,
        method=method,
        weight=weight or None,
    )
    with st.spinner(t("computing"), show_time=True):
        view = _view(key, choices, lng, microdata, frame, labels, source, stem)
    render(view)


main()
