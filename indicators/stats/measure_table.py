"""The measure table: every measure's family, parameters, unit, polarity, decimals and words.

The table is data (``indicators/stats/measures.toml``, package data), loaded and checked once, on
import: a problem names the entry and the field. The parser and both engines
(:mod:`indicators.measures`, :mod:`indicators.grouped`), the registry's unit, polarity and
decimal rules, the explain texts, the command line's help and README.md's measure list read
it. Standard library only, so that every layer can import it.

Examples
--------
>>> TABLE.entry("gini").unit, TABLE.entry("gini").polarity, TABLE.entry("gini").decimals
('index', 'lower_is_better', 3)
>>> TABLE.entry("share_below:T").parameter, TABLE.entry("share_below:T").is_share
('threshold', True)
>>> TABLE.default_names()[:3]
('mean', 'median', 'p10')
"""

from __future__ import annotations

import argparse
import math
import os
import re
import string
import sys
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from indicators.errors import DataError

__all__ = [
    "PACKAGED_NAME",
    "README_END",
    "README_START",
    "TABLE",
    "MeasureEntry",
    "MeasureTable",
    "MeasureTableError",
    "load_measure_table",
    "measures_markdown",
    "update_readme",
]

PACKAGED_NAME = "indicators/stats/measures.toml"
README_START = "<!-- measures:start -->"
README_END = "<!-- measures:end -->"
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
PATTERN_RE = re.compile(r"^([a-z][a-z0-9_]*?)([:_]?)([A-Z]+)$")  # pNN, atkinson_E, share:LABEL
PARAMETER_KINDS = ("percent", "number", "text")
LANGS = ("nl", "en")
EXTRA_PLACEHOLDERS = {"what"}  # a score or a value: said by the explain texts


class MeasureTableError(DataError):
    """The measure table cannot be used; ``problems`` lists every problem, one per line."""

    def __init__(self, message: str, problems=()):
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems)


@dataclass(frozen=True)
class Rule:
    """A unit or polarity rule: its words (a unit's nl/en text) and how the docs say it."""

    id: str
    doc: str
    nl: str = ""
    en: str = ""
    percent: bool = False


@dataclass(frozen=True)
class MeasureEntry:
    """One row of the measure table: a measure name, or a pattern with one parameter."""

    name: str
    family: str
    unit: str
    polarity: str
    decimals: int | str
    label_nl: str
    label_en: str
    words_nl: str
    words_en: str
    parameter: str | None = None
    parameter_kind: str | None = None
    above: float | None = None
    example: str = ""
    fixed: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))
    positive_only: bool = False
    default: bool | tuple = False
    part_of: str | None = None
    part: str | None = None
    prefix: str = ""  # a pattern's name before its parameter ("share_below")
    separator: str = ""  # between prefix and parameter (":", "_" or none, as in pNN)
    is_share: bool = False  # its unit is a share (0 to 1), shown as a percentage

    @property
    def is_pattern(self) -> bool:
        """Whether the name has a parameter written in it (pNN, share_below:T)."""
        return bool(self.prefix)

    def label(self, lang: str = "nl", **values) -> str:
        """Return the short label in ``lang``, with the parameter filled in."""
        return _fill(getattr(self, f"label_{_lang(lang)}"), values)

    def words(self, lang: str = "nl", **values) -> str:
        """Return the sentence fragment in ``lang``, with the placeholders filled in."""
        return _fill(getattr(self, f"words_{_lang(lang)}"), values)

    def default_names(self) -> tuple[str, ...]:
        """Return the measure names this entry adds to the default list."""
        if self.default is True:
            return (self.name,)
        if not self.default:
            return ()
        return tuple(self.written(value) for value in self.default)

    def written(self, value) -> str:
        """Return a pattern written out with a parameter value (``atkinson_0.5``)."""
        if self.parameter_kind == "number":
            return f"{self.prefix}{self.separator}{float(value):g}"
        if self.parameter_kind == "percent":
            return f"{self.prefix}{self.separator}{round(float(value) * 100):d}"
        return f"{self.prefix}{self.separator}{value}"


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"language must be 'nl' or 'en', not {lang!r}")
    return lang


