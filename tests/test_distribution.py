"""Distribution versus average: hand-computed weighted distributions, ranks, sentences, charts."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.analyses import distribution as dist
from indicators.analyses.distribution import Bottom, Contrast
from indicators.charts import distribution as dist_charts
from indicators.charts import layout as chart_layout
from indicators.charts import palette
from indicators.dataset.mapping import suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.package_data import demo_file
from indicators.registry.catalog import load_registry
from indicators.results import TOTAL

ROOT = Path(__file__).resolve().parents[1]


def frame(groups: dict[str, list[float]], weights: dict[str, list[float]] | None = None):
    rows = []
    for g, values in groups.items():
        ws = (weights or {}).get(g, [1.0] * len(values))
        rows += [(g, float(v), float(w)) for v, w in zip(values, ws, strict=True)]
    return pd.DataFrame(rows, columns=["group", "value", "weight"])


# Three regions of ten people. A and B: mean 7.8; A has 2 of 10 below 6, B none; C is lower.
SAME_MEAN = {
    "A": [4, 4, 8, 8, 8, 8, 9, 9, 10, 10],
    "B": [6, 7, 7, 8, 8, 8, 8, 9, 9, 8],
    "C": [5, 5, 5, 6, 6, 6, 6, 6, 6, 6],
}


# ---- weighted distributions ----------------------------------------------------------------


def test_weighted_ecdf_by_hand():
    x, f = dist.weighted_ecdf([3, 1, 2, 2], [1, 2, 1, 4])
    # weights per value: 1 -> 2, 2 -> 5, 3 -> 1; total 8
    assert x.tolist() == [1.0, 2.0, 3.0]
    assert f.tolist() == pytest.approx([2 / 8, 7 / 8, 1.0])


def test_weighted_ecdf_drops_missing_and_thins():
    x, f = dist.weighted_ecdf([1, np.nan, 2], [1, 1, np.nan])
    assert x.tolist() == [1.0] and f.tolist() == [1.0]
    x, f = dist.weighted_ecdf(np.arange(10_000), max_points=100)
    assert x.size <= 102 and f[-1] == 1.0 and x[0] == 0 and x[-1] == 9_999
    assert np.all(np.diff(f) > 0)


def test_weighted_histogram_shares_by_hand():
    edges = [-0.5, 0.5, 1.5, 2.5]
    # 10 lies above the last edge and counts in the last bin
    shares = dist.weighted_histogram([0, 1, 1, 2, 10], [1, 1, 2, 4, 2], edges)
    assert shares.tolist() == [pytest.approx([0.1, 0.3, 0.6])]


def test_weighted_histogram_groups_sum_to_one():
    shares = dist.weighted_histogram(
        [0, 1, 2, 0], [1, 3, 1, 5], [-0.5, 0.5, 1.5, 2.5], groups=[0, 0, 1, 1], n_groups=2
    )
    assert shares[0].tolist() == pytest.approx([0.25, 0.75, 0.0])
    assert shares[1].tolist() == pytest.approx([5 / 6, 0.0, 1 / 6])


def test_histogram_edges_whole_numbers_and_amounts():
    edges = dist.histogram_edges(list(range(11)))
    assert edges[0] == -0.5 and edges[-1] == 10.5 and edges.size == 12
    rng = np.random.default_rng(1)
    income = rng.lognormal(10, 0.5, 5_000)
    edges = dist.histogram_edges(income)
    assert 10 <= edges.size - 1 <= 40
    assert edges[0] == income.min() and edges[-1] < income.max()  # top 0.5% in the last bar


def test_answer_shares_by_hand():
    d = frame({"a": [1, 2, 2], "b": [3]}, {"a": [2, 1, 1]})
    out = dist.answer_shares(d, 3, ["a", "b"])
    assert out["share"].tolist() == [0.5, 0.5, 0.0, 0.0, 0.0, 1.0]
    assert out["score"].tolist() == [1, 2, 3, 1, 2, 3]


def test_weighted_sample_follows_weights():
    sample = dist.weighted_sample([1.0, 2.0], [1.0, 3.0], size=20_000, seed=3)
    assert (sample == 2.0).mean() == pytest.approx(0.75, abs=0.02)


# ---- numbers per group ---------------------------------------------------------------------


def test_summarize_by_hand():
    d = frame({"a": [4, 6, 8, 10], "b": [1, 3]}, {"b": [1, 3]})
    s = dist.summarize(d, Bottom("share", 6), total=True)
    a, b, tot = (s[s["group"] == g].iloc[0] for g in ("a", "b", TOTAL))
    # a: C = 1,2,3,4; pW = 2 hits C_2 -> median (6 + 8) / 2; p10: first C_j > 0.4 -> 4
    assert (a["mean"], a["median"], a["p10"], a["p90"], a["bottom"]) == (7.0, 7.0, 4.0, 10.0, 0.25)
    # b weighted 1 and 3: mean 10 / 4; median: C = 1, 4 > 2 -> 3
    assert (b["mean"], b["median"], b["bottom"]) == (2.5, 3.0, 1.0)
    assert tot["n"] == 6 and tot["bottom"] == pytest.approx(5 / 8)
    assert s["group"].tolist() == ["a", "b", TOTAL]


def test_summarize_quantile_bottom():
    s = dist.summarize(frame({"a": list(range(1, 11))}), Bottom("quantile", p=0.9))
    assert s["bottom"].iloc[0] == s["p90"].iloc[0] == 9.5  # C_9 = 9 = 0.9 W: (9 + 10) / 2


def test_rank_by_mean_versus_rank_by_bottom():
    s = pd.DataFrame(
        {
            "group": ["A", "B", "C", "D", TOTAL],
            "mean": [8.0, 7.8, 7.0, 6.0, 7.2],
            "bottom": [0.20, 0.02, 0.05, 0.30, 0.1],
        }
    )
    r = dist.rank_table(s, Bottom("share", 6))
    assert r["group"].tolist() == ["A", "B", "C", "D"]
    assert r["rank_mean"].tolist() == [1, 2, 3, 4]
    assert r["rank_bottom"].tolist() == [3, 1, 2, 4]
    assert r["change"].tolist() == [2, -1, -1, 0]
    assert r["moved"].tolist() == [True, False, False, False]  # moved: 2 places or more


def test_rank_lower_is_better_and_p10():
    s = pd.DataFrame({"group": ["A", "B"], "mean": [30.0, 25.0], "bottom": [0.1, 0.2]})
    r = dist.rank_table(s, Bottom("share", 40, "at_least"), low_is_worse=False)
    assert r["rank_mean"].tolist() == [2, 1] and r["rank_bottom"].tolist() == [1, 2]
    s = pd.DataFrame({"group": ["A", "B"], "mean": [7.0, 8.0], "bottom": [5.0, 4.0]})
    r = dist.rank_table(s, Bottom("quantile", p=0.1))
    assert r["rank_mean"].tolist() == [2, 1] and r["rank_bottom"].tolist() == [1, 2]


# ---- the sentence ---------------------------------------------------------------------------


def test_same_mean_pair_found_and_said_in_both_languages(reg):
    var = reg.variable_by_id["life_satisfaction"]
    s = dist.summarize(frame(SAME_MEAN), Bottom("share", 6), total=True)
    sd = float(s.loc[s["group"] == TOTAL, "sd"].iloc[0])
    c = dist.contrast_for(s, Bottom("share", 6), var, sd)
    assert (c.kind, c.a, c.b) == ("same_mean", "A", "B")
    assert (c.mean_a, c.mean_b, c.bottom_a, c.bottom_b) == pytest.approx((7.8, 7.8, 0.2, 0.0))
    texts = {}
    for lang in ("en", "nl"):
        phrase = dist.bottom_phrase(Bottom("share", 6), lang, integer=True)
        texts[lang] = dist.contrast_sentence(
            c,
            Bottom("share", 6),
            lang,
            variable_label=var.label(lang),
            decimals=dist.mean_decimals(var, reg),
            share_decimals=dist.share_decimals(var, Bottom("share", 6), reg),
            phrase=phrase,
        )
    assert texts["en"] == (
        "Same mean life satisfaction (7.8) in A and B, but 20.0% versus 0.0% score below 6."
    )
    assert texts["nl"] == (
        "Zelfde gemiddelde levenstevredenheid (7,8) in A en B, maar 20,0% tegenover 0,0% "
        "scoort onder 6."
    )


def test_almost_same_mean_shows_both_means():
    c = Contrast("same_mean", "A", "B", 7.86, 7.74, 0.14, 0.06)
    out = dist.contrast_sentence(
        c,
        Bottom("share", 6),
        "nl",
        variable_label="Levenstevredenheid",
        decimals=1,
        phrase="scoort onder 6",
    )
    assert out == (
        "Bijna hetzelfde gemiddelde levenstevredenheid in A (7,9) en B (7,7), maar 14,0% "
        "tegenover 6,0% scoort onder 6."
    )


def test_reversed_pair_and_same_story():
    s = pd.DataFrame({"group": ["A", "B"], "mean": [7.0, 8.0], "bottom": [0.05, 0.10]})
    c = dist.find_contrast(s, Bottom("share", 6), mean_tolerance=0.1, bottom_gap=0.02)
    assert (c.kind, c.a, c.b) == ("reversed", "B", "A")
    out = dist.contrast_sentence(
        c,
        Bottom("share", 6),
        "en",
        variable_label="Life satisfaction",
        decimals=1,
        phrase="score below 6",
    )
    assert out == (
        "B does better than A on average (life satisfaction: 8.0 versus 7.0), yet more people "
        "in B score below 6: 10.0% versus 5.0%."
    )
    s = pd.DataFrame({"group": ["A", "B"], "mean": [8.0, 7.0], "bottom": [0.02, 0.10]})
    c = dist.find_contrast(s, Bottom("share", 6), mean_tolerance=0.1, bottom_gap=0.02)
    assert c.kind == "same_story"
    assert "same story" in dist.contrast_sentence(
        c, Bottom("share", 6), "en", variable_label="x", decimals=1
    )


def test_small_differences_are_no_contrast():
    # means equal, but bottoms differ by only 1 point: not clearly different
    s = pd.DataFrame({"group": ["A", "B"], "mean": [7.8, 7.8], "bottom": [0.05, 0.06]})
    c = dist.find_contrast(s, Bottom("share", 6), mean_tolerance=0.1, bottom_gap=0.02)
    assert c.kind == "same_story"


def test_quantile_bottom_sentence_in_dutch():
    s = pd.DataFrame({"group": ["A", "B"], "mean": [31000.0, 31020.0], "bottom": [15000.0, 19500]})
    c = dist.find_contrast(s, Bottom("quantile", p=0.1), mean_tolerance=500, bottom_gap=1000)
    assert (c.kind, c.a, c.b) == ("same_mean", "A", "B")
    out = dist.contrast_sentence(
        c, Bottom("quantile", p=0.1), "nl", variable_label="Inkomen", decimals=0
    )
    assert out == (
        "Bijna hetzelfde gemiddelde inkomen in A (31.000) en B (31.020), maar de P10 ligt op "
        "15.000 tegenover 19.500."
    )


def test_single_group_sentence():
    s = pd.DataFrame({"group": [TOTAL], "mean": [23.456], "bottom": [0.125], "median": [22.0]})
    c = dist.find_contrast(s, Bottom("share", 15), mean_tolerance=1, bottom_gap=0.02)
    assert c.kind == "single"
    out = dist.contrast_sentence(
        c,
        Bottom("share", 15),
        "en",
        variable_label="Part-time work",
        decimals=1,
        phrase="are below 15.0 %",
    )
    assert (
        out == "Total (all regions): mean part-time work 23.5, median 22.0; 12.5% are below 15.0 %."
    )


# ---- the bottom -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "expected"),
    [
        ("life_satisfaction", Bottom("share", 6.0, "below")),
        ("trust", Bottom("share", 5.0, "below")),
        ("happiness", Bottom("share", 3.0, "below")),
        ("housing_cost_burden", Bottom("share", 40.0, "at_least")),
        ("benefit_parttime_work", Bottom("quantile", p=0.1)),
    ],
)
def test_default_bottom_from_registry(reg, variable, expected):
    data = frame({"a": [1, 2, 3]})
    assert dist.default_bottom(reg.variable_by_id[variable], reg, data) == expected


def test_income_bottom_is_the_poverty_line(reg):
    data = frame({"a": [10_000, 20_000], "b": [30_000, 40_000]})
    b = dist.default_bottom(reg.variable_by_id["income"], reg, data)
    # weighted median of all: C_2 = 2 = 0.5 W -> (20000 + 30000) / 2; line 0.6 x 25000
    assert b == Bottom("share", 15_000.0, "below", poverty_line=True)
    assert dist.bottom_phrase(b, "en", decimals=0, unit="euro per year") == (
        "are below the poverty line of 15,000 euro per year (60% of the median of all regions)"
    )


def test_whole_scores_but_not_whole_euros_read_as_scores():
    reg = load_registry()
    assert dist.is_whole_score(reg.variable_by_id["life_satisfaction"], [0, 6, 10])
    assert not dist.is_whole_score(reg.variable_by_id["life_satisfaction"], [6.5, 7])
    assert not dist.is_whole_score(reg.variable_by_id["income"], [18000.0, 25000.0])


@pytest.mark.parametrize(
    ("bottom", "kwargs", "expected"),
    [
        (Bottom("share", 6), {"integer": True}, "score below 6"),
        (Bottom("share", 40, "at_least"), {"integer": True}, "score 40 or higher"),
        (Bottom("share", 40, "at_least"), {"unit": "%"}, "are at 40.0 % or higher"),
        (Bottom("share", 6.5), {"integer": True}, "are below 6.5"),
        (Bottom("share", 2), {"answers": ["bad", "ok", "good"]}, "answer 'bad'"),
        (Bottom("share", 3), {"answers": ["bad", "ok", "good"]}, "answer 'ok' or lower"),
        (Bottom("share", 3, "at_least"), {"answers": ["a", "b", "c"]}, "answer 'c'"),
        (Bottom("quantile"), {}, ""),
    ],
)
def test_bottom_phrase(bottom, kwargs, expected):
    assert dist.bottom_phrase(bottom, "en", **kwargs) == expected


# ---- the data -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pilot(reg):
    raw = pd.read_parquet(demo_file("pilot"))
    return raw, prepare(raw, suggest_mapping(raw, reg), reg)


def test_units_frame_by_higher_region_and_total(pilot, reg):
    raw, prepared = pilot
    assert "provincie" in dist.higher_region_columns(raw, "gemeente")
    assert "gemeente_code" not in dist.higher_region_columns(raw, "gemeente")
    data = dist.units_frame(
        prepared,
        "benefit_parttime_work",
        year=2024,
        by=raw["provincie"].to_numpy(),
        groups=["Utrecht", TOTAL],
    )
    n_2024 = int((raw["jaar"] == 2024).sum())
    assert (data["group"] == TOTAL).sum() == n_2024
    utrecht = raw[(raw["jaar"] == 2024) & (raw["provincie"] == "Utrecht")]
    part = data[data["group"] == "Utrecht"]
    assert part["weight"].sum() == utrecht["inwoners"].sum()
    s = dist.summarize(part, Bottom("quantile"))
    expected = np.average(utrecht["aandeel_deeltijdwerk"], weights=utrecht["inwoners"])
    assert s["mean"].iloc[0] == pytest.approx(expected)


def test_analyse_demo_people_names_utrecht_and_limburg(reg, demo_people, provinces):
    prepared = prepare(demo_people, suggest_mapping(demo_people, reg), reg)
    var = reg.variable_by_id["life_satisfaction"]
    result = dist.analyse(
        prepared, var, Bottom("share", 6), year=2024, groups=["Utrecht", "Zeeland"], min_n=10
    )
    assert {result.contrast_all.a, result.contrast_all.b} == {"Limburg", "Utrecht"}
    assert result.contrast_all.kind == "same_mean"
    assert len(result.ranks) == len(provinces)  # every province
    assert result.summary["group"].tolist() == ["Utrecht", "Zeeland"]
    assert dist.default_groups(result.overall, result.contrast_all)[:2] == ["Limburg", "Utrecht"]


def test_answer_labels_follow_language(reg):
    var = reg.variable_by_id["happiness"]
    scores = {lab: float(i + 1) for i, lab in enumerate(var.levels_nl)}
    assert dist.answer_labels(scores, var, "en") == list(var.levels_en)
    assert dist.answer_labels(scores, var, "nl") == list(var.levels_nl)


# ---- charts -----------------------------------------------------------------------------------


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


def spec(fig):
    return decode(json.loads(fig.to_json()))


def test_histogram_figure():
    d = frame(SAME_MEAN)
    s = dist.summarize(d, Bottom("share", 6))
    fig = spec(
        dist_charts.histogram_figure(
            d,
            s,
            lang="en",
            title="T",
            x_title="Life satisfaction (score 0-10)",
            y_title="Share (%)",
            decimals=1,
        )
    )
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    assert [b["name"] for b in bars] == ["A", "B", "C"]
    assert bars[0]["x"][0] == 4.0 and bars[0]["y"][0] == pytest.approx(20.0)  # A: 2 of 10
    assert sum(bars[1]["y"]) == pytest.approx(100.0)
    means = [t for t in fig["data"] if t.get("name") == "Mean"]
    medians = [t for t in fig["data"] if t.get("name") == "Median"]
    assert len(means) == len(medians) == 3
    assert means[0]["x"] == pytest.approx([7.8, 7.8])
    assert fig["layout"]["title"]["text"] == "T"
    assert fig["layout"]["xaxis3"]["title"]["text"] == "Life satisfaction (score 0-10)"
    assert any("mean 7.8" in a["text"] for a in fig["layout"]["annotations"])


def test_ecdf_and_violin_figures():
    d = frame(SAME_MEAN)
    s = dist.summarize(d, Bottom("share", 6))
    kw = {"lang": "nl", "title": "T", "x_title": "X", "y_title": "Y", "decimals": 1}
    fig = spec(dist_charts.ecdf_figure(d, s, **kw))
    lines = [t for t in fig["data"] if t.get("mode") == "lines"]
    assert [t["legendgroup"] for t in lines] == ["A", "B", "C"]
    assert lines[0]["name"] == "A (gemiddelde 7,8, mediaan 8,0)"
    assert lines[0]["y"][-1] == pytest.approx(100.0) and lines[0]["line"]["shape"] == "hv"
    assert lines[0]["y"][0] == pytest.approx(20.0)  # A: 20% at 4 or lower
    marks = {t["name"]: t for t in fig["data"] if t.get("mode") == "markers"}
    # A's mean 7.8 sits on the step at 4 (20% at or below 7.8); median (8 + 8) / 2 = 8 at 60%
    assert marks["Gemiddelde A"]["x"] == [7.8] and marks["Gemiddelde A"]["y"] == [20.0]
    assert marks["Mediaan A"]["x"] == [8.0] and marks["Mediaan A"]["y"] == [60.0]
    fig = spec(dist_charts.violin_figure(d, s, **kw))
    assert [t["name"] for t in fig["data"] if t["type"] == "violin"] == ["A", "B", "C"]
    assert [t["name"] for t in fig["data"] if t["type"] == "scatter"] == ["Gemiddelde", "Mediaan"]
    assert "gemiddelde 7,8" in fig["layout"]["xaxis"]["ticktext"][0]


def test_answers_quantile_and_slope_figures():
    d = frame({"a": [1, 2, 2, 3], "b": [3, 3]})
    shares = dist.answer_shares(d, 3, ["a", "b"])
    fig = spec(
        dist_charts.answers_figure(shares, ["bad", "ok", "good"], lang="en", title="T", y_title="%")
    )
    assert [t["x"] for t in fig["data"]] == [["bad", "ok", "good"]] * 2
    assert fig["data"][0]["y"] == pytest.approx([25.0, 50.0, 25.0])
    s = dist.summarize(frame(SAME_MEAN), Bottom("share", 6))
    fig = spec(dist_charts.quantile_figure(s, lang="en", title="T", x_title="X", decimals=1))
    names = [t["name"] for t in fig["data"] if t.get("showlegend") is not False]
    assert names == ["P10 / P90", "P25 / P75", "Median", "Mean"]
    # the legend sits at the bottom of the figure, clear of a two-line title
    legend = fig["layout"]["legend"]
    assert (legend["yref"], legend["yanchor"]) == ("container", "top")
    assert legend["y"] * fig["layout"]["height"] < fig["layout"]["margin"]["b"]
    mean = fig["data"][-1]
    assert mean["x"] == pytest.approx([7.8, 7.8, 5.7]) and mean["y"] == ["A", "B", "C"]
    ranks = dist.rank_table(s, Bottom("share", 6))
    fig = spec(dist_charts.slope_figure(ranks, lang="en", title="T", bottom_label="P10"))
    # ties share the better rank: A and B both first by mean; by the bottom B, A, C
    lines = [t for t in fig["data"] if t.get("yaxis") != "y2"]
    assert [t["y"] for t in lines] == [[1, 2], [1, 1], [3, 3]]
    assert fig["layout"]["yaxis"]["ticktext"] == ["A / B (1)", "C (3)"]
    assert fig["layout"]["yaxis2"]["ticktext"] == ["(1) B", "(2) A", "(3) C"]
    assert fig["layout"]["xaxis"]["ticktext"] == ["Rank by mean", "Rank by P10"]
    s = pd.DataFrame(
        {"group": list("ABCD"), "mean": [8.0, 7.8, 7.0, 6.0], "bottom": [0.2, 0.02, 0.05, 0.3]}
    )
    fig = spec(
        dist_charts.slope_figure(
            dist.rank_table(s, Bottom("share", 6)), lang="en", title="T", bottom_label="P10"
        )
    )
    assert fig["data"][0]["line"]["color"] == palette.MOVED_COLOUR  # A: rank 1 -> 3
    assert fig["data"][1]["line"]["color"] == palette.STEADY_COLOUR
    assert fig["data"][0]["name"] == "moved 2 or more places"


# ---- drawing: nothing over the title, nothing cut (issue 9, item 10) --------------------------

LONG = {
    "Nordrhein-Westfalen": [20000, 25000, 31000, 40000, 52000],
    "Mecklenburg-Vorpommern": [18000, 30000, 40000, 45000, 70000],
    "Súdwest-Fryslân": [15000, 22000, 33000, 38000, 41000],
    "Schleswig-Holstein": [21000, 28000, 36000, 44000, 100000],
}
INCOME = "Standardised disposable household income (euro per year)"


def _legend_clear_of_title(layout) -> None:
    """The legend stands under the plot, in the bottom margin, below the x axis's labels."""
    legend, margin, height = layout["legend"], layout["margin"], layout["height"]
    assert legend.get("yref") == "container" and legend.get("yanchor") == "top"
    top = legend["y"] * height  # pixels from the figure's bottom to the legend's top
    assert top < margin["b"] - 40  # the tick labels and the axis title fit above it
    assert top >= 24 * chart_layout.legend_rows([t["name"] for t in layout["_legend_names"]], 620)


