"""Edit instruments: create, change every field, park, restore and publish, with a reason.

The editor opens an instrument with its `versie`; every save compares it with the stored one,
so an edit made by someone else since then raises `ConflictFout` (naming who and when, from
the mutation log: `versiecontrole`) and overwrites nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from keuzehulp.model.catalogus import FengerRoute, Gemeente, Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.tekst import naam_sleutel, vouw
from keuzehulp.services.beheer import versiecontrole
from keuzehulp.services.beheer._gemeen import begin, editor_context
from keuzehulp.services.instrumentgegevens import (
    InstrumentGegevens,
    Opzoeken,
    gegevens_van,
    pas_toe,
)


@dataclass(frozen=True, slots=True)
class InstrumentRegel:
    """One line of the beheer list (every status)."""

    id: int
    naam: str
    status: InstrumentStatus
    type: str | None
    uitvoerder: str | None
    gewijzigd_op: dt.datetime
    versie: int


@dataclass(frozen=True, slots=True)
class Bewerking:
    """An instrument as the editor opens it: its values and the version they belong to."""

    id: int
    versie: int
    gegevens: InstrumentGegevens


def ontbreekt(gegevens: InstrumentGegevens) -> list[str]:
    """What a concept still needs before it can be published, in Dutch, each naming the
    field of the form (empty: complete).

    A published instrument is shown to clients with its type and uitvoerder beside its
    name (domain: "an instrument's name starts with its type, then the provider"), so both
    are needed, as are a description, a route, a kenmerk, a gemeente and how to sign up.
    The bronbestand import is not held to this list: there only Naam, Fenger and Afgeleide
    kenmerken are required (shared/bronbestand.md), and an imported instrument is
    published as it stands in the workbook.
    """
    uit: list[str] = []
    if not gegevens.naam.strip():
        uit.append("een naam")
    if not (gegevens.type or "").strip():
        uit.append("een type (soort instrument)")
    if not (gegevens.uitvoerder or "").strip():
        uit.append("een uitvoerder (wie het instrument geeft)")
    if not gegevens.omschrijving:
        uit.append("een omschrijving")
    if not gegevens.routes:
        uit.append("minstens één Fenger-route")
    if not gegevens.kenmerken:
        uit.append("minstens één afgeleid kenmerk")
    if not (gegevens.gemeenten or gegevens.alle_gemeenten):
        uit.append("een gemeente (of ‘alle gemeenten’)")
    if not gegevens.aanmelding:
        uit.append("hoe je je aanmeldt (aanmelding of contactpersoon)")
    return uit


def ontbreekt_melding(missend: list[str]) -> str:
    return "Dit instrument is nog niet compleet. Het mist: " + "; ".join(missend) + "."


HAP_RIJEN = 1000  # rows per fetch of a whole-catalogue list
# The columns of an InstrumentRegel, in its field order.
_REGEL_KOLOMMEN = (
    Instrument.id,
    Instrument.naam,
    Instrument.status,
    Instrument.type,
    Instrument.uitvoerder,
    Instrument.gewijzigd_op,
    Instrument.versie,
)


def lijst_instrumenten(
    db: Database, status: InstrumentStatus | None = None, tekst: str = ""
) -> list[InstrumentRegel]:
    """All instruments (or those with one status), optionally filtered on name or provider.

    Loads only the listed columns (no ORM objects): about 0.1 s for 100,000 instruments.
    """
    with db.lezen() as s:
        vraag = select(*_REGEL_KOLOMMEN).order_by(Instrument.naam_sleutel)
        if status is not None:
            vraag = vraag.where(Instrument.status == status)
        gevouwen = vouw(tekst)
        uit = []
        # In bites: one fetch of all rows is a C call that keeps the window from the GIL.
        for rij in s.execute(vraag, execution_options={"yield_per": HAP_RIJEN}):
            regel = InstrumentRegel(*rij)
            if gevouwen and gevouwen not in vouw(f"{regel.naam} {regel.uitvoerder or ''}"):
                continue
            uit.append(regel)
        return uit


def instrument_regels(db: Database, ids: Iterable[int]) -> list[InstrumentRegel]:
    """The list lines of these instruments (any status; ids not found are left out), for
    patching a loaded list after a few instruments changed. Order: by id. One query per
    500 ids; raises nothing for unknown ids.
    """
    gevraagd = sorted(set(ids))
    uit: list[InstrumentRegel] = []
    with db.lezen() as s:
        for begin_ in range(0, len(gevraagd), 500):
            vraag = (
                select(*_REGEL_KOLOMMEN)
                .where(Instrument.id.in_(gevraagd[begin_ : begin_ + 500]))
                .order_by(Instrument.id)
            )
            uit.extend(InstrumentRegel(*rij) for rij in s.execute(vraag))
    return uit


@dataclass(frozen=True, slots=True)
class FormulierKeuzen:
    """What the instrument editor offers to choose from (read in one unit of work)."""

    routes: list[tuple[str, str]]  # (code, Dutch label as in Zoeken) in the Fenger order
    gemeenten: list[str]  # names in alphabetical order


def formulier_keuzen(db: Database) -> FormulierKeuzen:
    """The routes and gemeenten the editor shows as check boxes (two small queries)."""
    with db.lezen() as s:
        routes = [
            (code, label)
            for code, label in s.execute(
                select(FengerRoute.code, FengerRoute.label).order_by(FengerRoute.volgorde)
            )
        ]
        gemeenten = list(s.scalars(select(Gemeente.naam).order_by(Gemeente.naam)))
    return FormulierKeuzen(routes, gemeenten)


def instrument_namen(db: Database) -> list[tuple[int, str]]:
    """(id, name) of every instrument in name order, for choice lists (two columns only)."""
    with db.lezen() as s:
        vraag = select(Instrument.id, Instrument.naam).order_by(Instrument.naam_sleutel)
        return [(iid, naam) for iid, naam in s.execute(vraag)]


def _laad(s: Session, instrument_id: int) -> Instrument:
    instrument = s.scalar(
        select(Instrument)
        .where(Instrument.id == instrument_id)
        .options(
            selectinload(Instrument.routes),
            selectinload(Instrument.kenmerken),
            selectinload(Instrument.gemeenten),
        )
    )
    if instrument is None:
        raise NietGevondenFout(f"Er is geen instrument met nummer {instrument_id}.")
    return instrument


def open_instrument(db: Database, instrument_id: int) -> Bewerking:
    """Read an instrument for editing (no role needed to look)."""
    with db.lezen() as s:
        i = _laad(s, instrument_id)
        return Bewerking(i.id, i.versie, gegevens_van(i))


OPNIEUW = (
    "Uw wijzigingen zijn niet opgeslagen. Open het instrument opnieuw, "
    "bekijk de nieuwe gegevens en breng uw wijziging dan opnieuw aan."
)


def _controleer_versie(s: Session, instrument: Instrument, versie: int, gebruiker: str) -> None:
    """ConflictFout naming who changed the instrument since `versie`, and when."""
    versiecontrole.controleer_versie(
        s, instrument, versie, f"‘{instrument.naam}’", "instrument", gebruiker, OPNIEUW
    )


def controleer_naam(s: Session, naam: str, eigen_id: int | None) -> None:
    ander = s.scalar(select(Instrument).where(Instrument.naam_sleutel == naam_sleutel(naam)))
    if ander is not None and ander.id != eigen_id:
        raise InvoerFout(f"Naam: er is al een instrument ‘{ander.naam}’. Kies een andere naam.")


def _controleer_kenmerken(
    s: Session, instrument: Instrument | None, codes: tuple[str, ...]
) -> None:
    al = {k.code for k in instrument.kenmerken} if instrument is not None else set()
    nieuw = [c for c in codes if c not in al]
    if not nieuw:
        return
    gestopt = s.scalars(select(Kenmerk.code).where(Kenmerk.code.in_(nieuw), ~Kenmerk.actief)).all()
    if gestopt:
        raise InvoerFout(
            "Afgeleide kenmerken: " + ", ".join(sorted(gestopt)) + " is niet meer in gebruik."
        )


def _controleer_status(gegevens: InstrumentGegevens, was: InstrumentGegevens | None = None) -> None:
    """InvoerFout naming what a published instrument lacks. `was`: the instrument as stored,
    when it is published already; then only what this edit takes away is refused, so an
    instrument imported without, say, an uitvoerder (the bronbestand does not require one)
    can still get other corrections before someone fills that in."""
    if gegevens.status != InstrumentStatus.ACTIEF:
        return
    missend = ontbreekt(gegevens)
    if was is not None and was.status == InstrumentStatus.ACTIEF:
        al = set(ontbreekt(was))
        missend = [m for m in missend if m not in al]
    if missend:
        raise InvoerFout(ontbreekt_melding(missend))


def _flush(s: Session, instrument: Instrument, gebruiker: str) -> None:
    naam, instrument_id = instrument.naam, instrument.id
    versiecontrole.flush(s, f"‘{naam}’", "instrument", instrument_id, gebruiker, OPNIEUW)


def maak_instrument(db: Database, gebruiker: str, gegevens: InstrumentGegevens, reden: str) -> int:
    """Add an instrument (usually a concept); an active one must be complete. Returns its id."""
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        _controleer_status(gegevens)
        controleer_naam(s, gegevens.naam, None)
        _controleer_kenmerken(s, None, gegevens.kenmerken)
        opzoeken = Opzoeken.laad(s)
        instrument = Instrument(naam=gegevens.naam)
        pas_toe(instrument, gegevens, opzoeken)  # before add: one "toegevoegd" row, no edits
        s.add(instrument)
        s.flush()
        return instrument.id


def bewaar_instrument(
    db: Database,
    gebruiker: str,
    instrument_id: int,
    versie: int,
    gegevens: InstrumentGegevens,
    reden: str,
) -> int:
    """Save the editor's values if nobody changed the instrument since `versie`; new versie."""
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        instrument = _laad(s, instrument_id)
        _controleer_versie(s, instrument, versie, gebruiker)
        _controleer_status(gegevens, gegevens_van(instrument))
        controleer_naam(s, gegevens.naam, instrument_id)
        _controleer_kenmerken(s, instrument, gegevens.kenmerken)
        pas_toe(instrument, gegevens, Opzoeken.laad(s))
        _flush(s, instrument, gebruiker)
        return instrument.versie


