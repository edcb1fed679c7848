"""The Gesprek panel: goal, wishes, shortlist and choice; saves, reopens and prints.

It talks to the search screen only through its contract (ZOEK_CONTRACT: the shortlist
request, the search question, the client view, and `zet_wensen()` / `zet_korte_lijst()` so the
cards show the fit and the shortlist); without a search screen it keeps the search question
itself, so it can be built and tested on its own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.gesprek import MAX_OPTIES, GesprekGegevens, GesprekInvoer
from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.vergelijking import vergelijk_opties
from keuzehulp.services.wensen import WensKeuze
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek import gesprek_formulier
from keuzehulp.ui.gesprek.afdrukken import Afdrukken
from keuzehulp.ui.gesprek.modellen import (
    INSTRUMENT_ID_ROL,
    KorteLijstModel,
    VergelijkModel,
)
from keuzehulp.ui.gesprek.paneel_view import (
    STAP_DOEL,
    STAP_KEUZE,
    STAP_LIJST,
    STAP_WENSEN,
    GesprekPaneelView,
    StapRol,
)
from keuzehulp.ui.gesprek.terugblik_dialoog import TerugblikKnop
from keuzehulp.ui.onopgeslagen import eerst_bewaard
from keuzehulp.ui.taken import Taak

log = logging.getLogger(__name__)
# The steps' indices and the scrolling step live with the layout; kept importable from here.
__all__ = [
    "STAP_DOEL",
    "STAP_KEUZE",
    "STAP_LIJST",
    "STAP_WENSEN",
    "ZOEK_CONTRACT",
    "GesprekPaneel",
    "StapRol",
    "heeft_zoekcontract",
]
ZOEK_CONTRACT = (
    "korte_lijst_gevraagd",
    "zoekvraag",
    "zet_zoekvraag",
    "zoekvraag_gewijzigd",
    "klantweergave_gewijzigd",
    "zet_wensen",
    "zet_korte_lijst",
)


def heeft_zoekcontract(scherm: object) -> bool:
    return all(hasattr(scherm, naam) for naam in ZOEK_CONTRACT)


KNOP_UITLEG = {
    "omhoog": "Zet de gekozen optie een plek hoger.",
    "omlaag": "Zet de gekozen optie een plek lager.",
    "verwijder": "Haal de gekozen optie van de korte lijst.",
    "vergelijk": "Zet de opties naast elkaar op het tabblad Vergelijken.",
}
"""Tooltips of the shortlist's buttons when enabled (disabled: why, `_werk_knoppen_bij`)."""


