"""Standard errors and intervals by the bootstrap: replicate weights over the engine's one sort.

The alternative to linearization (:mod:`indicators.stats.uncertainty`): the rescaled bootstrap
of Rao, Wu and Yue (1992). In every stratum h with :math:`n_h` primary sampling units (PSUs;
each row its own when no clusters are given; one stratum when no strata are; strata within
each independent sample, a year) a replicate draws :math:`m_h = n_h - 1` PSUs with
replacement, and a row's replicate weight is

.. math:: w_k^{(r)} = w_k \\, \\frac{n_h}{m_h} \\, t_{p(k)}^{(r)},

with :math:`t_p^{(r)}` the number of times its PSU was drawn. Its expectation is :math:`w_k`;
with :math:`m_h = n_h - 1` the plain bootstrap variance of a total,
:math:`\\frac{1}{R-1} \\sum_r (\\hat\\theta_r - \\bar\\theta)^2`, estimates the with-replacement
variance that linearization uses. A stratum with one PSU keeps its weights (it adds nothing, as
``survey.lonely.psu = "remove"`` there).

Every measure is recomputed per replicate, the poverty rate with its own line (0.6 x the
median of the reference population, recomputed per replicate). The standard error is the sd
of the replicate estimates; the interval is the percentile interval (the ``(1 -/+ level) / 2``
quantiles of the replicate estimates). Replicates where a group's estimate is undefined (none
of its PSUs drawn) are left out, as R's ``survey::svrVar`` does.

The work: the rows are sorted once by (group, value) (:class:`SortPlan`); then, for a chunk
of replicates at a time (32 columns), each block of whole groups gets its replicate weights as
a matrix (replicates x rows) and every measure comes from vectorised cumulative sums and
reductions over that matrix: no Python loop over single replicates or over groups.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.errors import DataError
from indicators.stats.engine import GroupedResult, SortPlan, cell_blocks, label_score
from indicators.stats.measures import (
    DEFAULT_MEASURES,
    POVERTY_FRACTION,
    TOLERANCE,
    MeasureSpec,
    parse_measure,
)

REPLICATES = 200
CHUNK = 32  # replicates reduced together: a block's weight matrix is CHUNK x rows
KEEP_ROWS = 4_000_000  # up to these rows the blocks' row functions are kept between chunks
BLOCK_ROWS = 1 << 13  # rows of whole groups per block: CHUNK x BLOCK_ROWS doubles is 2 MB


class ReplicateDesign:
    """Rao-Wu-Yue replicate weights for a design: the draws of every PSU, per replicate.

    Parameters
    ----------
    size : int
        Rows of the data.
    strata, cluster : array-like, optional
        Stratum and PSU of each row (any labels; no missing values). By default one stratum
        and each row its own PSU.
    sample : array-like of int, optional
        Independent samples (years): strata are taken within each.
    replicates : int, default 200
    seed : int, optional
        Seed of ``numpy.random.default_rng``: the same seed gives the same replicates; without
        one a seed is drawn once, for this design.

    Notes
    -----
    The draws come from one generator in replicate order (uniform numbers, one per draw), so
    they do not depend on how the replicates are chunked, and every pass over the replicates
    (groups by region, the Total rows, the poverty line, each variable) sees the same weights.
    When the draw counts of all replicates take at most 64 MB they are kept after the first
    pass.

    Examples
    --------
    >>> d = ReplicateDesign(4, strata=[0, 0, 1, 1], replicates=3, seed=1)
    >>> d.n_units, d.scale.tolist()
    (4, [2.0, 2.0, 2.0, 2.0])
    >>> counts = np.hstack([c for _, c in d.counts()])
    >>> counts.sum(axis=0).tolist()  # one PSU drawn in each stratum: m_h = n_h - 1 = 1
    [2, 2, 2]
    """

    def __init__(self, size, strata=None, cluster=None, sample=None, *, replicates=200, seed=None):
        from indicators.stats.uncertainty import check_replicates, design_codes, sample_codes

        size = int(size)
        replicates = check_replicates(replicates)
        for arr, role in ((strata, "strata"), (cluster, "cluster")):
            if arr is not None and len(arr) != size:
                raise DataError(f"The {role} column has {len(arr)} rows; the data has {size}.")
        s_codes, _ = sample_codes(sample, size)
        h = s_codes if strata is None else _pair_codes(s_codes, design_codes(strata, "strata"))
        if cluster is None:
            unit = np.arange(size, dtype=np.int64)
        else:
            unit = _pair_codes(h, design_codes(cluster, "cluster"))
        n_units = int(unit.max()) + 1 if size else 0
        unit_stratum = np.zeros(n_units, dtype=np.int64)
        unit_stratum[unit] = h
        n_strata = int(unit_stratum.max()) + 1 if n_units else 0
        n_h = np.bincount(unit_stratum, minlength=n_strata)
        # number the units in stratum order, so that a draw (a position in its stratum's run)
        # is the unit's number; each stratum with n_h > 1 has n_h - 1 draws
        by_stratum = np.argsort(unit_stratum, kind="stable")
        renumber = np.empty(n_units, dtype=np.int64)
        renumber[by_stratum] = np.arange(n_units)
        unit = renumber[unit]
        unit_stratum = unit_stratum[by_stratum]
        starts = np.cumsum(n_h) - n_h
        drawn = n_h > 1
        m_h = np.where(drawn, n_h - 1, 0)
        slot_h = np.repeat(np.arange(n_strata), m_h)
        self.size, self.replicates = size, replicates
        # without a seed, one drawn now: every pass over the replicates sees the same draws
        self.seed = np.random.SeedSequence().entropy if seed is None else seed
        self.unit, self.n_units = unit, n_units
        self._slot_start, self._slot_n = starts[slot_h], n_h[slot_h].astype(float)
        self._lonely = np.repeat(~drawn, n_h)  # units kept as they are
        self._any_lonely = bool(self._lonely.any())
        with np.errstate(divide="ignore", invalid="ignore"):
            unit_scale = np.where(drawn, n_h / np.maximum(m_h, 1), 1.0)[unit_stratum]
        self.scale = unit_scale[unit]  # n_h / m_h per row
        self._cache = None
        self._cache_ok = replicates * n_units <= 64 << 20

    def counts(self):
        """Yield (first replicate, draw counts: PSUs x replicates) chunk by chunk."""
        if self._cache is not None:
            yield from self._cache
            return
        rng = np.random.default_rng(self.seed)
        kept = []
        for r0 in range(0, self.replicates, CHUNK):
            rc = min(CHUNK, self.replicates - r0)
            counts = self._draw(rng, rc)
            if self._cache_ok:
                kept.append((r0, counts))
            yield r0, counts
        if self._cache_ok:
            self._cache = kept

    def _draw(self, rng, rc):
        n_units = self.n_units
        top_n = (self._slot_n - 1).astype(np.intp)
        # one replicate at a time into buffers reused: the uniform numbers come from the
        # generator in the same order as one (rc x draws) call, and a count vector of one
        # replicate (8 bytes a PSU) stays in the cache while it is counted
        u = np.empty(self._slot_n.size)
        pick = np.empty(self._slot_n.size, dtype=np.intp)
        counts = np.empty((rc, n_units), dtype=np.uint8)
        for r in range(rc):
            rng.random(out=u)
            u *= self._slot_n
            np.copyto(pick, u, casting="unsafe")  # truncation, as astype
            np.minimum(pick, top_n, out=pick)
            pick += self._slot_start
            drawn = np.bincount(pick, minlength=n_units)
            top = int(drawn.max()) if drawn.size else 0
            if top > np.iinfo(counts.dtype).max:
                counts = counts.astype(np.uint16 if top < 1 << 16 else np.uint32)
            counts[r] = drawn
        if self._any_lonely:
            counts[:, self._lonely] = 1
        # PSUs x replicates, as a view of the replicates' rows (no copy): a replicate's
        # draws stay side by side, which is how the weights are gathered
        return counts.T

    def weights(self, weights=None) -> ReplicateWeights:
        """Return the replicate weights of these draws for the base ``weights`` (1 when none)."""
        return ReplicateWeights(self, weights)


class ReplicateWeights:
    """Replicate weights ``w * n_h / m_h * draws``, produced a chunk and a block at a time."""

    def __init__(self, design: ReplicateDesign, weights=None):
        w = np.ones(design.size) if weights is None else np.asarray(weights, dtype=float)
        w = w.reshape(-1)
        if w.size != design.size:
            raise DataError(f"The weights have {w.size} rows; the design has {design.size}.")
        base = w * design.scale
        self.base = np.where(np.isfinite(base), base, 0.0)  # a missing weight: the row is out
        self.design = design
        self.replicates = design.replicates

    def chunks(self):
        """Yield (first replicate, function of row numbers -> weight matrix) per chunk.

        The function has ``counts`` (the draws, PSUs x replicates, for sums over PSUs) and
        ``in_order(order)``: a function of slices of the rows ``order`` (a sort of the rows)
        that reads the draws gathered into that order once for the chunk, a replicate at a
        time, so that every block of rows is a plain slice.
        """
        unit = self.design.unit
        ordered_base = {}
        for r0, counts in self.design.counts():
            by_replicate = counts.T  # replicates x PSUs, each replicate's draws side by side

            def take(rows, by_replicate=by_replicate):
                drawn = np.take(by_replicate, unit[rows], axis=1)
                return np.multiply(drawn, self.base[rows])

            def in_order(order, by_replicate=by_replicate):
                key = id(order)
                if key not in ordered_base:
                    ordered_base[key] = (order, self.base[order], unit[order])
                _, base, units = ordered_base[key]
                drawn = np.take(by_replicate, units, axis=1)  # one gather for the chunk
                return lambda rows: np.multiply(drawn[:, rows], base[rows])

            take.counts = counts
            take.in_order = in_order
            yield r0, take

    def matrix(self) -> np.ndarray:
        """Return all replicate weights, replicates x rows (for small data and tests)."""
        rows = np.arange(self.design.size)
        return np.vstack([take(rows) for _, take in self.chunks()])


class MatrixWeights:
    """Replicate weights given as a matrix (replicates x rows), in chunks as the design's."""

    def __init__(self, matrix):
        m = np.asarray(matrix, dtype=float)
        if m.ndim != 2:
            raise DataError("Replicate weights must be a matrix: replicates x rows.")
        self.matrix = np.where(np.isfinite(m), m, 0.0)
        self.replicates = m.shape[0]

    def chunks(self):
        for r0 in range(0, self.replicates, CHUNK):
            part = self.matrix[r0 : r0 + CHUNK]
            yield r0, lambda rows, part=part: part[:, rows]


