"""Keeping the catalogue current: instruments not reviewed for N months, and "mark reviewed"."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select

from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer._gemeen import BRON_EDITOR, begin

STANDAARD_MAANDEN = 6


@dataclass(frozen=True, slots=True)
class VerouderdInstrument:
    """An instrument nobody has looked at for a while."""

    id: int
    naam: str
    status: InstrumentStatus
    laatst: dt.datetime
    grond: str  # "beoordeeld", "gewijzigd" or "aangemaakt"
    regiehouder: str | None
    versie: int


def maanden_terug(moment: dt.datetime, maanden: int) -> dt.datetime:
    """The same moment `maanden` calendar months earlier (31 May - 3 months = 28/29 Feb)."""
    jaar, maand = divmod(moment.year * 12 + moment.month - 1 - maanden, 12)
    dag = min(moment.day, calendar.monthrange(jaar, maand + 1)[1])
    return moment.replace(year=jaar, month=maand + 1, day=dag)


def _laatst(
    beoordeeld_op: dt.datetime | None, gewijzigd_op: dt.datetime, aangemaakt_op: dt.datetime
) -> tuple[dt.datetime, str]:
    if beoordeeld_op is not None:
        return beoordeeld_op, "beoordeeld"
    # Both stamps are taken separately on creation; a real edit comes well after.
    if gewijzigd_op - aangemaakt_op > dt.timedelta(seconds=1):
        return gewijzigd_op, "gewijzigd"
    return aangemaakt_op, "aangemaakt"


def verouderd(
    db: Database, maanden: int = STANDAARD_MAANDEN, peildatum: dt.datetime | None = None
) -> list[VerouderdInstrument]:
    """Active and concept instruments not reviewed (or else changed) for `maanden` months.

    Reads only the columns it needs (no ORM objects), oldest first. Raises InvoerFout for a
    number of months outside 1-120.
    """
    if maanden < 1 or maanden > 120:
        raise InvoerFout("Aantal maanden: kies een getal van 1 tot en met 120.")
    grens = maanden_terug(peildatum or nu(), maanden)
    uit = []
    with db.lezen() as s:
        vraag = select(
            Instrument.id,
            Instrument.naam,
            Instrument.status,
            Instrument.beoordeeld_op,
            Instrument.gewijzigd_op,
            Instrument.aangemaakt_op,
            Instrument.regiehouder,
            Instrument.versie,
        ).where(
            Instrument.status != InstrumentStatus.GEPARKEERD,
            # Only rows that can be older than the limit reach Python (at 100,000 instruments
            # reading all of them kept a worker busy, and the window waited for the GIL).
            # `_laatst` takes beoordeeld_op when set, else gewijzigd_op or aangemaakt_op:
            # one of those must be before `grens`.
            or_(
                Instrument.beoordeeld_op < grens,
                and_(
                    Instrument.beoordeeld_op.is_(None),
                    or_(Instrument.gewijzigd_op < grens, Instrument.aangemaakt_op < grens),
                ),
            ),
        )
        for i in s.execute(vraag):
            laatst, grond = _laatst(i.beoordeeld_op, i.gewijzigd_op, i.aangemaakt_op)
            if laatst < grens:
                uit.append(
                    VerouderdInstrument(
                        i.id, i.naam, i.status, laatst, grond, i.regiehouder, i.versie
                    )
                )
    return sorted(uit, key=lambda v: v.laatst)


def markeer_beoordeeld(
    db: Database, gebruiker: str, instrument_id: int, reden: str | None = None
) -> None:
    """Record that a beheerder checked the instrument and it is still right (logged)."""
    ctx = MutatieContext(
        gebruiker=gebruiker, bron=BRON_EDITOR, reden=(reden or "").strip() or "beoordeeld"
    )
    with db.wijzigen(ctx) as s:
        begin(s, gebruiker, met_reden=False)
        instrument = s.get(Instrument, instrument_id)
        if instrument is None:
            raise NietGevondenFout(f"Er is geen instrument met nummer {instrument_id}.")
        instrument.beoordeeld_op = nu()
