"""The main window: tabs for Zoeken and Beheer, menus, and the status bar."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from keuzehulp.ui.bronbestand.acties import BronbestandActies
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
        self.menu_beheer = self.menuBar().addMenu("B&eheer")
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
        """The conversation screens hook in here: a Gesprek dock and a Vergelijken tab."""
        from keuzehulp.ui.gesprek.koppeling import installeer

        self.gesprek = installeer(self, self.context, self.tabs, self.zoeken)

    # --- Beheer (beheer issue) -------------------------------------------------------------

    def _bouw_beheer(self) -> None:
        from keuzehulp.services.beheer.versies import versie_tekst
        from keuzehulp.ui.beheer.beheer_tab import BeheerTab

        beheer_tab = BeheerTab(self.context)
        self.beheer: QWidget = beheer_tab
        self.tabs.addTab(self.beheer, "Behee&r")

        def ga_naar(scherm: QWidget) -> None:
            self.tabs.setCurrentWidget(beheer_tab)
            beheer_tab.toon(scherm)

        for tekst, scherm in (
            ("&Instrumenten bewerken", beheer_tab.instrumenten),
            ("&Kenmerken bewerken", beheer_tab.kenmerken),
            ("&Mutatielog", beheer_tab.log),
            ("&Versies", beheer_tab.versies),
            ("&Beheerders", beheer_tab.beheerders),
            ("&Actualiteit", beheer_tab.actualiteit),
        ):
            actie = QAction(tekst, self)
            actie.triggered.connect(lambda _=False, s=scherm: ga_naar(s))
            self.menu_beheer.addAction(actie)
        # Werkcoaches see which published version of the catalogue they search.
        self.versie_label = QLabel()
        self.versie_label.setAccessibleName("Catalogusversie")
        self.statusBar().addPermanentWidget(self.versie_label)

        def ververs_versie() -> None:
            self.versie_label.setText(versie_tekst(self.context.database))

        ververs_versie()
        self.context.gebeurtenissen.catalogus_gewijzigd.connect(ververs_versie)

    # --- Bronbestand import/export (bronbestand issue) -------------------------------------

    def _bouw_bronbestand_menu(self) -> None:
        """Import and export of the bronbestand hook in here (menu Bestand)."""
        self.bronbestand = BronbestandActies(self.context, self)
        self.menu_bestand.addAction(self.bronbestand.actie_importeren)
        self.menu_bestand.addAction(self.bronbestand.actie_exporteren)

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
