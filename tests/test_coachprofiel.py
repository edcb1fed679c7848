"""The coach profile: Dutch validation, one per login name, stored and replaced."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.coachprofiel import (
    GEEN_PROFIEL,
    bewaar_profiel,
    lees_profiel,
    maak_profiel,
    vereis_profiel,
)


def test_store_read_and_replace_per_login(database: Database) -> None:
    assert lees_profiel(database, "adeboer") is None
    eerste = maak_profiel(
        naam=" Anna  de Boer ",
        telefoon="0344 61 22 33",
        email="a.deboer@werkzaak.example",
        organisatie="Werkzaak Rivierenland",
    )
    assert eerste.naam == "Anna de Boer"
    bewaar_profiel(database, "adeboer", eerste)
    assert lees_profiel(database, "adeboer") == eerste
    assert lees_profiel(database, "bram") is None

    tweede = maak_profiel(naam="Anna de Boer", telefoon="", email="anna@werkzaak.example")
    bewaar_profiel(database, "adeboer", tweede)
    gelezen = lees_profiel(database, "adeboer")
    assert gelezen == tweede and gelezen is not None
    assert gelezen.telefoon is None and gelezen.organisatie is None


def test_profile_is_not_in_the_mutation_log(database: Database) -> None:
    with database.lezen() as session:
        voor = session.scalar(select(func.count(Mutatie.id)))
    bewaar_profiel(database, "adeboer", maak_profiel(naam="Anna", telefoon="14 0344"))
    with database.lezen() as session:
        assert session.scalar(select(func.count(Mutatie.id))) == voor


@pytest.mark.parametrize(
    ("waarden", "melding"),
    [
        ({"naam": "", "telefoon": "0344612233"}, "Naam: mag niet leeg zijn"),
        ({"telefoon": "0344612233"}, "Naam: is verplicht"),
        ({"naam": "Anna", "telefoon": "bel me"}, "Telefoon: gebruik alleen cijfers"),
        ({"naam": "Anna", "telefoon": "0344"}, "Telefoon: een telefoonnummer heeft 6 tot 15"),
        ({"naam": "Anna", "telefoon": "+31 6 1234 5678 901234"}, "dit heeft er 17"),
        ({"naam": "Anna", "email": "anna.werkzaak.nl"}, "E-mail: dit is geen e-mailadres"),
        ({"naam": "Anna", "email": "anna@werkzaak"}, "E-mail: dit is geen e-mailadres"),
        ({"naam": "Anna", "organisatie": "Werkzaak"}, "telefoonnummer of e-mailadres in"),
        ({"naam": "A" * 121, "telefoon": "0344612233"}, "Naam: is te lang"),
    ],
)
def test_wrong_input_gets_a_dutch_message_naming_the_field(
    waarden: dict[str, str], melding: str
) -> None:
    with pytest.raises(InvoerFout, match=melding):
        maak_profiel(**waarden)


@pytest.mark.parametrize(
    "telefoon", ["0344-612233", "+31 (0)344 61 22 33", "06 12 34 56 78", "14 0344", "0800-1234"]
)
def test_common_phone_notations_are_accepted(telefoon: str) -> None:
    assert maak_profiel(naam="Anna", telefoon=telefoon).telefoon == telefoon


def test_printing_without_a_profile_asks_for_it(database: Database) -> None:
    with pytest.raises(InvoerFout) as fout:
        vereis_profiel(database, "adeboer")
    assert fout.value.melding == GEEN_PROFIEL
    assert "Vul eerst uw contactgegevens in" in GEEN_PROFIEL
    bewaar_profiel(database, "adeboer", maak_profiel(naam="Anna", email="a@b.nl"))
    assert vereis_profiel(database, "adeboer").email == "a@b.nl"
