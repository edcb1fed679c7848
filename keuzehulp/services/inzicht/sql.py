"""The engine-specific bits of the Inzicht figures, in one small adapter (SQLite, PostgreSQL).

Everything else in this package is portable SQLAlchemy Core over the stored facts
(keuzehulp/model/gesprekfeit.py, which also holds the month and JSON expressions it writes).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy.orm import Session

from keuzehulp.model.errors import DatabaseFout
from keuzehulp.model.gesprekfeit import maand_sql

ONDERSTEUND = ("sqlite", "postgresql")


def dialect(session: Session) -> str:
    """The engine's name ("sqlite" or "postgresql"); raise DatabaseFout for another one."""
    naam = session.get_bind().dialect.name
    if naam not in ONDERSTEUND:
        raise DatabaseFout(f"Inzicht werkt op SQLite en PostgreSQL, niet op ‘{naam}’.")
    return naam


def maand(kolom: Any, naam: str) -> ColumnElement[str]:
    """The calendar month (UTC) of a timestamp column as text "JJJJ-MM", e.g. "2026-03"."""
    return maand_sql(kolom, naam)
