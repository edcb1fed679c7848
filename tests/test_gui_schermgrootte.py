"""The main window fits a 1366x768 laptop on every tab; the Gesprek dock follows the tab."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keuzehulp.services.opstart import open_catalogus
from keuzehulp.ui.app import maak_hoofdvenster
from keuzehulp.ui.main_window import MainWindow
from tests.conftest import TEST_GEBRUIKER

LAPTOP = (1366, 768)


@pytest.fixture
def venster(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The real main window on the sample catalogue (the standard first-start import)."""
    opstart = open_catalogus(f"sqlite:///{tmp_path / 'k.sqlite'}", TEST_GEBRUIKER)
    hoofd = maak_hoofdvenster(opstart)
    qtbot.addWidget(hoofd)
    hoofd.resize(*LAPTOP)
    hoofd.show()
    qtbot.waitExposed(hoofd)
    yield hoofd
    hoofd.close()
    opstart.database.sluit()


def _minimum_per_tab(venster: MainWindow) -> dict[str, tuple[int, int]]:
    maten = {}
    for index in range(venster.tabs.count()):
        venster.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        hint = venster.minimumSizeHint()
        maten[venster.tabs.tabText(index)] = (hint.width(), hint.height())
    return maten


def test_every_tab_fits_a_laptop_screen(venster: MainWindow) -> None:
    assert venster.zoeken.isVisible() and venster.gesprek.dock.isVisible()
    maten = _minimum_per_tab(venster)
    assert len(maten) >= 3
    for tab, (breedte, hoogte) in maten.items():
        assert breedte <= LAPTOP[0] and hoogte <= LAPTOP[1], (tab, breedte, hoogte)
    venster.tabs.setCurrentWidget(venster.zoeken)
    QApplication.processEvents()
    assert venster.width() <= LAPTOP[0]  # resize(1366, 768) was honoured, not overruled


def test_dock_hides_on_beheer_and_comes_back(venster: MainWindow, qtbot: QtBot) -> None:
    dock = venster.gesprek.dock
    assert dock.isVisible()
    venster.tabs.setCurrentWidget(venster.beheer_pagina)
    qtbot.waitUntil(lambda: not dock.isVisible())
    venster.tabs.setCurrentWidget(venster.zoeken)
    qtbot.waitUntil(dock.isVisible)
    # Closed by the user (Beeld > Gesprek): switching tabs does not bring it back.
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()
    venster.tabs.setCurrentWidget(venster.beheer_pagina)
    venster.tabs.setCurrentWidget(venster.gesprek.vergelijk)
    QApplication.processEvents()
    assert not dock.isVisible()
    # Shown again from the menu on Beheer: it stays, the user asked for it.
    venster.tabs.setCurrentWidget(venster.beheer_pagina)
    dock.toggleViewAction().trigger()
    assert dock.isVisible()
    venster.tabs.setCurrentWidget(venster.zoeken)
    assert dock.isVisible()


def test_beeld_menu_toggles_the_dock(venster: MainWindow) -> None:
    acties = {a.text(): a for a in venster.menu_beeld.actions()}
    assert "&Gesprek" in acties
    assert acties["&Gesprek"].shortcut().toString() == "Ctrl+G"
    acties["&Gesprek"].trigger()
    assert not venster.gesprek.dock.isVisible()
    acties["&Gesprek"].trigger()
    assert venster.gesprek.dock.isVisible()


@pytest.fixture
def grotere_letters() -> Iterator[float]:
    """Windows-style text scaling: a 1.25x larger font before the window is built."""
    oud = QApplication.font()
    groot = QApplication.font()
    groot.setPointSizeF(oud.pointSizeF() * 1.25)
    QApplication.setFont(groot)
    yield groot.pointSizeF()
    QApplication.setFont(oud)


def test_fits_a_laptop_with_larger_text(grotere_letters: float, venster: MainWindow) -> None:
    assert venster.zoeken.font().pointSizeF() == pytest.approx(grotere_letters)
    for tab, (breedte, hoogte) in _minimum_per_tab(venster).items():
        assert breedte <= LAPTOP[0] and hoogte <= LAPTOP[1], (tab, breedte, hoogte)
    # The client view enlarges the search screen's text once more; the dock stays open.
    venster.tabs.setCurrentWidget(venster.zoeken)
    venster.zoeken.actie_klantweergave.trigger()
    QApplication.processEvents()
    layout = venster.layout()
    assert layout is not None
    layout.invalidate()
    hint = venster.minimumSizeHint()
    assert venster.gesprek.dock.isVisible()
    assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1], hint


def test_starts_no_larger_than_the_screen(qtbot: QtBot, tmp_path: Path) -> None:
    """A 1280x820 start would not fit a 768 px high laptop screen with its task bar."""
    opstart = open_catalogus(f"sqlite:///{tmp_path / 'k.sqlite'}", TEST_GEBRUIKER, ())
    hoofd = maak_hoofdvenster(opstart)
    qtbot.addWidget(hoofd)
    beschikbaar = hoofd.screen().availableGeometry()
    assert hoofd.width() < beschikbaar.width() and hoofd.height() < beschikbaar.height()
    assert hoofd.width() <= 1280 and hoofd.height() <= 820
    opstart.database.sluit()
