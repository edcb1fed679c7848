"""Reading a bronbestand workbook into rows per sheet, with every problem found on the way."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.model.tekst import vouw
from keuzehulp.services.bronbestand.kolommen import (
    BLAD_INSTRUMENTEN,
    BLAD_PARKEER,
    KENMERK_KOLOMMEN,
    KENMERK_KOP_NAAR_VELD,
    KENMERKBLAD_NAMEN,
    KOP_NAAR_VELD,
    KOP_ZOEKRIJEN,
    PER_VELD,
    VERPLICHT,
    Kolom,
    kolomletter,
    onbekende_kolom_melding,
)
from keuzehulp.services.bronbestand.waarden import FOUT, WAARSCHUWING, citeer

Voortgang = Callable[[int, str], None]
"""voortgang(percentage, what is happening) for progress bars."""

TAAL = "taal"
_OLE_KOP = bytes.fromhex("D0CF11E0A1B11AE1")
_VERSLEUTELD = "EncryptedPackage".encode("utf-16-le")


class WerkmapOnleesbaar(KeuzehulpError):
    """The file cannot be read as a bronbestand at all (exit status 2)."""


@dataclass(frozen=True, slots=True)
class Probleem:
    """One problem in the workbook: where, which value, what is wrong (in Dutch)."""

    blad: str
    rij: int | None
    kolom: str | None  # "G (Afgeleide kenmerken)"
    waarde: str | None
    melding: str
    ernst: str = FOUT
    onderwerp: str = ""  # TAAL for a B1 warning on a client-visible text; "" otherwise

    @property
    def is_fout(self) -> bool:
        return self.ernst == FOUT

    @property
    def is_taal(self) -> bool:
        """A B1 warning on a text the client sees (issue 9, item 8)."""
        return self.onderwerp == TAAL

    def __str__(self) -> str:
        plek = [self.blad]
        if self.rij is not None:
            plek.append(f"rij {self.rij}")
        if self.kolom:
            plek.append(f"kolom {self.kolom}")
        waarde = f" {citeer(self.waarde)}" if self.waarde not in (None, "") else ""
        return f"{', '.join(plek)}{waarde}: {self.ernst}: {self.melding}"


@dataclass(slots=True)
class Blad:
    """A sheet's header and data rows (rows as read, values only)."""

    naam: str
    kop_rij: int
    kolommen: dict[str, tuple[int, str]]  # veld -> (0-based index, header text)
    rijen: list[tuple[int, tuple[Any, ...]]] = field(default_factory=list)

    def kolom(self, veld: str) -> str | None:
        if veld not in self.kolommen:
            return None
        index, kop = self.kolommen[veld]
        return f"{kolomletter(index + 1)} ({kop})"

    def waarde(self, rij: tuple[Any, ...], veld: str) -> Any:
        plek = self.kolommen.get(veld)
        if plek is None or plek[0] >= len(rij):
            return None
        return rij[plek[0]]


@dataclass(slots=True)
class Werkmap:
    """What a bronbestand holds, before any value is interpreted."""

    instrumenten: Blad | None
    parkeer: Blad | None
    kenmerken: Blad | None
    problemen: list[Probleem]


