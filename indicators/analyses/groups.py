"""Groups within regions: each group's value, its gap to the rest, over time and by region.

Pure (no Streamlit): the core behind the Groups page and ``python -m indicators groups``.

For a group column (sex, age band, education, ..., or the income quintile computed here) and
an indicator, per region (and ``Total``) and year:

- the group's value with its linearized standard error and interval (the engine and
  :mod:`indicators.stats.uncertainty`, as :func:`indicators.results.compute` ``by=[col]``);
- the value of the rest of that region's population: everyone not in the group, or, for a
  column with two values (men and women), the other group, as CBS compares them;
- the gap, group minus rest, with :math:`se = \\sqrt{se_g^2 + se_r^2}`: the two are disjoint
  domains of the sample, whose linearized totals are uncorrelated when each row is its own unit
  in one stratum (the domain scores sum to zero over the sample). With strata or clusters the
  two domains share strata and units and their covariance is left out: the gap's standard
  error is then an approximation (mostly on the safe side for positively correlated units);
- significant when the interval of the gap excludes 0, and the CBS colour rule: better, worse
  or no clear difference by the indicator's polarity (:func:`cbs_colour`);
- the ratio group / rest where it reads better (shares and incomes, a positive rest);
- the gap over the years with a trend test (:func:`gap_trend`: weighted least squares of the
  gap on the year, weights :math:`1/se^2`) and its sentence (:func:`trend_sentence`);
- regions ranked by the gap (:func:`rank_regions`) and low / medium / high well-being shares
  per group (:func:`wellbeing_levels`, cut points from the catalogue or the caller).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from indicators.dataset.mapping import MISSING_GROUP, REGION, WEIGHT, YEAR
from indicators.errors import DataError
from indicators.results import MIN_N, TOTAL, Groupings, measure_table
from indicators.stats.engine import quantile_by_segment
from indicators.stats.uncertainty import Design, check_level, normal_interval
from indicators.text import text

GROUP = "group"
INCOME_QUINTILE = "income_quintile"  # the group column computed from the mapped income
QUINTILE_LABELS = ("Q1", "Q2", "Q3", "Q4", "Q5")
BETTER, WORSE, NO_DIFFERENCE, DIFFERENT = "better", "worse", "no_difference", "different"
POLARITIES = ("higher_is_better", "lower_is_better", "neutral")
LEVELS = ("low", "medium", "high")
_G, _REST = "g", "rest"
_VS = "__vs"

GAP_COLUMNS = (
    GROUP,
    "rest_group",
    "measure",
    "value",
    "se",
    "ci_low",
    "ci_high",
    "n",
    "rest_value",
    "rest_se",
    "rest_n",
    "gap",
    "gap_se",
    "gap_ci_low",
    "gap_ci_high",
    "significant",
    "ratio",
)


def _z(level: float) -> float:
    return NormalDist().inv_cdf(0.5 + check_level(level) / 2)


def cbs_colour(gap, significant, polarity: str) -> np.ndarray:
    """Return the CBS colour class of each gap: better, worse, no_difference (or different).

    Green (better) when the gap is significant and on the good side of the indicator's
    polarity, red (worse) when significant on the bad side, grey (no clear difference) when not
    significant. Without a polarity (``neutral``) a significant gap is just ``different``.

    >>> cbs_colour([0.5, -0.5, 0.5], [True, True, False], "higher_is_better").tolist()
    ['better', 'worse', 'no_difference']
    >>> cbs_colour([0.5], [True], "lower_is_better").tolist()
    ['worse']
    """
    if polarity not in POLARITIES:
        raise ValueError(f"polarity must be one of {', '.join(POLARITIES)}, not {polarity!r}")
    gap = np.asarray(gap, dtype=float)
    sig = np.asarray(significant, dtype=bool) & np.isfinite(gap)
    if polarity == "neutral":
        return np.where(sig, DIFFERENT, NO_DIFFERENCE).astype(object)
    good = gap > 0 if polarity == "higher_is_better" else gap < 0
    return np.select([sig & good, sig & ~good], [BETTER, WORSE], NO_DIFFERENCE).astype(object)


def with_income_quintile(
    frame: pd.DataFrame, income: str, *, year: str | None = YEAR, weight: str | None = WEIGHT
) -> pd.DataFrame:
    """Return ``frame`` with a group column ``income_quintile``: Q1 (lowest fifth) .. Q5.

    The cut points are the weighted 20th, 40th, 60th and 80th percentiles of all regions
    together, per year (the year's national quintiles; the Eurostat quantile rule of the
    engine); a value at a cut point belongs to the lower quintile. Rows without an income (or
    weight) are ``(missing)``.

    >>> f = pd.DataFrame({"x": [1.0, 2, 3, 4, 5, 6, 7, 8, 9, 10, None]})
    >>> with_income_quintile(f, "x", year=None, weight=None)[INCOME_QUINTILE].tolist()[::2]
    ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', '(missing)']
    """
    x = frame[income].to_numpy(dtype=float, na_value=np.nan)
    w = None
    if weight and weight in frame:
        w = frame[weight].to_numpy(dtype=float, na_value=np.nan)
    if year and year in frame:
        codes, years = pd.factorize(frame[year], sort=True)
        codes = np.where(codes < 0, len(years), codes)
        n = len(years) + 1
    else:
        codes, n = np.zeros(len(frame), dtype=np.int64), 1
    cuts = np.column_stack(
        [quantile_by_segment(x, codes, n, w, p) for p in (0.2, 0.4, 0.6, 0.8)]
    )  # one row per year
    rank = (x[:, None] > cuts[codes]).sum(axis=1)
    labels = np.array(QUINTILE_LABELS, dtype=object)[np.minimum(rank, 4)]
    valid = np.isfinite(x) if w is None else np.isfinite(x) & np.isfinite(w)
    out = frame.copy()
    out[INCOME_QUINTILE] = pd.array(np.where(valid, labels, MISSING_GROUP), dtype="string")
    return out


def group_gaps(
    frame: pd.DataFrame,
    value: str,
    measures: Sequence[str],
    *,
    by: str,
    region: str = REGION,
    year: str | None = None,
    weight: str | None = None,
    labels: dict[str, float] | None = None,
    design: Design | None = None,
    level: float = 0.95,
    min_n: int = MIN_N,
    ratio: bool = False,
) -> pd.DataFrame:
    """Compute each group's value, the rest's, and the gap with its standard error.

    Parameters
    ----------
    frame : DataFrame
        One row per person: ``region``, ``year``, ``weight``, the group column ``by`` and the
        numeric column ``value``.
    measures : sequence of str
        Measures of the measure table (``mean``, ``share_below:6``, ``median``, ...).
    design : Design, optional
        Strata and clusters for the standard errors (default: each row its own unit).
    level : float
        Level of the intervals and of the significance test (0.95).
    min_n : int
        A group or rest with fewer observations has no value (and no gap).
    ratio : bool
        Fill ``ratio`` (group / rest, where the rest is above 0): for shares and incomes.

    Returns
    -------
    DataFrame
        Per region (and ``Total``), year and group: the columns of :data:`GAP_COLUMNS`.
        ``rest_group`` is empty for "everyone else in the region" or names the other group of
        a two-valued column. The group ``(missing)`` is not compared (it belongs to the rest).
    """
    if by not in frame:
        raise DataError.from_text("groups.no_group_column", column=by)
    level = check_level(level)
    design = design or Design(level=level)
    keys = [region, *([year] if year else [])]
    values = [v for v in pd.unique(frame[by].dropna()) if v != MISSING_GROUP]
    values = sorted(values, key=str)
    if not values:
        raise DataError.from_text("groups.no_groups", column=by)
    two = len(values) == 2
    column = frame[by]
    work = {c: frame[c] for c in dict.fromkeys([*keys, value, *([weight] if weight else [])])}
    for i, g in enumerate(values):
        if two:
            other = values[1 - i]
            vs = np.where(column == g, _G, np.where(column == other, _REST, None))
        else:
            vs = np.where(column == g, _G, _REST)
        work[f"{_VS}{i}"] = pd.array(vs, dtype="string")
    work = pd.DataFrame(work)
    groupings = Groupings(work)
    parts = []
    for i, g in enumerate(values):
        table = measure_table(
            work,
            value,
            measures,
            region=region,
            year=year,
            weight=weight,
            by=[f"{_VS}{i}"],
            labels=labels,
            groupings=groupings,
            design=design,
        )
        vs = table[f"{_VS}{i}"]
        cols = [*keys, "measure", "value", "se", "n"]
        mine = table[vs == _G][cols]
        rest = table[vs == _REST][cols].rename(
            columns={"value": "rest_value", "se": "rest_se", "n": "rest_n"}
        )
        both = mine.merge(rest, on=[*keys, "measure"], how="left")
        both.insert(len(keys), GROUP, g)
        both.insert(len(keys) + 1, "rest_group", values[1 - i] if two else "")
        parts.append(both)
    out = pd.concat(parts, ignore_index=True)
    small = out["n"] < min_n
    out.loc[small, ["value", "se"]] = np.nan
    small_rest = out["rest_n"].fillna(0) < min_n
    out.loc[small_rest, ["rest_value", "rest_se"]] = np.nan
    out["ci_low"], out["ci_high"] = normal_interval(out["value"], out["se"], level)
    out["gap"] = out["value"] - out["rest_value"]
    out["gap_se"] = np.sqrt(out["se"] ** 2 + out["rest_se"] ** 2)
    out["gap_ci_low"], out["gap_ci_high"] = normal_interval(out["gap"], out["gap_se"], level)
    finite = np.isfinite(out["gap"]) & np.isfinite(out["gap_se"])
    out["significant"] = finite & (out["gap"].abs() > _z(level) * out["gap_se"])
    out["significant"] = out["significant"].astype(bool)
    if ratio:
        with np.errstate(divide="ignore", invalid="ignore"):
            out["ratio"] = np.where(out["rest_value"] > 0, out["value"] / out["rest_value"], np.nan)
    else:
        out["ratio"] = np.nan
    order = {r: k for k, r in enumerate(sorted(set(out[region]) - {TOTAL}, key=str))}
    order[TOTAL] = len(order)
    out = out.sort_values(
        [region, *([year] if year else []), GROUP, "measure"],
        key=lambda s: s.map(order) if s.name == region else s,
        kind="stable",
    )
    return out[[*keys, *GAP_COLUMNS]].reset_index(drop=True)


def _design_of(prepared, strata, cluster, level):
    mapped = prepared.design
    strata = mapped["strata"] if strata is None else strata
    cluster = mapped["cluster"] if cluster is None else cluster
    return Design.of(prepared.frame, strata, cluster, level=level, source=prepared.source)


def group_frame(prepared, registry, by: str) -> pd.DataFrame:
    """Return the prepared frame with the group column ``by``: a mapped group column (ages in
    years already as age bands) or ``income_quintile`` from the mapped income."""
    frame = prepared.frame
    if by == INCOME_QUINTILE:
        if "income" not in frame:
            raise DataError.from_text("groups.no_income")
        return with_income_quintile(frame, "income", year=YEAR, weight=WEIGHT)
    if by not in prepared.mapping.groups or by not in frame:
        groups = ", ".join(group_columns(prepared))
        raise DataError.from_text(
            "groups.not_a_group_column",
            column=by,
            groups=lambda lang: groups or text("groups.none", lang),
        )
    return frame


def group_columns(prepared) -> list[str]:
    """Return the group columns of a prepared dataset: the mapped ones, and ``income_quintile``
    when income is mapped (microdata)."""
    cols = [c for c in prepared.mapping.groups if c in prepared.frame]
    if "income" in prepared.frame and prepared.shape != "aggregates":
        cols.append(INCOME_QUINTILE)
    return cols


def polarity_of(indicator) -> str:
    """Return the indicator's polarity: higher_is_better, lower_is_better or neutral."""
    return indicator.polarity if indicator.polarity in POLARITIES else "neutral"


