"""Writing a bronbestand from plain records: the catalogue now, or a published version."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from keuzehulp.model.catalogus import GROEPSVORMEN, ONDERBOUWING_NIVEAUS, InstrumentStatus
from keuzehulp.services.bronbestand.basis import Basis
from keuzehulp.services.bronbestand.kolommen import (
    ALLE_GEMEENTEN,
    BLAD_INSTRUMENTEN,
    BLAD_KENMERKEN,
    BLAD_LIJSTEN,
    BLAD_PARKEER,
    CODE_VELDEN,
    KENMERK_KOLOMMEN,
    KOLOMMEN,
    TEKSTVELDEN,
    kolomletter,
)
from keuzehulp.services.bronbestand.praktisch import (
    START_TEKST,
    ja_nee_cel,
    start_cel,
    startdata_cel,
)
from keuzehulp.services.bronbestand.stempel import ExportStempel, schrijf_stempel
from keuzehulp.services.instrumentgegevens import InstrumentGegevens

Voortgang = Callable[[int, str], None]

log = logging.getLogger(__name__)

GELDFORMAAT = '"€ "#,##0.00'
TEKSTFORMAAT = "@"
CIJFERFORMAAT = "0.0"
_KOP_LETTER = Font(bold=True, color="FFFFFF")
_KOP_VULLING = PatternFill("solid", fgColor="1F5C7A")
_OMLOOP = Alignment(wrap_text=True, vertical="top")
_KOP_OMLOOP = Alignment(wrap_text=True, vertical="center")
_MAX_RIJEN_KEUZELIJST = 20000


@dataclass(frozen=True, slots=True)
class ExportInstrument:
    """An instrument to write: its id (None for one without) and its values."""

    id: int | None
    gegevens: InstrumentGegevens


def _schoon(tekst: str) -> str:
    return str(ILLEGAL_CHARACTERS_RE.sub("", tekst))


def celwaarden(instrument: ExportInstrument, basis: Basis) -> dict[str, Any]:
    """The cells of one instrument by field, as export writes them."""
    g = instrument.gegevens
    groepen = sorted({code.split(".")[0] for code in g.kenmerken}, key=int)
    waarden: dict[str, Any] = {
        "id": instrument.id,
        "naam": g.naam,
        "routes": "\n".join(basis.route_naam(code) for code in g.routes),
        "theoretisch": "\n".join(
            basis.kenmerk_per_code[c].tekst if c in basis.kenmerk_per_code else c for c in groepen
        ),
        "kenmerken": "\n".join(
            basis.kenmerk_per_code[c].tekst if c in basis.kenmerk_per_code else c
            for c in g.kenmerken
        ),
        "gemeenten": ALLE_GEMEENTEN if g.alle_gemeenten else "\n".join(g.gemeenten),
        "kosten": g.kosten_centen / 100 if g.kosten_centen is not None else g.kosten_tekst,
        "waardering_professionals": g.waardering_professionals,
        "waardering_werkzoekende": g.waardering_werkzoekende,
        "onderbouwing": g.onderbouwing,
        "link": g.link,
        "nederlands_nodig": ja_nee_cel(g.nederlands_nodig),
        "duur_weken": g.duur_weken,
        "uren_per_week": g.uren_per_week,
        "kosten_klant_centen": (
            g.kosten_klant_centen / 100 if g.kosten_klant_centen is not None else None
        ),
        "groepsvorm": g.groepsvorm,
        "start_soort": start_cel(g.start_soort),
        "startdata": startdata_cel(g.startdata),
    }
    for veld in TEKSTVELDEN:
        waarden[veld] = getattr(g, veld)
    return waarden


def _cel(blad: Any, waarde: Any, formaat: str | None = None) -> WriteOnlyCell:
    if isinstance(waarde, str):
        waarde = _schoon(waarde) or None
    cel = WriteOnlyCell(blad, value=waarde)
    if isinstance(waarde, str) and waarde.startswith("="):
        cel.data_type = "s"  # text, never a formula
    cel.alignment = _OMLOOP
    if formaat == TEKSTFORMAAT or (formaat and isinstance(waarde, int | float)):
        cel.number_format = formaat
    return cel


def _kopcel(blad: Any, tekst: str) -> WriteOnlyCell:
    cel = WriteOnlyCell(blad, value=tekst)
    cel.font, cel.fill, cel.alignment = _KOP_LETTER, _KOP_VULLING, _KOP_OMLOOP
    return cel


_FORMATEN = {
    "kosten": GELDFORMAAT,
    "kosten_klant_centen": GELDFORMAAT,
    "uren_per_week": "0.##",
    "waardering_professionals": CIJFERFORMAAT,
    "waardering_werkzoekende": CIJFERFORMAAT,
}


def _formaat(veld: str) -> str | None:
    """Code columns are text ("@"): Excel then keeps a typed 1.10 as 1.10, not 1.1."""
    return TEKSTFORMAAT if veld in CODE_VELDEN else _FORMATEN.get(veld)


def _sjablonen(blad: Any, velden: Sequence[str]) -> list[WriteOnlyCell]:
    """One styled cell per column, reused for every row; the columns get the same style.

    Styling each cell anew makes openpyxl hash the style objects hundreds of thousands of
    times (issue 12, item 13). The column style makes cells typed later in Excel wrap and,
    in code columns, stay text.
    """
    sjablonen: list[WriteOnlyCell] = []
    for nummer, veld in enumerate(velden, start=1):
        cel = WriteOnlyCell(blad)
        kolom = blad.column_dimensions[kolomletter(nummer)]
        cel.alignment = kolom.alignment = _OMLOOP
        formaat = _formaat(veld)
        if formaat:
            cel.number_format = kolom.number_format = formaat
        sjablonen.append(cel)
    return sjablonen


def _rij(sjablonen: list[WriteOnlyCell], waarden: Iterable[Any]) -> Iterator[Any]:
    """A row for `blad.append`: each column's template cell holding this row's value.

    openpyxl writes a row as soon as it is appended, so the templates are free again for the
    next row; an empty value is skipped (no styled empty cell; the column style covers it).
    """
    for cel, waarde in zip(sjablonen, waarden, strict=True):
        if isinstance(waarde, str):
            waarde = _schoon(waarde) or None
        if waarde is None:
            yield None
            continue
        cel.value = waarde
        if cel.data_type == "f":
            cel.data_type = "s"  # text, never a formula
        yield cel


def _instrumentblad(
    boek: Workbook,
    titel: str,
    instrumenten: list[ExportInstrument],
    basis: Basis,
    lengtes: dict[str, int],
    voortgang: Callable[[int], None],
) -> None:
    blad = boek.create_sheet(titel)
    for nummer, kolom in enumerate(KOLOMMEN, start=1):
        blad.column_dimensions[kolomletter(nummer)].width = kolom.breedte
    sjablonen = _sjablonen(blad, [k.veld for k in KOLOMMEN])
    blad.freeze_panes = "C2"
    laatste = max(len(instrumenten) + 1, 2)
    _keuzelijsten(blad, laatste, lengtes)
    blad.auto_filter.ref = f"A1:{kolomletter(len(KOLOMMEN))}{laatste}"
    # The sheet's size up front, as Excel writes it: without <dimension> openpyxl (and so the
    # import) parses the whole sheet once more just to learn its size. The write-only sheet
    # asks for it through this method, which only a normal sheet has.
    omvang = f"A1:{kolomletter(len(KOLOMMEN))}{len(instrumenten) + 1}"
    blad.calculate_dimension = lambda: omvang
    blad.append([_kopcel(blad, kolom.kop) for kolom in KOLOMMEN])
    for stap, instrument in enumerate(instrumenten):
        waarden = celwaarden(instrument, basis)
        blad.append(_rij(sjablonen, [waarden[k.veld] for k in KOLOMMEN]))
        if stap % 500 == 0:
            voortgang(stap)


def _keuzelijsten(blad: Any, laatste: int, lengtes: dict[str, int]) -> None:
    """Drop-down lists (a help, not a lock: several values per cell stay allowed)."""
    lijsten = {
        "routes": "A",
        "kenmerken": "B",
        "gemeenten": "C",
        "onderbouwing": "D",
        "start_soort": "E",
        "nederlands_nodig": "F",
        "groepsvorm": "G",
    }
    for veld, letter in lijsten.items():
        nummer = next(i for i, k in enumerate(KOLOMMEN, start=1) if k.veld == veld)
        lijst = DataValidation(
            type="list",
            formula1=f"{BLAD_LIJSTEN}!${letter}$1:${letter}${lengtes[letter]}",
            allow_blank=True,
            showErrorMessage=False,
        )
        kolom = kolomletter(nummer)
        lijst.add(f"{kolom}2:{kolom}{max(laatste, _MAX_RIJEN_KEUZELIJST)}")
        blad.data_validations.append(lijst)


def _lijstenblad(boek: Workbook, basis: Basis) -> dict[str, int]:
    """A hidden sheet with the values of the drop-down lists; returns each list's length."""
    blad = boek.create_sheet(BLAD_LIJSTEN)
    kolommen = (
        [r.naam for r in basis.routes],
        [k.tekst for k in basis.kenmerken if not k.is_groep],
        [*basis.gemeenten, ALLE_GEMEENTEN],
        list(ONDERBOUWING_NIVEAUS),
        list(START_TEKST.values()),
        ["ja", "nee"],
        list(GROEPSVORMEN),
    )
    for rij in range(max(len(w) for w in kolommen)):
        blad.append([w[rij] if rij < len(w) else None for w in kolommen])
    blad.sheet_state = "hidden"
    return {letter: max(len(w), 1) for letter, w in zip("ABCDEFG", kolommen, strict=True)}


