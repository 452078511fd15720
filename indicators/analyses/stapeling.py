"""Accumulated disadvantage ("stapeling"): how many unfavourable outcomes each person has.

Pure (no Streamlit): the core behind ``python -m indicators stapeling`` and the Groups page.

Each outcome is a rule on one column: ``COL<=T``, ``COL<T``, ``COL>T``, ``COL>=T`` (numbers;
``T`` may be ``poverty_line``: 0.6 times the year's weighted median of all regions, as the
poverty rate) or ``COL=LABEL`` (an answer; or a number). Per person the count of rules met;
a row without an answer on any counted variable is left out (and counted). The share of
people with 0, 1, 2, ... outcomes (the last class capped, e.g. ``3+``: CBS's 2022 study
counted three or more of nine as accumulated disadvantage) by region (and Total), year and
group is the weighted mean of a 0/1 variable, with its linearized standard error (the engine
and :mod:`indicators.stats.uncertainty`, as every mean). :func:`co_occurrence` says which
outcomes go together: the share with both of a pair and the lift
:math:`p_{ab} / (p_a p_b)` (1 when they are unrelated).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from indicators.dataset.mapping import REGION, YEAR
from indicators.errors import DataError
from indicators.registry.catalog import POVERTY_LINE, split_condition
from indicators.results import Groupings, measure_table
from indicators.stats.engine import quantile_by_segment
from indicators.stats.measures import POVERTY_FRACTION
from indicators.stats.uncertainty import Design, normal_interval

CAP = 3
RULE_RE = re.compile(r"^\s*(?P<column>[^<>=]*?)\s*(?P<condition>(<=|>=|<|>|=).*)$")
COUNT_COLUMNS = ("count", "share", "se", "ci_low", "ci_high", "n")


@dataclass(frozen=True)
class Rule:
    """An unfavourable outcome: ``column op threshold`` (a number, ``poverty_line`` or, for
    ``=``, an answer)."""

    column: str
    op: str
    threshold: str
    text: str = ""

    @property
    def label(self) -> str:
        return self.text or f"{self.column}{self.op}{self.threshold}"


def parse_rule(rule: str) -> Rule:
    """Parse ``"COL<=T"`` (or ``<``, ``>``, ``>=``, ``=``) into a :class:`Rule`; an error
    naming the rule, in Dutch and English, when it is not one.

    >>> parse_rule("levenstevredenheid <= 5")
    Rule(column='levenstevredenheid', op='<=', threshold='5', text='levenstevredenheid <= 5')
    >>> parse_rule("eenzaam=ja").threshold
    'ja'
    """
    found = RULE_RE.fullmatch(rule or "")
    parts = split_condition(found["condition"]) if found else None
    if not found or not found["column"] or parts is None or parts[1][0] in "<>=":
        raise DataError.from_text("stapeling.rule_form", rule=rule)
    op, threshold = parts
    if op != "=" and threshold != POVERTY_LINE and not _number(threshold):
        raise DataError.from_text("stapeling.rule_needs_number", rule=rule, op=op, value=threshold)
    return Rule(found["column"], op, threshold, rule.strip())


def _number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def poverty_lines(x, w, year_codes, n_years) -> np.ndarray:
    """Return each row's poverty line: 0.6 x the weighted median of its year (all regions)."""
    med = quantile_by_segment(x, year_codes, n_years, w, 0.5)
    return (POVERTY_FRACTION * med)[year_codes]


