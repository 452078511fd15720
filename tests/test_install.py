"""A normal install: build the wheel, install it (not editable) into a fresh venv, and run the
command line and the dashboard from another folder, on the packaged demo data.

Offline and quick (under 10 s): the wheel is built without build isolation (setuptools comes
with the test tools), the venv gets the wheel only (``--no-deps``) and finds the dependencies
through a ``.pth`` line naming this environment's site-packages (a plain path: this
environment's editable install of the source tree is not switched on there).
"""

from __future__ import annotations

import io
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from indicators.package_data import DEMO_FILES

ROOT = Path(__file__).resolve().parents[1]
DATA_SUFFIXES = {".toml", ".csv", ".parquet", ".json"}
pytestmark = pytest.mark.install


def _run(*cmd, cwd, timeout=120):
    return subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """Return (venv python, the wheel, the source copy, a folder outside the source tree)."""
    tmp = tmp_path_factory.mktemp("install")
    src = tmp / "src"  # a copy: building in the tree would leave build/ and egg-info there
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "indicators", src / "indicators", ignore=shutil.ignore_patterns("__pycache__")
    )
    built = _run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
        "--quiet", "-w", tmp / "dist", src, cwd=tmp,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp / "dist").glob("*.whl")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp)
    ours = sysconfig.get_paths()["purelib"]
    (Path(site.stdout.strip()) / "dependencies.pth").write_text(ours + "\n")
    done = _run(
        sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet",
        wheel, cwd=tmp,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    elsewhere = tmp / "elsewhere"
    elsewhere.mkdir()
    return python, wheel, src, elsewhere


def test_the_wheel_holds_every_data_file_of_the_package(installed):
    _, wheel, src, _ = installed
    wanted = {
        p.relative_to(src).as_posix()
        for p in (src / "indicators").rglob("*")
        if p.suffix in DATA_SUFFIXES
    }
    assert {f"indicators/data/{name}" for name in DEMO_FILES.values()} <= wanted
    assert "indicators/ui/config.toml" in wanted
    names = set(zipfile.ZipFile(wheel).namelist())
    assert wanted - names == set()


def test_the_installed_package_reads_its_own_files(installed):
    python, _, _, elsewhere = installed
    code = (
        "import indicators, indicators.analyses.maps as a, indicators.package_data as p; "
        "print(indicators.__file__); print(p.demo_file('people')); "
        "print(len(a.province_layout()))"
    )
    out = _run(python, "-c", code, cwd=elsewhere)
    assert out.returncode == 0, out.stderr
    package, demo, provinces = out.stdout.split()
    venv = python.parents[1]
    assert Path(package).is_relative_to(venv) and Path(demo).is_relative_to(venv)
    assert not Path(package).is_relative_to(ROOT)
    assert int(provinces) == len(pd.read_csv(ROOT / "indicators" / "data" / "provinces.csv"))


def test_measures_on_the_packaged_demo_file_from_another_folder(installed):
    python, _, _, elsewhere = installed
    demo = _run(python, "-c", "import indicators.package_data as p; print(p.demo_file('people'))",
                cwd=elsewhere).stdout.strip()  # fmt: skip
    out = _run(
        python, "-m", "indicators", "measures", demo, "--value", "inkomen",
        "--region", "provincie", "--weight", "gewicht", "--measures", "median",
        cwd=elsewhere,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    table = pd.read_csv(io.StringIO(out.stdout))
    people = pd.read_parquet(ROOT / "indicators" / "data" / DEMO_FILES["people"])
    assert set(table["provincie"]) == {*people["provincie"].unique(), "Total"}
    assert set(table["measure"]) == {"median"} and table["value"].notna().all()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status, response.read().decode("utf-8", "replace")


def test_dashboard_starts_from_another_folder(installed, tmp_path):
    python, _, _, elsewhere = installed
    port = _free_port()
    log = tmp_path / "dashboard.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [str(python), "-m", "indicators", "dashboard", "--server.port", str(port)],
            cwd=elsewhere,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        health = None
        while time.monotonic() < deadline and server.poll() is None:
            try:
                health = _get(f"{base}/_stcore/health")
                break
            except OSError:
                time.sleep(0.3)
        assert health == (200, "ok"), log.read_text()
        status, page = _get(f"{base}/")
        assert status == 200 and "<title>" in page and 'id="root"' in page
        text = log.read_text()
        # the packaged settings hold outside the source tree: local address only, headless
        assert f"URL: {base}" in text and "Network URL" not in text, text
        assert "Traceback" not in text, text
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
