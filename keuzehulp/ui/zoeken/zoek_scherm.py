"""ZoekScherm: the three-step search the app opens on, and its contract with other screens."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.model.tekst import bedrag
from keuzehulp.services.instrumentdetail import lees_detail
from keuzehulp.services.zoeken import Sortering, ZoekAntwoord, ZoekService
from keuzehulp.services.zoekinvoer import lees_bedrag
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.zoeken.detail import DetailPaneel
from keuzehulp.ui.zoeken.modellen import (
    ID_ROL,
    KenmerkBoomModel,
    Kolom,
    ResultatenModel,
    Waarde,
    WaardenModel,
)
from keuzehulp.ui.zoeken.stappen import KenmerkStap, PraktischStap, RouteStap

log = logging.getLogger(__name__)

NIET_ALLES = (
    "Let op: de keuzehulp bevat niet het hele aanbod. Maatwerk, de sociale kaart, de "
    "standaardinstrumenten en langdurige werkomgevingen staan er niet in."
)
NIET_ALLES_KLANT = (
    "Let op: hier staat niet alle hulp. Er is ook hulp op maat en hulp in je buurt. "
    "Je werkcoach vertelt je daar meer over."
)
TITEL = "<b>Zoek samen een instrument</b> — kies in drie stappen"
TITEL_KLANT = "<b>Samen zoeken wat bij je past</b> — in drie stappen"
SORTERINGEN = (
    (Sortering.RELEVANTIE, "Best passend"),
    (Sortering.NAAM, "Naam"),
    (Sortering.KOSTEN, "Kosten (laagste eerst)"),
    (Sortering.WAARDERING, "Cijfer (hoogste eerst)"),
)
KLANT_SCHAAL = 1.4
KOLOMBREEDTES = {
    Kolom.NAAM: 265,
    Kolom.TYPE: 85,
    Kolom.AANBIEDER: 120,
    Kolom.GEMEENTE: 100,
    Kolom.DUUR: 90,
    Kolom.KOSTEN: 80,
}


class ZoekScherm(QWidget):
    """The search screen.

    Contract for screens built on top of it (Samen beslissen):
    - `korte_lijst_gevraagd(int)`: the user asked to put this instrument id on the short list;
    - `zoekvraag()` / `zet_zoekvraag(vraag)`: read or restore every step;
    - `zoekvraag_gewijzigd()`: any step changed;
    - `klantweergave_gewijzigd(bool)` / `zet_klantweergave(aan)`: the client view.
    """

    korte_lijst_gevraagd = Signal(int)
    zoekvraag_gewijzigd = Signal()
    klantweergave_gewijzigd = Signal(bool)

    def __init__(
        self,
        context: AppContext,
        service: ZoekService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.service = service if service is not None else ZoekService(context.database)
        self._vraag = ZoekVraag()
        self._antwoord: ZoekAntwoord | None = None
        self._klantweergave = False
        self._bezig = False  # while widgets are set from code: no searching per widget
        self._basisfont = QFont(self.font())
        self.setAccessibleName("Zoeken")

        self.kenmerk_model = KenmerkBoomModel()
        self.gemeente_model = WaardenModel("gemeenten")
        self.type_model = WaardenModel("types")
        self.onderbouwing_model = WaardenModel("onderbouwing")
        self.resultaten_model = ResultatenModel()

        self._bouw_kop()
        self._bouw_stappen()
        self._bouw_resultaten()
        self._bouw_sneltoetsen()

        hoofd = QSplitter(Qt.Orientation.Horizontal)
        hoofd.addWidget(self.stappen)
        hoofd.addWidget(self._resultaten_deel)
        hoofd.setStretchFactor(0, 2)
        hoofd.setStretchFactor(1, 3)
        hoofd.setSizes([460, 780])
        hoofd.setChildrenCollapsible(False)
        self.splitter = hoofd
        layout = QVBoxLayout(self)
        layout.addLayout(self._kop)
        layout.addWidget(self.niet_alles)
        layout.addWidget(hoofd, 1)

        self._teksttimer = QTimer(self)
        self._teksttimer.setSingleShot(True)
        self._teksttimer.setInterval(200)
        self._teksttimer.timeout.connect(self._uit_widgets)
        self._vul_opties()
        self._zoek()

    # --- building -----------------------------------------------------------------------------

    def _bouw_kop(self) -> None:
        self.titel = QLabel(TITEL)
        self.titel.setWordWrap(True)
        self.actie_klantweergave = QAction("&Klantweergave", self)
        self.actie_klantweergave.setCheckable(True)
        self.actie_klantweergave.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.actie_klantweergave.setToolTip(
            "Grote letters en gewone taal voor de klant; interne velden verborgen (Ctrl+Shift+K)"
        )
        self.actie_klantweergave.toggled.connect(self.zet_klantweergave)
        self.knop_klant = QToolButton()
        self.knop_klant.setDefaultAction(self.actie_klantweergave)
        self.knop_klant.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.knop_klant.setAccessibleName("Klantweergave aan of uit")
        self.knop_alles_wissen = QPushButton("Alles w&issen")
        self.knop_alles_wissen.setAccessibleName("Wis de keuzes van alle stappen")
        self.knop_alles_wissen.clicked.connect(lambda: self.zet_zoekvraag(ZoekVraag()))
        self._kop = QHBoxLayout()
        self._kop.addWidget(self.titel, 1)
        self._kop.addWidget(self.knop_klant)
        self._kop.addWidget(self.knop_alles_wissen)
        self.niet_alles = QLabel(NIET_ALLES)
        self.niet_alles.setWordWrap(True)
        self.niet_alles.setAccessibleName("Let op: niet het hele aanbod")
        self.niet_alles.setStyleSheet(
            "background: #eef4fb; color: #1d3a5c; border: 1px solid #b8cce4; padding: 4px;"
        )

    def _bouw_stappen(self) -> None:
        self.route_stap = RouteStap()
        self.kenmerk_stap = KenmerkStap(self.kenmerk_model)
        self.praktisch_stap = PraktischStap(
            self.gemeente_model, self.type_model, self.onderbouwing_model
        )
        self.stappen = QTabWidget()
        self.stappen.setAccessibleName("Stappen")
        self.stappen.addTab(self.route_stap, "1. Route")
        self.stappen.addTab(self.kenmerk_stap, "2. Kenmerken")
        self.stappen.addTab(self.praktisch_stap, "3. Praktisch")
        for i in range(3):
            self.stappen.setTabToolTip(i, f"Stap {i + 1} (Alt+{i + 1})")
        # All three steps stay in sight (large type shortens their names) instead of scrolling.
        self.stappen.setUsesScrollButtons(False)
        self.stappen.setElideMode(Qt.TextElideMode.ElideRight)
        self.route_stap.wis.clicked.connect(lambda: self._wis_stap(1))
        self.kenmerk_stap.wis.clicked.connect(lambda: self._wis_stap(2))
        self.praktisch_stap.wis.clicked.connect(lambda: self._wis_stap(3))
        for model in (self.kenmerk_model, self.gemeente_model, self.type_model):
            model.keuze_gewijzigd.connect(self._uit_widgets)
        self.onderbouwing_model.keuze_gewijzigd.connect(self._uit_widgets)
        self.kenmerk_stap.boom.selectionModel().currentChanged.connect(self._toon_kenmerkuitleg)
        self.praktisch_stap.tekst.textChanged.connect(lambda _t: self._teksttimer.start())
        self.praktisch_stap.max_kosten.textChanged.connect(lambda _t: self._teksttimer.start())

    def _bouw_resultaten(self) -> None:
        self.aantal = QLabel()
        self.aantal.setAccessibleName("Aantal gevonden instrumenten")
        self.aantal.setWordWrap(True)  # narrow screens: the count may take two lines
        self.sortering = QComboBox()
        for waarde, tekst in SORTERINGEN:
            self.sortering.addItem(tekst, waarde)
        self.sortering.setAccessibleName("Sorteren op")
        # Full width when there is room; on a narrow screen it may shrink (text elided).
        self.sortering.setMinimumWidth(self.sortering.fontMetrics().horizontalAdvance("Naam") + 48)
        self.sortering.currentIndexChanged.connect(lambda _i: self._zoek())
        # No mnemonic: Alt+S is the conversation panel's "Soort doel" (see _bouw_sneltoetsen).
        self.sorteer_label = sorteer_label = QLabel("Sorteren op:")
        sorteer_label.setBuddy(self.sortering)
        self.knop_korte_lijst = QPushButton("Op de korte lijst")
        self.knop_korte_lijst.setToolTip("Zet het gekozen instrument op de korte lijst (Ctrl+L)")
        self.knop_korte_lijst.setAccessibleName("Zet het gekozen instrument op de korte lijst")
        self.knop_korte_lijst.setEnabled(False)
        self.knop_korte_lijst.clicked.connect(self._korte_lijst_huidige)
        balk = QHBoxLayout()
        balk.addWidget(self.aantal, 1)
        balk.addWidget(sorteer_label)
        balk.addWidget(self.sortering)
        balk.addWidget(self.knop_korte_lijst)
        self.samenvatting = QLabel()
        self.samenvatting.setWordWrap(True)
        self.samenvatting.setAccessibleName("Gekozen in de stappen")

        self.tabel = QTableView()
        self.tabel.setModel(self.resultaten_model)
        self.tabel.setAccessibleName("Gevonden instrumenten")
        self.tabel.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tabel.setAlternatingRowColors(True)
        self.tabel.setWordWrap(False)
        self.tabel.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tabel.verticalHeader().hide()
        self.tabel.verticalHeader().setAccessibleName("Regelnummers")
        kop = self.tabel.horizontalHeader()
        kop.setAccessibleName("Kolommen van de resultaten")
        kop.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        kop.setStretchLastSection(True)
        for kolom, breedte in KOLOMBREEDTES.items():
            self.tabel.setColumnWidth(kolom, breedte)
        self._zet_rijhoogte()
        self.tabel.selectionModel().selectionChanged.connect(self._selectie_gewijzigd)
        kop.setSectionsClickable(True)
        kop.sectionClicked.connect(self._kop_geklikt)
        self.detail = DetailPaneel()
        self.detail.korte_lijst_gevraagd.connect(self.korte_lijst_gevraagd)

        boven = QWidget()
        boven_layout = QVBoxLayout(boven)
        boven_layout.setContentsMargins(0, 0, 0, 0)
        boven_layout.addLayout(balk)
        boven_layout.addWidget(self.samenvatting)
        boven_layout.addWidget(self.tabel, 1)
        deel = QSplitter(Qt.Orientation.Vertical)
        deel.addWidget(boven)
        deel.addWidget(self.detail)
        deel.setSizes([460, 320])
        self._resultaten_deel = deel

    def _bouw_sneltoetsen(self) -> None:
        self.sneltoetsen: list[QShortcut] = []
        for stap in range(3):
            toets = QShortcut(QKeySequence(f"Alt+{stap + 1}"), self)
            toets.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            toets.activated.connect(lambda s=stap: self.ga_naar_stap(s))
            self.sneltoetsen.append(toets)
        for reeks, doel in (
            ("Alt+4", self.tabel.setFocus),
            ("Ctrl+F", self.praktisch_stap.tekst.setFocus),
            ("Ctrl+L", self._korte_lijst_huidige),
        ):
            toets = QShortcut(QKeySequence(reeks), self)
            toets.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            toets.activated.connect(doel)
            self.sneltoetsen.append(toets)

    def _kop_geklikt(self, kolom: int) -> None:
        """A click on Naam, Kosten or Cijfer sorts by it; on another column: best match."""
        sortering = {
            Kolom.NAAM: Sortering.NAAM,
            Kolom.KOSTEN: Sortering.KOSTEN,
            Kolom.WAARDERING: Sortering.WAARDERING,
        }.get(Kolom(kolom), Sortering.RELEVANTIE)
        self.sortering.setCurrentIndex(self.sortering.findData(sortering))

    def _zet_rijhoogte(self) -> None:
        """Two lines per result: the name, and why it matches."""
        self.tabel.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.5))

    def ga_naar_stap(self, stap: int) -> None:
        """Show step 0, 1 or 2 and put the keyboard focus on its first control."""
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
        self.route_stap.zet_routes([(r.code, r.label, r.uitleg_client) for r in s.routes])
        for code, vakje in self.route_stap.vakjes.items():
            vakje.toggled.connect(lambda _aan: self._uit_widgets())
            vakje.setObjectName(f"route_{code}")
        self.kenmerk_model.zet_opties(s.kenmerken)
        self.kenmerk_stap.boom.expandToDepth(0)
        self.gemeente_model.zet_waarden([Waarde(g, g) for g in s.gemeenten])
        self.type_model.zet_waarden([Waarde(t, t) for t in s.types])
        self.onderbouwing_model.zet_waarden([Waarde(o, o) for o in s.onderbouwing])
        self.resultaten_model.zet_namen(
            {r.code: r.label for r in s.routes}, {c: k.naam for c, k in s.kenmerken.items()}
        )
        self._zet_widgets(self._vraag)

    def herlaad(self) -> None:
        """Reload the catalogue (after catalogus_gewijzigd) and search again."""
        try:
            self.service.reload()
        except KeuzehulpError as fout:
            self.context.gebeurtenissen.melding.emit(fout.melding)
            return
        self._vul_opties()
        self.zet_zoekvraag(self._vraag)

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
        s = self.service
        bekend = {
            "routes": {r.code for r in s.routes},
            "kenmerken": set(s.kenmerken),
            "gemeenten": set(s.gemeenten),
            "types": set(s.types),
            "onderbouwing": set(s.onderbouwing),
        }
        weg = sorted(w for veld, geldig in bekend.items() for w in getattr(vraag, veld) - geldig)
        if not weg:
            return vraag
        self.context.gebeurtenissen.melding.emit(
            "Niet meer in de catalogus, daarom weggelaten: " + ", ".join(weg)
        )
        return vraag.model_copy(
            update={veld: getattr(vraag, veld) & geldig for veld, geldig in bekend.items()}
        )

    def _zet_widgets(self, vraag: ZoekVraag) -> None:
        self._bezig = True
        try:
            for code, vakje in self.route_stap.vakjes.items():
                vakje.setChecked(code in vraag.routes)
            self.kenmerk_model.zet_gekozen(vraag.kenmerken)
            self.gemeente_model.zet_gekozen(vraag.gemeenten)
            self.type_model.zet_gekozen(vraag.types)
            self.onderbouwing_model.zet_gekozen(vraag.onderbouwing)
            self.praktisch_stap.tekst.setText(vraag.tekst)
            kosten = vraag.max_kosten_centen
            self.praktisch_stap.max_kosten.setText(_als_invoer(kosten))
            self.praktisch_stap.kosten_fout.setText("")
        finally:
            self._bezig = False
        self._teksttimer.stop()

    def _max_kosten(self) -> int | None:
        tekst = self.praktisch_stap.max_kosten.text().strip()
        if not tekst:
            self.praktisch_stap.kosten_fout.setText("")
            return None
        try:
            centen = lees_bedrag(tekst)
        except KeuzehulpError as fout:
            self.praktisch_stap.kosten_fout.setText(fout.melding + " Er geldt nu geen maximum.")
            return None
        self.praktisch_stap.kosten_fout.setText("")
        return centen

    def _uit_widgets(self) -> None:
        if self._bezig:
            return
        self._teksttimer.stop()
        vraag = ZoekVraag(
            routes=frozenset(c for c, v in self.route_stap.vakjes.items() if v.isChecked()),
            kenmerken=self.kenmerk_model.gekozen(),
            gemeenten=self.gemeente_model.gekozen(),
            types=self.type_model.gekozen(),
            onderbouwing=self.onderbouwing_model.gekozen(),
            max_kosten_centen=self._max_kosten(),
            tekst=self.praktisch_stap.tekst.text(),
        )
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

    # --- searching ----------------------------------------------------------------------------

    def _zoek(self) -> None:
        sortering = self.sortering.currentData() or Sortering.RELEVANTIE
        geselecteerd = self._huidig_id()
        antwoord = self.service.zoek(self._vraag, Sortering(sortering))
        self._antwoord = antwoord
        f = antwoord.facetten
        for route in self.service.routes:
            vakje = self.route_stap.vakjes[route.code]
            n = f.routes.get(route.code, 0)
            vakje.setText(f"{route.label}  ({n})")
            vakje.setAccessibleName(f"{route.label}, {n} instrumenten")
            grijs = n == 0 and not vakje.isChecked()
            vakje.setStyleSheet("color: gray" if grijs else "")
        self.kenmerk_model.zet_aantallen(f.kenmerken)
        self.gemeente_model.zet_aantallen(f.gemeenten)
        self.type_model.zet_aantallen(f.types)
        self.onderbouwing_model.zet_aantallen(f.onderbouwing)
        self.resultaten_model.zet_treffers(antwoord.treffers)
        if self._klantweergave:
            woord = "mogelijkheid" if antwoord.aantal == 1 else "mogelijkheden"
        else:
            woord = "instrument" if antwoord.aantal == 1 else "instrumenten"
        self.aantal.setText(f"<b>{antwoord.aantal} {woord}</b> van {antwoord.totaal_actief}")
        self.samenvatting.setText(self._samenvatting())
        if geselecteerd is not None and (rij := self.resultaten_model.rij_van(geselecteerd)) >= 0:
            self.tabel.selectRow(rij)
        else:
            self.detail.toon(None, niets_gevonden=antwoord.aantal == 0)
            self.knop_korte_lijst.setEnabled(False)

    def _samenvatting(self) -> str:
        v = self._vraag
        if v.is_leeg:
            woord = "mogelijkheden" if self._klantweergave else "instrumenten"
            return f"Nog niets gekozen: alle {woord} staan in de lijst."
        delen = []
        labels = {r.code: r.label for r in self.service.routes}
        kenmerken = self.service.kenmerken
        if v.routes:
            delen.append("Route: " + ", ".join(labels.get(c, c) for c in sorted(v.routes)))
        if v.kenmerken and self._klantweergave:
            n = len(v.kenmerken)
            delen.append(f"{n} " + ("punt" if n == 1 else "punten") + " om aan te werken")
        elif v.kenmerken:
            namen = (kenmerken[c].naam if c in kenmerken else c for c in sorted(v.kenmerken))
            delen.append("Kenmerken: " + ", ".join(namen))
        for titel, waarden in (
            ("Gemeente", v.gemeenten),
            ("Type", v.types),
            ("Onderbouwing", v.onderbouwing),
        ):
            if waarden:
                delen.append(f"{titel}: " + ", ".join(sorted(waarden)))
        if v.max_kosten_centen is not None and not self._klantweergave:
            delen.append(f"Hoogstens {bedrag(v.max_kosten_centen)}")
        if v.tekst.strip():
            delen.append(f"Tekst: “{v.tekst.strip()}”")
        return "Gekozen — " + " · ".join(delen)

    def _huidig_id(self) -> int | None:
        rijen = self.tabel.selectionModel().selectedRows()
        return int(rijen[0].data(ID_ROL)) if rijen else None

    def _selectie_gewijzigd(self, _nieuw: QItemSelection, _oud: QItemSelection) -> None:
        instrument_id = self._huidig_id()
        self.knop_korte_lijst.setEnabled(instrument_id is not None)
        if instrument_id is None:
            self.detail.toon(None)
            return
        try:
            self.detail.toon(lees_detail(self.context.database, instrument_id))
        except KeuzehulpError as fout:
            self.detail.toon(None)
            self.context.gebeurtenissen.melding.emit(fout.melding)

    def _toon_kenmerkuitleg(self, huidig: QModelIndex, _vorig: QModelIndex) -> None:
        code = huidig.data(ID_ROL) if huidig.isValid() else None
        optie = self.service.kenmerken.get(str(code)) if code else None
        if optie is None:
            self.kenmerk_stap.uitleg.setText("")
            return
        tekst = optie.uitleg_client if self._klantweergave else optie.uitleg
        self.kenmerk_stap.uitleg.setText(f"<b>{optie.naam}</b><br>{tekst}")

    def _korte_lijst_huidige(self) -> None:
        instrument_id = self._huidig_id()
        if instrument_id is not None:
            self.korte_lijst_gevraagd.emit(instrument_id)

    # --- client view --------------------------------------------------------------------------

    def klantweergave(self) -> bool:
        return self._klantweergave

    def zet_klantweergave(self, aan: bool) -> None:
        if aan == self._klantweergave:
            return
        self._klantweergave = aan
        self.actie_klantweergave.setChecked(aan)
        font = QFont(self._basisfont)
        if aan:
            font.setPointSizeF(self._basisfont.pointSizeF() * KLANT_SCHAAL)
        self.setFont(font)
        # Widgets with a style sheet do not follow the parent's font; set theirs directly.
        for kind in (self.niet_alles, *self.route_stap.vakjes.values()):
            kind.setFont(font)
        self._zet_rijhoogte()
        self.tabel.setColumnHidden(Kolom.KOSTEN, aan)
        # The provider is in the detail view; the client needs the room for larger type.
        self.tabel.setColumnHidden(Kolom.AANBIEDER, aan)
        schaal = KLANT_SCHAAL if aan else 1.0
        for kolom, breedte in KOLOMBREEDTES.items():
            self.tabel.setColumnWidth(kolom, int(breedte * schaal))
        # The coach sorts; in large type the label left the count one word per line.
        self.sorteer_label.setVisible(not aan)
        self.praktisch_stap.kosten_rij.setVisible(not aan)
        self.praktisch_stap.kosten_label.setVisible(not aan)
        self.kenmerk_model.zet_klantweergave(aan)
        self.resultaten_model.zet_klantweergave(aan)
        self.detail.zet_klantweergave(aan)
        self.kenmerk_stap.pas_kolommen_aan()
        self.titel.setText(TITEL_KLANT if aan else TITEL)
        self.niet_alles.setText(NIET_ALLES_KLANT if aan else NIET_ALLES)
        self.route_stap.zet_klantweergave(aan)
        self.kenmerk_stap.zet_klantweergave(aan)
        self._zoek()
        self._toon_kenmerkuitleg(self.kenmerk_stap.boom.currentIndex(), QModelIndex())
        self.samenvatting.setText(self._samenvatting())
        self.klantweergave_gewijzigd.emit(aan)


def _als_invoer(centen: int | None) -> str:
    """Cents as the cost field shows them: 125000 -> '1250', 125050 -> '1250,50'."""
    if centen is None:
        return ""
    euro, cent = divmod(centen, 100)
    return f"{euro},{cent:02d}" if cent else str(euro)
