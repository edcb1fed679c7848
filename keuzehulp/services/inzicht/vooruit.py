"""Heavy independent queries of one Inzicht screen, started ahead on threads of their own.

At 200,000 gesprekken two queries of the screen need nothing from the others and return a
row per instrument only: the shortlist counts per instrument (for a period, hundreds of ms
of probing and sorting in SQLite) and the all-time ratings per instrument. The catalogue's
figures (coverage, overlap: seconds at 10,000 instruments the first time, then kept by
catalogusfiguren.py until the catalogue changes) start the same way. Both engines
work on a query without the interpreter's lock (sqlite3 releases it while a statement runs;
psycopg while it waits for the server), so they run while the screen's thread computes the
other figures and the suppression: the screen's wall time drops by what they cost, its CPU
time does not.

Each runs in a read-only unit of work of its own (`Database.lezen`): it sees the data
committed when it starts, as the screen's own unit of work does a moment earlier. What it
returns feeds figures outside every sum the suppression protects (shortlist counts per
instrument, all-time ratings, the catalogue's figures), so a gesprek saved between the two
starts cannot make two tables disagree. An in-memory SQLite database (tests) cannot be
shared between threads: `start` then returns None and the caller computes in its own
session, as before.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session

from keuzehulp.model.db import Database, sqlite_pad

T = TypeVar("T")


class Vooruit(Generic[T]):
    """`werk(session)` running on a daemon thread; `uitkomst()` waits for its result."""

    def __init__(self, db: Database, werk: Callable[[Session], T], naam: str) -> None:
        self._db, self._werk = db, werk
        self._uit: T | None = None
        self._fout: BaseException | None = None
        self._draad = threading.Thread(target=self._loop, name=f"inzicht-{naam}", daemon=True)
        self._draad.start()

    @classmethod
    def start(cls, db: Database, werk: Callable[[Session], T], naam: str) -> Vooruit[T] | None:
        """Start `werk` on its own thread and session; None when the database cannot be
        shared between threads (in-memory SQLite), so the caller computes it itself."""
        if db.url.get_backend_name() == "sqlite" and sqlite_pad(db.url) is None:
            return None
        return cls(db, werk, naam)

    def _loop(self) -> None:
        try:
            with self._db.lezen() as s:
                self._uit = self._werk(s)
        except BaseException as fout:  # handed to the waiting thread by uitkomst()
            self._fout = fout

    def wacht(self) -> None:
        """Wait for the thread to end, whatever it did (nothing is raised)."""
        self._draad.join()

    def uitkomst(self) -> T:
        """The result, after waiting for the thread; raises what `werk` raised (a Dutch
        KeuzehulpError such as DatabaseFout or GeenRechtFout, as in the caller's session)."""
        self._draad.join()
        if self._fout is not None:
            raise self._fout
        return self._uit  # type: ignore[return-value]


@contextmanager
def afgewacht(*vooruit: Vooruit[Any] | None) -> Iterator[None]:
    """A block after which every started thread of `vooruit` has ended, also when the block
    raised: none outlives the caller's work (or a database closed after it)."""
    try:
        yield
    finally:
        for v in vooruit:
            if v is not None:
                v.wacht()


def of_zelf(vooruit: Vooruit[T] | None, werk: Callable[[], T]) -> T:
    """What `vooruit` computed, or `werk()` here when nothing was started (`Vooruit.start`
    returned None)."""
    return werk() if vooruit is None else vooruit.uitkomst()
