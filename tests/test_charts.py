"""Tests of the chart builders: inspect traces, titles, axis titles and annotations."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd

from indicators.analyses import maps
from indicators.analyses.distribution import fmt_share
from indicators.charts import layout as chart_layout
from indicators.charts import palette
from indicators.charts import regions as region_charts
from indicators.charts import trends as trend_charts
from indicators.registry import catalog
from indicators.registry.catalog import format_display, load_registry


def _points(svg: str) -> list[list[tuple[float, float]]]:
    runs = re.findall(r'<polyline points="([^"]+)"', svg)
    return [[tuple(map(float, p.split(","))) for p in run.split()] for run in runs]


def test_sparkline_svg_scales_points_into_the_box_and_marks_the_last_value():
    frame = pd.DataFrame({"year": [2014, 2015, 2016], "value": [1.0, 3.0, 2.0]})
    svg = region_charts.sparkline_svg(frame, width=100, height=40, label="2014–2016", title="Trust")
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    (line,) = _points(svg)
    xs, ys = zip(*line, strict=True)
    assert xs == (3.0, 50.0, 97.0)  # equally spaced within a 3-unit margin
    assert ys == (37.0, 3.0, 20.0)  # lowest value at the bottom, highest at the top
    last = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="3.2"', svg)
    assert last == [("97.0", "20.0")]
    assert ">2014–2016</text>" in svg and "<title>Trust</title>" in svg
    assert 'viewBox="0 0 100 54"' in svg  # room for the year label under the line


def test_sparkline_svg_breaks_the_line_at_missing_values():
    frame = pd.DataFrame({"year": range(6), "value": [1.0, 2.0, np.nan, 3.0, 4.0, np.nan]})
    svg = region_charts.sparkline_svg(frame)
    runs = _points(svg)
    assert [len(r) for r in runs] == [2, 2]  # no line across the gap
    assert runs[1][-1][1] == 3.0  # the highest value at the top
    # the last known value (index 4) gets the dot, not the missing last year
    assert re.search(r'<circle cx="([\d.]+)"[^>]*r="3.2"', svg).group(1) == str(runs[1][-1][0])
    lone = region_charts.sparkline_svg(
        pd.DataFrame({"year": range(3), "value": [1.0, np.nan, 2.0]})
    )
    assert not _points(lone) and lone.count("<circle") == 3  # two lone dots and the last mark


def test_sparkline_svg_marks_the_chosen_year_not_the_last():
    frame = pd.DataFrame({"year": [2014, 2015, 2016, 2017], "value": [1.0, 3.0, 2.0, 4.0]})
    svg = region_charts.sparkline_svg(frame, width=100, height=40, mark=2015)
    (line,) = _points(svg)
    dots = re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)" r="3.2"', svg)
    assert dots == [(f"{line[1][0]}", f"{line[1][1]}")]  # on the line at 2015, not at 2017
    # the year as text (from a select box or a link) marks the same point
    assert region_charts.sparkline_svg(frame, mark="2015") == region_charts.sparkline_svg(
        frame, mark=2015
    )
    # a chosen year without a value gets no dot (the tile says the value is missing)
    gap = pd.DataFrame({"year": [2014, 2015, 2016], "value": [1.0, np.nan, 2.0]})
    assert 'r="3.2"' not in region_charts.sparkline_svg(gap, mark=2015)


def test_sparkline_svg_flat_series_and_too_few_values():
    flat = region_charts.sparkline_svg(
        pd.DataFrame({"year": [1, 2], "value": [5.0, 5.0]}), height=40
    )
    assert {y for _, y in _points(flat)[0]} == {20.0}  # drawn across the middle
    assert region_charts.sparkline_svg(pd.DataFrame({"year": [1, 2], "value": [5.0, np.nan]})) == ""
    escaped = region_charts.sparkline_svg(
        pd.DataFrame({"year": [1, 2], "value": [1.0, 2.0]}), title="a < b & c"
    )
    assert "a &lt; b &amp; c" in escaped


def test_tile_map_places_the_provinces():
    layout = maps.province_layout()
    values = pd.DataFrame(
        {
            "region": list(layout["name"]),
            "value": np.linspace(7.0, 8.0, 12),
            "text": [f"{v:.1f}" for v in np.linspace(7.0, 8.0, 12)],
        }
    )
    values.loc[values["region"] == "Zeeland", "value"] = np.nan
    tiles = maps.province_tiles(values, layout)
    fig = region_charts.tile_map(
        tiles, title="Average life satisfaction, 2024", colorbar_title="score"
    )
    assert fig.layout.title.text == "Average life satisfaction, 2024"
    base, heat = fig.data
    z = np.array(heat.z, dtype=float)
    assert z.shape == (5, 3)
    assert np.isfinite(np.array(base.z, dtype=float)).sum() == len(layout)  # grey per province
    assert z[4, 2] == tiles.set_index("name").loc["Limburg", "value"]  # Limburg: row 4, col 2
    assert np.isnan(z[3, 0])  # Zeeland has no value: grey only
    assert np.isnan(z[0, 0]) and np.isnan(z[4, 0])  # no province there
    notes = {a.text.split("<br>")[0]: a for a in fig.layout.annotations}
    assert len(notes) == len(layout)
    assert "<b>Limburg</b>" in notes and (notes["<b>Limburg</b>"].x, notes["<b>Limburg</b>"].y) == (
        2,
        4,
    )
    assert notes["<b>Zeeland</b>"].text.endswith("–")
    assert tuple(fig.layout.yaxis.range) == (4.5, -0.5)  # row 0 (north) at the top
    assert heat.colorbar.title.text == "score"
    assert not fig.layout.shapes  # nothing highlighted


def test_tile_map_outlines_the_highlighted_province_and_formats_the_colour_bar():
    layout = maps.province_layout()
    values = pd.DataFrame({"region": list(layout["name"]), "value": np.linspace(7.8, 8.0, 12)})
    tiles = maps.province_tiles(values, layout)
    fig = region_charts.tile_map(
        tiles,
        title="t",
        colorbar_title="score",
        highlight="Limburg",
        tickformat=chart_layout.value_tickformat(2),
    )
    (outline,) = fig.layout.shapes
    assert outline.line.color == palette.ORANGE
    assert (outline.x0 + outline.x1) / 2 == 2 and (outline.y0 + outline.y1) / 2 == 4
    assert fig.data[1].colorbar.tickformat == ",.2f"
    assert fig.layout.height == 120 * 5 + 70


def test_ranked_bars_total_line_errors_and_highlight():
    frame = pd.DataFrame(
        {
            "region": ["B", "A"],
            "value": [8.0, 7.0],
            "text": ["8,0", "7,0"],
            "se": [0.1, np.nan],
        }
    )
    fig = region_charts.ranked_bars(
        frame,
        title="Trust by region, 2024",
        x_title="score 0-10",
        total=7.5,
        total_label="Total: 7,5",
        highlight="A",
    )
    bar = fig.data[0]
    assert bar.orientation == "h" and list(bar.y) == ["B", "A"]
    assert list(bar.marker.color) == [palette.BLUE, palette.ORANGE]
    assert list(bar.error_x.array) == [0.196, 0.0] or np.allclose(bar.error_x.array, [0.196, 0])
    assert fig.layout.yaxis.categoryarray == ("A", "B")  # first row drawn at the top
    assert fig.layout.xaxis.title.text == "score 0-10"
    assert fig.layout.title.text == "Trust by region, 2024"
    assert fig.layout.shapes[0].x0 == 7.5 and fig.layout.shapes[0].line.color == "#000000"
    assert fig.layout.annotations[0].text == "Total: 7,5"


def test_ranked_dots_zoom_to_the_data_with_intervals_total_and_values():
    frame = pd.DataFrame(
        {
            "region": ["B", "A", "C"],
            "value": [8.04, 7.90, 7.83],
            "text": ["8.04", "7.90", "7.83"],
            "se": [0.02, 0.03, np.nan],
        }
    )
    fig = region_charts.ranked_dots(
        frame,
        title="Trust by region, 2024 (best at the top, with 95% intervals)",
        x_title="score 0-10",
        total=7.92,
        total_label="Total: 7.92",
        highlight="A",
        tickformat=chart_layout.value_tickformat(None),
    )
    (dots,) = fig.data
    assert dots.mode == "markers" and list(dots.y) == ["B", "A", "C"]
    assert list(dots.marker.color) == [palette.BLUE, palette.ORANGE, palette.BLUE]
    assert np.allclose(dots.error_x.array, [0.0392, 0.0588, 0.0])
    lo, hi = fig.layout.xaxis.range
    # zoomed: not from 0, but around the dots and their intervals, with a little padding
    assert 7.7 < lo < 7.83 and 8.04 + 0.0392 < hi < 8.2
    assert fig.layout.shapes[0].x0 == 7.92 and fig.layout.shapes[0].line.dash == "dash"
    notes = [a.text for a in fig.layout.annotations]
    assert notes[0] == "Total: 7.92"
    assert notes[1:] == ["8.04", "<b>7.90</b>", "7.83"]  # values beside the rows
    assert fig.layout.yaxis.categoryarray == ("C", "A", "B")  # first row at the top
    assert fig.layout.xaxis.title.text == "score 0-10"


def test_ranked_dots_without_errors_or_total():
    frame = pd.DataFrame({"region": ["A", "B"], "value": [5.0, 5.0], "text": ["5", "5"]})
    fig = region_charts.ranked_dots(frame, title="t", x_title="x")
    assert fig.data[0].error_x.array is None
    lo, hi = fig.layout.xaxis.range
    assert lo < 5.0 < hi  # equal values: still a range around them
    assert not fig.layout.shapes


def test_ranked_charts_keep_long_names_values_and_axis_titles_whole():
    frame = pd.DataFrame(
        {
            "region": ["Nordrhein-Westfalen", "Mecklenburg-Vorpommern", "Súdwest-Fryslân"],
            "value": [31031.0, 40340.0, 31954.0],
            "text": ["31,031 euro per year", "40,340 euro per year", "31,954 euro per year"],
        }
    )
    unit = "Standardised disposable income of all private households in the region (euro per year)"
    for draw in (region_charts.ranked_dots, region_charts.ranked_bars):
        fig = draw(frame, title="T", x_title=unit)
        assert fig.layout.yaxis.automargin is True  # the longest name widens the margin
        assert list(fig.data[0].y) == list(frame["region"])  # every name in full
        assert fig.layout.xaxis.automargin is True
        lines = fig.layout.xaxis.title.text.split("<br>")
        assert lines[-1] == "(euro per year)" and " ".join(lines) == unit  # wrapped, not cut
    # the values' column at the right is as wide as its longest text (was 70 px: cut)
    fig = region_charts.ranked_dots(frame, title="T", x_title="euro")
    assert fig.layout.margin.r >= chart_layout.text_px("40,340 euro per year") + 10


def test_ranked_bars_without_errors():
    frame = pd.DataFrame({"region": ["A"], "value": [1.0], "text": ["1"]})
    fig = region_charts.ranked_bars(frame, title="t", x_title="x")
    assert fig.data[0].error_x.array is None
    assert not fig.layout.shapes


def test_trend_lines_total_black_and_thick_and_period_order():
    frame = pd.DataFrame(
        {
            "region": ["Total", "Total", "A", "A"],
            "year": ["2019-Q1", "2019-Q2", "2019-Q1", "2019-Q2"],
            "value": [1.0, 2.0, 1.5, np.nan],
        }
    )
    fig = trend_charts.trend_lines(
        frame,
        title="Trust over time",
        y_title="score 0-10",
        years=["2019-Q1", "2019-Q2"],
        names={"Total": "Total (all regions)"},
    )
    total, region = fig.data
    assert total.name == "Total (all regions)" and total.line.color == "#000000"
    assert total.line.width > region.line.width
    assert region.line.color == palette.BLUE
    assert list(region.x) == ["2019-Q1", "2019-Q2"] and np.isnan(region.y[1])
    assert fig.layout.xaxis.type == "category"
    assert fig.layout.yaxis.title.text == "score 0-10"


def test_spread_index_lines_cv_and_gini_from_zero():
    spread = pd.DataFrame(
        {"year": [2014, 2024], "cv": [0.1, 0.2], "gini": [0.05, 0.1], "ratio": [1.2, 1.5]}
    )
    fig = trend_charts.spread_index_lines(
        spread,
        title="Coefficient of variation and Gini",
        labels={"cv": "CV", "gini": "Gini"},
        y_title="index",
        x_title="Year",
    )
    assert [trace.name for trace in fig.data] == ["CV", "Gini"]  # not the ratio
    assert list(fig.data[0].y) == [0.1, 0.2] and list(fig.data[0].x) == ["2014", "2024"]
    assert fig.layout.yaxis.title.text == "index" and fig.layout.yaxis.rangemode == "tozero"
    assert fig.layout.title.text == "Coefficient of variation and Gini"
    assert "yaxis2" not in fig.to_plotly_json()["layout"]


def d3_format(value: float, spec: str) -> str:
    """Format a number as d3-format does for the specs value_tickformat returns (English)."""
    match = re.fullmatch(r"(,?)\.(\d+)([f%])", spec)
    assert match, spec
    comma, decimals, kind = match.groups()
    if kind == "%":
        return f"{value * 100:.{decimals}f}%"
    return f"{value:{comma}.{decimals}f}"


def test_a_share_on_the_trend_chart_reads_as_on_the_tile():
    reg = load_registry()
    share = reg.indicator_by_id["income_poverty_rate"]
    assert share.is_share
    frame = pd.DataFrame(
        {"region": ["Total", "Total"], "year": [2023, 2024], "value": [0.1843, 0.1912]}
    )
    tickformat = chart_layout.value_tickformat(share.decimals, share.is_share)
    fig = trend_charts.trend_lines(
        frame, title="Poverty", y_title=share.unit("en"), years=[2023, 2024], tickformat=tickformat
    )
    assert fig.layout.yaxis.tickformat == ".1%"  # ticks 18.4%, not 0.184 under a "%" title
    (line,) = fig.data
    assert line.hovertemplate == "%{fullData.name}, %{x}: %{y:.1%}<extra></extra>"
    tile = reg.format_value(share.id, 0.1843, "en")
    assert tile == "18.4%" == d3_format(0.1843, fig.layout.yaxis.tickformat)
    # one text rule: the registry's, also behind the analyses' and the distribution page's
    assert catalog.format_display is format_display
    assert fmt_share(0.1843, 1, "en") == format_display(0.1843, 1, is_share=True, lang="en")
    # every indicator: the axis rule and the text rule agree (shares and others), also for
    # small values of indicators in whole units (income in thousands of euros: 0.18, 29.3)
    for ind in reg.indicators:
        for value in (0.1843, 0.5, 0.03217, 29.34, 31456.4):
            spec = chart_layout.value_tickformat(ind.decimals, ind.is_share, values=[value])
            assert d3_format(value, spec).replace(",", "") == reg.format_value(
                ind.id, value, "en"
            ).replace(",", "")


def test_spread_charts_keep_a_missing_year_on_the_axis_and_draw_the_fitted_line():
    spread = pd.DataFrame(
        {"year": [2014, 2015, 2017], "cv": [0.05, 0.048, 0.044], "gini": [0.03, 0.029, 0.027]}
    )
    spread["ratio"] = [1.2, 1.18, 1.15]
    years = [2014, 2015, 2016, 2017]
    fig = trend_charts.spread_index_lines(
        spread,
        title="t",
        labels={"cv": "CV", "gini": "Gini"},
        y_title="index",
        years=years,
        fit=[0.05, 0.048, 0.044],
        fit_label="Line",
    )
    cv, gini, fit = fig.data
    assert list(cv.x) == ["2014", "2015", "2016", "2017"]
    assert np.isnan(cv.y[2]) and cv.y[3] == 0.044 and np.isnan(gini.y[2])
    assert fit.name == "Line" and fit.line.dash == "dot" and fit.line.color == cv.line.color
    assert list(fit.x) == ["2014", "2015", "2017"] and list(fit.y) == [0.05, 0.048, 0.044]
    assert list(fig.layout.xaxis.categoryarray) == ["2014", "2015", "2016", "2017"]
    fig = trend_charts.spread_ratio_line(spread, title="t", label="r", y_title="r", years=years)
    (line,) = fig.data
    assert list(line.x) == ["2014", "2015", "2016", "2017"] and np.isnan(line.y[2])
    assert line.y[3] == 1.15


def test_spread_ratio_line_starts_at_one_with_two_decimals():
    spread = pd.DataFrame({"year": [2014, 2015, 2016], "ratio": [1.012, 1.031, np.nan]})
    fig = trend_charts.spread_ratio_line(
        spread, title="Highest/lowest ratio", label="ratio", y_title="ratio", x_title="Year"
    )
    (line,) = fig.data
    assert list(line.x) == ["2014", "2015", "2016"] and np.isnan(line.y[2])
    assert fig.layout.yaxis.tickformat == ".2f"
    assert fig.layout.yaxis.dtick == 0.01 and fig.layout.yaxis.tick0 == 1  # 1.00, 1.01, ...
    lo, hi = fig.layout.yaxis.range
    assert lo == 1 and 1.031 < hi < 1.04  # 1 = no difference, at the bottom
    close = pd.DataFrame({"year": [1, 2], "ratio": [1.002, 1.006]})
    fig = trend_charts.spread_ratio_line(close, title="t", label="r", y_title="r")
    assert fig.layout.yaxis.dtick == 0.002 and fig.layout.yaxis.tickformat == ".3f"
    below_one = pd.DataFrame({"year": [1, 2], "ratio": [0.8, 1.2]})
    fig = trend_charts.spread_ratio_line(below_one, title="t", label="r", y_title="r")
    assert fig.layout.yaxis.range is None


def test_choropleth_offline_style_and_locations():
    geo = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"naam": name},
                "geometry": {
                    "type": "Polygon",
                    "coordinates": [[[x, 52], [x + 1, 52], [x + 1, 53], [x, 52]]],
                },
            }
            for name, x in (("A", 4.0), ("B", 5.0))
        ],
    }
    frame = pd.DataFrame(
        {"location": ["A", "B"], "region": ["a", "b"], "value": [1.0, 2.0], "text": ["1", "2"]}
    )
    fig = region_charts.choropleth(
        frame,
        geo,
        "naam",
        title="Map",
        colorbar_title="score",
        bounds=maps.geojson_bounds(geo),
    )
    trace = fig.data[0]
    assert trace.type == "choroplethmap"
    assert list(trace.locations) == ["A", "B"]
    assert trace.featureidkey == "properties.naam"
    assert fig.layout.map.style == "white-bg"
    assert (fig.layout.map.center.lon, fig.layout.map.center.lat) == (5.0, 52.5)
    json.dumps(fig.to_plotly_json(), default=str)  # serialisable


def test_ranked_bars_split_line_between_best_and_worst():
    frame = pd.DataFrame({"region": list("ABCD"), "value": [4.0, 3.0, 2.0, 1.0], "text": "x"})
    fig = region_charts.ranked_bars(frame, title="t", x_title="x", split_after=2)
    line = fig.layout.shapes[0]
    assert line.y0 == line.y1 == 1.5 and line.line.dash == "dot"  # between B (2) and C (1)


def test_region_codes_that_are_numbers_are_categories_on_every_region_axis():
    """mpdta's counties (8001, 48173): a number axis put every dot on one row (issue 9)."""
    frame = pd.DataFrame(
        {
            "region": [8001, 12007, 48173],
            "value": [5.0, 6.0, 7.0],
            "text": ["5.0", "6.0", "7.0"],
        }
    )
    for draw in (region_charts.ranked_dots, region_charts.ranked_bars):
        fig = draw(frame, title="t", x_title="x")
        assert fig.layout.yaxis.type == "category"
        assert fig.layout.yaxis.categoryarray == ("48173", "12007", "8001")
    # the values beside the rows sit at the rows' places (8001 at the top: place 2), not at a
    # place read from the name (a browser put "8001" at place 8001, all dots on one row)
    fig = region_charts.ranked_dots(frame, title="t", x_title="x")
    assert [(a.text, a.y) for a in fig.layout.annotations] == [("5.0", 2), ("6.0", 1), ("7.0", 0)]