def replicate_measures(
    plan: SortPlan,
    weights,
    measures: Iterable[str | MeasureSpec] = DEFAULT_MEASURES,
    *,
    lines=None,
    labels: Mapping[str, float] | None = None,
) -> dict[str, np.ndarray]:
    """Compute every measure for every group and every replicate at once.

    Parameters
    ----------
    plan : SortPlan
        The rows sorted once by (group, value).
    weights : ReplicateWeights, MatrixWeights or array-like
        Replicate weights; a matrix is replicates x rows (rows in the plan's input order).
        Negative weights are not checked here (the point estimates check the base weights).
    measures : iterable of str or MeasureSpec
    lines : array-like or callable, optional
        Poverty line per group and replicate (groups x replicates) for ``poverty_rate``; or a
        function of (the chunk's weights, its number of replicates) that returns the chunk's
        lines (groups x replicates of the chunk).
    labels : mapping, optional
        Scores of text labels, for ``share:LABEL``.

    Returns
    -------
    dict of str to numpy.ndarray
        Per measure, groups x replicates; NaN where a group has no weight in a replicate (and
        for ``n``, a count).

    Examples
    --------
    >>> plan = SortPlan([1.0, 2.0, 3.0, 10.0], [0, 0, 0, 1], 2)
    >>> r = replicate_measures(plan, [[1, 1, 1, 1], [2, 0, 1, 1]], ["mean", "median"])
    >>> r["mean"].tolist(), r["median"].tolist()
    ([[2.0, 1.6666666666666667], [10.0, 10.0]], [[2.0, 1.0], [10.0, 10.0]])
    """
    if not hasattr(weights, "chunks"):
        weights = MatrixWeights(weights)
    specs = [m if isinstance(m, MeasureSpec) else parse_measure(m) for m in measures]
    specs = list({s.text: s for s in specs}.values())
    R, G = weights.replicates, plan.n_cells
    out = {s.text: np.full((G, R), np.nan) for s in specs}  # n, a count, stays NaN
    if any(s.family == "poverty_rate" for s in specs):
        if lines is None:
            raise DataError("The poverty rate per replicate needs its lines (groups x replicates).")
        if not callable(lines):
            lines = np.asarray(lines, dtype=float).reshape(G, R)
    sweep = _Sweep(plan, specs, labels)
    for r0, take in weights.chunks():
        rc = min(CHUNK, R - r0)
        if lines is None or not callable(lines):
            chunk_lines = None if lines is None else lines[:, r0 : r0 + rc]
        else:  # the lines of this chunk, from the same replicate weights
            chunk_lines = lines(take, rc)
        for text, values in sweep.chunk(take, rc, chunk_lines).items():
            out[text][:, r0 : r0 + rc] = values
    return out


