"""Whether regions draw together: the Theil split between and within regions, sigma and beta
convergence, with a reading of each in Dutch and English.

- **Theil decomposition**: Theil T of all people together = between regions + within regions
  (on the results table's Total rows, :func:`indicators.results.measure_table`).
- **Sigma convergence**: the spread of the regional values per year: the standard deviation of
  their log, the coefficient of variation (sd / mean), both population-weighted when a weight
  is given (weighted population sd, dividing by the weight sum, as everywhere in the project),
  and the ratio of the mean of the top fifth of regions to the mean of the bottom fifth (the
  OECD's top-to-bottom 20% ratio; with weights, the fifths are fifths of the population).
- **Beta convergence**: the mean annual log growth between a first and a last year regressed on
  the first year's log level by least squares (statsmodels; weighted least squares by the first
  year's population when a weight is given). A negative beta means that regions that started
  lower grew faster; the implied speed of convergence is ``-ln(1 + beta T) / T`` a year and the
  half-life ``ln 2 / speed`` years (Barro and Sala-i-Martin 1992).

Values of 0 or less have no log: they are left out of the log measures and counted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.registry.catalog import format_number
from indicators.results import TOTAL
from indicators.text import text

FIFTH = 0.2
SIGNIFICANT_Z = 1.96
REGION, YEAR, VALUE, WEIGHT = "region", "year", "value", "weight"


# ---- the regional panel -----------------------------------------------------------------------


def regional_levels(
    frame: pd.DataFrame,
    value: str,
    *,
    region: str,
    year: str,
    weight: str | None = None,
) -> pd.DataFrame:
    """Return one value per region and year: the (weighted) mean of ``value``, and its weight.

    On microdata the mean of the people in a region (weighted by ``weight``) and the sum of their
    weights (the region's population); on aggregates (one row per region and year) the value
    itself and its population. Without ``weight`` every region weighs 1. Rows with a missing
    value or weight are left out.

    >>> df = pd.DataFrame({"r": ["a", "a", "b"], "y": [1, 1, 1], "x": [1.0, 3.0, 5.0],
    ...                    "w": [1.0, 3.0, 2.0]})
    >>> regional_levels(df, "x", region="r", year="y", weight="w").to_dict("list")
    {'region': ['a', 'b'], 'year': [1, 1], 'value': [2.5, 5.0], 'weight': [4.0, 2.0]}
    """
    x = pd.to_numeric(frame[value], errors="coerce").astype(float)
    w = (
        pd.Series(1.0, index=frame.index)
        if weight is None
        else pd.to_numeric(frame[weight], errors="coerce").astype(float)
    )
    keep = x.notna() & w.notna()
    work = pd.DataFrame(
        {REGION: frame[region][keep], YEAR: frame[year][keep], "wx": (w * x)[keep], "w": w[keep]}
    )
    grouped = work.groupby([REGION, YEAR], sort=True, observed=True)[["wx", "w"]].sum()
    out = grouped.reset_index()
    with np.errstate(invalid="ignore", divide="ignore"):
        out[VALUE] = out["wx"] / out["w"]
    out[WEIGHT] = out["w"] if weight is not None else 1.0
    return out[[REGION, YEAR, VALUE, WEIGHT]]


def levels_from_results(results: pd.DataFrame, indicator: str, *, weighted: bool) -> pd.DataFrame:
    """Return the regional panel of one indicator of the results table (regions, not Total),
    weighted by each region's weight sum (its population) when ``weighted``."""
    rows = results[
        (results["indicator"] == indicator)
        & (results["region"] != TOTAL)
        & (results.get("part", "total") == "total")
        & (results.get("breakdown", "").fillna("") == "")
    ]
    out = pd.DataFrame(
        {
            REGION: rows["region"].to_numpy(),
            YEAR: rows["year"].to_numpy() if "year" in rows else 0,
            VALUE: pd.to_numeric(rows["value"], errors="coerce").to_numpy(dtype=float),
            WEIGHT: rows["weight_sum"].to_numpy(dtype=float) if weighted else 1.0,
        }
    )
    return out[out[VALUE].notna()].reset_index(drop=True)


# ---- sigma convergence ------------------------------------------------------------------------


def _weighted_sd(x: np.ndarray, w: np.ndarray) -> float:
    mu = np.sum(w * x) / np.sum(w)
    return float(np.sqrt(np.sum(w * (x - mu) ** 2) / np.sum(w)))


def top_bottom_ratio(values, weights=None) -> float:
    """Return the mean of the top fifth of regions over the mean of the bottom fifth.

    The fifths are fifths of the regions (with ``weights``: of the population); a region on the
    boundary of a fifth counts with the part of it that falls inside.

    >>> top_bottom_ratio([1.0, 2.0, 3.0, 4.0, 5.0])
    5.0
    >>> round(top_bottom_ratio([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]), 4)
    6.3333
    """
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    keep = np.isfinite(x) & np.isfinite(w) & (w > 0)
    x, w = x[keep], w[keep]
    if len(x) < 2:
        return math.nan
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order] / w.sum()

    def fifth_mean(xs, ws):
        before = np.concatenate([[0.0], np.cumsum(ws)[:-1]])
        part = np.clip(FIFTH - before, 0.0, ws)  # how much of each region lies in the fifth
        return float(np.sum(part * xs) / np.sum(part))

    bottom, top = fifth_mean(x, w), fifth_mean(x[::-1], w[::-1])
    return top / bottom if bottom != 0 else math.nan


