"""The supplier form: a one-instrument workbook with drop-down lists and B1 help, and its import.

The form has one question per row (column A), the answer in column B and a short B1 hint in
column C; column D (hidden) holds the field key, so reading never depends on the wording.
Reading reuses the bronbestand cell readers; a filled-in form becomes a CONCEPT instrument for
the beheergroep to review, logged with source "leveranciersformulier: <file>".
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from pydantic import ValidationError

from keuzehulp.model.catalogus import (
    GROEPSVORMEN,
    ONDERBOUWING_NIVEAUS,
    Instrument,
    InstrumentStatus,
)
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.velden import VELDEN
from keuzehulp.services import privacy
from keuzehulp.services.beheer import instrumenten as inst
from keuzehulp.services.bronbestand import praktisch as p
from keuzehulp.services.bronbestand import waarden as w
from keuzehulp.services.bronbestand.basis import Basis, lees_basis
from keuzehulp.services.bronbestand.kolommen import ALLE_GEMEENTEN, kolomletter
from keuzehulp.services.bronbestand.lezer import Probleem, WerkmapOnleesbaar, controleer_bestand
from keuzehulp.services.instrumentgegevens import (
    InstrumentGegevens,
    Opzoeken,
    nederlandse_fouten,
    pas_toe,
)
from keuzehulp.services.omvang import DOORLOPEND, VASTE_DATA, lees_omvang
from keuzehulp.services.rapport.schrijf import schrijf_bestand
from keuzehulp.services.rollen import vereis_beheerder

BLAD_FORMULIER = "Formulier"
BLAD_UITLEG = "Uitleg"
BLAD_LIJSTEN = "Lijsten"
EERSTE_RIJ = 4
TYPES = ("Diagnose en onderzoek", "Training", "Cursus", "Coaching", "Activering", "Bemiddeling")
GELDVRAGEN = frozenset({"kosten", "kosten_klant_centen"})
PRAKTISCHE_LEZERS: dict[str, Callable[[Any, w.Meld], Any]] = {
    "nederlands_nodig": p.lees_ja_nee,
    "duur_weken": p.lees_weken,
    "uren_per_week": p.lees_uren,
    "kosten_klant_centen": p.lees_kosten_klant,
    "groepsvorm": p.lees_groepsvorm,
    "start_soort": p.lees_start,
    "startdata": p.lees_startdata,
}


@dataclass(frozen=True, slots=True)
class Vraag:
    """One question of the form; `aantal` rows for fields with several values."""

    veld: str
    vraag: str
    hulp: str
    lijst: str | None = None
    aantal: int = 1


def _vragen() -> tuple[Vraag, ...]:
    """The questions from the field table (model/velden.py), keyed by bronbestand column."""
    met_vraag = sorted(
        (v for v in VELDEN if v.formulier is not None),
        key=lambda v: v.formulier.volgorde if v.formulier else 0,
    )
    return tuple(
        Vraag(v.kolomsleutel or v.naam, f.vraag, f.hulp, f.lijst, f.aantal)
        for v in met_vraag
        if (f := v.formulier) is not None
    )


VRAGEN: tuple[Vraag, ...] = _vragen()

UITLEG_B1: tuple[str, ...] = (
    "Welkom! Met dit formulier vertelt u ons over uw aanbod.",
    "Werkcoaches zoeken zo het beste aanbod voor hun klanten.",
    "Vul het blad Formulier in. Elke vraag staat op een eigen regel.",
    "Schrijf uw antwoord in de kolom Uw antwoord.",
    "Bij sommige vragen kiest u uit een lijst.",
    "Klik dan op de cel. Er verschijnt een pijltje.",
    "Meer routes, kenmerken of gemeenten? Gebruik dan de volgende regels.",
    "Laat een vraag leeg als u het antwoord niet weet.",
    "Schrijf kort en duidelijk. Gebruik gewone woorden.",
    "Verander de vragen en de bladen niet.",
    "Sla het bestand op en stuur het terug per e-mail.",
    "De beheergroep bekijkt uw aanbod. Daarna komt het in de keuzehulp.",
)


@dataclass(slots=True)
class FormulierResultaat:
    """The outcome of reading a form: the new concept's id, or the problems found."""

    bestandsnaam: str
    instrument_id: int | None = None
    naam: str | None = None
    problemen: list[Probleem] = field(default_factory=list)

    @property
    def fouten(self) -> list[Probleem]:
        return [p for p in self.problemen if p.is_fout]


