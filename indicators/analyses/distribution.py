"""Distribution versus average: what the mean hides, as numbers, sentences and charts.

Pure code (numpy, pandas, plotly; no Streamlit) behind the "Distribution versus average"
page:

- :func:`units_frame` takes one variable in one year from a prepared dataset as a plain
  ``group, value, weight`` table (groups are regions, or for aggregates a higher region of
  the units);
- :func:`weighted_histogram`, :func:`weighted_ecdf`, :func:`answer_shares` and
  :func:`weighted_sample` describe the distributions with their weights;
- :func:`summarize` gives mean, median, P10 to P90 and the share at the worse end ("the
  bottom") per group from the grouped engine (:func:`indicators.compute.measure_table`);
- :func:`standard_errors` gives their linearized standard errors (survey microdata), from
  which :func:`survey` adds 95% intervals;
- :func:`rank_table` ranks groups by the mean and by the bottom; :func:`find_contrast` looks
  for the pair of groups with (almost) the same mean but clearly different bottoms, and
  :func:`contrast_sentence` says it in Dutch or English with the numbers, and whether the
  difference in the bottom is significant (:func:`bottom_difference`);
- ``*_figure`` functions turn these tables into plotly figures.

"Bottom" means the worse end of the distribution: the low end when higher is better (life
satisfaction, income), the high end when lower is better (housing cost burden).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.dataset.mapping import REGION, WEIGHT, YEAR
from indicators.registry.catalog import format_display, shown_decimals
from indicators.registry.catalog import format_number as fmt_number
from indicators.results import TOTAL, measure_table
from indicators.stats.measures import POVERTY_FRACTION, parse_measure
from indicators.stats.uncertainty import Design, normal_interval
from indicators.text import area
from indicators.text import text as lookup

QUANTILES = (("p10", 0.1), ("p25", 0.25), ("median", 0.5), ("p75", 0.75), ("p90", 0.9))
# the numbers that get an interval (columns ``<m>_se``, ``<m>_low``, ``<m>_high`` of a summary)
WITH_INTERVALS = ("mean", *(m for m, _ in QUANTILES), "bottom")
Z_95 = 1.959963984540054  # the normal quantile of a two-sided 95% interval
CONTINUOUS, ORDINAL = "continuous", "ordinal"

TEXTS = area("distribution")


def text(key: str, lang: str, **values) -> str:
    """Return a text of this module in ``lang``, filled in.

    A ``year`` of None (data without years) leaves the year out of the text: ``{in_year}``
    becomes " in 2024" or nothing.

    >>> text("title_quantiles", "en", var="Income", year=None)
    'Income: P10, P25, median, P75 and P90 by region, with the mean'
    >>> text("title_quantiles", "nl", var="Inkomen", year=2024)[:15]
    'Inkomen in 2024'
    """
    if "year" in values:
        year = values["year"]
        values["in_year"] = "" if year is None else lookup("distribution.in_year", lang, year=year)
    return lookup(f"distribution.{key}", lang, **values)


# ---- numbers in words -----------------------------------------------------------------------


def fmt_share(value: float, decimals: int, lang: str) -> str:
    """Format a share (0 to 1) as a percentage.

    Examples
    --------
    >>> fmt_share(0.0774, 1, "nl"), fmt_share(0.0774, 1, "en")
    ('7,7%', '7.7%')
    """
    return format_display(value, decimals, is_share=True, lang=lang)


def join_names(names: Sequence[str], lang: str) -> str:
    """Join names as "A, B and C" (Dutch: "A, B en C").

    Examples
    --------
    >>> join_names(["Utrecht", "Limburg", "Zeeland"], "nl")
    'Utrecht, Limburg en Zeeland'
    >>> join_names(["Utrecht"], "en")
    'Utrecht'
    """
    names = [str(n) for n in names]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {text('and', lang)} {names[-1]}"


EPONYMS = ("Gini", "Theil", "Atkinson", "Palma", "Engel")  # names keep their capital


def lower_first(label: str) -> str:
    """Lower the first letter of a label for use inside a sentence (not for acronyms or a
    label that starts with a name).

    Examples
    --------
    >>> lower_first("Life satisfaction"), lower_first("OECD index")
    ('life satisfaction', 'OECD index')
    >>> lower_first("Theil index of income")
    'Theil index of income'
    """
    if (len(label) > 1 and label[:2].isupper()) or label.startswith(EPONYMS):
        return label
    return label[:1].lower() + label[1:]


def group_name(group: str, lang: str) -> str:
    """Return the shown name of a group (Total in the user's language)."""
    return text("total", lang) if group == TOTAL else str(group)


# ---- the data of one variable in one year ----------------------------------------------------


def plottable(variable) -> bool:
    """Whether a registry variable has a distribution worth showing here.

    Continuous variables and ordinal answers do; binary answers are one share, and nominal
    categories (work status) have no order and no mean.
    """
    return getattr(variable, "kind", CONTINUOUS) in (CONTINUOUS, ORDINAL)


def units_frame(
    prepared, variable: str, *, year=None, by=None, groups: Sequence[str] | None = None
) -> pd.DataFrame:
    """Return one variable in one year as a ``group, value, weight`` table.

    Parameters
    ----------
    prepared : Prepared
        The dataset from :func:`indicators.dataset.prepare`.
    variable : str
        A mapped registry variable id.
    year : optional
        The year to keep (all rows when None or without a year column).
    by : array-like, optional
        The group of each row of ``prepared.frame`` (for aggregates: a higher region such as
        the province of each municipality); by default the region. When ``by`` is given but
        empty of meaning (all one value) the groups are still its values.
    groups : sequence of str, optional
        Groups to keep; ``Total`` adds all rows again as group ``Total``.

    Rows with no value or no weight are left out (the results table counts them).
    """
    frame = prepared.frame
    value = frame[variable].to_numpy(dtype=float, na_value=np.nan)
    weight = (
        frame[WEIGHT].to_numpy(dtype=float, na_value=np.nan)
        if WEIGHT in frame
        else np.ones(len(frame))
    )
    keep = np.isfinite(value) & np.isfinite(weight)
    if year is not None and YEAR in frame:
        keep &= (frame[YEAR] == year).to_numpy()
    rows = np.flatnonzero(keep)  # select first: only the kept rows' group names become text
    group = frame[REGION] if by is None else pd.Series(np.asarray(by, dtype=object))
    out = pd.DataFrame(
        {
            "group": group.iloc[rows].astype(str).to_numpy(),
            "value": value[rows],
            "weight": weight[rows],
        }
    )
    if groups is not None:
        out = select_groups(out, groups)
    return out.reset_index(drop=True)


def select_groups(rows: pd.DataFrame, groups: Sequence[str]) -> pd.DataFrame:
    """Keep the rows of some groups; ``Total`` adds all rows again as group ``Total``."""
    parts = [rows[rows["group"].isin([g for g in groups if g != TOTAL])]]
    if TOTAL in groups:
        parts.append(rows.assign(group=TOTAL))
    return pd.concat(parts, ignore_index=True)


def is_integer_valued(values) -> bool:
    """Whether all finite values are whole numbers (a 0-10 score, say).

    Examples
    --------
    >>> is_integer_valued([0, 7, 10.0]), is_integer_valued([0.5, 1])
    (True, False)
    """
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    return bool(x.size) and bool(np.all(x == np.round(x)))


def is_whole_score(variable, values) -> bool:
    """Whether a variable is a score scale answered in whole numbers (0-10, say).

    Such a bottom reads "score below 6"; whole euros are amounts, not scores.

    Examples
    --------
    >>> from indicators.registry.catalog import load_registry
    >>> reg = load_registry()
    >>> is_whole_score(reg.variable_by_id["life_satisfaction"], [0, 7, 10])
    True
    >>> is_whole_score(reg.variable_by_id["income"], [18000, 25000])
    False
    """
    return variable.unit("en").startswith("score") and is_integer_valued(values)


def answer_labels(scores: dict | None, variable, lang: str) -> list[str]:
    """Return the answer labels in order (score 1..k), in ``lang`` when the user's answers
    are the registry's levels, else as the user wrote them.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> v = SimpleNamespace(levels_nl=("nee", "ja"), levels_en=("no", "yes"),
    ...                     levels=lambda lang: {"nl": ("nee", "ja"), "en": ("no", "yes")}[lang])
    >>> answer_labels({"nee": 1.0, "ja": 2.0, "no": 1.0, "yes": 2.0}, v, "en")
    ['no', 'yes']
    >>> answer_labels({"laag": 1.0, "hoog": 2.0}, v, "en")
    ['laag', 'hoog']
    """
    own: dict[int, str] = {}
    for label, score in (scores or {}).items():
        own.setdefault(int(score), str(label))
    labels = [own[k] for k in sorted(own)]
    if variable is not None:
        for levels in (getattr(variable, "levels_nl", ()), getattr(variable, "levels_en", ())):
            if levels and [x.casefold() for x in labels] == [x.casefold() for x in levels]:
                return list(variable.levels(lang))
    return labels


def higher_region_columns(raw: pd.DataFrame, region: str) -> list[str]:
    """Return text columns that group the regions: fewer distinct values than the region
    column, more than one, and one value per region (such as the province of a municipality).

    Examples
    --------
    >>> raw = pd.DataFrame({"gemeente": ["a", "b", "c", "a"], "prov": ["P", "P", "Q", "P"],
    ...                     "x": ["u", "v", "u", "w"], "n": [1, 2, 3, 4]})
    >>> higher_region_columns(raw, "gemeente")
    ['prov']
    """
    n_regions = raw[region].nunique()
    out = []
    for col in raw.columns:
        if col == region or pd.api.types.is_numeric_dtype(raw[col]):
            continue
        k = raw[col].nunique()
        if 1 < k < n_regions and (raw.groupby(region)[col].nunique() <= 1).all():
            out.append(col)
    return out


# ---- weighted distributions ----------------------------------------------------------------


def weighted_ecdf(values, weights=None, *, max_points: int | None = None):
    """Return the weighted empirical distribution function at each distinct value.

    ``F(x)`` is the weighted share of values at or below ``x``. With ``max_points``, long
    curves are thinned to about that many steps (first and last kept).

    Examples
    --------
    >>> x, f = weighted_ecdf([3, 1, 2, 2], [1, 1, 1, 1])
    >>> x.tolist(), f.tolist()
    ([1.0, 2.0, 3.0], [0.25, 0.75, 1.0])
    >>> weighted_ecdf([1, 2], [3, 1])[1].tolist()
    [0.75, 1.0]
    """
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    keep = np.isfinite(x) & np.isfinite(w)
    x, w = x[keep], w[keep]
    if not x.size or w.sum() <= 0:
        return np.empty(0), np.empty(0)
    ux, inverse = np.unique(x, return_inverse=True)
    cum = np.cumsum(np.bincount(inverse, weights=w, minlength=ux.size))
    f = cum / cum[-1]
    if max_points and ux.size > max_points:
        steps = np.unique(np.searchsorted(f, np.linspace(0, 1, max_points), side="left"))
        steps = np.unique(np.concatenate(([0], steps, [ux.size - 1])))
        steps = steps[steps < ux.size]
        ux, f = ux[steps], f[steps]
    return ux, f


def histogram_edges(values, *, max_bins: int = 40, top: float = 0.995) -> np.ndarray:
    """Return bin edges: one bin per whole number for scores, else about 10 to 40 bins.

    Whole-number data with at most 31 distinct positions (a 0-10 score) gets bins centred on
    each number. Other data gets bins from the minimum to the ``top`` quantile; the last bin
    then also holds the few values above it (see :func:`weighted_histogram`).

    Examples
    --------
    >>> histogram_edges([0, 5, 10]).tolist()[:3], histogram_edges([0, 5, 10]).size
    ([-0.5, 0.5, 1.5], 12)
    """
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if not x.size:
        return np.array([0.0, 1.0])
    lo, hi = float(x.min()), float(x.max())
    if is_integer_valued(x) and hi - lo <= 30:
        return np.arange(lo - 0.5, hi + 1.5)
    hi = float(np.quantile(x, top)) if x.size > 200 else hi
    if hi <= lo:
        return np.array([lo - 0.5, lo + 0.5])
    edges = np.histogram_bin_edges(x[(x >= lo) & (x <= hi)], bins="auto", range=(lo, hi))
    if edges.size - 1 > max_bins:
        edges = np.linspace(lo, hi, max_bins + 1)
    if edges.size - 1 < 10:
        edges = np.linspace(lo, hi, 11)
    return edges


def weighted_histogram(values, weights=None, edges=None, groups=None, n_groups: int = 1):
    """Return the weighted share of values in each bin (rows: groups; each row sums to 1).

    Values below the first edge count in the first bin and values above the last edge in the
    last bin, so every value is counted once.

    Examples
    --------
    >>> weighted_histogram([1, 2, 2, 3], [1, 1, 2, 4], edges=[0.5, 1.5, 2.5, 3.5]).tolist()
    [[0.125, 0.375, 0.5]]
    >>> weighted_histogram([1, 2, 1, 9], None, [0.5, 1.5, 2.5], groups=[0, 0, 1, 1],
    ...                    n_groups=2).tolist()
    [[0.5, 0.5], [0.5, 0.5]]
    """
    x = np.asarray(values, dtype=float)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    e = np.asarray(edges, dtype=float)
    g = np.zeros(x.size, dtype=np.int64) if groups is None else np.asarray(groups, np.int64)
    nb = e.size - 1
    idx = np.clip(np.searchsorted(e, x, side="right") - 1, 0, nb - 1)
    counts = np.bincount(g * nb + idx, weights=w, minlength=n_groups * nb)
    counts = counts[: n_groups * nb].reshape(n_groups, nb)
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return counts / totals


def answer_shares(data: pd.DataFrame, n_levels: int, groups: Sequence[str]) -> pd.DataFrame:
    """Return the weighted share of each answer (scores 1..k) per group.

    Examples
    --------
    >>> d = pd.DataFrame({"group": ["a", "a", "a", "b"], "value": [1.0, 2.0, 2.0, 3.0],
    ...                   "weight": [2.0, 1.0, 1.0, 1.0]})
    >>> answer_shares(d, 3, ["a", "b"])["share"].tolist()
    [0.5, 0.5, 0.0, 0.0, 0.0, 1.0]
    """
    codes = pd.Categorical(data["group"], categories=list(groups)).codes
    keep = codes >= 0
    edges = np.arange(0.5, n_levels + 1)
    shares = weighted_histogram(
        data["value"].to_numpy()[keep],
        data["weight"].to_numpy()[keep],
        edges,
        groups=codes[keep],
        n_groups=len(groups),
    )
    return pd.DataFrame(
        {
            "group": np.repeat(list(groups), n_levels),
            "score": np.tile(np.arange(1, n_levels + 1), len(groups)),
            "share": shares.ravel(),
        }
    )


def weighted_sample(values, weights=None, size: int = 4000, seed: int = 0) -> np.ndarray:
    """Draw a weighted random sample (with replacement), so an unweighted plot shows the
    weighted shape; returns the values themselves, sorted, when they are few and unweighted.

    Examples
    --------
    >>> weighted_sample([1, 2, 3], None).tolist()
    [1.0, 2.0, 3.0]
    >>> set(weighted_sample([1, 2, 3], [0, 0, 5], size=10).tolist())
    {3.0}
    """
    x = np.asarray(values, dtype=float)
    w = None if weights is None else np.asarray(weights, dtype=float)
    if w is None or np.allclose(w, w[0] if w.size else 1):
        if x.size <= size:
            return np.sort(x)
        w = np.ones_like(x)
    if not x.size or w.sum() <= 0:
        return np.empty(0)
    rng = np.random.default_rng(seed)
    return np.sort(rng.choice(x, size=size, replace=True, p=w / w.sum()))


# ---- the bottom of the distribution --------------------------------------------------------


@dataclass(frozen=True)
class Bottom:
    """The worse end of a distribution, as a share beyond a threshold or a quantile.

    ``kind`` is "share" (the weighted share with x < threshold, or x >= threshold when
    ``direction`` is "at_least") or "quantile" (P10, or P90 when lower is better).
    """

    kind: str = "share"
    threshold: float | None = None
    direction: str = "below"
    p: float = 0.1
    poverty_line: bool = False

    @property
    def measure(self) -> str:
        """Return the measure name for the grouped engine.

        Examples
        --------
        >>> Bottom("share", 6).measure, Bottom("share", 40, "at_least").measure
        ('share_below:6', 'share_at_least:40')
        >>> Bottom("quantile", p=0.9).measure
        'p90'
        """
        if self.kind == "quantile":
            return parse_measure(f"p{round(self.p * 100)}").text
        family = "share_below" if self.direction == "below" else "share_at_least"
        return parse_measure(f"{family}:{self.threshold}").text

    @property
    def is_share(self) -> bool:
        """Whether the bottom is a share (lower is better) rather than a quantile."""
        return self.kind == "share"


def low_end_is_worse(variable) -> bool:
    """Whether the bottom is the low end (unless the registry says lower is better)."""
    return getattr(variable, "higher_is_better", True) is not False


def poverty_threshold(data: pd.DataFrame, decimals: int = 0) -> float:
    """Return 0.6 (the measure table's fraction) x the weighted median of all rows, rounded.

    Examples
    --------
    >>> d = pd.DataFrame({"group": list("aabb"), "value": [10.0, 20, 30, 40],
    ...                   "weight": [1.0, 1, 1, 1]})
    >>> poverty_threshold(d)
    15.0
    """
    one = pd.DataFrame({"g": 0, "x": data["value"], "w": data["weight"]})
    table = measure_table(one, "x", ["median"], region="g", weight="w", total=False)
    return round(POVERTY_FRACTION * float(table["value"].iloc[0]), decimals)


EXACT = 12  # decimals that keep a computed threshold as it is (float noise aside)


def default_bottom(variable, registry, data: pd.DataFrame) -> Bottom:
    """Choose a meaningful bottom for a variable: the registry's own threshold when it has
    one (life satisfaction below 6, unhappy answers), the poverty line (60% of the median of
    all regions) for income, else P10 (P90 when lower is better).
    """
    low = low_end_is_worse(variable)
    inds = [
        ind
        for ind in registry.indicators
        if ind.variable == variable.id
        and ind.beyond_average
        and ind.spec.family in ("poverty_rate", "share_below", "share_at_least")
    ]
    for ind in sorted(inds, key=lambda i: i.spec.family != "poverty_rate"):
        fam = ind.spec.family
        if fam == "poverty_rate" and len(data):
            # the line itself (to float precision), as the poverty rate counts below it: 60% of
            # a median of 5.7 thousand euros is 3.42, not 3 (issue 9)
            return Bottom("share", poverty_threshold(data, EXACT), poverty_line=True)
        if fam == "share_below" and low:
            return Bottom("share", float(ind.spec.param), "below")
        if fam == "share_at_least" and not low:
            return Bottom("share", float(ind.spec.param), "at_least")
    return Bottom("quantile", p=0.1 if low else 0.9)


def share_decimals(variable, bottom: Bottom, registry) -> int:
    """Return the decimals for the bottom share: the registry indicator's, else 1."""
    for ind in registry.indicators:
        if ind.variable == variable.id and ind.spec.text == bottom.measure:
            return ind.decimals
    return 1


def mean_decimals(variable, registry) -> int:
    """Return the decimals for means: the registry's mean indicator's, else the variable's."""
    for ind in registry.indicators:
        if ind.variable == variable.id and ind.spec.family == "mean":
            return ind.decimals
    return variable.decimals


def bottom_phrase(
    bottom: Bottom,
    lang: str,
    *,
    integer: bool = False,
    answers: Sequence[str] | None = None,
    decimals: int = 1,
    unit: str = "",
) -> str:
    """Say who is at the bottom, after a share: "score below 6", "are below 18.640 euro".

    The threshold is named as the user entered it ("scores below 6"), so the sentence and
    the input read alike.

    Examples
    --------
    >>> bottom_phrase(Bottom("share", 6), "en", integer=True)
    'score below 6'
    >>> bottom_phrase(Bottom("share", 3), "nl", answers=["zeer ongelukkig", "ongelukkig", "x"])
    "antwoordt 'ongelukkig' of lager"
    >>> bottom_phrase(Bottom("share", 18640, poverty_line=True), "nl", decimals=0, unit="euro")
    "zit onder de armoedegrens van 18.640 euro (60% van de mediaan van alle regio's)"
    """
    if not bottom.is_share:
        return ""
    t = float(bottom.threshold)
    below = bottom.direction == "below"
    if answers:
        k = len(answers)
        if below:
            pos = min(max(math.ceil(t) - 1, 1), k)  # scores < t: up to answer ceil(t) - 1
            key = "answer_is" if pos == 1 else "answer_or_lower"
        else:
            pos = min(max(math.ceil(t), 1), k)
            key = "answer_is" if pos == k else "answer_or_higher"
        return text(key, lang, a=answers[pos - 1])
    if integer and t == round(t):
        return text("score_below" if below else "score_or_higher", lang, t=int(t))
    shown = fmt_number(t, threshold_decimals(t, decimals), lang) + (f" {unit}" if unit else "")
    if bottom.poverty_line and below:
        return text("poverty", lang, t=shown)
    return text("below" if below else "at_least", lang, t=shown)


def threshold_decimals(threshold: float, decimals: int) -> int:
    """Return the decimals a threshold is shown with: those of the values
    (:func:`shown_decimals`) or up to two more where the threshold has them, so that the
    threshold shown is the one counted (60% of a median of 5.7 is 3.42, not 3).

    >>> threshold_decimals(40, 1), threshold_decimals(3.42, 0), threshold_decimals(18.06, 0)
    (1, 2, 2)
    >>> threshold_decimals(18873.84, 0), threshold_decimals(6.5, 1), threshold_decimals(1/3, 1)
    (2, 1, 3)
    """
    t = float(threshold)
    if not math.isfinite(t):
        return int(decimals)
    shown = shown_decimals(decimals, [t])
    digits = shown
    while digits < shown + 2 and not math.isclose(t, round(t, digits), rel_tol=0, abs_tol=1e-9):
        digits += 1
    return digits


def bottom_short(bottom: Bottom, lang: str, phrase: str) -> str:
    """Name the bottom in a few words for an axis: "P10" or "share who score below 6"."""
    if not bottom.is_share:
        return f"P{round(bottom.p * 100)}"
    return text("share_bottom", lang, what=phrase) if phrase else text("bottom_share_short", lang)


# ---- numbers per group ---------------------------------------------------------------------


def summarize(data: pd.DataFrame, bottom: Bottom, *, total: bool = False) -> pd.DataFrame:
    """Return mean, sd, quantiles and the bottom per group (weighted; Eurostat quantiles).

    Columns: group, n, weight_sum, mean, sd, p10, p25, median, p75, p90, bottom. Groups keep
    their order of first appearance; ``total`` adds a row for all rows together.

    Examples
    --------
    >>> d = pd.DataFrame({"group": ["a"] * 4 + ["b"] * 2, "value": [4.0, 6, 8, 10, 1, 3],
    ...                   "weight": [1.0, 1, 1, 1, 1, 3]})
    >>> s = summarize(d, Bottom("share", 6))
    >>> s[["group", "n", "mean", "median", "bottom"]].to_dict("list")
    {'group': ['a', 'b'], 'n': [4, 2], 'mean': [7.0, 2.5], 'median': [7.0, 3.0], 'bottom': [0.25, 1.0]}
    """
    measures = ["mean", "sd", *(m for m, _ in QUANTILES)]
    extra = bottom.measure
    if extra not in measures:
        measures.append(extra)
    order = list(pd.unique(data["group"]))  # first appearance, without a Python loop
    columns = ["group", "n", "weight_sum", "mean", "sd", *(m for m, _ in QUANTILES), "bottom"]
    if not order:
        return pd.DataFrame(columns=columns)
    table = measure_table(data, "value", measures, region="group", weight="weight", total=total)
    wide = table.pivot_table(
        index="group", columns="measure", values="value", aggfunc="first", dropna=False
    )
    counts = table.drop_duplicates("group").set_index("group")[["n", "weight_sum"]]
    wide = wide.join(counts)
    wide["bottom"] = wide[extra]
    if total and TOTAL not in order:
        order.append(TOTAL)
    wide = wide.reindex(order).reset_index().rename(columns={"index": "group"})
    wide["n"] = wide["n"].astype(int)
    return wide[columns]


def standard_errors(
    prepared, variable, bottom: Bottom, *, year=None, by=None, design: Design | None = None
) -> pd.DataFrame:
    """Return the linearized standard errors of the mean, P10 to P90 and the bottom per group
    (plus Total), as the results table computes them (:func:`indicators.results.compute`).

    Columns: group, ``<m>_se`` for each of :data:`WITH_INTERVALS`. Each group is a domain of
    the year's sample: every row of the year counts as a unit of the design, also one without
    a value (as ``survey::svyby``). The design is one stratum with each row its own unit
    unless ``design`` gives strata and clusters for the rows of ``prepared.frame``. A bottom at
    the poverty line (:attr:`Bottom.poverty_line`) gets the standard error of the poverty rate,
    whose line (60% of the median of all rows) is itself estimated.
    """
    frame = prepared.frame
    keep = np.ones(len(frame), dtype=bool)
    if year is not None and YEAR in frame:
        keep = (frame[YEAR] == year).to_numpy()
    rows = np.flatnonzero(keep)
    group = frame[REGION] if by is None else pd.Series(np.asarray(by, dtype=object))
    data = pd.DataFrame(
        {
            "group": group.iloc[rows].astype(str).to_numpy(),
            "value": frame[variable.id].to_numpy(dtype=float, na_value=np.nan)[rows],
        }
    )
    weight = None
    if WEIGHT in frame:
        data["weight"] = frame[WEIGHT].to_numpy(dtype=float, na_value=np.nan)[rows]
        weight = "weight"
    design = design or Design()
    design = Design(
        None if design.strata is None else design.strata[rows],
        None if design.cluster is None else design.cluster[rows],
        design.level,
        design.bandwidth,
    )
    extra = "poverty_rate" if bottom.is_share and bottom.poverty_line else bottom.measure
    measures = list(dict.fromkeys(["mean", *(m for m, _ in QUANTILES), extra]))
    columns = ["group", *(f"{m}_se" for m in WITH_INTERVALS)]
    if data.empty:
        return pd.DataFrame(columns=columns)
    table = measure_table(data, "value", measures, region="group", weight=weight, design=design)
    wide = table.pivot_table(
        index="group", columns="measure", values="se", aggfunc="first", dropna=False
    ).reindex(columns=measures)
    wide["bottom"] = wide[extra]
    out = wide.reset_index()
    out.columns = ["group", *(f"{m}_se" for m in wide.columns[:-1]), "bottom_se"]
    return out[columns]


def add_intervals(summary: pd.DataFrame, se: pd.DataFrame, level: float = 0.95):
    """Return a summary with the standard error and the normal interval of each number of
    :data:`WITH_INTERVALS`: columns ``<m>_se``, ``<m>_low``, ``<m>_high`` (empty where the
    standard error is unknown).

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["a"], "mean": [10.0], "bottom": [0.2]})
    >>> e = pd.DataFrame({"group": ["a"], "mean_se": [1.0], "bottom_se": [0.1]})
    >>> out = add_intervals(s, e)
    >>> float(out["mean_low"][0]), float(out["bottom_high"][0]), bool(out["median_se"].isna()[0])
    (8.04, 0.396, True)
    """
    out = summary.merge(se, on="group", how="left", suffixes=("", "_se_dup"))
    for m in WITH_INTERVALS:
        if f"{m}_se" not in out:
            out[f"{m}_se"] = np.nan
        value = out[m] if m in out else pd.Series(np.nan, index=out.index)
        out[f"{m}_low"], out[f"{m}_high"] = normal_interval(value, out[f"{m}_se"], level)
    return out


def rank_table(summary: pd.DataFrame, bottom: Bottom, *, low_is_worse: bool = True):
    """Rank groups by the mean and by the bottom (1 = best; ties share the better rank).

    The mean is better when higher (or lower, when lower is better); a bottom share is better
    when smaller; a P10 is better when higher (a P90 of a lower-is-better variable when
    lower). ``moved`` marks groups whose two ranks differ by at least ``max(2, ceil(k / 4))``
    places among ``k`` groups.

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["a", "b", "c"], "mean": [7.0, 7.5, 6.0],
    ...                   "bottom": [0.02, 0.10, 0.12]})
    >>> r = rank_table(s, Bottom("share", 6))
    >>> r[["group", "rank_mean", "rank_bottom", "change"]].to_dict("list")
    {'group': ['a', 'b', 'c'], 'rank_mean': [2, 1, 3], 'rank_bottom': [1, 2, 3], 'change': [-1, 1, 0]}
    """
    s = summary[(summary["group"] != TOTAL)].dropna(subset=["mean", "bottom"]).copy()
    s["rank_mean"] = s["mean"].rank(ascending=not low_is_worse, method="min").astype(int)
    bottom_ascending = bottom.is_share or not low_is_worse
    s["rank_bottom"] = s["bottom"].rank(ascending=bottom_ascending, method="min").astype(int)
    s["change"] = s["rank_bottom"] - s["rank_mean"]
    big = max(2, math.ceil(len(s) / 4))
    s["moved"] = s["change"].abs() >= big
    s.attrs["big"] = big
    return s.reset_index(drop=True)


@dataclass(frozen=True)
class Contrast:
    """What the average hides among some groups.

    ``kind``: "same_mean" (a and b have about the same mean, a has the worse bottom),
    "reversed" (a has the better mean but the worse bottom), "same_story" (neither), or
    "single" (one group only).
    """

    kind: str
    a: str | None = None
    b: str | None = None
    mean_a: float = math.nan
    mean_b: float = math.nan
    bottom_a: float = math.nan
    bottom_b: float = math.nan
    median_a: float = math.nan
    se_a: float = math.nan  # standard errors of the bottoms (NaN: none, as for aggregates)
    se_b: float = math.nan


def find_contrast(
    summary: pd.DataFrame,
    bottom: Bottom,
    *,
    low_is_worse: bool = True,
    mean_tolerance: float,
    bottom_gap: float,
) -> Contrast:
    """Find the pair of groups with the closest means but the most different bottoms.

    Parameters
    ----------
    summary : DataFrame
        From :func:`summarize` (the Total row is ignored).
    bottom : Bottom
        How the bottom is measured.
    low_is_worse : bool, default True
        False when lower values are better.
    mean_tolerance : float
        Means that differ by at most this much count as "about the same" (the page uses a
        tenth of the standard deviation of all regions together).
    bottom_gap : float
        Bottoms count as "clearly different" when they differ by at least this much (and, for
        shares, the larger is at least 1.25 times the smaller).

    Returns a "same_mean" pair (the one with the largest bottom gap among pairs with about
    the same mean), else a "reversed" pair (a better mean but a worse bottom; the largest
    bottom gap), else "same_story"; "single" with one group. When ``summary`` has the bottoms'
    standard errors (``bottom_se``), a pair whose difference in the bottom is significant
    (:func:`bottom_difference`) comes before a larger one that is not.

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["U", "L", "Z"], "mean": [7.80, 7.82, 7.0],
    ...                   "bottom": [0.03, 0.08, 0.09], "median": [8.0, 8.0, 7.0]})
    >>> c = find_contrast(s, Bottom("share", 6), mean_tolerance=0.1, bottom_gap=0.02)
    >>> c.kind, c.a, c.b
    ('same_mean', 'L', 'U')
    """
    s = summary.dropna(subset=["mean", "bottom"])
    if (s["group"] != TOTAL).any():  # Total takes part only when it is shown alone
        s = s[s["group"] != TOTAL]
    if len(s) == 0:
        return Contrast("none")
    if len(s) == 1:
        row = s.iloc[0]
        return Contrast(
            "single",
            a=row["group"],
            mean_a=float(row["mean"]),
            bottom_a=float(row["bottom"]),
            median_a=float(row.get("median", math.nan)),
            se_a=float(row.get("bottom_se", math.nan)),
        )
    names = s["group"].to_numpy()
    m = s["mean"].to_numpy(dtype=float)
    bot = s["bottom"].to_numpy(dtype=float)
    se = s["bottom_se"].to_numpy(dtype=float) if "bottom_se" in s else np.full(len(s), np.nan)
    # "worse" bottom: a larger share, a lower P10 (or a higher P90 when lower is better)
    badness = bot if (bottom.is_share or not low_is_worse) else -bot
    goodness = m if low_is_worse else -m
    i, j = np.triu_indices(len(s), k=1)
    gap = np.abs(bot[i] - bot[j])
    clear = gap >= bottom_gap
    if bottom.is_share:
        lo, hi = np.minimum(bot[i], bot[j]), np.maximum(bot[i], bot[j])
        clear &= hi >= 1.25 * lo
    close = np.abs(m[i] - m[j]) <= mean_tolerance
    se_gap = np.sqrt(se[i] ** 2 + se[j] ** 2)
    # without standard errors (aggregates) every pair stands as it is
    significant = ~np.isfinite(se_gap) | (gap > Z_95 * se_gap)

    def pick(mask, kind):
        if (mask & significant).any():
            mask = mask & significant
        k = int(np.flatnonzero(mask)[np.argmax(gap[mask])])
        a, b = i[k], j[k]
        if kind == "same_mean" and badness[b] > badness[a]:
            a, b = b, a
        if kind == "reversed" and goodness[b] > goodness[a]:
            a, b = b, a
        return Contrast(
            kind, names[a], names[b], m[a], m[b], bot[a], bot[b], se_a=se[a], se_b=se[b]
        )

    if (close & clear).any():
        return pick(close & clear, "same_mean")
    # a better mean (clearly) with a worse bottom
    better = np.sign(goodness[i] - goodness[j])
    worse = np.sign(badness[i] - badness[j])
    reversed_ = clear & ~close & (better == worse) & (better != 0)
    if reversed_.any():
        return pick(reversed_, "reversed")
    return Contrast("same_story")


@dataclass(frozen=True)
class Difference:
    """The difference of two groups' bottoms (a minus b) with its standard error and 95%
    interval; ``significant`` when the interval holds no 0."""

    value: float
    se: float
    low: float
    high: float

    @property
    def significant(self) -> bool:
        return bool(self.low > 0 or self.high < 0)


def bottom_difference(contrast: Contrast) -> Difference | None:
    """Return the difference of the bottoms of a contrast's two groups, a minus b, with the
    standard error of two independent samples, :math:`\\sqrt{se_a^2 + se_b^2}`, and its 95%
    normal interval; None when a standard error is unknown (aggregates, one observation).

    Regions (and the groups of a higher region) hold different people: their estimates are
    taken as independent, as CBS does for differences between regions.

    Examples
    --------
    >>> d = bottom_difference(Contrast("same_mean", "a", "b", bottom_a=0.08, bottom_b=0.03,
    ...                                se_a=0.006, se_b=0.008))
    >>> round(d.value, 4), round(d.se, 4), round(d.low, 4), d.significant
    (0.05, 0.01, 0.0304, True)
    >>> bottom_difference(Contrast("same_mean", "a", "b", bottom_a=0.08, bottom_b=0.03)) is None
    True
    """
    se = math.sqrt(contrast.se_a**2 + contrast.se_b**2)
    value = contrast.bottom_a - contrast.bottom_b
    if not (math.isfinite(se) and math.isfinite(value)):
        return None
    return Difference(value, se, value - Z_95 * se, value + Z_95 * se)


def contrast_sentence(
    contrast: Contrast,
    bottom: Bottom,
    lang: str,
    *,
    variable_label: str,
    decimals: int,
    share_decimals: int = 1,
    phrase: str = "",
    value_format=None,
) -> str:
    """Say what the average hides, with numbers in the language's format.

    ``phrase`` says who is at the bottom (:func:`bottom_phrase`); ``value_format`` formats a
    quantile value (default: a number with ``decimals``; pass one that names answers for
    ordinal variables).

    When the two bottoms have standard errors (:func:`bottom_difference`), the sentence claims
    a difference only when it is significant ("significantly more in ...", with the 95%
    interval of the difference), and otherwise says the bottoms are about the same.

    Examples
    --------
    >>> c = Contrast("same_mean", "Limburg", "Utrecht", 7.81, 7.79, 0.077, 0.029)
    >>> contrast_sentence(c, Bottom("share", 6), "nl", variable_label="Levenstevredenheid",
    ...                   decimals=1, phrase="scoort onder 6")
    'Zelfde gemiddelde levenstevredenheid (7,8) in Limburg en Utrecht, maar 7,7% tegenover 2,9% scoort onder 6.'
    """
    var = lower_first(variable_label)

    def num(x):
        return fmt_number(x, decimals, lang)

    def bot(x):
        if bottom.is_share:
            return fmt_share(x, share_decimals, lang)
        return value_format(x) if value_format else num(x)

    p = f"P{round(bottom.p * 100)}"
    q = "" if bottom.is_share else "_q"
    a, b = (group_name(g, lang) if g is not None else None for g in (contrast.a, contrast.b))
    common = {"var": var, "a": a, "b": b, "sa": bot(contrast.bottom_a), "p": p}
    common["sb"] = bot(contrast.bottom_b)
    common["what"] = phrase
    if contrast.kind in ("same_mean", "reversed"):
        ma, mb = num(contrast.mean_a), num(contrast.mean_b)
        key = "reversed" if contrast.kind == "reversed" else "same_mean"
        if key == "same_mean" and ma != mb:
            key = "almost_same_mean"
        diff = bottom_difference(contrast)
        if diff is None:  # no sampling uncertainty known: the numbers as they are
            return text(key + q, lang, m=ma, ma=ma, mb=mb, **common)
        # the difference as a positive number: a has the worse bottom (or the better mean)
        sign = -1.0 if diff.value < 0 else 1.0
        low, high = sorted((sign * diff.low, sign * diff.high))
        scale = 100.0 if bottom.is_share else 1.0
        digits = share_decimals if bottom.is_share else decimals
        gap = {
            "d": fmt_number(scale * abs(diff.value), digits, lang),
            "lo": fmt_number(scale * low, digits, lang),
            "hi": fmt_number(scale * high, digits, lang),
        }
        if diff.significant:
            head = text(key + q, lang, m=ma, ma=ma, mb=mb, **common)
            side = text("higher" if diff.value > 0 else "lower", lang)
            return f"{head} " + text("sig" + q, lang, a=a, side=side, **gap)
        what = text("same_q", lang, p=p) if q else text("same_share", lang, what=phrase)
        head = text(key + "_ns", lang, m=ma, ma=ma, mb=mb, bottom=what, **common)
        return head + text("ns_tail" + q, lang, **gap)
    if contrast.kind == "single":
        return text(
            "single" + q,
            lang,
            m=num(contrast.mean_a),
            med=value_format(contrast.median_a) if value_format else num(contrast.median_a),
            s=common["sa"],
            **{k: v for k, v in common.items() if k not in ("sa",)},
        )
    if contrast.kind == "same_story":
        return text("same_story", lang)
    return ""


def contrast_for(summary: pd.DataFrame, bottom: Bottom, variable, sd: float) -> Contrast:
    """Find the contrast with the page's tolerances: means within a tenth of the overall
    standard deviation count as the same; bottoms differ clearly from 2 percentage points
    (shares) or a fifth of the standard deviation (quantiles)."""
    sd = sd if math.isfinite(sd) and sd > 0 else 1.0
    return find_contrast(
        summary,
        bottom,
        low_is_worse=low_end_is_worse(variable),
        mean_tolerance=0.1 * sd,
        bottom_gap=0.02 if bottom.is_share else 0.2 * sd,
    )


def default_groups(summary: pd.DataFrame, contrast: Contrast, *, most: int = 4) -> list[str]:
    """Choose 2 to 4 groups to show first: the contrasting pair, then the groups with the
    highest and the lowest mean.

    Examples
    --------
    >>> s = pd.DataFrame({"group": list("abcde"), "mean": [5.0, 7, 6, 9, 6.5]})
    >>> default_groups(s, Contrast("same_mean", "c", "e"))
    ['c', 'e', 'd', 'a']
    >>> default_groups(s, Contrast("same_story"))
    ['d', 'a']
    """
    s = summary[summary["group"] != TOTAL].dropna(subset=["mean"])
    out = [g for g in (contrast.a, contrast.b) if g is not None and contrast.kind != "single"]
    if len(s):
        ranked = s.sort_values("mean", ascending=False)["group"].tolist()
        for g in (ranked[0], ranked[-1]):
            if g not in out:
                out.append(g)
    return out[:most]


@dataclass
class Analysis:
    """Everything the page shows for one variable, one year and a choice of groups."""

    data: pd.DataFrame  # group, value, weight of the shown groups (Total as its own group)
    summary: pd.DataFrame  # per shown group
    overall: pd.DataFrame  # per group, all groups, plus Total
    ranks: pd.DataFrame  # all groups
    contrast: Contrast  # among the shown groups
    contrast_all: Contrast  # among all groups
    hidden: list[str]  # shown groups left out: fewer than min_n observations
    small: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["group", "n"]))
    # every group left out as a small cell (group, n), chosen or not


