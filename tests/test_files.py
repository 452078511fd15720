"""Files users have, read as they are (issue 14): wide tables with one column per year, long
tables with a unit column, and uploads of several files combined with a report."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from indicators.dataset.mapping import suggest_mapping
from indicators.dataset.own_variables import extend_registry
from indicators.dataset.prepare import prepare
from indicators.errors import DataError
from indicators.io.combine import (
    MAX_FILES,
    combine_files,
    combine_report,
    combine_summary,
    combined_digest,
    combined_name,
)
from indicators.io.load import detect_wide, load_table, read_notes
from indicators.registry.catalog import load_registry
from indicators.results import compute

WIDE = Path(__file__).parent / "data" / "wide"
REG = load_registry()

INCOME = "Gemiddeld gestandaardiseerd inkomen (1 000 euro)"
JOBLESS = "Werkloze beroepsbevolking (%)"


def results_of(df: pd.DataFrame) -> pd.DataFrame:
    mapping = suggest_mapping(df, REG)
    prepared = prepare(df, mapping, REG, source="t")
    table = compute(prepared, REG)
    cols = ["region", "year", "indicator", "value", "n", "status"]
    return table[cols].sort_values(cols[:3]).reset_index(drop=True)


def long_form_of_statline() -> bytes:
    """The StatLine fixture written by hand as a long table (region, year, indicator, unit)."""
    wide = {
        "Werkloze beroepsbevolking": (
            "%",
            {
                "Amsterdam": ["6,1", "5,4", "4,3", "4,4"],
                "Rotterdam": ["7,5", "6,6", "5,2", "5,5"],
                "Utrecht": ["4,8", "4,1", "3,4", "3,3"],
                "Zwolle": ["4,0", "3,5", ".", "3,1"],
            },
        ),
        "Gemiddeld gestandaardiseerd inkomen": (
            "1 000 euro",
            {
                "Amsterdam": ["39,2", "41,0", "42,6", "44,1"],
                "Rotterdam": ["31,0", "32,3", "33,8", "35,2"],
                "Utrecht": ["38,5", "40,1", "41,8", "43,3"],
                "Zwolle": ["35,1", "36,6", "38,0", "39,6"],
            },
        ),
    }
    lines = ["regio;jaar;onderwerp;eenheid;waarde"]
    for name, (unit, rows) in wide.items():
        for region, values in rows.items():
            for year, value in zip((2020, 2021, 2022, 2023), values, strict=True):
                lines.append(f"{region};{year};{name};{unit};{value}")
    return ("\n".join(lines) + "\n").encode()


# ---- wide tables --------------------------------------------------------------------------


def test_statline_wide_export_becomes_region_year_and_one_column_per_indicator():
    df = load_table(WIDE / "statline_wide.csv")
    assert list(df.columns) == ["Regio's", "jaar", JOBLESS, INCOME]
    assert sorted(df["Regio's"].unique()) == ["Amsterdam", "Rotterdam", "Utrecht", "Zwolle"]
    assert df["jaar"].tolist()[:4] == [2020, 2021, 2022, 2023]  # '2023*' is the year 2023
    zwolle = df[df["Regio's"] == "Zwolle"].set_index("jaar")
    assert zwolle.loc[2021, JOBLESS] == 3.5
    assert np.isnan(zwolle.loc[2022, JOBLESS])  # '.' is missing, as everywhere
    assert zwolle.loc[2023, INCOME] == 39.6
    en, nl = read_notes(df, "en"), read_notes(df, "nl")
    assert len(en) == len(nl)
    wide = next(n for n in en if n.startswith("The table had one column per year"))
    assert "4 columns ('2020', '2021', '2022', '2023*') were taken as the years 2020 to 2023" in (
        wide
    )
    assert "region from column 'Regio's'" in wide and "from 'Onderwerp'" in wide
    assert any("'2023*'" in n and "mark after the year" in n for n in en)
    assert any("'Nederland'" in n and "totals row" in n for n in en)  # the totals row is out
    assert any(n.startswith("De tabel had één kolom per jaar: 4 kolommen") for n in nl)
    assert any(n.startswith("1 kolom heeft een teken achter het jaar") for n in nl)
    assert df.attrs["units"] == {JOBLESS: "%", INCOME: "1 000 euro"}


def test_wide_gives_the_same_results_as_its_long_form():
    wide = load_table(WIDE / "statline_wide.csv")
    long = load_table(long_form_of_statline(), name="lang.csv")
    assert sorted(long.columns) == sorted(["regio", "jaar", JOBLESS, INCOME])
    left = results_of(wide.rename(columns={"Regio's": "regio"}))
    right = results_of(long)
    assert len(left) > 30
    pd.testing.assert_frame_equal(left, right)
    # the numbers themselves: Amsterdam's unemployment 2021 is 5.4% (a share 0.054)
    row = left[(left["region"] == "Amsterdam") & (left["year"] == 2021)]
    assert row["value"].round(6).isin([0.054, 41.0]).sum() == 2


def test_eurostat_wide_download_with_an_indicator_dimension_and_flags():
    df = load_table(WIDE / "eurostat_wide.tsv")
    assert list(df.columns) == ["geo", "year", "LI_R_MD60 (PC)", "DI15 (PC)"]
    nl = df[df["geo"] == "NL"].set_index("year")
    assert nl.loc[2022, "LI_R_MD60 (PC)"] == 14.5  # '14.5 p': the flag said, the value kept
    assert np.isnan(nl.loc[2019, "DI15 (PC)"])  # ':' is missing
    en = read_notes(df, "en")
    assert any("2 p (provisional)" in n for n in en)
    assert any("from 'indic_il'" in n and "Left out column(s) 'freq'" in n for n in en)


def test_wide_without_indicator_is_named_after_the_file_and_quarters_are_read():
    data = b"gemeente,2019Q1,2019Q2,2019Q3\nA,1,2,3\nB,4,5,6\n"
    df = load_table(data, name="banen per kwartaal.csv")
    assert list(df.columns) == ["gemeente", "jaar", "banen per kwartaal"]
    assert df["jaar"].tolist() == ["2019-Q1", "2019-Q2", "2019-Q3"] * 2
    assert df["banen per kwartaal"].tolist() == [1, 2, 3, 4, 5, 6]
    assert any("named after the file" in n for n in read_notes(df, "en"))


def test_provisional_headers_in_words_and_statline_period_codes():
    data = b"regio;2021;2022 (voorlopig);2023JJ00\nA;1;2;3\nB;4;5;6\n"
    roles = detect_wide(load_table(data, name="x.csv", long=False))
    assert roles["periods"] == {"2021": 2021, "2022 (voorlopig)": 2022, "2023JJ00": 2023}
    assert roles["marks"] == {"2022 (voorlopig)": "(voorlopig)"}


def test_a_table_with_other_numbers_is_not_taken_as_wide():
    data = b"regio,inwoners,2021,2022\nA,10,1,2\nB,20,3,4\n"
    df = load_table(data, name="x.csv")
    assert list(df.columns) == ["regio", "inwoners", "2021", "2022"]
    assert not any("one column per year" in n for n in read_notes(df, "en"))


def test_wide_errors_name_file_column_rows_and_what_to_do():
    with pytest.raises(DataError) as err:
        load_table(b"regio;2021;2022\nA;1,5;2,1*\nB;3;4\n", name="w.csv")
    assert "column '2022' holds text that is not a number: '2,1*' (rows 2)" in str(err.value)
    assert "kolom '2022' bevat tekst die geen getal is: '2,1*' (rijen 2)" in err.value.text("nl")
    with pytest.raises(DataError, match=r"mixes columns of years \('2021', '2022'\) and of quar"):
        load_table(b"regio,2021,2022,2022Q1\nA,1,2,3\nB,1,2,3\n", name="w.csv")
    with pytest.raises(DataError, match=r"more than one column for 2023: '2023', '2023\*'"):
        load_table(b"regio,2022,2023,2023*\nA,1,2,3\nB,1,2,3\n", name="w.csv")
    with pytest.raises(DataError, match=r"region 'A' \(column 'regio'\) is in more than one"):
        load_table(b"regio,2022,2023\nA,1,2\nA,3,4\nB,1,1\n", name="w.csv")


# ---- long tables with a unit ----------------------------------------------------------------


def test_long_table_unit_becomes_the_indicators_unit_in_labels():
    data = (
        b"regio;jaar;indicator;waarde;eenheid\n"
        b"A;2022;Werkloosheid;4,1;%\nA;2022;Inkomen;31,2;1 000 euro\n"
        b"B;2022;Werkloosheid;5,3;%\nB;2022;Inkomen;28,0;1 000 euro\n"
    )
    df = load_table(data, name="lang.csv")
    assert list(df.columns) == ["regio", "jaar", "Werkloosheid (%)", "Inkomen (1 000 euro)"]
    assert df.attrs["units"] == {"Werkloosheid (%)": "%", "Inkomen (1 000 euro)": "1 000 euro"}
    assert any(n.startswith("Kolom 'eenheid' geeft elke indicator") for n in read_notes(df, "nl"))
    mapping = suggest_mapping(df, REG)
    reg = extend_registry(REG, mapping.own, shape="aggregates", tied=mapping.variables)
    income = next(i for i in reg.indicators if i.label("nl") == "Inkomen (1 000 euro)")
    assert income.unit("nl") == "1 000 euro"
    jobless = next(i for i in reg.indicators if i.label("en") == "Werkloosheid (%)")
    assert jobless.unit("en") == "%"


def test_a_unit_that_differs_within_one_indicator_is_an_error():
    data = (
        b"regio,jaar,indicator,waarde,eenheid\n"
        b"A,2022,Inkomen,31.2,1 000 euro\nA,2022,Banen,10,aantal\n"
        b"B,2022,Inkomen,28000,euro\nB,2022,Banen,12,aantal\n"
    )
    with pytest.raises(DataError) as err:
        load_table(data, name="lang.csv")
    msg = str(err.value)
    assert "indicator 'Inkomen' has more than one unit in column 'eenheid'" in msg
    assert "'1 000 euro', 'euro' (for example in rows 2, 4)" in msg
    assert "keep the rows of one unit" in msg
    assert "indicator 'Inkomen' heeft meer dan één eenheid" in err.value.text("nl")


# ---- several files ------------------------------------------------------------------------


def year_file(year: int, regions, bump=0.0) -> bytes:
    lines = ["gemeente;tevredenheid;inwoners"]
    for i, r in enumerate(regions):
        lines.append(f"{r};{7 + i / 10 + bump:.1f};{1000 + i}".replace(".", ","))
    return ("\n".join(lines) + "\n").encode()


def test_two_files_one_per_year_take_the_year_from_their_names_and_report_regions():
    files = [
        ("kerncijfers_2022.csv", year_file(2022, ["Utrecht", "Zwolle", "Ede"])),
        ("kerncijfers_2021.csv", year_file(2021, ["Utrecht", "Zwolle"])),
    ]
    df = combine_files(files)
    assert list(df.columns) == ["gemeente", "tevredenheid", "inwoners", "jaar"]
    assert len(df) == 5
    assert df.groupby("jaar").size().to_dict() == {2021: 2, 2022: 3}
    assert df.attrs["combined_from"] == ["kerncijfers_2021.csv", "kerncijfers_2022.csv"]
    assert df.attrs["source_name"] == "kerncijfers_2021.csv + kerncijfers_2022.csv"
    report = combine_report(df, "en")
    assert "'kerncijfers_2021.csv' lacks 1 region(s) that other files have (column " in (report[-1])
    assert report[-1].endswith("'Ede'.")
    assert any("taken from its name" in n and "'kerncijfers_2022.csv': 2022" in n for n in report)
    assert combine_summary(df, "nl") == (
        "2 bestanden gecombineerd tot één tabel op 'gemeente', 'jaar': 5 rijen."
    )
    assert len(combine_report(df, "nl")) == len(report)
    assert read_notes(df, "en")[0] == combine_summary(df, "en")


def test_three_files_one_per_indicator_with_a_conflict_and_columns_that_differ():
    jobless = b"regio;jaar;werkloosheid (%)\nA;2022;4,1\nB;2022;5,0\nC;2022;3,2\n"
    income = b"regio;jaar;inkomen (euro)\nA;2022;31000\nB;2022;28000\n"
    both = b"regio;jaar;inkomen (euro);banen\nA;2022;31000;\nB;2022;29500;12\nC;2022;33000;8\n"
    df = combine_files([("c.csv", both), ("a.csv", jobless), ("b.csv", income)])
    assert list(df.columns) == ["regio", "jaar", "werkloosheid (%)", "inkomen (euro)", "banen"]
    table = df.set_index("regio")
    assert table.loc["B", "inkomen (euro)"] == 28000  # the first file by name: b.csv
    assert table.loc["C", "inkomen (euro)"] == 33000
    assert table.loc["A", "werkloosheid (%)"] == 4.1
    report = combine_report(df, "en")
    conflict = next(n for n in report if n.startswith("Note: 1 values"))
    assert "'inkomen (euro)' (regio B, jaar 2022): 'b.csv': 28000; 'c.csv': 29500" in conflict
    assert any(n == "1 row(s) are in more than one file with the same values; they count once."
               for n in report)  # fmt: skip
    assert "Only in 'a.csv': column(s) 'werkloosheid (%)'." in report
    assert "Only in 'b.csv', 'c.csv': column(s) 'inkomen (euro)'." in report
    assert any(n.startswith("'b.csv' lacks 1 region(s)") and "'C'" in n for n in report)


def test_a_region_year_missing_from_one_file_is_reported():
    a = b"regio;jaar;x\nA;2022;1\nB;2022;2\nA;2023;3\nB;2023;4\n"
    b = b"regio;jaar;y\nA;2022;5\nB;2022;6\nA;2023;7\n"
    report = combine_report(combine_files([("a.csv", a), ("b.csv", b)]), "en")
    assert "'b.csv' lacks 1 region-year(s) that other files have: 'B 2023'." in report
    nl = combine_report(combine_files([("a.csv", a), ("b.csv", b)]), "nl")
    assert "'b.csv' mist 1 combinaties van regio en jaar die andere bestanden wel hebben" in nl[-1]


def test_wide_files_one_per_indicator_combine_into_one_column_each():
    a = b"Regio's;2021;2022;2023*\nNederland;1;1;1\nAmsterdam;4,1;4,3;4,4\nUtrecht;3,9;3,4;3,3\n"
    b = b"Regio's;2021;2022;2023*\nNederland;1;1;1\nAmsterdam;31;32;33\nUtrecht;33;34;35\n"
    df = combine_files([("werkloosheid.csv", a), ("inkomen.csv", b)])
    assert list(df.columns) == ["Regio's", "jaar", "inkomen", "werkloosheid"]
    assert len(df) == 6
    assert df.set_index(["Regio's", "jaar"]).loc[("Utrecht", 2023), "werkloosheid"] == 3.3
    assert combine_report(df, "en") == [
        "Only in 'inkomen.csv': column(s) 'inkomen'.",
        "Only in 'werkloosheid.csv': column(s) 'werkloosheid'.",
    ]
    notes = read_notes(df, "en")
    assert any(n.startswith("'inkomen.csv': The table had one column per year") for n in notes)


def test_region_columns_named_differently_are_matched_and_said():
    a = b"gemeente,x\nA,1\nB,2\n"
    b = b"regio,y\nA,3\nB,4\n"
    df = combine_files([("a.csv", a), ("b.csv", b)])
    assert list(df.columns) == ["gemeente", "x", "y"]
    assert combine_report(df, "en")[0] == (
        "The region column has another name in some files; used as 'gemeente' throughout: "
        "'b.csv': 'regio'."
    )


def test_person_level_files_one_per_year_are_stacked():
    a = b"gemeente;jaar;score\nA;2021;7\nA;2021;8\nB;2021;6\n"
    b = b"gemeente;jaar;score\nA;2022;7\nB;2022;9\nB;2022;5\n"
    df = combine_files([("enquete_2021.csv", a), ("enquete_2022.csv", b)])
    assert len(df) == 6 and df["score"].sum() == 42
    assert combine_summary(df, "en").startswith("Put 2 files one under the other")


def test_files_that_cannot_be_combined_say_which_and_what_to_do():
    codes = b"regio,x\nGM0363,1\nGM0344,2\n"
    names = b"regio,y\nAmsterdam,1\nUtrecht,2\n"
    with pytest.raises(DataError) as err:
        combine_files([("codes.csv", codes), ("namen.csv", names)])
    assert "no region in common in column 'regio'" in str(err.value)
    assert "'codes.csv' has 'GM0344', 'GM0363'" in str(err.value)
    assert "geen enkele regio gemeen" in err.value.text("nl")
    with pytest.raises(DataError, match=r"'b.csv' has a year column \('jaar'\), but 'a.csv' not"):
        combine_files([("a.csv", codes), ("b.csv", b"regio,jaar,z\nGM0363,2020,1\n")])
    with pytest.raises(DataError, match="holds numbers in 'a.csv' but text in 'b.csv'"):
        combine_files([("a.csv", codes), ("b.csv", b"regio,x\nGM0363,hoog\nGM0344,laag\n")])
    with pytest.raises(DataError, match="'b.csv' is the same file as 'a.csv'"):
        combine_files([("a.csv", codes), ("b.csv", codes)])
    with pytest.raises(DataError, match="The file 'b.csv' has no region column"):
        combine_files([("a.csv", codes), ("b.csv", b"x,y\n1,2\n3,4\n")])


# ---- hostile uploads ----------------------------------------------------------------------


def test_a_hundred_files_are_refused_before_any_is_read():
    files = [(f"f{i:03}.csv", f"regio,x\nA,{i}\n".encode()) for i in range(100)]
    with pytest.raises(DataError) as err:
        combine_files(files)
    assert str(err.value).startswith(f"100 files were chosen; at most {MAX_FILES} can be")
    assert err.value.text("nl").startswith("Er zijn 100 bestanden gekozen")


def test_one_huge_file_and_too_much_together_are_refused_naming_the_limit():
    small = b"regio,x\nA,1\nB,2\n"
    huge = b"regio,x\n" + b"A,1\n" * 300_000
    with pytest.raises(DataError, match="The file 'huge.csv' is"):
        combine_files([("a.csv", small), ("huge.csv", huge)], max_bytes=1_000_000)
    with pytest.raises(DataError, match=r"The 2 files are 1 MB together; together they may be"):
        combine_files([("a.csv", small), ("huge.csv", huge)], max_total=500_000)


def test_a_file_of_the_upload_that_cannot_be_read_is_named():
    with pytest.raises(DataError, match="'kapot.xlsx'"):
        combine_files([("a.csv", b"regio,x\nA,1\n"), ("kapot.xlsx", b"PK\x03\x04rommel")])


def test_the_combinations_name_and_digest():
    files = [("b.csv", b"1"), ("a.csv", b"2")]
    assert combined_digest(files) == combined_digest(files[::-1])
    assert combined_digest(files) != combined_digest([("a.csv", b"2"), ("b.csv", b"3")])
    assert combined_digest(files) != combined_digest([("a.csv", b"1"), ("b.csv", b"2")])
    assert combined_name(["a.csv", "b.csv", "c.csv"]) == "a.csv + b.csv + c.csv"


def test_the_users_files_are_not_changed(tmp_path):
    path = WIDE / "statline_wide.csv"
    before = path.read_bytes()
    combine_files([("s.csv", before), ("t.csv", before.replace(b"Zwolle", b"Ede"))])
    load_table(io.BytesIO(before), name="s.csv")
    assert path.read_bytes() == before


# ---- property: any wide table is its long form ----------------------------------------------


@st.composite
def wide_tables(draw):
    regions = draw(st.lists(st.sampled_from(list("ABCDEFGH")), min_size=2, max_size=6, unique=True))
    years = draw(st.lists(st.integers(1990, 2030), min_size=2, max_size=5, unique=True))
    indicators = draw(
        st.lists(
            st.sampled_from(["banen", "inkomen", "score"]), min_size=1, max_size=3, unique=True
        )
    )
    cell = st.one_of(st.none(), st.integers(-500, 500).map(lambda i: i / 4))
    values = {
        (r, i, y): draw(cell) for r in regions for i in indicators for y in years
    }  # fmt: skip
    marked = draw(st.sampled_from(years))  # one year column marked provisional
    return regions, years, indicators, values, marked


@settings(max_examples=40, deadline=None)
@given(wide_tables())
def test_any_wide_table_reads_as_its_long_form(table):
    regions, years, indicators, values, marked = table

    def cell(v):
        return "." if v is None else f"{v}".replace(".", ",")

    head = ["regio", "onderwerp"] + [f"{y}*" if y == marked else str(y) for y in years]
    wide = [";".join(head)]
    for i in indicators:
        for r in regions:
            wide.append(";".join([r, i] + [cell(values[(r, i, y)]) for y in years]))
    long = ["regio;jaar;onderwerp;waarde"]
    for (r, i, y), v in values.items():
        long.append(f"{r};{y};{i};{cell(v)}")
    if all(v is None for v in values.values()):
        return  # no number at all: neither is a table of numbers
    a = load_table(("\n".join(wide) + "\n").encode(), name="wide.csv")
    b = load_table(("\n".join(long) + "\n").encode(), name="long.csv")
    key = ["regio", "jaar"]
    a = a.sort_values(key).reset_index(drop=True)
    b = b.sort_values(key).reset_index(drop=True)
    assert list(a.columns) == key + indicators
    assert sorted(b.columns) == sorted(a.columns)
    for c in indicators:
        assert np.allclose(a[c].astype(float), b[c].astype(float), equal_nan=True), c
    assert a["jaar"].tolist() == b["jaar"].tolist()
