"""The measure table is the one place for measures: everything that knows them reads it."""

from __future__ import annotations

import fnmatch
import inspect
import tomllib
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.cli import _parser
from indicators.errors import DataError
from indicators.registry.catalog import (
    _default_decimals,
    _default_unit,
    _derived_polarity,
    load_registry,
)
from indicators.registry.explain import measure_in_words
from indicators.results import compute_measures
from indicators.stats import engine as grouped
from indicators.stats import measures as M
from indicators.stats.measure_table import (
    README_END,
    README_START,
    TABLE,
    MeasureTableError,
    cli_help,
    load_measure_table,
    measures_markdown,
    readme_block,
)

ROOT = Path(__file__).resolve().parents[1]
PACKAGED = (ROOT / "indicators" / "stats" / "measures.toml").read_text(encoding="utf-8")


def written_names():
    """Every measure the table offers, written out: names, defaults and each pattern's example
    (a share of a numeric answer, so that both engines compare it as a number)."""
    names = []
    for entry in TABLE.measures():
        if not entry.is_pattern:
            names.append(entry.name)
        elif entry.parameter_kind == "text":
            names.append(entry.written("2"))
        else:
            names += [entry.example, *entry.default_names()]
    return list(dict.fromkeys(names))


@pytest.fixture(scope="module")
def data():
    rng = np.random.default_rng(2024)
    n, k = 3000, 7
    codes = rng.integers(0, k, n)
    x = np.round(rng.lognormal(1, 0.8, n), 1)  # ties, and values around the thresholds
    x[rng.random(n) < 0.03] = 0.0  # left out of theil, mld and atkinson
    w = rng.lognormal(0, 0.5, n)
    return x, codes, k, w


@pytest.mark.parametrize("name", written_names())
def test_both_engines_compute_every_measure_of_the_table(name, data):
    x, codes, k, w = data
    spec = M.parse_measure(name)
    assert spec.entry in TABLE.entries
    res = grouped.grouped_measures(x, codes, k, w, [name])
    national = M.quantile(x, w, p=0.5)
    for gid in range(k):
        keep = codes == gid
        line = spec.kwargs.get("fraction", 0) * national
        expected = M.scalar_measure(spec, x[keep], w[keep], line=line)
        assert np.isfinite(expected), name
        assert res.values[spec.text][gid] == pytest.approx(expected, rel=1e-9), (name, gid)


def test_the_engines_refuse_a_table_with_a_family_they_cannot_compute():
    extra = PACKAGED + (
        '\n[[measure]]\nname = "hoover"\nfamily = "hoover"\nunit = "index"\n'
        'polarity = "lower_is_better"\ndecimals = 3\nlabel_nl = "Hoover-index"\n'
        'label_en = "Hoover index"\nwords_nl = "Hoover-index"\nwords_en = "Hoover index"\n'
        '\n[[measure]]\nname = "q_T"\nfamily = "quantile"\nparameter = "q"\n'
        'parameter_kind = "number"\nexample = "q_0.5"\nunit = "variable"\n'
        'polarity = "variable"\ndecimals = "variable"\nlabel_nl = "Q{q}"\nlabel_en = "Q{q}"\n'
        'words_nl = "kwantiel {q}"\nwords_en = "quantile {q}"\n'
    )
    table = load_measure_table(extra, "more.toml")
    for functions, engine in (
        (M.SCALAR, "indicators.stats.measures"),
        (grouped.FAMILIES, "grouped"),
    ):
        problems = M.check_engine(table, functions, engine)
        assert any(
            p.startswith(f"more.toml: measure 'hoover': field 'family': {engine} has no family")
            for p in problems
        ), problems
    problems = M.check_engine(table, M.SCALAR, "indicators.stats.measures")
    assert (
        "more.toml: measure 'q_T': field 'parameter': indicators.stats.measures's quantile() "
        in ("".join(problems))
    )
    # the packaged table passes: both engines checked it on import
    assert M.check_engine(TABLE, M.SCALAR, "m") == M.check_engine(TABLE, grouped.FAMILIES, "g")
    assert M.check_engine(TABLE, M.SCALAR, "m") == []


GOOD = {
    "name": "mean",
    "family": "mean",
    "unit": "variable",
    "polarity": "variable",
    "decimals": "variable",
    "label_nl": "gemiddelde",
    "label_en": "mean",
    "words_nl": "gemiddelde",
    "words_en": "mean",
}
RULES = (
    '[unit.variable]\ndoc = "as the variable"\n[unit.share]\nnl = "%"\nen = "%"\n'
    'percent = true\ndoc = "%"\n[polarity.variable]\ndoc = "as the variable"\n'
)


