"""Grouped engine: every measure for all groups at once, from one sort per variable.

Rows are sorted once by (group, value); every statistic then comes from cumulative sums,
``np.bincount`` reductions per group and one ``searchsorted`` per quantile, with no Python loop
over groups. The definitions are those of :mod:`indicators.measures` (DESIGN.md), which serves
as the plain reference in the tests.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from indicators.errors import DataError
from indicators.measures import DEFAULT_MEASURES, MeasureSpec, parse_measure, quantile

_EPS = np.finfo(float).eps


@dataclass
class GroupedResult:
    """Per-group arrays: one array per measure, plus the counts behind them."""

    values: dict[str, np.ndarray]
    n: np.ndarray  # observations used: value and weight present
    weight_sum: np.ndarray
    n_missing: np.ndarray  # rows left out because the value or the weight is missing
    n_nonpositive: np.ndarray  # rows with x <= 0, left out of theil, mld and atkinson
    mean_positive: np.ndarray = field(default_factory=lambda: np.empty(0))
    weight_sum_positive: np.ndarray = field(default_factory=lambda: np.empty(0))


def group_order(values: np.ndarray, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Return the permutation that sorts rows by group code, then by value.

    Values are sorted once; a stable sort of the group codes (a radix sort when the codes fit
    in 16 bits) then keeps that order within each group.

    Examples
    --------
    >>> group_order(np.array([3.0, 1.0, 2.0, 0.5]), np.array([1, 0, 1, 0]), 2).tolist()
    [3, 1, 2, 0]
    """
    by_value = np.argsort(values)
    code_type = np.uint16 if n_groups <= np.iinfo(np.uint16).max + 1 else np.int64
    by_group = np.argsort(codes[by_value].astype(code_type, copy=False), kind="stable")
    return by_value[by_group]


def grouped_measures(
    values,
    codes,
    n_groups: int,
    weights=None,
    measures: Iterable[str | MeasureSpec] = DEFAULT_MEASURES,
    *,
    poverty_lines=None,
    labels: Mapping[str, float] | None = None,
) -> GroupedResult:
    """Compute measures for every group at once.

    Parameters
    ----------
    values : array-like of float
        The variable; NaN is missing.
    codes : array-like of int
        Group code per row, 0 .. n_groups - 1.
    n_groups : int
        Number of groups (groups without rows get NaN).
    weights : array-like of float, optional
        Survey weights or populations; NaN is missing, negative is an error.
    measures : iterable of str or MeasureSpec
        Measure names as :func:`indicators.measures.parse_measure` reads them.
    poverty_lines : array-like of float, optional
        Poverty line per group for ``poverty_rate``; by default 0.6 times the weighted median of
        all rows together.
    labels : mapping of str to float, optional
        Scores of text labels, for ``share:LABEL`` on ordinal answers.

    Examples
    --------
    >>> r = grouped_measures([1, 2, 3, 10, 20], [0, 0, 0, 1, 1], 2, measures=["mean", "median"])
    >>> r.values["mean"].tolist(), r.values["median"].tolist(), r.n.tolist()
    ([2.0, 15.0], [2.0, 15.0], [3, 2])
    """
    specs = [m if isinstance(m, MeasureSpec) else parse_measure(m) for m in measures]
    x = np.asarray(values, dtype=float)
    g = np.asarray(codes, dtype=np.int64)
    w = None if weights is None else np.asarray(weights, dtype=float)

    valid = np.isfinite(x)
    if w is not None:
        valid &= np.isfinite(w)
    n_missing = np.bincount(g[~valid], minlength=n_groups)[:n_groups]
    if not valid.all():
        x, g = x[valid], g[valid]
        w = None if w is None else w[valid]
    if w is not None and (w < 0).any():
        raise DataError("Weights must be zero or more; found a negative weight.")

    order = group_order(x, g, n_groups)
    xs, gs = x[order], g[order]
    ws = np.ones_like(xs) if w is None else w[order]
    del order

    counts = np.bincount(gs, minlength=n_groups)
    ends = np.cumsum(counts)
    starts = ends - counts
    cum = np.cumsum(ws)
    base = np.concatenate(([0.0], cum))[starts]
    W = np.bincount(gs, ws, minlength=n_groups)
    wx = ws * xs
    swx = np.bincount(gs, wx, minlength=n_groups)
    empty = W <= 0
    with np.errstate(divide="ignore", invalid="ignore"):
        mu = swx / W
    mu[empty] = np.nan

    quantiles: dict[float, np.ndarray] = {}

    def q(p: float) -> np.ndarray:
        if p not in quantiles:
            quantiles[p] = _quantiles(xs, cum, base, W, ends, p)
        return quantiles[p]

    positive = None
    result: dict[str, np.ndarray] = {}
    ratio_cache: dict[float, np.ndarray] = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        for spec in specs:
            fam = spec.family
            if fam == "mean":
                out = mu
            elif fam == "n":
                out = counts.astype(float)
            elif fam == "sd":
                dev = xs - mu[gs]
                out = np.sqrt(np.bincount(gs, ws * dev * dev, minlength=n_groups) / W)
            elif fam == "quantile":
                out = q(spec.param)
            elif fam == "gini":
                within = cum - base[gs]
                term = wx * (2 * within - ws - W[gs])
                out = np.bincount(gs, term, minlength=n_groups) / (W * swx)
            elif fam in ("s80s20", "palma"):
                top, bottom = (0.8, 0.2) if fam == "s80s20" else (0.9, 0.4)
                upper = np.bincount(gs, wx * (xs > q(top)[gs]), minlength=n_groups)
                lower = np.bincount(gs, wx * (xs <= q(bottom)[gs]), minlength=n_groups)
                out = np.where(lower > 0, upper / lower, np.nan)
            elif fam in ("share_below", "share_at_least", "share", "poverty_rate"):
                hit = _share_mask(spec, xs, gs, ws, W, labels, poverty_lines, n_groups)
                out = np.bincount(gs, ws * hit, minlength=n_groups) / W
            elif fam in ("theil", "mld", "atkinson"):
                if positive is None:
                    positive = _PositivePart(xs, gs, ws, n_groups)
                out = positive.measure(fam, spec.param, ratio_cache)
            else:  # pragma: no cover - parse_measure admits no other family
                raise DataError(f"Measure '{spec.text}' is not available here.")
            out = np.asarray(out, dtype=float).copy()
            out[empty] = np.nan
            result[spec.text] = out

    if positive is None:
        pos_count = np.bincount(gs, xs > 0, minlength=n_groups)
        mean_pos, w_pos = np.full(n_groups, np.nan), np.full(n_groups, np.nan)
    else:
        pos_count, mean_pos, w_pos = positive.count, positive.mu, positive.W
    return GroupedResult(
        values=result,
        n=counts,
        weight_sum=W,
        n_missing=n_missing,
        n_nonpositive=counts - pos_count.astype(np.int64),
        mean_positive=mean_pos,
        weight_sum_positive=w_pos,
    )


