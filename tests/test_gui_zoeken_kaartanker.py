"""The current card keeps its place, whole, when the cards are laid out anew.

The coach pages through the cards, picks one, then switches the client view, opens or closes
the details, resizes the window, goes full screen or changes the font. Each changes every
card's height; the current card must stay where it was as far as it can, and always show at
least its name, the whole card when it fits. A scroll the user makes moves that place.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QWheelEvent
from PySide6.QtWidgets import QAbstractSlider, QApplication
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken.kaart import Kaart
from keuzehulp.ui.zoeken.kaartanker import plaats_in_zicht
from keuzehulp.ui.zoeken.kaartmodel import KAART_ROL
from keuzehulp.ui.zoeken.kaartweergave import KaartenLijst
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens
from tests.conftest import TEST_GEBRUIKER

LAPTOP = (1366, 768)
KLEIN = (1024, 700)


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    vul_catalogus(database, willekeurige_gegevens(random.Random(8), 60))
    venster = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.resize(*LAPTOP)
    venster.show()
    qtbot.waitExposed(venster)
    scherm = venster.zoeken
    qtbot.waitUntil(lambda: scherm.resultaten_model.aantal > 25)
    venster.activateWindow()
    scherm.kaarten.setFocus()
    yield venster
    venster.close()


def _rustig(qtbot: QtBot, kaarten: KaartenLijst) -> None:
    """Let the delayed and batched layouts (Qt waits up to 100 ms after a resize) finish."""
    qtbot.wait(250)
    kaarten.viewport().repaint()


def _naam_onder(kaarten: KaartenLijst) -> int:
    """The bottom of the current card's name, in px from the card's top."""
    index = kaarten.currentIndex()
    kaart = index.data(KAART_ROL)
    assert isinstance(kaart, Kaart)
    breedte = kaarten.visualRect(index).width()
    indeling = kaarten.kaart_delegate.indeling(kaart, breedte, kaarten.font())
    return max(b.rect.bottom() for b in indeling.blokken if b.sleutel == "naam") + 1


def _controleer_in_zicht(kaarten: KaartenLijst, wanneer: str) -> None:
    """The current card's name is in view, and the whole card when it fits."""
    index = kaarten.currentIndex()
    assert index.isValid(), f"{wanneer}: no current card"
    rect = kaarten.visualRect(index)
    hoogte = kaarten.viewport().height()
    assert rect.isValid(), f"{wanneer}: the current card is not laid out"
    assert rect.top() >= 0, f"{wanneer}: card {index.row()} cut at the top: {rect}"
    assert rect.top() + _naam_onder(kaarten) <= hoogte, (
        f"{wanneer}: the name of card {index.row()} is below the view ({rect}, {hoogte} px)"
    )
    if rect.height() <= hoogte:
        assert rect.bottom() < hoogte, (
            f"{wanneer}: card {index.row()} cut at the bottom: {rect}, viewport {hoogte} px"
        )


def _klantweergave(qtbot: QtBot, venster: MainWindow, stap: int) -> None:
    venster.zoeken.actie_klantweergave.trigger()


def _details(qtbot: QtBot, venster: MainWindow, stap: int) -> None:
    """Close open details (Sluiten), open closed ones (Space on the current card)."""
    scherm = venster.zoeken
    if scherm.detail.isVisible():
        qtbot.mouseClick(scherm.detail.knop_sluiten, Qt.MouseButton.LeftButton)
        assert not scherm.detail.isVisible()
    else:
        qtbot.keyClick(scherm.kaarten, Qt.Key.Key_Space)
        assert scherm.detail.isVisible()


def _formaat(qtbot: QtBot, venster: MainWindow, stap: int) -> None:
    venster.resize(*(KLEIN if stap == 0 else LAPTOP))


def _volledig_scherm(qtbot: QtBot, venster: MainWindow, stap: int) -> None:
    venster.zet_volledig_scherm(stap == 0)
    qtbot.waitUntil(lambda: venster.isFullScreen() == (stap == 0))


def _lettertype(qtbot: QtBot, venster: MainWindow, stap: int) -> None:
    scherm = venster.zoeken
    if stap == 0:
        groot = QFont(scherm.font())
        groot.setPointSizeF(groot.pointSizeF() * 1.25)
        scherm.setFont(groot)
    else:
        scherm.setFont(QFont(venster.font()))


Wijziging = Callable[[QtBot, MainWindow, int], None]
WIJZIGINGEN: dict[str, Wijziging] = {
    "klantweergave": _klantweergave,
    "details": _details,
    "formaat": _formaat,
    "volledig_scherm": _volledig_scherm,
    "lettertype": _lettertype,
}
# There and back again leaves these cards as they were: the current card returns to its place.
TERUG_OP_ZIJN_PLEK = {"klantweergave", "details"}


