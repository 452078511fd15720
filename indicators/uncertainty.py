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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from indicators.errors import DataError
from indicators.grouped import GroupedResult, SortPlan, _label_score, quantile_by_segment
from indicators.measures import DEFAULT_MEASURES, MeasureSpec, parse_measure

# How the kernel bandwidth counts the sample: convey divides the sd by (sum of weights)^(1/5),
# which narrows the kernel when the weights are scaled up to a population (a survey of 200
# people weighted to a city of 50,000 gets a bandwidth as for 50,000 observations); the default
# counts observations, so that rescaling the weights changes nothing.
BANDWIDTHS = ("observations", "weights")
CI_METHODS = ("linearization",)  # a bootstrap (replicate weights) is not there yet
_SQRT_2PI = np.sqrt(2 * np.pi)


@dataclass(frozen=True)
class Design:
    """The survey design for intervals: integer codes per row of strata and clusters (primary
    sampling units), None when not given, and the confidence level."""

    strata: np.ndarray | None = None
    cluster: np.ndarray | None = None
    level: float = 0.95
    bandwidth: str = "observations"

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
    ):
        """Build a design for the rows of ``frame``: ``strata`` and ``cluster`` are column names
        of the frame or one value per row (array-like); ``method`` must be linearization.

        >>> d = Design.of(pd.DataFrame({"h": ["a", "b", "a"]}), "h", level=90)
        >>> d.strata.tolist(), d.cluster, d.level
        ([0, 1, 0], None, 0.9)
        """
        if method not in (None, *CI_METHODS):
            raise DataError(
                f"Interval method '{method}' is not available; there is "
                f"{', '.join(CI_METHODS)} (a bootstrap is still to come)."
            )
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
        return cls(codes[0], codes[1], check_level(level))


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
    n_groups: int,
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
    values, codes, n_groups, weights, measures, labels
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
    done = _linearize_sorted(
        values,
        codes,
        n_groups,
        weights,
        measures,
        sample=sample,
        labels=labels,
        bandwidth=bandwidth,
    )
    size = np.asarray(values).reshape(-1).size
    z = {}
    for text, zs in done.z.items():
        full = np.zeros(size)
        full[done.rows] = np.where(done.ws > 0, zs, 0.0)
        z[text] = full
    return Linearized(done.result, z, done.line_z, done.slopes)


@dataclass
class _Sorted:
    result: GroupedResult
    rows: np.ndarray  # the plan's order: row numbers in (group, value) order
    counts: np.ndarray  # rows of each group in that order
    ws: np.ndarray  # their weights (0 for a missing weight)
    z: dict[str, np.ndarray]  # linearized variables in that order
    line_z: np.ndarray | None  # in the rows' own order
    slopes: dict[str, np.ndarray] | None


def _linearize_sorted(
    values,
    codes,
    n_groups: int,
    weights=None,
    measures: Iterable[str | MeasureSpec] = DEFAULT_MEASURES,
    *,
    sample=None,
    labels: Mapping[str, float] | None = None,
    bandwidth: str = "observations",
) -> _Sorted:
    """The work of :func:`linearize`, in the plan's (group, value) order."""
    if bandwidth not in BANDWIDTHS:
        raise DataError(f"bandwidth must be one of {', '.join(BANDWIDTHS)}; got '{bandwidth}'.")
    x = np.asarray(values, dtype=float).reshape(-1)
    g = np.asarray(codes).reshape(-1).astype(np.int64, copy=False)
    w = None if weights is None else np.asarray(weights, dtype=float).reshape(-1)
    specs = [m if isinstance(m, MeasureSpec) else parse_measure(m) for m in measures]
    s_codes, n_samples = _sample_codes(sample, x.size)
    valid = np.isfinite(x) if w is None else np.isfinite(x) & np.isfinite(w)

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
    lines = None
    if poverty:
        group_sample = _group_sample(g, s_codes, n_groups)
        medians = quantile_by_segment(x, s_codes, n_samples, w, 0.5)
        fraction = poverty[0].kwargs["fraction"]
        lines = np.where(group_sample >= 0, fraction * medians[np.maximum(group_sample, 0)], np.nan)
    plan = SortPlan(x, g, n_groups)
    result = plan.measures(w, [*specs, *extra], poverty_lines=lines, labels=labels)
    quantiles = {
        float(q.param): result.values[q.text] for q in [*specs, *extra] if q.family == "quantile"
    }
    for q in extra:
        del result.values[q.text]

    sorted_rows = np.asarray(plan.order)
    xs = np.asarray(plan.sorted_values)
    counts = np.asarray(plan.counts)
    ws = np.ones(xs.size) if w is None else w[sorted_rows]
    ws = np.where(np.isfinite(ws), ws, 0.0)  # rows without a weight are left out: weight 0
    groups = _Groups(xs, ws, counts, result, bandwidth)

    z_sorted: dict[str, np.ndarray] = {}
    slopes: dict[str, np.ndarray] = {}
    line_z = None
    with np.errstate(divide="ignore", invalid="ignore"):
        for spec in specs:
            if spec.text in z_sorted:
                continue
            fam = spec.family
            value = result.values[spec.text]
            if fam == "poverty_rate":
                t = groups.per_row(lines)
                z_sorted[spec.text] = groups.share_z(xs < t, value)
                slopes[spec.text] = groups.density(lines)
                if line_z is None:
                    line_z = _line_z(x, w, valid, s_codes, n_samples, medians, fraction, bandwidth)
            elif fam in _ROW_Z:
                z_sorted[spec.text] = _ROW_Z[fam](groups, spec, value, labels, quantiles, result)
            # n, a count, has no sampling error of its own here: no linearized variable
    return _Sorted(result, sorted_rows, counts, ws, z_sorted, line_z, slopes or None)


