"""Regions: a map coloured by an indicator, regions ranked, and the spread between them."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from indicators.analyses import maps, ranking, spread
from indicators.charts import layout as chart_layout
from indicators.charts import regions as region_charts
from indicators.dataset import region_names
from indicators.dataset.own_variables import MICRODATA
from indicators.registry import catalog
from indicators.registry.catalog import format_number
from indicators.results import N_TEXT, OK, TOTAL
from indicators.text import area
from indicators.ui import state
from indicators.ui.i18n import label_func, lang, t, tr

TEXTS = area("regions")


@st.cache_data(show_spinner=False, max_entries=32)
def _mean_se(key: tuple, variable: str, year, _frame: pd.DataFrame) -> pd.Series:
    """Standard errors of the mean per region, once per data in use (``Active.key``), variable
    and year."""
    return ranking.mean_standard_errors(_frame, variable, year)


@st.cache_data(show_spinner=False)
def _layout() -> pd.DataFrame:
    return maps.province_layout()


@st.cache_data(show_spinner=False, max_entries=4)
def _read_geojson(data: bytes, name: str) -> dict:
    return maps.read_geojson(data, name)


def _examples(items, k: int = 5) -> str:
    items = list(items)
    shown = ", ".join(f"'{x}'" for x in items[:k])
    return shown + (", …" if len(items) > k else "") if items else "–"


def _with_text(frame: pd.DataFrame, ind, decimals: int) -> pd.DataFrame:
    """Add the formatted values (``text``) with the decimals that tell regions apart."""
    frame = frame.copy()
    frame["text"] = [
        catalog.format_display(v, decimals, is_share=ind.is_share, lang=lang())
        for v in frame["value"]
    ]
    return frame


def _map_section(act, ind, year, values: pd.DataFrame, year_text: str, region, decimals) -> None:
    lng = lang()
    st.subheader(tr(TEXTS, "map"))
    layout = _layout()
    regions = [r for r in values["region"]]
    provinces = maps.are_provinces(regions, layout)
    colour_title = ind.unit(lng)
    if provinces:
        title = (
            tr(TEXTS, "tile_title", label=ind.label(lng), year=year_text)
            if year is not None
            else tr(TEXTS, "tile_title_no_year", label=ind.label(lng))
        )
        tiles = maps.province_tiles(_with_text(values, ind, decimals), layout)
        marked = tiles.loc[tiles["region"] == region, "name"]
        fig = region_charts.tile_map(
            tiles,
            title=title,
            colorbar_title=colour_title,
            highlight=marked.iloc[0] if len(marked) else None,
            tickformat=chart_layout.value_tickformat(decimals, ind.is_share),
        )
        left, right = st.columns([3, 2], vertical_alignment="center")
        with left:
            state.show_chart(fig, act, key="tile_map")
        with right:
            _colour_note(ind, tiles, decimals)
            unmatched = sorted(set(regions) - set(maps.match_provinces(regions, layout)))
            if unmatched:
                names = [act.region_name(r) for r in unmatched]
                st.caption(tr(TEXTS, "unmatched_provinces", regions=_examples(names)))
    else:
        st.info(tr(TEXTS, "not_provinces"))
    with st.expander(tr(TEXTS, "own_map"), expanded=not provinces):
        upload = st.file_uploader(
            tr(TEXTS, "upload_map"),
            type=["geojson", "json"],
            key="geojson",
            help=tr(TEXTS, "upload_help"),
        )
        if upload is None:
            return
        geo = _read_geojson(upload.getvalue(), upload.name)
        props = maps.geojson_properties(geo)
        best = maps.best_geojson_property(geo, regions)
        prop = st.selectbox(
            tr(TEXTS, "property"),
            props,
            index=props.index(best) if best in props else 0,
            key="geojson_property",
        )
        match = maps.match_geojson(geo, prop, regions)
        if not match.locations:
            st.warning(
                tr(
                    TEXTS,
                    "no_match",
                    prop=prop,
                    features=_examples(match.unmatched_features),
                    regions=_examples(regions),
                )
            )
            return
        frame = _with_text(values, ind, decimals)
        frame = frame[frame["region"].isin(match.locations)]
        frame["location"] = frame["region"].map(match.locations)
        frame = state.with_region_names(act, frame)
        fig = region_charts.choropleth(
            frame,
            geo,
            prop,
            title=(
                tr(TEXTS, "map_title", label=ind.label(lng), year=year_text)
                if year is not None
                else ind.label(lng)
            ),
            colorbar_title=colour_title,
            bounds=maps.geojson_bounds(geo),
        )
        state.show_chart(fig, act, key="choropleth")
        if match.unmatched_regions:
            st.caption(
                tr(
                    TEXTS,
                    "partly_matched",
                    n=len(match.unmatched_regions),
                    total=len(regions),
                    regions=_examples(match.unmatched_regions),
                )
            )


def _colour_note(ind, tiles: pd.DataFrame, decimals: int) -> None:
    """Say which colour is which value, and when the range is narrow, that it is."""
    known = tiles[tiles["value"].notna()].sort_values(["value", "name"])
    if len(known) < 2:
        return
    low, high = known.iloc[0], known.iloc[-1]
    st.markdown(
        tr(
            TEXTS,
            "colour_range",
            min_region=low["name"],
            min=low["text"],
            max_region=high["name"],
            max=high["text"],
        )
    )
    if decimals > ind.decimals:
        st.info(
            tr(TEXTS, "narrow_range", min=low["text"], max=high["text"], d=decimals),
            icon=":material/info:",
        )


def _ranking_section(act, ind, year, region, year_text: str, decimals: int) -> None:
    reg, lng = act.registry, lang()
    st.subheader(tr(TEXTS, "ranking"))
    microdata = act.shape == MICRODATA
    se = None
    if microdata and ind.spec.family == "mean":
        se = _mean_se(act.key, ind.variable, year, act.prepared.frame)
    rank = ranking.ranking(act.results, reg, ind.id, year, se=se, microdata=microdata)
    if not rank.n_regions:  # nothing to rank: no empty chart, only why
        st.info(tr(TEXTS, "nothing_ranked"))
        _hidden_note(act, ind, year, rank)
        return
    frame = state.with_region_names(act, _with_text(rank.frame, ind, decimals))
    if microdata:  # each value tells its n on hover
        frame["n_text"] = [N_TEXT[lng].format(n=format_number(n, 0, lng)) for n in frame["n"]]
    # Shares are parts of a whole: bars from 0. Other measures (means, medians, percentiles,
    # indices): dots on an axis zoomed to the data, so differences of a few tenths show.
    dots = not ind.is_share
    if dots and rank.has_se:
        key = "dots_title" if year is not None else "dots_title_no_year"
    else:
        key = "bars_title" if year is not None else "bars_title_no_year"
    if ind.polarity not in ("higher_is_better", "lower_is_better"):
        key += "_high"  # no direction is better: ranked highest first, and said so
    title = tr(TEXTS, key, label=ind.label(lng), year=year_text)
    total_text = catalog.format_display(rank.total, decimals, is_share=ind.is_share, lang=lng)
    draw = region_charts.ranked_dots if dots else region_charts.ranked_bars
    fig = draw(
        frame,
        title=title,
        x_title=ind.unit(lng),
        total=rank.total,
        total_label=tr(TEXTS, "total_label", value=total_text),
        highlight=act.region_name(region) if region != TOTAL else None,
        error_label=tr(TEXTS, "error_label"),
        split_after=rank.limit if rank.trimmed else None,
        tickformat=chart_layout.value_tickformat(None, ind.is_share),
    )
    state.show_chart(fig, act, key="ranking")
    if dots:
        st.caption(tr(TEXTS, "dots_note"))
    if rank.has_se:
        st.caption(tr(TEXTS, "error_bars"))
    if rank.trimmed:
        st.caption(tr(TEXTS, "trimmed", n=rank.n_regions, k=rank.limit))
    _hidden_note(act, ind, year, rank)


def _hidden_note(act, ind, year, rank) -> None:
    """Say which regions have no value and why (missing, hidden with their n, not applicable)."""
    if rank.n_suppressed:
        values = spread.region_values(act.results, ind.id, year)
        gone = values[values["status"] != OK]
        why = spread.states_in_words(
            gone["region"].map(act.region_name),
            gone["status"],
            gone["n"],
            lang=lang(),
            min_n=act.min_n,
        )
        st.caption(tr(TEXTS, "suppressed_note", n=len(gone), why=why))


def _spread_section(act, ind, year, decimals: int) -> None:
    lng = lang()
    st.subheader(tr(TEXTS, "spread"))
    if act.mapping.weight:
        weight = (
            tr(TEXTS, "weight_micro")
            if act.shape == MICRODATA
            else tr(TEXTS, "weight_agg", column=act.mapping.weight)
        )
    else:
        weight = tr(TEXTS, "weight_none")
    d = spread.disparities(act.results, ind.id, year)
    if d["n"] < 2:
        st.info(tr(TEXTS, "too_few"))
        return
    st.caption(tr(TEXTS, "spread_intro", weight=weight))

    def value(v):
        return catalog.format_display(v, decimals, is_share=ind.is_share, lang=lng)

    rows = [
        (
            "ratio",
            catalog.format_number(d["ratio"], 2, lng),
            tr(
                TEXTS,
                "ratio_text",
                max_region=act.region_name(d["max_region"]),
                max=value(d["max"]),
                min_region=act.region_name(d["min_region"]),
                min=value(d["min"]),
            ),
        ),
        ("cv", spread.readable_index(d["cv"], lng), tr(TEXTS, "cv_text")),
        ("gini", spread.readable_index(d["gini"], lng), tr(TEXTS, "gini_text")),
        ("theil", spread.readable_index(d["theil"], lng), tr(TEXTS, "theil_text")),
    ]
    readings = spread.spread_readings(d, lng, is_share=ind.is_share)
    table = pd.DataFrame(
        [
            (tr(TEXTS, key), shown, f"{meaning} {readings.get(key, '')}".strip())
            for key, shown, meaning in rows
        ],
        columns=[tr(TEXTS, "measure"), tr(TEXTS, "value"), tr(TEXTS, "meaning")],
    )
    st.table(table, hide_index=True)
    st.caption(tr(TEXTS, "n_regions", n=d["n"]))


def main() -> None:
    act = state.page_start(TEXTS)
    if act is None:
        return
    left, middle, right = st.columns(3)
    with left:
        ind = state.pick_indicator(act)
    with middle:
        year = state.pick_year(act)
    with right:
        options = [TOTAL, *region_names.in_order(act.prepared.regions)]
        region = state.shared_select(
            "region",
            options,
            label=t("region"),  # the shared label: a link or test finds "Region" on every page
            format_func=label_func(options, act.region_name),
            help=tr(TEXTS, "highlight_help"),
        )
    if ind is None:
        st.info(tr(TEXTS, "no_indicator"))
        return
    year_text = str(year) if year is not None else ""
    values = spread.region_values(act.results, ind.id, year)
    shown = values.loc[~values["suppressed"].astype(bool), "value"]
    decimals = spread.display_decimals(shown, ind.decimals, is_share=ind.is_share)
    _map_section(act, ind, year, values, year_text, region, decimals)
    _ranking_section(act, ind, year, region, year_text, decimals)
    _spread_section(act, ind, year, decimals)


main()