def reads_as_ratio(indicator, registry) -> bool:
    """Whether a ratio group / rest reads better beside the gap: shares and incomes."""
    variable = registry.variable_by_id.get(indicator.variable)
    money = variable is not None and "euro" in variable.unit("en").lower()
    return bool(indicator.is_share or (money and indicator.spec.family in ("mean", "quantile")))


def indicator_gaps(
    prepared,
    registry,
    indicator: str,
    by: str,
    *,
    level: float = 0.95,
    min_n: int = MIN_N,
    strata=None,
    cluster=None,
) -> pd.DataFrame:
    """Compute :func:`group_gaps` of one registry indicator by one group column of a prepared
    dataset, with ``indicator``, ``breakdown`` (the column) and the CBS ``colour``.

    The design follows the mapping's strata and clusters unless given.
    """
    registry = prepared.registry if prepared.registry is not None else registry
    if indicator not in registry.indicator_by_id:
        raise DataError.from_text("groups.unknown_indicator", indicator=indicator)
    ind = registry.indicator_by_id[indicator]
    if ind.variable not in prepared.frame:
        raise DataError.from_text("groups.indicator_not_mapped", indicator=indicator)
    frame = group_frame(prepared, registry, by)
    year = YEAR if YEAR in frame else None
    weight = WEIGHT if WEIGHT in frame else None
    out = group_gaps(
        frame,
        ind.variable,
        [ind.spec.text],
        by=by,
        region=REGION,
        year=year,
        weight=weight,
        labels=prepared.labels.get(ind.variable),
        design=_design_of(prepared, strata, cluster, level),
        level=level,
        min_n=min_n,
        ratio=reads_as_ratio(ind, registry),
    )
    out.insert(0, "indicator", ind.id)
    out.insert(1, "breakdown", by)
    out["colour"] = cbs_colour(out["gap"], out["significant"], polarity_of(ind))
    return out


