"""Policy experiments (indicators/analyses/experiments.py): R did's numbers on mpdta, simulated
panels with known effects, the demo pilot panel and the errors a user can act on."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.analyses.experiments import (
    Setup,
    arm_trends,
    cohorts,
    distributional,
    experiment,
    match_comparisons,
    scale_up,
    verdict,
)
from indicators.errors import DataError

MPDTA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mpdta.csv"
DEMO = (
    Path(__file__).resolve().parents[1]
    / "indicators/data/demo_pilot_municipalities_synthetic.parquet"
)
# R did 2.x, att_gt(yname="lemp", gname="first.treat", idname="countyreal", tname="year",
# control_group="nevertreated", bstrap=FALSE) and aggte(...): estimate, se
R_DID = {
    "simple": (-0.0399513, 0.0120340),
    "group": (-0.0310183, 0.0124461),
    "dynamic": (-0.0772398, 0.0199650),
    "dynamic:2": (-0.1372587, 0.0364357),
    "att_gt:2004:2004": (-0.0105032, 0.0232510),
}


@pytest.fixture(scope="module")
def mpdta():
    if not MPDTA.exists():
        pytest.skip("mpdta.csv not on this machine")
    return pd.read_csv(MPDTA)


@pytest.mark.parametrize("term", sorted(R_DID))
def test_callaway_santanna_equals_r_did_on_mpdta(mpdta, term):
    s = Setup("lemp", "countyreal", "year", first_treated="first.treat")
    table = experiment(mpdta, s, "cs").set_index("term")
    est, se = R_DID[term]
    assert table.loc[term, "estimate"] == pytest.approx(est, abs=1e-6)
    assert table.loc[term, "se"] == pytest.approx(se, rel=0.01)


def panel(n=40, years=range(2010, 2020), start=2015, pilots=10, effect=0.0, seed=0):
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        a = rng.normal(10, 2)
        for t in years:
            treated = i < pilots and t >= start
            y = a + 0.1 * (t - 2010) + rng.normal(0, 0.5) + (effect if treated else 0.0)
            rows.append({"r": f"R{i}", "t": t, "y": y, "g": start if i < pilots else 0})
    return pd.DataFrame(rows)


SIM = Setup("y", "r", "t", first_treated="g")


@pytest.mark.parametrize("method", ["did", "cs", "sdid"])
def test_a_known_effect_is_recovered_within_its_interval(method):
    df = panel(effect=1.5, seed=3)
    row = experiment(df, SIM, method, bootstrap=199).iloc[0]
    assert row["ci_low"] < 1.5 < row["ci_high"]
    assert row["ci_low"] > 0  # and it is found


def test_without_effect_the_interval_covers_zero_at_about_the_nominal_rate():
    covered = [
        (lambda r: r["ci_low"] <= 0 <= r["ci_high"])(
            experiment(panel(n=30, seed=s), SIM, "did", bootstrap=0).iloc[0]
        )
        for s in range(200)
    ]
    # 95% of 200: binomial sd ~3 percentage points
    assert 0.88 <= np.mean(covered) <= 0.99


def test_the_did_equals_the_difference_of_mean_changes():
    df = panel(effect=1.0, seed=5)
    post = df["t"] >= 2015
    pil = df["g"] > 0
    m = df.groupby([pil, post])["y"].mean()
    by_hand = (m[True, True] - m[True, False]) - (m[False, True] - m[False, False])
    row = experiment(df, SIM, "did", bootstrap=0).iloc[0]
    assert row["estimate"] == pytest.approx(by_hand, abs=1e-10)


def test_the_wild_bootstrap_p_is_small_for_an_effect_and_not_for_none():
    s = Setup("y", "r", "t", first_treated="g")
    big = experiment(panel(effect=2.0, pilots=4, seed=1), s, "did", bootstrap=499).iloc[0]
    none = experiment(panel(effect=0.0, pilots=4, seed=2), s, "did", bootstrap=499).iloc[0]
    assert big["p_boot"] < 0.05
    assert none["p_boot"] > 0.05


def test_the_event_study_has_a_reference_year_and_a_pretrend_test():
    df = panel(effect=1.0, seed=4)
    t = experiment(df, SIM, "event").set_index("term")
    assert t.loc["event:-1", "estimate"] == 0
    assert t.loc["event:0", "ci_low"] > 0
    assert 0.0 <= t.loc["pretrend", "p_value"] <= 1.0
    # a pre-trend in the pilots is caught
    df2 = df.copy()
    df2.loc[df2["g"] > 0, "y"] += 0.5 * (df2.loc[df2["g"] > 0, "t"] - 2010)
    t2 = experiment(df2, SIM, "event").set_index("term")
    assert t2.loc["pretrend", "p_value"] < 0.01
    said = verdict(t2.reset_index(), {"outcome": "y"}, "en")
    assert "pre-trend test" in " ".join(said) and said[0].startswith("The pilot changed y by")
    assert "pre-trend" not in " ".join(verdict(t.reset_index(), {}, "en"))


def test_matching_picks_the_regions_the_simulation_made_similar():
    df = panel(n=30, pilots=5, seed=6)
    # pilots run high; regions R5..R9 are made just as high, the others low
    df.loc[df["r"].isin([f"R{i}" for i in range(10)]), "y"] += 8
    m = match_comparisons(df, SIM, k=5)
    assert set(m.loc[m["chosen"], "region"]) == {f"R{i}" for i in range(5, 10)}
    q = m.attrs["quality"]
    assert abs(q["after"]["level_gap"]) < abs(q["before"]["level_gap"])


def test_an_effect_on_p10_only_is_found_on_p10_and_not_the_mean():
    rng = np.random.default_rng(0)
    rows = []
    for i in range(30):
        for t in (2016, 2017, 2018, 2019):
            v = rng.lognormal(10, 0.5, 300)
            if i < 15 and t >= 2018:
                low = v < np.quantile(v, 0.2)
                v = v.copy()
                v[low] += 3000  # lift the bottom ...
                v[~low] -= 3000 * low.sum() / (~low).sum()  # ... paid for by the rest
            rows.append(pd.DataFrame({"r": f"R{i}", "t": t, "v": v, "g": 2018 if i < 15 else 0}))
    micro = pd.concat(rows)
    d = distributional(micro, Setup("v", "r", "t", first_treated="g"), "v", replicates=99)
    d = d.set_index("measure")
    assert d.loc["p10", "ci_low"] > 0
    assert d.loc["mean", "ci_low"] < 0 < d.loc["mean", "ci_high"]


@pytest.fixture(scope="module")
def demo():
    return pd.read_parquet(DEMO)


def test_demo_pilots_part_time_work_up_full_time_flat(demo):
    for method in ("did", "cs"):
        up = Setup("aandeel_deeltijdwerk", "gemeente", "jaar", flag="pilot", start=2018)
        flat = Setup("aandeel_voltijdwerk", "gemeente", "jaar", flag="pilot", start=2018)
        a = experiment(demo, up, method, bootstrap=199).iloc[0]
        b = experiment(demo, flat, method, bootstrap=199).iloc[0]
        assert a["ci_low"] > 0
        assert b["ci_low"] < 0 < b["ci_high"]
    assert cohorts(demo, up).gt(0).sum() == 11
    tr = arm_trends(
        demo,
        Setup(
            "aandeel_deeltijdwerk", "gemeente", "jaar", flag="pilot", start=2018, weight="inwoners"
        ),
    )
    assert set(tr["arm"]) == {"pilot", "comparison"} and tr["n_regions"].sum() == 60 * 11
    s = scale_up(
        a,
        demo,
        Setup(
            "aandeel_deeltijdwerk", "gemeente", "jaar", flag="pilot", start=2018, weight="inwoners"
        ),
    ).iloc[0]
    assert s["regions"] == 49 and s["extrapolation"]
    assert s["ci_low"] < s["estimate"] < s["ci_high"]


def test_few_pilots_and_staggered_starts_are_said():
    df = panel(pilots=3, effect=1.0)
    t = experiment(df, SIM, "did")
    said = " ".join(verdict(t, {"outcome": "y"}, "en"))
    assert "only 3 pilot regions" in said
    df.loc[df["r"] == "R0", "g"] = 2013
    t = experiment(df, SIM, "did")
    assert "two-way fixed effects" in " ".join(verdict(t, {}, "en"))


def test_bad_input_is_a_data_error_in_both_languages():
    df = panel()
    with pytest.raises(DataError, match="not have the same value"):
        bad = df.copy()
        bad.loc[(bad["r"] == "R0") & (bad["t"] == 2010), "g"] = 0
        cohorts(bad, SIM)
    with pytest.raises(DataError, match="not within the years") as err:
        bad = df.copy()
        bad.loc[bad["r"] == "R0", "g"] = 2030
        cohorts(bad, SIM)
    assert "ligt niet binnen" in err.value.text("nl")
    with pytest.raises(DataError, match="No comparison regions"):
        experiment(df.assign(g=2015), SIM, "did")
    with pytest.raises(DataError, match="not numeric"):
        experiment(df.assign(y="x"), SIM, "did")
    with pytest.raises(DataError, match="does not occur"):
        cohorts(df, Setup("y", "r", "t", pilots=("Nowhere",), start=2015))
    with pytest.raises(DataError, match="not yes/no"):
        cohorts(df.assign(f="maybe"), Setup("y", "r", "t", flag="f", start=2015))


def test_a_region_with_a_missing_year_is_left_out_and_said():
    df = panel(effect=1.0, seed=8)
    df = df[~((df["r"] == "R20") & (df["t"] == 2012))]
    t = experiment(df, SIM, "did", bootstrap=0)
    assert t.attrs["dropped"] == ["R20"]
    assert t["n_comparisons"].iloc[0] == 29


# ---- wording (issue 12's page): singular pilot, p-values as read, the scale-up note in lang ----


def _one_row(n_pilots=1):
    t = pd.DataFrame(
        [
            {
                "method": "did",
                "term": "att",
                "estimate": 1.0,
                "se": 0.1,
                "ci_low": 0.8,
                "ci_high": 1.2,
                "p_value": 0.0,
                "n_pilots": n_pilots,
            }
        ]
    )
    return t


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_pilot_region_is_singular(lang):
    words = " ".join(verdict(_one_row(1), {"outcome": "x", "n_pilots": 1}, lang))
    assert "1 pilotregio's" not in words and "1 pilot regions" not in words
    assert (
        "er is maar 1 pilotregio;" if lang == "nl" else "there is only 1 pilot region;"
    ) in words
    few = " ".join(verdict(_one_row(3), {"outcome": "x", "n_pilots": 3}, lang))
    assert ("maar 3 pilotregio's" if lang == "nl" else "only 3 pilot regions") in few


@pytest.mark.parametrize(("lang", "small"), [("nl", "< 0,001"), ("en", "< 0.001")])
def test_tiny_p_values_read_as_below_a_thousandth(lang, small):
    from indicators.analyses.experiments import format_p

    assert format_p(3.85e-13, lang) == small
    assert format_p(0.0412, lang) == ("0,0412" if lang == "nl" else "0.0412")
    words = " ".join(verdict(_one_row(20), {"outcome": "x", "pretrend_p": 3.85e-13}, lang))
    assert "e-13" not in words and f"p {small}" in words
    words = " ".join(verdict(_one_row(20), {"outcome": "x", "pretrend_p": 0.0412}, lang))
    assert "p = 0" in words


def test_the_scale_up_note_follows_the_language():
    demo = pd.read_parquet(DEMO)
    setup = Setup(
        "aandeel_deeltijdwerk", "gemeente", "jaar", first_treated="pilot_start", weight="inwoners"
    )
    row = {"estimate": 1.0, "ci_low": 0.5, "ci_high": 1.5}
    nl = scale_up(row, demo, setup, lang="nl")["note"].iloc[0]
    en = scale_up(row, demo, setup, lang="en")["note"].iloc[0]
    assert nl.startswith("Extrapolatie") and en.startswith("Extrapolation")
