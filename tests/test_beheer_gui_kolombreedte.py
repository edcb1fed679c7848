"""Beheer column widths at laptop size: names get the room, Oud/Nieuw show what changed."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.instrumenten_indeling import KOLOM_NAAM, KOLOM_STATUS, KOLOM_TYPE
from keuzehulp.ui.beheer.kolommen import vanaf_verschil, verschil_begin
from tests.beheer_hulp import compleet, nieuw
from tests.conftest import TEST_GEBRUIKER
from tests.gui_beheer_hulp import toon_beheer_tab

OUD = "Banenmarkt, Werkzaak team Werk"
NIEUW = "Banenmarkt, Werkzaak team Werk (regio Noord-Oost, vernieuwd)"


def test_the_cut_starts_a_few_words_before_the_change() -> None:
    begin = verschil_begin(OUD, NIEUW)
    assert begin == len(OUD)
    assert vanaf_verschil(NIEUW, begin, 1) == "…team Werk (regio Noord-Oost, vernieuwd)"
    assert vanaf_verschil(OUD, begin, 1) == "…team Werk"
    assert vanaf_verschil(NIEUW, begin, 0) == "…Werk (regio Noord-Oost, vernieuwd)"
    # A change in the first words: the text stays whole (Qt cuts it at the end).
    assert vanaf_verschil("Cursus NT2", verschil_begin("Cursus NT2", "Cursus NT1"), 2) == (
        "Cursus NT2"
    )
    assert vanaf_verschil("", 0) == ""


def _zichtbaar(view: QTableView) -> list[int]:
    kop = view.horizontalHeader()
    return [kop.sectionSize(k) for k in range(kop.count()) if not view.isColumnHidden(k)]


def _tab(qtbot: QtBot, db: Database) -> BeheerTab:
    tab = toon_beheer_tab(qtbot, db, beheerder=True, maat=(1366, 700))
    scherm = tab.instrumenten
    qtbot.waitUntil(lambda: not scherm.laadt and scherm.model.rowCount() > 0, timeout=20000)
    return tab


def _open(qtbot: QtBot, tab: BeheerTab, instrument_id: int, rijen: int) -> None:
    scherm = tab.instrumenten
    scherm.lijst.selectRow(scherm.model.rij_van(instrument_id))
    qtbot.waitUntil(lambda: scherm.geschiedenis_model.rowCount() == rijen, timeout=10000)
    QApplication.processEvents()


def test_the_name_gets_the_room_of_the_list_on_one_line(qtbot: QtBot, database: Database) -> None:
    nieuw(database)
    tab = _tab(qtbot, database)
    lijst = tab.instrumenten.lijst
    kop = lijst.horizontalHeader()
    assert not lijst.wordWrap()  # one line per instrument, no name cut after two lines
    naam = kop.sectionSize(KOLOM_NAAM)
    assert naam > max(kop.sectionSize(KOLOM_STATUS), kop.sectionSize(KOLOM_TYPE))
    # Was 180 px beside a form that needed 730 px, then 265; 30 px of that went to the
    # editor, whose history has eight columns to show beside it (Veld whole).
    assert naam >= 230
    scroll = tab.instrumenten.formulier_scroll
    QApplication.processEvents()
    assert not scroll.horizontalScrollBar().isVisible()  # the form still fits beside it
    assert sum(_zichtbaar(lijst)) <= lijst.viewport().width()


def test_the_history_of_a_new_instrument_fills_its_width(qtbot: QtBot, database: Database) -> None:
    iid = nieuw(database)
    tab = _tab(qtbot, database)
    _open(qtbot, tab, iid, 1)
    view = tab.instrumenten.geschiedenis
    assert sum(_zichtbaar(view)) == view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()


def test_old_and_new_show_the_changed_part_and_the_full_text_as_tooltip(
    qtbot: QtBot, database: Database
) -> None:
    iid = nieuw(database, OUD)
    bewerking = instrumenten.open_instrument(database, iid)
    instrumenten.bewaar_instrument(
        database, TEST_GEBRUIKER, iid, bewerking.versie, compleet(NIEUW), "regio erbij"
    )
    tab = _tab(qtbot, database)
    _open(qtbot, tab, iid, 2)
    for view, model in (
        (tab.instrumenten.geschiedenis, tab.instrumenten.geschiedenis_model),
        (tab.log.tabel, tab.log.model),
    ):
        if view is tab.log.tabel:
            tab.toon(tab.log)
            qtbot.waitUntil(lambda m=model: m.rowCount() >= 2, timeout=10000)
            QApplication.processEvents()
        assert not view.wordWrap()
        titels = [k.titel for k in model.KOLOMMEN]
        rij = next(r for r in range(model.rowCount()) if model.rij(r).veld == "naam")
        getoond = {}
        for titel in ("Oud", "Nieuw"):
            kolom = titels.index(titel)
            view.horizontalHeader().resizeSection(kolom, 120)  # too narrow for the text
            index = model.index(rij, kolom)
            optie = QStyleOptionViewItem()
            optie.initFrom(view)
            optie.rect = view.visualRect(index)
            view.itemDelegateForColumn(kolom).initStyleOption(optie, index)
            getoond[titel] = optie.text
            assert model.data(index, 3) == (OUD if titel == "Oud" else NIEUW)  # tooltip
        assert getoond["Oud"].startswith("…") and getoond["Oud"].endswith("Werk")
        assert getoond["Nieuw"].startswith("…") and "(regio" in getoond["Nieuw"]


def test_the_form_says_a_type_and_an_uitvoerder_are_needed_to_publish(
    qtbot: QtBot, database: Database
) -> None:
    iid = instrumenten.maak_instrument(
        database, TEST_GEBRUIKER, compleet("Training, Zonder Type", type=None), "concept"
    )
    tab = _tab(qtbot, database)
    scherm = tab.instrumenten
    _open(qtbot, tab, iid, 1)
    qtbot.waitUntil(lambda: "Nog nodig" in scherm.ontbreekt.text())
    assert "een type (soort instrument)" in scherm.ontbreekt.text()
    assert "uitvoerder" not in scherm.ontbreekt.text()
    assert not scherm.publiceer_knop.isEnabled()
    scherm.formulier.velden["type"].setCurrentText("Training")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: scherm.ontbreekt.text() == "Klaar om te publiceren.")
    scherm.formulier.velden["uitvoerder"].setText("")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "een uitvoerder" in scherm.ontbreekt.text())
