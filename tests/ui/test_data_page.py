"""AppTest of the Data page: choose or upload data, mapping, check report, downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/data.py"


def make_app(lang="en", demo=None):
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state["lang"] = lang
    if demo:
        at.session_state["demo"] = demo
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def texts(at) -> str:
    """Everything shown as markdown, captions, alerts: one string to search in."""
    parts = [
        e.value
        for kind in ("markdown", "caption", "error", "warning", "info", "success")
        for e in at.get(kind)
    ]
    parts += [h.value for h in at.title] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader]
    return "\n".join(str(p) for p in parts)


def selectbox(at, label):
    return next(s for s in at.selectbox if s.label == label)


def upload(at, name, data, mime="text/csv"):
    at.file_uploader(key="data_uploader").set_value((name, data, mime)).run()
    assert not at.exception
    return at


def dutch_csv(rows_per_cell=12) -> bytes:
    """Semicolons, decimal commas, two municipalities over two years."""
    lines = ["gemeente;jaar;levenstevredenheid;gewicht"]
    for gemeente in ("Utrecht", "Zwolle"):
        for jaar in (2022, 2023):
            for i in range(rows_per_cell):
                lines.append(
                    f"{gemeente};{jaar};{6 + (i % 4)},5;{1 + (i % 3) / 2:.1f}".replace(".", ",")
                )
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---- demo data --------------------------------------------------------------------------------


def test_demo_people_shape_mapping_report_downloads():
    at = make_app("en")
    shown = texts(at)
    assert "One row per person or household: 198,374 rows in 12 regions over 11 years" in shown
    assert "distributions within each region can be measured" in shown
    # the suggested mapping
    assert selectbox(at, "Region (required)").value == "provincie"
    assert selectbox(at, "Year").value == "jaar"
    assert selectbox(at, "Weight").value == "gewicht"
    assert selectbox(at, "Life satisfaction").value == "levenstevredenheid"
    assert at.multiselect[0].value == ["geslacht", "leeftijd", "opleiding", "stedelijkheid"]
    assert "Not used: provincie_code." in shown
    # the order of text answers with the catalogue's levels
    expanders = [e.label for e in at.expander]
    assert "Happiness (column 'geluk'): 5 answers, from 'zeer ongelukkig' to 'zeer gelukkig'" in (
        expanders
    )
    # work status has categories, not an order: no order to set, each one's catalogue category
    assert (
        "Work status (column 'werkstatus'): 6 categories, no order; all named as in the catalogue"
        in expanders
    )
    assert not [e for e in expanders if e.startswith("Work status") and "answers" in e]
    assert not [k for k in at.session_state if str(k).endswith(":werkstatus")]
    categories = next(
        d.value for d in at.dataframe if "Category in your file" in d.value.columns
    ).set_index("Category in your file")["Category in the catalogue"]
    assert categories["werkloos"] == "unemployed"
    assert categories["arbeidsongeschikt"] == "unable to work"
    assert "each category in your file counts as the catalogue category" in shown
    # the check
    assert "Regions: Drenthe, Flevoland" in shown
    assert "Years: 2014–2024." in shown
    assert "31 indicators computed from 10 variables." in shown
    assert "149 values of 0 or below are left out" in shown
    # small cells and downloads
    assert at.number_input(key="min_n").value == 10
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download Excel"]


def test_demo_pilot_is_aggregates():
    at = make_app("en", demo="pilot")
    shown = texts(at)
    assert "One row per region and year: 660 rows for 60 regions over 11 years" in shown
    assert "the distribution is across regions, weighted by column 'inwoners'" in shown
    assert "The small-cell rule does not apply" in shown
    assert at.radio(key="data_source_choice").value == "pilot"


def test_switch_between_demo_sets():
    at = make_app("en", demo="pilot")
    at.radio(key="data_source_choice").set_value("people").run()
    assert not at.exception
    assert "One row per person or household" in texts(at)


def test_dutch_texts():
    at = make_app("nl", demo="pilot")
    shown = texts(at)
    assert "Gegevens" in [h.value for h in at.title]
    assert "Eén rij per regio en jaar: 660 rijen voor 60 regio's over 11 jaar" in shown
    assert selectbox(at, "Regio (verplicht)").value == "gemeente"
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]


def test_dutch_frame_around_english_core_messages():
    at = make_app("nl", demo="pilot")
    upload(at, "fout.csv", b"gemeente;jaar;levenstevredenheid;gewicht\nA;2022;7;1\nA;2022;6;-3\n")
    message = next(e.value for e in at.error)
    assert "Met deze keuzes kunnen de gegevens niet gebruikt worden" in message
    assert "De toelichting hieronder is (nog) in het Engels." in message
    assert "weights must be zero or more" in message  # the core's message, in English
    assert "Pas de kolommen of de volgorde hierboven aan" in message


def test_work_status_categories_without_matching_names_are_flagged():
    at = make_app("en", demo="pilot")
    content = "gemeente;werkstatus\n" + "".join(
        f"{g};{a}\n" for g in ("A", "B") for a in ("werkloos", "baan", "werkzaam") * 4
    )
    upload(at, "werk.csv", content.encode())
    assert any(
        "Not every category has the name of a catalogue category" in w.value for w in at.warning
    )
    table = next(d.value for d in at.dataframe if "Category in your file" in d.value.columns)
    assert table.set_index("Category in your file")["Category in the catalogue"].to_dict() == {
        "werkzaam": "employed",
        "werkloos": "unemployed",
        "baan": "– no match",
    }


# ---- uploads ----------------------------------------------------------------------------------


def test_upload_dutch_csv_is_read_mapped_and_checked():
    at = make_app("en", demo="pilot")
    upload(at, "enquete.csv", dutch_csv(rows_per_cell=12))
    shown = texts(at)
    assert not at.error
    assert "One row per person or household: 48 rows in 2 regions over 2 years (2022–2023)" in shown
    assert selectbox(at, "Region (required)").value == "gemeente"
    assert selectbox(at, "Weight").value == "gewicht"
    assert selectbox(at, "Life satisfaction").value == "levenstevredenheid"
    assert at.radio(key="data_source_choice").value == "upload"
    assert "Regions: Utrecht, Zwolle." in shown
    assert "5 indicators computed from 1 variable." in shown
    assert "No values hidden" in shown
    assert at.session_state["upload"]["name"] == "enquete.csv"
    assert [b.proto.label for b in at.get("download_button")] == ["Download CSV", "Download Excel"]


def test_small_cells_are_hidden_and_counted():
    at = make_app("en", demo="pilot")
    upload(at, "klein.csv", dutch_csv(rows_per_cell=6))
    assert "values are hidden because they rest on fewer than 10 observations" in texts(at)
    at.number_input(key="min_n").set_value(5).run()
    assert not at.exception
    assert "No values hidden: all" in texts(at)
    assert at.session_state["min_n"] == 5
    # the setting survives a visit to another page (state.min_n() reads it there)
    at.switch_page("indicators/ui/trends.py").run()
    assert at.session_state["min_n"] == 5
    at.switch_page(PAGE).run()
    assert at.number_input(key="min_n").value == 5


def test_bad_file_keeps_previous_data():
    at = make_app("en", demo="pilot")
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    upload(at, "chart.csv", png)
    assert at.error, "a message for the bad file"
    message = at.error[0].value
    assert "chart.csv cannot be used" in message
    assert "demo_pilot_municipalities_synthetic.parquet" in message  # still in use
    assert "upload" not in at.session_state
    assert "One row per region and year" in texts(at)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "gemeente;jaar;levenstevredenheid\nA;2022;7\nA;2022;onbekend\nB;2022;8\n",
            "should hold numbers",
        ),
        (
            "gemeente;jaar;levenstevredenheid;gewicht\nA;2022;7;1\nA;2022;6;-3\nB;2022;8;1\n",
            "weights must be zero or more",
        ),
    ],
    ids=["text-in-numeric-column", "negative-weight"],
)
def test_unusable_values_show_a_message(content, expected):
    at = make_app("en", demo="pilot")
    upload(at, "fout.csv", content.encode())
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(expected in e and "With these choices the data cannot be used" in e for e in errors)
    assert not at.get("download_button")


def test_mapping_edit_and_reset():
    at = make_app("en", demo="pilot")
    upload(at, "enquete.csv", dutch_csv())
    selectbox(at, "Weight").set_value("")
    next(b for b in at.button if b.label == "Save columns").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Not used: gewicht." in shown
    assert selectbox(at, "Weight").value == ""
    # choosing the same column twice is refused with a plain message
    selectbox(at, "Year").set_value("gemeente")
    next(b for b in at.button if b.label == "Save columns").click().run()
    assert any("chosen for more than one role" in w.value for w in at.warning)
    next(b for b in at.button if b.label == "Restore the suggestion").click().run()
    assert selectbox(at, "Weight").value == "gewicht"
    assert selectbox(at, "Year").value == "jaar"


def test_order_of_answers_can_be_changed():
    at = make_app("en", demo="pilot")
    content = "gemeente;geluk\n" + "".join(
        f"{g};{a}\n" for g in ("A", "B") for a in ("gelukkig", "ongelukkig", "zeer gelukkig") * 4
    )
    upload(at, "geluk.csv", content.encode())
    order = at.multiselect(key=next(k for k in at.session_state if str(k).endswith(":geluk")))
    assert order.value == ["ongelukkig", "gelukkig", "zeer gelukkig"]
    order.set_value(["ongelukkig", "gelukkig"])  # one answer missing from the order
    next(b for b in at.button if b.label == "Save the order").click().run()
    assert not at.exception
    assert any("not in the order you gave" in e.value for e in at.error)


def test_excel_sheet_choice():
    at = make_app("en", demo="pilot")
    data = (ROOT / "tests" / "data" / "two_sheets.xlsx").read_bytes()
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    upload(at, "two_sheets.xlsx", data, mime)
    sheet = selectbox(at, "Sheet")
    assert sheet.options == ["Toelichting", "Data"]
    sheet.set_value("Data").run()
    assert not at.exception
    assert at.session_state["upload"]["sheet"] == "Data"
    assert selectbox(at, "Region (required)").value == "Regio"


def test_back_to_demo_after_upload():
    at = make_app("en", demo="pilot")
    upload(at, "enquete.csv", dutch_csv())
    at.radio(key="data_source_choice").set_value("pilot").run()
    assert "upload" not in at.session_state
    assert "One row per region and year: 660 rows" in texts(at)
    # the uploaded file can be chosen again
    at.radio(key="data_source_choice").set_value("upload").run()
    assert "48 rows in 2 regions" in texts(at)
