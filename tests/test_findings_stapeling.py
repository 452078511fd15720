"""Findings of accumulated disadvantage (issue 17, ``stapeling``): a share and its standard
error by hand, a planted region found and ranked first, the false discovery rate kept under no
effect, aggregates skipped, the sentences and links, and the command line on the demo data."""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

from indicators.analyses.findings import (
    COLUMNS,
    KINDS,
    STAPELING,
    Finding,
    _rest,
    findings_table,
    scan,
    sentence,
)
from indicators.analyses.stapeling import parse_rule, share_with_at_least
from indicators.dataset.mapping import Mapping
from indicators.dataset.prepare import prepare
from indicators.package_data import demo_file
from indicators.results import TOTAL, compute

REGIONS = ["A", "B", "C", "D", "E", "F"]
YEARS = [2018, 2019, 2020, 2021]
VARIABLES = {"life_satisfaction": "ls", "trust": "tr", "housing_cost_burden": "hc"}


def _people(n=400, seed=0, high=None, grows=None, weighted=False) -> pd.DataFrame:
    """Three outcomes (life satisfaction <= 5, trust <= 4, housing costs >= 40% of income),
    independent for most people (3/8, 3/9 and 4/34 of them: 18% with two or more); a share
    of people has all three: 5% in every region and year but ``high``, where it is 30%, and
    ``grows``, where it grows from 5% to 35%."""
    rng = np.random.default_rng(seed)
    parts = []
    for region in REGIONS:
        for k, year in enumerate(YEARS):
            p = 0.05
            if region == high:
                p = 0.30
            if region == grows:
                p = 0.05 + 0.10 * k
            hit = rng.random(n) < p
            ls = np.where(hit, rng.integers(2, 6, n), rng.integers(3, 11, n))
            tr = np.where(hit, rng.integers(1, 5, n), rng.integers(2, 11, n))
            hc = np.where(hit, rng.uniform(40, 60, n), rng.uniform(10, 44, n))
            part = pd.DataFrame({"r": region, "y": year, "ls": ls, "tr": tr, "hc": hc})
            if weighted:
                part["w"] = rng.lognormal(0, 0.4, n)
            parts.append(part)
    return pd.concat(parts, ignore_index=True)


def _prepared(reg, df, weighted=False):
    mapping = Mapping.build("r", year="y", weight="w" if weighted else None, variables=VARIABLES)
    return prepare(df, mapping, reg)


def _findings(reg, prepared, **kw):
    results = compute(prepared, reg, indicators=["life_satisfaction_mean"], ci=0.95)
    return findings_table(results, reg, lang="en", prepared=prepared, **kw)


# ---------------------------------------------------------------------------------------------
# by hand
# ---------------------------------------------------------------------------------------------


def test_share_and_se_by_hand():
    # the linearized se of a region's mean is that of a domain of the whole sample (one
    # stratum, each row a unit, the row without an answer too): u_k = (y_k - p) / W_d in the
    # domain, 0 elsewhere, V = n/(n-1) sum (u_k - mean u)^2 with n = 8 rows
    # region a: counts 2, 0, 1, 2 -> y 1, 0, 0, 1: p = 0.5, u = ±1/8 four times:
    # V = 8/7 * 4/64 = 1/14
    # region b: counts 0, 2, 0 (and a row without an answer, left out): p = 1/3,
    # u = -1/9, 2/9, -1/9: V = 8/7 * 6/81
    frame = pd.DataFrame(
        {
            "region": ["a", "a", "a", "a", "b", "b", "b", "b"],
            "x": [1, 0, 1, 1, 0, 1, 0, None],
            "z": [1, 0, 0, 1, 0, 1, 0, 1],
        }
    )
    rules = [parse_rule("x>=1"), parse_rule("z>=1")]
    t = share_with_at_least(frame, rules, 2).set_index("region")
    assert t.loc["a", "value"] == pytest.approx(0.5)
    assert t.loc["a", "se"] == pytest.approx(math.sqrt(1 / 14))
    assert t.loc["b", "value"] == pytest.approx(1 / 3)
    assert t.loc["b", "se"] == pytest.approx(math.sqrt(8 / 7 * 6 / 81))
    assert t.loc["b", "n"] == 3
    # Total: 3 of 7, u = (y - 3/7)/7 on the seven rows: V = 8/7 * 7 (3/7)(4/7) / 49
    var_total = 8 / 7 * 7 * (3 / 7) * (4 / 7) / 49
    assert t.loc[TOTAL, "value"] == pytest.approx(3 / 7)
    assert t.loc[TOTAL, "se"] == pytest.approx(math.sqrt(var_total))
    # the rest of a is b, from the Total and a: (7 * 3/7 - 4 * 1/2) / 3 = 1/3, and
    # se² = (7² se_T² - 4² se_a²) / 3²
    cell = {r: (t.loc[r, "value"], t.loc[r, "se"], t.loc[r, "weight_sum"]) for r in t.index}
    value, se, w = _rest(cell[TOTAL], cell["a"])
    assert value == pytest.approx(1 / 3)
    assert w == 3
    assert se == pytest.approx(math.sqrt((49 * var_total - 16 / 14) / 9))