def _fill(text: str, values) -> str:
    return text.format(**values) if values else text


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class MeasureTable:
    """The checked measure table: entries in file order, looked up by name or family."""

    def __init__(self, entries, units, polarities, source: str = PACKAGED_NAME):
        self.source = source
        self.entries: tuple[MeasureEntry, ...] = tuple(entries)
        self.units: MappingProxyType = MappingProxyType(dict(units))
        self.polarities: MappingProxyType = MappingProxyType(dict(polarities))
        self.by_name = MappingProxyType({e.name: e for e in self.entries})
        # longest prefix first: share_below:T before share:LABEL
        self.patterns = tuple(
            sorted((e for e in self.entries if e.is_pattern), key=lambda e: -len(e.prefix))
        )
        self.families = tuple(dict.fromkeys(e.family for e in self.entries))

    def entry(self, name: str) -> MeasureEntry:
        """Return the entry of this name (a measure name or a pattern such as ``pNN``)."""
        try:
            return self.by_name[name]
        except KeyError:
            raise KeyError(f"no measure '{name}' in {self.source}") from None

    def entry_of(self, family: str, param=None, text: str = "") -> MeasureEntry:
        """Return the entry that describes a parsed measure.

        Its own name when the table has it; else an entry of the family that fixes the same
        parameter (``p50`` reads as the median); else the family's pattern.
        """
        if text in self.by_name:
            return self.by_name[text]
        for e in self.entries:
            if e.family == family and e.parameter and not e.is_pattern and e.part is None:
                fixed = e.fixed.get(e.parameter)
                if fixed is not None and param is not None and math.isclose(fixed, param):
                    return e
        for e in self.patterns:
            if e.family == family:
                return e
        for e in self.entries:
            if e.family == family and e.part is None:
                return e
        raise KeyError(f"no measure of family '{family}' in {self.source}")

    def measures(self) -> tuple[MeasureEntry, ...]:
        """Return the entries one can ask for (not the parts of a decomposition)."""
        return tuple(e for e in self.entries if e.part is None)

    def default_names(self) -> tuple[str, ...]:
        """Return the default measure names, in table order."""
        return tuple(name for e in self.measures() for name in e.default_names())

    def usage_names(self) -> tuple[str, ...]:
        """Return every measure as the docs write it (names and patterns), in table order."""
        return tuple(e.name for e in self.measures())

    def parts(self, measure: str) -> tuple[MeasureEntry, ...]:
        """Return the named parts of a decomposition of ``measure`` (theil: between, within)."""
        return tuple(e for e in self.entries if e.part_of == measure)


# ----------------------------------------------------------------------------------------------
# Loading and checking
# ----------------------------------------------------------------------------------------------

_REQUIRED = (
    "name",
    "family",
    "unit",
    "polarity",
    "decimals",
    "label_nl",
    "label_en",
    "words_nl",
    "words_en",
)
_TYPES: dict[str, Any] = {
    "name": str,
    "family": str,
    "unit": str,
    "polarity": str,
    "decimals": (int, str),
    "label_nl": str,
    "label_en": str,
    "words_nl": str,
    "words_en": str,
    "parameter": str,
    "parameter_kind": str,
    "above": (int, float),
    "example": str,
    "fixed": dict,
    "positive_only": bool,
    "default": (bool, list),
    "part_of": str,
    "part": str,
}
_TYPE_WORDS = {
    str: "text",
    bool: "true or false",
    dict: "a table",
    (int, str): 'a whole number or "variable"',
    (int, float): "a number",
    (bool, list): "true, false or a list of parameters",
}


