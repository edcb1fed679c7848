"""`keuzehulp info`: where the data lives and what is in it."""

from __future__ import annotations

import argparse

from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.services.catalogus_info import catalogus_info


def registreer(sub: SubParsers) -> None:
    p = sub.add_parser("info", help="toon waar de gegevens staan en wat erin zit")
    p.set_defaults(func=_info, alleen_lezen=True)


def _info(args: argparse.Namespace) -> int:
    with catalogus_uit_args(args) as opstart:
        info = catalogus_info(opstart.database)
    print(f"Database:        {info.locatie}")
    print(f"Schemaversie:    {info.schema}")
    print(f"Gebruiker:       {opstart.gebruiker}")
    if opstart.sessie is not None:  # a shared PostgreSQL database: the role it enforces
        print(f"Rol:             {opstart.sessie.rol_tekst}")
    print(
        f"Instrumenten:    {info.actief} actief, {info.geparkeerd} geparkeerd, "
        f"{info.concept} concept"
    )
    print(f"Kenmerken:       {info.kenmerken}")
    print(f"Mutaties in log: {info.mutaties}")
    return 0
