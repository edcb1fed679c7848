"""The status bar at 1366x768: a long message is elided with its full text as the tooltip,
and never squeezes the catalogue label or the busy bar on its right, on every tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QStatusTipEvent
from PySide6.QtWidgets import QApplication, QStatusBar
from pytestqt.qtbot import QtBot

from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.statusbalk import Statusbalk
from tests.laptopvenster import laptopvenster

LANG = (
    "De database is bijgewerkt. Een reservekopie staat in /home/coach/.local/share/keuzehulp/"
    "reservekopieen/keuzehulp-2026-11-30-101500.sqlite. Bewaar die kopie tot u zeker weet "
    "dat alles goed is gegaan."
)


def _getekend(balk: QStatusBar) -> str:
    """The message as the bar draws it (the base class holds the elided text)."""
    return QStatusBar.currentMessage(balk)


def _is_heel(venster: MainWindow) -> bool:
    """The catalogue label has its whole text's width (the row of permanent widgets follows a
    change in its widgets one event-loop turn later)."""
    label = venster.versie_label
    return label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def _label_heel(venster: MainWindow) -> None:
    label = venster.versie_label
    assert label.text().startswith("Catalogus")
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_a_long_message_is_elided_on_every_tab_and_the_labels_stay_whole(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with laptopvenster(qtbot, tmp_path) as venster:
        balk = venster.statusBar()
        assert isinstance(balk, Statusbalk)
        qtbot.waitUntil(lambda: venster.versie_label.text().startswith("Catalogus"))
        for index in range(venster.tabs.count()):
            if not venster.tabs.isTabVisible(index):
                continue
            venster.tabs.setCurrentIndex(index)
            venster.bezig_balk.setVisible(index % 2 == 1)  # with and without the busy bar
            balk.showMessage(LANG, 60_000)
            qtbot.waitUntil(lambda: venster.versie_label.width() > 0 and _is_heel(venster))
            QApplication.processEvents()
            getekend = _getekend(balk)
            assert getekend.endswith("…") and LANG.startswith(getekend[:-1].rstrip())
            assert balk.fontMetrics().horizontalAdvance(getekend) <= balk.ruimte_voor_bericht()
            assert balk.currentMessage() == LANG  # callers still see the whole text
            assert balk.toolTip() == LANG
            _label_heel(venster)
            if venster.bezig_balk.isVisible():
                assert venster.bezig_balk.x() >= venster.versie_label.geometry().right()


def test_a_short_message_is_drawn_whole_without_tooltip_and_goes_away(
    qtbot: QtBot, tmp_path: Path
) -> None:
    with laptopvenster(qtbot, tmp_path) as venster:
        balk = venster.statusBar()
        assert isinstance(balk, Statusbalk)
        balk.showMessage(LANG, 60_000)
        balk.showMessage("Opgeslagen.", 200)
        assert _getekend(balk) == "Opgeslagen." == balk.currentMessage()
        assert balk.toolTip() == ""
        qtbot.waitUntil(lambda: balk.currentMessage() == "")
        assert _getekend(balk) == ""


def test_a_narrower_window_elides_more_and_a_wider_one_less(qtbot: QtBot, tmp_path: Path) -> None:
    with laptopvenster(qtbot, tmp_path) as venster:
        balk = venster.statusBar()
        assert isinstance(balk, Statusbalk)
        qtbot.waitUntil(lambda: venster.versie_label.text().startswith("Catalogus"))
        balk.showMessage(LANG)
        breed = _getekend(balk)
        venster.resize(1000, 700)
        qtbot.waitUntil(lambda: len(_getekend(balk)) < len(breed))
        assert _getekend(balk).endswith("…")
        assert balk.currentMessage() == LANG
        qtbot.waitUntil(lambda: _is_heel(venster))
        _label_heel(venster)


def test_a_status_tip_shown_by_qt_itself_is_elided_too(qtbot: QtBot, tmp_path: Path) -> None:
    with laptopvenster(qtbot, tmp_path) as venster:
        balk = venster.statusBar()
        QApplication.sendEvent(venster, QStatusTipEvent(LANG))  # as a hovered menu item does
        assert _getekend(balk).endswith("…")
        assert balk.currentMessage() == LANG and balk.toolTip() == LANG
        QApplication.sendEvent(venster, QStatusTipEvent(""))
        assert balk.currentMessage() == "" and balk.toolTip() == ""


def test_permanent_widgets_keep_their_order_and_their_changes_re_elide(qtbot: QtBot) -> None:
    """The permanent widgets live in one row: a longer label or one taken away changes the
    room, and the message is elided again (no event filter on the widgets themselves)."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    venster = QMainWindow()
    qtbot.addWidget(venster)
    balk = Statusbalk(venster)
    venster.setStatusBar(balk)
    venster.resize(900, 300)
    rechts, links = QLabel("Rechts"), QLabel("Links")
    balk.addPermanentWidget(rechts)
    assert balk.insertPermanentWidget(0, links) == 0
    venster.show()
    qtbot.waitExposed(venster)
    assert (
        links.mapTo(balk, links.rect().topLeft()).x()
        < rechts.mapTo(balk, rechts.rect().topLeft()).x()
    )
    balk.showMessage(LANG)
    eerst = _getekend(balk)
    assert eerst.endswith("…")
    rechts.setText("Een veel langere tekst rechts in de statusbalk, die ruimte vraagt")
    qtbot.waitUntil(lambda: len(_getekend(balk)) < len(eerst))
    assert balk.fontMetrics().horizontalAdvance(_getekend(balk)) <= balk.ruimte_voor_bericht()
    korter = _getekend(balk)
    balk.removeWidget(rechts)
    qtbot.waitUntil(lambda: len(_getekend(balk)) > len(korter))
    assert not rechts.isVisible() and balk.currentMessage() == LANG
