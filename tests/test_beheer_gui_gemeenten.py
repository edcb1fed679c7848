"""The Gemeenten screen of Beheer: add, rename and remove a gemeente, each logged with its
reason; a rename from a stale list is refused naming who and when, and the list reloads.

Jan's app is another engine on the same catalogue file (real connections, no mocks).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import beheerders, gemeenten, mutatielog
from keuzehulp.services.beheer.mutatielog import MutatieFilter
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.gemeenten_view import GemeentenView, GemeenteTabelModel, HernoemDialoog
from keuzehulp.ui.context import AppContext
from tests.beheer_hulp import nieuw
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.conftest import TEST_GEBRUIKER
from tests.gui_beheer_hulp import geef_reden

LINKS = Qt.MouseButton.LeftButton


@pytest.fixture
def jan(db_url: str, database: Database) -> Iterator[Database]:
    beheerders.voeg_beheerder_toe(database, TEST_GEBRUIKER, "jan")
    bewaar_profiel(database, "jan", maak_profiel(naam="Jan de Vries", email="jan@werkzaak.nl"))
    opstart = open_catalogus(db_url, "jan", ())
    yield opstart.database
    opstart.database.sluit()


@pytest.fixture
def meldingen(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    gezien: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, t, m, *a: gezien.append((t, m)))
    return gezien


def _scherm(
    qtbot: QtBot, db: Database, gebruiker: str = TEST_GEBRUIKER
) -> tuple[BeheerTab, GemeentenView]:
    """The Beheer tab (the caller keeps it: it owns the screen) showing the gemeenten."""
    tab = BeheerTab(AppContext(db, gebruiker))
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    tab.toon(tab.gemeenten)
    view = tab.gemeenten
    qtbot.waitUntil(lambda: not view.laadt)
    return tab, view


def _namen(view: GemeentenView) -> list[str]:
    return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]


def _rustig(view: GemeentenView) -> bool:
    """The change is saved and reported, and the list reloaded after it: what a coach waits
    for. The list alone is not enough: the reload raised by the commit itself can finish
    before the change's task reports back (then the buttons are still off, as they should)."""
    return not view.bezig and not view.laadt


def _log(db: Database) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (r.actie, r.entiteit_naam, r.nieuwe_waarde, r.reden)
        for r in mutatielog.zoek_mutaties(db, MutatieFilter(entiteit="gemeente"), None)
    ]


def test_gemeente_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = GemeenteTabelModel()
    model.zet_rijen(
        [gemeenten.GemeenteRegel(1, "Tiel", 2, 12), gemeenten.GemeenteRegel(2, "Buren", 1, 0)]
    )
    qtmodeltester.check(model, force_py=True)
    assert model.index(1, 1).data() == "geen"
    assert model.index(0, 1).data() == "12"


def test_add_rename_and_remove_are_logged_with_their_reason(
    qtbot: QtBot, database: Database, meldingen: list[tuple[str, str]]
) -> None:
    _tab, view = _scherm(qtbot, database)
    assert "Tiel" in _namen(view)
    assert _namen(view) == sorted(_namen(view), key=str.casefold)
    qtbot.keyClicks(view.naam, "  Lingewaard ")
    qtbot.mouseClick(view.toevoegen_knop, LINKS)
    geef_reden(qtbot, "nieuw werkgebied")
    qtbot.waitUntil(lambda: "Lingewaard" in _namen(view) and _rustig(view))
    assert view.naam.text() == ""
    assert view.samenvatting.text().startswith("9 gemeenten")

    assert view.kies("Lingewaard")
    qtbot.mouseClick(view.hernoem_knop, LINKS)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HernoemDialoog))
    dialoog = view.hernoem_dialoog
    assert not dialoog.ok.isEnabled()  # the same name, no reason yet
    dialoog.naam.clear()
    qtbot.keyClicks(dialoog.naam, "Gemeente Lingewaard")
    dialoog.reden.setText("officiële naam")  # keyClicks cannot type ë
    qtbot.mouseClick(dialoog.ok, LINKS)
    qtbot.waitUntil(lambda: "Gemeente Lingewaard" in _namen(view) and _rustig(view))
    assert "Lingewaard" not in _namen(view)
    assert view.gekozen() is not None and view.gekozen().naam == "Gemeente Lingewaard"

    assert view.verwijder_knop.isEnabled()
    qtbot.mouseClick(view.verwijder_knop, LINKS)
    geef_reden(qtbot, "toch niet ons gebied")
    qtbot.waitUntil(lambda: "Gemeente Lingewaard" not in _namen(view) and _rustig(view))
    assert meldingen == []
    assert _log(database)[:3] == [
        ("verwijderd", "Gemeente Lingewaard", None, "toch niet ons gebied"),
        ("gewijzigd", "Gemeente Lingewaard", "Gemeente Lingewaard", "officiële naam"),
        ("toegevoegd", "Lingewaard", None, "nieuw werkgebied"),
    ]


