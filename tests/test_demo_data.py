"""The bundled demo data: rebuilt exactly by data/make_demo.py, and telling the report's story.

Plain pandas and numpy on purpose: these checks must not depend on the package under test.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

ROOT = Path(__file__).resolve().parents[1]
MAKE_DEMO = ROOT / "data" / "make_demo.py"
DATA = ROOT / "indicators" / "data"  # package data: the demo files and the province layout
PEOPLE = DATA / "demo_people_synthetic.parquet"
PILOT = DATA / "demo_pilot_municipalities_synthetic.parquet"

PEOPLE_COLUMNS = [
    "provincie_code",
    "provincie",
    "jaar",
    "gewicht",
    "geslacht",
    "leeftijd",
    "opleiding",
    "stedelijkheid",
    "levenstevredenheid",
    "geluk",
    "inkomen",
    "ervaren_gezondheid",
    "eenzaam",
    "vertrouwen",
    "onveilig",
    "werkstatus",
    "woonquote",
    "tevredenheid_woonomgeving",
]
PILOT_COLUMNS = [
    "gemeente_code",
    "gemeente",
    "provincie",
    "jaar",
    "inwoners",
    "pilot",
    "pilot_start",
    "aandeel_deeltijdwerk",
    "aandeel_voltijdwerk",
    "bijstandsontvangers",
]
LABELS = {
    "geslacht": {"man", "vrouw"},
    "leeftijd": {"18-34", "35-49", "50-64", "65-74", "75+"},
    "opleiding": {"laag", "middelbaar", "hoog"},
    "stedelijkheid": {
        "zeer sterk stedelijk",
        "sterk stedelijk",
        "matig stedelijk",
        "weinig stedelijk",
        "niet stedelijk",
    },
    "geluk": {
        "zeer ongelukkig",
        "ongelukkig",
        "niet gelukkig/niet ongelukkig",
        "gelukkig",
        "zeer gelukkig",
    },
    "ervaren_gezondheid": {"zeer slecht", "slecht", "gaat wel", "goed", "zeer goed"},
    "eenzaam": {"ja", "nee"},
    "onveilig": {"ja", "nee"},
    "werkstatus": {
        "werkzaam",
        "werkloos",
        "arbeidsongeschikt",
        "gepensioneerd",
        "studerend",
        "overig",
    },
}


def _load_make_demo():
    spec = importlib.util.spec_from_file_location("make_demo", MAKE_DEMO)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def make_demo():
    return _load_make_demo()


@pytest.fixture(scope="module")
def rebuilt(make_demo, tmp_path_factory):
    return make_demo.main(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def people() -> pd.DataFrame:
    return pd.read_parquet(PEOPLE)


@pytest.fixture(scope="module")
def pilot() -> pd.DataFrame:
    return pd.read_parquet(PILOT)


def wmean(df: pd.DataFrame, col: str, by: list[str] | str) -> pd.Series:
    """Weighted mean of ``col`` per group, dropping missing values."""
    d = df[df[col].notna()]
    x = d[col].astype(float) * d["gewicht"]
    return x.groupby([d[b] for b in np.atleast_1d(by)]).sum() / d.groupby(by)["gewicht"].sum()


def wshare(df: pd.DataFrame, mask: pd.Series, valid: pd.Series, by) -> pd.Series:
    """Weighted share of rows where ``mask`` holds, among rows where ``valid`` holds."""
    d = df[valid]
    hit = (mask[valid].astype(float) * d["gewicht"]).groupby([d[b] for b in np.atleast_1d(by)])
    return hit.sum() / d.groupby(by)["gewicht"].sum()


def gini(x: np.ndarray, w: np.ndarray) -> float:
    order = np.argsort(x)
    x, w = x[order], w[order]
    total, mu = w.sum(), np.sum(w * x) / w.sum()
    cw, cxw = np.cumsum(w) - w, np.cumsum(w * x) - w * x
    return float(2 * np.sum(w * x * cw - w * cxw) / (2 * total**2 * mu))


# Rebuilt by the script, equal to what is committed ---------------------------------------


@pytest.mark.parametrize("kind, committed", [("people", PEOPLE), ("pilot", PILOT)])
def test_committed_files_equal_the_script_output(rebuilt, kind, committed):
    pd.testing.assert_frame_equal(pd.read_parquet(committed), pd.read_parquet(rebuilt[kind]))


def test_reading_back_gives_the_built_frame(make_demo, pilot):
    pd.testing.assert_frame_equal(pilot, make_demo.build_pilot(make_demo.SEED))


def test_files_are_small_and_say_they_are_synthetic():
    for path in (PEOPLE, PILOT):
        assert "synthetic" in path.name
        assert path.stat().st_size < 4_000_000
        meta = pq.read_schema(path).metadata
        assert meta[b"synthetic"] == b"true"
        assert b"SYNTHETIC" in meta[b"description"]


# Shape and coding ------------------------------------------------------------------------


def test_provinces_tile_grid():
    prov = pd.read_csv(DATA / "provinces.csv")
    assert list(prov.columns) == ["code", "name", "row", "col"]
    assert prov["code"].tolist() == [f"PV{i}" for i in range(20, 32)]
    assert not prov[["row", "col"]].duplicated().any()
    at = prov.set_index("name")
    assert at.loc["Groningen", "row"] == at.loc["Fryslân", "row"] == 0
    assert at.loc["Noord-Holland", "col"] == at["col"].min()
    assert at.loc["Zeeland", "col"] == at["col"].min()
    assert at.loc["Zeeland", "row"] > at.loc["Zuid-Holland", "row"]
    assert at.loc["Limburg", "row"] == at["row"].max()
    assert at.loc["Limburg", "col"] == at["col"].max()


def test_people_columns_and_codes(people):
    assert list(people.columns) == PEOPLE_COLUMNS
    prov = pd.read_csv(DATA / "provinces.csv")
    pairs = people[["provincie_code", "provincie"]].drop_duplicates()
    assert dict(zip(pairs["provincie_code"], pairs["provincie"], strict=True)) == dict(
        zip(prov["code"], prov["name"], strict=True)
    )
    assert sorted(people["jaar"].unique()) == list(range(2014, 2025))
    sizes = people.groupby(["provincie_code", "jaar"]).size()
    assert len(sizes) == 12 * 11 and sizes.between(1400, 1600).all()
    for col, labels in LABELS.items():
        assert set(people[col].dropna().unique()) == labels, col
    for col in ("levenstevredenheid", "vertrouwen", "tevredenheid_woonomgeving"):
        assert people[col].dropna().between(0, 10).all()
    assert (people["gewicht"] > 0).all()
    mean_weight = people.groupby(["provincie_code", "jaar"])["gewicht"].mean()
    assert np.allclose(mean_weight, 1, atol=0.01)
    assert (people["inkomen"].dropna() >= 0).all()
    missing = people.isna().mean()
    assert missing[["provincie_code", "jaar", "gewicht", "opleiding"]].eq(0).all()
    assert 0.001 < missing["levenstevredenheid"] < 0.01


def test_levels_are_plausible(people):
    before = people[people["jaar"] < 2020]
    assert 7.75 <= wmean(before, "levenstevredenheid", "jaar").mean() <= 7.95
    ls = before["levenstevredenheid"]
    low = wshare(before, ls <= 5, ls.notna(), "jaar").mean()
    assert 0.04 <= low <= 0.08
    g = before["geluk"]
    happy = wshare(before, g.isin(["gelukkig", "zeer gelukkig"]), g.notna(), "jaar").mean()
    assert 0.84 <= happy <= 0.90
    h = people["ervaren_gezondheid"]
    good = wshare(people, h.isin(["goed", "zeer goed"]), h.notna(), "jaar")
    assert good.between(0.72, 0.82).all()
    lonely = wshare(people, people["eenzaam"] == "ja", people["eenzaam"].notna(), "jaar")
    assert lonely.loc[2014:2019].between(0.09, 0.12).all()
    assert lonely.loc[2020] > lonely.loc[2019] and lonely.loc[2021] > lonely.loc[2019]
    unsafe = wshare(people, people["onveilig"] == "ja", people["onveilig"].notna(), "jaar")
    assert unsafe.between(0.13, 0.21).all()
    inc = people.dropna(subset=["inkomen"])
    medians = inc.groupby("jaar")["inkomen"].median()
    assert medians.between(27_000, 36_000).all() and medians.is_monotonic_increasing


def test_correlations_point_the_right_way(people):
    d = people.dropna(subset=["levenstevredenheid", "inkomen"])
    ls = d["levenstevredenheid"].astype(float)
    health = d["ervaren_gezondheid"].map({"zeer slecht": 1, "slecht": 2, "gaat wel": 3, "goed": 4})
    assert np.corrcoef(ls, np.log(d["inkomen"].clip(lower=1000)))[0, 1] > 0.15
    assert ls.corr(health.fillna(5)) > 0.3
    assert ls.corr((d["eenzaam"] == "ja").astype(float)) < -0.15
    by_edu = d.groupby("opleiding")["inkomen"].median()
    assert by_edu["laag"] < by_edu["middelbaar"] < by_edu["hoog"]


# The story -------------------------------------------------------------------------------


def test_dip_in_2020_and_2021_then_recovery(people):
    mean = wmean(people, "levenstevredenheid", "jaar")
    assert mean[2020] < mean[2019] - 0.1
    assert mean[2021] < mean[2019] - 0.1
    assert mean[2024] >= mean[2019] - 0.02


def test_lower_educated_fall_behind(people):
    mean = wmean(people, "levenstevredenheid", ["opleiding", "jaar"])
    assert mean["laag", 2024] < mean["laag", 2019] - 0.1
    gap_2019 = mean["hoog", 2019] - mean["laag", 2019]
    gap_2024 = mean["hoog", 2024] - mean["laag", 2024]
    assert gap_2024 > gap_2019 + 0.2
    # Their income position: median income of the lower educated relative to everyone's.
    inc = people.dropna(subset=["inkomen"])
    relative = (
        inc[inc["opleiding"] == "laag"].groupby("jaar")["inkomen"].median()
        / inc.groupby("jaar")["inkomen"].median()
    )
    assert relative[2024] < relative[2019] - 0.03


def test_two_provinces_same_mean_different_spread(people):
    two = people[people["provincie"].isin(["Utrecht", "Limburg"])]
    mean = wmean(two, "levenstevredenheid", ["provincie", "jaar"]).unstack("provincie")
    assert ((mean["Utrecht"] - mean["Limburg"]).abs() < 0.1).sum() >= 9
    ls = two["levenstevredenheid"]
    low = wshare(two, ls <= 5, ls.notna(), "provincie")
    assert low["Limburg"] >= 1.8 * low["Utrecht"]


def test_rural_and_urban_differ(people):
    unsafe = wshare(people, people["onveilig"] == "ja", people["onveilig"].notna(), "stedelijkheid")
    assert unsafe["zeer sterk stedelijk"] > unsafe["niet stedelijk"] + 0.1
    env = wmean(people, "tevredenheid_woonomgeving", "stedelijkheid")
    assert env["niet stedelijk"] > env["zeer sterk stedelijk"] + 0.5
    inc = people.dropna(subset=["inkomen"])
    ginis = {
        level: gini(d["inkomen"].to_numpy(), d["gewicht"].to_numpy())
        for level, d in inc.groupby("stedelijkheid")
    }
    assert ginis["zeer sterk stedelijk"] > ginis["niet stedelijk"] + 0.02


# The municipal pilot panel ---------------------------------------------------------------


def test_pilot_panel_shape(pilot):
    assert list(pilot.columns) == PILOT_COLUMNS
    assert pilot["gemeente_code"].str.fullmatch(r"GM\d{4}").all()
    assert pilot["gemeente_code"].nunique() == pilot["gemeente"].nunique() == 60
    assert (pilot.groupby("gemeente_code").size() == 11).all()
    per_muni = pilot.groupby("gemeente_code")["pilot"].agg(["nunique", "first"])
    assert (per_muni["nunique"] == 1).all() and (per_muni["first"] == "ja").sum() == 11
    is_pilot = pilot["pilot"] == "ja"
    assert (pilot.loc[is_pilot, "pilot_start"] == 2018).all()
    assert pilot.loc[~is_pilot, "pilot_start"].isna().all()
    provinces = set(pd.read_csv(DATA / "provinces.csv")["name"])
    assert set(pilot["provincie"]) <= provinces
    assert (pilot["bijstandsontvangers"] < pilot["inwoners"] * 0.1).all()


def test_pilot_raises_part_time_work_only(pilot):
    post = pilot["jaar"] >= 2018
    treated = pilot["pilot"] == "ja"

    def did(col: str) -> float:
        m = pilot.groupby([treated, post])[col].mean()
        return (m[True, True] - m[True, False]) - (m[False, True] - m[False, False])

    assert did("aandeel_deeltijdwerk") > 1.0
    assert abs(did("aandeel_voltijdwerk")) < 0.5
