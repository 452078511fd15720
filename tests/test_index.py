"""Profiles and the composite index (indicators/analyses/profiles.py, index.py) and the ``index``
command."""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest

from indicators import cli
from indicators.analyses import index as ix
from indicators.analyses import profiles as pr
from indicators.package_data import demo_file
from indicators.registry.catalog import load_registry

REG = load_registry()

# three regions and the Total; three dimensions, one average each, and one indicator beyond
# the average (life_satisfaction_unsatisfied) that only the inequality-adjusted index uses
HAND = {
    "life_satisfaction_mean": [6.0, 7.0, 8.0, 7.2],  # higher is better: A 0, B 5, C 10
    "income_median": [30.0, 40.0, 20.0, 32.0],  # higher is better: A 5, B 10, C 0
    "housing_cost_burden_median": [20.0, 30.0, 40.0, 28.0],  # lower is better: A 10, B 5, C 0
    "life_satisfaction_unsatisfied": [0.1, 0.2, 0.3, 0.18],  # lower is better: A 10, B 5, C 0
}
REGIONS = ["A", "B", "C", "Total"]


def _results(table=HAND, regions=REGIONS, year=2024):
    rows = [
        {
            "region": region,
            "year": year,
            "breakdown": "",
            "group": "",
            "indicator": ind,
            "measure": "mean",
            "part": "total",
            "value": value,
            "status": "ok",
            "weight_sum": 1.0,
        }
        for ind, values in table.items()
        for region, value in zip(regions, values, strict=True)
    ]
    return pd.DataFrame(rows)


def test_profile_scores_min_max_by_polarity_with_the_total():
    scores, no_direction, flat = pr.profiles(_results(), REG, 2024)
    assert (no_direction, flat) == ([], [])
    assert scores.loc["A"].to_dict() == {
        "housing_cost_burden_median": 10.0,
        "income_median": 5.0,
        "life_satisfaction_mean": 0.0,
        "life_satisfaction_unsatisfied": 10.0,
    }
    assert scores.loc["Total", "life_satisfaction_mean"] == pytest.approx(6.0)
    assert scores.loc["Total", "income_median"] == pytest.approx(6.0)
    assert scores.loc["Total", "housing_cost_burden_median"] == pytest.approx(6.0)
    profile = pr.profile_table(scores, "B", REG, "en")
    # in the registry's order of dimensions: subjective well-being, material welfare, housing
    assert list(profile["dimension"]) == [
        "subjective_wellbeing",
        "subjective_wellbeing",
        "material_welfare",
        "housing",
    ]
    assert profile.set_index("indicator").loc["income_median", "score"] == 10.0


def test_profiles_leave_out_flat_and_undirected_indicators():
    table = {**HAND, "trust_mean": [5.0, 5.0, 5.0, 5.0]}
    scores, _, flat = pr.profiles(_results(table), REG, 2024)
    assert flat == ["trust_mean"] and "trust_mean" not in scores


def test_similar_regions_by_profile_distance():
    scores = pd.DataFrame(
        {"a": [0.0, 1.0, 10.0, 4.0], "b": [0.0, 0.0, 10.0, 6.0], "c": [5.0, 5.0, 0.0, 5.0]},
        index=["x", "y", "z", "w"],
    )
    near = pr.similar_regions(scores, "x", k=3, close=2)
    assert list(near["region"]) == ["y", "w", "z"]
    assert near["distance"].iloc[0] == pytest.approx(math.sqrt(1 / 3))
    assert near["distance"].iloc[1] == pytest.approx(math.sqrt((16 + 36 + 0) / 3))
    assert near["alike"].iloc[0] == ["b", "c"]  # equal on b and c, 1 apart on a


def test_index_with_equal_weights_gives_hand_computed_scores_and_ranks():
    result = ix.composite(_results(), REG, year=2024, draws=200, seed=1)
    table = result.table.set_index("region")
    # equal weights per dimension over the three averages: (0+5+10)/3, (5+10+5)/3, (10+0+0)/3
    assert table["index"].to_dict() == pytest.approx({"A": 5.0, "B": 20 / 3, "C": 10 / 3})
    assert table["rank"].to_dict() == {"A": 2, "B": 1, "C": 3}
    assert list(result.table["region"]) == ["B", "A", "C"]  # best first
    assert table.loc["A", "subjective_wellbeing"] == 0.0
    assert table.loc["A", "housing"] == 10.0
    assert list(result.dimensions) == ["subjective_wellbeing", "material_welfare", "housing"]
    assert "life_satisfaction_unsatisfied" not in result.scores
    assert result.indicator_weights.sum() == pytest.approx(1.0)


