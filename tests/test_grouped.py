"""The grouped engine equals the plain one-group definitions of indicators.measures."""

from __future__ import annotations

import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.errors import DataError
from indicators.stats.engine import SortPlan, _overall_quantile, cell_order, grouped_measures
from indicators.stats.measures import DEFAULT_MEASURES, parse_measure, quantile, scalar_measure

EXTRA = ("n", "p20", "p40", "p80", "share_below:3", "share_at_least:3", "share:2")
ALL = (*DEFAULT_MEASURES, *EXTRA)


def reference(x, codes, n_cells, w, measures=ALL, lines=None):
    """Every measure group by group with the scalar definitions (the slow, plain way)."""
    x = np.asarray(x, dtype=float)
    w = np.ones_like(x) if w is None else np.asarray(w, dtype=float)
    keep = np.isfinite(x) & np.isfinite(w)
    national = quantile(x[keep], w[keep], p=0.5)
    out = {m: np.full(n_cells, np.nan) for m in measures}
    for gid in range(n_cells):
        m = (codes == gid) & keep
        xg, wg = x[m], w[m]
        if not wg.sum() > 0:
            continue
        for name in measures:
            spec = parse_measure(name)
            if spec.family == "n":
                out[name][gid] = m.sum()
            elif spec.family == "share":
                # numeric answers: the scalar share_equal compares text ("2.0" is not "2")
                out[name][gid] = wg[xg == float(spec.param)].sum() / wg.sum()
            elif spec.family == "poverty_rate":
                line = 0.6 * national if lines is None else lines[gid]
                out[name][gid] = scalar_measure(spec, xg, wg, line=line)
            else:
                out[name][gid] = scalar_measure(spec, xg, wg)
    return out


def assert_matches(x, codes, n_cells, w, measures=ALL, lines=None):
    res = grouped_measures(x, codes, n_cells, w, measures, poverty_lines=lines)
    ref = reference(x, codes, n_cells, w, measures, lines)
    for name in measures:
        np.testing.assert_allclose(
            res.values[name], ref[name], rtol=1e-9, atol=1e-12, equal_nan=True, err_msg=name
        )
    return res


def random_data(rng, n, n_cells, *, weighted=True, ties=False, missing=0.0, nonpositive=0.0):
    codes = rng.integers(0, n_cells, n)
    x = rng.lognormal(3, 1, n)
    if ties:
        x = np.round(x / 10)
    if nonpositive:
        x[rng.random(n) < nonpositive] *= -1
        x[rng.random(n) < nonpositive] = 0.0
    w = rng.lognormal(0, 0.7, n) if weighted else None
    if missing:
        x[rng.random(n) < missing] = np.nan
        if w is not None:
            w[rng.random(n) < missing] = np.nan
    return x, codes, w


CASES = [
    # name, n, n_cells, options
    ("weighted", 3000, 17, {}),
    ("unweighted", 3000, 17, {"weighted": False}),
    ("ties", 2000, 9, {"ties": True}),
    ("ties unweighted", 2000, 9, {"ties": True, "weighted": False}),
    ("missing", 2000, 13, {"missing": 0.1}),
    ("zeros and negatives", 2000, 7, {"nonpositive": 0.1}),
    ("many tiny groups", 600, 400, {}),
    ("many tiny groups with ties", 600, 400, {"ties": True, "weighted": False}),
]


@pytest.mark.parametrize(("name", "n", "n_cells", "options"), CASES, ids=[c[0] for c in CASES])
def test_engine_equals_reference(name, n, n_cells, options):
    rng = np.random.default_rng(zlib.crc32(name.encode()))  # hash() differs per process
    x, codes, w = random_data(rng, n, n_cells, **options)
    assert_matches(x, codes, n_cells, w)


def test_counts_missing_and_nonpositive():
    x = np.array([1.0, np.nan, -2.0, 0.0, 5.0, 3.0, np.inf])
    codes = np.array([0, 0, 0, 1, 1, 1, 2])
    res = assert_matches(x, codes, 4, None)
    assert res.n.tolist() == [2, 3, 0, 0]
    assert res.n_missing.tolist() == [1, 0, 1, 0]
    assert res.n_nonpositive.tolist() == [1, 1, 0, 0]
    assert res.weight_sum.tolist() == [2.0, 3.0, 0.0, 0.0]
    for name in ALL:  # groups 2 (only a missing row) and 3 (no rows) are empty
        assert np.isnan(res.values[name][2:]).all(), name