# ---------------------------------------------------------------------------------------------
# The gap over the years
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GapTrend:
    """The trend of a gap over the years: weighted least squares of the gap on the year with
    weights 1/se² (the gaps' own variances, taken as known: se of the slope
    :math:`1/\\sqrt{\\sum w (t-\\bar t)^2}`, normal p-value)."""

    slope: float  # change of the gap per year
    se: float
    p: float
    first_year: object
    last_year: object
    first_gap: float
    last_gap: float
    years: int
    level: float = 0.95

    @property
    def significant(self) -> bool:
        return bool(np.isfinite(self.p) and self.p < 1 - self.level)

    @property
    def widened(self) -> bool:
        """Whether the gap grew in size (its distance from 0) over the period."""
        return abs(self.first_gap + self.slope * self._span) > abs(self.first_gap) or (
            self.first_gap == 0 and self.slope != 0
        )

    @property
    def _span(self) -> float:
        return float(self.last_year) - float(self.first_year)


def gap_trend(years, gaps, ses, *, level: float = 0.95) -> GapTrend | None:
    """Return the weighted least squares trend of ``gaps`` over ``years`` (None with fewer
    than three years with a gap and a standard error above 0).

    >>> t = gap_trend([2014, 2015, 2016], [1.0, 1.5, 2.0], [0.1, 0.1, 0.1])
    >>> round(t.slope, 6), round(t.se, 6), t.significant
    (0.5, 0.070711, True)
    """
    t = np.asarray(years, dtype=float)
    y = np.asarray(gaps, dtype=float)
    s = np.asarray(ses, dtype=float)
    ok = np.isfinite(t) & np.isfinite(y) & np.isfinite(s) & (s > 0)
    t, y, s = t[ok], y[ok], s[ok]
    if len(t) < 3 or np.ptp(t) == 0:
        return None
    order = np.argsort(t)
    t, y, s = t[order], y[order], s[order]
    w = 1 / s**2
    tm, ym = np.average(t, weights=w), np.average(y, weights=w)
    sxx = float(np.sum(w * (t - tm) ** 2))
    slope = float(np.sum(w * (t - tm) * (y - ym)) / sxx)
    se = float(1 / np.sqrt(sxx))
    p = 2 * (1 - NormalDist().cdf(abs(slope) / se))
    first, last = t[0], t[-1]
    return GapTrend(
        slope,
        se,
        p,
        int(first) if first.is_integer() else first,
        int(last) if last.is_integer() else last,
        float(y[0]),
        float(y[-1]),
        len(t),
        check_level(level),
    )


