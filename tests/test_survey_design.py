"""The survey design as roles of the mapping: strata and clusters are suggested, kept in links,
carried by preparation, and reach the intervals the dashboard computes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from indicators.dataset.mapping import (
    CLUSTER,
    STRATA,
    Mapping,
    mapping_from_text,
    mapping_to_text,
    suggest_mapping,
)
from indicators.dataset.mapping_form import mapping_from_choices, unused_columns
from indicators.dataset.prepare import prepare
from indicators.errors import DataError
from indicators.registry.catalog import load_registry
from indicators.results import TOTAL, compute
from indicators.views.data import design_text

ROOT = Path(__file__).resolve().parents[1]
EUSILC = ROOT.parent / "shared" / "data" / "eusilc.csv"
# R convey, svydesign(ids = ~rb030, strata = ~db040, weights = ~rb050) (shared/data/README.md)
CONVEY_SE = {"income_gini": 0.001946982, "income_poverty_rate": 0.002756769}


@pytest.fixture(scope="module")
def eusilc():
    if not EUSILC.exists():
        pytest.skip(f"reference data not found: {EUSILC}")
    return pd.read_csv(EUSILC)


def test_design_columns_named_as_surveys_name_them_are_suggested():
    # ESS files have 'stratum' and 'psu'; SPSS/Stata exports 'varstrat' and 'varunit'
    df = pd.DataFrame(
        {
            "cntry": ["NL"] * 4,
            "region": ["A", "A", "B", "B"],
            "stratum": [1, 1, 2, 2],
            "psu": [11, 12, 21, 22],
            "stflife": [7, 8, 6, 9],
        }
    )
    m = suggest_mapping(df, load_registry())
    assert (m.strata, m.cluster) == ("stratum", "psu")
    other = df.rename(columns={"stratum": "VARSTRAT", "psu": "VarUnit"})
    m = suggest_mapping(other, load_registry())
    assert (m.strata, m.cluster) == ("VARSTRAT", "VarUnit")
    assert suggest_mapping(df.drop(columns=["stratum", "psu"]), load_registry()).strata is None


def test_design_is_kept_in_links_and_forms():
    m = Mapping.build("region", variables={"income": "inc"}, strata="s", cluster="c")
    assert mapping_from_text(mapping_to_text(m)) == m
    # a link made before the design roles existed still opens, without a design
    old = Mapping.build("region", variables={"income": "inc"})
    back = mapping_from_text(mapping_to_text(old))
    assert (back.strata, back.cluster) == (None, None)
    chosen = mapping_from_choices("region", variables={"income": "inc"}, strata="", cluster="c")
    assert (chosen.strata, chosen.cluster) == (None, "c")
    assert unused_columns(["region", "inc", "s", "c"], m) == []


def test_a_missing_design_column_is_named():
    df = pd.DataFrame({"region": ["A", "B"], "inc": [1.0, 2.0]})
    m = Mapping.build("region", variables={"income": "inc"}, strata="stratum")
    with pytest.raises(DataError, match="stratum"):
        prepare(df, m, load_registry())


def test_the_mapped_design_reaches_the_intervals(eusilc):
    """eusilc mapped with strata and clusters: the Total rows' standard errors are convey's
    (the dashboard computes with the mapping's design, as ``compute`` is called here)."""
    reg = load_registry()
    m = Mapping.build(
        "db040", weight="rb050", variables={"income": "eqIncome"}, strata="db040", cluster="rb030"
    )
    prepared = prepare(eusilc, m, reg)
    assert {STRATA, CLUSTER} <= set(prepared.frame.columns)
    assert (prepared.frame[STRATA] == eusilc["db040"]).all()
    ids = list(CONVEY_SE)
    with_design = compute(prepared, reg, indicators=ids, ci=0.95, strata=STRATA, cluster=CLUSTER)
    total = with_design[with_design["region"] == TOTAL].set_index("indicator")
    for ind, se in CONVEY_SE.items():
        assert total.loc[ind, "se"] == pytest.approx(se, rel=0.01)
    # without the design (each row its own draw, no strata) the errors differ
    simple = compute(prepared, reg, indicators=ids, ci=0.95)
    plain = simple[simple["region"] == TOTAL].set_index("indicator")
    assert plain.loc["income_poverty_rate", "se"] != pytest.approx(
        total.loc["income_poverty_rate", "se"], rel=1e-3
    )


def test_design_in_words(eusilc):
    reg = load_registry()
    base = dict(weight="rb050", variables={"income": "eqIncome"})
    both = prepare(eusilc, Mapping.build("db040", **base, strata="db040", cluster="rb030"), reg)
    assert design_text(both, "en") == (
        "Intervals (95%) follow the survey design: strata from column 'db040' and clusters "
        "from column 'rb030'."
    )
    assert "strata uit kolom 'db040' en clusters uit kolom 'rb030'" in design_text(both, "nl")
    none = prepare(eusilc, Mapping.build("db040", **base), reg)
    assert "every row is a draw of its own" in design_text(none, "en")


def test_the_distribution_page_follows_the_mapped_design(eusilc):
    """The Distribution page's intervals use the mapped strata and clusters too: its Total
    poverty rate has the standard error of the results table with the same design, and
    without a design another one."""
    from indicators.analyses import distribution as dist
    from indicators.views import distribution as dv

    reg = load_registry()
    base = dict(weight="rb050", variables={"income": "eqIncome"})
    found = {}
    for name, mapping in (
        ("design", Mapping.build("db040", **base, strata="db040", cluster="rb030")),
        ("plain", Mapping.build("db040", **base)),
    ):
        prepared = prepare(eusilc, mapping, reg)
        variable = prepared.registry.variable_by_id["income"]
        data = dv.units(prepared, "income", None, dv.Grouping())
        bottom = dist.default_bottom(variable, prepared.registry, data)
        assert bottom.poverty_line
        shown = dv.summary(prepared, variable, bottom, None, dv.Grouping(), 10)
        found[name] = shown.overall.set_index("group").loc[TOTAL, "bottom_se"]
    design = dict(strata=STRATA, cluster=CLUSTER)
    prepared = prepare(eusilc, Mapping.build("db040", **base, strata="db040", cluster="rb030"), reg)
    for name, kwargs in (("design", design), ("plain", {})):
        table = compute(prepared, reg, indicators=["income_poverty_rate"], ci=0.95, **kwargs)
        se = table.loc[table["region"] == TOTAL, "se"].iloc[0]
        assert found[name] == pytest.approx(se, rel=1e-9), name
    assert found["design"] != pytest.approx(found["plain"], rel=1e-4)


def test_merged_spellings_count_as_one_region_and_are_kept_in_links():
    df = pd.DataFrame(  # one row per person: two spellings of Den Haag, and Utrecht
        {
            "gemeente": ["Den Haag", "den haag", "Utrecht", "Utrecht"],
            "inkomen": [1.0, 3.0, 5.0, 7.0],
        }
    )
    m = Mapping.build("gemeente", variables={"income": "inkomen"}, merges={"den haag": "Den Haag"})
    assert mapping_from_text(mapping_to_text(m)) == m
    prepared = prepare(df, m, load_registry())
    assert prepared.regions == ["Den Haag", "Utrecht"]
    assert "'den haag' in column 'gemeente' is counted as 'Den Haag'." in prepared.notes
    assert list(df["gemeente"]) == ["Den Haag", "den haag", "Utrecht", "Utrecht"]  # unchanged
    table = compute(prepared, load_registry(), indicators=["income_mean"], min_n=1)
    haag = table[table["region"] == "Den Haag"].iloc[0]
    assert (haag["value"], haag["n"]) == (2.0, 2)
