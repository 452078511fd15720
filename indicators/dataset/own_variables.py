"""Variables from the user's own file: any column can be measured, in its own words.

The catalogue suggests; it never blocks. A column the catalogue does not know, or whose
answers do not match a catalogue variable's levels (three English answers against five Dutch
ones), becomes an :class:`OwnVariable`: continuous, ordinal (its own answers in an order, low to
high, scored 1..k), binary, or nominal (categories without an order: only shares of an answer).
Its label and unit are the user's (from the column name, editable). :func:`extend_registry` turns
the own variables of a mapping into registry variables and indicators that every page, download
and command shows like packaged ones.

In a file of **aggregates** (one row per region and year) every value column is already an
indicator: the region's value is the column's value, labelled with the column's name and unit,
never renamed to a catalogue measure it is not ("Mediaan inkomen (EUR)" stays a median). The
Total of such a column is the mean of the regions, weighted by the population when a weight is
mapped, and its description says so.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
import pandas as pd

from indicators.registry.catalog import Dimension, Indicator, Registry, Variable, normalise_name
from indicators.stats.measures import parse_measure
from indicators.text import LANGS, text

CONTINUOUS, ORDINAL, BINARY, NOMINAL = "continuous", "ordinal", "binary", "nominal"
OWN_DIMENSION = Dimension("own", "Eigen gegevens", "Your own data", order=900)
MAX_CATEGORIES = 12  # shares are offered for at most this many answers of a nominal column
MICRODATA, AGGREGATES = "microdata", "aggregates"

_PERCENT_WORDS = ("procent", "percentage", "pct", "perc", "aandeel")
_EURO_WORDS = ("eur", "euro", "euros")


@dataclass(frozen=True)
class Scale:
    """A known answer scale, low to high (``indicators/dataset/scales.toml``)."""

    id: str
    levels: tuple[str, ...]
    higher_is_better: bool | None = None


@cache
def known_scales() -> tuple[Scale, ...]:
    """Return the known answer scales (Dutch and English), shortest first."""
    text = resources.files("indicators.dataset").joinpath("scales.toml").read_text(encoding="utf-8")
    scales = [
        Scale(
            entry["id"],
            tuple(str(level) for level in entry["levels"]),
            entry.get("higher_is_better"),
        )
        for entry in tomllib.loads(text)["scale"]
    ]
    return tuple(sorted(scales, key=lambda s: len(s.levels)))


def match_scale(answers: Iterable[str]) -> tuple[Scale, tuple[str, ...]] | None:
    """Find the known scale that holds every answer; return it and the answers in its order.

    Case and surrounding spaces do not matter; the answers keep the user's spelling.

    >>> scale, order = match_scale(["Very happy", "not too happy", "pretty happy"])
    >>> scale.id, order
    ('happy_3', ('not too happy', 'pretty happy', 'Very happy'))
    >>> match_scale(["rood", "groen"]) is None
    True
    """
    given = {str(a).strip().casefold(): str(a).strip() for a in answers if str(a).strip()}
    if len(given) < 2:
        return None
    for scale in known_scales():
        position = {level.casefold(): i for i, level in enumerate(scale.levels)}
        if set(given) <= set(position):
            ordered = sorted(given, key=position.__getitem__)
            return scale, tuple(given[a] for a in ordered)
    return None


def own_id(column: object) -> str:
    """Return the variable id of a column used as an own variable.

    >>> own_id("Mediaan inkomen (EUR)")
    'own_mediaan_inkomen_eur'
    """
    return "own_" + (normalise_name(column) or "column")


def unit_from_name(column: object) -> tuple[str, bool]:
    """Read a unit from a column name: (unit, whether the column holds percentages).

    >>> unit_from_name("Mediaan inkomen (EUR)"), unit_from_name("Ontevreden (%)")
    (('euro', False), ('%', True))
    >>> unit_from_name("hinctnta")
    ('', False)

    A unit in brackets is kept as written when it says more than "euro" (thousands):

    >>> unit_from_name("Inkomen (1 000 euro)"), unit_from_name("Inkomen (€)")
    (('1 000 euro', False), ('euro', False))
    """
    name = str(column)
    tokens = normalise_name(name).split("_")
    if "%" in name or any(t in _PERCENT_WORDS for t in tokens):
        return "%", True
    bracket = re.search(r"\(([^()]{1,30})\)\s*$", name)
    said = bracket.group(1).strip() if bracket else ""
    if said and "€" not in said and normalise_name(said) not in _EURO_WORDS:
        return said, False
    if "€" in name or any(t in _EURO_WORDS for t in tokens):
        return "euro", False
    return said, False


@dataclass(frozen=True)
class OwnVariable:
    """A column of the user's file measured as it is, with the user's label and unit.

    ``levels`` run from low to high for ordinal and binary columns (scores 1..k) and are the
    categories of a nominal one. ``per`` divides the values: 100 for a column of percentages
    (0 to 100) read as shares, shown as 12.3%.
    """

    column: str
    kind: str = CONTINUOUS
    label: str = ""
    unit: str = ""
    levels: tuple[str, ...] = ()
    higher_is_better: bool | None = None  # None: no direction is better (arrows stay grey)
    per: float = 1.0

    @property
    def id(self) -> str:
        """Return the variable id (``own_`` and the normalised column name)."""
        return own_id(self.column)

    @property
    def name(self) -> str:
        """Return the label shown: the user's, else the column name."""
        return self.label or str(self.column)

    @property
    def is_share(self) -> bool:
        """Whether the values are shares (a column of percentages)."""
        return self.kind == CONTINUOUS and self.unit == "%"


