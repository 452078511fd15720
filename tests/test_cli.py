"""The command line, run as analysts run it: `python -m indicators ...`."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from indicators.cli import main
from indicators.package_data import demo_file
from indicators.stats import measures as M

ROOT = Path(__file__).resolve().parents[1]
DEMO = demo_file("people")
STATLINE = ROOT / "tests" / "data" / "statline_regionaal.csv"


@pytest.fixture(autouse=True)
def english_locale(monkeypatch):
    """Run every command under an English locale unless a test says otherwise: the messages
    follow LC_ALL, LC_MESSAGES or LANG (see test_lang_*)."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "indicators", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


@pytest.fixture
def micro(tmp_path):
    df = pd.DataFrame(
        {
            "regio": ["a"] * 4 + ["b"] * 4,
            "jaar": ["2020JJ00"] * 8,
            "w": [1, 1, 2, 2, 1, 1, 1, 1],
            "x": [1.0, 2.0, 3.0, 4.0, 10.0, 10.0, 10.0, 100.0],
            "geluk": ["laag", "hoog", "hoog", "midden"] * 2,
        }
    )
    path = tmp_path / "micro.csv"
    df.to_csv(path, sep=";", index=False)
    return path, df


def read(text):
    return pd.read_csv(io.StringIO(text))


def test_measures_writes_tidy_csv(micro):
    path, df = micro
    out = run(
        "measures",
        path,
        "--value",
        "x",
        "--region",
        "regio",
        "--year",
        "jaar",
        "--weight",
        "w",
        "--measures",
        "mean,median,gini,theil,share_below:5",
    )
    assert out.returncode == 0, out.stderr
    t = read(out.stdout)
    assert list(t.columns) == ["regio", "jaar", "measure", "value", "n"]
    assert set(t.jaar) == {2020}
    b = t[t.regio == "b"].set_index("measure")["value"]
    assert b["gini"] == pytest.approx(M.gini([10, 10, 10, 100]))
    a = t[t.regio == "a"].set_index("measure")["value"]
    assert a["mean"] == pytest.approx(M.mean([1, 2, 3, 4], [1, 1, 2, 2]))
    tot = t[t.regio == "Total"].set_index("measure")["value"]
    assert tot["theil"] == pytest.approx(tot["theil_between"] + tot["theil_within"])
    assert (t.n[t.regio == "Total"] == 8).all()


def test_measures_default_set_and_order(micro, capsys):
    path, _ = micro
    assert (
        main(
            [
                "measures",
                str(path),
                "--value",
                "geluk",
                "--region",
                "regio",
                "--order",
                "laag,midden,hoog",
            ]
        )
        == 0
    )
    t = read(capsys.readouterr().out)
    measures = set(t.measure)
    assert {"mean", "p90", "atkinson_2", "poverty_rate", "share:hoog"} <= measures
    a = t[t.regio == "a"].set_index("measure")["value"]
    assert a["mean"] == pytest.approx((1 + 3 + 3 + 2) / 4)
    assert a["share:hoog"] == pytest.approx(0.5)


def test_measures_by_group_and_out_file(tmp_path):
    out_file = tmp_path / "out.csv"
    assert (
        main(
            [
                "measures",
                str(DEMO),
                "--value",
                "inkomen",
                "--region",
                "provincie",
                "--year",
                "jaar",
                "--weight",
                "gewicht",
                "--by",
                "opleiding",
                "--measures",
                "median,p10",
                "--out",
                str(out_file),
            ]
        )
        == 0
    )
    t = pd.read_csv(out_file)
    assert list(t.columns) == ["provincie", "jaar", "opleiding", "measure", "value", "n"]
    assert set(t.opleiding) == {"laag", "middelbaar", "hoog"}
    assert "Total" in set(t.provincie)


