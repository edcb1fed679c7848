"""Ratings that mean something (issue 15, item 3): computed from terugblikken, else the survey.

Per instrument and per group (coaches, clients) the figure shown is:
1. the mean of the ratings in terugblikken, once there are at least N of them (setting
   `waardering_minimum` in the `instelling` table, default 5), with count and period;
2. otherwise the imported survey figure (`Instrument.waardering_professionals` /
   `waardering_werkzoekende`), labelled "enquête";
3. otherwise nothing.
A gesprek counts once per instrument: when it has several terugblikken with a rating, its
latest rating counts (a trajectory rated after 4 weeks and at the end is one trajectory).
The coach figure is the overall mark (coach_totaal); the means of result and execution come
along for the details. Everything is computed in SQL (GROUP BY), portable to PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.gesprek import Instelling
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.tekst import cijfer
from keuzehulp.model.terugblik import Terugblik
from keuzehulp.services.rollen import vereis_beheerder

MINIMUM_SLEUTEL = "waardering_minimum"
STANDAARD_MINIMUM = 5
MIN_MINIMUM, MAX_MINIMUM = 1, 1000
ENQUETE = "enquête"

Bron = Literal["terugblik", "enquete"]


@dataclass(frozen=True, slots=True)
class Waardering:
    """One shown figure: a mean 1-10, where it comes from, and for terugblikken count and period.

    `resultaat`/`uitvoering` are the coaches' means of those aspects (None when unrated or a
    survey figure). `van`/`tot` are the dates of the first and last counted rating (UTC).
    """

    gemiddelde: float
    bron: Bron
    aantal: int = 0
    van: dt.date | None = None
    tot: dt.date | None = None
    resultaat: float | None = None
    uitvoering: float | None = None

    @property
    def kort(self) -> str:
        """'7,8 (12×)' or '7,5 (enquête)', for the coach."""
        if self.bron == "enquete":
            return f"{cijfer(self.gemiddelde)} ({ENQUETE})"
        return f"{cijfer(self.gemiddelde)} ({self.aantal}×)"

    @property
    def kort_klant(self) -> str:
        """'7,8 (12 cijfers)' or '7,5 (enquête)': no sign a client may not know."""
        if self.bron == "enquete":
            return f"{cijfer(self.gemiddelde)} ({ENQUETE})"
        woord = "cijfer" if self.aantal == 1 else "cijfers"
        return f"{cijfer(self.gemiddelde)} ({self.aantal} {woord})"

    @property
    def uitgebreid(self) -> str:
        """For the coach's details: '7,8 (12×, mrt 2027 - nov 2027; resultaat 7,2,
        uitvoering 8,0)' or '7,5 (enquête)'."""
        if self.bron == "enquete":
            return self.kort
        extra = [f"{self.aantal}×", self.periode]
        aspecten = [
            f"{naam} {cijfer(w)}"
            for naam, w in (("resultaat", self.resultaat), ("uitvoering", self.uitvoering))
            if w is not None
        ]
        tekst = ", ".join(e for e in extra if e)
        if aspecten:
            tekst += "; " + ", ".join(aspecten)
        return f"{cijfer(self.gemiddelde)} ({tekst})"

    @property
    def periode(self) -> str:
        """'mrt 2027 - nov 2027' style period of the counted ratings, or '' for a survey."""
        if self.van is None or self.tot is None:
            return ""
        van, tot = _maand(self.van), _maand(self.tot)
        return van if van == tot else f"{van} - {tot}"


_MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _maand(datum: dt.date) -> str:
    return f"{_MAANDEN[datum.month - 1]} {datum.year}"


@dataclass(frozen=True, slots=True)
class InstrumentWaardering:
    """The figures of one instrument for coaches and for clients (None: nothing to show)."""

    coaches: Waardering | None = None
    klanten: Waardering | None = None

    def tekst(self, *, klant: bool = False) -> str:
        """'Coaches: 7,8 (12×) · Klanten: 8,1 (enquête)', or '' when there is nothing.

        With `klant` the client's view: participants first, in words without signs.
        """
        if klant:
            delen = [f"Deelnemers: {self.klanten.kort_klant}"] if self.klanten else []
            if self.coaches is not None:
                delen.append(f"Coaches: {self.coaches.kort_klant}")
            return " · ".join(delen)
        delen = [f"Coaches: {self.coaches.kort}"] if self.coaches else []
        if self.klanten is not None:
            delen.append(f"Klanten: {self.klanten.kort}")
        return " · ".join(delen)

    def hoofdcijfer(self, *, klant: bool = False) -> str:
        """The one figure a result card shows: 'Coaches: 7,8 (12×)' (client: participants
        first), or 'Nog geen cijfer'."""
        volgorde = (self.klanten, self.coaches) if klant else (self.coaches, self.klanten)
        namen = ("Deelnemers", "Coaches") if klant else ("Coaches", "Klanten")
        for w, naam in zip(volgorde, namen, strict=True):
            if w is not None:
                return f"{naam}: {w.kort_klant if klant else w.kort}"
        return "Nog geen cijfer"

    @property
    def sorteercijfer(self) -> float:
        """What 'sort by rating' uses: the coaches' figure shown, else the clients', else 0."""
        for w in (self.coaches, self.klanten):
            if w is not None:
                return w.gemiddelde
        return 0.0


GEEN = InstrumentWaardering()


