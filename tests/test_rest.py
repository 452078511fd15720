"""A region against the rest of the country: the rest is computed from the other regions'
rows, with the national poverty line of all regions."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.analyses.rest import against_rest
from indicators.dataset.mapping import Mapping
from indicators.dataset.prepare import prepare
from indicators.registry.catalog import load_registry
from indicators.results import TOTAL, compute


@pytest.fixture(scope="module")
def survey():
    rng = np.random.default_rng(3)
    n = 3000
    region = rng.choice(["A", "B", "C"], n, p=[0.2, 0.5, 0.3])
    income = rng.lognormal(10, 0.5, n) * np.where(region == "A", 0.8, 1.0)
    df = pd.DataFrame({"regio": region, "inkomen": income, "gewicht": rng.uniform(0.5, 2, n)})
    reg = load_registry()
    return (
        df,
        reg,
        prepare(df, Mapping.build("regio", weight="gewicht", variables={"income": "inkomen"}), reg),
    )


def test_the_rest_is_the_other_regions(survey):
    df, reg, prepared = survey
    found = against_rest(prepared, reg, "income_mean", "A")
    rest = df[df["regio"] != "A"]
    expected = np.average(rest["inkomen"], weights=rest["gewicht"])
    assert found.rest_value == pytest.approx(expected, rel=1e-12)
    assert found.rest_n == len(rest)
    # the rest's standard error is that of a domain of the whole sample (as survey::svyby):
    # the other regions as a sample of their own (the Total of a file without region A), with
    # the with-replacement factor n/(n-1) of all n rows instead of m/(m-1) of the rest's m
    alone = prepare(rest, prepared.mapping, reg)
    table = compute(alone, reg, indicators=["income_mean"], ci=0.95)
    se = table.loc[table["region"] == TOTAL, "se"].iloc[0]
    n, m = len(df), len(rest)
    assert found.rest_se == pytest.approx(se * ((n / (n - 1)) / (m / (m - 1))) ** 0.5, rel=1e-9)
    inside = compute(prepared, reg, indicators=["income_mean"], ci=0.95)
    row = inside[inside["region"] == "A"].iloc[0]
    assert (found.value, found.se) == pytest.approx((row["value"], row["se"]), rel=1e-12)


def test_the_poverty_line_stays_the_countrys(survey):
    df, reg, prepared = survey
    found = against_rest(prepared, reg, "income_poverty_rate", "A")
    line = 0.6 * _weighted_median(df["inkomen"], df["gewicht"])
    rest = df[df["regio"] != "A"]
    below = rest["gewicht"][rest["inkomen"] < line].sum() / rest["gewicht"].sum()
    assert found.rest_value == pytest.approx(below, abs=1e-3)  # the median's interpolation


def _weighted_median(x, w):
    order = np.argsort(x.to_numpy())
    xs, ws = x.to_numpy()[order], w.to_numpy()[order]
    cum = np.cumsum(ws)
    return xs[np.searchsorted(cum, cum[-1] / 2)]


def test_no_rest_for_the_total_an_unknown_region_or_aggregates(survey):
    df, reg, prepared = survey
    assert against_rest(prepared, reg, "income_mean", TOTAL) is None
    assert against_rest(prepared, reg, "income_mean", "Z") is None
    agg = pd.DataFrame({"regio": ["A", "B"], "inkomen": [1.0, 2.0]})
    agg_prepared = prepare(agg, Mapping.build("regio", variables={"income": "inkomen"}), reg)
    assert against_rest(agg_prepared, agg_prepared.registry, "income_mean", "A") is None