def test_ecdf_legend_stands_under_the_chart_not_over_its_title():
    d = frame(LONG)
    s = dist.summarize(d, Bottom("share", 21222))
    fig = spec(
        dist_charts.ecdf_figure(
            d, s, lang="en", title="T " * 60, x_title=INCOME, y_title="Share (%)", decimals=0
        )
    )
    layout = dict(fig["layout"])
    layout["_legend_names"] = [t for t in fig["data"] if t.get("showlegend") is not False]
    # six entries with long names need more than one row: above the plot they grew upwards
    # into the title
    assert chart_layout.legend_rows([t["name"] for t in layout["_legend_names"]], 620) >= 2
    _legend_clear_of_title(layout)
    assert layout["xaxis"]["automargin"] is True and layout["yaxis"]["automargin"] is True


def test_long_axis_titles_are_wrapped_not_cut():
    s = dist.summarize(frame(LONG), Bottom("share", 21222))
    fig = spec(dist_charts.quantile_figure(s, lang="en", title="T", x_title=INCOME, decimals=0))
    shown = fig["layout"]["xaxis"]["title"]["text"]
    lines = shown.split("<br>")
    assert len(lines) == 2 and all(len(line) <= 42 for line in lines)  # a half-width column
    assert " ".join(lines) == INCOME  # every word is there: "(euro per year)" in full
    assert fig["layout"]["yaxis"]["automargin"] is True  # the longest region name fits
    assert "Mecklenburg-Vorpommern" in fig["data"][-1]["y"]