def test_weighted_share_is_the_weighted_mean():
    frame = pd.DataFrame(
        {"region": ["a", "a", "a"], "x": [1, 1, 0], "z": [1, 0, 0], "w": [3.0, 1.0, 1.0]}
    )
    rules = [parse_rule("x>=1"), parse_rule("z>=1")]
    t = share_with_at_least(frame, rules, 2, weight="w").set_index("region")
    assert t.loc["a", "value"] == pytest.approx(3 / 5)
    # linearized: n/(n-1) sum(w² (y - p)²) / W² = 3/2 (9 * 0.16 + 0.36 + 0.36) / 25
    assert t.loc["a", "se"] == pytest.approx(math.sqrt(1.5 * (9 * 0.16 + 0.72) / 25))


# ---------------------------------------------------------------------------------------------
# planted and null files
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def planted(reg):
    prepared = _prepared(reg, _people(n=600, high="B", grows="D", weighted=True), weighted=True)
    return _findings(reg, prepared)


def test_planted_regions_are_found_and_ranked_above_the_others(planted):
    st = planted[planted["kind"] == "stapeling"]
    level = st[st["year_from"] == st["year_to"]]
    change = st[st["year_from"] != st["year_to"]]
    assert "B" in set(level["region"]), "the region with high accumulated disadvantage"
    assert "D" in set(change["region"]), "the region where it grew"
    assert (level.loc[level["region"] == "B", "estimate"] > 0).all()
    assert (change.loc[change["region"] == "D", "estimate"] > 0).all()
    # planted: B's level and D's level and change (D reaches 35% in the last year); the other
    # regions are lower than their rest (which holds B and D) by less
    is_level = st["year_from"] == st["year_to"]
    planted_rows = ((st["region"] == "B") & is_level) | (st["region"] == "D")
    others = st.loc[~st["region"].isin(["B", "D"]), "rank"]
    assert planted_rows.sum() == 3
    assert others.empty or st.loc[planted_rows, "rank"].max() < others.min()
    assert st.iloc[0]["indicator"] == STAPELING and st.iloc[0]["region"] in {"B", "D"}
    assert (st["q_value"] <= 0.05).all()


def test_planted_rows_say_it_and_link_to_the_groups_page(planted):
    row = planted[(planted["kind"] == "stapeling") & (planted["region"] == "B")].iloc[0]
    assert (
        "In B " in row["sentence"] and "two or more of 3 unfavourable outcomes" in row["sentence"]
    )
    assert "in the rest of the country" in row["sentence"]
    page, _, query = row["link"].partition("?")
    assert page == "groups"
    assert "region=B" in query and f"year={YEARS[-1]}" in query


def test_false_findings_stay_at_or_below_the_rate_under_no_effect(reg):
    reps, fdr = 24, 0.05
    found = []
    for seed in range(reps):
        prepared = _prepared(reg, _people(n=150, seed=100 + seed, weighted=seed % 2 == 1), seed % 2)
        results = compute(prepared, reg, indicators=["life_satisfaction_mean"], ci=0.95)
        candidates = scan(results, reg, kinds=("stapeling",), prepared=prepared)
        assert len(candidates) == 2 * len(REGIONS)  # a level and a change per region
        table = findings_table(results, reg, fdr=fdr, kinds=("stapeling",), prepared=prepared)
        found.append(len(table) > 0)
    share = float(np.mean(found))
    mc = 3 * math.sqrt(fdr * (1 - fdr) / reps)  # three Monte Carlo standard errors
    assert share <= fdr + mc, share


