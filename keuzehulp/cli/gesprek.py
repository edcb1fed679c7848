"""`keuzehulp gesprek lijst/pdf/verwijder/bewaartermijn`: stored conversations, headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from keuzehulp.cli.common import SubParsers, catalogus_uit_args, positief_nummer
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.coachprofiel import GEEN_PROFIEL
from keuzehulp.services.gesprek import controleer_korte_lijst
from keuzehulp.services.gesprekarchief import (
    MAX_BEWAARTERMIJN,
    MIN_BEWAARTERMIJN,
    bewaartermijn,
    pas_bewaartermijn_toe,
    verwijder_gesprek,
    zet_bewaartermijn,
    zoek_gesprekken,
)
from keuzehulp.services.rapport.gegevens import verzamel
from keuzehulp.services.rapport.klant import schrijf_klant_pdf
from keuzehulp.services.rapport.professioneel import schrijf_professionele_pdf
from keuzehulp.services.rapport.schrijf import controleer_pad

ZOEK_HULP = (
    "alleen gesprekken met deze woorden in klantreferentie, doel, keuze of coach, of van deze "
    "datum (12-03-2027, 2027-03-12) of maand (03-2027)"
)


def _gespreksnummer(tekst: str) -> int:
    return positief_nummer(
        tekst,
        "gespreksnummer",
        "Het nummer staat in de eerste kolom van ‘keuzehulp gesprek lijst’.",
    )


def registreer(sub: SubParsers) -> None:
    gesprek = sub.add_parser("gesprek", help="bewaarde keuzegesprekken zoeken, afdrukken en wissen")
    opdrachten = gesprek.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)

    lijst = opdrachten.add_parser("lijst", help="toon de bewaarde gesprekken, nieuwste eerst")
    lijst.add_argument("--zoek", metavar="TEKST", default="", help=ZOEK_HULP)
    lijst.set_defaults(func=_lijst, alleen_lezen=True)

    pdf = opdrachten.add_parser(
        "pdf",
        help="maak de PDF van een gesprek",
        description="Maak de PDF voor de klant (met uw contactgegevens, zie ‘keuzehulp coach’) "
        "of met --professional de samenvatting voor het klantdossier.",
    )
    pdf.add_argument("id", metavar="ID", help="nummer van het gesprek")
    pdf.add_argument("bestand", type=Path, metavar="BESTAND", help="waar de PDF komt")
    pdf.add_argument(
        "--professional",
        action="store_true",
        help="de samenvatting voor het klantdossier in plaats van de PDF voor de klant",
    )
    pdf.set_defaults(func=_pdf, alleen_lezen=True)

    weg = opdrachten.add_parser(
        "verwijder",
        help="verwijder een gesprek (met --ja)",
        description="Verwijder een gesprek met zijn korte lijst. Dit kan niet ongedaan worden "
        "gemaakt; daarom is --ja nodig.",
    )
    weg.add_argument("id", metavar="ID", help="nummer van het gesprek")
    weg.add_argument("--ja", action="store_true", help="ja, verwijder het echt")
    weg.set_defaults(func=_verwijder)

    termijn = opdrachten.add_parser(
        "bewaartermijn",
        help="toon of zet hoe lang klantreferenties bewaard blijven",
        description="Na de bewaartermijn wist de keuzehulp de klantreferentie van een gesprek. "
        "De rest blijft anoniem bewaard voor de cijfers. Zonder MAANDEN ziet u de termijn; "
        "met MAANDEN zet u hem (alleen beheerders) en wordt hij meteen toegepast.",
    )
    termijn.add_argument(
        "maanden",
        nargs="?",
        metavar="MAANDEN",
        help=f"nieuwe termijn in maanden ({MIN_BEWAARTERMIJN} tot en met {MAX_BEWAARTERMIJN})",
    )
    termijn.set_defaults(func=_bewaartermijn)

    from keuzehulp.cli.terugblik import registreer_gesprek

    registreer_gesprek(opdrachten)


def _lijst(args: argparse.Namespace) -> int:
    with catalogus_uit_args(args) as opstart:
        regels = zoek_gesprekken(opstart.database, args.zoek)
    if not regels:
        if args.zoek.strip():
            print(f"Geen gesprekken gevonden met ‘{args.zoek.strip()}’.")
        else:
            print("Er zijn nog geen gesprekken bewaard.")
        return 0
    print(f"{'id':>4}  {'datum':<10}  {'tijd':<5}  {'coach':<20}  {'doel':<40}  keuze")
    for r in regels:
        tijd = r.lokale_tijd
        print(
            f"{r.id:>4}  {tijd:%d-%m-%Y}  {tijd:%H:%M}  {r.coach[:20]:<20}  {r.doel[:40]:<40}  "
            f"{r.keuze or '(nog geen keuze)'}"
        )
    return 0


def _pdf(args: argparse.Namespace) -> int:
    nummer = _gespreksnummer(args.id)
    with catalogus_uit_args(args) as opstart:
        rapport = verzamel(opstart.database, nummer)
        gebruiker = opstart.gebruiker
    if args.professional:
        pad = schrijf_professionele_pdf(rapport, args.bestand)
        print(f"Samenvatting voor het klantdossier geschreven: {pad}")
        return 0
    controleer_korte_lijst(len(rapport.opties))
    controleer_pad(args.bestand, ".pdf")
    if rapport.profiel is None:
        coach = rapport.gesprek.coach
        wie = "" if coach == gebruiker else f'--gebruiker "{coach}" '
        raise InvoerFout(
            f"{GEEN_PROFIEL} Dat doet u met: keuzehulp {wie}coach --naam NAAM "
            "--telefoon NUMMER --email ADRES --organisatie ORGANISATIE"
        )
    pad = schrijf_klant_pdf(rapport, args.bestand)
    print(f"PDF voor de klant geschreven: {pad}")
    return 0


def _verwijder(args: argparse.Namespace) -> int:
    nummer = _gespreksnummer(args.id)
    if not args.ja:
        raise InvoerFout(
            f"Gesprek {nummer} verwijderen kan niet ongedaan worden gemaakt. Weet u het zeker? "
            f"Geef dan: keuzehulp gesprek verwijder {nummer} --ja"
        )
    with catalogus_uit_args(args) as opstart:
        verwijder_gesprek(opstart.database, nummer)
    print(f"Gesprek {nummer} is verwijderd.")
    return 0


def _maanden(tekst: str) -> int:
    if not (tekst.strip().isascii() and tekst.strip().isdigit()):
        raise InvoerFout(
            f"Bewaartermijn: ‘{tekst}’ is geen aantal maanden. Geef een getal van "
            f"{MIN_BEWAARTERMIJN} tot en met {MAX_BEWAARTERMIJN}, bijvoorbeeld 12."
        )
    return int(tekst)


def _bewaartermijn(args: argparse.Namespace) -> int:
    nieuw = None if args.maanden is None else _maanden(args.maanden)
    with catalogus_uit_args(args) as opstart:
        db = opstart.database
        if nieuw is not None:
            zet_bewaartermijn(db, nieuw, opstart.gebruiker)
            gewist = pas_bewaartermijn_toe(db)
        maanden = bewaartermijn(db)
    print(
        f"Bewaartermijn: {maanden} maanden. Daarna wordt de klantreferentie van een gesprek "
        "gewist; de rest blijft anoniem bewaard."
    )
    if nieuw is not None and gewist:
        wat = "1 gesprek" if gewist == 1 else f"{gewist} gesprekken"
        print(f"De termijn is meteen toegepast: bij {wat} is de klantreferentie gewist.")
    elif nieuw is not None:
        print("De termijn is meteen toegepast: er was geen klantreferentie te wissen.")
    return 0
