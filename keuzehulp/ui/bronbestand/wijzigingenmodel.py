"""What an import changes, as a lazy three-level tree: group, instrument (or kenmerk), field.

At 10,000 instruments a widget tree made 10,000 items (and their field rows) on the GUI
thread before the dialog could show; this model holds plain tuples, prepared in the worker
(`services.bronbestand.wijzigingsoverzicht.maak_groepen`), and makes an index only when the
view asks for one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from keuzehulp.services.bronbestand.wijzigingsoverzicht import Groep

Index = QModelIndex | QPersistentModelIndex

KOPPEN = ("Instrument of veld", "Was", "Wordt")


_STAP = 1 << 32  # internalId: (group + 1) * _STAP + (line + 1); 0 marks a group row


class WijzigingenModel(QAbstractItemModel):
    """Groups (level 1), instruments or kenmerken (level 2), changed fields (level 3)."""

    def __init__(self, groepen: list[Groep], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groepen = groepen

    # internalId of an index names its parent: 0 = the root, g*_STAP = group g-1,
    # g*_STAP + r = line r-1 of group g-1.

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        pid = parent.internalId()
        if pid == 0:  # parent is a group
            return self.createIndex(row, column, (parent.row() + 1) * _STAP)
        return self.createIndex(row, column, pid + parent.row() + 1)  # parent is a line

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid():
            return QModelIndex()
        cid = child.internalId()
        if cid == 0:
            return QModelIndex()
        groep, regel = divmod(cid, _STAP)
        if regel == 0:
            return self.createIndex(groep - 1, 0, 0)
        return self.createIndex(regel - 1, 0, groep * _STAP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if not parent.isValid():
            return len(self.groepen)
        if parent.column() != 0:
            return 0
        pid = parent.internalId()
        if pid == 0:
            return len(self.groepen[parent.row()].regels)
        groep, regel = divmod(pid, _STAP)
        if regel == 0:
            return len(self.groepen[groep - 1].regels[parent.row()].velden)
        return 0

    def columnCount(self, _parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(KOPPEN)

    def _waarden(self, index: Index) -> tuple[str, ...]:
        iid = index.internalId()
        if iid == 0:
            return (self.groepen[index.row()].titel,)
        groep, regel = divmod(iid, _STAP)
        if regel == 0:
            return (self.groepen[groep - 1].regels[index.row()].tekst,)
        return self.groepen[groep - 1].regels[regel - 1].velden[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        waarden = self._waarden(index)
        if index.column() >= len(waarden):
            return None
        return waarden[index.column()]

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return KOPPEN[section]
        return None

    def open_indexen(self) -> list[QModelIndex]:
        """The rows shown expanded at the start (small groups and their few changed lines)."""
        uit: list[QModelIndex] = []
        for g, groep in enumerate(self.groepen):
            if not groep.open:
                continue
            gi = self.index(g, 0)
            uit.append(gi)
            uit.extend(self.index(r, 0, gi) for r, regel in enumerate(groep.regels) if regel.open)
        return uit
