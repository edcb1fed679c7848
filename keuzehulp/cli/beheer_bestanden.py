"""Beheer commands that read or write files: catalogue versions and the supplier form."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from keuzehulp.cli.common import SubParsers, open_uit_args
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import versies


def registreer(sub: SubParsers) -> None:
    _registreer_versie(sub)


def met_database(args: argparse.Namespace, werk: Callable[[Database, str], int]) -> int:
    """Open the catalogue, run `werk(database, user)`, close it again."""
    opstart = open_uit_args(args)
    try:
        return werk(opstart.database, opstart.gebruiker)
    finally:
        opstart.database.sluit()


# --- keuzehulp versie publiceer|lijst|export -----------------------------------------------


def _registreer_versie(sub: SubParsers) -> None:
    p = sub.add_parser(
        "versie",
        prog="keuzehulp versie",
        help="catalogusversies: publiceer, lijst, exporteer als bronbestand",
    )
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=True, prog=p.prog)
    publiceer = acties.add_parser("publiceer", help="leg de catalogus van vandaag vast als versie")
    publiceer.add_argument("--omschrijving", help="korte omschrijving van de versie")
    publiceer.set_defaults(func=_versie_publiceer)
    lijst = acties.add_parser("lijst", help="toon de gepubliceerde versies")
    lijst.set_defaults(func=_versie_lijst)
    export = acties.add_parser("export", help="schrijf een versie als bronbestand (.xlsx)")
    export.add_argument(
        "versie", metavar="NR", type=int, help="nummer uit ‘keuzehulp versie lijst’"
    )
    export.add_argument("bestand", metavar="BESTAND", type=Path)
    export.set_defaults(func=_versie_export)


def _versie_publiceer(args: argparse.Namespace) -> int:
    def werk(db: Database, gebruiker: str) -> int:
        info = versies.publiceer_versie(db, gebruiker, args.omschrijving)
        print(
            f"Gepubliceerd: {info.label} (nr {info.id}, {info.aantal_instrumenten} instrumenten)."
        )
        return 0

    return met_database(args, werk)


def _versie_lijst(args: argparse.Namespace) -> int:
    def werk(db: Database, _g: str) -> int:
        lijst = versies.lijst_versies(db)
        for v in lijst:
            sinds = (
                f"; daarna {v.wijzigingen_sindsdien} wijzigingen" if v.wijzigingen_sindsdien else ""
            )
            extra = f" — {v.omschrijving}" if v.omschrijving else ""
            print(
                f"nr {v.id}  {v.label}  door {v.gepubliceerd_door}, "
                f"{v.aantal_instrumenten} instrumenten{sinds}{extra}"
            )
        if not lijst:
            print("Er is nog geen versie gepubliceerd.")
        return 0

    return met_database(args, werk)


def _versie_export(args: argparse.Namespace) -> int:
    def werk(db: Database, _g: str) -> int:
        actief, geparkeerd = versies.exporteer_versie(db, args.versie, args.bestand)
        print(
            f"Versie {args.versie} geschreven naar {args.bestand}: "
            f"{actief} instrumenten, {geparkeerd} geparkeerd."
        )
        return 0

    return met_database(args, werk)
