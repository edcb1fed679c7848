"""At 1366x768 every text is whole or wraps, and nothing needs a horizontal scroll bar.

The Beheer instrument list gives the name the room, the history shares its width, the radar's
group names fit around the chart, the handleiding wraps its text (code too) and scales its
images. (The connection banner at laptop size: tests/test_gui_offline.py.)
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainterPath, QPolygonF
from PySide6.QtWidgets import QApplication, QHeaderView, QSplitter, QTableView
from pytestqt.qtbot import QtBot

from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
from keuzehulp.ui.gesprek.radar import LABEL_VLAGGEN, MAX_SCORE, MIN_STRAAL, RadarWidget
from keuzehulp.ui.handleiding import HandleidingVenster
from keuzehulp.ui.main_window import MainWindow
from tests.laptopvenster import LAPTOP, laptopvenster

GROEPEN = [
    ("1", "Menselijk kapitaal"),
    ("2", "Sociale omgeving"),
    ("3", "Belemmeringen & Mogelijkheden"),
    ("4", "Werkzoekgedrag"),
    ("5", "Motivatie"),
]


@pytest.fixture
def venster(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with laptopvenster(qtbot, tmp_path) as hoofd:
        yield hoofd


def _geen_horizontale_scroll(view: QTableView) -> None:
    QApplication.processEvents()
    header = view.horizontalHeader()
    zichtbaar = [k for k in range(header.count()) if not header.isSectionHidden(k)]
    assert sum(header.sectionSize(k) for k in zichtbaar) <= view.viewport().width()
    assert view.horizontalScrollBar().maximum() == 0


# --- Beheer --------------------------------------------------------------------------------


def _beheer(venster: MainWindow, qtbot: QtBot) -> InstrumentenView:
    venster.tabs.setCurrentWidget(venster.beheer_pagina)
    scherm = venster.beheer.instrumenten
    qtbot.waitUntil(lambda: not scherm.laadt and scherm.model.rowCount() > 0, timeout=20_000)
    return scherm


def test_the_name_takes_the_room_of_the_instrument_list(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = _beheer(venster, qtbot)
    lijst, header = scherm.lijst, scherm.lijst.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    _geen_horizontale_scroll(lijst)
    zichtbaar = [k for k in range(header.count()) if not lijst.isColumnHidden(k)]
    assert sum(header.sectionSize(k) for k in zichtbaar) == lijst.viewport().width()
    # Status, type and date whole on one line; the name has what is left.
    for kolom in zichtbaar[1:]:
        for rij in range(scherm.model.rowCount()):
            tekst = scherm.model.index(rij, kolom).data()
            assert lijst.fontMetrics().horizontalAdvance(tekst) < header.sectionSize(kolom), tekst
    # A wider list (the splitter dragged) gives all the extra room to the name.
    splitter = next(
        s
        for s in scherm.findChildren(QSplitter)
        if s.orientation() == Qt.Orientation.Horizontal and s.isAncestorOf(lijst)
    )
    naam = header.sectionSize(0)
    splitter.setSizes([splitter.sizes()[0] + 200, splitter.sizes()[1] - 200])
    QApplication.processEvents()
    assert header.sectionSize(0) >= naam + 150
    _geen_horizontale_scroll(lijst)
    # A name that is cut shows whole in its tooltip.
    index = scherm.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == scherm.model.rij(0).naam


def test_the_history_fits_its_width_whatever_the_width(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = _beheer(venster, qtbot)
    scherm.lijst.selectRow(0)
    qtbot.waitUntil(lambda: scherm.geschiedenis_model.rowCount() > 0, timeout=10_000)
    geschiedenis = scherm.geschiedenis
    header = geschiedenis.horizontalHeader()
    _geen_horizontale_scroll(geschiedenis)
    titels = [
        scherm.geschiedenis_model.headerData(k, Qt.Orientation.Horizontal)
        for k in range(header.count())
    ]
    op_volgorde = [header.logicalIndex(v) for v in range(header.count())]
    zichtbaar = [titels[k] for k in op_volgorde if not header.isSectionHidden(k)]
    # Reden before Bron, as in the Mutatielog tab and its Excel export (the model's order).
    assert zichtbaar[-2:] == ["Reden", "Bron"] and "Soort" not in zichtbaar
    tijd = scherm.geschiedenis_model.index(0, titels.index("Tijdstip")).data()
    assert geschiedenis.fontMetrics().horizontalAdvance(tijd) < header.sectionSize(0)
    splitter = next(
        s
        for s in scherm.findChildren(QSplitter)
        if s.orientation() == Qt.Orientation.Horizontal and s.isAncestorOf(geschiedenis)
    )
    for links in (700, 400, 560):  # the history narrower, wider, and back
        totaal = sum(splitter.sizes())
        splitter.setSizes([links, totaal - links])
        QApplication.processEvents()
        _geen_horizontale_scroll(geschiedenis)
        assert sum(
            header.sectionSize(k) for k in range(header.count()) if not header.isSectionHidden(k)
        ) == pytest.approx(geschiedenis.viewport().width(), abs=2)
    # Dragging the time column wider takes the room from the shared columns.
    header.resizeSection(0, header.sectionSize(0) + 120)
    _geen_horizontale_scroll(geschiedenis)


# --- the radar -----------------------------------------------------------------------------


@pytest.mark.parametrize("maat", [(240, 150), (240, 240), (340, 200), (380, 300), (700, 420)])
@pytest.mark.parametrize("schaal", [1.0, 1.25])
def test_radar_names_are_whole_and_inside(
    qtbot: QtBot, maat: tuple[int, int], schaal: float
) -> None:
    radar = RadarWidget(GROEPEN)
    qtbot.addWidget(radar)
    font = radar.font()
    font.setPointSizeF(font.pointSizeF() * schaal)
    radar.setFont(font)
    radar.resize(*maat)
    radar.zet_scores({"1": 7, "3": 10})
    indeling = radar.indeling()
    assert indeling.straal >= MIN_STRAAL
    assert indeling.past
    maten = QFontMetricsF(indeling.font)
    rand = QRectF(radar.rect())
    ring = QPainterPath()
    ring.addPolygon(
        QPolygonF([radar._punt(indeling.midden, indeling.straal, i, MAX_SCORE) for i in range(5)])
    )
    vakken = []
    for (_code, naam), (getekend, vak) in zip(GROEPEN, indeling.labels, strict=True):
        assert getekend == naam
        assert rand.contains(vak), (naam, vak, maat)
        # The text as drawn in its box needs no more than the box: nothing is cut.
        nodig = maten.boundingRect(vak, LABEL_VLAGGEN, naam)
        assert vak.adjusted(-0.5, -0.5, 0.5, 0.5).contains(nodig), (naam, nodig, vak)
        assert not ring.intersects(vak), (naam, "over the chart")
        vakken.append(vak)
    for i, vak in enumerate(vakken):
        for ander in vakken[i + 1 :]:
            assert not vak.intersects(ander)
    radar.grab()  # paints without a warning


def test_radar_in_the_gesprek_panel_shows_every_name(venster: MainWindow, qtbot: QtBot) -> None:
    doel = venster.gesprek.paneel.doel
    venster.gesprek.paneel.stappen.setCurrentWidget(doel)
    QApplication.processEvents()
    radar = doel.radar
    assert radar.width() >= 240
    # The whole chart and the button under it are in sight on the laptop, without scrolling.
    onder = doel.zoek_laagste.mapTo(venster, doel.zoek_laagste.rect().bottomLeft()).y()
    assert (
        onder <= venster.gesprek.dock.mapTo(venster, venster.gesprek.dock.rect().bottomLeft()).y()
    )
    indeling = radar.indeling()
    assert [naam for naam, _ in indeling.labels] == [naam for _, naam in radar._groepen]
    assert any("Belemmeringen" in naam for naam, _ in indeling.labels)
    for naam, vak in indeling.labels:
        assert QRectF(radar.rect()).contains(vak), naam
    assert radar.toolTip().count("\n") == len(indeling.labels) - 1  # every name in full


# --- the handleiding -------------------------------------------------------------------------


@pytest.mark.parametrize("maat", [(1200, 720), (LAPTOP[0], 696), (760, 560)])
def test_the_handleiding_needs_no_horizontal_scroll(qtbot: QtBot, maat: tuple[int, int]) -> None:
    hulp = HandleidingVenster()
    qtbot.addWidget(hulp)
    hulp.resize(*maat)
    hulp.show()
    qtbot.waitExposed(hulp)
    qtbot.waitUntil(lambda: hulp.beelden_passen, timeout=20_000)
    assert hulp.width() <= LAPTOP[0] and hulp.height() <= LAPTOP[1]
    document = hulp.tekst.document()
    assert "postgresql+psycopg://" in document.toPlainText()  # long command lines
    assert document.size().width() <= hulp.tekst.viewport().width()
    assert hulp.tekst.horizontalScrollBar().maximum() == 0
    assert hulp.beeldbreedte() <= hulp.tekst.viewport().width()
    hulp.close()
