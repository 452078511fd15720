"""Texts of saved work (indicators/dataset/setup_file.py and the Data page's set-up section)."""

SETUP = {
    "bad": {
        "nl": "'{name}' is een set-upbestand van het dashboard, maar het deel '{what}' klopt niet. "
        "Sla de set-up opnieuw op en laad dat bestand.",
        "en": "'{name}' is a set-up file of the dashboard, but its part '{what}' is not right. "
        "Save the set-up again and load that file.",
    },
    "too_large": {
        "nl": "'{name}' is groter dan {limit} kB: dat is geen set-upbestand van het dashboard. "
        "Kies het bestand dat 'Set-up opslaan' gaf.",
        "en": "'{name}' is larger than {limit} kB: that is not a set-up file of the dashboard. "
        "Choose the file that 'Save set-up' gave you.",
    },
    "not_json": {
        "nl": "'{name}' is geen set-upbestand (geen JSON-tekst). Kies het bestand dat 'Set-up "
        "opslaan' gaf (het eindigt op .json).",
        "en": "'{name}' is not a set-up file (not JSON text). Choose the file that 'Save set-up' "
        "gave you (it ends in .json).",
    },
    "not_setup": {
        "nl": "'{name}' is JSON, maar geen set-upbestand van dit dashboard. Kies het bestand dat "
        "'Set-up opslaan' gaf.",
        "en": "'{name}' is JSON but not a set-up file of this dashboard. Choose the file that "
        "'Save set-up' gave you.",
    },
    "other_file": {
        "nl": "De set-up is gemaakt op '{saved}'; de gegevens in gebruik zijn '{now}' (een ander "
        "bestand, of een andere versie ervan). Wat past, is overgenomen.",
        "en": "The set-up was made on '{saved}'; the data in use are '{now}' (another file, or "
        "another version of it). What fits has been taken over.",
    },
    "columns_missing": {
        "nl": "Niet in dit bestand, dus niet overgenomen: de kolommen {columns}.",
        "en": "Not in this file, so not taken over: the columns {columns}.",
    },
    "no_region": {
        "nl": "De regiokolom '{column}' van de set-up ontbreekt: de kolomkeuzes zijn niet "
        "overgenomen (de voorgestelde blijven). De indicatoren, de grens voor kleine aantallen "
        "en de keuzes van de pagina's wel.",
        "en": "The set-up's region column '{column}' is missing: its column choices are not "
        "taken over (the suggested ones stay). The indicators, the small-cell threshold and the "
        "choices of the pages are.",
    },
}

PAGE = {
    "head": {"nl": "Set-up opslaan of laden", "en": "Save or load your set-up"},
    "intro": {
        "nl": "De set-up is alles wat u hier instelde: de kolomkeuzes, antwoordvolgordes, eigen "
        "variabelen en indicatoren, de grens voor kleine aantallen en de keuzes op de pagina's "
        "(regio, indicator, jaar). Na het herladen van de browser of volgende week: upload uw "
        "bestand en daarna deze set-up, en alles staat weer zoals het was. Uw gegevens zelf zitten "
        "er niet in.",
        "en": "The set-up is everything you set here: the column choices, answer orders, own "
        "variables and indicators, the small-cell threshold and the choices on the pages (region, "
        "indicator, year). After a browser reload or next week: upload your file and then this "
        "set-up, and everything is as it was. Your data themselves are not in it.",
    },
    "save": {"nl": "Set-up opslaan", "en": "Save set-up"},
    "load": {"nl": "Set-up laden", "en": "Load a set-up"},
    "loaded": {
        "nl": "Set-up '{name}' (opgeslagen {saved}) is geladen.",
        "en": "Set-up '{name}' (saved {saved}) is loaded.",
    },
    "bad": {
        "nl": "De set-up is niet geladen: {reason}",
        "en": "The set-up is not loaded: {reason}",
    },
}

AREAS = {"setup_file": SETUP, "setup_page": PAGE}
