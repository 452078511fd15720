"""Every Dutch and English text of the project in one catalogue, with one lookup; no Streamlit.

The texts live in one module per area (``common``, ``overview``, ``states``, ``errors``, ...),
each a dict ``{key: {"nl": ..., "en": ...}}``; together they are one catalogue keyed by
``"area.key"``. :func:`text` looks a text up and fills it in; :func:`area` gives one area as a
read-only mapping, so code that reads ``TEXTS[key][lang]`` keeps working on it.

>>> text("states.suppressed", "en", n=10)
'hidden: fewer than 10 observations'
>>> text("common.region", "nl"), area("common")["region"]["en"]
('Regio', 'Region')
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from types import MappingProxyType

__all__ = ["LANGS", "AREAS", "CATALOGUE", "Area", "area", "text"]

LANGS = ("nl", "en")


class Area(Mapping):
    """One area of the catalogue: ``key -> {"nl": ..., "en": ...}``, read-only, in file order."""

    def __init__(self, name: str, entries: dict):
        self.name = name
        self._entries = {key: MappingProxyType(entry) for key, entry in entries.items()}

    def __getitem__(self, key):
        return self._entries[key]

    def __iter__(self) -> Iterator:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"Area({self.name!r}, {len(self)} texts)"


def _collect() -> dict[str, Area]:
    # every module of this package is one or more areas (its AREAS), read in name order
    areas: dict[str, Area] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for name, entries in module.AREAS.items():
            if name in areas:
                raise RuntimeError(f"text area {name!r} is defined twice (in {module.__name__})")
            areas[name] = Area(name, entries)
    return areas


AREAS: Mapping[str, Area] = MappingProxyType(_collect())
CATALOGUE: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {f"{name}.{key}": entry for name, texts in AREAS.items() for key, entry in texts.items()}
)


def area(name: str) -> Area:
    """Return the texts of one area (such as ``"overview"``) as a read-only mapping."""
    return AREAS[name]


def text(key: str, lang: str, **values) -> str:
    """Return the text ``key`` (``"area.key"``) in ``lang`` ("nl" or "en"), filled in.

    Without ``values`` the text is returned as it is (braces and all), so it can be filled in
    later; with them, ``str.format`` fills in its placeholders.

    >>> text("count.n", "nl", n=3)
    'n = 3'
    >>> text("nope.nothing", "en")
    Traceback (most recent call last):
    KeyError: "no text 'nope.nothing' in the catalogue"
    """
    if lang not in LANGS:
        raise ValueError(f"language must be 'nl' or 'en', not {lang!r}")
    try:
        entry = CATALOGUE[key]
    except KeyError:
        raise KeyError(f"no text {key!r} in the catalogue") from None
    found = entry[lang]
    return found.format(**values) if values else found
