"""Long pure-Python work (exports, the dry run of an import) in a child process of its own.

Why: a worker *thread* shares the interpreter with the GUI thread. While it formats rows or
runs openpyxl, the GUI thread gets the interpreter only between the worker's bites, so the
window stalled for 0.6 to 1.8 s during an export although it did almost nothing itself
(bench_venster.py: wall time many times the GUI thread's CPU time). A spawned process has its
own interpreter; the GUI process only waits on a pipe, which holds no lock.

`voer_uit(functie, argumenten, voortgang)` is called from a worker thread (keuzehulp.ui.taken,
`Takenloper.start_proces`). A worker process (a fresh interpreter: on POSIX started through
subprocess, which uses vfork, so this big process is never copied; on Windows through
multiprocessing's spawn), kept for the next task, calls ``functie(melder, *argumenten)``;
`functie` names a module-level function ("module:function"), the arguments are picklable (a
database is passed as its URL: `werk`, `open_database`).
Progress reports travel back through the pipe and are handed to `voortgang`; when that raises
(the user cancelled), the child is asked to stop at its next report, and once it has ended the
exception is raised again. A `KeuzehulpError` of the child is raised in the caller unchanged
(its Dutch message reaches the user); any other failure is logged with the child's traceback
and raised as `ProcesFout`. Start-up cost: a spawned process imports what it needs (about a
second of CPU for SQLAlchemy and openpyxl) once: an idle worker is kept for the next export.
"""

from __future__ import annotations

import atexit
import importlib
import logging
import multiprocessing
import os
import pickle
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from keuzehulp.model.db import Database, maak_engine, sqlite_pad
from keuzehulp.model.errors import KeuzehulpError

log = logging.getLogger(__name__)

Melder = Callable[[int, str], None]

WACHT_S = 0.1  # how often the waiting thread looks whether the child is still alive
NICE_WERKER = 5  # the worker process's niceness (Unix): background work yields to the window
MAX_PIEK_MB = 300  # a worker that grew past this (peak size) ends after its task
STOP_GEDULD_S = 2.0  # after a cancel: how long the child may take to reach its next report
STOP_WACHT_S = 30.0  # how long a worker may take to end when asked to (then it is ended)


class ProcesFout(RuntimeError):
    """The child process failed with an unexpected error or ended without an answer."""


class _OuderWeg(SystemExit):
    """Raised in the child when the parent's end of the pipe is gone: nobody waits any more.
    A SystemExit: the task unwinds (a half-written file is removed) and no traceback shows."""


class _Gestopt(Exception):
    """Raised in the child by its progress reporter once the parent asked it to stop."""


def kan_in_proces(url: URL) -> bool:
    """Whether another process can open the database at `url`: a SQLite file or a server.

    An in-memory SQLite database lives only in this process: work on it stays in a thread.
    So does all work in a frozen build (PyInstaller): its executable runs no ``-c`` code.
    """
    if getattr(sys, "frozen", False):
        return False
    if url.get_backend_name() == "sqlite":
        return sqlite_pad(url) is not None
    return True


@dataclass(frozen=True)
class ProcesWerk:
    """Work for a process of its own: ``functie(voortgang, database, *argumenten)``.

    `functie` is named as ``"package.module:function"``, so that naming it imports nothing
    here (the GUI thread): the export modules load openpyxl, half a second of CPU.
    `database` is the URL when `apart` (the child opens it with `open_database`), else the
    open Database itself and the work runs in the calling thread (an in-memory database).
    Calling the object runs it: `Takenloper.start_proces` calls it in a pool thread.
    """

    functie: str
    argumenten: tuple[Any, ...]
    apart: bool

    def __call__(self, voortgang: Melder, stoppen: Callable[[], bool] | None = None) -> Any:
        if self.apart:
            return voer_uit(self.functie, self.argumenten, voortgang, stoppen)
        return _functie(self.functie)(voortgang, *self.argumenten)


def werk(db: Database, functie: str, *argumenten: Any) -> ProcesWerk:
    """``functie(voortgang, db-or-its-URL, *argumenten)`` as ProcesWerk (see there)."""
    if kan_in_proces(db.url):
        return ProcesWerk(functie, (db.url, *argumenten), True)
    return ProcesWerk(functie, (db, *argumenten), False)


def _functie(naam: str) -> Callable[..., Any]:
    """The function named ``"package.module:function"`` (imported on first use)."""
    module, _, functie = naam.partition(":")
    gevonden: Callable[..., Any] = getattr(importlib.import_module(module), functie)
    return gevonden


