"""One field table (issue 11, item 10): model, bronbestand, comparison, search, B1 and the
supplier form follow `model/velden.py`; a field added there shows up in each, or fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import inspect

from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.velden import (
    B1_VELDEN,
    BOEKHOUDKOLOMMEN,
    LIJST_VELDEN,
    PER_NAAM,
    SCALAIRE_VELDEN,
    VELDEN,
    Soort,
    veldlabel,
)
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.beheer.leveranciersformulier import VRAGEN, maak_formulier
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import importeer
from keuzehulp.services.bronbestand.kolommen import KOLOMMEN, PER_VELD, VELDEN_VAN_KOLOM
from keuzehulp.services.instrumentgegevens import InstrumentGegevens, maak_gegevens, verschillen
from keuzehulp.services.leesbaarheid import adviezen_per_veld
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.conftest import TEST_GEBRUIKER
from tests.velden_hulp import VOL, andere_waarde, vol

MET_KOLOM = [v.naam for v in VELDEN if v.kolomsleutel is not None]


def test_the_orm_columns_are_the_tables_fields() -> None:
    kolommen = {c.key for c in Instrument.__table__.columns} - BOEKHOUDKOLOMMEN
    assert kolommen == set(SCALAIRE_VELDEN)
    assert set(inspect(Instrument).relationships.keys()) == set(LIJST_VELDEN)


def test_the_plain_values_are_the_tables_fields() -> None:
    assert list(InstrumentGegevens.model_fields) == [
        n for n in InstrumentGegevens.model_fields if n in PER_NAAM
    ]
    assert set(InstrumentGegevens.model_fields) == set(PER_NAAM)


def test_every_field_has_a_dutch_label_and_a_value_in_the_test_instrument() -> None:
    assert set(VOL) == set(PER_NAAM)
    for veld in VELDEN:
        assert veldlabel(veld.naam) == veld.label and veld.label[0].isupper()
        if veld.deel_van is None and veld.soort is not Soort.JA_NEE:
            assert VOL[veld.naam] not in (None, "", ()), veld.naam


def test_every_column_fills_fields_and_every_field_with_a_column_is_filled() -> None:
    gevuld = {veld for velden in VELDEN_VAN_KOLOM.values() for veld in velden}
    assert gevuld == set(MET_KOLOM)
    koppen = [k.kop for k in KOLOMMEN]
    assert len(koppen) == len(set(koppen))
    for veld in VELDEN:
        if veld.kolom is not None:
            assert PER_VELD[veld.kolomsleutel or ""].kop == veld.kolom.kop


@pytest.mark.parametrize("veld", [v.naam for v in VELDEN])
def test_a_change_to_any_field_is_listed_by_its_label(veld: str) -> None:
    oud = vol()
    nieuw = maak_gegevens(**{**VOL, veld: andere_waarde(veld)})
    assert [label for label, _a, _b in verschillen(oud, nieuw)] == [veldlabel(veld)]


def test_every_field_goes_out_and_back_in_through_the_bronbestand(
    database: Database, tmp_path: Path
) -> None:
    iid = instrumenten.maak_instrument(database, TEST_GEBRUIKER, vol(), "alles")
    pad = tmp_path / "alles.xlsx"
    exporteer(database, pad)
    blad = load_workbook(pad, read_only=True)["Instrumenten"]
    koprij = next(r for r in blad.iter_rows(values_only=True) if "Naam" in r)
    rij = next(r for r in blad.iter_rows(values_only=True) if VOL["naam"] in r)
    for veld in VELDEN:
        if veld.kolom is not None:
            assert veld.kolom.kop in koprij, veld.naam
            assert rij[koprij.index(veld.kolom.kop)] not in (None, ""), veld.naam
    # Empty every field the bronbestand fills; the import must bring each one back.
    kaal = maak_gegevens(
        naam=VOL["naam"],
        status=InstrumentStatus.GEPARKEERD,
        routes=VOL["routes"],
        kenmerken=VOL["kenmerken"],
    )
    bewerking = instrumenten.open_instrument(database, iid)
    instrumenten.bewaar_instrument(database, TEST_GEBRUIKER, iid, bewerking.versie, kaal, "leeg")
    resultaat = importeer(
        database, pad, TEST_GEBRUIKER, proefdraaien=False, reden="terug", overschrijf_nieuwer=True
    )
    assert resultaat.toegepast and resultaat.fouten == []
    terug = instrumenten.open_instrument(database, iid).gegevens
    assert {v: getattr(terug, v) for v in MET_KOLOM} == {v: VOL[v] for v in MET_KOLOM}


def test_every_b1_field_is_checked() -> None:
    lang = (
        "Dit is een hele lange zin met veel te veel woorden voor een klant die het snel wil lezen."
    )
    for veld in VELDEN:
        gevonden = adviezen_per_veld({veld.naam: lang})
        assert (veld.naam in gevonden) is veld.b1, veld.naam
    assert B1_VELDEN


@pytest.mark.parametrize("veld", [v.naam for v in VELDEN if v.tekstzoeken])
def test_every_free_text_field_is_searched(database: Database, veld: str) -> None:
    iid = instrumenten.maak_instrument(
        database, TEST_GEBRUIKER, maak_gegevens(**{**VOL, veld: "Met het woord xylofoonles."}), "z"
    )
    service = ZoekService(database)
    service.wacht_op_tekst()
    treffers = service.zoek(ZoekVraag(tekst="xylofoonles")).treffers
    assert [t.instrument.id for t in treffers] == [iid]


def test_every_form_question_is_a_field_of_the_table(database: Database, tmp_path: Path) -> None:
    pad = tmp_path / "formulier.xlsx"
    maak_formulier(database, pad)
    sleutels = {
        r[0] for r in load_workbook(pad)["Formulier"].iter_rows(min_col=4, values_only=True)
    }
    verwacht = {v.kolomsleutel or v.naam for v in VELDEN if v.formulier is not None}
    assert verwacht <= sleutels
    assert [v.veld for v in VRAGEN] == [
        v.kolomsleutel or v.naam
        for v in sorted(
            (v for v in VELDEN if v.formulier),
            key=lambda v: v.formulier.volgorde if v.formulier else 0,
        )
    ]
