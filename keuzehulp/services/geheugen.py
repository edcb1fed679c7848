"""Keep Python's cyclic garbage collector from stalling the window during a large computation.

A full (generation 2) collection walks every object in the process while holding the GIL, so
when a worker thread triggers one, the GUI thread stands still too: at 10,000 instruments
and 200,000 gesprekken that was 0.4 to 1.1 s per Inzicht refresh (bench_inzichtscherm.py
--waakhond), and building the search index of 100,000 instruments set off several. Issue 13
asks for `gc.freeze()` for what stays. `zonder_opruimen()` pauses the automatic collector
while a large structure is built (the Inzicht figures, the search and text indexes; objects
without cycles are freed by reference counting as always), then freezes what is alive (the
result among it), so no later collection walks it again, and turns the collector back on.
Nested and concurrent uses are counted: the collector resumes when the last one ends.
"""

from __future__ import annotations

import gc
import itertools
import queue
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import fields, is_dataclass

_slot = threading.Lock()
_diepte = 0
_was_aan = True
_bevriezen = False  # some block of this pause asked to freeze what is alive at the end


@contextmanager
def zonder_opruimen(*, bevries: bool = True) -> Iterator[None]:
    """Pause automatic garbage collection for the block (all threads). Safe from any thread.

    At the end of the last block of a pause: when any block asked `bevries` (a search index,
    the Inzicht figures: big and long-lived), what is alive is frozen, so no later collection
    walks it again. Otherwise (an ordinary worker task, `tijdens_taak`) one collection of the
    youngest generation runs instead: with the collector paused, everything made since the
    pause is still there, so that one collection finds the task's cyclic garbage, and it costs
    only what is still alive (the rows of an export are gone by then).
    """
    global _diepte, _was_aan, _bevriezen
    with _slot:
        if _diepte == 0:
            _was_aan = gc.isenabled()
            _bevriezen = False
            gc.disable()
        _diepte += 1
        _bevriezen = _bevriezen or bevries
    try:
        yield
    finally:
        with _slot:
            _diepte -= 1
            if _diepte == 0 and _was_aan:
                if _bevriezen:
                    gc.freeze()
                else:
                    gc.collect(0)
                gc.enable()


def wacht_op_geen_pauze(timeout: float = 30.0) -> bool:
    """Wait (at most `timeout` seconds) until no `zonder_opruimen` block runs in any thread.

    True when none runs (the collector is then as it was before the pause), False on timeout.
    For tests that check the collector's state: a worker of an earlier test (an index being
    built, an Inzicht refresh) may still hold a pause, and then the collector is off.
    """
    einde = time.monotonic() + timeout
    while True:
        with _slot:
            if _diepte == 0:
                return True
        if time.monotonic() >= einde:
            return False
        time.sleep(0.01)


def tijdens_taak() -> AbstractContextManager[None]:
    """The collector policy for a worker task (keuzehulp.ui.taken): no automatic collection
    while it runs, one young collection after it.

    Why: after `gc.freeze()` (the index, at launch) CPython 3.11 counts only the few unfrozen
    objects as long-lived, so a worker that loads rows (an export of the mutatielog, a list)
    set off a full collection every few thousand rows, each walking all rows loaded so far
    while holding the GIL, so the window stood still meanwhile. bench_venster.py
    --gil-waakhond at 10,000 instruments: 19 full collections over 10 ms CPU in workers, the
    longest 169 ms (bronbestand proefimport) and 181 ms (import toepassen); with this policy
    none, and the sweeps after a task took 12 to 27 ms.
    """
    return zonder_opruimen(bevries=False)


# --- freeing big structures off the GUI thread ------------------------------------------------

HAP = 2000  # items freed per bite: a bite frees ~2,000 rows, about a millisecond of work
WACHT_S = 60.0  # how long `laat_los` waits for other holders (a view's old results) to let go
_POLL_S = 0.05
# A pause after each bite. sleep(0) let this thread ask for the interpreter again at once, so
# it competed with the GUI thread all the time: freeing is never urgent, so it now works at
# most a third of the time (a bite is about 1 ms).
PAUZE_S = 0.002


class Opruiming:
    """One `laat_los` call: `join(timeout)` waits until all it passed is freed or left."""

    def __init__(self) -> None:
        self.open = 0  # records of this call still to do (worker thread only)
        self._klaar = threading.Event()

    def join(self, timeout: float | None = None) -> None:
        """Wait (at most `timeout` seconds) until the clean-up thread is done with it."""
        self._klaar.wait(timeout)

    def is_alive(self) -> bool:
        """Whether the clean-up thread is still busy with (or waiting for) what it passed."""
        return not self._klaar.is_set()


# One long-lived clean-up thread takes the calls from a queue (a thread per catalogue change
# piled up threads that each woke 20 times a second while they waited for a holder).
_wachtrij: queue.SimpleQueue[tuple[Opruiming, list[object]]] = queue.SimpleQueue()
_draad: threading.Thread | None = None
_draad_slot = threading.Lock()
_alles_klaar = threading.Condition()
_onderweg = 0  # calls not yet done


