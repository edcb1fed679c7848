"""The command line speaks Dutch and works headless on the chosen database."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from keuzehulp.cli.main import main


def test_help_is_dutch(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    uit = capsys.readouterr().out
    assert uit.startswith("gebruik: keuzehulp")
    assert "toon deze hulp en stop" in uit
    assert "opdrachten:" in uit
    for engels in ("usage:", "show this help", "positional arguments", "options:"):
        assert engels not in uit


def test_unknown_command_is_a_dutch_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["verwijder-alles"])
    assert exit_info.value.code == 2
    fout = capsys.readouterr().err
    assert "onbekende keuze 'verwijder-alles'" in fout
    assert "invalid choice" not in fout


def test_unknown_option_is_a_dutch_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["info", "--onzin"])
    assert exit_info.value.code == 2
    assert "onbekende argumenten" in capsys.readouterr().err


def test_info_on_chosen_database(
    db_url: str, db_pad: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", db_url, "info"]) == 0
    uit = capsys.readouterr().out
    assert f"Database:        {db_pad}" in uit
    assert "Kenmerken:       37" in uit
    assert "Gebruiker:       tester" in uit


def test_environment_variable_chooses_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "via-omgeving.sqlite"
    monkeypatch.setenv("KEUZEHULP_DATABASE_URL", f"sqlite:///{pad}")
    assert main(["info"]) == 1  # a reading command makes no database...
    assert "bestaat niet" in capsys.readouterr().err
    assert not pad.exists()
    assert main(["beheerder", "toevoegen", "collega"]) == 0  # ...a writing one does
    assert main(["info"]) == 0
    assert str(pad) in capsys.readouterr().out
    assert pad.exists()


def test_unusable_database_is_a_dutch_message_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pad = tmp_path / "kapot.sqlite"
    pad.write_bytes(b"\x00\x01 dit is geen database")
    assert main(["--database", f"sqlite:///{pad}", "info"]) == 1
    fout = capsys.readouterr().err
    assert fout.startswith("keuzehulp: Het bestand")
    assert "Traceback" not in fout
    assert pad.read_bytes() == b"\x00\x01 dit is geen database"


def test_argument_prefix_is_dutch_for_any_message() -> None:
    from keuzehulp.cli.parser import vertaal

    assert vertaal("argument --max-kosten: ‘veel’ is geen bedrag") == (
        "bij --max-kosten: ‘veel’ is geen bedrag"
    )
    assert vertaal("argument OPDRACHT: invalid choice: 'x' (choose from 'a', 'b')") == (
        "bij OPDRACHT: onbekende keuze 'x' (kies uit 'a', 'b')"
    )


def test_subcommand_help_says_gebruik_once(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["info", "--help"])
    uit = capsys.readouterr().out
    assert uit.startswith("gebruik: keuzehulp info")
    assert "gebruik: gebruik:" not in uit


def test_a_user_name_holding_a_bsn_is_refused(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The user name goes into the append-only log: a BSN there could never be removed."""
    assert main(["--database", db_url, "--gebruiker", "111222333", "info"]) == 1
    fout = capsys.readouterr().err
    assert "Gebruiker: hierin staat een nummer dat een BSN kan zijn" in fout
    assert main(["--database", db_url, "--gebruiker", "coach-123", "info"]) == 0


def test_a_database_in_a_missing_folder_gets_advice_that_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    map_ = tmp_path / "nieuw" / "catalogus"
    url = f"sqlite:///{map_ / 'k.sqlite'}"
    assert main(["--database", url, "--gebruiker", "tester", "info"]) == 1
    fout = capsys.readouterr().err
    assert f"de map {map_} bestaat niet" in fout
    assert f"mkdir -p {map_}" in fout and "import" in fout
    assert "open de keuzehulp zonder opdracht" not in fout  # the window refuses it as well
    assert not map_.exists()  # nothing made
    map_.mkdir(parents=True)  # the advice, followed
    bron = Path(__file__).resolve().parent.parent / "seed" / "instrumenten.xlsx"
    args = ["--database", url, "--gebruiker", "tester", "import", str(bron), "--reden", "eerste"]
    assert main(args) == 0
    assert main(["--database", url, "--gebruiker", "tester", "info"]) == 0


@pytest.mark.parametrize(
    ("argv", "verbeterd"),
    [
        (["zoek", "--database", "{url}"], "Probeer: keuzehulp --database {url} zoek"),
        (
            ["--database", "{url}", "info", "--gebruiker=piet", "-v"],
            "Probeer: keuzehulp --gebruiker=piet -v --database {url} info",
        ),
    ],
)
def test_global_option_after_the_command_says_where_it_belongs(
    db_url: str, argv: list[str], verbeterd: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([a.format(url=db_url) for a in argv])
    assert exit_info.value.code == 2
    fout = capsys.readouterr().err
    assert "vóór de opdracht, direct na ‘keuzehulp’" in fout
    verbeterd = verbeterd.format(url=shlex.quote(db_url))  # as a shell would read it
    assert verbeterd in fout
    # The corrected command line works.
    assert main(shlex.split(verbeterd.removeprefix("Probeer: keuzehulp "))) == 0


def test_unknown_option_names_no_global_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["info", "--onzin"])
    fout = capsys.readouterr().err
    assert "onbekende argumenten: --onzin" in fout
    assert "vóór de opdracht" not in fout
