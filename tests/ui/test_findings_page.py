"""AppTest of the Findings page: the demo's strongest findings as numbered sentences with
their intervals, the filters, Dutch and English, a municipal aggregate file (ranked by size,
no intervals), and every kind of finding's button opening the page that shows it, its
choices set."""

from __future__ import annotations

import re

from apptest_helpers import ROOT, open_page

from indicators.analyses.findings import findings_table
from indicators.ui.app import PAGES, navigation_order
from indicators.views.escape import escape_markdown
from indicators.views.findings import split_link

PAGE = "indicators/ui/findings.py"
TITLES = {
    "groups": "Groups",
    "regions": "Regions",
    "trends": "Trends",
}


def shown(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [n.value for n in (*at.info, *at.success, *at.warning)]
    return "\n".join(parts)


def counted(at) -> tuple[int, int]:
    """The findings shown and found, from the caption "12 of 213 findings"."""
    for c in at.caption:
        m = re.fullmatch(r"([\d,]+) of ([\d,]+) findings", c.value)
        if m:
            return int(m[1].replace(",", "")), int(m[2].replace(",", ""))
    raise AssertionError("no count of findings shown")


def numbered(at) -> list[str]:
    return [m.value for m in at.markdown if m.value.startswith("**") and "." in m.value[:7]]


def test_demo_findings_are_numbered_sentences_with_intervals():
    at = open_page(PAGE, "en")
    assert at.title[0].value == "Findings"
    found = numbered(at)
    assert len(found) == 25  # the first 25 as sentences; all in the table and the download
    assert found[0].startswith("**1.**") and all("interval" in s for s in found)
    words = shown(at)
    assert "q-value up to 0.05" in words and "at most 5%" in words
    # the demo's built-in story: Utrecht and Limburg with the same mean, different bottoms
    assert "Limburg and Utrecht have a similar average life satisfaction" in words
    assert at.selectbox(key="fdr").value == 0.05
    assert len(at.button) == 25 and at.button[0].label == "Open"


def test_filter_by_kind_region_and_a_stricter_rate():
    at = open_page(PAGE, "en")
    total = counted(at)[1]
    kinds = at.selectbox(key="finding_kind")
    counts = {k: int(re.search(r"\((\d+)\)$", kinds.format_func(k))[1]) for k in kinds.options[1:]}
    assert sum(counts.values()) == total  # each kind's label says how many it has
    at.selectbox(key="finding_kind").set_value("same_mean").run()
    assert not at.exception and not at.error
    assert numbered(at) and all("*Same mean, other bottom*" in s for s in numbered(at))
    at.selectbox(key="finding_kind").set_value("").run()
    at.selectbox(key="finding_region").set_value("Limburg").run()
    assert numbered(at) and all("Limburg" in s for s in numbered(at))
    at.selectbox(key="finding_region").set_value("").run()
    at.selectbox(key="fdr").set_value(0.01).run()
    assert not at.exception and not at.error
    assert 0 < counted(at)[1] < total
    assert "q-value up to 0.01" in shown(at)


def test_dutch_page_has_dutch_sentences_and_decimal_commas():
    at = open_page(PAGE, "nl")
    assert at.title[0].value == "Bevindingen"
    first = numbered(at)[0]
    assert "interval" in first and "," in first and "between" not in first
    assert at.button[0].label == "Bekijk"


def test_every_kind_of_finding_opens_the_page_that_shows_it():
    """For the first finding of each kind: its button opens its page, the page shows no
    error, and the page's widgets hold the finding's indicator, region(s), group and year."""
    table = _demo_findings()
    firsts = table.drop_duplicates("kind")
    assert len(firsts) >= 3
    for _, row in firsts.iterrows():
        at = open_page(PAGE, "en", state={"finding_kind": row["kind"]})
        assert escape_markdown(row["sentence"]) in numbered(at)[0]  # the first of this kind
        at.button[0].click().run()
        assert not at.exception and not at.error, (row["kind"], [e.value for e in at.error])
        page, params = split_link(row["link"])
        assert at.title[0].value == TITLES[page], row["kind"]
        widgets = {w.key: w.value for w in at.selectbox}
        widgets |= {w.key: [str(v) for v in w.value] for w in at.multiselect}
        for key, value in params.items():
            want = [value] if isinstance(widgets[key], list) else value
            got = widgets[key] if isinstance(widgets[key], list) else str(widgets[key])
            assert got == want, (row["kind"], key, got, want)


def _demo_findings():
    """The findings the page shows on the demo data (the report's data is the page's)."""
    from indicators.dataset.mapping import suggest_mapping
    from indicators.io.load import load_table
    from indicators.package_data import demo_file
    from indicators.registry.catalog import load_registry
    from indicators.report.contents import report_data

    reg = load_registry()
    raw = load_table(demo_file("people"))
    data = report_data(raw, suggest_mapping(raw, reg), reg, source="demo")
    return findings_table(
        data.table, data.registry, lang="en", prepared=data.prepared, min_n=data.min_n
    )


def test_microdata_of_few_people_say_there_are_no_findings_at_the_rate():
    data = (ROOT / "tests/browser/data/gemeenten.csv").read_bytes()  # 720 people, 8 places
    at = open_page(PAGE, "en", upload=("gemeenten.csv", data))
    words = shown(at)
    assert numbered(at) or "No findings at a false discovery rate of 0.05" in words
    assert "for this choice" not in words  # defect: said so with nothing chosen


def test_municipal_aggregates_are_ranked_by_size_and_give_no_interval():
    """Defect: a sentence on figures without sampling uncertainty said "interval – to –"."""
    data = (ROOT / "tests/data/wide/statline_wide.csv").read_bytes()
    at = open_page(PAGE, "en", upload=("statline_wide.csv", data))
    found = numbered(at)
    assert found and all("without sampling uncertainty" in s for s in found)
    assert not any("interval" in s for s in found)
    assert not any("· no sampling uncertainty" in s for s in found)  # said once, not twice
    words = shown(at)
    assert "nothing is tested" in words and "q-value" not in words
    assert "Map a group column" not in shown(at)  # a table per region has no people to group


def test_aggregates_without_a_large_difference_say_why_there_are_none():
    data = (ROOT / "tests/data/gemeenten_excel_nl.csv").read_bytes()
    at = open_page(PAGE, "nl", upload=("gemeenten_excel_nl.csv", data))
    assert not numbered(at)
    assert "zonder steekproefonzekerheid: er is niets te toetsen" in shown(at)
    assert "minstens 0,5 keer de spreiding" in shown(at)


def test_findings_come_first_in_the_navigation_once_a_file_is_loaded():
    assert navigation_order(uploaded=True)[0][3] == "findings"
    demo = [p[3] for p in navigation_order(uploaded=False)]
    assert demo[:2] == ["overview", "findings"] and sorted(demo) == sorted(p[3] for p in PAGES)


def test_a_survey_without_years_names_no_year_and_keeps_names_capitalised():
    """Defect: on EU-SILC (no year column) a sentence said "similar mean income in None", and
    "theil index" lost its capital."""
    data = (ROOT.parent / "shared" / "data" / "eusilc.csv").read_bytes()
    at = open_page(PAGE, "en", upload=("eusilc.csv", data))
    found = numbered(at)
    assert found and all("None" not in s for s in found)
    assert any("*Same mean, other bottom*" in s for s in found)
    assert not any("theil" in s or "atkinson" in s for s in found)
    assert "Map a group column" in shown(at)  # no group mapped: said what to do for gaps


def test_a_finding_that_repeats_another_ones_numbers_is_shown_once():
    """Defect: on the demo page, 'the gap in share unemployed between 18-34 and 65-74' and
    '... and 75+' were two findings with the same numbers (no one unemployed in either)."""
    found = _demo_findings()
    keys = ["kind", "region", "indicator", "breakdown", "group", "year_from", "year_to"]
    assert not found.assign(e=found["estimate"].round(12)).duplicated([*keys, "e"]).any()


def test_a_gap_that_changed_sign_is_said_to_have_reversed():
    """Defect: 'the gap ... narrowed from −10.9 pp to +10.0 pp': a gap whose sign flipped is
    neither wider nor narrower; it reversed."""
    gaps = _demo_findings().query("kind == 'group_gap'")["sentence"]
    said = [
        re.search(r" (widened|narrowed|reversed) from ([+−]?)[\d.,]+(?: pp)? to ([+−]?)[\d.,]+", s)
        for s in gaps
    ]
    said = [m for m in said if m]
    assert len(said) == len(gaps) > 10
    flipped = [m[1] for m in said if {m[2], m[3]} == {"+", "−"}]
    assert flipped and set(flipped) == {"reversed"}
    assert all(m[1] != "reversed" for m in said if {m[2], m[3]} != {"+", "−"})
