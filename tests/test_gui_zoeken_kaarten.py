"""The search screen's cards, chips, way out of nothing, wishes, shortlist and keys."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.wensen import Wens, WensKeuze
from keuzehulp.services.zoeken import Sortering
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken import ZoekScherm
from keuzehulp.ui.zoeken.kaartmodel import KAART_ROL, ResultatenModel
from keuzehulp.ui.zoeken.modellen import ID_ROL, NAAM_ROL
from keuzehulp.ui.zoeken.praktisch import PassendeLijst
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus, willekeurige_gegevens
from tests.conftest import TEST_GEBRUIKER

A, B, C = (
    "Training sollicitatie, Aanbieder A",
    "Coaching, Aanbieder B",
    "Psychologisch onderzoek, Aanbieder C",
)


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    vul_catalogus(database, kleine_catalogus())
    venster = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.resize(1366, 768)
    venster.show()
    qtbot.waitExposed(venster)
    yield venster
    venster.close()


def _namen(scherm: ZoekScherm) -> list[str]:
    m = scherm.resultaten_model
    return [str(m.index(r).data(NAAM_ROL)) for r in range(m.rowCount())]


def _klik_vinkje(qtbot: QtBot, lijst: PassendeLijst, sleutel: str) -> None:
    """A mouse click on the check box of one value in a step-3 list."""
    model = lijst.model()
    index = next(
        model.index(r, 0)
        for r in range(model.rowCount())
        if model.index(r, 0).data(ID_ROL) == sleutel
    )
    lijst.scrollTo(index)
    optie = QStyleOptionViewItem()
    optie.initFrom(lijst)
    optie.rect = lijst.visualRect(index)
    optie.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    vak = lijst.style().subElementRect(
        QStyle.SubElement.SE_ItemViewItemCheckIndicator, optie, lijst
    )
    qtbot.mouseClick(lijst.viewport(), Qt.MouseButton.LeftButton, pos=vak.center())


def test_tick_and_untick_then_remove_with_a_chip(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    scherm.ga_naar_stap(2)
    lijst = scherm.praktisch_stap.lijsten["gemeenten"]
    with qtbot.waitSignal(scherm.zoekvraag_gewijzigd):
        _klik_vinkje(qtbot, lijst, "Tiel")
    assert scherm.zoekvraag().gemeenten == {"Tiel"}
    assert sorted(_namen(scherm)) == sorted([A, B]), "Tiel, and everywhere"
    assert [c.text() for c in scherm.chips.zichtbare_chips()] == ["Tiel  ×"]
    assert scherm.praktisch_stap.secties["gemeenten"].kop.text() == "Gemeente · 1 gekozen"
    _klik_vinkje(qtbot, lijst, "Tiel")  # untick in the list
    assert scherm.zoekvraag().is_leeg
    assert scherm.chips.zichtbare_chips() == []
    assert scherm.samenvatting.isVisible() and not scherm.knop_alles_wissen.isVisible()

    # Tick again, add a type with the keyboard, then remove the gemeente with its chip.
    _klik_vinkje(qtbot, lijst, "Tiel")
    types = scherm.praktisch_stap.lijsten["types"]
    types.setFocus()
    model = types.model()
    rij = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ID_ROL) == "Coaching")
    types.setCurrentIndex(model.index(rij, 0))
    qtbot.keyClick(types, Qt.Key.Key_Space)
    assert scherm.zoekvraag().types == {"Coaching"}
    assert [c.text() for c in scherm.chips.zichtbare_chips()] == ["Tiel  ×", "Coaching  ×"]
    assert scherm.chips.zichtbare_chips()[0].accessibleName() == "Haal ‘Tiel’ weg"
    with qtbot.waitSignal(scherm.zoekvraag_gewijzigd):
        qtbot.mouseClick(scherm.chips.zichtbare_chips()[0], Qt.MouseButton.LeftButton)
    assert scherm.zoekvraag() == ZoekVraag(types=frozenset({"Coaching"}))
    assert not scherm.gemeente_model.gekozen(), "the list follows the chip"
    assert _namen(scherm) == [B]
    qtbot.mouseClick(scherm.knop_alles_wissen, Qt.MouseButton.LeftButton)
    assert scherm.zoekvraag().is_leeg


def test_zero_results_offer_a_way_out(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    # Diagnose is only in Buren, A only in Tiel: nothing has Tiel, type Diagnose and 4.1.
    scherm.zet_zoekvraag(
        ZoekVraag(
            gemeenten=frozenset({"Tiel"}),
            types=frozenset({"Diagnose"}),
            kenmerken=frozenset({"4.1"}),
        )
    )
    assert scherm.resultaten_model.aantal == 0
    assert scherm.niets.isVisible() and not scherm.kaarten.isVisible()
    teksten = [k.text() for k in scherm.niets.knoppen]
    assert teksten, "there is a way out"
    assert all(t.startswith("Zonder ") for t in teksten)
    assert "Haal één keuze weg" in scherm.niets.uitleg.text()
    # Dropping the type and the kenmerk each still leave nothing; dropping both would.
    eerste = scherm.niets.knoppen[0]
    with qtbot.waitSignal(scherm.zoekvraag_gewijzigd):
        qtbot.mouseClick(eerste, Qt.MouseButton.LeftButton)
    assert scherm.resultaten_model.aantal > 0
    assert scherm.kaarten.isVisible() and not scherm.niets.isVisible()
    aantal = int(eerste.text().rsplit(": ", 1)[1].split()[0])
    assert scherm.resultaten_model.aantal == aantal, "the button said what it gives"


def test_wishes_on_the_cards_and_as_sort_order(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    scherm.resultaten_model.vandaag = dt.date(2027, 1, 4)
    assert scherm.sortering.findData(Sortering.WENSEN) == -1, "no wishes: no such order"
    scherm.zet_wensen([WensKeuze(wens=Wens.DICHTBIJ, gemeente="Buren", gewicht=2)])
    kaarten = {
        scherm.resultaten_model.index(r).data(KAART_ROL).naam: scherm.resultaten_model.index(r)
        .data(KAART_ROL)
        .wensen
        for r in range(scherm.resultaten_model.rowCount())
    }
    assert kaarten["Training sollicitatie"].startswith("Past bij 0 van je 1 wens.")
    assert "Niet: dicht bij huis." in kaarten["Training sollicitatie"]
    assert kaarten["Coaching"].startswith("Past bij 1 van je 1 wens.")
    positie = scherm.sortering.findData(Sortering.WENSEN)
    assert scherm.sortering.itemText(positie) == "Past het best bij je wensen"
    scherm.sortering.setCurrentIndex(positie)
    assert _namen(scherm)[-1] == A, "the one far from Buren last"
    scherm.zet_wensen([])
    assert scherm.sortering.findData(Sortering.WENSEN) == -1
    assert scherm.resultaten_model.index(0).data(KAART_ROL).wensen == ""


def test_a_shortlisted_card_and_its_buttons_say_so(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    venster.activateWindow()
    qtbot.waitUntil(venster.isActiveWindow)
    scherm.kaarten.setFocus()
    scherm.kaarten.selectRow(0)
    eerste = scherm.resultaten_model.treffer(0).id
    with qtbot.waitSignal(scherm.korte_lijst_gevraagd) as signaal:
        qtbot.keyClick(scherm.kaarten, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert signaal.args == [eerste]
    scherm.zet_korte_lijst(frozenset({eerste}))  # what the Gesprek panel does next
    kaart = scherm.resultaten_model.index(0).data(KAART_ROL)
    assert (
        kaart.op_korte_lijst and not scherm.resultaten_model.index(1).data(KAART_ROL).op_korte_lijst
    )
    assert scherm.knop_korte_lijst.text() == "Staat op de korte lijst"
    assert not scherm.knop_korte_lijst.isEnabled()
    assert scherm.detail.knop_korte_lijst.text() == "Staat op de korte lijst"
    scherm.kaarten.viewport().grab()  # paint: the card carries the visible mark
    tekening = scherm.kaarten.kaart_delegate.tekeningen[0]
    assert tekening.velden["korte_lijst"] == "Staat op de korte lijst"
    with qtbot.assertNotEmitted(scherm.korte_lijst_gevraagd):
        qtbot.keyClick(scherm.kaarten, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    scherm.zet_klantweergave(True)
    assert scherm.knop_korte_lijst.text() == "Staat op je korte lijst"
    scherm.kaarten.selectRow(1)
    assert scherm.knop_korte_lijst.text() == "Op de korte lijst"
    assert scherm.knop_korte_lijst.isEnabled()


def test_keys_move_through_cards_and_open_details(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    venster.activateWindow()
    assert not scherm.detail.isVisible(), "the list has all the room until a card is chosen"
    scherm.kaarten.setFocus()
    scherm.kaarten.setCurrentIndex(scherm.resultaten_model.index(0))
    qtbot.keyClick(scherm.kaarten, Qt.Key.Key_Down)
    assert scherm.kaarten.currentIndex().row() == 1
    assert not scherm.detail.isVisible(), "moving is not choosing: the list keeps its room"
    qtbot.keyClick(scherm.kaarten, Qt.Key.Key_Return)
    assert scherm.detail.isVisible() and scherm.kaarten.isVisible()
    assert scherm.detail.instrument_id == scherm.resultaten_model.treffer(1).id
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scherm.detail.tekst)
    qtbot.keyClick(scherm.detail.tekst, Qt.Key.Key_Escape)
    assert not scherm.detail.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scherm.kaarten)
    # A click on a card also opens its details.
    rect = scherm.kaarten.visualRect(scherm.resultaten_model.index(2))
    qtbot.mouseClick(scherm.kaarten.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert scherm.detail.isVisible()
    assert scherm.detail.instrument_id == scherm.resultaten_model.treffer(2).id
    qtbot.mouseClick(scherm.detail.knop_sluiten, Qt.MouseButton.LeftButton)
    assert not scherm.detail.isVisible()


def test_full_screen_on_f11_and_back_with_esc(qtbot: QtBot, venster: MainWindow) -> None:
    venster.activateWindow()
    assert "&Volledig scherm" in [a.text() for a in venster.menu_beeld.actions()]
    qtbot.keyClick(venster.zoeken.kaarten, Qt.Key.Key_F11)
    qtbot.waitUntil(venster.isFullScreen)
    qtbot.keyClick(venster.zoeken.kaarten, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not venster.isFullScreen())
    venster.actie_volledig_scherm.trigger()
    qtbot.waitUntil(venster.isFullScreen)
    venster.actie_volledig_scherm.trigger()
    qtbot.waitUntil(lambda: not venster.isFullScreen())


def test_client_view_hides_status_bar_and_beheer(qtbot: QtBot, venster: MainWindow) -> None:
    index = venster.tabs.indexOf(venster.beheer_pagina)
    venster.tabs.setCurrentIndex(index)
    venster.zoeken.actie_klantweergave.trigger()
    assert venster.tabs.currentWidget() is venster.zoeken
    assert not venster.tabs.isTabVisible(index)
    assert not venster.statusBar().isVisible()
    assert not venster.menu_beheer.menuAction().isVisible()
    venster.zoeken.actie_klantweergave.trigger()
    assert venster.tabs.isTabVisible(index) and venster.statusBar().isVisible()


def test_item_models_with_batches_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, database: Database
) -> None:
    vul_catalogus(database, willekeurige_gegevens(random.Random(3), 150))
    scherm = ZoekScherm(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    model = scherm.resultaten_model
    assert model.aantal > ResultatenModel.PARTIJ
    assert model.rowCount() == ResultatenModel.PARTIJ, "cards arrive in batches"
    assert model.canFetchMore(scherm.kaarten.rootIndex())
    scherm.zet_wensen([WensKeuze(wens=Wens.KORT)])
    scherm.zet_korte_lijst(frozenset({model.treffer(0).id}))
    for m in (model, scherm.kenmerk_model, *scherm.facet_modellen.values()):
        qtmodeltester.check(m)
    laatste = model.treffer(model.aantal - 1).id
    assert model.rij_van(laatste) == model.aantal - 1
    assert model.rowCount() == model.aantal, "finding a row loads up to it"
    scherm.kaarten.selectRow(model.aantal - 1)
    assert scherm.detail.instrument_id == laatste


def test_clicking_the_question_mark_shows_the_explanation(
    qtbot: QtBot, venster: MainWindow
) -> None:
    scherm = venster.zoeken
    scherm.ga_naar_stap(1)
    boom = scherm.kenmerk_stap.boom
    index = scherm.kenmerk_model.index_van("1")
    vak = boom.visualRect(index)
    knop = QPoint(vak.right() - boom.fontMetrics().height() // 2 - 5, vak.top() + 10)
    qtbot.mouseClick(boom.viewport(), Qt.MouseButton.LeftButton, pos=knop)
    tekst = str(index.data())
    assert "\n" in tekst and tekst.split("\n", 1)[1] == index.data(Qt.ItemDataRole.ToolTipRole)
    assert scherm.zoekvraag().is_leeg, "the question mark does not tick the kenmerk"


def test_first_details_open_at_the_name(qtbot: QtBot, catalogus: Database) -> None:
    """The first details of a session used to open scrolled past the instrument's name."""
    venster = MainWindow(AppContext(catalogus, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.resize(1366, 768)
    venster.show()
    qtbot.waitExposed(venster)
    scherm = venster.zoeken
    rect = scherm.kaarten.visualRect(scherm.resultaten_model.index(0))
    qtbot.mouseClick(scherm.kaarten.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    balk = scherm.detail.tekst.verticalScrollBar()
    qtbot.waitUntil(lambda: balk.maximum() > 0)  # long enough to scroll: the test can fail
    qtbot.wait(200)  # let the splitter and the text settle
    assert balk.value() == 0
    # Once the user scrolls, the pane stays where the user put it.
    balk.triggerAction(balk.SliderAction.SliderPageStepAdd)
    assert balk.value() > 0
    venster.close()


def test_wishes_and_the_client_view_search_again_only_when_the_order_changes(
    venster: MainWindow,
) -> None:
    """Wishes change what the cards say, not the results or their order (unless sorted by
    them); the client view changes the words. Neither pays for a new search then."""
    scherm = venster.zoeken
    antwoord = scherm._antwoord
    scherm.zet_wensen([WensKeuze(wens=Wens.KORT)])
    assert scherm._antwoord is antwoord
    assert scherm.resultaten_model.index(0).data(KAART_ROL).wensen.startswith("Past bij ")
    scherm.zet_klantweergave(True)
    assert scherm._antwoord is antwoord
    assert "mogelijkheden" in scherm.aantal.text()
    scherm.zet_klantweergave(False)
    scherm.sortering.setCurrentIndex(scherm.sortering.findData(Sortering.WENSEN))
    gesorteerd = scherm._antwoord
    assert gesorteerd is not antwoord and gesorteerd is not None
    assert gesorteerd.treffers[0].fit is not None  # sorted by the fit
    scherm.zet_wensen([WensKeuze(wens=Wens.GRATIS)])
    assert scherm._antwoord is not gesorteerd  # the order follows the new wishes
    scherm.zet_wensen([])  # the wishes' order goes away: back to the best fit by relevance
    assert scherm._antwoord is not None and scherm._antwoord.treffers[0].fit is None