def trends_of(gaps: pd.DataFrame, *, year: str = YEAR, region: str = REGION, level=0.95):
    """Return the trend of every region's and group's gap in a table of :func:`group_gaps`:
    columns region, group, measure, slope, slope_se, p, significant, first/last year and gap."""
    rows = []
    for (reg, grp, meas), part in gaps.groupby([region, GROUP, "measure"], sort=False):
        tr = gap_trend(part[year], part["gap"], part["gap_se"], level=level)
        if tr is None:
            continue
        rows.append(
            {
                region: reg,
                GROUP: grp,
                "measure": meas,
                "slope": tr.slope,
                "slope_se": tr.se,
                "p": tr.p,
                "significant": tr.significant,
                "first_year": tr.first_year,
                "last_year": tr.last_year,
                "first_gap": tr.first_gap,
                "last_gap": tr.last_gap,
            }
        )
    return pd.DataFrame(rows)


def trend_sentence(
    trend: GapTrend,
    group: str,
    rest: str | None,
    lang: str,
    *,
    unit: str | None = None,
    decimals: int = 2,
) -> str:
    """Say how a gap moved: "the gap between lower educated and the rest widened from 0.64 to
    1.03 points since 2014, significantly".

    ``rest`` names the other group (``None``: the rest); ``unit`` the unit word (default
    points); ``group`` and ``rest`` are shown as given (escape them for HTML yourself).

    >>> t = gap_trend([2014, 2015, 2016], [0.64, 0.8, 1.03], [0.05, 0.05, 0.05])
    >>> trend_sentence(t, "laag", None, "en")
    'The gap between laag and the rest widened from 0.64 to 1.03 points since 2014, significantly.'
    """
    from indicators.registry.catalog import format_number

    other = rest if rest else text("groups.the_rest", lang)
    reversed_ = trend.first_gap * trend.last_gap < 0  # the gap changed sign: say the signs
    key = "groups.trend_widened" if trend.widened else "groups.trend_narrowed"
    if reversed_:
        key = "groups.trend_reversed"
    size = (lambda v: v) if reversed_ else abs
    said = text(
        key,
        lang,
        group=group,
        rest=other,
        first=format_number(size(trend.first_gap), decimals, lang),
        last=format_number(size(trend.last_gap), decimals, lang),
        unit=unit or text("groups.points", lang),
        since=trend.first_year,
    )
    tail = "groups.trend_significant" if trend.significant else "groups.trend_not_significant"
    return text(tail, lang, sentence=said)


