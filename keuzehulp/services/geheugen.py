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


def laat_los(*objecten: object) -> threading.Thread:
    """Free replaced big structures (a search index, a list's rows) on a daemon thread.

    Dropping the last reference to an index of 100,000 rows frees millions of objects in one
    uninterruptible C call: on the GUI thread that is a stall of hundreds of ms. Here each big
    list or dict is emptied `HAP` items at a time, letting other threads run between bites;
    dataclasses and objects of our own classes are taken apart into their attributes.
    What is passed in, and big containers within it, are waited for while somebody else still
    holds them (the caller until it drops its names, a view's result list until its next
    search), up to `WACHT_S` seconds, and then just dropped (their holder frees them).
    Smaller parts still held elsewhere (shared with a patched index) are left at once.
    Returns the thread (tests join it). The caller must drop its own references.
    """
    stapel: list[tuple[object, bool]] = [(o, True) for o in objecten]
    draad = threading.Thread(target=_sloop, args=(stapel,), name="opruimen", daemon=True)
    draad.start()
    return draad


def _sloop(stapel: list[tuple[object, bool]]) -> None:
    while stapel:
        obj, wachten = stapel.pop()
        samengesteld = isinstance(obj, list | dict) or _eigen_object(obj)
        if not samengesteld:
            continue  # a string, number or mask: freeing it is one cheap step
        if not wachten and sys.getrefcount(obj) > 2:
            # Held elsewhere (shared with a patched index, a view's options): not waited for.
            # Waiting threads woke 20 times a second each and piled up (issue 13).
            continue
        tot = time.monotonic() + WACHT_S
        # 2 references: `obj` and getrefcount's argument. More: someone else still holds it.
        while sys.getrefcount(obj) > 2 and time.monotonic() < tot:
            time.sleep(_POLL_S)
        if sys.getrefcount(obj) > 2:
            continue  # still held elsewhere: its holder frees it
        if isinstance(obj, list):
            while obj:
                _grote_naar(stapel, obj[-HAP:])
                del obj[-HAP:]
                time.sleep(PAUZE_S)  # let the GUI thread have the interpreter
        elif isinstance(obj, dict):
            while obj:
                sleutels = list(itertools.islice(obj, HAP))
                _grote_naar(stapel, [obj.pop(s) for s in sleutels])
                time.sleep(PAUZE_S)
        elif is_dataclass(obj):
            _delen_naar(stapel, [getattr(obj, f.name) for f in fields(obj)])
        elif hasattr(obj, "__dict__"):
            _delen_naar(stapel, list(vars(obj).values()))


def _eigen_object(obj: object) -> bool:
    """A dataclass instance, or an instance of one of our own classes."""
    if isinstance(obj, type):
        return False
    return is_dataclass(obj) or type(obj).__module__.startswith("keuzehulp.")


def _grote_naar(stapel: list[tuple[object, bool]], waarden: list[object]) -> None:
    """Keep big containers among `waarden` for a later bite of their own."""
    stapel.extend((w, True) for w in waarden if isinstance(w, list | dict) and len(w) > HAP)


def _delen_naar(stapel: list[tuple[object, bool]], delen: list[object]) -> None:
    """Attributes of an object taken apart: only big containers are waited for when held."""
    stapel.extend((d, isinstance(d, list | dict) and len(d) > HAP) for d in delen)
