"""Environment faults are told apart by result code and SQLSTATE, and reach the user in Dutch.

Every fault is a real one: a lock held by a second connection, a read-only connection, a
database capped in size, damaged pages written into a real file, PostgreSQL's own lock,
read-only transaction and terminated connection.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, select, text

from keuzehulp.model.catalogus import Kenmerk
from keuzehulp.model.db import Database, maak_engine
from keuzehulp.model.errors import (
    DatabaseAlleenLezenFout,
    DatabaseBeschadigdFout,
    DatabaseInGebruikFout,
    SchijfVolFout,
    VerbindingVerbrokenFout,
)
from keuzehulp.model.foutsoorten import FoutSoort, als_melding, bewaak, laatste_reservekopie, soort
from keuzehulp.model.mutatielog import MutatieContext

CONTEXT = MutatieContext(gebruiker="tester", bron="test")


def _sqlite_fout(pad: Path, *sql: str, uri: bool = False) -> sqlite3.Error:
    verbinding = sqlite3.connect(str(pad), uri=uri, isolation_level=None, timeout=0)
    try:
        for opdracht in sql:
            verbinding.execute(opdracht)
    except sqlite3.Error as fout:
        return fout
    finally:
        verbinding.close()
    raise AssertionError("geen fout")


@pytest.mark.alleen_sqlite
def test_sqlite_faults_are_classified_by_result_code(db_pad: Path, tmp_path: Path) -> None:
    houder = sqlite3.connect(db_pad, isolation_level=None)
    houder.execute("BEGIN IMMEDIATE")
    try:
        bezet = _sqlite_fout(db_pad, "BEGIN IMMEDIATE")
    finally:
        houder.execute("ROLLBACK")
        houder.close()
    assert soort(bezet) is FoutSoort.BEZET

    alleen_lezen = _sqlite_fout(Path(f"file:{db_pad}?mode=ro"), "DELETE FROM instelling", uri=True)
    assert soort(alleen_lezen) is FoutSoort.ALLEEN_LEZEN

    vol = _sqlite_fout(
        tmp_path / "vol.sqlite",
        "CREATE TABLE t (x)",
        "PRAGMA max_page_count = 3",
        "INSERT INTO t VALUES (zeroblob(100000))",
    )
    assert soort(vol) is FoutSoort.SCHIJF_VOL

    geen_database = tmp_path / "tekst.sqlite"
    geen_database.write_bytes(b"dit is geen database" * 300)
    assert soort(_sqlite_fout(geen_database, "SELECT * FROM sqlite_master")) is (
        FoutSoort.BESCHADIGD
    )


def test_other_errors_are_no_environment_fault(tmp_path: Path) -> None:
    fout = _sqlite_fout(tmp_path / "x.sqlite", "SELECT * FROM bestaat_niet")
    assert soort(fout) is None
    assert als_melding(fout) is None
    assert als_melding(ValueError("bug")) is None


@pytest.mark.parametrize(
    ("nummer", "verwacht", "klasse"),
    [
        (errno.ENOSPC, FoutSoort.SCHIJF_VOL, SchijfVolFout),
        (errno.EFBIG, FoutSoort.SCHIJF_VOL, SchijfVolFout),
        (errno.EROFS, FoutSoort.ALLEEN_LEZEN, DatabaseAlleenLezenFout),
    ],
)
def test_file_errors_are_classified_by_errno(
    nummer: int, verwacht: FoutSoort, klasse: type[Exception]
) -> None:
    fout = OSError(nummer, "Engelse tekst van het systeem", "/data/export.xlsx")
    assert soort(fout) is verwacht
    melding = als_melding(fout)
    assert isinstance(melding, klasse)
    assert "/data/export.xlsx" in str(melding)
    assert "Engelse" not in str(melding)


def test_a_locked_database_on_save_is_a_dutch_error_and_nothing_changes(
    database: Database, engine: str
) -> None:
    """Another process holds the lock while a beheerder saves: a Dutch message, no change."""
    with database.lezen() as s:
        kenmerk = s.scalars(select(Kenmerk).where(Kenmerk.code == "1.4")).one()
        voor = kenmerk.uitleg_client
    houder = create_engine(database.url)
    try:
        with houder.connect() as conn:
            if engine == "sqlite":
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                conn.execute(text("LOCK TABLE kenmerk IN ACCESS EXCLUSIVE MODE"))
            with pytest.raises(DatabaseInGebruikFout) as fout, database.wijzigen(CONTEXT) as s:
                if engine == "postgresql":
                    # PostgreSQL waits for a lock for ever by default; 55P03 after 200 ms.
                    s.execute(text("SET LOCAL lock_timeout = '200ms'"))
                k = s.scalars(select(Kenmerk).where(Kenmerk.code == "1.4")).one()
                k.uitleg_client = "Nieuwe uitleg."
            assert "in gebruik" in fout.value.melding
            assert "Er is niets gewijzigd" in fout.value.melding
            conn.rollback()
    finally:
        houder.dispose()
    with database.lezen() as s:
        assert s.scalars(select(Kenmerk.uitleg_client).where(Kenmerk.code == "1.4")).one() == voor


def test_a_full_database_is_a_dutch_error(database: Database, engine: str) -> None:
    if engine == "sqlite":
        # Cap this connection's database at its current size: the next page is "disk full".
        with database.engine.connect() as c:
            pagina_s = c.execute(text("PRAGMA page_count")).scalar()
        vol = create_engine(database.url)
        bewaak(vol, database.locatie, None)

        @event.listens_for(vol, "connect")
        def _klein(dbapi: sqlite3.Connection, _r: object) -> None:
            dbapi.execute(f"PRAGMA max_page_count = {pagina_s}")

        db = Database.van_engine(database.url, vol)
        try:
            with pytest.raises(SchijfVolFout, match="De schijf is vol"), db.wijzigen(CONTEXT) as s:
                s.execute(text("CREATE TABLE groot (x BLOB)"))
                s.execute(text("INSERT INTO groot VALUES (zeroblob(2000000))"))
        finally:
            db.sluit()
    else:
        # 53100 is raised by the server itself when its disk is full; a read-only
        # transaction is the PostgreSQL fault that a test can cause for real.
        with (
            pytest.raises(DatabaseAlleenLezenFout, match="alleen-lezen"),
            database.wijzigen(CONTEXT) as s,
        ):
            s.execute(text("SET TRANSACTION READ ONLY"))
            s.execute(text("UPDATE kenmerk SET naam = naam"))


def test_a_lost_connection_or_a_read_only_file_is_a_dutch_error(
    database: Database, engine: str
) -> None:
    if engine == "postgresql":
        with (
            pytest.raises(VerbindingVerbrokenFout, match="de databaseserver is niet bereikbaar"),
            database.lezen() as s,
        ):
            s.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
            s.execute(text("SELECT 1"))
    else:
        lezer = Database.van_engine(database.url, maak_engine(database.url, alleen_lezen=True))
        try:
            with (
                pytest.raises(DatabaseAlleenLezenFout, match="alleen-lezen") as fout,
                lezer.wijzigen(CONTEXT) as s,
            ):
                s.execute(text("UPDATE kenmerk SET naam = naam"))
            assert database.locatie in fout.value.melding
        finally:
            lezer.sluit()


def _beschadig(pad: Path) -> None:
    """Overwrite the pages of the kenmerk table (not the schema on page 1) with noise."""
    verbinding = sqlite3.connect(pad)
    verbinding.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    wortel = verbinding.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'kenmerk'"
    ).fetchone()[0]
    grootte = verbinding.execute("PRAGMA page_size").fetchone()[0]
    verbinding.close()
    with pad.open("r+b") as f:
        f.seek((wortel - 1) * grootte)
        f.write(b"\xa5" * grootte)


@pytest.mark.alleen_sqlite
def test_a_corrupt_page_stops_all_writing_and_names_the_newest_backup(
    database: Database, db_pad: Path
) -> None:
    (db_pad.parent / "keuzehulp.reservekopie-20250101-120000.sqlite").write_bytes(b"oud")
    nieuwste = db_pad.parent / "keuzehulp.reservekopie-20260301-090000.sqlite"
    nieuwste.write_bytes(b"nieuw")
    (db_pad.parent / ".keuzehulp.reservekopie-20270101-000000.sqlite.4242.deel").write_bytes(b"")
    assert laatste_reservekopie(db_pad) == nieuwste
    database.sluit()  # every connection closed: the damage is read from disk
    _beschadig(db_pad)

    with pytest.raises(DatabaseBeschadigdFout) as gelezen, database.lezen() as s:
        s.scalars(select(Kenmerk)).all()
    assert f"De database is beschadigd: {db_pad.resolve()}" in gelezen.value.melding
    assert database.beschadigd
    grootte = db_pad.stat().st_size
    # From now on nothing is written, not even to a table that is still intact.
    with pytest.raises(DatabaseBeschadigdFout) as fout, database.wijzigen(CONTEXT) as s:
        s.execute(text("INSERT INTO instelling (sleutel, waarde) VALUES ('x', 'y')"))
    assert str(nieuwste) in fout.value.melding
    assert "schrijft er daarom niets meer in" in fout.value.melding
    assert db_pad.stat().st_size == grootte
