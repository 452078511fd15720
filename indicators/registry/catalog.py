"""The indicator registry: dimensions, variables and indicators, loaded from a catalogue file.

The registry is data, not code: ``indicators/registry/catalog.toml`` (package data) lists every
dimension, variable and indicator, and a user's own file of the same schema can add entries or
override them by id. Loading validates the whole catalogue and reports all problems at once,
each naming the entry and the field.

Examples
--------
>>> reg = load_registry()
>>> reg.indicator_by_id["income_gini"].label("en")
'Gini coefficient of income'
>>> reg.match_column("Levenstevredenheid ")
'life_satisfaction'
>>> reg.format_value("income_poverty_rate", 0.1243, "nl")
'12,4%'
"""

from __future__ import annotations

import argparse
import functools
import math
import os
import re
import sys
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, BinaryIO, TextIO

from indicators.errors import DataError
from indicators.stats.measure_table import TABLE, MeasureTableError
from indicators.stats.measures import MeasureSpec, parse_measure
from indicators.text import area

__all__ = [
    "KINDS",
    "LANGS",
    "PERSPECTIVES",
    "POLARITIES",
    "Dimension",
    "Indicator",
    "Registry",
    "RegistryError",
    "Variable",
    "load_registry",
    "normalise_name",
    "registry_markdown",
    "update_readme",
]

LANGS = ("nl", "en")
KINDS = ("continuous", "ordinal", "binary", "nominal")
PERSPECTIVES = ("here_and_now", "later", "elsewhere")
POLARITIES = ("higher_is_better", "lower_is_better")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")

# the words for each, by language, from the text catalogue (indicators/text/registry.py)
PERSPECTIVE_LABELS = {
    lang: {key: entry[lang] for key, entry in area("perspectives").items()} for lang in LANGS
}
POLARITY_LABELS = {
    lang: {key: entry[lang] for key, entry in area("polarities").items()} for lang in LANGS
}
PACKAGED_NAME = "indicators/registry/catalog.toml"
README_START = "<!-- indicators:start -->"
README_END = "<!-- indicators:end -->"


class RegistryError(DataError):
    """The catalogue cannot be used; ``problems`` lists every problem found, one per line."""

    def __init__(self, message: str, problems: Iterable[str] = ()):
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems)


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be 'nl' or 'en', not {lang!r}")
    return lang


# ----------------------------------------------------------------------------------------------
# Entries
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dimension:
    """A broad-welfare theme (CBS), with the matching OECD Well-Being Framework dimension(s)."""

    id: str
    label_nl: str
    label_en: str
    oecd: tuple[str, ...] = ()
    order: int = 100

    def label(self, lang: str = "nl") -> str:
        """Return the label in ``lang`` ("nl" or "en")."""
        return getattr(self, f"label_{_check_lang(lang)}")


@dataclass(frozen=True)
class Variable:
    """A quantity people report or registers hold, such as life satisfaction or income.

    ``levels_nl``/``levels_en`` run from low to high for ordinal and binary variables (the
    answers become scores 1..k); for a nominal variable they are the categories.
    """

    id: str
    label_nl: str
    label_en: str
    dimension: str
    kind: str
    unit_nl: str = ""
    unit_en: str = ""
    scale_min: float | None = None
    scale_max: float | None = None
    higher_is_better: bool | None = None
    hints: tuple[str, ...] = ()
    levels_nl: tuple[str, ...] = ()
    levels_en: tuple[str, ...] = ()
    decimals: int = 1
    # a regional figure by nature (a share of a region's benefit recipients): in a file of
    # aggregates its catalogue indicators are used as they are; any other column there is
    # its own indicator, named as the column
    regional: bool = False
    # low / medium / high well-being (the Groups page): low is a score at or below
    # wellbeing_low, high at or above wellbeing_high, medium in between; with their source
    wellbeing_low: float | None = None
    wellbeing_high: float | None = None
    wellbeing_source: str = ""
    # the unfavourable outcome counted in accumulated disadvantage (stapeling): a condition
    # such as "<=5", ">=40", "<poverty_line" or "=ja" (one of levels_nl); with its source
    unfavourable: str = ""
    unfavourable_source: str = ""

    def label(self, lang: str = "nl") -> str:
        """Return the label in ``lang`` ("nl" or "en")."""
        return getattr(self, f"label_{_check_lang(lang)}")

    def unit(self, lang: str = "nl") -> str:
        """Return the unit in ``lang`` ("" for binary and nominal variables without one)."""
        return getattr(self, f"unit_{_check_lang(lang)}")

    def levels(self, lang: str = "nl") -> tuple[str, ...]:
        """Return the answer levels (low to high) or categories in ``lang``."""
        return getattr(self, f"levels_{_check_lang(lang)}")

    @property
    def scale(self) -> tuple[float | None, float | None]:
        """Return (min, max) of the scale; scores 1..k for an ordinal or binary variable."""
        if self.kind in ("ordinal", "binary") and self.levels_nl:
            return (1, len(self.levels_nl))
        return (self.scale_min, self.scale_max)


@dataclass(frozen=True)
class Indicator:
    """A variable x a measure, with the metadata to show and explain it.

    ``level_position`` is, for a ``share:LABEL`` measure, the 0-based position of LABEL among
    the variable's levels: the computation maps it to the user's labels by that position.
    """

    id: str
    variable: str
    measure: str
    spec: MeasureSpec
    label_nl: str
    label_en: str
    description_nl: str
    description_en: str
    dimension: str
    perspective: str
    polarity: str
    beyond_average: bool
    unit_nl: str
    unit_en: str
    decimals: int
    rationale_nl: str = ""
    rationale_en: str = ""
    reference: str = ""
    level_position: int | None = None
    source_column: str = ""  # an aggregate file's column that is this indicator (own data)
    shares: bool = False  # values are shares (0 to 1) whatever the measure: shown as %

    def label(self, lang: str = "nl") -> str:
        """Return the title in ``lang`` ("nl" or "en")."""
        return getattr(self, f"label_{_check_lang(lang)}")

    def description(self, lang: str = "nl") -> str:
        """Return the description in ``lang``: what the indicator measures, exactly."""
        return getattr(self, f"description_{_check_lang(lang)}")

    def unit(self, lang: str = "nl") -> str:
        """Return the unit in ``lang`` ("%" for shares)."""
        return getattr(self, f"unit_{_check_lang(lang)}")

    def rationale(self, lang: str = "nl") -> str:
        """Return why the indicator is in the registry, in ``lang``."""
        return getattr(self, f"rationale_{_check_lang(lang)}")

    @property
    def higher_is_better(self) -> bool:
        """Whether a higher value is better (the polarity as a bool)."""
        return self.polarity == "higher_is_better"

    @property
    def is_share(self) -> bool:
        """Whether the value is a share from 0 to 1, shown as a percentage."""
        return self.spec.is_share or self.shares


