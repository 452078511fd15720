"""What a report can hold: the views of the pages, built by the same view functions.

:data:`REPORT_VIEWS` maps a view's name to its default choices and its build function,
``build(data, choices, lang) -> View``, over a :class:`ReportData` (the prepared data, the
results, the registry, the source's name and the small-cell setting). The inputs of each view
are prepared by the functions of its view module, the ones its page calls (and caches), so a
report never drifts from the pages. Adding a view to reports is one entry in REPORT_VIEWS.

Examples
--------
>>> list(REPORT_VIEWS)
['findings', 'overview', 'distribution', 'regions', 'trends', 'groups', 'profiles']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

import pandas as pd

from indicators.analyses.findings import findings_table
from indicators.dataset import region_names
from indicators.dataset.own_variables import MICRODATA
from indicators.dataset.prepare import Prepared, prepare
from indicators.errors import DataError
from indicators.io.export import file_stem
from indicators.results import MIN_N, TOTAL, compute, whole_population
from indicators.text import text
from indicators.views import distribution as distribution_view
from indicators.views import findings as findings_view
from indicators.views import groups as groups_view
from indicators.views import overview as overview_view
from indicators.views import profiles as profiles_view
from indicators.views import regions as regions_view
from indicators.views import trends as trends_view
from indicators.views.blocks import Text, View

LEVEL = 0.95  # the intervals of survey microdata, as on the pages


@dataclass
class ReportData:
    """The data a report is made of: the prepared dataset and its results, as the app has them.

    ``table`` is the full results table (the whole population with decomposition parts and a
    breakdown by every mapped group column), ``results`` its whole-population rows (one value
    per region, year and indicator), ``raw`` the table as read (for region names and higher
    regions), ``source`` the data's name as shown, ``min_n`` the small-cell setting.
    """

    prepared: Prepared
    table: pd.DataFrame
    registry: Any
    source: str
    min_n: int = MIN_N
    raw: pd.DataFrame | None = None
    source_name: str | None = None  # the file's name, for file names (default: ``source``)
    made: dt.date = field(default_factory=dt.date.today)

    @cached_property
    def results(self) -> pd.DataFrame:
        return whole_population(self.table)

    @cached_property
    def full(self) -> pd.DataFrame:
        """The whole population's rows with decomposition parts (the Theil split)."""
        if "breakdown" not in self.table:
            return self.table
        return self.table[self.table["breakdown"].fillna("") == ""].reset_index(drop=True)

    @property
    def shape(self) -> str:
        return self.prepared.shape

    @cached_property
    def names(self) -> dict:
        """``{region: name to show}`` (CBS codes by their names)."""
        own = {}
        if self.raw is not None and self.prepared.mapping.region in self.raw:
            own = region_names.own_names(self.raw, self.prepared.mapping.region)
        return region_names.display_names(self.prepared.regions, own)

    def region_name(self, region, lang: str) -> str:
        return text("common.total", lang) if region == TOTAL else self.names.get(region, region)

    @property
    def stem(self) -> str:
        return file_stem(self.source_name or self.source)

    def indicators(self) -> list:
        """The registry's indicators with results, in registry order (the pages' choice)."""
        present = set(self.results["indicator"].unique())
        return [ind for ind in self.registry.indicators if ind.id in present]

    def first_indicator(self) -> str | None:
        inds = self.indicators()
        return inds[0].id if inds else None

    def last_year(self):
        years = self.prepared.years
        return years[-1] if years else None


def intervals(prepared: Prepared) -> dict:
    """Survey microdata: every value with its 95% interval for the mapped design (strata,
    primary sampling units), as the app computes them; aggregates have none."""
    if prepared.shape != MICRODATA:
        return {}
    return {"ci": LEVEL, **prepared.design}


def report_data(
    raw: pd.DataFrame,
    mapping,
    registry,
    *,
    source: str,
    min_n: int = MIN_N,
    source_name: str | None = None,
) -> ReportData:
    """Prepare ``raw`` with ``mapping`` and compute every result the views need: the whole
    population with intervals (microdata) and a breakdown by every mapped group column."""
    prepared = prepare(raw, mapping, registry, source=source_name or source)
    reg = prepared.registry if prepared.registry is not None else registry
    table = compute(prepared, reg, by=mapping.groups, min_n=min_n, **intervals(prepared))
    return ReportData(prepared, table, reg, source, min_n, raw, source_name)