def test_groups_of_one_row_and_zero_weights():
    x = np.array([4.0, 7.0, 1.0, 2.0, 3.0])
    codes = np.array([0, 1, 1, 2, 2])
    w = np.array([2.5, 0.0, 0.0, 1.0, 3.0])  # group 1 has only zero weights
    res = assert_matches(x, codes, 3, w)
    assert res.values["median"][0] == 4.0
    assert np.isnan(res.values["mean"][1])


def test_integer_weights_equal_repeated_rows():
    rng = np.random.default_rng(7)
    x, codes, _ = random_data(rng, 500, 11, ties=True)
    reps = rng.integers(0, 4, x.size)
    weighted = grouped_measures(x, codes, 11, reps.astype(float), ALL)
    repeated = grouped_measures(np.repeat(x, reps), np.repeat(codes, reps), 11, None, ALL)
    for name in ALL:
        if name == "n":
            continue
        np.testing.assert_allclose(
            weighted.values[name], repeated.values[name], rtol=1e-9, equal_nan=True, err_msg=name
        )


def test_exact_ties_in_cumulative_weight_are_found_in_small_groups_after_large_ones():
    # weights of 0.1 make C_j = pW exactly in real numbers but not in floating point; a running
    # sum over all rows would blur the test for the small group that follows the big one
    big = 200_000
    x = np.concatenate([np.arange(big, dtype=float), [1.0, 2.0, 3.0, 4.0]])
    codes = np.concatenate([np.zeros(big, dtype=np.int64), [1, 1, 1, 1]])
    w = np.full(x.size, 0.1)
    w[:big] = 1e6
    res = grouped_measures(x, codes, 2, w, ["median", "p25", "p75"])
    assert res.values["median"][1] == quantile([1, 2, 3, 4], [0.1] * 4, p=0.5) == 2.5
    assert res.values["p25"][1] == 1.5
    assert res.values["p75"][1] == 3.5


def test_given_poverty_lines_and_labels():
    rng = np.random.default_rng(3)
    x, codes, w = random_data(rng, 1000, 5, ties=True)
    lines = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    assert_matches(x, codes, 5, w, ("poverty_rate",), lines=lines)
    # a group without a line gets no rate (the scalar form would count nobody below NaN)
    lines[3] = np.nan
    res = grouped_measures(x, codes, 5, w, ["poverty_rate"], poverty_lines=lines)
    assert np.isnan(res.values["poverty_rate"]).tolist() == [False, False, False, True, False]
    res = grouped_measures([1, 2, 2, 3], [0, 0, 0, 0], 1, measures=["share:ja"], labels={"Ja": 2})
    assert res.values["share:ja"].tolist() == [0.5]


def test_many_groups_and_blocks():
    # more rows than one block and more than 65,535 groups
    rng = np.random.default_rng(11)
    n_cells = 70_000
    codes = rng.integers(0, n_cells, 150_000)
    x = rng.lognormal(0, 1, codes.size)
    res = grouped_measures(x, codes, n_cells, None, ["mean", "median", "n"])
    check = rng.choice(np.flatnonzero(res.n > 0), 50, replace=False)
    for gid in check:
        xg = x[codes == gid]
        assert res.values["median"][gid] == quantile(xg, p=0.5)
        assert res.values["mean"][gid] == pytest.approx(xg.mean(), rel=1e-12)


def test_one_large_group_spanning_blocks():
    rng = np.random.default_rng(5)
    x, _, w = random_data(rng, 200_000, 1)
    codes = np.zeros(x.size, dtype=np.int64)
    codes[:10] = 1
    assert_matches(x, codes, 2, w, ("mean", "median", "p10", "gini", "sd", "theil", "palma"))


