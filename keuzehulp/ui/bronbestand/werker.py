"""Long bronbestand work off the GUI thread, reporting progress through Qt signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from keuzehulp.model.errors import KeuzehulpError

log = logging.getLogger(__name__)

Taak = Callable[[Callable[[int, str], None]], Any]


class WerkerSignalen(QObject):
    """Signals of a Werker; they arrive on the GUI thread (queued connections)."""

    voortgang = Signal(int, str)
    klaar = Signal(object)
    fout = Signal(str)


class Werker(QRunnable):
    """Runs `taak(voortgang)` in the thread pool; reports the result or a Dutch error."""

    def __init__(self, taak: Taak, ouder: QObject) -> None:
        super().__init__()
        self.taak = taak
        # The signals live on the GUI thread under a long-lived parent, so they outlive the
        # runnable (which the pool deletes after run) until every queued signal is delivered;
        # the receiver deletes them when it has handled the outcome.
        self.signalen = WerkerSignalen(ouder)

    def run(self) -> None:
        try:
            resultaat = self.taak(self.signalen.voortgang.emit)
        except KeuzehulpError as fout:
            self.signalen.fout.emit(fout.melding)
        except Exception:
            log.exception("Onverwachte fout bij het bronbestand")
            self.signalen.fout.emit(
                "Er ging iets onverwachts mis. Er is niets gewijzigd. "
                "Meld dit aan de beheerder van de keuzehulp."
            )
        else:
            self.signalen.klaar.emit(resultaat)
