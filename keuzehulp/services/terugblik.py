"""Terugblik (step 4 of methodisch werken): what happened with a gesprek's chosen instrument.

A gesprek can have several terugblikken (after 4 weeks, at the end). Each remark a coach or
client writes passes the privacy guard and becomes an Opmerking for the instrument's
regiehouder (services/beheer/opmerkingen.py). Ratings are whole report marks 1-10; the coach
rates three aspects as Eva asks (overall, result, execution), the client gives one mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.gesprek import Gesprek, GesprekOptie
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.terugblik import (
    DOEL_BEREIKT,
    TERUGBLIK_STATUSSEN,
    Opmerking,
    Terugblik,
)
from keuzehulp.services import privacy

STATUS_TEKST: dict[str, str] = {
    "aangemeld": "Aangemeld",
    "gestart": "Gestart",
    "afgerond": "Afgerond",
    "gestopt": "Gestopt",
}
"""What happened with the instrument, as the coach reads it."""

REDENEN_STOPPEN: dict[str, str] = {
    "werk_gevonden": "Werk gevonden",
    "gezondheid": "Gezondheid",
    "past_niet": "Past niet bij de klant",
    "verhuisd": "Verhuisd",
    "andere_voorziening": "Naar een andere voorziening",
    "geen_motivatie": "Klant wilde niet verder",
    "aanbieder": "Aanbieder stopte of kon niet leveren",
    "anders": "Anders",
}
"""Reason categories for stopping (code -> label), stored in Terugblik.reden_stoppen."""

DOEL_TEKST: dict[str, str] = {
    "ja": "Ja",
    "deels": "Deels",
    "nee": "Nee",
    "weet_niet": "Weet niet",
}
"""Was the goal reached; "weet_niet" is an answer (None: not asked)."""

MAX_OPMERKING = 2000  # characters per remark
_CONTEXT_BRON = "terugblik"


def _leeg_is_niets(waarde: object) -> object:
    if isinstance(waarde, str) and not waarde.strip():
        return None
    return waarde


class TerugblikInvoer(BaseModel):
    """What the coach and client fill in. Every field is optional, but not all of them.

    Ratings are whole numbers 1-10 (None: not given). `instrument_id` None means the gesprek's
    chosen instrument.
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    instrument_id: int | None = None
    status: str | None = None
    reden_stoppen: str | None = None
    doel_bereikt: str | None = None
    coach_totaal: int | None = None
    coach_resultaat: int | None = None
    coach_uitvoering: int | None = None
    coach_opmerking: str | None = None
    client_cijfer: int | None = None
    client_opmerking: str | None = None

    @field_validator(
        "status", "reden_stoppen", "doel_bereikt", "coach_opmerking", "client_opmerking",
        mode="before",
    )  # fmt: skip
    @classmethod
    def _leeg(cls, waarde: object) -> object:
        return _leeg_is_niets(waarde)

    @property
    def is_leeg(self) -> bool:
        """True when nothing but the instrument was filled in."""
        return all(v is None for k, v in self.model_dump().items() if k != "instrument_id")


