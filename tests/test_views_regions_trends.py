"""The Regions and Trends views from the demo data, without Streamlit: the intervals the
charts draw are the results table's, the verdicts follow compare.py, the downloads carry se."""

from __future__ import annotations

import io
import math

import numpy as np
import pandas as pd
import pytest

from indicators.analyses import compare
from indicators.dataset.mapping import suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.results import SUPPRESSED, TOTAL, compute, whole_population
from indicators.views import regions as region_view
from indicators.views import trends as trend_view
from indicators.views.blocks import Download, Expander

MEAN, SHARE, GINI = "life_satisfaction_mean", "lonely_share", "income_gini"


@pytest.fixture(scope="module")
def demo(reg, _demo_people):
    """The demo microdata's results with 95% intervals, as the dashboard computes them."""
    prepared = prepare(_demo_people, suggest_mapping(_demo_people, reg), reg)
    return prepared, whole_population(compute(prepared, reg, ci=0.95))


def view_regions(demo, lang="en", **choices):
    prepared, results = demo
    choices = region_view.Choices(**{"indicator": MEAN, "year": 2024, **choices})
    return region_view.regions(
        results, prepared.registry, choices, lang=lang, min_n=10, shape=prepared.shape
    )


def view_trends(demo, lang="en", **choices):
    prepared, results = demo
    choices = trend_view.Choices(**{"indicator": MEAN, "regions": (TOTAL, "Limburg"), **choices})
    return trend_view.trends(
        results,
        prepared.registry,
        choices,
        lang=lang,
        min_n=10,
        years=prepared.years,
        shape=prepared.shape,
    )


def by_title(view) -> dict:
    return {fig.layout.title.text: fig for fig in view.charts()}


def result_rows(results, indicator, year=None):
    rows = results[(results["indicator"] == indicator) & (results["region"] != TOTAL)]
    if year is not None:
        rows = rows[rows["year"] == year]
    return rows.set_index("region")


@pytest.mark.parametrize("indicator", [MEAN, SHARE, GINI, "income_poverty_rate"])
def test_ranking_draws_the_results_intervals_of_every_measure(demo, indicator):
    _, results = demo
    view = view_regions(demo, indicator=indicator)
    (fig,) = [f for t, f in by_title(view).items() if "by region" in t]
    trace = fig.data[0]
    rows = result_rows(results, indicator, 2024)
    names = list(trace.y)
    value = rows.loc[names, "value"].to_numpy()
    assert np.allclose(np.asarray(trace.error_x.array), rows.loc[names, "ci_high"] - value)
    assert np.allclose(np.asarray(trace.error_x.arrayminus), value - rows.loc[names, "ci_low"])
    assert all(text.startswith("95% interval: ") for text in trace.hovertext)
    assert "%{hovertext}" in trace.hovertemplate
    assert any("linearized standard error" in t for t in view.texts())


def test_ranking_hover_reads_the_interval_in_the_values_decimals(demo):
    _, results = demo
    view = view_regions(demo, lang="nl")
    (fig,) = [f for t, f in by_title(view).items() if "per regio" in t]
    top = fig.data[0].y[0]
    row = result_rows(results, MEAN, 2024).loc[top]
    low, high = f"{row['ci_low']:.2f}".replace(".", ","), f"{row['ci_high']:.2f}".replace(".", ",")
    assert fig.data[0].hovertext[0] == f"95%-interval: {low} tot {high}"