# ----------------------------------------------------------------------------------------------
# The registry
# ----------------------------------------------------------------------------------------------


def normalise_name(name: object) -> str:
    """Normalise a column name or hint for matching.

    Lower-case, strip, remove accents, and turn runs of spaces, hyphens and other separators
    into one underscore.

    >>> normalise_name("  Tevredenheid  woonomgeving ")
    'tevredenheid_woonomgeving'
    >>> normalise_name("Ervaren-Gezondheid")
    'ervaren_gezondheid'
    >>> normalise_name("Materiële")
    'materiele'
    >>> normalise_name("GemiddeldInkomen_2"), normalise_name("eqIncome"), normalise_name("RegioS")
    ('gemiddeld_inkomen_2', 'eq_income', 'regio_s')
    """
    # camelCase as StatLine and EU-SILC write names: a capital after a small letter starts a word
    text = re.sub(r"(?<=[a-zà-ÿ])(?=[A-Z])", "_", str(name))
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().strip()
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


@dataclass(frozen=True)
class Registry:
    """Dimensions, variables and indicators, with lookup by id.

    Build one with :func:`load_registry`. The lookups (``dimension_by_id``, ``variable_by_id``,
    ``indicator_by_id``) are read-only mappings; every entry is a frozen dataclass.
    """

    dimensions: tuple[Dimension, ...]
    variables: tuple[Variable, ...]
    indicators: tuple[Indicator, ...]
    dimension_by_id: Mapping[str, Dimension] = field(init=False, repr=False, compare=False)
    variable_by_id: Mapping[str, Variable] = field(init=False, repr=False, compare=False)
    indicator_by_id: Mapping[str, Indicator] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        dims = tuple(sorted(self.dimensions, key=lambda d: d.order))
        object.__setattr__(self, "dimensions", dims)
        object.__setattr__(self, "variables", tuple(self.variables))
        object.__setattr__(self, "indicators", tuple(self.indicators))
        for name, items in (
            ("dimension_by_id", self.dimensions),
            ("variable_by_id", self.variables),
            ("indicator_by_id", self.indicators),
        ):
            object.__setattr__(self, name, MappingProxyType({x.id: x for x in items}))

    def __reduce__(self):
        # Read-only mappings do not pickle; rebuild them (st.cache_data pickles return values).
        return (Registry, (self.dimensions, self.variables, self.indicators))

    # -- lookups ---------------------------------------------------------------------------------

    def indicators_for(self, variable_ids: Iterable[str]) -> list[Indicator]:
        """Return the indicators that the given (mapped) variables allow, in catalogue order.

        >>> [i.id for i in load_registry().indicators_for(["loneliness"])]
        ['lonely_share']
        """
        wanted = set(variable_ids)
        return [ind for ind in self.indicators if ind.variable in wanted]

    def indicators_in(self, dimension_id: str) -> list[Indicator]:
        """Return the indicators of one dimension, in catalogue order."""
        return [ind for ind in self.indicators if ind.dimension == dimension_id]

    def _column_candidates(self, column: object) -> list[tuple[tuple[int, int, int], str]]:
        """Score every hint against one column name: exact beats a whole-token match."""
        name = normalise_name(column)
        if not name:
            return []
        tokens = name.split("_")
        found: dict[str, tuple[int, int, int]] = {}
        for var in self.variables:
            for hint in var.hints:
                hint_tokens = hint.split("_")
                if hint == name:
                    score = (2, len(hint_tokens), len(hint))
                elif _contains_run(tokens, hint_tokens):
                    score = (1, len(hint_tokens), len(hint))
                else:
                    continue
                if score > found.get(var.id, (0, 0, 0)):
                    found[var.id] = score
        return sorted(((s, v) for v, s in found.items()), reverse=True)

    def match_column(self, column_name: object) -> str | None:
        """Return the id of the variable a column name points to, or None.

        Names are normalised (see :func:`normalise_name`). An exact hint match wins; otherwise a
        hint that appears in the name as whole words (``mean_stflife_2020`` contains
        ``stflife``), the longest such hint first. A tie between two variables gives None: a
        wrong guess is worse than none.

        >>> reg = load_registry()
        >>> reg.match_column("tevredenheid_woonomgeving"), reg.match_column("STFLIFE")
        ('environment_satisfaction', 'life_satisfaction')
        >>> reg.match_column("gemeente") is None
        True
        """
        candidates = self._column_candidates(column_name)
        if not candidates:
            return None
        if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
            return None
        return candidates[0][1]

    def suggest_mapping(self, columns: Iterable[object]) -> dict[str, object]:
        """Suggest which column holds which variable: ``{variable_id: column}``.

        Each column and each variable is used at most once; exact hint matches are assigned
        first, then the strongest whole-word matches, then in column order.

        >>> load_registry().suggest_mapping(["regio", "inkomen", "netto_inkomen", "eenzaam"])
        {'income': 'inkomen', 'loneliness': 'eenzaam'}
        """
        proposals = []
        for position, column in enumerate(columns):
            var_id = self.match_column(column)
            if var_id is not None:
                exact, n_tokens, length = self._column_candidates(column)[0][0]
                # Exact matches first, in column order; then the most specific partial match.
                key = (0, 0, 0, position) if exact == 2 else (1, -n_tokens, -length, position)
                proposals.append((key, position, var_id, column))
        proposals.sort()
        mapping: dict[str, object] = {}
        used_columns: set[int] = set()
        for _, position, var_id, column in proposals:
            if var_id not in mapping and position not in used_columns:
                mapping[var_id] = column
                used_columns.add(position)
        return mapping

    # -- combining and showing -----------------------------------------------------------------

    def merged(self, other: Registry) -> Registry:
        """Return this registry with ``other``'s entries added, or replacing entries by id.

        Replaced entries keep their place; new entries come after. The result is checked (an
        indicator must point to a known variable, a ``share:LABEL`` to one of its levels, ...)
        and a :class:`RegistryError` lists every problem. To add a user's catalogue *file*, use
        ``load_registry(extra=...)``, which can also change single fields of an entry.
        """
        dims = _merge_by_id(self.dimensions, other.dimensions)
        variables = _merge_by_id(self.variables, other.variables)
        var_by_id = {v.id: v for v in variables}
        indicators = []
        for ind in _merge_by_id(self.indicators, other.indicators):
            var = var_by_id.get(ind.variable)
            if var is not None and ind.spec.family == "share" and ind.spec.param in var.levels_nl:
                ind = replace(ind, level_position=var.levels_nl.index(ind.spec.param))
            indicators.append(ind)
        problems = _check_links(dims, variables, indicators, source="merged registry")
        if problems:
            raise _error(problems, "the merged registry")
        return Registry(tuple(dims), tuple(variables), tuple(indicators))

    def to_frame(self, lang: str = "nl"):
        """Return the indicators as a pandas DataFrame for display, one row per indicator.

        Columns: id, label, dimension, variable, measure, unit, polarity, perspective,
        beyond_average, description, rationale, reference (labels in ``lang``).
        """
        import pandas as pd

        _check_lang(lang)
        rows = []
        for ind in self.sorted_indicators():
            rows.append(
                {
                    "id": ind.id,
                    "label": ind.label(lang),
                    "dimension": self.dimension_by_id[ind.dimension].label(lang),
                    "variable": self.variable_by_id[ind.variable].label(lang),
                    "measure": ind.measure,
                    "unit": ind.unit(lang),
                    "polarity": POLARITY_LABELS[lang][ind.polarity],
                    "perspective": PERSPECTIVE_LABELS[lang][ind.perspective],
                    "beyond_average": ind.beyond_average,
                    "description": ind.description(lang),
                    "rationale": ind.rationale(lang),
                    "reference": ind.reference,
                }
            )
        columns = [
            "id",
            "label",
            "dimension",
            "variable",
            "measure",
            "unit",
            "polarity",
            "perspective",
            "beyond_average",
            "description",
            "rationale",
            "reference",
        ]
        return pd.DataFrame(rows, columns=columns)

    def sorted_indicators(self) -> list[Indicator]:
        """Return the indicators ordered by dimension, then by catalogue order."""
        order = {d.id: d.order for d in self.dimensions}
        return sorted(self.indicators, key=lambda ind: order.get(ind.dimension, math.inf))

    def format_value(self, indicator_id: str, value: object, lang: str = "nl") -> str:
        """Format a value of an indicator for display, with its decimals.

        Shares are shown as a percentage; Dutch uses a decimal comma and a thousands point,
        English the reverse; a missing value is shown as an en dash.

        >>> reg = load_registry()
        >>> reg.format_value("life_satisfaction_mean", 7.8123, "nl")
        '7,8'
        >>> reg.format_value("life_satisfaction_unsatisfied", 0.1243, "en")
        '12.4%'
        >>> reg.format_value("income_median", 31456.4, "nl"), reg.format_value("income_median", None)
        ('31.456', '–')
        """
        _check_lang(lang)
        ind = self.indicator_by_id[indicator_id]
        return format_display(value, ind.decimals, is_share=ind.is_share, lang=lang)


