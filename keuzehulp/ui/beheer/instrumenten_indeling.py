"""Layout of the Beheer instrument screen: the list on the left, the editor on the right.

Widgets only, all public; `InstrumentenView` (instrumenten_view.py) connects them to the
services. Building it reads nothing from the database: the lists fill in from a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.ui.beheer.gemeen import knoppen_raster, vaste_kolommen
from keuzehulp.ui.beheer.instrument_formulier import TYPES, InstrumentFormulier
from keuzehulp.ui.beheer.modellen import STATUS_TEKST, InstrumentTabelModel, MutatieTabelModel

LIJST_BREEDTES = (180, 90, 90, 160, 80)  # px; fixed, so no column is measured over all rows
KOLOM_TYPE, KOLOM_UITVOERDER, KOLOM_GEWIJZIGD = 2, 3, 4

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
        # "Diagnose en onderzoek" on one line: the type column is as wide as the longest type.
        rand = 2 * self.lijst.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        breedste = max(self.lijst.fontMetrics().horizontalAdvance(t) for t in TYPES)
        self.lijst.horizontalHeader().resizeSection(KOLOM_TYPE, breedste + rand)
        datum = self.lijst.fontMetrics().horizontalAdvance("30-11-2026") + rand
        self.lijst.horizontalHeader().resizeSection(KOLOM_GEWIJZIGD, datum)
        # The name already ends in the provider ("Cursus NT2, Taalatelier De Waalkant"); the
        # search field finds both. Hidden, so the date fits beside the type at 1366 px.
        self.lijst.setColumnHidden(KOLOM_UITVOERDER, True)
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
        _geschiedenis_kolommen(self.geschiedenis)
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
        splitter.setSizes([560, 780])
        QVBoxLayout(self).addWidget(splitter)
        self.formulier.setEnabled(False)


def _geschiedenis_kolommen(view: QTableView) -> None:
    """One instrument's history: no columns that repeat its kind and name on every row.

    The reason comes last and takes the room that is left (cut text ends in "…"; the
    tooltip of every cell holds its full text).
    """
    titels = [k.titel for k in MutatieTabelModel.KOLOMMEN]
    header = view.horizontalHeader()
    for titel in ("Soort", "Naam"):
        view.setColumnHidden(titels.index(titel), True)
    reden = titels.index("Reden")
    header.moveSection(header.visualIndex(titels.index("Bron")), header.visualIndex(reden))
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    # Queued: runs after the view sized the columns to their contents for the new rows.
    view.model().modelReset.connect(
        lambda: QTimer.singleShot(0, lambda: _pas_in(view)), Qt.ConnectionType.QueuedConnection
    )


def _pas_in(view: QTableView, smalste: int = 70) -> None:
    """Shrink the long-text columns (old, new, source, reason) till every column is in sight."""
    header = view.horizontalHeader()
    titels = [k.titel for k in MutatieTabelModel.KOLOMMEN]
    lang = [titels.index(t) for t in ("Oud", "Nieuw", "Bron", "Reden")]
    zichtbaar = [k for k in range(header.count()) if not header.isSectionHidden(k)]
    te_veel = sum(header.sectionSize(k) for k in zichtbaar) - view.viewport().width()
    while te_veel > 0:
        # The source (an import's file name) gives way first; the reason matters more.
        bron = titels.index("Bron")
        breedste = (
            bron if header.sectionSize(bron) > 2 * smalste else max(lang, key=header.sectionSize)
        )
        if header.sectionSize(breedste) <= smalste:
            return
        stap = min(te_veel, header.sectionSize(breedste) - smalste, 40)
        header.resizeSection(breedste, header.sectionSize(breedste) - stap)
        te_veel -= stap
