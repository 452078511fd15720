"""A plain-language report on a prepared dataset: its shape, what was found, what was left out.

The Data page shows this report; the texts live here (Dutch and English) so they are tested
without Streamlit. Errors that make a dataset unusable (negative weights, text in a numeric
column, answers outside the order) are raised by :func:`indicators.dataset.prepare` as
:class:`~indicators.errors.DataError`; this report covers data that *can* be used.

Examples
--------
>>> import pandas as pd
>>> from indicators.dataset.mapping import Mapping
>>> from indicators.dataset.prepare import prepare
>>> from indicators.registry.catalog import load_registry
>>> df = pd.DataFrame({"gemeente": ["A", "A", "B"], "jaar": [2020, 2020, 2020],
...                    "levenstevredenheid": [7.0, None, 8.0]})
>>> m = Mapping.build("gemeente", year="jaar", variables={"life_satisfaction": "levenstevredenheid"})
>>> shape_text(prepare(df, m, load_registry()), "en")
'One row per person or household: 3 rows in 2 regions in 2020; distributions within each region can be measured.'
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from indicators.dataset import region_names
from indicators.dataset.mapping import AGE_BAND_LABELS, REGION, WEIGHT, YEAR
from indicators.dataset.own_variables import MICRODATA
from indicators.results import TOTAL
from indicators.text import area, text
from indicators.views.escape import markdown_text

__all__ = [
    "Report",
    "build_report",
    "decimals_needed",
    "fmt_int",
    "localized_table",
    "pivot_text",
    "shape_text",
    "TEXTS",
]

TEXTS = area("validation_report")


def _t(key: str, lang: str, **values) -> str:
    return text(f"validation_report.{key}", lang, **values)


def _tn(key: str, lang: str, n: int, **values) -> str:
    """Return a sentence about ``n`` things: the singular one ("1 row without a value is left
    out") when n is 1 and there is one, with n formatted."""
    one = f"{key}_1"
    return _t(one if n == 1 and one in TEXTS else key, lang, n=fmt_int(n, lang), **values)


def fmt_int(n, lang: str = "nl") -> str:
    """Format a whole number with a thousands separator: 198.374 (nl) or 198,374 (en).

    >>> fmt_int(198374, "nl"), fmt_int(198374, "en")
    ('198.374', '198,374')
    """
    text = f"{int(n):,}"
    return text.replace(",", ".") if lang == "nl" else text


def decimals_needed(values, most: int = 4) -> int:
    """Return the fewest decimals (up to ``most``) that show every value as it is.

    >>> decimals_needed([7.7, 8.0, 6.25]), decimals_needed([1.0, 2.0]), decimals_needed([1 / 3])
    (2, 0, 4)
    """
    numbers = pd.to_numeric(pd.Series(values), errors="coerce").dropna().to_numpy(dtype=float)
    for decimals in range(most):
        if not len(numbers) or np.abs(numbers.round(decimals) - numbers).max() < 1e-9:
            return decimals
    return most


def localized_table(frame: pd.DataFrame, lang: str = "nl"):
    """Return a Styler that shows numbers with the language's decimal mark: 7,7 (nl), 7.7 (en).

    Values stay numbers (a table sorts them as numbers); only what is shown changes. Columns of
    fractions get the decimals they need (up to 4), without thousands separators (years and
    codes stay 2014 and 363); whole-number columns are shown as they are.

    >>> styler = localized_table(pd.DataFrame({"x": [7.7, 8.0], "jaar": [2014, 2015]}), "nl")
    >>> styler.to_string(delimiter=" ").splitlines()[1:]
    ['0 7,7 2014', '1 8,0 2015']
    """
    formats = {}
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_float_dtype(series):
            decimals = decimals_needed(series)
            formats[column] = _decimal_formatter(decimals, lang)
    return frame.style.format(formats, na_rep="–")


def _decimal_formatter(decimals: int, lang: str):
    mark = "," if lang == "nl" else "."

    def shown(value) -> str:
        if value is None or pd.isna(value):
            return "–"
        return f"{float(value):.{decimals}f}".replace(".", mark)

    return shown


def _count(n: int, one: str, many: str, lang: str) -> str:
    return _t(one, lang) if n == 1 else _t(many, lang, n=fmt_int(n, lang))


def _list(items, lang: str, limit: int = 12) -> str:
    items = [str(i) for i in items]
    if len(items) <= limit:
        return ", ".join(items)
    return ", ".join(items[:limit]) + " " + _t("and_more", lang, n=len(items) - limit)


def _years_text(years, lang: str) -> str:
    years = [int(y) if isinstance(y, float) and y.is_integer() else y for y in years]
    if not years:
        return ""
    if len(years) == 1:
        return _t("one_year", lang, year=years[0])
    numeric = all(isinstance(y, int) or hasattr(y, "__index__") for y in years)
    if numeric and int(years[-1]) - int(years[0]) == len(years) - 1:
        return _t("years_span", lang, n=len(years), first=years[0], last=years[-1])
    return _t("years_gaps", lang, n=len(years), years=_list(years, lang))


def _year_list(years, lang: str) -> str:
    """Return '2014–2024' for consecutive whole years, else the years listed."""
    try:
        whole = [int(y) for y in years]
    except (TypeError, ValueError):
        whole = None
    if whole and len(whole) > 2 and whole == list(range(whole[0], whole[-1] + 1)):
        return f"{whole[0]}–{whole[-1]}"
    return _list(years, lang, limit=30)


def shape_text(prepared, lang: str = "nl") -> str:
    """Say in one sentence what one row of the data is and what can be measured from it."""
    mapping = prepared.mapping
    rows = _count(len(prepared.frame), "row", "rows", lang)
    regions = _count(len(prepared.regions), "region", "regions", lang)
    years = _years_text(prepared.years, lang)
    if prepared.shape == MICRODATA:
        return _t("micro", lang, rows=rows, regions=regions, years=years)
    unit = "unit_region" + ("_year" if mapping.year else "") + ("_group" if mapping.groups else "")
    weighting = (
        _t("weighted", lang, column=mapping.weight) if mapping.weight else _t("unweighted", lang)
    )
    return _t(
        "agg",
        lang,
        unit=_t(unit, lang),
        rows=rows,
        regions=regions,
        years=years,
        weighting=weighting,
    )


def pivot_text(raw: pd.DataFrame, lang: str = "nl") -> str | None:
    """Say that (and how) a long table was turned into columns, or return None."""
    roles = raw.attrs.get("pivoted_from_long")
    if not roles:
        return None
    year = _t("pivot_year", lang) if roles.get("year") else ""
    return _t("pivoted", lang, year=year, indicator=roles["indicator"], value=roles["value"])


@dataclass
class Report:
    """The validation report.

    ``shape`` says what a row is; ``facts`` what was found (regions, years, indicators, hidden
    values); ``notes`` what was left out across columns (missing weights, values of 0 or below
    for log-based measures, missing groups); ``column_notes`` the rows without a value per
    variable column; ``columns`` a table of every column used with its counts.
    """

    shape: str
    facts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    column_notes: list[str] = field(default_factory=list)
    columns: pd.DataFrame | None = None

    def missing_table(self) -> pd.DataFrame:
        """Return the rows of ``columns`` that have rows without a value."""
        if self.columns is None or self.columns.empty:
            return pd.DataFrame()
        return self.columns[self.columns.iloc[:, 3].astype(str) != "0"]


def build_report(
    prepared, results: pd.DataFrame, registry, *, min_n: int, lang: str = "nl", names=None
):
    """Build the plain-language report on a prepared dataset and its results table.

    Parameters
    ----------
    prepared : Prepared
        From :func:`indicators.dataset.prepare`.
    results : pandas.DataFrame
        From :func:`indicators.compute.compute`.
    registry : Registry
        The indicator registry (labels).
    min_n : int
        The small-cell threshold used for ``results``.
    lang : {"nl", "en"}, default "nl"
    names : mapping, optional
        The name shown for each region (:func:`indicators.region_names.display_names`);
        regions are listed as "name (code)" where the name differs from the code.

    Returns
    -------
    Report
    """
    frame, mapping = prepared.frame, prepared.mapping
    names = names or {}
    listed = [  # names from the file: shown as written, never as markdown
        markdown_text(f"{names[r]} ({r})" if names.get(r, r) != r else str(r))
        for r in region_names.in_order(prepared.regions)
    ]
    facts = [_t("regions_found", lang, list=_list(listed, lang))]
    if mapping.year:
        facts.append(_t("years_found", lang, list=_year_list(prepared.years, lang)))
    else:
        facts.append(_t("no_year", lang))

    inds = [i for i in results["indicator"].unique() if i in registry.indicator_by_id]
    facts.append(
        _t(
            "computed",
            lang,
            n=_count(len(inds), "indicator", "indicators", lang),
            k=_count(len(prepared.variables), "variable", "variables", lang),
        )
    )
    if prepared.shape != MICRODATA:
        others = len(registry.indicators_for(prepared.variables)) - len(inds)
        if others > 0:
            facts.append(_tn("means_only", lang, others))
        facts.append(_t("no_small_cells", lang))
    else:
        total = len(results)
        hidden = int(results["suppressed"].sum()) if total else 0
        key = "suppressed" if hidden else "none_suppressed"
        facts.append(_tn(key, lang, hidden, total=fmt_int(total, lang), min_n=min_n))

    for col in prepared.age_bands:
        present = set(frame[col].unique())
        bands = [b for b in AGE_BAND_LABELS if b in present]
        facts.append(_t("age_bands", lang, column=col, bands=", ".join(bands)))

    notes, column_notes = [], []
    rows = [_row(mapping.region, _t("role_region", lang), frame[REGION], lang)]
    if mapping.year:
        rows.append(_row(mapping.year, _t("role_year", lang), frame[YEAR], lang))
    if mapping.weight:
        rows.append(_row(mapping.weight, _t("role_weight", lang), frame[WEIGHT], lang))
        missing = int(frame[WEIGHT].isna().sum())
        if missing:
            notes.append(_tn("missing_weight", lang, missing, column=mapping.weight))
    for col in mapping.groups:
        missing = int((frame[col] == "(missing)").sum())
        rows.append(
            _row(col, _t("role_group", lang), frame[col].mask(frame[col] == "(missing)"), lang)
        )
        if missing:
            notes.append(_tn("missing_group", lang, missing, column=col))
    for var_id, col in mapping.variable_columns.items():
        variable = registry.variable_by_id[var_id]
        label = variable.label(lang)
        order = mapping.order_for(col)
        role = _t("role_answers", lang, label=label, k=len(order)) if order else label
        rows.append(_row(col, role, frame[var_id], lang))
        missing = int(frame[var_id].isna().sum())
        if missing:
            column_notes.append(
                _tn("missing_values", lang, missing, column=col, label=f"'{label}'")
            )
    if len(results) and (results["n_excluded"] > 0).any():
        total_rows = results[(results["region"] == TOTAL) & (results["n_excluded"] > 0)]
        for ind_id, n in total_rows.groupby("indicator", sort=False)["n_excluded"].sum().items():
            if ind_id in registry.indicator_by_id:
                label = registry.indicator_by_id[ind_id].label(lang)
                notes.append(_tn("excluded", lang, int(n), label=label))
    columns = pd.DataFrame(
        rows,
        columns=[
            _t("col_column", lang),
            _t("col_role", lang),
            _t("col_present", lang),
            _t("col_missing", lang),
        ],
    )
    return Report(shape_text(prepared, lang), facts, notes, column_notes, columns)


def _row(column: str, role: str, values: pd.Series, lang: str) -> list:
    missing = int(values.isna().sum())
    return [column, role, fmt_int(len(values) - missing, lang), fmt_int(missing, lang)]
