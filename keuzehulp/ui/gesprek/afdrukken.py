"""Printing a conversation from the panel: the client PDF, the file summary, the clipboard.

Before the client PDF: the coach profile (asked once, the client must be able to reach the
coach) and the teach-back prompt (whether the client told back what they will do is stored).
Saving first, reading what to print and writing the PDF all run in the thread pool (one
after the other, each continuing in a callback); the window keeps working.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QFileDialog

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.gesprek import controleer_korte_lijst
from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.gesprek import vragen
from keuzehulp.ui.gesprek.coach_dialoog import CoachProfielDialoog
from keuzehulp.ui.gesprek.paneel_view import STAP_DOEL
from keuzehulp.ui.taken import Taak

if TYPE_CHECKING:
    from keuzehulp.ui.gesprek.paneel import GesprekPaneel

GEEN_PROFIEL_GEKOZEN = (
    "De PDF is niet gemaakt. Vul eerst uw contactgegevens in, dan kan de klant u bereiken "
    "(Bestand > Mijn contactgegevens)."
)


class Afdrukken(QObject):
    """The panel's print actions; reports through the panel's message line and signals."""

    def __init__(self, paneel: GesprekPaneel) -> None:
        super().__init__(paneel)
        self.paneel = paneel
        self._taken: list[Taak] = []

    # --- before printing -------------------------------------------------------------------

    def _bewaard_dan(self, vervolg: Callable[[int], None]) -> None:
        """Check the shortlist and save in the background; then `vervolg(gesprek_id)`.

        A shortlist that cannot be printed, or a failed save, leaves a message and stops.
        """
        p = self.paneel
        try:
            controleer_korte_lijst(p.korte_lijst.rowCount())
        except KeuzehulpError as fout:
            p.meld(fout.melding)
            p.toon_stap_lijst()
            return

        def verder() -> None:
            if p.gesprek_id is not None:
                vervolg(p.gesprek_id)

        p.bewaar_dan(verder)

    def zorg_voor_profiel(self) -> bool:
        """True when the conversation's coach has a contact profile; otherwise ask for it once.

        The PDF carries the profile of the coach who held the conversation. A coach who
        reopens a colleague's conversation cannot fill that in: the message says whom to ask.
        """
        p = self.paneel
        coach = p.coach or p.context.gebruiker
        try:
            if p.context.gesprekken.profiel(coach) is not None:
                return True
        except KeuzehulpError as fout:
            p.meld(fout.melding)
            return False
        if coach != p.context.gebruiker:
            p.meld(
                f"Dit gesprek is van {coach}. Op de PDF komen de contactgegevens van {coach}, "
                f"maar die zijn er nog niet. Vraag {coach} ze in te vullen (Bestand > Mijn "
                "contactgegevens)."
            )
            return False
        dialoog = CoachProfielDialoog(p.context.gesprekken, p, eerste_keer=True)
        if dialoog.exec() and dialoog.profiel is not None:
            return True
        p.meld(GEEN_PROFIEL_GEKOZEN)
        return False

    def vraag_terugvertellen(self) -> bool:
        """The teach-back prompt; False when the coach cancels printing."""
        check = self.paneel.keuze.check
        if check.teach_back.isChecked():
            return True
        antwoord = vragen.vraag_terugvertellen(self.paneel)
        if antwoord is None:
            self.paneel.meld("De PDF is niet gemaakt.", fout=False)
            return False
        check.zet_teach_back(antwoord)
        return True

    def _vraag_pad(self, titel: str, naam: str) -> Path | None:
        map_ = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        voorstel = str(Path(map_ or Path.home()) / naam)
        pad, _ = QFileDialog.getSaveFileName(self.paneel, titel, voorstel, bestandsfilters.PDF)
        if not pad:
            return None
        return Path(pad if pad.lower().endswith(".pdf") else pad + ".pdf")

    # --- the three outputs -----------------------------------------------------------------

    def vraag_zonder_doel(self) -> bool:
        """With no goal written down, warn before the client PDF (which would say "Vraag je
        coach ernaar"); False, and step 1 with the goal field in focus, when the coach goes
        back to fill it in."""
        p = self.paneel
        if p.doel.doel.toPlainText().strip():
            return True
        if vragen.vraag_zonder_doel(p):
            return True
        p.meld("De PDF is niet gemaakt. Vul eerst het doel in.", fout=False)
        p.stappen.setCurrentIndex(STAP_DOEL)
        p.doel.doel.setFocus()
        return False

    def klant_pdf(self) -> None:
        if self.paneel.korte_lijst.rowCount() and not self.vraag_zonder_doel():
            return
        if self.paneel.korte_lijst.rowCount() and not self.zorg_voor_profiel():
            return
        if self.paneel.korte_lijst.rowCount() and not self.vraag_terugvertellen():
            return
        self._bewaard_dan(self._klant_pdf_van)

    def _klant_pdf_van(self, gesprek_id: int) -> None:
        pad = self._vraag_pad("PDF voor de klant opslaan", f"keuze-{dt.date.today():%Y-%m-%d}.pdf")
        if pad is not None:
            gesprekken = self.paneel.context.gesprekken

            def schrijf(p: Path) -> Path:
                # In the worker: reading everything to print, and writing it.
                from keuzehulp.services.rapport.klant import schrijf_klant_pdf

                return schrijf_klant_pdf(gesprekken.rapport(gesprek_id), p)

            self._start(schrijf, pad, aanbieden=True)

    def professionele_pdf(self) -> None:
        self._bewaard_dan(self._professionele_pdf_van)

    def _professionele_pdf_van(self, gesprek_id: int) -> None:
        naam = f"samenvatting-gesprek-{gesprek_id}.pdf"
        pad = self._vraag_pad("Samenvatting voor het dossier opslaan", naam)
        if pad is not None:
            gesprekken = self.paneel.context.gesprekken

            def schrijf(p: Path) -> Path:
                from keuzehulp.services.rapport.professioneel import schrijf_professionele_pdf

                return schrijf_professionele_pdf(gesprekken.rapport(gesprek_id), p)

            self._start(schrijf, pad, aanbieden=False)

    def kopieer_samenvatting(self) -> None:
        """Save, then put the file summary on the clipboard (read and written in a worker)."""
        self._bewaard_dan(self._kopieer_van)

    def _kopieer_van(self, gesprek_id: int) -> None:
        gesprekken = self.paneel.context.gesprekken

        def tekst() -> str:
            from keuzehulp.services.rapport.professioneel import samenvatting_tekst

            return samenvatting_tekst(gesprekken.rapport(gesprek_id))

        self._bezig(True)
        taak = self.paneel.context.taken.start_functie(
            tekst,
            "samenvatting maken",
            bij_klaar=lambda t: self._gekopieerd(taak, t),
            bij_fout=lambda m: self._mislukt(taak, m, pdf=False),
            eigenaar=self.paneel,
        )
        self._taken.append(taak)

    def _gekopieerd(self, taak: Taak, tekst: str) -> None:
        self._taken.remove(taak)
        self._bezig(False)
        QGuiApplication.clipboard().setText(tekst)
        self.paneel.meld(
            "De samenvatting staat op het klembord. Plak hem in het klantdossier.", fout=False
        )

    # --- the worker ------------------------------------------------------------------------

    def _start(self, schrijf: Callable[[Path], Path], pad: Path, *, aanbieden: bool) -> None:
        self._bezig(True)
        taak = self.paneel.context.taken.start_functie(
            lambda: schrijf(pad),
            "PDF maken",
            bij_klaar=lambda p: self._klaar(taak, str(p), aanbieden),
            bij_fout=lambda m: self._mislukt(taak, m),
            eigenaar=self.paneel,
        )
        self._taken.append(taak)

    def _bezig(self, aan: bool) -> None:
        self.paneel.zet_bezig("afdrukken", aan)

    def _klaar(self, taak: Taak, pad: str, aanbieden: bool) -> None:
        p = self.paneel
        self._taken.remove(taak)
        self._bezig(False)
        p.meld(f"De PDF is opgeslagen: {pad}", fout=False)
        p.context.gebeurtenissen.melding.emit(f"PDF opgeslagen: {pad}")
        p.pdf_klaar.emit(pad)
        if aanbieden and vragen.vraag_ja_nee(
            p, "PDF openen", f"De PDF is opgeslagen:\n{pad}\n\nWilt u hem nu openen?"
        ):
            QDesktopServices.openUrl(QUrl.fromLocalFile(pad))

    def _mislukt(self, taak: Taak, melding: str, *, pdf: bool = True) -> None:
        self._taken.remove(taak)
        self._bezig(False)
        self.paneel.meld(melding)
        if pdf:
            self.paneel.pdf_mislukt.emit(melding)
