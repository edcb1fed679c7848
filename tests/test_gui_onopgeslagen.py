"""No work lost: "Wijzigingen bewaren?" before a new or another gesprek, another instrument in
Beheer, and closing the app; Bewaren is the default, Escape is Annuleren."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import kenmerken
from keuzehulp.services.gesprek import GesprekService
from keuzehulp.ui.beheer.gemeen import ROL_RIJ
from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
from keuzehulp.ui.beheer.kenmerken_view import KenmerkenView
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.lijst_dialoog import GesprekkenDialoog
from keuzehulp.ui.gesprek.paneel import GesprekPaneel
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.onopgeslagen import TITEL, Keuze, keuze_van, maak_bewaarvraag, vraag_bewaren
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.gui_beheer_hulp import geef_reden
from tests.gui_bewaarvraag_hulp import beantwoord_bewaarvraag, wacht_op_bewaarvraag
from tests.gui_gesprek_hulp import bewaar_gesprek, zet_profiel


@pytest.fixture
def paneel(qtbot: QtBot, database: Database) -> GesprekPaneel:
    zet_profiel(database, TEST_GEBRUIKER)
    scherm = GesprekPaneel(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    scherm.show()
    return scherm


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    zet_profiel(database, TEST_GEBRUIKER)
    hoofd = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(hoofd)
    hoofd.show()
    qtbot.waitExposed(hoofd)
    yield hoofd


def test_the_question_has_dutch_buttons_and_loses_nothing_by_default(qtbot: QtBot) -> None:
    vak = maak_bewaarvraag(None, "Gesprek 3")
    qtbot.addWidget(vak)
    assert vak.windowTitle() == TITEL == "Wijzigingen bewaren?"
    assert vak.text() == "Gesprek 3 heeft wijzigingen die nog niet bewaard zijn."
    assert sorted(k.text() for k in vak.buttons()) == ["&Annuleren", "&Bewaren", "&Niet bewaren"]
    default = vak.defaultButton()
    assert default is not None and default.text() == "&Bewaren"
    escape = vak.escapeButton()
    assert escape is not None and escape.text() == "&Annuleren"


@pytest.mark.parametrize(
    ("toets", "verwacht"),
    [(Qt.Key.Key_Return, Keuze.BEWAREN), (Qt.Key.Key_Escape, Keuze.ANNULEREN)],
)
def test_enter_saves_and_escape_cancels(qtbot: QtBot, toets: Qt.Key, verwacht: Keuze) -> None:
    antwoorden: list[Keuze] = []
    vak = vraag_bewaren(None, "Het gesprek", antwoorden.append)
    qtbot.waitUntil(vak.isVisible)
    qtbot.keyClick(vak, toets)
    qtbot.waitUntil(lambda: antwoorden != [])
    assert antwoorden == [verwacht]


def test_closing_the_box_counts_as_cancel(qtbot: QtBot) -> None:
    vak = maak_bewaarvraag(None, "Het gesprek")
    qtbot.addWidget(vak)
    assert keuze_van(vak) is Keuze.ANNULEREN  # nothing clicked


def _zet_doel(qtbot: QtBot, paneel: GesprekPaneel, tekst: str) -> None:
    paneel.doel.doel.setPlainText("")
    qtbot.keyClicks(paneel.doel.doel, tekst)


def test_new_gesprek_cancel_keeps_the_work(qtbot: QtBot, paneel: GesprekPaneel) -> None:
    _zet_doel(qtbot, paneel, "Elke week twee ochtenden werken")
    paneel.nieuw_gesprek()
    tekst = beantwoord_bewaarvraag(qtbot, "Annuleren")
    assert tekst == "Het nieuwe gesprek heeft wijzigingen die nog niet bewaard zijn."
    assert paneel.doel.doel.toPlainText() == "Elke week twee ochtenden werken"
    assert paneel.heeft_wijzigingen()


def test_new_gesprek_without_saving_empties_the_panel(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    _zet_doel(qtbot, paneel, "Elke week twee ochtenden werken")
    paneel.nieuw_gesprek()
    beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    assert paneel.doel.doel.toPlainText() == ""
    assert not paneel.heeft_wijzigingen()
    assert GesprekService(database).aantal() == 0


def test_new_gesprek_after_saving_stores_the_old_one(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten(database)
    assert paneel.voeg_toe(ids[0])
    _zet_doel(qtbot, paneel, "Elke week twee ochtenden werken")
    nummers: list[int] = []
    paneel.bewaard.connect(nummers.append)
    paneel.nieuw_gesprek()
    beantwoord_bewaarvraag(qtbot, "Bewaren")
    assert paneel.bewaart and paneel.voortgang.isVisible()  # saving in the background
    assert not paneel.keuze.bewaar.isEnabled() and not paneel.nieuw.isEnabled()
    qtbot.waitUntil(lambda: len(nummers) == 1 and paneel.korte_lijst.rowCount() == 0)
    assert not paneel.voortgang.isVisible() and paneel.keuze.bewaar.isEnabled()
    service = GesprekService(database)
    assert service.aantal() == 1 and len(nummers) == 1
    assert paneel.gesprek_id is None and paneel.korte_lijst.rowCount() == 0
    bewaard = service.lees(nummers[0])
    assert bewaard.invoer.doel == "Elke week twee ochtenden werken"
    assert list(bewaard.invoer.optie_ids) == [ids[0]]


def test_a_refused_save_keeps_the_coach_where_they_were(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    _zet_doel(qtbot, paneel, "Klant met bsn 111222333")  # the privacy guard refuses a BSN
    paneel.nieuw_gesprek()
    with qtbot.waitSignal(paneel.bewaren_mislukt):
        beantwoord_bewaarvraag(qtbot, "Bewaren")
    assert GesprekService(database).aantal() == 0
    assert paneel.doel.doel.toPlainText() == "Klant met bsn 111222333"
    assert "BSN" in paneel.melding.text()


def test_opening_another_gesprek_asks_first(
    qtbot: QtBot, paneel: GesprekPaneel, monkeypatch: pytest.MonkeyPatch
) -> None:
    getoond: list[str] = []
    monkeypatch.setattr(GesprekkenDialoog, "exec", lambda _self: getoond.append("lijst") or 0)
    _zet_doel(qtbot, paneel, "Een vast ritme")
    paneel.kies_gesprek()
    beantwoord_bewaarvraag(qtbot, "Annuleren")
    assert getoond == []
    paneel.kies_gesprek()
    beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    assert getoond == ["lijst"]


def test_nothing_unsaved_means_no_question(qtbot: QtBot, paneel: GesprekPaneel) -> None:
    paneel.nieuw_gesprek()
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)
    _zet_doel(qtbot, paneel, "Een vast ritme")
    bewaar_gesprek(qtbot, paneel)
    paneel.nieuw_gesprek()
    assert not isinstance(QApplication.activeModalWidget(), QMessageBox)
    assert paneel.gesprek_id is None


# --- Beheer: another instrument -------------------------------------------------------------


@pytest.fixture
def beheer(qtbot: QtBot, database: Database) -> tuple[InstrumentenView, list[int]]:
    ids = maak_instrumenten(database)
    view = InstrumentenView(AppContext(database, TEST_GEBRUIKER), beheerder=True)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view, ids


def _naam(view: InstrumentenView) -> QLineEdit:
    veld = view.formulier.velden["naam"]
    assert isinstance(veld, QLineEdit)
    return veld


def _kies(qtbot: QtBot, view: InstrumentenView, instrument_id: int) -> None:
    """Choose a row as the user does (selecteer() is the program's own way, it never asks)."""
    qtbot.waitUntil(lambda: not view.laadt)
    rij = view.model.rij_van(instrument_id)
    assert rij >= 0
    view.lijst.selectRow(rij)


def _geselecteerd(view: InstrumentenView) -> list[int]:
    return [i.data(ROL_RIJ).id for i in view.lijst.selectionModel().selectedRows()]


def _bewerk_eerste(qtbot: QtBot, view: InstrumentenView, ids: list[int]) -> str:
    _kies(qtbot, view, ids[0])
    assert view.bewerking is not None and view.bewerking.id == ids[0]
    oud = view.bewerking.gegevens.naam
    _naam(view).clear()
    qtbot.keyClicks(_naam(view), "Nieuwe naam")
    assert view.heeft_wijzigingen()
    return oud


def test_another_instrument_cancel_keeps_the_edit(
    qtbot: QtBot, beheer: tuple[InstrumentenView, list[int]]
) -> None:
    view, ids = beheer
    oud = _bewerk_eerste(qtbot, view, ids)
    _kies(qtbot, view, ids[1])
    tekst = beantwoord_bewaarvraag(qtbot, "Annuleren")
    assert tekst == f"Het instrument ‘{oud}’ heeft wijzigingen die nog niet bewaard zijn."
    assert view.bewerking is not None and view.bewerking.id == ids[0]
    assert _naam(view).text() == "Nieuwe naam"
    assert _geselecteerd(view) == [ids[0]]


def test_another_instrument_without_saving(
    qtbot: QtBot, beheer: tuple[InstrumentenView, list[int]], database: Database
) -> None:
    view, ids = beheer
    oud = _bewerk_eerste(qtbot, view, ids)
    _kies(qtbot, view, ids[1])
    beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    assert view.bewerking is not None and view.bewerking.id == ids[1]
    assert not view.heeft_wijzigingen()
    assert _geselecteerd(view) == [ids[1]]
    from keuzehulp.services.beheer import instrumenten

    assert instrumenten.open_instrument(database, ids[0]).gegevens.naam == oud


def test_another_instrument_after_saving_with_a_reason(
    qtbot: QtBot, beheer: tuple[InstrumentenView, list[int]], database: Database
) -> None:
    from keuzehulp.services.beheer import instrumenten

    view, ids = beheer
    _bewerk_eerste(qtbot, view, ids)
    _kies(qtbot, view, ids[1])
    beantwoord_bewaarvraag(qtbot, "Bewaren")
    geef_reden(qtbot, "naam van de aanbieder")
    qtbot.waitUntil(lambda: view.bewerking is not None and view.bewerking.id == ids[1])
    assert instrumenten.open_instrument(database, ids[0]).gegevens.naam == "Nieuwe naam"
    assert _geselecteerd(view) == [ids[1]]


def test_saving_that_is_refused_stays_on_the_instrument(
    qtbot: QtBot, beheer: tuple[InstrumentenView, list[int]], database: Database
) -> None:
    from keuzehulp.services.beheer import instrumenten

    view, ids = beheer
    oud = _bewerk_eerste(qtbot, view, ids)
    _naam(view).clear()  # a name is required: the form refuses to save
    _kies(qtbot, view, ids[1])
    beantwoord_bewaarvraag(qtbot, "Bewaren")
    assert view.bewerking is not None and view.bewerking.id == ids[0]
    assert "Verbeter eerst" in view.ontbreekt.text()
    assert instrumenten.open_instrument(database, ids[0]).gegevens.naam == oud
    # A later save by hand does not suddenly jump to the other instrument.
    qtbot.keyClicks(_naam(view), "Nog een naam")
    qtbot.mouseClick(view.opslaan_knop, Qt.MouseButton.LeftButton)
    geef_reden(qtbot, "naam")
    qtbot.waitUntil(lambda: not view.heeft_wijzigingen())
    assert view.bewerking is not None and view.bewerking.id == ids[0]


def test_cancelling_the_reason_stays_on_the_instrument(
    qtbot: QtBot, beheer: tuple[InstrumentenView, list[int]]
) -> None:
    from keuzehulp.ui.beheer.gemeen import RedenDialoog

    view, ids = beheer
    _bewerk_eerste(qtbot, view, ids)
    _kies(qtbot, view, ids[1])
    beantwoord_bewaarvraag(qtbot, "Bewaren")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RedenDialoog))
    dialoog = QApplication.activeModalWidget()
    assert isinstance(dialoog, RedenDialoog)
    qtbot.keyClick(dialoog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialoog.isVisible())
    assert view.bewerking is not None and view.bewerking.id == ids[0]
    assert _naam(view).text() == "Nieuwe naam"


