"""Terugblikken on a gesprek: storing, changing, validation, privacy and the remarks they make."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout, NietGevondenFout
from keuzehulp.model.terugblik import Opmerking
from keuzehulp.services.beheer.opmerkingen import zet_status, zoek_opmerkingen
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.terugblik import (
    REDENEN_STOPPEN,
    TerugblikInvoer,
    TerugblikService,
    maak_invoer,
)
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.terugblik_hulp import maak_gesprek


def _volledig(**kw: object) -> TerugblikInvoer:
    waarden: dict[str, object] = {
        "status": "gestopt",
        "reden_stoppen": "werk_gevonden",
        "doel_bereikt": "deels",
        "coach_totaal": 8,
        "coach_resultaat": 7,
        "coach_uitvoering": 9,
        "coach_opmerking": "Goede begeleiding, de klant vond snel werk.",
        "client_cijfer": 9,
        "client_opmerking": "De coach luisterde goed naar mij.",
    }
    waarden.update(kw)
    return TerugblikInvoer.model_validate(waarden)


def test_store_reopen_and_list_several(database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0], ids[1])
    service = TerugblikService(database)
    eerste = service.voeg_toe(gesprek, TerugblikInvoer(status="gestart", coach_totaal=6), "anna")
    tweede = service.voeg_toe(gesprek, _volledig(), "bert")
    assert eerste.instrument_id == ids[0]  # the chosen instrument by default
    assert eerste.instrument_naam == "Coaching, Praktijk De Kompasroos"
    assert tweede.coach == "bert"
    assert tweede.invoer == _volledig(instrument_id=ids[0])
    assert [t.id for t in service.lijst(gesprek)] == [eerste.id, tweede.id]
    assert service.lees(tweede.id) == tweede
    assert service.aantallen([gesprek, gesprek + 99]) == {gesprek: 2}
    assert "Gestopt (Werk gevonden)" in tweede.samenvatting
    assert "klant 9" in tweede.samenvatting


def test_instrument_from_the_shortlist_is_allowed_others_not(database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0], ids[1])
    service = TerugblikService(database)
    t = service.voeg_toe(gesprek, TerugblikInvoer(instrument_id=ids[1], status="aangemeld"), "a")
    assert t.instrument_id == ids[1]
    with pytest.raises(InvoerFout, match="staat niet op de korte lijst"):
        service.voeg_toe(gesprek, TerugblikInvoer(instrument_id=ids[4], status="aangemeld"), "a")


def test_gesprek_without_choice_or_unknown_is_refused(database: Database) -> None:
    ids = maak_instrumenten(database)
    zonder = GesprekService(database).bewaar(
        GesprekInvoer(opties=(Optie(instrument_id=ids[0]),)), "anna"
    )
    service = TerugblikService(database)
    with pytest.raises(InvoerFout, match="heeft nog geen keuze"):
        service.voeg_toe(zonder.id, TerugblikInvoer(status="gestart"), "anna")
    with pytest.raises(NietGevondenFout, match="Gesprek 9999 bestaat niet"):
        service.voeg_toe(9999, TerugblikInvoer(status="gestart"), "anna")
    with pytest.raises(NietGevondenFout, match="Terugblik 77 bestaat niet"):
        service.lees(77)


@pytest.mark.parametrize(
    ("waarden", "melding"),
    [
        ({}, "er is nog niets ingevuld"),
        ({"status": "bezig"}, "‘bezig’ is geen stand van zaken"),
        ({"status": "gestopt"}, "kies waarom het instrument is gestopt"),
        ({"status": "gestart", "reden_stoppen": "verhuisd"}, "hoort alleen bij de stand"),
        ({"status": "gestopt", "reden_stoppen": "zomaar"}, "geen reden om te stoppen"),
        ({"doel_bereikt": "misschien"}, "geen antwoord op ‘doel bereikt’"),
        ({"coach_totaal": 11}, r"Cijfer van de coach \(totaal\): geef een cijfer van 1"),
        ({"coach_uitvoering": 0}, r"\(uitvoering\)"),
        ({"client_cijfer": -3}, "Cijfer van de klant"),
        ({"client_opmerking": "Mijn BSN is 111222333"}, "Opmerking van de klant: .*BSN"),
        ({"coach_opmerking": "geboren 12-03-1985"}, "Opmerking van de coach: .*datum"),
        ({"coach_opmerking": "x" * 2001}, "te lang"),
        (
            {"coach_opmerking": "Mevrouw Jansen kwam elke week."},
            "Opmerking van de coach: hierin staat misschien een naam \\(‘Mevrouw Jansen’\\)",
        ),
        ({"client_opmerking": "Ik heet Ahmed en het was fijn"}, "naam \\(‘Ik heet Ahmed’\\)"),
        ({"coach_opmerking": "Dhr. van der Berg belde af"}, "‘Dhr. van der Berg’"),
    ],
)
def test_wrong_input_is_refused_and_nothing_stored(
    database: Database, waarden: dict[str, object], melding: str
) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    service = TerugblikService(database)
    with pytest.raises(InvoerFout, match=melding):
        service.voeg_toe(gesprek, TerugblikInvoer.model_validate(waarden), "anna")
    assert service.lijst(gesprek) == []
    assert zoek_opmerkingen(database) == []


@pytest.mark.parametrize(
    "tekst",
    [
        "De meneer van de balie was vriendelijk.",  # a form of address without a name
        "Ik vond de juf aardig.",
        "De training heet Werkfit en past goed.",
        "Goed contact met de trainer; klant bleef komen.",
    ],
)
def test_remarks_without_a_name_are_accepted(database: Database, tekst: str) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    TerugblikService(database).voeg_toe(gesprek, TerugblikInvoer(coach_opmerking=tekst), "a")
    assert [o.tekst for o in zoek_opmerkingen(database)] == [tekst]


def test_loose_values_of_the_wrong_type_get_a_dutch_message() -> None:
    with pytest.raises(InvoerFout, match="‘coach_totaal’ is geen geldige invoer"):
        maak_invoer(coach_totaal="acht")
    assert maak_invoer(status=" ", coach_opmerking="  ").is_leeg


def test_every_reason_category_is_accepted(database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    service = TerugblikService(database)
    for code in REDENEN_STOPPEN:
        service.voeg_toe(gesprek, TerugblikInvoer(status="gestopt", reden_stoppen=code), "a")
    assert {t.invoer.reden_stoppen for t in service.lijst(gesprek)} == set(REDENEN_STOPPEN)
    assert {"werk_gevonden", "gezondheid", "past_niet", "verhuisd", "anders"} <= set(
        REDENEN_STOPPEN
    )


def test_each_remark_becomes_an_opmerking_for_the_regiehouder(database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    t = TerugblikService(database).voeg_toe(gesprek, _volledig(), "anna")
    opmerkingen = sorted(zoek_opmerkingen(database), key=lambda o: o.bron)
    assert [(o.bron, o.tekst, o.status, o.instrument_id) for o in opmerkingen] == [
        ("client", "De coach luisterde goed naar mij.", "nieuw", ids[0]),
        ("coach", "Goede begeleiding, de klant vond snel werk.", "nieuw", ids[0]),
    ]
    with database.lezen() as s:
        assert set(s.scalars(select(Opmerking.terugblik_id))) == {t.id}


def test_changing_a_terugblik_keeps_remarks_in_step(database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    service = TerugblikService(database)
    t = service.voeg_toe(gesprek, _volledig(), "anna")
    coach_opm = next(o for o in zoek_opmerkingen(database) if o.bron == "coach")
    client_opm = next(o for o in zoek_opmerkingen(database) if o.bron == "client")
    zet_status(database, [coach_opm.id, client_opm.id], "besproken", TEST_GEBRUIKER)
    # The client takes the remark back, the coach rewrites theirs, ratings change.
    nieuw = _volledig(client_opmerking=None, coach_opmerking="Toch wat traag gestart.")
    gewijzigd = service.wijzig(t.id, nieuw.model_copy(update={"coach_totaal": 6}), "bert")
    assert gewijzigd.invoer.coach_totaal == 6
    assert gewijzigd.coach == "anna"  # the author stays
    assert gewijzigd.gewijzigd_op >= t.gewijzigd_op
    over = zoek_opmerkingen(database)
    assert [(o.id, o.bron, o.tekst, o.status) for o in over] == [
        (coach_opm.id, "coach", "Toch wat traag gestart.", "nieuw")
    ]
    # Same text again: the status the beheergroep gave stays.
    zet_status(database, [coach_opm.id], "verwerkt", TEST_GEBRUIKER)
    service.wijzig(t.id, nieuw.model_copy(update={"coach_totaal": 7}), "bert")
    assert zoek_opmerkingen(database)[0].status == "verwerkt"


def test_changing_is_validated_too(database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    service = TerugblikService(database)
    t = service.voeg_toe(gesprek, _volledig(), "anna")
    with pytest.raises(InvoerFout, match="BSN"):
        service.wijzig(t.id, _volledig(client_opmerking="bsn 111.222.333"), "anna")
    assert service.lees(t.id) == t
    with pytest.raises(NietGevondenFout):
        service.wijzig(t.id + 50, _volledig(), "anna")


def test_deleting_the_gesprek_removes_terugblik_but_keeps_remarks(database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    TerugblikService(database).voeg_toe(gesprek, _volledig(), "anna")
    GesprekService(database).verwijder(gesprek)
    with database.lezen() as s:
        assert s.scalar(select(func.count(Opmerking.id))) == 2
        assert set(s.scalars(select(Opmerking.terugblik_id))) == {None}
