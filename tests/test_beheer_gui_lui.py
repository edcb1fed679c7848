"""Opening Beheer builds only the screen it shows, and building reads nothing on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import event

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten
from keuzehulp.ui.beheer.beheer_tab import TITELS, BeheerTab
from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
from keuzehulp.ui.context import AppContext
from tests.conftest import TEST_GEBRUIKER


@contextmanager
def sql_op_gui_thread(db: Database) -> Iterator[list[str]]:
    """Collects every SQL statement that runs on the main (GUI) thread meanwhile."""
    gezien: list[str] = []

    def noteer(_conn: Any, _cursor: Any, sql: str, *_a: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            gezien.append(sql)

    event.listen(db.engine, "before_cursor_execute", noteer)
    try:
        yield gezien
    finally:
        event.remove(db.engine, "before_cursor_execute", noteer)


def test_beheer_builds_one_screen_and_reads_in_the_worker(
    qtbot: QtBot, catalogus: Database
) -> None:
    context = AppContext(catalogus, TEST_GEBRUIKER)
    with sql_op_gui_thread(catalogus) as gezien:
        tab = BeheerTab(context, True)
        qtbot.addWidget(tab)
        tab.resize(1366, 768)
        tab.show()
    assert gezien == []
    assert tab.gebouwde_schermen == ["instrumenten"]
    view = tab.instrumenten
    assert view.formulier.routes == {}  # the choices come with the list, from the worker
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.model.rowCount() == 61  # every status: 52 active, 9 parked
    assert list(view.formulier.routes) == ["life_first", "human_capital_first", "work_first"]
    assert view.formulier.gemeenten.count() > 0
    # A tab not shown yet is a stand-in; showing it builds the real screen in its place.
    index = list(TITELS).index("versies")
    assert tab.tabs.widget(index) is not None
    assert "versies" not in tab.gebouwde_schermen
    tab.tabs.setCurrentIndex(index)
    assert tab.tabs.currentWidget() is tab.versies
    assert tab.gebouwde_schermen == ["instrumenten", "versies"]
    assert [tab.tabs.tabText(i) for i in range(tab.tabs.count())] == list(TITELS.values())


def test_a_change_refreshes_built_screens_only_when_shown(qtbot: QtBot, database: Database) -> None:
    tab = BeheerTab(AppContext(database, TEST_GEBRUIKER), True)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.instrumenten.laadt)
    tab.context.gebeurtenissen.catalogus_gewijzigd.emit()
    assert tab.instrumenten.laadt  # the visible screen reloads at once
    qtbot.waitUntil(lambda: not tab.instrumenten.laadt)
    assert tab.gebouwde_schermen == ["instrumenten"]  # nothing else was built for it


def test_the_form_is_built_a_turn_after_the_screen_shows_with_the_choices_of_the_list(
    qtbot: QtBot, database: Database
) -> None:
    view = InstrumentenView(AppContext(database, TEST_GEBRUIKER), True)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    assert not view.formulier_is_gebouwd  # not with the screen: it shows first
    view.show()
    qtbot.waitUntil(lambda: view.formulier_is_gebouwd and not view.laadt)
    formulier = view.formulier
    assert formulier.isVisible() and not formulier.isEnabled()  # nothing chosen yet
    assert list(formulier.routes) == ["life_first", "human_capital_first", "work_first"]
    assert formulier.kenmerken.count() > 0 and formulier.gemeenten.count() > 0
    # Tab goes from the buttons above the form into its fields, then on to the history.
    keten = [view.opslaan_knop]
    while keten[-1] is not view.geschiedenis and len(keten) < 500:
        volgende = keten[-1].nextInFocusChain()
        assert volgende is not None
        keten.append(volgende)
    assert formulier.velden["naam"] in keten
    assert keten.index(formulier.velden["naam"]) < keten.index(formulier.velden["doel"])


def test_a_form_asked_for_before_the_list_arrives_gets_the_choices_and_saves(
    qtbot: QtBot, database: Database
) -> None:
    view = InstrumentenView(AppContext(database, TEST_GEBRUIKER), True)
    qtbot.addWidget(view)
    view.nieuw()  # before the screen shows and before the list is loaded
    assert view.formulier_is_gebouwd and view.formulier.isEnabled()
    assert list(view.formulier.routes) == ["life_first", "human_capital_first", "work_first"]
    view.formulier.velden["naam"].setText("")  # type: ignore[union-attr]
    view.show()
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.formulier.gegevens() is None  # still validates: a name is required
    assert "naam" in view.formulier.fouten
    view.formulier.velden["naam"].setText("Training, Later gebouwd")  # type: ignore[union-attr]
    assert view.gewijzigd and view.opslaan_knop.isEnabled()
    gegevens = view.formulier.gegevens()
    assert gegevens is not None
    view.bewaar(gegevens, "nieuw aanbod")
    qtbot.waitUntil(lambda: not view.bezig and view.bewerking is not None)
    assert view.bewerking is not None
    assert instrumenten.open_instrument(database, view.bewerking.id).gegevens.naam == (
        "Training, Later gebouwd"
    )
