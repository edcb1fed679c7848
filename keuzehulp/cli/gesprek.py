"""`keuzehulp gesprek lijst` and `keuzehulp gesprek pdf ID BESTAND [--professional]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.model.errors import InvoerFout
from keuzehulp.services.gesprek import GesprekService, controleer_korte_lijst
from keuzehulp.services.rapport.gegevens import verzamel
from keuzehulp.services.rapport.klant import schrijf_klant_pdf
from keuzehulp.services.rapport.professioneel import schrijf_professionele_pdf


def _gespreksnummer(tekst: str) -> int:
    nummer = int(tekst) if tekst.isdigit() else 0
    if nummer < 1:
        raise InvoerFout(
            f"‘{tekst}’ is geen gespreksnummer. Het nummer staat in de eerste kolom van "
            "‘keuzehulp gesprek lijst’."
        )
    return nummer


def registreer(sub: SubParsers) -> None:
    gesprek = sub.add_parser("gesprek", help="bewaarde keuzegesprekken tonen en afdrukken")
    opdrachten = gesprek.add_subparsers(title="opdrachten", metavar="OPDRACHT", required=True)

    lijst = opdrachten.add_parser("lijst", help="toon de bewaarde gesprekken")
    lijst.set_defaults(func=_lijst)

    pdf = opdrachten.add_parser("pdf", help="maak de PDF van een gesprek")
    pdf.add_argument("id", metavar="ID", help="nummer van het gesprek")
    pdf.add_argument("bestand", type=Path, metavar="BESTAND", help="waar de PDF komt")
    pdf.add_argument(
        "--professional",
        action="store_true",
        help="de samenvatting voor het klantdossier in plaats van de PDF voor de klant",
    )
    pdf.set_defaults(func=_pdf)


def _lijst(args: argparse.Namespace) -> int:
    with catalogus_uit_args(args) as opstart:
        regels = GesprekService(opstart.database).lijst()
    if not regels:
        print("Er zijn nog geen gesprekken bewaard.")
        return 0
    print(f"{'id':>4}  {'datum':<10}  {'coach':<16}  {'doel':<40}  keuze")
    for r in regels:
        print(
            f"{r.id:>4}  {r.datum:%d-%m-%Y}  {r.coach[:16]:<16}  {r.doel[:40]:<40}  "
            f"{r.keuze or '(nog geen keuze)'}"
        )
    return 0


def _pdf(args: argparse.Namespace) -> int:
    nummer = _gespreksnummer(args.id)
    with catalogus_uit_args(args) as opstart:
        rapport = verzamel(opstart.database, nummer)
    if args.professional:
        pad = schrijf_professionele_pdf(rapport, args.bestand)
        print(f"Samenvatting voor het klantdossier geschreven: {pad}")
    else:
        # The client compares options: a draft with fewer than two is not ready for the client.
        controleer_korte_lijst(len(rapport.opties))
        pad = schrijf_klant_pdf(rapport, args.bestand)
        print(f"PDF voor de klant geschreven: {pad}")
    return 0
