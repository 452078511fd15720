"""Changes and differences in words: a sign, the indicator's unit (shares in percentage points),
and enough decimals to tell a difference from its interval."""

from __future__ import annotations

import math

from indicators.registry.catalog import format_number
from indicators.text import area


def signed(ind, value: float, lang: str, decimals: int) -> str:
    """Format a difference or a slope with a sign; shares in percentage points.

    >>> from indicators.registry.catalog import load_registry
    >>> reg = load_registry()
    >>> signed(reg.indicator_by_id["lonely_share"], 0.0123, "en", 1)
    '+1.2 pp'
    >>> signed(reg.indicator_by_id["life_satisfaction_mean"], -0.004, "nl", 2)
    '0,00'
    """
    if value is None or not math.isfinite(value):
        return "–"
    shown = format_number(abs(value) * (100 if ind.is_share else 1), decimals, lang)
    if ind.is_share:
        shown += area("spread")["percentage_points"][lang]
    if not any(ch in "123456789" for ch in shown.split(" ")[0]):
        return shown  # a rounded zero has no sign
    return ("+" if value > 0 else "-") + shown


def decimals_for(ind, *sizes: float, least: int | None = None) -> int:
    """Return decimals that show the largest of ``sizes`` (a difference, its standard error)
    with two significant digits, at least the indicator's own (or ``least``), at most 6.

    >>> from indicators.registry.catalog import load_registry
    >>> decimals_for(load_registry().indicator_by_id["life_satisfaction_mean"], 0.0046, 0.001)
    4
    """
    scale = 100 if ind.is_share else 1
    base = ind.decimals if least is None else least
    finite = [abs(s) * scale for s in sizes if s is not None and math.isfinite(s)]
    size = max(finite, default=0.0)
    if size == 0:
        return base
    return int(min(max(base, 1 - math.floor(math.log10(size))), 6))
