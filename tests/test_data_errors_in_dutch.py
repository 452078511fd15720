"""The core's errors about bad input come in Dutch too (DataError.text("nl")), from the text
catalogue, while the English message stays as it was."""

import io

import pandas as pd
import pytest

from indicators.analyses.maps import read_geojson
from indicators.dataset import validate
from indicators.dataset.mapping import Mapping, mapping_from_text
from indicators.dataset.prepare import prepare, to_scores
from indicators.errors import DataError
from indicators.io.load import load_table
from indicators.registry.catalog import load_registry
from indicators.results import compute, compute_measures
from indicators.stats.measures import parse_measure

FRAME = pd.DataFrame(
    {
        "regio": ["a", None, "b"],
        "inkomen": ["12,5", "veel", "3"],
        "gewicht": [1.0, -3.0, 2.0],
        "jaar": ["2019", "twintig", None],
    }
)


RAGGED = b"regio;jaar;x\na;2020;1\nb;2020;2\nc;2020;3;4\nd;2020;5\n"


def _excel(sheets=("Eerste",)) -> bytes:
    out = io.BytesIO()
    with pd.ExcelWriter(out) as writer:
        for name in sheets:
            pd.DataFrame({"regio": ["a"], "x": [1]}).to_excel(writer, sheet_name=name, index=False)
    return out.getvalue()


def _answers():
    happiness = load_registry().variable_by_id["happiness"]
    return to_scores(pd.DataFrame({"h": ["laag", "hoog"]}), "h", happiness, order=("laag", "hoog"))


def _breakdown():
    reg = load_registry()
    df = pd.DataFrame({"r": ["a", "b"], "x": [1.0, 2.0]})
    compute(prepare(df, Mapping.build("r", variables={"income": "x"}), reg), reg, by=["sekse"])