def load_measure_table(text: str | None = None, source: str = PACKAGED_NAME) -> MeasureTable:
    """Read and check a measure table (by default the packaged one).

    Raises
    ------
    MeasureTableError
        Listing every problem found, each naming the file, the entry and the field.

    Examples
    --------
    >>> try:
    ...     load_measure_table('[[measure]]\\nname = "mean"\\nunit = "euro"\\n', "mine.toml")
    ... except MeasureTableError as err:
    ...     print(len(err.problems), err.problems[2])
    9 mine.toml: measure 'mean': missing field 'family'
    """
    if text is None:
        text = resources.files("indicators.stats").joinpath("measures.toml").read_text("utf-8")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise MeasureTableError(f"{source} is not valid TOML: {err}", [str(err)]) from None
    problems: list[str] = []
    units = _rules(raw, "unit", source, problems)
    polarities = _rules(raw, "polarity", source, problems)
    items = raw.get("measure", [])
    if not isinstance(items, list) or not items:
        problems.append(f"{source}: no [[measure]] entries")
        items = []
    for key in set(raw) - {"unit", "polarity", "measure"}:
        problems.append(f"{source}: unknown section '{key}' (expected unit, polarity, measure)")
    entries: list[MeasureEntry] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        entry = _entry(item, i, units, polarities, source, problems)
        if entry is None:
            continue
        if entry.name in seen:
            problems.append(f"{source}: measure '{entry.name}': the name is given twice")
        seen.add(entry.name)
        entries.append(entry)
    for e in entries:
        if e.part_of is not None and e.part_of not in seen:
            problems.append(
                f"{source}: measure '{e.name}': field 'part_of': no measure '{e.part_of}'"
            )
    if problems:
        head = f"{source} has {len(problems)} problem{'s' if len(problems) > 1 else ''}:"
        raise MeasureTableError("\n".join([head, *problems]), problems)
    return MeasureTable(entries, units, polarities, source)


def _rules(raw, section: str, source: str, problems: list[str]) -> dict[str, Rule]:
    rules = {}
    table = raw.get(section, {})
    if not isinstance(table, dict) or not table:
        problems.append(f"{source}: no [{section}.*] rules")
        return rules
    for rid, fields in table.items():
        where = f"{source}: {section} rule '{rid}'"
        if not isinstance(fields, dict):
            problems.append(f"{where}: expected a table of fields")
            continue
        unknown = set(fields) - {"doc", "nl", "en", "percent"}
        for key in sorted(unknown):
            problems.append(f"{where}: unknown field '{key}'")
        if not isinstance(fields.get("doc"), str) or not fields.get("doc"):
            problems.append(f"{where}: field 'doc' must be text saying what the rule means")
        if section == "unit" and rid != "variable":
            for lang in LANGS:
                if not isinstance(fields.get(lang), str) or not fields.get(lang):
                    problems.append(f"{where}: missing field '{lang}' (the unit in {lang})")
        rules[rid] = Rule(
            rid,
            str(fields.get("doc", "")),
            str(fields.get("nl", "")),
            str(fields.get("en", "")),
            bool(fields.get("percent", False)),
        )
    return rules


def _is(value, expected) -> bool:
    """isinstance, except that true and false are not numbers."""
    if isinstance(value, bool):
        return expected is bool or (isinstance(expected, tuple) and bool in expected)
    return isinstance(value, expected)


