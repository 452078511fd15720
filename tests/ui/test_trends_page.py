"""AppTest of the Trends page: lines over time, Total in black, the spread between regions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from apptest_helpers import array, charts_by_title, open_page

from indicators import analysis
from indicators.compute import compute
from indicators.dataset import prepare, suggest_mapping
from indicators.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/trends.py"


def run_page(lang="en", upload=None, query=None, state=None):
    return open_page(PAGE, lang, upload, query, state)


@pytest.fixture(scope="module")
def demo():
    reg = load_registry()
    df = pd.read_parquet(ROOT / "data" / "demo_people_synthetic.parquet")
    prepared = prepare(df, suggest_mapping(df, reg), reg)
    return reg, compute(prepared, reg)


def test_demo_lines_total_and_extremes(demo):
    reg, results = demo
    at = run_page()
    assert at.title[0].value == "Trends"
    chosen = at.multiselect(key="regions").value
    latest = results.query("year == 2024 and indicator == 'life_satisfaction_mean'")
    latest = latest[latest["region"] != "Total"].set_index("region")["value"]
    assert chosen == ["Total", latest.idxmax(), latest.idxmin()]
    figs = charts_by_title(at)
    lines = figs["Average life satisfaction, 2014–2024"]
    total = lines["data"][0]
    assert total["name"] == "Total (all regions)"
    assert total["line"]["color"] == "#000000" and total["line"]["width"] == 4
    assert list(total["x"]) == [str(y) for y in range(2014, 2025)]
    expected = results.query("region == 'Total' and indicator == 'life_satisfaction_mean'")
    assert array(total["y"]) == pytest.approx(expected["value"].to_numpy())
    assert [d["line"]["width"] for d in lines["data"][1:]] == [2, 2]
    assert lines["layout"]["yaxis"]["title"]["text"] == "score 0-10"
    # spread over time and the sentence with numbers
    spread = analysis.spread_over_time(results, "life_satisfaction_mean")
    sentence = at.markdown[0].value
    assert sentence == f"**{analysis.spread_sentence(spread, 'en')}**"
    assert "in 2014" in sentence and "in 2024" in sentence
    assert "regions lie on average about" in sentence and "% from the average" in sentence
    assert "% above the lowest" in sentence
    # two small charts: CV and Gini together, the ratio alone
    index_fig = figs["Coefficient of variation and Gini between regions, 2014–2024"]
    assert [d["name"] for d in index_fig["data"]] == [
        "Coefficient of variation",
        "Gini across regions",
    ]
    assert array(index_fig["data"][0]["y"]) == pytest.approx(spread["cv"].to_numpy())
    assert index_fig["layout"]["yaxis"]["title"]["text"] == "Measure (0 = all regions equal)"
    ratio_fig = figs["Highest region divided by the lowest, 2014–2024"]
    (ratio,) = ratio_fig["data"]
    assert array(ratio["y"]) == pytest.approx(spread["ratio"].to_numpy())
    assert ratio_fig["layout"]["yaxis"]["tickformat"] == ".2f"
    assert ratio_fig["layout"]["yaxis"]["range"][0] == 1
    assert any("Spread between regions of Average life satisfaction" in c.value for c in at.caption)


def test_shared_link_adds_region_and_indicator_from_session():
    at = run_page(query={"region": "Limburg"}, state={"indicator": "lonely_share"})
    assert "Limburg" in at.multiselect(key="regions").value
    assert any(k.startswith("Share") or "lonely" in k.lower() for k in charts_by_title(at))


def test_regions_in_the_url():
    at = run_page(query={"regions": ["Utrecht", "Limburg"]})
    assert at.multiselect(key="regions").value == ["Utrecht", "Limburg"]
    lines = next(iter(charts_by_title(at).values()))
    assert [d["name"] for d in lines["data"]] == ["Utrecht", "Limburg"]


def test_dutch_texts():
    at = run_page(lang="nl")
    assert at.subheader[0].value == "Groeien de verschillen tussen regio's?"
    assert at.markdown[0].value.startswith("**Het verschil tussen regio's")
    assert "wijken regio's gemiddeld ongeveer 0," in at.markdown[0].value  # decimal comma
    figs = charts_by_title(at)
    assert "Gemiddelde levenstevredenheid, 2014–2024" in figs
    assert "Variatiecoëfficiënt en Gini tussen regio's, 2014–2024" in figs
    assert "Hoogste regio gedeeld door de laagste, 2014–2024" in figs
    assert all(f["layout"]["separators"] == ",." for f in figs.values())


def csv(lines) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def test_uploaded_quarters_and_growing_gap():
    lines = ["regio,periode,vertrouwen,inwoners"]
    gaps = {"2023-Q1": 0.5, "2023-Q2": 1.0, "2023-Q3": 2.0}
    for period, gap in gaps.items():
        lines.append(f"Noord,{period},{6 - gap},1000")
        lines.append(f"Zuid,{period},{6 + gap},1000")
    at = run_page(upload=("kwartalen.csv", csv(lines)))
    figs = charts_by_title(at)
    trend = next(v for k, v in figs.items() if k.endswith("2023-Q1–2023-Q3"))
    assert list(trend["data"][0]["x"]) == list(gaps)
    assert at.markdown[0].value.startswith("**The gap between regions grew")


def test_uploaded_csv_without_year_gets_a_message():
    lines = ["regio,vertrouwen"] + [f"R{i % 3},{5 + i % 4}" for i in range(30)]
    at = run_page(upload=("zonder_jaar.csv", csv(lines)))
    assert "no year column" in at.info[0].value
    assert not at.get("plotly_chart")


def test_suppressed_years_leave_gaps():
    lines = ["regio,jaar,levenstevredenheid"]
    for year in (2022, 2023, 2024):
        for region in ("Noord", "Zuid"):
            n = 3 if (region == "Zuid" and year == 2023) else 12
            lines += [f"{region},{year},{6 + (i % 4)}" for i in range(n)]
    at = run_page(upload=("gaten.csv", csv(lines)), query={"regions": ["Zuid"]})
    trend = next(iter(charts_by_title(at).values()))
    y = array(trend["data"][0]["y"])
    assert np.isnan(y[1]) and np.isfinite(y[0]) and np.isfinite(y[2])
    assert any("Zuid 2023" in c.value and "fewer than 10" in c.value for c in at.caption)
