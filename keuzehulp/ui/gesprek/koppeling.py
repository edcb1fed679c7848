"""Hooks the conversation into the main window: a Gesprek dock, a Vergelijken tab, menu items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.paneel import GesprekPaneel
from keuzehulp.ui.gesprek.vergelijk_scherm import VergelijkScherm


@dataclass
class GesprekOnderdelen:
    paneel: GesprekPaneel
    dock: QDockWidget
    vergelijk: VergelijkScherm
    acties: dict[str, QAction] = field(default_factory=dict)


class _DockBijVergelijken(QObject):
    """The comparison gets the full width: the dock steps aside while it is shown.

    Only a dock we hid comes back; a dock the user closed or opened (Beeld > Gesprek) is
    left as the user wants it. Queued, so it runs after the main window's own tab handler
    (which hides the dock on Beheer).
    """

    def __init__(self, tabs: QTabWidget, dock: QDockWidget, vergelijk: QWidget) -> None:
        super().__init__(dock)
        self.tabs, self.dock, self.vergelijk = tabs, dock, vergelijk
        self.weg_door_ons = False
        self.bij_tonen: Callable[[], None] = lambda: None
        tabs.currentChanged.connect(self._bij_tab, Qt.ConnectionType.QueuedConnection)
        dock.toggleViewAction().triggered.connect(self._keuze_gebruiker)

    def _keuze_gebruiker(self) -> None:
        self.weg_door_ons = False

    def _bij_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.vergelijk:
            self.bij_tonen()
            if not self.dock.isHidden():
                self.dock.hide()
                self.weg_door_ons = True
        elif self.weg_door_ons:
            self.dock.show()
            self.weg_door_ons = False

    def toon_dock(self) -> None:
        """After a choice in the comparison: the panel comes back with the decision check."""
        self.weg_door_ons = False
        self.dock.show()


def installeer(
    venster: QMainWindow, context: AppContext, tabs: QTabWidget, zoeken: QWidget
) -> GesprekOnderdelen:
    """The search stays the opening tab; the conversation docks beside it, one click away."""
    paneel, dock = installeer_paneel(venster, context, zoeken)
    return installeer_vergelijken(venster, tabs, paneel, dock)


def installeer_paneel(
    venster: QMainWindow, context: AppContext, zoeken: QWidget
) -> tuple[GesprekPaneel, QDockWidget]:
    """The first half of `installeer`: the panel in its dock (the launch builds the halves
    in two turns of the event loop; together they took 70+ ms of the GUI thread)."""
    paneel = GesprekPaneel(context, zoeken)
    dock = QDockWidget("Gesprek", venster)
    dock.setObjectName("gesprek_dock")
    dock.setAccessibleName("Gesprek")
    dock.setWidget(paneel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    venster.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    venster.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
    return paneel, dock


def installeer_vergelijken(
    venster: QMainWindow, tabs: QTabWidget, paneel: GesprekPaneel, dock: QDockWidget
) -> GesprekOnderdelen:
    """The second half of `installeer`: the Vergelijken tab and the menu items."""
    vergelijk = VergelijkScherm(paneel.vergelijking)
    vergelijk.setAccessibleName("Vergelijken")
    tabs.addTab(vergelijk, "Ver&gelijken")
    wissel = _DockBijVergelijken(tabs, dock, vergelijk)
    wissel.bij_tonen = paneel.vergelijking_bijwerken
    vergelijk.keuze_gevraagd.connect(paneel.kies)
    vergelijk.keuze_gevraagd.connect(lambda _id: wissel.toon_dock())
    paneel.vergelijken_gevraagd.connect(lambda: tabs.setCurrentWidget(vergelijk))
    if paneel.zoekscherm is not None:
        paneel.zoekscherm.klantweergave_gewijzigd.connect(vergelijk.zet_klantweergave)
    # Adding an option shows the panel if the coach had closed it.
    paneel.korte_lijst.rowsInserted.connect(lambda *_: dock.show())

    acties: dict[str, QAction] = {}
    menu_bestand = getattr(venster, "menu_bestand", None)
    if menu_bestand is not None:
        for sleutel, tekst, toets, slot in (
            ("nieuw", "&Nieuw gesprek", QKeySequence.StandardKey.New, paneel.nieuw_gesprek),
            ("openen", "Gesprek &openen…", QKeySequence.StandardKey.Open, paneel.kies_gesprek),
            ("bewaren", "Gesprek &bewaren", QKeySequence.StandardKey.Save, paneel.bewaar),
            ("pdf", "&PDF voor de klant…", QKeySequence.StandardKey.Print, paneel.maak_klant_pdf),
            ("profiel", "Mijn &contactgegevens…", None, paneel.bewerk_profiel),
        ):
            actie = QAction(tekst, venster)
            if toets is not None:
                actie.setShortcut(toets)
            actie.triggered.connect(slot)
            menu_bestand.addAction(actie)
            acties[sleutel] = actie
    menu_beeld = getattr(venster, "menu_beeld", None)
    if menu_beeld is not None:
        toon = dock.toggleViewAction()
        toon.setText("&Gesprek")
        toon.setShortcut(QKeySequence("Ctrl+G"))
        menu_beeld.addAction(toon)
    return GesprekOnderdelen(paneel, dock, vergelijk, acties)
