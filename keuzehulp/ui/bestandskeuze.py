"""The save dialog of every export: a sensible folder and a name that says what and when.

`kies_exportbestand` opens Qt's save dialog (Dutch: see `ui/vertaling.py`) in the folder the
user last saved an export to, else their Documenten folder (QStandardPaths), else their home
folder; never the program's working directory. The suggested name says what is exported and
on which day (`bronbestand-2026-11-30.xlsx`). The chosen folder is remembered in QSettings
(`bestandskeuze/laatste_map`), for the next export of any kind.

Used by every export: Beheer, Opmerkingen, the bronbestand and Inzicht (Excel or PDF: a name
typed without an extension gets the one of the file type chosen in the dialog).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

SLEUTEL = "bestandskeuze/laatste_map"


def bestandsnaam(onderwerp: str, extensie: str = ".xlsx", datum: dt.date | None = None) -> str:
    """`onderwerp-JJJJ-MM-DD.ext`: what (lower case, spaces as dashes, no characters a file
    system refuses) and the day (default today). `extensie` with its dot."""
    schoon = re.sub(r"[\\/:*?\"<>|\s]+", "-", onderwerp.strip().lower()).strip("-.") or "export"
    return f"{schoon}-{(datum or dt.date.today()):%Y-%m-%d}{extensie}"


def startmap(instellingen: QSettings | None = None) -> Path:
    """The folder a save dialog opens in: the last one used (when it still exists), else
    Documenten, else the home folder."""
    instellingen = instellingen if instellingen is not None else QSettings()
    laatste = instellingen.value(SLEUTEL, "", str)
    if laatste and Path(str(laatste)).is_dir():
        return Path(str(laatste))
    documenten = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documenten and Path(documenten).is_dir():
        return Path(documenten)
    return Path.home()


def onthoud_map(pad: Path, instellingen: QSettings | None = None) -> None:
    """Remember the folder of `pad` for the next save dialog."""
    instellingen = instellingen if instellingen is not None else QSettings()
    instellingen.setValue(SLEUTEL, str(pad.parent))
    instellingen.sync()


def kies_exportbestand(
    ouder: QWidget | None,
    titel: str,
    onderwerp: str,
    filters: str,
    extensies: Sequence[str] = (".xlsx",),
    *,
    datum: dt.date | None = None,
    instellingen: QSettings | None = None,
) -> Path | None:
    """Ask where to save an export; None when the user cancels.

    `onderwerp` names what is exported (e.g. "bronbestand", "mutatielog"); `filters` are
    the dialog's filters (`ui.bestandsfilters`, the first one chosen at the start);
    `extensies` the suffixes accepted (with their dot). A name without one of them gets the
    extension of the filter the user chose (`PDF-bestanden (*.pdf)`: ".pdf"), or the first
    of `extensies` when that filter names none of them. Blocks in Qt's dialog like any
    modal dialog (the user's time, not work on the GUI thread).
    """
    voorstel = startmap(instellingen) / bestandsnaam(onderwerp, extensies[0], datum)
    naam, gekozen = QFileDialog.getSaveFileName(ouder, titel, str(voorstel), filters)
    if not naam:
        return None
    pad = Path(naam)
    if pad.suffix.lower() not in {e.lower() for e in extensies}:
        pad = pad.with_name(pad.name + extensie_van_filter(gekozen, extensies))
    onthoud_map(pad, instellingen)
    return pad


def extensie_van_filter(filter_: str, extensies: Sequence[str]) -> str:
    """The first of `extensies` that the file type filter `filter_` names
    (`"PDF-bestanden (*.pdf)"`, (".xlsx", ".pdf")  ->  ".pdf"); else `extensies[0]`."""
    patronen = {p.lower() for p in re.findall(r"\*(\.[^\s)]+)", filter_)}
    return next((e for e in extensies if e.lower() in patronen), extensies[0])