def sigma(levels: pd.DataFrame) -> pd.DataFrame:
    """Return the spread between regions per year.

    ``levels`` has columns region, year, value, weight (:func:`regional_levels`). Returns
    year, ``sigma`` (sd of the log value), ``cv`` (sd / mean), ``top_bottom_ratio``,
    ``n_regions`` and ``n_excluded`` (regions with a value of 0 or less, left out of sigma).

    >>> lv = pd.DataFrame({"region": list("abcde"), "year": 1, "value": [1.0, 2, 3, 4, 5],
    ...                    "weight": 1.0})
    >>> s = sigma(lv).iloc[0]
    >>> float(round(s["cv"], 4)), float(s["top_bottom_ratio"]), int(s["n_regions"])
    (0.4714, 5.0, 5)
    """
    rows = []
    for year, part in levels.groupby(YEAR, sort=True):
        x = part[VALUE].to_numpy(dtype=float)
        w = part[WEIGHT].to_numpy(dtype=float)
        pos = x > 0
        log_sd = _weighted_sd(np.log(x[pos]), w[pos]) if pos.sum() >= 2 else math.nan
        mean = np.sum(w * x) / np.sum(w)
        cv = _weighted_sd(x, w) / mean if len(x) >= 2 and mean != 0 else math.nan
        rows.append(
            {
                YEAR: year,
                "sigma": log_sd,
                "cv": cv,
                "top_bottom_ratio": top_bottom_ratio(x, w),
                "n_regions": len(x),
                "n_excluded": int((~pos).sum()),
            }
        )
    return pd.DataFrame(
        rows, columns=[YEAR, "sigma", "cv", "top_bottom_ratio", "n_regions", "n_excluded"]
    )


# ---- beta convergence -------------------------------------------------------------------------


@dataclass(frozen=True)
class Beta:
    """The beta convergence regression: growth = alpha + beta x initial log level."""

    beta: float
    se: float
    alpha: float
    speed: float  # -ln(1 + beta T) / T, a year
    half_life: float  # ln 2 / speed, in years
    r2: float
    first: object  # the first and last year
    last: object
    n_regions: int
    n_excluded: int  # regions without a positive value in both years
    points: pd.DataFrame  # region, initial (log level), growth (mean annual log growth), weight

    @property
    def span(self) -> float:
        return float(self.last) - float(self.first)


def growth_table(
    levels: pd.DataFrame, first=None, last=None
) -> tuple[pd.DataFrame, object, object]:
    """Return per region the log level in the first year and the mean annual log growth to the
    last year (the first and last years of ``levels`` by default), and the two years."""
    years = sorted(levels[YEAR].unique())
    first = years[0] if first is None else first
    last = years[-1] if last is None else last
    start = levels[levels[YEAR] == first].set_index(REGION)
    end = levels[levels[YEAR] == last].set_index(REGION)
    both = start[[VALUE, WEIGHT]].join(end[[VALUE]].add_suffix("_end"), how="inner")
    span = float(last) - float(first)
    both = both[(both[VALUE] > 0) & (both[f"{VALUE}_end"] > 0)]
    out = pd.DataFrame(
        {
            REGION: both.index.to_numpy(),
            "initial": np.log(both[VALUE].to_numpy(dtype=float)),
            "growth": (np.log(both[f"{VALUE}_end"].to_numpy(dtype=float)) - np.log(both[VALUE]))
            / span,
            WEIGHT: both[WEIGHT].to_numpy(dtype=float),
        }
    )
    return out.reset_index(drop=True), first, last


