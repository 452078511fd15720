"""The plain-language validation report of the Data page."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.dataset.mapping import Mapping
from indicators.dataset.prepare import prepare
from indicators.dataset.validation_report import build_report, fmt_int, pivot_text, shape_text
from indicators.io.load import load_table
from indicators.registry.catalog import load_registry
from indicators.results import compute

REG = load_registry()


def people(n_per_cell=12, missing=0, weights=True):
    rng = np.random.default_rng(1)
    rows = []
    for region in ("Utrecht", "Zwolle"):
        for year in (2022, 2023):
            for i in range(n_per_cell):
                rows.append(
                    {
                        "gemeente": region,
                        "jaar": year,
                        "levenstevredenheid": float(rng.integers(0, 11)),
                        "inkomen": float(rng.normal(30000, 8000)),
                        "eenzaam": "ja" if i % 3 == 0 else "nee",
                        "gewicht": 1.0 + (i % 3) / 2,
                    }
                )
    df = pd.DataFrame(rows)
    df.loc[: missing - 1, "levenstevredenheid"] = np.nan
    df.loc[1, "inkomen"] = -5.0  # left out of log-based measures
    if not weights:
        df = df.drop(columns="gewicht")
    return df


MAPPING = Mapping.build(
    "gemeente",
    year="jaar",
    weight="gewicht",
    variables={
        "life_satisfaction": "levenstevredenheid",
        "income": "inkomen",
        "loneliness": "eenzaam",
    },
    orders={"eenzaam": ("nee", "ja")},
)


def report_for(df, mapping=MAPPING, min_n=10, lang="en"):
    prepared = prepare(df, mapping, REG, source="x.csv")
    results = compute(prepared, REG, min_n=min_n)
    return build_report(prepared, results, REG, min_n=min_n, lang=lang)


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (198374, "nl", "198.374"),
        (198374, "en", "198,374"),
        (7, "nl", "7"),
        (1234567, "en", "1,234,567"),
    ],
)
def test_fmt_int(n, lang, expected):
    assert fmt_int(n, lang) == expected


def test_microdata_report():
    rep = report_for(people(missing=3), min_n=5)
    assert rep.shape == (
        "One row per person or household: 48 rows in 2 regions over 2 years (2022–2023); "
        "distributions within each region can be measured."
    )
    assert "Regions: Utrecht, Zwolle." in rep.facts
    assert "No values hidden: all" in " ".join(rep.facts)
    assert rep.column_notes == [
        "3 rows without a value in column 'levenstevredenheid' are left out of 'Life satisfaction'."
    ]
    assert any("1 value of 0 or below is left out" in n for n in rep.notes)
    table = rep.columns
    assert list(table.columns) == ["Column", "Used as", "Rows with a value", "Rows without a value"]
    row = table[table["Column"] == "levenstevredenheid"].iloc[0]
    assert (row["Rows with a value"], row["Rows without a value"]) == ("45", "3")
    assert (
        table[table["Column"] == "eenzaam"].iloc[0]["Used as"] == "Loneliness (answers, 2 levels)"
    )
    assert list(rep.missing_table()["Column"]) == ["levenstevredenheid"]


@pytest.mark.parametrize(
    ("missing", "lang", "expected"),
    [
        (1, "en", "1 row without a value in column 'levenstevredenheid' is left out of"),
        (2, "en", "2 rows without a value in column 'levenstevredenheid' are left out of"),
        (1, "nl", "1 rij zonder waarde in kolom 'levenstevredenheid' telt niet mee voor"),
        (2, "nl", "2 rijen zonder waarde in kolom 'levenstevredenheid' tellen niet mee voor"),
    ],
)
def test_counts_in_sentences_are_singular_or_plural(missing, lang, expected):
    # "1 rows without a value" (issue 9)
    df = people(missing=missing)
    df.loc[[0], "gewicht"] = np.nan
    rep = report_for(df, min_n=5, lang=lang)
    assert rep.column_notes[0].startswith(expected), rep.column_notes
    weight = {"en": "1 row without a weight", "nl": "1 rij zonder gewicht in kolom 'gewicht' telt"}
    assert any(n.startswith(weight[lang]) for n in rep.notes), rep.notes
    zero = {"en": "1 value of 0 or below is left out", "nl": "1 waarde van 0 of lager telt niet"}
    assert any(zero[lang] in n for n in rep.notes), rep.notes


def test_small_cells_are_counted():
    rep = report_for(people(n_per_cell=6), min_n=10)
    hidden = [f for f in rep.facts if "hidden" in f]
    assert hidden and "rest on fewer than 10 observations" in hidden[0]


def test_missing_weights_are_reported():
    df = people()
    df.loc[[0, 5], "gewicht"] = np.nan
    rep = report_for(df, lang="nl")
    assert "2 rijen zonder gewicht in kolom 'gewicht' tellen nergens mee." in rep.notes


def test_aggregates_report():
    df = pd.DataFrame(
        {
            "gemeente": ["A", "B", "C", "A", "B", "C"],
            "jaar": [2020, 2020, 2020, 2021, 2021, 2021],
            "levenstevredenheid": [7.1, 7.4, 7.8, 7.2, 7.5, 7.9],
            "inwoners": [1000, 2000, 3000, 1000, 2000, 3000],
        }
    )
    mapping = Mapping.build(
        "gemeente",
        year="jaar",
        weight="inwoners",
        variables={"life_satisfaction": "levenstevredenheid"},
    )
    rep = report_for(df, mapping, lang="en")
    assert rep.shape.startswith("One row per region and year: 6 rows for 3 regions over 2 years")
    assert "weighted by column 'inwoners'" in rep.shape
    assert any("only averages can be computed" in f for f in rep.facts)
    assert any("small-cell rule does not apply" in f for f in rep.facts)
    unweighted = shape_text(prepare(df, mapping.with_changes(weight=None), REG), "nl")
    assert "ongewogen" in unweighted


def test_pivot_text(tmp_path):
    raw = load_table("tests/data/long_format.csv")
    assert "was turned into one column per indicator" in pivot_text(raw, "en")
    assert pivot_text(people(), "en") is None


def test_region_codes_that_are_numbers_are_listed_by_value():
    # mpdta's counties were listed as text: "12007, 12019, ..., 8001" (issue 9)
    df = pd.DataFrame(
        {
            "county": [12019, 8001, 12007, 48173],
            "levenstevredenheid": [7.1, 7.4, 7.8, 7.2],
        }
    )
    mapping = Mapping.build("county", variables={"life_satisfaction": "levenstevredenheid"})
    rep = report_for(df, mapping, lang="en")
    assert "Regions: 8001, 12007, 12019, 48173." in rep.facts
