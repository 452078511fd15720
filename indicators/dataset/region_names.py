"""Region names for region codes: ``GM0796`` is shown as ``'s-Hertogenbosch``.

A region column may hold CBS codes (GM gemeente, PV provincie, CR COROP, LD landsdeel, WK wijk,
BU buurt, NL land). Wherever a region is shown, its name is used, taken from, in this order:

1. the user's own file: a name column beside the code column (StatLine's ``RegioS`` with a
   ``Regio's`` or ``Gemeentenaam`` column), or values such as ``GM0796 's-Hertogenbosch``;
2. the packaged CBS list ``cbs_regions.csv`` (342 gemeenten 2025, 12 provincies, 40 COROP
   regions, 4 landsdelen; where it comes from is written in the file's header);
3. else the value as it is.

The code stays the key everywhere (results table, links, downloads); names are only for display.
Nothing here imports Streamlit.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

import pandas as pd

from indicators.registry.catalog import normalise_name

#: A CBS region code, optionally followed by a name (``GM0796 's-Hertogenbosch``).
CODE = re.compile(r"^\s*((?:GM|PV|CR|LD|WK|BU|NL)\d{2,8})\b[\s:\-–]*(.*?)\s*$", re.IGNORECASE)

#: Column names (normalised) that hold region names.
NAME_HINTS = (
    "regio_s",
    "regios",
    "regionaam",
    "regio_naam",
    "region_name",
    "regionname",
    "naam",
    "name",
    "gemeentenaam",
    "gemeente_naam",
    "gemeente",
    "provincienaam",
    "provincie_naam",
    "provincie",
    "municipality",
    "municipality_name",
    "province",
    "province_name",
    "coropnaam",
    "corop_naam",
    "wijknaam",
    "buurtnaam",
    "statnaam",
    "gm_naam",
    "pv_naam",
)


@lru_cache(maxsize=1)
def packaged() -> pd.DataFrame:
    """Return the packaged CBS code list: columns ``code``, ``name``, ``kind``, ``province``.

    >>> regions = packaged()
    >>> int((regions["kind"] == "gemeente").sum()), int((regions["kind"] == "provincie").sum())
    (342, 12)
    """
    text = (
        resources.files("indicators.dataset")
        .joinpath("cbs_regions.csv")
        .read_text(encoding="utf-8")
    )
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    frame = pd.read_csv(io.StringIO("\n".join(rows)), dtype=str, keep_default_na=False)
    return frame


@lru_cache(maxsize=1)
def packaged_names() -> dict[str, str]:
    """Return ``{code: name}`` of the packaged CBS list (codes in capitals)."""
    regions = packaged()
    return dict(zip(regions["code"], regions["name"], strict=True))


def split_code(value: object) -> tuple[str, str] | None:
    """Split a CBS code and an optional name: ``"GM0796  's-Hertogenbosch"`` ->
    ``("GM0796", "'s-Hertogenbosch")``; None when the value is no CBS code.

    >>> split_code("GM0796  ")
    ('GM0796', '')
    >>> split_code("gm0796 's-Hertogenbosch")
    ('GM0796', "'s-Hertogenbosch")
    >>> split_code("Utrecht") is None
    True
    """
    if value is None or (isinstance(value, float) and value != value):
        return None
    match = CODE.match(str(value))
    if match is None:
        return None
    return match.group(1).upper(), match.group(2)


def name_column(df: pd.DataFrame, column: str) -> str | None:
    """Return the column beside ``column`` that names its regions, if there is one.

    A name column has a name such as ``Regio's``, ``Gemeentenaam`` or ``<column>naam``, holds
    text, and gives each region exactly one name, different names to different regions.

    >>> df = pd.DataFrame({"RegioS": ["GM0363", "GM0344", "GM0363"],
    ...                    "Regio's": ["Amsterdam", "Utrecht", "Amsterdam"], "x": [1, 2, 3]})
    >>> name_column(df, "RegioS")
    "Regio's"
    """
    if column not in df.columns:
        return None
    own = normalise_name(column)
    hints = (own + "naam", own + "_naam", own + "_name", *NAME_HINTS)
    ranked = sorted(
        (c for c in df.columns if c != column and normalise_name(c) in hints),
        key=lambda c: hints.index(normalise_name(c)),
    )
    for candidate in ranked:
        pairs = df[[column, candidate]].dropna().drop_duplicates()
        if pairs.empty or pd.api.types.is_numeric_dtype(pairs[candidate]):
            continue
        codes = pairs[column].astype(str).str.strip()
        names = pairs[candidate].astype(str).str.strip()
        if codes.duplicated().any() or names.duplicated().any() or (codes == names).all():
            continue
        return candidate
    return None


def own_names(df: pd.DataFrame, column: str) -> dict[str, str]:
    """Return the names the file itself gives its regions: ``{region value: name}``.

    From a name column beside the region column (see :func:`name_column`), and from values that
    carry code and name together (``GM0796 's-Hertogenbosch``). Region values are stripped of
    surrounding spaces, as the prepared dataset holds them.

    >>> df = pd.DataFrame({"RegioS": ["GM0796  ", "PV27    "],
    ...                    "Regio's": ["'s-Hertogenbosch", "Noord-Holland"]})
    >>> own_names(df, "RegioS")
    {'GM0796': "'s-Hertogenbosch", 'PV27': 'Noord-Holland'}
    """
    if column not in df.columns:
        return {}
    found: dict[str, str] = {}
    beside = name_column(df, column)
    if beside is not None:
        pairs = df[[column, beside]].dropna().drop_duplicates(subset=[column])
        for code, name in zip(pairs[column], pairs[beside], strict=True):
            key, text = str(code).strip(), str(name).strip()
            if key and text:
                found[key] = text
    for value in pd.unique(df[column].dropna()):
        split = split_code(value)
        if split is not None and split[1]:
            found.setdefault(str(value).strip(), split[1])
    return found


def display_names(regions: Iterable[object], own: Mapping[str, str] | None = None) -> dict:
    """Return ``{region: name to show}`` for each region value.

    The file's own names first, then the packaged CBS list (codes matched whatever the case and
    surrounding spaces), else the value as it is. When two regions would get the same name, the
    code is added in brackets, so no two regions look alike.

    >>> display_names(["GM0796  ", "PV27", "GM9999", "Utrecht"])
    {'GM0796  ': "'s-Hertogenbosch", 'PV27': 'Noord-Holland', 'GM9999': 'GM9999', 'Utrecht': 'Utrecht'}
    >>> display_names(["GM0344", "Utrecht"])
    {'GM0344': 'Utrecht (GM0344)', 'Utrecht': 'Utrecht'}
    """
    own = dict(own or {})
    listed = packaged_names()
    names: dict = {}
    for region in regions:
        text = str(region)
        name = own.get(text) or own.get(text.strip())
        if not name:
            split = split_code(text)
            if split is not None:
                name = split[1] or listed.get(split[0])
        names[region] = name or text.strip() or text
    counts: dict[str, int] = {}
    for name in names.values():
        counts[name] = counts.get(name, 0) + 1
    for region, name in names.items():
        text = str(region).strip()
        if counts[name] > 1 and name != text:
            names[region] = f"{name} ({text})"
    return names


def with_names(
    frame: pd.DataFrame, names: Mapping, *, column: str = "region", into: str = "region_name"
) -> pd.DataFrame:
    """Return ``frame`` with a column of region names right after the region column.

    The region column itself keeps the codes (the key); rows without a known name (such as
    ``Total``) get the region value.

    >>> f = pd.DataFrame({"region": ["GM0796", "Total"], "value": [1.0, 2.0]})
    >>> with_names(f, {"GM0796": "'s-Hertogenbosch"}).columns.tolist()
    ['region', 'region_name', 'value']
    """
    if column not in frame.columns or into in frame.columns:
        return frame
    out = frame.copy()
    shown = out[column].map(lambda r: names.get(r, r))
    out.insert(out.columns.get_loc(column) + 1, into, shown.astype(str))
    return out


def differ(names: Mapping) -> bool:
    """Say whether any region is shown by another name than its value (then a name column in
    downloads helps)."""
    return any(str(name) != str(region).strip() for region, name in names.items())


__all__ = [
    "display_names",
    "differ",
    "name_column",
    "own_names",
    "packaged",
    "packaged_names",
    "split_code",
    "with_names",
]


def in_order(regions: Iterable[object]) -> list:
    """Return regions in the order lists show them: codes that are numbers by their value
    (8001 before 12007), others as text after them.

    >>> in_order(["12019", "8001", "12007"]), in_order(["GM0363", "GM0014", "PV27"])
    (['8001', '12007', '12019'], ['GM0014', 'GM0363', 'PV27'])
    >>> in_order([48173, 8001, "Total"])
    [8001, 48173, 'Total']
    """

    def key(region):
        try:
            return (0, float(str(region)), "")
        except ValueError:
            return (1, 0.0, str(region))

    return sorted(regions, key=key)


# ------------------------------------------------- names that look alike or hide characters

#: Characters that show nothing (zero-width spaces and joiners, soft hyphen, byte-order mark)
#: or turn the direction of text (right-to-left overrides and isolates): in a name they only
#: make one region into several, or disguise a name.
INVISIBLE = re.compile(
    "[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)

# letters of other alphabets that look like Latin ones (the usual "confusables")
_LOOK_ALIKE = str.maketrans(
    "аеорсухіјԁӏѕԛԝАВЕКМНОРСТХІЈЅαεικνορτυχΑΒΕΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijdlsqwABEKMHOPCTXIJSaeiknoptyxABEHIKMNOPTYX",
)


def invisible_characters(value: object) -> int:
    """Return how many invisible or direction characters text ``value`` holds.

    >>> invisible_characters("Amster\\u200bdam"), invisible_characters("Utrecht")
    (1, 0)
    """
    return len(INVISIBLE.findall(value)) if isinstance(value, str) else 0


def without_invisible(value: str) -> str:
    """Return ``value`` without invisible and direction characters.

    >>> without_invisible("\\u202eAmsterdam\\u200b")
    'Amsterdam'
    """
    return INVISIBLE.sub("", value)


def name_key(value: str) -> str:
    """Return what is left of a name when case, spaces, punctuation, accents and look-alike
    letters of other alphabets are ignored: two names with one key are probably one region.

    >>> name_key("Súdwest-Fryslân") == name_key("sudwest fryslan")
    True
    >>> name_key("\\u0410msterdam") == name_key("Amsterdam")  # Cyrillic А
    True
    """
    import unicodedata

    text = without_invisible(value).translate(_LOOK_ALIKE)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def near_duplicates(values: Iterable[object]) -> list[list[str]]:
    """Return groups of different spellings that :func:`name_key` takes for one name.

    >>> near_duplicates(["Den Haag", "den haag", "Utrecht", "Den-Haag", "Utrecht"])
    [['Den Haag', 'den haag', 'Den-Haag']]
    """
    groups: dict[str, list[str]] = {}
    for v in dict.fromkeys(v for v in values if isinstance(v, str)):
        key = name_key(v)
        if key:
            groups.setdefault(key, []).append(v)
    return [g for g in groups.values() if len(g) > 1]


def foreign_letters(value: str) -> bool:
    """Return whether a mostly Latin name holds look-alike letters of another alphabet.

    >>> foreign_letters("\\u0410msterdam"), foreign_letters("Amsterdam"), foreign_letters("Αθήνα")
    (True, False, False)
    """
    changed = value.translate(_LOOK_ALIKE)
    if changed == value:
        return False
    import unicodedata

    latin = sum("LATIN" in unicodedata.name(ch, "") for ch in value if ch.isalpha())
    return latin > 0
