"""`keuzehulp gemeente lijst|toevoegen|hernoem|verwijderen`: where instruments are offered."""

from __future__ import annotations

import argparse

from keuzehulp.cli.beheer_bestanden import (
    Wijzigactie,
    groep_met_lijst,
    op_catalogus,
    voeg_wijzigacties_toe,
)
from keuzehulp.cli.common import SubParsers
from keuzehulp.model.db import Database
from keuzehulp.model.errors import NietGevondenFout
from keuzehulp.model.tekst import vouw
from keuzehulp.services.beheer import gemeenten


def registreer(sub: SubParsers) -> None:
    acties = groep_met_lijst(
        sub,
        "gemeente",
        "de gemeenten waar instrumenten zijn: lijst, toevoegen, hernoem, verwijderen",
        "toon de gemeenten, met het aantal instrumenten",
        _lijst,
    )
    naam = ("naam", "NAAM", "de naam van de gemeente")
    voeg_wijzigacties_toe(
        acties,
        (
            Wijzigactie(
                "toevoegen", "voeg een gemeente toe (alleen beheerders)", _toevoegen, (naam,)
            ),
            Wijzigactie(
                "hernoem",
                "geef een gemeente een nieuwe naam (alleen beheerders)",
                _hernoem,
                (("oud", "NAAM", "de huidige naam"), ("nieuw", "NIEUWE_NAAM", "de nieuwe naam")),
            ),
            Wijzigactie(
                "verwijderen",
                "haal een gemeente zonder instrumenten weg (alleen beheerders)",
                _verwijderen,
                (naam,),
            ),
        ),
        reden_verplicht=True,
    )


@op_catalogus
def _lijst(_args: argparse.Namespace, db: Database, _gebruiker: str) -> int:
    for g in gemeenten.lijst_gemeenten(db):
        print(f"{g.naam}  ({g.aantal_instrumenten} instrumenten)")
    return 0


def _toevoegen(args: argparse.Namespace, db: Database, gebruiker: str) -> str:
    gemeenten.voeg_gemeente_toe(db, gebruiker, args.naam, args.reden)
    return f"Gemeente ‘{' '.join(args.naam.split())}’ is toegevoegd."


def _zoek(db: Database, naam: str) -> gemeenten.GemeenteRegel:
    """The gemeente called `naam` (case and accents aside), or NietGevondenFout."""
    regel = next((g for g in gemeenten.lijst_gemeenten(db) if vouw(g.naam) == vouw(naam)), None)
    if regel is None:
        raise NietGevondenFout(
            f"Er is geen gemeente ‘{naam}’. ‘keuzehulp gemeente lijst’ toont ze."
        )
    return regel


def _hernoem(args: argparse.Namespace, db: Database, gebruiker: str) -> str:
    regel = _zoek(db, args.oud)
    gemeenten.hernoem_gemeente(db, gebruiker, regel.id, args.nieuw, args.reden, versie=regel.versie)
    return f"Gemeente ‘{regel.naam}’ heet nu ‘{' '.join(args.nieuw.split())}’."


def _verwijderen(args: argparse.Namespace, db: Database, gebruiker: str) -> str:
    regel = _zoek(db, args.naam)
    naam = gemeenten.verwijder_gemeente(db, gebruiker, regel.id, args.reden, versie=regel.versie)
    return f"Gemeente ‘{naam}’ is verwijderd."
