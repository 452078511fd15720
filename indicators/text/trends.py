"""Texts of the Trends page (indicators/ui/trends.py)."""

TRENDS = {
    "title": {"nl": "Trends", "en": "Trends"},
    "intro": {
        "nl": "Een indicator door de jaren heen voor gekozen regio's en het totaal, en of de "
        "verschillen tussen regio's groeien.",
        "en": "An indicator over the years for chosen regions and the total, and whether the "
        "differences between regions are growing.",
    },
    "regions": {"nl": "Regio's", "en": "Regions"},
    "regions_help": {
        "nl": "Het totaal van alle regio's is de dikke zwarte lijn.",
        "en": "The total of all regions is the thick black line.",
    },
    "no_years": {
        "nl": "Deze gegevens hebben geen jaarkolom, dus er is geen verloop in de tijd te tonen. "
        "Geef op de pagina Gegevens aan welke kolom het jaar of de periode bevat.",
        "en": "These data have no year column, so there is no trend over time to show. On the "
        "Data page, say which column holds the year or period.",
    },
    "one_year": {
        "nl": "Deze gegevens hebben maar één jaar ({year}): een verloop vraagt minstens twee.",
        "en": "These data have only one year ({year}): a trend needs at least two.",
    },
    "lines_title": {
        "nl": "{label}, {first}–{last}",
        "en": "{label}, {first}–{last}",
    },
    "year_axis": {"nl": "Jaar", "en": "Year"},
    "pick_regions": {
        "nl": "Kies een of meer regio's om te tonen.",
        "en": "Choose one or more regions to show.",
    },
    "gaps": {
        "nl": "Onderbroken lijnen, geen waarde: {hidden}.",
        "en": "Broken lines, no value: {hidden}.",
    },
    "spread": {
        "nl": "Groeien de verschillen tussen regio's?",
        "en": "Are differences between regions growing?",
    },
    "index_title": {
        "nl": "Variatiecoëfficiënt en Gini tussen regio's, {first}–{last}",
        "en": "Coefficient of variation and Gini between regions, {first}–{last}",
    },
    "ratio_title": {
        "nl": "Hoogste regio gedeeld door de laagste, {first}–{last}",
        "en": "Highest region divided by the lowest, {first}–{last}",
    },
    "cv": {"nl": "Variatiecoëfficiënt", "en": "Coefficient of variation"},
    "gini": {"nl": "Gini tussen regio's", "en": "Gini across regions"},
    "fit": {
        "nl": "Rechte lijn door de variatiecoëfficiënt",
        "en": "Straight line through the coefficient of variation",
    },
    "ratio": {"nl": "Verhouding hoogste/laagste", "en": "Highest/lowest ratio"},
    "index_axis": {
        "nl": "Maat (0 = alle regio's gelijk)",
        "en": "Measure (0 = all regions equal)",
    },
    "ratio_axis": {
        "nl": "Verhouding (1 = geen verschil)",
        "en": "Ratio (1 = no difference)",
    },
    "spread_help": {
        "nl": "Spreiding tussen regio's van {label}. Elke regio weegt mee naar haar bevolking "
        "(of de som van de gewichten). Variatiecoëfficiënt: gewogen standaarddeviatie tussen "
        "regio's gedeeld door het gemiddelde (0,01 betekent dat regio's gemiddeld 1% van het "
        "gemiddelde zouden afwijken). Gini: 0 als alle regio's gelijk zijn. Verhouding: de hoogste "
        "regio gedeeld door de laagste (een verhouding van 1,03 zou betekenen dat de hoogste 3% "
        "boven de laagste ligt).",
        "en": "Spread between regions of {label}. Each region counts by its population (or sum "
        "of weights). Coefficient of variation: weighted standard deviation between regions "
        "divided by the mean (0.01 would mean regions lie on average 1% from the average). Gini: 0 "
        "when all regions are equal. Ratio: the highest region divided by the lowest (a ratio "
        "of 1.03 would mean the highest is 3% above the lowest).",
    },
    "no_spread": {
        "nl": "Er zijn te weinig regio's met een waarde om de spreiding per jaar te meten.",
        "en": "Too few regions have a value to measure the spread per year.",
    },
    "bands": {
        "nl": "De banden om de lijnen zijn 95%-intervallen van elke waarde (gelineariseerde "
        "standaardfouten met het steekproefontwerp).",
        "en": "The bands around the lines are each value's 95% interval (linearized standard "
        "errors with the survey design).",
    },
    "total_coverage": {
        "nl": "Let op: het Totaal telt niet elk jaar dezelfde regio's ({years}; het bestand heeft "
        "daar geen waarde voor de andere). Een verandering van het Totaal kan dus ook komen door "
        "regio's die meetellen of niet: vergelijk de regio's zelf.",
        "en": "Note: the Total does not count the same regions every year ({years}; the file has "
        "no value for the others there). A change in the Total can come from regions that count "
        "or not: compare the regions themselves.",
    },
    "total_coverage_year": {
        "nl": "{year}: {counted} van de {all} regio's",
        "en": "{year}: {counted} of {all} regions",
    },
    "no_bands_aggregates": {
        "nl": "Geen banden: dit zijn waarden uit het bestand zelf (aggregaten), zonder "
        "steekproefonzekerheid.",
        "en": "No bands: these are values of the file itself (aggregates), with no sampling "
        "uncertainty.",
    },
    "interval_hover": {
        "nl": "95%-interval: {low} tot {high}",
        "en": "95% interval: {low} to {high}",
    },
    "band_name": {"nl": "{name}: 95%-interval", "en": "{name}: 95% interval"},
    "change_head": {
        "nl": "Verandering {first}–{last} (een rechte lijn door de jaren):",
        "en": "Change {first}–{last} (a straight line through the years):",
    },
    "change_up": {
        "nl": "**{name}**: **significant gestegen**, {slope} {per} (95%-interval {low} tot "
        "{high}; {n} {units}).",
        "en": "**{name}**: **rose significantly**, {slope} {per} (95% interval {low} to "
        "{high}; {n} {units}).",
    },
    "change_down": {
        "nl": "**{name}**: **significant gedaald**, {slope} {per} (95%-interval {low} tot "
        "{high}; {n} {units}).",
        "en": "**{name}**: **fell significantly**, {slope} {per} (95% interval {low} to "
        "{high}; {n} {units}).",
    },
    "change_same": {
        "nl": "**{name}**: **ongeveer gelijk gebleven (geen duidelijke verandering)**, {slope} "
        "{per} (95%-interval {low} tot {high}; {n} {units}).",
        "en": "**{name}**: **about the same (no clear change)**, {slope} {per} (95% "
        "interval {low} to {high}; {n} {units}).",
    },
    "per_year": {"nl": "per jaar", "en": "per year"},
    "per_period": {"nl": "per periode", "en": "per period"},
    "years_word": {"nl": "jaren", "en": "years"},
    "periods_word": {"nl": "perioden", "en": "periods"},
    "change_none": {
        "nl": "**{name}**: te weinig jaren met een waarde om een verandering te beoordelen.",
        "en": "**{name}**: too few years with a value to judge a change.",
    },
    "change_rule_weighted": {
        "nl": "De lijn weegt elk jaar naar de precisie van zijn waarde (1/se²). Liggen de jaren "
        "verder van de lijn dan hun steekproefmarges verklaren (een dip, een knik), dan wordt "
        "het interval van de helling navenant breder. Significant als het 95%-interval van de "
        "helling geen 0 bevat.",
        "en": "The line weighs each year by the precision of its value (1/se²). When the years "
        "lie further from the line than their sampling errors explain (a dip, a bend), the "
        "interval of the slope widens accordingly. Significant when the 95% interval of the "
        "slope holds no 0.",
    },
    "change_rule_ols": {
        "nl": "Waarden uit het bestand zelf, zonder steekproefonzekerheid: de lijn is een "
        "gewone kleinste-kwadratenlijn, en het interval van de helling komt uit de afwijkingen "
        "van de jaren van die lijn (Student-t); significant als het geen 0 bevat.",
        "en": "Values of the file itself, with no sampling uncertainty: the line is ordinary "
        "least squares, and the interval of the slope comes from how far the years lie from "
        "that line (Student's t); significant when it holds no 0.",
    },
    "download": {
        "nl": "Download de getallen (CSV)",
        "en": "Download the numbers (CSV)",
    },
    "no_indicator": {
        "nl": "Er is geen indicator om te tonen.",
        "en": "There is no indicator to show.",
    },
}


AREAS = {
    "trends": TRENDS,
}
