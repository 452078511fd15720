"""Tests of the indicator registry: the packaged catalogue, validation, extension, matching."""

from __future__ import annotations

import io
import math
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from indicators.errors import DataError
from indicators.registry.catalog import (
    ID_RE,
    README_END,
    README_START,
    Registry,
    RegistryError,
    load_registry,
    normalise_name,
    readme_block,
    registry_markdown,
)

ROOT = Path(__file__).resolve().parents[1]

DEMO_COLUMNS = {
    "levenstevredenheid": "life_satisfaction",
    "geluk": "happiness",
    "inkomen": "income",
    "ervaren_gezondheid": "self_rated_health",
    "eenzaam": "loneliness",
    "vertrouwen": "trust",
    "onveilig": "unsafe",
    "werkstatus": "work_status",
    "woonquote": "housing_cost_burden",
    "tevredenheid_woonomgeving": "environment_satisfaction",
    "aandeel_deeltijdwerk": "benefit_parttime_work",
    "aandeel_voltijdwerk": "benefit_fulltime_work",
}
DEMO_OTHER_COLUMNS = [
    "regio",
    "jaar",
    "gewicht",
    "geslacht",
    "leeftijd",
    "opleiding",
    "stedelijkheid",
    "gemeente_code",
    "gemeente",
    "provincie",
    "inwoners",
    "pilot",
    "pilot_start",
    "bijstandsontvangers",
]


# ----------------------------------------------------------------------------------------------
# The packaged catalogue
# ----------------------------------------------------------------------------------------------


def test_packaged_catalogue_loads_and_is_cached(reg):
    assert load_registry() is reg
    assert isinstance(reg.indicators, tuple)
    with pytest.raises(TypeError):
        reg.indicator_by_id["x"] = reg.indicators[0]  # type: ignore[index]


def test_counts(reg):
    assert len(reg.indicators) >= 26
    assert [d.id for d in reg.dimensions] == [
        "subjective_wellbeing",
        "material_welfare",
        "health",
        "work_leisure",
        "housing",
        "society",
        "safety",
        "environment",
    ]
    assert {i.dimension for i in reg.indicators} == {d.id for d in reg.dimensions}
    assert sum(i.beyond_average for i in reg.indicators) >= len(reg.indicators) / 2


def test_every_variable_has_an_indicator_and_its_demo_column_as_hint(reg):
    used = {i.variable for i in reg.indicators}
    assert used == {v.id for v in reg.variables}
    for column, var_id in DEMO_COLUMNS.items():
        assert column in reg.variable_by_id[var_id].hints


def test_every_indicator_is_documented(reg):
    for ind in reg.indicators:
        assert ID_RE.match(ind.id), ind.id
        for lang in ("nl", "en"):
            assert ind.label(lang) and not ind.label(lang).endswith("."), ind.id
            assert ind.description(lang).endswith("."), ind.id
            assert ind.rationale(lang).endswith("."), ind.id
            assert ind.unit(lang) == ind.unit(lang).lower() and "/" not in ind.unit(lang)
        assert ind.reference, ind.id
        if ind.is_share:
            assert ind.unit("en") == ind.unit("nl") == "%", ind.id
    ids = [i.id for i in reg.indicators]
    assert len(ids) == len(set(ids))


def test_inequality_measures_are_better_when_lower_and_beyond_the_average(reg):
    for ind in reg.indicators:
        if ind.spec.family in ("sd", "gini", "theil", "mld", "atkinson", "s80s20", "palma"):
            assert ind.polarity == "lower_is_better", ind.id
            assert ind.beyond_average, ind.id
        if ind.spec.family == "quantile" and ind.spec.param in (0.1,):
            assert ind.beyond_average, ind.id


def test_share_indicators_know_the_level_position(reg):
    assert reg.indicator_by_id["lonely_share"].level_position == 1
    assert reg.indicator_by_id["unemployed_share"].level_position == 1
    assert reg.indicator_by_id["employed_share"].level_position == 0
    assert reg.indicator_by_id["income_gini"].level_position is None


