"""Accumulated disadvantage (indicators/analyses/stapeling.py) and the commands `groups` and
`stapeling`."""

from __future__ import annotations

import io
import math
from contextlib import redirect_stderr, redirect_stdout

import numpy as np
import pandas as pd
import pytest

from indicators.analyses import stapeling as S
from indicators.cli import main
from indicators.dataset.mapping import suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.errors import DataError
from indicators.package_data import demo_file
from indicators.registry.catalog import load_registry

DEMO = demo_file("people")


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def _random(seed=4, n=1500):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame(
        {
            "regio": rng.choice(["a", "b", "c"], n),
            "jaar": rng.choice([2021, 2022], n),
            "gewicht": rng.uniform(0.3, 3, n),
            "groep": rng.choice(["x", "y"], n),
            "tevreden": rng.integers(0, 11, n).astype(float),
            "inkomen": rng.lognormal(10, 0.6, n),
            "eenzaam": rng.choice(["ja", "nee"], n, p=[0.3, 0.7]),
            "woonquote": rng.uniform(5, 60, n),
        }
    )
    df.loc[rng.choice(n, 40, replace=False), "tevreden"] = np.nan
    df.loc[rng.choice(n, 30, replace=False), "eenzaam"] = None
    return df


RULES = ["tevreden<=5", "inkomen<poverty_line", "eenzaam=ja", "woonquote>=40"]


def _loop_counts(df):
    """The count per person, one person at a time, with the poverty line of each year."""
    lines = {}
    for year, part in df.groupby("jaar"):
        order = part.sort_values("inkomen")
        cum = order["gewicht"].cumsum() / order["gewicht"].sum()
        # Eurostat weighted median: the first value whose cumulative weight passes one half
        # (the mean of two values when it lands on one half exactly)
        k = int(np.searchsorted(cum.to_numpy(), 0.5))
        med = order["inkomen"].iloc[k]
        if math.isclose(cum.iloc[k], 0.5):
            med = (med + order["inkomen"].iloc[k + 1]) / 2
        lines[year] = 0.6 * med
    counts = []
    for row in df.itertuples():
        if pd.isna(row.tevreden) or row.eenzaam is None or pd.isna(row.eenzaam):
            counts.append(None)
            continue
        c = 0
        c += row.tevreden <= 5
        c += row.inkomen < lines[row.jaar]
        c += row.eenzaam == "ja"
        c += row.woonquote >= 40
        counts.append(int(c))
    return counts


def test_the_counts_equal_a_loop_over_people():
    df = _random()
    counts, hits = S.count_outcomes(
        df, [S.parse_rule(r) for r in RULES], year="jaar", weight="gewicht"
    )
    expected = _loop_counts(df)
    got = [None if np.isnan(c) else int(c) for c in counts]
    assert got == expected
    assert list(hits.columns) == RULES
    assert sum(c is None for c in expected) > 0


def test_the_shares_and_their_standard_errors_equal_a_direct_reference():
    df = _random(seed=9)
    rules = [S.parse_rule(r) for r in RULES]
    acc = S.accumulation(df, rules, region="regio", year="jaar", weight="gewicht", by="groep")
    counts = np.array([np.nan if c is None else c for c in _loop_counts(df)], dtype=float)
    assert acc.left_out == int(np.isnan(counts).sum())
    t = acc.table
    assert list(t.columns) == ["regio", "jaar", "group", "count", "share", "se", "ci_low",
                               "ci_high", "n"]  # fmt: skip
    assert set(t["count"]) == {"0", "1", "2", "3+"}
    for row in t.itertuples():
        year_rows = (df["jaar"] == row.jaar).to_numpy()
        n_sample = int(year_rows.sum())  # each year its own sample, rows left out included
        rows = year_rows & (df["groep"] == row.group).to_numpy() & ~np.isnan(counts)
        if row.regio != "Total":
            rows &= (df["regio"] == row.regio).to_numpy()
        k = 3 if row.count == "3+" else int(row.count)
        hit = (np.minimum(counts[rows], 3) == k).astype(float)
        w = df["gewicht"].to_numpy()[rows]
        p = np.sum(w * hit) / np.sum(w)
        u = w * (hit - p) / np.sum(w)
        assert row.n == rows.sum()
        assert row.share == pytest.approx(p, rel=1e-12, abs=1e-15)
        assert row.se == pytest.approx(np.sqrt(n_sample / (n_sample - 1) * np.sum(u**2)), rel=1e-9)
    # the shares of one cell add up to 1
    sums = t.groupby(["regio", "jaar", "group"])["share"].sum()
    np.testing.assert_allclose(sums, 1.0)


