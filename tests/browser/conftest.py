"""Real-browser harness: Debian's Chromium, driven by Playwright, against ``streamlit run``.

One Streamlit server per test session on a free local port (``base_url``), one fresh browser
context (so one fresh Streamlit session) per test. Chromium comes from Debian's ``chromium``
package (``make chromium``); ``playwright install`` is never used. When Chromium is missing the
tests fail with a message saying how to install it: a browser test that silently skips would
let CI pass without ever opening the app.

Tests use the ``app`` fixture (an ``App``: the page plus the few moves a user makes). The
helpers here (``StreamlitServer``, ``wait_for_app``, ``App``, ``problems_on``) are also used by
``tests/screenshots.py``, which loads this file by path.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

expect.set_options(timeout=30_000)  # Streamlit on two shared cores can be slow to rerun

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1400, "height": 1800}
STARTUP_TIMEOUT = 60.0  # seconds for the server to answer /_stcore/health
APP = '[data-testid="stApp"]'
MAIN = '[data-testid="stMain"]'
SIDEBAR = '[data-testid="stSidebar"]'
CHART = '[data-testid="stPlotlyChart"]'
UPLOADER = '[data-testid="stFileUploader"]'
EXCEPTION = '[data-testid="stException"]'


def chromium_missing_message() -> str | None:
    """Return why Chromium cannot be used, or None when it can."""
    if Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK):
        return None
    found = shutil.which("chromium")
    hint = f" (but `chromium` is on PATH at {found}: set CHROMIUM_PATH={found})" if found else ""
    return (
        f"Debian's Chromium is needed for the browser tests but {CHROMIUM} is missing{hint}. "
        "Install it with `make chromium` (apt-get install chromium); "
        "never `playwright install`."
    )


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StreamlitServer:
    """A ``streamlit run dashboard.py`` process on a free local port."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        # the server's output, kept for error messages; closed by close()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = STARTUP_TIMEOUT) -> StreamlitServer:
        """Start the server and wait until its health check answers ok."""
        cmd = [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(self.port),
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
        ]
        self.process = subprocess.Popen(
            cmd, cwd=ROOT, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"streamlit run stopped with code {self.process.returncode} "
                    f"before it answered:\n{self.output()}"
                )
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200 and resp.read().strip() == b"ok":
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(
            f"streamlit run did not answer {self.url}/_stcore/health within {timeout:.0f} s:\n"
            f"{self.output()}"
        )

    def output(self) -> str:
        """Return what the server printed so far (stdout and stderr)."""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode(errors="replace")

    def stop(self) -> None:
        """Terminate the server (kill it when it does not stop within 10 s)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def close(self) -> None:
        """Stop the server and drop its output."""
        self.stop()
        self._log.close()

    def __enter__(self) -> StreamlitServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()


def wait_for_app(page, timeout: float = 60.0, settle: float = 0.6) -> None:
    """Wait until the app is connected and its script has been idle for ``settle`` seconds.

    A rerun starts a moment after a click or an upload, so one look at the script state is not
    enough: the state must stay ``notRunning`` for a while.
    """
    page.wait_for_selector(f'{APP}[data-test-connection-state="CONNECTED"]', timeout=timeout * 1000)
    app = page.locator(APP)
    deadline = time.monotonic() + timeout
    idle_since = None
    while time.monotonic() < deadline:
        state = app.get_attribute("data-test-script-state")
        if state == "notRunning":
            idle_since = idle_since or time.monotonic()
            if time.monotonic() - idle_since >= settle:
                return
        else:
            idle_since = None
        page.wait_for_timeout(100)
    raise AssertionError(f"the app was still running after {timeout:.0f} s")


def problems_on(page) -> list[str]:
    """Return what on the page shows that something broke (empty when nothing did)."""
    from indicators.ui.i18n import COMMON

    found = []
    n_exceptions = page.locator(EXCEPTION).count()
    if n_exceptions:
        found.append(f"{n_exceptions} exception element(s)")
    text = page.locator(APP).inner_text()
    if "Traceback" in text:
        found.append("the word 'Traceback'")
    for lang, apology in COMMON["unexpected"].items():
        if apology.split(".")[0] in text:
            found.append(f"the page's apology for an unexpected error ({lang})")
    return found


def assert_clean(page, where: str = "") -> None:
    """Fail when the page shows an exception, a traceback or the unexpected-error apology."""
    found = problems_on(page)
    if found:
        details = page.locator(APP).inner_text()[:3000]
        raise AssertionError(f"{where or page.url} shows {', '.join(found)}. Page text:\n{details}")


class App:
    """A browser page on the dashboard, with the few moves the tests and screenshots need."""

    def __init__(self, page) -> None:
        self.page = page
        self.main = page.locator(MAIN)
        self.sidebar = page.locator(SIDEBAR)

    def goto(self, path: str) -> App:
        """Open a path (a new Streamlit session) and wait until the page has run."""
        self.page.goto(path)
        wait_for_app(self.page)
        return self

    def wait(self, **kwargs) -> App:
        """Wait until the app is idle."""
        wait_for_app(self.page, **kwargs)
        return self

    def nav(self, url_path: str) -> App:
        """Go to another page through the sidebar, keeping the session (and its upload)."""
        href = "/" if url_path == "overview" else f"/{url_path}"
        self.page.locator(
            f'[data-testid="stSidebarNavLink"]:is([href$="{href}"], [href*="{href}?"])'
        ).first.click()
        self.page.wait_for_url(re.compile(rf"{re.escape(href)}(\?.*)?$"))
        return self.wait()

    def upload(self, path: Path) -> App:
        """Put a file in the (first) file uploader and wait until the app has read it."""
        self.page.locator(f'{UPLOADER} input[type="file"]').first.set_input_files(path)
        return self.wait()

    def widget(self, testid: str, label: str):
        """Return the main-area widget of a kind (``stSelectbox``, ...) labelled ``label``."""
        exact = re.compile(rf"^\s*{re.escape(label)}\s*$")
        return self.main.locator(f'[data-testid="{testid}"]').filter(
            has=self.page.locator('[data-testid="stWidgetLabel"]', has_text=exact)
        )

    def selected(self, label: str):
        """Return the input of the select box labelled ``label`` (its value is the choice)."""
        return self.widget("stSelectbox", label).get_by_role("combobox")

    def choose(self, label: str, option: str) -> None:
        """Pick ``option`` in the select box labelled ``label`` (typing filters long lists)."""
        self.widget("stSelectbox", label).click()
        self.page.keyboard.type(option)
        self.page.get_by_role("option", name=option, exact=True).click()
        self.wait()

    def charts(self):
        """Return the plotly charts in the main area."""
        return self.main.locator(CHART)

    def assert_clean(self, where: str = "") -> None:
        """Fail when the page shows an exception, a traceback or the apology."""
        assert_clean(self.page, where)


# ---- pytest-playwright fixtures ------------------------------------------------------------


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium; fail (never skip) when it is missing."""
    problem = chromium_missing_message()
    if problem:
        pytest.fail(problem, pytrace=False)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session")
def streamlit_server():
    """Run ``streamlit run dashboard.py`` for the whole session."""
    server = StreamlitServer()
    try:
        server.start()
    except RuntimeError as err:
        pytest.fail(str(err), pytrace=False)
    yield server
    server.close()


@pytest.fixture(scope="session")
def base_url(streamlit_server):
    """Point ``page.goto("/data")`` at the session's Streamlit server."""
    return streamlit_server.url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A tall window (Streamlit scrolls inside its own container) and an English browser."""
    return {**browser_context_args, "viewport": VIEWPORT, "locale": "en-US"}


@pytest.fixture
def page(page):
    """Fail a test quickly rather than hang: 30 s for any wait or assertion."""
    page.set_default_timeout(30_000)
    return page


@pytest.fixture
def app(page) -> App:
    """The dashboard in a fresh browser context (a fresh Streamlit session)."""
    return App(page)


@pytest.fixture
def new_app(new_context):
    """Open the dashboard in another fresh browser context, as someone else would."""

    def make() -> App:
        page = new_context().new_page()
        page.set_default_timeout(30_000)
        return App(page)

    return make
