"""Regions ranked best first, with intervals where the results table has them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.analyses.tiles import REGION, select_rows
from indicators.results import TOTAL

INTERVAL = ("se", "ci_low", "ci_high")


@dataclass
class Ranking:
    """Regions ranked best first, with the Total and what was left out."""

    frame: pd.DataFrame  # region, value, n, weight_sum, se, ci_low, ci_high (NaN: none), rank
    total: float
    n_regions: int  # regions with a value
    n_suppressed: int  # regions whose value is hidden (small cells)
    trimmed: bool  # only the best and worst `limit` are in frame
    limit: int = 15
    has_se: bool = field(default=False)  # some region has an interval


def ranking(
    results: pd.DataFrame,
    registry,
    indicator: str,
    year=None,
    *,
    limit: int = 15,
) -> Ranking:
    """Rank the regions of one indicator and year, best first (by the indicator's polarity).

    Each region keeps the standard error and interval of the results table (``se``,
    ``ci_low``, ``ci_high``: linearized, with the survey design, for every measure computed
    from microdata; NaN for aggregates, which have no sampling uncertainty).

    Parameters
    ----------
    limit : int, default 15
        With more than ``2 * limit`` regions only the best and the worst ``limit`` are kept.
    """
    ind = registry.indicator_by_id[indicator]
    rows = select_rows(results, indicator=indicator, year=year)
    total_rows = rows[rows[REGION] == TOTAL]
    total = float(total_rows["value"].iloc[0]) if len(total_rows) else np.nan
    regions = rows[rows[REGION] != TOTAL]
    hidden = regions["suppressed"].astype(bool) | regions["value"].isna()
    shown = regions[~hidden].copy()
    for column in INTERVAL:
        shown[column] = shown[column].astype(float) if column in shown else np.nan
    shown = shown[[REGION, "value", "n", "weight_sum", *INTERVAL]]
    # best first; without a better direction (an own variable), highest first
    best_first_low = ind.polarity == "lower_is_better"
    shown = shown.sort_values(["value", REGION], ascending=[best_first_low, True]).reset_index(
        drop=True
    )
    shown["rank"] = np.arange(1, len(shown) + 1)
    trimmed = len(shown) > 2 * limit
    if trimmed:
        shown = pd.concat([shown.head(limit), shown.tail(limit)], ignore_index=True)
    known = np.isfinite(shown["ci_low"]) & np.isfinite(shown["ci_high"])
    return Ranking(
        frame=shown,
        total=total,
        n_regions=int((~hidden).sum()),
        n_suppressed=int(hidden.sum()),
        trimmed=trimmed,
        limit=limit,
        has_se=bool(known.any()),
    )
