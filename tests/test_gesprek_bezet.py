"""A gesprek save while the database is busy: tried again, stored once, or a Dutch error.

Real locks held by a second connection, released by the test when the app's first attempt
fails (its `handle_error` event): no timing in the assertions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, event, text

from keuzehulp.model.db import Database
from keuzehulp.model.errors import DatabaseInGebruikFout
from keuzehulp.services import gesprek as gesprek_module
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.gesprek_hulp import maak_instrumenten


@contextmanager
def _bezet(database: Database, engine: str) -> Iterator[Connection]:
    """A second connection that holds the gesprek table until it rolls back. On PostgreSQL
    the app's connections give up waiting after 300 ms (lock_timeout: 55P03)."""
    houder = create_engine(database.url)
    try:
        with houder.connect() as conn:
            if engine == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                naam = database.url.database
                conn.execute(text(f"ALTER DATABASE \"{naam}\" SET lock_timeout = '300ms'"))
                conn.commit()
                database.engine.dispose()  # new connections take the setting
                conn.execute(text("LOCK TABLE gesprek IN ACCESS EXCLUSIVE MODE"))
            yield conn
            conn.rollback()
    finally:
        houder.dispose()


def _invoer(ids: list[int]) -> GesprekInvoer:
    return GesprekInvoer(
        doel="Weer aan het werk.",
        zoekvraag=ZoekVraag(routes=frozenset({"work_first"})),
        opties=(Optie(instrument_id=ids[0]),),
        keuze_id=ids[0],
    )


def test_a_busy_database_is_tried_again_and_the_gesprek_stored_once(
    database: Database, engine: str
) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    mislukt: list[str] = []
    with _bezet(database, engine) as houder:

        def laat_los(context: Any) -> None:  # the first failure frees the lock
            mislukt.append(type(context.original_exception).__name__)
            houder.rollback()

        event.listen(database.engine, "handle_error", laat_los)
        try:
            bewaard = service.bewaar(_invoer(ids), "anna")
        finally:
            event.remove(database.engine, "handle_error", laat_los)
    assert len(mislukt) == 1  # the first attempt did fail on the lock
    assert service.aantal() == 1
    assert service.lees(bewaard.id).invoer == _invoer(ids)


def test_a_database_that_stays_busy_gives_a_dutch_error_and_stores_nothing(
    database: Database, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    monkeypatch.setattr(gesprek_module, "POGINGEN", 2)  # fewer waits for a busy SQLite file
    mislukt: list[str] = []

    def tel(context: Any) -> None:
        mislukt.append(type(context.original_exception).__name__)

    with _bezet(database, engine):
        event.listen(database.engine, "handle_error", tel)
        try:
            with pytest.raises(DatabaseInGebruikFout) as fout:
                service.bewaar(_invoer(ids), "anna")
        finally:
            event.remove(database.engine, "handle_error", tel)
    assert len(mislukt) == 2  # both attempts
    assert "in gebruik" in fout.value.melding
    assert "Er is niets gewijzigd" in fout.value.melding
    assert service.aantal() == 0
