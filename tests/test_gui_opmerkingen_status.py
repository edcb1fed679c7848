"""A status change in the Opmerkingen list updates the changed rows in place, no reload.

Loads are counted through the model's own `modelReset` (every load ends in one) and the
screen's `NieuwsteLading.laadt`; rows leaving the filter through `rowsRemoved`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.beheer.mutatielog import MutatieFilter, zoek_mutaties
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.opmerkingen_view import OpmerkingenView, OpmerkingTabelModel
from keuzehulp.ui.context import AppContext
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.terugblik_hulp import blik_terug, maak_gesprek

STATUS_KOLOM = 5


def _scherm(
    qtbot: QtBot, database: Database, teksten: tuple[str, ...]
) -> tuple[AppContext, BeheerTab, OpmerkingenView]:
    """The Opmerkingen screen inside a real Beheer tab (which reloads it on `wijzigingen`);
    the caller keeps the tab alive."""
    ids = maak_instrumenten(database)
    for tekst in teksten:
        blik_terug(database, maak_gesprek(database, ids[0]), coach_opmerking=tekst)
    context = AppContext(database, TEST_GEBRUIKER)
    tab = BeheerTab(context, beheerder=True)
    qtbot.addWidget(tab)
    view = tab.opmerkingen
    tab.toon(view)
    qtbot.waitUntil(lambda: view.geladen and view.model.rowCount() == len(teksten))
    return context, tab, view


def _klik_en_wacht(
    qtbot: QtBot, context: AppContext, view: OpmerkingenView, status: str
) -> Wijzigingen:
    """Click a status button; wait for the change's commit announcement and the screen."""
    with qtbot.waitSignal(context.gebeurtenissen.wijzigingen) as aankondiging:
        qtbot.mouseClick(view.status_knoppen[status], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.geladen)
    qtbot.wait(50)  # room for a reload to start, had the announcement asked for one
    wijzigingen: Wijzigingen = aankondiging.args[0]  # type: ignore[index]
    return wijzigingen


def test_status_change_updates_the_row_in_place_without_a_reload(
    qtbot: QtBot, database: Database
) -> None:
    context, _tab, view = _scherm(qtbot, database, ("Eerste", "Tweede", "Derde"))
    view.status.setCurrentIndex(0)  # alle statussen
    qtbot.waitUntil(lambda: view.geladen)
    view.tabel.selectRow(1)
    gekozen = view.gekozen()[0]
    herladen: list[int] = []
    veranderd: list[tuple[int, int]] = []
    view.model.modelReset.connect(lambda: herladen.append(1))
    view.model.dataChanged.connect(lambda a, b, *_: veranderd.append((a.row(), b.row())))

    wijzigingen = _klik_en_wacht(qtbot, context, view, "verwerkt")

    assert wijzigingen.ids == {("opmerking", gekozen.id)}
    assert herladen == [] and not view.lading.laadt  # no load started or shown
    assert veranderd == [(1, 1)]  # one dataChanged, for the changed row only
    assert view.model.rowCount() == 3
    status = view.model.index(1, STATUS_KOLOM).data()
    assert status.startswith(
        f"Verwerkt ({view.model.rij(1).status_gewijzigd_op.astimezone():%d-%m-%Y}"
    )
    assert status.endswith(f", {TEST_GEBRUIKER})")
    assert [r.id for r in view.gekozen()] == [gekozen.id]  # still selected
    assert "status: Verwerkt (" in view.volledig.toPlainText()
    assert view.aantal.text() == (
        "1 opmerking op ‘verwerkt’ gezet. 3 opmerkingen getoond, nieuwste bovenaan. "
        "In totaal nieuw: 2, besproken: 0, verwerkt: 1."
    )
    log = zoek_mutaties(database, MutatieFilter(entiteit="opmerking"))
    assert [(r.entiteit_id, r.veld, r.oude_waarde, r.nieuwe_waarde, r.gebruiker) for r in log] == [
        (gekozen.id, "status", "nieuw", "verwerkt", TEST_GEBRUIKER)
    ]


