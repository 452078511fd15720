"""The "Distribution versus average" page as users see it (Streamlit AppTest)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import apptest_helpers
import numpy as np
import pytest

from indicators.package_data import demo_file

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/distribution.py"


def decode(value):
    """Return plain lists from figure JSON (plotly writes numbers as base64 typed arrays)."""
    if isinstance(value, dict) and "bdata" in value:
        out = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return out.reshape(value["shape"]).tolist() if "shape" in value else out.tolist()
    if isinstance(value, dict):
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def charts(at):
    return [decode(json.loads(c.proto.spec)) for c in at.get("plotly_chart")]


def title(fig):
    return fig["layout"]["title"]["text"].replace("<br>", " ")


def open_page(lang="en", **state):
    return apptest_helpers.open_page(PAGE, lang, state=state)


@pytest.fixture(scope="module")
def demo():
    return open_page("en")


def test_sentence_names_the_same_mean_provinces(demo):
    sentence = demo.info[0].value
    assert sentence.startswith("Same mean life satisfaction (7.9) in Limburg and Utrecht")
    assert "score below 6" in sentence
    # the threshold input reads like the sentence: "Bottom: scores below" 6
    threshold = demo.number_input[0]
    assert (threshold.label, threshold.value) == ("Bottom: scores below", 6)
    # Limburg has more people at the bottom (data/README.md: 7.7% against 2.9% over all years)
    limburg, utrecht = (float(x.rstrip("%")) for x in sentence.split("but ")[1].split()[0:3:2])
    assert limburg > 2 * utrecht
    assert demo.multiselect[0].value[:2] == ["Limburg", "Utrecht"]


def test_charts_show_distribution_percentiles_and_ranks(demo, demo_people):
    main, profile, slope = charts(demo)
    assert title(main).startswith("Life satisfaction in 2024: distribution in Limburg, Utrecht")
    assert title(main).endswith("mean and median marked")
    bars = [t["name"] for t in main["data"] if t["type"] == "bar"]
    assert bars[:2] == ["Limburg", "Utrecht"]
    assert sum(t.get("name") == "Mean" for t in main["data"]) == len(bars)
    assert sum(t.get("name") == "Median" for t in main["data"]) == len(bars)
    assert "Share, weighted (%)" in json.dumps(main["layout"])
    assert "Life satisfaction (score 0-10)" in json.dumps(main["layout"])
    assert title(profile).startswith("Life satisfaction in 2024: P10, P25, median")
    assert profile["data"][-1]["name"] == "Mean"
    assert title(slope).startswith("Life satisfaction in 2024: rank by mean versus rank by")
    every_province = demo_people["provincie"].nunique()
    assert sum(t.get("yaxis") != "y2" for t in slope["data"]) == every_province
    # each province's name in full on both sides (tick labels that widen the margins)
    for axis in ("yaxis", "yaxis2"):
        shown = " ".join(slope["layout"][axis]["ticktext"]).replace("<br>", "")
        assert "Noord-Holland" in shown.replace("<b>", "").replace("</b>", "")
    assert any("Source: demo_people_synthetic.parquet" in c.value for c in demo.caption)


@pytest.mark.parametrize(("kind", "trace"), [("ecdf", "scatter"), ("violin", "violin")])
def test_switching_chart_type(kind, trace):
    at = open_page("en")
    at.segmented_control(key="chart").set_value(kind).run()
    assert not at.exception and not at.error
    main = charts(at)[0]
    types = {t["type"] for t in main["data"]}
    assert trace in types and "bar" not in types
    if kind == "ecdf":
        lines = [t for t in main["data"] if t.get("mode") == "lines"]
        assert lines[0]["line"]["shape"] == "hv" and lines[0]["y"][-1] == pytest.approx(100)
        assert "Share at or below this value" in json.dumps(main["layout"])
    else:
        assert any(
            "Violin shapes come from a weighted random sample" in c.value for c in at.caption
        )
        # a 0-10 score: the shapes tail off but stop at 0 and 10, and the caption says so
        violins = [t for t in main["data"] if t["type"] == "violin"]
        assert all(t["spanmode"] == "manual" for t in violins)
        assert all(t["span"][0] >= 0 and t["span"][1] <= 10 for t in violins)
        assert any("not past 0 and 10, the ends of the scale" in c.value for c in at.caption)


def test_dutch_sentence_has_a_decimal_comma():
    at = open_page("nl")
    sentence = at.info[0].value
    assert sentence.startswith("Zelfde gemiddelde levenstevredenheid (7,9) in Limburg en Utrecht")
    assert "tegenover" in sentence and "scoort onder 6" in sentence
    assert at.number_input[0].label == "Onderkant: scores onder"
    assert "," in sentence.split("maar ")[1].split("%")[0]
    assert title(charts(at)[0]).startswith("Levenstevredenheid in 2024: verdeling in")


def test_ordinal_answers_as_bars():
    at = open_page("en")
    at.selectbox(key="variable").set_value("happiness").run()
    assert not at.exception and not at.error
    main = charts(at)[0]
    assert title(main).startswith("Happiness in 2024: share of each answer in")
    assert main["data"][0]["x"] == [
        "very unhappy",
        "unhappy",
        "neither happy nor unhappy",
        "happy",
        "very happy",
    ]
    assert "answer 'unhappy' or lower" in at.info[0].value
    assert "Limburg" in at.info[0].value and "Utrecht" in at.info[0].value
    assert "chart" not in [w.key for w in at.segmented_control]  # no chart type here


def test_income_uses_the_poverty_line():
    at = open_page("en")
    at.selectbox(key="variable").set_value("income").run()
    assert not at.exception and not at.error
    threshold = at.number_input[0]
    assert 15_000 < threshold.value < 25_000
    assert threshold.label == "Bottom: values below (euro per year)"
    slope = charts(at)[-1]
    assert "rank by share who are below the poverty line of" in title(slope)  # not a "score"


def test_uploaded_csv():
    # two regions with mean 7.8, one of them with more people below 6
    rows = ["regio,levenstevredenheid"]
    for region, values in {
        "Noord": [4, 4, 8, 8, 8, 8, 9, 9, 10, 10] * 2,
        "Zuid": [6, 7, 7, 8, 8, 8, 8, 9, 9, 8] * 2,
        "West": [5, 5, 5, 6, 6, 6, 6, 6, 6, 6] * 2,
    }.items():
        rows += [f"{region},{v}" for v in values]
    data = ("\n".join(rows) + "\n").encode()
    at = open_page("en", upload={"name": "x.csv", "data": data, "digest": "abc", "sheet": None})
    # by hand: Noord 4 of 20 below 6, p = 0.2; a domain of the 60 rows (one stratum), linearized
    # u = (y - p) / 20 in Noord, 0 elsewhere: sum u^2 = 4 x 0.04^2 + 16 x 0.01^2 = 0.008, var =
    # 60/59 x 0.008, se = 0.0902; Zuid has no one below 6 (se 0); 0.2 -/+ 1.96 x 0.0902
    assert at.info[0].value == (
        "Same mean life satisfaction (7.8) in Noord and Zuid, but 20.0% versus 0.0% score below 6."
        " That is significantly more in Noord: 20.0 percentage points (95% interval of the "
        "difference: 2.3 to 37.7)."
    )
    main = charts(at)[0]
    assert [t["name"] for t in main["data"] if t["type"] == "bar"][:2] == ["Noord", "Zuid"]
    assert any("Unweighted" in c.value for c in at.caption)
    assert any("Source: x.csv" in c.value for c in at.caption)


def test_pilot_panel_distribution_of_municipalities(demo_pilot):
    at = open_page("en", demo="pilot")
    assert any("one row per region (column 'gemeente')" in c.value for c in at.caption)
    assert any("weighted by population (column 'inwoners')" in c.value for c in at.caption)
    main = charts(at)[0]
    assert [t["name"] for t in main["data"] if t["type"] == "bar"] == ["Total (all regions)"]
    assert at.info[0].value.startswith(
        "Total (all regions): mean benefit recipients in part-time work"
    )
    # one distribution across the regions: why there is no ranking, and how to get one
    assert any(
        "nothing to rank here" in i.value and "choose a higher region" in i.value for i in at.info
    )
    at.selectbox(key="dist_higher").set_value("provincie").run()
    assert not at.exception and not at.error
    assert len(at.multiselect[0].value) >= 2
    titles = [title(f) for f in charts(at)]
    assert any("rank by mean versus rank by P10" in t for t in titles)
    slope = charts(at)[-1]
    every_province = demo_pilot["provincie"].nunique()
    assert sum(t.get("yaxis") != "y2" for t in slope["data"]) == every_province


def test_dutch_caption_never_pluralises_a_column_name():
    # "de verdeling van de RegioSs": a column name with an "s" glued on
    rows = ["RegioS;Perioden;Bevolking;levenstevredenheid"]
    rows += [f"GM{i:04d};2023;{1000 * i};{6 + i / 10:.1f}".replace(".", ",") for i in range(1, 9)]
    data = ("\n".join(rows) + "\n").encode()
    upload = {"name": "regios.csv", "data": data, "digest": "regios", "sheet": None}
    at = open_page("nl", upload=upload)
    captions = [c.value for c in at.caption]
    assert any(
        "één rij per regio (kolom 'RegioS'), dus dit is de verdeling over de regio's" in c
        for c in captions
    ), captions
    assert not any("RegioSs" in c for c in captions)


GEMEENTEN = ROOT / "tests" / "browser" / "data" / "gemeenten.csv"


def upload_gemeenten():
    data = GEMEENTEN.read_bytes()
    return {"name": "gemeenten.csv", "data": data, "digest": "gemeenten", "sheet": None}


def test_small_cells_are_not_drawn_and_say_their_n():
    # 8 municipalities x 30 people a year, threshold 50: only the total (240) may be drawn
    at = open_page("en", upload=upload_gemeenten(), min_n=50)
    notes = [c.value for c in at.caption if c.value.startswith("Not shown:")]
    assert len(notes) == 1 and "Amsterdam (n = 30)" in notes[0]
    assert "hidden: fewer than 50 observations" in notes[0]
    for fig in charts(at):
        names = {t.get("name") for t in fig["data"]} | {title(fig)}
        assert not any("Amsterdam" in str(n) or "Rotterdam" in str(n) for n in names)
    sentences = [i.value for i in at.info]
    assert sentences[0].startswith("Total (all regions):")
    assert not any("Amsterdam" in s or "versus" in s for s in sentences)


def test_nothing_drawn_when_even_the_total_is_a_small_cell():
    at = open_page("nl", upload=upload_gemeenten(), min_n=1000)
    assert not charts(at)
    assert any("Niets te tonen" in i.value and "1000" in i.value for i in at.info)
    assert any("Amsterdam (n = 30)" in c.value for c in at.caption)


def test_demo_with_a_high_threshold_quotes_only_large_cells():
    at = open_page("en", min_n=1500)
    note = next(c.value for c in at.caption if c.value.startswith("Not shown:"))
    hidden = [part.split(" (n = ")[0] for part in note[len("Not shown: ") :].split(", ")]
    hidden = [h for h in hidden if h and h != "…"]
    assert hidden and "hidden: fewer than 1500 observations" in note
    main = charts(at)[0]
    drawn = {t["name"] for t in main["data"] if t["type"] == "bar"}
    assert drawn and not drawn & set(hidden)
    assert not any(h in at.info[0].value for h in hidden)
    table = at.dataframe[0].value
    small = table[table["suppressed"]]
    assert set(small["region"]) >= set(hidden[:3]) and small["mean"].isna().all()
    assert (small["observations"] < 1500).all()


def test_every_shown_region_tells_its_n(demo):
    import pandas as pd

    people = pd.read_parquet(demo_file("people"))
    year = people[(people["jaar"] == 2024) & people["levenstevredenheid"].notna()]
    n = year.groupby("provincie").size()
    note = next(c.value for c in demo.caption if c.value.startswith("Observations: "))
    for region in ("Limburg", "Utrecht"):
        assert f"{region} {n[region]:,}" in note


def test_numbers_show_their_intervals_and_the_rule(demo):
    assert not demo.exception and not demo.error
    table = demo.dataframe[0].value
    limburg = table.set_index("region").loc["Limburg"]
    assert limburg["mean"] == "7.9 (7.9 to 8.0)" and limburg["bottom"] == "7.2% (5.7% to 8.6%)"
    assert (table["observations"] > 0).all()
    captions = [c.value for c in demo.caption]
    assert any(c.startswith("In brackets: the 95% interval") for c in captions)
    assert any(c.startswith("A difference in the bottom is called significant") for c in captions)
    assert "That is significantly more in Limburg" in demo.info[0].value
    # the small cells of a high threshold: no number, no interval
    at = open_page("en", min_n=1500)
    table = at.dataframe[0].value
    hidden = table[table["suppressed"]]
    assert len(hidden) and hidden[["mean", "median", "bottom"]].isna().all().all()
    assert table[~table["suppressed"]]["mean"].str.contains(" to ").all()
