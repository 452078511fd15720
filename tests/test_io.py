"""Loading what policy staff have: a corpus of good files and one of bad files."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from indicators.errors import DataError
from indicators.io.load import detect_long, load_table, pivot_long

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"


def is_text(s: pd.Series) -> bool:
    return pd.api.types.is_string_dtype(s) and not pd.api.types.is_object_dtype(s)


def test_statline_regional_export():
    df = load_table(DATA / "statline_regionaal.csv")
    assert list(df.columns) == [
        "ID", "RegioS", "Perioden", "Bevolking_1", "GemiddeldInkomen_2", "Werkloosheid_3"
    ]  # fmt: skip
    assert df["RegioS"].tolist() == ["GM0363", "GM0363", "GM0344", "GM0344", "PV27"]
    assert is_text(df["RegioS"])
    assert df["Perioden"].dtype == "int64"
    assert df["Perioden"].tolist() == [2019, 2020, 2019, 2020, 2019]
    assert df["Bevolking_1"].dtype == "int64"
    assert df["Bevolking_1"].tolist() == [862965, 872757, 357179, 359355, 2879527]
    assert df["GemiddeldInkomen_2"].iloc[0] == 29.3
    assert np.isnan(df["GemiddeldInkomen_2"].iloc[3])  # "x": secret
    assert np.isnan(df["Werkloosheid_3"].iloc[0])  # ".": unknown
    assert df["Werkloosheid_3"].iloc[1] == 4.9
    assert df.attrs["source_name"] == "statline_regionaal.csv"
    assert df.attrs["load_info"]["separator"] == "semicolon"


def test_statline_quarters_and_months_stay_sortable_strings():
    df = load_table(DATA / "statline_kwartaal.csv")
    assert df["Perioden"].tolist() == ["2019-Q1", "2019-Q2", "2019-12"]
    assert is_text(df["Perioden"])
    assert df["RegioS"].tolist() == ["NL01"] * 3


def test_dutch_excel_csv_windows_1252_decimal_comma():
    df = load_table(DATA / "gemeenten_excel_nl.csv")
    assert list(df.columns) == ["Gemeente", "Inkomen", "Tevredenheid", "Inwoners", "Code"]
    assert df["Gemeente"].tolist() == [
        "Súdwest-Fryslân", "Sittard-Geleen", "Dantumadiel", "Leeuwarden"
    ]  # fmt: skip
    assert df["Inkomen"].tolist() == [29328.83, 27104.5, 26890.0, 28001.1]
    assert df["Tevredenheid"].iloc[:3].tolist() == [7.6, 7.3, 7.8]
    assert np.isnan(df["Tevredenheid"].iloc[3])
    assert df["Inwoners"].dtype == "int64"
    assert df["Inwoners"].tolist() == [90960, 91855, 18957, 125592]  # 90.960 is 90960
    assert df["Code"].tolist() == ["0314", "1883", "1891", "0080"]  # leading zeros kept
    assert is_text(df["Code"])
    info = df.attrs["load_info"]
    assert (info["encoding"], info["decimal"]) == ("Windows-1252", ",")
    assert any("Inwoners" in note for note in df.attrs["load_notes"])


def test_utf8_bom_comma_separated():
    df = load_table(DATA / "utf8_bom.csv")
    assert list(df.columns) == ["regio", "jaar", "inkomen", "tevredenheid"]
    assert df["regio"].iloc[0] == "Súdwest-Fryslân"
    assert df["inkomen"].tolist() == [29328.83, 27104.5, 26890.0]
    assert df["jaar"].dtype == "int64"


def test_tab_separated_with_marker_and_padding():
    df = load_table(DATA / "tabs.tsv")
    assert df["regio"].tolist() == ["Amsterdam", "Amsterdam", "Utrecht", "Utrecht"]
    assert df["leeftijd"].tolist() == [34, 61, 45, 29]
    assert df["levenstevredenheid"].iloc[[0, 1, 3]].tolist() == [7.0, 8.0, 9.0]
    assert np.isnan(df["levenstevredenheid"].iloc[2])


def test_xlsx_named_sheet_and_first_sheet():
    df = load_table(DATA / "two_sheets.xlsx", sheet="Data")
    assert list(df.columns) == ["Regio", "Jaar", "Inkomen", "Score", "Opmerking"]
    assert df["Regio"].tolist() == ["Súdwest-Fryslân", "Sittard-Geleen", "Dantumadiel"]
    assert df["Inkomen"].tolist() == [29328.83, 27104.5, 26890.0]
    assert df["Jaar"].dtype == "int64"
    assert is_text(df["Score"])  # "n.v.t." is text: validate.numeric_column reports it
    first = load_table(DATA / "two_sheets.xlsx")
    assert list(first.columns) == ["Bron: eigen enquête 2022"]


def test_xlsx_unknown_sheet_lists_sheets():
    with pytest.raises(DataError, match="Toelichting.*Data"):
        load_table(DATA / "two_sheets.xlsx", sheet="Blad1")


def test_parquet():
    df = load_table(DATA / "provincies.parquet")
    assert df["regio"].tolist() == ["PV20", "PV21", "PV22"]
    assert df["jaar"].tolist() == [2022] * 3
    assert df["tevredenheid"].iloc[:2].tolist() == [7.7, 7.8]


def test_long_format_is_pivoted_and_reported():
    df = load_table(DATA / "long_format.csv")
    roles = {
        "region": "regio",
        "year": "jaar",
        "indicator": "onderwerp",
        "value": "waarde",
        "unit": "eenheid",
    }
    assert df.attrs["pivoted_from_long"] == roles
    # the unit column's unit goes after each indicator's name, where the dashboard reads it
    assert list(df.columns) == [
        "regio",
        "jaar",
        "Levenstevredenheid (rapportcijfer)",
        "Mediaan inkomen (euro)",
    ]
    row = df[(df["regio"] == "GM0363") & (df["jaar"] == 2020)].iloc[0]
    assert row["Levenstevredenheid (rapportcijfer)"] == 7.6
    assert row["Mediaan inkomen (euro)"] == 31200.0
    raw = load_table(DATA / "long_format.csv", long=False)
    assert detect_long(raw) == roles
    assert "pivoted_from_long" not in raw.attrs


def test_long_true_on_wide_table_errors():
    with pytest.raises(DataError, match="long table"):
        load_table(DATA / "tabs.tsv", long=True)


def test_pivot_duplicates_name_rows():
    long = pd.DataFrame(
        {"regio": ["A", "A", "A"], "indicator": ["x", "x", "y"], "value": [1.0, 2.0, 3.0]}
    )
    with pytest.raises(DataError, match=r"regio 'A', indicator 'x' in rows 2, 3"):
        pivot_long(long, region="regio", indicator="indicator", value="value", name="f.csv")


def test_file_like_upload_with_name():
    data = (DATA / "gemeenten_excel_nl.csv").read_bytes()
    upload = io.BytesIO(data)
    upload.name = "upload.csv"
    df = load_table(upload)
    assert df.attrs["source_name"] == "upload.csv"
    assert df["Inkomen"].iloc[0] == 29328.83
    xlsx = io.BytesIO((DATA / "two_sheets.xlsx").read_bytes())
    xlsx.name = "renamed.csv"  # format comes from the content, not the name
    assert load_table(xlsx, sheet="Data")["Jaar"].tolist() == [2022] * 3


def test_name_overrides_display_name():
    with pytest.raises(DataError, match="'mijn bestand.csv'"):
        load_table(io.BytesIO(b""), name="mijn bestand.csv")


@pytest.mark.parametrize(
    "path", sorted(p for p in DATA.glob("*") if p.is_file() and p.suffix != ".py")
)
def test_loading_never_changes_the_file(path):
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    load_table(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_sniffing_beyond_the_sample_falls_back_to_text():
    # the first 64 KB look like plain numbers; a later row has a thousands separator
    lines = ["regio;waarde"] + [f"R{i};{i},5" for i in range(8000)] + ["Z;1.234,5"]
    df = load_table(io.BytesIO("\n".join(lines).encode()), name="big.csv")
    assert df["waarde"].iloc[-1] == 1234.5
    assert df["waarde"].iloc[1] == 1.5


def test_title_lines_above_header_are_skipped():
    data = b'"Regionale kerncijfers"\n\n"regio";"waarde"\n"A";"1"\n"B";"2"\n'
    df = load_table(io.BytesIO(data), name="t.csv")
    assert list(df.columns) == ["regio", "waarde"]
    assert df.attrs["header_row"] == 3


def test_too_large():
    with pytest.raises(DataError, match="more than the"):
        load_table(DATA / "tabs.tsv", max_bytes=10)


BAD_CASES = [
    # file, expected fragments of the message
    ("empty.csv", ["'empty.csv'", "is empty"]),
    ("blank_lines.csv", ["'blank_lines.csv'", "is empty"]),
    ("header_only.csv", ["'header_only.csv'", "no data rows", "'regio'"]),
    ("duplicate_columns.csv", ["'duplicate_columns.csv'", "'waarde'", "columns B, D", "own name"]),
    ("too_many_fields.csv", ["'too_many_fields.csv'", "line 3 has 4", "line 5 has 4", "quotes"]),
    ("report.csv", ["'report.csv'", "PDF", "not a table"]),
    ("chart.csv", ["'chart.csv'", "PNG image", "not a table"]),
    ("undecodable.csv", ["'undecodable.csv'", "line 3", "CSV UTF-8"]),
    ("old_excel.xls", ["'old_excel.xls'", "old-style Excel", "save it as .xlsx"]),
    ("not_a_workbook.xlsx", ["'not_a_workbook.xlsx'", "not an Excel workbook"]),
    ("statline_page.csv", ["'statline_page.csv'", "web page", "CSV"]),
]


@pytest.mark.parametrize(("file", "fragments"), BAD_CASES, ids=[c[0] for c in BAD_CASES])
def test_bad_files_give_actionable_messages(file, fragments):
    path = BAD / file
    before = path.read_bytes()
    with pytest.raises(DataError) as info:
        load_table(path)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message
    for jargon in ("dtype", "parse", "Traceback", "utf8", "Arrow"):
        assert jargon not in message
    assert path.read_bytes() == before


def test_every_bad_file_has_a_case():
    assert {p.name for p in BAD.iterdir()} == {c[0] for c in BAD_CASES}