def test_rank_chart_names_fit_and_its_heads_stay_under_the_title():
    s = dist.summarize(frame(LONG), Bottom("share", 21222))
    ranks = dist.rank_table(s, Bottom("share", 21222))
    bottom = "share who are below the poverty line of 21,222 euro per year (60% of the median)"
    title = f"Income in 2023: rank by mean versus rank by {bottom}"
    fig = spec(
        dist_charts.slope_figure(
            ranks, lang="en", title=title, bottom_label=bottom, highlight=["Súdwest-Fryslân"]
        )
    )
    layout = fig["layout"]
    # the names are tick labels of a left and a right axis that grow the margins to fit
    for axis in ("yaxis", "yaxis2"):
        assert layout[axis]["automargin"] is True
        shown = " ".join(layout[axis]["ticktext"]).replace("<br>", "").replace("<b>", "")
        for name in LONG:
            assert name in shown.replace("</b>", "")  # every name in full
    assert any("<b>Súdwest-Fryslân</b>" in t for t in layout["yaxis"]["ticktext"])  # chosen
    assert layout["yaxis2"]["side"] == "right" and layout["yaxis2"]["overlaying"] == "y"
    # the heads are the top axis's tick labels; the title is pinned to the top of the figure
    # and the top margin holds the title's lines and then the heads' lines
    assert layout["xaxis"]["side"] == "top"
    heads = max(t.count("<br>") + 1 for t in layout["xaxis"]["ticktext"])
    title_lines = layout["title"]["text"].count("<br>") + 1
    assert heads >= 3 and title_lines >= 2
    assert layout["title"]["yref"] == "container" and layout["title"]["yanchor"] == "top"
    assert layout["title"]["y"] * layout["height"] >= layout["height"] - 15
    assert layout["margin"]["t"] >= 20 * title_lines + 15 * heads + 20


