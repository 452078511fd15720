"""Building and checking a mapping from the Data page's choices."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.dataset.mapping_form import (
    NOT_USED,
    category_table,
    is_nominal,
    level_table,
    mapping_from_choices,
    mapping_problems,
    needs_order,
    order_options,
    unused_columns,
)
from indicators.registry.catalog import load_registry

REG = load_registry()


def test_not_used_roles_are_left_empty_and_orders_follow_variables():
    m = mapping_from_choices(
        "gemeente",
        year=NOT_USED,
        weight="gewicht",
        groups=["geslacht", NOT_USED],
        variables={"loneliness": "eenzaam", "happiness": NOT_USED},
        orders={"eenzaam": ["nee", "ja"], "geluk": ["a", "b"]},
    )
    assert m.year is None and m.weight == "gewicht"
    assert m.groups == ("geslacht",)
    assert m.variable_columns == {"loneliness": "eenzaam"}
    assert m.orders == (("eenzaam", ("nee", "ja")),)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"region": None}, "Choose the column with the region"),
        ({"variables": ()}, "Choose the column for at least one variable"),
        (
            {"weight": "score"},
            "Column 'score' is chosen for more than one role: weight, Life satisfaction",
        ),
        (
            {"groups": ("gemeente",)},
            "Column 'gemeente' is chosen for more than one role: region, group",
        ),
    ],
)
def test_mapping_problems(changes, expected):
    base = mapping_from_choices("gemeente", variables={"life_satisfaction": "score"})
    assert mapping_problems(base, "en", REG) == []
    problems = mapping_problems(base.with_changes(**changes), "en", REG)
    assert any(expected in p for p in problems), problems


def test_orders_and_levels():
    var = REG.variable_by_id["self_rated_health"]
    series = pd.Series(["goed", "slecht", "zeer goed", None, "goed"])
    assert needs_order(series, var)
    assert not needs_order(pd.Series([1, 2]), var)
    assert not needs_order(series, REG.variable_by_id["income"])
    answers, order = order_options(series, var)
    assert order == ["slecht", "goed", "zeer goed"]
    assert answers == ["goed", "slecht", "zeer goed"]
    _, kept = order_options(series, var, ("goed", "slecht"))
    assert kept == ["goed", "slecht"]
    table = level_table(order, var, "nl")
    assert table.iloc[:, 2].tolist() == ["zeer slecht", "slecht", "gaat wel"]
    assert level_table(["a", "b", "c"], REG.variable_by_id["loneliness"], "en").iloc[2, 2] == "–"


def test_unused_columns():
    m = mapping_from_choices("gemeente", variables={"life_satisfaction": "score"})
    assert unused_columns(["gemeente", "code", "score", "opmerking"], m) == ["code", "opmerking"]


def test_category_table_matches_names_in_either_language_and_counts_rows():
    var = REG.variable_by_id["work_status"]
    series = pd.Series(["Retired", *["werkzaam"] * 1200, None, "student"])
    table, matched = category_table(series, var, "nl")
    assert matched
    assert table.to_dict("list") == {
        "Categorie in uw bestand": ["werkzaam", "Retired", "student"],
        "Rijen": ["1.200", "1", "1"],
        "Categorie in de catalogus": ["werkzaam", "gepensioneerd", "studerend"],
    }


def test_category_table_says_when_categories_are_paired_by_position():
    var = REG.variable_by_id["work_status"]
    series = pd.Series(["a", "b", "c", "d", "e", "f"])
    table, matched = category_table(series, var, "en")
    assert not matched
    assert table["Category in the catalogue"].tolist()[:2] == [
        "employed (by position)",
        "unemployed (by position)",
    ]
    assert is_nominal(var) and not is_nominal(REG.variable_by_id["happiness"])
