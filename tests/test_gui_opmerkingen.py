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
