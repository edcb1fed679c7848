"""The connection banner: working on the local copy, a lost connection, and reconnecting.

Shown at the top of the main window when the app works without the shared database (started
on the local copy, or the server went away during the session). It says so plainly, tries
again by itself with growing waits (`offline.WACHTTIJDEN_S`), and has "Opnieuw verbinden"
for trying now. Every attempt runs in a worker (`ui/taken.py`), never on the GUI thread.
On a shared database it also refreshes the local copy after the start (services/offline.py).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QProcess, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolBar,
)

from keuzehulp.services.gebruiker import gekozen_gebruiker
from keuzehulp.services.offline import (
    WACHTTIJDEN_S,
    NaVerbinding,
    Verbindingsdienst,
    verzend_melding,
)
from keuzehulp.services.opstart import Opstart
from keuzehulp.ui.context import AppContext

log = logging.getLogger(__name__)

TERUG_ZICHTBAAR_MS = 10_000
OFFLINE_KLEUR = "background: #fff4ce; color: #3b2f00; border-bottom: 1px solid #d9c47a;"
VERBROKEN_KLEUR = "background: #fde7e9; color: #4a0b12; border-bottom: 1px solid #e3a1a8;"
TERUG_KLEUR = "background: #dff6dd; color: #0b3a0b; border-bottom: 1px solid #9fd39b;"
OFFLINE_GESPREKKEN = "Gesprekken blijven op deze computer tot de verbinding terug is."
VERBROKEN = (
    "De verbinding met de database is verbroken. Zoeken werkt gewoon door; bewaren kan weer "
    "zodra de verbinding terug is."
)


def start_nieuw_proces() -> bool:
    """Start the keuzehulp again as a new process, with the same options."""
    return bool(QProcess.startDetached(sys.executable, ["-m", "keuzehulp", *sys.argv[1:]]))


def _wachttijd(poging: int) -> int:
    return WACHTTIJDEN_S[min(poging, len(WACHTTIJDEN_S) - 1)]


class Verbindingsbalk(QFrame):
    """Controller and view of the banner; hidden while all is well."""

    verbroken = Signal()  # from any thread: the engine saw the connection go
    terug = Signal()  # the server answers again

    def __init__(
        self,
        context: AppContext,
        dienst: Verbindingsdienst,
        gebruiker_optie: str | None = None,
        parent: QMainWindow | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.dienst = dienst
        self.offline = dienst.offline
        self._gebruiker_optie = gebruiker_optie
        self._poging = 0
        self._bezig = False
        self._gestopt = False
        self._herstart_gekoppeld = False
        self._weg = self.offline is not None  # no server behind the screens now
        self.setAccessibleName("Verbinding met de database")
        self.tekst = QLabel()
        self.tekst.setWordWrap(True)
        self.tekst.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tekst.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.icoon = QLabel()
        self.icoon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20)
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.opnieuw = QPushButton("Opnieuw verbinden")
        self.opnieuw.setAccessibleName("Opnieuw verbinden")
        self.opnieuw.setToolTip("Nu proberen de database te bereiken")
        self.opnieuw.clicked.connect(self.probeer_nu)
        self.herstart = QPushButton("Opnieuw starten")
        self.herstart.setAccessibleName("Keuzehulp opnieuw starten")
        self.herstart.setToolTip("De keuzehulp opnieuw starten met de actuele catalogus")
        self.herstart.clicked.connect(self.start_opnieuw)
        self.herstart.hide()
        indeling = QHBoxLayout(self)
        indeling.setContentsMargins(10, 4, 10, 4)
        indeling.addWidget(self.icoon)
        indeling.addWidget(self.tekst, 1)
        indeling.addWidget(self.opnieuw)
        indeling.addWidget(self.herstart)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.probeer_nu)
        self._verberg = QTimer(self)
        self._verberg.setSingleShot(True)
        self._verberg.setInterval(TERUG_ZICHTBAAR_MS)
        self._verberg.timeout.connect(self._verberg_balk)
        self.verbroken.connect(self._bij_verbroken, Qt.ConnectionType.QueuedConnection)

    def begin(self) -> None:
        """Once placed: offline, show the banner and plan the first attempt; online, watch
        the connection and refresh the local copy in the background."""
        if self.offline is not None:
            self._plan()
        else:
            self._zichtbaar(False)
            self.dienst.bij_verlies(self.verbroken.emit)
            self._ververs_kopie()

    # --- what the banner says -------------------------------------------------------------------

    def _toon(self, tekst: str, kleur: str) -> None:
        self.tekst.setText(tekst)
        self.setStyleSheet(f"Verbindingsbalk {{ {kleur} }} QLabel {{ {kleur} border: none; }}")
        self._zichtbaar(True)

    def _zichtbaar(self, aan: bool) -> None:
        # A widget in a toolbar is shown and hidden through the toolbar (Qt's QToolBar docs).
        ouder = self.parentWidget()
        if isinstance(ouder, QToolBar):
            ouder.setVisible(aan)

    def _verberg_balk(self) -> None:
        self._zichtbaar(False)

    def _basis(self) -> str:
        if self.offline is None:
            return VERBROKEN
        return f"{self.offline.banier} {OFFLINE_GESPREKKEN}"

    def _plan(self) -> None:
        """Schedule the next automatic attempt and say when it comes."""
        if self._gestopt:
            return
        seconden = _wachttijd(self._poging)
        self._poging += 1
        kleur = OFFLINE_KLEUR if self.offline is not None else VERBROKEN_KLEUR
        self._toon(f"{self._basis()} Nieuwe poging over {seconden} seconden.", kleur)
        self._timer.start(seconden * 1000)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        # A toolbar ignores height-for-width: give the wrapped text the height it needs.
        super().resizeEvent(event)
        marges = self.contentsMargins().top() + self.contentsMargins().bottom()
        indeling = self.layout()
        if indeling is not None:
            m = indeling.contentsMargins()
            marges += m.top() + m.bottom()
        hoogte = max(
            self.tekst.heightForWidth(self.tekst.width()), self.opnieuw.sizeHint().height()
        )
        if self.height() != hoogte + marges:
            self.setFixedHeight(hoogte + marges)

    # --- attempts ---------------------------------------------------------------------------

    @Slot()
    def stop(self) -> None:
        """The window closes: no more attempts."""
        self._gestopt = True
        self._timer.stop()
        self._verberg.stop()

    @Slot()
    def probeer_nu(self) -> None:
        """Try to reach the database now (in a worker); the banner reports the outcome."""
        if self._bezig or not self._weg or self._gestopt:
            return
        self._timer.stop()
        self._bezig = True
        self.opnieuw.setEnabled(False)
        kleur = OFFLINE_KLEUR if self.offline is not None else VERBROKEN_KLEUR
        self._toon(f"{self._basis()} Verbinden…", kleur)
        if self.offline is not None:
            dienst, gebruiker = self.dienst, gekozen_gebruiker(self._gebruiker_optie)
            self.context.taken.start_functie(
                lambda: dienst.herverbind(gebruiker),
                "opnieuw verbinden",
                bij_klaar=self._bij_terug_offline,
                bij_fout=self._bij_mislukt,
                eigenaar=self,
            )
        else:
            self.context.taken.start_functie(
                self.dienst.werkt,
                "verbinding controleren",
                bij_klaar=self._bij_controle,
                bij_fout=self._bij_mislukt,
                eigenaar=self,
            )

    def _bij_mislukt(self, melding: str) -> None:
        log.info("Opnieuw verbinden mislukt: %s", melding)
        self._bezig = False
        self.opnieuw.setEnabled(True)
        self._plan()

    def _bij_controle(self, werkt: object) -> None:
        if not werkt:
            self._bij_mislukt("geen antwoord")
            return
        self._bezig = False
        self._weg = False
        self._poging = 0
        self.opnieuw.setEnabled(True)
        self.opnieuw.hide()
        self.icoon.hide()
        self._toon("De verbinding met de database is terug. U kunt weer bewaren.", TERUG_KLEUR)
        self._verberg.start()
        self.terug.emit()
        self._ververs_kopie()

    def _bij_terug_offline(self, uitkomst: object) -> None:
        self._bezig = False
        self._weg = False
        self.opnieuw.hide()
        delen = ["De verbinding met de database is terug."]
        if isinstance(uitkomst, NaVerbinding):
            delen.append(verzend_melding(uitkomst.verzonden) or "")
        delen.append("Start de keuzehulp opnieuw om met de actuele catalogus te werken.")
        self.herstart.show()
        self.icoon.hide()
        self._toon(" ".join(d for d in delen if d), TERUG_KLEUR)
        self.terug.emit()

    @Slot()
    def _bij_verbroken(self) -> None:
        """The engine lost its server during the session: say so and start trying again."""
        self._verberg.stop()
        if self._weg:
            return
        self._weg = True
        self._poging = 0
        self.icoon.show()
        self.opnieuw.show()
        self.opnieuw.setEnabled(True)
        self.context.gebeurtenissen.melding.emit(VERBROKEN)
        self._plan()

    # --- the local copy, after every successful connection ------------------------------------

    def _ververs_kopie(self) -> None:
        self.context.taken.start_functie(
            self.dienst.na_verbinding,
            "lokale kopie bijwerken",
            bij_klaar=self._bij_kopie,
            bij_fout=lambda melding: log.warning("Lokale kopie niet bijgewerkt: %s", melding),
            eigenaar=self,
        )

    def _bij_kopie(self, uitkomst: object) -> None:
        if isinstance(uitkomst, NaVerbinding) and (tekst := verzend_melding(uitkomst.verzonden)):
            self.context.gebeurtenissen.melding.emit(tekst)

    # --- starting again on the shared database ------------------------------------------------

    @Slot()
    def start_opnieuw(self) -> None:
        """Close the window (asking about unsaved work first), then start a new keuzehulp."""
        venster = self.window()
        signaal = getattr(venster, "wordt_gesloten", None)
        if signaal is not None and not self._herstart_gekoppeld:
            # Once: a coach who cancels the close and asks again starts one new app, not two.
            self._herstart_gekoppeld = True
            signaal.connect(lambda: start_nieuw_proces_via(self))
        venster.close()


def start_nieuw_proces_via(balk: Verbindingsbalk) -> None:
    """Indirection so that tests can replace `start_nieuw_proces` on the module."""
    import keuzehulp.ui.verbindingsbalk as module

    if not module.start_nieuw_proces():
        log.warning("De keuzehulp kon niet opnieuw worden gestart")


def installeer(
    venster: QMainWindow, context: AppContext, opstart: Opstart, gebruiker_optie: str | None = None
) -> Verbindingsbalk:
    """Put the banner at the top of `venster` (a toolbar that cannot be moved or hidden)."""
    rand = QToolBar("Verbinding", venster)
    rand.setObjectName("verbindingsbalk")
    rand.setMovable(False)
    rand.setFloatable(False)
    rand.toggleViewAction().setVisible(False)
    rand.setStyleSheet("QToolBar { border: none; padding: 0; spacing: 0; }")
    dienst = Verbindingsdienst(opstart.database, opstart.gebruiker, opstart.offline)
    balk = Verbindingsbalk(context, dienst, gebruiker_optie, venster)
    rand.addWidget(balk)
    venster.addToolBar(Qt.ToolBarArea.TopToolBarArea, rand)
    if (gesloten := getattr(venster, "wordt_gesloten", None)) is not None:
        gesloten.connect(balk.stop)
    balk.begin()
    return balk