def test_defaults_are_filled_in(reg):
    ind = reg.indicator_by_id["income_gini"]
    assert (ind.unit("nl"), ind.unit("en")) == ("index 0-1", "index 0-1")
    assert reg.indicator_by_id["income_palma"].unit("en") == "ratio"
    assert reg.indicator_by_id["income_median"].unit("en") == "euro per year"
    assert reg.indicator_by_id["income_median"].unit("nl") == "euro per jaar"
    assert reg.indicator_by_id["life_satisfaction_mean"].perspective == "here_and_now"
    assert reg.indicator_by_id["trust_mean"].perspective == "later"
    assert reg.indicator_by_id["income_gini"].dimension == "material_welfare"


def test_labels_need_a_known_language(reg):
    with pytest.raises(ValueError, match="'nl' or 'en'"):
        reg.indicators[0].label("de")


def test_registry_pickles_for_streamlit_caching(reg):
    copy = pickle.loads(pickle.dumps(reg))
    assert copy == reg
    assert copy.indicator_by_id["income_gini"] == reg.indicator_by_id["income_gini"]
    assert hash(copy) == hash(reg)


def test_indicators_for(reg):
    ids = [i.id for i in reg.indicators_for(["loneliness", "trust"])]
    assert ids == ["lonely_share", "trust_mean", "trust_low"]
    assert reg.indicators_for([]) == []


def test_to_frame(reg):
    frame = reg.to_frame("en")
    assert list(frame.columns) == [
        "id",
        "label",
        "dimension",
        "variable",
        "measure",
        "unit",
        "polarity",
        "perspective",
        "beyond_average",
        "description",
        "rationale",
        "reference",
    ]
    assert len(frame) == len(reg.indicators)
    row = frame.set_index("id").loc["income_gini"]
    assert row["dimension"] == "Material welfare"
    assert row["polarity"] == "lower is better"
    assert reg.to_frame("nl").set_index("id").loc["income_gini", "dimension"] == (
        "Materiële welvaart"
    )


# ----------------------------------------------------------------------------------------------
# Column matching
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        *DEMO_COLUMNS.items(),
        ("stflife", "life_satisfaction"),
        ("STFLIFE", "life_satisfaction"),
        ("Levenstevredenheid", "life_satisfaction"),
        ("life satisfaction", "life_satisfaction"),
        ("Life-Satisfaction", "life_satisfaction"),
        ("tevredenheid", "life_satisfaction"),
        ("tevredenheid_woonomgeving", "environment_satisfaction"),
        ("Tevredenheid woonomgeving", "environment_satisfaction"),
        ("tevredenheid_woonomgeving_2020", "environment_satisfaction"),
        ("Inkomen ", "income"),
        ("besteedbaar_inkomen", "income"),
        ("gem_inkomen_2022", "income"),
        ("income", "income"),
        ("mean_stflife", "life_satisfaction"),
        ("gelukkig", "happiness"),
        ("happy", "happiness"),
        ("ppltrst", "trust"),
        ("Ervaren gezondheid", "self_rated_health"),
        ("Eenzaamheid", "loneliness"),
        ("woonlastenquote", "housing_cost_burden"),
        ("ongelukkig", None),
        ("unhappy", None),
        ("inkomensgroep", None),
        ("region", None),
        ("", None),
        *((c, None) for c in DEMO_OTHER_COLUMNS),
    ],
)
def test_match_column(reg, column, expected):
    assert reg.match_column(column) == expected


def test_every_hint_matches_its_own_variable(reg):
    for var in reg.variables:
        for hint in var.hints:
            assert reg.match_column(hint) == var.id, (hint, var.id)


def test_suggest_mapping_on_the_demo_columns(reg):
    columns = DEMO_OTHER_COLUMNS + list(DEMO_COLUMNS)
    assert reg.suggest_mapping(columns) == {v: c for c, v in DEMO_COLUMNS.items()}


def test_suggest_mapping_uses_each_column_and_variable_once_exact_first(reg):
    mapping = reg.suggest_mapping(["gem_inkomen", "Inkomen", "stflife", "levenstevredenheid"])
    assert mapping == {"income": "Inkomen", "life_satisfaction": "stflife"}


def test_normalise_name():
    assert normalise_name(" Tevredenheid - Woonomgeving ") == "tevredenheid_woonomgeving"
    assert normalise_name("Ervaren gezondheid (1-5)") == "ervaren_gezondheid_1_5"


