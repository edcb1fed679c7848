"""The shared wording of the structured practical fields."""

from __future__ import annotations

import datetime as dt

from keuzehulp.services import weergave as w


def test_unknown_is_said_not_left_out() -> None:
    assert w.duur_tekst(None) == "onbekend"
    assert w.uren_tekst(None) == "onbekend"
    assert w.start_tekst(None) == "onbekend"
    assert w.nederlands_tekst(None, klant=True) == "Dat weten we nog niet"


def test_numbers_and_dates_are_dutch() -> None:
    assert w.duur_tekst(1) == "1 week" and w.duur_tekst(12) == "12 weken"
    assert w.uren_tekst(2.5) == "2,5 uur per week" and w.uren_tekst(4.0) == "4 uur per week"
    vandaag = dt.date(2027, 1, 1)
    datums = [dt.date(2026, 12, 1), dt.date(2027, 3, 8), dt.date(2027, 1, 11)]
    assert (
        w.start_tekst("vaste_data", datums, vandaag=vandaag)
        == "vaste data: 11 januari 2027, 8 maart 2027"
    )
    assert w.start_tekst("vaste_data", [dt.date(2026, 1, 1)], vandaag=vandaag).endswith(
        "(onbekend)"
    )
    assert w.kosten_klant_tekst(0, klant=True) == "Het kost je niets"
    assert w.kosten_klant_tekst(1250, klant=False) == "klant betaalt € 12,50"
    assert w.plaatsen_tekst(("Tiel", "Buren"), False) == "Tiel, Buren"
    assert w.plaatsen_tekst((), True, klant=True) == "In alle gemeenten"