# ---- the views: default choices and build --------------------------------------------------


def _overview_choices(data: ReportData) -> overview_view.Choices:
    year = data.last_year()
    earlier = overview_view.earlier_years(data.prepared.years, year)
    return overview_view.Choices(region=TOTAL, year=year, since=earlier[0] if earlier else None)


def _overview(data: ReportData, choices, lang: str) -> View:
    return overview_view.overview(
        data.results, data.registry, choices, lang=lang, min_n=data.min_n, shape=data.shape
    )


def _distribution_choices(data: ReportData) -> distribution_view.Choices | None:
    variables, _ = distribution_view.plottable(data.prepared, data.registry)
    if not variables:
        return None
    return distribution_view.Choices(variable=variables[0], year=data.last_year())


def _distribution(data: ReportData, choices, lang: str) -> View:
    if choices is None:
        return View([Text(text("distribution_page.no_variables", lang), tone="info")])
    raw = data.raw if data.raw is not None else data.prepared.frame
    group = distribution_view.grouping(data.prepared, raw, data.names, None)
    rows = distribution_view.units(data.prepared, choices.variable, choices.year, group)
    return distribution_view.distribution(
        data.prepared,
        data.registry,
        choices,
        lang=lang,
        min_n=data.min_n,
        source=data.source,
        group=group,
        rows=rows,
    )


def _regions_choices(data: ReportData) -> regions_view.Choices:
    return regions_view.Choices(indicator=data.first_indicator(), year=data.last_year())


def _regions(data: ReportData, choices, lang: str) -> View:
    return regions_view.regions(
        data.results,
        data.registry,
        choices,
        lang=lang,
        min_n=data.min_n,
        shape=data.shape,
        source=data.source,
        names=data.names,
        weight_column=data.prepared.mapping.weight,
        layout=regions_view.layout(),
        file_stem=data.stem,
        rest=regions_view.rest_of_country(data.prepared, data.registry, choices, data.min_n),
    )


def _trends_choices(data: ReportData) -> trends_view.Choices:
    ind = data.first_indicator()
    years = trends_view.trend_years(data.prepared)
    chosen = ()
    if ind is not None and len(years) >= 2:
        chosen = tuple(trends_view.default_regions(data.results, ind, years))
    return trends_view.Choices(indicator=ind, regions=chosen)


def _trends(data: ReportData, choices, lang: str) -> View:
    return trends_view.trends(
        data.results,
        data.registry,
        choices,
        lang=lang,
        min_n=data.min_n,
        years=trends_view.trend_years(data.prepared),
        shape=data.shape,
        source=data.source,
        names=data.names,
        file_stem=data.stem,
    )


def _groups_choices(data: ReportData) -> groups_view.Choices | None:
    columns = groups_view.group_columns(data.prepared)
    ind = data.first_indicator()
    if data.shape != MICRODATA or not columns or ind is None:
        return None
    return groups_view.Choices(indicator=ind, by=columns[0], region=TOTAL, year=data.last_year())


def _groups(data: ReportData, choices, lang: str) -> View:
    if data.shape != MICRODATA:
        return View([Text(text("groups_page.aggregates", lang), tone="info")])
    if choices is None:
        return View([Text(text("groups_page.no_groups", lang), tone="info")])
    reg, prepared = data.registry, data.prepared
    try:
        gaps = groups_view.gaps(prepared, reg, choices.indicator, choices.by, data.min_n)
    except DataError as err:
        return View([Text(err.text(lang), tone="warning")])
    if choices.group is None:
        group = groups_view.default_group(gaps, choices.region, choices.year)
        choices = groups_view.Choices(**{**choices.__dict__, "group": group})
    ind = reg.indicator_by_id[choices.indicator]
    levels = cuts = None
    try:
        cuts = groups_view.level_cuts(reg, ind.variable)
        if cuts is not None:
            levels = groups_view.levels(prepared, reg, ind.variable, choices.by, cuts[0], cuts[1])
    except DataError:
        levels = cuts = None
    acc, rules = groups_view.stapeling(prepared, reg, choices.by)
    co = (
        None if acc is None else groups_view.together(prepared, rules, choices.region, choices.year)
    )
    return groups_view.groups_view(
        gaps,
        reg,
        choices,
        lang=lang,
        source=data.source,
        region_name=lambda r: data.region_name(r, lang),
        levels=levels,
        level_cuts=cuts,
        accumulation=acc,
        co_occurrence=co,
    )


