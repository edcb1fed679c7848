"""Refuse a stale save: every editor passes the version it loaded; an older one is refused.

The refusal says who changed the thing and when, from the mutation log (or, for rows outside
the log such as the coach profile, from the row itself): "‘3.2 Stress’ is intussen gewijzigd
door Jan de Vries (jdevries), vandaag om 10:42. Uw wijziging is niet opgeslagen; ...".
A save that loses the race at the database itself (two saves at the same moment: SQLAlchemy's
version counter, `StaleDataError`) gets the same message.

Organisation-wide settings (`Instelling`: retention term, rating minimum, survey label) are
versioned the same way through `lees_instelling`/`zet_instelling`; a change is written to the
mutation log (entity "instelling"), which is where the refusal finds who and when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from keuzehulp.model.base import nu
from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.errors import ConflictFout
from keuzehulp.model.gesprek import Instelling
from keuzehulp.model.mutatielog import CONTEXT_KEY, MutatieContext, schrijf_logregels
from keuzehulp.model.vergrendeling import weergavenaam

NIET_OPGESLAGEN = (
    "Uw wijziging is niet opgeslagen; wat u invulde staat nog in het scherm. Bekijk wat er nu "
    "opgeslagen is en sla dan opnieuw op."
)


class Versiebaar(Protocol):
    id: int
    versie: int


def wanneer(tijdstip: dt.datetime, nu: dt.datetime | None = None) -> str:
    """A moment as Dutch words in local time: "vandaag om 10:42", "gisteren om 9:05",
    "op 28-11-2026 om 16:30"."""
    lokaal = tijdstip.astimezone()
    dag = (nu or dt.datetime.now(dt.UTC)).astimezone().date()
    klok = f"{lokaal.hour}:{lokaal.minute:02d}"
    if lokaal.date() == dag:
        return f"vandaag om {klok}"
    if lokaal.date() == dag - dt.timedelta(days=1):
        return f"gisteren om {klok}"
    return f"op {lokaal:%d-%m-%Y} om {klok}"


def wie(s: Session, login: str, ik: str) -> str:
    """The one who changed it: their display name, or "uzelf" (another window or computer)."""
    if login == ik:
        return "uzelf (in een ander venster of op een andere computer)"
    return weergavenaam(s, login)


def laatste_wijziging(
    s: Session, entiteit: str, entiteit_id: int | None = None, naam: str | None = None
) -> tuple[str, dt.datetime] | None:
    """(login, moment) of the newest log row about an entity, by id or else by name."""
    vraag = select(Mutatie.gebruiker, Mutatie.tijdstip).where(Mutatie.entiteit == entiteit)
    if entiteit_id is not None:
        vraag = vraag.where(Mutatie.entiteit_id == entiteit_id)
    if naam is not None:
        vraag = vraag.where(Mutatie.entiteit_naam == naam)
    rij = s.execute(vraag.order_by(Mutatie.id.desc()).limit(1)).first()
    return (rij[0], rij[1]) if rij is not None else None


def door_wie_wanneer(s: Session, ik: str, wijziging: tuple[str, dt.datetime] | None) -> str:
    """ " door X, vandaag om 10:42" or "" when the log does not say."""
    if wijziging is None:
        return ""
    login, tijdstip = wijziging
    return f" door {wie(s, login, ik)}, {wanneer(tijdstip)}"


def verouderd_melding(
    s: Session, wat: str, entiteit: str, entiteit_id: int, ik: str, vervolg: str = NIET_OPGESLAGEN
) -> str:
    """The Dutch refusal for `wat` (e.g. "‘3.2 Stress’"), naming who changed it last and when."""
    gewijzigd = door_wie_wanneer(s, ik, laatste_wijziging(s, entiteit, entiteit_id))
    return f"{wat} is intussen gewijzigd{gewijzigd}. {vervolg}"


def controleer_versie(
    s: Session,
    obj: Versiebaar,
    versie: int | None,
    wat: str,
    entiteit: str,
    ik: str,
    vervolg: str = NIET_OPGESLAGEN,
) -> None:
    """Raise ConflictFout when `obj` is no longer at `versie` (None: the caller loaded and saves
    in one go, as the command line does, so there is nothing to compare)."""
    if versie is not None and obj.versie != versie:
        raise ConflictFout(verouderd_melding(s, wat, entiteit, obj.id, ik, vervolg))


def flush(
    s: Session, wat: str, entiteit: str, entiteit_id: int, ik: str, vervolg: str = NIET_OPGESLAGEN
) -> None:
    """Flush; a save that lost the race at the database becomes the same ConflictFout.

    On PostgreSQL the losing UPDATE waited for the winner's commit and then matched no row;
    the winner's log rows are committed, so this session (READ COMMITTED) can read them.
    """
    try:
        s.flush()
    except StaleDataError:
        s.rollback()
        raise ConflictFout(verouderd_melding(s, wat, entiteit, entiteit_id, ik, vervolg)) from None


# --- organisation-wide settings ------------------------------------------------------------

INSTELLING = "instelling"  # the mutation log's entity for a setting


@dataclass(frozen=True, slots=True)
class InstellingWaarde:
    """A setting as a form loads it: its stored text (None: not set) and version (0: none)."""

    waarde: str | None
    versie: int


def lees_instelling(s: Session, sleutel: str) -> InstellingWaarde:
    """The stored text and version of setting `sleutel`, to pass back to `zet_instelling`."""
    rij = s.get(Instelling, sleutel)
    return InstellingWaarde(None, 0) if rij is None else InstellingWaarde(rij.waarde, rij.versie)


def _instelling_verouderd(s: Session, label: str, ik: str) -> ConflictFout:
    gewijzigd = door_wie_wanneer(s, ik, laatste_wijziging(s, INSTELLING, naam=label))
    return ConflictFout(
        f"{label} is intussen gewijzigd{gewijzigd}. Uw wijziging is niet opgeslagen. Bekijk "
        "de waarde die nu geldt en sla dan opnieuw op."
    )


def zet_instelling(
    s: Session, sleutel: str, waarde: str, versie: int | None, label: str, ik: str
) -> int:
    """Store setting `sleutel` = `waarde` in the session's unit of work; its new version.

    `versie` is what `lees_instelling` gave (0: it was not set); when someone saved the setting
    since, raises ConflictFout naming who and when, and nothing is written. None: no check
    (the command line reads and saves in one go). `label` is the setting's Dutch name
    ("Bewaartermijn klantreferentie"), under which the change is logged. The caller checks
    the role first (on PostgreSQL only beheerders may append to the log).
    """
    rij = s.get(Instelling, sleutel)
    if versie is not None and (rij.versie if rij is not None else 0) != versie:
        raise _instelling_verouderd(s, label, ik)
    oud = rij.waarde if rij is not None else None
    if oud == waarde and rij is not None:
        return rij.versie
    if rij is None:
        rij = Instelling(sleutel=sleutel, waarde=waarde)
        s.add(rij)
    else:
        rij.waarde = waarde
    try:
        s.flush()
    except (StaleDataError, IntegrityError):  # saved elsewhere at the same moment
        s.rollback()
        raise _instelling_verouderd(s, label, ik) from None
    ctx = s.info.get(CONTEXT_KEY)
    schrijf_logregels(
        s.connection(),
        [
            {
                "tijdstip": nu(),
                "gebruiker": ik,
                "actie": "gewijzigd" if oud is not None else "toegevoegd",
                "entiteit": INSTELLING,
                "entiteit_id": None,
                "entiteit_naam": label,
                "reden": ctx.reden if isinstance(ctx, MutatieContext) else None,
                "bron": ctx.bron if isinstance(ctx, MutatieContext) else INSTELLING,
                "veld": "waarde",
                "oude_waarde": oud,
                "nieuwe_waarde": waarde,
            }
        ],
    )
    return rij.versie
