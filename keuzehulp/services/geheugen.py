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
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_slot = threading.Lock()
_diepte = 0
_was_aan = True


@contextmanager
def zonder_opruimen() -> Iterator[None]:
    """Pause automatic garbage collection for the block (all threads); freeze what is alive
    at the end of the last block. Safe from any thread."""
    global _diepte, _was_aan
    with _slot:
        if _diepte == 0:
            _was_aan = gc.isenabled()
            gc.disable()
        _diepte += 1
    try:
        yield
    finally:
        with _slot:
            _diepte -= 1
            if _diepte == 0 and _was_aan:
                gc.freeze()
                gc.enable()
