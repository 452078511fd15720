"""Texts of the Overview page (indicators/ui/overview.py)."""

from indicators.text.results import N_TEXT as COUNT

N_TEXT = COUNT["n"]  # "n = {n}", as everywhere

OVERVIEW = {
    "title": {"nl": "Overzicht", "en": "Overview"},
    "intro": {
        "nl": "Alle indicatoren per thema van brede welvaart voor één regio en jaar: de waarde, "
        "het totaal van alle regio's, de verandering sinds een eerder jaar, en waar het "
        "gemiddelde iets verbergt.",
        "en": "Every indicator by broad-welfare theme for one region and year: the value, the "
        "total of all regions, the change since an earlier year, and where the average hides "
        "something.",
    },
    "since": {"nl": "Vergelijk met jaar", "en": "Compare with year"},
    "since_help": {
        "nl": "De pijl op elke tegel toont de verandering sinds dit jaar.",
        "en": "The arrow on each tile shows the change since this year.",
    },
    "no_earlier": {
        "nl": "Er is geen eerder jaar om mee te vergelijken.",
        "en": "There is no earlier year to compare with.",
    },
    "no_years": {
        "nl": "Deze gegevens hebben geen jaarkolom: verandering en verloop ontbreken.",
        "en": "These data have no year column: change and trend are left out.",
    },
    "legend": {
        "nl": "Pijl: richting van de verandering; {better} is beter, {worse} is slechter, "
        "{same} is onveranderd of onbekend (volgens wat bij de indicator beter is).",
        "en": "Arrow: which way the value moved; {better} is better, {worse} is worse, "
        "{same} is unchanged or unknown (by what is better for the indicator).",
    },
    "unclear": {"nl": "geen duidelijke verandering", "en": "no clear change"},
    "interval": {"nl": "95%-interval {low} tot {high}", "en": "95% interval {low} to {high}"},
    "rule": {
        "nl": "Een pijl is alleen {better} of {worse} als de verandering significant is: het "
        "95%-interval van het verschil tussen de twee jaren (als onafhankelijke steekproeven) "
        "bevat geen 0. Anders is hij {same}: geen duidelijke verandering.",
        "en": "An arrow is {better} or {worse} only when the change is significant: the 95% "
        "interval of the difference between the two years (as independent samples) does not "
        "hold 0. Otherwise it is {same}: no clear change.",
    },
    "rule_aggregates": {
        "nl": "Deze gegevens zijn totalen per regio: er is geen steekproefonzekerheid, dus "
        "elke verandering krijgt haar richting.",
        "en": "These data are totals per region: there is no sampling uncertainty, so every "
        "change gets its direction.",
    },
    "green": {"nl": "groen", "en": "green"},
    "vermillion": {"nl": "vermiljoen", "en": "vermillion"},
    "grey": {"nl": "grijs", "en": "grey"},
    "total_line": {"nl": "Totaal: {value}", "en": "Total: {value}"},
    "change": {
        "nl": "{arrow} {change} sinds {since} · {word}",
        "en": "{arrow} {change} since {since} · {word}",
    },
    "better": {"nl": "beter", "en": "better"},
    "worse": {"nl": "slechter", "en": "worse"},
    "same": {"nl": "onveranderd", "en": "unchanged"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "neutral": {
        "nl": "veranderd (niet gezegd wat beter is)",
        "en": "changed (what is better is not set)",
    },
    "no_change": {
        "nl": "geen verandering te tonen: geen waarde te zien in {years}",
        "en": "no change to show: no value shown in {years}",
    },
    "and": {"nl": "en", "en": "and"},
    "hides": {
        "nl": "<b>Het gemiddelde verbergt dit:</b> {mean} werd {mean_word}, deze indicator {word}.",
        "en": "<b>The average hides this:</b> {mean} got {mean_word}, this got {word}.",
    },
    "hides_count_one": {
        "nl": "Bij 1 indicator beweegt de onderkant of de ongelijkheid de andere kant op dan "
        "het gemiddelde: zie de gemarkeerde tegel.",
        "en": "For 1 indicator the bottom or the inequality moves the other way from the "
        "average: see the flagged tile.",
    },
    "hides_count": {
        "nl": "Bij {n} indicatoren beweegt de onderkant of de ongelijkheid de andere kant op "
        "dan het gemiddelde: zie de gemarkeerde tegels.",
        "en": "For {n} indicators the bottom or the inequality moves the other way from the "
        "average: see the flagged tiles.",
    },
    "spark_title": {
        "nl": "{label}, {first}–{last}",
        "en": "{label}, {first}–{last}",
    },
    "n_obs": N_TEXT,
    "no_tiles": {
        "nl": "Er zijn geen indicatoren voor deze keuze.",
        "en": "There are no indicators for this choice.",
    },
}


AREAS = {
    "overview": OVERVIEW,
}
