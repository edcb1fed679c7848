"""What every screen gets: per-area services, the user, one change event and the runner."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, Signal

from keuzehulp.model.db import Database
from keuzehulp.model.mutatielog import Wijzigingen
from keuzehulp.services.diensten import (
    BeheerDienst,
    CatalogusDienst,
    Diensten,
    GesprekkenDienst,
    InzichtDienst,
)
from keuzehulp.ui.taken import Takenloper


class Gebeurtenissen(QObject):
    """Application-wide signals. Screens decide themselves whether to refresh (as in Anki)."""

    # Raised once after every committed unit of work, on the GUI thread, whichever thread
    # committed, with what changed (a Wijzigingen: logged entities and the area, `bron`).
    # Nobody emits these by hand: `verbind` hooks them to the database, and the live-update
    # follower (`van_elders`) raises them once per coalesced burst of changes by other apps.
    wijzigingen = Signal(object)
    # The same moment, right after `wijzigingen`, when what the search shows may have changed
    # (`Wijzigingen.raakt_catalogus`: import, edit, park, publish, ..., or a terugblik's rating).
    catalogus_gewijzigd = Signal()
    # Emitted when a screen wants the status bar to say something.
    melding = Signal(str)
    # Another app changed the catalogue (a Wijzigingen), just before wijzigingen and
    # catalogus_gewijzigd; raised by the live-update follower (`ui/catalogusvolger.py`).
    elders_gewijzigd = Signal(object)
    _vastgelegd = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # Always queued: the event arrives after the code that committed has finished.
        self._vastgelegd.connect(self._na_commit, Qt.ConnectionType.QueuedConnection)

    def verbind(self, database: Database) -> None:
        """Raise `wijzigingen` (and maybe `catalogus_gewijzigd`) after each commit of `database`."""
        zelf = weakref.ref(self)

        def na_commit(wijzigingen: Wijzigingen) -> None:
            ontvanger = zelf()
            if ontvanger is not None:
                ontvanger._vastgelegd.emit(wijzigingen)  # from any thread

        database.na_commit.append(na_commit)

    def _na_commit(self, wijzigingen: Wijzigingen) -> None:
        self.wijzigingen.emit(wijzigingen)
        if wijzigingen.raakt_catalogus:
            self.catalogus_gewijzigd.emit()

    def van_elders(self, wijzigingen: Wijzigingen) -> None:
        """Another app committed catalogue changes: every screen refreshes as after our own."""
        self.elders_gewijzigd.emit(wijzigingen)
        self._na_commit(wijzigingen)


@dataclass
class AppContext:
    """Passed to every view's constructor; no globals, no singletons.

    Views use the per-area services (services/diensten.py): `catalogus` (search, details,
    lists), `gesprekken`, `beheer` and `inzicht`, each bound to the catalogue and the user.
    `database` is for the wiring only (ui/app.py); tests/test_architectuur.py keeps views
    away from it (issue 11, item 1). A view needing something new gets a method on its area.
    """

    database: Database
    gebruiker: str
    gebeurtenissen: Gebeurtenissen = field(default_factory=Gebeurtenissen)
    taken: Takenloper = field(default_factory=Takenloper)
    catalogus: CatalogusDienst = field(init=False)
    gesprekken: GesprekkenDienst = field(init=False)
    beheer: BeheerDienst = field(init=False)
    inzicht: InzichtDienst = field(init=False)

    def __post_init__(self) -> None:
        self.gebeurtenissen.verbind(self.database)
        diensten = Diensten.voor(self.database, self.gebruiker)
        self.catalogus = diensten.catalogus
        self.gesprekken = diensten.gesprekken
        self.beheer = diensten.beheer
        self.inzicht = diensten.inzicht
