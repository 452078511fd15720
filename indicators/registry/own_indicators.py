"""Own indicators: an indicator the user makes (a variable, a measure, names, dimension,
polarity and rationale) written as a catalogue file of the packaged schema.

The file is the user's catalogue: it is read by :func:`indicators.registry.catalog.load_registry`
as any catalogue is, so an own indicator is validated with the same messages, reaches every
page and command the same way, and a later upload of the file restores it. A variable or
dimension the packaged catalogue does not have (an own variable of the user's file, the
dimension "Your own data") is written into the file too, else it would not load.
"""

from __future__ import annotations

import io
import json
import math
import tomllib
from dataclasses import dataclass, fields, replace

from indicators.dataset.mapping import normalise_name
from indicators.errors import DataError
from indicators.registry.catalog import POLARITIES, Registry, Variable, load_registry
from indicators.stats.measures import parse_measure

FILE_NAME = "own_indicators.toml"
# measures offered per kind of variable (the names of the measure table; T and LABEL are filled)
MEASURES = {
    "continuous": (
        "mean",
        "median",
        "p10",
        "p25",
        "p75",
        "p90",
        "share_below:T",
        "share_at_least:T",
        "sd",
        "gini",
        "mld",
        "theil",
        "s80s20",
        "palma",
    ),
    "ordinal": ("mean", "median", "p10", "p90", "share_below:T", "share_at_least:T", "share:LABEL"),
    "binary": ("share:LABEL",),
    "nominal": ("share:LABEL",),
}


@dataclass(frozen=True)
class OwnIndicator:
    """What the user chose for an indicator of their own."""

    variable: str
    measure: str  # written out: "share_below:6", "share:very happy", "p10"
    label_nl: str
    label_en: str
    dimension: str
    polarity: str = "higher_is_better"
    rationale_nl: str = ""
    rationale_en: str = ""


def measures_for(variable: Variable) -> tuple[str, ...]:
    """Return the measure names that fit a variable's kind (``share:LABEL`` only with levels).

    >>> reg = load_registry()
    >>> measures_for(reg.variable_by_id["life_satisfaction"])[:3]
    ('mean', 'median', 'p10')
    """
    names = MEASURES.get(variable.kind, ())
    if not variable.levels_nl:
        names = tuple(n for n in names if n != "share:LABEL")
    return names


def measure_label(name: str, lang: str) -> str:
    """Return a measure name's short label from the measure table, a parameter to choose shown
    as "…".

    >>> measure_label("p10", "en"), measure_label("share_below:T", "en"), measure_label("gini", "nl")
    ('P10', 'share below …', 'Gini-coëfficiënt')
    """
    from indicators.stats.measure_table import TABLE

    entry = TABLE.by_name[name]
    if entry.is_pattern:
        return entry.label(lang, **{entry.parameter: "…"})
    values = {}
    if entry.parameter:
        spec = parse_measure(name)
        values[entry.parameter] = (
            f"{spec.param * 100:g}" if entry.parameter_kind == "percent" else spec.param
        )
    return entry.label(lang, **values)


def written(name: str, parameter=None) -> str:
    """Return a measure name with its parameter written in (``share_below:T`` and 6 give
    ``share_below:6``; a number is written without trailing zeros).

    >>> written("share_below:T", 6.0), written("share:LABEL", "very happy"), written("gini")
    ('share_below:6', 'share:very happy', 'gini')
    """
    if name.endswith(":T"):
        return f"{name[:-2]}:{float(parameter):g}"
    if name.endswith(":LABEL"):
        return f"{name[:-6]}:{str(parameter).strip()}"
    return name


def _problem(key: str, **values) -> DataError:
    return DataError.from_text(f"own_indicators.{key}", **values)