@dataclass
class Survey:
    """One variable in one year over all groups: the rows and the per-group summary."""

    everything: pd.DataFrame  # group, value, weight of every row with a value
    overall: pd.DataFrame  # summary per group (small cells left out), plus Total
    hidden: set  # groups left out as small cells
    small: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["group", "n"]))
    # the small cells with their number of observations (group, n)


def survey(
    prepared,
    variable,
    bottom: Bottom,
    *,
    year=None,
    by=None,
    min_n: int = 0,
    ci: float | None = None,
    design: Design | None = None,
) -> Survey:
    """Summarise every group once (the costly part), for any choice of groups to show.

    ``by`` groups rows into higher regions (aggregates); ``min_n`` hides groups with fewer
    observations (small cells), as the results table does. With ``ci`` (0.95) each number
    of :data:`WITH_INTERVALS` gets its standard error and interval (:func:`standard_errors`,
    :func:`add_intervals`); only for microdata: aggregates have no sampling uncertainty. A
    small cell is left out with its interval.
    """
    everything = units_frame(prepared, variable.id, year=year, by=by)
    overall = summarize(everything, bottom, total=True).drop_duplicates("group")
    if ci is not None and prepared.shape != "aggregates":
        errors = standard_errors(prepared, variable, bottom, year=year, by=by, design=design)
        overall = add_intervals(overall, errors, ci)
    small = overall["n"] < min_n
    hidden = set(overall.loc[small, "group"])
    cells = overall.loc[small, ["group", "n"]].reset_index(drop=True)
    return Survey(everything, overall[~small].reset_index(drop=True), hidden, cells)


