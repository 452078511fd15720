"""Texts of the Distribution page (indicators/ui/distribution.py)."""

DISTRIBUTION_PAGE = {
    "title": {"nl": "Verdeling en gemiddelde", "en": "Distribution versus average"},
    "intro": {
        "nl": "Twee regio's kunnen hetzelfde gemiddelde hebben en toch heel anders verdeeld "
        "zijn. Kijk naar de hele verdeling, de percentielen en de onderkant.",
        "en": "Two regions can share the same average and still be distributed very "
        "differently. Look at the whole distribution, the percentiles and the bottom.",
    },
    "no_variables": {
        "nl": "Geen van de gekoppelde variabelen heeft een verdeling om te tonen (alleen "
        "ja/nee-antwoorden of categorieën zonder volgorde). Koppel op de pagina Gegevens een "
        "score, bedrag of geordend antwoord.",
        "en": "None of the mapped variables has a distribution to show (only yes/no answers or "
        "categories without an order). On the Data page, map a score, amount or ordered answer.",
    },
    "skipped": {
        "nl": "Niet hier: {names} (ja/nee of zonder volgorde; zie het Overzicht voor hun "
        "aandelen).",
        "en": "Not here: {names} (yes/no or without an order; see the Overview for their shares).",
    },
    "chart_type": {"nl": "Soort grafiek", "en": "Chart type"},
    "histogram": {"nl": "Histogram", "en": "Histogram"},
    "violin": {"nl": "Viool", "en": "Violin"},
    "ecdf": {"nl": "Cumulatief (ECDF)", "en": "Cumulative (ECDF)"},
    "regions": {"nl": "Regio's", "en": "Regions"},
    "groups_of": {"nl": "Groepen ({col})", "en": "Groups ({col})"},
    "higher": {"nl": "Verdeling van de eenheden", "en": "Distribution of the units"},
    "whole": {"nl": "over het hele land", "en": "across the whole country"},
    "within": {"nl": "binnen elke waarde van '{col}'", "en": "within each value of '{col}'"},
    "bottom_kind": {"nl": "Onderkant gemeten als", "en": "Bottom measured as"},
    "bottom_share": {"nl": "aandeel voorbij een grens", "en": "share beyond a threshold"},
    "bottom_low": {"nl": "aandeel onder een grens", "en": "share below a threshold"},
    "bottom_high": {"nl": "aandeel vanaf een grens", "en": "share at or above a threshold"},
    # the threshold input reads as the sentence does: "Bottom: scores below 6"
    "threshold_score_below": {"nl": "Onderkant: scores onder", "en": "Bottom: scores below"},
    "threshold_score_at_least": {"nl": "Onderkant: scores vanaf", "en": "Bottom: scores from"},
    "threshold_below": {
        "nl": "Onderkant: waarden onder ({unit})",
        "en": "Bottom: values below ({unit})",
    },
    "threshold_at_least": {
        "nl": "Onderkant: waarden vanaf ({unit})",
        "en": "Bottom: values from ({unit})",
    },
    "threshold_nounit_below": {"nl": "Onderkant: waarden onder", "en": "Bottom: values below"},
    "threshold_nounit_at_least": {"nl": "Onderkant: waarden vanaf", "en": "Bottom: values from"},
    "threshold_help": {
        "nl": "Voorgesteld: {default}. Het aandeel telt waarden {side} deze grens.",
        "en": "Suggested: {default}. The share counts values {side} this threshold.",
    },
    "side_below": {"nl": "onder", "en": "below"},
    "side_at_least": {"nl": "op of boven", "en": "at or above"},
    "answer_limit": {"nl": "Onderste antwoorden tot en met", "en": "Lowest answers up to"},
    "answer_limit_high": {"nl": "Hoogste antwoorden vanaf", "en": "Highest answers from"},
    "pick_regions": {
        "nl": "Kies een of meer regio's om de verdeling te zien.",
        "en": "Choose one or more regions to see the distribution.",
    },
    "across_all": {"nl": "Over alle regio's: {sentence}", "en": "Across all regions: {sentence}"},
    "hidden": {"nl": "Niet getoond: {why}.", "en": "Not shown: {why}."},
    "all_hidden": {
        "nl": "Niets te tonen: elke regio en het totaal hebben minder dan {n} waarnemingen in "
        "deze keuze. Verlaag de grens op de pagina Gegevens of kies een ander jaar.",
        "en": "Nothing to show: every region and the total have fewer than {n} observations "
        "in this choice. Lower the threshold on the Data page or choose another year.",
    },
    "cap_weighted": {
        "nl": "Gewogen met de enquêtegewichten (kolom '{w}'); gemiddelde en mediaan (Eurostat-"
        "regel) ook.",
        "en": "Weighted with the survey weights (column '{w}'); so are the mean and the median "
        "(Eurostat rule).",
    },
    "cap_unweighted": {
        "nl": "Ongewogen: er is geen gewichtskolom gekoppeld.",
        "en": "Unweighted: no weight column is mapped.",
    },
    "cap_aggregates": {
        "nl": "Deze gegevens hebben één rij per regio (kolom '{col}'), dus dit is de "
        "verdeling over de regio's {where}, {weighting}, tegenover het {avg} gemiddelde.",
        "en": "These data have one row per region (column '{col}'), so this is the "
        "distribution across regions {where}, {weighting}, against the {avg} average.",
    },
    "agg_weighted": {
        "nl": "gewogen naar inwoners (kolom '{w}')",
        "en": "weighted by population (column '{w}')",
    },
    "agg_unweighted": {"nl": "ongewogen", "en": "unweighted"},
    "avg_weighted": {"nl": "gewogen", "en": "population-weighted"},
    "avg_plain": {"nl": "gewone", "en": "plain"},
    "unit_default": {"nl": "eenheid", "en": "unit"},
    "cap_violin": {
        "nl": "De vioolvormen komen uit een gewogen steekproef van maximaal 4.000 waarden per "
        "regio (kans naar gewicht); gemiddelde en mediaan gebruiken alle waarden.",
        "en": "Violin shapes come from a weighted random sample of up to 4,000 values per "
        "region (drawn in proportion to the weights); the mean and median use all values.",
    },
    "cap_violin_ends": {
        "nl": "Elke vorm loopt geleidelijk uit voorbij de laagste en hoogste waarde, maar niet "
        "voorbij {ends}: daar houdt de vorm op zo breed als de dichtheid er is (veel "
        "antwoorden op het uiterste geven een brede rand).",
        "en": "Each shape tails off beyond the lowest and highest value, but not past {ends}: "
        "there it stops as wide as the density is (many answers at the end give a wide edge).",
    },
    "ends_both": {
        "nl": "{lo} en {hi}, de uitersten van de schaal",
        "en": "{lo} and {hi}, the ends of the scale",
    },
    "ends_low": {"nl": "{lo}", "en": "{lo}"},
    "ends_high": {"nl": "{hi}", "en": "{hi}"},
    "cap_hist_top": {
        "nl": "De laatste staaf bevat ook de hoogste 0,5% van de waarden (boven {top}).",
        "en": "The last bar also holds the top 0.5% of values (above {top}).",
    },
    "counts": {"nl": "Aantal waarnemingen: {counts}.", "en": "Observations: {counts}."},
    "counts_units": {"nl": "Aantal eenheden: {counts}.", "en": "Units: {counts}."},
    "cap_answers": {
        "nl": "Geordende antwoorden (laag naar hoog) worden scores 1 tot {k}; het gemiddelde "
        "in de legenda is de gemiddelde score.",
        "en": "Ordered answers (low to high) become scores 1 to {k}; the mean in the legend is "
        "the mean score.",
    },
    "profile_head": {"nl": "Percentielen per regio", "en": "Percentiles by region"},
    "slope_head": {"nl": "Rang: gemiddelde en onderkant", "en": "Rank by mean and bottom"},
    "slope_few": {
        "nl": "Voor een rangorde zijn minstens drie regio's met waarden nodig.",
        "en": "A ranking needs at least three regions with values.",
    },
    "slope_few_year": {
        "nl": "Voor een rangorde zijn minstens drie regio's met waarden nodig; in {year} {have}.",
        "en": "A ranking needs at least three regions with values; in {year} {have}.",
    },
    "have_0": {"nl": "heeft geen enkele er een", "en": "none has one"},
    "have_1": {"nl": "heeft alleen {n} er een", "en": "only {n} has one"},
    "have_n": {"nl": "hebben alleen {n} er een", "en": "only {n} have one"},
    "slope_one_distribution": {
        "nl": "Eén rij per regio: de grafiek hierboven is één verdeling, over de regio's, en er "
        "is niets te rangschikken. De pagina Regio's zet de regio's zelf op volgorde.",
        "en": "One row per region: the chart above is one distribution, across the regions, so "
        "there is nothing to rank here. The Regions page ranks the regions themselves.",
    },
    "slope_one_distribution_by": {
        "nl": " Of kies bij 'Verdeling van de eenheden' een hogere regio, om die te rangschikken.",
        "en": " Or choose a higher region under 'Distribution of the units' to rank those.",
    },
    "one_value": {
        "nl": "In {year} is er maar één waarde ({value}): één staaf, geen spreiding om te tonen.",
        "en": "In {year} there is only one value ({value}): a single bar, no spread to show.",
    },
    "one_value_no_year": {
        "nl": "Er is maar één waarde ({value}): één staaf, geen spreiding om te tonen.",
        "en": "There is only one value ({value}): a single bar, no spread to show.",
    },
    "slope_caption": {
        "nl": "Alle regio's; de gekozen regio's met dikkere lijnen. Rang 1 = beste gemiddelde "
        "en {best}.",
        "en": "All regions; the chosen ones with thicker lines. Rank 1 = best mean and {best}.",
    },
    "best_share": {"nl": "kleinste aandeel aan de onderkant", "en": "smallest share at the bottom"},
    "best_q": {"nl": "beste {p}", "en": "best {p}"},
    "table": {"nl": "De cijfers", "en": "The numbers"},
    "rule": {
        "nl": "Een verschil in de onderkant heet significant als het 95%-interval van het "
        "verschil de 0 niet bevat; twee regio's zijn onafhankelijke steekproeven, dus de "
        "standaardfout van het verschil is √(se₁² + se₂²).",
        "en": "A difference in the bottom is called significant when the 95% interval of the "
        "difference excludes 0; two regions are independent samples, so the standard error "
        "of the difference is √(se₁² + se₂²).",
    },
    "table_intervals": {
        "nl": "Tussen haakjes: het 95%-interval (standaardfouten door linearisering, met het "
        "steekproefontwerp; elke regio een deel van de steekproef van dat jaar). Een verborgen "
        "regio (te weinig waarnemingen) toont ook geen interval. De download heeft per getal "
        "de standaardfout, ondergrens en bovengrens.",
        "en": "In brackets: the 95% interval (linearized standard errors with the survey "
        "design; each region a domain of that year's sample). A hidden region (too few "
        "observations) shows no interval either. The download has each number's standard "
        "error, lower and upper bound.",
    },
    "table_no_intervals": {
        "nl": "Geen intervallen: het bestand heeft één rij per regio (geaggregeerde cijfers), "
        "dus er is geen steekproefonzekerheid om te tonen.",
        "en": "No intervals: the file has one row per region (aggregates), so there is no "
        "sampling uncertainty to show.",
    },
    "download": {"nl": "Download als CSV", "en": "Download as CSV"},
    "name_column": {"nl": "regionaam", "en": "region_name"},
}


AREAS = {
    "distribution_page": DISTRIBUTION_PAGE,
}
