"""Freeing big structures off the GUI thread, and the collector paused while an index grows."""

from __future__ import annotations

import gc
import random
import threading
import weakref

import pytest

from keuzehulp.model.db import Database
from keuzehulp.services import geheugen
from keuzehulp.services.geheugen import laat_los
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.catalogusgenerator import vul_catalogus, willekeurige_gegevens


@pytest.fixture()
def geen_pauze() -> None:
    """The collector as a test starts it: no worker of an earlier test still holds a pause
    (that test would otherwise see the collector off, depending on the order of tests)."""
    assert geheugen.wacht_op_geen_pauze(), "een eerdere taak houdt de opruimer nog uit"


class Blok:
    """Something of ours to free (weak-referenceable, unlike ints and strings)."""


def test_laat_los_frees_everything_on_its_own_thread() -> None:
    blokken = [Blok() for _ in range(5 * geheugen.HAP + 7)]
    verwijzingen = [weakref.ref(b) for b in blokken[:: geheugen.HAP // 2]]
    vrijgegeven_in: set[str] = set()
    for b in blokken[:: geheugen.HAP // 2]:
        weakref.finalize(b, lambda: vrijgegeven_in.add(threading.current_thread().name))
    groot = {"rijen": blokken, "per_naam": {str(i): [Blok()] for i in range(3 * geheugen.HAP)}}
    draad = laat_los(groot)
    del groot, blokken, b
    draad.join(10)
    assert not draad.is_alive()
    assert all(v() is None for v in verwijzingen)
    assert vrijgegeven_in == {"opruimen"}  # not on this (the GUI) thread


def test_laat_los_leaves_what_someone_else_still_holds() -> None:
    gedeeld = [Blok() for _ in range(3 * geheugen.HAP)]
    houder = {"gedeeld": gedeeld}
    oud_wacht = geheugen.WACHT_S
    geheugen.WACHT_S = 0.2  # do not wait a minute for the holder in a test
    try:
        draad = laat_los(gedeeld)
        del gedeeld
        draad.join(10)
    finally:
        geheugen.WACHT_S = oud_wacht
    assert len(houder["gedeeld"]) == 3 * geheugen.HAP  # not emptied under its holder's feet


def test_small_parts_shared_with_a_patched_index_are_not_waited_for() -> None:
    """A patched index shares small parts (route list, text index) with the old one: the
    thread that frees the old one leaves them at once instead of waiting a minute."""
    from keuzehulp.services.zoekindex import ZoekIndex

    gedeeld = ["Tiel", "Buren"]
    oud = ZoekIndex(gemeenten=gedeeld, rijen=[], routes=[])
    draad = laat_los(oud)
    del oud
    draad.join(10)
    assert not draad.is_alive()
    assert gedeeld == ["Tiel", "Buren"]  # not emptied under its holder's feet


def test_a_rebuilt_index_keeps_answering_and_the_old_one_is_freed(database: Database) -> None:
    vul_catalogus(database, willekeurige_gegevens(random.Random(5), 3 * geheugen.HAP))
    service = ZoekService(database)
    merker = Blok()  # rides along in the old index, to see where and whether it is freed
    vrijgegeven_in: list[str] = []
    weakref.finalize(merker, lambda: vrijgegeven_in.append(threading.current_thread().name))
    service._index.type_mask["merker"] = merker  # type: ignore[assignment]
    del merker
    eerder = service.zoek(ZoekVraag(tekst="coach")).treffers.ids
    service.reload()
    assert geheugen.wacht_op_opruimen(10)
    assert vrijgegeven_in == ["opruimen"]
    assert service.zoek(ZoekVraag(tekst="coach")).treffers.ids == eerder
    assert gc.isenabled()  # the collector is back on after the build


def test_a_version_snapshot_is_parsed_one_instrument_at_a_time(database: Database) -> None:
    """Written and read one instrument at a time (no GIL-holding JSON call over 100,000)."""
    import json

    from sqlalchemy import func, select

    from keuzehulp.model.catalogus import Instrument, InstrumentStatus
    from keuzehulp.services.beheer.versies import _snapshot, lees_snapshot

    gegevens = willekeurige_gegevens(random.Random(8), 30)
    gegevens[0] = gegevens[0].model_copy(
        update={"omschrijving": 'Zegt "instrumenten": [] en {"gegevens": 1} — ë'}
    )
    vul_catalogus(database, gegevens)
    with database.lezen() as s:
        tekst, aantal = _snapshot(s)
        zonder_concepten = s.scalar(
            select(func.count())
            .select_from(Instrument)
            .where(Instrument.status != InstrumentStatus.CONCEPT)
        )
    inhoud = json.loads(tekst)
    assert 0 < aantal == len(inhoud["instrumenten"]) == zonder_concepten < 30  # concepts left out
    assert inhoud["kenmerken"]
    assert tekst == json.dumps(inhoud, ensure_ascii=False, sort_keys=True)
    assert lees_snapshot(tekst) == inhoud
    leeg = json.dumps({"formaat": 1, "instrumenten": [], "kenmerken": []}, sort_keys=True)
    assert lees_snapshot(leeg) == json.loads(leeg)
    assert lees_snapshot(tekst.replace("}, {", "}  ,\n {")) == inhoud  # any JSON white space


class Kring:
    """A cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.zelf = self


def test_one_clean_up_thread_serves_all_calls_and_a_held_one_does_not_block_others() -> None:
    gedeeld = [Blok() for _ in range(3 * geheugen.HAP)]
    houder = {"gedeeld": gedeeld}
    oud_wacht = geheugen.WACHT_S
    geheugen.WACHT_S = 5.0
    try:
        wacht = laat_los(gedeeld)  # held by `houder`: waits for it
        del gedeeld
        vrij = [Blok() for _ in range(3 * geheugen.HAP)]
        verwijzing = weakref.ref(vrij[-1])
        snel = laat_los(vrij)
        del vrij
        snel.join(10)
        assert not snel.is_alive() and verwijzing() is None  # freed while the other waits
        assert wacht.is_alive()  # still waiting for its holder
        del houder  # the holder lets go: now it is freed too
        wacht.join(10)
        assert not wacht.is_alive()
    finally:
        geheugen.WACHT_S = oud_wacht
    opruimers = [d for d in threading.enumerate() if d.name == "opruimen"]
    assert len(opruimers) == 1 and opruimers[0].is_alive()  # one thread, kept for later calls
    assert geheugen.wacht_op_opruimen(10)


@pytest.mark.usefixtures("geen_pauze")
def test_a_worker_task_pauses_the_collector_and_sweeps_once_after() -> None:
    """Inside `tijdens_taak` no automatic collection runs however much is made; at the end one
    young collection frees the task's cycles, freezes nothing, and the collector is on again."""
    assert gc.isenabled()
    collecties: list[int] = []

    def tel(fase: str, info: dict[str, int]) -> None:
        if fase == "start":
            collecties.append(info["generation"])

    bevroren = gc.get_freeze_count()
    gc.callbacks.append(tel)
    try:
        with geheugen.tijdens_taak():
            assert not gc.isenabled()
            rijen = [{"rij": [i]} for i in range(50_000)]  # 100,000 containers: ~140 collections
            kring = weakref.ref(Kring())
            assert kring() is not None  # only a collection can free it
            assert collecties == []
        assert gc.isenabled()
        assert collecties == [0]
        assert kring() is None
        assert gc.get_freeze_count() == bevroren  # nothing frozen: it may still become garbage
        del rijen
    finally:
        gc.callbacks.remove(tel)


@pytest.mark.usefixtures("geen_pauze")
def test_a_freezing_block_inside_a_task_still_freezes() -> None:
    """An index built inside a worker task keeps its freeze when the task ends."""
    bevroren = gc.get_freeze_count()
    with geheugen.tijdens_taak():
        with geheugen.zonder_opruimen():
            blijft = [[i] for i in range(1000)]
        assert not gc.isenabled()  # the task still runs
    assert gc.isenabled()
    assert gc.get_freeze_count() >= bevroren + len(blijft)


@pytest.mark.usefixtures("geen_pauze")
def test_a_failing_task_turns_the_collector_on_again() -> None:
    try:
        with geheugen.tijdens_taak():
            raise ValueError("mislukt")
    except ValueError:
        pass
    assert gc.isenabled()
