"""Who is working: the operating-system login, unless configured otherwise."""

from __future__ import annotations

import getpass
import os

ENV_GEBRUIKER = "KEUZEHULP_GEBRUIKER"


def huidige_gebruiker(optie: str | None = None) -> str:
    """`--gebruiker` wins over KEUZEHULP_GEBRUIKER, which wins over the login name."""
    for kandidaat in (optie, os.environ.get(ENV_GEBRUIKER)):
        if kandidaat and kandidaat.strip():
            return kandidaat.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"
