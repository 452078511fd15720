"""AppTest of the Data page's upload of the files users have (issue 14): several files at
once are combined and what did not match is shown; a wide table's read note says which
columns were taken as years; a link made on a combination asks for all its files."""

from __future__ import annotations

from pathlib import Path

from apptest_helpers import new_app
from streamlit.testing.v1 import AppTest

from indicators.io.combine import combined_digest, combined_name

ROOT = Path(__file__).resolve().parents[2]
PAGE = "indicators/ui/data.py"
GEMEENTEN = ROOT / "tests" / "browser" / "data" / "gemeenten.csv"  # 8 municipalities, 3 years
WIDE = ROOT / "tests" / "data" / "wide"

JOBLESS = b"regio;jaar;werkloosheid (%)\nUtrecht;2022;3,4\nZwolle;2022;3,0\nEde;2022;2,9\n"
INCOME = b"regio;jaar;inkomen (euro)\nUtrecht;2022;41800\nZwolle;2022;38000\n"


def clean(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]


def data_page(lang="en", query=None) -> AppTest:
    at = new_app(lang, query=query)
    at.switch_page(PAGE).run()
    clean(at)
    return at


def alerts(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("warning", "success", "info") for e in at.get(kind))


def notes(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_two_files_uploaded_at_once_are_combined_with_the_mismatch_shown():
    at = data_page("en")
    uploader = at.file_uploader(key="data_uploader")
    assert uploader.accept_multiple_files
    uploader.set_value(
        [("werkloosheid.csv", JOBLESS, "text/csv"), ("inkomen.csv", INCOME, "text/csv")]
    ).run()
    clean(at)
    said = alerts(at)
    assert "2 files combined into one table." in said and "What did not match" in said
    assert "'inkomen.csv' lacks 1 region(s) that other files have (column 'regio'): 'Ede'." in (
        said
    )
    assert "Combined 2 files into one table on 'regio', 'jaar': 3 rows." in said
    assert at.session_state["upload"]["name"] == "inkomen.csv + werkloosheid.csv"
    # the combined table is what the rest of the app uses: its check and results
    assert at.radio(key="data_source_choice").value == "upload"
    assert any("inkomen.csv + werkloosheid.csv" in c.value for c in at.sidebar.caption)


def test_per_year_person_files_combined_in_dutch_and_pages_work():
    lines = GEMEENTEN.read_text(encoding="utf-8").splitlines()
    head, rows = lines[0], lines[1:]
    files = []
    for year in ("2021", "2022", "2023"):
        body = [r for r in rows if r.split(";")[1] == year]
        files.append((f"enquete_{year}.csv", ("\n".join([head, *body]) + "\n").encode()))
    at = data_page("nl")
    at.file_uploader(key="data_uploader").set_value(
        [(n, d, "text/csv") for n, d in files[::-1]]
    ).run()
    clean(at)
    said = alerts(at)
    assert "3 bestanden gecombineerd tot één tabel." in said
    assert "onder elkaar gezet" in said and "720 rijen" in said
    at.switch_page("indicators/ui/regions.py").run()
    clean(at)
    assert at.get("plotly_chart")  # a page of the app runs on the combined table
    assert "Amsterdam" in at.selectbox(key="region").options


def test_a_wide_upload_says_which_columns_were_taken_as_years():
    at = data_page("nl")
    data = (WIDE / "statline_wide.csv").read_bytes()
    at.file_uploader(key="data_uploader").set_value([("statline_wide.csv", data, "text/csv")]).run()
    clean(at)
    # the table was turned round: said in full view, not only in the collapsed read notes
    shown = " ".join(i.value for i in at.info).replace("\\", "")
    assert "De tabel had één kolom per jaar: 4 kolommen ('2020', '2021', '2022', '2023*')" in shown
    assert "'Werkloze beroepsbevolking (%)'" in shown and "'Regio's'" in shown


def test_files_that_cannot_be_combined_give_a_message_and_keep_the_data_in_use():
    at = data_page("en")
    codes = b"regio,x\nGM0363,1\nGM0344,2\n"
    names = b"regio,y\nAmsterdam,1\nUtrecht,2\n"
    at.file_uploader(key="data_uploader").set_value(
        [("codes.csv", codes, "text/csv"), ("namen.csv", names, "text/csv")]
    ).run()
    assert not at.exception
    said = " ".join(e.value for e in at.error)
    assert "codes.csv + namen.csv cannot be used." in said
    assert "have no region in common in column 'regio'" in said
    assert "upload" not in at.session_state or not at.session_state["upload"]


def test_a_link_made_on_a_combination_asks_for_all_its_files():
    files = (("inkomen.csv", INCOME), ("werkloosheid.csv", JOBLESS))
    query = {
        "data": f"file:{combined_digest(files)[:12]}",
        "file": combined_name([n for n, _ in files]),
        "region": "Zwolle",
    }
    at = new_app("en", query=query)
    at.switch_page("indicators/ui/regions.py").run()
    clean(at)
    assert "combination of files: upload all of them at once" in " ".join(
        c.value for c in at.caption
    )
    at.get("file_uploader")[0].set_value([(n, d, "text/csv") for n, d in files]).run()
    clean(at)
    assert not any("not the file" in w.value for w in at.warning)
    assert at.selectbox(key="region").value == "Zwolle"
