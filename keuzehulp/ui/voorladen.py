"""Preloading the modules of screens a user opens later: on the GUI thread, one module a turn.

Importing these modules on a worker thread crashed the process now and then (a segmentation
fault in PySide6's lazy class loading: `from PySide6.QtWidgets import QDateEdit` on the worker
while the GUI thread painted cards; seen in CI's wheel check and reproduced in about one start
in twenty). PySide6's import hook and lazy class loading are not made for threads; projects that
met the same crash import on the main thread (e.g. progh2/kamook issues 36 and 46). Importing
all of them at once on the GUI thread was a freeze of about a second, so they are imported one
module per event-loop turn, leaves first: each turn then runs only that module's own body
(a few ms, the largest about 35 ms CPU). The order comes from the modules' source files
(`volgorde`, read from the text, no import): that part may run on a worker.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Container, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

import keuzehulp

# Modules of screens a user opens later.
VOORLADEN = (
    "keuzehulp.ui.beheer.beheer_tab",
    "keuzehulp.ui.beheer.instrumenten_view",
    "keuzehulp.ui.beheer.kenmerken_view",
    "keuzehulp.ui.beheer.lijsten_view",
    "keuzehulp.ui.beheer.log_view",
    "keuzehulp.ui.beheer.opmerkingen_view",
    # Inzicht's modules took 165 ms CPU to import on the GUI thread at its first opening.
    "keuzehulp.ui.inzicht.scherm",
    # The handleiding's Qt classes (text browser, tree) cost 25 ms to import at its first F1.
    "keuzehulp.ui.handleiding",
)
PAUZE_MS = 5  # between two modules: room for the user's input and for painting
# Packages free of Qt (they never import PySide6 or keuzehulp.ui): a worker may import them.
ZONDER_QT = ("keuzehulp.services.", "keuzehulp.model.")

_PAKKET = "keuzehulp"


def _bestand(naam: str) -> Path | None:
    """The source file of a keuzehulp module or package, or None (not ours, or not found)."""
    delen = naam.split(".")
    if delen[0] != _PAKKET:
        return None
    basis = Path(keuzehulp.__file__).parent.joinpath(*delen[1:])
    for pad in (basis.with_suffix(".py"), basis / "__init__.py"):
        if pad.is_file():
            return pad
    return None


def _is_pakket(naam: str) -> bool:
    pad = _bestand(naam)
    return pad is not None and pad.name == "__init__.py"


# A top-level import: at the start of a line (imports under `if TYPE_CHECKING:` or inside a
# function are indented and left out: they do not run at import time).
_IMPORT = re.compile(
    r"^(?:from[ \t]+(?P<van>\.*[\w.]*)[ \t]+import[ \t]+(?P<namen>\([^)]*\)|[^\n]*)"
    r"|import[ \t]+(?P<modules>[\w., \t]+))",
    re.MULTILINE,
)


def _imports(naam: str) -> list[str]:
    """The modules `naam`'s top level imports, in source order.

    Read with a regular expression over the source, not `ast`: parsing the ~50 files took
    340 ms CPU, this takes a few. Imports inside functions run later and are left out.
    """
    pad = _bestand(naam)
    if pad is None:
        return []
    pakket = naam if pad.name == "__init__.py" else naam.rpartition(".")[0]
    uit: list[str] = []
    for treffer in _IMPORT.finditer(pad.read_text(encoding="utf-8")):
        if treffer["modules"] is not None:
            uit.extend(deel.split()[0] for deel in treffer["modules"].split(",") if deel.strip())
            continue
        van = treffer["van"]
        punten = len(van) - len(van.lstrip("."))
        if punten:
            basis = pakket.rsplit(".", punten - 1)[0] if punten > 1 else pakket
            module = f"{basis}.{van[punten:]}" if van[punten:] else basis
        else:
            module = van
        uit.append(module)
        # `from keuzehulp.ui import beheer`: a name may be a submodule.
        if _is_pakket(module):
            for deel in treffer["namen"].strip("()").split(","):
                woorden = deel.split()
                if woorden and _bestand(f"{module}.{woorden[0]}") is not None:
                    uit.append(f"{module}.{woorden[0]}")
    return uit


def _ouders(naam: str) -> list[str]:
    """The packages above a module, outermost first: importing it imports them first."""
    delen = naam.split(".")
    return [".".join(delen[:i]) for i in range(1, len(delen))]


def volgorde(namen: Iterable[str], geladen: Container[str]) -> list[str]:
    """The modules that importing `namen` loads and that are not in `geladen`, leaves first.

    Follows keuzehulp's own modules through their top-level imports (read, not imported);
    PySide6 modules (QtCharts) are listed as leaves; other libraries are imported within
    their importer's turn. Each module appears once, after everything it imports. Pure:
    reads source files only, so it may run on a worker thread. Raises OSError for an
    unreadable source file (a broken installation).
    """
    uit: list[str] = []
    gezien: set[str] = set()

    def bezoek(naam: str) -> None:
        if not naam or naam in gezien or naam in geladen:
            return
        if _bestand(naam) is None and not naam.startswith("PySide6."):
            return  # a library (or not a module at all): imported within its importer's turn
        gezien.add(naam)
        for ouder in _ouders(naam):
            bezoek(ouder)
        for kind in _imports(naam):
            bezoek(kind)
        uit.append(naam)

    for naam in namen:
        bezoek(naam)
    return uit


def laad_zonder_qt_voor(namen: list[str]) -> list[str]:
    """Import the modules of `namen` (in order) that are free of Qt (ZONDER_QT); for a worker.

    Their own bodies can be long on the GUI thread (the readability rules compile 85 regular
    expressions: 50 ms), and nothing in them touches Qt. Returns `namen`: the GUI thread
    imports the rest and skips what is loaded. A module that fails here is left to the GUI
    thread (its screen reports the error when opened).
    """
    for naam in namen:
        if naam.startswith(ZONDER_QT) and naam not in sys.modules:
            try:
                importlib.import_module(naam)
            except Exception:  # tried again, and reported, on the GUI thread
                continue
    return namen


class Voorlader(QObject):
    """Imports a list of modules on the GUI thread, one per event-loop turn.

    `start(namen)` begins; `klaar` is true once all are imported or tried (a module that
    fails to import is skipped: the screen that needs it shows the error when opened).
    """

    def __init__(self, ouder: QObject | None = None) -> None:
        super().__init__(ouder)
        self._wachtrij: list[str] = []
        self.klaar = False
        self.bij_klaar: Callable[[], None] | None = None

    def start(self, namen: Iterable[str]) -> None:
        self._wachtrij = list(reversed(list(namen)))
        self._volgende()

    def _volgende(self) -> None:
        while self._wachtrij:
            naam = self._wachtrij.pop()
            if naam in sys.modules:
                continue  # loaded meanwhile (the user opened the screen)
            try:
                importlib.import_module(naam)
            except Exception:  # the screen that needs it reports the error when opened
                continue
            QTimer.singleShot(PAUZE_MS, self, self._volgende)
            return
        self.klaar = True
        if self.bij_klaar is not None:
            self.bij_klaar()
