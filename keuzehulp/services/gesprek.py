"""Conversations (gesprekken): create, save, reopen, change and list them, anonymously.

A conversation is not catalogue data, so it is not in the mutation log. It holds no client
name: only an optional pseudonymous reference, checked by the privacy guard like every free
text a coach types.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import random
import time
import uuid as uuid_
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from keuzehulp.model.base import nu
from keuzehulp.model.beheer import CatalogusVersie
from keuzehulp.model.catalogus import FengerRoute, Gemeente, Instrument, Kenmerk
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import DatabaseInGebruikFout, InvoerFout, NietGevondenFout
from keuzehulp.model.gesprek import Gesprek, GesprekOptie, GesprekScore
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services import keuzecheck, privacy
from keuzehulp.services.gesprekarchief import (
    GesprekRegel as GesprekRegel,  # re-exported: the list dialog imports it from here
)
from keuzehulp.services.gesprekarchief import (
    verwijder_gesprek,
    zoek_gesprekken,
)
from keuzehulp.services.wensen import (
    WENS_TEKST,
    Fit,
    InstrumentFeiten,
    Wens,
    WensKeuze,
    bereken_fit,
    fit_uit_json,
    wensen_naar_json,
    wensen_uit_json,
)
from keuzehulp.services.zoekvraag import ZoekVraag

log = logging.getLogger(__name__)

MIN_OPTIES = 1
MAX_OPTIES = 5
# Attempts at a save while the database is busy (deadlock, serialization failure, lock).
POGINGEN = 3
DoelSoort = Literal["leerdoel", "prestatiedoel"]


class Optie(BaseModel):
    """One option on the shortlist: the coach's note, the client's pros and cons, and the
    search with which it was found.

    `goed` and `minder_goed` are in the client's own words ("Wat vind jij goed / minder goed?").
    `zoekvraag` is the search on screen when the option was put on the shortlist; None when
    that is not known (options stored before migration 0010, options added by a script).
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    instrument_id: int
    notitie: str | None = None
    goed: str | None = None
    minder_goed: str | None = None
    zoekvraag: ZoekVraag | None = None

    @field_validator("notitie", "goed", "minder_goed", mode="before")
    @classmethod
    def _leeg_is_niets(cls, waarde: object) -> object:
        if isinstance(waarde, str) and not waarde.strip():
            return None
        return waarde


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
    # What matters to the client, in the order chosen (services/wensen.py).
    wensen: tuple[WensKeuze, ...] = ()
    # The SURE answers (services/keuzecheck.py), None when the check was not done.
    sure: tuple[bool, bool, bool, bool] | None = None
    # Whether the client told back in their own words what they will do; None: not asked.
    teach_back: bool | None = None

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

    @property
    def sure_score(self) -> int | None:
        """The SURE score 0-4, or None when the check was not done."""
        return None if self.sure is None else keuzecheck.sure_score(self.sure)

    def optie(self, instrument_id: int) -> Optie | None:
        return next((o for o in self.opties if o.instrument_id == instrument_id), None)


class GesprekGegevens(BaseModel):
    """A stored conversation as plain values."""

    model_config = ConfigDict(frozen=True)

    id: int
    # Unique everywhere (also offline): the key that makes sending a gesprek twice store once.
    uuid: str
    aangemaakt_op: dt.datetime
    gewijzigd_op: dt.datetime
    coach: str
    catalogus_versie: str | None
    invoer: GesprekInvoer
    # How each option fitted the wishes when the gesprek was last saved (instrument id -> Fit);
    # empty without wishes. The comparison and PDF show this stored snapshot.
    fit: dict[int, Fit] = Field(default_factory=dict)


def controleer_privacy(invoer: GesprekInvoer) -> None:
    """The privacy guard on every field about the client; InvoerFout names field and reason.

    Run on save, and again before printing, so a conversation stored before the guard knew a
    form (a BSN split by a line break, say) never reaches a PDF.
    """
    privacy.controleer(invoer.client_referentie, "Klantreferentie")
    privacy.controleer_referentie(invoer.client_referentie)
    # Free texts about the client refuse a person's name too (privacy.controleer_geen_naam).
    privacy.controleer(invoer.doel, "Doel", namen=True)
    privacy.controleer(invoer.onderbouwing, "Onderbouwing", namen=True)
    privacy.controleer(invoer.voorkeur_client, "Voorkeur van de klant", namen=True)
    # Next steps may name a date (an appointment), never a BSN.
    privacy.controleer(invoer.volgende_stappen, "Volgende stappen", datums=False, namen=True)
    # The search text is stored with the conversation too (instrument names: no name check).
    privacy.controleer(invoer.zoekvraag.tekst, "Zoektekst", datums=False)
    for nummer, optie in enumerate(invoer.opties, start=1):
        privacy.controleer(optie.notitie, f"Notitie bij optie {nummer}", namen=True)
        privacy.controleer(optie.goed, f"Wat de klant goed vindt aan optie {nummer}", namen=True)
        privacy.controleer(
            optie.minder_goed, f"Wat de klant minder goed vindt aan optie {nummer}", namen=True
        )
        if optie.zoekvraag is not None:
            privacy.controleer(
                optie.zoekvraag.tekst, f"Zoektekst waarmee optie {nummer} gevonden is", datums=False
            )