def test_violins_tail_off_inside_the_scale():
    d = frame(SAME_MEAN)  # scores 4-10 (A), 6-10 (B), 5-6 (C) on a 0-10 scale
    s = dist.summarize(d, Bottom("share", 6))
    kw = {"lang": "en", "title": "T", "x_title": "X", "y_title": "Y", "decimals": 1}
    fig = spec(dist_charts.violin_figure(d, s, scale=(0, 10), **kw))
    violins = [t for t in fig["data"] if t["type"] == "violin"]
    # not "hard" (cut flat at the lowest and highest answer): two bandwidths of tail, but
    # never past the end of the scale
    assert [t["spanmode"] for t in violins] == ["manual"] * 3
    assert [t["bandwidth"] for t in violins] == [0.6] * 3
    assert [tuple(t["span"]) for t in violins] == [(2.8, 10.0), (4.8, 10.0), (3.8, 7.2)]
    low, high = fig["layout"]["yaxis"]["range"]
    assert low < 2.8 and high > 10  # room around the shapes: their ends are not the frame's
    assert not any(t.get("showlegend", True) for t in violins)  # named on the axis
    # amounts without a scale: a smooth tail above the highest value, none below 0
    d = frame(LONG)
    s = dist.summarize(d, Bottom("share", 21222))
    fig = spec(dist_charts.violin_figure(d, s, **{**kw, "decimals": 0}))
    for trace, values in zip(fig["data"], LONG.values(), strict=False):
        lo, hi = trace["span"]
        assert lo >= 0 and lo < min(values) and hi > max(values)
        assert hi == pytest.approx(max(values) + 2 * trace["bandwidth"])
    # the tick labels: the name (long ones on two lines), the mean, the median
    assert fig["layout"]["xaxis"]["ticktext"][1].startswith("<b>Mecklenburg-</b><br>")


