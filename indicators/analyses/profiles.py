"""Where a region stands across all indicators: scores from 0 to 10 and similar regions.

As the OECD's regional well-being tool: every indicator becomes a score from 0 (the worst
region) to 10 (the best region), min-max over the regions in one year, with the direction from
the indicator's polarity (for a lower-is-better indicator the lowest value scores 10). The
Total (all regions together) is scored on the same scale. Indicators without a direction
(polarity neither higher nor lower is better) have no best and worst: they are left out and
named. Indicators whose regions all have the same value have no spread to score: left out too.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from indicators.results import OK, TOTAL, TOTAL_PART, WHOLE

HIGHER, LOWER = "higher_is_better", "lower_is_better"
SCALE = 10.0


def values_in(results: pd.DataFrame, year=None) -> pd.DataFrame:
    """Return the whole population's values of one year as a table region x indicator
    (the Total included), from the results table; only values whose state is ok."""
    rows = results
    if "breakdown" in rows:
        rows = rows[rows["breakdown"].fillna(WHOLE) == WHOLE]
    if "part" in rows:
        rows = rows[rows["part"].fillna(TOTAL_PART) == TOTAL_PART]
    if year is not None and "year" in rows:
        rows = rows[rows["year"] == year]
    if "status" in rows:
        rows = rows[rows["status"] == OK]
    return rows.pivot_table(index="region", columns="indicator", values="value", aggfunc="first")


def directions(registry, indicators) -> dict[str, int]:
    """Return +1 (higher is better) or -1 (lower is better) per indicator with a direction."""
    out = {}
    for ind_id in indicators:
        ind = registry.indicator_by_id.get(ind_id)
        if ind is not None and ind.polarity in (HIGHER, LOWER):
            out[ind_id] = 1 if ind.polarity == HIGHER else -1
    return out


def minmax_scores(values: pd.DataFrame, direction: dict[str, int]) -> pd.DataFrame:
    """Return scores 0-10 of a table region x indicator: min-max over the regions (the row
    ``Total`` is scored on the regions' scale, not part of it), turned by ``direction``.

    >>> v = pd.DataFrame({"a": [1.0, 2.0, 3.0, 2.5], "b": [10.0, 20.0, 30.0, 15.0]},
    ...                  index=["r1", "r2", "r3", "Total"])
    >>> minmax_scores(v, {"a": 1, "b": -1}).round(2).to_dict("list")
    {'a': [0.0, 5.0, 10.0, 7.5], 'b': [10.0, 5.0, 0.0, 7.5]}
    """
    cols = [c for c in values.columns if c in direction]
    regions = values.loc[[r for r in values.index if r != TOTAL], cols]
    low, high = regions.min(), regions.max()
    spread = (high - low).replace(0, np.nan)
    up = (values[cols] - low) / spread * SCALE
    turned = pd.Series({c: direction[c] for c in cols}, dtype=float)
    return up.where(np.broadcast_to((turned > 0).to_numpy(), up.shape), SCALE - up)


def profiles(results: pd.DataFrame, registry, year=None) -> tuple[pd.DataFrame, list, list]:
    """Return the scores 0-10 (region x indicator, with the Total), the indicators left out
    for want of a direction, and those left out because every region has the same value."""
    values = values_in(results, year)
    direction = directions(registry, values.columns)
    no_direction = [c for c in values.columns if c not in direction]
    scores = minmax_scores(values, direction)
    flat = [c for c in scores.columns if scores[c].isna().all()]
    return scores.drop(columns=flat), no_direction, flat


def profile_table(scores: pd.DataFrame, region, registry, lang: str) -> pd.DataFrame:
    """Return one region's profile in long form: indicator, label, dimension, score, total
    (the Total's score), in the registry's order of dimensions."""
    order = {dim.id: i for i, dim in enumerate(registry.dimensions)}
    rows = []
    for ind_id in scores.columns:
        ind = registry.indicator_by_id[ind_id]
        rows.append(
            {
                "indicator": ind_id,
                "label": ind.label(lang),
                "dimension": ind.dimension,
                "score": scores.at[region, ind_id] if region in scores.index else np.nan,
                "total": scores.at[TOTAL, ind_id] if TOTAL in scores.index else np.nan,
                "_order": order.get(ind.dimension, len(order)),
            }
        )
    out = pd.DataFrame(
        rows, columns=["indicator", "label", "dimension", "score", "total", "_order"]
    )
    return out.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def similar_regions(scores: pd.DataFrame, region, k: int = 3, close: int = 3) -> pd.DataFrame:
    """Return the ``k`` regions whose profiles lie closest to ``region``'s.

    The distance is the root mean square difference of the scores over the indicators both
    have (0 = the same profile, 10 = opposite ends everywhere). ``alike`` lists the ``close``
    indicators on which the two are nearest (what makes them similar).

    >>> s = pd.DataFrame({"a": [0.0, 1.0, 10.0], "b": [0.0, 0.0, 10.0]}, index=["x", "y", "z"])
    >>> similar_regions(s, "x", k=2)[["region", "distance"]].round(3).to_dict("list")
    {'region': ['y', 'z'], 'distance': [0.707, 10.0]}
    """
    regions = scores.loc[[r for r in scores.index if r != TOTAL]]
    if region not in regions.index:
        return pd.DataFrame(columns=["region", "distance", "n_indicators", "alike"])
    own = regions.loc[region].to_numpy(dtype=float)
    others = regions.drop(index=region)
    diff = np.abs(others.to_numpy(dtype=float) - own)  # regions x indicators
    both = np.isfinite(diff)
    n = both.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        distance = np.sqrt(np.where(both, diff**2, 0.0).sum(axis=1) / n)
    cols = np.array(regions.columns)
    order = np.argsort(np.where(both, diff, np.inf), axis=1, kind="stable")[:, :close]
    alike = [list(cols[row[both[i, row]]]) for i, row in enumerate(order)]
    out = pd.DataFrame(
        {"region": others.index, "distance": distance, "n_indicators": n, "alike": alike}
    )
    out = out[out["n_indicators"] > 0]
    return out.sort_values(["distance", "region"], kind="stable").head(k).reset_index(drop=True)
