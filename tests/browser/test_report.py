"""The HTML report in a real browser (issue 14): opened from a file with every network request
blocked, it draws every chart of the chosen views and shows every table, and the hostile names
of a file stay text (no dialog, no request)."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.dataset.mapping import suggest_mapping
from indicators.io.load import load_table
from indicators.package_data import demo_file
from indicators.registry.catalog import load_registry
from indicators.report.contents import build_sections, report_data
from indicators.report.html import document_html
from indicators.views.blocks import Chart, Download, Table

pytestmark = pytest.mark.browser

VIEWS = ["overview", "distribution", "regions", "trends", "groups", "profiles"]


def _open_offline(browser, path):
    """Open a file in a fresh context where every request but the file itself is refused."""
    context = browser.new_context(viewport={"width": 1200, "height": 1400})
    page = context.new_page()
    asked, dialogs, errors = [], [], []

    def route(r):
        if r.request.url == path.as_uri():
            return r.continue_()
        asked.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return context, page, asked, dialogs, errors


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_report_draws_every_chart_and_table_offline(browser, tmp_path, lang):
    reg = load_registry()
    raw = load_table(demo_file("people"))
    data = report_data(raw, suggest_mapping(raw, reg), reg, source="demo_people.parquet")
    sections = build_sections(data, VIEWS, lang)
    path = tmp_path / "report.html"
    path.write_text(document_html(data, sections, lang), encoding="utf-8")
    blocks = [b for s in sections for b in s.view.walk()]
    charts = sum(isinstance(b, Chart) for b in blocks)
    tables = sum(isinstance(b, Table) for b in blocks)
    tables += sum(isinstance(b, Download) and b.file_name.endswith(".csv") for b in blocks)
    assert charts >= 10 and tables >= 5
    context, page, asked, dialogs, errors = _open_offline(browser, path)
    try:
        page.wait_for_function(
            f"document.querySelectorAll('.plotly-graph-div .main-svg').length >= {charts}",
            timeout=60_000,
        )
        drawn = page.locator(".plotly-graph-div").evaluate_all(
            "divs => divs.map(d => d.querySelectorAll('.main-svg').length > 0"
            " && d.getBoundingClientRect().height > 100)"
        )
        assert drawn == [True] * charts
        assert page.locator("table:not(.about)").count() == tables
        for s in sections:
            assert page.locator(f"#view-{s.name} > h2").inner_text() == s.title
        assert asked == [] and dialogs == [] and errors == []
    finally:
        context.close()


def test_hostile_names_stay_text_in_the_browser(browser, tmp_path):
    names = ["<img src=x onerror=alert(1)>", "![x](http://127.0.0.1:9/p.png)", "Utrecht"]
    raw = pd.DataFrame(
        [
            {"gemeente": n, "jaar": y, "werkloosheid": 3.0 + i + y % 2}
            for i, n in enumerate(names)
            for y in (2022, 2023)
        ]
    )
    reg = load_registry()
    mapping = suggest_mapping(raw, reg).with_changes(region="gemeente", year="jaar")
    data = report_data(raw, mapping, reg, source="<script>alert(3)</script>.csv")
    sections = build_sections(data, ["regions", "trends"], "en")
    path = tmp_path / "hostile.html"
    path.write_text(document_html(data, sections, "en"), encoding="utf-8")
    context, page, asked, dialogs, errors = _open_offline(browser, path)
    try:
        page.wait_for_timeout(1500)
        assert asked == [] and dialogs == []
        assert page.locator("main img").count() == 0
        assert "<script>alert(3)</script>.csv" in page.locator("#about").inner_text()
        assert names[0] in page.locator("main").inner_text()
    finally:
        context.close()