class GesprekPaneel(GesprekPaneelView):
    """Controller of one conversation at a time; the layout is `GesprekPaneelView`."""

    bewaard = Signal(int)
    bewaren_mislukt = Signal(str)  # the Dutch message; nothing was stored
    geopend = Signal(int)  # a stored conversation is on screen (after open_gesprek)
    opties_herladen = Signal()  # the shortlist's options were read again (catalogue change)
    pdf_klaar = Signal(str)
    pdf_mislukt = Signal(str)
    vergelijken_gevraagd = Signal()
    wensen_gewijzigd = Signal()

    def __init__(
        self, context: AppContext, zoekscherm: QWidget | None = None, parent: QWidget | None = None
    ) -> None:
        service = context.gesprekken.service()
        knop = TerugblikKnop(context, lambda: self._klantweergave)
        super().__init__(knop, service.kenmerkgroepen(), parent)
        self.context = context
        self.service = service
        self.zoekscherm: Any = zoekscherm if heeft_zoekcontract(zoekscherm) else None
        self.gesprek_id: int | None = None
        self.coach: str | None = None  # who held the open conversation (None: a new one)
        self._zoekvraag = ZoekVraag()
        self._bewaard_als = GesprekInvoer()
        self._klantweergave = False
        self._vullen = False  # while the panel is filled from a stored conversation
        self._bewaartaak: Taak | None = None  # the save running in the background
        self._na_lopende: list[Callable[[], None]] = []  # asked to save while it ran
        self._bezig: set[str] = set()  # "bewaren", "afdrukken": shown by the progress bar
        self.korte_lijst = KorteLijstModel()
        self.vergelijking = VergelijkModel()
        # Typing a pro or con updates the comparison once the coach pauses, not per letter.
        self._typtimer = QTimer(self)
        self._typtimer.setSingleShot(True)
        self._typtimer.setInterval(300)
        self._typtimer.timeout.connect(self._werk_vergelijking_bij)
        self.afdrukken = Afdrukken(self)

        self.lijst.lijst.setModel(self.korte_lijst)
        self._laad_gemeenten()
        self._verbind()
        self._werk_bij()

    # --- wiring ----------------------------------------------------------------------------

    def _verbind(self) -> None:
        self.nieuw.clicked.connect(self.nieuw_gesprek)
        self.openen.clicked.connect(self.kies_gesprek)
        for veld in self.doel.scores.values():
            veld.valueChanged.connect(self._op_scores)
        self.doel.zoek_laagste.clicked.connect(self.zoek_op_laagste_groepen)
        self.wensen.wensen_gewijzigd.connect(self._op_wensen)
        self.lijst.omhoog.clicked.connect(lambda: self._verplaats(-1))
        self.lijst.omlaag.clicked.connect(lambda: self._verplaats(1))
        self.lijst.verwijder.clicked.connect(self.verwijder_gekozen)
        self.lijst.vergelijk.clicked.connect(self.vergelijken_gevraagd)
        self.lijst.notitie.textEdited.connect(lambda t: self._op_tekst("notitie", t))
        self.lijst.goed.textChanged.connect(
            lambda: self._op_tekst("goed", self.lijst.goed.toPlainText())
        )
        self.lijst.minder_goed.textChanged.connect(
            lambda: self._op_tekst("minder_goed", self.lijst.minder_goed.toPlainText())
        )
        self.lijst.lijst.selectionModel().currentChanged.connect(self._op_selectie)
        for signaal in (
            self.korte_lijst.rowsInserted,
            self.korte_lijst.rowsRemoved,
            self.korte_lijst.rowsMoved,
            self.korte_lijst.modelReset,
        ):
            signaal.connect(self._werk_bij)
        self.korte_lijst.dataChanged.connect(lambda *_: self._op_selectie_fit())
        self.keuze.keuze.currentIndexChanged.connect(self._op_keuze)
        self.keuze.bewaar.clicked.connect(self.bewaar)
        self.keuze.klant_pdf.clicked.connect(self.maak_klant_pdf)
        self.keuze.kopieer.clicked.connect(self.kopieer_samenvatting)
        self.keuze.prof_pdf.clicked.connect(self.maak_professionele_pdf)
        self.context.gebeurtenissen.catalogus_gewijzigd.connect(self._herlaad_opties)
        self.context.gebeurtenissen.catalogus_gewijzigd.connect(self._laad_gemeenten)
        if self.zoekscherm is not None:
            # The search index is rebuilt in the background: its gemeenten come after that.
            if (geladen := getattr(self.zoekscherm, "catalogus_geladen", None)) is not None:
                geladen.connect(self._laad_gemeenten)
            self.zoekscherm.korte_lijst_gevraagd.connect(self.voeg_toe)
            self.zoekscherm.klantweergave_gewijzigd.connect(self.zet_klantweergave)
            self.zoekscherm.zoekvraag_gewijzigd.connect(self._werk_vergelijking_bij)

    def _laad_gemeenten(self) -> None:
        """The client's gemeente for the wish "dicht bij huis": the catalogue's gemeenten."""
        service = getattr(self.zoekscherm, "service", None)
        try:
            namen = service.gemeenten if service is not None else None
            if namen is None:
                namen = self.context.catalogus.zoekservice().gemeenten
        except KeuzehulpError as fout:
            self.meld(fout.melding)
            return
        self.wensen.zet_gemeenten(namen)

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
        return gesprek_formulier.scores(self)

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
            self.meld("Vul eerst bij het klantbeeld een cijfer in voor een of meer groepen.")
            return
        self.zet_zoekvraag(self.zoekvraag().model_copy(update={"kenmerken": frozenset(groepen)}))
        namen = [naam for code, naam in self.doel.radar._groepen if code in groepen]
        self.meld("In de zoekvraag staan nu de groepen: " + ", ".join(namen) + ".", fout=False)

    # --- wishes ----------------------------------------------------------------------------

    def wens_keuzes(self) -> tuple[WensKeuze, ...]:
        return self.wensen.wensen()

    def _op_wensen(self) -> None:
        wensen = self.wens_keuzes()
        self.korte_lijst.zet_wensen(wensen)
        self._werk_vergelijking_bij()
        if self.zoekscherm is not None:
            # Filling from a stored conversation: its search question follows and searches.
            self.zoekscherm.zet_wensen(wensen, zoeken=not self._vullen)
        self.wensen_gewijzigd.emit()

    # --- the shortlist ---------------------------------------------------------------------

    @Slot(int)
    def voeg_toe(self, instrument_id: int) -> bool:
        """Put an option on the shortlist (the slot the search screen's signal connects to)."""
        if instrument_id in self.korte_lijst.ids():
            self.meld("Deze optie staat al op de korte lijst.")
            return False
        if self.korte_lijst.rowCount() >= MAX_OPTIES:
            self.meld(
                f"De korte lijst is vol: er passen {MAX_OPTIES} opties op. Haal er eerst een weg."
            )
            return False
        try:
            detail = self.context.catalogus.detail(instrument_id)
        except KeuzehulpError as fout:
            self.meld(fout.melding)
            return False
        # The search on screen now is the one that found it: the coach's summary names it.
        self.korte_lijst.voeg_toe(detail, self.zoekvraag())
        tekst = (
            f"Op de korte lijst: {detail.naam} ({self.korte_lijst.rowCount()} van {MAX_OPTIES})."
        )
        self.meld(tekst, fout=False)
        self.context.gebeurtenissen.melding.emit(tekst)
        return True

    def _gekozen_rij(self) -> int:
        return self.lijst.lijst.currentIndex().row()

    def _gekozen_optie(self) -> int | None:
        index = self.lijst.lijst.currentIndex()
        return index.data(INSTRUMENT_ID_ROL) if index.isValid() else None

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
        """Show the pros, cons, note and fit of the selected option."""
        gesprek_formulier.toon_optie(self, self._gekozen_optie())
        self._werk_knoppen_bij()

    def _werk_knoppen_bij(self) -> None:
        """Enable the shortlist's buttons only when they have something to act on; a disabled
        button's tooltip says why."""
        aantal = self.korte_lijst.rowCount()
        rij = self._gekozen_rij()
        if aantal == 0:
            leeg = "Er staat nog niets op de korte lijst. Voeg eerst een optie toe."
            redenen = {k: leeg for k in ("omhoog", "omlaag", "verwijder", "vergelijk")}
        else:
            geen = "Kies eerst een optie in de lijst."
            redenen = {
                "omhoog": geen
                if rij < 0
                else ("Deze optie staat al bovenaan." if rij == 0 else ""),
                "omlaag": geen
                if rij < 0
                else ("Deze optie staat al onderaan." if rij == aantal - 1 else ""),
                "verwijder": geen if rij < 0 else "",
                "vergelijk": "",
            }
        for naam, reden in redenen.items():
            knop = getattr(self.lijst, naam)
            knop.setEnabled(not reden)
            knop.setToolTip(reden or KNOP_UITLEG[naam])

    def _op_selectie_fit(self) -> None:
        gesprek_formulier.toon_fit(self, self._gekozen_optie())

    def _op_tekst(self, veld: str, tekst: str) -> None:
        instrument_id = self._gekozen_optie()
        if instrument_id is None or self._vullen:
            return
        if getattr(self.korte_lijst.teksten(instrument_id), veld) != tekst:
            self.korte_lijst.zet_tekst(instrument_id, veld, tekst)
            self._typtimer.start()

    def _op_scores(self) -> None:
        self.doel.radar.zet_scores(self.scores())

    def _werk_bij(self) -> None:
        """After any shortlist change: status line, choice list, comparison, search marks."""
        aantal = self.korte_lijst.rowCount()
        if aantal == 0:
            status = "Nog geen opties. Voeg opties toe vanuit de zoekresultaten."
        elif aantal == 1:
            status = f"1 van {MAX_OPTIES} opties. Kies deze, of zet er meer op om te vergelijken."
        else:
            status = f"{aantal} van {MAX_OPTIES} opties. Vergelijk ze naast elkaar en kies."
        self.lijst.status.setText(status)
        vorige = self.keuze.keuze.currentData()
        self.keuze.keuze.blockSignals(True)
        self.keuze.keuze.clear()
        self.keuze.keuze.addItem("(nog geen keuze)", None)
        for optie in self.korte_lijst.opties:
            self.keuze.keuze.addItem(optie.naam, optie.id)
        plek = self.keuze.keuze.findData(vorige)
        self.keuze.keuze.setCurrentIndex(max(plek, 0))
        self.keuze.keuze.blockSignals(False)
        if plek < 0 and vorige is not None:
            self._op_keuze()  # the chosen option left the shortlist
        if aantal and not self.lijst.lijst.currentIndex().isValid():
            self.lijst.lijst.setCurrentIndex(self.korte_lijst.index(0))
        self._op_selectie()
        self._werk_vergelijking_bij()
        self.keuze.check.zet_actief(self.keuze.keuze.currentData() is not None)
        if self.zoekscherm is not None:
            self.zoekscherm.zet_korte_lijst(frozenset(self.korte_lijst.ids()))
        self._zet_titel()

    def vergelijking_bijwerken(self) -> None:
        """Bring the comparison up to date now if typed text is still waiting for it."""
        if self._typtimer.isActive():
            self._werk_vergelijking_bij()

    def _werk_vergelijking_bij(self) -> None:
        if self._vullen:
            return  # once, when the whole conversation is in (_vul)
        self._typtimer.stop()
        opties = self.korte_lijst.opties
        rijen = vergelijk_opties(
            opties,
            opties=[gesprek_formulier.optie(self, o.id) for o in opties],
            fits={o.id: self.korte_lijst.fit(o.id) for o in opties} if self.wens_keuzes() else None,
            gezocht=self.zoekvraag().kenmerken,
        )
        self.vergelijking.zet(opties, rijen)
        self.vergelijking.zet_keuze(self.keuze.keuze.currentData())

    def _herlaad_opties(self) -> None:
        """After a catalogue change: read the shortlist's options again, in the background."""
        ids = self.korte_lijst.ids()
        if not ids:
            return
        catalogus = self.context.catalogus
        self.context.taken.start_functie(
            lambda: catalogus.details(ids),
            "korte lijst bijwerken",
            bij_klaar=lambda details: self._zet_opties(ids, details),
            bij_fout=self.meld,
            eigenaar=self,
        )

    def _zet_opties(self, ids: list[int], details: list[InstrumentDetail]) -> None:
        if self.korte_lijst.ids() != ids:
            self._herlaad_opties()  # the shortlist changed meanwhile: read it again
            return
        teksten = {i: self.korte_lijst.teksten(i) for i in ids}
        self.korte_lijst.zet(details, teksten)
        self.opties_herladen.emit()

    # --- the choice ------------------------------------------------------------------------

    @Slot(int)
    def kies(self, instrument_id: int) -> None:
        """Choose an option (from the comparison): go to step 4 with it selected."""
        plek = self.keuze.keuze.findData(instrument_id)
        if plek < 0:
            return
        was_ingevuld = self.keuze.check.antwoorden() is not None
        self.keuze.keuze.setCurrentIndex(plek)
        self.stappen.setCurrentIndex(STAP_KEUZE)
        # The decision check comes right after choosing: bring it into sight.
        self.keuze_rol.ensureWidgetVisible(self.keuze.check, 0, 0)
        opnieuw = was_ingevuld and self.keuze.check.antwoorden() is None
        vervolg = "Doe de keuzecheck opnieuw." if opnieuw else "Kijk nu samen of je het zeker weet."
        self.meld(f"Gekozen: {self.keuze.keuze.currentText()}. {vervolg}", fout=False)

    def _op_keuze(self, *_: object) -> None:
        gekozen = self.keuze.keuze.currentData()
        self.vergelijking.zet_keuze(gekozen)
        self.keuze.check.zet_actief(gekozen is not None)
        if self._vullen:
            return
        # The check is about this choice: another choice asks the questions again.
        check = self.keuze.check
        if check.antwoorden() is not None or check.teach_back_waarde() is not None:
            check.zet_antwoorden(None)
            check.zet_teach_back(None)
            self.meld("De keuze is veranderd. Doe de keuzecheck opnieuw.", fout=False)

    # --- store and reopen ------------------------------------------------------------------

    def invoer(self) -> GesprekInvoer:
        """What the steps hold now, as it would be stored (gesprek_formulier.py)."""
        return gesprek_formulier.lees(self)

    @Slot()
    def bewaar(self) -> None:
        """Save in the background (the Bewaren button); `bewaard(id)` or `bewaren_mislukt`."""
        self.bewaar_dan(lambda: None)

    @property
    def bewaart(self) -> bool:
        """True while a save runs in the background."""
        return self._bewaartaak is not None

    def _start_bewaren(self, vervolg: Callable[[], None]) -> None:
        """Store what the steps hold now in a worker; `vervolg` runs once it is stored.

        What the coach types while the save runs stays on screen as an unsaved change.
        """
        invoer = self.invoer()
        service, gebruiker, gesprek_id = self.service, self.context.gebruiker, self.gesprek_id
        self.zet_bezig("bewaren", True)
        self._bewaartaak = self.context.taken.start_functie(
            lambda: service.bewaar(invoer, gebruiker, gesprek_id),
            "gesprek bewaren",
            bij_klaar=lambda gesprek: self._na_bewaren(gesprek, vervolg),
            bij_fout=self._bewaren_mislukt,
            eigenaar=self,
        )

    def _na_bewaren(self, gesprek: GesprekGegevens, vervolg: Callable[[], None]) -> None:
        self._bewaartaak = None
        self.zet_bezig("bewaren", False)
        self.gesprek_id = gesprek.id
        self.coach = gesprek.coach
        self._bewaard_als = gesprek.invoer
        self._zet_titel()
        self.meld(f"Gesprek {gesprek.id} is bewaard.", fout=False)
        self.bewaard.emit(gesprek.id)
        wachtend, self._na_lopende = self._na_lopende, []
        vervolg()
        for verder in wachtend:
            # Asked while this save ran: save again only what changed since.
            if self.heeft_wijzigingen():
                self.bewaar_dan(verder)
            else:
                verder()

    def _bewaren_mislukt(self, melding: str) -> None:
        # Nothing was stored (one transaction in the service); whatever was asked next waits.
        self._bewaartaak = None
        self._na_lopende = []
        self.zet_bezig("bewaren", False)
        self.meld(melding)
        self.bewaren_mislukt.emit(melding)

    def zet_bezig(self, reden: str, aan: bool) -> None:
        """Show that the panel is saving, opening or printing; no second one meanwhile."""
        if aan:
            self._bezig.add(reden)
        else:
            self._bezig.discard(reden)
        bezig = bool(self._bezig)
        self.voortgang.setVisible(bezig)
        naam = (
            "Gesprek wordt bewaard"
            if "bewaren" in self._bezig
            else "Gesprek wordt geopend"
            if "openen" in self._bezig
            else "PDF wordt gemaakt"
        )
        self.voortgang.setAccessibleName(naam)
        self.voortgang.setToolTip(naam)
        k = self.keuze
        for knop in (k.bewaar, k.klant_pdf, k.prof_pdf, k.kopieer, self.nieuw, self.openen):
            knop.setEnabled(not bezig)

    def heeft_wijzigingen(self) -> bool:
        """True when the panel holds something that is not stored as it is."""
        return self.invoer() != self._bewaard_als

    def onbewaard_omschrijving(self) -> str:
        """The subject of the "Wijzigingen bewaren?" question (ui/onopgeslagen.py)."""
        return f"Gesprek {self.gesprek_id}" if self.gesprek_id else "Het nieuwe gesprek"

    def bewaar_dan(self, vervolg: Callable[[], None]) -> None:
        """Save in the background, then `vervolg` (on the GUI thread).

        A refused or failed save keeps the coach here with its Dutch message and `vervolg`
        never runs. Asked while a save runs, this one waits for it (one gesprek, one row).
        """
        if self.bewaart:
            self._na_lopende.append(vervolg)
            return
        self._start_bewaren(vervolg)

    def eerst_bewaard(self, vervolg: Callable[[], None]) -> None:
        """Ask "Wijzigingen bewaren?" before unsaved work is replaced; then `vervolg`."""
        eerst_bewaard(self, [self], vervolg)

    @Slot()
    def nieuw_gesprek(self) -> None:
        self.eerst_bewaard(self._begin_nieuw)

    def _begin_nieuw(self) -> None:
        self._leeg()
        self.meld("", fout=False)

    def _leeg(self) -> None:
        self.gesprek_id = None
        self.coach = None
        self._bewaard_als = GesprekInvoer()
        self._vul(GesprekInvoer(), {})
        self._bewaard_als = self.invoer()
        self.stappen.setCurrentIndex(STAP_DOEL)

    @Slot()
    def kies_gesprek(self) -> None:
        if self._klantweergave:
            # The list shows other clients' references and goals: never on the client's screen.
            self.meld("Zet eerst de klantweergave uit om een ander gesprek te openen.")
            return
        self.eerst_bewaard(self._toon_gesprekken)

    def _toon_gesprekken(self) -> None:
        from keuzehulp.ui.gesprek.lijst_dialoog import GesprekkenDialoog

        dialoog = GesprekkenDialoog(self.context.gesprekken, self, taken=self.context.taken)
        dialoog.verwijderd.connect(self._op_verwijderd)
        if dialoog.exec() and (gekozen := dialoog.gekozen_id()) is not None:
            self.open_gesprek(gekozen)

    def _op_verwijderd(self, gesprek_id: int) -> None:
        if gesprek_id == self.gesprek_id:
            self._leeg()  # the open conversation no longer exists
            self.meld(f"Gesprek {gesprek_id} is verwijderd.", fout=False)

    def open_gesprek(self, gesprek_id: int) -> None:
        """Read a stored conversation in the background, then fill the steps with it.

        `geopend(id)` follows once it is on screen; when it cannot be read the message line
        says why in Dutch and the panel keeps what it had.
        """
        service, catalogus = self.service, self.context.catalogus

        def lees() -> tuple[GesprekGegevens, list[InstrumentDetail]]:
            gesprek = service.lees(gesprek_id)
            return gesprek, catalogus.details(list(gesprek.invoer.optie_ids))

        self.zet_bezig("openen", True)
        self.context.taken.start_functie(
            lees,
            "gesprek openen",
            bij_klaar=self._na_openen,
            bij_fout=self._openen_mislukt,
            eigenaar=self,
        )

    def _na_openen(self, uitkomst: tuple[GesprekGegevens, list[InstrumentDetail]]) -> None:
        gesprek, details = uitkomst
        self.zet_bezig("openen", False)
        self.gesprek_id = gesprek.id
        self.coach = gesprek.coach
        self._bewaard_als = gesprek.invoer
        self._vul(gesprek.invoer, {d.id: d for d in details})
        self._bewaard_als = self.invoer()
        self.meld(
            f"Gesprek {gesprek.id} is geopend. U kunt het wijzigen en opnieuw afdrukken.",
            fout=False,
        )
        self.geopend.emit(gesprek.id)

    def _openen_mislukt(self, melding: str) -> None:
        self.zet_bezig("openen", False)
        self.meld(melding)

    def _vul(self, invoer: GesprekInvoer, details: dict[int, Any]) -> None:
        self._vullen = True
        try:
            gesprek_formulier.vul(self, invoer, details)
            self.zet_zoekvraag(invoer.zoekvraag)
        finally:
            self._vullen = False
        self._werk_vergelijking_bij()
        self._op_selectie()
        self._zet_titel()

    def _zet_titel(self) -> None:
        self.titel.setText(
            f"<b>Gesprek {self.gesprek_id}</b>" if self.gesprek_id else "<b>Nieuw gesprek</b>"
        )
        self.terugblik.zet_gesprek(self.gesprek_id if self._bewaard_als.keuze_id else None)

    # --- printing (afdrukken.py) -----------------------------------------------------------

    @Slot()
    def maak_klant_pdf(self) -> None:
        self.afdrukken.klant_pdf()

    @Slot()
    def maak_professionele_pdf(self) -> None:
        self.afdrukken.professionele_pdf()

    @Slot()
    def kopieer_samenvatting(self) -> None:
        self.afdrukken.kopieer_samenvatting()

    @Slot()
    def bewerk_profiel(self) -> None:
        from keuzehulp.ui.gesprek.coach_dialoog import CoachProfielDialoog

        dialoog = CoachProfielDialoog(self.context.gesprekken, self)
        if dialoog.exec():
            self.meld("Uw contactgegevens zijn bewaard.", fout=False)

    def toon_stap_lijst(self) -> None:
        self.stappen.setCurrentIndex(STAP_LIJST)

    # --- client view -----------------------------------------------------------------------

    @property
    def klantweergave(self) -> bool:
        """Whether the client view is on (only B1 texts, addressed to the client)."""
        return self._klantweergave

    @Slot(bool)
    def zet_klantweergave(self, aan: bool) -> None:
        """In the client view only B1 texts: the coach's fields and the jargon are hidden."""
        self._klantweergave = aan
        for widget in (
            self.doel.referentie,
            self.doel.referentie_label,
            self.lijst.notitie,
            self.lijst.notitie_label,
            self.keuze.onderbouwing,
            self.keuze.onderbouwing_label,
            self.keuze.kopieer,
            self.keuze.prof_pdf,
            self.nieuw,  # conversations of other clients are one click away from these
            self.openen,
        ):
            widget.setVisible(not aan)
        # A previous message may name a file path or the coach's summary.
        self.meld("", fout=False)
        self.doel.toon_klantbeeld(not aan)  # the klantbeeld names the kenmerk groups (jargon)
        for stap in (self.doel, self.lijst, self.keuze):
            stap.zet_klantweergave(aan)  # coach wording or B1 addressed to the client
        gesprek_formulier.toon_fit(self, self._gekozen_optie())

    def meld(self, tekst: str, *, fout: bool = True) -> None:
        kleur = "#a4262c" if fout else "#1f4e79"
        self.melding.setStyleSheet(f"color: {kleur};")
        self.melding.setText(tekst)
        if tekst and fout:
            log.info("Gesprek: %s", tekst)
