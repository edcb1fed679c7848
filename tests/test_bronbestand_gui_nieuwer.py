"""The import preview lists newer catalogue work and applies only after the box is ticked."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten as editor
from keuzehulp.services.beheer.beheerders import voeg_beheerder_toe
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from tests.beheer_hulp import nieuw
from tests.bronbestand_werkmappen import dump
from tests.conftest import TEST_GEBRUIKER

SCHERMAFDRUK = os.environ.get("KEUZEHULP_SCHERMAFDRUK")  # a folder: save a PNG there


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    w = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w


def test_newer_work_needs_the_box_ticked(
    qtbot: QtBot,
    venster: MainWindow,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = nieuw(database, "Coaching A, Stap Verder")
    b = nieuw(database, "Training B")
    for ident in (a, b):
        editor.publiceer(database, TEST_GEBRUIKER, ident, 1, "klaar")
    voeg_beheerder_toe(database, TEST_GEBRUIKER, "marieke")
    pad = tmp_path / "export.xlsx"
    exporteer(database, pad)
    editor.parkeer(database, "marieke", a, editor.open_instrument(database, a).versie, "gestopt")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(pad), "Excel-werkmap (*.xlsx)")
    )
    venster.bronbestand.actie_importeren.trigger()
    qtbot.waitUntil(lambda: venster.bronbestand.voorbeeld is not None, timeout=10000)
    dialoog = venster.bronbestand.voorbeeld
    assert dialoog is not None
    assert dialoog.tabs.currentIndex() == 3
    assert dialoog.tabs.tabText(3) == "Na de export &gewijzigd (1)"
    rij = dialoog.nieuwer.topLevelItem(0)
    assert [rij.text(k) for k in (0, 1, 2, 4, 5)] == [
        "Coaching A, Stap Verder",
        "Status",
        "marieke",
        "geparkeerd",
        "actief",
    ]
    assert "Let op:" in dialoog.kop.text()
    assert dialoog.overschrijven.isVisible() and not dialoog.overschrijven.isChecked()
    assert not dialoog.toepassen.isEnabled()
    if SCHERMAFDRUK:
        dialoog.resize(1100, 560)
        qtbot.wait(50)
        dialoog.grab().save(str(Path(SCHERMAFDRUK) / "import-nieuwer.png"))
    dialoog.overschrijven.click()
    assert dialoog.toepassen.isEnabled()
    # B is parked after the dry run: the confirmation does not cover it, the apply stops.
    editor.parkeer(database, "marieke", b, editor.open_instrument(database, b).versie, "vol")
    voor = dump(database)
    qtbot.mouseClick(dialoog.toepassen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialoog.tabs.tabText(3).endswith("(2)"), timeout=10000)
    assert dump(database) == voor
    assert "gewijzigd sinds de proefimport" in dialoog.kop.text()
    assert not dialoog.overschrijven.isChecked() and not dialoog.toepassen.isEnabled()
    dialoog.overschrijven.click()
    with qtbot.waitSignal(venster.context.gebeurtenissen.catalogus_gewijzigd, timeout=10000):
        qtbot.mouseClick(dialoog.toepassen, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialoog.isVisible(), timeout=10000)
    for ident in (a, b):
        assert editor.open_instrument(database, ident).gegevens.status == InstrumentStatus.ACTIEF
