"""The mapping: which columns play which role and which variables, suggested from the file."""

from __future__ import annotations

import base64
import json
import re
import zlib
from dataclasses import asdict, dataclass, replace

import numpy as np
import pandas as pd

from indicators.dataset.own_variables import (
    AGGREGATES,
    CONTINUOUS,
    MICRODATA,
    OwnVariable,
    match_scale,
    suggest_own,
)
from indicators.errors import DataError
from indicators.registry.catalog import KINDS, normalise_name

REGION, YEAR, WEIGHT = "region", "year", "weight"
# the survey design's columns in a prepared frame (strata; primary sampling units)
STRATA, CLUSTER = "design_strata", "design_cluster"
# names of design columns in survey files (ESS: stratum, psu; SPSS/Stata: varstrat, varunit)
DESIGN_HINTS = {
    STRATA: ("stratum", "strata", "strat", "varstrat", "stratum_id", "strata_id"),
    CLUSTER: ("psu", "cluster", "varunit", "psu_id", "cluster_id", "primary_sampling_unit"),
}

ROLE_HINTS = {
    REGION: (
        "regio",
        "region",
        "regios",
        "regio_s",
        "regiocode",
        "regionaam",
        "gemeente",
        "gemeentecode",
        "gemeente_code",
        "gemeentenaam",
        "provincie",
        "provincie_code",
        "provincienaam",
        "province",
        "municipality",
        "gm_code",
        "wijk",
        "buurt",
        "corop",
        "area",
        "gebied",
        # English, German and European names
        "state",
        "county",
        "district",
        "borough",
        "canton",
        "prefecture",
        "land",
        "bundesland",
        "kreis",
        "landkreis",
        "gemeinde",
        "nuts",
        "nuts1",
        "nuts2",
        "nuts3",
        "nuts_code",
        "nuts_id",
        "geo",
        "region_code",
        "region_name",
        "db040",  # EU-SILC region (NUTS)
    ),
    YEAR: (
        "jaar",
        "year",
        "perioden",
        "periode",
        "period",
        "jaartal",
        "peiljaar",
        "time",
        "survey_year",
        "inwyys",  # ESS year of interview
        "rb010",  # EU-SILC year
        "db010",
    ),
    WEIGHT: (
        "gewicht",
        "weight",
        "weegfactor",
        "weging",
        "wgt",
        "pspwght",
        "anweight",
        "pweight",
        "rb050",  # EU-SILC personal cross-sectional weight
        "db090",  # EU-SILC household weight
        "wtssall",  # General Social Survey
        "wtss",
        "inwoners",
        "bevolking",
        "population",
        "pop",
        "aantal_inwoners",
    ),
}
GROUP_HINTS = (
    "geslacht",
    "gender",
    "gndr",
    "sex",
    "leeftijd",
    "leeftijdsklasse",
    "age",
    "age_group",
    "agea",
    "opleiding",
    "opleidingsniveau",
    "education",
    "edu",
    "stedelijkheid",
    "urbanisation",
    "urbanization",
    "migratieachtergrond",
    "herkomst",
    "migration_background",
    "huishoudtype",
    "household_type",
    "inkomensgroep",
    "income_group",
)
# Numeric columns with more distinct values than this are measurements, never suggested as groups.
MAX_GROUP_VALUES = 12
# An age in years (numeric, named like this) chosen as a group becomes these age bands.
AGE_HINTS = ("leeftijd", "age", "agea", "age_years", "leeftijd_jaren", "lft", "alter")
AGE_BANDS = ((0, 15), (15, 25), (25, 35), (35, 45), (45, 55), (55, 65), (65, 75), (75, 121))
AGE_BAND_LABELS = tuple(f"{lo}-{hi - 1}" if hi < 121 else f"{lo}+" for lo, hi in AGE_BANDS)
MISSING_GROUP = "(missing)"


def is_age_in_years(column: str, series: pd.Series) -> bool:
    """Whether a column holds ages in years: named like an age, numeric, above 12 somewhere.

    Age bands coded 1..7 stay as they are; ``agea`` (ESS) or ``leeftijd`` in years do not.

    >>> is_age_in_years("agea", pd.Series([15, 40, 88])), is_age_in_years("age", pd.Series([1, 3]))
    (True, False)
    """
    if normalise_name(column) not in AGE_HINTS or pd.api.types.is_bool_dtype(series):
        return False
    if not pd.api.types.is_numeric_dtype(series):
        return False
    top = pd.to_numeric(series, errors="coerce").max()
    return bool(pd.notna(top) and top > 12)


