"""Variables from the user's own file: the catalogue suggests, it never blocks (issue 8)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.dataset.mapping import Mapping, fits_variable, suggest_mapping
from indicators.dataset.own_variables import (
    AGGREGATES,
    BINARY,
    CONTINUOUS,
    NOMINAL,
    ORDINAL,
    OwnVariable,
    extend_registry,
    match_scale,
    suggest_own,
    unit_from_name,
)
from indicators.dataset.prepare import prepare
from indicators.registry.catalog import load_registry
from indicators.results import TOTAL, compute, whole_population
from indicators.stats import measures as M

REG = load_registry()


@pytest.mark.parametrize(
    ("answers", "scale", "order"),
    [
        (["very happy", "Pretty Happy", "not too happy"], "happy_3", None),
        (["gelukkig", "zeer ongelukkig", "ongelukkig"], "happy_5_nl", None),
        (["agree", "strongly agree", "disagree"], "agree_5_en", None),
        (["Good", "poor", "excellent"], "health_5_en", ("poor", "Good", "excellent")),
        (["ja", "nee"], "yes_no_nl", ("nee", "ja")),
        (["rood", "groen", "blauw"], None, None),
        (["very happy"], None, None),  # one answer is no scale
    ],
)
def test_known_scales(answers, scale, order):
    found = match_scale(answers)
    if scale is None:
        assert found is None
        return
    assert found[0].id == scale
    if order:
        assert found[1] == order
    assert set(found[1]) == {a.strip() for a in answers}


@pytest.mark.parametrize(
    ("values", "column", "kind", "unit", "per", "better"),
    [
        (["pretty happy", "very happy", "not too happy"], "happy", ORDINAL, "", 1.0, True),
        (["agree", "disagree", "neither agree nor disagree"], "q1", ORDINAL, "", 1.0, None),
        (["ja", "nee"], "pilot", BINARY, "", 1.0, None),
        (["fiets", "auto", "trein"], "vervoer", NOMINAL, "", 1.0, None),
        ([1, 4, 10, 7], "hinctnta", CONTINUOUS, "score 1-10", 1.0, None),
        ([12.5, 40.0, 3.0], "Ontevreden (%)", CONTINUOUS, "%", 100.0, False),
        ([0.12, 0.4], "aandeel_werkloos", CONTINUOUS, "%", 1.0, False),
        ([31000.0, 45000.0], "Mediaan inkomen (EUR)", CONTINUOUS, "euro", 1.0, None),
        ([3.5, 12.25], "uren (per week)", CONTINUOUS, "per week", 1.0, None),
        (["$25,000 or more", "Under $1,000", "$1,000 to 9,999"], "income", ORDINAL, "", 1.0, None),
    ],
)
def test_suggest_own(values, column, kind, unit, per, better):
    own = suggest_own(pd.Series(values), column)
    assert (own.kind, own.unit, own.per, own.higher_is_better) == (kind, unit, per, better)
    assert own.name == column and own.column == column


def test_income_brackets_are_answers_in_the_order_of_their_numbers():
    own = suggest_own(pd.Series(["$25,000 or more", "Under $1,000", "$1,000 to 9,999"]), "inc")
    assert own.levels == ("Under $1,000", "$1,000 to 9,999", "$25,000 or more")


def test_unit_from_name_never_guesses_a_percentage_from_a_word_inside_another():
    assert unit_from_name("percentielscore")[1] is False
    assert unit_from_name("Aandeel (%)") == ("%", True)


@pytest.mark.parametrize(
    ("variable", "values", "fits"),
    [
        ("happiness", ["gelukkig", "zeer gelukkig", "ongelukkig"], True),
        ("happiness", ["Very Happy", "happy"], True),  # English levels, any case
        ("happiness", ["not too happy", "pretty happy", "very happy"], False),  # 3 vs 5
        ("happiness", ["a", "b", "c", "d", "e"], True),  # as many: paired by position
        ("work_status", ["werkloos", "baan", "werkzaam"], True),  # shares of those that match
        ("work_status", ["baan", "geen baan"], False),
        ("income", [1, 4, 10, 7, 2, 3], False),  # a decile is not euros
        ("income", [21000.5, 35000.0, 18000.0], True),
        ("income", ["Under $1,000", "$25,000 or more"], False),  # brackets are answers
        ("income", ["21000,5", "35000"], True),  # numbers written as text
        ("life_satisfaction", ["7", "onbekend", "8"], True),  # mostly numbers: say which not
        ("life_satisfaction", [7, 8, 6, 77, 9, 8, 7, 6, 8, 7, 9, 8], True),  # one code: left out
        ("life_satisfaction", [7, 77, 88, 99, 8], False),  # mostly codes: not this scale
        ("life_satisfaction", [0.5, 2.5, 9.5], True),
    ],
)
def test_fits_variable(variable, values, fits):
    assert fits_variable(pd.Series(values), REG.variable_by_id[variable]) is fits


def survey() -> pd.DataFrame:
    """An English survey: 3 happiness answers, an income decile, life satisfaction with 77s."""
    rng = np.random.default_rng(8)
    n = 600
    answers = np.array(["not too happy", "pretty happy", "very happy"])
    frame = pd.DataFrame(
        {
            "state": rng.choice(["Bavaria", "Hesse", "Saxony"], n),
            "happy": answers[rng.choice(3, n, p=[0.2, 0.5, 0.3])],
            "income": rng.integers(1, 11, n),  # an income decile under a plain name
            "stflife": np.where(rng.random(n) < 0.03, 77, rng.integers(0, 11, n)),
            "pspwght": rng.uniform(0.5, 2.0, n),
        }
    )
    return frame


def test_survey_mapping_has_no_dead_end():
    frame = survey()
    mapping = suggest_mapping(frame, REG)
    assert mapping.region == "state" and mapping.weight == "pspwght"
    assert dict(mapping.variables) == {"life_satisfaction": "stflife"}
    own = {o.column: o for o in mapping.own}
    assert own["happy"].kind == ORDINAL
    assert own["happy"].levels == ("not too happy", "pretty happy", "very happy")
    assert own["income"].kind == CONTINUOUS and own["income"].unit == "score 1-10"
    prepared = prepare(frame, mapping, REG)
    # the 77s (refusal codes) are left out of life satisfaction, and said
    assert any("off the scale" in note and "77" in note for note in prepared.notes)
    assert prepared.frame["life_satisfaction"].max() <= 10
    results = whole_population(compute(prepared, REG))
    reg = prepared.registry
    by_id = results[results.region == TOTAL].set_index("indicator")["value"]
    # the income decile keeps its unit: a score, never euros
    income_mean = reg.indicator_by_id["own_income_mean"]
    assert income_mean.unit("en") == "score 1-10" and "euro" not in income_mean.label("en")
    assert by_id["own_income_mean"] == pytest.approx(M.mean(frame.income, frame.pspwght))
    # happiness as its own ordinal: mean score, share of the top answer, of the bottom one
    scores = frame.happy.map({"not too happy": 1, "pretty happy": 2, "very happy": 3})
    assert by_id["own_happy_mean"] == pytest.approx(M.mean(scores, frame.pspwght))
    top = M.share_at_least(scores, frame.pspwght, threshold=3)
    assert by_id["own_happy_top"] == pytest.approx(top)
    bottom = reg.indicator_by_id["own_happy_bottom"]
    assert bottom.label("en") == "happy: share 'not too happy'"  # quoted once
    assert bottom.polarity == "lower_is_better"
    assert bottom.beyond_average
    assert by_id["own_happy_bottom"] == pytest.approx(
        M.share_below(scores, frame.pspwght, threshold=2)
    )
    # life satisfaction stays the catalogue's, computed without the codes
    kept = frame[frame.stflife <= 10]
    assert by_id["life_satisfaction_mean"] == pytest.approx(M.mean(kept.stflife, kept.pspwght))


def test_own_variables_join_the_registry_without_changing_it():
    own = (
        OwnVariable("q1", ORDINAL, levels=("disagree", "neither", "agree")),
        OwnVariable("hours", CONTINUOUS, label="Hours worked", unit="hours"),
        OwnVariable("mode", NOMINAL, levels=("bike", "car", "train")),
    )
    reg = extend_registry(REG, own)
    assert len(REG.indicators) < len(reg.indicators) and "own" not in REG.dimension_by_id
    assert "own" in reg.dimension_by_id
    ids = [i.id for i in reg.indicators if i.variable.startswith("own_")]
    assert ids == [
        "own_q1_mean",
        "own_q1_top",
        "own_q1_bottom",
        "own_hours_mean",
        "own_hours_median",
        "own_hours_p10",
        "own_hours_p90",
        "own_mode_share_1",
        "own_mode_share_2",
        "own_mode_share_3",
    ]
    # no direction was said: no better or worse (arrows stay grey)
    assert {reg.indicator_by_id[i].polarity for i in ids} == {"neutral"}
    assert reg.indicator_by_id["own_hours_p10"].label("nl") == "Hours worked: onderste 10% (P10)"
    assert reg.indicator_by_id["own_hours_mean"].unit("en") == "hours"
    assert extend_registry(REG, ()) is REG


def test_aggregates_each_column_is_one_indicator():
    frame = pd.DataFrame(
        {
            "gemeente": ["A", "B", "C"],
            "inwoners": [1000, 3000, 6000],
            "Mediaan inkomen (EUR)": [30000.0, 32000.0, 40000.0],
            "Ontevreden (%)": [10.0, 20.0, 5.0],
        }
    )
    mapping = suggest_mapping(frame, REG)
    assert mapping.weight == "inwoners"
    # the median matches the catalogue's income by name, the other is offered as it is:
    # either way each column is an indicator of its own
    assert set(mapping.variable_columns.values()) == {"Mediaan inkomen (EUR)", "Ontevreden (%)"}
    prepared = prepare(frame, mapping, REG)
    assert prepared.shape == AGGREGATES
    results = compute(prepared, REG)
    reg = prepared.registry
    labels = {reg.indicator_by_id[i].label("en") for i in results.indicator}
    assert labels == {"Mediaan inkomen (EUR)", "Ontevreden (%)"}  # never "Mean income"
    total = results[results.region == TOTAL].set_index("indicator")["value"]
    share = next(i for i in results.indicator.unique() if "ontevreden" in i)
    assert total[share] == pytest.approx((1000 * 10 + 3000 * 20 + 6000 * 5) / 10000 / 100)
    assert reg.format_value(share, total[share], "nl") == "10,0%"
    median = next(i for i in results.indicator.unique() if "mediaan" in i)
    assert reg.indicator_by_id[median].unit("en") == "euro"
    assert "weighted by column 'inwoners'" in reg.indicator_by_id[median].description("en")
    assert any("percentages" in note for note in prepared.notes)


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b"]), st.sampled_from(["no", "yes"]), st.floats(0.1, 5)),
        min_size=2,
        max_size=40,
    )
)
def test_binary_own_variable_share_equals_counting(rows):
    # two people in region a at least: microdata (one row per region would be aggregates)
    rows = [("a", "no", 1.0), ("a", "yes", 2.0), *rows]
    frame = pd.DataFrame(rows, columns=["r", "answer", "w"])
    own = OwnVariable("answer", BINARY, levels=("no", "yes"))
    mapping = Mapping.build("r", weight="w", own=[own])
    prepared = prepare(frame, mapping, REG)
    results = compute(prepared, REG, min_n=0)
    total = results[(results.region == TOTAL) & (results.indicator == "own_answer_share_1")]
    expected = frame.loc[frame.answer == "yes", "w"].sum() / frame.w.sum()
    assert total["value"].iloc[0] == pytest.approx(expected)
