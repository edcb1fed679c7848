"""An argparse parser that speaks Dutch, also in its help and error messages."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

_VERTALINGEN: tuple[tuple[str, str], ...] = (
    (r"the following arguments are required: (.*)", r"deze argumenten ontbreken: \1"),
    (r"unrecognized arguments: (.*)", r"onbekende argumenten: \1"),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        r"bij \1: onbekende keuze \2 (kies uit \3)",
    ),
    (r"argument (\S+): expected one argument", r"bij \1 hoort een waarde"),
    (r"argument (\S+): invalid (\w+) value: (.*)", r"bij \1: ongeldige waarde \3"),
    (r"argument (\S+): not allowed with argument (.*)", r"\1 gaat niet samen met \2"),
    (r"ambiguous option: (.*)", r"optie is niet eenduidig: \1"),
)


def vertaal(melding: str) -> str:
    """Translate argparse's English error messages into Dutch."""
    for patroon, vervanging in _VERTALINGEN:
        if re.fullmatch(patroon, melding, flags=re.S):
            return re.sub(patroon, vervanging, melding, flags=re.S)
    # Messages raised by our own argument types are Dutch already; only the prefix is not.
    return re.sub(r"^argument (\S+): ", r"bij \1: ", melding)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Dutch section titles in --help."""

    def add_usage(
        self,
        usage: str | None,
        actions: object,
        groups: object,
        prefix: str | None = None,
    ) -> None:
        # argparse passes prefix "" when it builds a subcommand's prog: keep that empty.
        if prefix is None:
            prefix = "gebruik: "
        super().add_usage(usage, actions, groups, prefix)  # type: ignore[arg-type]


class DutchArgumentParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch help, section titles and errors (exit status 2 on misuse)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {vertaal(message)}\n")
