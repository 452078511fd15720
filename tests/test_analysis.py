"""Tests of the analyses over the results table: tiles, flags, disparities, ranking, maps."""

from __future__ import annotations

import importlib
import json
import math

import numpy as np
import pandas as pd
import pytest

from indicators.analyses import maps, ranking
from indicators.analyses import spread as spread_
from indicators.analyses import tiles as tiles_
from indicators.charts import palette
from indicators.errors import DataError
from indicators.registry import catalog
from indicators.registry.catalog import load_registry
from indicators.results import TOTAL

REG = load_registry()


def results_table(rows):
    """Build a small results table: rows of (region, year, indicator, value[, n, weight_sum])."""
    records = []
    for row in rows:
        region, year, indicator, value, *rest = row
        n = rest[0] if rest else 100
        weight_sum = rest[1] if len(rest) > 1 else float(n)
        records.append(
            {
                "region": region,
                "year": year,
                "indicator": indicator,
                "variable": REG.indicator_by_id[indicator].variable,
                "measure": REG.indicator_by_id[indicator].spec.text,
                "value": value,
                "n": n,
                "weight_sum": weight_sum,
                "n_missing": 0,
                "n_excluded": 0,
                "suppressed": bool(np.isnan(value)) if n < 10 else False,
            }
        )
    return pd.DataFrame(records)


# ---- directions by polarity ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "polarity", "expected"),
    [
        (0.3, "higher_is_better", "better"),
        (-0.3, "higher_is_better", "worse"),
        (0.3, "lower_is_better", "worse"),
        (-0.3, "lower_is_better", "better"),
        (0.0, "higher_is_better", "same"),
        (0.0, "lower_is_better", "same"),
        (0.01, "higher_is_better", "same"),  # below the tolerance of 0.05
        (float("nan"), "higher_is_better", "unknown"),
        (None, "lower_is_better", "unknown"),
    ],
)
def test_direction_follows_polarity(change, polarity, expected):
    assert tiles_.direction(change, polarity, tol=0.05) == expected


def test_direction_colours_are_okabe_ito():
    assert palette.DIRECTION_COLOURS["better"] == "#009E73"
    assert palette.DIRECTION_COLOURS["worse"] == "#D55E00"
    assert palette.DIRECTION_COLOURS["same"] == palette.DIRECTION_COLOURS["unknown"]


def test_tolerance_is_half_the_last_shown_digit():
    assert tiles_.tolerance(REG.indicator_by_id["life_satisfaction_mean"]) == pytest.approx(0.05)
    # shares are shown as % with one decimal: 0.05 percentage points
    assert tiles_.tolerance(REG.indicator_by_id["life_satisfaction_unsatisfied"]) == pytest.approx(
        0.0005
    )


@pytest.mark.parametrize(
    ("indicator", "change", "lang", "expected"),
    [
        ("life_satisfaction_mean", 0.26, "nl", "+0,3"),
        ("life_satisfaction_mean", -0.26, "en", "-0.3"),
        ("life_satisfaction_unsatisfied", 0.0123, "en", "+1.2 pp"),
        ("life_satisfaction_unsatisfied", -0.0123, "nl", "-1,2 %-punt"),
        ("income_median", 1234.0, "nl", "+1.234"),
        ("life_satisfaction_mean", 0.01, "en", "0.0"),
        ("life_satisfaction_mean", float("nan"), "en", "–"),
    ],
)
def test_format_change(indicator, change, lang, expected):
    assert tiles_.format_change(REG, indicator, change, lang) == expected


# ---- tiles and the flag ----------------------------------------------------------------------


def flag_results(mean_2014, mean_2024, share_2014, share_2024):
    return results_table(
        [
            ("Utrecht", 2014, "life_satisfaction_mean", mean_2014),
            ("Utrecht", 2024, "life_satisfaction_mean", mean_2024),
            ("Utrecht", 2014, "life_satisfaction_unsatisfied", share_2014),
            ("Utrecht", 2024, "life_satisfaction_unsatisfied", share_2024),
            (TOTAL, 2014, "life_satisfaction_mean", 7.5),
            (TOTAL, 2024, "life_satisfaction_mean", 7.6),
            (TOTAL, 2014, "life_satisfaction_unsatisfied", 0.05),
            (TOTAL, 2024, "life_satisfaction_unsatisfied", 0.05),
        ]
    )


