"""AppTest of the Groups page on the demo data: the lower educated fall behind, visibly and
significantly, and more often carry three or more unfavourable outcomes."""

from __future__ import annotations

import pytest
from apptest_helpers import array, charts_by_title, open_page

PAGE = "indicators/ui/groups.py"


@pytest.fixture(scope="module")
def education_en():
    return open_page(PAGE, "en", query={"by": "opleiding"})


def test_the_lower_educated_fall_behind_significantly(education_en):
    at = education_en
    assert at.title[0].value == "Groups"
    table = at.dataframe[0].value.set_index("Group")
    assert table.loc["laag", "Verdict"] == "significantly worse"
    assert table.loc["hoog", "Verdict"] == "significantly better"
    said = [m.value for m in at.markdown]
    worse = next(s for s in said if s.startswith("**laag**"))
    assert "worse; that gap is significant" in worse
    trend = next(s for s in said if s.startswith("The gap between laag and the rest"))
    assert "widened" in trend and trend.endswith("since 2014, significantly.")
    figs = charts_by_title(at)
    dots = figs["Average life satisfaction by opleiding, Total (all regions), 2024"]
    worse_trace = next(d for d in dots["data"] if d["name"] == "significantly worse")
    assert worse_trace["marker"]["color"] == "#D55E00"
    assert list(worse_trace["y"]) == ["laag"]
    assert array(worse_trace["x"])[0] < 7.5
    # accumulated disadvantage: the lower educated most often have 3 or more
    assert any(
        s.startswith("3+ unfavourable outcomes are most common among **laag**") for s in said
    )
    assert any(title.startswith("Number of unfavourable outcomes by opleiding") for title in figs)
    # the regions ranked by the largest gap of Total: the lower educated's
    assert at.selectbox(key="group").value == "laag"
    assert any(s.startswith("**Where is the gap largest? laag**") for s in said)


def test_in_dutch_with_own_cut_points():
    at = open_page(PAGE, "nl", query={"by": "opleiding"})
    at.number_input(key="groups_low").set_value(5.0).run()
    assert not at.exception
    captions = [c.value for c in at.caption]
    assert any(c.startswith("Laag: een score van 5 of lager") and "door u gekozen" in c
               for c in captions)  # fmt: skip
    table = at.dataframe[0].value.set_index("Groep")
    assert table.loc["laag", "Oordeel"] == "significant slechter"
    said = [m.value for m in at.markdown]
    assert any("gegroeid" in s and s.endswith("significant.") for s in said)


def test_a_file_without_group_columns_says_to_choose_them():
    import io

    import pandas as pd

    df = pd.DataFrame({"regio": ["a", "b"] * 20, "levenstevredenheid": list(range(10)) * 4})
    data = df.to_csv(index=False).encode()
    at = open_page(PAGE, "en", upload=("plain.csv", data))
    assert any("group columns" in i.value for i in at.info)
    assert io  # the upload is read as CSV


def test_a_stapeling_finding_links_to_its_region_and_year(reg):
    # the link of the demo's accumulated-disadvantage finding opens this page on the finding's
    # region and year, with the section on accumulated disadvantage shown
    from urllib.parse import parse_qsl

    import pandas as pd

    from indicators.analyses.findings import findings_table
    from indicators.dataset.mapping import suggest_mapping
    from indicators.dataset.prepare import prepare
    from indicators.package_data import demo_file
    from indicators.results import compute

    people = pd.read_parquet(demo_file("people"))
    prepared = prepare(people, suggest_mapping(people, reg), reg)
    results = compute(prepared, reg, indicators=["life_satisfaction_mean"], ci=0.95)
    found = findings_table(results, reg, kinds=("stapeling",), prepared=prepared, lang="en")
    assert len(found), "the demo has a region apart in accumulated disadvantage"
    row = found.iloc[0]
    page, _, query = row["link"].partition("?")
    assert page == "groups"
    params = dict(parse_qsl(query))
    assert set(params) == {"by", "region", "year"}
    at = open_page(PAGE, "en", query=params)
    assert at.selectbox(key="by").value == params["by"]
    titles = charts_by_title(at)
    want = f"Number of unfavourable outcomes by {params['by']}, {row['region']}"
    assert any(t.startswith(want) and t.endswith(params["year"]) for t in titles), list(titles)
