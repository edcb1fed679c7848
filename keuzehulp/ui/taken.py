"""The one way work leaves the GUI thread: a runner with progress, cancel and Dutch errors.

Every screen starts background work with `AppContext.taken.start(werk, ...)`. The work gets a
`Voortgang` callback `(procent, tekst)`; calling it after the user cancelled raises
`Afgebroken`, so long work stops at its next progress report. The outcome arrives on the GUI
thread as exactly one of the handle's signals `klaar(resultaat)`, `fout(melding)` or
`afgebroken()`; a `KeuzehulpError` reaches the user as its own Dutch message, anything else as
a general Dutch message (details in the log). `Takenloper.bezig(int)` counts running tasks, so
the window can show that it is busy without blocking. Long pure-Python work (exports, the dry
run of an import) goes through `start_proces` instead: the same handle, but the work runs in
a process of its own, so it never competes with the GUI thread for the interpreter.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from shiboken6 import isValid

from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.geheugen import tijdens_taak

if TYPE_CHECKING:
    from keuzehulp.services.proces import ProcesWerk

log = logging.getLogger(__name__)

Voortgang = Callable[[int, str], None]
Werk = Callable[[Voortgang], Any]

ONVERWACHT = (
    "Er ging iets onverwachts mis. Er is niets half opgeslagen. "
    "Probeer het opnieuw of meld dit aan de beheerder van de keuzehulp."
)


class Afgebroken(Exception):
    """Raised inside the work by its progress callback once the user cancelled."""


def foutmelding(fout: BaseException) -> str:
    """The Dutch message a user sees for an exception raised by background work."""
    if isinstance(fout, KeuzehulpError):
        return fout.melding
    return ONVERWACHT


class Taak(QObject):
    """Handle of one background task; lives on the GUI thread, so its signals arrive there."""

    voortgang = Signal(int, str)
    klaar = Signal(object)
    fout = Signal(str)
    afgebroken = Signal()
    # Emitted after klaar, fout or afgebroken: the task is over (for busy indicators).
    afgelopen = Signal()

    def __init__(self, naam: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.naam = naam
        self._stop = threading.Event()
        self.loopt = True
        # The KeuzehulpError behind `fout`, for screens that react to its kind (a conflict).
        self.uitzondering: KeuzehulpError | None = None

    def annuleer(self) -> None:
        """Ask the work to stop at its next progress report (it then raises `Afgebroken`)."""
        self._stop.set()

    @property
    def geannuleerd(self) -> bool:
        return self._stop.is_set()

    def _meld_voortgang(self, procent: int, tekst: str) -> None:
        # Runs on the worker thread: a queued signal, and the place where cancelling bites.
        if self._stop.is_set():
            raise Afgebroken
        try:
            self.voortgang.emit(int(procent), tekst)
        except RuntimeError:  # the handle is gone (window closed): stop the work quietly
            raise Afgebroken from None

    def _einde(self, soort: str, waarde: object) -> None:
        # Queued to the GUI thread through the _uitslag signal of the runnable.
        # Work that finished before it saw the cancel request reports its real outcome: what
        # it committed is committed, and the user must not be told otherwise.
        self.loopt = False
        if soort == "klaar":
            self.klaar.emit(waarde)
        elif soort == "fout":
            if isinstance(waarde, KeuzehulpError):
                self.uitzondering = waarde
            self.fout.emit(
                foutmelding(waarde) if isinstance(waarde, BaseException) else str(waarde)
            )
        else:
            self.afgebroken.emit()
        self.afgelopen.emit()


class _Uitslag(QObject):
    """Carries the outcome from the worker to the GUI thread (queued connection)."""

    uitslag = Signal(str, object)


class _Uitvoerder(QRunnable):
    def __init__(self, werk: Werk, taak: Taak) -> None:
        super().__init__()
        self.werk = werk
        self.taak = taak
        self.bode = _Uitslag()
        # Created on the GUI thread: the connection is queued, the slot runs there.
        self.bode.uitslag.connect(taak._einde)

    def run(self) -> None:
        try:
            with tijdens_taak():  # no full collections in the middle of loading rows
                resultaat = self.werk(self.taak._meld_voortgang)
        except Afgebroken:
            self._meld("afgebroken", None)
        except KeuzehulpError as fout:
            self._meld("fout", fout)
        except Exception:
            log.exception("Achtergrondtaak ‘%s’ mislukt", self.taak.naam)
            self._meld("fout", ONVERWACHT)
        else:
            self._meld("klaar", resultaat)

    def _meld(self, soort: str, waarde: object) -> None:
        try:
            self.bode.uitslag.emit(soort, waarde)
        except RuntimeError:  # the window closed while the work ran: nobody is listening
            log.info("Achtergrondtaak ‘%s’ klaar na het sluiten", self.taak.naam)


def _zolang_er_is(eigenaar: QObject | None, terug: Callable[..., None]) -> Callable[..., None]:
    """`terug`, but a no-op once the Qt object `eigenaar` has been deleted."""
    if eigenaar is None:
        return terug

    def veilig(*args: Any) -> None:
        if isValid(eigenaar):
            terug(*args)

    return veilig


# How long a thread may keep the interpreter while another one waits for it (Python's default
# is 5 ms). The GUI thread enters Python hundreds of times per repaint (sizeHint, paint, data)
# and must win the interpreter back each time; with a worker running Python that cost up to
# 5 ms per entry: a 60 ms repaint took 0.4 s (bench_venster.py --gil-waakhond, "zoekindex
# herbouwen": the GUI thread in kaartweergave.sizeHint/paint while the text index was built).
# At 0.5 ms: 200 entries beside two busy threads 2.8 s -> 0.25 s (median of 5); the workers'
# throughput did not measurably change. Costs nothing while no other thread wants to run.
SCHAKELTIJD_S = 0.0005


class Takenloper(QObject):
    """Starts background work in a private thread pool; one per application window.

    Creating one shortens the interpreter's switch interval for the process (SCHAKELTIJD_S),
    so the window wins the interpreter back quickly from any worker thread.
    """

    bezig = Signal(int)  # number of running tasks

    def __init__(self, parent: QObject | None = None, threads: int = 2) -> None:
        super().__init__(parent)
        sys.setswitchinterval(min(sys.getswitchinterval(), SCHAKELTIJD_S))
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._lopend: set[Taak] = set()
        self._bodes: dict[Taak, _Uitslag] = {}
        self._afgelopen: list[Taak] = []
        # Not None while held (`houd_vast`): work waiting for `laat_los`.
        self._vastgehouden: list[_Uitvoerder] | None = None

    def start(
        self,
        werk: Werk,
        naam: str = "taak",
        *,
        bij_klaar: Callable[[Any], None] | None = None,
        bij_fout: Callable[[str], None] | None = None,
        bij_voortgang: Callable[[int, str], None] | None = None,
        bij_afgebroken: Callable[[], None] | None = None,
        eigenaar: QObject | None = None,
    ) -> Taak:
        """Run `werk(voortgang)` off the GUI thread and return its handle.

        The callbacks (all optional) run on the GUI thread; they are connected before the work
        starts, so no outcome is lost. When `eigenaar` (the screen that asked) is gone by the
        time the work ends, they are skipped. `naam` appears in the log when the work fails.
        """
        self._ruim_op()
        taak = Taak(naam)  # owned by Python: alive while the runner or the caller holds it
        for signaal, terug in (
            (taak.voortgang, bij_voortgang),
            (taak.klaar, bij_klaar),
            (taak.fout, bij_fout),
            (taak.afgebroken, bij_afgebroken),
        ):
            if terug is not None:
                signaal.connect(_zolang_er_is(eigenaar, terug))
        taak.afgelopen.connect(lambda: self._klaar(taak))
        uitvoerder = _Uitvoerder(werk, taak)
        # The messenger must outlive the runnable (the pool deletes that after run) until its
        # queued signal is delivered; it is dropped when the task is over.
        self._bodes[taak] = uitvoerder.bode
        self._lopend.add(taak)
        self.bezig.emit(len(self._lopend))
        if self._vastgehouden is not None:
            self._vastgehouden.append(uitvoerder)
        else:
            self.pool.start(uitvoerder)
        return taak

    def houd_vast(self) -> None:
        """Queue new work instead of starting it, until `laat_los`.

        At launch: the window's first paint comes before the background loads, which would
        otherwise compete with it for the interpreter.
        """
        if self._vastgehouden is None:
            self._vastgehouden = []

    def laat_los(self) -> None:
        """Start the work queued since `houd_vast`, in its order; nothing when not held."""
        wachtend, self._vastgehouden = self._vastgehouden or [], None
        for uitvoerder in wachtend:
            self.pool.start(uitvoerder)

    def start_functie(
        self,
        functie: Callable[[], Any],
        naam: str = "taak",
        *,
        bij_klaar: Callable[[Any], None] | None = None,
        bij_fout: Callable[[str], None] | None = None,
        eigenaar: QObject | None = None,
    ) -> Taak:
        """`start` for work that reports no progress: `functie()` runs off the GUI thread."""
        return self.start(
            lambda _v: functie(), naam, bij_klaar=bij_klaar, bij_fout=bij_fout, eigenaar=eigenaar
        )

    def start_proces(
        self,
        werk: ProcesWerk,
        naam: str = "taak",
        *,
        bij_klaar: Callable[[Any], None] | None = None,
        bij_fout: Callable[[str], None] | None = None,
        bij_voortgang: Callable[[int, str], None] | None = None,
        bij_afgebroken: Callable[[], None] | None = None,
        eigenaar: QObject | None = None,
    ) -> Taak:
        """`start` for long pure-Python work (an export): `werk` (a service's ProcesWerk,
        keuzehulp.services.proces) runs in a process of its own, so it never holds this
        process's interpreter; a pool thread only waits for it and relays its progress.
        Same handle, signals, cancelling and Dutch messages as `start`; a cancel reaches the
        process within 0.1 s, also while it reports no progress (openpyxl saving the file).
        """
        taken: list[Taak] = []  # filled right after start; the work looks only later

        def gestopt() -> bool:
            return bool(taken) and taken[0].geannuleerd

        taak = self.start(
            lambda voortgang: werk(voortgang, gestopt),
            naam,
            bij_klaar=bij_klaar,
            bij_fout=bij_fout,
            bij_voortgang=bij_voortgang,
            bij_afgebroken=bij_afgebroken,
            eigenaar=eigenaar,
        )
        taken.append(taak)
        return taak

    @property
    def aantal_bezig(self) -> int:
        return len(self._lopend)

    def _klaar(self, taak: Taak) -> None:
        # Still inside the messenger's signal: it (and the handle) is dropped at the next start,
        # never while Qt is delivering one of its signals.
        self._lopend.discard(taak)
        self._afgelopen.append(taak)
        self.bezig.emit(len(self._lopend))

    def _ruim_op(self) -> None:
        for taak in self._afgelopen:
            self._bodes.pop(taak, None)
        self._afgelopen.clear()

    def wacht(self, ms: int = -1) -> bool:
        """Wait for every running task (at closing time); True when all are done.

        Work still held back (`houd_vast`) never started and is dropped: only the launch holds
        work back, and then only loads (the search index, the catalogue version). Running
        them at closing time only delayed the exit (a 10,000-instrument index build under
        load kept a closed app alive for seconds).
        """
        if self._vastgehouden:
            for uitvoerder in self._vastgehouden:
                self._lopend.discard(uitvoerder.taak)
        self._vastgehouden = None
        return bool(self.pool.waitForDone(ms))
