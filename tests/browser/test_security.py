"""Hostile names and many users, in a real browser (issue 15).

- A file whose municipalities are called like markdown images and links, HTML with a script
  and LaTeX is uploaded: on every page no request leaves for an address outside the app,
  no dialog opens, and the names show as written (text, not markup).
- Two people upload different files at the same time: each sees only their own data; a file
  that fails to load leaves the previous data in place.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).resolve().parent / "data" / "gemeenten.csv"
HOSTILE = {
    "Amsterdam": "![x](http://127.0.0.1:9/p.png)",
    "Groningen": "[Klik](http://x.example/)",
    "Leeuwarden": "<img src=x onerror=alert(1)>",
    "Maastricht": "$x$",
}
PAGES = ("overview", "distribution", "regions", "trends", "data", "indicators")


def _hostile_file(tmp_path: Path) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    for plain, hostile in HOSTILE.items():
        text = re.sub(rf"(?m)^{plain};", hostile.replace("\\", "\\\\") + ";", text)
    path = tmp_path / "vijandig.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _watch(app, base_url: str) -> tuple[list[str], list[str]]:
    """Record requests to other hosts and dialogs opened (accepted at once)."""
    outside: list[str] = []
    dialogs: list[str] = []
    host = urlparse(base_url).netloc

    def on_request(request):
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != host:
            outside.append(request.url)

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    app.page.on("request", on_request)
    app.page.on("dialog", on_dialog)
    return outside, dialogs


def test_hostile_names_are_text_on_every_page(app, base_url, tmp_path):
    outside, dialogs = _watch(app, base_url)
    app.goto("/data")
    app.upload(_hostile_file(tmp_path))
    expect(app.sidebar).to_contain_text("vijandig.csv")
    app.assert_clean("the Data page after the hostile upload")
    shown_somewhere = set()
    markup: list[str] = []
    for url_path in PAGES:
        app.nav(url_path)
        app.assert_clean(f"the {url_path} page with hostile names")
        text = app.page.inner_text("body")
        shown_somewhere |= {h for h in HOSTILE.values() if h in text}
        # no markup made from the names: no image, link or math element carries them
        main = app.main
        for what, locator in (
            ("an image", main.locator('img[src^="http://127.0.0.1:9"], img[src="x"]')),
            ("a link", main.locator('a[href^="http://x.example"]')),
            ("math", main.locator(".katex")),
        ):
            if locator.count():
                html = locator.first.evaluate("e => e.closest('[data-testid]').outerHTML")
                markup.append(f"{url_path}: {what} from a name: {html[:300]}")
    assert markup == [], "names rendered as markup:\n" + "\n".join(markup)
    assert outside == [], f"requests left the page: {outside}"
    assert dialogs == [], f"dialogs opened: {dialogs}"
    # the names show as written (the Data page preview holds every region column value)
    app.nav("data")
    text = app.page.inner_text("body")
    missing = [h for h in HOSTILE.values() if h not in text and h not in shown_somewhere]
    assert missing == [], f"names not shown as written: {missing}"


def test_two_people_upload_at_once_and_each_sees_only_their_own(new_app, tmp_path):
    first, second = new_app(), new_app()
    mine = tmp_path / "eerste.csv"
    mine.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    theirs = _hostile_file(tmp_path)
    first.goto("/data")
    second.goto("/data")
    # both files go in before either app has finished reading
    first.page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
        mine
    )
    second.page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(
        theirs
    )
    first.wait()
    second.wait()
    expect(first.sidebar).to_contain_text("eerste.csv")
    expect(second.sidebar).to_contain_text("vijandig.csv")
    for app, own, other in ((first, "eerste.csv", "vijandig.csv"),
                            (second, "vijandig.csv", "eerste.csv")):  # fmt: skip
        app.nav("regions")
        app.assert_clean(f"the Regions page of {own}")
        body = app.page.inner_text("body")
        assert other not in body
    assert "Amsterdam" in first.page.inner_text("body")
    assert "Amsterdam" not in second.page.inner_text("body")
    # a file that fails to load leaves the previous data in place
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04 not a workbook")
    first.nav("data")
    first.upload(broken)
    expect(first.main).to_contain_text("kapot.xlsx")
    expect(first.sidebar).to_contain_text("eerste.csv")
    first.nav("regions")
    assert "Amsterdam" in first.page.inner_text("body")
    first.assert_clean("the Regions page after a failed upload")