def focus(base: Survey, variable, bottom: Bottom, groups: Sequence[str] = ()) -> Analysis:
    """Pick the groups to show from a :func:`survey`: their rows, summaries and contrasts."""
    overall = base.overall
    shown = [g for g in groups if g not in base.hidden]
    data = select_groups(base.everything, shown)
    summary = overall.set_index("group").reindex(shown).reset_index()
    tot = overall[overall["group"] == TOTAL]
    sd = float(tot["sd"].iloc[0]) if len(tot) else math.nan
    low = low_end_is_worse(variable)
    return Analysis(
        data=data,
        summary=summary,
        overall=overall,
        ranks=rank_table(overall, bottom, low_is_worse=low),
        contrast=contrast_for(summary, bottom, variable, sd),
        contrast_all=contrast_for(overall, bottom, variable, sd),
        hidden=[g for g in groups if g in base.hidden],
        small=base.small,
    )


def analyse(
    prepared,
    variable,
    bottom: Bottom,
    *,
    year=None,
    by=None,
    groups: Sequence[str] = (),
    min_n: int = 0,
) -> Analysis:
    """Compute the distributions, summaries, ranks and contrasts for the page.

    ``by`` groups rows into higher regions (aggregates); ``min_n`` hides groups with fewer
    observations (small cells), as the results table does.
    """
    base = survey(prepared, variable, bottom, year=year, by=by, min_n=min_n)
    return focus(base, variable, bottom, groups)


