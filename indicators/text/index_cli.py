"""Texts of the ``convergence`` and ``index`` commands (indicators/cli.py): their errors, in
the language of --lang."""

INDEX_CLI = {
    "no_years": {
        "nl": "{source}: geen jaren over in kolom '{column}' tussen {first} en {last}; de jaren "
        "in het bestand zijn {years}. Kies --from en --to binnen die jaren.",
        "en": "{source}: no years left in column '{column}' between {first} and {last}; the "
        "years in the file are {years}. Choose --from and --to within those years.",
    },
    "weights_form": {
        "nl": "--weights '{item}': schrijf DIMENSIE=GEWICHT, gescheiden door komma's, "
        "bijvoorbeeld health=2,housing=1 (gewichten 0 of meer).",
        "en": "--weights '{item}': write DIMENSION=WEIGHT separated by commas, e.g. "
        "health=2,housing=1 (weights 0 or more).",
    },
    "weights_unknown": {
        "nl": "--weights: '{dimension}' is geen dimensie van de index. Dimensies: {known}.",
        "en": "--weights: '{dimension}' is not a dimension of the index. Dimensions: {known}.",
    },
    "weights_zero": {
        "nl": "--weights: alle gewichten zijn 0; geef ten minste één dimensie een gewicht boven 0.",
        "en": "--weights: every weight is 0; give at least one dimension a weight above 0.",
    },
    "no_index": {
        "nl": "{source}: geen index te maken in {year}: daarvoor zijn ten minste twee regio's "
        "nodig en een indicator met een richting (hoger of lager is beter).",
        "en": "{source}: no index can be made in {year}: it needs at least two regions and an "
        "indicator with a direction (higher or lower is better).",
    },
    "no_year": {
        "nl": "--at {year}: dat jaar staat niet in het bestand; de jaren zijn {years}.",
        "en": "--at {year}: that year is not in the file; the years are {years}.",
    },
    "no_variables": {
        "nl": "{source}: geen kolom herkend als indicator. Geef --map VARIABELE=KOLOM (zie "
        "`python -m indicators registry`).",
        "en": "{source}: no column recognised as an indicator. Give --map VARIABLE=COLUMN (see "
        "`python -m indicators registry`).",
    },
}

AREAS = {"index_cli": INDEX_CLI}
