"""Typed-in search values (codes, names, amounts) read leniently, with Dutch errors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process, utils

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


# token_sort_ratio (0-100) on words, lowercased: `werk eerst vinden` 100 and `Lief first` 90
# against the routes, `Human capitol` 75; `werkfit` 35 and `werk` 43 are no typo of any route.
GELIJKENIS_STRENG = 72.0


def lijkt_op(invoer: str, keuzes: Iterable[str]) -> str | None:
    """The choice that is plainly a typo or reordering of `invoer`, else None.

    Stricter than `dichtstbij` (WRatio, score 50): for short closed lists such as the Fenger
    routes, where a far-fetched suggestion misleads more than none.
    """
    beste = process.extractOne(
        invoer,
        list(keuzes),
        scorer=fuzz.token_sort_ratio,
        processor=utils.default_process,
        score_cutoff=GELIJKENIS_STRENG,
    )
    return None if beste is None else str(beste[0])


def kies(
    fout: str, invoer: str, opties: Mapping[str, tuple[str, ...]], *, streng: bool = False
) -> str:
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
    beste = lijkt_op(invoer, alle) if streng else dichtstbij(invoer, alle)
    if beste is None:
        keuzes = [(namen or (sleutel,))[0] for sleutel, namen in opties.items()]
        lijst = f" Kies uit: {', '.join(keuzes)}." if 0 < len(keuzes) <= 12 else ""
        raise InvoerFout(f"{fout} '{invoer}'.{lijst}")
    sleutel = alle[beste]
    naam = (opties[sleutel] or (sleutel,))[0]
    if streng:
        keuzes = [(namen or (k,))[0] for k, namen in opties.items()]
        raise InvoerFout(f"{fout} ‘{invoer}’. Bedoelt u ‘{naam}’? Kies uit: {', '.join(keuzes)}.")
    raise InvoerFout(f"{fout} ‘{invoer}’. Bedoelt u ‘{naam}’?")


_CODE = re.compile(r"^\d+(?:\.\d+)*$")


def naaste_kenmerkcodes(code: str, codes: Iterable[str], aantal: int = 3) -> list[str]:
    """The `aantal` existing codes nearest to a typed code that does not exist, nearest first.

    `code` is dotted digits ("9.9"). Codes of the same depth come first (all codes when there
    are none); nearness compares level by level, the highest level weighing most: "1.9" ->
    ["1.7", "1.6", "1.5"], "9.9" -> ["5.3", "5.2", "5.1"], "3.1.9" -> ["3.1.6", ...].
    """
    gezocht = [int(d) for d in code.split(".")]
    lijst = [c for c in codes if _CODE.match(c)]
    zelfde = [c for c in lijst if c.count(".") == len(gezocht) - 1] or lijst

    def afstand(kandidaat: str) -> tuple[tuple[int, ...], str]:
        getallen = [int(d) for d in kandidaat.split(".")]
        lengte = max(len(getallen), len(gezocht))
        getallen += [0] * (lengte - len(getallen))
        doel = gezocht + [0] * (lengte - len(gezocht))
        return tuple(abs(a - b) for a, b in zip(getallen, doel, strict=True)), kandidaat

    return sorted(zelfde, key=afstand)[:aantal]


def kies_kenmerk(invoer: str, namen: Mapping[str, str]) -> str:
    """A kenmerk by code or name (`namen`: code -> name) -> its code; else InvoerFout (Dutch).

    A name is matched leniently and the error names the nearest one. A code that does not
    exist ("9.9") is said not to exist, with the nearest existing codes (naaste_kenmerkcodes)
    and how to see them all.
    """
    opties = {c: (f"{c} {n}", n) for c, n in namen.items()}
    schoon = invoer.strip()
    if schoon in namen or not _CODE.match(schoon):
        return kies("Onbekend kenmerk", invoer, opties)
    naaste = naaste_kenmerkcodes(schoon, namen)
    hint = ""
    if naaste:
        hint = " Het dichtstbij zijn: " + ", ".join(f"{opties[c][0]}" for c in naaste) + "."
    raise InvoerFout(
        f"Kenmerk ‘{schoon}’ bestaat niet.{hint} "
        "Alle kenmerken ziet u met ‘keuzehulp zoek --facetten’."
    )