@pytest.mark.parametrize(
    ("mean", "share", "share_direction", "mean_direction", "hides"),
    [
        # mean better (up), bottom share worse (up, lower is better): the average hides this
        ((7.5, 7.8), (0.04, 0.07), "worse", "better", True),
        # mean worse (down), bottom share better (down): hides too, the other way round
        ((7.8, 7.5), (0.07, 0.04), "better", "worse", True),
        # both better: nothing hidden
        ((7.5, 7.8), (0.07, 0.04), "better", "better", False),
        # both worse: nothing hidden
        ((7.8, 7.5), (0.04, 0.07), "worse", "worse", False),
        # mean unchanged: no flag
        ((7.5, 7.5), (0.04, 0.07), "worse", "same", False),
    ],
)
def test_flag_when_bottom_moves_against_the_mean(
    mean, share, share_direction, mean_direction, hides
):
    table = tiles_.tiles(flag_results(*mean, *share), REG, "Utrecht", 2024, since=2014)
    row = table.set_index("indicator").loc["life_satisfaction_unsatisfied"]
    assert row["direction"] == share_direction
    assert row["mean_direction"] == mean_direction
    assert row["mean_indicator"] == "life_satisfaction_mean"
    assert bool(row["hides"]) is hides
    # the mean itself never carries the flag (it does not look beyond the average)
    assert not table.set_index("indicator").loc["life_satisfaction_mean", "hides"]


def test_tiles_values_total_and_change():
    table = tiles_.tiles(flag_results(7.5, 7.8, 0.04, 0.07), REG, "Utrecht", 2024, 2014)
    row = table.set_index("indicator").loc["life_satisfaction_mean"]
    assert row["value"] == 7.8
    assert row["total"] == 7.6
    assert row["since_value"] == 7.5
    assert row["change"] == pytest.approx(0.3)
    assert row["moved"] == "up"
    assert list(table["indicator"]) == ["life_satisfaction_mean", "life_satisfaction_unsatisfied"]


def test_tiles_work_out_the_states_once_not_per_row(monkeypatch):
    # issue 9.12: a state per row and value (a one-row frame each) took 0.3 s of every Overview
    compute_module = importlib.import_module("indicators.results")

    calls = []

    def counted(frame):
        calls.append(len(frame))
        return real(frame)

    real = compute_module.value_states
    monkeypatch.setattr(compute_module, "value_states", counted)
    monkeypatch.setattr(tiles_, "value_states", counted)
    table = tiles_.tiles(flag_results(7.5, 7.8, 0.04, 0.07), REG, "Utrecht", 2024, 2014)
    assert len(table) == 2
    assert len(calls) <= 3  # the region now, the Total now, the region then
    assert list(table["status"]) == ["ok", "ok"]


def test_tiles_without_since_or_years():
    table = tiles_.tiles(flag_results(7.5, 7.8, 0.04, 0.07), REG, "Utrecht", 2024)
    assert table["direction"].eq("unknown").all()
    assert not table["hides"].any()
    no_years = flag_results(7.5, 7.8, 0.04, 0.07)
    no_years = no_years[no_years["year"] == 2024].drop(columns="year")
    table = tiles_.tiles(no_years, REG, "Utrecht", year=2024, since=2014)
    assert table.set_index("indicator").loc["life_satisfaction_mean", "value"] == 7.8
    assert table["change"].isna().all()


def test_tiles_keep_suppressed_cells():
    results = results_table(
        [
            ("Zeeland", 2024, "life_satisfaction_mean", np.nan, 4),
            (TOTAL, 2024, "life_satisfaction_mean", 7.6, 400),
        ]
    )
    row = tiles_.tiles(results, REG, "Zeeland", 2024).iloc[0]
    assert row["suppressed"] and math.isnan(row["value"]) and row["total"] == 7.6


def test_companion_mean_falls_back_to_median():
    housing = REG.indicator_by_id["housing_cost_overburden"]
    assert tiles_.companion_mean(housing, REG).id == "housing_cost_burden_median"
    assert tiles_.companion_mean(REG.indicator_by_id["lonely_share"], REG) is None


def test_series_in_period_order():
    results = results_table(
        [
            ("A", "2019-Q2", "trust_mean", 6.2),
            ("A", "2019-Q1", "trust_mean", 6.0),
            ("A", "2018-Q4", "trust_mean", 5.9),
        ]
    )
    out = tiles_.series(results, "trust_mean", "A")
    assert list(out["year"]) == ["2018-Q4", "2019-Q1", "2019-Q2"]
    assert list(out["value"]) == [5.9, 6.0, 6.2]


