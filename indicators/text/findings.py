"""Texts of the findings scan (indicators/analyses/findings.py and ``python -m indicators
findings``): one sentence per kind of finding, filled in with numbers in the indicator's unit."""

FINDINGS = {
    "mean_vs_bottom": {
        "nl": "In {region} ging {bottom} van {first} naar {last}{interval} terwijl {mean} van "
        "{mean_first} naar {mean_last} ging ({year_from}–{year_to})",
        "en": "In {region} {bottom} went from {first} to {last}{interval} while {mean} went "
        "from {mean_first} to {mean_last} ({year_from}–{year_to})",
    },
    "mean_vs_bottom_flat": {
        "nl": "In {region} ging {bottom} van {first} naar {last}{interval} terwijl {mean} "
        "gelijk bleef: {mean_first} en {mean_last} ({year_from}–{year_to})",
        "en": "In {region} {bottom} went from {first} to {last}{interval} while {mean} stayed "
        "the same: {mean_first} and {mean_last} ({year_from}–{year_to})",
    },
    "same_mean": {
        "nl": "{region} en {other} hebben{when} een vergelijkbaar {mean} ({mean_a} en "
        "{mean_b}), maar {bottom} verschilt: {value_a} tegen {value_b} (verschil "
        "{diff}{interval})",
        "en": "{region} and {other} have a similar {mean}{when} ({mean_a} and {mean_b}), "
        "but {bottom} differs: {value_a} against {value_b} (difference {diff}{interval})",
    },
    "group_gap": {
        "nl": "In {region} is het verschil in {indicator} tussen {group} en {other} van "
        "{year_from} tot {year_to} {how} van {first} tot {last} (verandering {diff}{interval})",
        "en": "In {region} the gap in {indicator} between {group} and {other} {how} from "
        "{first} to {last} between {year_from} and {year_to} (change {diff}{interval})",
    },
    "in_year": {"nl": " in {year}", "en": " in {year}"},
    "interval": {"nl": ", interval {low} tot {high}", "en": ", interval {low} to {high}"},
    "interval_alone": {"nl": " (interval {low} tot {high})", "en": " (interval {low} to {high})"},
    "widened": {"nl": "gegroeid", "en": "widened"},
    "narrowed": {"nl": "gekrompen", "en": "narrowed"},
    "reversed": {"nl": "omgeslagen", "en": "reversed"},
    "region_vs_rest": {
        "nl": "In {region} veranderde {indicator} van {year_from} tot {year_to} met {change}, "
        "in de rest van het land met {rest_change} (verschil {diff}{interval})",
        "en": "In {region} {indicator} changed by {change} from {year_from} to {year_to}, in "
        "the rest of the country by {rest_change} (difference {diff}{interval})",
    },
    "trend_break": {
        "nl": "In {region} lag {indicator} in {year} op {value}, buiten de lijn van de andere "
        "jaren ({expected}{interval})",
        "en": "In {region} {indicator} was {value} in {year}, outside the line of the other "
        "years ({expected}{interval})",
    },
    "stapeling": {
        "nl": "In {region} heeft in {year} {share} van de mensen twee of meer van {n} ongunstige "
        "uitkomsten (interval {share_low} tot {share_high}), tegen {rest} in de rest van het "
        "land (verschil {diff}, interval {low} tot {high})",
        "en": "In {region} {share} of people had two or more of {n} unfavourable outcomes in "
        "{year} (interval {share_low} to {share_high}), against {rest} in the rest of the "
        "country (difference {diff}, interval {low} to {high})",
    },
    "stapeling_no_year": {
        "nl": "In {region} heeft {share} van de mensen twee of meer van {n} ongunstige "
        "uitkomsten (interval {share_low} tot {share_high}), tegen {rest} in de rest van het "
        "land (verschil {diff}, interval {low} tot {high})",
        "en": "In {region} {share} of people have two or more of {n} unfavourable outcomes "
        "(interval {share_low} to {share_high}), against {rest} in the rest of the country "
        "(difference {diff}, interval {low} to {high})",
    },
    "stapeling_change": {
        "nl": "In {region} ging het aandeel mensen met twee of meer van {n} ongunstige "
        "uitkomsten van {year_from} tot {year_to} van {first} naar {last}, in de rest van het "
        "land van {rest_first} naar {rest_last} (verschil in verandering {diff}, interval {low} "
        "tot {high})",
        "en": "In {region} the share of people with two or more of {n} unfavourable outcomes "
        "went from {first} to {last} between {year_from} and {year_to}, in the rest of the "
        "country from {rest_first} to {rest_last} (difference in change {diff}, interval {low} "
        "to {high})",
    },
    "aggregate_note": {
        "nl": " (cijfers uit het bestand, zonder steekproefonzekerheid)",
        "en": " (figures of the file, without sampling uncertainty)",
    },
    "total": {"nl": "heel het land", "en": "the whole country"},
    "fdr_note": {
        "nl": "Bevindingen met een q-waarde tot {fdr} (Benjamini-Hochberg: van alle getoonde "
        "bevindingen is naar verwachting hoogstens {share} toeval); cijfers zonder "
        "steekproefonzekerheid staan erbij, naar grootte.",
        "en": "Findings with a q-value up to {fdr} (Benjamini-Hochberg: of all findings shown, "
        "at most {share} are expected to be chance); figures without sampling uncertainty are "
        "added, by size.",
    },
    "none_found": {
        "nl": "Geen bevindingen bij een fout-ontdekkingsgraad van {fdr}.",
        "en": "No findings at a false discovery rate of {fdr}.",
    },
    "aggregates_note": {
        "nl": "Cijfers per regio zonder steekproefonzekerheid: niets is getoetst; een verschil "
        "of verandering telt vanaf {share} keer de spreiding tussen de regio's, de grootste "
        "eerst.",
        "en": "Figures per region without sampling uncertainty: nothing is tested; a difference "
        "or change counts from {share} times the spread between the regions, the largest first.",
    },
    "none_aggregates": {
        "nl": "Geen bevindingen. Dit bestand heeft cijfers per regio zonder "
        "steekproefonzekerheid: er is niets te toetsen, dus telt alleen een verschil of "
        "verandering van minstens {share} keer de spreiding tussen de regio's, en zo groot is "
        "er hier geen.",
        "en": "No findings. This file has figures per region without sampling uncertainty: "
        "there is nothing to test, so only a difference or change of at least {share} times "
        "the spread between the regions counts, and none is that large here.",
    },
    "bad_fdr": {
        "nl": "De fout-ontdekkingsgraad (--fdr) moet tussen 0 en 1 liggen, niet {fdr}.",
        "en": "The false discovery rate (--fdr) must lie between 0 and 1, not {fdr}.",
    },
    "title": {"nl": "Bevindingen", "en": "Findings"},
    "shown": {
        "nl": "{n} van de {total} bevindingen",
        "en": "{n} of {total} findings",
    },
    "none_here": {
        "nl": "Geen bevindingen bij deze keuze.",
        "en": "No findings for this choice.",
    },
    "aggregate_flag": {"nl": "zonder steekproefonzekerheid", "en": "no sampling uncertainty"},
    "open_view": {"nl": "Bekijk", "en": "Open"},
    "download_csv": {"nl": "Alle bevindingen (CSV)", "en": "All findings (CSV)"},
    "numbers": {"nl": "De cijfers achter de bevindingen", "en": "The numbers behind the findings"},
    "col_indicator": {"nl": "Indicator", "en": "Indicator"},
    "col_region": {"nl": "Regio", "en": "Region"},
    "col_years": {"nl": "Jaren", "en": "Years"},
    "col_rank": {"nl": "Rang", "en": "Rank"},
    "col_kind": {"nl": "Soort", "en": "Kind"},
    "col_sentence": {"nl": "Bevinding", "en": "Finding"},
    "col_q": {"nl": "q-waarde", "en": "q-value"},
    "kind_mean_vs_bottom": {"nl": "Gemiddelde en onderkant uiteen", "en": "Mean and bottom apart"},
    "kind_same_mean": {
        "nl": "Zelfde gemiddelde, andere onderkant",
        "en": "Same mean, other bottom",
    },
    "kind_group_gap": {"nl": "Groepsverschil veranderd", "en": "Group gap changed"},
    "kind_region_vs_rest": {"nl": "Regio wijkt af van het land", "en": "Region apart from country"},
    "kind_trend_break": {"nl": "Breuk in de trend", "en": "Break in the trend"},
    "kind_stapeling": {"nl": "Stapeling van achterstanden", "en": "Accumulated disadvantage"},
}

AREAS = {"findings": FINDINGS}