def test_overall_quantile_without_full_sort():
    rng = np.random.default_rng(2)
    x = rng.lognormal(0, 1, 300_000)
    w = rng.lognormal(0, 1, x.size) * (1 + (x > 2))  # weights related to x
    for p in (0.1, 0.5, 0.9):
        assert _overall_quantile(x, w, None, p) == quantile(x, w, p=p)
        assert _overall_quantile(x, None, None, p) == quantile(x, p=p)
    ties = np.round(x)
    assert _overall_quantile(ties, None, None, 0.5) == quantile(ties, p=0.5)


def test_errors_name_the_problem():
    with pytest.raises(DataError, match="negative"):
        grouped_measures([1.0, 2.0], [0, 0], 1, [1.0, -1.0])
    with pytest.raises(DataError, match="between 0 and 1"):
        grouped_measures([1.0, 2.0], [0, 2], 2)
    with pytest.raises(DataError, match="same length"):
        grouped_measures([1.0, 2.0], [0], 1)
    # a negative weight on a row whose value is missing is left out with the row
    res = grouped_measures([1.0, np.nan], [0, 0], 1, [1.0, -1.0], ["mean"])
    assert res.values["mean"].tolist() == [1.0]


def test_group_order_sorts_by_group_then_value():
    rng = np.random.default_rng(1)
    x = rng.normal(size=1000)
    codes = rng.integers(0, 20, 1000)
    order = cell_order(x, codes, 20)
    assert np.array_equal(order, np.lexsort((x, codes))) or (
        np.array_equal(codes[order], np.sort(codes))
        and np.array_equal(x[order], x[np.lexsort((x, codes))])
    )


values_st = st.lists(
    st.tuples(
        st.integers(0, 4),  # group
        st.sampled_from([0.0, 1.0, 2.0, 2.5, 3.0, 10.0, -1.0, np.nan]),  # value, many ties
        st.sampled_from([0.0, 0.1, 0.5, 1.0, 2.0, 3.0]),  # weight, exact splits likely
    ),
    min_size=1,
    max_size=60,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values_st)
def test_property_engine_equals_reference(rows):
    codes = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    w = np.array([r[2] for r in rows])
    assert_matches(x, codes, 6, w)
    assert_matches(x, codes, 6, None)


@settings(max_examples=60, deadline=None)
@given(values_st, st.randoms(use_true_random=False))
def test_property_row_order_does_not_matter(rows, rnd):
    codes = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    w = np.array([r[2] for r in rows])
    perm = np.arange(len(rows))
    rnd.shuffle(perm)
    a = grouped_measures(x, codes, 5, w, ALL)
    b = grouped_measures(x[perm], codes[perm], 5, w[perm], ALL)
    for name in ALL:
        np.testing.assert_allclose(
            a.values[name], b.values[name], rtol=1e-9, atol=1e-12, equal_nan=True
        )


# ---- the sort plan: sorted once, reduced over any weights ----------------------------------

RESULT_FIELDS = ("n", "weight_sum", "n_missing", "n_nonpositive", "mean_positive")


def assert_same_result(a, b):
    """Exactly equal, bit for bit (NaN equals NaN)."""
    for name in RESULT_FIELDS:
        assert np.array_equal(getattr(a, name), getattr(b, name), equal_nan=True), name
    assert a.values.keys() == b.values.keys()
    for name in a.values:
        assert np.array_equal(a.values[name], b.values[name], equal_nan=True), name


def weight_vectors(rng, n):
    """Weights as a bootstrap gives them: zeros for rows not drawn, some missing, and none."""
    plain = rng.lognormal(0, 0.7, n)
    drawn = rng.poisson(1.0, n) * plain  # about a third of the rows get weight 0
    holes = plain.copy()
    holes[rng.random(n) < 0.1] = np.nan
    holes[rng.random(n) < 0.1] = 0.0
    return {"plain": plain, "replicate": drawn, "missing and zero": holes, "none": None}


@pytest.fixture
def sort_calls(monkeypatch):
    """Record the length of every array numpy sorts (argsort, sort, lexsort, partitions)."""
    calls = []
    for name in ("argsort", "sort", "lexsort", "partition", "argpartition"):
        original = getattr(np, name)

        def counting(a, *args, _original=original, **kwargs):
            calls.append(np.size(a))
            return _original(a, *args, **kwargs)

        monkeypatch.setattr(np, name, counting)
    return calls


