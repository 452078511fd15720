"""Texts of the convergence analysis (indicators/analyses/convergence.py): the readings of the
Theil split, sigma and beta convergence."""

CONVERGENCE = {
    "theil_within": {
        "nl": "Het grootste deel van de ongelijkheid in {label} ligt binnen regio's",
        "en": "Most of the inequality of {label} lies within regions",
    },
    "theil_between": {
        "nl": "Het grootste deel van de ongelijkheid in {label} ligt tussen regio's",
        "en": "Most of the inequality of {label} lies between regions",
    },
    "theil_grew": {
        "nl": "; het deel tussen regio's groeide van {start} ({first}) tot {end} ({last}).",
        "en": "; the part between regions grew from {start} ({first}) to {end} ({last}).",
    },
    "theil_fell": {
        "nl": "; het deel tussen regio's daalde van {start} ({first}) tot {end} ({last}).",
        "en": "; the part between regions fell from {start} ({first}) to {end} ({last}).",
    },
    "theil_same": {
        "nl": "; het deel tussen regio's bleef {end} (van {first} tot {last}).",
        "en": "; the part between regions stayed at {end} (from {first} to {last}).",
    },
    "theil_one": {
        "nl": "; het deel tussen regio's is {share}.",
        "en": "; the part between regions is {share}.",
    },
    "theil_none": {
        "nl": "Er is geen Theil-splitsing te maken: daarvoor zijn gegevens per persoon nodig "
        "(microdata) met waarden boven 0.",
        "en": "No Theil split can be made: it needs data per person (microdata) with values "
        "above 0.",
    },
    "sigma_fell": {
        "nl": "De spreiding tussen regio's (standaarddeviatie van de log) daalde van {start} "
        "({first}) tot {end} ({last}): de regio's groeiden naar elkaar toe (sigma-convergentie).",
        "en": "The spread between regions (standard deviation of the log) fell from {start} "
        "({first}) to {end} ({last}): the regions drew together (sigma convergence).",
    },
    "sigma_grew": {
        "nl": "De spreiding tussen regio's (standaarddeviatie van de log) groeide van {start} "
        "({first}) tot {end} ({last}): de regio's groeiden uit elkaar.",
        "en": "The spread between regions (standard deviation of the log) grew from {start} "
        "({first}) to {end} ({last}): the regions drifted apart.",
    },
    "sigma_same": {
        "nl": "De spreiding tussen regio's (standaarddeviatie van de log) bleef {end} van "
        "{first} tot {last}.",
        "en": "The spread between regions (standard deviation of the log) stayed at {end} from "
        "{first} to {last}.",
    },
    "sigma_none": {
        "nl": "Voor sigma-convergentie zijn ten minste twee jaren nodig met twee of meer regio's "
        "met een waarde boven 0.",
        "en": "Sigma convergence needs at least two years with two or more regions with a value "
        "above 0.",
    },
    "beta_converge": {
        "nl": "Regio's die in {first} lager begonnen groeiden tot {last} sneller (beta = {beta}, "
        "standaardfout {se}, {n} regio's): beta-convergentie.",
        "en": "Regions that started lower in {first} grew faster up to {last} (beta = {beta}, "
        "standard error {se}, {n} regions): beta convergence.",
    },
    "beta_speed": {
        "nl": " De regio's naderen elkaar met {speed} per jaar; de helft van de afstand is in "
        "ongeveer {half_life} jaar overbrugd.",
        "en": " The regions close in at {speed} a year; half of the gap closes in about "
        "{half_life} years.",
    },
    "beta_diverge": {
        "nl": "Regio's die in {first} hoger begonnen groeiden tot {last} sneller (beta = {beta}, "
        "standaardfout {se}, {n} regio's): ze groeien uit elkaar.",
        "en": "Regions that started higher in {first} grew faster up to {last} (beta = {beta}, "
        "standard error {se}, {n} regions): they drift apart.",
    },
    "beta_unclear": {
        "nl": "Geen duidelijk verband tussen het beginniveau in {first} en de groei tot {last} "
        "(beta = {beta}, standaardfout {se}, {n} regio's): geen aantoonbare beta-convergentie.",
        "en": "No clear link between the level in {first} and the growth up to {last} "
        "(beta = {beta}, standard error {se}, {n} regions): no beta convergence shown.",
    },
    "beta_none": {
        "nl": "Voor beta-convergentie zijn twee jaren en ten minste drie regio's nodig met "
        "waarden boven 0 in beide jaren.",
        "en": "Beta convergence needs two years and at least three regions with values above 0 "
        "in both years.",
    },
}

AREAS = {"convergence": CONVERGENCE}
