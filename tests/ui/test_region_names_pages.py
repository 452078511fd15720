"""Issue 9.6: a StatLine file with codes (GM0363, PV27) shows names on every page; the
results table and downloads keep the codes as the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from apptest_helpers import charts_by_title, mapping_state, open_page

from indicators.dataset.mapping import Mapping

ROOT = Path(__file__).resolve().parents[2]
STATLINE = ROOT / "tests" / "data" / "statline_regionaal.csv"
NAME = "statline_regionaal.csv"
MAPPING = Mapping.build(
    "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
)
NAMES = ["Amsterdam", "Noord-Holland", "Utrecht"]
CODES = ["GM0344", "GM0363", "PV27"]


def run(page: str, lang: str = "en", state=None):
    return open_page(
        f"indicators/ui/{page}.py",
        lang,
        upload=(NAME, STATLINE.read_bytes()),
        state={**mapping_state(STATLINE.read_bytes(), MAPPING), **(state or {})},
    )


def shown_texts(at) -> str:
    parts = [e.value for kind in ("markdown", "caption", "info", "table") for e in at.get(kind)]
    for chart in at.get("plotly_chart"):
        parts.append(chart.proto.spec)
    return " ".join(str(p) for p in parts)


def test_the_statline_file_holds_codes():
    text = STATLINE.read_text(encoding="utf-8")
    for code in CODES:
        assert f'"{code}    ' in text or f'"{code}      ' in text
    assert "Amsterdam" not in text


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_regions_page_shows_names_not_codes(lang):
    at = run("regions", lang, state={"year": "2019"})  # the year all three have a value
    box = at.selectbox(key="region")
    assert sorted(box.options[1:]) == NAMES
    figs = charts_by_title(at)
    ranking = next(
        spec for title, spec in figs.items() if "by region" in title or "per regio" in title
    )
    labels = [y for trace in ranking["data"] for y in (trace.get("y") or []) if isinstance(y, str)]
    assert set(NAMES) <= set(labels), labels
    assert not set(CODES) & set(labels), labels
    text = shown_texts(at)
    # the spread sentence names the highest and lowest region
    assert "Utrecht" in text and "Amsterdam" in text
    for code in CODES:
        assert code not in text, code


def test_regions_page_highlights_a_region_by_code_in_the_link():
    at = run("regions", state={"region": "GM0363", "year": "2019"})
    assert at.selectbox(key="region").value == "GM0363"  # the key stays the code
    ranking = next(spec for title, spec in charts_by_title(at).items() if "by region" in title)
    dots = [t for t in ranking["data"] if "Amsterdam" in (t.get("y") or [])]
    assert dots, "Amsterdam drawn"


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_overview_region_choice_shows_names(lang):
    at = run("overview", lang)
    box = at.selectbox(key="region")
    assert sorted(box.options[1:]) == NAMES
    assert box.options[0] in ("Total (all regions)", "Totaal (alle regio's)")


def test_trends_page_shows_names():
    at = run("trends")
    chosen = at.multiselect(key="regions")
    assert not set(CODES) & set(chosen.options)
    assert set(NAMES) <= set(chosen.options)
    # aggregates: the column is the indicator, under its own name
    lines = next(spec for title, spec in charts_by_title(at).items() if "Inkomen" in title)
    shown = {trace.get("name") for trace in lines["data"]}
    assert not set(CODES) & shown


def test_data_page_download_keeps_the_codes_with_names_beside_them():
    at = run("data")
    previews = [df.value for df in at.dataframe if "region" in df.value.columns]
    results = next(df for df in previews if "indicator" in df.columns)
    assert list(results.columns[:2]) == ["region", "region_name"]
    pairs = dict(zip(results["region"], results["region_name"], strict=True))
    assert pairs["GM0363"] == "Amsterdam"
    assert pairs["GM0344"] == "Utrecht"
    assert pairs["PV27"] == "Noord-Holland"
    assert json.dumps(sorted(set(results["region"]) - {"Total"})) == json.dumps(CODES)


def test_data_page_check_lists_regions_by_name_and_code():
    at = run("data")
    facts = " ".join(md.value for md in at.markdown)
    assert "Amsterdam (GM0363)" in facts and "Noord-Holland (PV27)" in facts


def _download(at, label: str) -> str:
    """Return the text of the download button ``label`` (read from AppTest's media store)."""
    import gc

    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    button = next(b for b in at.get("download_button") if b.proto.label == label)
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    for store in (o for o in gc.get_objects() if isinstance(o, MemoryMediaFileStorage)):
        try:
            return store.get_file(file_id).content.decode("utf-8-sig")
        except Exception:  # another test's store
            continue
    raise AssertionError(f"download {label!r} not found")


def _microdata() -> bytes:
    """People in three municipalities, by CBS code only (as in a register extract)."""
    lines = ["gemeente_code;jaar;levenstevredenheid"]
    for code, base in (("GM0363", 6), ("GM0796", 7), ("GM1900", 8)):
        lines += [f"{code};2023;{base + (i % 3)}" for i in range(40)]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_distribution_page_names_regions_and_its_download_keeps_codes():
    at = open_page("indicators/ui/distribution.py", "en", upload=("register_gm.csv", _microdata()))
    groups = next(m for m in at.multiselect if m.key and m.key.startswith("dist_groups"))
    assert {"Amsterdam", "'s-Hertogenbosch", "Súdwest-Fryslân"} <= set(groups.options)
    assert not {"GM0363", "GM0796", "GM1900"} & set(groups.options)
    titles = " ".join(charts_by_title(at))
    assert "GM0" not in titles and "GM1" not in titles
    text = _download(at, "Download as CSV")
    header, *rows = text.splitlines()
    assert header.startswith("region,region_name,")
    firsts = {row.split(",")[0] for row in rows}
    assert {"GM0363", "GM0796", "GM1900"} & firsts
    assert "Amsterdam" not in firsts


def test_data_page_csv_download_keeps_codes():
    at = open_page("indicators/ui/data.py", "en", upload=("register_gm.csv", _microdata()))
    header, *rows = _download(at, "Download CSV").splitlines()
    assert header.startswith("region,region_name,")
    assert {"GM0363,Amsterdam", "GM1900,Súdwest-Fryslân"} <= {
        ",".join(row.split(",")[:2]) for row in rows
    }


def test_regions_page_names_the_regions_without_a_value():
    # 2020: Utrecht's income is "x" (secret) and Noord-Holland has no row
    at = run("regions", state={"year": "2020"})
    notes = " ".join(c.value for c in at.caption)
    assert "without a value" in notes
    assert "Utrecht" in notes and "GM0344" not in notes
