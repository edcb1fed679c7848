"""One item model for every Inzicht table: texts as shown, numbers for sorting, white spots.

The model is lazy: it holds the service's rows and answers `data()` per visible cell, so
nothing per cell is built on the GUI thread. What costs time per row (the heat map's
largest value) is prepared in the worker by `bereid_voor`; a header click sorts a list of
row numbers on a key per row (a few ms for 10,000 rows), not through a proxy's Python
`lessThan`."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from keuzehulp.services.inzicht.onderdrukking import LEEG, MIN_GESPREKKEN, Cel
from keuzehulp.services.inzicht.overzicht import Tabel
from keuzehulp.services.inzicht.voorbereid import KORTE_KOP, TabelInhoud, bereid_voor, twee_regels

__all__ = ["KORTE_KOP", "InzichtTabelModel", "TabelInhoud", "bereid_voor", "twee_regels"]

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


def _sorteersleutel(cel: Cel, eerste: bool) -> tuple[int, float, str]:
    """Hidden and empty cells lowest, then numbers, then words (case-insensitive)."""
    if cel.waarde is not None:  # a first column of months has one too (maanden.py)
        return (1, cel.waarde, "")
    if eerste or not (cel.is_onderdrukt or cel.tekst == LEEG):
        return (2, 0.0, cel.tekst.strip().casefold())
    return (0, 0.0, "")


class InzichtTabelModel(QAbstractTableModel):
    """A read-only Tabel; with `warmte` the number cells are shaded like a heat map.

    Sortable through `sort()` (a view's header click): rows start in the service's order
    (months, kenmerk tree), and a new table keeps the chosen sort column and order."""

    def __init__(self, parent: QObject | None = None, *, warmte: bool = False) -> None:
        super().__init__(parent)
        self._tabel: Tabel | None = None
        self._koppen: tuple[str, ...] = ()
        self._rijen: tuple[tuple[Cel, ...], ...] = ()
        self._volgorde: list[int] = []  # shown row -> row in self._rijen
        self._warmte = warmte
        self._grootste = 0.0
        self._sortering: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)

    def zet_tabel(self, tabel: Tabel | TabelInhoud | None) -> None:
        """Show a table; a TabelInhoud (from `bereid_voor` in a worker) costs no row loop."""
        inhoud = bereid_voor(tabel) if isinstance(tabel, Tabel) else tabel
        self.beginResetModel()
        self._tabel = inhoud.tabel if inhoud else None
        self._koppen = inhoud.koppen if inhoud else ()
        self._rijen = inhoud.rijen if inhoud else ()
        self._grootste = inhoud.grootste if inhoud else 0.0
        self._volgorde = self._orden(*self._sortering)
        self.endResetModel()

    def _orden(self, kolom: int, volgorde: Qt.SortOrder) -> list[int]:
        rijen = self._rijen
        if not 0 <= kolom < self.columnCount():
            return list(range(len(rijen)))
        eerste = kolom == 0
        return sorted(
            range(len(rijen)),
            key=lambda i: _sorteersleutel(rijen[i][kolom], eerste),
            reverse=volgorde == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` (-1: the service's order), keeping selections on their rows."""
        self.layoutAboutToBeChanged.emit()
        oud = self._volgorde
        self._sortering = (column, order)
        self._volgorde = self._orden(column, order)
        nieuw_van = {bron: rij for rij, bron in enumerate(self._volgorde)}
        van = self.persistentIndexList()
        naar = [self.index(nieuw_van[oud[i.row()]], i.column()) for i in van]
        self.changePersistentIndexList(van, naar)
        self.layoutChanged.emit()

    @property
    def tabel(self) -> Tabel | None:
        return self._tabel

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._volgorde)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() or self._tabel is None:
            return 0
        return len(self._tabel.kolommen)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._volgorde):
            return None
        rij = self._rijen[self._volgorde[index.row()]]
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
                    "u zou zo’n getal ermee kunnen terugrekenen."
                )
            if cel.wit:
                return "Witte vlek: 0 of 1 actief instrument."
            return cel.tip or cel.tekst
        if role == Qt.ItemDataRole.TextAlignmentRole:
            # Figures right (they line up by their last digit), words left; the first column
            # names the row (a month too).
            getal = index.column() > 0 and (
                cel.waarde is not None or cel.is_onderdrukt or cel.tekst == LEEG
            )
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
            and 0 <= section < len(self._koppen)
        ):
            return self._koppen[section]
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and self._tabel is not None
            and 0 <= section < len(self._tabel.kolommen)
        ):
            return self._tabel.kolommen[section]
        return None
