"""Grouped engine: every measure for all cells at once, from one sort per variable.

A **cell** is one combination of keys a measure is computed over (a region, a year, and a
group of a breakdown); the engine numbers the cells with integer codes (``codes``,
``n_cells``). Rows are sorted once by (cell, value) into a :class:`SortPlan`; every statistic
then comes, for any weight vector, from cumulative sums, reductions per cell and one
``searchsorted`` per quantile, with no Python loop over cells. The definitions are those of
:mod:`indicators.stats.measures` (DESIGN.md), which serves as the plain reference in the tests.
Some names still say "group" for a cell (``grouped_measures``, ``GroupedResult``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np

from indicators.errors import DataError
from indicators.stats.measure_table import TABLE, MeasureTableError
from indicators.stats.measures import (
    DEFAULT_MEASURES,
    TOLERANCE,
    MeasureSpec,
    check_engine,
    parse_measure,
)


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


def cell_order(values: np.ndarray, codes: np.ndarray, n_cells: int) -> np.ndarray:
    """Return the permutation that sorts rows by group code, then by value.

    Values are sorted once; a stable sort of the group codes (a radix sort when the codes fit
    in 16 bits) then keeps that order within each group.

    Examples
    --------
    >>> cell_order(np.array([3.0, 1.0, 2.0, 0.5]), np.array([1, 0, 1, 0]), 2).tolist()
    [3, 1, 2, 0]
    """
    by_value = np.argsort(values)
    code_type = np.uint16 if n_cells <= np.iinfo(np.uint16).max + 1 else np.int64
    by_group = np.argsort(codes[by_value].astype(code_type, copy=False), kind="stable")
    return by_value[by_group]


def grouped_measures(
    values,
    codes,
    n_cells: int,
    weights=None,
    measures: Iterable[str | MeasureSpec] = DEFAULT_MEASURES,
    *,
    poverty_lines=None,
    labels: Mapping[str, float] | None = None,
) -> GroupedResult:
    """Compute measures for every group at once.

    A shorthand for ``SortPlan(values, codes, n_cells).measures(weights, measures, ...)``:
    keep the :class:`SortPlan` instead to compute with other weights without sorting again.

    Parameters
    ----------
    values : array-like of float
        The variable; NaN is missing.
    codes : array-like of int
        Group code per row, 0 .. n_cells - 1.
    n_cells : int
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

    Notes
    -----
    Rows are put in group order by one stable radix sort of the group codes and, one block of
    whole groups at a time (about ``2**16`` rows, so that the work stays in the CPU cache),
    sorted by value within each group (:class:`SortPlan`). Then, block by block again, every
    measure is computed for all groups of the block together: sums per group with ``np.add.reduceat``, quantile and threshold positions
    for all groups with one ``searchsorted`` over the (group, value) or (group, cumulative
    weight) pairs, kept as complex numbers so that numpy compares them in that order. The loop
    runs over blocks, not over groups; its only per-row temporaries are block-sized.

    Cumulative weights within a group are summed with a compensated (TwoSum) running sum, so
    the test "C_j = pW" of the quantile rule is as exact as in the one-group reference
    :func:`indicators.measures.quantile`, whatever the size of the groups around it.

    Examples
    --------
    >>> r = grouped_measures([1, 2, 3, 10, 20], [0, 0, 0, 1, 1], 2, measures=["mean", "median"])
    >>> r.values["mean"].tolist(), r.values["median"].tolist(), r.n.tolist()
    ([2.0, 15.0], [2.0, 15.0], [3, 2])
    """
    x = np.asarray(values, dtype=float).reshape(-1)
    g = np.asarray(codes).reshape(-1)
    w = None if weights is None else np.asarray(weights, dtype=float).reshape(-1)
    if g.size != x.size or (w is not None and w.size != x.size):
        sizes = f"{x.size} values, {g.size} group codes" + (
            "" if w is None else f", {w.size} weights"
        )
        raise DataError(f"Values, group codes and weights must have the same length; got {sizes}.")
    plan = SortPlan(x, g, n_cells)
    return plan.measures(w, measures, poverty_lines=poverty_lines, labels=labels)


class SortPlan:
    """Rows of one variable in group order and sorted by value within each group, once.

    The plan is the part of the work that does not depend on the weights: the group codes are
    checked, rows with a missing value are set aside and counted, and every other row is put
    in (group, value) order by one radix sort of the codes and one sort of the values within
    each group. :meth:`measures` then reduces any weight vector over that order without
    sorting again, so replicate weights (a bootstrap) pay for the sort once.

    Parameters
    ----------
    values : array-like of float
        The variable; NaN is missing.
    codes : array-like of int
        Group code per row, 0 .. n_cells - 1.
    n_cells : int
        Number of groups (groups without rows get NaN).

    Notes
    -----
    The sort within groups is numpy's default (introsort, or a SIMD sort where the CPU has
    one), not a stable sort: a stable sort of floats costs about six times as much, and the
    order of tied values only moves sums in their last bit. The order is the same for the same
    input, so a plan and a fresh :func:`grouped_measures` give exactly the same numbers.

    The codes are sorted at once; the values one block of whole groups at a time, the first
    time the block is needed (the first :meth:`measures`, or :meth:`sort`), so that the sort
    and the first reductions over a block share the CPU cache. The plan keeps the permutation
    (8 bytes a row) and, from the second pass on, the values in sorted order (8 more), so that
    one call (:func:`grouped_measures`) allocates no more than before. It refers to, without
    copying, the values and codes it was given: do not change them while the plan is in use.

    Examples
    --------
    >>> plan = SortPlan([3.0, 1.0, 2.0, 10.0, 20.0], [0, 0, 0, 1, 1], 2)
    >>> plan.sorted_values.tolist(), plan.order.tolist(), plan.counts.tolist()
    ([1.0, 2.0, 3.0, 10.0, 20.0], [1, 2, 0, 3, 4], [3, 2])
    >>> plan.measures([2, 1, 1, 1, 3], ["median"]).values["median"].tolist()
    [2.5, 20.0]
    >>> plan.measures(None, ["median"]).values["median"].tolist()  # the same sort, no weights
    [2.0, 15.0]
    """

    def __init__(self, values, codes, n_cells: int):
        x = np.asarray(values, dtype=float).reshape(-1)
        g = np.asarray(codes).reshape(-1)
        if g.dtype.kind not in "iu":
            g = g.astype(np.int64)
        n_cells = int(n_cells)
        if g.size != x.size:
            raise DataError(
                f"Values, group codes and weights must have the same length; got {x.size} "
                f"values, {g.size} group codes."
            )
        if x.size and (g.min() < 0 or g.max() >= n_cells):
            raise DataError(
                f"Group codes must lie between 0 and {n_cells - 1}; found {g.min()} to {g.max()}."
            )
        valid = np.isfinite(x)
        if valid.all():
            valid = None
            n_missing = np.zeros(n_cells, dtype=np.int64)
        else:
            n_missing = np.bincount(g[~valid], minlength=n_cells)[:n_cells]
        order, counts = _order_by_group(g, valid, n_cells)
        self.n_cells = n_cells
        self.size = x.size
        self.counts = counts  # rows with a value per group
        self.n_missing = n_missing  # rows without a value per group
        self._values, self._codes, self._valid = x, g, valid
        # rows with a value in group order (the missing ones went last); block by block, the
        # first pass over a block sorts it by value within its groups, in place
        self._order = order[: int(counts.sum())]
        self._sorted_rows = 0  # rows sorted so far: the blocks before this one
        self._sorted_values = None  # kept from the second pass on (a single pass needs none)
        self._keep = False  # keep_sorted(): the first pass keeps the sorted values as it goes
        self.sorted_weights = None  # with keep_sorted(): the first pass's weights in that order

    @property
    def order(self) -> np.ndarray:
        """Return the row numbers of the rows with a value, in (group, value) order."""
        self.sort()
        view = self._order.view()
        view.flags.writeable = False
        return view

    @property
    def sorted_values(self) -> np.ndarray:
        """Return the values of those rows, in that order (kept once asked for)."""
        self.sort()
        if self._sorted_values is None:
            self._sorted_values = self._values[self._order]
        view = self._sorted_values.view()
        view.flags.writeable = False
        return view

    def keep_sorted(self) -> SortPlan:
        """Have the first :meth:`measures` keep the sorted values (and, in
        ``sorted_weights``, its weights in that order) while each block is in the cache,
        instead of gathering them again afterwards."""
        self._keep = True
        return self

    def sort(self) -> SortPlan:
        """Sort every block not sorted yet (:meth:`measures` sorts them as it goes)."""
        for gids, rows in cell_blocks(self.counts, _BLOCK_ROWS):
            if rows.start >= self._sorted_rows:
                self._sort_block(gids, rows)
        return self

    def _sort_block(self, gids, rows, weights=None):
        """Sort one block by value within its groups, in place; return its sorted values and,
        given the weights, theirs (gathered in row order, then permuted in the cache)."""
        idx = self._order[rows]
        xb = self._values[idx]
        wb = None if weights is None else weights[idx]
        perm = _sort_within_groups(xb, self.counts[gids])
        self._order[rows] = idx[perm]
        self._sorted_rows = rows.stop
        return xb[perm], None if wb is None else wb[perm]

    def measures(
        self,
        weights=None,
        measures: Iterable[str | MeasureSpec] = DEFAULT_MEASURES,
        *,
        poverty_lines=None,
        labels: Mapping[str, float] | None = None,
    ) -> GroupedResult:
        """Compute measures for every group at once with these weights, without sorting.

        Parameters are those of :func:`grouped_measures`; ``weights`` may differ from call to
        call (replicate weights). Rows whose weight is missing are left out and counted in
        ``n_missing``, as when the value is missing.
        """
        specs = [m if isinstance(m, MeasureSpec) else parse_measure(m) for m in measures]
        n_cells = self.n_cells
        w = None if weights is None else np.asarray(weights, dtype=float).reshape(-1)
        if w is not None and w.size != self.size:
            raise DataError(
                "Values, group codes and weights must have the same length; got "
                f"{self.size} values, {self._codes.size} group codes, {w.size} weights."
            )
        valid, counts, n_missing = self._valid, self.counts, self.n_missing
        weight_missing = w is not None and not np.isfinite(w).all()
        if weight_missing:
            finite = np.isfinite(w)
            dropped = ~finite if valid is None else valid & ~finite
            lost = np.bincount(self._codes[dropped], minlength=n_cells)[:n_cells]
            counts, n_missing = counts - lost, n_missing + lost
            valid = finite if valid is None else valid & finite
        if w is not None and w.size and np.fmin.reduce(w) < 0:
            negative = w < 0 if valid is None else (w < 0) & valid
            if negative.any():
                rows = ", ".join(str(i) for i in np.flatnonzero(negative)[:3])
                raise DataError(
                    f"Weights must be zero or more; found a negative weight (rows {rows}, "
                    "counting from 0)."
                )

        needs = _Needs(specs)
        line = None
        if needs.poverty is not None and poverty_lines is None:
            line = needs.poverty * _overall_quantile(self._values, w, valid, 0.5)
        lines = (
            None if poverty_lines is None else np.asarray(poverty_lines, dtype=float).reshape(-1)
        )

        out = _Outputs(specs, n_cells, needs.positive)
        # the first pass sorts each block while it is in the cache; a later one (another
        # weight vector) reads the values kept in sorted order and gathers only the weights
        first = self._sorted_rows == 0
        xs = None if first else self.sorted_values
        keeping = first and self._keep
        if keeping:
            kept_x = np.empty(self._order.size)
            kept_w = None if w is None else np.empty(self._order.size)
        for gids, rows in cell_blocks(self.counts, _BLOCK_ROWS):
            if first:
                xb, wb = self._sort_block(gids, rows, w)
                if keeping:
                    kept_x[rows] = xb
                    if w is not None:
                        kept_w[rows] = wb
            else:
                xb = xs[rows]
                wb = None if w is None else w[self._order[rows]]
            if weight_missing:
                keep = np.isfinite(wb)
                if not keep.all():
                    # a subsequence of sorted rows stays sorted: leave the rows out, keep order
                    xb, wb = xb[keep], wb[keep]
                    gids = gids[counts[gids] > 0]
                    if not gids.size:
                        continue
            _block(
                xb,
                wb,
                counts[gids],
                gids,
                specs,
                needs,
                out,
                labels,
                line if lines is None else lines[gids],
            )

        if keeping and self._sorted_rows == self._order.size:
            self._sorted_values, self.sorted_weights = kept_x, kept_w
        W = out.weight_sum
        empty = ~(W > 0)
        for arr in out.values.values():
            arr[empty] = np.nan
        return GroupedResult(
            values=out.values,
            n=counts.copy(),  # never the plan's own arrays: a caller may change these
            weight_sum=W,
            n_missing=n_missing.copy(),
            n_nonpositive=out.n_nonpositive,
            mean_positive=out.mean_positive if needs.positive else np.full(n_cells, np.nan),
            weight_sum_positive=out.weight_sum_positive
            if needs.positive
            else np.full(n_cells, np.nan),
        )


_BLOCK_ROWS = 1 << 16
_SORT_EACH = 64  # mean rows per group from which the groups of a block are sorted one by one


class _Needs:
    """What the requested measures need: quantile levels, positive part, poverty line."""

    def __init__(self, specs):
        levels = set()
        self.poverty = None  # the fraction of the median that is the poverty line
        for spec in specs:
            if spec.family == "quantile":
                levels.add(float(spec.param))
            elif spec.family in _SHARE_RATIOS:
                levels.update((spec.kwargs["top"], spec.kwargs["bottom"]))
            elif spec.family == "poverty_rate":
                self.poverty = spec.kwargs["fraction"]
        self.levels = sorted(levels)
        self.positive = any(s.positive_only for s in specs)
        self.sd = any(s.family == "sd" for s in specs)
        self.gini = any(s.family == "gini" for s in specs)


class _Outputs:
    """The per-group result arrays, filled block by block."""

    def __init__(self, specs, n_cells, positive):
        self.values = {s.text: np.full(n_cells, np.nan) for s in specs}
        self.weight_sum = np.zeros(n_cells)
        self.n_nonpositive = np.zeros(n_cells, dtype=np.int64)
        self.mean_positive = np.full(n_cells, np.nan)
        self.weight_sum_positive = np.full(n_cells, np.nan)


def _order_by_group(g, valid, n_cells):
    """Stable permutation into group order and the rows per group; missing rows go last."""
    n = g.size
    code_type = np.uint16 if n_cells < np.iinfo(np.uint16).max else np.int64
    c = g.astype(code_type)
    if valid is not None:
        c[~valid] = n_cells
    order = np.argsort(c, kind="stable")  # a radix sort for 16-bit codes
    counts = np.zeros(n_cells + 1, dtype=np.int64)
    step = 1 << 20  # count in slices: bincount would copy all codes to intp at once
    for i in range(0, n, step):
        counts += np.bincount(c[i : i + step], minlength=n_cells + 1)
    return order, counts[:n_cells]


def cell_blocks(counts, block_rows):
    """Yield (group ids, row slice) for blocks of whole non-empty groups of about block_rows."""
    ends = np.cumsum(counts)
    starts = ends - counts
    used = np.flatnonzero(counts)
    if not used.size:
        return
    window = starts[used] // block_rows
    cut = np.flatnonzero(np.diff(window)) + 1
    bounds = [0, *cut.tolist(), used.size]
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        gids = used[a:b]
        yield gids, slice(int(starts[gids[0]]), int(ends[gids[-1]]))


def pair_keys(groups, values):
    """(local group, value) as complex numbers: numpy orders them by group, then value."""
    key = np.empty(len(values), dtype=complex)
    key.real = groups
    key.imag = values
    return key


def prefix_sums(a, starts, stops):
    """Sum a[starts[i]:stops[i]] for every group i (starts[i] <= stops[i]) in one pass."""
    idx = np.empty(2 * starts.size, dtype=np.intp)
    idx[0::2] = starts
    idx[1::2] = stops
    if idx[-1] >= a.size:
        idx = idx[:-1]  # the last group then sums to the end of the block, as wanted
    sums = np.add.reduceat(a, idx)[0::2]
    return np.where(stops > starts, sums, 0.0)


def _within_cumsum(w, starts, counts):
    """Cumulative weights restarting at each group, as exact as a sum per group.

    A running sum over the whole block loses precision when a small group follows large
    ones; the rounding error of every step is recovered (TwoSum) and added back.
    """
    c = np.cumsum(w)
    step = c[1:] - c[:-1]
    err = np.empty_like(c)
    err[0] = 0.0
    np.subtract(c[:-1], c[1:] - step, out=err[1:])
    err[1:] += w[1:] - step
    np.cumsum(err, out=err)
    before = starts - 1
    base_c = np.where(starts > 0, c[before], 0.0)
    base_e = np.where(starts > 0, err[before], 0.0)
    c -= np.repeat(base_c, counts)
    err -= np.repeat(base_e, counts)
    c += err
    return c


def _sort_within_groups(xb, cnt):
    """Return the permutation that sorts the values of each group of a block (rows in group
    order, ``cnt`` rows per group): by value, then stably by group."""
    k = cnt.size
    nb = xb.size
    if nb >= _SORT_EACH * k:
        # large groups: sorting each on its own is cheaper (short, cache-resident sorts);
        # the loop makes at most one step per _SORT_EACH rows
        perm = np.empty(nb, dtype=np.intp)
        ends = np.cumsum(cnt)
        for a, b in zip((ends - cnt).tolist(), ends.tolist(), strict=True):
            part = perm[a:b]
            part[:] = np.argsort(xb[a:b])
            part += a
        return perm
    perm = np.argsort(xb)
    group_of_row = np.repeat(np.arange(k, dtype=np.uint16), cnt)
    return perm[np.argsort(group_of_row[perm], kind="stable")]


def _block(xb, wb, cnt, gids, specs, needs, out, labels, line):
    """Compute every measure for the groups of one block (rows sorted by group, then value).

    ``xb`` may be a read-only view of the plan's sorted values: nothing here writes into it.
    """
    k = cnt.size
    nb = xb.size
    local = np.arange(k)
    ls = np.cumsum(cnt) - cnt
    le = ls + cnt
    weighted = wb is not None
    if weighted:
        wx = wb * xb
        W = np.add.reduceat(wb, ls)
    else:
        wb = np.ones(nb)
        wx = xb
        W = cnt.astype(float)
    swx = np.add.reduceat(wx, ls)
    with np.errstate(divide="ignore", invalid="ignore"):
        mu = swx / W
    gl = np.repeat(local.astype(float), cnt)
    kx = pair_keys(gl, xb)

    def position(thresholds, side):
        found = np.searchsorted(kx, pair_keys(local, thresholds), side=side)
        return np.clip(found, ls, le)

    quantiles = {}
    if needs.levels or needs.gini:
        if weighted:
            C = _within_cumsum(wb, ls, cnt)
        else:
            C = np.arange(1.0, nb + 1.0)
            C -= np.repeat(ls.astype(float), cnt)
    if needs.levels:
        total = C[le - 1]
        kc = pair_keys(gl, C)
        last = le - 1
        for p in needs.levels:
            target = p * total
            tol = TOLERANCE * total
            j = np.minimum(np.searchsorted(kc, pair_keys(local, target - tol), side="left"), last)
            hit = np.abs(C[j] - target) <= tol
            h = np.minimum(np.searchsorted(kc, pair_keys(local, target + tol), side="right"), last)
            quantiles[p] = np.where(hit, (xb[j] + xb[h]) / 2, xb[j])

    first_pos = position(np.zeros(k), "right")
    nonpos = first_pos - ls
    out.n_nonpositive[gids] = nonpos
    out.weight_sum[gids] = W

    pos = None
    with np.errstate(divide="ignore", invalid="ignore"):
        for spec in specs:
            fam = spec.family
            if fam == "mean":
                res = mu
            elif fam == "n":
                res = cnt.astype(float)
            elif fam == "sd":
                dev = xb - np.repeat(mu, cnt)
                dev *= dev
                if weighted:
                    dev *= wb
                res = np.sqrt(np.add.reduceat(dev, ls) / W)
            elif fam == "quantile":
                res = quantiles[float(spec.param)]
            elif fam == "gini":
                term = C * 2.0
                term -= wb
                term -= np.repeat(W, cnt)
                term *= wx
                # rounding can leave -1e-17 for equal values: the Gini is never below 0
                res = np.maximum(np.add.reduceat(term, ls) / (W * swx), 0.0)
                res[swx == 0] = np.nan
            elif fam in _SHARE_RATIOS:
                top, bottom = spec.kwargs["top"], spec.kwargs["bottom"]
                upper = swx - prefix_sums(wx, ls, position(quantiles[top], "right"))
                lower = prefix_sums(wx, ls, position(quantiles[bottom], "right"))
                res = np.where(lower > 0, upper / lower, np.nan)
            elif fam in ("share_below", "share_at_least", "poverty_rate"):
                t = line if fam == "poverty_rate" else spec.param
                below = prefix_sums(wb, ls, position(np.broadcast_to(t, k), "left"))
                res = (W - below if fam == "share_at_least" else below) / W
                res[np.isnan(np.broadcast_to(t, k))] = np.nan  # no line, no rate
            elif fam == "share":
                score = np.full(k, label_score(spec.param, labels))
                a = prefix_sums(wb, ls, position(score, "left"))
                b = prefix_sums(wb, ls, position(score, "right"))
                res = (b - a) / W
            elif fam in _POSITIVE:
                if pos is None:
                    pos = _PositiveBlock(xb, wb, ls, cnt, nonpos, mu, W, swx)
                    out.mean_positive[gids] = pos.mu
                    out.weight_sum_positive[gids] = pos.W
                res = pos.measure(fam, spec.param)
            else:  # pragma: no cover - checked against the measure table on import
                raise DataError(f"Measure '{spec.text}' is not available here.")
            out.values[spec.text][gids] = res


# The families _block computes: checked against the measure table on import, so that a measure
# in the table that this engine cannot compute fails at once, naming the entry. The grouped
# engine reads each family's parameters from the spec (MeasureSpec.kwargs), not a function.
_SHARE_RATIOS = ("s80s20", "palma")
_POSITIVE = ("theil", "mld", "atkinson")
FAMILIES = dict.fromkeys(
    (
        "mean",
        "n",
        "sd",
        "quantile",
        "gini",
        *_SHARE_RATIOS,
        "share_below",
        "share_at_least",
        "poverty_rate",
        "share",
        *_POSITIVE,
    )
)
_problems = check_engine(TABLE, FAMILIES, "indicators.stats.engine")
if _problems:
    raise MeasureTableError("\n".join(_problems), _problems)


class _PositiveBlock:
    """Sums over x > 0 for Theil T, MLD and Atkinson in one block, computed once and shared."""

    def __init__(self, xb, wb, ls, cnt, nonpos, mu, W, swx):
        self.ls = ls
        if nonpos.any():
            # x is sorted within groups: the rows with x <= 0 open each group
            wp = wb.copy()
            wp[xb <= 0] = 0.0
            self.W = np.add.reduceat(wp, ls)
            self.mu = np.add.reduceat(wp * xb, ls) / self.W
            self.r = xb / np.repeat(self.mu, cnt)
            self.r[xb <= 0] = 1.0
        else:
            wp = wb
            self.W, self.mu = W.copy(), mu.copy()
            self.r = xb / np.repeat(mu, cnt)
        self.wp = wp
        self.logr = np.log(self.r)
        self.cache = {}

    def _mean(self, values):
        return np.add.reduceat(self.wp * values, self.ls) / self.W

    def measure(self, family, param):
        if family == "theil":
            return self._mean(self.r * self.logr)
        if family == "mld":
            return -self._mean(self.logr)
        if param == 1:
            return 1 - np.exp(self._mean(self.logr))
        power = 1 - param
        return 1 - self._mean(self.r**power) ** (1 / power)


def quantile_by_segment(values, codes, n_cells: int, weights=None, p: float = 0.5):
    """Return the weighted quantile (Eurostat rule) of each group, for a few large groups.

    Meant for a handful of big groups, such as all regions together per year for the poverty
    line: rows are put in group order by one stable radix sort of the codes (up to 16 groups,
    taken by a mask each instead), and each group's quantile is bracketed from a sample
    instead of sorting all its rows.

    Examples
    --------
    >>> quantile_by_segment([1.0, 5.0, 2.0, 3.0, 9.0], [0, 1, 0, 0, 1], 2).tolist()
    [2.0, 7.0]
    """
    x = np.asarray(values, dtype=float)
    g = np.asarray(codes)
    w = None if weights is None else np.asarray(weights, dtype=float)
    if n_cells <= _MASK_SEGMENTS:
        # a few groups (years): each group's rows by a mask, in their order, as the stable
        # sort below gives them, without sorting or gathering every row
        valid = np.isfinite(x) if w is None else np.isfinite(x) & np.isfinite(w)
        every = bool(valid.all())
        if every and w is not None and x.size >= 1 << 16:
            found = _segment_quantiles(x, g, int(n_cells), w, p)
            if found is not None:
                return found
        out = []
        for k in range(int(n_cells)):
            m = g == k
            part_valid = None if every else valid[m]
            out.append(_overall_quantile(x[m], None if w is None else w[m], part_valid, p))
        return np.array(out, dtype=float)
    order = np.argsort(g.astype(np.uint16 if n_cells <= 65536 else np.int64), kind="stable")
    x = x[order]
    w = None if w is None else w[order]
    valid = np.isfinite(x) if w is None else np.isfinite(x) & np.isfinite(w)
    ends = np.cumsum(np.bincount(g, minlength=n_cells)[:n_cells])
    starts = ends - np.bincount(g, minlength=n_cells)[:n_cells]
    return np.array(
        [
            _overall_quantile(x[a:b], None if w is None else w[a:b], valid[a:b], p)
            for a, b in zip(starts, ends, strict=True)
        ]
    )


_MASK_SEGMENTS = 16  # up to this many groups, quantile_by_segment takes each by a mask


def _segment_quantiles(x, g, n_cells, w, p):
    """The quantile of each of a few groups (every row valid) from one pass over the rows:
    each group's bracket from a sample of its rows, the weight below it per group by one
    ``bincount`` and only the rows inside the brackets gathered, by the rule of
    :func:`_overall_quantile`. None when a bracket misses (the caller then takes each group
    by a mask)."""
    step = _sample_step(x.size, n_cells)
    xs, gs = x[::step], g[::step]
    ws = None if w is None else w[::step]
    lo = np.full(n_cells, -np.inf)
    hi = np.full(n_cells, np.inf)
    # the sample in (group, value) order: one sort by value, then a stable one by group
    by_value = np.argsort(xs)
    order = by_value[_group_order(gs[by_value], n_cells)]
    xs, gs = xs[order], gs[order]
    ws = None if ws is None else ws[order]
    sample_ends = np.cumsum(np.bincount(gs, minlength=n_cells)[:n_cells])
    for k in range(n_cells):
        a, b = (int(sample_ends[k - 1]) if k else 0), int(sample_ends[k])
        sample = xs[a:b]
        if sample.size < 1 << 8:
            return None
        if ws is None:
            share, spread = np.arange(1.0, sample.size + 1), 1.0
        else:
            sw = ws[a:b]
            share = np.cumsum(sw)
            spread = np.sqrt(1.0 + np.var(sw) / max(np.mean(sw) ** 2, 1e-300))
        if not share[-1] > 0:
            return None
        share /= share[-1]
        margin = 6.0 * np.sqrt(max(p * (1 - p), 0.01) / sample.size) * spread + 2.0 / sample.size
        if p - margin > 0:
            lo[k] = sample[np.searchsorted(share, p - margin)]
        if p + margin < 1:
            hi[k] = sample[min(np.searchsorted(share, p + margin), sample.size - 1)]
    gi = g.astype(np.intp, copy=False)
    # first the bracket of all groups together (two comparisons with numbers, no gathers);
    # the rows inside it then go below or out by their own group's bracket
    low = x < lo.min()
    inside = x <= hi.max()
    inside ^= low  # low rows are below the top too
    if inside.sum() > x.size // 4:  # brackets far apart: each row against its own
        low = x < lo[gi]
        inside = ~low
        inside &= x <= hi[gi]
    if w is None:
        below = np.bincount(gi, low, n_cells)[:n_cells]
    else:  # in pieces: w x low of a whole column would map fresh memory each call
        below = np.zeros(n_cells)
        for a, b in row_pieces(x.size):
            below += np.bincount(gi[a:b], w[a:b] * low[a:b], n_cells)[:n_cells]
    rows = np.flatnonzero(inside)  # a few percent of the rows: gathered, not masked thrice
    xi, g_in = x[rows], gi[rows]
    wi = np.ones(xi.size) if w is None else w[rows]
    total = np.bincount(gi, w, n_cells)[:n_cells]
    under = xi < lo[g_in]
    if under.any():
        below += np.bincount(g_in[under], wi[under], n_cells)[:n_cells]
    keep = ~under
    keep &= xi <= hi[g_in]
    if not keep.all():
        xi, g_in, wi = xi[keep], g_in[keep], wi[keep]
    by_value = np.argsort(xi)
    order = by_value[_group_order(g_in[by_value], n_cells)]
    xi, wi, g_in = xi[order], wi[order], g_in[order]
    ends = np.cumsum(np.bincount(g_in, minlength=n_cells)[:n_cells])
    starts = ends - np.bincount(g_in, minlength=n_cells)[:n_cells]
    out = np.full(n_cells, np.nan)
    for k in range(n_cells):
        a, b = int(starts[k]), int(ends[k])
        if not total[k] > 0:
            continue
        target, tol = p * total[k], TOLERANCE * total[k]
        inner = wi[a:b].sum()
        if below[k] >= target - tol or (below[k] + inner <= target + tol and hi[k] < np.inf):
            return None  # the bracket misses the quantile
        c = below[k] + np.cumsum(wi[a:b])
        xk = xi[a:b]
        j = min(int(np.searchsorted(c, target - tol, side="left")), xk.size - 1)
        if abs(c[j] - target) <= tol:
            h = min(int(np.searchsorted(c, target + tol, side="right")), xk.size - 1)
            out[k] = (xk[j] + xk[h]) / 2
        else:
            out[k] = xk[j]
    return out


def row_pieces(size: int, step: int = 1 << 20) -> list[tuple[int, int]]:
    """(start, stop) of slices of about a million rows: work over every row in pieces reuses
    its small temporaries instead of mapping fresh memory for a whole column on each call.

    >>> row_pieces(5, 2)
    [(0, 2), (2, 4), (4, 5)]
    """
    return [(a, min(a + step, size)) for a in range(0, size, step)]


def _sample_step(size: int, n_cells: int) -> int:
    """Every how many rows :func:`_segment_quantiles` samples: about 4 n^(2/3) rows a group,
    so that sorting the sample and the rows its brackets hold (6 standard errors each side,
    about n / sqrt(sample) rows) take about as long."""
    m = min(1 << 18, max(1 << 12, int(4 * n_cells * (size / max(n_cells, 1)) ** (2 / 3))))
    return max(1, size // m)


def _group_order(g, n_cells):
    """A stable order of the rows by group code (a radix sort of small codes)."""
    small = np.uint8 if n_cells <= 256 else np.uint16 if n_cells <= 65536 else np.int64
    return np.argsort(g.astype(small), kind="stable")


def _overall_quantile(x, w, valid, p: float) -> float:
    """Return the weighted quantile of all valid rows by the rule of :func:`quantile`.

    A full sort of every row is not needed: a sample brackets the quantile, one pass sums the
    weight below the bracket, and only the rows inside it are sorted.
    """
    if valid is not None:
        x = x[valid]
        w = None if w is None else w[valid]
    n = x.size
    if n == 0:
        return float("nan")
    total = float(n) if w is None else float(w.sum())
    if not total > 0:
        return float("nan")
    target, tol = p * total, TOLERANCE * total
    # a sample of about 64 sqrt(n) rows: its bracket holds a few percent of the rows at most
    m = int(min(1 << 18, max(1 << 12, 64 * np.sqrt(n))))
    step = max(1, n // m)
    sample = x[::step]
    by_value = np.argsort(sample)
    sample = sample[by_value]
    if w is None:
        share, spread = np.arange(1.0, sample.size + 1), 1.0
    else:
        sw = w[::step][by_value]
        share, spread = np.cumsum(sw), np.sqrt(1.0 + np.var(sw) / max(np.mean(sw) ** 2, 1e-300))
    if not share[-1] > 0:
        lo, hi = -np.inf, np.inf
    else:
        share /= share[-1]
        # six standard errors of a sample quantile: the bracket almost never misses, and
        # when it does the loop below widens it
        margin = 6.0 * np.sqrt(max(p * (1 - p), 0.01) / sample.size) * spread + 2.0 / sample.size
        lo = sample[np.searchsorted(share, p - margin)] if p - margin > 0 else -np.inf
        hi = sample[min(np.searchsorted(share, p + margin), sample.size - 1)]
        hi = hi if p + margin < 1 else np.inf
    for _ in range(3):
        below, xi, wi = _bracket(x, w, lo, hi)
        if below >= target - tol:
            lo = -np.inf
        elif below + wi.sum() <= target + tol and hi < np.inf:
            hi = np.inf
        else:
            break
    order = np.argsort(xi, kind="stable")
    xi, wi = xi[order], wi[order]
    c = below + np.cumsum(wi)
    j = min(int(np.searchsorted(c, target - tol, side="left")), xi.size - 1)
    if abs(c[j] - target) <= tol:
        h = min(int(np.searchsorted(c, target + tol, side="right")), xi.size - 1)
        return float((xi[j] + xi[h]) / 2)
    return float(xi[j])


def label_score(label, labels) -> float:
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


def _bracket(x, w, lo, hi, chunk=1 << 20):
    """Weight of rows with x < lo, and the rows with lo <= x <= hi, in cache-sized slices."""
    below = 0.0
    xs, ws = [], []
    for i in range(0, x.size, chunk):
        xc = x[i : i + chunk]
        wc = None if w is None else w[i : i + chunk]
        low = xc < lo
        below += float(np.count_nonzero(low)) if wc is None else float(wc[low].sum())
        inside = (xc >= lo) & (xc <= hi)
        xs.append(xc[inside])
        ws.append(np.ones(xs[-1].size) if wc is None else wc[inside])
    return below, np.concatenate(xs), np.concatenate(ws)


def duckdb_sql(
    table: str,
    value: str,
    group: str,
    weight: str | None = None,
    levels: Iterable[float] = (0.1, 0.5, 0.9),
) -> str:
    """Return SQL that computes n, weight sum, mean, sd and quantiles per group in DuckDB.

    For data beyond one machine's memory: the work is one sort per group and sums, which
    DuckDB (out of core, on every core) or any SQL engine with window functions does too.
    The quantiles follow the rule of :func:`indicators.measures.quantile` exactly: the running
    weight sum over the peers of a value (``RANGE``, the default frame) is the weight at or
    below that value, so the tie test "C_j = pW" and the midpoint read the same rows. ``sd``
    uses the one-pass formula and agrees to rounding. Names are quoted as identifiers.

    Examples
    --------
    >>> print(duckdb_sql("people", "inkomen", "gemeente", "gewicht", [0.5]).splitlines()[0])
    WITH ranked AS (
    """
    v, g = _ident(value), _ident(group)
    w = "1.0" if weight is None else f"CAST({_ident(weight)} AS DOUBLE)"
    keep = f"{v} IS NOT NULL AND isfinite({v})" + (
        "" if weight is None else f" AND {w} IS NOT NULL AND isfinite({w})"
    )
    parts = []
    for p in levels:
        name = f"p{round(100 * p):d}" if round(100 * p, 6) == round(100 * p) else f"q{p:g}"
        target, tol = f"{p!r} * total", f"{TOLERANCE!r} * total"
        lo = f"MIN(x) FILTER (WHERE cw >= {target} - {tol})"
        hit = f"BOOL_OR(abs(cw - {target}) <= {tol})"
        hi = f"COALESCE(MIN(x) FILTER (WHERE cw > {target} + {tol}), MAX(x))"
        parts.append(f"CASE WHEN {hit} THEN ({lo} + {hi}) / 2 ELSE {lo} END AS {name}")
    quantile_sql = ",\n       ".join(parts)
    return f"""WITH ranked AS (
  SELECT {g} AS g, CAST({v} AS DOUBLE) AS x, {w} AS w,
         SUM({w}) OVER (PARTITION BY {g} ORDER BY {v}) AS cw,
         SUM({w}) OVER (PARTITION BY {g}) AS total
  FROM {_ident(table)}
  WHERE {keep}
)
SELECT g, COUNT(*) AS n, SUM(w) AS weight_sum,
       SUM(w * x) / SUM(w) AS mean,
       sqrt(greatest(SUM(w * x * x) / SUM(w) - (SUM(w * x) / SUM(w)) ** 2, 0)) AS sd,
       {quantile_sql}
FROM ranked
WHERE total > 0
GROUP BY g
ORDER BY g"""


def _ident(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'
