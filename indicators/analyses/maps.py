"""Maps: the province tile map and uploaded GeoJSON, matching regions on code or name."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from indicators import package_data
from indicators.analyses.tiles import REGION
from indicators.errors import DataError
from indicators.registry.catalog import (
    normalise_name,
)
from indicators.results import (
    TOTAL,
)

# Other spellings of province names seen in files (normalised); the layout holds CBS names.
PROVINCE_ALIASES = {"friesland": "PV21", "fryslan": "PV21", "noord_brabant": "PV30"}


# ----------------------------------------------------------------------------------------------
# Maps: the province tile map and uploaded GeoJSON
# ----------------------------------------------------------------------------------------------


def province_layout(path: str | Path | None = None) -> pd.DataFrame:
    """Read the tile-grid layout of the 12 provinces: code, name, row, col."""
    if path is None:  # the packaged layout, found in an installed package too
        path = io.BytesIO(package_data.data_file(package_data.PROVINCES).read_bytes())
    layout = pd.read_csv(path, dtype={"code": str, "name": str})
    return layout[["code", "name", "row", "col"]]


def match_provinces(regions: Iterable[str], layout: pd.DataFrame) -> dict[str, str]:
    """Match region names or codes to province codes: ``{region: code}`` for those that match.

    Codes (``PV20``) and names (``Fryslân``, ``Friesland``, ``noord-holland``) match whatever
    the case, accents and separators.

    >>> layout = province_layout()
    >>> match_provinces(["PV20", "Friesland", "Noord-Holland", "Amsterdam"], layout)
    {'PV20': 'PV20', 'Friesland': 'PV21', 'Noord-Holland': 'PV27'}
    """
    keys = dict(PROVINCE_ALIASES)
    for code, name in zip(layout["code"], layout["name"], strict=True):
        keys[normalise_name(code)] = code
        keys[normalise_name(name)] = code
    matched = {}
    for region in regions:
        code = keys.get(normalise_name(region))
        if code is not None:
            matched[region] = code
    return matched


def are_provinces(regions: Sequence[str], layout: pd.DataFrame) -> bool:
    """Whether the regions are provinces: at least two, and at least 3 in 4 match the layout."""
    regions = [r for r in regions if r != TOTAL]
    n = len(match_provinces(regions, layout))
    return n >= 2 and n >= 0.75 * len(regions)


def province_tiles(values: pd.DataFrame, layout: pd.DataFrame) -> pd.DataFrame:
    """Put region values on the tile grid.

    ``values`` has columns region and value (and optionally text); the result has one row per
    province: code, name, row, col, region (None when no region matched), value, text.
    """
    matched = match_provinces(values[REGION], layout)
    by_code = {code: region for region, code in matched.items()}
    out = layout.copy()
    out[REGION] = out["code"].map(by_code)
    vals = values.drop_duplicates(REGION).set_index(REGION)
    out["value"] = out[REGION].map(vals["value"]).astype(float)
    if "text" in vals:
        out["text"] = out[REGION].map(vals["text"]).fillna("–")
    else:
        out["text"] = out["value"].map(lambda v: "–" if pd.isna(v) else f"{v:g}")
    return out.reset_index(drop=True)


def read_geojson(data: bytes, name: str = "map") -> dict:
    """Read an uploaded GeoJSON file; a plain DataError when it is not a usable map."""
    try:
        geo = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise DataError.from_text("errors.geojson_not_json", name=name, err=err) from None
    if isinstance(geo, dict) and geo.get("type") == "Topology":
        raise DataError.from_text("errors.topojson", name=name)
    features = geo.get("features") if isinstance(geo, dict) else None
    if not isinstance(features, list) or not features:
        raise DataError.from_text("errors.geojson_no_features", name=name)
    if not any(isinstance(f, dict) and f.get("properties") for f in features):
        raise DataError.from_text("errors.geojson_no_properties", name=name)
    return geo


def geojson_properties(geo: dict) -> list[str]:
    """Return the property names of the features, in order of first appearance."""
    names: dict[str, None] = {}
    for feature in geo.get("features", []):
        for key in feature.get("properties") or {}:
            names.setdefault(str(key), None)
    return list(names)


@dataclass
class GeoMatch:
    """How regions match the features of a map on one property."""

    locations: dict[str, str]  # region -> the feature's own property value
    unmatched_regions: list[str]
    unmatched_features: list[str]


def match_geojson(geo: dict, prop: str, regions: Iterable[str]) -> GeoMatch:
    """Match regions to features on one property (case, accents and separators ignored)."""
    values = []
    for feature in geo.get("features", []):
        value = (feature.get("properties") or {}).get(prop)
        if value is not None:
            values.append(str(value))
    by_key = {}
    for value in values:
        by_key.setdefault(normalise_name(value), value)
    regions = [r for r in regions if r != TOTAL]
    locations = {r: by_key[normalise_name(r)] for r in regions if normalise_name(r) in by_key}
    used = set(locations.values())
    return GeoMatch(
        locations=locations,
        unmatched_regions=[r for r in regions if r not in locations],
        unmatched_features=[v for v in values if v not in used],
    )


def best_geojson_property(geo: dict, regions: Sequence[str]) -> str | None:
    """Return the property whose values match the most regions (None when none match)."""
    best, best_n = None, 0
    for prop in geojson_properties(geo):
        n = len(match_geojson(geo, prop, regions).locations)
        if n > best_n:
            best, best_n = prop, n
    return best


def geojson_bounds(geo: dict) -> tuple[float, float, float, float] | None:
    """Return (lon_min, lat_min, lon_max, lat_max) over all coordinates, or None."""
    lons, lats = [], []

    def walk(coords):
        if (
            isinstance(coords, (list, tuple))
            and len(coords) >= 2
            and all(isinstance(c, (int, float)) for c in coords[:2])
        ):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
        elif isinstance(coords, (list, tuple)):
            for c in coords:
                walk(c)

    for feature in geo.get("features", []):
        geometry = feature.get("geometry") or {}
        walk(geometry.get("coordinates", []))
        for part in geometry.get("geometries", []) or []:
            walk(part.get("coordinates", []))
    if not lons:
        return None
    return (min(lons), min(lats), max(lons), max(lats))
