"""One instrument with everything a detail view, comparison or PDF shows, as plain values.

`InstrumentDetail.gegevens` holds every field, also the structured practical ones (duration,
hours, start and start dates, Dutch required, group form, cost for the client); the kenmerken
carry their short client label. `services/weergave.py` words them for coach and client.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import NietGevondenFout
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, gegevens_van
from keuzehulp.services.waardering import GEEN, InstrumentWaardering, waarderingen


@dataclass(frozen=True, slots=True)
class RouteInfo:
    code: str
    naam: str
    label: str
    uitleg_client: str


@dataclass(frozen=True, slots=True)
class KenmerkInfo:
    code: str
    naam: str
    uitleg: str
    uitleg_client: str
    groep_code: str
    groep_naam: str
    label_client: str = ""  # short client label ("Beter omgaan met stress"); "" when none
    groep_label_client: str = ""

    @property
    def klantlabel(self) -> str:
        """What the client reads: the short label, or the name while there is none."""
        return self.label_client or self.naam


@dataclass(frozen=True, slots=True)
class InstrumentDetail:
    """An instrument read in one unit of work; safe to hand to the UI or a report."""

    id: int
    versie: int
    gegevens: InstrumentGegevens
    routes: tuple[RouteInfo, ...]
    kenmerken: tuple[KenmerkInfo, ...]
    gewijzigd_op: dt.datetime
    beoordeeld_op: dt.datetime | None
    # The figures shown (services/waardering.py): from terugblikken, else the survey.
    waardering: InstrumentWaardering = GEEN

    @property
    def naam(self) -> str:
        return self.gegevens.naam

    @property
    def alleen_na_overleg(self) -> bool:
        """The expert-only instruments: the coach consults the expert first."""
        return bool(self.gegevens.overleg_met)

    @property
    def startdatums(self) -> tuple[dt.date, ...]:
        """The fixed start dates (`gegevens.startdata`) as dates, oldest first."""
        tekst = self.gegevens.startdata or ""
        return tuple(
            sorted(dt.date.fromisoformat(d.strip()) for d in tekst.split(";") if d.strip())
        )


def _detail(instrument: Instrument, waardering: InstrumentWaardering = GEEN) -> InstrumentDetail:
    kenmerken = []
    for k in instrument.kenmerken:
        groep = k
        while groep.parent is not None:
            groep = groep.parent
        kenmerken.append(
            KenmerkInfo(
                k.code,
                k.naam,
                k.uitleg,
                k.uitleg_client,
                groep.code,
                groep.naam,
                k.label_client,
                groep.label_client,
            )
        )
    return InstrumentDetail(
        id=instrument.id,
        versie=instrument.versie,
        gegevens=gegevens_van(instrument),
        routes=tuple(
            RouteInfo(r.code, r.naam, r.label, r.uitleg_client) for r in instrument.routes
        ),
        kenmerken=tuple(kenmerken),
        gewijzigd_op=instrument.gewijzigd_op,
        beoordeeld_op=instrument.beoordeeld_op,
        waardering=waardering,
    )


def lees_details(db: Database, ids: list[int]) -> list[InstrumentDetail]:
    """Details for the given ids, in the order asked; unknown ids raise NietGevondenFout."""
    with db.lezen() as session:
        cijfers = waarderingen(session, ids, details=True)
        gevonden = {
            i.id: _detail(i, cijfers.get(i.id, GEEN))
            for i in session.scalars(
                select(Instrument)
                .where(Instrument.id.in_(ids))
                .options(
                    selectinload(Instrument.routes),
                    selectinload(Instrument.kenmerken),
                    selectinload(Instrument.gemeenten),
                )
            )
        }
    ontbrekend = [i for i in ids if i not in gevonden]
    if ontbrekend:
        raise NietGevondenFout(
            "Deze instrumenten bestaan niet (meer): " + ", ".join(map(str, ontbrekend))
        )
    return [gevonden[i] for i in ids]


def lees_detail(db: Database, instrument_id: int) -> InstrumentDetail:
    return lees_details(db, [instrument_id])[0]
