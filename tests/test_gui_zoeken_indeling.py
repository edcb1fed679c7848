"""The spreekkamer does its layout work once (issue 13): cards, radar, first details."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.radar import RadarWidget
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken import ZoekScherm
from keuzehulp.ui.zoeken.kaartmodel import ResultatenModel
from keuzehulp.ui.zoeken.modellen import ID_ROL
from tests.conftest import TEST_GEBRUIKER

GROEPEN = [("1", "Menselijk kapitaal"), ("2", "Sociale omgeving"), ("3", "Motivatie")]


def _venster(qtbot: QtBot, catalogus: Database) -> MainWindow:
    venster = MainWindow(AppContext(catalogus, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.resize(1366, 768)
    venster.show()
    qtbot.waitExposed(venster)
    return venster


def test_client_view_with_details_measures_the_cards_at_one_width(
    qtbot: QtBot, catalogus: Database
) -> None:
    """Switching the client view with the details open turns the results (stacked <-> side
    by side) and changes the font: the cards are measured at their final width only, not
    again at every width on the way."""
    venster = _venster(qtbot, catalogus)
    scherm = venster.zoeken
    scherm.kaarten.selectRow(0)
    qtbot.waitUntil(lambda: scherm.detail.isVisible())
    deel = scherm._resultaten_deel
    delegate = scherm.kaarten.kaart_delegate
    for aan in (True, False):
        richting = deel.orientation()
        delegate._cache.clear()  # the card layouts measured from here on
        scherm.zet_klantweergave(aan)
        qtbot.wait(200)
        assert deel.orientation() != richting, "the results turned: the case measured here"
        breedten = {breedte for (_kaart, breedte, _font) in delegate._cache}
        assert breedten == {delegate.breedte()}
        assert len(delegate._cache) <= ResultatenModel.PARTIJ
    venster.close()


def test_the_first_cards_details_are_read_in_the_background(
    qtbot: QtBot, catalogus: Database
) -> None:
    """After the first load the first card's details are read in a worker: choosing that
    card shows them without a read on the GUI thread, and they are the catalogue's."""
    context = AppContext(catalogus, TEST_GEBRUIKER)
    scherm = ZoekScherm(context, laad_later=True)
    qtbot.addWidget(scherm)
    qtbot.waitUntil(lambda: not scherm.laadt and context.taken.aantal_bezig == 0)
    eerste = int(scherm.resultaten_model.index(0).data(ID_ROL))
    assert scherm._detail is not None
    assert scherm._detail[0] == eerste
    assert scherm._detail[1] == context.catalogus.detail(eerste)
    scherm.kaarten.selectRow(0)
    getoond = scherm.detail.tekst.toPlainText().replace("\u00ad", "")  # soft hyphens
    assert getoond.startswith(scherm._detail[1].naam)


def test_radar_keeps_its_layout_until_size_or_font_change(qtbot: QtBot) -> None:
    radar = RadarWidget(GROEPEN)
    qtbot.addWidget(radar)
    radar.resize(320, 200)
    eerste = radar.indeling()
    radar.zet_scores({"1": 4})  # a score moves a point, not the names
    assert radar.indeling() is eerste
    radar.resize(480, 300)
    groter = radar.indeling()
    assert groter is not eerste and groter.straal > eerste.straal
    font = radar.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    radar.setFont(font)
    assert radar.indeling().font.pointSizeF() > groter.font.pointSizeF()
