"""The shape of the code: the core imports no Streamlit; the package's front door works."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import indicators

ROOT = Path(__file__).resolve().parents[1]


def imported(path: Path) -> set[str]:
    """Return the top-level packages a file imports, anywhere in it (lazy imports too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _ui(rel: str) -> bool:
    return rel == "dashboard.py" or rel.startswith("indicators/ui/")


def _charts_report_or_ui(rel: str) -> bool:
    # the chart modules (indicators/charts/), the HTML report once there is one, the UI
    return rel.startswith(("indicators/charts/", "indicators/report")) or _ui(rel)


# library: where it may be imported (path relative to the repository, with forward slashes)
ALLOWED = [("streamlit", _ui), ("plotly", _charts_report_or_ui)]
CODE = ["dashboard.py", "indicators/**/*.py", "data/*.py"]  # tests use AppTest: not scanned


@pytest.mark.parametrize(("library", "allowed"), ALLOWED, ids=[lib for lib, _ in ALLOWED])
def test_imports_stay_in_their_rooms(library, allowed):
    files = {p.relative_to(ROOT).as_posix(): p for pattern in CODE for p in ROOT.glob(pattern)}
    users = sorted(rel for rel, path in files.items() if library in imported(path))
    assert users, f"no file imports {library}: the scan finds nothing"
    offenders = [rel for rel in users if not allowed(rel)]
    assert offenders == [], f"{library} imported outside its place: {offenders}"


def test_the_scan_sees_lazy_imports(tmp_path):
    path = tmp_path / "lazy.py"
    path.write_text("def f():\n    import plotly.express as px\n    from streamlit import x\n")
    assert imported(path) == {"plotly", "streamlit"}
    assert not _charts_report_or_ui("indicators/analyses/tiles.py") and not _ui("indicators/cli.py")


def test_importing_the_core_loads_no_streamlit():
    code = (
        "import sys, indicators, indicators.cli, indicators.charts.regions, "
        "indicators.charts.distribution, indicators.analyses.tiles, indicators.views.overview; "
        "print('streamlit' in sys.modules)"
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


SEEDED = {"default_rng", "seed", "RandomState", "Random", "SeedSequence", "PCG64"}


def _seeds_from_hash(path: Path) -> list[int]:
    """Return the lines where a random generator is seeded with ``hash(...)``."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        func = getattr(node, "func", None)
        name = getattr(func, "attr", None) or getattr(func, "id", None)
        if isinstance(node, ast.Call) and name in SEEDED:
            inner = [n for arg in node.args + node.keywords for n in ast.walk(arg)]
            if any(
                isinstance(n, ast.Call) and getattr(n.func, "id", None) == "hash" for n in inner
            ):
                lines.append(node.lineno)
    return lines


def test_no_random_seed_comes_from_hash():
    # str hashes are salted per process (PYTHONHASHSEED): a seed from hash(name) gives other
    # data on every run, so a failure cannot be repeated
    files = [p for pattern in ("tests/**/*.py", *CODE) for p in ROOT.glob(pattern)]
    found = {p.relative_to(ROOT).as_posix(): _seeds_from_hash(p) for p in files}
    assert {rel: lines for rel, lines in found.items() if lines} == {}


def test_the_seed_scan_finds_a_hash_seed(tmp_path):
    path = tmp_path / "t.py"
    path.write_text("import numpy as np\nrng = np.random.default_rng(abs(hash('a')) % 2**32)\n")
    assert _seeds_from_hash(path) == [2]


def _modules() -> dict[str, Path]:
    """Return every module of the package by its dotted name."""
    out = {}
    for path in (ROOT / "indicators").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def test_no_name_at_package_level_hides_a_module():
    # ``indicators.compute`` was the function and hid the module of that name: a name bound in
    # a package's __init__ may not be the name of one of its modules or sub-packages
    modules = _modules()
    hidden = []
    for name, path in modules.items():
        if path.name != "__init__.py":
            continue
        bound = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                bound.add(node.name)
            elif isinstance(node, ast.Assign):
                bound |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        children = {m.rpartition(".")[2] for m in modules if m.rpartition(".")[0] == name}
        hidden += [f"{name}.{n}" for n in sorted(bound & children)]
    assert hidden == []


def test_no_private_name_is_imported_across_modules():
    offenders = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("indicators"):
                offenders += [
                    f"{name}: {node.module}.{a.name}"
                    for a in node.names
                    if a.name.startswith("_") and not a.name.startswith("__")
                ]
    assert offenders == []


def test_each_layer_has_its_folder():
    layers = {"io", "dataset", "registry", "stats", "analyses", "charts", "views", "text", "ui"}
    assert layers <= {
        p.name for p in (ROOT / "indicators").iterdir() if (p / "__init__.py").exists()
    }
    flat = sorted(p.name for p in (ROOT / "indicators").glob("*.py"))
    assert flat == [
        "__init__.py",
        "__main__.py",
        "cli.py",
        "errors.py",
        "package_data.py",
        "results.py",
    ]


def _layout_block() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## Layout", 1)[1].split("\n## ", 1)[0]


def test_the_docs_name_every_module_and_folder():
    # ARCHITECTURE.md has a paragraph per layer that names each of its modules; the README's
    # layout section names each folder: a module or folder that is not named fails
    arch = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    layout = _layout_block()
    package = ROOT / "indicators"
    modules = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if p.name != "__init__.py" and "text" not in p.relative_to(package).parts[:-1]
    ]
    unnamed = [m for m in modules if m not in arch and Path(m).name not in arch]
    assert unnamed == []
    folders = sorted(p.name for p in package.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert [f for f in folders if f"{f}/" not in layout] == []
    # and nothing named there is gone
    named = set(re.findall(r"`indicators/([\w/]+\.py)`", arch))
    assert [n for n in named if not (package / n).exists()] == []


def test_colours_come_from_the_one_palette():
    # a colour written as #RRGGBB anywhere but charts/palette.py is a second palette
    found = [
        f"{p.relative_to(ROOT).as_posix()}:{i}"
        for p in (ROOT / "indicators").rglob("*.py")
        if p.name != "palette.py"
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"#[0-9A-Fa-f]{6}\b", line)
    ]
    assert found == []
