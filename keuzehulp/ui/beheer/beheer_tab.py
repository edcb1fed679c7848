"""The Beheer tab: one sub-tab per task; every screen refreshes on `catalogus_gewijzigd`."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from keuzehulp.services.rollen import is_beheerder
from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
from keuzehulp.ui.beheer.kenmerken_view import KenmerkenView
from keuzehulp.ui.beheer.lijsten_view import ActualiteitView, BeheerdersView, VersiesView
from keuzehulp.ui.beheer.log_view import LogView
from keuzehulp.ui.beheer.opmerkingen_view import OpmerkingenView
from keuzehulp.ui.context import AppContext


class BeheerTab(QWidget):
    """Instruments, kenmerken, log, versions, beheerders and upkeep for the beheergroep."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        with context.database.lezen() as s:
            self.beheerder = is_beheerder(s, context.gebruiker)
        self.rol = QLabel(
            f"U werkt als beheerder ({context.gebruiker}). Elke wijziging komt in het mutatielog."
            if self.beheerder
            else f"U bent werkcoach ({context.gebruiker}). U kunt hier kijken, niet wijzigen. "
            "Alleen beheerders wijzigen de catalogus."
        )
        self.rol.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Beheertaken")
        self.instrumenten = InstrumentenView(context, self.beheerder)
        self.kenmerken = KenmerkenView(context, self.beheerder)
        self.log = LogView(context)
        self.versies = VersiesView(context, self.beheerder)
        self.beheerders = BeheerdersView(context, self.beheerder)
        self.actualiteit = ActualiteitView(context, self.beheerder)
        self.opmerkingen = OpmerkingenView(context, self.beheerder)
        for view, titel in (
            (self.instrumenten, "&Instrumenten"),
            (self.kenmerken, "&Kenmerken"),
            (self.log, "&Mutatielog"),
            (self.versies, "&Versies"),
            (self.beheerders, "Beheer&ders"),
            (self.actualiteit, "Ac&tualiteit"),
            (self.opmerkingen, "&Opmerkingen"),
        ):
            self.tabs.addTab(view, titel)
        lay = QVBoxLayout(self)
        lay.addWidget(self.rol)
        lay.addWidget(self.tabs, 1)
        self._verouderd: set[QWidget] = set()
        self.tabs.currentChanged.connect(self._bij_wissel)
        context.gebeurtenissen.catalogus_gewijzigd.connect(self.ververs)

    def _schermen(
        self,
    ) -> list[
        InstrumentenView
        | KenmerkenView
        | LogView
        | VersiesView
        | BeheerdersView
        | ActualiteitView
        | OpmerkingenView
    ]:
        return [
            self.instrumenten,
            self.kenmerken,
            self.log,
            self.versies,
            self.beheerders,
            self.actualiteit,
            self.opmerkingen,
        ]

    def ververs(self) -> None:
        """The catalogue changed: reload the visible screen now, the others when shown."""
        for scherm in self._schermen():
            if scherm is self.tabs.currentWidget():
                scherm.ververs()
            else:
                self._verouderd.add(scherm)

    def _bij_wissel(self, _index: int) -> None:
        scherm = self.tabs.currentWidget()
        if scherm in self._verouderd:
            self._verouderd.discard(scherm)
            for kandidaat in self._schermen():
                if kandidaat is scherm:
                    kandidaat.ververs()

    def toon(self, scherm: QWidget) -> None:
        self.tabs.setCurrentWidget(scherm)
