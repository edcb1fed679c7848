"""`keuzehulp gesprek terugblik`, `keuzehulp opmerkingen` and `keuzehulp waardering`, headless.

The same services as the Terugblik dialog, the Opmerkingen list in Beheer and the ratings.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from keuzehulp.cli.beheer_bestanden import met_database
from keuzehulp.cli.common import SubParsers, positief_nummer
from keuzehulp.model.db import Database
from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.terugblik import DOEL_BEREIKT, OPMERKING_STATUSSEN, TERUGBLIK_STATUSSEN
from keuzehulp.services import waardering
from keuzehulp.services.beheer import opmerkingen
from keuzehulp.services.beheer.mutatielog import zoek_instrument
from keuzehulp.services.beheer.opmerkingen import GEEN_REGIEHOUDER, OpmerkingFilter
from keuzehulp.services.terugblik import (
    DOEL_TEKST,
    REDENEN_STOPPEN,
    STATUS_TEKST,
    TerugblikService,
    maak_invoer,
)

CIJFERS = (
    ("coach_totaal", "--coach-totaal", "cijfer van de coach, totaal (1-10)"),
    ("coach_resultaat", "--coach-resultaat", "cijfer van de coach voor het resultaat (1-10)"),
    ("coach_uitvoering", "--coach-uitvoering", "cijfer van de coach voor de uitvoering (1-10)"),
    ("client_cijfer", "--klant-cijfer", "cijfer van de klant (1-10)"),
)


def _nummer(tekst: str, wat: str, hulp: str) -> int:
    return positief_nummer(tekst, wat, hulp)  # digits 0-9 only: not "²" or "٣"


def _cijfer(tekst: str | None, optie: str) -> int | None:
    if tekst is None:
        return None
    kaal = tekst.strip()
    if not (kaal.isascii() and kaal.isdecimal()):
        raise InvoerFout(
            f"{optie}: ‘{tekst}’ is geen heel getal. Kies een cijfer van 1 tot en met 10."
        )
    if not 1 <= int(kaal) <= 10:
        raise InvoerFout(
            f"{optie}: {int(kaal)} valt buiten de schaal. Kies een cijfer van 1 tot en met 10."
        )
    return int(kaal)


def _controleer_reden(status: str | None, reden: str | None) -> None:
    """Name the option --reden and its choices (the service's message names the form field)."""
    keuzes = ", ".join(f"{c} ({t.lower()})" for c, t in REDENEN_STOPPEN.items())
    if status == "gestopt" and reden is None:
        raise InvoerFout(
            "--status gestopt: zeg met --reden waarom het instrument is gestopt. "
            f"Kies uit: {keuzes}. Bijvoorbeeld: --status gestopt --reden "
            f"{next(iter(REDENEN_STOPPEN))}"
        )
    if reden is not None and status != "gestopt":
        raise InvoerFout(
            f"--reden {reden}: een reden om te stoppen hoort alleen bij --status gestopt."
        )


# --- keuzehulp gesprek terugblik ------------------------------------------------------------


def registreer_gesprek(opdrachten: SubParsers) -> None:
    """Add `terugblik toevoegen|lijst` under `keuzehulp gesprek`."""
    p = opdrachten.add_parser(
        "terugblik",
        help="terugblik op een gesprek: wat kwam er van de keuze, cijfers van coach en klant",
        description="Methodisch werken, stap 4: wat is er van het gekozen instrument gekomen? "
        "Een gesprek kan meer terugblikken hebben (na 4 weken, aan het eind). Elke opmerking "
        "gaat naar de regiehouder van het instrument (zie ‘keuzehulp opmerkingen’).",
    )
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=True)
    lijst = acties.add_parser("lijst", help="toon de terugblikken van een gesprek")
    lijst.add_argument("id", metavar="GESPREK", help="nummer van het gesprek")
    lijst.set_defaults(func=_terugblik_lijst, alleen_lezen=True)

    nieuw = acties.add_parser(
        "toevoegen",
        help="voeg een terugblik toe aan een gesprek",
        description="Voeg een terugblik toe. Vul minstens één ding in. Zonder --instrument gaat "
        "het over het gekozen instrument van het gesprek.",
    )
    nieuw.add_argument("id", metavar="GESPREK", help="nummer van het gesprek")
    nieuw.add_argument("--status", choices=TERUGBLIK_STATUSSEN, help="stand van zaken")
    nieuw.add_argument(
        "--reden",
        choices=tuple(REDENEN_STOPPEN),
        help="waarom gestopt (alleen bij --status gestopt): "
        + ", ".join(f"{c} ({t.lower()})" for c, t in REDENEN_STOPPEN.items()),
    )
    nieuw.add_argument("--doel", choices=DOEL_BEREIKT, help="is het doel bereikt?")
    for _veld, optie, hulp in CIJFERS:
        nieuw.add_argument(optie, metavar="CIJFER", help=hulp)
    nieuw.add_argument("--coach-opmerking", metavar="TEKST", help="opmerking van de coach")
    nieuw.add_argument("--klant-opmerking", metavar="TEKST", help="opmerking van de klant")
    nieuw.add_argument(
        "--instrument", metavar="NR", help="een ander instrument van de korte lijst (nummer)"
    )
    nieuw.set_defaults(func=_terugblik_toevoegen)


