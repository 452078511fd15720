"""The tidy results table: regions, Total, Theil decomposition, poverty line, small cells."""

import numpy as np
import pandas as pd
import pytest

from indicators.dataset.mapping import Mapping, detect_shape, suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.errors import DataError
from indicators.registry.catalog import load_registry
from indicators.results import TOTAL, compute, compute_measures, measure_table
from indicators.stats import measures as M


@pytest.fixture(scope="module")
def registry():
    return load_registry()


@pytest.fixture(scope="module")
def people():
    rng = np.random.default_rng(7)
    n = 1200
    return pd.DataFrame(
        {
            "gemeente": rng.choice(["Aa", "Bb", "Cc"], n),
            "jaar": rng.choice([2020, 2021], n),
            "gewicht": rng.uniform(0.5, 2, n),
            "geslacht": rng.choice(["man", "vrouw"], n),
            "levenstevredenheid": rng.integers(0, 11, n),
            "inkomen": rng.lognormal(10, 0.5, n),
            "eenzaam": rng.choice(["ja", "nee"], n, p=[0.2, 0.8]),
            "geluk": rng.choice(["ongelukkig", "gelukkig", "zeer gelukkig"], n),
        }
    )


def test_measure_table_equals_scalar_reference(people):
    t = measure_table(
        people,
        "inkomen",
        ["mean", "p10", "gini", "poverty_rate", "theil"],
        region="gemeente",
        year="jaar",
        weight="gewicht",
    )
    for (reg, yr), sub in people.groupby(["gemeente", "jaar"]):
        got = t[(t.gemeente == reg) & (t.jaar == yr)].set_index("measure")["value"]
        assert got["mean"] == pytest.approx(M.mean(sub.inkomen, sub.gewicht))
        assert got["p10"] == pytest.approx(M.quantile(sub.inkomen, sub.gewicht, p=0.1))
        assert got["gini"] == pytest.approx(M.gini(sub.inkomen, sub.gewicht))
        national = people[people.jaar == yr]
        line = 0.6 * M.median(national.inkomen, national.gewicht)
        assert got["poverty_rate"] == pytest.approx(
            M.share_below(sub.inkomen, sub.gewicht, threshold=line)
        )


def test_total_rows_and_theil_decomposition(people):
    t = measure_table(
        people, "inkomen", ["theil"], region="gemeente", year="jaar", weight="gewicht"
    )
    for yr, sub in people.groupby("jaar"):
        tot = t[(t.gemeente == TOTAL) & (t.jaar == yr)].set_index("measure")["value"]
        parts = M.theil_decomposition(sub.inkomen, sub.gemeente, sub.gewicht)
        assert tot["theil"] == pytest.approx(parts["total"])
        assert tot["theil_between"] == pytest.approx(parts["between"])
        assert tot["theil_within"] == pytest.approx(parts["within"])
        assert tot["theil"] == pytest.approx(tot["theil_between"] + tot["theil_within"])


def test_compute_registry_indicators(people, registry):
    mapping = suggest_mapping(people, registry)
    assert mapping.region == "gemeente" and mapping.year == "jaar"
    assert mapping.weight == "gewicht" and mapping.groups == ("geslacht",)
    prepared = prepare(people, mapping, registry, source="test.csv")
    results = compute(prepared, registry)
    assert {"region", "year", "indicator", "value", "n", "suppressed"} <= set(results.columns)
    lonely = results[(results.indicator == "lonely_share") & (results.region == TOTAL)]
    for _, row in lonely.iterrows():
        sub = people[people.jaar == row.year]
        assert row.value == pytest.approx(M.share_equal(sub.eenzaam, sub.gewicht, label="ja"))
    happy = results[(results.indicator == "happiness_happy") & (results.region == "Aa")]
    sub = people[(people.gemeente == "Aa") & (people.jaar == happy.year.iloc[0])]
    expected = M.mean(sub.geluk.isin(["gelukkig", "zeer gelukkig"]), sub.gewicht)
    assert happy.value.iloc[0] == pytest.approx(expected)


def test_english_yes_no_answers_match_registry_share(registry):
    df = pd.DataFrame({"region": ["a"] * 4, "lonely": ["yes", "no", "no", "no"]})
    mapping = Mapping.build(
        "region", variables={"loneliness": "lonely"}, orders={"lonely": ("no", "yes")}
    )
    res = compute(prepare(df, mapping, registry), registry, min_n=1)
    assert res[res.region == "a"].value.iloc[0] == pytest.approx(0.25)