@contextmanager
def open_database(database: URL | Database) -> Iterator[Database]:
    """The database of a ProcesWerk: opened from its URL in the child (already up to date:
    the window opened it), or the given Database as it is (the work runs in the parent)."""
    if isinstance(database, Database):
        yield database
        return
    db = Database.van_engine(database, maak_engine(database))
    if database.get_backend_name() == "postgresql":
        from keuzehulp.services.offline import bewaak_sessie

        bewaak_sessie(db)  # a server that went away is named in Dutch, as in the window
    try:
        yield db
    finally:
        db.engine.dispose()


def voer_uit(
    functie: str,
    argumenten: tuple[Any, ...],
    voortgang: Melder,
    stoppen: Callable[[], bool] | None = None,
) -> Any:
    """Run ``functie(melder, *argumenten)`` in a worker process; return its result.

    `functie` names a module-level function as ``"package.module:function"``.
    An idle worker is reused (it has SQLAlchemy and openpyxl loaded already); otherwise a new
    one is spawned. Raises what `voortgang` raised (after the child has stopped), the child's
    KeuzehulpError, or ProcesFout. Safe from any thread; each call has a worker of its own.
    `stoppen()` (optional) says that the user cancelled: then `voortgang` is called at once
    (it raises), also while the child sends no reports.
    """
    werker = _neem_werker()
    goed = False
    try:
        uitkomst = werker.voer_uit(functie, argumenten, voortgang, stoppen)
        goed = True
        return uitkomst
    except (KeuzehulpError, ProcesFout):
        raise
    except BaseException:
        goed = werker.rustig  # cancelled: reusable once the child said it stopped
        raise
    finally:
        _geef_terug(werker, goed)


_slot = threading.Lock()
_vrij: list[_Werker] = []
MAX_VRIJ = 1  # idle workers kept for the next export (each holds its imports, ~60 MB)


def _neem_werker() -> _Werker:
    with _slot:
        while _vrij:
            werker = _vrij.pop()
            if werker.leeft:
                return werker
            werker.sluit()
    return _Werker()


def _geef_terug(werker: _Werker, goed: bool) -> None:
    with _slot:
        if goed and werker.leeft and len(_vrij) < MAX_VRIJ:
            _vrij.append(werker)
            return
    werker.sluit()


def sluit_werkers() -> None:
    """End the idle worker processes (at closing time; they are daemons anyway)."""
    with _slot:
        werkers = list(_vrij)
        _vrij.clear()
    for werker in werkers:
        werker.sluit()


# SIGINT is ignored before anything is imported: a Ctrl+C in the terminal is the window's to
# handle (ui/afsluitsignalen.py), not a KeyboardInterrupt traceback of an idle worker.
_KIND_CODE = (
    "import signal; signal.signal(signal.SIGINT, signal.SIG_IGN); import sys; "
    "from keuzehulp.services.proces import werker_main; werker_main(sys.argv[1])"
)


_alle: weakref.WeakSet[_Werker] = weakref.WeakSet()


EINDE_WACHT_S = 5.0  # at exit: how long a terminated worker may take to unwind


@atexit.register
def _beeindig_alle() -> None:
    """At exit: end the idle workers (asked to), then every worker still running (it unwinds:
    no half-written file), and reap them all, so that none outlives this process and Python
    does not warn "subprocess ... is still running"."""
    sluit_werkers()
    werkers = list(_alle)
    for werker in werkers:
        if werker.proces.is_alive():
            werker.proces.terminate()
    for werker in werkers:
        werker.proces.join(EINDE_WACHT_S)


class _Kindproces:
    """A subprocess.Popen with the few methods of multiprocessing's Process used here."""

    def __init__(self, popen: subprocess.Popen[bytes]) -> None:
        self.popen = popen

    def is_alive(self) -> bool:
        return self.popen.poll() is None

    @property
    def exitcode(self) -> int | None:
        return self.popen.poll()

    def join(self, timeout: float | None = None) -> None:
        with suppress(subprocess.TimeoutExpired):
            self.popen.wait(timeout)

    def terminate(self) -> None:
        with suppress(ProcessLookupError):
            self.popen.terminate()


