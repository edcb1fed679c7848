"""`keuzehulp gesprek lijst/pdf/verwijder/bewaartermijn` and `keuzehulp coach`."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from keuzehulp.cli.main import main
from keuzehulp.model.db import Database
from keuzehulp.services.coachprofiel import bewaar_profiel, lees_profiel, maak_profiel
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten


def _profiel(database: Database, gebruiker: str = "anna") -> None:
    bewaar_profiel(database, gebruiker, maak_profiel(naam="Anna de Boer", telefoon="0344612233"))


def _bewaar(database: Database, *, profiel: bool = True) -> int:
    if profiel:
        _profiel(database)
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


def test_list_shows_id_date_time_coach_goal_choice(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    nummer = _bewaar(database)
    assert main(["--database", db_url, "gesprek", "lijst"]) == 0
    uit = capsys.readouterr().out
    kop, regel = uit.splitlines()[:2]
    assert kop.split()[:3] == ["id", "datum", "tijd"]
    assert regel.split()[0] == str(nummer)
    assert re.fullmatch(r"\d{2}-\d{2}-\d{4}", regel.split()[1])
    assert re.fullmatch(r"\d{2}:\d{2}", regel.split()[2])
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
    _profiel(database)
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


def test_list_finds_by_reference_goal_choice_and_date(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    nummer = _bewaar(database)
    ander = GesprekService(database).bewaar(GesprekInvoer(doel="Solliciteren"), "bram").id
    basis = ["--database", db_url, "gesprek", "lijst", "--zoek"]
    for zoek in ("z-4711", "ritme", "Uiterwaard"):
        assert main([*basis, zoek]) == 0
        regels = capsys.readouterr().out.splitlines()[1:]
        assert [r.split()[0] for r in regels] == [str(nummer)], zoek
    vandaag = GesprekService(database).lees(ander).aangemaakt_op.astimezone()
    assert main([*basis, f"{vandaag:%d-%m-%Y}"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert main([*basis, "Kompasroos"]) == 0
    assert "Geen gesprekken gevonden met ‘Kompasroos’." in capsys.readouterr().out


def test_client_pdf_without_a_profile_says_how_to_fill_it_in(
    database: Database, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nummer = _bewaar(database, profiel=False)
    pad = tmp_path / "k.pdf"
    args = ["--database", db_url, "--gebruiker", "anna", "gesprek", "pdf", str(nummer), str(pad)]
    assert main(args) == 1
    fout = capsys.readouterr().err
    assert "Vul eerst uw contactgegevens in" in fout
    assert "keuzehulp coach --naam NAAM --telefoon NUMMER" in fout
    assert not pad.exists()
    # Another user prints anna's gesprek: the hint names whose profile is missing.
    assert main(["--database", db_url, "gesprek", "pdf", str(nummer), str(pad)]) == 1
    assert 'keuzehulp --gebruiker "anna" coach --naam' in capsys.readouterr().err
    _profiel(database)
    assert main(args) == 0
    tekst = "".join(p.extract_text() for p in PdfReader(pad).pages)
    assert "Anna de Boer" in tekst and "0344612233" in tekst


def test_delete_needs_ja(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    nummer = _bewaar(database)
    basis = ["--database", db_url, "gesprek", "verwijder", str(nummer)]
    assert main(basis) == 1
    assert f"keuzehulp gesprek verwijder {nummer} --ja" in capsys.readouterr().err
    assert GesprekService(database).aantal() == 1
    assert main([*basis, "--ja"]) == 0
    assert f"Gesprek {nummer} is verwijderd." in capsys.readouterr().out
    assert GesprekService(database).aantal() == 0
    assert main([*basis, "--ja"]) == 1
    assert f"Gesprek {nummer} bestaat niet." in capsys.readouterr().err


def test_retention_term_shown_set_and_checked(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    basis = ["--database", db_url, "gesprek", "bewaartermijn"]
    assert main(basis) == 0
    assert "Bewaartermijn: 12 maanden." in capsys.readouterr().out
    assert main([*basis, "6"]) == 0  # the test user is the first user, so beheerder
    uit = capsys.readouterr().out
    assert "Bewaartermijn: 6 maanden." in uit
    assert "er was geen klantreferentie te wissen" in uit
    for fout, melding in (("0", "kies 1 tot en met 120"), ("zes", "‘zes’ is geen aantal")):
        assert main([*basis, fout]) == 1
        assert melding in capsys.readouterr().err
    assert main(["--database", db_url, "--gebruiker", "bram", *basis[2:], "24"]) == 1
    assert "bram is geen beheerder" in capsys.readouterr().err
    assert main(basis) == 0
    assert "Bewaartermijn: 6 maanden." in capsys.readouterr().out


def test_coach_profile_shown_set_merged_and_cleared(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    basis = ["--database", db_url, "coach"]
    assert main(basis) == 0
    assert f"Er zijn nog geen contactgegevens voor {TEST_GEBRUIKER}" in capsys.readouterr().out
    nieuw = ["--naam", "Anna de Boer", "--email", "a.deboer@werkzaak.example"]
    assert main([*basis, *nieuw]) == 0
    uit = capsys.readouterr().out
    assert "Opgeslagen." in uit and "Naam:         Anna de Boer" in uit
    assert "Telefoon:     (leeg)" in uit
    assert main([*basis, "--telefoon", "0344 61 22 33", "--organisatie", "Werkzaak"]) == 0
    capsys.readouterr()
    profiel = lees_profiel(database, TEST_GEBRUIKER)
    assert profiel is not None
    assert (profiel.naam, profiel.telefoon) == ("Anna de Boer", "0344 61 22 33")
    assert main([*basis, "--email", ""]) == 0  # clears the e-mail, keeps the phone
    capsys.readouterr()
    profiel = lees_profiel(database, TEST_GEBRUIKER)
    assert profiel is not None and profiel.email is None and profiel.telefoon


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--naam", "Anna", "--email", "anna"], "E-mail: dit is geen e-mailadres"),
        (["--naam", "Anna", "--telefoon", "bel mij"], "Telefoon: gebruik alleen cijfers"),
        (["--naam", "Anna"], "vul een telefoonnummer of e-mailadres in"),
        (["--telefoon", "0344612233"], "Naam: is verplicht"),
    ],
)
def test_coach_profile_errors_are_dutch_and_nothing_is_stored(
    database: Database,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    melding: str,
) -> None:
    assert main(["--database", db_url, "coach", *args]) == 1
    assert melding in capsys.readouterr().err
    assert lees_profiel(database, TEST_GEBRUIKER) is None
