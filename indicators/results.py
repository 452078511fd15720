"""Dataset + mapping + registry -> the tidy results table of DESIGN.md.

One row per region, year, group and indicator (or measure): ``value``, ``n`` (observations
used), ``weight_sum``, ``n_missing`` (rows left out: value or weight missing), ``n_excluded``
(rows with x <= 0 left out of Theil, MLD and Atkinson), ``suppressed`` (a small cell whose
value is hidden) and ``status``, the state of the value (:func:`value_states`). Rows for all
regions together carry region ``Total``; on those rows ``theil_between`` and ``theil_within``
decompose ``theil`` by region.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from indicators.dataset.mapping import REGION, WEIGHT, YEAR
from indicators.dataset.own_variables import AGGREGATES
from indicators.dataset.prepare import Prepared, to_scores
from indicators.errors import DataError
from indicators.stats.engine import grouped_measures, quantile_by_segment
from indicators.stats.measures import DEFAULT_MEASURES, POVERTY_FRACTION, parse_measure
from indicators.text import area, text

TOTAL = "Total"
MIN_N = 10

# The state of a value in the results table: one of four, each with one text (nl, en).
OK, MISSING, SUPPRESSED, NOT_APPLICABLE = "ok", "missing", "suppressed", "not_applicable"
STATES = (OK, MISSING, SUPPRESSED, NOT_APPLICABLE)
# their texts live in the catalogue (indicators/text/results.py)
STATE_TEXTS = area("states")  # MISSING, SUPPRESSED, NOT_APPLICABLE
N_TEXT = area("count")["n"]


class Groupings:
    """Group codes of a frame by key columns, worked out once per set of keys.

    :func:`compute` measures many variables over the same regions and years; the grouping of
    the rows is the same for all of them.
    """

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self._done: dict[tuple[str, ...], tuple[np.ndarray, pd.DataFrame]] = {}

    def get(self, keys) -> tuple[np.ndarray, pd.DataFrame]:
        """Return the group code of each row and the table of groups (one row per code)."""
        keys = tuple(keys)
        if keys not in self._done:
            if keys:
                grouped = self.frame.groupby(list(keys), sort=True, observed=True, dropna=False)
                codes = grouped.ngroup().to_numpy()
                index = grouped.size().index.to_frame(index=False)
            else:
                codes = np.zeros(len(self.frame), dtype=np.int64)
                index = pd.DataFrame(index=[0])
            self._done[keys] = (codes, index)
        return self._done[keys]


def measure_table(
    frame: pd.DataFrame,
    value: str,
    measures: Sequence[str],
    *,
    region: str = REGION,
    year: str | None = None,
    weight: str | None = None,
    by: Sequence[str] = (),
    labels: dict[str, float] | None = None,
    total: bool = True,
    groupings: Groupings | None = None,
    design=None,
    lines=None,
    internal: bool = False,
) -> pd.DataFrame:
    """Compute measures of one numeric column per region (and year, and group), plus Total.

    Returns a tidy frame: the key columns, ``measure``, ``value``, ``n``, ``weight_sum``,
    ``n_missing``, ``n_excluded``. Pass the same ``groupings`` of ``frame`` to measure several
    columns without grouping the rows again. With a ``design``
    (:class:`indicators.uncertainty.Design`) a column ``se`` follows ``value``: linearized
    standard errors, each year an independent sample (none for the Theil parts). ``lines``
    (a poverty line per year, or one line) replaces the lines computed from ``frame``, and
    ``internal`` keeps the columns ``_mu_pos`` and ``_w_pos`` (mean and weight of x > 0):
    the Dask engine (:mod:`indicators.analyses.scale`) computes region rows of a part of the
    data with the lines of the whole.

    Examples
    --------
    >>> df = pd.DataFrame({"r": ["a", "a", "b", "b"], "x": [1.0, 3.0, 2.0, 6.0]})
    >>> t = measure_table(df, "x", ["mean"], region="r")
    >>> t[["r", "measure", "value", "n"]].to_string(index=False)
    '    r measure  value  n\\n    a    mean    2.0  2\\n    b    mean    4.0  2\\nTotal    mean    3.0  4'
    """
    # a measure asked for twice (``theil`` and the defaults) is computed and reported once:
    # twice would also count its Theil parts twice
    specs = list({s.text: s for s in map(parse_measure, measures)}.values())
    texts = [s.text for s in specs]
    groupings = groupings or Groupings(frame)
    keys = [region, *([year] if year else []), *by]
    x = frame[value].to_numpy(dtype=float, na_value=np.nan)
    w = None if weight is None else frame[weight].to_numpy(dtype=float, na_value=np.nan)

    # with a design the lines come from indicators.uncertainty
    if lines is None and "poverty_rate" in texts and design is None:
        lines = _poverty_lines(groupings, x, w, year)

    sample = groupings.get([year])[0] if design is not None and year else None
    parts = [_by_keys(groupings.get(keys), x, w, specs, labels, lines, year, design, sample)]
    if total:
        total_keys = [k for k in keys if k != region]
        tot = _by_keys(groupings.get(total_keys), x, w, specs, labels, lines, year, design, sample)
        tot.insert(0, region, TOTAL)
        if "theil" in texts:
            split = theil_parts(parts[0], tot, region, total_keys)
            if design is not None:
                split[_uncertainty_columns(design)] = np.nan
            tot = pd.concat([tot, split])
        parts.append(tot)
    out = pd.concat(parts, ignore_index=True)
    se = _uncertainty_columns(design)
    kept = ["_mu_pos", "_w_pos"] if internal else []
    return out[
        [*keys, "measure", "value", *se, "n", "weight_sum", "n_missing", "n_excluded", *kept]
    ]


def _uncertainty_columns(design) -> list[str]:
    """The columns after ``value``: se with a design, and the bootstrap's own intervals."""
    if design is None:
        return []
    return ["se", "ci_low", "ci_high"] if design.method == "bootstrap" else ["se"]