def _zet_status(
    db: Database,
    gebruiker: str,
    instrument_id: int,
    versie: int,
    reden: str,
    status: InstrumentStatus,
) -> int:
    with db.wijzigen(editor_context(gebruiker, reden)) as s:
        begin(s, gebruiker, reden, met_reden=True)
        instrument = _laad(s, instrument_id)
        _controleer_versie(s, instrument, versie, gebruiker)
        if status == InstrumentStatus.ACTIEF:
            missend = ontbreekt(gegevens_van(instrument))
            if missend:
                raise InvoerFout(ontbreekt_melding(missend))
        instrument.status = status
        _flush(s, instrument, gebruiker)
        return instrument.versie


def parkeer(db: Database, gebruiker: str, instrument_id: int, versie: int, reden: str) -> int:
    """Take an instrument out of the keuzehulp (it stays in the catalogue, parked)."""
    return _zet_status(db, gebruiker, instrument_id, versie, reden, InstrumentStatus.GEPARKEERD)


def herstel(db: Database, gebruiker: str, instrument_id: int, versie: int, reden: str) -> int:
    """Bring a parked instrument back as a concept, to be checked and published again."""
    return _zet_status(db, gebruiker, instrument_id, versie, reden, InstrumentStatus.CONCEPT)


def publiceer(db: Database, gebruiker: str, instrument_id: int, versie: int, reden: str) -> int:
    """Make a concept (or restored instrument) active; refused with the missing list if needed."""
    return _zet_status(db, gebruiker, instrument_id, versie, reden, InstrumentStatus.ACTIEF)
