"""Upkeep lists: active instruments never chosen in the last 12 months, and stale ones."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.services.beheer.actualiteit import STANDAARD_MAANDEN, maanden_terug

NOOIT_GEKOZEN_MAANDEN = 12


@dataclass(frozen=True, slots=True)
class InstrumentRegel:
    """An instrument in an upkeep list; `sinds` is when it entered the catalogue, or for a
    stale one when it was last reviewed (or else changed)."""

    id: int
    naam: str
    regiehouder: str | None
    sinds: dt.datetime


def nooit_gekozen(
    session: Session, maanden: int = NOOIT_GEKOZEN_MAANDEN, peildatum: dt.datetime | None = None
) -> list[InstrumentRegel]:
    """Active instruments in the catalogue for the whole last `maanden` months (added on or
    before its first day) that no gesprek chose in that time, by name. An instrument added
    last week was not "never chosen in 12 months"; `nieuwer` counts those left out."""
    grens = maanden_terug(peildatum or nu(), maanden)
    gekozen = exists().where(Gesprek.keuze_id == Instrument.id, Gesprek.aangemaakt_op >= grens)
    rijen = session.execute(
        select(Instrument.id, Instrument.naam, Instrument.regiehouder, Instrument.aangemaakt_op)
        .where(
            Instrument.status == InstrumentStatus.ACTIEF,
            Instrument.aangemaakt_op <= grens,
            ~gekozen,
        )
        .order_by(Instrument.naam)
    )
    return [InstrumentRegel(i, n, r, _utc(t)) for i, n, r, t in rijen]


def nieuwer(
    session: Session, maanden: int = NOOIT_GEKOZEN_MAANDEN, peildatum: dt.datetime | None = None
) -> int:
    """Active instruments added within the last `maanden` months (left out of nooit_gekozen)."""
    grens = maanden_terug(peildatum or nu(), maanden)
    return (
        session.scalar(
            select(func.count())
            .select_from(Instrument)
            .where(Instrument.status == InstrumentStatus.ACTIEF, Instrument.aangemaakt_op > grens)
        )
        or 0
    )


def oud_genoeg(
    session: Session, maanden: int = NOOIT_GEKOZEN_MAANDEN, peildatum: dt.datetime | None = None
) -> int:
    """Active instruments in the catalogue for the whole last `maanden` months."""
    grens = maanden_terug(peildatum or nu(), maanden)
    vraag = (
        select(func.count())
        .select_from(Instrument)
        .where(Instrument.status == InstrumentStatus.ACTIEF, Instrument.aangemaakt_op <= grens)
    )
    return session.scalar(vraag) or 0


def verouderd(
    session: Session, maanden: int = STANDAARD_MAANDEN, peildatum: dt.datetime | None = None
) -> list[InstrumentRegel]:
    """Active and concept instruments not reviewed (or else changed) for `maanden` months,
    oldest first: the rule of services/beheer/actualiteit.py, as one SQL query."""
    grens = maanden_terug(peildatum or nu(), maanden)
    laatst = func.coalesce(Instrument.beoordeeld_op, Instrument.gewijzigd_op)
    rijen = session.execute(
        select(Instrument.id, Instrument.naam, Instrument.regiehouder, laatst)
        .where(Instrument.status != InstrumentStatus.GEPARKEERD, laatst < grens)
        .order_by(laatst, Instrument.naam)
    )
    return [InstrumentRegel(i, n, r, _utc(t)) for i, n, r, t in rijen]


def _utc(waarde: dt.datetime | str) -> dt.datetime:
    # coalesce() loses the column type on SQLite, which then returns the stored text.
    if isinstance(waarde, str):
        waarde = dt.datetime.fromisoformat(waarde)
    return waarde if waarde.tzinfo else waarde.replace(tzinfo=dt.UTC)
