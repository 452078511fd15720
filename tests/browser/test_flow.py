"""The whole flow in a real browser: Debian's Chromium against ``streamlit run dashboard.py``.

Load the app on demo data, upload a Dutch-style CSV on the Data page, map a column the app
does not recognise by hand, see charts for that file on the chart pages, switch the language,
follow a shared link, and never see an exception, a traceback or the unexpected-error apology.

Every test gets a fresh browser context, so a fresh Streamlit session (the ``app`` fixture in
conftest.py). Within a test, pages change through the sidebar: ``page.goto`` would start a new
session and lose the upload.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import expect

from indicators.registry.catalog import load_registry
from indicators.ui.i18n import COMMON

pytestmark = pytest.mark.browser

# 8 municipalities x 3 years x 30 people; `;` separated, decimal commas (make_gemeenten.py)
FIXTURE = Path(__file__).resolve().parent / "data" / "gemeenten.csv"
UNMAPPED = "tevr_leven"  # life satisfaction under a name the registry does not know
REGISTRY = load_registry()
PAGES = ("overview", "distribution", "regions", "trends", "data", "indicators")
TITLE_KEY = {
    "overview": "page_overview",
    "distribution": "page_distribution",
    "regions": "page_regions",
    "trends": "page_trends",
    "data": "page_data",
    "indicators": "page_indicators",
}


def label(indicator_or_variable: str, lang: str = "en") -> str:
    """Return the registry's label of an indicator or a variable id."""
    item = REGISTRY.indicator_by_id.get(indicator_or_variable) or REGISTRY.variable_by_id.get(
        indicator_or_variable
    )
    return item.label(lang)


def test_overview_opens_on_demo_data(app):
    app.goto("/")
    # the tiles: each has a sparkline named after its indicator for screen readers
    name = label("life_satisfaction_mean")
    sparkline = app.main.get_by_role("img", name=re.compile(rf"^{re.escape(name)}, 20"))
    expect(sparkline.first).to_be_visible()
    expect(app.main).to_contain_text(label("life_satisfaction_mean"))
    expect(app.sidebar).to_contain_text(COMMON["demo_source"]["en"])
    app.assert_clean("the Overview page on demo data")


def test_upload_map_a_column_and_see_charts(app):
    app.goto("/data")
    app.upload(FIXTURE)
    expect(app.sidebar).to_contain_text(FIXTURE.name)  # "Data in use: gemeenten.csv"
    expect(app.main).to_contain_text("8 regions")  # the shape line counts the municipalities
    app.assert_clean("the Data page after the upload")

    # `tevr_leven` is not recognised: map it to life satisfaction by hand, then save
    life = label("life_satisfaction")
    expect(app.main).to_contain_text(f"Not used: {UNMAPPED}")
    app.choose(life, UNMAPPED)
    app.main.get_by_role("button", name="Save columns").click()
    app.wait()
    expect(app.selected(life)).to_have_value(UNMAPPED)
    expect(app.main).not_to_contain_text(f"Not used: {UNMAPPED}")
    expect(app.main).to_contain_text("from 2 variables")
    app.assert_clean("the Data page after mapping a column")

    # the chart pages show the uploaded file, with a source line naming it
    source_line = f"{COMMON['source']['en']}: {FIXTURE.name}"
    for url_path in ("distribution", "regions", "trends"):
        app.nav(url_path)
        expect(app.charts().first).to_be_visible()
        assert app.charts().count() > 0, f"no charts on the {url_path} page"
        expect(app.main).to_contain_text(source_line)
        app.assert_clean(f"the {url_path} page for {FIXTURE.name}")
    # ... and the mapped variable and the file's municipalities are what they show
    expect(app.main).to_contain_text(label("life_satisfaction_mean"))
    app.nav("regions")
    expect(app.main).to_contain_text("Amsterdam")