class _Sweep:
    """One plan's blocks of whole groups, reduced for one chunk of replicates at a time."""

    def __init__(self, plan: SortPlan, specs, labels):
        self.order = np.asarray(plan.order)
        self.xs = np.asarray(plan.sorted_values)
        self.counts = np.asarray(plan.counts)
        self.blocks = list(cell_blocks(self.counts, BLOCK_ROWS))
        self.n_cells = plan.n_cells
        self.specs, self.needs, self.labels = specs, _levels(specs), labels
        # the functions of the rows alone (no weights) of each block, made at the first chunk
        # and kept for the next ones while they take at most about 10 numbers a row
        self.rows = [None] * len(self.blocks)
        self.keep = self.xs.size <= KEEP_ROWS

    def chunk(self, take, rc, lines=None) -> dict[str, np.ndarray]:
        """Return every measure, groups x the chunk's replicates; ``lines`` groups x rc."""
        out = {s.text: np.full((self.n_cells, rc), np.nan) for s in self.specs}
        if hasattr(take, "in_order"):
            get = take.in_order(self.order)
        else:

            def get(rows):
                return take(self.order[rows])

        for i, (gids, rows) in enumerate(self.blocks):
            wm = get(rows)
            line = None if lines is None else lines[gids].T
            fixed = self.rows[i]
            if fixed is None:
                fixed = _Rows(self.xs[rows], self.counts[gids])
                if self.keep:
                    self.rows[i] = fixed
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                found = _block(fixed, wm, self.specs, self.needs, self.labels, line)
            for text, values in found.items():
                out[text][gids] = values.T
        return out


