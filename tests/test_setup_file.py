"""Saved work (issue 14): a set-up file round-trips, anything else is refused with a message,
and a set-up loaded with another file keeps what fits and says what does not."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.dataset import setup_file as sf
from indicators.dataset.mapping import Mapping
from indicators.dataset.own_variables import OwnVariable
from indicators.errors import DataError

OWN = OwnVariable("happy", "ordinal", levels=("not too happy", "pretty happy", "very happy"))
MAPPING = Mapping.build(
    "gemeente",
    year="jaar",
    weight="gewicht",
    groups=["opleiding", "leeftijd"],
    variables={"life_satisfaction": "tevredenheid"},
    orders={"tevredenheid": [str(i) for i in range(11)]},
    own=[OWN],
    strata="stratum",
)
COLUMNS = ("gemeente", "jaar", "gewicht", "opleiding", "leeftijd", "tevredenheid", "happy")
SETUP = sf.SetUp(
    "enquete.csv",
    "0123456789ab",
    COLUMNS + ("stratum",),
    MAPPING,
    catalogue_name="own_indicators.toml",
    catalogue='[[indicator]]\nid = "my_x"\n',
    min_n=25,
    views=(("region", ("Utrecht",)), ("regions", ("Total", "Limburg")), ("year", ("2024",))),
)


def test_round_trip_keeps_everything():
    assert sf.from_bytes(sf.to_bytes(SETUP), "s.json") == SETUP


@given(
    st.text(max_size=40),
    st.integers(min_value=0, max_value=10_000),
    st.lists(st.tuples(st.text(min_size=1, max_size=10), st.text(max_size=10)), max_size=5),
)
@settings(max_examples=60, deadline=None)
def test_round_trip_of_any_names_and_choices(name, min_n, views):
    views = tuple(dict((k, (v,)) for k, v in views).items())
    setup = sf.SetUp(name, "d", (name,), Mapping.build(name or "r"), min_n=min_n, views=views)
    assert sf.from_bytes(sf.to_bytes(setup)) == setup


@pytest.mark.parametrize(
    ("data", "en", "nl"),
    [
        (b"\xff\xfe not text", "not JSON text", "geen JSON-tekst"),
        (b"[1, 2]", "not a set-up file of this dashboard", "geen set-upbestand van dit"),
        (b'{"format": "brede-welvaart-setup", "version": 9}', "'version 9'", "'version 9'"),
        (
            json.dumps({"format": sf.FORMAT, "version": 1, "mapping": "!!nope"}).encode(),
            "",
            "",
        ),
        (
            json.dumps({"format": sf.FORMAT, "version": 1, "min_n": "ten"}).encode(),
            "'min_n'",
            "'min_n'",
        ),
        (
            json.dumps({"format": sf.FORMAT, "version": 1, "views": {"year": [{"a": 1}]}}).encode(),
            "'views.year'",
            "'views.year'",
        ),
        (b"{" * 3_000_000, "larger than 2000 kB", "groter dan 2000 kB"),
    ],
)
def test_what_is_not_a_set_up_is_refused_with_a_message(data, en, nl):
    with pytest.raises(DataError) as caught:
        sf.from_bytes(data, "wrong.json")
    assert en in str(caught.value) and nl in caught.value.text("nl")


def test_the_same_file_fits_whole():
    fit = sf.fit(SETUP, SETUP.columns, "0123456789abcdef", "enquete.csv")
    assert fit.same_file and fit.mapping == MAPPING and not fit.problems


def test_another_file_keeps_what_fits_and_says_what_does_not():
    columns = ["gemeente", "jaar", "opleiding", "tevredenheid"]
    fit = sf.fit(SETUP, columns, "ffff", "enquete_2025.csv")
    assert not fit.same_file
    kept = fit.mapping
    assert (kept.region, kept.year, kept.weight, kept.strata) == ("gemeente", "jaar", None, None)
    assert kept.groups == ("opleiding",) and kept.own == ()
    assert dict(kept.variables) == {"life_satisfaction": "tevredenheid"}
    assert dict(kept.orders) == dict(MAPPING.orders)
    keys = [key for key, _ in fit.problems]
    assert keys == ["setup_file.other_file", "setup_file.columns_missing"]
    assert fit.problems[1][1]["columns"] == "gewicht, leeftijd, happy, stratum"


def test_without_its_region_column_no_column_choice_is_taken_over():
    fit = sf.fit(SETUP, ["regio", "jaar"], "ffff", "other.csv")
    assert fit.mapping is None
    assert [key for key, _ in fit.problems][-1] == "setup_file.no_region"
