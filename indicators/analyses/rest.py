"""A region against the rest of the country: the indicator for the region and for everyone in
the other regions, each with its standard error, so that :func:`compare.difference` can judge
the gap (as CBS compares a region with the rest of the Netherlands).

The rest is computed from the rows, not from the Total (the Total holds the region itself, so
a region against the Total is not a comparison of two independent samples). With strata or
clusters that cross regions the two estimates share design units and the difference's standard
error, which takes them as independent, is an approximation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import pandas as pd

from indicators.dataset.mapping import REGION, YEAR
from indicators.results import TOTAL, compute

REST = "\x00rest of the country"  # the label of the other regions' rows (no region is named so)


@dataclass(frozen=True)
class RegionAndRest:
    """The indicator in one region and in the rest of the country, with standard errors."""

    value: float
    se: float
    rest_value: float
    rest_se: float
    n: float
    rest_n: float


def against_rest(
    prepared, registry, indicator: str, region, *, year=None, level: float = 0.95, min_n: int = 0
) -> RegionAndRest | None:
    """Return the indicator for ``region`` and for all other regions together in ``year``
    (microdata only: None for aggregates, for an unknown region, or without other regions).

    The national poverty line stays the line of all regions: the rows are those of the year,
    every region included, only the region column is relabelled.
    """
    if prepared.shape == "aggregates" or region in (None, TOTAL):
        return None
    frame = prepared.frame
    if year is not None and YEAR in frame:
        frame = frame[frame[YEAR] == year]
    inside = frame[REGION] == region
    if not inside.any() or inside.all():
        return None
    relabelled = frame.assign(**{REGION: frame[REGION].where(inside, REST)})
    relabelled = relabelled.reset_index(drop=True)
    table = compute(
        replace(prepared, frame=relabelled),
        registry,
        indicators=[indicator],
        min_n=min_n,
        ci=level,
        **prepared.design,
    )
    table = table[
        (table["breakdown"].fillna("") == "") & (table["part"].fillna("total") == "total")
    ]
    rows = {r: table[table["region"] == r] for r in (region, REST)}
    if any(len(r) != 1 for r in rows.values()):
        return None

    def number(row, column) -> float:
        value = pd.to_numeric(row[column], errors="coerce").iloc[0]
        return math.nan if pd.isna(value) else float(value)

    if bool(rows[region]["suppressed"].iloc[0]) or bool(rows[REST]["suppressed"].iloc[0]):
        return None
    return RegionAndRest(
        number(rows[region], "value"),
        number(rows[region], "se"),
        number(rows[REST], "value"),
        number(rows[REST], "se"),
        number(rows[region], "n"),
        number(rows[REST], "n"),
    )
