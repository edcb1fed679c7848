"""The launch (ui/lancering.py): the empty window shows "Catalogus laden…", a thread opens
the catalogue after the first paint, then the screens are built in the same window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.services.catalogus_info import catalogus_info
from keuzehulp.ui.lancering import Lancering
from keuzehulp.ui.main_window import LADEN, MainWindow
from tests.conftest import TEST_GEBRUIKER


def _lanceer(qtbot: QtBot, url: str, gebruiker: str = TEST_GEBRUIKER) -> Lancering:
    venster = MainWindow(laad_later=True)
    qtbot.addWidget(venster)
    lancering = Lancering(venster, url, gebruiker)
    return lancering


def test_the_window_shows_loading_then_fills_in(qtbot: QtBot, catalogus_url: str) -> None:
    lancering = _lanceer(qtbot, catalogus_url)
    venster = lancering.parent()
    assert isinstance(venster, MainWindow)
    assert not venster.gevuld
    assert venster.tabs.count() == 1 and venster.tabs.widget(0).accessibleName() == LADEN
    assert not venster.menu_bestand.isEnabled()  # its actions come with the screens
    assert venster.cursor().shape() == Qt.CursorShape.BusyCursor
    with qtbot.waitSignal(lancering.klaar, timeout=30000):
        venster.show()  # the opening waits for this first paint
    assert venster.gevuld and not lancering.mislukt
    assert venster.tabs.widget(0) is venster.zoeken
    assert venster.menu_bestand.isEnabled() and venster.menu_bestand.actions()
    assert venster.cursor().shape() == Qt.CursorShape.ArrowCursor
    # The loads start once the filled-in window has painted.
    qtbot.waitUntil(lambda: "52 instrumenten" in venster.zoeken.aantal.text(), timeout=30000)
    venster.close()
    lancering.sluit()
    assert venster.context.taken.pool.activeThreadCount() == 0  # `sluit` let the work finish


def test_a_catalogue_that_cannot_be_opened_says_why_and_closes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pad = tmp_path / "tekst.sqlite"
    pad.write_text("geen database", encoding="utf-8")
    meldingen: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "critical", lambda _p, titel, tekst, *a: meldingen.append((titel, tekst))
    )
    lancering = _lanceer(qtbot, f"sqlite:///{pad}")
    venster = lancering.parent()
    assert isinstance(venster, MainWindow)
    with qtbot.waitSignal(lancering.klaar, timeout=30000):
        venster.show()
    assert lancering.mislukt and not venster.gevuld
    assert meldingen and meldingen[0][0] == "Keuzehulp kan niet starten"
    assert "geen database van de keuzehulp" in meldingen[0][1]
    assert not venster.isVisible()
    lancering.sluit()
    assert pad.read_text(encoding="utf-8") == "geen database"


def test_a_new_catalogue_gets_the_sample_and_its_first_user_is_beheerder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEUZEHULP_VOORBEELD", "ja")  # as scripts/start.sh: no question
    lancering = _lanceer(qtbot, f"sqlite:///{tmp_path / 'nieuw.sqlite'}")
    venster = lancering.parent()
    assert isinstance(venster, MainWindow)
    with qtbot.waitSignal(lancering.klaar, timeout=60000):
        venster.show()
    assert venster.gevuld and lancering.opstart is not None and lancering.opstart.nieuw
    assert catalogus_info(lancering.opstart.database).actief == 52
    assert venster.context.inzicht.is_beheerder()
    assert "eerste gebruiker en daarom beheerder" in venster.statusBar().currentMessage()
    venster.close()
    lancering.sluit()


def test_closing_before_the_first_paint_opens_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    pad = tmp_path / "nieuw.sqlite"
    lancering = _lanceer(qtbot, f"sqlite:///{pad}")
    venster = lancering.parent()
    assert isinstance(venster, MainWindow)
    venster.show()
    venster.close()  # before the event loop painted it
    qtbot.wait(100)
    lancering.sluit()
    assert lancering._draad is None and lancering.opstart is None
    assert not pad.exists()  # nothing opened, nothing created


def test_closing_while_the_catalogue_opens_leaves_nothing_open(
    qtbot: QtBot, catalogus_url: str
) -> None:
    lancering = _lanceer(qtbot, catalogus_url)
    venster = lancering.parent()
    assert isinstance(venster, MainWindow)
    venster.show()
    qtbot.waitUntil(lambda: lancering._draad is not None)
    venster.close()  # before (or while) the thread opens the catalogue
    assert venster.onbewaarde_werken() == []
    lancering.sluit()  # the thread stops (or finishes opening); what it opened is closed
    assert lancering._draad is not None and not lancering._draad.is_alive()
    qtbot.wait(50)  # a result that arrives for a closed window builds nothing
    geopend = lancering.opstart or lancering._uitslag
    if geopend is not None:  # it was opened: `sluit` closed it (no connection left)
        assert geopend.database.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    assert not venster.gevuld and not lancering.mislukt


def _bij_het_zoekscherm(venster: MainWindow, doe: object) -> None:
    """Call `doe()` in the turn that puts the Zoeken screen in (the launch's first step)."""

    def bij_wissel(_index: int) -> None:
        if getattr(venster, "zoeken", None) is not None and not gedaan:
            gedaan.append(True)
            doe()  # type: ignore[operator]

    gedaan: list[bool] = []
    venster.tabs.currentChanged.connect(bij_wissel)


def test_closing_while_the_screens_are_built_stops_building(
    qtbot: QtBot, catalogus_url: str
) -> None:
    lancering = _lanceer(qtbot, catalogus_url)
    venster = lancering.parent()
    assert isinstance(venster, MainWindow)
    _bij_het_zoekscherm(venster, venster.close)
    with qtbot.waitSignal(lancering.klaar, timeout=30000):
        venster.show()
    assert hasattr(venster, "zoeken") and not venster.isVisible()
    assert not venster.gevuld and not hasattr(venster, "gesprek")  # nothing more was built
    lancering.sluit()
    assert venster.context.taken.pool.activeThreadCount() == 0


def test_the_screens_are_built_one_per_turn_zoeken_first(qtbot: QtBot, catalogus_url: str) -> None:
    lancering = _lanceer(qtbot, catalogus_url)
    venster = lancering.parent()
    assert isinstance(venster, MainWindow)
    bij_zoeken: list[tuple[bool, bool, bool]] = []
    _bij_het_zoekscherm(
        venster,
        lambda: bij_zoeken.append(
            (venster.gevuld, hasattr(venster, "gesprek"), venster.menu_bestand.isEnabled())
        ),
    )
    with qtbot.waitSignal(lancering.klaar, timeout=30000):
        venster.show()
    assert bij_zoeken == [(False, False, False)]  # Zoeken came first, alone in its turn
    assert venster.gevuld and venster.menu_bestand.isEnabled()
    assert venster.tabs.widget(0) is venster.zoeken
    assert venster.tabs.indexOf(venster.beheer_pagina) > 0 and hasattr(venster, "volger")
    venster.close()
    lancering.sluit()


def test_an_old_catalogue_is_upgraded_in_the_launch_thread(qtbot: QtBot, tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from keuzehulp.model.migratie import alembic_config
    from keuzehulp.services.opstart import open_catalogus

    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    open_catalogus(url, TEST_GEBRUIKER, ()).database.sluit()
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")  # one schema version back
    engine.dispose()
    lancering = _lanceer(qtbot, url)
    venster = lancering.parent()
    assert isinstance(venster, MainWindow)
    with qtbot.waitSignal(lancering.klaar, timeout=60000):
        venster.show()
    assert venster.gevuld and lancering.opstart is not None
    assert lancering.opstart.reservekopie is not None and lancering.opstart.reservekopie.exists()
    assert "De database is bijgewerkt" in venster.statusBar().currentMessage()
    venster.close()
    lancering.sluit()


# The real entry point, closed as soon as the launch thread runs: the window goes at once.
_SLUIT_TIJDENS_HET_LADEN = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from keuzehulp.ui import app

def kijk():
    qt = QApplication.instance()
    vensters = [w for w in qt.topLevelWidgets() if type(w).__name__ == "MainWindow"]
    if any(d.name == "keuzehulp-start" for d in threading.enumerate()) and vensters:
        venster = vensters[0]
        if sys.argv[-1] == "sluit":
            venster.close()
        else:
            qt.quit()  # the event loop ends, the window was not closed
        print("GESLOTEN", venster.gevuld, flush=True)
        return
    QTimer.singleShot(1, kijk)

_exec = QApplication.exec
def exec_(*_a):
    QTimer.singleShot(0, kijk)
    code = _exec()
    return code
QApplication.exec = exec_
from keuzehulp.ui.lancering import Lancering
_orig_sluit = Lancering.sluit
def sluit(self):
    _orig_sluit(self)
    print("ZICHTBAAR", self._venster.isVisible(), flush=True)
Lancering.sluit = sluit
from keuzehulp.cli.main import main
sys.exit(main(sys.argv[1:-1]))
"""


@pytest.mark.parametrize("hoe", ["sluit", "quit"])
def test_the_real_launch_closed_while_loading_exits_cleanly_and_leaves_a_whole_database(
    tmp_path: Path, hoe: str
) -> None:
    """Closed (or quit) while the launch thread works, on an old catalogue it upgrades: exit
    code 0, no traceback, the window gone, and the database either untouched (0008) or fully
    upgraded (0009), never in between; it opens afterwards."""
    import os
    import subprocess
    import sys

    from alembic import command
    from sqlalchemy import create_engine

    from keuzehulp.model.migratie import SCHEMA_HEAD, alembic_config, lees_revisie
    from keuzehulp.services.opstart import open_catalogus

    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    open_catalogus(url, TEST_GEBRUIKER, ()).database.sluit()
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    engine.dispose()
    omgeving = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parent.parent),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    opdracht = [sys.executable, "-c", _SLUIT_TIJDENS_HET_LADEN, "--database", url]
    uit = subprocess.run(
        [*opdracht, "--gebruiker", TEST_GEBRUIKER, hoe],
        capture_output=True,
        text=True,
        env=omgeving,
        timeout=120,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    assert "Traceback" not in uit.stderr and "Fatal Python error" not in uit.stderr
    assert "GESLOTEN False" in uit.stdout  # closed before the screens were built
    assert "ZICHTBAAR False" in uit.stdout  # the window is gone before the thread is waited for
    engine = create_engine(url)
    with engine.connect() as conn:
        assert lees_revisie(conn) in ("0008", SCHEMA_HEAD)
    engine.dispose()
    open_catalogus(url, TEST_GEBRUIKER, ()).database.sluit()  # whole: it opens (and upgrades)