def _quantiles(xs, cum, base, W, ends, p: float) -> np.ndarray:
    """Eurostat quantile for every group from one searchsorted over the cumulative weights."""
    out = np.full(W.shape, np.nan)
    ok = W > 0
    if not ok.any():
        return out
    target = base[ok] + p * W[ok]
    # "C_j = pW to rounding": allow for the rounding of the running sum itself
    tol = 64 * _EPS * (base[ok] + W[ok])
    last = ends[ok] - 1
    lo = np.minimum(np.searchsorted(cum, target - tol, side="left"), last)
    hit = np.abs(cum[lo] - target) <= tol
    hi = np.minimum(np.searchsorted(cum, target + tol, side="right"), last)
    out[ok] = np.where(hit, (xs[lo] + xs[hi]) / 2, xs[lo])
    return out


def _share_mask(spec, xs, gs, ws, W, labels, poverty_lines, n_groups):
    fam = spec.family
    if fam == "share_below":
        return xs < spec.param
    if fam == "share_at_least":
        return xs >= spec.param
    if fam == "share":
        return xs == _label_score(spec.param, labels)
    # poverty_rate
    if poverty_lines is None:
        return xs < 0.6 * quantile(xs, 0.5, ws)
    lines = np.asarray(poverty_lines, dtype=float)
    return xs < lines[gs]


def _label_score(label, labels) -> float:
    if labels and str(label) in labels:
        return float(labels[str(label)])
    if labels:
        for key, score in labels.items():
            if key.casefold() == str(label).casefold():
                return float(score)
    try:
        return float(str(label).replace(",", "."))
    except ValueError:
        known = ", ".join(map(str, labels)) if labels else "none (the values are numbers)"
        raise DataError(
            f"Measure 'share:{label}': no answer '{label}' in the data. The answers are: {known}."
        ) from None


class _PositivePart:
    """Sums over x > 0 for Theil T, MLD and Atkinson, computed once and shared."""

    def __init__(self, xs, gs, ws, n_groups):
        self.pos = xs > 0
        self.gs, self.n_groups = gs, n_groups
        self.wp = np.where(self.pos, ws, 0.0)
        self.count = np.bincount(gs, self.pos, minlength=n_groups)
        self.W = np.bincount(gs, self.wp, minlength=n_groups)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.mu = np.bincount(gs, self.wp * xs, minlength=n_groups) / self.W
            # ratio x / mu per row (1 where x <= 0, weight 0 there)
            self.r = np.where(self.pos, xs / self.mu[gs], 1.0)
            self.logr = np.log(self.r)

    def _mean(self, values):
        return np.bincount(self.gs, self.wp * values, minlength=self.n_groups) / self.W

    def measure(self, family, param, cache):
        if family == "theil":
            return self._mean(self.r * self.logr)
        if family == "mld":
            return -self._mean(self.logr)
        if param == 1:
            return 1 - np.exp(self._mean(self.logr))
        if param not in cache:
            power = 1 - param
            cache[param] = 1 - self._mean(self.r**power) ** (1 / power)
        return cache[param]
