"""Domain exceptions: every message is Dutch and meant for the user."""

from __future__ import annotations


class KeuzehulpError(Exception):
    """Base class for errors a user can understand and act upon."""

    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding

    def __str__(self) -> str:
        return self.melding


class DatabaseFout(KeuzehulpError):
    """The database cannot be used: the environment's fault, not a bug."""


class DatabaseNieuwerFout(DatabaseFout):
    """The database was made by a newer version of the app."""


class DatabaseAlleenLezenFout(DatabaseFout):
    """The database file or its folder cannot be written."""


class DatabaseInGebruikFout(DatabaseFout):
    """Another program holds a lock on the database."""


class DatabaseBeschadigdFout(DatabaseFout):
    """The database file is damaged (corrupt pages): nothing more may be written to it."""


class VerbindingVerbrokenFout(DatabaseFout):
    """The database server cannot be reached, or the connection broke."""


class SchijfVolFout(KeuzehulpError):
    """The disk is full (or a file grew past its limit): nothing was written."""


class InvoerFout(KeuzehulpError):
    """A value the user entered is not acceptable."""


class GeenRechtFout(KeuzehulpError):
    """The user lacks the role needed for this action."""


class ConflictFout(KeuzehulpError):
    """Someone else changed the same data since it was opened."""


class NietGevondenFout(KeuzehulpError):
    """The requested record does not exist."""


class VergrendeldFout(KeuzehulpError):
    """Someone else is importing or publishing right now; try again in a few minutes."""
