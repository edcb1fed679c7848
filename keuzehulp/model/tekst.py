"""Text folding and Dutch number formats, shared by import, search and display."""

from __future__ import annotations

import re
import unicodedata

_NIET_ALFANUMERIEK = re.compile(r"[^0-9a-z]+")
_WITRUIMTE = re.compile(r"\s+")


def zonder_accenten(tekst: str) -> str:
    """Remove diacritics: 'oriëntatie' -> 'orientatie'."""
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in ontleed if not unicodedata.combining(c))


def vouw(tekst: str) -> str:
    """Fold case, accents, spaces and punctuation: 'Beroepsoriëntatie ' == 'beroeps-orientatie'."""
    return _NIET_ALFANUMERIEK.sub("", zonder_accenten(tekst).casefold())


def zoekvorm(tekst: str) -> str:
    """Fold case and accents, keep words apart: for free-text search."""
    return _WITRUIMTE.sub(" ", zonder_accenten(tekst).casefold()).strip()


def naam_sleutel(naam: str) -> str:
    """The key under which instrument names must be unique: case, accents and spaces ignored."""
    return _WITRUIMTE.sub("", zonder_accenten(naam).casefold())


def bedrag(centen: int) -> str:
    """Format cents the Dutch way: 125000 -> '€ 1.250,00'."""
    teken = "-" if centen < 0 else ""
    euro, cent = divmod(abs(centen), 100)
    duizendtallen = f"{euro:,}".replace(",", ".")
    return f"€ {teken}{duizendtallen},{cent:02d}"


def cijfer(waarde: float) -> str:
    """Format a report mark with a decimal comma: 7.5 -> '7,5'."""
    return f"{waarde:.1f}".replace(".", ",")