def test_without_prepared_or_with_one_rule_there_are_no_stapeling_candidates(reg):
    df = _people(n=60)
    prepared = _prepared(reg, df)
    results = compute(prepared, reg, indicators=["life_satisfaction_mean"], ci=0.95)
    assert "stapeling" in KINDS
    assert not [c for c in scan(results, reg) if c.kind == "stapeling"]
    one = prepare(df, Mapping.build("r", year="y", variables={"life_satisfaction": "ls"}), reg)
    assert scan(results, reg, kinds=("stapeling",), prepared=one) == []
    # fewer people than min_n: no share, no candidate
    assert scan(results, reg, kinds=("stapeling",), prepared=prepared, min_n=10_000) == []


def test_aggregates_have_no_stapeling_candidates(reg):
    from indicators.io.load import load_table

    df = load_table(demo_file("pilot"))
    from indicators.dataset.mapping import suggest_mapping

    prepared = prepare(df, suggest_mapping(df, reg), reg)
    assert prepared.shape == "aggregates"
    results = compute(prepared, reg)
    assert scan(results, reg, kinds=("stapeling",), prepared=prepared) == []


def test_dutch_sentences(reg):
    level = Finding(
        "stapeling", "Limburg", "", "", STAPELING, 2022, 2022, 0.042, 0.01, 1e-5,
        {"rules": 5, "share": 0.123, "share_se": 0.01, "rest": 0.081, "rest_se": 0.005,
         "low": 0.022, "high": 0.062},
    )  # fmt: skip
    nl = sentence(level, reg, "nl")
    assert nl.startswith("In Limburg heeft in 2022 12,3% van de mensen twee of meer van 5")
    assert "tegen 8,1% in de rest van het land" in nl
    assert "+4,2 %-punt" in nl and "interval 10,3% tot 14,3%" in nl
    change = Finding(
        "stapeling", "Limburg", "", "", STAPELING, 2018, 2022, 0.05, 0.01, 1e-5,
        {"rules": 5, "first": 0.08, "last": 0.15, "rest_first": 0.08, "rest_last": 0.10,
         "change": 0.07, "rest_change": 0.02, "low": 0.03, "high": 0.07},
    )  # fmt: skip
    nl = sentence(change, reg, "nl")
    assert "van 2018 tot 2022 van 8,0% naar 15,0%" in nl and "+5,0 %-punt" in nl
    en = sentence(change, reg, "en")
    assert "went from 8.0% to 15.0% between 2018 and 2022" in en
    assert not any(w in sentence(level, reg, "nl") for w in (" the ", " of people"))


def test_findings_view_names_the_kind(reg, planted):
    from indicators.views.findings import FindingsChoices, findings_view

    view = findings_view(planted, reg, FindingsChoices(kind="stapeling"), "nl")
    numbered = [t for t in view.texts() if t.startswith("**")]
    assert numbered and all("Stapeling van achterstanden" in t for t in numbered)


# ---------------------------------------------------------------------------------------------
# the command line on the demo people file
# ---------------------------------------------------------------------------------------------


