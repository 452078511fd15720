"""AppTest of the Overview page: tiles by dimension, values from the results table, flags."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from apptest_helpers import mapping_state, open_page

from indicators.results import whole_population

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/overview.py"
VALUE_RE = re.compile(r"font-size:1.9rem[^>]*>([^<]+)</span>")
SPARK_RE = re.compile(r'<svg [^>]*role="img".*?</svg>')  # a sparkline (not the help mark)
TILE_START = "<div class='bw-tile'"


def run_page(lang="en", upload=None, query=None, state=None):
    return open_page(PAGE, lang, upload, query, state)


def tiles(at) -> list[str]:
    """Return the HTML of every tile, in page order (a dimension's tiles are one element)."""
    return [part for md in at.markdown for part in md.value.split(TILE_START)[1:]]


def shown_values(at) -> list[str]:
    return [m.group(1) for tile in tiles(at) if (m := VALUE_RE.search(tile))]


def test_demo_tiles_for_eight_dimensions_equal_results(reg, demo_results):
    results = whole_population(demo_results)  # no breakdowns, no decomposition parts
    at = run_page()
    assert at.title[0].value == "Overview"
    assert [s.value for s in at.subheader] == [d.label("en") for d in reg.dimensions]
    assert any("demo data, synthetic" in c.value for c in at.caption)
    # Total (all regions), the latest year by default: the tile values are the results table's
    rows = results[(results["region"] == "Total") & (results["year"] == 2024)].set_index(
        "indicator"
    )
    expected = [
        reg.format_value(ind.id, rows.loc[ind.id, "value"], "en")
        for ind in reg.sorted_indicators()
        if ind.id in rows.index
    ]
    assert shown_values(at) == expected
    # a light SVG sparkline per tile (no plotly charts: 30 of them took seconds to draw)
    assert not at.get("plotly_chart")
    sparks = [svg for tile in tiles(at) for svg in SPARK_RE.findall(tile)]
    assert len(sparks) == len(expected) == len(tiles(at))
    assert all(">2014–2024</text>" in svg for svg in sparks)
    assert "<title>Average life satisfaction, 2014–2024</title>" in sparks[0]
    # the change since 2014 is shown with words, and the average hides something
    assert any("since 2014 · better" in tile for tile in tiles(at))
    flags = [tile for tile in tiles(at) if "The average hides this" in tile]
    assert flags and "Average life satisfaction got better, this got worse" in flags[0]
    n_flags = len(flags)
    assert at.warning[0].value.startswith(f"For {n_flags} indicators the bottom")
    worse = next(tile for tile in tiles(at) if "· worse" in tile)
    assert re.search(r"color:#D55E00;font-weight:600'>[^<]*· worse<", worse)
    # the indicator's description is the tooltip of the help mark beside its name
    description = reg.indicator_by_id["life_satisfaction_mean"].description("en")
    assert f"title='{html.escape(description, quote=True)}'" in tiles(at)[0]


def test_shared_link_selects_region_and_years(reg, demo_results):
    results = whole_population(demo_results)  # no breakdowns, no decomposition parts
    at = run_page(query={"region": "Limburg", "year": "2021", "since": "2019"})
    assert at.selectbox(key="region").value == "Limburg"
    assert at.selectbox(key="year").value == "2021"
    assert at.selectbox(key="since").value == "2019"
    value = results.query("region == 'Limburg' and year == 2021").set_index("indicator")
    assert shown_values(at)[0] == reg.format_value(
        "life_satisfaction_mean", value.loc["life_satisfaction_mean", "value"], "en"
    )
    total = results.query("region == 'Total' and year == 2021").set_index("indicator")
    total_text = reg.format_value(
        "life_satisfaction_mean", total.loc["life_satisfaction_mean", "value"], "en"
    )
    assert f">Total: {total_text}<" in tiles(at)[0]
    assert all("since 2019" in tile for tile in tiles(at))


def test_sparkline_dot_marks_the_chosen_year():
    """The dot on a tile's line is the year shown on the tile, not the last year (2024)."""
    at = run_page(query={"year": "2019"})
    assert at.selectbox(key="year").value == "2019"
    sparks = [svg for tile in tiles(at) for svg in SPARK_RE.findall(tile)]
    assert sparks
    for svg in sparks:
        (dot_x,) = re.findall(r'<circle cx="([\d.]+)" cy="[\d.]+" r="3.2"', svg)
        # 2014-2024 is eleven years equally spaced over 3..197 in a 200-wide box: 2019 is the
        # sixth, in the middle
        assert float(dot_x) == pytest.approx(100.0)


def test_dutch_texts():
    at = run_page(lang="nl")
    assert at.title[0].value == "Overzicht"
    assert at.subheader[0].value == "Subjectief welzijn"
    assert any("demodata, synthetisch" in c.value for c in at.caption)
    assert any("sinds 2014" in tile for tile in tiles(at))
    assert any("," in v for v in shown_values(at))  # decimal comma
    flags = [tile for tile in tiles(at) if "Het gemiddelde verbergt dit" in tile]
    assert (
        flags and "Gemiddelde levenstevredenheid werd beter, deze indicator slechter" in (flags[0])
    )
    assert at.warning[0].value.startswith(f"Bij {len(flags)} indicatoren beweegt")


def small_csv(with_year=True) -> bytes:
    lines = ["regio,jaar,levenstevredenheid" if with_year else "regio,levenstevredenheid"]
    for year in (2022, 2023):
        for region, n, base in (("Noord", 12, 7), ("Zuid", 12, 8), ("Klein", 3, 6)):
            for i in range(n):
                score = base + (i % 3) - 1 + (year == 2023)
                lines.append(f"{region},{year},{score}" if with_year else f"{region},{score}")
        if not with_year:
            break
    return ("\n".join(lines) + "\n").encode()


def test_uploaded_csv_and_suppressed_cells():
    at = run_page(upload=("mijn_data.csv", small_csv()), query={"region": "Klein"})
    assert [s.value for s in at.subheader] == ["Subjective well-being"]
    assert any("mijn_data.csv" in c.value for c in at.caption)
    assert not any("demo data" in c.value for c in at.caption[:3])
    hidden = [md.value for md in at.markdown if "hidden: fewer than 10 observations" in md.value]
    assert hidden  # Klein has 3 respondents a year
    assert at.selectbox(key="since").value == "2022"


def test_uploaded_csv_without_years():
    at = run_page(upload=("zonder_jaar.csv", small_csv(with_year=False)))
    assert any("no year column" in i.value for i in at.info)
    assert shown_values(at)  # tiles, no sparklines and no change
    assert not any(SPARK_RE.search(tile) for tile in tiles(at))
    assert not any("since" in tile for tile in tiles(at))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "For 1 indicator the bottom or the inequality moves the other way"),
        ("nl", "Bij 1 indicator beweegt de onderkant of de ongelijkheid de andere kant op"),
    ],
)
def test_one_flag_is_said_in_the_singular(lang, expected):
    # mean up, but more people below 6 (worse): exactly one tile is flagged
    lines = ["regio,jaar,levenstevredenheid"]
    for region in ("Noord", "Zuid"):
        # 800 people a year in each region: both changes are significant
        lines += [f"{region},2022,0"] * 80 + [f"{region},2022,9"] * 720
        lines += [f"{region},2023,5"] * 120 + [f"{region},2023,9"] * 680
    at = run_page(lang=lang, upload=("een.csv", ("\n".join(lines) + "\n").encode()))
    assert at.warning[0].value.startswith(expected)
    assert "tile." in at.warning[0].value or "tegel." in at.warning[0].value
    assert len([tile for tile in tiles(at) if "<b>" in tile and "FDF0E6" in tile]) == 1


