"""Build the bundled demo data. Everything it writes is SYNTHETIC: no real person is in it.

Run ``python data/make_demo.py`` (or ``make demo-data``) to rebuild, from a fixed seed, into
``indicators/data/`` (package data, beside the province layout ``provinces.csv`` it reads):

- ``demo_people_synthetic.parquet``: one row per (made-up) respondent, 12 provinces x 2014-2024,
  about 1,500 a province a year, with survey weights;
- ``demo_pilot_municipalities_synthetic.parquet``: one row per municipality and year, with a
  made-up trust-based assistance pilot in 11 of 60 municipalities from 2018.

The levels are calibrated, approximately, on published Dutch figures (see ``data/README.md``), and
the data carry the story of the report on purpose: a dip in 2020-2021, a national mean that
recovers while the lower educated fall behind, two provinces with the same mean life satisfaction
but different spreads, rural-urban differences, and a pilot that raises part-time work only.
Nothing here may be quoted as a fact about the Netherlands.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

SEED = 20210610
# The files ship inside the package (read with importlib.resources), so an install has them.
DATA_DIR = Path(__file__).resolve().parents[1] / "indicators" / "data"
PROVINCES_CSV = DATA_DIR / "provinces.csv"
PEOPLE_FILE = "demo_people_synthetic.parquet"
PILOT_FILE = "demo_pilot_municipalities_synthetic.parquet"
NOTICE = (
    "SYNTHETIC demo data made by data/make_demo.py; levels loosely calibrated on published "
    "CBS figures; not real observations, do not quote as facts."
)

YEARS = np.arange(2014, 2025)
N_PER_PROVINCE_YEAR = 1500
BEFORE = YEARS < 2020  # the reference period for fixed thresholds


def _by_year(values: tuple[float, ...]) -> dict[int, float]:
    """Tie one value to each year 2014-2024."""
    return dict(zip(YEARS.tolist(), values, strict=True))


GESLACHT = ("man", "vrouw")
LEEFTIJD = ("18-34", "35-49", "50-64", "65-74", "75+")
OPLEIDING = ("laag", "middelbaar", "hoog")
STEDELIJKHEID = (
    "zeer sterk stedelijk",
    "sterk stedelijk",
    "matig stedelijk",
    "weinig stedelijk",
    "niet stedelijk",
)
GELUK = (
    "zeer ongelukkig",
    "ongelukkig",
    "niet gelukkig/niet ongelukkig",
    "gelukkig",
    "zeer gelukkig",
)
GEZONDHEID = ("zeer slecht", "slecht", "gaat wel", "goed", "zeer goed")
WERKSTATUS = ("werkzaam", "werkloos", "arbeidsongeschikt", "gepensioneerd", "studerend", "overig")
JA_NEE = ("ja", "nee")

# The two provinces with (nearly) the same mean life satisfaction but different spreads.
SAME_MEAN_NARROW = "PV26"  # Utrecht: few low scores
SAME_MEAN_WIDE = "PV31"  # Limburg: more low and more top scores

# Per province: share of people in each urbanisation level (zeer sterk .. niet stedelijk),
# shift of the education latent, shift of log income, share of people 65+ relative to average.
PROVINCE_PROFILE = {
    "PV20": ((0.18, 0.12, 0.12, 0.25, 0.33), -0.05, -0.07, 0.01),
    "PV21": ((0.00, 0.12, 0.20, 0.30, 0.38), -0.15, -0.07, 0.02),
    "PV22": ((0.00, 0.08, 0.22, 0.32, 0.38), -0.18, -0.05, 0.04),
    "PV23": ((0.05, 0.20, 0.22, 0.25, 0.28), -0.08, -0.03, 0.01),
    "PV24": ((0.00, 0.40, 0.30, 0.15, 0.15), -0.12, -0.02, -0.04),
    "PV25": ((0.08, 0.22, 0.22, 0.25, 0.23), 0.00, 0.00, 0.01),
    "PV26": ((0.30, 0.27, 0.18, 0.15, 0.10), 0.30, 0.07, -0.03),
    "PV27": ((0.40, 0.24, 0.14, 0.12, 0.10), 0.18, 0.05, -0.02),
    "PV28": ((0.36, 0.30, 0.15, 0.11, 0.08), 0.02, 0.01, -0.01),
    "PV29": ((0.00, 0.10, 0.25, 0.30, 0.35), -0.20, -0.03, 0.05),
    "PV30": ((0.08, 0.28, 0.24, 0.22, 0.18), -0.02, 0.02, 0.00),
    "PV31": ((0.05, 0.30, 0.25, 0.22, 0.18), -0.12, -0.05, 0.05),
}

AGE_SHARES = np.array([0.27, 0.23, 0.26, 0.13, 0.11])
# Education shares in the population (laag, middelbaar, hoog) in 2014 and 2024.
EDU_2014 = np.array([0.33, 0.40, 0.27])
EDU_2024 = np.array([0.25, 0.38, 0.37])
# Survey response: higher educated and older people respond more often.
RESPONSE_EDU = np.array([0.34, 0.45, 0.58])
RESPONSE_AGE = np.array([0.80, 0.95, 1.05, 1.20, 1.00])

# Work status probabilities by age band (werkzaam .. overig).
WORK_BY_AGE = np.array(
    [
        [0.70, 0.05, 0.02, 0.00, 0.20, 0.03],
        [0.84, 0.04, 0.05, 0.00, 0.01, 0.06],
        [0.74, 0.04, 0.09, 0.05, 0.00, 0.08],
        [0.12, 0.00, 0.00, 0.83, 0.00, 0.05],
        [0.00, 0.00, 0.00, 0.97, 0.00, 0.03],
    ]
)
# Unemployment over time (relative), roughly following the CBS unemployment rate 2014-2024.
UNEMPLOYMENT_YEAR = _by_year((1.6, 1.5, 1.3, 1.1, 0.95, 0.85, 1.0, 0.95, 0.8, 0.85, 0.9))

# Target weighted median of standardised disposable income (euros per year, nominal).
INCOME_MEDIAN = _by_year(
    (29000, 29300, 29700, 30100, 30600, 31200, 31800, 32300, 32700, 33300, 33900)
)
INCOME_EDU = np.array([-0.24, 0.0, 0.30])
INCOME_WORK = np.array([0.15, -0.45, -0.35, -0.05, -0.55, -0.30])
INCOME_AGE = np.array([-0.10, 0.05, 0.10, 0.0, -0.08])
INCOME_SIGMA_URBAN = np.array([0.48, 0.41, 0.38, 0.36, 0.35])  # wider in very urban areas
# After 2020 the lower educated lose ground (log points, relative to everyone else).
LOW_EDU_INCOME_LAG = _by_year((0, 0, 0, 0, 0, 0, -0.03, -0.06, -0.08, -0.09, -0.10))

# Life satisfaction: year effects for everyone, and the extra loss of the lower educated.
LS_YEAR = _by_year((-0.04, -0.03, 0.0, 0.02, 0.03, 0.03, -0.15, -0.25, 0.0, 0.1, 0.17))
LS_LOW_EDU = _by_year((0, 0, 0, 0, 0, 0, -0.05, -0.12, -0.20, -0.22, -0.25))
LS_HEALTH = np.array([-2.6, -1.6, -0.7, 0.0, 0.35])
LS_WORK = np.array([0.0, -0.7, -0.4, 0.0, 0.0, -0.15])
LS_URBAN = np.array([-0.15, -0.06, 0.0, 0.04, 0.07])
LS_MEAN_TARGET = 7.85  # weighted mean before 2020


def read_provinces(path: Path | str = PROVINCES_CSV) -> pd.DataFrame:
    """Read the province codes, names and tile-grid positions."""
    return pd.read_csv(path, dtype={"code": str, "name": str, "row": int, "col": int})


def _choice(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """Draw one category index per row of a (rows x categories) probability matrix."""
    cum = np.cumsum(probs / probs.sum(axis=1, keepdims=True), axis=1)
    u = rng.random(len(probs))
    return np.minimum((u[:, None] > cum).sum(axis=1), probs.shape[1] - 1)


def _cut(latent: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Ordered categories 0..k from a latent value and k increasing thresholds."""
    return np.searchsorted(thresholds, latent, side="right")


