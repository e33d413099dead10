"""The house's layers, checked on the source (ast), so a slip fails the suite, not a review.

- Only ``ui/`` imports Qt (PySide6, shiboken6): logic runs in scripts and tests without a screen.
- SQL lives in ``data/``: no ``select(``, ``session.exec(`` or raw SQL calls anywhere else
  (``sync/`` queries through data functions too).
- Imports run one way: ``domain <- data <- (sync, documents) <- ui``. ``domain/`` holds pure
  rules (no SQL, no Qt, no case file), ``data/`` never reaches up into ``sync/``,
  ``documents/`` or ``ui/``, and nothing but ``ui/`` and the entry points imports ``ui/``.
- Rooms stay small enough to find things in: no folder holds more than 25 modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "homestart_desktop"
QT_MODULES = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
SQL_CALLS = {"select", "exec", "exec_driver_sql", "execute", "text"}
ENTRY_POINTS = {"cli.py", "__main__.py", "central_cli.py"}
MOST_MODULES_IN_A_FOLDER = 25


def _modules() -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        found.append((relative, ast.parse(path.read_text(encoding="utf-8"), filename=relative)))
    return found


MODULES = _modules()


def _imported(tree: ast.Module) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) for every import, at any depth (lazy imports count too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.append((node.lineno, node.module, [alias.name for alias in node.names]))
    return found


def _outside(relative: str, *folders: str) -> bool:
    return not any(relative.startswith(folder + "/") for folder in folders)


def test_the_package_is_found():
    names = {relative for relative, _ in MODULES}
    assert {"cli.py", "data/casefile/casefile.py", "data/models.py"} <= names


def test_nothing_outside_ui_imports_qt():
    offences = [
        f"{relative}:{line} imports {module}"
        for relative, tree in MODULES
        if _outside(relative, "ui")
        for line, module, _names in _imported(tree)
        if module.split(".")[0] in QT_MODULES
    ]
    assert offences == []


def _sql_offences(relative: str, tree: ast.Module) -> list[str]:
    offences = []
    for line, module, names in _imported(tree):
        if module.split(".")[0] in {"sqlmodel", "sqlalchemy"} and {"select", "text"} & set(names):
            offences.append(f"{relative}:{line} imports select/text from {module}")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        function = node.func
        if isinstance(function, ast.Name) and function.id == "select":
            offences.append(f"{relative}:{node.lineno} calls select(")
        elif (
            isinstance(function, ast.Attribute)
            and function.attr in SQL_CALLS - {"select", "text"}
            and isinstance(function.value, ast.Name)
            and function.value.id in {"session", "connection"}
        ):
            offences.append(f"{relative}:{node.lineno} calls {function.value.id}.{function.attr}(")
    return offences


def test_sql_lives_only_in_data():
    offences = [
        offence
        for relative, tree in MODULES
        if _outside(relative, "data")
        for offence in _sql_offences(relative, tree)
    ]
    assert offences == []


def test_imports_run_one_way_towards_ui_never_back():
    offences = [
        f"{relative}:{line} imports {module}"
        for relative, tree in MODULES
        if _outside(relative, "ui") and relative not in ENTRY_POINTS
        for line, module, _names in _imported(tree)
        if module == "homestart_desktop.ui" or module.startswith("homestart_desktop.ui.")
    ]
    assert offences == []


def _package_imports(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, area) for each import of the package's own modules: ``data``, ``ui``, ``i18n``..."""
    found = []
    for line, module, names in _imported(tree):
        parts = module.split(".")
        if parts[0] != "homestart_desktop":
            continue
        if len(parts) > 1:
            found.append((line, parts[1]))
        else:  # ``from homestart_desktop import data`` names the area itself
            found += [(line, name) for name in names]
    return found


# What each layer may not import (the package's top-level helpers i18n and logs are for all).
FORBIDDEN = {
    "domain": {"data", "sync", "documents", "ui"},
    "data": {"sync", "documents", "ui"},
    "documents": {"sync", "ui"},
    "sync": {"ui"},
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_each_layer_imports_only_the_layers_below_it(layer: str):
    offences = [
        f"{relative}:{line} imports {area}"
        for relative, tree in MODULES
        if relative.startswith(layer + "/")
        for line, area in _package_imports(tree)
        if area in FORBIDDEN[layer]
    ]
    assert offences == []


def test_domain_rules_are_pure_no_database_no_qt():
    offences = [
        f"{relative}:{line} imports {module}"
        for relative, tree in MODULES
        if relative.startswith("domain/")
        for line, module, _names in _imported(tree)
        if module.split(".")[0] in {"sqlmodel", "sqlalchemy", "sqlcipher3"} | QT_MODULES
    ]
    assert offences == []


def test_no_folder_holds_more_modules_than_a_newcomer_can_scan():
    counts: dict[str, int] = {}
    for path in PACKAGE.rglob("*.py"):
        if path.name != "__init__.py" and "versions" not in path.parts:
            folder = path.parent.relative_to(PACKAGE).as_posix()
            counts[folder] = counts.get(folder, 0) + 1
    crowded = {folder: n for folder, n in counts.items() if n > MOST_MODULES_IN_A_FOLDER}
    assert crowded == {}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from sqlmodel import select\nselect(1)", 2),
        ("def f(*, session):\n    return session.exec(q)", 1),
        ("import PySide6.QtCore", 0),
    ],
)
def test_the_checks_themselves_catch_offences(source: str, expected: int):
    tree = ast.parse(source)
    assert len(_sql_offences("sync/x.py", tree)) == expected


def test_the_layer_check_itself_sees_both_import_forms():
    tree = ast.parse(
        "from homestart_desktop.ui.common import ops\nfrom homestart_desktop import ui"
    )
    assert [area for _line, area in _package_imports(tree)] == ["ui", "ui"]
