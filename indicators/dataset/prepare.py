"""Preparing a dataset: the shape of the file, answers to scores, checks, and the Prepared data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from indicators.dataset import validate
from indicators.dataset.mapping import (
    CLUSTER,
    MISSING_GROUP,
    REGION,
    STRATA,
    WEIGHT,
    YEAR,
    Mapping,
    age_bands,
    detect_shape,
    is_age_in_years,
    off_scale,
    suggest_order,
)
from indicators.dataset.own_variables import (
    AGGREGATES,
    extend_registry,
    unit_from_name,
)
from indicators.errors import DataError


@dataclass
class Prepared:
    """A dataset ready to measure: role columns cleaned, variables as numbers."""

    frame: pd.DataFrame  # columns: region, year?, weight?, groups..., one per variable id
    mapping: Mapping
    shape: str
    source: str
    labels: dict[str, dict[str, float]] = field(default_factory=dict)  # variable -> label score
    notes: list[str] = field(default_factory=list)
    age_bands: tuple[str, ...] = ()  # group columns of ages in years, shown as age bands
    registry: object = None  # the registry with this mapping's own variables and indicators

    @property
    def variables(self) -> list[str]:
        """Return the registry variable ids that are mapped."""
        return list(self.mapping.variable_columns)

    @property
    def design(self) -> dict:
        """The mapped survey design as the frame's columns: ``{"strata": ..., "cluster": ...}``
        (None for a role not mapped), as :func:`indicators.results.compute` takes them."""
        return {
            "strata": STRATA if self.mapping.strata else None,
            "cluster": CLUSTER if self.mapping.cluster else None,
        }

    @property
    def years(self) -> list:
        """Return the years present, sorted (empty without a year column)."""
        return sorted(self.frame[YEAR].dropna().unique()) if YEAR in self.frame else []

    @property
    def regions(self) -> list[str]:
        """Return the regions present, sorted."""
        return sorted(self.frame[REGION].unique())


def prepare(
    df: pd.DataFrame,
    mapping: Mapping,
    registry,
    *,
    source: str = "data",
    shape: str | None = None,
    ages: Sequence[str] | None = None,
) -> Prepared:
    """Check a mapping against the data and return the columns to measure.

    Raises :class:`DataError` with a plain message when a column is missing, a weight is
    negative, a region is missing, a year is not a year, or a numeric column holds text. The
    user's frame is not changed. ``shape`` (microdata or aggregates) and ``ages`` (the
    group columns of ages in years) are told from ``df`` unless given: a part of a larger
    data set (the Dask engine's pieces) is prepared as the whole.
    """
    validate.require_columns(df, mapping.role_columns(), source=source)
    notes: list[str] = []
    shape = shape or detect_shape(df, mapping)
    # own variables (and, in aggregates, every value column) as registry entries; their
    # answers in the order the user saved
    own = tuple(replace(o, levels=mapping.order_for(o.column) or o.levels) for o in mapping.own)
    registry = extend_registry(
        registry, own, shape=shape, tied=mapping.variables, weight=mapping.weight
    )
    for var_id in mapping.variable_columns:
        if var_id not in registry.variable_by_id:
            raise DataError.from_text("errors.not_a_registry_variable", variable=var_id)
    out = {REGION: validate.region_column(df, mapping.region, source=source)}
    if mapping.merges:  # spellings of one region the user chose to count as one
        merges = dict(mapping.merges)
        out[REGION] = out[REGION].replace(merges)
        for written, counted in mapping.merges:
            notes.append(f"'{written}' in column '{mapping.region}' is counted as '{counted}'.")
    if mapping.year:
        out[YEAR] = validate.year_column(df, mapping.year, source=source)
    if mapping.weight:
        out[WEIGHT] = validate.weight_column(df, mapping.weight, source=source)
    # the survey design as it is: the variance estimator checks it (no missing stratum or unit)
    for role, col in ((STRATA, mapping.strata), (CLUSTER, mapping.cluster)):
        if col:
            out[role] = df[col]
    banded = (
        tuple(col for col in mapping.groups if is_age_in_years(col, df[col]))
        if ages is None
        else tuple(ages)
    )
    for col in mapping.groups:
        if col in banded:
            out[col] = age_bands(df[col])
        else:
            out[col] = df[col].astype("string").str.strip().fillna(MISSING_GROUP)
    labels = {}
    for var_id, col in mapping.variable_columns.items():
        variable = registry.variable_by_id[var_id]
        values, scores = to_scores(df, col, variable, mapping.order_for(col), source=source)
        outside = off_scale(values, variable) & values.notna()
        if outside.any():
            codes = ", ".join(_fmt_number(v) for v in pd.unique(values[outside])[:5])
            count = int(outside.sum())
            rows = "row has" if count == 1 else "rows have"
            notes.append(
                f"{count:,} {rows} a value off the scale of '{variable.label_en}' "
                f"({_fmt_number(variable.scale_min)} to {_fmt_number(variable.scale_max)}) in "
                f"column '{col}': {codes}. Surveys use such codes for 'refused' or 'don't "
                "know'; these rows are left out of it, as missing."
            )
            values = values.mask(outside)
        per = _percent_divisor(mapping.own_for(col), col, values, shape, variable)
        if per != 1:
            values = values / per
            notes.append(
                f"Column '{col}' holds percentages (0 to 100): read as shares and shown as %."
            )
        out[var_id] = values
        if scores:
            labels[var_id] = scores
        missing = int(values.isna().sum()) - int(outside.sum())
        if missing:
            rows = "row has" if missing == 1 else "rows have"
            notes.append(
                f"{missing:,} {rows} no value in column '{col}'; they are left out of "
                f"'{variable.label_en}'."
            )
    # one block per column, not consolidated: pd.DataFrame(dict) copied every column into
    # blocks by dtype (0.6 s at 1e7 rows); nothing here changes the frame in place
    frame = pd.concat(out, axis=1)
    if mapping.weight:
        missing_w = int(frame[WEIGHT].isna().sum())
        if missing_w:
            notes.append(
                f"{missing_w:,} rows have no weight in column '{mapping.weight}'; they "
                "are left out of every measure."
            )
    frame = frame.reset_index(drop=True)
    return Prepared(
        frame, mapping, shape, source, labels, notes, age_bands=banded, registry=registry
    )


def _fmt_number(x) -> str:
    return str(int(x)) if float(x).is_integer() else f"{float(x):g}"


def _percent_divisor(own, column, values, shape, variable) -> float:
    """Return 100 for a column of percentages (0 to 100) to read as shares, else 1.

    An own variable says so itself (``per``); in aggregates a column tied to the catalogue
    whose name says % (``Ontevreden (%)``) and whose values go above 1 is read the same way,
    unless the catalogue variable is a regional figure with a unit of its own.
    """
    if own is not None:
        return own.per
    percent_name = unit_from_name(column)[1]
    if shape == AGGREGATES and percent_name and not variable.regional and values.max() > 1:
        return 100.0
    return 1.0


def to_scores(df, column, variable=None, order=None, *, source="data"):
    """Turn a value column into numbers: numeric as is, text answers into scores 1..k.

    Returns the numbers and, for text answers, the score of each label. Registry labels of
    ordinal, binary and nominal variables get the score of their position among the
    variable's levels, so ``share:LABEL`` in the catalogue finds the user's matching answer.

    Examples
    --------
    >>> s, labels = to_scores(pd.DataFrame({"h": ["goed", "slecht", None]}), "h",
    ...                       order=("slecht", "goed"))
    >>> s.tolist(), labels
    ([2.0, 1.0, nan], {'slecht': 1.0, 'goed': 2.0})
    """
    series = df[column]
    kind = getattr(variable, "kind", "continuous")
    if pd.api.types.is_bool_dtype(series):
        series = series.astype("Int64")
    if pd.api.types.is_numeric_dtype(series) and not order:
        values = pd.Series(pd.to_numeric(series, errors="coerce"), dtype=float)
        # inf, a sum that overflows, or nothing at all: an error naming the rows, not NaN
        values = validate.finite_column(df, column, values, source=source)
        if kind in ("binary", "ordinal", "nominal") and variable is not None:
            present = sorted(values.dropna().unique())
            levels = tuple(variable.levels_nl or ())
            if kind == "binary" and set(present) <= {0.0, 1.0} and len(levels) == 2:
                # 0/1 coding: 1 is the second level ("ja"), scored 2 like the text answer
                return values + 1, {levels[0]: 1.0, levels[1]: 2.0}
        return values, {}
    text = series.astype("string").str.strip()
    if not order:
        if kind == "continuous":
            return validate.numeric_column(df, column, source=source), {}
        order = suggest_order(text, variable)
    order = tuple(str(o) for o in order)
    present = pd.unique(text.dropna())
    unknown = [v for v in present if v not in order]
    if unknown:
        examples = _examples(text, unknown)
        raise DataError.from_text(
            "errors.answers_not_in_order",
            source=source,
            column=column,
            examples=lambda lang: examples.replace("(row ", "(rij ") if lang == "nl" else examples,
            order=", ".join(order),
        )
    scores = _label_scores(order, variable, column, source)
    values = text.map(scores).astype(float)
    return pd.Series(np.asarray(values, dtype=float), index=df.index), scores


def _label_scores(order, variable, column, source) -> dict[str, float]:
    """Score each label: its position among the registry's levels where the labels are the
    registry's (Dutch or English, any case), else its position in the user's order.

    The registry's own labels get the same scores, so ``share:LABEL`` and thresholds in the
    catalogue mean the same answer whatever words the file uses.
    """
    levels = tuple(getattr(variable, "levels_nl", ()) or ()) if variable is not None else ()
    if not levels:
        return {label: float(i + 1) for i, label in enumerate(order)}
    rank = {}
    for names in (levels, tuple(getattr(variable, "levels_en", ()) or ())):
        for i, name in enumerate(names):
            rank.setdefault(name.casefold(), float(i + 1))
    if all(label.casefold() in rank for label in order):
        scores = {label: rank[label.casefold()] for label in order}
    elif len(order) == len(levels):
        scores = {label: float(i + 1) for i, label in enumerate(order)}
    else:
        levels_en = tuple(getattr(variable, "levels_en", ()) or ()) or levels
        answers = ", ".join(order)
        own = {"nl": (variable.label_nl, levels), "en": (variable.label_en, levels_en)}
        raise DataError.from_text(
            "errors.answers_not_levels",
            source=source,
            column=column,
            n=len(order),
            answers=answers,
            label=lambda lang: own[lang][0],
            k=lambda lang: len(own[lang][1]),
            levels=lambda lang: ", ".join(own[lang][1]),
        )
    for i, name in enumerate(levels):
        scores.setdefault(name, float(i + 1))
    for i, name in enumerate(getattr(variable, "levels_en", ()) or ()):
        scores.setdefault(name, float(i + 1))
    return scores


def _examples(text: pd.Series, bad_values, limit: int = 5) -> str:
    mask = text.isin(bad_values)
    rows = np.flatnonzero(mask.to_numpy())[:limit]
    return ", ".join(f"'{text.iloc[i]}' (row {i + 2})" for i in rows)
