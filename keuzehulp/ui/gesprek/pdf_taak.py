"""PDF work off the GUI thread: build and write a printout in the thread pool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from keuzehulp.model.errors import KeuzehulpError


class PdfSignalen(QObject):
    klaar = Signal(str)  # path written
    mislukt = Signal(str)  # Dutch message


class PdfTaak(QRunnable):
    """Runs `schrijf(pad)` in a pool thread and reports the result through signals."""

    def __init__(self, schrijf: Callable[[Path], Path], pad: Path) -> None:
        super().__init__()
        self.signalen = PdfSignalen()
        self._schrijf = schrijf
        self._pad = pad

    def run(self) -> None:
        try:
            pad = self._schrijf(self._pad)
        except KeuzehulpError as fout:
            self.signalen.mislukt.emit(fout.melding)
        except Exception as fout:
            self.signalen.mislukt.emit(f"De PDF kon niet worden gemaakt: {fout}")
        else:
            self.signalen.klaar.emit(str(pad))
