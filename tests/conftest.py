"""Test fixtures: a real, migrated SQLite catalogue in a temporary directory per test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from keuzehulp.model.db import Database
from keuzehulp.services.opstart import NieuweDatabaseStap, open_catalogus, standaard_stappen

TEST_GEBRUIKER = "tester"


@pytest.fixture(autouse=True)
def _geen_echte_gegevens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may reach the user's real data directory or configuration."""
    thuis = tmp_path / "thuis"
    thuis.mkdir()
    monkeypatch.setenv("HOME", str(thuis))
    monkeypatch.setenv("XDG_DATA_HOME", str(thuis / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(thuis / ".config"))
    monkeypatch.delenv("KEUZEHULP_DATABASE_URL", raising=False)
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
def db_url(db_pad: Path) -> str:
    return f"sqlite:///{db_pad}"


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
def catalogus(voorbeeld_sjabloon: Path, tmp_path: Path) -> Iterator[Database]:
    """The opened sample catalogue (52 active, 9 parked instruments), a fresh copy per test."""
    pad = tmp_path / "voorbeeld.sqlite"
    shutil.copyfile(voorbeeld_sjabloon, pad)
    opstart = open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ())
    yield opstart.database
    opstart.database.sluit()
