"""The main window remembers its size, position and maximised state between starts.

Stored in QSettings (on Linux ~/.config/Keuzehulp/keuzehulp.conf) as plain numbers, so a
damaged or hand-edited file is ignored rather than trusted. A position that no current
screen shows any more (a laptop taken off its docking station) falls back to the centre of
the primary screen; a size larger than that screen is reduced to it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)

SLEUTEL_GEOMETRIE = "venster/geometrie"  # "x,y,breedte,hoogte" of the normal window, px
SLEUTEL_GEMAXIMALISEERD = "venster/gemaximaliseerd"  # "1" or "0"
ZICHTBAAR_MINIMUM = (120, 30)  # px of the title bar that must be on a screen to grab it
RAND = (16, 48)  # px left for the window frame and title bar, as MainWindow does at start


def bewaar_toestand(venster: QMainWindow, instellingen: QSettings) -> None:
    """Store the window's normal geometry and whether it is maximised.

    In full screen (F11) the state from before full screen is stored: the next start opens
    as a window again, not full screen.
    """
    geo = venster.normalGeometry()
    if geo.isEmpty():
        geo = venster.geometry()
    staat = venster.windowState()
    if staat & Qt.WindowState.WindowFullScreen:
        staat = getattr(venster, "_staat_voor_volledig", Qt.WindowState.WindowNoState)
    instellingen.setValue(SLEUTEL_GEOMETRIE, f"{geo.x()},{geo.y()},{geo.width()},{geo.height()}")
    instellingen.setValue(
        SLEUTEL_GEMAXIMALISEERD, "1" if staat & Qt.WindowState.WindowMaximized else "0"
    )
    instellingen.sync()


def gelezen_geometrie(instellingen: QSettings) -> QRect | None:
    """The stored normal geometry, or None when there is none or it cannot be read."""
    waarde = instellingen.value(SLEUTEL_GEOMETRIE)
    if isinstance(waarde, list):  # QSettings reads "a,b,c,d" back as a list of strings
        waarde = ",".join(str(deel) for deel in waarde)
    if not isinstance(waarde, str):
        return None
    try:
        x, y, breedte, hoogte = (int(deel) for deel in waarde.split(","))
    except ValueError:
        log.info("Vensterpositie in de instellingen is onleesbaar: %r", waarde)
        return None
    if breedte <= 0 or hoogte <= 0:
        return None
    return QRect(x, y, breedte, hoogte)


def passend_op_scherm(geo: QRect, minimum: tuple[int, int] = (0, 0)) -> QRect:
    """`geo`, kept where it is when a screen shows its title bar, else centred on the primary
    screen; never larger than the screen it ends up on (minus room for the frame)."""
    schermen = [s.availableGeometry() for s in QGuiApplication.screens()]
    primair = QGuiApplication.primaryScreen()
    hoofd = primair.availableGeometry() if primair is not None else QRect(0, 0, 1366, 768)
    titelbalk = QRect(geo.x(), geo.y(), max(geo.width(), 1), ZICHTBAAR_MINIMUM[1])
    zichtbaar = [
        scherm
        for scherm in schermen
        if (deel := scherm.intersected(titelbalk)).width() >= ZICHTBAAR_MINIMUM[0]
        and deel.height() >= ZICHTBAAR_MINIMUM[1] // 2
    ]
    scherm = zichtbaar[0] if zichtbaar else hoofd
    breedte = max(min(geo.width(), scherm.width() - RAND[0]), minimum[0])
    hoogte = max(min(geo.height(), scherm.height() - RAND[1]), minimum[1])
    nieuw = QRect(geo.x(), geo.y(), breedte, hoogte)
    if not zichtbaar:
        nieuw.moveCenter(hoofd.center())
    return nieuw


def herstel_toestand(venster: QMainWindow, instellingen: QSettings) -> bool:
    """Give the window its stored geometry and maximised state; call before `show()`.

    Returns False (and leaves the window as it is) when nothing usable was stored.
    """
    geo = gelezen_geometrie(instellingen)
    if geo is None:
        return False
    minimum = venster.minimumSize()
    venster.setGeometry(passend_op_scherm(geo, (minimum.width(), minimum.height())))
    if str(instellingen.value(SLEUTEL_GEMAXIMALISEERD, "0")) == "1":
        venster.setWindowState(venster.windowState() | Qt.WindowState.WindowMaximized)
    return True


def onthoud_toestand(venster: QMainWindow, instellingen: QSettings | None = None) -> QSettings:
    """Restore the window now and store its state when it closes (signal `wordt_gesloten`).

    `instellingen` defaults to the application's own QSettings (organisation and name set by
    `maak_applicatie`). Returns the settings object used.
    """
    instellingen = instellingen if instellingen is not None else QSettings()
    instellingen.setParent(venster)
    herstel_toestand(venster, instellingen)
    venster.wordt_gesloten.connect(  # type: ignore[attr-defined]
        lambda: bewaar_toestand(venster, instellingen)
    )
    return instellingen
