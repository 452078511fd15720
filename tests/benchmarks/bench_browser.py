"""The dashboard as a user feels it: Debian's Chromium (Playwright) against ``streamlit run``.

Times, on the demo data, how long each user action takes until the page is finished again:
the first page on a fresh session (a new browser context), a region change and a year change
on the Overview, a switch to each page through the sidebar, and the language switch. Prints a
table (median and max over ``--rounds`` repetitions). Run with ``make bench`` or
``python tests/benchmarks/bench_browser.py [--rounds N]``. Figures, not assertions: these
machines are shared and noisy.

What "finished" means: a page script records, in the browser, the moment of the user's input
(the click or key press that triggers the rerun; the navigation start for a fresh session) and
the moment of the last change to the page (a ``MutationObserver`` over the whole document).
An action is done when Streamlit's script state is ``notRunning`` after the input (it was seen
``running``, or the page changed: a quick rerun may never show ``running``) and the page has not
changed for ``QUIET`` seconds; its time is the last change minus the input, so the quiet wait
itself is never counted (unlike ``wait_for_app``'s settle).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
QUIET = 0.8  # seconds without a change to the page: the action is over
TIMEOUT = 60.0
PAGES = ("distribution", "regions", "trends", "data", "indicators", "overview")
REGIONS = ("Limburg", "Utrecht", "Groningen", "Zeeland", "Drenthe", "Friesland", "Flevoland")
YEARS = ("2023", "2022", "2021", "2020", "2019", "2018", "2017")

# Installed before any page script: the moment of the last change and of the armed input.
PROBE = """
(() => {
  const bench = { last: 0, input: null, armed: false, running: false };
  window.__bench = bench;
  const arm = () => { if (bench.armed) { bench.input = performance.now(); bench.armed = false; } };
  for (const kind of ['pointerdown', 'mousedown', 'keydown', 'click']) {
    window.addEventListener(kind, arm, true);
  }
  const watch = () => {
    // A short run can start and end before the observer is called: look at the old values.
    new MutationObserver((records) => {
      bench.last = performance.now();
      for (const r of records) {
        if (r.attributeName === 'data-test-script-state'
            && (r.oldValue === 'running' || r.target.getAttribute(r.attributeName) === 'running')) {
          bench.running = true;
        }
      }
    }).observe(document, {
      subtree: true, childList: true, attributes: true, characterData: true,
      attributeOldValue: true,
    });
  };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watch);
  } else {
    watch();
  }
})();
"""


COUNT = "() => document.querySelectorAll('[data-testid=\"stElementContainer\"]').length"


def _harness():
    """Load the browser-test helpers (tests/browser/conftest.py) under a name of their own."""
    spec = importlib.util.spec_from_file_location(
        "browser_harness", ROOT / "tests" / "browser" / "conftest.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def arm(page) -> None:
    """Make the next click or key press the start of the action being timed."""
    page.evaluate(
        "() => { const b = window.__bench; b.armed = true; b.input = null; b.running = false; }"
    )


def finished(page, start_at_navigation: bool = False) -> float:
    """Wait until the app ran and the page has been quiet; return the action's seconds."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        done = page.evaluate(
            """(quiet) => {
              const b = window.__bench;
              const app = document.querySelector('[data-testid="stApp"]');
              if (!b || !app) return null;
              const state = app.getAttribute('data-test-script-state');
              const conn = app.getAttribute('data-test-connection-state');
              if (state === 'running') b.running = true;
              const now = performance.now();
              // a quick rerun may never show 'running' (React draws only its end): then any
              // change after the input, followed by the quiet time, ends the action
              const changed = b.running || (b.input !== null && b.last > b.input);
              if (conn === 'CONNECTED' && changed && state === 'notRunning'
                  && now - b.last >= quiet) {
                return { last: b.last, input: b.input };
              }
              return null;
            }""",
            QUIET * 1000,
        )
        if done is not None:
            start = 0.0 if start_at_navigation else done["input"]
            if start is None:
                raise RuntimeError("the action's input was never seen")
            return (done["last"] - start) / 1000
        page.wait_for_timeout(50)
    raise RuntimeError(f"the app did not become idle within {TIMEOUT:.0f} s")


def choose(app, label: str, option: str) -> float:
    """Pick ``option`` in the select box ``label``; return the seconds until idle."""
    page = app.page
    app.widget("stSelectbox", label).click()
    page.keyboard.type(option)
    target = page.get_by_role("option", name=option, exact=True)
    target.wait_for()
    arm(page)
    target.click()
    return finished(page)


def nav(app, url_path: str) -> float:
    """Go to another page through the sidebar; return the seconds until idle."""
    page = app.page
    href = "/" if url_path == "overview" else f"/{url_path}"
    link = page.locator(
        f'[data-testid="stSidebarNavLink"]:is([href$="{href}"], [href*="{href}?"])'
    ).first
    arm(page)
    link.click()
    return finished(page)


def switch_language(app, name: str) -> float:
    """Click the language button ``name`` in the sidebar; return the seconds until idle."""
    button = app.sidebar.get_by_role("button", name=name, exact=True)
    if button.count() == 0:  # segmented control buttons may be radios or tabs
        button = app.sidebar.get_by_text(name, exact=True)
    arm(app.page)
    button.first.click()
    return finished(app.page)


def fresh(browser, base_url: str, harness):
    """Open the Overview in a new browser context; return (App, seconds until idle)."""
    context = browser.new_context(viewport=harness.VIEWPORT, locale="en-US", base_url=base_url)
    context.add_init_script(PROBE)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT * 1000)
    page.goto("/")
    seconds = finished(page, start_at_navigation=True)
    harness.assert_clean(page, "the Overview on a fresh session")
    return harness.App(page), seconds


def row(name: str, values: list[float]) -> str:
    return f"| {name} | {statistics.median(values):.2f} | {max(values):.2f} | {len(values)} |"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="repetitions of each action")
    args = parser.parse_args(argv)
    harness = _harness()
    problem = harness.chromium_missing_message()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    times: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    with harness.StreamlitServer() as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=harness.CHROMIUM, args=harness.CHROMIUM_ARGS)
        try:
            app, seconds = fresh(browser, server.url, harness)
            cold = seconds  # the server's first session: nothing cached yet
            app.page.context.close()
            for _ in range(args.rounds):
                app, seconds = fresh(browser, server.url, harness)
                note("first page (Overview), fresh session", seconds)
                app.page.context.close()

            app, _ = fresh(browser, server.url, harness)
            elements = app.page.evaluate(COUNT)
            region_label, year_label = "Region", "Year"
            for i in range(args.rounds):
                note("Overview: region change", choose(app, region_label, REGIONS[i % 7]))
            for i in range(args.rounds):
                note("Overview: year change", choose(app, year_label, YEARS[i % 7]))
            for _ in range(args.rounds):
                for url_path in PAGES:
                    note(f"page switch to {url_path}", nav(app, url_path))
            for _ in range(args.rounds):
                note("language switch (Overview, to Dutch)", switch_language(app, "Nederlands"))
                note("language switch (Overview, to English)", switch_language(app, "English"))
            harness.assert_clean(app.page, "the Overview after the actions")
        finally:
            browser.close()

    print(f"first page on the server's first session (nothing cached): {cold:.2f} s")
    print(f"elements drawn on the Overview (Streamlit element containers): {elements}")
    print("| action | median s | max s | n |")
    print("|---|---|---|---|")
    for name, values in times.items():
        print(row(name, values))
    return 0


if __name__ == "__main__":
    sys.exit(main())
