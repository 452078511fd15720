"""Make gemeenten.csv, the file the browser test uploads (run from the repository root).

Synthetic survey answers: 8 municipalities x 3 years x 30 people, written the Dutch way
(`;` between fields, decimal commas). Life satisfaction sits in a column named `tevr_leven`,
which the registry does not recognise, so the test has to map it by hand.
"""

from pathlib import Path

import numpy as np
import pandas as pd

MUNICIPALITIES = (
    "Amsterdam",
    "Rotterdam",
    "Utrecht",
    "Groningen",
    "Zwolle",
    "Maastricht",
    "Leeuwarden",
    "Middelburg",
)
YEARS = (2021, 2022, 2023)


def make(seed: int = 20261127) -> pd.DataFrame:
    """Return the synthetic table (the same for the same seed)."""
    rng = np.random.default_rng(seed)
    rows = []
    for i, municipality in enumerate(MUNICIPALITIES):
        for j, year in enumerate(YEARS):
            for _ in range(30):
                life = np.clip(np.round(rng.normal(7.2 - 0.15 * i + 0.1 * j, 1.3)), 0, 10)
                income = round(float(rng.lognormal(10.3 + 0.03 * i + 0.02 * j, 0.5)), 2)
                weight = round(float(rng.uniform(0.5, 1.5)), 3)
                rows.append((municipality, year, weight, int(life), income))
    return pd.DataFrame(rows, columns=["gemeente", "jaar", "gewicht", "tevr_leven", "inkomen"])


if __name__ == "__main__":
    out = Path(__file__).with_name("gemeenten.csv")
    make().to_csv(out, sep=";", decimal=",", index=False)
    print(out)