def check(item: OwnIndicator, registry: Registry) -> None:
    """Raise a :class:`DataError` (nl/en) for a choice that cannot make an indicator: no
    name, an unknown variable, a measure that does not fit, an answer the variable does not
    have, a threshold outside the variable's scale."""
    if not item.label_nl.strip() or not item.label_en.strip():
        raise _problem("no_name")
    variable = registry.variable_by_id.get(item.variable)
    if variable is None:
        raise _problem("unknown_variable", variable=item.variable)
    if item.polarity not in POLARITIES:
        raise _problem("bad_polarity", polarity=item.polarity)
    if item.dimension not in registry.dimension_by_id:
        raise _problem("unknown_dimension", dimension=item.dimension)
    try:
        spec = parse_measure(item.measure)
    except ValueError:
        raise _problem("bad_measure", measure=item.measure) from None
    family = spec.family
    offered = {n.split(":")[0] for n in measures_for(variable)}
    if spec.text.split(":")[0] not in offered and family not in offered:
        raise _problem("measure_not_for_kind", measure=item.measure, variable=variable.label_en)
    if family == "share":
        levels = [*variable.levels_nl, *variable.levels_en]
        if str(spec.param) not in levels:
            answers = ", ".join(f"'{lab}'" for lab in variable.levels_nl)
            raise _problem("unknown_answer", answer=spec.param, answers=answers)
    if family in ("share_below", "share_at_least"):
        low, high = variable.scale_min, variable.scale_max
        if not math.isfinite(float(spec.param)):
            raise _problem("bad_threshold", threshold=spec.param)
        if low is not None and high is not None and not (low < spec.param <= high):
            raise _problem("threshold_outside", threshold=f"{spec.param:g}", low=low, high=high)


def indicator_id(item: OwnIndicator, taken) -> str:
    """Return a new id from the English name (``my_`` and the name), unique among ``taken``.

    >>> indicator_id(OwnIndicator("x", "mean", "Mijn", "Very happy (%)", "own"), {"my_very_happy"})
    'my_very_happy_2'
    """
    base = "my_" + (normalise_name(item.label_en) or "indicator")
    found, number = base, 1
    while found in taken:
        number += 1
        found = f"{base}_{number}"
    return found


def _value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a TOML basic string


def _table(kind: str, values: dict) -> str:
    lines = [f"[[{kind}]]"]
    keep = ("unit_nl", "unit_en")  # a variable's unit is required, even when it has none
    lines += [
        f"{key} = {_value(v)}"
        for key, v in values.items()
        if v is not None and (v not in ("", ()) or key in keep)
    ]
    return "\n".join(lines) + "\n"


def _catalogue_unit(unit: str, variable: Variable) -> str:
    """A unit as the catalogue's style rule wants it (lower case, "per" for "/"); a variable
    in an order without one is a score 1..k, a number without one a value."""
    unit = " per ".join(part.strip() for part in unit.split("/")).lower().strip()
    if unit:
        return unit
    if variable.kind in ("ordinal", "binary"):
        return f"score 1-{len(variable.levels_nl)}"
    return "value" if variable.kind == "continuous" else ""


def _variable_entry(variable: Variable, item: OwnIndicator) -> dict:
    """The catalogue entry of an own variable (the catalogue's rules: a unit, a direction)."""
    unit_nl = _catalogue_unit(variable.unit_nl, variable)
    unit_en = _catalogue_unit(variable.unit_en, variable)
    better = variable.higher_is_better
    if better is None and variable.kind != "nominal":
        # no direction known for the variable: the one the user gave this indicator
        spec = parse_measure(item.measure)
        better = (item.polarity == "higher_is_better") != (spec.family == "share_below")
    variable = replace(variable, unit_nl=unit_nl, unit_en=unit_en, higher_is_better=better)
    skip = {"hints"}  # an own variable is tied by the mapping, not suggested by name
    out = {}
    for f in fields(variable):
        value = getattr(variable, f.name)
        if f.name in skip or value is None or value == f.default:
            continue
        out[f.name] = value
    out.setdefault("id", variable.id)
    out.setdefault("unit_nl", variable.unit_nl)
    out.setdefault("unit_en", variable.unit_en)
    return out


