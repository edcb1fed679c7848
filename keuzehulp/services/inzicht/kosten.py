"""Committed cost: what the chosen instruments cost, per month and gemeente (issue 15 item 4).

The cost of a choice is the instrument's current `kosten_centen` (what the gemeente pays per
person; the catalogue keeps no price history). A choice of an instrument without an amount
("op aanvraag") is counted in `zonder_bedrag`, not as 0. A gesprek with two gemeenten in its
search counts under both; the month totals count it once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
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

    Two grouped queries over the stored facts (ix_gesprek_feit_groep, in order): the gemeente
    rows (GEEN: no gemeente in the search) and the month rows (each gesprek once); the facts
    carry the chosen instrument's current price.
    """
    with feiten(session, filter_) as f:
        c = f.tabel.c
        sommen = (
            func.count(),
            func.sum(case((c.centen.is_(None), 1), else_=0)),
            func.coalesce(func.sum(c.centen), 0),
        )
        rijen = []
        for soort in ("gemeente", "maand"):
            vraag = (
                select(c.maand, c.sleutel, *sommen)
                .where(*f.waar(soort), c.keuze_id.is_not(None))
                .group_by(c.sleutel, c.maand)
            )
            for m, sleutel, n, zonder, centen in session.execute(vraag):
                gemeente = TOTAAL if soort == "maand" else sleutel
                rijen.append(KostenRij(m, gemeente, n, zonder or 0, int(centen)))
    return sorted(
        rijen, key=lambda r: (r.maand, r.gemeente == TOTAAL, r.gemeente == GEEN, r.gemeente)
    )
