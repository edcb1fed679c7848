"""The kenmerken tree of search step 2: checkable, with live counts, updated row by row.

A catalogue change (a kenmerk added, renamed, retired or moved in Beheer) reaches the tree as a
new set of options. Resetting the model for that would make the view forget which groups were
open and lay out all rows again (with 1,000 kenmerken: a quarter of a second on the GUI
thread); `zet_opties` instead removes, inserts and changes only the rows that differ.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from keuzehulp.services.zoekindex import KenmerkOptie
from keuzehulp.ui.zoeken.modellen import AANTAL_ROL, GRIJS, ID_ROL, UITLEG_ROL

Index = QModelIndex | QPersistentModelIndex
_R = Qt.ItemDataRole
_TEKST, _VOORLEES, _VOORGROND = _R.DisplayRole, _R.AccessibleTextRole, _R.ForegroundRole
_UITLIJNING, _VINKJE = _R.TextAlignmentRole, _R.CheckStateRole
_UITLEG_ROLLEN = frozenset((_R.AccessibleDescriptionRole, _R.ToolTipRole, UITLEG_ROL))
_RECHTS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_AAN, _UIT = Qt.CheckState.Checked, Qt.CheckState.Unchecked
Ouder = str | None  # a kenmerk's code, or None for the top level (the groups)
KOPPEN = ("Kenmerk (? = uitleg)", "Aantal")


class KenmerkBoomModel(QAbstractItemModel):
    """The five groups with their derived kenmerken, checkable, with live counts.

    An index's internalId is 0 for a group and otherwise the stable number of its parent's
    code (given once per code, never reused), so indexes stay right while rows come and go.
    """

    keuze_gewijzigd = Signal()
    # More kenmerken added, removed or moved than this: one reset. Below it, inserting and
    # removing runs of rows is cheaper than a reset and the expandToDepth that follows (a
    # thousand kenmerken added under five groups are five inserts).
    GROTE_WIJZIGING = 5000

    def __init__(self) -> None:
        super().__init__()
        self._opties: dict[str, KenmerkOptie] = {}
        self._kinderen: dict[Ouder, list[str]] = {None: []}  # rows under each parent, in order
        self._ouder: dict[str, Ouder] = {}  # parent of every code in the tree
        self._rij: dict[str, int] = {}  # row of every code under its parent
        self._id: dict[str, int] = {}
        self._code_per_id: dict[int, str] = {}
        self._aantal: dict[str, int] = {}
        self._gekozen: set[str] = set()
        self._uitleg_open: set[str] = set()  # kenmerken whose explanation is shown ("?")
        self.klantweergave = False

    # --- the options ----------------------------------------------------------------------

    def zet_opties(self, opties: dict[str, KenmerkOptie]) -> bool:
        """Show `opties` (code -> option, groups first in their order; children in
        `kinderen`). Returns True when the model was reset (the first fill, or more than
        GROTE_WIJZIGING kenmerken added, removed or moved): the view must then open the groups
        again. Otherwise only the differing rows were removed, inserted or changed, and the
        view keeps what was open, selected and scrolled to.
        """
        nieuw: dict[Ouder, list[str]] = {None: [c for c, o in opties.items() if o.parent is None]}
        for code, optie in opties.items():
            nieuw[code] = [k for k in optie.kinderen if k in opties]
            self._id.setdefault(code, len(self._id) + 1)
            self._code_per_id.setdefault(self._id[code], code)
        oud = self._opties
        if not self._kinderen[None] or self._te_veel(opties):
            self.beginResetModel()
            self._opties = opties
            self._kinderen = {p: list(k) for p, k in nieuw.items()}
            self._ouder = {c: o.parent for c, o in opties.items()}
            self._rij = {c: i for lijst in self._kinderen.values() for i, c in enumerate(lijst)}
            self._na_wissel(opties)
            self.endResetModel()
            return True
        self._opties = {**oud, **opties}  # rows on their way out are still asked for
        self._haal_oude_weg(nieuw)
        self._voeg_nieuwe_in(nieuw)
        self._opties = opties
        self._na_wissel(opties)
        self._meld_gewijzigd(c for c, o in opties.items() if c in oud and oud[c] != o)
        return False

    def _na_wissel(self, opties: dict[str, KenmerkOptie]) -> None:
        self._gekozen &= opties.keys()
        self._uitleg_open &= opties.keys()

    def _te_veel(self, opties: dict[str, KenmerkOptie]) -> bool:
        verschil = len(self._ouder.keys() ^ opties.keys())
        verschil += sum(
            1 for c, o in opties.items() if c in self._ouder and self._ouder[c] != o.parent
        )
        return verschil > self.GROTE_WIJZIGING

    def _haal_oude_weg(self, nieuw: dict[Ouder, list[str]]) -> None:
        """Remove, top-down, the rows that are not where `nieuw` has them (with their rows).

        What stays under a parent is the longest run of rows in the same order in both.
        """
        open_: list[Ouder] = [None]
        while open_:
            ouder = open_.pop()
            if ouder not in self._kinderen:
                continue  # removed with a row above it
            huidig = self._kinderen[ouder]
            doel = nieuw.get(ouder, [])
            if huidig != doel:
                paren = SequenceMatcher(None, huidig, doel, autojunk=False).get_matching_blocks()
                blijft = {huidig[b.a + i] for b in paren for i in range(b.size)}
                for begin, eind in reversed(_reeksen([c not in blijft for c in huidig])):
                    self._haal_weg(ouder, begin, eind)
            open_.extend(huidig)

    def _voeg_nieuwe_in(self, nieuw: dict[Ouder, list[str]]) -> None:
        """Insert, top-down, the rows of `nieuw` that are missing (each with its own rows)."""
        open_: list[Ouder] = [None]
        while open_:
            ouder = open_.pop()
            huidig, doel = self._kinderen[ouder], nieuw[ouder]
            ingevoegd: set[str] = set()
            if huidig != doel:
                i = j = 0  # huidig is a subsequence of doel now: fill in the gaps
                while j < len(doel):
                    if i < len(huidig) and huidig[i] == doel[j]:
                        i, j = i + 1, j + 1
                        continue
                    k = j
                    while k < len(doel) and not (i < len(huidig) and huidig[i] == doel[k]):
                        k += 1
                    self._voeg_toe(ouder, i, doel[j:k], nieuw)
                    ingevoegd.update(doel[j:k])
                    i, j = i + k - j, k
            open_.extend(c for c in huidig if c not in ingevoegd)

    def _haal_weg(self, ouder: Ouder, begin: int, eind: int) -> None:
        lijst = self._kinderen[ouder]
        self.beginRemoveRows(self._ouder_index(ouder), begin, eind)
        weg = lijst[begin : eind + 1]
        del lijst[begin : eind + 1]
        while weg:  # the removed rows and everything under them
            code = weg.pop()
            weg.extend(self._kinderen.pop(code, ()))
            self._ouder.pop(code, None)
            self._rij.pop(code, None)
        self._nummer(lijst, begin)
        self.endRemoveRows()

    def _voeg_toe(
        self, ouder: Ouder, rij: int, codes: list[str], nieuw: dict[Ouder, list[str]]
    ) -> None:
        lijst = self._kinderen[ouder]
        self.beginInsertRows(self._ouder_index(ouder), rij, rij + len(codes) - 1)
        lijst[rij:rij] = codes
        self._nummer(lijst, rij)
        erbij = [(ouder, c) for c in codes]
        while erbij:  # the inserted rows come with the rows under them
            boven, code = erbij.pop()
            self._ouder[code] = boven
            self._kinderen[code] = list(nieuw[code])
            self._nummer(self._kinderen[code], 0)
            erbij.extend((code, k) for k in nieuw[code])
        self.endInsertRows()

    def _nummer(self, lijst: list[str], vanaf: int) -> None:
        for rij in range(vanaf, len(lijst)):
            self._rij[lijst[rij]] = rij

    # --- choices, counts, the client view ----------------------------------------------------

    def gekozen(self) -> frozenset[str]:
        return frozenset(self._gekozen)

    def zet_gekozen(self, codes: frozenset[str]) -> None:
        nieuw = set(codes) & self._opties.keys()
        verschil = nieuw ^ self._gekozen
        self._gekozen = nieuw
        self._meld_gewijzigd(verschil)

    def zet_aantallen(self, aantallen: dict[str, int]) -> None:
        """New counts; only rows whose count changed are reported, one signal per level."""
        oud, self._aantal = self._aantal, dict(aantallen)
        self._meld_gewijzigd(c for c in self._ouder if oud.get(c, 0) != self._aantal.get(c, 0))

    def zet_klantweergave(self, aan: bool) -> None:
        self.klantweergave = aan
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        self._meld_gewijzigd(self._ouder)

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

    def _meld_gewijzigd(self, codes: Iterable[str]) -> None:
        """One dataChanged per level (parent) with changed rows, spanning those rows.

        Per row, a tree of 1,000 kenmerken would send a thousand signals, each making the
        view re-measure wrapped rows.
        """
        per_ouder: dict[Ouder, list[int]] = {}
        for code in codes:
            if code in self._ouder:
                per_ouder.setdefault(self._ouder[code], []).append(self._rij[code])
        for ouder, rijen in per_ouder.items():
            sleutel = self._sleutel(ouder)
            self.dataChanged.emit(
                self.createIndex(min(rijen), 0, sleutel), self.createIndex(max(rijen), 1, sleutel)
            )

    # --- QAbstractItemModel ----------------------------------------------------------------

    def _sleutel(self, ouder: Ouder) -> int:
        return 0 if ouder is None else self._id[ouder]

    def _ouder_index(self, ouder: Ouder) -> QModelIndex:
        if ouder is None:
            return QModelIndex()
        return self.createIndex(self._rij[ouder], 0, self._sleutel(self._ouder[ouder]))

    def _code_van(self, index: Index) -> str:
        ouder = index.internalId()
        lijst = self._kinderen[None if ouder == 0 else self._code_per_id[ouder]]
        return lijst[index.row()]

    def index_van(self, code: str) -> QModelIndex:
        """The index (column 0) of a kenmerk in the tree; KeyError when it is not there."""
        return self.createIndex(self._rij[code], 0, self._sleutel(self._ouder[code]))

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Without hasIndex(): that calls rowCount and columnCount back through Python, and a
        # layout of 1,000 rows asks for every index.
        if not parent.isValid():
            lijst, sleutel = self._kinderen[None], 0
        elif parent.column() != 0:
            return QModelIndex()
        else:
            ouder = self._code_van(parent)
            lijst, sleutel = self._kinderen[ouder], self._id[ouder]
        if 0 <= row < len(lijst) and 0 <= column < 2:
            return self.createIndex(row, column, sleutel)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.index_van(self._code_per_id[index.internalId()])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if not parent.isValid():
            return len(self._kinderen[None])
        if parent.column() != 0:
            return 0
        return len(self._kinderen[self._code_van(parent)])

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
        # Roles compared with module constants: an enum member looked up on Qt costs
        # microseconds, and painting and measuring rows asks for ten roles per row.
        if not index.isValid():
            return None
        code = self._code_van(index)
        aantal = self._aantal.get(code, 0)
        if role == ID_ROL:
            return code
        if role == AANTAL_ROL:
            return aantal
        if role == _VOORGROND and aantal == 0 and code not in self._gekozen:
            return GRIJS
        if index.column() == 1:
            if role in (_TEKST, _VOORLEES):
                return str(aantal)
            if role == _UITLIJNING:
                return _RECHTS
            return None
        if role == _TEKST:
            if code in self._uitleg_open:
                return f"{self.label(code)}\n{self.uitleg(code)}"
            return self.label(code)
        if role == _VOORLEES:
            woord = "mogelijkheden" if self.klantweergave else "instrumenten"
            return f"{self.label(code)}, {aantal} {woord}"
        if role in _UITLEG_ROLLEN:
            return self.uitleg(code)
        if role == _VINKJE:
            return _AAN if code in self._gekozen else _UIT
        return None

    # Made once: a Python enum OR costs microseconds, and a layout of 1,000 kenmerken asks
    # for the flags thousands of times.
    _VLAG = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    _VLAG_AANVINKBAAR = _VLAG | Qt.ItemFlag.ItemIsUserCheckable

    _VLAG_BLAD = _VLAG | Qt.ItemFlag.ItemNeverHasChildren
    _VLAG_BLAD_AANVINKBAAR = _VLAG_AANVINKBAAR | Qt.ItemFlag.ItemNeverHasChildren

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() != 0:
            return self._VLAG_BLAD
        # A row without kenmerken under it says so: the view's layout then does not ask
        # for its row count (a call back into Python per row). When one is added under it,
        # the rows inserted tell the view, and the next layout reads the new flags.
        if self._kinderen.get(self._code_van(index)):
            return self._VLAG_AANVINKBAAR
        return self._VLAG_BLAD_AANVINKBAAR

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


def _reeksen(vlaggen: list[bool]) -> list[tuple[int, int]]:
    """The runs of True in `vlaggen` as (first, last) positions, in order."""
    uit: list[tuple[int, int]] = []
    begin = None
    for i, aan in enumerate(vlaggen):
        if aan and begin is None:
            begin = i
        elif not aan and begin is not None:
            uit.append((begin, i - 1))
            begin = None
    if begin is not None:
        uit.append((begin, len(vlaggen) - 1))
    return uit
