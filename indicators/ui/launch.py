"""Start the dashboard from an installed package: ``python -m indicators dashboard``.

Runs ``streamlit run`` on the packaged app (:mod:`indicators.ui.app`) with the packaged
settings (``indicators/ui/config.toml``) as flags, so they hold whatever folder it starts in;
options the user gives (``--server.port 8502``) come after them and win.
"""

from __future__ import annotations

import sys
import tomllib
from importlib import resources

SETTINGS = "config.toml"
# `python -m indicators dashboard --lang nl` sets it: the language the app opens in
LANG_VARIABLE = "INDICATORS_LANG"


def settings() -> dict[str, dict]:
    """Return the packaged Streamlit settings, by section."""
    text = resources.files("indicators.ui").joinpath(SETTINGS).read_text(encoding="utf-8")
    return tomllib.loads(text)


def _flag_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def streamlit_args(options: list[str] | tuple[str, ...] = ()) -> list[str]:
    """Return the arguments of ``streamlit run``: the packaged settings as flags, the user's
    ``options`` after them (a setting the user gives replaces the packaged one), then the app
    (``indicators/ui`` is left out of the doctests: tests/test_dashboard_command.py has the
    examples)."""
    options = list(options)
    given = {option.split("=", 1)[0] for option in options if option.startswith("--")}
    flags = [
        f"--{section}.{key}={_flag_value(value)}"
        for section, values in settings().items()
        for key, value in values.items()
        if f"--{section}.{key}" not in given
    ]
    app = str(resources.files("indicators.ui").joinpath("app.py"))
    return ["run", *flags, *options, app]


def run(options: list[str] | tuple[str, ...] = ()) -> int:
    """Run the dashboard until it is stopped; return Streamlit's exit status."""
    from streamlit.web import cli as streamlit_cli

    try:
        streamlit_cli.main(args=streamlit_args(options), prog_name="streamlit")
    except SystemExit as done:  # click ends with sys.exit; a message means failure
        if done.code is None or isinstance(done.code, int):
            return done.code or 0
        print(done.code, file=sys.stderr)
        return 1
    return 0