def format_display(value, decimals: int, *, is_share: bool = False, lang: str = "nl") -> str:
    """Format a value for display: the one rule for every tile, table, sentence and hover.

    A share (0 to 1) is shown as a percentage with ``decimals`` decimals ("18.4%"), anything
    else as a number with ``decimals`` decimals, or more for a small value counted in whole
    units (:func:`shown_decimals`: 29.3 thousand euros is not "29"); missing values as an en
    dash. Chart axes follow the same rule through :func:`indicators.charts.value_tickformat`
    (d3 ".1%").

    >>> format_display(0.1843, 1, is_share=True, lang="en"), format_display(0.1843, 1, lang="nl")
    ('18.4%', '0,2')
    >>> format_display(0.1034, 2, is_share=True, lang="nl"), format_display(None, 1, is_share=True)
    ('10,34%', '–')
    >>> format_display(31456.4, 0, lang="en"), format_display(29.34, 0, lang="en")
    ('31,456', '29.3')
    """
    decimals = shown_decimals(decimals, [value], is_share=is_share)
    text = format_number(value, decimals, lang)
    if is_share and text != "–" and math.isfinite(float(value)):
        return format_number(float(value) * 100, decimals, lang) + "%"
    return text


def shown_decimals(decimals: int, values: Iterable = (), *, is_share: bool = False) -> int:
    """Return the decimals values are shown with: ``decimals``, or more when values counted in
    whole units are small.

    An indicator in whole units (0 decimals: income in euros) can come in larger units in a
    user's file (thousands of euros: 29.3, 30.1). Values below 100 then get the decimals for
    three significant digits (at most two more), so that values that differ are shown apart;
    the largest of ``values`` decides, so numbers that are compared (a value, the one it
    changed from, their change) share their decimals. Shares and indicators with decimals
    keep their own.

    >>> shown_decimals(0, [31456.4]), shown_decimals(0, [29.3, 30.1]), shown_decimals(0, [3.42])
    (0, 1, 2)
    >>> shown_decimals(1, [7.81]), shown_decimals(0, [0.0]), shown_decimals(0, [float("nan")])
    (1, 0, 0)
    """
    d = int(decimals)
    if is_share or d > 0:
        return d
    sizes = []
    for v in values:
        try:
            size = abs(float(v))
        except (TypeError, ValueError):
            continue
        if math.isfinite(size):
            sizes.append(size)
    top = max(sizes, default=0.0)
    if top == 0 or top >= 100:
        return d
    return d + min(2, 2 - math.floor(math.log10(top)))