def gap_csv() -> bytes:
    # municipal aggregates 2016-2021; Gemert-Bakel's value for 2021 is missing
    lines = ["gemeente;jaar;inwoners;levenstevredenheid"]
    for region, base in (("Amsterdam", 7.0), ("Utrecht", 7.4), ("Gemert-Bakel", 7.8)):
        for year in range(2016, 2022):
            value = (
                ""
                if (region, year) == ("Gemert-Bakel", 2021)
                else f"{base + 0.1 * (year - 2016):.1f}"
            )
            lines.append(f"{region};{year};100000;{value.replace('.', ',')}")
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(
    ("query", "said", "not_said"),
    [
        # the shown year (2021) is the one without a value, not the earlier one (2016)
        (
            {"region": "Gemert-Bakel", "year": "2021", "since": "2016"},
            "no value shown in 2021",
            "2016",
        ),
        # ... and the other way round
        ({"region": "Gemert-Bakel", "year": "2020", "since": "2016"}, "since 2016", "no value"),
    ],
)
def test_tile_names_the_year_without_a_value(query, said, not_said):
    at = run_page(upload=("gemeenten_gat.csv", gap_csv()), query=query)
    tile_texts = [tile for tile in tiles(at) if "since" in tile or "no value" in tile]
    assert any(said in text for text in tile_texts), tile_texts
    assert not any(not_said in text for text in tile_texts if said not in text), tile_texts


STATLINE = ROOT / "tests" / "data" / "statline_regionaal.csv"


def statline_state():
    from indicators.dataset.mapping import Mapping

    mapping = Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    )
    return mapping_state(STATLINE.read_bytes(), mapping)


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "no value in the file"), ("nl", "geen waarde in het bestand")]
)
def test_statline_dot_is_missing_not_hidden(lang, expected):
    # StatLine's "x" cell (GM0344, 2020) is a missing value in aggregates, not a small cell
    at = run_page(
        lang,
        upload=(STATLINE.name, STATLINE.read_bytes()),
        query={"region": "GM0344", "year": "2020"},
        state=statline_state(),
    )
    texts = [md.value for md in at.markdown]
    assert any(expected in text for text in texts), texts
    assert not any("fewer than" in text or "minder dan" in text for text in texts)


