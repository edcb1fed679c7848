"""`keuzehulp zoek`: the three-step search on the command line, through the same ZoekService.

Exit codes: 0 found (also when nothing matches), 1 an unknown route, kenmerk, gemeente or
type (the message names the nearest valid one), 2 a malformed argument such as an amount
that is not an amount (argparse style).
"""

from __future__ import annotations

import argparse

from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.tekst import bedrag
from keuzehulp.services.zoeken import Facetten, Sortering, ZoekService
from keuzehulp.services.zoekinvoer import kies, kies_kenmerk, lees_bedrag
from keuzehulp.services.zoekvraag import ZoekVraag

VOORBEELDEN = """\
voorbeelden:
  keuzehulp zoek --route "eerst werk vinden" --kenmerk 4.1
  keuzehulp zoek --kenmerk 3.1 --kenmerk 1.4 --gemeente Tiel --max-kosten 1.250
  keuzehulp zoek --tekst sollicitatie --facetten

Binnen één filter is elke waarde een extra optie (OF); filters samen moeten allemaal
kloppen (EN). Elke kenmerkgroep (1 tot en met 5) is een eigen filter. Een kenmerk kiezen
betekent: ook alles wat eronder valt. Geparkeerde en concept-instrumenten komen nooit mee.

afsluitcode: 0 gelukt (ook bij nul resultaten), 1 onbekende waarde, 2 fout in de opdracht.
"""


def _bedrag_argument(tekst: str) -> int:
    try:
        return lees_bedrag(tekst)
    except InvoerFout as fout:
        raise argparse.ArgumentTypeError(fout.melding) from None


def registreer(sub: SubParsers) -> None:
    p = sub.add_parser(
        "zoek",
        prog="keuzehulp zoek",
        help="zoek instrumenten, zoals in het zoekscherm",
        description="Zoek instrumenten in drie stappen: route, kenmerken en praktische zaken.",
        epilog=VOORBEELDEN,
    )
    p.add_argument(
        "--route",
        action="append",
        default=[],
        metavar="ROUTE",
        help="Fenger-route: code, naam of label, bijv. work_first, 'Work first' of "
        "'Eerst werk vinden' (herhaalbaar)",
    )
    p.add_argument(
        "--kenmerk",
        action="append",
        default=[],
        metavar="CODE",
        help="kenmerk-code, bijv. 3.1 (of de naam; herhaalbaar)",
    )
    p.add_argument(
        "--gemeente",
        action="append",
        default=[],
        metavar="NAAM",
        help="gemeente, bijv. Tiel; instrumenten voor alle gemeenten tellen mee (herhaalbaar)",
    )
    p.add_argument(
        "--type",
        action="append",
        default=[],
        metavar="TYPE",
        help="soort instrument, bijv. Training of Coaching (herhaalbaar)",
    )
    p.add_argument(
        "--onderbouwing",
        action="append",
        default=[],
        metavar="NIVEAU",
        help="niveau van onderbouwing, bijv. 'goed onderbouwd' (herhaalbaar)",
    )
    p.add_argument(
        "--max-kosten",
        type=_bedrag_argument,
        metavar="BEDRAG",
        help="hoogstens dit bedrag per persoon, bijv. 1250, 1.250 of 1250,50",
    )
    p.add_argument("--tekst", default="", help="woorden in naam of omschrijving")
    p.add_argument(
        "--sorteer",
        choices=[s.value for s in Sortering],
        default=Sortering.RELEVANTIE.value,
        help="volgorde (standaard: relevantie)",
    )
    p.add_argument(
        "--facetten",
        action="store_true",
        help="toon ook per waarde hoeveel instrumenten er zijn als je die erbij kiest",
    )
    p.set_defaults(func=_zoek)


def maak_vraag(service: ZoekService, args: argparse.Namespace) -> ZoekVraag:
    """Turn the typed values into a ZoekVraag; unknown values raise InvoerFout (Dutch)."""
    routes = {r.code: (r.label, r.naam) for r in service.routes}
    kenmerken = {c: k.naam for c, k in service.kenmerken.items()}
    return ZoekVraag(
        routes=frozenset(kies("Onbekende route", r, routes) for r in args.route),
        kenmerken=frozenset(kies_kenmerk(k, kenmerken) for k in args.kenmerk),
        gemeenten=frozenset(
            kies("Onbekende gemeente", g, {n: () for n in service.gemeenten}) for g in args.gemeente
        ),
        types=frozenset(
            kies("Onbekend type", t, {n: () for n in service.types}) for t in args.type
        ),
        onderbouwing=frozenset(
            kies("Onbekend niveau van onderbouwing", o, {n: () for n in service.onderbouwing})
            for o in args.onderbouwing
        ),
        max_kosten_centen=args.max_kosten,
        tekst=args.tekst,
    )


def _zoek(args: argparse.Namespace) -> int:
    with catalogus_uit_args(args) as opstart:
        service = ZoekService(opstart.database)
    vraag = maak_vraag(service, args)
    antwoord = service.zoek(vraag, Sortering(args.sorteer))
    for treffer in antwoord.treffers:
        print(treffer.instrument.naam)
    if args.facetten:
        print()
        print(f"{antwoord.aantal} van {antwoord.totaal_actief} actieve instrumenten.")
        if vraag.max_kosten_centen is not None:
            print(f"Hoogstens {bedrag(vraag.max_kosten_centen)} per persoon.")
        _print_facetten(service, antwoord.facetten)
    return 0


def _print_facetten(service: ZoekService, f: Facetten) -> None:
    print("Aantal per waarde als je die erbij kiest:")
    print("Fenger-route:")
    for r in service.routes:
        print(f"  {f.routes.get(r.code, 0):5}  {r.label} ({r.code})")
    print("Kenmerken:")
    for code, k in service.kenmerken.items():
        inspringen = "  " * code.count(".")
        print(f"  {f.kenmerken.get(code, 0):5}  {inspringen}{code} {k.naam}")
    for titel, waarden, telling in (
        ("Gemeente", service.gemeenten, f.gemeenten),
        ("Type", service.types, f.types),
        ("Onderbouwing", service.onderbouwing, f.onderbouwing),
    ):
        print(f"{titel}:")
        for w in waarden:
            print(f"  {telling.get(w, 0):5}  {w}")
