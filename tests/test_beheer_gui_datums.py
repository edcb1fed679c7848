"""Every date a user sees in Beheer reads 30-11-2026, as in the rest of the app (never the
ISO 2026-11-30 the log stores), and the source of a change is named in Dutch."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import actualiteit, instrumenten, versies
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.context import AppContext
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
ROLLEN = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _aantal(methode: object, ouder: QModelIndex | QPersistentModelIndex) -> int:
    try:
        return int(methode(ouder))  # type: ignore[operator]
    except TypeError:  # QAbstractListModel keeps columnCount(parent) private in PySide6
        return 1


def _teksten(model: QAbstractItemModel, ouder: QModelIndex | QPersistentModelIndex) -> list[str]:
    """Every display text and tooltip of a model (trees included)."""
    uit: list[str] = []
    for rij in range(_aantal(model.rowCount, ouder)):
        for kolom in range(_aantal(model.columnCount, ouder)):
            index = model.index(rij, kolom, ouder)
            uit += [t for rol in ROLLEN if isinstance(t := index.data(rol), str)]
        eerste = model.index(rij, 0, ouder)
        if eerste.isValid() and _aantal(model.rowCount, eerste) > 0:
            uit += _teksten(model, eerste)
    return uit


def _alles_wat_te_zien_is(scherm: QWidget) -> list[str]:
    teksten = [label.text() for label in scherm.findChildren(QLabel)]
    for view in scherm.findChildren(QAbstractItemView):
        if (model := view.model()) is not None:
            teksten += _teksten(model, QModelIndex())
    return teksten


def test_beheer_shows_every_date_as_the_rest_of_the_app(qtbot: QtBot, database: Database) -> None:
    iid = nieuw(database)
    actualiteit.markeer_beoordeeld(database, TEST_GEBRUIKER, iid)  # a moment in the log
    bewerking = instrumenten.open_instrument(database, iid)
    gegevens = bewerking.gegevens.model_copy(
        update={"start_soort": "vaste_data", "startdata": "2027-01-05; 2027-03-01"}
    )
    instrumenten.bewaar_instrument(
        database, TEST_GEBRUIKER, iid, bewerking.versie, gegevens, "startdata"
    )
    versies.publiceer_versie(database, TEST_GEBRUIKER, "proef", datum=dt.date(2026, 11, 30))
    tab = BeheerTab(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()

    tab.toon(tab.instrumenten)
    tab.instrumenten.open(iid)
    qtbot.waitUntil(lambda: tab.instrumenten.geschiedenis_model.rowCount() == 4)
    tab.toon(tab.log)
    qtbot.waitUntil(lambda: not tab.log.laadt and tab.log.model.rowCount() > 0)
    tab.toon(tab.versies)
    qtbot.waitUntil(lambda: tab.versies.model.rowCount() == 1)

    gezien: list[str] = []
    for scherm in (tab.instrumenten, tab.log, tab.versies):
        teksten = _alles_wat_te_zien_is(scherm)
        assert [t for t in teksten if ISO.search(t)] == [], type(scherm).__name__
        gezien += teksten
    assert "30-11-2026" in gezien  # the version, in the log and the list of versions
    assert "05-01-2027; 01-03-2027" in gezien  # the start dates in the history
    assert "bewerking in Beheer" in gezien and "editor" not in gezien
