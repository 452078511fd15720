"""Texts of the results table (indicators/results.py): why a value is not shown, and n."""

# The state of a value in the results table: one text (nl, en) for each state but "ok".
STATE_TEXTS = {
    # no value in the file: every row of this cell was empty, "." or the like
    "missing": {"nl": "geen waarde in het bestand", "en": "no value in the file"},
    # the small-cell rule (microdata only): ``{n}`` is the threshold
    "suppressed": {
        "nl": "verborgen: minder dan {n} waarnemingen",
        "en": "hidden: fewer than {n} observations",
    },
    # the measure cannot be computed: no rows for this region and year, or no values it can
    # use (a log measure without values above 0)
    "not_applicable": {
        "nl": "niet van toepassing: geen waarden die deze maat kan gebruiken",
        "en": "not applicable: no values this measure can use",
    },
}
N_TEXT = {"n": {"nl": "n = {n}", "en": "n = {n}"}}

AREAS = {"states": STATE_TEXTS, "count": N_TEXT}
