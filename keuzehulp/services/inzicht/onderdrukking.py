"""Small-cell suppression: a figure about 1 to 4 gesprekken is shown as "<5", everywhere.

Issue 15: "Cells counting fewer than 5 gesprekken are suppressed in every export, so no small
group can be singled out." A cell about 0 gesprekken singles nobody out and shows as 0 (or
"–" for a mean), so that "never chosen" stays visible. Every screen, export and the command
line get their texts from the Cel values made here; raw counts never leave the service.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_GESPREKKEN = 5
ONDERDRUKT = "<5"
LEEG = "–"


def onderdrukt(gesprekken: int) -> bool:
    """Whether a cell about `gesprekken` gesprekken must be hidden: 1 to MIN_GESPREKKEN - 1."""
    return 0 < gesprekken < MIN_GESPREKKEN


@dataclass(frozen=True, slots=True)
class Cel:
    """One shown figure: its text, its number (None when suppressed or empty) for sorting and
    charts, and whether it marks a white spot in the coverage matrix."""

    tekst: str
    waarde: float | None = None
    wit: bool = False

    @property
    def is_onderdrukt(self) -> bool:
        return self.tekst == ONDERDRUKT


def getal_nl(waarde: float, decimalen: int = 0) -> str:
    """Dutch number format: 12.345 and 7,8 (thousands dot, decimal comma)."""
    tekst = f"{waarde:,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def aantal(n: int, gesprekken: int | None = None) -> Cel:
    """A count; suppressed when it counts (or is about) 1-4 gesprekken."""
    if onderdrukt(n if gesprekken is None else gesprekken):
        return Cel(ONDERDRUKT)
    return Cel(getal_nl(n), float(n))


def gemiddelde(waarde: float | None, gesprekken: int) -> Cel:
    """A mean mark (1-10, one decimal) over `gesprekken` rated gesprekken."""
    if onderdrukt(gesprekken):
        return Cel(ONDERDRUKT)
    if waarde is None or gesprekken == 0:
        return Cel(LEEG)
    afgerond = round(float(waarde), 1)
    return Cel(getal_nl(afgerond, 1), afgerond)


def bedrag(centen: int | None, gesprekken: int) -> Cel:
    """An amount in cents as "€ 1.234" (whole euros); suppressed for 1-4 gesprekken."""
    if onderdrukt(gesprekken):
        return Cel(ONDERDRUKT)
    euro = (centen or 0) / 100
    return Cel(f"€ {getal_nl(euro)}", euro)


def percentage(deel: int, geheel: int) -> Cel:
    """`deel` as a whole percentage of `geheel` gesprekken; suppressed when either is 1-4."""
    if onderdrukt(deel) or onderdrukt(geheel):
        return Cel(ONDERDRUKT)
    if geheel == 0:
        return Cel(LEEG)
    procent = round(100 * deel / geheel)
    return Cel(f"{procent}%", float(procent))
