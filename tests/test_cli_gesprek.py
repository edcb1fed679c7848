"""`keuzehulp gesprek lijst` and `gesprek pdf`: output, files and Dutch errors."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader

from keuzehulp.cli.main import main
from keuzehulp.model.db import Database
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from tests.gesprek_hulp import maak_instrumenten


def _bewaar(database: Database) -> int:
    ids = maak_instrumenten(database)
    invoer = GesprekInvoer(
        client_referentie="Z-4711",
        doel="Weer een vast ritme in de week krijgen",
        opties=(Optie(instrument_id=ids[3]), Optie(instrument_id=ids[0])),
        keuze_id=ids[3],
    )
    return GesprekService(database).bewaar(invoer, "anna").id


def test_list_without_conversations(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--database", db_url, "gesprek", "lijst"]) == 0
    assert "Er zijn nog geen gesprekken bewaard." in capsys.readouterr().out


def test_list_shows_id_date_coach_goal_choice(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    nummer = _bewaar(database)
    assert main(["--database", db_url, "gesprek", "lijst"]) == 0
    uit = capsys.readouterr().out
    regel = uit.splitlines()[1]
    assert regel.split()[0] == str(nummer)
    assert "anna" in regel
    assert "Weer een vast ritme in de week krijgen" in regel
    assert regel.endswith("Activering Groen aan de slag, Stichting Uiterwaard")
    assert "Z-4711" not in uit


def test_pdf_for_client_and_professional(
    database: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nummer = _bewaar(database)
    klant, prof = tmp_path / "klant.pdf", tmp_path / "prof.pdf"
    assert main(["--database", db_url, "gesprek", "pdf", str(nummer), str(klant)]) == 0
    assert f"PDF voor de klant geschreven: {klant}" in capsys.readouterr().out
    tekst = PdfReader(io.BytesIO(klant.read_bytes())).pages[0].extract_text()
    assert "Jouw keuze" in tekst
    args = ["--database", db_url, "gesprek", "pdf", str(nummer), str(prof), "--professional"]
    assert main(args) == 0
    tekst = "".join(p.extract_text() for p in PdfReader(prof).pages)
    assert "Klantreferentie: Z-4711" in tekst


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["99", "{tmp}/x.pdf"], "keuzehulp: Gesprek 99 bestaat niet."),
        (["abc", "{tmp}/x.pdf"], "‘abc’ is geen gespreksnummer"),
        (["1", "{tmp}/geen/map/x.pdf"], "De map {tmp}/geen/map bestaat niet"),
        (["1", "{tmp}"], "is een map"),
    ],
)
def test_pdf_errors_are_dutch(
    database: Database,
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    melding: str,
) -> None:
    _bewaar(database)
    args = [a.format(tmp=tmp_path) for a in args]
    assert main(["--database", db_url, "gesprek", "pdf", *args]) == 1
    assert melding.format(tmp=tmp_path) in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


def test_unwritable_folder_is_a_dutch_error(
    database: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nummer = _bewaar(database)
    if os.geteuid() == 0:
        map_ = Path("/sys")  # root may write anywhere a user may not; /sys refuses even root
    else:
        map_ = tmp_path / "alleen-lezen"
        map_.mkdir()
        map_.chmod(0o500)
    try:
        code = main(["--database", db_url, "gesprek", "pdf", str(nummer), str(map_ / "k.pdf")])
    finally:
        if map_ != Path("/sys"):
            map_.chmod(0o700)
    assert code == 1
    assert "u mag niet schrijven in deze map of dit bestand" in capsys.readouterr().err
    assert not (map_ / "k.pdf").exists()


def test_gesprek_without_subcommand_is_a_dutch_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as uitgang:
        main(["gesprek"])
    assert uitgang.value.code == 2
    assert "deze argumenten ontbreken: OPDRACHT" in capsys.readouterr().err


def test_client_pdf_of_an_empty_draft_is_refused_and_one_option_prints(
    database: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = maak_instrumenten(database)
    service = GesprekService(database)
    leeg = service.bewaar(GesprekInvoer(doel="Nog zoeken"), "anna").id
    pad = tmp_path / "k.pdf"
    assert main(["--database", db_url, "gesprek", "pdf", str(leeg), str(pad)]) == 1
    assert "zet eerst minstens één optie op de korte lijst" in capsys.readouterr().err
    assert not pad.exists()
    args = ["--database", db_url, "gesprek", "pdf", str(leeg), str(pad), "--professional"]
    assert main(args) == 0
    assert pad.exists()
    een = service.bewaar(
        GesprekInvoer(opties=(Optie(instrument_id=ids[0]),), keuze_id=ids[0]), "anna"
    ).id
    assert main(["--database", db_url, "gesprek", "pdf", str(een), str(pad)]) == 0
    tekst = "".join(p.extract_text() for p in PdfReader(pad).pages)
    assert "Coaching, Praktijk De Kompasroos" in tekst
