"""The kenmerken tree after a change: only changed rows change; expansion and selection stay.

Also the shared "newest load wins" loader of the beheer lists, and the Actualiteit list that
takes a checked instrument out and chooses the next one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTreeView
from pytestqt.qtbot import QtBot

from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer.kenmerken import KenmerkRegel, kenmerken_boom
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.gemeen import NieuwsteLading
from keuzehulp.ui.beheer.kenmerken_boom import KenmerkBoomModel
from keuzehulp.ui.beheer.kenmerken_view import PensioenDialoog
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.taken import Takenloper
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER
from tests.gui_beheer_hulp import geef_reden, toon_beheer_tab

LINKS = Qt.MouseButton.LeftButton


def _regel(kid: int, code: str, naam: str, parent: str | None, **k: object) -> KenmerkRegel:
    return KenmerkRegel(kid, code, naam, "", "", parent, bool(k.get("actief", True)), 0)


def _boom(model: KenmerkBoomModel, ouder: QModelIndex = QModelIndex()) -> list[object]:  # noqa: B008
    """The tree as nested (name, count, children) tuples, read through the Qt API."""
    return [
        (
            model.index(rij, 0, ouder).data(),
            model.index(rij, 1, ouder).data(),
            _boom(model, model.index(rij, 0, ouder)),
        )
        for rij in range(model.rowCount(ouder))
    ]


def _vers(regels: list[KenmerkRegel]) -> list[object]:
    model = KenmerkBoomModel()
    model.vul(regels)
    return _boom(model)


BEGIN = [
    _regel(1, "1", "Persoon", None),
    _regel(2, "1.1", "Zelfkennis", "1"),
    _regel(3, "1.2", "Stress", "1"),
    _regel(4, "1.2.1", "Rust", "1.2"),
    _regel(5, "2", "Werk", None),
    _regel(6, "2.1", "Solliciteren", "2"),
]


def test_tree_changes_only_what_changed(qtbot: QtBot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = KenmerkBoomModel()
    model.vul(BEGIN)
    qtmodeltester.check(model)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    werk = QPersistentModelIndex(model.index_van("2"))
    solliciteren = QPersistentModelIndex(model.index_van("2.1"))

    # A renamed kenmerk with a new count, a retired one and a new one.
    nieuw_ = [
        dataclasses.replace(BEGIN[0], naam="Mens"),
        dataclasses.replace(BEGIN[1], aantal_instrumenten=3),
        *BEGIN[2:5],
        dataclasses.replace(BEGIN[5], actief=False),
        _regel(7, "2.2", "Netwerk", "2"),
    ]
    geplaatst = model.vul(nieuw_)
    assert _boom(model) == _vers(nieuw_)
    assert [i.data() for i in geplaatst] == ["2.2 Netwerk"]
    assert werk.isValid() and solliciteren.isValid()  # untouched rows keep their place
    assert solliciteren.data() == "2.1 Solliciteren (niet meer in gebruik)"
    assert solliciteren.data(Qt.ItemDataRole.ForegroundRole) is not None  # grey
    assert model.regel("1.1") == nieuw_[1]
    qtmodeltester.check(model)

    # Move 1.2 (with its child) under 2: the codes follow the new place.
    verplaatst = [
        nieuw_[0],
        nieuw_[1],
        nieuw_[4],
        dataclasses.replace(nieuw_[5], actief=True),
        nieuw_[6],
        dataclasses.replace(BEGIN[2], code="2.3", parent_code="2"),
        dataclasses.replace(BEGIN[3], code="2.3.1", parent_code="2.3"),
    ]
    geplaatst = model.vul(verplaatst)
    assert _boom(model) == _vers(verplaatst)
    assert [i.data() for i in geplaatst] == ["2.3 Stress"]
    assert solliciteren.data(Qt.ItemDataRole.ForegroundRole) is None  # in use again
    assert model.index_van("1.2").isValid() is False
    assert model.index_van("2.3.1").data() == "2.3.1 Rust"
    qtmodeltester.check(model)

    # Order within a parent changes, a kenmerk disappears (with its child).
    laatste = [
        dataclasses.replace(verplaatst[2]),
        dataclasses.replace(verplaatst[4], code="2.1"),
        dataclasses.replace(verplaatst[3], code="2.2"),
    ]
    model.vul(laatste)
    assert _boom(model) == _vers(laatste)
    assert resets == []  # never a reset: the view keeps its state
    qtmodeltester.check(model)


def test_tree_keeps_what_the_user_collapsed(qtbot: QtBot) -> None:
    model = KenmerkBoomModel()
    boom = QTreeView()
    qtbot.addWidget(boom)
    boom.setModel(model)
    model.vul(BEGIN)
    boom.expandAll()
    boom.collapse(model.index_van("1"))
    boom.setCurrentIndex(model.index_van("2.1"))
    model.vul([*BEGIN, _regel(7, "2.2", "Netwerk", "2")])
    assert not boom.isExpanded(model.index_van("1"))
    assert boom.isExpanded(model.index_van("2"))
    assert boom.currentIndex() == model.index_van("2.1")


def _tab(qtbot: QtBot, db: Database) -> BeheerTab:
    return toon_beheer_tab(qtbot, db)


def test_editor_keeps_expansion_and_shows_the_stored_kenmerk(
    qtbot: QtBot, database: Database
) -> None:
    tab = _tab(qtbot, database)
    view = tab.kenmerken
    qtbot.waitUntil(lambda: not view.laadt)
    groep_2 = view.model.index_van("2")
    view.boom.collapse(groep_2)
    view.kies("1.7")
    view.naam.setText("Zelfkennis")
    qtbot.mouseClick(view.opslaan_knop, LINKS)
    geef_reden(qtbot, "duidelijker")
    qtbot.waitUntil(lambda: view.gekozen is not None and view.gekozen.naam == "Zelfkennis")
    assert view.gekozen.versie == 2  # the form holds the stored version for the next save
    assert not view.heeft_wijzigingen()
    assert view.boom.currentIndex().data().startswith("1.7 Zelfkennis")
    assert not view.boom.isExpanded(view.model.index_van("2"))  # as the user left it
    # A new kenmerk is chosen when it is in, its collapsed group stays as it was.
    view.naam.setText("Netwerken")
    view.ouder.setCurrentIndex(view.ouder.findData("2"))
    qtbot.mouseClick(view.toevoegen_knop, LINKS)
    geef_reden(qtbot, "nieuw")
    qtbot.waitUntil(lambda: view.gekozen is not None and view.gekozen.naam == "Netwerken")
    assert view.gekozen.parent_code == "2"
    assert any(r.naam == "Netwerken" for r in kenmerken_boom(database))
    assert view.model.index_van(view.gekozen.code) == view.boom.currentIndex()
    assert view.ouder.findData(view.gekozen.code) >= 0  # it can hold kenmerken itself now


def test_retiring_keeps_the_tree_and_greys_the_row(qtbot: QtBot, database: Database) -> None:
    tab = _tab(qtbot, database)
    view = tab.kenmerken
    qtbot.waitUntil(lambda: not view.laadt)
    groep = QPersistentModelIndex(view.model.index_van("1"))
    view.kies("1.7")
    qtbot.mouseClick(view.stop_knop, LINKS)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PensioenDialoog))
    qtbot.keyClicks(view.pensioen_dialoog.reden, "verouderd")
    qtbot.mouseClick(view.pensioen_dialoog.ok, LINKS)
    qtbot.waitUntil(view.heractiveer_knop.isEnabled)
    assert groep.isValid()  # updated in place, not rebuilt
    assert view.boom.currentIndex().data().endswith("(niet meer in gebruik)")
    assert view.status.text().endswith("1 niet meer.")


def test_only_the_newest_load_arrives(qtbot: QtBot) -> None:
    taken = Takenloper()
    eigenaar = QTreeView()
    qtbot.addWidget(eigenaar)
    aangekomen: list[str] = []
    fouten: list[str] = []
    lading: NieuwsteLading[str] = NieuwsteLading(
        taken, eigenaar, "test laden", aangekomen.append, fouten.append
    )
    los = threading.Event()

    def traag() -> str:
        los.wait(10)
        return "oud"

    assert not lading.laadt
    oud = lading.start(traag)
    lading.start(lambda: "nieuw")
    qtbot.waitUntil(lambda: aangekomen == ["nieuw"])
    assert not lading.laadt
    with qtbot.waitSignal(oud.afgelopen):
        los.set()
    assert aangekomen == ["nieuw"]  # the older load finished later and was dropped
    lading.start(lambda: (_ for _ in ()).throw(ValueError("kapot")))
    assert lading.laadt
    qtbot.waitUntil(lambda: bool(fouten))
    assert not lading.laadt and "onverwachts" in fouten[0]
    assert taken.wacht(5000)


def test_actualiteit_takes_the_checked_row_out_and_chooses_the_next(
    qtbot: QtBot, database: Database
) -> None:
    ids = [nieuw(database, f"Training {n}") for n in range(3)]
    with database.wijzigen(MutatieContext(TEST_GEBRUIKER, "test")) as s:
        for n, iid in enumerate(ids):
            oud = s.get_one(Instrument, iid)
            oud.aangemaakt_op = oud.gewijzigd_op = nu() - dt.timedelta(days=400 - n)
    tab = _tab(qtbot, database)
    view = tab.actualiteit
    qtbot.waitUntil(lambda: not view.laadt)
    assert [r.id for r in view.model.rijen] == ids  # oldest first
    assert not view.markeer_knop.isEnabled()  # nothing chosen yet
    view.tabel.selectRow(1)
    assert view.markeer_knop.isEnabled()
    qtbot.mouseClick(view.markeer_knop, LINKS)
    qtbot.waitUntil(lambda: not view.laadt and view.model.rowCount() == 2)
    assert [r.id for r in view.model.rijen] == [ids[0], ids[2]]
    rijen = view.tabel.selectionModel().selectedRows()
    assert [i.data(Qt.ItemDataRole.UserRole + 1).id for i in rijen] == [ids[2]]
    assert view.samenvatting.text().startswith("2 instrumenten zijn 6 maanden")
    for over in (1, 0):  # the last two: then the screen says there is nothing left to do
        qtbot.mouseClick(view.markeer_knop, LINKS)
        qtbot.waitUntil(lambda over=over: not view.laadt and view.model.rowCount() == over)
    assert "Bel de aanbieder" not in view.samenvatting.text()
    assert view.samenvatting.text().endswith("Er is nu niets na te kijken.")


def test_search_tree_groups_stay_open_after_a_new_kenmerk(qtbot: QtBot, database: Database) -> None:
    from keuzehulp.ui.main_window import MainWindow
    from tests.catalogusgenerator import kleine_catalogus, vul_catalogus

    vul_catalogus(database, kleine_catalogus())
    venster = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.show()
    scherm = venster.zoeken
    qtbot.waitUntil(lambda: not scherm.laadt)
    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10_000):
        code = venster.context.beheer.voeg_kenmerk_toe("Netwerken", "2", "", "", "nieuw")
    model, boom = scherm.kenmerk_model, scherm.kenmerk_stap.boom
    groepen = [model.index(rij, 0) for rij in range(model.rowCount())]
    assert groepen and all(boom.isExpanded(g) for g in groepen)
    assert not boom.isExpanded(model.index_van(code))  # a kenmerk itself: nothing to open
    venster.close()


def test_valt_onder_list_follows_every_change(qtbot: QtBot, database: Database) -> None:
    tab = _tab(qtbot, database)
    view = tab.kenmerken
    qtbot.waitUntil(lambda: not view.laadt)

    def lijst() -> list[tuple[str, object]]:
        return [(view.ouder.itemText(n), view.ouder.itemData(n)) for n in range(view.ouder.count())]

    def verwacht() -> list[tuple[str, object]]:
        return [("(geen: een nieuwe groep)", None)] + [
            (f"{r.code} {r.naam}", r.code)
            for r in kenmerken_boom(database)
            if r.actief and r.diepte < 3
        ]

    assert lijst() == verwacht()
    beheer = view.context.beheer
    beheer.voeg_kenmerk_toe("Netwerken", "2", "", "", "nieuw")
    beheer.pensioneer_kenmerk("1.7", "oud")
    beheer.bewaar_kenmerk("3.1", None, "Anders genoemd", "", "", "", "beter")
    view.ververs()
    qtbot.waitUntil(lambda: not view.laadt)
    assert lijst() == verwacht()
    assert "1.7" not in [d for _t, d in lijst()]


def test_a_new_beheerder_rebuilds_no_search_index_but_their_list_and_log_follow(
    qtbot: QtBot, database: Database
) -> None:
    context = AppContext(database, TEST_GEBRUIKER)
    context.gebeurtenissen.verbind(database)
    tab = BeheerTab(context, beheerder=True)
    qtbot.addWidget(tab)
    log_view = tab.log
    view = tab.beheerders
    tab.toon(view)
    qtbot.waitUntil(lambda: not view.laadt and not log_view.laadt)
    voor = log_view.model.rowCount()
    catalogus: list[int] = []
    context.gebeurtenissen.catalogus_gewijzigd.connect(lambda: catalogus.append(1))
    with qtbot.waitSignal(context.gebeurtenissen.wijzigingen) as signaal:
        context.beheer.voeg_beheerder_toe("bram")  # as another app would
    assert signaal.args[0].entiteiten == {"beheerder"} and catalogus == []
    qtbot.waitUntil(
        lambda: (
            not view.laadt
            and any(view.model.index(r, 0).data() == "bram" for r in range(view.model.rowCount()))
        )
    )
    tab.toon(log_view)  # not visible at the change: reloaded when shown again
    qtbot.waitUntil(lambda: not log_view.laadt and log_view.model.rowCount() == voor + 1)


def test_group_rows_count_the_instruments_of_their_subkenmerken(
    qtbot: QtBot,
    catalogus: Database,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    tab = _tab(qtbot, catalogus)
    view = tab.kenmerken
    qtbot.waitUntil(lambda: not view.laadt)
    qtmodeltester.check(view.model)
    verwacht = {r.code: r.aantal_instrumenten for r in kenmerken_boom(catalogus)}
    groepen = [code for code in verwacht if "." not in code]
    assert groepen and all(verwacht[g] > 0 for g in groepen)
    for code in groepen:
        telling = view.model.index_van(code).siblingAtColumn(1)
        assert telling.data() == str(verwacht[code])
        assert "of een kenmerk eronder" in telling.data(Qt.ItemDataRole.ToolTipRole)
    kop = view.model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "actieve instrumenten met dit kenmerk of met een kenmerk eronder" in kop