@pytest.mark.parametrize(("lang", "expected"), [("en", "A (n = 10)"), ("nl", "A (n = 10)")])
def test_histogram_panels_tell_their_n(lang, expected):
    d = frame(SAME_MEAN)
    s = dist.summarize(d, Bottom("share", 6))
    fig = spec(
        dist_charts.histogram_figure(
            d, s, lang=lang, title="T", x_title="x", y_title="y", decimals=1
        )
    )
    panels = [a["text"] for a in fig["layout"]["annotations"][:3]]
    assert panels[0] == expected and all("(n = " in p for p in panels)


def test_small_regions_are_left_out_of_every_summary_sentence_and_rank(reg):
    # the browser fixture: 8 municipalities x 30 people a year; threshold 50
    from indicators.io.load import load_table

    raw = load_table(ROOT / "tests" / "browser" / "data" / "gemeenten.csv")
    prepared = prepare(raw, suggest_mapping(raw, reg), reg)
    var = reg.variable_by_id["income"]
    result = dist.analyse(
        prepared, var, Bottom("share", 20000), year=2023, groups=["Amsterdam", TOTAL], min_n=50
    )
    assert result.hidden == ["Amsterdam"]
    assert result.summary["group"].tolist() == [TOTAL]
    assert set(result.data["group"]) == {TOTAL}
    assert result.ranks.empty and result.contrast.kind == "single"
    assert set(result.small["group"]) == set(prepared.regions) and (result.small["n"] == 30).all()
    table = dist.numbers_table(result.overall, result.ranks, "en", small=result.small)
    hidden = table[table["suppressed"]]
    assert len(hidden) == 8 and hidden["mean"].isna().all() and hidden["bottom"].isna().all()