@pytest.mark.parametrize("ties", [False, True], ids=["continuous", "ties"])
def test_plan_with_other_weights_equals_a_fresh_call(ties):
    rng = np.random.default_rng(20 + ties)
    x, codes, _ = random_data(rng, 150_000, 40, ties=ties, missing=0.05, nonpositive=0.02)
    codes[:5] = 39  # a small group after large ones, in the last block
    plan = SortPlan(x, codes, 41)  # group 40 has no rows
    vectors = weight_vectors(rng, x.size)
    first = {name: plan.measures(w, ALL) for name, w in vectors.items()}
    for name, w in reversed(vectors.items()):  # again, in the other order: nothing carries over
        fresh = grouped_measures(x, codes, 41, w, ALL)
        assert_same_result(plan.measures(w, ALL), fresh)
        assert_same_result(first[name], fresh)
    # the counts of a weight vector with holes: its missing weights are missing rows
    holes = vectors["missing and zero"]
    lost = np.bincount(codes[np.isfinite(x) & ~np.isfinite(holes)], minlength=41)
    assert (first["missing and zero"].n == plan.counts - lost).all()
    assert (first["missing and zero"].n_missing == plan.n_missing + lost).all()


def test_plan_results_do_not_share_the_plans_arrays():
    plan = SortPlan([1.0, 2.0, 3.0], [0, 0, 1], 2)
    res = plan.measures(None, ["mean"])
    res.n[:] = 0
    res.n_missing[:] = 5
    assert plan.measures(None, ["n"]).values["n"].tolist() == [2.0, 1.0]
    with pytest.raises(ValueError, match="read-only"):
        plan.sorted_values[0] = 9.0


def test_plan_sorts_once_and_never_again(sort_calls):
    rng = np.random.default_rng(8)
    x, codes, w = random_data(rng, 200_000, 300, ties=True, missing=0.02)
    plan = SortPlan(x, codes, 300)
    vectors = list(weight_vectors(rng, x.size).values())
    plan.measures(vectors[0], ["mean"])  # the first pass sorts, block by block
    assert len(sort_calls) > 2, "the instrumentation sees the plan's sorts"
    sort_calls.clear()
    for weights in vectors:
        plan.measures(weights, [m for m in ALL if m != "poverty_rate"])
    assert plan.sort() is plan
    assert sort_calls == []
    # the poverty line depends on the weights: its median sorts a sample and a bracket, far
    # fewer rows than the plan
    plan.measures(w, ["poverty_rate"])
    assert sort_calls and max(sort_calls) < x.size / 4


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values_st, st.lists(st.sampled_from([0.0, 0.5, 1.0, 2.0, np.nan]), min_size=60))
def test_property_plan_equals_fresh_call_for_every_weight_vector(rows, second):
    codes = np.array([r[0] for r in rows])
    x = np.array([r[1] for r in rows])
    w = np.array([r[2] for r in rows])
    w2 = np.array(second[: len(rows)])
    plan = SortPlan(x, codes, 6)
    for weights in (w, w2, None, w):
        assert_same_result(plan.measures(weights, ALL), grouped_measures(x, codes, 6, weights, ALL))
    res = plan.measures(w2, ALL)
    ref = reference(x, codes, 6, w2)
    for name in ALL:
        np.testing.assert_allclose(
            res.values[name], ref[name], rtol=1e-9, atol=1e-12, equal_nan=True, err_msg=name
        )


def test_plan_checks_the_weights():
    plan = SortPlan([1.0, 2.0, np.nan], [0, 0, 0], 1)
    with pytest.raises(DataError, match="3 values, 3 group codes, 2 weights"):
        plan.measures([1.0, 1.0])
    with pytest.raises(DataError, match=r"negative weight \(rows 1,"):
        plan.measures([1.0, -1.0, 1.0])
    # a negative weight on a row whose value is missing is left out with the row
    assert plan.measures([1.0, 3.0, -1.0], ["mean"]).values["mean"].tolist() == [1.75]


