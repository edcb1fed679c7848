"""Table models of the beheer screens: instruments, log rows, versions, beheerders, stale ones."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QObject, Qt

from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.tekst import vouw
from keuzehulp.services.beheer.actualiteit import VerouderdInstrument
from keuzehulp.services.beheer.beheerders import BeheerderRegel
from keuzehulp.services.beheer.instrumenten import InstrumentRegel
from keuzehulp.services.beheer.mutatielog import MutatieRegel
from keuzehulp.services.beheer.versies import VersieInfo
from keuzehulp.ui.beheer.gemeen import ROL_RIJ, Index, Kolom, RijenModel

STATUS_TEKST = {"actief": "gepubliceerd", "geparkeerd": "geparkeerd", "concept": "concept"}


def _datum(moment: object) -> str:
    if isinstance(moment, dt.datetime):
        return moment.astimezone().strftime("%d-%m-%Y")
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
    ("Gewijzigd", lambda r: _datum(r.gewijzigd_op), lambda r: r.gewijzigd_op),
)


@dataclass(frozen=True, slots=True)
class VoorbereideLijst:
    """Instrument rows with their folded search texts and per-column sort keys.

    Made by `bereid_voor` off the GUI thread: folding 100,000 names takes seconds.
    """

    rijen: list[InstrumentRegel]
    zoektekst: list[str]
    sleutels: list[list[Any]]  # per column, per row


def bereid_voor(rijen: Sequence[InstrumentRegel]) -> VoorbereideLijst:
    """Fold and key the rows for the list (pure Python; call it in a worker)."""
    lijst = list(rijen)
    return VoorbereideLijst(
        lijst,
        [vouw(f"{r.naam} {r.uitvoerder or ''}") for r in lijst],
        [[sleutel(r) for r in lijst] for _, _, sleutel in _INSTRUMENT_KOLOMMEN],
    )


class InstrumentTabelModel(QAbstractTableModel):
    """The Beheer instrument list: filters and sorts itself, so no proxy calls `data()`.

    Holds every loaded row; `zet_filter` narrows the shown rows on status and folded text
    (name or provider), `sort` orders them on a key per column, only when asked (a header
    click). 100,000 rows filter or sort in tens of milliseconds. ROL_RIJ gives the row.
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
        self._sortering: tuple[int, Qt.SortOrder] | None = None

    # --- contents -------------------------------------------------------------------------

    def zet_rijen(self, rijen: Sequence[InstrumentRegel] | VoorbereideLijst) -> None:
        """Replace all rows (in the service's order); filter and sort choice are kept.

        Pass a `VoorbereideLijst` (made in a worker) for long lists.
        """
        lijst = rijen if isinstance(rijen, VoorbereideLijst) else bereid_voor(rijen)
        self.beginResetModel()
        self._alle, self._zoektekst, self._sleutels = lijst.rijen, lijst.zoektekst, lijst.sleutels
        self._zichtbaar = self._filter()
        self._sorteer()
        self.endResetModel()

    def zet_filter(self, status: InstrumentStatus | None, tekst: str) -> None:
        """Show only rows with this status (None: all) whose name or provider has `tekst`."""
        gevouwen = vouw(tekst)
        if (status, gevouwen) == (self._status, self._tekst):
            return
        self._status, self._tekst = status, gevouwen
        self.beginResetModel()
        self._zichtbaar = self._filter()
        self._sorteer()
        self.endResetModel()

    def _filter(self) -> list[int]:
        status, tekst, alle = self._status, self._tekst, self._alle
        return [
            i
            for i, zoek in enumerate(self._zoektekst)
            if (status is None or alle[i].status == status) and (not tekst or tekst in zoek)
        ]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Called by the view when a header is clicked; -1 keeps the service's order."""
        if not 0 <= column < len(self.KOLOMMEN):
            return
        self.layoutAboutToBeChanged.emit()
        oud = self.persistentIndexList()
        oud_rijen = [self._zichtbaar[i.row()] for i in oud]
        self._sortering = (column, order)
        self._sorteer()
        positie = {waar: rij for rij, waar in enumerate(self._zichtbaar)}
        self.changePersistentIndexList(
            oud, [self.index(positie[w], i.column()) for w, i in zip(oud_rijen, oud, strict=True)]
        )
        self.layoutChanged.emit()

    def _sorteer(self) -> None:
        if self._sortering is None:
            return
        kolom, volgorde = self._sortering
        # The sort is stable: ties keep the service's name order.
        self._zichtbaar.sort(
            key=self._sleutels[kolom].__getitem__,
            reverse=volgorde == Qt.SortOrder.DescendingOrder,
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

    def rij_van(self, instrument_id: int) -> int:
        """The shown row of an instrument, or -1."""
        for rij, i in enumerate(self._zichtbaar):
            if self._alle[i].id == instrument_id:
                return rij
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


class KeuzeModel(QAbstractListModel):
    """Items of a long choice list (a combo box of 100,000 instruments): text and data.

    Faster than `QComboBox.addItem` per item; `QComboBox.findData` works on UserRole.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, object]] = []

    def zet_items(self, items: Sequence[tuple[str, object]]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        tekst, waarde = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return tekst
        if role == Qt.ItemDataRole.UserRole:
            return waarde
        return None


class MutatieTabelModel(RijenModel[MutatieRegel]):
    KOLOMMEN = (
        Kolom[MutatieRegel]("Tijdstip", lambda r: r.lokale_tijd),
        Kolom[MutatieRegel]("Gebruiker", lambda r: r.gebruiker),
        Kolom[MutatieRegel]("Actie", lambda r: r.actie),
        Kolom[MutatieRegel]("Soort", lambda r: r.entiteit),
        Kolom[MutatieRegel]("Naam", lambda r: r.naam_getoond),
        Kolom[MutatieRegel]("Veld", lambda r: r.veld_label),
        Kolom[MutatieRegel]("Oud", lambda r: r.oud_getoond),
        Kolom[MutatieRegel]("Nieuw", lambda r: r.nieuw_getoond),
        Kolom[MutatieRegel]("Reden", lambda r: r.reden),
        Kolom[MutatieRegel]("Bron", lambda r: r.bron),
    )


class VersieTabelModel(RijenModel[VersieInfo]):
    KOLOMMEN = (
        Kolom[VersieInfo]("Versie", lambda r: f"{r.versiedatum:%d-%m-%Y}"),
        Kolom[VersieInfo]("Gepubliceerd door", lambda r: r.gepubliceerd_door),
        Kolom[VersieInfo]("Instrumenten", lambda r: r.aantal_instrumenten),
        Kolom[VersieInfo]("Wijzigingen sindsdien", lambda r: r.wijzigingen_sindsdien),
        Kolom[VersieInfo]("Omschrijving", lambda r: r.omschrijving),
    )


class BeheerderTabelModel(RijenModel[BeheerderRegel]):
    KOLOMMEN = (
        Kolom[BeheerderRegel]("Inlognaam", lambda r: r.gebruiker),
        Kolom[BeheerderRegel]("Sinds", lambda r: _datum(r.sinds)),
        Kolom[BeheerderRegel]("Toegevoegd door", lambda r: r.toegevoegd_door),
    )


class VerouderdTabelModel(RijenModel[VerouderdInstrument]):
    KOLOMMEN = (
        Kolom[VerouderdInstrument]("Naam", lambda r: r.naam),
        Kolom[VerouderdInstrument]("Status", lambda r: STATUS_TEKST[r.status.value]),
        Kolom[VerouderdInstrument]("Laatst bekeken", lambda r: _datum(r.laatst)),
        Kolom[VerouderdInstrument]("Waarom die datum", lambda r: r.grond),
        Kolom[VerouderdInstrument]("Regiehouder", lambda r: r.regiehouder),
    )


class MutatiePaginaModel(MutatieTabelModel):
    """The log viewer's table: the newest page first, older pages when the user scrolls down.

    `laad_pagina(voor_id, klaar)` is called by `fetchMore` with the id of the oldest row
    shown; it loads in the background and hands the rows to `klaar` (see LogView).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.meer = False  # whether older rows may exist
        self.laadt = False
        self.laad_pagina: Callable[[int, Callable[[list[MutatieRegel]], None]], None] | None = None
        self.paginagrootte = 500

    def zet_pagina(self, rijen: Sequence[MutatieRegel]) -> None:
        """The first page (a new filter): replaces everything."""
        self.zet_rijen(rijen)
        self.meer = len(rijen) >= self.paginagrootte
        self.laadt = False

    def voeg_toe(self, rijen: Sequence[MutatieRegel]) -> None:
        """An older page, appended below."""
        self.laadt = False
        self.meer = len(rijen) >= self.paginagrootte
        if rijen:
            begin = len(self._rijen)
            self.beginInsertRows(QModelIndex(), begin, begin + len(rijen) - 1)
            self._rijen.extend(rijen)
            self.endInsertRows()

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not parent.isValid() and self.meer and not self.laadt and bool(self._rijen)

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        if not self.canFetchMore(parent) or self.laad_pagina is None:
            return
        self.laadt = True
        self.laad_pagina(self._rijen[-1].id, self.voeg_toe)