def test_rows_that_leave_the_status_filter_are_removed_and_the_rest_stays(
    qtbot: QtBot, database: Database
) -> None:
    context, _tab, view = _scherm(qtbot, database, ("Eerste", "Tweede", "Derde", "Vierde"))
    assert view.status.currentData() == "nieuw"
    blijft = view.model.rij(1).id
    keuze, vlag = view.tabel.selectionModel(), QItemSelectionModel.SelectionFlag
    for rij in (0, 2, 3):
        keuze.select(view.model.index(rij, 0), vlag.Select | vlag.Rows)
    weg = {r.id for r in view.gekozen()}
    assert len(weg) == 3
    herladen: list[int] = []
    verwijderd: list[tuple[int, int]] = []
    view.model.modelReset.connect(lambda: herladen.append(1))
    view.model.rowsRemoved.connect(lambda _p, a, b: verwijderd.append((a, b)))

    _klik_en_wacht(qtbot, context, view, "besproken")

    assert herladen == [] and not view.lading.laadt
    assert verwijderd == [(2, 3), (0, 0)]  # from the bottom up, one signal per run of rows
    assert [r.id for r in view.model.rijen] == [blijft]
    assert view.gekozen() == []  # the chosen remarks left the list: nothing chosen
    assert not view.status_knoppen["verwerkt"].isEnabled()
    assert view.aantal.text().startswith("3 opmerkingen op ‘besproken’ gezet. 1 opmerking getoond")
    assert view.aantal.text().endswith("In totaal nieuw: 1, besproken: 3, verwerkt: 0.")
    log = zoek_mutaties(database, MutatieFilter(entiteit="opmerking"))
    assert {r.entiteit_id for r in log} == weg
    assert {(r.oude_waarde, r.nieuwe_waarde) for r in log} == {("nieuw", "besproken")}


def test_a_change_that_changes_nothing_and_a_later_change_by_others_still_reload(
    qtbot: QtBot, database: Database
) -> None:
    context, _tab, view = _scherm(qtbot, database, ("Eerste", "Tweede"))
    view.status.setCurrentIndex(0)  # alle statussen
    qtbot.waitUntil(lambda: view.geladen)
    view.tabel.selectRow(0)
    eerste = view.gekozen()[0].id
    _klik_en_wacht(qtbot, context, view, "verwerkt")
    herladen: list[int] = []
    view.model.modelReset.connect(lambda: herladen.append(1))
    # Again: the remark already is "verwerkt", nothing is written or logged.
    wijzigingen = _klik_en_wacht(qtbot, context, view, "verwerkt")
    assert wijzigingen.entiteiten == frozenset() and herladen == []
    assert view.aantal.text().startswith("0 opmerkingen op ‘verwerkt’ gezet.")
    # Someone else (same database, outside this screen) changes that same remark: reload.
    with qtbot.waitSignal(context.gebeurtenissen.wijzigingen):
        context.beheer.zet_opmerking_status([eerste], "besproken")
    qtbot.waitUntil(lambda: view.geladen and herladen == [1])
    assert view.model.rij(view.model.zoek(lambda r: r.id == eerste) or 0).status == "besproken"
    # A change announced by the live-update follower (another app) reloads as well.
    context.gebeurtenissen.van_elders(Wijzigingen.uit([("opmerking", None)], bron="elders"))
    qtbot.waitUntil(lambda: view.geladen and herladen == [1, 1])


def test_werk_bij_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, database: Database
) -> None:
    _context, _tab, view = _scherm(qtbot, database, ("Een", "Twee", "Drie", "Vier", "Vijf"))
    model: OpmerkingTabelModel = view.model
    # Qt's QAbstractItemModelTester stays attached and checks every signal that follows.
    qtmodeltester.check(model)
    rijen = model.rijen
    nieuw = [replace(rijen[n], status="verwerkt") for n in (0, 1, 3)]
    nieuw.append(replace(rijen[4], status="nieuw", tekst="Vijf, herzien"))
    model.werk_bij(nieuw, lambda r: r.status == "nieuw")
    assert [r.id for r in model.rijen] == [rijen[2].id, rijen[4].id]
    assert model.rij(1).tekst == "Vijf, herzien"
    model.werk_bij([replace(rijen[0], status="verwerkt")], lambda r: True)  # not shown: no-op
    assert [r.id for r in model.rijen] == [rijen[2].id, rijen[4].id]
    qtmodeltester.check(model)


def test_a_filter_changed_while_saving_shows_the_new_statuses(
    qtbot: QtBot, database: Database
) -> None:
    context, _tab, view = _scherm(qtbot, database, ("Eerste", "Tweede", "Derde"))
    view.tabel.selectRow(0)
    gekozen = view.gekozen()[0].id
    with qtbot.waitSignal(context.gebeurtenissen.wijzigingen):
        assert view.zet_status("verwerkt")
        view.status.setCurrentIndex(0)  # alle statussen, before the change is written
    qtbot.waitUntil(lambda: view.geladen and context.taken.aantal_bezig == 0)
    assert view.model.rowCount() == 3
    rij = view.model.zoek(lambda r: r.id == gekozen)
    assert rij is not None and view.model.rij(rij).status == "verwerkt"
    assert view.aantal.text().startswith("1 opmerking op ‘verwerkt’ gezet. 3 opmerkingen")
