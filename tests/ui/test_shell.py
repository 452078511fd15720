"""AppTest of what every page shares: navigation, language, shared links, errors on screen."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["overview", "distribution", "regions", "trends", "data", "catalog"]


def app(lang=None, query=None, upload=None):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    if lang:
        at.session_state["lang"] = lang
    for key, value in (query or {}).items():
        at.query_params[key] = value
    if upload:
        name, data = upload
        at.session_state["upload"] = {"name": name, "data": data, "digest": name, "sheet": None}
    return at


def test_every_page_runs_on_demo_data_in_both_languages():
    for lang in ("en", "nl"):
        at = app(lang).run()
        for page in PAGES:
            at.switch_page(f"indicators/ui/{page}.py").run()
            assert not at.exception, (lang, page, at.exception)
            assert at.title, (lang, page)


def test_language_from_the_link_and_the_switch():
    at = app(query={"lang": "nl"}).run()
    assert at.title[0].value == "Overzicht"
    assert any("demodata, synthetisch" in c.value for c in at.sidebar.caption)
    at.sidebar.button_group[0].set_value("en").run()
    assert at.title[0].value == "Overview"
    assert at.query_params["lang"] == "en"


def test_switching_language_keeps_the_choices():
    at = app("en").run()
    at.selectbox(key="region").set_value("Total").run()
    at.sidebar.button_group[0].set_value("nl").run()
    assert not at.exception
    assert at.selectbox(key="region").value == "Total"
    at.switch_page("indicators/ui/regions.py").run()
    assert not at.exception


def test_shared_link_holds_ids_not_labels():
    query = {"region": "Limburg", "indicator": "lonely_share", "year": "2020"}
    for lang in ("en", "nl"):
        at = app(lang, query=query)
        at.switch_page("indicators/ui/regions.py").run()
        assert not at.exception
        assert at.selectbox(key="region").value == "Limburg"
        assert at.selectbox(key="indicator").value == "lonely_share"
        assert at.selectbox(key="year").value == "2020"
        assert at.query_params["indicator"] == "lonely_share"


def test_unusable_upload_shows_a_message_not_a_traceback():
    at = app("en", upload=("kapot.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)).run()
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    assert "kapot.csv" in message
    assert "Traceback" not in message
