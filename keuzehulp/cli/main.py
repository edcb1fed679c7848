"""Entry point `keuzehulp`: no subcommand opens the window, a subcommand works headless."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from keuzehulp import __version__
from keuzehulp.cli.parser import DutchArgumentParser

if TYPE_CHECKING:
    from keuzehulp.cli.common import Opdracht

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
    "keuzehulp.cli.database",
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


def _globale_opties(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database-adres, bijvoorbeeld sqlite:////pad/keuzehulp.sqlite "
        "(standaard: KEUZEHULP_DATABASE_URL, anders een bestand in je gegevensmap)",
    )
    parser.add_argument(
        "--gebruiker",
        metavar="NAAM",
        help="wie dit doet, voor het mutatielog (standaard: KEUZEHULP_GEBRUIKER of je login; "
        "op een gedeelde PostgreSQL-database ben je altijd je databaselogin)",
    )
    parser.add_argument("-v", "--uitgebreid", action="store_true", help="toon meer meldingen")


# The options of `keuzehulp` itself, which argparse only accepts before the command; those
# taking a value take the next word (or `=value`).
GLOBALE_OPTIES: dict[str, bool] = {"--database": True, "--gebruiker": True,
                                   "-v": False, "--uitgebreid": False}  # fmt: skip


def _verplaatst(argv: Sequence[str], rest: Sequence[str]) -> tuple[list[str], list[str]]:
    """(global options found among the unrecognised words, the command line with them moved
    to the front). Only words argparse left over are moved; the others keep their order."""
    voor: list[str] = []
    overig: list[str] = []
    namen: list[str] = []
    over = list(rest)
    woorden = list(argv)
    i = 0
    while i < len(woorden):
        woord = woorden[i]
        naam = woord.split("=", 1)[0]
        if naam in GLOBALE_OPTIES and woord in over:
            over.remove(woord)
            voor.append(woord)
            namen.append(naam)
            if GLOBALE_OPTIES[naam] and "=" not in woord and i + 1 < len(woorden):
                i += 1
                if woorden[i] in over:
                    over.remove(woorden[i])
                voor.append(woorden[i])
        else:
            overig.append(woord)
        i += 1
    return namen, voor + overig


class _HoofdParser(DutchArgumentParser):
    """The top parser: a global option after the command gets a message that says so."""

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        argv = list(sys.argv[1:] if args is None else args)
        resultaat, rest = self.parse_known_args(argv, namespace)
        if rest:
            melding = "onbekende argumenten: " + " ".join(rest)
            namen, goed = _verplaatst(argv, rest)
            if namen:
                uniek = list(dict.fromkeys(namen))
                wie = " en ".join(uniek) + (" hoort" if len(uniek) == 1 else " horen")
                melding += (
                    f"\n{wie} vóór de opdracht, direct na ‘keuzehulp’. "
                    f"Probeer: keuzehulp {shlex.join(goed)}"
                )
            self.error(melding)
        return resultaat


def maak_parser() -> argparse.ArgumentParser:
    parser = _HoofdParser(prog="keuzehulp", description=OMSCHRIJVING, epilog=VOORBEELDEN)
    parser.add_argument(
        "--version", action="version", version=f"keuzehulp {__version__}", help="toon de versie"
    )
    _globale_opties(parser)
    sub = parser.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    for naam in COMMANDOMODULES:
        importlib.import_module(naam).registreer(sub)
    return parser


def _alleen_venster(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The global options when the command line opens the window, else None.

    Opening the window is the common start: it must not import every command module (and
    openpyxl and reportlab behind them). Anything else (a command, --help, a typo) goes
    through the full parser, which says what is wrong.
    """
    kort = _StilleParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    _globale_opties(kort)
    try:
        args, rest = kort.parse_known_args(sys.argv[1:] if argv is None else list(argv))
    except (argparse.ArgumentError, _Anders):
        return None
    return None if rest else args


class _Anders(Exception):
    """The short parser's way of saying: let the full parser handle this command line."""


class _StilleParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Anders(message)


def main(argv: Sequence[str] | None = None) -> int:
    args = _alleen_venster(argv) or maak_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.uitgebreid else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    func = getattr(args, "func", None)
    if func is None:
        # The window paints before SQLAlchemy, pydantic and the services are imported: they
        # load in a thread after the first paint (ui/lancering.py).
        from keuzehulp.ui.app import start_gui

        return start_gui(args.database, args.gebruiker)
    return voer_uit(func, args)


# Exit status when the reader of our output went away (`keuzehulp zoek | head`): 128 + SIGPIPE,
# as a shell reports a program ended by a broken pipe.
AFGEBROKEN_PIJP = 141


def voer_uit(func: Opdracht, args: argparse.Namespace) -> int:
    """Run a subcommand; every way it can fail ends in one Dutch line on stderr.

    0/its own code when it succeeds; 1 a user error or an environment fault (locked, full disk,
    damaged, read-only, no server: `foutsoorten`); 130 Ctrl-C; 141 output closed by the reader
    (quietly); 70 a bug, whose details go to the log file the message names (raised with -v).
    """
    try:
        resultaat: int = func(args)
        sys.stdout.flush()  # a closed pipe shows here, not in Python's exit handler
    except BrokenPipeError:
        return _stil_na_gesloten_pijp()
    except KeyboardInterrupt:
        print("keuzehulp: afgebroken", file=sys.stderr)
        return 130
    except Exception as fout:
        # Imported here: starting the window should not pay for the command line's errors.
        from keuzehulp.model.foutsoorten import als_melding
        from keuzehulp.services.foutverslag import programmafout_melding, schrijf_verslag

        melding = als_melding(fout)
        if melding is not None:
            print(f"keuzehulp: {melding.melding}", file=sys.stderr)
            return 1
        if args.uitgebreid:
            raise
        pad = schrijf_verslag(fout, "opdracht: " + " ".join(sys.argv[1:])[:200])
        print(f"keuzehulp: {programmafout_melding(pad)}", file=sys.stderr)
        return 70
    return resultaat


def _stil_na_gesloten_pijp() -> int:
    """The reader closed the pipe: stop without a message. Point stdout at /dev/null so that
    Python's final flush does not complain (Python documentation, "Note on SIGPIPE")."""
    try:
        leeg = os.open(os.devnull, os.O_WRONLY)
        os.dup2(leeg, sys.stdout.fileno())
        os.close(leeg)
    except (OSError, ValueError):
        pass
    return AFGEBROKEN_PIJP


if __name__ == "__main__":
    sys.exit(main())
