"""Files the app writes get normal permissions, and its PDFs carry no login name as author
(issue 11, item 9)."""

from __future__ import annotations

import getpass
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from keuzehulp.cli.main import main
from keuzehulp.model.migratie import maak_reservekopie
from keuzehulp.model.verbinding import bewaar_adres
from keuzehulp.services.rapport.opmaak import MAKER
from tests.conftest import TEST_GEBRUIKER

LOGIN = TEST_GEBRUIKER  # the login the catalogue was made by (a beheerder)


@pytest.fixture
def umask() -> Iterator[None]:
    vorige = os.umask(0o022)
    yield
    os.umask(vorige)


def _draai(db_url: str, capsys: pytest.CaptureFixture[str], *args: str) -> None:
    code = main(["--database", db_url, "--gebruiker", LOGIN, *args])
    uit = capsys.readouterr()
    assert (code, uit.err) == (0, ""), uit.out


def test_exports_printouts_backups_and_settings_get_normal_permissions(
    db_url: str, db_pad: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], umask: None
) -> None:
    _draai(db_url, capsys, "voorbeeld", "--gesprekken", "60")
    uit = tmp_path / "uit"
    uit.mkdir()
    _draai(db_url, capsys, "export", str(uit / "catalogus.xlsx"))
    _draai(db_url, capsys, "inzicht", "--export", str(uit / "inzicht.xlsx"))
    _draai(db_url, capsys, "inzicht", "--export", str(uit / "inzicht.pdf"))
    geschreven = [
        *sorted(uit.iterdir()),
        maak_reservekopie(db_pad),
        bewaar_adres(f"sqlite:///{db_pad}"),
    ]
    assert [p.name for p in geschreven[:3]] == ["catalogus.xlsx", "inzicht.pdf", "inzicht.xlsx"]
    rechten = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in geschreven}
    assert set(rechten.values()) == {"0o644"}, rechten


def test_the_inzicht_pdf_names_the_keuzehulp_not_the_login_as_author(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _draai(db_url, capsys, "voorbeeld", "--gesprekken", "60")
    pdf = tmp_path / "inzicht.pdf"
    _draai(db_url, capsys, "inzicht", "--export", str(pdf))
    metadata = PdfReader(io.BytesIO(pdf.read_bytes())).metadata
    assert metadata is not None and metadata.author == MAKER == "Keuzehulp"
    waarden = " ".join(str(v) for v in metadata.values())
    assert LOGIN not in waarden and getpass.getuser() not in waarden
