"""Opening Beheer builds only the screen it shows, and building reads nothing on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import event

from keuzehulp.model.db import Database
from keuzehulp.ui.beheer.beheer_tab import TITELS, BeheerTab
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
