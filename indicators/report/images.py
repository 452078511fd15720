"""Charts as images, PNG and SVG, drawn by kaleido with Debian's Chromium.

Kaleido drives a Chromium it finds; here that is always the system's (``/usr/bin/chromium``,
or ``BROWSER_PATH`` when set): the project never downloads a browser (kaleido's
``get_chrome`` is never called). One kaleido server serves a whole report's images.
"""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

from indicators.errors import DataError

CHROMIUM = "/usr/bin/chromium"
FORMATS = ("png", "svg")
SCALE = {"png": 2, "svg": 1}
WIDTH, HEIGHT = 1000, 560  # a chart without a size of its own


def browser_path() -> str | None:
    """Return the Chromium kaleido uses: ``BROWSER_PATH``, Debian's, or one on PATH."""
    given = os.environ.get("BROWSER_PATH")
    if given:
        return given
    if Path(CHROMIUM).is_file():
        return CHROMIUM
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _ready() -> None:
    path = browser_path()
    if path is None:
        raise DataError.from_text("report.no_chromium")
    os.environ.setdefault("BROWSER_PATH", path)


def _size(figure) -> dict:
    layout = figure.layout
    return {"width": layout.width or WIDTH, "height": layout.height or HEIGHT}


def image(figure, fmt: str = "png") -> bytes:
    """Return one figure as PNG or SVG bytes."""
    _ready()
    return figure.to_image(format=fmt, scale=SCALE[fmt], **_size(figure))


def write_images(figures, folder: Path, names) -> list[Path]:
    """Write every figure as PNG and SVG into ``folder`` (made when missing) under ``names``;
    return the files written."""
    import kaleido

    _ready()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    kaleido.start_sync_server(silence_warnings=True)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # plotly: options ignored with a server
            for fig, name in zip(figures, names, strict=True):
                for fmt in FORMATS:
                    path = folder / f"{name}.{fmt}"
                    path.write_bytes(fig.to_image(format=fmt, scale=SCALE[fmt], **_size(fig)))
                    written.append(path)
    finally:
        kaleido.stop_sync_server(silence_warnings=True)
    return written