# words in a column's name that say a higher value is worse (a suggestion the Data page shows
# and the user can change; no word, no direction). A word of the name that starts with one of
# them counts, so Dutch compounds ("werkloosheidspercentage", "werklozen", "armoedegrens") do.
_WORSE_WORDS = (
    "ontevreden",
    "ongelukkig",
    "werkloos",
    "werkloze",
    "armoede",
    "ongelijkheid",
    "gini",
    "eenzaam",
    "eenzaamheid",
    "onveilig",
    "schulden",
    "overlast",
    "criminaliteit",
    "dissatisfied",
    "unsatisfied",
    "unhappy",
    "unemployed",
    "unemployment",
    "poverty",
    "inequality",
    "poor",
    "lonely",
    "loneliness",
    "unsafe",
    "debt",
    "crime",
)


def worse_when_higher(column: object) -> bool:
    """Whether a column's name says a higher value is worse ("Ontevreden (%)", "werkloosheid").

    >>> worse_when_higher("Ontevreden (%)"), worse_when_higher("Werkloosheid_3")
    (True, True)
    >>> worse_when_higher("Aandeel werkloze jongeren"), worse_when_higher("Werkloosheidspercentage")
    (True, True)
    >>> worse_when_higher("Mediaan inkomen"), worse_when_higher("Armenië")
    (False, False)
    """
    return any(
        token.startswith(_WORSE_WORDS) for token in normalise_name(column).split("_") if token
    )


def suggest_own(series: pd.Series, column: object) -> OwnVariable:
    """Suggest how to measure a column as an own variable, from its name and its values.

    Numbers are continuous (a unit read from the name; whole scores such as 1..10 say so);
    text answers that all belong to a known scale are ordinal in that scale's order; two
    answers are binary; more are nominal.

    >>> s = pd.Series(["pretty happy", "very happy", "not too happy", None])
    >>> own = suggest_own(s, "happy")
    >>> own.kind, own.levels, own.higher_is_better
    ('ordinal', ('not too happy', 'pretty happy', 'very happy'), True)
    >>> suggest_own(pd.Series([1, 5, 10, 3]), "hinctnta").unit
    'score 1-10'
    >>> suggest_own(pd.Series([12.5, 40.0]), "Ontevreden (%)").per
    100.0
    """
    unit, percent = unit_from_name(column)
    if pd.api.types.is_bool_dtype(series):
        series = series.astype("string")
    if pd.api.types.is_numeric_dtype(series):
        values = pd.to_numeric(series, errors="coerce").dropna()
        per = 1.0
        if percent:
            per = 100.0 if len(values) and values.abs().max() > 1 else 1.0
        elif not unit and len(values) and _whole_scores(values):
            unit = f"score {_fmt(values.min())}-{_fmt(values.max())}"
        better = False if worse_when_higher(column) else None
        return OwnVariable(str(column), CONTINUOUS, unit=unit, per=per, higher_is_better=better)
    answers = [a for a in pd.unique(series.dropna().astype("string").str.strip()) if a]
    found = match_scale(answers)
    if found is not None:
        scale, order = found
        kind = BINARY if len(order) == 2 else ORDINAL
        return OwnVariable(str(column), kind, levels=order, higher_is_better=scale.higher_is_better)
    ranked = _by_numbers(answers)
    if ranked is not None and len(ranked) > 2:  # bands: "Under $1,000" ... "$25,000 or more"
        return OwnVariable(str(column), ORDINAL, levels=ranked)
    levels = tuple(sorted(map(str, answers), key=str.casefold))
    kind = BINARY if len(levels) == 2 else NOMINAL
    return OwnVariable(str(column), kind, levels=levels)


