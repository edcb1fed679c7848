"""The parser of "Omvang en duur" and "Beschikbaarheid": sure values, and None where in doubt."""

from __future__ import annotations

import pytest

from keuzehulp.services.omvang import Omvang, lees_duur, lees_omvang, lees_start

# (text, duur_weken, uren_per_week): every "Omvang en duur" of the sample catalogue, and more.
DUUR: tuple[tuple[str, int | None, float | None], ...] = (
    # duration and a weekly rhythm
    ("6 weken, 1 dagdeel per week", 6, 4.0),
    ("4 weken, 2 dagdelen per week", 4, 8.0),
    ("20 weken, 2 dagdelen per week", 20, 8.0),
    ("6 maanden, 3 dagdelen per week", 26, 12.0),
    ("2 weken, 4 dagen per week", 2, 32.0),
    ("3 maanden, 3 dagen per week", 13, 24.0),
    ("6 maanden, 20 uur per week", 26, 20.0),
    ("6 maanden, 16 tot 32 uur per week", 26, 32.0),
    ("Maximaal 1 jaar, 12 tot 24 uur per week", 52, 24.0),
    ("8 weken, 1 keer per week 2,5 uur", 8, 2.5),
    ("12 weken, 2 keer per week 1,5 uur", 12, 3.0),
    ("3 maanden, wekelijks 1 uur", 13, 1.0),
    ("6 maanden, 1 keer per 2 weken een uur", 26, 0.5),
    ("2 dagdelen per week, 6 maanden", 26, 8.0),
    ("tien weken, twee ochtenden per week", 10, 8.0),
    ("6 weken 1 dagdeel per week", 6, 4.0),
    ("8 bijeenkomsten van 2 uur, 1 keer per week", 8, 2.0),
    ("12 lessen van 3 uur, 2 keer per week", 6, 6.0),
    # a duration alone, or with a rhythm without hours
    ("3 maanden", 13, None),
    ("Maximaal 2 maanden", 9, None),
    ("6 tot 12 maanden", 52, None),
    ("8 tot 12 weken", 12, None),
    ("6 maanden tot 1 jaar", 52, None),
    ("3 maanden, wekelijks contact", 13, None),
    ("3 maanden, wekelijks", 13, None),
    ("1 jaar, 1 keer per week", 52, None),
    ("3 maanden, 1 keer per 2 weken", 13, None),
    ("Maximaal 6 maanden, 1 keer per 2 weken", 26, None),
    ("6 maanden, 1 keer per week", 26, None),
    ("10 gesprekken van 1 uur, in 4 maanden", 18, None),
    ("Minimaal 4 uur per week, 3 tot 12 maanden", 52, None),
    ("6 tot 12 maanden, afbouwend van wekelijks naar maandelijks", 52, None),
    ("Zolang de plaatsing duurt, maximaal 6 maanden", 26, None),
    ("Zolang je daar werkt, maximaal 1 jaar", 52, None),
    # a one-off: one week, with its hours
    ("1 dagdeel", 1, 4.0),
    ("1 middag", 1, 4.0),
    ("1 dag", 1, 8.0),
    ("Workshop van 3 uur", 1, 3.0),
    # hours without a duration
    ("2 dagdelen per week", None, 8.0),
    ("2 tot 4 dagdelen per week, 6 maanden met verlenging", None, 16.0),
)

# Texts that must stay unknown: a part that is not understood, or sessions without a rhythm.
ONBEKEND: tuple[str, ...] = (
    "2 tot 3 gesprekken van 1,5 uur, rapport binnen 4 weken",
    "1 dag testen, 1 uur nagesprek",
    "1 dagdeel testen, 1 uur nagesprek",
    "3 uur testen, 1 uur nagesprek",
    "1 spreekuur bij de bedrijfsarts, 1 gesprek met de arbeidsdeskundige",
    "Test van 1 uur, 2 gesprekken van 1 uur",
    "2 gesprekken van 1 uur",
    "10 bijeenkomsten van 2,5 uur",
    "6 bijeenkomsten van 2 uur, 1 terugkombijeenkomst",
    "4 lessen van 3 uur",
    "2 dagen les, examen op dag 3",
    "3 dagen",
    "3 uur",
    "Zolang het dienstverband duurt; loonwaardemeting elk jaar",
    "Zolang de plaatsing duurt",
    "In overleg",
    "Afhankelijk van de werkgever",
    "Minimaal 3 maanden",
    "6 maanden, soms langer",
    "6 weken, 8 weken",
    "",
    "   ",
    "-",
    "n.v.t.",
)


@pytest.mark.parametrize(("tekst", "weken", "uren"), DUUR, ids=[t for t, _, _ in DUUR])
def test_duration_and_hours_that_are_sure(
    tekst: str, weken: int | None, uren: float | None
) -> None:
    assert lees_duur(tekst) == (weken, uren)


@pytest.mark.parametrize("tekst", ONBEKEND)
def test_doubtful_durations_stay_unknown(tekst: str) -> None:
    assert lees_duur(tekst) == (None, None)