def _kenmerkenblad(boek: Workbook, basis: Basis) -> None:
    blad = boek.create_sheet(BLAD_KENMERKEN)
    for nummer, kolom in enumerate(KENMERK_KOLOMMEN, start=1):
        blad.column_dimensions[kolomletter(nummer)].width = kolom.breedte
        blad.column_dimensions[kolomletter(nummer)].alignment = _OMLOOP
        if kolom.veld in CODE_VELDEN:
            blad.column_dimensions[kolomletter(nummer)].number_format = TEKSTFORMAAT
    blad.freeze_panes = "A2"
    blad.append([_kopcel(blad, kolom.kop) for kolom in KENMERK_KOLOMMEN])
    vet = Font(bold=True)
    for kenmerk in basis.kenmerken:  # a few dozen rows: one cell each is fine here
        cellen = [
            _cel(blad, getattr(kenmerk, kolom.veld), _formaat(kolom.veld))
            for kolom in KENMERK_KOLOMMEN
        ]
        if kenmerk.is_groep:
            for cel in cellen:
                cel.font = vet
        blad.append(cellen)


def _laat_vallen(boek: Workbook) -> None:
    """Close the sheets of a workbook that will not be saved (stopped, or failed).

    A write-only sheet streams its rows through a generator into a temporary file of its
    own. Left to the garbage collector, that generator is closed after the file it writes
    to, and openpyxl prints "Exception ignored ... I/O operation on closed file" on stderr
    (seen when an export was cancelled). Closed here, in order, the sheet finishes its
    temporary file, which is then removed (openpyxl would only do so at exit).
    """
    for blad in boek.worksheets:
        schrijver = getattr(blad, "_writer", None)
        try:
            if not getattr(blad, "closed", True):
                blad.close()
        except Exception:  # a sheet half written: its temporary file goes anyway
            log.debug("Blad %s niet netjes gesloten", blad.title, exc_info=True)
        if schrijver is not None and isinstance(schrijver.out, str):
            with contextlib.suppress(OSError, ValueError):
                schrijver.cleanup()