# ---------------------------------------------------------------------------------------------
# Regions by the gap; well-being levels per group
# ---------------------------------------------------------------------------------------------


def rank_regions(
    gaps: pd.DataFrame, group, *, measure: str | None = None, year=None, region: str = REGION
) -> pd.DataFrame:
    """Rank the regions (not ``Total``) by the size of a group's gap, largest first, with the
    gap's interval and significance; ``year`` picks one year (default: the latest)."""
    part = gaps[(gaps[GROUP] == group) & (gaps[region] != TOTAL)]
    if measure is not None:
        part = part[part["measure"] == measure]
    if YEAR in part and len(part):
        part = part[part[YEAR] == (part[YEAR].max() if year is None else year)]
    part = part[np.isfinite(part["gap"])]
    part = part.assign(_size=part["gap"].abs()).sort_values("_size", ascending=False)
    part = part.drop(columns="_size").reset_index(drop=True)
    part.insert(0, "rank", np.arange(1, len(part) + 1))
    return part


def largest_gap(gaps: pd.DataFrame, region=TOTAL, year=None, *, column: str = REGION):
    """Return the group with the largest gap (in size) in a region and year (None if none).

    >>> t = pd.DataFrame({"region": ["Total"] * 2, "group": ["a", "b"], "gap": [0.5, -0.9]})
    >>> largest_gap(t)
    'b'
    """
    part = gaps[gaps[column] == region]
    if year is not None and YEAR in part:
        part = part[part[YEAR] == year]
    part = part[np.isfinite(part["gap"].to_numpy(dtype=float))]
    if part.empty:
        return None
    return part.loc[part["gap"].abs().idxmax(), GROUP]


