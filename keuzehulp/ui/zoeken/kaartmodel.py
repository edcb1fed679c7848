"""The results as a list of cards, loaded in batches so 10,000 results cost no more than 30."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from keuzehulp.services.wensen import WensKeuze
from keuzehulp.services.zoeken import Treffer, Treffers
from keuzehulp.services.zoekindex import KenmerkOptie, RouteOptie
from keuzehulp.ui.zoeken.kaart import Kaart, maak_kaart
from keuzehulp.ui.zoeken.modellen import ID_ROL, NAAM_ROL, WAAROM_ROL

KAART_ROL = Qt.ItemDataRole.UserRole + 5  # the Kaart the delegate draws
Index = QModelIndex | QPersistentModelIndex


class ResultatenModel(QAbstractListModel):
    """The hits in the service's order, one card per row; ID_ROL gives the instrument id.

    Rows arrive in batches of `PARTIJ` (Qt's canFetchMore/fetchMore): the view lays out, and
    the delegate measures, only the cards scrolled near, however many results there are.
    `aantal` is the number of hits; `rowCount` the number loaded so far.
    """

    # About two screens of cards at 1366x768; the next batch comes when the last is in view.
    # Every new result list makes and measures this many cards at once (about 1 ms each).
    PARTIJ = 12

    def __init__(self) -> None:
        super().__init__()
        self._treffers: Sequence[Treffer] = ()
        self._geladen = 0
        self._kaarten: dict[int, Kaart] = {}
        self._routes: dict[str, RouteOptie] = {}
        self._kenmerken: dict[str, KenmerkOptie] = {}
        self._wensen: tuple[WensKeuze, ...] = ()
        self._korte_lijst: frozenset[int] = frozenset()
        self.klantweergave = False
        self.vandaag: dt.date | None = None  # None: today (tests pin a date)

    # --- what the cards say ---------------------------------------------------------------

    def zet_opties(self, routes: Sequence[RouteOptie], kenmerken: dict[str, KenmerkOptie]) -> None:
        """Route labels and kenmerk names for 'why it fits' (after a catalogue reload)."""
        self._routes = {r.code: r for r in routes}
        self._kenmerken = dict(kenmerken)
        self._alles_gewijzigd()

    def zet_treffers(self, treffers: Sequence[Treffer]) -> None:
        """The hits in order; a lazy `Treffers` is read only for the rows shown."""
        self.beginResetModel()
        self._treffers = treffers
        self._geladen = min(self.PARTIJ, len(treffers))
        self._kaarten.clear()
        self.endResetModel()

    def zet_klantweergave(self, aan: bool) -> None:
        self.klantweergave = aan
        self._alles_gewijzigd()

    def zet_wensen(self, wensen: Sequence[WensKeuze]) -> None:
        self._wensen = tuple(wensen)
        self._alles_gewijzigd()

    def zet_korte_lijst(self, ids: frozenset[int]) -> None:
        """Mark the shortlisted instruments; only cards whose mark changes are redrawn."""
        anders = ids ^ self._korte_lijst
        self._korte_lijst = frozenset(ids)
        for rij in range(self._geladen):
            if self._treffers[rij].id in anders:
                self._kaarten.pop(rij, None)
                self.dataChanged.emit(self.index(rij), self.index(rij))

    def op_korte_lijst(self, instrument_id: int) -> bool:
        return instrument_id in self._korte_lijst

    def _alles_gewijzigd(self) -> None:
        self._kaarten.clear()
        if self._geladen:
            self.dataChanged.emit(self.index(0), self.index(self._geladen - 1))

    # --- rows ------------------------------------------------------------------------------

    @property
    def aantal(self) -> int:
        """All hits, loaded or not."""
        return len(self._treffers)

    def treffer(self, rij: int) -> Treffer:
        return self._treffers[rij]

    def kaart(self, rij: int) -> Kaart:
        kaart = self._kaarten.get(rij)
        if kaart is None:
            kaart = maak_kaart(
                self._treffers[rij],
                routes=self._routes,
                kenmerken=self._kenmerken,
                klant=self.klantweergave,
                wensen=self._wensen,
                korte_lijst=self._korte_lijst,
                vandaag=self.vandaag,
            )
            self._kaarten[rij] = kaart
        return kaart

    def rij_van(self, instrument_id: int) -> int:
        """The row of an instrument among all hits (loading up to it), or -1."""
        if isinstance(self._treffers, Treffers):
            rij = self._treffers.plaats_van(instrument_id)
        else:
            rij = next((r for r, t in enumerate(self._treffers) if t.id == instrument_id), -1)
        if rij >= 0 and self._geladen <= rij:
            # One batch up to the row, not a fetchMore per PARTIJ rows.
            self.beginInsertRows(QModelIndex(), self._geladen, rij)
            self._geladen = rij + 1
            self.endInsertRows()
        return rij

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._geladen

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self._geladen < len(self._treffers)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        tot = min(self._geladen + self.PARTIJ, len(self._treffers))
        self.beginInsertRows(QModelIndex(), self._geladen, tot - 1)
        self._geladen = tot
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._geladen:
            return None
        rij = index.row()
        t = self._treffers[rij]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.kaart(rij).naam
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.kaart(rij).voorlees_tekst()
        if role == Qt.ItemDataRole.ToolTipRole:
            return t.instrument.naam
        if role == KAART_ROL:
            return self.kaart(rij)
        if role == NAAM_ROL:
            return t.instrument.naam
        if role == WAAROM_ROL:
            return self.kaart(rij).waarom.removeprefix("Past bij: ")
        if role == ID_ROL:
            return t.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )
