"""Layout of the Beheer instrument screen: the list on the left, the editor on the right.

Widgets only, all public; `InstrumentenView` (instrumenten_view.py) connects them to the
services. Building it reads nothing from the database: the lists fill in from a worker.
The form (some thirty rows, ten text boxes) is built a turn of the event loop after the
screen first shows, or as soon as anything asks for it: built together, the first open of
Beheer kept the GUI thread busy for over 100 ms at 10,000 instruments (issue 13).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.ui.beheer.gemeen import knoppen_raster, vaste_kolommen
from keuzehulp.ui.beheer.instrument_formulier import TYPES, InstrumentFormulier
from keuzehulp.ui.beheer.kolommen import deel_breedte, tekstbreedte, zet_verschil_kolommen
from keuzehulp.ui.beheer.modellen import STATUS_TEKST, InstrumentTabelModel, MutatieTabelModel

LIJST_BREEDTES = (180, 90, 90, 160, 80)  # px; fixed, so no column is measured over all rows
LIJST_PANEEL = 620  # px of the 1340 the screen has at 1366: the list, the rest the editor
KOLOM_NAAM, KOLOM_STATUS, KOLOM_TYPE, KOLOM_UITVOERDER, KOLOM_GEWIJZIGD = range(5)

# The history's long-text columns share the room left by the others like this.
GESCHIEDENIS_GEBRUIKER = [k.titel for k in MutatieTabelModel.KOLOMMEN].index("Gebruiker")
# Bron is the short one: for one instrument it says little ("bewerking in Beheer" on most
# rows; the tooltip holds it whole). At 1366 px the eight columns do not all fit whole.
GESCHIEDENIS_GEWICHTEN = {"Oud": 1.0, "Nieuw": 1.0, "Reden": 1.3, "Bron": 0.7}
# The field is as wide as its usual texts (a longer one is cut, its tooltip holds it whole).
GESCHIEDENIS_VELD = ("Uitvoerder", "Omschrijving", "Kenmerken", "Gemeenten")
# Rows of the history in view at least, whatever the window's height: as many as it has,
# from GESCHIEDENIS_MIN_RIJEN up to GESCHIEDENIS_RIJEN. Most instruments have one or two
# (added, a change): the room of four empty rows goes to the form instead.
GESCHIEDENIS_RIJEN = 6
GESCHIEDENIS_MIN_RIJEN = 2

STATUS_FILTER = (("Alle statussen", None), *((STATUS_TEKST[s.value], s) for s in InstrumentStatus))


def tabel(model: QAbstractItemModel, naam: str) -> QTableView:
    """A read-only, sortable table view with an accessible name."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(naam)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


