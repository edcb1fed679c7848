"""Ctrl+C and SIGTERM close the main window the normal way, as its close button does.

While Qt's event loop runs, the interpreter only gets control when Qt calls a Python slot:
Python's own SIGINT handler (KeyboardInterrupt) would wait for the next mouse move, then
raise in whatever slot ran, and SIGTERM's default action ends the process at once, without
"Wijzigingen bewaren?" and without stopping the background work.

`Afsluitsignalen` installs Python handlers for SIGINT and SIGTERM that do nothing
themselves, and points `signal.set_wakeup_fd` at one end of a socket pair: the C-level
handler writes the signal's number there, a QSocketNotifier on the other end wakes the
event loop, and its slot closes the window (`QWidget.close()`: `MainWindow.closeEvent`
asks about unsaved work; once the close is accepted the workers stop and `app.exec()`
returns 0). A signal that arrives while the question is open only gives it the focus.
`herstel()` puts the previous handlers and wakeup fd back. This is the usual way to let
Python's signal handling work under another library's event loop (`signal.set_wakeup_fd`).
"""

from __future__ import annotations

import logging
import signal
import socket
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

SIGNALEN: tuple[signal.Signals, ...] = (signal.SIGINT, signal.SIGTERM)
BEWAARVRAAG = "bewaarvraag"  # objectName of the question box (ui/onopgeslagen.py)


def _niets(_nummer: int, _frame: FrameType | None) -> None:
    """The Python-level handler: the work is done by the wakeup fd's notifier."""


class Afsluitsignalen(QObject):
    """SIGINT and SIGTERM close `venster` through its close path while installed.

    Must be made on the main thread (Python only sets signal handlers there); raises
    ValueError otherwise, as `signal.signal` does. `gesloten_door` lists the signal
    numbers that asked the window to close (for tests and the log).
    """

    def __init__(self, venster: QWidget) -> None:
        super().__init__(venster)
        self._venster = venster
        self.gesloten_door: list[int] = []
        self._lezen, self._schrijven = socket.socketpair()
        self._lezen.setblocking(False)
        self._schrijven.setblocking(False)
        self._vorige_fd = signal.set_wakeup_fd(self._schrijven.fileno(), warn_on_full_buffer=False)
        self._vorige = {s: signal.signal(s, _niets) for s in SIGNALEN}
        self._melder = QSocketNotifier(self._lezen.fileno(), QSocketNotifier.Type.Read, self)
        self._melder.activated.connect(self._bij_signaal)
        self._actief = True

    def _bij_signaal(self) -> None:
        try:
            gelezen = self._lezen.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        nummers = [n for n in gelezen if n in {int(s) for s in SIGNALEN}]
        if not nummers:
            return
        self.gesloten_door.extend(nummers)
        log.info("Afsluiten op signaal %s", ", ".join(signal.Signals(n).name for n in nummers))
        vraag = self._venster.findChild(QMessageBox, BEWAARVRAAG)
        if vraag is not None and vraag.isVisible():
            vraag.activateWindow()  # already asking: not a second box on top of it
            return
        self._venster.close()

    def herstel(self) -> None:
        """Put back the handlers and wakeup fd from before; idempotent."""
        if not self._actief:
            return
        self._actief = False
        self._melder.setEnabled(False)
        for nummer, vorige in self._vorige.items():
            signal.signal(nummer, vorige if vorige is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._vorige_fd)
        self._lezen.close()
        self._schrijven.close()


def installeer(venster: QWidget) -> Afsluitsignalen:
    """Let SIGINT and SIGTERM close `venster` as its close button does; `herstel()` undoes it."""
    return Afsluitsignalen(venster)
