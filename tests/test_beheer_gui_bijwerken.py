"""After a change of a few instruments the Beheer list patches their lines in, and the
editor shows what was saved without filling every field again (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.beheer import instrumenten, kenmerken
from keuzehulp.services.beheer.kenmerken import KenmerkRegel
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.instrument_formulier import InstrumentFormulier
from keuzehulp.ui.beheer.instrumenten_view import BIJWERKEN_TOT, InstrumentenView, bij_te_werken
from tests.beheer_hulp import compleet, log, nieuw
from tests.conftest import TEST_GEBRUIKER
from tests.gui_beheer_hulp import toon_beheer_tab


def _geladen(qtbot: QtBot, db: Database) -> tuple[BeheerTab, InstrumentenView]:
    """The Beheer tab (keep it: its screens go with it) and its loaded instrument list."""
    tab = toon_beheer_tab(qtbot, db)
    view = tab.instrumenten
    qtbot.waitUntil(lambda: not view.laadt and view.model.aantal_geladen > 0)
    return tab, view


def _regel_van(view: InstrumentenView, iid: int) -> object:
    rij = view.model.rij_van(iid)
    assert rij >= 0
    return view.model.rij(rij)


def test_only_instrument_changes_are_patched() -> None:
    een = Wijzigingen.uit([("instrument", 4)], "editor")
    assert bij_te_werken([een, Wijzigingen.uit([("instrument", 7)], "import")]) == {4, 7}
    assert bij_te_werken([een, Wijzigingen.uit([("kenmerk", 2)], "editor")]) is None
    assert bij_te_werken([Wijzigingen.uit([("instrument", None)])]) is None
    assert bij_te_werken([]) is None  # nothing known: reload
    veel = Wijzigingen.uit([("instrument", i) for i in range(BIJWERKEN_TOT + 1)], "import")
    assert bij_te_werken([veel]) is None


def test_a_change_by_someone_else_is_patched_into_the_list(
    qtbot: QtBot, database: Database
) -> None:
    a = nieuw(database, "Coaching, Stap Verder")
    b = nieuw(database, "Training, Sterk Werk")
    _tab, view = _geladen(qtbot, database)
    view.selecteer(b)
    ongemoeid = _regel_van(view, b)
    versie = instrumenten.open_instrument(database, a).versie
    # Parked outside this screen (the command line, another window): the commit raises the
    # change event, the list follows.
    instrumenten.parkeer(database, TEST_GEBRUIKER, a, versie, "niet meer")
    qtbot.waitUntil(lambda: view.model.index(view.model.rij_van(a), 1).data() == "geparkeerd")
    qtbot.waitUntil(lambda: not view.laadt)
    assert _regel_van(view, b) is ongemoeid  # only a's line was read again: no reload
    assert [i.row() for i in view.lijst.selectionModel().selectedRows()] == [view.model.rij_van(b)]
    assert view.lijst_status.text() == "2 instrumenten: 1 geparkeerd, 1 concept."
    # A new instrument arrives in name order; the open one stays selected.
    c = nieuw(database, "Activering, Doe Mee")
    qtbot.waitUntil(lambda: view.model.aantal_geladen == 3 and not view.laadt)
    assert [r.id for r in view.model.rijen] == [c, a, b]
    assert [i.row() for i in view.lijst.selectionModel().selectedRows()] == [2]
    assert view.lijst_status.text() == "3 instrumenten: 1 geparkeerd, 2 concept."


def test_a_kenmerk_change_reloads_the_whole_list(qtbot: QtBot, database: Database) -> None:
    a = nieuw(database)
    _tab, view = _geladen(qtbot, database)
    oud = _regel_van(view, a)
    kenmerken.hernoem(database, TEST_GEBRUIKER, "1.4", "Nieuwe naam", "duidelijker")
    qtbot.waitUntil(lambda: _regel_van(view, a) is not oud)  # read again with all the rest
    assert _regel_van(view, a) == oud


def test_the_editor_shows_what_was_saved_and_its_history_after_a_save(
    qtbot: QtBot, database: Database
) -> None:
    a = nieuw(database)
    _tab, view = _geladen(qtbot, database)
    view.selecteer(a)
    assert view.bewerking is not None
    # Saved values other than the form shows (as a save of another form would).
    anders = view.bewerking.gegevens.model_copy(update={"bijzonderheden": "Met de fiets."})
    view.bewaar(anders, "aangevuld")
    qtbot.waitUntil(lambda: not view.bezig and view.geschiedenis_model.rowCount() == 2)
    tekst = view.formulier.velden["bijzonderheden"]
    assert tekst.toPlainText() == "Met de fiets."  # type: ignore[union-attr]
    assert view.bewerking.versie == instrumenten.open_instrument(database, a).versie
    assert not view.gewijzigd and not view.opslaan_knop.isEnabled()
    assert view.parkeer_knop.isEnabled()  # the buttons are back after "Bezig met opslaan…"
    assert [m.reden for m in log(database, "instrument")][-1] == "aangevuld"
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.model.rij(view.model.rij_van(a)).versie == view.bewerking.versie


def test_filling_the_form_with_what_it_shows_signals_no_change(qtbot: QtBot) -> None:
    formulier = InstrumentFormulier([("work_first", "Work first")], [], ["Tiel"])
    qtbot.addWidget(formulier)
    g = compleet(bijzonderheden="Eerste tekst.")
    formulier.zet_gegevens(g)
    signalen: list[bool] = []
    formulier.gewijzigd.connect(lambda: signalen.append(True))
    formulier.zet_gegevens(g)
    assert signalen == []
    formulier.zet_gegevens(g.model_copy(update={"bijzonderheden": "Tweede tekst."}))
    assert signalen  # something changed: the editor and the parser row hear it
    assert formulier.velden["bijzonderheden"].toPlainText() == "Tweede tekst."  # type: ignore[union-attr]
    assert formulier.routes["work_first"].isChecked()
    assert formulier.gemeenten.item(0).checkState() == Qt.CheckState.Checked


def test_a_form_built_in_steps_is_the_same_form(qtbot: QtBot) -> None:
    heel = InstrumentFormulier([("work_first", "Work first")], [], ["Tiel"])
    qtbot.addWidget(heel)
    stapsgewijs = InstrumentFormulier([("work_first", "Work first")], [], ["Tiel"], in_stappen=True)
    qtbot.addWidget(stapsgewijs)
    assert "regiehouder" not in stapsgewijs.velden  # the last rows come in later steps
    stappen = 1
    while not stapsgewijs.bouw_stap():
        stappen += 1
    assert stappen >= 3
    assert list(stapsgewijs.velden) == list(heel.velden)
    assert list(stapsgewijs.foutlabels) == list(heel.foutlabels)
    # (No kenmerken: these forms have none to tick.)
    g = compleet(regiehouder="Team Werk", bijzonderheden="Met de fiets.", kenmerken=())
    stapsgewijs.zet_gegevens(g)
    assert stapsgewijs.gegevens() == g


def test_the_editor_finishes_a_form_still_being_built_when_it_is_needed(
    qtbot: QtBot, database: Database
) -> None:
    a = nieuw(database)
    tab, view = _geladen(qtbot, database)
    view.selecteer(a)  # whatever step the background build had reached
    assert view.formulier_is_gebouwd
    naam = view.formulier.velden["regiehouder"]
    assert naam.isVisibleTo(tab)
    assert view.formulier.gegevens() == instrumenten.open_instrument(database, a).gegevens


def test_a_new_instrument_saved_in_the_editor_is_marked_in_the_list(
    qtbot: QtBot, database: Database
) -> None:
    nieuw(database, "Coaching, Stap Verder")
    _tab, view = _geladen(qtbot, database)
    view.nieuw()
    view.bewaar(compleet("Activering, Doe Mee"), "nieuw aanbod")
    qtbot.waitUntil(lambda: not view.bezig and not view.laadt and view.model.aantal_geladen == 2)
    assert view.bewerking is not None
    qtbot.waitUntil(lambda: view.lijst.selectionModel().hasSelection())
    gekozen = [i.row() for i in view.lijst.selectionModel().selectedRows()]
    assert gekozen == [view.model.rij_van(view.bewerking.id)] == [0]
    assert view.titel.text().startswith("Activering, Doe Mee")


def test_ticks_are_read_from_what_the_lists_report(qtbot: QtBot) -> None:
    groep = KenmerkRegel(1, "1", "Gezondheid", "", "", None, True, 0, "", 1)
    kenmerken_ = [groep] + [
        KenmerkRegel(i, f"1.{i}", f"Kenmerk {i}", "", "", "1", True, 0, "", 1) for i in (1, 2, 3)
    ]
    formulier = InstrumentFormulier([], kenmerken_, ["Buren", "Tiel"])
    qtbot.addWidget(formulier)
    formulier.zet_gegevens(compleet(kenmerken=("1.3",), gemeenten=("Tiel",)))
    assert formulier.waarden()["kenmerken"] == ("1.3",)
    # The user ticks an item: the form knows it at once, in list order.
    formulier.kenmerken.item(1).setCheckState(Qt.CheckState.Checked)
    assert formulier.waarden()["kenmerken"] == ("1.1", "1.3")
    formulier.gemeenten.item(0).setCheckState(Qt.CheckState.Checked)
    assert formulier.waarden()["gemeenten"] == ("Buren", "Tiel")
    # Rebuilt lists (a renamed kenmerk, a new gemeente) keep what was ticked.
    formulier.zet_kenmerken([*kenmerken_[:2], *kenmerken_[3:]])  # 1.2 no longer offered
    formulier.zet_keuzen([], ["Buren", "Culemborg", "Tiel"])
    w = formulier.waarden()
    assert (w["kenmerken"], w["gemeenten"]) == (("1.1", "1.3"), ("Buren", "Tiel"))
    assert formulier.gemeenten.item(2).checkState() == Qt.CheckState.Checked
    formulier.zet_gegevens(compleet(kenmerken=("1.2",), gemeenten=()))  # 1.2 is not offered
    w = formulier.waarden()
    assert (w["kenmerken"], w["gemeenten"]) == ((), ())
    assert formulier.kenmerken.item(1).checkState() == Qt.CheckState.Unchecked
