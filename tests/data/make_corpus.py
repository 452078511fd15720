"""Write the test corpus of good and bad input files (run from anywhere; deterministic).

Text files are written byte by byte so that encodings, BOMs, quoting and line endings are
exactly what the tests expect; binary files (xlsx, parquet) are made with openpyxl/pyarrow.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq

HERE = Path(__file__).parent
BAD = HERE / "bad"


def write(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> None:
    path.write_bytes(text.replace("\n", newline).encode(encoding))


def good() -> None:
    # CBS StatLine download: every cell quoted, padded numbers and region codes, "." missing
    write(
        HERE / "statline_regionaal.csv",
        '"ID";"RegioS";"Perioden";"Bevolking_1";"GemiddeldInkomen_2";"Werkloosheid_3"\n'
        '"0";"GM0363    ";"2019JJ00";"    862965";"      29.3";"       ."\n'
        '"1";"GM0363    ";"2020JJ00";"    872757";"      30.1";"      4.9"\n'
        '"2";"GM0344    ";"2019JJ00";"    357179";"      31.0";"      3.2"\n'
        '"3";"GM0344    ";"2020JJ00";"    359355";"         x";"      3.8"\n'
        '"4";"PV27      ";"2019JJ00";"   2879527";"      30.2";"      3.5"\n',
        newline="\r\n",
    )
    write(
        HERE / "statline_kwartaal.csv",
        '"ID";"RegioS";"Perioden";"Werkloosheid_1"\n'
        '"0";"NL01      ";"2019KW01";"      3.6"\n'
        '"1";"NL01      ";"2019KW02";"      3.4"\n'
        '"2";"NL01      ";"2019MM12";"      3.2"\n',
        newline="\r\n",
    )
    # Dutch Excel "CSV (gescheiden door lijstscheidingsteken)": Windows-1252, ";" and 1.234,56
    write(
        HERE / "gemeenten_excel_nl.csv",
        "Gemeente ; Inkomen ; Tevredenheid;Inwoners;Code\n"
        "Súdwest-Fryslân;29.328,83;7,6;90.960;0314\n"
        "Sittard-Geleen;27.104,50;7,3;91.855;1883\n"
        "Dantumadiel;26.890,00;7,8;18.957;1891\n"
        "Leeuwarden;28.001,10;x;125.592;0080\n",
        encoding="cp1252",
        newline="\r\n",
    )
    write(
        HERE / "utf8_bom.csv",
        "\ufeffregio,jaar,inkomen,tevredenheid\n"
        'Súdwest-Fryslân,2021,"29,328.83",7.6\n'
        "Sittard-Geleen,2021,27104.5,7.3\n"
        "Dantumadiel,2021,26890,7.8\n",
    )
    write(
        HERE / "tabs.tsv",
        "regio\tjaar\tleeftijd\tlevenstevredenheid\n"
        "Amsterdam\t2022\t34\t7\n"
        "Amsterdam\t2022\t61\t8\n"
        " Utrecht \t2022\t45\t-\n"
        "Utrecht\t2022\t29\t9\n",
    )
    write(
        HERE / "long_format.csv",
        "regio;jaar;onderwerp;eenheid;waarde\n"
        "GM0363;2020;Levenstevredenheid;rapportcijfer;7,6\n"
        "GM0363;2020;Mediaan inkomen;euro;31.200\n"
        "GM0344;2020;Levenstevredenheid;rapportcijfer;7,8\n"
        "GM0344;2020;Mediaan inkomen;euro;33.100\n"
        "GM0363;2021;Levenstevredenheid;rapportcijfer;7,5\n"
        "GM0363;2021;Mediaan inkomen;euro;32.000\n",
    )
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Toelichting"
    ws.append(["Bron: eigen enquête 2022"])
    ws.append(["Zie tabblad Data"])
    ws2 = wb.create_sheet("Data")
    ws2.append(["Regio", "Jaar", "Inkomen", "Score", "Opmerking"])
    ws2.append(["Súdwest-Fryslân ", 2022, 29328.83, "7,5", "ok"])
    ws2.append(["Sittard-Geleen", 2022, 27104.5, "n.v.t.", None])
    ws2.append(["Dantumadiel", 2022, 26890, 8, "ok"])
    wb.save(HERE / "two_sheets.xlsx")
    table = pa.table(
        {
            "regio": pa.array(["PV20", "PV21", "PV22"]),
            "jaar": pa.array([2022, 2022, 2022], pa.int64()),
            "tevredenheid": pa.array([7.7, 7.8, None], pa.float64()),
        }
    )
    pq.write_table(table, HERE / "provincies.parquet")


def bad() -> None:
    BAD.mkdir(exist_ok=True)
    write(BAD / "empty.csv", "")
    write(BAD / "blank_lines.csv", "\n  \n\n")
    write(BAD / "header_only.csv", "regio;jaar;waarde\n")
    write(BAD / "duplicate_columns.csv", "regio;waarde;jaar;waarde\nA;1;2020;2\n")
    write(
        BAD / "too_many_fields.csv",
        "regio,jaar,waarde\nA,2020,1\nB,2020,2,5\nC,2020,3\nD,2020,4,5\n",
    )
    (BAD / "report.csv").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    (BAD / "chart.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32))
    # 0x81 and 0x8d are undefined in Windows-1252 and invalid in UTF-8
    (BAD / "undecodable.csv").write_bytes(b"regio;waarde\nA;1\nB\x81\x8d;2\n")
    (BAD / "old_excel.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    (BAD / "not_a_workbook.xlsx").write_bytes(b"PK\x03\x04" + bytes(64))
    write(BAD / "statline_page.csv", "<!DOCTYPE html>\n<html><body>StatLine</body></html>\n")


if __name__ == "__main__":
    good()
    bad()
