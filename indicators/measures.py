"""Distributional measures: exact definitions from DESIGN.md, scalar and grouped.

Every statistic takes values ``x`` and optional weights ``w`` (1 when none). Rows whose value or
weight is missing are dropped (and counted by the caller). The grouped engine computes every
measure for all groups at once from one sort per variable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indicators.errors import DataError

QUANTILE_NAMES = {
    "median": 0.5,
    "p10": 0.1,
    "p20": 0.2,
    "p25": 0.25,
    "p40": 0.4,
    "p75": 0.75,
    "p80": 0.8,
    "p90": 0.9,
}
SIMPLE = ("mean", "sd", "n", "gini", "theil", "mld", "s80s20", "palma", "poverty_rate")
DEFAULT_MEASURES = (
    "mean",
    "median",
    "p10",
    "p25",
    "p75",
    "p90",
    "sd",
    "gini",
    "theil",
    "mld",
    "atkinson_0.5",
    "atkinson_1",
    "atkinson_2",
    "s80s20",
    "palma",
    "poverty_rate",
)
_PARAM_RE = re.compile(r"^(share_below|share_at_least|share|atkinson)[:_](.+)$")
_PCT_RE = re.compile(r"^p(\d{1,2})$")


@dataclass(frozen=True)
class MeasureSpec:
    """A parsed measure: its family, its parameter and its canonical text."""

    family: str
    param: float | str | None
    text: str

    @property
    def is_share(self) -> bool:
        """Whether the value is a share (0 to 1), shown as a percentage."""
        return self.family in ("share_below", "share_at_least", "share", "poverty_rate")

    @property
    def positive_only(self) -> bool:
        """Whether the measure uses only x > 0 (logarithms and generalised means)."""
        return self.family in ("theil", "mld", "atkinson")


def parse_measure(text: str) -> MeasureSpec:
    """Parse a measure name such as ``p10``, ``atkinson_0.5`` or ``share_below:6``.

    Examples
    --------
    >>> parse_measure("median")
    MeasureSpec(family='quantile', param=0.5, text='median')
    >>> parse_measure("share_below:6").param
    6.0
    >>> parse_measure("share:zeer gelukkig").param
    'zeer gelukkig'
    """
    raw = str(text).strip()
    name = raw.lower()
    if name in QUANTILE_NAMES:
        return MeasureSpec("quantile", QUANTILE_NAMES[name], name)
    m = _PCT_RE.match(name)
    if m and 1 <= int(m.group(1)) <= 99:
        return MeasureSpec("quantile", int(m.group(1)) / 100, name)
    if name in SIMPLE:
        return MeasureSpec(name, None, name)
    m = _PARAM_RE.match(name)
    if m:
        family, arg = m.group(1), raw[len(m.group(1)) + 1 :].strip()
        if family == "share":
            if not arg:
                raise DataError(f"Measure '{raw}' needs a label after 'share:', e.g. share:ja.")
            return MeasureSpec("share", arg, f"share:{arg}")
        try:
            value = float(arg.replace(",", "."))
        except ValueError:
            raise DataError(
                f"Measure '{raw}': '{arg}' is not a number. Write for example {family}:6."
            ) from None
        if family == "atkinson":
            if value <= 0:
                raise DataError(f"Measure '{raw}': the Atkinson parameter must be above 0.")
            return MeasureSpec("atkinson", value, f"atkinson_{_fmt(value)}")
        return MeasureSpec(family, value, f"{family}:{_fmt(value)}")
    known = ", ".join(
        (*DEFAULT_MEASURES, "pNN", "share_below:T", "share_at_least:T", "share:LABEL")
    )
    raise DataError(f"Unknown measure '{raw}'. Known measures: {known}.")


def _fmt(value: float) -> str:
    return f"{value:g}"