def test_numeric_region_codes_are_categories_in_violins_and_percentiles():
    """Region codes that are numbers (8001) name the violins and the percentile rows."""
    d = frame({"8001": [4, 5, 6], "12007": [5, 6, 7]})
    s = dist.summarize(d, Bottom("share", 6))
    kw = {"lang": "en", "title": "T", "x_title": "X", "decimals": 1}
    fig = spec(dist_charts.violin_figure(d, s, y_title="Y", **kw))
    assert fig["layout"]["xaxis"]["type"] == "category"
    fig = spec(dist_charts.quantile_figure(s, **kw))
    assert fig["layout"]["yaxis"]["type"] == "category"


# ---- intervals (issue: intervals on every number) -------------------------------------------


def tiny_prepared(reg):
    """Two regions in 2024 (a: 2, 4, 9 with weights 1, 1, 2 and one person without an answer;
    b: 3, 5 with weights 1, 3) and one row of 2023 that must not count."""
    from indicators.dataset.mapping import Mapping

    raw = pd.DataFrame(
        {
            "regio": ["a", "a", "a", "a", "b", "b", "b"],
            "jaar": [2024] * 6 + [2023],
            "w": [1.0, 1, 2, 1, 1, 3, 5],
            "x": [2, 4, 9, None, 3, 5, 1],
        }
    )
    mapping = Mapping.build("regio", year="jaar", weight="w", variables={"life_satisfaction": "x"})
    return prepare(raw, mapping, reg)


