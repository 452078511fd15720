"""Texts of the indicator registry (indicators/registry/catalog.py): perspectives and polarities."""

PERSPECTIVES = {
    "here_and_now": {"nl": "hier en nu", "en": "here and now"},
    "later": {"nl": "later", "en": "later"},
    "elsewhere": {"nl": "elders", "en": "elsewhere"},
}
POLARITIES = {
    "higher_is_better": {"nl": "hoger is beter", "en": "higher is better"},
    "lower_is_better": {"nl": "lager is beter", "en": "lower is better"},
    "neutral": {"nl": "niet gezegd wat beter is", "en": "what is better is not set"},
}

AREAS = {"perspectives": PERSPECTIVES, "polarities": POLARITIES}