def test_aggregates_with_population_weight():
    # one row per municipality: the spread across municipalities within each year
    out = run(
        "measures",
        STATLINE,
        "--value",
        "GemiddeldInkomen_2",
        "--region",
        "RegioS",
        "--year",
        "Perioden",
        "--weight",
        "Bevolking_1",
        "--measures",
        "mean,gini",
    )
    assert out.returncode == 0, out.stderr
    t = read(out.stdout)
    assert set(t.Perioden) <= {2019, 2020, 2021}
    assert not t.RegioS.str.endswith(" ").any()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--value", "x", "--region", "regoi"], ["regoi", "did you mean 'regio'"]),
        (["--value", "x", "--region", "regio", "--measures", "ginni"], ["Unknown measure"]),
        (["--value", "geluk", "--region", "regio"], ["text answers", "--order"]),
        (
            ["--value", "geluk", "--region", "regio", "--order", "laag,hoog"],
            ["midden", "not in the order"],
        ),
    ],
)
def test_errors_exit_2_without_traceback(micro, args, expected):
    path, _ = micro
    out = run("measures", path, *args)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    for fragment in expected:
        assert fragment in out.stderr


def test_unreadable_file_exit_2(tmp_path):
    bad = tmp_path / "plaatje.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    out = run("measures", bad, "--value", "x", "--region", "r")
    assert out.returncode == 2 and "plaatje.csv" in out.stderr and "Traceback" not in out.stderr


def test_registry_formats(capsys):
    assert main(["registry", "--format", "json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert len(items) >= 24 and {"id", "label"} <= set(items[0])
    assert main(["registry", "--format", "csv", "--lang", "nl"]) == 0
    assert "Gemiddelde levenstevredenheid" in capsys.readouterr().out
    assert main(["registry"]) == 0
    assert "income_gini" in capsys.readouterr().out


def test_registry_with_own_catalog(tmp_path, capsys):
    own = tmp_path / "mine.toml"
    own.write_text(
        '[[indicator]]\nid = "income_p20"\nvariable = "income"\nmeasure = "p20"\n'
        'label_nl = "P20 van het inkomen"\nlabel_en = "Income P20"\n'
        'description_nl = "Het twintigste percentiel."\ndescription_en = "The 20th percentile."\n'
        'perspective = "here_and_now"\nbeyond_average = true\n'
        'rationale_nl = "De onderkant."\nrationale_en = "The bottom."\nreference = "Own"\n',
        encoding="utf-8",
    )
    assert main(["registry", "--catalog", str(own), "--format", "csv"]) == 0
    assert "income_p20" in capsys.readouterr().out


def test_compute_every_indicator_the_mapping_allows(capsys):
    assert (
        main(
            [
                "compute",
                str(DEMO),
                "--map",
                "life_satisfaction=levenstevredenheid",
                "--map",
                "income=inkomen",
                "--map",
                "happiness=geluk",
                "--region",
                "provincie",
                "--year",
                "jaar",
                "--weight",
                "gewicht",
            ]
        )
        == 0
    )
    t = read(capsys.readouterr().out)
    assert {
        "life_satisfaction_mean",
        "income_gini",
        "income_poverty_rate",
        "happiness_happy",
    } <= set(t.indicator)
    assert "provincie" in t.columns and "jaar" in t.columns
    assert t.suppressed.sum() == 0


def test_compute_bad_map(capsys):
    assert main(["compute", str(DEMO), "--map", "geluk", "--region", "provincie"]) == 2
    assert "VARIABLE=COLUMN" in capsys.readouterr().err
    assert main(["compute", str(DEMO), "--map", "blij=geluk", "--region", "provincie"]) == 2
    assert "not a registry variable" in capsys.readouterr().err


@pytest.mark.parametrize("command", [[], ["measures"], ["registry"], ["compute"]])
def test_help_everywhere(command):
    out = run(*command, "--help")
    assert out.returncode == 0 and "usage:" in out.stdout


NO_COLUMN = ["--value", "x", "--region", "regoi"]
DUTCH = ("fout: ", "heeft geen kolom 'regoi'; bedoelt u 'regio'?", "De kolommen zijn: ")
ENGLISH = ("error: ", "has no column 'regoi'; did you mean 'regio'?", "The columns are: ")


@pytest.mark.parametrize(
    ("environment", "lang", "expected"),
    [
        ({}, ["--lang", "nl"], DUTCH),  # asked for: Dutch under an English locale
        ({"LANG": "nl_NL.UTF-8"}, [], DUTCH),  # the default follows the locale
        ({"LANG": "nl_BE.UTF-8"}, [], DUTCH),
        ({"LANG": "nl_NL.UTF-8"}, ["--lang", "en"], ENGLISH),  # asked for: English
        ({"LANG": "nl_NL.UTF-8", "LC_ALL": "en_US.UTF-8"}, [], ENGLISH),  # LC_ALL decides
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "nl_NL.UTF-8"}, [], DUTCH),
        ({"LANG": ""}, [], ENGLISH),  # no locale: English
    ],
)
def test_lang_of_the_error_messages(micro, monkeypatch, environment, lang, expected):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    out = run("measures", micro[0], *NO_COLUMN, *lang)
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.startswith(expected[0])
    for fragment in expected[1:]:
        assert fragment in out.stderr


