"""The bootstrap (indicators.stats.bootstrap): replicate weights, the vectorised replicate
reductions against the one-group reference functions, and agreement with linearization."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from indicators.errors import DataError
from indicators.package_data import demo_file
from indicators.stats.bootstrap import (
    ReplicateDesign,
    bootstrap_standard_errors,
    replicate_measures,
    replicate_summary,
)
from indicators.stats.engine import SortPlan
from indicators.stats.measures import DEFAULT_MEASURES, scalar_measure
from indicators.stats.uncertainty import grouped_standard_errors

ROOT = Path(__file__).parents[1]
EUSILC = ROOT / ".." / "shared" / "data" / "eusilc.csv"


def mc_bound(replicates: int, allowance: float) -> float:
    """How far se_boot / se_lin may stray from 1.

    The bootstrap SE is the sd of R replicate estimates; for roughly normal estimates the sd of
    a sample sd is sigma / sqrt(2 (R - 1)), so its relative Monte Carlo error is
    sqrt(1 / (2 (R - 1))) and three of those cover all but 0.3% of runs. The allowance is for
    the two methods being different estimators of the same variance (the kernel density of the
    median's linearization, the Gini's first-order linearization): a few percent.
    """
    return 3 * np.sqrt(1 / (2 * (replicates - 1))) + allowance


# --------------------------------------------------------------------------------------------
# (c) replicate weights
# --------------------------------------------------------------------------------------------


def test_replicate_weights_by_hand_on_a_tiny_design():
    """Stratum 0 has PSUs a (two rows), b and c: 2 of 3 drawn, factor 3/2 per draw; stratum 1
    has PSUs d, e: 1 of 2 drawn, factor 2; stratum 2 has one PSU: kept as it is."""
    strata = ["s0", "s0", "s0", "s0", "s1", "s1", "s2"]
    cluster = ["a", "a", "b", "c", "d", "e", "f"]
    w = np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0])
    design = ReplicateDesign(7, strata, cluster, replicates=20_000, seed=5)
    m = design.weights(w).matrix()
    assert m.shape == (20_000, 7)
    factor = m / w
    # rows of one PSU share their draws; the draws per stratum are m_h = n_h - 1
    np.testing.assert_array_equal(factor[:, 0], factor[:, 1])
    draws = factor.copy()
    draws[:, :4] /= 1.5
    draws[:, 4:6] /= 2.0
    np.testing.assert_array_equal(draws, np.round(draws))
    np.testing.assert_array_equal(draws[:, [0, 2, 3]].sum(axis=1), 2)
    np.testing.assert_array_equal(draws[:, 4:6].sum(axis=1), 1)
    assert set(np.unique(factor[:, 4])) == {0.0, 2.0}
    np.testing.assert_array_equal(factor[:, 6], 1.0)  # the lonely PSU
    # the expected replicate weight is w: E[draws] = m_h / n_h; the mean of 20,000 within
    # four standard errors (sd of a factor: 1.5 sqrt(2 (1/3)(2/3)) and 1)
    sd = np.array([1.5 * np.sqrt(2 * 2 / 9)] * 4 + [1.0, 1.0, 0.0])
    assert (np.abs(factor.mean(axis=0) - 1) <= 4 * sd / np.sqrt(20_000) + 1e-12).all()


def test_the_same_seed_gives_the_same_numbers_and_another_seed_others():
    rng = np.random.default_rng(1)
    x = rng.lognormal(0, 1, 500)
    g = rng.integers(0, 3, 500)
    args = (x, g, 3, None, ["mean", "median", "gini", "poverty_rate"])
    a = bootstrap_standard_errors(*args, replicates=50, seed=7)
    b = bootstrap_standard_errors(*args, replicates=50, seed=7)
    c = bootstrap_standard_errors(*args, replicates=50, seed=8)
    for m in args[-1]:
        np.testing.assert_array_equal(a.se[m], b.se[m])
        np.testing.assert_array_equal(a.ci_low[m], b.ci_low[m])
        assert (a.se[m] != c.se[m]).all()


def test_the_draws_do_not_depend_on_the_chunks():
    """Replicates come from one stream in replicate order: the first 40 of 100 (chunks of 32)
    are the 40 of a run of 40."""
    a = ReplicateDesign(300, cluster=np.arange(300) // 3, replicates=40, seed=2)
    b = ReplicateDesign(300, cluster=np.arange(300) // 3, replicates=100, seed=2)
    np.testing.assert_array_equal(a.weights().matrix(), b.weights().matrix()[:40])


def test_fewer_than_two_replicates_is_an_error_in_both_languages():
    with pytest.raises(DataError) as err:
        ReplicateDesign(10, replicates=1)
    assert "at least 2 replicates" in err.value.text("en")
    assert "ten minste 2 replicaties" in err.value.text("nl")


# --------------------------------------------------------------------------------------------
# (d) the vectorised replicate reductions against a loop over the reference functions
# --------------------------------------------------------------------------------------------

ALL = [*DEFAULT_MEASURES, "share_below:1", "share_at_least:1.5", "share:2", "atkinson_1.5"]


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**31 - 1), n=st.integers(1, 120), n_cells=st.integers(1, 6))
@example(seed=2_147_483_646, n=87, n_cells=5)  # a Palma of 0 that came out as 1.8e-12
def test_replicate_reductions_equal_a_loop_over_the_reference_functions(seed, n, n_cells):
    """Random weights with zeros (rows not drawn) and missing ones, values with ties, x <= 0
    and missing values, groups of every size (empty ones too): every measure of every group
    and replicate equals the one-group definition of indicators.stats.measures to 1e-9."""
    rng = np.random.default_rng(seed)
    x = np.round(rng.lognormal(0.3, 0.8, n), 1)  # ties
    x[rng.random(n) < 0.1] = 0.0
    x[rng.random(n) < 0.05] = -1.0
    x[rng.random(n) < 0.1] = np.nan
    if n > 5:
        x[:3] = 2.0  # share:2 has answers
    g = rng.integers(0, n_cells, n)
    R = 37  # two chunks, the second short
    counts = rng.integers(0, 3, (R, n)).astype(float)
    # integer weights make C_j = pW (the midpoint rule) common; two decimals make it rarer
    w = counts if seed % 2 else counts * np.round(rng.uniform(0.5, 2.0, n), 2)
    w[rng.random((R, n)) < 0.03] = np.nan  # a missing replicate weight: the row is out
    lines = rng.uniform(0.8, 1.6, (n_cells, R))
    got = replicate_measures(SortPlan(x, g, n_cells), w, ALL, lines=lines)
    for m in ALL:
        assert got[m].shape == (n_cells, R)
        for k in range(n_cells):
            rows = g == k
            for r in range(R):
                ref = (
                    np.nan if m == "n" else scalar_measure(m, x[rows], w[r, rows], line=lines[k, r])
                )
                value = got[m][k, r]
                if m in ("s80s20", "palma") and _near_zero_bottom(m, x[rows], w[r, rows]):
                    continue  # total at the bottom is 0 but for rounding: any ratio is noise
                if np.isnan(ref):
                    assert np.isnan(value), (m, k, r, value)
                else:
                    # a tail ratio's top total comes as the total less the rest: its rounding
                    # is that of the total over the bottom (a ratio of 0 comes out as 1e-12)
                    scale = _tail_scale(m, x[rows], w[r, rows]) if m in TAILS else 1.0
                    assert value == pytest.approx(ref, rel=1e-9, abs=1e-12 * scale), (m, k, r)


TAILS = ("s80s20", "palma")


def _tail_scale(measure, x, w):
    """The total of |w x| over the total at or below the bottom quantile: how far the
    rounding of the total can move a tail ratio."""
    from indicators.stats.measures import parse_measure, quantile

    keep = np.isfinite(x) & np.isfinite(w)
    x, w = x[keep], w[keep]
    q = quantile(x, w, p=parse_measure(measure).kwargs["bottom"])
    bottom = abs((w * x)[x <= q].sum())
    return max(1.0, (w * np.abs(x)).sum() / max(bottom, 1e-300))


def _near_zero_bottom(measure, x, w):
    """Whether the total at or below the bottom quantile is 0 up to rounding (x <= 0 rows can
    cancel the others), so that a tail ratio is rounding noise in any implementation."""
    from indicators.stats.measures import parse_measure, quantile

    keep = np.isfinite(x) & np.isfinite(w)
    x, w = x[keep], w[keep]
    if not w.sum() > 0:
        return False
    q = quantile(x, w, p=parse_measure(measure).kwargs["bottom"])
    low = x <= q
    return abs((w * x)[low].sum()) <= 1e-9 * max((w * np.abs(x)).sum(), 1e-300)


def test_replicate_summary_is_the_sd_and_percentiles_of_the_finite_estimates():
    rep = np.array([[1.0, 4.0, 2.0, np.nan, 3.0], [5.0, np.nan, np.nan, np.nan, np.nan]])
    se, low, high = replicate_summary(rep, 0.25)
    assert se[0] == pytest.approx(np.std([1, 2, 3, 4], ddof=1))
    assert (low[0], high[0]) == (1.75, 3.25)  # numpy's default quantiles of 1, 2, 3, 4
    assert np.isnan(se[1]) and np.isnan(low[1]) and np.isnan(high[1])


# --------------------------------------------------------------------------------------------
# a share that is all 0 or all 1 in a group
# --------------------------------------------------------------------------------------------


def test_a_share_that_is_all_zero_or_all_one_has_se_zero_in_both_methods():
    """The linearized SE of such a share is 0 (every score is 0); the bootstrap gives 0 too,
    exactly: every replicate estimate is 0 (or 1), not 1 - 1e-16."""
    rng = np.random.default_rng(3)
    x = np.r_[np.zeros(40), np.ones(50), rng.integers(0, 2, 60)].astype(float)
    g = np.repeat([0, 1, 2], [40, 50, 60])
    w = rng.uniform(0.5, 3.0, x.size)
    ms = ["share:1", "share_at_least:1", "share_below:1"]
    lin = grouped_standard_errors(x, g, 3, w, ms)
    boot = bootstrap_standard_errors(x, g, 3, w, ms, replicates=60, seed=1)
    for m in ms:
        assert lin.se[m][0] == 0.0 and lin.se[m][1] == 0.0
        assert boot.se[m][0] == 0.0 and boot.se[m][1] == 0.0
        assert boot.ci_low[m][1] == boot.ci_high[m][1] == boot.result.values[m][1]
        assert lin.se[m][2] > 0 and boot.se[m][2] > 0


# --------------------------------------------------------------------------------------------
# (a) agreement with linearization on the demo data; (b) with convey on eusilc
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo():
    df = pd.read_parquet(demo_file("people"))
    return df[df["jaar"] == df["jaar"].max()].reset_index(drop=True)


def test_bootstrap_and_linearization_agree_on_the_demo_data(demo):
    """All people of the last year and the largest province: mean, median, Gini, poverty rate
    and a share of income, and the share feeling unsafe (0/1), R = 400."""
    R = 400
    bound = mc_bound(R, 0.06)  # 0.15 + 0.06
    big = demo["provincie"].value_counts().index[0]
    g = (demo["provincie"] == big).astype(int).to_numpy()  # 1: that province, 0: the rest
    x = demo["inkomen"].to_numpy(float)
    w = demo["gewicht"].to_numpy(float)
    ms = ["mean", "median", "gini", "poverty_rate", "share_below:20000"]
    lin = grouped_standard_errors(x, g, 2, w, ms)
    boot = bootstrap_standard_errors(x, g, 2, w, ms, replicates=R, seed=11)
    unsafe = (demo["onveilig"] == "ja").astype(float).to_numpy()
    lin_s = grouped_standard_errors(unsafe, g, 2, w, ["share:1"])
    boot_s = bootstrap_standard_errors(unsafe, g, 2, w, ["share:1"], replicates=R, seed=11)
    ratios = {m: boot.se[m] / lin.se[m] for m in ms}
    ratios["share:1"] = boot_s.se["share:1"] / lin_s.se["share:1"]
    for m, ratio in ratios.items():
        assert (np.abs(ratio - 1) < bound).all(), (m, ratio)
    # the values are the point estimates, inside their percentile intervals
    for m in ms:
        np.testing.assert_array_equal(boot.result.values[m], lin.result.values[m])
        assert (boot.ci_low[m] <= boot.result.values[m]).all()
        assert (boot.result.values[m] <= boot.ci_high[m]).all()


@pytest.fixture(scope="module")
def eusilc():
    if not EUSILC.exists():
        pytest.skip(f"reference data not found: {EUSILC}")
    return pd.read_csv(EUSILC)


def test_cli_bootstrap_total_rows_near_convey(eusilc, tmp_path):
    """laeken's eusilc, strata db040, clusters rb030, weights rb050: the bootstrap SEs of the
    Total rows are convey's linearized ones (Gini 0.001946982, ARPR 0.002756769) within the
    Monte Carlo error of R = 400 replicates (0.106) and 2% for the methods."""
    from indicators.cli import main

    path = tmp_path / "eusilc.csv"
    eusilc.to_csv(path, index=False)
    out = tmp_path / "out.csv"
    code = main(
        [
            "measures",
            str(path),
            "--value",
            "eqIncome",
            "--region",
            "db040",
            "--weight",
            "rb050",
            "--strata",
            "db040",
            "--cluster",
            "rb030",
            "--measures",
            "gini,poverty_rate",
            "--ci-method",
            "bootstrap",
            "--replicates",
            "400",
            "--seed",
            "1",
            "--out",
            str(out),
        ]
    )
    assert code == 0
    table = pd.read_csv(out)
    assert list(table.columns) == ["db040", "measure", "value", "se", "ci_low", "ci_high", "n"]
    total = table[table["db040"] == "Total"].set_index("measure")
    bound = mc_bound(400, 0.02)
    assert abs(total.loc["gini", "se"] / 0.001946982 - 1) < bound
    assert abs(total.loc["poverty_rate", "se"] / 0.002756769 - 1) < bound
    assert total.loc["poverty_rate", "value"] == pytest.approx(0.1444422, abs=1e-7)
    # percentile intervals, not value -/+ 1.96 se: they need not be symmetric
    row = total.loc["gini"]
    assert row["ci_low"] < row["value"] < row["ci_high"]


def test_compute_with_the_bootstrap_keeps_the_schema(demo):
    from indicators.dataset.mapping import suggest_mapping
    from indicators.dataset.prepare import prepare
    from indicators.registry.catalog import load_registry
    from indicators.results import RESULT_COLUMNS, compute

    registry = load_registry()
    small = demo.sample(3000, random_state=1).reset_index(drop=True)
    prepared = prepare(small, suggest_mapping(small, registry), registry)
    plain = compute(
        prepared, registry, indicators=["income_mean", "income_poverty_rate", "income_gini"]
    )
    a = compute(
        prepared,
        registry,
        indicators=["income_mean", "income_poverty_rate", "income_gini"],
        ci_method="bootstrap",
        replicates=30,
        seed=4,
    )
    b = compute(
        prepared,
        registry,
        indicators=["income_mean", "income_poverty_rate", "income_gini"],
        ci_method="bootstrap",
        replicates=30,
        seed=4,
    )
    assert list(a.columns) == [c for c in RESULT_COLUMNS if c in plain.columns]
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_series_equal(a["value"], plain["value"])
    ok = a[a["status"] == "ok"]
    assert len(ok) and ok["se"].notna().all() and (ok["se"] > 0).all()
    assert (ok["ci_low"] <= ok["value"]).all() and (ok["value"] <= ok["ci_high"]).all()
    hidden = a[a["suppressed"]]
    assert hidden[["se", "ci_low", "ci_high"]].isna().all().all()


def test_without_a_seed_one_design_keeps_its_draws():
    """Passes over the replicates (regions, Total, each variable) must see the same draws even
    when no seed is given and the draws are too many to keep."""
    design = ReplicateDesign(200, replicates=40, seed=None)
    design._cache_ok = False  # as for data too large to keep the draws
    a = design.weights().matrix()
    np.testing.assert_array_equal(a, design.weights().matrix())
    assert not np.array_equal(a, ReplicateDesign(200, replicates=40, seed=None).weights().matrix())


def test_cli_seed_and_replicates(tmp_path, capsys):
    from indicators.cli import main

    rng = np.random.default_rng(2)
    df = pd.DataFrame({"r": rng.choice(["a", "b"], 300), "x": rng.lognormal(0, 1, 300)})
    df.to_csv(tmp_path / "in.csv", index=False)
    base = ["measures", str(tmp_path / "in.csv"), "--value", "x", "--region", "r"]
    base += ["--measures", "mean,gini", "--ci-method", "bootstrap", "--replicates", "50"]

    def run(*extra):
        out = tmp_path / "out.csv"
        assert main([*base, *extra, "--out", str(out)]) == 0
        return pd.read_csv(out)

    a, b, c = run("--seed", "1"), run("--seed", "1"), run("--seed", "2")
    pd.testing.assert_frame_equal(a, b)
    assert (a["se"] != c["se"]).all()
    np.testing.assert_array_equal(a["value"], c["value"])
    assert main([*base[:-1], "1", "--lang", "nl"]) == 2
    assert "ten minste 2 replicaties" in capsys.readouterr().err


@pytest.mark.parametrize("clustered", [False, True])
def test_the_poverty_line_per_replicate_is_the_replicate_median(clustered):
    """The line of each replicate is 0.6 x the replicate-weighted median of its year over all
    rows (the bracket around the median that the bootstrap uses is only a shortcut): the
    poverty rates per replicate equal those from medians over every row."""
    rng = np.random.default_rng(5)
    n = 60_000
    year = rng.integers(0, 3, n)
    region = rng.integers(0, 4, n)
    g = year * 4 + region
    x = np.round(rng.lognormal(10, 0.6, n), 0)
    x[rng.random(n) < 0.01] = np.nan
    w = rng.uniform(0.5, 2.0, n)
    cluster = year * 100_000 + rng.integers(0, n // 4, n) if clustered else None
    design = ReplicateDesign(n, cluster=cluster, sample=year, replicates=40, seed=3)
    boot = bootstrap_standard_errors(x, g, 12, w, ["poverty_rate"], sample=year, design=design)
    weights = design.weights(w)
    medians = replicate_measures(SortPlan(x, year, 3), weights, ["median"])["median"]
    lines = 0.6 * medians[np.arange(12) // 4]
    expected = replicate_measures(SortPlan(x, g, 12), weights, ["poverty_rate"], lines=lines)
    np.testing.assert_allclose(
        boot.replicates["poverty_rate"], expected["poverty_rate"], rtol=1e-12, atol=0
    )


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    n_cells=st.integers(1, 5),
    clusters=st.booleans(),
    replicates=st.integers(2, 70),
)
def test_draws_read_in_the_sorts_order_equal_the_weight_matrix(seed, n_cells, clusters, replicates):
    """The design's weights reach the blocks as slices of the draws gathered into the sort's
    order once per chunk; the same replicate weights as a plain matrix (read row by row) give
    the same estimates, chunk after chunk (more than one chunk of 32 replicates)."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    x = np.round(rng.lognormal(2, 1, n), 1)
    codes = rng.integers(0, n_cells, n)
    w = rng.uniform(0.2, 3, n)
    cluster = rng.integers(0, max(n // 3, 1), n) if clusters else None
    design = ReplicateDesign(n, cluster=cluster, replicates=replicates, seed=seed)
    rw = design.weights(w)
    plan = SortPlan(x, codes, n_cells)
    measures = [m for m in DEFAULT_MEASURES if m != "poverty_rate"]
    got = replicate_measures(plan, rw, measures)
    want = replicate_measures(plan, rw.matrix(), measures)
    for m in measures:
        np.testing.assert_allclose(got[m], want[m], rtol=1e-12, atol=1e-14, err_msg=m)
