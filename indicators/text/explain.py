"""Texts of the explanations (indicators/registry/explain.py): what a number means, the catalogue table."""

# Texts around the measures' own words (those are in the measure table, measures.toml)
EXPLAIN = {
    "mean_of_scores": {
        "nl": "gemiddelde score ({low} = '{first}' tot {high} = '{last}')",
        "en": "mean score ({low} = '{first}' to {high} = '{last}')",
    },
    "share_levels": {"nl": "aandeel dat {answers} antwoordt", "en": "share answering {answers}"},
    "score": {"nl": "score", "en": "score"},
    "value": {"nl": "waarde", "en": "value"},
    "or": {"nl": "of", "en": "or"},
    "positive_only": {
        "nl": " (alleen waarden boven 0 tellen mee)",
        "en": " (only values above 0 count)",
    },
    "needs_column": {
        "nl": "heeft een kolom nodig met {variable}",
        "en": "needs a column with {variable}",
    },
    "named_like": {
        "nl": ", bijvoorbeeld met de naam {names}",
        "en": ", for example one named {names}",
    },
    "needs_column_short": {
        "nl": "niet in uw gegevens: heeft een kolom nodig zoals {names}",
        "en": "not in your data: needs a column such as {names}",
    },
    "needs_column_short_plain": {
        "nl": "niet in uw gegevens: heeft een kolom nodig met {variable}",
        "en": "not in your data: needs a column with {variable}",
    },
    "needs_microdata": {
        "nl": "heeft gegevens per persoon nodig; uw bestand heeft één rij per regio",
        "en": "needs data per person; your file has one row per region",
    },
    "needs_microdata_short": {
        "nl": "niet in uw gegevens: heeft één rij per persoon nodig",
        "en": "not in your data: needs one row per person",
    },
    "available": {"nl": "beschikbaar in uw gegevens", "en": "available in your data"},
    "beyond_average": {"nl": "voorbij het gemiddelde", "en": "beyond the average"},
}

CATALOG_COLUMNS = {
    "label": {"nl": "Indicator", "en": "Indicator"},
    "dimension": {"nl": "Thema", "en": "Dimension"},
    "measure": {"nl": "Maat", "en": "Measure"},
    "unit": {"nl": "Eenheid", "en": "Unit"},
    "polarity": {"nl": "Beter als", "en": "Better when"},
    "beyond_average": {"nl": "Voorbij het gemiddelde", "en": "Beyond the average"},
    "available": {"nl": "In uw gegevens", "en": "In your data"},
}


AREAS = {
    "explain": EXPLAIN,
    "catalog_columns": CATALOG_COLUMNS,
}
