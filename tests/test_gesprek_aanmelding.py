"""How the client gets in, read from the catalogue's sign-up text."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.rapport.aanmelding import Wie, aanmelding


@pytest.mark.parametrize(
    ("tekst", "wie", "zinnen"),
    [
        (
            "Via je werkcoach, mail naar planning@helderzicht.example",
            Wie.COACH,
            "Je coach meldt je aan.",
        ),
        ("Via je werkcoach, aanmeldformulier team Werk", Wie.COACH, "Je coach meldt je aan."),
        (
            "Via het aanmeldformulier op intranet, team Ontwikkeling",
            Wie.COACH,
            "Je coach meldt je aan.",
        ),
        (
            "Via de psycholoog van Werkzaak, niet rechtstreeks",
            Wie.COACH,
            "Je meldt je niet zelf aan. Je coach regelt het met de psycholoog van Werkzaak.",
        ),
        (
            "Via de teamleider van team Diagnose",
            Wie.COACH,
            "Je meldt je niet zelf aan. Je coach regelt het met de teamleider.",
        ),
        (
            "Zelf binnenlopen of via je werkcoach, mail naar digicafe@deschakel.example",
            Wie.ALLEBEI,
            "Je coach meldt je aan. Je mag ook zelf binnenlopen.",
        ),
        (
            "Via je werkcoach of zelf, mail naar cursus@geldzakenoporde.example",
            Wie.ALLEBEI,
            "Je coach meldt je aan. Je mag je ook zelf aanmelden. "
            "Mail naar cursus@geldzakenoporde.example.",
        ),
        (
            "Meld je aan via mail: info@kompasroos.example of bel 0344-123456",
            Wie.ZELF,
            "Je meldt je zelf aan. Mail naar info@kompasroos.example. Bel 0344-123456.",
        ),
        (
            "Aanmelden op www.stapverder.example/aanmelden.",
            Wie.ZELF,
            "Je meldt je zelf aan. Kijk op www.stapverder.example/aanmelden.",
        ),
        (
            "Langskomen op het spreekuur",
            Wie.ZELF,
            "Je meldt je zelf aan. Zo doe je dat: Langskomen op het spreekuur.",
        ),
        (None, Wie.ONBEKEND, "Je coach vertelt je hoe je je aanmeldt."),
        ("-", Wie.ONBEKEND, "Je coach vertelt je hoe je je aanmeldt."),
    ],
)
def test_who_signs_up_and_what_the_client_does(tekst: str | None, wie: Wie, zinnen: str) -> None:
    uitkomst = aanmelding(tekst)
    assert uitkomst.wie is wie
    assert uitkomst.tekst == zinnen


def test_self_sign_up_never_says_the_coach_does_it() -> None:
    for tekst in ("Meld je zelf aan via mail: a@b.nl", "Bel 0344 612233 om je aan te melden"):
        assert "coach" not in aanmelding(tekst).tekst


def test_every_sign_up_of_the_sample_catalogue_is_b1(catalogus: Database) -> None:
    with catalogus.lezen() as session:
        teksten = {t for t in session.scalars(select(Instrument.aanmelding)) if t}
    assert len(teksten) > 10
    for tekst in teksten:
        uitkomst = aanmelding(tekst)
        assert uitkomst.wie is not Wie.ONBEKEND, tekst
        assert beoordeel(uitkomst.tekst).ok, uitkomst.tekst