def format_number(value, decimals: int, lang: str = "nl") -> str:
    """Format a number with fixed decimals: decimal comma and point thousands in Dutch.

    Missing values show as an en dash, and a rounded zero never keeps a minus sign.

    >>> format_number(1234.5678, 2, "nl"), format_number(0.0312, 3, "en")
    ('1.234,57', '0.031')
    >>> format_number(-0.001, 1, "nl"), format_number(float("nan"), 1, "en"), format_number(None, 0)
    ('0,0', '–', '–')
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "–"
    if math.isnan(number):
        return "–"
    if math.isinf(number):
        return "∞" if number > 0 else "-∞"
    text = f"{number:,.{decimals}f}"
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0,0"
    if lang == "nl":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def _contains_run(tokens: list[str], run: list[str]) -> bool:
    k = len(run)
    return any(tokens[i : i + k] == run for i in range(len(tokens) - k + 1))


def _merge_by_id(base: Iterable[Any], extra: Iterable[Any]) -> list[Any]:
    merged = {x.id: x for x in base}
    merged.update({x.id: x for x in extra})
    return list(merged.values())


# ----------------------------------------------------------------------------------------------
# Reading and validating catalogue files
# ----------------------------------------------------------------------------------------------

# field -> (type, required). Types: "str", "text" (str, any case), "bool", "int", "number",
# "strings" (list of str), "oecd" (str or list of str). "required" may be a callable of the
# entry for fields required only for some kinds.
_STR, _BOOL, _INT, _NUM, _LIST = "str", "bool", "int", "number", "strings"
_FIELDS: dict[str, dict[str, str]] = {
    "dimension": {
        "id": _STR,
        "label_nl": _STR,
        "label_en": _STR,
        "oecd": "oecd",
        "order": _INT,
    },
    "variable": {
        "id": _STR,
        "label_nl": _STR,
        "label_en": _STR,
        "dimension": _STR,
        "unit_nl": _STR,
        "unit_en": _STR,
        "kind": _STR,
        "scale_min": _NUM,
        "scale_max": _NUM,
        "higher_is_better": _BOOL,
        "hints": _LIST,
        "levels_nl": _LIST,
        "levels_en": _LIST,
        "decimals": _INT,
        "regional": _BOOL,
        "wellbeing_low": _NUM,
        "wellbeing_high": _NUM,
        "wellbeing_source": _STR,
        "unfavourable": _STR,
        "unfavourable_source": _STR,
    },
    "indicator": {
        "id": _STR,
        "variable": _STR,
        "measure": _STR,
        "label_nl": _STR,
        "label_en": _STR,
        "description_nl": _STR,
        "description_en": _STR,
        "dimension": _STR,
        "perspective": _STR,
        "polarity": _STR,
        "beyond_average": _BOOL,
        "unit_nl": _STR,
        "unit_en": _STR,
        "decimals": _INT,
        "rationale_nl": _STR,
        "rationale_en": _STR,
        "reference": _STR,
    },
}
_REQUIRED = {
    "dimension": ("label_nl", "label_en"),
    "variable": ("label_nl", "label_en", "dimension", "kind"),
    "indicator": (
        "variable",
        "measure",
        "label_nl",
        "label_en",
        "description_nl",
        "description_en",
        "beyond_average",
    ),
}
_SECTIONS = ("dimension", "variable", "indicator")


@dataclass
class _Raw:
    """One entry as read from a file: its fields (after the file's common defaults)."""

    kind: str
    id: str
    fields: dict[str, Any]
    source: str
    defaults: dict[str, Any] = field(default_factory=dict)


def _source_name(source: object) -> str:
    if isinstance(source, str | os.PathLike):
        return Path(source).name
    name = getattr(source, "name", None)
    return Path(str(name)).name if name else "your catalogue"


def _read_text(source: object) -> tuple[str, str]:
    """Return (name, text) of a catalogue given as a path or a file-like object."""
    name = _source_name(source)
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise RegistryError(
                f"Catalogue file '{path}' not found. Give the path of a .toml file with "
                "[[dimension]], [[variable]] and [[indicator]] entries.",
                [f"{name}: file not found"],
            )
        data: bytes | str = path.read_bytes()
    elif hasattr(source, "read"):
        data = source.read()  # type: ignore[union-attr]
    else:
        raise TypeError(f"expected a path or a file-like object, not {type(source).__name__}")
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise RegistryError(
                f"{name} is not UTF-8 text (byte {err.start}). Save it as UTF-8 and try again.",
                [f"{name}: not UTF-8 text"],
            ) from None
    return name, data


def _parse_toml(name: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise RegistryError(
            f"{name} is not valid TOML: {err}. Check that line (quotes, '=' between key and "
            "value, [[indicator]] headers).",
            [f"{name}: not valid TOML: {err}"],
        ) from None


def _read_entries(name: str, doc: dict[str, Any], problems: list[str]) -> list[_Raw]:
    """Turn a parsed TOML document into raw entries, checking field names and types."""
    common: dict[str, dict[str, Any]] = {}
    for key, value in doc.items():
        if key == "common":
            if not isinstance(value, dict):
                problems.append(f"{name}: [common] must be a table")
                continue
            for kind, defaults in value.items():
                if kind not in _FIELDS or not isinstance(defaults, dict):
                    problems.append(
                        f"{name}: unknown block [common.{kind}] (expected [common.dimension], "
                        "[common.variable] or [common.indicator])"
                    )
                    continue
                for fname, fvalue in defaults.items():
                    where = f"{name}: [common.{kind}]"
                    if fname == "id" or fname not in _FIELDS[kind]:
                        problems.append(f"{where}: '{fname}' cannot have a shared default")
                    else:
                        _check_type(where, fname, _FIELDS[kind][fname], fvalue, problems)
                common[kind] = dict(defaults)
        elif key not in _SECTIONS:
            hint = f" (did you mean [[{key.rstrip('s')}]]?)" if key.rstrip("s") in _SECTIONS else ""
            problems.append(
                f"{name}: unknown section '{key}'{hint}; expected [[dimension]], [[variable]], "
                "[[indicator]] and [common]"
            )
        elif not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            problems.append(f"{name}: '{key}' must be written as [[{key}]] entries")

    entries: list[_Raw] = []
    for kind in _SECTIONS:
        seen: dict[str, int] = {}
        items = doc.get(kind, [])
        if not isinstance(items, list):
            continue
        for number, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                continue
            entry_id = item.get("id")
            if not isinstance(entry_id, str) or not entry_id.strip():
                problems.append(f"{name}: {kind} number {number}: missing id")
                continue
            where = f"{name}: {kind} '{entry_id}'"
            ok = True
            if not ID_RE.match(entry_id):
                problems.append(
                    f"{where}: bad id '{entry_id}': use lower-case letters, digits and "
                    "underscores, starting with a letter (pattern ^[a-z][a-z0-9_]*$)"
                )
                ok = False
            if entry_id in seen:
                problems.append(
                    f"{where}: duplicate id (entries {seen[entry_id]} and {number} of "
                    f"[[{kind}]]); give each entry its own id"
                )
                ok = False
            seen.setdefault(entry_id, number)
            for fname, fvalue in item.items():
                if fname not in _FIELDS[kind]:
                    close = _closest(fname, _FIELDS[kind])
                    problems.append(
                        f"{where}: unknown field '{fname}'"
                        + (f" (did you mean '{close}'?)" if close else "")
                    )
                    ok = False
                elif not _check_type(where, fname, _FIELDS[kind][fname], fvalue, problems):
                    ok = False
            if ok:
                entries.append(_Raw(kind, entry_id, item, name))
            else:
                entries.append(_Raw(kind, entry_id, {}, name))  # known id, unusable entry
    # The file's shared defaults; they apply to its new entries, not to overrides (see merge).
    for entry in entries:
        entry.defaults = dict(common.get(entry.kind, {}))
    return entries


def _closest(name: str, options: Iterable[str]) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, list(options), n=1, cutoff=0.7)
    return found[0] if found else None


def _check_type(where: str, fname: str, ftype: str, value: Any, problems: list[str]) -> bool:
    ok = True
    if ftype == _STR:
        ok = isinstance(value, str)
        expected = "text"
    elif ftype == _BOOL:
        ok = isinstance(value, bool)
        expected = "true or false"
    elif ftype == _INT:
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
        expected = "a whole number, 0 or more"
    elif ftype == _NUM:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        expected = "a number"
    elif ftype == _LIST:
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        expected = 'a list of texts, e.g. ["a", "b"]'
    else:  # oecd: text or list of texts
        ok = isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value)
        )
        expected = "a text or a list of texts"
    if not ok:
        problems.append(f"{where}: {fname} must be {expected}, not {value!r}")
    return ok