def test_plan_stays_whole_when_a_first_pass_fails():
    # the first pass sorts block by block as it computes: an error in its first block leaves
    # the plan half sorted, and the next pass must finish the sort, not read unsorted rows
    rng = np.random.default_rng(12)
    x, codes, w = random_data(rng, 200_000, 30, ties=True)
    plan = SortPlan(x, codes, 30)
    with pytest.raises(DataError, match="no answer 'nee'"):
        plan.measures(w, ["mean", "share:nee"])
    assert_same_result(plan.measures(w, ALL), grouped_measures(x, codes, 30, w, ALL))
    assert np.array_equal(plan.sorted_values, x[plan.order])
    step_group, step_value = np.diff(codes[plan.order]), np.diff(plan.sorted_values)
    assert (step_group >= 0).all() and ((step_group > 0) | (step_value >= 0)).all()


@pytest.mark.parametrize("n_cells", [3, 20])  # by a mask each (few groups) and by one sort
def test_quantile_by_segment_is_the_one_group_quantile(n_cells):
    from indicators.stats.engine import quantile_by_segment

    rng = np.random.default_rng(11)
    size = 5000
    x = np.round(rng.lognormal(3, 1, size), 1)  # ties
    w = rng.uniform(0, 3, size)
    x[rng.random(size) < 0.05] = np.nan
    w[rng.random(size) < 0.05] = np.nan
    g = rng.integers(0, n_cells - 1, size)  # the last group has no rows
    for weights in (None, w):
        got = quantile_by_segment(x, g, n_cells, weights, 0.5)
        for k in range(n_cells):
            rows = (g == k) & np.isfinite(x)
            if weights is not None:
                rows &= np.isfinite(w)
            want = (
                quantile(x[rows], None if weights is None else w[rows], p=0.5)
                if rows.any()
                else np.nan
            )
            np.testing.assert_allclose(got[k], want, rtol=1e-12, equal_nan=True)


def test_quantile_by_segment_one_pass_equals_each_group_by_itself():
    """The one-pass brackets of a few weighted groups give the medians of each group alone
    (ties included), and skewed weights that defeat a bracket fall back to the masks."""
    from indicators.stats.engine import (
        _overall_quantile,
        _sample_step,
        _segment_quantiles,
        quantile_by_segment,
    )

    rng = np.random.default_rng(3)
    n = 600_000  # a sample of every few rows brackets each median
    g = rng.integers(0, 7, n)
    x = np.round(rng.lognormal(10, 0.6, n), -3)  # many ties
    w = rng.uniform(0.5, 2.0, n)
    expected = [_overall_quantile(x[g == k], w[g == k], None, 0.5) for k in range(7)]
    assert _segment_quantiles(x, g, 7, w, 0.5) is not None
    assert quantile_by_segment(x, g, 7, w, 0.5).tolist() == expected
    heavy = w.copy()
    # a row outside the sample with the largest value of group 2 weighs most: the
    # sample's bracket misses that group's median
    odd = (np.arange(n) % _sample_step(n, 7) != 0) & (g == 2)
    heavy[np.argmax(np.where(odd, x, -1))] = 1e9
    assert _segment_quantiles(x, g, 7, heavy, 0.5) is None
    expected = [_overall_quantile(x[g == k], heavy[g == k], None, 0.5) for k in range(7)]
    assert quantile_by_segment(x, g, 7, heavy, 0.5).tolist() == expected


@pytest.mark.parametrize("shift", [0.0, 0.05, 3.0])
def test_segment_quantiles_with_brackets_near_and_far_apart(shift):
    """Groups whose brackets overlap (one comparison with the brackets of all groups) or lie
    far apart (each row against its own group's bracket) give each group's own median."""
    from indicators.stats.engine import _overall_quantile, _segment_quantiles

    rng = np.random.default_rng(int(shift * 100))
    n = 300_000
    g = rng.integers(0, 5, n)
    x = np.round(rng.lognormal(10 + shift * g, 0.6, n), -2)  # ties, groups shifted apart
    w = rng.uniform(0.5, 2.0, n)
    got = _segment_quantiles(x, g, 5, w, 0.5)
    assert got is not None
    expected = [_overall_quantile(x[g == k], w[g == k], None, 0.5) for k in range(5)]
    assert got.tolist() == expected
