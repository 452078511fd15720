"""Scalar measures: hand-computed and published values, and properties (hypothesis)."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from indicators.errors import DataError
from indicators.stats import measures as M

# One row per case: measure, values, weights, expected (worked out by hand, or published).
CASES = [
    ("mean", [1, 2, 3, 4], None, 2.5),
    ("mean", [1, 2], [3, 1], 1.25),
    ("sd", [2, 4, 4, 4, 5, 5, 7, 9], None, 2.0),
    ("sd", [0, 10], [3, 1], math.sqrt(0.75 * 0.25) * 10),  # var = p(1-p) * 10^2
    ("median", [1, 2, 3, 4], None, 2.5),  # C_2 = 2 = 0.5 * 4: (x_2 + x_3) / 2
    ("median", [1, 2, 3, 4, 5], None, 3.0),
    ("median", [1, 2, 3], [1, 1, 2], 2.5),  # C_2 = 2 = 0.5 * 4
    ("median", [1, 2, 3], [1, 2, 2], 2.0),  # first C_j > 2.5 is C_2 = 3
    ("median", [5, 1, 5, 1], None, 3.0),  # ties: sorted 1 1 5 5, C_2 = 2
    ("p10", range(1, 11), None, 1.5),  # C_1 = 1 = 0.1 * 10
    ("p90", range(1, 11), None, 9.5),
    ("p25", [1, 2, 3, 4, 5, 6, 7], None, 2.0),  # 0.25 * 7 = 1.75: first C_j > 1.75 is x_2
    # W 4, pW 1, C_1 = 1: (x_1 + x_2) / 2 where a zero-weight row counts as absent, as if
    # the data were [10, 30] with weights [1, 3]
    ("p25", [10, 20, 30], [1, 0, 3], 20.0),
    ("gini", [10] * 9 + [100], None, 0.4263158),  # R ineq
    ("gini", range(1, 2001), None, 0.3331667),  # World Bank PIP
    ("gini", [1, 2, 3], None, 2 * 4 / (2 * 9 * 2)),  # sum |xi-xj| = 8, 2 n^2 mu = 36
    ("gini", [1, 3], [3, 1], 2 * 3 * 1 * 2 / (2 * 16 * 1.5)),  # weights count as repeats
    ("gini", [0, 0, 0, 1], None, 0.75),
    ("theil", [10, 10, 10, 20, 50], None, 0.2502012),  # Theil T, GE(1); published as 0.2502
    ("mld", [10, 10, 10, 20, 50], None, 0.2326302),  # Theil L, GE(0): not Theil T
    ("atkinson_1", [1, 4], None, 1 - 2 / 2.5),  # geometric mean 2, mean 2.5
    ("atkinson_2", [1, 4], None, 1 - 1.6 / 2.5),  # harmonic mean 1.6
    ("atkinson_0.5", [1, 4], None, 1 - ((1 + 2) / 2) ** 2 / 2.5),
    ("s80s20", range(1, 11), None, 19 / 3),  # P80 = 8.5, P20 = 2.5: (9 + 10) / (1 + 2)
    ("palma", range(1, 11), None, 10 / 10),  # P90 = 9.5, P40 = 4.5: 10 / (1+2+3+4)
    ("share_below:6", [4, 5, 6, 7], None, 0.5),
    ("share_below:6", [4, 5, 6, 7], [1, 1, 1, 5], 0.25),
    ("share_at_least:6", [4, 5, 6, 7], [1, 1, 1, 5], 0.75),
    ("share:5", [4, 5, 5, 7], None, 0.5),
    ("poverty_rate", [10, 20, 30, 40, 50], None, 0.2),  # line 0.6 * 30 = 18
]


@pytest.mark.parametrize(("measure", "values", "weights", "expected"), CASES)
def test_hand_computed(measure, values, weights, expected):
    got = M.scalar_measure(measure, list(values), weights)
    assert got == pytest.approx(expected, abs=5e-8)


def test_positive_only_measures_leave_out_zero_and_negative():
    assert M.theil([0, -5, 10, 10, 10, 20, 50]) == pytest.approx(M.theil([10, 10, 10, 20, 50]))
    assert M.mld([0, 10, 10, 10, 20, 50]) == pytest.approx(0.2326302, abs=1e-7)


def test_missing_values_and_weights_are_dropped():
    assert M.mean([1, np.nan, 3]) == 2.0
    assert M.mean([1, 2, 3], [1, np.nan, 1]) == 2.0


def test_negative_weight_is_an_error():
    with pytest.raises(DataError, match="zero or more"):
        M.mean([1, 2], [1, -1])


def test_theil_decomposition_adds_up():
    parts = M.theil_decomposition([1, 2, 3, 4, 10, 20], list("aabbcc"), [1, 2, 1, 1, 3, 1])
    assert parts["total"] == pytest.approx(parts["between"] + parts["within"])
    assert parts["between"] > 0 and parts["within"] > 0


def test_unknown_measure_names_the_known_ones():
    with pytest.raises(DataError, match="Known measures: mean"):
        M.parse_measure("ginni")


# ---- properties ---------------------------------------------------------------------------

positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
samples = st.lists(positive, min_size=2, max_size=40)
SCALE_INVARIANT = [
    "gini",
    "theil",
    "mld",
    "atkinson_0.5",
    "atkinson_1",
    "atkinson_2",
    "s80s20",
    "palma",
]
ALL = ["mean", "sd", "median", "p10", "p90", *SCALE_INVARIANT, "share_below:100"]


@settings(max_examples=60, deadline=None)
@given(samples, st.randoms(use_true_random=False), st.sampled_from(ALL))
def test_permutation_invariance(xs, rnd, measure):
    ws = [1 + (i % 3) for i in range(len(xs))]
    pairs = list(zip(xs, ws, strict=True))
    rnd.shuffle(pairs)
    xs2, ws2 = zip(*pairs, strict=True)
    a, b = M.scalar_measure(measure, xs, ws), M.scalar_measure(measure, xs2, ws2)
    tol = 1e-12 * max(xs)
    assert a == pytest.approx(b, rel=1e-9, abs=tol) or (math.isnan(a) and math.isnan(b))


@settings(max_examples=60, deadline=None)
@given(samples, st.floats(min_value=0.01, max_value=1000), st.sampled_from(SCALE_INVARIANT))
def test_scale_invariance(xs, factor, measure):
    a = M.scalar_measure(measure, xs)
    b = M.scalar_measure(measure, [x * factor for x in xs])
    assert a == pytest.approx(b, rel=1e-6, abs=1e-9) or (math.isnan(a) and math.isnan(b))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(positive, st.integers(1, 4)), min_size=1, max_size=25), st.sampled_from(ALL)
)
def test_integer_weights_equal_repeated_rows(rows, measure):
    xs = [x for x, _ in rows]
    ws = [w for _, w in rows]
    repeated = [x for x, w in rows for _ in range(w)]
    a, b = M.scalar_measure(measure, xs, ws), M.scalar_measure(measure, repeated)
    # sd of equal values is 0 up to the rounding of the mean: allow for the values' size
    tol = 1e-12 * max(xs)
    assert a == pytest.approx(b, rel=1e-9, abs=tol) or (math.isnan(a) and math.isnan(b))


@settings(max_examples=80, deadline=None)
@given(samples)
def test_gini_bounds(xs):
    g = M.gini(xs)
    assert 0 <= g < 1


@settings(max_examples=30, deadline=None)
@given(positive, st.integers(2, 30), st.sampled_from(SCALE_INVARIANT + ["sd"]))
def test_equal_values_give_zero(x, n, measure):
    value = M.scalar_measure(measure, [x] * n)
    if measure in ("s80s20", "palma"):
        # every value is at or below P20 and none above P80: 0 / total
        assert value == 0
    else:
        assert value == pytest.approx(0, abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(positive, min_size=2, max_size=30),
    st.lists(st.sampled_from("abc"), min_size=30, max_size=30),
)
def test_theil_decomposition_identity(xs, regions):
    parts = M.theil_decomposition(xs, regions[: len(xs)])
    assert parts["total"] == pytest.approx(parts["between"] + parts["within"], abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(st.lists(positive, min_size=3, max_size=30), st.data())
def test_pigou_dalton_transfer_lowers_gini(xs, data):
    xs = sorted(xs)
    assume(xs[-1] - xs[0] > 1e-3)
    i = data.draw(st.integers(0, len(xs) - 2))
    j = data.draw(st.integers(i + 1, len(xs) - 1))
    assume(xs[j] - xs[i] > 1e-3)
    delta = (xs[j] - xs[i]) / 4  # from richer j to poorer i, keeping the order of the two
    after = list(xs)
    after[i] += delta
    after[j] -= delta
    assert M.gini(after) < M.gini(xs)


def test_gini_of_equal_values_is_zero_not_minus_rounding():
    # found by hypothesis: five equal incomes gave -2.7e-17
    xs = [43691.33687945736] * 5
    assert M.gini(xs) == 0.0