def beta_convergence(levels: pd.DataFrame, first=None, last=None, *, weighted: bool = False):
    """Return the beta convergence regression (:class:`Beta`), or None with fewer than three
    regions or fewer than two years.

    Ordinary least squares of the mean annual log growth on the initial log level
    (statsmodels ``OLS``); weighted least squares by the first year's weight when ``weighted``.
    The standard error is the classical one (homoskedastic).
    """
    import statsmodels.api as sm

    if levels.empty or levels[YEAR].nunique() < 2:
        return None
    points, first, last = growth_table(levels, first, last)
    span = float(last) - float(first)
    n_all = int((levels[YEAR] == first).sum())
    if len(points) < 3 or span <= 0:
        return None
    exog = sm.add_constant(points["initial"].to_numpy(), has_constant="add")
    endog = points["growth"].to_numpy()
    model = (
        sm.WLS(endog, exog, weights=points[WEIGHT].to_numpy()) if weighted else sm.OLS(endog, exog)
    )
    fit = model.fit()
    with np.errstate(invalid="ignore", divide="ignore"):  # no spread in growth: r2 undefined
        r2 = float(fit.rsquared)
    alpha, beta = (float(v) for v in fit.params)
    se = float(fit.bse[1])
    inside = 1.0 + beta * span
    speed = -math.log(inside) / span if inside > 0 else math.nan
    half_life = math.log(2.0) / speed if speed > 0 else math.nan
    return Beta(
        beta=beta,
        se=se,
        alpha=alpha,
        speed=speed,
        half_life=half_life,
        r2=r2,
        first=first,
        last=last,
        n_regions=len(points),
        n_excluded=n_all - len(points),
        points=points,
    )


# ---- the Theil decomposition ------------------------------------------------------------------


