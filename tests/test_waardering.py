"""Ratings computed from terugblikken: the minimum rule, survey fallback, SQL against Python."""

from __future__ import annotations

import datetime as dt
import random
from statistics import mean

import pytest

from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout, InvoerFout
from keuzehulp.services.waardering import (
    GEEN,
    STANDAARD_MINIMUM,
    Waardering,
    lees_minimum,
    lees_waardering,
    lees_waarderingen,
    waarderingen,
    zet_enquete_label,
    zet_minimum,
)
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.terugblik_hulp import blik_terug, maak_gesprek, zet_datum


def test_below_the_minimum_the_survey_figure_shows(database: Database) -> None:
    ids = maak_instrumenten(database)  # #0 has survey 7.8 / 8.1, #1 only 7.2, #2 none
    for cijfer in (6, 7, 8, 9):  # four: one short of the default minimum of five
        blik_terug(database, maak_gesprek(database, ids[0]), coach_totaal=cijfer, client_cijfer=5)
    w = lees_waardering(database, ids[0])
    assert w.coaches == Waardering(7.8, "enquete")
    assert w.klanten == Waardering(8.1, "enquete")
    assert w.tekst() == "Coaches: 7,8 (enquête) · Klanten: 8,1 (enquête)"
    # Coach and client see the same two figures in the same order; the client in words.
    assert w.hoofdcijfer() == w.tekst()
    assert w.hoofdcijfer(klant=True) == (
        "Werkcoaches: 7,8 (uit een enquête) · Deelnemers: 8,1 (uit een enquête)"
    )
    assert lees_waardering(database, ids[2]) == GEEN
    assert lees_waardering(database, ids[2]).tekst() == ""


def test_from_the_minimum_the_terugblikken_count(database: Database) -> None:
    ids = maak_instrumenten(database)
    cijfers = (6, 7, 8, 9, 9)  # five: the minimum; hand-computed mean 7.8
    for i, cijfer in enumerate(cijfers):
        t = blik_terug(
            database,
            maak_gesprek(database, ids[2]),
            coach_totaal=cijfer,
            coach_resultaat=cijfer - 1,
            coach_uitvoering=10 if i == 0 else None,
        )
        zet_datum(database, t, dt.datetime(2027, 3 + i, 10, 12, tzinfo=dt.UTC))
    w = lees_waardering(database, ids[2])
    assert w.coaches == Waardering(
        7.8, "terugblik", 5, dt.date(2027, 3, 10), dt.date(2027, 7, 10), 6.8, 10.0
    )
    assert w.klanten is None  # no client ratings and no survey figure
    assert w.tekst() == "Coaches: 7,8 (5×)"
    assert w.hoofdcijfer() == "Coaches: 7,8 (5×)"
    assert w.hoofdcijfer(klant=True) == "Werkcoaches: 7,8 (uit 5 cijfers)"
    assert GEEN.hoofdcijfer() == "Nog geen cijfer"
    assert w.coaches is not None and w.coaches.periode == "mrt 2027 - jul 2027"
    assert w.sorteercijfer == 7.8


def test_the_minimum_is_a_setting(database: Database) -> None:
    ids = maak_instrumenten(database)
    for cijfer in (4, 6):
        blik_terug(database, maak_gesprek(database, ids[1]), client_cijfer=cijfer)
    assert lees_minimum(database) == STANDAARD_MINIMUM
    assert lees_waardering(database, ids[1]).klanten is None  # no survey figure for clients
    zet_minimum(database, 2, TEST_GEBRUIKER)
    assert lees_minimum(database) == 2
    assert lees_waardering(database, ids[1]).klanten == Waardering(
        5.0, "terugblik", 2, dt.date.today(), dt.date.today()
    )
    assert lees_waardering(database, ids[1]).tekst(klant=True) == (
        "Werkcoaches: 7,2 (uit een enquête) · Deelnemers: 5,0 (uit 2 cijfers)"
    )
    assert zet_enquete_label(database, "  enquête   2021 ", TEST_GEBRUIKER) == "enquête 2021"
    assert lees_waardering(database, ids[1]).coaches == Waardering(
        7.2, "enquete", enquete="enquête 2021"
    )
    assert lees_waardering(database, ids[1]).tekst() == (
        "Coaches: 7,2 (enquête 2021) · Klanten: 5,0 (2×)"
    )
    with pytest.raises(InvoerFout, match="Naam van de enquête"):
        zet_enquete_label(database, " ", TEST_GEBRUIKER)
    with pytest.raises(InvoerFout, match="1 tot en met 1000"):
        zet_minimum(database, 0, TEST_GEBRUIKER)
    with pytest.raises(GeenRechtFout):
        zet_minimum(database, 3, "iemand_anders")
    assert lees_minimum(database) == 2


def test_every_rating_counts_also_two_of_one_gesprek(database: Database) -> None:
    ids = maak_instrumenten(database)
    zet_minimum(database, 1, TEST_GEBRUIKER)
    gesprek = maak_gesprek(database, ids[3])
    blik_terug(database, gesprek, status="gestart", coach_totaal=4)  # after 4 weeks
    blik_terug(database, gesprek, status="afgerond", coach_totaal=8)  # at the end
    blik_terug(database, gesprek, status="afgerond", client_cijfer=9)  # no coach mark here
    w = lees_waardering(database, ids[3])
    assert w.coaches is not None and (w.coaches.gemiddelde, w.coaches.aantal) == (6.0, 2)
    assert w.klanten is not None and (w.klanten.gemiddelde, w.klanten.aantal) == (9.0, 1)
    with database.lezen() as s:
        kaal = waarderingen(s, [ids[3]])[ids[3]]  # what cards and sorting load: no period
    assert kaal.coaches is not None and (kaal.coaches.gemiddelde, kaal.coaches.van) == (6.0, None)


def test_sql_matches_a_python_reference_on_generated_data(database: Database) -> None:
    ids = maak_instrumenten(database)
    zet_minimum(database, 3, TEST_GEBRUIKER)
    kans = random.Random(15)
    alle: dict[tuple[int, str], list[int]] = {}
    for _ in range(40):
        instrument = kans.choice(ids)
        gesprek = maak_gesprek(database, instrument)
        for _ in range(kans.randint(1, 3)):
            coach = kans.choice([None, *range(1, 11)])
            klant = kans.choice([None, *range(1, 11)])
            if coach is None and klant is None:
                klant = 5
            blik_terug(database, gesprek, coach_totaal=coach, client_cijfer=klant)
            for soort, cijfer in (("coach", coach), ("klant", klant)):
                if cijfer is not None:
                    alle.setdefault((instrument, soort), []).append(cijfer)
    with database.lezen() as s:
        berekend = waarderingen(s)
    getoetst = 0
    for instrument in ids:
        for soort in ("coach", "klant"):
            cijfers = alle.get((instrument, soort), [])
            w = berekend.get(instrument, GEEN)
            getoond = w.coaches if soort == "coach" else w.klanten
            if len(cijfers) >= 3:
                assert getoond is not None and getoond.bron == "terugblik"
                assert getoond.aantal == len(cijfers)
                assert getoond.gemiddelde == round(mean(cijfers), 1)
                getoetst += 1
            else:
                assert getoond is None or getoond.bron == "enquete"
    assert getoetst >= 6  # the generated data really reaches the minimum
    assert lees_waarderingen(database, [ids[0]]).keys() <= {ids[0]}
