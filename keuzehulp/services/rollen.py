"""Roles: werkcoaches search and choose; only beheerders change the catalogue."""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from keuzehulp.model import postgres
from keuzehulp.model.beheer import Beheerder
from keuzehulp.model.errors import GeenRechtFout

BEHEERDER = "beheerder"
WERKCOACH = "werkcoach"


def is_beheerder(session: Session, gebruiker: str) -> bool:
    """On a shared PostgreSQL database the login's role decides (the database enforces it
    too); elsewhere, and for the database owner, the app's list of beheerders."""
    sessie = gedeelde_sessie(session)
    if sessie is not None:
        return sessie.is_beheerder and gebruiker == sessie.gebruiker
    return bool(session.scalar(select(exists().where(Beheerder.gebruiker == gebruiker))))


def gedeelde_sessie(session: Session) -> postgres.PgSessie | None:
    """The PostgreSQL login of this session when it is not the schema's owner, else None
    (None on SQLite): on a shared database the database's roles decide, not the app's list."""
    conn = session.connection()
    if not postgres.is_postgres(conn):
        return None
    sessie = postgres.sessie_info(conn)
    return None if sessie.eigenaar else sessie


def rol(session: Session, gebruiker: str) -> str:
    return BEHEERDER if is_beheerder(session, gebruiker) else WERKCOACH


def vereis_beheerder(session: Session, gebruiker: str) -> None:
    """Refuse a catalogue change by anyone who is not a beheerder (checked in the service)."""
    if not is_beheerder(session, gebruiker):
        if gedeelde_sessie(session) is not None:
            raise GeenRechtFout(
                f"Alleen beheerders mogen de catalogus wijzigen, en {gebruiker} heeft die rol "
                "niet. Vraag de applicatiebeheerder om u de rol beheerder te geven."
            )
        raise GeenRechtFout(
            f"Alleen beheerders mogen de catalogus wijzigen, en {gebruiker} is geen beheerder. "
            "Vraag een beheerder om u toe te voegen."
        )


def eerste_gebruiker_wordt_beheerder(session: Session, gebruiker: str) -> bool:
    """A catalogue without beheerders makes its first user one; True when that happened."""
    if session.scalar(select(exists().where(Beheerder.id.is_not(None)))):
        return False
    session.add(Beheerder(gebruiker=gebruiker, toegevoegd_door=gebruiker))
    return True


def vereis_eigen_beheerderslijst(session: Session) -> None:
    """The app's list of beheerders only counts where the app decides (SQLite, the owner)."""
    if gedeelde_sessie(session) is not None:
        raise GeenRechtFout(
            "Op een gedeelde database geeft de applicatiebeheerder de rol beheerder, met "
            "‘keuzehulp database rol LOGIN beheerder’. De lijst hier verandert daar niets aan."
        )