def _entry(item, i, units, polarities, source, problems) -> MeasureEntry | None:
    if not isinstance(item, dict):
        problems.append(f"{source}: measure number {i + 1}: expected a table of fields")
        return None
    name = item.get("name")
    where = f"{source}: measure '{name}'" if isinstance(name, str) else f"{source}: measure {i + 1}"
    n_before = len(problems)
    for key in _REQUIRED:
        if key not in item:
            problems.append(f"{where}: missing field '{key}'")
    for key, value in item.items():
        expected = _TYPES.get(key)
        if expected is None:
            problems.append(f"{where}: unknown field '{key}' (known: {', '.join(_TYPES)})")
        elif not _is(value, expected):
            problems.append(f"{where}: field '{key}' must be {_TYPE_WORDS[expected]}")
    if len(problems) > n_before:
        return None

    prefix = separator = ""
    pattern = PATTERN_RE.match(name)
    if pattern:
        prefix, separator = pattern.group(1), pattern.group(2)
    elif not NAME_RE.match(name):
        problems.append(
            f"{where}: field 'name' must be lower case letters, digits and _, or a pattern "
            "ending in capitals for its parameter (share_below:T)"
        )
    if item["unit"] not in units:
        problems.append(
            f"{where}: field 'unit': unknown rule '{item['unit']}' (known: {', '.join(units)})"
        )
    if item["polarity"] not in polarities:
        problems.append(
            f"{where}: field 'polarity': unknown rule '{item['polarity']}' (known: "
            f"{', '.join(polarities)})"
        )
    decimals = item["decimals"]
    if isinstance(decimals, str) and decimals != "variable":
        problems.append(f"{where}: field 'decimals' must be a whole number or \"variable\"")
    elif isinstance(decimals, int) and not 0 <= decimals <= 6:
        problems.append(f"{where}: field 'decimals' must lie between 0 and 6")

    parameter, kind = item.get("parameter"), item.get("parameter_kind")
    fixed = dict(item.get("fixed", {}))
    for key, value in fixed.items():
        if not _is(value, (int, float)):
            problems.append(f"{where}: field 'fixed': '{key}' must be a number")
    if parameter is not None and kind not in PARAMETER_KINDS:
        problems.append(
            f"{where}: field 'parameter_kind' must be one of {', '.join(PARAMETER_KINDS)}"
        )
    if pattern and parameter is None:
        problems.append(f"{where}: a pattern needs field 'parameter' (the name of its value)")
    if pattern and parameter in fixed:
        problems.append(f"{where}: field 'fixed' fixes '{parameter}', the pattern's parameter")
    if parameter is not None and not pattern and parameter not in fixed:
        problems.append(f"{where}: field 'fixed' must give '{parameter}' (the name fixes it)")
    if kind == "percent" and pattern and separator:
        problems.append(f"{where}: a percent pattern is written without separator (pNN)")
    example = item.get("example", "")
    if pattern and not example:
        problems.append(f"{where}: missing field 'example' (the pattern written out)")
    if example and pattern and not example.startswith(prefix):
        problems.append(f"{where}: field 'example' '{example}' does not start with '{prefix}'")

    allowed = ({parameter} if parameter else set()) | EXTRA_PLACEHOLDERS
    for key in ("label_nl", "label_en", "words_nl", "words_en"):
        text = item[key]
        if not text.strip():
            problems.append(f"{where}: field '{key}' is empty")
            continue
        try:
            extra = _placeholders(text) - allowed
        except ValueError as err:
            problems.append(f"{where}: field '{key}': {err}")
            continue
        if extra:
            problems.append(
                f"{where}: field '{key}' has placeholder(s) {', '.join(sorted(extra))}; "
                f"allowed: {', '.join(sorted(allowed))}"
            )
    if (item.get("part_of") is None) != (item.get("part") is None):
        problems.append(f"{where}: fields 'part_of' and 'part' go together")
    default = item.get("default", False)
    if isinstance(default, list):
        if not pattern:
            problems.append(f"{where}: field 'default' lists parameters, but the name has none")
        elif kind in ("number", "percent") and not all(_is(v, (int, float)) for v in default):
            problems.append(f"{where}: field 'default' must list numbers")
        default = tuple(default)
    elif default is True and pattern:
        problems.append(f"{where}: field 'default' of a pattern lists its parameters")
    if item.get("part") is not None and default:
        problems.append(f"{where}: a part of a decomposition cannot be a default measure")
    if len(problems) > n_before:
        return None
    return MeasureEntry(
        name=name,
        family=item["family"],
        unit=item["unit"],
        polarity=item["polarity"],
        decimals=decimals,
        label_nl=item["label_nl"],
        label_en=item["label_en"],
        words_nl=item["words_nl"],
        words_en=item["words_en"],
        parameter=parameter,
        parameter_kind=kind,
        above=item.get("above"),
        example=example,
        fixed=MappingProxyType(fixed),
        positive_only=item.get("positive_only", False),
        default=default,
        part_of=item.get("part_of"),
        part=item.get("part"),
        prefix=prefix,
        separator=separator,
        is_share=units[item["unit"]].percent,
    )