def age_bands(series: pd.Series) -> pd.Series:
    """Group ages in years into bands 0-14, 15-24, ..., 65-74, 75+ (text).

    Ages below 0 or above 120 (codes for "no answer" such as 999) and missing ages form the
    group ``(missing)``.

    >>> age_bands(pd.Series([15, 24, 25, 80, 999, None])).tolist()
    ['15-24', '15-24', '25-34', '75+', '(missing)', '(missing)']
    """
    ages = pd.to_numeric(series, errors="coerce").astype(float)
    edges = [lo for lo, _ in AGE_BANDS] + [AGE_BANDS[-1][1]]
    bands = pd.cut(ages, edges, right=False, labels=list(AGE_BAND_LABELS))
    return bands.astype("string").fillna(MISSING_GROUP)


def _group_candidate(series: pd.Series) -> bool:
    """Whether a column can be suggested as a group: not a measurement with many values."""
    if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
        return True
    return series.nunique(dropna=True) <= MAX_GROUP_VALUES


@dataclass(frozen=True)
class Mapping:
    """Column roles: region, year, weight, groups, and variables (registry id -> column).

    Hashable, so cached computations can key on it.
    """

    region: str
    year: str | None = None
    weight: str | None = None
    groups: tuple[str, ...] = ()
    variables: tuple[tuple[str, str], ...] = ()
    orders: tuple[tuple[str, tuple[str, ...]], ...] = ()
    own: tuple[OwnVariable, ...] = ()  # columns measured as they are, in the user's words
    strata: str | None = None  # the survey design's strata, for intervals
    cluster: str | None = None  # its primary sampling units, drawn with replacement
    # spellings of one region the user chose to count as one: (as written, counted as)
    merges: tuple[tuple[str, str], ...] = ()

    @classmethod
    def build(
        cls,
        region,
        *,
        year=None,
        weight=None,
        groups=(),
        variables=None,
        orders=None,
        own=(),
        strata=None,
        cluster=None,
        merges=None,
    ):
        """Build a mapping from plain dicts and lists."""
        return cls(
            region=region,
            year=year or None,
            weight=weight or None,
            groups=tuple(groups or ()),
            variables=tuple((variables or {}).items()),
            orders=tuple((col, tuple(labels)) for col, labels in (orders or {}).items()),
            own=tuple(own or ()),
            strata=strata or None,
            cluster=cluster or None,
            merges=tuple((str(a), str(b)) for a, b in dict(merges or {}).items()),
        )

    @property
    def variable_columns(self) -> dict[str, str]:
        """Return variable id -> column: catalogue variables, then own ones (``own_...``)."""
        return {**dict(self.variables), **{o.id: o.column for o in self.own}}

    def order_for(self, column: str) -> tuple[str, ...] | None:
        """Return the order of labels (low to high) given for a column, if any."""
        given = dict(self.orders).get(column)
        if given:
            return given
        for o in self.own:
            if o.column == column and o.kind != CONTINUOUS and o.levels:
                return o.levels
        return None

    def own_for(self, column: str) -> OwnVariable | None:
        """Return the own variable measured from a column, if any."""
        return next((o for o in self.own if o.column == column), None)

    def with_changes(self, **changes) -> Mapping:
        """Return a copy with some fields replaced (dicts are accepted for variables/orders)."""
        if isinstance(changes.get("variables"), dict):
            changes["variables"] = tuple(changes["variables"].items())
        if isinstance(changes.get("merges"), dict):
            changes["merges"] = tuple(changes["merges"].items())
        if isinstance(changes.get("orders"), dict):
            changes["orders"] = tuple((c, tuple(v)) for c, v in changes["orders"].items())
        return replace(self, **changes)

    def role_columns(self) -> list[str]:
        """Return every column the mapping uses, each once, in role order."""
        cols = [
            self.region,
            self.year,
            self.weight,
            *self.groups,
            *self.variable_columns.values(),
            self.strata,
            self.cluster,
        ]
        return list(dict.fromkeys(c for c in cols if c))


