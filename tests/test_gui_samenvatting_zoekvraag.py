"""The gesprek panel records the search on screen when an option goes on the shortlist, keeps
it through reopening and saving, and the coach's summary names it (issue J, item 1)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.gesprek import GesprekService
from keuzehulp.services.rapport.gegevens import verzamel
from keuzehulp.services.rapport.professioneel import ZOEKVRAAG_KOP, samenvatting_tekst
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.paneel import GesprekPaneel
from tests.gesprek_hulp import maak_instrumenten, vul_structuur
from tests.gui_gesprek_hulp import bewaar_gesprek, open_gesprek, zet_profiel
from tests.test_samenvatting_zoekvraag import ZOEK_A, ZOEK_B

COACH = "Sanne de Vries"


@pytest.fixture
def paneel(qtbot: QtBot, database: Database) -> GesprekPaneel:
    zet_profiel(database, COACH)
    scherm = GesprekPaneel(AppContext(database, COACH))
    qtbot.addWidget(scherm)
    scherm.show()
    return scherm


def test_search_a_add_search_b_save_names_search_a(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten(database)
    vul_structuur(database, ids)
    paneel.zet_zoekvraag(ZOEK_A)
    assert paneel.voeg_toe(ids[0])
    paneel.zet_zoekvraag(ZOEK_B)  # a look-up; nothing added
    nummer = bewaar_gesprek(qtbot, paneel)
    opgeslagen = GesprekService(database).lees(nummer).invoer
    assert opgeslagen.zoekvraag == ZOEK_B  # the screen reopens as it was
    assert opgeslagen.opties[0].zoekvraag == ZOEK_A
    tekst = samenvatting_tekst(verzamel(database, nummer))
    assert f"{ZOEKVRAAG_KOP}:\n  Route: Eerst werk vinden (Work first)" in tekst
    assert "Assessment" not in tekst

    # Reopened, another option added with search B, saved again: each keeps its own.
    paneel.nieuw_gesprek()
    open_gesprek(qtbot, paneel, nummer)
    assert paneel.korte_lijst.zoekvraag(ids[0]) == ZOEK_A
    assert paneel.voeg_toe(ids[1])
    assert bewaar_gesprek(qtbot, paneel) == nummer
    opties = GesprekService(database).lees(nummer).invoer.opties
    assert [o.zoekvraag for o in opties] == [ZOEK_A, ZOEK_B]
    # Removing an option forgets its search; adding it again records the search of then.
    paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(1))
    paneel.verwijder_gekozen()
    assert paneel.korte_lijst.zoekvraag(ids[1]) is None
    paneel.zet_zoekvraag(ZOEK_A)
    assert paneel.voeg_toe(ids[1])
    assert paneel.korte_lijst.zoekvraag(ids[1]) == ZOEK_A
