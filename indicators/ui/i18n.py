"""Dutch and English in the dashboard: the language (switch, URL, browser) and lookups of the
text catalogue (:mod:`indicators.text`) in it."""

from __future__ import annotations

import os

import streamlit as st

from indicators.results import state_text as _state_text
from indicators.text import LANGS, Area, area, text
from indicators.ui.launch import LANG_VARIABLE

# Texts shared by every page; each page's own texts are its area of the catalogue (TEXTS).
COMMON = area("common")


def lang() -> str:
    """Return the current language: the switch, else the URL, else the command line's
    ``dashboard --lang``, else the browser's language."""
    if "lang" not in st.session_state:
        wanted = st.query_params.get("lang")
        if wanted not in LANGS:
            wanted = os.environ.get(LANG_VARIABLE)
        if wanted not in LANGS:
            locale = (getattr(st.context, "locale", None) or "en").lower()
            wanted = "nl" if locale.startswith("nl") else "en"
        st.session_state["lang"] = wanted
    return st.session_state["lang"]


def tr(texts: Area, key: str, **values) -> str:
    """Translate a message id from a page's ``texts`` (its area of the catalogue, else the
    common ones) and fill it in."""
    return text(f"{texts.name if key in texts else COMMON.name}.{key}", lang(), **values)


def t(key: str, **values) -> str:
    """Translate a common message id."""
    return text(f"{COMMON.name}.{key}", lang(), **values)


def label_func(options, label):
    """Return a ``format_func`` with each option's label worked out now, in this run's language.

    Streamlit may call ``format_func`` outside the script run (AppTest does), where the
    session's language cannot be read; labels fixed at widget creation stay right.
    """
    labels = {option: label(option) for option in options}
    return lambda option: labels.get(option, str(option))


def state_text(state: str, *, min_n: int, n=None) -> str:
    """Say why a value is not shown (missing, suppressed, not applicable), in this language."""
    return _state_text(state, lang(), min_n=min_n, n=n)
