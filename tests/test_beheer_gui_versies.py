"""A stale save in the kenmerken editor: refused with who and when, and the input stays.

Jan saves kenmerk 1.7 in his own app (another engine on the same file) while the editor here
has it open with typed changes. The save here is refused, the typed text stays on screen next
to what Jan stored, and a second save is a deliberate one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import beheerders, kenmerken
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.kenmerken_view import KenmerkenView
from keuzehulp.ui.context import AppContext
from tests.conftest import TEST_GEBRUIKER
from tests.gui_beheer_hulp import geef_reden

LINKS = Qt.MouseButton.LeftButton


@pytest.fixture
def jan(db_url: str, database: Database) -> Iterator[Database]:
    beheerders.voeg_beheerder_toe(database, TEST_GEBRUIKER, "jan")
    bewaar_profiel(database, "jan", maak_profiel(naam="Jan de Vries", email="jan@werkzaak.nl"))
    opstart = open_catalogus(db_url, "jan", ())
    yield opstart.database
    opstart.database.sluit()


def _kenmerk(db: Database, code: str) -> kenmerken.KenmerkRegel:
    return next(r for r in kenmerken.kenmerken_boom(db) if r.code == code)


def _editor(qtbot: QtBot, database: Database) -> tuple[BeheerTab, KenmerkenView]:
    tab = BeheerTab(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    tab.tabs.setCurrentWidget(tab.kenmerken)
    qtbot.waitUntil(lambda: not tab.kenmerken.laadt)  # the tree loads in the background
    return tab, tab.kenmerken


def _jan_slaat_op(jan: Database) -> None:
    r = _kenmerk(jan, "1.7")
    kenmerken.bewaar_kenmerk(
        jan, "jan", "1.7", r.versie, "Van Jan", r.uitleg, "Tekst van Jan.", "", "jan"
    )


def test_stale_kenmerk_save_keeps_the_input_and_names_who(
    qtbot: QtBot, database: Database, jan: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    meldingen: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, t, m, *a: meldingen.append((t, m)))
    _tab, view = _editor(qtbot, database)
    view.kies("1.7")
    view.naam.clear()
    qtbot.keyClicks(view.naam, "Zelfkennis")
    view.uitleg_client.setPlainText("Je weet wat je goed kunt.")
    _jan_slaat_op(jan)
    view.ververs()  # what the "catalogue changed" event does: the typing stays
    qtbot.waitUntil(lambda: not view.laadt)
    assert view.naam.text() == "Zelfkennis"
    assert not view.conflict_hint.isVisible()

    qtbot.mouseClick(view.opslaan_knop, LINKS)
    geef_reden(qtbot, "duidelijker")
    qtbot.waitUntil(lambda: bool(meldingen))
    qtbot.waitUntil(lambda: view.conflict_hint.isVisible())  # after the tree has reloaded
    titel, melding = meldingen[0]
    assert titel == "Iemand anders was u voor"
    assert melding.startswith("‘1.7 Van Jan’ is intussen gewijzigd door Jan de Vries (jan), ")
    assert "Uw wijziging is niet opgeslagen; wat u invulde staat nog in het scherm." in melding
    # Jan's change is stored, untouched; the editor still shows what was typed here ...
    assert (_kenmerk(database, "1.7").naam, _kenmerk(database, "1.7").uitleg_client) == (
        "Van Jan",
        "Tekst van Jan.",
    )
    assert view.naam.text() == "Zelfkennis"
    assert view.uitleg_client.toPlainText() == "Je weet wat je goed kunt."
    # ... and says what is stored now.
    assert view.conflict_hint.isVisible()
    assert view.conflict_hint.text().startswith("Intussen opgeslagen: ‘1.7 Van Jan’.")
    assert view.nieuw_laden_knop.isVisible()

    # Saving again is a deliberate choice, made after seeing Jan's change: it goes through.
    qtbot.mouseClick(view.opslaan_knop, LINKS)
    geef_reden(qtbot, "toch mijn tekst")
    qtbot.waitUntil(lambda: _kenmerk(database, "1.7").naam == "Zelfkennis")
    assert len(meldingen) == 1
    assert _kenmerk(database, "1.7").uitleg_client == "Je weet wat je goed kunt."
    qtbot.waitUntil(lambda: not view.conflict_hint.isVisible())


def test_after_a_refusal_the_stored_values_can_be_loaded(
    qtbot: QtBot, database: Database, jan: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    meldingen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, m, *a: meldingen.append(m))
    _tab, view = _editor(qtbot, database)
    view.kies("1.7")
    view.naam.clear()
    qtbot.keyClicks(view.naam, "Zelfkennis")
    _jan_slaat_op(jan)
    qtbot.mouseClick(view.opslaan_knop, LINKS)
    geef_reden(qtbot, "duidelijker")
    qtbot.waitUntil(lambda: view.nieuw_laden_knop.isVisible())
    qtbot.mouseClick(view.nieuw_laden_knop, LINKS)
    assert view.naam.text() == "Van Jan"
    assert view.uitleg_client.toPlainText() == "Tekst van Jan."
    assert not view.conflict_hint.isVisible()
    assert not view.heeft_wijzigingen()
    assert len(meldingen) == 1
