"""Beyond one machine: every measure on Dask, out of core, with the in-memory engine's numbers.

A folder (or glob) of Parquet files is read in input pieces (:func:`_sources`: row groups of
one file, at most a partition's rows), each turned into the engine's rows by a reader
(:class:`_MeasureReader` for :func:`measures`, :class:`_PrepareReader` for
:func:`compute_parquet`: :func:`indicators.dataset.prepare` with the whole data's shape and
age columns, found first by :func:`compute_by_region_year`). Without intervals both run
:func:`region_year_tables` (one job per value column and breakdown, all in the same reads):
each region-year lies whole in one partition, where this project's own engine
(:func:`indicators.results.measure_table`, hence :class:`indicators.stats.engine.SortPlan`)
computes the region rows; the Total rows and the national poverty line (0.6 x the median of
all regions of a year) come from an exact distributed selection over buckets of values
(quantiles, Gini, S80/S20, Palma) and exact sums over the region rows (means, sd, shares,
Theil and its parts, MLD, Atkinson). Region and year are keyed as the engine reads them
(:meth:`_Reader.keys`). **Memory per worker is bounded by the largest region-year** (or
:data:`PART_ROWS` rows, never above a worker's limit); :func:`check_region_years` reads the
row counts before anything is computed and stops with a clear message when one region-year
is too large for a worker. The files are read three times (a survey, the buckets, the
region-years) and the rows shuffled twice by a plain task shuffle (:func:`_shuffle`): one
task per input piece reads it and cuts its rows by target partition with a numpy argsort and
slices (:func:`_split`), each piece a key of its own; one task per partition concatenates its
pieces. Distributed spills pieces to disk when a worker's memory fills. The seconds of each
step go to the logger of this module (INFO).

With intervals (the SE of a Total row needs the whole year) :func:`per_year` computes each
year whole on one worker (the same plain shuffle, by year) with
:func:`indicators.results.compute_measures` or :func:`indicators.results.compute`: memory per
worker is then bounded by the largest year (:func:`check_sizes`).

Dask and distributed are an optional extra (``pip install .[scale]``), imported only here and
only when used.
"""

from __future__ import annotations

import contextlib
import functools
import glob
import logging
import os
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from indicators.errors import DataError
from indicators.results import TOTAL

# bytes of memory a worker needs per byte of a year's columns: the partition, the checked
# copy, the engine's sort permutation, sorted values, cumulative weights and block temporaries
# (measured: compute_measures peaks at about 4.5 times the bytes of its columns above them)
MEMORY_FACTOR = 12
WORKER_BASE = 300e6  # a worker's own memory (Python, pandas, pyarrow, dask), about
USABLE = 0.8  # distributed pauses a worker at 80 % of its memory limit
_OTHER_BYTES = 64  # a text value (region code, group label) in memory, about


def _dask():
    """Import dask.dataframe and distributed, or say how to install them."""
    try:
        import dask.dataframe as dd
        import distributed
    except ImportError:  # pragma: no cover - the scale extra is installed by make install
        raise DataError.from_text("scale.no_dask") from None
    return dd, distributed


_MONITOR = ("target", "spill", "pause", "terminate")


