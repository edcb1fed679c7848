"""The open-gesprek dialog: search on reference, date, goal and choice; time; delete; retention."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from keuzehulp.model.db import Database
from keuzehulp.model.errors import NietGevondenFout
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer.beheerders import voeg_beheerder_toe
from keuzehulp.services.diensten import Diensten
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.gesprekarchief import bewaartermijn
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek import lijst_dialoog, vragen
from keuzehulp.ui.gesprek.lijst_dialoog import GesprekkenDialoog, Kolom
from keuzehulp.ui.gesprek.paneel import GesprekPaneel
from keuzehulp.ui.taken import Takenloper
from tests.conftest import TEST_GEBRUIKER
from tests.gui_gesprek_hulp import maak_instrumenten_met_feiten, open_gesprek

COACH = "adeboer"


def _gesprekken(database: Database) -> list[int]:
    """Three stored conversations: different references, goals, choices and dates."""
    ids = maak_instrumenten_met_feiten(database)
    service = GesprekService(database)
    nummers = []
    for referentie, doel, keuze in (
        ("Z-1001", "Weer een vast ritme in mijn week", ids[3]),
        ("Z-2002", "Binnen een half jaar werk vinden", ids[1]),
        (None, "Beter Nederlands spreken op het werk", None),
    ):
        invoer = GesprekInvoer(
            client_referentie=referentie,
            doel=doel,
            opties=(Optie(instrument_id=keuze or ids[2]),),
            keuze_id=keuze,
        )
        nummers.append(service.bewaar(invoer, COACH).id)
    # The first one was held on 12 March 2026 at 09:30 local time.
    moment = dt.datetime(2026, 3, 12, 9, 30).astimezone(dt.UTC)
    with database.wijzigen(MutatieContext(COACH, "gesprek")) as session:
        session.execute(
            update(Gesprek)
            .where(Gesprek.id == nummers[0])
            .values(aangemaakt_op=moment, gewijzigd_op=moment)
        )
    return nummers


@pytest.fixture
def dialoog(qtbot: QtBot, database: Database) -> GesprekkenDialoog:
    scherm = GesprekkenDialoog(Diensten.voor(database, COACH).gesprekken)
    qtbot.addWidget(scherm)
    return scherm


def _zoek(qtbot: QtBot, dialoog: GesprekkenDialoog, tekst: str) -> list[int]:
    dialoog.zoek.clear()
    qtbot.keyClicks(dialoog.zoek, tekst)
    dialoog.ververs()  # what the 200 ms timer does after typing
    return [dialoog.model.regel(r).id for r in range(dialoog.model.rowCount())]  # type: ignore[union-attr]


def test_search_on_reference_date_goal_and_choice(
    qtbot: QtBot, database: Database, dialoog: GesprekkenDialoog
) -> None:
    eerste, tweede, derde = _gesprekken(database)
    dialoog.ververs()
    assert dialoog.aantal.text() == "3 gesprekken"
    assert _zoek(qtbot, dialoog, "Z-2002") == [tweede]
    assert _zoek(qtbot, dialoog, "12-03-2026") == [eerste]
    assert _zoek(qtbot, dialoog, "03-2026") == [eerste]
    assert _zoek(qtbot, dialoog, "nederlands spreken") == [derde]
    assert _zoek(qtbot, dialoog, "sollicitatievaardigheden") == [tweede]  # the choice
    assert _zoek(qtbot, dialoog, "bestaat niet") == []
    assert dialoog.aantal.text() == "Niets gevonden."
    assert not dialoog.openen.isEnabled() and not dialoog.verwijder.isEnabled()

    # The line shows the date and the time (local), the reference, goal and choice.
    _zoek(qtbot, dialoog, "Z-1001")
    model = dialoog.model
    assert model.index(0, Kolom.DATUM).data() == "12-03-2026"
    assert model.index(0, Kolom.TIJD).data() == "09:30"
    assert model.index(0, Kolom.REFERENTIE).data() == "Z-1001"
    assert (
        model.index(0, Kolom.KEUZE).data() == "Activering Groen aan de slag, Stichting Uiterwaard"
    )
    assert model.headerData(Kolom.TIJD, Qt.Orientation.Horizontal) == "Tijd"
    assert dialoog.gekozen_id() == eerste and dialoog.openen.isEnabled()


def test_delete_asks_in_dutch_and_can_be_refused(
    qtbot: QtBot,
    database: Database,
    dialoog: GesprekkenDialoog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    eerste, tweede, derde = _gesprekken(database)
    dialoog.ververs()
    gevraagd: list[str] = []
    antwoord = [False]

    def vraag(_ouder: object, titel: str, tekst: str, **_k: object) -> bool:
        gevraagd.append(tekst)
        return antwoord[0]

    monkeypatch.setattr(lijst_dialoog, "vraag_ja_nee", vraag)
    _zoek(qtbot, dialoog, "Z-1001")
    with qtbot.assertNotEmitted(dialoog.verwijderd):
        qtbot.mouseClick(dialoog.verwijder, Qt.MouseButton.LeftButton)
    assert gevraagd == [
        f"Wilt u gesprek {eerste} van 12 maart 2026 om 09:30 verwijderen? Het verdwijnt helemaal, "
        "ook uit de cijfers. Dit kunt u niet ongedaan maken."
    ]
    assert GesprekService(database).aantal() == 3

    antwoord[0] = True
    with qtbot.waitSignal(dialoog.verwijderd) as verwijderd:
        qtbot.mouseClick(dialoog.verwijder, Qt.MouseButton.LeftButton)
    assert verwijderd.args == [eerste]
    assert GesprekService(database).aantal() == 2
    with pytest.raises(NietGevondenFout):
        GesprekService(database).lees(eerste)
    assert dialoog.model.rowCount() == 0  # the search "Z-1001" finds nothing any more
    assert f"Gesprek {eerste} is verwijderd." in dialoog.melding.text()
    assert _zoek(qtbot, dialoog, "") == [derde, tweede]  # newest first


def test_deleting_the_open_conversation_empties_the_panel(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    nummers = _gesprekken(database)
    paneel = GesprekPaneel(AppContext(database, COACH))
    qtbot.addWidget(paneel)
    open_gesprek(qtbot, paneel, nummers[1])
    assert paneel.doel.referentie.text() == "Z-2002"

    def verwijder_en_sluit(dialoog: GesprekkenDialoog) -> int:
        assert dialoog.laadt  # the panel's list searches in the background
        qtbot.waitUntil(lambda: not dialoog.laadt)
        rij = dialoog.model.rij_van(nummers[1])
        dialoog.tabel.selectRow(rij)
        assert dialoog.verwijder_gekozen()
        return 0

    monkeypatch.setattr(vragen, "vraag_ja_nee", lambda *a, **k: True)
    monkeypatch.setattr(lijst_dialoog, "vraag_ja_nee", lambda *a, **k: True)
    monkeypatch.setattr(GesprekkenDialoog, "exec", verwijder_en_sluit)
    paneel.kies_gesprek()
    assert paneel.gesprek_id is None
    assert paneel.doel.referentie.text() == "" and paneel.korte_lijst.rowCount() == 0
    assert f"Gesprek {nummers[1]} is verwijderd." in paneel.melding.text()


def test_retention_is_shown_and_only_a_beheerder_changes_it(
    qtbot: QtBot, database: Database
) -> None:
    _gesprekken(database)
    coach = GesprekkenDialoog(Diensten.voor(database, COACH).gesprekken)
    qtbot.addWidget(coach)
    assert "na 12 maanden gewist" in coach.termijn_tekst.text()
    assert coach.termijn_rij.isHidden()

    voeg_beheerder_toe(database, TEST_GEBRUIKER, "beheer")
    beheer = GesprekkenDialoog(Diensten.voor(database, "beheer").gesprekken)
    qtbot.addWidget(beheer)
    assert not beheer.termijn_rij.isHidden()
    beheer.termijn.setValue(1)
    assert beheer.bewaar_termijn()
    assert bewaartermijn(database) == 1
    # The first conversation is from March 2026, more than a month ago: its reference went.
    assert "1 oudere referentie is gewist" in beheer.melding.text()
    assert GesprekService(database).zoek("Z-1001") == []
    assert "na 1 maand gewist" in beheer.termijn_tekst.text()
    assert beheer.termijn.text() == "1 maand"


def test_conversations_model_passes_the_model_tester(
    qtmodeltester: object, database: Database, dialoog: GesprekkenDialoog
) -> None:
    _gesprekken(database)
    dialoog.ververs()
    assert dialoog.model.rowCount() == 3
    qtmodeltester.check(dialoog.model)  # type: ignore[attr-defined]


def test_background_search_shows_only_the_newest_answer(qtbot: QtBot, database: Database) -> None:
    eerste, tweede, _derde = _gesprekken(database)
    taken = Takenloper()
    dialoog = GesprekkenDialoog(Diensten.voor(database, COACH).gesprekken, taken=taken)
    qtbot.addWidget(dialoog)
    assert dialoog.laadt and dialoog.aantal.text() == "Gesprekken worden gezocht…"
    for tekst in ("Z-1001", "Z-2002"):  # the second search supersedes the first
        dialoog.zoek.setText(tekst)
        dialoog.ververs()
    qtbot.waitUntil(lambda: not dialoog.laadt and taken.aantal_bezig == 0)
    assert [dialoog.model.regel(r).id for r in range(dialoog.model.rowCount())] == [tweede]  # type: ignore[union-attr]
    assert dialoog.aantal.text() == "1 gesprek"
    # An older answer that arrives late is dropped.
    oud = GesprekService(database).zoek("Z-1001")
    assert [r.id for r in oud] == [eerste]
    dialoog._toon(dialoog._zoeknummer - 1, "Z-1001", oud)
    assert dialoog.model.regel(0).id == tweede  # type: ignore[union-attr]


def test_retention_term_and_columns_arrive_with_a_runner(qtbot: QtBot, database: Database) -> None:
    _gesprekken(database)
    voeg_beheerder_toe(database, TEST_GEBRUIKER, "beheer")
    taken = Takenloper()
    dialoog = GesprekkenDialoog(Diensten.voor(database, "beheer").gesprekken, taken=taken)
    qtbot.addWidget(dialoog)
    dialoog.show()
    # Read off the GUI thread: the row to change the term waits until the right is known.
    assert dialoog.laadt and dialoog.termijn_rij.isHidden()
    qtbot.waitUntil(lambda: not dialoog.laadt and taken.aantal_bezig == 0)
    assert "na 12 maanden gewist" in dialoog.termijn_tekst.text()
    assert not dialoog.termijn_rij.isHidden()
    # Number, date, time, reference and coach fit their texts and headings, not cut off.
    maat = dialoog.tabel.fontMetrics()
    for kolom in (Kolom.NR, Kolom.DATUM, Kolom.TIJD, Kolom.REFERENTIE, Kolom.COACH):
        breedte = dialoog.tabel.columnWidth(kolom)
        kop = dialoog.model.headerData(kolom, Qt.Orientation.Horizontal)
        teksten = [str(kop)] + [dialoog.model.teksten(r)[kolom] for r in range(3)]
        assert all(maat.horizontalAdvance(t) + 12 <= breedte for t in teksten), (kolom, teksten)
    assert dialoog.model.teksten(2)[Kolom.DATUM] == "12-03-2026"
