"""Region codes that are numbers (mpdta's counties: 8001, 12007, 48173) on the pages (issue 9)."""

from __future__ import annotations

from apptest_helpers import charts_by_title, mapping_state, open_page

from indicators.dataset.mapping import Mapping

COUNTIES = [48173, 8001, 12019, 12007, 8005]


def counties_csv() -> bytes:
    lines = ["countyreal,year,tevredenheid"]
    for i, county in enumerate(COUNTIES):
        for year in (2006, 2007):
            lines.append(f"{county},{year},{6 + i / 4 + (year - 2006) / 10:.2f}")
    return ("\n".join(lines) + "\n").encode()


def test_regions_page_ranks_numbered_regions_on_rows_of_their_own_in_number_order():
    data = counties_csv()
    mapping = Mapping.build(
        "countyreal", year="year", variables={"life_satisfaction": "tevredenheid"}
    )
    at = open_page(
        "indicators/ui/regions.py", "en", ("mpdta.csv", data), None, mapping_state(data, mapping)
    )
    options = at.selectbox(key="region").options
    assert options[1:] == ["8001", "8005", "12007", "12019", "48173"]  # not as text
    (ranking,) = [f for t, f in charts_by_title(at).items() if "by region" in t]
    assert ranking["layout"]["yaxis"]["type"] == "category"
    assert len(set(ranking["data"][0]["y"])) == len(COUNTIES)  # a row for every county