MAX_MAPPING_TEXT = 8000  # characters of a mapping in a link


def mapping_to_text(mapping: Mapping) -> str:
    """Write a mapping as a short text for a link (JSON, compressed, URL-safe base64).

    >>> m = Mapping.build("gemeente", year="jaar", variables={"income": "inkomen"})
    >>> mapping_from_text(mapping_to_text(m)) == m
    True
    """
    data = asdict(mapping)  # own variables as dicts, tuples as lists in the JSON
    packed = zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 9)
    return base64.urlsafe_b64encode(packed).decode("ascii").rstrip("=")


def mapping_from_text(text: str) -> Mapping:
    """Read a mapping written by :func:`mapping_to_text`; a text that is not one is a
    :class:`DataError` (links come from anywhere)."""
    try:
        if len(text) > MAX_MAPPING_TEXT:
            raise ValueError("too long")
        packed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        raw = zlib.decompressobj().decompress(packed, 4 * MAX_MAPPING_TEXT)
        data = json.loads(raw.decode("utf-8"))

        def text_or_none(value):
            if value is not None and not isinstance(value, str):
                raise ValueError("not text")
            return value

        own = []
        for item in data.get("own", []):
            better = item.get("higher_is_better")
            if better not in (True, False, None) or item.get("kind") not in KINDS:
                raise ValueError("own variable")
            own.append(
                OwnVariable(
                    str(item["column"]),
                    item["kind"],
                    label=str(item.get("label", "")),
                    unit=str(item.get("unit", "")),
                    levels=tuple(str(x) for x in item.get("levels", [])),
                    higher_is_better=better,
                    per=float(item.get("per", 1.0)),
                )
            )
        return Mapping(
            region=text_or_none(data["region"]),
            year=text_or_none(data.get("year")),
            weight=text_or_none(data.get("weight")),
            groups=tuple(str(g) for g in data.get("groups", [])),
            variables=tuple((str(v), str(c)) for v, c in data.get("variables", [])),
            orders=tuple(
                (str(c), tuple(str(x) for x in order)) for c, order in data.get("orders", [])
            ),
            own=tuple(own),
            strata=text_or_none(data.get("strata")),
            cluster=text_or_none(data.get("cluster")),
            merges=tuple((str(a), str(b)) for a, b in data.get("merges", [])),
        )
    except (ValueError, KeyError, TypeError, zlib.error, UnicodeDecodeError) as err:
        raise DataError.from_text("errors.link_map_unreadable") from err


def _match_role(columns, hints) -> str | None:
    """Return the first column named as a hint; a StatLine number suffix (``Bevolking_1``)
    or a run of camelCase words (``RegioS``) does not matter."""
    norm = {}
    for c in columns:
        name = normalise_name(c)
        for key in (name, re.sub(r"_\d+$", "", name), name.replace("_", "")):
            norm.setdefault(key, c)
    for hint in hints:
        if hint in norm:
            return norm[hint]
    return None


