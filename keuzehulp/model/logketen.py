"""The mutation log as a hash chain: each row's hash covers its content and the previous hash.

Editing, inserting or deleting a row behind the app's back breaks the chain at that row, and
`controleer` names the first broken row. On SQLite the app computes the hash while it writes
(`keuzehulp.model.mutatielog`); on PostgreSQL a trigger does, in the same canonical form
(`migrations/versions/0005_*.py`), so a direct SQL insert is chained as well.

The canonical form (version 1): the prefix ``keuzehulp-mutatie-v1``, then every field of
`VELDEN` in order, then the previous hash, joined by ``|``. A field is ``~`` when NULL, else its
length in characters, a colon and the text. The timestamp is UTC as
``YYYY-MM-DDTHH:MM:SS.ffffff``. The hash is the SHA-256 of the UTF-8 bytes, in lower-case hex.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

PREFIX = "keuzehulp-mutatie-v1"
# The previous hash of the very first row.
BEGIN_HASH = "0" * 64
VELDEN: tuple[str, ...] = (
    "id",
    "tijdstip",
    "gebruiker",
    "actie",
    "entiteit",
    "entiteit_id",
    "entiteit_naam",
    "veld",
    "oude_waarde",
    "nieuwe_waarde",
    "reden",
    "bron",
)


def tijd_tekst(tijd: dt.datetime) -> str:
    """A timestamp in the chain's form: UTC, microseconds, no zone suffix."""
    if tijd.tzinfo is None:
        tijd = tijd.replace(tzinfo=dt.UTC)
    return tijd.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def _veld(waarde: object) -> str:
    if waarde is None:
        return "~"
    tekst = _tekst(waarde)
    return f"{len(tekst)}:{tekst}"


def canoniek(rij: Mapping[str, Any], vorige_hash: str) -> str:
    """The text that is hashed for one row (see the module docstring)."""
    delen = [PREFIX]
    for naam in VELDEN:  # a plain loop: `log controleer` runs this for every row
        waarde = rij[naam]
        if waarde is None:
            delen.append("~")
            continue
        tekst = waarde if type(waarde) is str else _tekst(waarde)
        delen.append(f"{len(tekst)}:{tekst}")
    delen.append(_veld(vorige_hash))
    return "|".join(delen)


def _tekst(waarde: object) -> str:
    return tijd_tekst(waarde) if isinstance(waarde, dt.datetime) else str(waarde)


def bereken_hash(rij: Mapping[str, Any], vorige_hash: str) -> str:
    """SHA-256 (64 hex characters) over a row's fields (`VELDEN`) and the previous hash."""
    return hashlib.sha256(canoniek(rij, vorige_hash).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class KetenBreuk:
    """The first row where the chain does not hold, and what is wrong with it."""

    id: int
    tijdstip: dt.datetime | None
    entiteit_naam: str | None
    # "inhoud": the row's content no longer matches its hash (it was edited);
    # "schakel": the row does not follow the row before it (a row was removed, inserted or
    # edited together with its hash).
    soort: str
    vorige_id: int | None


@dataclass(frozen=True, slots=True)
class KetenUitkomst:
    """The outcome of a check: how many rows, the last hash, and the first break (if any)."""

    aantal: int
    laatste_hash: str
    breuk: KetenBreuk | None

    @property
    def in_orde(self) -> bool:
        return self.breuk is None


def controleer(rijen: Iterable[Mapping[Any, Any]]) -> KetenUitkomst:
    """Walk the rows in id order (each with `VELDEN`, `vorige_hash` and `hash`).

    Returns the number of rows, the last stored hash and the first break; stops there.
    """
    vorige = BEGIN_HASH
    vorige_id: int | None = None
    aantal = 0
    for rij in rijen:
        aantal += 1
        breuk_soort = None
        if rij["vorige_hash"] != vorige:
            breuk_soort = "schakel"
        elif rij["hash"] != bereken_hash(rij, rij["vorige_hash"] or ""):
            breuk_soort = "inhoud"
        if breuk_soort is not None:
            return KetenUitkomst(
                aantal,
                vorige,
                KetenBreuk(
                    int(rij["id"]), rij["tijdstip"], rij["entiteit_naam"], breuk_soort, vorige_id
                ),
            )
        vorige = rij["hash"]
        vorige_id = int(rij["id"])
    return KetenUitkomst(aantal, vorige, None)