class _Werker:
    """One spawned worker process and the parent's end of its pipe."""

    def __init__(self) -> None:
        self.lijn: Connection
        self.proces: _Kindproces | BaseProcess
        if os.name == "posix":
            # subprocess, not multiprocessing: it starts the child with vfork. multiprocessing
            # forks this process first, holding the interpreter while the kernel copies its
            # page tables: 0.37 s at 10 million objects, a frozen window at 100,000
            # instruments. Same protocol over a socket pair.
            eigen, kind = socket.socketpair()
            omgeving = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
            popen = subprocess.Popen(
                [sys.executable, "-c", _KIND_CODE, str(kind.fileno())],
                pass_fds=(kind.fileno(),),
                env=omgeving,
                stdin=subprocess.DEVNULL,
                # A session of its own: the terminal's Ctrl+C (SIGINT to the foreground
                # process group) and hang-up reach only the window, which ends its workers.
                start_new_session=True,
            )
            kind.close()
            self.lijn = Connection(eigen.detach())
            self.proces = _Kindproces(popen)
        else:  # Windows starts every process afresh: multiprocessing's spawn is fine there
            ctx = multiprocessing.get_context("spawn")
            self.lijn, kind_lijn = ctx.Pipe(duplex=True)
            self.proces = ctx.Process(
                target=_werker_lus, args=(kind_lijn,), name="keuzehulp-werker", daemon=True
            )
            self.proces.start()
            kind_lijn.close()
        _alle.add(self)
        self.nummer = 0
        self.rustig = True  # no task running in the child
        self.blijft = True

    @property
    def leeft(self) -> bool:
        return self.blijft and self.proces.is_alive() and not self.lijn.closed

    def voer_uit(
        self,
        functie: str,
        argumenten: tuple[Any, ...],
        voortgang: Melder,
        stoppen: Callable[[], bool] | None = None,
    ) -> Any:
        self.nummer += 1
        nummer = self.nummer
        try:
            self.lijn.send(("taak", nummer, functie, argumenten))
        except (OSError, ValueError):
            raise ProcesFout("de werker is er niet meer") from None
        self.rustig = False
        onderbroken: BaseException | None = None
        gestopt_om = 0.0
        while True:
            try:
                bericht = self._volgende()
            except ProcesFout:
                if onderbroken is not None:
                    raise onderbroken from None  # ended on our request, see below
                raise
            if bericht is None or bericht[0] == "voortgang":
                if onderbroken is not None:
                    if time.monotonic() - gestopt_om > STOP_GEDULD_S and os.name == "posix":
                        # Still busy without reports (openpyxl saving a big file): end it.
                        # It unwinds on SIGTERM, so the file being written is removed.
                        self.blijft = False
                        self.proces.terminate()
                    continue
                if bericht is None and not (stoppen is not None and stoppen()):
                    continue
                # A report, or a cancel while the child sends none (openpyxl saving): the
                # callback raises once the user cancelled; then the child is asked to stop.
                procent, tekst = (bericht[1], bericht[2]) if bericht else (0, "")
                try:
                    voortgang(procent, tekst)
                except BaseException as fout:  # the user cancelled (or the handle is gone)
                    onderbroken = fout
                    gestopt_om = time.monotonic()
                    self.lijn.send(("stop", nummer))
                continue
            soort = bericht[0]
            self.rustig = True
            self.blijft = bool(bericht[-1])  # the child stays for another task
            if soort == "klaar":
                # Finished before it saw the stop request: what it wrote is whole and stays.
                return bericht[1]
            if soort == "afgebroken" and onderbroken is not None:
                raise onderbroken
            if soort == "fout":
                raise bericht[1]
            log.error("Achtergrondproces mislukt:\n%s", bericht[1])
            raise ProcesFout("het achtergrondproces mislukte")

    def _volgende(self) -> tuple[Any, ...] | None:
        """The child's next message, None after WACHT_S without one; ProcesFout when the child
        ended without an answer (killed, crashed)."""
        try:
            if not self.lijn.poll(WACHT_S):
                if not self.proces.is_alive() and not self.lijn.poll(0):
                    raise EOFError
                return None
            bericht: tuple[Any, ...] = self.lijn.recv()
        except (EOFError, OSError):
            self.proces.join(5.0)
            raise ProcesFout(
                f"het achtergrondproces stopte zonder antwoord (code {self.proces.exitcode})"
            ) from None
        return bericht

    def sluit(self) -> None:
        """Ask the child to end, and end it when it does not (a task that will not stop)."""
        if not self.lijn.closed:
            if self.rustig:
                with suppress(OSError, ValueError):
                    self.lijn.send(("einde",))
            self.lijn.close()
        self.proces.join(STOP_WACHT_S if self.rustig else 0.5)
        if self.proces.is_alive():
            self.proces.terminate()
            self.proces.join()


# --- in the child ----------------------------------------------------------------------------


def werker_main(fd: str) -> None:
    """Entry of a worker process started by `_Werker` (POSIX): its end of the socket pair.

    Ends quietly (no traceback) when the parent went away mid-task (its pipe is broken).
    """
    try:
        _werker_lus(Connection(int(fd)))
    except _OuderWeg:
        raise SystemExit(0) from None