@contextlib.contextmanager
def client(
    scheduler: str | None = None,
    workers: int | None = None,
    memory_limit: str | None = None,
    processes: bool = True,
):
    """Yield a ``distributed.Client``: to the scheduler at ``scheduler`` (a cluster started by
    dask-kubernetes, dask-yarn, dask-jobqueue or ``dask scheduler``), else to a LocalCluster
    of ``workers`` workers (default 2) with ``memory_limit`` each (default: the machine's
    memory shared out)."""
    _, distributed = _dask()
    import dask

    if scheduler:
        with distributed.Client(scheduler) as c:
            yield c
        return
    # Threads in this process (processes=False) share its memory: the worker's memory monitor
    # would measure the whole process against the worker's limit and pause the worker for
    # good once the process is larger (a hang, not an error). The limit stays what the worker
    # reports (the size checks read it); only the monitor's pause, spill and terminate are off.
    in_process = {} if processes else {f"distributed.worker.memory.{k}": False for k in _MONITOR}
    with (
        dask.config.set(in_process),
        distributed.LocalCluster(
            n_workers=workers or 2,
            threads_per_worker=1,
            processes=processes,
            memory_limit=memory_limit or "auto",
            dashboard_address=None,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def parquet_files(pattern: str) -> list[str]:
    """Return the Parquet files of a folder or glob pattern (sorted), or say none are there."""
    if os.path.isdir(pattern):
        files = sorted(glob.glob(os.path.join(pattern, "**", "*.parquet"), recursive=True))
    else:
        files = sorted(glob.glob(pattern))
        if files and not all(f.endswith((".parquet", ".pq")) for f in files):
            raise DataError.from_text("scale.parquet_only", source=pattern)
    if not files:
        raise DataError.from_text("scale.no_files", pattern=pattern)
    return files


def worker_memory(c) -> float:
    """Return the smallest memory limit of the client's workers in bytes (inf: no limit)."""
    limits = [w.get("memory_limit") or 0 for w in c.scheduler_info()["workers"].values()]
    limits = [lim for lim in limits if lim > 0]
    return float(min(limits)) if limits else float("inf")


def check_sizes(counts: pd.Series, bytes_per_row: float, limit: float, source: str) -> None:
    """Stop with a clear message when one year (``counts``: rows per year) would need more
    memory than a worker has (``limit`` bytes)."""
    if not np.isfinite(limit) or counts.empty:
        return
    need = counts.astype(float) * bytes_per_row * MEMORY_FACTOR + WORKER_BASE
    worst = need.idxmax()
    if need[worst] > USABLE * limit:
        raise DataError.from_text(
            "scale.year_too_large",
            source=source,
            year=str(worst),
            rows=f"{int(counts[worst]):,}",
            need=f"{need[worst] / 1e9:.1f}",
            limit=f"{limit / 1e9:.1f}",
        )


def _row_bytes(meta: pd.DataFrame) -> float:
    return float(
        sum(
            dtype.itemsize if getattr(dtype, "kind", "O") in "biufM" else _OTHER_BYTES
            for dtype in meta.dtypes
        )
    )


def _year_keys(part: pd.DataFrame, year: str | None, source: str) -> pd.Series:
    """Each row's year as the engine reads it (``2021`` and ``"2021"`` are one year; 0
    without years)."""
    from indicators.dataset import validate

    if year is None:
        return pd.Series(np.zeros(len(part), dtype=np.int64), index=part.index)
    return validate.year_column(part, year, source=source)


def _year_counts(src, columns, year, source) -> pd.Series:
    part = _read(src, columns)
    return _year_keys(part, year, source).value_counts(dropna=False)


def _year_split(src, columns, year, source, table: pd.Series) -> dict:
    """One input piece's rows by the partition of their year."""
    part = _read(src, columns)
    keys = _year_keys(part, year, source)
    return _split(part, table.reindex(keys.to_numpy()).to_numpy(np.int64))


def _year_part(func, *pieces) -> pd.DataFrame:
    """``func`` on one year's rows, from every input piece."""
    pieces = [p for p in pieces if p is not None and len(p)]
    if not pieces:
        return pd.DataFrame()
    frame = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    return func(frame.reset_index(drop=True))


def per_year(
    pattern: str,
    columns: Sequence[str],
    year: str | None,
    func: Callable[[pd.DataFrame], pd.DataFrame],
    c,
    *,
    source: str | None = None,
) -> pd.DataFrame:
    """Read ``columns`` of the Parquet files in input pieces, shuffle (:func:`_shuffle`) so
    that each year lies whole in one partition, run ``func`` on every year on the workers
    and gather the tables."""
    import pyarrow.parquet as pq

    from indicators.dataset import validate

    source = source or pattern
    files = parquet_files(pattern)
    columns = list(dict.fromkeys(columns))
    meta = pq.read_schema(files[0]).empty_table().to_pandas()
    validate.require_columns(meta, columns, source=source)
    limit = worker_memory(c)
    bytes_per_row = _row_bytes(meta[columns])
    srcs = _sources(files, PART_ROWS)
    if not srcs:  # files without rows
        return pd.DataFrame()
    parts = c.gather(
        c.map(_year_counts, srcs, columns=columns, year=year, source=source, pure=False)
    )
    counts = pd.concat(parts).groupby(level=0, dropna=False).sum().sort_index()
    if year is None:
        counts.index = ["(all)"]
    check_sizes(counts, bytes_per_row, limit, source)
    keys = [0] if year is None else counts.index
    table = pd.Series(np.arange(len(counts)), index=keys)
    have: dict = {}  # partition -> the input pieces with rows in it
    for j, part in enumerate(parts):
        for t in table.reindex(part.index if year else [0]).tolist():
            have.setdefault(int(t), []).append(j)
    splits = c.map(
        _year_split, srcs, columns=columns, year=year, source=source, table=table, pure=False
    )
    outs = _shuffle(
        c,
        have,
        lambda t: (_year_part, func),
        lambda j, t: c.submit(_piece, splits[j], t, pure=False),
    )
    splits.clear()
    tables = [t for t in c.gather(outs) if len(t)]
    if not tables:
        return pd.DataFrame()
    return pd.concat(tables, ignore_index=True)


def sort_results(table: pd.DataFrame, region: str, keys: Sequence[str] = ()) -> pd.DataFrame:
    """Return a results table in one fixed order, whichever engine made it: breakdown and
    group, the regions (Total last), ``keys`` (year, groups), indicator, measure, part."""
    cols = [c for c in ("breakdown", "group") if c in table]
    order = table.assign(__total=(table[region] == TOTAL).to_numpy())
    cols += ["__total", region, *[k for k in keys if k in table]]
    cols += [c for c in ("indicator", "variable", "measure", "part") if c in table]
    order = order.sort_values(cols, kind="mergesort", na_position="last")
    return order.drop(columns="__total").reset_index(drop=True)


def measures(
    pattern: str,
    *,
    value: str,
    region: str,
    year: str | None = None,
    weight: str | None = None,
    by: Sequence[str] = (),
    measures: Sequence[str] | None = None,
    order: Sequence[str] | None = None,
    ci: float | None = None,
    strata: str | None = None,
    cluster: str | None = None,
    ci_method: str = "linearization",
    scheduler: str | None = None,
    workers: int | None = None,
    memory_limit: str | None = None,
    processes: bool = True,
    client_=None,
) -> pd.DataFrame:
    """:func:`indicators.results.compute_measures` on the Parquet files of ``pattern``, year
    by year on Dask workers: the same table (same columns and dtypes, the order of
    :func:`sort_results`). Intervals: linearized (per year, as in memory); not the bootstrap.
    """
    from indicators.results import compute_measures

    if ci_method == "bootstrap":
        raise DataError.from_text("scale.no_bootstrap")
    columns = [c for c in (region, year, weight, *by, value, strata, cluster) if c]
    func = functools.partial(
        compute_measures,
        value=value,
        region=region,
        year=year,
        weight=weight,
        by=list(by),
        measures=list(measures) if measures else None,
        order=list(order) if order else None,
        source=pattern,
        ci=ci,
        strata=strata,
        cluster=cluster,
        ci_method=ci_method,
    )
    with _client(client_, scheduler, workers, memory_limit, processes) as c:
        if ci is None and strata is None and cluster is None:
            kw = dict(
                value=value,
                region=region,
                year=year,
                weight=weight,
                by=list(by),
                measures=list(measures) if measures else None,
                order=list(order) if order else None,
                source=pattern,
            )
            table = measures_by_region_year(pattern, kw, c, pattern)
        else:  # intervals: each year whole on one worker (the SEs of Total need the year)
            table = per_year(pattern, columns, year, func, c)
    return sort_results(table, region, [k for k in (year, *by) if k])


def compute_year(
    frame: pd.DataFrame,
    *,
    region: str,
    year: str | None,
    weight: str | None,
    by: Sequence[str],
    variables: dict[str, str],
    orders: dict,
    catalog: str | None,
    min_n: int,
    ci: float | None,
    strata: str | None,
    cluster: str | None,
    source: str,
) -> pd.DataFrame:
    """Every registry indicator for one year's rows, as ``python -m indicators compute`` does
    (the registry is loaded on the worker: nothing but names travels)."""
    from indicators.dataset.mapping import Mapping
    from indicators.dataset.prepare import prepare
    from indicators.registry.catalog import load_registry
    from indicators.results import compute

    registry = load_registry(extra=catalog)
    mapping = Mapping.build(
        region, year=year, weight=weight, groups=list(by), variables=variables, orders=orders
    )
    prepared = prepare(frame, mapping, registry, source=source)
    return compute(
        prepared,
        registry,
        by=list(by),
        min_n=min_n,
        ci=ci,
        strata=None if strata is None else frame[strata].reset_index(drop=True),
        cluster=None if cluster is None else frame[cluster].reset_index(drop=True),
    )


def compute_parquet(
    pattern: str,
    *,
    region: str,
    year: str | None,
    weight: str | None,
    by: Sequence[str],
    variables: dict[str, str],
    orders_of: Callable[[Callable[[str], pd.Series]], dict],
    catalog: str | None = None,
    min_n: int = 10,
    ci: float | None = None,
    strata: str | None = None,
    cluster: str | None = None,
    ci_method: str = "linearization",
    scheduler: str | None = None,
    workers: int | None = None,
    memory_limit: str | None = None,
    processes: bool = True,
    client_=None,
) -> pd.DataFrame:
    """:func:`indicators.results.compute` on the Parquet files of ``pattern``, year by year
    on Dask workers; ``orders_of`` gets a function that returns the distinct values of a
    column (computed on the cluster) and returns the orders of the text answers, so that
    every year scores them alike. Results in the order of :func:`sort_results`, with the
    columns ``region`` and ``year`` as in :func:`indicators.results.compute`."""
    from indicators.dataset.mapping import Mapping

    if ci_method == "bootstrap":
        raise DataError.from_text("scale.no_bootstrap")
    columns = [c for c in (region, year, weight, *by, *variables.values(), strata, cluster) if c]
    with _client(client_, scheduler, workers, memory_limit, processes) as c:
        srcs = _sources(parquet_files(pattern), PART_ROWS)

        def distinct(column: str) -> pd.Series:
            parts = c.gather(c.map(_distinct, srcs, column=column, pure=False))
            return pd.Series(pd.concat(parts, ignore_index=True).unique()) if parts else pd.Series()

        orders = orders_of(distinct)
        func = functools.partial(
            compute_year,
            region=region,
            year=year,
            weight=weight,
            by=list(by),
            variables=dict(variables),
            orders=orders,
            catalog=catalog,
            min_n=min_n,
            ci=ci,
            strata=strata,
            cluster=cluster,
            source=pattern,
        )
        if ci is None and strata is None and cluster is None:
            mapping = Mapping.build(
                region,
                year=year,
                weight=weight,
                groups=list(by),
                variables=variables,
                orders=orders,
            )
            table = compute_by_region_year(pattern, srcs, mapping, catalog, min_n, func, c)
        else:  # intervals: each year whole on one worker (the SEs of Total need the year)
            table = per_year(pattern, list(dict.fromkeys(columns)), year, func, c)
    return sort_results(table, "region", ["year", "group"] if year else ["group"])


def _distinct(src, column: str) -> pd.Series:
    """The distinct values of ``column`` in one input piece."""
    return pd.Series(_read(src, [column])[column].dropna().unique())


def _facts(src, columns, keys, groups):
    """Of one input piece: whether a combination of ``keys`` (region, year, groups, as in
    the file) repeats in it, else its counts; and the group columns of ages in years in it
    (:func:`indicators.dataset.mapping.is_age_in_years`, true when some age is above 12)."""
    from indicators.dataset.mapping import is_age_in_years

    part = _read(src, columns)
    counts = part.groupby(keys, dropna=False, observed=True).size()
    repeated = bool(len(counts) and counts.max() > 1)
    ages = [col for col in groups if is_age_in_years(col, part[col])]
    return repeated, None if repeated else counts, ages


def compute_by_region_year(
    pattern: str, srcs, mapping, catalog: str | None, min_n: int, in_memory: Callable, c
) -> pd.DataFrame:
    """:func:`indicators.results.compute` (no intervals) of the input pieces ``srcs`` with no
    more than the largest region-year in one worker's memory: one read for what
    :func:`indicators.dataset.prepare` tells from the whole data (microdata or aggregates,
    the group columns of ages in years), then :func:`region_year_tables` with one job per
    variable and breakdown, every piece prepared as the whole. Aggregates (one row per
    region and year, as small as the number of regions) are computed in memory by
    ``in_memory`` (:func:`compute_year`)."""
    import pyarrow.parquet as pq

    from indicators.dataset import validate
    from indicators.dataset.own_variables import AGGREGATES, MICRODATA
    from indicators.results import WHOLE, finish_results, indicator_rows, indicators_to_compute

    files = parquet_files(pattern)
    meta = pq.read_schema(files[0]).empty_table().to_pandas()
    validate.require_columns(meta, mapping.role_columns(), source=pattern)
    by = list(mapping.groups)
    keys = [k for k in (mapping.region, mapping.year, *by) if k]
    facts = c.gather(c.map(_facts, srcs, columns=keys, keys=keys, groups=by, pure=False))
    repeated = any(f[0] for f in facts)
    if not repeated and facts:
        counts = pd.concat([f[1] for f in facts])
        counts = counts.groupby(level=list(range(counts.index.nlevels)), dropna=False).sum()
        repeated = bool(counts.max() > 1)
    shape = MICRODATA if repeated else AGGREGATES
    ages = [col for col in by if any(col in f[2] for f in facts)]
    if shape == AGGREGATES:
        return in_memory(
            pd.concat([_read(s, mapping.role_columns()) for s in srcs], ignore_index=True)
        )
    reader = _PrepareReader(mapping, catalog, pattern, shape, ages)
    head = reader.prepared(_read(srcs[0], reader.columns).head(50))
    allowed = indicators_to_compute(head, _registry(catalog))
    jobs, kinds = [], []
    for breakdown in (WHOLE, *dict.fromkeys(by)):
        for var_id in dict.fromkeys(ind.variable for ind in allowed):
            inds = [ind for ind in allowed if ind.variable == var_id]
            measures = list(dict.fromkeys(ind.spec.text for ind in inds))
            jobs.append(_Job(var_id, [breakdown] if breakdown else [], measures))
            kinds.append((inds, var_id, breakdown))
    tables = region_year_tables(files, reader, jobs, c) if jobs else []
    parts = []
    for table, (inds, var_id, breakdown) in zip(tables, kinds, strict=True):
        parts += indicator_rows(table, inds, var_id, breakdown)
    return finish_results(parts, year=reader.year, shape=shape, min_n=min_n)


@contextlib.contextmanager
def _client(given, scheduler, workers, memory_limit, processes):
    if given is not None:
        yield given
        return
    with client(scheduler, workers, memory_limit, processes) as c:
        yield c


# ---------------------------------------------------------------------------------------------
# Region-year partitions: memory per worker bounded by the largest region-year, not the year.
# ---------------------------------------------------------------------------------------------

# families whose Total value needs the order of all rows of a year (no sum of region pieces)
ORDERED = ("quantile", "gini", "s80s20", "palma")
PART_ROWS = 2_000_000  # rows a partition holds at least room for (many small region-years)
SAMPLE_ROWS = 400_000  # sampled values, over all years, that place the bucket bounds
_Y, _X, _W, _B = "__y", "__x", "__w", "__b"


class _Reader:
    """How an input piece of the files becomes the rows the engine measures.

    ``columns`` are read; :meth:`keys` gives each raw row's region and year as the engine
    keys them (region text without surrounding spaces, the year parsed: ``GM0001 `` and
    ``GM0001``, ``2021`` and ``"2021"`` in different files are one region-year);
    :meth:`convert` gives the checked frame (its region, year and weight columns named
    ``region``, ``year`` and ``weight``) and the labels (text answer -> score) of each value
    column. The raw columns of region, year and weight are ``raw``.
    """

    def __init__(self, columns, raw, names, source):
        self.columns = list(dict.fromkeys(c for c in columns if c))
        self.raw_region, self.raw_year, self.raw_weight = raw
        self.region, self.year, self.weight = names
        self.source = source

    def read(self, src) -> pd.DataFrame:
        return _read(src, self.columns)

    def keys(self, part: pd.DataFrame) -> pd.DataFrame:
        from indicators.dataset import validate

        out = {self.region: validate.region_column(part, self.raw_region, source=self.source)}
        if self.raw_year:
            out[self.year] = validate.year_column(part, self.raw_year, source=self.source)
        return pd.DataFrame(out)

    def weights(self, part: pd.DataFrame) -> tuple[int, int]:
        """The raw weights above zero and not missing (the whole data's check)."""
        from indicators.dataset import validate

        if not self.raw_weight:
            return (0, 0)
        w = validate.numeric_column(part, self.raw_weight, source=self.source, check=False)
        return int((w > 0).sum()), int(w.notna().sum())

    def convert(self, part: pd.DataFrame) -> tuple[pd.DataFrame, dict]:  # pragma: no cover
        raise NotImplementedError


class _MeasureReader(_Reader):
    """``measures``: one column scored as :func:`indicators.results.measure_frame` does
    (value column ``__value``)."""

    def __init__(self, kw: dict):
        raw = (kw["region"], kw["year"], kw["weight"])
        super().__init__([*raw, *kw["by"], kw["value"]], raw, raw, kw["source"])
        self.kw = kw

    def convert(self, part):
        frame, _, labels = _frame(part, self.kw)
        return frame, {"__value": labels}


class _PrepareReader(_Reader):
    """``compute``: every mapped variable prepared as :func:`indicators.dataset.prepare`
    does for the whole data: its shape, its columns of ages in years and the order of the
    text answers are the whole data's (value columns: the variable ids)."""

    def __init__(self, mapping, catalog, source, shape, ages):
        from indicators.dataset.mapping import REGION, WEIGHT, YEAR

        raw = (mapping.region, mapping.year, mapping.weight)
        columns = [*raw, *mapping.groups, *mapping.variable_columns.values()]
        names = (REGION, YEAR if mapping.year else None, WEIGHT if mapping.weight else None)
        super().__init__(columns, raw, names, source)
        self.mapping, self.catalog = mapping, catalog
        self.shape, self.ages = shape, tuple(ages)

    def prepared(self, part: pd.DataFrame):
        """:func:`indicators.dataset.prepare` of a part. Its check that some weight is above
        zero is one of the whole data, as in :func:`_frame`."""
        from dataclasses import replace

        from indicators.dataset import validate
        from indicators.dataset.prepare import prepare

        part = part.reset_index(drop=True)
        kw = dict(source=self.source, shape=self.shape, ages=self.ages)
        weight = self.mapping.weight
        registry = _registry(self.catalog)
        if weight:
            w = validate.numeric_column(part, weight, source=self.source, check=False).to_numpy()
            if not (w > 0).any() and not (w < 0).any() and not np.isinf(w).any():
                prepared = prepare(part, replace(self.mapping, weight=None), registry, **kw)
                frame = prepared.frame.assign(**{self.weight: w})
                return replace(prepared, frame=frame, mapping=self.mapping)
        return prepare(part, self.mapping, registry, **kw)

    def convert(self, part):
        prepared = self.prepared(part)
        return prepared.frame, prepared.labels


@functools.lru_cache(maxsize=4)
def _registry(catalog: str | None):
    """The registry (with the user's own catalogue), loaded once per worker process."""
    from indicators.registry.catalog import load_registry

    return load_registry(extra=catalog)


class _Job:
    """One measure table to compute: the measures of one value column by region, year and
    the ``by`` columns (with Total rows)."""

    def __init__(self, value: str, by: Sequence[str], measures: Sequence[str]):
        from indicators.stats.measures import parse_measure

        self.value, self.by = value, tuple(by)
        self.specs = list({s.text: s for s in map(parse_measure, measures)}.values())
        self.texts = [s.text for s in self.specs]
        # sd's Total needs the region means
        self.extra = [*self.texts]
        if any(s.family == "sd" for s in self.specs) and "mean" not in self.extra:
            self.extra.append("mean")


def _engine_rows(frame: pd.DataFrame, reader: _Reader, values, by, splitters=None):
    """The rows as the engine uses them: year (``__y``, 0 without years), the ``by``
    columns, the weight ``__w`` (1 without weights, 0 when missing) and per value column i
    its value ``__x{i}`` (NaN when the value or the weight is missing); with ``splitters``
    (per value column, bucket bounds per year; a year not there, one no sample row fell in,
    is one bucket) its bucket ``__b{i}``."""
    year, weight = reader.year, reader.weight
    out = {_Y: frame[year] if year else np.zeros(len(frame), dtype=np.int64)}
    for col in by:
        out[col] = frame[col]
    w = np.ones(len(frame)) if weight is None else frame[weight].to_numpy(float, na_value=np.nan)
    ok = np.isfinite(w)
    out[_W] = np.where(ok, w, 0.0)
    for i, v in enumerate(values):
        out[f"{_X}{i}"] = np.where(ok, frame[v].to_numpy(dtype=float, na_value=np.nan), np.nan)
    rows = pd.DataFrame(out)
    if splitters is not None:
        years = rows.groupby(_Y, sort=False).indices
        for i, cuts in splitters.items():
            b = np.zeros(len(rows), dtype=np.int64)
            x = rows[f"{_X}{i}"].to_numpy()
            for y, at in years.items():
                if y in cuts:
                    b[at] = np.searchsorted(cuts[y], x[at], side="right")
            rows[f"{_B}{i}"] = b
    return rows


def _sources(files: Sequence[str], rows: float) -> list[tuple[str, tuple[int, ...], int]]:
    """Cut the files into input pieces: consecutive row groups of one file, at most ``rows``
    rows (at least one row group), as (file, row groups, rows)."""
    import pyarrow.parquet as pq

    out = []
    for f in files:
        meta = pq.ParquetFile(f).metadata
        groups: list[int] = []
        filled = 0
        for g in range(meta.num_row_groups):
            size = meta.row_group(g).num_rows
            if groups and filled + size > rows:
                out.append((f, tuple(groups), filled))
                groups, filled = [], 0
            groups.append(g)
            filled += size
        if groups:
            out.append((f, tuple(groups), filled))
    return out


def _read(src, columns) -> pd.DataFrame:
    """The ``columns`` of one input piece (:func:`_sources`)."""
    import pyarrow.parquet as pq

    f, groups, _ = src
    return pq.ParquetFile(f).read_row_groups(list(groups), columns=list(columns)).to_pandas()


def _frame(part: pd.DataFrame, kw: dict):
    """:func:`indicators.results.measure_frame` of a part of the files. Its check that some
    weight is above zero is one of the whole data (:func:`_check_weights` on the survey's
    counts): a part whose weights are all missing or zero is measured as it is (its rows
    weigh nothing), negative and infinite weights are refused in every part."""
    from indicators.dataset import validate
    from indicators.results import measure_frame

    part = part.reset_index(drop=True)
    weight = kw["weight"]
    if weight:
        w = validate.numeric_column(part, weight, source=kw["source"], check=False).to_numpy()
        if not (w > 0).any() and not (w < 0).any() and not np.isinf(w).any():
            frame, requested, labels = measure_frame(part, **{**kw, "weight": None})
            frame[weight] = w
            return frame, requested, labels
    return measure_frame(part, **kw)


def _survey(src, reader: _Reader, values, step):
    """Rows per region-year (as the engine keys them), every ``step``-th row's values per
    year (:func:`_engine_rows`, no weight) and the weights above zero and not missing."""
    part = reader.read(src)
    keys = reader.keys(part)
    counts = keys.groupby(list(keys.columns), dropna=False, observed=True).size()
    frame, _ = reader.convert(part.iloc[::step])
    sample = _engine_rows(frame, reader, values, ()).drop(columns=_W)
    return counts, sample, reader.weights(part)


def _check_weights(survey, reader: _Reader) -> None:
    """Refuse, as the in-memory engine does, data without one weight above zero."""
    if reader.raw_weight and not sum(s[2][0] for s in survey):
        from indicators.dataset import validate

        # the in-memory check itself, on one weight like the data's (all missing or zero)
        seen = 0.0 if sum(s[2][1] for s in survey) else np.nan
        validate.weight_column(
            pd.DataFrame({reader.raw_weight: [seen]}), reader.raw_weight, source=reader.source
        )


def _split(frame: pd.DataFrame, target: np.ndarray, names: Sequence | None = None) -> dict:
    """The rows of ``frame`` by ``target`` partition (a numpy argsort and slices): a dict of
    the non-empty pieces, partition (or ``names[target]``) -> rows."""
    if not len(frame):
        return {}
    order = np.argsort(target, kind="stable")
    ordered = target[order]
    ids, starts = np.unique(ordered, return_index=True)
    ends = [*starts[1:].tolist(), len(ordered)]
    frame = frame.take(order)
    return {
        int(t) if names is None else names[t]: frame.iloc[a:b]
        for t, a, b in zip(ids.tolist(), starts.tolist(), ends, strict=True)
    }


def _bucket_split(src, reader: _Reader, values, groups: dict, splitters: dict):
    """One input piece's valid rows cut into the buckets of their years, for each value
    column i of ``groups`` (i -> its key sets): per key set, cell and bucket the weight, the
    weighted sum and the smallest value (under ``("sums", i)``), per ``(i, year, bucket)``
    the rows' by-columns, values and weights, and the rows of years the sample has no
    bounds for under ``("rest", i)``."""
    frame, _ = reader.convert(reader.read(src))
    own = {
        i: list(dict.fromkeys(k for ks in sets for k in ks if k != _Y))
        for i, sets in groups.items()
    }
    by = list(dict.fromkeys(k for cols in own.values() for k in cols))
    rows = _engine_rows(frame, reader, values, by, {i: splitters[i] for i in groups})
    out: dict = {}
    for i, key_sets in groups.items():
        x = rows[f"{_X}{i}"].to_numpy()
        r = rows.loc[np.isfinite(x), [_Y, *own[i], _W, f"{_X}{i}", f"{_B}{i}"]]
        r = r.rename(columns={f"{_X}{i}": _X, f"{_B}{i}": _B})
        r = r.assign(__wx=r[_W].to_numpy() * r[_X].to_numpy())
        sums = []
        for k, keys in enumerate(key_sets):
            agg = r.groupby([*keys, _B], observed=True, dropna=False).agg(
                W=(_W, "sum"), swx=("__wx", "sum"), xmin=(_X, "min")
            )
            sums.append(agg.reset_index().assign(__set=k))
        sampled = r[_Y].isin(list(splitters[i])).to_numpy()
        rest, r = r[~sampled], r[sampled]
        grouped = r.groupby([_Y, _B], sort=True)
        names = [(i, *k) for k in grouped.size().index.tolist()]
        out.update(_split(r[[*own[i], _X, _W]], grouped.ngroup().to_numpy(), names))
        out[("sums", i)] = sums
        out[("rest", i)] = rest[[_Y, *own[i], _X, _W]]  # years no sample row fell in: one bucket
    return out


def _rest_piece(rest: pd.DataFrame, year):
    """The rows of ``year`` among those of the years outside the sample."""
    return rest.loc[(rest[_Y] == year).to_numpy()].drop(columns=_Y)


def _piece(pieces: dict, key):
    """One piece of a split (None when the input piece has no rows for ``key``)."""
    return pieces.get(key)


def _bucket_part(year, bucket, key_sets, infos, levels, ginis, *pieces):
    """The ordered pieces (:func:`_bucket_stats`) of one bucket of one year, from its rows
    in every input piece."""
    pieces = [p for p in pieces if p is not None and len(p)]
    if not pieces:
        return []
    part = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    return _bucket_stats(part, year, bucket, key_sets, infos, levels, ginis)


def _route(keys: pd.DataFrame, table: pd.Series) -> np.ndarray:
    """The partition of each row's region-year (``keys``: the rows' region and year;
    ``table``: region-year -> partition)."""
    grouped = keys.groupby(list(keys.columns), sort=True, dropna=False, observed=True)
    codes = grouped.ngroup().to_numpy()
    ids = table.reindex(grouped.size().index).to_numpy(np.int64)
    return ids[codes]


def _region_split(src, reader: _Reader, table):
    """One input piece's rows by the partition of their region-year."""
    part = reader.read(src)
    return _split(part, _route(reader.keys(part), table))


def _region_part(reader: _Reader, jobs, lines, *pieces):
    """The region rows of every job in one partition of whole region-years (this project's
    engine, :func:`indicators.results.measure_table`, with the poverty lines of the whole
    data), from the partition's rows in every input piece."""
    from indicators.results import Groupings, measure_table

    pieces = [p for p in pieces if p is not None and len(p)]
    if not pieces:
        return [pd.DataFrame() for _ in jobs]
    part = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    frame, labels = reader.convert(part)
    groupings = Groupings(frame)
    return [
        measure_table(
            frame,
            job.value,
            job.extra,
            region=reader.region,
            year=reader.year,
            weight=reader.weight,
            by=list(job.by),
            labels=labels.get(job.value) or None,
            total=False,
            groupings=groupings,
            lines=lines.get(job.value),
            internal=True,
        )
        for job in jobs
    ]


def _cell_info(sums: pd.DataFrame, keys) -> pd.DataFrame:
    """Per cell and bucket (in value order): the weight of the buckets below (``C_prev``),
    the cell's weight and sum, the next bucket's smallest value and whether it is the last."""
    info = (
        sums.groupby([*keys, _B], observed=True, dropna=False)
        .agg(W=("W", "sum"), swx=("swx", "sum"), xmin=("xmin", "min"))
        .reset_index()
        .sort_values([*keys, _B], kind="mergesort")
        .reset_index(drop=True)
    )
    cells = info.groupby(list(keys), observed=True, dropna=False, sort=False)
    info["C_prev"] = cells["W"].cumsum() - info["W"]
    info["W_cell"] = cells["W"].transform("sum")
    info["swx_cell"] = cells["swx"].transform("sum")
    info["next_min"] = cells["xmin"].shift(-1)
    info["last"] = info["next_min"].isna()
    return info


def _bucket_stats(part, year, bucket, key_sets, infos, levels, ginis):
    """Exact pieces of the ordered measures from the rows of one bucket of one year: for
    each cell, the Gini sum of its rows (their ranks are C_prev plus the ranks within the
    bucket) and, for each quantile level whose target weight falls in this bucket, the
    quantile by the rule of :func:`indicators.stats.measures.quantile` and the weighted sum
    at or below it."""
    from indicators.stats.measures import TOLERANCE

    part = part[np.isfinite(part[_X].to_numpy())]
    if part.empty:
        return []
    out = []
    for i, keys in enumerate(key_sets):
        info = infos[i].set_index([*keys, _B])
        rows = []
        by = [k for k in keys if k != _Y]  # the year and the bucket are this partition's
        groups = part.groupby(by, observed=True, dropna=False, sort=True) if by else [((), part)]
        for key, g in groups:
            key = (year, *(key if isinstance(key, tuple) else (key,)), bucket)
            cell = info.loc[key]
            x = g[_X].to_numpy()
            w = g[_W].to_numpy()
            order = np.argsort(x, kind="stable")
            x, w = x[order], w[order]
            wx = w * x
            c = cell["C_prev"] + np.cumsum(w)
            row = dict(zip([*keys, _B], key, strict=True))
            if ginis[i]:
                row["L"] = float(np.sum(wx * (2.0 * c - w)))
            total = cell["W_cell"]
            for p in levels[i]:
                target, tol = p * total, TOLERANCE * total
                n = x.size
                j = int(np.searchsorted(c, target - tol, side="left"))
                claimed = j < n or bool(cell["last"])
                row[f"claim_{p}"] = claimed and n > 0
                if not row[f"claim_{p}"]:
                    continue
                j = min(j, n - 1)
                if abs(c[j] - target) <= tol:
                    h = int(np.searchsorted(c, target + tol, side="right"))
                    # x_h past the bucket: the next bucket's smallest value (or the last)
                    last = x[n - 1] if bool(cell["last"]) else cell["next_min"]
                    xh = x[h] if h < n else last
                    q = (x[j] + xh) / 2
                else:
                    q = x[j]
                row[f"q_{p}"] = float(q)
                row[f"part_{p}"] = float(wx[: np.searchsorted(x, q, side="right")].sum())
            rows.append(row)
        out.append(pd.DataFrame(rows).assign(__set=i))
    return out


def _ordered_values(stats: pd.DataFrame, info: pd.DataFrame, keys, levels, gini):
    """Per cell: the quantiles, the sums at or below them and the Gini, from the buckets."""
    cells = info.groupby(list(keys), observed=True, dropna=False, sort=True)
    res = cells.agg(W=("W", "sum"), swx=("swx", "sum")).reset_index()
    stats = stats.merge(info[[*keys, _B, "swx"]], on=[*keys, _B], how="left")
    for p in levels:
        claim = stats[stats[f"claim_{p}"].fillna(False).astype(bool)]
        first = claim.sort_values([*keys, _B]).groupby(list(keys), dropna=False).head(1)
        first = first[[*keys, _B, f"q_{p}", f"part_{p}"]].rename(columns={_B: "__bq"})
        merged = info[[*keys, _B, "swx"]].merge(first, on=list(keys), how="inner")
        below = merged[merged[_B] < merged["__bq"]].groupby(list(keys), dropna=False)["swx"].sum()
        first = first.set_index(list(keys))
        first[f"below_{p}"] = first[f"part_{p}"] + below.reindex(first.index, fill_value=0.0)
        res = res.merge(first[[f"q_{p}", f"below_{p}"]].reset_index(), on=list(keys), how="left")
    if gini:
        L = stats.groupby(list(keys), dropna=False)["L"].sum().rename("L").reset_index()
        res = res.merge(L, on=list(keys), how="left")
        with np.errstate(divide="ignore", invalid="ignore"):
            g = (res["L"] - res["W"] * res["swx"]) / (res["W"] * res["swx"])
        res["gini"] = np.where(res["swx"] == 0, np.nan, np.maximum(g, 0.0))
    return res


def _totals(regions: pd.DataFrame, ordered, specs, region: str, total_keys):
    """The Total rows from the region rows (every measure that sums exactly over regions)
    and the ordered pieces (quantiles, Gini, share ratios of the whole year)."""
    from indicators.results import theil_parts

    keys = list(total_keys) or ["__one"]
    reg = regions.assign(__one=0) if not total_keys else regions
    if ordered is not None:
        ordered = ordered.drop(columns=[k for k in (_Y,) if k not in keys]).assign(__one=0)
    base = reg[reg["measure"] == reg["measure"].iloc[0]]
    grp = base.groupby(keys, observed=True, dropna=False, sort=True)
    cells = grp[["n", "weight_sum", "n_missing"]].sum().reset_index()
    W = cells["weight_sum"].to_numpy()
    if ordered is not None:  # cells without a valid row have no buckets
        ordered = cells[keys].merge(ordered, on=keys, how="left")

    def by_cell(m):
        rows = reg[reg["measure"] == m]
        return rows.merge(cells[keys], on=keys, how="right")

    def weighted(m):  # sum over regions of W_r * value_r, per cell
        rows = by_cell(m)
        prod = (rows["weight_sum"] * rows["value"]).where(rows["weight_sum"] > 0, 0.0)
        return prod.groupby([rows[k] for k in keys], dropna=False, sort=True).sum().to_numpy()

    mean = weighted("mean") / W if "mean" in set(reg["measure"]) else None
    pos = None
    pos_specs = [s for s in specs if s.positive_only]
    if pos_specs:
        rows = by_cell(pos_specs[0].text)
        ok = rows["_w_pos"] > 0
        wp = rows["_w_pos"].where(ok, 0.0)
        grp_r = [rows[k] for k in keys]
        Wp = wp.groupby(grp_r, dropna=False, sort=True).sum().to_numpy()
        swp = (wp * rows["_mu_pos"].where(ok, 0.0)).groupby(grp_r, dropna=False, sort=True).sum()
        with np.errstate(divide="ignore", invalid="ignore"):
            mu_p = swp.to_numpy() / Wp
        excluded = rows["n_excluded"].groupby(grp_r, dropna=False, sort=True).sum().to_numpy()
        pos = (Wp, mu_p, excluded)

    def positive_sum(m, f):  # sum over regions of (Wp_r / Wp) * f(row), per cell
        rows = by_cell(m)
        ok = rows["_w_pos"] > 0
        with np.errstate(divide="ignore", invalid="ignore"):
            term = (rows["_w_pos"] * f(rows)).where(ok, 0.0)
        s = term.groupby([rows[k] for k in keys], dropna=False, sort=True).sum().to_numpy()
        return s / pos[0]

    out = []
    for spec in specs:
        fam, t = spec.family, spec.text
        mu_p = None if pos is None else pos[1]
        with np.errstate(divide="ignore", invalid="ignore"):
            if fam == "mean":
                v = mean
            elif fam == "n":
                v = by_cell(t).groupby(keys, dropna=False, sort=True)["value"].sum().to_numpy()
            elif fam == "sd":
                rows = by_cell(t).merge(
                    by_cell("mean")[[*keys, region, "value"]].rename(columns={"value": "__mu"}),
                    on=[*keys, region],
                    how="left",
                )
                cm = pd.Series(
                    mean,
                    index=pd.MultiIndex.from_frame(cells[keys])
                    if len(keys) > 1
                    else pd.Index(cells[keys[0]]),
                )
                cell_mu = cm.reindex(
                    pd.MultiIndex.from_frame(rows[keys]) if len(keys) > 1 else rows[keys[0]]
                ).to_numpy()
                term = rows["weight_sum"] * (rows["value"] ** 2 + (rows["__mu"] - cell_mu) ** 2)
                term = term.where(rows["weight_sum"] > 0, 0.0)
                v = np.sqrt(
                    term.groupby([rows[k] for k in keys], dropna=False, sort=True).sum().to_numpy()
                    / W
                )
            elif fam in ("share_below", "share_at_least", "poverty_rate", "share"):
                v = weighted(t) / W
            elif fam == "theil":
                v = None  # below, from its parts
            elif fam == "mld":
                v = positive_sum(
                    t,
                    lambda r, mu_p=mu_p: (
                        r["value"] + np.log(_cell_values(mu_p, cells, keys, r) / r["_mu_pos"])
                    ),
                )
            elif fam == "atkinson":
                e = float(spec.param)
                if e == 1:
                    lg = positive_sum(t, lambda r: np.log(r["_mu_pos"]) + np.log1p(-r["value"]))
                    v = 1 - np.exp(lg) / mu_p
                else:
                    s = positive_sum(t, lambda r, e=e: (r["_mu_pos"] * (1 - r["value"])) ** (1 - e))
                    v = 1 - s ** (1 / (1 - e)) / mu_p
            elif fam == "quantile":
                v = ordered[f"q_{float(spec.param)}"].to_numpy()
            elif fam == "gini":
                v = ordered["gini"].to_numpy()
            else:  # s80s20, palma
                top, bottom = spec.kwargs["top"], spec.kwargs["bottom"]
                upper = ordered["swx"].to_numpy() - ordered[f"below_{top}"].to_numpy()
                lower = ordered[f"below_{bottom}"].to_numpy()
                v = np.where(lower > 0, upper / lower, np.nan)
        piece = cells[keys].copy()
        piece["measure"] = t
        piece["value"] = v if v is not None else np.nan
        piece["n"] = cells["n"].to_numpy()
        piece["weight_sum"] = W
        piece["n_missing"] = cells["n_missing"].to_numpy()
        piece["n_excluded"] = pos[2] if spec.positive_only else 0
        if spec.positive_only:
            piece["_mu_pos"], piece["_w_pos"] = pos[1], pos[0]
        else:
            piece["_mu_pos"] = piece["_w_pos"] = np.nan
        out.append(piece)
    tot = pd.concat(out, ignore_index=True)
    tot.loc[~(tot["weight_sum"] > 0), "value"] = np.nan
    if any(s.family == "theil" for s in specs):
        parts = theil_parts(reg, tot, region, keys)
        sums = parts.pivot_table(
            index=keys, columns="measure", values="value", dropna=False, aggfunc="first"
        )
        theil = (sums["theil_between"] + sums["theil_within"]).rename("__t").reset_index()
        rows = tot["measure"] == "theil"
        merged = tot.loc[rows, keys].merge(theil, on=keys, how="left")
        tot.loc[rows, "value"] = merged["__t"].to_numpy()
        tot = pd.concat([tot, parts], ignore_index=True)
    if not total_keys:
        tot = tot.drop(columns="__one")
    tot.insert(0, region, TOTAL)
    return tot


def _cell_values(values, cells, keys, rows):
    """The per-cell ``values`` (in the order of ``cells``) on each of ``rows``."""
    index = pd.MultiIndex.from_frame(cells[keys]) if len(keys) > 1 else pd.Index(cells[keys[0]])
    at = pd.MultiIndex.from_frame(rows[keys]) if len(keys) > 1 else pd.Index(rows[keys[0]])
    return pd.Series(values, index=index).reindex(at).to_numpy()


def check_region_years(counts: pd.Series, bytes_per_row: float, limit: float, source: str):
    """Stop with a clear message when one region-year (``counts``: rows per region-year)
    would need more memory than a worker has (``limit`` bytes)."""
    if not np.isfinite(limit) or counts.empty:
        return
    need = counts.astype(float) * bytes_per_row * MEMORY_FACTOR + WORKER_BASE
    worst = need.idxmax()
    if need[worst] > USABLE * limit:
        key = worst if isinstance(worst, tuple) else (worst,)
        raise DataError.from_text(
            "scale.region_year_too_large",
            source=source,
            cell=" ".join(str(k) for k in key),
            rows=f"{int(counts[worst]):,}",
            need=f"{need[worst] / 1e9:.1f}",
            limit=f"{limit / 1e9:.1f}",
        )


def fitting_rows(bytes_per_row: float, limit: float) -> float:
    """Rows one worker can hold with ``limit`` bytes (inf without a limit)."""
    if not np.isfinite(limit):
        return float("inf")
    return max(0.0, (USABLE * limit - WORKER_BASE) / (bytes_per_row * MEMORY_FACTOR))


def _pack(counts: pd.Series, rows: float) -> pd.Series:
    """Number the partitions: region-years in order, a new partition when ``rows`` is full."""
    sizes = counts.to_numpy()
    out = np.empty(sizes.size, dtype=np.int64)
    k, filled = 0, 0
    for i, size in enumerate(sizes.tolist()):
        if filled and filled + size > rows:
            k, filled = k + 1, 0
        out[i], filled = k, filled + size
    return pd.Series(out, index=counts.index)


def measures_by_region_year(pattern: str, kw: dict, c, source: str) -> pd.DataFrame:
    """:func:`indicators.results.compute_measures` (no intervals) with no more than the
    largest region-year (or :data:`PART_ROWS` rows) in one worker's memory
    (:func:`region_year_tables`)."""
    import pyarrow.parquet as pq

    from indicators.dataset import validate

    files = parquet_files(pattern)
    reader = _MeasureReader(kw)
    meta = pq.read_schema(files[0]).empty_table().to_pandas()
    validate.require_columns(meta, reader.columns, source=source)
    head = _read(_sources(files[:1], 1)[0], reader.columns).head(50)
    _, requested, _ = _frame(head, kw)
    (out,) = region_year_tables(files, reader, [_Job("__value", kw["by"], requested)], c)
    keys = [kw["region"], *([kw["year"]] if kw["year"] else []), *kw["by"]]
    return out[[*keys, "measure", "value", "n"]]


def region_year_tables(files, reader: _Reader, jobs, c) -> list[pd.DataFrame]:
    """The measure tables of ``jobs`` (region rows and Total rows, as
    :func:`indicators.results.measure_table` gives them) with no more than the largest
    region-year (or :data:`PART_ROWS` rows) in one worker's memory.

    1. One read of the files: rows per region-year (checked against the workers' memory),
       the weights above zero (the whole data's check) and a sample of the values per year,
       whose quantiles cut each year into buckets of values of about a partition's rows (a
       year no sample row fell in is one bucket).
    2. (When a quantile, the Gini, a share ratio or the poverty line is asked for.) One read,
       one task per input piece: per value column, cell (year, and year x by-groups) and
       bucket the weight, the sum and the smallest value, so that every bucket knows the
       weight of the rows below it, and the rows split by (value column, year, bucket).
       Each bucket's pieces meet in one task, which sorts them and gives the Gini sum of
       their ranks and, where a quantile's target weight falls in it, that quantile exactly
       and the sum at or below it: the poverty line of each year, the Total rows'
       quantiles, Gini, S80/S20, Palma.
    3. One read: the rows split by the partition of their region-year (region-years packed
       in order up to a partition's rows, :func:`_pack`); in each partition this project's
       engine (:func:`indicators.results.measure_table`) computes every job's region rows
       with the poverty lines of step 2. The Total rows' other measures are exact sums over
       regions: means, sd (within plus between), shares and rates, Theil (between plus
       within), MLD and Atkinson from the means of x > 0 and of log x or x^(1-e).
    """
    import pyarrow.parquet as pq

    from indicators.stats.measures import POVERTY_FRACTION

    source = reader.source
    meta = pq.read_schema(files[0]).empty_table().to_pandas()[reader.columns]
    limit = worker_memory(c)
    bytes_per_row = _row_bytes(meta)
    if np.isfinite(limit) and fitting_rows(bytes_per_row, limit) < 1:
        # said before anything runs: a worker over its limit pauses and never finishes
        raise DataError.from_text(
            "scale.worker_too_small",
            source=source,
            limit=f"{limit / 1e9:.1f}",
            base=f"{WORKER_BASE / 1e9:.1f}",
        )
    timer = _Timer()
    # input pieces of at most what a partition holds (a large file is read in row groups)
    srcs = _sources(files, max(1.0, min(PART_ROWS, fitting_rows(bytes_per_row, limit))))
    values = list(dict.fromkeys(job.value for job in jobs))

    # 1. rows per region-year and a sample of values per year
    n_rows = sum(s[2] for s in srcs)
    step = max(1, n_rows // SAMPLE_ROWS)
    survey = c.gather(c.map(_survey, srcs, reader=reader, values=values, step=step, pure=False))
    counts = pd.concat([s[0] for s in survey])
    counts = counts.groupby(level=list(range(counts.index.nlevels)), dropna=False).sum()
    check_region_years(counts, bytes_per_row, limit, source)
    _check_weights(survey, reader)
    largest = float(counts.max()) if len(counts) else 0.0
    rows_per_part = max(largest, min(PART_ROWS, fitting_rows(bytes_per_row, limit)), 1.0)
    timer("survey")

    # per value column: its key sets (the year for the poverty line first, then year x by),
    # the quantile levels and whether a Gini is asked for in each
    groups, levels, ginis, poor = {}, {}, {}, set()
    for i, v in enumerate(values):
        sets = [(_Y,)] + [(_Y, *j.by) for j in jobs if j.value == v and j.by]
        sets = list(dict.fromkeys(sets))
        lv = {k: set() for k in sets}
        gi = dict.fromkeys(sets, False)
        for job in (j for j in jobs if j.value == v):
            ks = (_Y, *job.by)
            for s in job.specs:
                if s.family == "poverty_rate":
                    poor.add(i)
                    lv[(_Y,)].add(0.5)
                elif s.family == "quantile":
                    lv[ks].add(float(s.param))
                elif s.family in ("s80s20", "palma"):
                    lv[ks].update((s.kwargs["top"], s.kwargs["bottom"]))
                elif s.family == "gini":
                    gi[ks] = True
        if any(lv.values()) or any(gi.values()):
            groups[i] = [list(k) for k in sets]
            levels[i] = [sorted(lv[k]) for k in sets]
            ginis[i] = [gi[k] for k in sets]
    lines: dict = {}
    ordered: dict = {}  # (value column, key set) -> the ordered pieces per cell
    if groups:
        sample = pd.concat([s[1] for s in survey], ignore_index=True)
        year_rows = sample.groupby(_Y).size() * step
        splitters: dict = {}
        for i in groups:
            splitters[i] = {}
            xs = sample[[_Y, f"{_X}{i}"]]
            xs = xs[np.isfinite(xs[f"{_X}{i}"].to_numpy())]
            for y, x in xs.groupby(_Y)[f"{_X}{i}"]:
                n_b = int(np.ceil(year_rows[y] / rows_per_part))
                cuts = np.quantile(x.to_numpy(), np.arange(1, n_b) / n_b) if n_b > 1 else []
                splitters[i][y] = np.unique(np.asarray(cuts, dtype=float))
        # 2a. one read: the sums per cell and bucket, and the rows split by bucket
        splits = c.map(
            _bucket_split,
            srcs,
            reader=reader,
            values=values,
            groups=groups,
            splitters=splitters,
            pure=False,
        )
        # every piece a key of its own at once (a year outside the sample: under "rest"),
        # and the splits let go: a split spilled whole would be read back for each piece
        known = [
            (i, y, b)
            for i in groups
            for y, cuts in splitters[i].items()
            for b in range(cuts.size + 1)
        ]
        known += [(tag, i) for i in groups for tag in ("sums", "rest")]
        parts = [{k: c.submit(_piece, s, k, pure=False) for k in known} for s in splits]
        del splits
        sums = c.gather([[p[("sums", i)] for i in groups] for p in parts])
        infos = {}
        for n_i, i in enumerate(groups):
            infos[i] = [
                _cell_info(pd.concat([s[n_i][k] for s in sums], ignore_index=True), keys)
                for k, keys in enumerate(groups[i])
            ]
        timer("bucket sums and split")
        # 2b. each bucket of a year in one partition: the ordered pieces
        have: dict = {}  # (value column, year, bucket) -> the input pieces with rows in it
        for j, s in enumerate(sums):
            for n_i, i in enumerate(groups):
                line_sums = s[n_i][0]
                for key in zip(line_sums[_Y].tolist(), line_sums[_B].tolist(), strict=True):
                    have.setdefault((i, *key), []).append(j)
        outs = _shuffle(
            c,
            have,
            lambda t: (
                _bucket_part,
                t[1],
                t[2],
                groups[t[0]],
                infos[t[0]],
                levels[t[0]],
                ginis[t[0]],
            ),
            lambda j, t: (
                parts[j][t]
                if t[1] in splitters[t[0]]
                else c.submit(_rest_piece, parts[j][("rest", t[0])], t[1], pure=False)
            ),
        )
        del parts
        stats = dict(zip(sorted(have), c.gather(outs), strict=True))
        del outs
        for i, sets in groups.items():
            for k, keys in enumerate(sets):
                pieces = [s[k] for t, s in stats.items() if t[0] == i and s and len(s[k])]
                st = (
                    pd.concat(pieces, ignore_index=True)
                    if pieces
                    else pd.DataFrame(columns=[*keys, _B])
                )
                res = _ordered_values(st, infos[i][k], keys, levels[i][k], ginis[i][k])
                ordered[(values[i], tuple(keys))] = res.sort_values(
                    keys, kind="mergesort"
                ).reset_index(drop=True)
            if i in poor:
                med = ordered[(values[i], (_Y,))].set_index(_Y)["q_0.5"] * POVERTY_FRACTION
                if reader.year:
                    lines[values[i]] = med.to_dict()
                else:
                    lines[values[i]] = float(med.iloc[0]) if len(med) else float("nan")
        timer("bucket stats")

    # 3. each region-year in one partition: the region rows of every job
    table = _pack(counts, rows_per_part)
    have = {}  # partition -> the input pieces with rows in it
    for j, s in enumerate(survey):
        for t in np.unique(table.reindex(s[0].index).to_numpy(np.int64)).tolist():
            have.setdefault(t, []).append(j)
    ry_splits = c.map(_region_split, srcs, reader=reader, table=table, pure=False)
    outs = _shuffle(
        c,
        have,
        lambda t: (_region_part, reader, jobs, lines),
        lambda j, t: c.submit(_piece, ry_splits[j], t, pure=False),
    )
    ry_splits.clear()  # let the splits go: the pieces hold them now
    tables = c.gather(outs)
    del outs
    timer("region rows")
    out = [_job_table(job, [t[n] for t in tables], ordered, reader) for n, job in enumerate(jobs)]
    timer("totals")
    return out


def _job_table(job: _Job, tables, ordered: dict, reader: _Reader) -> pd.DataFrame:
    """One job's region rows (from every partition) and its Total rows."""
    from indicators.stats.measures import parse_measure

    region, year, by = reader.region, reader.year, list(job.by)
    regions = pd.concat([t for t in tables if len(t)], ignore_index=True)
    if year:
        regions = regions.rename(columns={year: _Y})
    tot = _totals(
        regions,
        ordered.get((job.value, (_Y, *by))),
        [parse_measure(m) for m in job.extra],
        region,
        [_Y, *by] if year else by,
    )
    texts = set(job.texts)
    tot = tot[tot["measure"].isin(texts | {"theil_between", "theil_within"})]
    regions = regions[regions["measure"].isin(texts)]
    out = pd.concat([regions, tot], ignore_index=True)
    if year:
        out = out.rename(columns={_Y: year})
    keys = [region, *([year] if year else []), *by]
    return out[[*keys, "measure", "value", "n", "weight_sum", "n_missing", "n_excluded"]]


def _shuffle(c, have: dict, task: Callable, piece: Callable) -> list:
    """The plain task shuffle: for each partition ``t`` (in sorted order) one task
    ``task(t)`` (a function and its first arguments) on its pieces ``piece(i, t)`` (futures,
    each a key of its own) of the input pieces ``i`` in ``have[t]``. Returns the futures.
    The caller lets the splits go before it gathers them, so that distributed frees (or
    spills) each piece alone, not the whole split beside it."""
    outs = []
    for t in sorted(have):
        func, *args = task(t)
        outs.append(c.submit(func, *args, *[piece(i, t) for i in have[t]], pure=False))
    return outs


class _Timer:
    """Log the seconds of each step (logger ``indicators.analyses.scale``, level INFO)."""

    def __init__(self):
        import time

        self._clock = time.perf_counter
        self._last = self._clock()

    def __call__(self, step: str) -> None:
        now = self._clock()
        logging.getLogger(__name__).info("%s: %.1f s", step, now - self._last)
        self._last = now