def _intervals(table: pd.DataFrame, design) -> pd.DataFrame:
    """Fill ci_low and ci_high: the normal interval around a linearized SE; the bootstrap's
    percentile intervals are there already."""
    if design.method != "bootstrap":
        from indicators.stats.uncertainty import normal_interval

        table["ci_low"], table["ci_high"] = normal_interval(
            table["value"], table["se"], design.level
        )
    return table


def _by_keys(grouping, x, w, specs, labels, lines, year, design=None, sample=None):
    codes, index = grouping
    n_cells = len(index)
    group_lines = None
    if lines is not None:
        group_lines = index[year].map(lines).to_numpy(float) if year else np.repeat(lines, n_cells)
    se = interval = None
    if design is None:
        res = grouped_measures(
            x, codes, n_cells, w, specs, poverty_lines=group_lines, labels=labels
        )
    elif design.method == "bootstrap":  # the same values, with replicate SEs and intervals
        from indicators.stats.bootstrap import bootstrap_standard_errors

        boot = bootstrap_standard_errors(
            x,
            codes,
            n_cells,
            w,
            specs,
            sample=sample,
            labels=labels,
            level=design.level,
            design=design.replicate_design(len(x), sample),
        )
        res, se, interval = boot.result, boot.se, (boot.ci_low, boot.ci_high)
    else:  # the same values (lines from the same medians), with their standard errors
        from indicators.stats.uncertainty import grouped_standard_errors

        unc = grouped_standard_errors(
            x,
            codes,
            n_cells,
            w,
            specs,
            strata=design.strata,
            cluster=design.cluster,
            sample=sample,
            labels=labels,
            bandwidth=design.bandwidth,
        )
        res, se = unc.result, unc.se
    rows = []
    for spec in specs:
        part = index.copy()
        part["measure"] = spec.text
        part["value"] = res.values[spec.text]
        if se is not None:
            part["se"] = se[spec.text]
        if interval is not None:
            part["ci_low"], part["ci_high"] = interval[0][spec.text], interval[1][spec.text]
        part["n"] = res.n
        part["weight_sum"] = res.weight_sum
        part["n_missing"] = res.n_missing
        part["n_excluded"] = res.n_nonpositive if spec.positive_only else 0
        part["_mu_pos"] = res.mean_positive
        part["_w_pos"] = res.weight_sum_positive
        rows.append(part)
    return pd.concat(rows, ignore_index=True)


