"""Test data for the conversation tests: five active instruments built in code."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.instrumentgegevens import Opzoeken, maak_gegevens, pas_toe

INSTRUMENTEN: tuple[dict[str, Any], ...] = (
    {
        "naam": "Coaching, Praktijk De Kompasroos",
        "type": "Coaching",
        "routes": ("life_first", "human_capital_first"),
        "kenmerken": ("1.4", "5.2"),
        "gemeenten": ("Tiel", "Buren"),
        "adres": "Tiel, Stationsplein 3",
        "omschrijving": "Je praat elke week met een coach. Samen zoek je uit wat jou helpt.",
        "rol_werkzoekende": (
            "Je komt elke week naar een gesprek. Je oefent thuis met kleine opdrachten."
        ),
        "instroomeis": "Je wilt zelf iets veranderen.",
        "omvang_duur": "10 weken, 1 uur per week",
        "kosten_centen": 95000,
        "beschikbaarheid": "Doorlopend, binnen 2 weken",
        "aanmelding": "Via je werkcoach, mail naar info@kompasroos.example",
        "waardering_professionals": 7.8,
        "waardering_werkzoekende": 8.1,
        "onderbouwing": "goed onderbouwd",
        "link": "https://www.kompasroos.example",
    },
    {
        "naam": "Training sollicitatievaardigheden, Werkzaak team Werk",
        "type": "Training",
        "routes": ("work_first",),
        "kenmerken": ("4.1", "5.2"),
        "alle_gemeenten": True,
        "adres": "Tiel, Fruitbaan 7",
        "omschrijving": "Je leert een brief schrijven en oefent een gesprek met een werkgever.",
        "rol_werkzoekende": "Je oefent in een groep. Je schrijft een brief en je cv.",
        "instroomeis": "Nederlands op A2-niveau.",
        "omvang_duur": "4 weken, 2 ochtenden per week",
        "kosten_centen": 0,
        "beschikbaarheid": "Start elke maand",
        "aanmelding": "Via je werkcoach, aanmeldformulier team Werk",
        "waardering_professionals": 7.2,
    },
    {
        "naam": "Cursus Nederlands op het werk, Taalatelier De Waalkant",
        "type": "Cursus",
        "routes": ("human_capital_first",),
        "kenmerken": ("1.3.1", "1.3.2"),
        "gemeenten": ("Tiel",),
        "adres": "Tiel, Appelgaardlaan 22",
        "omschrijving": (
            "Je leert beter Nederlands praten en lezen. Je oefent met woorden van het werk."
        ),
        "rol_werkzoekende": "Je gaat twee keer per week naar les. Je maakt thuis huiswerk.",
        "instroomeis": "-",
        "omvang_duur": "20 weken, 2 lessen per week",
        "kosten_tekst": "op aanvraag",
        "beschikbaarheid": "Elke dinsdagochtend",
        "aanmelding": "Via je werkcoach, mail naar les@waalkant.example",
        "onderbouwing": "effectief: eerste aanwijzingen",
    },
    {
        "naam": "Activering Groen aan de slag, Stichting Uiterwaard",
        "type": "Activering",
        "routes": ("life_first",),
        "kenmerken": ("3.1.6", "1.1"),
        "gemeenten": ("Culemborg", "West Betuwe"),
        "adres": "Culemborg, Lekdijkhof 5",
        "omschrijving": "Je werkt buiten in een groep. Je krijgt weer een vast ritme.",
        "rol_werkzoekende": "Je komt drie ochtenden per week. Je werkt in de tuin.",
        "omvang_duur": "3 maanden, 3 ochtenden per week",
        "kosten_centen": 120000,
        "beschikbaarheid": "Start elke maandag",
        "aanmelding": "Via je werkcoach, mail naar instroom@uiterwaard.example",
        "waardering_professionals": 8.0,
    },
    {
        "naam": "Verdiepend psychologisch onderzoek, Psychologenpraktijk Linge",
        "type": "Diagnose en onderzoek",
        "routes": ("human_capital_first",),
        "kenmerken": ("3.1.1",),
        "gemeenten": ("Tiel",),
        "adres": "Tiel, Linge 12",
        "omschrijving": "Een psycholoog onderzoekt wat je goed kunt en wat moeilijk is.",
        "rol_werkzoekende": "Je doet een paar testen. Je praat met de psycholoog.",
        "omvang_duur": "2 dagdelen",
        "kosten_centen": 180000,
        "beschikbaarheid": "Wachttijd ongeveer 6 weken",
        "aanmelding": "Via de psycholoog van Werkzaak, niet rechtstreeks",
        "overleg_met": "de psycholoog van Werkzaak",
    },
)


def maak_instrumenten(database: Database) -> list[int]:
    """Add the five instruments as active catalogue entries; return their ids in order."""
    with database.wijzigen(MutatieContext("tester", "editor")) as session:
        opzoeken = Opzoeken.laad(session)
        for waarden in INSTRUMENTEN:
            instrument = Instrument()
            pas_toe(instrument, maak_gegevens(status="actief", **waarden), opzoeken)
            session.add(instrument)
        session.flush()
        namen = [w["naam"] for w in INSTRUMENTEN]
        ids = {i.naam: i.id for i in session.scalars(select(Instrument))}
    return [ids[n] for n in namen]


# The structured practical fields of the five instruments above (same order), for the wishes,
# the comparison and the PDFs. None: the catalogue does not know.
STRUCTUUR: tuple[dict[str, Any], ...] = (
    {
        "duur_weken": 10,
        "uren_per_week": 1.0,
        "start_soort": "doorlopend",
        "groepsvorm": "individueel",
        "nederlands_nodig": False,
        "kosten_klant_centen": 0,
    },
    {
        "duur_weken": 4,
        "uren_per_week": 6.0,
        "start_soort": "vaste_data",
        "startdata": "2027-01-11; 2027-02-08",
        "groepsvorm": "groep",
        "nederlands_nodig": True,
        "kosten_klant_centen": 0,
    },
    {
        "duur_weken": 20,
        "uren_per_week": 4.0,
        "start_soort": "vaste_data",
        "startdata": "2027-03-01",
        "groepsvorm": "groep",
        "nederlands_nodig": False,
        "kosten_klant_centen": 2500,
    },
    {
        "duur_weken": 13,
        "uren_per_week": 12.0,
        "start_soort": "doorlopend",
        "groepsvorm": "groep",
        "kosten_klant_centen": 0,
    },
    {"duur_weken": 1, "groepsvorm": "individueel", "kosten_klant_centen": 0},
)


def vul_structuur(database: Database, ids: list[int]) -> None:
    """Give the five instruments their structured practical fields (STRUCTUUR)."""
    with database.wijzigen(MutatieContext("tester", "editor")) as session:
        for instrument_id, velden in zip(ids, STRUCTUUR, strict=True):
            instrument = session.get(Instrument, instrument_id)
            assert instrument is not None
            for veld, waarde in velden.items():
                setattr(instrument, veld, waarde)
