"""`keuzehulp import` / `export`: exit 0 applied, 1 workbook errors, 2 unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from keuzehulp.cli.main import main
from keuzehulp.model.db import Database
from tests.bronbestand_werkmappen import dump, maak_werkmap

KOP = ("Naam", "Fenger", "Afgeleide kenmerken", "Kosten")


def test_dry_run_then_import(
    db_url: str, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = maak_werkmap(
        tmp_path / "nieuw.xlsx", [["Training A", "Work first", "4.1", "€ 450,-"]], KOP
    )
    voor = dump(database)
    assert main(["--database", db_url, "import", str(pad), "--dry-run"]) == 0
    uit = capsys.readouterr().out
    assert "Proefimport van nieuw.xlsx (er is niets gewijzigd):" in uit
    assert "nieuw 1, gewijzigd 0, ongewijzigd 0, geparkeerd 0, teruggezet 0" in uit
    assert "  Training A\n" in uit
    assert dump(database) == voor
    assert main(["--database", db_url, "import", str(pad), "--reden", "eerste versie"]) == 0
    assert "Import van nieuw.xlsx uitgevoerd:" in capsys.readouterr().out
    pad2 = maak_werkmap(tmp_path / "duurder.xlsx", [["Training A", "Work first", "4.1", 500]], KOP)
    assert main(["--database", db_url, "import", str(pad2), "--dry-run"]) == 0
    assert "      Kosten per persoon: € 450,00 -> € 500,00" in capsys.readouterr().out


def test_workbook_errors_exit_1(
    db_url: str, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = maak_werkmap(tmp_path / "fout.xlsx", [["A", "Work first", "Zelfinzich", "x"]], KOP)
    voor = dump(database)
    assert main(["--database", db_url, "import", str(pad)]) == 1
    uitvoer = capsys.readouterr()
    assert (
        "Instrumenten, rij 2, kolom C (Afgeleide kenmerken) ‘Zelfinzich’: fout: ‘Zelfinzich’ is "
        "geen bekend kenmerk. Bedoelt u ‘1.7 Zelfinzicht’?" in uitvoer.out
    )
    assert "keuzehulp: fout.xlsx heeft 1 fout; er is niets gewijzigd." in uitvoer.err
    assert dump(database) == voor


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"Naam;Fenger\n", "geen Excel-werkmap (.xlsx)"),
        (bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 64, "oud Excel-bestand (.xls)"),
        (b"", "is leeg (0 bytes)"),
    ],
)
def test_unreadable_file_exits_2(
    db_url: str,
    database: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    inhoud: bytes,
    melding: str,
) -> None:
    pad = tmp_path / "bestand.xlsx"
    pad.write_bytes(inhoud)
    voor = dump(database)
    assert main(["--database", db_url, "import", str(pad)]) == 2
    assert melding in capsys.readouterr().err
    assert dump(database) == voor


def test_werkcoach_import_is_refused(
    db_url: str, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = maak_werkmap(tmp_path / "a.xlsx", [["A", "Work first", "4.1", 0]], KOP)
    voor = dump(database)
    assert main(["--database", db_url, "--gebruiker", "coach", "import", str(pad)]) == 1
    assert "Alleen beheerders mogen de catalogus wijzigen" in capsys.readouterr().err
    assert dump(database) == voor


def test_export(
    db_url: str, database: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "uit.xlsx"
    assert main(["--database", db_url, "export", str(pad)]) == 0
    assert "0 instrumenten en 0 geparkeerd geschreven" in capsys.readouterr().out
    assert pad.is_file()
    assert main(["--database", db_url, "export", str(tmp_path / "uit.txt")]) == 1
    assert "eindigt op .xlsx" in capsys.readouterr().err


def test_import_into_a_new_database_skips_the_sample_catalogue(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = maak_werkmap(tmp_path / "eigen.xlsx", [["Eigen training", "Work first", "4.1", 0]], KOP)
    url = f"sqlite:///{tmp_path / 'nieuw.sqlite'}"
    assert main(["--database", url, "import", str(pad)]) == 0
    assert "nieuw 1, gewijzigd 0, ongewijzigd 0, geparkeerd 0" in capsys.readouterr().out
    assert main(["--database", url, "info"]) == 0
    assert "Instrumenten:    1 actief, 0 geparkeerd, 0 concept" in capsys.readouterr().out
