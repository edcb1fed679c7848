"""Applying an import plan: kenmerken first, then only the instruments that change."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from keuzehulp.model import mutatielog
from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import (
    Instrument,
    Kenmerk,
    instrument_gemeente,
    instrument_kenmerk,
    instrument_route,
)
from keuzehulp.model.errors import ConflictFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.tekst import naam_sleutel
from keuzehulp.services.bronbestand.basis import KenmerkRegel
from keuzehulp.services.bronbestand.bestaand import Bestaand
from keuzehulp.services.bronbestand.lezer import Voortgang
from keuzehulp.services.instrumentgegevens import (
    SCALAIRE_VELDEN,
    InstrumentGegevens,
    Opzoeken,
    pas_toe,
)

Stap = tuple[Bestaand | None, InstrumentGegevens]
"""(the instrument in the catalogue or None for a new one, its values after the import)"""

_PER_KEER = 500  # ids per IN (...) query, well below SQLite's variable limit


def pas_kenmerken_toe(session: Session, regels: Sequence[KenmerkRegel]) -> None:
    """New kenmerken under their parent; changed names and explanations (empty keeps)."""
    per_code = {k.code: k for k in session.scalars(select(Kenmerk))}
    for volgorde, regel in enumerate(regels):
        kenmerk = per_code.get(regel.code)
        if kenmerk is None:
            ouder = per_code.get(regel.code.rpartition(".")[0])
            kenmerk = Kenmerk(code=regel.code, parent=ouder, actief=True, volgorde=1000 + volgorde)
            kenmerk.uitleg, kenmerk.uitleg_client, kenmerk.label_client = "", "", ""
            session.add(kenmerk)
            per_code[regel.code] = kenmerk
        for veld in ("naam", "label_client", "uitleg", "uitleg_client"):
            nieuw = getattr(regel, veld)
            if nieuw and getattr(kenmerk, veld) != nieuw:
                setattr(kenmerk, veld, nieuw)


def _laad(session: Session, ids: list[int]) -> dict[int, Instrument]:
    geladen: dict[int, Instrument] = {}
    for begin in range(0, len(ids), _PER_KEER):
        vraag = (
            select(Instrument)
            .where(Instrument.id.in_(ids[begin : begin + _PER_KEER]))
            .options(
                selectinload(Instrument.routes),
                selectinload(Instrument.kenmerken),
                selectinload(Instrument.gemeenten),
            )
        )
        geladen.update((inst.id, inst) for inst in session.scalars(vraag))
    return geladen


def pas_plan_toe(
    session: Session,
    plan: Sequence[Stap],
    bestaand: Sequence[Bestaand],
    voortgang: Voortgang | None,
) -> None:
    """Write every step; the mutation log records each real change at the one flush."""
    opzoeken = Opzoeken.laad(session)  # autoflush: new kenmerken are included
    per_id = _laad(session, [b.id for b, _ in plan if b is not None])
    controleer_versies(plan, per_id)
    _maak_namen_vrij(session, plan, bestaand, per_id)
    for stap, (oud, gegevens) in enumerate(plan):
        if oud is not None:
            pas_toe(per_id[oud.id], gegevens, opzoeken)
        if voortgang and stap % 500 == 0:
            voortgang(50 + 30 * stap // max(len(plan), 1), "Wijzigingen voorbereiden")
    if voortgang:
        voortgang(85, "Wijzigingen opslaan")
    session.flush()  # the changed instruments, logged field by field by the mutation log
    _voeg_toe(session, [gegevens for oud, gegevens in plan if oud is None], opzoeken)


def controleer_versies(plan: Sequence[Stap], per_id: dict[int, Instrument]) -> None:
    """Raise ConflictFout when an instrument changed (or went) since the comparison.

    The comparison read each instrument's row version; the write loads them again. Between
    the two, someone may have saved an edit in the editor: writing the import's values would
    undo it without anyone seeing. After this check, SQLAlchemy's version counter guards the
    UPDATE itself (a StaleDataError, reported the same way by importeren).
    """
    anders = [
        oud.gegevens.naam
        for oud, _ in plan
        if oud is not None and (oud.id not in per_id or per_id[oud.id].versie != oud.versie)
    ]
    if anders:
        namen = ", ".join(f"‘{naam}’" for naam in sorted(anders)[:5])
        meer = f" en nog {len(anders) - 5}" if len(anders) > 5 else ""
        raise ConflictFout(
            f"Terwijl de import liep, is dit in de catalogus gewijzigd: {namen}{meer}. De "
            "import is gestopt; er is niets gewijzigd. Doe de proefimport opnieuw en bekijk "
            "wat er is veranderd."
        )


def _voeg_toe(session: Session, nieuw: Sequence[InstrumentGegevens], opzoeken: Opzoeken) -> None:
    """New instruments as bulk inserts, each logged as one "toegevoegd" row.

    Through the unit of work each new instrument and each of its five or so link rows would
    cost an object and attribute events of its own: for a large first import, more than
    reading the workbook (issue 12, item 13). The log rows are the ones the mutation log's
    listener writes for a new instrument (model/mutatielog.py), in the same transaction.
    """
    if not nieuw:
        return
    context = session.info.get(mutatielog.CONTEXT_KEY)
    if not isinstance(context, MutatieContext):
        raise mutatielog.MutatieLogFout("wijziging van de catalogus zonder MutatieContext")
    rijen = [
        {
            **{veld: getattr(g, veld) for veld in SCALAIRE_VELDEN},
            "naam_sleutel": naam_sleutel(g.naam),
        }
        for g in nieuw
    ]
    ids = list(
        session.scalars(
            insert(Instrument).returning(Instrument.id, sort_by_parameter_order=True), rijen
        )
    )
    tijdstip = nu()
    mutatielog.schrijf_logrijen(
        session,
        [
            {
                "tijdstip": tijdstip,
                "gebruiker": context.gebruiker,
                "actie": "toegevoegd",
                "entiteit": Instrument.mutatie_label,
                "entiteit_id": ident,
                "entiteit_naam": g.naam,
                "reden": context.reden,
                "bron": context.bron,
                "veld": None,
                "oude_waarde": None,
                "nieuwe_waarde": None,
            }
            for ident, g in zip(ids, nieuw, strict=True)
        ],
    )
    for tabel, kolom, veld, soort, opties in (
        (instrument_route, "route_id", "routes", "route", opzoeken.routes),
        (instrument_kenmerk, "kenmerk_id", "kenmerken", "kenmerken", opzoeken.kenmerken),
        (instrument_gemeente, "gemeente_id", "gemeenten", "gemeenten", opzoeken.gemeenten),
    ):
        koppels = [
            {"instrument_id": ident, kolom: doel.id}
            for ident, g in zip(ids, nieuw, strict=True)
            for doel in opzoeken.zoek(soort, opties, getattr(g, veld))
        ]
        if koppels:
            session.execute(insert(tabel), koppels)


def _maak_namen_vrij(
    session: Session,
    plan: Sequence[Stap],
    bestaand: Sequence[Bestaand],
    per_id: dict[int, Instrument],
) -> None:
    """Renames that swap names would trip the unique key halfway; free the old keys first."""
    huidige = {b.naam_sleutel for b in bestaand}
    hernoemd = [
        (per_id[oud.id], gegevens)
        for oud, gegevens in plan
        if oud is not None and gegevens.naam != oud.gegevens.naam
    ]
    if any(
        inst.naam_sleutel != _sleutel(gegevens) and _sleutel(gegevens) in huidige
        for inst, gegevens in hernoemd
    ):
        for inst, _ in hernoemd:
            # Not logged (a bookkeeping column); the real name follows in the same transaction.
            inst.naam_sleutel = f"~hernoemen~{inst.id}"
        session.flush()


def _sleutel(gegevens: InstrumentGegevens) -> str:
    return naam_sleutel(gegevens.naam)
