"""The mutation log is a hash chain: an edit behind the app's back is found and named.

Runs on SQLite (the app computes the hashes) and PostgreSQL (a trigger computes them, in the
same canonical form; the check in Python recomputes them).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, create_engine, select, text

from keuzehulp.cli.main import main
from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.logketen import BEGIN_HASH, bereken_hash
from keuzehulp.model.migratie import alembic_config
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer.mutatielog import controleer_keten, keten_melding
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER

CTX = MutatieContext(gebruiker=TEST_GEBRUIKER, bron="editor", reden="test")


@pytest.fixture
def achterdeur(db_url: str) -> Iterator[Engine]:
    """A plain connection that bypasses the app, as someone editing the database directly."""
    engine = create_engine(db_url)
    yield engine
    engine.dispose()


def _voeg_toe(db: Database, *namen: str) -> None:
    with db.wijzigen(CTX) as s:
        for naam in namen:
            s.add(Instrument(naam=naam, status=InstrumentStatus.CONCEPT))


def _ids(db: Database) -> list[int]:
    with db.lezen() as s:
        return list(s.scalars(select(Mutatie.id).order_by(Mutatie.id)))


def test_every_row_is_chained_to_the_one_before(database: Database) -> None:
    _voeg_toe(database, "Cursus, Een", "Cursus, Twee")
    _voeg_toe(database, "Cursus, Drie")
    with database.lezen() as s:
        rijen = s.scalars(select(Mutatie).order_by(Mutatie.id)).all()
        assert rijen[0].vorige_hash == BEGIN_HASH
        for vorige, rij in itertools.pairwise(rijen):
            assert rij.vorige_hash == vorige.hash
        laatste = rijen[-1]
        velden = {k: getattr(laatste, k) for k in ("id", "tijdstip", "gebruiker", "actie")}
        velden |= {
            k: getattr(laatste, k)
            for k in ("entiteit", "entiteit_id", "entiteit_naam", "veld", "oude_waarde")
        }
        velden |= {k: getattr(laatste, k) for k in ("nieuwe_waarde", "reden", "bron")}
        assert laatste.hash == bereken_hash(velden, laatste.vorige_hash)
        assert laatste.entiteit_naam == "Cursus, Drie"
        verwacht = (len(rijen), laatste.hash)
    uitkomst = controleer_keten(database)
    assert uitkomst.in_orde
    assert (uitkomst.aantal, uitkomst.laatste_hash) == verwacht


def test_a_row_edited_behind_the_apps_back_is_named(database: Database, achterdeur: Engine) -> None:
    _voeg_toe(database, "Cursus, Een", "Cursus, Twee", "Cursus, Drie")
    doel = _ids(database)[-2]
    with achterdeur.begin() as conn:
        conn.execute(
            text("UPDATE mutatie SET entiteit_naam = 'Cursus, Vervalst' WHERE id = :id"),
            {"id": doel},
        )
    uitkomst = controleer_keten(database)
    assert uitkomst.breuk is not None
    assert (uitkomst.breuk.id, uitkomst.breuk.soort) == (doel, "inhoud")
    assert uitkomst.breuk.entiteit_naam == "Cursus, Vervalst"
    melding = keten_melding(uitkomst)
    assert f"regel {doel} " in melding
    assert "na het opslaan gewijzigd" in melding


def test_a_changed_time_or_user_breaks_the_chain_too(
    database: Database, achterdeur: Engine
) -> None:
    _voeg_toe(database, "Cursus, Een")
    doel = _ids(database)[0]
    with achterdeur.begin() as conn:
        conn.execute(text("UPDATE mutatie SET gebruiker = 'iemand' WHERE id = :id"), {"id": doel})
    breuk = controleer_keten(database).breuk
    assert breuk is not None
    assert breuk.id == doel


def test_a_deleted_row_is_found_at_the_row_after_it(database: Database, achterdeur: Engine) -> None:
    _voeg_toe(database, "Cursus, Een", "Cursus, Twee", "Cursus, Drie")
    ids = _ids(database)
    with achterdeur.begin() as conn:
        conn.execute(text("DELETE FROM mutatie WHERE id = :id"), {"id": ids[-2]})
    uitkomst = controleer_keten(database)
    assert uitkomst.breuk is not None
    assert (uitkomst.breuk.id, uitkomst.breuk.soort) == (ids[-1], "schakel")
    assert uitkomst.breuk.vorige_id == ids[-3]
    assert f"sluit niet aan op regel {ids[-3]}" in keten_melding(uitkomst)


def test_deleting_the_first_rows_is_found(database: Database, achterdeur: Engine) -> None:
    _voeg_toe(database, "Cursus, Een")
    ids = _ids(database)
    with achterdeur.begin() as conn:
        conn.execute(text("DELETE FROM mutatie WHERE id = :id"), {"id": ids[0]})
    uitkomst = controleer_keten(database)
    assert uitkomst.breuk is not None
    assert (uitkomst.breuk.id, uitkomst.breuk.vorige_id) == (ids[1], None)
    assert "regels vóór deze regel verwijderd" in keten_melding(uitkomst)


def test_a_row_rewritten_with_a_fresh_hash_breaks_the_next_link(
    database: Database, achterdeur: Engine
) -> None:
    """Someone who knows the algorithm recomputes the edited row's hash: the next row's link
    still points at the old hash."""
    _voeg_toe(database, "Cursus, Een", "Cursus, Twee")
    ids = _ids(database)
    with database.lezen() as s:
        rij = s.get_one(Mutatie, ids[-2])
        velden = {c: getattr(rij, c) for c in Mutatie.__table__.columns.keys()}  # noqa: SIM118
    velden["entiteit_naam"] = "Cursus, Vervalst"
    nieuw = bereken_hash(velden, velden["vorige_hash"])
    with achterdeur.begin() as conn:
        conn.execute(
            text("UPDATE mutatie SET entiteit_naam = 'Cursus, Vervalst', hash = :h WHERE id = :id"),
            {"h": nieuw, "id": ids[-2]},
        )
    breuk = controleer_keten(database).breuk
    assert breuk is not None
    assert (breuk.id, breuk.soort, breuk.vorige_id) == (ids[-1], "schakel", ids[-2])


def test_cli_names_the_broken_row_and_exits_3(
    db_url: str, achterdeur: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", db_url, "log", "controleer"]) == 0
    goed = capsys.readouterr().out
    assert "Het mutatielog is in orde" in goed
    with achterdeur.begin() as conn:
        doel = conn.execute(text("SELECT max(id) FROM mutatie")).scalar_one()
        conn.execute(text("UPDATE mutatie SET reden = 'weg' WHERE id = :id"), {"id": doel})
    assert main(["--database", db_url, "log", "controleer"]) == 3
    uit = capsys.readouterr()
    assert f"De eerste fout zit in regel {doel} " in uit.err
    assert "in orde" not in uit.out
    # Showing the log still works without the subcommand.
    assert main(["--database", db_url, "log", "--aantal", "1"]) == 0


def test_upgrade_from_0004_chains_the_rows_that_are_already_there(lege_url: str) -> None:
    engine = create_engine(lege_url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0004")
            for i in range(3):
                conn.execute(
                    text(
                        "INSERT INTO mutatie (tijdstip, gebruiker, actie, entiteit, entiteit_id,"
                        " entiteit_naam, bron) VALUES (:t, 'anna', 'toegevoegd', 'instrument',"
                        " :i, :n, 'editor')"
                    ),
                    {"t": f"2026-0{i + 1}-01 10:00:00.123456+00:00", "i": i, "n": f"Cursus {i}"},
                )
    finally:
        engine.dispose()
    opstart = open_catalogus(lege_url, TEST_GEBRUIKER, ())
    try:
        uitkomst = controleer_keten(opstart.database)
        assert uitkomst.in_orde, keten_melding(uitkomst)
        assert uitkomst.aantal > 3  # the three old rows and the standard content
        with opstart.database.lezen() as s:
            oudste = s.scalars(select(Mutatie).order_by(Mutatie.id)).first()
            assert oudste is not None
            assert (oudste.entiteit_naam, oudste.vorige_hash) == ("Cursus 0", BEGIN_HASH)
    finally:
        opstart.database.sluit()


@pytest.mark.alleen_postgresql
def test_concurrent_writers_on_postgresql_keep_one_chain(
    engine: str, db_url: str, database: Database, achterdeur: Engine
) -> None:
    """A second writer waits for the first (the trigger's lock) and then chains onto its row:
    the chain never forks, and id order is chain order."""
    assert engine == "postgresql"
    tweede = open_catalogus(db_url, TEST_GEBRUIKER, ()).database
    fouten: list[BaseException] = []

    def schrijf_tweede() -> None:
        try:
            _voeg_toe(tweede, "Cursus, Tweede")
        except BaseException as fout:
            fouten.append(fout)

    draad = threading.Thread(target=schrijf_tweede)
    try:
        with database.wijzigen(CTX) as s:
            s.add(Instrument(naam="Cursus, Eerste", status=InstrumentStatus.CONCEPT))
            s.flush()  # the trigger now holds the chain lock until this unit of work ends
            draad.start()
            wachtend = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
            with achterdeur.connect() as conn:
                for _ in range(600):
                    if conn.execute(text(wachtend)).scalar_one() > 0:
                        break
                    threading.Event().wait(0.05)
                else:
                    pytest.fail("the second writer never waited for the chain lock")
        draad.join(60)
        assert not draad.is_alive()
    finally:
        tweede.sluit()
    assert fouten == []
    uitkomst = controleer_keten(database)
    assert uitkomst.in_orde, keten_melding(uitkomst)
    with database.lezen() as s:
        volgorde = list(
            s.scalars(
                select(Mutatie.entiteit_naam)
                .where(Mutatie.entiteit_naam.like("Cursus, %"))
                .order_by(Mutatie.id)
            )
        )
    assert volgorde == ["Cursus, Eerste", "Cursus, Tweede"]


def test_hash_of_sqlite_file_rows_matches_after_reopening(db_pad: Path) -> None:
    """Timestamps survive the round trip through the SQLite file to the microsecond."""
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    try:
        _voeg_toe(opstart.database, "Cursus, Een")
    finally:
        opstart.database.sluit()
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    try:
        assert controleer_keten(opstart.database).in_orde
    finally:
        opstart.database.sluit()
