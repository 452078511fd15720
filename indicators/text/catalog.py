"""Texts of the Indicators page (indicators/ui/catalog.py)."""

CATALOG = {
    "title": {"nl": "Indicatoren", "en": "Indicators"},
    "intro": {
        "nl": "De catalogus van indicatoren: wat elke indicator meet, hoe, waarom hij erin "
        "staat, en of uw gegevens hem toelaten. Indicatoren met ‘voorbij het gemiddelde’ "
        "kijken naar de onderkant, de spreiding of de ongelijkheid.",
        "en": "The catalogue of indicators: what each one measures, how, why it is there, and "
        "whether your data allows it. Indicators marked ‘beyond the average’ look at the "
        "bottom, the spread or the inequality.",
    },
    "search": {"nl": "Zoeken", "en": "Search"},
    "search_placeholder": {
        "nl": "bijvoorbeeld inkomen, eenzaam, gini, p10",
        "en": "for example income, lonely, gini, p10",
    },
    "dimensions": {"nl": "Thema's", "en": "Dimensions"},
    "dimensions_help": {
        "nl": "Kies er een of meer; niets gekozen toont alle thema's.",
        "en": "Choose one or more; with none chosen, every dimension is shown.",
    },
    "all_dimensions": {
        "nl": "Alle thema's (niets gekozen).",
        "en": "All dimensions (none chosen).",
    },
    "only_available": {"nl": "Alleen wat mijn gegevens toelaten", "en": "Only what my data allows"},
    "count": {
        "nl": "{shown} van {total} indicatoren getoond; {available} zijn te berekenen uit de "
        "gegevens in gebruik: {source}.",
        "en": "{shown} of {total} indicators shown; {available} can be computed from the data "
        "in use: {source}.",
    },
    "legend": {
        "nl": ":material/check_circle: te berekenen uit uw gegevens · "
        ":material/radio_button_unchecked: niet te berekenen; de regel zegt wat er ontbreekt · "
        "open een regel voor de definitie",
        "en": ":material/check_circle: can be computed from your data · "
        ":material/radio_button_unchecked: cannot be computed; the row says what is missing · "
        "open a row for the definition",
    },
    "count_plain": {
        "nl": "{shown} van {total} indicatoren.",
        "en": "{shown} of {total} indicators.",
    },
    "none": {
        "nl": "Geen indicator past bij deze zoekopdracht. Probeer een ander woord of minder "
        "filters.",
        "en": "No indicator matches this search. Try another word or fewer filters.",
    },
    "table": {"nl": "Overzicht als tabel", "en": "Overview as a table"},
    "from_file": {"nl": "Uit uw bestand", "en": "From your file"},
    "from_file_text": {
        "nl": "Deze {n} indicatoren komen uit de gegevens in gebruik ({source}): uw eigen "
        "variabelen en de kolommen van een bestand met cijfers per regio, met uw eigen namen en "
        "eenheden. Ze staan op elke pagina zoals de indicatoren uit de catalogus.",
        "en": "These {n} indicators come from the data in use ({source}): your own variables "
        "and the columns of a file with figures per region, in your own names and units. Every "
        "page shows them as it shows the catalogue's indicators.",
    },
    "oecd": {"nl": "OESO-dimensie (Engelse naam): {names}", "en": "OECD dimension: {names}"},
    "definition": {"nl": "Definitie", "en": "Definition"},
    "measure": {"nl": "Maat", "en": "Measure"},
    "variable": {"nl": "Variabele", "en": "Variable"},
    "unit": {"nl": "Eenheid", "en": "Unit"},
    "polarity": {"nl": "Beter als", "en": "Better when"},
    "dimension": {"nl": "Thema", "en": "Dimension"},
    "perspective": {"nl": "Perspectief", "en": "Perspective"},
    "beyond": {"nl": "Voorbij het gemiddelde", "en": "Beyond the average"},
    "yes": {"nl": "ja", "en": "yes"},
    "no": {"nl": "nee", "en": "no"},
    "why": {"nl": "Waarom deze indicator", "en": "Why this indicator"},
    "reference": {"nl": "Bron", "en": "Reference"},
    "code": {"nl": "Code: `{id}` · maat `{measure}`", "en": "Code: `{id}` · measure `{measure}`"},
    "extend": {"nl": "De catalogus uitbreiden", "en": "Extending the catalogue"},
    "extend_text": {
        "nl": "De catalogus is een TOML-bestand (`indicators/registry/catalog.toml`). Een eigen bestand "
        "met hetzelfde schema voegt variabelen en indicatoren toe of past ze aan (op id). "
        "Upload het hieronder om te zien hoe de indicatoren eruitzien; deze pagina toont dan "
        "de samengevoegde catalogus. Om ermee te rekenen gebruikt u de opdrachtregel:",
        "en": "The catalogue is a TOML file (`indicators/registry/catalog.toml`). Your own file with the "
        "same schema adds variables and indicators or changes them (by id). Upload it below to "
        "see how its indicators read; this page then shows the merged catalogue. To compute "
        "with it, use the command line:",
    },
    "extend_upload": {"nl": "Eigen catalogus (TOML)", "en": "Your own catalogue (TOML)"},
    "extend_ok": {
        "nl": "{name}: in orde; de catalogus heeft nu {n} indicatoren. Ze staan hierboven en "
        "elke pagina rekent er nu mee.",
        "en": "{name}: OK; the catalogue now has {n} indicators. They are listed above, and "
        "every page now computes with them.",
    },
    "extend_in_use": {
        "nl": "In gebruik: uw catalogus **{name}** ({n} indicatoren), op elke pagina.",
        "en": "In use: your catalogue **{name}** ({n} indicators), on every page.",
    },
    "extend_drop": {
        "nl": "Terug naar de standaardcatalogus",
        "en": "Back to the standard catalogue",
    },
    "extend_bad": {
        "nl": "**{name} kan niet gebruikt worden.**",
        "en": "**{name} cannot be used.**",
    },
    "extend_example": {"nl": "Voorbeeld", "en": "Example"},
    "in_english": {"nl": "\n\n_De toelichting hieronder is (nog) in het Engels._", "en": ""},
}


AREAS = {
    "catalog": CATALOG,
}
