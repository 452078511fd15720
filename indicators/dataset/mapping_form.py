"""Helpers for editing a mapping by hand: build it from choices, check it, show answer orders.

Plain Python (no Streamlit) so the Data page only reads widgets and calls these.

Examples
--------
>>> m = mapping_from_choices("gemeente", year="jaar", weight=NOT_USED, groups=[],
...                          variables={"life_satisfaction": "score", "income": NOT_USED})
>>> m.region, m.weight, m.variable_columns
('gemeente', None, {'life_satisfaction': 'score'})
>>> mapping_problems(m.with_changes(year="score"), "en")
["Column 'score' is chosen for more than one role: year, Life satisfaction. Choose each column once."]
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from indicators.dataset.mapping import Mapping, fits_variable, suggest_order
from indicators.dataset.own_variables import CONTINUOUS, suggest_own
from indicators.dataset.prepare import to_scores
from indicators.dataset.validation_report import fmt_int
from indicators.errors import DataError
from indicators.registry.catalog import KINDS
from indicators.text import text

__all__ = [
    "NOT_USED",
    "answer_levels",
    "category_table",
    "group_options",
    "is_nominal",
    "level_table",
    "mapping_from_choices",
    "mapping_problems",
    "own_from_choices",
    "move_answer",
    "needs_order",
    "order_options",
    "unused_columns",
]

NOT_USED = ""


def _t(key: str, lang: str, **values) -> str:
    return text(f"mapping_form.{key}", lang, **values)


def _used(value) -> str | None:
    return value if value not in (None, NOT_USED) else None


def mapping_from_choices(
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
) -> Mapping:
    """Build a mapping from widget choices; ``NOT_USED`` (or None) leaves a role empty.

    Orders are kept only for columns still mapped to a variable (catalogue or own).
    """
    variables = {v: c for v, c in (variables or {}).items() if _used(c)}
    kept = set(variables.values()) | {o.column for o in own}
    orders = {c: tuple(o) for c, o in (orders or {}).items() if c in kept and o}
    return Mapping.build(
        _used(region),
        year=_used(year),
        weight=_used(weight),
        groups=[g for g in groups if _used(g)],
        variables=variables,
        orders=orders,
        own=own,
        strata=_used(strata),
        cluster=_used(cluster),
    )


def own_from_choices(df: pd.DataFrame, columns, edits=None, current=()) -> tuple:
    """Return the own variables for the chosen columns, suggested from the values and
    changed as the user said.

    ``edits`` maps a column to its changes: ``label``, ``unit``, ``kind`` (one of
    :data:`indicators.own_variables.KINDS`) and ``higher_is_better`` (True, False or None).
    A changed kind gets its answers anew: text answers in a known scale's order, else sorted;
    numbers as their sorted values.

    >>> df = pd.DataFrame({"happy": ["very happy", "not too happy"], "x": [1.5, 2.0]})
    >>> [(o.column, o.kind) for o in own_from_choices(df, ["happy", "x"])]
    [('happy', 'binary'), ('x', 'continuous')]
    >>> own_from_choices(df, ["x"], {"x": {"label": "Mijn x", "unit": "uur"}})[0].name
    'Mijn x'
    """
    edits = edits or {}
    before = {o.column: o for o in current}
    out = []
    for col in columns:
        own = before.get(col) or suggest_own(df[col], col)
        change = dict(edits.get(col) or {})
        kind = change.pop("kind", own.kind)
        if kind not in KINDS:
            kind = own.kind
        if kind != own.kind:
            own = replace(own, kind=kind, levels=_levels_for(df[col], kind))
        change = {k: v for k, v in change.items() if k in ("label", "unit", "higher_is_better")}
        out.append(replace(own, **change))
    return tuple(out)


def _levels_for(series: pd.Series, kind: str) -> tuple[str, ...]:
    if kind == CONTINUOUS:
        return ()
    suggested = suggest_own(series.astype("string"), "x")
    if suggested.levels:
        return suggested.levels
    values = pd.unique(series.dropna())
    try:
        values = sorted(values)
    except TypeError:
        values = sorted(values, key=str)
    return tuple(_answer_text(v) for v in values)


def _answer_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def mapping_problems(
    mapping: Mapping, lang: str = "nl", registry=None, df: pd.DataFrame | None = None
) -> list[str]:
    """Return what is wrong with a mapping before it is used, in plain words (empty if fine).

    With the table (``df``), a column tied to a catalogue variable whose values cannot be
    that variable is named with the reason, and so is text measured as numbers.
    """
    problems = []
    if not mapping.region:
        problems.append(_t("no_region", lang))
    if not mapping.variables and not mapping.own:
        problems.append(_t("no_variables", lang))
    if df is not None:
        problems += _fit_problems(mapping, lang, registry, df)
    roles: dict[str, list[str]] = {}
    for column, role in (
        (mapping.region, _t("region", lang)),
        (mapping.year, _t("year", lang)),
        (mapping.weight, _t("weight", lang)),
        *((g, _t("group", lang)) for g in mapping.groups),
        *((c, _variable_label(v, registry, lang)) for v, c in mapping.variables),
        *((o.column, o.name) for o in mapping.own),
    ):
        if column:
            roles.setdefault(column, []).append(role)
    for column, names in roles.items():
        if len(names) > 1:
            problems.append(_t("twice", lang, column=column, roles=", ".join(names)))
    return problems


def _fit_problems(mapping: Mapping, lang: str, registry, df: pd.DataFrame) -> list[str]:
    if registry is None:
        from indicators.registry.catalog import load_registry

        registry = load_registry()
    problems = []
    for var_id, col in mapping.variables:
        variable = registry.variable_by_id.get(var_id)
        if variable is None or col not in df or fits_variable(df[col], variable):
            continue
        values = df[col].dropna()
        found = ", ".join(_answer_text(v) for v in pd.unique(values)[:4])
        if not pd.api.types.is_numeric_dtype(values):
            why = _t("why_levels", lang, found=found, levels=", ".join(variable.levels(lang)))
        elif variable.scale_min is not None or variable.scale_max is not None:
            lo, hi = (_answer_text(float(v)) for v in (variable.scale_min, variable.scale_max))
            why = _t("why_scale", lang, found=found, lo=lo, hi=hi)
        else:
            why = _t("why_few", lang, found=found)
        label = variable.label(lang)
        problems.append(_t("no_fit", lang, column=col, label=label, why=why))
    for own in mapping.own:
        series = df.get(own.column)
        if (
            series is not None
            and own.kind == CONTINUOUS
            and not pd.api.types.is_numeric_dtype(series)
            and pd.to_numeric(series.dropna(), errors="coerce").isna().any()
        ):
            found = ", ".join(map(str, pd.unique(series.dropna())[:4]))
            problems.append(_t("text_continuous", lang, column=own.column, found=found))
    return problems


def _variable_label(var_id: str, registry, lang: str) -> str:
    if registry is None:
        from indicators.registry.catalog import load_registry

        registry = load_registry()
    variable = registry.variable_by_id.get(var_id)
    return variable.label(lang) if variable is not None else var_id


def needs_order(series: pd.Series, variable) -> bool:
    """Whether a column holds text answers of an ordinal, binary or nominal variable."""
    kind = getattr(variable, "kind", "continuous")
    return kind != "continuous" and not pd.api.types.is_numeric_dtype(series)


def order_options(series: pd.Series, variable, current=None) -> tuple[list[str], list[str]]:
    """Return (every answer in the column, the current or suggested order low to high)."""
    answers = list(suggest_order(series, variable))
    order = [str(o) for o in current] if current else answers
    return sorted(set(answers) | set(order), key=str.casefold), order


def is_nominal(variable) -> bool:
    """Whether a variable's answers are categories without an order (work status, say)."""
    return getattr(variable, "kind", "") == "nominal"