def test_intervals_by_hand(reg):
    """Linearized standard errors of a weighted mean and share, each region a domain of the
    year's six rows (one stratum, each row its own unit, the row without an answer too):
    u_i = w_i (x_i - mu_d) / W_d in the domain, 0 elsewhere; var = n / (n - 1) sum (u_i - mean u)^2.
    """
    prepared = tiny_prepared(reg)
    var = reg.variable_by_id["life_satisfaction"]
    base = dist.survey(prepared, var, Bottom("share", 5.0), year=2024, ci=0.95)
    o = base.overall.set_index("group")
    # a: mu = (2 + 4 + 2 x 9) / 4 = 6; u = -1, -0.5, 1.5, 0 (no answer), 0, 0: sum u^2 = 3.5
    assert o.loc["a", "mean"] == 6.0
    assert o.loc["a", "mean_se"] == pytest.approx(np.sqrt(6 / 5 * 3.5))  # 2.0494
    # share below 5 in a: p = 2 / 4; u = 0.125, 0.125, -0.25: sum u^2 = 0.09375
    assert o.loc["a", "bottom"] == 0.5
    assert o.loc["a", "bottom_se"] == pytest.approx(np.sqrt(6 / 5 * 0.09375))  # 0.3354
    # b: mu = (3 + 3 x 5) / 4 = 4.5; u = -0.375, 0.375; p = 1 / 4, u = 0.1875, -0.1875
    assert o.loc["b", "mean_se"] == pytest.approx(np.sqrt(6 / 5 * 2 * 0.375**2))  # 0.5809
    assert o.loc["b", "bottom_se"] == pytest.approx(np.sqrt(6 / 5 * 2 * 0.1875**2))  # 0.2905
    # Total: mu = 42 / 8 = 5.25; u = w (x - 5.25) / 8
    u = np.array([-3.25, -1.25, 2 * 3.75, -2.25, 3 * -0.25]) / 8
    assert o.loc[TOTAL, "mean_se"] == pytest.approx(np.sqrt(6 / 5 * (u**2).sum()))  # 1.1779
    # the 95% interval: value -/+ 1.96 se
    assert o.loc["a", "mean_low"] == pytest.approx(6 - 1.959964 * np.sqrt(4.2))
    assert o.loc["a", "mean_high"] == pytest.approx(6 + 1.959964 * np.sqrt(4.2))
    assert o.loc["b", "bottom_low"] == pytest.approx(0.25 - 1.959964 * np.sqrt(0.084375))


def test_intervals_are_those_of_the_results_table(reg, demo_people):
    """The page's intervals are the dashboard's: the results table's se of the same mean,
    share below 6 and poverty rate (its line estimated too) in the same region and year."""
    from indicators.results import compute

    prepared = prepare(demo_people, suggest_mapping(demo_people, reg), reg)
    results = compute(prepared, reg, ci=0.95)
    results = results[(results["year"] == 2024) & results["region"].isin(["Limburg", TOTAL])]
    se = results.set_index(["indicator", "region"])["se"]
    var = reg.variable_by_id["life_satisfaction"]
    o = dist.survey(prepared, var, Bottom("share", 6.0), year=2024, ci=0.95).overall
    o = o.set_index("group")
    for region in ("Limburg", TOTAL):
        assert o.loc[region, "mean_se"] == pytest.approx(se["life_satisfaction_mean", region])
        assert o.loc[region, "bottom_se"] == pytest.approx(
            se["life_satisfaction_unsatisfied", region]
        )
    income = reg.variable_by_id["income"]
    rows = dist.units_frame(prepared, "income", year=2024)
    poverty = dist.default_bottom(income, reg, rows)
    assert poverty.poverty_line
    o = dist.survey(prepared, income, poverty, year=2024, ci=0.95).overall.set_index("group")
    assert o.loc["Limburg", "bottom_se"] == pytest.approx(se["income_poverty_rate", "Limburg"])
    # the same share with the line taken as known is a little narrower
    fixed = dist.standard_errors(
        prepared, income, Bottom("share", poverty.threshold), year=2024
    ).set_index("group")
    assert fixed.loc["Limburg", "bottom_se"] != pytest.approx(o.loc["Limburg", "bottom_se"])


def test_aggregates_and_small_cells_have_no_interval(reg):
    from indicators.io.load import load_table

    raw = load_table(ROOT / "tests" / "browser" / "data" / "gemeenten.csv")
    prepared = prepare(raw, suggest_mapping(raw, reg), reg)
    var = reg.variable_by_id["income"]
    base = dist.survey(prepared, var, Bottom("share", 20000), year=2023, min_n=50, ci=0.95)
    result = dist.focus(base, var, Bottom("share", 20000), [TOTAL])
    table = dist.numbers_table(result.overall, result.ranks, "en", small=result.small)
    hidden = table[table["suppressed"]]
    assert len(hidden) == 8
    for column in ("mean_se", "mean_ci_low", "mean_ci_high", "bottom_ci_low", "p10_ci_high"):
        assert hidden[column].isna().all(), column
    total = table[table["region"] == TOTAL].iloc[0]
    assert total["mean_ci_low"] < total["mean"] < total["mean_ci_high"]
    # Dutch column names
    nl = dist.numbers_table(result.overall, result.ranks, "nl", small=result.small)
    assert {"gemiddelde_standaardfout", "gemiddelde_ondergrens", "onderkant_bovengrens"} <= set(
        nl.columns
    )
    # aggregates: one row per region, no sampling uncertainty, no interval columns
    statline = load_table(ROOT / "tests" / "data" / "statline_regionaal.csv")
    from indicators.dataset.mapping import Mapping

    mapping = Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    )
    agg = prepare(statline, mapping, reg)
    assert agg.shape == "aggregates"
    base = dist.survey(agg, var, Bottom("quantile", p=0.1), ci=0.95)
    assert not any(c.endswith("_se") for c in base.overall.columns)


