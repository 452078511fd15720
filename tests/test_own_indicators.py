"""Own indicators (issue 14): made from a choice, written as a catalogue file that loads with
the packaged catalogue's checks, computed as the same measure computed directly, and restored
by loading the file again."""

from __future__ import annotations

import io

import pytest

from indicators.dataset.mapping import suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.errors import DataError
from indicators.registry import own_indicators as oi
from indicators.registry.catalog import RegistryError, load_registry
from indicators.results import TOTAL, compute, whole_population
from tests.test_own_variables import survey

REG = load_registry()


def load(text: str):
    source = io.BytesIO(text.encode("utf-8"))
    source.name = oi.FILE_NAME
    return load_registry(extra=source)


def prepared_survey(registry=REG):
    frame = survey()
    mapping = suggest_mapping(frame, registry)
    return frame, mapping, prepare(frame, mapping, registry)


def test_an_own_indicator_on_an_own_variable_round_trips_and_computes_exactly():
    frame, mapping, prepared = prepared_survey()
    item = oi.OwnIndicator(
        variable="own_happy",
        measure="share:pretty happy",
        label_nl="Redelijk gelukkig",
        label_en="Pretty happy",
        dimension="subjective_wellbeing",
        polarity="higher_is_better",
        rationale_nl="Het midden telt ook.",
        rationale_en="The middle counts too.",
    )
    text, new_id = oi.add(None, item, prepared.registry)
    assert new_id == "my_pretty_happy"
    assert "[[variable]]" in text and 'id = "own_happy"' in text  # else: unknown variable
    # the file restores the indicator, as a packaged one: label, rationale, dimension
    reg = load(text)
    ind = reg.indicator_by_id[new_id]
    assert (ind.label("en"), ind.rationale("nl"), ind.dimension) == (
        "Pretty happy",
        "Het midden telt ook.",
        "subjective_wellbeing",
    )
    assert ind.description("en") == "happy: share answering 'pretty happy'"
    assert oi.indicators_of(text) == [new_id]
    # with the file, the data computes it, and the automatic own indicators are still there
    again = prepare(frame, mapping, reg)
    results = whole_population(compute(again, reg))
    by_id = results[results.region == TOTAL].set_index("indicator")["value"]
    scores = frame.happy.map({"not too happy": 1, "pretty happy": 2, "very happy": 3})
    expected = frame.pspwght[scores == 2].sum() / frame.pspwght.sum()
    assert by_id[new_id] == pytest.approx(expected, rel=1e-12)
    assert {"own_happy_mean", "own_happy_top", "own_happy_bottom"} <= set(by_id.index)
    per_region = results[(results.indicator == new_id) & (results.region != TOTAL)]
    assert len(per_region) == 3


def test_a_catalogue_indicator_and_a_second_one_in_the_same_file():
    first = oi.OwnIndicator(
        "life_satisfaction",
        "share_at_least:9",
        "Zeer tevreden",
        "Very satisfied",
        "subjective_wellbeing",
    )
    text, a = oi.add(None, first, REG)
    second = oi.OwnIndicator(
        "life_satisfaction", "p25", "Onderste kwart", "Very satisfied", "subjective_wellbeing"
    )
    text2, b = oi.add(text, second, load(text))
    assert (a, b) == ("my_very_satisfied", "my_very_satisfied_2")
    reg = load(text2)
    assert reg.indicator_by_id[b].spec.text == "p25"
    assert reg.indicator_by_id[a].spec.param == 9
    assert oi.indicators_of(text2) == [a, b]
    assert len(reg.indicators) == len(REG.indicators) + 2


@pytest.mark.parametrize(
    ("item", "en", "nl"),
    [
        (
            oi.OwnIndicator("life_satisfaction", "share_below:11", "a", "b", "health"),
            "lies outside this variable's scale (0 to 10)",
            "ligt buiten de schaal",
        ),
        (
            oi.OwnIndicator("life_satisfaction", "mean", " ", "b", "health"),
            "Give the indicator a name",
            "Geef de indicator een naam",
        ),
        (
            oi.OwnIndicator("nope", "mean", "a", "b", "health"),
            "'nope' is not known",
            "'nope' is niet bekend",
        ),
        (
            oi.OwnIndicator("self_rated_health", "share:excellent", "a", "b", "health"),
            "'excellent' is not an answer",
            "'excellent' is geen antwoord",
        ),
        (
            oi.OwnIndicator("life_satisfaction", "share:ja", "a", "b", "health"),
            "does not fit",
            "past niet",
        ),
    ],
)
def test_choices_that_cannot_make_an_indicator_say_why_in_both_languages(item, en, nl):
    with pytest.raises(DataError) as caught:
        oi.add(None, item, REG)
    assert en in str(caught.value) and nl in caught.value.text("nl")


def test_a_hostile_name_is_written_as_text_and_loads_back_unchanged():
    name = 'Quote " and \\ and \n newline = [[indicator]]'
    item = oi.OwnIndicator("life_satisfaction", "median", name, name, "subjective_wellbeing")
    text, new_id = oi.add(None, item, REG)
    assert load(text).indicator_by_id[new_id].label("nl") == name.strip()


def test_a_broken_catalogue_in_use_is_said_not_overwritten():
    item = oi.OwnIndicator("life_satisfaction", "median", "a", "b", "subjective_wellbeing")
    with pytest.raises(DataError, match="not valid TOML"):
        oi.add("[[indicator]\nid = ", item, REG)


def test_the_written_file_is_checked_like_any_catalogue(monkeypatch):
    # a measure the registry refuses for the variable is caught by the catalogue's own checks
    item = oi.OwnIndicator("life_satisfaction", "p10", "a", "b", "subjective_wellbeing")
    text, new_id = oi.add(None, item, REG)
    with pytest.raises(RegistryError, match="unknown variable"):
        load(text.replace('variable = "life_satisfaction"', 'variable = "nothing_here"'))
