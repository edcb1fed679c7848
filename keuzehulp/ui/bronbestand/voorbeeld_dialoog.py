"""The dry-run preview: what an import would change, its problems, and the Toepassen button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.mutatielog import bron_tekst
from keuzehulp.services.bronbestand.importeren import (
    GEPARKEERD,
    GEWIJZIGD,
    NIEUW,
    ONGEWIJZIGD,
    TERUGGEZET,
    ImportResultaat,
)
from keuzehulp.services.bronbestand.wijzigingsoverzicht import Groep, maak_groepen
from keuzehulp.ui.bronbestand.probleemmodel import Kolom, ProbleemModel
from keuzehulp.ui.bronbestand.wijzigingenmodel import WijzigingenModel
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.taken import Taak

MAX_HOOGTE_METEN = 500  # rows; measuring every wrapped row is too slow for huge lists


def _toon_problemen(tabel: QTableView, model: ProbleemModel, *, taal: bool = False) -> None:
    tabel.setModel(model)
    # Language advice is always a warning and names its word itself: more room for the advice.
    tabel.setColumnHidden(Kolom.ERNST, taal)
    tabel.setColumnHidden(Kolom.WAARDE, taal)
    kop = tabel.horizontalHeader()
    kop.setSectionResizeMode(Kolom.MELDING, QHeaderView.ResizeMode.Stretch)
    for kolom in (Kolom.ERNST, Kolom.BLAD, Kolom.RIJ, Kolom.KOLOM):
        tabel.resizeColumnToContents(kolom)
    tabel.setColumnWidth(Kolom.WAARDE, 160)
    # Wrapped messages need taller rows; measuring every row is too slow for huge lists.
    tabel.verticalHeader().setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents
        if model.rowCount() <= MAX_HOOGTE_METEN
        else QHeaderView.ResizeMode.Interactive
    )


def _exportmoment(resultaat: ImportResultaat) -> str:
    stempel = resultaat.stempel
    if stempel is None:
        return "Exportmoment onbekend: dit bestand komt niet uit een export van de keuzehulp."
    versie = f" ({stempel.versie})" if stempel.versie else ""
    return f"Het bestand is geëxporteerd op {stempel.lokale_tijd}{versie}."


def _aantal(n: int, enkel: str, meer: str) -> str:
    return f"{n} {enkel if n == 1 else meer}"


class ImportVoorbeeldDialoog(QDialog):
    """Shows a dry-run result; applies the same file in a worker thread on Toepassen."""

    toegepast = Signal(object)

    def __init__(
        self,
        context: AppContext,
        pad: Path,
        resultaat: ImportResultaat,
        parent: QWidget | None = None,
        groepen: list[Groep] | None = None,
    ) -> None:
        """`groepen`: the change tree's rows, `maak_groepen(resultaat)` made in the worker."""
        super().__init__(parent)
        self.context, self.pad = context, pad
        self.setWindowTitle(f"Bronbestand importeren: {pad.name}")
        self.kop = QLabel()
        self.kop.setWordWrap(True)
        self.samenvatting = QLabel()
        self.samenvatting.setAccessibleName("Samenvatting van de proefimport")
        self.samenvatting.setWordWrap(True)
        self.wijzigingen = QTreeView()
        self.wijzigingen.setAccessibleName("Wijzigingen per instrument")
        self.wijzigingen.setAlternatingRowColors(True)
        self.wijzigingen.setUniformRowHeights(True)  # no row is measured to lay out the tree
        self.problemen = QTableView()
        self.problemen.setAccessibleName("Problemen in het bestand")
        self.problemen.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problemen.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Resultaat van de proefimport")
        self.taal = QTableView()
        self.taal.setAccessibleName("Taaladviezen voor teksten die de klant ziet")
        self.taal.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.taal.setWordWrap(True)
        self.tabs.addTab(self.wijzigingen, "&Wijzigingen")
        self.tabs.addTab(self.problemen, "&Problemen")
        self.tabs.addTab(self.taal, "Taal voor de &klant")
        self.nieuwer = QTreeWidget()
        self.nieuwer.setAccessibleName("Wijzigingen in de catalogus van na de export")
        self.nieuwer.setHeaderLabels(
            ["Instrument of kenmerk", "Veld", "Gewijzigd door", "Op", "Nu", "In het bestand"]
        )
        self.nieuwer.setRootIsDecorated(False)
        self.nieuwer.setAlternatingRowColors(True)
        self.tabs.addTab(self.nieuwer, "Na de export &gewijzigd")
        self.tabs.currentChanged.connect(self._pas_rijen_aan)
        self.overschrijven = QCheckBox()
        self.overschrijven.setAccessibleName("Nieuwere wijzigingen overschrijven")
        self.overschrijven.toggled.connect(self._werk_knoppen_bij)
        self.voortgang = QProgressBar()
        self.voortgang.setAccessibleName("Voortgang van de import")
        self.voortgang.setVisible(False)
        self.knoppen = QDialogButtonBox()
        self.toepassen = QPushButton("&Toepassen")
        self.toepassen.setAccessibleName("Import toepassen")
        self.annuleren = QPushButton("&Annuleren")
        self.annuleren.setAccessibleName("Niet importeren")
        self.knoppen.addButton(self.toepassen, QDialogButtonBox.ButtonRole.AcceptRole)
        self.knoppen.addButton(self.annuleren, QDialogButtonBox.ButtonRole.RejectRole)
        self.toepassen.clicked.connect(self._on_toepassen)
        self.annuleren.clicked.connect(self._on_annuleren)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kop)
        layout.addWidget(self.samenvatting)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.overschrijven)
        layout.addWidget(self.voortgang)
        layout.addWidget(self.knoppen)
        self._taak: Taak | None = None
        self.toon(resultaat, groepen)
        self.resize(980, 620)

    def toon(self, resultaat: ImportResultaat, groepen: list[Groep] | None = None) -> None:
        """Fill the dialog from a (dry-run) result (and its change tree, when made already)."""
        self.resultaat = resultaat
        a = resultaat.aantallen()
        taal = resultaat.taaladviezen
        fouten = len(resultaat.fouten)
        waarschuwingen = len(resultaat.waarschuwingen) - len(taal)
        nieuwer = len(resultaat.nieuwer)
        if fouten:
            self.kop.setText(
                f"<b>{resultaat.bestandsnaam}</b> heeft {_aantal(fouten, 'fout', 'fouten')}. "
                "Verbeter ze in Excel en importeer opnieuw. Er is niets gewijzigd."
            )
        elif nieuwer:
            self.kop.setText(
                f"Proefimport van <b>{resultaat.bestandsnaam}</b>: er is nog niets gewijzigd. "
                f"<b>Let op:</b> {_aantal(nieuwer, 'wijziging', 'wijzigingen')} in de catalogus "
                f"{'is' if nieuwer == 1 else 'zijn'} van na de export van dit bestand. De import "
                f"zou {'die' if nieuwer == 1 else 'ze'} terugdraaien; zie ‘Na de export "
                "gewijzigd’."
            )
        else:
            self.kop.setText(
                f"Proefimport van <b>{resultaat.bestandsnaam}</b>: er is nog niets gewijzigd. "
                "Kies Toepassen om de catalogus bij te werken."
            )
        self.samenvatting.setText(
            f"Nieuw: {a[NIEUW]} · Gewijzigd: {a[GEWIJZIGD]} · Ongewijzigd: {a[ONGEWIJZIGD]} · "
            f"Geparkeerd: {a[GEPARKEERD]} · Teruggezet: {a[TERUGGEZET]} · "
            f"Kenmerken gewijzigd: {len(resultaat.kenmerken)} · "
            f"Fouten: {fouten} · Waarschuwingen: {waarschuwingen} · "
            f"Taal voor de klant: {len(taal)}"
        )
        self._vul_boom(maak_groepen(resultaat) if groepen is None else groepen)
        self.model = ProbleemModel([p for p in resultaat.problemen if not p.is_taal], self)
        self.taal_model = ProbleemModel(taal, self)
        _toon_problemen(self.problemen, self.model)
        _toon_problemen(self.taal, self.taal_model, taal=True)
        self.tabs.setTabText(1, f"&Problemen ({fouten + waarschuwingen})")
        self.tabs.setTabText(2, f"Taal voor de &klant ({len(taal)})")
        self._vul_nieuwer(resultaat)
        if fouten:
            self.tabs.setCurrentIndex(1)
        elif nieuwer:
            self.tabs.setCurrentIndex(3)
        self.overschrijven.setText(
            f"Ik heb de {_aantal(nieuwer, 'nieuwere wijziging', 'nieuwere wijzigingen')} "
            f"bekeken. Overschrijf {'die' if nieuwer == 1 else 'ze'} met wat in het bestand "
            "staat."
        )
        self.kop.setText(f"{self.kop.text()} {_exportmoment(resultaat)}")
        self.overschrijven.setChecked(False)
        self.overschrijven.setVisible(bool(nieuwer) and not fouten)
        self._werk_knoppen_bij()

    def _werk_knoppen_bij(self, _aan: bool = False) -> None:
        """Toepassen needs no errors, and a ticked box when newer work would be undone."""
        r = self.resultaat
        self.toepassen.setEnabled(
            not r.fouten and (not r.nieuwer or self.overschrijven.isChecked())
        )

    def _vul_nieuwer(self, resultaat: ImportResultaat) -> None:
        self.nieuwer.clear()
        for n in resultaat.nieuwer:
            item = QTreeWidgetItem(
                [
                    n.naam,
                    n.veld,
                    n.gebruiker,
                    n.lokale_tijd,
                    n.nu or "(leeg)",
                    n.bestand or "(leeg)",
                ]
            )
            item.setToolTip(0, f"{n.naam} ({bron_tekst(n.bron)})")
            self.nieuwer.addTopLevelItem(item)
        uitleg = _exportmoment(resultaat)
        self.nieuwer.setToolTip(uitleg)
        self.tabs.setTabToolTip(3, uitleg)
        self.tabs.setTabText(3, f"Na de export &gewijzigd ({len(resultaat.nieuwer)})")
        self.nieuwer.setColumnWidth(0, 300)
        for kolom in (1, 2, 3):
            self.nieuwer.resizeColumnToContents(kolom)

    def _pas_rijen_aan(self, _index: int = 0) -> None:
        """Row heights follow the wrapped message at the table's real width (once shown)."""
        tabel = self.tabs.currentWidget()
        if not isinstance(tabel, QTableView) or tabel.model() is None:
            return
        if tabel.model().rowCount() <= MAX_HOOGTE_METEN:
            tabel.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._pas_rijen_aan()

    def _vul_boom(self, groepen: list[Groep]) -> None:
        self.wijzigingen_model = WijzigingenModel(groepen, self)
        self.wijzigingen.setModel(self.wijzigingen_model)
        for index in self.wijzigingen_model.open_indexen():
            self.wijzigingen.setExpanded(index, True)
        self.wijzigingen.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.wijzigingen.setColumnWidth(0, 480)
        self.wijzigingen.setColumnWidth(1, 180)

    def _on_toepassen(self) -> None:
        self.toepassen.setEnabled(False)
        self.annuleren.setToolTip("Stop de import; er verandert dan niets")
        self.voortgang.setValue(0)
        self.voortgang.setVisible(True)
        beheer, pad = self.context.beheer, self.pad
        # What the user saw: changes after this dry run are never overwritten unseen.
        overschrijf, gezien = self.overschrijven.isChecked(), self.resultaat.catalogusstand
        self._taak = self.context.taken.start(
            lambda voortgang: beheer.importeer(
                pad,
                proefdraaien=False,
                voortgang=voortgang,
                overschrijf_nieuwer=overschrijf,
                gezien_tot=gezien,
            ),
            "import toepassen",
            bij_voortgang=self._on_voortgang,
            bij_klaar=self._on_klaar,
            bij_fout=self._on_fout,
            eigenaar=self,
            bij_afgebroken=self._on_afgebroken,
        )

    def _on_annuleren(self) -> None:
        """Cancel a running import (it rolls back), or close the dialog."""
        if self._taak is not None:
            self.annuleren.setEnabled(False)
            self._taak.annuleer()
            return
        self.reject()

    def _on_afgebroken(self) -> None:
        self._klaar()
        self.voortgang.setVisible(False)
        self.annuleren.setEnabled(True)
        self.toepassen.setEnabled(not self.resultaat.fouten)
        self.samenvatting.setText("De import is gestopt. Er is niets gewijzigd.")

    def _on_voortgang(self, procent: int, _tekst: str) -> None:
        self.voortgang.setValue(procent)

    def _klaar(self) -> None:
        self._taak = None
        self.annuleren.setToolTip("")

    def _on_klaar(self, resultaat: ImportResultaat) -> None:
        self._klaar()
        self.voortgang.setVisible(False)
        self.annuleren.setEnabled(True)
        if not resultaat.toegepast:  # the catalogue or the file changed since the dry run
            self.toon(resultaat)
            if resultaat.bevestiging_nodig:
                self.kop.setText(
                    "<b>De catalogus is gewijzigd sinds de proefimport.</b> Er is niets "
                    "gewijzigd. Bekijk ‘Na de export gewijzigd’ opnieuw en bevestig dan."
                )
            return
        a = resultaat.aantallen()
        self.context.gebeurtenissen.melding.emit(
            f"Import van {resultaat.bestandsnaam} uitgevoerd: {a[NIEUW]} nieuw, "
            f"{a[GEWIJZIGD]} gewijzigd, {a[GEPARKEERD]} geparkeerd, {a[TERUGGEZET]} teruggezet."
        )
        self.toegepast.emit(resultaat)
        self.accept()

    def _on_fout(self, melding: str) -> None:
        self._klaar()
        self.voortgang.setVisible(False)
        self.annuleren.setEnabled(True)
        self._werk_knoppen_bij()
        QMessageBox.warning(self, "Importeren niet gelukt", melding)
