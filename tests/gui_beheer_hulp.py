"""Helpers for the Beheer GUI tests: answering the reason dialog that every change asks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keuzehulp.ui.beheer.gemeen import RedenDialoog


def geef_reden(qtbot: QtBot, reden: str) -> None:
    """Wait for the modal reason dialog, type `reden` and press OK."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RedenDialoog))
    dialoog = QApplication.activeModalWidget()
    assert isinstance(dialoog, RedenDialoog)
    qtbot.keyClicks(dialoog.reden, reden)
    qtbot.mouseClick(dialoog.ok, Qt.MouseButton.LeftButton)
