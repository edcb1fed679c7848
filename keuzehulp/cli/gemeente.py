"""`keuzehulp gemeente lijst|toevoegen|hernoem`: the gemeenten where instruments are offered."""

from __future__ import annotations

import argparse

from keuzehulp.cli.beheer_bestanden import met_database
from keuzehulp.cli.common import SubParsers
from keuzehulp.model.db import Database
from keuzehulp.model.errors import NietGevondenFout
from keuzehulp.model.tekst import vouw
from keuzehulp.services.beheer import gemeenten


def registreer(sub: SubParsers) -> None:
    p = sub.add_parser(
        "gemeente",
        prog="keuzehulp gemeente",
        help="de gemeenten waar instrumenten zijn: lijst, toevoegen, hernoem",
    )
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=True, prog=p.prog)
    lijst = acties.add_parser("lijst", help="toon de gemeenten, met het aantal instrumenten")
    lijst.set_defaults(func=_lijst, alleen_lezen=True)
    toe = acties.add_parser("toevoegen", help="voeg een gemeente toe (alleen beheerders)")
    toe.add_argument("naam", metavar="NAAM", help="naam van de gemeente")
    toe.add_argument("--reden", required=True, help="waarom (komt in het mutatielog)")
    toe.set_defaults(func=_toevoegen)
    hernoem = acties.add_parser("hernoem", help="geef een gemeente een nieuwe naam (beheerders)")
    hernoem.add_argument("oud", metavar="NAAM", help="de huidige naam")
    hernoem.add_argument("nieuw", metavar="NIEUWE_NAAM", help="de nieuwe naam")
    hernoem.add_argument("--reden", required=True, help="waarom (komt in het mutatielog)")
    hernoem.set_defaults(func=_hernoem)


def _lijst(args: argparse.Namespace) -> int:
    def werk(db: Database, _g: str) -> int:
        for g in gemeenten.lijst_gemeenten(db):
            print(f"{g.naam}  ({g.aantal_instrumenten} instrumenten)")
        return 0

    return met_database(args, werk)


def _toevoegen(args: argparse.Namespace) -> int:
    def werk(db: Database, gebruiker: str) -> int:
        gemeenten.voeg_gemeente_toe(db, gebruiker, args.naam, args.reden)
        print(f"Gemeente ‘{' '.join(args.naam.split())}’ is toegevoegd.")
        return 0

    return met_database(args, werk)


def _hernoem(args: argparse.Namespace) -> int:
    def werk(db: Database, gebruiker: str) -> int:
        regel = next(
            (g for g in gemeenten.lijst_gemeenten(db) if vouw(g.naam) == vouw(args.oud)), None
        )
        if regel is None:
            raise NietGevondenFout(
                f"Er is geen gemeente ‘{args.oud}’. ‘keuzehulp gemeente lijst’ toont ze."
            )
        gemeenten.hernoem_gemeente(
            db, gebruiker, regel.id, args.nieuw, args.reden, versie=regel.versie
        )
        print(f"Gemeente ‘{regel.naam}’ heet nu ‘{' '.join(args.nieuw.split())}’.")
        return 0

    return met_database(args, werk)
