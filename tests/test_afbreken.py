"""Soft hyphens in long Dutch words of the details (F7): where, and where not."""

from __future__ import annotations

from keuzehulp.ui.zoeken.afbreken import ZACHT_AFBREEKSTREEPJE as ZACHT
from keuzehulp.ui.zoeken.afbreken import afbreekbaar


def test_a_long_compound_gets_soft_hyphens_at_its_syllables() -> None:
    tekst = afbreekbaar("Werkgeversdienstverlening")
    assert tekst.split(ZACHT) == ["Werk", "ge", "vers", "dienst", "ver", "le", "ning"]


def test_short_words_addresses_and_links_stay_whole() -> None:
    tekst = (
        "Bel Pien, mail planning@veiligvooruitopleidingen.example of kijk op "
        "https://www.werkgeversdienstverlening.example/aanmelden (2027)."
    )
    assert afbreekbaar(tekst) == tekst


def test_removing_the_soft_hyphens_gives_the_text_back() -> None:
    tekst = "Sollicitatievaardigheden en loonkostensubsidie, 12 weken; Arbeidsmarktregio."
    getoond = afbreekbaar(tekst)
    assert getoond != tekst and getoond.replace(ZACHT, "") == tekst
    assert "Arbeids" + ZACHT in getoond  # a word before punctuation is found too
