"""Item models of the search steps: checkable values with counts, and the kenmerken tree."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from keuzehulp.services.zoekindex import KenmerkOptie

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


KOPPEN = ("Kenmerk (? = uitleg)", "Aantal")


class KenmerkBoomModel(QAbstractItemModel):
    """The five groups with their derived kenmerken, checkable, with live counts."""

    keuze_gewijzigd = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._opties: dict[str, KenmerkOptie] = {}
        self._wortels: list[str] = []
        self._rij: dict[str, int] = {}
        self._volgorde: list[str] = []
        self._positie: dict[str, int] = {}
        self._aantal: dict[str, int] = {}
        self._gekozen: set[str] = set()
        self._uitleg_open: set[str] = set()  # kenmerken whose explanation is shown ("?")
        self.klantweergave = False

    def zet_opties(self, opties: dict[str, KenmerkOptie]) -> None:
        self.beginResetModel()
        self._opties = opties
        self._wortels = [c for c, o in opties.items() if o.parent is None]
        self._rij = {c: i for i, c in enumerate(self._wortels)}
        self._volgorde = list(opties)
        self._positie = {c: i for i, c in enumerate(self._volgorde)}
        for o in opties.values():
            for i, kind in enumerate(o.kinderen):
                self._rij[kind] = i
        self._gekozen &= set(opties)
        self.endResetModel()

    def gekozen(self) -> frozenset[str]:
        return frozenset(self._gekozen)

    def zet_gekozen(self, codes: frozenset[str]) -> None:
        nieuw = set(codes) & set(self._opties)
        verschil = nieuw ^ self._gekozen
        self._gekozen = nieuw
        self._meld_gewijzigd(verschil)

    def zet_aantallen(self, aantallen: dict[str, int]) -> None:
        """New counts; only rows whose count changed are reported, one signal per level."""
        oud, self._aantal = self._aantal, dict(aantallen)
        self._meld_gewijzigd(c for c in self._volgorde if oud.get(c, 0) != self._aantal.get(c, 0))

    def zet_klantweergave(self, aan: bool) -> None:
        self.klantweergave = aan
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        self._alles_gewijzigd()

    def uitleg_open(self, code: str) -> bool:
        return code in self._uitleg_open

    def wissel_uitleg(self, index: Index) -> None:
        """Show or hide the explanation under a kenmerk (its "?")."""
        if not index.isValid():
            return
        code = self._code_van(index)
        self._uitleg_open ^= {code}
        eerste = self.createIndex(index.row(), 0, index.internalId())
        self.dataChanged.emit(eerste, eerste)

    def label(self, code: str) -> str:
        """The kenmerk as the view lists it: the client's short label, or code and name."""
        optie = self._opties[code]
        return optie.klantlabel if self.klantweergave else f"{optie.code} {optie.naam}"

    def uitleg(self, code: str) -> str:
        optie = self._opties[code]
        return (optie.uitleg_client or optie.naam) if self.klantweergave else optie.uitleg

    def _alles_gewijzigd(self) -> None:
        self._meld_gewijzigd(self._volgorde)

    def _meld_gewijzigd(self, codes: Iterable[str]) -> None:
        """One dataChanged per level (parent) with changed rows, spanning those rows.

        Per row, a tree of 1,000 kenmerken would send a thousand signals, each making the
        view re-measure wrapped rows.
        """
        per_ouder: dict[str | None, list[int]] = {}
        for code in codes:
            optie = self._opties.get(code)
            if optie is not None:
                per_ouder.setdefault(optie.parent, []).append(self._rij[code])
        for ouder, rijen in per_ouder.items():
            sleutel = 0 if ouder is None else self._positie[ouder] + 1
            self.dataChanged.emit(
                self.createIndex(min(rijen), 0, sleutel), self.createIndex(max(rijen), 1, sleutel)
            )

    def _code_van(self, index: Index) -> str:
        # internalId: 0 for a group, else the position of the parent code + 1.
        ouder = index.internalId()
        if ouder == 0:
            return self._wortels[index.row()]
        return self._opties[self._volgorde[ouder - 1]].kinderen[index.row()]

    def index_van(self, code: str) -> QModelIndex:
        optie = self._opties[code]
        sleutel = 0 if optie.parent is None else self._positie[optie.parent] + 1
        return self.createIndex(self._rij[code], 0, sleutel)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, self._positie[self._code_van(parent)] + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.index_van(self._volgorde[index.internalId() - 1])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._wortels)
        if parent.column() != 0:
            return 0
        return len(self._opties[self._code_van(parent)].kinderen)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 2

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            koppen = ("Waar wil je aan werken?", "Aantal") if self.klantweergave else KOPPEN
            return koppen[section] if 0 <= section < 2 else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        code = self._code_van(index)
        aantal = self._aantal.get(code, 0)
        if role == ID_ROL:
            return code
        if role == AANTAL_ROL:
            return aantal
        if role == Qt.ItemDataRole.ForegroundRole and aantal == 0 and code not in self._gekozen:
            return GRIJS
        if index.column() == 1:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return str(aantal)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if code in self._uitleg_open:
                return f"{self.label(code)}\n{self.uitleg(code)}"
            return self.label(code)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            woord = "mogelijkheden" if self.klantweergave else "instrumenten"
            return f"{self.label(code)}, {aantal} {woord}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.uitleg(code)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.uitleg(code)
        if role == UITLEG_ROL:
            return self.uitleg(code)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if code in self._gekozen else Qt.CheckState.Unchecked
        return None

    # Made once: a Python enum OR costs microseconds, and a layout of 1,000 kenmerken asks
    # for the flags thousands of times.
    _VLAG = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    _VLAG_AANVINKBAAR = _VLAG | Qt.ItemFlag.ItemIsUserCheckable

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return self._VLAG_AANVINKBAAR if index.column() == 0 else self._VLAG

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != 0 or role != Qt.ItemDataRole.CheckStateRole:
            return False
        code = self._code_van(index)
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._gekozen.add(code)
        else:
            self._gekozen.discard(code)
        self.dataChanged.emit(index, index, [role])
        self.keuze_gewijzigd.emit()
        return True
