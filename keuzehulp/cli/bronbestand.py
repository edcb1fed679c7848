"""`keuzehulp import` and `keuzehulp export`: the Excel bronbestand on the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.model.errors import VergrendeldFout
from keuzehulp.services.bronbestand.exporteren import exporteer
from keuzehulp.services.bronbestand.importeren import (
    GEPARKEERD,
    GEWIJZIGD,
    NIEUW,
    TERUGGEZET,
    ImportResultaat,
)
from keuzehulp.services.bronbestand.importeren import importeer as importeer_bestand
from keuzehulp.services.bronbestand.lezer import WerkmapOnleesbaar, controleer_bestand
from keuzehulp.services.bronbestand.verschil import kort_verschil

ONLEESBAAR = 2
FOUTEN = 1
NIEUWER = 3
BEZIG = 4  # another import or publication holds the catalogue lock (model/vergrendeling)


def registreer(sub: SubParsers) -> None:
    p = sub.add_parser(
        "import",
        help="lees een bronbestand (Excel) in de catalogus",
        description="Lees een bronbestand (Excel, .xlsx) in de catalogus. Alleen beheerders. "
        "Afsluitcode 0: gelukt (of proefimport zonder fouten); 1: fouten in het bestand, er is "
        "niets gewijzigd; 2: het bestand is geen leesbare Excel-werkmap; 3: de catalogus is "
        "na de export van het bestand gewijzigd en de import zou dat terugdraaien, er is niets "
        "gewijzigd (bevestig met --overschrijf-nieuwer).",
    )
    p.add_argument("bestand", metavar="BESTAND", type=Path, help="het bronbestand (.xlsx)")
    p.add_argument(
        "--dry-run",
        "--proef",
        dest="proef",
        action="store_true",
        help="toon alleen wat er zou veranderen; wijzig niets",
    )
    p.add_argument("--reden", metavar="TEKST", help="waarom, voor het mutatielog")
    p.add_argument(
        "--overschrijf-nieuwer",
        action="store_true",
        help="voer de import ook uit als die wijzigingen terugdraait die na de export van het "
        "bestand in de catalogus zijn gemaakt (de proefimport toont welke)",
    )
    p.set_defaults(func=_importeer)

    e = sub.add_parser(
        "export",
        help="schrijf de catalogus naar een bronbestand (Excel)",
        description="Schrijf de actieve en geparkeerde instrumenten en de kenmerken naar een "
        "bronbestand (.xlsx) in hetzelfde formaat als de import leest.",
    )
    e.add_argument("bestand", metavar="BESTAND", type=Path, help="het nieuwe bestand (.xlsx)")
    e.set_defaults(func=_exporteer, alleen_lezen=True)


def _importeer(args: argparse.Namespace) -> int:
    pad: Path = args.bestand
    try:
        controleer_bestand(pad)  # before opening the database: a wrong file changes nothing
    except WerkmapOnleesbaar as fout:
        print(f"keuzehulp: {fout.melding}", file=sys.stderr)
        return ONLEESBAAR
    # A new database filled by this import gets no sample catalogue first (it would be parked).
    try:
        with catalogus_uit_args(args, nieuwe_database_stappen=()) as opstart:
            resultaat = importeer_bestand(
                opstart.database,
                pad,
                opstart.gebruiker,
                proefdraaien=args.proef,
                reden=args.reden,
                overschrijf_nieuwer=args.overschrijf_nieuwer,
            )
    except WerkmapOnleesbaar as fout:
        print(f"keuzehulp: {fout.melding}", file=sys.stderr)
        return ONLEESBAAR
    except VergrendeldFout as fout:
        print(f"keuzehulp: {fout.melding}", file=sys.stderr)
        return BEZIG
    _toon(resultaat, args.proef)
    if resultaat.fouten:
        print(
            f"keuzehulp: {pad.name} heeft {_aantal(len(resultaat.fouten), 'fout', 'fouten')}; "
            "er is niets gewijzigd.",
            file=sys.stderr,
        )
        return FOUTEN
    if resultaat.bevestiging_nodig:
        print(
            f"keuzehulp: de import van {pad.name} zou "
            f"{_aantal(len(resultaat.nieuwer), 'nieuwere wijziging', 'nieuwere wijzigingen')} "
            "in de catalogus terugdraaien; er is niets gewijzigd. Controleer ze hierboven. "
            "Wilt u ze toch overschrijven? Voer de import dan uit met --overschrijf-nieuwer.",
            file=sys.stderr,
        )
        return NIEUWER
    return 0


def _aantal(n: int, enkel: str, meer: str) -> str:
    return f"{n} {enkel if n == 1 else meer}"


def _toon(resultaat: ImportResultaat, proef: bool) -> None:
    a = resultaat.aantallen()
    if resultaat.fouten or resultaat.bevestiging_nodig:
        kop = f"Import van {resultaat.bestandsnaam} niet uitgevoerd"
    elif proef:
        kop = f"Proefimport van {resultaat.bestandsnaam} (er is niets gewijzigd)"
    else:
        kop = f"Import van {resultaat.bestandsnaam} uitgevoerd"
    print(f"{kop}:")
    print(
        f"  nieuw {a[NIEUW]}, gewijzigd {a[GEWIJZIGD]}, ongewijzigd {a['ongewijzigd']}, "
        f"geparkeerd {a[GEPARKEERD]}, teruggezet {a[TERUGGEZET]}, "
        f"kenmerken gewijzigd {len(resultaat.kenmerken)}"
    )
    for soort, titel in (
        (NIEUW, "Nieuw"),
        (GEWIJZIGD, "Gewijzigd"),
        (GEPARKEERD, "Geparkeerd"),
        (TERUGGEZET, "Teruggezet"),
    ):
        wijzigingen = resultaat.van_soort(soort)
        if not wijzigingen:
            continue
        print(f"{titel}:")
        for w in wijzigingen:
            waar = f" (ID {w.id})" if w.id is not None else ""
            print(f"  {w.naam}{waar}")
            for label, oud, nieuw in w.velden:
                voor, na = kort_verschil(oud, nieuw)
                print(f"      {label}: {voor} -> {na}")
    if resultaat.kenmerken:
        print("Kenmerken:")
        for w in resultaat.kenmerken:
            print(f"  {w.naam} ({w.soort})")
            for label, oud, nieuw in w.velden:
                voor, na = kort_verschil(oud, nieuw)
                print(f"      {label}: {voor} -> {na}")
    _toon_nieuwer(resultaat)
    if resultaat.problemen:
        print(
            f"Problemen ({_aantal(len(resultaat.fouten), 'fout', 'fouten')}, "
            f"{_aantal(len(resultaat.waarschuwingen), 'waarschuwing', 'waarschuwingen')}):"
        )
        for probleem in resultaat.problemen:
            print(f"  {probleem}")


def _toon_nieuwer(resultaat: ImportResultaat) -> None:
    """The export stamp, and the catalogue changes after it that the import would undo."""
    stempel = resultaat.stempel
    if stempel is None:
        print(
            "Exportmoment: onbekend (dit bestand komt niet uit een export van de keuzehulp). "
            "De keuzehulp kan niet zien of de catalogus daarna is gewijzigd."
        )
    else:
        versie = f", {stempel.versie}" if stempel.versie else ""
        print(f"Geëxporteerd op {stempel.lokale_tijd}{versie}.")
    if not resultaat.nieuwer:
        if stempel is not None:
            print("Na de export is in de catalogus niets gewijzigd wat deze import terugdraait.")
        return
    if resultaat.toegepast:
        kop = "Na de export gewijzigd in de catalogus en nu overschreven met het bestand"
    else:
        kop = (
            "Na de export gewijzigd in de catalogus; de import zet de waarde uit het bestand terug"
        )
    print(f"{kop} ({len(resultaat.nieuwer)}):")
    for n in resultaat.nieuwer:
        print(f"  {n.naam}: {n.veld}")
        print(f"      door {n.gebruiker} op {n.lokale_tijd} ({n.bron})")
        if n.nu is not None or n.bestand is not None:
            print(f"      nu: {_kort(n.nu)}; in het bestand: {_kort(n.bestand)}")


def _kort(tekst: str | None, lengte: int = 70) -> str:
    if tekst is None:
        return "(leeg)"
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= lengte else tekst[: lengte - 1] + "…"


def _exporteer(args: argparse.Namespace) -> int:
    with catalogus_uit_args(args) as opstart:
        actief, geparkeerd = exporteer(opstart.database, args.bestand)
    print(f"{args.bestand}: {actief} instrumenten en {geparkeerd} geparkeerd geschreven.")
    return 0