def _profiles_choices(data: ReportData) -> profiles_view.Choices:
    regions = region_names.in_order(data.prepared.regions)
    return profiles_view.Choices(
        indicator=data.first_indicator(),
        region=regions[0] if regions else None,
        year=data.last_year(),
        weighted=data.prepared.mapping.weight is not None,
    )


def _profiles(data: ReportData, choices, lang: str) -> View:
    return profiles_view.profiles(
        data.results,
        data.registry,
        choices,
        lang=lang,
        table=data.full,
        names=data.names,
        source=data.source,
    )


def _findings_choices(data: ReportData) -> findings_view.FindingsChoices:
    return findings_view.FindingsChoices()


def _findings(data: ReportData, choices, lang: str) -> View:
    found = findings_table(
        data.table,
        data.registry,
        fdr=choices.fdr,
        lang=lang,
        region_name=lambda r: data.region_name(r, lang),
        prepared=data.prepared,
        min_n=data.min_n,
    )
    return findings_view.findings_view(found, data.registry, choices, lang, heading=False)


class ReportView(NamedTuple):
    """One view a report can hold: its default choices for the data, and how it is built."""

    default_choices: Callable[[ReportData], Any]
    build: Callable[[ReportData, Any, str], View]
    title_key: str  # its page's title in the text catalogue


REPORT_VIEWS: dict[str, ReportView] = {
    "findings": ReportView(_findings_choices, _findings, "common.page_findings"),
    "overview": ReportView(_overview_choices, _overview, "common.page_overview"),
    "distribution": ReportView(_distribution_choices, _distribution, "common.page_distribution"),
    "regions": ReportView(_regions_choices, _regions, "common.page_regions"),
    "trends": ReportView(_trends_choices, _trends, "common.page_trends"),
    "groups": ReportView(_groups_choices, _groups, "common.page_groups"),
    "profiles": ReportView(_profiles_choices, _profiles, "common.page_profiles"),
}


def view_title(name: str, lang: str) -> str:
    """Return a view's title in ``lang`` (its page's name)."""
    return text(REPORT_VIEWS[name].title_key, lang)


def chosen_views(names) -> list[str]:
    """Return the views asked for, in the order given (all when none is given); an unknown
    name is a :class:`DataError` that lists the known ones.

    >>> chosen_views(["trends", "overview"])
    ['trends', 'overview']
    >>> chosen_views(["map"])
    Traceback (most recent call last):
    indicators.errors.DataError: --views: 'map' is not a view of the report; choose from findings, overview, distribution, regions, trends, groups, profiles.
    """
    known = ", ".join(REPORT_VIEWS)
    if names is None:
        return list(REPORT_VIEWS)
    names = [n.strip() for n in names if n and n.strip()]
    if not names:
        raise DataError.from_text("report.no_views", known=known)
    for name in names:
        if name not in REPORT_VIEWS:
            raise DataError.from_text("report.unknown_view", view=name, known=known)
    return list(dict.fromkeys(names))


@dataclass
class Section:
    """One view of a report, built: its name, title, choices and blocks."""

    name: str
    title: str
    choices: Any
    view: View


def build_sections(data: ReportData, names, lang: str, choices: dict | None = None) -> list:
    """Build the views ``names`` (see :func:`chosen_views`) in ``lang``, each with the choices
    given for it in ``choices`` (by name) or its defaults for the data."""
    sections = []
    for name in chosen_views(names):
        entry = REPORT_VIEWS[name]
        picked = (choices or {}).get(name)
        picked = entry.default_choices(data) if picked is None else picked
        sections.append(
            Section(name, view_title(name, lang), picked, entry.build(data, picked, lang))
        )
    return sections


def used_indicators(data: ReportData, sections) -> list:
    """Return the indicators the sections show (their choices name them), else every indicator
    with results, in registry order: the ones whose definitions the report gives."""
    named = {getattr(s.choices, "indicator", None) for s in sections}
    everything = any(s.name in ("overview", "profiles") for s in sections)
    inds = data.indicators()
    if everything or not named - {None}:
        return inds
    return [ind for ind in inds if ind.id in named]