# ----------------------------------------------------------------------------------------------
# Formatting
# ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("indicator", "value", "lang", "expected"),
    [
        ("life_satisfaction_mean", 7.8123, "nl", "7,8"),
        ("life_satisfaction_mean", 7.8123, "en", "7.8"),
        ("life_satisfaction_unsatisfied", 0.1243, "nl", "12,4%"),
        ("life_satisfaction_unsatisfied", 0.1243, "en", "12.4%"),
        ("income_poverty_rate", 0.0, "nl", "0,0%"),
        ("income_gini", 0.28749, "nl", "0,287"),
        ("income_s80s20", 3.956, "en", "3.96"),
        ("income_median", 31456.4, "nl", "31.456"),
        ("income_median", 31456.4, "en", "31,456"),
        ("life_satisfaction_sd", 1.5, "nl", "1,50"),
        ("life_satisfaction_mean", -0.01, "nl", "0,0"),
        ("life_satisfaction_mean", math.nan, "nl", "–"),
        ("life_satisfaction_mean", None, "en", "–"),
        ("life_satisfaction_mean", "abc", "en", "–"),
    ],
)
def test_format_value(reg, indicator, value, lang, expected):
    assert reg.format_value(indicator, value, lang) == expected


def test_format_value_pandas_missing(reg):
    pd = pytest.importorskip("pandas")
    assert reg.format_value("income_gini", pd.NA, "nl") == "–"


# ----------------------------------------------------------------------------------------------
# Validation: a table of bad catalogues
# ----------------------------------------------------------------------------------------------

BASE = """\
[[dimension]]
id = "welzijn"
label_nl = "Welzijn"
label_en = "Well-being"
oecd = "Subjective well-being"
order = 1

[[variable]]
id = "income"
label_nl = "Inkomen"
label_en = "Income"
dimension = "welzijn"
unit_nl = "euro per jaar"
unit_en = "euro per year"
kind = "continuous"
higher_is_better = true
hints = ["inkomen"]

[[variable]]
id = "lonely"
label_nl = "Eenzaam"
label_en = "Lonely"
dimension = "welzijn"
kind = "binary"
higher_is_better = false
levels_nl = ["nee", "ja"]
levels_en = ["no", "yes"]
hints = ["eenzaam"]

[[variable]]
id = "score"
label_nl = "Score"
label_en = "Score"
dimension = "welzijn"
unit_nl = "score 0-10"
unit_en = "score 0-10"
kind = "continuous"
scale_min = 0
scale_max = 10
higher_is_better = true

[[indicator]]
id = "income_gini"
variable = "income"
measure = "gini"
label_nl = "Gini"
label_en = "Gini"
description_nl = "Gini van het inkomen."
description_en = "Gini of income."
polarity = "lower_is_better"
beyond_average = true

[[indicator]]
id = "lonely_share"
variable = "lonely"
measure = "share:ja"
label_nl = "Eenzaam"
label_en = "Lonely"
description_nl = "Aandeel eenzaam."
description_en = "Share lonely."
beyond_average = true
"""

EXTRA_INDICATOR = """
[[indicator]]
id = "{id}"
variable = "{variable}"
measure = "{measure}"
label_nl = "Label"
label_en = "Label"
description_nl = "Beschrijving."
description_en = "Description."
beyond_average = false
"""


def _extra(id="extra_one", variable="income", measure="mean"):
    return EXTRA_INDICATOR.format(id=id, variable=variable, measure=measure)