def grouped_standard_errors(
    values,
    codes,
    n_groups: int,
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
    values, codes, n_groups, weights, measures, labels
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
    observations or without a value.

    Examples
    --------
    >>> r = grouped_standard_errors([1.0, 2.0, 3.0, 4.0], [0, 0, 0, 0], 1, measures=["mean"])
    >>> round(float(r.se["mean"][0]), 6)  # s / sqrt(n) for a simple random sample
    0.645497
    """
    x = np.asarray(values, dtype=float).reshape(-1)
    g = np.asarray(codes).reshape(-1).astype(np.int64, copy=False)
    lin = _linearize_sorted(
        x, g, n_groups, weights, measures, sample=sample, labels=labels, bandwidth=bandwidth
    )
    design = DesignVariance(
        g,
        n_groups,
        strata=strata,
        cluster=cluster,
        sample=sample,
        rows=lin.rows,
        counts=lin.counts,
    )
    line_u = None
    if lin.line_z is not None:
        w = np.ones(x.size) if weights is None else np.asarray(weights, dtype=float).reshape(-1)
        line_u = np.where(np.isfinite(w), w, 0.0) * lin.line_z
    se = {text: np.full(int(n_groups), np.nan) for text in lin.result.values}
    n = lin.result.n
    for text, z in lin.z.items():
        u = lin.ws * z
        if lin.slopes is not None and text in lin.slopes:
            var = design.variance(u, line_u, lin.slopes[text])
        else:
            var = design.variance(u)
        s = np.sqrt(np.maximum(var, 0.0))
        s[~np.isfinite(lin.result.values[text]) | (n < 2)] = np.nan
        se[text] = s
    return Uncertain(lin.result, se)


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


def design_codes(column, role: str, source: str = "data") -> np.ndarray:
    """Return integer codes of a design column (strata or clusters); every row needs one.

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
    codes, _ = pd.factorize(series, sort=True)
    return codes.astype(np.int64)


class DesignVariance:
    """With-replacement variance of per-row scores, per group, from the design's cells.

    The cells (group x unit, and group x stratum) are worked out once; :meth:`variance` then
    reduces any score vector with a few sums. ``rows`` (default: all, in order) are the rows
    whose scores :meth:`variance` receives, in that order; ``counts`` says that they come in
    runs of whole groups, ``counts[k]`` rows of group k (the engine's sort), which makes the
    sums per group contiguous.
    """

    def __init__(
        self,
        codes,
        n_groups: int,
        *,
        strata=None,
        cluster=None,
        sample=None,
        rows=None,
        counts=None,
    ):
        g_all = np.asarray(codes).reshape(-1).astype(np.int64, copy=False)
        size = g_all.size
        s_codes, _ = _sample_codes(sample, size)
        for arr, role in ((strata, "strata"), (cluster, "cluster")):
            if arr is not None and len(arr) != size:
                raise DataError(f"The {role} column has {len(arr)} rows; the data has {size}.")
        st = np.zeros(size, dtype=np.int64) if strata is None else design_codes(strata, "strata")
        h = _combine(s_codes, st)  # strata within each independent sample
        n_strata = int(h.max()) + 1 if size else 0
        if cluster is None:
            unit, n_units, unit_stratum = None, size, h
        else:
            unit = _combine(h, design_codes(cluster, "cluster"))
            n_units = int(unit.max()) + 1 if size else 0
            unit_stratum = np.zeros(n_units, dtype=np.int64)
            unit_stratum[unit] = h
        n_h = np.bincount(unit_stratum, minlength=n_strata).astype(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            self.f_h = np.where(n_h > 1, n_h / (n_h - 1), 0.0)
        self.n_h, self.n_strata = n_h, n_strata
        self.n_groups = G = int(n_groups)
        self.unit, self.n_units, self.unit_stratum = unit, n_units, unit_stratum
        self.sample_of_stratum = np.zeros(n_strata, dtype=np.int64)
        self.sample_of_stratum[h] = s_codes
        self.group_sample = _group_sample(g_all, s_codes, G)
        self.rows = None if rows is None else np.asarray(rows)
        g = g_all if rows is None else g_all[rows]
        hr = h if rows is None else h[rows]
        self.segments = None
        if counts is not None:
            counts = np.asarray(counts)
            starts = np.cumsum(counts) - counts
            self.segments = (starts[counts > 0], counts > 0)
        self._g = g
        # one stratum per group and no clusters (no design, or strata coarser than groups):
        # sums per group are all it takes
        stratum_of_group = np.zeros(G, dtype=np.int64)
        stratum_of_group[g] = hr
        self.simple = unit is None and bool((stratum_of_group[g] == hr).all())
        if self.simple:
            self.stratum_of_group = stratum_of_group
            return
        # the cells of (group, unit): each row its own when there are no clusters
        if unit is None:
            self.cell = None
            cell_g, cell_h = g, hr
        else:
            self.cell, uniq = _compact(g * n_units + unit[slice(None) if rows is None else rows])
            cell_g, self.cell_unit = uniq // n_units, uniq % n_units
            cell_h = unit_stratum[self.cell_unit]
            self.n_cells = uniq.size
        self.gh, uniq = _compact(cell_g * n_strata + cell_h)
        self.n_gh = uniq.size
        self.gh_g, self.gh_h = uniq // n_strata, uniq % n_strata

    def _group_sum(self, a) -> np.ndarray:
        if self.segments is None:
            return np.bincount(self._g, a, self.n_groups)
        starts, used = self.segments
        out = np.zeros(self.n_groups)
        if a.size:
            out[used] = np.add.reduceat(a, starts)
        return out

    def _unit_totals(self, b):
        return b if self.unit is None else np.bincount(self.unit, b, self.n_units)

    def variance(self, u, line_u=None, slope=None) -> np.ndarray:
        """Return the variance per group of the total of ``u`` (each row for its own group).

        With ``line_u`` (scores over every row of each sample, in the rows' own order) and
        ``slope`` (per group), the group's score is ``u`` plus ``slope[group] * line_u`` over
        all rows of its sample.
        """
        u = np.asarray(u, dtype=float)
        if self.simple:
            s1 = self._group_sum(u)
            s2 = self._group_sum(u * u)
            h = self.stratum_of_group
        else:
            cells = u if self.cell is None else np.bincount(self.cell, u, self.n_cells)
            s1 = np.bincount(self.gh, cells, self.n_gh)
            s2 = np.bincount(self.gh, cells * cells, self.n_gh)
            h = self.gh_h
        f, n_h = self.f_h[h], self.n_h[h]
        part = f * (s2 - s1 * s1 / n_h)
        var = part if self.simple else np.bincount(self.gh_g, part, self.n_groups)
        if line_u is None:
            return var
        b = np.asarray(line_u, dtype=float)
        b_unit = self._unit_totals(b)
        b_h = np.bincount(self.unit_stratum, b_unit, self.n_strata)
        # the variance of the line's total, per sample
        b2_h = np.bincount(self.unit_stratum, b_unit * b_unit, self.n_strata)
        v_b = np.bincount(self.sample_of_stratum, self.f_h * (b2_h - b_h * b_h / self.n_h))
        # the covariance of each group's own part with the line of its sample
        b_rows = b if self.rows is None else b[self.rows]
        if self.simple:
            cross = self._group_sum(u * b_rows)
        else:
            b_cell = b_rows if self.cell is None else b_unit[self.cell_unit]
            cross = np.bincount(self.gh, cells * b_cell, self.n_gh)
        cov = f * (cross - s1 * b_h[h] / n_h)
        if not self.simple:
            cov = np.bincount(self.gh_g, cov, self.n_groups)
        c = np.asarray(slope, dtype=float)
        return var + 2 * c * cov + c * c * v_b[np.maximum(self.group_sample, 0)]


class _Groups:
    """Per-group quantities over the sorted rows that several influence functions share."""

    def __init__(self, xs, ws, counts, result, bandwidth):
        self.xs, self.ws, self.counts = xs, ws, counts
        self.n_groups = counts.size
        starts = np.cumsum(counts) - counts
        self.starts = starts
        self._used = counts > 0
        self._seg = starts[self._used]
        self.W = result.weight_sum
        self._cache = {}
        with np.errstate(divide="ignore", invalid="ignore"):
            self.mu = self.sum(ws * xs) / self.W
            dev = xs - self.per_row(self.mu)
            self.var = self.sum(ws * dev * dev) / self.W
            size = result.n.astype(float) if bandwidth == "observations" else self.W
            self.h = np.sqrt(self.var) / size**0.2
        self.W_rows = self.per_row(self.W)
        self.result = result

    def sum(self, a) -> np.ndarray:
        """Sum per group (rows come in runs of whole groups)."""
        out = np.zeros(self.n_groups)
        if self.xs.size:
            out[self._used] = np.add.reduceat(a, self._seg)
        return out

    def per_row(self, per_group) -> np.ndarray:
        return np.repeat(np.asarray(per_group, dtype=float), self.counts)

    def cumsum(self, a) -> np.ndarray:
        """Cumulative sums restarting at each group (inclusive)."""
        c = np.cumsum(a)
        before = np.where(self.starts > 0, c[np.maximum(self.starts - 1, 0)], 0.0)
        return c - np.repeat(before, self.counts)

    def positive(self):
        """x / mean and its log over x > 0 (1 and 0 elsewhere), shared by Theil, MLD, Atkinson."""
        if "positive" not in self._cache:
            pos = self.xs > 0
            r = np.where(pos, self.xs / self.per_row(self.result.mean_positive), 1.0)
            W = self.per_row(self.result.weight_sum_positive)
            self._cache["positive"] = (pos, r, np.log(r), W)
        return self._cache["positive"]

    def density(self, at) -> np.ndarray:
        """Gaussian kernel density of each group at ``at`` (one point per group)."""
        h = self.h
        u = (self.per_row(at) - self.xs) / self.per_row(h)
        u *= u
        u *= -0.5
        k = np.exp(u, out=u)
        k *= self.ws
        with np.errstate(divide="ignore", invalid="ignore"):
            return self.sum(k) / (self.W * h * _SQRT_2PI)

    def share_z(self, hit, value) -> np.ndarray:
        return (hit - self.per_row(value)) / self.W_rows


def _z_mean(g, spec, value, labels, quantiles, result):
    return (g.xs - g.per_row(g.mu)) / g.W_rows


def _z_sd(g, spec, value, labels, quantiles, result):
    dev = g.xs - g.per_row(g.mu)
    z = (dev * dev - g.per_row(g.var)) / g.per_row(2 * value * g.W)
    return np.where(g.per_row(value) > 0, z, 0.0)  # all values equal: no spread to vary


def _z_quantile(g, spec, value, labels, quantiles, result):
    return _quantile_z(g, float(spec.param), value)


def _quantile_z(g, p, q):
    f = g.density(q)
    scale = np.where(np.isfinite(f) & (g.h > 0), -1 / (g.W * f), 0.0)
    return ((g.xs <= g.per_row(q)) - p) * g.per_row(scale)


def _z_share(g, spec, value, labels, quantiles, result):
    fam = spec.family
    if fam == "share_below":
        hit = g.xs < spec.param
    elif fam == "share_at_least":
        hit = g.xs >= spec.param
    else:
        hit = g.xs == _label_score(spec.param, labels)
    return g.share_z(hit, value)


def _z_gini(g, spec, value, labels, quantiles, result):
    # a_k = sum_j w_j |x_k - x_j| = x_k (2 C_k - W) - 2 Y_k + Y with inclusive cumulative
    # sums C (weight) and Y (weight x value) over the sorted values; ties add 0 either way
    wx = g.ws * g.xs
    Y = g.sum(wx)
    a = g.xs * (2 * g.cumsum(g.ws) - g.W_rows) - 2 * g.cumsum(wx) + g.per_row(Y)
    WY = g.per_row(g.W * Y)
    return a / WY - g.per_row(value / g.W) - g.xs * g.per_row(value / Y)


def _z_positive(g, spec, value, labels, quantiles, result):
    pos, r, logr, W = g.positive()
    v = g.per_row(value)
    if spec.family == "theil":
        z = (r * (logr - v - 1) + 1) / W
    elif spec.family == "mld":
        z = (r - 1 - logr - v) / W
    else:
        eps = float(spec.param)
        k = 1 - v  # generalised mean over the mean
        if eps == 1:
            z = k * ((r - 1) - (logr - np.log(k))) / W
        else:
            a = 1 - eps
            z = k * ((r - 1) - (np.exp(a * (logr - np.log(k))) - 1) / a) / W
    return np.where(pos, z, 0.0)


def _z_ratio(g, spec, value, labels, quantiles, result):
    top, bottom = spec.kwargs["top"], spec.kwargs["bottom"]
    qt, qb = g.per_row(quantiles[top]), g.per_row(quantiles[bottom])
    low = g.xs <= qb
    lower = g.sum(g.ws * g.xs * low)
    z_lower = (g.xs - qb) * low + bottom * qb
    z_upper = g.xs - ((g.xs - qt) * (g.xs <= qt) + top * qt)
    return (z_upper - g.per_row(value) * z_lower) / g.per_row(lower)


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
    """Linearized poverty line per row: fraction x the median's, over each reference sample."""
    wv = np.where(valid, 1.0 if w is None else w, 0.0)
    xv = np.where(valid, x, 0.0)
    W = np.bincount(s_codes, wv, n_samples)
    n = np.bincount(s_codes, valid.astype(float), n_samples)
    with np.errstate(divide="ignore", invalid="ignore"):
        mu = np.bincount(s_codes, wv * xv, n_samples) / W
        dev = xv - mu[s_codes]
        sd = np.sqrt(np.bincount(s_codes, wv * dev * dev, n_samples) / W)
        h = sd / (n if bandwidth == "observations" else W) ** 0.2
        u = (medians[s_codes] - xv) / h[s_codes]
        f = np.bincount(s_codes, wv * np.nan_to_num(np.exp(-0.5 * u * u) / _SQRT_2PI), n_samples)
        f /= W * h
        z = -fraction * ((xv <= medians[s_codes]) - 0.5) / (W * f)[s_codes]
    return np.where(valid & np.isfinite(z), z, 0.0)


def _quantile_spec(p: float) -> MeasureSpec:
    return parse_measure(f"p{round(100 * p)}")


def _sample_codes(sample, size):
    if sample is None:
        return np.zeros(size, dtype=np.int64), 1
    s = np.asarray(sample).reshape(-1)
    if s.size != size:
        raise DataError(f"The sample codes have {s.size} rows; the data has {size}.")
    codes, uniq = pd.factorize(s, sort=True)
    if (codes < 0).any():
        raise DataError("The sample (year) of some rows is missing.")
    return codes.astype(np.int64), max(len(uniq), 1)


def _group_sample(g, s_codes, n_groups):
    """Return the sample of each group (-1 for a group without rows); one per group."""
    out = np.full(n_groups, -1, dtype=np.int64)
    out[g] = s_codes
    if g.size and (out[g] != s_codes).any():
        raise DataError(
            "Every group must lie within one sample (year): group its rows by year too."
        )
    return out


def _compact(key):
    """Return codes 0 .. k - 1 of integer keys (in key order) and the keys they stand for."""
    key = np.asarray(key, dtype=np.int64)
    if key.size and key.min() >= 0 and key.max() < 4 * key.size + (1 << 16):
        present = np.zeros(int(key.max()) + 1, dtype=bool)
        present[key] = True
        uniq = np.flatnonzero(present)
        remap = np.cumsum(present) - 1
        return remap[key], uniq
    uniq, inv = np.unique(key, return_inverse=True)
    return inv.reshape(-1), uniq


def _combine(a, b):
    """Codes of the pairs (a, b), 0 .. k - 1."""
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if not a.size:
        return a
    return _compact(a * (int(b.max()) + 1) + b)[0].astype(np.int64)
