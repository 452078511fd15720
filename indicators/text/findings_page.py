"""Texts of the Findings page (indicators/ui/findings.py); the findings' own sentences, kinds
and table columns are in indicators/text/findings.py."""

FINDINGS_PAGE = {
    "title": {"nl": "Bevindingen", "en": "Findings"},
    "intro": {
        "nl": "Wat de gemiddelden verbergen, voor u gezocht: het hele bestand doorzocht op een "
        "onderkant die anders beweegt dan het gemiddelde, regio's met hetzelfde gemiddelde en "
        "een andere onderkant, groepsverschillen die groeiden of krompen, regio's die afwijken "
        "van de rest van het land en jaren buiten de lijn. De sterkste eerst; elke bevinding "
        "opent de pagina die haar laat zien.",
        "en": "What the averages hide, found for you: the whole file searched for a bottom "
        "that moves differently from the average, regions with the same average and a "
        "different bottom, group gaps that widened or narrowed, regions that differ from the "
        "rest of the country and years off the line. The strongest first; each finding opens "
        "the page that shows it.",
    },
    "computing": {
        "nl": "Alle indicatoren, regio's, groepen en jaren doorzoeken ...",
        "en": "Searching every indicator, region, group and year ...",
    },
    "dimension": {"nl": "Dimensie", "en": "Dimension"},
    "region": {"nl": "Regio", "en": "Region"},
    "kind": {"nl": "Soort bevinding", "en": "Kind of finding"},
    "all": {"nl": "(alle)", "en": "(all)"},
    "fdr": {"nl": "Fout-ontdekkingsgraad", "en": "False discovery rate"},
    "fdr_help": {
        "nl": "Van alle getoonde geteste bevindingen is naar verwachting hoogstens dit deel "
        "toeval (Benjamini-Hochberg). Lager: minder, zekerdere bevindingen.",
        "en": "Of all tested findings shown, at most this share is expected to be chance "
        "(Benjamini-Hochberg). Lower: fewer, surer findings.",
    },
    "no_groups": {
        "nl": "Koppel op de pagina Gegevens een groepskolom (zoals opleiding of leeftijd) om "
        "ook groepsverschillen te laten zoeken.",
        "en": "Map a group column (such as education or age) on the Data page to have group "
        "gaps searched too.",
    },
}

AREAS = {"findings_page": FINDINGS_PAGE}
