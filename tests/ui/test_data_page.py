"""AppTest of the Data page: choose or upload data, mapping, check report, downloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from apptest_helpers import new_app

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/data.py"


def result_downloads(at) -> list:
    """The download buttons of the results (the set-up's save button is always there)."""
    return [b for b in at.get("download_button") if b.key != "setup_save"]


def make_app(lang="en", demo=None):
    at = new_app(lang, state={"demo": demo} if demo else None)
    at.switch_page(PAGE).run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]  # the demo data opens without an error
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
    labels = [b.proto.label for b in result_downloads(at)]
    assert labels == ["Download CSV", "Download Excel", "Report (HTML)", "Report (Excel)"]


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
    assert [b.proto.label for b in result_downloads(at)][:2] == ["Download CSV", "Download Excel"]


def test_dutch_frame_around_the_core_message_in_dutch():
    at = make_app("nl", demo="pilot")
    upload(at, "fout.csv", b"gemeente;jaar;levenstevredenheid;gewicht\nA;2022;7;1\nA;2022;6;-3\n")
    message = next(e.value for e in at.error)
    assert "Met deze keuzes kunnen de gegevens niet gebruikt worden" in message
    # the core's message in Dutch too (from the text catalogue), so no note that it is English
    assert "mag alleen gewichten van nul of meer hebben" in message and "rij 3 ('-3')" in message
    assert "(nog) in het Engels" not in message and "weights must be" not in message
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
    assert [b.proto.label for b in result_downloads(at)][:2] == ["Download CSV", "Download Excel"]


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
    assert not result_downloads(at)


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


def order_buttons(at, column):
    """The up and down buttons of the answers of one column, by position."""
    ups = {
        b.key: b
        for b in at.button
        if str(b.key).endswith(tuple(f":{column}:up:{i}" for i in range(9)))
    }
    downs = {b.key: b for b in at.button if ":" + column + ":down:" in str(b.key)}
    return sorted(ups.values(), key=lambda b: b.key), sorted(downs.values(), key=lambda b: b.key)


def test_order_of_answers_is_changed_with_up_and_down_buttons():
    # five answers, one named as in the catalogue: paired with the levels by position
    answers = ("not at all happy", "not very happy", "neither", "quite happy", "very happy")
    content = "gemeente;geluk\n" + "".join(f"{g};{a}\n" for g in ("A", "B") for a in answers * 4)
    at = make_app("en", demo="pilot")
    upload(at, "geluk.csv", content.encode())
    rows = [m.value for m in at.markdown if " → " in m.value]
    assert rows[0] == "**1.** very happy → _very unhappy (by position)_"
    save = next(b for b in at.button if b.label == "Save the order")
    assert save.disabled  # nothing changed yet
    # move "very happy" from the top to the bottom: four times down
    for position in range(4):
        _, downs = order_buttons(at, "geluk")
        downs[position].click().run()
        assert not at.exception
    rows = [m.value for m in at.markdown if " → " in m.value]
    assert rows[-1] == "**5.** very happy → _very happy (by position)_"
    assert "The order has changed but is not saved yet." in texts(at)
    ups, downs = order_buttons(at, "geluk")
    assert ups[0].disabled and downs[-1].disabled
    # "neither" is now first; move "not at all happy" above it, then "not very happy" second
    ups[1].click().run()
    ups, _ = order_buttons(at, "geluk")
    ups[2].click().run()
    rows = [m.value for m in at.markdown if " → " in m.value]
    assert [r.split(" → ")[0] for r in rows] == [
        "**1.** not at all happy",
        "**2.** not very happy",
        "**3.** neither",
        "**4.** quite happy",
        "**5.** very happy",
    ]
    next(b for b in at.button if b.label == "Save the order").click().run()
    assert not at.exception and not at.error
    # saved: a fresh form (new widget keys) reads the order from the mapping
    rows = [m.value for m in at.markdown if " → " in m.value]
    assert rows[0] == "**1.** not at all happy → _very unhappy (by position)_"
    assert rows[-1] == "**5.** very happy → _very happy (by position)_"
    assert "The order has changed" not in texts(at)
    assert next(b for b in at.button if b.label == "Save the order").disabled


def test_answers_named_as_in_the_catalogue_keep_their_level_in_any_order():
    content = "gemeente;geluk\n" + "".join(
        f"{g};{a}\n" for g in ("A", "B") for a in ("gelukkig", "ongelukkig", "zeer gelukkig") * 4
    )
    at = make_app("en", demo="pilot")
    upload(at, "geluk.csv", content.encode())
    _, downs = order_buttons(at, "geluk")
    downs[0].click().run()
    rows = [m.value for m in at.markdown if " → " in m.value]
    assert rows[:2] == ["**1.** gelukkig → _happy_", "**2.** ongelukkig → _unhappy_"]
    assert "whatever their order" in texts(at)


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


