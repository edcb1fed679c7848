"""What every per-area service shares (services/diensten.py): the catalogue and the user."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from keuzehulp.model.db import Database
from keuzehulp.services import rollen

# Progress of long work: (percent 0-100, Dutch text).
Voortgang = Callable[[int, str], None]


@dataclass(frozen=True, slots=True)
class Gebied:
    """What every area shares: the catalogue and who works in it."""

    _db: Database
    gebruiker: str

    @property
    def locatie(self) -> str:
        """Where the catalogue is, as users read it (a file path or a server address)."""
        return self._db.locatie

    def is_beheerder(self) -> bool:
        """Whether the user may change the catalogue (services/rollen.py decides)."""
        with self._db.lezen() as s:
            return rollen.is_beheerder(s, self.gebruiker)