def test_two_regions_compared_with_their_interval_and_verdict(demo):
    _, results = demo
    rows = result_rows(results, MEAN, 2024)
    high, low = rows["value"].idxmax(), rows["value"].idxmin()
    found = compare.difference(
        rows.loc[high, "value"], rows.loc[high, "se"], rows.loc[low, "value"], rows.loc[low, "se"]
    )
    assert found.significant  # the highest and the lowest province differ clearly
    view = view_regions(demo, region=high, other=low)
    (sentence,) = [t for t in view.texts() if " against " in t]
    assert sentence.startswith(f"**{high}** (")
    assert f"is **significantly higher** than {low}" in sentence
    d = 1 - math.floor(math.log10(max(abs(found.diff), found.se)))
    diff = f"+{found.diff:.{d}f}"
    interval = f"(95% interval +{found.ci_low:.{d}f} to +{found.ci_high:.{d}f})"
    assert f"a difference of {diff} {interval}" in sentence
    # the other way round: lower, the same interval negated
    back = [t for t in view_regions(demo, region=low, other=high).texts() if " against " in t]
    assert f"is **significantly lower** than {high}" in back[0]
    # two provinces close together: no clear difference
    a, b = rows["value"].sort_values().index[5:7]
    close = compare.difference(*rows.loc[a, ["value", "se"]], *rows.loc[b, ["value", "se"]])
    text = [t for t in view_regions(demo, region=a, other=b).texts() if " against " in t][0]
    assert ("**No clear difference**" in text) == (not close.significant)


def test_comparison_needs_a_highlighted_region(demo):
    texts = view_regions(demo, region=TOTAL, other="Utrecht").texts()
    assert any(t.startswith("Pick a region to highlight above") for t in texts)
    assert not any(" against " in t for t in view_regions(demo, region="Limburg").texts())


def test_regions_download_carries_se_and_interval(demo):
    _, results = demo
    view = view_regions(demo)
    (download,) = [b for b in view.walk() if isinstance(b, Download)]
    frame = pd.read_csv(io.BytesIO(download.data), encoding="utf-8-sig")
    assert {"region", "region_name", "value", "se", "ci_low", "ci_high", "n"} <= set(frame)
    limburg = frame.set_index("region").loc["Limburg"]
    expected = results[
        (results["indicator"] == MEAN)
        & (results["year"] == 2024)
        & (results["region"] == "Limburg")
    ].iloc[0]
    assert limburg["se"] == pytest.approx(expected["se"], rel=1e-6)
    assert limburg["ci_high"] == pytest.approx(expected["ci_high"], rel=1e-6)
    assert download.file_name == "regions_life_satisfaction_mean_2024.csv"


def test_regions_view_has_the_own_map_expander_and_sections(demo):
    view = view_regions(demo)
    assert [b.label for b in view.blocks if isinstance(b, Expander)] == ["Your own map (GeoJSON)"]
    headings = [t for t in view.texts() if t in ("Map", "Ranking", "Spread between regions")]
    assert headings == ["Map", "Ranking", "Spread between regions"]


def test_trend_lines_have_bands_of_the_results_intervals(demo):
    _, results = demo
    view = view_trends(demo)
    fig = by_title(view)["Average life satisfaction, 2014–2024"]
    lines = [d for d in fig.data if d.mode == "lines+markers"]
    bands = [d for d in fig.data if d.fill == "toself"]
    assert [d.name for d in lines] == ["Total (all regions)", "Limburg"]
    assert [d.name for d in bands] == [
        "Total (all regions): 95% interval",
        "Limburg: 95% interval",
    ]
    total = results[(results["indicator"] == MEAN) & (results["region"] == TOTAL)]
    total = total.sort_values("year")
    n = len(total)
    y = np.asarray(bands[0].y, dtype=float)
    assert np.allclose(y[:n], total["ci_high"]) and np.allclose(y[n:], total["ci_low"][::-1])
    assert bands[0].zorder == -1 and not bands[0].showlegend
    assert lines[0].hovertext[0].startswith("95% interval: ")
    assert any(t.startswith("The bands around the lines") for t in view.texts())


WORDS = {"up": "rose significantly", "down": "fell significantly"}


def expected_line(ind, found, name: str) -> str:
    word = WORDS.get(found.direction, "about the same (no clear change)")
    d = max(ind.decimals, 1 - math.floor(math.log10(max(abs(found.slope), found.se))))

    def signed(x):
        return f"{'+' if x > 0 else '-'}{abs(x):.{d}f}"

    return (
        f"- **{name}**: **{word}**, {signed(found.slope)} per year (95% interval "
        f"{signed(found.ci_low)} to {signed(found.ci_high)}; {found.n} years)."
    )


