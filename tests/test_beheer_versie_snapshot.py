"""A version's snapshot, read as plain rows, holds exactly what the ORM path would give."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import versies
from keuzehulp.services.instrumentgegevens import gegevens_van
from tests.conftest import TEST_GEBRUIKER


def test_snapshot_equals_every_instrument_read_as_an_object(catalogus: Database) -> None:
    info = versies.publiceer_versie(catalogus, TEST_GEBRUIKER, "voorjaar", dt.date(2027, 3, 1))
    with catalogus.lezen() as s:
        verwacht = [
            (i.id, gegevens_van(i))
            for i in s.scalars(
                select(Instrument)
                .where(Instrument.status != InstrumentStatus.CONCEPT)
                .order_by(Instrument.naam_sleutel)
            )
        ]
    inhoud = versies.lees_versie(catalogus, info.id)
    assert list(inhoud.instrumenten) == verwacht
    assert len(verwacht) == 61  # the sample catalogue: 52 active, 9 parked
    # The count that lists show comes from the database's JSON functions, without the snapshot.
    assert info.aantal_instrumenten == 61
    assert versies.huidige_versie(catalogus) == info
    assert [v.aantal_instrumenten for v in versies.lijst_versies(catalogus)] == [61]


def test_a_version_of_an_empty_catalogue_is_valid_and_empty(database: Database) -> None:
    info = versies.publiceer_versie(database, TEST_GEBRUIKER, None, dt.date(2027, 3, 1))
    inhoud = versies.lees_versie(database, info.id)
    assert list(inhoud.instrumenten) == []
    assert info.aantal_instrumenten == 0
