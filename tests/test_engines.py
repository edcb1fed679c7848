"""Both engines really run: the fixtures hand out the engine the test id names."""

from __future__ import annotations

from sqlalchemy import func, select

from keuzehulp.model.catalogus import FengerRoute, Instrument, InstrumentStatus
from keuzehulp.model.db import Database


def test_database_is_on_the_named_engine(database: Database, engine: str) -> None:
    assert database.engine.dialect.name == engine
    with database.lezen() as s:
        assert s.scalar(select(func.count()).select_from(FengerRoute)) == 3


def test_sample_catalogue_is_on_the_named_engine(catalogus: Database, engine: str) -> None:
    assert catalogus.engine.dialect.name == engine
    with catalogus.lezen() as s:
        actief = select(func.count()).where(Instrument.status == InstrumentStatus.ACTIEF)
        assert s.scalar(actief) == 52