def test_series_by_indicator_equals_series_of_each():
    results = results_table(
        [
            ("A", "2019-Q2", "trust_mean", 6.2),
            ("A", "2019-Q1", "trust_mean", 6.0),
            ("B", "2019-Q1", "trust_mean", 7.0),
            ("A", "2018-Q4", "trust_mean", 5.9),
            ("A", "2019-Q1", "trust_low", 0.2),
            ("A", "2018-Q4", "trust_low", float("nan")),
            ("B", "2018-Q4", "lonely_share", 0.1),
        ]
    )
    out = tiles_.series_by_indicator(results, "A")
    assert list(out) == ["trust_mean", "trust_low"]  # lonely_share has no rows for A
    for indicator, frame in out.items():
        pd.testing.assert_frame_equal(frame, tiles_.series(results, indicator, "A"))
    no_years = results.drop(columns="year")
    assert tiles_.series_by_indicator(no_years, "A") == {}


# ---- disparities between regions ---------------------------------------------------------


def test_disparity_hand_computed():
    # values 2, 4, 6 with weights 1, 1, 2: mu = (2 + 4 + 12) / 4 = 4.5
    d = spread_.disparity([2.0, 4.0, 6.0], [1.0, 1.0, 2.0])
    assert d["n"] == 3 and d["max"] == 6.0 and d["min"] == 2.0
    assert d["ratio"] == pytest.approx(3.0)
    var = (1 * (2 - 4.5) ** 2 + 1 * (4 - 4.5) ** 2 + 2 * (6 - 4.5) ** 2) / 4
    assert d["cv"] == pytest.approx(math.sqrt(var) / 4.5)
    # gini = sum_i sum_j w_i w_j |x_i - x_j| / (2 W^2 mu)
    pairs = 2 * (1 * 1 * 2 + 1 * 2 * 4 + 1 * 2 * 2)
    assert d["gini"] == pytest.approx(pairs / (2 * 16 * 4.5))
    theil = sum(w * (x / 4.5) * math.log(x / 4.5) for x, w in [(2, 1), (4, 1), (6, 2)]) / 4
    assert d["theil"] == pytest.approx(theil)


def test_disparity_edge_cases():
    equal = spread_.disparity([5.0, 5.0, 5.0])
    assert equal["ratio"] == 1.0 and equal["cv"] == 0.0 and equal["gini"] == 0.0
    one = spread_.disparity([5.0, np.nan])
    assert one["n"] == 1 and math.isnan(one["cv"])
    zero_min = spread_.disparity([0.0, 2.0])
    assert math.isnan(zero_min["ratio"]) and zero_min["gini"] == pytest.approx(0.5)


def test_disparities_weight_regions_and_leave_out_total_and_suppressed():
    results = results_table(
        [
            ("A", 2024, "trust_mean", 6.0, 100, 300.0),
            ("B", 2024, "trust_mean", 8.0, 100, 100.0),
            ("C", 2024, "trust_mean", np.nan, 5, 5.0),
            (TOTAL, 2024, "trust_mean", 6.5, 205, 405.0),
        ]
    )
    d = spread_.disparities(results, "trust_mean", 2024)
    assert d["n"] == 2
    mu = (6 * 300 + 8 * 100) / 400
    sd = math.sqrt((300 * (6 - mu) ** 2 + 100 * (8 - mu) ** 2) / 400)
    assert d["cv"] == pytest.approx(sd / mu)
    assert d["max_region"] == "B" and d["min_region"] == "A"


def test_spread_over_time_and_sentence():
    results = results_table(
        [
            ("A", 2014, "trust_mean", 6.0),
            ("B", 2014, "trust_mean", 6.0),
            ("A", 2024, "trust_mean", 5.0),
            ("B", 2024, "trust_mean", 7.0),
        ]
    )
    spread = spread_.spread_over_time(results, "trust_mean")
    assert list(spread["year"]) == [2014, 2024]
    assert spread["cv"].tolist() == pytest.approx([0.0, 1 / 6])
    sentence = spread_.spread_sentence(spread, "en")
    assert sentence.startswith(
        "The gap between regions grew: in 2024 regions lie on average about 17% from the "
        "average (coefficient of variation 0.167; 0.000 in 2014)"
    )
    assert "the highest region is about 40% above the lowest (highest/lowest ratio 1.40" in (
        sentence
    )
    nl = spread_.spread_sentence(spread, "nl")
    assert nl.startswith("Het verschil tussen regio's is gegroeid: in 2024 wijken regio's")
    assert "ongeveer 17%" in nl and "0,167" in nl and "ongeveer 40% boven de laagste" in nl


@pytest.mark.parametrize(
    ("values", "trend"),
    [([0.10, 0.20], "grew"), ([0.20, 0.10], "shrank"), ([0.100, 0.102], "same")],
)
def test_spread_trend(values, trend):
    spread = pd.DataFrame({"year": [2014, 2024], "cv": values})
    assert spread_.spread_trend(spread)["trend"] == trend


