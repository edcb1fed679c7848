"""`keuzehulp gemeente lijst|toevoegen|hernoem|verwijderen`: where instruments are offered."""

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
        help="de gemeenten waar instrumenten zijn: lijst, toevoegen, hernoem, verwijderen",
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
    weg = acties.add_parser(
        "verwijderen", help="haal een gemeente zonder instrumenten weg (beheerders)"
    )
    weg.add_argument("naam", metavar="NAAM", help="de naam van de gemeente")
    weg.add_argument("--reden", required=True, help="waarom (komt in het mutatielog)")
    weg.set_defaults(func=_verwijderen)


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


def _zoek(db: Database, naam: str) -> gemeenten.GemeenteRegel:
    """The gemeente called `naam` (case and accents aside), or NietGevondenFout."""
    regel = next((g for g in gemeenten.lijst_gemeenten(db) if vouw(g.naam) == vouw(naam)), None)
    if regel is None:
        raise NietGevondenFout(
            f"Er is geen gemeente ‘{naam}’. ‘keuzehulp gemeente lijst’ toont ze."
        )
    return regel


def _hernoem(args: argparse.Namespace) -> int:
    def werk(db: Database, gebruiker: str) -> int:
        regel = _zoek(db, args.oud)
        gemeenten.hernoem_gemeente(
            db, gebruiker, regel.id, args.nieuw, args.reden, versie=regel.versie
        )
        print(f"Gemeente ‘{regel.naam}’ heet nu ‘{' '.join(args.nieuw.split())}’.")
        return 0

    return met_database(args, werk)


def _verwijderen(args: argparse.Namespace) -> int:
    def werk(db: Database, gebruiker: str) -> int:
        regel = _zoek(db, args.naam)
        naam = gemeenten.verwijder_gemeente(
            db, gebruiker, regel.id, args.reden, versie=regel.versie
        )
        print(f"Gemeente ‘{naam}’ is verwijderd.")
        return 0

    return met_database(args, werk)
