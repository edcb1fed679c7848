"""Conversations (gesprekken): create, save, reopen, change and list them, anonymously.

A conversation is not catalogue data, so it is not in the mutation log. It holds no client
name: only an optional pseudonymous reference, checked by the privacy guard like every free
text a coach types.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from keuzehulp.model.base import nu
from keuzehulp.model.beheer import CatalogusVersie
from keuzehulp.model.catalogus import FengerRoute, Instrument, Kenmerk
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.gesprek import Gesprek, GesprekOptie, GesprekScore
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services import privacy
from keuzehulp.services.zoekvraag import ZoekVraag

MIN_OPTIES = 2
MAX_OPTIES = 5
DoelSoort = Literal["leerdoel", "prestatiedoel"]


class Optie(BaseModel):
    """One option on the shortlist, with the coach's note."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    instrument_id: int
    notitie: str | None = None


class GesprekInvoer(BaseModel):
    """What the coach fills in during a conversation: goal, search, shortlist and choice."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    client_referentie: str | None = Field(default=None, max_length=40)
    doel_soort: DoelSoort | None = None
    doel: str | None = None
    zoekvraag: ZoekVraag = ZoekVraag()
    scores: dict[str, int] = Field(default_factory=dict)  # kenmerk group code -> 1..10
    opties: tuple[Optie, ...] = ()
    keuze_id: int | None = None
    onderbouwing: str | None = None
    voorkeur_client: str | None = None
    volgende_stappen: str | None = None

    @field_validator(
        "client_referentie", "doel", "onderbouwing", "voorkeur_client", "volgende_stappen",
        mode="before",
    )  # fmt: skip
    @classmethod
    def _leeg_is_niets(cls, waarde: object) -> object:
        if isinstance(waarde, str) and not waarde.strip():
            return None
        return waarde

    @property
    def optie_ids(self) -> list[int]:
        return [o.instrument_id for o in self.opties]


class GesprekGegevens(BaseModel):
    """A stored conversation as plain values."""

    model_config = ConfigDict(frozen=True)

    id: int
    aangemaakt_op: dt.datetime
    gewijzigd_op: dt.datetime
    coach: str
    catalogus_versie: str | None
    invoer: GesprekInvoer


@dataclass(frozen=True, slots=True)
class GesprekRegel:
    """One line of the list of conversations."""

    id: int
    datum: dt.datetime
    coach: str
    doel: str
    keuze: str | None


def kort(tekst: str | None, lengte: int = 50) -> str:
    """The first `lengte` characters of a text on one line, with … when cut."""
    tekst = " ".join((tekst or "").split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1].rstrip() + "…"


def controleer_invoer(invoer: GesprekInvoer, *, keuze_nodig: bool = False) -> None:
    """Privacy guard, shortlist size and choice; raise InvoerFout with a Dutch message."""
    privacy.controleer(invoer.client_referentie, "Klantreferentie")
    privacy.controleer(invoer.doel, "Doel")
    privacy.controleer(invoer.onderbouwing, "Onderbouwing")
    privacy.controleer(invoer.voorkeur_client, "Voorkeur van de klant")
    # Next steps may name a date (an appointment), never a BSN.
    privacy.controleer(invoer.volgende_stappen, "Volgende stappen", datums=False)
    # The search text is stored with the conversation too.
    privacy.controleer(invoer.zoekvraag.tekst, "Zoektekst", datums=False)
    for nummer, optie in enumerate(invoer.opties, start=1):
        privacy.controleer(optie.notitie, f"Notitie bij optie {nummer}")
    ids = invoer.optie_ids
    if len(set(ids)) != len(ids):
        raise InvoerFout("Korte lijst: een optie staat er twee keer op.")
    if len(ids) > MAX_OPTIES:
        raise InvoerFout(
            f"Korte lijst: kies {MIN_OPTIES} tot {MAX_OPTIES} opties; nu zijn het er {len(ids)}."
        )
    for code, score in invoer.scores.items():
        if not 1 <= score <= 10:
            raise InvoerFout(f"Klantbeeld: de score voor groep {code} moet 1 tot en met 10 zijn.")
    if invoer.keuze_id is not None or keuze_nodig:
        controleer_korte_lijst(len(ids))
        if invoer.keuze_id not in ids:
            raise InvoerFout("Keuze: kies een van de opties op de korte lijst.")


def controleer_korte_lijst(aantal: int) -> None:
    if not MIN_OPTIES <= aantal <= MAX_OPTIES:
        raise InvoerFout(
            f"Korte lijst: kies {MIN_OPTIES} tot {MAX_OPTIES} opties om te vergelijken; "
            f"nu {'is het er' if aantal == 1 else 'zijn het er'} {aantal}."
        )


def _gegevens(g: Gesprek) -> GesprekGegevens:
    filters = json.loads(g.zoekfilters) if g.zoekfilters else {}
    zoekvraag = ZoekVraag(
        routes=frozenset(r.code for r in g.routes),
        kenmerken=frozenset(k.code for k in g.kenmerken),
        **filters,
    )
    invoer = GesprekInvoer(
        client_referentie=g.client_referentie,
        doel_soort=g.doel_soort,
        doel=g.doel,
        zoekvraag=zoekvraag,
        scores={s.kenmerk.code: s.score for s in g.scores},
        opties=tuple(Optie(instrument_id=o.instrument_id, notitie=o.notitie) for o in g.opties),
        keuze_id=g.keuze_id,
        onderbouwing=g.onderbouwing,
        voorkeur_client=g.voorkeur_client,
        volgende_stappen=g.volgende_stappen,
    )
    return GesprekGegevens(
        id=g.id,
        aangemaakt_op=g.aangemaakt_op,
        gewijzigd_op=g.gewijzigd_op,
        coach=g.coach,
        catalogus_versie=g.catalogus_versie,
        invoer=invoer,
    )


def _laad(session: Session, gesprek_id: int) -> Gesprek:
    if not 0 < gesprek_id <= GROOTSTE_GETAL:
        raise NietGevondenFout(f"Gesprek {gesprek_id} bestaat niet.")
    g = session.scalars(
        select(Gesprek)
        .where(Gesprek.id == gesprek_id)
        .options(
            selectinload(Gesprek.routes),
            selectinload(Gesprek.kenmerken),
            selectinload(Gesprek.opties),
            selectinload(Gesprek.scores).selectinload(GesprekScore.kenmerk),
        )
    ).one_or_none()
    if g is None:
        raise NietGevondenFout(f"Gesprek {gesprek_id} bestaat niet.")
    return g


def _routes(session: Session, codes: set[str]) -> list[FengerRoute]:
    gevonden = list(session.scalars(select(FengerRoute).where(FengerRoute.code.in_(codes))))
    _meld_onbekend("route", codes - {r.code for r in gevonden})
    return gevonden


def _kenmerken(session: Session, codes: set[str]) -> list[Kenmerk]:
    gevonden = list(session.scalars(select(Kenmerk).where(Kenmerk.code.in_(codes))))
    _meld_onbekend("kenmerken", codes - {k.code for k in gevonden})
    return gevonden


def _meld_onbekend(wat: str, onbekend: set[str]) -> None:
    if onbekend:
        raise InvoerFout(f"Onbekende {wat}: {', '.join(sorted(onbekend))}")


class GesprekService:
    """One unit of work per call; plain values in and out."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def bewaar(
        self, invoer: GesprekInvoer, coach: str, gesprek_id: int | None = None
    ) -> GesprekGegevens:
        """Store a new conversation (gesprek_id None) or replace a stored one's content."""
        controleer_invoer(invoer)
        with self.db.wijzigen(MutatieContext(coach, "gesprek")) as session:
            if gesprek_id is None:
                g = Gesprek(coach=coach, catalogus_versie=self._catalogus_versie(session))
                session.add(g)
            else:
                g = _laad(session, gesprek_id)
                g.gewijzigd_op = nu()
            self._vul(session, g, invoer)
            session.flush()
            return _gegevens(_laad(session, g.id))

    def lees(self, gesprek_id: int) -> GesprekGegevens:
        with self.db.lezen() as session:
            return _gegevens(_laad(session, gesprek_id))

    def lijst(self) -> list[GesprekRegel]:
        """All conversations, newest first."""
        with self.db.lezen() as session:
            rijen = session.execute(
                select(
                    Gesprek.id, Gesprek.aangemaakt_op, Gesprek.coach, Gesprek.doel, Instrument.naam
                )
                .outerjoin(Instrument, Instrument.id == Gesprek.keuze_id)
                .order_by(Gesprek.aangemaakt_op.desc(), Gesprek.id.desc())
            ).all()
        return [GesprekRegel(r[0], r[1], r[2], kort(r[3]), r[4]) for r in rijen]

    def aantal(self) -> int:
        with self.db.lezen() as session:
            return session.scalar(select(func.count(Gesprek.id))) or 0

    def kenmerkgroepen(self) -> list[tuple[str, str]]:
        """(code, name) of the active top-level kenmerk groups: the axes of the client picture."""
        with self.db.lezen() as session:
            groepen = session.scalars(
                select(Kenmerk)
                .where(Kenmerk.parent_id.is_(None), Kenmerk.actief.is_(True))
                .order_by(Kenmerk.volgorde, Kenmerk.code)
            )
            return [(k.code, k.naam) for k in groepen]

    @staticmethod
    def _catalogus_versie(session: Session) -> str | None:
        datum = session.scalar(
            select(CatalogusVersie.versiedatum).order_by(CatalogusVersie.id.desc()).limit(1)
        )
        return datum.isoformat() if datum else None

    @staticmethod
    def _vul(session: Session, g: Gesprek, invoer: GesprekInvoer) -> None:
        ids = invoer.optie_ids
        bestaand = set(session.scalars(select(Instrument.id).where(Instrument.id.in_(ids))))
        ontbrekend = [i for i in ids if i not in bestaand]
        if ontbrekend:
            raise NietGevondenFout(
                "Deze instrumenten bestaan niet (meer): " + ", ".join(map(str, ontbrekend))
            )
        vraag = invoer.zoekvraag
        g.client_referentie = invoer.client_referentie
        g.doel_soort = invoer.doel_soort
        g.doel = invoer.doel
        g.routes = _routes(session, set(vraag.routes))
        g.kenmerken = _kenmerken(session, set(vraag.kenmerken))
        g.zoekfilters = json.dumps(
            vraag.model_dump(mode="json", exclude={"routes", "kenmerken"}), sort_keys=True
        )
        groepen = {k.code: k for k in _kenmerken(session, set(invoer.scores))}
        g.scores = [
            GesprekScore(kenmerk=groepen[code], score=score)
            for code, score in sorted(invoer.scores.items())
        ]
        vorige = {o.instrument_id: o for o in g.opties}
        nieuwe: list[GesprekOptie] = []
        for volgorde, optie in enumerate(invoer.opties):
            o = vorige.get(optie.instrument_id) or GesprekOptie(instrument_id=optie.instrument_id)
            o.volgorde = volgorde
            o.notitie = optie.notitie
            nieuwe.append(o)
        g.opties = nieuwe
        g.keuze_id = invoer.keuze_id
        g.onderbouwing = invoer.onderbouwing
        g.voorkeur_client = invoer.voorkeur_client
        g.volgende_stappen = invoer.volgende_stappen
