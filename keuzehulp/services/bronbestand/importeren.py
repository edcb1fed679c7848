"""Importing a bronbestand: a dry run that says what would change, or all of it in one go."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from keuzehulp.model.catalogus import InstrumentStatus, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout, DatabaseInGebruikFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.tekst import naam_sleutel
from keuzehulp.model.vergrendeling import IMPORTEERT, begin_direct, vergrendel
from keuzehulp.services import privacy
from keuzehulp.services.bronbestand.aanvullen import vul_aan
from keuzehulp.services.bronbestand.basis import KenmerkRegel, lees_basis
from keuzehulp.services.bronbestand.bestaand import Bestaand, lees_bestaand
from keuzehulp.services.bronbestand.lezer import (
    TAAL,
    Probleem,
    Voortgang,
    Werkmap,
    lees_werkmap,
)
from keuzehulp.services.bronbestand.nieuwer import (
    Bevestiging,
    NieuwereWijziging,
    drempel,
    zoek_nieuwer,
)
from keuzehulp.services.bronbestand.rijen import (
    Geheugen,
    InstrumentRij,
    afwezige_velden,
    behouden_melding,
    lees_instrumentrij,
    lees_kenmerkrijen,
)
from keuzehulp.services.bronbestand.stempel import (
    ExportStempel,
    catalogusstand,
    lees_stempel,
)
from keuzehulp.services.bronbestand.toepassen import Stap, pas_kenmerken_toe, pas_plan_toe
from keuzehulp.services.bronbestand.waarden import FOUT, WAARSCHUWING, lees_tekst
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, verschillen
from keuzehulp.services.leesbaarheid import KLANTVELDEN, adviezen
from keuzehulp.services.rollen import vereis_beheerder

NIEUW = "nieuw"
GEWIJZIGD = "gewijzigd"
ONGEWIJZIGD = "ongewijzigd"
GEPARKEERD = "geparkeerd"
TERUGGEZET = "teruggezet"
SOORTEN: tuple[str, ...] = (NIEUW, GEWIJZIGD, ONGEWIJZIGD, GEPARKEERD, TERUGGEZET)

Verschil = tuple[str, str | None, str | None]

B1_VOORVOEGSEL = "Taal voor de klant (B1): "
"""Starts the message of every B1 warning, so that lists can group or filter them."""


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
    # The file's export stamp (None: not exported by the keuzehulp, or an older version).
    stempel: ExportStempel | None = None
    # Catalogue changes after the export that this import would undo (issue 12, item 12).
    nieuwer: list[NieuwereWijziging] = field(default_factory=list)
    # The newest mutation log row when the comparison began: pass it back as `gezien_tot`
    # when the user confirms what this dry run showed.
    catalogusstand: int = 0
    # Applying stopped because `nieuwer` needs an explicit confirmation; nothing changed.
    bevestiging_nodig: bool = False

    @property
    def fouten(self) -> list[Probleem]:
        return [p for p in self.problemen if p.ernst == FOUT]

    @property
    def waarschuwingen(self) -> list[Probleem]:
        return [p for p in self.problemen if p.ernst == WAARSCHUWING]

    @property
    def taaladviezen(self) -> list[Probleem]:
        """The B1 warnings on client-visible texts (also in `waarschuwingen`)."""
        return [p for p in self.problemen if p.is_taal]

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
    overschrijf_nieuwer: bool = False,
    gezien_tot: int | None = None,
) -> ImportResultaat:
    """Read `pad` and show (dry run) or apply what it changes, as one transaction.

    Newer work (issue 12, item 12): changes logged after the file's export stamp that the
    import would overwrite are listed in `nieuwer`. Applying them needs
    `overschrijf_nieuwer=True`; with `gezien_tot` (a dry run's `catalogusstand`) only those
    up to that log row count as confirmed, and for a file without a stamp, changes after it
    count as newer. Without confirmation nothing changes and `bevestiging_nodig` is set.

    Raises WerkmapOnleesbaar when the file is no workbook, GeenRechtFout for a non-beheerder,
    ConflictFout when an instrument changed between the comparison and the write,
    VergrendeldFout (after a few seconds' wait) while another import or publication runs:
    applying holds the catalogue lock (`keuzehulp.model.vergrendeling`); a dry run does not.
    A workbook with errors changes nothing; its result lists every problem.
    """
    with db.lezen() as session:
        vereis_beheerder(session, gebruiker)
    privacy.controleer_reden(reden)
    werkmap = lees_werkmap(pad, _deel(voortgang, 0, 60))
    bevestiging = Bevestiging(lees_stempel(pad), overschrijf_nieuwer, gezien_tot)
    if proefdraaien:
        with db.lezen() as session:
            return _verwerk(
                session, werkmap, pad.name, None, _deel(voortgang, 60, 100), bevestiging
            )
    context = MutatieContext(gebruiker, bron or f"import: {pad.name}", reden)
    try:
        with vergrendel(db, gebruiker, IMPORTEERT), db.wijzigen(context) as session:
            begin_direct(session)
            vereis_beheerder(session, gebruiker)
            resultaat = _verwerk(
                session, werkmap, pad.name, session, _deel(voortgang, 60, 100), bevestiging
            )
            if resultaat.fouten or resultaat.bevestiging_nodig:
                raise _Afbreken(resultaat)
    except _Afbreken as afbreken:
        return afbreken.resultaat
    except IntegrityError:
        # Every name and link was checked against the catalogue as read: a clash at the write
        # means someone saved the same name (or removed a kenmerk) meanwhile.
        raise ConflictFout(
            "Terwijl de import liep, heeft iemand anders de catalogus gewijzigd (bijvoorbeeld "
            "een instrument met dezelfde naam opgeslagen). Er is niets gewijzigd; doe de "
            "proefimport opnieuw."
        ) from None
    except StaleDataError:
        raise ConflictFout(
            "Iemand anders heeft de catalogus gewijzigd terwijl de import liep. Er is niets "
            "gewijzigd; importeer het bestand opnieuw."
        ) from None
    except DatabaseInGebruikFout:  # classified by SQLite result code (model/foutsoorten)
        raise ConflictFout(
            "De catalogus is bezet door een andere gebruiker of een ander programma. Er is "
            "niets gewijzigd; probeer het over een ogenblik opnieuw."
        ) from None
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
    bevestiging: Bevestiging,
) -> ImportResultaat:
    resultaat = ImportResultaat(bestandsnaam, list(werkmap.problemen), stempel=bevestiging.stempel)
    # Before reading the catalogue: an edit that lands in between counts as unseen.
    resultaat.catalogusstand = catalogusstand(session)[0]
    problemen = resultaat.problemen
    basis = lees_basis(session)
    kenmerkregels: tuple[KenmerkRegel, ...] = ()
    if werkmap.kenmerken is not None:
        kenmerkregels = lees_kenmerkrijen(werkmap.kenmerken, basis, problemen)
        basis = basis.met_kenmerken(kenmerkregels)
    rijen: list[InstrumentRij] = []
    kolomnamen: dict[str, dict[str, str | None]] = {}
    onleesbaar: set[str] = set()
    onleesbaar_ids: set[int] = set()
    geheugen = Geheugen()
    for blad, status in (
        (werkmap.instrumenten, InstrumentStatus.ACTIEF),
        (werkmap.parkeer, InstrumentStatus.GEPARKEERD),
    ):
        if blad is None:
            continue
        afwezig = afwezige_velden(blad)
        kolomnamen[blad.naam] = {veld: blad.kolom(veld) for veld in KLANTVELDEN}
        for nummer, cellen in blad.rijen:
            gelezen = lees_instrumentrij(
                blad, nummer, cellen, basis, status, problemen, afwezig, geheugen
            )
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
    bestaand = lees_bestaand(session)
    koppels = _koppel(rijen, bestaand, problemen)
    resultaat.kenmerken = _kenmerkwijzigingen(session, kenmerkregels)
    plan: list[Stap] = []
    gekoppeld = {oud.id for oud, _ in koppels if oud is not None}
    for blad in (werkmap.instrumenten, werkmap.parkeer):
        melding = (
            None
            if blad is None
            else behouden_melding(
                blad, ((rij, oud.gegevens if oud else None) for oud, rij in koppels)
            )
        )
        if melding is not None:
            problemen.append(melding)
    for oud, rij in koppels:
        gegevens = vul_aan(rij.gegevens, rij.afwezig, oud.gegevens if oud else None)
        wijziging = _wijziging(oud, rij, gegevens)
        resultaat.instrumenten.append(wijziging)
        if wijziging.soort != ONGEWIJZIGD:
            plan.append((oud, gegevens))
            if gegevens.status == InstrumentStatus.ACTIEF:
                problemen += _b1_waarschuwingen(rij, gegevens, oud, kolomnamen[rij.blad])
    for oud in bestaand:
        if oud.naam_sleutel in onleesbaar or oud.id in onleesbaar_ids:
            continue
        if oud.id not in gekoppeld and oud.status == InstrumentStatus.ACTIEF:
            nieuw = oud.gegevens.model_copy(update={"status": InstrumentStatus.GEPARKEERD})
            resultaat.instrumenten.append(_wijziging(oud, None, nieuw))
            plan.append((oud, nieuw))
    resultaat.nieuwer = zoek_nieuwer(
        session,
        drempel(session, bevestiging, bestandsnaam, problemen),
        [(oud, gegevens) for oud, gegevens in plan if oud is not None],
        [(w.id, w.naam, w.velden) for w in resultaat.kenmerken if w.id is not None],
    )
    resultaat.bevestiging_nodig = toepassen is not None and any(
        bevestiging.blokkeert(n) for n in resultaat.nieuwer
    )
    if voortgang:
        voortgang(50, "Vergelijken met de catalogus")
    if toepassen is not None and not resultaat.fouten and not resultaat.bevestiging_nodig:
        pas_kenmerken_toe(toepassen, kenmerkregels)
        pas_plan_toe(toepassen, plan, bestaand, voortgang)
    if voortgang:
        voortgang(100, "Klaar")
    return resultaat


def _b1_waarschuwingen(
    rij: InstrumentRij,
    gegevens: InstrumentGegevens,
    oud: Bestaand | None,
    kolommen: dict[str, str | None],
) -> list[Probleem]:
    """B1 warnings on the client-visible texts that are new or changed (issue 9, item 8).

    Unchanged texts are not repeated at every import; the editor shows their warnings.
    """
    uit: list[Probleem] = []
    for veld in KLANTVELDEN:
        tekst = getattr(gegevens, veld)
        if not tekst or (oud is not None and getattr(oud.gegevens, veld) == tekst):
            continue
        for advies in adviezen(tekst):
            uit.append(
                Probleem(
                    rij.blad,
                    rij.rij,
                    kolommen.get(veld),
                    None,  # the message names the word or the sentence
                    f"{B1_VOORVOEGSEL}{advies}",
                    WAARSCHUWING,
                    TAAL,
                )
            )
    return uit


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
                    rij.naam_kolom,
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
                        rij.id_kolom,
                        str(rij.id),
                        f"ID {rij.id} staat er al: {eerder.blad}, rij {eerder.rij}. "
                        "Maak het ID leeg bij een kopie van een instrument.",
                    )
                )


def _koppel(
    rijen: list[InstrumentRij], bestaand: list[Bestaand], problemen: list[Probleem]
) -> list[tuple[Bestaand | None, InstrumentRij]]:
    """Match rows to instruments: by ID first, then by name among the unmatched."""
    per_id = {inst.id: inst for inst in bestaand}
    per_naam = {inst.naam_sleutel: inst for inst in bestaand}
    geclaimd: set[int] = set()
    koppels: dict[int, Bestaand | None] = {}
    for index, rij in enumerate(rijen):
        if rij.id is None:
            continue
        inst = per_id.get(rij.id)
        if inst is None:
            problemen.append(
                Probleem(
                    rij.blad,
                    rij.rij,
                    rij.id_kolom,
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
                    rij.naam_kolom,
                    rij.gegevens.naam,
                    f"Deze naam is al van een ander instrument (ID {houder.id}) dat niet in het "
                    "bestand staat. Kies een andere naam.",
                )
            )
    return [(koppels[index], rij) for index, rij in enumerate(rijen)]


def _wijziging(
    oud: Bestaand | None, rij: InstrumentRij | None, nieuw: InstrumentGegevens
) -> Wijziging:
    blad, nummer = (rij.blad, rij.rij) if rij else (None, None)
    if oud is None:
        return Wijziging(NIEUW, nieuw.naam, None, blad, nummer)
    velden = tuple(verschillen(oud.gegevens, nieuw))
    was, wordt = oud.status, nieuw.status
    if not velden:
        soort = ONGEWIJZIGD
    elif was != InstrumentStatus.GEPARKEERD and wordt == InstrumentStatus.GEPARKEERD:
        soort = GEPARKEERD
    elif was == InstrumentStatus.GEPARKEERD and wordt == InstrumentStatus.ACTIEF:
        soort = TERUGGEZET
    else:
        soort = GEWIJZIGD
    return Wijziging(soort, nieuw.naam, oud.id, blad, nummer, velden)


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
            ("label_client", "Korte naam voor cliënt"),
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