def _merge_raw(layers: list[list[_Raw]]) -> dict[str, dict[str, _Raw]]:
    """Merge entries of several files by id; a later file's fields override an earlier one's.

    A new entry gets its file's [common] defaults; an entry that overrides an earlier one by id
    keeps the earlier entry's fields and changes only the fields it gives.
    """
    merged: dict[str, dict[str, _Raw]] = {kind: {} for kind in _SECTIONS}
    for entries in layers:
        for entry in entries:
            existing = merged[entry.kind].get(entry.id)
            if not entry.fields:  # unusable entry: its problems are reported already
                fields = {}
            elif existing is None or not existing.fields:
                fields = {**entry.defaults, **entry.fields}
            else:
                fields = {**existing.fields, **entry.fields}
            merged[entry.kind][entry.id] = _Raw(entry.kind, entry.id, fields, entry.source)
    return merged


def _text_problems(where: str, fields: dict[str, Any], problems: list[str]) -> None:
    for fname, value in fields.items():
        if not isinstance(value, str):
            continue
        if fname.startswith("label_") and value.rstrip().endswith("."):
            problems.append(f"{where}: {fname} is a title and must not end with a period")
        if fname.startswith("unit_") and (value != value.lower() or "/" in value):
            problems.append(
                f"{where}: {fname} '{value}' must be lower-case and write 'per', not '/'"
            )


def _missing(where: str, fields: dict[str, Any], names: Iterable[str], problems: list[str]) -> bool:
    missing = [n for n in names if n not in fields or fields[n] in ("", None)]
    for n in missing:
        problems.append(f"{where}: missing {n}")
    return bool(missing)


def _build_dimension(raw: _Raw, problems: list[str]) -> Dimension | None:
    where = f"{raw.source}: dimension '{raw.id}'"
    f = raw.fields
    if _missing(where, f, _REQUIRED["dimension"], problems):
        return None
    _text_problems(where, f, problems)
    oecd = f.get("oecd", ())
    return Dimension(
        id=raw.id,
        label_nl=f["label_nl"].strip(),
        label_en=f["label_en"].strip(),
        oecd=(oecd,) if isinstance(oecd, str) else tuple(oecd),
        order=f.get("order", 100),
    )


def _build_variable(raw: _Raw, problems: list[str]) -> Variable | None:
    where = f"{raw.source}: variable '{raw.id}'"
    f = raw.fields
    if _missing(where, f, _REQUIRED["variable"], problems):
        return None
    n_before = len(problems)
    _text_problems(where, f, problems)
    kind = f["kind"]
    if kind not in KINDS:
        problems.append(f"{where}: bad kind '{kind}' (expected one of {', '.join(KINDS)})")
        return None
    levels_nl, levels_en = tuple(f.get("levels_nl", ())), tuple(f.get("levels_en", ()))
    if kind == "continuous":
        if levels_nl or levels_en:
            problems.append(
                f"{where}: levels_nl/levels_en apply only to ordinal, binary and nominal variables"
            )
        _missing(where, f, ("unit_nl", "unit_en"), problems)
    else:
        if not levels_nl or not levels_en:
            problems.append(f"{where}: a {kind} variable needs levels_nl and levels_en")
        elif len(levels_nl) != len(levels_en):
            problems.append(
                f"{where}: levels_nl has {len(levels_nl)} labels and levels_en "
                f"{len(levels_en)}; give the same labels in both languages, in the same order"
            )
        if kind == "binary" and levels_nl and len(levels_nl) != 2:
            problems.append(f"{where}: a binary variable needs exactly 2 levels (low, high)")
        if kind == "ordinal":
            _missing(where, f, ("unit_nl", "unit_en"), problems)
        for label, levels in (("levels_nl", levels_nl), ("levels_en", levels_en)):
            if len(set(levels)) != len(levels):
                problems.append(f"{where}: {label} has the same label twice")
    if kind == "nominal":
        if "higher_is_better" in f:
            problems.append(f"{where}: higher_is_better does not apply to a nominal variable")
    elif "higher_is_better" not in f:
        problems.append(f"{where}: missing higher_is_better (true or false)")
    lo, hi = f.get("scale_min"), f.get("scale_max")
    if lo is not None and hi is not None and lo >= hi:
        problems.append(f"{where}: scale_min ({lo}) must be below scale_max ({hi})")
    _cut_point_problems(where, f, kind, levels_nl, problems)
    hints = tuple(normalise_name(h) for h in f.get("hints", ()))
    if len(problems) > n_before:
        return None
    return Variable(
        id=raw.id,
        label_nl=f["label_nl"].strip(),
        label_en=f["label_en"].strip(),
        dimension=f["dimension"],
        kind=kind,
        unit_nl=f.get("unit_nl", ""),
        unit_en=f.get("unit_en", ""),
        scale_min=lo,
        scale_max=hi,
        higher_is_better=f.get("higher_is_better"),
        hints=tuple(dict.fromkeys(h for h in hints if h)),
        levels_nl=levels_nl,
        levels_en=levels_en,
        decimals=f.get("decimals", 1),
        regional=f.get("regional", False),
        wellbeing_low=f.get("wellbeing_low"),
        wellbeing_high=f.get("wellbeing_high"),
        wellbeing_source=f.get("wellbeing_source", ""),
        unfavourable=f.get("unfavourable", "").strip(),
        unfavourable_source=f.get("unfavourable_source", ""),
    )