def _gesprek(tekst: str) -> int:
    return _nummer(
        tekst,
        "gespreksnummer",
        "Het nummer staat in de eerste kolom van ‘keuzehulp gesprek lijst’.",
    )


def _terugblik_lijst(args: argparse.Namespace) -> int:
    nummer = _gesprek(args.id)

    def werk(db: Database, _g: str) -> int:
        terugblikken = TerugblikService(db).lijst(nummer)
        if not terugblikken:
            print(f"Gesprek {nummer} heeft nog geen terugblik.")
            return 0
        for t in terugblikken:
            i = t.invoer
            print(
                f"Terugblik {t.id}, {t.aangemaakt_op.astimezone():%d-%m-%Y %H:%M}, {t.coach}: "
                f"{t.instrument_naam}"
            )
            if i.status:
                reden = f" ({REDENEN_STOPPEN[i.reden_stoppen]})" if i.reden_stoppen else ""
                print(f"  Stand van zaken: {STATUS_TEKST[i.status]}{reden}")
            if i.doel_bereikt:
                print(f"  Doel bereikt: {DOEL_TEKST[i.doel_bereikt]}")
            if coach := t.coach_cijfers:
                print(f"  Cijfers coach: {', '.join(coach)}")
            if i.coach_opmerking:
                print(f"  Opmerking coach: {i.coach_opmerking}")
            if i.client_cijfer is not None:
                print(f"  Cijfer klant: {i.client_cijfer}")
            if i.client_opmerking:
                print(f"  Opmerking klant: {i.client_opmerking}")
        return 0

    return met_database(args, werk)


def _terugblik_toevoegen(args: argparse.Namespace) -> int:
    nummer = _gesprek(args.id)
    _controleer_reden(args.status, args.reden)
    waarden: dict[str, object] = {
        veld: _cijfer(getattr(args, optie[2:].replace("-", "_")), optie)
        for veld, optie, _h in CIJFERS
    }
    waarden.update(
        status=args.status,
        reden_stoppen=args.reden,
        doel_bereikt=args.doel,
        coach_opmerking=args.coach_opmerking,
        client_opmerking=args.klant_opmerking,
    )
    if args.instrument is not None:
        waarden["instrument_id"] = _nummer(
            args.instrument, "instrumentnummer", "Geef het nummer van een optie van het gesprek."
        )
    invoer = maak_invoer(**waarden)

    def werk(db: Database, gebruiker: str) -> int:
        t = TerugblikService(db).voeg_toe(nummer, invoer, gebruiker)
        print(f"Terugblik {t.id} bewaard bij gesprek {nummer} ({t.instrument_naam}).")
        aantal = sum(x is not None for x in (invoer.coach_opmerking, invoer.client_opmerking))
        if aantal:
            wat = "De opmerking gaat" if aantal == 1 else "De opmerkingen gaan"
            print(f"{wat} naar de regiehouder (keuzehulp opmerkingen lijst).")
        return 0

    return met_database(args, werk)


# --- keuzehulp opmerkingen -----------------------------------------------------------------


def registreer(sub: SubParsers) -> None:
    p = sub.add_parser(
        "opmerkingen",
        prog="keuzehulp opmerkingen",
        help="opmerkingen uit terugblikken voor de regiehouders: lijst, status, export",
        description="Elke opmerking uit een terugblik komt hier, bij de regiehouder van het "
        "instrument. Statussen: nieuw, besproken, verwerkt. Alleen beheerders wijzigen een "
        "status; elke wijziging komt in het mutatielog.",
    )
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=True, prog=p.prog)
    lijst = acties.add_parser("lijst", help="toon de opmerkingen, nieuwste eerst")
    _filters(lijst)
    lijst.set_defaults(func=_opmerkingen_lijst, alleen_lezen=True)
    status = acties.add_parser(
        "status", help="geef opmerkingen een nieuwe status (alleen beheerders)"
    )
    status.add_argument("status", choices=OPMERKING_STATUSSEN, metavar="STATUS",
                        help="nieuw, besproken of verwerkt")  # fmt: skip
    status.add_argument("nummers", nargs="+", metavar="NR", help="nummer(s) van de opmerking")
    status.set_defaults(func=_opmerkingen_status)
    export = acties.add_parser("export", help="schrijf de opmerkingen naar een Excel-bestand")
    export.add_argument(
        "bestand", type=Path, metavar="BESTAND.xlsx", help="het nieuwe Excel-bestand (.xlsx)"
    )
    _filters(export)
    export.set_defaults(func=_opmerkingen_export, alleen_lezen=True)

    w = sub.add_parser(
        "waardering",
        prog="keuzehulp waardering",
        help="vanaf hoeveel cijfers uit terugblikken de keuzehulp die toont",
        description="Zoeken, vergelijken en de PDF tonen het gemiddelde uit terugblikken "
        f"zodra een instrument minstens zoveel cijfers heeft (standaard "
        f"{waardering.STANDAARD_MINIMUM}). Daaronder staat het cijfer uit de enquête, of niets. "
        "Zonder AANTAL ziet u het minimum; met AANTAL zet u het (alleen beheerders).",
    )
    w.add_argument("aantal", nargs="?", metavar="AANTAL", help="nieuw minimum aantal cijfers")
    w.add_argument(
        "--enquete",
        metavar="TEKST",
        help='hoe een cijfer uit de enquête heet, bijvoorbeeld "enquête 2021" (alleen beheerders)',
    )
    w.set_defaults(func=_waardering, alleen_lezen=lambda a: a.aantal is None and a.enquete is None)


