"""Downloads of the results table."""

from __future__ import annotations

import io

import pandas as pd

from indicators.io.export import file_stem, labelled_results, to_csv, to_excel
from indicators.registry.catalog import load_registry

REG = load_registry()
RESULTS = pd.DataFrame(
    {
        "region": ["Fryslân", "Total", "Total"],
        "year": [2024, 2024, 2024],
        "indicator": ["income_gini", "income_theil", "life_satisfaction_mean"],
        "variable": ["income", "income", "life_satisfaction"],
        "part": ["total", "between", "total"],
        "value": [0.2871, 0.0123, 7.81],
        "suppressed": [False, False, False],
    }
)


def test_labels_and_units_follow_the_indicator():
    out = labelled_results(RESULTS, REG, "en")
    assert list(out.columns)[:5] == ["region", "year", "indicator", "indicator_label", "unit"]
    assert out["indicator_label"].tolist() == [
        "Gini coefficient of income",
        "Theil index of income: between regions",
        "Average life satisfaction",
    ]
    assert out["unit"].iloc[2] == "score 0-10"
    assert "indicator_label" not in RESULTS  # the input is not changed
    nl = labelled_results(RESULTS, REG, "nl")
    assert nl["indicator_label"].iloc[1] == "Theil-index van het inkomen: tussen regio's"


def test_csv_follows_the_language():
    table = labelled_results(RESULTS, REG, "nl")
    nl = to_csv(table, "nl")
    assert nl.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(nl), sep=";", decimal=",", encoding="utf-8-sig")
    assert back["value"].tolist() == [0.2871, 0.0123, 7.81]
    assert back["region"].iloc[0] == "Fryslân"
    en = pd.read_csv(io.BytesIO(to_csv(table, "en")), encoding="utf-8-sig")
    assert en["value"].tolist() == [0.2871, 0.0123, 7.81]


def test_excel_has_results_and_about():
    data = to_excel(labelled_results(RESULTS, REG, "en"), {"Source": "x.csv", "Minimum": 10}, "en")
    sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, header=None)
    assert list(sheets) == ["results", "about"]
    results = pd.read_excel(io.BytesIO(data), sheet_name="results")
    assert results["indicator_label"].iloc[0] == "Gini coefficient of income"
    assert sheets["about"].iloc[0].tolist() == ["Source", "x.csv"]


def test_file_stem():
    assert file_stem("enquete 2024.csv") == "enquete 2024_results"
    assert file_stem("data") == "data_results"


def test_suppressed_values_are_blank_in_every_download():
    # a results table that carries a small cell's value (e.g. read back from a file)
    res = RESULTS.assign(
        value=[0.2871, 0.0123, 7.81], n=[3, 400, 400], suppressed=[True, False, False]
    )
    for lang in ("nl", "en"):
        out = labelled_results(res, REG, lang)
        assert out["suppressed"].tolist() == [True, False, False]
        assert pd.isna(out["value"].iloc[0]) and out["value"].iloc[2] == 7.81
        assert out["n"].iloc[0] == 3  # the n says why it is blank
        sep = ";" if lang == "nl" else ","
        rows = to_csv(out, lang).decode("utf-8-sig").splitlines()
        header = rows[0].split(sep)
        first = rows[1].split(sep)
        assert first[header.index("value")] == "" and first[header.index("suppressed")] == "True"
        book = pd.read_excel(io.BytesIO(to_excel(out, lang=lang)))
        assert pd.isna(book["value"].iloc[0]) and bool(book["suppressed"].iloc[0])
    assert res["value"].iloc[0] == 0.2871  # the input is not changed
