"""A composite index of the regions, with the value choices in sight.

1. Indicators: per variable its averages (the catalogue's indicators that do not look beyond
   the average), or, with ``adjusted``, its indicators beyond the average (the bottom, the
   spread: what the average hides) where the catalogue has them; a variable with only one kind
   keeps that one. Indicators without a direction are left out.
2. Scores per indicator over the regions of one year: ``minmax`` (0 = worst region, 10 = best,
   as the OECD), ``zscore`` ((x - mean) / sd over the regions, the population sd, turned so
   that higher is better) or ``target`` (distance to a target: 10 at or beyond the target,
   0 at the worst region, linear between, as COINr's ``n_dist2targ``; the target is the Total
   unless given).
3. Dimension scores: the mean of the dimension's indicator scores (an indicator's weight is its
   dimension's weight shared equally by the dimension's indicators). The index: the mean of the
   dimension scores weighted by the user's dimension weights (equal by default); a region
   without any indicator of a dimension is averaged over the dimensions it has.
4. Rank stability: ``draws`` weight sets from a Dirichlet distribution around the chosen
   weights (concentration ``concentration`` x the number of dimensions x each weight's share,
   so the draws average to the chosen weights), the ranks under each (1 = best) and their 5th
   and 95th percentiles (observed ranks: numpy's ``inverted_cdf``). One matrix product for all
   draws, no loop. The rank under the chosen weights is not forced into its interval; the
   draws centre on the chosen weights, and the tests check on hand-made, random and demo
   tables that it lies inside.

Weights are value choices, not facts: the rank intervals show how much a ranking rests on them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.analyses.profiles import SCALE, directions, values_in
from indicators.results import TOTAL

METHODS = ("minmax", "zscore", "target")
DRAWS = 1000
SEED = 2024
CONCENTRATION = 10.0  # Dirichlet concentration per dimension: about 30% spread around 1/8


def index_indicators(registry, available, *, adjusted: bool = False) -> list[str]:
    """Return the indicators of the index among ``available``: per variable its averages, or
    with ``adjusted`` its indicators beyond the average where it has them; with a direction."""
    direction = directions(registry, available)
    by_variable: dict[str, list] = {}
    for ind_id in available:
        if ind_id in direction:
            ind = registry.indicator_by_id[ind_id]
            by_variable.setdefault(ind.variable, []).append(ind)
    chosen = []
    for inds in by_variable.values():
        beyond = [i.id for i in inds if i.beyond_average]
        plain = [i.id for i in inds if not i.beyond_average]
        chosen += (beyond or plain) if adjusted else (plain or beyond)
    order = {ind.id: i for i, ind in enumerate(registry.sorted_indicators())}
    return sorted(chosen, key=lambda i: order.get(i, len(order)))


def normalise(
    values: pd.DataFrame, direction: dict[str, int], method: str = "minmax", targets=None
) -> pd.DataFrame:
    """Return the scores of a table region x indicator (the Total scored on the regions'
    scale) by ``method`` (see the module's notes).

    >>> v = pd.DataFrame({"a": [1.0, 3.0, 2.0]}, index=["r1", "r2", "Total"])
    >>> normalise(v, {"a": 1}, "zscore")["a"].tolist()
    [-1.0, 1.0, 0.0]
    >>> normalise(v, {"a": -1}, "target")["a"].tolist()
    [10.0, 0.0, 10.0]
    """
    if method not in METHODS:
        raise ValueError(f"unknown normalisation {method!r}; known: {', '.join(METHODS)}")
    cols = [c for c in values.columns if c in direction]
    values = values[cols]
    sign = pd.Series({c: float(direction[c]) for c in cols}, dtype=float)
    regions = values.loc[[r for r in values.index if r != TOTAL]]
    if method == "minmax":
        low, high = regions.min(), regions.max()
        up = (values - low) / (high - low).replace(0, np.nan) * SCALE
        return up.where(np.broadcast_to((sign > 0).to_numpy(), up.shape), SCALE - up)
    if method == "zscore":
        mean, sd = regions.mean(), regions.std(ddof=0).replace(0, np.nan)
        return (values - mean) / sd * sign
    # distance to a target: the Total unless given; the worst region scores 0
    target = pd.Series(dtype=float) if targets is None else pd.Series(targets, dtype=float)
    if TOTAL in values.index:
        target = target.combine_first(values.loc[TOTAL])
    target = target.reindex(cols)
    worst = regions.min().where(sign > 0, regions.max())
    gap = (target - worst).replace(0, np.nan)
    score = (values - worst) / gap * SCALE
    return score.clip(lower=0.0, upper=SCALE)


@dataclass(frozen=True)
class IndexResult:
    """The composite index of one year."""

    table: pd.DataFrame  # region, index, rank, rank_p05, rank_p95, one column per dimension
    scores: pd.DataFrame  # region x indicator (the Total included)
    indicator_weights: pd.Series  # indicator -> weight (summing to 1)
    dimension_weights: pd.Series  # dimension -> weight (summing to 1)
    dimensions: dict  # dimension -> its indicators
    method: str
    draws: int


def dimension_scores(scores: pd.DataFrame, dimensions: dict) -> pd.DataFrame:
    """Return region x dimension: the mean of each dimension's indicator scores (over the
    indicators a region has)."""
    return pd.DataFrame({dim: scores[inds].mean(axis=1) for dim, inds in dimensions.items()})


def weighted_index(dim_scores: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Return the index of every region under every weight set: ``weights`` (draws x
    dimensions) and ``dim_scores`` (regions x dimensions, NaN where a region lacks a
    dimension) give draws x regions, each the weighted mean over the dimensions a region has."""
    have = np.isfinite(dim_scores)
    filled = np.where(have, dim_scores, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (weights @ filled.T) / (weights @ have.T.astype(float))


def ranks(index: np.ndarray) -> np.ndarray:
    """Return ranks along the last axis, 1 for the highest; ties share the best rank; NaN
    ranks last.

    >>> ranks(np.array([[3.0, 5.0, 3.0, 1.0]])).tolist()
    [[2, 1, 2, 4]]
    """
    from scipy.stats import rankdata

    filled = np.where(np.isfinite(index), index, -np.inf)
    return rankdata(-filled, axis=-1, method="min").astype(int)


def composite(
    results: pd.DataFrame,
    registry,
    *,
    year=None,
    weights: dict | None = None,
    method: str = "minmax",
    adjusted: bool = False,
    targets: dict | None = None,
    draws: int = DRAWS,
    seed: int = SEED,
    concentration: float = CONCENTRATION,
) -> IndexResult | None:
    """Return the composite index of the regions in ``year`` (see the module's notes), or None
    when fewer than two regions or no indicators with a direction remain.

    ``weights`` maps dimension ids to weights (0 or more; equal when not given; a dimension
    not named weighs 0 once any is named).
    """
    values = values_in(results, year)
    chosen = index_indicators(registry, list(values.columns), adjusted=adjusted)
    direction = directions(registry, chosen)
    scores = normalise(values[chosen], direction, method, targets)
    scores = scores.loc[
        :, scores.notna().any() & scores.drop(index=TOTAL, errors="ignore").notna().any()
    ]
    regions = [r for r in scores.index if r != TOTAL]
    if len(regions) < 2 or scores.empty:
        return None
    dim_order = [d.id for d in registry.dimensions]
    dims: dict[str, list] = {}
    for ind_id in scores.columns:
        dims.setdefault(registry.indicator_by_id[ind_id].dimension, []).append(ind_id)
    dims = dict(
        sorted(dims.items(), key=lambda kv: dim_order.index(kv[0]) if kv[0] in dim_order else 99)
    )
    given = {} if weights is None else {d: float(w) for d, w in weights.items()}
    w = np.array([given.get(d, 0.0 if given else 1.0) for d in dims], dtype=float)
    if not np.isfinite(w).all() or (w < 0).any() or w.sum() <= 0:
        raise ValueError("weights must be 0 or more, and not all 0")
    w = w / w.sum()
    dim_table = dimension_scores(scores, dims)
    point = weighted_index(dim_table.loc[regions].to_numpy(float), w[None, :])[0]
    point_rank = ranks(point[None, :])[0]
    table = pd.DataFrame({"region": regions, "index": point, "rank": point_rank})
    if draws > 0:
        rng = np.random.default_rng(seed)
        active = w > 0
        alpha = concentration * active.sum() * w[active]
        sample = np.zeros((draws, len(w)))
        sample[:, active] = rng.dirichlet(alpha, size=draws)
        drawn = ranks(weighted_index(dim_table.loc[regions].to_numpy(float), sample))
        table["rank_p05"] = np.quantile(drawn, 0.05, axis=0, method="inverted_cdf").astype(int)
        table["rank_p95"] = np.quantile(drawn, 0.95, axis=0, method="inverted_cdf").astype(int)
    else:
        table["rank_p05"] = table["rank_p95"] = table["rank"]
    for dim in dims:
        table[dim] = dim_table.loc[regions, dim].to_numpy()
    table = table.sort_values(["rank", "region"], kind="stable").reset_index(drop=True)
    ind_w = pd.Series(
        {i: w[k] / len(inds) for k, (_, inds) in enumerate(dims.items()) for i in inds}
    )
    return IndexResult(
        table=table,
        scores=scores,
        indicator_weights=ind_w,
        dimension_weights=pd.Series(w, index=list(dims)),
        dimensions=dims,
        method=method,
        draws=draws,
    )
