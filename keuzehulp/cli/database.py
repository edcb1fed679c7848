"""`keuzehulp database init|upgrade|rol`: set up a shared PostgreSQL catalogue (the owner only)."""

from __future__ import annotations

import argparse
import shlex

from keuzehulp.cli.common import SubParsers
from keuzehulp.model import verbinding
from keuzehulp.model.postgres import ROL_NAMEN, ROLLEN
from keuzehulp.services import organisatie

UITLEG = """\
Voor de applicatiebeheerder van een gedeelde PostgreSQL-database. Log in als de eigenaar van
de database (geef het adres met --database of KEUZEHULP_DATABASE_URL, zonder wachtwoord: zet
dat in ~/.pgpass). Een SQLite-bestand heeft deze opdrachten niet nodig.
"""


def registreer(sub: SubParsers) -> None:
    _registreer_database(sub)
    _registreer_verbinding(sub)


def _registreer_verbinding(sub: SubParsers) -> None:
    p = sub.add_parser(
        "verbinding",
        prog="keuzehulp verbinding",
        help="uw vaste database-adres: toon, stel in of wis (zonder wachtwoord)",
        description=(
            "Het adres van de gedeelde database, alleen voor u bewaard. Zonder --database en "
            "KEUZEHULP_DATABASE_URL opent de keuzehulp dit adres. Een wachtwoord hoort niet in "
            "het adres: zet het in ~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf)."
        ),
    )
    p.set_defaults(func=_verbinding_toon)
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=False, prog=p.prog)
    instellen = acties.add_parser("instellen", help="bewaar het adres voor u")
    instellen.add_argument(
        "adres",
        metavar="ADRES",
        help="bijvoorbeeld postgresql+psycopg://anna@server/keuzehulp?sslmode=verify-full",
    )
    instellen.set_defaults(func=_verbinding_instellen)
    wissen = acties.add_parser("wissen", help="vergeet het adres (weer de eigen database)")
    wissen.set_defaults(func=_verbinding_wissen)


def _verbinding_toon(_args: argparse.Namespace) -> int:
    adres = verbinding.lees_adres()
    if adres is None:
        print("Er is geen vast database-adres ingesteld: de keuzehulp gebruikt de eigen database.")
    else:
        print(f"Vast database-adres: {verbinding.zonder_wachtwoord(adres)}")
    print(f"Instellingenbestand: {verbinding.instellingenbestand()}")
    return 0


def _verbinding_instellen(args: argparse.Namespace) -> int:
    pad = organisatie.bewaar_verbinding(args.adres)
    print(f"Bewaard in {pad}. De keuzehulp opent voortaan {args.adres.strip()}.")
    return 0


def _verbinding_wissen(_args: argparse.Namespace) -> int:
    if verbinding.wis_adres():
        print("Het vaste database-adres is gewist. De keuzehulp gebruikt weer de eigen database.")
    else:
        print("Er was geen vast database-adres ingesteld.")
    return 0


def _registreer_database(sub: SubParsers) -> None:
    p = sub.add_parser(
        "database",
        prog="keuzehulp database",
        help="gedeelde PostgreSQL-database inrichten en bijwerken (applicatiebeheerder)",
        description=UITLEG,
    )
    acties = p.add_subparsers(title="acties", metavar="ACTIE", required=True, prog=p.prog)
    init = acties.add_parser(
        "init",
        help="maak de tabellen, de rollen en hun rechten (veilig om te herhalen)",
        description=UITLEG
        + f"\nMaakt de tabellen, de standaardgegevens en de rollen {', '.join(ROLLEN)}.",
    )
    init.add_argument(
        "--voorbeeld", action="store_true", help="vul een nieuwe catalogus met de voorbeelden"
    )
    init.set_defaults(func=_init)
    upgrade = acties.add_parser(
        "upgrade",
        help="werk het schema bij naar deze versie van de keuzehulp en zet de rechten opnieuw",
        description=UITLEG + "\nMaak eerst een reservekopie met pg_dump.",
    )
    upgrade.set_defaults(func=_upgrade)
    rol = acties.add_parser(
        "rol",
        help="geef een bestaande login een rol (werkcoach, beheerder of inzicht)",
        description=UITLEG,
    )
    rol.add_argument("login", metavar="LOGIN", help="de inlognaam op de databaseserver")
    rol.add_argument(
        "rol", metavar="ROL", choices=tuple(ROL_NAMEN), help="werkcoach, beheerder of inzicht"
    )
    rol.add_argument("--intrekken", action="store_true", help="neem de rol weer af")
    rol.set_defaults(func=_rol)


def _init(args: argparse.Namespace) -> int:
    uitkomst = organisatie.richt_in(args.database, voorbeeld=args.voorbeeld)
    for melding in uitkomst.meldingen:
        print(f"keuzehulp: {melding}")
    if uitkomst.vorige_revisie is None:
        print(f"De database is ingericht (schema {uitkomst.revisie}).")
    else:
        print(
            f"De database was al ingericht (schema {uitkomst.vorige_revisie}); nu schema "
            f"{uitkomst.revisie}, rechten opnieuw gezet."
        )
    print(f"Eigenaar: {uitkomst.eigenaar}. Rollen: {', '.join(ROLLEN)}.")
    print("Geef elke coach een eigen login met een rol, bijvoorbeeld:")
    print(f"  keuzehulp --database {shlex.quote(uitkomst.adres)} database rol anna werkcoach")
    return 0


def _upgrade(args: argparse.Namespace) -> int:
    uitkomst = organisatie.werk_bij(args.database)
    if uitkomst.vorige_revisie == uitkomst.revisie:
        print(f"Het schema was al bij (schema {uitkomst.revisie}); rechten opnieuw gezet.")
    else:
        print(
            f"Het schema is bijgewerkt van {uitkomst.vorige_revisie} naar {uitkomst.revisie}; "
            "rechten opnieuw gezet."
        )
    return 0


def _rol(args: argparse.Namespace) -> int:
    print(organisatie.ken_rol_toe(args.database, args.login, args.rol, intrekken=args.intrekken))
    return 0
