"""The supplier form: drop-down lists, B1 help, round trip, and Dutch messages per bad cell."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.beheer.leveranciersformulier import (
    BLAD_FORMULIER,
    UITLEG_B1,
    VRAGEN,
    WerkmapOnleesbaar,
    lees_formulier,
    maak_formulier,
)
from keuzehulp.services.leesbaarheid import beoordeel
from tests.beheer_hulp import compleet, dump, log, nieuw
from tests.conftest import TEST_GEBRUIKER

U = TEST_GEBRUIKER


def _rijen(pad: Path) -> dict[str, list[int]]:
    blad = load_workbook(pad)[BLAD_FORMULIER]
    uit: dict[str, list[int]] = {}
    for rij in range(4, blad.max_row + 1):
        if blad[f"D{rij}"].value:
            uit.setdefault(blad[f"D{rij}"].value, []).append(rij)
    return uit


def _vul(pad: Path, antwoorden: dict[str, list[Any]]) -> None:
    boek = load_workbook(pad)
    blad = boek[BLAD_FORMULIER]
    rijen = _rijen(pad)
    for veld, waarden in antwoorden.items():
        for rij, waarde in zip(rijen[veld], waarden, strict=False):
            blad[f"B{rij}"] = waarde
    boek.save(pad)


def test_form_has_drop_downs_hidden_keys_and_b1_help(database: Database, tmp_path: Path) -> None:
    pad = tmp_path / "formulier.xlsx"
    maak_formulier(database, pad)
    boek = load_workbook(pad)
    assert boek.sheetnames == ["Uitleg", "Formulier", "Lijsten"]
    assert boek["Lijsten"].sheet_state == "hidden"
    blad = boek[BLAD_FORMULIER]
    assert blad.column_dimensions["D"].hidden
    lijstcellen = {str(dv.sqref) for dv in blad.data_validations.dataValidation}
    rijen = _rijen(pad)
    for veld in ("type", "routes", "kenmerken", "gemeenten", "onderbouwing"):
        assert {f"B{r}" for r in rijen[veld]} <= lijstcellen, veld
    assert len(rijen["kenmerken"]) == 6
    kenmerken = [c.value for c in boek["Lijsten"]["B"] if c.value]
    assert "1.7 Zelfinzicht" in kenmerken and "1 Menselijk kapitaal" not in kenmerken
    for tekst in (*UITLEG_B1, *(v.hulp for v in VRAGEN)):
        for zin in tekst.replace("?", ".").replace("!", ".").split("."):
            assert len(zin.split()) <= 15, zin
    uitslag = beoordeel(" ".join(UITLEG_B1))
    assert uitslag.ok, uitslag.uitleg()


def test_filled_in_form_becomes_a_concept(database: Database, tmp_path: Path) -> None:
    pad = tmp_path / "aanmelding Werkfit.xlsx"
    maak_formulier(database, pad)
    _vul(
        pad,
        {
            "naam": ["Training, Werkfit"],
            "type": ["Training"],
            "uitvoerder": ["Werkfit BV"],
            "omschrijving": ["Je werkt aan je conditie."],
            "routes": ["Human Capital first", "Work first"],
            "kenmerken": ["3.2.1 Belastbaarheid", "1.4 Zelfregulatie"],
            "gemeenten": ["Tiel", "Buren"],
            "kosten": ["€ 1.250,00"],
            "aanmelding": ["Bel Petra, 0344-123456."],
            "onderbouwing": ["goed beschreven"],
            "link": ["https://werkfit.example"],
        },
    )
    resultaat = lees_formulier(database, pad, U)
    assert resultaat.fouten == [] and resultaat.instrument_id is not None
    g = instrumenten.open_instrument(database, resultaat.instrument_id).gegevens
    assert g.status == InstrumentStatus.CONCEPT
    assert (g.routes, g.kenmerken, g.gemeenten) == (
        ("human_capital_first", "work_first"),
        ("1.4", "3.2.1"),
        ("Buren", "Tiel"),
    )
    assert (g.kosten_centen, g.onderbouwing, g.uitvoerder) == (
        125000,
        "goed beschreven",
        "Werkfit BV",
    )
    rij = log(database, "instrument")[-1]
    assert (rij.actie, rij.bron, rij.gebruiker) == (
        "toegevoegd",
        "leveranciersformulier: aanmelding Werkfit.xlsx",
        U,
    )


GESTRUCTUREERD: dict[str, Any] = {
    "omvang_duur": "10 weken",
    "duur_weken": 10,
    "uren_per_week": 2.5,
    "start_soort": "vaste_data",
    "startdata": "2027-01-11; 2027-03-08",
    "nederlands_nodig": False,
    "groepsvorm": "beide",
    "kosten_klant_centen": 2500,
}


def test_round_trip_of_a_prefilled_form(database: Database, tmp_path: Path) -> None:
    extra: dict[str, Any] = {
        "link": "https://stap.example",
        "alle_gemeenten": True,
        "gemeenten": (),
        **GESTRUCTUREERD,
    }
    iid = nieuw(database, **extra)
    pad = tmp_path / "stap.xlsx"
    maak_formulier(database, pad, iid)
    _vul(pad, {"naam": ["Coaching, Stap Verder Plus"]})
    resultaat = lees_formulier(database, pad, U)
    assert resultaat.fouten == []
    assert resultaat.instrument_id is not None
    terug = instrumenten.open_instrument(database, resultaat.instrument_id).gegevens
    assert terug == compleet("Coaching, Stap Verder Plus", **extra)


def test_supplier_answers_structured_questions_or_the_free_text_fills_them(
    database: Database, tmp_path: Path
) -> None:
    pad = tmp_path / "nieuw.xlsx"
    maak_formulier(database, pad)
    rijen = _rijen(pad)
    lijsten = {
        str(dv.sqref) for dv in load_workbook(pad)[BLAD_FORMULIER].data_validations.dataValidation
    }
    for veld in ("start_soort", "nederlands_nodig", "groepsvorm"):
        assert f"B{rijen[veld][0]}" in lijsten, veld
    basis = {
        "naam": ["Training, Werkfit"],
        "routes": ["Work first"],
        "kenmerken": ["1.7"],
        "omvang_duur": ["6 weken, 1 dagdeel per week"],
        "beschikbaarheid": ["Start elke 2 maanden"],
    }
    _vul(pad, {**basis, "nederlands_nodig": ["nee"], "groepsvorm": ["in een groep"],
               "kosten_klant_centen": ["gratis"]})  # fmt: skip
    resultaat = lees_formulier(database, pad, U)
    assert resultaat.fouten == [] and resultaat.instrument_id is not None
    g = instrumenten.open_instrument(database, resultaat.instrument_id).gegevens
    assert (g.duur_weken, g.uren_per_week, g.start_soort, g.startdata) == (
        6, 4.0, "vaste_data", None
    )  # fmt: skip
    assert (g.nederlands_nodig, g.groepsvorm, g.kosten_klant_centen) == (False, "groep", 0)
    # A wrong answer names its row and question, and nothing is made.
    pad2 = tmp_path / "fout.xlsx"
    maak_formulier(database, pad2)
    _vul(pad2, {**basis, "naam": ["Training, Anders"], "uren_per_week": ["veel"],
                "start_soort": ["doorlopend"], "startdata": ["11-01-2027"]})  # fmt: skip
    fout = lees_formulier(database, pad2, U)
    assert fout.instrument_id is None
    teksten = [str(p) for p in fout.fouten]
    assert any("kolom B (Hoeveel uur per week?)" in t and "uren per week" in t for t in teksten)
    assert any("kolom B (Op welke datums begint het?)" in t for t in teksten)


def test_every_bad_cell_gets_a_dutch_message_and_nothing_changes(
    database: Database, tmp_path: Path
) -> None:
    nieuw(database)
    pad = tmp_path / "fout.xlsx"
    maak_formulier(database, pad)
    _vul(
        pad,
        {
            "naam": ["Coaching, Stap Verder"],
            "routes": ["Eerst werk zoeken"],
            "kenmerken": ["1.7 Coping", "Zelfinzich"],
            "gemeenten": ["Tiell"],
            "onderbouwing": ["heel goed"],
            "link": ["ftp://x"],
        },
    )
    rijen = _rijen(pad)
    voor = dump(database)
    resultaat = lees_formulier(database, pad, U)
    assert resultaat.instrument_id is None
    teksten = [str(p) for p in resultaat.fouten]
    assert len(teksten) == 6
    assert f"Formulier, rij {rijen['routes'][0]}, kolom B (Route)" in teksten[0]
    assert "geen Fenger-route" in teksten[0]
    assert "kenmerk 1.7 heet ‘Zelfinzicht’" in teksten[1]
    assert "Bedoelt u ‘1.7 Zelfinzicht’?" in teksten[2]
    assert "Bedoelt u ‘Tiel’?" in teksten[3]
    assert "geen niveau van onderbouwing" in teksten[4]
    assert "http:// of https://" in teksten[5]
    assert dump(database) == voor
    # with those fixed, the existing name is the only problem
    _vul(
        pad,
        {
            "routes": ["Work first"],
            "kenmerken": ["1.7", None],
            "gemeenten": ["Tiel"],
            "onderbouwing": [None],
            "link": [None],
        },
    )
    resultaat = lees_formulier(database, pad, U)
    assert [p.melding for p in resultaat.fouten] == [
        "Naam: er is al een instrument ‘Coaching, Stap Verder’. Kies een andere naam."
    ]
    assert dump(database) == voor


def test_not_a_form_and_no_role(database: Database, tmp_path: Path) -> None:
    tekst = tmp_path / "brief.xlsx"
    tekst.write_text("hallo", encoding="utf-8")
    with pytest.raises(WerkmapOnleesbaar, match="geen Excel-werkmap"):
        lees_formulier(database, tekst, U)
    pad = tmp_path / "leeg.xlsx"
    maak_formulier(database, pad)
    boek = load_workbook(pad)
    boek[BLAD_FORMULIER].title = "Iets anders"
    boek.save(pad)
    with pytest.raises(WerkmapOnleesbaar, match="het blad ‘Formulier’ ontbreekt"):
        lees_formulier(database, pad, U)
    with pytest.raises(GeenRechtFout):
        lees_formulier(database, pad, "werkcoach_wim")
