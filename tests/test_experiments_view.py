"""The Experiments view without Streamlit: the demo pilot panel's result, the event study, the
CSV download (CSV-injection safe), info notes for data that cannot hold an experiment, and the
distributional effect on microdata."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.views import experiments as V
from indicators.views.blocks import Download, Text

DEMO = (
    Path(__file__).resolve().parents[1]
    / "indicators/data/demo_pilot_municipalities_synthetic.parquet"
)


@pytest.fixture(scope="module")
def demo():
    return pd.read_parquet(DEMO)


def choices(**kw):
    base = {
        "outcome": "aandeel_deeltijdwerk",
        "region": "gemeente",
        "year": "jaar",
        "first_treated": "pilot_start",
        "weight": "bijstandsontvangers",
    }
    return V.Choices(**{**base, **kw})


def label(c):
    return {"aandeel_deeltijdwerk": "Part-time (%)", "bijstandsontvangers": "Recipients"}.get(c, c)


def test_the_view_needs_no_streamlit():
    code = (
        "import sys, pandas as pd; from indicators.views import experiments as V; "
        f"d = pd.read_parquet({str(DEMO)!r}); "
        "V.experiments_view(d, V.Choices('aandeel_deeltijdwerk', 'gemeente', 'jaar', "
        "first_treated='pilot_start'), lang='en', source='x', bootstrap=9); "
        "assert 'streamlit' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_demo_part_time_effect_and_its_table(demo):
    view = V.experiments_view(demo, choices(), lang="en", source="demo", label=label, bootstrap=99)
    words = "\n".join(view.texts())
    assert "Part-time \\(%\\): +1.89" in words
    assert "95% interval 1.59 to 2.19" in words
    terms = view.tables()[0]
    assert list(terms.columns) == V.TERMS
    assert terms.loc[0, "estimate"] == "1.8911"
    down = next(b for b in view.walk() if isinstance(b, Download))
    assert down.file_name == "experiment_aandeel_deeltijdwerk_did.csv"
    # the scale-up counts recipients: effect / 100 x recipients of the comparison regions
    last = demo[(demo["jaar"] == 2024) & demo["pilot_start"].isna()]["bijstandsontvangers"].sum()
    people = f"{1.891118 / 100 * last:,.0f}"
    assert people in words and "extrapolation" in words


def test_full_time_work_is_flat(demo):
    view = V.experiments_view(
        demo, choices(outcome="aandeel_voltijdwerk"), lang="nl", source="demo", bootstrap=99
    )
    notes = [b for b in view.walk() if isinstance(b, Text) and b.tone == "info"]
    assert any("Het interval bevat nul" in b.text for b in notes)
    row = V.headline_row(
        __import__("indicators.analyses.experiments", fromlist=["x"]).experiment(
            demo, choices(outcome="aandeel_voltijdwerk").setup("demo"), "did", bootstrap=9
        )
    )
    assert abs(row["estimate"]) < 0.05 and row["ci_low"] < 0 < row["ci_high"]


def test_event_study_has_its_chart_and_pretrend_sentence(demo):
    view = V.experiments_view(demo, choices(method="event"), lang="en", source="demo")
    assert len(view.charts()) == 2
    ev = view.charts()[1]
    xs = list(ev.data[0].x)
    assert xs == sorted(xs) and -1 in xs
    assert ev.data[0].y[xs.index(-1)] == 0
    assert any(t.startswith("Pre-trend test") for t in view.texts())
    assert "terms" not in view.texts()


def test_the_csv_download_is_safe_against_formulas(demo):
    d = demo.copy()
    d["gemeente"] = d["gemeente"].where(d["gemeente"] != "Groningen", "=HYPERLINK(1)")
    view = V.experiments_view(d, choices(), lang="en", source="demo", bootstrap=9)
    down = next(b for b in view.walk() if isinstance(b, Download))
    assert b"\n=" not in down.data and b",=" not in down.data


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_data_that_cannot_hold_an_experiment_gets_an_info_note(demo, lang):
    no_year = V.experiments_view(
        demo.drop(columns=["jaar"]), choices(), lang=lang, source="x", bootstrap=9
    )
    one = V.experiments_view(demo[demo["jaar"] == 2020], choices(), lang=lang, source="x")
    none = V.experiments_view(
        demo.assign(pilot_start=pd.NA), choices(), lang=lang, source="x", bootstrap=9
    )
    for view in (no_year, one, none):
        assert [b.tone for b in view.blocks] == ["info"]
    assert ("2020" in one.blocks[0].text) and (
        ("jaarkolom" if lang == "nl" else "year column") in no_year.blocks[0].text
    )


def test_pilot_columns_are_found(demo):
    assert V.start_columns(demo, "gemeente", "jaar") == ["pilot_start"]
    assert V.flag_columns(demo, "gemeente", "jaar") == ["pilot"]
    assert "aandeel_deeltijdwerk" in V.outcome_columns(demo, "gemeente", "jaar")


def test_microdata_gets_the_distributional_effect():
    rng = np.random.default_rng(1)
    rows = []
    for r in range(16):
        for year in (2019, 2020, 2021, 2022):
            treated = r < 6 and year >= 2021
            v = rng.normal(100, 10, 40) + (8 * (rng.random(40) < 0.5) if treated else 0)
            rows += [{"r": f"R{r}", "y": year, "v": x, "g": 2021 if r < 6 else 0} for x in v]
    micro = pd.DataFrame(rows)
    c = V.Choices(outcome="v", region="r", year="y", first_treated="g")
    view = V.experiments_view(micro, c, lang="en", source="m", microdata=True, bootstrap=9)
    dist = view.tables()[-1]
    assert list(dist.iloc[:, 0]) == ["P10", "Median", "P90", "Mean", "Share below the threshold"]
    assert "For whom? Effect on the distribution" in view.texts()