_LOW_WORDS = ("under", "less", "below", "onder", "minder", "tot ", "<")
_HIGH_WORDS = ("or more", "and over", "or over", "plus", "of meer", "en meer", "+", ">")


def _by_numbers(answers) -> tuple[str, ...] | None:
    """Order answers that each hold a number (income or age bands) by it, low to high.

    "Under"/"minder dan" goes before a band starting at the same number, "or more"/"of meer"
    after it. None when some answer holds no number.

    >>> _by_numbers(["$25,000 or more", "Under $1,000", "$1,000 to 9,999"])
    ('Under $1,000', '$1,000 to 9,999', '$25,000 or more')
    >>> _by_numbers(["65+", "15-24", "25-64"])
    ('15-24', '25-64', '65+')
    >>> _by_numbers(["laag", "15-24"]) is None
    True
    """
    keys = {}
    for answer in answers:
        text = str(answer).casefold()
        found = re.search(r"\d[\d.,]*", text)
        if found is None:
            return None
        number = float(re.sub(r"[.,](?=\d{3}\b)", "", found.group()).replace(",", "."))
        low = any(w in text for w in _LOW_WORDS)
        high = any(w in text for w in _HIGH_WORDS)
        keys[str(answer)] = (number, -1 if low else (1 if high else 0))
    return tuple(sorted(keys, key=keys.__getitem__))


def _whole_scores(values: pd.Series) -> bool:
    distinct = values.unique()
    return (
        len(distinct) <= 11
        and bool(np.all(np.mod(distinct, 1) == 0))
        and values.min() >= 0
        and values.max() <= 10
    )


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# ---- own variables as registry entries ------------------------------------------------------


def extend_registry(
    registry: Registry,
    own: Sequence[OwnVariable] = (),
    *,
    shape: str = MICRODATA,
    tied: Sequence[tuple[str, str]] = (),
    weight: str | None = None,
) -> Registry:
    """Return the registry with the own variables and their indicators added.

    Parameters
    ----------
    registry : Registry
        The catalogue (packaged, or with the user's own file).
    own : sequence of OwnVariable
        The mapping's own variables.
    shape : {"microdata", "aggregates"}
        Microdata get the measures that fit each kind; in aggregates each value column is
        one indicator, named as the column.
    tied : sequence of (variable id, column)
        Columns tied to catalogue variables; in aggregates they too become indicators named
        as the column (with the catalogue variable's dimension and polarity).
    weight : str, optional
        The weight column: the Total of aggregates is weighted by it.
    """
    variables = list(registry.variables)
    indicators = list(registry.indicators)
    known = {v.id for v in variables}
    have = {ind.id for ind in indicators}
    for item in own:
        if item.id in known:
            # the variable comes from the user's catalogue file (an own indicator of theirs is
            # on it): its automatic indicators are still the data's
            if shape != AGGREGATES:
                variable = next(v for v in variables if v.id == item.id)
                indicators.extend(i for i in _indicators(item, variable) if i.id not in have)
            continue
        variable = _variable(item)
        variables.append(variable)
        known.add(item.id)
        if shape == AGGREGATES:
            indicators.append(_column_indicator(variable, item.column, weight))
        else:
            indicators.extend(_indicators(item, variable))
    if shape == AGGREGATES:
        for var_id, column in tied:
            variable = registry.variable_by_id.get(var_id)
            if variable is not None and not variable.regional:
                indicators.append(_column_indicator(variable, column, weight))
    dimensions = list(registry.dimensions)
    if any(ind.dimension == OWN_DIMENSION.id for ind in indicators) and OWN_DIMENSION.id not in {
        d.id for d in dimensions
    }:
        dimensions.append(OWN_DIMENSION)
    if len(indicators) == len(registry.indicators) and len(variables) == len(registry.variables):
        return registry
    return Registry(tuple(dimensions), tuple(variables), tuple(indicators))


def _variable(item: OwnVariable) -> Variable:
    scale_min = scale_max = None
    if item.kind in (ORDINAL, BINARY):
        scale_min, scale_max = 1, len(item.levels)
    return Variable(
        id=item.id,
        label_nl=item.name,
        label_en=item.name,
        dimension=OWN_DIMENSION.id,
        kind=item.kind,
        unit_nl=item.unit,
        unit_en=item.unit,
        scale_min=scale_min,
        scale_max=scale_max,
        higher_is_better=item.higher_is_better,
        levels_nl=item.levels,
        levels_en=item.levels,
        decimals=_decimals(item),
    )


def _decimals(item: OwnVariable) -> int:
    if item.kind != CONTINUOUS:
        return 2
    if item.unit == "euro":
        return 0
    return 1


