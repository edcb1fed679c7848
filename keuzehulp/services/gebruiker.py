"""Who is working: the operating-system login, unless configured otherwise."""

from __future__ import annotations

import getpass
import os

from keuzehulp.services.privacy import controleer_geen_bsn

ENV_GEBRUIKER = "KEUZEHULP_GEBRUIKER"


def huidige_gebruiker(optie: str | None = None) -> str:
    """`--gebruiker` wins over KEUZEHULP_GEBRUIKER, which wins over the login name.

    The name lands in the append-only mutation log, so a typed one that holds a BSN is refused.
    """
    for kandidaat in (optie, os.environ.get(ENV_GEBRUIKER)):
        if kandidaat and kandidaat.strip():
            controleer_geen_bsn(kandidaat, "Gebruiker")
            return kandidaat.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def gekozen_gebruiker(optie: str | None = None) -> str | None:
    """The name chosen with `--gebruiker` or KEUZEHULP_GEBRUIKER (checked), or None.

    None lets the opened database decide: the OS login on SQLite, the database login on
    PostgreSQL (where a chosen name is refused for anyone but the owner).
    """
    for kandidaat in (optie, os.environ.get(ENV_GEBRUIKER)):
        if kandidaat and kandidaat.strip():
            controleer_geen_bsn(kandidaat, "Gebruiker")
            return kandidaat.strip()
    return None