def controleer_invoer(invoer: GesprekInvoer, *, keuze_nodig: bool = False) -> None:
    """Privacy guard, shortlist size and choice; raise InvoerFout with a Dutch message."""
    controleer_privacy(invoer)
    controleer_wensen(invoer.wensen)
    ids = invoer.optie_ids
    if len(set(ids)) != len(ids):
        raise InvoerFout("Korte lijst: een optie staat er twee keer op.")
    if len(ids) > MAX_OPTIES:
        controleer_korte_lijst(len(ids))
    for code, score in invoer.scores.items():
        if not 1 <= score <= 10:
            raise InvoerFout(f"Klantbeeld: de score voor groep {code} moet 1 tot en met 10 zijn.")
    if invoer.keuze_id is not None or keuze_nodig:
        controleer_korte_lijst(len(ids))
        if invoer.keuze_id not in ids:
            raise InvoerFout("Keuze: kies een van de opties op de korte lijst.")


def controleer_korte_lijst(aantal: int) -> None:
    """A shortlist to choose from or print holds 1 to 5 options; raise InvoerFout otherwise."""
    if aantal < MIN_OPTIES:
        raise InvoerFout(
            f"Korte lijst: zet eerst minstens één optie op de korte lijst (hoogstens {MAX_OPTIES})."
        )
    if aantal > MAX_OPTIES:
        raise InvoerFout(
            f"Korte lijst: er passen hoogstens {MAX_OPTIES} opties op; nu zijn het er {aantal}. "
            "Haal er een paar af."
        )


def controleer_wensen(wensen: tuple[WensKeuze, ...]) -> None:
    """Each wish once, and not both alone and in a group; raise InvoerFout (Dutch)."""
    gezien: set[Wens] = set()
    for keuze in wensen:
        if keuze.wens in gezien:
            raise InvoerFout(f"Wensen: ‘{WENS_TEKST[keuze.wens]}’ staat er twee keer in.")
        gezien.add(keuze.wens)
    if {Wens.ALLEEN, Wens.GROEP} <= gezien:
        raise InvoerFout(
            "Wensen: kies ‘alleen’ of ‘samen in een groep’, niet allebei. "
            "Maakt het niet uit? Laat dan allebei weg."
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
        opties=tuple(
            Optie(
                instrument_id=o.instrument_id,
                notitie=o.notitie,
                goed=o.goed,
                minder_goed=o.minder_goed,
                zoekvraag=_zoekvraag_uit_json(o.zoekvraag),
            )
            for o in g.opties
        ),
        keuze_id=g.keuze_id,
        onderbouwing=g.onderbouwing,
        voorkeur_client=g.voorkeur_client,
        volgende_stappen=g.volgende_stappen,
        wensen=wensen_uit_json(g.wensen),
        sure=_sure_uit_json(g.sure_antwoorden),
        teach_back=g.teach_back,
    )
    return GesprekGegevens(
        id=g.id,
        uuid=g.uuid,
        aangemaakt_op=g.aangemaakt_op,
        gewijzigd_op=g.gewijzigd_op,
        coach=g.coach,
        catalogus_versie=g.catalogus_versie,
        invoer=invoer,
        fit=fit_uit_json(g.wensen, invoer.optie_ids),
    )


def _zoekvraag_uit_json(tekst: str | None) -> ZoekVraag | None:
    """An option's stored search; None when absent or unreadable (logged, never raised)."""
    if not tekst:
        return None
    try:
        return ZoekVraag.model_validate_json(tekst)
    except ValueError:
        log.warning("Onleesbare zoekvraag bij een optie genegeerd: %r", tekst)
        return None


def _zoekvraag_naar_json(vraag: ZoekVraag | None) -> str | None:
    return None if vraag is None else json.dumps(vraag.model_dump(mode="json"), sort_keys=True)