def test_index_weights_and_the_inequality_adjusted_indicators():
    weighted = ix.composite(
        _results(), REG, year=2024, draws=0, weights={"subjective_wellbeing": 2, "housing": 1}
    )
    # material welfare is not named: weight 0; A (0*2+10)/3, B (5*2+5)/3, C (10*2+0)/3
    got = weighted.table.set_index("region")["index"].to_dict()
    assert got == pytest.approx({"A": 10 / 3, "B": 5.0, "C": 20 / 3})
    adjusted = ix.composite(_results(), REG, year=2024, draws=0, adjusted=True)
    # life satisfaction by its share not satisfied (lower is better): A 10, B 5, C 0
    got = adjusted.table.set_index("region")["index"].to_dict()
    assert got == pytest.approx({"A": 25 / 3, "B": 20 / 3, "C": 0.0})
    assert "life_satisfaction_mean" not in adjusted.scores


def test_index_normalisations_z_scores_and_distance_to_target():
    values = pr.values_in(_results(), 2024)
    direction = pr.directions(REG, values.columns)
    z = ix.normalise(values, direction, "zscore")
    sd = np.std([6.0, 7.0, 8.0])
    assert z.loc["A", "life_satisfaction_mean"] == pytest.approx(-1 / sd)
    assert z.loc["A", "housing_cost_burden_median"] == pytest.approx(10 / np.std([20, 30, 40]))
    target = ix.normalise(values, direction, "target")  # the Total as the target
    assert target.loc["A", "life_satisfaction_mean"] == 0.0
    assert target.loc["B", "life_satisfaction_mean"] == pytest.approx(10 * 1 / 1.2)
    assert target.loc["C", "life_satisfaction_mean"] == 10.0  # beyond the target
    assert target.loc["B", "housing_cost_burden_median"] == pytest.approx(10 * 10 / 12)
    given = ix.normalise(values, direction, "target", targets={"income_median": 50.0})
    assert given.loc["B", "income_median"] == pytest.approx(10 * 20 / 30)


def test_rank_intervals_come_from_dirichlet_draws_around_the_weights():
    one = ix.composite(_results(), REG, year=2024, draws=1000, seed=5).table
    two = ix.composite(_results(), REG, year=2024, draws=1000, seed=5).table
    pd.testing.assert_frame_equal(one, two)  # a seed gives the same intervals
    assert (one["rank_p05"] <= one["rank"]).all() and (one["rank"] <= one["rank_p95"]).all()
    # B is first under every weight set with material welfare in; C first when well-being
    # weighs more than the rest together: its interval reaches the top only if that happens
    # in more than 5% of draws
    weights = np.random.default_rng(0).dirichlet([10, 10, 10], size=100_000)
    c_first = np.mean(
        10 * weights[:, 0]
        > np.maximum(
            5 * weights[:, 0] + 10 * weights[:, 1] + 5 * weights[:, 2],
            5 * weights[:, 1] + 10 * weights[:, 2],
        )
    )
    assert c_first < 0.05
    assert one.set_index("region").loc["C", "rank_p05"] > 1


def test_weighted_index_is_one_product_for_all_draws():
    dims = np.array([[1.0, 3.0], [2.0, np.nan]])  # region 2 lacks dimension 2
    w = np.array([[0.5, 0.5], [0.25, 0.75]])
    got = ix.weighted_index(dims, w)
    assert got.tolist() == [[2.0, 2.0], [2.5, 2.0]]


@pytest.mark.parametrize("seed", range(6))
def test_every_rank_interval_contains_the_point_rank_on_random_tables(seed):
    rng = np.random.default_rng(seed)
    regions = [f"R{i}" for i in range(15)] + ["Total"]
    table = {
        ind: list(rng.normal(10, 3, len(regions)))
        for ind in (
            "life_satisfaction_mean",
            "income_median",
            "housing_cost_burden_median",
            "trust_mean",
            "health_good",
            "unsafe_share",
        )
    }
    weights = dict(zip(["health", "society", "safety"], rng.uniform(0.2, 3, 3), strict=True))
    for w in (None, weights):
        t = ix.composite(_results(table, regions), REG, year=2024, weights=w, seed=seed).table
        assert (t["rank_p05"] <= t["rank"]).all(), t
        assert (t["rank"] <= t["rank_p95"]).all(), t


def test_index_on_the_demo_people_data():
    from indicators.dataset.mapping import suggest_mapping
    from indicators.dataset.prepare import prepare
    from indicators.results import compute

    df = pd.read_parquet(demo_file("people"))
    df = df[df["jaar"] == 2024]
    prepared = prepare(df, suggest_mapping(df, REG), REG)
    results = compute(prepared, REG)
    result = ix.composite(results, prepared.registry, year=2024)
    t = result.table
    assert len(t) == 12 and sorted(t["rank"]) == list(range(1, 13))
    assert (t["rank_p05"] <= t["rank"]).all() and (t["rank"] <= t["rank_p95"]).all()
    assert len(result.dimensions) == 8
    assert t["index"].between(0, 10).all()


# ---- the command line -------------------------------------------------------------------------


