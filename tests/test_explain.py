"""Measures in words, search and availability for the Indicators page."""

from __future__ import annotations

import pytest

from indicators.registry.catalog import LANGS, load_registry
from indicators.registry.explain import (
    availability,
    catalog_rows,
    document,
    measure_in_words,
    row_title,
    search_indicators,
)

REG = load_registry()


@pytest.mark.parametrize(
    ("indicator", "lang", "expected"),
    [
        ("life_satisfaction_mean", "en", "mean (average)"),
        ("life_satisfaction_unsatisfied", "en", "share with a score below 6"),
        ("life_satisfaction_unsatisfied", "nl", "aandeel met een score lager dan 6"),
        ("life_satisfaction_high", "en", "share with a score of 8 or more"),
        ("income_p10", "en", "10th percentile: 10% are lower (Eurostat rule, weighted)"),
        ("life_satisfaction_low", "en", "share with a score below 5"),
        ("income_p10", "nl", "10e percentiel: 10% zit lager (Eurostat-regel, met weging)"),
        (
            "income_median",
            "en",
            "median: half are lower, half are higher (Eurostat rule, weighted)",
        ),
        ("happiness_unhappy", "en", "share answering 'very unhappy' or 'unhappy'"),
        ("happiness_happy", "nl", "aandeel dat 'gelukkig' of 'zeer gelukkig' antwoordt"),
        ("happiness_mean", "en", "mean score (1 = 'very unhappy' to 5 = 'very happy')"),
        ("lonely_share", "en", "share answering 'yes'"),
        ("unemployed_share", "nl", "aandeel dat 'werkloos' antwoordt"),
        (
            "housing_cost_overburden",
            "en",
            "share with a value of 40 or more (% of disposable income)",
        ),
        (
            "income_palma",
            "en",
            "Palma ratio: total of the top 10% divided by that of the bottom 40%",
        ),
    ],
)
def test_measure_in_words(indicator, lang, expected):
    assert measure_in_words(REG.indicator_by_id[indicator], REG, lang) == expected


def test_log_based_measures_say_they_use_positive_values_only():
    assert measure_in_words(REG.indicator_by_id["income_theil"], REG, "en").endswith(
        "(only values above 0 count)"
    )
    assert "ε = 1" in measure_in_words(REG.indicator_by_id["income_atkinson_1"], REG, "nl")


@pytest.mark.parametrize("lang", LANGS)
def test_every_indicator_has_words_in_both_languages(lang):
    for ind in REG.indicators:
        words = measure_in_words(ind, REG, lang)
        assert words and words != ind.measure, ind.id


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eenzaam", ["lonely_share"]),
        ("LONELY", ["lonely_share"]),
        ("income gini", ["income_gini"]),
        ("coëfficiënt", ["income_gini"]),
        ("coefficient gini", ["income_gini"]),
        ("nothing-like-this", []),
    ],
)
def test_search(query, expected):
    assert [i.id for i in search_indicators(REG, query)] == expected


def test_search_by_dimension_keeps_dimension_order():
    found = search_indicators(REG, "", ["health", "subjective_wellbeing"])
    dims = [i.dimension for i in found]
    assert set(dims) == {"health", "subjective_wellbeing"}
    assert dims == sorted(dims, key=lambda d: REG.dimension_by_id[d].order)


def test_availability():
    av = availability(REG, ["life_satisfaction", "income"], "microdata", "en")
    assert av["income_gini"].ok and av["life_satisfaction_low"].ok
    assert not av["lonely_share"].ok
    assert av["lonely_share"].reason == (
        "needs a column with Loneliness, for example one named 'eenzaam' or 'eenzaamheid'"
    )
    assert av["lonely_share"].short == "not in your data: needs a column such as 'eenzaam'"
    agg = availability(REG, ["life_satisfaction"], "aggregates", "nl")
    assert agg["life_satisfaction_mean"].ok
    assert not agg["life_satisfaction_low"].ok
    assert "één rij per regio" in agg["life_satisfaction_low"].reason
    assert agg["life_satisfaction_low"].short == (
        "niet in uw gegevens: heeft één rij per persoon nodig"
    )


@pytest.mark.parametrize(
    ("indicator", "lang", "variables", "expected"),
    [
        (
            "life_satisfaction_unsatisfied",
            "en",
            None,
            ("Share not satisfied with life", "%, beyond the average"),
        ),
        ("life_satisfaction_mean", "nl", None, ("Gemiddelde levenstevredenheid", "score 0-10")),
        (
            "income_gini",
            "nl",
            ["income"],
            ("Gini-coëfficiënt van het inkomen", "index 0-1, voorbij het gemiddelde"),
        ),
        (
            # the label is the variable's: the row names a column, not the label again
            "benefit_fulltime_work",
            "en",
            ["income"],
            (
                "Benefit recipients in full-time work",
                "% of benefit recipients, beyond the average · not in your data: needs a column "
                "such as 'aandeel_voltijdwerk'",
            ),
        ),
    ],
)
def test_row_title_gives_unit_beyond_average_and_what_is_missing(
    indicator, lang, variables, expected
):
    ind = REG.indicator_by_id[indicator]
    mark = availability(REG, variables, "microdata", lang)[ind.id] if variables else None
    assert row_title(ind, lang, mark) == expected


def test_document_and_table():
    doc = document(REG.indicator_by_id["income_gini"], REG, "nl")
    assert doc.polarity == "lager is beter"
    assert doc.dimension == "Materiële welvaart"
    assert doc.beyond_average
    table = catalog_rows(
        REG.indicators, REG, "en", availability(REG, ["income"], "microdata", "en")
    )
    assert list(table.columns) == [
        "Indicator",
        "Dimension",
        "Measure",
        "Unit",
        "Better when",
        "Beyond the average",
        "In your data",
    ]
    assert len(table) == len(REG.indicators)
    assert "In your data" not in catalog_rows(REG.indicators, REG, "en").columns
