"""Suggesting column roles for files from other countries, age bands, and messages in two
languages (issue 9, item 11)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.dataset.mapping import AGE_BAND_LABELS, Mapping, suggest_mapping
from indicators.dataset.mapping_form import group_options
from indicators.dataset.prepare import prepare
from indicators.dataset.validation_report import build_report
from indicators.errors import DataError
from indicators.package_data import demo_file
from indicators.registry.catalog import load_registry

REG = load_registry()


def ess_like(n=300, seed=3) -> pd.DataFrame:
    """A European Social Survey style file: English column names, ages in years."""
    rng = np.random.default_rng(seed)
    return pd.DataFrame(
        {
            "state": rng.choice(["Bavaria", "Hesse", "Saxony"], n),
            "year": rng.choice([2020, 2022], n),
            "agea": rng.integers(15, 95, n),
            "gndr": rng.choice(["male", "female"], n),
            "stflife": rng.integers(0, 11, n),
            "pspwght": rng.uniform(0.5, 2.0, n),
        }
    )


@pytest.mark.parametrize(
    "column",
    [
        "state",
        "State",
        "county",
        "municipality",
        "province",
        "region",
        "district",
        "Land",
        "Bundesland",
        "NUTS2",
        "nuts_code",
    ],
)
def test_english_and_german_region_names_are_suggested_as_region(column):
    df = pd.DataFrame({column: ["A", "B"], "stflife": [7, 8]})
    assert suggest_mapping(df, REG).region == column


def test_age_in_years_is_not_suggested_as_a_group_but_few_coded_values_are():
    df = ess_like()
    mapping = suggest_mapping(df, REG)
    assert mapping.region == "state"
    assert mapping.weight == "pspwght"
    assert "agea" not in mapping.groups
    assert "gndr" in mapping.groups
    coded = df.assign(agea=(df["agea"] // 20).clip(upper=4))  # age bands coded 0..4
    assert "agea" in suggest_mapping(coded, REG).groups


def test_age_in_years_chosen_as_group_becomes_age_bands_and_is_said():
    df = ess_like()
    df.loc[[0, 1], "agea"] = [999, 24]  # 999: "no answer" in the ESS
    mapping = suggest_mapping(df, REG).with_changes(groups=("agea",))
    prepared = prepare(df, mapping, REG, source="ess.csv")
    assert prepared.age_bands == ("agea",)
    bands = prepared.frame["agea"]
    assert bands[0] == "(missing)" and bands[1] == "15-24"
    assert set(bands) - {"(missing)"} <= set(AGE_BAND_LABELS)
    assert int((bands == "75+").sum()) == int((df["agea"].between(75, 120)).sum())
    from indicators.results import compute

    results = compute(prepared, REG, by=("agea",))
    report = build_report(prepared, results, REG, min_n=1, lang="en")
    said = [f for f in report.facts if "age bands" in f]
    assert said and said[0].startswith("Column 'agea' holds ages in years")
    assert "15-24, 25-34" in said[0] and "75+" in said[0]
    nl = build_report(prepared, results, REG, min_n=1, lang="nl")
    assert any("leeftijdsklassen: 15-24, 25-34" in f for f in nl.facts)
    # the file is not changed
    assert df["agea"].dtype.kind == "i"


def test_group_picker_leaves_out_columns_with_another_role():
    df = ess_like()
    mapping = suggest_mapping(df, REG)
    options = group_options(df.columns, mapping)
    assert "year" not in options and "pspwght" not in options
    assert "stflife" not in options and "state" not in options
    assert options == ["agea", "gndr"]


def test_level_mismatch_message_lists_levels_in_the_users_language():
    df = pd.DataFrame(
        {
            "state": ["A"] * 3,
            "happy": ["not too happy", "pretty happy", "very happy"],
        }
    )
    mapping = Mapping.build(
        "state",
        variables={"happiness": "happy"},
        orders={"happy": ("not too happy", "pretty happy", "very happy")},
    )
    with pytest.raises(DataError) as caught:
        prepare(df, mapping, REG, source="gss.csv")
    english, dutch = str(caught.value), caught.value.text("nl")
    assert "very unhappy, unhappy, neither happy nor unhappy, happy, very happy" in english
    assert "zeer ongelukkig" not in english
    assert "zeer ongelukkig, ongelukkig, niet gelukkig/niet ongelukkig" in dutch
    assert "very unhappy" not in dutch
    assert dutch.startswith("gss.csv: kolom 'happy' heeft 3 antwoorden")
    assert caught.value.text("en") == english


def test_every_demo_indicator_beyond_the_average_moves_over_the_years_as_shown():
    # "Life satisfaction of the bottom 10%" was 6.0 in every year: a tile that tells nothing.
    # (A flat mean is the synthetic data's doing; a flat bottom measure is the measure's.)
    from indicators.io.load import load_table
    from indicators.results import compute

    df = load_table(demo_file("people"))
    prepared = prepare(df, suggest_mapping(df, REG), REG, source="demo")
    total = compute(prepared, REG).query("region == 'Total'")
    flat = [
        ind
        for ind, values in total.groupby("indicator")["value"]
        if ind in REG.indicator_by_id
        and REG.indicator_by_id[ind].beyond_average
        and len({REG.format_value(ind, v, "en") for v in values}) == 1
    ]
    assert not flat, flat
