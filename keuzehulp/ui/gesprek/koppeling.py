"""Hooks the conversation into the main window: a Gesprek dock, a Vergelijken tab, menu items."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
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


def installeer(
    venster: QMainWindow, context: AppContext, tabs: QTabWidget, zoeken: QWidget
) -> GesprekOnderdelen:
    """The search stays the opening tab; the conversation docks beside it, one click away."""
    paneel = GesprekPaneel(context, zoeken)
    dock = QDockWidget("Gesprek", venster)
    dock.setObjectName("gesprek_dock")
    dock.setAccessibleName("Gesprek")
    dock.setWidget(paneel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetMovable
        | QDockWidget.DockWidgetFeature.DockWidgetClosable
    )
    dock.setMinimumWidth(340)
    venster.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    venster.resizeDocks([dock], [420], Qt.Orientation.Horizontal)

    vergelijk = VergelijkScherm(paneel.vergelijking)
    vergelijk.setAccessibleName("Vergelijken")
    tabs.addTab(vergelijk, "Ver&gelijken")
    vergelijk.keuze_gevraagd.connect(paneel.kies)
    paneel.vergelijken_gevraagd.connect(lambda: tabs.setCurrentWidget(vergelijk))
    # Adding an option shows the panel if the coach had closed it.
    paneel.korte_lijst.rowsInserted.connect(lambda *_: dock.show())

    menu_bestand = getattr(venster, "menu_bestand", None)
    if menu_bestand is not None:
        for tekst, toets, slot in (
            ("&Nieuw gesprek", QKeySequence.StandardKey.New, paneel.nieuw_gesprek),
            ("Gesprek &openen…", QKeySequence.StandardKey.Open, paneel.kies_gesprek),
            ("Gesprek &bewaren", QKeySequence.StandardKey.Save, paneel.bewaar),
            ("&PDF voor de klant…", QKeySequence.StandardKey.Print, paneel.maak_klant_pdf),
        ):
            actie = QAction(tekst, venster)
            actie.setShortcut(toets)
            actie.triggered.connect(slot)
            menu_bestand.addAction(actie)
    menu_beeld = getattr(venster, "menu_beeld", None)
    if menu_beeld is not None:
        toon = dock.toggleViewAction()
        toon.setText("&Gesprek")
        toon.setShortcut(QKeySequence("Ctrl+G"))
        menu_beeld.addAction(toon)
    return GesprekOnderdelen(paneel, dock, vergelijk)
