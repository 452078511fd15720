"""Texts shared by every page of the dashboard (used through indicators/ui/i18n.py)."""

from indicators.text.results import STATE_TEXTS

SUPPRESSED = "suppressed"  # indicators.compute.SUPPRESSED

COMMON = {
    "app_title": {
        "nl": "Brede welvaart: wat het gemiddelde verbergt",
        "en": "Broad welfare: what the average hides",
    },
    "language": {"nl": "Taal", "en": "Language"},
    "demo_source": {"nl": "demodata, synthetisch", "en": "demo data, synthetic"},
    "source": {"nl": "Bron", "en": "Source"},
    "data_in_use": {"nl": "Gegevens", "en": "Data in use"},
    "page_data": {"nl": "Gegevens", "en": "Data"},
    "page_overview": {"nl": "Overzicht", "en": "Overview"},
    "page_distribution": {"nl": "Verdeling en gemiddelde", "en": "Distribution vs average"},
    "page_regions": {"nl": "Regio's", "en": "Regions"},
    "page_profiles": {"nl": "Profielen en index", "en": "Profiles & index"},
    "page_trends": {"nl": "Trends", "en": "Trends"},
    "page_groups": {"nl": "Groepen", "en": "Groups"},
    "page_experiments": {"nl": "Experimenten", "en": "Experiments"},
    "page_findings": {"nl": "Bevindingen", "en": "Findings"},
    "page_indicators": {"nl": "Indicatoren", "en": "Indicators"},
    "error_title": {
        "nl": "Dit bestand kan zo niet gebruikt worden",
        "en": "This file cannot be used as it is",
    },
    "unexpected": {
        "nl": "Sorry, hier ging iets mis dat we niet voorzagen. Probeer een andere keuze of "
        "laad de pagina opnieuw; de details hieronder helpen ons het op te lossen.",
        "en": "Sorry, something went wrong that we did not foresee. Try another choice or "
        "reload the page; the details below help us fix it.",
    },
    "details": {"nl": "Details", "en": "Details"},
    "details_in_english": {"nl": "De toelichting hieronder is (nog) in het Engels.", "en": ""},
    "computing": {
        "nl": "Indicatoren berekenen voor alle regio's en jaren…",
        "en": "Computing the indicators for every region and year…",
    },
    "no_data": {
        "nl": "Er zijn nog geen resultaten: kies op de pagina Gegevens welke kolommen "
        "wat betekenen.",
        "en": "No results yet: on the Data page, say which columns mean what.",
    },
    "region": {"nl": "Regio", "en": "Region"},
    "year": {"nl": "Jaar", "en": "Year"},
    "indicator": {"nl": "Indicator", "en": "Indicator"},
    "variable": {"nl": "Variabele", "en": "Variable"},
    "total": {"nl": "Totaal (alle regio's)", "en": "Total (all regions)"},
    # why a value is not shown: one text per state, from the core (indicators.compute)
    "suppressed": STATE_TEXTS[SUPPRESSED],
    "link_needs_file": {
        "nl": "Deze link toont een weergave van het bestand **{name}**, dat in deze browser niet "
        "geladen is. Upload dat bestand hieronder om de weergave te zien, met de keuzes uit de "
        "link. (Een bestand reist nooit mee in een link: het blijft bij wie het uploadde.)",
        "en": "This link shows a view of the file **{name}**, which is not loaded in this "
        "browser. Upload that file below to see the view, with the link's choices. (A file "
        "never travels in a link: it stays with whoever uploaded it.)",
    },
    "link_unnamed": {"nl": "(naam onbekend)", "en": "(name unknown)"},
    "link_upload": {"nl": "Upload het bestand van de link", "en": "Upload the link's file"},
    "link_use_demo": {"nl": "Nee, toon de demodata", "en": "No, show the demo data"},
    "link_other_file": {
        "nl": "{name} is niet het bestand waarmee de link gemaakt is (de inhoud verschilt): "
        "de keuzes uit de link zijn overgenomen waar ze bestaan, maar de cijfers kunnen "
        "afwijken van wat de afzender zag.",
        "en": "{name} is not the file the link was made with (its content differs): the "
        "link's choices were taken where they exist, but the numbers may differ from what "
        "the sender saw.",
    },
    "link_map_columns": {
        "nl": "De kolomkeuzes uit de link passen niet bij dit bestand (ontbrekende kolommen: "
        "{cols}); de kolommen zijn opnieuw voorgesteld. Kies ze op de pagina Gegevens.",
        "en": "The link's column choices do not fit this file (missing columns: {cols}); the "
        "columns are suggested anew. Choose them on the Data page.",
    },
}


AREAS = {
    "common": COMMON,
}
