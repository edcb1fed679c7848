"""The partial index ix_terugblik_cijfers: made on both engines, described by the model on both,
and a SQLite start does not load the PostgreSQL dialect for it (issue 13, item 4)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from keuzehulp.model.db import Database
from keuzehulp.model.terugblik import CIJFER_INDEX

REPO = Path(__file__).resolve().parents[1]


def _indexdefinitie(database: Database) -> str:
    with database.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            sql = "SELECT sql FROM sqlite_master WHERE name = 'ix_terugblik_cijfers'"
        else:
            sql = "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_terugblik_cijfers'"
        return str(conn.execute(text(sql)).scalar_one())


def test_the_index_is_partial_on_both_engines(database: Database) -> None:
    definitie = _indexdefinitie(database).lower()
    assert "where" in definitie and "coalesce" in definitie, definitie
    assert "client_cijfer" in definitie


def test_the_model_gives_the_index_its_condition_per_engine(database: Database) -> None:
    """The condition the migration made is the one the model names for that engine."""
    with database.engine.connect() as conn:
        naam = conn.dialect.name
    voorwaarde = CIJFER_INDEX.dialect_options[naam]["where"]
    assert voorwaarde is not None
    assert "coalesce(coach_totaal" in str(voorwaarde)


def test_a_sqlite_connection_loads_no_postgresql_dialect(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from sqlalchemy import create_engine, text\n"
        "from keuzehulp.model import entities\n"
        f"e = create_engine('sqlite:///{tmp_path / 'x.sqlite'}')\n"
        "with e.connect() as c: c.execute(text('select 1'))\n"
        "print(sorted(m for m in sys.modules if m.startswith('sqlalchemy.dialects.postgresql')))\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
        check=True,
    )
    assert uit.stdout.strip() == "[]", uit.stdout
