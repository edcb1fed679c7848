"""The ZoekScherm contract other screens (Samen beslissen) build on."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.zoeken import ZoekScherm
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.conftest import TEST_GEBRUIKER

pytestmark = pytest.mark.alleen_sqlite  # a Qt screen


def test_zoekvraag_round_trips_and_signals(qtbot: QtBot, database: Database) -> None:
    vul_catalogus(database, kleine_catalogus())
    scherm = ZoekScherm(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    assert scherm.zoekvraag() == ZoekVraag()
    vraag = ZoekVraag(
        routes=frozenset({"work_first"}),
        kenmerken=frozenset({"3.1", "4.1"}),
        gemeenten=frozenset({"Tiel"}),
        types=frozenset({"Training"}),
        max_kosten_centen=50050,
        tekst="sollic",
        onderbouwing=frozenset(),
    )
    with qtbot.waitSignal(scherm.zoekvraag_gewijzigd):
        scherm.zet_zoekvraag(vraag)
    assert scherm.zoekvraag() == vraag
    # Every step shows it, so the screen's own reading gives the same question back.
    assert scherm.route_stap.vakjes["work_first"].isChecked()
    assert scherm.kenmerk_model.gekozen() == {"3.1", "4.1"}
    assert scherm.praktisch_stap.max_kosten.text() == "500,50"
    scherm._uit_widgets()
    assert scherm.zoekvraag() == vraag


def test_klantweergave_toggles_and_signals(qtbot: QtBot, database: Database) -> None:
    scherm = ZoekScherm(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    with qtbot.waitSignal(scherm.klantweergave_gewijzigd) as blocker:
        scherm.zet_klantweergave(True)
    assert blocker.args == [True]
    assert scherm.klantweergave()


def test_wishes_and_shortlist_reach_the_cards(qtbot: QtBot, database: Database) -> None:
    """The Gesprek panel calls zet_wensen and zet_korte_lijst; the cards follow."""
    from keuzehulp.services.wensen import Wens, WensKeuze
    from keuzehulp.services.zoeken import Sortering
    from keuzehulp.ui.zoeken.kaartmodel import KAART_ROL

    vul_catalogus(database, kleine_catalogus())
    scherm = ZoekScherm(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(scherm)
    model = scherm.resultaten_model
    eerste = model.treffer(0).id
    scherm.zet_wensen([WensKeuze(wens=Wens.KORT), WensKeuze(wens=Wens.GRATIS)])
    assert all(
        model.index(r).data(KAART_ROL).wensen.startswith("Past bij ")
        and " van je 2 wensen." in model.index(r).data(KAART_ROL).wensen
        for r in range(model.rowCount())
    )
    assert scherm.sortering.findData(Sortering.WENSEN) >= 0
    scherm.zet_korte_lijst(frozenset({eerste}))
    assert [model.index(r).data(KAART_ROL).op_korte_lijst for r in range(model.rowCount())] == [
        True,
        False,
        False,
    ]
    scherm.zet_korte_lijst(frozenset())
    assert not model.index(0).data(KAART_ROL).op_korte_lijst