def test_trend_lines_run_past_years_not_in_the_data_and_break_at_a_missing_value():
    # a survey of 2016, 2018 and 2021: the lines were single dots (a gap at every absent year)
    frame = pd.DataFrame(
        {
            "region": ["Total"] * 3 + ["A"] * 3,
            "year": [2016, 2018, 2021] * 2,
            "value": [2.2, 2.15, 2.2, 2.1, np.nan, 2.3],
        }
    )
    years = list(range(2016, 2022))
    fig = trend_charts.trend_lines(frame, title="t", y_title="score", years=years)
    total, region = fig.data
    assert list(total.x) == ["2016", "2018", "2021"] and list(total.y) == [2.2, 2.15, 2.2]
    assert list(fig.layout.xaxis.categoryarray) == [str(y) for y in years]  # 2017 keeps its place
    assert np.isnan(region.y[1])  # A has no value in 2018, a year of the data: a gap


def test_ranked_charts_draw_the_interval_from_ci_low_to_ci_high_with_its_words():
    frame = pd.DataFrame(
        {
            "region": ["B", "A"],
            "value": [8.0, 7.0],
            "text": ["8.0", "7.0"],
            "ci_low": [7.9, np.nan],
            "ci_high": [8.3, np.nan],  # an interval need not be symmetric
            "ci_text": ["95% interval: 7.9 to 8.3", ""],
        }
    )
    for draw in (region_charts.ranked_dots, region_charts.ranked_bars):
        fig = draw(frame, title="t", x_title="x", error_label="95% margin")
        trace = fig.data[0]
        assert np.allclose(trace.error_x.array, [0.3, 0.0])
        assert np.allclose(trace.error_x.arrayminus, [0.1, 0.0])
        assert trace.error_x.symmetric is False
        assert list(trace.hovertext) == ["95% interval: 7.9 to 8.3", ""]
        assert "%{hovertext}" in trace.hovertemplate and "±" not in trace.hovertemplate
    lo, hi = region_charts.ranked_dots(frame, title="t", x_title="x").layout.xaxis.range
    assert hi > 8.3 and lo < 7.0  # the axis spans the interval's upper end


