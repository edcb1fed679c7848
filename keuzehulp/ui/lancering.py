"""The launch after the first paint: open the catalogue in a thread, then fill the window in.

`start_gui` (ui/app.py) shows the empty main window ("Catalogus laden…") before anything
heavy is imported. Once it has painted, a thread imports SQLAlchemy, pydantic, the models and
the services (never Qt or UI modules: ui/voorladen.py) and opens the catalogue
(`open_voor_venster`: upgrade, first-user-is-beheerder, offline copy, network-share warning).
Back on the GUI thread: the screens' UI modules (one per event-loop turn), the sample offer on
a new database, the screens, then the damage and share messages. When the catalogue cannot
be opened, a Dutch message box says why and the window closes (exit 1).
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.ui import app  # imported here: the thread must not import UI modules
from keuzehulp.ui.tekening import NaEersteTekening
from keuzehulp.ui.voorladen import Voorlader

if TYPE_CHECKING:
    from keuzehulp.services.opstart import Opstart
    from keuzehulp.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# The screens `MainWindow.vul_in` builds (more are imported later, when they are opened).
# PySide6's lazy class loading crashed when a worker imported Qt or UI modules
# (ui/voorladen.py): the launch thread imports only what is Qt-free behind them (SQLAlchemy,
# pydantic, the models and services: most of the CPU time); the UI modules themselves are
# imported on the GUI thread, one per event-loop turn, before the window is filled in.
SCHERMEN: tuple[str, ...] = (
    "keuzehulp.ui.context",
    "keuzehulp.ui.zoeken",
    "keuzehulp.ui.gesprek.koppeling",
    "keuzehulp.ui.bronbestand.acties",
    "keuzehulp.ui.catalogusvolger",
)
# Qt-free, loaded when the catalogue opens or the screens fill in (not imported by the
# screens' own modules at their top level).
OOK_IN_DE_DRAAD: tuple[str, ...] = ("keuzehulp.services.opstart", "sqlalchemy.dialects.sqlite")


def _qt_vrij(naam: str) -> bool:
    """Whether importing `naam` on a worker is safe: no PySide6, none of our UI modules."""
    return not naam.startswith(("PySide6", "shiboken6", "keuzehulp.ui"))


# A safety net: the launch waits at most this long for the first paint (wall time; a loaded
# machine can take seconds to paint, so this is not the normal way it starts).
UITERLIJK_BEGINNEN_MS = 8000


class Lancering(QObject):
    """Opens the catalogue for `venster` (an empty `MainWindow()`) once it has painted.

    `klaar` is emitted when the window is filled in, or when the launch failed (`mislukt`;
    the window is then closed). `sluit()` after the event loop: lets the thread end and
    closes the database. A window shown minimised gets no paint: then it starts at the show.
    Closing the window while the catalogue opens stops the thread at its next module import
    (an upgrade of the database that has begun finishes first: it runs in one transaction).
    """

    klaar = Signal()
    _geopend = Signal(object)  # from the thread: an Opstart or the exception

    def __init__(
        self, venster: MainWindow, database_optie: str | None, gebruiker_optie: str | None
    ) -> None:
        super().__init__(venster)
        self._venster = venster
        self._opties = (database_optie, gebruiker_optie)
        self._draad: threading.Thread | None = None
        self._stop = threading.Event()  # the window closed: the thread opens nothing more
        self._uitslag: object = None  # what the thread ended with
        self._op_de_gui_draad: list[str] = []  # UI modules the screens need, leaves first
        self.opstart: Opstart | None = None
        self.mislukt = False
        self._geopend.connect(self._na_het_openen, Qt.ConnectionType.QueuedConnection)
        venster.wordt_gesloten.connect(self._stop.set)
        NaEersteTekening(venster, self._begin, UITERLIJK_BEGINNEN_MS)

    def _begin(self) -> None:
        if self._draad is not None or self._stop.is_set():
            return  # started already, or closed before its first paint: nothing to open
        self._draad = threading.Thread(target=self._open, name="keuzehulp-start", daemon=True)
        self._draad.start()

    def _open(self) -> None:
        """In the thread: import the Qt-free layers the screens need, open the catalogue."""
        from keuzehulp.services.geheugen import zonder_opruimen
        from keuzehulp.ui.voorladen import volgorde

        uitslag: object
        try:
            # Modules and classes stay for good: frozen, no collection walks them again.
            with zonder_opruimen(bevries=True):
                namen = volgorde(SCHERMEN, sys.modules)  # read from the sources, leaves first
                for naam in (*OOK_IN_DE_DRAAD, *filter(_qt_vrij, namen)):
                    if self._stop.is_set():
                        return  # the window is closed: nothing opened, nothing to close
                    importlib.import_module(naam)
            self._op_de_gui_draad = [naam for naam in namen if not _qt_vrij(naam)]
            if self._stop.is_set():
                return
            uitslag = app.open_voor_venster(*self._opties)
        except BaseException as fout:  # reported on the GUI thread
            uitslag = fout
        self._uitslag = uitslag
        if self._stop.is_set():
            return  # closed while it opened: `sluit` closes the database
        try:
            self._geopend.emit(uitslag)
        except RuntimeError:  # the window (and this object) is already gone
            log.info("Venster gesloten voordat de catalogus open was")

    def _na_het_openen(self, uitslag: object) -> None:
        venster = self._venster
        if isinstance(uitslag, BaseException):
            self.mislukt = True
            venster.unsetCursor()  # not busy while the message waits for the user
            if isinstance(uitslag, KeuzehulpError):
                QMessageBox.critical(venster, app.NIET_GESTART, uitslag.melding)
            else:
                app.toon_fout(uitslag)
            self.klaar.emit()
            venster.close()
            return
        self.opstart = uitslag  # type: ignore[assignment]
        if not venster.isVisible():  # closed while the catalogue opened: `sluit` closes it
            self.klaar.emit()
            return
        # The screens' UI modules, one per event-loop turn: the window keeps painting.
        voorlader = Voorlader(self)
        voorlader.bij_klaar = self._vul_in
        voorlader.start(self._op_de_gui_draad)

    def _vul_in(self) -> None:
        venster = self._venster
        opstart = self.opstart
        assert opstart is not None
        if not venster.isVisible():  # closed while the screens' modules loaded
            self.klaar.emit()
            return
        venster.unsetCursor()  # not busy while a dialog waits for an answer
        try:
            app.bied_voorbeeld_aan(opstart, venster)
        except KeuzehulpError as fout:
            QMessageBox.warning(venster, "Keuzehulp", fout.melding)
        # The screens are built one per event-loop turn; the messages wait for the last.
        venster.gevuld_klaar.connect(self._na_het_vullen, Qt.ConnectionType.SingleShotConnection)
        app.maak_hoofdvenster(opstart, laad_later=True, venster=venster)

    def _na_het_vullen(self) -> None:
        opstart = self.opstart
        assert opstart is not None
        if self._venster.gevuld:
            app.meld_beschadigd(opstart, self._venster)
            app.toon_waarschuwingen(opstart, self._venster)
        self.klaar.emit()

    def sluit(self) -> None:
        """After the event loop: let the thread end (it stops at its next module import; an
        opening or upgrade that has begun finishes), let the window's running work finish (at
        most 10 s), then close the database. The window is already gone meanwhile."""
        self._stop.set()
        if self._venster.isVisible():  # the event loop was quit, the window not closed
            self._venster.hide()  # gone at once, not after the thread and the work end
            QCoreApplication.processEvents()  # the hide reaches the window system
        if self._draad is not None:
            self._draad.join()
        if hasattr(self._venster, "context"):  # (partly) filled in: its loads may run
            self._venster.context.taken.wacht(10_000)  # a running save or import finishes
        opstart = self.opstart
        if opstart is None and not isinstance(self._uitslag, BaseException):
            opstart = self._uitslag  # type: ignore[assignment]  # opened after the window shut
        if opstart is not None:
            opstart.database.sluit()
        # The idle export worker ends with the window (atexit would too, later); not
        # imported when no export ran.
        if (proces := sys.modules.get("keuzehulp.services.proces")) is not None:
            proces.sluit_werkers()
