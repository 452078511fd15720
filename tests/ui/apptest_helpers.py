"""What the page tests share: open a page of the app in AppTest, read its plotly charts."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from indicators.ui.state import digest_of

ROOT = Path(__file__).resolve().parents[2]


def new_app(lang=None, upload=None, query=None, state=None) -> AppTest:
    """Return the app in AppTest, not yet run: in language ``lang`` (else as a browser would
    choose), as a user arriving by a link with ``query``, after uploading ``upload`` =
    (file name, bytes), with extra session ``state``."""
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    if lang:
        at.session_state["lang"] = lang
    if upload is not None:
        name, data = upload
        # the content's digest, as the app computes it: a name would let two tests' different
        # files under one name share cached results
        at.session_state["upload"] = {
            "name": name,
            "data": data,
            "digest": digest_of(data),
            "sheet": None,
        }
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    return at


def open_page(page, lang="en", upload=None, query=None, state=None) -> AppTest:
    """Run the app on one page (see :func:`new_app`); fail on any error shown."""
    at = new_app(lang, upload, query, state)
    at.switch_page(page).run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def mapping_state(data: bytes, mapping) -> dict:
    """Return the session state that makes ``mapping`` the user's mapping of an upload."""
    return {f"mapping:{digest_of(data)}:None": mapping}


def array(value) -> np.ndarray:
    """Decode a plotly array from chart JSON (a list, or a typed array with base64 data)."""
    if isinstance(value, dict) and "bdata" in value:
        data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        shape = value.get("shape")
        if shape:
            data = data.reshape([int(n) for n in str(shape).split(",")])
        return data.astype(float)
    return np.array([np.nan if v is None else v for v in value], dtype=float)


def charts_by_title(at) -> dict:
    """Return the figure JSON of every plotly chart on the page, by its title."""
    return {
        (spec := json.loads(chart.proto.spec))["layout"]["title"]["text"]: spec
        for chart in at.get("plotly_chart")
    }
