"""`keuzehulp log controleer`: check the mutation log's hash chain and name the first break."""

from __future__ import annotations

import argparse
import sys

from keuzehulp.cli.common import SubParsers, catalogus_uit_args
from keuzehulp.services.beheer.mutatielog import controleer_keten, keten_melding

# Exit status of a broken chain: not a usage error (2) and not a failing database (1).
KETEN_GEBROKEN = 3


def registreer_subopdrachten(log_parser: argparse.ArgumentParser) -> None:
    """Add `controleer` under `keuzehulp log` (which without a subcommand shows the log)."""
    acties: SubParsers = log_parser.add_subparsers(
        title="acties", metavar="ACTIE", required=False, prog=log_parser.prog
    )
    p = acties.add_parser(
        "controleer",
        prog=f"{log_parser.prog} controleer",
        help="controleer of niemand het mutatielog buiten de keuzehulp om heeft gewijzigd",
        description=(
            "Elke regel van het mutatielog draagt een hash over zijn inhoud en de hash van de "
            "regel ervoor. Deze controle rekent de hele keten na en noemt de eerste regel die "
            "niet klopt. Uitkomst 0: in orde; 3: de keten is gebroken."
        ),
    )
    p.set_defaults(func=_controleer)


def _controleer(args: argparse.Namespace) -> int:
    with catalogus_uit_args(args) as opstart:
        uitkomst = controleer_keten(opstart.database)
    if uitkomst.in_orde:
        print(keten_melding(uitkomst))
        return 0
    print(f"keuzehulp: {keten_melding(uitkomst)}", file=sys.stderr)
    return KETEN_GEBROKEN
