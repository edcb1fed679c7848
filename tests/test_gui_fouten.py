"""In the window, errors reach the user: a locked database on save, a damaged database at start
and a bug in a slot each show a Dutch message (and a bug's details land in the log file)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.model.errors import DatabaseBeschadigdFout, SchijfVolFout
from keuzehulp.services.catalogus_info import catalogus_info
from keuzehulp.services.foutverslag import LOGBESTAND, logmap
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.ui import app
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.paneel import GesprekPaneel
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.gui_gesprek_hulp import bewaar_gesprek, bewaren_mislukt, zet_profiel


def _onthoud_dialogen(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    getoond: list[tuple[str, str]] = []

    def toon(_ouder: object, titel: str, tekst: str, *_a: object) -> QMessageBox.StandardButton:
        getoond.append((titel, tekst))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", toon)
    monkeypatch.setattr(QMessageBox, "warning", toon)
    return getoond


def test_a_locked_database_on_save_shows_a_dutch_message(
    qtbot: QtBot, database: Database, db_pad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zet_profiel(database, "Anna de Boer")
    maak_instrumenten(database)
    paneel = GesprekPaneel(AppContext(database, "Anna de Boer"))
    qtbot.addWidget(paneel)
    qtbot.keyClicks(paneel.doel.doel, "Weer aan het werk in de zorg")
    ander = sqlite3.connect(db_pad, isolation_level=None)
    ander.execute("BEGIN IMMEDIATE")  # a colleague's import holds the write lock
    try:
        melding = bewaren_mislukt(qtbot, paneel, timeout=60_000)
    finally:
        ander.execute("ROLLBACK")
        ander.close()
    assert melding == paneel.melding.text()
    assert "in gebruik" in paneel.melding.text()
    assert "Probeer het over een minuut opnieuw" in paneel.melding.text()
    assert "Traceback" not in capsys.readouterr().err
    assert GesprekService(database).aantal() == 0
    bewaar_gesprek(qtbot, paneel)  # the lock is gone: saving works again
    assert GesprekService(database).aantal() == 1


@pytest.mark.qt_no_exception_capture
def test_a_bug_in_a_slot_shows_a_dutch_dialog_naming_the_log_file(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    getoond = _onthoud_dialogen(monkeypatch)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    app.installeer_vangnet()

    def kapot() -> None:
        raise KeyError("een fout in de keuzehulp zelf")

    QTimer.singleShot(0, kapot)
    qtbot.waitUntil(lambda: len(getoond) == 1)
    titel, tekst = getoond[0]
    logbestand = logmap() / LOGBESTAND
    assert titel == "Keuzehulp: programmafout"
    assert tekst.endswith(f"de beheerder van de keuzehulp:\n{logbestand}")
    assert "KeyError" not in tekst and "Traceback" not in tekst
    inhoud = logbestand.read_text(encoding="utf-8")
    assert "KeyError: 'een fout in de keuzehulp zelf'" in inhoud
    assert "(venster)" in inhoud

    def vol() -> None:
        raise SchijfVolFout("De schijf is vol. Er is niets gewijzigd.")

    QTimer.singleShot(0, vol)
    qtbot.waitUntil(lambda: len(getoond) == 2)
    assert getoond[1] == ("Keuzehulp", "De schijf is vol. Er is niets gewijzigd.")


def test_a_damaged_database_is_announced_at_start(
    qtbot: QtBot, db_pad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    verbinding = sqlite3.connect(db_pad)
    wortel = verbinding.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'kenmerk'"
    ).fetchone()[0]
    grootte = verbinding.execute("PRAGMA page_size").fetchone()[0]
    verbinding.close()
    with db_pad.open("r+b") as f:
        f.seek((wortel - 1) * grootte)
        f.write(b"\x00\xff" * (grootte // 2))
    getoond = _onthoud_dialogen(monkeypatch)
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    try:
        app.meld_beschadigd(opstart, None)
    finally:
        opstart.database.sluit()
    assert len(getoond) == 1
    titel, tekst = getoond[0]
    assert titel == "Keuzehulp: database beschadigd"
    assert "schrijft er daarom niets meer in" in tekst
    assert "Er staat geen reservekopie naast" in tekst


@pytest.mark.parametrize(("antwoord", "verwacht"), [(True, 52), (False, 0)])
def test_a_new_database_asks_whether_to_load_the_sample(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, antwoord: bool, verwacht: int
) -> None:
    gevraagd: list[bool] = []

    def vraag(_ouder: object) -> bool:
        gevraagd.append(True)
        return antwoord

    monkeypatch.setattr(app, "vraag_voorbeeld", vraag)
    opstart = app.open_of_meld(f"sqlite:///{tmp_path / 'nieuw.sqlite'}", TEST_GEBRUIKER)
    assert opstart is not None
    try:
        assert opstart.nieuw
        assert app.bied_voorbeeld_aan(opstart) is antwoord
        assert gevraagd == [True]
        assert catalogus_info(opstart.database).actief == verwacht
    finally:
        opstart.database.sluit()
    # The second start of the same database does not ask again.
    opstart = app.open_of_meld(f"sqlite:///{tmp_path / 'nieuw.sqlite'}", TEST_GEBRUIKER)
    assert opstart is not None
    try:
        assert not app.bied_voorbeeld_aan(opstart)
        assert gevraagd == [True]
    finally:
        opstart.database.sluit()


def test_start_script_loads_the_sample_without_asking(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEUZEHULP_VOORBEELD", "ja")  # what scripts/start.sh sets
    monkeypatch.setattr(app, "vraag_voorbeeld", lambda _o: pytest.fail("niet vragen"))
    opstart = app.open_of_meld(f"sqlite:///{tmp_path / 'demo.sqlite'}", TEST_GEBRUIKER)
    assert opstart is not None
    try:
        assert app.bied_voorbeeld_aan(opstart)
        assert catalogus_info(opstart.database).actief == 52
    finally:
        opstart.database.sluit()
    assert "KEUZEHULP_VOORBEELD" in (Path(__file__).parent.parent / "scripts/start.sh").read_text()


def test_start_script_fills_a_catalogue_left_empty_by_a_stopped_first_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first start stopped before the sample was in leaves a catalogue without instruments;
    the start script's next start fills it (a fresh user hit this), a plain start does not."""
    url = f"sqlite:///{tmp_path / 'onderbroken.sqlite'}"
    monkeypatch.setattr(app, "vraag_voorbeeld", lambda _o: False)
    opstart = app.open_of_meld(url, TEST_GEBRUIKER)  # the first start: left empty
    assert opstart is not None
    opstart.database.sluit()
    opstart = app.open_of_meld(url, TEST_GEBRUIKER)
    assert opstart is not None
    try:
        assert not opstart.nieuw
        assert not app.bied_voorbeeld_aan(opstart)  # no start script: nothing happens
        monkeypatch.setenv("KEUZEHULP_VOORBEELD", "ja")
        assert app.bied_voorbeeld_aan(opstart)
        assert catalogus_info(opstart.database).actief == 52
        assert not app.bied_voorbeeld_aan(opstart)  # filled: never twice
    finally:
        opstart.database.sluit()


