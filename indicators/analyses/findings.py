"""Findings: scan the tidy results table for what the averages hide, strongest first.

Each candidate is a test with an estimate, a standard error and a two-sided p-value from the
normal approximation (:func:`indicators.analyses.compare.difference`; the trend-break lines
are those of :func:`indicators.analyses.compare.trend`). Six kinds:

``mean_vs_bottom``
    From the first to the last year the bottom of a variable (P10, a share below a threshold,
    the poverty rate) or its inequality (sd, Gini, Theil, ...) changed for the worse while the
    mean did not get significantly worse, or for the better while the mean did not get
    significantly better; per region and the Total. Tested: the bottom's change.
``same_mean``
    Two regions whose means of a variable do not differ significantly in the last year; tested:
    the difference of a bottom or inequality indicator of that variable.
``group_gap``
    Two groups of a breakdown (within a region or the Total): the change of their gap from the
    first to the last year, ``(g1 - h1) - (g0 - h0)`` with the four standard errors combined.
``region_vs_rest``
    A region's change from the first to the last year against the change of the rest of the
    country. The rest is taken from the Total and the region (weighted means and shares only:
    ``v_rest = (W v_T - W_r v_r) / (W - W_r)`` and, the Total being the weight-share mix of two
    independent samples, ``se_rest² = (W² se_T² - W_r² se_r²) / (W - W_r)²``), so no
    recomputation per region (what :mod:`indicators.analyses.rest` does for one comparison).
``trend_break``
    A year (not the first or last) against the straight line fitted to the other years: the
    residual over ``sqrt(se_year² + var(prediction))``.
``stapeling``
    Accumulated disadvantage: the share of people with two or more of the catalogue's
    unfavourable outcomes (:func:`indicators.analyses.stapeling.share_with_at_least`, the
    rules of the Groups page) in a region against the rest of the country in the last year,
    and its change from the first to the last year against the rest's change (the rest as in
    ``region_vs_rest``). The results table has no such indicator: the shares are computed
    from the individuals, so only when ``prepared`` (microdata, at least two outcomes that
    can be counted) is given; ranked by the difference over the spread of the regions' shares.

The p-values of all tested candidates get Benjamini-Hochberg q-values (:func:`bh_qvalues`);
those with ``q <= fdr`` survive and are ranked by ``|effect|``: the estimate in the
indicator's unit over its spread (the sd of the indicator's values in the regions and their
groups in the last year, or, without those, of all its values). Aggregates (no standard errors) cannot be tested:
their candidates keep p_value and q_value empty, are flagged ``aggregate`` and follow the tested
findings ranked by the same effect size (only effects of at least :data:`AGGREGATE_EFFECT`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist
from urllib.parse import urlencode

import numpy as np
import pandas as pd

from indicators.analyses.compare import difference
from indicators.analyses.distribution import lower_first
from indicators.registry.catalog import format_display, format_number
from indicators.results import MIN_N, TOTAL
from indicators.text import text

KINDS = ("mean_vs_bottom", "same_mean", "group_gap", "region_vs_rest", "trend_break", "stapeling")
COLUMNS = [
    "rank",
    "kind",
    "region",
    "breakdown",
    "group",
    "indicator",
    "year_from",
    "year_to",
    "estimate",
    "se",
    "p_value",
    "q_value",
    "sentence",
]
EXTRA = ["effect", "aggregate", "other", "link"]
BOTTOM_FAMILIES = {"share_below", "poverty_rate"}
INEQUALITY_FAMILIES = {"sd", "gini", "theil", "mld", "s80s20", "palma", "atkinson", "cv"}
LINEAR_FAMILIES = {"mean", "share", "share_below", "share_at_least", "share_above"}
AGGREGATE_EFFECT = 0.5  # an aggregate finding needs |effect| of at least this many spreads
STAPELING = "stapeling_2plus"  # the findings' indicator column for accumulated disadvantage
STAPELING_LEAST = 2  # two or more unfavourable outcomes
REST_LINK = "~rest"  # the rest of the country in the regions page's link (?compare=~rest)
LEVEL = 0.95
Z = NormalDist().inv_cdf(0.5 + LEVEL / 2)

__all__ = ["KINDS", "COLUMNS", "Finding", "bh_qvalues", "scan", "findings_table"]


@dataclass
class Finding:
    """One candidate: the test and what a sentence needs."""

    kind: str
    region: str
    breakdown: str
    group: str
    indicator: str
    year_from: object
    year_to: object
    estimate: float
    se: float
    p_value: float
    words: dict
    other: str = ""
    page: str = ""
    params: dict | None = None
    spread: float = math.nan  # the indicator's spread when the results table has none


def bh_qvalues(p: Sequence[float]) -> np.ndarray:
    """Return Benjamini-Hochberg q-values (adjusted p-values) of ``p``; missing stay missing.

    ``q_(i) = min_{j >= i} min(1, m p_(j) / j)`` over the m finite p-values sorted ascending.

    >>> bh_qvalues([0.01, 0.04, 0.03, 0.2]).round(4).tolist()
    [0.04, 0.0533, 0.0533, 0.2]
    """
    p = np.asarray(p, dtype=float)
    q = np.full(p.shape, np.nan)
    ok = np.isfinite(p)
    m = int(ok.sum())
    if m == 0:
        return q
    order = np.argsort(p[ok], kind="stable")
    ranked = p[ok][order] * m / np.arange(1, m + 1)
    ranked = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(ranked, 1.0)
    q[ok] = out
    return q


def _family(ind) -> str:
    return ind.spec.family


def _is_bottom(ind) -> bool:
    fam = _family(ind)
    if fam in BOTTOM_FAMILIES or fam in INEQUALITY_FAMILIES:
        return True
    return fam == "quantile" and ind.spec.param is not None and float(ind.spec.param) <= 0.2


def _whole(results: pd.DataFrame) -> pd.DataFrame:
    part = results["part"].fillna("total") if "part" in results else "total"
    rows = results[(part == "total") & results["value"].notna()]
    if "status" in rows:
        rows = rows[rows["status"].fillna("ok") == "ok"]
    return rows


def _num(v) -> float:
    try:
        v = float(v)
    except (TypeError, ValueError):
        return math.nan
    return v


class _Table:
    """The results rows indexed for fast lookups: (region, breakdown, group, indicator, year)."""

    def __init__(self, results: pd.DataFrame):
        rows = _whole(results).copy()
        for col in ("breakdown", "group", "region"):
            rows[col] = rows[col].astype(object).where(rows[col].notna(), "").astype(str)
        if "se" not in rows:
            rows["se"] = np.nan
        if "weight_sum" not in rows:
            rows["weight_sum"] = np.nan
        self.rows = rows
        years = pd.Series(rows["year"].dropna().unique()) if "year" in rows else pd.Series([])
        self.years = sorted(years.tolist())
        self.cells = {
            key: (float(v), _num(s), _num(w))
            for key, v, s, w in zip(
                zip(
                    rows["region"].to_numpy(object),
                    rows["breakdown"].to_numpy(object),
                    rows["group"].to_numpy(object),
                    rows["indicator"].to_numpy(object),
                    rows["year"].to_numpy(object) if "year" in rows else [None] * len(rows),
                    strict=True,
                ),
                rows["value"].to_numpy(float),
                pd.to_numeric(rows["se"], errors="coerce").to_numpy(float),
                pd.to_numeric(rows["weight_sum"], errors="coerce").to_numpy(float),
                strict=True,
            )
        }
        self.regions = sorted(r for r in rows["region"].unique() if r != TOTAL)
        self.indicators = list(dict.fromkeys(rows["indicator"]))

    def get(self, region, indicator, year, breakdown="", group=""):
        return self.cells.get((region, breakdown, group, indicator, year))


def _spreads(table: _Table) -> dict[str, float]:
    # the regions' and the groups' values of the last year (the Total left out)
    whole = table.rows[table.rows["region"] != TOTAL]
    out = {}
    last = table.years[-1] if table.years else None
    for ind, rows in whole.groupby("indicator", sort=False):
        vals = rows.loc[rows["year"] == last, "value"] if last is not None else rows["value"]
        sd = float(np.std(vals.to_numpy(float), ddof=1)) if len(vals) > 1 else math.nan
        if not (math.isfinite(sd) and sd > 0):
            allv = table.rows.loc[table.rows["indicator"] == ind, "value"].to_numpy(float)
            sd = float(np.std(allv, ddof=1)) if len(allv) > 1 else math.nan
        out[ind] = sd if math.isfinite(sd) and sd > 0 else math.nan
    return out


def _test(a, b):
    """The difference of two cells (value, se, w) a - b: compare.difference."""
    return difference(a[0], a[1], b[0], b[1], LEVEL)


def _judged_same(d, spread) -> bool:
    """No significant difference (without se: smaller than AGGREGATE_EFFECT spreads)."""
    if d.significant is None:
        return not (math.isfinite(spread) and abs(d.diff) >= AGGREGATE_EFFECT * spread)
    return not d.significant


def _variables(registry, table):
    """Per variable: its mean indicator (mean, else median) and its bottom indicators."""
    by_var: dict[str, dict] = {}
    for ind_id in table.indicators:
        ind = registry.indicator_by_id.get(ind_id)
        if ind is None:
            continue
        entry = by_var.setdefault(ind.variable, {"mean": None, "median": None, "bottom": []})
        fam = _family(ind)
        if fam == "mean" and entry["mean"] is None:
            entry["mean"] = ind
        elif fam == "median" and entry["median"] is None:
            entry["median"] = ind
        elif _is_bottom(ind):
            entry["bottom"].append(ind)
    return {
        v: (e["mean"] or e["median"], e["bottom"])
        for v, e in by_var.items()
        if (e["mean"] or e["median"]) is not None and e["bottom"]
    }


def _worse(ind, change: float) -> bool:
    return change < 0 if ind.higher_is_better else change > 0


def scan(
    results: pd.DataFrame,
    registry,
    *,
    kinds: Sequence[str] = KINDS,
    table=None,
    prepared=None,
    min_n: int = MIN_N,
) -> list[Finding]:
    """Return every candidate finding of ``results`` (the tidy results table of
    :func:`indicators.results.compute`, best with ``ci``), untested by the FDR yet.

    ``prepared`` (the :class:`~indicators.dataset.prepare.Prepared` data of ``results``)
    adds the ``stapeling`` candidates, computed from the individuals (none for aggregates);
    shares of fewer than ``min_n`` people are left out, as the results table leaves them."""
    table = table if table is not None else _Table(results)
    found: list[Finding] = []
    years = table.years
    if "mean_vs_bottom" in kinds and len(years) >= 2:
        found += _mean_vs_bottom(table, registry, years[0], years[-1])
    if "same_mean" in kinds:
        found += _same_mean(table, registry, years[-1] if years else None)
    if "group_gap" in kinds and len(years) >= 2:
        found += _group_gaps(table, registry, years[0], years[-1])
    if "region_vs_rest" in kinds and len(years) >= 2:
        found += _region_vs_rest(table, registry, years[0], years[-1])
    if "trend_break" in kinds and len(years) >= 5:
        found += _trend_breaks(table, registry, years)
    if "stapeling" in kinds and prepared is not None:
        found += _stapeling(prepared, registry, min_n)
    return found


def _mean_vs_bottom(table, registry, y0, y1):
    out = []
    for mean, bottoms in _variables(registry, table).values():
        for region in [TOTAL, *table.regions]:
            m0, m1 = table.get(region, mean.id, y0), table.get(region, mean.id, y1)
            if m0 is None or m1 is None:
                continue
            dm = _test(m1, m0)
            for b in bottoms:
                b0, b1 = table.get(region, b.id, y0), table.get(region, b.id, y1)
                if b0 is None or b1 is None:
                    continue
                db = _test(b1, b0)
                if not math.isfinite(db.diff) or db.diff == 0:
                    continue
                bottom_worse = _worse(b, db.diff)
                # the mean moved the same way (worse with a worse bottom): no story
                mean_same_way = (
                    dm.significant is not False
                    and math.isfinite(dm.diff)
                    and dm.diff != 0
                    and _worse(mean, dm.diff) == bottom_worse
                    and (dm.significant or dm.significant is None)
                )
                if mean_same_way:
                    continue
                out.append(
                    Finding(
                        "mean_vs_bottom",
                        region,
                        "",
                        "",
                        b.id,
                        y0,
                        y1,
                        db.diff,
                        db.se,
                        db.p,
                        {
                            "mean_id": mean.id,
                            "first": b0[0],
                            "last": b1[0],
                            "low": b1[0] - Z * b1[1],
                            "high": b1[0] + Z * b1[1],
                            "mean_same": not dm.significant,
                            "mean_first": m0[0],
                            "mean_last": m1[0],
                        },
                        page="trends",
                        params={"indicator": b.id, "regions": region},
                    )
                )
    return out


def _same_mean(table, registry, year):
    out = []
    spreads = _spreads(table)
    regions = table.regions
    for mean, bottoms in _variables(registry, table).values():
        cells = {r: table.get(r, mean.id, year) for r in regions}
        for i, a in enumerate(regions):
            for c in regions[i + 1 :]:
                if cells[a] is None or cells[c] is None:
                    continue
                if not _judged_same(_test(cells[a], cells[c]), spreads.get(mean.id, math.nan)):
                    continue
                for b in bottoms:
                    ba, bc = table.get(a, b.id, year), table.get(c, b.id, year)
                    if ba is None or bc is None:
                        continue
                    d = _test(ba, bc)
                    if not math.isfinite(d.diff):
                        continue
                    out.append(
                        Finding(
                            "same_mean",
                            a,
                            "",
                            "",
                            b.id,
                            year,
                            year,
                            d.diff,
                            d.se,
                            d.p,
                            {
                                "mean_id": mean.id,
                                "mean_a": cells[a][0],
                                "mean_b": cells[c][0],
                                "value_a": ba[0],
                                "value_b": bc[0],
                                "low": d.ci_low,
                                "high": d.ci_high,
                            },
                            other=c,
                            page="regions",
                            params={"indicator": b.id, "region": a, "compare": c, "year": year},
                        )
                    )
    return out


def _group_gaps(table, registry, y0, y1):
    out = []
    rows = table.rows[table.rows["breakdown"] != ""]
    groups = {
        bd: list(dict.fromkeys(part["group"])) for bd, part in rows.groupby("breakdown", sort=True)
    }
    for ind_id in table.indicators:
        if ind_id not in registry.indicator_by_id:
            continue
        for bd, gs in groups.items():
            for region in [TOTAL, *table.regions]:
                for i, g in enumerate(gs):
                    for h in gs[i + 1 :]:
                        cells = [
                            table.get(region, ind_id, y, bd, x) for y in (y0, y1) for x in (g, h)
                        ]
                        if any(c is None for c in cells):
                            continue
                        g0, h0, g1, h1 = cells
                        gap0, gap1 = _test(g0, h0), _test(g1, h1)
                        d = difference(gap1.diff, gap1.se, gap0.diff, gap0.se, LEVEL)
                        if not math.isfinite(d.diff):
                            continue
                        out.append(
                            Finding(
                                "group_gap",
                                region,
                                bd,
                                g,
                                ind_id,
                                y0,
                                y1,
                                d.diff,
                                d.se,
                                d.p,
                                {
                                    "first": gap0.diff,
                                    "last": gap1.diff,
                                    "low": d.ci_low,
                                    "high": d.ci_high,
                                },
                                other=h,
                                page="groups",
                                params={
                                    "indicator": ind_id,
                                    "by": bd,
                                    "group": g,
                                    "region": region,
                                    "year": y1,
                                },
                            )
                        )
    return out


def _rest(total, region):
    """The rest of the country from the Total and the region (weighted means and shares)."""
    (vt, st, wt), (vr, sr, wr) = total, region
    if not (math.isfinite(wt) and math.isfinite(wr)) or wt - wr <= 0:
        return None
    value = (wt * vt - wr * vr) / (wt - wr)
    var = (wt**2 * st**2 - wr**2 * sr**2) / (wt - wr) ** 2
    se = math.sqrt(var) if math.isfinite(var) and var > 0 else math.nan
    return value, se, wt - wr


def _region_vs_rest(table, registry, y0, y1):
    out = []
    for ind_id in table.indicators:
        ind = registry.indicator_by_id.get(ind_id)
        if ind is None or _family(ind) not in LINEAR_FAMILIES:
            continue
        t0, t1 = table.get(TOTAL, ind_id, y0), table.get(TOTAL, ind_id, y1)
        if t0 is None or t1 is None:
            continue
        for region in table.regions:
            r0, r1 = table.get(region, ind_id, y0), table.get(region, ind_id, y1)
            if r0 is None or r1 is None:
                continue
            q0, q1 = _rest(t0, r0), _rest(t1, r1)
            if q0 is None or q1 is None:
                continue
            own, rest = _test(r1, r0), _test(q1, q0)
            d = difference(own.diff, own.se, rest.diff, rest.se, LEVEL)
            if not math.isfinite(d.diff):
                continue
            out.append(
                Finding(
                    "region_vs_rest",
                    region,
                    "",
                    "",
                    ind_id,
                    y0,
                    y1,
                    d.diff,
                    d.se,
                    d.p,
                    {
                        "change": own.diff,
                        "rest_change": rest.diff,
                        "low": d.ci_low,
                        "high": d.ci_high,
                    },
                    page="regions",
                    params={
                        "indicator": ind_id,
                        "region": region,
                        "compare": REST_LINK,
                        "year": y1,
                    },
                )
            )
    return out


def _stapeling(prepared, registry, min_n):
    """Accumulated disadvantage per region against the rest of the country: the share in the
    last year and its change from the first year (microdata with two or more rules only)."""
    from indicators.analyses import groups as G
    from indicators.analyses import stapeling as S
    from indicators.dataset.mapping import REGION, WEIGHT, YEAR
    from indicators.errors import DataError
    from indicators.stats.uncertainty import Design

    if prepared.shape == "aggregates":
        return []  # no individuals to count outcomes of
    try:
        rules = S.catalogue_rules(prepared, registry)
    except DataError:
        return []
    if len(rules) < 2:
        return []
    frame = prepared.frame
    year = YEAR if YEAR in frame else None
    weight = WEIGHT if WEIGHT in frame else None
    design = Design.of(frame, **prepared.design, level=LEVEL, source=prepared.source)
    shares = S.share_with_at_least(
        frame, rules, STAPELING_LEAST, year=year, weight=weight, design=design
    )
    shares = shares[shares["n"] >= max(min_n, 2)]
    if shares.empty:
        return []
    years = sorted(shares[year].unique()) if year else [None]
    cells = {
        (r, y): (float(v), _num(se), _num(w))
        for r, y, v, se, w in zip(
            shares[REGION],
            shares[year] if year else [None] * len(shares),
            shares["value"].to_numpy(float),
            shares["se"].to_numpy(float),
            shares["weight_sum"].to_numpy(float),
            strict=True,
        )
    }
    y0, y1 = years[0], years[-1]
    regions = sorted(r for r in shares[REGION].unique() if r != TOTAL)
    last = [cells[r, y1][0] for r in regions if (r, y1) in cells]
    spread = float(np.std(last, ddof=1)) if len(last) > 1 else math.nan
    spread = spread if math.isfinite(spread) and spread > 0 else math.nan
    groups = G.group_columns(prepared)
    words = {"rules": len(rules)}
    out = []

    def found(region, y_from, d, extra):
        return Finding(
            "stapeling",
            region,
            "",
            "",
            STAPELING,
            y_from,
            y1,
            d.diff,
            d.se,
            d.p,
            {**words, **extra, "low": d.ci_low, "high": d.ci_high},
            page="groups",
            params={"by": groups[0] if groups else None, "region": region, "year": y1},
            spread=spread,
        )

    t0, t1 = cells.get((TOTAL, y0)), cells.get((TOTAL, y1))
    for region in regions:
        r0, r1 = cells.get((region, y0)), cells.get((region, y1))
        if t1 is None or r1 is None:
            continue
        q1 = _rest(t1, r1)
        if q1 is None:
            continue
        d = _test(r1, q1)
        if math.isfinite(d.diff) and math.isfinite(d.se):
            level = {"share": r1[0], "share_se": r1[1], "rest": q1[0], "rest_se": q1[1]}
            out.append(found(region, y1, d, level))
        if y0 == y1 or t0 is None or r0 is None:
            continue
        q0 = _rest(t0, r0)
        if q0 is None:
            continue
        own, rest = _test(r1, r0), _test(q1, q0)
        d = difference(own.diff, own.se, rest.diff, rest.se, LEVEL)
        if math.isfinite(d.diff) and math.isfinite(d.se):
            change = {
                "first": r0[0],
                "last": r1[0],
                "rest_first": q0[0],
                "rest_last": q1[0],
                "change": own.diff,
                "rest_change": rest.diff,
            }
            out.append(found(region, y0, d, change))
    return out


def _line_without(x, v, s, keep, k):
    """The straight line of the years ``keep`` at year ``k``: its value and variance.

    The weighted least-squares line of :func:`indicators.analyses.compare.trend` (weights
    1/se², scale ``φ = max(1, χ²/(n - 2))``), written out here because the scan needs the
    variance of the line's value at a year, ``φ (1/Σw + (x_k - x̄_w)² / Sxx)``, which
    ``trend`` does not give (and tens of thousands of lines must be fitted quickly). Without
    standard errors (aggregates): the ordinary least-squares line, variance nan.
    """
    xs, ys = x[keep], v[keep]
    w = np.ones_like(ys) if s is None else 1.0 / s[keep] ** 2
    sw = float(w.sum())
    xm, ym = float(w @ xs) / sw, float(w @ ys) / sw
    sxx = float(w @ (xs - xm) ** 2)
    if len(xs) < 3 or sxx <= 0:
        return math.nan, math.nan
    slope = float(w @ ((xs - xm) * (ys - ym))) / sxx
    expected = ym + slope * (x[k] - xm)
    if s is None:
        return expected, math.nan
    chi2 = float(w @ (ys - ym - slope * (xs - xm)) ** 2)
    scale = max(1.0, chi2 / (len(xs) - 2))
    return expected, scale * (1.0 / sw + (x[k] - xm) ** 2 / sxx)


def _trend_breaks(table, registry, years):
    out = []
    x_all = np.asarray(years, dtype=float)
    for ind_id in table.indicators:
        if ind_id not in registry.indicator_by_id:
            continue
        for region in [TOTAL, *table.regions]:
            cells = [table.get(region, ind_id, y) for y in years]
            if any(c is None for c in cells):
                continue
            v = np.array([c[0] for c in cells])
            s = np.array([c[1] for c in cells])
            weighted = bool(np.all(np.isfinite(s) & (s > 0)))
            for k in range(1, len(years) - 1):
                keep = np.arange(len(years)) != k
                expected, var_pred = _line_without(x_all, v, s if weighted else None, keep, k)
                if not math.isfinite(expected):
                    continue
                # aggregates: no sampling error (se nan), ranked by size
                se = math.sqrt(s[k] ** 2 + var_pred) if weighted else math.nan
                d = difference(v[k] - expected, se, 0.0, 0.0, LEVEL)  # nan without se
                out.append(
                    Finding(
                        "trend_break",
                        region,
                        "",
                        "",
                        ind_id,
                        years[k],
                        years[k],
                        v[k] - expected,
                        se,
                        d.p if weighted else math.nan,
                        {
                            "value": v[k],
                            "expected": expected,
                            "low": expected - (d.ci_high - d.diff) if weighted else math.nan,
                            "high": expected + (d.ci_high - d.diff) if weighted else math.nan,
                        },
                        page="trends",
                        params={"indicator": ind_id, "regions": region},  # the trend shows the year
                    )
                )
    return out


# ----------------------------------------------------------------------------------------------
# the table: q-values, ranks, sentences, links
# ----------------------------------------------------------------------------------------------


def findings_table(
    results: pd.DataFrame,
    registry,
    *,
    fdr: float = 0.05,
    top: int | None = None,
    lang: str = "nl",
    kinds: Sequence[str] = KINDS,
    region_name=None,
    prepared=None,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Scan ``results`` and return the findings, strongest first (with ``prepared``, the
    data of ``results``, accumulated disadvantage too: :func:`scan`).

    Columns :data:`COLUMNS` (rank 1 the strongest) and :data:`EXTRA`: ``effect`` (the
    estimate over the indicator's spread), ``aggregate`` (True: no standard error, not tested),
    ``other`` (the second region or group) and ``link`` (page and query parameters, as the
    pages read them). Tested candidates are kept when their q-value is at most ``fdr``.
    """
    if not 0 < fdr < 1:
        from indicators.errors import DataError

        raise DataError.from_text("findings.bad_fdr", fdr=fdr)
    table = _Table(results)
    candidates = scan(results, registry, kinds=kinds, table=table, prepared=prepared, min_n=min_n)
    spreads = _spreads(table)
    p = np.array([c.p_value for c in candidates], dtype=float)
    q = bh_qvalues(p)
    rows = []
    for c, qv in zip(candidates, q, strict=True):
        spread = c.spread if math.isfinite(c.spread) else spreads.get(c.indicator, math.nan)
        effect = abs(c.estimate) / spread if math.isfinite(spread) else math.nan
        aggregate = not math.isfinite(c.p_value)
        if aggregate:
            if not (math.isfinite(effect) and effect >= AGGREGATE_EFFECT):
                continue
        elif not qv <= fdr:
            continue
        rows.append((c, qv, effect, aggregate))
    rows.sort(key=lambda r: (r[3], -(r[2] if math.isfinite(r[2]) else -1.0)))
    rows = _distinct(rows)
    if top is not None:
        rows = rows[: max(int(top), 0)]
    name = region_name or (lambda r: r)
    records = []
    for rank, (c, qv, effect, aggregate) in enumerate(rows, start=1):
        records.append(
            {
                "rank": rank,
                "kind": c.kind,
                "region": c.region,
                "breakdown": c.breakdown,
                "group": c.group,
                "indicator": c.indicator,
                "year_from": c.year_from,
                "year_to": c.year_to,
                "estimate": c.estimate,
                "se": c.se if math.isfinite(c.se) else np.nan,
                "p_value": np.nan if aggregate else c.p_value,
                "q_value": np.nan if aggregate else qv,
                "sentence": sentence(c, registry, lang, aggregate=aggregate, region_name=name),
                "effect": effect,
                "aggregate": aggregate,
                "other": c.other,
                "link": link(c),
            }
        )
    return pd.DataFrame(records, columns=[*COLUMNS, *EXTRA])


