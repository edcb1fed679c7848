"""The kenmerken tree follows catalogue changes row by row: what was open stays open."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import kenmerken as beheer_kenmerken
from keuzehulp.services.zoekindex import KenmerkOptie
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken.kenmerkboom import KenmerkBoomModel
from keuzehulp.ui.zoeken.modellen import AANTAL_ROL, ID_ROL
from keuzehulp.ui.zoeken.stappen import KenmerkStap
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.conftest import TEST_GEBRUIKER

Boom = dict[str | None, list[str]]


def _opties(boom: Boom, namen: dict[str, str] | None = None) -> dict[str, KenmerkOptie]:
    """Options in tree order from parent -> children lists (None: the groups)."""
    namen = namen or {}
    uit: dict[str, KenmerkOptie] = {}

    def voeg_toe(code: str, ouder: str | None, groep: str) -> None:
        uit[code] = KenmerkOptie(
            code=code,
            naam=namen.get(code, f"Kenmerk {code}"),
            uitleg=f"Uitleg {code}",
            uitleg_client=f"Klantuitleg {code}",
            parent=ouder,
            groep=groep,
            kinderen=tuple(boom.get(code, [])),
        )
        for kind in boom.get(code, []):
            voeg_toe(kind, code, groep)

    for groep in boom[None]:
        voeg_toe(groep, None, groep)
    return uit


def _structuur(model: KenmerkBoomModel, ouder: QModelIndex | None = None) -> Boom:
    """What the model shows, walked through its indexes: parent -> children codes."""
    ouder = ouder or QModelIndex()
    sleutel = None if not ouder.isValid() else str(ouder.data(ID_ROL))
    kinderen = [model.index(r, 0, ouder) for r in range(model.rowCount(ouder))]
    uit: Boom = {sleutel: [str(k.data(ID_ROL)) for k in kinderen]} if kinderen else {}
    for kind in kinderen:
        uit.update(_structuur(model, kind))
    return uit


BEGIN: Boom = {None: ["1", "2", "3"], "1": ["1.1", "1.2", "1.3"], "2": ["2.1"], "2.1": ["2.1.1"]}


@pytest.fixture
def stap(qtbot: QtBot, qtmodeltester: ModelTester) -> Iterator[KenmerkStap]:
    model = KenmerkBoomModel()
    stap = KenmerkStap(model)
    qtbot.addWidget(stap)
    assert model.zet_opties(_opties(BEGIN)), "the first fill is a reset"
    stap.boom.expandToDepth(0)
    stap.show()
    qtmodeltester.check(model)  # keeps checking every change that follows
    yield stap


def _resets(model: KenmerkBoomModel) -> list[int]:
    teller: list[int] = []
    model.modelReset.connect(lambda: teller.append(1))
    return teller


def test_a_rename_changes_one_row_and_keeps_what_is_open(stap: KenmerkStap) -> None:
    model, boom = stap.boom.model(), stap.boom
    assert isinstance(model, KenmerkBoomModel)
    boom.collapse(model.index_van("1"))
    boom.expand(model.index_van("2.1"))
    boom.setCurrentIndex(model.index_van("2.1.1"))
    resets = _resets(model)
    gewijzigd: list[tuple[str, str]] = []
    model.dataChanged.connect(
        lambda a, b, *_: gewijzigd.append((str(a.data(ID_ROL)), str(b.data(ID_ROL))))
    )

    assert not model.zet_opties(_opties(BEGIN, {"1.2": "Nieuwe naam"}))

    assert resets == []
    assert model.index_van("1.2").data() == "1.2 Nieuwe naam"
    assert gewijzigd == [("1.2", "1.2")], "one signal for the one changed row"
    assert not boom.isExpanded(model.index_van("1")), "a closed group stays closed"
    assert boom.isExpanded(model.index_van("2")) and boom.isExpanded(model.index_van("2.1"))
    assert boom.currentIndex().data(ID_ROL) == "2.1.1", "the current row stays current"


def test_added_retired_and_moved_kenmerken_are_inserted_and_removed(stap: KenmerkStap) -> None:
    model, boom = stap.boom.model(), stap.boom
    assert isinstance(model, KenmerkBoomModel)
    boom.setCurrentIndex(model.index_van("1.3"))
    resets = _resets(model)
    erbij: list[tuple[str | None, int, int]] = []
    weg: list[tuple[str | None, int, int]] = []
    model.rowsInserted.connect(lambda o, a, b: erbij.append((o.data(ID_ROL), a, b)))
    model.rowsAboutToBeRemoved.connect(lambda o, a, b: weg.append((o.data(ID_ROL), a, b)))
    model.zet_gekozen(frozenset({"1.1", "2.1.1"}))
    nieuw: Boom = {
        None: ["1", "2", "3", "4"],
        "1": ["1.2", "1.3", "1.4"],  # 1.1 retired, 1.4 added
        "3": ["2.1"],  # 2.1 moved (with its child) from group 2 to group 3
        "2.1": ["2.1.1"],
        "4": ["4.1", "4.2"],  # a new group
    }

    assert not model.zet_opties(_opties(nieuw))

    assert resets == []
    assert _structuur(model) == nieuw
    assert sorted(weg, key=str) == sorted([("1", 0, 0), ("2", 0, 0)], key=str)
    assert sorted(erbij, key=str) == sorted([("1", 2, 2), ("3", 0, 0), (None, 3, 3)], key=str)
    assert model.gekozen() == {"2.1.1"}, "a retired kenmerk is no longer chosen"
    assert boom.currentIndex().data(ID_ROL) == "1.3"
    assert boom.isExpanded(model.index_van("4")), "a new group opens like the others"
    assert model.index_van("4.2").data() == "4.2 Kenmerk 4.2"
    assert model.parent(model.index_van("2.1.1")).data(ID_ROL) == "2.1"


def test_counts_arrive_in_one_signal_per_level(stap: KenmerkStap) -> None:
    model = stap.boom.model()
    assert isinstance(model, KenmerkBoomModel)
    signalen: list[str | None] = []
    model.dataChanged.connect(lambda a, *_: signalen.append(a.parent().data(ID_ROL)))
    model.zet_aantallen({"1": 4, "1.1": 1, "1.2": 2, "1.3": 1, "2.1.1": 3})
    assert sorted(signalen, key=str) == sorted([None, "1", "2.1"], key=str)
    assert model.index_van("1.2").data(AANTAL_ROL) == 2
    assert model.index_van("1.2").siblingAtColumn(1).data() == "2"


def _willekeurige_boom(rng: random.Random) -> Boom:
    """A tree of up to three levels drawn from a fixed pool of codes (so trees overlap)."""
    boom: Boom = {None: []}
    for g in rng.sample(range(1, 7), rng.randint(1, 6)):
        groep = str(g)
        boom[None].append(groep)
        kinderen = [f"{groep}.{k}" for k in rng.sample(range(1, 9), rng.randint(0, 8))]
        if kinderen:
            boom[groep] = kinderen
        for kind in kinderen:
            if rng.random() < 0.3:
                boom[kind] = [f"{kind}.{k}" for k in rng.sample(range(1, 4), rng.randint(1, 3))]
    return boom


def test_any_change_ends_in_the_same_tree_as_a_fresh_fill(
    stap: KenmerkStap, qtmodeltester: ModelTester
) -> None:
    model = stap.boom.model()
    assert isinstance(model, KenmerkBoomModel)
    rng = random.Random(13)
    for _ in range(60):
        boom = _willekeurige_boom(rng)
        opties = _opties(boom, {c: f"Naam {rng.randint(0, 2)}" for c in ("1.1", "2", "3.2")})
        model.zet_opties(opties)
        vers = KenmerkBoomModel()
        vers.zet_opties(opties)
        assert _structuur(model) == _structuur(vers) == {k: v for k, v in boom.items() if v}
        for code in opties:
            index = model.index_van(code)
            assert index.data() == vers.index_van(code).data()
            assert index.data(ID_ROL) == code
            ouder = model.parent(index)
            assert (ouder.data(ID_ROL) if ouder.isValid() else None) == opties[code].parent
    qtmodeltester.check(model)


def test_a_big_change_resets_once() -> None:
    model = KenmerkBoomModel()
    model.zet_opties(_opties(BEGIN))
    resets = _resets(model)
    groot: Boom = {None: ["9"], "9": [f"9.{n}" for n in range(KenmerkBoomModel.GROTE_WIJZIGING)]}
    assert model.zet_opties(_opties(groot))
    assert resets == [1]
    assert _structuur(model) == groot


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    vul_catalogus(database, kleine_catalogus())
    venster = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.show()
    qtbot.waitExposed(venster)
    yield venster
    venster.close()


def test_a_kenmerk_added_in_beheer_appears_without_closing_the_groups(
    qtbot: QtBot, venster: MainWindow, database: Database
) -> None:
    scherm = venster.zoeken
    scherm.ga_naar_stap(1)
    boom, model = scherm.kenmerk_stap.boom, scherm.kenmerk_model
    boom.collapse(model.index_van("3"))
    boom.setCurrentIndex(model.index_van("4.1"))
    resets = _resets(model)
    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10000):
        code = beheer_kenmerken.voeg_toe(
            database, TEST_GEBRUIKER, "Rijbewijs halen", "4", "Uitleg", "Klantuitleg", "test"
        )
    index = model.index_van(code)
    assert index.data() == f"{code} Rijbewijs halen"
    assert index.parent().data(ID_ROL) == "4"
    assert resets == []
    assert not boom.isExpanded(model.index_van("3")), "the coach's closed group stays closed"
    assert boom.isExpanded(model.index_van("4"))
    assert boom.currentIndex().data(ID_ROL) == "4.1"
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def _rijhoogte(scherm: object, code: str) -> int:
    boom = scherm.kenmerk_stap.boom  # type: ignore[attr-defined]
    return int(boom.visualRect(scherm.kenmerk_model.index_van(code)).height())  # type: ignore[attr-defined]


@pytest.mark.parametrize("stap", [0, 1])
def test_the_client_view_lays_the_tree_out_for_its_font_shown_or_hidden(
    qtbot: QtBot, venster: MainWindow, stap: int
) -> None:
    scherm = venster.zoeken
    scherm.ga_naar_stap(1)
    boom = scherm.kenmerk_stap.boom
    qtbot.waitUntil(lambda: _rijhoogte(scherm, "4.1") > 0)
    gewoon = _rijhoogte(scherm, "4.1")
    scherm.ga_naar_stap(stap)
    scherm.zet_klantweergave(True)
    if stap == 0:
        # Hidden, the tree waits for its turn instead of laying out every row now.
        assert not boom.isVisible() and boom._geometrie_later
        scherm.ga_naar_stap(1)
    regel = boom.fontMetrics().height()
    qtbot.waitUntil(lambda: _rijhoogte(scherm, "4.1") >= regel)
    assert _rijhoogte(scherm, "4.1") > gewoon, "the larger client font makes higher rows"
    assert not boom._geometrie_later
    onder = boom.visualRect(scherm.kenmerk_model.index_van("4.2"))
    boven = boom.visualRect(scherm.kenmerk_model.index_van("4.1"))
    assert onder.top() >= boven.bottom(), "rows do not overlap after the new layout"


def test_a_row_without_kenmerken_under_it_says_so_until_one_is_added(
    stap: KenmerkStap,
) -> None:
    model = stap.boom.model()
    assert isinstance(model, KenmerkBoomModel)
    nooit = Qt.ItemFlag.ItemNeverHasChildren
    blad = model.index_van("1.2")
    assert model.flags(blad) & nooit  # the layout need not ask for its row count
    assert not model.flags(model.index_van("2.1")) & nooit  # 2.1.1 is under it
    assert not model.flags(model.index_van("1")) & nooit
    assert model.flags(blad) & Qt.ItemFlag.ItemIsUserCheckable
    verder = {**BEGIN, "1.2": ["1.2.1"]}
    assert not model.zet_opties(_opties(verder))  # row by row, no reset
    blad = model.index_van("1.2")
    assert not model.flags(blad) & nooit
    stap.boom.expand(blad)  # the view can open it now, and shows the new kenmerk
    assert stap.boom.isExpanded(blad)
    kind = model.index_van("1.2.1")
    assert stap.boom.visualRect(kind).isValid()
    assert _structuur(model) == verder
