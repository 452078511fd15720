"""Benchmark: every measure per region-year for the whole country on one machine.

Run ``make bench`` (all sizes) or, for a quick look,
``.venv/bin/python tests/benchmarks/bench_measures.py --sizes 1e5,1e6``.

For each size it generates synthetic microdata (lognormal incomes with a spread per
municipality, lognormal survey weights, 342 municipalities of skewed sizes, 10 years, rows in
random order) and prints, each the median of several rounds on the same data in one process:
load time (CSV, Parquet), the engine's time for all measures of DESIGN.md per region-year
(3,420 groups, weighted), its peak memory above the loaded data, and the ratios
(a) engine / floor (``np.lexsort((values, codes))`` + one ``np.bincount(codes, weights)``),
(b) engine / DuckDB (weighted mean, P10, P50, P90, sd per group in SQL), (c) naive pandas
``groupby().apply()`` / engine (at sizes up to 1e6), (d) engine time at 1e7 / at 1e6.
The table is also written to ``tests/benchmarks/out/``.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from indicators.dataset.mapping import Mapping  # noqa: E402
from indicators.dataset.prepare import prepare  # noqa: E402
from indicators.registry.catalog import load_registry  # noqa: E402
from indicators.stats.engine import duckdb_sql, grouped_measures  # noqa: E402
from indicators.stats.measures import DEFAULT_MEASURES, scalar_measure  # noqa: E402

N_REGIONS, N_YEARS = 342, 10
OUT = Path(__file__).resolve().parent / "out"


def make_data(n: int, seed: int = 2021) -> pd.DataFrame:
    """Synthetic register microdata: region, year, income, weight; rows in random order."""
    rng = np.random.default_rng(seed)
    size = rng.lognormal(0.0, 1.1, N_REGIONS)  # a few big cities, many small municipalities
    region = rng.choice(N_REGIONS, n, p=size / size.sum()).astype(np.int16)
    year = rng.integers(2013, 2013 + N_YEARS, n).astype(np.int16)
    centre = rng.normal(10.4, 0.15, N_REGIONS)
    spread = rng.uniform(0.35, 0.9, N_REGIONS)
    income = np.exp(centre[region] + spread[region] * rng.standard_normal(n)).round(0)
    weight = rng.lognormal(0.0, 0.5, n)
    return pd.DataFrame({"region": region, "year": year, "income": income, "weight": weight})


def timed(fn, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_above(fn) -> int:
    """Peak bytes allocated (numpy reports to tracemalloc) while fn runs."""
    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak - base


def naive_apply(frame: pd.DataFrame) -> pd.DataFrame:
    """What an analyst writes first: per group, one numpy function per measure."""

    def one(d: pd.DataFrame) -> pd.Series:
        x, w = d["income"].to_numpy(), d["weight"].to_numpy()
        return pd.Series({m: scalar_measure(m, x, w) for m in DEFAULT_MEASURES})

    return frame.groupby("g")[["income", "weight"]].apply(one)


def run_size(n: int, rounds: int, tmp: Path, naive_max: int) -> dict:
    import duckdb
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    frame = make_data(n)
    csv_path, pq_path = tmp / f"data_{n}.csv", tmp / f"data_{n}.parquet"
    table = pa.Table.from_pandas(frame, preserve_index=False)
    pacsv.write_csv(table, csv_path)
    pq.write_table(table, pq_path)
    del table
    row = {"rows": n}
    row["load_csv"] = timed(lambda: pd.read_csv(csv_path, engine="pyarrow"), rounds)
    row["load_parquet"] = timed(lambda: pd.read_parquet(pq_path), rounds)
    row["csv_mb"] = csv_path.stat().st_size / 1e6
    csv_path.unlink()
    pq_path.unlink()

    # region-year codes as a data loader gives them (0 .. 3,419)
    codes = (frame["region"].to_numpy(np.int64) * N_YEARS) + (frame["year"].to_numpy() - 2013)
    x = frame["income"].to_numpy(np.float64)
    w = frame["weight"].to_numpy(np.float64)
    n_cells = N_REGIONS * N_YEARS
    row["columns_mb"] = (x.nbytes + w.nbytes + codes.nbytes) / 1e6

    def engine():
        return grouped_measures(x, codes, n_cells, w, DEFAULT_MEASURES)

    def floor():
        np.lexsort((x, codes))
        np.bincount(codes, w)

    con = duckdb.connect()
    frame["g"] = codes
    con.register("people", frame)
    sql = duckdb_sql("people", "income", "g", "weight", (0.1, 0.5, 0.9))
    row["duckdb_threads"] = con.execute("SELECT current_setting('threads')").fetchone()[0]

    def peer():
        con.execute(sql).fetchall()

    engine()  # warm-up (imports, first touch)
    peer()
    # rounds interleave the three, so that a busy spell on a shared machine hits them alike
    times = {"compute": [], "floor": [], "duckdb": [], "compute_cpu": []}
    for _ in range(rounds):
        for name, fn in (("compute", engine), ("floor", floor), ("duckdb", peer)):
            gc.collect()
            start, cpu = time.perf_counter(), time.process_time()
            fn()
            times[name].append(time.perf_counter() - start)
            if name == "compute":
                times["compute_cpu"].append(time.process_time() - cpu)
    row.update({name: statistics.median(t) for name, t in times.items()})
    row["peak_mb"] = peak_above(engine) / 1e6
    con.close()

    if n <= naive_max:
        row["naive"] = timed(lambda: naive_apply(frame), max(1, rounds // 2))

    # preparing the data as the dashboard and the command line do: mapping, region names as
    # text, years, weights and values checked (indicators.dataset.prepare)
    named = pd.DataFrame(
        {
            "gemeente": np.char.add("GM", frame["region"].to_numpy().astype(str)).astype(object),
            "jaar": frame["year"].to_numpy(),
            "gewicht": w,
            "inkomen": x,
        }
    )
    mapping = Mapping.build(
        "gemeente", year="jaar", weight="gewicht", variables={"income": "inkomen"}
    )
    registry = load_registry()
    row["prepare"] = timed(lambda: prepare(named, mapping, registry, source="bench"), rounds)
    return row


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024**2:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; Python {platform.python_version()}, "
        f"numpy {np.__version__}, pandas {pd.__version__}"
    )


def report(rows: list[dict]) -> str:
    head = (
        "| rows | load CSV s | load Parquet s | prepare s | compute s (CPU s) | floor s | "
        "DuckDB s | (a) compute/floor | (b) compute/DuckDB | (c) naive/compute | "
        "(e) prepare/compute | peak MB (x columns) |"
    )
    lines = [head, "|" + "---|" * 12]
    for r in rows:
        naive = f"{r['naive'] / r['compute']:.0f}" if "naive" in r else "-"
        lines.append(
            f"| {r['rows']:,} | {r['load_csv']:.2f} | {r['load_parquet']:.2f} | "
            f"{r['prepare']:.2f} | {r['compute']:.2f} ({r['compute_cpu']:.2f}) | "
            f"{r['floor']:.2f} | {r['duckdb']:.2f} | "
            f"{r['compute'] / r['floor']:.2f} | {r['compute'] / r['duckdb']:.2f} | {naive} | "
            f"{r['prepare'] / r['compute']:.2f} | "
            f"{r['peak_mb']:.0f} ({r['peak_mb'] / r['columns_mb']:.2f}) |"
        )
    by_n = {r["rows"]: r for r in rows}
    notes = [
        "",
        f"Machine: {machine()}; DuckDB on {rows[0].get('duckdb_threads', '?')} threads.",
        "compute: all 16 default measures for 3,420 region-years, weighted; floor: "
        "np.lexsort((values, codes)) + np.bincount(codes, weights); DuckDB: weighted mean, "
        "sd, P10, P50, P90 (Eurostat rule) in SQL; peak: memory allocated by the engine "
        "above the loaded data (values, weights, codes: 24 bytes a row); prepare: "
        "indicators.dataset.prepare on the same rows with region codes as text (mapping, "
        "years, weights and values checked). Target (e): at most 0.5 at 1e7 rows.",
    ]
    if 10**6 in by_n and 10**7 in by_n:
        ratio = by_n[10**7]["compute"] / by_n[10**6]["compute"]
        notes.append(f"(d) compute at 1e7 / at 1e6: {ratio:.1f}")
    return "\n".join(lines + notes)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e5,1e6,1e7,1.8e7", help="row counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per timing (median)")
    parser.add_argument(
        "--naive-max", type=float, default=1e6, help="largest size for pandas apply"
    )
    args = parser.parse_args(argv)
    sizes = [int(float(s)) for s in args.sizes.split(",") if s.strip()]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            print(f"... {n:,} rows", file=sys.stderr, flush=True)
            rows.append(run_size(n, args.rounds, Path(tmp), int(args.naive_max)))
            print(report(rows), file=sys.stderr, flush=True)
    text = report(rows)
    print(text)
    OUT.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (OUT / f"bench_measures_{stamp}.md").write_text(text + "\n")
    (OUT / "bench_measures_latest.md").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