class _Medians:
    """The median of every reference population (a year) for a chunk of replicates.

    Only the rows near the median count one by one: the sorted rows whose share of the point
    weights lies within a bracket around 0.5 (a few standard errors of a median's share each
    side). The replicate weight below the bracket and in all comes from sums per PSU times
    the PSUs' draws, without the rows; the median itself from the cumulative replicate
    weights inside the bracket, by the rule of :func:`indicators.stats.measures.quantile`.
    When a replicate's median leaves the bracket, the chunk is computed over all rows.
    """

    def __init__(self, plan: SortPlan, weights, w, s_codes):
        self.full = _Sweep(plan, [parse_measure("median")], None)
        self.weights = weights
        counts = np.asarray(plan.counts)
        self.n = plan.n_cells
        self.bracket = None
        design = getattr(weights, "design", None)
        if design is None:
            return
        order = np.asarray(plan.order)
        wp = np.ones(order.size) if w is None else np.asarray(w, dtype=float)[order]
        wp = np.where(np.isfinite(wp), wp, 0.0)
        ends = np.cumsum(counts)
        starts = ends - counts
        cum = np.cumsum(wp)
        base = np.where(starts > 0, cum[np.maximum(starts - 1, 0)], 0.0)
        total = np.where(counts > 0, cum[np.maximum(ends - 1, 0)], 0.0) - base
        half = 0.02 + 8 * 0.5 / np.sqrt(np.maximum(counts, 1))
        lo = np.searchsorted(cum, base + np.maximum(0.5 - half, 0.0) * total, "left")
        hi = np.searchsorted(cum, base + np.minimum(0.5 + half, 1.0) * total, "right") + 1
        lo = np.clip(lo, starts, ends)
        hi = np.clip(hi, lo, ends)
        if (hi - lo).sum() > 0.5 * order.size:
            return  # small samples: the bracket would hold most rows anyway
        rows = np.concatenate([order[a:b] for a, b in zip(lo.tolist(), hi.tolist(), strict=True)])
        self.rows, self.inside = rows, hi - lo
        self.xs = np.asarray(plan.sorted_values)[
            np.concatenate([np.arange(a, b) for a, b in zip(lo.tolist(), hi.tolist(), strict=True)])
        ]
        # base replicate weight per PSU below the bracket and in all, per population: the
        # PSUs of a population are a run of PSU numbers (strata within populations)
        unit, rw_base = design.unit, weights.base
        sample = np.full(design.n_units, -1, dtype=np.int64)
        below_rows = np.concatenate(
            [order[a:b] for a, b in zip(starts.tolist(), lo.tolist(), strict=True)]
        )
        valid_rows = order  # rows with a value; a missing weight has base 0
        sample[unit] = s_codes
        self.per_unit = np.vstack(
            [
                np.bincount(unit[below_rows], rw_base[below_rows], design.n_units),
                np.bincount(unit[valid_rows], rw_base[valid_rows], design.n_units),
            ]
        )
        present = sample >= 0
        units_of = [np.flatnonzero(sample == k) for k in range(self.n)] if present.any() else []
        spans = [(int(u[0]), int(u[-1]) + 1) if u.size else (0, 0) for u in units_of]
        if any(b - a != (sample[a:b] == k).sum() for k, (a, b) in enumerate(spans) if b > a):
            return  # PSUs shared between populations: no sums per run of PSUs
        self.spans = spans
        self.bracket = True

    def _sums(self, counts):
        """Per replicate and population: the replicate weight below the bracket and in all,
        as sums over its PSUs of the base weights x the draws (one pass over the draws)."""
        out = np.zeros((2, counts.shape[1], self.n))
        for k, (a, b) in enumerate(self.spans):  # a loop over the populations (years)
            if b > a:
                out[:, :, k] = np.einsum("ku,ru->kr", self.per_unit[:, a:b], counts.T[:, a:b])
        return out[0], out[1]

    def __call__(self, take, rc):
        if self.bracket is None or not hasattr(take, "counts"):
            return self.full.chunk(take, rc)["median"]
        below, total = self._sums(take.counts)  # replicates x populations
        wm = take(self.rows)  # rc x bracket rows
        k = self.n
        cnt = self.inside
        used = cnt > 0
        ls = np.cumsum(cnt) - cnt
        last = ls + cnt - 1
        C = np.cumsum(wm, axis=1)
        before = np.where(ls > 0, C[:, np.maximum(ls - 1, 0)], 0.0)
        C += np.repeat(below - before, cnt, axis=1)  # the population's cumulative weights
        target, tol = 0.5 * total, TOLERANCE * total
        nb = C.shape[1]
        row0 = (np.arange(rc) * nb)[:, None]
        gl = np.repeat(np.arange(k, dtype=float), cnt)
        key = np.empty((rc, nb), dtype=complex)
        key.real = np.arange(rc, dtype=float)[:, None] * k + gl
        key.imag = C
        key = key.reshape(-1)
        runs = np.arange(rc, dtype=float)[:, None] * k + np.arange(k)
        lo_lim, hi_lim = row0 + ls, row0 + np.maximum(last, ls)
        j = np.clip(np.searchsorted(key, _pairs(runs, target - tol), "left"), lo_lim, hi_lim)
        h = np.clip(np.searchsorted(key, _pairs(runs, target + tol), "right"), lo_lim, hi_lim)
        flat = C.reshape(-1)
        hit = np.abs(flat[j] - target) <= tol
        # inside: the weight before the bracket is short of the target, and the bracket's
        # last row passes it
        end = flat[np.maximum(row0 + last, 0)]
        inside = (below < target - tol) & (end > target + tol) & used
        if not inside[:, used].all() if used.any() else True:
            return self.full.chunk(take, rc)["median"]
        jl, hl = j - row0, h - row0
        med = np.where(hit, (self.xs[jl] + self.xs[hl]) / 2, self.xs[jl])
        med[:, ~used] = np.nan
        med[~(total > 0)] = np.nan
        return med.T


