"""Each user's connection setting: the shared database's address, stored without password."""

from __future__ import annotations

from pathlib import Path

import pytest

from keuzehulp.cli.main import main
from keuzehulp.model import verbinding
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER


def _maak(*paden: Path) -> None:
    """`info` only reads and never makes a database (issue 11 item 8): make them first."""
    for pad in paden:
        open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ()).database.sluit()


def _info(capsys: pytest.CaptureFixture[str], *voor: str) -> str:
    assert main([*voor, "info"]) == 0
    return capsys.readouterr().out


def test_a_stored_address_is_opened_without_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    opgeslagen = tmp_path / "gedeeld.sqlite"
    _maak(opgeslagen, tmp_path / "ander.sqlite", tmp_path / "derde.sqlite")
    assert main(["verbinding", "instellen", f"sqlite:///{opgeslagen}"]) == 0
    assert "Bewaard in" in capsys.readouterr().out
    assert verbinding.instellingenbestand().is_relative_to(tmp_path / "thuis")
    assert f"Database:        {opgeslagen}" in _info(capsys)
    # --database and KEUZEHULP_DATABASE_URL still win over the stored setting.
    ander = tmp_path / "ander.sqlite"
    assert f"Database:        {ander}" in _info(capsys, "--database", f"sqlite:///{ander}")
    derde = tmp_path / "derde.sqlite"
    monkeypatch.setenv("KEUZEHULP_DATABASE_URL", f"sqlite:///{derde}")
    assert f"Database:        {derde}" in _info(capsys)
    monkeypatch.delenv("KEUZEHULP_DATABASE_URL")
    assert main(["verbinding"]) == 0
    assert f"Vast database-adres: sqlite:///{opgeslagen}" in capsys.readouterr().out
    assert main(["verbinding", "wissen"]) == 0
    assert "gewist" in capsys.readouterr().out
    assert verbinding.lees_adres() is None
    open_catalogus(None, TEST_GEBRUIKER, ()).database.sluit()  # the default file, made first
    assert "gedeeld.sqlite" not in _info(capsys)


@pytest.mark.parametrize(
    "adres",
    [
        "postgresql+psycopg://anna:Geheim123@server/keuzehulp",
        "postgresql+psycopg://anna@server/keuzehulp?password=Geheim123",
    ],
)
def test_an_address_with_a_password_is_not_stored(
    adres: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verbinding", "instellen", adres]) == 1
    uit = capsys.readouterr()
    assert "Het adres bevat een wachtwoord. Dat wordt niet bewaard." in uit.err
    assert "Geheim123" not in uit.out + uit.err
    assert not verbinding.instellingenbestand().exists()


def test_a_wrong_address_is_refused_before_it_is_stored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["verbinding", "instellen", "mysql://anna@server/keuzehulp"]) == 1
    assert "die deze keuzehulp niet kan openen" in capsys.readouterr().err
    assert not verbinding.instellingenbestand().exists()


def test_a_broken_address_never_shows_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    for adres in (
        "postgresql://anna:Geheim123@:::x/k",
        "postgresql+psycopg://anna:Geheim123@h:99999/k",
    ):
        assert main(["--database", adres, "info"]) == 1
        uit = capsys.readouterr()
        assert "Geheim123" not in uit.out + uit.err
        assert "anna:***@" in uit.err