def _sure_uit_json(tekst: str | None) -> tuple[bool, bool, bool, bool] | None:
    """The stored SURE answers; anything unreadable counts as not done (logged)."""
    if not tekst:
        return None
    try:
        return keuzecheck.controleer(json.loads(tekst))
    except (ValueError, TypeError, InvoerFout):
        log.warning("Onleesbare SURE-antwoorden in een gesprek genegeerd: %r", tekst)
        return None


def _laad(session: Session, gesprek_id: int, *, voor_wijzigen: bool = False) -> Gesprek:
    """The gesprek with its collections, in one query per collection (no lazy loads).

    `voor_wijzigen`: the scores' kenmerken are not loaded, as the scores are replaced.
    """
    if not 0 < gesprek_id <= GROOTSTE_GETAL:
        raise NietGevondenFout(f"Gesprek {gesprek_id} bestaat niet.")
    scores = selectinload(Gesprek.scores)
    g = session.scalars(
        select(Gesprek)
        .where(Gesprek.id == gesprek_id)
        .options(
            selectinload(Gesprek.routes),
            selectinload(Gesprek.kenmerken),
            selectinload(Gesprek.opties),
            scores if voor_wijzigen else scores.selectinload(GesprekScore.kenmerk),
        )
    ).one_or_none()
    if g is None:
        raise NietGevondenFout(f"Gesprek {gesprek_id} bestaat niet.")
    return g


def _controleer_uuid(tekst: str) -> str:
    """The UUID in its canonical lower-case form; InvoerFout when it is none."""
    try:
        return str(uuid_.UUID(tekst))
    except (ValueError, TypeError):
        raise InvoerFout(f"‘{tekst}’ is geen geldige gesprekscode (UUID).") from None


def _met_uuid(session: Session, uuid: str) -> int | None:
    return session.scalar(select(Gesprek.id).where(Gesprek.uuid == uuid))


@dataclass(frozen=True, slots=True)
class _Opzoeken:
    """What a save reads from the catalogue, read before anything is changed."""

    routes: list[FengerRoute]
    kenmerken: dict[str, Kenmerk]  # of the search and the client picture, by code
    feiten: dict[int, InstrumentFeiten | None]  # per option; None when no wishes need them

    @classmethod
    def laad(cls, session: Session, invoer: GesprekInvoer) -> _Opzoeken:
        """One query per kind that is needed (routes, kenmerken, options, gemeenten).

        Raises NietGevondenFout for an option that is not in the catalogue and InvoerFout
        for an unknown route, kenmerk or gemeente.
        """
        ids = invoer.optie_ids
        feiten: dict[int, InstrumentFeiten | None]
        if invoer.wensen and ids:
            # Only the wishes need an option's facts: its scalars and gemeenten.
            instrumenten = session.scalars(
                select(Instrument)
                .where(Instrument.id.in_(ids))
                .options(selectinload(Instrument.gemeenten))
            )
            feiten = {i.id: _feiten(i) for i in instrumenten}
        elif ids:
            feiten = dict.fromkeys(
                session.scalars(select(Instrument.id).where(Instrument.id.in_(ids)))
            )
        else:
            feiten = {}
        if ontbrekend := [i for i in ids if i not in feiten]:
            raise NietGevondenFout(
                "Deze instrumenten bestaan niet (meer): " + ", ".join(map(str, ontbrekend))
            )
        vraag = invoer.zoekvraag
        routes: list[FengerRoute] = []
        if vraag.routes:
            routes = list(
                session.scalars(select(FengerRoute).where(FengerRoute.code.in_(vraag.routes)))
            )
            _meld_onbekend("route", set(vraag.routes) - {r.code for r in routes})
        codes = set(vraag.kenmerken) | set(invoer.scores)
        kenmerken: dict[str, Kenmerk] = {}
        if codes:
            kenmerken = {
                k.code: k for k in session.scalars(select(Kenmerk).where(Kenmerk.code.in_(codes)))
            }
            _meld_onbekend("kenmerken", set(vraag.kenmerken) - set(kenmerken))
            _meld_onbekend("kenmerken", set(invoer.scores) - set(kenmerken))
        _controleer_gemeenten(session, invoer.wensen)
        return cls(routes, kenmerken, feiten)


