"""Test data for the terugblik tests: gesprekken with a choice, and terugblikken on them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.terugblik import Terugblik
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.terugblik import TerugblikInvoer, TerugblikService


def maak_gesprek(database: Database, keuze: int, *anderen: int, coach: str = "anna") -> int:
    """A stored gesprek with `keuze` chosen from a shortlist of it and `anderen`."""
    invoer = GesprekInvoer(
        doel="Weer een vast ritme in de week krijgen",
        opties=tuple(Optie(instrument_id=i) for i in (keuze, *anderen)),
        keuze_id=keuze,
    )
    return GesprekService(database).bewaar(invoer, coach).id


def blik_terug(database: Database, gesprek_id: int, coach: str = "anna", **waarden: object) -> int:
    """Store one terugblik with these fields; returns its id."""
    invoer = TerugblikInvoer.model_validate(waarden)
    return TerugblikService(database).voeg_toe(gesprek_id, invoer, coach).id


def zet_datum(database: Database, terugblik_id: int, datum: dt.datetime) -> None:
    """Backdate a terugblik (the period of a rating)."""
    with database.wijzigen(MutatieContext("tester", "test")) as session:
        session.execute(
            update(Terugblik).where(Terugblik.id == terugblik_id).values(aangemaakt_op=datum)
        )