def add(catalogue: str | None, item: OwnIndicator, registry: Registry) -> tuple[str, str]:
    """Return (the catalogue text with ``item`` added, the new indicator's id).

    ``catalogue`` is the user's catalogue file in use (or None); ``registry`` the one the item
    was chosen from (with the data's own variables). The result loads with
    :func:`load_registry` (checked here: a problem raises its :class:`RegistryError`).
    """
    check(item, registry)
    text = catalogue or ""
    try:
        doc = tomllib.loads(text) if text else {}
    except tomllib.TOMLDecodeError as err:
        raise _problem("bad_file", error=str(err)) from None
    packaged = load_registry()
    have = {
        kind: {entry.get("id") for entry in doc.get(kind, []) if isinstance(entry, dict)}
        for kind in ("dimension", "variable", "indicator")
    }
    blocks = []
    dimension = registry.dimension_by_id[item.dimension]
    if item.dimension not in packaged.dimension_by_id and item.dimension not in have["dimension"]:
        blocks.append(
            _table(
                "dimension",
                {
                    "id": dimension.id,
                    "label_nl": dimension.label_nl,
                    "label_en": dimension.label_en,
                    "order": dimension.order,
                },
            )
        )
    variable = registry.variable_by_id[item.variable]
    if item.variable not in packaged.variable_by_id and item.variable not in have["variable"]:
        own_dim = variable.dimension
        new_dim = own_dim not in packaged.dimension_by_id and own_dim not in have["dimension"]
        if new_dim and own_dim != item.dimension:
            d = registry.dimension_by_id[own_dim]
            blocks.append(
                _table(
                    "dimension",
                    {"id": d.id, "label_nl": d.label_nl, "label_en": d.label_en},
                )
            )
        blocks.append(_table("variable", _variable_entry(variable, item)))
    taken = {ind.id for ind in registry.indicators} | have["indicator"]
    new_id = indicator_id(item, taken)
    spec = parse_measure(item.measure)
    entry = {
        "id": new_id,
        "variable": item.variable,
        "measure": spec.text,
        "label_nl": item.label_nl.strip(),
        "label_en": item.label_en.strip(),
        "description_nl": _description(spec, variable, "nl"),
        "description_en": _description(spec, variable, "en"),
        "dimension": item.dimension,
        "polarity": item.polarity,
        "beyond_average": spec.family != "mean",
        "rationale_nl": item.rationale_nl.strip(),
        "rationale_en": item.rationale_en.strip(),
    }
    blocks.append(_table("indicator", entry))
    head = "" if text else _header()
    joined = text.rstrip("\n") + "\n\n" if text.strip() else head
    out = joined + "\n".join(blocks)
    source = io.BytesIO(out.encode("utf-8"))
    source.name = FILE_NAME
    load_registry(extra=source)  # the same checks as any catalogue file
    return out, new_id


def _header() -> str:
    return (
        "# Own indicators of the broad-welfare dashboard (the schema of the packaged catalogue;\n"
        "# upload this file on the Indicators page, or pass it with --catalog).\n\n"
    )


def _description(spec, variable: Variable, lang: str) -> str:
    """The measure in words, for the variable (``explain.measure_in_words``)."""
    from indicators.registry.explain import measure_in_words

    class _Shown:  # what measure_in_words reads of an indicator
        pass

    shown = _Shown()
    shown.spec = spec
    shown.variable = variable.id
    shown.level_position = None
    reg = Registry((), (variable,), ())
    words = measure_in_words(shown, reg, lang)
    return f"{variable.label(lang)}: {words}"


def indicators_of(catalogue: str) -> list[str]:
    """Return the ids of the indicators a catalogue file defines (in file order)."""
    doc = tomllib.loads(catalogue)
    return [e["id"] for e in doc.get("indicator", []) if isinstance(e, dict) and "id" in e]