def _werker_lus(lijn: Connection) -> None:
    """The worker process: run one task after another until the parent says "einde" or
    closes its end of the pipe. It runs at a lower priority (NICE_WERKER): on a busy machine
    the window's own process gets the processor first."""
    # Ctrl+C belongs to the window (ui/afsluitsignalen.py closes it, and it ends its workers):
    # ignored here, also on Windows, where the console sends it to every attached process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        with suppress(OSError):
            os.nice(NICE_WERKER)
    # Ended from outside (the window closed mid-export): unwind, so that a file being written
    # is removed again (model/bestanden.py atomair_pad) instead of left half.
    signal.signal(signal.SIGTERM, _beeindig)
    while True:
        try:
            bericht = lijn.recv()
        except (EOFError, OSError):
            return
        if bericht[0] == "taak":
            if not _kind(lijn, *bericht[1:]):
                return  # grew big: a fresh worker takes the next task
        elif bericht[0] == "einde":
            return
        # a "stop" for a task that had already ended: nothing to stop


def blijft() -> bool:
    """Whether this worker process stays for another task: not once it grew past MAX_PIEK_MB
    (a 100,000-instrument export: ~600 MB that Python would keep while the worker waits)."""
    piek = eigen_piek_kib()
    return piek is None or piek < MAX_PIEK_MB * 1024


def eigen_piek_kib() -> int | None:
    """This process's own peak resident size in KiB, or None where it cannot be read (Windows).

    On Linux this is ``VmHWM`` of /proc/self/status: ``getrusage().ru_maxrss`` there keeps
    the parent's peak across fork and exec (proc(5), getrusage(2)), so a worker started from a
    window holding 100,000 instruments would always seem big and never be reused.
    """
    try:
        with Path("/proc/self/status").open(encoding="ascii", errors="replace") as status:
            for regel in status:
                if regel.startswith("VmHWM:"):
                    return int(regel.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    try:
        import resource
    except ImportError:
        return None
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB (bytes on macOS)
    return piek // 1024 if sys.platform == "darwin" else piek


def _beeindig(_signaal: int, _frame: object) -> None:
    raise SystemExit(1)


def _stuur(lijn: Connection, bericht: tuple[Any, ...]) -> None:
    """Send `bericht` to the parent; _OuderWeg when it is gone."""
    try:
        lijn.send(bericht)
    except (OSError, EOFError):
        raise _OuderWeg(0) from None


def _wacht(lijn: Connection) -> bool:
    """Whether a message of the parent waits; _OuderWeg when it is gone."""
    try:
        return lijn.poll()
    except (OSError, EOFError):
        raise _OuderWeg(0) from None


def _ontvang(lijn: Connection) -> Any:
    """The parent's next message; _OuderWeg when it is gone."""
    try:
        return lijn.recv()
    except (OSError, EOFError):
        raise _OuderWeg(0) from None


def _kind(lijn: Connection, nummer: int, functie: str, argumenten: tuple[Any, ...]) -> bool:
    """Run one task and send its outcome; whether this worker stays for the next one."""
    vorige: list[tuple[int, str]] = []

    def melder(procent: int, tekst: str) -> None:
        while _wacht(lijn):
            bericht = _ontvang(lijn)
            if bericht[0] == "stop" and bericht[1] == nummer:
                raise _Gestopt
        gemeld = (int(procent), tekst)
        if vorige and vorige[0] == gemeld:
            return  # the same report again: nothing new for the window
        vorige[:] = [gemeld]
        _stuur(lijn, ("voortgang", *gemeld))

    try:
        resultaat = _functie(functie)(melder, *argumenten)
    except _Gestopt:
        _stuur(lijn, ("afgebroken", blijft()))
    except KeuzehulpError as fout:
        _stuur(lijn, ("fout", _verzendbaar(fout), blijft()))
    except (SystemExit, KeyboardInterrupt):
        raise  # ended from outside: nobody waits for an answer
    except BaseException:
        _stuur(lijn, ("onverwacht", traceback.format_exc(), blijft()))
    else:
        try:
            _stuur(lijn, ("klaar", resultaat, blijft()))
        except Exception:  # a result that cannot be pickled: a programming error
            _stuur(lijn, ("onverwacht", traceback.format_exc(), blijft()))
    return blijft()


def _verzendbaar(fout: KeuzehulpError) -> KeuzehulpError:
    """`fout` itself when it survives the pipe, else a plain KeuzehulpError with its message."""
    try:
        pickle.loads(pickle.dumps(fout))
    except Exception:
        return KeuzehulpError(fout.melding)
    return fout
