"""Menu actions Bronbestand importeren / exporteren: file dialogs, workers, progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.bestandskeuze import kies_exportbestand, onthoud_map, startmap
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.taken import Taak, Voortgang

if TYPE_CHECKING:
    from keuzehulp.services.bronbestand.importeren import ImportResultaat
    from keuzehulp.services.bronbestand.wijzigingsoverzicht import Groep
    from keuzehulp.ui.bronbestand.voorbeeld_dialoog import ImportVoorbeeldDialoog

# The import and export services (and openpyxl behind them) load in the worker, never on the
# GUI thread: importing openpyxl alone takes about half a second.

FILTER = bestandsfilters.samen(bestandsfilters.EXCEL_WERKMAP, bestandsfilters.ALLE)


class BronbestandActies(QObject):
    """Owns the two menu actions; the services do the work, off the GUI thread."""

    def __init__(self, context: AppContext, venster: QWidget) -> None:
        super().__init__(venster)
        self.context, self.venster = context, venster
        self.actie_importeren = QAction("Bronbestand &importeren…", self)
        self.actie_importeren.setStatusTip("Lees een Excel-bronbestand in; eerst een proefimport")
        self.actie_importeren.triggered.connect(self.importeren)
        self.actie_exporteren = QAction("Bronbestand &exporteren…", self)
        self.actie_exporteren.setStatusTip("Schrijf de catalogus naar een Excel-bronbestand")
        self.actie_exporteren.triggered.connect(self.exporteren)
        self.voorbeeld: ImportVoorbeeldDialoog | None = None
        self.voortgang: QProgressDialog | None = None
        self._taak: Taak | None = None

    def _start(self, titel: str, taak: Taak) -> None:
        voortgang = QProgressDialog(titel, "&Stoppen", 0, 100, self.venster)
        voortgang.setWindowTitle(titel)
        voortgang.setWindowModality(Qt.WindowModality.WindowModal)
        voortgang.setMinimumDuration(400)
        voortgang.setAccessibleName(titel)
        voortgang.setAutoClose(False)
        voortgang.setAutoReset(False)
        voortgang.canceled.connect(taak.annuleer)
        taak.afgebroken.connect(self._afgebroken)
        self.voortgang, self._taak = voortgang, taak
        self.actie_importeren.setEnabled(False)
        self.actie_exporteren.setEnabled(False)

    def _on_voortgang(self, procent: int, tekst: str) -> None:
        if self.voortgang is not None:
            self.voortgang.setLabelText(tekst)
            self.voortgang.setValue(procent)

    def _klaar(self) -> None:
        if self.voortgang is not None:
            self.voortgang.canceled.disconnect()
            self.voortgang.reset()
            self.voortgang.deleteLater()
        self.voortgang, self._taak = None, None
        self.actie_importeren.setEnabled(True)
        self.actie_exporteren.setEnabled(True)

    def _afgebroken(self) -> None:
        self._klaar()
        self.context.gebeurtenissen.melding.emit("Gestopt. Er is niets gewijzigd of geschreven.")

    # --- import ----------------------------------------------------------------------------

    def importeren(self) -> None:
        naam, _ = QFileDialog.getOpenFileName(
            self.venster, "Bronbestand importeren", str(startmap()), FILTER
        )
        if naam:
            onthoud_map(Path(naam))
            self.proefimport(Path(naam))

    def proefimport(self, pad: Path) -> None:
        beheer = self.context.beheer

        def lees(voortgang: Voortgang) -> tuple[ImportResultaat, list[Groep]]:
            from keuzehulp.services.bronbestand.wijzigingsoverzicht import maak_groepen

            resultaat = beheer.importeer(pad, proefdraaien=True, voortgang=voortgang)
            return resultaat, maak_groepen(resultaat)  # the overview's rows, made here too

        taak = self.context.taken.start(
            lees,
            "proefimport",
            bij_voortgang=self._on_voortgang,
            bij_klaar=lambda uitslag: self._toon_voorbeeld(pad, *uitslag),
            bij_fout=self._import_fout,
            eigenaar=self.venster,
        )
        self._start("Bronbestand lezen…", taak)

    def _toon_voorbeeld(self, pad: Path, resultaat: ImportResultaat, groepen: list[Groep]) -> None:
        from keuzehulp.ui.bronbestand.voorbeeld_dialoog import ImportVoorbeeldDialoog

        self._klaar()
        self.voorbeeld = ImportVoorbeeldDialoog(self.context, pad, resultaat, self.venster, groepen)
        self.voorbeeld.open()

    def _import_fout(self, melding: str) -> None:
        self._klaar()
        QMessageBox.warning(self.venster, "Importeren niet mogelijk", melding)

    # --- export ----------------------------------------------------------------------------

    def exporteren(self) -> None:
        pad = kies_exportbestand(
            self.venster, "Bronbestand exporteren", "bronbestand", FILTER, (".xlsx", ".xlsm")
        )
        if pad is None:
            return
        # A process of its own: openpyxl and the row formatting never hold this interpreter.
        taak = self.context.taken.start_proces(
            self.context.beheer.exporteer_werk(pad),
            "export",
            bij_voortgang=self._on_voortgang,
            bij_klaar=lambda aantallen: self._export_klaar(pad, aantallen),
            bij_fout=self._export_fout,
            eigenaar=self.venster,
        )
        self._start("Bronbestand schrijven…", taak)

    def _export_klaar(self, pad: Path, aantallen: tuple[int, int]) -> None:
        self._klaar()
        self.context.gebeurtenissen.melding.emit(
            f"Bronbestand geschreven: {pad} ({aantallen[0]} instrumenten, "
            f"{aantallen[1]} geparkeerd)."
        )

    def _export_fout(self, melding: str) -> None:
        self._klaar()
        QMessageBox.warning(self.venster, "Exporteren niet gelukt", melding)
