"""Layering rules that hold without anyone remembering them."""

from __future__ import annotations

import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[1] / "keuzehulp"


def _imports(pad: Path) -> set[str]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    namen: set[str] = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen.update(a.name for a in knoop.names)
        elif isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen.add(knoop.module)
    return namen


def test_pyside6_only_in_ui() -> None:
    overtreders = [
        str(pad.relative_to(PAKKET.parent))
        for pad in PAKKET.rglob("*.py")
        if "ui" not in pad.relative_to(PAKKET).parts[:1]
        and any(n == "PySide6" or n.startswith("PySide6.") for n in _imports(pad))
    ]
    assert overtreders == []


def test_imports_go_downward_only() -> None:
    """model imports neither services nor ui; services do not import ui."""
    fouten = []
    for laag, verboden in (
        ("model", ("keuzehulp.services", "keuzehulp.ui", "keuzehulp.cli")),
        ("services", ("keuzehulp.ui", "keuzehulp.cli")),
    ):
        for pad in (PAKKET / laag).rglob("*.py"):
            for naam in _imports(pad):
                if naam.startswith(verboden):
                    fouten.append(f"{pad.relative_to(PAKKET.parent)} importeert {naam}")
    assert fouten == []


# Screens still to be moved onto services (issue 11, item 1); none may be added.
SQL_IN_UI_NOG = {"keuzehulp/ui/inzicht/scherm.py"}


def test_no_sqlalchemy_in_the_ui() -> None:
    """Views receive services; they never build or run SQL themselves (issue 11, item 1)."""
    overtreders = {
        pad.relative_to(PAKKET.parent).as_posix()
        for pad in (PAKKET / "ui").rglob("*.py")
        if any(n == "sqlalchemy" or n.startswith("sqlalchemy.") for n in _imports(pad))
    }
    assert overtreders <= SQL_IN_UI_NOG, sorted(overtreders - SQL_IN_UI_NOG)
