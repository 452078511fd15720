"""`python -m indicators dashboard`: the packaged app, its settings, and the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators import cli
from indicators.ui import app, launch

ROOT = Path(__file__).resolve().parents[1]


def test_packaged_settings_equal_the_source_trees():
    # `streamlit run dashboard.py` reads .streamlit/config.toml; the installed command passes
    # the packaged copy as flags: the two must not drift apart
    source = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert launch.settings() == source
    assert source["server"]["address"] == "127.0.0.1" and source["server"]["headless"] is True


def test_every_setting_becomes_a_flag_before_the_app():
    args = launch.streamlit_args()
    assert args[0] == "run"
    assert Path(args[-1]) == Path(app.__file__) and Path(args[-1]).is_file()
    expected = {
        f"--{section}.{key}": value
        for section, values in launch.settings().items()
        for key, value in values.items()
    }
    flags = dict(arg.split("=", 1) for arg in args[1:-1])
    assert set(flags) == set(expected)
    assert flags["--server.headless"] == "true" and flags["--browser.gatherUsageStats"] == "false"
    assert flags["--server.maxUploadSize"] == str(expected["--server.maxUploadSize"])
    assert flags["--theme.primaryColor"] == expected["--theme.primaryColor"]


@pytest.mark.parametrize(
    "options",
    [["--server.address", "0.0.0.0"], ["--server.address=0.0.0.0"]],
)
def test_the_users_options_win_and_come_before_the_app(options):
    user = ["--server.port", "8502", *options]
    args = launch.streamlit_args(user)
    assert not any(arg.startswith("--server.address=127") for arg in args)
    assert args[-1 - len(user) : -1] == user and args[-1].endswith("app.py")
    assert "--server.headless=true" in args  # the other settings stay


def test_the_command_hands_streamlit_options_to_the_launcher(monkeypatch):
    seen = []
    monkeypatch.setattr(launch, "run", lambda options: seen.append(options) or 0)
    assert cli.main(["dashboard", "--server.port", "8502", "--theme.base=dark"]) == 0
    assert seen == [["--server.port", "8502", "--theme.base=dark"]]


def test_the_dashboard_takes_lang_for_itself(monkeypatch):
    seen = []
    monkeypatch.setattr(launch, "run", lambda options: seen.append(options) or 0)
    monkeypatch.setenv(launch.LANG_VARIABLE, "en")  # undone after the test, as cli's "nl"
    assert cli.main(["dashboard", "--lang", "nl", "--server.port", "8502"]) == 0
    assert seen == [["--server.port", "8502"]]  # not handed to streamlit, which refuses it
    assert os.environ[launch.LANG_VARIABLE] == "nl"  # the app's first language


def test_other_commands_still_refuse_unknown_options(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["registry", "--server.port", "8502"])
    assert stop.value.code == 2
    assert "unrecognized arguments: --server.port 8502" in capsys.readouterr().err


def test_help_and_readme_name_the_dashboard_command():
    out = subprocess.run(
        [sys.executable, "-m", "indicators", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "dashboard" in out and "packaged demo data" in out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command_line = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    usage = subprocess.run(
        [sys.executable, "-m", "indicators", "dashboard", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()[0]
    assert usage.startswith("usage: python -m indicators dashboard [--lang nl|en]")
    assert usage.removeprefix("usage: ") in command_line  # as the command's own usage says


def test_the_packaged_app_runs_as_the_main_script():
    # what the installed command starts: the app file itself, not dashboard.py
    at = AppTest.from_file(launch.streamlit_args()[-1], default_timeout=120).run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Overview"
    at.switch_page("regions.py").run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Regions"