def test_lang_on_every_command(micro, capsys):
    path, _ = micro
    assert main(["measures", str(path), *NO_COLUMN, "--lang", "nl"]) == 2
    assert "heeft geen kolom 'regoi'" in capsys.readouterr().err
    assert main(["compute", str(DEMO), "--map", "geluk", "--region", "provincie", "--lang", "nl"])
    assert "schrijf VARIABELE=KOLOM" in capsys.readouterr().err
    bad_map = ["compute", str(DEMO), "--map", "blij=geluk", "--region", "provincie"]
    assert main([*bad_map, "--lang", "nl"]) == 2
    assert "'blij' is geen variabele van het register" in capsys.readouterr().err
    assert main([*bad_map, "--lang", "en"]) == 2
    assert "'blij' is not a registry variable" in capsys.readouterr().err
    assert main(["compute", str(path), "--region", "regio", "--lang", "nl"]) == 2
    assert "Geef ten minste één --map" in capsys.readouterr().err


def test_lang_of_the_registry_follows_the_locale_too(monkeypatch, capsys):
    assert main(["registry", "--format", "csv"]) == 0
    assert "Average life satisfaction" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert main(["registry", "--format", "csv"]) == 0
    assert "Gemiddelde levenstevredenheid" in capsys.readouterr().out
    assert main(["registry", "--format", "csv", "--lang", "en"]) == 0
    assert "Average life satisfaction" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "dutch", "english"),
    [
        (
            ["measures", "x.csv"],
            "python -m indicators measures: fout: deze argumenten ontbreken: --value, --region",
            "python -m indicators measures: error: the following arguments are required: "
            "--value, --region",
        ),
        (
            ["compute", "x.csv", "--region", "r", "--min-n", "veel"],
            "python -m indicators compute: fout: argument --min-n: ongeldige int-waarde: 'veel'",
            "python -m indicators compute: error: argument --min-n: invalid int value: 'veel'",
        ),
        (
            ["registry", "--format", "xml"],
            "fout: argument --format: ongeldige keuze: 'xml' (kies uit 'table', 'csv', 'json')",
            "error: argument --format: invalid choice: 'xml' (choose from 'table', 'csv', 'json')",
        ),
        (
            ["registry", "--bogus"],
            "python -m indicators: fout: onbekende argumenten: --bogus",
            "python -m indicators: error: unrecognized arguments: --bogus",
        ),
    ],
)
def test_lang_of_the_usage_errors(monkeypatch, capsys, args, dutch, english):
    for lang, expected in (("nl", dutch), ("en", english)):
        with pytest.raises(SystemExit) as stop:
            main([*args, "--lang", lang])
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: ") and expected in err, err
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")  # the locale decides without --lang
    with pytest.raises(SystemExit):
        main(args)
    assert dutch in capsys.readouterr().err
