"""Benchmark: every measure on Dask (``--engine dask``) against the in-memory engine.

Run by ``make bench``; alone: ``.venv/bin/python tests/benchmarks/bench_scale.py --rows 2e7``.
Writes the synthetic data of ``bench_measures.py`` (342 municipalities, 10 years, lognormal
incomes and weights) once as a folder of Parquet files (``tests/benchmarks/out/``, ignored by
git; reused when present), then times :func:`indicators.analyses.scale.measures` (every
default measure and the poverty rate, weighted, per region-year plus the Total rows) on a
LocalCluster of ``--workers`` worker processes with ``--memory-limit`` each, sampling each
worker's resident memory while it runs, and :func:`indicators.results.compute_measures` on
the same rows in this process. Prints the Dask engine's seconds per step, the times, the peak
memory per worker and the ratio of the times per row. The issue's scale run:
``--rows 1e8 --memory-limit 1.5GB --memory-rows 5e7``. ``--command compute`` times
``compute`` instead (the registry's income indicators, mapped as ``income=income``) against
the in-memory ``prepare`` and ``compute``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_measures import make_data  # noqa: E402

from indicators.analyses import scale  # noqa: E402
from indicators.results import compute_measures  # noqa: E402
from indicators.stats.measures import DEFAULT_MEASURES  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
MEASURES = [*DEFAULT_MEASURES, "poverty_rate"]
KW = dict(value="income", region="region", year="year", weight="weight", measures=MEASURES)
MAPPED = dict(region="region", year="year", weight="weight", variables={"income": "income"})


def run_dask(command: str, pattern: str, c) -> pd.DataFrame:
    if command == "compute":
        return scale.compute_parquet(pattern, by=[], orders_of=lambda _: {}, client_=c, **MAPPED)
    return scale.measures(pattern, client_=c, **KW)


def run_memory(command: str, df: pd.DataFrame) -> pd.DataFrame:
    if command == "compute":
        from indicators.dataset.mapping import Mapping
        from indicators.dataset.prepare import prepare
        from indicators.registry.catalog import load_registry
        from indicators.results import compute

        registry = load_registry()
        mapping = Mapping.build(
            "region", year="year", weight="weight", variables=MAPPED["variables"]
        )
        return compute(prepare(df, mapping, registry), registry)
    return compute_measures(df, **KW)


def write_folder(n: int, files: int = 40) -> Path:
    folder = OUT / f"scale-{n:.0e}"
    done = folder / "_done"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    step = n // files
    for i in range(files):  # each file a random slice: every region and year in every file
        part = make_data(step, seed=2021 + i)
        part.to_parquet(folder / f"part-{i:03d}.parquet", index=False)
    done.touch()
    return folder


def rss_sampler(client, peaks: dict, stop: threading.Event) -> None:
    def rss():
        import psutil

        return psutil.Process().memory_info().rss

    while not stop.is_set():
        try:
            for worker, value in client.run(rss).items():
                peaks[worker] = max(peaks.get(worker, 0), value)
        except Exception:  # a worker restarting between samples
            pass
        stop.wait(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=float, default=1e8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="3GB")
    parser.add_argument("--memory-rows", type=float, default=2e7, help="in-memory run's rows")
    parser.add_argument("--command", choices=["measures", "compute"], default="measures")
    args = parser.parse_args()
    # the Dask engine's seconds per step (survey, bucket sums and split, bucket stats, ...)
    steps = logging.getLogger("indicators.analyses.scale")
    steps.setLevel(logging.INFO)
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("  step %(message)s"))
    steps.addHandler(handler)
    n = int(args.rows)
    start = time.perf_counter()
    folder = write_folder(n)
    size = sum(f.stat().st_size for f in folder.glob("*.parquet"))
    print(
        f"data: {n:.1e} rows, {size / 1e9:.2f} GB Parquet in {folder} "
        f"({time.perf_counter() - start:.0f} s to write or find)"
    )

    with scale.client(workers=args.workers, memory_limit=args.memory_limit) as c:
        peaks: dict = {}
        stop = threading.Event()
        sampler = threading.Thread(target=rss_sampler, args=(c, peaks, stop), daemon=True)
        sampler.start()
        start = time.perf_counter()
        table = run_dask(args.command, str(folder / "*.parquet"), c)
        dask_time = time.perf_counter() - start
        stop.set()
        sampler.join()
    year_rows = n / 10  # 10 years of equal size
    bpr = 8 * 4.0  # region (int or text index), year, weight, income: about 32 bytes a row
    need_year = year_rows * bpr * scale.MEMORY_FACTOR + scale.WORKER_BASE
    need_ry = year_rows / 342 * bpr * scale.MEMORY_FACTOR + scale.WORKER_BASE
    print(
        f"a year: {year_rows:.1e} rows, about {need_year / 1e9:.2f} GB per worker to hold "
        f"whole; a region-year: about {year_rows / 342:,.0f} rows, {need_ry / 1e9:.2f} GB; "
        f"partitions of at most max(largest region-year, {scale.PART_ROWS:.0e}) rows"
    )
    print(
        f"dask ({args.command}): {len(table)} result rows in {dask_time:.1f} s on {args.workers} workers "
        f"with {args.memory_limit} each; peak memory per worker: "
        + ", ".join(f"{v / 1e9:.2f} GB" for v in peaks.values())
    )

    m = int(min(args.memory_rows, n))
    files = sorted(folder.glob("*.parquet"))
    df = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True).iloc[:m]
    start = time.perf_counter()
    run_memory(args.command, df)
    memory_time = time.perf_counter() - start
    ratio = (dask_time / n) / (memory_time / m)
    print(f"in memory: {m:.1e} rows in {memory_time:.1f} s (one process)")
    print(f"time per row, dask / in memory: {ratio:.2f} (target at most 3)")
    assert np.isfinite(ratio)


if __name__ == "__main__":
    main()
