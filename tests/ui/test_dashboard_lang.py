"""`python -m indicators dashboard --lang nl`: the app opens in that language; the link's
?lang= and the switch still win, and without it the browser decides."""

from __future__ import annotations

from apptest_helpers import new_app

from indicators.ui.launch import LANG_VARIABLE


def test_the_command_lines_language_is_the_first_one(monkeypatch):
    monkeypatch.setenv(LANG_VARIABLE, "nl")
    at = new_app().run()
    assert not at.exception and not at.error
    assert at.title[0].value == "Overzicht"
    at = new_app(query={"lang": "en"}).run()  # a link's language wins
    assert at.title[0].value == "Overview"


def test_without_it_the_browser_decides(monkeypatch):
    monkeypatch.delenv(LANG_VARIABLE, raising=False)
    at = new_app().run()
    assert at.title[0].value == "Overview"  # AppTest's browser has no Dutch locale
    monkeypatch.setenv(LANG_VARIABLE, "de")  # not a language of the app: ignored
    assert new_app().run().title[0].value == "Overview"
