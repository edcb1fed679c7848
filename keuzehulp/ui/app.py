"""Start the GUI: open the catalogue (with Dutch messages on failure), then the main window."""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.foutverslag import (
    installeer_logbestand,
    programmafout_melding,
    schrijf_verslag,
)
from keuzehulp.ui.importhaak import versnel_importhaak

# What opens the catalogue (SQLAlchemy, pydantic, the models and services: most of the
# launch's CPU time) is imported in the functions that need it: the window paints first.
if TYPE_CHECKING:
    from keuzehulp.services.opstart import Opstart
    from keuzehulp.ui.main_window import MainWindow

versnel_importhaak()

log = logging.getLogger(__name__)


def maak_applicatie(argv: list[str] | None = None) -> QApplication:
    bestaand = QApplication.instance()
    if isinstance(bestaand, QApplication):
        return bestaand
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    # Background work is Python too: with the default 5 ms switch interval, each of the many
    # short GIL acquisitions of the GUI thread (every Python slot, delegate, model call)
    # can wait up to 5 ms behind a busy worker. 1 ms keeps the window smooth meanwhile.
    sys.setswitchinterval(0.001)
    zet_nederlandse_locale()
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("keuzehulp")
    app.setApplicationDisplayName("Keuzehulp")
    app.setOrganizationName("Keuzehulp")
    installeer_nederlands(app)
    return app


NEDERLANDS = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def zet_nederlandse_locale() -> None:
    """Dutch as the default locale, whatever the system's: file types in the file dialog
    ("Excel 2007-rekenblad", not "Excel 2007 spreadsheet"), numbers and dates in Qt widgets."""
    QLocale.setDefault(NEDERLANDS)


def installeer_nederlands(app: QApplication) -> QTranslator | None:
    """Qt's own texts in Dutch (file dialog, standard buttons such as Ja/Nee/Annuleren).

    Uses the qtbase_nl translation that ships with PySide6; None when it is not there.
    """
    vertaler = QTranslator(app)
    pad = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not vertaler.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", pad):
        log.info("Geen Nederlandse Qt-vertaling gevonden in %s", pad)
        return None
    app.installTranslator(vertaler)
    from keuzehulp.ui.vertaling import AanvullendeVertaling

    # Installed last, asked first: it answers only the few texts qtbase_nl leaves English.
    app.installTranslator(AanvullendeVertaling(vertaler))
    return vertaler


def open_voor_venster(database_optie: str | None, gebruiker_optie: str | None) -> Opstart:
    """Open the catalogue as the window does (no Qt: a worker thread may call it).

    A new database starts empty; `bied_voorbeeld_aan` then asks about the sample. The damage
    check and the retention wait for the window (`rond_af_na_de_start`). Raises a
    KeuzehulpError with a Dutch message when the catalogue cannot be opened.
    """
    from keuzehulp.services.gebruiker import gekozen_gebruiker
    from keuzehulp.services.opstart import open_catalogus

    return open_catalogus(
        database_optie,
        gekozen_gebruiker(gebruiker_optie),
        (),
        offline_toegestaan=True,
        na_de_start=True,
    )


NIET_GESTART = "Keuzehulp kan niet starten"


def open_of_meld(database_optie: str | None, gebruiker_optie: str | None) -> Opstart | None:
    """Open the catalogue; on failure show a Dutch message box instead of a traceback."""
    try:
        return open_voor_venster(database_optie, gebruiker_optie)
    except KeuzehulpError as fout:
        QMessageBox.critical(None, NIET_GESTART, fout.melding)
        return None


OFFLINE_STATUS = "Database: lokale kopie (geen verbinding)"


# A safety net: background work waits at most this long for the first paint (wall time; a
# loaded machine can take seconds to paint, so this is not the normal way it starts).
UITERLIJK_LOSLATEN_MS = 8000


