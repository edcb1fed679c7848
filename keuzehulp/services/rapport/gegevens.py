"""Everything a printout of one conversation shows, read in one unit of work as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from keuzehulp.model.catalogus import FengerRoute, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.services.gesprek import GesprekGegevens, GesprekService
from keuzehulp.services.instrumentdetail import InstrumentDetail, RouteInfo, lees_details

MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip


def datum_nl(moment: dt.date | dt.datetime) -> str:
    """22 november 2026."""
    return f"{moment.day} {MAANDEN[moment.month - 1]} {moment.year}"


@dataclass(frozen=True, slots=True)
class GekozenKenmerk:
    code: str
    naam: str
    uitleg_client: str
    groep_naam: str


@dataclass(frozen=True, slots=True)
class Score:
    code: str
    naam: str
    score: int


@dataclass(frozen=True, slots=True)
class Rapport:
    """A stored conversation with the details of its options, routes and kenmerken."""

    gesprek: GesprekGegevens
    opties: tuple[InstrumentDetail, ...]
    notities: tuple[str | None, ...]
    routes: tuple[RouteInfo, ...]
    kenmerken: tuple[GekozenKenmerk, ...]
    scores: tuple[Score, ...]

    @property
    def keuze(self) -> InstrumentDetail | None:
        return next((o for o in self.opties if o.id == self.gesprek.invoer.keuze_id), None)

    @property
    def datum(self) -> str:
        return datum_nl(self.gesprek.gewijzigd_op)


def verzamel(db: Database, gesprek_id: int) -> Rapport:
    """Read a stored conversation for printing; unknown ids raise NietGevondenFout."""
    gesprek = GesprekService(db).lees(gesprek_id)
    invoer = gesprek.invoer
    opties = tuple(lees_details(db, invoer.optie_ids))
    with db.lezen() as session:
        routes = tuple(
            RouteInfo(r.code, r.naam, r.label, r.uitleg_client)
            for r in session.scalars(
                select(FengerRoute)
                .where(FengerRoute.code.in_(invoer.zoekvraag.routes))
                .order_by(FengerRoute.volgorde)
            )
        )
        kenmerken = []
        for k in session.scalars(
            select(Kenmerk).where(Kenmerk.code.in_(invoer.zoekvraag.kenmerken))
        ):
            groep = k
            while groep.parent is not None:
                groep = groep.parent
            kenmerken.append(GekozenKenmerk(k.code, k.naam, k.uitleg_client, groep.naam))
        kenmerken.sort(key=lambda k: [int(d) for d in k.code.split(".")])
        namen = {
            k.code: k.naam
            for k in session.scalars(select(Kenmerk).where(Kenmerk.code.in_(invoer.scores)))
        }
    scores = tuple(Score(c, namen[c], s) for c, s in sorted(invoer.scores.items()))
    return Rapport(
        gesprek=gesprek,
        opties=opties,
        notities=tuple(o.notitie for o in invoer.opties),
        routes=routes,
        kenmerken=tuple(kenmerken),
        scores=scores,
    )
