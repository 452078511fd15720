"""Texts of the mapping form (indicators/dataset/mapping_form.py)."""

MAPPING_FORM = {
    "no_region": {
        "nl": "Kies de kolom met de regio (gemeente, provincie, ...): zonder regio is er niets "
        "te vergelijken.",
        "en": "Choose the column with the region (municipality, province, ...): without a "
        "region there is nothing to compare.",
    },
    "no_variables": {
        "nl": "Kies bij minstens één variabele de kolom die haar bevat (bijvoorbeeld "
        "levenstevredenheid of inkomen), of meet een kolom als eigen variabele.",
        "en": "Choose the column for at least one variable (for example life satisfaction or "
        "income), or measure a column as your own variable.",
    },
    "no_fit": {
        "nl": "Kolom '{column}' past niet bij '{label}': {why} Meet de kolom als eigen "
        "variabele (hieronder), of kies een andere kolom.",
        "en": "Column '{column}' does not fit '{label}': {why} Measure the column as your own "
        "variable (below), or choose another column.",
    },
    "why_levels": {
        "nl": "de antwoorden ({found}) zijn niet die van de catalogus ({levels}).",
        "en": "its answers ({found}) are not the catalogue's ({levels}).",
    },
    "why_scale": {
        "nl": "de waarden ({found}) liggen niet op de schaal {lo} tot {hi}.",
        "en": "its values ({found}) do not lie on the scale {lo} to {hi}.",
    },
    "why_few": {
        "nl": "een handvol hele getallen ({found}) is geen bedrag in euro's (een deciel of "
        "klassecode?).",
        "en": "a handful of whole numbers ({found}) is not an amount in euros (a decile or a "
        "band code?).",
    },
    "text_continuous": {
        "nl": "Kolom '{column}' bevat tekst ({found}): als eigen variabele kan die geordend "
        "(ordinaal), ja/nee (binair) of categorieën (nominaal) zijn, geen getallen.",
        "en": "Column '{column}' holds text ({found}): as your own variable it can be ordered "
        "(ordinal), yes/no (binary) or categories (nominal), not numbers.",
    },
    "twice": {
        "nl": "Kolom '{column}' is voor meer dan één rol gekozen: {roles}. Kies elke kolom één "
        "keer.",
        "en": "Column '{column}' is chosen for more than one role: {roles}. Choose each column "
        "once.",
    },
    "region": {"nl": "regio", "en": "region"},
    "year": {"nl": "jaar", "en": "year"},
    "weight": {"nl": "gewicht", "en": "weight"},
    "group": {"nl": "groep", "en": "group"},
    "col_score": {"nl": "Score", "en": "Score"},
    "col_answer": {"nl": "Antwoord in uw bestand", "en": "Answer in your file"},
    "col_level": {"nl": "Niveau in de catalogus", "en": "Level in the catalogue"},
    "col_category": {"nl": "Categorie in uw bestand", "en": "Category in your file"},
    "col_rows": {"nl": "Rijen", "en": "Rows"},
    "col_catalogue_category": {
        "nl": "Categorie in de catalogus",
        "en": "Category in the catalogue",
    },
    "no_match": {"nl": "– geen overeenkomst", "en": "– no match"},
    "by_position": {"nl": "{level} (op volgorde)", "en": "{level} (by position)"},
}


AREAS = {
    "mapping_form": MAPPING_FORM,
}
