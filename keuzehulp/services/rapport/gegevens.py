"""Everything a printout of one conversation shows, read in one unit of work as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select

from keuzehulp.model.catalogus import FengerRoute, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.coachprofiel import GEEN_PROFIEL, CoachProfielGegevens, lees_profiel
from keuzehulp.services.gesprek import (
    GesprekGegevens,
    GesprekInvoer,
    GesprekService,
    Optie,
    controleer_privacy,
)
from keuzehulp.services.instrumentdetail import InstrumentDetail, RouteInfo, lees_details
from keuzehulp.services.keuzecheck import KeuzeCheck, keuzecheck
from keuzehulp.services.wensen import GEEN_FIT, Fit
from keuzehulp.services.zoekvraag import ZoekVraag

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
class Zoeking:
    """One search behind the shortlist and the options (numbers from 1) it put there.

    `bij_bewaren`: not known which search found these options (an older gesprek, stored before
    migration 0010): `vraag` is the search on screen when the gesprek was last saved.
    """

    vraag: ZoekVraag
    opties: tuple[int, ...]
    bij_bewaren: bool = False


def zoekingen(invoer: GesprekInvoer) -> tuple[Zoeking, ...]:
    """The searches with which the shortlist was made, in order of the first option each found.

    Options with the same search share one Zoeking. Options without a known search share one
    Zoeking of the gesprek's stored search, marked `bij_bewaren`, placed last; so does an empty
    shortlist (then with no option numbers).
    """
    groepen: dict[ZoekVraag, list[int]] = {}
    onbekend: list[int] = []
    for nummer, optie in enumerate(invoer.opties, start=1):
        if optie.zoekvraag is None:
            onbekend.append(nummer)
        else:
            groepen.setdefault(optie.zoekvraag, []).append(nummer)
    uit = [Zoeking(vraag, tuple(nummers)) for vraag, nummers in groepen.items()]
    if onbekend or not uit:
        uit.append(Zoeking(invoer.zoekvraag, tuple(onbekend), bij_bewaren=True))
    return tuple(uit)


@dataclass(frozen=True, slots=True)
class Rapport:
    """A stored conversation with the details of its options, routes and kenmerken.

    `routes` and `kenmerken` are those of the searches that found the shortlisted options (all
    of them together, see `zoekingen`); `route_info` and `kenmerk_info` name every route and
    kenmerk code of those searches, by code.
    """

    gesprek: GesprekGegevens
    opties: tuple[InstrumentDetail, ...]
    notities: tuple[str | None, ...]
    routes: tuple[RouteInfo, ...]
    kenmerken: tuple[GekozenKenmerk, ...]
    scores: tuple[Score, ...]
    zoekingen: tuple[Zoeking, ...] = ()
    route_info: dict[str, RouteInfo] = field(default_factory=dict)
    kenmerk_info: dict[str, GekozenKenmerk] = field(default_factory=dict)
    # How the client reaches the coach (the gesprek's coach); None when never filled in.
    profiel: CoachProfielGegevens | None = None
    # The day the printout is made: decides which start dates are still ahead.
    vandaag: dt.date = field(default_factory=dt.date.today)

    @property
    def keuze(self) -> InstrumentDetail | None:
        return next((o for o in self.opties if o.id == self.gesprek.invoer.keuze_id), None)

    @property
    def keuzecheck(self) -> KeuzeCheck | None:
        """The SURE outcome, or None when the check was not done."""
        sure = self.gesprek.invoer.sure
        return None if sure is None else keuzecheck(sure)

    def fit(self, instrument_id: int) -> Fit:
        """The fit stored with the gesprek (GEEN_FIT without wishes)."""
        return self.gesprek.fit.get(instrument_id, GEEN_FIT)

    def optie(self, instrument_id: int) -> Optie:
        """The shortlist entry (note, pros, cons) of an option."""
        return self.gesprek.invoer.optie(instrument_id) or Optie(instrument_id=instrument_id)

    def vereist_profiel(self) -> CoachProfielGegevens:
        """The coach profile, or InvoerFout asking to fill it in (the client needs a contact)."""
        if self.profiel is None:
            raise InvoerFout(GEEN_PROFIEL)
        return self.profiel

    @property
    def coach_naam(self) -> str:
        """The coach's display name; the login name only when there is no profile."""
        return self.profiel.naam if self.profiel else self.gesprek.coach

    @property
    def datum(self) -> str:
        return datum_nl(self.gesprek.gewijzigd_op)


def verzamel(db: Database, gesprek_id: int, *, vandaag: dt.date | None = None) -> Rapport:
    """Read a stored conversation for printing; unknown ids raise NietGevondenFout.

    The coach profile is the one of the gesprek's coach (login name), None if not set."""
    gesprek = GesprekService(db).lees(gesprek_id)
    invoer = gesprek.invoer
    controleer_privacy(invoer)  # also for a conversation stored before the guard knew a form
    opties = tuple(lees_details(db, invoer.optie_ids))
    gezocht = zoekingen(invoer)
    route_codes = {c for z in gezocht for c in z.vraag.routes}
    kenmerk_codes = {c for z in gezocht for c in z.vraag.kenmerken}
    with db.lezen() as session:
        routes = tuple(
            RouteInfo(r.code, r.naam, r.label, r.uitleg_client)
            for r in session.scalars(
                select(FengerRoute)
                .where(FengerRoute.code.in_(route_codes))
                .order_by(FengerRoute.volgorde)
            )
        )
        kenmerken = []
        for k in session.scalars(select(Kenmerk).where(Kenmerk.code.in_(kenmerk_codes))):
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
        profiel=lees_profiel(db, gesprek.coach),
        vandaag=vandaag or dt.date.today(),
        gesprek=gesprek,
        opties=opties,
        notities=tuple(o.notitie for o in invoer.opties),
        routes=routes,
        kenmerken=tuple(kenmerken),
        scores=scores,
        zoekingen=gezocht,
        route_info={r.code: r for r in routes},
        kenmerk_info={k.code: k for k in kenmerken},
    )