def _lijsten(basis: Basis) -> dict[str, list[str]]:
    return {
        "routes": [r.naam for r in basis.routes],
        "kenmerken": [k.tekst for k in basis.kenmerken if not k.is_groep],
        "gemeenten": [ALLE_GEMEENTEN, *basis.gemeenten],
        "types": list(TYPES),
        "onderbouwing": list(ONDERBOUWING_NIVEAUS),
        "start": list(p.START_TEKST.values()),
        "janee": ["ja", "nee"],
        "groepsvormen": list(GROEPSVORMEN),
    }


def _antwoorden(gegevens: InstrumentGegevens | None, basis: Basis) -> dict[str, list[Any]]:
    if gegevens is None:
        return {}
    uit: dict[str, list[Any]] = {v.veld: [getattr(gegevens, v.veld, None)] for v in VRAGEN}
    uit["routes"] = [basis.route_naam(c) for c in gegevens.routes]
    uit["kenmerken"] = [
        basis.kenmerk_per_code[c].tekst for c in gegevens.kenmerken if c in basis.kenmerk_per_code
    ]
    uit["gemeenten"] = [ALLE_GEMEENTEN] if gegevens.alle_gemeenten else list(gegevens.gemeenten)
    kosten = gegevens.kosten_centen
    uit["kosten"] = [kosten / 100 if kosten is not None else gegevens.kosten_tekst]
    klant = gegevens.kosten_klant_centen
    uit["kosten_klant_centen"] = [klant / 100 if klant is not None else None]
    uit["start_soort"] = [p.start_cel(gegevens.start_soort)]
    uit["startdata"] = [p.startdata_cel(gegevens.startdata)]
    uit["nederlands_nodig"] = [p.ja_nee_cel(gegevens.nederlands_nodig)]
    return uit


def maak_formulier(db: Database, pad: Path, instrument_id: int | None = None) -> None:
    """Write an empty form, or one filled in with an instrument's values, for a supplier."""
    if pad.suffix.lower() != ".xlsx":
        raise InvoerFout(f"Kies een bestandsnaam die eindigt op .xlsx (niet ‘{pad.name}’).")
    with db.lezen() as s:
        basis = lees_basis(s)
    gegevens = inst.open_instrument(db, instrument_id).gegevens if instrument_id else None
    antwoorden = _antwoorden(gegevens, basis)
    boek = Workbook()
    blad = boek.active
    blad.title = BLAD_FORMULIER
    blad["A1"] = "Aanmelding van een instrument voor de keuzehulp"
    blad["A1"].font = Font(bold=True, size=14)
    blad["A2"] = "Lees eerst het blad Uitleg. Vul daarna de kolom Uw antwoord in."
    for kolom, kop in zip("ABC", ("Vraag", "Uw antwoord", "Uitleg"), strict=True):
        blad[f"{kolom}3"] = kop
        blad[f"{kolom}3"].font = Font(bold=True, color="FFFFFF")
        blad[f"{kolom}3"].fill = PatternFill("solid", fgColor="1F5C7A")
    lijsten_blad = boek.create_sheet(BLAD_LIJSTEN)
    lijsten = _lijsten(basis)
    bereik: dict[str, str] = {}
    for nummer, (naam, waarden) in enumerate(lijsten.items()):
        letter = kolomletter(nummer + 1)
        for rij, waarde in enumerate(waarden, start=1):
            lijsten_blad[f"{letter}{rij}"] = waarde
        bereik[naam] = f"{BLAD_LIJSTEN}!${letter}$1:${letter}${max(len(waarden), 1)}"
    lijsten_blad.sheet_state = "hidden"
    rij = EERSTE_RIJ
    omloop = Alignment(wrap_text=True, vertical="top")
    for vraag in VRAGEN:
        for i in range(vraag.aantal):
            blad[f"A{rij}"] = vraag.vraag + (f" {i + 1}" if vraag.aantal > 1 else "")
            blad[f"A{rij}"].font = Font(bold=True)
            blad[f"C{rij}"] = vraag.hulp if i == 0 else None
            blad[f"D{rij}"] = vraag.veld
            gegeven = antwoorden.get(vraag.veld, [])
            blad[f"B{rij}"] = gegeven[i] if i < len(gegeven) else None
            if vraag.veld in GELDVRAGEN and isinstance(blad[f"B{rij}"].value, float):
                blad[f"B{rij}"].number_format = '"€ "#,##0.00'
            for kolom in "ABC":
                blad[f"{kolom}{rij}"].alignment = omloop
            if vraag.lijst:
                keuze = DataValidation(type="list", formula1=bereik[vraag.lijst], allow_blank=True)
                keuze.error = "Kies een waarde uit de lijst."
                keuze.errorTitle = "Kies uit de lijst"
                keuze.add(f"B{rij}")
                blad.add_data_validation(keuze)
            rij += 1
    blad.column_dimensions["A"].width = 32
    blad.column_dimensions["B"].width = 60
    blad.column_dimensions["C"].width = 48
    blad.column_dimensions["D"].hidden = True
    blad.freeze_panes = f"A{EERSTE_RIJ}"
    uitleg = boek.create_sheet(BLAD_UITLEG, 0)
    uitleg.column_dimensions["A"].width = 90
    uitleg["A1"] = "Uitleg"
    uitleg["A1"].font = Font(bold=True, size=14)
    for nummer, zin in enumerate(UITLEG_B1, start=3):
        uitleg[f"A{nummer}"] = zin
    boek.active = 1
    inhoud = io.BytesIO()
    boek.save(inhoud)
    schrijf_bestand(pad, inhoud.getvalue())  # whole or not at all, Dutch message on failure


