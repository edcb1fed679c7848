"""`keuzehulp inzicht` (figures, --export) and `keuzehulp voorbeeld` (a demo that is not empty)."""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from sqlalchemy import func, select

from keuzehulp.cli.beheer import lees_datum
from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.model.catalogus import Gemeente, Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.bronbestand.voorbeeld import importeer_voorbeeldcatalogus
from keuzehulp.services.inzicht.export import exporteer, voorbeeld_melding
from keuzehulp.services.inzicht.filter import InzichtFilter, laatste_maanden
from keuzehulp.services.inzicht.onderdrukking import getal_nl
from keuzehulp.services.inzicht.overzicht import (
    ONDERDRUKT_UITLEG,
    Inzicht,
    Tabel,
    bereken_inzicht,
)
from keuzehulp.services.inzicht.voorbereid import met_maandnamen
from keuzehulp.services.voorbeeldgeschiedenis import VARIANTEN, VEROUDERD
from keuzehulp.services.voorbeeldgesprekken import (
    MAX_GESPREKKEN,
    VOORBEELD_COACH,
    gesprekken_stand,
    voeg_voorbeeldgesprekken_toe,
)

MAANDEN_OP_SCHERM = 12


def registreer(sub: SubParsers) -> None:
    p = sub.add_parser(
        "inzicht",
        prog="keuzehulp inzicht",
        help="cijfers over gebruik, kosten, dekking en uitkomsten (voor beheer en management)",
        description="Toont de belangrijkste cijfers. Met --export schrijft u alles naar Excel "
        "of PDF. Een getal over minder dan 5 gesprekken (of waarmee je zo’n getal kunt "
        "terugrekenen) staat er als ‘verborgen’.",
    )
    p.add_argument(
        "--van",
        metavar="DATUM",
        help="gesprekken vanaf deze dag (1-1-2026); zonder --van en --tot: de laatste 12 "
        "maanden, zoals op het scherm",
    )
    p.add_argument("--tot", metavar="DATUM", help="gesprekken tot en met deze dag")
    p.add_argument("--alles", action="store_true", help="alle gesprekken, uit elke periode")
    p.add_argument("--gemeente", metavar="NAAM", help="alleen gesprekken voor deze gemeente")
    p.add_argument(
        "--export", metavar="BESTAND", type=Path, help="schrijf alles naar BESTAND.xlsx of .pdf"
    )
    p.set_defaults(func=_inzicht, alleen_lezen=True)

    v = sub.add_parser(
        "voorbeeld",
        prog="keuzehulp voorbeeld",
        help="laad de voorbeeldcatalogus, eventueel met verzonnen gesprekken",
        description="Laadt de voorbeeldcatalogus in een nieuwe of lege database. Met "
        "--gesprekken N komen er N verzonnen gesprekken bij, met korte lijsten, keuzes en "
        f"terugblikken (coaches ‘{VOORBEELD_COACH} 01’ tot ‘16’; geen namen of BSN's).",
    )
    v.add_argument(
        "--gesprekken", type=_aantal, metavar="N", help=f"voeg N (1 tot {MAX_GESPREKKEN}) toe"
    )
    v.add_argument(
        "--zaad", type=int, default=15, metavar="GETAL", help="zelfde getal, zelfde gesprekken"
    )
    v.set_defaults(func=_voorbeeld)