def suggest_mapping(df: pd.DataFrame, registry) -> Mapping:
    """Suggest column roles from column names, the registry's hints and the values.

    Examples
    --------
    >>> from indicators.registry.catalog import load_registry
    >>> df = pd.DataFrame({"Provincie": ["A", "B"], "jaar": [2020, 2020],
    ...                    "levenstevredenheid": [7, 8]})
    >>> m = suggest_mapping(df, load_registry())
    >>> m.region, m.year, m.variable_columns
    ('Provincie', 'jaar', {'life_satisfaction': 'levenstevredenheid'})
    """
    columns = list(df.columns)
    region = _match_role(columns, ROLE_HINTS[REGION])
    year = _match_role([c for c in columns if c != region], ROLE_HINTS[YEAR])
    # a region name column beats a region code column when both exist
    if region is not None:
        names = [c for c in columns if normalise_name(c) == normalise_name(region) + "naam"]
        region = names[0] if names else region
    used = {region, year}
    variables = {
        var: col for var, col in registry.suggest_mapping(columns).items() if col not in used
    }
    used |= set(variables.values())
    weight = _match_role([c for c in columns if c not in used], ROLE_HINTS[WEIGHT])
    used.add(weight)
    design = {}
    for role in (STRATA, CLUSTER):
        design[role] = _match_role([c for c in columns if c not in used], DESIGN_HINTS[role])
        used.add(design[role])
    groups = tuple(
        c
        for c in columns
        if c not in used and normalise_name(c) in GROUP_HINTS and _group_candidate(df[c])
    )
    if region is None:
        region = _guess_region(df, [c for c in columns if c not in used])
    used |= {region, *groups}
    # the catalogue suggests, it never blocks: a column whose answers or values do not fit
    # the catalogue variable its name matched is offered as a variable of its own
    own = []
    for var_id, col in list(variables.items()):
        if not fits_variable(df[col], registry.variable_by_id[var_id]):
            del variables[var_id]
            own.append(suggest_own(df[col], col))  # its column stays in ``used``
    # text answers on a known scale (agree ... disagree, bad ... good) are variables too
    for col in columns:
        if col in used:
            continue
        series = df[col]
        if not pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            answers = [a for a in pd.unique(series.dropna().astype("string").str.strip()) if a]
            found = match_scale(answers)
            if found is not None and len(found[1]) > 2:  # yes/no alone says too little
                own.append(suggest_own(series, col))
                used.add(col)
    if region is not None and detect_shape(df, Mapping(region, year=year)) == AGGREGATES:
        # in aggregates every value column is an indicator: offer the numeric ones not yet used
        for col in columns:
            if col not in used and _value_column(df[col]):
                own.append(suggest_own(df[col], col))
    orders = {}
    for var_id, col in variables.items():
        variable = registry.variable_by_id[var_id]
        if variable.kind != "continuous" and not pd.api.types.is_numeric_dtype(df[col]):
            orders[col] = suggest_order(df[col], variable)
    return Mapping.build(
        region,
        year=year,
        weight=weight,
        groups=groups,
        variables=variables,
        orders=orders,
        own=own,
        strata=design[STRATA],
        cluster=design[CLUSTER],
    )


def fits_variable(series: pd.Series, variable) -> bool:
    """Say whether a column's values can be the catalogue variable its name points to.

    Text answers must be the variable's levels (Dutch or English, any case) or numbers; a
    continuous variable's values must lie on its scale (0-10 for life satisfaction), and a
    variable in euros is not a handful of whole numbers (an income decile 1-10, a band code).

    >>> from indicators.registry.catalog import load_registry
    >>> reg = load_registry()
    >>> happy = reg.variable_by_id["happiness"]
    >>> fits_variable(pd.Series(["gelukkig", "zeer gelukkig"]), happy)
    True
    >>> fits_variable(pd.Series(["very happy", "pretty happy", "not too happy"]), happy)
    False
    >>> fits_variable(pd.Series([1, 4, 10, 7, 2]), reg.variable_by_id["income"])
    False
    """
    values = series.dropna()
    if not len(values):
        return True
    if pd.api.types.is_bool_dtype(values):
        return variable.kind in ("binary", "nominal")
    if not pd.api.types.is_numeric_dtype(values):
        answers = {str(a).strip().casefold() for a in pd.unique(values.astype("string"))}
        answers.discard("")
        if variable.kind == "continuous":
            # numbers written as text fit (the numeric check names any that are not); words
            # such as income brackets ("$25,000 or more") are answers of their own
            as_text = values.astype("string").str.strip().str.replace(",", ".", regex=False)
            numbers = pd.to_numeric(as_text, errors="coerce")
            # mostly numbers: the numeric check names the rows that are not (to correct them)
            return bool(numbers.notna().mean() > 0.5)
        levels = {lvl.casefold() for lvl in (*variable.levels_nl, *variable.levels_en)}
        if not levels or answers <= levels:
            return True
        if variable.kind == "nominal":  # categories: shares of those that match
            return bool(answers & levels)
        # answers in an order: as many as the levels pair up by position (the Data page says
        # which is which); three answers cannot be five levels
        return len(answers) == len(variable.levels_nl)
    numbers = pd.to_numeric(values, errors="coerce").dropna()
    if variable.kind != "continuous" or not len(numbers):
        return True
    outside = off_scale(numbers, variable)
    if outside.mean() > MAX_OFF_SCALE:  # a few codes such as 77 (refusal) are left out
        return False
    in_euros = "euro" in (variable.unit_en or "").lower()
    distinct = numbers.unique()
    few_whole = len(distinct) <= 20 and bool(np.all(np.mod(distinct, 1) == 0))
    return not (in_euros and few_whole and numbers.max() <= 20)