def _levels(specs):
    levels = set()
    for spec in specs:
        if spec.family == "quantile":
            levels.add(float(spec.param))
        elif spec.family in _RATIOS:
            levels.update((spec.kwargs["top"], spec.kwargs["bottom"]))
    return sorted(levels)


_RATIOS = ("s80s20", "palma")
_POSITIVE = ("theil", "mld", "atkinson")


class _Rows:
    """What one block's rows give without their weights: group runs, search keys, deviations
    and the row functions of the inequality measures; the same for every chunk of replicates.
    """

    def __init__(self, xb, cnt):
        self.xb, self.cnt = xb, cnt
        self.k = k = cnt.size
        self.ls = ls = np.cumsum(cnt) - cnt
        self.last = ls + cnt - 1
        gl = np.repeat(np.arange(k, dtype=float), cnt)
        self.kx = _pairs(gl, xb)
        # the group's own (unweighted) mean: sums of deviations from it keep their precision
        self.m0 = np.add.reduceat(xb, ls) / cnt
        self.dev = xb - np.repeat(self.m0, cnt)
        self._dev2 = self._next = self._positive = None

    @property
    def dev2(self):
        if self._dev2 is None:
            self._dev2 = self.dev * self.dev
        return self._dev2

    @property
    def next_row(self):
        """Per row, the first row of its group with a larger value (or the group's end): the
        rows with x <= a quantile that lies on a row, or between it and a row above."""
        if self._next is None:
            found = np.searchsorted(self.kx, self.kx, "right")
            self._next = np.minimum(found, np.repeat(self.last + 1, self.cnt))
        return self._next

    def positive(self):
        """(first row with x > 0 per group, r0, log r0, r0 log r0, powers of r0 by exponent)."""
        if self._positive is None:
            xb, cnt, ls, k = self.xb, self.cnt, self.ls, self.k
            positive = xb > 0
            first = np.clip(
                np.searchsorted(self.kx, _pairs(np.arange(k), np.zeros(k)), "right"),
                ls,
                self.last + 1,
            )
            n_pos = np.add.reduceat(positive.astype(float), ls)
            m0 = np.add.reduceat(np.where(positive, xb, 0.0), ls) / n_pos
            self.all_positive, self.m0_positive = bool(positive.all()), m0
            r0 = np.where(positive, xb / np.repeat(m0, cnt), 0.0)
            logr0 = np.where(positive, np.log(np.where(positive, r0, 1.0)), 0.0)
            self._positive = (first, r0, logr0, r0 * logr0, {})
        return self._positive

    def power(self, a):
        """r0 ** a over x > 0 (0 elsewhere)."""
        _, r0, _, _, powers = self.positive()
        if a not in powers:
            powers[a] = np.where(r0 > 0, np.where(r0 > 0, r0, 1.0) ** a, 0.0)
        return powers[a]


