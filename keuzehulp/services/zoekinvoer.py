"""Typed-in search values (codes, names, amounts) read leniently, with Dutch errors."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.tekst import vouw

_BEDRAG = re.compile(
    r"^(?:€\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2})|,-{1,2})?(?:\s*(?:euro|eur))?$"
)


def lees_bedrag(tekst: str) -> int:
    """Dutch money text to cents: '1.250' -> 125000, '1250,50' -> 125050, '€ 75,-' -> 7500."""
    schoon = tekst.strip().lower()
    if schoon in ("gratis", "0,-"):
        return 0
    gevonden = _BEDRAG.match(schoon)
    if gevonden is None:
        raise InvoerFout(f"'{tekst}' is geen bedrag. Schrijf bijvoorbeeld 1250, 1.250 of 1250,50.")
    euro = int(gevonden.group(1).replace(".", ""))
    cent = gevonden.group(2) or "0"
    return euro * 100 + int(cent.ljust(2, "0"))


def dichtstbij(invoer: str, keuzes: Iterable[str]) -> str | None:
    """The valid value most like what was typed (folded), if any is reasonably close."""
    lijst = list(keuzes)
    beste = process.extractOne(vouw(invoer), {k: vouw(k) for k in lijst}, scorer=fuzz.WRatio)
    if beste is None or beste[1] < 50:
        return None
    return str(beste[2])


def kies(soort: str, invoer: str, opties: dict[str, Iterable[str]]) -> str:
    """The option key whose code, name or label matches `invoer` folded; else InvoerFout.

    `opties` maps each key to the texts it may be called by (its code, name, label ...).
    """
    gezocht = vouw(invoer)
    for sleutel, namen in opties.items():
        if gezocht == vouw(sleutel) or any(gezocht == vouw(n) for n in namen):
            return sleutel
    alle: dict[str, str] = {}
    for sleutel, namen in opties.items():
        alle[sleutel] = sleutel
        for n in namen:
            alle[n] = sleutel
    beste = dichtstbij(invoer, alle)
    hint = f" Bedoel je '{beste}'?" if beste else ""
    raise InvoerFout(f"Onbekende {soort} '{invoer}'.{hint}")
