"""The SURE decision check: scoring, doubt at 3 or less, advice per "nee", B1 wording."""

from __future__ import annotations

import itertools

import pytest

from keuzehulp.model.errors import InvoerFout
from keuzehulp.services import keuzecheck as k
from keuzehulp.services.leesbaarheid import beoordeel


@pytest.mark.parametrize("antwoorden", list(itertools.product([True, False], repeat=4)))
def test_score_counts_the_yes_answers_and_three_or_less_is_doubt(
    antwoorden: tuple[bool, bool, bool, bool],
) -> None:
    score = k.sure_score(antwoorden)
    assert score == list(antwoorden).count(True)
    assert k.twijfelt(score) is (score <= 3)
    check = k.keuzecheck(antwoorden)
    assert check.score == score and check.twijfel is (score < 4)
    assert len(check.advies_klant) == len(check.advies_coach) == 4 - score


def test_advice_follows_the_questions_answered_no() -> None:
    check = k.keuzecheck([True, False, True, False])
    assert check.advies_klant == (
        k.ADVIES_KLANT[k.Dimensie.WETEN],
        k.ADVIES_KLANT[k.Dimensie.STEUN],
    )
    assert "meer uitleg" in check.advies_klant[0]
    assert "nieuwe afspraak" in check.advies_klant[1]
    assert check.samenvatting_coach == "2 van 4 keer ja: twijfel (beslisconflict)"
    assert check.samenvatting_klant == k.TWIJFEL_KLANT_MEER


def test_all_yes_is_no_doubt() -> None:
    check = k.keuzecheck([True] * 4)
    assert not check.twijfel and check.advies_klant == ()
    assert "geen aanwijzing" in check.samenvatting_coach
    assert check.samenvatting_klant == k.GEEN_TWIJFEL_KLANT


@pytest.mark.parametrize("antwoorden", [[], [True] * 3, [True] * 5, [True, True, None, False]])
def test_anything_but_four_answers_is_a_dutch_error(antwoorden: list[object]) -> None:
    with pytest.raises(InvoerFout, match="beantwoord alle vier de vragen met ja of nee"):
        k.sure_score(antwoorden)  # type: ignore[arg-type]


@pytest.mark.parametrize("score", [-1, 5])
def test_a_score_outside_0_to_4_is_refused(score: int) -> None:
    with pytest.raises(InvoerFout, match="0 tot en met 4"):
        k.twijfelt(score)


def test_four_questions_in_the_sure_order_and_every_client_text_is_b1() -> None:
    assert list(k.VRAGEN) == list(k.DIMENSIES)
    assert k.VRAGEN[k.Dimensie.ZEKER] == "Weet je zeker wat de beste keuze is voor jou?"
    klant = [
        *k.VRAGEN.values(),
        *k.ADVIES_KLANT.values(),
        k.GEEN_TWIJFEL_KLANT,
        k.TWIJFEL_KLANT,
        k.TWIJFEL_KLANT_MEER,
        k.TWIJFEL_KLANT_VEEL,
        k.TEACH_BACK_VRAAG,
    ]
    for tekst in klant:
        uitslag = beoordeel(tekst)
        assert uitslag.ok, f"{tekst!r}: {uitslag.uitleg()}"
        assert max(len(z.split()) for z in tekst.split(".")) <= 15


def test_more_doubt_says_more_than_a_little_doubt() -> None:
    assert k.keuzecheck([True, True, True, False]).samenvatting_klant == k.TWIJFEL_KLANT
    assert k.keuzecheck([True, True, False, False]).samenvatting_klant == k.TWIJFEL_KLANT_MEER
    for weinig_ja in ([True, False, False, False], [False] * 4):
        tekst = k.keuzecheck(weinig_ja).samenvatting_klant
        assert tekst == k.TWIJFEL_KLANT_VEEL and "een beetje" not in tekst
    assert k.keuzecheck([True] * 4).samenvatting_klant == k.GEEN_TWIJFEL_KLANT