def test_spread_needs_two_years():
    spread = pd.DataFrame({"year": [2024], "cv": [0.1]})
    assert spread_.spread_sentence(spread, "en") is None
    no_years = results_table([("A", 2024, "trust_mean", 6.0)]).drop(columns="year")
    assert spread_.spread_over_time(no_years, "trust_mean").empty


# ---- ranking -------------------------------------------------------------------------------


def test_ranking_best_first_by_polarity_with_the_results_intervals():
    results = results_table(
        [
            ("A", 2024, "lonely_share", 0.20, 100),
            ("B", 2024, "lonely_share", 0.10, 400),
            ("C", 2024, "lonely_share", np.nan, 3),
            (TOTAL, 2024, "lonely_share", 0.12, 503),
        ]
    )
    # aggregates (no se in the results table): no interval is made up
    aggregates = ranking.ranking(results, REG, "lonely_share", 2024)
    assert list(aggregates.frame["region"]) == ["B", "A"]  # lower is better: B first
    assert aggregates.total == 0.12 and aggregates.n_suppressed == 1
    assert aggregates.n_regions == 2 and not aggregates.has_se
    assert aggregates.frame["ci_low"].isna().all()
    # microdata: the results' linearized se and interval, row by row (not sqrt(p(1-p)/n))
    se = {"A": 0.05, "B": 0.02, "C": np.nan, TOTAL: 0.015}
    results["se"] = results["region"].map(se)
    results["ci_low"] = results["value"] - 1.96 * results["se"]
    results["ci_high"] = results["value"] + 1.96 * results["se"]
    rank = ranking.ranking(results, REG, "lonely_share", 2024)
    assert rank.has_se
    assert rank.frame["se"].tolist() == pytest.approx([0.02, 0.05])
    assert rank.frame["ci_low"].tolist() == pytest.approx([0.10 - 0.0392, 0.20 - 0.098])
    assert rank.frame["ci_high"].tolist() == pytest.approx([0.10 + 0.0392, 0.20 + 0.098])


def test_ranking_of_demo_microdata_carries_every_measures_interval(reg, demo_people):
    from indicators.dataset.mapping import suggest_mapping
    from indicators.dataset.prepare import prepare
    from indicators.results import compute

    frame = demo_people[demo_people["jaar"] == 2024]
    prepared = prepare(frame, suggest_mapping(frame, reg), reg)
    results = compute(prepared, reg, ci=0.95)
    for indicator in ("life_satisfaction_mean", "lonely_share", "income_gini"):
        rank = ranking.ranking(results, reg, indicator, 2024)
        assert rank.has_se, indicator
        rows = results[(results["indicator"] == indicator) & (results["region"] != TOTAL)]
        expected = rows.set_index("region")
        got = rank.frame.set_index("region")
        assert got["ci_low"].to_numpy() == pytest.approx(
            expected.loc[got.index, "ci_low"].to_numpy()
        )
        assert (got["ci_low"] < got["value"]).all() and (got["value"] < got["ci_high"]).all()


def test_ranking_trims_many_regions():
    rows = [(f"G{i:02d}", 2024, "trust_mean", float(i)) for i in range(40)]
    rank = ranking.ranking(results_table(rows), REG, "trust_mean", 2024, limit=15)
    assert rank.trimmed and len(rank.frame) == 30 and rank.n_regions == 40
    assert rank.frame["region"].iloc[0] == "G39" and rank.frame["region"].iloc[-1] == "G00"


# ---- maps ----------------------------------------------------------------------------------


def test_province_layout_and_matching():
    layout = maps.province_layout()
    assert len(layout) == 12
    matched = maps.match_provinces(
        ["pv20", "FRIESLAND", "noord holland", "Fryslân", "Amsterdam"], layout
    )
    assert matched == {
        "pv20": "PV20",
        "FRIESLAND": "PV21",
        "noord holland": "PV27",
        "Fryslân": "PV21",
    }
    assert maps.are_provinces(list(layout["name"]), layout)
    assert maps.are_provinces([*layout["code"], TOTAL], layout)
    assert not maps.are_provinces(["Amsterdam", "Utrecht", "Tilburg"], layout)


