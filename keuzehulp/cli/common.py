"""What every subcommand needs: the opened catalogue and the user, from the global options."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from keuzehulp.services.gebruiker import gekozen_gebruiker
from keuzehulp.services.opstart import NieuweDatabaseStap, Opstart, open_catalogus

SubParsers = Any  # argparse's _SubParsersAction is private
Opdracht = Callable[[argparse.Namespace], int]


@contextmanager
def catalogus_uit_args(
    args: argparse.Namespace, nieuwe_database_stappen: tuple[NieuweDatabaseStap, ...] | None = None
) -> Iterator[Opstart]:
    """The catalogue chosen by --database / KEUZEHULP_DATABASE_URL, opened (and upgraded) for
    one command and closed again afterwards, whatever happens."""
    opstart = open_catalogus(
        args.database, gekozen_gebruiker(args.gebruiker), nieuwe_database_stappen
    )
    try:
        for waarschuwing in opstart.waarschuwingen:
            print(f"keuzehulp: {waarschuwing}", file=sys.stderr)
        for melding in opstart.meldingen:
            print(f"keuzehulp: {melding}")
        yield opstart
    finally:
        opstart.database.sluit()
