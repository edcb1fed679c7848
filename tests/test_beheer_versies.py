"""Catalogue versions: publish a dated snapshot, list them, read one back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import NietGevondenFout
from keuzehulp.services.beheer import instrumenten, versies
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import importeer
from tests.beheer_hulp import compleet, log, nieuw
from tests.conftest import TEST_GEBRUIKER

U = TEST_GEBRUIKER


def test_publish_snapshot_and_read_it_back(database: Database) -> None:
    assert versies.huidige_versie(database) is None
    assert versies.versie_tekst(database) == "Catalogus: nog geen versie gepubliceerd"
    actief = nieuw(database, "Coaching, Stap Verder", status=InstrumentStatus.ACTIEF)
    nieuw(database, "Training, Nog Concept")
    info = versies.publiceer_versie(database, U, "najaar", dt.date(2026, 11, 1))
    assert (info.versiedatum, info.aantal_instrumenten, info.wijzigingen_sindsdien) == (
        dt.date(2026, 11, 1),
        1,
        0,
    )
    assert versies.versie_tekst(database) == "Catalogus: versie 01-11-2026"
    assert log(database, "catalogusversie")[-1].entiteit_naam == "2026-11-01"
    # a later edit does not change the version's content, but is counted
    bw = instrumenten.open_instrument(database, actief)
    instrumenten.bewaar_instrument(
        database, U, actief, bw.versie, bw.gegevens.model_copy(update={"doel": "Nieuw"}), "r"
    )
    inhoud = versies.lees_versie(database, info.id)
    assert inhoud.instrumenten == ((actief, compleet(status=InstrumentStatus.ACTIEF)),)
    assert len(inhoud.kenmerken) == 37 and inhoud.kenmerken[0].code == "1"
    assert versies.huidige_versie(database).wijzigingen_sindsdien == 1  # type: ignore[union-attr]
    assert versies.versie_tekst(database).endswith("(daarna gewijzigd)")
    tweede = versies.publiceer_versie(database, U)
    assert [v.id for v in versies.lijst_versies(database)] == [tweede.id, info.id]


def _cellen(pad: Path) -> dict[str, list[tuple[object, ...]]]:
    boek = load_workbook(pad)
    return {blad.title: list(blad.iter_rows(values_only=True)) for blad in boek.worksheets}


def test_export_a_version_as_bronbestand(catalogus: Database, tmp_path: Path) -> None:
    info = versies.publiceer_versie(catalogus, U, "voorbeeld")
    assert info.aantal_instrumenten == 61
    nu_pad, versie_pad = tmp_path / "nu.xlsx", tmp_path / "versie.xlsx"
    exporteer(catalogus, nu_pad)
    assert versies.exporteer_versie(catalogus, info.id, versie_pad) == (52, 9)
    assert _cellen(versie_pad) == _cellen(nu_pad)  # cell by cell, right after publishing
    # a later change is not in the version: importing the version shows it as the difference
    regel = instrumenten.lijst_instrumenten(catalogus, InstrumentStatus.ACTIEF)[0]
    bw = instrumenten.open_instrument(catalogus, regel.id)
    instrumenten.bewaar_instrument(
        catalogus, U, regel.id, bw.versie, bw.gegevens.model_copy(update={"doel": "Anders"}), "r"
    )
    versies.exporteer_versie(catalogus, info.id, versie_pad)
    proef = importeer(catalogus, versie_pad, U, proefdraaien=True)
    assert not proef.fouten
    assert [(w.naam, w.velden) for w in proef.van_soort("gewijzigd")] == [
        (regel.naam, (("Doel", "Anders", bw.gegevens.doel),))
    ]
    assert proef.aantallen()["ongewijzigd"] == 60


def test_export_of_unknown_version_is_a_dutch_error(database: Database, tmp_path: Path) -> None:
    with pytest.raises(NietGevondenFout, match="geen versie met nummer 9"):
        versies.exporteer_versie(database, 9, tmp_path / "v.xlsx")
