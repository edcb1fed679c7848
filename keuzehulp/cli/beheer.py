"""Beheer commands: the mutation log, beheerders, instrument status, actualiteit (and more)."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path

from keuzehulp.cli import beheer_bestanden, gemeente, log
from keuzehulp.cli.beheer_bestanden import (
    Wijzigactie,
    groep_met_lijst,
    met_database,
    op_catalogus,
    voeg_wijzigacties_toe,
)
from keuzehulp.cli.common import SubParsers
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.beheer import actualiteit, beheerders, instrumenten, mutatielog
from keuzehulp.services.beheer.mutatielog import MutatieFilter, MutatieRegel

SOORTEN = (
    "instrument", "kenmerk", "route", "gemeente", "beheerder", "catalogusversie", "opmerking",
    "instelling",
)  # fmt: skip

_NL_DATUM = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def lees_datum(tekst: str, optie: str) -> dt.date:
    """A Dutch (1-11-2026, 01/11/2026) or ISO (2026-11-01) date, or a Dutch error."""
    tekst = tekst.strip()
    try:
        if m := _NL_DATUM.fullmatch(tekst):
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise InvoerFout(
            f"{optie}: ‘{tekst}’ is geen geldige datum. "
            "Schrijf de datum als dag-maand-jaar (1-11-2026) of als 2026-11-01."
        ) from None


def registreer(sub: SubParsers) -> None:
    _registreer_log(sub)
    _registreer_beheerder(sub)
    gemeente.registreer(sub)
    _registreer_instrument(sub)
    _registreer_actualiteit(sub)
    beheer_bestanden.registreer(sub)


# --- keuzehulp log -------------------------------------------------------------------------


def _registreer_log(sub: SubParsers) -> None:
    p = sub.add_parser(
        "log",
        prog="keuzehulp log",
        help="toon het mutatielog (wie wat wanneer waarom veranderde)",
        description="Toon het mutatielog, nieuwste eerst. Datums als 1-11-2026 of 2026-11-01.",
    )
    p.add_argument("--instrument", metavar="NAAM_OF_NR", help="alleen dit instrument")
    p.add_argument(
        "--gebruiker", dest="filter_gebruiker", metavar="NAAM", help="alleen wijzigingen van NAAM"
    )
    p.add_argument("--sinds", metavar="DATUM", help="vanaf deze dag")
    p.add_argument("--tot", metavar="DATUM", help="tot en met deze dag")
    p.add_argument("--soort", choices=SOORTEN, help="alleen deze soort gegevens")
    p.add_argument("--aantal", type=int, metavar="N", help="hoogstens N regels")
    p.add_argument("--xlsx", metavar="BESTAND", type=Path, help="schrijf naar een Excel-bestand")
    p.set_defaults(func=_log, alleen_lezen=True)
    log.registreer_subopdrachten(p)


def _regel_tekst(r: MutatieRegel) -> str:
    wat = f"{r.entiteit} ‘{r.naam_getoond}’"
    if r.actie == "gewijzigd":
        wat += f": {r.veld_label} {r.oud_getoond or '(leeg)'} → {r.nieuw_getoond or '(leeg)'}"
    else:
        wat += f" {r.actie}"
    extra = f"bron: {r.bron_getoond}" + (f"; reden: {r.reden}" if r.reden else "")
    return f"{r.lokale_tijd}  {r.gebruiker:<12} {wat}  ({extra})"


def _log(args: argparse.Namespace) -> int:
    if args.aantal is not None and args.aantal < 1:
        raise InvoerFout("--aantal: geef een getal van 1 of meer.")

    def werk(db: Database, _gebruiker: str) -> int:
        filter_ = MutatieFilter(
            instrument_id=(
                mutatielog.zoek_instrument(db, args.instrument)
                if args.instrument is not None
                else None
            ),
            gebruiker=args.filter_gebruiker,
            sinds=lees_datum(args.sinds, "--sinds") if args.sinds is not None else None,
            tot=lees_datum(args.tot, "--tot") if args.tot is not None else None,
            entiteit=args.soort,
        )
        if args.xlsx:
            aantal = mutatielog.exporteer_xlsx(db, args.xlsx, filter_)
            print(f"{aantal} mutaties geschreven naar {args.xlsx}")
            return 0
        regels = mutatielog.zoek_mutaties(db, filter_, args.aantal)
        for r in regels:
            print(_regel_tekst(r))
        if not regels:
            print("Geen mutaties gevonden.")
        return 0

    return met_database(args, werk)


# --- keuzehulp beheerder -------------------------------------------------------------------


def _registreer_beheerder(sub: SubParsers) -> None:
    acties = groep_met_lijst(
        sub,
        "beheerder",
        "wie mag de catalogus wijzigen: lijst, toevoegen, verwijderen",
        "toon de beheerders",
        _beheerder_lijst,
    )
    inlognaam = (("naam", "INLOGNAAM", "inlognaam van de collega"),)
    voeg_wijzigacties_toe(
        acties,
        (
            Wijzigactie("toevoegen", "maak iemand beheerder", _beheerder_toevoegen, inlognaam),
            Wijzigactie(
                "verwijderen", "neem iemand de beheerrol af", _beheerder_verwijderen, inlognaam
            ),
        ),
        reden_verplicht=False,
    )


@op_catalogus
def _beheerder_lijst(_args: argparse.Namespace, db: Database, _gebruiker: str) -> int:
    for b in beheerders.lijst_beheerders(db):
        door = f", toegevoegd door {b.toegevoegd_door}" if b.toegevoegd_door else ""
        print(f"{b.gebruiker}  (sinds {b.sinds.astimezone():%d-%m-%Y}{door})")
    return 0


def _beheerder_toevoegen(args: argparse.Namespace, db: Database, gebruiker: str) -> str:
    beheerders.voeg_beheerder_toe(db, gebruiker, args.naam, args.reden)
    return f"{args.naam} is nu beheerder."


def _beheerder_verwijderen(args: argparse.Namespace, db: Database, gebruiker: str) -> str:
    beheerders.verwijder_beheerder(db, gebruiker, args.naam, args.reden)
    return f"{args.naam} is geen beheerder meer."


# --- keuzehulp instrument parkeer|herstel|publiceer ----------------------------------------

_STATUSACTIES = {
    "parkeer": (instrumenten.parkeer, "uit de keuzehulp halen (parkeren)", "geparkeerd"),
    "herstel": (
        instrumenten.herstel,
        "een geparkeerd instrument terughalen als concept",
        "hersteld als concept",
    ),
    "publiceer": (
        instrumenten.publiceer,
        "een compleet concept in de keuzehulp zetten",
        "gepubliceerd",
    ),
}


def _registreer_instrument(sub: SubParsers) -> None:
    p = sub.add_parser(
        "instrument",
        prog="keuzehulp instrument",
        help="parkeer, herstel of publiceer een instrument",
    )
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=True, prog=p.prog)
    for naam, (_f, hulp, _k) in _STATUSACTIES.items():
        a = acties.add_parser(naam, help=hulp)
        a.add_argument("instrument", metavar="NAAM_OF_NR", help="naam of nummer van het instrument")
        a.add_argument("--reden", required=True, help="korte reden (komt in het mutatielog)")
        a.set_defaults(func=_status, actie=naam)


def _status(args: argparse.Namespace) -> int:
    functie, _hulp, klaar = _STATUSACTIES[args.actie]

    def werk(db: Database, gebruiker: str) -> int:
        iid = mutatielog.zoek_instrument(db, args.instrument)
        bewerking = instrumenten.open_instrument(db, iid)
        functie(db, gebruiker, iid, bewerking.versie, args.reden)
        print(f"‘{bewerking.gegevens.naam}’ is {klaar}.")
        return 0

    return met_database(args, werk)


# --- keuzehulp actualiteit -----------------------------------------------------------------


def _registreer_actualiteit(sub: SubParsers) -> None:
    p = sub.add_parser(
        "actualiteit",
        prog="keuzehulp actualiteit",
        help="instrumenten die lang niet zijn beoordeeld",
    )
    p.add_argument(
        "--maanden",
        type=int,
        default=actualiteit.STANDAARD_MAANDEN,
        metavar="N",
        help=f"niet beoordeeld in N maanden (standaard {actualiteit.STANDAARD_MAANDEN})",
    )
    p.add_argument(
        "--beoordeeld", metavar="NAAM_OF_NR", help="markeer dit instrument als beoordeeld"
    )
    p.set_defaults(func=_actualiteit, alleen_lezen=lambda a: a.beoordeeld is None)


def _actualiteit(args: argparse.Namespace) -> int:
    def werk(db: Database, gebruiker: str) -> int:
        if args.beoordeeld is not None:
            iid = mutatielog.zoek_instrument(db, args.beoordeeld)
            actualiteit.markeer_beoordeeld(db, gebruiker, iid)
            print(f"Instrument {iid} is gemarkeerd als beoordeeld.")
            return 0
        oud = actualiteit.verouderd(db, args.maanden)
        for v in oud:
            print(f"{v.laatst.astimezone():%d-%m-%Y} ({v.grond})  {v.naam}  [{v.status.value}]")
        print(f"{len(oud)} instrumenten niet beoordeeld in {args.maanden} maanden.")
        return 0

    return met_database(args, werk)
