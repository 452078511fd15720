"""Texts of the policy experiments (indicators/analyses/experiments.py): errors and verdicts."""

EXPERIMENTS = {
    "no_column": {
        "nl": "Kolom '{column}' staat niet in {source}. Kies een kolom uit: {columns}.",
        "en": "Column '{column}' is not in {source}. Choose one of: {columns}.",
    },
    "not_numeric": {
        "nl": "De uitkomst '{column}' in {source} is niet numeriek, bijvoorbeeld {examples}. "
        "Kies een kolom met getallen.",
        "en": "The outcome '{column}' in {source} is not numeric, for example {examples}. "
        "Choose a column of numbers.",
    },
    "no_pilots": {
        "nl": "Er zijn geen pilotregio's: geef een kolom met het eerste pilotjaar, "
        "pilotregio's met een startjaar, of een kolom die pilots aanwijst met een startjaar.",
        "en": "There are no pilot regions: give a column with the first pilot year, pilot "
        "regions with a start year, or a column that flags pilots with a start year.",
    },
    "unknown_pilot": {
        "nl": "Pilotregio {names} komt niet voor in kolom '{column}' van {source}, "
        "bijvoorbeeld wel: {examples}. Controleer de spelling.",
        "en": "Pilot region {names} does not occur in column '{column}' of {source}; "
        "present are for example: {examples}. Check the spelling.",
    },
    "unknown_comparison": {
        "nl": "Vergelijkingsregio {names} komt niet voor in kolom '{column}' van {source}, "
        "bijvoorbeeld wel: {examples}. Controleer de spelling.",
        "en": "Comparison region {names} does not occur in column '{column}' of {source}; "
        "present are for example: {examples}. Check the spelling.",
    },
    "unweighted": {
        "nl": "Het effect weegt elke regio even zwaar; '{weight}' weegt alleen de gemiddelden "
        "(per regio en jaar bij microdata, per groep in de lijnen) en de opschaling.",
        "en": "The effect counts every region equally; '{weight}' weights only the means (per "
        "region and year in microdata, per group in the lines) and the scale-up.",
    },
    "inconsistent": {
        "nl": "Regio {regions} heeft in kolom '{column}' van {source} niet in elk jaar dezelfde "
        "waarde (pilot in sommige jaren, niet in andere). Geef per regio één waarde.",
        "en": "Region {regions} does not have the same value in column '{column}' of {source} "
        "in every year (a pilot in some years, not in others). Give one value per region.",
    },
    "start_outside": {
        "nl": "Startjaar {start} ligt niet binnen de jaren van {source} ({first}-{last}), of er "
        "is geen jaar vóór de start. Kies een startjaar na het eerste jaar.",
        "en": "Start year {start} is not within the years of {source} ({first}-{last}), or "
        "there is no year before it. Choose a start year after the first year.",
    },
    "bad_flag": {
        "nl": "Kolom '{column}' van {source} heeft waarden die geen ja/nee zijn: {examples}. "
        "Gebruik ja/nee, 1/0, yes/no of true/false.",
        "en": "Column '{column}' of {source} has values that are not yes/no: {examples}. "
        "Use ja/nee, 1/0, yes/no or true/false.",
    },
    "no_start": {
        "nl": "Geef het startjaar van de pilot (--start) bij pilotregio's of een pilotkolom.",
        "en": "Give the start year of the pilot (--start) with pilot regions or a pilot column.",
    },
    "no_controls": {
        "nl": "Er zijn geen vergelijkingsregio's over ({control}). Kies een andere "
        "vergelijkingsgroep of minder pilotregio's.",
        "en": "No comparison regions are left ({control}). Choose another comparison group "
        "or fewer pilot regions.",
    },
    "bad_method": {
        "nl": "Onbekende methode '{method}'; kies uit {methods}.",
        "en": "Unknown method '{method}'; choose one of {methods}.",
    },
    "verdict_effect": {
        "nl": "De pilot veranderde {outcome} met {estimate} ({level}%-interval {low} tot {high}).",
        "en": "The pilot changed {outcome} by {estimate} ({level}% interval {low} to {high}).",
    },
    "verdict_clear": {
        "nl": "Het interval ligt geheel aan één kant van nul: een duidelijk effect.",
        "en": "The interval lies wholly on one side of zero: a clear effect.",
    },
    "verdict_unclear": {
        "nl": "Het interval bevat nul: een effect is niet aangetoond.",
        "en": "The interval contains zero: an effect is not shown.",
    },
    "caveat_few": {
        "nl": "Let op: er zijn maar {n} pilotregio's; intervallen zijn breed en de wild "
        "cluster bootstrap-p-waarde is betrouwbaarder dan de gewone.",
        "en": "Caution: there are only {n} pilot regions; intervals are wide and the wild "
        "cluster bootstrap p-value is more reliable than the usual one.",
    },
    "caveat_one": {
        "nl": "Let op: er is maar 1 pilotregio; intervallen zijn breed en de wild cluster "
        "bootstrap-p-waarde is betrouwbaarder dan de gewone.",
        "en": "Caution: there is only 1 pilot region; intervals are wide and the wild cluster "
        "bootstrap p-value is more reliable than the usual one.",
    },
    "caveat_pretrend": {
        "nl": "Let op: vóór de start liepen pilots en vergelijkingsregio's al uiteen "
        "(pre-trendtoets p {p}); het effect kan deels een voortgezette trend zijn.",
        "en": "Caution: before the start pilots and comparisons already diverged (pre-trend "
        "test p {p}); part of the effect may be a continuing trend.",
    },
    "caveat_short": {
        "nl": "Let op: er is maar {n} jaar na de start; effecten op langere termijn zijn onbekend.",
        "en": "Caution: there is only {n} year(s) after the start; longer-term effects are "
        "unknown.",
    },
    "caveat_unlike": {
        "nl": "Let op: de vergelijkingsregio's lijken vóór de start niet op de pilots "
        "(verschil in niveau {gap}); overweeg gematchte vergelijkingsregio's.",
        "en": "Caution: the comparison regions are unlike the pilots before the start "
        "(level gap {gap}); consider matched comparisons.",
    },
    "caveat_twfe": {
        "nl": "De pilots startten in verschillende jaren: een gewone regressie met vaste "
        "effecten (TWFE) is dan vertekend; gebruik Callaway & Sant'Anna.",
        "en": "The pilots started in different years: a plain two-way fixed effects "
        "regression is then biased; use Callaway & Sant'Anna.",
    },
    "dropped": {
        "nl": "{n} regio('s) zonder waarde in elk jaar van {source} zijn buiten de berekening "
        "gelaten (een gebalanceerd panel is nodig): {regions}.",
        "en": "{n} region(s) without a value in every year of {source} were left out of the "
        "computation (a balanced panel is needed): {regions}.",
    },
    "p_below": {"nl": "< 0,001", "en": "< 0.001"},
    "scale_note": {
        "nl": "Extrapolatie: aangenomen is dat het effect in vergelijkbare regio's even groot is.",
        "en": "Extrapolation: it assumes the effect is the same in comparable regions.",
    },
}

AREAS = {"experiments": EXPERIMENTS}