def _block(fixed, wm, specs, levels, labels, line):
    """Every measure for the groups of one block (rows sorted by group, then value; their
    fixed functions ``fixed``) and the replicates of one chunk: ``wm`` is replicates x rows;
    results are replicates x groups."""
    rc, nb = wm.shape
    xb, cnt, k, ls, last, kx = fixed.xb, fixed.cnt, fixed.k, fixed.ls, fixed.last, fixed.kx
    families = {s.family for s in specs}

    def position(thresholds, side):
        """Rows of each group before the threshold (``left``: x < t; ``right``: x <= t),
        thresholds per group (k) or per replicate and group (rc x k); as row numbers."""
        t = np.broadcast_to(thresholds, (rc, k)) if np.ndim(thresholds) > 1 else thresholds
        found = np.searchsorted(kx, _pairs(np.broadcast_to(np.arange(k), np.shape(t)), t), side)
        return np.clip(found, ls, last + 1)

    # cumulative weights over the block's rows (they never fall: weights are 0 or more); a
    # group's own are those minus the weight before it, ``before``
    C = np.cumsum(wm, axis=1)
    before = np.where(ls > 0, C[:, np.maximum(ls - 1, 0)], 0.0)
    W = C[:, last] - before
    flat_c = C.reshape(-1)
    row0 = (np.arange(rc) * nb)[:, None]

    def prefix(cum, base, p):
        """Weight (or total) of the rows ls .. p - 1 of each group, p per replicate x group,
        from cumulative sums over the block and their value before each group."""
        p = np.broadcast_to(p, (rc, k))
        got = cum.reshape(-1)[(row0 + np.maximum(p - 1, 0)).reshape(-1)].reshape(rc, k)
        return np.where(p > ls, got - base, 0.0)

    quantiles, rows_at = {}, {}
    if levels:
        # the cumulative weights plus the total of the replicates before: a row of numbers
        # that never falls, so that one search of plain numbers finds a quantile's row for
        # every replicate and group (the replicate's start added to the target)
        start = np.zeros((rc, 1))
        np.cumsum(C[:-1, -1], out=start[1:, 0])
        rising = (C + start).reshape(-1)
        lo_lim, hi_lim = row0 + ls, row0 + last
        # every level at once: levels x replicates x groups
        target = np.asarray(levels)[:, None, None] * W
        tol = TOLERANCE * W
        at = target + (start + before)
        j = np.clip(np.searchsorted(rising, at - tol, "left"), lo_lim, hi_lim)
        hit = np.abs(flat_c[j] - before - target) <= tol
        jl = j - row0
        found = xb[jl]
        if hit.any():  # C_j = pW: the midpoint with the next value (ties are rare)
            h = np.searchsorted(rising, (at + tol)[hit], "right")
            lo_b = np.broadcast_to(lo_lim, hit.shape)[hit]
            hi_b = np.broadcast_to(hi_lim, hit.shape)[hit]
            hl = np.clip(h, lo_b, hi_b) - np.broadcast_to(row0, hit.shape)[hit]
            found[hit] = (xb[jl[hit]] + xb[hl]) / 2
        for i, p in enumerate(levels):
            rows_at[p], quantiles[p] = jl[i], found[i]

    res = {}
    m0, dev = fixed.m0, fixed.dev
    need_dev = families & {"mean", "sd"}
    if need_dev:
        s1 = np.add.reduceat(wm * dev, ls, axis=1)
        mean = m0 + s1 / W
    swx = None
    if families & {"gini", *_RATIOS}:
        # w x in a buffer one column wider, its last column 0: the sums of runs of rows at
        # the ratios' quantiles read it where a run ends at the block's end
        wx_pad = np.empty((rc, nb + 1))
        wx_pad[:, nb] = 0.0
        wx = np.multiply(wm, xb, out=wx_pad[:, :nb])
        swx = np.add.reduceat(wx, ls, axis=1)
        flat_wx = wx_pad.reshape(-1)
        row0x = (np.arange(rc) * (nb + 1))[:, None]

    partials = {}
    ratio_levels = sorted(
        {
            spec.kwargs[side]
            for spec in specs
            if spec.family in _RATIOS
            for side in ("top", "bottom")
        }
    )
    if ratio_levels:
        # the sums of w x over the rows ls .. p - 1 of each group at the positions of every
        # level the ratios need (positions rise with the level): one reduceat over the flat
        # buffer for the runs between them, no cumulative sums. The rows with x <= the
        # quantile run up to the first row above the quantile's row (also when the quantile
        # is the midpoint with the row above: no row lies between)
        ps = [fixed.next_row[rows_at[p]] for p in ratio_levels]
        idx = np.empty((rc, k, len(ps) + 1), dtype=np.intp)
        idx[:, :, 0] = row0x + ls
        for i, p in enumerate(ps):
            idx[:, :, i + 1] = row0x + p
        runs = np.add.reduceat(flat_wx, idx.reshape(-1)).reshape(rc, k, len(ps) + 1)
        # an empty run: reduceat gives the row at its start, not 0
        runs[:, :, :-1][np.diff(idx, axis=2) == 0] = 0.0
        acc = np.cumsum(runs[:, :, :-1], axis=2)
        partials = {p: acc[:, :, i] for i, p in enumerate(ratio_levels)}

    pos = None
    for spec in specs:
        fam = spec.family
        if fam == "mean":
            value = mean
        elif fam == "n":
            continue
        elif fam == "sd":
            # deviations from the group's unweighted mean m0, fixed rows (no pass per
            # replicate mean): sum w (x - mean)^2 / W = sum w (x - m0)^2 / W - (mean - m0)^2
            s2 = np.add.reduceat(wm * fixed.dev2, ls, axis=1)
            d1 = s1 / W
            var = s2 / W - d1 * d1
            # where the replicate's mean lies far from m0 next to its spread (a group of
            # one value drawn), that difference loses its digits: two passes, as the
            # definition, from each replicate's own mean
            lost = (d1 != 0) & ~(var > 1e-6 * d1 * d1) & (W > 0)
            if lost.any():
                d = np.repeat(np.where(W > 0, mean, 0.0), cnt, axis=1)
                np.subtract(xb, d, out=d)
                d *= d
                d *= wm
                var = np.where(lost, np.add.reduceat(d, ls, axis=1) / W, var)
            value = np.sqrt(np.maximum(var, 0.0))
        elif fam == "quantile":
            value = quantiles[float(spec.param)]
        elif fam == "gini":
            # sum_i w_i x_i (2 C_i - w_i - W) for sorted x, as the one-group definition,
            # with C_i the group's own cumulative weight: the block's minus ``before``
            term = np.multiply(C, 2.0)
            term -= wm
            term *= wx
            own = np.add.reduceat(term, ls, axis=1) - 2.0 * before * swx
            value = (own - W * swx) / (W * swx)
            value = np.where(swx == 0, np.nan, np.maximum(value, 0.0))
        elif fam in _RATIOS:
            top, bottom = spec.kwargs["top"], spec.kwargs["bottom"]
            upper = swx - partials[top]
            lower = partials[bottom]
            value = np.where(lower > 0, upper / lower, np.nan)
        elif fam in ("share_below", "share_at_least"):
            below = prefix(C, before, position(np.full(k, float(spec.param)), "left"))
            value = (W - below if fam == "share_at_least" else below) / W
        elif fam == "poverty_rate":
            value = prefix(C, before, position(line, "left")) / W
            value[np.isnan(line)] = np.nan
        elif fam == "share":
            score = np.full(k, label_score(spec.param, labels))
            a = prefix(C, before, position(score, "left"))
            b = prefix(C, before, position(score, "right"))
            value = (b - a) / W
        elif fam in _POSITIVE:
            if pos is None:
                first = fixed.positive()[0]
                pos = _Positive(fixed, wm, W - prefix(C, before, first), swx)
            value = pos.measure(fam, spec.param)
        else:  # pragma: no cover - the engine's families, checked on import there
            raise DataError(f"Measure '{spec.text}' is not available in the bootstrap.")
        value = np.array(value, dtype=float)
        value[~(W > 0)] = np.nan
        res[spec.text] = value
    return res


