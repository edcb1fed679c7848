"""The one background-job runner and the one "catalogue changed" event, through qtbot."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.model.errors import ConflictFout
from keuzehulp.model.mutatielog import MutatieContext, Wijzigingen
from keuzehulp.services.beheer import instrumenten
from keuzehulp.services.proces import ProcesWerk
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.taken import ONVERWACHT, SCHAKELTIJD_S, Takenloper, Voortgang
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER


def test_result_and_progress_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    loper = Takenloper()
    draden: list[threading.Thread] = []
    stappen: list[tuple[int, str]] = []

    def werk(voortgang: Voortgang) -> int:
        draden.append(threading.current_thread())
        voortgang(50, "halverwege")
        return 42

    taak = loper.start(werk, "som", bij_voortgang=lambda p, t: stappen.append((p, t)))
    with qtbot.waitSignal(taak.klaar, timeout=5000) as klaar:
        pass
    assert klaar.args == [42]
    assert draden and draden[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: stappen == [(50, "halverwege")])
    qtbot.waitUntil(lambda: loper.aantal_bezig == 0)


def test_a_domain_error_reaches_the_user_in_its_own_dutch_words(qtbot: QtBot) -> None:
    loper = Takenloper()
    melding = "‘Coaching’ is intussen door iemand anders gewijzigd."

    def werk(_v: Voortgang) -> None:
        raise ConflictFout(melding)

    taak = loper.start(werk, "opslaan")
    with qtbot.waitSignal(taak.fout, timeout=5000) as fout:
        pass
    assert fout.args == [melding]
    assert isinstance(taak.uitzondering, ConflictFout)  # screens can react to the kind


def test_a_bug_reaches_the_user_as_a_general_dutch_message_not_english(qtbot: QtBot) -> None:
    loper = Takenloper()

    def werk(_v: Voortgang) -> None:
        raise ValueError("invalid literal for int() with base 10")

    taak = loper.start(werk, "fout")
    with qtbot.waitSignal(taak.fout, timeout=5000) as fout:
        pass
    assert fout.args == [ONVERWACHT]
    assert "invalid" not in fout.args[0]
    assert taak.uitzondering is None


def test_cancel_stops_the_work_at_its_next_progress_report(qtbot: QtBot) -> None:
    loper = Takenloper()
    gestart, verder = threading.Event(), threading.Event()
    gedaan: list[int] = []

    def werk(voortgang: Voortgang) -> None:
        gestart.set()
        verder.wait(5)
        for stap in range(10):
            voortgang(stap * 10, "bezig")  # raises Afgebroken once cancelled
            gedaan.append(stap)

    klaar: list[object] = []
    taak = loper.start(werk, "lang", bij_klaar=klaar.append)
    assert gestart.wait(5)
    taak.annuleer()
    verder.set()
    with qtbot.waitSignal(taak.afgebroken, timeout=5000):
        pass
    assert gedaan == [] and klaar == []
    assert taak.geannuleerd


def test_work_that_ends_before_seeing_the_cancel_reports_its_real_outcome(qtbot: QtBot) -> None:
    loper = Takenloper()
    verder = threading.Event()

    def werk(_v: Voortgang) -> str:
        verder.wait(5)
        return "opgeslagen"

    taak = loper.start(werk, "kort")
    taak.annuleer()  # too late: the work reports no progress, so it finishes
    verder.set()
    with qtbot.waitSignal(taak.klaar, timeout=5000) as klaar:
        pass
    assert klaar.args == ["opgeslagen"]


def test_busy_count_goes_up_and_back_to_zero(qtbot: QtBot) -> None:
    loper = Takenloper()
    tellingen: list[int] = []
    loper.bezig.connect(tellingen.append)
    verder = threading.Event()
    taak = loper.start(lambda _v: verder.wait(5), "wacht")
    assert loper.aantal_bezig == 1
    verder.set()
    with qtbot.waitSignal(taak.afgelopen, timeout=5000):
        pass
    qtbot.waitUntil(lambda: loper.aantal_bezig == 0)
    assert tellingen[0] == 1 and tellingen[-1] == 0


def test_one_catalogue_changed_event_after_a_commit_from_any_thread(
    qtbot: QtBot, database: Database
) -> None:
    iid = nieuw(database)  # before the window's context exists: no event for this one
    context = AppContext(database, TEST_GEBRUIKER)
    gezien: list[Wijzigingen] = []
    teller: list[int] = []
    context.gebeurtenissen.wijzigingen.connect(gezien.append)
    context.gebeurtenissen.catalogus_gewijzigd.connect(lambda: teller.append(1))
    b = instrumenten.open_instrument(database, iid)
    nieuw_ = b.gegevens.model_copy(update={"doel": "Sneller aan het werk"})
    # Committed in a worker: the event still arrives once, on the GUI thread.
    with qtbot.waitSignal(context.gebeurtenissen.catalogus_gewijzigd, timeout=5000):
        context.taken.start_functie(
            lambda: instrumenten.bewaar_instrument(
                database, TEST_GEBRUIKER, iid, b.versie, nieuw_, "doel aangevuld"
            ),
            "opslaan",
        )
    qtbot.waitUntil(lambda: context.taken.aantal_bezig == 0)
    assert teller == [1]
    assert gezien[0].entiteiten == frozenset({"instrument"})
    assert ("instrument", iid) in gezien[0].ids


def test_reading_or_a_rolled_back_change_raises_no_event(qtbot: QtBot, database: Database) -> None:
    context = AppContext(database, TEST_GEBRUIKER)
    teller: list[int] = []
    context.gebeurtenissen.catalogus_gewijzigd.connect(lambda: teller.append(1))
    iid = nieuw(database)
    qtbot.waitUntil(lambda: teller == [1])  # the creation itself
    instrumenten.lijst_instrumenten(database)
    try:
        with database.wijzigen(MutatieContext(TEST_GEBRUIKER, "test")) as s:
            from keuzehulp.model.catalogus import Instrument

            s.get_one(Instrument, iid).doel = "wordt teruggedraaid"
            s.flush()
            raise RuntimeError("afbreken")
    except RuntimeError:
        pass
    qtbot.wait(100)
    assert teller == [1]


def test_work_in_a_process_reports_progress_and_stops_when_cancelled(
    qtbot: QtBot, tmp_path: Path
) -> None:
    loper = Takenloper()
    stappen: list[int] = []
    klaar: list[object] = []
    werk = ProcesWerk("tests.proces_werk:eindeloos", (tmp_path / "spoor.txt",), apart=True)
    taak = loper.start_proces(
        werk, "eindeloos", bij_voortgang=lambda p, _t: stappen.append(p), bij_klaar=klaar.append
    )
    qtbot.waitUntil(lambda: len(stappen) >= 2, timeout=60_000)  # a first start imports a lot
    with qtbot.waitSignal(taak.afgebroken, timeout=30_000):
        taak.annuleer()
    assert klaar == [] and not taak.loopt
    qtbot.waitUntil(lambda: loper.aantal_bezig == 0)
    taak = loper.start_proces(ProcesWerk("tests.proces_werk:domeinfout", (), apart=True), "fout")
    with qtbot.waitSignal(taak.fout, timeout=60_000) as fout:
        pass
    assert fout.args == ["De map /nergens bestaat niet."]


def test_the_runner_lets_the_gui_thread_win_the_interpreter_back_quickly() -> None:
    import sys

    oud = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # Python's default
        Takenloper()
        assert sys.getswitchinterval() == pytest.approx(SCHAKELTIJD_S)
        assert SCHAKELTIJD_S < 0.005
    finally:
        sys.setswitchinterval(oud)


def test_held_work_starts_only_when_let_go_in_its_order(qtbot: QtBot) -> None:
    loper = Takenloper()
    volgorde: list[str] = []
    loper.houd_vast()
    eerste = loper.start_functie(lambda: volgorde.append("eerste"), "eerste")
    tweede = loper.start_functie(lambda: volgorde.append("tweede"), "tweede")
    assert loper.pool.activeThreadCount() == 0  # queued, not handed to a thread
    assert loper.aantal_bezig == 2  # the window shows that it is busy meanwhile
    loper.laat_los()
    with qtbot.waitSignals([eerste.klaar, tweede.klaar], timeout=5000):
        pass
    assert sorted(volgorde) == ["eerste", "tweede"]
    qtbot.waitUntil(lambda: loper.aantal_bezig == 0)
    nog_een = loper.start_functie(lambda: 3, "na het loslaten")
    with qtbot.waitSignal(nog_een.klaar, timeout=5000) as klaar:
        pass
    assert klaar.args == [3]


def test_closing_drops_held_work_that_never_started(qtbot: QtBot) -> None:
    loper = Takenloper()
    gedaan = threading.Event()
    loper.houd_vast()
    loper.start_functie(gedaan.set, "index bouwen")
    assert loper.wacht(1000)
    assert loper.aantal_bezig == 0
    loper.laat_los()  # nothing is left to start
    assert loper.wacht(5000)
    assert not gedaan.is_set()
