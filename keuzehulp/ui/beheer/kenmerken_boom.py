"""The kenmerken editor's tree model: after a change only the rows that changed change.

A reload of 1,000 kenmerken used to rebuild every item and expand the whole tree again
(about 250 ms on the GUI thread, and the user's expansion and scroll position were lost).
Now the first load builds the tree detached and attaches it in one step; every later load
compares with what is shown and only inserts, moves, removes or rewrites the rows that differ.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from keuzehulp.services.beheer.kenmerken import KenmerkRegel
from keuzehulp.ui.beheer.gemeen import ROL_RIJ

_Paar = tuple[QStandardItem, QStandardItem]  # the name item (with the row) and the count item


TELLING_UITLEG = (
    "Het aantal actieve instrumenten met dit kenmerk of met een kenmerk eronder. "
    "Elk instrument telt één keer, ook als het meer kenmerken uit de groep heeft. "
    "Geparkeerde instrumenten en concepten tellen niet mee."
)


def _telling_tip(r: KenmerkRegel) -> str:
    n = r.aantal_instrumenten
    wat = "1 actief instrument" if n == 1 else f"{n} actieve instrumenten"
    if r.code.count(".") >= 2:  # the deepest level has nothing below it
        return f"{wat} met ‘{r.naam}’."
    return f"{wat} met ‘{r.naam}’ of een kenmerk eronder (elk instrument één keer geteld)."


def _naam_tekst(r: KenmerkRegel) -> str:
    return f"{r.code} {r.naam}" + ("" if r.actief else " (niet meer in gebruik)")


class KenmerkBoomModel(QStandardItemModel):
    """The kenmerken tree: code and name, number of instruments; ROL_RIJ gives the row.

    Kenmerken are known by id (a move changes the code of a kenmerk and its children).
    """

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels(["Kenmerk", "Instrumenten"])  # active ones: see the tooltip
        self.setHeaderData(
            1, Qt.Orientation.Horizontal, TELLING_UITLEG, Qt.ItemDataRole.ToolTipRole
        )
        self._paren: dict[int, _Paar] = {}
        self._regels: dict[int, KenmerkRegel] = {}
        self._per_code: dict[str, int] = {}
        # What is shown, mirrored in Python: the children's ids per parent id (None: top).
        self._kinderen: dict[int | None, list[int]] = {}
        self._ouder: dict[int, int | None] = {}  # only for kenmerken that have a place

    # --- reading ---------------------------------------------------------------------------

    def regel(self, code: str) -> KenmerkRegel | None:
        """The kenmerk with this code as last loaded, or None."""
        kid = self._per_code.get(code)
        return None if kid is None else self._regels[kid]

    def index_van(self, code: str) -> QModelIndex:
        """The index (column 0) of the kenmerk `code`; invalid when it is not in the tree."""
        kid = self._per_code.get(code)
        return QModelIndex() if kid is None else self._paren[kid][0].index()

    # --- filling ---------------------------------------------------------------------------

    def vul(self, regels: Sequence[KenmerkRegel]) -> list[QModelIndex]:
        """Show `regels` (every kenmerk, in tree order: a parent before its children).

        The first time the tree is built detached and attached in one step. After that only
        what differs changes: a new kenmerk is inserted, a moved one (with its children) is
        moved, a changed one is rewritten in place; expansion and selection of the other
        rows stay. Returns the indexes of the rows that got a new place (new or moved), so the
        view can expand them.
        """
        per_code = {r.code: r.id for r in regels}
        ouders = {r.id: per_code.get(r.parent_code or "") for r in regels}
        kinderen: dict[int | None, list[int]] = {}
        for r in regels:
            kinderen.setdefault(ouders[r.id], []).append(r.id)
        if not self._paren:
            self._bouw(regels, ouders, kinderen)
            return []
        for r in regels:
            if r.id in self._paren and self._regels[r.id] != r:
                self._herschrijf(self._paren[r.id], r)
            self._regels[r.id] = r
        los: set[int] = set()  # taken out of their old place, not yet in their new one
        geplaatst: list[QStandardItem] = []
        for ouder in (None, *(r.id for r in regels)):
            gewenst = kinderen.get(ouder, [])
            if self._kinderen.get(ouder, []) != gewenst:
                self._plaats(ouder, gewenst, los, geplaatst)
        for kid in los:  # gone from the catalogue (kenmerken are retired, not deleted)
            self._vergeet(kid)
        for kid in [k for k in self._paren if k not in ouders]:
            self._vergeet(kid)  # a child of a removed kenmerk
        self._per_code = per_code
        return [item.index() for item in geplaatst]

    def _bouw(
        self,
        regels: Sequence[KenmerkRegel],
        ouders: dict[int, int | None],
        kinderen: dict[int | None, list[int]],
    ) -> None:
        self.removeRows(0, self.rowCount())
        boven: list[_Paar] = []
        for r in regels:
            paar = self._nieuw(r)
            ouder = ouders[r.id]
            if ouder is not None:
                self._paren[ouder][0].appendRow(list(paar))  # not in the model yet: no signal
            else:
                boven.append(paar)
            self._ouder[r.id] = ouder
        for paar in boven:
            self.invisibleRootItem().appendRow(list(paar))
        self._kinderen = {ouder: list(ids) for ouder, ids in kinderen.items()}
        self._per_code = {r.code: r.id for r in regels}

    def _nieuw(self, r: KenmerkRegel) -> _Paar:
        naam, aantal = QStandardItem(), QStandardItem()
        naam.setEditable(False)
        aantal.setEditable(False)
        paar = (naam, aantal)
        self._herschrijf(paar, r)
        self._paren[r.id] = paar
        self._regels[r.id] = r
        return paar

    @staticmethod
    def _herschrijf(paar: _Paar, r: KenmerkRegel) -> None:
        naam, aantal = paar
        naam.setText(_naam_tekst(r))
        naam.setToolTip(_naam_tekst(r))  # a long name is cut off in a narrow tree
        naam.setData(r, ROL_RIJ)
        naam.setData(None if r.actief else Qt.GlobalColor.gray, Qt.ItemDataRole.ForegroundRole)
        aantal.setText(str(r.aantal_instrumenten))
        aantal.setToolTip(_telling_tip(r))

    def _item(self, ouder: int | None) -> QStandardItem:
        return self.invisibleRootItem() if ouder is None else self._paren[ouder][0]

    def _neem_uit(self, kid: int) -> None:
        """Take a kenmerk (with its children) out of its place; it keeps its items."""
        ouder = self._ouder.pop(kid)
        rij = self._kinderen[ouder].index(kid)
        self._item(ouder).takeRow(rij)
        del self._kinderen[ouder][rij]

    def _plaats(
        self, ouder: int | None, gewenst: list[int], los: set[int], geplaatst: list[QStandardItem]
    ) -> None:
        """Make the children of `ouder` exactly `gewenst`, moving as few rows as possible."""
        huidig = self._kinderen.setdefault(ouder, [])
        item = self._item(ouder)
        for rij, kid in enumerate(gewenst):
            if rij < len(huidig) and huidig[rij] == kid:
                continue
            if kid in self._ouder:
                self._neem_uit(kid)  # moved here, or further up under the same parent
                huidig = self._kinderen[ouder]
            los.discard(kid)
            paar = self._paren.get(kid) or self._nieuw(self._regels[kid])
            item.insertRow(rij, list(paar))
            huidig.insert(rij, kid)
            self._ouder[kid] = ouder
            geplaatst.append(paar[0])
        while len(huidig) > len(gewenst):  # no longer here: wait for their new place
            kid = huidig[len(gewenst)]
            self._neem_uit(kid)
            los.add(kid)

    def _vergeet(self, kid: int) -> None:
        self._paren.pop(kid, None)
        self._regels.pop(kid, None)
        self._ouder.pop(kid, None)
        self._kinderen.pop(kid, None)