def _feiten(instrument: Instrument) -> InstrumentFeiten:
    """The facts the wishes read, straight from a loaded instrument (its gemeenten loaded);
    the same values as InstrumentFeiten.van_gegevens(gegevens_van(instrument))."""
    datums = {
        dt.date.fromisoformat(d.strip())
        for d in (instrument.startdata or "").replace(",", ";").split(";")
        if d.strip()
    }
    return InstrumentFeiten(
        gemeenten=tuple(sorted({g.naam for g in instrument.gemeenten})),
        alle_gemeenten=instrument.alle_gemeenten,
        groepsvorm=instrument.groepsvorm,
        duur_weken=instrument.duur_weken,
        uren_per_week=instrument.uren_per_week,
        start_soort=instrument.start_soort,
        startdata=tuple(sorted(datums)),
        nederlands_nodig=instrument.nederlands_nodig,
        kosten_klant_centen=instrument.kosten_klant_centen,
        waardering_werkzoekende=instrument.waardering_werkzoekende,
        onderbouwing=instrument.onderbouwing,
    )


def _vul(g: Gesprek, invoer: GesprekInvoer, opzoeken: _Opzoeken, vandaag: dt.date) -> None:
    """Put the invoer on the gesprek, in memory: the caller flushes once."""
    vraag = invoer.zoekvraag
    g.client_referentie = invoer.client_referentie
    g.doel_soort = invoer.doel_soort
    g.doel = invoer.doel
    g.routes = opzoeken.routes
    g.kenmerken = [opzoeken.kenmerken[c] for c in sorted(vraag.kenmerken)]
    g.zoekfilters = json.dumps(
        vraag.model_dump(mode="json", exclude={"routes", "kenmerken"}), sort_keys=True
    )
    g.scores = [
        GesprekScore(kenmerk=opzoeken.kenmerken[code], score=score)
        for code, score in sorted(invoer.scores.items())
    ]
    vorige = {o.instrument_id: o for o in g.opties}
    nieuwe: list[GesprekOptie] = []
    for volgorde, optie in enumerate(invoer.opties):
        o = vorige.get(optie.instrument_id) or GesprekOptie(instrument_id=optie.instrument_id)
        o.volgorde = volgorde
        o.notitie = optie.notitie
        o.goed = optie.goed
        o.minder_goed = optie.minder_goed
        # Unknown now but known before (a caller that does not carry it): keep what is known.
        if optie.zoekvraag is not None or o.zoekvraag is None:
            o.zoekvraag = _zoekvraag_naar_json(optie.zoekvraag)
        nieuwe.append(o)
    g.opties = nieuwe
    g.keuze_id = invoer.keuze_id
    g.onderbouwing = invoer.onderbouwing
    g.voorkeur_client = invoer.voorkeur_client
    g.volgende_stappen = invoer.volgende_stappen
    fits = {
        i: bereken_fit(invoer.wensen, feiten, vandaag)
        for i, feiten in opzoeken.feiten.items()
        if feiten is not None
    }
    g.wensen = wensen_naar_json(invoer.wensen, fits) if invoer.wensen else None
    g.sure_antwoorden = json.dumps(list(invoer.sure)) if invoer.sure is not None else None
    g.sure_score = invoer.sure_score
    g.teach_back = invoer.teach_back


def _meld_onbekend(wat: str, onbekend: set[str]) -> None:
    if onbekend:
        raise InvoerFout(f"Onbekende {wat}: {', '.join(sorted(onbekend))}")


