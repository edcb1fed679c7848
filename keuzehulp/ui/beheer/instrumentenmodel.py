"""The Beheer instrument list model: filters and sorts itself on keys held per column."""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import operator
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.tekst import datum, naam_sleutel, vouw
from keuzehulp.services.beheer.instrumenten import InstrumentRegel
from keuzehulp.services.geheugen import laat_los
from keuzehulp.ui.beheer.gemeen import ROL_RIJ, Index

_ID = operator.attrgetter("id")
_STATUS = operator.attrgetter("status")

STATUS_TEKST = {"actief": "gepubliceerd", "geparkeerd": "geparkeerd", "concept": "concept"}


def datum_tekst(moment: object) -> str:
    """A moment or day as the lists show it: dd-mm-yyyy in local time (`tekst.datum`)."""
    if isinstance(moment, dt.date):
        return datum(moment)
    return str(moment)


def _tekstsleutel(tekst: str | None) -> str:
    return vouw(tekst or "")


# Per column: title, display text, and the sort key (never the display string: dates sort
# as dates, names without accents or case).
_INSTRUMENT_KOLOMMEN: tuple[
    tuple[str, Callable[[InstrumentRegel], str], Callable[..., Any]], ...
] = (
    ("Naam", lambda r: r.naam, lambda r: _tekstsleutel(r.naam)),
    ("Status", lambda r: STATUS_TEKST[r.status.value], lambda r: STATUS_TEKST[r.status.value]),
    ("Type", lambda r: r.type or "", lambda r: _tekstsleutel(r.type)),
    ("Uitvoerder", lambda r: r.uitvoerder or "", lambda r: _tekstsleutel(r.uitvoerder)),
    ("Gewijzigd", lambda r: datum_tekst(r.gewijzigd_op), lambda r: r.gewijzigd_op),
)


Sortering = tuple[int, Qt.SortOrder] | None  # (column, order); None: the service's order


@dataclass(frozen=True, slots=True)
class VoorbereideLijst:
    """Instrument rows with their folded search texts and per-column sort keys.

    Made by `bereid_voor` off the GUI thread: folding 100,000 names takes seconds. `zichtbaar`
    holds the positions shown for `keuze` (status, folded text, sorting), filtered and sorted
    in the worker too; the model uses them when its choice is still the same.
    """

    rijen: list[InstrumentRegel]
    zoektekst: list[str]
    sleutels: list[list[Any]]  # per column, per row
    keuze: tuple[InstrumentStatus | None, str, Sortering] = (None, "", None)
    zichtbaar: list[int] | None = None


def _zoektekst(regel: InstrumentRegel) -> str:
    """What the list's search box looks in: the folded name and provider."""
    return vouw(f"{regel.naam} {regel.uitvoerder or ''}")


def bereid_voor(
    rijen: Sequence[InstrumentRegel],
    status: InstrumentStatus | None = None,
    tekst: str = "",
    sortering: Sortering = None,
) -> VoorbereideLijst:
    """Fold and key the rows for the list, and filter and sort them for the given choice
    (pure Python: call it in a worker; about a second of CPU at 100,000 rows)."""
    lijst = list(rijen)
    zoektekst = [_zoektekst(r) for r in lijst]
    sleutels = [[sleutel(r) for r in lijst] for _, _, sleutel in _INSTRUMENT_KOLOMMEN]
    gevouwen = vouw(tekst)
    zichtbaar = _sorteer(_filter(lijst, zoektekst, status, gevouwen), sleutels, sortering)
    return VoorbereideLijst(lijst, zoektekst, sleutels, (status, gevouwen, sortering), zichtbaar)


def _filter(
    alle: list[InstrumentRegel],
    zoektekst: list[str],
    status: InstrumentStatus | None,
    tekst: str,
) -> list[int]:
    """Positions of the rows with `status` (None: any) whose folded text holds `tekst`."""
    if status is None and not tekst:
        return list(range(len(alle)))
    return [
        i
        for i, zoek in enumerate(zoektekst)
        if (status is None or alle[i].status == status) and (not tekst or tekst in zoek)
    ]


