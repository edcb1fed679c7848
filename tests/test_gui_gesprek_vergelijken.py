"""The comparison at laptop size: five options at 1366x768, fixed names, only differences."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.vergelijking import KERN, VRAGEN_KLANT
from keuzehulp.services.wensen import Wens, WensKeuze
from keuzehulp.ui.app import maak_hoofdvenster
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.modellen import GEKOZEN_ROL, GEKOZEN_TEKEN, VERSCHILT_ROL
from keuzehulp.ui.gesprek.naam_kop import MARGE, NaamKop, teksthoogte
from keuzehulp.ui.gesprek.paneel import GesprekPaneel
from keuzehulp.ui.gesprek.vergelijk_scherm import MIN_KOLOM, VergelijkScherm
from keuzehulp.ui.main_window import MainWindow
from tests.conftest import TEST_GEBRUIKER
from tests.gui_gesprek_hulp import maak_instrumenten_met_feiten


@pytest.fixture
def venster(qtbot: QtBot, db_url: str) -> Iterator[MainWindow]:
    """The real main window at 1366x768 with five options on the shortlist and three wishes."""
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    ids = maak_instrumenten_met_feiten(opstart.database)
    hoofd = maak_hoofdvenster(opstart)
    qtbot.addWidget(hoofd)
    hoofd.resize(1366, 768)
    hoofd.show()
    qtbot.waitExposed(hoofd)
    paneel = hoofd.gesprek.paneel
    paneel.wensen.zet_wensen(
        (
            WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel"),
            WensKeuze(wens=Wens.KORT),
            WensKeuze(wens=Wens.GRATIS),
        )
    )
    for i in ids:
        assert paneel.voeg_toe(i)
    paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(0))
    paneel.lijst.goed.setPlainText("Ik kan erheen fietsen")
    paneel.lijst.minder_goed.setPlainText("Elke week is veel")
    paneel.lijst.notitie.setText("Wachtlijst navragen")
    paneel.lijst.notitie.textEdited.emit("Wachtlijst navragen")
    yield hoofd
    hoofd.close()
    opstart.database.sluit()


def _toon_vergelijking(venster: MainWindow, qtbot: QtBot) -> VergelijkScherm:
    venster.tabs.setCurrentWidget(venster.gesprek.vergelijk)
    qtbot.waitUntil(lambda: not venster.gesprek.dock.isVisible())
    QApplication.processEvents()
    return venster.gesprek.vergelijk


def test_five_options_fit_a_laptop_with_full_names(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = _toon_vergelijking(venster, qtbot)
    tabel, model = scherm.tabel, scherm.model
    boven = tabel.horizontalHeader()
    assert isinstance(boven, NaamKop)
    assert model.columnCount() == 5
    # All five side by side, no sideways scrolling, none narrower than the minimum.
    qtbot.waitUntil(lambda: tabel.horizontalScrollBar().maximum() == 0)
    breedtes = [boven.sectionSize(k) for k in range(5)]
    assert min(breedtes) >= scherm.min_kolom() >= MIN_KOLOM
    assert boven.sectionPosition(4) + breedtes[4] <= tabel.viewport().width()
    # Every name is shown in full: the header is as high as the longest wrapped name.
    for k in range(5):
        naam = str(model.headerData(k, Qt.Orientation.Horizontal))
        assert teksthoogte(naam, boven.font(), breedtes[k] - 2 * MARGE) <= boven.height() - 8
    # No single word of a name is wider than its column (no word is broken at 1366x768).
    maten = boven.fontMetrics()
    for k in range(5):
        for woord in str(model.headerData(k, Qt.Orientation.Horizontal)).split():
            assert maten.horizontalAdvance(woord) <= breedtes[k] - 2 * MARGE, woord


def test_names_stay_in_sight_while_the_rows_scroll(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = _toon_vergelijking(venster, qtbot)
    tabel = scherm.tabel
    balk = tabel.verticalScrollBar()
    qtbot.waitUntil(lambda: balk.maximum() > 0)  # more rows than fit on a laptop
    plek = tabel.horizontalHeader().mapTo(scherm, tabel.horizontalHeader().rect().topLeft())
    balk.setValue(balk.maximum())
    QApplication.processEvents()
    assert tabel.rowAt(0) > 0  # the first rows scrolled out of sight ...
    boven = tabel.horizontalHeader()
    assert boven.isVisible()  # ... the names did not
    assert boven.mapTo(scherm, boven.rect().topLeft()) == plek


def test_key_facts_first_and_the_clients_own_words_shown(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = _toon_vergelijking(venster, qtbot)
    model = scherm.model
    sleutels = [r.sleutel for r in model.rijen]
    assert tuple(sleutels[: len(KERN)]) == KERN  # where, how long, start, cost, ratings, fit
    assert {"goed", "minder_goed", "notitie"} <= set(sleutels)
    vragen = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert vragen[sleutels.index("goed")] == VRAGEN_KLANT["goed"]
    goed = sleutels.index("goed")
    assert model.index(goed, 0).data() == "Ik kan erheen fietsen"
    assert model.index(goed, 1).data() == "–"  # nothing written for this option
    fit = sleutels.index("fit")
    assert model.index(fit, 1).data().startswith("Past bij 3 van je 3 wensen.")
    assert model.index(fit, 3).data() == (
        "Past bij 1 van je 3 wensen. Ja: gratis. Nee: dicht bij huis, kort."
    )
    # Every text the client reads here is B1; the coach's note is for the coach only.
    for rij, sleutel in enumerate(sleutels):
        if sleutel == "notitie":
            continue
        for tekst in [vragen[rij]] + [model.index(rij, k).data() for k in range(5)]:
            assert beoordeel(tekst).ok, f"{tekst!r}: {beoordeel(tekst).uitleg()}"
    notitie = sleutels.index("notitie")
    assert not scherm.tabel.isRowHidden(notitie)
    venster.zoeken.zet_klantweergave(True)
    assert scherm.tabel.isRowHidden(notitie)
    venster.zoeken.zet_klantweergave(False)
    assert not scherm.tabel.isRowHidden(notitie)


def test_only_differences_and_marked_cells(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = _toon_vergelijking(venster, qtbot)
    model, tabel = scherm.model, scherm.tabel
    kosten = [r.sleutel for r in model.rijen].index("kosten")
    # Four options are free, one does not know yet: only that one answer is marked.
    gemarkeerd = [model.index(kosten, k).data(VERSCHILT_ROL) for k in range(5)]
    assert gemarkeerd == [False, False, True, False, False]
    assert "Hier verschilt het" in model.index(kosten, 2).data(Qt.ItemDataRole.AccessibleTextRole)
    waar = [r.sleutel for r in model.rijen].index("waar")
    assert all(model.index(waar, k).data(VERSCHILT_ROL) for k in range(5))  # all differ

    assert scherm.alleen_verschillen.isEnabled() and not scherm.alleen_verschillen.isChecked()
    assert scherm.zichtbare_rijen() == list(range(model.rowCount()))
    qtbot.mouseClick(scherm.alleen_verschillen, Qt.MouseButton.LeftButton)
    assert kosten in scherm.zichtbare_rijen()
    # Without the option whose cost is unknown, every option is free: that row goes.
    paneel = venster.gesprek.paneel
    paneel.korte_lijst.verwijder(2)
    kosten = [r.sleutel for r in model.rijen].index("kosten")
    zichtbaar = scherm.zichtbare_rijen()
    assert zichtbaar == [r for r in range(model.rowCount()) if model.verschilt(r)]
    assert kosten not in zichtbaar
    verborgen = [r for r in range(model.rowCount()) if r not in zichtbaar]
    for rij in verborgen:
        assert len(set(model.rijen[rij].cellen)) == 1
    qtbot.mouseClick(scherm.alleen_verschillen, Qt.MouseButton.LeftButton)
    assert scherm.zichtbare_rijen() == list(range(model.rowCount()))
    assert not any(tabel.isRowHidden(r) for r in range(model.rowCount()))


def test_the_chosen_option_is_marked(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = _toon_vergelijking(venster, qtbot)
    model = scherm.model
    assert not any(model.index(0, k).data(GEKOZEN_ROL) for k in range(5))
    gekozen = model.instrument_id(2)
    scherm.tabel.horizontalHeader().sectionClicked.emit(2)
    assert venster.gesprek.paneel.keuze.keuze.currentData() == gekozen
    assert [model.index(0, k).data(GEKOZEN_ROL) for k in range(5)] == [
        False,
        False,
        True,
        False,
        False,
    ]
    kop = str(model.headerData(2, Qt.Orientation.Horizontal))
    assert kop.startswith(GEKOZEN_TEKEN)
    assert "gekozen" in model.headerData(
        2, Qt.Orientation.Horizontal, Qt.ItemDataRole.AccessibleTextRole
    )
    # Another choice in the panel moves the mark.
    paneel = venster.gesprek.paneel
    paneel.keuze.keuze.setCurrentIndex(paneel.keuze.keuze.findData(model.instrument_id(0)))
    assert model.index(0, 0).data(GEKOZEN_ROL) and not model.index(0, 2).data(GEKOZEN_ROL)


def test_narrow_columns_scroll_sideways_instead_of_squeezing(
    qtbot: QtBot, database: Database
) -> None:
    paneel = GesprekPaneel(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(paneel)
    for i in maak_instrumenten_met_feiten(database):
        paneel.voeg_toe(i)
    scherm = VergelijkScherm(paneel.vergelijking)
    qtbot.addWidget(scherm)
    scherm.resize(900, 600)  # the comparison beside an open Gesprek dock
    scherm.show()
    qtbot.waitExposed(scherm)
    tabel = scherm.tabel
    boven = tabel.horizontalHeader()
    assert all(boven.sectionSize(k) == scherm.min_kolom() for k in range(5))
    qtbot.waitUntil(lambda: tabel.horizontalScrollBar().maximum() > 0)
    # Every answer fits its row: wrapped inside the column and its padding, no "…".
    model = scherm.model
    for rij in range(model.rowCount()):
        for k in range(model.columnCount()):
            nodig = (
                tabel.fontMetrics()
                .boundingRect(
                    QRect(0, 0, tabel.columnWidth(k) - 16, 10_000),
                    int(Qt.TextFlag.TextWordWrap),
                    str(model.index(rij, k).data() or ""),
                )
                .height()
            )
            assert tabel.rowHeight(rij) >= nodig + 12, (rij, k)
    # Wider: the columns share the room again.
    scherm.resize(1500, 600)
    qtbot.waitUntil(lambda: boven.sectionSize(0) > scherm.min_kolom())
    qtbot.waitUntil(lambda: tabel.horizontalScrollBar().maximum() == 0)


def test_one_option_disables_the_toggle(qtbot: QtBot, database: Database) -> None:
    paneel = GesprekPaneel(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(paneel)
    scherm = VergelijkScherm(paneel.vergelijking)
    qtbot.addWidget(scherm)
    ids = maak_instrumenten_met_feiten(database)
    paneel.voeg_toe(ids[0])
    assert scherm.model.columnCount() == 1
    assert not scherm.alleen_verschillen.isEnabled()
    assert not any(scherm.model.verschilt(r) for r in range(scherm.model.rowCount()))
    paneel.voeg_toe(ids[1])
    assert scherm.alleen_verschillen.isEnabled()


def test_comparison_models_pass_the_model_tester(
    qtmodeltester: object, venster: MainWindow
) -> None:
    paneel = venster.gesprek.paneel
    qtmodeltester.check(paneel.vergelijking)  # type: ignore[attr-defined]
    paneel.kies(paneel.korte_lijst.ids()[1])
    qtmodeltester.check(paneel.vergelijking)  # type: ignore[attr-defined]
    qtmodeltester.check(paneel.korte_lijst)  # type: ignore[attr-defined]


def test_typed_pros_reach_the_comparison_after_a_pause(qtbot: QtBot, database: Database) -> None:
    paneel = GesprekPaneel(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(paneel)
    ids = maak_instrumenten_met_feiten(database)
    paneel.voeg_toe(ids[0])
    paneel.voeg_toe(ids[1])
    paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(1))
    qtbot.keyClicks(paneel.lijst.minder_goed, "In een groep")
    model = paneel.vergelijking

    def cel() -> str:
        sleutels = [r.sleutel for r in model.rijen]
        return (
            model.index(sleutels.index("minder_goed"), 1).data()
            if "minder_goed" in sleutels
            else ""
        )

    qtbot.waitUntil(lambda: cel() == "In een groep")
    assert paneel.korte_lijst.teksten(ids[1]).minder_goed == "In een groep"


@pytest.fixture
def grotere_letters() -> Iterator[None]:
    """Windows-style text scaling: a 1.25x larger font before the window is built."""
    oud = QApplication.font()
    groot = QApplication.font()
    groot.setPointSizeF(oud.pointSizeF() * 1.25)
    QApplication.setFont(groot)
    yield
    QApplication.setFont(oud)


def test_larger_text_widens_the_columns_and_scrolls(
    grotere_letters: None, qtbot: QtBot, database: Database
) -> None:
    paneel = GesprekPaneel(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(paneel)
    for i in maak_instrumenten_met_feiten(database):
        paneel.voeg_toe(i)
    scherm = VergelijkScherm(paneel.vergelijking)
    qtbot.addWidget(scherm)
    scherm.resize(1366, 700)
    scherm.show()
    qtbot.waitExposed(scherm)
    assert scherm.min_kolom() > MIN_KOLOM
    boven = scherm.tabel.horizontalHeader()
    assert all(boven.sectionSize(k) >= scherm.min_kolom() for k in range(5))
    # No word of a name is broken: each fits its column at the larger size.
    maten = boven.fontMetrics()
    for k in range(5):
        for woord in str(paneel.vergelijking.headerData(k, Qt.Orientation.Horizontal)).split():
            assert maten.horizontalAdvance(woord) <= boven.sectionSize(k) - 2 * MARGE, woord


@pytest.mark.parametrize("klant", [False, True])
def test_ratings_are_in_sight_at_1366x768(venster: MainWindow, qtbot: QtBot, klant: bool) -> None:
    venster.zoeken.zet_klantweergave(klant)
    scherm = _toon_vergelijking(venster, qtbot)
    tabel = scherm.tabel
    QApplication.processEvents()
    assert tabel.verticalScrollBar().value() == 0
    anderen = [r.sleutel for r in scherm.model.rijen].index("anderen")
    vak = tabel.visualRect(scherm.model.index(anderen, 0))
    assert vak.top() >= 0 and vak.bottom() <= tabel.viewport().height(), (vak, tabel.viewport())
    assert scherm.model.headerData(anderen, Qt.Orientation.Vertical).startswith(
        "Hoe vinden anderen het?"
    )
