"""Refuse a stale save: every editor passes the version it loaded; an older one is refused.

The refusal says who changed the thing and when, from the mutation log (or, for rows outside
the log such as the coach profile, from the row itself): "‘3.2 Stress’ is intussen gewijzigd
door Jan de Vries (jdevries), vandaag om 10:42. Uw wijziging is niet opgeslagen; ...".
A save that loses the race at the database itself (two saves at the same moment: SQLAlchemy's
version counter, `StaleDataError`) gets the same message.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.errors import ConflictFout
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