def controleer_bestand(pad: Path) -> None:
    """Refuse, with a Dutch reason, anything that is not a readable xlsx workbook."""
    if not pad.exists():
        raise WerkmapOnleesbaar(f"Het bestand {pad} bestaat niet.")
    if pad.is_dir():
        raise WerkmapOnleesbaar(f"{pad} is een map, geen bestand.")
    try:
        with pad.open("rb") as f:
            begin = f.read(8)
            if begin == _OLE_KOP:
                inhoud = begin + f.read()
                if _VERSLEUTELD in inhoud:
                    raise WerkmapOnleesbaar(
                        f"{pad.name} is beveiligd met een wachtwoord. Haal in Excel de "
                        "beveiliging eraf (Bestand > Info > Werkmap beveiligen) en probeer opnieuw."
                    )
                raise WerkmapOnleesbaar(
                    f"{pad.name} is een oud Excel-bestand (.xls). Open het in Excel of "
                    "LibreOffice en sla het op als Excel-werkmap (.xlsx)."
                )
    except OSError as fout:
        raise WerkmapOnleesbaar(f"{pad.name} kan niet worden gelezen: {fout.strerror}.") from None
    if not begin:
        raise WerkmapOnleesbaar(f"{pad.name} is leeg (0 bytes).")
    if not zipfile.is_zipfile(pad):
        if begin.startswith(b"PK"):
            raise WerkmapOnleesbaar(
                f"{pad.name} is beschadigd (onvolledig) en kan niet als Excel-werkmap worden "
                "gelezen. Open het in Excel of LibreOffice, sla het opnieuw op en probeer het nog "
                "eens."
            )
        raise WerkmapOnleesbaar(
            f"{pad.name} is geen Excel-werkmap (.xlsx), maar bijvoorbeeld tekst, CSV of PDF. "
            "Sla het bronbestand in Excel op als Excel-werkmap (.xlsx)."
        )
    try:
        with zipfile.ZipFile(pad) as archief:
            namen = set(archief.namelist())
            if "mimetype" in namen and b"opendocument" in archief.read("mimetype"):
                raise WerkmapOnleesbaar(
                    f"{pad.name} is een LibreOffice-bestand (.ods). Kies in LibreOffice "
                    "‘Opslaan als’ en dan Excel 2007-365 (.xlsx)."
                )
            if "xl/workbook.xml" not in namen:
                raise WerkmapOnleesbaar(
                    f"{pad.name} is een zip-bestand, maar geen Excel-werkmap (.xlsx)."
                )
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        raise _beschadigd(pad) from None


def _beschadigd(pad: Path) -> WerkmapOnleesbaar:
    return WerkmapOnleesbaar(
        f"{pad.name} is beschadigd en kan niet als Excel-werkmap worden gelezen. "
        "Open het in Excel of LibreOffice, sla het opnieuw op en probeer het nog eens."
    )


def _rijen(blad: Any) -> Iterator[tuple[int, tuple[Any, ...]]]:
    blad.reset_dimensions()  # some writers store a wrong size; read what is really there
    yield from enumerate(blad.iter_rows(values_only=True), start=1)


def _leeg(rij: tuple[Any, ...]) -> bool:
    return all(w is None or (isinstance(w, str) and not w.strip()) for w in rij)


def _lees_blad(
    blad: Any,
    kop_index: dict[str, str],
    kop_veld: str,
    problemen: list[Probleem],
    verplicht: tuple[str, ...],
    definities: dict[str, Kolom],
    voortgang: Callable[[int], None] | None = None,
) -> Blad | None:
    """Find the header among the first rows, map columns, collect the non-empty rows."""
    titel = blad.title
    gezocht: Blad | None = None
    iets = False
    for nummer, rij in _rijen(blad):
        if gezocht is None:
            if not _leeg(rij):
                iets = True
            if nummer > KOP_ZOEKRIJEN:
                break
            velden = [kop_index.get(vouw(w)) if isinstance(w, str) else None for w in rij]
            if kop_veld in velden:
                gezocht = _kopregel(titel, nummer, rij, kop_index, problemen, verplicht, definities)
            continue
        if voortgang is not None and nummer % 500 == 0:
            voortgang(nummer)
        if not _leeg(rij):
            gezocht.rijen.append((nummer, rij))
    if gezocht is None and iets:
        problemen.append(
            Probleem(
                titel,
                None,
                None,
                None,
                f"Geen kopregel gevonden: geen cel ‘{definities[kop_veld].kop}’ in de eerste "
                f"{KOP_ZOEKRIJEN} rijen. De verplichte kolom ‘{definities[kop_veld].kop}’ "
                "ontbreekt.",
            )
        )
    return gezocht


def _kopregel(
    titel: str,
    nummer: int,
    rij: tuple[Any, ...],
    kop_index: dict[str, str],
    problemen: list[Probleem],
    verplicht: tuple[str, ...],
    definities: dict[str, Kolom],
) -> Blad:
    kolommen: dict[str, tuple[int, str]] = {}
    for index, kop in enumerate(rij):
        if kop is None or (isinstance(kop, str) and not kop.strip()):
            continue
        letter = kolomletter(index + 1)
        veld = kop_index.get(vouw(str(kop)))
        if veld is None:
            problemen.append(
                Probleem(
                    titel,
                    nummer,
                    letter,
                    str(kop),
                    onbekende_kolom_melding(str(kop), kop_index, rij),
                    WAARSCHUWING,
                )
            )
        elif veld in kolommen:
            eerder = kolomletter(kolommen[veld][0] + 1)
            problemen.append(
                Probleem(
                    titel,
                    nummer,
                    letter,
                    str(kop),
                    f"Deze kolom staat er twee keer (ook in kolom {eerder}). Houd er één over.",
                )
            )
        else:
            kolommen[veld] = (index, str(kop).strip())
    for veld in verplicht:
        if veld not in kolommen:
            kolom = definities[veld]
            ook = f" (ook goed: {', '.join(kolom.aliassen)})" if kolom.aliassen else ""
            problemen.append(
                Probleem(
                    titel, nummer, None, None, f"De verplichte kolom ‘{kolom.kop}’ ontbreekt{ook}."
                )
            )
    return Blad(titel, nummer, kolommen)