def test_a_stale_rename_is_refused_naming_who_and_when(
    qtbot: QtBot, database: Database, jan: Database, meldingen: list[tuple[str, str]]
) -> None:
    _tab, view = _scherm(qtbot, database)
    assert view.kies("Tiel")
    tiel = next(g for g in gemeenten.lijst_gemeenten(jan) if g.naam == "Tiel")
    gemeenten.hernoem_gemeente(jan, "jan", tiel.id, "Tiel (stad)", "spelling", versie=tiel.versie)

    qtbot.mouseClick(view.hernoem_knop, LINKS)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), HernoemDialoog))
    view.hernoem_dialoog.naam.setText("Tiel-Oost")
    view.hernoem_dialoog.reden.setText("wijk")
    qtbot.mouseClick(view.hernoem_dialoog.ok, LINKS)
    qtbot.waitUntil(lambda: bool(meldingen))
    titel, melding = meldingen[0]
    assert titel == "Iemand anders was u voor"
    assert melding.startswith(
        "Gemeente ‘Tiel (stad)’ is intussen gewijzigd door Jan de Vries (jan), vandaag om "
    )
    assert melding.endswith("Bekijk de lijst opnieuw en probeer het dan nog eens.")
    # Nothing of it is stored, and the list shows what is stored now.
    qtbot.waitUntil(lambda: "Tiel (stad)" in _namen(view) and _rustig(view))
    assert "Tiel-Oost" not in [g.naam for g in gemeenten.lijst_gemeenten(database)]

    # Removing a gemeente Jan removed meanwhile says so too.
    assert view.kies("Buren")
    buren = next(g for g in gemeenten.lijst_gemeenten(jan) if g.naam == "Buren")
    gemeenten.verwijder_gemeente(jan, "jan", buren.id, "opgeheven", versie=buren.versie)
    qtbot.mouseClick(view.verwijder_knop, LINKS)
    geef_reden(qtbot, "opheffen")
    qtbot.waitUntil(lambda: len(meldingen) == 2)
    assert meldingen[1][1].startswith(
        "Gemeente ‘Buren’ is intussen verwijderd door Jan de Vries (jan), vandaag om "
    )
    qtbot.waitUntil(lambda: "Buren" not in _namen(view) and _rustig(view))


def test_a_gemeente_with_instruments_cannot_be_removed(
    qtbot: QtBot, catalogus: Database, meldingen: list[tuple[str, str]]
) -> None:
    _tab, view = _scherm(qtbot, catalogus)
    regels = {g.naam: g for g in gemeenten.lijst_gemeenten(catalogus)}
    assert regels["Tiel"].aantal_instrumenten > 0
    assert view.kies("Tiel")
    rij = view.tabel.selectionModel().selectedRows()[0].row()
    assert view.proxy.index(rij, 1).data() == str(regels["Tiel"].aantal_instrumenten)
    assert not view.verwijder_knop.isEnabled()
    assert "Haal haar eerst weg bij die instrumenten" in view.verwijder_knop.toolTip()
    assert view.waarom.isVisible()
    assert view.waarom.text().startswith(
        f"‘Tiel’ hoort bij {regels['Tiel'].aantal_instrumenten} instrumenten."
    )
    assert view.hernoem_knop.isEnabled()
    # Sorting on the number of instruments sorts numbers, not texts.
    view.tabel.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    aantallen = [view.proxy.index(r, 1).data(Qt.ItemDataRole.UserRole + 2) for r in range(8)]
    assert aantallen == sorted(aantallen, reverse=True)


def test_a_werkcoach_sees_the_list_but_cannot_change_it(
    qtbot: QtBot, database: Database, meldingen: list[tuple[str, str]]
) -> None:
    _tab, view = _scherm(qtbot, database, "sanne")
    assert len(_namen(view)) == 8
    assert view.kies("Tiel")
    for knop in (view.toevoegen_knop, view.hernoem_knop, view.verwijder_knop):
        assert not knop.isEnabled()
        assert "Alleen beheerders" in knop.toolTip()
    assert not view.naam.isEnabled()


def test_each_count_says_what_it_counts_and_in_zoeken_matches_zoeken(
    qtbot: QtBot, database: Database
) -> None:
    """ "Buren 5" in Beheer beside "Buren (20)" in Zoeken: the list shows both counts, each
    under a name that says what it counts (the service test shows "In Zoeken" is Zoeken's)."""
    vul_catalogus(database, kleine_catalogus())  # one for Tiel, one for Buren, one for all
    nieuw(database, "Coaching, Alleen Buren", gemeenten=("Buren",))  # a concept
    _tab, view = _scherm(qtbot, database)
    model = view.model
    titels = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    assert titels == ["Gemeente", "Gekoppeld", "In Zoeken"]
    uitleg = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "elke status" in uitleg
    uitleg = model.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "gepubliceerde" in uitleg and "alle gemeenten" in uitleg
    rijen = {model.rij(r).naam: model.rij(r) for r in range(model.rowCount())}
    assert (rijen["Buren"].aantal_instrumenten, rijen["Buren"].in_zoeken) == (2, 2)
    assert (rijen["Culemborg"].aantal_instrumenten, rijen["Culemborg"].in_zoeken) == (0, 1)
    rij = next(r for r in range(view.proxy.rowCount()) if view.proxy.index(r, 0).data() == "Buren")
    assert [view.proxy.index(rij, k).data() for k in (1, 2)] == ["2", "2"]
