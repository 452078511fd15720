"""The Profiles & index page as a view: disparities and convergence (the Theil split between
and within regions over the years, sigma convergence, beta convergence), a region's profile of
scores 0-10 against the Total with its similar regions, and the composite index with the
user's weights, its rank intervals and the note that weights are value choices."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators.analyses import convergence as conv
from indicators.analyses import index as index_
from indicators.analyses import profiles as profiles_
from indicators.charts import profiles as charts
from indicators.io.export import to_csv
from indicators.registry.catalog import format_number
from indicators.results import TOTAL
from indicators.text import text
from indicators.views.blocks import Columns, Download, Heading, Table, Text, View
from indicators.views.common import chart
from indicators.views.escape import escape_markdown, html_text

METHODS = index_.METHODS


@dataclass(frozen=True)
class Choices:
    """What the user chose on the Profiles & index page."""

    indicator: str | None = None  # the indicator whose convergence is shown
    region: str | None = None  # the region whose profile is shown
    year: object = None  # the year of profiles and index (the last by default)
    weights: tuple = ()  # (dimension, weight) pairs; equal when empty
    method: str = "minmax"
    adjusted: bool = False
    weighted: bool = False  # regions weighted by population (a weight is mapped)
    draws: int = index_.DRAWS
    seed: int = index_.SEED


def index_dimensions(results: pd.DataFrame, registry, *, year, method: str, adjusted: bool):
    """Return the dimensions the composite index has (indicators with a spread to score), each
    of which gets a weight."""
    plain = index_.composite(
        results, registry, year=year, method=method, adjusted=adjusted, draws=0
    )
    return list(plain.dimensions) if plain is not None else []


def _t(key: str, lang: str, **values) -> str:
    return text(f"profiles.{key}", lang, **values)


def profiles(
    results: pd.DataFrame,
    registry,
    choices: Choices,
    *,
    lang: str,
    table: pd.DataFrame | None = None,
    names: dict | None = None,
    source: str | None = None,
) -> View:
    """Return the page for ``choices``: ``results`` holds one value per region, year and
    indicator; ``table`` the full results with the Theil parts on the Total rows; ``names``
    the names to show for regions (codes by default)."""
    names = dict(names or {})
    view = View()
    if results.empty:
        return view.add(Text(_t("no_indicators", lang), tone="info"))
    view.add(*convergence_blocks(results, table, registry, choices, lang, names, source))
    view.add(*profile_blocks(results, registry, choices, lang, names, source))
    view.add(*index_blocks(results, registry, choices, lang, names, source))
    return view


def _name(names: dict, region, lang: str) -> str:
    if region == TOTAL:
        return text("common.total", lang)
    return str(names.get(region, region))


def _year_of(results: pd.DataFrame, year):
    if "year" not in results or results["year"].isna().all():
        return None
    return year if year is not None else max(results["year"].dropna())


# ---- disparities and convergence --------------------------------------------------------------


def convergence_blocks(results, table, registry, choices, lang, names, source) -> list:
    blocks = [Heading(_t("convergence", lang), level=2, divider=True)]
    if "year" not in results or results["year"].nunique() < 2:
        return [*blocks, Text(_t("no_years", lang), tone="info")]
    ind = registry.indicator_by_id.get(choices.indicator) if choices.indicator else None
    # the Theil split: of the chosen indicator's variable when it has a Theil indicator
    full = table if table is not None else results
    theils = full[(full["region"] == TOTAL) & (full["measure"] == "theil")]
    theil_ids = list(dict.fromkeys(theils["indicator"])) if not theils.empty else []
    own = [
        i
        for i in theil_ids
        if ind is not None and registry.indicator_by_id[i].variable == ind.variable
    ]
    theil_id = (own or theil_ids or [None])[0]
    split = conv.theil_split(full, theil_id) if theil_id else conv.theil_split(full.iloc[:0])
    if theil_id and not split.dropna(subset=["share_between"]).empty:
        var = registry.variable_by_id[registry.indicator_by_id[theil_id].variable]
        label = var.label(lang).lower()
        fig = charts.theil_split_bars(
            split,
            title=_t("theil_title", lang, label=label),
            between=_t("between", lang),
            within=_t("within", lang),
            y_title=_t("theil_axis", lang),
        )
        blocks += [
            Text(escape_markdown(conv.theil_reading(split, label, lang))),
            chart(fig, lang, source, key="profiles_theil"),
        ]
    else:
        blocks.append(Text(conv.theil_reading(split, "", lang), tone="caption"))
    if ind is None:
        return blocks
    levels = conv.levels_from_results(results, ind.id, weighted=choices.weighted)
    spread = conv.sigma(levels)
    beta = conv.beta_convergence(levels, weighted=choices.weighted)
    label = ind.label(lang)
    blocks.append(Text(_t("weighted" if choices.weighted else "unweighted", lang), tone="caption"))
    left = [Text(escape_markdown(conv.sigma_reading(spread, lang)))]
    last = spread.dropna(subset=["top_bottom_ratio"])
    if not last.empty:
        row = last.iloc[-1]
        left.append(
            Text(
                _t(
                    "top_bottom",
                    lang,
                    ratio=format_number(row["top_bottom_ratio"], 2, lang),
                    year=last["year"].iloc[-1],
                )
            )
        )
    sigma_fig = charts.sigma_lines(
        spread,
        title=_t("sigma_title", lang, label=label),
        names={"sigma": _t("sigma", lang), "cv": _t("cv", lang)},
        y_title=_t("spread_axis", lang),
    )
    left.append(chart(sigma_fig, lang, source, key="profiles_sigma"))
    right = [Text(escape_markdown(conv.beta_reading(beta, lang)))]
    if beta is not None:
        points = beta.points.assign(  # names are text in the figure (plotly reads tags)
            name=[html_text(_name(names, r, lang)) for r in beta.points["region"]]
        )
        beta_fig = charts.beta_scatter(
            points,
            alpha=beta.alpha,
            beta=beta.beta,
            title=_t("beta_title", lang, label=label, first=beta.first, last=beta.last),
            x_title=_t("beta_x", lang, first=beta.first),
            y_title=_t("beta_y", lang),
            line_name=_t("beta_line", lang),
        )
        right.append(chart(beta_fig, lang, source, key="profiles_beta"))
    blocks.append(Columns((tuple(left), tuple(right))))
    return blocks


# ---- a region's profile and similar regions ---------------------------------------------------


def profile_blocks(results, registry, choices, lang, names, source) -> list:
    blocks = [Heading(_t("profile", lang), level=2, divider=True)]
    year = _year_of(results, choices.year)
    scores, no_direction, flat = profiles_.profiles(results, registry, year)
    regions = [r for r in scores.index if r != TOTAL]
    if scores.empty or not regions:
        return [*blocks, Text(_t("no_indicators", lang), tone="info")]
    region = choices.region if choices.region in regions else regions[0]
    profile = profiles_.profile_table(scores, region, registry, lang)
    region_name = _name(names, region, lang)
    fig = charts.profile_bars(
        profile.assign(label=[html_text(label) for label in profile["label"]]),
        title=_t(
            "profile_title",
            lang,
            region=html_text(region_name),
            year=year if year is not None else "",
        ),
        region_name=html_text(region_name),
        total_name=text("common.total", lang),
        x_title=_t("score_axis", lang),
    )
    blocks += [Text(_t("profile_note", lang), tone="caption")]
    labels = {i: registry.indicator_by_id[i].label(lang) for i in scores.columns}
    for key, left_out in (("left_out", no_direction), ("flat", flat)):
        if left_out:
            said = ", ".join(registry.indicator_by_id[i].label(lang) for i in left_out)
            blocks.append(Text(_t(key, lang, names=escape_markdown(said)), tone="caption"))
    near = profiles_.similar_regions(scores, region, k=3)
    side = [Heading(_t("similar", lang), level=3)]
    if near.empty:
        side.append(Text(_t("no_similar", lang), tone="info"))
    else:
        side.append(
            Text(_t("similar_intro", lang, region=escape_markdown(region_name)), tone="caption")
        )
        for row in near.itertuples(index=False):
            alike = ", ".join(labels[i] for i in row.alike)
            side.append(
                Text(
                    _t(
                        "similar_one",
                        lang,
                        region=escape_markdown(_name(names, row.region, lang)),
                        distance=format_number(row.distance, 1, lang),
                        alike=escape_markdown(alike),
                    )
                )
            )
        shown = [region, *near["region"]]
        frame = pd.DataFrame({_t("col_indicator", lang): [labels[i] for i in profile["indicator"]]})
        for r in shown:
            frame[_name(names, r, lang)] = [
                format_number(scores.at[r, i], 1, lang) for i in profile["indicator"]
            ]
        side.append(Table(frame, key="profiles_similar"))
    blocks.append(
        Columns(((chart(fig, lang, source, key="profiles_profile"),), tuple(side)), widths=(1, 1))
    )
    return blocks


# ---- the composite index ----------------------------------------------------------------------


def index_blocks(results, registry, choices, lang, names, source) -> list:
    blocks = [
        Heading(_t("index", lang), level=2, divider=True),
        Text(_t("value_choices", lang), tone="warning", icon=":material/balance:"),
    ]
    year = _year_of(results, choices.year)
    weights = dict(choices.weights) or None
    result = None
    if weights is None or any(w > 0 for w in weights.values()):
        result = index_.composite(
            results,
            registry,
            year=year,
            weights=weights,
            method=choices.method,
            adjusted=choices.adjusted,
            draws=choices.draws,
            seed=choices.seed,
        )
    if result is None:
        return [*blocks, Text(_t("no_index", lang), tone="info")]
    dims = {d.id: d.label(lang) for d in registry.dimensions}
    shares = ", ".join(
        f"{dims.get(d, d)} {format_number(100 * w, 1, lang)}%"
        for d, w in result.dimension_weights.items()
    )
    blocks.append(Text(_t("index_weights", lang, weights=escape_markdown(shares)), tone="caption"))
    if len(result.dimensions) == 1:
        blocks.append(Text(_t("one_dimension", lang), tone="info"))
    t = result.table.assign(name=[_name(names, r, lang) for r in result.table["region"]])
    fig = charts.rank_intervals(
        t.assign(name=[html_text(n) for n in t["name"]]),  # text in the figure
        title=_t("rank_title", lang, year=year if year is not None else "", draws=result.draws),
        x_title=_t("rank_axis", lang),
        point_name=_t("rank_point", lang),
        interval_name=_t("rank_interval", lang),
    )
    blocks += [
        chart(fig, lang, source, key="profiles_rank"),
        Text(_t("rank_note", lang, draws=result.draws, seed=choices.seed), tone="caption"),
    ]
    shown = pd.DataFrame(
        {
            _t("col_rank", lang): t["rank"],
            _t("col_region", lang): t["name"],
            _t("col_index", lang): [format_number(v, 2, lang) for v in t["index"]],
            _t("col_p05", lang): t["rank_p05"],
            _t("col_p95", lang): t["rank_p95"],
        }
    )
    for dim in result.dimensions:
        shown[dims.get(dim, dim)] = [format_number(v, 1, lang) for v in t[dim]]
    blocks.append(Table(shown, key="profiles_index"))
    blocks.append(
        Download(
            _t("download", lang),
            to_csv(result.table, lang),
            f"index_{year}.csv" if year is not None else "index.csv",
            "text/csv",
            key="profiles_download",
        )
    )
    return blocks
