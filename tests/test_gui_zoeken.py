"""The search screen: clicks and keys change the list and the counts; the client view hides."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken import ZoekScherm
from keuzehulp.ui.zoeken.kaartmodel import KAART_ROL
from keuzehulp.ui.zoeken.modellen import AANTAL_ROL, GRIJS, ID_ROL, NAAM_ROL, WAAROM_ROL
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.conftest import TEST_GEBRUIKER

A, B, C = (
    "Training sollicitatie, Aanbieder A",
    "Coaching, Aanbieder B",
    ("Psychologisch onderzoek, Aanbieder C"),
)


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    vul_catalogus(database, kleine_catalogus())
    venster = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.show()
    qtbot.waitExposed(venster)
    yield venster
    venster.close()


def _namen(scherm: ZoekScherm) -> set[str]:
    m = scherm.resultaten_model
    return {str(m.index(r).data(NAAM_ROL)) for r in range(m.rowCount())}


def _kenmerk(scherm: ZoekScherm, code: str) -> tuple[int, object]:
    index = scherm.kenmerk_model.index_van(code)
    return int(index.data(AANTAL_ROL)), index.data(Qt.ItemDataRole.ForegroundRole)


def test_app_opens_on_the_search_with_the_note(venster: MainWindow) -> None:
    assert venster.tabs.currentWidget() is venster.zoeken
    scherm = venster.zoeken
    assert "niet het hele aanbod" in scherm.niet_alles.text()
    assert scherm.niet_alles.isVisible()
    assert _namen(scherm) == {A, B, C}, "parked and concept never shown"
    assert scherm.aantal.text() == "<b>3 instrumenten</b> van 3"


def test_click_a_route_then_a_kenmerk(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    werk = scherm.route_stap.vakjes["work_first"]
    assert werk.text() == "Eerst werk vinden  (1)"
    links = QPoint(8, werk.height() // 2)  # the box itself
    with qtbot.waitSignal(scherm.zoekvraag_gewijzigd):
        qtbot.mouseClick(werk, Qt.MouseButton.LeftButton, pos=links)
    assert _namen(scherm) == {A}
    assert scherm.zoekvraag().routes == {"work_first"}
    # Multi-select facets: a route's count leaves the route choice out (B and C).
    assert scherm.route_stap.vakjes["human_capital_first"].text().endswith("(2)")
    assert _kenmerk(scherm, "4.1") == (1, None)
    aantal, kleur = _kenmerk(scherm, "3")
    assert aantal == 0 and kleur == GRIJS, "zero counts are greyed, not hidden"

    qtbot.mouseClick(werk, Qt.MouseButton.LeftButton, pos=links)  # off again
    scherm.ga_naar_stap(1)
    boom = scherm.kenmerk_stap.boom
    index = scherm.kenmerk_model.index_van("3.1")
    boom.scrollTo(index)
    boom.setCurrentIndex(index)
    qtbot.keyClick(boom, Qt.Key.Key_Space)  # keyboard: space ticks the current kenmerk
    assert scherm.zoekvraag().kenmerken == {"3.1"}
    assert _namen(scherm) == {B, C}, "a parent kenmerk includes its children"
    assert scherm.route_stap.vakjes["work_first"].text().endswith("(0)")
    assert "gray" in scherm.route_stap.vakjes["work_first"].styleSheet()
    assert _kenmerk(scherm, "4.1")[0] == 0, "another group is AND: no instrument has both"
    assert _kenmerk(scherm, "3.1.1")[0] == 1, "same group: its own choice is left out"

    # A mouse click on the check box of 1.4 (group 1, AND with group 3), level with its
    # first line.
    veertien = scherm.kenmerk_model.index_van("1.4")
    boom.scrollTo(veertien)
    vak = boom.visualRect(veertien)
    qtbot.mouseClick(
        boom.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(vak.x() + 12, vak.top() + boom.fontMetrics().height() // 2 + 4),
    )
    assert scherm.zoekvraag().kenmerken == {"3.1", "1.4"}
    assert _namen(scherm) == {B}
    cel = scherm.resultaten_model.index(0)
    assert cel.data(WAAROM_ROL) == "1.4 Zelfregulatie; 3.1.2 Coping"
    # At a glance: the name without the provider (shown on its own), then why it matches.
    kaart = cel.data(KAART_ROL)
    assert kaart.naam == "Coaching"
    assert kaart.velden()["aanbieder"] == "Aanbieder B"
    assert kaart.waarom == "Past bij: 1.4 Zelfregulatie; 3.1.2 Coping"


def test_step_and_all_clear(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    scherm.zet_zoekvraag(
        ZoekVraag(routes=frozenset({"life_first"}), gemeenten=frozenset({"Tiel"}), tekst="x")
    )
    assert scherm.route_stap.vakjes["life_first"].isChecked()
    assert scherm.gemeente_model.gekozen() == {"Tiel"}
    assert scherm.praktisch_stap.tekst.text() == "x"
    qtbot.mouseClick(scherm.praktisch_stap.wis, Qt.MouseButton.LeftButton)
    assert scherm.zoekvraag() == ZoekVraag(routes=frozenset({"life_first"}))
    assert scherm.praktisch_stap.tekst.text() == ""
    qtbot.mouseClick(scherm.knop_alles_wissen, Qt.MouseButton.LeftButton)
    assert scherm.zoekvraag().is_leeg
    assert not scherm.route_stap.vakjes["life_first"].isChecked()


def test_text_cost_and_gemeente(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    qtbot.keyClicks(scherm.praktisch_stap.tekst, "ONDERZOEK psycholoog")
    qtbot.waitUntil(lambda: _namen(scherm) == {C})
    scherm.praktisch_stap.tekst.clear()
    qtbot.keyClicks(scherm.praktisch_stap.max_kosten, "1.000")
    qtbot.waitUntil(lambda: scherm.zoekvraag().max_kosten_centen == 100000)
    assert _namen(scherm) == {A}
    scherm.praktisch_stap.max_kosten.setText("duur")
    qtbot.waitUntil(lambda: scherm.zoekvraag().max_kosten_centen is None)
    assert "geen bedrag" in scherm.praktisch_stap.kosten_fout.text()
    scherm.praktisch_stap.max_kosten.clear()
    gemeenten = scherm.gemeente_model
    buren = next(
        gemeenten.index(r)
        for r in range(gemeenten.rowCount())
        if gemeenten.index(r).data(ID_ROL) == "Buren"
    )
    assert buren.data() == "Buren  (2)", "Alle gemeenten instruments count everywhere"
    gemeenten.setData(buren, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: _namen(scherm) == {B, C})


def test_detail_expert_notice_and_short_list(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    scherm.zet_zoekvraag(ZoekVraag(types=frozenset({"Diagnose"})))
    scherm.kaarten.selectRow(0)
    html = scherm.detail.tekst.toPlainText()
    assert "Alleen na overleg: overleg eerst met de psycholoog van Werkzaak" in html
    assert "€ 1.200,00" in html and "R. Regie" in html
    assert "3.1.1 Algemene mentale functies" in html
    assert "Mail naar planning@voorbeeld.example" in html
    instrument_id = scherm.resultaten_model.treffer(0).id
    with qtbot.waitSignal(scherm.korte_lijst_gevraagd) as blocker:
        qtbot.mouseClick(scherm.knop_korte_lijst, Qt.MouseButton.LeftButton)
    assert blocker.args == [instrument_id]
    # The details have the same button (another card, the first may be on the list now).
    scherm.zet_zoekvraag(ZoekVraag())
    scherm.kaarten.selectRow(1 if scherm.resultaten_model.rij_van(instrument_id) == 0 else 0)
    ander = scherm.detail.instrument_id
    assert ander is not None and ander != instrument_id
    with qtbot.waitSignal(scherm.korte_lijst_gevraagd) as blocker:
        qtbot.mouseClick(scherm.detail.knop_korte_lijst, Qt.MouseButton.LeftButton)
    assert blocker.args == [ander]
    scherm.zet_korte_lijst(frozenset({instrument_id, ander}))  # as the Gesprek panel does
    assert scherm.detail.knop_korte_lijst.text() == "Staat op de korte lijst"
    assert not scherm.knop_korte_lijst.isEnabled()


def test_client_view_hides_cost_and_shows_client_texts(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    acties = [a for a in venster.menu_beeld.actions() if a.text() == "&Klantweergave"]
    assert acties and acties[0].shortcut().toString() == "Ctrl+Shift+K"
    grootte = scherm.font().pointSizeF()
    scherm.zet_zoekvraag(ZoekVraag(types=frozenset({"Diagnose"})))
    scherm.kaarten.selectRow(0)
    assert "kosten" in scherm.resultaten_model.index(0).data(KAART_ROL).velden()
    with qtbot.waitSignal(scherm.klantweergave_gewijzigd) as blocker:
        acties[0].trigger()
    assert blocker.args == [True]
    assert scherm.font().pointSizeF() > grootte * 1.3
    kaart = scherm.resultaten_model.index(0).data(KAART_ROL)
    assert "kosten" not in kaart.velden(), "the gemeente's cost is internal"
    assert kaart.velden()["kosten_klant"] == "Vraag je coach wat het kost"
    assert not scherm.praktisch_stap.max_kosten.isVisible()
    assert not scherm.praktisch_stap.secties["onderbouwing"].isVisible()
    assert scherm.praktisch_stap.secties["gemeenten"].kop.text() == "Waar?"
    assert scherm.aantal.text() == "<b>1 mogelijkheid</b>"
    assert scherm.niet_alles.font().pointSizeF() > grootte * 1.3
    tekst = scherm.detail.tekst.toPlainText()
    assert "€ 1.200,00" not in tekst and "R. Regie" not in tekst
    assert "Je werkcoach overlegt eerst met een deskundige" in tekst
    # Kenmerken as short plain labels; the explanation on demand ("?").
    index = scherm.kenmerk_model.index_van("1.4")
    uitleg = "Je stelt een doel en maakt een plan om het te halen. Je zet door als iets tegenzit."
    assert index.data() == "Plannen en volhouden"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == uitleg
    boom = scherm.kenmerk_stap.boom
    scherm.ga_naar_stap(1)
    boom.setCurrentIndex(index)
    qtbot.keyClick(boom, Qt.Key.Key_Question)
    assert index.data() == f"Plannen en volhouden\n{uitleg}"
    qtbot.keyClick(boom, Qt.Key.Key_F1)
    assert index.data() == "Plannen en volhouden"
    scherm.zet_klantweergave(False)
    assert "kosten" in scherm.resultaten_model.index(0).data(KAART_ROL).velden()
    assert index.data() == "1.4 Zelfregulatie"


def test_alt_number_jumps_to_a_step(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    venster.activateWindow()
    scherm.kaarten.setFocus()
    qtbot.keyClick(scherm.kaarten, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert scherm.stappen.currentIndex() == 2
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scherm.praktisch_stap.tekst)
    qtbot.keyClick(scherm.praktisch_stap.tekst, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert scherm.stappen.currentIndex() == 1
    qtbot.keyClick(scherm.kenmerk_stap.boom, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert scherm.stappen.currentIndex() == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scherm.route_stap.vakjes["life_first"])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert scherm.zoekvraag().routes == {"life_first"}
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is scherm.kaarten)


def test_every_control_has_an_accessible_name(venster: MainWindow) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QComboBox,
        QFrame,
        QLineEdit,
        QTabBar,
    )

    scherm = venster.zoeken
    naamloos = [
        w
        for soort in (QAbstractButton, QAbstractItemView, QComboBox, QLineEdit)
        for w in scherm.findChildren(soort)
        if not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and not w.objectName().startswith("qt_")  # Qt's own parts (corner button, ...)
        # Qt's own parts: tab scroll arrows, the line edit's clear button, the combo's popup.
        and not isinstance(w.parent(), QTabBar | QLineEdit)
        and type(w.parent()) is not QFrame
    ]
    assert [(type(w).__name__, type(w.parent()).__name__) for w in naamloos] == []


def test_reload_on_catalogus_gewijzigd(
    qtbot: QtBot, venster: MainWindow, database: Database
) -> None:
    scherm = venster.zoeken
    extra = kleine_catalogus()[0].model_copy(update={"naam": "Nieuw, Aanbieder N"})
    # The commit itself raises catalogus_gewijzigd; the index is rebuilt in the background.
    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10000):
        vul_catalogus(database, [extra])
    assert "Nieuw, Aanbieder N" in _namen(scherm)
    assert scherm.route_stap.vakjes["work_first"].text().endswith("(2)")


def test_item_models_pass_the_model_tester(qtmodeltester: ModelTester, venster: MainWindow) -> None:
    scherm = venster.zoeken
    scherm.zet_zoekvraag(ZoekVraag(kenmerken=frozenset({"3.1"})))
    for model in (
        scherm.kenmerk_model,
        *scherm.facet_modellen.values(),  # gemeente, type, cost, duration, start, Dutch, ...
        scherm.resultaten_model,
    ):
        qtmodeltester.check(model)
    scherm.zet_klantweergave(True)
    qtmodeltester.check(scherm.kenmerk_model)


def test_restoring_a_question_leaves_out_what_no_longer_exists(
    qtbot: QtBot, venster: MainWindow
) -> None:
    scherm = venster.zoeken
    oud = ZoekVraag(kenmerken=frozenset({"3.1", "9.9"}), types=frozenset({"Oude soort"}))
    with qtbot.waitSignal(venster.context.gebeurtenissen.melding) as melding:
        scherm.zet_zoekvraag(oud)
    assert melding.args == ["Niet meer in de catalogus, daarom weggelaten: 9.9, Oude soort"]
    assert scherm.zoekvraag() == ZoekVraag(kenmerken=frozenset({"3.1"}))
    assert _namen(scherm) == {B, C}


def test_sort_order(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken

    def volgorde() -> list[str]:
        m = scherm.resultaten_model
        return [str(m.index(r).data(NAAM_ROL)) for r in range(m.rowCount())]

    assert volgorde() == [B, A, C], "best match: all equal, then the highest mark"
    scherm.sortering.setCurrentIndex(scherm.sortering.findText("Kosten (laagste eerst)"))
    assert volgorde() == [A, C, B], "no amount (op aanvraag) last"
    scherm.sortering.setCurrentIndex(scherm.sortering.findText("Naam"))
    assert volgorde() == [B, C, A]
    scherm.zet_klantweergave(True)
    assert scherm.sortering.findText("Kosten (laagste eerst)") == -1, "internal cost"
    assert scherm.sortering.currentText() == "Naam"


def test_an_empty_result_list_says_what_to_do(qtbot: QtBot, venster: MainWindow) -> None:
    from keuzehulp.services.leesbaarheid import beoordeel

    scherm = venster.zoeken
    qtbot.keyClicks(scherm.praktisch_stap.tekst, "bestaatniet")
    qtbot.waitUntil(lambda: scherm.resultaten_model.rowCount() == 0)
    assert scherm.lijst_of_niets.currentWidget() is scherm.niets
    assert scherm.niets.isVisible() and not scherm.kaarten.isVisible()
    uitleg = scherm.niets.uitleg.text()
    assert beoordeel(uitleg).ok, beoordeel(uitleg).uitleg()
    scherm.praktisch_stap.tekst.clear()
    qtbot.waitUntil(lambda: scherm.resultaten_model.rowCount() > 0)
    assert scherm.kaarten.isVisible() and not scherm.niets.isVisible()


def test_client_view_count_and_summary_on_a_laptop(qtbot: QtBot, venster: MainWindow) -> None:
    scherm = venster.zoeken
    venster.resize(1366, 768)
    scherm.zet_klantweergave(True)
    qtbot.waitUntil(lambda: scherm.aantal.width() > 0)
    assert scherm.samenvatting.text() == "Nog niets gekozen: alle mogelijkheden staan in de lijst."
    balk = scherm.stappen.tabBar()
    for stap in range(3):  # every step's tab is in sight, none scrolled away
        vak = balk.tabRect(stap)
        assert vak.left() >= 0 and vak.right() < balk.width(), (stap, vak, balk.width())
    # On the narrow bar the count may wrap, but never as "3 / mogelijkheden / van 3".
    assert not scherm.sorteer_label.isVisible()
    vet = QFont(scherm.aantal.font())
    vet.setBold(True)
    assert scherm.aantal.width() >= QFontMetrics(vet).horizontalAdvance("3 mogelijkheden")
    scherm.zet_klantweergave(False)
    assert scherm.samenvatting.text() == "Nog niets gekozen: alle instrumenten staan in de lijst."
    assert scherm.sorteer_label.isVisible()


@pytest.mark.parametrize("klant", [False, True])
def test_details_name_type_and_provider_as_the_card_does(
    qtbot: QtBot, venster: MainWindow, klant: bool
) -> None:
    scherm = venster.zoeken
    if klant:
        scherm.actie_klantweergave.trigger()
    scherm.zet_zoekvraag(ZoekVraag(types=frozenset({"Diagnose"})))
    scherm.kaarten.selectRow(0)
    kaart = scherm.resultaten_model.index(0).data(KAART_ROL)
    html = scherm.detail.tekst.toHtml()
    for feit in kaart.ondertitel:  # type and provider, under the card's own word
        assert f">{feit.label}<" in html, (feit.label, feit.waarde)
    anders = ("Uitvoerder", "Wie geeft het", "Soort hulp", "Aanbieder" if klant else "Wie")
    for ander in anders:  # no second word for either in the same view
        assert f">{ander}<" not in html
