"""Wrong input on the command line and in the services: a Dutch message, nothing changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from keuzehulp.cli.main import main
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.beheer.instrumenten import lijst_instrumenten, maak_instrument
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.instrumentgegevens import maak_gegevens
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten

Uitvoer = pytest.CaptureFixture[str]


def _inhoud(pad: Path) -> list[str]:
    """Every row of the database as SQL, to show that a refused command changed nothing."""
    with sqlite3.connect(pad) as verbinding:
        return list(verbinding.iterdump())


def _draai(capsys: Uitvoer, *args: str) -> tuple[int, str]:
    code = main(list(args))
    uit = capsys.readouterr()
    assert "Traceback" not in uit.err
    return code, uit.err


def test_empty_database_option_is_refused_not_replaced_by_the_default(
    tmp_path: Path, capsys: Uitvoer
) -> None:
    code, fout = _draai(capsys, "--database", "", "info")
    assert code == 1
    assert "--database is leeg" in fout
    assert not list((tmp_path / "thuis").rglob("*.sqlite"))  # no default database made


@pytest.mark.parametrize("url", ["onzin://x", "mysql://coach@localhost/keuzehulp"])
def test_database_of_an_unsupported_kind_is_a_dutch_error(url: str, capsys: Uitvoer) -> None:
    code, fout = _draai(capsys, "--database", url, "info")
    assert code == 1
    assert "die deze keuzehulp niet kan openen" in fout
    assert "programmafout" not in fout


def test_unreachable_postgres_server_is_a_dutch_error_without_password(capsys: Uitvoer) -> None:
    # Port 1 on the loopback address: nothing listens there, the refusal is immediate.
    url = "postgresql+psycopg://coach:geheim@127.0.0.1:1/keuzehulp?connect_timeout=3"
    code, fout = _draai(capsys, "--database", url, "info")
    assert code == 1
    assert "de databaseserver is niet bereikbaar" in fout
    assert "geheim" not in fout and "refused" not in fout.lower()


def test_log_export_needs_an_xlsx_name(db_pad: Path, db_url: str, capsys: Uitvoer) -> None:
    voor = _inhoud(db_pad)
    doel = db_pad.parent / "log.txt"
    code, fout = _draai(capsys, "--database", db_url, "log", "--xlsx", str(doel))
    assert code == 1
    assert "eindigt op .xlsx" in fout and "log.txt" in fout
    assert not doel.exists()
    assert _inhoud(db_pad) == voor


def test_supplier_form_in_a_folder_that_is_a_file(
    db_pad: Path, db_url: str, capsys: Uitvoer
) -> None:
    voor = _inhoud(db_pad)
    code, fout = _draai(
        capsys, "--database", db_url, "formulier", "maak", str(db_pad / "formulier.xlsx")
    )
    assert code == 1
    assert f"{db_pad} is een bestand, geen map" in fout
    assert _inhoud(db_pad) == voor


@pytest.mark.parametrize(
    "args",
    [
        ("log", "--instrument", ""),
        ("actualiteit", "--beoordeeld", ""),
        ("formulier", "maak", "leeg.xlsx", "--instrument", ""),
    ],
)
def test_empty_instrument_is_refused_not_ignored(
    args: tuple[str, ...], db_pad: Path, db_url: str, capsys: Uitvoer, tmp_path: Path
) -> None:
    voor = _inhoud(db_pad)
    args = tuple(str(tmp_path / a) if a.endswith(".xlsx") else a for a in args)
    code, fout = _draai(capsys, "--database", db_url, *args)
    assert code == 1
    assert "Geef de naam of het nummer van een instrument" in fout
    assert not (tmp_path / "leeg.xlsx").exists()
    assert _inhoud(db_pad) == voor


def test_bsn_in_the_search_text_of_a_conversation_is_refused(database: Database) -> None:
    service = GesprekService(database)
    invoer = GesprekInvoer(doel="Werk vinden", zoekvraag=ZoekVraag(tekst="klant 111222333"))
    with pytest.raises(InvoerFout, match="Zoektekst: hierin staat een nummer dat een BSN"):
        service.bewaar(invoer, "coach")
    assert service.aantal() == 0


def test_absurd_cost_is_a_dutch_error_not_a_database_overflow() -> None:
    with pytest.raises(InvoerFout, match="Kosten per persoon: mag hoogstens € "):
        maak_gegevens(naam="Coaching", kosten_centen=10**20)


@pytest.mark.parametrize("soort", [(), ("--professional",)])
def test_conversation_pdf_needs_a_pdf_name(
    soort: tuple[str, ...], database: Database, db_url: str, tmp_path: Path, capsys: Uitvoer
) -> None:
    ids = maak_instrumenten(database)
    invoer = GesprekInvoer(
        doel="Werk", opties=(Optie(instrument_id=ids[0]), Optie(instrument_id=ids[1]))
    )
    nummer = GesprekService(database).bewaar(invoer, "anna").id
    doel = tmp_path / "keuze.txt"
    code, fout = _draai(
        capsys, "--database", db_url, "gesprek", "pdf", str(nummer), str(doel), *soort
    )
    assert code == 1
    assert "eindigt op .pdf (niet ‘keuze.txt’)" in fout
    assert not doel.exists()


def test_empty_supplier_form_is_refused_and_changes_nothing(
    db_pad: Path, db_url: str, tmp_path: Path, capsys: Uitvoer
) -> None:
    formulier = tmp_path / "formulier.xlsx"
    assert main(["--database", db_url, "formulier", "maak", str(formulier)]) == 0
    voor = _inhoud(db_pad)
    code, fout = _draai(capsys, "--database", db_url, "formulier", "lees", str(formulier))
    assert code == 1
    assert "Formulier, rij 4, kolom B (Naam)" in fout
    assert "keuzehulp: 1 fout; er is niets veranderd." in fout
    assert _inhoud(db_pad) == voor


def test_database_below_a_file_is_a_dutch_error(tmp_path: Path, capsys: Uitvoer) -> None:
    bestand = tmp_path / "notities.txt"
    bestand.write_text("geen map", encoding="utf-8")
    url = f"sqlite:///{bestand}/k.sqlite"
    code, fout = _draai(capsys, "--database", url, "beheerder", "toevoegen", "collega")
    assert code == 1
    assert "een deel van dat pad is een bestand, geen map" in fout
    code, fout = _draai(capsys, "--database", url, "info")  # a reading command: not there
    assert code == 1
    assert f"De database {bestand}/k.sqlite bestaat niet" in fout
    assert bestand.read_text(encoding="utf-8") == "geen map"


def test_export_below_a_file_is_a_dutch_error(db_pad: Path, db_url: str, capsys: Uitvoer) -> None:
    voor = _inhoud(db_pad)
    code, fout = _draai(capsys, "--database", db_url, "export", str(db_pad / "uit.xlsx"))
    assert code == 1
    assert f"{db_pad} is een bestand, geen map" in fout
    assert _inhoud(db_pad) == voor


@pytest.mark.parametrize(
    "args",
    [
        ("beheerder", "toevoegen", "bram", "--reden", "klant 111/222/333"),
        ("versie", "publiceer", "--omschrijving", "na gesprek 111222333"),
        ("formulier", "lees", "FORMULIER", "--reden", "BSN 111 222 333"),
        ("import", "BRONBESTAND", "--reden", "bsn 111222333"),
    ],
)
def test_bsn_in_a_reason_for_the_append_only_log_is_refused(
    args: tuple[str, ...], db_pad: Path, db_url: str, tmp_path: Path, capsys: Uitvoer
) -> None:
    formulier, bronbestand = tmp_path / "formulier.xlsx", tmp_path / "bron.xlsx"
    assert main(["--database", db_url, "formulier", "maak", str(formulier)]) == 0
    assert main(["--database", db_url, "export", str(bronbestand)]) == 0
    capsys.readouterr()
    voor = _inhoud(db_pad)
    vervang = {"FORMULIER": str(formulier), "BRONBESTAND": str(bronbestand)}
    code, fout = _draai(capsys, "--database", db_url, *(vervang.get(a, a) for a in args))
    assert code == 1
    assert "hierin staat een nummer dat een BSN kan zijn" in fout
    assert _inhoud(db_pad) == voor


def test_bsn_in_an_editor_reason_is_refused(database: Database) -> None:
    with pytest.raises(InvoerFout, match=r"^Reden: hierin staat een nummer dat een BSN"):
        maak_instrument(database, TEST_GEBRUIKER, maak_gegevens(naam="Coaching"), "111222333")
    assert lijst_instrumenten(database) == []


TE_GROOT = "99999999999999999999"  # beyond SQLite's 64-bit integers


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("instrument", "parkeer", TE_GROOT, "--reden", "x"), "Er is geen instrument met nummer"),
        (("log", "--instrument", TE_GROOT), "Er is geen instrument met nummer"),
        (("actualiteit", "--beoordeeld", TE_GROOT), "Er is geen instrument met nummer"),
        (("versie", "export", TE_GROOT, "v.xlsx"), "Er is geen versie met nummer"),
        (("gesprek", "pdf", TE_GROOT, "g.pdf"), f"Gesprek {TE_GROOT} bestaat niet"),
    ],
)
def test_a_number_too_large_for_the_database_is_not_found_not_a_crash(
    args: tuple[str, ...], melding: str, db_pad: Path, db_url: str, capsys: Uitvoer
) -> None:
    voor = _inhoud(db_pad)
    code, fout = _draai(capsys, "--database", db_url, *args)
    assert code == 1
    assert melding in fout
    assert _inhoud(db_pad) == voor


def test_log_with_a_huge_count_shows_everything(db_url: str, capsys: Uitvoer) -> None:
    assert main(["--database", db_url, "log", "--aantal", TE_GROOT]) == 0
    assert "route ‘Eerst werk vinden’ toegevoegd" in capsys.readouterr().out


def test_damaged_database_is_named_and_left_alone(db_pad: Path, capsys: Uitvoer) -> None:
    kapot = db_pad.parent / "kapot.sqlite"
    kapot.write_bytes(db_pad.read_bytes()[:2000])
    voor = kapot.read_bytes()
    code, fout = _draai(capsys, "--database", f"sqlite:///{kapot}", "info")
    assert code == 1
    assert f"De database is beschadigd: {kapot}" in fout
    assert "schrijft er daarom niets meer in" in fout
    assert kapot.read_bytes() == voor
    assert sorted(p.name for p in kapot.parent.glob("kapot*")) == ["kapot.sqlite"]  # no -wal


def test_very_long_version_description_is_refused(
    db_pad: Path, db_url: str, capsys: Uitvoer
) -> None:
    voor = _inhoud(db_pad)
    code, fout = _draai(
        capsys, "--database", db_url, "versie", "publiceer", "--omschrijving", "a" * 5000
    )
    assert code == 1
    assert "Omschrijving: houd het kort (hoogstens 500 tekens)." in fout
    assert _inhoud(db_pad) == voor
