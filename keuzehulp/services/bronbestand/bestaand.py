"""The catalogue's instruments as plain values, read with a few plain queries (fast compare)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import (
    Instrument,
    InstrumentStatus,
)
from keuzehulp.services.instrumentgegevens import (
    SCALAIRE_VELDEN,
    InstrumentGegevens,
    lees_koppelingen,
)


@dataclass(frozen=True, slots=True)
class Bestaand:
    """An instrument in the catalogue: what matching and comparing need, no ORM object."""

    id: int
    naam_sleutel: str
    status: InstrumentStatus
    gegevens: InstrumentGegevens
    versie: int = 0  # the row version read: a write checks that it is still the same


def lees_bestaand(session: Session) -> list[Bestaand]:
    """Every instrument with its routes, kenmerken and gemeenten: four queries in all.

    Building ORM objects for a whole catalogue costs more than reading the workbook; only the
    instruments that really change are loaded as objects when an import is applied.
    The values are what a bronbestand can say: an instrument for all gemeenten has no list of
    gemeenten beside (the editor stores none; older catalogues may hold one, which nothing
    shows), so an unchanged export imports again unchanged.
    """
    koppelingen = lees_koppelingen(session)
    kolommen = [getattr(Instrument, veld) for veld in SCALAIRE_VELDEN]
    uit: list[Bestaand] = []
    vraag = select(Instrument.id, Instrument.naam_sleutel, Instrument.versie, *kolommen)
    for rij in session.execute(vraag):
        waarden: dict[str, Any] = dict(zip(SCALAIRE_VELDEN, rij[3:], strict=True))
        for veld, per_instrument in koppelingen.items():
            waarden[veld] = tuple(per_instrument.get(rij.id, ()))
        if waarden["alle_gemeenten"]:
            waarden["gemeenten"] = ()  # "Alle gemeenten" is the whole value (issue 13)
        gegevens = InstrumentGegevens.model_validate(waarden)
        uit.append(Bestaand(rij.id, rij.naam_sleutel, gegevens.status, gegevens, rij.versie))
    return uit
