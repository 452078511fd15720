"""The report: its views built as the pages build them, the HTML file (texts escaped, plotly.js
once), the workbook (sheets, numbers as numbers, no formulas) and the command."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from indicators.dataset.mapping import suggest_mapping
from indicators.io.load import load_table
from indicators.package_data import demo_file
from indicators.registry.catalog import load_registry
from indicators.report import contents
from indicators.report.contents import REPORT_VIEWS, build_sections, report_data
from indicators.report.excel import as_number, report_workbook
from indicators.report.html import blocks_html, report_html
from indicators.views import regions as regions_view
from indicators.views.blocks import Chart, Table

ROOT = Path(__file__).resolve().parents[1]
TOC = [*(f"view-{name}" for name in REPORT_VIEWS), "definitions"]  # the only links
HOSTILE = [
    '=HYPERLINK("http://evil.example/x","click")',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[link](http://evil.example/y)",
    "Utrecht",
    "Zwolle",
]


def hostile_frame() -> pd.DataFrame:
    rows = []
    for i, region in enumerate(HOSTILE):
        for year in (2022, 2023):
            rows.append({"gemeente": region, "jaar": year, "werkloosheid": 3.0 + i + year % 2})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def hostile():
    reg = load_registry()
    raw = hostile_frame()
    mapping = suggest_mapping(raw, reg).with_changes(region="gemeente", year="jaar")
    return report_data(raw, mapping, reg, source="<b>bestand</b>.csv")


@pytest.fixture(scope="module")
def people():
    reg = load_registry()
    raw = load_table(demo_file("people"))
    return report_data(raw, suggest_mapping(raw, reg), reg, source="demo_people.parquet")


def test_the_report_views_are_one_entry_each():
    assert list(REPORT_VIEWS) == [
        "findings",  # the report's first section (issue 17)
        "overview",
        "distribution",
        "regions",
        "trends",
        "groups",
        "profiles",
    ]
    for entry in REPORT_VIEWS.values():
        assert callable(entry.default_choices) and callable(entry.build)


def test_a_report_view_is_the_pages_view(people):
    # the regions view of the report is the view the page builds for the same choices
    [section] = build_sections(people, ["regions"], "en")
    page = regions_view.regions(
        people.results,
        people.registry,
        section.choices,
        lang="en",
        min_n=people.min_n,
        shape=people.shape,
        source=people.source,
        names=people.names,
        weight_column=people.prepared.mapping.weight,
        layout=regions_view.layout(),
        file_stem=people.stem,
    )
    assert section.view.texts() == page.texts()
    assert [t.equals(u) for t, u in zip(section.view.tables(), page.tables(), strict=True)]


def test_unknown_views_are_refused_with_the_known_ones():
    with pytest.raises(contents.DataError, match="choose from findings, overview, distribution"):
        contents.chosen_views(["overview", "maps"])
    with pytest.raises(contents.DataError):
        contents.chosen_views([""])


def test_html_escapes_every_text_from_the_file(hostile):
    html = report_html(hostile, None, "en")
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert 'href="http://evil.example' not in html
    assert "<b>bestand</b>" not in html
    assert "&lt;b&gt;bestand&lt;/b&gt;.csv" in html  # shown as written
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # plotly.js is in the file once, and nothing is fetched from the internet
    assert html.count("plotly.js v") <= 2  # its banner
    outside = re.sub(r"(?s)<script[^>]*>.*?</script>", "", html)  # plotly.js names its CDN
    assert not re.search(
        r"""(?i)(src|href|action)\s*=\s*["']?\s*(https?:|//|javascript:)""", outside
    )
    assert re.findall(r"<a href=\"([^\"]*)\"", outside) == [f"#{i}" for i in TOC]


def test_markdown_of_a_view_makes_no_tag_or_link():
    from indicators.views.blocks import Heading, Text

    out = blocks_html([Heading("<i>x</i>"), Text("[a](javascript:alert(1)) <u>u</u>")])
    assert "<i>" not in out and "<u>" not in out and "href" not in out


def test_html_report_has_the_facts_definitions_and_every_chart(people):
    sections = build_sections(people, None, "nl")
    html = report_html(people, None, "nl")
    for s in sections:
        assert f'id="view-{s.name}"' in html
    charts = sum(isinstance(b, Chart) for s in sections for b in s.view.walk())
    assert charts >= 10
    assert html.count('class="plotly-graph-div"') == charts
    assert html.count("Plotly.newPlot") == charts
    assert "waarden uit minder dan 10 waarnemingen zijn verborgen" in html
    assert "Definities van de indicatoren" in html
    rationale = people.registry.indicator_by_id["life_satisfaction_mean"].rationale("nl")
    assert rationale.split(";")[0] in html
    assert '<html lang="nl">' in html


