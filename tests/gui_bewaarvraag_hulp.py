"""Helper for GUI tests: answer the one "Wijzigingen bewaren?" question through its buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.ui.onopgeslagen import TITEL


def wacht_op_bewaarvraag(qtbot: QtBot) -> QMessageBox:
    """The open question box (window-modal), once it is shown."""
    qtbot.waitUntil(
        lambda: (
            isinstance(vak := QApplication.activeModalWidget(), QMessageBox)
            and vak.windowTitle() == TITEL
            and vak.isVisible()
        )
    )
    vak = QApplication.activeModalWidget()
    assert isinstance(vak, QMessageBox)
    return vak


def beantwoord_bewaarvraag(qtbot: QtBot, knop: str) -> str:
    """Click the button labelled `knop` ("Bewaren", "Niet bewaren", "Annuleren");
    returns the question's text."""
    vak = wacht_op_bewaarvraag(qtbot)
    tekst = vak.text()
    gevonden = [k for k in vak.buttons() if k.text().replace("&", "") == knop]
    assert len(gevonden) == 1, [k.text() for k in vak.buttons()]
    qtbot.mouseClick(gevonden[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not vak.isVisible())
    return tekst