def _csv(tmp_path):
    """An aggregate table: CBS-like regional values of three catalogue variables."""
    df = pd.DataFrame(
        {
            "regio": ["A", "B", "C"] * 2,
            "jaar": [2023] * 3 + [2024] * 3,
            "levenstevredenheid": [8.0, 7.0, 6.0, 6.0, 7.0, 8.0],  # 2023 reversed
            "inkomen": [30.0, 40.0, 20.0, 30.0, 40.0, 20.0],
            "woonquote": [20.0, 30.0, 40.0, 20.0, 30.0, 40.0],
        }
    )
    path = tmp_path / "regions.csv"
    df.to_csv(path, index=False)
    return str(path)


def test_cli_index_writes_ranks_intervals_and_dimension_scores(tmp_path, capsys):
    path = _csv(tmp_path)
    code = cli.main(
        ["index", path, "--region", "regio", "--year", "jaar", "--draws", "300", "--seed", "3"]
    )
    assert code == 0, capsys.readouterr().err
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(table.columns[:5]) == ["regio", "index", "rank", "rank_p05", "rank_p95"]
    assert list(table.columns[5:]) == ["subjective_wellbeing", "material_welfare", "housing"]
    assert table.set_index("regio")["index"].to_dict() == pytest.approx(
        {"A": 5.0, "B": 20 / 3, "C": 10 / 3}
    )
    assert list(table["rank"]) == [1, 2, 3]
    # --weights and --at
    code = cli.main(
        [
            "index",
            path,
            "--region",
            "regio",
            "--year",
            "jaar",
            "--at",
            "2023",
            "--weights",
            "subjective_wellbeing=2,housing=1",
            "--draws",
            "0",
        ]
    )
    assert code == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index("regio")
    # 2023: well-being A 10, B 5, C 0; housing A 10, B 5, C 0 (material welfare weighs 0)
    assert table["index"].to_dict() == pytest.approx({"A": 10.0, "B": 5.0, "C": 0.0})


@pytest.mark.parametrize(
    ("extra", "lang", "says"),
    [
        (["--weights", "health"], "en", "write DIMENSION=WEIGHT"),
        (["--weights", "health"], "nl", "schrijf DIMENSIE=GEWICHT"),
        (["--weights", "safety=1"], "en", "'safety' is not a dimension of the index"),
        (["--weights", "safety=1"], "nl", "'safety' is geen dimensie van de index"),
        (["--weights", "housing=0"], "nl", "alle gewichten zijn 0"),
        (["--at", "1999"], "en", "--at 1999: that year is not in the file"),
        (["--at", "1999"], "nl", "--at 1999: dat jaar staat niet in het bestand"),
    ],
)
def test_cli_index_errors_in_the_users_language(tmp_path, capsys, extra, lang, says):
    path = _csv(tmp_path)
    code = cli.main(["index", path, "--region", "regio", "--year", "jaar", *extra, "--lang", lang])
    err = capsys.readouterr().err
    assert code == 2
    assert says in err
    assert "Traceback" not in err


def test_cli_index_argparse_errors_in_dutch(tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli.main(["index", _csv(tmp_path), "--lang", "nl"])
    assert "deze argumenten ontbreken: --region" in capsys.readouterr().err


def test_the_view_states_the_value_choices_and_draws_rank_intervals():
    from indicators.views.blocks import Chart, Table, Text
    from indicators.views.profiles import Choices, profiles

    results = pd.concat([_results(year=2023), _results()], ignore_index=True)
    choices = Choices(indicator="income_median", region="A", year=2024, draws=100)
    view = profiles(results, REG, choices, lang="en", names={"A": "Aa & <b>"})
    texts = [b.text for b in view.walk() if isinstance(b, Text)]
    assert any(t.startswith("**Weights are value choices, not facts.**") for t in texts)
    assert "Every region counts the same (no weight is mapped)." in texts
    assert any(t.startswith("No Theil split can be made") for t in texts)
    titles = [b.figure.layout.title.text for b in view.walk() if isinstance(b, Chart)]
    assert any(t.startswith("Ranking in 2024 (1 = best)") for t in titles)
    assert any(t.startswith("Aa &amp; &lt;b&gt;") and "scores from 0" in t for t in titles)
    # and text in the figures: plotly reads tags (b, i, br, a href) in names
    figures = [b.figure for b in view.walk() if isinstance(b, Chart)]
    shown = [
        str(v)
        for f in figures
        for t in f.data
        for v in (t.name, *(() if t.y is None else list(t.y)))
        if v is not None
    ]
    assert not any("<b>" in v for v in shown) and any("&lt;b&gt;" in v for v in shown)
    index_table = next(
        b.frame for b in view.walk() if isinstance(b, Table) and "Rank p5" in b.frame
    )
    assert list(index_table["Region"]) == ["B", "Aa & <b>", "C"]
    assert list(index_table["Index"]) == ["6.67", "5.00", "3.33"]
    # a region's name from a file is escaped in markdown
    assert any("Aa & <b>" not in t and "Aa" in t for t in texts if "closest" in t)
    # every weight 0: no index, said in words
    none = profiles(results, REG, Choices(weights=(("housing", 0.0),)), lang="nl")
    said = [b.text for b in none.walk() if isinstance(b, Text)]
    assert any(t.startswith("Geen index te maken") for t in said)
