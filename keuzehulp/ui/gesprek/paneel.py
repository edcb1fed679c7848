"""The Gesprek panel: goal, client picture, shortlist and choice; saves, reopens and prints.

It talks to the search screen only through its contract (`korte_lijst_gevraagd`,
`zoekvraag()`, `zet_zoekvraag()`, `klantweergave_gewijzigd`); without a search screen it keeps
the search question itself, so it can be built and tested on its own.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QStandardPaths, Qt, QThreadPool, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.gesprek import (
    MAX_OPTIES,
    GesprekInvoer,
    GesprekService,
    Optie,
    controleer_korte_lijst,
)
from keuzehulp.services.instrumentdetail import lees_detail, lees_details
from keuzehulp.services.rapport.gegevens import Rapport, verzamel
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.modellen import INSTRUMENT_ID_ROL, KorteLijstModel, VergelijkModel
from keuzehulp.ui.gesprek.pdf_taak import PdfTaak
from keuzehulp.ui.gesprek.stappen import DoelStap, KeuzeStap, KorteLijstStap

log = logging.getLogger(__name__)
ZOEK_CONTRACT = ("korte_lijst_gevraagd", "zoekvraag", "zet_zoekvraag")
STAP_DOEL, STAP_LIJST, STAP_KEUZE = range(3)


def heeft_zoekcontract(scherm: object) -> bool:
    return all(hasattr(scherm, naam) for naam in ZOEK_CONTRACT)


class GesprekPaneel(QWidget):
    """Controller of one conversation at a time."""

    bewaard = Signal(int)
    pdf_klaar = Signal(str)
    pdf_mislukt = Signal(str)
    vergelijken_gevraagd = Signal()

    def __init__(
        self, context: AppContext, zoekscherm: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.service = GesprekService(context.database)
        self.zoekscherm: Any = zoekscherm if heeft_zoekcontract(zoekscherm) else None
        self.gesprek_id: int | None = None
        self._zoekvraag = ZoekVraag()
        self._bewaard_als = GesprekInvoer()
        self._taken: list[PdfTaak] = []
        self.korte_lijst = KorteLijstModel()
        self.vergelijking = VergelijkModel()

        self.titel = QLabel()
        self.titel.setWordWrap(True)
        self.nieuw = QPushButton("&Nieuw gesprek")
        self.nieuw.setAccessibleName("Nieuw gesprek")
        self.openen = QPushButton("&Openen…")
        self.openen.setAccessibleName("Gesprek openen")
        self.stappen = QTabWidget()
        self.stappen.setAccessibleName("Stappen van het gesprek")
        self.doel = DoelStap(self.service.kenmerkgroepen())
        self.lijst = KorteLijstStap()
        self.keuze = KeuzeStap()
        # Each step scrolls, so the panel also fits beside the search on a small screen.
        for stap, titel in (
            (self.doel, "1. Doel"),
            (self.lijst, "2. Korte lijst"),
            (self.keuze, "3. Keuze"),
        ):
            rol = QScrollArea()
            rol.setWidgetResizable(True)
            rol.setFrameShape(QScrollArea.Shape.NoFrame)
            # Only when the dock is made very narrow (large text): better a scroll bar than cut.
            rol.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            rol.setWidget(stap)
            self.stappen.addTab(rol, titel)
        self.melding = QLabel()
        self.melding.setWordWrap(True)
        self.melding.setAccessibleName("Melding")
        self.voortgang = QProgressBar()
        self.voortgang.setRange(0, 0)
        self.voortgang.setAccessibleName("PDF wordt gemaakt")
        self.voortgang.hide()

        boven = QHBoxLayout()
        boven.addWidget(self.titel, 1)
        boven.addWidget(self.nieuw)
        boven.addWidget(self.openen)
        laag = QVBoxLayout(self)
        laag.addLayout(boven)
        laag.addWidget(self.stappen, 1)
        laag.addWidget(self.voortgang)
        laag.addWidget(self.melding)

        self.lijst.lijst.setModel(self.korte_lijst)
        self._verbind()
        self._werk_bij()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(440, 720)  # room for the steps beside the search

    # --- wiring ----------------------------------------------------------------------------

    def _verbind(self) -> None:
        self.nieuw.clicked.connect(self.nieuw_gesprek)
        self.openen.clicked.connect(self.kies_gesprek)
        for veld in self.doel.scores.values():
            veld.valueChanged.connect(self._op_scores)
        self.doel.zoek_laagste.clicked.connect(self.zoek_op_laagste_groepen)
        self.lijst.omhoog.clicked.connect(lambda: self._verplaats(-1))
        self.lijst.omlaag.clicked.connect(lambda: self._verplaats(1))
        self.lijst.verwijder.clicked.connect(self.verwijder_gekozen)
        self.lijst.vergelijk.clicked.connect(self.vergelijken_gevraagd)
        self.lijst.notitie.textEdited.connect(self._op_notitie)
        self.lijst.lijst.selectionModel().currentChanged.connect(self._op_selectie)
        for signaal in (
            self.korte_lijst.rowsInserted,
            self.korte_lijst.rowsRemoved,
            self.korte_lijst.rowsMoved,
            self.korte_lijst.modelReset,
        ):
            signaal.connect(self._werk_bij)
        self.keuze.bewaar.clicked.connect(self.bewaar)
        self.keuze.klant_pdf.clicked.connect(self.maak_klant_pdf)
        self.keuze.kopieer.clicked.connect(self.kopieer_samenvatting)
        self.keuze.prof_pdf.clicked.connect(self.maak_professionele_pdf)
        self.context.gebeurtenissen.catalogus_gewijzigd.connect(self._herlaad_opties)
        if self.zoekscherm is not None:
            self.zoekscherm.korte_lijst_gevraagd.connect(self.voeg_toe)
            if hasattr(self.zoekscherm, "klantweergave_gewijzigd"):
                self.zoekscherm.klantweergave_gewijzigd.connect(self.zet_klantweergave)
            if hasattr(self.zoekscherm, "zoekvraag_gewijzigd"):
                self.zoekscherm.zoekvraag_gewijzigd.connect(self._werk_vergelijking_bij)

    # --- the search question ---------------------------------------------------------------

    def zoekvraag(self) -> ZoekVraag:
        if self.zoekscherm is not None:
            vraag: ZoekVraag = self.zoekscherm.zoekvraag()
            return vraag
        return self._zoekvraag

    def zet_zoekvraag(self, vraag: ZoekVraag) -> None:
        self._zoekvraag = vraag
        if self.zoekscherm is not None:
            self.zoekscherm.zet_zoekvraag(vraag)
        self._werk_vergelijking_bij()

    def scores(self) -> dict[str, int]:
        return {code: veld.value() for code, veld in self.doel.scores.items() if veld.value()}

    def laagste_groepen(self) -> list[str]:
        """The scored groups with the lowest mark (ties included, at most two).

        The search ANDs kenmerk groups, so more groups quickly leave nothing to choose from.
        """
        scores = self.scores()
        if not scores:
            return []
        laagste = min(scores.values())
        return sorted(c for c, s in scores.items() if s == laagste)[:2]

    @Slot()
    def zoek_op_laagste_groepen(self) -> None:
        groepen = self.laagste_groepen()
        if not groepen:
            self._meld("Vul eerst bij het klantbeeld een cijfer in voor een of meer groepen.")
            return
        self.zet_zoekvraag(self.zoekvraag().model_copy(update={"kenmerken": frozenset(groepen)}))
        namen = [naam for code, naam in self.doel.radar._groepen if code in groepen]
        self._meld("In de zoekvraag staan nu de groepen: " + ", ".join(namen) + ".")

    # --- the shortlist ---------------------------------------------------------------------

    @Slot(int)
    def voeg_toe(self, instrument_id: int) -> bool:
        """Put an option on the shortlist (the slot the search screen's signal connects to)."""
        if instrument_id in self.korte_lijst.ids():
            self._meld("Deze optie staat al op de korte lijst.")
            return False
        if self.korte_lijst.rowCount() >= MAX_OPTIES:
            self._meld(
                f"De korte lijst is vol: kies 2 tot {MAX_OPTIES} opties. Haal er eerst een weg."
            )
            return False
        try:
            detail = lees_detail(self.context.database, instrument_id)
        except KeuzehulpError as fout:
            self._meld(fout.melding)
            return False
        self.korte_lijst.voeg_toe(detail)
        tekst = (
            f"Op de korte lijst: {detail.naam} ({self.korte_lijst.rowCount()} van {MAX_OPTIES})."
        )
        self._meld(tekst, fout=False)
        self.context.gebeurtenissen.melding.emit(tekst)
        return True

    def _gekozen_rij(self) -> int:
        return self.lijst.lijst.currentIndex().row()

    @Slot()
    def verwijder_gekozen(self) -> None:
        rij = self._gekozen_rij()
        if rij >= 0:
            self.korte_lijst.verwijder(rij)

    def _verplaats(self, stap: int) -> None:
        rij = self._gekozen_rij()
        if rij >= 0 and self.korte_lijst.verplaats(rij, rij + stap):
            self.lijst.lijst.setCurrentIndex(self.korte_lijst.index(rij + stap))

    def _op_selectie(self) -> None:
        index = self.lijst.lijst.currentIndex()
        instrument_id = index.data(INSTRUMENT_ID_ROL) if index.isValid() else None
        self.lijst.notitie.setEnabled(instrument_id is not None)
        self.lijst.notitie.setText(self.korte_lijst.notitie(instrument_id) if instrument_id else "")

    def _op_notitie(self, tekst: str) -> None:
        index = self.lijst.lijst.currentIndex()
        if index.isValid():
            self.korte_lijst.zet_notitie(index.data(INSTRUMENT_ID_ROL), tekst)

    def _op_scores(self) -> None:
        self.doel.radar.zet_scores(self.scores())

    def _werk_bij(self) -> None:
        """After any shortlist change: status line, choice list and comparison."""
        aantal = self.korte_lijst.rowCount()
        if aantal < 2:
            status = f"{aantal} van {MAX_OPTIES} opties. Zet er nog {2 - aantal} of meer op."
        else:
            status = f"{aantal} van {MAX_OPTIES} opties. Vergelijk ze naast elkaar."
        self.lijst.status.setText(status + " Voeg opties toe vanuit de zoekresultaten.")
        vorige = self.keuze.keuze.currentData()
        self.keuze.keuze.clear()
        self.keuze.keuze.addItem("(nog geen keuze)", None)
        for optie in self.korte_lijst.opties:
            self.keuze.keuze.addItem(optie.naam, optie.id)
        plek = self.keuze.keuze.findData(vorige)
        self.keuze.keuze.setCurrentIndex(max(plek, 0))
        self.lijst.vergelijk.setEnabled(aantal >= 2)
        self._op_selectie()
        self._werk_vergelijking_bij()
        self._zet_titel()

    def _werk_vergelijking_bij(self) -> None:
        self.vergelijking.zet(self.korte_lijst.opties, self.zoekvraag().kenmerken)

    def _herlaad_opties(self) -> None:
        ids = self.korte_lijst.ids()
        if ids:
            notities = {i: self.korte_lijst.notitie(i) for i in ids}
            try:
                self.korte_lijst.zet(lees_details(self.context.database, ids), notities)
            except KeuzehulpError as fout:
                self._meld(fout.melding)

    @Slot(int)
    def kies(self, instrument_id: int) -> None:
        """Choose an option (from the comparison): go to step 3 with it selected."""
        plek = self.keuze.keuze.findData(instrument_id)
        if plek >= 0:
            self.keuze.keuze.setCurrentIndex(plek)
            self.stappen.setCurrentIndex(STAP_KEUZE)
            self._meld(f"Gekozen: {self.keuze.keuze.currentText()}.", fout=False)

    # --- store and reopen ------------------------------------------------------------------

    def invoer(self) -> GesprekInvoer:
        ids = self.korte_lijst.ids()
        return GesprekInvoer(
            client_referentie=self.doel.referentie.text(),
            doel_soort=self.doel.doel_soort.currentData() or None,
            doel=self.doel.doel.toPlainText(),
            zoekvraag=self.zoekvraag(),
            scores=self.scores(),
            opties=tuple(
                Optie(instrument_id=i, notitie=self.korte_lijst.notitie(i) or None) for i in ids
            ),
            keuze_id=self.keuze.keuze.currentData(),
            onderbouwing=self.keuze.onderbouwing.toPlainText(),
            voorkeur_client=self.keuze.voorkeur.toPlainText(),
            volgende_stappen=self.keuze.stappen.toPlainText(),
        )

    @Slot()
    def bewaar(self) -> bool:
        try:
            gesprek = self.service.bewaar(self.invoer(), self.context.gebruiker, self.gesprek_id)
        except KeuzehulpError as fout:
            self._meld(fout.melding)
            return False
        self.gesprek_id = gesprek.id
        self._bewaard_als = gesprek.invoer
        self._zet_titel()
        self._meld(f"Gesprek {gesprek.id} is bewaard.", fout=False)
        self.bewaard.emit(gesprek.id)
        return True

    def heeft_wijzigingen(self) -> bool:
        """True when the panel holds something that is not stored as it is."""
        return self.invoer() != self._bewaard_als

    def _mag_weg(self) -> bool:
        """Ask before unsaved work is replaced."""
        if not self.heeft_wijzigingen():
            return True
        antwoord = QMessageBox.question(
            self,
            "Gesprek niet bewaard",
            "Dit gesprek heeft wijzigingen die niet bewaard zijn. Wilt u ze weggooien?",
        )
        return antwoord == QMessageBox.StandardButton.Yes

    @Slot()
    def nieuw_gesprek(self) -> None:
        if not self._mag_weg():
            return
        self.gesprek_id = None
        self._vul(GesprekInvoer(), {})
        self._bewaard_als = self.invoer()
        self.stappen.setCurrentIndex(STAP_DOEL)
        self._meld("", fout=False)

    @Slot()
    def kies_gesprek(self) -> None:
        from keuzehulp.ui.gesprek.lijst_dialoog import GesprekkenDialoog

        if not self._mag_weg():
            return
        dialoog = GesprekkenDialoog(self.service.lijst(), self)
        if dialoog.exec() and (gekozen := dialoog.gekozen_id()) is not None:
            self.open_gesprek(gekozen)

    def open_gesprek(self, gesprek_id: int) -> bool:
        try:
            gesprek = self.service.lees(gesprek_id)
            details = lees_details(self.context.database, gesprek.invoer.optie_ids)
        except KeuzehulpError as fout:
            self._meld(fout.melding)
            return False
        self.gesprek_id = gesprek.id
        self._vul(gesprek.invoer, {d.id: d for d in details})
        self._bewaard_als = self.invoer()
        self._meld(
            f"Gesprek {gesprek.id} is geopend. U kunt het wijzigen en opnieuw afdrukken.",
            fout=False,
        )
        return True

    def _vul(self, invoer: GesprekInvoer, details: dict[int, Any]) -> None:
        self.doel.referentie.setText(invoer.client_referentie or "")
        plek = self.doel.doel_soort.findData(invoer.doel_soort or "")
        self.doel.doel_soort.setCurrentIndex(max(plek, 0))
        self.doel.doel.setPlainText(invoer.doel or "")
        for code, veld in self.doel.scores.items():
            veld.setValue(invoer.scores.get(code, 0))
        self.korte_lijst.zet(
            [details[o.instrument_id] for o in invoer.opties],
            {o.instrument_id: o.notitie or "" for o in invoer.opties},
        )
        self.keuze.keuze.setCurrentIndex(max(self.keuze.keuze.findData(invoer.keuze_id), 0))
        self.keuze.onderbouwing.setPlainText(invoer.onderbouwing or "")
        self.keuze.voorkeur.setPlainText(invoer.voorkeur_client or "")
        self.keuze.stappen.setPlainText(invoer.volgende_stappen or "")
        self.zet_zoekvraag(invoer.zoekvraag)
        self._zet_titel()

    def _zet_titel(self) -> None:
        self.titel.setText(
            f"<b>Gesprek {self.gesprek_id}</b>" if self.gesprek_id else "<b>Nieuw gesprek</b>"
        )

    # --- printing --------------------------------------------------------------------------

    def _rapport(self) -> Rapport | None:
        """Check the shortlist, save, and read everything to print."""
        try:
            controleer_korte_lijst(self.korte_lijst.rowCount())
        except KeuzehulpError as fout:
            self._meld(fout.melding)
            self.stappen.setCurrentIndex(STAP_LIJST)
            return None
        if not self.bewaar() or self.gesprek_id is None:
            return None
        return verzamel(self.context.database, self.gesprek_id)

    def _vraag_pad(self, titel: str, naam: str) -> Path | None:
        map_ = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        voorstel = str(Path(map_ or Path.home()) / naam)
        pad, _ = QFileDialog.getSaveFileName(self, titel, voorstel, "PDF-bestanden (*.pdf)")
        if not pad:
            return None
        return Path(pad if pad.lower().endswith(".pdf") else pad + ".pdf")

    @Slot()
    def maak_klant_pdf(self) -> None:
        rapport = self._rapport()
        if rapport is None:
            return
        pad = self._vraag_pad("PDF voor de klant opslaan", f"keuze-{dt.date.today():%Y-%m-%d}.pdf")
        if pad is not None:
            from keuzehulp.services.rapport.klant import schrijf_klant_pdf  # reportlab: lazy

            self._start(lambda p: schrijf_klant_pdf(rapport, p), pad, aanbieden=True)

    @Slot()
    def maak_professionele_pdf(self) -> None:
        rapport = self._rapport()
        if rapport is None:
            return
        naam = f"samenvatting-gesprek-{rapport.gesprek.id}.pdf"
        pad = self._vraag_pad("Samenvatting voor het dossier opslaan", naam)
        if pad is not None:
            from keuzehulp.services.rapport.professioneel import schrijf_professionele_pdf

            self._start(lambda p: schrijf_professionele_pdf(rapport, p), pad, aanbieden=False)

    @Slot()
    def kopieer_samenvatting(self) -> None:
        rapport = self._rapport()
        if rapport is None:
            return
        from keuzehulp.services.rapport.professioneel import samenvatting_tekst

        QGuiApplication.clipboard().setText(samenvatting_tekst(rapport))
        self._meld(
            "De samenvatting staat op het klembord. Plak hem in het klantdossier.", fout=False
        )

    def _start(self, schrijf: Callable[[Path], Path], pad: Path, *, aanbieden: bool) -> None:
        taak = PdfTaak(schrijf, pad)
        taak.setAutoDelete(False)
        self._taken.append(taak)
        self._bezig(True)
        taak.signalen.klaar.connect(lambda p: self._klaar(taak, p, aanbieden))
        taak.signalen.mislukt.connect(lambda m: self._mislukt(taak, m))
        QThreadPool.globalInstance().start(taak)

    def _bezig(self, aan: bool) -> None:
        self.voortgang.setVisible(aan)
        for knop in (self.keuze.klant_pdf, self.keuze.prof_pdf, self.keuze.kopieer):
            knop.setEnabled(not aan)

    def _klaar(self, taak: PdfTaak, pad: str, aanbieden: bool) -> None:
        self._taken.remove(taak)
        self._bezig(False)
        self._meld(f"De PDF is opgeslagen: {pad}", fout=False)
        self.context.gebeurtenissen.melding.emit(f"PDF opgeslagen: {pad}")
        self.pdf_klaar.emit(pad)
        if aanbieden:
            antwoord = QMessageBox.question(
                self, "PDF openen", f"De PDF is opgeslagen:\n{pad}\n\nWilt u hem nu openen?"
            )
            if antwoord == QMessageBox.StandardButton.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(pad))

    def _mislukt(self, taak: PdfTaak, melding: str) -> None:
        self._taken.remove(taak)
        self._bezig(False)
        self._meld(melding)
        self.pdf_mislukt.emit(melding)

    # --- client view -----------------------------------------------------------------------

    @Slot(bool)
    def zet_klantweergave(self, aan: bool) -> None:
        """In the client view the reference and the file summary are out of sight."""
        for widget in (
            self.doel.referentie,
            self.doel.referentie_label,
            self.keuze.kopieer,
            self.keuze.prof_pdf,
        ):
            widget.setVisible(not aan)

    def _meld(self, tekst: str, *, fout: bool = True) -> None:
        kleur = "#a4262c" if fout else "#1f4e79"
        self.melding.setStyleSheet(f"color: {kleur};")
        self.melding.setText(tekst)
        if tekst and fout:
            log.info("Gesprek: %s", tekst)
