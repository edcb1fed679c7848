"""The gemeenten where instruments are offered: list, add, rename and remove (logged, with a
reason).

A rename or removal passes the version the list showed (`GemeenteRegel.versie`): when someone
saved or removed the gemeente since, ConflictFout names who and when (`versiecontrole`).
Instruments link to a gemeente by id, so a rename (a municipal merger, a spelling fix) keeps
every link. Only a gemeente no instrument is offered in can be removed: the schema has no
"inactive" flag, and a removed name simply stops being offered in the search filters
(gesprekken keep the names they were searched with as text).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Gemeente, Instrument, InstrumentStatus, instrument_gemeente
from keuzehulp.model.db import GROOTSTE_GETAL, Database
from keuzehulp.model.errors import ConflictFout, InvoerFout, NietGevondenFout
from keuzehulp.model.tekst import vouw
from keuzehulp.services.beheer import versiecontrole
from keuzehulp.services.beheer._gemeen import begin, editor_context

MAX_NAAM = 120  # Gemeente.naam is a String(120)
# What a refused rename or removal adds: lists show the gemeenten, not a form that keeps input.
VERVOLG = "Uw wijziging is niet opgeslagen. Bekijk de lijst opnieuw en probeer het dan nog eens."


@dataclass(frozen=True, slots=True)
class GemeenteRegel:
    """A gemeente as the list shows it, with two counts of instruments.

    `aantal_instrumenten`: instruments linked to this gemeente, in any status (a gemeente
    with any cannot be removed). `in_zoeken`: what Zoeken counts beside the gemeente with
    nothing else chosen: published instruments offered there, including those for all
    gemeenten (`Instrument.alle_gemeenten`), each once (the rule of zoekindex.gemeente_mask).
    """

    id: int
    naam: str
    versie: int
    aantal_instrumenten: int
    in_zoeken: int = 0


def lijst_gemeenten(db: Database) -> list[GemeenteRegel]:
    """Every gemeente in name order, with both counts (see GemeenteRegel); three queries."""
    koppeling = instrument_gemeente.c
    actief = Instrument.status == InstrumentStatus.ACTIEF
    with db.lezen() as s:
        tellingen: dict[int, int] = dict(
            s.execute(
                select(koppeling.gemeente_id, func.count()).group_by(koppeling.gemeente_id)
            ).all()
        )
        # Published and linked here, not already counted among those for all gemeenten.
        hier: dict[int, int] = dict(
            s.execute(
                select(koppeling.gemeente_id, func.count())
                .join(Instrument, Instrument.id == koppeling.instrument_id)
                .where(actief, ~Instrument.alle_gemeenten)
                .group_by(koppeling.gemeente_id)
            ).all()
        )
        overal = s.scalar(
            select(func.count()).select_from(Instrument).where(actief, Instrument.alle_gemeenten)
        )
        return [
            GemeenteRegel(
                g.id,
                g.naam,
                g.versie,
                int(tellingen.get(g.id, 0)),
                int(hier.get(g.id, 0)) + int(overal or 0),
            )
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
    """Add a gemeente; returns its id.

    InvoerFout for an empty, too long or taken name; ConflictFout (who, when) when another
    beheerder added the same name at the same moment (the unique name decides).
    """
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        gemeente = Gemeente(naam=_vereis_naam(s, naam, None))
        s.add(gemeente)
        try:
            s.flush()
        except IntegrityError:
            s.rollback()
            gezet = versiecontrole.laatste_wijziging(s, "gemeente", naam=gemeente.naam)
            door = versiecontrole.door_wie_wanneer(s, gebruiker, gezet)
            raise ConflictFout(
                f"Gemeente ‘{gemeente.naam}’ is intussen toegevoegd{door}. Er is niets "
                "veranderd; bekijk de lijst opnieuw."
            ) from None
        return gemeente.id


def _vind(s: Session, gemeente_id: int, versie: int | None, ik: str) -> Gemeente:
    """The gemeente; NietGevondenFout for an unknown id, or ConflictFout (who, when) when it
    was listed at `versie` and has been removed since."""
    gemeente = s.get(Gemeente, gemeente_id) if abs(gemeente_id) <= GROOTSTE_GETAL else None
    if gemeente is not None:
        return gemeente
    if versie is not None:
        weg = versiecontrole.laatste_wijziging(s, "gemeente", gemeente_id)
        if weg is not None:
            naam = s.scalar(
                select(Mutatie.entiteit_naam)
                .where(Mutatie.entiteit == "gemeente", Mutatie.entiteit_id == gemeente_id)
                .order_by(Mutatie.id.desc())
                .limit(1)
            )
            door = versiecontrole.door_wie_wanneer(s, ik, weg)
            raise ConflictFout(
                f"Gemeente ‘{naam}’ is intussen verwijderd{door}. Er is niets veranderd; "
                "bekijk de lijst opnieuw."
            )
    raise NietGevondenFout(f"Er is geen gemeente met nummer {gemeente_id}.")


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
    when it was saved or removed by someone else since `versie` (None: no check).
    """
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        gemeente = _vind(s, gemeente_id, versie, gebruiker)
        wat = f"Gemeente ‘{gemeente.naam}’"
        versiecontrole.controleer_versie(s, gemeente, versie, wat, "gemeente", gebruiker, VERVOLG)
        nieuw = _vereis_naam(s, naam, gemeente)
        if nieuw != gemeente.naam:
            gemeente.naam = nieuw
            versiecontrole.flush(s, wat, "gemeente", gemeente_id, gebruiker, VERVOLG)
        return gemeente.versie


def verwijder_gemeente(
    db: Database, gebruiker: str, gemeente_id: int, reden: str, *, versie: int | None = None
) -> str:
    """Remove a gemeente no instrument is offered in; returns its name.

    InvoerFout while instruments are still offered there (how many, and what to do instead);
    NietGevondenFout for an unknown id; ConflictFout (who, when) when it was saved or removed
    by someone else since `versie` (None: no check).
    """
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        gemeente = _vind(s, gemeente_id, versie, gebruiker)
        wat = f"Gemeente ‘{gemeente.naam}’"
        versiecontrole.controleer_versie(s, gemeente, versie, wat, "gemeente", gebruiker, VERVOLG)
        aantal = s.scalar(
            select(func.count())
            .select_from(instrument_gemeente)
            .where(instrument_gemeente.c.gemeente_id == gemeente_id)
        )
        if aantal:
            raise InvoerFout(
                f"{wat} hoort nog bij {aantal} "
                f"{'instrument' if aantal == 1 else 'instrumenten'}. Haal de gemeente eerst "
                "weg bij die instrumenten, of geef haar een nieuwe naam. Er is niets veranderd."
            )
        naam = gemeente.naam
        s.delete(gemeente)
        try:
            versiecontrole.flush(s, wat, "gemeente", gemeente_id, gebruiker, VERVOLG)
        except IntegrityError:  # an instrument was linked to it at the same moment
            s.rollback()
            raise ConflictFout(
                f"{wat} is intussen bij een instrument gezet. Er is niets veranderd; bekijk "
                "de lijst opnieuw."
            ) from None
        return naam