def test_small_cells_are_hidden_and_marked(people, registry):
    small = people.head(30)
    prepared = prepare(small, suggest_mapping(small, registry), registry)
    res = compute(prepared, registry, min_n=10)
    hidden = res[res.n < 10]
    assert len(hidden) and hidden.suppressed.all() and hidden.value.isna().all()
    assert not res[res.n >= 10].suppressed.any()


def test_aggregates_get_weighted_mean_across_units(registry):
    df = pd.DataFrame(
        {
            "gemeente": ["a", "b", "c"],
            "inwoners": [100, 300, 600],
            "aandeel_deeltijdwerk": [5.0, 7.0, 9.0],
        }
    )
    mapping = suggest_mapping(df, registry)
    assert mapping.weight == "inwoners"
    assert detect_shape(df, mapping) == "aggregates"
    prepared = prepare(df, mapping, registry)
    res = compute(prepared, registry)
    total = res[res.region == TOTAL]
    # a regional figure by nature (catalogue): its catalogue indicator, as it is
    assert total.value.iloc[0] == pytest.approx((500 + 2100 + 5400) / 1000)
    assert not res.suppressed.any()
    assert list(res.indicator.unique()) == ["benefit_parttime_work"]


@pytest.mark.parametrize(
    ("variable", "column", "values", "shown"),
    [
        # a median is not a mean: the column is the indicator, named and with the unit as given
        ("income", "Mediaan inkomen (EUR)", [30000.0, 32000.0, 40000.0], "36,600"),
        # a percentage column tied to life satisfaction, read as a share and shown as %
        ("life_satisfaction", "Ontevreden (%)", [5.0, 7.0, 9.0], "8.0%"),
    ],
)
def test_aggregate_columns_are_indicators_named_as_the_column(variable, column, values, shown):
    registry = load_registry()
    df = pd.DataFrame({"gemeente": ["a", "b", "c"], "inwoners": [100, 300, 600], column: values})
    mapping = Mapping.build("gemeente", weight="inwoners", variables={variable: column})
    prepared = prepare(df, mapping, registry)
    res = compute(prepared, registry)
    assert res.indicator.nunique() == 1
    ind = prepared.registry.indicator_by_id[res.indicator.iloc[0]]
    assert ind.label("en") == ind.label("nl") == column and ind.source_column == column
    assert "Mean" not in ind.label("en") and "income" not in ind.id.split("_")[:1]
    total = res.loc[res.region == TOTAL, "value"].iloc[0]
    assert prepared.registry.format_value(ind.id, total, "en") == shown
    assert "weighted by column 'inwoners'" in ind.description("en")


def test_compute_by_group(people, registry):
    prepared = prepare(people, suggest_mapping(people, registry), registry)
    res = compute(prepared, registry, indicators=["income_median"], by=["geslacht"])
    groups = res[res.breakdown == "geslacht"]
    assert set(groups.group) == {"man", "vrouw"}
    whole = res[res.breakdown == ""]
    assert set(whole.group) == {""}
    # a group's value is the measure over that group's rows
    frame = prepared.frame
    for (region, year, sex), sub in frame.groupby(["region", "year", "geslacht"]):
        got = groups[(groups.region == region) & (groups.year == year) & (groups.group == sex)]
        assert got["value"].iloc[0] == pytest.approx(M.median(sub.income, sub.weight))
    with pytest.raises(DataError, match="not a group column"):
        compute(prepared, registry, by=["nope"])


def test_results_have_the_fixed_schema_with_parts(people, registry):
    from indicators.results import RESULT_COLUMNS, whole_population

    prepared = prepare(people, suggest_mapping(people, registry), registry)
    res = compute(prepared, registry, indicators=["income_theil", "income_median"])
    assert list(res.columns) == list(RESULT_COLUMNS)
    assert res[["se", "ci_low", "ci_high"]].isna().all().all()  # no intervals yet
    theil = res[res.indicator == "income_theil"]
    assert set(theil.part) == {"total", "between", "within"}
    assert set(theil.loc[theil.part != "total", "region"]) == {TOTAL}  # parts on Total only
    for _, rows in theil[theil.region == TOTAL].groupby("year"):
        by_part = rows.set_index("part")["value"]
        assert by_part["total"] == pytest.approx(by_part["between"] + by_part["within"])
    whole = whole_population(res)
    assert set(whole.part) == {"total"}
    assert not whole.duplicated(["region", "year", "indicator"]).any()


