"""Texts of own indicators (indicators/registry/own_indicators.py and the form on the
Indicators page)."""

PROBLEMS = {
    "no_name": {
        "nl": "Geef de indicator een naam in het Nederlands en in het Engels.",
        "en": "Give the indicator a name in Dutch and in English.",
    },
    "unknown_variable": {
        "nl": "De variabele '{variable}' is niet bekend in de gegevens die u gebruikt. Kies een "
        "variabele uit de lijst.",
        "en": "The variable '{variable}' is not known in the data in use. Pick a variable from "
        "the list.",
    },
    "bad_polarity": {
        "nl": "Kies of hoger beter of slechter is (niet '{polarity}').",
        "en": "Choose whether higher is better or worse (not '{polarity}').",
    },
    "unknown_dimension": {
        "nl": "Het thema '{dimension}' bestaat niet. Kies een thema uit de lijst.",
        "en": "The dimension '{dimension}' does not exist. Pick one from the list.",
    },
    "bad_measure": {
        "nl": "'{measure}' is geen maat die het dashboard kent. Kies een maat uit de lijst.",
        "en": "'{measure}' is not a measure the dashboard knows. Pick one from the list.",
    },
    "measure_not_for_kind": {
        "nl": "De maat '{measure}' past niet bij '{variable}' (bijvoorbeeld een gemiddelde van "
        "categorieën). Kies een maat uit de lijst.",
        "en": "The measure '{measure}' does not fit '{variable}' (such as a mean of categories). "
        "Pick a measure from the list.",
    },
    "unknown_answer": {
        "nl": "'{answer}' is geen antwoord van deze variabele. De antwoorden zijn: {answers}.",
        "en": "'{answer}' is not an answer of this variable. Its answers are: {answers}.",
    },
    "bad_threshold": {
        "nl": "Geef een getal als grens (niet '{threshold}').",
        "en": "Give a number as the threshold (not '{threshold}').",
    },
    "threshold_outside": {
        "nl": "De grens {threshold} ligt buiten de schaal van deze variabele ({low} tot {high}): "
        "het aandeel zou altijd 0% of 100% zijn. Kies een grens binnen de schaal.",
        "en": "The threshold {threshold} lies outside this variable's scale ({low} to {high}): "
        "the share would always be 0% or 100%. Choose a threshold within the scale.",
    },
    "bad_file": {
        "nl": "Het catalogusbestand in gebruik is geen geldige TOML ({error}); de indicator kan er "
        "niet aan worden toegevoegd. Verwijder het bestand op deze pagina of herstel het.",
        "en": "The catalogue file in use is not valid TOML ({error}); the indicator cannot be "
        "added to it. Drop the file on this page or mend it.",
    },
}

FORM = {
    "title": {"nl": "Maak een eigen indicator", "en": "Make your own indicator"},
    "intro": {
        "nl": "Kies een variabele uit uw gegevens of de catalogus, een maat en namen. De indicator "
        "staat daarna op elke pagina, net als die van de catalogus. Download het catalogusbestand "
        "om hem te bewaren: later weer uploaden (hieronder) zet hem terug.",
        "en": "Pick a variable of your data or the catalogue, a measure and names. The indicator "
        "then shows on every page, as the catalogue's do. Download the catalogue file to keep it: "
        "uploading it later (below) restores it.",
    },
    "no_data": {
        "nl": "Eigen indicatoren maakt u op microdata (één rij per persoon). De gegevens in gebruik "
        "zijn aggregaten of nog niet ingesteld: elke kolom met waarden is daar al een indicator.",
        "en": "Own indicators are made on microdata (one row per person). The data in use are "
        "aggregates or not set up yet: each value column there is already an indicator.",
    },
    "variable": {"nl": "Variabele", "en": "Variable"},
    "measure": {"nl": "Maat", "en": "Measure"},
    "threshold": {"nl": "Grens", "en": "Threshold"},
    "threshold_help": {
        "nl": "'Aandeel onder' telt waarden kleiner dan de grens; 'aandeel ten minste' telt waarden "
        "gelijk aan of groter dan de grens.",
        "en": "'Share below' counts values smaller than the threshold; 'share at least' counts "
        "values equal to or greater than it.",
    },
    "answer": {"nl": "Antwoord", "en": "Answer"},
    "label_nl": {"nl": "Naam in het Nederlands", "en": "Name in Dutch"},
    "label_en": {"nl": "Naam in het Engels", "en": "Name in English"},
    "dimension": {"nl": "Thema", "en": "Dimension"},
    "polarity": {"nl": "Hoger is", "en": "Higher is"},
    "better": {"nl": "beter", "en": "better"},
    "worse": {"nl": "slechter", "en": "worse"},
    "rationale_nl": {"nl": "Waarom (Nederlands, optioneel)", "en": "Why (Dutch, optional)"},
    "rationale_en": {"nl": "Waarom (Engels, optioneel)", "en": "Why (English, optional)"},
    "add": {"nl": "Indicator toevoegen", "en": "Add indicator"},
    "added": {
        "nl": "'{label}' is toegevoegd en staat nu op elke pagina. Download het catalogusbestand "
        "om hem te bewaren.",
        "en": "'{label}' is added and now shows on every page. Download the catalogue file to "
        "keep it.",
    },
    "bad": {"nl": "De indicator is niet toegevoegd: {reason}", "en": "Not added: {reason}"},
    "download": {"nl": "Catalogusbestand downloaden", "en": "Download the catalogue file"},
    "yours": {
        "nl": "Uw eigen indicatoren in gebruik: {names}.",
        "en": "Your own indicators in use: {names}.",
    },
}

AREAS = {"own_indicators": PROBLEMS, "own_indicator_form": FORM}
