"""A damaged, empty or refused database is noticed and left alone; two starts on one new file
do not collide; a reading start takes no write lock; backups are complete or absent."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from keuzehulp.model.catalogus import FengerRoute
from keuzehulp.model.errors import DatabaseBeschadigdFout, DatabaseFout, DatabaseNieuwerFout
from keuzehulp.model.migratie import maak_reservekopie
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.opstart import open_catalogus, rond_start_af
from tests.conftest import TEST_GEBRUIKER

pytestmark = pytest.mark.alleen_sqlite  # about the SQLite file itself

REPO = Path(__file__).resolve().parent.parent


def _hash(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _naast(pad: Path) -> list[str]:
    return sorted(p.name for p in pad.parent.iterdir() if p.name.startswith(pad.name))


def test_an_empty_file_is_refused_not_filled(tmp_path: Path) -> None:
    pad = tmp_path / "leeg.sqlite"
    pad.touch()
    with pytest.raises(DatabaseFout, match=r"is leeg \(0 bytes\)") as fout:
        open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
    assert "Er is niets gewijzigd" in fout.value.melding
    assert pad.stat().st_size == 0
    assert _naast(pad) == ["leeg.sqlite"]  # no -wal or -shm


def test_an_empty_file_points_to_the_newest_backup(tmp_path: Path) -> None:
    pad = tmp_path / "k.sqlite"
    pad.touch()
    kopie = tmp_path / "k.reservekopie-20260102-030405.sqlite"
    kopie.write_bytes(b"x")
    with pytest.raises(DatabaseFout, match=f"De nieuwste reservekopie is {kopie}"):
        open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())


def test_a_refused_database_gets_no_side_files(db_pad: Path) -> None:
    verbinding = sqlite3.connect(db_pad)
    verbinding.execute("UPDATE alembic_version SET version_num = '9999_toekomst'")
    verbinding.commit()
    verbinding.close()
    assert _naast(db_pad) == ["keuzehulp.sqlite"]
    voor = _hash(db_pad)
    with pytest.raises(DatabaseNieuwerFout):
        open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    assert _naast(db_pad) == ["keuzehulp.sqlite"]
    assert _hash(db_pad) == voor


def _beschadig_kenmerken(pad: Path) -> None:
    verbinding = sqlite3.connect(pad)
    wortel = verbinding.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'kenmerk'"
    ).fetchone()[0]
    grootte = verbinding.execute("PRAGMA page_size").fetchone()[0]
    verbinding.close()
    with pad.open("r+b") as f:
        f.seek((wortel - 1) * grootte)
        f.write(b"\x5a" * grootte)


def test_a_damaged_database_opens_for_reading_only_and_says_so(db_pad: Path) -> None:
    kopie = maak_reservekopie(db_pad)
    _beschadig_kenmerken(db_pad)
    voor = _hash(db_pad)
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    try:
        assert opstart.database.beschadigd
        assert any(f"De nieuwste reservekopie is:\n{kopie}" in m for m in opstart.meldingen)
        with opstart.database.lezen() as s:  # what is intact can still be read
            assert s.scalar(select(func.count()).select_from(FengerRoute)) == 3
        with (
            pytest.raises(DatabaseBeschadigdFout, match="schrijft er daarom niets meer in"),
            opstart.database.wijzigen(MutatieContext(gebruiker="x", bron="test")) as s,
        ):
            s.execute(text("UPDATE fenger_route SET volgorde = volgorde"))
    finally:
        opstart.database.sluit()
    assert _hash(db_pad) == voor


def test_the_pre_upgrade_backup_is_complete_and_self_contained(db_pad: Path) -> None:
    kopie = maak_reservekopie(db_pad)
    assert kopie.name.startswith("keuzehulp.reservekopie-")
    assert not list(db_pad.parent.glob(".*.deel*"))  # the temporary file was renamed
    assert sorted(p.name for p in db_pad.parent.glob(f"{kopie.name}*")) == [kopie.name]
    verbinding = sqlite3.connect(f"file:{kopie}?mode=ro", uri=True)
    try:
        assert verbinding.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert verbinding.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        verbinding.close()


def test_a_reading_start_takes_no_write_lock(db_pad: Path) -> None:
    """While another process writes (a long import), a reading command still works."""
    schrijver = sqlite3.connect(db_pad, isolation_level=None)
    schrijver.execute("BEGIN IMMEDIATE")
    try:
        opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, (), alleen_lezen=True)
        try:
            with opstart.database.lezen() as s:
                assert s.scalar(select(func.count()).select_from(FengerRoute)) == 3
        finally:
            opstart.database.sluit()
    finally:
        schrijver.execute("ROLLBACK")
        schrijver.close()


def test_a_reading_start_never_creates_a_database(tmp_path: Path) -> None:
    pad = tmp_path / "typfout.sqlite"
    with pytest.raises(DatabaseFout, match="bestaat niet"):
        open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, (), alleen_lezen=True)
    assert list(tmp_path.iterdir()) == [tmp_path / "thuis"]


def test_two_starts_on_one_new_database_do_not_collide(tmp_path: Path) -> None:
    pad = tmp_path / "samen.sqlite"
    # A writing command, as the window's first start: both processes may make the file.
    schrijf = (
        "import sys; from keuzehulp.cli.main import main; "
        f"sys.exit(main(['--database', {str(pad)!r}, 'coach', '--naam', 'Test', "
        "'--email', 'test@example.nl']))"
    )
    for _ in range(2):
        for bestand in tmp_path.glob("samen.sqlite*"):
            bestand.unlink()
        processen = [
            subprocess.Popen(
                [sys.executable, "-c", schrijf],
                cwd=REPO,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        uitkomsten = [p.communicate(timeout=120) for p in processen]
        for proces, (_uit, fout) in zip(processen, uitkomsten, strict=True):
            assert proces.returncode == 0, fout
            assert "programmafout" not in fout
        verbinding = sqlite3.connect(pad)
        try:
            assert verbinding.execute("SELECT count(*) FROM fenger_route").fetchone() == (3,)
            assert verbinding.execute("SELECT count(*) FROM beheerder").fetchone() == (1,)
        finally:
            verbinding.close()


def test_a_new_database_is_placed_without_leaving_a_temporary_file(tmp_path: Path) -> None:
    """A new file is made beside the target and linked into place whole (so a second start
    never finds the 0-byte file SQLite leaves until its first write); nothing else stays."""
    pad = tmp_path / "nieuw.sqlite"
    opstart = open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
    opstart.database.sluit()
    assert opstart.nieuw
    assert _naast(pad) == ["nieuw.sqlite"]  # no temporary file left beside it
    assert [p.name for p in tmp_path.glob(".nieuw.*")] == []


def test_a_start_finding_a_new_file_placed_by_another_fills_it(tmp_path: Path) -> None:
    """What a second start finds when the first has placed the new file but not yet made its
    tables: an empty WAL database. It is opened and made, not refused."""
    pad = tmp_path / "samen.sqlite"
    verbinding = sqlite3.connect(pad)
    verbinding.execute("PRAGMA journal_mode=WAL")
    verbinding.close()
    assert pad.stat().st_size > 0
    opstart = open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
    try:
        assert opstart.nieuw
        with opstart.database.lezen() as s:
            assert s.scalar(select(func.count()).select_from(FengerRoute)) == 3
    finally:
        opstart.database.sluit()


def test_a_held_back_damage_check_runs_before_the_first_write(db_pad: Path) -> None:
    """The window opens without waiting for quick_check; the first write checks first."""
    _beschadig_kenmerken(db_pad)
    voor = _hash(db_pad)
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, (), na_de_start=True)
    try:
        assert opstart.nog_af_te_ronden
        assert not opstart.database.beschadigd  # not checked yet: the window is painting
        with (
            pytest.raises(DatabaseBeschadigdFout, match="schrijft er daarom niets meer in"),
            opstart.database.wijzigen(MutatieContext(gebruiker="x", bron="test")) as s,
        ):
            s.execute(text("UPDATE fenger_route SET volgorde = volgorde"))
        assert opstart.database.beschadigd
        assert rond_start_af(opstart) == []  # no retention on a damaged file
    finally:
        opstart.database.sluit()
    assert _hash(db_pad) == voor


def test_the_held_back_damage_check_in_a_worker_finds_the_damage(db_pad: Path) -> None:
    _beschadig_kenmerken(db_pad)
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, (), na_de_start=True)
    try:
        assert rond_start_af(opstart) == []
        assert opstart.database.beschadigd
        with (
            pytest.raises(DatabaseBeschadigdFout),
            opstart.database.wijzigen(MutatieContext(gebruiker="x", bron="test")) as s,
        ):
            s.execute(text("UPDATE fenger_route SET volgorde = volgorde"))
    finally:
        opstart.database.sluit()


def test_an_intact_file_passes_the_held_back_check(db_pad: Path) -> None:
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, (), na_de_start=True)
    try:
        assert rond_start_af(opstart) == []
        assert not opstart.database.beschadigd
        with opstart.database.wijzigen(MutatieContext(gebruiker="x", bron="test")) as s:
            s.execute(text("UPDATE fenger_route SET volgorde = volgorde"))
    finally:
        opstart.database.sluit()
