"""AppTest of shared links: a link restores the whole view, and names the data it was made on.

Issue 9.9: the Distribution link kept only the year; a link made on an uploaded file, opened
by someone without that file, silently showed the demo with the region dropped to Total.
"""

from __future__ import annotations

from pathlib import Path

from apptest_helpers import new_app
from streamlit.testing.v1 import AppTest

from indicators.ui.i18n import COMMON
from indicators.ui.state import digest_of

ROOT = Path(__file__).resolve().parents[2]
GEMEENTEN = ROOT / "tests" / "browser" / "data" / "gemeenten.csv"  # 8 municipalities, 3 years


def app(lang="en", query=None, page=None) -> AppTest:
    at = new_app(lang, query=query)
    if page:
        at.switch_page(f"indicators/ui/{page}.py")
    return at.run()


def param(at, key) -> list[str]:
    """Return a query parameter's values as a list (one value or several)."""
    value = at.query_params[key]
    return value if isinstance(value, list) else [value]


def clean(at) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def test_distribution_link_restores_variable_chart_regions_and_year():
    query = {
        "data": "demo:people",
        "variable": "income",
        "chart": "ecdf",
        "dist_groups_region": ["Limburg", "Utrecht"],
        "year": "2019",
    }
    at = app(query=query, page="distribution")
    clean(at)
    assert at.selectbox(key="variable").value == "income"
    assert at.segmented_control(key="chart").value == "ecdf"
    assert at.multiselect(key="dist_groups_region").value == ["Limburg", "Utrecht"]
    assert at.selectbox(key="year").value == "2019"
    title = at.get("plotly_chart")[0].proto.spec
    assert "in 2019" in title and "Limburg" in title
    # ... and the page writes what a link needs back into the address
    assert param(at, "chart") == ["ecdf"]
    assert param(at, "dist_groups_region") == ["Limburg", "Utrecht"]
    assert param(at, "data") == ["demo:people"]


def test_choices_made_on_the_page_go_into_the_link():
    at = app(page="distribution")
    at.segmented_control(key="chart").set_value("violin").run()
    at.selectbox(key="variable").set_value("life_satisfaction").run()
    clean(at)
    assert param(at, "chart") == ["violin"]
    assert param(at, "variable") == ["life_satisfaction"]
    assert param(at, "year") == ["2024"]


def test_link_to_the_other_demo_opens_it():
    at = app(query={"data": "demo:pilot"}, page="overview")
    clean(at)
    assert any("pilot" in c.value for c in at.sidebar.caption)
    assert param(at, "data") == ["demo:pilot"]


def test_link_on_an_uploaded_file_asks_for_it_and_then_restores_the_view():
    data = GEMEENTEN.read_bytes()
    query = {
        "data": f"file:{digest_of(data)[:12]}",
        "file": "gemeenten.csv",
        "region": "Utrecht",
        "year": "2022",
    }
    at = app(query=query, page="overview")
    clean(at)
    said = " ".join(w.value for w in at.warning)
    assert "gemeenten.csv" in said and "not loaded in this browser" in said
    assert not at.selectbox  # no demo view pretending to be the link's
    assert at.button(key="link_use_demo").label == COMMON["link_use_demo"]["en"]
    # the user uploads the file the link names: the link's region and year come back
    at.get("file_uploader")[0].set_value(("gemeenten.csv", data, "text/csv")).run()
    clean(at)
    assert at.selectbox(key="region").value == "Utrecht"
    assert at.selectbox(key="year").value == "2022"
    assert not any("not the file" in w.value for w in at.warning)
    assert any("gemeenten.csv" in c.value for c in at.sidebar.caption)


def test_link_on_an_uploaded_file_other_file_is_said_demo_is_a_choice():
    query = {"data": "file:0123456789ab", "file": "mijn_[bestand].csv", "region": "Utrecht"}
    at = app("nl", query=query, page="regions")
    clean(at)
    said = " ".join(w.value for w in at.warning)
    assert "mijn\\_\\[bestand\\].csv" in said  # the name as written, not as markdown
    assert "niet geladen" in said
    at.button(key="link_use_demo").click().run()
    clean(at)
    assert at.get("plotly_chart")  # the demo view, because the user asked for it
    assert param(at, "data") == ["demo:people"]


def test_other_file_than_the_links_is_said():
    query = {"data": "file:0123456789ab", "file": "a.csv", "year": "2022"}
    at = app(query=query, page="overview")
    at.get("file_uploader")[0].set_value(("b.csv", GEMEENTEN.read_bytes(), "text/csv")).run()
    clean(at)
    assert any("b.csv is not the file the link was made with" in w.value for w in at.warning)
    assert at.selectbox(key="year").value == "2022"


def test_link_keeps_column_choices_made_by_hand():
    # tester: a link on an upload whose columns were mapped by hand opened on "No results yet"
    from indicators.dataset.mapping import Mapping, mapping_from_text

    data = GEMEENTEN.read_bytes()
    first = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    first.session_state["lang"] = "en"
    first.session_state["upload"] = {
        "name": "gemeenten.csv",
        "data": data,
        "digest": digest_of(data),
        "sheet": None,
    }
    first.switch_page("indicators/ui/data.py").run()  # the suggestion
    by_hand = Mapping.build(
        "gemeente",
        year="jaar",
        weight="gewicht",
        variables={"life_satisfaction": "tevr_leven", "income": "inkomen"},
    )
    first.session_state[f"mapping:{digest_of(data)}:None"] = by_hand
    first.switch_page("indicators/ui/regions.py").run()
    clean(first)
    link = {key: param(first, key) for key in first.query_params}
    assert mapping_from_text(link["map"][0]) == by_hand
    # someone else opens the link, uploads the same file: the same columns, the same view
    other = app(query={k: v if len(v) > 1 else v[0] for k, v in link.items()}, page="regions")
    other.get("file_uploader")[0].set_value(("gemeenten.csv", data, "text/csv")).run()
    clean(other)
    options = other.selectbox(key="indicator").options
    assert any("life satisfaction" in o.lower() for o in options), options


def test_a_changed_mapping_in_a_link_is_refused_with_a_message():
    query = {"data": "demo:people", "map": "bm90LWEtbWFwcGluZw"}
    at = app(query=query, page="overview")
    clean(at)
    assert any("cannot be read" in w.value for w in at.warning)
    assert at.get("plotly_chart") or at.markdown  # the suggested columns serve meanwhile
