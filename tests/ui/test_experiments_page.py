"""AppTest of the Experiments page: the demo pilot panel at once (part-time work up, full-time
work flat), the event study, a flag column on an uploaded panel, Dutch and English, and data
without years said in a note, never an error."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from apptest_helpers import ROOT, array, charts_by_title, open_page

PAGE = "indicators/ui/experiments.py"
DEMO = ROOT / "indicators/data/demo_pilot_municipalities_synthetic.parquet"


def run_page(lang="en", upload=None, state=None):
    return open_page(PAGE, lang, upload, state=state)


def shown(at) -> str:
    """Every sentence on the page: markdown, captions and notes."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [n.value for n in (*at.info, *at.success, *at.warning)]
    return "\n".join(parts)


def ok(at):
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


def test_demo_part_time_work_rises_with_an_interval_above_zero():
    at = run_page("en")
    assert at.title[0].value == "Experiments"
    assert at.selectbox(key="exp_outcome").value == "aandeel_deeltijdwerk"
    assert at.selectbox(key="exp_method").value == "did"
    words = shown(at)
    assert "+1.89" in words
    assert "95% interval 1.59 to 2.19" in words
    assert "11 pilots, 49 comparisons; wild cluster bootstrap p" in words
    assert any("a clear effect" in s.value for s in at.success)
    assert any("mean of pilots and comparison regions" in t.lower() for t in charts_by_title(at))
    assert "extrapolation" in words
    table = at.dataframe[0].value
    assert list(table.columns) == [
        "method",
        "term",
        "estimate",
        "se",
        "ci_low",
        "ci_high",
        "p_value",
    ]
    assert table.loc[0, "term"] == "att" and table.loc[0, "p_value"] == "< 0.001"
    assert at.get("download_button")


def test_demo_full_time_work_is_flat():
    at = run_page("en")
    at.selectbox(key="exp_outcome").set_value("aandeel_voltijdwerk").run()
    ok(at)
    words = shown(at)
    assert "+0.01" in words or "+0.00" in words
    assert "The interval contains zero: an effect is not shown." in words
    assert not at.success


def test_switching_to_the_event_study_shows_the_event_chart_and_pretrend_test():
    at = run_page("en")
    assert not any("effect by year" in t.lower() for t in charts_by_title(at))
    at.selectbox(key="exp_method").set_value("event").run()
    ok(at)
    titles = charts_by_title(at)
    event = next(spec for t, spec in titles.items() if "effect by year" in t.lower())
    xs = [x for d in event["data"] if "x" in d for x in array(d["x"])]
    assert -1 in xs and 0 in xs
    assert "Pre-trend test" in shown(at)


def test_dutch_page():
    at = run_page("nl")
    assert at.title[0].value == "Experimenten"
    words = shown(at)
    assert "+1,89" in words and "95%-interval 1,59 tot 2,19" in words
    assert "een duidelijk effect" in words
    assert at.dataframe[0].value.loc[0, "p_value"] == "< 0,001"


def _panel_csv(drop=("pilot_start",)) -> bytes:
    demo = pd.read_parquet(DEMO).drop(columns=list(drop))
    buf = io.StringIO()
    demo.to_csv(buf, index=False)
    return buf.getvalue().encode()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_flag_column_on_an_uploaded_panel(lang):
    data = _panel_csv()
    at = run_page(lang, upload=("panel.csv", data), state={"exp_data": "upload"})
    # no first-year column in this file: the flag column and a start year
    assert at.selectbox(key="exp_flag").value == "pilot"
    at.selectbox(key="exp_start").set_value(2018).run()
    ok(at)
    words = shown(at)
    assert ("+1.89" if lang == "en" else "+1,89") in words
    assert "panel.csv" in words and ("11 pilots" if lang == "en" else "11 pilotregio's") in words


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_file_without_years_says_so(lang):
    demo = pd.read_parquet(DEMO)
    one = demo[demo["jaar"] == 2024].drop(columns=["jaar", "pilot_start"])
    data = one.to_csv(index=False).encode()
    at = run_page(lang, upload=("no_years.csv", data), state={"exp_data": "upload"})
    assert at.info
    assert ("no year column" if lang == "en" else "geen jaarkolom") in at.info[0].value
    assert not at.get("plotly_chart")


def test_pilots_chosen_by_hand_need_names_first():
    at = run_page("en", state={"exp_pilots_by": "list"})
    assert "Choose one or more pilot regions" in shown(at)
    at.multiselect(key="exp_pilots").set_value(["Groningen"]).run()
    ok(at)
    words = shown(at)
    assert "1 pilots" not in words and "there is only 1 pilot region;" in words
    assert "; 1 pilot, 59 comparisons" in words


def test_the_dutch_table_writes_decimal_commas():
    at = run_page("nl")
    table = at.dataframe[0].value
    assert table.loc[0, "estimate"] == "1,8911" and table.loc[0, "ci_low"] == "1,5886"


def test_microdata_shows_the_effect_on_the_distribution():
    data = (ROOT / "indicators/data/demo_people_synthetic.parquet").read_bytes()
    at = run_page("en", upload=("people.parquet", data), state={"exp_data": "upload"})
    assert at.selectbox(key="exp_pilots_by").value == "list"  # no pilot column in this file
    assert at.selectbox(key="exp_weight").value == "gewicht"  # the survey weight
    at.multiselect(key="exp_pilots").set_value(["Groningen", "Drenthe", "Fryslân"])
    at.selectbox(key="exp_start").set_value(2020).run()
    ok(at)
    words = shown(at)
    assert "3 pilots, 9 comparisons" in words and "only 3 pilot regions" in words
    assert any(h.value == "For whom? Effect on the distribution" for h in at.subheader)
    measures = at.table[-1].value.iloc[:, 0].tolist()
    assert measures == ["P10", "Median", "P90", "Mean", "Share below the threshold"]
    assert "no number of people per region" in words