MAX_OFF_SCALE = 0.1  # up to this share of codes off a variable's scale (77, 88, 99)


def off_scale(numbers: pd.Series, variable) -> pd.Series:
    """Return which numbers lie off a variable's scale (life satisfaction: 0 to 10).

    >>> from indicators.registry.catalog import load_registry
    >>> life = load_registry().variable_by_id["life_satisfaction"]
    >>> off_scale(pd.Series([7.0, 77.0, 10.0, -1.0]), life).tolist()
    [False, True, False, True]
    """
    lo = -np.inf if variable.scale_min is None else variable.scale_min
    hi = np.inf if variable.scale_max is None else variable.scale_max
    if variable.kind != "continuous":
        lo, hi = -np.inf, np.inf
    return (numbers < lo) | (numbers > hi)


def _value_column(series: pd.Series) -> bool:
    """A numeric column that holds values, not row numbers or codes (every value distinct
    whole numbers counting up are an id)."""
    if not pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
        return False
    values = series.dropna()
    if not len(values):
        return False
    whole = bool(np.all(np.mod(values, 1) == 0))
    if whole and values.is_unique and values.is_monotonic_increasing:
        return False  # row numbers
    return not (whole and values.min() >= 1800 and values.max() <= 2200)  # years


def _guess_region(df, columns) -> str | None:
    """Pick the first text column whose values look like region codes or names."""
    for col in columns:
        s = df[col]
        if pd.api.types.is_numeric_dtype(s):
            continue
        sample = s.dropna().astype(str).head(200)
        if sample.str.fullmatch(r"(GM|PV|WK|BU|CR|NL|LD)\d+").mean() > 0.8:
            return col
    return None


def suggest_order(series: pd.Series, variable=None) -> tuple[str, ...]:
    """Suggest the order (low to high) of the text answers in a column.

    Labels that match the registry variable's levels (Dutch or English, any case) follow the
    registry's order; others follow, sorted.

    Examples
    --------
    >>> suggest_order(pd.Series(["goed", "slecht", "goed", None]))
    ('goed', 'slecht')
    """
    labels = sorted(map(str, pd.unique(series.dropna())), key=str.casefold)
    if variable is None or not getattr(variable, "levels_nl", ()):
        return tuple(labels)
    rank = {}
    for levels in (variable.levels_nl, getattr(variable, "levels_en", ()) or ()):
        for i, lab in enumerate(levels):
            rank.setdefault(lab.casefold(), i)
    known = sorted(
        (lab for lab in labels if lab.casefold() in rank), key=lambda s: rank[s.casefold()]
    )
    return tuple(known + [lab for lab in labels if lab.casefold() not in rank])


def detect_shape(df: pd.DataFrame, mapping: Mapping) -> str:
    """Say whether the table holds microdata (many rows per region and year) or aggregates.

    Examples
    --------
    >>> detect_shape(pd.DataFrame({"r": ["a", "a", "b"]}), Mapping("r"))
    'microdata'
    >>> detect_shape(pd.DataFrame({"r": ["a", "b"], "y": [1, 1]}), Mapping("r", year="y"))
    'aggregates'
    """
    keys = [c for c in (mapping.region, mapping.year, *mapping.groups) if c]
    # A key combination repeated among the first rows is repeated in the file: microdata is
    # told from a head of the table; only a table without repeats there is checked whole (a
    # DataFrame.duplicated over 1e7 rows took 1.4 s, as long as computing every measure).
    head = df.iloc[:SHAPE_HEAD]
    repeated = _repeats(head, keys) or (len(df) > len(head) and _repeats(df, keys))
    return MICRODATA if repeated else AGGREGATES


SHAPE_HEAD = 50_000


def _repeats(df: pd.DataFrame, keys: list[str]) -> bool:
    """Return whether some combination of the ``keys`` columns occurs in more than one row."""
    if not len(df):
        return False
    code = np.zeros(len(df), dtype=np.int64)
    for key in keys:
        part, levels = pd.factorize(df[key], use_na_sentinel=False)
        code, _ = pd.factorize(code * max(len(levels), 1) + part)  # dense, never overflows
    return bool(np.bincount(code).max() > 1)