def test_province_tiles_place_values_on_the_grid():
    layout = maps.province_layout()
    values = pd.DataFrame(
        {"region": ["Limburg", "PV20"], "value": [7.9, 7.5], "text": ["7,9", "7,5"]}
    )
    tiles = maps.province_tiles(values, layout).set_index("name")
    assert (tiles.loc["Limburg", "row"], tiles.loc["Limburg", "col"]) == (4, 2)
    assert tiles.loc["Limburg", "value"] == 7.9 and tiles.loc["Groningen", "text"] == "7,5"
    assert math.isnan(tiles.loc["Zeeland", "value"]) and tiles.loc["Zeeland", "text"] == "–"
    assert len(tiles) == len(layout)  # every province, with a value or not


def geo(features):
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": props,
                "geometry": {"type": "Polygon", "coordinates": [[[x, y], [x + 1, y], [x, y + 1]]]},
            }
            for props, (x, y) in features
        ],
    }


def test_geojson_read_match_and_bounds():
    g = geo(
        [
            ({"statcode": "GM0363", "statnaam": "Amsterdam"}, (4.0, 52.0)),
            ({"statcode": "GM0344", "statnaam": "Utrecht"}, (5.0, 52.0)),
        ]
    )
    parsed = maps.read_geojson(json.dumps(g).encode(), "gemeenten.geojson")
    assert maps.geojson_properties(parsed) == ["statcode", "statnaam"]
    regions = ["amsterdam", "Utrecht", "Tilburg", TOTAL]
    assert maps.best_geojson_property(parsed, regions) == "statnaam"
    match = maps.match_geojson(parsed, "statnaam", regions)
    assert match.locations == {"amsterdam": "Amsterdam", "Utrecht": "Utrecht"}
    assert match.unmatched_regions == ["Tilburg"]
    assert maps.match_geojson(parsed, "statcode", regions).unmatched_features == [
        "GM0363",
        "GM0344",
    ]
    assert maps.geojson_bounds(parsed) == (4.0, 52.0, 6.0, 53.0)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not json", "cannot be read as JSON"),
        (b'{"type": "Topology", "objects": {}}', "TopoJSON"),
        (b'{"type": "FeatureCollection", "features": []}', "no map features"),
        (b'{"type": "FeatureCollection", "features": [{"properties": {}}]}', "no properties"),
    ],
)
def test_geojson_bad_files(data, message):
    with pytest.raises(DataError, match=message):
        maps.read_geojson(data, "kaart.json")


def test_year_order_mixed():
    assert tiles_.year_order([2015, 2014, np.nan, 2015]) == [2014, 2015]


def test_spread_trend_uses_all_years_not_just_the_ends():
    noisy = pd.DataFrame({"year": [2014, 2015, 2016, 2017], "cv": [0.10, 0.13, 0.08, 0.11]})
    found = spread_.spread_trend(noisy)
    assert found["trend"] == "same" and found["first"] == 0.10 and found["last"] == 0.11
    assert "judged on the straight line through all 4 years" in spread_.spread_sentence(noisy, "en")
    rising = pd.DataFrame({"year": [2014, 2015, 2016, 2017], "cv": [0.10, 0.12, 0.14, 0.16]})
    assert spread_.spread_trend(rising)["trend"] == "grew"


# ---- the spread trend: the sentence follows from the numbers shown ---------------------------

FALLING = [
    [0.046, 0.030, 0.050, 0.060, 0.065, 0.040],  # a dip after the start, then high, then low
    [0.046, 0.030, 0.035, 0.050, 0.060, 0.040],
    [0.10, 0.09, 0.08, 0.07],
    [0.046, 0.045, 0.047, 0.044, 0.040],
    [0.20, 0.02, 0.05, 0.08, 0.11, 0.14, 0.17, 0.19],
]


@pytest.mark.parametrize("values", FALLING)
def test_a_falling_spread_never_reads_as_grown(values):
    spread = pd.DataFrame({"year": range(2014, 2014 + len(values)), "cv": values})
    found = spread_.spread_trend(spread)
    assert found["last"] < found["first"]
    assert found["trend"] in ("shrank", "same", "mixed")
    sentence = spread_.spread_sentence(spread, "en")
    assert "grew" not in sentence
    rising = spread.assign(cv=[-v for v in values][::-1])  # mirrored: a rising series
    rising["cv"] += 1.0
    assert spread_.spread_trend(rising)["trend"] in ("grew", "same", "mixed")


def test_line_and_ends_that_disagree_say_no_clear_direction():
    spread = pd.DataFrame(
        {"year": range(2014, 2020), "cv": FALLING[0], "ratio": [1.14, 1.1, 1.15, 1.2, 1.2, 1.11]}
    )
    found = spread_.spread_trend(spread)
    assert found["trend"] == "mixed" and found["fit_last"] > found["fit_first"]
    assert spread_.spread_sentence(spread, "en").startswith(
        "The gap between regions shows no clear direction"
    )
    assert spread_.spread_sentence(spread, "nl").startswith(
        "Het verschil tussen regio's laat geen duidelijke richting zien"
    )