def category_table(series: pd.Series, variable, lang: str = "nl", order=None):
    """Show which catalogue category each category in a column counts as, with its rows.

    Categories match the catalogue's by name (Dutch or English, any case), as the indicators
    are computed; returns ``(table, all_matched)``. Row counts are text with the language's
    thousands separator. When the names do not match but the
    number of categories does, the catalogue pairs them by position, which is said.

    >>> from indicators.registry.catalog import load_registry
    >>> var = load_registry().variable_by_id["work_status"]
    >>> table, ok = category_table(pd.Series(["werkloos", "werkzaam", "werkzaam"]), var, "en")
    >>> ok, table.to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
    (True, {'Category in your file': ['werkzaam', 'werkloos'], 'Rows': ['2', '1'],
            'Category in the catalogue': ['employed', 'unemployed']})
    """
    text = series.dropna().astype("string").str.strip()
    counts = text.value_counts()
    answers = [str(a) for a in (order or suggest_order(text, variable))]
    levels, all_matched = answer_levels(answers, variable, lang)
    rows = [
        [answer, fmt_int(counts.get(answer, 0), lang), level]
        for answer, level in zip(answers, levels, strict=True)
    ]
    columns = [_t("col_category", lang), _t("col_rows", lang), _t("col_catalogue_category", lang)]
    return pd.DataFrame(rows, columns=columns), all_matched


