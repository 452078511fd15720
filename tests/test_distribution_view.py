"""The Distribution page as a view (no Streamlit): its headings, sentences, figures, numbers
with their intervals, and the download, from the demo data, an aggregate file and small cells."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from indicators.analyses import distribution as dist
from indicators.dataset.mapping import Mapping, suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.io.load import load_table
from indicators.package_data import demo_file
from indicators.results import TOTAL
from indicators.views import distribution as dv
from indicators.views.blocks import Chart, Columns, Download, Expander, Heading, Table, Text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def people(reg):
    raw = load_table(demo_file("people"))
    return raw, prepare(raw, suggest_mapping(raw, reg), reg)


def build(prepared, raw, reg, lang="en", min_n=10, column=None, **choices):
    names = {r: r for r in prepared.regions}
    group = dv.grouping(prepared, raw, names, column)
    choices.setdefault("year", prepared.years[-1] if prepared.years else None)
    return dv.distribution(
        prepared,
        reg,
        dv.Choices(**choices),
        lang=lang,
        min_n=min_n,
        source="demo.parquet",
        group=group,
    )


def blocks(view, kind):
    return [b for b in view.walk() if isinstance(b, kind)]


def test_demo_view_has_every_part_of_the_page(people, reg):
    raw, prepared = people
    view = build(prepared, raw, reg, variable="life_satisfaction")
    texts = view.texts()
    notes = [b for b in blocks(view, Text) if b.tone == "info"]
    sentence = notes[0].text
    assert sentence.startswith("Same mean life satisfaction (7.9) in Limburg and Utrecht, but ")
    assert "score below 6. That is significantly more in Limburg: " in sentence
    assert "(95% interval of the difference: " in sentence
    # the rule for "significantly" is written on the page
    assert any(t.startswith("A difference in the bottom is called significant") for t in texts)
    assert [h.text for h in blocks(view, Heading)] == [
        "Percentiles by region",
        "Rank by mean and bottom",
    ]
    titles = [c.figure.layout.title.text.replace("<br>", " ") for c in blocks(view, Chart)]
    assert titles[0].startswith("Life satisfaction in 2024: distribution in Limburg, Utrecht")
    assert titles[1].startswith("Life satisfaction in 2024: P10, P25, median")
    assert titles[2].startswith("Life satisfaction in 2024: rank by mean versus rank by")
    assert all(c.caption == "Source: demo.parquet" for c in blocks(view, Chart))
    assert any(t.startswith("Observations: Limburg 1,528; Utrecht 1,544") for t in texts)
    assert len(blocks(view, Columns)) == 1 and len(blocks(view, Expander)) == 1
    # the numbers: every region and Total, each value with its 95% interval
    (table,) = blocks(view, Table)
    frame = table.frame
    assert (
        frame["region"].iloc[-1] == TOTAL and len(frame) == prepared.frame["region"].nunique() + 1
    )
    limburg = frame.set_index("region").loc["Limburg"]
    assert limburg["mean"] == "7.9 (7.9 to 8.0)"  # 7.948 -/+ 1.96 x 0.0435
    assert limburg["bottom"] == "7.2% (5.7% to 8.6%)"  # 7.18% -/+ 1.96 x 0.74
    assert " to " in limburg["p10"] and limburg["observations"] == 1528
    # Utrecht's median 8 -/+ 1.96 x 0.0223 would read "8.0 (8.0 to 8.0)": two more decimals
    assert frame.set_index("region").loc["Utrecht", "median"] == "8.00 (7.96 to 8.04)"
    assert table.caption.startswith("In brackets: the 95% interval")


def test_demo_download_has_the_intervals_as_numbers(people, reg):
    raw, prepared = people
    view = build(prepared, raw, reg, variable="life_satisfaction")
    (download,) = blocks(view, Download)
    assert download.file_name == "distribution_life_satisfaction_2024.csv"
    table = pd.read_csv(io.BytesIO(download.data))
    row = table.set_index("region").loc["Limburg"]
    assert row["mean"] == pytest.approx(7.948451, abs=1e-6)
    assert row["mean_se"] == pytest.approx(0.043521, abs=1e-6)
    assert row["mean_ci_low"] == pytest.approx(7.948451 - 1.959964 * 0.043521, abs=1e-5)
    assert row["bottom_ci_high"] == pytest.approx(0.071809 + 1.959964 * 0.007407, abs=1e-5)
    for m in ("median", "p10", "p25", "p75", "p90"):
        assert row[f"{m}_ci_low"] <= row[m] <= row[f"{m}_ci_high"], m


def test_dutch_view(people, reg):
    raw, prepared = people
    view = build(prepared, raw, reg, lang="nl", variable="life_satisfaction")
    sentence = next(b.text for b in blocks(view, Text) if b.tone == "info")
    assert sentence.startswith("Zelfde gemiddelde levenstevredenheid (7,9) in Limburg en Utrecht")
    assert "Dat is significant meer in Limburg" in sentence
    frame = blocks(view, Table)[0].frame
    assert frame.set_index("regio").loc["Limburg", "gemiddelde"] == "7,9 (7,9 tot 8,0)"


def test_chosen_groups_chart_type_and_bottom(people, reg):
    raw, prepared = people
    view = build(
        prepared,
        raw,
        reg,
        variable="life_satisfaction",
        chart="violin",
        bottom=dist.Bottom("quantile", p=0.1),
        groups=("Zeeland", TOTAL),
    )
    main = blocks(view, Chart)[0].figure
    assert {t.type for t in main.data} >= {"violin"}
    assert {t.name for t in main.data if t.type == "violin"} == {"Zeeland", "Total (all regions)"}
    # no two same-mean groups among the chosen: said for all regions
    assert any(t.startswith("Across all regions: ") for t in view.texts())
    # no groups chosen: ask for some
    view = build(prepared, raw, reg, variable="life_satisfaction", groups=())
    assert [b.tone for b in view.blocks] == ["info"]


def test_aggregates_show_no_interval_and_say_why(reg):
    raw = load_table(ROOT / "tests" / "data" / "statline_regionaal.csv")
    mapping = Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    )
    prepared = prepare(raw, mapping, reg)
    view = build(prepared, raw, reg, variable="income", year=prepared.years[0])
    (table,) = blocks(view, Table)
    assert table.caption == (
        "No intervals: the file has one row per region (aggregates), so there is no sampling "
        "uncertainty to show."
    )
    assert not table.frame.astype(str).apply(lambda c: c.str.contains(" to ")).any().any()
    assert not any("significant" in t for t in view.texts())
    (download,) = blocks(view, Download)
    assert not any(c.endswith(("_se", "_ci_low")) for c in pd.read_csv(io.BytesIO(download.data)))


def test_small_cells_have_no_number_and_no_interval(reg):
    raw = load_table(ROOT / "tests" / "browser" / "data" / "gemeenten.csv")
    prepared = prepare(raw, suggest_mapping(raw, reg), reg)
    view = build(prepared, raw, reg, min_n=50, variable="income", year=2023)
    assert any(t.startswith("Not shown:") and "(n = 30)" in t for t in view.texts())
    frame = blocks(view, Table)[0].frame
    hidden = frame[frame["suppressed"]]
    assert (
        len(hidden) == 8
        and hidden.drop(columns=["region", "observations", "suppressed"]).isna().all().all()
    )
    total = frame[frame["region"] == TOTAL].iloc[0]
    assert " to " in total["mean"]
    table = pd.read_csv(io.BytesIO(blocks(view, Download)[0].data))
    assert table.loc[table["suppressed"], ["mean_ci_low", "bottom_ci_high"]].isna().all().all()
    # nothing at all to show when even the total is small
    view = build(prepared, raw, reg, min_n=1000, variable="income", year=2023)
    assert [b.tone for b in view.blocks] == ["caption", "info"]


def test_a_name_with_tags_is_text_in_the_figures(reg):
    """Plotly reads b, i, br and a href in its texts: region names from a file are escaped."""
    import numpy as np

    hostile = "<a href='http://x.example'>Klik</a>"
    rng = np.random.default_rng(2)
    n = 400
    raw = pd.DataFrame(
        {"regio": rng.choice([hostile, "Utrecht"], n), "tevreden": rng.integers(0, 11, n)}
    )
    m = Mapping.build("regio", variables={"life_satisfaction": "tevreden"})
    prepared = prepare(raw, m, reg)
    for chart in ("histogram", "ecdf", "violin", "quantiles"):
        view = build(prepared, raw, reg, variable="life_satisfaction", chart=chart)
        figures = [b.figure for b in blocks(view, Chart)]
        texts = [
            str(v)
            for f in figures
            for t in f.data
            for v in (t.name, t.hovertemplate, *(t.y if isinstance(t.y, tuple) else ()))
            if v
        ]
        texts += [str(a.text) for f in figures for a in (f.layout.annotations or ())]
        texts += [str(x) for f in figures for x in (f.layout.xaxis.ticktext or ())]
        assert texts and not any("<a " in t for t in texts), chart
