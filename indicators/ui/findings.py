"""Findings: what the averages hide in the file, found for the reader. The page scans the whole
results table (every indicator, region, group and year) once per file and settings, reads the
filters (dimension, region, kind, false discovery rate) and renders
:func:`indicators.views.findings.findings_view`; each finding's button opens its page."""

from __future__ import annotations

import streamlit as st

from indicators.analyses.findings import KINDS, findings_table
from indicators.dataset import region_names
from indicators.dataset.own_variables import MICRODATA
from indicators.results import TOTAL
from indicators.text import area, text
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, tr
from indicators.ui.render import render
from indicators.views.findings import FindingsChoices, findings_view

TEXTS = area("findings_page")
RATES = (0.01, 0.05, 0.10)


@st.cache_resource(show_spinner=False, max_entries=8, ttl=state.CACHE_TTL)
def _findings(key: tuple, lng: str, fdr: float, _act):
    """All findings of the active data at ``fdr``, in ``lng`` (once per data and settings)."""
    return findings_table(
        _act.table,
        _act.registry,
        fdr=fdr,
        lang=lng,
        region_name=_act.region_name,
        prepared=_act.prepared,
        min_n=_act.min_n,
    )


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    lng = lang()
    everything = tr(TEXTS, "all")
    c1, c2, c3, c4 = st.columns([3, 3, 3, 2])
    with c4:
        fdr = state.shared_select(
            "fdr",
            list(RATES),
            label=tr(TEXTS, "fdr"),
            default=0.05,
            format_func=lambda r: f"{round(r * 100)}%",
            help=tr(TEXTS, "fdr_help"),
        )
    with st.spinner(tr(TEXTS, "computing"), show_time=True):
        found = _findings(act.key, lng, fdr, act)
    reg = act.registry
    present = {getattr(reg.indicator_by_id.get(i), "dimension", None) for i in found["indicator"]}
    dims = ["", *(d.id for d in reg.dimensions if d.id in present)]
    with c1:
        dimension = state.shared_select(
            "finding_dimension",
            dims,
            label=tr(TEXTS, "dimension"),
            default="",
            format_func=label_func(
                dims, lambda d: reg.dimension_by_id[d].label(lng) if d else everything
            ),
        )
    listed = [r for r in region_names.in_order(act.prepared.regions) if r != TOTAL]
    places = ["", TOTAL, *listed]
    with c2:
        region = state.shared_select(
            "finding_region",
            places,
            label=tr(TEXTS, "region"),
            default="",
            format_func=label_func(places, lambda r: act.region_name(r) if r else everything),
        )
    per_kind = found["kind"].value_counts()  # how many of each kind: the mix at a glance
    kinds = ["", *(k for k in KINDS if k in per_kind.index)]
    with c3:
        kind = state.shared_select(
            "finding_kind",
            kinds,
            label=tr(TEXTS, "kind"),
            default="",
            format_func=label_func(
                kinds,
                lambda k: f"{text(f'findings.kind_{k}', lng)} ({per_kind[k]})" if k else everything,
            ),
        )
    choices = FindingsChoices(
        dimension=dimension or None, region=region or None, kind=kind or None, fdr=fdr
    )
    aggregates = act.shape != MICRODATA
    render(findings_view(found, reg, choices, lng, heading=False, aggregates=aggregates))
    if not act.mapping.groups and not aggregates:
        st.caption(tr(TEXTS, "no_groups"))


main()