TABLE = load_measure_table()


# ----------------------------------------------------------------------------------------------
# Documentation: the command line's help and README.md's measure list
# ----------------------------------------------------------------------------------------------


def cli_help(table: MeasureTable | None = None) -> str:
    """Return the help of the command line's ``--measures`` option.

    >>> cli_help().split(". ")[0]  # doctest: +ELLIPSIS
    'comma-separated, from: mean, median, p10, ..., share:LABEL, n'
    """
    table = table or TABLE
    return (
        f"comma-separated, from: {', '.join(table.usage_names())}. Default: "
        f"{', '.join(table.default_names())}, and share:LABEL of each text answer"
    )


def measures_markdown(table: MeasureTable | None = None) -> str:
    """Return README.md's measure list: one row per measure name or pattern.

    >>> print(measures_markdown().splitlines()[0])
    | measure | what it is | unit | better when | default |
    """
    table = table or TABLE

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [
        "| measure | what it is | unit | better when | default |",
        "|---|---|---|---|:---:|",
    ]
    for e in table.entries:
        letters = e.name[len(e.prefix) + len(e.separator) :] if e.is_pattern else ""
        values = {e.parameter: letters} if e.is_pattern else {}
        if e.parameter and not e.is_pattern:
            values = {e.parameter: _doc_value(e, e.fixed[e.parameter])}
        if "{what}" in e.words_en:
            values["what"] = "value"
        words = e.words("en", **values)
        notes = ["x > 0 only"] if e.positive_only else []
        if e.part_of:
            notes.append(f"on the Total rows, beside `{e.part_of}`")
        if notes:
            words += f" ({'; '.join(notes)})"
        default = "✓" if e.default is True else ", ".join(e.default_names())
        lines.append(
            f"| `{cell(e.name)}` | {cell(words)} | {cell(table.units[e.unit].doc)} "
            f"| {cell(table.polarities[e.polarity].doc)} | {cell(default)} |"
        )
    return "\n".join(lines) + "\n"


def _doc_value(entry: MeasureEntry, value) -> str:
    return f"{value * 100:g}" if entry.parameter_kind == "percent" else f"{value:g}"


def readme_block(text: str) -> str:
    """Return what stands between the measure markers of a README text."""
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    return text[start:end].strip("\n") + "\n"


def update_readme(path: str | os.PathLike, table: MeasureTable | None = None) -> bool:
    """Rewrite the measure list in a README between its markers; return whether it changed."""
    readme = Path(path)
    text = readme.read_text(encoding="utf-8")
    start, end = text.index(README_START) + len(README_START), text.index(README_END)
    new = text[:start] + "\n" + measures_markdown(table) + text[end:]
    if new != text:
        readme.write_text(new, encoding="utf-8")
    return new != text


def main(argv: list[str] | None = None) -> int:
    """Command line: print README.md's measure list, or rewrite it in a README."""
    parser = argparse.ArgumentParser(
        prog="python -m indicators.stats.measure_table",
        description="Show the measure table (indicators/stats/measures.toml).",
    )
    parser.add_argument("--markdown", action="store_true", help="print the README list")
    parser.add_argument(
        "--update-readme", metavar="README", help="rewrite the measure list in this README"
    )
    args = parser.parse_args(argv)
    if args.markdown:
        sys.stdout.write(measures_markdown())
    if args.update_readme:
        changed = update_readme(args.update_readme)
        print(f"{args.update_readme}: {'updated' if changed else 'already up to date'}")
    if not (args.markdown or args.update_readme):
        parser.print_help()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