class _Positive:
    """Sums over x > 0 for Theil T, MLD and Atkinson, for all replicates of a block.

    With r0 = x / m0 (m0 the group's unweighted mean over x > 0) and t the replicate's mean
    over x > 0 divided by m0, every measure is a function of weighted sums of fixed row
    functions (r0, r0 log r0, log r0, r0^a): matrix reductions, and logarithms of rows only.
    """

    def __init__(self, fixed, wm, W, swx=None):
        _, self.r0, self.logr0, self.r0logr0, _ = fixed.positive()
        self.fixed, self.wm, self.ls = fixed, wm, fixed.ls
        self.W = W  # weight of x > 0
        if swx is not None and fixed.all_positive:  # sum w r0 = sum w x / m0
            self.t = swx / fixed.m0_positive / self.W
        else:
            self.t = self.sum(self.r0) / self.W
        self.cache = {}

    def sum(self, f):
        return np.add.reduceat(self.wm * f, self.ls, axis=1)

    def mean_log(self):
        if "log" not in self.cache:
            self.cache["log"] = self.sum(self.logr0) / self.W
        return self.cache["log"]

    def measure(self, family, param):
        t = self.t
        if family == "theil":
            return self.sum(self.r0logr0) / (t * self.W) - np.log(t)
        if family == "mld":
            return np.log(t) - self.mean_log()
        eps = float(param)
        if eps == 1:
            return 1 - np.exp(self.mean_log()) / t
        a = 1 - eps
        return 1 - (self.sum(self.fixed.power(a)) / self.W) ** (1 / a) / t


def _pairs(groups, values):
    """(group, value) as complex numbers: numpy orders them by group, then value."""
    values = np.asarray(values, dtype=float)
    key = np.empty(values.shape, dtype=complex)
    key.real = groups
    key.imag = values
    return key


