"""The Opmerkingen list in Beheer: filters, status changes (logged), export to xlsx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout, InvoerFout, NietGevondenFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer.mutatielog import MutatieFilter, zoek_mutaties
from keuzehulp.services.beheer.opmerkingen import (
    GEEN_REGIEHOUDER,
    KOLOMMEN,
    OpmerkingFilter,
    exporteer_xlsx,
    regiehouders,
    tel_per_status,
    zet_status,
    zoek_opmerkingen,
)
from tests.beheer_hulp import dump
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.terugblik_hulp import blik_terug, maak_gesprek


def _regiehouders(database: Database, ids: list[int]) -> None:
    with database.wijzigen(MutatieContext(TEST_GEBRUIKER, "editor")) as s:
        namen = ("Femke Jansen", "Femke Jansen", "Omar Bakker", None, None)
        for iid, naam in zip(ids, namen, strict=True):
            instrument = s.get(Instrument, iid)
            assert instrument is not None
            instrument.regiehouder = naam


def _vul(database: Database) -> list[int]:
    ids = maak_instrumenten(database)
    _regiehouders(database, ids)
    for keuze, tekst in ((ids[0], "Fijne coach"), (ids[2], "Te veel huiswerk"), (ids[3], "Leuk")):
        gesprek = maak_gesprek(database, keuze)
        blik_terug(database, gesprek, status="gestart", client_opmerking=tekst)
    blik_terug(database, maak_gesprek(database, ids[1]), coach_opmerking="Goede groep, =ook")
    return ids


def test_filter_by_regiehouder_and_status(database: Database) -> None:
    ids = _vul(database)
    alle = zoek_opmerkingen(database)
    assert len(alle) == 4
    assert alle[0].tekst == "Goede groep, =ook"  # newest first
    assert regiehouders(database) == ["Femke Jansen", "Omar Bakker"]
    femke = zoek_opmerkingen(database, OpmerkingFilter(regiehouder="Femke Jansen"))
    assert {o.tekst for o in femke} == {"Fijne coach", "Goede groep, =ook"}
    zonder = zoek_opmerkingen(database, OpmerkingFilter(regiehouder=GEEN_REGIEHOUDER))
    assert [(o.tekst, o.regiehouder, o.van) for o in zonder] == [("Leuk", None, "Klant")]
    per_instrument = zoek_opmerkingen(database, OpmerkingFilter(instrument_id=ids[2]))
    assert [o.tekst for o in per_instrument] == ["Te veel huiswerk"]
    assert zoek_opmerkingen(database, OpmerkingFilter(status="besproken")) == []
    gekozen = frozenset({alle[1].id, alle[3].id, 999_999})  # an unknown id is simply absent
    assert zoek_opmerkingen(database, OpmerkingFilter(ids=gekozen)) == [alle[1], alle[3]]
    assert zoek_opmerkingen(database, OpmerkingFilter(ids=frozenset())) == []
    with pytest.raises(InvoerFout, match="‘gelezen’ is geen status"):
        zoek_opmerkingen(database, OpmerkingFilter(status="gelezen"))


def test_status_change_is_recorded_and_logged(database: Database) -> None:
    _vul(database)
    femke = zoek_opmerkingen(database, OpmerkingFilter(regiehouder="Femke Jansen"))
    voor = dt.datetime.now(dt.UTC)
    assert zet_status(database, [o.id for o in femke], "Besproken", TEST_GEBRUIKER) == 2
    # Again: nothing changes, nothing is logged twice.
    assert zet_status(database, [o.id for o in femke], "besproken", TEST_GEBRUIKER) == 0
    besproken = zoek_opmerkingen(database, OpmerkingFilter(status="besproken"))
    assert {o.id for o in besproken} == {o.id for o in femke}
    for o in besproken:
        assert o.status_gewijzigd_door == TEST_GEBRUIKER
        assert o.status_gewijzigd_op is not None and o.status_gewijzigd_op >= voor
    assert tel_per_status(database) == {"nieuw": 2, "besproken": 2, "verwerkt": 0}
    log = zoek_mutaties(database, MutatieFilter(entiteit="opmerking"))
    assert sorted((r.entiteit_id, r.veld, r.oude_waarde, r.nieuwe_waarde) for r in log) == sorted(
        (o.id, "status", "nieuw", "besproken") for o in femke
    )
    assert all(r.gebruiker == TEST_GEBRUIKER and r.bron == "opmerkingen" for r in log)
    assert any("Kompasroos" in r.entiteit_naam for r in log)


def test_status_change_refusals_change_nothing(database: Database) -> None:
    _vul(database)
    ids = [o.id for o in zoek_opmerkingen(database)]
    voor = dump(database)
    with pytest.raises(GeenRechtFout, match="geen beheerder"):
        zet_status(database, ids, "verwerkt", "iemand_anders")
    with pytest.raises(NietGevondenFout, match="Deze opmerkingen bestaan niet: 999"):
        zet_status(database, [ids[0], 999], "verwerkt", TEST_GEBRUIKER)
    with pytest.raises(InvoerFout, match="geen status"):
        zet_status(database, ids, "klaar", TEST_GEBRUIKER)
    with pytest.raises(InvoerFout, match="Kies eerst"):
        zet_status(database, [], "verwerkt", TEST_GEBRUIKER)
    assert dump(database) == voor


def test_export_to_xlsx_cell_by_cell(database: Database, tmp_path: Path) -> None:
    _vul(database)
    eerste = zoek_opmerkingen(database)[-1]
    zet_status(database, [eerste.id], "verwerkt", TEST_GEBRUIKER)
    pad = tmp_path / "opmerkingen.xlsx"
    assert exporteer_xlsx(database, pad, OpmerkingFilter(regiehouder="Femke Jansen")) == 2
    blad = load_workbook(pad).active
    assert blad is not None
    rijen = list(blad.iter_rows(values_only=True))
    assert rijen[0] == KOLOMMEN
    regels = zoek_opmerkingen(database, OpmerkingFilter(regiehouder="Femke Jansen"))
    for rij, r in zip(rijen[1:], regels, strict=True):
        assert rij[0] == r.id
        assert rij[1] == r.aangemaakt_op.astimezone().replace(tzinfo=None, microsecond=0)
        assert rij[2:7] == (r.instrument_naam, "Femke Jansen", r.van, r.tekst, r.status_tekst)
    laatste = rijen[-1]
    assert laatste[6] == "Verwerkt" and laatste[8] == TEST_GEBRUIKER
    assert rijen[1][5] == "Goede groep, =ook"  # text, never a formula
    assert blad["F2"].data_type == "s"


def test_export_refuses_wrong_names_and_folders(database: Database, tmp_path: Path) -> None:
    with pytest.raises(InvoerFout, match=r"eindigt op \.xlsx"):
        exporteer_xlsx(database, tmp_path / "opmerkingen.csv")
    with pytest.raises(InvoerFout, match="bestaat niet"):
        exporteer_xlsx(database, tmp_path / "nergens" / "o.xlsx")
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob("*.csv"))
    assert not (tmp_path / "nergens").exists()
