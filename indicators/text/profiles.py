"""Texts of the Profiles & index page (indicators/views/profiles.py, indicators/ui/profiles.py)."""

PROFILES = {
    "title": {"nl": "Profielen en index", "en": "Profiles & index"},
    "intro": {
        "nl": "Waar regio's staan en of ze naar elkaar toe groeien: de ongelijkheid tussen en "
        "binnen regio's, sigma- en beta-convergentie, het profiel van een regio over alle "
        "indicatoren met vergelijkbare regio's, en een samengestelde index met uw eigen "
        "gewichten.",
        "en": "Where regions stand and whether they draw together: inequality between and "
        "within regions, sigma and beta convergence, a region's profile across all indicators "
        "with similar regions, and a composite index with your own weights.",
    },
    # disparities and convergence
    "convergence": {"nl": "Verschillen en convergentie", "en": "Disparities and convergence"},
    "indicator": {"nl": "Indicator voor convergentie", "en": "Indicator for convergence"},
    "theil_title": {
        "nl": "Ongelijkheid in {label} (Theil T): tussen en binnen regio's",
        "en": "Inequality of {label} (Theil T): between and within regions",
    },
    "between": {"nl": "tussen regio's", "en": "between regions"},
    "within": {"nl": "binnen regio's", "en": "within regions"},
    "theil_axis": {"nl": "Theil T", "en": "Theil T"},
    "sigma_title": {
        "nl": "{label}: spreiding tussen regio's per jaar",
        "en": "{label}: spread between regions per year",
    },
    "sigma": {"nl": "standaarddeviatie van de log", "en": "standard deviation of the log"},
    "cv": {"nl": "variatiecoëfficiënt", "en": "coefficient of variation"},
    "spread_axis": {"nl": "spreiding", "en": "spread"},
    "weighted": {
        "nl": "Gewogen naar de bevolking van de regio's (het gewicht in de gegevens).",
        "en": "Weighted by the regions' population (the weight in the data).",
    },
    "unweighted": {
        "nl": "Elke regio telt even zwaar (er is geen gewicht gekozen).",
        "en": "Every region counts the same (no weight is mapped).",
    },
    "top_bottom": {
        "nl": "Het gemiddelde van het bovenste vijfde van de regio's is {ratio} keer dat van het "
        "onderste vijfde ({year}; de maat van de OESO).",
        "en": "The mean of the top fifth of regions is {ratio} times that of the bottom fifth "
        "({year}; the OECD's measure).",
    },
    "beta_title": {
        "nl": "{label}: groei {first}-{last} tegen het niveau in {first}",
        "en": "{label}: growth {first}-{last} against the level in {first}",
    },
    "beta_x": {"nl": "log van het niveau in {first}", "en": "log of the level in {first}"},
    "beta_y": {"nl": "gemiddelde groei per jaar (log)", "en": "mean annual growth (log)"},
    "beta_line": {"nl": "kleinste-kwadratenlijn", "en": "least-squares line"},
    "no_years": {
        "nl": "Convergentie vraagt gegevens over meer jaren; dit bestand heeft er geen.",
        "en": "Convergence needs data over several years; this file has none.",
    },
    "no_indicators": {
        "nl": "Er zijn geen indicatoren met waarden per regio om te tonen.",
        "en": "There are no indicators with values per region to show.",
    },
    # profiles
    "profile": {"nl": "Profiel van een regio", "en": "A region's profile"},
    "profile_region": {"nl": "Regio voor het profiel", "en": "Region for the profile"},
    "profile_title": {
        "nl": "{region} in {year}: scores van 0 (slechtste regio) tot 10 (beste regio)",
        "en": "{region} in {year}: scores from 0 (worst region) to 10 (best region)",
    },
    "score_axis": {"nl": "score 0-10", "en": "score 0-10"},
    "profile_note": {
        "nl": "Elke indicator is omgerekend naar een score van 0 tot 10 over de regio's in dit "
        "jaar, zo dat 10 altijd het beste is (bij een indicator waar lager beter is, krijgt de "
        "laagste waarde een 10). Het zwarte streepje is het totaal van alle regio's.",
        "en": "Every indicator is turned into a score from 0 to 10 over the regions in this "
        "year, so that 10 is always best (for an indicator where lower is better, the lowest "
        "value scores 10). The black mark is the total of all regions.",
    },
    "left_out": {
        "nl": "Niet in het profiel (geen richting: hoger noch lager is beter): {names}.",
        "en": "Not in the profile (no direction: neither higher nor lower is better): {names}.",
    },
    "flat": {
        "nl": "Niet in het profiel (geen verschil om te scoren: minder dan twee regio's met een "
        "waarde, of overal dezelfde waarde): {names}.",
        "en": "Not in the profile (no spread to score: fewer than two regions with a value, or "
        "the same value everywhere): {names}.",
    },
    "similar": {"nl": "Vergelijkbare regio's", "en": "Similar regions"},
    "similar_intro": {
        "nl": "De regio's waarvan het profiel het dichtst bij dat van {region} ligt (de "
        "gemiddelde afstand tussen de scores), naast elkaar.",
        "en": "The regions whose profile lies closest to that of {region} (the root mean "
        "square distance between the scores), side by side.",
    },
    "similar_one": {
        "nl": "**{region}** (afstand {distance}): het meest gelijk in {alike}.",
        "en": "**{region}** (distance {distance}): most alike in {alike}.",
    },
    "no_similar": {
        "nl": "Er zijn geen andere regio's om mee te vergelijken.",
        "en": "There are no other regions to compare with.",
    },
    # the composite index
    "index": {"nl": "Samengestelde index", "en": "Composite index"},
    "value_choices": {
        "nl": "**Gewichten zijn waardekeuzes, geen feiten.** Hoe zwaar gezondheid telt tegen "
        "inkomen of wonen, zegt geen data maar een afweging. De OESO waarschuwt dat de "
        "standaardgewichten van haar Better Life Index gebruikers sturen; kies ze daarom zelf, "
        "en kijk bij de rangorde naar de intervallen.",
        "en": "**Weights are value choices, not facts.** How much health counts against income "
        "or housing is not in the data but a judgement. The OECD warns that the default "
        "weights of its Better Life Index steer users; so choose them yourself, and read the "
        "ranking with its intervals.",
    },
    "weights": {"nl": "Gewichten per dimensie", "en": "Weights per dimension"},
    "weights_help": {
        "nl": "Gelijk is de standaard; 0 laat een dimensie weg.",
        "en": "Equal by default; 0 leaves a dimension out.",
    },
    "method": {"nl": "Scores per indicator", "en": "Scores per indicator"},
    "method_minmax": {
        "nl": "min-max: 0 slechtste, 10 beste regio",
        "en": "min-max: 0 worst, 10 best region",
    },
    "method_zscore": {"nl": "z-scores", "en": "z-scores"},
    "method_target": {
        "nl": "afstand tot het totaal (10 = op of voorbij het totaal)",
        "en": "distance to the total (10 = at or beyond the total)",
    },
    "adjusted": {
        "nl": "Indicatoren voorbij het gemiddelde (de onderkant, de spreiding)",
        "en": "Indicators beyond the average (the bottom, the spread)",
    },
    "adjusted_help": {
        "nl": "In plaats van gemiddelden de indicatoren van dezelfde variabele die kijken naar "
        "wat het gemiddelde verbergt, waar de catalogus die heeft.",
        "en": "Instead of averages, the indicators of the same variable that look at what the "
        "average hides, where the catalogue has them.",
    },
    "rank_title": {
        "nl": "Rangorde in {year} (1 = beste) met het 5e tot 95e percentiel bij {draws} "
        "gewichtensets rond de gekozen gewichten",
        "en": "Ranking in {year} (1 = best) with the 5th to 95th percentile under {draws} "
        "weight sets around the chosen weights",
    },
    "rank_axis": {"nl": "rang", "en": "rank"},
    "rank_point": {"nl": "rang bij de gekozen gewichten", "en": "rank under the chosen weights"},
    "rank_interval": {
        "nl": "5e-95e percentiel van de rang",
        "en": "5th-95th percentile of the rank",
    },
    "rank_note": {
        "nl": "De intervallen komen uit {draws} willekeurige gewichtensets (Dirichlet) rond de "
        "gekozen gewichten (vast startgetal {seed}). Een lang interval: de plaats van de regio "
        "hangt af van de weging.",
        "en": "The intervals come from {draws} random weight sets (Dirichlet) around the chosen "
        "weights (fixed seed {seed}). A long interval: the region's place depends on the "
        "weighting.",
    },
    "one_dimension": {
        "nl": "Er is maar één dimensie: gewichten kunnen de rangorde niet veranderen.",
        "en": "There is only one dimension: weights cannot change the ranking.",
    },
    "no_index": {
        "nl": "Geen index te maken: daarvoor zijn ten minste twee regio's nodig en een "
        "indicator met een richting (hoger of lager is beter), en een gewicht boven 0.",
        "en": "No index can be made: it needs at least two regions, an indicator with a "
        "direction (higher or lower is better), and a weight above 0.",
    },
    "col_region": {"nl": "Regio", "en": "Region"},
    "col_index": {"nl": "Index", "en": "Index"},
    "col_rank": {"nl": "Rang", "en": "Rank"},
    "col_p05": {"nl": "Rang p5", "en": "Rank p5"},
    "col_p95": {"nl": "Rang p95", "en": "Rank p95"},
    "col_indicator": {"nl": "Indicator", "en": "Indicator"},
    "download": {"nl": "Download de index (CSV)", "en": "Download the index (CSV)"},
    "index_weights": {
        "nl": "Gewichten (genormeerd): {weights}.",
        "en": "Weights (normalised): {weights}.",
    },
    "year": {"nl": "Jaar", "en": "Year"},
}

AREAS = {"profiles": PROFILES}
