"""The main window: tabs for Zoeken and Beheer, menus, and the status bar."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from keuzehulp.ui.context import AppContext
from keuzehulp.ui.over_dialog import OverDialog
from keuzehulp.ui.zoeken import ZoekScherm


class MainWindow(QMainWindow):
    """Top-level window. Each area is built by its own method, so features stay apart."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.setWindowTitle("Keuzehulp re-integratie-instrumenten")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Onderdelen")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.menu_bestand = self.menuBar().addMenu("&Bestand")
        self.menu_beeld = self.menuBar().addMenu("Bee&ld")
        self.menu_beheer = self.menuBar().addMenu("Be&heer")
        self.menu_help = self.menuBar().addMenu("&Help")

        self._bouw_zoeken()
        self._bouw_gesprek()
        self._bouw_beheer()
        self._bouw_bronbestand_menu()
        self._bouw_algemene_menus()

        context.gebeurtenissen.melding.connect(self._toon_melding)
        self.statusBar().showMessage(f"Database: {context.database.locatie}", 8000)
        self.resize(1280, 820)

    # --- Zoeken (search issue) -------------------------------------------------------------

    def _bouw_zoeken(self) -> None:
        self.zoeken = ZoekScherm(self.context)
        self.tabs.addTab(self.zoeken, "&Zoeken")
        self.context.gebeurtenissen.catalogus_gewijzigd.connect(self.zoeken.herlaad)
        self.menu_beeld.addAction(self.zoeken.actie_klantweergave)

    # --- Gesprek (samen beslissen issue) ---------------------------------------------------

    def _bouw_gesprek(self) -> None:
        """The conversation screens hook in here."""

    # --- Beheer (beheer issue) -------------------------------------------------------------

    def _bouw_beheer(self) -> None:
        self.beheer: QWidget = _leeg("Het beheer van de catalogus komt hier.")
        self.tabs.addTab(self.beheer, "&Beheer")

    # --- Bronbestand import/export (bronbestand issue) -------------------------------------

    def _bouw_bronbestand_menu(self) -> None:
        """Import and export of the bronbestand hook in here (menu Bestand)."""

    # --- General ---------------------------------------------------------------------------

    def _bouw_algemene_menus(self) -> None:
        self.menu_bestand.addSeparator()
        afsluiten = QAction("&Afsluiten", self)
        afsluiten.setShortcut(QKeySequence.StandardKey.Quit)
        afsluiten.triggered.connect(self.close)
        self.menu_bestand.addAction(afsluiten)

        self.actie_over = QAction("&Over de keuzehulp", self)
        self.actie_over.triggered.connect(self.toon_over)
        self.menu_help.addAction(self.actie_over)

    def toon_over(self) -> OverDialog:
        dialoog = OverDialog(self.context, self)
        dialoog.open()
        return dialoog

    def _toon_melding(self, tekst: str) -> None:
        self.statusBar().showMessage(tekst, 10000)


def _leeg(tekst: str) -> QWidget:
    label = QLabel(tekst)
    label.setMargin(24)
    return label
