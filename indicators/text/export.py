"""Texts of the downloads (indicators/io/export.py): parts of a decomposition, sheet names."""

PARTS = {
    "between": {"nl": "tussen regio's", "en": "between regions"},
    "within": {"nl": "binnen regio's", "en": "within regions"},
}

SHEETS = {"results": {"nl": "resultaten", "en": "results"}, "about": {"nl": "over", "en": "about"}}


AREAS = {
    "export_parts": PARTS,
    "export_sheets": SHEETS,
}
