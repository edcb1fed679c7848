"""The right-hand part of the search screen as a layout class: count, sort, chips, cards, details.

Public widgets, no search logic: `ZoekScherm` connects them.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.zoeken import teksten as tk
from keuzehulp.ui.zoeken.chips import ChipsBalk, NietsGevonden
from keuzehulp.ui.zoeken.detail import DetailPaneel
from keuzehulp.ui.zoeken.kaartmodel import ResultatenModel
from keuzehulp.ui.zoeken.kaartweergave import KaartenLijst


class ResultatenDeel(QSplitter):
    """Cards above or beside the details: side by side when there is room, else stacked."""

    NAAST_ELKAAR_VANAF = 900  # px: two readable columns of at least ~450 px

    def __init__(self, model: ResultatenModel) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.aantal = QLabel()
        self.aantal.setAccessibleName("Aantal gevonden instrumenten")
        self.aantal.setWordWrap(True)  # narrow screens: the count may take two lines
        self.samenvatting = QLabel(tk.NIETS_GEKOZEN)
        self.samenvatting.setWordWrap(True)
        self.samenvatting.setAccessibleName("Gekozen in de stappen")
        self.knop_alles_wissen = QPushButton("Alles w&issen")
        self.knop_alles_wissen.setAccessibleName("Wis de keuzes van alle stappen")
        self.chips = ChipsBalk(self.samenvatting, self.knop_alles_wissen)

        self.sortering = QComboBox()
        self.sortering.setAccessibleName("Sorteren op")
        # It may shrink on a narrow bar, but never below its usual choice.
        self.sortering.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sortering.setMinimumContentsLength(len("Best passend"))
        # No mnemonic: Alt+S is the conversation panel's "Soort doel".
        self.sorteer_label = QLabel("Sorteren:")
        self.sorteer_label.setBuddy(self.sortering)
        self.knop_korte_lijst = QPushButton("Op de korte lijst")
        self.knop_korte_lijst.setToolTip("Zet het gekozen instrument op de korte lijst (Ctrl+L)")
        self.knop_korte_lijst.setAccessibleName("Zet het gekozen instrument op de korte lijst")
        self.knop_korte_lijst.setEnabled(False)
        self.knop_stappen = QPushButton("◂ Stappen")
        self.knop_stappen.setToolTip("Toon de drie stappen weer (Alt+1, Alt+2, Alt+3)")
        self.knop_stappen.setAccessibleName("Toon de drie stappen weer")
        self.knop_stappen.hide()
        balk = QHBoxLayout()
        balk.addWidget(self.knop_stappen)
        balk.addWidget(self.aantal, 1)
        balk.addWidget(self.sorteer_label)
        balk.addWidget(self.sortering)
        balk.addWidget(self.knop_korte_lijst)

        self.kaarten = KaartenLijst()
        self.kaarten.setModel(model)
        self.kaarten.setAccessibleName("Gevonden instrumenten")
        self.niets = NietsGevonden()
        self.lijst_of_niets = QStackedWidget()
        self.lijst_of_niets.addWidget(self.kaarten)
        self.lijst_of_niets.addWidget(self.niets)
        self.detail = DetailPaneel()
        self.detail.hide()  # opens with the first chosen card; the list has all room till then

        boven = QWidget()
        boven_layout = QVBoxLayout(boven)
        boven_layout.setContentsMargins(0, 0, 0, 0)
        boven_layout.addLayout(balk)
        boven_layout.addWidget(self.chips)
        boven_layout.addWidget(self.lijst_of_niets, 1)
        self.addWidget(boven)
        self.addWidget(self.detail)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """Side by side is only a way to use spare room: the minimum width is the stacked one.

        Otherwise the side-by-side minimum (both parts' minima) holds the search screen wide
        after it had the full width (Vergelijken and back), and the window grows past a
        1366 px screen instead of the results switching back to stacked.
        """
        hint = super().minimumSizeHint()
        if self.orientation() == Qt.Orientation.Horizontal:
            delen = [self.widget(i) for i in range(self.count())]
            breedten = [d.minimumSizeHint().width() for d in delen if d and not d.isHidden()]
            hint.setWidth(max(breedten, default=0))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        gewenst = (
            Qt.Orientation.Horizontal
            if event.size().width() >= self.NAAST_ELKAAR_VANAF
            else Qt.Orientation.Vertical
        )
        if gewenst == self.orientation():
            super().resizeEvent(event)
            return
        # Turn, share out and resize, then re-flow the cards once (after the last width they
        # get): each width on the way re-measured a batch of cards (issue 13).
        with self.kaarten.samen_indelen():
            self.setOrientation(gewenst)
            self.verdeel()
            super().resizeEvent(event)

    def verdeel(self) -> None:
        """Give the cards 55 % (side by side) or 60 % (stacked) of the room."""
        naast = self.orientation() == Qt.Orientation.Horizontal
        totaal = self.width() if naast else self.height()
        deel = totaal * (55 if naast else 60) // 100
        self.setSizes([deel, totaal - deel])