# A condition on one value: an operator and a threshold ("<=5", ">=40", "=ja"); a threshold
# "poverty_line" is 0.6 x the year's weighted median of all regions (as the poverty rate).
CONDITION_RE = re.compile(r"^\s*(?P<op><=|>=|<|>|=)\s*(?P<value>\S.*?)\s*$")
POVERTY_LINE = "poverty_line"


def split_condition(condition: str) -> tuple[str, str] | None:
    """Return (operator, threshold) of a condition such as ``"<=5"``, or None if it is none.

    >>> split_condition("<= 5"), split_condition("=ja"), split_condition("5")
    (('<=', '5'), ('=', 'ja'), None)
    """
    found = CONDITION_RE.fullmatch(condition or "")
    return (found["op"], found["value"]) if found else None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _cut_point_problems(where, f, kind, levels_nl, problems) -> None:
    """Check the well-being cut points and the unfavourable outcome of a variable."""
    lo, hi = f.get("wellbeing_low"), f.get("wellbeing_high")
    if (lo is None) != (hi is None):
        problems.append(f"{where}: give wellbeing_low and wellbeing_high together")
    elif lo is not None:
        if kind == "nominal":
            problems.append(f"{where}: well-being cut points do not apply to a nominal variable")
        if lo >= hi:
            problems.append(
                f"{where}: wellbeing_low ({lo}) must be below wellbeing_high ({hi}): low is a "
                "score at or below wellbeing_low, high one at or above wellbeing_high"
            )
        smin = 1 if kind in ("ordinal", "binary") else f.get("scale_min")
        smax = len(levels_nl) if kind in ("ordinal", "binary") else f.get("scale_max")
        for name, value in (("wellbeing_low", lo), ("wellbeing_high", hi)):
            if (smin is not None and value < smin) or (smax is not None and value > smax):
                problems.append(f"{where}: {name} ({value}) lies outside the scale")
        if not f.get("wellbeing_source", "").strip():
            problems.append(f"{where}: the well-being cut points need their wellbeing_source")
    elif f.get("wellbeing_source"):
        problems.append(f"{where}: wellbeing_source without wellbeing_low and wellbeing_high")
    rule = f.get("unfavourable", "").strip()
    if not rule:
        if f.get("unfavourable_source"):
            problems.append(f"{where}: unfavourable_source without unfavourable")
        return
    parts = split_condition(rule)
    if parts is None:
        problems.append(
            f"{where}: unfavourable '{rule}' must be an operator (<, <=, >, >=, =) and a "
            'threshold, e.g. "<=5", ">=40", "<poverty_line" or "=ja"'
        )
    elif parts[0] == "=":
        if kind == "continuous" and not _is_number(parts[1]):
            problems.append(f"{where}: unfavourable '{rule}' compares a number with a text")
        elif kind != "continuous" and parts[1] not in levels_nl:
            problems.append(
                f"{where}: unfavourable '{rule}' names no answer of levels_nl "
                f"({', '.join(levels_nl)})"
            )
    elif not _is_number(parts[1]) and parts[1] != POVERTY_LINE:
        problems.append(
            f"{where}: unfavourable '{rule}' needs a number or {POVERTY_LINE} after {parts[0]}"
        )
    if rule and not f.get("unfavourable_source", "").strip():
        problems.append(f"{where}: the unfavourable outcome needs its unfavourable_source")


# The polarity rules of the measure table (indicators/stats/measures.toml) that _derived_polarity
# reads; checked on import, so that a rule added to the table without its meaning here fails.
POLARITY_RULES = ("lower_is_better", "variable", "inverse", "level", "none")
if set(TABLE.polarities) != set(POLARITY_RULES):
    raise MeasureTableError(
        f"{TABLE.source}: the polarity rules are {', '.join(TABLE.polarities)}; "
        f"indicators.registry knows {', '.join(POLARITY_RULES)}"
    )


def _derived_polarity(spec: MeasureSpec, var: Variable) -> str | None:
    """Return the polarity a measure of a variable must have, or None if it is not implied.

    The measure table's polarity rule says which: lower is better (inequality, poverty), as
    the variable, the opposite (a share below a threshold), or by the answer's place among
    the variable's levels (share:LABEL: upper half as the variable, lower half opposite).
    """
    rule = spec.entry.polarity
    if rule == "lower_is_better":
        return "lower_is_better"
    if rule == "none" or var.higher_is_better is None:
        return None
    good = "higher_is_better" if var.higher_is_better else "lower_is_better"
    bad = "lower_is_better" if var.higher_is_better else "higher_is_better"
    if rule == "variable":
        return good
    if rule == "inverse":
        return bad
    if rule == "level" and spec.param in var.levels_nl:
        k, pos = len(var.levels_nl), var.levels_nl.index(spec.param)
        if 2 * pos + 1 > k:  # upper half
            return good
        if 2 * pos + 1 < k:  # lower half
            return bad
    return None