def _weighted_quantiles(x: np.ndarray, w: np.ndarray, q: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="stable")
    cw = np.cumsum(w[order])
    return np.interp(np.asarray(q) * cw[-1], cw, x[order])


def _wmean(x: np.ndarray, w: np.ndarray) -> float:
    return float(np.sum(x * w) / np.sum(w))


def _calibrate_logit(base: np.ndarray, w: np.ndarray, ref: np.ndarray, target: float) -> float:
    """Find the intercept that gives a weighted mean probability ``target`` on ``ref`` rows."""
    lo, hi = -10.0, 10.0
    for _ in range(60):
        mid = (lo + hi) / 2
        p = 1 / (1 + np.exp(-(base[ref] + mid)))
        if _wmean(p, w[ref]) < target:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _to_labels(codes: np.ndarray, labels: tuple[str, ...]) -> np.ndarray:
    return np.asarray(labels, dtype=object)[codes]


def _score_0_10(latent: np.ndarray) -> np.ndarray:
    return np.clip(np.rint(latent), 0, 10).astype(np.int8)


def build_people(seed: int = SEED, provinces: pd.DataFrame | None = None) -> pd.DataFrame:
    """Build the synthetic respondent file: 12 provinces x 2014-2024, about 1,500 each."""
    rng = np.random.default_rng(seed)
    provinces = read_provinces() if provinces is None else provinces
    codes = provinces["code"].to_numpy()
    names = dict(zip(provinces["code"], provinces["name"], strict=True))
    n_prov, n_year = len(codes), len(YEARS)

    # Sample sizes per province-year, and 3x as many candidates to draw respondents from.
    sizes = N_PER_PROVINCE_YEAR + rng.integers(-60, 61, size=(n_prov, n_year))
    cand_p = np.repeat(np.repeat(np.arange(n_prov), n_year), 3 * sizes.ravel())
    cand_y = np.repeat(np.tile(np.arange(n_year), n_prov), 3 * sizes.ravel())
    n_cand = len(cand_p)
    t = cand_y / (n_year - 1)  # 0 in 2014, 1 in 2024

    profile = [PROVINCE_PROFILE[c] for c in codes]
    urban_p = np.array([p[0] for p in profile])
    edu_shift = np.array([p[1] for p in profile])
    inc_shift = np.array([p[2] for p in profile])
    old_shift = np.array([p[3] for p in profile])

    # Age: older provinces have more people 65+ (taken from the 18-34 band).
    age_p = np.tile(AGE_SHARES, (n_cand, 1))
    aging = old_shift[cand_p] + 0.02 * t
    age_p[:, 3] += aging / 2
    age_p[:, 4] += aging / 2
    age_p[:, 0] -= aging
    age = _choice(rng, age_p)
    sex = (rng.random(n_cand) < 0.505).astype(np.int8)
    urban = _choice(rng, urban_p[cand_p])

    # Education: ordered probit; older people and rural areas lower, shares shift over time.
    ty = (YEARS - YEARS[0]) / (YEARS[-1] - YEARS[0])
    edu_shares = EDU_2014[None, :] * (1 - ty[:, None]) + EDU_2024[None, :] * ty[:, None]
    inv = NormalDist().inv_cdf
    cut1 = np.array([inv(s) for s in edu_shares[:, 0]])[cand_y]
    cut2 = np.array([inv(s) for s in edu_shares[:, :2].sum(axis=1)])[cand_y]
    age_edu = np.array([0.15, 0.15, -0.05, -0.2, -0.45])[age]
    urban_edu = np.array([0.2, 0.05, 0.0, -0.05, -0.12])[urban]
    z = rng.standard_normal(n_cand) + edu_shift[cand_p] + age_edu + urban_edu
    edu = (z > cut1).astype(np.int8) + (z > cut2).astype(np.int8)

    # Response: keep the first n responding candidates per province-year.
    responds = rng.random(n_cand) < RESPONSE_EDU[edu] * RESPONSE_AGE[age]
    cell = cand_p * n_year + cand_y
    rank = _rank_within(cell, responds)
    keep = responds & (rank < sizes.ravel()[cell])
    p_i, y_i, cell = cand_p[keep], cand_y[keep], cell[keep]
    age, sex, urban, edu = age[keep], sex[keep], urban[keep], edu[keep]
    year = YEARS[y_i]
    n = len(p_i)
    after = year >= 2020
    low = edu == 0

    # Weights: inverse response propensity with some noise, mean 1 in each province-year.
    w = rng.lognormal(0.0, 0.25, n) / (RESPONSE_EDU[edu] * RESPONSE_AGE[age])
    w = w / (np.bincount(cell, weights=w) / np.bincount(cell))[cell]

    # Work status.
    work_p = WORK_BY_AGE[age].copy()
    jobless = np.array([UNEMPLOYMENT_YEAR[y] for y in YEARS])[y_i]
    jobless = jobless * np.array([1.8, 1.0, 0.6])[edu] * np.where(low & after, 1.3, 1.0)
    work_p[:, 1] *= jobless
    work_p[:, 2] *= np.array([1.8, 1.0, 0.5])[edu]
    work_p[:, 4] *= np.array([0.6, 1.0, 1.3])[edu]
    work = _choice(rng, work_p)

    # Income: lognormal, spread widest in very urban areas; median per year set to the target.
    low_lag = np.array([LOW_EDU_INCOME_LAG[y] for y in YEARS])[y_i] * low
    log_inc = (
        INCOME_EDU[edu]
        + INCOME_WORK[work]
        + INCOME_AGE[age]
        + inc_shift[p_i]
        + low_lag
        + INCOME_SIGMA_URBAN[urban] * rng.standard_normal(n)
    )
    for k, y in enumerate(YEARS):
        m = y_i == k
        log_inc[m] += np.log(INCOME_MEDIAN[y]) - _weighted_quantiles(log_inc[m], w[m], 0.5)
    income = np.exp(log_inc)
    very_low = rng.random(n) < 0.003
    income[very_low] = rng.uniform(0, 3000, very_low.sum())
    income[very_low & (rng.random(n) < 0.25)] = 0.0
    income = np.round(income)
    median_y = np.array([INCOME_MEDIAN[y] for y in YEARS])[y_i]
    rel_inc = np.log(np.maximum(income, 1000) / median_y)
    bottom = np.zeros(n, dtype=bool)
    for k in range(n_year):
        m = y_i == k
        bottom[m] = income[m] < _weighted_quantiles(income[m], w[m], 0.2)

    # Self-rated health: ordered, worse with age, better with education and income.
    h = (
        np.array([0.45, 0.25, 0.0, -0.2, -0.55])[age]
        + np.array([-0.25, 0.0, 0.2])[edu]
        + 0.25 * rel_inc
        + np.array([0.0, -0.3, -1.4, 0.0, 0.1, -0.3])[work]
        - 0.05 * (year == 2021)
        - 0.10 * (low & after)
        + rng.standard_normal(n)
    )
    h_cuts = _weighted_quantiles(
        h[BEFORE[y_i]], w[BEFORE[y_i]], np.cumsum([0.01, 0.04, 0.18, 0.54])
    )
    health = _cut(h, h_cuts)

    # Loneliness: logistic, higher for the old, the unhealthy, the poor, in 2020-2021.
    year_lonely = _by_year((0, 0, 0, 0, 0, 0, 0.12, 0.20, 0.10, 0.06, 0.05))
    eta = (
        np.array([0.0, -0.2, -0.1, 0.0, 0.6])[age]
        + 0.25 * (age == 0) * np.isin(year, (2020, 2021))
        + np.array([1.6, 1.1, 0.45, 0.0, -0.2])[health]
        + 0.4 * bottom
        + np.array([0.0, 0.5, 0.3, 0.0, 0.0, 0.2])[work]
        + np.array([year_lonely[y] for y in YEARS])[y_i]
        + 0.15 * (low & after)
    )
    eta += _calibrate_logit(eta, w, BEFORE[y_i], 0.105)
    lonely = rng.random(n) < 1 / (1 + np.exp(-eta))

    # Trust in other people (0-10).
    trust_year = _by_year((0, 0, 0.02, 0.03, 0.03, 0.03, 0.12, -0.05, -0.1, -0.12, -0.1))
    trust = _score_0_10(
        6.45
        + np.array([-0.5, 0.0, 0.6])[edu]
        + 0.3 * rel_inc
        + np.array([-0.4, -0.2, 0.0, 0.1, 0.3])[health]
        + np.array([-0.15, -0.05, 0.0, 0.1, 0.15])[urban]
        + np.array([trust_year[y] for y in YEARS])[y_i]
        + 1.55 * rng.standard_normal(n)
    )

    # Feeling unsafe in one's own neighbourhood: much more in very urban areas.
    eta = (
        np.array([0.7, 0.35, 0.0, -0.45, -0.75])[urban]
        + 0.55 * sex
        + np.array([0.25, 0.0, 0.0, 0.05, 0.2])[age]
        + 0.25 * bottom
        - 0.025 * (year - 2014)
    )
    eta += _calibrate_logit(eta, w, np.ones(n, dtype=bool), 0.17)
    unsafe = rng.random(n) < 1 / (1 + np.exp(-eta))

    # Satisfaction with the living environment (0-10): higher in rural areas.
    environment = _score_0_10(
        7.75
        + np.array([-0.45, -0.15, 0.05, 0.25, 0.4])[urban]
        - 0.9 * unsafe
        + 0.2 * rel_inc
        + np.array([-0.1, 0.0, 0.05, 0.2, 0.2])[age]
        + 1.05 * rng.standard_normal(n)
    )

    # Housing costs as % of disposable income: a lower share for higher incomes.
    cost = 0.27 * median_y * (np.maximum(income, 1) / median_y) ** 0.42 * rng.lognormal(0, 0.28, n)
    housing = np.where(income >= 3000, np.round(100 * cost / np.maximum(income, 1), 1), np.nan)

    # Life satisfaction (0-10): a latent score with a heavier left tail, rounded.
    p_code = codes[p_i]
    scale = np.where(p_code == SAME_MEAN_WIDE, 1.35, np.where(p_code == SAME_MEAN_NARROW, 0.7, 1.0))
    tail_p = np.where(
        p_code == SAME_MEAN_WIDE, 0.06, np.where(p_code == SAME_MEAN_NARROW, 0.005, 0.045)
    )
    tail = (rng.random(n) < tail_p) * rng.gamma(2.0, 1.0, n)
    ls_latent = (
        0.35 * rel_inc
        + LS_HEALTH[health]
        - 0.9 * lonely
        + LS_WORK[work]
        + 0.08 * (trust - 6.5)
        + np.array([LS_YEAR[y] for y in YEARS])[y_i]
        + np.array([LS_LOW_EDU[y] for y in YEARS])[y_i] * low
        + LS_URBAN[urban]
        + scale * rng.standard_normal(n)
        - tail
    )
    ref = BEFORE[y_i]
    shift = LS_MEAN_TARGET - _wmean(ls_latent[ref], w[ref])
    for _ in range(4):
        ls = _score_0_10(ls_latent + shift)
        shift += LS_MEAN_TARGET - _wmean(ls[ref], w[ref])
    ls_latent += shift
    # The two provinces: move both, year by year, to the same weighted mean.
    # A small offset (within +-0.04) keeps them from looking identical.
    pair = np.isin(p_code, (SAME_MEAN_NARROW, SAME_MEAN_WIDE))
    offsets = rng.uniform(-0.02, 0.02, n_year)
    for k in range(n_year):
        target = _wmean(_score_0_10(ls_latent)[pair & (y_i == k)], w[pair & (y_i == k)])
        for code, sign in ((SAME_MEAN_NARROW, 1), (SAME_MEAN_WIDE, -1)):
            m = (p_code == code) & (y_i == k)
            for _ in range(6):
                goal = target + sign * offsets[k]
                ls_latent[m] += goal - _wmean(_score_0_10(ls_latent[m]), w[m])
    ls = _score_0_10(ls_latent)

    # Happiness: driven by the same latent as life satisfaction, fixed thresholds.
    g = 0.75 * (ls_latent - LS_MEAN_TARGET) + 0.65 * rng.standard_normal(n)
    g_cuts = _weighted_quantiles(g[ref], w[ref], np.cumsum([0.006, 0.022, 0.097, 0.68]))
    happy = _cut(g, g_cuts)

    df = pd.DataFrame(
        {
            "provincie_code": p_code,
            "provincie": [names[c] for c in p_code],
            "jaar": year.astype(np.int64),
            "gewicht": np.round(w, 4),
            "geslacht": _to_labels(sex, GESLACHT),
            "leeftijd": _to_labels(age, LEEFTIJD),
            "opleiding": _to_labels(edu, OPLEIDING),
            "stedelijkheid": _to_labels(urban, STEDELIJKHEID),
            "levenstevredenheid": pd.array(ls, dtype="Int8"),
            "geluk": _to_labels(happy, GELUK),
            "inkomen": income,
            "ervaren_gezondheid": _to_labels(health, GEZONDHEID),
            "eenzaam": _to_labels((~lonely).astype(int), JA_NEE),
            "vertrouwen": pd.array(trust, dtype="Int8"),
            "onveilig": _to_labels((~unsafe).astype(int), JA_NEE),
            "werkstatus": _to_labels(work, WERKSTATUS),
            "woonquote": housing,
            "tevredenheid_woonomgeving": pd.array(environment, dtype="Int8"),
        }
    )
    # A few item non-responses, as in real survey files.
    for col, rate in {
        "levenstevredenheid": 0.003,
        "geluk": 0.004,
        "inkomen": 0.002,
        "ervaren_gezondheid": 0.002,
        "eenzaam": 0.003,
        "vertrouwen": 0.005,
        "onveilig": 0.002,
        "woonquote": 0.003,
        "tevredenheid_woonomgeving": 0.003,
    }.items():
        df.loc[rng.random(n) < rate, col] = pd.NA if df[col].dtype == "Int8" else None
    df.loc[df["inkomen"].isna(), "woonquote"] = np.nan
    return _tidy_dtypes(df)


