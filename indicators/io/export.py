"""Downloads of the results table: CSV (Dutch or English conventions) and Excel.

The tidy results table gets the indicator's label and unit in the chosen language as extra
columns; nothing else changes, so a download equals what the dashboard computed. Suppressed
values (small cells) are blank in every download, their ``suppressed`` flag kept.

Examples
--------
>>> import pandas as pd
>>> from indicators.registry.catalog import load_registry
>>> res = pd.DataFrame({"region": ["A"], "indicator": ["income_gini"], "value": [0.2871]})
>>> to_csv(labelled_results(res, load_registry(), "nl"), "nl").decode("utf-8-sig").splitlines()[1]
'A;income_gini;Gini-coëfficiënt van het inkomen;index 0-1;0,2871'
"""

from __future__ import annotations

import io

import pandas as pd

from indicators.results import TOTAL_PART
from indicators.text import area

__all__ = ["blank_suppressed", "labelled_results", "to_csv", "to_excel", "file_stem"]

_PARTS = area("export_parts")
# the numbers a small cell hides (n, n_missing and the flag stay: they say why it is blank)
HIDDEN_NUMBERS = ("value", "se", "ci_low", "ci_high", "weight_sum")
SHEETS = area("export_sheets")


def _label_and_unit(indicator_id: str, part: str, registry, lang: str) -> tuple[str, str]:
    ind = registry.indicator_by_id.get(indicator_id)
    if ind is None:
        return str(indicator_id), ""
    label = ind.label(lang)
    if part and part != TOTAL_PART:
        label = f"{label}: {_PARTS.get(part, {}).get(lang, part)}"
    return label, ind.unit(lang)


def labelled_results(results: pd.DataFrame, registry, lang: str = "nl") -> pd.DataFrame:
    """Return a copy of the results table with ``indicator_label`` and ``unit`` columns.

    The two columns come right after ``indicator``. Parts of a decomposition (``part``
    between or within) get the indicator's label with the part named.
    """
    out = blank_suppressed(results)
    parts = out["part"].fillna(TOTAL_PART) if "part" in out else pd.Series(TOTAL_PART, out.index)
    keys = list(zip(out["indicator"], parts, strict=True))
    pairs = {key: _label_and_unit(*key, registry, lang) for key in dict.fromkeys(keys)}
    at = list(out.columns).index("indicator") + 1
    out.insert(at, "indicator_label", [pairs[key][0] for key in keys])
    out.insert(at + 1, "unit", [pairs[key][1] for key in keys])
    return out


def blank_suppressed(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy with the numbers of suppressed rows blank (value, se, interval).

    The small-cell rule holds in every download, also for a table that did not come from
    :func:`indicators.compute.compute` (which already hides them); ``suppressed`` stays.

    >>> t = pd.DataFrame({"value": [0.5, 0.2], "se": [0.1, 0.1], "suppressed": [True, False]})
    >>> blank_suppressed(t)["value"].tolist()
    [nan, 0.2]
    """
    out = frame.copy()
    if "suppressed" in out:
        hidden = out["suppressed"].fillna(False).astype(bool)
        for col in HIDDEN_NUMBERS:
            if col in out:
                out[col] = out[col].astype(float).where(~hidden)
    return out


def to_csv(frame: pd.DataFrame, lang: str = "nl") -> bytes:
    """Return CSV bytes: semicolons and a decimal comma in Dutch, commas and points in English.

    UTF-8 with a byte-order mark, so Excel shows accents (Fryslân) correctly.
    """
    sep, decimal = (";", ",") if lang == "nl" else (",", ".")
    text = frame.to_csv(index=False, sep=sep, decimal=decimal, lineterminator="\n")
    return text.encode("utf-8-sig")


def to_excel(frame: pd.DataFrame, about: dict | None = None, lang: str = "nl") -> bytes:
    """Return an Excel workbook (xlsx) with the table and, optionally, a sheet about it."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=SHEETS["results"][lang], index=False)
        if about:
            pd.DataFrame(list(about.items()), columns=["", ""]).to_excel(
                writer, sheet_name=SHEETS["about"][lang], index=False, header=False
            )
    return buffer.getvalue()


def file_stem(source_name: str) -> str:
    """Return a download name stem from the data's file name.

    >>> file_stem("demo_people_synthetic.parquet")
    'demo_people_synthetic_results'
    """
    stem = str(source_name).rsplit("/", 1)[-1].rsplit(".", 1)[0] or "data"
    return f"{stem}_results"
