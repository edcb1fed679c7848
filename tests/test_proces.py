"""Long work in a worker process (services/proces.py): results, progress, cancel, errors."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from keuzehulp.model.db import Database
from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services import proces
from keuzehulp.services.beheer.mutatielog import MutatieFilter
from keuzehulp.services.bronbestand.exporteren import ExportFout, exporteer
from keuzehulp.services.diensten import Diensten
from keuzehulp.services.opstart import open_catalogus
from tests.conftest import TEST_GEBRUIKER


class Gestopt(Exception):
    """What the runner's progress callback raises once the user cancelled."""


def _werk(functie: str, *argumenten: object) -> proces.ProcesWerk:
    return proces.ProcesWerk(functie, argumenten, apart=True)


def test_the_work_runs_in_another_process_which_is_reused() -> None:
    stappen: list[tuple[int, str]] = []
    eerste, antwoord = _werk("tests.proces_werk:pid", 42)(lambda p, t: stappen.append((p, t)))
    assert antwoord == 42
    assert eerste != os.getpid()
    assert stappen == [(50, "halverwege")]  # the repeated report was sent once
    tweede, _ = _werk("tests.proces_werk:pid", 7)(lambda p, t: None)
    assert tweede == eerste  # the idle worker was kept: no second start-up


def test_cancel_stops_the_child_and_raises_the_callbacks_exception(tmp_path: Path) -> None:
    spoor = tmp_path / "spoor.txt"
    meldingen: list[int] = []

    def voortgang(procent: int, _tekst: str) -> None:
        meldingen.append(procent)
        if len(meldingen) == 3:
            raise Gestopt

    with pytest.raises(Gestopt):
        _werk("tests.proces_werk:eindeloos", spoor)(voortgang)
    gestopt_bij = int(spoor.read_text(encoding="utf-8"))
    assert gestopt_bij < 99_999  # it stopped at a next report, before its end
    assert len(meldingen) == 3  # nothing was handed on after the cancel
    # The stopped worker takes the next task.
    pid, _ = _werk("tests.proces_werk:pid", 1)(lambda p, t: None)
    assert pid != os.getpid()


def test_a_domain_error_arrives_as_itself() -> None:
    with pytest.raises(KeuzehulpError) as fout:
        _werk("tests.proces_werk:domeinfout")(lambda p, t: None)
    assert fout.value.melding == "De map /nergens bestaat niet."


def test_a_domain_error_that_does_not_unpickle_keeps_its_dutch_message() -> None:
    with pytest.raises(KeuzehulpError) as fout:
        _werk("tests.proces_werk:domeinfout_met_extra")(lambda p, t: None)
    assert fout.value.melding == "Kolom ‘Naam’ ontbreekt."


def test_a_bug_or_a_dying_child_is_a_procesfout_and_the_next_task_still_runs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with pytest.raises(proces.ProcesFout):
        _werk("tests.proces_werk:programmafout")(lambda p, t: None)
    assert "invalid literal" in caplog.text  # the child's traceback is in the log
    with pytest.raises(proces.ProcesFout, match="code 3"):
        _werk("tests.proces_werk:sterft")(lambda p, t: None)
    _, antwoord = _werk("tests.proces_werk:pid", 5)(lambda p, t: None)
    assert antwoord == 5


def test_bronbestand_export_in_a_process_equals_the_one_in_this_process(
    catalogus: Database, tmp_path: Path
) -> None:
    beheer = Diensten.voor(catalogus, TEST_GEBRUIKER).beheer
    werk = beheer.exporteer_werk(tmp_path / "apart.xlsx")
    assert werk.apart  # a file or a server: another process can open it
    stappen: list[int] = []
    assert werk(lambda p, _t: stappen.append(p)) == (52, 9)
    assert stappen and stappen == sorted(stappen)
    assert exporteer(catalogus, tmp_path / "hier.xlsx") == (52, 9)
    apart = load_workbook(tmp_path / "apart.xlsx")["Instrumenten"]
    hier = load_workbook(tmp_path / "hier.xlsx")["Instrumenten"]
    assert [[c.value for c in r] for r in apart.iter_rows()] == [
        [c.value for c in r] for r in hier.iter_rows()
    ]