def _distinct(rows: list) -> list:
    """Drop a finding that repeats an earlier one's numbers exactly: the same kind, region,
    indicator, breakdown and group with the same estimate and standard error, against another
    group or region that has the same values (two age groups with no unemployed at all)."""
    seen, out = set(), []
    for row in rows:
        c = row[0]
        key = (c.kind, c.region, c.indicator, c.breakdown, c.group, c.year_from, c.year_to)
        key += (round(c.estimate, 12), round(c.se, 12) if math.isfinite(c.se) else None)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def link(c: Finding) -> str:
    """The page and query parameters that show the finding, e.g. ``groups?indicator=..``."""
    params = {k: str(v) for k, v in (c.params or {}).items() if v not in (None, "")}
    return f"{c.page}?{urlencode(params)}"


def sentence(c: Finding, registry, lang: str, *, aggregate=False, region_name=str) -> str:
    """The finding in one plain sentence in ``lang``, numbers in the indicator's unit."""
    if c.kind == "stapeling":
        return _stapeling_sentence(c, lang, region_name)
    ind = registry.indicator_by_id[c.indicator]

    def fmt(value):
        return registry.format_value(c.indicator, value, lang)

    def fmt_diff(value):
        """A difference with a sign, shares in percentage points."""
        if not math.isfinite(value):
            return "–"
        shown = format_number(abs(value) * (100 if ind.is_share else 1), ind.decimals, lang)
        nonzero = any(ch in "123456789" for ch in shown)  # a rounded zero has no sign
        sign = ("+" if value > 0 else "−") if nonzero else ""
        return sign + shown + (text("spread.percentage_points", lang) if ind.is_share else "")

    def place(region):
        return text("findings.total", lang) if region == TOTAL else region_name(region)

    def iv(low, high, alone=False):
        """ ", interval low to high" (" (interval ...)" ``alone``); nothing for a figure
        without sampling uncertainty."""
        key = "findings.interval_alone" if alone else "findings.interval"
        return "" if aggregate else text(key, lang, low=low, high=high)

    w = c.words
    label = ind.label(lang)
    if c.kind == "mean_vs_bottom":
        mean = registry.indicator_by_id[w["mean_id"]]
        out = text(
            "findings.mean_vs_bottom_flat" if w.get("mean_same") else "findings.mean_vs_bottom",
            lang,
            region=place(c.region),
            bottom=lower_first(label),
            first=fmt(w["first"]),
            last=fmt(w["last"]),
            interval=iv(fmt(w["low"]), fmt(w["high"]), alone=True),
            mean=lower_first(mean.label(lang)),
            mean_first=registry.format_value(mean.id, w["mean_first"], lang),
            mean_last=registry.format_value(mean.id, w["mean_last"], lang),
            year_from=c.year_from,
            year_to=c.year_to,
        )
    elif c.kind == "same_mean":
        mean = registry.indicator_by_id[w["mean_id"]]
        out = text(
            "findings.same_mean",
            lang,
            region=place(c.region),
            other=place(c.other),
            when="" if c.year_to is None else text("findings.in_year", lang, year=c.year_to),
            mean=lower_first(mean.label(lang)),
            mean_a=registry.format_value(mean.id, w["mean_a"], lang),
            mean_b=registry.format_value(mean.id, w["mean_b"], lang),
            bottom=lower_first(label),
            value_a=fmt(w["value_a"]),
            value_b=fmt(w["value_b"]),
            diff=fmt_diff(c.estimate),
            interval=iv(fmt_diff(w["low"]), fmt_diff(w["high"])),
        )
    elif c.kind == "group_gap":
        if w["first"] * w["last"] < 0:  # the other group is now ahead: neither wider nor narrower
            how = "reversed"
        else:
            how = "widened" if abs(w["last"]) > abs(w["first"]) else "narrowed"
        out = text(
            "findings.group_gap",
            lang,
            region=place(c.region),
            indicator=lower_first(label),
            group=c.group,
            other=c.other,
            how=text(f"findings.{how}", lang),
            first=fmt_diff(w["first"]),
            last=fmt_diff(w["last"]),
            diff=fmt_diff(c.estimate),
            interval=iv(fmt_diff(w["low"]), fmt_diff(w["high"])),
            year_from=c.year_from,
            year_to=c.year_to,
        )
    elif c.kind == "region_vs_rest":
        out = text(
            "findings.region_vs_rest",
            lang,
            region=place(c.region),
            indicator=lower_first(label),
            change=fmt_diff(w["change"]),
            rest_change=fmt_diff(w["rest_change"]),
            diff=fmt_diff(c.estimate),
            interval=iv(fmt_diff(w["low"]), fmt_diff(w["high"])),
            year_from=c.year_from,
            year_to=c.year_to,
        )
    else:
        out = text(
            "findings.trend_break",
            lang,
            region=place(c.region),
            indicator=lower_first(label),
            year=c.year_to,
            value=fmt(w["value"]),
            expected=fmt(w["expected"]),
            interval=iv(fmt(w["low"]), fmt(w["high"])),
        )
    return out + (text("findings.aggregate_note", lang) if aggregate else "")


