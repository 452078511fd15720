"""Overview tiles: each indicator's value, the Total, the change since an earlier year and
whether it is better or worse (by polarity, and only when significant); series over years.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import pandas as pd

from indicators.registry.catalog import (
    format_number,
    shown_decimals,
)
from indicators.results import (
    OK,
    TOTAL,
    value_state,
    value_states,
)
from indicators.text import area

REGION, YEAR = "region", "year"
BETTER, WORSE, SAME, UNKNOWN = "better", "worse", "same", "unknown"
NEUTRAL = "neutral"  # moved, but no direction is better (an own variable's polarity unset)
UNCLEAR = "unclear"  # moved, but the change is not significant: no clear change
Z_95 = 1.959963984540054  # the normal quantile of a two-sided 95% interval
UP, DOWN, FLAT = "up", "down", "flat"
ARROWS = {UP: "▲", DOWN: "▼", FLAT: "=", None: ""}


# ----------------------------------------------------------------------------------------------
# Years and selections
# ----------------------------------------------------------------------------------------------


def year_order(years: Iterable) -> list:
    """Return the distinct years in time order: numbers first (numerically), then text periods.

    >>> year_order([2016, 2014, 2015, 2014])
    [2014, 2015, 2016]
    >>> year_order(["2019-Q2", "2019-Q1", "2018-Q4"])
    ['2018-Q4', '2019-Q1', '2019-Q2']
    """
    distinct = list(dict.fromkeys(y for y in years if not is_missing(y)))

    def key(y):
        if isinstance(y, (int, float, np.integer, np.floating)):
            return (0, float(y), "")
        return (1, 0.0, str(y))

    return sorted(distinct, key=key)


def is_missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def has_years(results: pd.DataFrame) -> bool:
    """Whether the results table has a year column with at least one year."""
    return YEAR in results and results[YEAR].notna().any()


def select_rows(results: pd.DataFrame, *, indicator=None, region=None, year=None) -> pd.DataFrame:
    mask = pd.Series(True, index=results.index)
    if indicator is not None:
        mask &= results["indicator"] == indicator
    if region is not None:
        mask &= results[REGION] == region
    if year is not None and YEAR in results:
        mask &= results[YEAR] == year
    return results[mask]


# ----------------------------------------------------------------------------------------------
# Directions: better or worse, by polarity
# ----------------------------------------------------------------------------------------------


def tolerance(indicator, level=()) -> float:
    """Return the smallest change the display shows for an indicator (half its last digit).

    Shares are shown as percentages, so their tolerance is a hundredth of that. ``level``:
    the values the change lies between, whose size can add decimals
    (:func:`indicators.registry.shown_decimals`: 29.9 to 30.1 thousand euros moved).
    """
    tol = 0.5 * 10.0 ** (-shown_decimals(indicator.decimals, level, is_share=indicator.is_share))
    return tol / 100 if indicator.is_share else tol


def movement(change: float, tol: float = 0.0) -> str | None:
    """Return "up", "down" or "flat" for a change (None when it is unknown).

    >>> movement(0.3), movement(-0.3), movement(0.01, tol=0.05), movement(float("nan"))
    ('up', 'down', 'flat', None)
    """
    if change is None or not math.isfinite(change):
        return None
    if change == 0 or abs(change) < tol:
        return FLAT
    return UP if change > 0 else DOWN


def direction(change: float, polarity: str, tol: float = 0.0) -> str:
    """Return whether a change is "better", "worse", "same" or "unknown", by polarity.

    An increase is better when higher is better and worse when lower is better.

    >>> direction(0.2, "higher_is_better"), direction(0.2, "lower_is_better")
    ('better', 'worse')
    >>> direction(-0.02, "lower_is_better"), direction(0.0, "higher_is_better")
    ('better', 'same')
    >>> direction(float("nan"), "higher_is_better")
    'unknown'
    """
    moved = movement(change, tol)
    if moved is None:
        return UNKNOWN
    if moved == FLAT:
        return SAME
    if polarity not in ("higher_is_better", "lower_is_better"):
        return NEUTRAL
    up_is_better = polarity == "higher_is_better"
    return BETTER if (moved == UP) == up_is_better else WORSE


def format_change(registry, indicator_id: str, change: float, lang: str = "nl", level=()) -> str:
    """Format a change with a sign and the indicator's decimals; shares in percentage points.

    ``level``: the values the change lies between; they are shown with the decimals of
    :func:`indicators.registry.shown_decimals`, and so is the change (as :func:`tolerance`).

    >>> from indicators.registry.catalog import load_registry
    >>> reg = load_registry()
    >>> format_change(reg, "life_satisfaction_mean", 0.26, "nl")
    '+0,3'
    >>> format_change(reg, "life_satisfaction_unsatisfied", -0.012, "en")
    '-1.2 pp'
    >>> format_change(reg, "life_satisfaction_unsatisfied", 0.0001, "nl")
    '0,0 %-punt'
    >>> format_change(reg, "income_mean", 0.2, "en", level=(29.9, 30.1))
    '+0.2'
    """
    ind = registry.indicator_by_id[indicator_id]
    if change is None or not math.isfinite(change):
        return "–"
    decimals = shown_decimals(ind.decimals, level, is_share=ind.is_share)
    text = format_number(abs(change) * (100 if ind.is_share else 1), decimals, lang)
    if ind.is_share:
        text += area("spread")["percentage_points"][lang]
    shown_zero = not any(ch in "123456789" for ch in text.split(" ")[0])
    if shown_zero:
        return text
    return ("+" if change > 0 else "-") + text


# ----------------------------------------------------------------------------------------------
# Overview tiles
# ----------------------------------------------------------------------------------------------


def companion_mean(indicator, registry):
    """Return the indicator for the mean of the same variable (else the median), or None."""
    same_var = [
        ind
        for ind in registry.indicators
        if ind.variable == indicator.variable and ind.id != indicator.id
    ]
    for ind in same_var:
        if ind.spec.family == "mean":
            return ind
    for ind in same_var:
        if ind.spec.family == "quantile" and ind.spec.param == 0.5:
            return ind
    return None


def tiles(
    results: pd.DataFrame,
    registry,
    region: str,
    year=None,
    since=None,
) -> pd.DataFrame:
    """Return one row per indicator for the Overview: value, Total, change and the flag.

    Parameters
    ----------
    results : DataFrame
        The tidy results table (:func:`indicators.compute.compute`).
    registry : Registry
        The indicator registry (order, polarity, decimals).
    region : str
        The region shown (``"Total"`` for all regions together).
    year : optional
        The year shown; ignored when the results have no year column.
    since : optional
        The earlier year the change is measured from; None for no change.

    Returns
    -------
    DataFrame
        Columns ``indicator, dimension, variable, value, total, suppressed, status, n, since_value,
        change, moved ("up", "down", "flat" or None), direction ("better", "worse", "same",
        "unknown", "neutral", or "unclear" when the change is not significant at the 95% level:
        its interval, from the two years' standard errors as independent samples, holds 0),
        se (of the value), change_se, significant (None without standard errors, as for
        aggregates), missing_years (the years of the comparison that have no value: ``since``,
        ``year`` or both, earliest first), mean_indicator, mean_direction, hides``, in
        dimension order, then catalogue
        order. ``hides`` is True where an indicator that looks beyond the average
        (``beyond_average``) moved better while the mean of its variable moved worse, or the
        other way round: the average hides this.
    """
    yearly = has_years(results)
    if not yearly:
        year = since = None
    now = select_rows(results, year=year)
    then = select_rows(results, year=since) if since is not None else now.iloc[0:0]

    def lookup(frame, reg):
        rows = frame[frame[REGION] == reg].drop_duplicates("indicator")
        # every row's state at once (a state per row and value took 0.3 s on the demo data)
        return rows.assign(status=value_states(rows)).set_index("indicator")

    here, total, before = lookup(now, region), lookup(now, TOTAL), lookup(then, region)
    present = set(here.index)
    records = []
    for ind in registry.sorted_indicators():
        if ind.id not in present:
            continue
        row = here.loc[ind.id]
        # only values in the ok state are shown, compared or flagged: never a small cell's
        value = _shown_value(row)
        since_value = _shown_value(before.loc[ind.id]) if ind.id in before.index else np.nan
        change = value - since_value if since is not None else np.nan
        tol = tolerance(ind, level=(value, since_value))  # as the tile shows the values
        # independent samples: the change's standard error from the two years' (empty for
        # aggregates, which have no sampling uncertainty)
        se_now = _shown_se(row)
        se_then = _shown_se(before.loc[ind.id]) if ind.id in before.index else np.nan
        change_se = math.hypot(se_now, se_then) if since is not None else np.nan
        significant = (
            bool(abs(change) > Z_95 * change_se)
            if math.isfinite(change) and math.isfinite(change_se)
            else None
        )
        moved_to = direction(change, ind.polarity, tol)
        if significant is False and moved_to in (BETTER, WORSE, NEUTRAL):
            moved_to = UNCLEAR  # an arrow is coloured only when the change is significant
        records.append(
            {
                "indicator": ind.id,
                "dimension": ind.dimension,
                "variable": ind.variable,
                "value": value,
                "total": float(total.loc[ind.id, "value"]) if ind.id in total.index else np.nan,
                "suppressed": bool(row["suppressed"]),
                "status": value_state(row),
                "n": int(row["n"]),
                "since_value": since_value,
                "change": change,
                "moved": movement(change, tol),
                "direction": moved_to,
                "se": se_now,
                "change_se": change_se,
                "significant": significant,
                # the years without a value to compare (the shown one, the earlier one or both)
                "missing_years": tuple(
                    y
                    for y, v in ((since, since_value), (year, value))
                    if since is not None and not math.isfinite(v)
                ),
            }
        )
    out = pd.DataFrame(
        records,
        columns=[
            "indicator",
            "dimension",
            "variable",
            "value",
            "total",
            "suppressed",
            "status",
            "n",
            "since_value",
            "change",
            "moved",
            "direction",
            "se",
            "change_se",
            "significant",
            "missing_years",
        ],
    )
    by_id = dict(zip(out["indicator"], out["direction"], strict=True))
    mean_ids, mean_dirs, hides = [], [], []
    for ind_id in out["indicator"]:
        ind = registry.indicator_by_id[ind_id]
        mean = companion_mean(ind, registry)
        mean_id = mean.id if mean is not None and mean.id in by_id else None
        mean_dir = by_id[mean_id] if mean_id else UNKNOWN
        mean_ids.append(mean_id)
        mean_dirs.append(mean_dir)
        hides.append(bool(ind.beyond_average and {by_id[ind_id], mean_dir} == {BETTER, WORSE}))
    out["mean_indicator"] = mean_ids
    out["mean_direction"] = mean_dirs
    out["hides"] = hides
    return out


def _shown_se(row) -> float:
    """Return a row's standard error when its value is shown (NaN without one)."""
    if "se" not in row.index or math.isnan(_shown_value(row)):
        return float("nan")
    se = row["se"]
    return float(se) if se is not None and se == se else float("nan")


def _shown_value(row) -> float:
    """Return a row's value when its state is ok, else NaN."""
    return float(row["value"]) if value_state(row) == OK else np.nan


def series(results: pd.DataFrame, indicator: str, region: str) -> pd.DataFrame:
    """Return the values of one indicator and region over the years: columns year, value.

    Suppressed cells have value NaN. Without a year column the frame is empty.
    """
    if not has_years(results):
        return pd.DataFrame({YEAR: [], "value": []})
    rows = select_rows(results, indicator=indicator, region=region)[[YEAR, "value"]]
    rows = rows.drop_duplicates(YEAR)
    order = {y: i for i, y in enumerate(year_order(rows[YEAR]))}
    return rows.sort_values(YEAR, key=lambda s: s.map(order)).reset_index(drop=True)


def series_by_indicator(results: pd.DataFrame, region: str) -> dict[str, pd.DataFrame]:
    """Return :func:`series` of every indicator of one region at once, by indicator id.

    One filter and one sort for all indicators instead of one per indicator (the Overview
    draws some thirty sparklines). An indicator without rows for the region is left out.
    """
    if not has_years(results):
        return {}
    rows = results.loc[results[REGION] == region, ["indicator", YEAR, "value"]]
    rows = rows.drop_duplicates(["indicator", YEAR])
    order = {y: i for i, y in enumerate(year_order(rows[YEAR]))}
    position = rows[YEAR].map(order).to_numpy(dtype=float)
    rows = rows.iloc[np.argsort(position, kind="stable")]
    return {
        indicator: part[[YEAR, "value"]].reset_index(drop=True)
        for indicator, part in rows.groupby("indicator", sort=False)
    }