# the labels, descriptions and rationale of own indicators: indicators/text/own_variables.py


def _indicators(item: OwnVariable, variable: Variable) -> list[Indicator]:
    """The measures that fit a kind: for numbers the mean, median, P10 and P90; for answers
    in an order the mean score, the share of the top answer and of the bottom answers; for
    categories the share of each."""
    good, bad = _polarities(item.higher_is_better)
    out = []

    def add(key, suffix, measure, polarity, beyond, **words):
        words = {"v": item.name, "c": item.column, **words}
        label_nl, label_en = (text(f"own_labels.{key}", lang, **words) for lang in LANGS)
        desc_nl, desc_en = (text(f"own_descriptions.{key}", lang, **words) for lang in LANGS)
        spec = parse_measure(measure)
        shares = item.is_share and not spec.is_share  # a mean or median of percentages
        unit = "%" if spec.is_share or shares else variable.unit_en
        decimals = 1 if spec.is_share or shares else variable.decimals
        out.append(
            Indicator(
                id=f"{item.id}_{suffix}",
                variable=item.id,
                measure=spec.text,
                spec=spec,
                label_nl=label_nl,
                label_en=label_en,
                description_nl=desc_nl,
                description_en=desc_en,
                dimension=OWN_DIMENSION.id,
                perspective="here_and_now",
                polarity=polarity,
                beyond_average=beyond,
                unit_nl=unit,
                unit_en=unit,
                decimals=decimals,
                rationale_nl=text("own_variables.rationale", "nl"),
                rationale_en=text("own_variables.rationale", "en"),
                shares=shares,
            )
        )

    if item.kind == CONTINUOUS:
        add("mean", "mean", "mean", good, False)
        add("median", "median", "median", good, False)
        if not item.is_share:
            add("p10", "p10", "p10", good, item.higher_is_better is not False)
            add("p90", "p90", "p90", good, item.higher_is_better is False)
    elif item.kind == ORDINAL:
        k = len(item.levels)
        levels = ", ".join(item.levels)
        add("mean_score", "mean", "mean", good, False, k=k, levels=levels)
        add("share_top", "top", f"share_at_least:{k}", good, False, a=item.levels[-1])
        bottom = 1 if k <= 4 else 2
        named = " / ".join(f"'{a}'" for a in item.levels[:bottom])
        add("share_bottom", "bottom", f"share_below:{bottom + 1}", bad, True, a=named)
    else:  # binary and nominal: the share of each answer (for binary: the second one)
        answers = item.levels[-1:] if item.kind == BINARY else item.levels[:MAX_CATEGORIES]
        for position, answer in enumerate(answers):
            add("share", f"share_{position + 1}", f"share:{answer}", good, False, a=answer)
    return out


def _polarities(higher_is_better: bool | None) -> tuple[str, str]:
    """Return the polarity of a measure that rises with the variable, and of one that falls."""
    if higher_is_better is None:
        return "neutral", "neutral"
    if higher_is_better:
        return "higher_is_better", "lower_is_better"
    return "lower_is_better", "higher_is_better"


def _column_indicator(variable: Variable, column: str, weight: str | None) -> Indicator:
    """One aggregate column as an indicator: its own name and unit, never a catalogue measure."""
    own = variable.id.startswith("own_")
    name = str(column)
    unit_nl, unit_en = variable.unit_nl, variable.unit_en
    name_unit, percent = unit_from_name(column)
    if name_unit:
        unit_nl = unit_en = name_unit
    total_nl, total_en = (
        text("own_variables.total_weighted", lang, weight=weight)
        if weight
        else text("own_variables.total_unweighted", lang)
        for lang in LANGS
    )
    spec = parse_measure("mean")
    polarity = _polarities(variable.higher_is_better)[0]
    decimals = 1 if percent else variable.decimals
    return Indicator(
        id=f"col_{normalise_name(column) or 'column'}",
        variable=variable.id,
        measure=spec.text,
        spec=spec,
        label_nl=name,
        label_en=name,
        description_nl=text("own_variables.column_description", "nl", name=name, total=total_nl),
        description_en=text("own_variables.column_description", "en", name=name, total=total_en),
        dimension=OWN_DIMENSION.id if own else variable.dimension,
        perspective="here_and_now",
        polarity=polarity,
        beyond_average=False,
        unit_nl="%" if percent else unit_nl,
        unit_en="%" if percent else unit_en,
        decimals=decimals,
        rationale_nl=text("own_variables.rationale", "nl"),
        rationale_en=text("own_variables.rationale", "en"),
        source_column=name,
        shares=percent,
    )
