"""Benchmark: linearized standard errors of all 16 default measures, against the estimates alone.

Run ``.venv/bin/python tests/benchmarks/bench_uncertainty.py --sizes 1e6,1e7`` (``make bench``
runs it too). For each size it generates synthetic microdata (lognormal incomes, uniform
weights, 342 municipalities x 10 years = 3,420 groups, rows in random order, 50 strata and a
primary sampling unit per ten rows) and prints, each the best of a few rounds in one process:
the point estimates alone (:func:`indicators.grouped.grouped_measures`), the same with their
standard errors (:func:`indicators.uncertainty.grouped_standard_errors`) without a design and
with strata and clusters, and the ratios. Issue 10 asks at most 2.5.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from indicators.stats.engine import grouped_measures  # noqa: E402
from indicators.stats.measures import DEFAULT_MEASURES  # noqa: E402
from indicators.stats.uncertainty import grouped_standard_errors  # noqa: E402

N_GROUPS = 3420  # 342 municipalities x 10 years


def _best(fn, rounds):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e6,1e7", help="row counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    measures = list(DEFAULT_MEASURES)
    print(f"{len(measures)} measures: {', '.join(measures)}")
    print(f"{'rows':>10} {'point s':>8} {'se s':>8} {'ratio':>6} {'se+design s':>12} {'ratio':>6}")
    for size in (int(float(s)) for s in args.sizes.split(",")):
        rng = np.random.default_rng(0)
        muni = rng.integers(0, 342, size)
        year = rng.integers(0, 10, size)
        codes = year * 342 + muni
        x = rng.lognormal(10, 0.6, size) * (1 + muni / 342)
        w = rng.uniform(0.5, 2.0, size)
        strata = rng.integers(0, 50, size)
        cluster = rng.integers(0, max(size // 10, 1), size)

        def point(codes=codes, x=x, w=w):
            return grouped_measures(x, codes, N_GROUPS, w, measures)

        def se(codes=codes, x=x, w=w, year=year):
            return grouped_standard_errors(x, codes, N_GROUPS, w, measures, sample=year)

        def se_design(codes=codes, x=x, w=w, year=year, strata=strata, cluster=cluster):
            return grouped_standard_errors(
                x, codes, N_GROUPS, w, measures, sample=year, strata=strata, cluster=cluster
            )

        t0 = _best(point, args.rounds)
        t1 = _best(se, args.rounds)
        t2 = _best(se_design, args.rounds)
        print(f"{size:>10,} {t0:>8.2f} {t1:>8.2f} {t1 / t0:>6.2f} {t2:>12.2f} {t2 / t0:>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