@pytest.mark.parametrize(("indicator", "verdict"), [(MEAN, "same"), (GINI, "up")])
def test_trend_verdict_per_line_follows_the_weighted_trend(demo, reg, indicator, verdict):
    _, results = demo
    view = view_trends(demo, indicator=indicator)
    (changes,) = [t for t in view.texts() if t.startswith("Change 2014–2024")]
    for region, name in ((TOTAL, "Total \\(all regions\\)"), ("Limburg", "Limburg")):
        rows = results[(results["indicator"] == indicator) & (results["region"] == region)]
        rows = rows.sort_values("year")
        found = compare.trend(rows["year"], rows["value"], rows["se"])
        assert expected_line(reg.indicator_by_id[indicator], found, name) in changes.splitlines()
        if region == TOTAL:
            # the mean dips in 2020-2021 and is back by 2024: no straight line says "fell"
            assert found.direction == verdict
    assert any(t.startswith("The line weighs each year by the precision") for t in view.texts())


def test_trend_download_has_every_year_of_the_chosen_lines(demo):
    view = view_trends(demo)
    (download,) = [b for b in view.walk() if isinstance(b, Download)]
    frame = pd.read_csv(io.BytesIO(download.data), encoding="utf-8-sig")
    assert sorted(frame["region"].unique()) == ["Limburg", TOTAL]
    assert len(frame) == 22 and frame["ci_low"].notna().all()


def test_suppressed_values_show_neither_value_nor_interval(reg):
    rows = []
    for year in (2022, 2023, 2024):
        for region in ("Noord", "Zuid"):
            n = 3 if (region == "Zuid" and year == 2023) else 12
            rows += [(region, year, 6.0 + (i % 4)) for i in range(n)]
    raw = pd.DataFrame(rows, columns=["regio", "jaar", "levenstevredenheid"])
    prepared = prepare(raw, suggest_mapping(raw, reg), reg)
    results = whole_population(compute(prepared, reg, ci=0.95))
    ind = MEAN
    zuid = results[(results["indicator"] == ind) & (results["region"] == "Zuid")]
    assert (zuid["status"] == SUPPRESSED).sum() == 1
    view = trend_view.trends(
        results,
        prepared.registry,
        trend_view.Choices(indicator=ind, regions=("Zuid",)),
        lang="en",
        min_n=10,
        years=prepared.years,
        shape=prepared.shape,
    )
    fig = by_title(view)["Average life satisfaction, 2022–2024"]
    line = next(d for d in fig.data if d.mode == "lines+markers")
    band = next(d for d in fig.data if d.fill == "toself")
    assert np.isnan(np.asarray(line.y, dtype=float)[1]) and line.hovertext[1] == ""
    assert "2023" not in [x for x in band.x if x is not None]  # the band breaks at 2023
    assert None in band.x


def test_aggregates_have_no_bands_and_say_why(reg, demo_pilot):
    prepared = prepare(demo_pilot, suggest_mapping(demo_pilot, reg), reg)
    results = whole_population(compute(prepared, reg))
    ind = next(i.id for i in prepared.registry.indicators if i.id in set(results["indicator"]))
    regions = [r for r in results["region"].unique() if r != TOTAL][:2]
    view = trend_view.trends(
        results,
        prepared.registry,
        trend_view.Choices(indicator=ind, regions=(TOTAL, *regions)),
        lang="en",
        min_n=10,
        years=prepared.years,
        shape=prepared.shape,
    )
    fig = view.charts()[0]
    assert not [d for d in fig.data if d.fill == "toself"]
    texts = view.texts()
    assert sum(t.startswith("No bands: these are values of the file itself") for t in texts) == 1
    assert any(
        t.startswith("Values of the file itself, with no sampling uncertainty") for t in texts
    )
    # the ranking of aggregates: no whiskers, and one caption says why
    regions_view = region_view.regions(
        results,
        prepared.registry,
        region_view.Choices(indicator=ind, year=prepared.years[-1]),
        lang="en",
        min_n=10,
        shape=prepared.shape,
    )
    assert any(
        t.startswith("No intervals: these are values of the file") for t in regions_view.texts()
    )
    (download,) = [b for b in regions_view.walk() if isinstance(b, Download)]
    assert "ci_low" not in pd.read_csv(io.BytesIO(download.data), encoding="utf-8-sig")


