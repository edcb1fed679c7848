"""Ctrl+C (SIGINT) and SIGTERM close the main window as its close button does: the question
about unsaved work where that applies, the workers stopped, exit status 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.ui import afsluitsignalen
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.onopgeslagen import TITEL
from tests.conftest import TEST_GEBRUIKER
from tests.gui_bewaarvraag_hulp import beantwoord_bewaarvraag, wacht_op_bewaarvraag
from tests.gui_gesprek_hulp import zet_profiel

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    zet_profiel(database, TEST_GEBRUIKER)
    hoofd = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(hoofd)
    hoofd.show()
    qtbot.waitExposed(hoofd)
    voor = {s: signal.getsignal(s) for s in afsluitsignalen.SIGNALEN}
    signalen = afsluitsignalen.installeer(hoofd)
    yield hoofd
    signalen.herstel()
    assert {s: signal.getsignal(s) for s in afsluitsignalen.SIGNALEN} == voor
    assert signal.set_wakeup_fd(-1) == -1  # no wakeup fd left behind


def _open_vragen() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.isVisible() and w.windowTitle() == TITEL
    ]


def test_sigterm_closes_the_window_through_its_close_path(
    qtbot: QtBot, venster: MainWindow
) -> None:
    with qtbot.waitSignal(venster.wordt_gesloten, timeout=10000):
        os.kill(os.getpid(), signal.SIGTERM)
    assert not venster.isVisible()


def test_ctrl_c_asks_about_unsaved_work_first(qtbot: QtBot, venster: MainWindow) -> None:
    """As the close button: "Wijzigingen bewaren?"; a second Ctrl+C while it is open does not
    stack a second question; Annuleren keeps the window and the work."""
    paneel = venster.gesprek.paneel
    qtbot.keyClicks(paneel.doel.doel, "Een vast ritme")
    gesloten: list[bool] = []
    venster.wordt_gesloten.connect(lambda: gesloten.append(True))
    os.kill(os.getpid(), signal.SIGINT)  # no KeyboardInterrupt in the test: handled
    wacht_op_bewaarvraag(qtbot)
    os.kill(os.getpid(), signal.SIGINT)
    qtbot.wait(50)  # let the notifier deliver it (nothing timed is asserted)
    assert len(_open_vragen()) == 1
    beantwoord_bewaarvraag(qtbot, "Annuleren")
    assert venster.isVisible() and gesloten == []
    assert paneel.doel.doel.toPlainText() == "Een vast ritme"
    os.kill(os.getpid(), signal.SIGTERM)
    beantwoord_bewaarvraag(qtbot, "Niet bewaren")
    qtbot.waitUntil(lambda: not venster.isVisible())
    assert gesloten == [True]


_BIJ_HET_VULLEN = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow

_exec = QApplication.exec
def exec_(*_a):
    from keuzehulp.ui.lancering import Lancering
    for venster in QApplication.instance().topLevelWidgets():
        if isinstance(venster, QMainWindow):
            venster.wordt_gesloten.connect(lambda: print("GESLOTEN", flush=True))
            lancering = venster.findChild(Lancering)
            lancering.klaar.connect(lambda: print("KLAAR", flush=True))
    return _exec()
QApplication.exec = exec_
import keuzehulp.cli.main as hoofd
sys.exit(hoofd.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("signaal", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_the_real_app_ends_cleanly_on_a_signal(
    catalogus_url: str, tmp_path: Path, signaal: signal.Signals
) -> None:
    """The real entry point, offscreen: once the window is filled in, the signal closes it
    through its close path; exit status 0, nothing of ours on stderr (no traceback, no English)."""
    omgeving = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    proces = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _BIJ_HET_VULLEN,
            "--database",
            catalogus_url,
            "--gebruiker",
            TEST_GEBRUIKER,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=omgeving,
    )
    try:
        assert proces.stdout is not None
        regel = proces.stdout.readline()
        assert regel == "KLAAR\n", regel + proces.communicate(timeout=60)[1]
        proces.send_signal(signaal)
        uit, fout = proces.communicate(timeout=60)
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.communicate()
    assert proces.returncode == 0, fout
    assert uit == "GESLOTEN\n"
    # The offscreen platform plugin's own line (as in pyproject's qt_log_ignore): not ours.
    regels = [r for r in fout.splitlines() if "does not support propagateSizeHints" not in r]
    assert regels == []
