"""Write the Inzicht figures to Excel (.xlsx) or PDF, suppression included (issue 15 item 4).

Both formats take the Cel texts made by onderdrukking.py, so a hidden figure reads
"verborgen" in every file and every column (counts, amounts, marks), with the legend. A
file is written whole or not at all (temporary file, then rename).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.inzicht.kosten import TOTAAL
from keuzehulp.services.inzicht.onderdrukking import LEEG, ONDERDRUKT_UITLEG, Cel, getal_nl
from keuzehulp.services.inzicht.overzicht import Inzicht, Tabel
from keuzehulp.services.rapport.schrijf import controleer_pad, schrijf_bestand

EXTENSIES = (".xlsx", ".pdf")
WIT_KLEUR = "FCE4D6"  # light orange: a white spot stands out without shouting
BLADEN = {
    "gebruik_periode": "Gebruik per maand",
    "gebruik_instrument": "Gebruik per instrument",
    "gebruik_route": "Gebruik per route",
    "gebruik_kenmerk": "Gebruik per kenmerk",
    "gebruik_gemeente": "Gebruik per gemeente",
    "kosten": "Kosten",
    "dekking": "Dekking kenmerk en route",
    "dekking_gemeente": "Dekking per gemeente",
    "overlap": "Overlap",
    "nooit_gekozen": "Nooit gekozen",
    "verouderd": "Lang niet beoordeeld",
    "uitkomsten": "Uitkomsten en cijfers",
}  # sheet names: at most 31 characters
WITTE_VLEK_UITLEG = (
    "Een witte vlek is een kenmerk waarvoor een route 0 of 1 actief instrument heeft. "
    "Dan valt er voor de klant weinig of niets te kiezen."
)
_GETAL = re.compile(r"^-?[\d.]+$")
_PROCENT = re.compile(r"^\d+%$")
_EURO = re.compile(r"^€ -?[\d.]+$")


def controleer_exportpad(pad: Path) -> Path:
    """Refuse (InvoerFout, Dutch) a name without .xlsx or .pdf, a folder, a missing or
    read-only folder. Nothing is written."""
    pad = Path(pad)
    if pad.suffix.lower() not in EXTENSIES:
        raise InvoerFout(
            f"Kies een bestandsnaam die eindigt op .xlsx (Excel) of .pdf (niet ‘{pad.name}’)."
        )
    controleer_pad(pad, pad.suffix.lower())
    map_ = pad.parent if str(pad.parent) else Path()
    if not os.access(map_, os.W_OK):
        raise InvoerFout(f"Kan {pad} niet schrijven: u mag niet schrijven in de map {map_}.")
    return pad


def voorbeeld_melding(voorbeeld: int) -> str:
    """The warning on figures about fictional gesprekken (`keuzehulp voorbeeld`), or ''."""
    if voorbeeld <= 0:
        return ""
    return (
        f"Voorbeeldgegevens: deze database heeft {getal_nl(voorbeeld)} verzonnen gesprekken. "
        "De cijfers zeggen niets over echt gebruik."
    )


def uitleg_van(tabel: Tabel) -> str:
    """A table's explanation; the ‘verborgen’ legend only when the table hides a figure."""
    if any(c.is_onderdrukt for r in tabel.rijen for c in r):
        return tabel.uitleg
    return tabel.uitleg.replace(ONDERDRUKT_UITLEG, "").strip()


def exporteer(inzicht: Inzicht, pad: Path, *, voorbeeld: int = 0) -> Path:
    """Write `inzicht` to `pad` (.xlsx or .pdf, by its extension); return the path.

    `voorbeeld`: how many of the database's gesprekken are fictional (GesprekkenStand);
    above 0 every file says so on its first page or sheet."""
    pad = controleer_exportpad(pad)
    melding = voorbeeld_melding(voorbeeld)
    if pad.suffix.lower() == ".xlsx":
        return schrijf_bestand(pad, xlsx_bytes(inzicht, melding), ".xlsx")
    from keuzehulp.services.inzicht.export_pdf import pdf_bytes

    return schrijf_bestand(pad, pdf_bytes(inzicht, melding), ".pdf")


