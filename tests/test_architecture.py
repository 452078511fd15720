"""The shape of the code: the core imports no Streamlit; the package's front door works."""

import ast
import subprocess
import sys
from pathlib import Path

import indicators

ROOT = Path(__file__).resolve().parents[1]


def streamlit_imports(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(
            a.name.split(".")[0] == "streamlit" for a in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "streamlit":
            return True
    return False


def test_only_the_ui_imports_streamlit():
    core = [p for p in (ROOT / "indicators").rglob("*.py") if "ui" not in p.parts]
    assert core, "no core modules found"
    offenders = [str(p.relative_to(ROOT)) for p in core if streamlit_imports(p)]
    assert offenders == []
    assert streamlit_imports(ROOT / "indicators" / "ui" / "app.py")


def test_importing_the_core_loads_no_streamlit():
    code = (
        "import sys, indicators, indicators.charts, indicators.analysis, "
        "indicators.distribution, indicators.cli; print('streamlit' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert out.stdout.strip() == "False"


def test_front_door():
    assert callable(indicators.compute) and callable(indicators.load_table)
    assert issubclass(indicators.DataError, ValueError)


def test_the_package_finds_its_files_without_file_paths():
    # A path built from ``__file__`` (``parents[1] / "data"``) points outside the package,
    # where an installed package has nothing: packaged files go through importlib.resources.
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "indicators").rglob("*.py")
        if any(
            isinstance(node, ast.Name) and node.id == "__file__"
            for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        )
    ]
    assert offenders == []
