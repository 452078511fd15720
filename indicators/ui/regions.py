"""Regions: a map coloured by an indicator, regions ranked with their intervals, a region
compared with another, and the spread between them.

The page reads its choices (and the user's GeoJSON) and renders
:func:`indicators.views.regions.regions`."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.analyses import maps
from indicators.analyses.rest import REST
from indicators.dataset import region_names
from indicators.errors import DataError
from indicators.io.export import file_stem
from indicators.results import TOTAL
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, t, tr
from indicators.ui.render import render
from indicators.views import regions as view
from indicators.views.blocks import Expander
from indicators.views.regions import Choices, regions, shows_provinces

REST_LINK = "~rest"  # the rest of the country in the link (?compare=~rest); no region code
TEXTS = area("regions")


@st.cache_data(show_spinner=False)
def _layout() -> pd.DataFrame:
    return view.layout()


@st.cache_resource(show_spinner=False, max_entries=64)
def _against_rest(key: tuple, indicator: str, region, year, _act):
    """The highlighted region and the rest of the country, once per data and choice."""
    choices = Choices(indicator=indicator, year=year, region=region, other=REST)
    return view.rest_of_country(_act.prepared, _act.registry, choices, _act.min_n)


@st.cache_data(show_spinner=False, max_entries=4)
def _read_geojson(data: bytes, name: str) -> dict:
    return maps.read_geojson(data, name)


def _own_map_widgets(region_list: list) -> tuple[dict | None, str | None]:
    """Read the user's GeoJSON and the property that names its regions (None: none)."""
    upload = st.file_uploader(
        tr(TEXTS, "upload_map"),
        type=["geojson", "json"],
        key="geojson",
        help=tr(TEXTS, "upload_help"),
    )
    if upload is None:
        return None, None
    try:
        geo = _read_geojson(upload.getvalue(), upload.name)
    except DataError as err:  # the map stays; the message says what is wrong with the file
        st.error(err.text(lang()))
        return None, None
    props = maps.geojson_properties(geo)
    best = maps.best_geojson_property(geo, region_list)
    prop = st.selectbox(
        tr(TEXTS, "property"),
        props,
        index=props.index(best) if best in props else 0,
        key="geojson_property",
    )
    return geo, prop


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    left, middle, right, far = st.columns(4)
    with left:
        ind = state.pick_indicator(act)
    with middle:
        year = state.pick_year(act)
    listed = region_names.in_order(act.prepared.regions)
    with right:
        options = [TOTAL, *listed]
        region = state.shared_select(
            "region",
            options,
            label=t("region"),  # the shared label: a link or test finds "Region" on every page
            format_func=label_func(options, act.region_name),
            help=tr(TEXTS, "highlight_help"),
        )
    with far:
        # "" is no comparison (None would be taken for a first visit: the link not read)
        others = ["", REST_LINK, *listed]
        none, rest_name = tr(TEXTS, "compare_none"), tr(TEXTS, "rest_of_country")
        other = state.shared_select(
            "compare",
            others,
            label=tr(TEXTS, "compare"),
            default="",
            format_func=label_func(
                others,
                lambda r: none if not r else rest_name if r == REST_LINK else act.region_name(r),
            ),
            help=tr(TEXTS, "compare_help"),
        )
    if ind is None:
        st.info(tr(TEXTS, "no_indicator"))
        return
    layout = _layout()
    rows = act.results[act.results["indicator"] == ind.id]
    if year is not None and "year" in rows:
        rows = rows[rows["year"] == year]
    # the map and what comes after it are filled once the own map's widgets are read
    top = st.container()
    with st.expander(tr(TEXTS, "own_map"), expanded=not shows_provinces(rows, layout)):
        geo, prop = _own_map_widgets([r for r in rows["region"].unique() if r != TOTAL])
        own = st.container()
    rest = st.container()
    choices = Choices(
        indicator=ind.id,
        year=year,
        region=region,
        other=REST if other == REST_LINK else other or None,
        geojson=geo,
        geojson_property=prop,
    )
    view = regions(
        act.results,
        act.registry,
        choices,
        lang=lang(),
        min_n=act.min_n,
        shape=act.shape,
        source=act.source.label,
        names=act.region_names,
        weight_column=act.mapping.weight,
        layout=layout,
        file_stem=file_stem(act.source.name),
        rest=_against_rest(act.key, ind.id, region, year, act) if choices.other == REST else None,
    )
    at = next(i for i, b in enumerate(view.blocks) if isinstance(b, Expander))
    with top:
        render(view.blocks[:at])
    with own:
        render(view.blocks[at].blocks)
    with rest:
        render(view.blocks[at + 1 :])


main()
