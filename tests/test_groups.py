"""Groups within regions (indicators/analyses/groups.py): gaps, their standard errors, the CBS
colour rule, income quintiles, the gap's trend, regions ranked by the gap, well-being levels."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.analyses import groups as G
from indicators.dataset.mapping import Mapping, suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.errors import DataError
from indicators.package_data import demo_file
from indicators.registry.catalog import load_registry
from indicators.results import compute


@pytest.fixture(scope="module")
def registry():
    return load_registry()


def _random(seed=1, n=900):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "region": rng.choice(["a", "b", "c"], n),
            "year": rng.choice([2020, 2021], n),
            "weight": rng.uniform(0.5, 3.0, n),
            "grp": rng.choice(["x", "y", "z"], n),
            "v": rng.normal(5, 2, n),
        }
    )


def _reference(df, region, year, members, n_sample):
    """Weighted mean of the rows ``members`` of one region (None: all) and year, with the
    textbook linearized SE of a domain mean in a with-replacement sample of n_sample rows."""
    rows = members & (df["year"] == year)
    if region is not None:
        rows &= df["region"] == region
    w, x = df.loc[rows, "weight"].to_numpy(), df.loc[rows, "v"].to_numpy()
    mean = np.sum(w * x) / np.sum(w)
    u = w * (x - mean) / np.sum(w)
    return mean, np.sqrt(n_sample / (n_sample - 1) * np.sum(u**2))


def test_gaps_and_their_standard_errors_equal_a_direct_reference():
    df = _random()
    out = G.group_gaps(df, "v", ["mean"], by="grp", year="year", weight="weight", region="region")
    assert len(out) == 4 * 2 * 3  # regions a, b, c and Total; two years; three groups
    for row in out.itertuples():
        n_sample = int((df["year"] == row.year).sum())  # each year an independent sample
        region = None if row.region == "Total" else row.region
        in_group = df["grp"] == row.group
        mean, se = _reference(df, region, row.year, in_group, n_sample)
        rest, rest_se = _reference(df, region, row.year, ~in_group, n_sample)
        assert row.rest_group == ""
        assert row.value == pytest.approx(mean, rel=1e-12)
        assert row.se == pytest.approx(se, rel=1e-9)
        assert row.rest_value == pytest.approx(rest, rel=1e-12)
        assert row.gap == pytest.approx(mean - rest, rel=1e-9)
        assert row.gap_se == pytest.approx(np.hypot(se, rest_se), rel=1e-9)
        assert row.gap_ci_low == pytest.approx(mean - rest - 1.959964 * row.gap_se, abs=1e-5)
        assert row.significant == (abs(mean - rest) > 1.959963985 * row.gap_se)


def test_the_group_values_are_those_of_compute_by_the_group(registry):
    rng = np.random.default_rng(3)
    n = 600
    df = pd.DataFrame(
        {
            "regio": rng.choice(["a", "b"], n),
            "jaar": rng.choice([2020, 2021], n),
            "gewicht": rng.uniform(0.5, 2, n),
            "opleiding": rng.choice(["laag", "middelbaar", "hoog"], n),
            "levenstevredenheid": rng.integers(0, 11, n),
        }
    )
    mapping = Mapping.build(
        "regio",
        year="jaar",
        weight="gewicht",
        groups=["opleiding"],
        variables={"life_satisfaction": "levenstevredenheid"},
    )
    prepared = prepare(df, mapping, registry)
    gaps = G.indicator_gaps(prepared, registry, "life_satisfaction_unsatisfied", "opleiding")
    res = compute(prepared, registry, by=["opleiding"], ci=0.95, min_n=1)
    res = res[(res["indicator"] == "life_satisfaction_unsatisfied") & (res["breakdown"] != "")]
    merged = gaps.merge(res, on=["region", "year", "group"], suffixes=("", "_c"))
    assert len(merged) == len(gaps) == 3 * 2 * 3
    np.testing.assert_allclose(merged["value"], merged["value_c"], rtol=1e-12)
    np.testing.assert_allclose(merged["se"], merged["se_c"], rtol=1e-12)
    np.testing.assert_allclose(merged["ci_low"], merged["ci_low_c"], rtol=1e-12)
    assert set(gaps["colour"]) <= {"better", "worse", "no_difference"}
    assert gaps["ratio"].notna().all()  # a share: the ratio reads well
    np.testing.assert_allclose(gaps["ratio"], gaps["value"] / gaps["rest_value"])


def test_a_two_valued_column_compares_the_two_with_each_other():
    df = _random(seed=5)
    df["sex"] = np.where(np.arange(len(df)) % 2 == 0, "man", "vrouw")
    df.loc[:9, "sex"] = "(missing)"  # not compared, and not in the other group either
    out = G.group_gaps(df, "v", ["mean"], by="sex", year="year", weight="weight")
    assert set(out["group"]) == {"man", "vrouw"}
    men = out[out["group"] == "man"].reset_index(drop=True)
    women = out[out["group"] == "vrouw"].reset_index(drop=True)
    assert (men["rest_group"] == "vrouw").all()
    np.testing.assert_allclose(men["rest_value"], women["value"])
    np.testing.assert_allclose(men["gap"], -women["gap"])
    np.testing.assert_allclose(men["gap_se"], women["gap_se"])


def test_the_cbs_colour_rule_on_simulated_groups():
    rng = np.random.default_rng(11)
    n = 4000
    df = pd.DataFrame(
        {
            "region": "r",
            "grp": rng.choice(["a", "b", "c"], n),
            "w": rng.uniform(0.5, 2, n),
        }
    )
    # group a is better by 1 point, b and c equal: a known difference and none
    df["v"] = rng.normal(6, 2, n) + np.where(df["grp"] == "a", 1.0, 0.0)
    out = G.group_gaps(df, "v", ["mean"], by="grp", weight="w")
    tot = out[out["region"] == "Total"].set_index("group")
    up = G.cbs_colour(tot["gap"], tot["significant"], "higher_is_better")
    down = G.cbs_colour(tot["gap"], tot["significant"], "lower_is_better")
    assert dict(zip(tot.index, up, strict=True))["a"] == "better"
    assert dict(zip(tot.index, down, strict=True))["a"] == "worse"
    # b against (a and c) is worse: a is in its rest; b against c alone shows no difference
    no_a = G.group_gaps(df[df["grp"] != "a"], "v", ["mean"], by="grp", weight="w")
    tot2 = no_a[no_a["region"] == "Total"]
    assert not tot2["significant"].any()
    assert set(G.cbs_colour(tot2["gap"], tot2["significant"], "higher_is_better")) == {
        "no_difference"
    }
    assert G.cbs_colour([1.0], [True], "neutral").tolist() == ["different"]
    with pytest.raises(ValueError):
        G.cbs_colour([1.0], [True], "up")


def test_income_quintiles_are_the_years_weighted_national_fifths():
    rng = np.random.default_rng(2)
    n = 5000
    df = pd.DataFrame(
        {
            "income": rng.lognormal(10, 0.5, n),
            "weight": rng.uniform(0.2, 5, n),
            "year": rng.choice([2020, 2021], n),
        }
    )
    df.loc[df["year"] == 2021, "income"] *= 2  # each year its own cut points
    out = G.with_income_quintile(df, "income")
    for _, part in out.groupby("year"):
        shares = part.groupby("income_quintile")["weight"].sum() / part["weight"].sum()
        assert list(shares.index) == list(G.QUINTILE_LABELS)
        np.testing.assert_allclose(shares, 0.2, atol=0.005)
        top_q1 = part.loc[part["income_quintile"] == "Q1", "income"].max()
        low_q2 = part.loc[part["income_quintile"] == "Q2", "income"].min()
        assert top_q1 < low_q2


def test_the_gap_trend_is_weighted_least_squares():
    years = np.array([2014, 2016, 2018, 2020, 2022])
    gaps = np.array([0.64, 0.7, 0.85, 0.9, 1.03])
    ses = np.array([0.05, 0.1, 0.08, 0.06, 0.04])
    tr = G.gap_trend(years, gaps, ses)
    coef, cov = np.polyfit(years, gaps, 1, w=1 / ses, cov="unscaled")
    assert tr.slope == pytest.approx(coef[0], rel=1e-9)
    assert tr.se == pytest.approx(np.sqrt(cov[0, 0]), rel=1e-6)
    assert tr.significant and tr.widened
    assert G.trend_sentence(tr, "lager opgeleiden", "hoger opgeleiden", "en") == (
        "The gap between lager opgeleiden and hoger opgeleiden widened from 0.64 to 1.03 "
        "points since 2014, significantly."
    )
    assert G.trend_sentence(tr, "laag", None, "nl") == (
        "Het verschil tussen laag en de rest is sinds 2014 gegroeid van 0,64 tot 1,03 punten, "
        "significant."
    )
    flat = G.gap_trend(years, [0.5, 0.45, 0.52, 0.47, 0.49], [0.1] * 5)
    assert not flat.significant
    assert "not significant" in G.trend_sentence(flat, "laag", None, "en")
    assert G.gap_trend([2014, 2015], [1, 2], [0.1, 0.1]) is None  # two years: no trend
    turned = G.gap_trend([2014, 2015, 2016], [-0.2, 0.1, 0.5], [0.05] * 3)
    assert G.trend_sentence(turned, "laag", None, "en") == (
        "The gap between laag and the rest turned from -0.20 to 0.50 points since 2014, "
        "significantly."
    )


def test_regions_ranked_by_the_gap():
    df = _random(seed=8, n=3000)
    df.loc[(df["region"] == "b") & (df["grp"] == "x"), "v"] -= 3
    out = G.group_gaps(df, "v", ["mean"], by="grp", year="year", weight="weight")
    ranked = G.rank_regions(out, "x")
    assert ranked["rank"].tolist() == [1, 2, 3]
    assert ranked["region"].iloc[0] == "b" and "Total" not in set(ranked["region"])
    assert (ranked["year"] == 2021).all()
    assert list(ranked["gap"].abs()) == sorted(ranked["gap"].abs(), reverse=True)
    assert ranked["significant"].iloc[0]


def test_wellbeing_levels_by_group(registry):
    df = pd.DataFrame(
        {
            "region": ["a"] * 6,
            "grp": ["x", "x", "x", "y", "y", "y"],
            "w": [1.0, 2, 1, 1, 1, 2],
            "v": [3, 6, 9, 4, 8, np.nan],
        }
    )
    low, high, source = G.cut_points(registry, "life_satisfaction")
    assert (low, high) == (4, 8) and "OECD" in source
    out = G.wellbeing_levels(df, "v", low=low, high=high, by="grp", weight="w")
    x = out[(out["region"] == "a") & (out["group"] == "x")].set_index("level")["share"]
    assert x.to_dict() == {"low": 0.25, "medium": 0.5, "high": 0.25}
    y = out[(out["region"] == "a") & (out["group"] == "y")].set_index("level")
    assert y["share"].to_dict() == {"low": 0.5, "medium": 0.0, "high": 0.5}
    assert (y["n"] == 2).all()  # the row without a value is left out
    # the caller's cut points win, without the catalogue's source
    assert G.cut_points(registry, "life_satisfaction", low=5) == (5.0, 8.0, "")
    with pytest.raises(DataError) as err:
        G.cut_points(registry, "income")
    assert "income" in err.value.text("nl")
    with pytest.raises(DataError):
        G.wellbeing_levels(df, "v", low=8, high=4)


def test_an_unknown_group_column_says_which_there_are(registry):
    df = _random()
    mapping = Mapping.build("region", groups=["grp"], variables={"life_satisfaction": "v"})
    df["v"] = df["v"].clip(0, 10)
    prepared = prepare(df, mapping, registry)
    with pytest.raises(DataError) as err:
        G.indicator_gaps(prepared, registry, "life_satisfaction_mean", "nope")
    assert "grp" in err.value.text("nl") and "groepskolom" in err.value.text("nl")
    assert G.group_columns(prepared) == ["grp"]


@pytest.fixture(scope="module")
def demo(registry):
    df = pd.read_parquet(demo_file("people"))
    return prepare(df, suggest_mapping(df, registry), registry)


def test_on_the_demo_data_the_lower_educated_fall_behind_significantly(demo, registry):
    gaps = G.indicator_gaps(demo, registry, "life_satisfaction_mean", "opleiding")
    low = gaps[(gaps["region"] == "Total") & (gaps["group"] == "laag")]
    assert (low["gap"] < 0).all() and low["significant"].all()
    assert (low["colour"] == "worse").all()
    tr = G.gap_trend(low["year"], low["gap"], low["gap_se"])
    assert tr.significant and tr.widened and tr.slope < 0
    # in every region in the latest year, too
    latest = gaps[(gaps["group"] == "laag") & (gaps["year"] == gaps["year"].max())]
    assert (latest["colour"] == "worse").all()
    assert "income_quintile" in G.group_columns(demo)


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ('id = "life_satisfaction"\nwellbeing_low = 9', "must be below wellbeing_high"),
        ('id = "life_satisfaction"\nwellbeing_low = -1', "outside the scale"),
        ('id = "income"\nwellbeing_low = 1', "together"),
        ('id = "loneliness"\nunfavourable = "=misschien"', "names no answer of levels_nl"),
        ('id = "trust"\nunfavourable = "4"', "must be an operator"),
        ('id = "trust"\nunfavourable = "<=veel"', "needs a number or poverty_line"),
        (
            'id = "happiness"\nunfavourable = "<=2"\nunfavourable_source = ""',
            "needs its unfavourable_source",
        ),
    ],
)
def test_the_catalogue_checks_cut_points_and_unfavourable_outcomes(tmp_path, entry, said):
    from indicators.registry.catalog import RegistryError

    path = tmp_path / "mine.toml"
    path.write_text(f"[[variable]]\n{entry}\n", encoding="utf-8")
    with pytest.raises(RegistryError) as err:
        load_registry(extra=path)
    assert said in str(err.value) or any(said in p for p in err.value.problems)


def test_every_catalogue_cut_point_and_rule_has_its_source(registry):
    cut = [v for v in registry.variables if v.wellbeing_low is not None]
    rules = [v for v in registry.variables if v.unfavourable]
    assert {v.id for v in cut} >= {"life_satisfaction", "self_rated_health"}
    assert len(rules) == 9  # as CBS (2022) counted nine outcomes
    assert all(v.wellbeing_source for v in cut) and all(v.unfavourable_source for v in rules)


def test_the_groups_view_escapes_labels_from_the_file_and_names_the_other_group(registry):
    from indicators.views.groups import Choices, groups_view

    df = _random(seed=21, n=3000)
    df["sex"] = np.where(df["grp"] == "x", "<b>*vrouw*</b>", "man")
    df.loc[df["sex"] == "man", "v"] += 1.0
    gaps = G.group_gaps(df, "v", ["mean"], by="sex", year="year", weight="weight")
    gaps["colour"] = G.cbs_colour(gaps["gap"], gaps["significant"], "higher_is_better")
    view = groups_view(
        gaps, registry, Choices("life_satisfaction_mean", "sex", year=2021), lang="en"
    )
    said = " ".join(view.texts())
    assert "<b>" not in said and r"\<b\>\*vrouw\*\</b\>" in said
    figs = view.charts()
    titles = [f.layout.title.text for f in figs]
    ranking = next(t for t in titles if "by region" in t)
    assert "<b>" not in ranking and "&lt;b&gt;" in ranking and "the rest" not in ranking
    dots = figs[0]
    labels = [y for trace in dots.data for y in trace.y]
    assert "&lt;b&gt;*vrouw*&lt;/b&gt;" in labels
    table = view.tables()[0]
    assert set(table["Verdict"]) == {"significantly worse", "significantly better"}
    assert "Compared with" in table


def test_two_groups_name_each_other_over_the_years_and_an_unclear_largest_gap_says_so(registry):
    from indicators.views.groups import Choices, groups_view

    df = _random(seed=5, n=3000)
    df["year"] = np.random.default_rng(6).choice([2019, 2020, 2021], len(df))  # three years
    df["sex"] = np.where(df["grp"] == "x", "vrouw", "man")  # no difference between them
    gaps = G.group_gaps(df, "v", ["mean"], by="sex", year="year", weight="weight")
    gaps["colour"] = G.cbs_colour(gaps["gap"], gaps["significant"], "higher_is_better")
    view = groups_view(
        gaps, registry, Choices("life_satisfaction_mean", "sex", year=2021), lang="en"
    )
    titles = [f.layout.title.text for f in view.charts()]
    over_years = next(t for t in titles if "gap of" in t and "by region" not in t)
    assert "to the rest" not in over_years and (
        " to man" in over_years or " to vrouw" in over_years
    )
    axes = [f.layout.yaxis.title.text for f in view.charts() if f.layout.yaxis.title.text]
    assert any(" minus " in a and "rest" not in a for a in axes)
    largest = next(t for t in view.texts() if t.startswith("The largest gap"))
    first = gaps[(gaps["year"] == 2021) & (gaps["region"] != "Total")]
    if not first["significant"].any():
        assert "even that is no clear difference" in largest