def test_the_findings_are_the_reports_first_section(people):
    html = report_html(people, None, "en")
    assert html.index('id="view-findings"') < html.index('id="view-overview"')
    findings = html[html.index('id="view-findings"') : html.index('id="view-overview"')]
    assert "Limburg and Utrecht have a similar average life satisfaction" in findings
    assert "q-value up to 0.05" in findings and "findings.csv" in findings
    assert "?indicator=" not in findings  # a report has no pages to open: no dead links


def test_workbook_sheets_numbers_and_no_formulas(hostile):
    data = report_workbook(hostile, ["overview", "regions", "trends"], "en")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["about", "results", "definitions", "Overview", "Regions", "Trends"]
    results = book["results"]
    header = [c.value for c in results[1]]
    value = header.index("value") + 1
    numbers = [results.cell(row=r, column=value) for r in range(2, results.max_row + 1)]
    assert numbers and all(c.data_type == "n" for c in numbers if c.value is not None)
    assert any(isinstance(c.value, float) for c in numbers)
    evil = [
        c
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value
    ]
    assert evil, "the hostile region name is in the workbook"
    assert all(c.data_type == "s" for c in evil)  # text, never a formula
    starts = [c for c in evil if c.value.startswith("=")]
    assert starts and all(c.quotePrefix for c in starts)  # and kept text when edited
    # a view's figures written as text ("3.5") are numbers again
    regions = book["Regions"]
    assert any(isinstance(c.value, float) for row in regions.iter_rows(min_row=2) for c in row)
    defs = book["definitions"]
    assert [c.value for c in defs[1]][:3] == ["Id", "Indicator", "Description"]


@pytest.mark.parametrize(
    ("shown", "lang", "number"),
    [("7,9", "nl", 7.9), ("1.234,5", "nl", 1234.5), ("12,5%", "nl", 0.125), ("−3.5", "en", -3.5)],
)
def test_figures_written_as_text_become_numbers(shown, lang, number):
    assert as_number(shown, lang) == pytest.approx(number)


def test_tables_of_every_view_reach_the_html(people):
    sections = build_sections(people, ["distribution", "groups", "profiles"], "en")
    html = report_html(people, ["distribution", "groups", "profiles"], "en")
    tables = sum(isinstance(b, Table) for s in sections for b in s.view.walk())
    assert tables >= 4
    assert html.count("<table>") >= tables


def _cli(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "indicators", "report", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


def test_command_writes_html_xlsx_and_images(tmp_path):
    src = ROOT / "tests" / "browser" / "data" / "gemeenten.csv"
    out = tmp_path / "rapport.html"
    done = _cli(
        str(src), "--region", "gemeente", "--year", "jaar", "--weight", "gewicht",
        "--views", "regions,trends", "--lang", "nl", "--images", "--out", str(out), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    html = out.read_text(encoding="utf-8")
    assert "Rapport brede welvaart" in html and 'id="view-trends"' in html
    images = sorted(p.name for p in (tmp_path / "rapport_images").iterdir())
    pngs = [n for n in images if n.endswith(".png")]
    svgs = [n for n in images if n.endswith(".svg")]
    assert pngs and len(pngs) == len(svgs) == html.count('class="plotly-graph-div"')
    png = (tmp_path / "rapport_images" / pngs[0]).read_bytes()
    assert png.startswith(b"\x89PNG")
    assert (tmp_path / "rapport_images" / svgs[0]).read_text().lstrip().startswith("<svg")
    xlsx = tmp_path / "rapport.xlsx"
    done = _cli(
        str(src), "--region", "gemeente", "--year", "jaar",
        "--map", "income=inkomen", "--views", "overview", "--out", str(xlsx), cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == ["about", "results", "definitions", "Overview"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "nope"], "has no column 'nope'"),
        (["--region", "gemeente", "--views", "maps"], "'maps' is not a view of the report"),
        (["--region", "gemeente", "--map", "income"], "write VARIABLE=COLUMN"),
    ],
    ids=["region", "views", "map"],
)
def test_command_says_what_is_wrong_with_exit_2(tmp_path, args, message):
    src = ROOT / "tests" / "browser" / "data" / "gemeenten.csv"
    done = _cli(str(src), *args, "--lang", "en", "--out", str(tmp_path / "r.html"), cwd=tmp_path)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "r.html").exists()


def test_command_refuses_another_kind_of_file(tmp_path):
    src = ROOT / "tests" / "browser" / "data" / "gemeenten.csv"
    done = _cli(str(src), "--region", "gemeente", "--lang", "nl", "--out", "r.pdf", cwd=tmp_path)
    assert done.returncode == 2 and ".html- of een .xlsx-bestand" in done.stderr
