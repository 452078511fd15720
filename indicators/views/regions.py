"""The Regions page as a view: a map coloured by an indicator (the tile map of the provinces or
the user's GeoJSON), the regions ranked with the results' 95% intervals, a region compared with
another (the difference, its interval and the verdict), and the spread between regions."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from indicators.analyses import compare, maps, ranking, spread
from indicators.analyses.rest import REST, against_rest
from indicators.charts import layout as chart_layout
from indicators.charts import regions as region_charts
from indicators.io import export
from indicators.registry import catalog
from indicators.registry.catalog import format_number
from indicators.results import N_TEXT, OK, SUPPRESSED, TOTAL
from indicators.text import text
from indicators.views import amounts
from indicators.views.blocks import Columns, Download, Expander, Heading, Table, Text, View
from indicators.views.common import chart
from indicators.views.escape import escape_markdown, html_text

MICRODATA, AGGREGATES = "microdata", "aggregates"


@dataclass(frozen=True)
class Choices:
    """What the user chose on the Regions page."""

    indicator: str | None = None
    year: object = None
    region: str = TOTAL  # highlighted (TOTAL: none)
    other: str | None = None  # a region to compare the highlighted one with, or REST
    geojson: dict | None = None  # the user's map, read from the upload (None: none uploaded)
    geojson_property: str | None = None  # its property holding the region code or name


def _t(key: str, lang: str, **values) -> str:
    return text(f"regions.{key}", lang, **values)


# ---- the view's inputs: one place for the page and the report -------------------------------


def layout() -> pd.DataFrame:
    """Return the tile layout of the provinces (package data)."""
    return maps.province_layout()


def rest_of_country(prepared, registry, choices: Choices, min_n: int):
    """Return the highlighted region and the rest of the country when ``choices`` compares
    them (``other`` is REST), else None."""
    if choices.other != REST or choices.indicator is None:
        return None
    return against_rest(
        prepared, registry, choices.indicator, choices.region, year=choices.year, min_n=min_n
    )


def _examples(items, k: int = 5) -> str:
    items = list(items)
    shown = ", ".join(f"'{x}'" for x in items[:k])
    return shown + (", …" if len(items) > k else "") if items else "–"


class _Names:
    """Region names to show: the file's or CBS's, the translated Total."""

    def __init__(self, names: Mapping | None, lang: str):
        self.names, self.lang = dict(names or {}), lang

    def __call__(self, region) -> str:
        if region == TOTAL:
            return text("common.total", self.lang)
        return str(self.names.get(region, region))

    def md(self, region) -> str:
        """The name escaped for a markdown sentence (names come from the user's file)."""
        return escape_markdown(self(region))

    def html(self, region) -> str:
        """The name escaped for a chart: plotly reads tags (b, i, br, a href) in its texts."""
        return html_text(self(region))


def shows_provinces(results: pd.DataFrame, layout: pd.DataFrame | None = None) -> bool:
    """Return whether the regions of ``results`` are provinces (the built-in tile map)."""
    layout = maps.province_layout() if layout is None else layout
    regions = [r for r in results["region"].unique() if r != TOTAL]
    return maps.are_provinces(regions, layout)


def regions(
    results: pd.DataFrame,
    registry,
    choices: Choices,
    *,
    lang: str,
    min_n: int,
    shape: str | None = None,
    source: str | None = None,
    names: Mapping | None = None,
    weight_column: str | None = None,
    layout: pd.DataFrame | None = None,
    file_stem: str = "regions",
    rest=None,
) -> View:
    """Return the Regions view of ``choices.indicator`` in ``choices.year``: the map (with,
    folded, the user's own map), the ranking with intervals and a comparison of two regions,
    and the spread between regions.

    ``names`` maps regions to the names to show; ``weight_column`` is the weight column of
    aggregates (what each region counts by); ``layout`` the tile layout of the provinces
    (read from the package when None).
    """
    view = View()
    ind = registry.indicator_by_id.get(choices.indicator) if choices.indicator else None
    if ind is None:
        return view.add(Text(_t("no_indicator", lang), tone="info"))
    name = _Names(names, lang)
    layout = maps.province_layout() if layout is None else layout
    year = choices.year
    year_text = str(year) if year is not None else ""
    values = spread.region_values(results, ind.id, year)
    shown = values.loc[~values["suppressed"].astype(bool), "value"]
    decimals = spread.display_decimals(shown, ind.decimals, is_share=ind.is_share)
    ctx = _Context(ind, registry, lang, min_n, shape, source, name, year, year_text, decimals, rest)
    view.add(*map_section(ctx, values, choices, layout))
    view.add(*ranking_section(ctx, results, choices, file_stem))
    view.add(*spread_section(ctx, results, weight_column))
    return view


@dataclass(frozen=True)
class _Context:
    ind: object
    registry: object
    lang: str
    min_n: int
    shape: str | None
    source: str | None
    name: _Names
    year: object
    year_text: str
    decimals: int
    rest: object = None  # the highlighted region and the rest of the country (RegionAndRest)

    def value(self, v) -> str:
        return catalog.format_display(v, self.decimals, is_share=self.ind.is_share, lang=self.lang)


def _with_text(frame: pd.DataFrame, ctx: _Context) -> pd.DataFrame:
    """Add the formatted values (``text``) with the decimals that tell regions apart."""
    frame = frame.copy()
    frame["text"] = [ctx.value(v) for v in frame["value"]]
    return frame


# ---- the map ---------------------------------------------------------------------------------


def map_section(ctx: _Context, values: pd.DataFrame, choices: Choices, layout) -> list:
    """Return the map's blocks: the tile map of the provinces (or why there is none), and an
    expander with the user's own map (a choropleth of the uploaded GeoJSON)."""
    ind, lang = ctx.ind, ctx.lang
    blocks: list = [Heading(_t("map", lang))]
    regions = list(values["region"])
    provinces = maps.are_provinces(regions, layout)
    colour_title = ind.unit(lang)
    if provinces:
        title = (
            _t("tile_title", lang, label=ind.label(lang), year=ctx.year_text)
            if ctx.year is not None
            else _t("tile_title_no_year", lang, label=ind.label(lang))
        )
        tiles = maps.province_tiles(_with_text(values, ctx), layout)
        marked = tiles.loc[tiles["region"] == choices.region, "name"]
        fig = region_charts.tile_map(
            tiles,
            title=title,
            colorbar_title=colour_title,
            highlight=marked.iloc[0] if len(marked) else None,
            tickformat=chart_layout.value_tickformat(ctx.decimals, ind.is_share),
        )
        right = _colour_note(ctx, tiles)
        unmatched = sorted(set(regions) - set(maps.match_provinces(regions, layout)))
        if unmatched:
            listed = _examples(ctx.name.md(r) for r in unmatched)
            right.append(Text(_t("unmatched_provinces", lang, regions=listed), tone="caption"))
        blocks.append(
            Columns(
                (
                    (chart(fig, lang, ctx.source, key="tile_map"),),
                    tuple(right),
                ),
                widths=(3, 2),
            )
        )
    else:
        blocks.append(Text(_t("not_provinces", lang), tone="info"))
    blocks.append(
        Expander(
            _t("own_map", lang),
            tuple(own_map(ctx, values, choices)),
            expanded=not provinces,
        )
    )
    return blocks


def _colour_note(ctx: _Context, tiles: pd.DataFrame) -> list:
    """Say which colour is which value, and when the range is narrow, that it is."""
    known = tiles[tiles["value"].notna()].sort_values(["value", "name"])
    if len(known) < 2:
        return []
    low, high = known.iloc[0], known.iloc[-1]
    out = [
        Text(
            _t(
                "colour_range",
                ctx.lang,
                min_region=escape_markdown(low["name"]),
                min=low["text"],
                max_region=escape_markdown(high["name"]),
                max=high["text"],
            )
        )
    ]
    if ctx.decimals > ctx.ind.decimals:
        out.append(
            Text(
                _t("narrow_range", ctx.lang, min=low["text"], max=high["text"], d=ctx.decimals),
                tone="info",
                icon=":material/info:",
            )
        )
    return out


def own_map(ctx: _Context, values: pd.DataFrame, choices: Choices) -> list:
    """Return the blocks of the user's own map: its choropleth, or why no area matched."""
    geo, prop = choices.geojson, choices.geojson_property
    if geo is None or prop is None:
        return []
    ind, lang = ctx.ind, ctx.lang
    regions = list(values["region"])
    match = maps.match_geojson(geo, prop, regions)
    if not match.locations:
        return [
            Text(
                _t(
                    "no_match",
                    lang,
                    prop=escape_markdown(prop),
                    features=escape_markdown(_examples(match.unmatched_features)),
                    regions=escape_markdown(_examples(regions)),
                ),
                tone="warning",
            )
        ]
    frame = _with_text(values, ctx)
    frame = frame[frame["region"].isin(match.locations)]
    frame["location"] = frame["region"].map(match.locations)
    frame["region"] = frame["region"].map(ctx.name.html)
    fig = region_charts.choropleth(
        frame,
        geo,
        prop,
        title=(
            _t("map_title", lang, label=ind.label(lang), year=ctx.year_text)
            if ctx.year is not None
            else ind.label(lang)
        ),
        colorbar_title=ind.unit(lang),
        bounds=maps.geojson_bounds(geo),
    )
    blocks = [chart(fig, lang, ctx.source, key="choropleth")]
    if match.unmatched_regions:
        blocks.append(
            Text(
                _t(
                    "partly_matched",
                    lang,
                    n=len(match.unmatched_regions),
                    total=len(regions),
                    regions=escape_markdown(_examples(match.unmatched_regions)),
                ),
                tone="caption",
            )
        )
    return blocks


# ---- the ranking -----------------------------------------------------------------------------


def interval_text(ctx: _Context, low, high) -> str:
    """Return "95% interval: low to high" with the ranking's decimals ('' when unknown)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return ""
    return _t("interval_hover", ctx.lang, low=ctx.value(low), high=ctx.value(high))


def ranking_section(ctx: _Context, results: pd.DataFrame, choices: Choices, file_stem: str):
    """Return the ranking: bars (shares, from 0) or dots (on an axis zoomed to the data), each
    with the results' 95% interval; the comparison of two regions; the numbers to download."""
    ind, lang = ctx.ind, ctx.lang
    blocks: list = [Heading(_t("ranking", lang))]
    rank = ranking.ranking(results, ctx.registry, ind.id, ctx.year)
    if not rank.n_regions:  # nothing to rank: no empty chart, only why
        blocks.append(Text(_t("nothing_ranked", lang), tone="info"))
        blocks += _hidden_note(ctx, results, rank)
        return blocks
    frame = _with_text(rank.frame, ctx)
    frame["region"] = frame["region"].map(ctx.name.html)
    frame["ci_text"] = [
        interval_text(ctx, lo, hi) for lo, hi in zip(frame["ci_low"], frame["ci_high"], strict=True)
    ]
    if ctx.shape == MICRODATA:  # each value tells its n on hover
        frame["n_text"] = [N_TEXT[lang].format(n=format_number(n, 0, lang)) for n in frame["n"]]
    # Shares are parts of a whole: bars from 0. Other measures (means, medians, percentiles,
    # indices): dots on an axis zoomed to the data, so differences of a few tenths show.
    dots = not ind.is_share
    if dots and rank.has_se:
        key = "dots_title" if ctx.year is not None else "dots_title_no_year"
    else:
        key = "bars_title" if ctx.year is not None else "bars_title_no_year"
    if ind.polarity not in ("higher_is_better", "lower_is_better"):
        key += "_high"  # no direction is better: ranked highest first, and said so
    title = _t(key, lang, label=ind.label(lang), year=ctx.year_text)
    draw = region_charts.ranked_dots if dots else region_charts.ranked_bars
    fig = draw(
        frame,
        title=title,
        x_title=ind.unit(lang),
        total=rank.total,
        total_label=_t("total_label", lang, value=ctx.value(rank.total)),
        highlight=ctx.name.html(choices.region) if choices.region != TOTAL else None,
        error_label=_t("error_label", lang),
        split_after=rank.limit if rank.trimmed else None,
        tickformat=chart_layout.value_tickformat(None, ind.is_share),
    )
    blocks.append(chart(fig, lang, ctx.source, key="ranking"))
    if dots:
        blocks.append(Text(_t("dots_note", lang), tone="caption"))
    if rank.has_se:
        blocks.append(Text(_t("error_bars", lang), tone="caption"))
    elif ctx.shape == AGGREGATES:
        blocks.append(Text(_t("no_intervals_aggregates", lang), tone="caption"))
    if rank.trimmed:
        blocks.append(Text(_t("trimmed", lang, n=rank.n_regions, k=rank.limit), tone="caption"))
    blocks += _hidden_note(ctx, results, rank)
    blocks += comparison(ctx, results, choices)
    blocks.append(_download(ctx, results, file_stem))
    return blocks


def _hidden_note(ctx: _Context, results: pd.DataFrame, rank) -> list:
    """Say which regions have no value and why (missing, hidden with their n, not applicable)."""
    if not rank.n_suppressed:
        return []
    values = spread.region_values(results, ctx.ind.id, ctx.year)
    gone = values[values["status"] != OK]
    why = spread.states_in_words(
        [ctx.name.md(r) for r in gone["region"]],
        gone["status"],
        gone["n"],
        lang=ctx.lang,
        min_n=ctx.min_n,
    )
    return [Text(_t("suppressed_note", ctx.lang, n=len(gone), why=why), tone="caption")]


def _row(results: pd.DataFrame, indicator: str, region, year):
    rows = results[(results["indicator"] == indicator) & (results["region"] == region)]
    if year is not None and "year" in rows:
        rows = rows[rows["year"] == year]
    return rows.iloc[0] if len(rows) else None


def _shown(row) -> tuple[float, float]:
    """Return a row's value and se as shown: NaN when suppressed or not there."""
    if row is None or bool(row.get("suppressed", False)) or row.get("status") == SUPPRESSED:
        return math.nan, math.nan
    se = row.get("se", math.nan)
    return float(row["value"]), float(se) if se is not None else math.nan


def comparison(ctx: _Context, results: pd.DataFrame, choices: Choices) -> list:
    """Return the sentence comparing the highlighted region with ``choices.other``: the
    difference with its 95% interval and whether it is significant (two independent
    samples: :func:`indicators.analyses.compare.difference`)."""
    other, region, lang = choices.other, choices.region, ctx.lang
    if other is None or other == region:
        return []
    other_name = _t("rest_of_country", lang) if other == REST else ctx.name.md(other)
    if region == TOTAL:
        return [Text(_t("compare_pick_region", lang, other=other_name), tone="caption")]
    a, se_a = _shown(_row(results, ctx.ind.id, region, ctx.year))
    b, se_b = _shown(_row(results, ctx.ind.id, other, ctx.year))
    names = {"a": ctx.name.md(region), "b": other_name}
    if other == REST:
        if ctx.shape == AGGREGATES:
            return [Text(_t("rest_aggregates", lang), tone="caption")]
        found_rest = ctx.rest
        if found_rest is None:
            return [Text(_t("compare_missing", lang, which=other_name, **names), tone="info")]
        a, se_a = found_rest.value, found_rest.se
        b, se_b = found_rest.rest_value, found_rest.rest_se
    if not (math.isfinite(a) and math.isfinite(b)):
        which = names["a"] if not math.isfinite(a) else names["b"]
        return [Text(_t("compare_missing", lang, which=which, **names), tone="info")]
    found = compare.difference(a, se_a, b, se_b)

    d = amounts.decimals_for(ctx.ind, found.diff, found.se, least=ctx.decimals)

    def change(x: float) -> str:
        return amounts.signed(ctx.ind, x, lang, d)

    values = {"value_a": ctx.value(a), "value_b": ctx.value(b), "diff": change(found.diff)}
    if found.significant is None:
        return [Text(_t("compare_exact", lang, **names, **values))]
    key = "compare_significant" if found.significant else "compare_unclear"
    word = _t("higher" if found.diff > 0 else "lower", lang)
    return [
        Text(
            _t(
                key,
                lang,
                low=change(found.ci_low),
                high=change(found.ci_high),
                word=word,
                **names,
                **values,
            )
        )
    ]


def numbers(results: pd.DataFrame, registry, indicator: str, lang: str, names, year=None):
    """Return the numbers behind the ranking and the map, as a download has them: region
    codes with their names, label and unit, value and (where present) se and interval, n."""
    rows = results[results["indicator"] == indicator]
    if year is not None and "year" in rows:
        rows = rows[rows["year"] == year]
    out = export.labelled_results(rows, registry, lang)
    out.insert(out.columns.get_loc("region") + 1, "region_name", out["region"].map(names))
    keep = [
        c
        for c in (
            "region",
            "region_name",
            "year",
            "indicator",
            "indicator_label",
            "unit",
            "value",
            "se",
            "ci_low",
            "ci_high",
            "n",
            "weight_sum",
            "suppressed",
            "status",
        )
        if c in out
    ]
    out = out[keep]
    interval = [c for c in ("se", "ci_low", "ci_high") if c in out]
    if interval and out[interval].isna().all().all():  # aggregates: no columns of blanks
        out = out.drop(columns=interval)
    return out.reset_index(drop=True)


def _download(ctx: _Context, results: pd.DataFrame, file_stem: str) -> Download:
    frame = numbers(results, ctx.registry, ctx.ind.id, ctx.lang, ctx.name, ctx.year)
    suffix = f"_{ctx.year}" if ctx.year is not None else ""
    return Download(
        _t("download", ctx.lang),
        export.to_csv(frame, ctx.lang),
        file_name=f"{file_stem}_{ctx.ind.id}{suffix}.csv",
        mime="text/csv",
        key="regions_download",
    )


# ---- the spread ------------------------------------------------------------------------------


def spread_section(ctx: _Context, results: pd.DataFrame, weight_column: str | None) -> list:
    """Return the spread between regions: ratio, coefficient of variation, Gini and Theil,
    each with what it means and what it says here."""
    lang = ctx.lang
    blocks: list = [Heading(_t("spread", lang))]
    if weight_column:
        weight = (
            _t("weight_micro", lang)
            if ctx.shape == MICRODATA
            else _t("weight_agg", lang, column=escape_markdown(weight_column))
        )
    else:
        weight = _t("weight_none", lang)
    d = spread.disparities(results, ctx.ind.id, ctx.year)
    if d["n"] < 2:
        blocks.append(Text(_t("too_few", lang), tone="info"))
        return blocks
    blocks.append(Text(_t("spread_intro", lang, weight=weight), tone="caption"))
    rows = [
        (
            "ratio",
            catalog.format_number(d["ratio"], 2, lang),
            _t(
                "ratio_text",
                lang,
                max_region=ctx.name.md(d["max_region"]),
                max=ctx.value(d["max"]),
                min_region=ctx.name.md(d["min_region"]),
                min=ctx.value(d["min"]),
            ),
        ),
        ("cv", spread.readable_index(d["cv"], lang), _t("cv_text", lang)),
        ("gini", spread.readable_index(d["gini"], lang), _t("gini_text", lang)),
        ("theil", spread.readable_index(d["theil"], lang), _t("theil_text", lang)),
    ]
    readings = spread.spread_readings(d, lang, is_share=ctx.ind.is_share)
    table = pd.DataFrame(
        [
            (_t(key, lang), shown, f"{meaning} {readings.get(key, '')}".strip())
            for key, shown, meaning in rows
        ],
        columns=[_t("measure", lang), _t("value", lang), _t("meaning", lang)],
    )
    blocks.append(Table(table, key="spread_table", static=True))
    blocks.append(Text(_t("n_regions", lang, n=d["n"]), tone="caption"))
    return blocks
