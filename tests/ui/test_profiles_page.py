"""AppTest of the Profiles & index page on the demo data: convergence with its readings, a
region's profile with similar regions, and the composite index with its rank intervals."""

from __future__ import annotations

from apptest_helpers import array, charts_by_title, open_page

PAGE = "indicators/ui/profiles.py"


def _texts(at) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [c.value for c in at.caption]
        + [w.value for w in at.warning]
        + [i.value for i in at.info]
    ).replace("\\", "")  # markdown escapes of text from a file


def test_people_demo_shows_convergence_profile_and_index():
    at = open_page(PAGE, "en", state={"indicator": "income_mean"})
    said = _texts(at)
    assert "Most of the inequality of standardised disposable household income lies within" in said
    assert "The spread between regions (standard deviation of the log)" in said
    assert "beta = " in said and "12 regions" in said
    assert "Weights are value choices, not facts." in said
    assert "Weighted by the regions' population" in said
    charts = charts_by_title(at)
    titles = [t.replace("<br>", " ") for t in charts]
    assert any(
        t.startswith("Inequality of standardised disposable household income (Theil T)")
        for t in titles
    )
    assert any("spread between regions per year" in t for t in titles)
    assert any("growth 2014-2024 against the level in 2014" in t for t in titles)
    rank = next(spec for t, spec in charts.items() if t.startswith("Ranking in 2024"))
    assert "Ranking in 2024 (1 = best) with the 5th to 95th percentile under 1000" in titles[-1]
    points = rank["data"][1]
    assert sorted(array(points["x"]).astype(int)) == list(range(1, 13))
    # the table of the index: 12 provinces, ranks inside their intervals
    table = next(df.value for df in at.dataframe if "Rank p5" in df.value.columns)
    assert len(table) == 12
    assert (table["Rank p5"] <= table["Rank"]).all() and (table["Rank"] <= table["Rank p95"]).all()
    # the profile and its similar regions
    assert any("scores from 0 (worst region) to 10 (best region)" in t for t in titles)
    assert "**Similar regions**" in [m.value for m in at.markdown]
    assert "most alike in" in said
    assert not at.error


def test_a_weight_of_zero_changes_the_index_and_dutch_texts():
    at = open_page(PAGE, "nl")
    said = _texts(at)
    assert "Gewichten zijn waardekeuzes, geen feiten." in said
    assert "Het grootste deel van de ongelijkheid in" in said
    before = next(df.value for df in at.dataframe if "Rang p5" in df.value.columns)
    for slider in at.slider:
        if slider.key != "index_weight_health":
            slider.set_value(0.0)
    at.run()
    assert not at.exception and not at.error
    after = next(df.value for df in at.dataframe if "Rang p5" in df.value.columns)
    assert list(after.columns)[-1] == "Gezondheid" or "Gezondheid" in after.columns
    assert "Gezondheid 100,0%" in _texts(at)
    assert list(before["Regio"]) != list(after["Regio"])


def test_pilot_aggregates_demo():
    at = open_page(PAGE, "en", state={"demo": "pilot"})
    said = _texts(at)
    assert "No Theil split can be made" in said  # aggregates: no people within regions
    assert "The spread between regions" in said
    assert "There is only one dimension: weights cannot change the ranking." in said
    assert "Not in the profile (no direction" in said
    assert not at.error


def test_upload_of_a_statline_table():
    from apptest_helpers import ROOT

    data = (ROOT / "tests" / "data" / "statline_regionaal.csv").read_bytes()
    at = open_page(PAGE, "en", upload=("statline_regionaal.csv", data))
    said = _texts(at)
    # hand-computed: unemployment weighted by population (Bevolking_1); 2019 PV27 3.5 and
    # GM0344 3.2, 2020 GM0363 4.9 and GM0344 3.8: sd of the log 0.028 and 0.116, and in 2020
    # the bottom fifth of the people all in GM0344, the top fifth in GM0363: 4.9 / 3.8 = 1.29
    assert (
        "The spread between regions (standard deviation of the log) grew from 0.028 (2019) to "
        "0.116 (2020): the regions drifted apart." in said
    )
    assert "1.29 times that of the bottom fifth (2020" in said
    assert "Beta convergence needs two years and at least three regions" in said
    assert "No Theil split can be made" in said
    assert "Not in the profile (no spread to score" in said
    assert [s.label for s in at.slider] == ["Your own data"]  # one slider per index dimension
    assert not at.error