def _default_unit(spec: MeasureSpec, var: Variable, lang: str) -> str:
    """Return the unit the measure table's unit rule gives a measure of this variable."""
    rule = TABLE.units[spec.entry.unit]
    return var.unit(lang) if rule.id == "variable" else getattr(rule, lang)


def _default_decimals(spec: MeasureSpec, var: Variable) -> int:
    """Return the decimals of the measure table, or the variable's where it says so."""
    decimals = spec.entry.decimals
    return var.decimals if decimals == "variable" else decimals


def _build_indicator(
    raw: _Raw, variables: Mapping[str, Variable], broken: set[str], problems: list[str]
) -> Indicator | None:
    where = f"{raw.source}: indicator '{raw.id}'"
    f = raw.fields
    if _missing(where, f, _REQUIRED["indicator"], problems):
        return None
    n_before = len(problems)
    _text_problems(where, f, problems)
    try:
        spec = parse_measure(f["measure"])
    except DataError as err:
        if str(err).startswith("Unknown measure"):
            known = ", ".join(TABLE.usage_names())
            problems.append(f"{where}: unknown measure '{f['measure']}' (known: {known})")
        else:
            problems.append(f"{where}: bad measure: {err}")
        spec = None
    perspective = f.get("perspective", "here_and_now")
    if perspective not in PERSPECTIVES:
        problems.append(
            f"{where}: bad perspective '{perspective}' (expected one of {', '.join(PERSPECTIVES)})"
        )
    polarity = f.get("polarity")
    if polarity is not None and polarity not in POLARITIES:
        problems.append(
            f"{where}: bad polarity '{polarity}' (expected higher_is_better or lower_is_better)"
        )
    var = variables.get(f["variable"])
    if var is None:
        if f["variable"] not in broken:
            problems.append(
                f"{where}: unknown variable '{f['variable']}' (known: {', '.join(variables)})"
            )
        return None
    if spec is None or len(problems) > n_before:
        return None
    fit = _measure_fit_problems(where, spec, var)
    if fit:
        problems += fit
        return None
    derived = _derived_polarity(spec, var)
    if polarity is None:
        if derived is None:
            problems.append(
                f"{where}: missing polarity; it cannot be derived for measure '{spec.text}' of "
                f"variable '{var.id}' (write polarity = \"higher_is_better\" or "
                '"lower_is_better")'
            )
            return None
        polarity = derived
    elif derived is not None and polarity != derived:
        problems.append(
            f"{where}: polarity '{polarity}' contradicts measure '{spec.text}' of variable "
            f"'{var.id}', which is better when {derived.split('_')[0]}"
        )
        return None
    position = None
    if spec.family == "share" and spec.param in var.levels_nl:
        position = var.levels_nl.index(spec.param)
    return Indicator(
        id=raw.id,
        variable=var.id,
        measure=f["measure"].strip(),
        spec=spec,
        label_nl=f["label_nl"].strip(),
        label_en=f["label_en"].strip(),
        description_nl=f["description_nl"].strip(),
        description_en=f["description_en"].strip(),
        dimension=f.get("dimension", var.dimension),
        perspective=perspective,
        polarity=polarity,
        beyond_average=f["beyond_average"],
        unit_nl=f.get("unit_nl", _default_unit(spec, var, "nl")),
        unit_en=f.get("unit_en", _default_unit(spec, var, "en")),
        decimals=f.get("decimals", _default_decimals(spec, var)),
        rationale_nl=f.get("rationale_nl", "").strip(),
        rationale_en=f.get("rationale_en", "").strip(),
        reference=f.get("reference", "").strip(),
        level_position=position,
    )


def _measure_fit_problems(where: str, spec: MeasureSpec, var: Variable) -> list[str]:
    """Check that a measure fits its variable: kind, share labels, thresholds on the scale."""
    problems: list[str] = []
    if var.kind in ("binary", "nominal") and spec.family != "share":
        problems.append(
            f"{where}: measure '{spec.text}' does not fit {var.kind} variable '{var.id}'; "
            "use share:LABEL with one of its levels"
        )
    if spec.family == "share":
        if not var.levels_nl:
            problems.append(
                f"{where}: measure '{spec.text}' needs a variable with levels, and "
                f"'{var.id}' has none; use share_below:T or share_at_least:T"
            )
        elif spec.param not in var.levels_nl:
            problems.append(
                f"{where}: share label '{spec.param}' is not among the levels_nl of variable "
                f"'{var.id}' ({', '.join(var.levels_nl)})"
            )
    if spec.family in ("share_below", "share_at_least"):
        lo, hi = var.scale
        t = float(spec.param)  # type: ignore[arg-type]
        if (lo is not None and t <= lo) or (hi is not None and t > hi):
            problems.append(
                f"{where}: threshold {spec.param:g} of '{spec.text}' lies outside the scale "
                f"of variable '{var.id}' ({lo:g} to {hi:g}), so the share is always 0% or 100%"
                if lo is not None and hi is not None
                else f"{where}: threshold {spec.param:g} of '{spec.text}' lies outside the "
                f"scale of variable '{var.id}'"
            )
    return problems


def _check_links(
    dimensions: Iterable[Dimension],
    variables: Iterable[Variable],
    indicators: Iterable[Indicator],
    source: str,
    broken: set[str] = frozenset(),  # type: ignore[assignment]
    sources: Mapping[tuple[str, str], str] | None = None,
) -> list[str]:
    """Check the references between entries: dimensions, variables, share labels, hints."""
    problems: list[str] = []
    sources = sources or {}
    dim_ids = {d.id for d in dimensions}
    var_by_id = {v.id: v for v in variables}
    known_dims = ", ".join(sorted(dim_ids))
    for var in var_by_id.values():
        where = f"{sources.get(('variable', var.id), source)}: variable '{var.id}'"
        if var.dimension not in dim_ids and var.dimension not in broken:
            problems.append(f"{where}: unknown dimension '{var.dimension}' (known: {known_dims})")
    for ind in indicators:
        where = f"{sources.get(('indicator', ind.id), source)}: indicator '{ind.id}'"
        var = var_by_id.get(ind.variable)
        inherited = var is not None and ind.dimension == var.dimension  # reported on the variable
        if ind.dimension not in dim_ids and ind.dimension not in broken and not inherited:
            problems.append(f"{where}: unknown dimension '{ind.dimension}' (known: {known_dims})")
        if var is None:
            if ind.variable not in broken:
                problems.append(f"{where}: unknown variable '{ind.variable}'")
            continue
        problems += _measure_fit_problems(where, ind.spec, var)
    owner: dict[str, str] = {}
    for var in var_by_id.values():
        for hint in var.hints:
            if hint in owner and owner[hint] != var.id:
                problems.append(
                    f"{sources.get(('variable', var.id), source)}: variable '{var.id}': hint "
                    f"'{hint}' is also a hint of variable '{owner[hint]}'; a column name must "
                    "point to one variable"
                )
            owner.setdefault(hint, var.id)
    return problems


