"""AppTest of the Trends page: lines over time, Total in black, the spread between regions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from apptest_helpers import array, charts_by_title, open_page

from indicators.analyses import spread as spread_

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/trends.py"


def run_page(lang="en", upload=None, query=None, state=None):
    return open_page(PAGE, lang, upload, query, state)


def spread_sentence(at) -> str:
    """The sentence on the spread between regions: the page's bold paragraph (the change of
    each line, above it, is a list)."""
    return next(md.value for md in at.markdown if md.value.startswith("**"))


def lines_of(fig) -> list:
    """The lines of a trend chart (its interval bands, listed after them, left out)."""
    return [d for d in fig["data"] if d.get("mode") == "lines+markers"]


def test_demo_lines_total_and_extremes(reg, demo_results):
    results = demo_results
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
    assert [d["line"]["width"] for d in lines_of(lines)[1:]] == [2, 2]
    assert lines["layout"]["yaxis"]["title"]["text"] == "score 0-10"
    # spread over time and the sentence with numbers
    compared = spread_.comparable_spread(results, "life_satisfaction_mean")
    spread = compared.frame
    assert compared.same_regions and len(compared.regions) == len(latest)
    assert not compared.left_out
    sentence = spread_sentence(at)
    assert sentence == f"**{spread_.spread_sentence(spread, 'en', years=compared.years)}**"
    assert "in 2014" in sentence and "in 2024" in sentence
    assert "regions lie on average about" in sentence and "% from the average" in sentence
    assert "% above the lowest" in sentence
    # two small charts: CV and Gini together, the ratio alone
    index_fig = figs["Coefficient of variation and Gini between regions, 2014–2024"]
    assert [d["name"] for d in index_fig["data"]] == [
        "Coefficient of variation",
        "Gini across regions",
        "Straight line through the coefficient of variation",
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
    assert [d["name"] for d in lines_of(lines)] == ["Utrecht", "Limburg"]


def test_dutch_texts():
    at = run_page(lang="nl")
    assert at.subheader[0].value == "Groeien de verschillen tussen regio's?"
    assert spread_sentence(at).startswith("**Het verschil tussen regio's")
    assert "wijken regio's gemiddeld ongeveer 0," in spread_sentence(at)  # decimal comma
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
    assert spread_sentence(at).startswith("**The gap between regions grew")


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


def test_a_share_reads_as_a_percentage_on_axis_and_hover(reg, demo_results):
    results = demo_results
    ind = reg.indicator_by_id["income_poverty_rate"]
    at = run_page(state={"indicator": ind.id})
    lines = charts_by_title(at)[f"{ind.label('en')}, 2014–2024"]
    assert lines["layout"]["yaxis"]["tickformat"] == ".1%"  # 18.4%, not 0.184 under "%"
    total = lines["data"][0]
    value = results.query(f"region == 'Total' and indicator == '{ind.id}' and year == 2024")
    tile = reg.format_value(ind.id, float(value["value"].iloc[0]), "en")
    assert tile.endswith("%") and total["text"][-1] == tile  # the Overview tile's text
    assert 5 < float(tile.rstrip("%")) < 40
    # the relative spread of a rate is also said in points, so 19% is not read as points
    assert "percentage points) from the average" in spread_sentence(at)


def municipal_panel(gaps: bool) -> bytes:
    """Aggregates of 12 municipalities whose spread narrows slowly, 2014-2024. With gaps: the
    poorest municipality has no row in 2015-2018, one other none in 2020, and 2019 is not in
    the file at all. (Comparing whoever is there each year, the coefficient of variation falls
    13% from 2014 to 2024, and the old rule said "stayed about the same".)"""
    offsets = np.linspace(-1, 1, 12)
    wobble = [0.002, -0.001, 0.0015, -0.002, 0.0005, 0.001, -0.0015, 0.0, 0.002, -0.0005, 0.001]
    lines = ["gemeente,jaar,inkomen,inwoners"]
    for k, year in enumerate(range(2014, 2025)):
        if gaps and year == 2019:
            continue
        for i, offset in enumerate(offsets):
            if gaps and ((i == 0 and 2015 <= year <= 2018) or (i == 7 and year == 2020)):
                continue
            spread = 0.080 - 0.001 * k
            value = 30000 * (1 + spread * offset) * (1 + 0.01 * k) * (1 + wobble[(i + k) % 11])
            lines.append(f"Gemeente {chr(65 + i)},{year},{value:.0f},{20000 + 1000 * i}")
    return csv(lines)


def test_gaps_in_a_municipal_panel_compare_like_with_like():
    at = run_page(upload=("gemeenten_gaten.csv", municipal_panel(gaps=True)))
    sentence = spread_sentence(at)
    assert sentence.startswith("**The gap between regions narrowed")
    assert "percentage points" not in sentence  # euros, not a share
    figs = charts_by_title(at)
    lines = next(v for k, v in figs.items() if k.startswith("inkomen"))  # the column itself
    # 2019 is not in the file: it keeps its place on the axis and the lines run past it
    assert list(lines["layout"]["xaxis"]["categoryarray"]) == [str(y) for y in range(2014, 2025)]
    assert "2019" not in list(lines["data"][0]["x"])
    index_fig = next(v for k, v in figs.items() if k.startswith("Coefficient of variation"))
    cv, _gini, fit = index_fig["data"]
    assert list(cv["x"]) == [str(y) for y in range(2014, 2025)]  # 2019 keeps its place
    y = array(cv["y"])
    assert np.isnan(y[5]) and np.isfinite(np.delete(y, 5)).all()
    assert y[-1] < y[0]  # the numbers shown fall, and the sentence says narrowed
    assert fit["line"]["dash"] == "dot" and array(fit["y"])[-1] < array(fit["y"])[0]
    ratio = array(next(v for k, v in figs.items() if k.startswith("Highest"))["data"][0]["y"])
    assert f"(highest/lowest ratio {ratio[-1]:.2f}; {ratio[0]:.2f} in 2014)" in sentence
    notes = next(c.value for c in at.caption if c.value.startswith("How this is judged"))
    assert "More than 10% up counts as grown" in notes
    assert "every year counts the same 10 regions; 2 regions with a gap" in notes
    assert "Gemeente A (no value in 2015, 2016, 2017, 2018); Gemeente H (no value in 2020)" in (
        notes
    )
    assert "Not compared: 2019 (not in the data)" in notes
    # the same municipalities without gaps tell the same story
    full = run_page(upload=("gemeenten_zonder_gaten.csv", municipal_panel(gaps=False)))
    assert spread_sentence(full).startswith("**The gap between regions narrowed")
    assert any("Every year compares the same 12 regions." in c.value for c in full.caption)


def test_gap_notes_in_dutch():
    at = run_page(lang="nl", upload=("gemeenten_gaten.csv", municipal_panel(gaps=True)))
    assert spread_sentence(at).startswith("**Het verschil tussen regio's is kleiner geworden")
    notes = next(c.value for c in at.caption if c.value.startswith("Hoe dit is beoordeeld"))
    assert "Gemeente A (geen waarde in 2015, 2016, 2017, 2018)" in notes
    assert "Niet vergeleken: 2019 (niet in de gegevens)" in notes


def test_each_line_says_whether_it_rose_or_fell_with_its_interval_and_bands(reg, demo_results):
    at = run_page(query={"regions": ["Total", "Limburg"]})
    (changes,) = [md.value for md in at.markdown if md.value.startswith("Change 2014–2024")]
    total, limburg = changes.splitlines()[2:]
    # the mean dips in 2020-2021 and is back by 2024: a straight line finds no clear change
    assert total.startswith("- **Total \\(all regions\\)**: **about the same (no clear change)**")
    assert total.endswith("per year (95% interval -0.031 to +0.021; 11 years).")
    assert limburg.startswith("- **Limburg**: **")
    assert any(c.value.startswith("The bands around the lines are") for c in at.caption)
    assert any(c.value.startswith("The line weighs each year") for c in at.caption)
    lines = charts_by_title(at)["Average life satisfaction, 2014–2024"]
    bands = [d for d in lines["data"] if d.get("fill") == "toself"]
    assert [b["name"] for b in bands] == [
        "Total (all regions): 95% interval",
        "Limburg: 95% interval",
    ]
    assert lines_of(lines)[0]["hovertext"][0].startswith("95% interval: ")
    assert at.get("download_button")
    nl = run_page(lang="nl", query={"regions": ["Total"]}, state={"indicator": "income_gini"})
    (zin,) = [md.value for md in nl.markdown if md.value.startswith("Verandering")]
    assert "**significant gestegen**, +0,0011 per jaar (95%-interval +0,0006 tot +0,0015" in zin


def test_aggregates_have_no_bands_and_one_caption_says_why():
    from apptest_helpers import mapping_state

    from indicators.dataset.mapping import Mapping

    statline = ROOT / "tests" / "data" / "statline_regionaal.csv"
    mapping = Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    )
    at = run_page(
        upload=(statline.name, statline.read_bytes()),
        state=mapping_state(statline.read_bytes(), mapping),
    )
    notes = [c.value for c in at.caption if c.value.startswith("No bands")]
    assert notes == [
        "No bands: these are values of the file itself (aggregates), with no sampling uncertainty."
    ]
    lines = next(iter(charts_by_title(at).values()))
    assert not [d for d in lines["data"] if d.get("fill") == "toself"]
    # two years: a straight line through two points cannot be judged, and no rule is written
    (changes,) = [md.value for md in at.markdown if md.value.startswith("Change 2019–2020")]
    assert "- **Amsterdam**: too few years with a value to judge a change." in changes
    assert not any(c.value.startswith("Values of the file itself") for c in at.caption)


def test_a_total_over_fewer_regions_in_some_years_is_said():
    """The Total of an aggregate file is over the regions with a value that year: with gaps
    it is not like for like, and the page says so for the years concerned."""
    at = run_page(
        upload=("gemeenten_gaten.csv", municipal_panel(gaps=True)), query={"regions": ["Total"]}
    )
    (note,) = [c.value for c in at.caption if c.value.startswith("Note: the Total")]
    assert "2015: 11 of 12 regions; 2016: 11 of 12 regions" in note
    assert "2020: 11 of 12 regions" in note and "2014" not in note
    assert not at.exception and not at.error
    full = run_page(
        upload=("gemeenten_zonder_gaten.csv", municipal_panel(gaps=False)),
        query={"regions": ["Total"]},
    )
    assert not [c.value for c in full.caption if c.value.startswith("Note: the Total")]
    nl = run_page(
        lang="nl",
        upload=("gemeenten_gaten.csv", municipal_panel(gaps=True)),
        query={"regions": ["Total"]},
    )
    assert any("2020: 11 van de 12 regio's" in c.value for c in nl.caption)
