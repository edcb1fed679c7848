"""The card the coach looks at keeps its place while the cards are laid out again.

The client view, opening the details, a resize or full screen change the cards' width or the
list's height, and so every card's height and position. Qt keeps the scroll bar's pixel value,
so the card the coach had chosen ends up cut or out of sight. `KaartAnker` remembers that card
as a model row and where it stood in the viewport, and puts it back there after each layout
pass, moved only as far as it takes to show it whole.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect
from PySide6.QtWidgets import QAbstractItemView, QAbstractSlider

Index = QModelIndex | QPersistentModelIndex


def plaats_in_zicht(rect: QRect, gewenst: int, hoogte: int) -> int:
    """Where a card goes: `gewenst` (px from the viewport's top), moved as little as needed.

    `rect` is the card in viewport coordinates (only its height counts), `hoogte` the
    viewport's height in px. A card that fits is shown whole; a taller one starts at the top,
    so that its name shows. Returns the card's new top in px.
    """
    if rect.height() >= hoogte:
        return 0
    return min(max(gewenst, 0), hoogte - rect.height())


class KaartAnker:
    """One row of a list view to keep in place, and its top in the viewport (px).

    The row is held as a `QPersistentModelIndex`: batches appended below leave it right, a new
    result list (model reset) drops it. The place is what the user last saw, set by:
    - `onthoud(index)`: a card was made current or scrolled to (a click, keys, PageDown);
    - the user's own scrolling (wheel, scroll bar): the current card stays the anchor if at
      least half of it (or of the viewport) is still in view, else the top card takes over.
    A layout change never sets it, so toggling the client view twice brings the card back to
    where it was. `herstel()` scrolls the anchor back to its place: call it after every
    layout pass (the view's `updateGeometries`), not before; the pixel positions of the old
    layout mean nothing in the new one.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        self._view = view
        self._rij = QPersistentModelIndex()
        self._y = 0  # px from the viewport's top where the user last saw the anchor's top
        self._herstelt = False
        view.verticalScrollBar().actionTriggered.connect(self._gebruiker_scrolt)

    @property
    def rij(self) -> int:
        """The anchored row, or -1."""
        return self._rij.row() if self._rij.isValid() else -1

    @property
    def y(self) -> int:
        """Where the anchored card's top should be, in px from the viewport's top."""
        return self._y

    def onthoud(self, index: Index, *, plaats: bool = True) -> None:
        """Anchor `index` where it is now (`plaats=False`: keep the remembered place, for a
        moment when the layout is not valid; measuring would lay the cards out)."""
        if not index.isValid():
            return
        if plaats:
            rect = self._view.visualRect(index)
            if not rect.isValid():
                return  # not laid out: no place to remember
            self._y = rect.top()
        self._rij = QPersistentModelIndex(index)

    def is_anker(self, index: Index) -> bool:
        return self._rij.isValid() and self._rij == index

    def herstel(self) -> None:
        """Scroll so that the anchored card is at its place again, and whole if it fits.

        Does nothing while the anchor's row is not laid out yet (a batched layout on its
        way); the pass that lays it out calls this again.
        """
        if self._herstelt or not self._rij.isValid():
            return
        view = self._view
        rect = view.visualRect(self._rij)
        if not rect.isValid():
            return
        doel = plaats_in_zicht(rect, self._y, view.viewport().height())
        balk = view.verticalScrollBar()
        waarde = balk.value() + rect.top() - doel
        if waarde != balk.value():
            self._herstelt = True
            try:
                balk.setValue(waarde)
            finally:
                self._herstelt = False

    def _gebruiker_scrolt(self, actie: int) -> None:
        """The user scrolled (wheel, scroll bar, its keys): the anchor moves with the view.

        Called before the scroll bar takes its new value (`sliderPosition` has it already),
        so the cards' places are computed for the new position.
        """
        if actie == QAbstractSlider.SliderAction.SliderNoAction.value or self._herstelt:
            return
        view = self._view
        balk = view.verticalScrollBar()
        verschil = balk.sliderPosition() - balk.value()
        hoogte = view.viewport().height()
        huidig = view.currentIndex()
        if huidig.isValid():
            rect = view.visualRect(huidig).translated(0, -verschil)
            zichtbaar = min(rect.bottom() + 1, hoogte) - max(rect.top(), 0)
            if rect.isValid() and 2 * zichtbaar >= min(rect.height(), hoogte):
                self._rij, self._y = QPersistentModelIndex(huidig), rect.top()
                return
        # The top card: the first one whose top is in view (the one cut at the top edge
        # makes way for the next, as long as that one starts in view).
        midden = view.viewport().width() // 2
        index = view.indexAt(QPoint(midden, verschil))
        if not index.isValid():
            return
        rect = view.visualRect(index).translated(0, -verschil)
        volgende = index.siblingAtRow(index.row() + 1)
        if rect.top() < 0 and volgende.isValid():
            onder = view.visualRect(volgende).translated(0, -verschil)
            if onder.isValid() and onder.top() < hoogte:
                index, rect = volgende, onder
        self._rij, self._y = QPersistentModelIndex(index), rect.top()
