"""Save a PNG of every dashboard page, in English and Dutch, with headless Chromium.

Run with ``make screenshots`` (or ``.venv/bin/python tests/screenshots.py``). It starts
``streamlit run dashboard.py`` on a free local port, opens every page on the demo data in both
languages, then uploads ``tests/browser/data/gemeenten.csv`` on the Data page and shows the
Data page and the chart pages for that file. The PNGs go to ``screenshots/`` (git-ignored) and
their paths are printed. A page that shows an exception, a traceback or the unexpected-error
apology is named at the end, and the script then exits with status 1.

Streamlit scrolls inside its own container, so a full-page screenshot adds nothing; instead the
window is made as tall as the page's content before each screenshot.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PAGES = (
    "findings",
    "overview",
    "distribution",
    "regions",
    "trends",
    "groups",
    "experiments",
    "profiles",
    "data",
    "indicators",
)
CHART_PAGES = ("distribution", "regions", "trends", "groups", "experiments", "profiles")
FIXTURE = HERE / "browser" / "data" / "gemeenten.csv"
MAX_HEIGHT = 8000  # pixels; a taller page is cut off at this height


def _harness():
    """Load the browser-test helpers (tests/browser/conftest.py) under a name of their own."""
    spec = importlib.util.spec_from_file_location(
        "browser_harness", HERE / "browser" / "conftest.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _content_height(page) -> int:
    """Return the height the window needs to show the whole page without scrolling."""
    return page.evaluate(
        """() => {
            const main = document.querySelector('[data-testid="stMain"]');
            const side = document.querySelector('[data-testid="stSidebarContent"]');
            return Math.max(main ? main.scrollHeight : 0, side ? side.scrollHeight : 0);
        }"""
    )


def shoot(page, path: Path, harness, problems: dict) -> None:
    """Wait for the app, make the window as tall as the page, and save a PNG."""
    harness.wait_for_app(page)
    width = harness.VIEWPORT["width"]
    height = min(max(harness.VIEWPORT["height"], _content_height(page) + 40), MAX_HEIGHT)
    if height != page.viewport_size["height"]:
        page.set_viewport_size({"width": width, "height": height})
        harness.wait_for_app(page, settle=1.0)  # charts redraw at the new size
    page.screenshot(path=str(path))
    found = harness.problems_on(page)
    if found:
        problems[path.name] = found
    page.set_viewport_size(harness.VIEWPORT)
    print(f"{path}  PROBLEM: {', '.join(found)}" if found else path)


def main(argv: list[str] | None = None) -> int:
    """Save the screenshots; return 1 when a page showed an error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for PNGs")
    parser.add_argument("--port", type=int, default=None, help="port (default: a free one)")
    parser.add_argument(
        "--upload",
        type=Path,
        action="append",
        default=None,
        help="a file of your own to upload and show on every page (repeatable; default: "
        "tests/browser/data/gemeenten.csv)",
    )
    parser.add_argument(
        "--together",
        action="store_true",
        help="upload the --upload files at once, as one combination of several files",
    )
    parser.add_argument(
        "--demo-pages",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also shoot every page on the demo data in both languages",
    )
    parser.add_argument(
        "--pages",
        nargs="+",
        choices=PAGES,
        default=None,
        metavar="PAGE",
        help=f"only these pages (default: all of {', '.join(PAGES)})",
    )
    args = parser.parse_args(argv)
    pages = [p for p in PAGES if args.pages is None or p in args.pages]

    harness = _harness()
    problem = harness.chromium_missing_message()
    if problem:
        print(problem, file=sys.stderr)
        return 2

    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    problems: dict[str, list[str]] = {}
    with harness.StreamlitServer(args.port) as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=harness.CHROMIUM, args=harness.CHROMIUM_ARGS)
        try:
            for lang, locale in (("en", "en-US"), ("nl", "nl-NL")) if args.demo_pages else ():
                context = browser.new_context(
                    base_url=server.url, viewport=harness.VIEWPORT, locale=locale
                )
                page = context.new_page()
                page.set_default_timeout(60_000)
                for name in pages:
                    page.goto(f"/{'' if name == 'overview' else name}?lang={lang}")
                    shoot(page, args.out / f"{lang}-{name}.png", harness, problems)
                context.close()

            # The user's own files: upload on the Data page, then every page for it.
            uploads = args.upload or [FIXTURE]
            for upload in [uploads] if args.together else uploads:
                context = browser.new_context(
                    base_url=server.url, viewport=harness.VIEWPORT, locale="en-US"
                )
                page = context.new_page()
                page.set_default_timeout(60_000)
                app = harness.App(page).goto("/data?lang=en").upload(upload)
                stem = "en-upload-" + ("combined" if isinstance(upload, list) else upload.stem)
                shoot(page, args.out / f"{stem}-data.png", harness, problems)
                for name in ("findings", *CHART_PAGES, "overview", "indicators"):
                    if name not in pages:
                        continue
                    app.nav(name)
                    shoot(page, args.out / f"{stem}-{name}.png", harness, problems)
                context.close()
        finally:
            browser.close()

    if problems:
        print("\nPages that show an error:", file=sys.stderr)
        for name, found in problems.items():
            print(f"  {name}: {', '.join(found)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
