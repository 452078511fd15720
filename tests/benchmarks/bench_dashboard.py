"""Dashboard responsiveness on an uploaded file of 1e6 rows (AppTest timing).

Prints the time of the first run of each page on the uploaded file (load, prepare, compute,
draw) and of later reruns after changing region, indicator or year, when cached work must not
be redone. Run with `make bench` or `python tests/benchmarks/bench_dashboard.py [--rows N]`.
Figures, not assertions: these machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["overview", "distribution", "regions", "trends"]
HAPPY = [
    "zeer ongelukkig",
    "ongelukkig",
    "niet gelukkig/niet ongelukkig",
    "gelukkig",
    "zeer gelukkig",
]


def make_csv(rows: int, path: Path) -> Path:
    """Write Dutch-style survey microdata: 12 provinces x 11 years, semicolons, decimal comma."""
    rng = np.random.default_rng(2024)
    provinces = pd.read_csv(ROOT / "indicators" / "data" / "provinces.csv")["name"].to_numpy()
    region = rng.integers(0, len(provinces), rows)
    df = pd.DataFrame(
        {
            "provincie": provinces[region],
            "jaar": rng.integers(2014, 2025, rows),
            "gewicht": np.round(rng.lognormal(0, 0.4, rows), 4),
            "levenstevredenheid": np.clip(np.round(rng.normal(7.8, 1.4, rows)), 0, 10).astype(int),
            "inkomen": np.round(rng.lognormal(10.4 + 0.02 * region, 0.5, rows), 2),
            "geluk": np.array(HAPPY)[rng.choice(5, rows, p=[0.01, 0.02, 0.09, 0.6, 0.28])],
        }
    )
    df.to_csv(path, sep=";", decimal=",", index=False)
    return path


def timed(at: AppTest) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"the page raised: {at.exception[0].message}")
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    out_dir = ROOT / "tests" / "benchmarks" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"upload_{args.rows}.csv"
    if not path.exists():
        make_csv(args.rows, path)
    data = path.read_bytes()
    print(f"file: {path.name}, {args.rows:,} rows, {len(data) / 1e6:.0f} MB")

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    at.session_state["lang"] = "en"
    at.session_state["upload"] = {"name": path.name, "data": data, "digest": "bench", "sheet": None}
    lines = []
    first = timed(at)
    lines.append(f"first run, overview (load + prepare + compute + draw): {first:6.2f} s")
    for page in PAGES:
        at.switch_page(f"indicators/ui/{page}.py")
        first_page = timed(at)
        fresh, again = [], []
        # each choice twice: the first time it may need new work (a year never shown), the
        # second time everything it needs is cached
        for sweep in (fresh, again):
            for i in range(args.rounds):
                for key in ("region", "year", "indicator"):
                    boxes = [b for b in at.selectbox if b.key == key]
                    if boxes and len(boxes[0].options) > 1:
                        box = boxes[0]
                        box.set_value(box.options[(i + 1) % len(box.options)])
                        sweep.append(timed(at))
        if not fresh:
            fresh = again = [timed(at) for _ in range(args.rounds)]
        lines.append(
            f"{page:<13} first {first_page:5.2f} s; after a change: new choice median "
            f"{statistics.median(fresh):.3f} s (max {max(fresh):.3f}), choice seen before "
            f"median {statistics.median(again):.3f} s (max {max(again):.3f}); "
            f"{len(fresh) + len(again)} reruns"
        )
    text = "\n".join(lines)
    print(text)
    (out_dir / "dashboard.txt").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
