"""Texts of the command line (indicators/cli.py): its errors, in the language of --lang."""

CLI = {
    "error": {"nl": "fout: {message}", "en": "error: {message}"},
    "map_form": {
        "nl": "--map '{item}': schrijf VARIABELE=KOLOM, bijvoorbeeld "
        "life_satisfaction=levenstevredenheid.",
        "en": "--map '{item}': write VARIABLE=COLUMN, e.g. life_satisfaction=levenstevredenheid.",
    },
    "map_unknown": {
        "nl": "--map '{item}': '{variable}' is geen variabele van het register. Variabelen: "
        "{known}.",
        "en": "--map '{item}': '{variable}' is not a registry variable. Variables: {known}.",
    },
    "map_none": {
        "nl": "Geef ten minste één --map VARIABELE=KOLOM (zie `python -m indicators registry` "
        "voor de variabelen).",
        "en": "Give at least one --map VARIABLE=COLUMN (see `python -m indicators registry` "
        "for the variables).",
    },
}

AREAS = {"cli": CLI}