def maak_hoofdvenster(
    opstart: Opstart, *, laad_later: bool = False, venster: MainWindow | None = None
) -> MainWindow:
    """The main window; `laad_later`: it shows first and the catalogue fills in afterwards.

    With `laad_later` the background work the window starts (loading the catalogue, reading
    its version) waits until the first paint after all its screens are built, or at most
    UITERLIJK_LOSLATEN_MS. `venster`: an empty window (`MainWindow()`, already shown by the
    launch) to build the screens in, one per event-loop turn (`MainWindow.vul_in`): it is
    filled in when `venster.gevuld_klaar` is emitted.
    """
    from keuzehulp.ui.context import AppContext
    from keuzehulp.ui.main_window import MainWindow

    context = AppContext(database=opstart.database, gebruiker=opstart.gebruiker)
    # A shown window paints again with its screens; a minimised one does not: it loads now.
    wacht = laad_later and not (venster is not None and venster.isMinimized())
    if wacht:
        context.taken.houd_vast()
    if venster is not None:
        venster.vul_in(context, in_stappen=True)  # Zoeken first, one screen per turn
    else:
        venster = MainWindow(context, laad_later=laad_later)
    if wacht:
        from keuzehulp.ui.tekening import NaEersteTekening

        gevuld = venster

        def na_het_vullen() -> None:
            # Not while the screens are built: the index build took the interpreter from them.
            if gevuld.gevuld:  # (not when the window was closed meanwhile)
                NaEersteTekening(gevuld, context.taken.laat_los, UITERLIJK_LOSLATEN_MS)

        if venster.gevuld:
            na_het_vullen()
        else:
            venster.gevuld_klaar.connect(na_het_vullen, Qt.ConnectionType.SingleShotConnection)
    if opstart.offline is not None:
        # Not the working file's path: the coach needs to know there is no server behind it.
        venster.statusBar().showMessage(OFFLINE_STATUS, 8000)
    for melding in opstart.meldingen:
        venster.statusBar().showMessage(melding, 15000)
    if opstart.offline is not None or opstart.database.url.get_backend_name() == "postgresql":
        # Working on the local copy, or on a shared database it keeps up to date.
        from keuzehulp.ui.verbindingsbalk import installeer

        installeer(venster, venster.context, opstart)
    rond_af_na_de_start(opstart, venster)
    return venster


def rond_af_na_de_start(opstart: Opstart, venster: MainWindow) -> None:
    """Run what the opening held back (`Opstart.nog_af_te_ronden`: the damage check, the
    retention) in a worker: with `laad_later` after the first paint. A damaged file then gets
    the same dialog as at the opening (`meld_beschadigd`); the window writes nothing to it
    (every write checks first, model/foutsoorten.py). Messages go to the status bar."""
    if not opstart.nog_af_te_ronden:
        return

    def klaar(meldingen: list[str]) -> None:
        if opstart.database.beschadigd:
            meld_beschadigd(opstart, venster)
        for melding in meldingen:
            venster.statusBar().showMessage(melding, 15000)

    def fout(tekst: str) -> None:
        QMessageBox.warning(venster, "Keuzehulp", tekst)

    from keuzehulp.services.opstart import rond_start_af

    venster.context.taken.start_functie(
        lambda: rond_start_af(opstart),
        "start afronden",
        bij_klaar=klaar,
        bij_fout=fout,
        eigenaar=venster,
    )


def toon_fout(fout: BaseException) -> None:
    """The last resort for an exception no screen caught (installed as sys.excepthook).

    An environment fault or a user error shows its own Dutch message; a bug shows a Dutch
    message naming the log file in the user's log folder that holds the details. Never a
    traceback on screen, and the app keeps running.
    """
    from keuzehulp.model.foutsoorten import als_melding

    melding = als_melding(fout)
    if melding is not None:
        log.warning("Niet afgevangen melding: %s", melding.melding)
        titel, tekst = "Keuzehulp", melding.melding
    else:
        pad = schrijf_verslag(fout, "venster")
        log.error("Programmafout, details in %s", pad, exc_info=fout)
        titel, tekst = "Keuzehulp: programmafout", programmafout_melding(pad)
    QMessageBox.critical(QApplication.activeWindow(), titel, tekst)


def _vangnet(soort: type[BaseException], fout: BaseException, staart: TracebackType | None) -> None:
    if issubclass(soort, KeyboardInterrupt):
        sys.__excepthook__(soort, fout, staart)
        return
    try:
        toon_fout(fout.with_traceback(staart))
    except Exception:  # the hook itself must never raise: fall back to Python's own
        sys.__excepthook__(soort, fout, staart)


def installeer_vangnet() -> None:
    """Route exceptions that escape a Qt slot to `toon_fout` instead of stderr."""
    sys.excepthook = _vangnet


def meld_beschadigd(opstart: Opstart, venster: QWidget | None) -> None:
    """A damaged database opens for reading only: say so in a dialog the user must close."""
    if opstart.database.beschadigd:
        from keuzehulp.model.db import sqlite_pad
        from keuzehulp.model.foutsoorten import beschadigd_melding

        QMessageBox.warning(
            venster,
            "Keuzehulp: database beschadigd",
            beschadigd_melding(opstart.database.locatie, sqlite_pad(opstart.database.url)),
        )