def theil_split(results: pd.DataFrame, indicator: str | None = None) -> pd.DataFrame:
    """Return the Theil decomposition by year from the results table's Total rows.

    Columns year, ``total``, ``between``, ``within`` and ``share_between`` (between / total).
    ``indicator`` picks one Theil indicator when the table holds several.
    """
    rows = results[(results["region"] == TOTAL) & (results["measure"] == "theil")]
    if "breakdown" in rows:
        rows = rows[rows["breakdown"].fillna("") == ""]
    if indicator is not None and "indicator" in rows:
        rows = rows[rows["indicator"] == indicator]
    if rows.empty:
        return pd.DataFrame(columns=[YEAR, "total", "between", "within", "share_between"])
    if YEAR not in rows:
        rows = rows.assign(year=0)
    wide = rows.pivot_table(index=YEAR, columns="part", values="value", aggfunc="first")
    out = pd.DataFrame(
        {
            YEAR: wide.index.to_numpy(),
            "total": wide.get("total", pd.Series(np.nan, index=wide.index)).to_numpy(),
            "between": wide.get("between", pd.Series(np.nan, index=wide.index)).to_numpy(),
            "within": wide.get("within", pd.Series(np.nan, index=wide.index)).to_numpy(),
        }
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        out["share_between"] = out["between"] / out["total"]
    return out


def theil_split_of(
    frame: pd.DataFrame, value: str, *, region: str, year: str, weight: str | None = None
) -> pd.DataFrame:
    """Return the Theil decomposition by year of a column of microdata (as :func:`theil_split`),
    computed by the engine (:func:`indicators.results.measure_table`)."""
    from indicators.results import measure_table

    work = pd.DataFrame(
        {
            "region": frame[region].to_numpy(),
            "year": frame[year].to_numpy(),
            "x": pd.to_numeric(frame[value], errors="coerce").to_numpy(dtype=float),
        }
    )
    if weight is not None:
        work["w"] = pd.to_numeric(frame[weight], errors="coerce").to_numpy(dtype=float)
    table = measure_table(
        work, "x", ["theil"], region="region", year="year", weight=None if weight is None else "w"
    )
    table["part"] = "total"
    for part in ("between", "within"):
        rows = table["measure"] == f"theil_{part}"
        table.loc[rows, "part"] = part
        table.loc[rows, "measure"] = "theil"
    return theil_split(table)


# ---- readings ---------------------------------------------------------------------------------


def _pct(share: float, lang: str) -> str:
    return format_number(100 * share, 0, lang) + "%"


def theil_reading(split: pd.DataFrame, label: str, lang: str) -> str:
    """Say where the inequality lies and how the part between regions moved.

    >>> s = pd.DataFrame({"year": [2014, 2023], "total": [0.2, 0.2], "between": [0.008, 0.012],
    ...                   "within": [0.192, 0.188], "share_between": [0.04, 0.06]})
    >>> theil_reading(s, "income", "en")
    'Most of the inequality of income lies within regions; the part between regions grew from 4% (2014) to 6% (2023).'
    """
    split = split.dropna(subset=["share_between"])
    if split.empty:
        return text("convergence.theil_none", lang)
    first, last = split.iloc[0], split.iloc[-1]
    where = "theil_within" if last["share_between"] < 0.5 else "theil_between"
    said = text(f"convergence.{where}", lang, label=label)
    if len(split) == 1:
        return said + text("convergence.theil_one", lang, share=_pct(last["share_between"], lang))
    a, b = _pct(first["share_between"], lang), _pct(last["share_between"], lang)
    move = (
        "same" if a == b else ("grew" if last["share_between"] > first["share_between"] else "fell")
    )
    return said + text(
        f"convergence.theil_{move}",
        lang,
        start=a,
        end=b,
        first=split[YEAR].iloc[0],
        last=split[YEAR].iloc[-1],
    )


def sigma_reading(spread: pd.DataFrame, lang: str) -> str:
    """Say whether the spread between regions (sd of the log) fell or grew."""
    spread = spread.dropna(subset=["sigma"])
    if len(spread) < 2:
        return text("convergence.sigma_none", lang)
    first, last = spread.iloc[0], spread.iloc[-1]
    a, b = (format_number(v, 3, lang) for v in (first["sigma"], last["sigma"]))
    move = "same" if a == b else ("fell" if last["sigma"] < first["sigma"] else "grew")
    return text(
        f"convergence.sigma_{move}",
        lang,
        start=a,
        end=b,
        first=spread[YEAR].iloc[0],
        last=spread[YEAR].iloc[-1],
    )


def beta_reading(result: Beta | None, lang: str) -> str:
    """Say whether regions that started lower grew faster, and how fast they converge."""
    if result is None:
        return text("convergence.beta_none", lang)
    values = {
        "beta": format_number(result.beta, 4, lang),
        "se": format_number(result.se, 4, lang),
        "first": result.first,
        "last": result.last,
        "n": result.n_regions,
    }
    significant = result.se > 0 and abs(result.beta / result.se) > SIGNIFICANT_Z
    if result.beta < 0 and significant:
        said = text("convergence.beta_converge", lang, **values)
        if math.isfinite(result.half_life):
            said += text(
                "convergence.beta_speed",
                lang,
                speed=format_number(100 * result.speed, 1, lang) + "%",
                half_life=format_number(result.half_life, 0, lang),
            )
        return said
    if result.beta > 0 and significant:
        return text("convergence.beta_diverge", lang, **values)
    return text("convergence.beta_unclear", lang, **values)


# ---- the tidy table of the command line -------------------------------------------------------


def convergence_table(
    frame: pd.DataFrame,
    value: str,
    *,
    region: str,
    year: str,
    weight: str | None = None,
    first=None,
    last=None,
) -> pd.DataFrame:
    """Return sigma and beta convergence of a column as a tidy table: ``measure, year, value,
    se``: rows ``sigma``, ``cv`` and ``top_bottom_ratio`` per year, and one row each for
    ``beta`` (with its se), ``speed``, ``half_life`` and ``r2`` (year empty). Weighted by
    population only with ``weight``."""
    levels = regional_levels(frame, value, region=region, year=year, weight=weight)
    years = levels[YEAR]
    if first is not None:
        levels = levels[years >= first]
    if last is not None:
        levels = levels[levels[YEAR] <= last]
    spread = sigma(levels)
    rows = [
        {"measure": measure, YEAR: row[YEAR], VALUE: row[measure], "se": math.nan}
        for measure in ("sigma", "cv", "top_bottom_ratio")
        for _, row in spread.iterrows()
    ]
    result = beta_convergence(levels, weighted=weight is not None)
    if result is not None:
        rows += [
            {"measure": "beta", YEAR: None, VALUE: result.beta, "se": result.se},
            {"measure": "speed", YEAR: None, VALUE: result.speed, "se": math.nan},
            {"measure": "half_life", YEAR: None, VALUE: result.half_life, "se": math.nan},
            {"measure": "r2", YEAR: None, VALUE: result.r2, "se": math.nan},
        ]
    out = pd.DataFrame(rows, columns=["measure", YEAR, VALUE, "se"])
    out[YEAR] = out[YEAR].astype("Int64") if pd.api.types.is_integer_dtype(years) else out[YEAR]
    return out