def test_new_instrument_button_asks_too(
    qtbot: QtBot, beheer: tuple[InstrumentenView, list[int]]
) -> None:
    view, ids = beheer
    _bewerk_eerste(qtbot, view, ids)
    qtbot.mouseClick(view.nieuw_knop, Qt.MouseButton.LeftButton)
    beantwoord_bewaarvraag(qtbot, "Annuleren")
    assert view.bewerking is not None and view.bewerking.id == ids[0]
    qtbot.mouseClick(view.nieuw_knop, Qt.MouseButton.LeftButton)
    beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    assert view.bewerking is None and _naam(view).text() == "Nieuw instrument"
    # An untouched new instrument is nothing to save: the next switch does not ask.
    assert not view.heeft_wijzigingen()
    _kies(qtbot, view, ids[2])
    assert view.bewerking is not None and view.bewerking.id == ids[2]


# --- closing the app ------------------------------------------------------------------------


def test_closing_with_an_unsaved_gesprek(
    qtbot: QtBot, venster: MainWindow, database: Database
) -> None:
    paneel = venster.gesprek.paneel
    _zet_doel(qtbot, paneel, "Een vast ritme")
    gesloten: list[bool] = []
    venster.wordt_gesloten.connect(lambda: gesloten.append(True))
    venster.close()
    beantwoord_bewaarvraag(qtbot, "Annuleren")
    assert venster.isVisible() and gesloten == []
    venster.close()
    beantwoord_bewaarvraag(qtbot, "Bewaren")
    qtbot.waitUntil(lambda: not venster.isVisible())
    assert gesloten == [True]
    assert GesprekService(database).aantal() == 1


