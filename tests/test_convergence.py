"""Convergence (indicators/analyses/convergence.py): the Theil split, sigma and beta convergence,
and the ``convergence`` command."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from indicators import cli
from indicators.analyses import convergence as cv
from indicators.package_data import demo_file
from indicators.stats.measures import theil


def _people(n_regions=5, years=(2019, 2020, 2021), n=400, seed=1):
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(n_regions):
        for y in years:
            income = rng.lognormal(10 + 0.1 * r + 0.02 * (y - years[0]), 0.5, n)
            weight = rng.uniform(0.5, 2.0, n)
            rows.append(pd.DataFrame({"reg": f"R{r}", "yr": y, "inc": income, "w": weight}))
    return pd.concat(rows, ignore_index=True)


def _panel(beta_true, n_regions=40, span=10, seed=3, noise=0.0):
    """A panel whose growth is exactly (or with noise) alpha + beta x initial log level."""
    rng = np.random.default_rng(seed)
    start = np.exp(rng.uniform(9, 11, n_regions))
    growth = 0.05 + beta_true * np.log(start) + noise * rng.standard_normal(n_regions)
    end = start * np.exp(growth * span)
    names = [f"R{i:02d}" for i in range(n_regions)]
    return pd.DataFrame(
        {
            "region": names * 2,
            "year": [2010] * n_regions + [2010 + span] * n_regions,
            "value": np.concatenate([start, end]),
            "weight": 1.0,
        }
    )


@pytest.mark.parametrize("weighted", [False, True])
def test_theil_between_plus_within_is_the_total_every_year(weighted):
    df = _people()
    split = cv.theil_split_of(df, "inc", region="reg", year="yr", weight="w" if weighted else None)
    assert list(split["year"]) == [2019, 2020, 2021]
    np.testing.assert_allclose(split["between"] + split["within"], split["total"], rtol=1e-12)
    for year, row in split.set_index("year").iterrows():  # the total is Theil T of everyone
        part = df[df["yr"] == year]
        expected = theil(part["inc"].to_numpy(), part["w"].to_numpy() if weighted else None)
        assert row["total"] == pytest.approx(expected, rel=1e-10)
    assert (split["between"] > 0).all() and (split["within"] > split["between"]).all()


def test_theil_split_reads_the_results_table_parts():
    from indicators.dataset.mapping import suggest_mapping
    from indicators.dataset.prepare import prepare
    from indicators.registry.catalog import load_registry
    from indicators.results import compute

    reg = load_registry()
    df = pd.read_parquet(demo_file("people"))
    df = df[df["jaar"] >= 2022]
    prepared = prepare(df, suggest_mapping(df, reg), reg)
    results = compute(prepared, reg, indicators=["income_theil"])
    split = cv.theil_split(results)
    assert list(split["year"]) == [2022, 2023, 2024]
    np.testing.assert_allclose(split["between"] + split["within"], split["total"], rtol=1e-12)
    direct = cv.theil_split_of(df, "inkomen", region="provincie", year="jaar", weight="gewicht")
    np.testing.assert_allclose(split["between"], direct["between"], rtol=1e-10)


def test_theil_reading_names_where_and_how_it_moved():
    split = pd.DataFrame(
        {
            "year": [2014, 2023],
            "total": [0.2, 0.2],
            "between": [0.008, 0.012],
            "within": [0.192, 0.188],
            "share_between": [0.04, 0.06],
        }
    )
    assert cv.theil_reading(split, "inkomen", "nl") == (
        "Het grootste deel van de ongelijkheid in inkomen ligt binnen regio's; het deel tussen "
        "regio's groeide van 4% (2014) tot 6% (2023)."
    )
    flipped = split.assign(share_between=[0.7, 0.55])
    assert cv.theil_reading(flipped, "income", "en").startswith(
        "Most of the inequality of income lies between regions; the part between regions fell "
        "from 70% (2014) to 55% (2023)"
    )


def test_sigma_recovers_known_spreads():
    # two years; log values with a known population sd: ln x = mu +- s
    values = {2000: np.exp([1.0, 3.0]), 2001: np.exp([1.5, 2.5])}
    levels = pd.DataFrame(
        [
            {"region": r, "year": y, "value": v, "weight": 1.0}
            for y, vs in values.items()
            for r, v in zip("ab", vs, strict=True)
        ]
    )
    spread = cv.sigma(levels).set_index("year")
    assert spread.loc[2000, "sigma"] == pytest.approx(1.0)
    assert spread.loc[2001, "sigma"] == pytest.approx(0.5)
    x = np.exp([1.0, 3.0])
    assert spread.loc[2000, "cv"] == pytest.approx(x.std() / x.mean())
    assert cv.sigma_reading(spread.reset_index(), "en") == (
        "The spread between regions (standard deviation of the log) fell from 1.000 (2000) to "
        "0.500 (2001): the regions drew together (sigma convergence)."
    )


def test_sigma_weighted_by_population():
    levels = pd.DataFrame(
        {"region": list("abc"), "year": 1, "value": [1.0, 2.0, 4.0], "weight": [1.0, 2.0, 1.0]}
    )
    logs, w = np.log([1.0, 2.0, 4.0]), np.array([1.0, 2.0, 1.0])
    mu = np.average(logs, weights=w)
    expected = math.sqrt(np.average((logs - mu) ** 2, weights=w))  # divide by the weight sum
    assert cv.sigma(levels)["sigma"].iloc[0] == pytest.approx(expected)
    assert expected == pytest.approx(math.log(2) / math.sqrt(2))


@pytest.mark.parametrize(
    ("values", "weights", "expected"),
    [
        ([1, 2, 3, 4, 5], None, 5.0),  # one region per fifth
        ([5, 1, 4, 2, 3], None, 5.0),  # order does not matter
        (list(range(1, 11)), None, 9.5 / 1.5),  # two regions per fifth
        ([1, 2, 3, 4, 5, 6], None, (6 + 0.2 * 5) / 1.2 / ((1 + 0.2 * 2) / 1.2)),  # 1.2 regions
        ([1, 10], [4, 1], 10.0),  # the top fifth of the people live in the region of 10
    ],
)
def test_top_bottom_ratio_of_fifths(values, weights, expected):
    assert cv.top_bottom_ratio(values, weights) == pytest.approx(expected)


@pytest.mark.parametrize("beta_true", [-0.02, -0.005, 0.01])
def test_beta_recovers_a_known_slope_speed_and_half_life(beta_true):
    result = cv.beta_convergence(_panel(beta_true, span=10))
    assert result.beta == pytest.approx(beta_true, abs=1e-12)
    assert result.r2 == pytest.approx(1.0)
    speed = -math.log(1 + beta_true * 10) / 10
    assert result.speed == pytest.approx(speed)
    if speed > 0:
        assert result.half_life == pytest.approx(math.log(2) / speed)
    else:
        assert math.isnan(result.half_life)
    assert (result.first, result.last, result.n_regions) == (2010, 2020, 40)


def test_beta_equals_statsmodels_ols_and_numpy_least_squares():
    panel = _panel(-0.01, noise=0.002, seed=7)
    result = cv.beta_convergence(panel)
    start = panel[panel["year"] == 2010].set_index("region")["value"]
    end = panel[panel["year"] == 2020].set_index("region")["value"]
    y = (np.log(end) - np.log(start)).to_numpy() / 10
    x = np.log(start).to_numpy()
    fit = sm.OLS(y, sm.add_constant(x)).fit()
    assert result.beta == pytest.approx(fit.params[1], rel=1e-12)
    assert result.se == pytest.approx(fit.bse[1], rel=1e-12)
    assert result.r2 == pytest.approx(fit.rsquared, rel=1e-12)
    design = np.column_stack([np.ones_like(x), x])
    coef, *_ = np.linalg.lstsq(design, y, rcond=None)
    assert result.beta == pytest.approx(coef[1], rel=1e-10)
    assert result.alpha == pytest.approx(coef[0], rel=1e-10)
    resid = y - design @ coef
    sigma2 = resid @ resid / (len(y) - 2)
    se = math.sqrt(sigma2 * np.linalg.inv(design.T @ design)[1, 1])
    assert result.se == pytest.approx(se, rel=1e-10)
    assert result.beta < 0 and abs(result.beta / result.se) > 1.96
    reading = cv.beta_reading(result, "en")
    assert reading.startswith("Regions that started lower in 2010 grew faster up to 2020")
    assert "half of the gap closes in about" in reading


def test_beta_weighted_is_weighted_least_squares():
    panel = _panel(-0.01, noise=0.01, seed=8)
    rng = np.random.default_rng(0)
    pop = rng.uniform(1, 100, 40)
    panel["weight"] = np.concatenate([pop, pop * 2])
    result = cv.beta_convergence(panel, weighted=True)
    pts = result.points
    sqrt_w = np.sqrt(pop)
    design = np.column_stack([np.ones(40), pts["initial"]]) * sqrt_w[:, None]
    coef, *_ = np.linalg.lstsq(design, pts["growth"].to_numpy() * sqrt_w, rcond=None)
    assert result.beta == pytest.approx(coef[1], rel=1e-10)


def test_beta_needs_three_regions_and_leaves_out_non_positive():
    panel = _panel(-0.01, n_regions=4)
    panel.loc[0, "value"] = 0.0
    result = cv.beta_convergence(panel)
    assert (result.n_regions, result.n_excluded) == (3, 1)
    assert cv.beta_convergence(_panel(-0.01, n_regions=2)) is None
    assert "needs two years" in cv.beta_reading(None, "en")


def test_regional_levels_are_weighted_means_with_population():
    df = _people(n_regions=2, years=(2020,), n=50)
    levels = cv.regional_levels(df, "inc", region="reg", year="yr", weight="w")
    part = df[df["reg"] == "R1"]
    row = levels[levels["region"] == "R1"].iloc[0]
    assert row["value"] == pytest.approx(np.average(part["inc"], weights=part["w"]))
    assert row["weight"] == pytest.approx(part["w"].sum())
    unweighted = cv.regional_levels(df, "inc", region="reg", year="yr")
    assert (unweighted["weight"] == 1.0).all()


# ---- the command line -------------------------------------------------------------------------


def _write(df, tmp_path, name="panel.csv"):
    path = tmp_path / name
    df.to_csv(path, index=False)
    return str(path)


def test_cli_convergence_writes_the_tidy_table(tmp_path, capsys):
    panel = _panel(-0.01, noise=0.01, seed=7)
    mid = panel[panel["year"] == 2010].assign(year=2015)
    data = pd.concat([panel, mid]).rename(columns={"region": "gemeente", "year": "jaar"})
    path = _write(data, tmp_path)
    out = tmp_path / "out.csv"
    args = ["convergence", path, "--value", "value", "--region", "gemeente", "--year", "jaar"]
    assert cli.main([*args, "--out", str(out)]) == 0
    table = pd.read_csv(out)
    assert list(table.columns) == ["measure", "year", "value", "se"]
    assert list(table["measure"]) == ["sigma"] * 3 + ["cv"] * 3 + ["top_bottom_ratio"] * 3 + [
        "beta",
        "speed",
        "half_life",
        "r2",
    ]
    assert list(table["year"].iloc[:3]) == [2010, 2015, 2020]
    assert table.loc[table["measure"] != "beta", "se"].isna().all()
    levels = cv.regional_levels(
        data, "value", region="gemeente", year="jaar"
    )  # the same numbers as the core
    beta = cv.beta_convergence(levels)
    row = table[table["measure"] == "beta"].iloc[0]
    assert (row["value"], row["se"]) == (pytest.approx(beta.beta), pytest.approx(beta.se))
    assert np.isnan(row["year"])
    sigma = cv.sigma(levels)
    assert table["value"].iloc[:3].tolist() == pytest.approx(sigma["sigma"].tolist())
    # --from/--to narrow the years: beta over 2015-2020 only
    assert cli.main([*args, "--from", "2015", "--out", str(out)]) == 0
    narrowed = pd.read_csv(out)
    assert list(narrowed["year"].dropna().unique()) == [2015, 2020]


def test_cli_convergence_weighted_and_to_stdout(tmp_path, capsys):
    df = _people(n_regions=4, years=(2019, 2021), n=60)
    path = _write(df, tmp_path)
    args = ["convergence", path, "--value", "inc", "--region", "reg", "--year", "yr"]
    assert cli.main([*args, "--weight", "w"]) == 0
    weighted = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    assert cli.main(args) == 0
    plain = pd.read_csv(__import__("io").StringIO(capsys.readouterr().out))
    levels = cv.regional_levels(df, "inc", region="reg", year="yr", weight="w")
    expected = cv.sigma(levels)["sigma"].tolist()
    assert weighted[weighted["measure"] == "sigma"]["value"].tolist() == pytest.approx(expected)
    assert weighted["value"].iloc[0] != pytest.approx(plain["value"].iloc[0])


@pytest.mark.parametrize(
    ("extra", "lang", "says"),
    [
        (["--value", "nope"], "en", "nope"),
        (["--value", "nope"], "nl", "nope"),
        (["--value", "inc", "--from", "2030"], "en", "no years"),
        (["--value", "inc", "--from", "2030"], "nl", "geen jaren"),
    ],
)
def test_cli_convergence_errors_in_the_users_language(tmp_path, capsys, extra, lang, says):
    path = _write(_people(n_regions=3, years=(2019, 2020), n=20), tmp_path)
    code = cli.main(
        ["convergence", path, "--region", "reg", "--year", "yr", *extra, "--lang", lang]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert says in err
    assert err.startswith("fout: " if lang == "nl" else "error: ")
    assert "Traceback" not in err