class InstrumentenIndeling(QWidget):
    """The widgets of the instrument screen; `onder_lijst` takes what goes under the list."""

    def __init__(self) -> None:
        super().__init__()
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Filter op status")
        for tekst, status in STATUS_FILTER:
            self.status_filter.addItem(tekst, status)
        self.zoekveld = QLineEdit()
        self.zoekveld.setPlaceholderText("Zoek op naam of uitvoerder")
        self.zoekveld.setAccessibleName("Zoek instrument")
        self.model = InstrumentTabelModel(self)
        self.lijst = tabel(self.model, "Instrumenten")
        # The model sorts itself on a key per column, and only when a header is clicked.
        self.lijst.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.lijst.setSortingEnabled(True)
        vaste_kolommen(self.lijst, LIJST_BREEDTES)
        # Type, status and date on one line, as wide as their longest text (measured on the
        # font, not over the rows); the name takes all the room that is left.
        kop = self.lijst.horizontalHeader()
        for kolom, teksten in (
            (KOLOM_TYPE, TYPES),
            (KOLOM_STATUS, STATUS_TEKST.values()),
            (KOLOM_GEWIJZIGD, ("30-11-2026",)),
        ):
            kop.resizeSection(kolom, tekstbreedte(self.lijst, teksten))
        kop.setStretchLastSection(False)
        kop.setSectionResizeMode(KOLOM_NAAM, QHeaderView.ResizeMode.Stretch)
        # The name already ends in the provider ("Cursus NT2, Taalatelier De Waalkant"); the
        # search field finds both. Hidden, so the date fits beside the type at 1366 px.
        self.lijst.setColumnHidden(KOLOM_UITVOERDER, True)
        # One line per instrument: a long name ends in "…" (its tooltip holds it whole)
        # rather than wrapping and being cut after the second line.
        self.lijst.setWordWrap(False)
        self.lijst_status = QLabel("De lijst wordt geladen…")
        self.lijst_status.setAccessibleName("Aantal instrumenten in de lijst")
        self.nieuw_knop = QPushButton("&Nieuw instrument")

        links = QWidget()
        links_lay = self.onder_lijst = QVBoxLayout(links)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.zoekveld, 1)
        links_lay.addLayout(filters)
        links_lay.addWidget(self.lijst, 1)
        links_lay.addWidget(self.lijst_status)
        links_lay.addWidget(self.nieuw_knop)

        # Routes, kenmerken and gemeenten arrive with the list (InstrumentFormulier.zet_keuzen).
        self._formulier: InstrumentFormulier | None = None  # see the property `formulier`
        self._bouwtimer = QTimer(self)
        self._bouwtimer.setSingleShot(True)
        self._bouwtimer.setInterval(30)  # after the first paint of the screen, not with it
        self._bouwtimer.timeout.connect(self._bouw_stap)
        self._los_formulier: InstrumentFormulier | None = None  # built, not yet in place
        self._los_gevuld = False  # the loose form has had its choices (formulier_los_klaar)
        self.titel = QLabel("Kies links een instrument, of maak een nieuw instrument.")
        self.titel.setStyleSheet("font-weight: bold;")
        self.titel.setWordWrap(True)
        self.ontbreekt = QLabel()
        self.ontbreekt.setWordWrap(True)
        self.ontbreekt.setAccessibleName("Wat ontbreekt")
        self.opslaan_knop = QPushButton("&Opslaan…")
        self.publiceer_knop = QPushButton("&Publiceren…")
        self.parkeer_knop = QPushButton("P&arkeren…")
        self.herstel_knop = QPushButton("Her&stellen…")
        # One row of four: a second row took the height of a form field.
        knoppen = knoppen_raster(
            [self.opslaan_knop, self.publiceer_knop, self.parkeer_knop, self.herstel_knop], 4
        )
        self.formulier_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.geschiedenis_model = MutatieTabelModel(self)
        self.geschiedenis = tabel(self.geschiedenis_model, "Geschiedenis van het instrument")
        _geschiedenis_kolommen(self.geschiedenis)
        geschiedenis_label = QLabel("Ges&chiedenis (mutatielog van dit instrument):")
        geschiedenis_label.setBuddy(self.geschiedenis)
        # The form above, the history below: the user drags the handle between them. The
        # history never gets less room than its rows need, up to GESCHIEDENIS_RIJEN rows (the
        # form scrolls, its fields keep their height); the form gets all other room.
        self.rechts_splitter = rechts_splitter = QSplitter(Qt.Orientation.Vertical)
        rechts_splitter.addWidget(scroll)
        onder = QWidget()
        onder_lay = QVBoxLayout(onder)
        onder_lay.setContentsMargins(0, 0, 0, 0)
        onder_lay.addWidget(geschiedenis_label)
        onder_lay.addWidget(self.geschiedenis, 1)
        rechts_splitter.addWidget(onder)
        rechts_splitter.setChildrenCollapsible(False)
        rechts_splitter.setStretchFactor(0, 1)
        rechts_splitter.setStretchFactor(1, 0)
        self._geschiedenis_onder = onder
        self._gesleept = False  # the user moved the handle: their sizes stay
        rechts_splitter.splitterMoved.connect(self._bij_handvat)
        self.geschiedenis_model.modelReset.connect(self._pas_geschiedenis_aan)
        self._pas_geschiedenis_aan()
        rechts = QWidget()
        rechts_lay = QVBoxLayout(rechts)
        rechts_lay.addWidget(self.titel)
        rechts_lay.addLayout(knoppen)
        rechts_lay.addWidget(self.ontbreekt)
        rechts_lay.addWidget(rechts_splitter, 1)

        splitter = QSplitter()
        splitter.addWidget(links)
        splitter.addWidget(rechts)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([LIJST_PANEEL, 1340 - LIJST_PANEEL])
        QVBoxLayout(self).addWidget(splitter)

    def _bij_handvat(self, _positie: int, _index: int) -> None:
        self._gesleept = True

    def _pas_geschiedenis_aan(self) -> None:
        """Give the history the height of its rows (GESCHIEDENIS_MIN_RIJEN to
        GESCHIEDENIS_RIJEN), the form the rest; after the user dragged the handle only the
        minimum follows (the splitter keeps their choice where it can)."""
        rijen = min(
            max(self.geschiedenis_model.rowCount(), GESCHIEDENIS_MIN_RIJEN), GESCHIEDENIS_RIJEN
        )
        hoogte = _rijen_hoogte(self.geschiedenis, rijen)
        if hoogte == self.geschiedenis.minimumHeight():
            return
        self.geschiedenis.setMinimumHeight(hoogte)
        if not self._gesleept:
            totaal = sum(self.rechts_splitter.sizes()) or 700
            onder = self._geschiedenis_onder.minimumSizeHint().height()
            self.rechts_splitter.setSizes([totaal - onder, onder])

    def _bouw_stap(self) -> None:
        """Build the form ahead of use over a few turns of the event loop (some 10 ms each):
        a few rows of widgets at a time, then putting them in place with their choices."""
        if self._formulier is not None:
            return
        if self._los_formulier is None:
            self._los_formulier = InstrumentFormulier([], [], [], in_stappen=True)
            self._bouwtimer.start(0)
        elif not self._los_formulier.bouw_stap():
            self._bouwtimer.start(0)
        elif not self._los_gevuld:  # complete: its choices in a turn of their own
            self._los_gevuld = True
            self.formulier_los_klaar(self._los_formulier)
            self._bouwtimer.start(0)
        else:
            self.formulier  # noqa: B018  (the property puts it in place)

    @property
    def formulier(self) -> InstrumentFormulier:
        """The instrument form; built here the first time it is asked for (disabled)."""
        if self._formulier is None:
            self._bouwtimer.stop()
            formulier = self._los_formulier or InstrumentFormulier([], [], [])
            formulier.bouw_af()  # asked for while still being built: the rest now
            self._formulier, self._los_formulier = formulier, None
            formulier.setEnabled(False)
            self.formulier_scroll.setWidget(formulier)
            _in_tabvolgorde(self.formulier_scroll, formulier)
            self.formulier_gebouwd(formulier)
        return self._formulier

    def formulier_los_klaar(self, formulier: InstrumentFormulier) -> None:
        """Called once the form is complete, before it is put in place (subclasses fill in
        its choices here, a turn of the event loop before it is shown)."""

    @property
    def formulier_is_gebouwd(self) -> bool:
        return self._formulier is not None

    def formulier_gebouwd(self, formulier: InstrumentFormulier) -> None:
        """Called once, when the form has been built (subclasses connect it here)."""

    def formulier_mag_wachten(self) -> bool:
        """Whether building the form should wait (subclasses: while the list loads, so the
        two do not take turns at the interpreter); `bouw_formulier_straks` then follows."""
        return False

    def bouw_formulier_straks(self) -> None:
        """Build the form shortly (in a later turn of the event loop) when shown and not built."""
        if self._formulier is None and self.isVisible():
            self._bouwtimer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if not self.formulier_mag_wachten():
            self.bouw_formulier_straks()


