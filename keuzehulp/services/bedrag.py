"""The one reader of Dutch money texts: import, Beheer editor and search all use it.

Accepted (whole euros or with cents, with or without `€`, `EUR`, `euro`, `p.p.`):

- `€ 1.250,00`, `1.250`, `1250`, `1250,5`, `137.50` (a point with one or two digits is a
  decimal point; with three it groups thousands), `1 250,00` (spaces as thousands separator);
- whole euros written with a dash or an equals sign: `€ 1.250,-`, `1.250,--`, `€ 1.250,–`
  (en dash), `€ 1.250,—` (em dash), `€1.250,=`;
- `12 euro`, `EUR 12`, `€ 12 per persoon`;
- `gratis`, `kosteloos`, `geen kosten`, `niets`: 0.

Everything else (`op aanvraag`, `€ 1.250 excl. btw`, `1,250.00`) is not an amount: the caller
keeps it as text or reports it. The rules follow how Dutch price texts are written (Taaladvies,
"Bedragen": `€ 1.250,-` and the dash forms).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from keuzehulp.model.tekst import vouw

GRATIS_WOORDEN: frozenset[str] = frozenset({"gratis", "kosteloos", "geenkosten", "niets"})
"""Folded texts (`vouw`) that mean: costs nothing."""

_SPATIES = re.compile(r"[\s\u00a0\u202f\u2009\u2007]+")
_VOOR = re.compile(r"^(?:€|eur(?:o|o's|os)?)(?=[\s\d-])\s*", re.IGNORECASE)
_NA = re.compile(
    r"\s*(?:€|eur(?:o|o's|os)?)?\s*"
    r"(?:(?:p\.?\s?p\.?|per\s+(?:persoon|deelnemer|cliënt|client|kandidaat|traject)))?\s*$",
    re.IGNORECASE,
)
_HELE_EUROS = re.compile(r"[,.]\s*(?:[-\u2010-\u2015\u2212]{1,2}|=)$")
_NEDERLANDS = re.compile(r"\d{1,3}(?:[. ]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?")
_PUNT_DECIMAAL = re.compile(r"\d+\.\d{1,2}")
_MINTEKENS = "-\u2212\u2013"


def centen_uit_tekst(tekst: str) -> int | None:
    """A Dutch money text (see the module docstring) as cents; None when it is no amount.

    Negative amounts (`-25`, `€ -25,00`) come back negative: callers refuse them. Never
    raises.
    """
    schoon = _SPATIES.sub(" ", tekst).strip()
    if not schoon:
        return None
    if vouw(schoon) in GRATIS_WOORDEN:
        return 0
    teken = 1
    if schoon[0] in _MINTEKENS and len(schoon) > 1 and not _HELE_EUROS.fullmatch(schoon):
        teken, schoon = -1, schoon[1:].lstrip()
    schoon = _VOOR.sub("", schoon)
    if schoon and schoon[0] in _MINTEKENS and teken == 1:
        teken, schoon = -1, schoon[1:].lstrip()
    schoon = _NA.sub("", schoon)
    schoon = _HELE_EUROS.sub("", schoon).strip()
    if _NEDERLANDS.fullmatch(schoon):
        getal = schoon.replace(".", "").replace(" ", "").replace(",", ".")
    elif _PUNT_DECIMAAL.fullmatch(schoon):
        getal = schoon
    else:
        return None
    try:
        return teken * int((Decimal(getal) * 100).to_integral_value())
    except InvalidOperation:  # pragma: no cover - the patterns admit only digits
        return None


def centen_uit_getal(getal: int | float) -> int:
    """A number of euros (a numeric Excel cell) as cents, rounded half to even: 12.5 -> 1250.

    Raises ValueError for NaN or infinity.
    """
    try:
        return int((Decimal(str(getal)) * 100).to_integral_value())
    except InvalidOperation:
        raise ValueError(f"{getal} is geen bedrag") from None