def wellbeing_levels(
    frame: pd.DataFrame,
    value: str,
    *,
    low: float,
    high: float,
    by: str | None = None,
    region: str = REGION,
    year: str | None = None,
    weight: str | None = None,
    design: Design | None = None,
    level: float = 0.95,
) -> pd.DataFrame:
    """Return the shares with low (score <= ``low``), medium and high (score >= ``high``)
    well-being per region (and Total), year and group, with standard errors and intervals.

    Each share is the weighted mean of a 0/1 variable (rows without a value left out).
    """
    if not low < high:
        raise DataError.from_text("groups.bad_cut_points", low=low, high=high)
    x = frame[value].to_numpy(dtype=float, na_value=np.nan)
    valid = np.isfinite(x)
    flags = {
        "low": x <= low,
        "medium": (x > low) & (x < high),
        "high": x >= high,
    }
    keys = [region, *([year] if year else []), *([by] if by else [])]
    work = pd.DataFrame(
        {c: frame[c] for c in dict.fromkeys([*keys, *([weight] if weight else [])])}
    )
    for name, hit in flags.items():
        work[f"__{name}"] = np.where(valid, hit.astype(float), np.nan)
    groupings = Groupings(work)
    parts = []
    for name in LEVELS:
        t = measure_table(
            work,
            f"__{name}",
            ["mean"],
            region=region,
            year=year,
            weight=weight,
            by=[by] if by else [],
            groupings=groupings,
            design=design or Design(level=level),
        )
        t["level"] = name
        parts.append(t)
    out = pd.concat(parts, ignore_index=True).rename(columns={"value": "share"})
    out["ci_low"], out["ci_high"] = normal_interval(out["share"], out["se"], level)
    if by:
        out = out.rename(columns={by: GROUP})
        keys = [GROUP if k == by else k for k in keys]
    return out[[*keys, "level", "share", "se", "ci_low", "ci_high", "n"]]


def cut_points(registry, variable: str, low=None, high=None) -> tuple[float, float, str]:
    """Return the (low, high, source) cut points of a variable: the caller's where given, else
    the catalogue's; an error in the user's language when there are none."""
    var = registry.variable_by_id.get(variable)
    c_low = None if var is None else var.wellbeing_low
    c_high = None if var is None else var.wellbeing_high
    low = c_low if low is None else low
    high = c_high if high is None else high
    if low is None or high is None:
        raise DataError.from_text("groups.no_cut_points", variable=variable)
    given = (low, high) != (c_low, c_high)
    source = "" if given or var is None else var.wellbeing_source
    return float(low), float(high), source


# ---------------------------------------------------------------------------------------------
# On a raw table, as the command line reads it
# ---------------------------------------------------------------------------------------------

