"""The grouped engine equals the plain one-group definitions of indicators.measures."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.errors import DataError
from indicators.grouped import _overall_quantile, group_order, grouped_measures
from indicators.measures import DEFAULT_MEASURES, parse_measure, quantile, scalar_measure

EXTRA = ("n", "p20", "p40", "p80", "share_below:3", "share_at_least:3", "share:2")
ALL = (*DEFAULT_MEASURES, *EXTRA)


def reference(x, codes, n_groups, w, measures=ALL, lines=None):
    """Every measure group by group with the scalar definitions (the slow, plain way)."""
    x = np.asarray(x, dtype=float)
    w = np.ones_like(x) if w is None else np.asarray(w, dtype=float)
    keep = np.isfinite(x) & np.isfinite(w)
    national = quantile(x[keep], 0.5, w[keep])
    out = {m: np.full(n_groups, np.nan) for m in measures}
    for gid in range(n_groups):
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


def assert_matches(x, codes, n_groups, w, measures=ALL, lines=None):
    res = grouped_measures(x, codes, n_groups, w, measures, poverty_lines=lines)
    ref = reference(x, codes, n_groups, w, measures, lines)
    for name in measures:
        np.testing.assert_allclose(
            res.values[name], ref[name], rtol=1e-9, atol=1e-12, equal_nan=True, err_msg=name
        )
    return res


def random_data(rng, n, n_groups, *, weighted=True, ties=False, missing=0.0, nonpositive=0.0):
    codes = rng.integers(0, n_groups, n)
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
    # name, n, n_groups, options
    ("weighted", 3000, 17, {}),
    ("unweighted", 3000, 17, {"weighted": False}),
    ("ties", 2000, 9, {"ties": True}),
    ("ties unweighted", 2000, 9, {"ties": True, "weighted": False}),
    ("missing", 2000, 13, {"missing": 0.1}),
    ("zeros and negatives", 2000, 7, {"nonpositive": 0.1}),
    ("many tiny groups", 600, 400, {}),
    ("many tiny groups with ties", 600, 400, {"ties": True, "weighted": False}),
]


@pytest.mark.parametrize(("name", "n", "n_groups", "options"), CASES, ids=[c[0] for c in CASES])
def test_engine_equals_reference(name, n, n_groups, options):
    rng = np.random.default_rng(abs(hash(name)) % 2**32)
    x, codes, w = random_data(rng, n, n_groups, **options)
    assert_matches(x, codes, n_groups, w)


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
    assert res.values["median"][1] == quantile([1, 2, 3, 4], 0.5, [0.1] * 4) == 2.5
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
    n_groups = 70_000
    codes = rng.integers(0, n_groups, 150_000)
    x = rng.lognormal(0, 1, codes.size)
    res = grouped_measures(x, codes, n_groups, None, ["mean", "median", "n"])
    check = rng.choice(np.flatnonzero(res.n > 0), 50, replace=False)
    for gid in check:
        xg = x[codes == gid]
        assert res.values["median"][gid] == quantile(xg, 0.5)
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
        assert _overall_quantile(x, w, None, p) == quantile(x, p, w)
        assert _overall_quantile(x, None, None, p) == quantile(x, p)
    ties = np.round(x)
    assert _overall_quantile(ties, None, None, 0.5) == quantile(ties, 0.5)


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
    order = group_order(x, codes, 20)
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
