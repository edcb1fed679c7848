"""Noticing catalogue changes made by other apps: PostgreSQL LISTEN/NOTIFY, SQLite data_version.

Every catalogue change writes mutation-log rows (`keuzehulp.model.mutatielog`), so "the log
grew" is "the catalogue changed". On PostgreSQL a statement trigger on the log
(`keuzehulp.model.postgres.meldingen_sql`) calls ``pg_notify`` in the same transaction:
PostgreSQL delivers the notice at commit and drops it on rollback. `PostgresLuisteraar` listens
on a connection of its own in a thread and reconnects with back-off. On SQLite
`SqliteWachter.controleer` is called about once a second on a read connection of its own:
``PRAGMA data_version`` says whether anybody else committed, and only then does it look at
the log. Changes this app made itself are left out on both engines: the app already raises
its own event for those (`Database.na_commit`). No Qt here: the UI relays the notices.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event
from sqlalchemy.engine import URL

from keuzehulp.model.postgres import KANAAL

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

__all__ = ["KANAAL", "EigenVerbindingen", "Melding", "PostgresLuisteraar", "SqliteWachter"]
# Seconds between reconnect attempts of the listener: doubled after every failure, capped.
EERSTE_WACHTTIJD_S = 0.5
LANGSTE_WACHTTIJD_S = 30.0


@dataclass(frozen=True, slots=True)
class Melding:
    """Another app changed the catalogue.

    `entiteiten`: the mutation-log labels of what changed ("instrument", "kenmerk", ...);
    empty when unknown (after a lost connection, anything may have changed). `pid`: the
    PostgreSQL backend that committed (0 on SQLite or when unknown). `ontvangen`: when this
    app noticed it, `time.monotonic()` seconds (for the benchmarks).
    """

    entiteiten: frozenset[str]
    pid: int = 0
    ontvangen: float = 0.0

    @classmethod
    def uit_tekst(cls, payload: str, pid: int = 0) -> Melding:
        delen = frozenset(d for d in (s.strip() for s in payload.split(",")) if d)
        return cls(delen, pid, time.monotonic())


# --- PostgreSQL ------------------------------------------------------------------------------


class EigenVerbindingen:
    """The backend pids of one engine's own connections, to leave its own notices out.

    A notice carries the pid of the backend that committed; the pool's connections come and go,
    so the set follows the pool: a connection counts from its first checkout after this object
    was made (before anything is committed through it) until it is closed.
    """

    def __init__(self, engine: Engine) -> None:
        self._pids: dict[int, int] = {}
        self._slot = threading.Lock()
        event.listen(engine, "checkout", self._bij_uitlenen)
        event.listen(engine, "close", self._bij_sluiten)
        event.listen(engine, "close_detached", self._bij_sluiten_los)
        event.listen(engine, "invalidate", self._bij_ongeldig)
        self._engine = engine

    def _bij_uitlenen(self, dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        # PQbackendPID: read from the connection, no round trip to the server.
        pid = getattr(getattr(dbapi_conn, "info", None), "backend_pid", None)
        if isinstance(pid, int):
            with self._slot:
                self._pids[id(dbapi_conn)] = pid

    def _bij_sluiten(self, dbapi_conn: Any, _record: Any) -> None:
        with self._slot:
            self._pids.pop(id(dbapi_conn), None)

    def _bij_sluiten_los(self, dbapi_conn: Any) -> None:
        self._bij_sluiten(dbapi_conn, None)

    def _bij_ongeldig(self, dbapi_conn: Any, record: Any, _fout: object) -> None:
        self._bij_sluiten(dbapi_conn, record)

    def __contains__(self, pid: object) -> bool:
        with self._slot:
            return pid in self._pids.values()

    def ontkoppel(self) -> None:
        """Stop following the engine's pool."""
        for naam, functie in (
            ("checkout", self._bij_uitlenen),
            ("close", self._bij_sluiten),
            ("close_detached", self._bij_sluiten_los),
            ("invalidate", self._bij_ongeldig),
        ):
            if event.contains(self._engine, naam, functie):
                event.remove(self._engine, naam, functie)


def _verbindingsgegevens(engine: Engine) -> tuple[list[Any], dict[str, Any]]:
    """The arguments psycopg.connect needs for the engine's URL (host, sslmode, ...)."""
    cargs, cparams = engine.dialect.create_connect_args(engine.url)
    return list(cargs), dict(cparams)


