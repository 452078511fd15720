"""Distributional measures: exact definitions from DESIGN.md, scalar and grouped.

Every statistic takes values ``x`` and optional weights ``w`` (1 when none). Rows whose value or
weight is missing are dropped (and counted by the caller). The grouped engine computes every
measure for all groups at once from one sort per variable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from indicators.errors import DataError

QUANTILE_NAMES = {
    "median": 0.5,
    "p10": 0.1,
    "p20": 0.2,
    "p25": 0.25,
    "p40": 0.4,
    "p75": 0.75,
    "p80": 0.8,
    "p90": 0.9,
}
SIMPLE = ("mean", "sd", "n", "gini", "theil", "mld", "s80s20", "palma", "poverty_rate")
DEFAULT_MEASURES = (
    "mean",
    "median",
    "p10",
    "p25",
    "p75",
    "p90",
    "sd",
    "gini",
    "theil",
    "mld",
    "atkinson_0.5",
    "atkinson_1",
    "atkinson_2",
    "s80s20",
    "palma",
    "poverty_rate",
)
_PARAM_RE = re.compile(r"^(share_below|share_at_least|share|atkinson)[:_](.+)$")
_PCT_RE = re.compile(r"^p(\d{1,2})$")


@dataclass(frozen=True)
class MeasureSpec:
    """A parsed measure: its family, its parameter and its canonical text."""

    family: str
    param: float | str | None
    text: str

    @property
    def is_share(self) -> bool:
        """Whether the value is a share (0 to 1), shown as a percentage."""
        return self.family in ("share_below", "share_at_least", "share", "poverty_rate")

    @property
    def positive_only(self) -> bool:
        """Whether the measure uses only x > 0 (logarithms and generalised means)."""
        return self.family in ("theil", "mld", "atkinson")


def parse_measure(text: str) -> MeasureSpec:
    """Parse a measure name such as ``p10``, ``atkinson_0.5`` or ``share_below:6``.

    Examples
    --------
    >>> parse_measure("median")
    MeasureSpec(family='quantile', param=0.5, text='median')
    >>> parse_measure("share_below:6").param
    6.0
    >>> parse_measure("share:zeer gelukkig").param
    'zeer gelukkig'
    """
    raw = str(text).strip()
    name = raw.lower()
    if name in QUANTILE_NAMES:
        return MeasureSpec("quantile", QUANTILE_NAMES[name], name)
    m = _PCT_RE.match(name)
    if m and 1 <= int(m.group(1)) <= 99:
        return MeasureSpec("quantile", int(m.group(1)) / 100, name)
    if name in SIMPLE:
        return MeasureSpec(name, None, name)
    m = _PARAM_RE.match(name)
    if m:
        family, arg = m.group(1), raw[len(m.group(1)) + 1 :].strip()
        if family == "share":
            if not arg:
                raise DataError(f"Measure '{raw}' needs a label after 'share:', e.g. share:ja.")
            return MeasureSpec("share", arg, f"share:{arg}")
        try:
            value = float(arg.replace(",", "."))
        except ValueError:
            raise DataError(
                f"Measure '{raw}': '{arg}' is not a number. Write for example {family}:6."
            ) from None
        if family == "atkinson":
            if value <= 0:
                raise DataError(f"Measure '{raw}': the Atkinson parameter must be above 0.")
            return MeasureSpec("atkinson", value, f"atkinson_{_fmt(value)}")
        return MeasureSpec(family, value, f"{family}:{_fmt(value)}")
    known = ", ".join(
        (*DEFAULT_MEASURES, "pNN", "share_below:T", "share_at_least:T", "share:LABEL")
    )
    raise DataError(f"Unknown measure '{raw}'. Known measures: {known}.")


def _fmt(value: float) -> str:
    return f"{value:g}"


# --------------------------------------------------------------------------------------------
# Scalar measures: one distribution, the plain definitions (also the reference for the engine)
# --------------------------------------------------------------------------------------------


def _clean(values, weights=None):
    """Return finite values and weights (1 when none), dropping rows missing either."""
    x = np.asarray(values, dtype=float).ravel()
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float).ravel()
    if w.shape != x.shape:
        raise DataError(f"There are {x.size} values but {w.size} weights; they must match.")
    keep = np.isfinite(x) & np.isfinite(w)
    x, w = x[keep], w[keep]
    if (w < 0).any():
        raise DataError("Weights must be zero or more; found a negative weight.")
    return x, w


def mean(values, weights=None) -> float:
    """Compute the weighted mean.

    .. math:: \\mu = \\sum_i w_i x_i / W

    Examples
    --------
    >>> mean([1, 2, 3, 4])
    2.5
    >>> mean([1, 2], weights=[3, 1])
    1.25
    """
    x, w = _clean(values, weights)
    total = w.sum()
    return float((w * x).sum() / total) if total > 0 else float("nan")


def sd(values, weights=None) -> float:
    """Compute the weighted population standard deviation (divide by W).

    .. math:: \\sigma = \\sqrt{\\sum_i w_i (x_i - \\mu)^2 / W}

    Examples
    --------
    >>> sd([2, 4, 4, 4, 5, 5, 7, 9])
    2.0
    """
    x, w = _clean(values, weights)
    total = w.sum()
    if total <= 0:
        return float("nan")
    mu = (w * x).sum() / total
    return float(np.sqrt((w * (x - mu) ** 2).sum() / total))


def quantile(values, p: float, weights=None) -> float:
    """Compute the weighted quantile by the Eurostat EU-SILC rule (as R laeken).

    Sort x and take cumulative weights :math:`C_j`. If :math:`C_j = pW` for some j (to
    rounding), the quantile is :math:`(x_j + x_{j+1})/2`; otherwise the first :math:`x_j` with
    :math:`C_j > pW`. Unweighted, the median is the usual median.

    Examples
    --------
    >>> quantile([1, 2, 3, 4], 0.5)
    2.5
    >>> quantile([1, 2, 3, 4, 5], 0.5)
    3.0
    >>> quantile([1, 2, 3], 0.5, weights=[1, 1, 2])
    2.5
    """
    x, w = _clean(values, weights)
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    c = np.cumsum(w)
    total = c[-1] if c.size else 0.0
    if total <= 0:
        return float("nan")
    target = p * total
    tol = _TOL * total
    j = int(np.searchsorted(c, target - tol, side="left"))
    if abs(c[j] - target) <= tol:
        k = min(int(np.searchsorted(c, target + tol, side="right")), x.size - 1)
        return float((x[j] + x[k]) / 2)
    return float(x[j])


def median(values, weights=None) -> float:
    """Compute the weighted median (the Eurostat rule of :func:`quantile`).

    Examples
    --------
    >>> median([3, 1, 2])
    2.0
    """
    return quantile(values, 0.5, weights)


def gini(values, weights=None) -> float:
    """Compute the Gini coefficient, without small-sample correction.

    .. math:: G = \\frac{\\sum_i \\sum_j w_i w_j |x_i - x_j|}{2 W^2 \\mu}

    Examples
    --------
    >>> round(gini([10] * 9 + [100]), 7)
    0.4263158
    >>> round(gini(range(1, 2001)), 7)
    0.3331667
    >>> gini([5, 5, 5])
    0.0
    """
    x, w = _clean(values, weights)
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    total = w.sum()
    swx = (w * x).sum()
    if total <= 0 or swx == 0:
        return float("nan")
    c = np.cumsum(w)
    # sum_i sum_j w_i w_j |x_i - x_j| = 2 sum_i w_i x_i (2 C_i - w_i - W) for sorted x
    # rounding can leave -1e-17 for equal values: the Gini is never below 0
    return max(float((w * x * (2 * c - w - total)).sum() / (total * swx)), 0.0)


def _positive(values, weights):
    x, w = _clean(values, weights)
    keep = x > 0
    return x[keep], w[keep]


def theil(values, weights=None) -> float:
    """Compute the Theil T index, GE(1), over x > 0.

    .. math:: T = \\frac{1}{W} \\sum_i w_i \\frac{x_i}{\\mu} \\ln \\frac{x_i}{\\mu}

    Examples
    --------
    >>> round(theil([10, 10, 10, 20, 50]), 4)
    0.2502
    """
    x, w = _positive(values, weights)
    total = w.sum()
    if total <= 0:
        return float("nan")
    r = x / ((w * x).sum() / total)
    return float((w * r * np.log(r)).sum() / total)


def mld(values, weights=None) -> float:
    """Compute the mean log deviation (Theil L, GE(0)) over x > 0.

    .. math:: L = \\frac{1}{W} \\sum_i w_i \\ln \\frac{\\mu}{x_i}

    Examples
    --------
    >>> round(mld([10, 10, 10, 20, 50]), 7)
    0.2326302
    """
    x, w = _positive(values, weights)
    total = w.sum()
    if total <= 0:
        return float("nan")
    mu = (w * x).sum() / total
    return float((w * np.log(mu / x)).sum() / total)


def atkinson(values, epsilon: float = 1.0, weights=None) -> float:
    """Compute the Atkinson index with inequality aversion epsilon, over x > 0.

    .. math:: A_\\varepsilon = 1 - \\frac{1}{\\mu}
       \\Big(\\frac{1}{W}\\sum_i w_i x_i^{1-\\varepsilon}\\Big)^{1/(1-\\varepsilon)},
       \\qquad A_1 = 1 - \\frac{\\exp(\\frac{1}{W}\\sum_i w_i \\ln x_i)}{\\mu}

    Examples
    --------
    >>> round(atkinson([1, 4], 1), 4)
    0.2
    >>> round(atkinson([1, 4], 2), 4)
    0.36
    """
    x, w = _positive(values, weights)
    total = w.sum()
    if total <= 0:
        return float("nan")
    r = x / ((w * x).sum() / total)
    if epsilon == 1:
        return float(1 - np.exp((w * np.log(r)).sum() / total))
    power = 1 - epsilon
    return float(1 - ((w * r**power).sum() / total) ** (1 / power))


def _share_ratio(values, weights, top: float, bottom: float) -> float:
    x, w = _clean(values, weights)
    q_top, q_bottom = quantile(x, top, w), quantile(x, bottom, w)
    upper = (w * x)[x > q_top].sum()
    lower = (w * x)[x <= q_bottom].sum()
    return float(upper / lower) if lower > 0 else float("nan")


def s80s20(values, weights=None) -> float:
    """Compute the quintile share ratio: total above P80 over total at or below P20.

    Examples
    --------
    >>> round(s80s20(range(1, 11)), 4)
    6.3333
    """
    return _share_ratio(values, weights, 0.8, 0.2)


def palma(values, weights=None) -> float:
    """Compute the Palma ratio: total above P90 over total at or below P40.

    Examples
    --------
    >>> palma(range(1, 11))
    1.0
    """
    return _share_ratio(values, weights, 0.9, 0.4)


def share_below(values, threshold: float, weights=None) -> float:
    """Compute the weighted share with x < threshold.

    Examples
    --------
    >>> share_below([4, 5, 6, 7], 6)
    0.5
    """
    x, w = _clean(values, weights)
    return float(w[x < threshold].sum() / w.sum()) if w.sum() > 0 else float("nan")


def share_at_least(values, threshold: float, weights=None) -> float:
    """Compute the weighted share with x >= threshold.

    Examples
    --------
    >>> share_at_least([4, 5, 6, 7], 6, weights=[1, 1, 1, 5])
    0.75
    """
    x, w = _clean(values, weights)
    return float(w[x >= threshold].sum() / w.sum()) if w.sum() > 0 else float("nan")


def share_equal(values, label, weights=None) -> float:
    """Compute the weighted share of answers equal to label (text or number).

    Numbers compare as numbers (``2`` equals ``2.0``); text compares as text.

    Examples
    --------
    >>> share_equal(["ja", "nee", "ja", None], "ja")
    0.6666666666666666
    >>> share_equal([1.0, 2.0, 2.0, 3.0], "2")
    0.5
    """
    arr = np.asarray(values, dtype=object).ravel()
    w = np.ones(arr.size) if weights is None else np.asarray(weights, dtype=float).ravel()
    present = np.array([v is not None and v == v for v in arr], dtype=bool) & np.isfinite(w)
    number = _as_number(label)
    if number is not None and all(_as_number(v) is not None for v in arr[present]):
        hit = np.array(
            [p and _as_number(v) == number for v, p in zip(arr, present, strict=True)], dtype=bool
        )
    else:
        hit = np.array([str(v) == str(label) for v in arr], dtype=bool) & present
    total = w[present].sum()
    return float(w[hit].sum() / total) if total > 0 else float("nan")


def _as_number(value) -> float | None:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def poverty_rate(values, weights=None, *, line: float | None = None) -> float:
    """Compute the at-risk-of-poverty rate: share with x < 0.6 x median.

    ``line`` is the poverty line; by default 0.6 times the weighted median of the values given
    (pass the national line when ``values`` is one region).

    Examples
    --------
    >>> poverty_rate([10, 20, 30, 40, 50])
    0.2
    """
    x, w = _clean(values, weights)
    if line is None:
        line = 0.6 * quantile(x, 0.5, w)
    if not np.isfinite(line):
        return float("nan")
    return share_below(x, line, w)


def theil_decomposition(values, regions, weights=None) -> dict[str, float]:
    """Decompose Theil T by region into between and within parts, over x > 0.

    .. math:: T = \\sum_r s_r \\ln\\frac{\\mu_r}{\\mu} + \\sum_r s_r T_r,
       \\qquad s_r = \\frac{W_r \\mu_r}{W \\mu}

    Returns ``{"total": T, "between": ..., "within": ...}`` with total = between + within.

    Examples
    --------
    >>> parts = theil_decomposition([1, 2, 3, 4], ["a", "a", "b", "b"])
    >>> round(parts["total"], 10) == round(parts["between"] + parts["within"], 10)
    True
    """
    x = np.asarray(values, dtype=float)
    r = np.asarray(regions)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    keep = np.isfinite(x) & np.isfinite(w) & (x > 0)
    x, r, w = x[keep], r[keep], w[keep]
    mu = (w * x).sum() / w.sum()
    between = within = 0.0
    for region in np.unique(r):
        m = r == region
        w_r, x_r = w[m], x[m]
        mu_r = (w_r * x_r).sum() / w_r.sum()
        s_r = w_r.sum() * mu_r / (w.sum() * mu)
        between += s_r * np.log(mu_r / mu)
        within += s_r * theil(x_r, w_r)
    return {"total": theil(x, w), "between": float(between), "within": float(within)}


SCALAR = {
    "mean": mean,
    "sd": sd,
    "gini": gini,
    "theil": theil,
    "mld": mld,
    "s80s20": s80s20,
    "palma": palma,
}


def scalar_measure(spec: MeasureSpec | str, values, weights=None, *, line=None) -> float:
    """Compute one measure, given by name or spec, on one distribution.

    Examples
    --------
    >>> scalar_measure("p90", range(1, 11))
    9.5
    """
    spec = parse_measure(spec) if isinstance(spec, str) else spec
    if spec.family == "quantile":
        return quantile(values, spec.param, weights)
    if spec.family == "atkinson":
        return atkinson(values, spec.param, weights)
    if spec.family == "share_below":
        return share_below(values, spec.param, weights)
    if spec.family == "share_at_least":
        return share_at_least(values, spec.param, weights)
    if spec.family == "share":
        return share_equal(values, spec.param, weights)
    if spec.family == "poverty_rate":
        return poverty_rate(values, weights, line=line)
    return SCALAR[spec.family](values, weights)


_TOL = 1e-12