def _tidy_dtypes(df: pd.DataFrame) -> pd.DataFrame:
    """Plain strings for text, float64 for money and shares, nullable Int8 for 0-10 scores."""
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].astype("str")
            out.loc[df[col].isna(), col] = np.nan
    for col in ("gewicht", "inkomen", "woonquote"):
        out[col] = out[col].astype("float64")
    return out.reset_index(drop=True)


def _rank_within(cell: np.ndarray, flag: np.ndarray) -> np.ndarray:
    """Running count of ``flag`` within each (contiguous) cell, starting at 0."""
    csum = np.cumsum(flag)
    starts = np.r_[0, np.flatnonzero(np.diff(cell)) + 1]
    before = np.repeat(np.r_[0, csum[starts[1:] - 1]], np.diff(np.r_[starts, len(cell)]))
    return csum - before - 1


# Municipalities: CBS code, name, province, population in 2020 (approximate), pilot or not.
# The pilot group carries the names of the eleven municipalities that ran the real
# "experimenten Participatiewet" (trust-based assistance); every number here is made up.
MUNICIPALITIES = (
    ("GM0363", "Amsterdam", "Noord-Holland", 872_000, True),
    ("GM0200", "Apeldoorn", "Gelderland", 163_000, True),
    ("GM0150", "Deventer", "Overijssel", 100_500, True),
    ("GM0232", "Epe", "Gelderland", 33_000, True),
    ("GM0014", "Groningen", "Groningen", 232_000, True),
    ("GM0268", "Nijmegen", "Gelderland", 177_000, True),
    ("GM0828", "Oss", "Noord-Brabant", 92_000, True),
    ("GM0855", "Tilburg", "Noord-Brabant", 220_000, True),
    ("GM0344", "Utrecht", "Utrecht", 358_000, True),
    ("GM0289", "Wageningen", "Gelderland", 39_000, True),
    ("GM0355", "Zeist", "Utrecht", 65_000, True),
    ("GM0599", "Rotterdam", "Zuid-Holland", 651_000, False),
    ("GM0518", "'s-Gravenhage", "Zuid-Holland", 545_000, False),
    ("GM0772", "Eindhoven", "Noord-Brabant", 234_000, False),
    ("GM0034", "Almere", "Flevoland", 211_000, False),
    ("GM0758", "Breda", "Noord-Brabant", 184_000, False),
    ("GM0202", "Arnhem", "Gelderland", 162_000, False),
    ("GM0392", "Haarlem", "Noord-Holland", 162_000, False),
    ("GM0153", "Enschede", "Overijssel", 159_000, False),
    ("GM0307", "Amersfoort", "Utrecht", 157_000, False),
    ("GM0479", "Zaanstad", "Noord-Holland", 156_000, False),
    ("GM0796", "'s-Hertogenbosch", "Noord-Brabant", 155_000, False),
    ("GM0193", "Zwolle", "Overijssel", 129_000, False),
    ("GM0546", "Leiden", "Zuid-Holland", 125_000, False),
    ("GM0637", "Zoetermeer", "Zuid-Holland", 125_000, False),
    ("GM0080", "Leeuwarden", "Fryslân", 124_000, False),
    ("GM0935", "Maastricht", "Limburg", 121_000, False),
    ("GM0505", "Dordrecht", "Zuid-Holland", 119_000, False),
    ("GM0228", "Ede", "Gelderland", 118_000, False),
    ("GM0361", "Alkmaar", "Noord-Holland", 109_000, False),
    ("GM0114", "Emmen", "Drenthe", 107_000, False),
    ("GM0503", "Delft", "Zuid-Holland", 103_000, False),
    ("GM0983", "Venlo", "Limburg", 101_000, False),
    ("GM0794", "Helmond", "Noord-Brabant", 92_000, False),
    ("GM0402", "Hilversum", "Noord-Holland", 90_000, False),
    ("GM0917", "Heerlen", "Limburg", 87_000, False),
    ("GM0164", "Hengelo", "Overijssel", 81_000, False),
    ("GM0995", "Lelystad", "Flevoland", 79_000, False),
    ("GM0606", "Schiedam", "Zuid-Holland", 79_000, False),
    ("GM1674", "Roosendaal", "Noord-Brabant", 77_000, False),
    ("GM0622", "Vlaardingen", "Zuid-Holland", 74_000, False),
    ("GM0141", "Almelo", "Overijssel", 73_000, False),
    ("GM0513", "Gouda", "Zuid-Holland", 73_000, False),
    ("GM0405", "Hoorn", "Noord-Holland", 73_000, False),
    ("GM0106", "Assen", "Drenthe", 68_000, False),
    ("GM0345", "Veenendaal", "Utrecht", 66_000, False),
    ("GM0356", "Nieuwegein", "Utrecht", 63_000, False),
    ("GM0957", "Roermond", "Limburg", 58_000, False),
    ("GM0222", "Doetinchem", "Gelderland", 58_000, False),
    ("GM0090", "Smallingerland", "Fryslân", 56_000, False),
    ("GM0118", "Hoogeveen", "Drenthe", 55_000, False),
    ("GM0715", "Terneuzen", "Zeeland", 54_000, False),
    ("GM0074", "Heerenveen", "Fryslân", 50_000, False),
    ("GM0687", "Middelburg", "Zeeland", 49_000, False),
    ("GM0301", "Zutphen", "Gelderland", 48_000, False),
    ("GM0243", "Harderwijk", "Gelderland", 48_000, False),
    ("GM0718", "Vlissingen", "Zeeland", 45_000, False),
    ("GM0928", "Kerkrade", "Limburg", 45_000, False),
    ("GM0119", "Meppel", "Drenthe", 34_000, False),
    ("GM0037", "Stadskanaal", "Groningen", 32_000, False),
)
PILOT_START = 2018
# Effect of the pilot on the share in part-time work (percentage points), by year since start.
PILOT_EFFECT_PART_TIME = {0: 1.3, 1: 2.0}  # and 2.0 thereafter; none on full-time work
BENEFIT_YEAR = _by_year((0.96, 1.00, 1.03, 1.04, 1.01, 0.97, 0.99, 0.95, 0.91, 0.90, 0.91))
PART_TIME_YEAR = _by_year((-0.5, -0.4, -0.3, -0.2, 0.0, 0.1, -0.6, -0.3, 0.2, 0.3, 0.3))
FULL_TIME_YEAR = _by_year((-0.4, -0.3, -0.2, 0.0, 0.2, 0.3, -0.3, -0.1, 0.3, 0.3, 0.2))