def _waarde(cel: Cel) -> tuple[object, str | None]:
    """The Excel value of a cell and its number format: numbers stay numbers."""
    if cel.waarde is None:
        return cel.tekst, None
    geheel = float(cel.waarde).is_integer()
    if _GETAL.match(cel.tekst) and geheel:
        return int(cel.waarde), "#,##0"
    if _PROCENT.match(cel.tekst):
        return cel.waarde / 100, "0%"
    if _EURO.match(cel.tekst):
        return round(cel.waarde), '"€" #,##0'
    return cel.tekst, None


def met_maanden(tabel: Tabel) -> Tabel:
    """A table with months in its first column written as on the screen ("jan 2026")."""
    from keuzehulp.services.inzicht.voorbereid import MET_MAAND, met_maandnamen

    return met_maandnamen(tabel) if tabel.sleutel in MET_MAAND else tabel


def _breedtes(tabel: Tabel) -> list[int]:
    """Column widths in characters: the first as wide as its longest name (12 to 52), the
    others as their longest figure or their header's longest word (wrapping), 10 to 24."""
    uit = []
    for j, kop in enumerate(tabel.kolommen):
        langste = max((len(r[j].tekst) for r in tabel.rijen), default=0)
        if j == 0:
            uit.append(max(12, min(52, max(langste, len(kop)) + 2)))
        else:
            woord = max(len(w) for w in kop.split()) if kop.strip() else 0
            uit.append(max(10, min(24, max(langste, woord, len(kop) // 2) + 3)))
    return uit


def kosten_per_maand(t: Tabel, elders: str = "in de Excel-export") -> Tabel:
    """The cost table (rows per month and gemeente, then the month's TOTAAL) as one row per
    month: a column per gemeente with its cost, then the month's total cost and number of
    choices. Only cells of the table itself, so nothing hidden there can be computed here;
    "–" where a gemeente had no choice that month. `elders`: where the rows per gemeente
    (with the choices without an amount) are to be found, for the explanation."""
    gemeenten: list[str] = []
    per_maand: dict[str, dict[str, Sequence[Cel]]] = {}
    for rij in t.rijen:
        maand, gemeente = rij[0].tekst, rij[1].tekst
        per_maand.setdefault(maand, {})[gemeente] = rij
        if gemeente != TOTAAL and gemeente not in gemeenten:
            gemeenten.append(gemeente)
    leeg = Cel(LEEG)
    rijen = []
    for cellen in per_maand.values():
        totaal = cellen.get(TOTAAL)
        rijen.append((
            next(iter(cellen.values()))[0],  # the month, with its number for sorting
            *(cellen[g][4] if g in cellen else leeg for g in gemeenten),
            *((totaal[4], totaal[2]) if totaal else (leeg, leeg)),
        ))  # fmt: skip
    uitleg = (
        "Wat de gekozen instrumenten kosten (prijs per persoon uit de catalogus), per maand "
        "en gemeente, in euro. ‘Totaal’ is de hele maand: een gesprek voor twee gemeenten "
        "telt bij allebei, maar één keer in het totaal. ‘Keuzes’: gesprekken met een gekozen "
        "instrument. Keuzes zonder bedrag (prijs op aanvraag) tellen niet mee in de kosten; "
        f"hoeveel dat er zijn, staat per gemeente {elders}. Een streepje ({LEEG}): "
        "geen keuze in die maand. " + ONDERDRUKT_UITLEG
    )
    return Tabel(t.sleutel, t.titel, uitleg, ("Maand", *gemeenten, "Totaal", "Keuzes"), rijen,
                 t.leeg)  # fmt: skip


def _bladnaam(titel: str, gebruikt: set[str]) -> str:
    naam = re.sub(r"[\[\]:*?/\\]", " ", titel)[:31].strip()
    basis, i = naam, 2
    while naam in gebruikt:
        naam = f"{basis[:28]} {i}"
        i += 1
    gebruikt.add(naam)
    return naam


def xlsx_bytes(inzicht: Inzicht, melding: str = "") -> bytes:
    """The workbook: an Overzicht sheet (filter, key figures, `melding` in red on top when
    given), then one sheet per table."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    boek = Workbook()
    vet = Font(bold=True)
    wit = PatternFill("solid", fgColor=WIT_KLEUR)
    rechts = Alignment(horizontal="right")
    blad = boek.active
    assert blad is not None
    blad.title = "Overzicht"
    blad.append(["Inzicht keuzehulp"])
    blad["A1"].font = Font(bold=True, size=14)
    blad.append(["Gesprekken", inzicht.filter.omschrijving()])
    blad.append(["Gemaakt op", f"{inzicht.gemaakt_op.astimezone():%d-%m-%Y %H:%M}"])
    if melding:
        blad.append([melding])
        blad.cell(blad.max_row, 1).font = Font(bold=True, color="A4262C")
    blad.append([])
    for naam, cel in inzicht.kerncijfers:
        waarde, formaat = _waarde(cel)
        blad.append([naam, waarde])
        if formaat:
            blad.cell(blad.max_row, 2).number_format = formaat
    blad.append([])
    blad.append([WITTE_VLEK_UITLEG])
    blad.append([ONDERDRUKT_UITLEG])
    blad.column_dimensions["A"].width = 36
    blad.column_dimensions["B"].width = 40
    gebruikt = {"Overzicht"}
    for tabel in map(met_maanden, inzicht.tabellen.values()):
        b = boek.create_sheet(_bladnaam(BLADEN.get(tabel.sleutel, tabel.titel), gebruikt))
        b.append([tabel.titel])
        b["A1"].font = Font(bold=True, size=12)
        b.append([uitleg_van(tabel)])
        b["A2"].alignment = Alignment(wrap_text=False)
        b.append(list(tabel.kolommen))
        for c in b[3]:
            c.font = vet
            # A header wider than its column (at most 24) wraps instead of being cut off.
            c.alignment = Alignment(wrap_text=True, vertical="top")
        if any(len(k) > 22 for k in tabel.kolommen[1:]):
            b.row_dimensions[3].height = 30  # two lines
        for rij in tabel.rijen:
            waarden = [_waarde(c) for c in rij]
            b.append([w for w, _ in waarden])
            for kolom, ((_, formaat), cel) in enumerate(zip(waarden, rij, strict=True), start=1):
                doel = b.cell(b.max_row, kolom)
                if formaat:
                    doel.number_format = formaat
                if cel.wit:
                    doel.fill = wit
                if cel.vet:
                    doel.font = vet
                if cel.is_onderdrukt:
                    doel.font = Font(bold=cel.vet, color="808080")
                    doel.alignment = rechts
        if not tabel.rijen:
            b.append([tabel.leeg])
            b.cell(b.max_row, 1).font = Font(italic=True)
        b.freeze_panes = "B4"
        for kolom, breedte in enumerate(_breedtes(tabel), start=1):
            b.column_dimensions[get_column_letter(kolom)].width = breedte
        if tabel.rijen:
            # Filter and sort in Excel; the header row on every printed page, in landscape,
            # as wide as one page.
            b.auto_filter.ref = f"A3:{get_column_letter(len(tabel.kolommen))}{b.max_row}"
            b.print_title_rows = "3:3"
        b.page_setup.orientation = "landscape"
        b.page_setup.fitToWidth, b.page_setup.fitToHeight = 1, 0
        b.sheet_properties.pageSetUpPr.fitToPage = True
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def exporteer_in_proces(
    voortgang: Callable[[int, str], None], inzicht: Inzicht, pad: Path, voorbeeld: int = 0
) -> Path:
    """`exporteer` for a child process (keuzehulp.services.proces, `Takenloper.start_proces`):
    the figures are computed already, so no database is opened. It reports progress (0-100,
    Dutch text) before each step; a cancel raises from `voortgang` before the file is written,
    so a stopped export leaves no file at all (the write itself is atomic)."""
    voortgang(5, "Controleren waar het bestand komt…")
    pad = controleer_exportpad(pad)
    melding = voorbeeld_melding(voorbeeld)
    if pad.suffix.lower() == ".xlsx":
        voortgang(15, "Excel-bladen maken…")
        inhoud = xlsx_bytes(inzicht, melding)
    else:
        from keuzehulp.services.inzicht.export_pdf import pdf_bytes

        voortgang(15, "PDF maken…")
        inhoud = pdf_bytes(inzicht, melding)
    voortgang(90, "Bestand schrijven…")
    return schrijf_bestand(pad, inhoud, pad.suffix.lower())