class TerugblikGegevens(BaseModel):
    """A stored terugblik as plain values (times timezone-aware UTC)."""

    model_config = ConfigDict(frozen=True)

    id: int
    gesprek_id: int
    instrument_naam: str
    aangemaakt_op: dt.datetime
    gewijzigd_op: dt.datetime
    coach: str
    invoer: TerugblikInvoer

    @property
    def instrument_id(self) -> int:
        assert self.invoer.instrument_id is not None  # always set once stored
        return self.invoer.instrument_id

    @property
    def _status_tekst(self) -> str:
        """'Gestopt (Werk gevonden)', or '' without a status."""
        i = self.invoer
        if not i.status:
            return ""
        status = STATUS_TEKST.get(i.status, i.status)
        if i.reden_stoppen:
            status += f" ({REDENEN_STOPPEN.get(i.reden_stoppen, i.reden_stoppen)})"
        return status

    @property
    def stand(self) -> str:
        """What happened and the goal: 'Gestopt (Werk gevonden) · doel bereikt: deels'."""
        i = self.invoer
        delen = [self._status_tekst or "stand nog niet bekend"]
        doel = DOEL_TEKST.get(i.doel_bereikt, i.doel_bereikt) if i.doel_bereikt else "–"
        delen.append(f"doel bereikt: {doel.lower()}")
        return " · ".join(delen)

    @property
    def cijfers(self) -> str:
        """The marks given, at a glance; a mark not given is left out, never a "–" beside the
        "·" separator (that read as "– · ·"):
        'Coach: totaal 8, resultaat 7 · Klant: 9', 'Coach: geen cijfers · Klant: geen cijfer'."""
        gegeven = self.coach_cijfers
        coach = f"Coach: {', '.join(gegeven)}" if gegeven else "Coach: geen cijfers"
        klant = (
            "geen cijfer" if self.invoer.client_cijfer is None else str(self.invoer.client_cijfer)
        )
        return f"{coach} · Klant: {klant}"

    @property
    def coach_cijfers(self) -> list[str]:
        """The coach's marks given (1-10), each with its aspect: ['totaal 8', 'resultaat 7'];
        an aspect without a mark is left out."""
        i = self.invoer
        return [
            f"{naam} {waarde}"
            for naam, waarde in (
                ("totaal", i.coach_totaal),
                ("resultaat", i.coach_resultaat),
                ("uitvoering", i.coach_uitvoering),
            )
            if waarde is not None
        ]

    @property
    def samenvatting(self) -> str:
        """One line for lists: 'Gestopt (Werk gevonden) · doel: deels · coach 7 · klant 8'."""
        i = self.invoer
        delen = [self._status_tekst] if self._status_tekst else []
        if i.doel_bereikt:
            delen.append(f"doel bereikt: {DOEL_TEKST.get(i.doel_bereikt, i.doel_bereikt).lower()}")
        if i.coach_totaal is not None:
            delen.append(f"coach {i.coach_totaal}")
        if i.client_cijfer is not None:
            delen.append(f"klant {i.client_cijfer}")
        return " · ".join(delen) or "(alleen een opmerking)"


def maak_invoer(**waarden: object) -> TerugblikInvoer:
    """Build a TerugblikInvoer from loose values; a wrong type becomes a Dutch InvoerFout."""
    try:
        return TerugblikInvoer.model_validate(waarden)
    except ValidationError as fout:
        veld = str(fout.errors()[0]["loc"][0]) if fout.errors() else "?"
        raise InvoerFout(f"Terugblik: de waarde bij ‘{veld}’ is geen geldige invoer.") from None


def controleer(invoer: TerugblikInvoer) -> None:
    """Check a terugblik before storing; raise InvoerFout with a Dutch message naming the field.

    Rules: status, reason and goal answer from their lists; a reason only (and always) when
    the status is "gestopt"; ratings 1-10; remarks at most MAX_OPMERKING characters and free
    of BSN, dates and names after a form of address (privacy guard); not everything empty.
    """
    if invoer.is_leeg:
        raise InvoerFout(
            "Terugblik: er is nog niets ingevuld. Vul minstens de stand van zaken, een cijfer "
            "of een opmerking in."
        )
    if invoer.status is not None and invoer.status not in TERUGBLIK_STATUSSEN:
        raise InvoerFout(
            f"Terugblik: ‘{invoer.status}’ is geen stand van zaken. Kies uit: "
            + ", ".join(TERUGBLIK_STATUSSEN)
            + "."
        )
    if invoer.status == "gestopt" and invoer.reden_stoppen is None:
        raise InvoerFout("Terugblik: kies waarom het instrument is gestopt.")
    if invoer.reden_stoppen is not None:
        if invoer.status != "gestopt":
            raise InvoerFout(
                "Terugblik: een reden om te stoppen hoort alleen bij de stand ‘gestopt’."
            )
        if invoer.reden_stoppen not in REDENEN_STOPPEN:
            raise InvoerFout(
                f"Terugblik: ‘{invoer.reden_stoppen}’ is geen reden om te stoppen. Kies uit: "
                + ", ".join(REDENEN_STOPPEN)
                + "."
            )
    if invoer.doel_bereikt is not None and invoer.doel_bereikt not in DOEL_BEREIKT:
        raise InvoerFout(
            f"Terugblik: ‘{invoer.doel_bereikt}’ is geen antwoord op ‘doel bereikt’. Kies uit: "
            + ", ".join(DOEL_BEREIKT)
            + "."
        )
    for veld, naam in (
        ("coach_totaal", "Cijfer van de coach (totaal)"),
        ("coach_resultaat", "Cijfer van de coach (resultaat)"),
        ("coach_uitvoering", "Cijfer van de coach (uitvoering)"),
        ("client_cijfer", "Cijfer van de klant"),
    ):
        waarde = getattr(invoer, veld)
        if waarde is not None and not 1 <= waarde <= 10:
            raise InvoerFout(f"{naam}: geef een cijfer van 1 tot en met 10 (niet {waarde}).")
    for tekst, naam in (
        (invoer.coach_opmerking, "Opmerking van de coach"),
        (invoer.client_opmerking, "Opmerking van de klant"),
    ):
        if tekst is not None and len(tekst) > MAX_OPMERKING:
            raise InvoerFout(
                f"{naam}: de tekst is te lang ({len(tekst)} tekens). Houd het onder "
                f"{MAX_OPMERKING} tekens."
            )
        privacy.controleer(tekst, naam, namen=True)  # remarks reach the regiehouder


