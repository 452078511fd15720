"""Texts of own variables (indicators/dataset/own_variables.py): the labels and descriptions of
the indicators made from a column of the user's file."""

# an indicator's label: {v} the variable's name, {k} the number of answers, {a} an answer
LABELS = {
    "mean": {
        "nl": "{v}: gemiddelde",
        "en": "{v}: mean",
    },
    "mean_score": {
        "nl": "{v}: gemiddelde score (1-{k})",
        "en": "{v}: mean score (1-{k})",
    },
    "median": {
        "nl": "{v}: mediaan",
        "en": "{v}: median",
    },
    "p10": {
        "nl": "{v}: onderste 10% (P10)",
        "en": "{v}: bottom 10% (P10)",
    },
    "p90": {
        "nl": "{v}: bovenste 10% (P90)",
        "en": "{v}: top 10% (P90)",
    },
    "share": {
        "nl": "{v}: aandeel '{a}'",
        "en": "{v}: share '{a}'",
    },
    "share_top": {
        "nl": "{v}: aandeel '{a}'",
        "en": "{v}: share '{a}'",
    },
    "share_bottom": {
        "nl": "{v}: aandeel {a}",
        "en": "{v}: share {a}",
    },
}
# its description: {c} the column
DESCRIPTIONS = {
    "mean": {
        "nl": "Het (gewogen) gemiddelde van kolom '{c}' uit uw bestand.",
        "en": "The (weighted) mean of column '{c}' in your file.",
    },
    "mean_score": {
        "nl": "De gemiddelde score van kolom '{c}': de antwoorden van laag naar hoog gescoord 1 "
        "tot en met {k} ({levels}).",
        "en": "The mean score of column '{c}': the answers scored 1 to {k} from low to high "
        "({levels}).",
    },
    "median": {
        "nl": "De (gewogen) mediaan van kolom '{c}'.",
        "en": "The (weighted) median of column '{c}'.",
    },
    "p10": {
        "nl": "De waarde waaronder de onderste 10% van kolom '{c}' ligt.",
        "en": "The value below which the bottom 10% of column '{c}' lie.",
    },
    "p90": {
        "nl": "De waarde waarboven de bovenste 10% van kolom '{c}' ligt.",
        "en": "The value above which the top 10% of column '{c}' lie.",
    },
    "share": {
        "nl": "Het (gewogen) aandeel met antwoord '{a}' in kolom '{c}'.",
        "en": "The (weighted) share answering '{a}' in column '{c}'.",
    },
    "share_top": {
        "nl": "Het (gewogen) aandeel met het hoogste antwoord, '{a}', in kolom '{c}'.",
        "en": "The (weighted) share giving the top answer, '{a}', in column '{c}'.",
    },
    "share_bottom": {
        "nl": "Het (gewogen) aandeel met de laagste antwoorden ({a}) in kolom '{c}'.",
        "en": "The (weighted) share giving the bottom answers ({a}) in column '{c}'.",
    },
}
OWN = {
    "rationale": {
        "nl": "Een eigen variabele uit uw bestand; label, eenheid en richting zijn de uwe.",
        "en": "An own variable from your file; its label, unit and direction are yours.",
    },
    "column_description": {
        "nl": "De waarde in kolom '{name}' van uw bestand, per regio; {total}.",
        "en": "The value in column '{name}' of your file, per region; {total}.",
    },
    "total_weighted": {
        "nl": "het totaal is het gemiddelde van de regio's, gewogen met kolom '{weight}'",
        "en": "the Total is the mean of the regions, weighted by column '{weight}'",
    },
    "total_unweighted": {
        "nl": "het totaal is het ongewogen gemiddelde van de regio's",
        "en": "the Total is the unweighted mean of the regions",
    },
}

AREAS = {"own_labels": LABELS, "own_descriptions": DESCRIPTIONS, "own_variables": OWN}
