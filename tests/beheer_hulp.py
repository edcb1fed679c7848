"""Test helpers for the beheer tests: complete instruments and a dump of the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData, select

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.beheer.mutatielog import MutatieFilter, MutatieRegel, zoek_mutaties
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, maak_gegevens
from tests.conftest import TEST_GEBRUIKER


def compleet(naam: str = "Coaching, Stap Verder", **extra: Any) -> InstrumentGegevens:
    waarden: dict[str, Any] = {
        "naam": naam,
        "type": "Coaching",
        "uitvoerder": "Stap Verder",
        "omschrijving": "Een coach helpt je een stap te zetten.",
        "routes": ("work_first",),
        "kenmerken": ("1.4", "1.7"),
        "gemeenten": ("Tiel",),
        "aanmelding": "Mail de coach.",
        "kosten_centen": 125000,
    }
    waarden.update(extra)
    return maak_gegevens(**waarden)


def nieuw(db: Database, naam: str = "Coaching, Stap Verder", **extra: Any) -> int:
    return instrumenten.maak_instrument(db, TEST_GEBRUIKER, compleet(naam, **extra), "nieuw")


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to show that a refused call changed nothing."""
    meta = MetaData()
    meta.reflect(db.engine)
    with db.engine.connect() as conn:
        return {
            t.name: sorted(map(tuple, conn.execute(select(t)).all()), key=repr)
            for t in meta.sorted_tables
        }


def log(db: Database, entiteit: str | None = None) -> list[MutatieRegel]:
    """The log oldest first, through the read service."""
    return list(reversed(zoek_mutaties(db, MutatieFilter(entiteit=entiteit))))
