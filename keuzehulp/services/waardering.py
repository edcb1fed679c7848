"""Ratings that mean something (issue 15, item 3): computed from terugblikken, else the survey.

Per instrument and per group (coaches, clients) the figure shown is:
1. the mean of the ratings in terugblikken, once there are at least N of them (setting
   `waardering_minimum` in the `instelling` table, default 5), with count and period;
2. otherwise the imported survey figure (`Instrument.waardering_professionals` /
   `waardering_werkzoekende`), labelled "enquête" (setting `waardering_enquete`, for
   instance "enquête 2021");
3. otherwise nothing.
Every rating counts: a gesprek looked back on after 4 weeks and at the end gives two
ratings (of two moments), and "12×" says how many ratings the mean rests on. The coach figure
is the overall mark (coach_totaal); the means of result and execution come along for the
details. Everything is computed in one GROUP BY in SQL, portable to PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy import case, func, null, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.gesprek import Instelling
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.tekst import cijfer
from keuzehulp.model.terugblik import MET_CIJFER, Terugblik
from keuzehulp.services.beheer import versiecontrole
from keuzehulp.services.rollen import vereis_beheerder

MINIMUM_SLEUTEL = "waardering_minimum"
MINIMUM_LABEL = "Minimum aantal cijfers"  # how the mutation log names the setting
STANDAARD_MINIMUM = 5
MIN_MINIMUM, MAX_MINIMUM = 1, 1000
ENQUETE = "enquête"
ENQUETE_SLEUTEL = "waardering_enquete"
ENQUETE_LABEL = "Naam van de enquête"
MAX_ENQUETE = 30  # characters of the survey label

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
    # How a survey figure is labelled: setting `waardering_enquete` (e.g. "enquête 2021").
    enquete: str = ENQUETE

    @property
    def kort(self) -> str:
        """'7,8 (12×)' or '7,5 (enquête)', for the coach."""
        if self.bron == "enquete":
            return f"{cijfer(self.gemiddelde)} ({self.enquete})"
        return f"{cijfer(self.gemiddelde)} ({self.aantal}×)"

    @property
    def kort_klant(self) -> str:
        """'7,8 (uit 12 cijfers)' or '7,5 (uit een enquête)': both say where the figure
        comes from in the same words, no sign a client may not know (B1)."""
        if self.bron == "enquete":
            bron = "een enquête" if self.enquete == ENQUETE else self.enquete
            return f"{cijfer(self.gemiddelde)} (uit {bron})"
        woord = "cijfer" if self.aantal == 1 else "cijfers"
        return f"{cijfer(self.gemiddelde)} (uit {self.aantal} {woord})"

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
        """'Coaches: 7,8 (12×) · Klanten: 8,1 (enquête 2021)', or '' when there is nothing.

        The same figures in the same order for coach and client (cards, comparison, PDF),
        coaches first as sorting by rating uses them; the client's words have no signs (B1):
        'Werkcoaches: 7,8 (uit 12 cijfers) · Deelnemers: 8,1 (uit enquête 2021)'.
        """
        namen = ("Werkcoaches", "Deelnemers") if klant else ("Coaches", "Klanten")
        return " · ".join(
            f"{naam}: {w.kort_klant if klant else w.kort}"
            for naam, w in zip(namen, (self.coaches, self.klanten), strict=True)
            if w is not None
        )

    def hoofdcijfer(self, *, klant: bool = False) -> str:
        """What a result card shows: both figures as `tekst` (so coach and client see the same
        numbers), or 'Nog geen cijfer'."""
        return self.tekst(klant=klant) or "Nog geen cijfer"

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
    if rij is None or not rij.waarde.strip().isdecimal():
        return STANDAARD_MINIMUM
    return max(MIN_MINIMUM, min(MAX_MINIMUM, int(rij.waarde)))


def lees_minimum(db: Database) -> int:
    with db.lezen() as session:
        return minimum(session)


def lees_minimum_met_versie(db: Database) -> tuple[int, int]:
    """(minimum, version) as a form loads it; pass the version back to `zet_minimum`."""
    with db.lezen() as session:
        return minimum(session), versiecontrole.lees_instelling(session, MINIMUM_SLEUTEL).versie


def zet_minimum(db: Database, aantal: int, gebruiker: str, versie: int | None = None) -> int:
    """Set the minimum number of ratings; returns the setting's new version.

    Beheerders only (GeenRechtFout); InvoerFout outside 1-1000. `versie` is what
    `lees_minimum_met_versie` gave: when someone saved the setting since, ConflictFout names
    who and when and nothing is written (None: no check). The change is logged.
    """
    if not MIN_MINIMUM <= aantal <= MAX_MINIMUM:
        raise InvoerFout(
            f"Minimum aantal cijfers: geef een getal van {MIN_MINIMUM} tot en met {MAX_MINIMUM}."
        )
    with db.wijzigen(MutatieContext(gebruiker, "instelling")) as session:
        vereis_beheerder(session, gebruiker)
        return versiecontrole.zet_instelling(
            session, MINIMUM_SLEUTEL, str(aantal), versie, MINIMUM_LABEL, gebruiker
        )


def enquete_label(session: Session) -> str:
    """How survey figures are labelled (setting `waardering_enquete`, default "enquête")."""
    rij = session.get(Instelling, ENQUETE_SLEUTEL)
    return rij.waarde.strip() if rij is not None and rij.waarde.strip() else ENQUETE


def lees_enquete_label(db: Database) -> str:
    with db.lezen() as session:
        return enquete_label(session)


def lees_enquete_label_met_versie(db: Database) -> tuple[str, int]:
    """(label, version) as a form loads it; pass the version back to `zet_enquete_label`."""
    with db.lezen() as session:
        return enquete_label(session), versiecontrole.lees_instelling(
            session, ENQUETE_SLEUTEL
        ).versie


def zet_enquete_label(db: Database, tekst: str, gebruiker: str, versie: int | None = None) -> str:
    """Label survey figures, e.g. "enquête 2021"; returns the label as stored.

    Beheerders only (GeenRechtFout); InvoerFout when empty or longer than MAX_ENQUETE
    characters; ConflictFout (who, when) when saved by someone else since `versie` (as
    `lees_enquete_label_met_versie` gave; None: no check). The change is logged.
    """
    label = " ".join(tekst.split())
    if not label or len(label) > MAX_ENQUETE:
        raise InvoerFout(
            f"Naam van de enquête: geef een korte tekst van 1 tot {MAX_ENQUETE} tekens, "
            "bijvoorbeeld ‘enquête 2021’."
        )
    with db.wijzigen(MutatieContext(gebruiker, "instelling")) as session:
        vereis_beheerder(session, gebruiker)
        versiecontrole.zet_instelling(
            session, ENQUETE_SLEUTEL, label, versie, ENQUETE_LABEL, gebruiker
        )
    return label


def _cijfers(
    session: Session, ids: list[int] | None, details: bool
) -> dict[int, tuple[Berekend | None, Berekend | None]]:
    """(coaches, clients) per instrument id in one GROUP BY over the terugblikken.

    Without `details` only means and counts (what cards and sorting need): the period and the
    aspects cost four more aggregates and date parsing per instrument. Only terugblikken
    with a rating can change an aggregate, so only those are read (MET_CIJFER: the partial
    index ix_terugblik_cijfers, which covers the query without `details`).
    """
    t = Terugblik

    def wanneer(kolom: InstrumentedAttribute[int | None]) -> list[Any]:
        if not details:
            return [null(), null()]
        moment = case((kolom.is_not(None), t.aangemaakt_op))
        return [func.min(moment), func.max(moment)]

    aspecten = (
        [func.avg(t.coach_resultaat), func.avg(t.coach_uitvoering)] if details else [null(), null()]
    )
    vraag = (
        select(
            t.instrument_id,
            func.avg(t.coach_totaal),
            func.count(t.coach_totaal),
            *wanneer(t.coach_totaal),
            *aspecten,
            func.avg(t.client_cijfer),
            func.count(t.client_cijfer),
            *wanneer(t.client_cijfer),
        )
        .where(text(MET_CIJFER))
        .group_by(t.instrument_id)
    )
    if ids is not None:
        vraag = vraag.where(t.instrument_id.in_(ids))
    uit = {}
    for r in session.execute(vraag):
        coach = (
            Berekend(float(r[1]), int(r[2]), _datum(r[3]), _datum(r[4]), _of(r[5]), _of(r[6]))
            if r[2]
            else None
        )
        klant = Berekend(float(r[7]), int(r[8]), _datum(r[9]), _datum(r[10])) if r[8] else None
        uit[int(r[0])] = (coach, klant)
    return uit


def _of(waarde: object) -> float | None:
    return None if waarde is None else round(float(waarde), 1)  # type: ignore[arg-type]


def _datum(waarde: object) -> dt.date | None:
    """MIN/MAX of a timestamp: a datetime (PostgreSQL) or text (SQLite drops the type)."""
    if isinstance(waarde, dt.datetime):
        return waarde.astimezone(dt.UTC).date()
    if isinstance(waarde, str):
        return _tekst_datum(waarde[:10])
    return None


@lru_cache(maxsize=4096)
def _tekst_datum(dag: str) -> dt.date:
    """ "2026-03-01" as a date; thousands of instruments share a few hundred days."""
    return dt.date.fromisoformat(dag)


def waarderingen(
    session: Session,
    ids: Iterable[int] | None = None,
    *,
    drempel: int | None = None,
    details: bool = False,
) -> dict[int, InstrumentWaardering]:
    """Figures per instrument id (all instruments when `ids` is None); missing id: nothing.

    `details` adds the period and the coaches' result and execution means (details view,
    comparison, PDF); without it those stay None. `drempel` overrides the setting (tests).
    One GROUP BY over the terugblikken plus one select of the survey columns.
    """
    n = minimum(session) if drempel is None else drempel
    label = enquete_label(session)
    lijst = None if ids is None else list(ids)
    berekend = _cijfers(session, lijst, details)
    enquete = select(
        Instrument.id, Instrument.waardering_professionals, Instrument.waardering_werkzoekende
    )
    if lijst is not None:
        enquete = enquete.where(Instrument.id.in_(lijst))
    uit: dict[int, InstrumentWaardering] = {}
    for iid, prof, werkz in session.execute(enquete):
        coach, klant = berekend.get(iid, (None, None))
        w = InstrumentWaardering(
            coaches=kies(coach, prof, n, label), klanten=kies(klant, werkz, n, label)
        )
        if w != GEEN:
            uit[iid] = w
    return uit


@dataclass(frozen=True, slots=True)
class Berekend:
    """Ratings of one group (coaches or clients) of one instrument, from terugblikken: the
    mean 1-10, the number of ratings, the first and last day rated (None without details),
    and for coaches the aspects' means rounded to one decimal."""

    gemiddelde: float
    aantal: int
    van: dt.date | None
    tot: dt.date | None
    resultaat: float | None = None
    uitvoering: float | None = None


def kies(berekend: Berekend | None, enquete: float | None, n: int, label: str) -> Waardering | None:
    """The one rule (issue 15 item 3): the terugblik figure from `n` ratings on, else the
    survey figure `enquete` (labelled `label`), else None."""
    if berekend is not None and berekend.aantal >= n:
        b = berekend
        return Waardering(
            round(b.gemiddelde, 1), "terugblik", b.aantal, b.van, b.tot, b.resultaat, b.uitvoering
        )
    if enquete is not None:
        return Waardering(float(enquete), "enquete", enquete=label)
    return None


def lees_waarderingen(
    db: Database, ids: Iterable[int] | None = None
) -> dict[int, InstrumentWaardering]:
    """`waarderingen` with details, in its own read-only unit of work."""
    with db.lezen() as session:
        return waarderingen(session, ids, details=True)


def lees_waardering(db: Database, instrument_id: int) -> InstrumentWaardering:
    return lees_waarderingen(db, [instrument_id]).get(instrument_id, GEEN)
