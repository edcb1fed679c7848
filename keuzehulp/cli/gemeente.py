"""`keuzehulp gemeente lijst|toevoegen|hernoem|verwijderen`: where instruments are offered."""

from __future__ import annotations

import argparse

from keuzehulp.cli.beheer_bestanden import groep_met_lijst, op_catalogus
from keuzehulp.cli.common import SubParsers
from keuzehulp.model.db import Database
from keuzehulp.model.errors import NietGevondenFout
from keuzehulp.model.tekst import vouw
from keuzehulp.services.beheer import gemeenten

REDEN = "waarom (komt in het mutatielog)"


def registreer(sub: SubParsers) -> None:
    acties = groep_met_lijst(
        sub,
        "gemeente",
        "de gemeenten waar instrumenten zijn: lijst, toevoegen, hernoem, verwijderen",
        "toon de gemeenten, met het aantal instrumenten",
        _lijst,
    )
    for naam, hulp, func, posities in (
        ("toevoegen", "voeg een gemeente toe", _toevoegen, (("naam", "naam van de gemeente"),)),
        (
            "hernoem",
            "geef een gemeente een nieuwe naam",
            _hernoem,
            (("oud", "de huidige naam"), ("nieuw", "de nieuwe naam")),
        ),
        (
            "verwijderen",
            "haal een gemeente zonder instrumenten weg",
            _verwijderen,
            (("naam", "de naam van de gemeente"),),
        ),
    ):
        a = acties.add_parser(naam, help=f"{hulp} (alleen beheerders)")
        for positie, uitleg in posities:
            a.add_argument(
                positie, metavar="NIEUWE_NAAM" if positie == "nieuw" else "NAAM", help=uitleg
            )
        a.add_argument("--reden", required=True, help=REDEN)
        a.set_defaults(func=func)


@op_catalogus
def _lijst(_args: argparse.Namespace, db: Database, _gebruiker: str) -> int:
    for g in gemeenten.lijst_gemeenten(db):
        print(f"{g.naam}  ({g.aantal_instrumenten} instrumenten)")
    return 0


@op_catalogus
def _toevoegen(args: argparse.Namespace, db: Database, gebruiker: str) -> int:
    gemeenten.voeg_gemeente_toe(db, gebruiker, args.naam, args.reden)
    print(f"Gemeente ‘{' '.join(args.naam.split())}’ is toegevoegd.")
    return 0


def _zoek(db: Database, naam: str) -> gemeenten.GemeenteRegel:
    """The gemeente called `naam` (case and accents aside), or NietGevondenFout."""
    regel = next((g for g in gemeenten.lijst_gemeenten(db) if vouw(g.naam) == vouw(naam)), None)
    if regel is None:
        raise NietGevondenFout(
            f"Er is geen gemeente ‘{naam}’. ‘keuzehulp gemeente lijst’ toont ze."
        )
    return regel


@op_catalogus
def _hernoem(args: argparse.Namespace, db: Database, gebruiker: str) -> int:
    regel = _zoek(db, args.oud)
    gemeenten.hernoem_gemeente(db, gebruiker, regel.id, args.nieuw, args.reden, versie=regel.versie)
    print(f"Gemeente ‘{regel.naam}’ heet nu ‘{' '.join(args.nieuw.split())}’.")
    return 0


@op_catalogus
def _verwijderen(args: argparse.Namespace, db: Database, gebruiker: str) -> int:
    regel = _zoek(db, args.naam)
    naam = gemeenten.verwijder_gemeente(db, gebruiker, regel.id, args.reden, versie=regel.versie)
    print(f"Gemeente ‘{naam}’ is verwijderd.")
    return 0
