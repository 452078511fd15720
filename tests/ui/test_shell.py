"""AppTest of what every page shares: navigation, language, shared links, errors on screen."""

from __future__ import annotations

import numpy as np
import pandas as pd
from apptest_helpers import mapping_state, new_app

# What each page shows below its title on the demo data: a page whose error guard caught a
# crash after the title shows an error and not this.
CONTENT = {
    "overview": lambda at, reg, lang: (
        [s.value for s in at.subheader] == [d.label(lang) for d in reg.dimensions]
    ),
    "distribution": lambda at, reg, lang: len(at.get("plotly_chart")) >= 3,
    "regions": lambda at, reg, lang: len(at.get("plotly_chart")) >= 2 and len(at.table) == 1,
    "trends": lambda at, reg, lang: len(at.get("plotly_chart")) >= 1,
    "data": lambda at, reg, lang: (
        len(at.dataframe) >= 1
        and [u.key for u in at.get("file_uploader")].count("data_uploader") == 1
    ),
    "catalog": lambda at, reg, lang: len(at.expander) >= len(reg.indicators),
}
PAGES = list(CONTENT)


def app(lang=None, query=None, upload=None, state=None):
    return new_app(lang, upload, query, state)


def test_every_page_runs_on_demo_data_in_both_languages(reg):
    for lang in ("en", "nl"):
        at = app(lang).run()
        for page in PAGES:
            at.switch_page(f"indicators/ui/{page}.py").run()
            assert not at.exception, (lang, page, at.exception)
            assert not at.error, (lang, page, [e.value for e in at.error])
            assert at.title, (lang, page)
            assert CONTENT[page](at, reg, lang), (lang, page, "the page's content is missing")


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
    # issue 9.7: chart titles read "income in None" for files without a year (found on the
    # Austrian EU-SILC file of R laeken, which is not in this repository: made here instead)
    from indicators.dataset.mapping import Mapping

    rng = np.random.default_rng(97)
    n = 400
    people = pd.DataFrame(
        {
            "regio": rng.choice(["Noord", "Oost", "Zuid", "West"], n),
            "gewicht": rng.uniform(0.5, 2.0, n).round(3),
            "inkomen": rng.lognormal(10, 0.5, n).round(2),
        }
    )
    data = people.to_csv(index=False).encode()
    mapping = Mapping.build("regio", weight="gewicht", variables={"income": "inkomen"})
    at = app("en", upload=("no_years.csv", data), state=mapping_state(data, mapping))
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
