"""The gemeenten where instruments are offered: list, add and rename (with a reason, logged).

A rename passes the version the list showed (`GemeenteRegel.versie`): when someone saved the
gemeente since, ConflictFout names who and when (`versiecontrole`). Instruments link to a
gemeente by id, so a rename (a municipal merger, a spelling fix) keeps every link.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import Gemeente, instrument_gemeente
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.tekst import vouw
from keuzehulp.services.beheer import versiecontrole
from keuzehulp.services.beheer._gemeen import begin, editor_context

MAX_NAAM = 120  # Gemeente.naam is a String(120)


@dataclass(frozen=True, slots=True)
class GemeenteRegel:
    """A gemeente as the list shows it, with how many instruments are offered there."""

    id: int
    naam: str
    versie: int
    aantal_instrumenten: int


def lijst_gemeenten(db: Database) -> list[GemeenteRegel]:
    """Every gemeente in name order."""
    with db.lezen() as s:
        tellingen: dict[int, int] = dict(
            s.execute(
                select(instrument_gemeente.c.gemeente_id, func.count()).group_by(
                    instrument_gemeente.c.gemeente_id
                )
            ).all()
        )
        return [
            GemeenteRegel(g.id, g.naam, g.versie, int(tellingen.get(g.id, 0)))
            for g in s.scalars(select(Gemeente).order_by(Gemeente.naam))
        ]


def _vereis_naam(s: Session, naam: str, eigen: Gemeente | None) -> str:
    naam = " ".join(naam.split())
    if not naam:
        raise InvoerFout("Naam: een gemeente heeft een naam nodig.")
    if len(naam) > MAX_NAAM:
        raise InvoerFout(f"Naam: houd de naam korter dan {MAX_NAAM} tekens.")
    for ander in s.scalars(select(Gemeente)):
        if ander is not eigen and vouw(ander.naam) == vouw(naam):
            raise InvoerFout(f"Naam: er is al een gemeente ‘{ander.naam}’.")
    return naam


def voeg_gemeente_toe(db: Database, gebruiker: str, naam: str, reden: str) -> int:
    """Add a gemeente; returns its id. InvoerFout for an empty, too long or taken name."""
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        gemeente = Gemeente(naam=_vereis_naam(s, naam, None))
        s.add(gemeente)
        s.flush()
        return gemeente.id


def hernoem_gemeente(
    db: Database,
    gebruiker: str,
    gemeente_id: int,
    naam: str,
    reden: str,
    *,
    versie: int | None = None,
) -> int:
    """Give a gemeente a new name; returns its new version.

    NietGevondenFout for an unknown id, InvoerFout for a wrong name, ConflictFout (who, when)
    when it was saved by someone else since `versie` (None: no check).
    """
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        gemeente = s.get(Gemeente, gemeente_id) if abs(gemeente_id) <= GROOTSTE_GETAL else None
        if gemeente is None:
            raise NietGevondenFout(f"Er is geen gemeente met nummer {gemeente_id}.")
        wat = f"Gemeente ‘{gemeente.naam}’"
        versiecontrole.controleer_versie(s, gemeente, versie, wat, "gemeente", gebruiker)
        nieuw = _vereis_naam(s, naam, gemeente)
        if nieuw != gemeente.naam:
            gemeente.naam = nieuw
            versiecontrole.flush(s, wat, "gemeente", gemeente_id, gebruiker)
        return gemeente.versie
