"""Distributional measures: exact definitions from DESIGN.md, scalar and grouped.

Every statistic takes values ``x`` and optional weights ``w`` (1 when none). Rows whose value or
weight is missing are dropped (and counted by the caller). The grouped engine computes every
measure for all groups at once from one sort per variable.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass

import numpy as np

from indicators.errors import DataError
from indicators.stats.measure_table import TABLE, MeasureEntry, MeasureTableError
from indicators.text import CATALOGUE, text

# every measure computed when none is asked for, in the order of the measure table
DEFAULT_MEASURES = TABLE.default_names()


@dataclass(frozen=True)
class MeasureSpec:
    """A parsed measure: its family, its parameter and its canonical text.

    ``entry`` is its row of the measure table (:mod:`indicators.measure_table`): unit,
    polarity, decimals, words; ``kwargs`` the parameters its function takes.
    """

    family: str
    param: float | str | None
    text: str

    @property
    def entry(self) -> MeasureEntry:
        """Return the measure table's entry for this measure."""
        return TABLE.entry_of(self.family, self.param, self.text)

    @property
    def is_share(self) -> bool:
        """Whether the value is a share (0 to 1), shown as a percentage."""
        return self.entry.is_share

    @property
    def positive_only(self) -> bool:
        """Whether the measure uses only x > 0 (logarithms and generalised means)."""
        return self.entry.positive_only

    @property
    def kwargs(self) -> dict:
        """Return the keyword parameters of the measure's function (``{"p": 0.1}``)."""
        out = dict(self.entry.fixed)
        if self.entry.parameter:
            out[self.entry.parameter] = self.param
        return out


def parse_measure(text: str) -> MeasureSpec:
    """Parse a measure name such as ``p10``, ``atkinson_0.5`` or ``share_below:6``.

    The names and patterns are those of the measure table (``indicators/stats/measures.toml``).

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
    entry = TABLE.by_name.get(name)
    if entry is not None and not entry.is_pattern:
        if entry.part_of is not None:
            raise DataError.from_text(
                "errors.measure_is_part",
                raw=raw,
                part=lambda lang: _part_word(entry.part, lang),
                part_of=entry.part_of,
            )
        param = entry.fixed.get(entry.parameter) if entry.parameter else None
        return MeasureSpec(entry.family, None if param is None else float(param), name)
    for entry in TABLE.patterns:
        spec = _parse_pattern(entry, raw, name)
        if spec is not None:
            return spec
    known = ", ".join(TABLE.usage_names())
    raise DataError.from_text("errors.unknown_measure", raw=raw, known=known)


def _part_word(part: str, lang: str) -> str:
    """Return a decomposition part as the English message has always named it ("between"),
    in Dutch as the downloads do ("tussen regio's")."""
    key = f"export_parts.{part}"
    return text(key, lang) if lang == "nl" and key in CATALOGUE else part


def _parameter_word(name: str, lang: str) -> str:
    """Return a measure parameter's name in ``lang`` (a threshold is a "drempel"), else as is."""
    key = f"measure_parameters.{name}"
    return text(key, lang) if key in CATALOGUE else name


