"""Texts of groups within regions and accumulated disadvantage (indicators/analyses/groups.py,
indicators/analyses/stapeling.py and their commands)."""

GROUPS = {
    "no_group_column": {
        "nl": "Er is geen groepskolom '{column}'.",
        "en": "There is no group column '{column}'.",
    },
    "no_groups": {
        "nl": "De groepskolom '{column}' heeft geen waarden om te vergelijken.",
        "en": "The group column '{column}' has no values to compare.",
    },
    "not_a_group_column": {
        "nl": "'{column}' is geen groepskolom van de koppeling. Groepskolommen: {groups}.",
        "en": "'{column}' is not a group column of the mapping. Group columns: {groups}.",
    },
    "none": {"nl": "geen", "en": "none"},
    "no_income": {
        "nl": "Voor inkomenskwintielen moet het inkomen gekoppeld zijn.",
        "en": "Income quintiles need the income to be mapped.",
    },
    "unknown_indicator": {
        "nl": "'{indicator}' is geen indicator van het register.",
        "en": "'{indicator}' is not an indicator of the registry.",
    },
    "indicator_not_mapped": {
        "nl": "De variabele van indicator '{indicator}' is niet gekoppeld.",
        "en": "The variable of indicator '{indicator}' is not mapped.",
    },
    "bad_cut_points": {
        "nl": "De grens voor laag ({low}) moet onder die voor hoog ({high}) liggen.",
        "en": "The cut point for low ({low}) must lie below the one for high ({high}).",
    },
    "no_cut_points": {
        "nl": "De catalogus geeft geen grenzen voor laag en hoog welzijn bij '{variable}'; "
        "geef ze zelf.",
        "en": "The catalogue gives no cut points for low and high well-being of '{variable}'; "
        "give them yourself.",
    },
    "the_rest": {"nl": "de rest", "en": "the rest"},
    "points": {"nl": "punten", "en": "points"},
    "percentage_points": {"nl": "procentpunten", "en": "percentage points"},
    "trend_widened": {
        "nl": "Het verschil tussen {group} en {rest} is sinds {since} gegroeid van {first} tot "
        "{last} {unit}",
        "en": "The gap between {group} and {rest} widened from {first} to {last} {unit} since "
        "{since}",
    },
    "trend_narrowed": {
        "nl": "Het verschil tussen {group} en {rest} is sinds {since} gekrompen van {first} tot "
        "{last} {unit}",
        "en": "The gap between {group} and {rest} narrowed from {first} to {last} {unit} since "
        "{since}",
    },
    "trend_reversed": {
        "nl": "Het verschil tussen {group} en {rest} is sinds {since} omgeslagen van {first} "
        "naar {last} {unit}",
        "en": "The gap between {group} and {rest} turned from {first} to {last} {unit} since "
        "{since}",
    },
    "trend_significant": {"nl": "{sentence}, significant.", "en": "{sentence}, significantly."},
    "trend_not_significant": {
        "nl": "{sentence}; die verandering is niet significant.",
        "en": "{sentence}; that change is not significant.",
    },
    "better": {"nl": "significant beter", "en": "significantly better"},
    "worse": {"nl": "significant slechter", "en": "significantly worse"},
    "no_difference": {"nl": "geen duidelijk verschil", "en": "no clear difference"},
    "different": {"nl": "significant anders", "en": "significantly different"},
    "low": {"nl": "laag", "en": "low"},
    "medium": {"nl": "midden", "en": "medium"},
    "high": {"nl": "hoog", "en": "high"},
    "income_quintile": {"nl": "Inkomenskwintiel", "en": "Income quintile"},
}

STAPELING = {
    "rule_form": {
        "nl": "Regel '{rule}': schrijf KOLOM en een vergelijking, zoals "
        '"levenstevredenheid<=5", "inkomen<poverty_line" of "eenzaam=ja" (<, <=, >, >=, =).',
        "en": "Rule '{rule}': write COLUMN and a comparison, such as "
        '"life_satisfaction<=5", "income<poverty_line" or "lonely=yes" (<, <=, >, >=, =).',
    },
    "rule_no_column": {
        "nl": "Regel '{rule}': er is geen kolom '{column}'. Kolommen: {columns}.",
        "en": "Rule '{rule}': there is no column '{column}'. Columns: {columns}.",
    },
    "rule_needs_number": {
        "nl": "Regel '{rule}': na {op} hoort een getal (of poverty_line), niet '{value}'.",
        "en": "Rule '{rule}': {op} needs a number (or poverty_line), not '{value}'.",
    },
    "rule_needs_numbers": {
        "nl": "Regel '{rule}': kolom '{column}' bevat tekst ({examples}); {op} vergelijkt "
        "getallen. Gebruik = met een antwoord.",
        "en": "Rule '{rule}': column '{column}' holds text ({examples}); {op} compares "
        "numbers. Use = with an answer.",
    },
    "rule_twice": {
        "nl": "Regel '{rule}' staat er twee keer.",
        "en": "Rule '{rule}' is given twice.",
    },
    "no_rules": {
        "nl": 'Geen regels: geef --rule "KOLOM<=T", of koppel variabelen waarvoor de '
        "catalogus een ongunstige uitkomst kent ({known}).",
        "en": 'No rules: give --rule "COLUMN<=T", or map variables for which the catalogue '
        "knows an unfavourable outcome ({known}).",
    },
    "bad_cap": {
        "nl": "De bovengrens van de telling moet een geheel getal van 1 of meer zijn, niet {cap}.",
        "en": "The cap of the count must be a whole number of 1 or more, not {cap}.",
    },
    "left_out": {
        "nl": "{n} rijen zonder antwoord op een van de getelde variabelen zijn weggelaten.",
        "en": "{n} rows without an answer on one of the counted variables are left out.",
    },
}

