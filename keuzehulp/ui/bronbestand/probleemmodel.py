"""The problems of an import as a table: severity, sheet, row, column, value, message."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from keuzehulp.services.bronbestand.lezer import Probleem

Index = QModelIndex | QPersistentModelIndex


class Kolom(enum.IntEnum):
    ERNST = 0
    BLAD = 1
    RIJ = 2
    KOLOM = 3
    WAARDE = 4
    MELDING = 5


KOPPEN = {
    Kolom.ERNST: "Soort",
    Kolom.BLAD: "Blad",
    Kolom.RIJ: "Rij",
    Kolom.KOLOM: "Kolom",
    Kolom.WAARDE: "Waarde in de cel",
    Kolom.MELDING: "Wat er mis is",
}
PROBLEEM_ROL = Qt.ItemDataRole.UserRole + 1


class ProbleemModel(QAbstractTableModel):
    """Read-only; errors first, then warnings, each in workbook order."""

    def __init__(self, problemen: list[Probleem], parent: Any = None) -> None:
        super().__init__(parent)
        self._problemen = sorted(problemen, key=lambda p: not p.is_fout)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._problemen)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Kolom)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(Kolom):
            return KOPPEN[Kolom(section)]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._problemen):
            return None
        probleem = self._problemen[index.row()]
        kolom = Kolom(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            waarden = {
                Kolom.ERNST: "Fout" if probleem.is_fout else "Waarschuwing",
                Kolom.BLAD: probleem.blad,
                Kolom.RIJ: probleem.rij,
                Kolom.KOLOM: probleem.kolom or "",
                Kolom.WAARDE: (probleem.waarde or "").replace("\n", " / "),
                Kolom.MELDING: probleem.melding,
            }
            return waarden[kolom]
        if role == Qt.ItemDataRole.ForegroundRole and kolom == Kolom.ERNST and probleem.is_fout:
            return QBrush(QColor("#a61b1b"))
        if role == PROBLEEM_ROL:
            return probleem
        return None
