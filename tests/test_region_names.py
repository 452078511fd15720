"""Region codes are shown with their names: the packaged CBS list and the mapping function."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from indicators.dataset import region_names as rn
from indicators.io.load import load_table

DATA = Path(__file__).parent / "data"


def test_packaged_list_has_the_342_municipalities_and_12_provinces():
    regions = rn.packaged()
    gm = regions[regions["kind"] == "gemeente"]
    assert len(gm) == 342
    assert gm["code"].is_unique and gm["name"].is_unique
    assert gm["code"].str.fullmatch(r"GM\d{4}").all()
    pv = regions[regions["kind"] == "provincie"]
    assert sorted(pv["code"]) == [f"PV{n}" for n in range(20, 32)]
    assert len(regions[regions["kind"] == "corop"]) == 40
    assert sorted(regions.loc[regions["kind"] == "landsdeel", "code"]) == [
        "LD01",
        "LD02",
        "LD03",
        "LD04",
    ]
    assert regions["code"].is_unique
    # every gemeente lies in one of the 12 provinces, with the known numbers per province
    counts = gm["province"].value_counts().to_dict()
    assert counts == {
        "PV30": 56,
        "PV25": 51,
        "PV28": 50,
        "PV27": 44,
        "PV31": 31,
        "PV26": 26,
        "PV23": 25,
        "PV21": 18,
        "PV29": 13,
        "PV22": 12,
        "PV20": 10,
        "PV24": 6,
    }


def test_known_codes_have_their_cbs_names():
    names = rn.packaged_names()
    assert names["GM0363"] == "Amsterdam"
    assert names["GM0599"] == "Rotterdam"
    assert names["GM0518"] == "'s-Gravenhage"
    assert names["GM0344"] == "Utrecht"
    assert names["GM0796"] == "'s-Hertogenbosch"
    assert names["GM1900"] == "Súdwest-Fryslân"
    assert names["GM1992"] == "Voorne aan Zee"  # formed 1 January 2023
    assert names["PV21"] == "Fryslân"
    assert names["CR23"] == "Groot-Amsterdam"
    assert names["LD03"] == "West-Nederland"


def test_statline_codes_with_spaces_map_to_names():
    shown = rn.display_names(["GM0796  ", "gm0363", " PV27    ", "CR17", "LD01"])
    assert shown == {
        "GM0796  ": "'s-Hertogenbosch",
        "gm0363": "Amsterdam",
        " PV27    ": "Noord-Holland",
        "CR17": "Utrecht",
        "LD01": "Noord-Nederland",
    }


def test_unknown_codes_and_names_stay_as_they_are():
    shown = rn.display_names(["GM0000", "WK036300", "Gemeente X", "Total"])
    assert shown == {
        "GM0000": "GM0000",
        "WK036300": "WK036300",
        "Gemeente X": "Gemeente X",
        "Total": "Total",
    }


def test_the_files_own_names_come_first():
    # a name column beside the code column (StatLine: "RegioS" codes and "Regio's" names)
    df = pd.DataFrame(
        {
            "RegioS": ["GM0796    ", "GM0796    ", "GM9001    "],
            "Regio's": ["Den Bosch", "Den Bosch", "Nieuwe gemeente"],
            "Bevolking": [1, 2, 3],
        }
    )
    assert rn.name_column(df, "RegioS") == "Regio's"
    own = rn.own_names(df, "RegioS")
    assert own == {"GM0796": "Den Bosch", "GM9001": "Nieuwe gemeente"}
    assert rn.display_names(["GM0796", "GM9001", "GM0363"], own) == {
        "GM0796": "Den Bosch",
        "GM9001": "Nieuwe gemeente",
        "GM0363": "Amsterdam",
    }


def test_code_and_name_in_one_value():
    df = pd.DataFrame({"regio": ["GM0796 's-Hertogenbosch", "GM9002 Eigen naam"]})
    own = rn.own_names(df, "regio")
    shown = rn.display_names(df["regio"], own)
    assert shown == {
        "GM0796 's-Hertogenbosch": "'s-Hertogenbosch",
        "GM9002 Eigen naam": "Eigen naam",
    }


def test_no_name_column_when_names_repeat_or_are_numbers():
    df = pd.DataFrame(
        {
            "gemeente_code": ["GM0363", "GM0344", "GM0599"],
            "provincie": ["Noord-Holland", "Utrecht", "Noord-Holland"],  # not one name each
            "naam": [1, 2, 3],  # numbers are no names
        }
    )
    assert rn.name_column(df, "gemeente_code") is None
    assert rn.own_names(df, "gemeente_code") == {}


def test_two_regions_never_share_a_shown_name():
    shown = rn.display_names(["GM0344", "CR17", "PV26"])
    assert len(set(shown.values())) == 3
    assert shown["GM0344"] == "Utrecht (GM0344)"
    assert shown["CR17"] == "Utrecht (CR17)"
    assert shown["PV26"] == "Utrecht (PV26)"


def test_statline_file_names_its_regions():
    raw = load_table(DATA / "statline_regionaal.csv")
    codes = sorted(raw["RegioS"].astype(str).str.strip().unique())
    assert codes == ["GM0344", "GM0363", "PV27"]
    shown = rn.display_names(codes, rn.own_names(raw, "RegioS"))
    assert shown == {"GM0344": "Utrecht", "GM0363": "Amsterdam", "PV27": "Noord-Holland"}


def test_with_names_keeps_the_code_as_the_key():
    frame = pd.DataFrame({"region": ["GM0363", "Total"], "value": [1.0, 2.0]})
    out = rn.with_names(frame, rn.display_names(frame["region"]))
    assert out["region"].tolist() == ["GM0363", "Total"]
    assert out["region_name"].tolist() == ["Amsterdam", "Total"]
    assert out.columns.tolist() == ["region", "region_name", "value"]