def _poverty_lines(groupings, x, w, year):
    """Return the poverty line per year: 0.6 (the measure table's fraction) x the weighted
    median of all regions together."""
    if year:
        codes, index = groupings.get([year])
        years = list(index[year])
        med = quantile_by_segment(x, codes, len(years), w, 0.5)
        return dict(zip(years, POVERTY_FRACTION * med, strict=True))
    return POVERTY_FRACTION * quantile_by_segment(x, np.zeros(len(x), dtype=np.int64), 1, w, 0.5)[0]


def theil_parts(regions, tot, region, total_keys):
    """Decompose Theil T on the Total rows into between- and within-region parts."""
    reg = regions[regions["measure"] == "theil"].copy()
    tt = tot[tot["measure"] == "theil"]
    merged = (
        reg.merge(
            tt[[*total_keys, "_mu_pos", "_w_pos"]].rename(columns={"_mu_pos": "mu", "_w_pos": "W"}),
            on=total_keys,
            how="left",
        )
        if total_keys
        else reg.assign(mu=tt["_mu_pos"].iloc[0], W=tt["_w_pos"].iloc[0])
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        share = merged["_w_pos"] * merged["_mu_pos"] / (merged["W"] * merged["mu"])
        merged["between"] = share * np.log(merged["_mu_pos"] / merged["mu"])
        merged["within"] = share * merged["value"]
    valid = merged["_w_pos"] > 0
    merged = merged[valid]
    if total_keys:
        sums = (
            merged.groupby(total_keys, sort=True, observed=True, dropna=False)[
                ["between", "within"]
            ]
            .sum(min_count=1)
            .reset_index()
        )
        base = tt.drop(columns=["measure", "value"]).merge(sums, on=total_keys, how="left")
    else:
        base = tt.drop(columns=["measure", "value"]).assign(
            between=merged["between"].sum(), within=merged["within"].sum()
        )
    out = []
    for part in ("between", "within"):
        piece = base.drop(columns=["between", "within"]).copy()
        piece["measure"] = f"theil_{part}"
        piece["value"] = base[part].to_numpy()
        out.append(piece)
    return pd.concat(out, ignore_index=True)


RESULT_COLUMNS = (
    REGION,
    YEAR,
    "breakdown",
    "group",
    "indicator",
    "variable",
    "measure",
    "part",
    "value",
    "se",
    "ci_low",
    "ci_high",
    "n",
    "weight_sum",
    "n_missing",
    "n_excluded",
    "suppressed",
    "status",
)
WHOLE = ""  # breakdown and group of the rows for the whole population
TOTAL_PART = "total"  # part of a value that is not a decomposition's part


def compute(
    prepared: Prepared,
    registry,
    *,
    indicators: Sequence[str] | None = None,
    by: Sequence[str] = (),
    min_n: int = MIN_N,
    ci: float | None = None,
    strata=None,
    cluster=None,
    ci_method: str = "linearization",
    replicates: int = 200,
    seed: int | None = 0,
) -> pd.DataFrame:
    """Compute every registry indicator the mapped variables allow, as the tidy results table.

    Parameters
    ----------
    prepared : Prepared
        The dataset from :func:`indicators.dataset.prepare`.
    registry : Registry
        The indicator registry.
    indicators : sequence of str, optional
        Indicator ids to compute; by default every indicator the data allows.
    by : sequence of str, default ()
        Group columns (from the mapping's groups) to break the results down by, each on its
        own: rows with ``breakdown`` the column and ``group`` one of its values, beside the
        rows for the whole population (``breakdown`` and ``group`` empty).
    min_n : int, default 10
        Values from fewer observations are hidden (value NaN) and marked ``suppressed``, as
        statistical offices do. Not applied to aggregates (one row per region).
    ci : float, optional
        Fill ``se``, ``ci_low`` and ``ci_high`` at this level (0.95, or 95 for percent) with
        linearized standard errors and normal intervals (:mod:`indicators.uncertainty`), for
        microdata only: aggregates have no sampling error and keep them empty, and so do
        suppressed cells. Each year is an independent sample. By default (None) they stay
        empty and nothing extra is computed.
    strata, cluster : str or array-like, optional
        The design for ``ci``: a column of ``prepared.frame`` or one value per row (strata;
        primary sampling units, drawn with replacement within strata). By default one
        stratum and each row its own unit.
    ci_method : {"linearization", "bootstrap"}, default "linearization"
        Linearized SEs with normal intervals, or the rescaled bootstrap of PSUs within strata
        (:mod:`indicators.stats.bootstrap`): the sd of ``replicates`` replicate estimates and
        their percentile interval. Asking for the bootstrap implies ``ci=0.95``.
    replicates : int, default 200
        Bootstrap replicates.
    seed : int, optional, default 0
        Seed of the bootstrap's draws (``numpy.random.default_rng``): the same seed gives the
        same numbers; None draws afresh each time.

    Returns
    -------
    pandas.DataFrame
        The fixed schema of :data:`RESULT_COLUMNS`: region, year (empty without years),
        breakdown, group, indicator, variable, measure, part (``total``, or ``between`` and
        ``within`` for the Theil decomposition on the Total rows), value, se, ci_low, ci_high
        (empty until intervals are computed), n, weight_sum, n_missing, n_excluded, suppressed
        and status (:func:`value_states`).
    """
    frame = prepared.frame
    year = YEAR if YEAR in frame else None
    weight = WEIGHT if WEIGHT in frame else None
    unknown = [b for b in by if b not in frame or b not in prepared.mapping.groups]
    if unknown:
        groups = ", ".join(prepared.mapping.groups)
        raise DataError.from_text(
            "errors.not_a_group_column",
            columns=", ".join(unknown),
            groups=lambda lang: groups or text("errors.no_groups", lang),
        )
    allowed = indicators_to_compute(prepared, registry, indicators)
    design = None
    if ci is not None or strata is not None or cluster is not None or ci_method == "bootstrap":
        from indicators.stats.uncertainty import Design

        design = Design.of(
            frame,
            strata,
            cluster,
            level=0.95 if ci is None else ci,
            method=ci_method,
            source=prepared.source,
            replicates=replicates,
            seed=seed,
        )
        if prepared.shape == AGGREGATES:
            design = None  # one row per region: no sampling error to compute
    parts = []
    groupings = Groupings(frame)
    for breakdown in (WHOLE, *dict.fromkeys(by)):
        for var_id in dict.fromkeys(ind.variable for ind in allowed):
            inds = [ind for ind in allowed if ind.variable == var_id]
            measures = list(dict.fromkeys(ind.spec.text for ind in inds))
            table = measure_table(
                frame,
                var_id,
                measures,
                year=year,
                weight=weight,
                by=[breakdown] if breakdown else [],
                labels=prepared.labels.get(var_id),
                groupings=groupings,
                design=design,
            )
            parts += indicator_rows(table, inds, var_id, breakdown)
    return finish_results(parts, year=year, shape=prepared.shape, min_n=min_n, design=design)


def indicators_to_compute(prepared: Prepared, registry, indicators: Sequence[str] | None = None):
    """The registry indicators :func:`compute` computes for ``prepared`` (all the mapped
    variables allow, or those of ``indicators``)."""
    # the registry with the mapping's own variables (and, for aggregates, its columns)
    registry = prepared.registry if prepared.registry is not None else registry
    allowed = registry.indicators_for(prepared.variables)
    if indicators is not None:
        wanted = set(indicators)
        allowed = [ind for ind in allowed if ind.id in wanted]
    # in aggregates each value column is its own indicator (named as the column), never a
    # catalogue measure it is not: a column of medians is not a "mean income"
    if prepared.shape == AGGREGATES:
        return [
            ind
            for ind in allowed
            if ind.source_column
            or (registry.variable_by_id[ind.variable].regional and ind.spec.family == "mean")
        ]
    return [ind for ind in allowed if not ind.source_column]


def indicator_rows(table: pd.DataFrame, inds, var_id: str, breakdown: str) -> list[pd.DataFrame]:
    """The rows of the results table of the indicators ``inds`` of one variable from its
    :func:`measure_table` by ``breakdown`` (``WHOLE``, or one group column)."""
    if breakdown:
        table = table.rename(columns={breakdown: "group"})
    else:
        table["group"] = WHOLE
    table["breakdown"] = breakdown
    table["part"] = TOTAL_PART
    theil = [ind.id for ind in inds if ind.spec.family == "theil"]
    for part in ("between", "within"):
        rows = table["measure"] == f"theil_{part}"
        table.loc[rows, "part"] = part
        table.loc[rows, "measure"] = "theil"
    out = []
    for ind in inds:
        rows = table[table["measure"] == ind.spec.text]
        if ind.spec.family != "theil" or ind.id != theil[0]:
            rows = rows[rows["part"] == TOTAL_PART]  # the parts once per variable
        out.append(rows.assign(indicator=ind.id, variable=var_id))
    return out


def finish_results(parts, *, year, shape: str, min_n: int, design=None) -> pd.DataFrame:
    """The results table of :data:`RESULT_COLUMNS` from the :func:`indicator_rows`: the
    intervals (with a ``design``), small cells hidden and each value's state."""
    columns = [c for c in RESULT_COLUMNS if c != YEAR or year]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    if design is None:
        for column in ("se", "ci_low", "ci_high"):
            out[column] = np.nan
    else:
        out = _intervals(out, design)
    # a cell without observations has nothing to hide: its state is missing (or not applicable)
    small = (out["n"] > 0) & (out["n"] < min_n) & (shape != AGGREGATES)
    out["suppressed"] = small.to_numpy()
    out.loc[small, "value"] = np.nan
    if design is not None:  # a hidden value keeps its interval hidden too
        out.loc[small, ["se", "ci_low", "ci_high"]] = np.nan
    out["status"] = value_states(out)
    return out[columns].reset_index(drop=True)


def whole_population(results: pd.DataFrame) -> pd.DataFrame:
    """Return the rows of a results table for the whole population, without decomposition
    parts: one value per region, year and indicator, as the pages show them."""
    keep = np.ones(len(results), dtype=bool)
    if "breakdown" in results:
        keep &= (results["breakdown"].fillna(WHOLE) == WHOLE).to_numpy()
    if "part" in results:
        keep &= (results["part"].fillna(TOTAL_PART) == TOTAL_PART).to_numpy()
    return results[keep].reset_index(drop=True)


def value_states(results: pd.DataFrame) -> pd.Series:
    """Return the state of every value: ok, missing, suppressed or not_applicable.

    - ``suppressed``: hidden by the small-cell rule (fewer than ``min_n`` observations);
    - ``missing``: no value in the file (no observation used; rows left out as missing);
    - ``not_applicable``: there were values, but the measure cannot be computed from them
      (e.g. Theil, MLD or Atkinson without values above 0);
    - ``ok``: a value.

    Works on the results table or any part of it with ``value`` and ``suppressed`` (and
    ``n``, ``n_missing`` when present); a ``status`` column already there is returned as is.

    Examples
    --------
    >>> t = pd.DataFrame({"value": [1.0, np.nan, np.nan, np.nan], "n": [20, 3, 0, 5],
    ...                   "n_missing": [0, 0, 4, 0], "suppressed": [False, True, False, False]})
    >>> value_states(t).tolist()
    ['ok', 'suppressed', 'missing', 'not_applicable']
    """
    if "status" in results:
        return results["status"].copy()
    value = pd.to_numeric(results["value"], errors="coerce").to_numpy(dtype=float)
    hidden = results["suppressed"].fillna(False).to_numpy(dtype=bool)
    n = results["n"].to_numpy(dtype=float) if "n" in results else np.full(len(results), np.nan)
    n_missing = (
        results["n_missing"].to_numpy(dtype=float)
        if "n_missing" in results
        else np.zeros(len(results))
    )
    nothing = (n == 0) & (n_missing > 0)
    states = np.select(
        [hidden, np.isfinite(value), nothing],
        [SUPPRESSED, OK, MISSING],
        default=NOT_APPLICABLE,
    )
    return pd.Series(states, index=results.index, name="status", dtype=object)


def value_state(row) -> str:
    """Return the state of one row of the results table (see :func:`value_states`).

    >>> value_state({"value": float("nan"), "n": 0, "n_missing": 1, "suppressed": False})
    'missing'
    """
    if not isinstance(row, pd.DataFrame) and "status" in row:  # already known: as value_states
        return str(row["status"])
    frame = pd.DataFrame([dict(row)]) if not isinstance(row, pd.DataFrame) else row
    return str(value_states(frame).iloc[0])


def state_text(state: str, lang: str = "nl", *, min_n: int = MIN_N, n=None) -> str:
    """Say in words why a value is not shown (``""`` for ok); a suppressed one with its n.

    >>> state_text("suppressed", "en", min_n=10, n=3)
    'hidden: fewer than 10 observations (n = 3)'
    >>> state_text("missing", "nl")
    'geen waarde in het bestand'
    """
    from indicators.registry.catalog import format_number

    if state == OK:
        return ""
    said = text(f"states.{state}", lang, n=min_n)
    if state == SUPPRESSED and n is not None and not pd.isna(n):
        said += f" ({text('count.n', lang, n=format_number(n, 0, lang))})"
    return said


def compute_measures(
    df: pd.DataFrame,
    *,
    value: str,
    region: str,
    year: str | None = None,
    weight: str | None = None,
    by: Sequence[str] = (),
    measures: Sequence[str] | None = None,
    order: Sequence[str] | None = None,
    source: str = "data",
    ci: float | None = None,
    strata: str | None = None,
    cluster: str | None = None,
    ci_method: str = "linearization",
    replicates: int = 200,
    seed: int | None = 0,
) -> pd.DataFrame:
    """Compute measures of one column per region (year, group) on a raw table, as the CLI does.

    Text answers become scores 1..k when ``order`` (low to high) is given; ``share:LABEL`` works
    on the labels either way. Returns columns region, year, by..., measure, value, n (the
    column names as in the input); with ``ci`` (a level such as 0.95) also se, ci_low and
    ci_high after value, for the design of columns ``strata`` and ``cluster`` (see
    :func:`compute`).

    Examples
    --------
    >>> df = pd.DataFrame({"regio": ["a", "a", "b"], "geluk": ["ja", "nee", "ja"]})
    >>> compute_measures(df, value="geluk", region="regio", measures=["share:ja"])[
    ...     ["regio", "value"]].to_dict("list")
    {'regio': ['a', 'b', 'Total'], 'value': [0.5, 1.0, 0.6666666666666666]}
    """
    from indicators.dataset import validate

    validate.require_columns(
        df, [c for c in (value, region, year, weight, *by, strata, cluster) if c], source=source
    )
    design = None
    if ci is not None or strata or cluster or ci_method == "bootstrap":
        from indicators.stats.uncertainty import Design

        level = 0.95 if ci is None else ci
        design = Design.of(
            df,
            strata,
            cluster,
            level=level,
            method=ci_method,
            source=source,
            replicates=replicates,
            seed=seed,
        )
    frame, requested, labels = measure_frame(
        df,
        value=value,
        region=region,
        year=year,
        weight=weight,
        by=by,
        measures=measures,
        order=order,
        source=source,
    )
    table = measure_table(
        frame,
        "__value",
        requested,
        region=region,
        year=year,
        weight=weight,
        by=by,
        labels=labels or None,
        design=design,
    )
    keys = [region, *([year] if year else []), *by]
    if design is None:
        return table[[*keys, "measure", "value", "n"]]
    table = _intervals(table, design)
    return table[[*keys, "measure", "value", "se", "ci_low", "ci_high", "n"]]


def measure_frame(
    df: pd.DataFrame,
    *,
    value: str,
    region: str,
    year: str | None = None,
    weight: str | None = None,
    by: Sequence[str] = (),
    measures: Sequence[str] | None = None,
    order: Sequence[str] | None = None,
    source: str = "data",
) -> tuple[pd.DataFrame, list[str], dict]:
    """Return the checked frame of :func:`compute_measures` (region, year, weight, by and
    the scores in ``__value``), the measures asked for (or the defaults) and the labels."""
    from indicators.dataset import validate

    frame = pd.DataFrame({region: validate.region_column(df, region, source=source)})
    if year:
        frame[year] = validate.year_column(df, year, source=source)
    if weight:
        frame[weight] = validate.weight_column(df, weight, source=source)
    for col in by:
        frame[col] = df[col].astype("string").str.strip().fillna("(missing)")
    column = df[value]
    is_text = not pd.api.types.is_numeric_dtype(column) and not _numeric_text(column)
    requested = list(measures) if measures else None
    if is_text and not order:
        if requested and all(parse_measure(m).family == "share" for m in requested):
            labels_order = tuple(
                sorted(map(str, pd.unique(column.dropna().astype(str).str.strip())))
            )
            values, labels = to_scores(df, value, None, labels_order, source=source)
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
    return frame, requested, labels


def _numeric_text(column: pd.Series) -> bool:
    sample = column.dropna().astype(str).str.strip().head(1000)
    return bool(len(sample)) and sample.str.fullmatch(r"-?[\d.]+(,\d+)?").all()