# what raises; a fragment of the English message (as it always was); one of the Dutch one
CASES = [
    (
        lambda: validate.require_columns(FRAME, ["inkomens"], source="x.csv"),
        "'x.csv' has no column 'inkomens'; did you mean 'inkomen'? The columns are: 'regio'",
        "'x.csv' heeft geen kolom 'inkomens'; bedoelt u 'inkomen'? De kolommen zijn: 'regio'",
    ),
    (
        lambda: validate.numeric_column(FRAME, "inkomen", source="x.csv"),
        "In 'x.csv', column 'inkomen' should hold numbers, but has text in row 3 ('veel').",
        "Kolom 'inkomen' in 'x.csv' hoort getallen te bevatten, maar heeft tekst in rij 3 ('veel').",
    ),
    (
        lambda: validate.weight_column(FRAME, "gewicht", source="x.csv"),
        "In 'x.csv', column 'gewicht' weights must be zero or more, but there are negative "
        "weights in row 3 ('-3.0').",
        "Kolom 'gewicht' in 'x.csv' mag alleen gewichten van nul of meer hebben, maar heeft "
        "negatieve gewichten in rij 3 ('-3.0').",
    ),
    (
        lambda: validate.weight_column(pd.DataFrame({"w": [0, 0]}), "w", source="x.csv"),
        "all weights are zero, so nothing can be weighted",
        "alle gewichten zijn nul, dus er kan niets gewogen worden",
    ),
    (
        lambda: validate.region_column(FRAME, "regio", source="x.csv"),
        "In 'x.csv', column 'regio' has no region in row 3 (empty).",
        "Kolom 'regio' in 'x.csv' heeft geen regio in rij 3 (leeg).",
    ),
    (
        lambda: validate.year_column(FRAME, "jaar", source="x.csv"),
        "should hold years (such as 2019) or CBS periods (such as 2019JJ00), but has row 3 "
        "('twintig')",
        "hoort jaren (zoals 2019) of CBS-perioden (zoals 2019JJ00) te bevatten, maar heeft rij 3 "
        "('twintig')",
    ),
    (
        lambda: validate.year_column(FRAME.iloc[[0, 2]], "jaar", source="x.csv"),
        "In 'x.csv', column 'jaar' has no year in row 3 (empty).",
        "Kolom 'jaar' in 'x.csv' heeft geen jaar in rij 3 (leeg).",
    ),
    (
        lambda: validate.parse_period("twintig"),
        "'twintig' is not a year (such as 2019)",
        "'twintig' is geen jaar (zoals 2019)",
    ),
    (
        lambda: load_table(b"", name="leeg.csv"),
        "The file 'leeg.csv' is empty. Choose the file that contains your table.",
        "Het bestand 'leeg.csv' is leeg. Kies het bestand met uw tabel.",
    ),
    (
        lambda: load_table("/nergens/weg.csv"),
        "The file 'weg.csv' was not found at /nergens/weg.csv.",
        "Het bestand 'weg.csv' is niet gevonden in /nergens/weg.csv.",
    ),
    (
        lambda: load_table(b"<html><body>niets</body></html>", name="pagina.csv"),
        "The file 'pagina.csv' is a web page, not a table.",
        "Het bestand 'pagina.csv' is een webpagina, geen tabel.",
    ),
    (
        lambda: load_table(b"regio;x\n", name="kop.csv"),
        "The file 'kop.csv' has a header row but no data rows. Add the data under the header "
        "('regio', 'x')",
        "Het bestand 'kop.csv' heeft een kopregel maar geen rijen met gegevens. Zet de gegevens "
        "onder de kopregel ('regio', 'x')",
    ),
    (
        lambda: load_table(b"%PDF-1.4 a report", name="rapport.csv"),
        "The file 'rapport.csv' is a PDF document, not a table. Choose the CSV, Excel (.xlsx) or "
        "Parquet file that contains your table.",
        "Het bestand 'rapport.csv' is een PDF-document, geen tabel. Kies het CSV-, Excel- (.xlsx) "
        "of Parquet-bestand met uw tabel.",
    ),
    (
        lambda: load_table(b"regio;x;x\na;1;2\n", name="dubbel.csv"),
        "The file 'dubbel.csv' has more than one column with the same name in the header (row 1): "
        "'x' (columns B, C).",
        "Het bestand 'dubbel.csv' heeft meer dan één kolom met dezelfde naam in de kopregel (rij "
        "1): 'x' (kolommen B, C).",
    ),
    (
        lambda: load_table(RAGGED, name="scheef.csv"),
        "has lines with a different number of values than the header (3 columns, separated by "
        "semicolons): line 4 has 4. A value that contains a semicolon must be put in double quotes",
        "heeft regels met een ander aantal waarden dan de kopregel (3 kolommen, gescheiden door "
        "puntkomma's): regel 4 heeft er 4. Een waarde met een puntkomma erin moet tussen dubbele",
    ),
    (
        lambda: load_table(_excel(("Eerste", "Tweede")), name="map.xlsx", sheet="Derde"),
        "The workbook 'map.xlsx' has no sheet named 'Derde'; its sheets are 'Eerste', 'Tweede'.",
        "De werkmap 'map.xlsx' heeft geen blad 'Derde'; de bladen zijn 'Eerste', 'Tweede'.",
    ),
    (
        lambda: load_table(_excel(), name="map.xlsx", sheet=4),
        "The workbook 'map.xlsx' has no sheet number 5; its sheets are 'Eerste'.",
        "De werkmap 'map.xlsx' heeft geen blad nummer 5; de bladen zijn 'Eerste'.",
    ),
    (
        lambda: load_table(b"PK\x03\x04 not really a workbook", name="kapot.xlsx"),
        "The file 'kapot.xlsx' is not an Excel workbook (.xlsx) that can be opened",
        "Het bestand 'kapot.xlsx' is geen Excel-werkmap (.xlsx) die geopend kan worden",
    ),
    (
        lambda: to_scores(
            pd.DataFrame({"h": ["laag", "hoog", "mwah"]}), "h", order=("laag", "hoog")
        ),
        "column 'h' has answers that are not in the order you gave: ",
        "kolom 'h' heeft antwoorden die niet in de opgegeven volgorde staan: ",
    ),
    (
        lambda: prepare(
            FRAME, Mapping.build("regio", variables={"nope": "inkomen"}), load_registry()
        ),
        "'nope' is not a variable in the indicator registry.",
        "'nope' is geen variabele in het indicatorregister.",
    ),
    (
        lambda: parse_measure("ginni"),
        "Unknown measure 'ginni'. Known measures: mean, median,",
        "Onbekende maat 'ginni'. Bekende maten: mean, median,",
    ),
    (
        lambda: parse_measure("share_below:veel"),
        "Measure 'share_below:veel': 'veel' is not a number. Write for example share_below:6.",
        "Maat 'share_below:veel': 'veel' is geen getal. Schrijf bijvoorbeeld share_below:6.",
    ),
    (
        lambda: parse_measure("atkinson_0"),
        "Measure 'atkinson_0': the parameter epsilon must be above 0 (for example atkinson_1).",
        "Maat 'atkinson_0': de parameter epsilon moet boven 0 liggen (bijvoorbeeld atkinson_1).",
    ),
    (
        lambda: parse_measure("theil_between"),
        "Measure 'theil_between' is the between part of 'theil', not a measure of its own",
        "Maat 'theil_between' is het deel tussen regio's van 'theil', geen maat op zich",
    ),
    (
        lambda: compute_measures(
            pd.DataFrame({"r": ["a", "b"], "geluk": ["blij", "boos"]}),
            value="geluk",
            region="r",
            source="x.csv",
        ),
        "x.csv: column 'geluk' holds text answers ('blij', 'boos'). Give their order from low "
        'to high with --order "LOW,...,HIGH"',
        "x.csv: kolom 'geluk' bevat tekstantwoorden ('blij', 'boos'). Geef hun volgorde van "
        'laag naar hoog met --order "LAAG,...,HOOG"',
    ),
    (
        lambda: read_geojson(b"{not json", name="kaart.geojson"),
        "kaart.geojson is not a GeoJSON file: it cannot be read as JSON (",
        "kaart.geojson is geen GeoJSON-bestand: het kan niet als JSON gelezen worden (",
    ),
    (
        lambda: read_geojson(b'{"type": "Topology"}', name="kaart.json"),
        "kaart.json is TopoJSON, not GeoJSON.",
        "kaart.json is TopoJSON, geen GeoJSON.",
    ),
    (
        lambda: read_geojson(b'{"type": "FeatureCollection", "features": []}', name="leeg.json"),
        "leeg.json holds no map features",
        "leeg.json bevat geen kaartvlakken",
    ),
    (
        lambda: load_table(b"a;b\n1;2\n", name="kort.csv", long=True),
        "The file 'kort.csv' does not look like a long table: expected a column of indicator names",
        "Het bestand 'kort.csv' lijkt geen lange tabel: verwacht zijn een kolom met namen van "
        "indicatoren",
    ),
    (
        _breakdown,
        "Cannot break down by sekse: not a group column in the mapping. Group columns: none.",
        "Kan niet uitsplitsen naar sekse: geen groepkolom in de koppeling. Groepkolommen: geen.",
    ),
    (
        lambda: mapping_from_text("bm90IGEgbWFw"),
        "The column choices in this link cannot be read",
        "De kolomkeuzes in deze link kunnen niet gelezen worden",
    ),
    (
        _answers,
        "has 2 answers (laag, hoog), but 'Happiness' has 5 levels",
        "heeft 2 antwoorden (laag, hoog), maar 'Geluk' heeft 5 niveaus",
    ),
]


@pytest.mark.parametrize(("raises", "english", "dutch"), CASES)
def test_the_message_in_both_languages(raises, english, dutch):
    with pytest.raises(DataError) as info:
        raises()
    err = info.value
    assert english in str(err) and english in err.text("en")
    assert err.nl, "no Dutch text"
    assert dutch in err.text("nl")
