"""AppTest of what every page shares: navigation, language, shared links, errors on screen."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from indicators.ui.state import digest_of

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
        at.session_state["upload"] = {
            "name": name,
            "data": data,
            "digest": digest_of(data),
            "sheet": None,
        }
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


def shown_texts(at) -> list[str]:
    """Return every text on the page: elements, chart titles and axis titles."""
    import json

    texts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning"):
        texts += [str(e.value) for e in getattr(at, kind)]
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec)["layout"]
        texts.append(str((layout.get("title") or {}).get("text", "")))
        for axis in ("xaxis", "yaxis"):
            texts.append(str(((layout.get(axis) or {}).get("title") or {}).get("text", "")))
    return texts


def test_a_file_without_years_never_says_none():
    # issue 9.7: chart titles read "income in None" for files without a year
    from indicators.dataset import Mapping

    eusilc = ROOT.parent / "shared" / "data" / "eusilc.csv"  # Austrian EU-SILC (laeken)
    mapping = Mapping.build("db040", weight="rb050", variables={"income": "eqIncome"})
    data = eusilc.read_bytes()
    at = app("en", upload=("eusilc.csv", data))
    at.session_state[f"mapping:{digest_of(data)}:None"] = mapping
    for lang in ("en", "nl"):
        at.session_state["lang"] = lang
        for page in PAGES:
            at.switch_page(f"indicators/ui/{page}.py").run()
            assert not at.exception and not at.error, (lang, page)
            texts = shown_texts(at)
            assert texts, (lang, page)
            said = [t for t in texts if "None" in t or " nan" in t.lower()]
            assert not said, (lang, page, said)
        at.switch_page("indicators/ui/distribution.py").run()
        assert len(at.get("plotly_chart")) >= 2, lang  # the charts are there, titled