TABLE_COLUMNS = area("distribution_columns")


def numbers_table(
    overall: pd.DataFrame, ranks: pd.DataFrame, lang: str, small: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the numbers behind the charts, one row per group (Total last), for download.

    ``small`` (group, n) are the small cells: listed with their n, every number blank and
    ``suppressed`` true.

    Examples
    --------
    >>> o = pd.DataFrame({"group": ["a", TOTAL], "n": [30, 33], "mean": [1.0, 1.0]})
    >>> r = pd.DataFrame({"group": ["a"], "rank_mean": [1], "rank_bottom": [1]})
    >>> t = numbers_table(o, r, "en", small=pd.DataFrame({"group": ["b"], "n": [3]}))
    >>> list(t.columns)
    ['region', 'observations', 'mean', 'rank_by_mean', 'rank_by_bottom', 'suppressed']
    >>> t[["region", "observations", "suppressed"]].to_dict("list"), t["mean"].isna().tolist()
    ({'region': ['a', 'b', 'Total'], 'observations': [30, 3, 33], 'suppressed': [False, True, False]}, [False, True, False])

    With intervals (:func:`add_intervals`) each of their numbers is followed by its standard
    error and interval, named after it: ``mean_se``, ``mean_ci_low``, ``mean_ci_high``
    (Dutch ``gemiddelde_standaardfout``, ``_ondergrens``, ``_bovengrens``).
    """
    table = numbers_frame(overall, ranks, small)
    names = {c: TABLE_COLUMNS[c][lang] for c in TABLE_COLUMNS if c in table}
    for m in WITH_INTERVALS:
        for suffix, key in (("se", "col_se"), ("low", "col_low"), ("high", "col_high")):
            names[f"{m}_{suffix}"] = text(key, lang, col=TABLE_COLUMNS[m][lang])
    return table.rename(columns=names)


def numbers_frame(
    overall: pd.DataFrame, ranks: pd.DataFrame, small: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the rows of :func:`numbers_table` with the summary's own column names: every
    group (small cells with their n and nothing else, Total last), the ranks, ``suppressed``,
    and the intervals (when the summary has them) after their numbers."""
    table = overall.assign(suppressed=False)
    if small is not None and len(small):
        hidden = small[["group", "n"]].assign(suppressed=True)
        regions = table[table["group"] != TOTAL]
        table = pd.concat([regions, hidden, table[table["group"] == TOTAL]], ignore_index=True)
    table = table.merge(ranks[["group", "rank_mean", "rank_bottom"]], on="group", how="left")
    for col in ("rank_mean", "rank_bottom"):
        table[col] = table[col].astype("Int64")
    cols = []
    for c in TABLE_COLUMNS:
        if c in table:
            cols.append(c)
            cols += [f"{c}_{x}" for x in ("se", "low", "high") if f"{c}_{x}" in table]
    out = table[cols].copy()
    hidden = out["suppressed"].astype(bool)
    out.loc[hidden, [c for c in cols if c not in ("group", "n", "suppressed")]] = np.nan
    return out
