"""Texts of the Regions page (indicators/ui/regions.py)."""

REGIONS = {
    "title": {"nl": "Regio's", "en": "Regions"},
    "intro": {
        "nl": "Hoe regio's van elkaar verschillen op één indicator: op de kaart, in een "
        "rangorde, en samengevat in maten voor de spreiding tussen regio's.",
        "en": "How regions differ on one indicator: on a map, ranked, and summed up in measures "
        "of the spread between regions.",
    },
    "highlight_help": {
        "nl": "Markeert deze regio: een oranje rand op de kaart en een oranje punt of balk in "
        "de rangorde. Bij 'Totaal (alle regio's)' wordt geen regio gemarkeerd.",
        "en": "Highlights this region: an orange outline on the map and an orange dot or bar in "
        "the ranking. With 'Total (all regions)' no region is marked.",
    },
    "colour_range": {
        "nl": "Licht is de laagste waarde ({min_region}: {min}), donker de hoogste "
        "({max_region}: {max}).",
        "en": "Light is the lowest value ({min_region}: {min}), dark the highest "
        "({max_region}: {max}).",
    },
    "narrow_range": {
        "nl": "De kleuren beslaan alleen {min} tot {max}: de verschillen tussen de provincies "
        "zijn klein. Daarom staan de waarden hier met {d} decimalen, zodat de tegels van "
        "elkaar te onderscheiden zijn.",
        "en": "The colours span only {min} to {max}: the differences between provinces are "
        "small. So the values are shown with {d} decimals here, to tell the tiles apart.",
    },
    "map": {"nl": "Kaart", "en": "Map"},
    "tile_title": {"nl": "{label} per provincie, {year}", "en": "{label} by province, {year}"},
    "tile_title_no_year": {"nl": "{label} per provincie", "en": "{label} by province"},
    "not_provinces": {
        "nl": "De ingebouwde tegelkaart toont de 12 provincies; de regio's in deze gegevens "
        "zijn geen provincies. Upload hieronder een eigen kaart (GeoJSON).",
        "en": "The built-in tile map shows the 12 provinces; the regions in these data are not "
        "provinces. Upload a map of your own (GeoJSON) below.",
    },
    "unmatched_provinces": {
        "nl": "Niet op de kaart (geen provincie herkend): {regions}.",
        "en": "Not on the map (no province recognised): {regions}.",
    },
    "own_map": {"nl": "Eigen kaart (GeoJSON)", "en": "Your own map (GeoJSON)"},
    "upload_map": {
        "nl": "GeoJSON-bestand met de grenzen van uw regio's",
        "en": "GeoJSON file with the boundaries of your regions",
    },
    "upload_help": {
        "nl": "Bijvoorbeeld gemeentegrenzen van PDOK of CBS, geëxporteerd als GeoJSON "
        "(lengte- en breedtegraad, WGS84). Het bestand blijft in uw sessie.",
        "en": "For example municipal boundaries from PDOK or CBS, exported as GeoJSON "
        "(longitude and latitude, WGS84). The file stays in your session.",
    },
    "property": {
        "nl": "Eigenschap met de regiocode of -naam",
        "en": "Property holding the region code or name",
    },
    "no_match": {
        "nl": "Geen enkel gebied op de kaart komt overeen met een regio in de gegevens via "
        "'{prop}'. Voorbeelden op de kaart: {features}. Voorbeelden in de gegevens: {regions}. "
        "Kies een andere eigenschap, of een kaart van dezelfde soort regio's.",
        "en": "No area on the map matches a region in the data on '{prop}'. Examples on the "
        "map: {features}. Examples in the data: {regions}. Choose another property, or a map "
        "of the same kind of regions.",
    },
    "partly_matched": {
        "nl": "{n} van de {total} regio's staan niet op de kaart, bijvoorbeeld: {regions}.",
        "en": "{n} of the {total} regions are not on the map, for example: {regions}.",
    },
    "map_title": {"nl": "{label}, {year}", "en": "{label}, {year}"},
    "ranking": {"nl": "Rangorde", "en": "Ranking"},
    "bars_title": {
        "nl": "{label} per regio, {year} (beste bovenaan)",
        "en": "{label} by region, {year} (best at the top)",
    },
    "dots_title": {
        "nl": "{label} per regio, {year} (beste bovenaan, met 95%-intervallen)",
        "en": "{label} by region, {year} (best at the top, with 95% intervals)",
    },
    "dots_title_no_year": {
        "nl": "{label} per regio (beste bovenaan, met 95%-intervallen)",
        "en": "{label} by region (best at the top, with 95% intervals)",
    },
    "dots_note": {
        "nl": "De as begint niet bij 0 maar beslaat de waarden, zodat kleine verschillen "
        "zichtbaar zijn; de stippellijn is het totaal van alle regio's.",
        "en": "The axis does not start at 0 but spans the values, so that small differences "
        "show; the dashed line is the total of all regions.",
    },
    "bars_title_no_year": {
        "nl": "{label} per regio (beste bovenaan)",
        "en": "{label} by region (best at the top)",
    },
    # no direction is better (an own variable): the highest at the top, not "the best"
    "bars_title_high": {
        "nl": "{label} per regio, {year} (hoogste bovenaan)",
        "en": "{label} by region, {year} (highest at the top)",
    },
    "dots_title_high": {
        "nl": "{label} per regio, {year} (hoogste bovenaan, met 95%-intervallen)",
        "en": "{label} by region, {year} (highest at the top, with 95% intervals)",
    },
    "dots_title_no_year_high": {
        "nl": "{label} per regio (hoogste bovenaan, met 95%-intervallen)",
        "en": "{label} by region (highest at the top, with 95% intervals)",
    },
    "bars_title_no_year_high": {
        "nl": "{label} per regio (hoogste bovenaan)",
        "en": "{label} by region (highest at the top)",
    },
    "total_label": {"nl": "Totaal: {value}", "en": "Total: {value}"},
    "error_bars": {
        "nl": "De streepjes geven het 95%-interval van elke waarde uit de resultatentabel: een "
        "gelineariseerde standaardfout die het steekproefontwerp (gewichten, strata, clusters) "
        "meeneemt, voor elke maat (gemiddelde, aandeel, mediaan, Gini, armoede, ...).",
        "en": "The whiskers show each value's 95% interval from the results table: a "
        "linearized standard error that takes the survey design (weights, strata, clusters) "
        "into account, for every measure (mean, share, median, Gini, poverty, ...).",
    },
    "no_intervals_aggregates": {
        "nl": "Geen intervallen: dit zijn waarden uit het bestand zelf (aggregaten), zonder "
        "steekproefonzekerheid.",
        "en": "No intervals: these are values of the file itself (aggregates), with no sampling "
        "uncertainty.",
    },
    "interval_hover": {
        "nl": "95%-interval: {low} tot {high}",
        "en": "95% interval: {low} to {high}",
    },
    "compare": {"nl": "Vergelijk met", "en": "Compare with"},
    "compare_none": {"nl": "(geen vergelijking)", "en": "(no comparison)"},
    "rest_of_country": {"nl": "de rest van het land", "en": "the rest of the country"},
    "rest_aggregates": {
        "nl": "Met cijfers per regio is de rest van het land geen steekproef: vergelijk met een "
        "andere regio.",
        "en": "With figures per region the rest of the country is no sample: compare with "
        "another region.",
    },
    "compare_help": {
        "nl": "Vergelijk de gemarkeerde regio met de rest van het land (iedereen in de andere "
        "regio's) of met een andere regio: het verschil met zijn 95%-interval en of het "
        "significant is.",
        "en": "Compare the highlighted region with the rest of the country (everyone in the "
        "other regions) or with another region: the difference with its 95% interval and "
        "whether it is significant.",
    },
    "compare_pick_region": {
        "nl": "Kies hierboven een regio om te markeren; die wordt dan vergeleken met {other}.",
        "en": "Pick a region to highlight above; it is then compared with {other}.",
    },
    "compare_significant": {
        "nl": "**{a}** ({value_a}) tegenover **{b}** ({value_b}): een verschil van {diff} "
        "(95%-interval {low} tot {high}). {a} ligt **significant {word}** dan {b}: het "
        "interval bevat geen 0.",
        "en": "**{a}** ({value_a}) against **{b}** ({value_b}): a difference of {diff} (95% "
        "interval {low} to {high}). {a} is **significantly {word}** than {b}: the interval "
        "holds no 0.",
    },
    "compare_unclear": {
        "nl": "**{a}** ({value_a}) tegenover **{b}** ({value_b}): een verschil van {diff} "
        "(95%-interval {low} tot {high}). **Geen duidelijk verschil**: het interval bevat 0.",
        "en": "**{a}** ({value_a}) against **{b}** ({value_b}): a difference of {diff} (95% "
        "interval {low} to {high}). **No clear difference**: the interval holds 0.",
    },
    "compare_exact": {
        "nl": "**{a}** ({value_a}) tegenover **{b}** ({value_b}): een verschil van {diff}. "
        "Dit zijn waarden uit het bestand zelf, zonder steekproefonzekerheid: er is geen "
        "interval en geen toets.",
        "en": "**{a}** ({value_a}) against **{b}** ({value_b}): a difference of {diff}. These "
        "are values of the file itself, with no sampling uncertainty: there is no interval and "
        "no test.",
    },
    "compare_missing": {
        "nl": "{a} en {b} zijn niet te vergelijken: {which} heeft geen waarde in deze keuze.",
        "en": "{a} and {b} cannot be compared: {which} has no value in this choice.",
    },
    "higher": {"nl": "hoger", "en": "higher"},
    "lower": {"nl": "lager", "en": "lower"},
    "download": {
        "nl": "Download de getallen (CSV)",
        "en": "Download the numbers (CSV)",
    },
    "error_label": {"nl": "95%-marge", "en": "95% margin"},
    "nothing_ranked": {
        "nl": "Geen enkele regio heeft een waarde in deze keuze: er is niets te rangschikken.",
        "en": "No region has a value in this choice: there is nothing to rank.",
    },
    "trimmed": {
        "nl": "{n} regio's: alleen de beste {k} en de slechtste {k} staan in de grafiek.",
        "en": "{n} regions: only the best {k} and the worst {k} are in the chart.",
    },
    "suppressed_note": {
        "nl": "{n} regio('s) zonder waarde: {why}.",
        "en": "{n} region(s) without a value: {why}.",
    },
    "spread": {"nl": "Spreiding tussen regio's", "en": "Spread between regions"},
    "spread_intro": {
        "nl": "Elke regio weegt mee naar {weight}. Hoe groter deze maten, hoe verder de regio's "
        "uit elkaar liggen; waarden dicht bij 0 (en een verhouding dicht bij 1) betekenen dat "
        "regio's nauwelijks verschillen.",
        "en": "Each region counts by {weight}. The larger these measures, the further apart the "
        "regions are; values near 0 (and a ratio near 1) mean that regions hardly differ.",
    },
    "weight_micro": {
        "nl": "de som van de gewichten van de respondenten (de bevolking die ze vertegenwoordigen)",
        "en": "the sum of its respondents' weights (the population they stand for)",
    },
    "weight_agg": {
        "nl": "de gewichtskolom ({column})",
        "en": "the weight column ({column})",
    },
    "weight_none": {
        "nl": "het aantal rijen (er is geen gewichtskolom)",
        "en": "its number of rows (there is no weight column)",
    },
    "measure": {"nl": "Maat", "en": "Measure"},
    "value": {"nl": "Waarde", "en": "Value"},
    "meaning": {"nl": "Wat het betekent", "en": "What it means"},
    "ratio": {"nl": "Verhouding hoogste/laagste", "en": "Highest/lowest ratio"},
    "ratio_text": {
        "nl": "De hoogste regio ({max_region}: {max}) gedeeld door de laagste ({min_region}: "
        "{min}). 1 betekent geen verschil.",
        "en": "The highest region ({max_region}: {max}) divided by the lowest ({min_region}: "
        "{min}). 1 means no difference.",
    },
    "cv": {"nl": "Variatiecoëfficiënt", "en": "Coefficient of variation"},
    "cv_text": {
        "nl": "Gewogen standaarddeviatie tussen regio's gedeeld door het gewogen gemiddelde: "
        "0,05 betekent dat regio's typisch 5% van het gemiddelde afwijken.",
        "en": "Weighted standard deviation between regions divided by the weighted mean: 0.05 "
        "means regions typically lie 5% from the average.",
    },
    "gini": {"nl": "Gini tussen regio's", "en": "Gini across regions"},
    "gini_text": {
        "nl": "0 als alle regio's gelijk zijn; hoe hoger, hoe ongelijker. Het verschil tussen "
        "twee willekeurige inwoners' regio's, als deel van twee keer het gemiddelde.",
        "en": "0 when all regions are equal; the higher, the more unequal. The expected gap "
        "between the regions of two random residents, as a share of twice the mean.",
    },
    "theil": {"nl": "Theil tussen regio's", "en": "Theil across regions"},
    "theil_text": {
        "nl": "0 als alle regio's gelijk zijn; gevoeliger voor regio's ver boven het "
        "gemiddelde. Alleen waarden boven 0 tellen mee.",
        "en": "0 when all regions are equal; more sensitive to regions far above the average. "
        "Only values above 0 count.",
    },
    "too_few": {
        "nl": "Er zijn minder dan twee regio's met een waarde: geen spreiding te meten.",
        "en": "Fewer than two regions have a value: no spread to measure.",
    },
    "n_regions": {
        "nl": "Gemeten over {n} regio's.",
        "en": "Measured over {n} regions.",
    },
    "no_indicator": {
        "nl": "Er is geen indicator om te tonen.",
        "en": "There is no indicator to show.",
    },
}


AREAS = {
    "regions": REGIONS,
}
