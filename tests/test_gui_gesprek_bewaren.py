"""Saving a gesprek and a terugblik runs in the background (issue 13): the window stays free,
shows that it is busy, lands the save in the database, and a failed save keeps the coach where
they were with a Dutch message and nothing stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.gesprek import GesprekService
from keuzehulp.services.terugblik import TerugblikService
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.paneel import GesprekPaneel
from keuzehulp.ui.gesprek.terugblik_dialoog import TerugblikDialoog, open_terugblik
from keuzehulp.ui.main_window import MainWindow
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.gui_bewaarvraag_hulp import beantwoord_bewaarvraag
from tests.gui_gesprek_hulp import bewaar_als, bewaren_mislukt, zet_profiel
from tests.terugblik_hulp import maak_gesprek

COACH = "Anna de Boer"


@pytest.fixture
def paneel(qtbot: QtBot, database: Database) -> GesprekPaneel:
    zet_profiel(database, COACH)
    scherm = GesprekPaneel(AppContext(database, COACH))
    qtbot.addWidget(scherm)
    scherm.show()
    return scherm


@contextmanager
def vergrendeld(db_pad: Path) -> Iterator[None]:
    """A colleague's import holds the write lock of the SQLite file meanwhile."""
    ander = sqlite3.connect(db_pad, isolation_level=None)
    ander.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        ander.execute("ROLLBACK")
        ander.close()


