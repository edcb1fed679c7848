"""The B1 check itself, and the client explanations of the standard kenmerken and routes."""

from __future__ import annotations

import pytest

from keuzehulp.model.basisgegevens import KENMERKEN, ROUTES
from keuzehulp.services.leesbaarheid import beoordeel


def test_short_sentences_pass_and_long_ones_fail() -> None:
    assert beoordeel("Je leert solliciteren. Je oefent in een groep.").ok
    lang = " ".join(["woord"] * 20) + ". " + " ".join(["woord"] * 14) + "."
    uitslag = beoordeel(lang)
    assert uitslag.gemiddelde_zinslengte == 17
    assert not uitslag.ok
    assert "gemiddeld 17.0 woorden" in uitslag.uitleg()


@pytest.mark.parametrize(
    "tekst", ["Je werkt aan je zelfregulatie.", "Een instrument voor de arbeidsmarkt."]
)
def test_jargon_without_explanation_fails(tekst: str) -> None:
    uitslag = beoordeel(tekst)
    assert not uitslag.ok
    assert uitslag.jargon_zonder_uitleg


@pytest.mark.parametrize(
    "tekst",
    [
        "Je werkt aan zelfregulatie (jezelf sturen). Dat helpt.",
        "Het gaat om de arbeidsmarkt: alle banen die er zijn.",
        "Je werkt aan zelfregulatie. Dat betekent: je leert jezelf sturen.",
    ],
)
def test_jargon_with_explanation_passes(tekst: str) -> None:
    assert beoordeel(tekst).ok, beoordeel(tekst).uitleg()


def test_words_inside_other_words_are_no_jargon() -> None:
    assert beoordeel("Je instrumentje is een fluit.").ok


@pytest.mark.parametrize("kenmerk", KENMERKEN, ids=lambda k: k.code)
def test_kenmerk_client_explanations_are_b1(kenmerk: object) -> None:
    uitslag = beoordeel(kenmerk.uitleg_client)  # type: ignore[attr-defined]
    assert uitslag.ok, uitslag.uitleg()


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.code)
def test_route_client_explanations_are_b1(route: object) -> None:
    uitslag = beoordeel(route.uitleg_client)  # type: ignore[attr-defined]
    assert uitslag.ok, uitslag.uitleg()
