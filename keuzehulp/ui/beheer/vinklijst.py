"""The ticked items of a long check list (1,000 kenmerken, 340 gemeenten), kept in Python.

Reading which items are ticked by asking every QListWidgetItem costs three calls into Qt per
item (some 40 ms for 1,000 kenmerken, several times per save); here the ticked keys follow
the list's `itemChanged` signal, so reading them or ticking others touches only the items
that change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem


def vink(item: QListWidgetItem, aan: bool) -> None:
    """Tick or untick a list item, only when that changes it."""
    staat = Qt.CheckState.Checked if aan else Qt.CheckState.Unchecked
    if item.checkState() != staat:
        item.setCheckState(staat)


class Vinkjes:
    """Which checkable items of `lijst` are ticked, by key (`sleutel(item)`), in list order.

    Call `herlees()` after rebuilding the list with its signals blocked; every other change
    of a tick (the user, `zet`, a test ticking an item) arrives through `itemChanged`.
    """

    def __init__(self, lijst: QListWidget, sleutel: Callable[[QListWidgetItem], str]) -> None:
        self.lijst = lijst
        self.sleutel = sleutel
        self.volgorde: list[str] = []  # keys of the checkable items, in list order
        self.items: dict[str, QListWidgetItem] = {}
        self.aan: set[str] = set()
        lijst.itemChanged.connect(self._bij_wijziging)
        self.herlees()

    def herlees(self) -> None:
        """Read every item again (after the list was rebuilt)."""
        self.volgorde, self.items, self.aan = [], {}, set()
        for i in range(self.lijst.count()):
            item = self.lijst.item(i)
            if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                continue
            sleutel = self.sleutel(item)
            self.volgorde.append(sleutel)
            self.items[sleutel] = item
            if item.checkState() == Qt.CheckState.Checked:
                self.aan.add(sleutel)

    def neem_over(self, items: list[tuple[str, QListWidgetItem]], aan: set[str]) -> None:
        """After a rebuild by the caller, who knows each checkable item's key and which
        are ticked: the same as `herlees()` without asking the items again."""
        self.volgorde = [sleutel for sleutel, _ in items]
        self.items = dict(items)
        self.aan = aan & self.items.keys()

    def _bij_wijziging(self, item: QListWidgetItem) -> None:
        sleutel = self.sleutel(item)
        if self.items.get(sleutel) is not item:
            return  # not one of ours (a group heading)
        if item.checkState() == Qt.CheckState.Checked:
            self.aan.add(sleutel)
        else:
            self.aan.discard(sleutel)

    def aangevinkt(self) -> tuple[str, ...]:
        """The ticked keys, in list order."""
        return tuple(s for s in self.volgorde if s in self.aan)

    def zet(self, sleutels: Iterable[str]) -> None:
        """Tick exactly these keys (unknown keys are ignored); only changed items are touched."""
        gewenst = set(sleutels) & self.items.keys()
        for sleutel in gewenst ^ self.aan:
            vink(self.items[sleutel], sleutel in gewenst)
