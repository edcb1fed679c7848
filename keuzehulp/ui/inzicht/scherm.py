"""The Inzicht screen: filters, key figures, and sub-tabs with charts and tables.

All figures come from services/inzicht (suppression included) and are computed in a
background task, together with everything the tables need per row (`Voorbereid`); the GUI
thread only swaps prepared contents into lazy models and draws two small charts (at most 24
months, 8 bars). A newer request makes an older answer void.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.inzicht.export import kosten_per_maand
from keuzehulp.services.inzicht.filter import InzichtFilter, laatste_maanden
from keuzehulp.services.inzicht.onderdrukking import ONDERDRUKT_UITLEG, getal_nl
from keuzehulp.services.inzicht.overzicht import Inzicht
from keuzehulp.services.inzicht.voorbereid import Voorbereid
from keuzehulp.services.voorbeeldgesprekken import GesprekkenStand
from keuzehulp.ui import bestandsfilters
from keuzehulp.ui.beheer.instrumenten_view import tabel as maak_tabel
from keuzehulp.ui.bestandskeuze import kies_exportbestand
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.vragen import vraag_ja_nee
from keuzehulp.ui.inzicht import grafieken
from keuzehulp.ui.inzicht.kop import DEMO_AANTAL, KernCijfers, Melding, leeg_tekst
from keuzehulp.ui.inzicht.tabelmodel import InzichtTabelModel, TabelInhoud, bereid_voor
from keuzehulp.ui.taken import Taak

# Units of work that change the figures without touching the catalogue (MutatieContext.bron).
BRONNEN_VAN_GESPREKKEN = frozenset({"gesprek", "terugblik", "voorbeeldgesprekken"})
PERIODES = ("Laatste 12 maanden", "Dit jaar", "Vorig jaar", "Alles", "Eigen periode")
# The cost table: one row per month with the gemeenten side by side (what a manager reads),
# or the service's rows per month and gemeente (with the choices without an amount).
KOSTEN_VORMEN = (
    ("Per maand, gemeenten naast elkaar", "maanden"),
    ("Per maand en gemeente, met keuzes zonder bedrag", "rijen"),
)
DIMENSIES = (
    ("Per instrument", "gebruik_instrument"),
    ("Per route", "gebruik_route"),
    ("Per kenmerk", "gebruik_kenmerk"),
    ("Per gemeente", "gebruik_gemeente"),
    ("Per maand", "gebruik_periode"),
)
MAX_EERSTE_KOLOM = 380
MIN_EERSTE_KOLOM = 220  # instrument names shorter than this are elided (full in the tooltip)
_KLAAR = object()  # `_bouw_verder`: the last page is built
RUIMTE = 34  # pixels beside a column's longest text: cell margins and the sort arrow
MAX_EXTRA = 120  # pixels a figure column may grow beyond that when the window has room


def _datum(q: QDate) -> dt.date:
    return dt.date(q.year(), q.month(), q.day())


def periode(
    keuze: str, vandaag: dt.date, van: dt.date, tot: dt.date
) -> tuple[dt.date | None, dt.date | None]:
    """The dates of a period choice (PERIODES); "Eigen periode" takes `van` and `tot`."""
    if keuze == "Laatste 12 maanden":
        return laatste_maanden(vandaag)
    if keuze == "Dit jaar":
        return dt.date(vandaag.year, 1, 1), vandaag
    if keuze == "Vorig jaar":
        return dt.date(vandaag.year - 1, 1, 1), dt.date(vandaag.year - 1, 12, 31)
    if keuze == "Eigen periode":
        return van, tot
    return None, None


class TabelPaneel(QWidget):
    """A title with its explanation (one text, to leave the table room) and a sortable
    table of one Inzicht table."""

    def __init__(self, naam: str, *, warmte: bool = False) -> None:
        super().__init__()
        self.uitleg = QLabel()
        self.uitleg.setWordWrap(True)
        self.uitleg.setTextFormat(Qt.TextFormat.RichText)
        self.uitleg.setAccessibleName(f"{naam}: uitleg")
        self.model = InzichtTabelModel(self, warmte=warmte)
        self.view: QTableView = maak_tabel(self.model, naam)
        # Rows start in the service's order (months, kenmerk tree); a header click sorts
        # (InzichtTabelModel.sort, on keys held in the model).
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._breedtes: list[int] = []  # each column's natural width (`toon`)
        self.view.viewport().installEventFilter(self)
        # An empty table says why and what to do, instead of showing bare headers.
        self.leeg = QLabel()
        self.leeg.setWordWrap(True)
        self.leeg.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.leeg.setAccessibleName(f"{naam}: leeg")
        self.leeg.setStyleSheet("color: #505050; padding: 24px")
        self.stapel = QStackedWidget()
        self.stapel.addWidget(self.view)
        self.stapel.addWidget(self.leeg)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(3)
        lay.addWidget(self.uitleg)
        lay.addWidget(self.stapel, 1)

    def toon(self, inhoud: TabelInhoud, leeg: str | None = None) -> None:
        """Swap in prepared contents; each column as wide as its longest text (found in the
        worker), measured once per column instead of asking the model for every row.

        The explanation of ‘verborgen’ only shows when the table hides a figure; `leeg`
        replaces the service's sentence for an empty table."""
        tabel = inhoud.tabel
        uitleg = tabel.uitleg
        if not inhoud.verborgen:
            uitleg = uitleg.replace(ONDERDRUKT_UITLEG, "").strip()
        self.uitleg.setText(
            f"<b>{escape(tabel.titel, quote=False)}.</b> {escape(uitleg, quote=False)}".strip()
        )
        self.leeg.setText(leeg or tabel.leeg)
        self.stapel.setCurrentWidget(self.view if inhoud.rijen else self.leeg)
        self.model.zet_tabel(inhoud)
        vet = QFont(self.view.font())
        vet.setBold(True)  # totals are bold; headers may be too, depending on the style
        maat = QFontMetrics(vet)
        self._breedtes = [maat.horizontalAdvance(tekst) + RUIMTE for tekst in inhoud.langste]
        self._pas_kolommen()

    def _pas_kolommen(self) -> None:
        """Each column as wide as its longest text; when they do not all fit, the names in
        the first column give way (down to MIN_EERSTE_KOLOM; the tooltip has the full name)
        so that a laptop shows every figure without scrolling sideways."""
        if not self._breedtes:
            return
        kop = self.view.horizontalHeader()
        eerste, *rest = self._breedtes
        ruimte = self.view.viewport().width() - sum(rest)
        breed = min(eerste, MAX_EERSTE_KOLOM, max(MIN_EERSTE_KOLOM, ruimte))
        over = max(0, ruimte - breed)
        # Room to spare: half of it for a long name cut short, the rest shared by the other
        # columns (up to MAX_EXTRA each), so that a table of a few columns does not huddle
        # in the left half of a wide window.
        breed += min(eerste - breed, over // 2) if eerste > breed else 0
        kop.resizeSection(0, breed)
        extra = min(MAX_EXTRA, max(0, ruimte - breed) // max(1, len(rest)))
        for kolom, breedte in enumerate(rest, start=1):
            kop.resizeSection(kolom, breedte + extra)

    def eventFilter(self, bron: QObject, event: QEvent) -> bool:  # noqa: N802
        # The viewport's own resize: the panel's comes before its table has its new size.
        if bron is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._pas_kolommen()
        return False


class InzichtScherm(QWidget):
    """For beheerders and management: use, cost, coverage, overlap, upkeep and outcomes."""

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.inzicht: Inzicht | None = None
        self._inhoud: dict[str, TabelInhoud] = {}
        self.stand: GesprekkenStand | None = None
        self._volgnummer = 0
        self._bouw_kerncijfers()
        self._bouw_filters()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Inzicht-onderdelen")
        # The tab pages (eight tables, three charts: about 70 ms) are built one per turn of
        # the event loop after the first paint, so that opening the screen never blocks the
        # window for long; `_bouw_af` finishes them at once when they are needed earlier.
        self._stappen: Iterator[None] | None = self._bouw_tabs()
        lay = QVBoxLayout(self)
        lay.setSpacing(4)
        lay.addLayout(self.filterrij)
        lay.addWidget(self.melding)
        lay.addWidget(self.kern)
        lay.addWidget(self.tabs, 1)
        self._verouderd = False
        context.gebeurtenissen.wijzigingen.connect(self._bij_wijzigingen)
        self.ververs()
        QTimer.singleShot(0, self, self._bouw_verder)

    def _bouw_verder(self) -> None:
        """Build the next tab page, then come back after the events waiting meanwhile."""
        if self._stappen is None:
            return
        if next(self._stappen, _KLAAR) is _KLAAR:
            self._stappen = None
            return
        QTimer.singleShot(0, self, self._bouw_verder)

    def _bouw_af(self) -> None:
        """Build the tab pages still missing, now (figures arrived, a tab was asked for)."""
        if self._stappen is not None:
            for _ in self._stappen:
                pass
            self._stappen = None

    def _bij_wijzigingen(self, wijzigingen: Wijzigingen) -> None:
        """The catalogue, a gesprek or a terugblik changed (also from another app)."""
        if wijzigingen.raakt_catalogus or wijzigingen.bron in BRONNEN_VAN_GESPREKKEN:
            self._bij_wijziging()

    def _bij_wijziging(self) -> None:
        """The catalogue changed: recompute now when shown, else on the next showing."""
        if self.isVisible():
            self.ververs()
        else:
            self._verouderd = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._verouderd:
            self._verouderd = False
            self.ververs()

    # --- building -------------------------------------------------------------------------

    def _bouw_filters(self) -> None:
        self.periode = QComboBox()
        self.periode.addItems(PERIODES)
        self.periode.setAccessibleName("Periode")
        vandaag = QDate.currentDate()
        self.van, self.tot = QDateEdit(vandaag.addMonths(-3)), QDateEdit(vandaag)
        for w, naam in ((self.van, "Van datum"), (self.tot, "Tot en met datum")):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd-MM-yyyy")
            w.setAccessibleName(naam)
            w.setVisible(False)
        self.gemeente = QComboBox()
        self.gemeente.setAccessibleName("Gemeente")
        self.gemeente.addItem("Alle gemeenten", None)
        for naam in self.context.inzicht.gemeenten():
            self.gemeente.addItem(naam, naam)
        self.vernieuw_knop = QPushButton("&Vernieuwen")
        self.export_knop = QPushButton("E&xporteren…")
        self.export_knop.setToolTip("Alles naar Excel (.xlsx) of PDF, met dezelfde filters")
        self.stop_knop = QPushButton("&Stoppen")
        self.stop_knop.setToolTip("Het exporteren stoppen; er wordt dan geen bestand geschreven")
        self.stop_knop.setVisible(False)
        self.export_taak: Taak | None = None
        self.filterrij = QHBoxLayout()
        for tekst, widget in (("&Periode:", self.periode), ("&Gemeente:", self.gemeente)):
            label = QLabel(tekst)
            label.setBuddy(widget)
            self.filterrij.addWidget(label)
            self.filterrij.addWidget(widget)
            if widget is self.periode:
                self.filterrij.addWidget(self.van)
                self.filterrij.addWidget(self.tot)
        self.status = QLabel()
        self._periode_tekst = ""  # "Gesprekken: <filter>." of the figures shown
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Melding")
        # Beside the filters (one row for the whole top); the text gives way to the window.
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status.setStyleSheet("color: #404040; margin-left: 8px")
        self.filterrij.addWidget(self.status, 1)
        self.filterrij.addWidget(self.melding.kort)
        self.filterrij.addWidget(self.vernieuw_knop)
        self.filterrij.addWidget(self.export_knop)
        self.filterrij.addWidget(self.stop_knop)
        self.periode.currentIndexChanged.connect(self._bij_periode)
        self.gemeente.currentIndexChanged.connect(self.ververs)
        self.van.dateChanged.connect(self.ververs)
        self.tot.dateChanged.connect(self.ververs)
        self.vernieuw_knop.clicked.connect(self.ververs)
        self.export_knop.clicked.connect(self._on_export)
        self.stop_knop.clicked.connect(self._on_stop)

    def _bouw_kerncijfers(self) -> None:
        self.melding = Melding()
        self.melding.knop.clicked.connect(self._on_voorbeeld)
        self.kern = KernCijfers()
        self.kern_labels: dict[str, QLabel] = self.kern.labels
        self.kern.open_tab.connect(self.open_tab)

    def _bouw_tabs(self) -> Iterator[None]:
        """The tab pages, one per step (`_bouw_verder`)."""
        # Gebruik: a chart over time, and a table per chosen group.
        self.grafiek_gebruik = grafieken.GrafiekPaneel("Grafiek: gesprekken per maand")
        self.dimensie = QComboBox()
        self.dimensie.setAccessibleName("Gebruik tonen")
        for tekst, sleutel in DIMENSIES:
            self.dimensie.addItem(tekst, sleutel)
        self.dimensie.currentIndexChanged.connect(self._toon_gebruik)
        self.gebruik = TabelPaneel("Gebruik")
        boven = QWidget()
        kies = QHBoxLayout()
        label = QLabel("&Toon gebruik:")
        label.setBuddy(self.dimensie)
        kies.addWidget(label)
        kies.addWidget(self.dimensie)
        kies.addStretch(1)
        onder = QWidget()
        onder_lay = QVBoxLayout(onder)
        onder_lay.setContentsMargins(0, 0, 0, 0)
        onder_lay.addLayout(kies)
        onder_lay.addWidget(self.gebruik, 1)
        boven_lay = QVBoxLayout(boven)
        boven_lay.setContentsMargins(0, 0, 0, 0)
        boven_lay.addWidget(self.grafiek_gebruik)
        gebruik = self._splits(boven, onder)
        self.tabs.addTab(gebruik, "Gebr&uik")
        yield
        self.grafiek_kosten = grafieken.GrafiekPaneel("Grafiek: kosten per maand")
        self.kosten = TabelPaneel("Kosten")
        self.kosten_vorm = QComboBox()
        self.kosten_vorm.setAccessibleName("Kosten tonen")
        for tekst, sleutel in KOSTEN_VORMEN:
            self.kosten_vorm.addItem(tekst, sleutel)
        self.kosten_vorm.currentIndexChanged.connect(self._toon_kosten)
        kosten = self._splits(
            self.grafiek_kosten, self._met_keuze("&Toon kosten:", self.kosten_vorm, self.kosten)
        )
        kosten.setSizes([250, 450])  # twelve bars read well lower; the months table gets room
        self.tabs.addTab(kosten, "&Kosten")
        yield
        self.dekking = TabelPaneel("Dekking kenmerk en route", warmte=True)
        self.dekking_gemeente = TabelPaneel("Dekking per gemeente", warmte=True)
        dekking = self._splits(self.dekking, self.dekking_gemeente)
        self.tabs.addTab(dekking, "&Dekking")
        yield
        self.overlap = TabelPaneel("Overlap")
        self.tabs.addTab(self.overlap, "&Overlap")
        yield
        self.nooit = TabelPaneel("Nooit gekozen")
        self.verouderd = TabelPaneel("Lang niet beoordeeld")
        onderhoud = self._splits(self.nooit, self.verouderd)
        self.tabs.addTab(onderhoud, "O&nderhoud")
        yield
        self.grafiek_uitkomsten = grafieken.GrafiekPaneel("Grafiek: hoe liep het af")
        self.uitkomsten = TabelPaneel("Uitkomsten")
        uitkomsten = self._splits(self.grafiek_uitkomsten, self.uitkomsten)
        uitkomsten.setSizes([360, 340])  # eight bars with their names need the room
        self.tabs.addTab(uitkomsten, "U&itkomsten")
        self._tab_per_sleutel: dict[str, QWidget] = {
            "gebruik": gebruik, "kosten": kosten, "dekking": dekking,
            "overlap": self.overlap, "onderhoud": onderhoud, "uitkomsten": uitkomsten,
        }  # fmt: skip

    @staticmethod
    def _met_keuze(tekst: str, keuze: QComboBox, paneel: QWidget) -> QWidget:
        """A labelled choice above a table panel."""
        label = QLabel(tekst)
        label.setBuddy(keuze)
        rij = QHBoxLayout()
        rij.addWidget(label)
        rij.addWidget(keuze)
        rij.addStretch(1)
        geheel = QWidget()
        lay = QVBoxLayout(geheel)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(rij)
        lay.addWidget(paneel, 1)
        return geheel

    @staticmethod
    def _splits(boven: QWidget, onder: QWidget) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(boven)
        splitter.addWidget(onder)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([300, 400])
        return splitter

    # --- computing ------------------------------------------------------------------------

    def filter(self) -> InzichtFilter:
        """The chosen filter; raises InvoerFout when 'tot' lies before 'van'."""
        van, tot = periode(
            self.periode.currentText(),
            dt.date.today(),
            _datum(self.van.date()),
            _datum(self.tot.date()),
        )
        return InzichtFilter(van=van, tot=tot, gemeente=self.gemeente.currentData())

    def _bij_periode(self) -> None:
        eigen = self.periode.currentText() == "Eigen periode"
        self.van.setVisible(eigen)
        self.tot.setVisible(eigen)
        self.ververs()

    def ververs(self) -> None:
        """Compute the figures for the chosen filters in the background."""
        try:
            filter_ = self.filter()
        except KeuzehulpError as fout:
            self.status.setText(fout.melding)
            return
        self._volgnummer += 1
        nummer = self._volgnummer
        self.status.setText("Bezig met rekenen…")
        # In a process of its own (services/inzicht/voorbereid.py): the query threads of
        # the computation never hold this process's interpreter lock.
        self.taak = self.context.taken.start_proces(
            self.context.inzicht.scherm_werk(filter_),
            "inzicht berekenen",
            bij_klaar=lambda klaar: self._klaar(nummer, klaar),
            bij_fout=lambda melding: self._fout(nummer, melding),
            eigenaar=self,
        )

    def _fout(self, nummer: int, melding: str) -> None:
        if nummer == self._volgnummer:
            self.status.setText(f"De cijfers konden niet worden berekend. {melding}")

    def _klaar(self, nummer: int, klaar: Voorbereid) -> None:
        if nummer != self._volgnummer:
            return  # a newer filter was chosen meanwhile
        self._bouw_af()
        inzicht, inhoud = klaar.inzicht, klaar.inhoud
        self.inzicht, self._inhoud, self.stand = inzicht, inhoud, klaar.stand
        status = f"Gesprekken: {inzicht.filter.omschrijving()}."
        if any(cel.is_onderdrukt for _, cel in inzicht.kerncijfers):
            status += f" {ONDERDRUKT_UITLEG}"
        self._periode_tekst = status  # stays in view during and after an export
        self.status.setText(status)
        self.melding.toon(klaar.stand)
        self.kern.toon(inzicht.kerncijfers, inzicht.tabellen.get("nooit_gekozen"))
        leeg = leeg_tekst(klaar.stand, "")
        self._toon_gebruik()
        self.grafiek_gebruik.toon(
            leeg or grafieken.gebruik_per_maand(inhoud["gebruik_periode"].tabel)
        )
        self._toon_kosten()
        self.grafiek_kosten.toon(leeg or grafieken.kosten_per_maand(inhoud["kosten"].tabel))
        self.dekking.toon(inhoud["dekking"])
        self.dekking_gemeente.toon(inhoud["dekking_gemeente"])
        self.overlap.toon(inhoud["overlap"])
        self.nooit.toon(inhoud["nooit_gekozen"])
        self.verouderd.toon(inhoud["verouderd"])
        self.uitkomsten.toon(inhoud["uitkomsten"], leeg)
        self.grafiek_uitkomsten.toon(leeg or grafieken.uitkomsten(inzicht.tabellen["uitkomsten"]))

    def open_tab(self, sleutel: str) -> None:
        """Show the tab of a key figure (kop.DOEL), e.g. "dekking" for the white spots."""
        self._bouw_af()
        pagina = self._tab_per_sleutel.get(sleutel)
        if pagina is not None:
            self.tabs.setCurrentWidget(pagina)
            pagina.setFocus()

    def _toon_kosten(self) -> None:
        """The cost table in the chosen form; one row per month is folded here from the
        prepared rows (a few dozen months: well under a millisecond)."""
        if not self._inhoud or self._stappen is not None:
            return
        inhoud = self._inhoud["kosten"]
        if self.kosten_vorm.currentData() == "maanden" and inhoud.rijen:
            elders = f"bij ‘{KOSTEN_VORMEN[1][0]}’"
            inhoud = bereid_voor(kosten_per_maand(inhoud.tabel, elders))
        self.kosten.toon(inhoud, leeg_tekst(self.stand, ""))

    def _toon_gebruik(self) -> None:
        if self._inhoud and self._stappen is None:
            self.gebruik.toon(self._inhoud[self.dimensie.currentData()], leeg_tekst(self.stand, ""))

    # --- demo data ------------------------------------------------------------------------

    def _on_voorbeeld(self) -> None:
        """Fill a sample catalogue without gesprekken with fictional ones, after a question."""
        if self.stand is None or not self.stand.mag_voorbeeld:
            return
        if not vraag_ja_nee(
            self,
            "Voorbeeldgesprekken maken",
            f"Er komen {getal_nl(DEMO_AANTAL)} verzonnen gesprekken bij, met keuzes en "
            "terugblikken. Ze zijn alleen om te oefenen: gebruik deze database daarna niet "
            "voor echte gesprekken.\n\nDoorgaan?",
        ):
            return
        self.melding.knop.setEnabled(False)
        self.status.setText("Bezig met voorbeeldgesprekken maken…")
        dienst = self.context.inzicht
        self.voorbeeld_taak = self.context.taken.start_functie(
            lambda: dienst.voeg_voorbeeldgesprekken_toe(DEMO_AANTAL),
            "voorbeeldgesprekken maken",
            bij_klaar=self._voorbeeld_klaar,
            bij_fout=self._voorbeeld_fout,
            eigenaar=self,
        )

    def _voorbeeld_klaar(self, aantal: int) -> None:
        self.melding.knop.setEnabled(True)
        self.context.gebeurtenissen.melding.emit(f"{aantal} voorbeeldgesprekken gemaakt.")
        self.ververs()

    def _voorbeeld_fout(self, melding: str) -> None:
        self.melding.knop.setEnabled(True)
        self.status.setText("Voorbeeldgesprekken maken is mislukt.")
        QMessageBox.warning(self, "Voorbeeldgesprekken maken mislukt", melding)

    # --- export ---------------------------------------------------------------------------

    def _on_export(self) -> None:
        if self.inzicht is None:
            return
        # Documenten (or the last export folder), "inzicht-2026-11-30.xlsx"; a name typed
        # without an extension gets the one of the chosen file type (Excel or PDF).
        pad = kies_exportbestand(
            self,
            "Inzicht exporteren",
            "inzicht",
            bestandsfilters.samen(bestandsfilters.EXCEL, bestandsfilters.PDF),
            (".xlsx", ".pdf"),
        )
        if pad is None:
            return
        voorbeeld = self.stand.voorbeeld if self.stand is not None else 0
        self.export_knop.setEnabled(False)
        self.stop_knop.setEnabled(True)
        self.stop_knop.setVisible(True)
        self._export_voortgang(0, "Exporteren voorbereiden…")
        self.export_taak = self.context.taken.start_proces(
            self.context.inzicht.export_werk(self.inzicht, pad, voorbeeld),
            "inzicht exporteren",
            bij_voortgang=self._export_voortgang,
            bij_klaar=self._export_klaar,
            bij_fout=self._export_fout,
            bij_afgebroken=self._export_gestopt,
            eigenaar=self,
        )

    def _export_voortgang(self, procent: int, tekst: str) -> None:
        if self.export_taak is not None and self.export_taak.geannuleerd:
            return  # "wordt gestopt…" stays until the child has stopped
        regel = f"Bezig met exporteren ({procent}%): {tekst}"
        self.status.setText(f"{self._periode_tekst} {regel}".lstrip())

    def _on_stop(self) -> None:
        if self.export_taak is not None:
            self.stop_knop.setEnabled(False)
            self.status.setText(f"{self._periode_tekst} Exporteren wordt gestopt…".lstrip())
            self.export_taak.annuleer()

    def _export_over(self) -> None:
        self.export_taak = None
        self.export_knop.setEnabled(True)
        self.stop_knop.setVisible(False)

    def _export_gestopt(self) -> None:
        self._export_over()
        melding = "Exporteren gestopt. Er is geen bestand geschreven."
        self.status.setText(f"{self._periode_tekst} {melding}".lstrip())
        self.context.gebeurtenissen.melding.emit(melding)

    def _export_klaar(self, pad: Path) -> None:
        self._export_over()
        melding = f"Inzicht geschreven naar {pad}."
        self.status.setText(f"{self._periode_tekst} {melding}".lstrip())
        self.context.gebeurtenissen.melding.emit(melding)

    def _export_fout(self, melding: str) -> None:
        self._export_over()
        self.status.setText(f"{self._periode_tekst} Exporteren is mislukt.".lstrip())
        QMessageBox.warning(self, "Exporteren mislukt", melding)
