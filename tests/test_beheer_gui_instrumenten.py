"""The instrument editor through qtbot: create, edit with a reason, publish, park, conflict."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
)
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.ui.beheer.gemeen import RedenDialoog
from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
from keuzehulp.ui.context import AppContext
from tests.beheer_hulp import log, nieuw
from tests.conftest import TEST_GEBRUIKER


def _view(qtbot: QtBot, db: Database, gebruiker: str = TEST_GEBRUIKER) -> InstrumentenView:
    from keuzehulp.services.rollen import is_beheerder

    with db.lezen() as s:
        beheerder = is_beheerder(s, gebruiker)
    view = InstrumentenView(AppContext(db, gebruiker), beheerder)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def _reden(qtbot: QtBot, reden: str) -> None:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RedenDialoog))
    dialoog = QApplication.activeModalWidget()
    assert isinstance(dialoog, RedenDialoog)
    assert not dialoog.ok.isEnabled()  # a reason is required
    qtbot.keyClicks(dialoog.reden, reden)
    qtbot.mouseClick(dialoog.ok, Qt.MouseButton.LeftButton)


def _vink(lijst: QListWidget, begin: str) -> None:
    for i in range(lijst.count()):
        if lijst.item(i).text().strip().startswith(begin):
            lijst.item(i).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(begin)


def _typ(qtbot: QtBot, view: InstrumentenView, veld: str, tekst: str) -> None:
    w = view.formulier.velden[veld]
    assert isinstance(w, QLineEdit | QPlainTextEdit)
    w.clear() if isinstance(w, QLineEdit) else w.setPlainText("")
    qtbot.keyClicks(w, tekst)


def test_create_complete_and_publish_through_the_editor(qtbot: QtBot, database: Database) -> None:
    view = _view(qtbot, database)
    qtbot.mouseClick(view.nieuw_knop, Qt.MouseButton.LeftButton)
    _typ(qtbot, view, "naam", "Training, Werkfit")
    _typ(qtbot, view, "kosten_centen", "12 stuks")
    qtbot.mouseClick(view.opslaan_knop, Qt.MouseButton.LeftButton)
    fout = view.formulier.foutlabels["kosten_centen"]
    assert fout.isVisible() and "€ 1.250,00" in fout.text()
    _typ(qtbot, view, "kosten_centen", "1.250,00")
    qtbot.mouseClick(view.opslaan_knop, Qt.MouseButton.LeftButton)
    _reden(qtbot, "nieuw aanbod")
    qtbot.waitUntil(lambda: view.bewerking is not None)
    assert view.bewerking is not None
    iid = view.bewerking.id
    assert "Nog nodig om te publiceren" in view.ontbreekt.text()
    assert "een omschrijving" in view.ontbreekt.text()
    assert not view.publiceer_knop.isEnabled()
    _typ(qtbot, view, "omschrijving", "Je werkt aan je conditie.")
    _typ(qtbot, view, "aanmelding", "Bel de trainer.")
    view.formulier.routes["human_capital_first"].setChecked(True)
    _vink(view.formulier.kenmerken, "3.2.1")
    view.formulier.alle_gemeenten.setChecked(True)
    # A client sees type and uitvoerder beside the name: both are needed to publish.
    assert "een type" in view.ontbreekt.text() and "een uitvoerder" in view.ontbreekt.text()
    view.formulier.velden["type"].setCurrentText("Training")  # type: ignore[union-attr]
    _typ(qtbot, view, "uitvoerder", "Werkfit")
    assert view.ontbreekt.text() == "Klaar om te publiceren."
    qtbot.mouseClick(view.opslaan_knop, Qt.MouseButton.LeftButton)
    _reden(qtbot, "aangevuld")
    qtbot.waitUntil(lambda: view.publiceer_knop.isEnabled())
    qtbot.mouseClick(view.publiceer_knop, Qt.MouseButton.LeftButton)
    _reden(qtbot, "gecontroleerd")
    qtbot.waitUntil(lambda: instrumenten.open_instrument(database, iid).gegevens.status == "actief")
    g = instrumenten.open_instrument(database, iid).gegevens
    assert (g.kosten_centen, g.alle_gemeenten, g.kenmerken) == (125000, True, ("3.2.1",))
    redenen = [m.reden for m in log(database, "instrument")]
    assert redenen[0] == "nieuw aanbod" and redenen[-1] == "gecontroleerd"
    assert "aangevuld" in redenen
    # Saving runs in the background; the editor reloads its history when the save is done.
    qtbot.waitUntil(lambda: view.geschiedenis_model.rowCount() == len(redenen))


def test_park_and_restore_through_the_editor(qtbot: QtBot, database: Database) -> None:
    iid = nieuw(database, status="actief")
    view = _view(qtbot, database)
    view.selecteer(iid)
    assert view.bewerking is not None and view.bewerking.id == iid
    assert not view.herstel_knop.isEnabled()
    qtbot.mouseClick(view.parkeer_knop, Qt.MouseButton.LeftButton)
    _reden(qtbot, "aanbieder gestopt")
    qtbot.waitUntil(lambda: view.herstel_knop.isEnabled())
    assert instrumenten.open_instrument(database, iid).gegevens.status == "geparkeerd"
    qtbot.mouseClick(view.herstel_knop, Qt.MouseButton.LeftButton)
    _reden(qtbot, "toch nodig")
    qtbot.waitUntil(
        lambda: instrumenten.open_instrument(database, iid).gegevens.status == "concept"
    )
    assert [m.nieuwe_waarde for m in log(database, "instrument") if m.veld == "status"] == [
        "geparkeerd",
        "concept",
    ]


def test_conflict_shows_a_message_and_overwrites_nothing(
    qtbot: QtBot, database: Database, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    iid = nieuw(database)
    view = _view(qtbot, database)
    view.selecteer(iid)
    anders = open_catalogus(db_url, "bram", ()).database
    try:
        b = instrumenten.open_instrument(anders, iid)
        instrumenten.bewaar_instrument(
            anders, TEST_GEBRUIKER, iid, b.versie, b.gegevens.model_copy(update={"doel": "A"}), "a"
        )
    finally:
        anders.sluit()
    meldingen: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, t, m, *a: meldingen.append((t, m)))
    _typ(qtbot, view, "doel", "B")
    qtbot.mouseClick(view.opslaan_knop, Qt.MouseButton.LeftButton)
    _reden(qtbot, "b")
    qtbot.waitUntil(lambda: bool(meldingen))
    assert meldingen[0][0] == "Iemand anders was u voor"
    assert "intussen gewijzigd door uzelf" in meldingen[0][1]
    assert instrumenten.open_instrument(database, iid).gegevens.doel == "A"
    # the editor now shows what the other person saved, and says so
    qtbot.waitUntil(lambda: "niet opgeslagen" in view.ontbreekt.text())
    doel = view.formulier.velden["doel"]
    assert isinstance(doel, QPlainTextEdit) and doel.toPlainText() == "A"


def test_werkcoach_sees_disabled_actions_with_a_reason(qtbot: QtBot, database: Database) -> None:
    iid = nieuw(database)
    view = _view(qtbot, database, "werkcoach_wim")
    assert "nieuw instrument" not in view.titel.text()  # nothing offered they may not do
    assert view.titel.text() == "Kies links een instrument om het te bekijken."
    view.selecteer(iid)
    assert view.titel.text().startswith("Coaching, Stap Verder")  # can read it
    assert not view.formulier.isEnabled()  # cannot type in it
    assert view.geschiedenis_model.rowCount() == 1
    for knop in (view.nieuw_knop, view.opslaan_knop, view.parkeer_knop, view.publiceer_knop):
        assert not knop.isEnabled()
        assert "Alleen beheerders" in knop.toolTip()


def test_models_pass_the_model_tester(qtbot: QtBot, database: Database, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    iid = nieuw(database)
    view = _view(qtbot, database)
    view.selecteer(iid)
    qtbot.waitUntil(lambda: not view.laadt)
    qtmodeltester.check(view.model)
    view.model.sort(3, Qt.SortOrder.DescendingOrder)  # the list sorts and filters itself
    view.model.zet_filter(None, "stap")
    assert view.model.rowCount() == 1
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.geschiedenis_model)


def test_supplier_form_write_and_read_through_the_editor(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    iid = nieuw(database)
    view = _view(qtbot, database)
    view.selecteer(iid)
    pad = tmp_path / "formulier.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pad), ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pad), ""))
    meldingen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, m, *a: meldingen.append(m))
    knoppen = view.formulier_knoppen
    qtbot.mouseClick(knoppen.maak_knop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pad.exists() and knoppen.maak_knop.isEnabled())
    qtbot.mouseClick(knoppen.lees_knop, Qt.MouseButton.LeftButton)  # same name: refused
    qtbot.waitUntil(lambda: bool(meldingen))
    assert "er is niets veranderd" in meldingen[0] and "er is al een instrument" in meldingen[0]
    boek = load_workbook(pad)
    boek["Formulier"]["B4"] = "Coaching, Stap Verder Plus"
    boek.save(pad)
    qtbot.waitUntil(knoppen.lees_knop.isEnabled)
    qtbot.mouseClick(knoppen.lees_knop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.bewerking is not None and view.bewerking.id != iid)
    assert view.bewerking is not None
    assert view.bewerking.gegevens.naam == "Coaching, Stap Verder Plus"
    assert view.bewerking.gegevens.status == "concept"
    assert log(database, "instrument")[-1].bron == "leveranciersformulier: formulier.xlsx"
