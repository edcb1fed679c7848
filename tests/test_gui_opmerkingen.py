"""The Opmerkingen list loads off the GUI thread and keeps what the beheerder selected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.ui.beheer.opmerkingen_view import OpmerkingenView
from keuzehulp.ui.context import AppContext
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.terugblik_hulp import blik_terug, maak_gesprek


def test_selectie_blijft_na_een_statuswijziging_bij_alle_statussen(
    qtbot: QtBot, database: Database
) -> None:
    ids = maak_instrumenten(database)
    for tekst in ("Eerste", "Tweede", "Derde"):
        blik_terug(database, maak_gesprek(database, ids[0]), coach_opmerking=tekst)
    view = OpmerkingenView(AppContext(database, TEST_GEBRUIKER), beheerder=True)
    qtbot.addWidget(view)
    assert view.aantal.text() == "Bezig met laden…"  # the list comes from a worker
    qtbot.waitUntil(lambda: view.geladen)
    view.status.setCurrentIndex(0)  # alle statussen
    qtbot.waitUntil(lambda: view.geladen and view.model.rowCount() == 3)
    view.tabel.selectRow(1)
    gekozen = [r.id for r in view.gekozen()]
    qtbot.mouseClick(view.status_knoppen["verwerkt"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.geladen)
    assert [r.id for r in view.gekozen()] == gekozen
    assert view.gekozen()[0].status == "verwerkt"
    assert "status: Verwerkt (" in view.volledig.toPlainText()


def test_een_nieuwer_filter_wint_van_een_ouder_antwoord(qtbot: QtBot, database: Database) -> None:
    ids = maak_instrumenten(database)
    blik_terug(database, maak_gesprek(database, ids[0]), coach_opmerking="Nog nieuw")
    view = OpmerkingenView(AppContext(database, TEST_GEBRUIKER), beheerder=True)
    qtbot.addWidget(view)
    view.status.setCurrentIndex(view.status.findData("verwerkt"))  # before the first answer
    qtbot.waitUntil(lambda: view.geladen)
    assert view.model.rowCount() == 0  # the answer for "nieuw" came too late and was dropped
    assert view.aantal.text().startswith("0 opmerkingen getoond")


def test_regiehouders_load_with_the_rows_and_a_vanished_one_shows_all(
    qtbot: QtBot, database: Database
) -> None:
    from keuzehulp.model.catalogus import Instrument
    from keuzehulp.model.mutatielog import MutatieContext

    ids = maak_instrumenten(database)
    blik_terug(database, maak_gesprek(database, ids[0]), coach_opmerking="Over A")
    blik_terug(database, maak_gesprek(database, ids[1]), coach_opmerking="Over B")

    def regiehouder(iid: int, naam: str | None) -> None:
        with database.wijzigen(MutatieContext(TEST_GEBRUIKER, "test")) as s:
            s.get_one(Instrument, iid).regiehouder = naam

    regiehouder(ids[0], "Anna")
    view = OpmerkingenView(AppContext(database, TEST_GEBRUIKER), beheerder=True)
    qtbot.addWidget(view)
    # The names are filled by the worker, not on the GUI thread; "all" is there from the start.
    assert view.regiehouder.currentText() == "Alle regiehouders"
    assert view.regiehouder.findData("Anna") < 0
    qtbot.waitUntil(lambda: view.geladen)
    assert view.regiehouder.findData("Anna") > 0
    view.regiehouder.setCurrentIndex(view.regiehouder.findData("Anna"))
    qtbot.waitUntil(lambda: view.geladen)
    assert [r.tekst for r in view.model.rijen] == ["Over A"]
    regiehouder(ids[0], None)
    regiehouder(ids[1], "Bert")
    view.ververs()
    qtbot.waitUntil(lambda: view.geladen)
    assert view.regiehouder.currentData() is None  # Anna has no remarks any more: all
    assert view.regiehouder.findData("Bert") > 0 and view.regiehouder.findData("Anna") < 0
    assert {r.tekst for r in view.model.rijen} == {"Over A", "Over B"}


def test_a_status_change_rebuilds_no_search_index_but_the_list_follows(
    qtbot: QtBot, database: Database
) -> None:
    from keuzehulp.model.mutatielog import Wijzigingen
    from keuzehulp.ui.beheer.beheer_tab import BeheerTab

    ids = maak_instrumenten(database)
    blik_terug(database, maak_gesprek(database, ids[0]), coach_opmerking="Graag bellen")
    context = AppContext(database, TEST_GEBRUIKER)
    context.gebeurtenissen.verbind(database)
    tab = BeheerTab(context, beheerder=True)
    qtbot.addWidget(tab)
    view = tab.opmerkingen
    tab.toon(view)
    qtbot.waitUntil(lambda: view.geladen and view.model.rowCount() == 1)
    gezien: list[Wijzigingen] = []
    catalogus: list[int] = []
    context.gebeurtenissen.wijzigingen.connect(gezien.append)
    context.gebeurtenissen.catalogus_gewijzigd.connect(lambda: catalogus.append(1))
    # Another beheerder (same database, another app) marks the remark as handled.
    with qtbot.waitSignal(context.gebeurtenissen.wijzigingen):
        context.beheer.zet_opmerking_status([view.model.rij(0).id], "verwerkt")
    assert gezien[-1].entiteiten == {"opmerking"} and not gezien[-1].raakt_catalogus
    assert catalogus == []  # the search shows no remarks: no index rebuild
    # The list (filter "nieuw") reloads by itself: the handled remark is gone.
    qtbot.waitUntil(lambda: view.geladen and view.model.rowCount() == 0)
