"""The connection banner: working on the local copy, reconnecting, a lost connection.

The "server" here is a second SQLite catalogue that is missing at first (so connecting to it
fails) and then appears: the GUI's reconnecting path is the same as with PostgreSQL, which
tests/test_offline.py covers below the GUI.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.engine import URL

from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.lokalekopie import maak_kopie
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.offline import open_offline
from keuzehulp.services.opstart import Opstart, open_catalogus
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui import verbindingsbalk
from keuzehulp.ui.app import maak_hoofdvenster
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.verbindingsbalk import VERBROKEN, Verbindingsbalk
from tests.conftest import TEST_GEBRUIKER
from tests.laptopvenster import LAPTOP


def _balk(venster: MainWindow) -> Verbindingsbalk:
    return venster.findChild(Verbindingsbalk)  # type: ignore[return-value]


@pytest.fixture
def offline_venster(
    qtbot: QtBot, voorbeeld_sjabloon: Path, tmp_path: Path
) -> tuple[MainWindow, Opstart, Path]:
    bron = open_catalogus(f"sqlite:///{voorbeeld_sjabloon}", TEST_GEBRUIKER, ())
    maak_kopie(bron.database, TEST_GEBRUIKER)
    bron.database.sluit()
    server = tmp_path / "server" / "keuzehulp.sqlite"
    db, staat = open_offline(URL.create("sqlite", database=str(server)), "Server weg.")
    opstart = Opstart(db, TEST_GEBRUIKER, nieuw=False, reservekopie=None, offline=staat)
    venster = maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    venster.show()
    qtbot.waitExposed(venster)
    return venster, opstart, server


def test_the_banner_says_plainly_that_the_copy_is_used(
    qtbot: QtBot, offline_venster: tuple[MainWindow, Opstart, Path]
) -> None:
    venster, opstart, _server = offline_venster
    balk = _balk(venster)
    assert balk.isVisible()
    # The status bar names no working-file path: there is no server behind the screens.
    assert venster.statusBar().currentMessage() == "Database: lokale kopie (geen verbinding)"
    assert balk.tekst.text().startswith("Geen verbinding: je werkt met de catalogus van vandaag (")
    assert "Nieuwe poging over 2 seconden." in balk.tekst.text()
    assert balk.opnieuw.isVisible() and balk.opnieuw.isEnabled()
    assert not balk.herstart.isVisible()
    qtbot.waitUntil(lambda: venster.context.taken.aantal_bezig == 0, timeout=10_000)
    opstart.database.sluit()


def test_the_banner_is_whole_on_a_laptop(
    qtbot: QtBot, offline_venster: tuple[MainWindow, Opstart, Path]
) -> None:
    """At 1366x768 every line of the banner is in sight, beside "Opnieuw verbinden"."""
    venster, opstart, _server = offline_venster
    venster.resize(*LAPTOP)
    QApplication.processEvents()
    balk = _balk(venster)
    assert venster.width() == LAPTOP[0] and balk.isVisible()
    tekst = balk.tekst
    assert tekst.height() >= tekst.heightForWidth(tekst.width())  # nothing cut off
    knop = balk.opnieuw
    assert knop.isVisible() and knop.text() == "Opnieuw verbinden"
    assert knop.mapTo(venster, QPoint(knop.width(), 0)).x() <= venster.width()
    assert knop.width() >= knop.sizeHint().width()
    qtbot.waitUntil(lambda: venster.context.taken.aantal_bezig == 0, timeout=10_000)
    opstart.database.sluit()


def test_reconnecting_sends_the_offline_gesprek_and_offers_a_restart(
    qtbot: QtBot,
    offline_venster: tuple[MainWindow, Opstart, Path],
    voorbeeld_sjabloon: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    venster, opstart, server = offline_venster
    balk = _balk(venster)
    werk = opstart.database
    with werk.lezen() as s:
        ids = list(s.scalars(select(Gesprek.id)))
    assert ids == []
    zoeken = venster.zoeken
    qtbot.waitUntil(lambda: zoeken.service.geladen, timeout=10_000)
    iid = zoeken.service.zoek(ZoekVraag()).ids[0]
    gesprek = GesprekService(werk).bewaar(
        GesprekInvoer(opties=(Optie(instrument_id=iid),), keuze_id=iid), TEST_GEBRUIKER
    )

    # Still unreachable: the attempt fails and the next one is planned.
    qtbot.mouseClick(balk.opnieuw, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: balk.opnieuw.isEnabled(), timeout=10_000)
    assert "Nieuwe poging over 5 seconden." in balk.tekst.text()

    # The server is back.
    server.parent.mkdir()
    shutil.copyfile(voorbeeld_sjabloon, server)
    qtbot.mouseClick(balk.opnieuw, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "database is terug." in balk.tekst.text(), timeout=20_000)
    assert balk.herstart.isVisible() and not balk.opnieuw.isVisible()
    terug = open_catalogus(f"sqlite:///{server}", TEST_GEBRUIKER, ())
    try:
        with terug.database.lezen() as s:
            assert list(s.execute(select(Gesprek.uuid, Gesprek.id))) == [(gesprek.uuid, 1)]
        # The coach finds it by its new number on the server.
        assert "1 offline gesprek is naar de database gestuurd (nu gesprek 1)." in (
            balk.tekst.text()
        )
    finally:
        terug.database.sluit()

    gestart: list[bool] = []
    monkeypatch.setattr(verbindingsbalk, "start_nieuw_proces", lambda: gestart.append(True) or True)
    qtbot.mouseClick(balk.herstart, Qt.MouseButton.LeftButton)
    assert gestart == [True] and not venster.isVisible()
    qtbot.waitUntil(lambda: venster.context.taken.aantal_bezig == 0, timeout=10_000)
    werk.sluit()


def test_a_lost_connection_is_reported_and_the_return_too(qtbot: QtBot, catalogus_url: str) -> None:
    opstart = open_catalogus(catalogus_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    venster.show()
    balk = verbindingsbalk.installeer(venster, venster.context, opstart)
    qtbot.waitUntil(lambda: venster.context.taken.aantal_bezig == 0, timeout=10_000)
    assert not balk.isVisible()  # all is well: no banner

    balk.verbroken.emit()  # what the engine's error hook does when the server goes away
    qtbot.waitUntil(lambda: balk.isVisible(), timeout=5_000)
    assert balk.tekst.text().startswith(VERBROKEN)
    qtbot.mouseClick(balk.opnieuw, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "is terug" in balk.tekst.text(), timeout=10_000)
    assert "U kunt weer bewaren" in balk.tekst.text()
    qtbot.waitUntil(lambda: venster.context.taken.aantal_bezig == 0, timeout=10_000)
    opstart.database.sluit()
