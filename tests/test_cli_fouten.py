"""The command line in trouble: a typo in --database, a plain path, odd digits, a closed pipe,
a full disk and a bug each end in one Dutch line (or quietly), never in a traceback."""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from keuzehulp.cli.main import AFGEBROKEN_PIJP, maak_parser, main, voer_uit
from keuzehulp.services.foutverslag import LOGBESTAND, logmap

Uitvoer = pytest.CaptureFixture[str]
REPO = Path(__file__).resolve().parent.parent

LEESOPDRACHTEN = [
    ["info"],
    ["zoek", "--kenmerk", "4.1"],
    ["gesprek", "lijst"],
    ["gesprek", "pdf", "1", "uit.pdf"],
    ["log"],
    ["beheerder", "lijst"],
    ["versie", "lijst"],
    ["versie", "export", "1", "versie.xlsx"],
    ["export", "uit.xlsx"],
    ["actualiteit"],
    ["coach"],
    ["formulier", "maak", "formulier.xlsx"],
    ["inzicht"],
    ["gesprek", "terugblik", "lijst", "1"],
    ["opmerkingen", "lijst"],
    ["opmerkingen", "export", "opmerkingen.xlsx"],
    ["waardering"],
]


def _draai(capsys: Uitvoer, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    uit = capsys.readouterr()
    assert "Traceback" not in uit.err
    return code, uit.out, uit.err


@pytest.mark.parametrize("opdracht", LEESOPDRACHTEN, ids=" ".join)
def test_a_reading_command_never_creates_a_database(
    opdracht: list[str], tmp_path: Path, capsys: Uitvoer
) -> None:
    typfout = tmp_path / "keuzehlup.sqlite"
    code, _, fout = _draai(capsys, "--database", f"sqlite:///{typfout}", *opdracht)
    assert code == 1
    assert f"De database {typfout} bestaat niet" in fout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thuis"]  # nothing made


def test_a_plain_file_path_is_accepted_for_database(
    db_pad: Path, capsys: Uitvoer, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, uit, _ = _draai(capsys, "--database", str(db_pad), "info")
    assert code == 0
    assert f"Database:        {db_pad}" in uit
    monkeypatch.chdir(db_pad.parent)  # relative to the working folder
    code, uit, _ = _draai(capsys, "--database", db_pad.name, "info")
    assert code == 0
    assert f"Database:        {db_pad}" in uit


def test_search_without_results_says_so(catalogus_url: str, capsys: Uitvoer) -> None:
    code, uit, _ = _draai(capsys, "--database", catalogus_url, "zoek", "--tekst", "xyzzyq")
    assert code == 0
    assert uit.startswith("Geen instrumenten gevonden met deze keuzes.")
    assert "Zonder de zoektekst ‘xyzzyq’" in uit


@pytest.mark.parametrize("nummer", ["²", "٣", "-1", "0", "1.5", "12a", "\u00bd"])
def test_an_id_in_other_digits_is_a_dutch_error(nummer: str, db_url: str, capsys: Uitvoer) -> None:
    for opdracht in (
        ["gesprek", "pdf", nummer, "uit.pdf"],
        ["gesprek", "verwijder", nummer],
        ["gesprek", "terugblik", "lijst", nummer],
    ):
        code, _, fout = _draai(capsys, "--database", db_url, *opdracht)
        assert code == 1
        assert f"‘{nummer}’ is geen gespreksnummer" in fout
        assert "programmafout" not in fout


def test_output_into_a_closed_pipe_ends_quietly(catalogus_url: str) -> None:
    code = (
        "import sys; from keuzehulp.cli.main import main; "
        f"sys.exit(main(['--database', {catalogus_url!r}, 'zoek', '--facetten']))"
    )
    proces = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proces.stdout is not None and proces.stderr is not None
    proces.stdout.close()  # like `| head -0`: the reader is gone before anything is written
    fout = proces.stderr.read().decode()
    proces.stderr.close()
    assert proces.wait(timeout=120) == AFGEBROKEN_PIJP
    assert fout == ""


def _klein_bestand() -> None:
    # `ulimit -f`: a file may grow to 64 KiB, then writing fails (EFBIG), as on a full disk.
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))