def test_closing_asks_for_the_gesprek_and_the_instrument(
    qtbot: QtBot, venster: MainWindow, database: Database
) -> None:
    ids = maak_instrumenten(database)
    _zet_doel(qtbot, venster.gesprek.paneel, "Een vast ritme")
    view = venster.beheer.instrumenten
    view.ververs()
    _bewerk_eerste(qtbot, view, ids)
    venster.close()
    eerste = beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    assert eerste.startswith("Het nieuwe gesprek")
    tweede = beantwoord_bewaarvraag(qtbot, "Annuleren")
    assert tweede.startswith("Het instrument")
    assert venster.isVisible()
    venster.close()
    wacht_op_bewaarvraag(qtbot)  # the gesprek was not thrown away: Annuleren stopped it all
    beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    qtbot.waitUntil(lambda: not venster.isVisible())
    assert GesprekService(database).aantal() == 0


def test_closing_without_changes_does_not_ask(qtbot: QtBot, venster: MainWindow) -> None:
    with qtbot.waitSignal(venster.wordt_gesloten):
        venster.close()
    assert not venster.isVisible()


# --- Beheer: another kenmerk ----------------------------------------------------------------


@pytest.fixture
def kenmerken_view(qtbot: QtBot, database: Database) -> KenmerkenView:
    view = KenmerkenView(AppContext(database, TEST_GEBRUIKER), beheerder=True)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    qtbot.waitUntil(lambda: not view.laadt)  # the tree loads in the background
    view.kies("1.1")
    assert view.gekozen is not None and view.gekozen.code == "1.1"
    return view


