"""The report download on the Data page (issue 14): HTML and Excel of the chosen views, in the
user's language, made only when clicked."""

from __future__ import annotations

import pytest
from apptest_helpers import open_page

PAGE = "indicators/ui/data.py"


@pytest.mark.parametrize(
    ("lang", "heading", "labels", "views"),
    [
        ("en", "Report", ["Report (HTML)", "Report (Excel)"], "Views in the report"),
        ("nl", "Rapport", ["Rapport (HTML)", "Rapport (Excel)"], "Onderdelen van het rapport"),
    ],
)
def test_report_buttons_in_the_users_language(lang, heading, labels, views):
    at = open_page(PAGE, lang=lang, state={"demo": "pilot"})
    assert heading in [h.value for h in at.subheader]
    buttons = {b.proto.label: b.proto for b in at.get("download_button")}
    assert [label for label in labels if label in buttons] == labels
    chosen = at.multiselect(key="report_views")
    assert chosen.label == views
    assert chosen.value == [
        "findings",
        "overview",
        "distribution",
        "regions",
        "trends",
        "groups",
    ] + ["profiles"]


def test_no_view_chosen_no_report():
    at = open_page(PAGE, lang="en", state={"demo": "pilot"})
    at.multiselect(key="report_views").set_value([]).run()
    assert not at.exception and not at.error
    assert "Choose at least one view." in [i.value for i in at.info]
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Report (HTML)" not in labels and "Download CSV" in labels


def test_the_report_is_made_on_click_not_on_every_rerun():
    at = open_page(PAGE, lang="en", state={"demo": "pilot"})
    protos = {b.proto.label: b.proto for b in at.get("download_button")}
    for label in ("Report (HTML)", "Report (Excel)"):
        assert protos[label].deferred_file_id  # a function, run when the button is clicked
        assert not protos[label].url  # no file made ahead
    assert protos["Download CSV"].url  # while the small CSV is made at once