def minimum(session: Session) -> int:
    """The setting `waardering_minimum` (default 5); an unreadable value counts as default."""
    rij = session.get(Instelling, MINIMUM_SLEUTEL)
    if rij is None or not rij.waarde.strip().isdigit():
        return STANDAARD_MINIMUM
    return max(MIN_MINIMUM, min(MAX_MINIMUM, int(rij.waarde)))


def lees_minimum(db: Database) -> int:
    with db.lezen() as session:
        return minimum(session)


def zet_minimum(db: Database, aantal: int, gebruiker: str) -> None:
    """Set the minimum number of ratings (beheerders only; InvoerFout outside 1-1000)."""
    if not MIN_MINIMUM <= aantal <= MAX_MINIMUM:
        raise InvoerFout(
            f"Minimum aantal cijfers: geef een getal van {MIN_MINIMUM} tot en met {MAX_MINIMUM}."
        )
    with db.wijzigen(MutatieContext(gebruiker, "instelling")) as session:
        vereis_beheerder(session, gebruiker)
        rij = session.get(Instelling, MINIMUM_SLEUTEL)
        if rij is None:
            session.add(Instelling(sleutel=MINIMUM_SLEUTEL, waarde=str(aantal)))
        else:
            rij.waarde = str(aantal)


def _laatste_per_gesprek(kolom: InstrumentedAttribute[int | None]) -> Select[int]:
    """Ids of the latest terugblik with this rating per (gesprek, instrument)."""
    return (
        select(func.max(Terugblik.id))
        .where(kolom.is_not(None))
        .group_by(Terugblik.gesprek_id, Terugblik.instrument_id)
    )


def _cijfers(
    session: Session,
    kolom: InstrumentedAttribute[int | None],
    extra: tuple[InstrumentedAttribute[int | None], ...],
    ids: list[int] | None,
) -> dict[int, tuple[float, int, dt.datetime, dt.datetime, list[float | None]]]:
    vraag = (
        select(
            Terugblik.instrument_id,
            func.avg(kolom),
            func.count(kolom),
            func.min(Terugblik.aangemaakt_op),
            func.max(Terugblik.aangemaakt_op),
            *(func.avg(e) for e in extra),
        )
        .where(Terugblik.id.in_(_laatste_per_gesprek(kolom)))
        .group_by(Terugblik.instrument_id)
    )
    if ids is not None:
        vraag = vraag.where(Terugblik.instrument_id.in_(ids))
    uit = {}
    for rij in session.execute(vraag):
        uit[int(rij[0])] = (
            float(rij[1]),
            int(rij[2]),
            rij[3],
            rij[4],
            [None if w is None else float(w) for w in rij[5:]],
        )
    return uit


def _datum(waarde: object) -> dt.date | None:
    """MIN/MAX of a timestamp: a datetime (PostgreSQL) or text (SQLite drops the type)."""
    if isinstance(waarde, dt.datetime):
        return waarde.astimezone(dt.UTC).date()
    if isinstance(waarde, str):
        return dt.datetime.fromisoformat(waarde).date()
    return None


def waarderingen(
    session: Session, ids: Iterable[int] | None = None, *, drempel: int | None = None
) -> dict[int, InstrumentWaardering]:
    """Figures per instrument id (all instruments when `ids` is None); missing id: nothing.

    `drempel` overrides the setting (tests, benchmarks). Two GROUP BY queries plus one
    select of the survey columns.
    """
    n = minimum(session) if drempel is None else drempel
    lijst = None if ids is None else list(ids)
    coach = _cijfers(
        session,
        Terugblik.coach_totaal,
        (Terugblik.coach_resultaat, Terugblik.coach_uitvoering),
        lijst,
    )
    klant = _cijfers(session, Terugblik.client_cijfer, (), lijst)
    enquete = select(
        Instrument.id, Instrument.waardering_professionals, Instrument.waardering_werkzoekende
    ).where(
        Instrument.waardering_professionals.is_not(None)
        | Instrument.waardering_werkzoekende.is_not(None)
        | Instrument.id.in_(select(Terugblik.instrument_id))
    )
    if lijst is not None:
        enquete = enquete.where(Instrument.id.in_(lijst))
    uit: dict[int, InstrumentWaardering] = {}
    for iid, prof, werkz in session.execute(enquete):
        w = InstrumentWaardering(
            coaches=_kies(coach.get(iid), prof, n),
            klanten=_kies(klant.get(iid), werkz, n),
        )
        if w != GEEN:
            uit[iid] = w
    return uit


def _kies(
    berekend: tuple[float, int, object, object, list[float | None]] | None,
    enquete: float | None,
    n: int,
) -> Waardering | None:
    if berekend is not None and berekend[1] >= n:
        gem, aantal, van, tot, extra = berekend
        return Waardering(
            round(gem, 1),
            "terugblik",
            aantal,
            _datum(van),
            _datum(tot),
            *(None if e is None else round(e, 1) for e in [*extra, None, None][:2]),
        )
    if enquete is not None:
        return Waardering(float(enquete), "enquete")
    return None


def lees_waarderingen(
    db: Database, ids: Iterable[int] | None = None
) -> dict[int, InstrumentWaardering]:
    """`waarderingen` in its own read-only unit of work."""
    with db.lezen() as session:
        return waarderingen(session, ids)


def lees_waardering(db: Database, instrument_id: int) -> InstrumentWaardering:
    return lees_waarderingen(db, [instrument_id]).get(instrument_id, GEEN)
