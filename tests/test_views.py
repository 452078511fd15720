"""The pure views: built from choices without Streamlit, with what the pages show."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators.dataset.mapping import suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.io.load import load_table
from indicators.package_data import demo_file
from indicators.registry.catalog import load_registry
from indicators.results import TOTAL, compute, whole_population
from indicators.views import blocks
from indicators.views.catalog import Choices as CatalogChoices
from indicators.views.catalog import DataInUse, catalog
from indicators.views.overview import Choices, overview


@pytest.fixture(scope="module")
def people():
    reg = load_registry()
    raw = load_table(demo_file("people"))
    prepared = prepare(raw, suggest_mapping(raw, reg), reg)
    return prepared, whole_population(compute(prepared, prepared.registry, ci=0.95))


def test_overview_view_has_a_tile_grid_per_dimension_and_the_rule(people):
    prepared, results = people
    years = prepared.years
    view = overview(
        results, prepared.registry, Choices(TOTAL, years[-1], years[0]), lang="en", min_n=10
    )
    headings = [b.text for b in view.walk() if isinstance(b, blocks.Heading)]
    dims = {d.label("en") for d in prepared.registry.dimensions}
    assert headings and set(headings) <= dims
    grids = [b.html for b in view.walk() if isinstance(b, blocks.Html)]
    assert len(grids) == len(headings)  # one element per dimension
    assert all("bw-tile" in g for g in grids)
    captions = [b.text for b in view.walk() if isinstance(b, blocks.Text) and b.tone == "caption"]
    assert any("significant" in c for c in captions)  # the rule for colours is written
    # without an earlier year: no legend and no rule
    plain = overview(results, prepared.registry, Choices(TOTAL, years[-1]), lang="nl", min_n=10)
    assert not [b for b in plain.walk() if isinstance(b, blocks.Text) and b.tone == "caption"]


def test_overview_view_of_nothing_says_so(people):
    prepared, results = people
    empty = results.iloc[0:0]
    view = overview(empty, prepared.registry, Choices(TOTAL, 2024), lang="en", min_n=10)
    assert [b.tone for b in view.blocks] == ["info"]


def test_catalog_view_lists_the_files_own_indicators_first():
    reg = load_registry()
    raw = load_table(demo_file("pilot"))
    prepared = prepare(raw, suggest_mapping(raw, reg), reg)
    own = tuple(i.id for i in prepared.registry.indicators if i.id not in reg.indicator_by_id)
    assert own == ("col_bijstandsontvangers",)
    variables = (*prepared.variables, *(prepared.registry.indicator_by_id[i].variable for i in own))
    data = DataInUse(variables, prepared.shape, "pilot.parquet", own)
    view = catalog(prepared.registry, CatalogChoices(), lang="en", data=data)
    headings = [b.text for b in view.walk() if isinstance(b, blocks.Heading)]
    assert headings[0] == "From your file"
    folds = [b for b in view.blocks if isinstance(b, blocks.Expander)]
    assert folds[1].label == "bijstandsontvangers"  # after the table of all indicators
    assert folds[1].icon == ":material/check_circle:"
    only = catalog(prepared.registry, CatalogChoices(only_available=True), lang="en", data=data)
    counts = [b.text for b in only.blocks if isinstance(b, blocks.Text)][0]
    assert counts.startswith("3 of 34 indicators shown; 3 can be computed")
    none = catalog(reg, CatalogChoices(query="zzzz"), lang="nl")
    assert none.blocks[-1].tone == "info"


def test_a_view_walks_into_columns_and_expanders():
    inner = blocks.Text("b")
    view = blocks.View(
        [
            blocks.Heading("a"),
            blocks.Columns(((inner,), (blocks.Text("c"),))),
            blocks.Expander("d", (blocks.Table(pd.DataFrame({"x": [1]})),)),
        ]
    )
    assert view.texts() == ["a", "b", "c"]
    assert len(view.tables()) == 1 and view.charts() == []
    with pytest.raises(ValueError, match="tone"):
        blocks.Text("x", tone="loud")


def test_the_reason_an_indicator_is_not_available_is_text():
    # the reason names the variable and its column hints, which a user's catalogue may write
    from indicators.registry.explain import Availability
    from indicators.views.catalog import indicator_block

    reg = load_registry()
    ind = reg.indicators[0]
    mark = Availability(False, "needs a column such as '[Klik](http://x.example)'", "short")
    block = indicator_block(ind, reg, {ind.id: mark}, "en")
    reason = block.blocks[0].text
    assert "\\[Klik\\]" in reason and "](http://x.example)" not in reason