def _gegevens(t: Terugblik) -> TerugblikGegevens:
    return TerugblikGegevens(
        id=t.id,
        gesprek_id=t.gesprek_id,
        instrument_naam=t.instrument.naam,
        aangemaakt_op=t.aangemaakt_op,
        gewijzigd_op=t.gewijzigd_op,
        coach=t.coach,
        invoer=TerugblikInvoer(
            instrument_id=t.instrument_id,
            status=t.status,
            reden_stoppen=t.reden_stoppen,
            doel_bereikt=t.doel_bereikt,
            coach_totaal=t.coach_totaal,
            coach_resultaat=t.coach_resultaat,
            coach_uitvoering=t.coach_uitvoering,
            coach_opmerking=t.coach_opmerking,
            client_cijfer=t.client_cijfer,
            client_opmerking=t.client_opmerking,
        ),
    )


def _gesprek(session: Session, gesprek_id: int) -> Gesprek:
    g = session.get(Gesprek, gesprek_id) if 0 < gesprek_id <= GROOTSTE_GETAL else None
    if g is None:
        raise NietGevondenFout(f"Gesprek {gesprek_id} bestaat niet.")
    return g


def _instrument_id(session: Session, g: Gesprek, gevraagd: int | None) -> int:
    """The chosen instrument, or one from the shortlist when asked for explicitly."""
    if gevraagd is None:
        if g.keuze_id is None:
            raise InvoerFout(
                f"Gesprek {g.id} heeft nog geen keuze. Kies eerst samen een instrument; "
                "daarna kunt u terugblikken."
            )
        return g.keuze_id
    op_lijst = session.scalar(
        select(GesprekOptie.instrument_id).where(
            GesprekOptie.gesprek_id == g.id, GesprekOptie.instrument_id == gevraagd
        )
    )
    if op_lijst is None and gevraagd != g.keuze_id:
        raise InvoerFout(
            f"Terugblik: instrument {gevraagd} staat niet op de korte lijst van gesprek {g.id}."
        )
    return gevraagd


def _zet_opmerking(session: Session, t: Terugblik, bron: str, tekst: str | None) -> None:
    """Keep the remark of one source (coach/client) in step with the regiehouder's list.

    A new or changed text is (again) "nieuw" for the regiehouder; a removed text removes
    the remark, so that what a client took back does not linger.
    """
    bestaand = session.scalar(
        select(Opmerking).where(Opmerking.terugblik_id == t.id, Opmerking.bron == bron)
    )
    if tekst is None:
        if bestaand is not None:
            session.delete(bestaand)
        return
    if bestaand is None:
        session.add(
            Opmerking(instrument_id=t.instrument_id, terugblik_id=t.id, bron=bron, tekst=tekst)
        )
        return
    if bestaand.tekst != tekst or bestaand.instrument_id != t.instrument_id:
        bestaand.tekst = tekst
        bestaand.instrument_id = t.instrument_id
        bestaand.status = "nieuw"
        bestaand.aangemaakt_op = nu()
        bestaand.status_gewijzigd_op = None
        bestaand.status_gewijzigd_door = None


