"""Opening the catalogue: where it lives, pragmas, backups, and refusing what it cannot use."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, func, select, text

from keuzehulp.model.catalogus import FengerRoute, Instrument, InstrumentStatus, Kenmerk
from keuzehulp.model.db import kies_database_url, standaard_databasepad
from keuzehulp.model.errors import (
    DatabaseAlleenLezenFout,
    DatabaseFout,
    DatabaseInGebruikFout,
    DatabaseNieuwerFout,
)
from keuzehulp.model.migratie import alembic_config, head_revisie
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER

pytestmark = pytest.mark.alleen_sqlite  # about the SQLite file: backups, locks, read-only


def _hash(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def test_default_location_is_in_the_user_data_directory(tmp_path: Path) -> None:
    pad = standaard_databasepad()
    assert pad.is_relative_to(tmp_path / "thuis")  # HOME/XDG point into the test's tmp dir
    assert kies_database_url() == f"sqlite:///{pad}"


def test_option_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEUZEHULP_DATABASE_URL", "sqlite:////tmp/uit-omgeving.sqlite")
    assert kies_database_url() == "sqlite:////tmp/uit-omgeving.sqlite"
    assert kies_database_url("sqlite:////tmp/optie.sqlite") == "sqlite:////tmp/optie.sqlite"


def test_new_database_is_migrated_and_has_standard_content(tmp_path: Path) -> None:
    (tmp_path / "nieuw").mkdir()
    opstart = open_catalogus(f"sqlite:///{tmp_path / 'nieuw' / 'k.sqlite'}", TEST_GEBRUIKER, ())
    db = opstart.database
    try:
        assert opstart.nieuw
        with db.lezen() as s:
            routes = s.scalars(select(FengerRoute).order_by(FengerRoute.volgorde)).all()
            assert [r.naam for r in routes] == ["Life first", "Human Capital first", "Work first"]
            kenmerken = s.scalars(select(Kenmerk)).all()
            assert len(kenmerken) == 37
            assert all(k.uitleg and k.uitleg_client for k in kenmerken)
            drie_een = next(k for k in kenmerken if k.code == "3.1")
            assert sorted(c.code for c in drie_een.children) == [f"3.1.{i}" for i in range(1, 7)]
    finally:
        db.sluit()
    again = open_catalogus(f"sqlite:///{tmp_path / 'nieuw' / 'k.sqlite'}", TEST_GEBRUIKER, ())
    assert not again.nieuw  # the standard content is added once
    again.database.sluit()


def test_sqlite_runs_with_foreign_keys_and_wal(database: object) -> None:
    with database.engine.connect() as conn:  # type: ignore[attr-defined]
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_upgrade_backs_up_first_and_keeps_data(tmp_path: Path) -> None:
    pad = tmp_path / "oud.sqlite"
    engine = create_engine(f"sqlite:///{pad}")
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(
            text(
                "INSERT INTO instrument (naam, naam_sleutel, status, alle_gemeenten, "
                "aangemaakt_op, gewijzigd_op, versie) VALUES ('Coaching, Oud', 'coaching,oud', "
                "'actief', 0, '2024-01-01 00:00:00', '2024-01-01 00:00:00', 1)"
            )
        )
    engine.dispose()
    voor = _hash(pad)

    opstart = open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
    try:
        assert opstart.reservekopie is not None
        assert opstart.reservekopie.name.startswith("oud.reservekopie-")
        assert _hash(opstart.reservekopie) != ""  # a real file
        kopie = sqlite3.connect(opstart.reservekopie)
        assert kopie.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert kopie.execute("SELECT naam FROM instrument").fetchall() == [("Coaching, Oud",)]
        kopie.close()
        with opstart.database.lezen() as s:
            assert s.scalars(select(Instrument.naam)).all() == ["Coaching, Oud"]
            assert s.scalar(select(Instrument.status)) is InstrumentStatus.ACTIEF
        assert any("reservekopie" in m for m in opstart.meldingen)
    finally:
        opstart.database.sluit()
    assert _hash(pad) != voor


def test_no_backup_when_nothing_to_upgrade(db_pad: Path) -> None:
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    opstart.database.sluit()
    assert opstart.reservekopie is None
    assert not list(db_pad.parent.glob("*.reservekopie-*"))


def test_newer_database_is_refused_and_untouched(db_pad: Path) -> None:
    conn = sqlite3.connect(db_pad)
    conn.execute("UPDATE alembic_version SET version_num = '9999_toekomst'")
    conn.commit()
    conn.close()
    voor = _hash(db_pad)
    with pytest.raises(DatabaseNieuwerFout, match="nieuwere versie"):
        open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    assert _hash(db_pad) == voor
    assert not list(db_pad.parent.glob("*.reservekopie-*"))


def test_file_that_is_not_a_database_is_refused_and_untouched(tmp_path: Path) -> None:
    pad = tmp_path / "notities.sqlite"
    pad.write_text("Dit is een tekstbestand, geen database.\n", encoding="utf-8")
    voor = _hash(pad)
    with pytest.raises(DatabaseFout, match="geen database van de keuzehulp"):
        open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
    assert _hash(pad) == voor


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path) -> None:
    pad = tmp_path / "ander.sqlite"
    conn = sqlite3.connect(pad)
    conn.execute("CREATE TABLE klanten (id INTEGER PRIMARY KEY, naam TEXT)")
    conn.commit()
    conn.close()
    voor = _hash(pad)
    with pytest.raises(DatabaseFout, match="niet van de keuzehulp"):
        open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
    assert _hash(pad) == voor


def test_read_only_database_is_refused_and_untouched(
    db_pad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Simulated through os.access: chmod does not stop root (CI runs as root)."""
    echte_access = os.access

    def access(pad: object, modus: int, **kw: object) -> bool:
        if Path(str(pad)) == db_pad and modus == os.W_OK:
            return False
        return echte_access(pad, modus, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)
    voor = _hash(db_pad)
    with pytest.raises(DatabaseAlleenLezenFout, match="alleen-lezen"):
        open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    assert _hash(db_pad) == voor


def test_locked_database_gets_a_clear_message(db_pad: Path) -> None:
    ander = sqlite3.connect(db_pad, isolation_level=None)
    ander.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseInGebruikFout, match="in gebruik"):
            open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    finally:
        ander.execute("ROLLBACK")
        ander.close()


def test_directory_instead_of_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseFout, match="map"):
        open_catalogus(f"sqlite:///{tmp_path}", TEST_GEBRUIKER, ())


def test_invalid_url_is_explained() -> None:
    with pytest.raises(DatabaseFout, match="geen geldig database-adres"):
        open_catalogus("dit is geen url", TEST_GEBRUIKER, ())


def test_opened_database_is_at_head(database: object) -> None:
    with database.engine.connect() as conn:  # type: ignore[attr-defined]
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            head_revisie()
        )
        assert conn.execute(select(func.count()).select_from(Kenmerk)).scalar() == 37


def test_a_mistyped_folder_starts_no_new_catalogue(tmp_path: Path) -> None:
    """Only the default location is made on first use; a wrong --database path is refused."""
    pad = tmp_path / "typfout" / "map" / "k.sqlite"
    with pytest.raises(DatabaseFout, match="bestaat niet"):
        open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
    assert not (tmp_path / "typfout").exists()


def test_the_default_location_is_made_on_first_use() -> None:
    pad = standaard_databasepad()  # below the test's own HOME (see conftest)
    assert not pad.parent.exists()
    opstart = open_catalogus(None, TEST_GEBRUIKER, ())
    opstart.database.sluit()
    assert pad.is_file()