BAD_CATALOGUES = [
    pytest.param(
        BASE.replace('measure = "gini"', 'measure = "ginni"'),
        ["indicator 'income_gini': unknown measure 'ginni'"],
        id="unknown-measure",
    ),
    pytest.param(
        BASE.replace('measure = "gini"', 'measure = "share_below:abc"'),
        ["indicator 'income_gini': bad measure", "'abc' is not a number"],
        id="bad-measure-parameter",
    ),
    pytest.param(
        BASE.replace(
            'dimension = "welzijn"\nunit_nl = "euro', 'dimension = "wellbeing"\nunit_nl = "euro'
        ),
        ["variable 'income': unknown dimension 'wellbeing'", "known: welzijn"],
        id="unknown-dimension",
    ),
    pytest.param(
        BASE + _extra(variable="inkomen"),
        ["indicator 'extra_one': unknown variable 'inkomen'"],
        id="unknown-variable",
    ),
    pytest.param(
        BASE + _extra(id="income_gini"),
        ["indicator 'income_gini': duplicate id"],
        id="duplicate-id",
    ),
    pytest.param(
        BASE.replace('label_nl = "Gini"\n', ""),
        ["indicator 'income_gini': missing label_nl"],
        id="missing-label",
    ),
    pytest.param(
        BASE + _extra(id="Income-Mean"),
        ["indicator 'Income-Mean': bad id 'Income-Mean'", "^[a-z][a-z0-9_]*$"],
        id="bad-id",
    ),
    pytest.param(
        BASE.replace('measure = "share:ja"', 'measure = "share:yes"'),
        ["indicator 'lonely_share': share label 'yes' is not among the levels_nl", "nee, ja"],
        id="share-label-not-a-level",
    ),
    pytest.param(
        BASE.replace('polarity = "lower_is_better"', 'polarity = "lower"'),
        ["indicator 'income_gini': bad polarity 'lower'"],
        id="bad-polarity",
    ),
    pytest.param(
        BASE.replace('polarity = "lower_is_better"', 'polarity = "higher_is_better"'),
        ["indicator 'income_gini': polarity 'higher_is_better' contradicts measure 'gini'"],
        id="polarity-contradicts-measure",
    ),
    pytest.param(
        BASE.replace("beyond_average = true\n", 'beyond_average = true\nperspective = "now"\n', 1),
        ["indicator 'income_gini': bad perspective 'now'", "here_and_now, later, elsewhere"],
        id="bad-perspective",
    ),
    pytest.param(
        BASE.replace('kind = "binary"', 'kind = "boolean"'),
        ["variable 'lonely': bad kind 'boolean'"],
        id="bad-kind",
    ),
    pytest.param(
        BASE.replace('levels_en = ["no", "yes"]', 'levels_en = ["no", "yes", "maybe"]'),
        ["variable 'lonely': levels_nl has 2 labels and levels_en 3"],
        id="levels-of-different-length",
    ),
    pytest.param(
        BASE.replace('label_en = "Gini"', 'label_en = "Gini."'),
        ["indicator 'income_gini': label_en is a title and must not end with a period"],
        id="trailing-period",
    ),
    pytest.param(
        BASE.replace('unit_en = "euro per year"', 'unit_en = "Euro/year"'),
        ["variable 'income': unit_en 'Euro/year' must be lower-case and write 'per'"],
        id="unit-style",
    ),
    pytest.param(
        BASE.replace('label_en = "Gini"', 'lable_en = "Gini"'),
        ["indicator 'income_gini': unknown field 'lable_en' (did you mean 'label_en'?)"],
        id="unknown-field",
    ),
    pytest.param(
        BASE.replace("beyond_average = true", 'beyond_average = "yes"', 1),
        ["indicator 'income_gini': beyond_average must be true or false, not 'yes'"],
        id="wrong-type",
    ),
    pytest.param(
        BASE.replace("[[indicator]]", "[[indicators]]"),
        ["unknown section 'indicators' (did you mean [[indicator]]?)"],
        id="unknown-section",
    ),
    pytest.param(
        BASE + _extra(variable="lonely", measure="mean"),
        ["indicator 'extra_one': measure 'mean' does not fit binary variable 'lonely'"],
        id="measure-does-not-fit-kind",
    ),
    pytest.param(
        BASE + _extra(measure="share:hoog"),
        ["indicator 'extra_one': measure 'share:hoog' needs a variable with levels"],
        id="share-of-continuous",
    ),
    pytest.param(
        BASE + _extra(variable="score", measure="share_below:11"),
        ["indicator 'extra_one': threshold 11 of 'share_below:11' lies outside the scale"],
        id="threshold-outside-scale",
    ),
    pytest.param(
        BASE.replace('hints = ["eenzaam"]', 'hints = ["eenzaam", "Inkomen"]'),
        ["variable 'lonely': hint 'inkomen' is also a hint of variable 'income'"],
        id="hint-used-twice",
    ),
    pytest.param(
        BASE.replace('kind = "binary"\nhigher_is_better = false', 'kind = "nominal"'),
        ["indicator 'lonely_share': missing polarity; it cannot be derived"],
        id="polarity-not-derivable",
    ),
    pytest.param(
        BASE.replace('kind = "binary"', 'kind = "nominal"'),
        ["variable 'lonely': higher_is_better does not apply to a nominal variable"],
        id="nominal-with-direction",
    ),
    pytest.param(
        BASE.replace('kind = "binary"\nhigher_is_better = false\n', 'kind = "binary"\n'),
        ["variable 'lonely': missing higher_is_better"],
        id="missing-direction",
    ),
    pytest.param(
        BASE + "\n[common.indicator]\nlabel = 'x'\n",
        ["[common.indicator]: 'label' cannot have a shared default"],
        id="bad-common-default",
    ),
    pytest.param(
        BASE.replace('label_en = "Well-being"', 'label_en = "Well-being'),
        ["not valid TOML", "line 4"],
        id="toml-syntax-error",
    ),
    pytest.param(
        BASE.replace('measure = "gini"', 'measure = "ginni"')
        .replace('kind = "binary"', 'kind = "boolean"')
        .replace('label_nl = "Welzijn"\n', "")
        + _extra(variable="nothing"),
        [
            "4 problems",
            "indicator 'income_gini': unknown measure 'ginni'",
            "variable 'lonely': bad kind 'boolean'",
            "dimension 'welzijn': missing label_nl",
            "indicator 'extra_one': unknown variable 'nothing'",
        ],
        id="several-problems-together",
    ),
]