def test_the_save_button_saves_in_the_background_and_it_lands(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten(database)
    paneel.voeg_toe(ids[0])
    paneel.voeg_toe(ids[1])
    paneel.doel.doel.setPlainText("Eerste doel")
    k = paneel.keuze
    with qtbot.waitSignal(paneel.bewaard, timeout=20_000) as bewaard:
        k.bewaar.click()
        # Back on the event loop at once: busy shown, no second save or print meanwhile.
        assert paneel.bewaart and paneel.voortgang.isVisible()
        assert paneel.voortgang.accessibleName() == "Gesprek wordt bewaard"
        for knop in (k.bewaar, k.klant_pdf, k.prof_pdf, k.kopieer, paneel.nieuw, paneel.openen):
            assert not knop.isEnabled(), knop.text()
        # The coach may go on typing; that stays an unsaved change.
        paneel.doel.doel.setPlainText("Later doel")
    nummer = bewaard.args[0]
    assert paneel.gesprek_id == nummer and not paneel.bewaart
    assert not paneel.voortgang.isVisible() and k.bewaar.isEnabled() and paneel.nieuw.isEnabled()
    assert paneel.melding.text() == f"Gesprek {nummer} is bewaard."
    opgeslagen = GesprekService(database).lees(nummer).invoer
    assert opgeslagen.doel == "Eerste doel" and list(opgeslagen.optie_ids) == ids[:2]
    assert paneel.heeft_wijzigingen()  # "Later doel" is not stored yet


def test_a_save_asked_while_one_runs_waits_and_makes_no_second_gesprek(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    paneel.doel.doel.setPlainText("Een vast ritme")
    volgorde: list[str] = []
    paneel.bewaard.connect(lambda n: volgorde.append(f"bewaard {n}"))
    paneel.bewaar()
    paneel.doel.doel.setPlainText("Een vast ritme, drie ochtenden")
    paneel.bewaar_dan(lambda: volgorde.append("verder"))
    qtbot.waitUntil(lambda: "verder" in volgorde, timeout=20_000)
    service = GesprekService(database)
    assert service.aantal() == 1  # the second save updated the first one's row
    nummer = paneel.gesprek_id or 0
    assert volgorde == [f"bewaard {nummer}", f"bewaard {nummer}", "verder"]
    assert service.lees(nummer).invoer.doel == "Een vast ritme, drie ochtenden"
    assert not paneel.heeft_wijzigingen()


def test_a_failed_save_before_printing_asks_nothing_and_prints_nothing(
    qtbot: QtBot,
    paneel: GesprekPaneel,
    database: Database,
    db_pad: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = maak_instrumenten(database)
    paneel.voeg_toe(ids[0])
    paneel.voeg_toe(ids[1])
    pad = tmp_path / "klant.pdf"
    bewaar_als(monkeypatch, pad)
    gevraagd: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (gevraagd.append("pad"), (str(pad), ""))[1]
    )
    with vergrendeld(db_pad), qtbot.waitSignal(paneel.bewaren_mislukt, timeout=60_000) as fout:
        paneel.maak_klant_pdf()
    assert "in gebruik" in fout.args[0] and fout.args[0] == paneel.melding.text()
    assert gevraagd == [] and not pad.exists()
    assert GesprekService(database).aantal() == 0 and paneel.gesprek_id is None
    assert paneel.keuze.klant_pdf.isEnabled() and not paneel.voortgang.isVisible()
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=20_000):
        paneel.maak_klant_pdf()  # the lock is gone: saved, then printed
    assert gevraagd == ["pad"] and pad.exists() and GesprekService(database).aantal() == 1


def test_closing_the_window_waits_for_the_save_and_stays_open_when_it_fails(
    qtbot: QtBot, database: Database, db_pad: Path
) -> None:
    venster = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.show()
    paneel = venster.gesprek.paneel
    paneel.doel.doel.setPlainText("Een vast ritme")
    with vergrendeld(db_pad):
        venster.close()
        with qtbot.waitSignal(paneel.bewaren_mislukt, timeout=60_000):
            beantwoord_bewaarvraag(qtbot, "Bewaren")
    assert venster.isVisible() and "in gebruik" in paneel.melding.text()
    assert GesprekService(database).aantal() == 0
    venster.close()
    beantwoord_bewaarvraag(qtbot, "Bewaren")
    qtbot.waitUntil(lambda: not venster.isVisible(), timeout=20_000)
    assert GesprekService(database).lees(paneel.gesprek_id or 0).invoer.doel == "Een vast ritme"


@pytest.fixture
def ouder(qtbot: QtBot) -> QWidget:
    """The window the dialog belongs to (kept alive by the test)."""
    venster = QWidget()
    qtbot.addWidget(venster)
    venster.show()
    return venster


def _terugblik(
    database: Database, ouder: QWidget, context: AppContext
) -> tuple[TerugblikDialoog, int]:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    d = open_terugblik(ouder, context, gesprek)
    d.coach.cijfers["coach_totaal"].setValue(8)
    d.coach.opmerking.setPlainText("Goed gestart.")
    return d, gesprek


def test_a_terugblik_saves_in_the_background_and_it_lands(
    qtbot: QtBot, database: Database, ouder: QWidget
) -> None:
    context = AppContext(database, "anna")
    d, gesprek = _terugblik(database, ouder, context)
    with qtbot.waitSignal(d.bewaard, timeout=20_000) as bewaard:
        d.bewaar_knop.click()
        assert d.bewaart and d.melding.text() == "Bezig met bewaren…"
        assert not d.bewaar_knop.isEnabled() and not d.sluit_knop.isEnabled()
        d.reject()  # Escape while saving: the dialog waits for the outcome
        assert d.isVisible()
    [t] = TerugblikService(database).lijst(gesprek)
    assert bewaard.args[0] == t.id and t.invoer.coach_totaal == 8
    assert d.terugblik_id == t.id and d.eerder.count() == 2  # listed and chosen
    assert "bewaard" in d.melding.text() and d.sluit_knop.isEnabled()


def test_a_failed_terugblik_save_keeps_the_dialog_open_with_a_dutch_message(
    qtbot: QtBot, database: Database, db_pad: Path, ouder: QWidget
) -> None:
    context = AppContext(database, "anna")
    d, gesprek = _terugblik(database, ouder, context)
    with vergrendeld(db_pad):
        melding = bewaren_mislukt(qtbot, d, timeout=60_000)
    assert "in gebruik" in melding and d.melding.text() == melding
    assert d.isVisible() and d.bewaar_knop.isEnabled() and d.sluit_knop.isEnabled()
    assert d.coach.cijfers["coach_totaal"].value() == 8  # nothing the coach filled in is lost
    assert TerugblikService(database).lijst(gesprek) == []
    with qtbot.waitSignal(d.bewaard, timeout=20_000):
        d.bewaar()
    assert len(TerugblikService(database).lijst(gesprek)) == 1