def test_cancelled_export_leaves_no_file_or_a_whole_one(
    catalogus: Database, tmp_path: Path
) -> None:
    map_ = tmp_path / "uit"
    map_.mkdir()
    doel = map_ / "bronbestand.xlsx"

    def stop(_procent: int, _tekst: str) -> None:
        raise Gestopt

    # The child sees the stop at its next report; the small sample catalogue may be written
    # by then. Either way nothing half is left.
    try:
        uitkomst = Diensten.voor(catalogus, TEST_GEBRUIKER).beheer.exporteer_werk(doel)(stop)
    except Gestopt:
        assert list(map_.iterdir()) == []  # no file, no temporary file
    else:
        assert uitkomst == (52, 9)
        assert list(map_.iterdir()) == [doel]
        assert load_workbook(doel)["Instrumenten"].max_row == 53


def test_export_error_in_the_process_is_the_same_dutch_message(
    catalogus: Database, tmp_path: Path
) -> None:
    werk = Diensten.voor(catalogus, TEST_GEBRUIKER).beheer.exporteer_werk(
        tmp_path / "ontbreekt" / "b.xlsx"
    )
    with pytest.raises(ExportFout, match=r"De map .*ontbreekt bestaat niet"):
        werk(lambda p, t: None)


def test_log_and_version_exports_run_apart_too(catalogus: Database, tmp_path: Path) -> None:
    beheer = Diensten.voor(catalogus, TEST_GEBRUIKER).beheer
    log = beheer.exporteer_log_werk(tmp_path / "log.xlsx", MutatieFilter())
    assert log.apart
    aantal = log(lambda p, t: None)
    assert aantal > 0
    assert load_workbook(tmp_path / "log.xlsx")["Mutatielog"].max_row == aantal + 1
    versie = beheer.publiceer_versie("proef")
    werk = beheer.exporteer_versie_werk(versie.id, tmp_path / "versie.xlsx")
    assert werk(lambda p, t: None) == (52, 9)


def test_publishing_a_version_runs_apart_and_keeps_its_rules(catalogus: Database) -> None:
    beheer = Diensten.voor(catalogus, TEST_GEBRUIKER).beheer
    werk = beheer.publiceer_versie_werk("najaar")
    assert werk.apart  # the window waits on a pipe, not on this interpreter (issue 13)
    pid_voor = os.getpid()
    info = werk(lambda p, t: None)
    assert info.omschrijving == "najaar" and info.aantal_instrumenten == 61
    assert info.gepubliceerd_door == TEST_GEBRUIKER and os.getpid() == pid_voor
    assert [v.id for v in beheer.lijst_versies()] == [info.id]
    # The child's Dutch refusals arrive unchanged, and nothing is written.
    coach = Diensten.voor(catalogus, "werkcoach_wim").beheer.publiceer_versie_werk("x")
    with pytest.raises(KeuzehulpError, match="beheerder"):
        coach(lambda p, t: None)
    with pytest.raises(KeuzehulpError, match="Omschrijving"):
        beheer.publiceer_versie_werk("x" * 5000)(lambda p, t: None)
    assert [v.id for v in beheer.lijst_versies()] == [info.id]


def test_an_in_memory_database_is_worked_on_in_this_process(tmp_path: Path) -> None:
    db = open_catalogus("sqlite://", TEST_GEBRUIKER, ()).database
    try:
        werk = Diensten.voor(db, TEST_GEBRUIKER).beheer.exporteer_werk(tmp_path / "b.xlsx")
        assert not werk.apart  # another process would see an empty database
        assert werk(lambda p, t: None) == (0, 0)
        assert (tmp_path / "b.xlsx").is_file()
    finally:
        db.sluit()


def test_naming_the_export_work_loads_no_openpyxl_on_the_calling_thread() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from keuzehulp.services.opstart import open_catalogus\n"
        "from keuzehulp.services.diensten import Diensten\n"
        "db = open_catalogus(sys.argv[1], 'z', ()).database\n"
        "b = Diensten.voor(db, 'z').beheer\n"
        "b.exporteer_werk(Path('x.xlsx')); b.exporteer_log_werk(Path('y.xlsx'))\n"
        "b.exporteer_versie_werk(1, Path('z.xlsx'))\n"
        "print('openpyxl' in sys.modules)\n"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code, "sqlite://"],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert uit.stdout.strip() == "False"