# ---- issue 9, item 11: what the Data page says must be true ------------------------------------


def ess_csv(happy=("not too happy", "pretty happy", "very happy")) -> bytes:
    """An English survey file as the ESS or GSS has them: state, agea, happy, stflife, ..."""
    lines = ["state,year,agea,gndr,happy,stflife,hinctnta,pspwght"]
    for s_i, state_name in enumerate(("Bavaria", "Hesse", "Saxony")):
        for i in range(40):
            lines.append(
                f"{state_name},{2020 + i % 2},{18 + (i * 7 + s_i) % 70},{('male', 'female')[i % 2]},"
                f"{happy[i % len(happy)]},{(i + s_i) % 11},{1 + i % 10},{0.5 + (i % 5) / 4}"
            )
    return ("\n".join(lines) + "\n").encode()


def dataframe_shown(df_element):
    """The table as the browser shows it: the Styler's display values (or the values)."""
    import pyarrow as pa

    arrow = df_element.proto.arrow_data
    if arrow.HasField("styler") and arrow.styler.display_values:
        return pa.ipc.open_stream(arrow.styler.display_values).read_all().to_pandas()
    return df_element.value.astype(str)


@pytest.mark.parametrize(("lang", "shown"), [("nl", "25,8"), ("en", "25.8")])
def test_preview_numbers_use_the_pages_decimal_mark_and_stay_numbers(lang, shown):
    at = make_app(lang)
    preview = at.dataframe[0]
    assert preview.value["woonquote"].iloc[0] == pytest.approx(25.8)  # still a number
    table = dataframe_shown(preview)
    assert table["woonquote"].iloc[0] == shown
    assert table["jaar"].iloc[0] == "2014"  # years are not 2.014


def test_dutch_upload_widget_is_explained_in_dutch():
    at = make_app("nl")
    uploader = at.get("file_uploader")[0]
    assert uploader.proto.label.startswith("Upload een of meer bestanden")
    notes = [c.value for c in at.caption if "**Upload**" in c.value]
    assert notes and notes[0].startswith("Klik in het vak hierboven op **Upload**")
    assert "maximaal 200 MB per bestand" in notes[0]  # the box says "200MB per file"
    assert not [c.value for c in make_app("en").caption if "**Upload**" in c.value]


def test_english_survey_file_state_region_age_bands_and_group_picker():
    at = make_app("en", demo="pilot")
    upload(
        at,
        "ess.csv",
        ess_csv(
            happy=("very unhappy", "unhappy", "happy", "very happy", "neither happy nor unhappy")
        ),
    )
    assert selectbox(at, "Region (required)").value == "state"
    assert selectbox(at, "Weight").value == "pspwght"
    groups = at.multiselect[0]
    assert groups.value == ["gndr"]  # agea (ages in years) is not suggested as a group
    assert "year" not in groups.options and "pspwght" not in groups.options
    assert "stflife" not in groups.options and "state" not in groups.options
    assert "agea" in groups.options
    groups.set_value(["gndr", "agea"])
    next(b for b in at.button if b.label == "Save columns").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "Column 'agea' holds ages in years; as a group it is split into age bands: 15-24, " in (
        texts(at)
    )


@pytest.mark.parametrize(
    ("lang", "levels", "other"),
    [
        ("en", "very unhappy, unhappy, neither happy nor unhappy, happy, very happy", "zeer"),
        (
            "nl",
            "zeer ongelukkig, ongelukkig, niet gelukkig/niet ongelukkig, gelukkig",
            "very unhappy",
        ),
    ],
)
def test_three_english_answers_are_an_own_variable_and_a_forced_tie_is_explained(
    lang, levels, other
):
    # issue 8: 3 English answers against the catalogue's 5 Dutch ones were refused (a dead
    # end the app itself suggested); now the column is a variable of its own, in its order
    from indicators.registry.catalog import load_registry

    at = make_app(lang, demo="pilot")
    upload(at, "gss.csv", ess_csv())
    assert not at.error, [e.value for e in at.error]
    own = next(w for w in at.multiselect if str(w.key).endswith(":own"))
    assert "happy" in own.value
    rows = [m.value for m in at.markdown if m.value.startswith("**1.**")]
    assert "**1.** not too happy" in rows  # its own answers, low to high, no catalogue level
    # tying it to the catalogue's Happiness by hand is explained, in the page's language
    happiness = load_registry().variable_by_id["happiness"].label(lang)
    own.set_value([])
    selectbox(at, happiness).set_value("happy")
    save = "Save columns" if lang == "en" else "Kolommen opslaan"
    next(b for b in at.button if b.label == save).click().run()
    warnings = [w.value for w in at.warning]
    assert any(levels in w for w in warnings), warnings
    assert not any(other in w for w in warnings)