def build_pilot(seed: int = SEED) -> pd.DataFrame:
    """Build the synthetic municipal panel: 60 municipalities x 2014-2024, 11 with a pilot."""
    rng = np.random.default_rng(seed + 1)
    rows = []
    for code, name, province, pop2020, pilot in MUNICIPALITIES:
        growth = rng.uniform(0.002, 0.011) if pop2020 > 90_000 else rng.uniform(-0.003, 0.006)
        size = np.log10(pop2020 / 30_000)
        benefit_rate = 0.017 + 0.012 * size + rng.normal(0, 0.003)
        base_part = 6.4 - 0.5 * size + rng.normal(0, 0.7)
        base_full = 3.2 - 0.2 * size + rng.normal(0, 0.4)
        for y in YEARS:
            pop = round(pop2020 * (1 + growth) ** (y - 2020))
            benefits = round(pop * benefit_rate * BENEFIT_YEAR[y] * rng.lognormal(0, 0.02))
            noise = 100 * np.sqrt(0.06 * 0.94 / benefits)  # sampling-like noise, larger if small
            effect = 0.0
            if pilot and y >= PILOT_START:
                effect = PILOT_EFFECT_PART_TIME.get(y - PILOT_START, 2.0)
            part = base_part + PART_TIME_YEAR[y] + effect + rng.normal(0, 0.25 + noise)
            full = base_full + FULL_TIME_YEAR[y] + rng.normal(0, 0.15 + noise / 2)
            rows.append(
                (code, name, province, int(y), pop, "ja" if pilot else "nee",
                 PILOT_START if pilot else None, round(part, 2), round(full, 2), benefits)
            )  # fmt: skip
    df = pd.DataFrame(
        rows,
        columns=[
            "gemeente_code",
            "gemeente",
            "provincie",
            "jaar",
            "inwoners",
            "pilot",
            "pilot_start",
            "aandeel_deeltijdwerk",
            "aandeel_voltijdwerk",
            "bijstandsontvangers",
        ],
    )
    df = df.astype(
        {
            "gemeente_code": "str",
            "gemeente": "str",
            "provincie": "str",
            "jaar": "int64",
            "inwoners": "int64",
            "pilot": "str",
            "pilot_start": "Int64",
            "aandeel_deeltijdwerk": "float64",
            "aandeel_voltijdwerk": "float64",
            "bijstandsontvangers": "int64",
        }
    )
    return df.sort_values(["gemeente_code", "jaar"], ignore_index=True)


def write_parquet(df: pd.DataFrame, path: Path | str) -> None:
    """Write a frame as zstd Parquet, with a file-level note that the data are synthetic."""
    table = pa.Table.from_pandas(df, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"synthetic"] = b"true"
    meta[b"description"] = NOTICE.encode()
    pq.write_table(table.replace_schema_metadata(meta), path, compression="zstd")


def main(out_dir: Path | str = DATA_DIR, seed: int = SEED) -> dict[str, Path]:
    """Build both demo files into ``out_dir`` and return their paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"people": out_dir / PEOPLE_FILE, "pilot": out_dir / PILOT_FILE}
    write_parquet(build_people(seed), paths["people"])
    write_parquet(build_pilot(seed), paths["pilot"])
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out-dir", default=str(DATA_DIR), help="where to write (default: indicators/data/)"
    )
    parser.add_argument("--seed", type=int, default=SEED, help=f"random seed (default {SEED})")
    args = parser.parse_args()
    for path in main(args.out_dir, args.seed).values():
        print(f"wrote {path} ({path.stat().st_size / 1e6:.2f} MB)")
