"""The one bilingual text catalogue (indicators/text/): every key in both languages, the same
placeholders in both, and no Dutch-English dict left anywhere else in the code."""

import ast
import string
from pathlib import Path

import pytest

from indicators.text import AREAS, CATALOGUE, Area, area, text
from indicators.ui import i18n, overview

ROOT = Path(__file__).resolve().parents[1]

# Modules that may still hold a dict with both "nl" and "en" string values, each with why
# (none left: every page and core module reads its texts from the catalogue).
NOT_YET_MOVED: dict[str, str] = {}
# Places that are not translations, by (module, text on the first line of the place)
NOT_TEXTS = {
    # the language switch names each language in itself ("Nederlands", "English"): the same
    # in both languages, so not a translation
    ("indicators/ui/app.py", '"nl": "Nederlands"'),
    # number formats, not words: the decimal mark and thousands separator of each language
    ("indicators/dataset/validation_report.py", 'mark = "," if lang == "nl" else "."'),
    ("indicators/views/common.py", 'separators=",." if lang == "nl" else ".,"'),
}


# texts that only one language needs (the other is empty), each with why
SAID_IN_ONE_LANGUAGE = {
    "common.details_in_english": "the details are English: only the Dutch page says so",
    "catalog.in_english": "an own catalogue's notes are English: only the Dutch page says so",
    "data_page.in_english": "the details are English: only the Dutch page says so",
    "data_page.uploader_note": "Streamlit's uploader words are English: only Dutch says so",
}


def placeholders(s: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(s) if field is not None}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_have_the_text_with_the_same_placeholders(key):
    entry = CATALOGUE[key]
    assert set(entry) == {"nl", "en"}, f"{key}: languages {sorted(entry)}"
    assert all(isinstance(entry[lang], str) for lang in entry), key
    if "" in (entry["nl"], entry["en"]):
        # a note one language does not need is empty there: the Dutch page's "the uploader's
        # words are English" (common.details_in_english, data_page.uploader_note)
        assert key in SAID_IN_ONE_LANGUAGE, f"{key}: empty in one language"
        return
    assert placeholders(entry["nl"]) == placeholders(entry["en"]), key


def test_placeholders_are_read_as_str_format_reads_them():
    assert placeholders("{n} rows in {year!r}, {{literal}}") == {"n", "year"}
    assert placeholders("{a}") != placeholders("{b}")


def test_the_lookup_fills_in_and_says_what_is_missing():
    assert text("states.suppressed", "nl", n=10) == "verborgen: minder dan 10 waarnemingen"
    assert text("states.suppressed", "en") == "hidden: fewer than {n} observations"
    assert area("states")["missing"]["en"] == text("states.missing", "en")
    with pytest.raises(KeyError, match="no text 'states.nothing'"):
        text("states.nothing", "en")
    with pytest.raises(ValueError, match="language"):
        text("states.missing", "de")
    assert all(key.count(".") >= 1 for key in CATALOGUE) and len(AREAS) > 5
    # a page's TEXTS is its area of the catalogue; the common texts are there too
    assert overview.TEXTS is area("overview") and i18n.COMMON is area("common")
    assert isinstance(overview.TEXTS, Area)  # what i18n.tr reads


@pytest.mark.parametrize(
    "page", ["catalog", "data", "distribution", "overview", "regions", "trends"]
)
def test_every_page_reads_its_texts_from_the_catalogue(page):
    # read, not imported: importing pages outside a script run upsets later AppTests
    tree = ast.parse((ROOT / "indicators" / "ui" / f"{page}.py").read_text(encoding="utf-8"))
    texts = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        and [getattr(t, "id", None) for t in node.targets] == ["TEXTS"]
    ]
    assert len(texts) == 1 and isinstance(texts[0], ast.Call) and texts[0].func.id == "area"
    assert texts[0].args[0].value in AREAS
    assert text("common.suppressed", "en") == text("states.suppressed", "en")


STRING = (ast.Constant, ast.JoinedStr, ast.BinOp)  # a literal, an f-string, "a" + "b"


def _is_text(node) -> bool:
    return isinstance(node, STRING) and not (
        isinstance(node, ast.Constant) and not isinstance(node.value, str)
    )


def bilingual_dicts(source: str) -> list[ast.AST]:
    """Return the places in ``source`` that write a text in both languages: a dict with an
    "nl" and an "en" string (or dict: a table by language), ``dict(nl=..., en=...)``, or a call
    with ``X_nl=`` and ``X_en=`` both given as strings (``description_nl=f"..."``), or one
    string if the language is Dutch and another else."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = {
                k.value
                for k, v in zip(node.keys, node.values, strict=True)
                if isinstance(k, ast.Constant) and (_is_text(v) or isinstance(v, ast.Dict))
            }
            if {"nl", "en"} <= keys:
                found.append(node)
        elif isinstance(node, ast.Call):
            given = {kw.arg for kw in node.keywords if kw.arg and _is_text(kw.value)}
            as_dict = getattr(node.func, "id", None) == "dict" and {"nl", "en"} <= given
            if as_dict or any(k.endswith("_nl") and k[:-3] + "_en" in given for k in given):
                found.append(node)
        elif isinstance(node, ast.IfExp) and _is_text(node.body) and _is_text(node.orelse):
            test = node.test  # "minder dan " if lang == "nl" else "less than "
            if isinstance(test, ast.Compare) and any(
                isinstance(c, ast.Constant) and c.value in ("nl", "en") for c in test.comparators
            ):
                found.append(node)
    return found


def test_the_scan_finds_bilingual_dicts():
    source = (
        'A = {"x": {"nl": "ja", "en": "yes"}}\nB = dict(nl=f"{x}", en="y")\nC = {"nl": 1}\n'
        'D = {"nl": {"a": "ja"}, "en": {"a": "yes"}}\nE = f(label_nl="ja", label_en=f"{y}")\n'
        'F = f(label_nl=x.label_nl, label_en=x.label_en)\nG = {"nl": 1, "en": 2}\n'
        'H = "ja" if lang == "nl" else "yes"\nI = ",." if lang == "nl" else ".,"\n'
        'J = "nl" if locale.startswith("nl") else "en"\n'
    )
    found = sorted(node.lineno for node in bilingual_dicts(source))
    assert found == [1, 2, 4, 5, 8, 9]  # I is a number format, found too: see NOT_TEXTS


def test_no_texts_outside_the_catalogue():
    offenders = []
    for path in sorted((ROOT / "indicators").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("indicators/text/") or rel in NOT_YET_MOVED:
            continue
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in bilingual_dicts(source):
            if not any(rel == m and snippet in lines[node.lineno - 1] for m, snippet in NOT_TEXTS):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == [], f"nl/en texts outside indicators/text/: {offenders}"


@pytest.mark.parametrize("key", sorted(area("load_notes")))
def test_every_read_note_is_said_in_dutch_and_used_by_the_loader(key):
    entry = area("load_notes")[key]
    assert entry["nl"] != entry["en"], key  # a Dutch sentence, not the English one
    assert placeholders(entry["nl"]) == placeholders(entry["en"]), key
    loader = (ROOT / "indicators/io/load.py").read_text(encoding="utf-8")
    base = key.removesuffix("_one")  # the singular is chosen by the loader when n is 1
    assert f'"{base}"' in loader, f"load_notes.{key} is never used"
    if key != base:
        assert "n" in placeholders(entry["en"])