def test_base_catalogue_is_valid(tmp_path):
    path = tmp_path / "catalog.toml"
    path.write_text(BASE, encoding="utf-8")
    reg = load_registry(path)
    assert [i.id for i in reg.indicators] == ["income_gini", "lonely_share"]
    assert reg.indicator_by_id["lonely_share"].polarity == "lower_is_better"  # derived
    assert reg.indicator_by_id["lonely_share"].unit("nl") == "%"
    assert reg.dimension_by_id["welzijn"].oecd == ("Subjective well-being",)


@pytest.mark.parametrize(("text", "fragments"), BAD_CATALOGUES)
def test_bad_catalogue(tmp_path, text, fragments):
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as info:
        load_registry(path)
    message = str(info.value)
    assert "mine.toml" in message
    for fragment in fragments:
        assert fragment in message
    assert isinstance(info.value, DataError)
    assert info.value.problems
    if "problems" not in fragments[0]:
        assert len(info.value.problems) == 1, info.value.problems


def test_missing_file(tmp_path):
    with pytest.raises(RegistryError, match="'.*nope.toml' not found"):
        load_registry(tmp_path / "nope.toml")
    with pytest.raises(RegistryError, match="not found"):
        load_registry(extra=tmp_path / "nope.toml")


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(BASE.replace("Welzijn", "Welzijn é").encode("latin-1"))
    with pytest.raises(RegistryError, match="not UTF-8"):
        load_registry(path)


# ----------------------------------------------------------------------------------------------
# Extension by a user's own catalogue
# ----------------------------------------------------------------------------------------------

USER_FILE = """
[common.indicator]
perspective = "elsewhere"

[[dimension]]
id = "knowledge"
label_nl = "Kennis"
label_en = "Knowledge"
oecd = ["Knowledge and skills"]
order = 9

[[variable]]
id = "literacy"
label_nl = "Geletterdheid"
label_en = "Literacy"
dimension = "knowledge"
unit_nl = "score 0-500"
unit_en = "score 0-500"
kind = "continuous"
higher_is_better = true
hints = ["geletterdheid", "literacy"]

[[variable]]
id = "income"
hints = ["inkomen", "netto_inkomen"]

[[indicator]]
id = "literacy_p10"
variable = "literacy"
measure = "p10"
label_nl = "Geletterdheid onderkant"
label_en = "Literacy at the bottom"
description_nl = "Tiende percentiel."
description_en = "Tenth percentile."
beyond_average = true

[[indicator]]
id = "income_p25"
variable = "income"
measure = "p25"
label_nl = "Inkomen P25"
label_en = "Income P25"
description_nl = "Vijfentwintigste percentiel van het inkomen."
description_en = "Twenty-fifth percentile of income."
perspective = "here_and_now"
beyond_average = true

[[indicator]]
id = "income_gini"
label_en = "Gini index of income (own definition)"
"""