def test_trend_lines_bands_under_the_lines_broken_where_no_interval():
    frame = pd.DataFrame(
        {
            "region": ["Total"] * 3 + ["A"] * 3,
            "year": [2022, 2023, 2024] * 2,
            "value": [7.0, 7.1, 7.2, 6.0, np.nan, 6.4],
            "ci_low": [6.9, 7.0, 7.1, 5.8, np.nan, 6.2],
            "ci_high": [7.1, 7.2, 7.3, 6.2, np.nan, 6.6],
            "ci_text": ["i1", "i2", "i3", "a1", "", "a3"],
        }
    )
    fig = trend_charts.trend_lines(
        frame, title="t", y_title="score", years=[2022, 2023, 2024], band_label="{name}: 95%"
    )
    lines = [d for d in fig.data if d.mode == "lines+markers"]
    bands = [d for d in fig.data if d.fill == "toself"]
    assert list(fig.data[: len(lines)]) == lines  # the lines first, the bands after them
    assert [b.name for b in bands] == ["Total: 95%", "A: 95%"]
    assert list(bands[0].x) == ["2022", "2023", "2024", "2024", "2023", "2022"]
    assert list(bands[0].y) == [7.1, 7.2, 7.3, 7.1, 7.0, 6.9]
    assert list(bands[1].x) == ["2022", "2022", None, "2024", "2024"]  # broken at 2023
    assert all(b.zorder == -1 and b.showlegend is False for b in bands)
    assert bands[1].fillcolor.startswith("rgba(") and bands[0].fillcolor == "rgba(0,0,0,0.18)"
    assert list(lines[1].hovertext) == ["a1", "", "a3"]
    assert "%{hovertext}" in lines[0].hovertemplate
