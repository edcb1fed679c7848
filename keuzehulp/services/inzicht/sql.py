"""The engine-specific bits of the Inzicht figures, in one small adapter (SQLite, PostgreSQL).

Everything else in this package is portable SQLAlchemy Core. Only two things differ:
bucketing a UTC timestamp by calendar month, and reading the gemeenten of a gesprek from its
stored search filters (JSON text, `{"gemeenten": ["Tiel", ...], ...}`).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, ColumnElement, Subquery, cast, func, select, true
from sqlalchemy.orm import Session

from keuzehulp.model.errors import DatabaseFout
from keuzehulp.model.gesprek import Gesprek

ONDERSTEUND = ("sqlite", "postgresql")


def dialect(session: Session) -> str:
    """The engine's name ("sqlite" or "postgresql"); raise DatabaseFout for another one."""
    naam = session.get_bind().dialect.name
    if naam not in ONDERSTEUND:
        raise DatabaseFout(f"Inzicht werkt op SQLite en PostgreSQL, niet op ‘{naam}’.")
    return naam


def maand(kolom: Any, naam: str) -> ColumnElement[str]:
    """The calendar month (UTC) of a timestamp column as text "JJJJ-MM", e.g. "2026-03"."""
    if naam == "sqlite":
        # SQLAlchemy stores UTC timestamps on SQLite as "2026-03-01 12:00:00.000000".
        return func.strftime("%Y-%m", kolom)
    return func.to_char(func.timezone("UTC", kolom), "YYYY-MM")


def gesprek_gemeenten(naam: str) -> Subquery:
    """One row (gesprek_id, gemeente) per gemeente in a gesprek's search filter.

    A gesprek without a gemeente filter has no row; the search stores each name once.
    """
    if naam == "sqlite":
        elementen = func.json_each(Gesprek.zoekfilters, "$.gemeenten").table_valued("value")
    else:
        lijst = cast(Gesprek.zoekfilters, JSON)["gemeenten"]
        elementen = func.json_array_elements_text(lijst).table_valued("value")
    return (
        select(Gesprek.id.label("gesprek_id"), elementen.c.value.label("gemeente"))
        .join_from(Gesprek, elementen, true())
        .subquery("gesprek_gemeente")
    )
