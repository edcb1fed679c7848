"""Helpers for the Beheer GUI tests: answering the reason dialog that every change asks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.gemeen import RedenDialoog
from keuzehulp.ui.context import AppContext
from tests.conftest import TEST_GEBRUIKER


def geef_reden(qtbot: QtBot, reden: str) -> None:
    """Wait for the modal reason dialog, type `reden` and press OK."""
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RedenDialoog))
    dialoog = QApplication.activeModalWidget()
    assert isinstance(dialoog, RedenDialoog)
    qtbot.keyClicks(dialoog.reden, reden)
    qtbot.mouseClick(dialoog.ok, Qt.MouseButton.LeftButton)


def toon_beheer_tab(
    qtbot: QtBot,
    db: Database,
    *,
    beheerder: bool | None = None,
    maat: tuple[int, int] = (1200, 800),
) -> BeheerTab:
    """The Beheer tab on `db` for TEST_GEBRUIKER, shown at `maat` (width, height in px)."""
    tab = BeheerTab(AppContext(db, TEST_GEBRUIKER), beheerder)
    qtbot.addWidget(tab)
    tab.resize(*maat)
    tab.show()
    qtbot.waitExposed(tab)
    return tab
