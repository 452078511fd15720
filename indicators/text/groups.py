"""Texts of groups within regions and accumulated disadvantage (indicators/analyses/groups.py,
indicators/analyses/stapeling.py and their commands)."""

GROUPS = {
    "no_group_column": {
        "nl": "Er is geen groepskolom '{column}'.",
        "en": "There is no group column '{column}'.",
    },
    "no_groups": {
        "nl": "De groepskolom '{column}' heeft geen waarden om te vergelijken.",
        "en": "The group column '{column}' has no values to compare.",
    },
    "not_a_group_column": {
        "nl": "'{column}' is geen groepskolom van de koppeling. Groepskolommen: {groups}.",
        "en": "'{column}' is not a group column of the mapping. Group columns: {groups}.",
    },
    "none": {"nl": "geen", "en": "none"},
    "no_income": {
        "nl": "Voor inkomenskwintielen moet het inkomen gekoppeld zijn.",
        "en": "Income quintiles need the income to be mapped.",
    },
    "unknown_indicator": {
        "nl": "'{indicator}' is geen indicator van het register.",
        "en": "'{indicator}' is not an indicator of the registry.",
    },
    "indicator_not_mapped": {
        "nl": "De variabele van indicator '{indicator}' is niet gekoppeld.",
        "en": "The variable of indicator '{indicator}' is not mapped.",
    },
    "bad_cut_points": {
        "nl": "De grens voor laag ({low}) moet onder die voor hoog ({high}) liggen.",
        "en": "The cut point for low ({low}) must lie below the one for high ({high}).",
    },
    "no_cut_points": {
        "nl": "De catalogus geeft geen grenzen voor laag en hoog welzijn bij '{variable}'; "
        "geef ze zelf.",
        "en": "The catalogue gives no cut points for low and high well-being of '{variable}'; "
        "give them yourself.",
    },
    "the_rest": {"nl": "de rest", "en": "the rest"},
    "points": {"nl": "punten", "en": "points"},
    "percentage_points": {"nl": "procentpunten", "en": "percentage points"},
    "trend_widened": {
        "nl": "Het verschil tussen {group} en {rest} is sinds {since} gegroeid van {first} tot "
        "{last} {unit}",
        "en": "The gap between {group} and {rest} widened from {first} to {last} {unit} since "
        "{since}",
    },
    "trend_narrowed": {
        "nl": "Het verschil tussen {group} en {rest} is sinds {since} gekrompen van {first} tot "
        "{last} {unit}",
        "en": "The gap between {group} and {rest} narrowed from {first} to {last} {unit} since "
        "{since}",
    },
    "trend_significant": {"nl": "{sentence}, significant.", "en": "{sentence}, significantly."},
    "trend_not_significant": {
        "nl": "{sentence}; die verandering is niet significant.",
        "en": "{sentence}; that change is not significant.",
    },
    "better": {"nl": "significant beter", "en": "significantly better"},
    "worse": {"nl": "significant slechter", "en": "significantly worse"},
    "no_difference": {"nl": "geen duidelijk verschil", "en": "no clear difference"},
    "different": {"nl": "significant anders", "en": "significantly different"},
    "low": {"nl": "laag", "en": "low"},
    "medium": {"nl": "midden", "en": "medium"},
    "high": {"nl": "hoog", "en": "high"},
    "income_quintile": {"nl": "Inkomenskwintiel", "en": "Income quintile"},
}

STAPELING = {
    "rule_form": {
        "nl": "Regel '{rule}': schrijf KOLOM en een vergelijking, zoals "
        '"levenstevredenheid<=5", "inkomen<poverty_line" of "eenzaam=ja" (<, <=, >, >=, =).',
        "en": "Rule '{rule}': write COLUMN and a comparison, such as "
        '"life_satisfaction<=5", "income<poverty_line" or "lonely=yes" (<, <=, >, >=, =).',
    },
    "rule_no_column": {
        "nl": "Regel '{rule}': er is geen kolom '{column}'. Kolommen: {columns}.",
        "en": "Rule '{rule}': there is no column '{column}'. Columns: {columns}.",
    },
    "rule_needs_number": {
        "nl": "Regel '{rule}': na {op} hoort een getal (of poverty_line), niet '{value}'.",
        "en": "Rule '{rule}': {op} needs a number (or poverty_line), not '{value}'.",
    },
    "rule_needs_numbers": {
        "nl": "Regel '{rule}': kolom '{column}' bevat tekst ({examples}); {op} vergelijkt "
        "getallen. Gebruik = met een antwoord.",
        "en": "Rule '{rule}': column '{column}' holds text ({examples}); {op} compares "
        "numbers. Use = with an answer.",
    },
    "rule_twice": {
        "nl": "Regel '{rule}' staat er twee keer.",
        "en": "Rule '{rule}' is given twice.",
    },
    "no_rules": {
        "nl": 'Geen regels: geef --rule "KOLOM<=T", of koppel variabelen waarvoor de '
        "catalogus een ongunstige uitkomst kent ({known}).",
        "en": 'No rules: give --rule "COLUMN<=T", or map variables for which the catalogue '
        "knows an unfavourable outcome ({known}).",
    },
    "bad_cap": {
        "nl": "De bovengrens van de telling moet een geheel getal van 1 of meer zijn, niet {cap}.",
        "en": "The cap of the count must be a whole number of 1 or more, not {cap}.",
    },
    "left_out": {
        "nl": "{n} rijen zonder antwoord op een van de getelde variabelen zijn weggelaten.",
        "en": "{n} rows without an answer on one of the counted variables are left out.",
    },
}

AREAS = {"groups": GROUPS, "stapeling": STAPELING}