def test_results_download_has_the_fixed_schema_with_breakdowns_by_group():
    # issue 8: one results table for everything; the groups chosen are computed, not ignored
    import io

    import pandas as pd
    from test_region_names_pages import _download

    from indicators.results import RESULT_COLUMNS

    at = make_app("en")
    table = pd.read_csv(io.StringIO(_download(at, "Download CSV")))
    for column in RESULT_COLUMNS:
        assert column in table.columns, column
    groups = table[table["breakdown"].notna()]
    assert set(groups["breakdown"]) == set(
        at.multiselect(
            key=next(w.key for w in at.multiselect if str(w.key).endswith(":groups"))
        ).value
    )
    assert len(groups) and groups["group"].notna().all()
    whole = table[table["breakdown"].isna()]
    assert not whole.duplicated(["region", "year", "indicator", "part"]).any()


def test_survey_design_is_chosen_on_the_form_and_said_in_the_check():
    eusilc = ROOT.parent / "shared" / "data" / "eusilc.csv"
    if not eusilc.exists():
        pytest.skip(f"reference data not found: {eusilc}")
    at = make_app("en")
    upload(at, "eusilc.csv", eusilc.read_bytes())
    assert "assume every row is a draw of its own" in texts(at)
    selectbox(at, "Strata").set_value("db040")
    selectbox(at, "Clusters (primary sampling units)").set_value("rb030")
    next(b for b in at.button if b.label == "Save columns").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert (
        "Intervals (95%) follow the survey design: strata from column 'db040' and clusters "
        "from column 'rb030'." in texts(at)
    )
    assert selectbox(at, "Strata").value == "db040"


def test_spellings_of_one_region_are_merged_on_request_and_the_file_stays():
    lines = ["gemeente;jaar;inkomen"]
    for name, n in (("Den Haag", 12), ("den haag", 3), ("Utrecht", 12)):
        lines += [f"{name};2024;{30000 + i * 100}" for i in range(n)]
    data = ("\n".join(lines) + "\n").encode()
    at = make_app("en")
    upload(at, "haag.csv", data)
    assert "Names that may be one region" in texts(at)
    assert "'Den Haag' / 'den haag' (rows: 12, 3)" in texts(at)
    merge = next(b for b in at.button if b.label == "Count as one: Den Haag")
    merge.click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    shown = texts(at)
    assert "Merged as you chose: 'den haag' counts as 'Den Haag'." in shown
    assert "Regions: Den Haag, Utrecht." in shown  # one region now, the file unchanged
    next(b for b in at.button if b.label == "Undo the merging").click().run()
    assert "Regions: Den Haag, Utrecht, den haag." in texts(at)


def test_dutch_merge_texts():
    lines = ["gemeente;jaar;inkomen"] + [
        f"{name};2024;{i}" for name in ("Den Haag", "den haag", "Utrecht") for i in range(3)
    ]
    at = make_app("nl")
    upload(at, "haag.csv", ("\n".join(lines) + "\n").encode())
    assert "Namen die één regio kunnen zijn" in texts(at)
    assert any(b.label == "Tel als één: Den Haag" for b in at.button)


@pytest.mark.parametrize(
    ("lang", "note", "other"),
    [
        ("nl", "- 2 lege regels boven de kopregel overgeslagen (rij 3).", "Skipped"),
        ("en", "- Skipped 2 blank line(s) above the header (row 3).", "lege regels"),
    ],
)
def test_read_notes_are_shown_in_the_pages_language(lang, note, other):
    at = make_app(lang, demo="pilot")
    upload(at, "leeg_boven.csv", b"\n\n" + dutch_csv(rows_per_cell=12))
    assert not at.error
    shown = texts(at)
    assert note in shown.splitlines()
    assert other not in shown
    assert "(nog) in het Engels" not in shown  # the notes are in Dutch now: no caption says so


def test_read_notes_of_a_corpus_file_quote_the_file_as_written_in_dutch():
    data = (ROOT / "tests/data/hostile/totals_rows.csv").read_bytes()
    at = make_app("nl", demo="pilot")
    upload(at, "totals_rows.csv", data)
    shown = texts(at)
    assert "2 totaalrijen in kolom 'gemeente' weggelaten (rijen 4, 5: 'Totaal', 'Nederland')" in (
        shown
    )
    assert "Left out" not in shown
