"""The retention term in the gesprekken window: a stale save is refused naming who and when;
the chosen number stays next to the term that holds now, and a second save is deliberate."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer.beheerders import voeg_beheerder_toe
from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel
from keuzehulp.services.diensten import Diensten
from keuzehulp.services.gesprekarchief import bewaartermijn
from keuzehulp.ui.gesprek.lijst_dialoog import GesprekkenDialoog
from tests.conftest import TEST_GEBRUIKER


def test_a_stale_retention_save_is_refused_and_keeps_the_choice(
    qtbot: QtBot, database: Database
) -> None:
    for login in ("bea", "jan"):
        voeg_beheerder_toe(database, TEST_GEBRUIKER, login)
    bewaar_profiel(database, "jan", maak_profiel(naam="Jan de Vries", email="jan@werkzaak.nl"))
    mijn = GesprekkenDialoog(Diensten.voor(database, "bea").gesprekken)
    zijn = GesprekkenDialoog(Diensten.voor(database, "jan").gesprekken)
    for dialoog in (mijn, zijn):
        qtbot.addWidget(dialoog)
    zijn.termijn.setValue(6)
    assert zijn.bewaar_termijn()

    mijn.termijn.setValue(24)
    assert not mijn.bewaar_termijn()
    assert mijn.melding.text().startswith(
        "Bewaartermijn klantreferentie is intussen gewijzigd door Jan de Vries (jan), vandaag om "
    )
    assert bewaartermijn(database) == 6
    assert "na 6 maanden gewist" in mijn.termijn_tekst.text()
    assert mijn.termijn.value() == 24  # the choice stays, to save again on purpose
    assert mijn.bewaar_termijn()
    assert bewaartermijn(database) == 24
    assert "na 24 maanden gewist" in mijn.termijn_tekst.text()