def _parse_pattern(entry: MeasureEntry, raw: str, name: str) -> MeasureSpec | None:
    """Read ``name`` as the entry's pattern; None when it is not written that way."""
    if not name.startswith(entry.prefix):
        return None
    rest = raw[len(entry.prefix) :]
    if entry.separator:
        if rest[:1] not in (":", "_"):
            return None
        rest = rest[1:]
    if entry.parameter_kind == "percent":
        if not (rest.isdigit() and len(rest) <= 2 and 1 <= int(rest) <= 99):
            return None
        return MeasureSpec(entry.family, int(rest) / 100, name)
    arg = rest.strip()
    if entry.parameter_kind == "text":
        if not arg:
            raise DataError.from_text(
                "errors.measure_needs_parameter",
                raw=raw,
                parameter=lambda lang: _parameter_word(entry.parameter, lang),
                written=f"{entry.prefix}{entry.separator}",
                example=entry.example,
            )
        return MeasureSpec(entry.family, arg, f"{entry.prefix}{entry.separator}{arg}")
    if not arg:
        return None
    try:
        value = float(arg.replace(",", "."))
    except ValueError:
        raise DataError.from_text(
            "errors.measure_parameter_not_a_number", raw=raw, arg=arg, example=entry.example
        ) from None
    if entry.above is not None and not value > entry.above:
        raise DataError.from_text(
            "errors.measure_parameter_too_low",
            raw=raw,
            parameter=lambda lang: _parameter_word(entry.parameter, lang),
            above=f"{entry.above:g}",
            example=entry.example,
        )
    return MeasureSpec(entry.family, value, entry.written(value))


# --------------------------------------------------------------------------------------------
# Scalar measures: one distribution, the plain definitions (also the reference for the engine)
# --------------------------------------------------------------------------------------------


def _clean(values, weights=None):
    """Return finite values and weights (1 when none), dropping rows missing either."""
    x = np.asarray(values, dtype=float).ravel()
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float).ravel()
    if w.shape != x.shape:
        raise DataError(f"There are {x.size} values but {w.size} weights; they must match.")
    keep = np.isfinite(x) & np.isfinite(w)
    x, w = x[keep], w[keep]
    if (w < 0).any():
        raise DataError("Weights must be zero or more; found a negative weight.")
    return x, w


def mean(values, weights=None) -> float:
    """Compute the weighted mean.

    .. math:: \\mu = \\sum_i w_i x_i / W

    Examples
    --------
    >>> mean([1, 2, 3, 4])
    2.5
    >>> mean([1, 2], weights=[3, 1])
    1.25
    """
    x, w = _clean(values, weights)
    total = w.sum()
    return float((w * x).sum() / total) if total > 0 else float("nan")


def sd(values, weights=None) -> float:
    """Compute the weighted population standard deviation (divide by W).

    .. math:: \\sigma = \\sqrt{\\sum_i w_i (x_i - \\mu)^2 / W}

    Examples
    --------
    >>> sd([2, 4, 4, 4, 5, 5, 7, 9])
    2.0
    """
    x, w = _clean(values, weights)
    total = w.sum()
    if total <= 0:
        return float("nan")
    mu = (w * x).sum() / total
    return float(np.sqrt((w * (x - mu) ** 2).sum() / total))


def quantile(values, weights=None, *, p: float) -> float:
    """Compute the weighted quantile by the Eurostat EU-SILC rule (as R laeken).

    Sort x and take cumulative weights :math:`C_j`. If :math:`C_j = pW` for some j (to
    rounding), the quantile is :math:`(x_j + x_{j+1})/2`; otherwise the first :math:`x_j` with
    :math:`C_j > pW`. Unweighted, the median is the usual median.

    Examples
    --------
    >>> quantile([1, 2, 3, 4], p=0.5)
    2.5
    >>> quantile([1, 2, 3, 4, 5], p=0.5)
    3.0
    >>> quantile([1, 2, 3], [1, 1, 2], p=0.5)
    2.5
    """
    x, w = _clean(values, weights)
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    c = np.cumsum(w)
    total = c[-1] if c.size else 0.0
    if total <= 0:
        return float("nan")
    target = p * total
    tol = TOLERANCE * total
    j = int(np.searchsorted(c, target - tol, side="left"))
    if abs(c[j] - target) <= tol:
        k = min(int(np.searchsorted(c, target + tol, side="right")), x.size - 1)
        return float((x[j] + x[k]) / 2)
    return float(x[j])


def median(values, weights=None) -> float:
    """Compute the weighted median (the Eurostat rule of :func:`quantile`).

    Examples
    --------
    >>> median([3, 1, 2])
    2.0
    """
    return quantile(values, weights, p=0.5)