def laat_los(*objecten: object) -> Opruiming:
    """Free replaced big structures (a search index, a list's rows) on the clean-up thread.

    Dropping the last reference to an index of 100,000 rows frees millions of objects in one
    uninterruptible C call: on the GUI thread that is a stall of hundreds of ms. Here each big
    list or dict is emptied `HAP` items at a time, letting other threads run between bites;
    dataclasses and objects of our own classes are taken apart into their attributes.
    What is passed in, and big containers within it, are waited for while somebody else still
    holds them (the caller until it drops its names, a view's result list until its next
    search), up to `WACHT_S` seconds, and then just dropped (their holder frees them); other
    work goes on meanwhile. Smaller parts still held elsewhere (shared with a patched index)
    are left at once. One daemon thread ("opruimen") does all calls, started at the first.
    Returns the call's `Opruiming` (tests join it). The caller must drop its own references.
    """
    global _draad, _onderweg
    opruiming = Opruiming()
    with _alles_klaar:
        _onderweg += 1
    _wachtrij.put((opruiming, list(objecten)))
    with _draad_slot:
        if _draad is None:
            _draad = threading.Thread(target=_werk, name="opruimen", daemon=True)
            _draad.start()
    return opruiming


def wacht_op_opruimen(timeout: float = 10.0) -> bool:
    """Wait (at most `timeout` seconds) until every `laat_los` call so far is done; True if so."""
    with _alles_klaar:
        return _alles_klaar.wait_for(lambda: _onderweg == 0, timeout)


# A record of work: [object, wait while held, deadline (monotonic s), its call].
_Klus = list[object]


def _werk() -> None:
    """The clean-up thread: take calls from the queue, free what is no longer held."""
    klussen: list[_Klus] = []
    while True:
        try:
            # With records waiting for their holders: look again every _POLL_S.
            nieuw: tuple[Opruiming, list[object]] | None = _wachtrij.get(
                timeout=_POLL_S if klussen else None
            )
        except queue.Empty:
            nieuw = None
        while nieuw is not None:
            opruiming, objecten = nieuw
            nieuw = None
            while objecten:
                opruiming.open += 1
                klussen.append([objecten.pop(), True, time.monotonic() + WACHT_S, opruiming])
            _misschien_klaar(opruiming)
            try:
                nieuw = _wachtrij.get_nowait()
            except queue.Empty:
                nieuw = None
        klussen = _werk_af(klussen)


def _werk_af(klussen: list[_Klus]) -> list[_Klus]:
    """Do every record that is free (or whose wait is over); return those still waiting."""
    wachtend: list[_Klus] = []
    while klussen:
        klus = klussen.pop()
        if not (isinstance(klus[0], list | dict) or _eigen_object(klus[0])):
            klus[0] = None  # a string, number or mask: freeing it is one cheap step
        # 2 references: the record's slot and getrefcount's argument. More: someone else
        # still holds it.
        vast = klus[0] is not None and sys.getrefcount(klus[0]) > 2
        if vast and klus[1] and time.monotonic() < klus[2]:  # type: ignore[operator]
            wachtend.append(klus)
            continue
        opruiming = klus[3]
        assert isinstance(opruiming, Opruiming)
        if not vast:
            delen: list[tuple[object, bool]] = []
            _sloop(klus.pop(0), delen)
            for deel, wachten in delen:
                opruiming.open += 1
                klussen.append([deel, wachten, time.monotonic() + WACHT_S, opruiming])
        klus.clear()
        opruiming.open -= 1
        _misschien_klaar(opruiming)
    return wachtend


def _misschien_klaar(opruiming: Opruiming) -> None:
    global _onderweg
    if opruiming.open == 0 and opruiming.is_alive():
        opruiming._klaar.set()
        with _alles_klaar:
            _onderweg -= 1
            _alles_klaar.notify_all()


def _sloop(obj: object, delen: list[tuple[object, bool]]) -> None:
    """Take `obj` apart (it is held by nobody else): big containers among its parts go to
    `delen` (with whether to wait for other holders), for a record of their own."""
    if isinstance(obj, list):
        while obj:
            _grote_naar(delen, obj[-HAP:])
            del obj[-HAP:]
            time.sleep(PAUZE_S)  # let the GUI thread have the interpreter
    elif isinstance(obj, dict):
        while obj:
            sleutels = list(itertools.islice(obj, HAP))
            _grote_naar(delen, [obj.pop(s) for s in sleutels])
            time.sleep(PAUZE_S)
    elif obj is None:
        return
    elif is_dataclass(obj):
        _delen_naar(delen, [getattr(obj, f.name) for f in fields(obj)])
    elif hasattr(obj, "__dict__"):
        _delen_naar(delen, list(vars(obj).values()))


def _eigen_object(obj: object) -> bool:
    """A dataclass instance, or an instance of one of our own classes."""
    if isinstance(obj, type):
        return False
    return is_dataclass(obj) or type(obj).__module__.startswith("keuzehulp.")


def _grote_naar(delen: list[tuple[object, bool]], waarden: list[object]) -> None:
    """Keep big containers among `waarden` for a later bite of their own."""
    delen.extend((w, True) for w in waarden if isinstance(w, list | dict) and len(w) > HAP)


def _delen_naar(delen: list[tuple[object, bool]], stukken: list[object]) -> None:
    """Attributes of an object taken apart: only big containers are waited for when held;
    parts that are neither containers nor our own objects are left to reference counting."""
    delen.extend(
        (d, isinstance(d, list | dict) and len(d) > HAP)
        for d in stukken
        if isinstance(d, list | dict) or _eigen_object(d)
    )