def test_the_rule_is_judged_on_the_line_against_its_start():
    # a straight line from 0.050 to 0.044 (-12%): narrowed; its mean is 0.047 (-12.8%)
    years = [2014, 2015, 2016, 2017]
    spread = pd.DataFrame({"year": years, "cv": [0.050, 0.048, 0.046, 0.044]})
    found = spread_.spread_trend(spread)
    assert found["trend"] == "shrank"
    assert found["relative_change"] == pytest.approx(-0.12)
    assert spread_.fitted_line(spread, found) == pytest.approx(spread["cv"].tolist())
    # a missing year keeps its place on the line: 2014, 2015, 2024
    spread = pd.DataFrame({"year": [2014, 2015, 2024], "cv": [0.050, 0.049, 0.040]})
    found = spread_.spread_trend(spread)
    assert found["slope"] == pytest.approx(-0.001)
    assert found["fit_first"] == pytest.approx(0.050)


def test_the_spread_of_a_share_is_also_said_in_percentage_points():
    # poverty rates around 17%: a CV of 0.19 is 19% of the average, about 3.2 points
    spread = pd.DataFrame(
        {"year": [2014, 2024], "cv": [0.185, 0.19], "mean": [0.16, 0.17], "ratio": [2.1, 2.2]}
    )
    en = spread_.spread_sentence(spread, "en", is_share=True)
    assert "regions lie on average about 19% (about 3.2 percentage points) from the average" in en
    nl = spread_.spread_sentence(spread, "nl", is_share=True)
    assert "gemiddeld ongeveer 19% (ongeveer 3,2 procentpunt) af van het gemiddelde" in nl
    assert "percentage points" not in spread_.spread_sentence(spread, "en")  # not a share
    results = results_table([("A", 2024, "lonely_share", 0.1), ("B", 2024, "lonely_share", 0.3)])
    assert spread_.spread_over_time(results, "lonely_share")["mean"].tolist() == [0.2]
    d = spread_.disparities(results, "lonely_share", 2024)
    assert d["mean"] == pytest.approx(0.2) and d["cv"] == pytest.approx(0.5)
    reading = spread_.spread_readings(d, "en", is_share=True)["cv"]
    assert (
        reading
        == "Here: regions lie on average about 50% (about 10.0 percentage points) from the average."
    )
    assert "procentpunt" not in spread_.spread_readings(d, "nl")["cv"]


def gap_panel(*, missing, absent=(), regions=None):
    """Four regions whose spread narrows every year; ``missing`` = {region: years}."""
    regions = regions or {"A": 4.0, "B": 6.0, "C": 7.0, "D": 8.0}
    rows = []
    for k, year in enumerate(range(2014, 2020)):
        if year in absent:
            continue
        for region, level in regions.items():
            if year in missing.get(region, ()):
                continue
            rows.append((region, year, "trust_mean", 6.5 + (level - 6.5) * (1 - 0.04 * k)))
    return results_table(rows)


def test_comparable_spread_compares_the_same_regions_every_year():
    # the lowest region A is missing in the first two years: all regions per year would
    # show a growing spread (A enters in 2016), the same regions a narrowing one
    results = gap_panel(missing={"A": (2014, 2015)})
    everyone = spread_.spread_over_time(results, "trust_mean")
    assert spread_.spread_trend(everyone)["trend"] == "grew"
    compared = spread_.comparable_spread(results, "trust_mean")
    assert compared.same_regions and compared.regions == ["B", "C", "D"]
    assert compared.left_out == {"A": [2014, 2015]}
    assert compared.missing_years == {}
    assert compared.frame["n"].tolist() == [3] * 6
    assert spread_.spread_trend(compared.frame)["trend"] == "shrank"
    sentence = spread_.spread_sentence(compared.frame, "en", years=compared.years)
    assert sentence.startswith("The gap between regions narrowed")
    notes = spread_.spread_notes(compared, "en")
    assert notes[0].startswith("How this is judged: a straight line through the coefficient")
    assert "More than 10% up counts as grown" in notes[0]
    assert notes[1] == (
        "To compare like with like, every year counts the same 3 regions; 1 region with a "
        "gap in its series is left out: A (no value in 2014, 2015)."
    )


