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
    "bootstrap_replicates": {
        "nl": "De bootstrap heeft ten minste 2 replicaties nodig (--replicates); gegeven: "
        "{replicates}.",
        "en": "The bootstrap needs at least 2 replicates (--replicates); got {replicates}.",
    },
    "ci_method": {
        "nl": "Intervalmethode '{method}' bestaat niet; kies uit: {methods}.",
        "en": "Interval method '{method}' is not available; choose from: {methods}.",
    },
    # argparse's own errors (indicators.cli.ARGPARSE_ERRORS); the English ones are argparse's
    "usage_error": {"nl": "{prog}: fout: {message}", "en": "{prog}: error: {message}"},
    "required": {
        "nl": "deze argumenten ontbreken: {names}",
        "en": "the following arguments are required: {names}",
    },
    "unrecognized": {
        "nl": "onbekende argumenten: {names}",
        "en": "unrecognized arguments: {names}",
    },
    "invalid_choice": {
        "nl": "argument {arg}: ongeldige keuze: {value} (kies uit {choices})",
        "en": "argument {arg}: invalid choice: {value} (choose from {choices})",
    },
    "invalid_value": {
        "nl": "argument {arg}: ongeldige {kind}-waarde: {value}",
        "en": "argument {arg}: invalid {kind} value: {value}",
    },
    "expected_one": {
        "nl": "argument {arg}: verwacht één waarde",
        "en": "argument {arg}: expected one argument",
    },
}

AREAS = {"cli": CLI}
