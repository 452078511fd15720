"""Standard errors and intervals by linearization: influence functions and the design.

Every measure of :mod:`indicators.measures` is a smooth function of weighted totals (or, for
quantiles and the poverty rate, of an estimated distribution function), so its sampling error
is, to first order, that of a weighted total: the total of the *linearized variable*
:math:`z_k = \\partial\\hat\\theta / \\partial w_k` (Deville 1999; Osier 2009). The variance of
:math:`\\sum_k w_k z_k` then follows the survey design: primary sampling units (clusters) drawn
with replacement within strata,

.. math:: \\hat V = \\sum_h \\frac{n_h}{n_h - 1} \\sum_{p \\in h} (u_p - \\bar u_h)^2,
   \\qquad u_p = \\sum_{k \\in p} w_k z_k,

with each row its own unit when no clusters are given and one stratum when no strata are.
This is what R's ``survey::svyrecvar`` computes for a with-replacement design, and what the
``convey`` package feeds it; the influence functions here are written from the same method:

- mean :math:`(x_k - \\mu)/W`; a share of rows with :math:`I_k` (below a threshold, at least a
  threshold, an answer) :math:`(I_k - p)/W`; sd :math:`((x_k-\\mu)^2 - \\sigma^2)/(2\\sigma W)`;
- quantile :math:`-(1[x_k \\le q_p] - p) / (W \\hat f(q_p))` with :math:`\\hat f` a Gaussian
  kernel density at the quantile (convey's ``densfun``), bandwidth
  :math:`h = \\hat\\sigma / n^{1/5}` (see ``bandwidth`` below);
- poverty rate, with the variability of its own line :math:`t = 0.6\\,\\mathrm{median}` of the
  reference population (all regions together in the same year), as convey's ``svyarpr``:
  :math:`(1[x_k < t] - r)/W_d` for the rows of the group plus :math:`\\hat f_d(t)` times the
  linearized line, :math:`0.6 \\cdot z^{median}_k` over every row of the reference population;
- Gini (pairwise definition of DESIGN.md, whose linearization convey's ``svygini`` shares to
  first order): :math:`a_k/(WY) - G/W - G x_k/Y` with
  :math:`a_k = \\sum_j w_j |x_k - x_j|` from cumulative sums over the sorted values;
- Theil T, MLD and Atkinson over :math:`x > 0` (derivatives of their totals); S80/S20 and Palma
  as ratios of tail totals, the total at or below :math:`q_b` linearized as
  :math:`(x_k - q_b) 1[x_k \\le q_b] + b\\, q_b` (the kernel densities of convey's ``isq``
  cancel in the limit; here they are not estimated).

Everything runs for all groups at once over the engine's one sort (:class:`SortPlan`):
cumulative sums and ``bincount`` reductions per group and per (group, stratum) or (group,
unit) cell, no Python loop over groups.

References
----------
Deville, J.-C. (1999). Variance estimation for complex statistics and estimators:
linearization and residual techniques. Survey Methodology 25, 193-203.

Osier, G. (2009). Variance estimation for complex indicators of poverty and inequality using
linearization techniques. Survey Research Methods 3(3), 167-195.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from statistics import NormalDist

import numpy as np
import pandas as pd

from indicators.errors import DataError
from indicators.stats.engine import (
    GroupedResult,
    SortPlan,
    cell_blocks,
    label_score,
    pair_keys,
    prefix_sums,
    quantile_by_segment,
    row_pieces,
)
from indicators.stats.measures import DEFAULT_MEASURES, MeasureSpec, parse_measure

# How the kernel bandwidth counts the sample: convey divides the sd by (sum of weights)^(1/5),
# which narrows the kernel when the weights are scaled up to a population (a survey of 200
# people weighted to a city of 50,000 gets a bandwidth as for 50,000 observations); the default
# counts observations, so that rescaling the weights changes nothing.
BANDWIDTHS = ("observations", "weights")
CI_METHODS = ("linearization", "bootstrap")  # the bootstrap: indicators.stats.bootstrap
_SQRT_2PI = np.sqrt(2 * np.pi)


@dataclass(frozen=True)
class Design:
    """The survey design for intervals: integer codes per row of strata and clusters (primary
    sampling units), None when not given, the confidence level and the method: linearization,
    or the bootstrap with ``replicates`` replicate weights drawn from ``seed``."""

    strata: np.ndarray | None = None
    cluster: np.ndarray | None = None
    level: float = 0.95
    bandwidth: str = "observations"
    method: str = "linearization"
    replicates: int = 200
    seed: int | None = 0
    _draws: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(
        cls,
        frame: pd.DataFrame,
        strata=None,
        cluster=None,
        *,
        level=0.95,
        method=None,
        source="data",
        replicates=200,
        seed=0,
    ):
        """Build a design for the rows of ``frame``: ``strata`` and ``cluster`` are column names
        of the frame or one value per row (array-like); ``method`` linearization (default) or
        bootstrap.

        >>> d = Design.of(pd.DataFrame({"h": ["a", "b", "a"]}), "h", level=90)
        >>> d.strata.tolist(), d.cluster, d.level, d.method
        ([0, 1, 0], None, 0.9, 'linearization')
        """
        if method not in (None, *CI_METHODS):
            raise DataError.from_text("cli.ci_method", method=method, methods=", ".join(CI_METHODS))
        method = method or "linearization"
        if method == "bootstrap":
            replicates = check_replicates(replicates)
        codes = []
        for given, role in ((strata, "strata"), (cluster, "cluster")):
            if given is None:
                codes.append(None)
                continue
            if isinstance(given, str):
                if given not in frame:
                    raise DataError(
                        f"{source}: no column '{given}' for the {role}; columns are: "
                        f"{', '.join(map(str, frame.columns))}."
                    )
                given = frame[given]
            elif len(given) != len(frame):
                raise DataError(
                    f"{source}: the {role} have {len(given):,} values for {len(frame):,} rows."
                )
            codes.append(design_codes(given, role, source))
        return cls(
            codes[0],
            codes[1],
            check_level(level),
            method=method,
            replicates=int(replicates),
            seed=seed,
        )

    def replicate_design(self, size: int, sample=None):
        """Return the bootstrap's draws for ``size`` rows with these samples (years), the same
        object for the same rows: every table of one computation shares its replicates."""
        from indicators.stats.bootstrap import ReplicateDesign

        s = np.zeros(0) if sample is None else np.ascontiguousarray(sample)
        key = (int(size), hashlib.blake2b(s.tobytes(), digest_size=16).hexdigest())
        if key not in self._draws:
            self._draws[key] = ReplicateDesign(
                size,
                self.strata,
                self.cluster,
                sample,
                replicates=self.replicates,
                seed=self.seed,
            )
        return self._draws[key]


def check_replicates(replicates) -> int:
    """Return the number of bootstrap replicates, at least 2.

    >>> check_replicates("50")
    50
    """
    try:
        value = int(replicates)
    except (TypeError, ValueError):
        value = None
    if value is None or value < 2 or value != float(replicates):
        raise DataError.from_text("cli.bootstrap_replicates", replicates=replicates)
    return value


@dataclass
class Linearized:
    """Point estimates and linearized variables of every measure, for all groups.

    ``z[measure]`` holds, per row in the order given, the linearized variable of the measure
    of that row's own group (0 for rows left out). For ``poverty_rate`` the linearized line
    adds ``line_slope[group] * line_z[row]`` over every row of the group's reference
    population.
    """

    result: GroupedResult
    z: dict[str, np.ndarray]
    line_z: np.ndarray | None = None
    line_slope: dict[str, np.ndarray] | None = None


@dataclass
class Uncertain:
    """Point estimates (``result``) and their standard errors per group (``se[measure]``)."""

    result: GroupedResult
    se: dict[str, np.ndarray]


def linearize(
    values,
    codes,
    n_cells: int,
    weights=None,
    measures: Iterable[str | MeasureSpec] = DEFAULT_MEASURES,
    *,
    sample=None,
    labels: Mapping[str, float] | None = None,
    bandwidth: str = "observations",
) -> Linearized:
    """Compute every measure per group and its linearized variable per row.

    Parameters
    ----------
    values, codes, n_cells, weights, measures, labels
        As :func:`indicators.grouped.grouped_measures`.
    sample : array-like of int, optional
        The reference population of each row (a year): the poverty line of a group is 0.6
        times the weighted median of its reference population, as in
        :func:`indicators.compute.measure_table`. All rows of a group must share one. By
        default all rows are one reference population.
    bandwidth : {"observations", "weights"}, default "observations"
        The kernel bandwidth is :math:`\\hat\\sigma / m^{1/5}` with m the number of observations
        of the group, or (``"weights"``, convey's rule) its sum of weights.
    """
    work = _Work(values, codes, n_cells, weights, measures, sample, labels, bandwidth)
    z = {text: np.zeros(work.size) for text in work.with_z}
    slopes = {text: np.full(work.n_cells, np.nan) for text in work.poverty}
    for gids, rows, zb, slope_b, _ in work.blocks():
        idx = work.rows[rows]
        keep = work.ws[rows] > 0
        for text, zs in zb.items():
            z[text][idx] = np.where(keep, zs, 0.0)
        for text, sl in slope_b.items():
            slopes[text][gids] = sl
    return Linearized(work.result, z, work.line_z, slopes or None)


class _Work:
    """The point estimates, the engine's order and what the influence functions share."""

    def __init__(
        self, values, codes, n_cells, weights, measures, sample, labels, bandwidth, row_line=True
    ):
        if bandwidth not in BANDWIDTHS:
            raise DataError(f"bandwidth must be one of {', '.join(BANDWIDTHS)}; got '{bandwidth}'.")
        x = np.asarray(values, dtype=float).reshape(-1)
        g = np.asarray(codes).reshape(-1).astype(np.int64, copy=False)
        w = None if weights is None else np.asarray(weights, dtype=float).reshape(-1)
        specs = [m if isinstance(m, MeasureSpec) else parse_measure(m) for m in measures]
        s_codes, n_samples = _sample_codes(sample, x.size)
        self.size, self.n_cells = x.size, int(n_cells)
        self.labels, self.bandwidth = labels, bandwidth

        # the quantiles the tail ratios need, computed with the rest and not reported
        texts = {s.text for s in specs}
        extra = []
        for spec in specs:
            if spec.family in ("s80s20", "palma"):
                for p in (spec.kwargs["top"], spec.kwargs["bottom"]):
                    q = _quantile_spec(p)
                    if q.text not in texts:
                        texts.add(q.text)
                        extra.append(q)
        poverty = [s for s in specs if s.family == "poverty_rate"]
        self.lines = self.line_z = self.cell_sample = None
        if poverty:
            self.cell_sample = cell_sample = _cell_sample(g, s_codes, self.n_cells)
            medians = quantile_by_segment(x, s_codes, n_samples, w, 0.5)
            fraction = poverty[0].kwargs["fraction"]
            at = np.maximum(cell_sample, 0)
            self.lines = np.where(cell_sample >= 0, fraction * medians[at], np.nan)
            self.medians, self.fraction, self.n_samples = medians, fraction, n_samples
            self._line_input = (x, w, s_codes)
            if row_line:  # else the line's sums come block by block (_LineSums)
                self.row_line()
        plan = SortPlan(x, g, self.n_cells).keep_sorted()
        result = plan.measures(w, [*specs, *extra], poverty_lines=self.lines, labels=labels)
        self.quantiles = {
            float(q.param): result.values[q.text]
            for q in [*specs, *extra]
            if q.family == "quantile"
        }
        for q in extra:
            del result.values[q.text]
        self.result = result
        self.rows = np.asarray(plan.order)
        self.xs = np.asarray(plan.sorted_values)
        self.counts = np.asarray(plan.counts)
        ws = plan.sorted_weights
        if ws is None:
            ws = np.ones(self.xs.size) if w is None else w[self.rows]
        if not _all_finite(ws):  # a missing weight is left out: weight 0
            ws = np.where(np.isfinite(ws), ws, 0.0)
        self.ws = ws
        self.specs = list({s.text: s for s in specs}.values())
        # n, a count, has no sampling error of its own here: no linearized variable
        self.with_z = [
            s.text for s in self.specs if s.family in _ROW_Z or s.family == "poverty_rate"
        ]
        self.poverty = [s.text for s in poverty]

    def row_line(self) -> None:
        """Work out the poverty line's linearized variable of every row (``line_z``)."""
        if self.line_z is None and self.lines is not None:
            x, w, s_codes = self._line_input
            valid = np.isfinite(x) if w is None else np.isfinite(x) & np.isfinite(w)
            self.line_z, self.line_scale = _line_z(
                x, w, valid, s_codes, self.n_samples, self.medians, self.fraction, self.bandwidth
            )

    def line_scores(self, gids, rows, ws) -> np.ndarray:
        """The weighted scores of the poverty line (weight x ``line_z``) of the sorted rows
        ``rows`` (whole groups ``gids``, weights ``ws``), from their values and samples: the
        same numbers as ``line_z`` gathered by row, without the gather."""
        s = np.repeat(self.cell_sample[gids], self.counts[gids])
        z = self.xs[rows] <= self.medians[s]
        z = z - 0.5
        z *= self.line_scale[s]
        z *= ws
        return z

    def blocks(self, direct=False):
        """Yield (group ids, row slice, z per measure, slope per poverty measure, sums per
        quantile) per block of whole groups, so that the work on a block stays in the CPU
        cache.

        With ``direct`` (no design: each row its own unit) a quantile gets no scores per row:
        its score is ``w ((x <= q) - p) s`` with s per group, so the sum and the sum of
        squares per group come from the weight and squared weight at or below the quantile
        (``(sum, sum of squares)`` per quantile; the caller adds them as it adds the others').
        """
        res = self.result
        by_sums = [
            s for s in self.specs if direct and s.family == "quantile" and s.text in self.with_z
        ]
        for gids, rows in cell_blocks(self.counts, _BLOCK_ROWS):
            xs, ws = self.xs[rows], self.ws[rows]
            grp = _Groups(
                xs,
                ws,
                self.counts[gids],
                res.weight_sum[gids],
                res.n[gids],
                res.mean_positive[gids],
                res.weight_sum_positive[gids],
                self.bandwidth,
            )
            quantiles = {p: q[gids] for p, q in self.quantiles.items()}
            z, slopes = {}, {}
            with np.errstate(divide="ignore", invalid="ignore"):
                # every quantile's sums at once, from one pass over each weight vector
                found = _quantile_sums(
                    grp, [(float(s.param), res.values[s.text][gids]) for s in by_sums]
                )
                sums = dict(zip([s.text for s in by_sums], found, strict=True))
                for spec in self.specs:
                    if spec.text not in self.with_z or spec.text in sums:
                        continue
                    value = res.values[spec.text][gids]
                    if spec.family == "poverty_rate":
                        line = self.lines[gids]
                        z[spec.text] = grp.share_z(xs < grp.per_row(line), value)
                        slopes[spec.text] = grp.density(line)
                    else:
                        fn = _ROW_Z[spec.family]
                        z[spec.text] = fn(grp, spec, value, self.labels, quantiles)
            yield gids, rows, z, slopes, sums


_BLOCK_ROWS = 1 << 16


class _LineSums:
    """The poverty line's linearized scores without a design, over the sorted blocks.

    The same numbers as :func:`_line_z` and :meth:`DesignVariance.set_line` (each row its own
    unit, the samples the strata): a row's score is ``s * w * ((x <= median) - 0.5)`` with
    ``s = -fraction / (W f)`` per sample, f the kernel density at the median. The sample's
    weight, mean and sd (the kernel's bandwidth) come first, pooled from the groups; then,
    block by block with the measures' scores, the kernel sums, the unscaled scores and their
    squares per group. ``finish`` gives the scale per sample, by which the callers multiply
    their sums with these scores.
    """

    def __init__(self, work):
        self.work = work
        cs, G, S = work.cell_sample, work.n_cells, work.n_samples
        self.cs = np.maximum(cs, 0)
        self.used = cs >= 0
        w_g, s_g, m2_g = np.zeros(G), np.zeros(G), np.zeros(G)
        for gids, rows in cell_blocks(work.counts, _BLOCK_ROWS):
            xs, ws, cnt = work.xs[rows], work.ws[rows], work.counts[gids]
            starts = np.cumsum(cnt) - cnt
            w_g[gids] = np.add.reduceat(ws, starts)
            s_g[gids] = np.add.reduceat(ws * xs, starts)
            with np.errstate(divide="ignore", invalid="ignore"):
                m = np.where(w_g[gids] > 0, s_g[gids] / w_g[gids], 0.0)
            d = xs - np.repeat(m, cnt)
            d *= d
            d *= ws
            m2_g[gids] = np.add.reduceat(d, starts)
        k, u = self.cs[self.used], self.used
        W = np.bincount(k, w_g[u], S)
        n = np.bincount(k, work.counts[u].astype(float), S)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            mu = np.bincount(k, s_g[u], S) / W
            m_g = np.where(w_g > 0, s_g / w_g, 0.0)
            between = w_g * (m_g - mu[self.cs]) ** 2
            sd = np.sqrt(np.bincount(k, (m2_g + between)[u], S) / W)
            self.h = sd / (n if work.bandwidth == "observations" else W) ** 0.2
        self.W = W
        self.kernel, self.score, self.square = np.zeros(G), np.zeros(G), np.zeros(G)

    def block(self, gids, rows, ws) -> np.ndarray:
        """Return the unscaled scores ``w * ((x <= median) - 0.5)`` of the block's rows and
        add the block's kernel sums, scores and squared scores per group."""
        work = self.work
        cnt = work.counts[gids]
        starts = np.cumsum(cnt) - cnt
        s = self.cs[gids]
        xs = work.xs[rows]
        med = np.repeat(work.medians[s], cnt)
        h = self.h[s]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            u = med - xs
            u *= np.repeat(1 / h, cnt)
            u *= u
            u *= -0.5
            k = np.exp(u, out=u)  # beyond 40 bandwidths the kernel is below 1e-300: it adds 0
            k *= ws
            if not (np.isfinite(h).all() and (h > 0).all()):  # no spread: no density
                k = np.nan_to_num(k, copy=False)
            self.kernel[gids] = np.add.reduceat(k, starts)
        b = (xs <= med) - 0.5
        b *= ws
        self.score[gids] = np.add.reduceat(b, starts)
        self.square[gids] = np.add.reduceat(b * b, starts)
        return b

    def finish(self, design) -> np.ndarray:
        """Give ``design`` the line's sums per stratum and variance per sample; return the
        scale per sample."""
        S = self.W.size
        k, u = self.cs[self.used], self.used
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            f = np.bincount(k, self.kernel[u], S) / (self.W * self.h * _SQRT_2PI)
            scale = np.where(np.isfinite(f) & (f > 0), -self.work.fraction / (self.W * f), 0.0)
            if design.line_raw is None:  # each row its own unit, the samples the strata
                b_h = scale * np.bincount(k, self.score[u], S)
                b2_h = scale * scale * np.bincount(k, self.square[u], S)
            else:  # the units' scores summed per stratum as the blocks came
                s_h = scale[design.sample_of_stratum]
                b_h = s_h * design.line_raw[0]
                b2_h = s_h * s_h * design.line_raw[1]
            n_h = design.n_h
            v_h = np.where(n_h > 0, design.f_h * (b2_h - b_h * b_h / n_h), 0.0)
        design.line = (None, b_h, np.bincount(design.sample_of_stratum, v_h, S))
        return scale


def grouped_standard_errors(
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
    bandwidth: str = "observations",
) -> Uncertain:
    """Compute every measure per group with its linearized standard error.

    Parameters
    ----------
    values, codes, n_cells, weights, measures, labels
        As :func:`indicators.grouped.grouped_measures`.
    strata : array-like, optional
        The design stratum of each row (any labels; no missing values).
    cluster : array-like, optional
        The primary sampling unit of each row, within its stratum; by default each row is its
        own unit.
    sample : array-like of int, optional
        Independent samples (years): strata are taken within each, and the poverty line of a
        group is that of its sample (see :func:`linearize`).
    bandwidth : {"observations", "weights"}, default "observations"
        See :func:`linearize`.

    Notes
    -----
    Groups are domains of the whole sample: a group's variance counts the units of every
    stratum of its sample, with zeros for units that hold none of its rows (as
    ``survey::svyby``). Units are counted over all rows given, also those whose value is
    missing. A stratum with one unit adds nothing (``options(survey.lonely.psu = "remove")``
    in R). The count ``n`` has no standard error (NaN); so has a group with fewer than two
    observations or without a value. The work goes one block of whole groups (about 65,000
    rows) at a time over the engine's sort, as the engine's own.

    A share that is 0 (or 1) for every observation of a group has SE 0, and its interval no
    width: every linearized score is 0, which is the correct first-order value, but not
    certainty (the bootstrap gives 0 too; read such a cell with its n).

    Examples
    --------
    >>> r = grouped_standard_errors([1.0, 2.0, 3.0, 4.0], [0, 0, 0, 0], 1, measures=["mean"])
    >>> round(float(r.se["mean"][0]), 6)  # s / sqrt(n) for a simple random sample
    0.645497
    """
    work = _Work(values, codes, n_cells, weights, measures, sample, labels, bandwidth, False)
    design = DesignVariance(
        codes,
        n_cells,
        strata=strata,
        cluster=cluster,
        sample=sample,
        rows=work.rows,
        counts=work.counts,
        cell_sample=work.cell_sample,
    )
    # without a design, or with units each within one group, and with every weight given, the
    # poverty line's scores are summed over the sorted blocks (_LineSums) instead of over
    # every row in its own order
    by_block = (strata is None and cluster is None) or design.units_in_groups
    if by_block and weights is not None:
        by_block = _all_finite(np.asarray(weights, dtype=float).reshape(-1))
    line_u = line_sums = None
    if work.poverty and by_block:
        line_sums = _LineSums(work)
        if not design.simple:  # the units' line scores come with the blocks
            design.line_by_block()
    elif work.poverty:
        work.row_line()
        if weights is None:
            line_u = work.line_z
        else:
            w = np.asarray(weights, dtype=float).reshape(-1)
            line_u = np.where(np.isfinite(w), w, 0.0)
            line_u *= work.line_z
        design.set_line(line_u)
    sums = {text: design.sums(text in work.poverty) for text in work.with_z}
    slopes = {text: np.full(work.n_cells, np.nan) for text in work.poverty}
    for gids, rows, zb, slope_b, direct in work.blocks(design.simple):
        for text, (s1, s2) in direct.items():
            sums[text][0, gids] += s1
            sums[text][1, gids] += s2
        ws = work.ws[rows]
        if line_sums is not None:  # the line's scores, before their scale per sample
            b_rows = line_sums.block(gids, rows, ws)
        else:
            b_rows = None if line_u is None else work.line_scores(gids, rows, ws)
        design.add_all([sums[t] for t in zb], [ws * z for z in zb.values()], rows, gids, b_rows)
        for text, sl in slope_b.items():
            slopes[text][gids] = sl
    if line_sums is not None:
        scale = line_sums.finish(design)
        for text in work.poverty:  # per (group, stratum): the scale of the stratum's sample
            sums[text][2] *= scale[design.sample_of_stratum[design.out_h]]
    se = {text: np.full(work.n_cells, np.nan) for text in work.result.values}
    n = work.result.n
    for text, acc in sums.items():
        var = design.finish(acc, slopes.get(text))
        s = np.sqrt(np.maximum(var, 0.0))
        s[~np.isfinite(work.result.values[text]) | (n < 2)] = np.nan
        se[text] = s
    return Uncertain(work.result, se)


def normal_interval(value, se, level: float = 0.95):
    """Return the normal interval ``value -/+ z se`` at ``level`` (0.95 by default).

    >>> low, high = normal_interval(np.array([10.0]), np.array([1.0]))
    >>> round(float(low[0]), 4), round(float(high[0]), 4)
    (8.04, 11.96)
    """
    z = NormalDist().inv_cdf(0.5 + check_level(level) / 2)
    value = np.asarray(value, dtype=float)
    se = np.asarray(se, dtype=float)
    return value - z * se, value + z * se


def check_level(level) -> float:
    """Return a confidence level as a fraction: 0.9 or 90 (percent) both give 0.9.

    >>> check_level(95), check_level(0.9)
    (0.95, 0.9)
    """
    try:
        level = float(level)
    except (TypeError, ValueError):
        raise DataError(
            f"The confidence level must be a number such as 0.95; got '{level}'."
        ) from None
    if 1 < level < 100:
        level /= 100
    if not 0 < level < 1:
        raise DataError(
            f"The confidence level must lie between 0 and 1 (or 0 and 100 %); got {level:g}."
        )
    return level


def design_codes(column, role: str, source: str = "data", ordered: bool = True) -> np.ndarray:
    """Return integer codes of a design column (strata or clusters); every row needs one.

    The codes follow the order of the values; with ``ordered=False`` integer values spread
    over a wide range (household numbers) may be numbered in the order they first appear,
    by a hash, which is cheaper than sorting them when each value repeats.

    >>> design_codes(pd.Series(["b", "a", "b"]), "strata").tolist()
    [1, 0, 1]
    """
    series = pd.Series(column).reset_index(drop=True)
    missing = series.isna().to_numpy()
    if missing.any():
        rows = np.flatnonzero(missing)
        shown = ", ".join(str(r + 1) for r in rows[:3])
        more = f" and {rows.size - 3:,} more" if rows.size > 3 else ""
        name = f"'{series.name}' " if series.name is not None else ""
        raise DataError(
            f"{source}: the {role} column {name}has no value in row {shown}{more} (counting "
            f"from 1). Every row needs its {role}; fill them in or leave out --{role}."
        )
    values = series.to_numpy()
    if values.dtype.kind in "iu" and values.size:  # integer codes: no hash table needed
        key = values.astype(np.int64, copy=False) - int(values.min())
        if not ordered and not _dense(int(key.max()) + 1, key.size):
            return pd.factorize(key)[0].astype(np.int64, copy=False)
        return _compact(key)[0]
    codes, _ = pd.factorize(series, sort=True)
    return codes.astype(np.int64)


class DesignVariance:
    """With-replacement variance of per-row scores, per group, from the design's cells.

    The cells (group x unit, and group x stratum) are worked out once. :meth:`variance`
    reduces a whole score vector; :meth:`sums`, :meth:`add` and :meth:`finish` do the same
    block by block. ``rows`` (default: all, in order) are the rows whose scores come, in that
    order; ``counts`` says that they come in runs of whole groups, ``counts[k]`` rows of group
    k (the engine's sort), so that each block's cells are a contiguous range.
    """

    def __init__(
        self,
        codes,
        n_cells: int,
        *,
        strata=None,
        cluster=None,
        sample=None,
        rows=None,
        counts=None,
        cell_sample=None,
    ):
        g_all = np.asarray(codes).reshape(-1).astype(np.int64, copy=False)
        size = g_all.size
        s_codes, _ = _sample_codes(sample, size)
        for arr, role in ((strata, "strata"), (cluster, "cluster")):
            if arr is not None and len(arr) != size:
                raise DataError(f"The {role} column has {len(arr)} rows; the data has {size}.")
        # strata within each independent sample; without strata, one stratum per sample
        h = s_codes if strata is None else _combine(s_codes, design_codes(strata, "strata"))
        n_strata = int(h.max()) + 1 if size else 0
        if cluster is None:
            unit, n_units, unit_stratum = None, size, h
        else:
            unit = _units(h, design_codes(cluster, "cluster", ordered=False))
            n_units = int(unit.max()) + 1 if size else 0
            unit_stratum = np.zeros(n_units, dtype=np.int64)
            unit_stratum[unit] = h
        n_h = np.bincount(unit_stratum, minlength=n_strata).astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.f_h = np.where(n_h > 1, n_h / (n_h - 1), 0.0)
        self.n_h, self.n_strata = n_h, n_strata
        self.n_cells = G = int(n_cells)
        self.unit, self.n_units, self.unit_stratum = unit, n_units, unit_stratum
        self.sample_of_stratum = np.zeros(n_strata, dtype=np.int64)
        self.sample_of_stratum[h] = s_codes
        # the sample of each group (checked by the caller when given)
        self.cell_sample = _cell_sample(g_all, s_codes, G) if cell_sample is None else cell_sample
        self.rows = None if rows is None else np.asarray(rows)
        self.counts = None if counts is None else np.asarray(counts)
        self._g_all, self.line = g_all, None
        self.units_in_groups, self.line_raw = False, None
        if strata is None and cluster is None:  # the groups lie within samples: one stratum
            self.simple, self.out_h, self.n_out = True, np.maximum(self.cell_sample, 0), G
            return
        unit_group = None
        if unit is not None and self.counts is not None:
            unit_group = _one_per_code(unit, g_all, n_units)  # each unit's group
        if unit_group is not None:
            # every unit within one group (households within a region-year): the cells are
            # the units, numbered in (group, stratum, unit) order by one sort of the units
            # (not of the rows); a unit without a value in any row is a cell with no score
            self.simple, self.units_in_groups = False, True
            unit_key = unit_group * n_strata + unit_stratum
            order = np.argsort(unit_key, kind="stable")
            rank = np.empty(n_units, dtype=np.int64)
            rank[order] = np.arange(n_units)
            self.cell = rank[unit[self.rows]] if self.rows is not None else rank[unit]
            self.cell_unit = order
            cell_gh = unit_key[order]
            change = np.ones(cell_gh.size, dtype=bool)
            np.not_equal(cell_gh[1:], cell_gh[:-1], out=change[1:])
            self.gh = np.cumsum(change) - 1
            uniq = cell_gh[change]
            self.n_out = uniq.size
            self.gh_g, self.out_h = uniq // n_strata, uniq % n_strata
            return
        g = self._g
        hr = h if rows is None else h[rows]
        # one stratum per group and no clusters (strata coarser than groups): sums per group
        # are all it takes
        stratum_of_group = np.zeros(G, dtype=np.int64)
        stratum_of_group[g] = hr
        self.simple = unit is None and bool((stratum_of_group[g] == hr).all())
        if self.simple:
            self.out_h = stratum_of_group
            self.n_out = G
            return
        # the cells of (group, unit): each row its own when there are no clusters
        if unit is None:
            self.cell = None
            self.gh, uniq = _compact(g * n_strata + hr)
        else:
            # the cells numbered in (group, stratum, unit) order, block by block (the rows
            # come in group order): the cells of one (group, stratum) are a run, so its code
            # is a count of runs, with no second pass over the cells
            ur = unit if rows is None else unit[rows]
            runs = G * n_strata * max(n_units, 1) < 1 << 62  # the key fits in int64
            # beyond int64 (never in practice): the (group, unit) cells, then their strata
            key = (g * n_strata + hr) * n_units + ur if runs else g * n_units + ur
            if self.counts is None:
                self.cell, uniq = _compact(key)
            else:
                self.cell, uniq = _cells_by_block(key, self.counts)
            self.cell_unit = uniq % n_units
            if runs:
                cell_gh = uniq // n_units
                change = np.ones(cell_gh.size, dtype=bool)
                np.not_equal(cell_gh[1:], cell_gh[:-1], out=change[1:])
                self.gh = np.cumsum(change) - 1
                uniq = cell_gh[change]
            else:
                cell_h = unit_stratum[self.cell_unit]
                self.gh, uniq = _compact((uniq // n_units) * n_strata + cell_h)
        self.n_out = uniq.size
        self.gh_g, self.out_h = uniq // n_strata, uniq % n_strata

    @property
    def _g(self) -> np.ndarray:
        """The group of each row, in the order the scores come."""
        return self._g_all if self.rows is None else self._g_all[self.rows]

    def sums(self, line: bool = False) -> np.ndarray:
        """Return empty accumulators for one measure: sums, squares (and products with the
        line's scores) per (group, stratum) cell."""
        return np.zeros((3 if line else 2, self.n_out))

    def set_line(self, line_u) -> None:
        """Take the poverty line's scores (every row, in the rows' own order)."""
        b = np.asarray(line_u, dtype=float)
        b_unit = b if self.unit is None else np.bincount(self.unit, b, self.n_units)
        b_h = np.bincount(self.unit_stratum, b_unit, self.n_strata)
        b2_h = np.bincount(self.unit_stratum, b_unit * b_unit, self.n_strata)
        with np.errstate(divide="ignore", invalid="ignore"):
            v_h = np.where(self.n_h > 0, self.f_h * (b2_h - b_h * b_h / self.n_h), 0.0)
        v_b = np.bincount(self.sample_of_stratum, v_h)
        self.line = (b_unit, b_h, v_b)

    def line_by_block(self) -> None:
        """Take the poverty line's scores with the blocks (units each within one group): the
        rows' scores before their scale per sample come to :meth:`add_all` as ``b_rows``,
        whose sums per unit and squares are added per stratum (``line_raw``); the caller
        scales them and sets ``line`` (:meth:`_LineSums.finish`)."""
        if not self.units_in_groups:
            raise ValueError("The line's scores come by block only when units lie in groups.")
        self.line_raw = np.zeros((2, self.n_strata))

    def _line_of_cells(self, cells, c_lo, c_n, b_rows) -> np.ndarray:
        """The line's score of each cell ``c_lo .. c_lo + c_n - 1``: its unit's total."""
        if self.line_raw is None:
            return self.line[0][self.cell_unit[c_lo : c_lo + c_n]]
        b_cell = np.bincount(cells, b_rows, c_n)  # the cells are the units: all their rows
        h = self.out_h[self.gh[c_lo : c_lo + c_n]]
        self.line_raw[0] += np.bincount(h, b_cell, self.n_strata)
        self.line_raw[1] += np.bincount(h, b_cell * b_cell, self.n_strata)
        return b_cell

    def add(self, acc, u, rows=slice(None), gids=None, b_rows=None) -> None:
        """Add the scores ``u`` of the rows ``rows``: whole groups ``gids`` (non-empty, in
        order) when given, so that sums per group are sums over runs of rows."""
        u = np.asarray(u, dtype=float)
        if not u.size:
            return
        line = acc.shape[0] == 3
        if self.simple:
            if gids is not None and self.counts is not None:
                counts = self.counts[gids]
                starts = np.cumsum(counts) - counts
                parts = [u, u * u, *([u * b_rows] if line else [])]
                for i, a in enumerate(parts):
                    acc[i, gids] += np.add.reduceat(a, starts)
                return
            keys, weights = self._g[rows], [u, u * u, *([u * b_rows] if line else [])]
        elif self.cell is None:
            keys, weights = self.gh[rows], [u, u * u, *([u * b_rows] if line else [])]
        else:
            cells = self.cell[rows]
            c_lo = int(cells.min())
            c_n = int(cells.max()) - c_lo + 1
            per_cell = np.bincount(cells - c_lo, u, c_n)
            keys = self.gh[c_lo : c_lo + c_n]  # the cells' (group, stratum)
            weights = [per_cell, per_cell * per_cell]
            if line:
                weights.append(per_cell * self.line[0][self.cell_unit[c_lo : c_lo + c_n]])
        lo = int(keys.min())
        n = int(keys.max()) - lo + 1
        for i, a in enumerate(weights):
            acc[i, lo : lo + n] += np.bincount(keys - lo, a, n)

    def add_all(self, accs, scores, rows=slice(None), gids=None, b_rows=None) -> None:
        """Add the scores of several measures for the same rows: as :meth:`add` for each, with
        the rows' cells worked out once."""
        if self.simple or self.cell is None or not len(scores):
            for acc, u in zip(accs, scores, strict=True):
                self.add(acc, u, rows, gids, b_rows)
            return
        cells = self.cell[rows]
        if not cells.size:
            return
        c_lo = int(cells.min())
        c_n = int(cells.max()) - c_lo + 1
        cells = cells - c_lo
        keys = self.gh[c_lo : c_lo + c_n]  # the cells' (group, stratum)
        lo = int(keys.min())
        n = int(keys.max()) - lo + 1
        keys = keys - lo
        b_cell = None
        for acc, u in zip(accs, scores, strict=True):
            per_cell = np.bincount(cells, u, c_n)
            parts = [per_cell, per_cell * per_cell]
            if acc.shape[0] == 3:
                if b_cell is None:
                    b_cell = self._line_of_cells(cells, c_lo, c_n, b_rows)
                parts.append(per_cell * b_cell)
            for i, a in enumerate(parts):
                acc[i, lo : lo + n] += np.bincount(keys, a, n)

    def finish(self, acc, slope=None) -> np.ndarray:
        """Return the variance per group from the accumulated sums."""
        s1, s2 = acc[0], acc[1]
        h = self.out_h
        f, n_h = self.f_h[h], self.n_h[h]
        var = f * (s2 - s1 * s1 / n_h)
        cov = None
        if acc.shape[0] == 3:
            cov = f * (acc[2] - s1 * self.line[1][h] / n_h)
        if not self.simple:
            var = np.bincount(self.gh_g, var, self.n_cells)
            if cov is not None:
                cov = np.bincount(self.gh_g, cov, self.n_cells)
        if cov is None:
            return var
        c = np.asarray(slope, dtype=float)
        return var + 2 * c * cov + c * c * self.line[2][np.maximum(self.cell_sample, 0)]

    def variance(self, u, line_u=None, slope=None) -> np.ndarray:
        """Return the variance per group of the total of ``u`` (each row for its own group).

        With ``line_u`` (scores over every row of each sample, in the rows' own order) and
        ``slope`` (per group), the group's score is ``u`` plus ``slope[group] * line_u`` over
        all rows of its sample.
        """
        acc = self.sums(line_u is not None)
        b_rows = None
        if line_u is not None:
            self.set_line(line_u)
            b = np.asarray(line_u, dtype=float)
            b_rows = b if self.rows is None else b[self.rows]
        gids = None if self.counts is None else np.flatnonzero(self.counts)
        self.add(acc, u, slice(None), gids, b_rows)
        return self.finish(acc, slope)


class _Groups:
    """Per-group quantities over the sorted rows of a block that the influence functions
    share: the rows come in runs of whole groups, ``counts`` rows each (none empty)."""

    def __init__(self, xs, ws, counts, W, n, mean_positive, weight_positive, bandwidth):
        self.xs, self.ws, self.counts = xs, ws, counts
        self.n_cells = counts.size
        self.starts = np.cumsum(counts) - counts
        self.W = W
        self.mean_positive, self.weight_positive = mean_positive, weight_positive
        self._cache = {}
        with np.errstate(divide="ignore", invalid="ignore"):
            self.mu = self.sum(ws * xs) / W
            self.dev = xs - self.per_row(self.mu)  # from the group's weighted mean
            self.dev2 = self.dev * self.dev
            self.var = self.sum(ws * self.dev2) / W
            size = n.astype(float) if bandwidth == "observations" else W
            self.h = np.sqrt(self.var) / size**0.2
        self.W_rows = self.per_row(W)

    def sum(self, a) -> np.ndarray:
        """Sum per group."""
        return np.add.reduceat(a, self.starts) if a.size else np.zeros(self.n_cells)

    def per_row(self, per_group) -> np.ndarray:
        return np.repeat(np.asarray(per_group, dtype=float), self.counts)

    def wx(self) -> np.ndarray:
        """Weight x value per row."""
        if "wx" not in self._cache:
            self._cache["wx"] = self.ws * self.xs
        return self._cache["wx"]

    def running(self, a):
        """The running sum of a over the block (a new array) and, per group, its value
        before the group's first row: the cumulative sum within a group is the difference."""
        c = np.cumsum(a)
        return c, np.where(self.starts > 0, c[np.maximum(self.starts - 1, 0)], 0.0)

    def r_minus_log_r(self) -> np.ndarray:
        """r - 1 - log r over x > 0 (see :meth:`positive`): a new array."""
        if "r-log r" not in self._cache:
            _, r, logr = self.positive()
            self._cache["r-log r"] = r - logr - 1
        return self._cache["r-log r"].copy()

    def power(self, a) -> np.ndarray:
        """r ** a over x > 0 (see :meth:`positive`): a new array."""
        _, r, logr = self.positive()
        if a == -1:
            return 1 / r
        z = logr * a
        return np.exp(z, out=z)

    def positive(self):
        """x / mean and its log over x > 0 (1 and 0 elsewhere), shared by Theil, MLD, Atkinson."""
        if "positive" not in self._cache:
            pos = self.xs > 0
            r = np.where(pos, self.xs / self.per_row(self.mean_positive), 1.0)
            self._cache["positive"] = (pos, r, np.log(r))
        return self._cache["positive"]

    def at_or_below(self, q) -> np.ndarray:
        """Per group, the row after its last row with x <= q[group] (rows sorted by value)."""
        if "keys" not in self._cache:
            local = np.repeat(np.arange(self.n_cells, dtype=float), self.counts)
            self._cache["keys"] = pair_keys(local, self.xs)
        found = np.searchsorted(self._cache["keys"], pair_keys(np.arange(self.n_cells), q), "right")
        return np.clip(found, self.starts, self.starts + self.counts)

    def prefix(self, a, stops) -> np.ndarray:
        """Sum of a over the rows of each group before ``stops``."""
        return prefix_sums(a, self.starts, stops)

    def squared_weights(self) -> np.ndarray:
        if "w2" not in self._cache:
            self._cache["w2"] = self.ws * self.ws
        return self._cache["w2"]

    def density(self, at) -> np.ndarray:
        """Gaussian kernel density of each group at ``at`` (one point per group)."""
        h = self.h
        if "x/h" not in self._cache:  # the values in bandwidths, for every point asked
            with np.errstate(divide="ignore", invalid="ignore"):
                self._cache["x/h"] = self.xs / self.per_row(h)
        with np.errstate(divide="ignore", invalid="ignore"):
            u = self.per_row(at / h)
        u -= self._cache["x/h"]
        u *= u
        u *= -0.5
        k = np.exp(u, out=u)
        k *= self.ws
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.sum(k) / (self.W * h * _SQRT_2PI)

    def share_z(self, hit, value) -> np.ndarray:
        return (hit - self.per_row(value)) / self.W_rows


def _z_mean(g, spec, value, labels, quantiles):
    return g.dev / g.W_rows


def _z_sd(g, spec, value, labels, quantiles):
    # all values equal: no spread to vary (0)
    scale = np.where(value > 0, 1 / (2 * value * g.W), 0.0)
    z = g.dev2 - g.per_row(g.var)
    z *= g.per_row(scale)
    return z


def _z_quantile(g, spec, value, labels, quantiles):
    return _quantile_z(g, float(spec.param), value)


def _quantile_scale(g, q):
    """-1 / (W f) per group, f the kernel density at the quantile q (0 without a spread)."""
    f = g.density(q)
    return np.where(np.isfinite(f) & (g.h > 0), -1 / (g.W * f), 0.0)


def _quantile_sums(g, asked):
    """Sum and sum of squares per group of the weighted scores ``w ((x <= q) - p) s`` of each
    quantile ``(p, q)`` asked (s per group, :func:`_quantile_scale`), from the weight and the
    squared weight at or below q: the rows are cut at every quantile of their group, and one
    ``reduceat`` per weight vector sums the pieces."""
    if not asked:
        return []
    k = len(asked)
    cuts = np.empty((g.n_cells, k + 1), dtype=np.intp)
    cuts[:, 0] = g.starts
    for j, (_, q) in enumerate(asked):
        cuts[:, j + 1] = g.at_or_below(q)
    rank = np.argsort(cuts[:, 1:], axis=1, kind="stable")  # the cuts in row order per group
    cuts[:, 1:] = np.take_along_axis(cuts[:, 1:], rank, axis=1)
    idx = cuts.reshape(-1)
    nxt = np.append(idx[1:], g.xs.size)
    pieces = []
    for a in (g.ws, g.squared_weights()):
        piece = np.add.reduceat(np.append(a, 0.0), idx)  # the 0: a cut at the very end
        piece[nxt <= idx] = 0.0
        pieces.append(np.cumsum(piece.reshape(g.n_cells, k + 1), axis=1))
    (w_cum, w2_cum), out = pieces, []
    total, total2 = w_cum[:, k], w2_cum[:, k]
    place = np.argsort(rank, axis=1)  # the place of quantile j among the sorted cuts
    rows = np.arange(g.n_cells)
    for j, (p, q) in enumerate(asked):
        scale = _quantile_scale(g, q)
        below, below2 = w_cum[rows, place[:, j]], w2_cum[rows, place[:, j]]
        s1 = scale * (below - p * total)
        s2 = scale * scale * ((1 - p) ** 2 * below2 + p * p * (total2 - below2))
        out.append((s1, s2))
    return out


def _quantile_z(g, p, q):
    scale = _quantile_scale(g, q)
    return ((g.xs <= g.per_row(q)) - p) * g.per_row(scale)


def _z_share(g, spec, value, labels, quantiles):
    fam = spec.family
    if fam == "share_below":
        hit = g.xs < spec.param
    elif fam == "share_at_least":
        hit = g.xs >= spec.param
    else:
        hit = g.xs == label_score(spec.param, labels)
    return g.share_z(hit, value)


def _z_gini(g, spec, value, labels, quantiles):
    # a_k = sum_j w_j |x_k - x_j| = x_k (2 C_k - W) - 2 Y_k + Y with inclusive cumulative
    # sums C (weight) and Y (weight x value) over the sorted values; ties add 0 either way.
    # z = a / (WY) - G / W - G x / Y, with the running sums c and y over the whole block
    # (C = c - c0, Y_k = y - y0 per group) and every constant of a group taken together:
    # z = x (c 2 / (WY) - (2 c0 + W) / (WY) - G / Y) - y 2 / (WY) + (2 y0 + Y) / (WY) - G / W
    wx = g.wx()
    Y = g.sum(wx)
    c, c0 = g.running(g.ws)
    y, y0 = g.running(wx)
    WY = g.W * Y
    z = c
    z *= g.per_row(2 / WY)
    z += g.per_row(-(2 * c0 + g.W) / WY - value / Y)
    z *= g.xs
    y *= g.per_row(2 / WY)
    z -= y
    z += g.per_row((2 * y0 + Y) / WY - value / g.W)
    return z


def _z_positive(g, spec, value, labels, quantiles):
    pos, r, logr = g.positive()
    # the constants of each group first; every row then takes a few passes
    inv_w = 1 / g.weight_positive
    if spec.family == "theil":  # (r (log r - T - 1) + 1) / W
        z = logr - g.per_row(value + 1)
        z *= r
        z += 1
        z *= g.per_row(inv_w)
    elif spec.family == "mld":  # (r - 1 - log r - MLD) / W
        z = g.r_minus_log_r() - g.per_row(value)
        z *= g.per_row(inv_w)
    else:
        eps = float(spec.param)
        k = 1 - value  # generalised mean over the mean, per group
        if eps == 1:  # k ((r - 1) - (log r - log k)) / W
            z = g.r_minus_log_r() + g.per_row(np.log(k))
            z *= g.per_row(k * inv_w)
        else:  # k ((r - 1) - ((r / k)^a - 1) / a) / W, a = 1 - eps
            a = 1 - eps
            z = g.power(a) * g.per_row(k**-a)
            z -= 1
            z *= -1 / a
            z += r
            z -= 1
            z *= g.per_row(k * inv_w)
    if np.isfinite(z).all():  # rows without a positive value: 0 (r is 1 there)
        z *= pos
        return z
    return np.where(pos, z, 0.0)


def _z_ratio(g, spec, value, labels, quantiles):
    top, bottom = spec.kwargs["top"], spec.kwargs["bottom"]
    q_t, q_b = quantiles[top], quantiles[bottom]
    if np.isfinite(q_t).all() and np.isfinite(q_b).all() and (q_b <= q_t).all():
        return _z_ratio_sorted(g, top, bottom, q_t, q_b, value)
    return _z_ratio_rows(g, top, bottom, q_t, q_b, value)


def _z_ratio_rows(g, top, bottom, q_t, q_b, value):
    """The tail ratio's z row by row: the total above ``q_t`` over the total at or below
    ``q_b`` (``value`` the ratio), each tail total linearized as in the module's notes."""
    qt, qb = g.per_row(q_t), g.per_row(q_b)
    low = g.xs <= qb
    lower = g.sum(g.ws * g.xs * low)
    z_lower = (g.xs - qb) * low + bottom * qb
    z_upper = g.xs - ((g.xs - qt) * (g.xs <= qt) + top * qt)
    return (z_upper - g.per_row(value) * z_lower) / g.per_row(lower)


def _z_ratio_sorted(g, top, bottom, q_t, q_b, value):
    """:func:`_z_ratio` from the rows' order: within a group the rows at or below ``q_b``, up
    to ``q_t`` and above it are three runs, on each of which z is ``a x + b`` with a and b per
    group (L the total at or below q_b, R the ratio):

    - x <= q_b: ``((1 - top) q_t + R (1 - bottom) q_b - R x) / L``;
    - q_b < x <= q_t: ``((1 - top) q_t - R bottom q_b) / L``;
    - x > q_t: ``(x - top q_t - R bottom q_b) / L``.
    """
    at_b, at_t = g.at_or_below(q_b), g.at_or_below(q_t)
    lower = g.prefix(g.wx(), at_b)
    R = value
    a = np.stack([-R / lower, np.zeros_like(R), 1 / lower], axis=1)
    b = np.stack(
        [
            ((1 - top) * q_t + R * (1 - bottom) * q_b) / lower,
            ((1 - top) * q_t - R * bottom * q_b) / lower,
            (-top * q_t - R * bottom * q_b) / lower,
        ],
        axis=1,
    )
    runs = np.stack([at_b - g.starts, at_t - at_b, g.starts + g.counts - at_t], axis=1).ravel()
    z = np.repeat(a.ravel(), runs)
    z *= g.xs
    z += np.repeat(b.ravel(), runs)
    return z


_ROW_Z = {
    "mean": _z_mean,
    "sd": _z_sd,
    "quantile": _z_quantile,
    "share_below": _z_share,
    "share_at_least": _z_share,
    "share": _z_share,
    "gini": _z_gini,
    "theil": _z_positive,
    "mld": _z_positive,
    "atkinson": _z_positive,
    "s80s20": _z_ratio,
    "palma": _z_ratio,
}


def _line_z(x, w, valid, s_codes, n_samples, medians, fraction, bandwidth):
    """Linearized poverty line per row: fraction x the median's, over each reference sample;
    and its scale per sample (the score of a row x is ``((x <= median) - 0.5) * scale``)."""
    every = valid is None or bool(valid.all())
    if every:
        xv = x
        wv = np.ones(x.size) if w is None else w
        n = np.bincount(s_codes, minlength=n_samples).astype(float)
    else:
        wv = np.where(valid, 1.0 if w is None else w, 0.0)
        xv = np.where(valid, x, 0.0)
        n = np.bincount(s_codes, valid.astype(float), n_samples)
    W = np.bincount(s_codes, wv, n_samples)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        mu = np.bincount(s_codes, wv * xv, n_samples) / W
        dev = xv - mu[s_codes]
        dev *= dev
        dev *= wv
        sd = np.sqrt(np.bincount(s_codes, dev, n_samples) / W)
        h = sd / (n if bandwidth == "observations" else W) ** 0.2
        med = medians[s_codes]
        u = med - xv
        u /= h[s_codes]
        u *= u
        u *= -0.5
        k = np.exp(u, out=u)  # beyond 40 bandwidths the kernel is below 1e-300: it adds 0
        k *= wv
        f = np.bincount(s_codes, np.nan_to_num(k, copy=False), n_samples) / (W * h * _SQRT_2PI)
        scale = np.where(np.isfinite(f) & (f > 0), -fraction / (W * f), 0.0)
        z = (xv <= med) - 0.5
        z *= scale[s_codes]
    return (z if every else np.where(valid, z, 0.0)), scale


def _quantile_spec(p: float) -> MeasureSpec:
    return parse_measure(f"p{round(100 * p)}")


def _sample_codes(sample, size):
    if sample is None:
        return np.zeros(size, dtype=np.int64), 1
    s = np.asarray(sample).reshape(-1)
    if s.size != size:
        raise DataError(f"The sample codes have {s.size} rows; the data has {size}.")
    if s.dtype.kind in "iu" and s.size and s.min() >= 0 and s.max() < max(size, 1 << 16):
        return s.astype(np.int64, copy=False), int(s.max()) + 1  # codes already (empty ones too)
    codes, uniq = pd.factorize(s, sort=True)
    if (codes < 0).any():
        raise DataError("The sample (year) of some rows is missing.")
    return codes.astype(np.int64), max(len(uniq), 1)


def _cell_sample(g, s_codes, n_cells):
    """Return the sample of each group (-1 for a group without rows); one per group."""
    out = np.full(n_cells, -1, dtype=np.int64)
    out[g] = s_codes
    if g.size and any((out[g[a:b]] != s_codes[a:b]).any() for a, b in row_pieces(g.size)):
        raise DataError(
            "Every group must lie within one sample (year): group its rows by year too."
        )
    return out


def _all_finite(a) -> bool:
    return all(bool(np.isfinite(a[i:j]).all()) for i, j in row_pieces(a.size))


def sample_codes(sample, size):
    """Return codes 0 .. k - 1 of the independent samples (years) of the rows, and k."""
    return _sample_codes(sample, size)


def cell_sample(g, s_codes, n_cells):
    """Return the sample of each group (-1 for a group without rows); one per group."""
    return _cell_sample(g, s_codes, n_cells)


def _compact(key, ordered=True):
    """Return codes 0 .. k - 1 of integer keys and the keys they stand for: in key order (by
    a table, or one sort of keys packed with their row numbers), or, for keys too wide for
    either, ``ordered=False`` by a hash in the order the keys first appear."""
    key = np.asarray(key, dtype=np.int64)
    top = int(key.max()) + 1 if key.size and key.min() >= 0 else None
    if top is not None and _dense(top, key.size):
        # keys up to a few times the rows, or up to about 1e8 (pairs of strata and clusters):
        # a table of the keys present and their codes is cheaper than a hash or a sort
        present = np.zeros(top, dtype=bool)
        present[key] = True
        uniq = np.flatnonzero(present)
        remap = np.cumsum(present, dtype=np.int32 if top < 1 << 31 else np.int64)
        remap -= 1
        return remap[key].astype(np.int64), uniq
    if top is not None and top.bit_length() + key.size.bit_length() <= 63:
        # each key with its row number in one integer: one sort of plain integers (fast in
        # numpy) gives the keys in order and where each row went, no hash and no argsort
        shift = key.size.bit_length()
        packed = key << shift
        packed |= np.arange(key.size, dtype=np.int64)
        packed.sort()
        ordered_keys = packed >> shift
        change = np.ones(key.size, dtype=bool)
        np.not_equal(ordered_keys[1:], ordered_keys[:-1], out=change[1:])
        codes = np.empty(key.size, dtype=np.int64)
        codes[packed & ((1 << shift) - 1)] = np.cumsum(change) - 1
        return codes, ordered_keys[change]
    if not ordered:
        codes, uniq = pd.factorize(key, sort=False)
        return codes.astype(np.int64, copy=False), np.asarray(uniq, dtype=np.int64)
    uniq, inv = np.unique(key, return_inverse=True)
    return inv.reshape(-1), uniq


_DENSE_KEYS = 1 << 27  # the largest key range _compact numbers by a table (about 640 MB)


def _dense(top: int, size: int) -> bool:
    """Whether ``size`` integer keys in 0 .. top - 1 are numbered by a table of that range
    (:func:`_compact`)."""
    return top < 4 * size + (1 << 16) or top <= _DENSE_KEYS


def _cells_by_block(key, counts):
    """Codes of the keys of rows in runs of whole groups (``counts`` rows each), numbered in
    key order within each block of groups and block after block: small sorts in the cache
    instead of one sort of every row."""
    codes = np.empty(key.size, dtype=np.int64)
    uniqs = []
    done = 0
    for _, rows in cell_blocks(counts, _BLOCK_ROWS):
        uniq, inv = np.unique(key[rows], return_inverse=True)
        codes[rows] = inv.reshape(-1) + done
        done += uniq.size
        uniqs.append(uniq)
    return codes, np.concatenate(uniqs) if uniqs else np.zeros(0, dtype=np.int64)


def _one_per_code(codes, values, n_codes):
    """The value of each code 0 .. n_codes - 1 when all its rows share one (a code without
    rows gets 0), else None: one scatter and one check in pieces, no sort."""
    table = np.zeros(n_codes, dtype=np.int64)
    table[codes] = values
    for a, b in row_pieces(codes.size):
        if (table[codes[a:b]] != values[a:b]).any():
            return None
    return table


def _units(h, c):
    """Codes of the primary sampling units: the clusters themselves when each lies in one
    stratum (households within strata: one pass, no hash), else the (stratum, cluster) pairs."""
    if _one_per_code(c, h, int(c.max()) + 1 if c.size else 0) is not None:
        return c
    return _combine(h, c)


def _combine(a, b):
    """Codes of the pairs (a, b), 0 .. k - 1."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if not a.size:
        return a
    return _compact(a * (int(b.max()) + 1) + b, ordered=False)[0].astype(np.int64)
