"""Item models of the search steps: checkable values with counts (the tree: `kenmerkboom`)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

ID_ROL = Qt.ItemDataRole.UserRole + 1  # the value (code/name) or instrument id behind a row
AANTAL_ROL = Qt.ItemDataRole.UserRole + 2
NAAM_ROL = Qt.ItemDataRole.UserRole + 3  # the instrument's full name
WAAROM_ROL = Qt.ItemDataRole.UserRole + 4  # which chosen routes and kenmerken it carries
UITLEG_ROL = Qt.ItemDataRole.UserRole + 6  # a kenmerk's explanation (professional or B1)
GRIJS = QBrush(QColor(128, 128, 128))
Index = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class Waarde:
    sleutel: str  # code or name, what ZoekVraag holds
    tekst: str  # what the list shows
    uitleg: str = ""  # tooltip
    aantal: int = 0
    gekozen: bool = False
    tekst_klant: str = ""  # what the client view shows ("" = the same as `tekst`)


class WaardenModel(QAbstractListModel):
    """A checkable list of filter values, each with its live count; zero counts greyed."""

    keuze_gewijzigd = Signal()

    def __init__(self, naam: str) -> None:
        super().__init__()
        self.naam = naam
        self._waarden: list[Waarde] = []
        self.klantweergave = False

    def zet_klantweergave(self, aan: bool) -> None:
        self.klantweergave = aan
        if self._waarden:
            self.dataChanged.emit(self.index(0), self.index(len(self._waarden) - 1))

    def zet_waarden(self, waarden: list[Waarde]) -> None:
        self.beginResetModel()
        self._waarden = waarden
        self.endResetModel()

    def gekozen(self) -> frozenset[str]:
        return frozenset(w.sleutel for w in self._waarden if w.gekozen)

    def zet_gekozen(self, sleutels: frozenset[str]) -> None:
        for rij, w in enumerate(self._waarden):
            if w.gekozen != (w.sleutel in sleutels):
                w.gekozen = w.sleutel in sleutels
                self.dataChanged.emit(self.index(rij), self.index(rij))

    def zet_aantallen(self, aantallen: dict[str, int]) -> None:
        for w in self._waarden:
            w.aantal = aantallen.get(w.sleutel, 0)
        if self._waarden:
            self.dataChanged.emit(self.index(0), self.index(len(self._waarden) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._waarden)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        w = self._waarden[index.row()]
        tekst = (w.tekst_klant or w.tekst) if self.klantweergave else w.tekst
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{tekst}  ({w.aantal})"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{tekst}, {w.aantal}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if w.gekozen else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            return w.uitleg or None
        if role == Qt.ItemDataRole.ForegroundRole and w.aantal == 0 and not w.gekozen:
            return GRIJS
        if role == ID_ROL:
            return w.sleutel
        if role == AANTAL_ROL:
            return w.aantal
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        w = self._waarden[index.row()]
        w.gekozen = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        self.keuze_gewijzigd.emit()
        return True
