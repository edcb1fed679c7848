"""Importing a bronbestand: a dry run that says what would change, or all of it in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from keuzehulp.model.catalogus import Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.tekst import naam_sleutel
from keuzehulp.services.bronbestand.basis import KenmerkRegel, lees_basis
from keuzehulp.services.bronbestand.lezer import (
    Probleem,
    Voortgang,
    Werkmap,
    lees_werkmap,
)
from keuzehulp.services.bronbestand.rijen import (
    InstrumentRij,
    lees_instrumentrij,
    lees_kenmerkrijen,
)
from keuzehulp.services.bronbestand.waarden import FOUT, WAARSCHUWING, lees_tekst
from keuzehulp.services.instrumentgegevens import (
    InstrumentGegevens,
    Opzoeken,
    gegevens_van,
    pas_toe,
    verschillen,
)
from keuzehulp.services.rollen import vereis_beheerder

NIEUW = "nieuw"
GEWIJZIGD = "gewijzigd"
ONGEWIJZIGD = "ongewijzigd"
GEPARKEERD = "geparkeerd"
TERUGGEZET = "teruggezet"
SOORTEN: tuple[str, ...] = (NIEUW, GEWIJZIGD, ONGEWIJZIGD, GEPARKEERD, TERUGGEZET)

Verschil = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class Wijziging:
    """What happens to one instrument or kenmerk: new, changed (field by field), parked, ..."""

    soort: str
    naam: str
    id: int | None = None
    blad: str | None = None
    rij: int | None = None
    velden: tuple[Verschil, ...] = ()


@dataclass(slots=True)
class ImportResultaat:
    """The outcome of a dry run or an import; `toegepast` says whether anything was changed."""

    bestandsnaam: str
    problemen: list[Probleem] = field(default_factory=list)
    instrumenten: list[Wijziging] = field(default_factory=list)
    kenmerken: list[Wijziging] = field(default_factory=list)
    toegepast: bool = False

    @property
    def fouten(self) -> list[Probleem]:
        return [p for p in self.problemen if p.ernst == FOUT]

    @property
    def waarschuwingen(self) -> list[Probleem]:
        return [p for p in self.problemen if p.ernst == WAARSCHUWING]

    def van_soort(self, soort: str) -> list[Wijziging]:
        return [w for w in self.instrumenten if w.soort == soort]

    def aantallen(self) -> dict[str, int]:
        return {soort: len(self.van_soort(soort)) for soort in SOORTEN}

    @property
    def verandert_iets(self) -> bool:
        return any(w.soort != ONGEWIJZIGD for w in self.instrumenten) or bool(self.kenmerken)


class _Afbreken(Exception):
    def __init__(self, resultaat: ImportResultaat) -> None:
        super().__init__("import afgebroken")
        self.resultaat = resultaat


def importeer(
    db: Database,
    pad: Path,
    gebruiker: str,
    *,
    proefdraaien: bool,
    reden: str | None = None,
    bron: str | None = None,
    voortgang: Voortgang | None = None,
) -> ImportResultaat:
    """Read `pad` and show (dry run) or apply what it changes, as one transaction.

    Raises WerkmapOnleesbaar when the file is no workbook, GeenRechtFout for a non-beheerder.
    A workbook with errors changes nothing; its result lists every problem.
    """
    with db.lezen() as session:
        vereis_beheerder(session, gebruiker)
    werkmap = lees_werkmap(pad, _deel(voortgang, 0, 60))
    if proefdraaien:
        with db.lezen() as session:
            return _verwerk(session, werkmap, pad.name, None, _deel(voortgang, 60, 100))
    context = MutatieContext(gebruiker, bron or f"import: {pad.name}", reden)
    try:
        with db.wijzigen(context) as session:
            vereis_beheerder(session, gebruiker)
            resultaat = _verwerk(session, werkmap, pad.name, session, _deel(voortgang, 60, 100))
            if resultaat.fouten:
                raise _Afbreken(resultaat)
    except _Afbreken as afbreken:
        return afbreken.resultaat
    resultaat.toegepast = True
    return resultaat


def _deel(voortgang: Voortgang | None, van: int, tot: int) -> Voortgang | None:
    if voortgang is None:
        return None
    return lambda procent, tekst: voortgang(van + (tot - van) * procent // 100, tekst)


def _verwerk(
    session: Session,
    werkmap: Werkmap,
    bestandsnaam: str,
    toepassen: Session | None,
    voortgang: Voortgang | None,
) -> ImportResultaat:
    resultaat = ImportResultaat(bestandsnaam, list(werkmap.problemen))
    problemen = resultaat.problemen
    basis = lees_basis(session)
    kenmerkregels: tuple[KenmerkRegel, ...] = ()
    if werkmap.kenmerken is not None:
        kenmerkregels = lees_kenmerkrijen(werkmap.kenmerken, basis, problemen)
        basis = basis.met_kenmerken(kenmerkregels)
    rijen: list[InstrumentRij] = []
    onleesbaar: set[str] = set()
    onleesbaar_ids: set[int] = set()
    for blad, status in (
        (werkmap.instrumenten, InstrumentStatus.ACTIEF),
        (werkmap.parkeer, InstrumentStatus.GEPARKEERD),
    ):
        if blad is None:
            continue
        for nummer, cellen in blad.rijen:
            gelezen = lees_instrumentrij(blad, nummer, cellen, basis, status, problemen)
            if gelezen is not None:
                rijen.append(gelezen)
            else:  # not parked for an error in its row: the dry run must not say so
                naam = lees_tekst(blad.waarde(cellen, "naam"))
                ident = blad.waarde(cellen, "id")
                onleesbaar.add(naam_sleutel(naam) if naam else "")
                if isinstance(ident, int | float) and float(ident).is_integer():
                    onleesbaar_ids.add(int(ident))
    if werkmap.instrumenten is not None and not werkmap.instrumenten.rijen:
        problemen.append(
            Probleem(
                werkmap.instrumenten.naam,
                None,
                None,
                None,
                "Er staan geen instrumenten in dit blad. De import stopt: anders zou de "
                "keuzehulp alle instrumenten parkeren.",
            )
        )
    _dubbele(rijen, problemen)
    if voortgang:
        voortgang(20, "Vergelijken met de catalogus")
    bestaand = list(
        session.scalars(
            select(Instrument).options(
                selectinload(Instrument.routes),
                selectinload(Instrument.kenmerken),
                selectinload(Instrument.gemeenten),
            )
        )
    )
    koppels = _koppel(rijen, bestaand, problemen)
    resultaat.kenmerken = _kenmerkwijzigingen(session, kenmerkregels)
    plan: list[tuple[Instrument | None, InstrumentRij | None, InstrumentGegevens]] = []
    gekoppeld = {id(inst) for inst, _ in koppels if inst is not None}
    for inst, rij in koppels:
        oud = gegevens_van(inst) if inst is not None else None
        resultaat.instrumenten.append(_wijziging(inst, rij, oud, rij.gegevens))
        plan.append((inst, rij, rij.gegevens))
    for inst in bestaand:
        if inst.naam_sleutel in onleesbaar or inst.id in onleesbaar_ids:
            continue
        if id(inst) not in gekoppeld and inst.status == InstrumentStatus.ACTIEF:
            oud = gegevens_van(inst)
            nieuw = oud.model_copy(update={"status": InstrumentStatus.GEPARKEERD})
            resultaat.instrumenten.append(_wijziging(inst, None, oud, nieuw))
            plan.append((inst, None, nieuw))
    if voortgang:
        voortgang(50, "Vergelijken met de catalogus")
    if toepassen is not None and not resultaat.fouten:
        _pas_plan_toe(toepassen, kenmerkregels, plan, bestaand, voortgang)
    if voortgang:
        voortgang(100, "Klaar")
    return resultaat


def _dubbele(rijen: list[InstrumentRij], problemen: list[Probleem]) -> None:
    """Names are unique over both sheets (case and spaces ignored); so are IDs."""
    namen: dict[str, InstrumentRij] = {}
    ids: dict[int, InstrumentRij] = {}
    for rij in rijen:
        eerder = namen.setdefault(rij.sleutel, rij)
        if eerder is not rij:
            problemen.append(
                Probleem(
                    rij.blad,
                    rij.rij,
                    "Naam",
                    rij.gegevens.naam,
                    f"Deze naam staat er al: {eerder.blad}, rij {eerder.rij} "
                    f"(‘{eerder.gegevens.naam}’). Elke naam mag maar één keer voorkomen.",
                )
            )
        if rij.id is not None:
            eerder = ids.setdefault(rij.id, rij)
            if eerder is not rij:
                problemen.append(
                    Probleem(
                        rij.blad,
                        rij.rij,
                        "ID",
                        str(rij.id),
                        f"ID {rij.id} staat er al: {eerder.blad}, rij {eerder.rij}. "
                        "Maak het ID leeg bij een kopie van een instrument.",
                    )
                )


def _koppel(
    rijen: list[InstrumentRij], bestaand: list[Instrument], problemen: list[Probleem]
) -> list[tuple[Instrument | None, InstrumentRij]]:
    """Match rows to instruments: by ID first, then by name among the unmatched."""
    per_id = {inst.id: inst for inst in bestaand}
    per_naam = {inst.naam_sleutel: inst for inst in bestaand}
    geclaimd: set[int] = set()
    koppels: dict[int, Instrument | None] = {}
    for index, rij in enumerate(rijen):
        if rij.id is None:
            continue
        inst = per_id.get(rij.id)
        if inst is None:
            problemen.append(
                Probleem(
                    rij.blad,
                    rij.rij,
                    "ID",
                    str(rij.id),
                    f"ID {rij.id} is onbekend in deze catalogus; de keuzehulp zoekt het "
                    "instrument op naam.",
                    WAARSCHUWING,
                )
            )
        elif inst.id not in geclaimd:
            geclaimd.add(inst.id)
            koppels[index] = inst
    for index, rij in enumerate(rijen):
        if index in koppels:
            continue
        inst = per_naam.get(rij.sleutel)
        if inst is not None and inst.id not in geclaimd:
            geclaimd.add(inst.id)
            koppels[index] = inst
        else:
            koppels[index] = None
    # A new name may not take the name of an instrument that keeps it.
    for index, rij in enumerate(rijen):
        houder = per_naam.get(rij.sleutel)
        if houder is None or houder is koppels[index]:
            continue
        if houder.id not in geclaimd:
            problemen.append(
                Probleem(
                    rij.blad,
                    rij.rij,
                    "Naam",
                    rij.gegevens.naam,
                    f"Deze naam is al van een ander instrument (ID {houder.id}) dat niet in het "
                    "bestand staat. Kies een andere naam.",
                )
            )
    return [(koppels[index], rij) for index, rij in enumerate(rijen)]


def _wijziging(
    inst: Instrument | None,
    rij: InstrumentRij | None,
    oud: InstrumentGegevens | None,
    nieuw: InstrumentGegevens,
) -> Wijziging:
    blad, nummer = (rij.blad, rij.rij) if rij else (None, None)
    if inst is None or oud is None:
        return Wijziging(NIEUW, nieuw.naam, None, blad, nummer)
    velden = tuple(verschillen(oud, nieuw))
    if not velden:
        soort = ONGEWIJZIGD
    elif oud.status != InstrumentStatus.GEPARKEERD and nieuw.status == InstrumentStatus.GEPARKEERD:
        soort = GEPARKEERD
    elif oud.status == InstrumentStatus.GEPARKEERD and nieuw.status == InstrumentStatus.ACTIEF:
        soort = TERUGGEZET
    else:
        soort = GEWIJZIGD
    return Wijziging(soort, nieuw.naam, inst.id, blad, nummer, velden)


def _kenmerkwijzigingen(session: Session, regels: tuple[KenmerkRegel, ...]) -> list[Wijziging]:
    per_code = {k.code: k for k in session.scalars(select(Kenmerk))}
    uit: list[Wijziging] = []
    for regel in regels:
        kenmerk = per_code.get(regel.code)
        if kenmerk is None:
            uit.append(Wijziging(NIEUW, regel.tekst))
            continue
        velden: list[Verschil] = []
        for veld, label in (
            ("naam", "Naam"),
            ("uitleg", "Uitleg"),
            ("uitleg_client", "Uitleg voor cliënt"),
        ):
            nieuw = getattr(regel, veld)
            oud = getattr(kenmerk, veld) or ""
            if nieuw and nieuw != oud:
                velden.append((label, oud or None, nieuw))
        if velden:
            uit.append(Wijziging(GEWIJZIGD, regel.tekst, kenmerk.id, velden=tuple(velden)))
    return uit


def _pas_plan_toe(
    session: Session,
    kenmerkregels: tuple[KenmerkRegel, ...],
    plan: list[tuple[Instrument | None, InstrumentRij | None, InstrumentGegevens]],
    bestaand: list[Instrument],
    voortgang: Voortgang | None,
) -> None:
    per_code = {k.code: k for k in session.scalars(select(Kenmerk))}
    for volgorde, regel in enumerate(kenmerkregels):
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
    opzoeken = Opzoeken.laad(session)  # autoflush: new kenmerken are included
    _maak_namen_vrij(session, plan, bestaand)
    for stap, (inst, _rij, gegevens) in enumerate(plan):
        if inst is None:
            inst = Instrument()
            pas_toe(inst, gegevens, opzoeken)
            session.add(inst)
        else:
            pas_toe(inst, gegevens, opzoeken)
        if voortgang and stap % 500 == 0:
            voortgang(50 + 50 * stap // max(len(plan), 1), "Wijzigingen opslaan")
    session.flush()


def _maak_namen_vrij(
    session: Session,
    plan: list[tuple[Instrument | None, InstrumentRij | None, InstrumentGegevens]],
    bestaand: list[Instrument],
) -> None:
    """Renames that swap names would trip the unique key halfway; free the old keys first."""
    huidige = {inst.naam_sleutel for inst in bestaand}
    hernoemd = [
        inst
        for inst, rij, _ in plan
        if inst is not None and rij is not None and rij.sleutel != inst.naam_sleutel
    ]
    if any(rij.sleutel in huidige for inst, rij, _ in plan if rij and inst in hernoemd):
        for inst in hernoemd:
            inst.naam_sleutel = f"~hernoemen~{inst.id}"
        session.flush()