class PostgresLuisteraar:
    """LISTEN on `KANAAL` on a connection of its own, in a daemon thread.

    `bij_melding(melding)` is called on the listener thread for every notice from another app
    (the UI relays it to its own thread). When the connection breaks, the listener waits
    (0.5 s, doubling up to 30 s) and connects again; after a reconnect it reports one
    `Melding` with no entities, because changes made meanwhile were not heard.
    `verbonden` is set while it listens (tests and benchmarks wait for it).
    """

    def __init__(
        self,
        engine: Engine,
        bij_melding: Callable[[Melding], None],
        *,
        eigen: EigenVerbindingen | None = None,
        poll_s: float = 0.5,
    ) -> None:
        self._engine = engine
        self._bij_melding = bij_melding
        self._eigen = eigen
        self._poll_s = poll_s
        self._stop = threading.Event()
        self.verbonden = threading.Event()
        self._draad: threading.Thread | None = None
        self.herverbindingen = 0

    @property
    def url(self) -> URL:
        return self._engine.url

    def start(self) -> None:
        if self._draad is not None:
            return
        self._draad = threading.Thread(
            target=self._loop, name="keuzehulp-catalogusmeldingen", daemon=True
        )
        self._draad.start()

    def stop(self, wacht_s: float = 5.0) -> None:
        """Stop listening; the thread closes its connection within `poll_s` and ends.

        Waits up to `wacht_s` for that (0: do not wait, e.g. on the GUI thread).
        """
        self._stop.set()
        if self._draad is not None:
            if wacht_s > 0:
                self._draad.join(wacht_s)
            self._draad = None

    def _loop(self) -> None:
        import psycopg  # here: a SQLite start must not load the PostgreSQL driver

        wachttijd = EERSTE_WACHTTIJD_S
        eerste = True
        while not self._stop.is_set():
            try:
                cargs, cparams = _verbindingsgegevens(self._engine)
                with psycopg.connect(*cargs, **cparams, autocommit=True) as conn:
                    conn.execute(f"LISTEN {KANAAL}")
                    self.verbonden.set()
                    wachttijd = EERSTE_WACHTTIJD_S
                    if not eerste:
                        self.herverbindingen += 1
                        log.info("Catalogusmeldingen: weer verbonden met %s", self._waar())
                        self._meld(Melding(frozenset(), 0, time.monotonic()))
                    eerste = False
                    self._luister(conn)
            except psycopg.Error as fout:
                self.verbonden.clear()
                if self._stop.is_set():
                    break
                log.warning(
                    "Catalogusmeldingen: geen verbinding met %s (%s); opnieuw over %.1f s",
                    self._waar(),
                    type(fout).__name__,
                    wachttijd,
                )
                self._stop.wait(wachttijd)
                wachttijd = min(wachttijd * 2, LANGSTE_WACHTTIJD_S)
        self.verbonden.clear()

    def _luister(self, conn: psycopg.Connection[Any]) -> None:
        while not self._stop.is_set():
            for notice in conn.notifies(timeout=self._poll_s):
                if self._eigen is not None and notice.pid in self._eigen:
                    continue
                self._meld(Melding.uit_tekst(notice.payload, notice.pid))

    def _meld(self, melding: Melding) -> None:
        try:
            self._bij_melding(melding)
        except Exception:  # a receiver's bug must not end the listening
            log.exception("Verwerken van een catalogusmelding mislukt")

    def _waar(self) -> str:
        return self._engine.url.render_as_string(hide_password=True)


# --- SQLite ----------------------------------------------------------------------------------


class SqliteWachter:
    """Polls one SQLite file for catalogue changes by other connections (cheap: ~10 µs).

    `controleer()` reads ``PRAGMA data_version``, which changes when another connection
    committed; only then does it read the log's newest id. It returns a `Melding` when the log
    grew since the last call, else None. `gelijk_zetten()` takes the current state as seen,
    after a change by this app itself (which raises its own event). Errors (file busy, gone)
    are logged and the next call tries again on a new connection.
    """

    def __init__(self, pad: Path, *, timeout_s: float = 0.05) -> None:
        self.pad = pad
        self._timeout_s = timeout_s
        # gelijk_zetten runs on the thread that committed, controleer on the GUI thread.
        self._slot = threading.RLock()
        self._conn: sqlite3.Connection | None = None
        self._versie: int | None = None
        self._laatste_id = 0
        self.gelijk_zetten()

    def _verbinding(self) -> sqlite3.Connection:
        if self._conn is None:
            # Autocommit: no read transaction stays open between polls (it would pin the WAL).
            self._conn = sqlite3.connect(
                str(self.pad),
                timeout=self._timeout_s,
                isolation_level=None,
                check_same_thread=False,  # used under self._slot only
            )
        return self._conn

    def _lees(self) -> tuple[int, int]:
        conn = self._verbinding()
        versie = int(conn.execute("PRAGMA data_version").fetchone()[0])
        rij = conn.execute("SELECT coalesce(max(id), 0) FROM mutatie").fetchone()
        return versie, int(rij[0])

    def gelijk_zetten(self) -> None:
        """Take the database as it is now as seen (after this app's own commit); any thread."""
        with self._slot:
            try:
                self._versie, self._laatste_id = self._lees()
            except sqlite3.Error as fout:
                self._fout(fout)

    def controleer(self) -> Melding | None:
        """A `Melding` when another connection changed the catalogue since the last call."""
        with self._slot:
            return self._controleer()

    def _controleer(self) -> Melding | None:
        try:
            conn = self._verbinding()
            versie = int(conn.execute("PRAGMA data_version").fetchone()[0])
            if versie == self._versie:
                return None
            self._versie = versie
            rijen = conn.execute(
                "SELECT entiteit, max(id) FROM mutatie WHERE id > ? GROUP BY entiteit",
                (self._laatste_id,),
            ).fetchall()
        except sqlite3.Error as fout:
            self._fout(fout)
            return None
        if not rijen:
            return None  # a gesprek or a setting: not the catalogue
        self._laatste_id = max(int(r[1]) for r in rijen)
        return Melding(frozenset(str(r[0]) for r in rijen), 0, time.monotonic())

    def _fout(self, fout: sqlite3.Error) -> None:
        log.warning("Catalogus controleren op wijzigingen mislukt (%s): %s", self.pad, fout)
        self.sluit()
        self._versie = None

    def sluit(self) -> None:
        """Close the watcher's connection (a later call opens a new one)."""
        with self._slot:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
