"""The main window: tabs for Zoeken and Beheer, menus, and the status bar."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from keuzehulp.ui.onopgeslagen import Onbewaard, eerst_bewaard
from keuzehulp.ui.statusbalk import Statusbalk
from keuzehulp.ui.voorladen import VOORLADEN, Voorlader, laad_zonder_qt_voor, volgorde

# The screens (and SQLAlchemy, pydantic and the services behind them) are imported when the
# window is filled in (`vul_in`): the launch paints the empty window before they are loaded.
if TYPE_CHECKING:
    from keuzehulp.model.mutatielog import Wijzigingen
    from keuzehulp.ui.beheer.beheer_tab import BeheerTab
    from keuzehulp.ui.context import AppContext
    from keuzehulp.ui.inzicht.scherm import InzichtScherm
    from keuzehulp.ui.over_dialog import OverDialog
    from keuzehulp.ui.verbinding_dialoog import VerbindingDialoog


LADEN = "Catalogus laden…"  # the window's state between its first paint and `vul_in`
VOORLADEN_STAP_MS = 200  # how often the preload looks whether the launch's work is done
VOORLADEN_UITERLIJK_MS = 20_000  # after this wait the preload starts anyway


class MainWindow(QMainWindow):
    """Top-level window. Each area is built by its own method, so features stay apart."""

    wordt_gesloten = Signal()  # the close is accepted (after "Wijzigingen bewaren?")
    gevuld_klaar = Signal()  # `vul_in` is done (or stopped because the window was closed)

    def __init__(self, context: AppContext | None = None, *, laad_later: bool = False) -> None:
        """`laad_later`: the window shows at once and the catalogue fills in afterwards.

        Without `context` (the launch, ui/app.py) the window is only its frame: title, menu
        bar, status bar and a Zoeken tab that says "Catalogus laden…", shown while the
        catalogue opens in a worker; `vul_in` then builds the screens in it.
        """
        super().__init__()
        self._laad_later = laad_later
        self._sluiten_mag = False
        self.gevuld = False  # the screens are built (`vul_in`)
        self._laden: QWidget | None = None
        self._gesloten = False
        self._stappen: list[Callable[[], None]] = []  # `vul_in`'s steps still to come
        self.setStatusBar(Statusbalk(self))  # a long message never hides the labels on its right
        self.setWindowTitle("Keuzehulp re-integratie-instrumenten")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Onderdelen")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.menu_bestand = self.menuBar().addMenu("&Bestand")
        self.menu_beeld = self.menuBar().addMenu("Bee&ld")
        self.menu_beheer = self.menuBar().addMenu("B&eheer")
        self.menu_help = self.menuBar().addMenu("&Help")
        if context is None:
            self._toon_laden()
        else:
            self.vul_in(context)
        self._begin_grootte()

    def _toon_laden(self) -> None:
        """The frame's state until `vul_in`: the Zoeken tab says the catalogue is loading.

        No moving bar: its animation repainted many times a second while the launch thread
        imported, and each repaint took the interpreter from it (0.4 s more CPU to the filled
        window at load 8). The busy cursor is the window system's own.
        """
        self._laden = QLabel(f"<b>{LADEN}</b>")
        self._laden.setAccessibleName(LADEN)
        self._laden.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tabs.addTab(self._laden, "&Zoeken")
        for menu in (self.menu_bestand, self.menu_beeld, self.menu_beheer, self.menu_help):
            menu.setEnabled(False)  # their actions come with the screens
        self.setCursor(Qt.CursorShape.BusyCursor)

    def vul_in(self, context: AppContext, *, in_stappen: bool = False) -> None:
        """Build the screens in this window for `context` (once): the launch's second step.

        `in_stappen` (the launch): one screen per event-loop turn, the Zoeken screen first,
        so the window paints and the coach can start while the others are built (all at once
        took 70 to 110 ms of the GUI thread at 10,000 instruments under load). `gevuld` is
        then true, and `gevuld_klaar` emitted, after the last step; a window closed meanwhile
        stops building (`gevuld` stays false, `gevuld_klaar` is emitted all the same).
        Raises RuntimeError when the window is already (being) filled in.
        """
        if self.gevuld or hasattr(self, "context"):
            raise RuntimeError("Het venster is al gevuld.")
        self.context = context
        stappen: list[Callable[[], None]] = [
            self._bouw_zoeken,
            self._maak_qt_typen,
            self._bouw_gesprek,
            self._bouw_vergelijken,
            self._bouw_beheer,
            self._bouw_inzicht,
            self._bouw_bronbestand_menu,
            self._bouw_algemene_menus,
            self._bouw_indeling,
            self._bouw_live,
            self._rond_vullen_af,
        ]
        if not in_stappen:
            for stap in stappen:
                stap()
            return
        self._stappen = list(reversed(stappen))
        self._volgende_stap()

    def _volgende_stap(self) -> None:
        if self._gesloten:  # closed while it was being built: nothing more starts
            self._stappen.clear()
            self.gevuld_klaar.emit()
            return
        from keuzehulp.services.geheugen import zonder_opruimen

        # The screens stay as long as the window: no collection walks them while they are
        # built, and they are frozen after (a full collection in a step took 100+ ms).
        with zonder_opruimen(bevries=True):
            self._stappen.pop()()
        if self._stappen:
            QTimer.singleShot(0, self, self._volgende_stap)  # paint and input in between

    def _rond_vullen_af(self) -> None:
        context = self.context
        context.gebeurtenissen.melding.connect(self._toon_melding)
        self._bouw_bezig()
        if self._laden is not None:  # the menus' actions are all there now
            for menu in (self.menu_bestand, self.menu_beeld, self.menu_beheer, self.menu_help):
                menu.setEnabled(True)
            self.unsetCursor()
            self._laden = None
        if self.zoeken.actie_klantweergave.isChecked():  # turned on while this was built
            self._bij_klantweergave(True)
        self.gevuld = True
        self.gevuld_klaar.emit()

    # --- Zoeken (search issue) -------------------------------------------------------------

    def _bouw_zoeken(self) -> None:
        from keuzehulp.ui.zoeken import ZoekScherm

        self.zoeken = ZoekScherm(self.context, laad_later=self._laad_later)
        if self._laden is not None:  # the Zoeken screen takes the place of "Catalogus laden…"
            self.tabs.removeTab(self.tabs.indexOf(self._laden))
            self._laden.deleteLater()
        self.tabs.insertTab(0, self.zoeken, "&Zoeken")
        self.tabs.setCurrentIndex(0)
        self.voorlader = Voorlader(self)
        self.voorladen_gestart = False  # the preload of VOORLADEN began
        if self._laad_later:  # after the first load, so that it does not delay the first paint
            self.zoeken.catalogus_geladen.connect(self._laad_modules_voor)
        self.statusBar().showMessage(f"Database: {self.context.catalogus.locatie}", 8000)
        self.context.gebeurtenissen.catalogus_gewijzigd.connect(self.zoeken.herlaad)
        self.menu_beeld.addAction(self.zoeken.actie_klantweergave)
        self.actie_volledig_scherm = QAction("&Volledig scherm", self)
        self.actie_volledig_scherm.setCheckable(True)
        self.actie_volledig_scherm.setShortcut(QKeySequence("F11"))
        self.actie_volledig_scherm.setToolTip("Het hele scherm voor de keuzehulp (F11; Esc terug)")
        self.actie_volledig_scherm.toggled.connect(self.zet_volledig_scherm)
        self.addAction(self.actie_volledig_scherm)  # F11 also works without the menu bar
        self.menu_beeld.addAction(self.actie_volledig_scherm)
        self._staat_voor_volledig = Qt.WindowState.WindowNoState
        self.zoeken.klantweergave_gewijzigd.connect(self._bij_klantweergave)

    def _maak_qt_typen(self) -> None:
        """PySide6 makes its Python classes and enums lazily: the first call returning a plain
        QWidget (a view's viewport) made 65 enums, 20 ms CPU, in the turn that painted the
        first cards after the catalogue loaded. The launch makes them here, in a turn of its
        own, before the catalogue arrives."""
        self.zoeken.kaarten.viewport()

    def zet_volledig_scherm(self, aan: bool) -> None:
        """Full screen for the spreekkamer (F11); F11 or Esc gives the previous window back."""
        self.actie_volledig_scherm.setChecked(aan)
        if aan == self.isFullScreen():
            return
        if aan:
            self._staat_voor_volledig = self.windowState() & ~Qt.WindowState.WindowFullScreen
            self.showFullScreen()
        elif self._staat_voor_volledig & Qt.WindowState.WindowMaximized:
            self.showMaximized()
        else:
            self.showNormal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.zet_volledig_scherm(False)
            return
        super().keyPressEvent(event)

    def _bij_klantweergave(self, aan: bool) -> None:
        """The client sees the search, not the database path, the status bar or Beheer."""
        self.statusBar().setVisible(not aan)
        self.menu_beheer.menuAction().setVisible(not aan)
        if not hasattr(self, "_inzicht_toegestaan"):
            return  # turned on while the launch builds the screens: applied at its end
        index = self.tabs.indexOf(self.beheer_pagina)
        if aan and self.tabs.currentIndex() == index:
            self.tabs.setCurrentWidget(self.zoeken)
        self.tabs.setTabVisible(index, not aan)
        inzicht = self.tabs.indexOf(self.inzicht_pagina)
        if aan and self.tabs.currentIndex() == inzicht:
            self.tabs.setCurrentWidget(self.zoeken)
        self.tabs.setTabVisible(inzicht, not aan and self._inzicht_toegestaan)

    # --- Gesprek (samen beslissen issue) ---------------------------------------------------

    def _bouw_gesprek(self) -> None:
        """The conversation screens hook in here: a Gesprek dock (this step) and a
        Vergelijken tab (`_bouw_vergelijken`, the next one)."""
        from keuzehulp.ui.gesprek.koppeling import installeer_paneel

        self._gesprek_paneel = installeer_paneel(self, self.context, self.zoeken)

    def _bouw_vergelijken(self) -> None:
        from keuzehulp.ui.gesprek.koppeling import installeer_vergelijken

        paneel, dock = self._gesprek_paneel
        del self._gesprek_paneel
        self.gesprek = installeer_vergelijken(self, self.tabs, paneel, dock)

    # --- Beheer (beheer issue) -------------------------------------------------------------

    def _bouw_beheer(self) -> None:
        # The Beheer screens are built (and load their lists) the first time they are needed,
        # so a werkcoach's start is not slowed down by a tab they may never open.
        self.beheer_pagina = QWidget()
        QVBoxLayout(self.beheer_pagina).setContentsMargins(0, 0, 0, 0)
        self._beheer_tab: BeheerTab | None = None
        self.tabs.addTab(self.beheer_pagina, "Behee&r")

        def ga_naar(scherm: str) -> None:
            self.tabs.setCurrentWidget(self.beheer_pagina)
            self.beheer.toon(getattr(self.beheer, scherm))

        for tekst, scherm in (
            ("&Instrumenten bewerken", "instrumenten"),
            ("&Kenmerken bewerken", "kenmerken"),
            ("&Gemeenten", "gemeenten"),
            ("&Mutatielog", "log"),
            ("&Versies", "versies"),
            ("&Beheerders", "beheerders"),
            ("&Actualiteit", "actualiteit"),
        ):
            actie = QAction(tekst, self)
            actie.triggered.connect(lambda _=False, s=scherm: ga_naar(s))
            self.menu_beheer.addAction(actie)
        # Werkcoaches see which published version of the catalogue they search.
        self.versie_label = QLabel()
        self.versie_label.setAccessibleName("Catalogusversie")
        self.statusBar().addPermanentWidget(self.versie_label)

        def ververs_versie() -> None:
            # Reading the version parses its snapshot (megabytes at 10,000 instruments).
            self.context.taken.start_functie(
                self.context.catalogus.versie_tekst,
                "catalogusversie lezen",
                bij_klaar=self.versie_label.setText,
                eigenaar=self.versie_label,
            )

        def bij_wijzigingen(wijzigingen: Wijzigingen) -> None:
            # A publication rebuilds no search index (BUITEN_DE_ZOEKTOCHT): listen to it here.
            if wijzigingen.raakt_catalogus or "catalogusversie" in wijzigingen.entiteiten:
                ververs_versie()

        ververs_versie()
        self.context.gebeurtenissen.wijzigingen.connect(bij_wijzigingen)

    @property
    def beheer(self) -> BeheerTab:
        """The Beheer screens, built on first use inside the Beheer tab page."""
        if self._beheer_tab is None:
            from keuzehulp.ui.beheer.beheer_tab import BeheerTab

            # The role was read at launch (_bouw_inzicht): building reads nothing more.
            self._beheer_tab = BeheerTab(self.context, self._inzicht_toegestaan)
            indeling = self.beheer_pagina.layout()
            assert indeling is not None
            indeling.addWidget(self._beheer_tab)
            self._beheer_tab.show()  # a child added to a shown page must be shown explicitly
        return self._beheer_tab

    # --- Inzicht (issue 15) -----------------------------------------------------------------

    def _bouw_inzicht(self) -> None:
        """The Inzicht tab for beheerders; built (and computed) on its first visit."""
        self.inzicht_pagina = QWidget()
        QVBoxLayout(self.inzicht_pagina).setContentsMargins(0, 0, 0, 0)
        self._inzicht_scherm: InzichtScherm | None = None
        self.tabs.addTab(self.inzicht_pagina, "&Inzicht")
        self._inzicht_toegestaan = self.context.inzicht.is_beheerder()
        self.tabs.setTabVisible(self.tabs.indexOf(self.inzicht_pagina), self._inzicht_toegestaan)

    @property
    def inzicht(self) -> InzichtScherm:
        """The Inzicht screen, built on first use inside its tab page."""
        if self._inzicht_scherm is None:
            from keuzehulp.ui.inzicht.scherm import InzichtScherm

            self._inzicht_scherm = InzichtScherm(self.context)
            indeling = self.inzicht_pagina.layout()
            assert indeling is not None
            indeling.addWidget(self._inzicht_scherm)
            self._inzicht_scherm.show()
        return self._inzicht_scherm

    # --- Bronbestand import/export (bronbestand issue) -------------------------------------

    def _bouw_bronbestand_menu(self) -> None:
        """Import and export of the bronbestand hook in here (menu Bestand)."""
        from keuzehulp.ui.bronbestand.acties import BronbestandActies

        self.bronbestand = BronbestandActies(self.context, self)
        self.menu_bestand.addAction(self.bronbestand.actie_importeren)
        self.menu_bestand.addAction(self.bronbestand.actie_exporteren)

    # --- Layout on a small screen (layout issue) ---------------------------------------------

    def _bouw_indeling(self) -> None:
        """Fit a 1366x768 laptop: only the shown tab sets the minimum size; no dock on Beheer."""
        self._dock_weg_voor_beheer = False
        # The user's own choice (Beeld > Gesprek, Ctrl+G) always wins over ours.
        self.gesprek.dock.toggleViewAction().triggered.connect(self._dock_keuze_gebruiker)
        self.tabs.currentChanged.connect(self._bij_tabwissel)
        self._bij_tabwissel(self.tabs.currentIndex())

    def _begin_grootte(self) -> None:
        """Start at 1280x820, but never larger than the screen (minus room for the frame)."""
        scherm = self.screen().availableGeometry()
        self.resize(min(1280, scherm.width() - 16), min(820, scherm.height() - 48))

    def _dock_keuze_gebruiker(self) -> None:
        self._dock_weg_voor_beheer = False

    def _bij_tabwissel(self, index: int) -> None:
        # A QTabWidget is as wide as its widest page; Ignored lets hidden pages count for 0.
        for i in range(self.tabs.count()):
            beleid = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            if (pagina := self.tabs.widget(i)) is not None:
                pagina.setSizePolicy(beleid, beleid)
        dock = self.gesprek.dock
        if self.tabs.widget(index) is self.inzicht_pagina:
            _ = self.inzicht  # built on first visit
        if self.tabs.widget(index) in (self.beheer_pagina, self.inzicht_pagina):
            if self.tabs.widget(index) is self.beheer_pagina:
                _ = self.beheer  # built on first visit
            if not dock.isHidden():
                dock.hide()
                self._dock_weg_voor_beheer = True
        elif self._dock_weg_voor_beheer:
            dock.show()
            self._dock_weg_voor_beheer = False

    # --- Live updates: changes by other apps (issue 14, item 6) --------------------------------

    def _bouw_live(self) -> None:
        """Follow catalogue changes made by other apps; stopped when the window closes."""
        from keuzehulp.ui.catalogusvolger import CatalogusVolger, bewaak_korte_lijst

        self.volger = CatalogusVolger(self.context, self, bezig=lambda: self.zoeken.laadt)
        bewaak_korte_lijst(self.volger, self.gesprek.paneel)
        self.wordt_gesloten.connect(self.volger.stop)
        self.volger.start()

    # --- General ---------------------------------------------------------------------------

    def _bouw_algemene_menus(self) -> None:
        self.menu_bestand.addSeparator()
        self.actie_verbinding = QAction("&Verbinding met database…", self)
        self.actie_verbinding.triggered.connect(self.toon_verbinding)
        self.menu_bestand.addAction(self.actie_verbinding)
        afsluiten = QAction("&Afsluiten", self)
        # Some platforms (Windows, offscreen) have no standard Quit key: Ctrl+Q there too.
        afsluiten.setShortcuts(
            QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]
        )
        afsluiten.triggered.connect(self.close)
        self.menu_bestand.addAction(afsluiten)

        self.actie_handleiding = QAction("&Handleiding", self)
        self.actie_handleiding.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.actie_handleiding.triggered.connect(self.toon_handleiding)
        self.menu_help.addAction(self.actie_handleiding)
        self.actie_sneltoetsen = QAction("&Sneltoetsen", self)
        self.actie_sneltoetsen.triggered.connect(self.toon_sneltoetsen)
        self.menu_help.addAction(self.actie_sneltoetsen)
        self.menu_help.addSeparator()
        self.actie_over = QAction("&Over de keuzehulp", self)
        self.actie_over.triggered.connect(self.toon_over)
        self.menu_help.addAction(self.actie_over)
        self._handleiding: QWidget | None = None

    def toon_verbinding(self) -> VerbindingDialoog:
        from keuzehulp.ui.verbinding_dialoog import VerbindingDialoog

        dialoog = VerbindingDialoog(self.context.catalogus.locatie, self)
        dialoog.open()
        return dialoog

    def toon_over(self) -> OverDialog:
        from keuzehulp.ui.over_dialog import OverDialog

        dialoog = OverDialog(self.context, self)
        dialoog.open()
        return dialoog

    def _laad_modules_voor(self) -> None:
        """Import the Beheer and Inzicht screens in the background while the user searches (once).

        Their modules take a second to import; at the first click on Beheer that was a freeze.
        The order (leaves first) is worked out on a worker; the imports themselves run on the
        GUI thread, one module a turn (`voorladen.py` says why: a worker crashed PySide6).
        """

        self.zoeken.catalogus_geladen.disconnect(self._laad_modules_voor)
        self._voorladen_wacht_ms = 0
        self._voorladen_als_stil()

    def _voorladen_als_stil(self) -> None:
        """Start the preload once the launch's other work is done (checked every 200 ms).

        At launch the free-text index builds in a thread of its own and the runner may
        still load (the catalogue version); a fourth Python thread importing modules took
        interpreter time from the GUI thread while the catalogue filled in. After
        VOORLADEN_UITERLIJK_MS the preload starts anyway.
        """
        stil = self.zoeken.service.tekst_klaar and self.context.taken.aantal_bezig == 0
        if not stil and self._voorladen_wacht_ms < VOORLADEN_UITERLIJK_MS:
            self._voorladen_wacht_ms += VOORLADEN_STAP_MS
            QTimer.singleShot(VOORLADEN_STAP_MS, self, self._voorladen_als_stil)
            return
        self.voorladen_gestart = True
        geladen = set(sys.modules)
        self.context.taken.start_functie(
            lambda: laad_zonder_qt_voor(volgorde(VOORLADEN, geladen)),
            "schermen voorladen",
            bij_klaar=self.voorlader.start,
            eigenaar=self,
        )

    def _bouw_bezig(self) -> None:
        """A busy indicator in the status bar while background work runs (never a freeze)."""
        self.bezig_balk = QProgressBar()
        self.bezig_balk.setRange(0, 0)  # no known length: a moving bar
        self.bezig_balk.setFixedWidth(120)
        self.bezig_balk.setMaximumHeight(14)
        self.bezig_balk.setTextVisible(False)
        self.bezig_balk.setAccessibleName("Bezig")
        self.bezig_balk.setToolTip("De keuzehulp is op de achtergrond bezig. U kunt doorwerken.")
        self.bezig_balk.hide()
        self.statusBar().addPermanentWidget(self.bezig_balk)
        # A bound method, not a lambda: the runner outlives the window (it belongs to the
        # context), and Qt drops a connection to a method of a deleted window, never one to a
        # lambda (a task that ended after closing would touch the deleted bar).
        self.context.taken.bezig.connect(self._toon_bezig)
        self._toon_bezig(self.context.taken.aantal_bezig)  # the first load

    def _toon_bezig(self, aantal: int) -> None:
        self.bezig_balk.setVisible(aantal > 0)

    def toon_handleiding(self) -> QWidget:
        """The handleiding in its own window (one, raised again when asked again)."""
        from keuzehulp.ui.handleiding import HandleidingVenster

        if self._handleiding is None:
            self._handleiding = HandleidingVenster(self, taken=self.context.taken)
        if self._handleiding.isVisible():
            self._handleiding.raise_()  # already open behind the main window: bring it up
            self._handleiding.activateWindow()
        self._handleiding.show()
        return self._handleiding

    def toon_sneltoetsen(self) -> QWidget:
        from keuzehulp.ui.hulp import SneltoetsenDialoog

        dialoog = SneltoetsenDialoog(self)
        dialoog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialoog.open()
        return dialoog

    # --- Closing: nothing unsaved is lost (ui/onopgeslagen.py) -------------------------------

    def onbewaarde_werken(self) -> list[Onbewaard]:
        """What can hold unsaved work: the gesprek, and the Beheer editors once built."""
        if not self.gevuld:
            return []  # still loading: nothing entered yet
        werken: list[Onbewaard] = [self.gesprek.paneel]
        if self._beheer_tab is not None:
            werken += [self._beheer_tab.instrumenten, self._beheer_tab.kenmerken]
        return werken

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self._sluiten_mag or not any(w.heeft_wijzigingen() for w in self.onbewaarde_werken()):
            self._gesloten = True
            self.wordt_gesloten.emit()
            event.accept()
            return
        event.ignore()  # ask first; close again once everything is saved or let go

        def sluit() -> None:
            self._sluiten_mag = True
            self.close()

        eerst_bewaard(self, self.onbewaarde_werken(), sluit)

    def _toon_melding(self, tekst: str) -> None:
        self.statusBar().showMessage(tekst, 10000)


def _leeg(tekst: str) -> QWidget:
    label = QLabel(tekst)
    label.setMargin(24)
    return label