def test_user_extension_adds_and_overrides(tmp_path, reg):
    path = tmp_path / "mijn_indicatoren.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    merged = load_registry(extra=path)
    assert len(merged.indicators) == len(reg.indicators) + 2
    assert merged.dimensions[-1].id == "knowledge"
    lit = merged.indicator_by_id["literacy_p10"]
    assert (lit.dimension, lit.perspective, lit.polarity, lit.unit("en")) == (
        "knowledge",
        "elsewhere",  # the user's [common] default
        "higher_is_better",  # derived from the variable
        "score 0-500",
    )
    assert merged.indicator_by_id["income_p25"].perspective == "here_and_now"
    gini = merged.indicator_by_id["income_gini"]
    assert gini.label("en") == "Gini index of income (own definition)"
    assert gini.label("nl") == reg.indicator_by_id["income_gini"].label("nl")
    assert gini.perspective == "here_and_now"  # overrides keep the base's other fields
    assert merged.variable_by_id["income"].hints == ("inkomen", "netto_inkomen")
    assert merged.match_column("netto_inkomen") == "income"
    assert merged.variable_by_id["income"].unit("en") == "euro per year"
    # The packaged registry is not changed.
    assert load_registry() is reg
    assert reg.indicator_by_id["income_gini"].label("en") == "Gini coefficient of income"


def test_user_extension_from_an_upload(reg):
    upload = io.BytesIO(USER_FILE.encode("utf-8"))
    upload.name = "upload.toml"
    merged = load_registry(extra=upload)
    assert "literacy_p10" in merged.indicator_by_id
    text = io.StringIO(USER_FILE)
    assert "income_p25" in load_registry(extra=text).indicator_by_id


def test_user_extension_errors_name_the_users_file(tmp_path):
    path = tmp_path / "mijn.toml"
    path.write_text(
        _extra(id="income_ginni", measure="ginni") + _extra(id="x2", measure="share:werkzaam"),
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as info:
        load_registry(extra=path)
    problems = info.value.problems
    assert problems[0].startswith("mijn.toml: indicator 'income_ginni': unknown measure 'ginni'")
    assert problems[1].startswith("mijn.toml: indicator 'x2': measure 'share:werkzaam' needs")


def test_merged_registries(reg, tmp_path):
    path = tmp_path / "own.toml"
    path.write_text(USER_FILE, encoding="utf-8")
    own = load_registry(extra=path)
    only_new = Registry(
        tuple(d for d in own.dimensions if d.id == "knowledge"),
        (own.variable_by_id["literacy"],),
        (own.indicator_by_id["literacy_p10"],),
    )
    merged = reg.merged(only_new)
    assert merged.indicator_by_id["literacy_p10"].variable == "literacy"
    assert merged.indicators[: len(reg.indicators)] == reg.indicators
    broken = Registry((), (), (own.indicator_by_id["literacy_p10"],))
    with pytest.raises(RegistryError, match="indicator 'literacy_p10': unknown variable"):
        reg.merged(broken)


# ----------------------------------------------------------------------------------------------
# Documentation cannot drift
# ----------------------------------------------------------------------------------------------


def test_readme_table_is_up_to_date(reg):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert README_START in readme and README_END in readme
    assert readme_block(readme) == registry_markdown(reg), (
        "README.md's indicator table is out of date: run "
        "`python -m indicators.registry.catalog --update-readme README.md`"
    )
    for ind in reg.indicators:
        assert f"`{ind.id}`" in readme


def test_markdown_table_shape(reg):
    lines = registry_markdown(reg).splitlines()
    assert len(lines) == len(reg.indicators) + 2
    assert all(line.count(" | ") == 4 for line in lines[2:])
    ticks = sum(line.rstrip().endswith("✓ |") for line in lines[2:])
    assert ticks == sum(i.beyond_average for i in reg.indicators)


def test_command_line_prints_the_table(reg):
    out = subprocess.run(
        [sys.executable, "-m", "indicators.registry.catalog", "--markdown"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    assert out == registry_markdown(reg)


def test_command_line_checks_a_user_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(_extra(measure="ginni"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "indicators.registry.catalog", "--check", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert re.search(r"bad.toml: indicator 'extra_one': unknown measure 'ginni'", result.stderr)