def test_compute_measures_text_needs_order():
    df = pd.DataFrame({"r": ["a", "b"], "h": ["goed", "slecht"]})
    with pytest.raises(DataError, match="--order"):
        compute_measures(df, value="h", region="r", measures=["mean"])
    out = compute_measures(
        df, value="h", region="r", measures=["mean", "share:goed"], order=["slecht", "goed"]
    )
    tot = out[out.r == TOTAL].set_index("measure")["value"]
    assert tot["mean"] == 1.5 and tot["share:goed"] == 0.5


def test_answers_outside_the_order_are_named(registry):
    df = pd.DataFrame({"r": ["a", "a"], "h": ["goed", "prima"]})
    with pytest.raises(DataError, match=r"'prima' \(row 3\)"):
        compute_measures(df, value="h", region="r", order=["slecht", "goed"])


STATLINE = __import__("pathlib").Path(__file__).parent / "data" / "statline_regionaal.csv"


def test_statline_dot_cells_are_missing_not_hidden(registry):
    # aggregates: the small-cell rule does not apply; "x" and "." cells are missing values
    from indicators.io.load import load_table

    df = load_table(STATLINE)
    mapping = Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    )
    res = compute(prepare(df, mapping, registry), registry, min_n=10)
    cell = res[(res.region == "GM0344") & (res.year == 2020)].iloc[0]
    assert cell.status == "missing" and not cell.suppressed and np.isnan(cell.value)
    assert set(res.status) == {"ok", "missing"}


def test_value_states_tell_hidden_missing_and_not_applicable(registry):
    rows = {"gemeente": [], "inkomen": []}
    for region, values in (
        ("Groot", [10.0 + i for i in range(20)]),
        ("Klein", [12.0, 13.0, 14.0]),  # 3 people: hidden
        ("Leeg", [None] * 20),  # no value in the file
        ("Nul", [0.0] * 20),  # Theil needs values above 0: cannot be computed
    ):
        rows["gemeente"] += [region] * len(values)
        rows["inkomen"] += values
    df = pd.DataFrame(rows)
    mapping = Mapping.build("gemeente", variables={"income": "inkomen"})
    res = compute(prepare(df, mapping, registry), registry, min_n=10)
    theil = res[res.indicator == "income_theil"].set_index("region")
    assert theil.status.to_dict() == {
        "Groot": "ok",
        "Klein": "suppressed",
        "Leeg": "missing",
        "Nul": "not_applicable",
        TOTAL: "ok",
    }
    assert theil.loc["Klein", "suppressed"] and not theil.loc["Leeg", "suppressed"]
    assert (res[res.region == "Leeg"].status == "missing").all()
    assert (res[res.region == "Klein"].status == "suppressed").all()
    assert res[res.status != "ok"].value.isna().all()


@pytest.mark.parametrize(
    ("state", "lang", "n", "expected"),
    [
        ("suppressed", "en", 3, "hidden: fewer than 10 observations (n = 3)"),
        ("suppressed", "nl", 1234, "verborgen: minder dan 10 waarnemingen (n = 1.234)"),
        ("missing", "en", None, "no value in the file"),
        ("missing", "nl", None, "geen waarde in het bestand"),
        ("not_applicable", "en", 20, "not applicable: no values this measure can use"),
        ("ok", "en", 20, ""),
    ],
)
def test_one_text_per_state(state, lang, n, expected):
    from indicators.results import state_text

    assert state_text(state, lang, min_n=10, n=n) == expected


def test_a_measure_asked_twice_is_reported_once_and_its_theil_parts_add_up():
    """Before: `theil` asked beside the defaults (which hold it) gave two theil rows per
    region and a theil_within twice the true one."""
    import numpy as np
    import pandas as pd

    from indicators.results import compute_measures

    df = pd.DataFrame({"r": ["a", "a", "a", "b", "b", "b"], "x": [1.0, 2.0, 4.0, 3.0, 9.0, 27.0]})
    out = compute_measures(df, value="x", region="r", measures=["theil", "mean", "theil"])
    total = out[out["r"] == "Total"].set_index("measure")["value"]
    assert list(out["measure"]).count("theil") == 3  # a, b, Total: once each
    assert total["theil_between"] + total["theil_within"] == pytest.approx(total["theil"])
    assert np.isfinite(total["theil_within"])
