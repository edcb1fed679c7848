"""The search screen's layout: steps on the left, the result cards and details on the right.

Only widgets, their models and their arrangement; `zoek_scherm.ZoekScherm` (the controller)
connects them, searches and fills them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.zoeken import teksten as tk
from keuzehulp.ui.zoeken.kaartmodel import ResultatenModel
from keuzehulp.ui.zoeken.kenmerkboom import KenmerkBoomModel
from keuzehulp.ui.zoeken.modellen import WaardenModel
from keuzehulp.ui.zoeken.praktisch import PraktischStap
from keuzehulp.ui.zoeken.resultaten import ResultatenDeel
from keuzehulp.ui.zoeken.stappen import KenmerkStap, RouteStap

STAPPEN_BREEDTE = 330  # px of the steps column in the coach view; the cards get the rest


class ZoekSchermView(QWidget):
    """The search screen's widgets and item models, public for the controller and tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Zoeken")
        self.kenmerk_model = KenmerkBoomModel()
        self.facet_modellen = {sleutel: WaardenModel(sleutel) for sleutel in tk.SECTIES}
        self.gemeente_model = self.facet_modellen["gemeenten"]
        self.type_model = self.facet_modellen["types"]
        self.onderbouwing_model = self.facet_modellen["onderbouwing"]
        self.resultaten_model = ResultatenModel()

        self._bouw_kop()
        self._bouw_stappen()
        self._bouw_resultaten()
        links = QWidget()
        links_layout = QVBoxLayout(links)
        links_layout.setContentsMargins(0, 0, 0, 0)
        links_layout.addLayout(self._kop)
        links_layout.addWidget(self.stappen, 1)
        links_layout.addWidget(self.niet_alles)
        self.stappen_kolom = links
        hoofd = QSplitter(Qt.Orientation.Horizontal)
        hoofd.addWidget(links)
        hoofd.addWidget(self._resultaten_deel)
        hoofd.setStretchFactor(0, 0)
        hoofd.setStretchFactor(1, 1)
        hoofd.setSizes([STAPPEN_BREEDTE, 620])
        hoofd.setChildrenCollapsible(False)
        self.splitter = hoofd
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(hoofd, 1)

    def _bouw_kop(self) -> None:
        self.titel = QLabel(tk.TITEL)
        self.titel.setWordWrap(True)
        self.actie_klantweergave = QAction("&Klantweergave", self)
        self.actie_klantweergave.setCheckable(True)
        self.actie_klantweergave.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.actie_klantweergave.setToolTip(
            "Grote kaarten en gewone taal voor de klant; interne velden verborgen (Ctrl+Shift+K)"
        )
        self.knop_klant = QToolButton()
        self.knop_klant.setDefaultAction(self.actie_klantweergave)
        self.knop_klant.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.knop_klant.setAccessibleName("Klantweergave aan of uit")
        self._kop = QHBoxLayout()
        self._kop.addWidget(self.titel, 1)
        self._kop.addWidget(self.knop_klant)
        self.niet_alles = QLabel(tk.NIET_ALLES)
        self.niet_alles.setWordWrap(True)
        self.niet_alles.setAccessibleName("Let op: niet het hele aanbod")
        self.niet_alles.setStyleSheet(
            "background: #eef4fb; color: #1d3a5c; border: 1px solid #b8cce4; padding: 4px;"
        )

    def _bouw_stappen(self) -> None:
        self.route_stap = RouteStap()
        self.kenmerk_stap = KenmerkStap(self.kenmerk_model)
        self.praktisch_stap = PraktischStap(self.facet_modellen)
        self.praktisch_stap.zet_titels(tk.SECTIE_TITELS)
        self.stappen = QTabWidget()
        self.stappen.setAccessibleName("Stappen")
        for stap, tekst in zip(
            (self.route_stap, self.kenmerk_stap, self.praktisch_stap), tk.STAPPEN, strict=True
        ):
            self.stappen.addTab(stap, tekst)
        self.zet_stapnamen(klant=False)
        # All three steps stay in sight instead of scrolling away.
        self.stappen.setUsesScrollButtons(False)
        self.stappen.setElideMode(Qt.TextElideMode.ElideNone)

    def zet_stapnamen(self, *, klant: bool) -> None:
        """The steps' tab names and tooltips, for the coach or (B1) the client."""
        namen = tk.STAPPEN_KLANT if klant else tk.STAPPEN
        uitleg = tk.STAP_UITLEG_KLANT if klant else tk.STAP_UITLEG
        for i in range(3):
            self.stappen.setTabText(i, namen[i])
            self.stappen.setTabToolTip(i, uitleg[i])

    def _bouw_resultaten(self) -> None:
        deel = ResultatenDeel(self.resultaten_model)
        self._resultaten_deel = deel
        # The widgets under the names the steps, tests and other screens use.
        self.aantal, self.samenvatting, self.chips = deel.aantal, deel.samenvatting, deel.chips
        self.knop_alles_wissen, self.sortering = deel.knop_alles_wissen, deel.sortering
        self.sorteer_label, self.knop_korte_lijst = deel.sorteer_label, deel.knop_korte_lijst
        self.knop_stappen, self.kaarten, self.niets = deel.knop_stappen, deel.kaarten, deel.niets
        self.lijst_of_niets, self.detail = deel.lijst_of_niets, deel.detail
        self.tabel = self.kaarten  # the name older screens and tests use

    def stappen_in_zicht(self) -> bool:
        return not self.stappen_kolom.isHidden()

    def _toon_stappen(self, aan: bool) -> None:
        """Show or hide the steps column (hidden while the client reads a card's details)."""
        self.stappen_kolom.setVisible(aan)
        self.knop_stappen.setVisible(not aan)