def test_the_cap_is_configurable():
    df = _random()
    rules = [S.parse_rule(r) for r in RULES]
    acc = S.accumulation(df, rules, region="regio", cap=2)
    assert list(acc.table["count"].unique()) == ["0", "1", "2+"]
    with pytest.raises(DataError):
        S.accumulation(df, rules, region="regio", cap=0)


def test_co_occurrence_equals_a_loop():
    df = _random(seed=12)
    rules = [S.parse_rule(r) for r in ["tevreden<=5", "eenzaam=ja", "woonquote>=40"]]
    co = S.co_occurrence(df, rules, weight="gewicht")
    assert len(co) == 3
    keep = df["tevreden"].notna() & df["eenzaam"].notna()
    d = df[keep]
    w = d["gewicht"]
    flags = {
        "tevreden<=5": d["tevreden"] <= 5,
        "eenzaam=ja": d["eenzaam"] == "ja",
        "woonquote>=40": d["woonquote"] >= 40,
    }
    for row in co.itertuples():
        a, b = flags[row.outcome_a], flags[row.outcome_b]
        both = (w * (a & b)).sum() / w.sum()
        pa, pb = (w * a).sum() / w.sum(), (w * b).sum() / w.sum()
        assert row.share_both == pytest.approx(both)
        assert row.lift == pytest.approx(both / (pa * pb))
    assert list(co["share_both"]) == sorted(co["share_both"], reverse=True)


@pytest.mark.parametrize(
    ("rule", "key"),
    [
        ("tevreden", "rule_form"),
        ("<=5", "rule_form"),
        ("tevreden<=veel", "rule_needs_number"),
        ("nergens<=5", "rule_no_column"),
        ("eenzaam<=5", "rule_needs_numbers"),
    ],
)
def test_a_bad_rule_is_named_in_both_languages(rule, key):
    df = _random()
    with pytest.raises(DataError) as err:
        S.count_outcomes(df, [S.parse_rule(rule)])
    assert rule in err.value.text("nl") and rule in err.value.text("en")
    assert err.value.text("nl") != err.value.text("en")
    if key == "rule_form":
        assert "schrijf KOLOM" in err.value.text("nl")


def test_a_rule_given_twice_is_refused():
    with pytest.raises(DataError):
        S.count_outcomes(_random(), [S.parse_rule("tevreden<=5"), S.parse_rule("tevreden<=5")])


def test_the_catalogue_rules_on_the_demo_data_are_the_written_ones():
    registry = load_registry()
    df = pd.read_parquet(DEMO)
    prepared = prepare(df, suggest_mapping(df, registry), registry)
    rules = S.catalogue_rules(prepared, registry)
    assert len(rules) == 9
    by_catalogue, _ = S.count_outcomes(prepared.frame, rules, year="year", weight="weight")
    written = [
        "levenstevredenheid<=5",
        "inkomen<poverty_line",
        "eenzaam=ja",
        "vertrouwen<=4",
        "onveilig=ja",
        "werkstatus=werkloos",
        "woonquote>=40",
        "tevredenheid_woonomgeving<=5",
    ]
    health = df["ervaren_gezondheid"]
    poor = np.where(health.isin(["slecht", "zeer slecht"]), "ja", "nee")
    raw = df.assign(slechte_gezondheid=np.where(health.isna(), None, poor))
    rules_raw = [S.parse_rule(r) for r in [*written, "slechte_gezondheid=ja"]]
    by_hand, _ = S.count_outcomes(raw, rules_raw, year="jaar", weight="gewicht")
    np.testing.assert_array_equal(by_catalogue, by_hand)
    acc = S.accumulation(prepared.frame, rules, year="year", weight="weight", by="opleiding")
    t = acc.table
    top = t[(t["region"] == "Total") & (t["count"] == "3+")].set_index(["year", "group"])["share"]
    # the lower educated carry accumulated disadvantage more often, every year
    assert (top.xs("laag", level="group") > 2 * top.xs("hoog", level="group")).all()


