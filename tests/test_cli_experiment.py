"""`python -m indicators experiment`: the tidy CSV, R did's numbers via the command line and
errors a user can act on."""

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd
import pytest

from indicators.cli import main

MPDTA = Path(__file__).resolve().parents[2] / "shared" / "data" / "mpdta.csv"
DEMO = (
    Path(__file__).resolve().parents[1]
    / "indicators/data/demo_pilot_municipalities_synthetic.parquet"
)


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = main(list(argv))
    return rc, out.getvalue(), err.getvalue()


@pytest.mark.skipif(not MPDTA.exists(), reason="mpdta.csv not on this machine")
def test_mpdta_through_the_command_line(tmp_path):
    target = tmp_path / "cs.csv"
    rc, _, _ = run(
        "experiment",
        str(MPDTA),
        "--outcome",
        "lemp",
        "--region",
        "countyreal",
        "--year",
        "year",
        "--first-treated",
        "first.treat",
        "--out",
        str(target),
    )
    assert rc == 0
    t = pd.read_csv(target).set_index("term")
    assert {"method", "estimate", "se", "ci_low", "ci_high", "p_value"} <= set(t.reset_index())
    assert t.loc["simple", "estimate"] == pytest.approx(-0.0399513, abs=1e-6)
    assert t.loc["simple", "se"] == pytest.approx(0.0120340, rel=0.01)
    assert t.loc["dynamic:2", "estimate"] == pytest.approx(-0.1372587, abs=1e-6)
    assert t.loc["att_gt:2004:2004", "se"] == pytest.approx(0.0232510, rel=0.01)


def test_pilots_by_name_with_the_2x2(tmp_path):
    demo = pd.read_parquet(DEMO)
    pilots = ",".join(demo.loc[demo["pilot"] == "ja", "gemeente"].unique())
    rc, out, _ = run(
        "experiment",
        str(DEMO),
        "--outcome",
        "aandeel_deeltijdwerk",
        "--region",
        "gemeente",
        "--year",
        "jaar",
        "--pilot",
        pilots,
        "--start",
        "2018",
        "--method",
        "did",
        "--bootstrap",
        "99",
        "--ci",
        "0.9",
    )
    assert rc == 0
    row = pd.read_csv(io.StringIO(out)).iloc[0]
    assert row["term"] == "att" and row["ci_low"] > 0 and row["n_pilots"] == 11


def test_an_unknown_pilot_is_an_error_in_dutch():
    rc, _, err = run(
        "experiment",
        str(DEMO),
        "--outcome",
        "aandeel_deeltijdwerk",
        "--region",
        "gemeente",
        "--year",
        "jaar",
        "--pilot",
        "Atlantis",
        "--start",
        "2018",
        "--lang",
        "nl",
    )
    assert rc == 2 and "Atlantis" in err and "komt niet voor" in err


def test_a_pilot_without_start_year_is_an_error():
    rc, _, err = run(
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
    )
    assert rc == 2 and "start" in err


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "were left out"), ("nl", "buiten de berekening gelaten")]
)
def test_a_region_left_out_of_the_panel_is_said(tmp_path, lang, words):
    """A region without a value in every year cannot enter the panel: the command says which
    (before, it was left out silently)."""
    df = pd.read_parquet(DEMO)
    gap = (df["gemeente"] == "Zwolle") & (df["jaar"] == 2016)
    assert gap.any()
    path = tmp_path / "gaten.csv"
    df[~gap].to_csv(path, index=False)
    rc, out, err = run(
        "experiment", str(path), "--outcome", "aandeel_deeltijdwerk", "--region", "gemeente",
        "--year", "jaar", "--flag", "pilot", "--start", "2018", "--method", "did",
        "--bootstrap", "0", "--lang", lang,
    )  # fmt: skip
    assert rc == 0
    assert words in err and "Zwolle" in err and "1 " in err
    assert "method,term" in out
