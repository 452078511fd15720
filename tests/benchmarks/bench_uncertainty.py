"""Benchmark: standard errors of all 16 default measures, against the point estimates alone.

Run ``.venv/bin/python tests/benchmarks/bench_uncertainty.py --sizes 1e6,1e7`` (``make bench``
runs it; ``make bench BENCH_SIZES=1e6`` for a shorter run). For each size it generates
synthetic microdata (lognormal incomes, uniform weights, 342 municipalities x 10 years = 3,420
groups, rows in random order; two designs: 50 strata with a primary sampling unit per ten
rows drawn across strata and years (the harder case: nearly every (group, unit) cell is a row
of its own), and households of about ten rows within each municipality-year with the
municipalities in 50 strata (as a survey is drawn)) and prints,
each the best of a few rounds in one process and in CPU seconds of this process (on a machine
shared with other work, wall-clock time measures the neighbours as much as the code):

- the point estimates alone, as ``compute`` gets them without intervals
  (:func:`indicators.results.measure_table`): the poverty line of each year from the weighted
  median of that year (:func:`indicators.stats.engine.quantile_by_segment`), then every measure
  of every group (:func:`indicators.stats.engine.grouped_measures`);
- linearized standard errors (:func:`indicators.stats.uncertainty.grouped_standard_errors`)
  without a design, with the first design (``se+design``) and with households
  (``households``), and their ratios to the point estimates (the issue asks at most 2.5);
- ``--replicates`` (default 200) bootstrap replicates
  (:func:`indicators.stats.bootstrap.bootstrap_standard_errors`, the poverty line recomputed
  per replicate), the best of ``--boot-rounds`` (default 2: the first call in a process also
  pays for mapping its memory, as the first round of the others does), at the sizes of
  ``--boot-sizes`` (default 1e6; the issue asks at most 60 times the point estimates).

The rounds of the point estimates and of the intervals take turns (point, intervals, intervals
with a design; then again), so that a busy moment of the machine falls on both sides of a
ratio rather than on one. The ratios are printed, never asserted: they depend on the machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from indicators.stats.bootstrap import bootstrap_standard_errors  # noqa: E402
from indicators.stats.engine import grouped_measures, quantile_by_segment  # noqa: E402
from indicators.stats.measures import DEFAULT_MEASURES  # noqa: E402
from indicators.stats.uncertainty import grouped_standard_errors  # noqa: E402

N_GROUPS = 3420  # 342 municipalities x 10 years
N_YEARS = 10
POVERTY_FRACTION = 0.6


def _cpu(fn) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _best_in_turns(fns, rounds):
    """The best CPU time of each function, the rounds taking turns between them."""
    times = [[] for _ in fns]
    for _ in range(rounds):
        for t, fn in zip(times, fns, strict=True):
            t.append(_cpu(fn))
    return [min(t) for t in times]


def _sizes(text):
    return [int(float(s)) for s in text.split(",") if s.strip()]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e6,1e7", help="row counts, comma-separated")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--replicates", type=int, default=200)
    parser.add_argument("--boot-rounds", type=int, default=2)
    parser.add_argument(
        "--boot-sizes", default="1e6", help="row counts for the bootstrap (empty: none)"
    )
    args = parser.parse_args(argv)
    measures = list(DEFAULT_MEASURES)
    boot_sizes = set(_sizes(args.boot_sizes))
    print(f"{len(measures)} measures: {', '.join(measures)}")
    print("CPU seconds of this process, best of", args.rounds, "rounds")
    print(
        f"{'rows':>11} {'point s':>8} {'se s':>7} {'ratio':>6} {'se+design s':>12} {'ratio':>6}"
        f" {'households s':>13} {'ratio':>6} {'boot s':>8} {'R':>4} {'ratio':>6}"
    )
    for size in sorted(set(_sizes(args.sizes)) | boot_sizes):
        rng = np.random.default_rng(0)
        muni = rng.integers(0, 342, size)
        year = rng.integers(0, 10, size)
        codes = year * 342 + muni
        x = rng.lognormal(10, 0.6, size) * (1 + muni / 342)
        w = rng.uniform(0.5, 2.0, size)
        strata = rng.integers(0, 50, size)
        cluster = rng.integers(0, max(size // 10, 1), size)
        household = codes * 1_000_000 + rng.integers(0, max(size // (N_GROUPS * 10), 1), size)
        region = muni % 50

        def point(codes=codes, x=x, w=w, year=year):
            lines = POVERTY_FRACTION * quantile_by_segment(x, year, N_YEARS, w, 0.5)
            group_lines = lines[np.arange(N_GROUPS) // 342]  # code = year * 342 + muni
            return grouped_measures(x, codes, N_GROUPS, w, measures, poverty_lines=group_lines)

        def se(codes=codes, x=x, w=w, year=year):
            return grouped_standard_errors(x, codes, N_GROUPS, w, measures, sample=year)

        def se_design(codes=codes, x=x, w=w, year=year, strata=strata, cluster=cluster):
            return grouped_standard_errors(
                x, codes, N_GROUPS, w, measures, sample=year, strata=strata, cluster=cluster
            )

        def se_households(codes=codes, x=x, w=w, year=year, region=region, hh=household):
            return grouped_standard_errors(
                x, codes, N_GROUPS, w, measures, sample=year, strata=region, cluster=hh
            )

        def boot(codes=codes, x=x, w=w, year=year):
            return bootstrap_standard_errors(
                x, codes, N_GROUPS, w, measures, sample=year, replicates=args.replicates, seed=1
            )

        if size in _sizes(args.sizes):
            t0, t1, t2, t4 = _best_in_turns([point, se, se_design, se_households], args.rounds)
            line = f"{size:>11,} {t0:>8.2f}"
            line += f" {t1:>7.2f} {t1 / t0:>6.2f} {t2:>12.2f} {t2 / t0:>6.2f}"
            line += f" {t4:>13.2f} {t4 / t0:>6.2f}"
        else:
            t0 = _best_in_turns([point], args.rounds)[0]
            line = f"{size:>11,} {t0:>8.2f}"
            line += f" {'':>7} {'':>6} {'':>12} {'':>6} {'':>13} {'':>6}"
        if size in boot_sizes:
            t3 = _best_in_turns([boot], args.boot_rounds)[0]
            line += f" {t3:>8.2f} {args.replicates:>4} {t3 / t0:>6.1f}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
