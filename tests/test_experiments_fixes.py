"""The defects fixed on the experiments core: one pilot region in the singular, p-values as
'< 0,001', the scale-up note in the user's language, the chosen comparison set on the command
line, and unweighted estimates said when a weight is given."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.analyses import experiments as ex
from indicators.cli import main

DEMO = (
    Path(__file__).resolve().parents[1]
    / "indicators/data/demo_pilot_municipalities_synthetic.parquet"
)


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = main(list(argv))
    return rc, out.getvalue(), err.getvalue()


def panel(n_pilots=1, n=12, seed=1):
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        base = rng.normal(10, 1)
        for y in range(2015, 2021):
            eff = 2.0 if i < n_pilots and y >= 2018 else 0.0
            rows.append({"r": f"R{i}", "y": y, "v": base + eff + rng.normal(0, 0.1), "w": 1000 + i})
    return pd.DataFrame(rows)


@pytest.mark.parametrize(
    ("lang", "want", "wrong"),
    [("nl", "maar 1 pilotregio;", "1 pilotregio's"), ("en", "only 1 pilot region;", "regions")],
)
def test_one_pilot_region_is_singular(lang, want, wrong):
    df = panel(1)
    setup = ex.Setup("v", "r", "y", pilots=("R0",), start=2018)
    table = ex.experiment(df, setup, "did", bootstrap=49)
    caveat = next(s for s in ex.verdict(table, {"outcome": "v"}, lang) if "1 pilot" in s)
    assert want in caveat and wrong not in caveat.split(";")[0]


def test_several_pilot_regions_stay_plural():
    df = panel(3)
    setup = ex.Setup("v", "r", "y", pilots=("R0", "R1", "R2"), start=2018)
    table = ex.experiment(df, setup, "did", bootstrap=49)
    assert any("maar 3 pilotregio's" in s for s in ex.verdict(table, {}, "nl"))


@pytest.mark.parametrize(
    ("p", "lang", "shown"),
    [(3.85e-13, "nl", "< 0,001"), (3.85e-13, "en", "< 0.001"), (0.0412, "nl", "0,0412")],
)
def test_p_values_read_as_people_read_them(p, lang, shown):
    assert ex.format_p(p, lang) == shown


def test_pretrend_caveat_has_no_exponent():
    table = pd.DataFrame(
        [
            {"method": "event", "term": "event:0", "estimate": 1, "ci_low": 0.5, "ci_high": 1.5},
            {"method": "event", "term": "pretrend", "estimate": 80, "p_value": 3.85e-13},
        ]
    )
    text = " ".join(ex.verdict(table, {"n_pilots": 11, "post_years": 5}, "nl"))
    assert "p < 0,001" in text and "e-13" not in text


def test_scale_up_note_follows_the_language():
    df = panel(3)
    setup = ex.Setup("v", "r", "y", pilots=("R0", "R1", "R2"), start=2018, weight="w")
    row = pd.Series({"estimate": 2.0, "ci_low": 1.0, "ci_high": 3.0})
    nl = ex.scale_up(row, df, setup, lang="nl").iloc[0]
    en = ex.scale_up(row, df, setup, lang="en").iloc[0]
    assert nl["note"].startswith("Extrapolatie") and en["note"].startswith("Extrapolation")
    assert nl["population"] == sum(1000 + i for i in range(3, 12))


def _demo_args(*extra):
    return (
        "experiment",
        str(DEMO),
        "--outcome",
        "aandeel_deeltijdwerk",
        "--region",
        "gemeente",
        "--year",
        "jaar",
        "--flag",
        "pilot",
        "--start",
        "2018",
        "--method",
        "did",
        "--bootstrap",
        "49",
        *extra,
    )


def test_chosen_comparison_set_on_the_command_line():
    demo = pd.read_parquet(DEMO)
    others = list(demo.loc[demo["pilot"] == "nee", "gemeente"].unique()[:7])
    rc, out, _ = run(*_demo_args("--comparison", ",".join(others)))
    assert rc == 0
    row = pd.read_csv(io.StringIO(out)).iloc[0]
    assert row["n_comparisons"] == 7 and row["n_pilots"] == 11
    assert list(pd.read_csv(io.StringIO(out)).columns[:7]) == ex.COLUMNS


def test_an_unknown_comparison_region_is_an_error_naming_it():
    rc, _, err = run(*_demo_args("--comparison", "Atlantis", "--lang", "en"))
    assert rc != 0 and "Atlantis" in err and "Comparison region" in err


def test_a_weight_says_the_estimates_are_unweighted():
    rc, _, err = run(*_demo_args("--weight", "inwoners", "--lang", "en"))
    assert rc == 0 and "counts every region equally" in err and "inwoners" in err


def test_microdata_region_year_means_use_the_survey_weight():
    """Defect: on microdata the region-year values were plain means of the rows, the survey
    weight ignored. Each person duplicated by weight 2 and weight 1 give the same panel."""
    rng = np.random.default_rng(5)
    rows = []
    for r in [f"R{i}" for i in range(8)]:
        for y in range(2015, 2021):
            for _ in range(6):
                w = int(rng.integers(1, 4))
                rows.append({"r": r, "y": y, "v": float(rng.normal(10, 2)), "w": float(w)})
    micro = pd.DataFrame(rows)
    copies = micro.loc[micro.index.repeat(micro["w"].astype(int))].assign(w=1.0)
    setup = ex.Setup("v", "r", "y", pilots=("R0", "R1", "R2"), start=2018, weight="w")
    a = ex.experiment(micro, setup, "did", bootstrap=49)
    b = ex.experiment(copies, setup, "did", bootstrap=49)
    np.testing.assert_allclose(a["estimate"], b["estimate"], rtol=1e-12)
    unweighted = ex.experiment(
        micro, ex.Setup("v", "r", "y", pilots=("R0", "R1", "R2"), start=2018), "did", bootstrap=49
    )
    assert abs(unweighted["estimate"].iloc[0] - a["estimate"].iloc[0]) > 1e-6
