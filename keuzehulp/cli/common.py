"""What every subcommand needs: the opened catalogue and the user, from the global options."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.gebruiker import gekozen_gebruiker
from keuzehulp.services.opstart import (
    NieuweDatabaseStap,
    Opstart,
    open_catalogus,
    standaard_stappen,
    voorbeeld_zonder_vragen,
)

SubParsers = Any  # argparse's _SubParsersAction is private
Opdracht = Callable[[argparse.Namespace], int]

# A subcommand that only reads sets this default (True, or a function of its arguments): it
# then never creates a database and takes no write lock.
ALLEEN_LEZEN = "alleen_lezen"


def alleen_lezen(args: argparse.Namespace) -> bool:
    """Whether this command only reads (see ALLEEN_LEZEN)."""
    waarde = getattr(args, ALLEEN_LEZEN, False)
    return bool(waarde(args) if callable(waarde) else waarde)


@contextmanager
def catalogus_uit_args(
    args: argparse.Namespace, nieuwe_database_stappen: tuple[NieuweDatabaseStap, ...] | None = None
) -> Iterator[Opstart]:
    """The catalogue chosen by --database / KEUZEHULP_DATABASE_URL, opened (and upgraded) for
    one command and closed again afterwards, whatever happens. A reading command never makes
    a database: a missing one is a Dutch error that says it does not exist."""
    if nieuwe_database_stappen is None:
        # A new database starts empty: the sample is an explicit choice (KEUZEHULP_VOORBEELD).
        nieuwe_database_stappen = standaard_stappen() if voorbeeld_zonder_vragen() else ()
    opstart = open_catalogus(
        args.database,
        gekozen_gebruiker(args.gebruiker),
        nieuwe_database_stappen,
        alleen_lezen=alleen_lezen(args),
    )
    try:
        for waarschuwing in opstart.waarschuwingen:
            print(f"keuzehulp: {waarschuwing}", file=sys.stderr)
        for melding in opstart.meldingen:
            print(f"keuzehulp: {melding}")
        yield opstart
    finally:
        opstart.database.sluit()


def positief_nummer(tekst: str, wat: str, hint: str) -> int:
    """An id typed on the command line: ASCII digits 0-9 only, 1 or more.

    Raises InvoerFout naming `wat` and `hint` for anything else: letters, a sign, or digits
    such as "²" or "٣" that Python's int() would read or choke on.
    """
    kaal = tekst.strip()
    if not (kaal.isascii() and kaal.isdigit()) or int(kaal) < 1:
        raise InvoerFout(f"‘{tekst}’ is geen {wat}. {hint}")
    return int(kaal)