def _in_tabvolgorde(scroll: QScrollArea, formulier: QWidget) -> None:
    """Put the fields of a form added later where the scroll area is in the Tab order.

    A widget that gets a parent after its window was built joins the end of the window's
    focus chain; Tab would reach the form only after everything else. Only the form's own
    tab stops are moved (not the parts of a compound field, such as a combo box's editor).
    """
    stops: list[QWidget] = []
    veld = formulier.nextInFocusChain()
    while veld is not None and veld is not formulier and formulier.isAncestorOf(veld):
        if _is_tabstop(veld, formulier):
            stops.append(veld)
        veld = veld.nextInFocusChain()
    vorige: QWidget = scroll
    for stop in stops:
        QWidget.setTabOrder(vorige, stop)
        vorige = stop


def _is_tabstop(veld: QWidget, formulier: QWidget) -> bool:
    if not veld.focusPolicy() & Qt.FocusPolicy.TabFocus or veld.focusProxy() is not None:
        return False
    ouder = veld.parentWidget()
    while ouder is not None and ouder is not formulier:  # inside another field: its part
        if ouder.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return False
        ouder = ouder.parentWidget()
    return True


def _rijen_hoogte(view: QTableView, rijen: int) -> int:
    """Height in px of `view` showing its header and `rijen` rows of one line each (rows are
    made one text line high, with a little room)."""
    regel = view.fontMetrics().height() + 8
    view.verticalHeader().setDefaultSectionSize(regel)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.setWordWrap(False)
    kop = view.horizontalHeader().sizeHint().height()
    return kop + rijen * regel + 2 * view.frameWidth()


def _geschiedenis_kolommen(view: QTableView) -> None:
    """One instrument's history: no columns that repeat its kind and name on every row.

    Time, user, action and field keep the width of their (usual) text; old, new, reason and
    source share the room that is left, however wide the view is: no horizontal scrolling. A cut
    text ends in "…" (Oud and Nieuw keep the changed part in view); the tooltip of every
    cell holds its full text.
    """
    titels = [k.titel for k in MutatieTabelModel.KOLOMMEN]
    for titel in ("Soort", "Naam"):
        view.setColumnHidden(titels.index(titel), True)
    # Reden before Bron, as in the Mutatielog tab (the model's order).
    vast = {
        titels.index("Tijdstip"): ("30-11-2026 23:59",),
        titels.index("Gebruiker"): ("Gebruiker", "beheerder"),
        titels.index("Actie"): ("toegevoegd", "verwijderd"),
        titels.index("Veld"): GESCHIEDENIS_VELD,
    }
    deel_breedte(view, vast, {titels.index(t): g for t, g in GESCHIEDENIS_GEWICHTEN.items()})
    zet_verschil_kolommen(view, titels.index("Oud"), titels.index("Nieuw"))
