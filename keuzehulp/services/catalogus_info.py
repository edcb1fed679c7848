"""Facts about an opened catalogue, for the Over dialog and `keuzehulp info`."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.migratie import lees_revisie


@dataclass(frozen=True, slots=True)
class CatalogusInfo:
    locatie: str
    schema: str
    actief: int
    geparkeerd: int
    concept: int
    kenmerken: int
    mutaties: int


def catalogus_info(db: Database) -> CatalogusInfo:
    with db.lezen() as session:
        per_status = {
            status: aantal
            for status, aantal in session.execute(
                select(Instrument.status, func.count()).group_by(Instrument.status)
            )
        }
        kenmerken = session.scalar(select(func.count()).select_from(Kenmerk)) or 0
        mutaties = session.scalar(select(func.count()).select_from(Mutatie)) or 0
        schema = lees_revisie(session.connection())
    return CatalogusInfo(
        locatie=db.locatie,
        schema=schema or "onbekend",
        actief=per_status.get(InstrumentStatus.ACTIEF, 0),
        geparkeerd=per_status.get(InstrumentStatus.GEPARKEERD, 0),
        concept=per_status.get(InstrumentStatus.CONCEPT, 0),
        kenmerken=kenmerken,
        mutaties=mutaties,
    )