def _hernoem(qtbot: QtBot, view: KenmerkenView, naam: str) -> None:
    view.naam.clear()
    qtbot.keyClicks(view.naam, naam)
    assert view.heeft_wijzigingen()


def test_another_kenmerk_cancel_keeps_the_edit(qtbot: QtBot, kenmerken_view: KenmerkenView) -> None:
    view = kenmerken_view
    _hernoem(qtbot, view, "Sociale vaardigheden")
    view.kies("1.2")
    assert beantwoord_bewaarvraag(qtbot, "Annuleren").startswith("Kenmerk 1.1 ")
    assert view.gekozen is not None and view.gekozen.code == "1.1"
    assert view.naam.text() == "Sociale vaardigheden"
    assert view.boom.currentIndex().data(ROL_RIJ).code == "1.1"


def test_another_kenmerk_without_saving(
    qtbot: QtBot, kenmerken_view: KenmerkenView, database: Database
) -> None:
    view = kenmerken_view
    oud = view.naam.text()
    _hernoem(qtbot, view, "Sociale vaardigheden")
    view.kies("1.2")
    beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    assert view.gekozen is not None and view.gekozen.code == "1.2"
    assert not view.heeft_wijzigingen()
    view.kies("1.1")
    assert view.naam.text() == oud


def test_another_kenmerk_after_saving(
    qtbot: QtBot, kenmerken_view: KenmerkenView, database: Database
) -> None:
    view = kenmerken_view
    _hernoem(qtbot, view, "Sociale vaardigheden")
    view.kies("1.2")
    beantwoord_bewaarvraag(qtbot, "Bewaren")
    geef_reden(qtbot, "kortere naam")
    qtbot.waitUntil(lambda: view.gekozen is not None and view.gekozen.code == "1.2")
    regels = {r.code: r for r in kenmerken.kenmerken_boom(database)}
    assert regels["1.1"].naam == "Sociale vaardigheden"


def test_a_reload_keeps_what_is_being_typed(qtbot: QtBot, kenmerken_view: KenmerkenView) -> None:
    view = kenmerken_view
    _hernoem(qtbot, view, "Sociale vaardigheden")
    view.ververs()  # another screen saved something: the tree reloads
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.gekozen is not None and view.gekozen.code == "1.1"
    assert view.naam.text() == "Sociale vaardigheden"
    assert view.heeft_wijzigingen()