def toml_of(*entries) -> str:
    def value(v):
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, str):
            return f'"{v}"'
        return str(v)

    blocks = [
        "[[measure]]\n" + "".join(f"{k} = {value(v)}\n" for k, v in e.items()) for e in entries
    ]
    return RULES + "\n".join(blocks)


# One row per broken table: what is changed, and what the message must say.
BROKEN = [
    ({"family": None}, "mine.toml: measure 'mean': missing field 'family'"),
    ({"unit": "euro"}, "mine.toml: measure 'mean': field 'unit': unknown rule 'euro'"),
    ({"polarity": "up"}, "mine.toml: measure 'mean': field 'polarity': unknown rule 'up'"),
    ({"decimals": "many"}, "mine.toml: measure 'mean': field 'decimals' must be a whole number"),
    ({"decimals": True}, "mine.toml: measure 'mean': field 'decimals' must be a whole number"),
    ({"decimals": 9}, "mine.toml: measure 'mean': field 'decimals' must lie between 0 and 6"),
    ({"colour": "red"}, "mine.toml: measure 'mean': unknown field 'colour'"),
    ({"words_en": "mean of {x}"}, "mine.toml: measure 'mean': field 'words_en' has placeholder"),
    ({"label_nl": " "}, "mine.toml: measure 'mean': field 'label_nl' is empty"),
    ({"name": "Mean"}, "mine.toml: measure 'Mean': field 'name' must be lower case"),
    ({"name": "mean_T"}, "mine.toml: measure 'mean_T': a pattern needs field 'parameter'"),
    ({"part_of": "gini"}, "mine.toml: measure 'mean': fields 'part_of' and 'part' go together"),
    ({"part_of": "gini", "part": "x"}, "mine.toml: measure 'mean': field 'part_of': no measure"),
    (
        {"parameter": "p", "parameter_kind": "float"},
        "mine.toml: measure 'mean': field 'parameter_kind' must be one of",
    ),
    ({"default": [1, 2]}, "mine.toml: measure 'mean': field 'default' lists parameters"),
]


@pytest.mark.parametrize(("change", "message"), BROKEN, ids=[m for _, m in BROKEN])
def test_a_broken_table_names_the_entry_and_the_field(change, message):
    entry = {**GOOD, **change}
    entry = {k: v for k, v in entry.items() if v is not None}
    with pytest.raises(MeasureTableError) as caught:
        load_measure_table(toml_of(entry), "mine.toml")
    assert any(p.startswith(message) for p in caught.value.problems), caught.value.problems
    assert message in str(caught.value)


def test_table_problems_are_collected_and_a_good_table_loads():
    table = load_measure_table(toml_of(GOOD, {**GOOD, "name": "avg"}), "mine.toml")
    assert [e.name for e in table.entries] == ["mean", "avg"]
    with pytest.raises(MeasureTableError) as caught:
        load_measure_table(toml_of(GOOD, GOOD, {**GOOD, "name": "x", "unit": "y"}), "mine.toml")
    assert caught.value.problems == (
        "mine.toml: measure 'mean': the name is given twice",
        "mine.toml: measure 'x': field 'unit': unknown rule 'y' (known: variable, share)",
    )
    with pytest.raises(MeasureTableError, match="mine.toml is not valid TOML"):
        load_measure_table("[[measure]\n", "mine.toml")


def test_the_table_is_package_data():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["indicators.stats"]
    assert any(fnmatch.fnmatch("measures.toml", pattern) for pattern in patterns)
    assert [e.name for e in load_measure_table(PACKAGED).entries] == [e.name for e in TABLE.entries]


def test_defaults_are_the_ticked_measures_and_the_command_line_computes_them():
    raw = tomllib.loads(PACKAGED)["measure"]
    ticked = []
    for item in raw:
        default = item.get("default", False)
        if default is True:
            ticked.append(item["name"])
        elif default:
            ticked += [f"atkinson_{v:g}" for v in default]
    assert list(M.DEFAULT_MEASURES) == ticked
    df = pd.DataFrame({"regio": ["a"] * 5 + ["b"] * 5, "x": [1.0, 2, 3, 4, 5, 2, 4, 6, 8, 10]})
    out = compute_measures(df, value="x", region="regio")
    parts = [e.name for e in TABLE.parts("theil")]
    assert parts == ["theil_between", "theil_within"]
    assert set(out["measure"]) == {*M.DEFAULT_MEASURES, *parts}


