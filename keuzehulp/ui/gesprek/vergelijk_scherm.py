"""The side-by-side comparison: one column per option, one row per question a client asks."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from keuzehulp.ui.gesprek.modellen import VergelijkModel

UITLEG = (
    "Zet 2 tot 5 opties op de korte lijst. Dan zie je ze hier naast elkaar. "
    "Klik op een naam bovenaan om die optie te kiezen."
)

PADDING_Y, PADDING_X = 6, 8


class VergelijkScherm(QWidget):
    """Shown to coach and client together: large type, B1 texts, a click on a name chooses."""

    keuze_gevraagd = Signal(int)  # instrument id

    def __init__(self, model: VergelijkModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.uitleg = QLabel(UITLEG)
        self.uitleg.setWordWrap(True)
        groot = QFont(self.uitleg.font())
        groot.setPointSizeF(max(groot.pointSizeF(), 10) * 1.2)
        self.uitleg.setFont(groot)
        self.tabel = QTableView()
        self.tabel.setModel(model)
        self.tabel.setAccessibleName("Opties naast elkaar")
        self.tabel.setWordWrap(True)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.tabel.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        lettertype = QFont(self.tabel.font())
        lettertype.setPointSizeF(max(lettertype.pointSizeF(), 10) * 1.2)
        self.tabel.setFont(lettertype)
        self.tabel.setStyleSheet(f"QTableView::item {{ padding: {PADDING_Y}px {PADDING_X}px; }}")
        boven = self.tabel.horizontalHeader()
        boven.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        boven.setSectionsClickable(True)
        # Long names ("Type, provider") wrap within their column instead of being cut off.
        boven.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        boven.sectionResized.connect(lambda *_: self._pas_hoogtes_aan())
        boven.sectionClicked.connect(self._op_kolom)
        # Keyboard path: Enter on any cell chooses that cell's option.
        self.tabel.activated.connect(lambda index: self._op_kolom(index.column()))
        self.tabel.setToolTip(
            "Klik op een naam bovenaan, of druk op Enter in een kolom, om te kiezen"
        )
        kop = QFont(lettertype)
        kop.setBold(True)
        boven.setFont(kop)
        self.tabel.verticalHeader().setFont(kop)
        # Row heights are set in _pas_hoogtes_aan: the size hint alone cuts the last line off.
        self.tabel.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        laag = QVBoxLayout(self)
        laag.addWidget(self.uitleg)
        laag.addWidget(self.tabel, 1)
        model.modelReset.connect(self._na_wissel)

    def _na_wissel(self) -> None:
        leeg = self.model.columnCount() == 0
        self.uitleg.setText(UITLEG if leeg else "Klik op een naam bovenaan om die optie te kiezen.")
        self._pas_hoogtes_aan()

    def _pas_hoogtes_aan(self) -> None:
        """Rows and the names above them follow the column width (it changes with the window)."""
        self.tabel.resizeRowsToContents()
        # The item padding (style sheet) is not in the size hint: add it, or text ends in "…".
        maten = self.tabel.fontMetrics()
        for rij in range(self.model.rowCount()):
            nodig = max(
                (
                    maten.boundingRect(
                        QRect(0, 0, max(self.tabel.columnWidth(k) - 2 * PADDING_X - 8, 40), 10_000),
                        int(Qt.TextFlag.TextWordWrap),
                        str(self.model.index(rij, k).data() or ""),
                    ).height()
                    for k in range(self.model.columnCount())
                ),
                default=0,
            )
            hoogte = nodig + 2 * PADDING_Y + 8
            if hoogte > self.tabel.rowHeight(rij):
                self.tabel.setRowHeight(rij, hoogte)
        boven = self.tabel.horizontalHeader()
        maten = boven.fontMetrics()
        vlaggen = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        hoogte = max(
            (
                maten.boundingRect(
                    QRect(0, 0, max(boven.sectionSize(k) - 16, 40), 10_000),
                    vlaggen,
                    str(self.model.headerData(k, Qt.Orientation.Horizontal)),
                ).height()
                for k in range(boven.count())
            ),
            default=0,
        )
        boven.setFixedHeight(hoogte + 12 if hoogte else boven.sizeHint().height())

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._pas_hoogtes_aan()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._pas_hoogtes_aan()

    def _op_kolom(self, kolom: int) -> None:
        instrument_id = self.model.instrument_id(kolom)
        if instrument_id is not None:
            self.keuze_gevraagd.emit(instrument_id)
