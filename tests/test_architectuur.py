"""Layering rules that hold without anyone remembering them."""

from __future__ import annotations

import ast
import re
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


# Views receive per-area services, never run queries (issue 11, item 1). Files still listed
# here are being converted by others (engineer L: the instrument editor's lists; engineer J:
# Inzicht's gemeenten); remove each entry once its conversion has landed.
NOG_TE_VERPLAATSEN: frozenset[str] = frozenset()
_SQL = re.compile(
    r"^\s*(select\b.+\bfrom|insert\s+into|update\s+\w+\s+set|delete\s+from|pragma\s+\w+"
    r"|create\s+(table|index)|alter\s+table|drop\s+table|begin\s+immediate)\b",
    re.IGNORECASE | re.DOTALL,
)


def _sql_in_ui(pad: Path) -> list[str]:
    """sqlalchemy imports and SQL text in one ui module."""
    gevonden = [n for n in _imports(pad) if n == "sqlalchemy" or n.startswith("sqlalchemy.")]
    for knoop in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
        tekst = knoop.value if isinstance(knoop, ast.Constant) else None
        if isinstance(tekst, str) and _SQL.search(tekst):
            gevonden.append(f"SQL op regel {getattr(knoop, 'lineno', 0)}")
    return gevonden


def test_no_sqlalchemy_and_no_sql_in_the_ui() -> None:
    overtreders = {
        str(pad.relative_to(PAKKET.parent)): gevonden
        for pad in sorted((PAKKET / "ui").rglob("*.py"))
        if (gevonden := _sql_in_ui(pad))
    }
    assert set(overtreders) <= NOG_TE_VERPLAATSEN, overtreders


def test_the_sql_check_finds_sql(tmp_path: Path) -> None:
    pad = tmp_path / "scherm.py"
    pad.write_text(
        "from sqlalchemy import select\n"
        "A = 'SELECT naam FROM instrument'\n"
        "B = 'delete from beheerder'\n"
        "C = 'Selecteer een instrument uit de lijst.'\n"
        "D = 'Werk de lijst bij (update) en kies.'\n",
        encoding="utf-8",
    )
    assert _sql_in_ui(pad) == ["sqlalchemy", "SQL op regel 2", "SQL op regel 3"]


# Views get per-area services (context.catalogus, .gesprekken, .beheer, .inzicht), not the
# database. Only Inzicht's screen still uses `context.database` (engineer X converts it; then
# remove it here); no other view may start to. The wiring (ui/app.py, ui/context.py) hands
# the database over.
NOG_MET_DATABASE: frozenset[str] = frozenset()
BEDRADING: frozenset[str] = frozenset({"keuzehulp/ui/app.py", "keuzehulp/ui/context.py"})


def _gebruikt_database(pad: Path) -> bool:
    """Whether a module reads `context.database` (also `<x>.context.database`), reaches a
    service's database through `.db`/`._db`, or imports the Database class."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Attribute) and knoop.attr == "database":
            bron = knoop.value
            naam = bron.attr if isinstance(bron, ast.Attribute) else getattr(bron, "id", "")
            if naam == "context":
                return True
        elif (isinstance(knoop, ast.Attribute) and knoop.attr in ("db", "_db")) or (
            isinstance(knoop, ast.ImportFrom)
            and knoop.module == "keuzehulp.model.db"
            and any(a.name == "Database" for a in knoop.names)
        ):
            return True
    return False


def test_views_get_area_services_not_the_database() -> None:
    gebruikers = {
        str(pad.relative_to(PAKKET.parent))
        for pad in sorted((PAKKET / "ui").rglob("*.py"))
        if _gebruikt_database(pad)
    }
    assert gebruikers - BEDRADING <= NOG_MET_DATABASE, sorted(gebruikers - NOG_MET_DATABASE)
    assert "keuzehulp/ui/main_window.py" not in gebruikers


def test_the_database_check_finds_every_way_in(tmp_path: Path) -> None:
    gevallen = {
        "a = self.context.database": True,
        "a = context.database.lezen()": True,
        "a = self.service.db": True,
        "from keuzehulp.model.db import Database": True,
        "a = self.context.catalogus.detail(1)": False,
        "a = opmerking.database_naam": False,
    }
    for code, verwacht in gevallen.items():
        pad = tmp_path / "scherm.py"
        pad.write_text(code + "\n", encoding="utf-8")
        assert _gebruikt_database(pad) is verwacht, code


def test_the_lists_of_unconverted_views_hold_only_unconverted_views() -> None:
    """An entry left behind after its view was converted would let the view slip back."""
    nog_sql = {f for f in NOG_TE_VERPLAATSEN if _sql_in_ui(PAKKET.parent / f)}
    nog_db = {f for f in NOG_MET_DATABASE if _gebruikt_database(PAKKET.parent / f)}
    assert nog_sql == NOG_TE_VERPLAATSEN, sorted(NOG_TE_VERPLAATSEN - nog_sql)  # converted
    assert nog_db == NOG_MET_DATABASE, sorted(NOG_MET_DATABASE - nog_db)  # converted
