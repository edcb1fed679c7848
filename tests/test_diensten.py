"""The per-area services that screens get instead of the database (issue 11, item 1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from keuzehulp.model.basisgegevens import ROUTES
from keuzehulp.model.catalogus import GEMEENTEN_RIVIERENLAND, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout, NietGevondenFout
from keuzehulp.services.diensten import Diensten
from keuzehulp.services.gesprek import GesprekService
from keuzehulp.services.terugblik import TerugblikService
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER


def test_the_catalogue_area_reads_lists_details_and_info(database: Database) -> None:
    iid = nieuw(database, "Training, Diensten")
    catalogus = Diensten.voor(database, TEST_GEBRUIKER).catalogus
    assert catalogus.locatie == database.locatie
    assert catalogus.routes() == [(r.code, r.naam) for r in ROUTES]
    assert catalogus.gemeenten() == sorted(GEMEENTEN_RIVIERENLAND)
    assert catalogus.detail(iid).naam == "Training, Diensten"
    assert [d.id for d in catalogus.details([iid])] == [iid]
    with pytest.raises(NietGevondenFout):
        catalogus.detail(iid + 1000)
    info = catalogus.info()
    assert (info.concept, info.locatie) == (1, database.locatie)
    assert [r.code for r in catalogus.kenmerken_boom()][:2] == ["1", "1.1"]
    assert catalogus.zoekservice().aantal_actief == 0


def test_the_areas_know_the_users_role(database: Database) -> None:
    beheerder = Diensten.voor(database, TEST_GEBRUIKER)
    coach = Diensten.voor(database, "werkcoach_wim")
    assert beheerder.beheer.is_beheerder() and beheerder.inzicht.is_beheerder()
    assert not coach.beheer.is_beheerder() and not coach.catalogus.is_beheerder()


def test_the_other_areas_hand_out_their_services(database: Database) -> None:
    diensten = Diensten.voor(database, TEST_GEBRUIKER)
    iid = nieuw(database, "Coaching, Diensten")
    assert isinstance(diensten.gesprekken.service(), GesprekService)
    assert isinstance(diensten.gesprekken.terugblikken(), TerugblikService)
    assert diensten.gesprekken.bewaartermijn() > 0
    assert [r.id for r in diensten.beheer.lijst_instrumenten()] == [iid]
    assert diensten.beheer.open_instrument(iid).gegevens.naam == "Coaching, Diensten"
    assert {r.entiteit_id for r in diensten.beheer.geschiedenis(iid)} == {iid}
    assert diensten.inzicht.gemeenten() == sorted(GEMEENTEN_RIVIERENLAND)


def test_the_beheer_area_exports_and_imports_as_its_user(
    database: Database, tmp_path: Path
) -> None:
    nieuw(database, "Training, Heen en Terug", status=InstrumentStatus.ACTIEF)
    beheer = Diensten.voor(database, TEST_GEBRUIKER).beheer
    stappen: list[int] = []
    pad = tmp_path / "export.xlsx"
    assert beheer.exporteer(pad, lambda procent, _tekst: stappen.append(procent)) == (1, 0)
    assert stappen and pad.is_file()
    proef = beheer.importeer(pad, proefdraaien=True)
    assert not proef.toegepast and proef.fouten == []
    coach = Diensten.voor(database, "werkcoach_wim").beheer
    with pytest.raises(GeenRechtFout):
        coach.importeer(pad, proefdraaien=False)