def _cli(*args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main([str(a) for a in args])
        except SystemExit as exit_:  # argparse's own errors
            code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_cli_groups_writes_the_columns_of_the_issue_with_total_rows():
    code, out, _ = _cli(
        "groups", DEMO, "--value", "levenstevredenheid", "--region", "provincie", "--year",
        "jaar", "--weight", "gewicht", "--by", "opleiding", "--measures", "mean",
    )  # fmt: skip
    assert code == 0
    t = pd.read_csv(io.StringIO(out))
    assert list(t.columns) == [
        "provincie", "jaar", "group", "measure", "value", "se", "ci_low", "ci_high", "n",
        "rest_value", "gap", "gap_se", "gap_ci_low", "gap_ci_high", "significant",
    ]  # fmt: skip
    assert len(t) == 13 * 11 * 3  # 12 provinces and Total, 11 years, 3 groups
    low = t[(t["provincie"] == "Total") & (t["group"] == "laag")]
    assert len(low) == 11 and low["significant"].all() and (low["gap"] < 0).all()
    np.testing.assert_allclose(low["gap"], low["value"] - low["rest_value"])


def test_cli_groups_at_another_level_and_in_dutch_errors(tmp_path):
    code, out, _ = _cli(
        "groups", DEMO, "--value", "levenstevredenheid", "--region", "provincie", "--by",
        "geslacht", "--measures", "mean", "--ci", "90",
    )  # fmt: skip
    t = pd.read_csv(io.StringIO(out))
    row = t.iloc[0]
    assert code == 0 and len(t) == 13 * 2
    assert row["ci_high"] - row["value"] == pytest.approx(1.644854 * row["se"], rel=1e-5)
    code, _, err = _cli(
        "groups", DEMO, "--value", "geluk", "--region", "provincie", "--by", "opleiding",
        "--lang", "nl",
    )  # fmt: skip
    assert code == 2 and err.startswith("fout: ") and "geluk" in err
    code, _, err = _cli("groups", DEMO, "--value", "geluk", "--region", "provincie", "--lang", "nl")
    assert code == 2 and "deze argumenten ontbreken: --by" in err


def test_cli_stapeling_with_rules_and_from_the_catalogue(tmp_path):
    path = tmp_path / "mensen.csv"
    _random().to_csv(path, index=False)
    args = ["stapeling", path, "--region", "regio", "--year", "jaar", "--weight", "gewicht"]
    rules = [x for r in RULES for x in ("--rule", r)]
    code, out, err = _cli(*args, *rules, "--by", "groep")
    assert code == 0
    t = pd.read_csv(io.StringIO(out), dtype={"count": str})
    assert list(t.columns) == ["regio", "jaar", "group", "count", "share", "se", "n"]
    assert "Total" in set(t["regio"]) and list(t["count"].unique()) == ["0", "1", "2", "3+"]
    assert "rows without an answer" in err and "left out" in err
    code, out, _ = _cli(*args, *rules, "--cap", "2")
    t = pd.read_csv(io.StringIO(out), dtype={"count": str})
    assert list(t.columns) == ["regio", "jaar", "count", "share", "se", "n"]
    assert set(t["count"]) == {"0", "1", "2+"}
    # no rule: the catalogue's for the columns the names suggest (the demo data: all nine)
    code, out, err = _cli("stapeling", DEMO, "--region", "provincie", "--lang", "nl")
    t = pd.read_csv(io.StringIO(out), dtype={"count": str})
    assert code == 0 and list(t.columns) == ["provincie", "count", "share", "se", "n"]
    assert "weggelaten" in err
    code, _, err = _cli(*args, "--rule", "tevreden=<5", "--lang", "nl")
    assert code == 2 and "Regel 'tevreden=<5'" in err