def _lees_velden(
    cellen: dict[str, list[tuple[int, Any]]], basis: Basis, probleem: Callable[..., None]
) -> dict[str, Any]:
    """Every answer through the bronbestand cell readers; problems name the cell."""
    waarden: dict[str, Any] = {"status": InstrumentStatus.CONCEPT}

    def enkel(veld: str) -> tuple[int | None, Any]:
        lijst = cellen.get(veld, [])
        return lijst[0] if lijst else (None, None)

    def meld_voor(veld: str, rij: int | None, waarde: Any) -> w.Meld:
        return lambda ernst, melding: probleem(veld, rij, waarde, ernst, melding)

    for vraag in VRAGEN:
        veld = vraag.veld
        if veld in ("routes", "kenmerken", "gemeenten", "kosten", "onderbouwing", "link"):
            continue
        rij, waarde = enkel(veld)
        if veld in PRAKTISCHE_LEZERS:
            waarden[veld] = PRAKTISCHE_LEZERS[veld](waarde, meld_voor(veld, rij, waarde))
        else:
            waarden[veld] = w.lees_tekst(waarde)
    for veld, lees in (("routes", w.lees_routes), ("kenmerken", w.lees_afgeleide)):
        codes: list[str] = []
        for rij, waarde in cellen.get(veld, []):
            codes.extend(lees(waarde, basis, meld_voor(veld, rij, waarde)))
        waarden[veld] = tuple(codes)
    alle, namen = False, list[str]()
    for rij, waarde in cellen.get("gemeenten", []):
        een_alle, een = w.lees_gemeenten(waarde, basis, meld_voor("gemeenten", rij, waarde))
        alle, namen = alle or een_alle, [*namen, *een]
    waarden["alle_gemeenten"], waarden["gemeenten"] = alle, () if alle else tuple(namen)
    rij, waarde = enkel("kosten")
    waarden["kosten_centen"], waarden["kosten_tekst"] = w.lees_kosten(
        waarde, meld_voor("kosten", rij, waarde)
    )
    rij, waarde = enkel("onderbouwing")
    waarden["onderbouwing"] = w.lees_onderbouwing(waarde, meld_voor("onderbouwing", rij, waarde))
    rij, waarde = enkel("link")
    waarden["link"] = w.lees_link(waarde, meld_voor("link", rij, waarde))
    if not waarden.get("naam"):
        probleem("naam", enkel("naam")[0], None, w.FOUT, "Vul de naam van het instrument in.")
    _vul_omvang_aan(waarden, enkel, probleem)
    return waarden


