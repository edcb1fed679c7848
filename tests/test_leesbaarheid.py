"""The B1 check itself, and the client explanations of the standard kenmerken and routes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from keuzehulp.model.basisgegevens import KENMERKEN, ROUTES
from keuzehulp.services.leesbaarheid import (
    JARGON,
    KLANTVELDEN,
    LANGE_ZIN,
    VAKWOORD,
    VAKWOORDEN,
    adviezen,
    adviezen_per_veld,
    beoordeel,
)


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


# --- warnings on catalogue texts (issue 9, item 8) ------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "gevonden", "vervanging"),
    [
        ("Nederlands op A2-niveau", "Nederlands op A2-niveau", "een beetje Nederlands spreken"),
        ("Minimaal 18 jaar; VCA-diploma is een pré", "pré", "fijn als je het hebt"),
        ("Ook individueel mogelijk, op aanvraag.", "op aanvraag", "vraag het je coach"),
        ("Diploma VCA", "VCA", "VCA (een diploma voor veilig werken)"),
        ("Intakegesprek vooraf.", "Intakegesprek", "kennismakingsgesprek"),
        ("Voor wie het traject stilstaat.", "traject", "plan, of: je weg naar werk"),
        ("Meer participatie in de wijk.", "participatie", "meedoen"),
        ("Doel: lezen op niveau 1F.", "niveau 1F", None),
        ("Met loonkostensubsidie.", "loonkostensubsidie", None),
    ],
)
def test_hard_words_get_their_plain_replacement(
    tekst: str, gevonden: str, vervanging: str | None
) -> None:
    uit = [a for a in adviezen(tekst) if a.soort == VAKWOORD]
    assert gevonden in [a.gevonden for a in uit]
    advies = next(a for a in uit if a.gevonden == gevonden)
    if vervanging is not None:
        assert advies.suggestie == vervanging
    assert f"‘{gevonden}’" in str(advies) and "Schrijf liever" in str(advies)


def test_a_phrase_is_reported_once_not_also_its_parts() -> None:
    uit = adviezen("Nederlands op A2-niveau; examen ook in andere talen mogelijk")
    assert [a.gevonden for a in uit] == ["Nederlands op A2-niveau"]


@pytest.mark.parametrize(
    "tekst",
    [
        "Je leert solliciteren in een kleine groep.",
        "VCA (een diploma voor veilig werken) is fijn als je het hebt.",
        "Mail naar instroom@uiterwaard.example of kijk op https://www.vca.example/intake",
        "Via de teamleider van team Participatie",
        "Je instrumentje is een fluit.",
        "",
        "-",
    ],
)
def test_plain_texts_explained_words_and_addresses_get_no_warning(tekst: str) -> None:
    assert adviezen(tekst) == []


def test_long_sentences_are_named_with_their_length() -> None:
    lang = (
        "Groepstraining met rollenspel, feedback en huiswerkopdrachten, volgens de methode "
        "die we al jaren gebruiken bij alle deelnemers. Kort."
    )
    uit = adviezen(lang)
    assert [a.soort for a in uit] == [LANGE_ZIN]
    assert str(uit[0]).startswith("Deze zin heeft 17 woorden (hoogstens 15)")
    assert "Maak er twee korte zinnen van." in str(uit[0])


def test_every_concept_word_of_the_b1_check_has_a_plain_replacement() -> None:
    for term in JARGON:
        assert any(re.fullmatch(v.regex, term, re.IGNORECASE) for v in VAKWOORDEN), term


def test_the_kept_list_is_between_30_and_100_entries_each_with_a_replacement() -> None:
    assert 30 <= len(VAKWOORDEN) <= 100
    for v in VAKWOORDEN:
        assert v.vervanging.strip()
        assert re.fullmatch(v.regex, v.term, re.IGNORECASE), v.term  # the term matches itself
        assert not adviezen(v.vervanging), v.term  # plain: no new jargon


def test_warnings_per_client_visible_field() -> None:
    waarden = {
        "instroomeis": "Nederlands op A2-niveau",
        "regiehouder": "Coördinator participatie",  # internal: not checked
        "omschrijving": "Je leert solliciteren.",
    }
    assert set(adviezen_per_veld(waarden)) == {"instroomeis"}
    assert "regiehouder" not in KLANTVELDEN and "omvang_duur" in KLANTVELDEN


def test_a_hard_word_as_the_aside_in_brackets_after_plain_words_is_fine() -> None:
    assert adviezen("Groepstraining sociale vaardigheden (SoVa).") == []
    assert adviezen("Beter Nederlands verstaan en spreken (niveau A2 of B1)") == []
    assert [a.gevonden for a in adviezen("SoVa (sociale vaardigheden) en G-schema")] == ["G-schema"]


def _zonder_voorselectie(tekst: str) -> list[str]:
    """The reference: every pattern on every text, no cheap test first."""
    import keuzehulp.services.leesbaarheid as lb

    proza = lb._ADRES.sub(lambda m: " " * len(m.group(0)), tekst)
    gevonden: list[tuple[int, int, str]] = []
    for _, patroon in lb._VAKWOORD_PATRONEN:
        for m in patroon.finditer(proza):
            if any(m.start() < e and b < m.end() for b, e, _ in gevonden):
                continue
            if not lb._uitgelegd(proza, m.start(), m.end()):
                gevonden.append((m.start(), m.end(), m.group(0)))
                break
    return [g for _, _, g in sorted(gevonden)]


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_cheap_first_test_never_hides_a_hard_word(data: st.DataObject) -> None:
    """For any form a pattern matches, in any sentence around it, the fast check finds it."""
    vakwoord = data.draw(st.sampled_from(VAKWOORDEN))
    vorm = data.draw(st.from_regex(re.compile(vakwoord.regex, re.IGNORECASE), fullmatch=True))
    voor = data.draw(st.sampled_from(["", "Je krijgt ", "Met ", "Eerst "]))
    na = data.draw(st.sampled_from(["", ".", " en werk.", ", daarna werk"]))
    tekst = f"{voor}{vorm}{na}"
    snel = [a.gevonden for a in adviezen(tekst) if a.soort == VAKWOORD]
    assert snel == _zonder_voorselectie(tekst)
