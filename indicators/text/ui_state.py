"""Texts of the dashboard's shared state (indicators/ui/state.py): the demo data's names."""

DEMO_LABELS = {
    "people": {
        "nl": "Demo: inwoners per provincie (synthetisch)",
        "en": "Demo: residents by province (synthetic)",
    },
    "pilot": {
        "nl": "Demo: gemeentelijk pilotpanel (synthetisch)",
        "en": "Demo: municipal pilot panel (synthetic)",
    },
}


AREAS = {
    "demo_labels": DEMO_LABELS,
}
