"""`keuzehulp zoek`: the three-step search on the command line, through the same ZoekService.

Exit codes: 0 found (also when nothing matches: then it says so and names the choices to
drop), 1 an unknown route, kenmerk, gemeente, type or class (the message names the nearest or
all valid ones), 2 a malformed argument such as an amount that is not an amount (argparse).
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Mapping

from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.zoekchips import chips, uitwegen
from keuzehulp.services.zoeken import Facetten, Sortering, ZoekService
from keuzehulp.services.zoekinvoer import kies, kies_kenmerk, lees_bedrag
from keuzehulp.services.zoekvraag import KLASSEN, ZoekVraag

VOORBEELDEN = """\
voorbeelden:
  keuzehulp zoek --route "eerst werk vinden" --kenmerk 4.1
  keuzehulp zoek --kenmerk 3.1 --kenmerk 1.4 --gemeente Tiel --max-kosten 1.250
  keuzehulp zoek --duur kort --duur middel --start doorlopend --nederlands niet_nodig
  keuzehulp zoek --tekst sollicitatie --facetten

Binnen één filter is elke waarde een extra optie (OF); filters samen moeten allemaal
kloppen (EN). Elke kenmerkgroep (1 tot en met 5) is een eigen filter. Een kenmerk kiezen
betekent: ook alles wat eronder valt. Geparkeerde en concept-instrumenten komen nooit mee.

De tekst zoekt in naam, aanbieder, omschrijving, doel, werkwijze, doelgroep, rol van de
werkzoekende en de namen van de kenmerken. Hoofdletters en accenten tellen niet;
woordvormen wel ("sollicitatie" vindt ook "solliciteren"). Elk woord moet passen.

Met --facetten staat bij elke waarde hoeveel instrumenten je vindt met die waarde en alle
andere filters; de keuze in het eigen filter telt niet mee (zoals in een webwinkel).

