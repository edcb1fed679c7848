"""The supplier form in the GUI: write one for a supplier, read a filled-in one as a concept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QVBoxLayout, QWidget

from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.beheer.gemeen import GEEN_RECHT
from keuzehulp.ui.bestandskeuze import kies_exportbestand, onthoud_map, startmap
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.taken import Taak

MAX_GETOONDE_PROBLEMEN = 25


class FormulierKnoppen(QWidget):
    """Two buttons under the instrument list; work runs off the GUI thread."""

    def __init__(
        self,
        context: AppContext,
        beheerder: bool,
        gekozen: Callable[[], int | None],
        na_inlezen: Callable[[int], None],
    ) -> None:
        super().__init__()
        self.context = context
        self.gekozen = gekozen
        self.na_inlezen = na_inlezen
        self.maak_knop = QPushButton("Leveranciers&formulier maken…")
        self.maak_knop.setToolTip(
            "Een Excel-formulier voor een leverancier; gevuld met het gekozen instrument."
        )
        self.lees_knop = QPushButton("Formulier inl&ezen…")
        self.lees_knop.setToolTip("Een ingevuld formulier wordt een concept om te controleren.")
        if not beheerder:
            self.lees_knop.setEnabled(False)
            self.lees_knop.setToolTip(GEEN_RECHT)
        lay = QVBoxLayout(self)  # stacked: the list beside the editor may be narrow
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.maak_knop)
        lay.addWidget(self.lees_knop)
        self.maak_knop.clicked.connect(self._on_maak)
        self.lees_knop.clicked.connect(self._on_lees)
        self.taak: Taak | None = None

    def _start(self, werk: Callable[[], object], klaar: Callable[[object], None]) -> None:
        self.maak_knop.setEnabled(False)
        self.lees_knop.setEnabled(False)
        self.taak = self.context.taken.start_functie(
            werk, "leveranciersformulier", bij_klaar=klaar, bij_fout=self._fout, eigenaar=self
        )
        self.taak.afgelopen.connect(self._knoppen_terug)

    def _knoppen_terug(self, _: object = None) -> None:
        self.maak_knop.setEnabled(True)
        self.lees_knop.setEnabled(self.lees_knop.toolTip() != GEEN_RECHT)

    def _fout(self, melding: str) -> None:
        QMessageBox.warning(self, "Dat lukt niet", melding)

    def _on_maak(self) -> None:
        gekozen = kies_exportbestand(
            self, "Leveranciersformulier maken", "leveranciersformulier", bestandsfilters.EXCEL
        )
        if gekozen is None:
            return
        pad = str(gekozen)
        beheer, iid = self.context.beheer, self.gekozen()

        def maak() -> object:
            beheer.maak_leveranciersformulier(Path(pad), iid)  # openpyxl: in the worker
            return None

        self._start(
            maak,
            lambda _: self.context.gebeurtenissen.melding.emit(
                f"Het formulier staat in {pad}. Stuur het naar de leverancier."
            ),
        )

    def _on_lees(self) -> None:
        pad, _ = QFileDialog.getOpenFileName(
            self,
            "Ingevuld formulier inlezen",
            str(startmap()),
            bestandsfilters.EXCEL,
        )
        if not pad:
            return
        onthoud_map(Path(pad))
        beheer = self.context.beheer

        def lees() -> object:
            return beheer.lees_leveranciersformulier(Path(pad))  # openpyxl: in the worker

        self._start(
            lees,
            self._gelezen,
        )

    def _gelezen(self, resultaat: object) -> None:
        from keuzehulp.services.beheer.leveranciersformulier import FormulierResultaat

        assert isinstance(resultaat, FormulierResultaat)
        if resultaat.instrument_id is None:
            regels = [str(p) for p in resultaat.fouten[:MAX_GETOONDE_PROBLEMEN]]
            meer = len(resultaat.fouten) - len(regels)
            if meer > 0:
                regels.append(f"… en nog {meer} fouten.")
            QMessageBox.warning(
                self,
                "Formulier niet ingelezen",
                f"{resultaat.bestandsnaam} is niet ingelezen; er is niets veranderd. "
                "Verbeter deze cellen (of vraag het de leverancier):\n\n" + "\n".join(regels),
            )
            return
        self.na_inlezen(resultaat.instrument_id)
        self.context.gebeurtenissen.melding.emit(
            f"‘{resultaat.naam}’ staat nu als concept klaar. Controleer het en publiceer het."
        )