def test_cli_on_the_demo_people_file_finds_accumulated_disadvantage():
    from tests.test_findings import _run

    done = _run(
        demo_file("people"), "--region", "provincie", "--year", "jaar", "--weight", "gewicht",
        "--map", "life_satisfaction=levenstevredenheid", "--map", "income=inkomen",
        "--map", "loneliness=eenzaam", "--map", "unsafe=onveilig", "--map", "trust=vertrouwen",
        "--map", "housing_cost_burden=woonquote", "--lang", "en",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(io.StringIO(done.stdout))
    assert list(table.columns) == COLUMNS
    st = table[table["kind"] == "stapeling"]
    # the demo people differ by province in income, loneliness and safety: Utrecht has fewer
    # people with two or more of the six outcomes than the rest of the country
    assert len(st) >= 1
    assert (st["q_value"] <= 0.05).all()
    assert all("two or more of 6 unfavourable outcomes" in s for s in st["sentence"])
    assert (st["indicator"] == STAPELING).all()


def test_share_is_the_two_plus_class_of_the_groups_page():
    # the same rules counted as the Groups page does (accumulation with the last class 2+)
    from indicators.analyses.stapeling import accumulation

    df = _people(n=80, seed=3, high="C", weighted=True).rename(columns={"r": "region", "y": "year"})
    rules = [parse_rule("ls<=5"), parse_rule("tr<=4"), parse_rule("hc>=40")]
    ours = share_with_at_least(df, rules, 2, year="year", weight="w")
    acc = accumulation(df, rules, year="year", weight="w", cap=2).table
    page = acc[acc["count"] == "2+"]
    merged = ours.merge(page, on=["region", "year"])
    assert len(merged) == len(ours) == (len(REGIONS) + 1) * len(YEARS)
    assert merged["value"].to_numpy() == pytest.approx(merged["share"].to_numpy())
    assert merged["se_x"].to_numpy() == pytest.approx(merged["se_y"].to_numpy())


@settings(max_examples=40, deadline=None)
@given(
    hs.lists(
        hs.tuples(hs.sampled_from("ab"), hs.integers(0, 3), hs.integers(0, 3), hs.floats(0.1, 5)),
        min_size=2,
        max_size=30,
    ),
    hs.integers(1, 2),
)
def test_share_is_the_weighted_mean_of_at_least_k(rows, least):
    frame = pd.DataFrame(rows, columns=["region", "x", "z", "w"])
    rules = [parse_rule("x>=2"), parse_rule("z>=2")]
    t = share_with_at_least(frame, rules, least, weight="w").set_index("region")
    hit = ((frame["x"] >= 2).astype(int) + (frame["z"] >= 2).astype(int)) >= least
    for region, part in frame.groupby("region"):
        w = part["w"]
        assert t.loc[region, "value"] == pytest.approx((w * hit[part.index]).sum() / w.sum())
    assert t.loc[TOTAL, "value"] == pytest.approx((frame["w"] * hit).sum() / frame["w"].sum())


def test_the_rest_is_the_other_regions_share(reg):
    # the rest of B from the Total and B is exactly the weighted share of the other regions
    prepared = _prepared(reg, _people(n=120, seed=5, high="B", weighted=True), weighted=True)
    results = compute(prepared, reg, indicators=["life_satisfaction_mean"], ci=0.95)
    found = scan(results, reg, kinds=("stapeling",), prepared=prepared)
    level = next(c for c in found if c.region == "B" and c.year_from == c.year_to)
    change = next(c for c in found if c.region == "B" and c.year_from != c.year_to)
    frame = prepared.frame
    rules = [parse_rule("life_satisfaction<=5"), parse_rule("trust<=4")]
    rules.append(parse_rule("housing_cost_burden>=40"))
    other = frame.assign(region=np.where(frame["region"] == "B", "B", "rest"))
    t = share_with_at_least(other, rules, 2, year="year", weight="weight")
    se = t.set_index(["region", "year"])["se"]
    t = t.set_index(["region", "year"])["value"]
    # the rest's se from the Total and B (independent samples) is close to the rest's own
    exact = math.sqrt(se["B", YEARS[-1]] ** 2 + se["rest", YEARS[-1]] ** 2)
    assert level.se == pytest.approx(exact, rel=0.05)
    assert level.words["rest"] == pytest.approx(t["rest", YEARS[-1]])
    assert level.words["share"] == pytest.approx(t["B", YEARS[-1]])
    assert level.estimate == pytest.approx(t["B", YEARS[-1]] - t["rest", YEARS[-1]])
    want = (t["B", YEARS[-1]] - t["B", YEARS[0]]) - (t["rest", YEARS[-1]] - t["rest", YEARS[0]])
    assert change.estimate == pytest.approx(want)
    assert (level.year_from, change.year_from, change.year_to) == (YEARS[-1], YEARS[0], YEARS[-1])
    assert 0 < level.p_value < 1 and level.se > 0
