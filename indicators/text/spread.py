"""Texts of the spread between regions (indicators/analyses/spread.py)."""

SPREAD = {
    "grew": {
        "nl": "Het verschil tussen regio's is gegroeid",
        "en": "The gap between regions grew",
    },
    "shrank": {
        "nl": "Het verschil tussen regio's is kleiner geworden",
        "en": "The gap between regions narrowed",
    },
    "same": {
        "nl": "Het verschil tussen regio's is ongeveer gelijk gebleven",
        "en": "The gap between regions stayed about the same",
    },
    "mixed": {
        "nl": "Het verschil tussen regio's laat geen duidelijke richting zien",
        "en": "The gap between regions shows no clear direction",
    },
    "judged": {
        "nl": " (beoordeeld op de rechte lijn door alle {n} jaren)",
        "en": " (judged on the straight line through all {n} years)",
    },
    "ratio_other_way": {
        "nl": "; die verhouding kijkt alleen naar de twee uitersten en ging de andere kant op",
        "en": "; that ratio looks only at the two extremes and moved the other way",
    },
    "rule": {
        "nl": "Hoe dit is beoordeeld: een rechte lijn door de variatiecoëfficiënt van alle {n} "
        "jaren ({first_year}–{last_year}; gestippeld in de linker grafiek) gaat van {fit_first} "
        "naar {fit_last}, {change} ten opzichte van het begin van de lijn. Meer dan {pct} "
        "erbij telt als gegroeid, meer dan {pct} eraf als kleiner geworden, mits het laatste "
        "jaar ook boven (of onder) het eerste ligt; anders is het ongeveer gelijk gebleven of "
        "is er geen duidelijke richting.",
        "en": "How this is judged: a straight line through the coefficient of variation of all "
        "{n} years ({first_year}–{last_year}; dotted in the left chart) goes from {fit_first} to "
        "{fit_last}, {change} of the line's start. More than {pct} up counts as grown, more "
        "than {pct} down as narrowed, provided the last year also lies above (or below) the "
        "first; otherwise it stayed about the same or there is no clear direction.",
    },
    "same_regions": {
        "nl": "Elk jaar vergelijkt dezelfde {n} regio's.",
        "en": "Every year compares the same {n} regions.",
    },
    "left_out": {
        "nl": "Om gelijk met gelijk te vergelijken telt elk jaar dezelfde {n} regio's; {k} "
        "regio's met een gat in de reeks doen niet mee: {listed}.",
        "en": "To compare like with like, every year counts the same {n} regions; {k} regions "
        "with a gap in their series are left out: {listed}.",
    },
    "left_out_one": {
        "nl": "Om gelijk met gelijk te vergelijken telt elk jaar dezelfde {n} regio's; 1 regio "
        "met een gat in de reeks doet niet mee: {listed}.",
        "en": "To compare like with like, every year counts the same {n} regions; 1 region "
        "with a gap in its series is left out: {listed}.",
    },
    "no_value_in": {"nl": "geen waarde in {years}", "en": "no value in {years}"},
    "more": {"nl": "en nog {k}", "en": "and {k} more"},
    "varying": {
        "nl": "Geen twee regio's hebben in elk jaar een waarde, dus elk jaar vergelijkt de "
        "regio's die het heeft ({lo} tot {hi} regio's): een deel van de verandering kan "
        "komen doordat andere regio's meetellen.",
        "en": "No two regions have a value in every year, so each year compares the regions it "
        "has ({lo} to {hi} regions): part of the change may come from other regions counting.",
    },
    "missing_years": {
        "nl": "Niet vergeleken: {listed}; de lijn loopt over de andere jaren.",
        "en": "Not compared: {listed}; the line runs through the other years.",
    },
    "absent": {"nl": "{year} (niet in de gegevens)", "en": "{year} (not in the data)"},
    "few": {
        "nl": "{year} (minder dan de helft van de regio's heeft een waarde)",
        "en": "{year} (fewer than half of the regions have a value)",
    },
    "cv_words": {
        "nl": "in {last_year} wijken regio's gemiddeld {pct}{points} af van het gemiddelde "
        "(variatiecoëfficiënt {last}; {first} in {first_year})",
        "en": "in {last_year} regions lie on average {pct}{points} from the average "
        "(coefficient of variation {last}; {first} in {first_year})",
    },
    "points": {
        "nl": " (ongeveer {pp} procentpunt)",
        "en": " (about {pp} percentage points)",
    },
    "ratio_words": {
        "nl": "de hoogste regio ligt {gap} (verhouding hoogste/laagste {last}; {first} in "
        "{first_year})",
        "en": "the highest region is {gap} (highest/lowest ratio {last}; {first} in {first_year})",
    },
    "and": {"nl": "en", "en": "and"},
    "above": {"nl": "{pct} boven de laagste", "en": "{pct} above the lowest"},
    "times": {"nl": "{x} keer zo hoog als de laagste", "en": "{x} times the lowest"},
    "about": {"nl": "ongeveer {pct}", "en": "about {pct}"},
    "less_than": {"nl": "minder dan {pct}", "en": "less than {pct}"},
    "percentage_points": {"nl": " %-punt", "en": " pp"},  # after a change in a share
}

# one short reading per measure of the spread (spread_readings)
SPREAD_READINGS = {
    "here": {"nl": "Hier: ", "en": "Here: "},
    "ratio": {"nl": "de hoogste ligt {gap}.", "en": "the highest is {gap}."},
    "cv": {
        "nl": "regio's wijken gemiddeld {pct}{points} af van het gemiddelde.",
        "en": "regions lie on average {pct}{points} from the average.",
    },
    "small": {
        "nl": "dicht bij 0, dus regio's verschillen nauwelijks.",
        "en": "close to 0, so regions hardly differ.",
    },
}


AREAS = {
    "spread": SPREAD,
    "spread_readings": SPREAD_READINGS,
}