def _pair_codes(a, b):
    """Codes 0 .. k - 1 of the pairs (a, b)."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if not a.size:
        return a
    codes, _ = pd.factorize(a * (int(b.max()) + 1) + b, sort=True)
    return codes.astype(np.int64)


@dataclass
class Bootstrapped:
    """Point estimates, bootstrap standard errors and percentile intervals per group."""

    result: GroupedResult
    se: dict[str, np.ndarray]
    ci_low: dict[str, np.ndarray]
    ci_high: dict[str, np.ndarray]
    replicates: dict[str, np.ndarray]  # per measure, groups x replicates


def bootstrap_standard_errors(
    values,
    codes,
    n_cells: int,
    weights=None,
    measures: Iterable[str | MeasureSpec] = DEFAULT_MEASURES,
    *,
    strata=None,
    cluster=None,
    sample=None,
    labels: Mapping[str, float] | None = None,
    replicates: int = REPLICATES,
    seed=None,
    level: float = 0.95,
    design: ReplicateDesign | None = None,
) -> Bootstrapped:
    """Compute every measure per group with its bootstrap standard error and interval.

    Parameters
    ----------
    values, codes, n_cells, weights, measures, labels
        As :func:`indicators.stats.engine.grouped_measures`.
    strata, cluster, sample
        The design, as :func:`indicators.stats.uncertainty.grouped_standard_errors`: the
        poverty line of a group is 0.6 x the median of its sample (year), recomputed per
        replicate.
    replicates : int, default 200
    seed : int, optional
        Seed of ``numpy.random.default_rng``.
    level : float, default 0.95
        Level of the percentile intervals.
    design : ReplicateDesign, optional
        The draws to use (then strata, cluster, sample, replicates and seed are its own):
        pass the same design to compute several tables over the same replicates.

    Examples
    --------
    >>> x = np.arange(1.0, 101.0)
    >>> b = bootstrap_standard_errors(x, np.zeros(100, int), 1, measures=["mean"], seed=1)
    >>> 2.5 < float(b.se["mean"][0]) < 3.3  # s / sqrt(n) = 2.90
    True
    """
    from indicators.stats.uncertainty import cell_sample, check_level, sample_codes

    level = check_level(level)
    x = np.asarray(values, dtype=float).reshape(-1)
    g = np.asarray(codes).reshape(-1)
    w = None if weights is None else np.asarray(weights, dtype=float).reshape(-1)
    specs = [m if isinstance(m, MeasureSpec) else parse_measure(m) for m in measures]
    if design is None:
        design = ReplicateDesign(x.size, strata, cluster, sample, replicates=replicates, seed=seed)
    elif design.size != x.size:
        raise DataError(f"The replicate design has {design.size} rows; the data has {x.size}.")
    s_codes, n_samples = sample_codes(sample, x.size)
    plan = SortPlan(x, g, n_cells).keep_sorted()
    rep_weights = design.weights(w)
    lines = rep_lines = None
    poverty = [s for s in specs if s.family == "poverty_rate"]
    if poverty:
        from indicators.stats.engine import quantile_by_segment

        fraction = poverty[0].kwargs.get("fraction", POVERTY_FRACTION)
        at = cell_sample(g.astype(np.int64), s_codes, int(n_cells))
        medians = quantile_by_segment(x, s_codes, n_samples, w, 0.5)
        lines = np.where(at >= 0, fraction * medians[np.maximum(at, 0)], np.nan)
        # the line of every replicate from the same chunk of replicate weights, just before
        # the groups' measures: the draws are made once
        median_of = _Medians(SortPlan(x, s_codes, n_samples), rep_weights, w, s_codes)

        def rep_lines(take, rc):
            lines = fraction * median_of(take, rc)[np.maximum(at, 0)]
            lines[at < 0] = np.nan
            return lines

    result = plan.measures(w, specs, poverty_lines=lines, labels=labels)
    reps = replicate_measures(plan, rep_weights, specs, lines=rep_lines, labels=labels)
    se, low, high = {}, {}, {}
    alpha = (1 - level) / 2
    for text, rep in reps.items():
        s, lo, hi = replicate_summary(rep, alpha)
        bad = ~np.isfinite(result.values[text]) | (result.n < 2)
        for arr in (s, lo, hi):
            arr[bad] = np.nan
        se[text], low[text], high[text] = s, lo, hi
    return Bootstrapped(result, se, low, high, reps)


def replicate_summary(rep, alpha: float = 0.025):
    """Return the sd (divisor R - 1) and the alpha and 1 - alpha quantiles of each row's
    finite replicate estimates; NaN for a row with fewer than two.

    >>> s, lo, hi = replicate_summary(np.array([[1.0, 2.0, 3.0, np.nan]]), 0.25)
    >>> s.tolist(), lo.tolist(), hi.tolist()
    ([1.0], [1.5], [2.5])
    """
    rep = np.asarray(rep, dtype=float)
    n = np.isfinite(rep).sum(axis=1)
    # sorted, the NaN go last: the finite estimates of a row are its first n
    ordered = np.sort(np.where(np.isfinite(rep), rep, np.nan), axis=1)
    rows = np.arange(rep.shape[0])
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.nansum(ordered, axis=1) / n
        dev = np.where(np.isfinite(ordered), ordered - mean[:, None], 0.0)
        se = np.sqrt((dev * dev).sum(axis=1) / (n - 1))

        def at(q):  # numpy's default (linear) quantile of the first n values
            pos = q * (n - 1)
            lo = np.clip(np.floor(pos).astype(np.int64), 0, max(rep.shape[1] - 1, 0))
            hi = np.clip(lo + 1, 0, max(rep.shape[1] - 1, 0))
            hi = np.minimum(hi, np.maximum(n - 1, 0))
            frac = pos - lo
            a, b = ordered[rows, lo], ordered[rows, hi]
            return a + (b - a) * frac

        low, high = at(alpha), at(1 - alpha)
    few = n < 2
    for arr in (se, low, high):
        arr[few] = np.nan
    return se, low, high
