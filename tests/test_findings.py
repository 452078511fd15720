"""Findings (issue 17): BH q-values by hand, planted effects found first, the false discovery
rate kept under no effect, the demo data's built-in story, and the command line."""

from __future__ import annotations

import io
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from indicators.analyses.findings import COLUMNS, bh_qvalues, findings_table, scan
from indicators.dataset.mapping import Mapping, suggest_mapping
from indicators.dataset.prepare import prepare
from indicators.package_data import demo_file
from indicators.results import TOTAL, compute

# ---------------------------------------------------------------------------------------------
# Benjamini-Hochberg
# ---------------------------------------------------------------------------------------------


def test_bh_qvalues_by_hand():
    # m = 5; sorted p 0.001, 0.008, 0.039, 0.041, 0.6
    # m p / i: 0.005, 0.02, 0.065, 0.05125, 0.6; running min from the top: 0.005, 0.02,
    # 0.05125, 0.05125, 0.6
    p = [0.039, 0.001, 0.6, 0.041, 0.008]
    q = bh_qvalues(p)
    assert q == pytest.approx([0.05125, 0.005, 0.6, 0.05125, 0.02])


def test_bh_qvalues_missing_stay_missing_and_cap_at_one():
    q = bh_qvalues([np.nan, 0.9, 0.95])
    assert np.isnan(q[0])
    assert q[1:] == pytest.approx([0.95, 0.95])  # 2 * 0.9 / 1 = 1.8 -> min with 0.95
    assert bh_qvalues([]).size == 0


# ---------------------------------------------------------------------------------------------
# planted effects in simulated microdata
# ---------------------------------------------------------------------------------------------

REGIONS = ["A", "B", "C", "D", "E", "F"]
YEARS = list(range(2015, 2023))
PLANTED = {"B", "C", "D", TOTAL}  # B: a gap widening, C: the bottom under a flat mean, D: a dip


