"""Test fixtures: a real, migrated catalogue per test, on SQLite and on PostgreSQL.

Model, service and command-line tests that use `db_url`, `database` or `catalogus` run on
both engines: SQLite from a copied template file, PostgreSQL as a fresh database made from a
template database on the throwaway server that `scripts/test.sh` starts (its URL comes in
KEUZEHULP_TEST_POSTGRES_URL). Qt tests and tests about the SQLite file itself (`db_pad`) run on
SQLite only. Without a server the PostgreSQL tests fail with a message saying how to start one:
nothing is skipped. `--engines sqlite` limits a local run to SQLite.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import itertools
import shutil
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from keuzehulp.model.db import Database
from keuzehulp.services.opstart import NieuweDatabaseStap, open_catalogus, standaard_stappen

TEST_GEBRUIKER = "tester"
ENV_POSTGRES = "KEUZEHULP_TEST_POSTGRES_URL"
ENGINES = ("sqlite", "postgresql")
_volgnummer = itertools.count()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "alleen_sqlite: a Qt or SQLite-file test that runs on SQLite only"
    )
    config.addinivalue_line(
        "markers",
        "alleen_postgresql: a test of PostgreSQL's own features (roles, locks); always runs on "
        "PostgreSQL, also with --engines sqlite",
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--engines",
        default=",".join(ENGINES),
        help="database engines for model and service tests (default: sqlite,postgresql)",
    )


def _alleen_sqlite(metafunc: pytest.Metafunc) -> bool:
    """Qt screens (modules named *gui*, or marked) and tests about the SQLite file itself
    (they use `db_pad`, or are marked `alleen_sqlite`) run on SQLite only."""
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    gemarkeerd = metafunc.definition.get_closest_marker("alleen_sqlite") is not None
    return "gui" in module or "db_pad" in metafunc.fixturenames or gemarkeerd


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    gekozen = [e for e in metafunc.config.getoption("--engines").split(",") if e]
    onbekend = set(gekozen) - set(ENGINES)
    if onbekend:
        raise pytest.UsageError(f"--engines: onbekend {sorted(onbekend)}; kies uit {ENGINES}")
    engines = ["sqlite"] if _alleen_sqlite(metafunc) else gekozen
    if metafunc.definition.get_closest_marker("alleen_postgresql") is not None:
        engines = ["postgresql"]
    metafunc.parametrize("engine", engines, indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    """The engine this test runs on: "sqlite" or "postgresql"."""
    return str(getattr(request, "param", "sqlite"))


def _postgres_url() -> URL:
    tekst = os.environ.get(ENV_POSTGRES, "").strip()
    if not tekst:
        pytest.fail(
            f"{ENV_POSTGRES} is not set: run the suite with scripts/test.sh, which starts a "
            "throwaway PostgreSQL server, or pass --engines sqlite for a SQLite-only run.",
            pytrace=False,
        )
    return make_url(tekst)


def _postgres_beheer(url: URL, *opdrachten: str) -> None:
    """Run statements that cannot run in a transaction (CREATE/DROP DATABASE)."""
    beheer = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as conn:
            for opdracht in opdrachten:
                conn.execute(text(opdracht))
    finally:
        beheer.dispose()


def _postgres_sjabloon(naam: str, stappen: tuple[NieuweDatabaseStap, ...]) -> str:
    url = _postgres_url()
    _postgres_beheer(url, f'DROP DATABASE IF EXISTS "{naam}"', f'CREATE DATABASE "{naam}"')
    opstart = open_catalogus(
        url.set(database=naam).render_as_string(hide_password=False), TEST_GEBRUIKER, stappen
    )
    opstart.database.sluit()
    return naam


@pytest.fixture(scope="session")
def pg_leeg_sjabloon() -> str:
    return _postgres_sjabloon("sjabloon_leeg", ())


@pytest.fixture(scope="session")
def pg_voorbeeld_sjabloon() -> str:
    return _postgres_sjabloon("sjabloon_voorbeeld", standaard_stappen())


def _postgres_kopie(sjabloon: str | None) -> Iterator[str]:
    """A fresh database copied from the template (None: empty, no schema); dropped after."""
    url = _postgres_url()
    naam = f"test_{os.getpid()}_{next(_volgnummer)}"
    van = f' TEMPLATE "{sjabloon}"' if sjabloon else ""
    _postgres_beheer(url, f'CREATE DATABASE "{naam}"{van}')
    try:
        yield url.set(database=naam).render_as_string(hide_password=False)
    finally:
        _postgres_beheer(url, f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)')


class _QtImportWacht:
    """A meta-path finder that notes every import of a Qt module or of our UI code on a thread
    other than the main one. PySide6's lazy class loading crashed the process now and then when
    a worker imported UI modules (keuzehulp.ui.voorladen); this keeps any test from doing so."""

    def __init__(self) -> None:
        self.gevonden: list[str] = []

    def find_spec(self, naam: str, pad: object = None, doel: object = None) -> None:
        if threading.current_thread() is not threading.main_thread() and naam.startswith(
            ("keuzehulp.ui", "PySide6")
        ):
            self.gevonden.append(f"{naam} (draad {threading.current_thread().name})")
        return None  # never finds anything itself: the normal finders import the module


_QT_IMPORT_WACHT = _QtImportWacht()
sys.meta_path.insert(0, _QT_IMPORT_WACHT)


@pytest.fixture(autouse=True)
def _geen_qt_import_buiten_de_gui_draad() -> Iterator[None]:
    """Fails the test during which a worker thread imported Qt or UI modules."""
    yield
    gevonden, _QT_IMPORT_WACHT.gevonden[:] = list(_QT_IMPORT_WACHT.gevonden), []
    assert not gevonden, f"Qt- of UI-module geïmporteerd op een werkdraad: {gevonden}"


@pytest.fixture(scope="session", autouse=True)
def _werkers_opruimen() -> Iterator[None]:
    """End the idle export worker (services.proces) when the session ends, before pytest's
    own clean-up: no child process outlives the run, no "subprocess ... still running"."""
    yield
    if (proces := sys.modules.get("keuzehulp.services.proces")) is not None:
        proces.sluit_werkers()


@pytest.fixture(autouse=True)
def _geen_echte_gegevens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may reach the user's real data directory or configuration."""
    thuis = tmp_path / "thuis"
    thuis.mkdir()
    monkeypatch.setenv("HOME", str(thuis))
    monkeypatch.setenv("XDG_DATA_HOME", str(thuis / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(thuis / ".config"))
    monkeypatch.setenv("XDG_STATE_HOME", str(thuis / ".local" / "state"))  # the log file
    monkeypatch.delenv("KEUZEHULP_DATABASE_URL", raising=False)
    monkeypatch.delenv("KEUZEHULP_VOORBEELD", raising=False)
    monkeypatch.setenv("KEUZEHULP_GEBRUIKER", TEST_GEBRUIKER)


def _maak_sjabloon(pad: Path, stappen: tuple[NieuweDatabaseStap, ...]) -> Path:
    opstart = open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, stappen)
    opstart.database.sluit()  # closing checkpoints the WAL into the main file
    return pad