def test_a_full_disk_during_import_is_a_dutch_error(tmp_path: Path) -> None:
    pad = tmp_path / "vol.sqlite"
    code = (
        "import sys; from keuzehulp.cli.main import main; "
        f"sys.exit(main(['--database', {str(pad)!r}, 'import', "
        f"{str(REPO / 'seed' / 'instrumenten.xlsx')!r}, '--reden', 'test']))"
    )
    proces = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        capture_output=True,
        text=True,
        preexec_fn=_klein_bestand,
        timeout=300,
        check=False,
    )
    assert proces.returncode == 1, proces.stderr
    assert "programmafout" not in proces.stderr
    assert "Traceback" not in proces.stderr
    assert "de schijf is misschien vol" in proces.stderr or "De schijf is vol" in proces.stderr
    assert "Er is niets gewijzigd" in proces.stderr


def test_a_bug_names_the_log_file_with_its_details(capsys: Uitvoer) -> None:
    def kapot(_args: argparse.Namespace) -> int:
        raise ZeroDivisionError("een fout in de keuzehulp zelf")

    args = argparse.Namespace(uitgebreid=False)
    assert voer_uit(kapot, args) == 70
    fout = capsys.readouterr().err
    logbestand = logmap() / LOGBESTAND
    assert f"de beheerder van de keuzehulp:\n{logbestand}" in fout
    assert "Traceback" not in fout
    inhoud = logbestand.read_text(encoding="utf-8")
    assert "ZeroDivisionError: een fout in de keuzehulp zelf" in inhoud
    assert "Traceback" in inhoud
    with pytest.raises(ZeroDivisionError):  # -v shows the traceback itself
        voer_uit(kapot, argparse.Namespace(uitgebreid=True))


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    alle = [parser]
    for actie in parser._actions:
        if isinstance(actie, argparse._SubParsersAction):
            for sub in actie.choices.values():
                alle.extend(_parsers(sub))
    return alle


def test_every_positional_argument_has_help_text() -> None:
    zonder = [
        f"{p.prog} {a.metavar or a.dest}"
        for p in _parsers(maak_parser())
        for a in p._actions
        if not a.option_strings
        and not isinstance(a, argparse._SubParsersAction)
        and not (a.help or "").strip()
    ]
    assert zonder == []


def test_warnings_of_the_running_app_go_to_the_same_log_file() -> None:
    import logging

    from keuzehulp.services.foutverslag import installeer_logbestand

    pad = installeer_logbestand()
    assert pad == logmap() / LOGBESTAND
    handlers = [
        h for h in logging.getLogger().handlers if getattr(h, "baseFilename", "") == str(pad)
    ]
    try:
        logging.getLogger("keuzehulp.test").warning("Reservekopie mislukt: proef")
        logging.getLogger("keuzehulp.test").info("alleen ter informatie")
        for handler in handlers:
            handler.flush()
        inhoud = pad.read_text(encoding="utf-8")
        assert "WARNING keuzehulp.test: Reservekopie mislukt: proef" in inhoud
        assert "alleen ter informatie" not in inhoud
    finally:
        for handler in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()


@pytest.mark.parametrize(
    "opdracht",
    [
        ["instrument", "parkeer", "²", "--reden", "proef"],
        ["log", "--instrument", "²"],
        ["actualiteit", "--beoordeeld", "①"],
    ],
    ids=" ".join,
)
def test_an_instrument_number_in_other_digits_matches_no_name(
    opdracht: list[str], catalogus_url: str, capsys: Uitvoer
) -> None:
    """ "²" once matched, as text, every name with a 2 in it ("Cursus NT2") and parked it."""
    code, _, fout = _draai(capsys, "--database", catalogus_url, *opdracht)
    assert code == 1
    assert "is geen instrumentnummer" in fout
    code, uit, _ = _draai(capsys, "--database", catalogus_url, "info")
    assert "52 actief, 9 geparkeerd" in uit