def _filters(p: argparse.ArgumentParser) -> None:
    groep = p.add_mutually_exclusive_group()
    groep.add_argument("--regiehouder", metavar="NAAM", help="alleen van deze regiehouder")
    groep.add_argument(
        "--zonder-regiehouder", action="store_true", help="alleen instrumenten zonder regiehouder"
    )
    p.add_argument("--status", dest="filter_status", choices=OPMERKING_STATUSSEN,
                   help="alleen met deze status")  # fmt: skip
    p.add_argument("--instrument", metavar="NAAM_OF_NR", help="alleen over dit instrument")


def _filter(db: Database, args: argparse.Namespace) -> OpmerkingFilter:
    regiehouder = GEEN_REGIEHOUDER if args.zonder_regiehouder else args.regiehouder
    if regiehouder and regiehouder.strip():
        bekend = opmerkingen.regiehouders(db)
        if regiehouder.strip() not in bekend:
            namen = "; ".join(bekend) or "(nog geen)"
            raise InvoerFout(
                f"--regiehouder: ‘{regiehouder}’ heeft geen opmerkingen. Regiehouders met "
                f"opmerkingen: {namen}."
            )
        regiehouder = regiehouder.strip()
    instrument = zoek_instrument(db, args.instrument) if args.instrument else None
    return OpmerkingFilter(regiehouder, args.filter_status, instrument)


def _opmerkingen_lijst(args: argparse.Namespace) -> int:
    def werk(db: Database, _g: str) -> int:
        regels = opmerkingen.zoek_opmerkingen(db, _filter(db, args))
        if not regels:
            print("Geen opmerkingen gevonden.")
            return 0
        for r in regels:
            status = r.status_tekst
            if r.status_gewijzigd_op is not None:
                status += (
                    f" ({r.status_gewijzigd_op.astimezone():%d-%m-%Y}, {r.status_gewijzigd_door})"
                )
            print(
                f"{r.id:>5}  {r.aangemaakt_op.astimezone():%d-%m-%Y}  {status}  "
                f"{r.instrument_naam}  [regiehouder: {r.regiehouder or '(geen)'}]"
            )
            print(f"       {r.van}: {' '.join(r.tekst.split())}")
        return 0

    return met_database(args, werk)


def _opmerkingen_status(args: argparse.Namespace) -> int:
    nummers = [
        _nummer(n, "opmerkingnummer", "Het nummer staat vooraan in ‘keuzehulp opmerkingen lijst’.")
        for n in args.nummers
    ]

    def werk(db: Database, gebruiker: str) -> int:
        aantal = opmerkingen.zet_status(db, nummers, args.status, gebruiker)
        wat = "1 opmerking" if aantal == 1 else f"{aantal} opmerkingen"
        print(f"{wat} op ‘{args.status}’ gezet.")
        if aantal < len(set(nummers)):
            print("De andere hadden die status al.")
        return 0

    return met_database(args, werk)


def _opmerkingen_export(args: argparse.Namespace) -> int:
    def werk(db: Database, _g: str) -> int:
        aantal = opmerkingen.exporteer_xlsx(db, args.bestand, _filter(db, args))
        print(f"{aantal} opmerkingen geschreven naar {args.bestand}")
        return 0

    return met_database(args, werk)


def _waardering(args: argparse.Namespace) -> int:
    nieuw = None
    if args.aantal is not None:
        nieuw = _nummer(
            args.aantal,
            "aantal cijfers",
            f"Geef een getal van {waardering.MIN_MINIMUM} tot en met {waardering.MAX_MINIMUM}.",
        )

    def werk(db: Database, gebruiker: str) -> int:
        if nieuw is not None:
            waardering.zet_minimum(db, nieuw, gebruiker)
        if args.enquete is not None:
            waardering.zet_enquete_label(db, args.enquete, gebruiker)
        aantal = waardering.lees_minimum(db)
        label = waardering.lees_enquete_label(db)
        print(
            f"Minimum: {aantal} cijfers uit terugblikken. Daaronder toont de keuzehulp het "
            f"cijfer uit de enquête, of niets. Zo heet dat cijfer: ‘{label}’."
        )
        return 0

    return met_database(args, werk)