def _vul_omvang_aan(
    waarden: dict[str, Any],
    enkel: Callable[[str], tuple[int | None, Any]],
    probleem: Callable[..., None],
) -> None:
    """Dates mean vaste data; empty duration answers come from the free text where it is sure."""
    if waarden.get("startdata"):
        if waarden.get("start_soort") is None:
            waarden["start_soort"] = VASTE_DATA
        elif waarden["start_soort"] == DOORLOPEND:
            rij, waarde = enkel("startdata")
            probleem(
                "startdata",
                rij,
                waarde,
                w.FOUT,
                "Er staan datums, maar het instrument begint altijd (doorlopend). Kies vaste "
                "data, of maak de datums leeg.",
            )
    zeker = lees_omvang(waarden.get("omvang_duur"), waarden.get("beschikbaarheid"))
    for veld in ("duur_weken", "uren_per_week"):
        if waarden.get(veld) is None:
            waarden[veld] = getattr(zeker, veld)
    if waarden.get("start_soort") is None and zeker.start_soort is not None:
        waarden["start_soort"], waarden["startdata"] = zeker.start_soort, zeker.startdata


def _lees_cellen(pad: Path) -> dict[str, list[tuple[int, Any]]]:
    controleer_bestand(pad)
    try:
        boek = load_workbook(pad, read_only=True, data_only=True)
    except Exception as fout:  # openpyxl raises many kinds on damaged files
        raise WerkmapOnleesbaar(f"{pad.name} is beschadigd ({type(fout).__name__}).") from None
    try:
        if BLAD_FORMULIER not in boek.sheetnames:
            raise WerkmapOnleesbaar(
                f"{pad.name} is geen leveranciersformulier: het blad ‘{BLAD_FORMULIER}’ ontbreekt."
            )
        cellen: dict[str, list[tuple[int, Any]]] = {}
        for nummer, rij in enumerate(
            boek[BLAD_FORMULIER].iter_rows(min_row=EERSTE_RIJ, max_col=4, values_only=True),
            start=EERSTE_RIJ,
        ):
            sleutel = rij[3] if len(rij) > 3 else None
            if isinstance(sleutel, str) and sleutel:
                cellen.setdefault(sleutel, []).append((nummer, rij[1]))
    finally:
        boek.close()
    if "naam" not in cellen:
        raise WerkmapOnleesbaar(
            f"{pad.name} is geen leveranciersformulier van de keuzehulp, of de verborgen "
            "kolom D is weggehaald. Maak een nieuw formulier."
        )
    return cellen


def lees_formulier(
    db: Database, pad: Path, gebruiker: str, reden: str | None = None
) -> FormulierResultaat:
    """Read a filled-in form; without errors it becomes a new CONCEPT instrument (logged)."""
    with db.lezen() as s:
        vereis_beheerder(s, gebruiker)
        basis = lees_basis(s)
    privacy.controleer_reden(reden)
    resultaat = FormulierResultaat(pad.name)
    cellen = _lees_cellen(pad)
    vraag_per_veld = {v.veld: v for v in VRAGEN}

    def probleem(veld: str, rij: int | None, waarde: Any, ernst: str, melding: str) -> None:
        kolom = f"B ({vraag_per_veld[veld].vraag})" if veld in vraag_per_veld else "B"
        tekst = None if waarde is None else str(waarde)
        resultaat.problemen.append(Probleem(BLAD_FORMULIER, rij, kolom, tekst, melding, ernst))

    waarden = _lees_velden(cellen, basis, probleem)
    if resultaat.fouten:
        return resultaat
    try:
        gegevens = InstrumentGegevens(**waarden)
    except ValidationError as fout:
        for label, melding in nederlandse_fouten(fout):
            probleem("", None, None, w.FOUT, f"{label} {melding}.")
        return resultaat
    context = MutatieContext(
        gebruiker,
        f"leveranciersformulier: {pad.name}",
        reden or "aangemeld met leveranciersformulier",
    )
    with db.wijzigen(context) as s:
        vereis_beheerder(s, gebruiker)
        try:
            inst.controleer_naam(s, gegevens.naam, None)
        except InvoerFout as fout:
            probleem("naam", cellen["naam"][0][0], gegevens.naam, w.FOUT, fout.melding)
            return resultaat
        opzoeken = Opzoeken.laad(s)
        instrument = Instrument(naam=gegevens.naam)
        pas_toe(instrument, gegevens, opzoeken)
        s.add(instrument)
        s.flush()
        resultaat.instrument_id, resultaat.naam = instrument.id, instrument.naam
    return resultaat
