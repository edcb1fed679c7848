"""Going round the tabs and panel steps never pushes the window past a 1366x768 laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken.kaartmodel import KAART_ROL
from keuzehulp.ui.zoeken.modellen import ID_ROL
from tests.laptopvenster import LAPTOP, laptopvenster


@pytest.fixture
def venster(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The real main window on the sample catalogue, at laptop size, with a card chosen."""
    with laptopvenster(qtbot, tmp_path) as hoofd:
        zoeken = hoofd.zoeken
        qtbot.waitUntil(lambda: zoeken.resultaten_model.rowCount() > 0)
        zoeken.kaarten.selectRow(0)  # the details open beside/below the cards
        qtbot.waitUntil(zoeken.detail.isVisible)
        for rij in range(3):  # a short list and the Keuze step: the panel at its widest
            zoeken.korte_lijst_gevraagd.emit(zoeken.resultaten_model.index(rij, 0).data(ID_ROL))
        hoofd.gesprek.paneel.stappen.setCurrentIndex(3)
        QApplication.processEvents()
        yield hoofd


def test_back_from_vergelijken_keeps_the_laptop_width(venster: MainWindow, qtbot: QtBot) -> None:
    dock = venster.gesprek.dock
    assert dock.isVisible() and venster.width() == LAPTOP[0]
    assert venster.gesprek.paneel.korte_lijst.rowCount() == 3
    venster.tabs.setCurrentWidget(venster.gesprek.vergelijk)
    qtbot.waitUntil(lambda: not dock.isVisible())
    # With the full width the results go side by side with the details ...
    qtbot.waitUntil(lambda: venster.zoeken.detail.parentWidget().width() > 0)
    venster.tabs.setCurrentWidget(venster.zoeken)
    qtbot.waitUntil(dock.isVisible)
    QApplication.processEvents()
    # ... and must give that room back to the panel: the window does not grow.
    assert venster.minimumSizeHint().width() <= LAPTOP[0]
    assert venster.width() == LAPTOP[0]
    assert dock.width() >= dock.minimumSizeHint().width()


def test_no_tab_and_panel_step_needs_more_than_the_laptop(
    venster: MainWindow, qtbot: QtBot
) -> None:
    stappen = venster.gesprek.paneel.stappen
    gemeten = 0
    for ronde in range(2):  # the second round starts from the state the first one left
        for tab in range(venster.tabs.count()):
            venster.tabs.setCurrentIndex(tab)
            for stap in range(stappen.count()):
                stappen.setCurrentIndex(stap)
                QApplication.processEvents()
                hint = venster.minimumSizeHint()
                waar = (ronde, venster.tabs.tabText(tab), stap)
                assert hint.width() <= LAPTOP[0], (waar, hint.width())
                assert hint.height() <= LAPTOP[1], (waar, hint.height())
                assert venster.width() <= LAPTOP[0], (waar, venster.width())
                gemeten += 1
    assert gemeten == 2 * venster.tabs.count() * stappen.count()


def test_client_cards_beside_the_panel_keep_name_and_mark_apart(
    venster: MainWindow, qtbot: QtBot
) -> None:
    """At 1366 px with the panel open the client's large cards are narrow: nothing overlaps."""
    scherm = venster.zoeken
    scherm.zet_klantweergave(True)
    qtbot.waitUntil(lambda: len(scherm.kaarten.volledig_zichtbaar()) > 0)
    assert venster.gesprek.dock.isVisible() and venster.width() == LAPTOP[0]
    venster.grab()  # paint as the screen would; the delegate records what it drew
    model = scherm.resultaten_model
    rijen = scherm.kaarten.volledig_zichtbaar()
    assert rijen
    for rij in rijen:
        kaart = model.index(rij).data(KAART_ROL)
        tekening = scherm.kaarten.kaart_delegate.tekeningen[rij]
        assert tekening.velden["naam"] == kaart.naam and tekening.velden["cijfer"] == kaart.cijfer
        assert not tekening.afgekapt, (kaart.naam, tekening.afgekapt)
    # Whatever the room left by the panel and the details: name and mark never overlap.
    delegate = scherm.kaarten.kaart_delegate
    font = scherm.kaarten.font()
    for rij in rijen:
        kaart = model.index(rij).data(KAART_ROL)
        for breedte in range(260, 720, 20):
            blokken = {b.sleutel: b.rect for b in delegate.indeling(kaart, breedte, font).blokken}
            assert not blokken["naam"].intersects(blokken["cijfer"]), (kaart.naam, breedte)
            assert blokken["cijfer"].right() < breedte, (kaart.naam, breedte)


def test_the_reference_placeholder_fits_its_field(venster: MainWindow, qtbot: QtBot) -> None:
    paneel = venster.gesprek.paneel
    paneel.stappen.setCurrentIndex(0)
    veld = paneel.doel.referentie
    qtbot.waitUntil(veld.isVisible)
    tekst = veld.placeholderText()
    assert "naam" in tekst and "BSN" in tekst  # what must not go in, said in the field
    ruimte = (
        veld.width()
        - 2 * veld.style().pixelMetric(veld.style().PixelMetric.PM_DefaultFrameWidth)
        - 8
    )
    assert veld.fontMetrics().horizontalAdvance(tekst) <= ruimte, (tekst, ruimte)


def test_beheer_instrument_list_shows_its_columns_whole(venster: MainWindow, qtbot: QtBot) -> None:
    venster.tabs.setCurrentWidget(venster.beheer_pagina)
    scherm = venster.beheer.instrumenten
    qtbot.waitUntil(lambda: not scherm.laadt and scherm.model.rowCount() > 0, timeout=20000)
    lijst = scherm.lijst
    header = lijst.horizontalHeader()
    zichtbaar = [k for k in range(header.count()) if not lijst.isColumnHidden(k)]
    assert len(zichtbaar) >= 4
    assert sum(header.sectionSize(k) for k in zichtbaar) <= lijst.viewport().width()
    type_kolom = scherm.model.KOLOMMEN.index("Type")
    nodig = lijst.fontMetrics().horizontalAdvance("Diagnose en onderzoek")
    assert header.sectionSize(type_kolom) > nodig  # one line, no wrap
