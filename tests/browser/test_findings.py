"""The Findings page in a real browser (issue 17): the upload puts it first in the navigation,
and a finding's button opens the page that shows it in the same session, the upload kept and
the finding's choices set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.ui.i18n import COMMON

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent / "data" / "gemeenten.csv"


def test_a_demo_finding_opens_its_page_with_its_choices(app):
    app.goto("/findings?lang=en")
    expect(app.main.get_by_role("heading", name="Findings")).to_be_visible()
    first = app.main.locator("p", has_text=re.compile(r"^1\. ")).first
    expect(first).to_contain_text("interval")
    app.main.locator('[data-testid="stButton"] button', has_text="Open").first.click()
    expect(app.page).to_have_url(re.compile(r"/(groups|regions|trends)\?.*indicator="))
    app.wait()
    app.assert_clean("the page a finding opened")
    page = re.search(r"/(groups|regions|trends)\?", app.page.url)[1]
    title = COMMON[f"page_{page}"]["en"]
    expect(app.main.get_by_role("heading", name=title).first).to_be_visible()
    region = re.search(r"[?&]region=([^&]+)", app.page.url)
    if region:  # the finding's region is the one the page shows
        expect(app.selected("Region")).to_have_value(region[1].replace("+", " "))


def test_after_an_upload_findings_come_first_and_keep_the_file(app):
    app.goto("/data?lang=en")
    app.upload(FIXTURE)
    links = app.page.locator('[data-testid="stSidebarNavLink"]')
    expect(links.first).to_contain_text(COMMON["page_findings"]["en"])
    app.nav("findings")
    app.assert_clean("the Findings page on an upload")
    expect(app.sidebar).to_contain_text(FIXTURE.name)
    text = app.main.inner_text()
    assert "no sampling uncertainty" in text or "No findings" in text
