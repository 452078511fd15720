"""Beyond one machine: every measure on Dask, out of core, with the in-memory engine's numbers.

A folder (or glob) of Parquet files is read lazily; the rows are shuffled so that each year
lies whole in one partition, and each year is computed by this project's own engine
(:func:`indicators.results.compute_measures` or :func:`indicators.results.compute`, hence
:class:`indicators.stats.engine.SortPlan`): its region rows, its Total rows, the national
poverty line (0.6 x the median of all regions of that year) and the Theil decomposition. The
results of the years are gathered into one table with the in-memory engine's schema.

Why whole years and not region-years: the Total rows and the poverty line are quantiles
(and Gini, Palma, ...) of a whole year's distribution, which no sum of per-region pieces
gives exactly. Computing each year on one worker keeps every number exact; the price is that
**memory per worker is bounded by the largest year** (about ``MEMORY_FACTOR`` times its bytes
in the columns used), not by the data: twenty years of registers need twenty times less
memory per worker than the whole. :func:`check_sizes` reads the row counts per year before
anything is computed and stops with a clear message when one year is too large for a worker.

Dask and distributed are an optional extra (``pip install .[scale]``), imported only here and
only when used.
"""

from __future__ import annotations

import contextlib
import functools
import glob
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
    if scheduler:
        with distributed.Client(scheduler) as c:
            yield c
        return
    with (
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


def _run_years(frame: pd.DataFrame, year: str | None, func: Callable) -> pd.DataFrame:
    """Compute ``func`` on each year of one partition (a partition holds whole years)."""
    if frame.empty:
        return pd.DataFrame()
    frame = frame.reset_index(drop=True)
    if year is None:
        return func(frame.reset_index(drop=True))
    parts = [
        func(part.reset_index(drop=True))
        for _, part in frame.groupby(year, sort=True, dropna=False, observed=True)
    ]
    return pd.concat(parts, ignore_index=True)


def per_year(
    pattern: str,
    columns: Sequence[str],
    year: str | None,
    func: Callable[[pd.DataFrame], pd.DataFrame],
    c,
    *,
    source: str | None = None,
) -> pd.DataFrame:
    """Read ``columns`` of the Parquet files lazily, shuffle so that each year lies whole in
    one partition, run ``func`` on every year on the workers and gather the tables."""
    dd, _ = _dask()
    source = source or pattern
    files = parquet_files(pattern)
    from indicators.dataset import validate

    ddf = dd.read_parquet(files, columns=None)
    validate.require_columns(ddf._meta, list(columns), source=source)
    ddf = ddf[list(dict.fromkeys(columns))]
    limit = worker_memory(c)
    bytes_per_row = _row_bytes(ddf._meta)
    if year is None:
        counts = pd.Series({"(all)": int(ddf.map_partitions(len).sum().compute())})
        check_sizes(counts, bytes_per_row, limit, source)
        ddf = ddf.repartition(npartitions=1)
    else:
        counts = ddf[year].value_counts(dropna=False).compute().sort_index()
        check_sizes(counts, bytes_per_row, limit, source)
        # each year its own partition: year k goes to [k, k + 1) of the divisions 0 .. K
        part = {y: k for k, y in enumerate(counts.index) if not pd.isna(y)}
        ddf = ddf.assign(__part=ddf[year].map(part, meta=(year, "f8")).fillna(0).astype("i8"))
        ddf = ddf.set_index("__part", divisions=list(range(len(counts) + 1)))
    tasks = [_delayed(_run_years)(part, year, func) for part in ddf.to_delayed(optimize_graph=True)]
    tables = [t for t in c.gather(c.compute(tasks)) if len(t)]
    if not tables:
        return pd.DataFrame()
    return pd.concat(tables, ignore_index=True)


def _delayed(func):
    import dask

    return dask.delayed(func, pure=True)


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
    if ci_method == "bootstrap":
        raise DataError.from_text("scale.no_bootstrap")
    dd, _ = _dask()
    columns = [c for c in (region, year, weight, *by, *variables.values(), strata, cluster) if c]
    with _client(client_, scheduler, workers, memory_limit, processes) as c:

        def distinct(column: str) -> pd.Series:
            ddf = dd.read_parquet(parquet_files(pattern), columns=[column])
            return pd.Series(ddf[column].dropna().unique().compute())

        func = functools.partial(
            compute_year,
            region=region,
            year=year,
            weight=weight,
            by=list(by),
            variables=dict(variables),
            orders=orders_of(distinct),
            catalog=catalog,
            min_n=min_n,
            ci=ci,
            strata=strata,
            cluster=cluster,
            source=pattern,
        )
        table = per_year(pattern, list(dict.fromkeys(columns)), year, func, c)
    return sort_results(table, "region", ["year", "group"] if year else ["group"])


@contextlib.contextmanager
def _client(given, scheduler, workers, memory_limit, processes):
    if given is not None:
        yield given
        return
    with client(scheduler, workers, memory_limit, processes) as c:
        yield c
