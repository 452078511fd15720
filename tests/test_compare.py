"""Comparisons with a verdict (indicators/analyses/compare.py) against hand-computed values."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators.analyses import compare

Z = 1.959963984540054


def test_difference_by_hand():
    # 10 (se 3) against 6 (se 4): d = 4, se = 5, z = 0.8, p = 2 (1 - Phi(0.8)) = 0.4237
    r = compare.difference(10, 3, 6, 4)
    assert r.diff == 4 and r.se == pytest.approx(5.0) and r.z == pytest.approx(0.8)
    assert r.p == pytest.approx(0.42371, abs=1e-5)
    assert (r.ci_low, r.ci_high) == pytest.approx((4 - Z * 5, 4 + Z * 5))
    assert r.significant is False
    # 7.9 (se 0.03) against 7.8 (se 0.04): se 0.05, z 2, p 0.0455, the interval above 0
    r = compare.difference(7.9, 0.03, 7.8, 0.04)
    assert r.z == pytest.approx(2.0) and r.p == pytest.approx(0.0455, abs=1e-4)
    assert r.ci_low == pytest.approx(0.1 - Z * 0.05) and r.ci_low > 0 and r.significant


def test_difference_at_another_level_and_without_se():
    r = compare.difference(1.0, 0.3, 0.5, 0.4, level=0.9)  # se 0.5, z 1, 90%: 1.645
    assert (r.ci_low, r.ci_high) == pytest.approx((0.5 - 1.644854 * 0.5, 0.5 + 1.644854 * 0.5))
    none = compare.difference(1.0, float("nan"), 0.5, 0.1)
    assert none.diff == 0.5 and math.isnan(none.se) and none.significant is None
    exact = compare.difference(2.0, 0.0, 1.0, 0.0)  # two values of a file, no uncertainty
    assert exact.p == 0.0 and exact.significant


@given(
    a=st.floats(-1e6, 1e6),
    b=st.floats(-1e6, 1e6),
    se_a=st.floats(1e-6, 1e4),
    se_b=st.floats(1e-6, 1e4),
)
def test_difference_is_symmetric_and_p_a_probability(a, b, se_a, se_b):
    ab, ba = compare.difference(a, se_a, b, se_b), compare.difference(b, se_b, a, se_a)
    assert ab.se == ba.se and ab.diff == -ba.diff
    assert 0.0 <= ab.p <= 1.0 and ab.p == pytest.approx(ba.p)
    assert ab.significant == ba.significant
    assert ab.ci_low <= ab.diff <= ab.ci_high


def test_weighted_trend_by_hand():
    # years 0, 1, 2; values 1, 3, 2; se 10, 10, 20 -> w = 1/100, 1/100, 1/400; x_w = 2/3,
    # y_w = 2, Sxx = (4/9 + 1/9 + 4/9) / 100 = 1/100, Sxy = 1/100: slope 1, se 10, z 0.1;
    # chi² = 1/100 < n - 2: the years lie about the line as their errors say (scale 1)
    t = compare.trend([0, 1, 2], [1.0, 3.0, 2.0], [10.0, 10.0, 20.0])
    assert t.weighted and t.n == 3
    assert t.slope == pytest.approx(1.0) and t.se == pytest.approx(10.0)
    assert t.p == pytest.approx(0.920344, abs=1e-6)
    assert (t.ci_low, t.ci_high) == pytest.approx((1 - 10 * Z, 1 + 10 * Z))
    assert t.significant is False and t.direction == "same"
    assert t.intercept == pytest.approx(2 - 2 / 3)


def test_weighted_trend_widens_when_the_years_lie_off_the_line():
    # se 0.5, 0.5, 1 -> w = 4, 4, 1: slope 1, Sxx = 4, chi² = 4 with 1 degree of freedom:
    # scale 4, se = sqrt(4 / 4) = 1 (not 1/2), judged by t(1): p = 2 (1 - 0.75) = 0.5
    t = compare.trend([0, 1, 2], [1.0, 3.0, 2.0], [0.5, 0.5, 1.0])
    assert t.slope == pytest.approx(1.0) and t.se == pytest.approx(1.0)
    assert t.p == pytest.approx(0.5, abs=1e-9)
    assert (t.ci_low, t.ci_high) == pytest.approx((1 - 12.7062047, 1 + 12.7062047))
    # a dip in the middle years with tiny errors: no "significant" straight line through it
    years = list(range(2014, 2025))
    dip = [7.81, 7.82, 7.84, 7.87, 7.88, 7.88, 7.67, 7.51, 7.77, 7.85, 7.92]
    assert compare.trend(years, dip, [0.004] * 11).significant is False


def test_unweighted_trend_by_hand():
    # years 0..3, values 0, 2, 1, 3: slope 4/5, intercept 0.3, RSS 1.8, s² 0.9,
    # se = sqrt(0.9 / 5); t = 1.8856 with 2 df: two-sided p = 1 - t / sqrt(2 + t²) = 0.2
    t = compare.trend([0, 1, 2, 3], [0.0, 2.0, 1.0, 3.0])
    assert not t.weighted
    assert t.slope == pytest.approx(0.8) and t.intercept == pytest.approx(0.3)
    assert t.se == pytest.approx(math.sqrt(0.18))
    assert t.p == pytest.approx(0.2, abs=1e-9)
    half = 4.302652729911 * math.sqrt(0.18)  # t(2) 97.5% point
    assert (t.ci_low, t.ci_high) == pytest.approx((0.8 - half, 0.8 + half))
    assert t.significant is False


def test_trend_verdicts_and_edges():
    up = compare.trend([2020, 2021, 2022, 2023], [1.0, 2.0, 3.0, 4.1], [0.1] * 4)
    assert up.significant and up.direction == "up"
    down = compare.trend([2020, 2021, 2022, 2023], [4.0, 3.1, 2.0, 1.0])
    assert down.significant and down.direction == "down"
    two = compare.trend([2020, 2021], [1.0, 2.0])  # OLS through two points: no residual
    assert two.slope == pytest.approx(1.0) and two.significant is None
    one = compare.trend([2020], [1.0], [0.1])
    assert math.isnan(one.slope) and one.significant is None
    # a year without a value or without a standard error is left out
    gap = compare.trend([2020, 2021, 2022], [1.0, np.nan, 3.0], [0.1, 0.1, np.nan])
    assert gap.n == 1 and gap.significant is None


def test_wls_slope_se_equals_lstsq_formula():
    rng = np.random.default_rng(7)
    years = np.arange(2010, 2022, dtype=float)
    values = 5 + 0.03 * (years - 2010) + rng.normal(0, 0.05, years.size)
    ses = rng.uniform(0.02, 0.08, years.size)
    t = compare.trend(years, values, ses)
    # weighted least squares as ordinary least squares on rows scaled by 1/se: the covariance
    # of the coefficients with known variances is (X' W X)^-1
    design = np.column_stack([np.ones_like(years), years]) / ses[:, None]
    coef, chi2, *_ = np.linalg.lstsq(design, values / ses, rcond=None)
    cov = np.linalg.inv(design.T @ design)
    scale = max(1.0, float(chi2[0]) / (years.size - 2))  # never below the sampling error
    assert t.slope == pytest.approx(coef[1], rel=1e-9)
    assert t.se == pytest.approx(math.sqrt(scale * cov[1, 1]), rel=1e-9)
    # with errors 10 times smaller the years lie far off the line: the scale of WLS
    tight = compare.trend(years, values, ses / 10)
    design = np.column_stack([np.ones_like(years), years]) / (ses[:, None] / 10)
    coef, chi2, *_ = np.linalg.lstsq(design, values / (ses / 10), rcond=None)
    scale = float(chi2[0]) / (years.size - 2)
    assert scale > 1
    cov = np.linalg.inv(design.T @ design)
    assert tight.se == pytest.approx(math.sqrt(scale * cov[1, 1]), rel=1e-9)
    # without standard errors: s² (X'X)^-1 with s² = RSS / (n - 2)
    ols = compare.trend(years, values)
    x = np.column_stack([np.ones_like(years), years])
    coef, rss, *_ = np.linalg.lstsq(x, values, rcond=None)
    s2 = float(rss[0]) / (years.size - 2)
    assert ols.slope == pytest.approx(coef[1], rel=1e-9)
    assert ols.se == pytest.approx(math.sqrt(s2 * np.linalg.inv(x.T @ x)[1, 1]), rel=1e-9)


@given(
    values=st.lists(st.floats(-1e3, 1e3), min_size=3, max_size=12),
    se=st.floats(1e-3, 1e2),
)
def test_trend_p_is_a_probability(values, se):
    years = list(range(len(values)))
    for t in (compare.trend(years, values, [se] * len(values)), compare.trend(years, values)):
        assert math.isnan(t.p) or 0.0 <= t.p <= 1.0


@pytest.mark.parametrize(
    ("t", "df", "cdf"),
    [
        (1.0, 1, 0.75),
        (0.0, 5, 0.5),
        (-1.0, 1, 0.25),
        (2.228138851986, 10, 0.975),
        (1.959963984540054, 1e6, 0.975),
    ],
)
def test_t_cdf(t, df, cdf):
    assert compare.t_cdf(t, df) == pytest.approx(cdf, abs=1e-6)


def test_t_quantile():
    assert compare.t_quantile(0.975, 1) == pytest.approx(12.7062047, rel=1e-7)
    assert compare.t_quantile(0.025, 2) == pytest.approx(-4.30265273, rel=1e-7)