def test_a_worker_ended_from_outside_leaves_no_half_file(tmp_path: Path) -> None:
    import threading

    map_ = tmp_path / "uit"
    map_.mkdir()
    werker = proces._Werker()
    if os.name == "posix":  # started through subprocess (vfork): the parent is never copied
        assert isinstance(werker.proces, proces._Kindproces)
    bezig = threading.Event()
    fouten: list[BaseException] = []

    def laat_lopen() -> None:
        try:
            werker.voer_uit(
                "tests.proces_werk:schrijft_eindeloos", (map_ / "x.txt",), lambda p, t: bezig.set()
            )
        except BaseException as fout:
            fouten.append(fout)

    draad = threading.Thread(target=laat_lopen)
    draad.start()
    assert bezig.wait(60)  # the temporary file exists now
    assert len(list(map_.iterdir())) == 1
    werker.proces.terminate()  # as at closing time (a daemon child is ended)
    draad.join(60)
    assert len(fouten) == 1 and isinstance(fouten[0], proces.ProcesFout)
    assert list(map_.iterdir()) == []
    werker.sluit()


def test_a_worker_that_grew_big_is_not_kept_for_the_next_task() -> None:
    groot = _werk("tests.proces_werk:groeit", proces.MAX_PIEK_MB + 50)(lambda p, t: None)
    volgende, _ = _werk("tests.proces_werk:pid", 1)(lambda p, t: None)
    assert volgende != groot  # a fresh worker: the big one ended and gave its memory back
    weer, _ = _werk("tests.proces_werk:pid", 2)(lambda p, t: None)
    assert weer == volgende  # a small one is kept


def test_a_worker_started_from_a_big_window_is_still_reused() -> None:
    # Linux keeps the parent's peak size in a child's ru_maxrss across exec: a worker started
    # from a window that holds a big catalogue must not count that as its own and end.
    proces.sluit_werkers()  # the next task starts a fresh worker, from this (big) process
    groot = b"x" * ((proces.MAX_PIEK_MB + 50) * 2**20)
    try:
        eerste, _ = _werk("tests.proces_werk:pid", 1)(lambda p, t: None)
        tweede, _ = _werk("tests.proces_werk:pid", 2)(lambda p, t: None)
    finally:
        del groot
    assert tweede == eerste
    eigen = proces.eigen_piek_kib()
    assert eigen is None or eigen > proces.MAX_PIEK_MB * 1024  # this process is the big one


def test_a_cancel_reaches_a_child_that_reports_nothing_for_a_while(tmp_path: Path) -> None:
    map_ = tmp_path / "uit"
    map_.mkdir()
    teken = tmp_path / "gestopt"
    gemeld: list[int] = []

    def stoppen() -> bool:  # the user pressed Stoppen after the first report
        return bool(gemeld)

    def voortgang(procent: int, _tekst: str) -> None:
        if gemeld:
            teken.touch()  # the runner's callback raises once cancelled
            raise Gestopt
        gemeld.append(procent)

    werk = proces.ProcesWerk("tests.proces_werk:stil_na_begin", (map_ / "b.xlsx", teken), True)
    with pytest.raises(Gestopt):
        werk(voortgang, stoppen)
    assert gemeld == [10]
    assert list(map_.iterdir()) == []  # stopped at its last report: nothing written


def test_a_child_silent_after_a_cancel_is_ended_and_leaves_no_file(tmp_path: Path) -> None:
    # POSIX (the test machines): the worker is ended with SIGTERM, which it unwinds.
    map_ = tmp_path / "uit"
    map_.mkdir()
    gemeld: list[int] = []

    def voortgang(procent: int, _tekst: str) -> None:
        if gemeld:
            raise Gestopt
        gemeld.append(procent)

    werk = proces.ProcesWerk("tests.proces_werk:stil_voor_altijd", (map_ / "b.xlsx",), True)
    with pytest.raises(Gestopt):
        werk(voortgang, lambda: bool(gemeld))
    assert list(map_.iterdir()) == []  # ended with SIGTERM, it removed its temporary file
    _, antwoord = _werk("tests.proces_werk:pid", 3)(lambda p, t: None)
    assert antwoord == 3  # a fresh worker takes the next task


def test_the_idle_worker_ends_with_the_process() -> None:
    """A process that used a worker ends it on exit: no worker left behind, and no
    "ResourceWarning: subprocess ... is still running" (English) on stderr."""
    code = (
        "import os; from keuzehulp.services import proces; "
        "werker, _ = proces.voer_uit('tests.proces_werk:pid', (7,), lambda p, t: None); "
        "print(werker); assert werker != os.getpid()"
    )
    wortel = Path(__file__).resolve().parent.parent
    uit = subprocess.run(
        [sys.executable, "-W", "default", "-c", code],
        cwd=wortel,
        env=dict(os.environ, PYTHONPATH=str(wortel)),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.strip().isdigit()
    assert "ResourceWarning" not in uit.stderr
    assert "still running" not in uit.stderr
