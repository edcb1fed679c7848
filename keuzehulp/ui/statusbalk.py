"""The main window's status bar: a long message never pushes its permanent labels away.

QStatusBar draws a temporary message in the room left of the permanent widgets (the
catalogue version, the busy bar) and cuts it off at their edge without a sign. Here a message
too long for that room ends in "…" and its full text is the status bar's tooltip. The
permanent widgets keep their full width (a QLabel's minimum is its whole text); the message
is elided again whenever they move or change size.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QStatusBar, QWidget

# Room kept free between the message and the first permanent widget (pixels).
MARGE_PX = 12


class Statusbalk(QStatusBar):
    """A QStatusBar that elides its message to the room the permanent widgets leave."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._volledig = ""  # the message as asked for
        self._getoond = ""  # the message as drawn (elided or the same)
        self._duur_ms = 0
        self._klok = QElapsedTimer()
        self._vast: list[QWidget] = []
        # Messages Qt shows itself (a menu item's status tip) arrive here only.
        self.messageChanged.connect(self._bij_bericht)

    # --- messages --------------------------------------------------------------------------

    def showMessage(self, text: str, /, timeout: int | None = 0) -> None:  # noqa: N802
        """Show `text` for `timeout` ms (0: until the next message), elided when too long."""
        self._volledig = text
        self._duur_ms = timeout or 0
        self._klok.start()
        self._toon()

    def currentMessage(self) -> str:  # noqa: N802
        """The full text of the shown message ("" when none), also when it is drawn elided."""
        return self._volledig if super().currentMessage() else ""

    def _bij_bericht(self, tekst: str) -> None:
        if tekst == self._getoond:
            return  # our own (elided) message
        if not tekst:  # its time is up, or cleared
            self._volledig = self._getoond = ""
            self.setToolTip("")
            return
        self._volledig, self._duur_ms = tekst, 0
        self._klok.start()
        self._toon()

    def _toon(self) -> None:
        """Draw the message elided to the room there is now, for the rest of its time."""
        ingekort = self.fontMetrics().elidedText(
            self._volledig, Qt.TextElideMode.ElideRight, self.ruimte_voor_bericht()
        )
        rest = 0
        if self._duur_ms:
            rest = max(1, self._duur_ms - int(self._klok.elapsed()))
        self._getoond = ingekort
        super().showMessage(ingekort, rest)
        self.setToolTip(self._volledig if ingekort != self._volledig else "")

    def ruimte_voor_bericht(self) -> int:
        """Pixels a message may take: up to the first visible permanent widget (as QStatusBar
        itself measures it, with the size grip's room at the right)."""
        rechts = self.width() - MARGE_PX
        for widget in self._vast:
            if widget.isVisibleTo(self):
                rechts = min(rechts, widget.x() - MARGE_PX)
        return max(0, rechts - MARGE_PX // 2)

    # --- permanent widgets -------------------------------------------------------------------

    def addPermanentWidget(self, widget: QWidget, /, stretch: int | None = 0) -> None:  # noqa: N802
        super().addPermanentWidget(widget, stretch or 0)
        self._volg(widget)

    def insertPermanentWidget(  # noqa: N802
        self, index: int, widget: QWidget, /, stretch: int | None = 0
    ) -> int:
        plaats = super().insertPermanentWidget(index, widget, stretch or 0)
        self._volg(widget)
        return plaats

    def _volg(self, widget: QWidget) -> None:
        self._vast.append(widget)
        widget.installEventFilter(self)
        widget.destroyed.connect(lambda: self._vergeet(widget))

    def _vergeet(self, widget: QWidget) -> None:
        if widget in self._vast:
            self._vast.remove(widget)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        soort = event.type()
        geometrie = (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide)
        if soort in geometrie and self._volledig:
            self._toon()
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._volledig:
            self._toon()
