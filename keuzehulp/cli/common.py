"""What every subcommand needs: the opened catalogue and the user, from the global options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from keuzehulp.services.gebruiker import huidige_gebruiker
from keuzehulp.services.opstart import Opstart, open_catalogus

SubParsers = Any  # argparse's _SubParsersAction is private
Opdracht = Callable[[argparse.Namespace], int]


def open_uit_args(args: argparse.Namespace) -> Opstart:
    """Open (and upgrade) the catalogue chosen by --database / KEUZEHULP_DATABASE_URL."""
    opstart = open_catalogus(args.database, huidige_gebruiker(args.gebruiker))
    for melding in opstart.meldingen:
        print(f"keuzehulp: {melding}")
    return opstart
