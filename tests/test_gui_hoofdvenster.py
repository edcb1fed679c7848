"""The main window opens on the catalogue and says where the data lives."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.services.opstart import open_catalogus
from keuzehulp.ui.app import maak_hoofdvenster, open_of_meld
from keuzehulp.ui.over_dialog import OverDialog
from keuzehulp.ui.voorladen import VOORLADEN
from tests.conftest import TEST_GEBRUIKER


def test_main_window_opens_and_over_shows_database_location(
    qtbot: QtBot, db_url: str, db_pad: Path
) -> None:
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    venster.show()
    qtbot.waitExposed(venster)
    assert venster.windowTitle().startswith("Keuzehulp")
    assert venster.tabs.count() >= 2
    dialoog = venster.toon_over()
    qtbot.addWidget(dialoog)
    assert isinstance(dialoog, OverDialog)
    assert dialoog.locatie.text() == str(db_pad.resolve())
    dialoog.close()
    opstart.database.sluit()


def test_unusable_database_shows_a_dutch_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = tmp_path / "tekst.sqlite"
    pad.write_text("geen database", encoding="utf-8")
    meldingen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, titel, tekst, *a: meldingen.append((titel, tekst))
    )
    assert open_of_meld(f"sqlite:///{pad}", TEST_GEBRUIKER) is None
    assert meldingen and meldingen[0][0] == "Keuzehulp kan niet starten"
    assert "geen database van de keuzehulp" in meldingen[0][1]
    assert pad.read_text(encoding="utf-8") == "geen database"


def test_menu_and_tab_mnemonics_do_not_clash(qtbot: QtBot, db_url: str) -> None:
    """Alt+letter must lead to exactly one place among the menus and the main tabs."""
    import re

    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    teksten = [a.text() for a in venster.menuBar().actions()]
    teksten += [venster.tabs.tabText(i) for i in range(venster.tabs.count())]
    letters = [m.group(1).lower() for t in teksten if (m := re.search(r"&(\w)", t))]
    assert len(letters) == len(teksten)  # every menu and tab has one
    assert len(set(letters)) == len(letters), teksten
    opstart.database.sluit()


def test_beheer_screens_are_built_on_first_use(qtbot: QtBot, db_url: str) -> None:
    """A werkcoach's start does not pay for the Beheer tab; opening it builds it."""
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    venster.show()
    assert venster._beheer_tab is None
    venster.tabs.setCurrentWidget(venster.beheer_pagina)
    assert venster._beheer_tab is not None
    assert venster._beheer_tab.isVisible()
    venster.tabs.setCurrentIndex(0)
    next(a for a in venster.menu_beheer.actions() if a.text() == "&Mutatielog").trigger()
    assert venster.tabs.currentWidget() is venster.beheer_pagina
    assert venster.beheer.tabs.currentWidget() is venster.beheer.log
    opstart.database.sluit()


def test_a_user_name_holding_a_bsn_gets_a_message_box(
    qtbot: QtBot, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    meldingen: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, tekst, *a: meldingen.append(tekst))
    assert open_of_meld(db_url, "111222333") is None
    assert meldingen and "BSN" in meldingen[0]


def test_a_launched_window_paints_before_its_background_loads(
    qtbot: QtBot, catalogus_url: str
) -> None:
    """`laad_later` (the real launch): the loads wait for the first paint, then fill in."""
    opstart = open_catalogus(catalogus_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart, laad_later=True)
    qtbot.addWidget(venster)
    taken = venster.context.taken
    assert taken.aantal_bezig >= 2  # the search index and the catalogue version
    assert taken.pool.activeThreadCount() == 0  # held until the window has painted
    assert venster.zoeken.laadt
    with qtbot.waitSignal(venster.zoeken.catalogus_geladen, timeout=20000):
        venster.show()
    qtbot.waitUntil(lambda: "52 instrumenten" in venster.zoeken.aantal.text())  # the sample
    assert venster.zoeken.resultaten_model.rowCount() > 0
    qtbot.waitUntil(lambda: venster.versie_label.text().startswith("Catalogus"))
    taken.wacht(10_000)
    opstart.database.sluit()


def test_the_screen_preload_waits_until_the_launch_work_is_done(
    qtbot: QtBot, catalogus_url: str
) -> None:
    """The background import of the Beheer/Inzicht modules starts only once the runner is
    idle and the text index is built: it must not compete with the catalogue filling in."""
    opstart = open_catalogus(catalogus_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart, laad_later=True)
    qtbot.addWidget(venster)
    taken = venster.context.taken
    vrij = threading.Event()
    taken.start_functie(lambda: vrij.wait(20), "nog bezig")  # other launch work, still running
    with qtbot.waitSignal(venster.zoeken.catalogus_geladen, timeout=20000):
        venster.show()
    qtbot.wait(600)  # three turns of the preload's check
    assert not venster.voorladen_gestart
    vrij.set()
    qtbot.waitUntil(lambda: venster.voorladen_gestart, timeout=10_000)
    assert venster.zoeken.service.tekst_klaar
    qtbot.waitUntil(lambda: venster.voorlader.klaar, timeout=10_000)
    assert all(naam in sys.modules for naam in VOORLADEN)
    taken.wacht(10_000)
    opstart.database.sluit()