def _aantal(tekst: str) -> int:
    try:
        waarde = int(tekst.replace(".", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"‘{tekst}’ is geen heel getal") from None
    if not 1 <= waarde <= MAX_GESPREKKEN:
        raise argparse.ArgumentTypeError(f"kies een aantal van 1 tot en met {MAX_GESPREKKEN}")
    return waarde


def _controleer_gemeente(db: Database, naam: str) -> str:
    with db.lezen() as s:
        namen = list(s.scalars(select(Gemeente.naam).order_by(Gemeente.naam)))
    for bekend in namen:
        if bekend.casefold() == naam.strip().casefold():
            return bekend
    raise InvoerFout(
        f"--gemeente: de gemeente ‘{naam}’ kent de keuzehulp niet. Kies uit: {', '.join(namen)}."
    )


def _print_tabel(tabel: Tabel, laatste: int | None = None) -> None:
    rijen = tabel.rijen[-laatste:] if laatste else tabel.rijen
    weggelaten = len(tabel.rijen) - len(rijen)
    print(f"\n{tabel.titel}")
    if weggelaten:
        print(
            f"  (de laatste {len(rijen)} regels; {weggelaten} eerdere staan in de export "
            "met --export)"
        )
    if not rijen:
        print(f"  {tabel.leeg}")
        return
    breedtes = [
        max(len(k), *(len(r[i].tekst) for r in rijen)) for i, k in enumerate(tabel.kolommen)
    ]
    breedtes[0] = min(breedtes[0], 48)

    def regel(cellen: list[str]) -> str:
        naam = cellen[0]
        if len(naam) > breedtes[0]:  # cut visibly, never silently
            naam = naam[: breedtes[0] - 1] + "…"
        eerste = naam.ljust(breedtes[0])
        return "  " + "  ".join(
            [eerste, *(c.rjust(b) for c, b in zip(cellen[1:], breedtes[1:], strict=True))]
        )

    print(regel(list(tabel.kolommen)))
    for r in rijen:
        print(regel([c.tekst for c in r]))


def _periode_uitleg(filter_: InzichtFilter, args: argparse.Namespace) -> str:
    """The filter in words, and how to get another period when it is the default one."""
    uitleg = f"gesprekken: {filter_.omschrijving()}"
    if not args.alles and args.van is None and args.tot is None:
        uitleg += "; de laatste 12 maanden, zoals op het scherm. Alles: --alles"
    return uitleg


def _print_inzicht(inzicht: Inzicht, args: argparse.Namespace) -> None:
    print(f"Inzicht, {_periode_uitleg(inzicht.filter, args)}")
    for naam, cel in inzicht.kerncijfers:
        print(f"  {naam + ':':36s} {cel.tekst}")
    t = inzicht.tabellen
    _print_tabel(met_maandnamen(t["gebruik_periode"]), MAANDEN_OP_SCHERM)  # "dec 2025"
    _print_tabel(t["gebruik_gemeente"])
    _print_tabel(t["gebruik_route"])
    witte = [
        f"{r[0].tekst.strip()} – {kolom}"
        for r in t["dekking"].rijen
        for kolom, cel in zip(t["dekking"].kolommen[1:], r[1:], strict=True)
        if cel.wit
    ]
    print(f"\nWitte vlekken (0 of 1 actief instrument): {len(witte)}")
    for tekst in witte[:15]:
        print(f"  {tekst}")
    if len(witte) > 15:
        print(f"  … en nog {len(witte) - 15}; alles staat in de export (--export).")
    print(f"\n{ONDERDRUKT_UITLEG}")


def _inzicht(args: argparse.Namespace) -> int:
    van = lees_datum(args.van, "--van") if args.van is not None else None
    tot = lees_datum(args.tot, "--tot") if args.tot is not None else None
    if args.alles and (van or tot):
        raise InvoerFout(
            "--alles: kies alle gesprekken óf een periode met --van/--tot, niet allebei."
        )
    if not args.alles and van is None and tot is None:
        van, tot = laatste_maanden(dt.date.today())  # the screen's default period
    if args.export is not None:
        from keuzehulp.services.inzicht.export import controleer_exportpad

        controleer_exportpad(args.export)  # before any work: a wrong name costs nothing
    with catalogus_uit_args(args, ()) as opstart:
        db = opstart.database
        gemeente = _controleer_gemeente(db, args.gemeente) if args.gemeente else None
        inzicht = bereken_inzicht(db, InzichtFilter(van, tot, gemeente))
        stand = gesprekken_stand(db)
    if args.export is not None:
        pad = exporteer(inzicht, args.export, voorbeeld=stand.voorbeeld)
        print(f"Inzicht geschreven naar {pad} ({_periode_uitleg(inzicht.filter, args)}).")
        return 0
    if stand.leeg:
        print(
            "Er zijn nog geen gesprekken bewaard: gebruik, kosten en uitkomsten zijn nog leeg. "
            "Oefenen kan in een aparte database: keuzehulp --database BESTAND voorbeeld "
            "--gesprekken 2000.\n"
        )
    elif melding := voorbeeld_melding(stand.voorbeeld):
        print(f"{melding}\n")
    _print_inzicht(inzicht, args)
    return 0


def _voorbeeld(args: argparse.Namespace) -> int:
    with catalogus_uit_args(args, ()) as opstart:
        db = opstart.database
        with db.lezen() as s:
            aantal = s.scalar(select(func.count()).select_from(Instrument)) or 0
        if aantal:
            print(
                f"De catalogus heeft al {getal_nl(aantal)} "
                f"{'instrument' if aantal == 1 else 'instrumenten'}; de voorbeeldcatalogus is "
                "niet opnieuw geladen. Wilt u hem apart bekijken? Gebruik een nieuw bestand: "
                "keuzehulp --database oefen.sqlite voorbeeld"
            )
        else:
            importeer_voorbeeldcatalogus(db, opstart.gebruiker)
            with db.lezen() as s:
                aantal = s.scalar(select(func.count()).select_from(Instrument)) or 0
            if not aantal:
                raise InvoerFout("De voorbeeldcatalogus kon niet worden geladen (zie -v).")
            print(f"Voorbeeldcatalogus geladen: {aantal} instrumenten (verzonnen voorbeeld).")
        if args.gesprekken:
            verleden = gesprekken_stand(db).mag_voorbeeld  # voorbeeldgeschiedenis: the rule
            begin = time.perf_counter()
            n = voeg_voorbeeldgesprekken_toe(db, args.gesprekken, opstart.gebruiker, zaad=args.zaad)
            duur = duur_nl(time.perf_counter() - begin)
            print(
                f"{getal_nl(n)} verzonnen {'gesprek' if n == 1 else 'gesprekken'} toegevoegd"
                f"{f' in {duur}' if duur else ''} (coaches ‘{VOORBEELD_COACH} 01’ tot ‘16’)."
            )
            if verleden:
                print(
                    "De catalogus kreeg een verzonnen verleden: elk instrument stond er al "
                    f"vóór het eerste gesprek, {VEROUDERD} zijn lang niet beoordeeld "
                    f"(Inzicht, Onderhoud), en {len(VARIANTEN)} verzonnen varianten lijken "
                    "bijna op een ander instrument (Inzicht, Overlap)."
                )
    return 0


def duur_nl(seconden: float) -> str:
    """A duration in seconds as a Dutch reader says it: "" below one second (nothing worth
    saying), "1 seconde", "12 seconden", "2 minuten en 5 seconden" (whole seconds)."""
    heel = round(seconden)
    if seconden < 1 or heel < 1:
        return ""
    minuten, rest = divmod(heel, 60)
    delen = []
    if minuten:
        delen.append(f"{minuten} {'minuut' if minuten == 1 else 'minuten'}")
    if rest:
        delen.append(f"{rest} {'seconde' if rest == 1 else 'seconden'}")
    return " en ".join(delen)