def gini(values, weights=None) -> float:
    """Compute the Gini coefficient, without small-sample correction.

    .. math:: G = \\frac{\\sum_i \\sum_j w_i w_j |x_i - x_j|}{2 W^2 \\mu}

    Examples
    --------
    >>> round(gini([10] * 9 + [100]), 7)
    0.4263158
    >>> round(gini(range(1, 2001)), 7)
    0.3331667
    >>> gini([5, 5, 5])
    0.0
    """
    x, w = _clean(values, weights)
    order = np.argsort(x, kind="stable")
    x, w = x[order], w[order]
    total = w.sum()
    swx = (w * x).sum()
    if total <= 0 or swx == 0:
        return float("nan")
    c = np.cumsum(w)
    # sum_i sum_j w_i w_j |x_i - x_j| = 2 sum_i w_i x_i (2 C_i - w_i - W) for sorted x
    # rounding can leave -1e-17 for equal values: the Gini is never below 0
    return max(float((w * x * (2 * c - w - total)).sum() / (total * swx)), 0.0)


def _positive(values, weights):
    x, w = _clean(values, weights)
    keep = x > 0
    return x[keep], w[keep]


def theil(values, weights=None) -> float:
    """Compute the Theil T index, GE(1), over x > 0.

    .. math:: T = \\frac{1}{W} \\sum_i w_i \\frac{x_i}{\\mu} \\ln \\frac{x_i}{\\mu}

    Examples
    --------
    >>> round(theil([10, 10, 10, 20, 50]), 4)
    0.2502
    """
    x, w = _positive(values, weights)
    total = w.sum()
    if total <= 0:
        return float("nan")
    r = x / ((w * x).sum() / total)
    return float((w * r * np.log(r)).sum() / total)


def mld(values, weights=None) -> float:
    """Compute the mean log deviation (Theil L, GE(0)) over x > 0.

    .. math:: L = \\frac{1}{W} \\sum_i w_i \\ln \\frac{\\mu}{x_i}

    Examples
    --------
    >>> round(mld([10, 10, 10, 20, 50]), 7)
    0.2326302
    """
    x, w = _positive(values, weights)
    total = w.sum()
    if total <= 0:
        return float("nan")
    mu = (w * x).sum() / total
    return float((w * np.log(mu / x)).sum() / total)


def atkinson(values, weights=None, *, epsilon: float = 1.0) -> float:
    """Compute the Atkinson index with inequality aversion epsilon, over x > 0.

    .. math:: A_\\varepsilon = 1 - \\frac{1}{\\mu}
       \\Big(\\frac{1}{W}\\sum_i w_i x_i^{1-\\varepsilon}\\Big)^{1/(1-\\varepsilon)},
       \\qquad A_1 = 1 - \\frac{\\exp(\\frac{1}{W}\\sum_i w_i \\ln x_i)}{\\mu}

    Examples
    --------
    >>> round(atkinson([1, 4], epsilon=1), 4)
    0.2
    >>> round(atkinson([1, 4], epsilon=2), 4)
    0.36
    """
    x, w = _positive(values, weights)
    total = w.sum()
    if total <= 0:
        return float("nan")
    r = x / ((w * x).sum() / total)
    if epsilon == 1:
        return float(1 - np.exp((w * np.log(r)).sum() / total))
    power = 1 - epsilon
    return float(1 - ((w * r**power).sum() / total) ** (1 / power))


def share_ratio(values, weights=None, *, top: float, bottom: float) -> float:
    """Compute the total of x above the ``top`` quantile over the total at or below ``bottom``.

    .. math:: \\frac{\\sum_{x_i > Q_{top}} w_i x_i}{\\sum_{x_i \\le Q_{bottom}} w_i x_i}

    Examples
    --------
    >>> round(share_ratio(range(1, 11), top=0.8, bottom=0.2), 4)
    6.3333
    """
    x, w = _clean(values, weights)
    q_top, q_bottom = quantile(x, w, p=top), quantile(x, w, p=bottom)
    upper = (w * x)[x > q_top].sum()
    lower = (w * x)[x <= q_bottom].sum()
    return float(upper / lower) if lower > 0 else float("nan")