def test_switch_language_to_dutch(app):
    app.goto("/")
    links = app.page.locator('[data-testid="stSidebarNavLink"]')
    expect(links.filter(has_text=COMMON["page_overview"]["en"])).to_have_count(1)
    app.sidebar.get_by_role("radio", name="Nederlands").click()
    app.wait()
    expect(app.page).to_have_url(re.compile(r"[?&]lang=nl"))
    for key in TITLE_KEY.values():
        expect(links.filter(has_text=COMMON[key]["nl"])).to_have_count(1)
    expect(app.main).to_contain_text(label("life_satisfaction_mean", "nl"))
    # every page, in Dutch, without an error; the language stays when moving on
    for url_path in PAGES:
        app.nav(url_path)
        expect(app.main.locator("h1, h2").first).to_be_visible()
        app.assert_clean(f"the {url_path} page in Dutch")
        expect(links.filter(has_text=COMMON[TITLE_KEY[url_path]]["nl"])).to_have_count(1)
    app.nav("data")
    expect(app.main).to_contain_text("Welke kolom is wat")
    app.nav("indicators")
    expect(app.main).to_contain_text(label("income_gini", "nl"))


def test_shared_link_opens_with_its_selections(app, new_app):
    # choose on the Regions page; the address then holds the choices
    app.goto("/regions")
    indicator, year, region = label("income_median"), "2019", "Limburg"
    app.choose(COMMON["indicator"]["en"], indicator)
    app.choose(COMMON["year"]["en"], year)
    app.choose(COMMON["region"]["en"], region)
    app.assert_clean("the Regions page after choosing")
    link = app.page.url
    for key in ("indicator", "year", "region"):
        assert f"{key}=" in link, f"the address does not keep the {key}: {link}"

    # someone else opens the link: a new browser, a new session, the same view
    other = new_app()
    other.goto(link)
    other.assert_clean("the Regions page from a shared link")
    expect(other.selected(COMMON["indicator"]["en"])).to_have_value(indicator)
    expect(other.selected(COMMON["year"]["en"])).to_have_value(year)
    expect(other.selected(COMMON["region"]["en"])).to_have_value(region)
    expect(other.charts().first).to_be_visible()
    expect(other.main).to_contain_text(indicator)


def test_year_holds_across_pages_and_opens_on_the_latest(app):
    # issue 9.1: the year reset to the first one (2014) on the next page, and back on Overview
    year = COMMON["year"]["en"]
    app.goto("/")
    expect(app.selected(year)).to_have_value("2024")  # a page opens on the latest year
    for url_path in ("distribution", "overview", "regions", "overview"):
        app.nav(url_path)
        expect(app.selected(year)).to_have_value("2024")
    # a year the user chose holds on every page until they change it
    app.choose(year, "2019")
    for url_path in ("distribution", "regions", "overview"):
        app.nav(url_path)
        expect(app.selected(year)).to_have_value("2019")
    app.assert_clean("the Overview page after moving between pages")


def test_year_of_an_upload_opens_on_its_latest_and_holds(app):
    # issue 9.1 on an uploaded file: its first year came back after a page switch
    year = COMMON["year"]["en"]
    latest = str(pd.read_csv(FIXTURE, sep=";", decimal=",")["jaar"].max())
    app.goto("/data")
    app.upload(FIXTURE)
    for url_path in ("overview", "distribution", "regions", "overview"):
        app.nav(url_path)
        expect(app.selected(year)).to_have_value(latest)


def test_link_on_an_upload_asks_for_the_file_and_restores_the_view(app, new_app):
    # issue 9.9: made on an uploaded file, the link showed the demo with the region dropped
    app.goto("/data")
    app.upload(FIXTURE)
    app.nav("distribution")
    app.main.locator("button", has_text="Cumulative (ECDF)").click()
    app.wait()
    app.choose(COMMON["year"]["en"], "2022")
    link = app.page.url
    for key in ("data=file", "file=gemeenten.csv", "chart=ecdf", "year=2022"):
        assert key in link, f"the address does not keep {key}: {link}"

    other = new_app()
    other.goto(link)
    other.assert_clean("a link on an upload, opened without the file")
    expect(other.main).to_contain_text("gemeenten.csv, which is not loaded in this browser")
    expect(other.charts()).to_have_count(0)  # no demo view pretending to be the link's
    other.upload(FIXTURE)
    expect(other.selected(COMMON["year"]["en"])).to_have_value("2022")
    expect(other.charts().first).to_be_visible()
    expect(other.main).to_contain_text("Amsterdam")
    expect(other.main).to_contain_text("Share at or below this value")  # the ECDF, as linked
    expect(other.sidebar).to_contain_text("gemeenten.csv")
    other.assert_clean("the linked view after uploading its file")