@pytest.mark.parametrize("wijziging", list(WIJZIGINGEN))
@pytest.mark.parametrize("keuze", ["klik", "toetsen"])
@pytest.mark.parametrize("paginas", [0, 2])
def test_the_current_card_stays_whole_through_a_layout_change(
    qtbot: QtBot, venster: MainWindow, paginas: int, keuze: str, wijziging: str
) -> None:
    scherm = venster.zoeken
    kaarten = scherm.kaarten
    for _ in range(paginas):
        qtbot.keyClick(kaarten, Qt.Key.Key_PageDown)
        _rustig(qtbot, kaarten)
    if paginas:
        assert kaarten.currentIndex().row() > 3, "paging went down"
    bovenste = max(kaarten.currentIndex().row(), 0)
    if keuze == "klik":  # the card under the top one: the details open beside or below
        rect = kaarten.visualRect(scherm.resultaten_model.index(bovenste + 1))
        qtbot.mouseClick(kaarten.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert scherm.detail.isVisible()
    else:  # down with the keys to the last whole card; the details stay closed
        onderste = kaarten.volledig_zichtbaar()[-1]
        assert onderste >= bovenste + 2, "the case tested: a card low in the view"
        while kaarten.currentIndex().row() < onderste:
            qtbot.keyClick(kaarten, Qt.Key.Key_Down)
        assert not scherm.detail.isVisible()
    _rustig(qtbot, kaarten)
    rij = kaarten.currentIndex().row()
    assert rij == (bovenste + 1 if keuze == "klik" else onderste)
    _controleer_in_zicht(kaarten, "before")
    voor = kaarten.visualRect(kaarten.currentIndex()).top()
    for stap in (0, 1):
        WIJZIGINGEN[wijziging](qtbot, venster, stap)
        _rustig(qtbot, kaarten)
        assert kaarten.currentIndex().row() == rij, "the layout change kept the current card"
        _controleer_in_zicht(kaarten, f"{wijziging}, step {stap + 1}")
    if wijziging in TERUG_OP_ZIJN_PLEK:
        assert kaarten.visualRect(kaarten.currentIndex()).top() == voor, "back in its place"


def test_the_card_stays_at_its_place_when_there_is_room(qtbot: QtBot, venster: MainWindow) -> None:
    """Not scrolled to the top or the edge: where it was, when the card fits there."""
    scherm = venster.zoeken
    kaarten = scherm.kaarten
    qtbot.keyClick(kaarten, Qt.Key.Key_PageDown)
    qtbot.keyClick(kaarten, Qt.Key.Key_Down)
    _rustig(qtbot, kaarten)
    voor = kaarten.visualRect(kaarten.currentIndex())
    assert voor.top() > 0, "the case tested: a card below the top"
    scherm.actie_klantweergave.trigger()
    _rustig(qtbot, kaarten)
    na = kaarten.visualRect(kaarten.currentIndex())
    assert na.height() > voor.height(), "the client view made the card taller"
    assert na.top() == plaats_in_zicht(na, voor.top(), kaarten.viewport().height())
    scherm.actie_klantweergave.trigger()


def _wiel(kaarten: KaartenLijst, klikken: int) -> None:
    """Turn the mouse wheel over the cards, `klikken` notches down (negative: up)."""
    viewport = kaarten.viewport()
    punt = QPointF(viewport.width() / 2, viewport.height() / 2)
    for _ in range(abs(klikken)):
        wiel = QWheelEvent(
            punt,
            viewport.mapToGlobal(punt),
            QPoint(),
            QPoint(0, -120 if klikken > 0 else 120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, wiel)


def test_a_scroll_by_the_user_moves_the_anchor(qtbot: QtBot, venster: MainWindow) -> None:
    """The current card scrolled up a little stays at its new place through the client view;
    scrolled out of sight, the coach looks at other cards: the card at the top stays there,
    and the current card is not pulled back."""
    scherm = venster.zoeken
    kaarten = scherm.kaarten
    for _ in range(4):
        qtbot.keyClick(kaarten, Qt.Key.Key_Down)
    _rustig(qtbot, kaarten)
    huidig = kaarten.currentIndex()
    voor = kaarten.visualRect(huidig).top()
    _wiel(kaarten, 1)
    _rustig(qtbot, kaarten)
    plek = kaarten.visualRect(huidig).top()
    assert 0 <= plek < voor, "the wheel moved the current card up, still in view"
    for _ in range(2):
        scherm.actie_klantweergave.trigger()
        _rustig(qtbot, kaarten)
    assert kaarten.visualRect(huidig).top() == plek, "where the user put it, not where it was"

    balk = kaarten.verticalScrollBar()
    _wiel(kaarten, 6)
    balk.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)  # a click on the bar
    _rustig(qtbot, kaarten)
    assert kaarten.visualRect(huidig).bottom() < 0, "scrolled past it"
    midden = kaarten.viewport().width() // 2
    boven = kaarten.indexAt(QPoint(midden, 0))
    if kaarten.visualRect(boven).top() < 0:
        boven = boven.siblingAtRow(boven.row() + 1)
    plek = kaarten.visualRect(boven).top()
    scherm.actie_klantweergave.trigger()
    _rustig(qtbot, kaarten)
    assert kaarten.currentIndex() == huidig
    assert kaarten.visualRect(huidig).bottom() < 0, "not pulled back"
    rect = kaarten.visualRect(boven)
    assert rect.top() == plaats_in_zicht(rect, plek, kaarten.viewport().height())
    scherm.actie_klantweergave.trigger()
    _rustig(qtbot, kaarten)
    assert kaarten.visualRect(boven).top() == plek, "back in its place"
