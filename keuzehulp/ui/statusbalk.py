"""The main window's status bar: a long message never pushes its permanent labels away.

QStatusBar draws a temporary message in the room left of the permanent widgets (the
catalogue version, the busy bar) and cuts it off at their edge without a sign. Here a message
too long for that room ends in "…" and its full text is the status bar's tooltip. The
permanent widgets keep their full width (a QLabel's minimum is its whole text); the message
is elided again whenever they move or change size.

The permanent widgets sit in one container (`_Vast`) that QStatusBar lays out as its only
permanent widget: its move and resize events (C++ virtuals that call Python only for those
two events) say when the room changed. An event filter on the widgets themselves called
Python for every event they got: every frame of the busy bar's animation, each waiting for
the interpreter while a worker held it.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtGui import QMoveEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QStatusBar, QWidget

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
        self._vast = _Vast(self)
        super().addPermanentWidget(self._vast, 0)
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
        for widget in self._vast.widgets():
            if widget.isVisibleTo(self):
                rechts = min(rechts, widget.mapTo(self, QPoint(0, 0)).x() - MARGE_PX)
        return max(0, rechts - MARGE_PX // 2)

    # --- permanent widgets -------------------------------------------------------------------

    def addPermanentWidget(self, widget: QWidget, /, stretch: int | None = 0) -> None:  # noqa: N802
        """Put `widget` at the right end of the permanent widgets (in the container)."""
        self._vast.zet(len(self._vast.widgets()), widget, stretch or 0)

    def insertPermanentWidget(  # noqa: N802
        self, index: int, widget: QWidget, /, stretch: int | None = 0
    ) -> int:
        """Put `widget` at `index` among the permanent widgets (-1 or too far: at the end);
        returns where it went."""
        return self._vast.zet(index, widget, stretch or 0)

    def removeWidget(self, widget: QWidget, /) -> None:  # noqa: N802
        """Take `widget` out of the bar (it is hidden, not deleted), as QStatusBar does."""
        if widget.parent() is self._vast:
            self._vast.indeling.removeWidget(widget)
            widget.hide()
            self.bij_verschuiving()
        else:
            super().removeWidget(widget)

    def bij_verschuiving(self) -> None:
        """The permanent widgets moved or changed size: elide the message to the new room."""
        if self._volledig:
            self._toon()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.bij_verschuiving()


class _Vast(QWidget):
    """The permanent widgets in a row; tells the bar when the row moves or changes size."""

    def __init__(self, balk: Statusbalk) -> None:
        super().__init__(balk)
        self._balk = balk
        self.indeling = QHBoxLayout(self)
        self.indeling.setContentsMargins(0, 0, 0, 0)
        # Just as wide as its widgets want (an expanding busy bar would otherwise make the
        # whole row grow and stand apart from the label): the message keeps the rest. A
        # change in a widget reaches the bar one event-loop turn later (via this row).
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def widgets(self) -> list[QWidget]:
        """The permanent widgets, left to right."""
        uit = []
        for i in range(self.indeling.count()):
            item = self.indeling.itemAt(i)
            if item is not None and (widget := item.widget()) is not None:
                uit.append(widget)
        return uit

    def zet(self, index: int, widget: QWidget, stretch: int) -> int:
        aantal = self.indeling.count()
        plaats = aantal if index < 0 or index > aantal else index
        self.indeling.insertWidget(plaats, widget, stretch)
        return plaats

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802
        super().moveEvent(event)
        self._balk.bij_verschuiving()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._balk.bij_verschuiving()
