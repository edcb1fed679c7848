"""The mutation log viewer: filter by instrument, user and period; export to Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QThreadPool
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.beheer import instrumenten, mutatielog
from keuzehulp.services.beheer.mutatielog import MutatieFilter
from keuzehulp.ui.beheer.gemeen import Taak
from keuzehulp.ui.beheer.instrumenten_view import tabel
from keuzehulp.ui.beheer.modellen import MutatieTabelModel
from keuzehulp.ui.context import AppContext

MAX_REGELS = 5000


def _datum(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class LogView(QWidget):
    """Read-only for everyone: the log is append-only, so there is nothing to edit here."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.pool = QThreadPool.globalInstance()
        self.instrument = QComboBox()
        self.instrument.setAccessibleName("Filter op instrument")
        self.gebruiker = QComboBox()
        self.gebruiker.setAccessibleName("Filter op gebruiker")
        vandaag = QDate.currentDate()
        self.sinds_aan = QCheckBox("&Sinds")
        self.sinds = QDateEdit(vandaag.addMonths(-1))
        self.tot_aan = QCheckBox("T&ot en met")
        self.tot = QDateEdit(vandaag)
        for w, naam in ((self.sinds, "Sinds datum"), (self.tot, "Tot en met datum")):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd-MM-yyyy")
            w.setAccessibleName(naam)
            w.setEnabled(False)
        self.sinds_aan.toggled.connect(self.sinds.setEnabled)
        self.tot_aan.toggled.connect(self.tot.setEnabled)
        self.export_knop = QPushButton("E&xporteren naar Excel…")
        self.aantal = QLabel()
        self.model = MutatieTabelModel(self)
        self.tabel = tabel(self.model, "Mutatielog")
        filters = QHBoxLayout()
        for label, combo in (("Instr&ument:", self.instrument), ("Gebruik&er:", self.gebruiker)):
            lab = QLabel(label)
            lab.setBuddy(combo)
            filters.addWidget(lab)
            filters.addWidget(combo, 1)
        for widget in (self.sinds_aan, self.sinds, self.tot_aan, self.tot):
            filters.addWidget(widget)
        filters.addWidget(self.export_knop)
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addWidget(self.tabel, 1)
        lay.addWidget(self.aantal)
        for signaal in (
            self.instrument.currentIndexChanged,
            self.gebruiker.currentIndexChanged,
            self.sinds_aan.toggled,
            self.tot_aan.toggled,
            self.sinds.dateChanged,
            self.tot.dateChanged,
        ):
            signaal.connect(self.toon)
        self.export_knop.clicked.connect(self._on_export)
        self.ververs()

    def ververs(self) -> None:
        """Reload the filter choices (new instruments, users) and the rows."""
        db = self.context.database
        gekozen_i, gekozen_g = self.instrument.currentData(), self.gebruiker.currentData()
        for combo in (self.instrument, self.gebruiker):
            combo.blockSignals(True)
            combo.clear()
        self.instrument.addItem("Alle instrumenten", None)
        for r in instrumenten.lijst_instrumenten(db):
            self.instrument.addItem(r.naam, r.id)
        self.gebruiker.addItem("Alle gebruikers", None)
        for g in mutatielog.gebruikers_in_log(db):
            self.gebruiker.addItem(g, g)
        self.instrument.setCurrentIndex(max(0, self.instrument.findData(gekozen_i)))
        self.gebruiker.setCurrentIndex(max(0, self.gebruiker.findData(gekozen_g)))
        for combo in (self.instrument, self.gebruiker):
            combo.blockSignals(False)
        self.toon()

    def filter(self) -> MutatieFilter:
        return MutatieFilter(
            instrument_id=self.instrument.currentData(),
            gebruiker=self.gebruiker.currentData(),
            sinds=_datum(self.sinds.date()) if self.sinds_aan.isChecked() else None,
            tot=_datum(self.tot.date()) if self.tot_aan.isChecked() else None,
        )

    def toon(self) -> None:
        try:
            regels = mutatielog.zoek_mutaties(self.context.database, self.filter(), MAX_REGELS)
        except KeuzehulpError as fout:  # e.g. 'tot' before 'sinds'
            self.model.zet_rijen([])
            self.aantal.setText(fout.melding)
            return
        self.model.zet_rijen(regels)
        meer = " (de nieuwste; exporteer voor alles)" if len(regels) == MAX_REGELS else ""
        self.aantal.setText(f"{len(regels)} mutaties{meer}, nieuwste bovenaan.")
        self.tabel.resizeColumnsToContents()

    def _on_export(self) -> None:
        pad, _ = QFileDialog.getSaveFileName(
            self, "Mutatielog exporteren", "mutatielog.xlsx", "Excel-bestanden (*.xlsx)"
        )
        if not pad:
            return
        if not pad.lower().endswith(".xlsx"):
            pad += ".xlsx"
        filter_, db = self.filter(), self.context.database
        self.export_knop.setEnabled(False)
        self.aantal.setText("Bezig met exporteren…")
        self.taak = Taak(lambda: mutatielog.exporteer_xlsx(db, Path(pad), filter_))
        self.taak.signalen.klaar.connect(
            lambda n: self._export_klaar(f"{n} mutaties geschreven naar {pad}.")
        )
        self.taak.signalen.fout.connect(self._export_fout)
        self.pool.start(self.taak)

    def _export_klaar(self, melding: str) -> None:
        self.export_knop.setEnabled(True)
        self.aantal.setText(melding)
        self.context.gebeurtenissen.melding.emit(melding)

    def _export_fout(self, melding: str) -> None:
        self.export_knop.setEnabled(True)
        self.aantal.setText("Exporteren is mislukt.")
        QMessageBox.warning(self, "Exporteren mislukt", melding)
