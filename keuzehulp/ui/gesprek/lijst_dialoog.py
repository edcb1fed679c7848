"""A dialog listing stored conversations, to reopen one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.services.gesprek import GesprekRegel

KOLOMMEN = ("Nr.", "Datum", "Coach", "Doel", "Keuze")


class GesprekkenDialoog(QDialog):
    """Choose a stored conversation; `gekozen_id()` after accept."""

    def __init__(self, regels: list[GesprekRegel], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Gesprek openen")
        self.tabel = QTableWidget(len(regels), len(KOLOMMEN))
        self.tabel.setAccessibleName("Bewaarde gesprekken")
        self.tabel.setHorizontalHeaderLabels(KOLOMMEN)
        self.tabel.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.tabel.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for rij, r in enumerate(regels):
            waarden = (str(r.id), f"{r.datum:%d-%m-%Y}", r.coach, r.doel, r.keuze or "–")
            for kolom, waarde in enumerate(waarden):
                item = QTableWidgetItem(waarde)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.tabel.setItem(rij, kolom, item)
        self.tabel.resizeColumnsToContents()
        self.tabel.horizontalHeader().setStretchLastSection(True)
        self.tabel.doubleClicked.connect(self.accept)
        knoppen = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        knoppen.button(QDialogButtonBox.StandardButton.Open).setText("&Openen")
        knoppen.button(QDialogButtonBox.StandardButton.Cancel).setText("&Annuleren")
        knoppen.accepted.connect(self.accept)
        knoppen.rejected.connect(self.reject)
        laag = QVBoxLayout(self)
        if not regels:
            laag.addWidget(QLabel("Er zijn nog geen gesprekken bewaard."))
        laag.addWidget(self.tabel)
        laag.addWidget(knoppen)
        if regels:
            self.tabel.selectRow(0)
        self.resize(760, 420)

    def gekozen_id(self) -> int | None:
        rijen = self.tabel.selectionModel().selectedRows()
        if not rijen:
            return None
        item = self.tabel.item(rijen[0].row(), 0)
        return int(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
