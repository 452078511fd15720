"""What the dashboard says must be true (issue 9), seen in a real browser.

One case per defect that a browser shows best: what is drawn (axis ticks, where a legend
sits), and what a new user sees after an upload of a real file: StatLine codes and missing
cells, a file without years.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from indicators.ui.i18n import COMMON

pytestmark = pytest.mark.browser

STATLINE = Path(__file__).resolve().parents[1] / "data" / "statline_regionaal.csv"


def test_shares_on_the_trends_axis_read_as_percentages(app):
    # 9.2: the poverty rate's axis ran from 0.1 to 0.24 while the tile said 18.4%
    app.goto("/trends?indicator=income_poverty_rate")
    chart = app.charts().first
    expect(chart).to_be_visible()
    texts = chart.locator(".ytick text").evaluate_all("els => els.map(e => e.textContent)")
    ticks = [t.strip() for t in texts if t and t.strip()]
    assert ticks and all(t.endswith("%") for t in ticks), ticks
    app.assert_clean("Trends, poverty rate")


def test_statline_file_shows_names_and_says_why_a_value_is_missing(app):
    # 9.6 codes instead of names; 9.3 StatLine's "x" explained as a small cell
    app.goto("/data")
    app.upload(STATLINE)
    app.nav("regions")
    expect(app.main).to_contain_text("Amsterdam")
    assert "GM0363" not in app.main.inner_text()
    app.nav("overview")
    app.choose(COMMON["region"]["en"], "Utrecht")
    app.choose(COMMON["year"]["en"], "2020")
    expect(app.main).to_contain_text("no value in the file")
    assert "fewer than 10 observations" not in app.main.inner_text()
    app.assert_clean("Overview of a StatLine file")


def test_a_file_without_years_never_says_none(app, tmp_path):
    # 9.7: chart titles said "in None" for files without a year
    lines = ["regio;gewicht;inkomen"]
    for i, regio in enumerate(("Noord", "Oost", "Zuid", "West")):
        lines += [f"{regio};1;{20000 + 1500 * i + 700 * (j % 9)}" for j in range(40)]
    path = tmp_path / "zonder_jaar.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    app.goto("/data")
    app.upload(path)
    for url_path in ("overview", "distribution", "regions", "trends"):
        app.nav(url_path)
        text = app.main.inner_text()
        assert "None" not in text and " nan" not in text.lower(), url_path
        app.assert_clean(f"{url_path} without years")
    app.nav("distribution")
    expect(app.charts().first).to_be_visible()


def test_ecdf_legend_sits_below_the_plot_not_over_the_title(app):
    # 9.10: the ECDF legend printed over the chart title
    app.goto("/distribution?chart=ecdf&variable=income")
    # the ECDF itself (its axis says so), drawn in full before anything is measured
    chart = app.charts().filter(has_text="Share at or below this value").first
    expect(chart).to_be_visible()
    expect(chart.locator(".gtitle")).to_have_count(1)
    app.wait()
    expect(chart.locator(".legend")).to_be_visible()
    # the three boxes in one look, so that no layout change falls between them
    title, legend, plot = chart.evaluate(
        """el => ['.gtitle', '.legend', '.bglayer'].map(s => {
            const r = el.querySelector(s).getBoundingClientRect();
            return {y: r.y, height: r.height};
        })"""
    )
    assert legend["y"] > title["y"] + title["height"], (title, legend)
    assert legend["y"] >= plot["y"] + plot["height"] - 1, (plot, legend)
    app.assert_clean("Distribution, ECDF")