def s80s20(values, weights=None) -> float:
    """Compute the quintile share ratio: total above P80 over total at or below P20.

    Examples
    --------
    >>> round(s80s20(range(1, 11)), 4)
    6.3333
    """
    return share_ratio(values, weights, **TABLE.entry("s80s20").fixed)


def palma(values, weights=None) -> float:
    """Compute the Palma ratio: total above P90 over total at or below P40.

    Examples
    --------
    >>> palma(range(1, 11))
    1.0
    """
    return share_ratio(values, weights, **TABLE.entry("palma").fixed)


def share_below(values, weights=None, *, threshold: float) -> float:
    """Compute the weighted share with x < threshold.

    Examples
    --------
    >>> share_below([4, 5, 6, 7], threshold=6)
    0.5
    >>> share_below([4, 5, 6, 7], [1, 1, 1, 5], threshold=6)
    0.25
    """
    x, w = _clean(values, weights)
    return float(w[x < threshold].sum() / w.sum()) if w.sum() > 0 else float("nan")


def share_at_least(values, weights=None, *, threshold: float) -> float:
    """Compute the weighted share with x >= threshold.

    Examples
    --------
    >>> share_at_least([4, 5, 6, 7], [1, 1, 1, 5], threshold=6)
    0.75
    """
    x, w = _clean(values, weights)
    return float(w[x >= threshold].sum() / w.sum()) if w.sum() > 0 else float("nan")


def share_equal(values, weights=None, *, label) -> float:
    """Compute the weighted share of answers equal to label (text or number).

    Numbers compare as numbers (``2`` equals ``2.0``); text compares as text.

    Examples
    --------
    >>> share_equal(["ja", "nee", "ja", None], label="ja")
    0.6666666666666666
    >>> share_equal([1.0, 2.0, 2.0, 3.0], label="2")
    0.5
    """
    arr = np.asarray(values, dtype=object).ravel()
    w = np.ones(arr.size) if weights is None else np.asarray(weights, dtype=float).ravel()
    present = np.array([v is not None and v == v for v in arr], dtype=bool) & np.isfinite(w)
    number = _as_number(label)
    if number is not None and all(_as_number(v) is not None for v in arr[present]):
        hit = np.array(
            [p and _as_number(v) == number for v, p in zip(arr, present, strict=True)], dtype=bool
        )
    else:
        hit = np.array([str(v) == str(label) for v in arr], dtype=bool) & present
    total = w[present].sum()
    return float(w[hit].sum() / total) if total > 0 else float("nan")


def _as_number(value) -> float | None:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value)
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def count(values, weights=None) -> float:
    """Count the observations used: rows with a value and a weight.

    Examples
    --------
    >>> count([1, None, 3], [1, 1, 0])
    2.0
    """
    x, _ = _clean(values, weights)
    return float(x.size)


POVERTY_FRACTION = TABLE.entry("poverty_rate").fixed["fraction"]


def poverty_rate(
    values, weights=None, *, line: float | None = None, fraction: float = POVERTY_FRACTION
) -> float:
    """Compute the at-risk-of-poverty rate: share with x < 0.6 x median.

    ``line`` is the poverty line; by default ``fraction`` (0.6, from the measure table) times
    the weighted median of the values given (pass the national line when ``values`` is one
    region).

    Examples
    --------
    >>> poverty_rate([10, 20, 30, 40, 50])
    0.2
    """
    x, w = _clean(values, weights)
    if line is None:
        line = fraction * quantile(x, w, p=0.5)
    if not np.isfinite(line):
        return float("nan")
    return share_below(x, w, threshold=line)


