"""The Distribution page on values in thousands of euros and on a year with one value (issue 9).

The poverty threshold input showed "3" and counted the share below 3.0 where 60% of the median
is 3.42; on StatLine's 2020 (one municipality with a value) the axis tick read
"30.10000000000000142", the histogram was one block across the chart, and the page said "A
ranking needs at least three regions" about a file with one row per region.
"""

from __future__ import annotations

import json
from pathlib import Path

from apptest_helpers import array, mapping_state, open_page

from indicators.dataset.mapping import Mapping

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/distribution.py"
STATLINE = ROOT / "tests" / "data" / "statline_regionaal.csv"


def figures(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def thousands_csv() -> bytes:
    """Income in thousands of euros, 30 people in each of two regions: the median is 5.7."""
    values = [3.2, 4.0, 5.0, 5.5, 5.7, 5.7, 6.0, 7.0, 8.0, 9.0] * 3
    lines = ["regio,inkomen"] + [f"{r},{v}" for r in ("Noord", "Zuid") for v in values]
    return ("\n".join(lines) + "\n").encode()


def test_poverty_threshold_keeps_its_decimals_and_counts_below_them():
    data = thousands_csv()
    state = mapping_state(data, Mapping.build("regio", variables={"income": "inkomen"}))
    at = open_page(PAGE, "en", ("inkomen.csv", data), {"dist_bottom_income_kind": "share"}, state)
    (box,) = at.number_input
    assert box.value == 3.42  # 0.6 x 5.7, not rounded to whole units (3)
    assert box.proto.format == "%.2f"
    at.multiselect[0].set_value(["Total"]).run()  # the sentence about all regions together
    sentence = at.info[0].value
    # 3.2 lies below 3.42 (and not below 3): 6 of 60, with the threshold as the input shows it
    assert "10.0% are below the poverty line of 3.42" in sentence, sentence


def statline_2020(lang="en"):
    data = STATLINE.read_bytes()
    mapping = Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    )
    return open_page(
        PAGE, lang, (STATLINE.name, data), {"year": "2020"}, mapping_state(data, mapping)
    )


def test_one_value_is_a_single_bar_with_a_note_and_plain_ticks():
    at = statline_2020()
    main, quantiles = figures(at)[:2]
    (bar,) = [t for t in main["data"] if t["type"] == "bar"]
    lo, hi = main["layout"]["xaxis"]["range"]
    width = float(array(bar["width"])[0])
    assert lo < 30.1 < hi and width < (hi - lo) / 10  # a bar, not a block across the axis
    assert any("only one value (30.1)" in c.value for c in at.caption)
    # the percentiles of one value: a range around it and ticks with one decimal
    lo, hi = quantiles["layout"]["xaxis"]["range"]
    assert lo < 30.1 < hi
    assert quantiles["layout"]["xaxis"]["tickformat"] == ",.1f"
    assert "mean standardised disposable household income 30.1" in at.info[0].value


def test_aggregates_say_why_there_is_no_ranking_in_both_languages():
    texts = [i.value for i in statline_2020("en").info]
    assert not any("at least three regions" in t for t in texts)
    assert any("one distribution, across the regions" in t for t in texts), texts
    texts = [i.value for i in statline_2020("nl").info]
    assert any("één verdeling, over de regio's" in t for t in texts), texts


def test_a_year_with_too_few_regions_says_how_many_it_has():
    lines = ["regio,jaar,inkomen"]
    for year, regions in ((2022, ("A", "B", "C")), (2023, ("A", "B"))):
        lines += [f"{r},{year},{20 + i % 7 + ord(r) % 3}" for r in regions for i in range(30)]
    data = ("\n".join(lines) + "\n").encode()
    state = mapping_state(
        data, Mapping.build("regio", year="jaar", variables={"income": "inkomen"})
    )
    at = open_page(PAGE, "en", ("jaren.csv", data), {"year": "2023"}, state)
    assert any(
        "needs at least three regions with values; in 2023 only 2 have one" in i.value
        for i in at.info
    ), [i.value for i in at.info]
    at = open_page(PAGE, "nl", ("jaren.csv", data), {"year": "2023"}, state)
    assert any("in 2023 hebben alleen 2 er een" in i.value for i in at.info)


def test_aggregates_say_why_their_numbers_have_no_interval():
    at = statline_2020()
    assert not at.exception and not at.error
    assert any(
        c.value.startswith("No intervals: the file has one row per region (aggregates)")
        for c in at.caption
    )
    table = at.dataframe[0].value
    assert not table.astype(str).apply(lambda c: c.str.contains(" to ")).any().any()
