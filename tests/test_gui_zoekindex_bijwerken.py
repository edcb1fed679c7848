"""The search screen after a Beheer change: the index is patched, and shows the change at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.beheer.kenmerken import hernoem
from keuzehulp.services.tekstzoeken import GelaagdeTekstIndex, LuieTekstIndex
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken import ZoekScherm
from keuzehulp.ui.zoeken.modellen import NAAM_ROL
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.conftest import TEST_GEBRUIKER

A, B = "Training sollicitatie, Aanbieder A", "Coaching, Aanbieder B"


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> Iterator[MainWindow]:
    vul_catalogus(database, kleine_catalogus())
    venster = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    venster.show()
    qtbot.waitExposed(venster)
    yield venster
    venster.close()


def _namen(scherm: ZoekScherm) -> set[str]:
    m = scherm.resultaten_model
    return {str(m.index(r).data(NAAM_ROL)) for r in range(m.rowCount())}


def _id(database: Database, naam: str) -> int:
    return next(i for i, n in instrumenten.instrument_namen(database) if n == naam)


def test_saved_and_parked_instruments_show_at_once(
    qtbot: QtBot, venster: MainWindow, database: Database
) -> None:
    scherm = venster.zoeken
    iid = _id(database, B)
    b = instrumenten.open_instrument(database, iid)
    nieuw = {"naam": "Coaching, Bloemschikken B", "aanmelding": "Bel B."}
    anders = b.gegevens.model_copy(update=nieuw)
    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10000):
        instrumenten.bewaar_instrument(database, TEST_GEBRUIKER, iid, b.versie, anders, "test")
    assert isinstance(scherm.service._index.tekst, GelaagdeTekstIndex), "patched, not rebuilt"
    assert "Coaching, Bloemschikken B" in _namen(scherm)
    scherm.zet_zoekvraag(ZoekVraag(tekst="bloemschikken"))
    assert _namen(scherm) == {"Coaching, Bloemschikken B"}

    versie = instrumenten.open_instrument(database, iid).versie
    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10000):
        instrumenten.parkeer(database, TEST_GEBRUIKER, iid, versie, "test")
    assert _namen(scherm) == set()
    assert scherm.aantal.text().endswith("van 2")
    scherm.zet_zoekvraag(ZoekVraag())
    assert A in _namen(scherm) and len(_namen(scherm)) == 2


def test_a_renamed_kenmerk_is_patched_and_a_direct_reload_builds_anew(
    qtbot: QtBot, venster: MainWindow, database: Database
) -> None:
    scherm = venster.zoeken
    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10000):
        hernoem(database, TEST_GEBRUIKER, "4.1", "Solliciteren met tulpen", "test")
    assert isinstance(scherm.service._index.tekst, GelaagdeTekstIndex)
    assert "tulpen" in str(scherm.kenmerk_model.index_van("4.1").data())
    scherm.zet_zoekvraag(ZoekVraag(tekst="tulpen"))
    assert _namen(scherm) == {A}, "the instrument tagged 4.1 is found by its new name"

    with qtbot.waitSignal(scherm.catalogus_geladen, timeout=10000):
        scherm.herlaad()
    assert isinstance(scherm.service._index.tekst, LuieTekstIndex), "built anew"
    assert _namen(scherm) == {A}