class GesprekService:
    """One unit of work per call; plain values in and out."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def bewaar(
        self,
        invoer: GesprekInvoer,
        coach: str,
        gesprek_id: int | None = None,
        *,
        vandaag: dt.date | None = None,
        uuid: str | None = None,
        aangemaakt_op: dt.datetime | None = None,
        catalogus_versie: str | None = None,
    ) -> GesprekGegevens:
        """Store a new conversation (gesprek_id None) or replace a stored one's content.

        The fit of every option with the wishes is computed now (`vandaag`, default today,
        decides "starts soon") and stored with it. A new one given a `uuid` (a gesprek made
        offline, on its way to the server) is stored once: when a gesprek with that UUID
        exists, it is returned unchanged, also when another sender stores it at the same
        moment. `aangemaakt_op` and `catalogus_versie` keep the offline gesprek's own.
        Raises InvoerFout (also for a malformed UUID) / NietGevondenFout. When the database
        is busy (a deadlock or serialization failure on PostgreSQL, a locked SQLite file) the
        save is tried again, POGINGEN times in all, a fraction of a second apart; after that
        DatabaseInGebruikFout (Dutch) says so and nothing is stored.

        One transaction with one flush: every lookup runs before anything changes (no
        autoflush in between) and the result is built from what was written, not read back.
        On PostgreSQL a new gesprek with two options, routes, kenmerken, scores and wishes
        takes about 13 statements (tests/test_gesprek_statements.py holds the bound).
        """
        controleer_invoer(invoer)
        if uuid is not None:
            uuid = _controleer_uuid(uuid)
        for poging in range(1, POGINGEN + 1):
            try:
                return self._bewaar(
                    invoer, coach, gesprek_id, vandaag, uuid, aangemaakt_op, catalogus_versie
                )
            except DatabaseInGebruikFout:
                # A deadlock, a serialization failure or a busy SQLite file: the whole unit
                # of work was rolled back, so doing it again stores it once.
                if poging == POGINGEN:
                    raise
                log.info("Gesprek bewaren: database bezet, poging %d van %d", poging, POGINGEN)
                time.sleep(random.uniform(0.05, 0.2) * poging)
        raise AssertionError("unreachable")  # pragma: no cover

    def _bewaar(
        self,
        invoer: GesprekInvoer,
        coach: str,
        gesprek_id: int | None,
        vandaag: dt.date | None,
        uuid: str | None,
        aangemaakt_op: dt.datetime | None,
        catalogus_versie: str | None,
    ) -> GesprekGegevens:
        try:
            with self.db.wijzigen(MutatieContext(coach, "gesprek")) as session:
                with session.no_autoflush:
                    if gesprek_id is None:
                        if uuid is not None and (bestaand := _met_uuid(session, uuid)) is not None:
                            return _gegevens(_laad(session, bestaand))  # sent before: nothing new
                        opzoeken = _Opzoeken.laad(session, invoer)
                        g = Gesprek(
                            coach=coach,
                            catalogus_versie=catalogus_versie or self._catalogus_versie(session),
                        )
                        if uuid is not None:
                            g.uuid = uuid
                        if aangemaakt_op is not None:
                            g.aangemaakt_op = g.gewijzigd_op = aangemaakt_op
                        session.add(g)
                    else:
                        g = _laad(session, gesprek_id, voor_wijzigen=True)
                        opzoeken = _Opzoeken.laad(session, invoer)
                        g.gewijzigd_op = nu()
                    _vul(g, invoer, opzoeken, vandaag or dt.date.today())
                    session.flush()
                return _gegevens(g)
        except IntegrityError:
            if uuid is None or gesprek_id is not None:
                raise
            # Another sender stored this gesprek between our check and our insert: the
            # unique index kept it once, and its copy is the one.
            with self.db.lezen() as session:
                if (bestaand := _met_uuid(session, uuid)) is None:
                    raise
                return _gegevens(_laad(session, bestaand))

    def lees(self, gesprek_id: int) -> GesprekGegevens:
        with self.db.lezen() as session:
            return _gegevens(_laad(session, gesprek_id))

    def lijst(self) -> list[GesprekRegel]:
        """All conversations, newest first."""
        return zoek_gesprekken(self.db)

    def zoek(self, tekst: str = "") -> list[GesprekRegel]:
        """Conversations matching reference, date, goal or choice (see zoek_gesprekken)."""
        return zoek_gesprekken(self.db, tekst)

    def verwijder(self, gesprek_id: int) -> None:
        """Delete one conversation; NietGevondenFout if it does not exist."""
        verwijder_gesprek(self.db, gesprek_id)

    def aantal(self) -> int:
        with self.db.lezen() as session:
            return session.scalar(select(func.count(Gesprek.id))) or 0

    def kenmerkgroepen(self) -> list[tuple[str, str]]:
        """(code, name) of the active top-level kenmerk groups: the axes of the client picture.

        Read from the table, not through the ORM: the window asks this before its first paint,
        and the first ORM query configures every mapper (~0.1 s), which can wait for a worker.
        """
        k = Kenmerk.__table__.c
        with self.db.lezen() as session:
            groepen = session.execute(
                select(k.code, k.naam)
                .where(k.parent_id.is_(None), k.actief.is_(True))
                .order_by(k.volgorde, k.code)
            )
            return [(str(code), str(naam)) for code, naam in groepen]

    @staticmethod
    def _catalogus_versie(session: Session) -> str | None:
        datum = session.scalar(
            select(CatalogusVersie.versiedatum).order_by(CatalogusVersie.id.desc()).limit(1)
        )
        return datum.isoformat() if datum else None


def _controleer_gemeenten(session: Session, wensen: tuple[WensKeuze, ...]) -> None:
    namen = {w.gemeente for w in wensen if w.gemeente}
    if not namen:
        return
    bekend = set(session.scalars(select(Gemeente.naam).where(Gemeente.naam.in_(namen))))
    if onbekend := sorted(namen - bekend):
        raise InvoerFout(
            f"Wens ‘{WENS_TEKST[Wens.DICHTBIJ]}’: de gemeente ‘{onbekend[0]}’ kent de "
            "keuzehulp niet. Kies een gemeente uit de lijst."
        )
