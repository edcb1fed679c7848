"""The structured practical fields as Dutch text, one wording for cards, detail, comparison and PDF.

Every function takes `klant`: False gives the coach's wording, True the client's (B1, "je").
A field the catalogue does not know is said as "onbekend", never left out silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from keuzehulp.model.tekst import bedrag

ONBEKEND = "onbekend"
MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def datum_tekst(datum: dt.date) -> str:
    """A date the Dutch way: 2027-01-11 -> '11 januari 2027'."""
    return f"{datum.day} {MAANDEN[datum.month - 1]} {datum.year}"


def getal_tekst(waarde: float) -> str:
    """A number with a decimal comma and no trailing zero: 2.5 -> '2,5', 4.0 -> '4'."""
    if float(waarde).is_integer():
        return str(int(waarde))
    return f"{waarde:.1f}".replace(".", ",")


def duur_tekst(weken: int | None, *, klant: bool = False) -> str:
    """Total duration in weeks: 1 -> '1 week', 12 -> '12 weken'; None -> 'onbekend'."""
    if weken is None:
        return "Dat weten we nog niet" if klant else ONBEKEND
    return "1 week" if weken == 1 else f"{weken} weken"


def uren_tekst(uren: float | None, *, klant: bool = False) -> str:
    """Hours per week: 4.0 -> '4 uur per week'; None -> 'onbekend'."""
    if uren is None:
        return "Dat weten we nog niet" if klant else ONBEKEND
    return f"{getal_tekst(uren)} uur per week"


def start_tekst(
    soort: str | None,
    datums: Sequence[dt.date] = (),
    *,
    klant: bool = False,
    vandaag: dt.date | None = None,
) -> str:
    """How an instrument starts: 'doorlopend', the next fixed dates, or 'onbekend'.

    Only dates from `vandaag` (default today) on are named, at most three.
    """
    if soort == "doorlopend":
        return "Je kunt altijd beginnen" if klant else "doorlopend (altijd starten)"
    if soort == "vaste_data":
        dag = vandaag or dt.date.today()
        komend = [d for d in sorted(datums) if d >= dag][:3]
        if not komend:
            return "Op vaste data. Vraag je coach wanneer." if klant else "vaste data (onbekend)"
        lijst = ", ".join(datum_tekst(d) for d in komend)
        return f"Je begint op {lijst}" if klant else f"vaste data: {lijst}"
    return "Dat weten we nog niet" if klant else ONBEKEND


def nederlands_tekst(nodig: bool | None, *, klant: bool = False) -> str:
    """Whether good Dutch is required."""
    if nodig is None:
        return "Dat weten we nog niet" if klant else ONBEKEND
    if klant:
        return "Je moet goed Nederlands kunnen" if nodig else "Goed Nederlands is niet nodig"
    return "goed Nederlands nodig" if nodig else "goed Nederlands niet nodig"


GROEPSVORM_TEKST = {
    "individueel": ("individueel", "Alleen, met een begeleider"),
    "groep": ("in een groep", "Samen met anderen in een groep"),
    "beide": ("individueel of in een groep", "Alleen of in een groep"),
}


def groepsvorm_tekst(vorm: str | None, *, klant: bool = False) -> str:
    """Alone, in a group, or either."""
    if vorm is None or vorm not in GROEPSVORM_TEKST:
        return "Dat weten we nog niet" if klant else ONBEKEND
    return GROEPSVORM_TEKST[vorm][1 if klant else 0]


def kosten_klant_tekst(centen: int | None, *, klant: bool = False) -> str:
    """What the client pays: 0 -> 'gratis voor de klant' / 'Het kost je niets'."""
    if centen is None:
        return "Vraag je coach wat het kost" if klant else ONBEKEND
    if centen == 0:
        return "Het kost je niets" if klant else "gratis voor de klant"
    return f"Je betaalt zelf {bedrag(centen)}" if klant else f"klant betaalt {bedrag(centen)}"


def plaatsen_tekst(gemeenten: Sequence[str], alle_gemeenten: bool, *, klant: bool = False) -> str:
    """Where: 'Tiel, Culemborg', 'alle gemeenten', or 'onbekend'."""
    if alle_gemeenten:
        return "In alle gemeenten" if klant else "alle gemeenten"
    if not gemeenten:
        return "Dat weten we nog niet" if klant else ONBEKEND
    return ", ".join(gemeenten)
