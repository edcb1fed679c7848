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


def test_kenmerkboom_breekt_een_lang_woord_af_met_een_streepje() -> None:
    """A kenmerk name wider than its line in the Zoeken tree (a window of 800 px) breaks at
    a Dutch syllable boundary, where Qt draws a hyphen, not mid-syllable without one; before
    the patterns are read (the GUI thread never waits for them) it still breaks anywhere."""
    from keuzehulp.ui.zoeken import afbreken, stappen
    from keuzehulp.ui.zoeken.kaartweergave import ZACHTE_BREUK, breekbaar

    def breedte(tekst: str) -> int:  # 7 px per visible letter
        return 7 * len(tekst.replace("\u00ad", "").replace(ZACHTE_BREUK, ""))

    naam = "1.1 Sociale en werknemersvaardigheden"  # "werknemersvaardigheden": 154 px
    assert ZACHTE_BREUK in breekbaar(breedte, naam, 120)  # without patterns: anywhere
    afbreken.laad_woordenboek()
    assert stappen._afbreken() is afbreekbaar
    getoond = breekbaar(breedte, naam, 120, stappen._afbreken())
    assert ZACHTE_BREUK not in getoond and "\u00ad" in getoond
    assert getoond.replace("\u00ad", "") == naam
    assert all(breedte(f"{d}-") <= 120 for d in getoond.split(" ")[-1].split("\u00ad"))
    assert breekbaar(breedte, naam, 400, afbreekbaar) == naam  # it fits: untouched
