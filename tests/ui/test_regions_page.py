"""AppTest of the Regions page: tile map, GeoJSON map, ranked bars, spread between regions."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from apptest_helpers import array, charts_by_title, mapping_state, open_page

from indicators.analyses import spread
from indicators.registry import catalog

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/regions.py"


def run_page(lang="en", upload=None, query=None, state=None):
    return open_page(PAGE, lang, upload, query, state)


def test_demo_tile_map_ranked_bars_and_spread(reg, demo_results, provinces):
    results = demo_results
    at = run_page()
    assert at.title[0].value == "Regions"
    assert [s.value for s in at.subheader] == ["Map", "Ranking", "Spread between regions"]
    figs = charts_by_title(at)
    tile = figs["Average life satisfaction by province, 2024"]
    names = [a["text"].split("<br>")[0] for a in tile["layout"]["annotations"]]
    assert len(names) == len(provinces) and "<b>Limburg</b>" in names and "<b>Fryslân</b>" in names
    z = array(tile["data"][1]["z"])
    rows = results.query("year == 2024 and indicator == 'life_satisfaction_mean'")
    value = rows.set_index("region")["value"]
    limburg_tile = provinces.set_index("name").loc["Limburg"]
    assert z[limburg_tile["row"], limburg_tile["col"]] == pytest.approx(value["Limburg"])
    # the provinces lie close together: two decimals on the tiles, not the usual one
    limburg = next(a["text"] for a in tile["layout"]["annotations"] if "Limburg" in a["text"])
    assert limburg == f"<b>Limburg</b><br>{value['Limburg']:.2f}"
    assert tile["data"][1]["colorbar"]["tickformat"] == ",.2f"
    regions = value.drop("Total")
    low, high = regions.idxmin(), regions.idxmax()
    assert (
        f"Light is the lowest value ({low}: {regions[low]:.2f}), dark the highest "
        f"({high}: {regions[high]:.2f})." in [md.value for md in at.markdown]
    )
    assert at.info[0].value.startswith(
        f"The colours span only {regions[low]:.2f} to {regions[high]:.2f}: the differences "
        "between provinces are small."
    )
    # a mean: dots with 95% intervals on an axis zoomed to the data, not bars from 0
    dots = figs["Average life satisfaction by region, 2024 (best at the top, with 95% intervals)"]
    dot = dots["data"][0]
    assert dot["type"] == "scatter" and dot["mode"] == "markers"
    assert len(dot["y"]) == len(regions) and dot["y"][0] == high
    assert array(dot["error_x"]["array"])[0] > 0  # standard errors of the mean
    lo, hi = dots["layout"]["xaxis"]["range"]
    assert 7 < lo < regions.min() and regions.max() < hi < 9
    assert dots["layout"]["shapes"][0]["x0"] == pytest.approx(value["Total"])
    assert dots["layout"]["xaxis"]["title"]["text"] == "score 0-10"
    assert any("does not start at 0" in c.value for c in at.caption)
    table = at.table[0].value
    assert list(table.iloc[:, 0]) == [
        "Highest/lowest ratio",
        "Coefficient of variation",
        "Gini across regions",
        "Theil across regions",
    ]
    expected = spread.disparities(results, "life_satisfaction_mean", 2024)
    assert table.iloc[0, 1] == catalog.format_number(expected["ratio"], 2, "en")
    assert table.iloc[1, 1] == spread.readable_index(expected["cv"], "en")
    assert table.iloc[3, 1] == "< 0.001"  # Theil: tiny, said plainly
    assert table.iloc[3, 2].endswith("Here: close to 0, so regions hardly differ.")
    assert "Here: regions lie on average about" in table.iloc[1, 2]
    assert "demo data, synthetic" in " ".join(c.value for c in at.caption)


def test_a_share_spread_is_also_said_in_percentage_points(reg, demo_results):
    results = demo_results
    at = run_page(state={"indicator": "income_poverty_rate"})
    d = spread.disparities(results, "income_poverty_rate", 2024)
    pp = catalog.format_number(d["cv"] * d["mean"] * 100, 1, "en")
    cv_row = at.table[0].value.iloc[1, 2]
    pct = spread.percent_words(d["cv"], "en")
    assert f"Here: regions lie on average {pct} (about {pp} percentage points)" in cv_row
    tiles = charts_by_title(at)["At-risk-of-poverty rate by province, 2024"]
    assert tiles["data"][1]["colorbar"]["tickformat"].endswith("%")  # 22.0%, as the tiles


def test_shared_link_highlights_region_and_picks_year():
    at = run_page(query={"region": "Limburg", "year": "2020"})
    picker = at.selectbox(key="region")
    assert picker.value == "Limburg" and picker.label == "Region"
    assert picker.help.startswith("Highlights this region: an orange outline on the map")
    figs = charts_by_title(at)
    title = "Average life satisfaction by region, 2020 (best at the top, with 95% intervals)"
    dot = figs[title]["data"][0]
    colours = dict(zip(dot["y"], dot["marker"]["color"], strict=True))
    assert colours["Limburg"] == "#E69F00" and colours["Utrecht"] == "#0072B2"
    tile = figs["Average life satisfaction by province, 2020"]
    (outline,) = tile["layout"]["shapes"]  # Limburg outlined on the map (row 4, col 2)
    assert outline["line"]["color"] == "#E69F00" and outline["x0"] + outline["x1"] == 4


def test_total_highlights_nothing():
    at = run_page(query={"region": "Total"})
    figs = charts_by_title(at)
    tile = next(v for k, v in figs.items() if "by province" in k)
    assert not tile["layout"].get("shapes")
    dot = next(v for k, v in figs.items() if "by region" in k)["data"][0]
    assert set(dot["marker"]["color"]) == {"#0072B2"}


def test_indicator_chosen_in_session_share_has_error_bars():
    at = run_page(state={"indicator": "lonely_share"})
    figs = charts_by_title(at)
    assert "Share lonely by province, 2024" in figs or any("by province" in k for k in figs)
    # a share: bars from 0 (parts of a whole), with intervals
    bars = figs["Share lonely by region, 2024 (best at the top)"]
    assert bars["data"][0]["type"] == "bar"
    assert array(bars["data"][0]["error_x"]["array"])[0] > 0
    assert bars["data"][0]["text"][0].endswith("%")
    assert bars["layout"]["xaxis"]["rangemode"] == "tozero"
    assert bars["layout"]["xaxis"]["tickformat"].endswith("%")


def test_dutch_texts():
    at = run_page(lang="nl")
    assert at.title[0].value == "Regio's"
    assert [s.value for s in at.subheader] == ["Kaart", "Rangorde", "Spreiding tussen regio's"]
    figs = charts_by_title(at)
    tile = figs["Gemiddelde levenstevredenheid per provincie, 2024"]
    assert all("," in a["text"] for a in tile["layout"]["annotations"])  # 7,94
    assert (
        "Gemiddelde levenstevredenheid per regio, 2024 (beste bovenaan, met 95%-intervallen)"
        in (figs)
    )
    assert at.info[0].value.startswith("De kleuren beslaan alleen")
    assert any(md.value.startswith("Licht is de laagste waarde") for md in at.markdown)
    assert at.selectbox(key="region").help.startswith("Markeert deze regio")
    table = at.table[0].value
    assert list(table.iloc[:, 0])[0] == "Verhouding hoogste/laagste"
    assert table.iloc[3, 1] == "< 0,001" and "," in table.iloc[1, 1]
    assert "regio's verschillen nauwelijks" in table.iloc[3, 2]


def test_pilot_municipalities_no_tile_map_top_and_bottom():
    at = run_page(state={"demo": "pilot"})
    assert any("not provinces" in i.value for i in at.info)
    figs = charts_by_title(at)
    assert not any("by province" in k for k in figs)
    bars = next(v for k, v in figs.items() if "by region" in k)
    assert len(bars["data"][0]["y"]) == 30
    assert bars["data"][0].get("error_x", {}).get("array") is None  # aggregates: no SE
    assert any("only the best 15 and the worst 15" in c.value for c in at.caption)
    assert any("weight column (inwoners)" in c.value for c in at.caption)


def square(x, y):
    return [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]]


def geojson_bytes(names) -> bytes:
    features = [
        {
            "type": "Feature",
            "properties": {"code": f"X{i}", "naam": name},
            "geometry": {"type": "Polygon", "coordinates": square(4 + 0.2 * i, 52)},
        }
        for i, name in enumerate(names)
    ]
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def test_uploaded_geojson_choropleth_and_mismatch_message():
    at = run_page(state={"demo": "pilot"})
    uploader = at.get("file_uploader")[0]
    uploader.set_value(
        (
            "gemeenten.geojson",
            geojson_bytes(["Amsterdam", "Utrecht", "Nergenshuizen"]),
            "application/geo+json",
        )
    ).run()
    assert not at.exception
    assert at.selectbox(key="geojson_property").value == "naam"
    figs = charts_by_title(at)
    chart = next(v for k, v in figs.items() if k == "Benefit recipients in part-time work, 2024")
    assert chart["data"][0]["type"] == "choroplethmap"
    assert sorted(chart["data"][0]["locations"]) == ["Amsterdam", "Utrecht"]
    assert chart["layout"]["map"]["style"] == "white-bg"
    assert any("58 of the 60 regions are not on the map" in c.value for c in at.caption)
    at.selectbox(key="geojson_property").set_value("code").run()
    assert not at.exception
    warning = at.warning[0].value
    assert "No area on the map matches" in warning and "'X0'" in warning and "'Almere'" in warning


def test_bad_geojson_gets_a_message():
    at = run_page(state={"demo": "pilot"})
    at.get("file_uploader")[0].set_value(("kaart.json", b"{nope", "application/json")).run()
    assert not at.exception
    assert "cannot be read as JSON" in at.error[0].value


def test_uploaded_csv_with_province_codes():
    lines = ["provincie_code,levenstevredenheid"]
    for i, code in enumerate(["PV20", "PV21", "PV22", "PV23"]):
        lines += [f"{code},{5 + i + (j % 3)}" for j in range(12)]  # scores on the 0-10 scale
    at = run_page(upload=("codes.csv", ("\n".join(lines) + "\n").encode()))
    figs = charts_by_title(at)
    tile = next(v for k, v in figs.items() if "by province" in k)
    z = array(tile["data"][1]["z"])
    assert np.isfinite(z).sum() == 4 and z[0, 2] == pytest.approx(6.0)  # PV20 Groningen
    assert any("codes.csv" in c.value for c in at.caption)


STATLINE = ROOT / "tests" / "data" / "statline_regionaal.csv"


def test_statline_dot_is_missing_not_hidden():
    # aggregates: the small-cell rule does not apply; StatLine's "x" is a value not in the file
    from indicators.dataset.mapping import Mapping

    mapping = Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    )
    at = run_page(
        upload=(STATLINE.name, STATLINE.read_bytes()),
        query={"year": "2020"},
        state=mapping_state(STATLINE.read_bytes(), mapping),
    )
    notes = [c.value for c in at.caption if "without a value" in c.value]
    assert len(notes) == 1 and "no value in the file" in notes[0], notes
    assert "fewer than" not in notes[0] and "observations" not in notes[0]


def test_hidden_regions_say_why_with_their_n():
    data = (ROOT / "tests" / "browser" / "data" / "gemeenten.csv").read_bytes()
    at = run_page(upload=("gemeenten.csv", data), state={"min_n": 50})
    notes = [c.value for c in at.caption if "without a value" in c.value]
    assert notes and "Amsterdam (n = 30)" in notes[0]
    assert "hidden: fewer than 50 observations" in notes[0]
    # no region has a value: no empty ranking chart, but a sentence saying so
    assert not any("by region" in name for name in charts_by_title(at))
    assert any("nothing to rank" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_ranked_values_tell_their_n_on_hover(reg, demo_results, lang):
    results = demo_results
    at = run_page(lang)
    rank = next(f for t, f in charts_by_title(at).items() if "2024" in t and "95%" in t)
    dot = rank["data"][0]
    rows = results.query("year == 2024 and indicator == 'life_satisfaction_mean'")
    n = rows.set_index("region")["n"]
    top = dot["y"][0]
    sep = "." if lang == "nl" else ","
    expected = f"n = {n[top] // 1000}{sep}{n[top] % 1000:03d}"
    assert dot["customdata"][0] == expected and "%{customdata}" in dot["hovertemplate"]


def test_own_indicator_without_a_better_direction_is_ranked_highest_first():
    # an aggregate column ("Bijstand (aantal)") has no better direction: not "best at the top"
    lines = ["gemeente;jaar;inwoners;Bijstand (aantal)"]
    for i, name in enumerate(("Amsterdam", "Utrecht", "Zwolle", "Breda")):
        lines += [
            f"{name};{year};{10000 * (i + 1)};{100 * (4 - i) + year - 2020}"
            for year in (2020, 2021)
        ]
    at = run_page(upload=("bijstand.csv", ("\n".join(lines) + "\n").encode()))
    title = next(k for k in charts_by_title(at) if "Bijstand (aantal)" in k)
    assert "highest at the top" in title and "best" not in title
    chart = charts_by_title(at)[title]
    names = list(chart["data"][0]["y"])
    assert names[0] == "Amsterdam"  # the highest value on top


def test_ranking_hover_shows_the_interval_and_two_regions_get_a_verdict(demo_results):
    at = run_page(query={"region": "Noord-Holland", "compare": "Fryslân"})
    picker = at.selectbox(key="compare")
    assert picker.value == "Fryslân" and picker.label == "Compare with"
    title = "Average life satisfaction by region, 2024 (best at the top, with 95% intervals)"
    dot = charts_by_title(at)[title]["data"][0]
    assert (
        dot["hovertext"][0].startswith("95% interval: ")
        and "%{hovertext}" in (dot["hovertemplate"])
    )
    assert any("linearized standard error" in c.value for c in at.caption)
    (sentence,) = [md.value for md in at.markdown if " against " in md.value]
    assert sentence.startswith("**Noord-Holland** (")
    assert "(95% interval +" in sentence
    assert "Noord-Holland is **significantly higher** than Fryslân" in sentence
    assert at.get("download_button")
    nl = run_page(lang="nl", query={"region": "Noord-Holland", "compare": "Fryslân"})
    (zin,) = [md.value for md in nl.markdown if " tegenover " in md.value]
    assert "ligt **significant hoger** dan Fryslân" in zin and "(95%-interval +" in zin


def test_aggregates_ranking_says_why_there_are_no_intervals():
    from indicators.dataset.mapping import Mapping

    mapping = Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    )
    at = run_page(
        upload=(STATLINE.name, STATLINE.read_bytes()),
        state=mapping_state(STATLINE.read_bytes(), mapping),
    )
    notes = [c.value for c in at.caption if c.value.startswith("No intervals")]
    assert notes == [
        "No intervals: these are values of the file itself (aggregates), with no sampling "
        "uncertainty."
    ]
    bars = next(v for k, v in charts_by_title(at).items() if "by region" in k)
    assert bars["data"][0].get("error_x", {}).get("array") is None


def test_a_region_against_the_rest_of_the_country(demo_results):
    """The rest of the country is everyone in the other regions (not the Total, which holds
    the region): its value and standard error come from those rows."""
    from indicators.analyses.rest import against_rest
    from indicators.dataset.mapping import suggest_mapping
    from indicators.dataset.prepare import prepare
    from indicators.io.load import load_table
    from indicators.package_data import demo_file
    from indicators.registry.catalog import load_registry

    at = run_page(query={"region": "Groningen", "compare": "~rest"})
    assert not at.error
    assert at.selectbox(key="compare").value == "~rest"
    (sentence,) = [md.value for md in at.markdown if " against " in md.value]
    assert sentence.startswith("**Groningen** (") and "**the rest of the country**" in sentence
    reg = load_registry()
    raw = load_table(demo_file("people"))
    prepared = prepare(raw, suggest_mapping(raw, reg), reg)
    found = against_rest(
        prepared, prepared.registry, "life_satisfaction_mean", "Groningen", year=2024
    )
    verdict = (
        "significantly"
        if abs(found.value - found.rest_value) > 1.96 * (found.se**2 + found.rest_se**2) ** 0.5
        else "No clear difference"
    )
    assert verdict in sentence
    nl = run_page(lang="nl", query={"region": "Groningen", "compare": "~rest"})
    assert any("**de rest van het land**" in md.value for md in nl.markdown)
