"""Checking a workbook's zip archive before any part of it is parsed (issue 12, items 9-10).

An xlsx file is a zip archive of XML parts. A damaged or hostile one (a "zip bomb") can claim
gigabytes that a few kilobytes expand to. The check reads only the archive's directory and the
first bytes of the workbook part, so it costs milliseconds whatever the file claims.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Grenzen:
    """What an accepted workbook may need when unpacked.

    The defaults leave ample room for a catalogue of 10,000 instruments (its largest part,
    the instrument sheet, unpacks to about 25 MiB) and refuse anything that would need more
    than a few hundred MiB of memory to read.
    """

    deel_bytes: int = 150 * MIB  # one unpacked part (a sheet, the shared strings)
    totaal_bytes: int = 300 * MIB  # all parts together, unpacked
    verhouding: int = 100  # unpacked / packed size of one part ...
    verhouding_vanaf: int = 2 * MIB  # ... checked for parts that unpack to at least this
    delen: int = 5_000  # parts in the archive


STANDAARD = Grenzen()
STRICT_MELDING = (
    "Strict Open XML wordt niet ondersteund; bewaar als gewone Excel-werkmap (.xlsx). "
    "Kies in Excel ‘Opslaan als’ en dan ‘Excel-werkmap (*.xlsx)’, of in LibreOffice "
    "‘Excel 2007-365 (.xlsx)’."
)
_STRICT_TEKENS = (b"purl.oclc.org/ooxml/spreadsheetml/main", b'conformance="strict"')


class ArchiefTeGroot(Exception):
    """The archive needs more than the set limits; `melding` says why, in Dutch."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


class StrictOpenXml(Exception):
    """The workbook is saved as Strict Open XML, which openpyxl cannot read."""


def _getal(aantal: int) -> str:
    return f"{aantal:,}".replace(",", ".")


def _mb(aantal: int) -> str:
    return f"{_getal(round(aantal / MIB))} MB"


def controleer_archief(archief: zipfile.ZipFile, naam: str, grenzen: Grenzen = STANDAARD) -> None:
    """Refuse an archive whose parts would unpack beyond `grenzen`; detect Strict Open XML.

    `naam` is the file name for messages. Raises ArchiefTeGroot (Dutch message) or
    StrictOpenXml. Reads the central directory and at most 4 KB of xl/workbook.xml.
    Declared sizes are binding: zipfile stops a part at its declared size and a part that
    claims less than it holds fails its CRC check (the reader reports it as damaged).
    """
    onderdelen = archief.infolist()
    if len(onderdelen) > grenzen.delen:
        raise ArchiefTeGroot(
            f"{naam} bestaat uit {_getal(len(onderdelen))} onderdelen; een bronbestand heeft "
            "er hoogstens enkele tientallen. Het bestand is beschadigd of geen gewone "
            "Excel-werkmap."
        )
    totaal = 0
    for deel in onderdelen:
        totaal += deel.file_size
        bom = deel.file_size > grenzen.verhouding * max(deel.compress_size, 1)
        if bom and deel.file_size >= grenzen.verhouding_vanaf:
            raise ArchiefTeGroot(
                f"{naam} wordt niet gelezen: het onderdeel {deel.filename} is "
                f"{_getal(deel.compress_size)} bytes groot, maar wordt uitgepakt "
                f"{_mb(deel.file_size)}; zo gedraagt een gewone Excel-werkmap zich niet (een "
                "‘zip-bom’). Open het bestand in Excel of LibreOffice, sla het opnieuw op en "
                "probeer het nog eens."
            )
        if deel.file_size > grenzen.deel_bytes:
            raise ArchiefTeGroot(
                f"{naam} is te groot om te lezen: het onderdeel {deel.filename} wordt "
                f"uitgepakt {_mb(deel.file_size)} (hoogstens {_mb(grenzen.deel_bytes)}). "
                "Verwijder lege of opgemaakte rijen en kolommen onder en rechts van de "
                "gegevens, of splits het bestand."
            )
    if totaal > grenzen.totaal_bytes:
        raise ArchiefTeGroot(
            f"{naam} is te groot om te lezen: uitgepakt {_mb(totaal)} (hoogstens "
            f"{_mb(grenzen.totaal_bytes)}). Verwijder lege of opgemaakte rijen en kolommen "
            "onder en rechts van de gegevens, of splits het bestand."
        )
    try:
        with archief.open("xl/workbook.xml") as xml:
            begin = xml.read(4096)
    except KeyError:
        return
    if any(teken in begin for teken in _STRICT_TEKENS):
        raise StrictOpenXml(STRICT_MELDING)


def controleer_pad(pad: Path, grenzen: Grenzen = STANDAARD) -> None:
    """`controleer_archief` on the file at `pad` (raises zipfile.BadZipFile when damaged)."""
    with zipfile.ZipFile(pad) as archief:
        controleer_archief(archief, pad.name, grenzen)