def _error(problems: list[str], what: str) -> RegistryError:
    count = f"{len(problems)} problem" + ("s" if len(problems) != 1 else "")
    lines = "\n".join(f"  - {p}" for p in problems)
    return RegistryError(
        f"The indicator catalogue ({what}) has {count}; fix them and load it again:\n{lines}",
        problems,
    )


def _build(layers: list[tuple[str, str]]) -> Registry:
    """Build a registry from catalogue texts [(name, text), ...]; later ones override."""
    problems: list[str] = []
    entry_layers = []
    for name, text in layers:
        doc = _parse_toml(name, text)
        entry_layers.append(_read_entries(name, doc, problems))
    merged = _merge_raw(entry_layers)
    broken: set[str] = set()

    dimensions = []
    for raw in merged["dimension"].values():
        dim = _build_dimension(raw, problems) if raw.fields else None
        if dim is None:
            broken.add(raw.id)
        else:
            dimensions.append(dim)
    variables: dict[str, Variable] = {}
    for raw in merged["variable"].values():
        var = _build_variable(raw, problems) if raw.fields else None
        if var is None:
            broken.add(raw.id)
        else:
            variables[var.id] = var
    indicators = []
    for raw in merged["indicator"].values():
        ind = _build_indicator(raw, variables, broken, problems) if raw.fields else None
        if ind is not None:
            indicators.append(ind)
    sources = {(k, i): raw.source for k in _SECTIONS for i, raw in merged[k].items()}
    problems += _check_links(
        dimensions, variables.values(), indicators, "", broken=broken, sources=sources
    )
    if problems:
        raise _error(problems, " + ".join(name for name, _ in layers))
    return Registry(tuple(dimensions), tuple(variables.values()), tuple(indicators))


@functools.lru_cache(maxsize=1)
def _packaged_text() -> str:
    return (
        resources.files("indicators.registry").joinpath("catalog.toml").read_text(encoding="utf-8")
    )


@functools.lru_cache(maxsize=1)
def _packaged_registry() -> Registry:
    return _build([(PACKAGED_NAME, _packaged_text())])


def load_registry(
    path: str | os.PathLike | BinaryIO | TextIO | None = None,
    *,
    extra: str | os.PathLike | BinaryIO | TextIO | None = None,
) -> Registry:
    """Load the indicator registry: the packaged catalogue, optionally extended.

    Parameters
    ----------
    path : path or file-like, optional
        A catalogue to use instead of the packaged ``indicators/registry/catalog.toml``.
    extra : path or file-like, optional
        A user's own catalogue (same schema) on top: new dimensions, variables and indicators
        are added; an entry with an existing id overrides the fields it gives (``[[variable]]``
        with ``id = "income"`` and ``hints = [...]`` changes only the hints).

    Raises
    ------
    RegistryError
        When a file is missing, is not valid TOML, or has entries that do not validate; the
        message lists every problem, naming the file, the entry and the field.
    """
    if path is None and extra is None:
        return _packaged_registry()
    layers = [_read_text(path) if path is not None else (PACKAGED_NAME, _packaged_text())]
    if extra is not None:
        layers.append(_read_text(extra))
    return _build(layers)


# ----------------------------------------------------------------------------------------------
# Documentation: the README table
# ----------------------------------------------------------------------------------------------


def registry_markdown(reg: Registry | None = None) -> str:
    """Return the markdown table of indicators for README.md, ordered by dimension.

    >>> print(registry_markdown().splitlines()[0])
    | id | indicator | dimension | measure | beyond the average |
    """
    reg = reg or load_registry()

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [
        "| id | indicator | dimension | measure | beyond the average |",
        "|---|---|---|---|:---:|",
    ]
    for ind in reg.sorted_indicators():
        dim = reg.dimension_by_id[ind.dimension].label("en")
        tick = "✓" if ind.beyond_average else ""
        lines.append(
            f"| `{ind.id}` | {cell(ind.label('en'))} | {cell(dim)} | `{cell(ind.measure)}` "
            f"| {tick} |"
        )
    return "\n".join(lines) + "\n"


def readme_block(text: str) -> str:
    """Return what stands between the indicator markers of a README text."""
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    return text[start:end].strip("\n") + "\n"


def update_readme(path: str | os.PathLike, reg: Registry | None = None) -> bool:
    """Rewrite the indicator table in a README between its markers; return whether it changed."""
    readme = Path(path)
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    new = text[:start] + "\n" + registry_markdown(reg) + text[end:]
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


def main(argv: list[str] | None = None) -> int:
    """Command line: print the README table, check a catalogue, or update README.md."""
    parser = argparse.ArgumentParser(
        prog="python -m indicators.registry",
        description="Show or check the broad-welfare indicator catalogue.",
    )
    parser.add_argument("--markdown", action="store_true", help="print the README table")
    parser.add_argument(
        "--check", metavar="FILE", help="check your own catalogue file on top of the packaged one"
    )
    parser.add_argument(
        "--update-readme", metavar="README", help="rewrite the indicator table in this README"
    )
    args = parser.parse_args(argv)
    try:
        reg = load_registry(extra=args.check) if args.check else load_registry()
    except RegistryError as err:
        print(err, file=sys.stderr)
        return 1
    if args.check:
        print(
            f"{args.check}: OK ({len(reg.dimensions)} dimensions, {len(reg.variables)} "
            f"variables, {len(reg.indicators)} indicators in total)"
        )
    if args.markdown:
        sys.stdout.write(registry_markdown(reg))
    if args.update_readme:
        changed = update_readme(args.update_readme, reg)
        print(f"{args.update_readme}: {'updated' if changed else 'already up to date'}")
    if not (args.markdown or args.check or args.update_readme):
        parser.print_help()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
