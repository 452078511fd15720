"""Small values of an indicator in whole units are shown with the decimals that tell them apart.

StatLine gives average income in thousands of euros (29.3, 30.1); the catalogue's income has
0 decimals (euros). Rounded to whole units, tiles said "30 · = 0 since 2019 · unchanged" where
Amsterdam went from 29.3 to 30.1, and the Trends axis read "30, 30, 30" (issue 9).
"""

from __future__ import annotations

import re
from pathlib import Path

from apptest_helpers import array, charts_by_title, mapping_state, open_page

from indicators.dataset.mapping import Mapping

ROOT = Path(__file__).resolve().parents[2]
STATLINE = ROOT / "tests" / "data" / "statline_regionaal.csv"
UPLOAD = (STATLINE.name, STATLINE.read_bytes())
STATE = mapping_state(
    STATLINE.read_bytes(),
    Mapping.build(
        "RegioS", year="Perioden", weight="Bevolking_1", variables={"income": "GemiddeldInkomen_2"}
    ),
)


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", "", html, flags=re.S)).split())


def test_overview_tile_shows_the_change_of_a_small_value_in_whole_units():
    at = open_page(
        "indicators/ui/overview.py",
        "en",
        UPLOAD,
        {"region": "GM0363", "year": "2020", "since": "2019"},
        STATE,
    )
    tiles = [plain(md.value) for md in at.markdown if "bw-tile" in md.value]
    text = " ".join(tiles)
    assert "30.1 euro per year" in text  # not "30"
    assert "▲ +0.8 since 2019 · better" in text  # 29.3 to 30.1: not "= 0 ... unchanged"
    assert "unchanged" not in text


def test_dutch_tile_follows_the_same_precision():
    at = open_page(
        "indicators/ui/overview.py",
        "nl",
        UPLOAD,
        {"region": "GM0363", "year": "2020", "since": "2019"},
        STATE,
    )
    text = " ".join(plain(md.value) for md in at.markdown if "bw-tile" in md.value)
    assert "30,1 euro per jaar" in text and "+0,8 sinds 2019" in text


def test_trend_axis_ticks_tell_small_values_apart():
    at = open_page("indicators/ui/trends.py", "en", UPLOAD, {"regions": "GM0363"}, STATE)
    (fig,) = [f for f in charts_by_title(at).values() if f["data"][0].get("mode")]
    fmt = fig["layout"]["yaxis"]["tickformat"]
    assert fmt not in ("", ",.0f")  # "30, 30, 30"
    assert re.fullmatch(r",\.[1-4]~?f", fmt), fmt
    texts = [t for trace in fig["data"] for t in (trace.get("text") or []) if t]
    assert "29.3" in texts and "30.1" in texts
    assert array(fig["data"][0]["y"]).size
