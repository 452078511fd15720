"""Texts of the validation report (indicators/dataset/validation_report.py)."""

VALIDATION_REPORT = {
    "micro": {
        "nl": "Eén rij per persoon of huishouden: {rows} in {regions}{years}; de verdeling "
        "binnen elke regio is te meten.",
        "en": "One row per person or household: {rows} in {regions}{years}; distributions "
        "within each region can be measured.",
    },
    "agg": {
        "nl": "Eén rij per {unit}: {rows} voor {regions}{years}; de verdeling is die tussen "
        "de regio's, {weighting}.",
        "en": "One row per {unit}: {rows} for {regions}{years}; the distribution is across "
        "regions, {weighting}.",
    },
    "unit_region": {"nl": "regio", "en": "region"},
    "unit_region_year": {"nl": "regio en jaar", "en": "region and year"},
    "unit_region_group": {"nl": "regio en groep", "en": "region and group"},
    "unit_region_year_group": {"nl": "regio, jaar en groep", "en": "region, year and group"},
    "weighted": {
        "nl": "gewogen naar kolom '{column}' (bijvoorbeeld het aantal inwoners)",
        "en": "weighted by column '{column}' (for example the population)",
    },
    "unweighted": {
        "nl": "ongewogen (kies een kolom met het aantal inwoners om te wegen)",
        "en": "unweighted (choose a population column to weight)",
    },
    "rows": {"nl": "{n} rijen", "en": "{n} rows"},
    "row": {"nl": "1 rij", "en": "1 row"},
    "regions": {"nl": "{n} regio's", "en": "{n} regions"},
    "region": {"nl": "1 regio", "en": "1 region"},
    "years_span": {
        "nl": " over {n} jaar ({first}–{last})",
        "en": " over {n} years ({first}–{last})",
    },
    "years_gaps": {"nl": " over {n} jaar ({years})", "en": " over {n} years ({years})"},
    "one_year": {"nl": " in {year}", "en": " in {year}"},
    "pivoted": {
        "nl": "Het bestand was lang (één rij per regio{year} en indicator, met de namen in "
        "kolom '{indicator}' en de waarden in kolom '{value}'); het is omgezet naar één kolom "
        "per indicator.",
        "en": "The file was long (one row per region{year} and indicator, with names in column "
        "'{indicator}' and values in column '{value}'); it was turned into one column per "
        "indicator.",
    },
    "pivot_year": {"nl": ", jaar", "en": ", year"},
    "regions_found": {"nl": "Regio's: {list}.", "en": "Regions: {list}."},
    "years_found": {"nl": "Jaren: {list}.", "en": "Years: {list}."},
    "no_year": {
        "nl": "Geen jaarkolom gekozen: alle rijen tellen als één periode.",
        "en": "No year column chosen: all rows count as one period.",
    },
    "and_more": {"nl": "en nog {n}", "en": "and {n} more"},
    "computed": {
        "nl": "{n} berekend uit {k}.",
        "en": "{n} computed from {k}.",
    },
    "indicators": {"nl": "{n} indicatoren", "en": "{n} indicators"},
    "indicator": {"nl": "1 indicator", "en": "1 indicator"},
    "variables": {"nl": "{n} variabelen", "en": "{n} variables"},
    "variable": {"nl": "1 variabele", "en": "1 variable"},
    "means_only": {
        "nl": "Uit één rij per regio zijn alleen gemiddelden te berekenen; {n} andere "
        "indicatoren van deze variabelen hebben gegevens per persoon nodig.",
        "en": "From one row per region only averages can be computed; {n} other indicators "
        "of these variables need data per person.",
    },
    "means_only_1": {
        "nl": "Uit één rij per regio zijn alleen gemiddelden te berekenen; {n} andere "
        "indicator van deze variabelen heeft gegevens per persoon nodig.",
        "en": "From one row per region only averages can be computed; {n} other indicator "
        "of these variables needs data per person.",
    },
    "suppressed": {
        "nl": "{n} van de {total} waarden zijn verborgen omdat ze op minder dan {min_n} "
        "waarnemingen berusten.",
        "en": "{n} of {total} values are hidden because they rest on fewer than {min_n} "
        "observations.",
    },
    "suppressed_1": {
        "nl": "{n} van de {total} waarden is verborgen omdat die op minder dan {min_n} "
        "waarnemingen berust.",
        "en": "{n} of {total} values is hidden because it rests on fewer than {min_n} "
        "observations.",
    },
    "none_suppressed": {
        "nl": "Geen waarden verborgen: alle {total} waarden berusten op minstens {min_n} "
        "waarnemingen.",
        "en": "No values hidden: all {total} values rest on at least {min_n} observations.",
    },
    "no_small_cells": {
        "nl": "De regel voor kleine aantallen geldt niet: elke rij is al een totaal voor een regio.",
        "en": "The small-cell rule does not apply: each row is already a figure for a region.",
    },
    "missing_values": {
        "nl": "{n} rijen zonder waarde in kolom '{column}' tellen niet mee voor {label}.",
        "en": "{n} rows without a value in column '{column}' are left out of {label}.",
    },
    "missing_values_1": {
        "nl": "{n} rij zonder waarde in kolom '{column}' telt niet mee voor {label}.",
        "en": "{n} row without a value in column '{column}' is left out of {label}.",
    },
    "missing_weight": {
        "nl": "{n} rijen zonder gewicht in kolom '{column}' tellen nergens mee.",
        "en": "{n} rows without a weight in column '{column}' are left out of every measure.",
    },
    "missing_weight_1": {
        "nl": "{n} rij zonder gewicht in kolom '{column}' telt nergens mee.",
        "en": "{n} row without a weight in column '{column}' is left out of every measure.",
    },
    "missing_group": {
        "nl": "{n} rijen zonder waarde in groepskolom '{column}' vormen de groep '(missing)'.",
        "en": "{n} rows without a value in group column '{column}' form the group '(missing)'.",
    },
    "missing_group_1": {
        "nl": "{n} rij zonder waarde in groepskolom '{column}' vormt de groep '(missing)'.",
        "en": "{n} row without a value in group column '{column}' forms the group '(missing)'.",
    },
    "excluded": {
        "nl": "{label}: {n} waarden van 0 of lager tellen niet mee (deze maat gebruikt alleen "
        "waarden boven 0).",
        "en": "{label}: {n} values of 0 or below are left out (this measure uses only values "
        "above 0).",
    },
    "excluded_1": {
        "nl": "{label}: {n} waarde van 0 of lager telt niet mee (deze maat gebruikt alleen "
        "waarden boven 0).",
        "en": "{label}: {n} value of 0 or below is left out (this measure uses only values "
        "above 0).",
    },
    "age_bands": {
        "nl": "Kolom '{column}' bevat leeftijden in jaren; als groep is ze ingedeeld in "
        "leeftijdsklassen: {bands}.",
        "en": "Column '{column}' holds ages in years; as a group it is split into age bands: "
        "{bands}.",
    },
    "col_column": {"nl": "Kolom", "en": "Column"},
    "col_role": {"nl": "Gebruikt als", "en": "Used as"},
    "col_present": {"nl": "Rijen met een waarde", "en": "Rows with a value"},
    "col_missing": {"nl": "Rijen zonder waarde", "en": "Rows without a value"},
    "role_region": {"nl": "regio", "en": "region"},
    "role_year": {"nl": "jaar", "en": "year"},
    "role_weight": {"nl": "gewicht", "en": "weight"},
    "role_group": {"nl": "groep", "en": "group"},
    "role_answers": {
        "nl": "{label} (antwoorden {k} niveaus)",
        "en": "{label} (answers, {k} levels)",
    },
}


AREAS = {
    "validation_report": VALIDATION_REPORT,
}
