"""Write the corpus of messy and hostile files in tests/data/hostile/ (deterministic).

Each file is something a user could produce or an attacker could send; tests/test_robustness.py
checks the exact outcome of every one. Text files are written byte by byte; workbooks with
openpyxl (and edited as zip files where a real program would write what openpyxl does not);
Parquet with pyarrow. Run: python tests/data/make_hostile.py
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq

OUT = Path(__file__).parent / "hostile"


def text(name: str, content: str, encoding: str = "utf-8", newline: str = "\n") -> None:
    (OUT / name).write_bytes(content.replace("\n", newline).encode(encoding))


def raw(name: str, content: bytes) -> None:
    (OUT / name).write_bytes(content)


def book(name: str, sheets: dict[str, list[list]], edit=None) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if edit:
            edit(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    raw(name, buffer.getvalue())


def rezip(name: str, change) -> None:
    """Rewrite parts of workbook ``name`` with ``change(part name, bytes) -> bytes``."""
    data = (OUT / name).read_bytes()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w") as w:
        for item in z.infolist():
            w.writestr(item, change(item.filename, z.read(item.filename)))
    raw(name, out.getvalue())


def main() -> None:
    OUT.mkdir(exist_ok=True)
    # --- lines around the table
    text("blank_above_header.csv", "\nregio;inkomen\nA;10\nB;20\n")
    text("title_above_header.csv", "Tabel 3: inkomen per gemeente\n\nregio;inkomen\nA;10\nB;20\n")
    text(
        "statline_download.csv",
        '"Regionale kerncijfers Nederland"\n""\n'
        '"Regio\'s";"Perioden";"Bevolking (aantal)";"Inkomen (x 1 000 euro)"\n'
        '"Nederland";"2023";"17811291";"36,1"\n'
        '"Groningen (PV)";"2023";"596075";"31,2"\n'
        '"Amsterdam";"2023";"918117";"35,9"\n'
        '"Bron: CBS"\n',
        newline="\r\n",
    )
    text("footnotes_padded.csv", "regio;inkomen;n\nA;10;5\nB;20;6\nBron: CBS;;\n* voorlopig;;\n")
    text("empty_lines_between.csv", "regio;inkomen\nA;10\n\n\nB;20\n")
    text("excel_sep_line.csv", "sep=;\nregio;inkomen\nA;10,5\nB;20\n")
    # --- totals
    text("totals_rows.csv", "gemeente;inkomen\nUtrecht;30\nZeist;32\nTotaal;31\nNederland;29\n")
    text("region_named_total.csv", "regio,inkomen\nNorth,30\nSouth,32\nTotal,31\n")
    # --- numbers
    text("huge_values.csv", "regio;inkomen\nA;1e308\nB;1e308\nC;1\n")
    text("inf_values.csv", "regio;inkomen\nA;inf\nB;20\nC;30\n")
    text("r_inf.csv", '"regio","x"\n"A",Inf\n"B",2.5\n"C",-Inf\n"D",NA\n')
    text("all_missing.csv", "regio;inkomen;leeftijd\nA;;30\nB;.;40\nC;;50\n")
    text("mixed_decimals.csv", "regio;inkomen\nA;1,5\nB;2.5\nC;3,25\nD;4\n")
    text("percentages.csv", "regio;werkloosheid\nA;20,0%\nB;3,5%\nC;.\n")
    text("thousands_nl.csv", "regio;inwoners;inkomen\nA;1.234.567;29.328,83\nB;90.960;27.104,50\n")
    text("unicode_minus.csv", "regio;saldo\nA;\u22123,5\nB;2,0\n")
    text("leading_zero_codes.csv", "code;inkomen\n0014;10\n0034;20\n")
    # --- names
    text("zero_width.csv", "regio;inkomen\nAmster\u200bdam;10\nAmsterdam;20\nUtrecht\ufeff;30\n")
    text("rtl_override.csv", "regio;inkomen\n\u202emadretsmA;10\nUtrecht;20\nZeist;5\n")
    text("look_alike.csv", "regio;inkomen\nAmsterdam;10\n\u0410msterdam;20\nUtrecht;30\n")
    text("near_duplicates.csv", "regio;inkomen\nDen Haag;10\nden haag;11\nDen-Haag;12\nZeist;5\n")
    text(
        "formula_names.csv",
        'regio;inkomen\n"=HYPERLINK(""http://evil.example"",""Klik"")";10\n@SUM(A1);20\n'
        "+31 6 1234;30\n",
    )
    text(
        "markup_names.csv",
        "regio;inkomen\n![x](http://127.0.0.1:9/p.png);10\n[Klik](http://x);20\n"
        "<img src=x onerror=alert(1)>;30\n$x$;40\n",
    )
    # --- encodings and line ends
    text(
        "windows_1252.csv",
        "gemeente;inkomen\nSúdwest-Fryslân;10\nGoeree-Overflakkee;20\n",
        encoding="cp1252",
    )
    text("utf16_no_bom.csv", "regio;inkomen\nFryslân;10\nZeist;20\n", encoding="utf-16-le")
    raw(
        "utf16_excel_unicode.txt", "regio\tinkomen\r\nFryslân\t10\r\nZeist\t20\r\n".encode("utf-16")
    )
    text("mac_cr.csv", "regio;inkomen\nA;10\nB;20\n", newline="\r")
    raw("mixed_encoding.csv", "regio;inkomen\nFryslân;10\n".encode() + b"Z\xe9ist;20\n")
    raw("nul_bytes.csv", b"regio;inkomen\nA;1\x00\x00\x00\nB;2\n")
    raw("gzipped.csv", gzip.compress(b"regio;inkomen\nA;1\n", mtime=0))
    text("json_named_csv.csv", '[{"regio": "A", "inkomen": 10}]\n')
    # --- quoting and separators
    text("stray_quote.csv", 'regio;inkomen\nA;10\nB;20\n"C;30\nD;40\n')
    text("quoted_newline.csv", 'regio;inkomen\n"Noord-\nHolland";10\nZeist;20\n')
    text("quoted_separator.csv", 'regio;inkomen\n"Bergen (L.); Limburg";10\nZeist;20\n')
    text("r_write_table.txt", '"regio" "inkomen"\n"1" "A" 10\n"2" "B" 20\n')
    text("trailing_separators.csv", "regio;inkomen;;\nA;10;;\nB;20;;\n")
    text("duplicate_header.csv", "regio;inkomen;inkomen\nA;10;11\n")
    # --- Excel
    book("several_sheets.xlsx", {
        "Toelichting": [["Deze werkmap bevat het inkomen per gemeente."]],
        "Data": [["regio", "inkomen"], ["A", 10], ["B", 20]],
    })  # fmt: skip
    book(
        "formulas_no_values.xlsx",
        {"Blad1": [["regio", "inkomen", "dubbel"], ["A", 10, "=B2*2"], ["B", 20, "=B3*2"]]},
    )

    def merge(ws):
        ws.merge_cells("B1:C1")

    book("merged_header.xlsx",
         {"Blad1": [["regio", "inkomen", None], [None, "2022", "2023"], ["A", 10, 11],
                    ["B", 20, 21]]}, merge)  # fmt: skip
    import datetime as dt

    book("dates.xlsx", {"Blad1": [["regio", "peildatum", "inkomen"],
                                  ["A", dt.datetime(2023, 1, 1), 10],
                                  ["B", dt.datetime(2024, 1, 1), 20]]})  # fmt: skip

    def far(ws):
        ws["XFD1048576"] = 1

    book("stray_far_cell.xlsx", {"Gegevens": [["regio", "inkomen"], ["A", 10]]}, far)
    book("lying_dimension.xlsx", {"Blad1": [["regio", "inkomen"], ["A", 10]]})
    rezip(
        "lying_dimension.xlsx",
        lambda n, b: (
            re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:ZZ999999"', b)
            if n == "xl/worksheets/sheet1.xml"
            else b
        ),
    )
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (100 * 1024**2))
    raw("zip_bomb.xlsx", bomb.getvalue())
    book("damaged_part.xlsx", {"Blad1": [["regio", "inkomen"], ["A", 10]]})
    rezip(
        "damaged_part.xlsx", lambda n, b: b[: len(b) // 2] if n == "xl/worksheets/sheet1.xml" else b
    )
    raw("word_document.xlsx", zipfile_with({"word/document.xml": b"<w:document/>"}))
    # --- Parquet
    table = pa.table({
        "regio": ["A", "B"],
        "inkomen": [10.0, 20.0],
        "details": [[1, 2], [3]],
        "adres": [{"straat": "x", "nr": 1}, {"straat": "y", "nr": 2}],
    })  # fmt: skip
    pq.write_table(table, OUT / "nested.parquet")
    raw("truncated.parquet", (OUT / "nested.parquet").read_bytes()[:200])
    # --- Eurostat TSV as downloaded (flags after values, ':' missing)
    text(
        "eurostat.tsv",
        "freq,unit,geo\\TIME_PERIOD\t2021 \t2022 \nA,EUR,NL\t31220 \t33090 p\n"
        "A,EUR,BE\t29800 \t: \nA,EUR,DE\t30770 b\t32200 \n",
    )


def zipfile_with(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)
    return out.getvalue()


if __name__ == "__main__":
    main()
