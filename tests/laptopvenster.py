"""The real main window at the size of a 1366x768 laptop, shared by the screen-size GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from keuzehulp.services.opstart import open_catalogus
from keuzehulp.ui.app import maak_hoofdvenster
from keuzehulp.ui.main_window import MainWindow
from tests.conftest import TEST_GEBRUIKER

LAPTOP = (1366, 768)


@contextmanager
def laptopvenster(qtbot: QtBot, map: Path) -> Iterator[MainWindow]:
    """The main window on a new SQLite catalogue in `map` with the sample catalogue (the
    standard first-start import), resized to LAPTOP, shown and exposed; closed after."""
    opstart = open_catalogus(f"sqlite:///{map / 'k.sqlite'}", TEST_GEBRUIKER)
    hoofd = maak_hoofdvenster(opstart)
    qtbot.addWidget(hoofd)
    hoofd.resize(*LAPTOP)
    hoofd.show()
    qtbot.waitExposed(hoofd)
    try:
        yield hoofd
    finally:
        hoofd.close()
        opstart.database.sluit()
