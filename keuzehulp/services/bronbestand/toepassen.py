"""Applying an import plan: kenmerken first, then only the instruments that change."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from keuzehulp.model.catalogus import Instrument, Kenmerk
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
            kenmerk.uitleg, kenmerk.uitleg_client = "", ""
            session.add(kenmerk)
            per_code[regel.code] = kenmerk
        for veld in ("naam", "uitleg", "uitleg_client"):
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
    _maak_namen_vrij(session, plan, bestaand, per_id)
    for stap, (oud, gegevens) in enumerate(plan):
        if oud is None:
            session.add(_nieuw(gegevens, opzoeken))
        else:
            pas_toe(per_id[oud.id], gegevens, opzoeken)
        if voortgang and stap % 500 == 0:
            voortgang(50 + 30 * stap // max(len(plan), 1), "Wijzigingen voorbereiden")
    if voortgang:
        voortgang(85, "Wijzigingen opslaan")
    session.flush()


def _nieuw(gegevens: InstrumentGegevens, opzoeken: Opzoeken) -> Instrument:
    """A new instrument in one constructor call: half the attribute events of `pas_toe`."""
    waarden = {veld: getattr(gegevens, veld) for veld in SCALAIRE_VELDEN}
    return Instrument(
        **{veld: waarde for veld, waarde in waarden.items() if waarde is not None},
        routes=opzoeken._zoek("route", opzoeken.routes, gegevens.routes),
        kenmerken=opzoeken._zoek("kenmerken", opzoeken.kenmerken, gegevens.kenmerken),
        gemeenten=opzoeken._zoek("gemeenten", opzoeken.gemeenten, gegevens.gemeenten),
    )


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
