"""One catalogue-wide lock for imports and version publishing, on both engines.

`vergrendel(db, gebruiker, taak)` holds the lock for a `with` block. A second caller retries
for a few seconds (`WACHTTIJD_S`), then gets `VergrendeldFout`: "Jan de Vries importeert sinds
10:42. Probeer het over een paar minuten opnieuw."

- PostgreSQL: a session-level advisory lock (key 7355608, 2; key 1 is the mutation log's) on a
  connection of its own. It dies with the session, so a killed holder never blocks anyone.
- SQLite: the row in `vergrendeling`, claimed in a `BEGIN IMMEDIATE` transaction (busy_timeout
  applies), counts only while its process lives on this computer (`psutil`) and for at most
  `MAX_DUUR` (a holder on another computer cannot be checked). The work itself then runs in its
  own `BEGIN IMMEDIATE` transaction (`begin_direct`), so no coach's write can slip in between
  its reads and its writes.

On both engines the row says who holds the lock and since when; on PostgreSQL it is only
believed when its backend pid is the one holding the advisory lock.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, text
from sqlalchemy.orm import Session

from keuzehulp.model.base import nu
from keuzehulp.model.beheer import Vergrendeling
from keuzehulp.model.db import Database
from keuzehulp.model.errors import DatabaseInGebruikFout, VergrendeldFout
from keuzehulp.model.gesprek import CoachProfiel

log = logging.getLogger(__name__)

SLEUTEL = "catalogus"
PG_SLEUTEL = (7355608, 2)  # (7355608, 1) serialises the mutation log's hash chain
WACHTTIJD_S = 5.0
INTERVAL_S = 0.25
# A SQLite holder on another computer cannot be checked; after this its row no longer counts.
MAX_DUUR = dt.timedelta(hours=1)

IMPORTEERT = "importeert"
PUBLICEERT = "publiceert een versie"


@dataclass(frozen=True, slots=True)
class Houder:
    """Who holds the lock, as the one who waits is told."""

    naam: str
    taak: str
    sinds: dt.datetime | None

    def melding(self) -> str:
        """The Dutch message: who does what since when, and what to do."""
        wanneer = ""
        if self.sinds is not None:
            lokaal = self.sinds.astimezone()
            vandaag = dt.datetime.now().astimezone().date()
            wanneer = (
                f" sinds {lokaal:%H:%M}"
                if lokaal.date() == vandaag
                else f" sinds {lokaal:%d-%m-%Y %H:%M}"
            )
        return (
            f"{self.naam} {self.taak}{wanneer}. Er kan maar één import of publicatie tegelijk "
            "lopen. Er is niets gewijzigd. Probeer het over een paar minuten opnieuw."
        )


ONBEKEND = Houder("Een andere beheerder", "importeert of publiceert", None)


def weergavenaam(verbinding: Connection | Session, gebruiker: str) -> str:
    """ "Jan de Vries (jdevries)" when the login has a coach profile this session may read,
    else the login name itself."""
    naam = verbinding.scalar(select(CoachProfiel.naam).where(CoachProfiel.gebruiker == gebruiker))
    return f"{naam} ({gebruiker})" if naam and naam != gebruiker else gebruiker


def _rij(conn: Connection) -> Vergrendeling | None:
    rij = conn.execute(select(Vergrendeling).where(Vergrendeling.sleutel == SLEUTEL)).first()
    if rij is None:
        return None
    return Vergrendeling(**rij._mapping)


def _schrijf(conn: Connection, gebruiker: str, taak: str, houder: str) -> None:
    conn.execute(delete(Vergrendeling).where(Vergrendeling.sleutel == SLEUTEL))
    conn.execute(
        insert(Vergrendeling).values(
            sleutel=SLEUTEL,
            gebruiker=gebruiker,
            naam=weergavenaam(conn, gebruiker),
            taak=taak,
            sinds=nu(),
            houder=houder,
        )
    )


def _ruim_op(conn: Connection, houder: str) -> None:
    conn.execute(
        delete(Vergrendeling).where(
            Vergrendeling.sleutel == SLEUTEL, Vergrendeling.houder == houder
        )
    )


@contextmanager
def vergrendel(
    db: Database, gebruiker: str, taak: str, *, wachttijd_s: float = WACHTTIJD_S
) -> Iterator[None]:
    """Hold the catalogue lock for the block; `taak` is IMPORTEERT or PUBLICEERT.

    Waits up to `wachttijd_s` seconds for another holder, then raises VergrendeldFout naming
    them. The lock is released when the block ends, also on an error.
    """
    if db.engine.dialect.name == "postgresql":
        with _pg_vergrendel(db, gebruiker, taak, wachttijd_s):
            yield
    else:
        with _sqlite_vergrendel(db, gebruiker, taak, wachttijd_s):
            yield


def begin_direct(session: Session) -> None:
    """Start the session's transaction as a writer at once (SQLite `BEGIN IMMEDIATE`).

    Call it first in the unit of work of an import or publication: a deferred SQLite
    transaction that read an older snapshot cannot become a writer once a coach has written
    meanwhile. Waits at most the busy timeout for a short write of someone else. No-op on
    PostgreSQL (row versions and the advisory lock cover it there).
    """
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")


# --- PostgreSQL ---------------------------------------------------------------------------


def _pg_houder(conn: Connection) -> Houder:
    pid = conn.scalar(
        text(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND classid = :a "
            "AND objid = :b AND objsubid = 2 AND granted"
        ),
        {"a": PG_SLEUTEL[0], "b": PG_SLEUTEL[1]},
    )
    if pid is None:
        return ONBEKEND
    rij = _rij(conn)
    if rij is not None and rij.houder == f"pg:{pid}":
        return Houder(rij.naam, rij.taak, rij.sinds)
    login = conn.scalar(text("SELECT usename FROM pg_stat_activity WHERE pid = :p"), {"p": pid})
    return Houder(str(login), ONBEKEND.taak, None) if login else ONBEKEND


@contextmanager
def _pg_vergrendel(db: Database, gebruiker: str, taak: str, wachttijd_s: float) -> Iterator[None]:
    conn = db.engine.connect()
    try:
        einde = time.monotonic() + wachttijd_s
        while True:
            with conn.begin():
                pid = conn.scalar(text("SELECT pg_backend_pid()"))
                gekregen = conn.scalar(
                    text("SELECT pg_try_advisory_lock(:a, :b)"),
                    {"a": PG_SLEUTEL[0], "b": PG_SLEUTEL[1]},
                )
                if not gekregen and time.monotonic() >= einde:
                    raise VergrendeldFout(_pg_houder(conn).melding())
            if gekregen:
                break
            time.sleep(INTERVAL_S)
        houder = f"pg:{pid}"
        try:
            with conn.begin():
                _schrijf(conn, gebruiker, taak, houder)
            yield
        finally:
            try:
                with conn.begin():
                    _ruim_op(conn, houder)
                    conn.execute(
                        text("SELECT pg_advisory_unlock(:a, :b)"),
                        {"a": PG_SLEUTEL[0], "b": PG_SLEUTEL[1]},
                    )
            except Exception:  # the lock dies with the session anyway (closed below)
                log.warning("Vergrendeling niet netjes opgeheven", exc_info=True)
    finally:
        conn.close()


# --- SQLite -------------------------------------------------------------------------------


def _dit_proces() -> str:
    import psutil  # here, not at the top: 40 ms off the window's start path

    proces = psutil.Process(os.getpid())
    return f"{socket.gethostname()}:{os.getpid()}:{proces.create_time():.3f}:{uuid.uuid4().hex}"


def _leeft(rij: Vergrendeling) -> bool:
    """Whether the process that wrote the row still runs (on this computer), within MAX_DUUR."""
    if nu() - rij.sinds > MAX_DUUR:
        return False
    delen = rij.houder.split(":")
    if len(delen) != 4:
        return False
    host, pid, start, _ = delen
    if host != socket.gethostname():
        return True  # cannot be checked from here: trusted until MAX_DUUR
    import psutil

    try:
        proces = psutil.Process(int(pid))
        # The same pid with another start time is a new process that reused the number.
        return abs(proces.create_time() - float(start)) < 0.01 and proces.is_running()
    except (psutil.Error, ValueError):
        return False


def _sqlite_claim(
    db: Database, gebruiker: str, taak: str, houder: str
) -> Houder | DatabaseInGebruikFout | None:
    """Claim the row; None when claimed, else who holds it (or the busy database's error
    when another program writes without holding the lock)."""
    with db.engine.connect() as conn:
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except DatabaseInGebruikFout as bezet:
            # Someone writes for longer than the busy timeout: most likely the holder's own
            # import. Reading still works (WAL).
            conn.rollback()
            rij = _rij(conn)
            if rij is not None and _leeft(rij):
                return Houder(rij.naam, rij.taak, rij.sinds)
            return bezet
        rij = _rij(conn)
        if rij is not None and _leeft(rij):
            conn.rollback()
            return Houder(rij.naam, rij.taak, rij.sinds)
        if rij is not None:
            log.info("Verlaten vergrendeling van %s opgeruimd (%s)", rij.gebruiker, rij.houder)
        _schrijf(conn, gebruiker, taak, houder)
        conn.commit()
        return None


@contextmanager
def _sqlite_vergrendel(
    db: Database, gebruiker: str, taak: str, wachttijd_s: float
) -> Iterator[None]:
    houder = _dit_proces()
    einde = time.monotonic() + wachttijd_s
    while (bezet := _sqlite_claim(db, gebruiker, taak, houder)) is not None:
        if time.monotonic() >= einde:
            if isinstance(bezet, DatabaseInGebruikFout):
                raise bezet
            raise VergrendeldFout(bezet.melding())
        time.sleep(INTERVAL_S)
    try:
        yield
    finally:
        _sqlite_geef_vrij(db, houder)


def _sqlite_geef_vrij(db: Database, houder: str) -> None:
    # A coach's write may hold the database for a moment: retry, so that this process (which
    # lives on) does not keep the others out until MAX_DUUR.
    for _ in range(10):
        try:
            with db.engine.begin() as conn:
                _ruim_op(conn, houder)
            return
        except DatabaseInGebruikFout:
            time.sleep(INTERVAL_S)
    log.warning("Vergrendeling niet opgeheven: de database bleef bezet")