def outcome(frame: pd.DataFrame, rule: Rule, *, year=None, weight=None) -> np.ndarray:
    """Return per row 1.0 when the rule's outcome holds, 0.0 when not, NaN without an answer.

    >>> f = pd.DataFrame({"x": [3, 6, None], "e": ["ja", "nee", None]})
    >>> outcome(f, parse_rule("x<=5")).tolist(), outcome(f, parse_rule("e=ja")).tolist()
    ([1.0, 0.0, nan], [1.0, 0.0, nan])
    """
    if rule.column not in frame:
        raise DataError.from_text(
            "stapeling.rule_no_column",
            rule=rule.label,
            column=rule.column,
            columns=", ".join(map(str, frame.columns)),
        )
    series = frame[rule.column]
    numbers = pd.to_numeric(series, errors="coerce")
    answered = series.notna().to_numpy()
    if series.dtype == object or pd.api.types.is_string_dtype(series):
        answered = answered & series.astype("string").str.strip().fillna("").ne("").to_numpy()
    if rule.op == "=":
        if _number(rule.threshold) and numbers[series.notna()].notna().all():
            hit = numbers.to_numpy(dtype=float, na_value=np.nan) == float(rule.threshold)
        else:
            said = series.astype("string").str.strip().str.casefold()
            hit = (said == rule.threshold.strip().casefold()).fillna(False).to_numpy(bool)
        return np.where(answered, hit.astype(float), np.nan)
    bad = series.notna() & numbers.isna()
    if bad.any():
        examples = ", ".join(f"'{v}'" for v in pd.unique(series[bad])[:3])
        raise DataError.from_text(
            "stapeling.rule_needs_numbers",
            rule=rule.label,
            column=rule.column,
            op=rule.op,
            examples=examples,
        )
    x = numbers.to_numpy(dtype=float, na_value=np.nan)
    if rule.threshold == POVERTY_LINE:
        w = None if weight is None else frame[weight].to_numpy(dtype=float, na_value=np.nan)
        if year is not None:
            codes, years = pd.factorize(frame[year], sort=True)
            t = poverty_lines(x, w, codes, len(years))
        else:
            t = poverty_lines(x, w, np.zeros(len(x), dtype=np.int64), 1)
    else:
        t = float(rule.threshold)
    with np.errstate(invalid="ignore"):
        hit = {"<": x < t, "<=": x <= t, ">": x > t, ">=": x >= t}[rule.op]
    return np.where(np.isfinite(x), hit.astype(float), np.nan)


def count_outcomes(frame: pd.DataFrame, rules: Sequence[Rule], *, year=None, weight=None):
    """Return per row the number of rules met (NaN when any counted variable has no answer),
    and the 0/1 outcome of each rule (a frame, one column per rule label)."""
    if not rules:
        raise DataError.from_text("stapeling.no_rules", known="")
    labels = [r.label for r in rules]
    twice = next((lab for lab in labels if labels.count(lab) > 1), None)
    if twice:
        raise DataError.from_text("stapeling.rule_twice", rule=twice)
    hits = pd.DataFrame(
        {r.label: outcome(frame, r, year=year, weight=weight) for r in rules}, index=frame.index
    )
    counts = hits.sum(axis=1, min_count=len(rules)).where(hits.notna().all(axis=1))
    return counts.to_numpy(dtype=float), hits


def count_label(k: int, cap: int) -> str:
    """``"3+"`` for the capped class, else the number."""
    return f"{k}+" if k == cap else str(k)


@dataclass
class Accumulation:
    """The shares with 0, 1, ..., cap+ outcomes (``table``), the rows left out for a missing
    answer, the count per row (NaN for those) and the rules counted."""

    table: pd.DataFrame
    left_out: int
    counts: np.ndarray
    rules: tuple[Rule, ...]


