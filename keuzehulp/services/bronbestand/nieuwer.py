"""Newer work: catalogue changes made after the export that an import would undo (issue 12).

The export stamp (stempel.py) names the newest mutation log row the file includes. Every log
row after it that touches a field the import would change is listed, with who and when; the
import applies only after an explicit confirmation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.mutatielog import bron_tekst
from keuzehulp.model.tekst import datum
from keuzehulp.model.velden import veldlabel
from keuzehulp.services.bronbestand.bestaand import Bestaand
from keuzehulp.services.bronbestand.lezer import Probleem
from keuzehulp.services.bronbestand.stempel import ExportStempel, stand_hoort_bij
from keuzehulp.services.bronbestand.waarden import WAARSCHUWING
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, verschillen

NIEUW_INSTRUMENT = "Het hele instrument (na de export toegevoegd)"
_KENMERKVELDEN = {
    "Naam": "naam",
    "Korte naam voor cliënt": "label_client",
    "Uitleg": "uitleg",
    "Uitleg voor cliënt": "uitleg_client",
}
_PER_LABEL = {veldlabel(veld): veld for veld in InstrumentGegevens.model_fields}


@dataclass(frozen=True, slots=True)
class NieuwereWijziging:
    """A field changed in the catalogue after the export, that the import would overwrite.

    `nu` is the catalogue's value now, `bestand` the file's (what the import would write);
    `mutatie_id` is the newest log row for it (a confirmation covers rows up to an id).
    """

    soort: str  # "instrument" or "kenmerk"
    naam: str
    id: int
    veld: str  # the field's label, or NIEUW_INSTRUMENT
    gebruiker: str
    tijdstip: dt.datetime
    bron: str
    mutatie_id: int
    nu: str | None
    bestand: str | None

    @property
    def lokale_tijd(self) -> str:
        """`30-11-2026 14:05` in the computer's time zone."""
        return datum(self.tijdstip, met_tijd=True)  # one without a zone is UTC

    def __str__(self) -> str:
        return (
            f"{self.naam}: {self.veld}, gewijzigd door {self.gebruiker} op {self.lokale_tijd} "
            f"({bron_tekst(self.bron)})"
        )


@dataclass(frozen=True, slots=True)
class Drempel:
    """After which log row (or, for a file from another catalogue, which moment) to look."""

    na_id: int | None = None
    na_moment: dt.datetime | None = None


Verschil = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class Bevestiging:
    """The file's stamp and what the user confirmed about newer work."""

    stempel: ExportStempel | None
    overschrijf_nieuwer: bool = False
    gezien_tot: int | None = None

    def blokkeert(self, nieuwer: NieuwereWijziging) -> bool:
        """Whether applying must stop for this newer change (not confirmed)."""
        if not self.overschrijf_nieuwer:
            return True
        return self.gezien_tot is not None and nieuwer.mutatie_id > self.gezien_tot


def drempel(
    session: Session, bevestiging: Bevestiging, bestandsnaam: str, problemen: list[Probleem]
) -> Drempel:
    """From which log row on a change counts as newer than the file."""
    stempel = bevestiging.stempel
    if stempel is None:
        return Drempel(na_id=bevestiging.gezien_tot)
    if stand_hoort_bij(session, stempel):
        return Drempel(na_id=stempel.stand)
    problemen.append(
        Probleem(
            bestandsnaam,
            None,
            None,
            None,
            f"Dit bestand is op {stempel.lokale_tijd} geëxporteerd uit een andere catalogus "
            "(of de catalogus is daarna teruggezet). De keuzehulp vergelijkt daarom op tijd: "
            "wijzigingen van na dat moment gelden als nieuwer.",
            WAARSCHUWING,
        )
    )
    return Drempel(na_moment=stempel.moment)


def zoek_nieuwer(
    session: Session,
    drempel: Drempel,
    instrumenten: Sequence[tuple[Bestaand, InstrumentGegevens]],
    kenmerken: Sequence[tuple[int, str, Sequence[Verschil]]],
) -> list[NieuwereWijziging]:
    """Newer changes to the fields this import changes, one per entity and field, by name.

    `instrumenten`: (catalogue record, values after the import) of every instrument that
    changes; `kenmerken`: (id, `1.7 Zelfinzicht`, (label, old, new) per changed field).
    """
    vraag = select(Mutatie).where(Mutatie.entiteit.in_(("instrument", "kenmerk")))
    if drempel.na_id is not None:
        vraag = vraag.where(Mutatie.id > drempel.na_id)
    elif drempel.na_moment is not None:
        vraag = vraag.where(Mutatie.tijdstip > drempel.na_moment)
    else:
        return []
    per_entiteit: dict[tuple[str, int], list[Mutatie]] = {}
    for mutatie in session.scalars(vraag.order_by(Mutatie.id)):
        if mutatie.entiteit_id is not None:
            per_entiteit.setdefault((mutatie.entiteit, mutatie.entiteit_id), []).append(mutatie)
    if not per_entiteit:
        return []
    uit: list[NieuwereWijziging] = []
    for oud, nieuw in instrumenten:
        mutaties = per_entiteit.get(("instrument", oud.id))
        if mutaties:
            uit += _per_veld(
                "instrument",
                oud.id,
                nieuw.naam,
                mutaties,
                verschillen(oud.gegevens, nieuw),
                _PER_LABEL,
            )
    for ident, tekst, velden in kenmerken:
        mutaties = per_entiteit.get(("kenmerk", ident))
        if mutaties:
            uit += _per_veld("kenmerk", ident, tekst, mutaties, velden, _KENMERKVELDEN)
    return sorted(uit, key=lambda n: (n.soort != "instrument", n.naam.casefold(), n.veld))


def _per_veld(
    soort: str,
    ident: int,
    naam: str,
    mutaties: list[Mutatie],
    velden: Sequence[Verschil],
    per_label: dict[str, str],
) -> list[NieuwereWijziging]:
    toegevoegd = next((m for m in mutaties if m.actie == "toegevoegd"), None)
    if toegevoegd is not None and velden:
        laatste = mutaties[-1]
        return [_regel(soort, ident, naam, NIEUW_INSTRUMENT, laatste, None, None)]
    laatste_per_veld = {m.veld: m for m in mutaties if m.veld}
    uit: list[NieuwereWijziging] = []
    for label, nu, bestand in velden:
        mutatie = laatste_per_veld.get(per_label.get(label, ""))
        if mutatie is not None:
            uit.append(_regel(soort, ident, naam, label, mutatie, nu, bestand))
    return uit


def _regel(
    soort: str,
    ident: int,
    naam: str,
    veld: str,
    mutatie: Mutatie,
    nu: str | None,
    bestand: str | None,
) -> NieuwereWijziging:
    return NieuwereWijziging(
        soort,
        naam,
        ident,
        veld,
        mutatie.gebruiker,
        mutatie.tijdstip,
        mutatie.bron,
        mutatie.id,
        nu,
        bestand,
    )