VOORBEELD_VRAAG = (
    "Dit is een nieuwe, lege catalogus.\n\n"
    "Wilt u de voorbeeldcatalogus laden? Dat is een verzonnen voorbeeld: 61 instrumenten, "
    "waarvan 52 in gebruik en 9 geparkeerd. De aanbieders en adressen bestaan niet. Zo leert u "
    "de keuzehulp kennen. U kunt ze later parkeren, of vervangen door uw eigen bronbestand "
    "(Beheer > Bronbestand)."
)


def vraag_voorbeeld(ouder: QWidget | None) -> bool:
    """The first-run question: load the sample catalogue? Dutch buttons; Esc means no."""
    vraag = QMessageBox(QMessageBox.Icon.Question, "Keuzehulp: nieuwe catalogus", VOORBEELD_VRAAG)
    laden = vraag.addButton("Voorbeeld laden", QMessageBox.ButtonRole.AcceptRole)
    leeg = vraag.addButton("Leeg beginnen", QMessageBox.ButtonRole.RejectRole)
    vraag.setDefaultButton(laden)
    vraag.setEscapeButton(leeg)
    vraag.setParent(ouder, vraag.windowFlags())
    vraag.exec()
    return vraag.clickedButton() is laden


def _zonder_instrumenten(opstart: Opstart) -> bool:
    """Whether this laptop's own (SQLite) catalogue holds no instrument in any status.

    An organisation's PostgreSQL catalogue and an offline copy are never filled this way."""
    if opstart.offline is not None or opstart.database.url.get_backend_name() != "sqlite":
        return False
    from keuzehulp.services.catalogus_info import catalogus_info

    info = catalogus_info(opstart.database)
    return info.actief + info.geparkeerd + info.concept == 0


def bied_voorbeeld_aan(opstart: Opstart, ouder: QWidget | None = None) -> bool:
    """On a new database, load the sample catalogue if the user chooses to (or without asking
    when KEUZEHULP_VOORBEELD says so, as `scripts/start.sh` does). With KEUZEHULP_VOORBEELD
    the sample is also loaded into a catalogue that holds no instrument at all (a first
    start that was stopped before the sample was in). True when it was loaded."""
    from keuzehulp.services.opstart import voorbeeld_zonder_vragen

    if not opstart.nieuw and not (voorbeeld_zonder_vragen() and _zonder_instrumenten(opstart)):
        return False
    if not voorbeeld_zonder_vragen() and not vraag_voorbeeld(ouder):
        return False
    from keuzehulp.services.bronbestand.voorbeeld import importeer_voorbeeldcatalogus

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        importeer_voorbeeldcatalogus(opstart.database, opstart.gebruiker)
    finally:
        QApplication.restoreOverrideCursor()
    return True


def toon_waarschuwingen(opstart: Opstart, venster: MainWindow) -> None:
    """Warnings at start (a SQLite file on a network share) in a dialog the user must close."""
    for waarschuwing in opstart.waarschuwingen:
        QMessageBox.warning(venster, "Keuzehulp: let op", waarschuwing)


def start_gui(database_optie: str | None, gebruiker_optie: str | None) -> int:
    """Open the window; 1 (with a Dutch message on stderr) when there is no screen for it.

    The window shows first, empty but for "Catalogus laden…" (`MainWindow()`); after its
    first paint a worker opens the catalogue (`Lancering`), then the screens are built in it.
    1 also when the catalogue cannot be opened (after a Dutch message box). SIGINT (Ctrl+C)
    and SIGTERM close the window through its close path (ui/afsluitsignalen.py): 0.
    """
    from keuzehulp.ui import afsluitsignalen
    from keuzehulp.ui.beeldscherm import geen_scherm_melding
    from keuzehulp.ui.lancering import Lancering
    from keuzehulp.ui.main_window import MainWindow
    from keuzehulp.ui.venstertoestand import onthoud_toestand

    if (melding := geen_scherm_melding()) is not None:
        # Before QApplication: without a screen Qt's xcb plugin aborts the process (exit 134).
        sys.stderr.write(f"keuzehulp: {melding}\n")
        return 1
    app = maak_applicatie()
    installeer_vangnet()
    installeer_logbestand()
    venster = MainWindow(laad_later=True)
    onthoud_toestand(venster)  # size, position and maximised state of the last time
    lancering = Lancering(venster, database_optie, gebruiker_optie)
    # Ctrl+C in the terminal and SIGTERM close the window as its close button does.
    signalen = afsluitsignalen.installeer(venster)
    venster.show()
    try:
        code = app.exec()
    finally:
        signalen.herstel()
        lancering.sluit()
    return 1 if lancering.mislukt else code