@pytest.fixture(scope="session")
def leeg_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated catalogue with only the standard content (routes, kenmerken, gemeenten)."""
    return _maak_sjabloon(tmp_path_factory.mktemp("sjabloon") / "leeg.sqlite", ())


@pytest.fixture
def db_pad(leeg_sjabloon: Path, tmp_path: Path) -> Path:
    """A fresh copy of the empty catalogue for this test."""
    pad = tmp_path / "keuzehulp.sqlite"
    shutil.copyfile(leeg_sjabloon, pad)
    return pad


@pytest.fixture
def db_url(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh empty catalogue on this test's engine."""
    if engine == "postgresql":
        yield from _postgres_kopie(request.getfixturevalue("pg_leeg_sjabloon"))
        return
    pad: Path = request.getfixturevalue("db_pad")
    yield f"sqlite:///{pad}"


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """The opened (already migrated) empty catalogue."""
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    yield opstart.database
    opstart.database.sluit()


@pytest.fixture(scope="session")
def voorbeeld_sjabloon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated catalogue with the sample catalogue (seed/instrumenten.xlsx), built once."""
    pad = tmp_path_factory.mktemp("sjabloon") / "voorbeeld.sqlite"
    return _maak_sjabloon(pad, standaard_stappen())


@pytest.fixture
def lege_url(engine: str, tmp_path: Path) -> Iterator[str]:
    """An empty database without any schema on this test's engine (for migration tests)."""
    if engine == "postgresql":
        yield from _postgres_kopie(None)
        return
    yield f"sqlite:///{tmp_path / 'leeg.sqlite'}"


@pytest.fixture
def catalogus_url(engine: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a fresh copy of the sample catalogue on this test's engine."""
    if engine == "postgresql":
        yield from _postgres_kopie(request.getfixturevalue("pg_voorbeeld_sjabloon"))
        return
    pad = tmp_path / "voorbeeld.sqlite"
    shutil.copyfile(request.getfixturevalue("voorbeeld_sjabloon"), pad)
    yield f"sqlite:///{pad}"


@pytest.fixture
def catalogus(catalogus_url: str) -> Iterator[Database]:
    """The opened sample catalogue (52 active, 9 parked instruments), a fresh copy per test."""
    opstart = open_catalogus(catalogus_url, TEST_GEBRUIKER, ())
    yield opstart.database
    opstart.database.sluit()
