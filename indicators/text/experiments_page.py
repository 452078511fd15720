"""Texts of the Experiments page (indicators/ui/experiments.py, indicators/views/experiments.py)."""

EXPERIMENTS_PAGE = {
    "title": {"nl": "Experimenten", "en": "Experiments"},
    "intro": {
        "nl": "Werkte een pilot in een paar gemeenten? Vergelijk de pilotregio's vóór en na de "
        "start met regio's zonder pilot (verschil in verschillen) en lees wat de uitkomst wel "
        "en niet zegt.",
        "en": "Did a pilot in a few municipalities work? Compare the pilot regions before and "
        "after the start with regions without the pilot (difference in differences) and read "
        "what the result does and does not say.",
    },
    "data": {"nl": "Gegevens voor het experiment", "en": "Data for the experiment"},
    "data_demo": {"nl": "Demo-pilotpanel (synthetisch)", "en": "Demo pilot panel (synthetic)"},
    "data_upload": {"nl": "Uw bestand: {name}", "en": "Your file: {name}"},
    "data_help": {
        "nl": "Het demo-pilotpanel: 60 gemeenten, 2014-2024, 11 pilotgemeenten vanaf 2018 "
        "(synthetisch). Uw eigen bestand kan als het per regio en jaar gegevens heeft.",
        "en": "The demo pilot panel: 60 municipalities, 2014-2024, 11 pilot municipalities "
        "from 2018 (synthetic). Your own file works when it has data per region and year.",
    },
    "outcome": {"nl": "Uitkomst", "en": "Outcome"},
    "pilots_by": {"nl": "Pilots aangegeven door", "en": "Pilots given by"},
    "by_first": {"nl": "Kolom met eerste pilotjaar", "en": "Column with first pilot year"},
    "by_flag": {"nl": "Kolom die pilots aanwijst", "en": "Column that flags pilots"},
    "by_list": {"nl": "Zelf kiezen", "en": "Choose them"},
    "first_column": {"nl": "Kolom met eerste pilotjaar", "en": "Column with the first pilot year"},
    "first_help": {
        "nl": "Per regio het eerste jaar van de pilot; 0 of leeg = nooit een pilot.",
        "en": "Per region the pilot's first year; 0 or empty = never a pilot.",
    },
    "flag_column": {"nl": "Kolom die pilots aanwijst", "en": "Column that flags pilots"},
    "flag_help": {
        "nl": "Ja/nee, 1/0, yes/no of true/false per regio (in elk jaar dezelfde waarde).",
        "en": "Yes/no, 1/0, ja/nee or true/false per region (the same value in every year).",
    },
    "pick_pilots": {"nl": "Pilotregio's", "en": "Pilot regions"},
    "start": {"nl": "Startjaar van de pilot", "en": "Start year of the pilot"},
    "control": {"nl": "Vergelijken met", "en": "Compare with"},
    "control_never": {"nl": "Regio's zonder pilot", "en": "Never-treated regions"},
    "control_notyet": {"nl": "Nog niet gestarte regio's", "en": "Not-yet-treated regions"},
    "control_chosen": {"nl": "Een gekozen set", "en": "A chosen set"},
    "control_matched": {"nl": "Gematchte regio's", "en": "Matched regions"},
    "pick_chosen": {"nl": "Vergelijkingsregio's", "en": "Comparison regions"},
    "method": {"nl": "Methode", "en": "Method"},
    "method_did": {"nl": "2x2 verschil in verschillen", "en": "2x2 difference in differences"},
    "method_cs": {
        "nl": "Callaway–Sant'Anna (gespreide starts)",
        "en": "Callaway–Sant'Anna (staggered starts)",
    },
    "method_event": {"nl": "Event study (effect per jaar)", "en": "Event study (effect per year)"},
    "method_sdid": {
        "nl": "Synthetische DiD (één of enkele pilots)",
        "en": "Synthetic DiD (one or a few pilots)",
    },
    "weight": {"nl": "Aantal mensen (optioneel)", "en": "Number of people (optional)"},
    "weight_micro": {"nl": "Weging (optioneel)", "en": "Weight (optional)"},
    "weight_help": {
        "nl": "De mensen over wie de uitkomst gaat (bij een aandeel van bijstandsontvangers: "
        "het aantal bijstandsontvangers). Weegt de lijnen en geeft de opschaling in mensen.",
        "en": "The people the outcome is about (for a share of benefit recipients: the number "
        "of benefit recipients). Weights the lines and gives the scale-up in people.",
    },
    "none": {"nl": "(geen)", "en": "(none)"},
    "no_years": {
        "nl": "Deze gegevens hebben geen jaarkolom: een experiment vergelijkt vóór en na de "
        "start, dus er zijn jaren nodig. Kies het demo-pilotpanel of koppel op de pagina "
        "Gegevens een jaarkolom.",
        "en": "This data has no year column: an experiment compares before and after the start, "
        "so years are needed. Choose the demo pilot panel or map a year column on the Data page.",
    },
    "one_year": {
        "nl": "Deze gegevens hebben maar één jaar ({year}): er is geen vóór en na te vergelijken.",
        "en": "This data has only one year ({year}): there is no before and after to compare.",
    },
    "no_start_column": {
        "nl": "Er is geen kolom met een startjaar of pilotaanwijzing; kies de pilotregio's zelf.",
        "en": "There is no column with a start year or a pilot flag; choose the pilot regions.",
    },
    "no_outcome": {
        "nl": "Er is geen numerieke uitkomst om te vergelijken.",
        "en": "There is no numeric outcome to compare.",
    },
    "pick_some": {
        "nl": "Kies een of meer pilotregio's en een startjaar.",
        "en": "Choose one or more pilot regions and a start year.",
    },
    "cannot": {
        "nl": "Dit experiment kan zo niet: {why}",
        "en": "This experiment cannot run: {why}",
    },
    "headline": {"nl": "Effect van de pilot", "en": "Effect of the pilot"},
    "headline_term": {
        "nl": "{method}; {level}%-interval {low} tot {high}; {pilots}, {comparisons}",
        "en": "{method}; {level}% interval {low} to {high}; {pilots}, {comparisons}",
    },
    "n_pilots_one": {"nl": "1 pilotregio", "en": "1 pilot"},
    "n_pilots": {"nl": "{n} pilotregio's", "en": "{n} pilots"},
    "n_comparisons_one": {"nl": "1 vergelijkingsregio", "en": "1 comparison"},
    "n_comparisons": {"nl": "{n} vergelijkingsregio's", "en": "{n} comparisons"},
    "effect_delta": {"nl": "{outcome}", "en": "{outcome}"},
    "verdict": {"nl": "Wat zegt dit?", "en": "What does this say?"},
    "trends": {
        "nl": "Pilots en vergelijking door de jaren",
        "en": "Pilots and comparisons over time",
    },
    "trends_title": {
        "nl": "Gemiddelde van pilots en vergelijkingsregio's per jaar",
        "en": "Mean of pilots and comparison regions by year",
    },
    "trends_weighted": {"nl": " (gewogen naar {weight})", "en": " (weighted by {weight})"},
    "pilot_arm": {"nl": "Pilots ({n})", "en": "Pilots ({n})"},
    "comparison_arm": {"nl": "Vergelijking ({n})", "en": "Comparisons ({n})"},
    "start_mark": {"nl": "start {year}", "en": "start {year}"},
    "year": {"nl": "Jaar", "en": "Year"},
    "trends_caption": {
        "nl": "Vóór de stippellijn horen de lijnen evenwijdig te lopen; daarna is het verschil "
        "met die lijn het effect.",
        "en": "Before the dotted line the lines should run parallel; after it the gap to that "
        "course is the effect.",
    },
    "event": {
        "nl": "Effect per jaar ten opzichte van de start",
        "en": "Effect by year relative to the start",
    },
    "event_title": {
        "nl": "Effect per jaar vanaf de start, met {level}%-interval",
        "en": "Effect by year from the start, with {level}% interval",
    },
    "event_x": {
        "nl": "Jaren ten opzichte van de start (0 = startjaar; -1 = referentie)",
        "en": "Years relative to the start (0 = start year; -1 = reference)",
    },
    "effect_y": {"nl": "Effect op {outcome}", "en": "Effect on {outcome}"},
    "pp": {"nl": "procentpunt", "en": "percentage points"},
    "effect_name": {"nl": "Effect", "en": "Effect"},
    "pretrend": {
        "nl": "Pre-trendtoets (effecten vóór de start samen nul?): chi² = {stat} met {df} "
        "vrijheidsgraden, p {p}. {meaning}",
        "en": "Pre-trend test (effects before the start jointly zero?): chi² = {stat} on {df} "
        "degrees of freedom, p {p}. {meaning}",
    },
    "pretrend_ok": {
        "nl": "Geen aanwijzing dat pilots en vergelijking vooraf al uiteenliepen.",
        "en": "No sign that pilots and comparisons diverged before the start.",
    },
    "pretrend_bad": {
        "nl": "Pilots en vergelijking liepen vooraf al uiteen: wees voorzichtig.",
        "en": "Pilots and comparisons already diverged before the start: be careful.",
    },
    "no_pretrend": {
        "nl": "Te weinig jaren vóór de start voor een pre-trendtoets.",
        "en": "Too few years before the start for a pre-trend test.",
    },
    "event_hint": {
        "nl": "Kies de methode Event study om het effect per jaar en de pre-trendtoets te zien.",
        "en": "Choose the Event study method to see the effect by year and the pre-trend test.",
    },
    "matched": {"nl": "Kwaliteit van de matching", "en": "Match quality"},
    "match_measure": {
        "nl": "Verschil pilots min vergelijking",
        "en": "Gap pilots minus comparisons",
    },
    "match_level": {
        "nl": "Niveau vóór de start (eenheid van de uitkomst)",
        "en": "Level before the start (the outcome's unit)",
    },
    "match_trend": {
        "nl": "Trend vóór de start (per jaar)",
        "en": "Trend before the start (per year)",
    },
    "match_before": {"nl": "Alle regio's zonder pilot", "en": "All never-treated regions"},
    "match_after": {"nl": "Gematchte regio's", "en": "Matched regions"},
    "match_caption": {
        "nl": "Gekozen: de {k} regio's zonder pilot die in niveau en trend vóór de start het "
        "meest op de pilots lijken: {regions}.",
        "en": "Chosen: the {k} never-treated regions closest to the pilots in level and trend "
        "before the start: {regions}.",
    },
    "terms": {"nl": "Alle schattingen", "en": "All estimates"},
    "terms_caption": {
        "nl": "term: att/simple = gemiddeld effect na de start; group, dynamic, calendar = "
        "gemiddeld per startjaar, per jaar sinds de start, per kalenderjaar (met :jaar het "
        "afzonderlijke jaar); event:e = effect e jaar na de start; att_gt:g:t = effect in jaar t "
        "van de pilots die in g startten.",
        "en": "term: att/simple = average effect after the start; group, dynamic, calendar = "
        "averaged by start year, by years since the start, by calendar year (with :year the "
        "single year); event:e = effect e years after the start; att_gt:g:t = effect in year t "
        "of the pilots that started in g.",
    },
    "download": {"nl": "Download schattingen (CSV)", "en": "Download estimates (CSV)"},
    "scale": {"nl": "Opschaling (extrapolatie)", "en": "Scale-up (extrapolation)"},
    "scale_text": {
        "nl": "Als het effect in de {n} regio's zonder pilot even groot zou zijn ({population} "
        "{base} in {year}): {estimate} {what} (interval {low} tot {high}). Dit is een "
        "extrapolatie, geen meting.",
        "en": "If the effect were the same in the {n} regions without the pilot ({population} "
        "{base} in {year}): {estimate} {what} (interval {low} to {high}). This is an "
        "extrapolation, not a measurement.",
    },
    "scale_text_regions": {
        "nl": "Als het effect in de {n} regio's zonder pilot even groot zou zijn: {estimate} "
        "{what} (interval {low} tot {high}). Dit is een extrapolatie, geen meting.",
        "en": "If the effect were the same in the {n} regions without the pilot: {estimate} "
        "{what} (interval {low} to {high}). This is an extrapolation, not a measurement.",
    },
    "scale_percent": {
        "nl": "mensen meer (effect in procentpunten / 100 × {base})",
        "en": "people more (effect in percentage points / 100 × {base})",
    },
    "scale_people": {"nl": "(effect × {base})", "en": "(effect × {base})"},
    "scale_regions": {
        "nl": "(effect × aantal regio's; kies een kolom met aantallen mensen voor een aantal "
        "mensen)",
        "en": "(effect × number of regions; choose a column of numbers of people for a number "
        "of people)",
    },
    "scale_micro": {
        "nl": "Bij microdata (een steekproef van mensen) is er geen aantal mensen per regio om "
        "het effect mee op te schalen; gebruik daarvoor een regiotabel met inwoners.",
        "en": "With microdata (a sample of people) there is no number of people per region to "
        "scale the effect up with; use a regional table with its population for that.",
    },
    "at_start": {"nl": ", effect in het startjaar", "en": ", effect in the start year"},
    "p_boot": {
        "nl": "; wild cluster bootstrap-p {p}",
        "en": "; wild cluster bootstrap p {p}",
    },
    "distribution": {
        "nl": "Voor wie? Effect op de verdeling",
        "en": "For whom? Effect on the distribution",
    },
    "dist_caption": {
        "nl": "Verschil in verschillen van P10, mediaan, P90, gemiddelde en het aandeel onder "
        "{threshold} (60% van de mediaan vóór de start); intervallen uit een bootstrap over regio's.",
        "en": "Difference in differences of P10, median, P90, mean and the share below "
        "{threshold} (60% of the median before the start); intervals from a bootstrap over regions.",
    },
    "m_p10": {"nl": "P10", "en": "P10"},
    "m_median": {"nl": "Mediaan", "en": "Median"},
    "m_p90": {"nl": "P90", "en": "P90"},
    "m_mean": {"nl": "Gemiddelde", "en": "Mean"},
    "m_share_below": {"nl": "Aandeel onder de grens", "en": "Share below the threshold"},
    "measure": {"nl": "Maat", "en": "Measure"},
    "dropped": {"nl": "{text}", "en": "{text}"},
}

# the demo pilot panel's columns in words (the panel is not in the indicator catalogue)
DEMO_PILOT_COLUMNS = {
    "aandeel_deeltijdwerk": {
        "nl": "Aandeel in deeltijdwerk (%)",
        "en": "Share in part-time work (%)",
    },
    "aandeel_voltijdwerk": {
        "nl": "Aandeel in voltijdwerk (%)",
        "en": "Share in full-time work (%)",
    },
    "bijstandsontvangers": {"nl": "Bijstandsontvangers", "en": "Social assistance recipients"},
    "inwoners": {"nl": "Inwoners", "en": "Inhabitants"},
    "pilot_start": {"nl": "Eerste pilotjaar", "en": "First pilot year"},
    "pilot": {"nl": "Pilot (ja/nee)", "en": "Pilot (yes/no)"},
}

AREAS = {"experiments_page": EXPERIMENTS_PAGE, "demo_pilot_columns": DEMO_PILOT_COLUMNS}