def answer_levels(answers, variable, lang: str = "nl") -> tuple[list[str], bool]:
    """Return the catalogue level each answer counts as, as the indicators are computed.

    When every answer is named as a catalogue level (Dutch or English, any case), each counts
    as that level wherever it stands; otherwise all are paired with the levels by position
    (said, even for an answer named like a level), or, when their number differs from the
    levels', not at all. Also returns whether every answer is named as in the catalogue (then
    the order changes nothing).

    >>> from indicators.registry.catalog import load_registry
    >>> var = load_registry().variable_by_id["loneliness"]
    >>> answer_levels(["ja", "nee"], var, "en"), answer_levels(["niet", "wel"], var, "en")
    ((['yes', 'no'], True), (['no (by position)', 'yes (by position)'], False))
    """
    answers = [str(a) for a in answers]
    levels = list(variable.levels(lang))
    known = {name.casefold() for name in (*variable.levels_nl, *(variable.levels_en or ())) if name}
    all_matched = all(a.casefold() in known for a in answers)
    by_position = not all_matched
    try:
        _, scores = to_scores(pd.DataFrame({"c": answers}), "c", variable, order=answers)
    except DataError:  # cannot be used as it is (the check says why); show the name matches
        by_position = False
        rank = {}
        for names in (variable.levels_nl, variable.levels_en or ()):
            for i, name in enumerate(names):
                rank.setdefault(name.casefold(), float(i + 1))
        scores = {a: rank[a.casefold()] for a in answers if a.casefold() in rank}
    shown = []
    for answer in answers:
        score = scores.get(answer)
        if score is None:
            shown.append(_t("no_match", lang))
        elif by_position:  # even an answer named like a level counts by its place
            shown.append(_t("by_position", lang, level=levels[int(score) - 1]))
        else:
            shown.append(levels[int(score) - 1])
    return shown, all_matched


def move_answer(order, position: int, step: int) -> list[str]:
    """Return the order with the answer at ``position`` moved ``step`` places (-1 up, +1 down).

    >>> move_answer(["a", "b", "c"], 2, -1), move_answer(["a", "b", "c"], 0, -1)
    (['a', 'c', 'b'], ['a', 'b', 'c'])
    """
    order = list(order)
    target = position + step
    if 0 <= position < len(order) and 0 <= target < len(order):
        order[position], order[target] = order[target], order[position]
    return order


def level_table(order, variable, lang: str = "nl") -> pd.DataFrame:
    """Show which catalogue level each position in the order gets: score, answer, level.

    >>> from indicators.registry.catalog import load_registry
    >>> var = load_registry().variable_by_id["loneliness"]
    >>> level_table(["nee", "ja"], var, "en").to_dict("list")
    {'Score': [1, 2], 'Answer in your file': ['nee', 'ja'], 'Level in the catalogue': ['no', 'yes']}
    """
    levels = list(variable.levels(lang)) if variable is not None else []
    rows = [
        [i + 1, answer, levels[i] if i < len(levels) else "–"] for i, answer in enumerate(order)
    ]
    columns = [_t("col_score", lang), _t("col_answer", lang), _t("col_level", lang)]
    return pd.DataFrame(rows, columns=columns)


def group_options(columns, mapping: Mapping) -> list[str]:
    """Return the columns that can be chosen as groups: those without another role.

    The region, year, weight and variable columns are left out; the groups already chosen
    stay, in file order.

    >>> m = Mapping.build("gemeente", year="jaar", weight="w", groups=["sexe"],
    ...                   variables={"income": "ink"})
    >>> group_options(["gemeente", "jaar", "w", "sexe", "ink", "opleiding"], m)
    ['sexe', 'opleiding']
    """
    taken = {mapping.region, mapping.year, mapping.weight, *mapping.variable_columns.values()}
    return [str(c) for c in columns if c not in taken or c in mapping.groups]


def unused_columns(columns, mapping: Mapping) -> list[str]:
    """Return the columns of the file that the mapping does not use, in file order."""
    used = set(mapping.role_columns())
    return [str(c) for c in columns if c not in used]