def _planted(n=450, seed=1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for region in REGIONS:
        for k, year in enumerate(YEARS):
            edu = rng.choice(["laag", "hoog"], size=n)
            mu = np.full(n, 6.5)
            sd = np.full(n, 1.2)
            if region == "B":  # the lower educated fall behind: -0.1 a year
                mu = np.where(edu == "laag", 6.5 - 0.1 * k, 6.5)
            if region == "C":  # the spread grows, the mean stays
                sd = sd + 0.15 * k
            if region == "D" and year == 2019:
                mu = mu - 1.0
            score = np.clip(np.round(rng.normal(mu, sd)), 0, 10)
            rows.append(pd.DataFrame({"r": region, "y": year, "edu": edu, "ls": score}))
    return pd.concat(rows, ignore_index=True)


@pytest.fixture(scope="module")
def planted_findings(reg):
    df = _planted()
    mapping = Mapping.build("r", year="y", groups=["edu"], variables={"life_satisfaction": "ls"})
    results = compute(prepare(df, mapping, reg), reg, by=["edu"], ci=0.95)
    return findings_table(results, reg, lang="en")


def _involves_planted(row) -> bool:
    return row["region"] in PLANTED or row["other"] in PLANTED


def test_each_planted_effect_is_found(planted_findings):
    f = planted_findings
    gap = f[(f["kind"] == "group_gap") & (f["region"] == "B") & (f["breakdown"] == "edu")]
    bottom = f[(f["kind"] == "mean_vs_bottom") & (f["region"] == "C")]
    dip = f[(f["kind"] == "trend_break") & (f["region"] == "D") & (f["year_to"] == 2019)]
    assert len(gap) and len(bottom) and len(dip)
    assert (gap["q_value"] <= 0.05).all()
    assert (dip.loc[dip["indicator"] == "life_satisfaction_mean", "estimate"] < -0.5).all()
    assert "life_satisfaction_mean" in set(dip["indicator"])
    assert (
        bottom["indicator"]
        .isin(["life_satisfaction_unsatisfied", "life_satisfaction_low", "life_satisfaction_sd"])
        .all()
    )


def test_planted_effects_rank_above_everything_unplanted(planted_findings):
    f = planted_findings
    unplanted = f[~f.apply(_involves_planted, axis=1)]
    firsts = [
        f[(f["kind"] == "group_gap") & (f["region"] == "B")]["rank"].min(),
        f[(f["kind"] == "mean_vs_bottom") & (f["region"] == "C")]["rank"].min(),
        f[(f["kind"] == "trend_break") & (f["region"] == "D")]["rank"].min(),
    ]
    if len(unplanted):
        assert max(firsts) < unplanted["rank"].min()
    assert list(f["rank"]) == list(range(1, len(f) + 1))


# ---------------------------------------------------------------------------------------------
# no effect at all: the false discovery rate over repeated simulations
# ---------------------------------------------------------------------------------------------


def _null_results(rng, regions=6, years=6) -> pd.DataFrame:
    """A results table with no effect: every cell the same truth plus its sampling error; the
    Total the weight mix of the regions (so the rest of the country is consistent)."""
    truth = {
        "life_satisfaction_mean": (7.5, 0.05),
        "life_satisfaction_unsatisfied": (0.08, 0.01),
        "life_satisfaction_sd": (1.3, 0.04),
    }
    rows = []
    for year in range(2015, 2015 + years):
        for ind, (value, se) in truth.items():
            vals = value + se * rng.standard_normal(regions)
            for r in range(regions):
                rows.append((f"R{r}", year, "", "", ind, vals[r], se, 500.0))
                for g in ("a", "b"):
                    sg = se * np.sqrt(2)
                    rows.append(
                        (
                            f"R{r}",
                            year,
                            "edu",
                            g,
                            ind,
                            value + sg * rng.standard_normal(),
                            sg,
                            250.0,
                        )
                    )
            tot_se = se / np.sqrt(regions)
            rows.append((TOTAL, year, "", "", ind, vals.mean(), tot_se, 500.0 * regions))
    frame = pd.DataFrame(
        rows,
        columns=["region", "year", "breakdown", "group", "indicator", "value", "se", "weight_sum"],
    )
    frame["part"] = "total"
    frame["status"] = "ok"
    return frame


def test_false_findings_stay_at_or_below_the_rate_under_no_effect(reg):
    rng = np.random.default_rng(7)
    reps, fdr = 60, 0.05
    # every finding is false: the false discovery proportion is 1 when anything is found
    any_found = [len(findings_table(_null_results(rng), reg, fdr=fdr)) > 0 for _ in range(reps)]
    share = float(np.mean(any_found))
    mc = 3 * np.sqrt(fdr * (1 - fdr) / reps)  # three Monte Carlo standard errors
    assert share <= fdr + mc, share


def test_null_results_have_candidates_of_every_kind(reg):
    kinds = {c.kind for c in scan(_null_results(np.random.default_rng(0)), reg)}
    assert kinds == {"mean_vs_bottom", "same_mean", "group_gap", "region_vs_rest", "trend_break"}


# ---------------------------------------------------------------------------------------------
# the demo data's story
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_findings(reg):
    people = pd.read_parquet(demo_file("people"))
    mapping = suggest_mapping(people, reg)
    results = compute(prepare(people, mapping, reg), reg, by=["opleiding"], ci=0.95)
    return findings_table(results, reg, lang="en")


def test_demo_story_is_among_the_top_findings(demo_findings):
    top = demo_findings.head(50)
    dip = top[(top["kind"] == "trend_break") & top["year_to"].isin([2020, 2021])]
    assert len(dip), "the 2020-21 dip"
    behind = top[
        (top["kind"] == "group_gap")
        & (top["breakdown"] == "opleiding")
        & ((top["group"] == "laag") | (top["other"] == "laag"))
    ]
    assert len(behind), "the lower educated falling behind"
    pair = top[
        (top["kind"] == "same_mean")
        & top["region"].isin(["Utrecht", "Limburg"])
        & top["other"].isin(["Utrecht", "Limburg"])
    ]
    assert len(pair), "Utrecht and Limburg: the same mean, different bottoms"
    assert (
        "Limburg and Utrecht have a similar average life satisfaction" in pair.iloc[0]["sentence"]
    )


def test_demo_links_open_the_page_of_the_finding(demo_findings):
    for _, row in demo_findings.head(30).iterrows():
        page, _, query = row["link"].partition("?")
        assert page in {"trends", "regions", "groups"}
        assert f"indicator={row['indicator']}" in query
        if row["kind"] == "group_gap":
            assert "by=opleiding" in query


def test_dutch_sentences(reg, demo_findings):
    people = pd.read_parquet(demo_file("people"))
    mapping = Mapping.build(
        "provincie",
        year="jaar",
        weight="gewicht",
        variables={"life_satisfaction": "levenstevredenheid"},
    )
    results = compute(prepare(people, mapping, reg), reg, ci=0.95)
    nl = findings_table(results, reg, lang="nl", top=5)
    assert len(nl) == 5
    assert all("," in s or "hebben" in s or "lag" in s for s in nl["sentence"])  # decimal comma
    assert not any(" the " in s for s in nl["sentence"])


def test_bad_fdr_is_a_data_error(reg, demo_results):
    from indicators.errors import DataError

    with pytest.raises(DataError, match="between 0 and 1"):
        findings_table(demo_results, reg, fdr=1.5)


# ---------------------------------------------------------------------------------------------
# the command line
# ---------------------------------------------------------------------------------------------


def _run(*args):
    return subprocess.run(
        [sys.executable, "-m", "indicators", "findings", *map(str, args)],
        capture_output=True,
        text=True,
        env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", **_pythonpath()},
        timeout=120,
    )


def _pythonpath():
    import os

    return {"PYTHONPATH": os.environ["PYTHONPATH"]} if "PYTHONPATH" in os.environ else {}


def test_cli_writes_the_fixed_columns(tmp_path):
    data = tmp_path / "planted.csv"
    _planted(n=300).to_csv(data, index=False)
    before = data.read_bytes()
    out = tmp_path / "findings.csv"
    done = _run(
        data, "--region", "r", "--year", "y", "--by", "edu", "--map", "life_satisfaction=ls",
        "--top", "5", "--lang", "en", "--out", out,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(out)
    assert list(table.columns) == COLUMNS
    assert 0 < len(table) <= 5
    assert list(table["rank"]) == list(range(1, len(table) + 1))
    assert (table["q_value"] <= 0.05).all()
    assert data.read_bytes() == before  # the user's file is never changed
    again = _run(
        data, "--region", "r", "--year", "y", "--map", "life_satisfaction=ls", "--top", "3"
    )
    assert again.returncode == 0
    assert len(pd.read_csv(io.StringIO(again.stdout))) <= 3


def test_cli_bad_input_exits_2_with_the_message(tmp_path):
    data = tmp_path / "planted.csv"
    _planted(n=20).to_csv(data, index=False)
    done = _run(data, "--region", "r", "--map", "life_satisfaction=nope", "--lang", "nl")
    assert done.returncode == 2
    assert "nope" in done.stderr and "Traceback" not in done.stderr
    done = _run(data, "--region", "r", "--map", "life_satisfaction=ls", "--fdr", "0")
    assert done.returncode == 2
    assert "--fdr" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------------------------------------
# the view (a page and the HTML report)
# ---------------------------------------------------------------------------------------------


def test_findings_view_shows_the_chosen_findings_with_links(reg, demo_findings):
    from indicators.views.blocks import Download, PageLink, Text
    from indicators.views.findings import FindingsChoices, findings_view

    view = findings_view(demo_findings, reg, FindingsChoices(region="Limburg"), "en")
    texts = view.texts()
    assert texts[0] == "Findings"
    assert any("at most 5%" in t for t in texts)
    numbered = [b.text for b in view.walk() if isinstance(b, Text) and b.text.startswith("**")]
    assert numbered and all("Limburg" in t for t in numbered)
    links = [b for b in view.walk() if isinstance(b, PageLink)]
    assert len(links) == len(numbered)  # a way to the view that shows each
    assert {b.page for b in links} <= {"trends", "regions", "groups"}
    assert all(b.params["indicator"] for b in links)
    table = view.tables()[0]
    assert list(table["Rank"]) == sorted(table["Rank"])
    downloads = [b for b in view.walk() if isinstance(b, Download)]
    assert len(downloads) == 1 and b"rank" in downloads[0].data.split(b"\n")[0].lower()

    kind = findings_view(demo_findings, reg, FindingsChoices(kind="trend_break"), "nl")
    assert all("Breuk in de trend" in t for t in kind.texts() if t.startswith("**"))
    none = findings_view(demo_findings, reg, FindingsChoices(region="Nowhere"), "en")
    assert "No findings for this choice." in none.texts()


def test_the_line_of_the_other_years_is_compare_trend(reg):
    from indicators.analyses.compare import trend
    from indicators.analyses.findings import _line_without

    x = np.arange(2015, 2023, dtype=float)
    v = np.array([7.5, 7.6, 7.55, 6.9, 7.7, 7.75, 7.8, 7.9])
    s = np.array([0.05, 0.06, 0.05, 0.05, 0.04, 0.05, 0.06, 0.05])
    keep = np.arange(len(x)) != 3
    expected, var = _line_without(x, v, s, keep, 3)
    fit = trend(x[keep], v[keep], s[keep])
    assert expected == pytest.approx(fit.intercept + fit.slope * x[3])
    # the variance at the mean year is phi / sum(w); the slope's part phi (x - xm)^2 / Sxx
    w = 1 / s[keep] ** 2
    xm = (w * x[keep]).sum() / w.sum()
    phi = fit.se**2 * (w * (x[keep] - xm) ** 2).sum()
    assert var == pytest.approx(phi / w.sum() + fit.se**2 * (x[3] - xm) ** 2)


def test_flat_mean_sentence_says_the_average_stayed(planted_findings):
    bottom = planted_findings[
        (planted_findings["kind"] == "mean_vs_bottom") & (planted_findings["region"] == "C")
    ]
    assert any("stayed the same" in s for s in bottom["sentence"])
