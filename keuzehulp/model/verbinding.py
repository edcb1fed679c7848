"""The connection setting of one user: the address of the shared database, without password.

Stored as JSON in the user's configuration folder (platformdirs), so each coach on a shared
computer has their own. A password never goes into it: PostgreSQL reads it from its own
password file (~/.pgpass, on Windows %APPDATA%\\postgresql\\pgpass.conf) or uses a
certificate, so no setting, log line or message ever holds it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import platformdirs

from keuzehulp.model.bestanden import schrijf_atomair
from keuzehulp.model.errors import InvoerFout

BESTANDSNAAM = "verbinding.json"
_WACHTWOORD = re.compile(r"(://[^:/@?#]*):([^@/?#]*)@")


def instellingenbestand() -> Path:
    """Where this user's connection setting lives."""
    map_ = Path(platformdirs.user_config_dir("keuzehulp", appauthor=False))
    return map_ / BESTANDSNAAM


def zonder_wachtwoord(tekst: str) -> str:
    """A database address as text with any password replaced by ***, for messages."""
    return _WACHTWOORD.sub(r"\1:***@", tekst)


def heeft_wachtwoord(tekst: str) -> bool:
    return _WACHTWOORD.search(tekst) is not None or "password=" in tekst.lower()


def lees_adres() -> str | None:
    """The stored address, or None when there is none (or the file is unreadable)."""
    try:
        gegevens = json.loads(instellingenbestand().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    adres = gegevens.get("database") if isinstance(gegevens, dict) else None
    return adres.strip() if isinstance(adres, str) and adres.strip() else None


def bewaar_adres(adres: str) -> Path:
    """Store the address for this user (written whole, or not at all); returns the file.

    Raises InvoerFout for an empty address or one with a password in it.
    """
    adres = adres.strip()
    if not adres:
        raise InvoerFout(
            "Geef het adres van de database, bijvoorbeeld "
            "postgresql+psycopg://anna@server/keuzehulp?sslmode=verify-full."
        )
    if heeft_wachtwoord(adres):
        raise InvoerFout(
            "Het adres bevat een wachtwoord. Dat wordt niet bewaard. Laat het wachtwoord weg "
            "en zet het in het wachtwoordbestand van PostgreSQL (~/.pgpass; op Windows "
            "%APPDATA%\\postgresql\\pgpass.conf), of gebruik een certificaat."
        )
    doel = instellingenbestand()
    doel.parent.mkdir(parents=True, exist_ok=True)
    schrijf_atomair(doel, json.dumps({"database": adres}, indent=2) + "\n")
    return doel


def wis_adres() -> bool:
    """Forget the stored address; True when there was one."""
    try:
        instellingenbestand().unlink()
    except FileNotFoundError:
        return False
    return True