def test_parts_of_a_decomposition_are_not_measures_to_ask_for():
    with pytest.raises(DataError, match="the between part of 'theil'.*ask for theil"):
        M.parse_measure("theil_between")


def test_command_line_help_lists_the_table():
    sub = next(a for a in _parser()._actions if a.dest == "command")
    option = next(a for a in sub.choices["measures"]._actions if a.dest == "measures")
    assert option.help == cli_help()
    listed = option.help.split(": ", 1)[1].split(". Default: ")[0].split(", ")
    assert listed == [e.name for e in TABLE.entries if e.part is None]
    assert option.help.split(". Default: ")[1].startswith(", ".join(M.DEFAULT_MEASURES))


def test_readme_measure_list_is_up_to_date():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert README_START in readme and README_END in readme
    assert readme_block(readme) == measures_markdown(), (
        "README.md's measure list is out of date: run "
        "`python -m indicators.stats.measure_table --update-readme README.md`"
    )
    for entry in TABLE.entries:
        assert f"| `{entry.name}` |" in readme
    # a table that differs gives another list: the test above sees drift
    other = load_measure_table(PACKAGED.replace('words_en = "mean (average)"', 'words_en = "x"'))
    assert measures_markdown(other) != measures_markdown()


@pytest.fixture(scope="module")
def reg():
    return load_registry()


@pytest.mark.parametrize("name", [n for n in written_names() if not n.startswith("share:")])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explain_texts_are_the_table_words(reg, name, lang):
    income = reg.indicator_by_id["income_gini"]
    spec = M.parse_measure(name)
    entry = spec.entry
    values = {"what": {"nl": "waarde", "en": "value"}[lang]}
    if entry.parameter:
        param = spec.param * 100 if entry.parameter_kind == "percent" else spec.param
        values[entry.parameter] = f"{param:g}".replace(".", "," if lang == "nl" else ".")
    words = measure_in_words(replace(income, measure=name, spec=spec), reg, lang)
    assert words.startswith(entry.words(lang, **values))


# One row per measure: the unit, decimals and polarity the registry derives for income, a
# continuous variable in euro per year with 0 decimals where higher is better.
DERIVED = [
    ("mean", "euro per jaar", 0, "higher_is_better"),
    ("p10", "euro per jaar", 0, "higher_is_better"),
    ("sd", "euro per jaar", 2, "lower_is_better"),
    ("gini", "index 0-1", 3, "lower_is_better"),
    ("atkinson_1.5", "index 0-1", 3, "lower_is_better"),
    ("s80s20", "ratio", 2, "lower_is_better"),
    ("poverty_rate", "%", 1, "lower_is_better"),
    ("share_below:20000", "%", 1, "lower_is_better"),
    ("share_at_least:20000", "%", 1, "higher_is_better"),
    ("n", "aantal", 0, None),
]


@pytest.mark.parametrize(("name", "unit", "decimals", "polarity"), DERIVED)
def test_registry_rules_follow_the_table(reg, name, unit, decimals, polarity):
    income = reg.variable_by_id["income"]
    assert (income.unit("nl"), income.decimals, income.higher_is_better) == (
        "euro per jaar",
        0,
        True,
    )
    spec = M.parse_measure(name)
    assert _default_unit(spec, income, "nl") == unit
    assert _default_decimals(spec, income) == decimals
    assert _derived_polarity(spec, income) == polarity


def test_measure_functions_take_their_parameters_by_keyword_only():
    for family, fn in M.SCALAR.items():
        params = list(inspect.signature(fn).parameters.values())
        assert [p.name for p in params[:2]] == ["values", "weights"], family
        assert all(p.kind == p.KEYWORD_ONLY for p in params[2:]), family
    # the old calls put the threshold where the weights go: now they fail loudly
    with pytest.raises(TypeError, match="threshold"):
        M.share_below([4, 5, 6, 7], 6)
    with pytest.raises(TypeError, match="threshold"):
        M.share_at_least([4, 5, 6, 7], [1, 1, 1, 5])
    with pytest.raises(TypeError, match="'p'"):
        M.quantile([1, 2, 3], 0.5)
    with pytest.raises(TypeError, match="label"):
        M.share_equal(["ja", "nee"], "ja")
    with pytest.raises(DataError, match="2 values but 1 weights"):
        M.atkinson([1, 4], 2)
    assert M.share_below([4, 5, 6, 7], [1, 1, 1, 5], threshold=6) == 0.25
    assert M.atkinson([1, 4], epsilon=2) == pytest.approx(0.36)
