"""One item model for every Inzicht table: texts as shown, numbers for sorting, white spots."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from keuzehulp.services.inzicht.onderdrukking import LEEG, MIN_GESPREKKEN, Cel
from keuzehulp.services.inzicht.overzicht import Tabel

Index = QModelIndex | QPersistentModelIndex
ROL_SORTEER = Qt.ItemDataRole.UserRole + 1  # the number behind a cell (None sorts first)
ROL_CEL = Qt.ItemDataRole.UserRole + 2  # the Cel itself
WIT = QColor("#f8cbad")  # a white spot: orange, also readable in print
ZWART = QColor("#000000")
GRIJS = QColor("#6e6e6e")  # a hidden figure: present, but quieter than the numbers


def _warmte(waarde: float, grootste: float) -> QColor:
    """A blue that deepens with the count: the heat map of the coverage matrix."""
    aandeel = min(1.0, waarde / grootste) if grootste > 0 else 0.0
    licht = int(235 - 110 * aandeel)
    return QColor(licht, min(255, licht + 12), 255)


class InzichtTabelModel(QAbstractTableModel):
    """A read-only Tabel; with `warmte` the number cells are shaded like a heat map."""

    def __init__(self, parent: QObject | None = None, *, warmte: bool = False) -> None:
        super().__init__(parent)
        self._tabel: Tabel | None = None
        self._rijen: list[tuple[Cel, ...]] = []
        self._warmte = warmte
        self._grootste = 0.0

    def zet_tabel(self, tabel: Tabel | None) -> None:
        self.beginResetModel()
        self._tabel = tabel
        self._rijen = list(tabel.rijen) if tabel else []
        getallen = [c.waarde for r in self._rijen for c in r[1:] if c.waarde is not None]
        self._grootste = float(max(getallen, default=0))
        self.endResetModel()

    @property
    def tabel(self) -> Tabel | None:
        return self._tabel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rijen)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._tabel is None:
            return 0
        return len(self._tabel.kolommen)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rijen):
            return None
        rij = self._rijen[index.row()]
        if not 0 <= index.column() < len(rij):
            return None
        cel = rij[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cel.tekst
        if role == ROL_SORTEER:
            return cel.waarde if index.column() else cel.tekst.strip().casefold()
        if role == ROL_CEL:
            return cel
        if role == Qt.ItemDataRole.ToolTipRole:
            if cel.is_onderdrukt:
                return (
                    f"Verborgen: dit getal gaat over minder dan {MIN_GESPREKKEN} gesprekken, of "
                    "je zou zo’n getal ermee kunnen terugrekenen."
                )
            if cel.wit:
                return "Witte vlek: 0 of 1 actief instrument."
            return cel.tekst
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Figures right (they line up by their last digit), words left.
            getal = cel.waarde is not None or cel.is_onderdrukt or cel.tekst == LEEG
            kant = Qt.AlignmentFlag.AlignRight if getal else Qt.AlignmentFlag.AlignLeft
            return int(kant | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() > 0:
            if cel.wit:
                return WIT
            if self._warmte and cel.waarde is not None:
                return _warmte(cel.waarde, self._grootste)
        if role == Qt.ItemDataRole.FontRole and cel.vet:
            letter = QFont()
            letter.setBold(True)
            return letter
        if role == Qt.ItemDataRole.ForegroundRole:
            if cel.is_onderdrukt:
                return GRIJS
            if cel.wit or self._warmte:
                return ZWART
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and self._tabel is not None
            and 0 <= section < len(self._tabel.kolommen)
        ):
            return self._tabel.kolommen[section]
        return None


class SorteerProxy(QSortFilterProxyModel):
    """Sorts by the number behind a cell; suppressed and empty cells sort lowest."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(ROL_SORTEER)

    def lessThan(self, links: Index, rechts: Index) -> bool:  # noqa: N802
        a, b = links.data(ROL_SORTEER), rechts.data(ROL_SORTEER)
        if a is None or b is None:
            return a is None and b is not None
        if isinstance(a, str) or isinstance(b, str):
            return str(a) < str(b)
        return bool(a < b)