def accumulation(
    frame: pd.DataFrame,
    rules: Sequence[Rule],
    *,
    region: str = REGION,
    year: str | None = None,
    weight: str | None = None,
    by: str | None = None,
    cap: int = CAP,
    design: Design | None = None,
    level: float = 0.95,
) -> Accumulation:
    """Return the share of people with 0, 1, ..., ``cap`` or more unfavourable outcomes per
    region (and Total), year and group, with linearized standard errors and intervals.

    ``table`` has the key columns (region, year, ``group``), then ``count`` (text: ``0``,
    ``1``, ..., ``3+``), ``share``, ``se``, ``ci_low``, ``ci_high`` and ``n`` (people counted).
    Rows with a missing answer on any counted variable are left out of every share.
    """
    if not isinstance(cap, int) or isinstance(cap, bool) or cap < 1:
        raise DataError.from_text("stapeling.bad_cap", cap=cap)
    counts, _ = count_outcomes(frame, rules, year=year, weight=weight)
    valid = np.isfinite(counts)
    capped = np.minimum(np.where(valid, counts, 0), cap).astype(int)
    keys = [region, *([year] if year else []), *([by] if by else [])]
    work = pd.DataFrame(
        {c: frame[c] for c in dict.fromkeys([*keys, *([weight] if weight else [])])}
    )
    for k in range(cap + 1):
        work[f"__{k}"] = np.where(valid, (capped == k).astype(float), np.nan)
    groupings = Groupings(work)
    parts = []
    for k in range(cap + 1):
        t = measure_table(
            work,
            f"__{k}",
            ["mean"],
            region=region,
            year=year,
            weight=weight,
            by=[by] if by else [],
            groupings=groupings,
            design=design or Design(level=level),
        )
        t["count"] = count_label(k, cap)
        t["_k"] = k
        parts.append(t)
    out = pd.concat(parts, ignore_index=True).rename(columns={"value": "share"})
    out["ci_low"], out["ci_high"] = normal_interval(out["share"], out["se"], level)
    if by:
        out = out.rename(columns={by: "group"})
        keys = ["group" if k == by else k for k in keys]
    out = _in_key_order(out, keys)
    return Accumulation(
        out[[*keys, *COUNT_COLUMNS]].reset_index(drop=True),
        int((~valid).sum()),
        counts,
        tuple(rules),
    )


def share_with_at_least(
    frame: pd.DataFrame,
    rules: Sequence[Rule],
    least: int = 2,
    *,
    region: str = REGION,
    year: str | None = None,
    weight: str | None = None,
    design: Design | None = None,
) -> pd.DataFrame:
    """Return per region (and Total) and year the weighted share of people with at least
    ``least`` of the unfavourable outcomes: the mean of a 0/1 variable, with its linearized
    standard error (the engine, as every mean; rows with a missing answer left out, as in
    :func:`accumulation`). Columns: the keys, ``value``, ``se``, ``n``, ``weight_sum``."""
    counts, _ = count_outcomes(frame, rules, year=year, weight=weight)
    keys = [region, *([year] if year else [])]
    work = pd.DataFrame(
        {c: frame[c] for c in dict.fromkeys([*keys, *([weight] if weight else [])])}
    )
    with np.errstate(invalid="ignore"):
        work["__least"] = np.where(np.isfinite(counts), (counts >= least).astype(float), np.nan)
    t = measure_table(
        work, "__least", ["mean"], region=region, year=year, weight=weight,
        design=design or Design(),
    )  # fmt: skip
    return t[[*keys, "value", "se", "n", "weight_sum"]].reset_index(drop=True)


def _in_key_order(out: pd.DataFrame, keys) -> pd.DataFrame:
    # rows of one region, year and group together, counts 0..cap within; Total last
    region = keys[0]
    last = (out[region] == "Total").to_numpy()
    out = out.assign(_total=last)
    out = out.sort_values(["_total", *keys, "_k"], kind="stable")
    return out.drop(columns=["_total", "_k"])


