"""AppTest of the Indicators page: the registry as documentation, search, availability."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from indicators.registry.catalog import load_registry

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


OTHER = ("Overview as a table", "Extending the catalogue", "Overzicht als tabel")
OTHER += ("De catalogus uitbreiden", "Make your own indicator", "Maak een eigen indicator")


def rows(at) -> list[str]:
    """The indicator rows as shown (label and essentials), colour markup left out."""
    return [
        e.label.replace(":gray[", "").removesuffix("]") for e in at.expander if e.label not in OTHER
    ]


def indicator_titles(at) -> list[str]:
    """The indicator labels only (before the dash)."""
    return [r.split(" — ")[0] for r in rows(at)]


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


def computable(reg, results) -> int:
    """Return how many registry indicators the results table has: what the page calls
    computable from the data in use."""
    return len(set(results["indicator"]) & set(reg.indicator_by_id))


def test_availability_marks_for_demo_data(reg, demo_results):
    at = make_app("en")
    markdown = "\n".join(m.value for m in at.markdown)
    total, available = len(reg.indicators), computable(reg, demo_results)
    assert (
        f"{total} of {total} indicators shown; {available} can be computed from the data in "
        "use: demo_people_synthetic.parquet (demo data, synthetic)." in markdown
    )
    captions = "\n".join(c.value for c in at.caption)
    assert "can be computed from your data" in captions  # the legend of the icons
    assert "the row says what is missing" in captions
    assert "All dimensions (none chosen)." in captions
    unavailable = [r for r in rows(at) if "not in your data" in r]
    assert unavailable == [
        "Benefit recipients in part-time work — % of benefit recipients, beyond the average · "
        "not in your data: needs a column such as 'aandeel_deeltijdwerk'",
        "Benefit recipients in full-time work — % of benefit recipients, beyond the average · "
        "not in your data: needs a column such as 'aandeel_voltijdwerk'",
    ]
    assert "Share not satisfied with life — %, beyond the average" in rows(at)
    assert "Average life satisfaction — score 0-10" in rows(at)
    assert sum("Available in your data" in s.value for s in at.success) == available
    opened = "\n".join(c.value for c in at.caption)
    assert (
        "Needs a column with Benefit recipients in full-time work, for example one named "
        "'aandeel_voltijdwerk' or 'voltijdwerk'." in opened
    )


def test_availability_for_aggregates_says_why():
    at = make_app("en", demo="pilot")
    markdown = "\n".join(m.value for m in at.markdown)
    benefits = ["Benefit recipients in part-time work", "Benefit recipients in full-time work"]
    # the file's own column is an indicator too, listed first under "From your file"
    assert f"{len(benefits) + 1} can be computed from the data in use" in markdown
    assert [s.value for s in at.subheader][0] == "From your file"
    assert indicator_titles(at)[0] == "bijstandsontvangers"
    assert "The value in column 'bijstandsontvangers' of your file" in markdown
    assert (
        "Share lonely — %, beyond the average · not in your data: needs a column such as "
        "'eenzaam'" in rows(at)
    )
    at.toggle(key="catalog_only").set_value(True).run()
    assert indicator_titles(at) == ["bijstandsontvangers", *benefits]


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
    assert "All dimensions (none chosen)." not in [c.value for c in at.caption]


def test_dutch_texts(reg, demo_results):
    at = make_app("nl")
    total, available = len(reg.indicators), computable(reg, demo_results)
    assert at.title[0].value == "Indicatoren"
    markdown = "\n".join(m.value for m in at.markdown)
    assert "Gini-coëfficiënt: 0 als iedereen evenveel heeft" in markdown
    assert "**Beter als:** lager is beter" in markdown
    assert (
        f"{total} van {total} indicatoren getoond; {available} zijn te berekenen uit de "
        "gegevens in gebruik: demo_people_synthetic.parquet (demodata, synthetisch)." in markdown
    )
    assert "Gini-coëfficiënt van het inkomen — index 0-1, voorbij het gemiddelde" in rows(at)
    assert any("te berekenen uit uw gegevens" in c.value for c in at.caption)


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
    # a file that cannot be used leaves the catalogue in use as it was (mine.toml)
    assert len(indicator_titles(at)) == len(load_registry().indicators) + 1


def element_count(node) -> int:
    """Count the Streamlit elements and blocks under an AppTest node."""
    return sum(1 + element_count(child) for child in getattr(node, "children", {}).values())


def test_each_indicator_is_a_few_elements():
    # issue 9.12: eleven elements per indicator (two columns of facts, a caption ...) made some
    # 400 elements and blocks, up to a second to draw in a browser; now its row, mark and one text
    at = make_app()
    n_indicators = len(load_registry().indicators)
    assert element_count(at._tree[0]) <= 4 * n_indicators + 40
    markdown = "\n".join(m.value for m in at.markdown)
    assert "<div style='columns:2'>" in markdown  # the facts still in two columns
    assert "Code: `income_gini` · measure `gini`" in markdown


def test_user_catalogue_reaches_every_page_and_can_be_dropped():
    # issue 8: a user's catalogue showed on the Indicators page only; now it is computed
    at = make_app("en")
    mine = b"""
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
    at.file_uploader(key="catalog_upload").set_value(("mine.toml", mine, "text/plain")).run()
    assert any("every page now computes with them" in s.value for s in at.success)
    at.switch_page("indicators/ui/overview.py").run()
    assert not at.exception and not at.error
    shown = " ".join(md.value for md in at.markdown)
    assert "Life satisfaction of the bottom 25%" in shown  # a tile of its own
    at.switch_page("indicators/ui/regions.py").run()
    ids = at.selectbox(key="indicator").options
    assert "Life satisfaction of the bottom 25%" in ids
    at.switch_page("indicators/ui/catalog.py").run()
    assert any("In use: your catalogue" in i.value for i in at.info)
    at.button(key="catalog_drop").click().run()
    at.switch_page("indicators/ui/overview.py").run()
    assert "Life satisfaction of the bottom 25%" not in " ".join(md.value for md in at.markdown)


def test_a_users_catalogue_text_is_shown_as_written():
    at = make_app("en")
    hostile = b"""
[[indicator]]
id = "life_satisfaction_p25"
variable = "life_satisfaction"
measure = "p25"
label_nl = "[Klik hier](https://example.org)"
label_en = "[Klik hier](https://example.org)"
description_nl = "<img src=x onerror=alert(1)> ![p](https://tracker.example/p.png)"
description_en = "<img src=x onerror=alert(1)> ![p](https://tracker.example/p.png)"
polarity = "higher_is_better"
beyond_average = true
"""
    at.file_uploader(key="catalog_upload").set_value(("mine.toml", hostile, "text/plain")).run()
    assert not at.exception
    shown = [md.value for md in at.markdown]
    assert not any("<img" in text for text in shown)
    assert not any("](https://tracker.example" in text and "\\](" not in text for text in shown)
    assert any("&lt;img src=x" in text and "!\\[p\\]" in text for text in shown)
    # no link of its own, not even the bare address (markdown links it by itself)
    assert any("\\[Klik hier\\](https\u2060://example.org)" in e.label for e in at.expander)
