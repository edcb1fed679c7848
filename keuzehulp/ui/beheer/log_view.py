"""The mutation log viewer: filter by instrument, user and period; export to Excel.

Everything loads in the background: the choice lists, then the newest page of rows; older
pages follow when the user scrolls down (keyset paging), so a long log never blocks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.services.beheer.mutatielog import MutatieFilter, MutatieRegel
from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.beheer.gemeen import VELD_MAX_BREEDTE, smalle_keuzelijst
from keuzehulp.ui.beheer.instrumenten_indeling import tabel
from keuzehulp.ui.beheer.kolommen import deel_breedte, zet_verschil_kolommen
from keuzehulp.ui.beheer.modellen import KeuzeModel, MutatiePaginaModel
from keuzehulp.ui.bestandskeuze import kies_exportbestand
from keuzehulp.ui.context import AppContext

PAGINA = 500  # log rows per page
# The long-text columns share the width left by time, user, action and kind like this.
LOG_GEWICHTEN = {
    "Naam": 1.8,
    "Veld": 1.0,
    "Oud": 1.6,
    "Nieuw": 1.6,
    "Reden": 1.6,
    "Bron": 1.4,  # "bewerking in Beheer" whole at 1366 px
}
# The short columns: as wide as their header or longest known value.
LOG_VAST = {
    "Tijdstip": ("30-11-2026 23:59",),
    "Gebruiker": ("Gebruiker", "beheerder1"),
    "Actie": ("toegevoegd", "verwijderd", "gewijzigd"),
    "Soort": ("catalogusversie", "instrument", "beheerder"),
}


def _datum(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


class LogView(QWidget):
    """Read-only for everyone: the log is append-only, so there is nothing to edit here."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.instrument = QComboBox()
        self.instrument_model = KeuzeModel(self)
        self.instrument.setModel(self.instrument_model)
        self.instrument.view().setUniformItemSizes(True)  # type: ignore[attr-defined]
        self.instrument.setAccessibleName("Filter op instrument")
        self.gebruiker = QComboBox()
        self.gebruiker.setAccessibleName("Filter op gebruiker")
        smalle_keuzelijst(self.instrument, 24)
        smalle_keuzelijst(self.gebruiker, 12)
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
        self.aantal.setWordWrap(True)
        self.model = MutatiePaginaModel(self)
        self.model.paginagrootte = PAGINA
        self.model.laad_pagina = self._laad_pagina
        self.tabel = tabel(self.model, "Mutatielog")
        titels = [k.titel for k in self.model.KOLOMMEN]
        deel_breedte(
            self.tabel,
            {titels.index(t): teksten for t, teksten in LOG_VAST.items()},
            {titels.index(t): g for t, g in LOG_GEWICHTEN.items()},
        )
        zet_verschil_kolommen(self.tabel, titels.index("Oud"), titels.index("Nieuw"))
        self._generatie = 0  # a newer filter makes pages of an older one void
        self._keuzes_laden = False
        filters = QHBoxLayout()
        for label, combo in (("Instr&ument:", self.instrument), ("Gebruik&er:", self.gebruiker)):
            lab = QLabel(label)
            lab.setBuddy(combo)
            filters.addWidget(lab)
            filters.addWidget(combo, 1 if combo is self.instrument else 0)
            filters.addSpacing(12)
        # Wide enough for a long instrument name, not the whole window (1366 px).
        self.instrument.setMaximumWidth(VELD_MAX_BREEDTE + 160)
        filters.addStretch(1)
        # The dates and the export button get a row of their own: narrow screens.
        periode = QHBoxLayout()
        for widget in (self.sinds_aan, self.sinds, self.tot_aan, self.tot):
            periode.addWidget(widget)
        periode.addStretch(1)
        periode.addWidget(self.export_knop)
        lay = QVBoxLayout(self)
        lay.addLayout(filters)
        lay.addLayout(periode)
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
        """Reload the filter choices (new instruments, users) in the background, then rows."""
        beheer = self.context.beheer
        self.aantal.setText("Het mutatielog wordt geladen…")
        self._keuzes_laden = True
        self.context.taken.start_functie(
            lambda: (beheer.instrument_namen(), beheer.gebruikers_in_log()),
            "keuzes van het mutatielog laden",
            bij_klaar=self._keuzes_geladen,
            bij_fout=self._keuzes_mislukt,
            eigenaar=self,
        )

    def _keuzes_geladen(self, keuzes: tuple[list[tuple[int, str]], list[str]]) -> None:
        namen, gebruikers = keuzes
        self._keuzes_laden = False
        gekozen_i, gekozen_g = self.instrument.currentData(), self.gebruiker.currentData()
        for combo in (self.instrument, self.gebruiker):
            combo.blockSignals(True)
        self.instrument_model.zet_items([("Alle instrumenten", None), *((n, i) for i, n in namen)])
        self.gebruiker.clear()
        self.gebruiker.addItem("Alle gebruikers", None)
        for g in gebruikers:
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
        """Load the newest page for the current filter in the background."""
        self._generatie += 1
        generatie, beheer, filter_ = self._generatie, self.context.beheer, self.filter()
        self.model.laadt = True
        self.context.taken.start_functie(
            lambda: beheer.zoek_mutaties(filter_, PAGINA),
            "mutatielog laden",
            bij_klaar=lambda regels: self._eerste_pagina(generatie, regels),
            bij_fout=lambda melding: self._geen_pagina(generatie, melding),
            eigenaar=self,
        )

    @property
    def laadt(self) -> bool:
        """Whether choices or rows are still on their way."""
        return self._keuzes_laden or self.model.laadt

    def _keuzes_mislukt(self, melding: str) -> None:
        self._keuzes_laden = False
        self.aantal.setText(melding)

    def _eerste_pagina(self, generatie: int, regels: list[MutatieRegel]) -> None:
        if generatie == self._generatie:
            self.model.zet_pagina(regels)
            self._toon_aantal()

    def _geen_pagina(self, generatie: int, melding: str) -> None:
        if generatie == self._generatie:  # e.g. 'tot' before 'sinds'
            self.model.zet_pagina([])
            self.aantal.setText(melding)

    def _laad_pagina(self, voor_id: int, klaar: Callable[[list[MutatieRegel]], None]) -> None:
        generatie, beheer, filter_ = self._generatie, self.context.beheer, self.filter()

        def erbij(regels: list[MutatieRegel]) -> None:
            if generatie == self._generatie:
                klaar(regels)
                self._toon_aantal()

        self.context.taken.start_functie(
            lambda: beheer.zoek_mutaties(filter_, PAGINA, voor_id=voor_id),
            "oudere mutaties laden",
            bij_klaar=erbij,
            bij_fout=lambda melding: self._geen_pagina(generatie, melding),
            eigenaar=self,
        )

    def _toon_aantal(self) -> None:
        n = self.model.rowCount()
        meer = "; scroll omlaag voor oudere" if self.model.meer else ""
        self.aantal.setText(f"{n} mutaties getoond, nieuwste bovenaan{meer}.")

    def _on_export(self) -> None:
        gekozen = kies_exportbestand(
            self, "Mutatielog exporteren", "mutatielog", bestandsfilters.EXCEL
        )
        if gekozen is None:
            return
        pad = str(gekozen)
        filter_, beheer = self.filter(), self.context.beheer
        self.export_knop.setEnabled(False)
        self.aantal.setText("Bezig met exporteren…")
        # A process of its own: writing the rows never holds this interpreter (issue 13).
        self.taak = self.context.taken.start_proces(
            beheer.exporteer_log_werk(Path(pad), filter_),
            "mutatielog exporteren",
            bij_klaar=lambda n: self._export_klaar(f"{n} mutaties geschreven naar {pad}."),
            bij_fout=self._export_fout,
            eigenaar=self,
        )

    def _export_klaar(self, melding: str) -> None:
        self.export_knop.setEnabled(True)
        self.aantal.setText(melding)
        self.context.gebeurtenissen.melding.emit(melding)

    def _export_fout(self, melding: str) -> None:
        self.export_knop.setEnabled(True)
        self.aantal.setText("Exporteren is mislukt.")
        QMessageBox.warning(self, "Exporteren mislukt", melding)
