"""The other beheer screens through qtbot: kenmerken, log, versions, beheerders, actualiteit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer import beheerders, instrumenten, kenmerken, versies
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.ui.app import maak_hoofdvenster
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.gemeen import RedenDialoog
from keuzehulp.ui.beheer.kenmerken_view import PensioenDialoog
from keuzehulp.ui.beheer.log_view import LogView
from keuzehulp.ui.context import AppContext
from tests.beheer_hulp import dump, log, nieuw
from tests.conftest import TEST_GEBRUIKER
from tests.gui_beheer_hulp import geef_reden

LINKS = Qt.MouseButton.LeftButton
WERKPROCES_MS = 60_000  # exports run in a worker process; its first start imports a lot


def _tab(qtbot: QtBot, db: Database, gebruiker: str = TEST_GEBRUIKER) -> BeheerTab:
    tab = BeheerTab(AppContext(db, gebruiker))
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    return tab


def _geladen(qtbot: QtBot, view: LogView) -> None:
    """The log viewer loads in the background: wait until its rows are in."""
    qtbot.waitUntil(lambda: not view.laadt)


def test_kenmerken_rename_explain_add_move(qtbot: QtBot, database: Database) -> None:
    tab = _tab(qtbot, database)
    view = tab.kenmerken
    qtbot.waitUntil(lambda: not view.laadt)  # the tree loads in the background
    view.kies("1.7")
    assert view.code.text() == "1.7"
    view.naam.clear()
    qtbot.keyClicks(view.naam, "Zelfkennis")
    view.uitleg_client.setPlainText(" ".join(["woord"] * 20) + ".")
    assert "nog niet eenvoudig genoeg" in view.b1_hint.text()
    view.uitleg_client.setPlainText("Weten wat je goed kunt.")
    assert view.b1_hint.text() == "Cliënttekst: eenvoudig genoeg (B1)."
    qtbot.mouseClick(view.opslaan_knop, LINKS)
    geef_reden(qtbot, "duidelijker")
    qtbot.waitUntil(lambda: "Zelfkennis" in view.boom.currentIndex().data())
    regel = next(r for r in kenmerken.kenmerken_boom(database) if r.code == "1.7")
    assert (regel.naam, regel.uitleg_client) == ("Zelfkennis", "Weten wat je goed kunt.")
    # add a new one under group 3
    view.naam.clear()
    view.naam.setText("Financiën")  # keyClicks only types ASCII
    view.ouder.setCurrentIndex(view.ouder.findData("3"))
    qtbot.mouseClick(view.toevoegen_knop, LINKS)
    geef_reden(qtbot, "schulden")
    qtbot.waitUntil(lambda: any(r.code == "3.5" for r in kenmerken.kenmerken_boom(database)))
    # Reloaded with the new kenmerk chosen.
    qtbot.waitUntil(lambda: view.gekozen is not None and view.gekozen.code == "3.5")
    # move 1.7 under group 4
    view.kies("1.7")
    view.ouder.setCurrentIndex(view.ouder.findData("4"))
    qtbot.mouseClick(view.verplaats_knop, LINKS)
    geef_reden(qtbot, "hoort bij werkzoekgedrag")
    qtbot.waitUntil(lambda: any(r.code == "4.4" for r in kenmerken.kenmerken_boom(database)))
    assert [m.reden for m in log(database, "kenmerk")][-1] == "hoort bij werkzoekgedrag"


def test_kenmerk_retirement_shows_preview_first(qtbot: QtBot, database: Database) -> None:
    iid = nieuw(database, kenmerken=("1.4", "1.7"))
    tab = _tab(qtbot, database)
    view = tab.kenmerken
    qtbot.waitUntil(lambda: not view.laadt)
    view.kies("1.7")
    qtbot.mouseClick(view.stop_knop, LINKS)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PensioenDialoog))
    dialoog = view.pensioen_dialoog
    lijst = dialoog.instrumenten.model()
    assert lijst.rowCount() == 1
    assert "Coaching, Stap Verder" in lijst.index(0, 0).data()
    assert "1.4 Zelfregulatie" in lijst.index(0, 0).data()
    assert not dialoog.ok.isEnabled()
    qtbot.keyClicks(dialoog.reden, "verouderd")
    qtbot.mouseClick(dialoog.ok, LINKS)
    qtbot.waitUntil(
        lambda: instrumenten.open_instrument(database, iid).gegevens.kenmerken == ("1.4",)
    )
    qtbot.waitUntil(view.heractiveer_knop.isEnabled)  # reloaded: 1.7 is no longer in use
    assert "(niet meer in gebruik)" in view.boom.currentIndex().data()


def test_log_viewer_filters_and_exports(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = nieuw(database, "Coaching, Stap Verder")
    nieuw(database, "Training, Sollicitatie")
    beheerders.voeg_beheerder_toe(database, TEST_GEBRUIKER, "bram")
    b = instrumenten.open_instrument(database, a)
    instrumenten.bewaar_instrument(
        database, "bram", a, b.versie, b.gegevens.model_copy(update={"doel": "X"}), "doel"
    )
    tab = _tab(qtbot, database)
    view = tab.log
    tab.toon(view)
    _geladen(qtbot, view)
    alles = view.model.rowCount()
    assert alles == len(log(database))
    view.instrument.setCurrentIndex(view.instrument.findData(a))
    _geladen(qtbot, view)
    assert [r.entiteit_id for r in view.model.rijen] == [a, a]
    view.gebruiker.setCurrentIndex(view.gebruiker.findData("bram"))
    _geladen(qtbot, view)
    assert [(r.veld, r.nieuwe_waarde) for r in view.model.rijen] == [("doel", "X")]
    view.gebruiker.setCurrentIndex(0)
    view.sinds.setDate(QDate.currentDate().addDays(1))
    view.sinds_aan.setChecked(True)
    _geladen(qtbot, view)
    assert view.model.rowCount() == 0
    view.tot.setDate(QDate.currentDate())
    view.tot_aan.setChecked(True)
    _geladen(qtbot, view)
    assert "vóór" in view.aantal.text()
    view.sinds_aan.setChecked(False)
    _geladen(qtbot, view)
    assert view.model.rowCount() == 2
    pad = tmp_path / "log"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pad), ""))
    qtbot.mouseClick(view.export_knop, LINKS)
    # The export runs in a worker process: its first start loads SQLAlchemy and openpyxl.
    qtbot.waitUntil(
        lambda: view.export_knop.isEnabled() and "geschreven" in view.aantal.text(),
        timeout=WERKPROCES_MS,
    )
    rijen = list(load_workbook(tmp_path / "log.xlsx").active.iter_rows(values_only=True))
    assert len(rijen) == 3 and rijen[2][1] == "bram"


def test_versions_publish_export_and_status_bar(
    qtbot: QtBot,
    db_url: str,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nieuw(database, status="actief")
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    venster.show()
    # The status bar reads the version in the background.
    qtbot.waitUntil(
        lambda: venster.versie_label.text() == "Catalogus: nog geen versie gepubliceerd"
    )
    tab = venster.beheer
    assert isinstance(tab, BeheerTab)
    acties = [a.text() for a in venster.menu_beheer.actions()]
    assert "&Versies" in acties
    next(a for a in venster.menu_beheer.actions() if a.text() == "&Versies").trigger()
    assert tab.tabs.currentWidget() is tab.versies
    qtbot.waitUntil(lambda: not venster.zoeken.laadt)
    gewijzigd: list[bool] = []
    venster.context.gebeurtenissen.catalogus_gewijzigd.connect(lambda: gewijzigd.append(True))
    qtbot.mouseClick(tab.versies.publiceer_knop, LINKS)
    geef_reden(qtbot, "najaar")
    vandaag = dt.date.today().strftime("%d-%m-%Y")
    # Published in a worker process (issue 13): its start-up may take a second or two.
    qtbot.waitUntil(
        lambda: venster.versie_label.text() == f"Catalogus: versie {vandaag}",
        timeout=WERKPROCES_MS,
    )
    qtbot.waitUntil(lambda: tab.versies.model.rowCount() == 1, timeout=WERKPROCES_MS)
    # Publishing changes nothing the search shows: no index rebuild (issue 13).
    assert gewijzigd == [] and not venster.zoeken.laadt
    assert versies.lijst_versies(database)[0].omschrijving == "najaar"
    pad = tmp_path / "versie.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pad), ""))
    tab.versies.tabel.selectRow(0)
    qtbot.mouseClick(tab.versies.export_knop, LINKS)
    qtbot.waitUntil(lambda: "geschreven" in tab.versies.export_status.text(), timeout=WERKPROCES_MS)
    assert load_workbook(pad)["Instrumenten"]["B2"].value == "Coaching, Stap Verder"
    opstart.database.sluit()


def test_beheerders_add_and_remove(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = _tab(qtbot, database)
    view = tab.beheerders
    qtbot.keyClicks(view.naam, "bram")
    qtbot.mouseClick(view.toevoegen_knop, LINKS)
    qtbot.waitUntil(lambda: [r.gebruiker for r in view.model.rijen] == ["bram", TEST_GEBRUIKER])
    assert view.naam.text() == ""
    view.tabel.selectRow(0)
    qtbot.mouseClick(view.verwijderen_knop, LINKS)
    geef_reden(qtbot, "vertrokken")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    meldingen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, m, *a: meldingen.append(m))
    view.tabel.selectRow(0)
    qtbot.mouseClick(view.verwijderen_knop, LINKS)
    geef_reden(qtbot, "weg")
    qtbot.waitUntil(lambda: bool(meldingen))
    assert "laatste beheerder" in meldingen[0]


def test_actualiteit_mark_reviewed(qtbot: QtBot, database: Database) -> None:
    iid = nieuw(database)
    with database.wijzigen(MutatieContext(TEST_GEBRUIKER, "test")) as s:
        oud = s.get_one(Instrument, iid)
        oud.aangemaakt_op = oud.gewijzigd_op = nu() - dt.timedelta(days=400)
    tab = _tab(qtbot, database)
    view = tab.actualiteit
    qtbot.waitUntil(lambda: not view.laadt)  # the list loads in the background
    assert view.model.rowCount() == 1
    view.maanden.setValue(14)
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.model.rowCount() == 0
    view.maanden.setValue(6)
    qtbot.waitUntil(lambda: not view.laadt)
    view.tabel.selectRow(0)
    qtbot.mouseClick(view.markeer_knop, LINKS)
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.model.rowCount() == 0
    assert log(database, "instrument")[-1].veld == "beoordeeld_op"


def test_werkcoach_gets_read_only_views_and_nothing_changes(
    qtbot: QtBot, database: Database
) -> None:
    nieuw(database)
    voor = dump(database)
    tab = _tab(qtbot, database, "werkcoach_wim")
    assert "werkcoach" in tab.rol.text()
    knoppen = [
        tab.kenmerken.opslaan_knop,
        tab.kenmerken.toevoegen_knop,
        tab.versies.publiceer_knop,
        tab.beheerders.toevoegen_knop,
        tab.beheerders.verwijderen_knop,
        tab.actualiteit.markeer_knop,
        tab.instrumenten.nieuw_knop,
    ]
    for knop in knoppen:
        assert not knop.isEnabled() and "Alleen beheerders" in knop.toolTip()
    _geladen(qtbot, tab.log)
    assert tab.log.model.rowCount() > 0  # the log can be read
    assert dump(database) == voor


def test_every_model_passes_the_model_tester(
    qtbot: QtBot, database: Database, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    nieuw(database)
    versies.publiceer_versie(database, TEST_GEBRUIKER)
    tab = _tab(qtbot, database)
    _geladen(qtbot, tab.log)
    qtbot.waitUntil(lambda: not tab.actualiteit.laadt)
    for model in (
        tab.kenmerken.model,
        tab.log.model,
        tab.versies.model,
        tab.beheerders.model,
        tab.actualiteit.model,
    ):
        qtmodeltester.check(model)


def test_other_screens_refresh_when_shown_after_a_change(qtbot: QtBot, database: Database) -> None:
    tab = _tab(qtbot, database)
    _geladen(qtbot, tab.log)
    tab.toon(tab.kenmerken)
    voor = tab.log.model.rowCount()
    view = tab.kenmerken
    qtbot.waitUntil(lambda: not view.laadt)
    view.kies("1.7")
    qtbot.mouseClick(view.stop_knop, LINKS)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PensioenDialoog))
    qtbot.keyClicks(view.pensioen_dialoog.reden, "test")
    qtbot.mouseClick(view.pensioen_dialoog.ok, LINKS)
    qtbot.waitUntil(view.heractiveer_knop.isEnabled)
    assert tab.log.model.rowCount() == voor  # not visible: refreshed later
    # The commit raises catalogus_gewijzigd; it arrives once the click's handler is done.
    with qtbot.waitSignal(tab.context.gebeurtenissen.catalogus_gewijzigd):
        qtbot.mouseClick(view.heractiveer_knop, LINKS)
        geef_reden(qtbot, "toch nodig")
    qtbot.waitUntil(view.stop_knop.isEnabled)
    tab.toon(tab.log)
    _geladen(qtbot, tab.log)
    assert tab.log.model.rowCount() == voor + 2
    assert [r.veld for r in tab.log.model.rijen[:2]] == ["actief", "actief"]


def test_the_version_dialog_speaks_of_a_version_and_publishes(
    qtbot: QtBot, database: Database
) -> None:
    """The dialog behind "Nieuwe versie publiceren…" has an example that fits a version (not
    the reason dialog's "nieuwe prijs van de aanbieder") and a button that says Publiceren."""
    tab = _tab(qtbot, database)
    tab.toon(tab.versies)
    qtbot.mouseClick(tab.versies.publiceer_knop, LINKS)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), RedenDialoog))
    dialoog = QApplication.activeModalWidget()
    assert isinstance(dialoog, RedenDialoog)
    assert dialoog.ok.text() == "&Publiceren"
    voorbeeld = dialoog.reden.placeholderText()
    assert voorbeeld.startswith("Bijvoorbeeld:") and "prijs" not in voorbeeld
    assert dialoog.ok.isEnabled()  # the description may stay empty
    dialoog.reject()
