"""One "changed" event, raised after commit for every unit of work; no screen raises it by hand."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.ui.context import AppContext
from tests.gesprek_hulp import maak_instrumenten
from tests.terugblik_hulp import blik_terug, maak_gesprek

UI = Path(__file__).resolve().parents[1] / "keuzehulp" / "ui"
# `<...>gebeurtenissen.<signal>.emit(` or `.catalogus_gewijzigd.emit(` anywhere in the ui.
HANDMATIG = re.compile(
    r"(gebeurtenissen\.(catalogus_gewijzigd|wijzigingen)|catalogus_gewijzigd)\.emit\("
)


def test_no_screen_announces_a_change_by_hand() -> None:
    gevonden = [
        f"{pad.relative_to(UI.parent.parent)}:{nummer}"
        for pad in UI.rglob("*.py")
        if pad != UI / "context.py"  # where the database's commit hook raises them
        for nummer, regel in enumerate(pad.read_text(encoding="utf-8").splitlines(), 1)
        if HANDMATIG.search(regel)
    ]
    assert gevonden == []
    # The check itself finds what it looks for.
    assert HANDMATIG.search("context.gebeurtenissen.catalogus_gewijzigd.emit()")


def test_gesprek_and_terugblik_writes_raise_the_event_with_their_area(
    qtbot: QtBot, database: Database
) -> None:
    ids = maak_instrumenten(database)
    context = AppContext(database, "anna")
    gezien: list[Wijzigingen] = []
    catalogus: list[int] = []
    context.gebeurtenissen.wijzigingen.connect(gezien.append)
    context.gebeurtenissen.catalogus_gewijzigd.connect(lambda: catalogus.append(1))

    # A saved gesprek: announced with its area; what the search shows did not change.
    with qtbot.waitSignal(context.gebeurtenissen.wijzigingen):
        GesprekService(database).bewaar(
            GesprekInvoer(opties=(Optie(instrument_id=ids[0]),)), "anna"
        )
    assert gezien[-1].bron == "gesprek" and not gezien[-1].raakt_catalogus
    assert catalogus == []

    # A saved terugblik: its rating shows in search, comparison and PDF.
    gesprek = maak_gesprek(database, ids[1])
    qtbot.waitUntil(lambda: len(gezien) == 2)
    with qtbot.waitSignal(context.gebeurtenissen.catalogus_gewijzigd):
        blik_terug(database, gesprek, client_cijfer=8)
    assert gezien[-1].bron == "terugblik" and gezien[-1].raakt_catalogus
    assert gezien[-1].entiteiten == frozenset()  # not a logged entity
    assert catalogus == [1]
