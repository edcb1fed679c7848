"""Text folding and Dutch number and date formats, shared by import, search and display."""

from __future__ import annotations

import datetime as dt
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


def datum(waarde: dt.date | dt.datetime, *, met_tijd: bool = False) -> str:
    """A day as every screen, list and export shows it: 30-11-2026 (never 2026-11-30).

    A datetime is shown in the computer's time zone (one without a zone is taken as UTC, as
    the database stores moments), with the time ("30-11-2026 14:05") when `met_tijd`.
    """
    if isinstance(waarde, dt.datetime):
        lokaal = (waarde if waarde.tzinfo else waarde.replace(tzinfo=dt.UTC)).astimezone()
        return lokaal.strftime("%d-%m-%Y %H:%M" if met_tijd else "%d-%m-%Y")
    return waarde.strftime("%d-%m-%Y")


_ISO_DATUM = r"\d{4}-\d{2}-\d{2}"
_ISO_DATUMS = re.compile(rf"{_ISO_DATUM}(?:; {_ISO_DATUM})*")
_ISO_MOMENT = re.compile(
    rf"{_ISO_DATUM}[T ]\d{{2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?"
)


def iso_getoond(tekst: str | None) -> str | None:
    """A stored ISO text as screens show dates (`datum`); any other text unchanged.

    "2026-11-30" -> "30-11-2026"; "2026-01-05; 2026-03-01" (start dates) -> "05-01-2026;
    01-03-2026"; a moment "2026-11-30T13:05:00+00:00" -> "30-11-2026 14:05" (local time).
    Texts that only contain a date among other words are left alone.
    """
    if tekst is None:
        return None
    schoon = tekst.strip()
    try:
        if _ISO_DATUMS.fullmatch(schoon):
            return "; ".join(datum(dt.date.fromisoformat(d)) for d in schoon.split("; "))
        if _ISO_MOMENT.fullmatch(schoon):
            return datum(dt.datetime.fromisoformat(schoon.replace("Z", "+00:00")), met_tijd=True)
    except ValueError:  # looks like a date but is none (2026-13-45): shown as stored
        return tekst
    return tekst