def lees_werkmap(pad: Path, voortgang: Voortgang | None = None) -> Werkmap:
    """Open the workbook and read its three sheets; raise WerkmapOnleesbaar if it cannot."""
    controleer_bestand(pad)
    # We hold the file ourselves: openpyxl leaves it open when a damaged file makes it fail.
    with pad.open("rb") as bestand:
        try:
            boek = load_workbook(bestand, read_only=True, data_only=True)
        except Exception:  # openpyxl raises many kinds on damaged files
            raise _beschadigd(pad) from None
        try:
            # Damage inside the zip shows only while reading (checking every entry first
            # would cost as much as reading it).
            return _lees_boek(boek, pad, voortgang)
        except (zipfile.BadZipFile, zlib.error, EOFError, ParseError, ValueError):
            raise _beschadigd(pad) from None
        finally:
            boek.close()


_DIMENSIE = re.compile(r'<(?:\w+:)?dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')


def _geschatte_rijen(blad: Any) -> int:
    """Rows in a sheet, for progress only: from its <dimension> tag, else from its size.

    openpyxl's own `max_row` parses the whole sheet when the tag is missing (as in files
    written by openpyxl in write-only mode), which would double the reading time.
    """
    try:
        archief, pad = blad.parent._archive, blad._worksheet_path
        with archief.open(pad) as xml:
            begin = xml.read(4096).decode("utf-8", "ignore")
        gevonden = _DIMENSIE.search(begin)
        if gevonden and gevonden.group(1):
            return int(gevonden.group(1))
        return int(archief.getinfo(pad).file_size // 1800)
    except (AttributeError, KeyError, OSError, ValueError, zipfile.BadZipFile):
        return 0


def _lees_boek(boek: Any, pad: Path, voortgang: Voortgang | None) -> Werkmap:
    per_naam = {vouw(naam): naam for naam in boek.sheetnames}
    if vouw(BLAD_INSTRUMENTEN) not in per_naam:
        bladen = ", ".join(boek.sheetnames) or "geen"
        raise WerkmapOnleesbaar(
            f"{pad.name} heeft geen tabblad ‘{BLAD_INSTRUMENTEN}’ (wel: {bladen}). "
            "Het bronbestand heeft de instrumenten op een tabblad met die naam."
        )
    problemen: list[Probleem] = []
    instrumentblad = boek[per_naam[vouw(BLAD_INSTRUMENTEN)]]
    totaal = max(_geschatte_rijen(instrumentblad), 1)

    def meld_voortgang(rij: int) -> None:
        if voortgang is not None:
            voortgang(min(99, rij * 100 // totaal), "Bronbestand lezen")

    instrumenten = _lees_blad(
        instrumentblad, KOP_NAAR_VELD, "naam", problemen, VERPLICHT, PER_VELD, meld_voortgang
    )
    if instrumenten is None and not problemen:
        raise WerkmapOnleesbaar(
            f"Het tabblad ‘{instrumentblad.title}’ in {pad.name} is leeg: er staan geen "
            "instrumenten in."
        )
    parkeer = None
    if vouw(BLAD_PARKEER) in per_naam:
        parkeer = _lees_blad(
            boek[per_naam[vouw(BLAD_PARKEER)]],
            KOP_NAAR_VELD,
            "naam",
            problemen,
            VERPLICHT,
            PER_VELD,
        )
    kenmerken = None
    for gevouwen, naam in per_naam.items():
        if gevouwen in KENMERKBLAD_NAMEN:
            kenmerken = _lees_blad(
                boek[naam],
                KENMERK_KOP_NAAR_VELD,
                "code",
                problemen,
                ("code", "naam"),
                {k.veld: k for k in KENMERK_KOLOMMEN},
            )
            break
    return Werkmap(instrumenten, parkeer, kenmerken, problemen)
