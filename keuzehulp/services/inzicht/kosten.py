"""Committed cost: what the chosen instruments cost, per month and gemeente (issue 15 item 4).

The cost of a choice is the instrument's current `kosten_centen` (what the gemeente pays per
person; the catalogue keeps no price history). A choice of an instrument without an amount
("op aanvraag") is counted in `zonder_bedrag`, not as 0. A gesprek with two gemeenten in its
search counts under both; the month totals count it once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from keuzehulp.services.inzicht.feiten import feiten
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.gebruik import GEEN

TOTAAL = "Totaal"  # the gemeente key of a month's total row


@dataclass(frozen=True, slots=True)
class KostenRij:
    """Chosen instruments in one month ("JJJJ-MM") and gemeente (or TOTAAL, or GEEN)."""

    maand: str
    gemeente: str
    gekozen: int  # gesprekken with a choice
    zonder_bedrag: int  # of those, the chosen instrument has no amount
    centen: int  # sum of the known amounts, in cents


def kosten(session: Session, filter_: InzichtFilter) -> list[KostenRij]:
    """Per month and gemeente, then per month TOTAAL; sorted by month, gemeente (TOTAAL last).

    Folds the groups of `Feiten.groepen` (the same rows as use per gemeente and per month):
    the gemeente rows (GEEN: no gemeente in the search) and the month rows (each gesprek
    once), only where a gesprek chose an instrument; the facts carry its current price.
    """
    with feiten(session, filter_) as f:
        rijen = [
            KostenRij(m, TOTAAL if soort == "maand" else sleutel, g.gekozen, g.zonder_bedrag,
                      g.centen)
            for soort in ("gemeente", "maand")
            for (sleutel, m), g in f.groepen(session, soort).items()
            if g.gekozen
        ]  # fmt: skip
    return sorted(
        rijen, key=lambda r: (r.maand, r.gemeente == TOTAAL, r.gemeente == GEEN, r.gemeente)
    )