def test_difference_of_bottoms_by_hand():
    # 12% versus 5%, se 2 and 2 points: se of the difference sqrt(2^2 + 2^2) = 2.83 points,
    # 7 -/+ 1.96 x 2.83 = 1.46 to 12.54: significant
    c = Contrast("same_mean", "Limburg", "Utrecht", 7.8, 7.8, 0.12, 0.05, se_a=0.02, se_b=0.02)
    d = dist.bottom_difference(c)
    assert d.se == pytest.approx(np.sqrt(0.02**2 + 0.02**2))
    assert (d.low, d.high) == pytest.approx((0.07 - 0.0554368, 0.07 + 0.0554368), abs=1e-6)
    assert d.significant
    kw = {"variable_label": "Life satisfaction", "decimals": 1, "phrase": "score below 6"}
    assert dist.contrast_sentence(c, Bottom("share", 6), "en", **kw) == (
        "Same mean life satisfaction (7.8) in Limburg and Utrecht, but 12.0% versus 5.0% score "
        "below 6. That is significantly more in Limburg: 7.0 percentage points (95% interval of "
        "the difference: 1.5 to 12.5)."
    )
    # se 3 and 3 points: sqrt(18) = 4.24, 7 -/+ 8.32 = -1.3 to 15.3 holds 0: about the same
    c = Contrast("same_mean", "Limburg", "Utrecht", 7.8, 7.8, 0.12, 0.05, se_a=0.03, se_b=0.03)
    assert not dist.bottom_difference(c).significant
    assert dist.contrast_sentence(c, Bottom("share", 6), "en", **kw) == (
        "Same mean life satisfaction (7.8) in Limburg and Utrecht, and about the same share who "
        "score below 6: 12.0% versus 5.0%; the difference of 7.0 percentage points is within the "
        "margin of error (95% interval: -1.3 to 15.3)."
    )
    nl = dict(kw, variable_label="Levenstevredenheid", phrase="scoort onder 6")
    assert dist.contrast_sentence(c, Bottom("share", 6), "nl", **nl) == (
        "Zelfde gemiddelde levenstevredenheid (7,8) in Limburg en Utrecht, en ongeveer hetzelfde "
        "aandeel dat scoort onder 6: 12,0% tegenover 5,0%; het verschil van 7,0 procentpunt valt "
        "binnen de onzekerheidsmarge (95%-interval: -1,3 tot 15,3)."
    )
    # without standard errors (aggregates): the numbers as they are, no claim either way
    c = Contrast("same_mean", "Limburg", "Utrecht", 7.8, 7.8, 0.12, 0.05)
    assert dist.bottom_difference(c) is None
    assert dist.contrast_sentence(c, Bottom("share", 6), "en", **kw).endswith("score below 6.")


def test_difference_of_quantile_bottoms_and_reversed_pairs():
    kw = {"variable_label": "Life satisfaction", "decimals": 1}
    # P10 6 versus 7, se 0.1 and 0.05: sqrt(0.0125) = 0.112, 1 -/+ 0.219: significantly lower
    c = Contrast("same_mean", "Limburg", "Utrecht", 7.9, 7.9, 6.0, 7.0, se_a=0.1, se_b=0.05)
    sentence = dist.contrast_sentence(c, Bottom("quantile", p=0.1), "en", **kw)
    assert sentence.endswith(
        "but the P10 is 6.0 versus 7.0. That is significantly lower in Limburg: 1.0 (95% "
        "interval of the difference: 0.8 to 1.2)."
    )
    # a better mean, a worse bottom that is not clearly worse
    c = Contrast("reversed", "A", "B", 8.0, 7.5, 0.10, 0.07, se_a=0.02, se_b=0.02)
    sentence = dist.contrast_sentence(
        c, Bottom("share", 6), "en", phrase="score below 6", share_decimals=0, **kw
    )
    assert sentence == (
        "A does better than B on average (life satisfaction: 8.0 versus 7.5), with about the "
        "same share who score below 6: 10% versus 7%; the difference of 3 percentage points is "
        "within the margin of error (95% interval: -3 to 9)."
    )


def test_a_significant_contrast_comes_before_a_larger_one_that_is_not():
    s = pd.DataFrame(
        {
            "group": ["small", "L", "U"],
            "mean": [7.8, 7.8, 7.8],
            "bottom": [0.15, 0.08, 0.03],
            # the small region's 15% rests on few people (se 6 points): 15 vs 3 is 12 -/+ 11.8
            # (just significant, but against 8%: 7 -/+ 11.8 is not); L vs U: 5 -/+ 1.9
            "bottom_se": [0.06, 0.007, 0.005],
        }
    )
    c = dist.find_contrast(s, Bottom("share", 6), mean_tolerance=0.1, bottom_gap=0.02)
    assert (c.kind, c.a, c.b) == ("same_mean", "small", "U")
    s.loc[0, "bottom_se"] = 0.07  # 12 -/+ 13.8: not significant; L and U are
    c = dist.find_contrast(s, Bottom("share", 6), mean_tolerance=0.1, bottom_gap=0.02)
    assert (c.kind, c.a, c.b) == ("same_mean", "L", "U")
    assert dist.bottom_difference(c).significant
    # no pair significant: the largest gap, which the sentence then calls about the same
    s["bottom_se"] = 0.07
    c = dist.find_contrast(s, Bottom("share", 6), mean_tolerance=0.1, bottom_gap=0.02)
    assert (c.a, c.b) == ("small", "U") and not dist.bottom_difference(c).significant
