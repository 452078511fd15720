"""The indicator registry as readable documentation: measures in words, search, availability.

Everything here is plain Python over the registry (no Streamlit), in Dutch and English, so the
Indicators page stays thin and the texts are tested.

Examples
--------
>>> from indicators.registry.catalog import load_registry
>>> reg = load_registry()
>>> measure_in_words(reg.indicator_by_id["income_gini"], reg, "en")
'Gini coefficient: 0 when everyone has the same, 1 when one person has everything'
>>> measure_in_words(reg.indicator_by_id["life_satisfaction_unsatisfied"], reg, "nl")
'aandeel met een score lager dan 6'
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass

from indicators.registry.catalog import PERSPECTIVE_LABELS, POLARITY_LABELS
from indicators.stats.measures import MeasureSpec
from indicators.text import area, text

__all__ = [
    "Availability",
    "IndicatorDoc",
    "availability",
    "catalog_rows",
    "document",
    "measure_in_words",
    "row_title",
    "search_indicators",
]


# Texts around the measures' own words (those are in the measure table, measures.toml) are
# in the text catalogue (indicators/text/explain.py)
def _t(key: str, lang: str, **values) -> str:
    return text(f"explain.{key}", lang, **values)


def _num(value: float, lang: str) -> str:
    """Return a number without trailing zeros, with a decimal comma in Dutch."""
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def _quote_list(labels, lang: str) -> str:
    quoted = [f"'{lab}'" for lab in labels]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + f" {_t('or', lang)} " + quoted[-1]


def measure_in_words(indicator, registry, lang: str = "nl") -> str:
    """Describe an indicator's measure in words, in ``lang``.

    Thresholds on ordinal answers are spelt out as the answers they cover, so
    ``share_below:3`` of self-rated health reads "share answering 'very bad' or 'bad'".

    Examples
    --------
    >>> from indicators.registry.catalog import load_registry
    >>> reg = load_registry()
    >>> measure_in_words(reg.indicator_by_id["health_bad"], reg, "en")
    "share answering 'very bad' or 'bad'"
    >>> measure_in_words(reg.indicator_by_id["income_p10"], reg, "en")
    '10th percentile: 10% are lower (Eurostat rule, weighted)'
    """
    spec: MeasureSpec = indicator.spec
    entry = spec.entry  # the measure table's words: p50 reads as the median
    variable = registry.variable_by_id.get(indicator.variable)
    levels = tuple(variable.levels(lang)) if variable is not None else ()
    family, param = spec.family, spec.param
    if family == "mean" and levels and variable.kind == "ordinal":
        return _t("mean_of_scores", lang, low=1, high=len(levels), first=levels[0], last=levels[-1])
    if family in ("share_below", "share_at_least"):
        if levels and variable.kind in ("ordinal", "binary"):
            # scores are 1..k: below t covers scores 1..ceil(t)-1; at least t covers ceil(t)..k
            cut = math.ceil(param) - 1
            chosen = levels[:cut] if family == "share_below" else levels[cut:]
            if chosen:
                return _t("share_levels", lang, answers=_quote_list(chosen, lang))
        unit = variable.unit(lang) if variable is not None else ""
        is_score = unit.startswith("score")
        what = _t("score" if is_score else "value", lang)
        text = entry.words(lang, what=what, threshold=_num(param, lang))
        return text if is_score or not unit else f"{text} ({unit})"
    if family == "share":
        label = str(param)
        position = getattr(indicator, "level_position", None)
        if position is not None and position < len(levels):
            label = levels[position]
        return entry.words(lang, label=label)
    values = {}
    if entry.parameter:
        percent = entry.parameter_kind == "percent"
        values[entry.parameter] = _num(param * 100 if percent else param, lang)
    text = entry.words(lang, **values)
    return text + _t("positive_only", lang) if entry.positive_only else text


@dataclass(frozen=True)
class Availability:
    """Whether the data in use allows an indicator, and if not, why not (in words).

    ``reason`` is the full sentence part; ``short`` a few words for a list row.
    """

    ok: bool
    reason: str
    short: str = ""


def availability(registry, variable_ids, shape: str | None, lang: str = "nl") -> dict:
    """Say for every indicator whether the mapped variables (and the data's shape) allow it.

    Aggregates (one row per region) allow only means: a distribution within a region needs
    one row per person. Returns ``{indicator_id: Availability}``.

    Examples
    --------
    >>> from indicators.registry.catalog import load_registry
    >>> reg = load_registry()
    >>> av = availability(reg, ["income"], "microdata", "en")
    >>> av["income_gini"].ok, av["lonely_share"].reason
    (True, "needs a column with Loneliness, for example one named 'eenzaam' or 'eenzaamheid'")
    >>> av["lonely_share"].short
    "not in your data: needs a column such as 'eenzaam'"
    >>> availability(reg, ["income"], "aggregates", "en")["income_gini"].ok
    False
    """
    mapped = set(variable_ids or ())
    out = {}
    for ind in registry.indicators:
        if ind.variable not in mapped:
            variable = registry.variable_by_id.get(ind.variable)
            name = variable.label(lang) if variable is not None else ind.variable
            hints = _quote_list(variable.hints[:2], lang) if variable is not None else ""
            reason = _t("needs_column", lang, variable=name)
            if hints:
                reason += _t("named_like", lang, names=hints)
                short = _t("needs_column_short", lang, names=f"'{variable.hints[0]}'")
            else:
                short = _t("needs_column_short_plain", lang, variable=name)
            out[ind.id] = Availability(False, reason, short)
        elif shape == "aggregates" and ind.spec.family != "mean":
            out[ind.id] = Availability(
                False, _t("needs_microdata", lang), _t("needs_microdata_short", lang)
            )
        else:
            out[ind.id] = Availability(True, _t("available", lang))
    return out


def row_title(indicator, lang: str = "nl", mark: Availability | None = None) -> tuple[str, str]:
    """Return the two parts of an indicator's row in a list: its label, and the essentials.

    The essentials are the unit, whether it looks beyond the average, and, when the data in
    use does not allow it, why not in a few words (``mark`` from :func:`availability`).

    Examples
    --------
    >>> from indicators.registry.catalog import load_registry
    >>> reg = load_registry()
    >>> row_title(reg.indicator_by_id["life_satisfaction_unsatisfied"], "en")
    ('Share not satisfied with life', '%, beyond the average')
    >>> row_title(reg.indicator_by_id["income_median"], "nl")
    ('Mediaan besteedbaar inkomen', 'euro per jaar')
    """
    parts = [p for p in (indicator.unit(lang),) if p]
    if indicator.beyond_average:
        parts.append(_t("beyond_average", lang))
    detail = ", ".join(parts)
    if mark is not None and not mark.ok:
        detail = f"{detail} · {mark.short or mark.reason}" if detail else mark.short
    return indicator.label(lang), detail


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def search_indicators(registry, query: str = "", dimensions=None) -> list:
    """Return the indicators matching every word of ``query``, optionally within dimensions.

    A word matches the id, the labels or the descriptions in either language, or the
    variable's labels; case and accents are ignored. Results follow the dimension order.

    Examples
    --------
    >>> from indicators.registry.catalog import load_registry
    >>> reg = load_registry()
    >>> [i.id for i in search_indicators(reg, "eenzaam")]
    ['lonely_share']
    >>> len(search_indicators(reg, "")) == len(reg.indicators)
    True
    """
    words = _fold(query).split()
    wanted = set(dimensions) if dimensions else None
    found = []
    for ind in registry.sorted_indicators():
        if wanted is not None and ind.dimension not in wanted:
            continue
        variable = registry.variable_by_id.get(ind.variable)
        haystack = _fold(
            " ".join(
                [
                    ind.id,
                    ind.label_nl,
                    ind.label_en,
                    ind.description_nl,
                    ind.description_en,
                    ind.measure,
                    variable.label_nl if variable else "",
                    variable.label_en if variable else "",
                ]
            )
        )
        if all(word in haystack for word in words):
            found.append(ind)
    return found


@dataclass(frozen=True)
class IndicatorDoc:
    """What the Indicators page shows about one indicator, in one language."""

    id: str
    label: str
    description: str
    measure: str
    measure_code: str
    variable: str
    unit: str
    polarity: str
    dimension: str
    perspective: str
    beyond_average: bool
    rationale: str
    reference: str


def document(indicator, registry, lang: str = "nl") -> IndicatorDoc:
    """Return the documentation of one indicator in ``lang``."""
    variable = registry.variable_by_id.get(indicator.variable)
    dimension = registry.dimension_by_id.get(indicator.dimension)
    return IndicatorDoc(
        id=indicator.id,
        label=indicator.label(lang),
        description=indicator.description(lang),
        measure=measure_in_words(indicator, registry, lang),
        measure_code=indicator.measure,
        variable=variable.label(lang) if variable else indicator.variable,
        unit=indicator.unit(lang),
        polarity=POLARITY_LABELS[lang][indicator.polarity],
        dimension=dimension.label(lang) if dimension else indicator.dimension,
        perspective=PERSPECTIVE_LABELS[lang][indicator.perspective],
        beyond_average=indicator.beyond_average,
        rationale=indicator.rationale(lang),
        reference=indicator.reference,
    )


CATALOG_COLUMNS = area("catalog_columns")


def catalog_rows(indicators, registry, lang: str = "nl", available: dict | None = None):
    """Return a compact table (pandas DataFrame) of indicators with column titles in ``lang``.

    ``available`` is the result of :func:`availability`; without it the column is left out.
    """
    import pandas as pd

    rows = []
    for ind in indicators:
        doc = document(ind, registry, lang)
        row = {
            "label": doc.label,
            "dimension": doc.dimension,
            "measure": doc.measure,
            "unit": doc.unit,
            "polarity": doc.polarity,
            "beyond_average": doc.beyond_average,
        }
        if available is not None:
            row["available"] = available[ind.id].ok
        rows.append(row)
    columns = [c for c in CATALOG_COLUMNS if available is not None or c != "available"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.rename(columns={c: CATALOG_COLUMNS[c][lang] for c in columns})
