"""`keuzehulp gesprek terugblik`, `keuzehulp opmerkingen` and `keuzehulp waardering`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from keuzehulp.cli.main import main
from keuzehulp.model.db import Database
from keuzehulp.services.beheer.opmerkingen import OpmerkingFilter, zoek_opmerkingen
from keuzehulp.services.terugblik import TerugblikService
from keuzehulp.services.waardering import lees_minimum
from tests.gesprek_hulp import maak_instrumenten
from tests.terugblik_hulp import blik_terug, maak_gesprek


def _run(db_url: str, *args: str) -> int:
    """The exit code, also when argparse refuses the arguments (it exits with 2)."""
    try:
        return main(["--database", db_url, *args])
    except SystemExit as einde:
        return int(einde.code or 0)


def test_add_and_list_terugblikken(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0], ids[1])
    assert _run(db_url, "gesprek", "terugblik", "lijst", str(gesprek)) == 0
    assert f"Gesprek {gesprek} heeft nog geen terugblik." in capsys.readouterr().out
    opdracht = (
        "--gebruiker anna gesprek terugblik toevoegen GESPREK --status gestopt --reden "
        "werk_gevonden --doel ja --coach-totaal 8 --coach-uitvoering 9 --klant-cijfer 10"
    ).replace("GESPREK", str(gesprek))
    assert _run(db_url, *opdracht.split(), "--klant-opmerking", "Ik heb nu werk!") == 0
    uit = capsys.readouterr().out
    assert "bewaard bij gesprek" in uit and "De opmerking gaat naar de regiehouder" in uit
    [t] = TerugblikService(database).lijst(gesprek)
    i = t.invoer
    assert (i.status, i.reden_stoppen, i.doel_bereikt, i.coach_totaal) == (
        "gestopt", "werk_gevonden", "ja", 8,
    )  # fmt: skip
    assert (i.coach_resultaat, i.coach_uitvoering, i.client_cijfer) == (None, 9, 10)
    assert t.coach == "anna" and t.instrument_id == ids[0]
    assert _run(db_url, "gesprek", "terugblik", "toevoegen", str(gesprek), "--status",
                "aangemeld", "--instrument", str(ids[1])) == 0  # fmt: skip
    capsys.readouterr()
    assert _run(db_url, "gesprek", "terugblik", "lijst", str(gesprek)) == 0
    uit = capsys.readouterr().out
    assert "Stand van zaken: Gestopt (Werk gevonden)" in uit
    assert "Cijfers coach: totaal 8, uitvoering 9" in uit
    assert "Cijfer klant: 10" in uit and "Opmerking klant: Ik heb nu werk!" in uit
    assert "Training sollicitatievaardigheden" in uit  # the second one's instrument


@pytest.mark.parametrize(
    ("args", "melding", "code"),
    [
        (
            ["--status", "gestopt"],
            "--status gestopt: zeg met --reden waarom .* Kies uit: werk_gevonden "
            "\\(werk gevonden\\), .*Bijvoorbeeld: --status gestopt --reden werk_gevonden",
            1,
        ),
        (
            ["--reden", "werk_gevonden", "--status", "gestart"],
            "--reden werk_gevonden: .*hoort alleen bij --status gestopt",
            1,
        ),
        (
            ["--klant-cijfer", "11"],
            "--klant-cijfer: 11 valt buiten de schaal. Kies een cijfer van 1 tot en met 10.",
            1,
        ),
        (["--coach-resultaat", "0"], "--coach-resultaat: 0 valt buiten de schaal", 1),
        (
            ["--coach-totaal", "acht"],
            "--coach-totaal: ‘acht’ is geen heel getal. Kies een cijfer van 1 tot en met 10.",
            1,
        ),
        (["--klant-opmerking", "bsn 111222333"], "Opmerking van de klant: .*BSN", 1),
        (
            ["--klant-opmerking", "Ik ben Fatima en het was leuk"],
            "Opmerking van de klant: hierin staat misschien een naam \\(‘Ik ben Fatima’\\)",
            1,
        ),
        (
            ["--coach-opmerking", "mevrouw jansen was tevreden"],
            "Opmerking van de coach: .*naam \\(‘mevrouw jansen’\\).*‘de klant’",
            1,
        ),
        ([], "er is nog niets ingevuld", 1),
        (["--status", "klaar"], "bij --status: onbekende keuze 'klaar'", 2),
        (["--doel", "ja", "--instrument", "x"], "‘x’ is geen instrumentnummer", 1),
    ],
)
def test_wrong_terugblik_input_is_refused_in_dutch(
    database: Database,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    melding: str,
    code: int,
) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    assert _run(db_url, "gesprek", "terugblik", "toevoegen", str(gesprek), *args) == code
    fout = capsys.readouterr().err
    assert re.search(melding, fout), fout
    assert "Traceback" not in fout
    assert TerugblikService(database).lijst(gesprek) == []


def test_unknown_gesprek_and_wrong_number(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(db_url, "gesprek", "terugblik", "lijst", "abc") == 1
    assert "‘abc’ is geen gespreksnummer" in capsys.readouterr().err
    assert _run(db_url, "gesprek", "terugblik", "toevoegen", "77", "--doel", "ja") == 1
    assert "Gesprek 77 bestaat niet." in capsys.readouterr().err


def _vul(database: Database) -> list[int]:
    ids = maak_instrumenten(database)
    blik_terug(database, maak_gesprek(database, ids[0]), coach_opmerking="Goed geregeld")
    blik_terug(database, maak_gesprek(database, ids[2]), client_opmerking="Te druk in de les")
    return ids


def test_opmerkingen_list_status_and_export(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _vul(database)
    assert _run(db_url, "opmerkingen", "lijst") == 0
    uit = capsys.readouterr().out
    assert "Nieuw" in uit and "Coach: Goed geregeld" in uit and "Klant: Te druk in de les" in uit
    assert "[regiehouder: (geen)]" in uit
    nummer = next(o.id for o in zoek_opmerkingen(database) if o.tekst == "Goed geregeld")
    assert _run(db_url, "opmerkingen", "status", "verwerkt", str(nummer)) == 0
    assert "1 opmerking op ‘verwerkt’ gezet." in capsys.readouterr().out
    assert _run(db_url, "opmerkingen", "lijst", "--status", "verwerkt") == 0
    uit = capsys.readouterr().out
    assert "Goed geregeld" in uit and "Te druk" not in uit and "Verwerkt (" in uit
    pad = tmp_path / "opm.xlsx"
    assert _run(db_url, "opmerkingen", "export", str(pad), "--status", "nieuw") == 0
    assert "1 opmerkingen geschreven" in capsys.readouterr().out
    rijen = list(load_workbook(pad).active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert [r[5] for r in rijen[1:]] == ["Te druk in de les"]
    assert _run(db_url, "opmerkingen", "lijst", "--instrument", "Kompasroos") == 0
    assert "Te druk" not in capsys.readouterr().out


def test_opmerkingen_refusals(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _vul(database)
    assert _run(db_url, "--gebruiker", "bert", "opmerkingen", "status", "besproken", "1") == 1
    assert "Alleen beheerders mogen de status" in capsys.readouterr().err
    assert _run(db_url, "opmerkingen", "status", "besproken", "1", "999") == 1
    assert "Deze opmerkingen bestaan niet: 999." in capsys.readouterr().err
    assert _run(db_url, "opmerkingen", "status", "gelezen", "1") == 2
    assert "onbekende keuze" in capsys.readouterr().err
    assert _run(db_url, "opmerkingen", "lijst", "--regiehouder", "Piet") == 1
    assert "‘Piet’ heeft geen opmerkingen" in capsys.readouterr().err
    assert _run(db_url, "opmerkingen", "export", str(tmp_path / "o.csv")) == 1
    assert "eindigt op .xlsx" in capsys.readouterr().err
    assert zoek_opmerkingen(database, OpmerkingFilter(status="besproken")) == []


def test_waardering_minimum(
    database: Database, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(db_url, "waardering") == 0
    assert "Minimum: 5 cijfers" in capsys.readouterr().out
    assert _run(db_url, "waardering", "3") == 0
    assert "Minimum: 3 cijfers" in capsys.readouterr().out
    assert lees_minimum(database) == 3
    assert _run(db_url, "waardering", "--enquete", "enquête 2021") == 0
    assert "Zo heet dat cijfer: ‘enquête 2021’." in capsys.readouterr().out
    assert _run(db_url, "waardering", "--enquete", "x" * 31) == 1
    assert "Naam van de enquête" in capsys.readouterr().err
    assert _run(db_url, "waardering", "nul") == 1
    assert "‘nul’ is geen aantal cijfers" in capsys.readouterr().err
    assert _run(db_url, "--gebruiker", "bert", "waardering", "4") == 1
    assert "geen beheerder" in capsys.readouterr().err
    assert lees_minimum(database) == 3
