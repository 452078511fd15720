"""Saved work: the whole set-up of a session (the file's fingerprint, the mapping with its answer
orders and own variables, the user's catalogue with their own indicators, the small-cell
setting and the choices of the views) as a small JSON file, read back with every field checked.

A set-up loaded with another file keeps what fits it (the columns that exist) and says what
does not (:func:`fit`); the user's file is never changed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from indicators.dataset.mapping import Mapping, mapping_from_text, mapping_to_text
from indicators.errors import DataError

FORMAT = "brede-welvaart-setup"
VERSION = 1
MAX_BYTES = 2_000_000  # a set-up is small: a catalogue of own indicators and a mapping
MAX_VIEW_VALUES = 200


@dataclass(frozen=True)
class SetUp:
    """A saved set-up. ``views`` maps a view choice (the keys pages keep in the URL: region,
    indicator, year, ...) to its values."""

    file_name: str = ""
    file_digest: str = ""
    columns: tuple[str, ...] = ()
    mapping: Mapping | None = None
    catalogue_name: str = ""
    catalogue: str = ""  # the user's catalogue file (own indicators), as text
    min_n: int | None = None
    views: tuple[tuple[str, tuple[str, ...]], ...] = ()
    saved: str = field(default_factory=lambda: date.today().isoformat())


def to_bytes(setup: SetUp) -> bytes:
    """Write a set-up as JSON (readable, UTF-8).

    >>> m = Mapping.build("gemeente", year="jaar")
    >>> s = SetUp("a.csv", "abc", ("gemeente", "jaar"), m, min_n=10, views=(("year", ("2024",)),))
    >>> from_bytes(to_bytes(s), "s.json") == s
    True
    """
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "saved": setup.saved,
        "file": {"name": setup.file_name, "digest": setup.file_digest, "columns": setup.columns},
        "mapping": mapping_to_text(setup.mapping) if setup.mapping is not None else None,
        "catalogue": {"name": setup.catalogue_name, "text": setup.catalogue}
        if setup.catalogue
        else None,
        "min_n": setup.min_n,
        "views": {key: list(values) for key, values in setup.views},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def _bad(name: str, what: str) -> DataError:
    return DataError.from_text("setup_file.bad", name=name, what=what)


def from_bytes(data: bytes, name: str = "set-up") -> SetUp:
    """Read a set-up written by :func:`to_bytes`; anything else is a :class:`DataError` (nl/en)
    that names the file and what is wrong with it."""
    if len(data) > MAX_BYTES:
        raise DataError.from_text("setup_file.too_large", name=name, limit=MAX_BYTES // 1000)
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DataError.from_text("setup_file.not_json", name=name) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise DataError.from_text("setup_file.not_setup", name=name)
    if doc.get("version") != VERSION:
        raise _bad(name, f"version {doc.get('version')!r}")
    file = doc.get("file") or {}
    if not isinstance(file, dict):
        raise _bad(name, "file")
    columns = file.get("columns") or []
    if not isinstance(columns, list) or not all(isinstance(c, str) for c in columns):
        raise _bad(name, "file.columns")
    mapping = None
    if doc.get("mapping") is not None:
        if not isinstance(doc["mapping"], str):
            raise _bad(name, "mapping")
        mapping = mapping_from_text(doc["mapping"])  # its own DataError when it is not one
    catalogue = doc.get("catalogue") or {}
    if not isinstance(catalogue, dict) or not isinstance(catalogue.get("text", ""), str):
        raise _bad(name, "catalogue")
    min_n = doc.get("min_n")
    if min_n is not None and (isinstance(min_n, bool) or not isinstance(min_n, int) or min_n < 0):
        raise _bad(name, "min_n")
    views = doc.get("views") or {}
    if not isinstance(views, dict) or len(views) > MAX_VIEW_VALUES:
        raise _bad(name, "views")
    kept = []
    for key, values in views.items():
        values = values if isinstance(values, list) else [values]
        if not all(isinstance(v, str | int | float) for v in values):
            raise _bad(name, f"views.{key}")
        kept.append((str(key), tuple(str(v) for v in values[:MAX_VIEW_VALUES])))
    return SetUp(
        file_name=str(file.get("name", "")),
        file_digest=str(file.get("digest", "")),
        columns=tuple(columns),
        mapping=mapping,
        catalogue_name=str(catalogue.get("name", "")),
        catalogue=catalogue.get("text", ""),
        min_n=min_n,
        views=tuple(kept),
        saved=str(doc.get("saved", "")),
    )


@dataclass(frozen=True)
class Fit:
    """How a set-up fits the data in use: the mapping kept (None when its region column is
    missing), and what does not fit, as (text key, values) for :func:`indicators.text.text`."""

    mapping: Mapping | None
    same_file: bool
    problems: tuple[tuple[str, dict], ...] = ()


def fit(setup: SetUp, columns, digest: str, name: str) -> Fit:
    """Return what of a set-up's mapping fits a file with ``columns`` (and content ``digest``).

    >>> m = Mapping.build("gemeente", year="jaar", groups=["leeftijd"])
    >>> s = SetUp("a.csv", "abc", ("gemeente", "jaar", "leeftijd"), m)
    >>> f = fit(s, ["gemeente", "jaar"], "xyz", "b.csv")
    >>> f.mapping.groups, f.same_file, [key for key, _ in f.problems]
    ((), False, ['setup_file.other_file', 'setup_file.columns_missing'])
    """
    columns = [str(c) for c in columns]
    same = bool(setup.file_digest) and digest.startswith(setup.file_digest)
    problems: list[tuple[str, dict]] = []
    if not same and setup.file_digest:
        problems.append(("setup_file.other_file", {"saved": setup.file_name, "now": name}))
    mapping = setup.mapping
    if mapping is None:
        return Fit(None, same, tuple(problems))
    present = set(columns)
    missing = [c for c in mapping.role_columns() if c not in present]
    if missing:
        problems.append(("setup_file.columns_missing", {"columns": ", ".join(missing)}))
    if mapping.region not in present:
        problems.append(("setup_file.no_region", {"column": mapping.region}))
        return Fit(None, same, tuple(problems))

    def keep(column):
        return column if column in present else None

    mapping = mapping.with_changes(
        year=keep(mapping.year),
        weight=keep(mapping.weight),
        groups=tuple(g for g in mapping.groups if g in present),
        variables=tuple((v, c) for v, c in mapping.variables if c in present),
        orders=tuple((c, o) for c, o in mapping.orders if c in present),
        own=tuple(o for o in mapping.own if o.column in present),
        strata=keep(mapping.strata),
        cluster=keep(mapping.cluster),
    )
    return Fit(mapping, same, tuple(problems))
