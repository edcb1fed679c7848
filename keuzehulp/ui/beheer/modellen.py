"""Table models of the beheer screens: log rows, versions, beheerders, stale ones, choices.

The instrument list's model lives in `instrumentenmodel` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt

from keuzehulp.model.tekst import datum
from keuzehulp.services.beheer.actualiteit import VerouderdInstrument
from keuzehulp.services.beheer.beheerders import BeheerderRegel
from keuzehulp.services.beheer.mutatielog import MutatieRegel
from keuzehulp.services.beheer.versies import VersieInfo
from keuzehulp.ui.beheer.gemeen import Index, Kolom, RijenModel
from keuzehulp.ui.beheer.instrumentenmodel import (
    STATUS_TEKST,
    InstrumentTabelModel,
    Sortering,
    VoorbereideLijst,
    bereid_voor,
    datum_tekst,
)

__all__ = [
    "STATUS_TEKST",
    "BeheerderTabelModel",
    "InstrumentTabelModel",
    "KeuzeModel",
    "MutatiePaginaModel",
    "MutatieTabelModel",
    "Sortering",
    "VerouderdTabelModel",
    "VersieTabelModel",
    "VoorbereideLijst",
    "bereid_voor",
]


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
        Kolom[MutatieRegel]("Bron", lambda r: r.bron_getoond),
    )


class VersieTabelModel(RijenModel[VersieInfo]):
    KOLOMMEN = (
        Kolom[VersieInfo]("Versie", lambda r: datum(r.versiedatum)),
        Kolom[VersieInfo]("Gepubliceerd door", lambda r: r.gepubliceerd_door),
        Kolom[VersieInfo]("Instrumenten", lambda r: r.aantal_instrumenten),
        Kolom[VersieInfo]("Wijzigingen sindsdien", lambda r: r.wijzigingen_sindsdien),
        Kolom[VersieInfo]("Omschrijving", lambda r: r.omschrijving),
    )


class BeheerderTabelModel(RijenModel[BeheerderRegel]):
    KOLOMMEN = (
        Kolom[BeheerderRegel]("Inlognaam", lambda r: r.gebruiker),
        Kolom[BeheerderRegel]("Sinds", lambda r: datum_tekst(r.sinds)),
        Kolom[BeheerderRegel]("Toegevoegd door", lambda r: r.toegevoegd_door),
    )


class VerouderdTabelModel(RijenModel[VerouderdInstrument]):
    KOLOMMEN = (
        Kolom[VerouderdInstrument]("Naam", lambda r: r.naam),
        Kolom[VerouderdInstrument]("Status", lambda r: STATUS_TEKST[r.status.value]),
        Kolom[VerouderdInstrument]("Laatst bekeken", lambda r: datum_tekst(r.laatst)),
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