def schrijf_bronbestand(
    pad: Path,
    instrumenten: Iterable[ExportInstrument],
    basis: Basis,
    voortgang: Voortgang | None = None,
    stempel: ExportStempel | None = None,
) -> tuple[int, int]:
    """Write the workbook (active to Instrumenten, parked to Parkeer; concepts are left out).

    `stempel` (moment and catalogue state) goes into the document properties, so that an
    import can tell which catalogue changes came after the export. Returns (number active,
    number parked). The caller makes the write atomic.
    """
    actief: list[ExportInstrument] = []
    geparkeerd: list[ExportInstrument] = []
    for instrument in instrumenten:
        if instrument.gegevens.status == InstrumentStatus.ACTIEF:
            actief.append(instrument)
        elif instrument.gegevens.status == InstrumentStatus.GEPARKEERD:
            geparkeerd.append(instrument)
    for lijst in (actief, geparkeerd):
        lijst.sort(key=lambda i: (i.gegevens.naam.casefold(), i.id or 0))
    totaal = max(len(actief) + len(geparkeerd), 1)

    def meld(stap: int, vooraf: int = 0) -> None:
        if voortgang is not None:
            voortgang(min(95, 95 * (vooraf + stap) // totaal), "Bronbestand schrijven")

    boek = Workbook(write_only=True)
    try:
        lengtes = _lijstenblad(boek, basis)  # first, for the list sizes; moved to the end
        _instrumentblad(boek, BLAD_INSTRUMENTEN, actief, basis, lengtes, meld)
        _instrumentblad(
            boek, BLAD_PARKEER, geparkeerd, basis, lengtes, lambda stap: meld(stap, len(actief))
        )
        _kenmerkenblad(boek, basis)
        boek.move_sheet(BLAD_LIJSTEN, offset=len(boek.sheetnames) - 1)
        if stempel is not None:
            schrijf_stempel(boek, stempel)
        boek.save(pad)
    except BaseException:
        _laat_vallen(boek)
        raise
    if voortgang is not None:
        voortgang(100, "Klaar")
    return len(actief), len(geparkeerd)