CLI_COLUMNS = (
    GROUP,
    "measure",
    "value",
    "se",
    "ci_low",
    "ci_high",
    "n",
    "rest_value",
    "gap",
    "gap_se",
    "gap_ci_low",
    "gap_ci_high",
    "significant",
)


def raw_frame(df, *, region, year=None, weight=None, by=(), source="data") -> pd.DataFrame:
    """Return the role columns of a raw table, checked (as the ``measures`` command): region,
    year and weight under their own names, group columns as text (ages in years as age
    bands; no answer as ``(missing)``)."""
    from indicators.dataset import validate
    from indicators.dataset.mapping import age_bands, is_age_in_years

    validate.require_columns(df, [c for c in (region, year, weight, *by) if c], source=source)
    frame = pd.DataFrame({region: validate.region_column(df, region, source=source)})
    if year:
        frame[year] = validate.year_column(df, year, source=source)
    if weight:
        frame[weight] = validate.weight_column(df, weight, source=source)
    for col in by:
        if is_age_in_years(col, df[col]):
            frame[col] = age_bands(df[col]).to_numpy()
        else:
            frame[col] = df[col].astype("string").str.strip().fillna(MISSING_GROUP).to_numpy()
    return frame.reset_index(drop=True)


def raw_gaps(
    df: pd.DataFrame,
    *,
    value: str,
    region: str,
    by: str,
    year: str | None = None,
    weight: str | None = None,
    measures: Sequence[str] | None = None,
    order: Sequence[str] | None = None,
    source: str = "data",
    level: float = 0.95,
    strata: str | None = None,
    cluster: str | None = None,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """Compute :func:`group_gaps` of one column of a raw table (``python -m indicators
    groups``): the columns region, year (named as in the input), then :data:`CLI_COLUMNS`.

    Text answers become scores 1..k when ``order`` (low to high) is given; ``share:LABEL``
    works on the labels either way (as :func:`indicators.results.compute_measures`).
    """
    from indicators.dataset import validate
    from indicators.dataset.prepare import to_scores
    from indicators.stats.measures import DEFAULT_MEASURES, parse_measure

    validate.require_columns(df, [c for c in (value, strata, cluster) if c], source=source)
    frame = raw_frame(df, region=region, year=year, weight=weight, by=[by], source=source)
    design = Design.of(df.reset_index(drop=True), strata, cluster, level=level, source=source)
    column = df[value]
    requested = list(measures) if measures else None
    numeric = pd.api.types.is_numeric_dtype(column) or _numeric_text(column)
    if not numeric and not order:
        if requested and all(parse_measure(m).family == "share" for m in requested):
            answers = tuple(sorted(map(str, pd.unique(column.dropna().astype(str).str.strip()))))
            values, labels = to_scores(df, value, None, answers, source=source)
        else:
            examples = ", ".join(f"'{v}'" for v in pd.unique(column.dropna())[:4])
            raise DataError.from_text(
                "errors.text_answers_need_order", source=source, column=value, examples=examples
            )
    else:
        values, labels = to_scores(df, value, None, tuple(order) if order else None, source=source)
    frame["__value"] = values.to_numpy()
    if requested is None:
        requested = list(DEFAULT_MEASURES)
        if labels:
            requested += [f"share:{label}" for label in (order or labels)]
    out = group_gaps(
        frame,
        "__value",
        requested,
        by=by,
        region=region,
        year=year,
        weight=weight,
        labels=labels or None,
        design=design,
        level=level,
        min_n=min_n,
    )
    wanted = {parse_measure(m).text for m in requested}
    out = out[out["measure"].isin(wanted)]  # not the Theil parts of the Total rows
    keys = [region, *([year] if year else [])]
    return out[[*keys, *CLI_COLUMNS]].reset_index(drop=True)


def _numeric_text(column: pd.Series) -> bool:
    sample = column.dropna().astype(str).str.strip().head(1000)
    return bool(len(sample)) and sample.str.fullmatch(r"-?[\d.]+(,\d+)?").all()
