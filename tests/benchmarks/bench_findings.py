"""Benchmark: the findings scan (issue 17) on the demo data and on synthetic microdata.

Run ``make bench`` or ``.venv/bin/python tests/benchmarks/bench_findings.py [--rows 1e6]``.

Prints, for the demo microdata (all mapped variables, by education, sex, age and urbanisation)
and for ``--rows`` synthetic rows (12 regions, 10 years, two group columns, life
satisfaction and income): the time of the results table with standard errors
(:func:`indicators.results.compute` with ``ci=0.95``), of the scan with its q-values and
sentences (:func:`indicators.analyses.findings.findings_table`, with the prepared data:
accumulated disadvantage counted from the rows), their sum (the whole scan
from the file's rows; targets at most 5 s on the demo data and 30 s on 1e6 rows), and the
numbers of candidates (and of stapeling candidates) and findings.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from indicators.analyses.findings import findings_table, scan  # noqa: E402
from indicators.dataset.mapping import Mapping, suggest_mapping  # noqa: E402
from indicators.dataset.prepare import prepare  # noqa: E402
from indicators.package_data import demo_file  # noqa: E402
from indicators.registry.catalog import load_registry  # noqa: E402
from indicators.results import compute  # noqa: E402


def synthetic(rows: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    region = rng.integers(0, 12, rows)
    year = 2015 + rng.integers(0, 10, rows)
    edu = rng.choice(np.array(["laag", "middelbaar", "hoog"]), rows)
    sex = rng.choice(np.array(["man", "vrouw"]), rows)
    score = np.clip(np.round(rng.normal(7.5 + 0.02 * region, 1.3, rows)), 0, 10)
    income = rng.lognormal(10.3 + 0.01 * region, 0.5, rows)
    return pd.DataFrame(
        {
            "regio": np.array([f"R{r:02d}" for r in range(12)])[region],
            "jaar": year,
            "gewicht": rng.lognormal(0, 0.3, rows),
            "opleiding": edu,
            "geslacht": sex,
            "levenstevredenheid": score,
            "inkomen": income,
        }
    )


def run(name: str, prepared, reg, by) -> None:
    t0 = time.perf_counter()
    results = compute(prepared, reg, by=by, ci=0.95)
    t1 = time.perf_counter()
    candidates = scan(results, reg, prepared=prepared)
    t2 = time.perf_counter()
    found = findings_table(results, reg, lang="en", prepared=prepared)
    t3 = time.perf_counter()
    stapeling = sum(c.kind == "stapeling" for c in candidates)
    print(
        f"{name:<22} results {t1 - t0:6.2f} s  scan {t3 - t2:6.2f} s  whole {t1 - t0 + t3 - t2:6.2f} s"
        f"  ({len(results):,} result rows, {len(candidates):,} candidates of which "
        f"{stapeling:,} stapeling, {len(found):,} findings)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="1e6", help="synthetic rows (default 1e6)")
    args = parser.parse_args()
    reg = load_registry()
    people = pd.read_parquet(demo_file("people"))
    mapping = suggest_mapping(people, reg)
    run(f"demo ({len(people):,} rows)", prepare(people, mapping, reg), reg, list(mapping.groups))
    rows = int(float(args.rows))
    df = synthetic(rows)
    mapping = Mapping.build(
        "regio",
        year="jaar",
        weight="gewicht",
        groups=["opleiding", "geslacht"],
        variables={"life_satisfaction": "levenstevredenheid", "income": "inkomen"},
    )
    run(f"synthetic ({rows:,} rows)", prepare(df, mapping, reg), reg, ["opleiding", "geslacht"])
    print("targets: whole scan at most 5 s (demo) and 30 s (1e6 rows)")


if __name__ == "__main__":
    main()
