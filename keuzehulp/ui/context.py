"""What every screen gets: the opened catalogue, the user, and one change signal."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from keuzehulp.model.db import Database


class Gebeurtenissen(QObject):
    """Application-wide signals. Screens decide themselves whether to refresh (as in Anki)."""

    # Emitted after any operation that changed the catalogue (import, edit, park, ...).
    catalogus_gewijzigd = Signal()
    # Emitted when a screen wants the status bar to say something.
    melding = Signal(str)


@dataclass
class AppContext:
    """Passed to every view's constructor; no globals, no singletons."""

    database: Database
    gebruiker: str
    gebeurtenissen: Gebeurtenissen = field(default_factory=Gebeurtenissen)
