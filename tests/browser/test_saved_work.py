"""An own indicator and saved work in a real browser: make an own indicator on an upload, see it
on another page, save the set-up, reload the browser (the upload is gone), upload the file and
the set-up again: the own indicator and the page's choice are back. (Ported from the unmerged
duplicate build of issue 14 to this build's Data-page set-up.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.ui.i18n import COMMON

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent / "data" / "gemeenten.csv"
OWN = "Income of the bottom quarter"
INDICATOR = COMMON["indicator"]["en"]


def test_an_own_indicator_comes_back_after_a_reload_with_its_saved_set_up(app, tmp_path):
    app.goto("/data?lang=en")
    app.upload(FIXTURE)
    app.nav("indicators")
    app.main.locator("summary", has_text="Make your own indicator").click()
    app.wait()
    measure = app.main.locator('[data-testid="stSelectbox"]').filter(has_text="Measure").first
    measure.click()
    app.page.get_by_role("option", name="P25", exact=True).click()
    app.wait()
    for label, value in (
        ("Name in Dutch", "Inkomen van het onderste kwart"),
        ("Name in English", OWN),
    ):
        field = app.main.get_by_label(label, exact=True)
        field.fill(value)
        field.press("Enter")
        app.wait()
    app.main.get_by_role("button", name="Add indicator").click()
    app.wait()
    expect(app.main).to_contain_text(f"'{OWN}' is added")
    app.assert_clean("after adding an own indicator")

    app.nav("regions")  # another page has it, as a packaged one
    app.choose(INDICATOR, OWN)
    expect(app.selected(INDICATOR)).to_have_value(OWN)
    app.assert_clean("the own indicator on the Regions page")

    app.nav("data")
    app.main.locator("summary", has_text="Save or load your set-up").click()
    with app.page.expect_download() as download:
        app.main.get_by_role("button", name="Save set-up").click()
    saved = tmp_path / "setup.json"
    download.value.save_as(saved)
    assert OWN in json.loads(saved.read_text(encoding="utf-8"))["catalogue"]["text"]

    app.page.reload()  # a new session: the upload and the own catalogue are gone
    app.wait()
    expect(app.main).to_contain_text("which is not loaded in this browser")
    app.upload(FIXTURE)
    app.nav("data")
    app.main.locator("summary", has_text="Save or load your set-up").click()
    setup_input = app.main.locator('[data-testid="stFileUploader"] input[type="file"]').last
    setup_input.set_input_files(saved)
    app.wait()
    expect(app.main).to_contain_text("Set-up 'setup.json'")
    app.assert_clean("after loading the saved set-up")
    app.nav("regions")
    expect(app.selected(INDICATOR)).to_have_value(OWN)
    assert re.search(r"[?&]indicator=", app.page.url)
    app.assert_clean("the own indicator after the reload")