def _stapeling_sentence(c: Finding, lang: str, region_name) -> str:
    """Accumulated disadvantage in a region against the rest: shares as percentages, their
    differences in percentage points (one decimal)."""
    w = c.words

    def pct(value):
        return format_display(value, 1, is_share=True, lang=lang)

    def points(value):
        if not math.isfinite(value):
            return "–"
        shown = format_number(abs(value) * 100, 1, lang)
        sign = ("+" if value > 0 else "−") if any(ch in "123456789" for ch in shown) else ""
        return sign + shown + text("spread.percentage_points", lang)

    common = {
        "region": region_name(c.region),
        "n": w["rules"],
        "diff": points(c.estimate),
        "low": points(w["low"]),
        "high": points(w["high"]),
    }
    if c.year_from == c.year_to:
        return text(
            "findings.stapeling" if c.year_to is not None else "findings.stapeling_no_year",
            lang,
            **common,
            year=c.year_to,
            share=pct(w["share"]),
            share_low=pct(w["share"] - Z * w["share_se"]),
            share_high=pct(w["share"] + Z * w["share_se"]),
            rest=pct(w["rest"]),
        )
    return text(
        "findings.stapeling_change",
        lang,
        **common,
        year_from=c.year_from,
        year_to=c.year_to,
        first=pct(w["first"]),
        last=pct(w["last"]),
        rest_first=pct(w["rest_first"]),
        rest_last=pct(w["rest_last"]),
    )
