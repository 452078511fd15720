"""AppTest of the Indicators page: the registry as documentation, search, availability."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from indicators.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/catalog.py"


def make_app(lang="en", demo=None):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    # The page's url path ("indicators") differs from its file name, so AppTest needs one run
    # (of the default page, with its default data, in English) before it can switch to it.
    at.session_state["lang"] = "en"
    at.run()
    at.session_state["lang"] = lang
    if demo:
        at.session_state["demo"] = demo
    at.switch_page(PAGE).run()
    assert not at.exception
    assert not at.error
    return at


def titles(at) -> list[str]:
    return [e.label for e in at.expander if e.label not in ("Overview as a table",)]


def indicator_titles(at) -> list[str]:
    return [
        t
        for t in titles(at)
        if t not in ("Extending the catalogue", "Overzicht als tabel", "De catalogus uitbreiden")
    ]


def test_every_indicator_is_documented_by_dimension():
    reg = load_registry()
    at = make_app("en")
    shown = indicator_titles(at)
    assert len(shown) == len(reg.indicators)
    assert [s.value for s in at.subheader] == [d.label("en") for d in reg.dimensions]
    markdown = "\n".join(m.value for m in at.markdown)
    assert "Gini coefficient: 0 when everyone has the same" in markdown
    assert "share answering 'very bad' or 'bad'" in markdown
    assert "10th percentile: 10% are lower (Eurostat rule, weighted)" in markdown
    assert "**Better when:** lower is better" in markdown
    assert "**Why this indicator.**" in markdown


def test_availability_marks_for_demo_data():
    at = make_app("en")
    markdown = "\n".join(m.value for m in at.markdown)
    assert "33 of 33 indicators; 31 available in the data in use" in markdown
    unavailable = [t for t in indicator_titles(at) if " — " in t]
    assert unavailable == [
        "Benefit recipients in part-time work — needs a column for Benefit recipients in "
        "part-time work",
        "Benefit recipients in full-time work — needs a column for Benefit recipients in "
        "full-time work",
    ]
    assert sum("Available in your data" in s.value for s in at.success) == 31


def test_availability_for_aggregates_says_why():
    at = make_app("en", demo="pilot")
    markdown = "\n".join(m.value for m in at.markdown)
    assert "2 available in the data in use" in markdown
    at.toggle(key="catalog_only").set_value(True).run()
    assert indicator_titles(at) == [
        "Benefit recipients in part-time work",
        "Benefit recipients in full-time work",
    ]


def test_search_narrows_the_list():
    at = make_app("en")
    at.text_input(key="catalog_query").input("eenzaam").run()  # Dutch word, English page
    assert indicator_titles(at) == ["Share lonely"]
    at.text_input(key="catalog_query").input("income gini").run()
    assert indicator_titles(at) == ["Gini coefficient of income"]
    at.text_input(key="catalog_query").input("zzzz").run()
    assert not indicator_titles(at)
    assert "No indicator matches this search" in at.info[0].value


def test_dimension_filter():
    reg = load_registry()
    at = make_app("en")
    at.pills(key="catalog_dimensions").set_value(["health"]).run()
    expected = [i.label("en") for i in reg.indicators if i.dimension == "health"]
    assert indicator_titles(at) == expected
    assert [s.value for s in at.subheader] == ["Health"]


def test_dutch_texts():
    at = make_app("nl")
    assert at.title[0].value == "Indicatoren"
    markdown = "\n".join(m.value for m in at.markdown)
    assert "Gini-coëfficiënt: 0 als iedereen evenveel heeft" in markdown
    assert "**Beter als:** lager is beter" in markdown
    assert "33 van 33 indicatoren" in markdown


def test_user_catalogue_is_merged_or_refused():
    at = make_app("en")
    good = b"""
[[indicator]]
id = "life_satisfaction_p25"
variable = "life_satisfaction"
measure = "p25"
label_nl = "Levenstevredenheid van de onderste 25%"
label_en = "Life satisfaction of the bottom 25%"
description_nl = "Het 25e percentiel."
description_en = "The 25th percentile."
polarity = "higher_is_better"
beyond_average = true
"""
    at.file_uploader(key="catalog_upload").set_value(("mine.toml", good, "text/plain")).run()
    assert not at.exception
    assert "Life satisfaction of the bottom 25%" in indicator_titles(at)
    assert any("the catalogue now has 34 indicators" in s.value for s in at.success)
    bad = b'[[indicator]]\nid = "x"\nvariable = "nothing"\n'
    at.file_uploader(key="catalog_upload").set_value(("bad.toml", bad, "text/plain")).run()
    assert not at.exception
    assert "bad.toml cannot be used" in at.error[0].value
    assert len(indicator_titles(at)) == 33
