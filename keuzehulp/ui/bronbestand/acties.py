"""Menu actions Bronbestand importeren / exporteren: file dialogs, workers, progress."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from keuzehulp.ui.bronbestand.werker import Werker, WerkerSignalen
from keuzehulp.ui.context import AppContext

if TYPE_CHECKING:
    from keuzehulp.services.bronbestand.importeren import ImportResultaat
    from keuzehulp.ui.bronbestand.voorbeeld_dialoog import ImportVoorbeeldDialoog

# The import and export services (and openpyxl behind them) load on first use, not at start.

FILTER = "Excel-werkmap (*.xlsx *.xlsm);;Alle bestanden (*)"


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
        self._signalen: WerkerSignalen | None = None

    def _start(self, titel: str, werker: Werker) -> None:
        voortgang = QProgressDialog(titel, "", 0, 100, self.venster)
        voortgang.setWindowTitle(titel)
        voortgang.setCancelButton(None)
        voortgang.setWindowModality(Qt.WindowModality.WindowModal)
        voortgang.setMinimumDuration(400)
        voortgang.setAccessibleName(titel)
        werker.signalen.voortgang.connect(self._on_voortgang)
        self.voortgang, self._signalen = voortgang, werker.signalen
        self.actie_importeren.setEnabled(False)
        self.actie_exporteren.setEnabled(False)
        QThreadPool.globalInstance().start(werker)

    def _on_voortgang(self, procent: int, tekst: str) -> None:
        if self.voortgang is not None:
            self.voortgang.setLabelText(tekst)
            self.voortgang.setValue(procent)

    def _klaar(self) -> None:
        if self.voortgang is not None:
            self.voortgang.reset()
            self.voortgang.deleteLater()
        if self._signalen is not None:
            self._signalen.deleteLater()
        self.voortgang, self._signalen = None, None
        self.actie_importeren.setEnabled(True)
        self.actie_exporteren.setEnabled(True)

    # --- import ----------------------------------------------------------------------------

    def importeren(self) -> None:
        naam, _ = QFileDialog.getOpenFileName(
            self.venster, "Bronbestand importeren", str(Path.home()), FILTER
        )
        if naam:
            self.proefimport(Path(naam))

    def proefimport(self, pad: Path) -> None:
        from keuzehulp.services.bronbestand.importeren import importeer

        db, gebruiker = self.context.database, self.context.gebruiker
        werker = Werker(
            lambda voortgang: importeer(db, pad, gebruiker, proefdraaien=True, voortgang=voortgang),
            self,
        )
        werker.signalen.klaar.connect(lambda resultaat: self._toon_voorbeeld(pad, resultaat))
        werker.signalen.fout.connect(self._import_fout)
        self._start("Bronbestand lezen…", werker)

    def _toon_voorbeeld(self, pad: Path, resultaat: ImportResultaat) -> None:
        from keuzehulp.ui.bronbestand.voorbeeld_dialoog import ImportVoorbeeldDialoog

        self._klaar()
        self.voorbeeld = ImportVoorbeeldDialoog(self.context, pad, resultaat, self.venster)
        self.voorbeeld.open()

    def _import_fout(self, melding: str) -> None:
        self._klaar()
        QMessageBox.warning(self.venster, "Importeren niet mogelijk", melding)

    # --- export ----------------------------------------------------------------------------

    def exporteren(self) -> None:
        naam, _ = QFileDialog.getSaveFileName(
            self.venster,
            "Bronbestand exporteren",
            str(Path.home() / "bronbestand.xlsx"),
            FILTER,
        )
        if not naam:
            return
        pad = Path(naam)
        if pad.suffix.lower() not in (".xlsx", ".xlsm"):
            pad = pad.with_name(pad.name + ".xlsx")
        from keuzehulp.services.bronbestand.exporteren import exporteer

        db = self.context.database
        werker = Werker(lambda voortgang: exporteer(db, pad, voortgang), self)
        werker.signalen.klaar.connect(lambda aantallen: self._export_klaar(pad, aantallen))
        werker.signalen.fout.connect(self._export_fout)
        self._start("Bronbestand schrijven…", werker)

    def _export_klaar(self, pad: Path, aantallen: tuple[int, int]) -> None:
        self._klaar()
        self.context.gebeurtenissen.melding.emit(
            f"Bronbestand geschreven: {pad} ({aantallen[0]} instrumenten, "
            f"{aantallen[1]} geparkeerd)."
        )

    def _export_fout(self, melding: str) -> None:
        self._klaar()
        QMessageBox.warning(self.venster, "Exporteren niet gelukt", melding)