def test_none_is_unknown() -> None:
    assert lees_duur(None) == (None, None)
    assert lees_start(None) == (None, None)
    assert lees_omvang(None, None) == Omvang()
    assert not Omvang().iets


def test_impossible_values_are_not_invented() -> None:
    assert lees_duur("80 uur per week") == (None, None)  # more than a week can hold
    assert lees_duur("20 jaar") == (None, None)  # beyond 520 weeks
    assert lees_duur("1 keer per 0 weken 1 uur") == (None, None)


START: tuple[tuple[str, str | None, str | None], ...] = (
    ("Doorlopend", "doorlopend", None),
    ("Doorlopende instroom", "doorlopend", None),
    ("Je kunt altijd beginnen", "doorlopend", None),
    ("Doorlopend, binnen 2 weken", "doorlopend", None),
    ("Direct", "doorlopend", None),
    ("Direct bij de start van de plaatsing", "doorlopend", None),
    ("Binnen 3 weken na aanmelding", "doorlopend", None),
    ("Binnen 4 weken", "doorlopend", None),
    ("Start binnen 2 weken", "doorlopend", None),
    ("Elke dinsdagochtend", "doorlopend", None),
    ("Start elke maandag", "doorlopend", None),
    ("Elke 2 weken", "doorlopend", None),
    ("Start elke 2 maanden", "vaste_data", None),
    ("Start elke 6 weken", "vaste_data", None),
    ("Start elke maand", "vaste_data", None),
    ("Elke maand", "vaste_data", None),
    ("Instroom elke maand", "vaste_data", None),
    ("Elke maand, op de tweede donderdag", "vaste_data", None),
    ("Start elke maand, niet in december", "vaste_data", None),
    ("Start elk kwartaal", "vaste_data", None),
    ("Start 2 keer per jaar", "vaste_data", None),
    ("Start twee keer per jaar", "vaste_data", None),
    ("Start 4 keer per jaar", "vaste_data", None),
    ("3 keer per jaar, volgende start 12 januari", "vaste_data", None),
    ("4 keer per jaar, wisselend per gemeente", "vaste_data", None),
    ("Start in februari, mei en september", "vaste_data", None),
    ("Start in januari en september", "vaste_data", None),
    ("Start op 11-01-2027 en 08-03-2027", "vaste_data", "2027-01-11; 2027-03-08"),
    ("Startdata: 2027-03-08, 2027-01-11", "vaste_data", "2027-01-11; 2027-03-08"),
    ("Start 11 januari 2027", "vaste_data", "2027-01-11"),
    ("4 keer per jaar: 8 maart 2027, 7 juni 2027", "vaste_data", "2027-03-08; 2027-06-07"),
)

START_ONBEKEND: tuple[str, ...] = (
    "Wachttijd ongeveer 6 weken",
    "Wachtlijst ongeveer 4 weken",
    "Wachtlijst 2 tot 4 weken",
    "Koppeling binnen 6 weken",
    "Binnen 6 weken",
    "Start bij 6 aanmeldingen",
    "Niet meer beschikbaar",
    "Gesloten",
    "Nog niet bekend",
    "In overleg met de werkgever",
    "Afhankelijk van vacatures",
    "Naar verwachting vanaf voorjaar 2027",
    "Doorlopend, of start elke 2 maanden",
    "Start op 31-02-2027",
    "Start op 11-01-2027, binnen 2 weken",
    "",
)


@pytest.mark.parametrize(("tekst", "soort", "datums"), START, ids=[t for t, _, _ in START])
def test_start_that_is_sure(tekst: str, soort: str, datums: str | None) -> None:
    assert lees_start(tekst) == (soort, datums)


@pytest.mark.parametrize("tekst", START_ONBEKEND)
def test_doubtful_starts_stay_unknown(tekst: str) -> None:
    assert lees_start(tekst) == (None, None)


def test_lees_omvang_combines_both_texts() -> None:
    omvang = lees_omvang("6 weken, 1 dagdeel per week", "Start elke 2 maanden")
    assert omvang == Omvang(6, 4.0, "vaste_data", None)
    assert omvang.iets


def test_every_sample_text_is_either_sure_or_unknown_never_an_error() -> None:
    """The sample catalogue: each text parses to valid values or to None, without raising."""
    from keuzehulp.services.instrumentgegevens import maak_gegevens
    from seed.maak_voorbeeldcatalogus import GEPARKEERD, INSTRUMENTEN

    bekend = 0
    for instrument in INSTRUMENTEN + GEPARKEERD:
        omvang = lees_omvang(instrument.omvang, instrument.beschikbaarheid)
        maak_gegevens(  # the model's own bounds accept every parsed value
            naam="x",
            duur_weken=omvang.duur_weken,
            uren_per_week=omvang.uren_per_week,
            start_soort=omvang.start_soort,
            startdata=omvang.startdata,
        )
        bekend += omvang.duur_weken is not None
    assert bekend >= 30  # most sample durations are clear