afsluitcode: 0 gelukt (ook bij nul resultaten), 1 onbekende waarde, 2 fout in de opdracht.
"""

# Facet -> (option, title in --facetten, start of an error message, help).
_KLASSE_OPTIES: dict[str, tuple[str, str, str, str]] = {
    "kosten": (
        "--kosten",
        "Kosten per persoon (voor de gemeente)",
        "Onbekende kostenklasse",
        "kosten per persoon: gratis, tot_500 (tot € 500), 500_1000, 1000_2500, vanaf_2500 "
        "(€ 2.500 of meer) of onbekend (geen bedrag) (herhaalbaar)",
    ),
    "duur": (
        "--duur",
        "Duur",
        "Onbekende duur",
        "duur: kort (4 weken of korter), middel (5 tot 12 weken), lang (13 weken of langer) "
        "of onbekend (herhaalbaar)",
    ),
    "start": (
        "--start",
        "Start",
        "Onbekende start",
        "start: doorlopend (altijd starten), vaste_data (op vaste data) of onbekend (herhaalbaar)",
    ),
    "nederlands": (
        "--nederlands",
        "Goed Nederlands",
        "Onbekende taaleis",
        "is goed Nederlands nodig: niet_nodig, nodig of onbekend (herhaalbaar)",
    ),
}
_SORTERINGEN = [s.value for s in Sortering if s is not Sortering.WENSEN]  # needs wishes


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
    herhaal = {"action": "append", "default": []}
    p.add_argument(
        "--route",
        metavar="ROUTE",
        help="Fenger-route: code, naam of label, bijv. work_first, 'Work first' of "
        "'Eerst werk vinden' (herhaalbaar)",
        **herhaal,
    )
    p.add_argument(
        "--kenmerk", metavar="CODE", help="kenmerk-code, bijv. 3.1 (of de naam; herhaalbaar)",
        **herhaal,
    )  # fmt: skip
    p.add_argument(
        "--gemeente",
        metavar="NAAM",
        help="gemeente, bijv. Tiel; instrumenten voor alle gemeenten tellen mee (herhaalbaar)",
        **herhaal,
    )
    p.add_argument(
        "--type", metavar="TYPE", help="soort instrument, bijv. Training of Coaching (herhaalbaar)",
        **herhaal,
    )  # fmt: skip
    p.add_argument(
        "--onderbouwing",
        metavar="NIVEAU",
        help="niveau van onderbouwing, bijv. 'goed onderbouwd' (herhaalbaar)",
        **herhaal,
    )
    for optie, _, _, uitleg in _KLASSE_OPTIES.values():
        p.add_argument(optie, metavar="KLASSE", help=uitleg, **herhaal)
    p.add_argument(
        "--max-kosten",
        type=_bedrag_argument,
        metavar="BEDRAG",
        help="hoogstens dit bedrag per persoon, bijv. 1250, 1.250 of 1250,50; "
        "instrumenten zonder bedrag vallen dan af",
    )
    p.add_argument("--tekst", default="", help="woorden die moeten voorkomen, zoals in het zoekvak")
    p.add_argument(
        "--sorteer",
        choices=_SORTERINGEN,
        default=Sortering.RELEVANTIE.value,
        help="volgorde (standaard: relevantie: beste tekstmatch en meeste gekozen kenmerken eerst)",
    )
    p.add_argument(
        "--facetten",
        action="store_true",
        help="toon ook per waarde hoeveel instrumenten je met die waarde vindt",
    )
    p.set_defaults(func=_zoek, alleen_lezen=True)


def _klassen(naam: str, waarden: Iterable[str]) -> frozenset[str]:
    optie, _, fout, _ = _KLASSE_OPTIES[naam]
    opties = {code: (code, label) for code, label in KLASSEN[naam]}
    gekozen = set()
    for waarde in waarden:
        try:
            gekozen.add(kies(fout, waarde, opties))
        except InvoerFout as e:
            codes = ", ".join(f"{code} ({label})" for code, label in KLASSEN[naam])
            raise InvoerFout(f"{optie}: {e.melding} Kies uit: {codes}.") from None
    return frozenset(gekozen)


def maak_vraag(service: ZoekService, args: argparse.Namespace) -> ZoekVraag:
    """Turn the typed values into a ZoekVraag; unknown values raise InvoerFout (Dutch)."""
    routes = {r.code: (r.label, r.naam) for r in service.routes}
    kenmerken = {c: k.naam for c, k in service.kenmerken.items()}
    return ZoekVraag(
        routes=frozenset(kies("Onbekende route", r, routes, streng=True) for r in args.route),
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
        **{naam: _klassen(naam, getattr(args, naam)) for naam in KLASSEN},
    )


def _zoek(args: argparse.Namespace) -> int:
    with catalogus_uit_args(args) as opstart:
        service = ZoekService(opstart.database)
    vraag = maak_vraag(service, args)
    antwoord = service.zoek(vraag, Sortering(args.sorteer))
    for treffer in antwoord.treffers:
        print(treffer.instrument.naam)
    if not antwoord.treffers:
        _print_niets_gevonden(service, vraag)
    if args.facetten:
        print()
        print(f"{antwoord.aantal} van {antwoord.totaal_actief} actieve instrumenten.")
        gekozen = chips(vraag, service)
        if gekozen:
            print("Gekozen: " + "; ".join(c.label for c in gekozen))
        _print_facetten(service, vraag, antwoord.facetten)
    return 0


def _print_niets_gevonden(service: ZoekService, vraag: ZoekVraag) -> None:
    if service.aantal_actief == 0:
        print("Geen instrumenten gevonden: de catalogus heeft geen actieve instrumenten.")
        return
    print("Geen instrumenten gevonden met deze keuzes.")
    wegen = uitwegen(vraag, service)
    if wegen:
        print("Laat een keuze weg:")
        for weg in wegen:
            print(f"  {weg.tekst()}")
    else:
        print("Laat een paar keuzes weg of begin opnieuw.")


def _print_groep(
    titel: str, waarden: Iterable[tuple[str, str]], telling: Mapping[str, int], gekozen: set[str]
) -> None:
    print(f"{titel}:")
    for sleutel, label in waarden:
        merk = "  (gekozen)" if sleutel in gekozen else ""
        print(f"  {telling.get(sleutel, 0):5}  {label}{merk}")


def _print_facetten(service: ZoekService, vraag: ZoekVraag, f: Facetten) -> None:
    print(
        "Aantal per waarde, met alle andere filters (de keuze in het eigen filter telt niet mee):"
    )
    routes = ((r.code, f"{r.label} ({r.code})") for r in service.routes)
    _print_groep("Fenger-route", routes, f.routes, set(vraag.routes))
    kenmerken = (
        (code, "  " * code.count(".") + f"{code} {k.naam}") for code, k in service.kenmerken.items()
    )
    _print_groep("Kenmerken", kenmerken, f.kenmerken, set(vraag.kenmerken))
    for titel, lijst, telling, keuze in (
        ("Gemeente", service.gemeenten, f.gemeenten, vraag.gemeenten),
        ("Type", service.types, f.types, vraag.types),
    ):
        _print_groep(titel, ((w, w) for w in lijst), telling, set(keuze))
    for naam, (_, titel, _, _) in _KLASSE_OPTIES.items():
        waarden = ((code, f"{label} ({code})") for code, label in KLASSEN[naam])
        _print_groep(titel, waarden, getattr(f, naam), set(getattr(vraag, naam)))
    niveaus = ((w, w) for w in service.onderbouwing)
    _print_groep("Onderbouwing", niveaus, f.onderbouwing, set(vraag.onderbouwing))
