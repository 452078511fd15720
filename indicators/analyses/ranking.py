"""Regions ranked best first, with intervals where the results table has them."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.analyses.tiles import REGION, YEAR, select_rows
from indicators.results import (
    TOTAL,
    measure_table,
)

# ----------------------------------------------------------------------------------------------
# Ranking with uncertainty
# ----------------------------------------------------------------------------------------------


def mean_standard_errors(frame: pd.DataFrame, variable: str, year=None) -> pd.Series:
    """Return the standard error of the mean per region (and Total) from prepared microdata.

    SE = sd / sqrt(n), with the weighted standard deviation and n the observations used: an
    approximation that ignores the survey design. ``frame`` is ``Prepared.frame``.
    """
    if year is not None and YEAR in frame:
        frame = frame[frame[YEAR] == year]
    if frame.empty or variable not in frame:
        return pd.Series(dtype=float)
    weight = "weight" if "weight" in frame else None
    table = measure_table(frame, variable, ["sd"], region=REGION, weight=weight)
    se = table["value"].to_numpy(dtype=float) / np.sqrt(table["n"].to_numpy(dtype=float))
    return pd.Series(se, index=table[REGION].to_numpy(), name="se")


@dataclass
class Ranking:
    """Regions ranked best first, with the Total and what was left out."""

    frame: pd.DataFrame  # region, value, n, weight_sum, se (NaN when unknown), rank
    total: float
    n_regions: int  # regions with a value
    n_suppressed: int  # regions whose value is hidden (small cells)
    trimmed: bool  # only the best and worst `limit` are in frame
    limit: int = 15
    has_se: bool = field(default=False)


def ranking(
    results: pd.DataFrame,
    registry,
    indicator: str,
    year=None,
    *,
    limit: int = 15,
    se: pd.Series | None = None,
    microdata: bool = True,
) -> Ranking:
    """Rank the regions of one indicator and year, best first (by the indicator's polarity).

    Parameters
    ----------
    se : Series, optional
        Standard errors by region (e.g. :func:`mean_standard_errors`). Without them, shares
        from microdata get sqrt(p (1 - p) / n); other measures have none.
    limit : int, default 15
        With more than ``2 * limit`` regions only the best and the worst ``limit`` are kept.
    """
    ind = registry.indicator_by_id[indicator]
    rows = select_rows(results, indicator=indicator, year=year)
    total_rows = rows[rows[REGION] == TOTAL]
    total = float(total_rows["value"].iloc[0]) if len(total_rows) else np.nan
    regions = rows[rows[REGION] != TOTAL]
    hidden = regions["suppressed"].astype(bool) | regions["value"].isna()
    shown = regions[~hidden][[REGION, "value", "n", "weight_sum"]].copy()
    if se is not None:
        shown["se"] = shown[REGION].map(se).astype(float)
    elif ind.is_share and microdata:
        p = shown["value"].astype(float)
        shown["se"] = np.sqrt(p * (1 - p) / shown["n"].astype(float))
    else:
        shown["se"] = np.nan
    # best first; without a better direction (an own variable), highest first
    best_first_low = ind.polarity == "lower_is_better"
    shown = shown.sort_values(["value", REGION], ascending=[best_first_low, True]).reset_index(
        drop=True
    )
    shown["rank"] = np.arange(1, len(shown) + 1)
    trimmed = len(shown) > 2 * limit
    if trimmed:
        shown = pd.concat([shown.head(limit), shown.tail(limit)], ignore_index=True)
    return Ranking(
        frame=shown,
        total=total,
        n_regions=int((~hidden).sum()),
        n_suppressed=int(hidden.sum()),
        trimmed=trimmed,
        limit=limit,
        has_se=bool(np.isfinite(shown["se"]).any()),
    )
