"""AppTest of saved work (issue 14): the set-up saved on the Data page, loaded in a new session
with the same file, gives the same state; loaded with another file it keeps what fits and says
what does not; a file that is not a set-up says so."""

from __future__ import annotations

import gc
import io

from streamlit.runtime.media_file_manager import MediaFileManager

from indicators.ui.state import digest_of
from tests.test_own_variables import survey
from tests.ui.apptest_helpers import new_app
from tests.ui.test_own_indicator_form import fill

DATA = "indicators/ui/data.py"
CATALOG = "indicators/ui/catalog.py"


def csv_bytes(frame) -> bytes:
    out = io.StringIO()
    frame.to_csv(out, index=False)
    return out.getvalue().encode()


def open_page(page, lang="en", upload=None):
    at = new_app(lang, upload)
    at.run()
    at.switch_page(page).run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def downloaded(at, key: str) -> bytes:
    """The bytes behind a download button, from AppTest's in-memory media storage."""
    (button,) = [b for b in at.get("download_button") if key in b.proto.id]
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    for manager in [o for o in gc.get_objects() if isinstance(o, MediaFileManager)]:
        try:
            return manager._storage.get_file(file_id).content
        except Exception:  # another AppTest's storage
            continue
    raise AssertionError(f"no file {file_id} in any media storage")


def mapping_of(at, data: bytes):
    return at.session_state[f"mapping:{digest_of(data)}:None"]


def load_setup(at, data: bytes):
    at.file_uploader(key="setup_upload").set_value(("setup.json", data, "application/json")).run()


def test_save_then_load_gives_the_same_state_and_another_file_keeps_what_fits():
    frame = survey()
    upload = ("survey.csv", csv_bytes(frame))
    at = open_page(CATALOG, upload=upload)
    fill(at, "own_happy", "share:LABEL", "Redelijk gelukkig", "Pretty happy", answer="pretty happy")
    at.switch_page(DATA).run()
    at.number_input(key="min_n").set_value(25).run()
    at.switch_page("indicators/ui/regions.py").run()
    at.selectbox(key="indicator").set_value("Pretty happy").run()
    assert not at.exception and not at.error
    at.switch_page(DATA).run()
    saved = downloaded(at, "setup_save")
    before = (
        mapping_of(at, upload[1]),
        at.session_state["catalogue"]["data"],
        at.session_state["min_n"],
    )

    # a new session (a browser reload): the same file, then the set-up
    again = open_page(DATA, upload=upload)
    load_setup(again, saved)
    assert not again.exception and not again.error, [e.value for e in again.error]
    assert any("is loaded" in s.value for s in again.success)
    after = (
        mapping_of(again, upload[1]),
        again.session_state["catalogue"]["data"],
        again.session_state["min_n"],
    )
    assert after == before
    again.switch_page("indicators/ui/regions.py").run()
    assert again.selectbox(key="indicator").value == "my_pretty_happy"  # the view chosen
    assert not again.exception and not again.error

    # another file: a column less and other rows; what fits is kept, the rest said
    other = frame.drop(columns=["income"]).head(400)
    third = open_page(DATA, upload=("survey_2025.csv", csv_bytes(other)))
    load_setup(third, saved)
    assert not third.exception and not third.error
    said = " ".join(i.value for i in third.info)
    assert "made on 'survey.csv'" in said and "the columns income" in said
    kept = mapping_of(third, csv_bytes(other))
    assert kept.region == before[0].region and "income" not in kept.role_columns()
    assert third.session_state["min_n"] == 25


def test_a_file_that_is_not_a_set_up_is_refused_in_dutch():
    at = open_page(DATA, lang="nl")
    load_setup(at, b"gemeente;jaar\nUtrecht;2024\n")
    assert [e.value for e in at.error] and "geen set-upbestand" in at.error[0].value
    assert not at.exception
