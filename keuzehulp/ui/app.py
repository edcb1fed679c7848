"""Start the GUI: open the catalogue (with Dutch messages on failure), then the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.gebruiker import huidige_gebruiker
from keuzehulp.services.opstart import Opstart, open_catalogus
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def maak_applicatie(argv: list[str] | None = None) -> QApplication:
    bestaand = QApplication.instance()
    if isinstance(bestaand, QApplication):
        return bestaand
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("keuzehulp")
    app.setApplicationDisplayName("Keuzehulp")
    app.setOrganizationName("Keuzehulp")
    installeer_nederlands(app)
    return app


def installeer_nederlands(app: QApplication) -> QTranslator | None:
    """Qt's own texts in Dutch (file dialog, standard buttons such as Ja/Nee/Annuleren).

    Uses the qtbase_nl translation that ships with PySide6; None when it is not there.
    """
    vertaler = QTranslator(app)
    pad = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not vertaler.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", pad):
        log.info("Geen Nederlandse Qt-vertaling gevonden in %s", pad)
        return None
    app.installTranslator(vertaler)
    from keuzehulp.ui.vertaling import AanvullendeVertaling

    # Installed last, asked first: it answers only the few texts qtbase_nl leaves English.
    app.installTranslator(AanvullendeVertaling(vertaler))
    return vertaler


def open_of_meld(database_optie: str | None, gebruiker_optie: str | None) -> Opstart | None:
    """Open the catalogue; on failure show a Dutch message box instead of a traceback."""
    try:
        return open_catalogus(database_optie, huidige_gebruiker(gebruiker_optie))
    except KeuzehulpError as fout:
        QMessageBox.critical(None, "Keuzehulp kan niet starten", fout.melding)
        return None


def maak_hoofdvenster(opstart: Opstart) -> MainWindow:
    venster = MainWindow(AppContext(database=opstart.database, gebruiker=opstart.gebruiker))
    for melding in opstart.meldingen:
        venster.statusBar().showMessage(melding, 15000)
    return venster


def start_gui(database_optie: str | None, gebruiker_optie: str | None) -> int:
    """Open the window; 1 (with a Dutch message on stderr) when there is no screen for it."""
    from keuzehulp.ui.beeldscherm import geen_scherm_melding
    from keuzehulp.ui.venstertoestand import onthoud_toestand

    if (melding := geen_scherm_melding()) is not None:
        # Before QApplication: without a screen Qt's xcb plugin aborts the process (exit 134).
        sys.stderr.write(f"keuzehulp: {melding}\n")
        return 1
    app = maak_applicatie()
    opstart = open_of_meld(database_optie, gebruiker_optie)
    if opstart is None:
        return 1
    venster = maak_hoofdvenster(opstart)
    onthoud_toestand(venster)  # size, position and maximised state of the last time
    venster.show()
    try:
        return app.exec()
    finally:
        opstart.database.sluit()
