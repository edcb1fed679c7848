"""Item models of the conversation: the shortlist and the side-by-side comparison."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from keuzehulp.services.instrumentdetail import InstrumentDetail
from keuzehulp.services.vergelijking import VRAGEN, VergelijkRij, vergelijk

Index = QModelIndex | QPersistentModelIndex
INSTRUMENT_ID_ROL = Qt.ItemDataRole.UserRole + 1


class KorteLijstModel(QAbstractListModel):
    """The shortlist in order: one row per option, its name, and its note as tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self._opties: list[InstrumentDetail] = []
        self._notities: dict[int, str] = {}

    @property
    def opties(self) -> list[InstrumentDetail]:
        return list(self._opties)

    def ids(self) -> list[int]:
        return [o.id for o in self._opties]

    def notitie(self, instrument_id: int) -> str:
        return self._notities.get(instrument_id, "")

    def zet_notitie(self, instrument_id: int, tekst: str) -> None:
        self._notities[instrument_id] = tekst
        if instrument_id in self.ids():
            rij = self.ids().index(instrument_id)
            self.dataChanged.emit(self.index(rij), self.index(rij))

    def zet(self, opties: list[InstrumentDetail], notities: dict[int, str]) -> None:
        self.beginResetModel()
        self._opties = list(opties)
        self._notities = dict(notities)
        self.endResetModel()

    def voeg_toe(self, optie: InstrumentDetail) -> None:
        rij = len(self._opties)
        self.beginInsertRows(QModelIndex(), rij, rij)
        self._opties.append(optie)
        self.endInsertRows()

    def verwijder(self, rij: int) -> None:
        self.beginRemoveRows(QModelIndex(), rij, rij)
        weg = self._opties.pop(rij)
        self._notities.pop(weg.id, None)
        self.endRemoveRows()

    def verplaats(self, rij: int, naar: int) -> bool:
        if not (0 <= rij < len(self._opties) and 0 <= naar < len(self._opties)) or rij == naar:
            return False
        doel = naar + 1 if naar > rij else naar
        self.beginMoveRows(QModelIndex(), rij, rij, QModelIndex(), doel)
        self._opties.insert(naar, self._opties.pop(rij))
        self.endMoveRows()
        return True

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._opties)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._opties):
            return None
        optie = self._opties[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            notitie = self._notities.get(optie.id)
            return f"{index.row() + 1}. {optie.naam}" + (f" – {notitie}" if notitie else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return optie.gegevens.omschrijving or optie.naam
        if role == INSTRUMENT_ID_ROL:
            return optie.id
        return None


class VergelijkModel(QAbstractTableModel):
    """Rows are the questions a client asks, columns are the options (Option Grid)."""

    def __init__(self) -> None:
        super().__init__()
        self._opties: list[InstrumentDetail] = []
        self._rijen: list[VergelijkRij] = []

    def zet(self, opties: list[InstrumentDetail], gezocht: frozenset[str] = frozenset()) -> None:
        self.beginResetModel()
        self._opties = list(opties)
        self._rijen = vergelijk(self._opties, gezocht) if opties else []
        self.endResetModel()

    @property
    def rijen(self) -> list[VergelijkRij]:
        return list(self._rijen)

    def instrument_id(self, kolom: int) -> int | None:
        return self._opties[kolom].id if 0 <= kolom < len(self._opties) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() or not self._opties else len(VRAGEN)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._opties)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rijen):
            return None
        if index.column() >= len(self._opties):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rijen[index.row()].cellen[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            rij = self._rijen[index.row()]
            return f"{self._opties[index.column()].naam}. {rij.vraag} {rij.cellen[index.column()]}"
        if role == INSTRUMENT_ID_ROL:
            return self._opties[index.column()].id
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical:
            return VRAGEN[section] if 0 <= section < len(VRAGEN) and self._opties else None
        if 0 <= section < len(self._opties):
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{self._opties[section].naam}: klik om deze optie te kiezen"
            # "Type, provider" on two lines, so long names fit above a column.
            return self._opties[section].naam.replace(", ", "\n", 1)
        return None