def test_comparable_spread_reports_missing_years():
    # 2016 is not in the data; in 2018 only one of four regions has a value
    results = gap_panel(missing={r: (2018,) for r in "BCD"} | {"C": (2015, 2018)}, absent=(2016,))
    compared = spread_.comparable_spread(results, "trust_mean")
    assert compared.years == [2014, 2015, 2016, 2017, 2018, 2019]
    assert compared.missing_years == {2016: "absent", 2018: "few"}
    assert compared.years_used == [2014, 2015, 2017, 2019]
    assert compared.regions == ["A", "B", "D"] and compared.left_out == {"C": [2015]}
    notes = spread_.spread_notes(compared, "en")
    assert notes[-1] == (
        "Not compared: 2016 (not in the data), 2018 (fewer than half of the regions have a "
        "value); the line runs through the other years."
    )
    nl = spread_.spread_notes(compared, "nl")
    assert "2016 (niet in de gegevens)" in nl[-1] and "C (geen waarde in 2015)" in nl[1]
    # the line is fitted on the years themselves, 2016 keeps its place
    found = spread_.spread_trend(compared.frame, years=compared.years)
    assert found["years"] == 4 and found["trend"] == "shrank"


def test_without_two_complete_regions_each_year_compares_what_it_has():
    results = gap_panel(missing={"A": (2014,), "B": (2015,), "C": (2016,), "D": (2017,)})
    compared = spread_.comparable_spread(results, "trust_mean")
    assert not compared.same_regions and compared.left_out == {}
    (note,) = spread_.spread_notes(compared, "en")[1:]
    assert note.startswith("No two regions have a value in every year, so each year compares")
    assert "(3 to 4 regions)" in note


@pytest.mark.parametrize(
    ("fraction", "lang", "expected"),
    [
        (0.0068, "en", "about 0.7%"),
        (0.0068, "nl", "ongeveer 0,7%"),
        (0.012, "en", "about 1.2%"),
        (0.031, "en", "about 3%"),
        (0.0004, "nl", "minder dan 0,1%"),
        (0.0, "en", "0%"),
        (float("nan"), "en", "–"),
    ],
)
def test_percent_words(fraction, lang, expected):
    assert spread_.percent_words(fraction, lang) == expected


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (0.0312, "en", "0.031"),
        (0.0068, "nl", "0,0068"),
        (0.000023, "en", "< 0.001"),
        (0.000023, "nl", "< 0,001"),
        (0.0, "en", "0.000"),
        (float("nan"), "en", "–"),
    ],
)
def test_readable_index(value, lang, expected):
    assert spread_.readable_index(value, lang) == expected


def test_spread_readings_say_what_small_values_mean():
    d = {"ratio": 1.03, "cv": 0.0068, "gini": 0.0038, "theil": 0.000023}
    en = spread_.spread_readings(d, "en")
    assert en["ratio"] == "Here: the highest is about 3% above the lowest."
    assert en["cv"] == "Here: regions lie on average about 0.7% from the average."
    assert en["gini"] == en["theil"] == "Here: close to 0, so regions hardly differ."
    nl = spread_.spread_readings(d, "nl")
    assert nl["theil"] == "Hier: dicht bij 0, dus regio's verschillen nauwelijks."
    wide = spread_.spread_readings({"ratio": 2.5, "cv": 0.3, "gini": 0.2, "theil": 0.1}, "en")
    assert wide["ratio"] == "Here: the highest is 2.5 times the lowest."
    assert "gini" not in wide and "theil" not in wide  # not small: the table says enough
    assert spread_.spread_readings({"ratio": float("nan")}, "en") == {}


@pytest.mark.parametrize(
    ("values", "decimals", "is_share", "expected"),
    [
        ([7.83, 7.91, 8.05], 1, False, 2),  # tiles would all say 7.9 or 8.0
        ([6.0, 8.1], 1, False, 1),  # wide enough
        ([7.9, 7.9001], 1, False, 3),  # at most two more
        ([0.101, 0.1032], 1, True, 2),  # shares in percentage points
        ([0.05, 0.25], 1, True, 1),
        ([5.0, 5.0], 1, False, 1),
        ([5000.0, np.nan], 0, False, 0),
        # small values in whole units (income in thousands of euros): three digits, issue 9
        ([29.3, 30.1], 0, False, 2),  # 30.1 has one; 0.8 apart is 8 steps of it: one more
        ([30.1, np.nan], 0, False, 1),
    ],
)
def test_display_decimals(values, decimals, is_share, expected):
    assert spread_.display_decimals(values, decimals, is_share=is_share) == expected


