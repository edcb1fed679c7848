"""Helpers for the live-update tests: two apps on one catalogue, and catalogue changes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, select

from keuzehulp.model import postgres
from keuzehulp.model.catalogus import Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten, kenmerken
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER


def richt_meldingen_in(url: str) -> None:
    """What `keuzehulp database init|upgrade` does on PostgreSQL (roles, rights, NOTIFY
    trigger), applied as the test server's owner; nothing on SQLite."""
    eigenaar = create_engine(url)
    try:
        if eigenaar.dialect.name == "postgresql":
            with eigenaar.begin() as conn:
                postgres.richt_rechten_in(conn)
    finally:
        eigenaar.dispose()


@contextmanager
def twee_apps(url: str) -> Iterator[tuple[Database, Database]]:
    """Two opened Database objects on one catalogue, as two running apps have."""
    richt_meldingen_in(url)
    a = open_catalogus(url, TEST_GEBRUIKER, ()).database
    b = open_catalogus(url, TEST_GEBRUIKER, ()).database
    try:
        yield a, b
    finally:
        a.sluit()
        b.sluit()


def actieve(db: Database, aantal: int = 1) -> list[tuple[int, int, str]]:
    """(id, versie, naam) of the first `aantal` active instruments, by name."""
    with db.lezen() as s:
        rijen = s.execute(
            select(Instrument.id, Instrument.versie, Instrument.naam)
            .where(Instrument.status == InstrumentStatus.ACTIEF)
            .order_by(Instrument.naam)
            .limit(aantal)
        ).all()
    return [(int(r[0]), int(r[1]), str(r[2])) for r in rijen]


def parkeer_een(db: Database, instrument_id: int | None = None) -> int:
    """Park an active instrument (the first by name unless given); returns its id."""
    kandidaten = {i: v for i, v, _ in actieve(db, 100)}
    if instrument_id is None:
        instrument_id = next(iter(kandidaten))
    instrumenten.parkeer(db, TEST_GEBRUIKER, instrument_id, kandidaten[instrument_id], "test")
    return instrument_id


def hernoem_kenmerk(db: Database, naam: str) -> None:
    """Rename the first leaf kenmerk: a change of another kind than an instrument's."""
    with db.lezen() as s:
        code = s.scalars(
            select(Kenmerk.code).where(Kenmerk.parent_id.is_not(None)).order_by(Kenmerk.code)
        ).first()
    assert code is not None
    kenmerken.hernoem(db, TEST_GEBRUIKER, code, naam, "test")
