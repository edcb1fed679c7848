"""Typed-in search values (codes, names, amounts) read leniently, with Dutch errors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

from keuzehulp.model.errors import InvoerFout
from keuzehulp.model.tekst import vouw
from keuzehulp.services.bedrag import centen_uit_tekst


def lees_bedrag(tekst: str) -> int:
    """A typed-in maximum amount as cents, read by services.bedrag (as import and editor do).

    '1.250' -> 125000, '1250,50' -> 125050, '€ 75,-' -> 7500, 'gratis' -> 0. Raises
    InvoerFout (Dutch) for a text that is no amount or a negative amount.
    """
    centen = centen_uit_tekst(tekst)
    if centen is None or centen < 0:
        raise InvoerFout(f"'{tekst}' is geen bedrag. Schrijf bijvoorbeeld 1250, 1.250 of 1250,50.")
    return centen


def dichtstbij(invoer: str, keuzes: Iterable[str]) -> str | None:
    """The valid value most like what was typed (folded), if any is reasonably close."""
    lijst = list(keuzes)
    beste = process.extractOne(vouw(invoer), {k: vouw(k) for k in lijst}, scorer=fuzz.WRatio)
    if beste is None or beste[1] < 50:
        return None
    return str(beste[2])


def kies(fout: str, invoer: str, opties: Mapping[str, tuple[str, ...]]) -> str:
    """The option key whose key or one of its names matches `invoer` folded; else InvoerFout.

    `opties` maps each key to the texts it may be called by; the first is how the error
    message names it, e.g. {"1.7": ("1.7 Zelfinzicht", "Zelfinzicht")}. `fout` starts the
    message, e.g. "Onbekend kenmerk".
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
    if beste is None:
        keuzes = [(namen or (sleutel,))[0] for sleutel, namen in opties.items()]
        lijst = f" Kies uit: {', '.join(keuzes)}." if 0 < len(keuzes) <= 12 else ""
        raise InvoerFout(f"{fout} '{invoer}'.{lijst}")
    sleutel = alle[beste]
    naam = (opties[sleutel] or (sleutel,))[0]
    raise InvoerFout(f"{fout} ‘{invoer}’. Bedoelt u ‘{naam}’?")


_CODE = re.compile(r"^\d+(?:\.\d+)*$")


def kies_kenmerk(invoer: str, namen: Mapping[str, str]) -> str:
    """A kenmerk by code or name (`namen`: code -> name); the error names the nearest one.

    For a code that does not exist, the nearest is the sibling with the closest number
    ("1.9" -> "1.7"), else its parent.
    """
    opties = {c: (f"{c} {n}", n) for c, n in namen.items()}
    schoon = invoer.strip()
    if schoon in namen or not _CODE.match(schoon):
        return kies("Onbekend kenmerk", invoer, opties)
    delen = schoon.split(".")
    ouder = ".".join(delen[:-1])
    broers = [c for c in namen if c.count(".") == schoon.count(".") and c.startswith(ouder)]
    if ouder and ouder not in namen:
        broers = []
    if broers:
        nummer = int(delen[-1])
        beste = min(broers, key=lambda c: (abs(int(c.split(".")[-1]) - nummer), c))
    else:
        beste = ouder if ouder in namen else min(namen, key=len, default="")
    hint = f" Bedoelt u ‘{opties[beste][0]}’?" if beste else ""
    raise InvoerFout(f"Onbekend kenmerk ‘{invoer}’.{hint}")
