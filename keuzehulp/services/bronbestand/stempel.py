"""The export stamp: when a bronbestand was written and which state of the catalogue it holds.

Export writes it as custom document properties (File > Properties > Custom in Excel), which
Excel and LibreOffice keep when the file is edited and saved. An import compares the stamp with
the mutation log to find work done in the catalogue after the export (issue 12, item 12).
"""

from __future__ import annotations

import datetime as dt
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, fromstring

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keuzehulp.model.beheer import Mutatie

EIGENSCHAP_MOMENT = "Keuzehulp exportmoment"
EIGENSCHAP_STAND = "Keuzehulp catalogusstand"
EIGENSCHAP_VERSIE = "Keuzehulp catalogusversie"
_CUSTOM = "docProps/custom.xml"
_MAX_CUSTOM_BYTES = 256 * 1024  # a few properties; a larger part is not ours
_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


@dataclass(frozen=True, slots=True)
class ExportStempel:
    """When the export was made (UTC) and the newest mutation log row it includes.

    `stand` is that row's id (0: an empty log); `stand_tijdstip` its time as ISO text, which
    proves on import that the log is the same catalogue's (ids of another database differ).
    `versie` names a published version when the export was of one.
    """

    moment: dt.datetime
    stand: int
    stand_tijdstip: str | None = None
    versie: str | None = None

    def als_eigenschappen(self) -> dict[str, str]:
        """The custom document properties, as text (Excel shows them as text too)."""
        stand = str(self.stand)
        if self.stand_tijdstip:
            stand += f" {self.stand_tijdstip}"
        uit = {EIGENSCHAP_MOMENT: self.moment.isoformat(), EIGENSCHAP_STAND: stand}
        if self.versie:
            uit[EIGENSCHAP_VERSIE] = self.versie
        return uit

    @property
    def lokale_tijd(self) -> str:
        """`30-11-2026 14:05`, in the computer's time zone."""
        return self.moment.astimezone().strftime("%d-%m-%Y %H:%M")


def catalogusstand(session: Session) -> tuple[int, str | None]:
    """(id, ISO time) of the newest mutation log row; (0, None) for an empty log."""
    laatste = session.scalar(select(func.max(Mutatie.id)))
    if not laatste:
        return 0, None
    tijdstip = session.scalar(select(Mutatie.tijdstip).where(Mutatie.id == laatste))
    return int(laatste), _iso(tijdstip)


def _iso(tijdstip: dt.datetime | None) -> str | None:
    if tijdstip is None:
        return None
    if tijdstip.tzinfo is None:  # SQLite returns naive UTC
        tijdstip = tijdstip.replace(tzinfo=dt.UTC)
    return tijdstip.astimezone(dt.UTC).isoformat()


def huidige_stempel(session: Session) -> ExportStempel:
    """The stamp for an export read in `session`: call it *before* reading the instruments.

    An edit that lands between this and the read is then in the file and also counted as
    newer (a harmless extra question), never silently treated as older.
    """
    stand, tijdstip = catalogusstand(session)
    return ExportStempel(dt.datetime.now(dt.UTC), stand, tijdstip)


def stempel_van_versie(
    session: Session, tot_mutatie_id: int | None, gepubliceerd_op: dt.datetime, versie: str
) -> ExportStempel:
    """The stamp of an export of a published version: its moment and its last log row."""
    stand = tot_mutatie_id or 0
    tijdstip = session.scalar(select(Mutatie.tijdstip).where(Mutatie.id == stand))
    moment = gepubliceerd_op if gepubliceerd_op.tzinfo else gepubliceerd_op.replace(tzinfo=dt.UTC)
    return ExportStempel(moment, stand, _iso(tijdstip), versie)


def stand_hoort_bij(session: Session, stempel: ExportStempel) -> bool:
    """Whether the stamp's log row is this catalogue's (same id, same time)."""
    if stempel.stand == 0:
        return True
    tijdstip = session.scalar(select(Mutatie.tijdstip).where(Mutatie.id == stempel.stand))
    return tijdstip is not None and _iso(tijdstip) == stempel.stand_tijdstip


def schrijf_stempel(boek: Any, stempel: ExportStempel) -> None:
    """Add the stamp to an openpyxl workbook as custom document properties."""
    from openpyxl.packaging.custom import StringProperty

    for naam, waarde in stempel.als_eigenschappen().items():
        boek.custom_doc_props.append(StringProperty(name=naam, value=waarde))


def lees_stempel(pad: Path) -> ExportStempel | None:
    """The stamp of a workbook, or None (not exported by the keuzehulp, or damaged stamp).

    Reads only the small docProps/custom.xml part; any problem means "no stamp".
    """
    try:
        with zipfile.ZipFile(pad) as archief:
            info = archief.getinfo(_CUSTOM)
            if info.file_size > _MAX_CUSTOM_BYTES:
                return None
            # Small and bounded; expat (2.4+) refuses entity-expansion attacks itself.
            wortel = fromstring(archief.read(info))
    except (KeyError, OSError, zipfile.BadZipFile, zlib.error, EOFError, ParseError, ValueError):
        return None
    eigenschappen: dict[str, str] = {}
    for eigenschap in wortel.iter(f"{_NS}property"):
        naam = eigenschap.get("name")
        waarde = next(iter(eigenschap), None)
        if naam and waarde is not None and waarde.text is not None:
            eigenschappen[naam] = waarde.text.strip()
    return _uit_eigenschappen(eigenschappen)


def _uit_eigenschappen(eigenschappen: dict[str, str]) -> ExportStempel | None:
    moment_tekst = eigenschappen.get(EIGENSCHAP_MOMENT)
    stand_tekst = eigenschappen.get(EIGENSCHAP_STAND)
    if not moment_tekst or not stand_tekst:
        return None
    try:
        moment = dt.datetime.fromisoformat(moment_tekst)
        nummer, _, tijdstip = stand_tekst.partition(" ")
        stand = int(nummer)
    except ValueError:
        return None
    if moment.tzinfo is None or stand < 0:
        return None
    return ExportStempel(moment, stand, tijdstip or None, eigenschappen.get(EIGENSCHAP_VERSIE))