GROUPS_PAGE = {
    "title": {"nl": "Groepen", "en": "Groups"},
    "intro": {
        "nl": "Groepen binnen regio's: elke groep tegenover de rest van de regio, met het "
        "verschil en zijn onzekerheid, door de jaren heen, per regio, en wie op meerdere "
        "punten tegelijk achterblijft (stapeling).",
        "en": "Groups within regions: each group against the rest of its region, with the gap "
        "and its uncertainty, over the years, by region, and who falls behind on several "
        "counts at once (accumulated disadvantage).",
    },
    "no_groups": {
        "nl": "Kies op de pagina Data een of meer groepskolommen (zoals geslacht, leeftijd of "
        "opleiding) om groepen te vergelijken.",
        "en": "Choose one or more group columns (such as sex, age or education) on the Data "
        "page to compare groups.",
    },
    "aggregates": {
        "nl": "Groepen vergelijken kan alleen met microdata (een rij per persoon).",
        "en": "Groups can only be compared with microdata (one row per person).",
    },
    "pick_by": {"nl": "Groepskolom", "en": "Group column"},
    "pick_group": {"nl": "Groep voor de rangorde", "en": "Group for the ranking"},
    "low_cut": {"nl": "Laag: score tot en met", "en": "Low: score up to"},
    "high_cut": {"nl": "Hoog: score vanaf", "en": "High: score from"},
    "nothing": {
        "nl": "Geen groepen om te vergelijken in deze regio en dit jaar.",
        "en": "No groups to compare in this region and year.",
    },
    "heading": {
        "nl": "{indicator} naar {column}: {region}{year}",
        "en": "{indicator} by {column}: {region}{year}",
    },
    "rule": {
        "nl": "Elke groep tegenover de rest van de regio (iedereen die niet tot de groep "
        "hoort). Groen: {better}; rood: {worse}; grijs: {no_difference} (het 95%-interval van "
        "het verschil bevat 0). Strepen: 95%-intervallen.",
        "en": "Each group against the rest of its region (everyone not in the group). Green: "
        "{better}; red: {worse}; grey: {no_difference} (the 95% interval of the gap includes "
        "0). Bars: 95% intervals.",
    },
    "rule_two": {
        "nl": "De twee groepen tegenover elkaar, zoals het CBS ze vergelijkt. Groen: {better}; "
        "rood: {worse}; grijs: {no_difference} (het 95%-interval van het verschil bevat 0). "
        "Strepen: 95%-intervallen.",
        "en": "The two groups against each other, as CBS compares them. Green: {better}; red: "
        "{worse}; grey: {no_difference} (the 95% interval of the gap includes 0). Bars: 95% "
        "intervals.",
    },
    "dots_title": {
        "nl": "{indicator} naar {column}, {region}{year}",
        "en": "{indicator} by {column}, {region}{year}",
    },
    "said_better": {
        "nl": "**{group}**: {value} tegen {rest_value} bij {rest}, {gap} beter; dat verschil "
        "is significant.",
        "en": "**{group}**: {value} against {rest_value} for {rest}, {gap} better; that gap is "
        "significant.",
    },
    "said_worse": {
        "nl": "**{group}**: {value} tegen {rest_value} bij {rest}, {gap} slechter; dat "
        "verschil is significant.",
        "en": "**{group}**: {value} against {rest_value} for {rest}, {gap} worse; that gap is "
        "significant.",
    },
    "said_different": {
        "nl": "**{group}**: {value} tegen {rest_value} bij {rest}, {gap} verschil; dat "
        "verschil is significant.",
        "en": "**{group}**: {value} against {rest_value} for {rest}, a gap of {gap}; that gap "
        "is significant.",
    },
    "col_group": {"nl": "Groep", "en": "Group"},
    "col_value": {"nl": "Waarde", "en": "Value"},
    "col_interval": {"nl": "95%-interval", "en": "95% interval"},
    "col_other": {"nl": "Vergeleken met", "en": "Compared with"},
    "col_rest": {"nl": "Rest", "en": "Rest"},
    "col_gap": {"nl": "Verschil", "en": "Gap"},
    "col_ratio": {"nl": "Verhouding", "en": "Ratio"},
    "col_gap_interval": {"nl": "95%-interval verschil", "en": "95% interval of the gap"},
    "col_verdict": {"nl": "Oordeel", "en": "Verdict"},
    "over_time": {"nl": "Het verschil door de jaren", "en": "The gap over the years"},
    "gap_title": {
        "nl": "{indicator}: verschil met de rest, {region}",
        "en": "{indicator}: gap to the rest, {region}",
    },
    "gap_axis": {"nl": "Verschil (groep min rest)", "en": "Gap (group minus rest)"},
    "gap_title_two": {
        "nl": "{indicator}: verschil van {group} met {other}, {region}",
        "en": "{indicator}: gap of {group} to {other}, {region}",
    },
    "gap_axis_two": {
        "nl": "Verschil ({group} min {other})",
        "en": "Gap ({group} minus {other})",
    },
    "ranking": {
        "nl": "Waar is het verschil het grootst? {group}",
        "en": "Where is the gap largest? {group}",
    },
    "ranking_title": {
        "nl": "{indicator}: verschil van {group} met de rest, per regio{year}",
        "en": "{indicator}: gap of {group} to the rest, by region{year}",
    },
    "ranking_title_two": {
        "nl": "{indicator}: verschil van {group} met {other}, per regio{year}",
        "en": "{indicator}: gap of {group} to {other}, by region{year}",
    },
    "largest": {
        "nl": "Het grootste verschil: {region}, {gap} (95%-interval {low} tot {high}).",
        "en": "The largest gap: {region}, {gap} (95% interval {low} to {high}).",
    },
    "largest_unclear": {
        "nl": "Het grootste verschil: {region}, {gap} (95%-interval {low} tot {high}); ook dat "
        "is geen duidelijk verschil: het interval bevat 0.",
        "en": "The largest gap: {region}, {gap} (95% interval {low} to {high}); even that is no "
        "clear difference: the interval holds 0.",
    },
    "levels": {"nl": "Laag, midden en hoog welzijn", "en": "Low, medium and high well-being"},
    "levels_title": {
        "nl": "Aandeel met laag, midden en hoog welzijn naar {column}, {region}{year}",
        "en": "Share with low, medium and high well-being by {column}, {region}{year}",
    },
    "levels_cuts": {
        "nl": "Laag: een score van {low} of lager; hoog: {high} of hoger; midden daartussen.",
        "en": "Low: a score of {low} or lower; high: {high} or higher; medium in between.",
    },
    "levels_source": {
        "nl": "Bron van de grenzen: {source}.",
        "en": "Source of the cut points: {source}.",
    },
    "levels_own": {"nl": "Grenzen door u gekozen.", "en": "Cut points of your choice."},
    "stapeling": {
        "nl": "Stapeling: meerdere ongunstige uitkomsten tegelijk",
        "en": "Accumulated disadvantage: several unfavourable outcomes at once",
    },
    "stapeling_rules": {
        "nl": "Geteld per persoon: {n} ongunstige uitkomsten uit de catalogus ({rules}). Het CBS "
        "telde in 2022 drie of meer van negen als stapeling.",
        "en": "Counted per person: {n} unfavourable outcomes from the catalogue ({rules}). CBS "
        "counted three or more out of nine as accumulated disadvantage in 2022.",
    },
    "count_label": {"nl": "{count} ongunstig", "en": "{count} unfavourable"},
    "stapeling_title": {
        "nl": "Aantal ongunstige uitkomsten naar {column}, {region}{year}",
        "en": "Number of unfavourable outcomes by {column}, {region}{year}",
    },
    "stapeling_highest": {
        "nl": "{count} ongunstige uitkomsten komen het vaakst voor bij **{group}**: {share} "
        "(95%-interval {low} tot {high}).",
        "en": "{count} unfavourable outcomes are most common among **{group}**: {share} (95% "
        "interval {low} to {high}).",
    },
    "together": {"nl": "Welke uitkomsten gaan samen?", "en": "Which outcomes go together?"},
    "together_help": {
        "nl": "Per paar: het aandeel met beide, en de lift: hoeveel vaker ze samen voorkomen "
        "dan bij toeval (1 = niet vaker).",
        "en": "Per pair: the share with both, and the lift: how much more often they occur "
        "together than by chance (1 = no more often).",
    },
    "col_outcome_a": {"nl": "Uitkomst", "en": "Outcome"},
    "col_outcome_b": {"nl": "Samen met", "en": "Together with"},
    "col_both": {"nl": "Aandeel met beide", "en": "Share with both"},
    "col_lift": {"nl": "Lift", "en": "Lift"},
}

AREAS = {"groups": GROUPS, "stapeling": STAPELING, "groups_page": GROUPS_PAGE}
