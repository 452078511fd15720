"""The spread between regions: disparity measures, whether the spread grew, and sentences."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators.analyses.tiles import REGION, YEAR, has_years, is_missing, select_rows, year_order
from indicators.registry.catalog import (
    format_number,
    shown_decimals,
)
from indicators.results import (
    N_TEXT,
    NOT_APPLICABLE,
    OK,
    STATES,
    SUPPRESSED,
    TOTAL,
    state_text,
    value_states,
)
from indicators.stats import measures
from indicators.text import area

SPREAD_MEASURES = ("ratio", "cv", "gini", "theil")


# ----------------------------------------------------------------------------------------------
# Disparities between regions
# ----------------------------------------------------------------------------------------------


def disparity(values: Sequence[float], weights: Sequence[float] | None = None) -> dict:
    """Measure how far regions lie apart.

    Parameters
    ----------
    values : array-like
        One value per region (NaN values are left out).
    weights : array-like, optional
        One weight per region, e.g. its population or sum of survey weights (1 when none).

    Returns
    -------
    dict
        ``n`` (regions used), ``max``, ``min``, ``mean`` (weighted), ``ratio`` = max / min
        (NaN unless min > 0),
        ``cv`` = weighted standard deviation / weighted mean (population-weighted coefficient of
        variation), ``gini`` and ``theil`` across regions (weighted; Theil over values above 0),
        as in :mod:`indicators.measures`. With fewer than two regions every measure is NaN.

    Examples
    --------
    >>> d = disparity([2.0, 4.0], [1.0, 1.0])
    >>> d["ratio"], d["cv"], d["gini"]
    (2.0, 0.3333333333333333, 0.16666666666666666)
    """
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    keep = np.isfinite(x) & np.isfinite(w) & (w >= 0)
    x, w = x[keep], w[keep]
    out = {"n": int(x.size), "max": np.nan, "min": np.nan, "mean": np.nan}
    out.update({m: np.nan for m in SPREAD_MEASURES})
    if x.size == 0:
        return out
    out["max"], out["min"] = float(x.max()), float(x.min())
    if x.size < 2 or w.sum() <= 0:
        return out
    out["ratio"] = out["max"] / out["min"] if out["min"] > 0 else np.nan
    mu = measures.mean(x, w)
    out["mean"] = float(mu)
    out["cv"] = measures.sd(x, w) / mu if mu > 0 else np.nan
    out["gini"] = measures.gini(x, w) if (x >= 0).all() else np.nan
    out["theil"] = measures.theil(x, w) if (x > 0).any() else np.nan
    return out


def _regions_only(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[(rows[REGION] != TOTAL) & ~rows["suppressed"].astype(bool)]


def disparities(results: pd.DataFrame, indicator: str, year=None) -> dict:
    """Return :func:`disparity` across the regions (not Total) of one indicator and year.

    Each region is weighted by its ``weight_sum`` (population for aggregates, the sum of survey
    weights for microdata); suppressed cells are left out. Adds ``max_region`` and
    ``min_region``: where the highest and the lowest value are.
    """
    rows = _regions_only(select_rows(results, indicator=indicator, year=year))
    out = disparity(rows["value"], rows["weight_sum"])
    valid = rows[np.isfinite(rows["value"].astype(float))]
    ordered = valid.sort_values(["value", REGION])
    out["max_region"] = ordered[REGION].iloc[-1] if len(ordered) else None
    out["min_region"] = ordered[REGION].iloc[0] if len(ordered) else None
    return out


def region_values(results: pd.DataFrame, indicator: str, year=None) -> pd.DataFrame:
    """Return region, value, suppressed, status, n of one indicator and year, without the Total.

    ``status`` says why a value is missing (:func:`indicators.compute.value_states`).
    """
    rows = select_rows(results, indicator=indicator, year=year)
    rows = rows[rows[REGION] != TOTAL]
    rows = rows.assign(status=value_states(rows))
    if "n" not in rows:
        rows = rows.assign(n=np.nan)
    columns = [REGION, "value", "suppressed", "status", "n"]
    return rows[columns].drop_duplicates(REGION).reset_index(drop=True)


def states_in_words(
    names: Sequence[str],
    states: Sequence[str],
    ns: Sequence | None = None,
    *,
    lang: str = "nl",
    min_n: int = 10,
    limit: int = 5,
) -> str:
    """Say which values are not shown and why: the names grouped by state, each group with
    its one text (:data:`indicators.compute.STATE_TEXTS`); hidden ones with their n.

    Examples
    --------
    >>> states_in_words(["Zuid 2023", "Oost 2024", "Noord"], ["suppressed", "missing", "ok"],
    ...                 [3, 0, 40], lang="en")
    'Oost 2024 — no value in the file; Zuid 2023 (n = 3) — hidden: fewer than 10 observations'
    """
    ns = list(ns) if ns is not None else [None] * len(names)
    groups = []
    for state in STATES:
        if state == OK:
            continue
        items = [
            f"{name} ({N_TEXT[lang].format(n=format_number(n, 0, lang))})"
            if state == SUPPRESSED and n is not None and not is_missing(n)
            else str(name)
            for name, st_, n in zip(names, states, ns, strict=True)
            if st_ == state
        ]
        if not items:
            continue
        listed = ", ".join(items[:limit]) + (", …" if len(items) > limit else "")
        groups.append(f"{listed} — {state_text(state, lang, min_n=min_n)}")
    return "; ".join(groups)


def trend_gaps(results: pd.DataFrame, indicator: str, regions, years) -> pd.DataFrame:
    """Return the region-years of a trend without a value: region, year, status, n.

    A region-year without rows in the data is ``not_applicable`` (nothing to measure).
    """
    rows = select_rows(results, indicator=indicator)
    rows = rows[rows[REGION].isin(list(regions))]
    rows = rows.assign(status=value_states(rows)).drop_duplicates([REGION, YEAR])
    present = set(zip(rows[REGION], rows[YEAR], strict=True))
    absent = pd.DataFrame(
        [(r, y) for r in regions for y in years if (r, y) not in present], columns=[REGION, YEAR]
    ).assign(status=NOT_APPLICABLE, n=0)
    gaps = pd.concat([rows[rows["status"] != OK][[REGION, YEAR, "status", "n"]], absent])
    order = {r: i for i, r in enumerate(regions)}
    return gaps.sort_values([REGION, YEAR], key=lambda s: s.map(order) if s.name == REGION else s)


def total_coverage(results: pd.DataFrame, indicator: str, years) -> list[tuple]:
    """Return the years whose Total counts fewer regions than the file has: (year, counted,
    all), where a region counts in a year when it has rows there (``n`` above 0; a suppressed
    region's rows still count in the Total). A Total over fewer regions is not like for like.

    >>> r = pd.DataFrame({"region": ["a", "b", "a", "b", "Total", "Total"],
    ...                   "year": [1, 1, 2, 2, 1, 2], "indicator": "x", "measure": "mean",
    ...                   "value": [1.0, 2.0, 1.0, None, 1.5, 1.0], "n": [1, 1, 1, 0, 2, 1]})
    >>> total_coverage(r, "x", [1, 2])
    [(2, 1, 2)]
    """
    if not has_years(results):
        return []
    rows = select_rows(results, indicator=indicator)
    rows = rows[rows[REGION] != TOTAL]
    counts = rows["n"].astype(float).fillna(0) if "n" in rows else pd.Series(1.0, rows.index)
    rows = rows[counts.to_numpy() > 0].drop_duplicates([REGION, YEAR])
    everyone = rows[REGION].nunique()
    per_year = rows.groupby(YEAR)[REGION].nunique()
    return [
        (year, int(per_year.get(year, 0)), everyone)
        for year in years
        if 0 < per_year.get(year, 0) < everyone
    ]


def extreme_regions(results: pd.DataFrame, indicator: str, year=None) -> list[str]:
    """Return the regions with the highest and the lowest value (for a default selection)."""
    rows = region_values(results, indicator, year)
    rows = rows[np.isfinite(rows["value"].astype(float))].sort_values(["value", REGION])
    if rows.empty:
        return []
    return list(dict.fromkeys([rows[REGION].iloc[-1], rows[REGION].iloc[0]]))


def spread_over_time(results: pd.DataFrame, indicator: str, regions=None) -> pd.DataFrame:
    """Return the disparities between regions per year: year, n, max, min, ratio, cv, gini,
    theil (time order; empty without a year column).

    ``regions`` (optional) limits every year to the same regions (see :func:`comparable_spread`).
    """
    columns = [YEAR, "n", "max", "min", "mean", *SPREAD_MEASURES]
    if not has_years(results):
        return pd.DataFrame(columns=columns)
    rows = _regions_only(select_rows(results, indicator=indicator))
    if regions is not None:
        rows = rows[rows[REGION].isin(list(regions))]
    records = []
    for year in year_order(rows[YEAR]):
        part = rows[rows[YEAR] == year]
        records.append({YEAR: year, **disparity(part["value"], part["weight_sum"])})
    return pd.DataFrame(records, columns=columns)


@dataclass
class Spread:
    """The spread between regions per year, compared like with like.

    ``frame`` holds :func:`spread_over_time` over ``regions`` for the years in ``years_used``
    (the years that are compared); ``years`` are all years of the data, in order, with the
    years absent from a yearly series filled in; ``missing_years`` are the years without a
    comparable spread, each with why (``"absent"``: not in the data; ``"few"``: fewer than
    half of the regions have a value). ``left_out`` names the regions not compared and the
    years they lack. ``same_regions`` is False when no two regions have a value in every
    compared year: then each year compares the regions it has.
    """

    frame: pd.DataFrame
    years: list
    years_used: list
    regions: list
    left_out: dict
    missing_years: dict
    same_regions: bool


def all_years(years: list) -> list:
    """Fill in the years missing from a series of whole years (2014, 2015, 2017: 2016),
    at the series' own step (every year, or every other year, ...); periods stay as they are.

    >>> all_years([2014, 2015, 2017]), all_years([2014, 2016, 2020]), all_years(["2019-Q1"])
    ([2014, 2015, 2016, 2017], [2014, 2016, 2018, 2020], ['2019-Q1'])

    Every year of the series stays on the axis, also off a regular step (a survey of 2016,
    2018 and 2021 is filled year by year):

    >>> all_years([2016, 2018, 2021])
    [2016, 2017, 2018, 2019, 2020, 2021]
    """
    if len(years) < 2 or not all(
        isinstance(y, (int, np.integer)) or (isinstance(y, float) and float(y).is_integer())
        for y in years
    ):
        return list(years)
    whole = sorted(int(y) for y in years)
    step = math.gcd(*(b - a for a, b in zip(whole, whole[1:], strict=False)))
    if step <= 0 or (whole[-1] - whole[0]) // step > 10 * len(whole):
        return list(years)
    present = {int(y): y for y in years}
    return [present.get(y, y) for y in range(whole[0], whole[-1] + 1, step)]


def comparable_spread(results: pd.DataFrame, indicator: str, years=None) -> Spread:
    """Return the spread between regions per year over the same regions in every year.

    A region that lacks a value in some year (not in the file, suppressed, missing) would make
    the spread jump in that year for no other reason, so the regions compared are those with a
    value in every compared year, and the others are named in ``left_out``. A year in which
    fewer than half of the regions have a value is not compared (it would shrink the set for
    every year): it is listed in ``missing_years``, as are years absent from a yearly series.
    When fewer than two regions have a value in every compared year, each year compares the
    regions it has (``same_regions`` is False).

    >>> rows = [("A", 2014, 6.0), ("B", 2014, 7.0), ("C", 2014, 9.0),
    ...         ("A", 2015, 6.0), ("B", 2015, 7.5), ("A", 2017, 6.0), ("B", 2017, 8.0),
    ...         ("C", 2017, 9.5)]
    >>> results = pd.DataFrame(rows, columns=["region", "year", "value"]).assign(
    ...     indicator="x", weight_sum=1.0, suppressed=False)
    >>> s = comparable_spread(results, "x")
    >>> s.regions, s.left_out, s.missing_years, s.years_used
    (['A', 'B'], {'C': [2015]}, {2016: 'absent'}, [2014, 2015, 2017])
    """
    columns = [YEAR, "n", "max", "min", "mean", *SPREAD_MEASURES]
    empty = Spread(pd.DataFrame(columns=columns), [], [], [], {}, {}, True)
    if not has_years(results):
        return empty
    rows = select_rows(results, indicator=indicator)
    data_years = year_order(results[YEAR] if years is None else years)
    filled = all_years(data_years)
    rows = _regions_only(rows)
    rows = rows[np.isfinite(rows["value"].astype(float))]
    has = pd.crosstab(rows[REGION], rows[YEAR]).reindex(columns=filled, fill_value=0) > 0
    regions = [r for r in dict.fromkeys(rows[REGION])]
    has = has.reindex(index=regions, fill_value=False)
    missing = {y: "absent" for y in filled if y not in data_years}
    for y in data_years:
        if has[y].sum() < max(2, 0.5 * len(regions)):
            missing[y] = "few"
    used = [y for y in filled if y not in missing]
    complete = [r for r in regions if bool(has.loc[r, used].all())] if used else []
    same = len(complete) >= 2
    if not same:
        complete = regions
    left_out = {
        r: [y for y in used if not has.loc[r, y]] for r in regions if r not in set(complete)
    }
    frame = spread_over_time(results, indicator, regions=complete)
    frame = frame[frame[YEAR].isin(used) & (frame["n"] >= 2)].reset_index(drop=True)
    return Spread(
        frame=frame,
        years=filled,
        years_used=[y for y in used if y in set(frame[YEAR])],
        regions=complete,
        left_out=left_out,
        missing_years={y: missing[y] for y in filled if y in missing},
        same_regions=same,
    )


SPREAD_TEXTS = area("spread")


def format_index(value: float, lang: str = "nl", decimals: int = 3) -> str:
    """Format an index such as a coefficient of variation: at least ``decimals`` decimals,
    more for small values so that two significant digits show (at most 6).

    >>> format_index(0.0312, "en"), format_index(0.0000234, "nl"), format_index(1.5, "en")
    ('0.031', '0,000023', '1.500')
    """
    if value is None or not math.isfinite(float(value)):
        return "–"
    if value != 0:
        decimals = min(max(decimals, 1 - math.floor(math.log10(abs(value)))), 6)
    return format_number(value, decimals, lang)


def year_positions(years: list, all_years: list | None = None) -> np.ndarray:
    """Return x positions of years for a fitted line: the years themselves when they are
    numbers, else their places in ``all_years`` (so that a missing period still counts)."""
    if all(isinstance(y, (int, float, np.integer, np.floating)) for y in years):
        return np.asarray(years, dtype=float)
    order = {y: i for i, y in enumerate(all_years or years)}
    return np.asarray([order[y] for y in years], dtype=float)


def spread_trend(
    spread: pd.DataFrame,
    measure: str = "cv",
    threshold: float = 0.10,
    years: list | None = None,
) -> dict:
    """Judge whether the spread between regions grew, shrank or stayed about the same.

    The rule: fit a straight line to the measure over all years that have a value (by least
    squares, against the years themselves, so a missing year keeps its place), and take the
    change along that line from the first to the last year as a share of the line's start
    value. More than ``threshold`` (10%) up is "grew", more than 10% down is "shrank",
    anything less is "same"; and when the last measured value lies on the other side of the
    first one than the line says (the line rises, the last year is lower), it is "mixed"
    (no clear direction): a falling measure never reads as grown.

    ``years`` are all years in order (used only to place text periods such as "2019-Q1").

    Returns ``{"trend": "grew" | "shrank" | "same" | "mixed", "first_year", "last_year",
    "first", "last", "fit_first", "fit_last", "years", "relative_change", "threshold"}``
    (``first`` and ``last`` are the measured end values, ``fit_*`` the line's), or an empty
    dict with fewer than two such years.

    >>> s = pd.DataFrame({"year": [1, 2, 3, 4], "cv": [0.10, 0.13, 0.08, 0.11]})
    >>> spread_trend(s)["trend"]  # ends 10% higher, but no trend over the years
    'same'
    >>> s = pd.DataFrame({"year": range(6), "cv": [0.046, 0.03, 0.05, 0.06, 0.065, 0.040]})
    >>> spread_trend(s)["trend"]  # the line rises, but the last year is below the first
    'mixed'
    """
    if measure not in spread or YEAR not in spread or spread.empty:
        return {}
    rows = spread[np.isfinite(spread[measure].astype(float))]
    if len(rows) < 2:
        return {}
    y = rows[measure].to_numpy(dtype=float)
    x = year_positions(list(rows[YEAR]), years)
    slope, intercept = np.polyfit(x, y, 1)
    fit_first, fit_last = intercept + slope * x[0], intercept + slope * x[-1]
    change = fit_last - fit_first
    base = fit_first if fit_first > 0 else abs(y.mean())
    flat_zero = 0.0 if change == 0 else math.copysign(math.inf, change)  # a line from 0
    rel = change / base if base > 0 else flat_zero
    if abs(rel) <= threshold:
        trend = "same"
    else:
        trend = "grew" if rel > 0 else "shrank"
        ends = y[-1] - y[0]
        if ends == 0 or (ends > 0) != (rel > 0):
            trend = "mixed"
    return {
        "trend": trend,
        "first_year": rows[YEAR].iloc[0],
        "last_year": rows[YEAR].iloc[-1],
        "first": float(y[0]),
        "last": float(y[-1]),
        "fit_first": float(fit_first),
        "fit_last": float(fit_last),
        "slope": float(slope),
        "intercept": float(intercept),
        "years": len(y),
        "relative_change": float(rel),
        "threshold": float(threshold),
    }


def fitted_line(spread: pd.DataFrame, found: dict, years: list | None = None) -> list[float]:
    """Return the values of the fitted line of :func:`spread_trend` at each year of
    ``spread`` (to draw beside the measure)."""
    x = year_positions(list(spread[YEAR]), years)
    return [float(found["intercept"] + found["slope"] * v) for v in x]


def percent_words(fraction: float, lang: str = "nl") -> str:
    """Say a small fraction as a rounded percentage: "about 0.7%", "about 3%", "less than 0.1%".

    >>> percent_words(0.0068, "en"), percent_words(0.031, "nl"), percent_words(0.0004, "en")
    ('about 0.7%', 'ongeveer 3%', 'less than 0.1%')
    >>> percent_words(0.0, "en")
    '0%'
    """
    if fraction is None or not math.isfinite(fraction):
        return "–"
    pct = abs(fraction) * 100
    if pct == 0:
        return "0%"
    if pct < 0.05:
        return SPREAD_TEXTS["less_than"][lang].format(pct=format_number(0.1, 1, lang) + "%")
    shown = format_number(pct, 1 if pct < 1.95 else 0, lang)
    return SPREAD_TEXTS["about"][lang].format(pct=shown + "%")


def ratio_words(ratio: float, lang: str = "nl") -> str:
    """Say a highest/lowest ratio in words: "about 3% above the lowest", "2.5 times the lowest".

    >>> ratio_words(1.031, "en"), ratio_words(2.5, "nl")
    ('about 3% above the lowest', '2,5 keer zo hoog als de laagste')
    """
    if ratio is None or not math.isfinite(ratio):
        return "–"
    if ratio >= 2:
        return SPREAD_TEXTS["times"][lang].format(x=format_number(ratio, 1, lang))
    return SPREAD_TEXTS["above"][lang].format(pct=percent_words(ratio - 1, lang))


def spread_sentence(
    spread: pd.DataFrame, lang: str = "nl", years: list | None = None, *, is_share: bool = False
) -> str | None:
    """Say in one sentence, in plain words and with numbers, whether differences between
    regions grew (by the rule of :func:`spread_trend`, over the same frame the charts show).

    The coefficient of variation is a relative spread ("about 19% from the average"); for a
    share (``is_share``, shown as a percentage) the sentence adds what that is in percentage
    points, so 19% is not read as points beside a rate of 17%.

    >>> s = pd.DataFrame({"year": [2014, 2024], "cv": [0.031, 0.047], "ratio": [1.1, 1.2]})
    >>> spread_sentence(s, "en")
    'The gap between regions grew: in 2024 regions lie on average about 5% from the average (coefficient of variation 0.047; 0.031 in 2014), and the highest region is about 20% above the lowest (highest/lowest ratio 1.20; 1.10 in 2014).'
    """
    found = spread_trend(spread, "cv", years=years)
    if not found:
        return None

    def txt(key):
        return SPREAD_TEXTS[key][lang]

    head = txt(found["trend"])
    if found["years"] > 2:
        head += txt("judged").format(n=found["years"])
    years = {"first_year": found["first_year"], "last_year": found["last_year"]}
    points = ""
    if is_share and "mean" in spread:
        mean = spread.set_index(YEAR)["mean"].get(found["last_year"])
        if mean is not None and math.isfinite(float(mean)):
            pp = found["last"] * float(mean) * 100
            points = txt("points").format(pp=format_number(pp, 1, lang))
    parts = [
        txt("cv_words").format(
            pct=percent_words(found["last"], lang),
            points=points,
            last=format_index(found["last"], lang),
            first=format_index(found["first"], lang),
            **years,
        )
    ]
    if "ratio" in spread:
        by_year = spread.set_index(YEAR)["ratio"]
        a, b = by_year.get(found["first_year"]), by_year.get(found["last_year"])
        if a is not None and b is not None and np.isfinite(a) and np.isfinite(b):
            ratio = txt("ratio_words").format(
                gap=ratio_words(b, lang),
                last=format_number(b, 2, lang),
                first=format_number(a, 2, lang),
                **years,
            )
            up = found["trend"] == "grew"
            shown_a, shown_b = round(a, 2), round(b, 2)
            if (
                found["trend"] in ("grew", "shrank")
                and shown_a != shown_b
                and (shown_b > shown_a) != up
            ):
                ratio += txt("ratio_other_way")
            parts.append(ratio)
    return f"{head}: " + f", {txt('and')} ".join(parts) + "."


def spread_notes(spread: Spread, lang: str = "nl", *, listed: int = 6) -> list[str]:
    """Say how the sentence of :func:`spread_sentence` is judged and what it compares.

    Returns sentences: the rule with the fitted line's numbers; which regions every year
    compares (and which are left out, with the years they lack, at most ``listed`` named);
    and the years not compared.

    >>> rows = [("A", 2014, 6.0), ("B", 2014, 7.0), ("C", 2014, 9.0),
    ...         ("A", 2015, 6.0), ("B", 2015, 7.5), ("A", 2017, 6.0), ("B", 2017, 8.0),
    ...         ("C", 2017, 9.5)]
    >>> results = pd.DataFrame(rows, columns=["region", "year", "value"]).assign(
    ...     indicator="x", weight_sum=1.0, suppressed=False)
    >>> for note in spread_notes(comparable_spread(results, "x"), "en")[1:]:
    ...     print(note)
    To compare like with like, every year counts the same 2 regions; 1 region with a gap in its series is left out: C (no value in 2015).
    Not compared: 2016 (not in the data); the line runs through the other years.
    """

    def txt(key):
        return SPREAD_TEXTS[key][lang]

    notes = []
    found = spread_trend(spread.frame, "cv", years=spread.years)
    if found:
        change = found["fit_last"] - found["fit_first"]
        rel = found["relative_change"]
        if math.isfinite(rel):
            shown = format_number(abs(rel) * 100, 0 if abs(rel) >= 0.095 else 1, lang) + "%"
            sign = "+" if change > 0 else ("-" if change < 0 else "")
            change_text = sign + shown if shown.strip("0,.%") else shown
        else:
            change_text = "+∞" if change > 0 else "-∞"
        notes.append(
            txt("rule").format(
                n=found["years"],
                first_year=found["first_year"],
                last_year=found["last_year"],
                fit_first=format_index(found["fit_first"], lang),
                fit_last=format_index(found["fit_last"], lang),
                change=change_text,
                pct=format_number(found["threshold"] * 100, 0, lang) + "%",
            )
        )
    if spread.same_regions:
        if spread.left_out:
            names = [
                f"{region} ({txt('no_value_in').format(years=', '.join(map(str, lacks)))})"
                for region, lacks in list(spread.left_out.items())[:listed]
            ]
            if len(spread.left_out) > listed:
                names.append(txt("more").format(k=len(spread.left_out) - listed))
            key = "left_out_one" if len(spread.left_out) == 1 else "left_out"
            notes.append(
                txt(key).format(
                    n=len(spread.regions), k=len(spread.left_out), listed="; ".join(names)
                )
            )
        elif len(spread.regions):
            notes.append(txt("same_regions").format(n=len(spread.regions)))
    elif len(spread.frame):
        n = spread.frame["n"].astype(int)
        notes.append(txt("varying").format(lo=int(n.min()), hi=int(n.max())))
    if spread.missing_years:
        listed_years = ", ".join(
            txt(why).format(year=year) for year, why in spread.missing_years.items()
        )
        notes.append(txt("missing_years").format(listed=listed_years))
    return notes


def readable_index(value: float, lang: str = "nl") -> str:
    """Format a spread measure for a reader: 3 decimals, 2 significant digits below 0.01, and
    "< 0.001" below that (such small values all mean that regions hardly differ).

    >>> readable_index(0.0312, "en"), readable_index(0.0068, "nl"), readable_index(0.000023, "en")
    ('0.031', '0,0068', '< 0.001')
    >>> readable_index(0.0, "en"), readable_index(1.5, "nl")
    ('0.000', '1,500')
    """
    if value is None or not math.isfinite(float(value)):
        return "–"
    if 0 < abs(value) < 0.001:
        return ("> -" if value < 0 else "< ") + format_number(0.001, 3, lang)
    return format_index(value, lang)


def spread_readings(d: dict, lang: str = "nl", *, is_share: bool = False) -> dict[str, str]:
    """Say what the spread measures of :func:`disparities` mean here, in plain words.

    For a share (``is_share``) the coefficient of variation is also said in percentage points
    (from ``mean``), as in :func:`spread_sentence`.

    Returns one short sentence per measure (``ratio``, ``cv``, ``gini``, ``theil``) that has a
    value; Gini below 0.01 and Theil below 0.001 read as "regions hardly differ".

    >>> r = spread_readings({"ratio": 1.03, "cv": 0.0068, "gini": 0.0038, "theil": 0.000023}, "en")
    >>> r["ratio"], r["cv"], r["gini"]
    ('Here: the highest is about 3% above the lowest.', 'Here: regions lie on average about 0.7% from the average.', 'Here: close to 0, so regions hardly differ.')
    """
    texts = area("spread_readings")
    here = texts["here"][lang]
    out = {}

    def finite(key):
        value = d.get(key)
        return value is not None and math.isfinite(float(value))

    if finite("ratio"):
        out["ratio"] = here + texts["ratio"][lang].format(gap=ratio_words(d["ratio"], lang))
    if finite("cv"):
        points = ""
        if is_share and finite("mean"):
            pp = format_number(d["cv"] * d["mean"] * 100, 1, lang)
            points = SPREAD_TEXTS["points"][lang].format(pp=pp)
        pct = percent_words(d["cv"], lang)
        out["cv"] = here + texts["cv"][lang].format(pct=pct, points=points)
    for key, small in (("gini", 0.01), ("theil", 0.001)):
        if finite(key) and abs(d[key]) < small:
            out[key] = here + texts["small"][lang]
    return out


def display_decimals(values, decimals: int, *, is_share: bool = False, extra: int = 2) -> int:
    """Return how many decimals show regions apart: the indicator's own, plus up to ``extra``
    more while the range of the values spans fewer than 10 steps of the last digit.

    Shares count in percentage points (they are shown as percentages).

    >>> display_decimals([7.83, 7.91, 8.05], 1), display_decimals([6.0, 8.1], 1)
    (2, 1)
    >>> display_decimals([0.101, 0.1032], 1, is_share=True), display_decimals([5.0, 5.0], 1)
    (2, 1)

    Small values in whole units start from :func:`indicators.registry.shown_decimals`:

    >>> display_decimals([30.1], 0), display_decimals([29.31, 29.34], 0)
    (1, 3)
    """
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    decimals = shown_decimals(decimals, x, is_share=is_share)
    if x.size < 2:
        return int(decimals)
    span = float(x.max() - x.min()) * (100 if is_share else 1)
    if span == 0:
        return int(decimals)
    d = int(decimals)
    while d < decimals + extra and span < 10 * 10.0**-d:
        d += 1
    return d