def test_an_empty_catalogue_says_so_instead_of_blaming_the_filters(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app, "vraag_voorbeeld", lambda _o: False)
    opstart = app.open_of_meld(f"sqlite:///{tmp_path / 'leeg.sqlite'}", TEST_GEBRUIKER)
    assert opstart is not None
    venster = app.maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    venster.show()
    zoeken = venster.zoeken
    qtbot.waitUntil(
        lambda: not zoeken.laadt and zoeken.lijst_of_niets.currentWidget() is zoeken.niets
    )
    assert zoeken.niets.kop.text() == "<b>De catalogus is nog leeg.</b>"
    assert "keuzehulp voorbeeld" in zoeken.niets.uitleg.text()
    assert "vinkje" not in zoeken.niets.uitleg.text()
    venster.close()


def test_the_sample_question_is_dutch_and_escape_starts_empty(qtbot: QtBot) -> None:
    def beantwoord() -> None:
        vraag = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
        knoppen = {k.text() for k in vraag.buttons()}
        assert knoppen == {"Voorbeeld laden", "Leeg beginnen"}
        assert vraag.escapeButton().text() == "Leeg beginnen"
        vraag.escapeButton().click()

    QTimer.singleShot(50, beantwoord)
    assert app.vraag_voorbeeld(None) is False


def test_damage_found_after_the_first_paint_is_announced_and_nothing_is_written(
    qtbot: QtBot, db_pad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real launch holds quick_check back until the window has painted (issue 13 item 4):
    the damage dialog then still shows, and the window cannot write to the file."""
    verbinding = sqlite3.connect(db_pad)
    wortel = verbinding.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'gemeente'"
    ).fetchone()[0]
    grootte = verbinding.execute("PRAGMA page_size").fetchone()[0]
    verbinding.close()
    with db_pad.open("r+b") as f:
        f.seek((wortel - 1) * grootte)
        f.write(b"\x00\xff" * (grootte // 2))
    getoond = _onthoud_dialogen(monkeypatch)
    opstart = app.open_of_meld(f"sqlite:///{db_pad}", TEST_GEBRUIKER)
    assert opstart is not None and opstart.nog_af_te_ronden
    assert not opstart.database.beschadigd  # the first paint did not wait for the check
    venster = app.maak_hoofdvenster(opstart, laad_later=True)
    qtbot.addWidget(venster)
    try:
        assert getoond == []
        venster.show()
        qtbot.waitUntil(lambda: any(t == "Keuzehulp: database beschadigd" for t, _ in getoond))
        tekst = next(t for titel, t in getoond if titel == "Keuzehulp: database beschadigd")
        assert "schrijft er daarom niets meer in" in tekst
        assert opstart.database.beschadigd
        with pytest.raises(DatabaseBeschadigdFout):
            GesprekService(opstart.database).bewaar(GesprekInvoer(doel="Nog zoeken"), "anna")
    finally:
        venster.context.taken.wacht(10_000)
        opstart.database.sluit()
