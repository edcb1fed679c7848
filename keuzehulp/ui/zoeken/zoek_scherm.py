"""ZoekScherm: the three-step search the app opens on, and its contract with other screens."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.wensen import WensKeuze
from keuzehulp.services.zoeken import GebouwdeIndex, Sortering, ZoekAntwoord, ZoekService
from keuzehulp.services.zoekindex_bijwerken import Bijwerking
from keuzehulp.services.zoekvraag import KLASSE_KLANTLABELS, KLASSEN, ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.zoeken import teksten as tk
from keuzehulp.ui.zoeken import zoekvraag_widgets
from keuzehulp.ui.zoeken.afbreken import laad_woordenboek
from keuzehulp.ui.zoeken.kaart import korte_lijst_tekst
from keuzehulp.ui.zoeken.modellen import ID_ROL, Waarde
from keuzehulp.ui.zoeken.zoek_scherm_view import STAPPEN_BREEDTE, ZoekSchermView
from keuzehulp.ui.zoeken.zoekchips_koppeling import ChipsKoppeling

log = logging.getLogger(__name__)

KLANT_SCHAAL = 1.4
LADEN = "<b>De instrumenten worden geladen…</b>"
# Kept for screens and scripts that import the texts from here.
NIET_ALLES, NIET_ALLES_KLANT, TITEL, TITEL_KLANT = (
    tk.NIET_ALLES,
    tk.NIET_ALLES_KLANT,
    tk.TITEL,
    tk.TITEL_KLANT,
)


class ZoekScherm(ZoekSchermView):
    """The search screen: steps on the left, result cards with chips and details on the right.

    Contract for screens built on top of it (Samen beslissen):
    - `korte_lijst_gevraagd(int)`: the user asked to put this instrument id on the short list;
    - `zoekvraag()` / `zet_zoekvraag(vraag)`: read or restore every step;
    - `zoekvraag_gewijzigd()`: any step changed;
    - `klantweergave_gewijzigd(bool)` / `zet_klantweergave(aan)`: the client view;
    - `zet_wensen(wensen)`: the client's wishes; cards show the fit, and a sort order uses it;
    - `zet_korte_lijst(ids)`: the shortlisted instruments; their cards and buttons say so.
    """

    korte_lijst_gevraagd = Signal(int)
    zoekvraag_gewijzigd = Signal()
    klantweergave_gewijzigd = Signal(bool)
    # A new index of the catalogue is in use (after start-up or a catalogue change).
    catalogus_geladen = Signal()

    def __init__(
        self,
        context: AppContext,
        service: ZoekService | None = None,
        parent: QWidget | None = None,
        *,
        laad_later: bool = False,
    ) -> None:
        """`laad_later`: show at once with an empty catalogue and load it in the background."""
        super().__init__(parent)  # the widgets and models (ZoekSchermView)
        self.context = context
        self.service = (
            service if service is not None else context.catalogus.zoekservice(laden=not laad_later)
        )
        self._laadnummer = 0  # only the newest index build is swapped in
        self._geladen_nummer = 0
        # Catalogue changes since the last rebuild: a few instruments patch the index.
        self._wachtende: list[Wijzigingen] = []
        context.gebeurtenissen.wijzigingen.connect(self._onthoud_wijziging)
        self._vraag = ZoekVraag()
        self._antwoord: ZoekAntwoord | None = None
        self._gezocht_met = Sortering.RELEVANTIE
        # The details shown last (id, detail): a new search or view keeps them without a read.
        self._detail: tuple[int, InstrumentDetail] | None = None
        self._details_voorgelezen = False  # the first card's details, read once in a worker
        self._klantweergave = False
        self._wensen: tuple[WensKeuze, ...] = ()
        self._korte_lijst: frozenset[int] = frozenset()
        self._bezig = False  # while widgets are set from code: no searching per widget
        self._basisfont = QFont(self.font())
        self.chips_koppeling = ChipsKoppeling(self.service)
        self._bouw_sneltoetsen()
        self._verbind()
        self._vul_sortering()

        self._teksttimer = QTimer(self)
        self._teksttimer.setSingleShot(True)
        self._teksttimer.setInterval(200)
        self._teksttimer.timeout.connect(self._uit_widgets)
        self._vul_opties()
        self._zoek()
        if laad_later:
            self.aantal.setText(LADEN)
            self.herlaad()

    # --- building -----------------------------------------------------------------------------

    def _verbind(self) -> None:
        self.actie_klantweergave.toggled.connect(self.zet_klantweergave)
        self.route_stap.wis.clicked.connect(lambda: self._wis_stap(1))
        self.kenmerk_stap.wis.clicked.connect(lambda: self._wis_stap(2))
        self.praktisch_stap.wis.clicked.connect(lambda: self._wis_stap(3))
        self.kenmerk_model.keuze_gewijzigd.connect(self._uit_widgets)
        for model in self.facet_modellen.values():
            model.keuze_gewijzigd.connect(self._uit_widgets)
        self.praktisch_stap.tekst.textChanged.connect(lambda _t: self._teksttimer.start())
        self.praktisch_stap.max_kosten.textChanged.connect(lambda _t: self._teksttimer.start())
        self.knop_alles_wissen.clicked.connect(lambda: self.zet_zoekvraag(ZoekVraag()))
        self.chips.weg_gevraagd.connect(self._chip_weg)
        self.sortering.currentIndexChanged.connect(lambda _i: self._zoek())
        self.knop_korte_lijst.clicked.connect(self._korte_lijst_huidige)
        self.knop_stappen.clicked.connect(lambda: self.ga_naar_stap(self.stappen.currentIndex()))
        self.kaarten.selectionModel().selectionChanged.connect(self._selectie_gewijzigd)
        self.kaarten.gekozen.connect(self._kies_kaart)
        self.kaarten.activated.connect(lambda _i: self._open_detail())
        self.niets.uitweg_gekozen.connect(self._uitweg)
        self.detail.korte_lijst_gevraagd.connect(self.korte_lijst_gevraagd)
        self.detail.sluiten_gevraagd.connect(self._sluit_detail)

    def _vul_sortering(self) -> None:
        huidig = self.sortering.currentData()
        self.sortering.blockSignals(True)
        self.sortering.clear()
        for waarde in tk.SORTERINGEN:
            if not (self._klantweergave and waarde in tk.SORTEREN_INTERN):
                self.sortering.addItem(waarde.label, waarde)
        if self._wensen:
            self.sortering.addItem(Sortering.WENSEN.label, Sortering.WENSEN)
        positie = self.sortering.findData(huidig) if huidig is not None else 0
        self.sortering.setCurrentIndex(max(positie, 0))
        self.sortering.blockSignals(False)

    def _bouw_sneltoetsen(self) -> None:
        self.sneltoetsen: list[QShortcut] = []
        for stap in range(3):
            toets = QShortcut(QKeySequence(f"Alt+{stap + 1}"), self)
            toets.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            toets.activated.connect(lambda s=stap: self.ga_naar_stap(s))
            toets.setWhatsThis(f"Naar stap {stap + 1} van het zoeken")  # Help > Sneltoetsen
            self.sneltoetsen.append(toets)
        for reeks, doel, wat in (
            ("Alt+4", self.kaarten.setFocus, "Naar de kaarten"),
            ("Ctrl+F", self._naar_tekst, "Naar het zoekvak"),
            ("Ctrl+L", self._korte_lijst_huidige, "Het gekozen instrument op de korte lijst"),
        ):
            toets = QShortcut(QKeySequence(reeks), self)
            toets.setWhatsThis(wat)
            toets.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            toets.activated.connect(doel)
            self.sneltoetsen.append(toets)

    def _naar_tekst(self) -> None:
        self.stappen.setCurrentIndex(2)
        self.praktisch_stap.tekst.setFocus()

    def ga_naar_stap(self, stap: int) -> None:
        """Show step 0, 1 or 2 and put the keyboard focus on its first control."""
        self._toon_stappen(True)
        self.stappen.setCurrentIndex(stap)
        if stap == 0 and self.route_stap.vakjes:
            next(iter(self.route_stap.vakjes.values())).setFocus()
        elif stap == 1:
            self.kenmerk_stap.boom.setFocus()
            if not self.kenmerk_stap.boom.currentIndex().isValid():
                self.kenmerk_stap.boom.setCurrentIndex(self.kenmerk_model.index(0, 0))
        elif stap == 2:
            self.praktisch_stap.tekst.setFocus()

    # --- options and counts -------------------------------------------------------------------

    def _vul_opties(self) -> None:
        s = self.service
        opties = (s.routes, s.kenmerken, s.gemeenten, s.types, s.onderbouwing)
        if opties == getattr(self, "_gevulde_opties", None):
            return  # a rebuild that changed no option: no reset and re-layout of the steps
        self._gevulde_opties = opties
        self.route_stap.zet_routes([(r.code, r.label, r.uitleg_client) for r in s.routes])
        for code, vakje in self.route_stap.vakjes.items():
            vakje.toggled.connect(lambda _aan: self._uit_widgets())
            vakje.setObjectName(f"route_{code}")
            if self._klantweergave:
                vakje.setFont(self.font())
        if self.kenmerk_model.zet_opties(s.kenmerken):
            self.kenmerk_stap.boom.expandToDepth(0)  # else only changed rows moved: all stays
        self.gemeente_model.zet_waarden([Waarde(g, g) for g in s.gemeenten])
        self.type_model.zet_waarden([Waarde(t, t) for t in s.types])
        self.onderbouwing_model.zet_waarden([Waarde(o, o) for o in s.onderbouwing])
        for sleutel, klassen in KLASSEN.items():
            klant = KLASSE_KLANTLABELS[sleutel]
            self.facet_modellen[sleutel].zet_waarden(
                [Waarde(code, label, tekst_klant=klant.get(code, "")) for code, label in klassen]
            )
        self.resultaten_model.zet_opties(s.routes, s.kenmerken)
        self._zet_widgets(self._vraag)

    def _onthoud_wijziging(self, wijzigingen: Wijzigingen) -> None:
        if wijzigingen.raakt_catalogus:  # catalogus_gewijzigd follows: herlaad reads them
            self._wachtende.append(wijzigingen)

    def herlaad(self) -> None:
        """Rebuild the index in the background (after catalogus_gewijzigd), then swap it in.

        Until then the search keeps answering from the old index; a newer rebuild wins over an
        older one that finishes later. After a change of a few instruments or kenmerk names
        (and no other build on its way) the index is patched instead of rebuilt
        (`zoekindex_bijwerken`); called directly, without such a change, it builds anew.
        """
        wachtende, self._wachtende = self._wachtende, []
        bijwerking = None if self.laadt or not wachtende else Bijwerking.uit(wachtende)
        self._laadnummer += 1
        nummer = self._laadnummer
        self.context.taken.start_functie(
            lambda: self.service.bouw_index(bijwerking),
            "zoekindex bouwen",
            bij_klaar=lambda index: self._index_klaar(nummer, index),
            bij_fout=lambda melding: self._index_mislukt(nummer, melding),
            eigenaar=self,
        )

    @property
    def laadt(self) -> bool:
        """Whether an index build is on its way."""
        return self._geladen_nummer != self._laadnummer

    def _index_klaar(self, nummer: int, index: GebouwdeIndex) -> None:
        if nummer != self._laadnummer:
            return
        self.service.zet_index(index)
        self._detail = None  # the catalogue changed: read the details again
        self._vul_opties()
        # Search again in the next turn of the event loop: two short steps instead of one
        # long one, so the window can react in between.
        QTimer.singleShot(0, self, lambda: self._zoek_na_wissel(nummer))

    def _zoek_na_wissel(self, nummer: int) -> None:
        if nummer != self._laadnummer:
            return  # a newer index is on its way; it searches when it arrives
        self._geladen_nummer = nummer
        self.zet_zoekvraag(self._vraag)
        self.catalogus_geladen.emit()
        if not self._details_voorgelezen:
            self._lees_details_voor(nummer)

    def _lees_details_voor(self, nummer: int) -> None:
        """Read the first card's details (and the hyphenation patterns) in a worker, once,
        after the first load.

        The first read of a session compiles its queries (about 50 ms on the GUI thread when
        a card is chosen); read here, they are ready, and so are the details of the card a
        coach most often opens first.
        """
        if self._antwoord is None or not self._antwoord.treffers:
            return
        self._details_voorgelezen = True
        eerste = self._antwoord.treffers[0].id

        def klaar(detail: InstrumentDetail) -> None:
            if nummer == self._laadnummer and self._detail is None:
                self._detail = (eerste, detail)

        def lees() -> InstrumentDetail:
            # First wait (without the interpreter) for the free-text index, which builds in a
            # thread of its own after a load: with three Python threads at once (index,
            # patterns, GUI) the GUI thread waited for the interpreter (300+ ms at launch).
            self.service.wacht_op_tekst()
            laad_woordenboek()  # the details' hyphenation patterns: 230 ms off the GUI thread
            return self.context.catalogus.detail(eerste)

        self.context.taken.start_functie(
            lees,
            "details voorlezen",
            bij_klaar=klaar,
            bij_fout=lambda _melding: None,  # read again, with its message, when chosen
            eigenaar=self,
        )

    def _index_mislukt(self, nummer: int, melding: str) -> None:
        if nummer == self._laadnummer:
            self._geladen_nummer = nummer
            self.context.gebeurtenissen.melding.emit(melding)

    # --- the question -------------------------------------------------------------------------

    def zoekvraag(self) -> ZoekVraag:
        return self._vraag

    def zet_zoekvraag(self, vraag: ZoekVraag) -> None:
        """Restore every step from `vraag` and search.

        Values the catalogue no longer has (a retired kenmerk, a type with no active
        instrument left) are left out, and the status bar says which.
        """
        self._teksttimer.stop()
        vraag = self._schoon(vraag)
        self._zet_widgets(vraag)
        gewijzigd = vraag != self._vraag
        self._vraag = vraag
        self._zoek()
        if gewijzigd:
            self.zoekvraag_gewijzigd.emit()

    def _schoon(self, vraag: ZoekVraag) -> ZoekVraag:
        vraag, weg = zoekvraag_widgets.schoon(vraag, self.service)
        if weg:
            self.context.gebeurtenissen.melding.emit(
                "Niet meer in de catalogus, daarom weggelaten: " + ", ".join(weg)
            )
        return vraag

    def _zet_widgets(self, vraag: ZoekVraag) -> None:
        self._bezig = True
        try:
            zoekvraag_widgets.zet_widgets(self, vraag)
        finally:
            self._bezig = False
        self._teksttimer.stop()

    def _uit_widgets(self) -> None:
        if self._bezig:
            return
        self._teksttimer.stop()
        vraag = zoekvraag_widgets.lees_widgets(self)
        if vraag != self._vraag:
            self._vraag = vraag
            self._zoek()
            self.zoekvraag_gewijzigd.emit()

    def _wis_stap(self, stap: int) -> None:
        v = self._vraag
        if stap == 1:
            nieuw = v.model_copy(update={"routes": frozenset()})
        elif stap == 2:
            nieuw = v.model_copy(update={"kenmerken": frozenset()})
        else:
            nieuw = ZoekVraag(routes=v.routes, kenmerken=v.kenmerken)
        self.zet_zoekvraag(nieuw)

    def _chip_weg(self, positie: int) -> None:
        self.zet_zoekvraag(self.chips_koppeling.zonder(self._vraag, positie))

    def _uitweg(self, positie: int) -> None:
        self.zet_zoekvraag(self.chips_koppeling.uitweg(positie))

    # --- searching ----------------------------------------------------------------------------

    def _sortering(self) -> Sortering:
        return Sortering(self.sortering.currentData() or Sortering.RELEVANTIE)

    def _zoek(self) -> None:
        sortering = self._sortering()
        geselecteerd = self._huidig_id()
        antwoord = self.service.zoek(self._vraag, sortering, self._wensen)
        self._antwoord = antwoord
        self._gezocht_met = sortering
        f = antwoord.facetten
        self._werk_routes_bij(antwoord)
        # One relayout of the tree afterwards instead of a height check per changed row
        # (the tree's rows wrap, so Qt would re-measure each of them for every new count).
        self.kenmerk_stap.boom.scheduleDelayedItemsLayout()
        self.kenmerk_model.zet_aantallen(f.kenmerken)
        for sleutel, model in self.facet_modellen.items():
            model.zet_aantallen(getattr(f, sleutel))
        self.kaarten.kaart_delegate.vergeet()
        self.resultaten_model.zet_treffers(antwoord.treffers)
        self._werk_teksten_bij(antwoord)
        if geselecteerd is not None and (rij := self.resultaten_model.rij_van(geselecteerd)) >= 0:
            self.kaarten.maak_huidig(rij)  # open details follow it; closed ones stay closed
        else:
            self._toon_detail(None)

    def _werk_routes_bij(self, antwoord: ZoekAntwoord) -> None:
        zoekvraag_widgets.werk_routes_bij(self, self.service, antwoord, self._klantweergave)

    def _werk_teksten_bij(self, antwoord: ZoekAntwoord) -> None:
        """The count line and chips, in the words of the current view (coach or client)."""
        self.aantal.setText(
            tk.aantal_tekst(antwoord.aantal, antwoord.totaal_actief, self._klantweergave)
        )
        self._werk_chips_bij(antwoord)

    def _werk_chips_bij(self, antwoord: ZoekAntwoord) -> None:
        klant = self._klantweergave
        self.samenvatting.setText(tk.NIETS_GEKOZEN_KLANT if klant else tk.NIETS_GEKOZEN)
        self.chips.zet_chips(self.chips_koppeling.chips(self._vraag, klant))
        # Before the first load the catalogue is not empty, just not there yet.
        leeg = antwoord.aantal == 0 and self.service.geladen
        if leeg and antwoord.totaal_actief == 0:
            self.niets.zet_lege_catalogus()
        elif leeg:
            self.niets.zet_uitwegen(self.chips_koppeling.uitwegen(self._vraag, klant))
        self.lijst_of_niets.setCurrentWidget(self.niets if leeg else self.kaarten)

    def _huidig_id(self) -> int | None:
        rijen = self.kaarten.selectionModel().selectedRows()
        return int(rijen[0].data(ID_ROL)) if rijen else None

    def _selectie_gewijzigd(self, _nieuw: QItemSelection, _oud: QItemSelection) -> None:
        """Another current card: open details follow it; closed ones stay closed (F7: paging
        with the keyboard must not open them, nor halve the list)."""
        self._toon_detail(self._huidig_id(), openen=False)

    def _kies_kaart(self) -> None:
        """A card chosen (click, Space, Enter): its details, opened if they were closed."""
        self._toon_detail(self._huidig_id(), openen=True)

    def _toon_detail(self, instrument_id: int | None, *, openen: bool = True) -> None:
        """Show an instrument's details; `openen=False` only refreshes them when open."""
        op_lijst = instrument_id is not None and instrument_id in self._korte_lijst
        self._werk_korte_lijst_knop(instrument_id)
        if instrument_id is None:
            self.detail.toon(None)
            self.detail.hide()
            self._schik()
            return
        if not openen and self.detail.isHidden():
            return
        if self._detail is not None and self._detail[0] == instrument_id:
            detail = self._detail[1]
        else:
            try:
                detail = self.context.catalogus.detail(instrument_id)
            except KeuzehulpError as fout:
                self.detail.toon(None)
                self.context.gebeurtenissen.melding.emit(fout.melding)
                return
            self._detail = (instrument_id, detail)
        self.detail.toon(detail, op_korte_lijst=op_lijst)
        if self.detail.isHidden():
            self.detail.show()
            self._schik()
            self._resultaten_deel.verdeel()
            self.kaarten.scrollTo(self.kaarten.currentIndex())
            self.detail.naar_boven()

    def _schik(self) -> None:
        """Client view with details open and little room (the Gesprek panel is open): the
        steps make way, so that the large cards and the details fit side by side."""
        open_ = self.detail.isVisibleTo(self)
        # The client view uses the details' own button: the bar keeps room for large type.
        self.knop_korte_lijst.setVisible(not self._klantweergave)
        if not (self._klantweergave and open_):
            self._toon_stappen(True)
            return
        naast = self._resultaten_deel.NAAST_ELKAAR_VANAF
        if self.splitter.width() - self.stappen_kolom.width() < naast:
            self._toon_stappen(False)

    def _open_detail(self) -> None:
        """Enter on a card: the details, with the keyboard in them (Esc goes back)."""
        if self._huidig_id() is not None:
            self._kies_kaart()
            self.detail.tekst.setFocus()

    def _sluit_detail(self) -> None:
        self.detail.hide()
        self._toon_stappen(True)
        self._schik()
        self.kaarten.setFocus()

    def _werk_korte_lijst_knop(self, instrument_id: int | None) -> None:
        knop = self.knop_korte_lijst
        if instrument_id is not None and instrument_id in self._korte_lijst:
            knop.setText(korte_lijst_tekst(self._klantweergave))
            knop.setAccessibleName(korte_lijst_tekst(self._klantweergave))
            knop.setEnabled(False)
        else:
            knop.setText("Op de korte lijst")
            knop.setAccessibleName("Zet het gekozen instrument op de korte lijst")
            knop.setEnabled(instrument_id is not None)

    def _korte_lijst_huidige(self) -> None:
        instrument_id = self._huidig_id()
        if instrument_id is not None and instrument_id not in self._korte_lijst:
            self.korte_lijst_gevraagd.emit(instrument_id)

    # --- wishes and shortlist (Samen beslissen) ----------------------------------------------

    def zet_wensen(self, wensen: Sequence[WensKeuze], zoeken: bool = True) -> None:
        """The client's wishes: every card says how many it meets; a sort order follows them.

        `zoeken=False`: do not search again for them (a zet_zoekvraag follows, which does).
        """
        self._wensen = tuple(wensen)
        self.resultaten_model.zet_wensen(self._wensen)  # the cards say the fit themselves
        self._vul_sortering()
        sortering = self._sortering()
        if not zoeken:
            return
        if sortering is Sortering.WENSEN or sortering != self._gezocht_met:
            self._zoek()  # the order follows the wishes, or the wishes' order went away

    def zet_korte_lijst(self, ids: frozenset[int]) -> None:
        """The instruments on the shortlist: their cards are marked, their button says so."""
        self._korte_lijst = frozenset(ids)
        self.resultaten_model.zet_korte_lijst(self._korte_lijst)
        huidig = self._huidig_id()
        self._werk_korte_lijst_knop(huidig)
        self.detail.zet_op_korte_lijst(huidig is not None and huidig in self._korte_lijst)

    # --- client view --------------------------------------------------------------------------

    def klantweergave(self) -> bool:
        return self._klantweergave

    def zet_klantweergave(self, aan: bool) -> None:
        if aan == self._klantweergave:
            return
        # Font, steps' width and the results' orientation each change the cards' width:
        # they re-flow once, at the end, instead of once per change (issue 13).
        with self.kaarten.samen_indelen(), self.kenmerk_stap.boom.samen_bijwerken():
            self._zet_klantweergave(aan)

    def _zet_klantweergave(self, aan: bool) -> None:
        self._klantweergave = aan
        self.actie_klantweergave.setChecked(aan)
        font = QFont(self._basisfont)
        if aan:
            font.setPointSizeF(self._basisfont.pointSizeF() * KLANT_SCHAAL)
        self.setFont(font)
        # Widgets with a style sheet do not follow the parent's font; set theirs directly.
        for kind in (self.niet_alles, *self.route_stap.vakjes.values()):
            kind.setFont(font)
        self.zet_stapnamen(klant=self._klantweergave)
        self.sorteer_label.setVisible(not aan)
        self._vul_sortering()
        self.praktisch_stap.zet_klantweergave(aan, tk.SECTIES_INTERN)
        self.praktisch_stap.zet_titels(
            {**tk.SECTIE_TITELS, **tk.SECTIE_TITELS_KLANT} if aan else tk.SECTIE_TITELS
        )
        for model in self.facet_modellen.values():
            model.zet_klantweergave(aan)
        self.kenmerk_model.zet_klantweergave(aan)
        self.resultaten_model.zet_klantweergave(aan)
        self.detail.zet_klantweergave(aan)
        self.kenmerk_stap.pas_kolommen_aan()
        self.titel.setText(tk.TITEL_KLANT if aan else tk.TITEL)
        self.niet_alles.setText(tk.NIET_ALLES_KLANT if aan else tk.NIET_ALLES)
        self.route_stap.zet_klantweergave(aan)
        self.kenmerk_stap.zet_klantweergave(aan)
        if self._antwoord is None or self._sortering() != self._gezocht_met:
            self._zoek()  # the client view offers fewer sort orders: the order changed
        else:
            # Same results, same counts: only the words change (the cards redraw themselves).
            self._werk_routes_bij(self._antwoord)
            self._werk_teksten_bij(self._antwoord)
            self._werk_korte_lijst_knop(self._huidig_id())
        if not aan:
            self._toon_stappen(True)
        self._pas_stapbreedte_aan()
        self._schik()
        self.klantweergave_gewijzigd.emit(aan)

    def _pas_stapbreedte_aan(self) -> None:
        """Give the steps the width their (larger) texts need, so no route count is cut."""
        links = self.splitter.widget(0)
        if links is None:
            return
        nodig = max(links.sizeHint().width(), STAPPEN_BREEDTE)
        if not self._klantweergave:
            nodig = STAPPEN_BREEDTE
        totaal = sum(self.splitter.sizes())
        self.splitter.setSizes([nodig, max(totaal - nodig, 1)])
