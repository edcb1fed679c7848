"""Beheer commands that read or write files: catalogue versions and the supplier form."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from keuzehulp.cli.bronbestand import BEZIG
from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.model.db import Database
from keuzehulp.model.errors import VergrendeldFout
from keuzehulp.services.beheer import leveranciersformulier, mutatielog, versies


def registreer(sub: SubParsers) -> None:
    _registreer_versie(sub)
    _registreer_formulier(sub)


def met_database(args: argparse.Namespace, werk: Callable[[Database, str], int]) -> int:
    """Open the catalogue, run `werk(database, user)`, close it again."""
    with catalogus_uit_args(args) as opstart:
        return werk(opstart.database, opstart.gebruiker)


Opdracht = Callable[[argparse.Namespace, Database, str], int]


def groep_met_lijst(
    sub: SubParsers, naam: str, hulp: str, lijst_hulp: str, lijst: Callable[..., int]
) -> Any:
    """`keuzehulp NAAM ACTIE`: the group's parser for further actions, with its read-only
    `lijst` action already added."""
    p = sub.add_parser(naam, prog=f"keuzehulp {naam}", help=hulp)
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=True, prog=p.prog)
    acties.add_parser("lijst", help=lijst_hulp).set_defaults(func=lijst, alleen_lezen=True)
    return acties


def op_catalogus(werk: Opdracht) -> Callable[[argparse.Namespace], int]:
    """Decorate `werk(args, database, user) -> exit code` into an argparse `func` that opens
    the catalogue for it and closes it again (`met_database`)."""

    def opdracht(args: argparse.Namespace) -> int:
        with catalogus_uit_args(args) as opstart:
            return werk(args, opstart.database, opstart.gebruiker)

    opdracht.__doc__ = werk.__doc__
    return opdracht


REDEN = "waarom (komt in het mutatielog)"


@dataclass(frozen=True, slots=True)
class Wijzigactie:
    """One changing action of a `groep_met_lijst` group: `keuzehulp GROEP NAAM ARG… --reden`.

    `doe(args, database, user)` does the change and returns the line to print;
    `argumenten` are the positional arguments as (dest, metavar, help).
    """

    naam: str
    hulp: str
    doe: Callable[[argparse.Namespace, Database, str], str]
    argumenten: tuple[tuple[str, str, str], ...]


def voeg_wijzigacties_toe(
    acties: Any, lijst: tuple[Wijzigactie, ...], *, reden_verplicht: bool
) -> None:
    """Add each action to the group `acties` (from `groep_met_lijst`), with `--reden`."""
    for actie in lijst:
        a = acties.add_parser(actie.naam, help=actie.hulp)
        for dest, metavar, uitleg in actie.argumenten:
            a.add_argument(dest, metavar=metavar, help=uitleg)
        a.add_argument("--reden", required=reden_verplicht, help=REDEN)
        a.set_defaults(func=op_catalogus(_en_meld(actie.doe)))


def _en_meld(doe: Callable[[argparse.Namespace, Database, str], str]) -> Opdracht:
    def werk(args: argparse.Namespace, db: Database, gebruiker: str) -> int:
        print(doe(args, db, gebruiker))
        return 0

    return werk


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
    lijst.set_defaults(func=_versie_lijst, alleen_lezen=True)
    export = acties.add_parser("export", help="schrijf een versie als bronbestand (.xlsx)")
    export.add_argument(
        "versie", metavar="NR", type=int, help="nummer uit ‘keuzehulp versie lijst’"
    )
    export.add_argument(
        "bestand", metavar="BESTAND", type=Path, help="het nieuwe bronbestand (.xlsx)"
    )
    export.set_defaults(func=_versie_export, alleen_lezen=True)


def _versie_publiceer(args: argparse.Namespace) -> int:
    def werk(db: Database, gebruiker: str) -> int:
        try:
            info = versies.publiceer_versie(db, gebruiker, args.omschrijving)
        except VergrendeldFout as fout:  # someone imports or publishes right now
            print(f"keuzehulp: {fout.melding}", file=sys.stderr)
            return BEZIG
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


# --- keuzehulp formulier maak|lees ---------------------------------------------------------


def _registreer_formulier(sub: SubParsers) -> None:
    p = sub.add_parser(
        "formulier",
        prog="keuzehulp formulier",
        help="leveranciersformulier: maak er een, of lees een ingevuld formulier in",
    )
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=True, prog=p.prog)
    maak = acties.add_parser("maak", help="schrijf een formulier (.xlsx) voor een leverancier")
    maak.add_argument(
        "bestand", metavar="BESTAND", type=Path, help="waar het formulier (.xlsx) komt"
    )
    maak.add_argument(
        "--instrument", metavar="NAAM_OF_NR", help="vul het formulier met dit instrument"
    )
    maak.set_defaults(func=_formulier_maak, alleen_lezen=True)
    lees = acties.add_parser("lees", help="maak van een ingevuld formulier een concept")
    lees.add_argument(
        "bestand", metavar="BESTAND", type=Path, help="het ingevulde formulier (.xlsx)"
    )
    lees.add_argument("--reden", help="waarom (komt in het mutatielog)")
    lees.set_defaults(func=_formulier_lees)


def _formulier_maak(args: argparse.Namespace) -> int:
    def werk(db: Database, _g: str) -> int:
        iid = (
            mutatielog.zoek_instrument(db, args.instrument) if args.instrument is not None else None
        )
        leveranciersformulier.maak_formulier(db, args.bestand, iid)
        print(f"Formulier geschreven naar {args.bestand}.")
        return 0

    return met_database(args, werk)


def _formulier_lees(args: argparse.Namespace) -> int:
    def werk(db: Database, gebruiker: str) -> int:
        resultaat = leveranciersformulier.lees_formulier(db, args.bestand, gebruiker, args.reden)
        for probleem in resultaat.problemen:
            print(probleem, file=sys.stderr)
        if resultaat.instrument_id is None:
            print(
                f"keuzehulp: {len(resultaat.fouten)} "
                f"{'fout' if len(resultaat.fouten) == 1 else 'fouten'}; er is niets veranderd.",
                file=sys.stderr,
            )
            return 1
        print(
            f"‘{resultaat.naam}’ staat nu als concept in de catalogus "
            f"(nr {resultaat.instrument_id}). Controleer het en publiceer het."
        )
        return 0

    return met_database(args, werk)
