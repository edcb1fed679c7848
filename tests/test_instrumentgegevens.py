"""InstrumentGegevens: validation in Dutch, applying to the database, field-by-field differences."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from keuzehulp.model.beheer import Beheerder
from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout, InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.instrumentgegevens import (
    Opzoeken,
    gegevens_van,
    maak_gegevens,
    pas_toe,
    verschillen,
)
from keuzehulp.services.rollen import is_beheerder, vereis_beheerder
from tests.conftest import TEST_GEBRUIKER

CTX = MutatieContext("anna", "editor")


def test_dutch_messages_for_every_problem() -> None:
    with pytest.raises(InvoerFout) as fout:
        maak_gegevens(
            naam=" ",
            waardering_professionals=11,
            link="www.voorbeeld.nl",
            onderbouwing="heel goed",
            kosten_centen=-5,
        )
    melding = fout.value.melding
    assert "Naam: mag niet leeg zijn" in melding
    assert "Waardering professionals: moet een cijfer van 1 tot en met 10 zijn" in melding
    assert "Link: een link begint met http:// of https://" in melding
    assert "Onderbouwing: kies een niveau uit de lijst" in melding
    assert "Kosten per persoon: moet minstens 0 zijn" in melding


def test_apply_and_read_back_round_trip(database: Database) -> None:
    gegevens = maak_gegevens(
        naam="Training, Sterk Werk",
        status="actief",
        routes=["work_first", "human_capital_first"],
        kenmerken=["4.1", "1.1"],
        gemeenten=["Tiel", "Buren"],
        kosten_centen=45000,
        waardering_professionals=7.4,
        omschrijving="  Je oefent een gesprek.  ",
    )
    with database.wijzigen(CTX) as s:
        instrument = Instrument(naam=gegevens.naam)
        s.add(instrument)
        pas_toe(instrument, gegevens, Opzoeken.laad(s))
        s.flush()
        iid = instrument.id
    with database.lezen() as s:
        terug = gegevens_van(s.get_one(Instrument, iid))
    assert terug == gegevens
    assert terug.routes == ("human_capital_first", "work_first")
    assert terug.omschrijving == "Je oefent een gesprek."
    assert terug.status is InstrumentStatus.ACTIEF

    gewijzigd = gegevens.model_copy(update={"kosten_centen": 50000, "gemeenten": ("Tiel",)})
    assert verschillen(gegevens, gewijzigd) == [
        ("Gemeente", "Buren; Tiel", "Tiel"),
        ("Kosten per persoon", "€ 450,00", "€ 500,00"),
    ]


def test_unknown_kenmerk_is_refused(database: Database) -> None:
    gegevens = maak_gegevens(naam="Cursus, X", kenmerken=["9.9"])
    with pytest.raises(InvoerFout, match=r"Onbekende kenmerken: 9\.9"), database.wijzigen(CTX) as s:
        instrument = Instrument(naam=gegevens.naam)
        s.add(instrument)
        pas_toe(instrument, gegevens, Opzoeken.laad(s))
    with database.lezen() as s:
        assert s.scalars(select(Instrument)).all() == []


def test_first_user_is_beheerder_and_others_are_refused(database: Database) -> None:
    with database.lezen() as s:
        assert s.scalars(select(Beheerder.gebruiker)).all() == [TEST_GEBRUIKER]
        assert is_beheerder(s, TEST_GEBRUIKER)
        vereis_beheerder(s, TEST_GEBRUIKER)
        with pytest.raises(GeenRechtFout, match="geen beheerder"):
            vereis_beheerder(s, "werkcoach-willem")


def test_detail_carries_explanations_and_groups(database: Database) -> None:
    from keuzehulp.model.errors import NietGevondenFout
    from keuzehulp.services.instrumentdetail import lees_detail, lees_details

    gegevens = maak_gegevens(
        naam="Verdiepend psychologisch onderzoek, Praktijk Linge",
        status="actief",
        routes=["life_first"],
        kenmerken=["3.1.5"],
        overleg_met="de psycholoog van Werkzaak",
    )
    with database.wijzigen(CTX) as s:
        instrument = Instrument(naam=gegevens.naam)
        s.add(instrument)
        pas_toe(instrument, gegevens, Opzoeken.laad(s))
        s.flush()
        iid = instrument.id
    detail = lees_detail(database, iid)
    assert detail.alleen_na_overleg
    assert [(k.code, k.groep_code) for k in detail.kenmerken] == [("3.1.5", "3")]
    assert detail.kenmerken[0].uitleg_client
    assert detail.routes[0].label == "Eerst verbeteren leefsituatie"
    with pytest.raises(NietGevondenFout, match="999"):
        lees_details(database, [iid, 999])
