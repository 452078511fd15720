"""AppTest of the own-indicator form on the Indicators page (issue 14): an indicator made in
the form shows on every page at once, its catalogue file downloads, and uploading that file
in a new session restores it; a choice that cannot be an indicator says why."""

from __future__ import annotations

import io
import json

from tests.test_own_variables import survey
from tests.ui.apptest_helpers import new_app

PAGE = "indicators/ui/catalog.py"


def open_page(page, lang="en", upload=None):
    """The Indicators page's url path differs from its file name: AppTest runs the default
    page once before it can switch to it (as tests/ui/test_catalog_page.py does)."""
    at = new_app(lang, upload)
    at.run()
    at.switch_page(page).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def fill(at, variable, measure, label_nl, label_en, *, threshold=None, answer=None):
    at.selectbox(key="own_variable").set_value(variable).run()
    at.selectbox(key=f"own_measure_{variable}").set_value(measure).run()
    if threshold is not None:
        at.number_input(key=f"own_threshold_{variable}").set_value(threshold)
    if answer is not None:
        at.selectbox(key=f"own_answer_{variable}").set_value(answer)
    at.text_input(key="own_label_nl").input(label_nl)
    at.text_input(key="own_label_en").input(label_en)
    at.text_area(key="own_rationale_en").input("The top of the scale is what policy aims at.")
    at.button(key="own_add").click().run()


def catalogue_file(at) -> bytes:
    return at.session_state["catalogue"]["data"]


def test_an_own_indicator_shows_on_every_page_and_comes_back_from_its_file():
    at = open_page(PAGE)
    fill(
        at, "life_satisfaction", "share_at_least:T", "Zeer tevreden", "Very satisfied", threshold=9
    )
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("'Very satisfied' is added" in s.value for s in at.success)
    text = catalogue_file(at).decode()
    assert 'measure = "share_at_least:9"' in text and 'id = "my_very_satisfied"' in text
    assert any(e.label.startswith("Very satisfied") for e in at.expander)  # documented
    assert at.text_input(key="own_label_en").value == ""  # ready for the next one
    at.switch_page("indicators/ui/regions.py").run()
    assert not at.exception and not at.error
    assert "Very satisfied" in at.selectbox(key="indicator").options
    at.switch_page("indicators/ui/overview.py").run()
    assert "Very satisfied" in " ".join(md.value for md in at.markdown)
    # a new session: the downloaded file, uploaded as a catalogue, restores the indicator
    again = open_page(PAGE)
    again.file_uploader(key="catalog_upload").set_value(("own.toml", text.encode(), "text/plain"))
    again.run()
    assert not again.exception and not again.error
    again.switch_page("indicators/ui/regions.py").run()
    assert "Very satisfied" in again.selectbox(key="indicator").options


def test_an_indicator_on_an_own_variable_of_an_upload():
    frame = survey()
    data = io.StringIO()
    frame.to_csv(data, index=False)
    upload = ("survey.csv", data.getvalue().encode())
    at = open_page(PAGE, upload=upload)
    fill(at, "own_happy", "share:LABEL", "Redelijk gelukkig", "Pretty happy", answer="pretty happy")
    assert not at.exception and not at.error, [e.value for e in at.error]
    text = catalogue_file(at).decode()
    assert 'id = "own_happy"' in text and 'measure = "share:pretty happy"' in text
    at.switch_page("indicators/ui/regions.py").run()
    assert not at.exception and not at.error
    options = at.selectbox(key="indicator").options
    assert "Pretty happy" in options
    assert "happy: share 'very happy'" in options  # the automatic ones are still there
    at.selectbox(key="indicator").set_value("Pretty happy").run()
    assert not at.exception and not at.error
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert any(t.startswith("Pretty happy") for t in titles), titles


def test_a_choice_that_cannot_be_an_indicator_says_why_in_dutch():
    at = open_page(PAGE, lang="nl")
    fill(at, "life_satisfaction", "share_below:T", "Onvoldoende", "", threshold=6)
    assert [e.value for e in at.error] and "Geef de indicator een naam" in at.error[0].value
    assert "catalogue" not in at.session_state
    at.text_input(key="own_label_en").input("Below six")
    at.number_input(key="own_threshold_life_satisfaction").set_value(0)
    at.button(key="own_add").click().run()
    assert "buiten de schaal" in at.error[0].value
    assert not at.exception


def test_aggregates_say_where_their_indicators_come_from():
    lines = ["gemeente,jaar,inkomen"] + [f"G{i},2024,{30000 + i}" for i in range(12)]
    at = open_page(PAGE, upload=("agg.csv", "\n".join(lines).encode()))
    assert any("each value column there is already an indicator" in i.value for i in at.info)