def test_no_trend_without_two_years():
    assert trend_view.no_trend([], "en").texts()[0].startswith("These data have no year column")
    assert "only one year (2024)" in trend_view.no_trend([2024], "en").texts()[0]
    assert trend_view.no_trend([2023, 2024], "en") is None


def test_two_aggregate_regions_compared_without_a_made_up_interval(reg, demo_pilot):
    prepared = prepare(demo_pilot, suggest_mapping(demo_pilot, reg), reg)
    results = whole_population(compute(prepared, reg))
    ind = next(i.id for i in prepared.registry.indicators if i.id in set(results["indicator"]))
    year = prepared.years[-1]
    view = region_view.regions(
        results,
        prepared.registry,
        region_view.Choices(indicator=ind, year=year, region="Epe", other="Zutphen"),
        lang="en",
        min_n=10,
        shape=prepared.shape,
    )
    (sentence,) = [t for t in view.texts() if " against " in t]
    rows = results[(results["indicator"] == ind) & (results["year"] == year)]
    value = rows.set_index("region")["value"]
    diff = value["Epe"] - value["Zutphen"]
    assert sentence.startswith(f"**Epe** ({value['Epe']:.1f}) against **Zutphen** (")
    assert f"a difference of +{diff:.1f}." in sentence
    assert "no sampling uncertainty: there is no interval and no test" in sentence


def test_a_name_with_tags_is_text_in_the_charts():
    """Plotly reads b, i, br and a href in its texts: a region named with a link must show as
    written in the ranking and the lines, never become a link."""
    import numpy as np

    from indicators.dataset.mapping import Mapping
    from indicators.dataset.prepare import prepare
    from indicators.registry.catalog import load_registry
    from indicators.results import compute, whole_population
    from indicators.views import regions as rv
    from indicators.views import trends as tv

    hostile = "<a href='http://x.example'>Klik</a>"
    rng = np.random.default_rng(1)
    n = 600
    df = pd.DataFrame(
        {
            "regio": rng.choice([hostile, "Utrecht", "Zwolle"], n),
            "jaar": rng.choice([2022, 2023, 2024], n),
            "tevreden": rng.integers(0, 11, n),
        }
    )
    reg = load_registry()
    m = Mapping.build("regio", year="jaar", variables={"life_satisfaction": "tevreden"})
    prepared = prepare(df, m, reg)
    results = whole_population(compute(prepared, prepared.registry, ci=0.95))
    view = rv.regions(
        results, prepared.registry,
        rv.Choices("life_satisfaction_mean", 2024, region=hostile), lang="en", min_n=10,
    )  # fmt: skip
    ranking = next(f for f in view.charts() if "by region" in (f.layout.title.text or ""))
    labels = [str(y) for trace in ranking.data for y in (trace.y or ())]
    assert "&lt;a href=&#x27;http://x.example&#x27;&gt;Klik&lt;/a&gt;" in labels
    assert not any("<a " in label for label in labels)
    lines = tv.trends(
        results, prepared.registry,
        tv.Choices("life_satisfaction_mean", (hostile, "Utrecht")),
        lang="en", min_n=10, years=prepared.years,
    )  # fmt: skip
    names = [t.name for f in lines.charts() for t in f.data if t.name]
    assert any("&lt;a href" in name for name in names) and not any("<a " in n for n in names)