def theil_decomposition(values, regions, weights=None) -> dict[str, float]:
    """Decompose Theil T by region into between and within parts, over x > 0.

    .. math:: T = \\sum_r s_r \\ln\\frac{\\mu_r}{\\mu} + \\sum_r s_r T_r,
       \\qquad s_r = \\frac{W_r \\mu_r}{W \\mu}

    Returns ``{"total": T, "between": ..., "within": ...}`` with total = between + within.

    Examples
    --------
    >>> parts = theil_decomposition([1, 2, 3, 4], ["a", "a", "b", "b"])
    >>> round(parts["total"], 10) == round(parts["between"] + parts["within"], 10)
    True
    """
    x = np.asarray(values, dtype=float)
    r = np.asarray(regions)
    w = np.ones_like(x) if weights is None else np.asarray(weights, dtype=float)
    keep = np.isfinite(x) & np.isfinite(w) & (x > 0)
    x, r, w = x[keep], r[keep], w[keep]
    mu = (w * x).sum() / w.sum()
    between = within = 0.0
    for region in np.unique(r):
        m = r == region
        w_r, x_r = w[m], x[m]
        mu_r = (w_r * x_r).sum() / w_r.sum()
        s_r = w_r.sum() * mu_r / (w.sum() * mu)
        between += s_r * np.log(mu_r / mu)
        within += s_r * theil(x_r, w_r)
    return {"total": theil(x, w), "between": float(between), "within": float(within)}


# The scalar engine's dispatch: a function per family of the measure table, called with the
# parameters the table gives (``MeasureSpec.kwargs``).
SCALAR = {
    "mean": mean,
    "n": count,
    "quantile": quantile,
    "sd": sd,
    "gini": gini,
    "theil": theil,
    "mld": mld,
    "atkinson": atkinson,
    "s80s20": share_ratio,
    "palma": share_ratio,
    "poverty_rate": poverty_rate,
    "share_below": share_below,
    "share_at_least": share_at_least,
    "share": share_equal,
}


def scalar_measure(spec: MeasureSpec | str, values, weights=None, *, line=None) -> float:
    """Compute one measure, given by name or spec, on one distribution.

    ``line`` is the poverty line for ``poverty_rate`` (by default from the values given).

    Examples
    --------
    >>> scalar_measure("p90", range(1, 11))
    9.5
    >>> scalar_measure("share_below:3", [1, 2, 3, 4], [1, 1, 1, 5])
    0.25
    """
    spec = parse_measure(spec) if isinstance(spec, str) else spec
    kwargs = spec.kwargs
    if spec.family == "poverty_rate":
        kwargs["line"] = line
    return SCALAR[spec.family](values, weights, **kwargs)


def check_engine(table, functions, engine: str) -> list[str]:
    """Return a problem for every table entry this engine cannot compute.

    ``functions`` maps each family the engine computes to its function, or to None when the
    engine takes the parameters itself; a function must accept the entry's parameters.
    """
    problems = []
    for entry in table.entries:
        where = f"{table.source}: measure '{entry.name}'"
        if entry.family not in functions:
            problems.append(
                f"{where}: field 'family': {engine} has no family '{entry.family}' (it has "
                f"{', '.join(functions)})"
            )
            continue
        fn = functions[entry.family]
        if fn is None:
            continue
        accepted = inspect.signature(fn).parameters
        wanted = [*entry.fixed, *([entry.parameter] if entry.parameter else [])]
        for name in wanted:
            if name not in accepted or accepted[name].kind != inspect.Parameter.KEYWORD_ONLY:
                field = "parameter" if name == entry.parameter else "fixed"
                problems.append(
                    f"{where}: field '{field}': {engine}'s {fn.__name__}() has no keyword '{name}'"
                )
    return problems


_problems = check_engine(TABLE, SCALAR, "indicators.stats.measures")
if _problems:
    raise MeasureTableError("\n".join(_problems), _problems)


TOLERANCE = 1e-12