def _sorteer(posities: list[int], sleutels: list[list[Any]], sortering: Sortering) -> list[int]:
    """`posities` sorted in place on a column's keys (stable: ties keep the service's order)."""
    if sortering is not None:
        kolom, volgorde = sortering
        posities.sort(
            key=sleutels[kolom].__getitem__, reverse=volgorde == Qt.SortOrder.DescendingOrder
        )
    return posities


class InstrumentTabelModel(QAbstractTableModel):
    """The Beheer instrument list: filters and sorts itself, so no proxy calls `data()`.

    Holds every loaded row; `zet_filter` narrows the shown rows on status and folded text
    (name or provider), `sort` orders them on a key per column, only when asked (a header
    click). 100,000 rows filter or sort in tens of milliseconds. ROL_RIJ gives the row.
    A reload (`zet_rijen` with a `VoorbereideLijst` made in a worker for `keuze()`) costs
    the GUI thread no filtering, sorting or freeing of the old rows.
    """

    KOLOMMEN = tuple(titel for titel, _, _ in _INSTRUMENT_KOLOMMEN)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._alle: list[InstrumentRegel] = []
        self._zoektekst: list[str] = []  # folded "name provider" per row of _alle
        self._sleutels: list[list[Any]] = []  # per column: sort key per row of _alle
        self._zichtbaar: list[int] = []  # positions in _alle, in shown order
        self._status: InstrumentStatus | None = None
        self._tekst = ""
        self._sortering: Sortering = None

    # --- contents -------------------------------------------------------------------------

    def keuze(self) -> tuple[InstrumentStatus | None, str, Sortering]:
        """(status filter, folded text filter, sorting) now: what `bereid_voor` needs."""
        return self._status, self._tekst, self._sortering

    def zet_rijen(self, rijen: Sequence[InstrumentRegel] | VoorbereideLijst) -> None:
        """Replace all rows (in the service's order); filter and sort choice are kept.

        Pass a `VoorbereideLijst` (made in a worker) for long lists; the old rows are freed
        on a background thread.
        """
        lijst = rijen if isinstance(rijen, VoorbereideLijst) else bereid_voor(rijen)
        oud = self._alle, self._zoektekst, self._sleutels, self._zichtbaar
        self.beginResetModel()
        self._alle, self._zoektekst, self._sleutels = lijst.rijen, lijst.zoektekst, lijst.sleutels
        if lijst.zichtbaar is not None and lijst.keuze == self.keuze():
            self._zichtbaar = lijst.zichtbaar
        else:  # the filter or sorting changed while the list loaded
            self._zichtbaar = self._bereken()
        self.endResetModel()
        laat_los(*oud)
        del oud

    def werk_bij(self, ids: Collection[int], regels: Sequence[InstrumentRegel]) -> None:
        """Patch the rows of the instruments `ids` with their new lines `regels` (an id
        without a line is removed; a new id is added in the service's name order).

        For a few changed instruments instead of a reload of the whole list. Filter and
        sorting are kept. When no shown row comes, goes or moves, the lines are replaced in
        place and only `dataChanged` is emitted (no pass over all rows in Python: well under
        a millisecond at 10,000 rows); when shown rows only move, a layout change keeps the
        selection and the scroll position; when shown rows come or go, the model resets.
        """
        if not ids:
            return
        nieuw = {r.id: r for r in regels}
        alle_ids = list(map(_ID, self._alle))  # C speed, as are the lookups below
        posities: dict[int, int] = {}
        for iid in set(ids):
            with contextlib.suppress(ValueError):  # not there: a new instrument
                posities[iid] = alle_ids.index(iid)
        if nieuw.keys() == posities.keys() and self._vervang_ter_plaatse(nieuw, posities):
            return
        oud_ids = list(map(alle_ids.__getitem__, self._zichtbaar))
        for positie in sorted(posities.values(), reverse=True):
            del self._alle[positie]
            del self._zoektekst[positie]
            for kolom in self._sleutels:
                del kolom[positie]
        for regel in nieuw.values():
            # The service's order is by naam_sleutel: a binary search asks it of ~14 rows.
            positie = bisect.bisect_right(
                self._alle, naam_sleutel(regel.naam), key=lambda r: naam_sleutel(r.naam)
            )
            self._alle.insert(positie, regel)
            self._zoektekst.insert(positie, _zoektekst(regel))
            for kolom, (_, _, sleutel) in zip(self._sleutels, _INSTRUMENT_KOLOMMEN, strict=True):
                kolom.insert(positie, sleutel(regel))
        # The shown rows again without a sort of them all (100,000 rows: 0.4 s in one C call
        # that holds the interpreter): the unchanged ones keep their order at their new
        # places, the changed ones are put in by a binary search.
        positie_van = {iid: p for p, iid in enumerate(map(_ID, self._alle))}
        zichtbaar: list[int] = []
        was: set[int] = set()
        for iid in oud_ids:
            if iid in nieuw or iid in posities:
                was.add(iid)
            else:
                zichtbaar.append(positie_van[iid])
        erbij: set[int] = set()
        for regel in nieuw.values():
            positie = positie_van[regel.id]
            if self._past(regel, self._zoektekst[positie]):
                zichtbaar.insert(self._plek(zichtbaar, positie), positie)
                erbij.add(regel.id)
        nieuw_ids = list(map(_ID, map(self._alle.__getitem__, zichtbaar)))
        if was == erbij:  # the same rows, some elsewhere
            self.layoutAboutToBeChanged.emit()
            oud = self.persistentIndexList()
            oud_waar = [oud_ids[i.row()] for i in oud]
            self._zichtbaar = zichtbaar
            self._verplaats_persistent(oud, oud_waar, nieuw_ids)
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self._zichtbaar = zichtbaar
            self.endResetModel()

    def _plek(self, zichtbaar: list[int], positie: int) -> int:
        """Where the row at `positie` of the service's order goes among the shown rows,
        which are in the shown order (as `_sorteer` orders: on the sorted column's key, ties
        in the service's order; without sorting, in the service's order)."""
        if self._sortering is None:
            return bisect.bisect_left(zichtbaar, positie)
        kolom, volgorde = self._sortering
        sleutels = self._sleutels[kolom]
        sleutel = sleutels[positie]
        aflopend = volgorde == Qt.SortOrder.DescendingOrder
        laag, hoog = 0, len(zichtbaar)
        while laag < hoog:
            midden = (laag + hoog) // 2
            ander = zichtbaar[midden]
            ander_sleutel = sleutels[ander]
            if ander_sleutel == sleutel:
                ervoor = ander < positie
            elif aflopend:
                ervoor = ander_sleutel > sleutel
            else:
                ervoor = ander_sleutel < sleutel
            if ervoor:
                laag = midden + 1
            else:
                hoog = midden
        return laag

    def _vervang_ter_plaatse(
        self, nieuw: dict[int, InstrumentRegel], posities: dict[int, int]
    ) -> bool:
        """Replace lines at their place in the service's order (their names keep their
        place). When no shown row comes, goes or moves only `dataChanged` is sent; else the
        changed rows are taken out of the shown ones and put back by a binary search (no
        pass over all rows in Python). False (and nothing changed) when a name moved."""
        if any(
            naam_sleutel(self._alle[p].naam) != naam_sleutel(nieuw[i].naam)
            for i, p in posities.items()
        ):
            return False
        kolom = self._sortering[0] if self._sortering is not None else None
        blijft = all(
            self._past(self._alle[p], self._zoektekst[p])
            == self._past(nieuw[i], _zoektekst(nieuw[i]))
            and (
                kolom is None
                or _INSTRUMENT_KOLOMMEN[kolom][2](nieuw[i]) == self._sleutels[kolom][p]
            )
            for i, p in posities.items()
        )
        zichtbaar = self._zichtbaar if blijft else list(self._zichtbaar)
        was: set[int] = set()
        if not blijft:
            for iid, positie in posities.items():
                try:
                    zichtbaar.remove(positie)  # a C-speed scan
                except ValueError:
                    continue
                was.add(iid)
        erbij: set[int] = set()
        for iid, positie in posities.items():
            regel = self._alle[positie] = nieuw[iid]
            self._zoektekst[positie] = _zoektekst(regel)
            for sleutels, (_, _, sleutel) in zip(self._sleutels, _INSTRUMENT_KOLOMMEN, strict=True):
                sleutels[positie] = sleutel(regel)
            if not blijft and self._past(regel, self._zoektekst[positie]):
                zichtbaar.insert(self._plek(zichtbaar, positie), positie)
                erbij.add(iid)
        if blijft:
            laatste = len(self.KOLOMMEN) - 1
            for positie in posities.values():
                if self._past(self._alle[positie], self._zoektekst[positie]):
                    rij = self._zichtbaar.index(positie)
                    self.dataChanged.emit(self.index(rij, 0), self.index(rij, laatste))
        elif was == erbij:  # the same rows, some elsewhere
            self.layoutAboutToBeChanged.emit()
            oud = self.persistentIndexList()
            oud_posities = [self._zichtbaar[i.row()] for i in oud]
            self._zichtbaar = zichtbaar
            self._verplaats_persistent(oud, oud_posities, zichtbaar)  # positions did not change
            self.layoutChanged.emit()
        else:
            self.beginResetModel()
            self._zichtbaar = zichtbaar
            self.endResetModel()
        return True

    def _past(self, regel: InstrumentRegel, zoektekst: str) -> bool:
        """Whether a line passes the status and text filter now."""
        return (self._status is None or regel.status == self._status) and (
            not self._tekst or self._tekst in zoektekst
        )

    def zet_filter(self, status: InstrumentStatus | None, tekst: str) -> None:
        """Show only rows with this status (None: all) whose name or provider has `tekst`."""
        gevouwen = vouw(tekst)
        if (status, gevouwen) == (self._status, self._tekst):
            return
        self._status, self._tekst = status, gevouwen
        self.beginResetModel()
        self._zichtbaar = self._bereken()
        self.endResetModel()

    def _bereken(self) -> list[int]:
        gefilterd = _filter(self._alle, self._zoektekst, self._status, self._tekst)
        return _sorteer(gefilterd, self._sleutels, self._sortering)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Called by the view when a header is clicked; -1 keeps the service's order."""
        if not 0 <= column < len(self.KOLOMMEN):
            return
        self.layoutAboutToBeChanged.emit()
        oud = self.persistentIndexList()
        oud_rijen = [self._zichtbaar[i.row()] for i in oud]
        self._sortering = (column, order)
        _sorteer(self._zichtbaar, self._sleutels, self._sortering)
        self._verplaats_persistent(oud, oud_rijen, self._zichtbaar)
        self.layoutChanged.emit()

    def _verplaats_persistent(
        self, oud: list[QModelIndex], waren: Sequence[Any], nu: Sequence[Any]
    ) -> None:
        """After a reorder: point the persistent indexes `oud` (the selection, the current
        row), whose rows held the keys `waren`, at the rows where those keys are in `nu`
        (the shown rows' keys in their new order: ids or positions)."""
        if len(oud) <= 64:  # a selection and a current row: a C-speed scan each
            rijen = [nu.index(w) for w in waren]
        else:
            rij_van = {waar: rij for rij, waar in enumerate(nu)}
            rijen = [rij_van[w] for w in waren]
        self.changePersistentIndexList(
            oud, [self.index(r, i.column()) for r, i in zip(rijen, oud, strict=True)]
        )

    # --- lookups --------------------------------------------------------------------------

    def rij(self, nummer: int) -> InstrumentRegel:
        return self._alle[self._zichtbaar[nummer]]

    @property
    def rijen(self) -> list[InstrumentRegel]:
        """The shown rows, in shown order."""
        return [self._alle[i] for i in self._zichtbaar]

    @property
    def aantal_geladen(self) -> int:
        return len(self._alle)

    def aantal_per_status(self) -> dict[InstrumentStatus, int]:
        """Loaded rows per status, whatever the filter ({status: count}, every status)."""
        geteld = Counter(map(_STATUS, self._alle))  # C speed: about 1 ms at 10,000 rows
        return {status: geteld[status] for status in InstrumentStatus}

    def rij_van(self, instrument_id: int) -> int:
        """The shown row of an instrument, or -1."""
        try:  # two scans at C speed, no Python loop over the rows
            return self._zichtbaar.index(list(map(_ID, self._alle)).index(instrument_id))
        except ValueError:
            return -1

    # --- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._zichtbaar)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.KOLOMMEN)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._zichtbaar):
            return None
        rij = self._alle[self._zichtbaar[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _INSTRUMENT_KOLOMMEN[index.column()][1](rij)
        if role == ROL_RIJ:
            return rij
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.KOLOMMEN)
        ):
            return self.KOLOMMEN[section]
        return None