def co_occurrence(
    frame: pd.DataFrame, rules: Sequence[Rule], *, year=None, weight=None
) -> pd.DataFrame:
    """Return per pair of outcomes the weighted share with both, each share, and the lift
    :math:`p_{ab} / (p_a p_b)`, most frequent pair first (rows with every answer only, as the
    counts)."""
    counts, hits = count_outcomes(frame, rules, year=year, weight=weight)
    valid = np.isfinite(counts)
    w = np.ones(len(frame)) if weight is None else frame[weight].to_numpy(float, na_value=np.nan)
    valid &= np.isfinite(w)
    w = w[valid]
    h = hits.to_numpy(dtype=float)[valid]
    total = w.sum()
    p = (w[:, None] * h).sum(axis=0) / total
    rows = []
    for i, j in combinations(range(len(rules)), 2):
        both = float(np.sum(w * h[:, i] * h[:, j]) / total)
        with np.errstate(divide="ignore", invalid="ignore"):
            lift = both / (p[i] * p[j]) if p[i] * p[j] > 0 else np.nan
        rows.append(
            {
                "outcome_a": rules[i].label,
                "outcome_b": rules[j].label,
                "share_both": both,
                "share_a": float(p[i]),
                "share_b": float(p[j]),
                "lift": lift,
                "n": int(valid.sum()),
            }
        )
    out = pd.DataFrame(rows)
    if len(out):
        out = out.sort_values("share_both", ascending=False, kind="stable")
    return out.reset_index(drop=True)


def catalogue_rules(prepared, registry) -> list[Rule]:
    """Return the catalogue's unfavourable outcome of every mapped variable, as rules on the
    prepared frame (variable ids as columns; an answer ``=LABEL`` as its score, from its place
    among the variable's levels)."""
    registry = prepared.registry if getattr(prepared, "registry", None) is not None else registry
    rules = []
    for var_id, column in prepared.mapping.variable_columns.items():
        var = registry.variable_by_id.get(var_id)
        if var is None or not var.unfavourable or var_id not in prepared.frame:
            continue
        op, threshold = split_condition(var.unfavourable)
        if op == "=" and var.kind != "continuous":
            threshold = str(var.levels_nl.index(threshold) + 1)
        rules.append(Rule(var_id, op, threshold, f"{column}{var.unfavourable}"))
    if not rules:
        known = ", ".join(v.id for v in registry.variables if v.unfavourable)
        raise DataError.from_text("stapeling.no_rules", known=known)
    return rules


def raw_accumulation(
    df: pd.DataFrame,
    *,
    region: str,
    rules: Sequence[str] = (),
    year: str | None = None,
    weight: str | None = None,
    by: str | None = None,
    cap: int = CAP,
    registry=None,
    source: str = "data",
    level: float = 0.95,
) -> Accumulation:
    """Compute :func:`accumulation` on a raw table (``python -m indicators stapeling``): the
    rules as given (``"COL<=T"``), or without them the catalogue's unfavourable outcome of
    every variable the column names suggest. The table's region and year columns are named
    as in the input."""
    from indicators.analyses.groups import raw_frame

    parsed = [parse_rule(r) for r in rules]
    if parsed:
        frame = raw_frame(
            df, region=region, year=year, weight=weight, by=[by] if by else [], source=source
        )
        for rule in parsed:
            if rule.column not in df:
                outcome(df, rule)  # the error that names the rule and the columns
            frame[rule.column] = df[rule.column].reset_index(drop=True)
        acc = accumulation(
            frame, parsed, region=region, year=year, weight=weight, by=by, cap=cap, level=level
        )
        return acc
    from indicators.dataset.mapping import WEIGHT, suggest_mapping
    from indicators.dataset.prepare import prepare
    from indicators.registry.catalog import load_registry

    registry = registry or load_registry()
    mapping = suggest_mapping(df, registry).with_changes(
        region=region,
        year=year,
        weight=weight,
        groups=(by,) if by else (),
        strata=None,
        cluster=None,
    )
    prepared = prepare(df, mapping, registry, source=source)
    found = catalogue_rules(prepared, registry)
    acc = accumulation(
        prepared.frame,
        found,
        region=REGION,
        year=YEAR if year else None,
        weight=WEIGHT if weight else None,
        by=by,
        cap=cap,
        level=level,
    )
    acc.table = acc.table.rename(columns={REGION: region, **({YEAR: year} if year else {})})
    return acc
