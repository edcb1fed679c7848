"""Paging through the result cards with the keyboard (F7, issue 13).

Moving through the cards only changes the current card; the details open on a choice (click,
Enter, Space) and stay closed after Sluiten. PageDown/PageUp move a screenful of cards and
leave the top card whole, with details open or closed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken import ZoekScherm
from keuzehulp.ui.zoeken.kaartweergave import KaartenLijst
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens
from tests.conftest import TEST_GEBRUIKER


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    vul_catalogus(database, willekeurige_gegevens(random.Random(8), 60))
    venster = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.resize(1366, 768)
    venster.show()
    qtbot.waitExposed(venster)
    scherm = venster.zoeken
    qtbot.waitUntil(lambda: scherm.resultaten_model.aantal > 25)
    venster.activateWindow()
    scherm.kaarten.setFocus()
    yield venster
    venster.close()


def _bovenste(kaarten: KaartenLijst) -> int:
    """The row of the card at the top edge of the list."""
    return kaarten.indexAt(QPoint(kaarten.viewport().width() // 2, 0)).row()


def _druk(qtbot: QtBot, kaarten: KaartenLijst, toets: Qt.Key) -> None:
    qtbot.keyClick(kaarten, toets)
    kaarten.doItemsLayout()  # finish a batched layout before measuring


def _controleer_pagina(kaarten: KaartenLijst, verwacht: int) -> None:
    """The current card is `verwacht`, at the top and wholly shown."""
    huidig = kaarten.currentIndex().row()
    assert huidig == verwacht, f"PageDown went to card {huidig}, expected {verwacht}"
    assert _bovenste(kaarten) == huidig, "the current card is the top one"
    assert kaarten.visualRect(kaarten.currentIndex()).top() >= 0, "the top card is cut"
    assert huidig in kaarten.volledig_zichtbaar(), "the current card is wholly shown"


def test_page_down_moves_a_screenful_with_the_details_open(
    qtbot: QtBot, venster: MainWindow
) -> None:
    scherm: ZoekScherm = venster.zoeken
    kaarten = scherm.kaarten
    kaarten.selectRow(0)
    qtbot.waitUntil(scherm.detail.isVisible)
    kaarten.doItemsLayout()
    eerste_pagina = kaarten.volledig_zichtbaar()
    assert eerste_pagina and eerste_pagina[0] == 0
    _druk(qtbot, kaarten, Qt.Key.Key_PageDown)
    _controleer_pagina(kaarten, eerste_pagina[-1] + 1)
    assert (
        scherm.detail.instrument_id
        == scherm.resultaten_model.treffer(kaarten.currentIndex().row()).id
    ), "open details follow the current card"
    tweede_pagina = kaarten.volledig_zichtbaar()
    _druk(qtbot, kaarten, Qt.Key.Key_PageDown)
    _controleer_pagina(kaarten, tweede_pagina[-1] + 1)
    _druk(qtbot, kaarten, Qt.Key.Key_PageUp)
    _controleer_pagina(kaarten, tweede_pagina[0])
    _druk(qtbot, kaarten, Qt.Key.Key_PageUp)
    _controleer_pagina(kaarten, 0)


def test_details_stay_closed_while_paging_until_a_card_is_chosen(
    qtbot: QtBot, venster: MainWindow
) -> None:
    scherm: ZoekScherm = venster.zoeken
    kaarten = scherm.kaarten
    kaarten.selectRow(0)
    qtbot.waitUntil(scherm.detail.isVisible)
    qtbot.mouseClick(scherm.detail.knop_sluiten, Qt.MouseButton.LeftButton)
    assert not scherm.detail.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is kaarten)
    hoogte = kaarten.height()
    kaarten.doItemsLayout()
    eerste_pagina = kaarten.volledig_zichtbaar()
    for toets in (Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Up):
        _druk(qtbot, kaarten, toets)
        assert not scherm.detail.isVisible(), f"{toets.name} opened the details"
        assert kaarten.height() == hoogte, "the card list kept its height"
    _druk(qtbot, kaarten, Qt.Key.Key_PageUp)
    _druk(qtbot, kaarten, Qt.Key.Key_PageUp)
    _controleer_pagina(kaarten, 0)
    _druk(qtbot, kaarten, Qt.Key.Key_PageDown)
    _controleer_pagina(kaarten, eerste_pagina[-1] + 1)
    assert len(eerste_pagina) >= 3, "closed details leave room for several cards"
    # Space chooses the current card: the details open, the keys stay in the list.
    _druk(qtbot, kaarten, Qt.Key.Key_Space)
    assert scherm.detail.isVisible()
    assert (
        scherm.detail.instrument_id
        == scherm.resultaten_model.treffer(kaarten.currentIndex().row()).id
    )
    assert QApplication.focusWidget() is kaarten
    assert kaarten.currentIndex().row() in kaarten.volledig_zichtbaar(), "current card in view"
