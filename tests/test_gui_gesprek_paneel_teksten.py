"""The Gesprek panel on a 1366x768 laptop: hints drawn whole inside their fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keuzehulp.ui.gesprek.stappen import Tekstvak
from keuzehulp.ui.main_window import MainWindow
from tests.laptopvenster import laptopvenster


@pytest.fixture
def venster(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with laptopvenster(qtbot, tmp_path) as hoofd:
        yield hoofd


def _inkt_rechts(beeld: QImage, achtergrond: QColor, kolommen: int) -> list[tuple[int, int]]:
    """Pixels in the rightmost `kolommen` columns that differ from the background."""
    return [
        (x, y)
        for x in range(beeld.width() - kolommen, beeld.width())
        for y in range(beeld.height())
        if beeld.pixelColor(x, y) != achtergrond
    ]


def _inkt(beeld: QImage, achtergrond: QColor) -> int:
    return sum(
        beeld.pixelColor(x, y) != achtergrond
        for x in range(beeld.width())
        for y in range(beeld.height())
    )


def test_every_hint_in_the_panel_keeps_off_the_right_edge(
    venster: MainWindow, qtbot: QtBot
) -> None:
    paneel = venster.gesprek.paneel
    gezien = []
    for klant in (False, True):
        if venster.zoeken.actie_klantweergave.isChecked() != klant:
            venster.zoeken.actie_klantweergave.trigger()
        for stap in range(paneel.stappen.count()):
            paneel.stappen.setCurrentIndex(stap)
            QApplication.processEvents()
            for vak in paneel.stappen.widget(stap).findChildren(Tekstvak):
                if not vak.isVisible() or not vak.isEnabled() or not vak.placeholderText():
                    continue
                assert vak.toPlainText() == ""
                beeld = vak.viewport().grab().toImage()
                achtergrond = beeld.pixelColor(beeld.width() - 1, beeld.height() - 1)
                marge = int(vak.document().documentMargin())
                assert _inkt(beeld, achtergrond) > 50, vak.accessibleName()  # the hint is drawn
                assert _inkt_rechts(beeld, achtergrond, marge) == [], (
                    vak.accessibleName(),
                    vak.placeholderText(),
                )
                gezien.append(vak.accessibleName())
    assert "Volgende stappen" in gezien