def _vul(t: Terugblik, invoer: TerugblikInvoer) -> None:
    t.status = invoer.status
    t.reden_stoppen = invoer.reden_stoppen
    t.doel_bereikt = invoer.doel_bereikt
    t.coach_totaal = invoer.coach_totaal
    t.coach_resultaat = invoer.coach_resultaat
    t.coach_uitvoering = invoer.coach_uitvoering
    t.coach_opmerking = invoer.coach_opmerking
    t.client_cijfer = invoer.client_cijfer
    t.client_opmerking = invoer.client_opmerking


class TerugblikService:
    """Create, change and list terugblikken; one unit of work per call, plain values out."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def voeg_toe(self, gesprek_id: int, invoer: TerugblikInvoer, coach: str) -> TerugblikGegevens:
        """Store a new terugblik on a gesprek, with an Opmerking per remark.

        Raises NietGevondenFout (no such gesprek) or InvoerFout (see `controleer`; a gesprek
        without a choice, an instrument not on its shortlist).
        """
        controleer(invoer)
        with self.db.wijzigen(MutatieContext(coach, _CONTEXT_BRON)) as session:
            g = _gesprek(session, gesprek_id)
            t = Terugblik(
                gesprek_id=g.id,
                instrument_id=_instrument_id(session, g, invoer.instrument_id),
                coach=coach,
            )
            _vul(t, invoer)
            session.add(t)
            session.flush()
            _zet_opmerking(session, t, "coach", invoer.coach_opmerking)
            _zet_opmerking(session, t, "client", invoer.client_opmerking)
            session.flush()
            session.refresh(t)
            return _gegevens(t)

    def wijzig(self, terugblik_id: int, invoer: TerugblikInvoer, coach: str) -> TerugblikGegevens:
        """Replace a terugblik's content (the author and date stay); remarks follow.

        Raises NietGevondenFout or InvoerFout (see `voeg_toe`).
        """
        controleer(invoer)
        with self.db.wijzigen(MutatieContext(coach, _CONTEXT_BRON)) as session:
            t = self._laad(session, terugblik_id)
            t.instrument_id = _instrument_id(
                session, t.gesprek, invoer.instrument_id or t.instrument_id
            )
            _vul(t, invoer)
            t.gewijzigd_op = nu()
            session.flush()
            _zet_opmerking(session, t, "coach", invoer.coach_opmerking)
            _zet_opmerking(session, t, "client", invoer.client_opmerking)
            session.flush()
            session.refresh(t)
            return _gegevens(t)

    def lees(self, terugblik_id: int) -> TerugblikGegevens:
        with self.db.lezen() as session:
            return _gegevens(self._laad(session, terugblik_id))

    def lijst(self, gesprek_id: int) -> list[TerugblikGegevens]:
        """The terugblikken of one gesprek, oldest first; NietGevondenFout for no gesprek."""
        with self.db.lezen() as session:
            _gesprek(session, gesprek_id)
            rijen = session.scalars(
                select(Terugblik)
                .where(Terugblik.gesprek_id == gesprek_id)
                .order_by(Terugblik.aangemaakt_op, Terugblik.id)
            )
            return [_gegevens(t) for t in rijen]

    def aantallen(self, gesprek_ids: Sequence[int]) -> dict[int, int]:
        """Number of terugblikken per gesprek id (ids without any are left out)."""
        if not gesprek_ids:
            return {}
        with self.db.lezen() as session:
            rijen = session.execute(
                select(Terugblik.gesprek_id, func.count(Terugblik.id))
                .where(Terugblik.gesprek_id.in_(list(gesprek_ids)))
                .group_by(Terugblik.gesprek_id)
            )
            return {int(g): int(n) for g, n in rijen}

    def keuze_van(self, gesprek_id: int) -> tuple[int, str] | None:
        """(id, name) of the gesprek's chosen instrument, or None when none was chosen."""
        with self.db.lezen() as session:
            g = _gesprek(session, gesprek_id)
            if g.keuze_id is None:
                return None
            naam = session.scalar(select(Instrument.naam).where(Instrument.id == g.keuze_id))
            return (g.keuze_id, naam or "")

    @staticmethod
    def _laad(session: Session, terugblik_id: int) -> Terugblik:
        t = session.get(Terugblik, terugblik_id) if 0 < terugblik_id <= GROOTSTE_GETAL else None
        if t is None:
            raise NietGevondenFout(f"Terugblik {terugblik_id} bestaat niet.")
        return t
