"""Layout of the Beheer instrument screen: the list on the left, the editor on the right.

Widgets only, all public; `InstrumentenView` (instrumenten_view.py) connects them to the
services. Building it reads nothing from the database: the lists fill in from a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.ui.beheer.gemeen import knoppen_raster, vaste_kolommen
from keuzehulp.ui.beheer.instrument_formulier import InstrumentFormulier
from keuzehulp.ui.beheer.modellen import STATUS_TEKST, InstrumentTabelModel, MutatieTabelModel

LIJST_BREEDTES = (260, 90, 90, 160, 80)  # px; fixed, so no column is measured over all rows

STATUS_FILTER = (("Alle statussen", None), *((STATUS_TEKST[s.value], s) for s in InstrumentStatus))


def tabel(model: QAbstractItemModel, naam: str) -> QTableView:
    """A read-only, sortable table view with an accessible name."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(naam)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


class InstrumentenIndeling(QWidget):
    """The widgets of the instrument screen; `onder_lijst` takes what goes under the list."""

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter op status")
        for tekst, status in STATUS_FILTER:
            self.status_filter.addItem(tekst, status)
        self.zoekveld = QLineEdit()
        self.zoekveld.setPlaceholderText("Zoek op naam of uitvoerder")
        self.zoekveld.setAccessibleName("Zoek instrument")
        self.model = InstrumentTabelModel(self)
        self.lijst = tabel(self.model, "Instrumenten")
        # The model sorts itself on a key per column, and only when a header is clicked.
        self.lijst.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.lijst.setSortingEnabled(True)
        vaste_kolommen(self.lijst, LIJST_BREEDTES)
        self.lijst_status = QLabel("De lijst wordt geladen…")
        self.lijst_status.setAccessibleName("Aantal instrumenten in de lijst")
        self.nieuw_knop = QPushButton("&Nieuw instrument")

        links = QWidget()
        links_lay = self.onder_lijst = QVBoxLayout(links)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.zoekveld, 1)
        links_lay.addLayout(filters)
        links_lay.addWidget(self.lijst, 1)
        links_lay.addWidget(self.lijst_status)
        links_lay.addWidget(self.nieuw_knop)

        # Routes, kenmerken and gemeenten arrive with the list (InstrumentFormulier.zet_keuzen).
        self.formulier = InstrumentFormulier([], [], [])
        self.titel = QLabel("Kies links een instrument, of maak een nieuw instrument.")
        self.titel.setStyleSheet("font-weight: bold;")
        self.titel.setWordWrap(True)
        self.ontbreekt = QLabel()
        self.ontbreekt.setWordWrap(True)
        self.ontbreekt.setAccessibleName("Wat ontbreekt")
        self.opslaan_knop = QPushButton("&Opslaan…")
        self.publiceer_knop = QPushButton("&Publiceren…")
        self.parkeer_knop = QPushButton("P&arkeren…")
        self.herstel_knop = QPushButton("Her&stellen…")
        knoppen = knoppen_raster(
            [self.opslaan_knop, self.publiceer_knop, self.parkeer_knop, self.herstel_knop]
        )
        self.formulier_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.formulier)
        self.geschiedenis_model = MutatieTabelModel(self)
        self.geschiedenis = tabel(self.geschiedenis_model, "Geschiedenis van het instrument")
        geschiedenis_label = QLabel("Ges&chiedenis (mutatielog van dit instrument):")
        geschiedenis_label.setBuddy(self.geschiedenis)
        rechts_splitter = QSplitter(Qt.Orientation.Vertical)
        rechts_splitter.addWidget(scroll)
        onder = QWidget()
        onder_lay = QVBoxLayout(onder)
        onder_lay.setContentsMargins(0, 0, 0, 0)
        onder_lay.addWidget(geschiedenis_label)
        onder_lay.addWidget(self.geschiedenis)
        rechts_splitter.addWidget(onder)
        rechts_splitter.setSizes([520, 160])
        rechts = QWidget()
        rechts_lay = QVBoxLayout(rechts)
        rechts_lay.addWidget(self.titel)
        rechts_lay.addLayout(knoppen)
        rechts_lay.addWidget(self.ontbreekt)
        rechts_lay.addWidget(rechts_splitter, 1)

        splitter = QSplitter()
        splitter.addWidget(links)
        splitter.addWidget(rechts)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([420, 760])
        QVBoxLayout(self).addWidget(splitter)
        self.formulier.setEnabled(False)
