"""The beheer commands: `keuzehulp log` with its filters, beheerders, status, actualiteit."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from keuzehulp.cli.main import main
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import beheerders, instrumenten
from keuzehulp.services.instrumentgegevens import maak_gegevens
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER

Uitvoer = pytest.CaptureFixture[str]


def _vul(db: Database) -> tuple[int, int]:
    a = nieuw(db, "Coaching, Stap Verder")
    b = nieuw(db, "Training, Sollicitatie")
    beheerders.voeg_beheerder_toe(db, TEST_GEBRUIKER, "bram")
    bw = instrumenten.open_instrument(db, a)
    instrumenten.bewaar_instrument(
        db, "bram", a, bw.versie, bw.gegevens.model_copy(update={"doel": "Werk"}), "doel erbij"
    )
    return a, b


def _draai(db_url: str, capsys: Uitvoer, *args: str) -> tuple[int, str, str]:
    code = main(["--database", db_url, *args])
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def test_log_filters_on_instrument_user_and_period(
    database: Database, db_url: str, capsys: Uitvoer
) -> None:
    a, _ = _vul(database)
    code, uit, _ = _draai(db_url, capsys, "log", "--instrument", "stap verder")
    regels = uit.strip().splitlines()
    assert code == 0 and len(regels) == 2
    assert "Doel (leeg) → Werk" in regels[0] and "reden: doel erbij" in regels[0]
    assert "toegevoegd" in regels[1] and "bron: bewerking in Beheer" in regels[1]
    code, uit, _ = _draai(db_url, capsys, "log", "--instrument", str(a), "--gebruiker", "bram")
    assert code == 0 and uit.count("\n") == 1 and "bram" in uit
    code, uit, _ = _draai(db_url, capsys, "log", "--sinds", "1-1-2099")
    assert code == 0 and uit.strip() == "Geen mutaties gevonden."
    code, uit, _ = _draai(db_url, capsys, "log", "--sinds", "2000-01-01", "--soort", "beheerder")
    assert "beheerder ‘bram’ toegevoegd" in uit and "instrument" not in uit
    code, uit, _ = _draai(db_url, capsys, "log", "--tot", "31-12-1999")
    assert uit.strip() == "Geen mutaties gevonden."


def test_log_bad_input_gives_dutch_errors(database: Database, db_url: str, capsys: Uitvoer) -> None:
    _vul(database)
    code, _, fout = _draai(db_url, capsys, "log", "--sinds", "31-2-2026")
    assert code == 1 and "--sinds: ‘31-2-2026’ is geen geldige datum" in fout
    code, _, fout = _draai(db_url, capsys, "log", "--sinds", "2-1-2026", "--tot", "1-1-2026")
    assert code == 1 and "‘tot’ ligt vóór ‘sinds’" in fout
    code, _, fout = _draai(db_url, capsys, "log", "--instrument", "bestaat niet")
    assert code == 1 and "Er is geen instrument met ‘bestaat niet’" in fout


def test_log_to_xlsx(database: Database, db_url: str, capsys: Uitvoer, tmp_path: Path) -> None:
    _vul(database)
    pad = tmp_path / "log.xlsx"
    code, uit, _ = _draai(db_url, capsys, "log", "--gebruiker", "bram", "--xlsx", str(pad))
    assert code == 0 and uit.startswith("1 mutaties geschreven")
    rijen = list(load_workbook(pad).active.iter_rows(values_only=True))
    assert rijen[1][1:] == (
        "bram",
        "gewijzigd",
        "instrument",
        "Coaching, Stap Verder",
        "Doel",
        None,
        "Werk",
        "doel erbij",
        "bewerking in Beheer",
    )


def test_beheerder_commands_and_role_refusal(
    database: Database, db_url: str, capsys: Uitvoer
) -> None:
    code, uit, _ = _draai(db_url, capsys, "beheerder", "toevoegen", "carla")
    assert code == 0 and "carla is nu beheerder" in uit
    code, uit, _ = _draai(db_url, capsys, "beheerder", "lijst")
    assert [r.split()[0] for r in uit.splitlines()] == ["carla", TEST_GEBRUIKER]
    code, _, fout = _draai(db_url, capsys, "--gebruiker", "wim", "beheerder", "toevoegen", "wim")
    assert code == 1 and "Alleen beheerders" in fout
    code, uit, _ = _draai(db_url, capsys, "beheerder", "verwijderen", "carla")
    assert code == 0
    code, _, fout = _draai(db_url, capsys, "beheerder", "verwijderen", TEST_GEBRUIKER)
    assert code == 1 and "laatste beheerder" in fout


def test_instrument_status_and_actualiteit(
    database: Database, db_url: str, capsys: Uitvoer
) -> None:
    a, _ = _vul(database)
    code, _, fout = _draai(
        db_url, capsys, "instrument", "publiceer", "Sollicitatie", "--reden", "x"
    )
    assert code == 0
    code, uit, _ = _draai(db_url, capsys, "instrument", "parkeer", str(a), "--reden", "weg")
    assert code == 0 and "is geparkeerd" in uit
    assert instrumenten.open_instrument(database, a).gegevens.status == "geparkeerd"
    code, uit, _ = _draai(db_url, capsys, "actualiteit")
    assert code == 0 and "0 instrumenten niet beoordeeld in 6 maanden" in uit
    code, uit, _ = _draai(db_url, capsys, "actualiteit", "--beoordeeld", "Sollicitatie")
    assert code == 0 and "beoordeeld" in uit
    code, _, fout = _draai(db_url, capsys, "actualiteit", "--maanden", "0")
    assert code == 1 and "1 tot en met 120" in fout


def test_versie_publish_list_export(
    database: Database, db_url: str, capsys: Uitvoer, tmp_path: Path
) -> None:
    nieuw(database, status="actief")
    code, uit, _ = _draai(db_url, capsys, "versie", "lijst")
    assert code == 0 and "nog geen versie" in uit
    code, uit, _ = _draai(db_url, capsys, "versie", "publiceer", "--omschrijving", "najaar")
    assert code == 0 and uit.startswith("Gepubliceerd: versie ") and "1 instrumenten" in uit
    code, uit, _ = _draai(db_url, capsys, "versie", "lijst")
    assert uit.startswith("nr 1  versie ") and "— najaar" in uit
    pad = tmp_path / "versie.xlsx"
    code, uit, _ = _draai(db_url, capsys, "versie", "export", "1", str(pad))
    assert code == 0 and "1 instrumenten, 0 geparkeerd" in uit
    namen = [r[1] for r in load_workbook(pad)["Instrumenten"].iter_rows(values_only=True)]
    assert namen == ["Naam", "Coaching, Stap Verder"]
    code, _, fout = _draai(db_url, capsys, "versie", "export", "7", str(pad))
    assert code == 1 and "geen versie met nummer 7" in fout
    code, _, fout = _draai(db_url, capsys, "versie", "export", "1", str(tmp_path / "v.txt"))
    assert code == 1 and "eindigt op .xlsx" in fout


def test_formulier_maak_and_lees(
    database: Database, db_url: str, capsys: Uitvoer, tmp_path: Path
) -> None:
    a = nieuw(database)
    pad = tmp_path / "formulier.xlsx"
    code, uit, _ = _draai(db_url, capsys, "formulier", "maak", str(pad), "--instrument", str(a))
    assert code == 0 and "Formulier geschreven" in uit
    code, _, fout = _draai(db_url, capsys, "formulier", "lees", str(pad))
    assert code == 1 and "er is al een instrument" in fout and "er is niets veranderd" in fout
    boek = load_workbook(pad)
    boek["Formulier"]["B4"] = "Coaching, Nieuw Aanbod"
    boek.save(pad)
    code, uit, _ = _draai(db_url, capsys, "formulier", "lees", str(pad), "--reden", "mail")
    assert code == 0 and "‘Coaching, Nieuw Aanbod’ staat nu als concept" in uit
    code, uit, _ = _draai(db_url, capsys, "log", "--aantal", "1")
    assert "bron: leveranciersformulier formulier.xlsx" in uit and "reden: mail" in uit


def test_publishing_an_incomplete_concept_says_what_is_missing(
    database: Database, db_url: str, capsys: Uitvoer
) -> None:
    instrumenten.maak_instrument(
        database, TEST_GEBRUIKER, maak_gegevens(naam="Training, Half Af"), "concept"
    )
    code, _, fout = _draai(db_url, capsys, "instrument", "publiceer", "Half Af", "--reden", "klaar")
    assert code == 1
    assert "Het mist: een type (soort instrument); een uitvoerder" in fout
    assert "een omschrijving; minstens één Fenger-route" in fout
    code, _, fout = _draai(db_url, capsys, "instrument", "parkeer", "Half Af", "--reden", " ")
    assert code == 1 and "Geef een korte reden" in fout
