"""After the first paint of a window, call something: the launch's way to show first, work later.

Used by the launch (ui/lancering.py: open the catalogue once the empty window has painted) and
by the filled-in window (ui/app.py: release the held-back loads once its screens have painted).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class NaEersteTekening(QObject):
    """Calls `functie` (once) in the event-loop turn after `venster`'s next paint.

    A window shown minimised gets no paint: then it is called when the window is shown. As a
    safety net it is called after `uiterlijk_ms` (wall time) all the same: a loaded machine can
    take seconds to paint, so that is not the normal way. The filter watches `venster` only
    and removes itself at the first paint, so Python sees only the window's first few events.
    The object belongs to `venster` (deleted with it; then nothing is called).
    """

    def __init__(self, venster: QWidget, functie: Callable[[], None], uiterlijk_ms: int) -> None:
        super().__init__(venster)
        self._functie: Callable[[], None] | None = functie
        self._venster: QWidget | None = venster
        venster.installEventFilter(self)
        QTimer.singleShot(uiterlijk_ms, self, self._roep)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        soort = event.type()
        if soort == QEvent.Type.Paint or (
            soort == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isMinimized()
        ):
            self._los()
            QTimer.singleShot(0, self, self._roep)  # after this paint, not inside it
        return False

    def _los(self) -> None:
        if self._venster is not None:
            self._venster.removeEventFilter(self)
            self._venster = None

    def _roep(self) -> None:
        functie, self._functie = self._functie, None
        self._los()
        if functie is not None:
            functie()