def test_format_display_like_the_registry():
    reg = load_registry()
    for ind_id, value in (("life_satisfaction_mean", 7.8312), ("lonely_share", 0.1034)):
        ind = reg.indicator_by_id[ind_id]
        for lang in ("nl", "en"):
            assert catalog.format_display(
                value, ind.decimals, is_share=ind.is_share, lang=lang
            ) == reg.format_value(ind_id, value, lang)
    assert catalog.format_display(7.8312, 2, lang="nl") == "7,83"
    assert catalog.format_display(float("nan"), 2) == "–"


@pytest.mark.parametrize(
    ("now", "then", "missing"),
    [
        (np.nan, 7.5, (2024,)),  # the shown year is the one without a value
        (7.8, np.nan, (2014,)),  # the earlier year is
        (np.nan, np.nan, (2014, 2024)),
        (7.8, 7.5, ()),
    ],
)
def test_tiles_name_the_year_without_a_value(now, then, missing):
    # issue 9.4: a municipality missing in 2021 was said to have "no value in 2016"
    results = results_table(
        [
            ("Utrecht", 2014, "life_satisfaction_mean", then),
            ("Utrecht", 2024, "life_satisfaction_mean", now),
            (TOTAL, 2014, "life_satisfaction_mean", 7.5),
            (TOTAL, 2024, "life_satisfaction_mean", 7.6),
        ]
    )
    row = tiles_.tiles(results, REG, "Utrecht", 2024, since=2014).iloc[0]
    assert row["missing_years"] == missing


def test_flags_and_changes_never_use_a_suppressed_value():
    # a table that carries small cells' values (e.g. read back from a file): the tile shows
    # none of them, compares with none and flags nothing from them
    rows = results_table(
        [
            ("Zeeland", 2023, "life_satisfaction_mean", 7.9, 200),
            ("Zeeland", 2024, "life_satisfaction_mean", 7.6, 200),
            ("Zeeland", 2023, "life_satisfaction_unsatisfied", 0.10, 4),
            ("Zeeland", 2024, "life_satisfaction_unsatisfied", 0.05, 4),
        ]
    )
    rows.loc[rows["n"] < 10, "suppressed"] = True
    table = tiles_.tiles(rows, REG, "Zeeland", 2024, since=2023).set_index("indicator")
    small = table.loc["life_satisfaction_unsatisfied"]
    assert small["status"] == "suppressed" and math.isnan(small["value"])
    assert math.isnan(small["change"]) and small["direction"] == "unknown"
    assert not table["hides"].any()
    assert table.loc["life_satisfaction_mean", "direction"] == "worse"


def test_states_in_words_group_the_reasons():
    said = spread_.states_in_words(
        ["Zuid 2023", "Oost 2024", "West 2024", "Noord 2022"],
        ["suppressed", "not_applicable", "missing", "suppressed"],
        [3, 0, 0, 1234],
        lang="nl",
        min_n=10,
    )
    assert said == (
        "West 2024 — geen waarde in het bestand; Zuid 2023 (n = 3), Noord 2022 (n = 1.234) — "
        "verborgen: minder dan 10 waarnemingen; Oost 2024 — niet van toepassing: geen waarden "
        "die deze maat kan gebruiken"
    )


def test_trend_gaps_name_region_years_without_rows():
    rows = results_table(
        [
            ("Zuid", 2022, "life_satisfaction_mean", 7.5, 40),
            ("Zuid", 2023, "life_satisfaction_mean", np.nan, 3),
            ("Noord", 2022, "life_satisfaction_mean", 7.0, 40),
        ]
    )
    gaps = spread_.trend_gaps(rows, "life_satisfaction_mean", ["Zuid", "Noord"], [2022, 2023])
    assert list(zip(gaps["region"], gaps["year"], gaps["status"], strict=True)) == [
        ("Zuid", 2023, "suppressed"),
        ("Noord", 2023, "not_applicable"),
    ]


def test_spread_over_irregular_survey_years_keeps_every_year():
    # a survey of 2016, 2018 and 2021: the step of 2 left 2021 off the axis and the Trends
    # page crashed (KeyError 2021)
    rows = [
        (region, year, value)
        for year, values in (
            (2016, (6.0, 7.0, 8.0)),
            (2018, (6.5, 7.0, 7.5)),
            (2021, (7.0, 7.1, 7.2)),
        )
        for region, value in zip("ABC", values, strict=True)
    ]
    results = pd.DataFrame(rows, columns=["region", "year", "value"]).assign(
        indicator="x", weight_sum=1.0, suppressed=False
    )
    spread = spread_.comparable_spread(results, "x")
    assert spread.years_used == [2016, 2018, 2021]
    assert set(spread.missing_years) == {2017, 2019, 2020}
