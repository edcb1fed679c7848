"""An instrument with every field of the field table filled with a value of its own."""

from __future__ import annotations

from typing import Any

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.velden import VELDEN, Soort
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, maak_gegevens

# Every field of model/velden.py that holds a value of its own (kosten_tekst and
# alle_gemeenten share a column with kosten_centen and gemeenten and exclude them).
VOL: dict[str, Any] = {
    "naam": "Training, Alles Ingevuld",
    "status": InstrumentStatus.ACTIEF,
    "type": "Training",
    "uitvoerder": "Uitvoerder Zeldzaam",
    "omschrijving": "Je oefent met sollicitatiegesprekken bij olifantje.",
    "routes": ("work_first",),
    "kenmerken": ("1.4",),
    "gemeenten": ("Tiel",),
    "alle_gemeenten": False,
    "adres": "Kerkstraat 12, Tiel",
    "doelgroep": "Mensen die graag met giraffen werken.",
    "doel": "Je vindt een baan bij de dierentuin.",
    "instroomeis": "Je spreekt een beetje pinguïn.",
    "nederlands_nodig": True,
    "omvang_duur": "Tien weken, twee uur per week.",
    "duur_weken": 10,
    "uren_per_week": 2.0,
    "kosten_centen": 125000,
    "kosten_tekst": None,
    "kosten_klant_centen": 2500,
    "werkwijze": "Je werkt in een kleine groep zebra's.",
    "groepsvorm": "groep",
    "beschikbaarheid": "Start in januari en maart.",
    "start_soort": "vaste_data",
    "startdata": "2027-01-11; 2027-03-08",
    "aanmelding": "Bel Pien van de balie.",
    "bijzonderheden": "Neem een lunchpakket mee.",
    "rol_werkzoekende": "Je maakt elke week huiswerk met de nijlpaarden.",
    "waardering_professionals": 7.5,
    "waardering_werkzoekende": 8.0,
    "onderbouwing": "goed onderbouwd",
    "regiehouder": "Regie Roosmarijn",
    "link": "https://voorbeeld.nl/alles-ingevuld",
    "overleg_met": "de jobcoach Kees",
}

# The other value of every field, for "a change to this field is seen".
ANDERS: dict[str, Any] = {
    "naam": "Training, Anders Ingevuld",
    "status": InstrumentStatus.GEPARKEERD,
    "routes": ("life_first",),
    "kenmerken": ("1.7",),
    "gemeenten": ("Buren",),
    "alle_gemeenten": True,
    "nederlands_nodig": False,
    "duur_weken": 12,
    "uren_per_week": 3.5,
    "kosten_centen": 99000,
    "kosten_tekst": "op aanvraag",
    "kosten_klant_centen": 0,
    "groepsvorm": "beide",
    "start_soort": "doorlopend",
    "startdata": "2027-05-03",
    "waardering_professionals": 6.0,
    "waardering_werkzoekende": 5.5,
    "onderbouwing": "goed beschreven",
    "link": "https://voorbeeld.nl/anders",
}


def vol() -> InstrumentGegevens:
    """The instrument with every field filled (VOL)."""
    return maak_gegevens(**VOL)


def andere_waarde(veld: str) -> Any:
    """A valid value for `veld` that differs from VOL's."""
    if veld in ANDERS:
        return ANDERS[veld]
    soort = next(v.soort for v in VELDEN if v.naam == veld)
    assert soort in (Soort.TEKST, Soort.LANGE_TEKST), f"{veld}: geef een andere waarde"
    return f"{VOL[veld]} Anders."
