"""ZoekScherm: the three-step search the app opens on, and its contract with other screens."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext


class ZoekScherm(QWidget):
    """The search screen.

    Contract for screens built on top of it (Samen beslissen):
    - `korte_lijst_gevraagd(int)`: the user asked to put this instrument id on the short list;
    - `zoekvraag()` / `zet_zoekvraag(vraag)`: read or restore every step;
    - `zoekvraag_gewijzigd()`: any step changed;
    - `klantweergave_gewijzigd(bool)` / `zet_klantweergave(aan)`: the client view.
    """

    korte_lijst_gevraagd = Signal(int)
    zoekvraag_gewijzigd = Signal()
    klantweergave_gewijzigd = Signal(bool)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._vraag = ZoekVraag()
        self._klantweergave = False
        self.setAccessibleName("Zoeken")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Zoeken in de keuzehulp"))

    def zoekvraag(self) -> ZoekVraag:
        return self._vraag

    def zet_zoekvraag(self, vraag: ZoekVraag) -> None:
        if vraag != self._vraag:
            self._vraag = vraag
            self.zoekvraag_gewijzigd.emit()

    def klantweergave(self) -> bool:
        return self._klantweergave

    def zet_klantweergave(self, aan: bool) -> None:
        if aan != self._klantweergave:
            self._klantweergave = aan
            self.klantweergave_gewijzigd.emit(aan)

    def herlaad(self) -> None:
        """Reload the catalogue (after catalogus_gewijzigd)."""
