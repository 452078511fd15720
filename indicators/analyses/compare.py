"""Comparisons with a verdict: two independent estimates, and a straight-line trend over years.

A comparison is significant when its interval holds no 0 (the rule of the design notes):
two regions, or a year against an earlier one, are independent samples, so the standard error
of their difference is the root of the sum of the squared standard errors. A trend over years
is the slope of a weighted least-squares line (weights 1/se², the precision of each year's
estimate); without standard errors (aggregates: values of the file, no sampling uncertainty)
it is the ordinary least-squares line with the residuals' standard error and Student's t.

Pure numpy and the standard library: no Streamlit, no scipy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

__all__ = ["Difference", "Trend", "difference", "trend", "t_cdf", "t_quantile"]


@dataclass(frozen=True)
class Difference:
    """The difference a - b of two independent estimates, its interval and verdict."""

    diff: float
    se: float
    ci_low: float
    ci_high: float
    z: float
    p: float
    significant: bool | None  # None when there is no standard error to judge by
    level: float = 0.95


@dataclass(frozen=True)
class Trend:
    """A straight line of value on year: slope per year, its standard error and verdict."""

    slope: float
    se: float
    ci_low: float
    ci_high: float
    p: float
    significant: bool | None  # None when the slope cannot be judged (too few years)
    n: int  # years used
    weighted: bool  # True: weights 1/se² (known variances, normal); False: OLS with t
    intercept: float = math.nan
    level: float = 0.95

    @property
    def direction(self) -> str:
        """Return "up" or "down" when the slope is significant, else "same"."""
        if not self.significant:
            return "same"
        return "up" if self.slope > 0 else "down"


def _z(level: float) -> float:
    return NormalDist().inv_cdf(0.5 + level / 2)


def difference(a, se_a, b, se_b, level: float = 0.95) -> Difference:
    """Compare two independent estimates ``a`` and ``b`` (two regions, two years).

    .. math:: d = a - b, \\quad se_d = \\sqrt{se_a^2 + se_b^2}, \\quad z = d / se_d

    with the two-sided p-value ``2 (1 - Φ(|z|))`` and the interval ``d ± z_{level} se_d``.
    Significant when the interval holds no 0 (equivalently p < 1 - level).

    Examples
    --------
    >>> r = difference(7.9, 0.03, 7.8, 0.04)
    >>> round(r.diff, 3), round(r.se, 3), round(r.z, 3), r.significant
    (0.1, 0.05, 2.0, True)
    >>> round(r.p, 4)
    0.0455
    """
    a, b, se_a, se_b = (float(v) for v in (a, b, se_a, se_b))
    diff = a - b
    se = math.hypot(se_a, se_b) if math.isfinite(se_a) and math.isfinite(se_b) else math.nan
    if not (math.isfinite(diff) and math.isfinite(se)):
        return Difference(diff, se, math.nan, math.nan, math.nan, math.nan, None, level)
    half = _z(level) * se
    if se == 0:
        z = 0.0 if diff == 0 else math.copysign(math.inf, diff)
        p = 1.0 if diff == 0 else 0.0
    else:
        z = diff / se
        p = 2 * (1 - NormalDist().cdf(abs(z)))
    significant = bool(diff - half > 0 or diff + half < 0)
    return Difference(
        diff, se, diff - half, diff + half, z, min(max(p, 0.0), 1.0), significant, level
    )


def trend(
    years: Sequence, values: Sequence, ses: Sequence | None = None, level: float = 0.95
) -> Trend:
    """Fit a straight line of ``values`` on ``years`` and judge its slope.

    With standard errors ``ses`` (every one finite and above 0): weighted least squares with
    weights ``w = 1 / se²``; the slope's standard error comes from the known variances,

    .. math:: \\hat\\beta = \\frac{\\sum w (x - \\bar x_w)(y - \\bar y_w)}{\\sum w (x - \\bar x_w)^2},
              \\quad se(\\hat\\beta) = \\sqrt{\\frac{\\phi}{\\sum w (x - \\bar x_w)^2}},
              \\quad \\phi = \\max\\left(1, \\frac{\\chi^2}{n - 2}\\right),
              \\quad \\chi^2 = \\sum w (y - \\hat y)^2,

    judged by the normal distribution when ``φ = 1`` (the years lie about the line as their
    sampling errors say) and by Student's t with n - 2 degrees of freedom when the years lie
    further from it (``φ > 1``: a dip or a bend that a straight line does not describe; the
    scale of weighted least squares, never below the sampling error). Without (aggregates): ordinary least squares
    with ``se = sqrt(s² / Sxx)``, ``s² = RSS / (n - 2)``, judged by Student's t with n - 2
    degrees of freedom (no verdict from two years: a line through two points has no residual).
    Years, values or standard errors that are missing leave their year out.

    Examples
    --------
    >>> t = trend([2020, 2021, 2022], [1.0, 2.0, 3.0], [0.1, 0.1, 0.1])
    >>> round(t.slope, 6), round(t.se, 6), t.significant
    (1.0, 0.070711, True)
    """
    x = np.asarray(years, dtype=float)
    y = np.asarray(values, dtype=float)
    weighted = ses is not None
    s = np.asarray(ses, dtype=float) if weighted else np.ones_like(y)
    keep = np.isfinite(x) & np.isfinite(y)
    if weighted:
        keep &= np.isfinite(s) & (s > 0)
    x, y, s = x[keep], y[keep], s[keep]
    n = int(x.size)
    nothing = Trend(
        math.nan, math.nan, math.nan, math.nan, math.nan, None, n, weighted, level=level
    )
    if n < 2 or np.ptp(x) == 0:
        return nothing
    w = 1.0 / s**2
    xm = float(np.sum(w * x) / np.sum(w))
    ym = float(np.sum(w * y) / np.sum(w))
    sxx = float(np.sum(w * (x - xm) ** 2))
    slope = float(np.sum(w * (x - xm) * (y - ym)) / sxx)
    intercept = ym - slope * xm
    df = n - 2
    rss = float(np.sum(w * (y - intercept - slope * x) ** 2))  # chi-square when weighted
    if weighted:
        # the years' own sampling errors, widened when the years lie further from the line
        # than those errors explain (a dip, a bend): scale = max(1, chi² / (n - 2))
        scale = max(1.0, rss / df) if df >= 1 else 1.0
        se = math.sqrt(scale / sxx)
        if scale == 1.0:
            p = 2 * (1 - NormalDist().cdf(abs(slope / se)))
            half = _z(level) * se
        else:
            p = 2 * (1 - t_cdf(abs(slope / se), df))
            half = t_quantile(0.5 + level / 2, df) * se
    else:
        if df < 1:
            return Trend(
                slope, math.nan, math.nan, math.nan, math.nan, None, n, False, intercept, level
            )
        se = math.sqrt(rss / df / sxx)
        p = (1.0 if slope == 0 else 0.0) if se == 0 else 2 * (1 - t_cdf(abs(slope / se), df))
        half = t_quantile(0.5 + level / 2, df) * se
    low, high = slope - half, slope + half
    significant = bool(low > 0 or high < 0)
    return Trend(
        slope, se, low, high, min(max(p, 0.0), 1.0), significant, n, weighted, intercept, level
    )


# ----------------------------------------------------------------------------------------------
# Student's t (no scipy): the regularized incomplete beta function by its continued fraction
# ----------------------------------------------------------------------------------------------


def _beta_fraction(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny, eps = 1e-300, 1e-15
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        step = d * c
        h *= step
        if abs(step - 1.0) < eps:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularized incomplete beta I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """Return P(T <= t) for Student's t with ``df`` degrees of freedom.

    >>> round(t_cdf(2.228138851986, 10), 6)  # the 97.5% point of t(10)
    0.975
    """
    if math.isinf(t):
        return 1.0 if t > 0 else 0.0
    tail = 0.5 * _betainc(df / 2, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def t_quantile(q: float, df: float) -> float:
    """Return the ``q`` quantile of Student's t with ``df`` degrees of freedom (bisection).

    >>> round(t_quantile(0.975, 10), 6)
    2.228139
    """
    if not 0 < q < 1:
        raise ValueError(f"q must lie between 0 and 1, got {q}")
    if q == 0.5:
        return 0.0
    if q < 0.5:
        return -t_quantile(1 - q, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < q:
        high *= 2
    for _ in range(200):
        mid = (low + high) / 2
        if t_cdf(mid, df) < q:
            low = mid
        else:
            high = mid
        if high - low < 1e-12:
            break
    return (low + high) / 2