def test_hidden_tile_tells_its_n():
    at = run_page(upload=("mijn_data.csv", small_csv()), query={"region": "Klein"})
    hidden = [tile for tile in tiles(at) if "hidden: fewer than 10 observations" in tile]
    assert hidden and all("(n = 3)" in text for text in hidden)
    shown = run_page(upload=("mijn_data.csv", small_csv()), query={"region": "Noord"})
    assert any("title='n = 12 · 95% interval" in md.value for md in shown.markdown)


def element_count(node) -> int:
    """Count the Streamlit elements and blocks under an AppTest node."""
    return sum(1 + element_count(child) for child in getattr(node, "children", {}).values())


def test_overview_sends_few_elements(reg, demo_results):
    # issue 9.12: ~33 tiles of 4 to 6 elements each in columns and containers (about 230
    # elements) took a second or more to draw in a browser; a dimension's tiles are one element
    at = run_page(query={"region": "Limburg"})
    assert element_count(at._tree[0]) <= 20 + 2 * len(reg.dimensions)
    shown = demo_results.query("region == 'Limburg'")["indicator"].nunique()
    assert len(tiles(at)) == shown  # a tile for every indicator of the results


def test_first_page_does_not_wait_for_the_breakdowns(monkeypatch):
    # computing a breakdown by each of the demo's 4 group columns took 2.0 s of the first
    # page's compute (0.4 s without): the breakdowns are worked out when a page asks for them
    from indicators.ui import state

    calls = []
    real = state.compute

    def counting(prepared, registry, **kwargs):
        calls.append(tuple(kwargs.get("by", ())))
        return real(prepared, registry, **kwargs)

    monkeypatch.setattr(state, "compute", counting)
    state.compute_cached.clear()
    run_page()
    assert calls and all(by == () for by in calls), calls
    state.compute_cached.clear()


def significance_csv(n: int) -> bytes:
    """Two regions, 2022 and 2023; life satisfaction a little higher in 2023 (7.0 -> 7.1)."""
    lines = ["regio,jaar,levenstevredenheid"]
    for region in ("Noord", "Zuid"):
        for year, shift in ((2022, 0), (2023, 1)):
            scores = [6, 7, 8] * (n // 3)
            # one in ten people a point higher in 2023: the mean moves by 0.1
            lines += [
                f"{region},{year},{s + (shift if i % 10 == 0 else 0)}" for i, s in enumerate(scores)
            ]
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize(("n", "coloured"), [(150, False), (30000, True)])
def test_arrows_are_coloured_only_when_the_change_is_significant(n, coloured):
    # issue 10: tiles turned green for a change of 0.1 point among a few hundred respondents
    at = run_page(upload=(f"sig{n}.csv", significance_csv(n)), query={"region": "Noord"})
    tile = next(t for t in tiles(at) if "Average life satisfaction" in t)
    assert "+0.1 since 2022" in tile
    if coloured:
        assert "better" in tile and "#009E73" in tile
    else:
        assert "no clear change" in tile and "#7F7F7F" in tile and "#009E73" not in tile
    rule = " ".join(c.value for c in at.caption)
    assert "only when the change is significant" in rule


def test_aggregates_say_there_is_no_sampling_uncertainty():
    at = run_page(upload=("gemeenten_gat.csv", gap_csv()), query={"year": "2020"})
    assert any("no sampling uncertainty" in c.value for c in at.caption)
    assert not any("interval" in t for t in tiles(at))


def test_names_from_the_file_are_shown_as_text_not_html_or_markdown():
    # a column name from a file reaches the tile's label, unit and help as it is written: no
    # tag of its own, and no blank line that would end the HTML and make the rest markdown
    column = (
        "Ontevreden ![p](https://tracker.example/p.png) <img src=x onerror=alert(1)> (<b>uur</b>)"
    )
    lines = [f"gemeente;jaar;inwoners;{column}"]
    for i, name in enumerate(("Amsterdam", "Utrecht", "Zwolle")):
        lines += [f"{name};{year};{1000 * (i + 1)};{10 + i + year - 2020}" for year in (2020, 2021)]
    at = run_page(upload=("vijandig.csv", ("\n".join(lines) + "\n").encode()))
    grids = [md.value for md in at.markdown if "bw-tile" in md.value]
    assert grids
    for grid in grids:
        assert "<img" not in grid and "\n\n" not in grid
    assert any("&lt;img src=x onerror=alert(1)&gt;" in grid for grid in grids)  # the label
    assert not any("<b>uur</b>" in grid for grid in grids)  # the unit, read from the name
    assert any("&lt;b&gt;uur&lt;/b&gt;" in grid for grid in grids)


def test_html_text_keeps_file_text_on_one_line_without_tags():
    from indicators.views.escape import html_text

    text = html_text("Ontevreden\n\n![p](https://tracker.example/p.png) <img src=x>")
    assert "\n" not in text and "<img" not in text and text.startswith("Ontevreden ![p]")
