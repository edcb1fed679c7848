"""Entry point `keuzehulp`: no subcommand opens the window, a subcommand works headless."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from keuzehulp import __version__
from keuzehulp.cli.parser import DutchArgumentParser
from keuzehulp.model.errors import KeuzehulpError

# Each module registers its subcommands with `registreer(subparsers)`; a subcommand sets
# `func(args) -> int` as its default.
COMMANDOMODULES: tuple[str, ...] = (
    "keuzehulp.cli.info",
    "keuzehulp.cli.bronbestand",
    "keuzehulp.cli.zoek",
    "keuzehulp.cli.gesprek",
    "keuzehulp.cli.coach",
    "keuzehulp.cli.beheer",
    "keuzehulp.cli.terugblik",
    "keuzehulp.cli.inzicht",
)

OMSCHRIJVING = """\
Keuzehulp re-integratie-instrumenten.

Zonder opdracht opent het venster. Met een opdracht werkt de keuzehulp zonder venster.
"""

VOORBEELDEN = """\
voorbeelden:
  keuzehulp                                  open het venster
  keuzehulp info                             waar staan de gegevens?
  keuzehulp --database sqlite:////tmp/k.sqlite info
"""


def maak_parser() -> argparse.ArgumentParser:
    parser = DutchArgumentParser(prog="keuzehulp", description=OMSCHRIJVING, epilog=VOORBEELDEN)
    parser.add_argument(
        "--version", action="version", version=f"keuzehulp {__version__}", help="toon de versie"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database-adres, bijvoorbeeld sqlite:////pad/keuzehulp.sqlite "
        "(standaard: KEUZEHULP_DATABASE_URL, anders een bestand in je gegevensmap)",
    )
    parser.add_argument(
        "--gebruiker",
        metavar="NAAM",
        help="wie dit doet, voor het mutatielog (standaard: KEUZEHULP_GEBRUIKER of je login)",
    )
    parser.add_argument("-v", "--uitgebreid", action="store_true", help="toon meer meldingen")
    sub = parser.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    for naam in COMMANDOMODULES:
        importlib.import_module(naam).registreer(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = maak_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.uitgebreid else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func = getattr(args, "func", None)
    if func is None:
        from keuzehulp.ui.app import start_gui

        return start_gui(args.database, args.gebruiker)
    try:
        resultaat: int = func(args)
    except KeuzehulpError as fout:
        print(f"keuzehulp: {fout.melding}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("keuzehulp: afgebroken", file=sys.stderr)
        return 130
    except Exception:
        if args.uitgebreid:
            raise
        print(
            "keuzehulp: onverwachte programmafout; draai opnieuw met -v en meld de uitvoer.",
            file=sys.stderr,
        )
        return 70
    return resultaat


if __name__ == "__main__":
    sys.exit(main())
