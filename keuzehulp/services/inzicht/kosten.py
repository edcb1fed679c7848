"""Committed cost: what the chosen instruments cost, per month and gemeente (issue 15 item 4).

The cost of a choice is the instrument's current `kosten_centen` (what the gemeente pays per
person; the catalogue keeps no price history). A choice of an instrument without an amount
("op aanvraag") is counted in `zonder_bedrag`, not as 0. A gesprek with two gemeenten in its
search counts under both; the month totals count it once.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, literal, select
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
    """Per month and gemeente, then per month TOTAAL; sorted by month, gemeente (TOTAAL last)."""
    with feiten(session, filter_) as f:
        g, gg = f.gesprek.c, f.gemeente.c
        gemeente = func.coalesce(gg.gemeente, literal(GEEN))
        # The facts carry the chosen instrument's amount: no instrument lookup per gesprek.
        sommen = (
            func.count(),
            func.sum(case((g.centen.is_(None), 1), else_=0)),
            func.coalesce(func.sum(g.centen), 0),
        )
        basis = select(g.maand).where(g.keuze_id.is_not(None))
        per_gemeente = (
            basis.add_columns(gemeente, *sommen)
            .outerjoin(f.gemeente, gg.gesprek_id == g.gesprek_id)
            .group_by(g.maand, gemeente)
        )
        totaal = basis.add_columns(literal(TOTAAL), *sommen).group_by(g.maand)
        rijen = [
            KostenRij(m, gem, n, zonder or 0, int(centen))
            for q in (per_gemeente, totaal)
            for m, gem, n, zonder, centen in session.execute(q)
        ]
    return sorted(
        rijen, key=lambda r: (r.maand, r.gemeente == TOTAAL, r.gemeente == GEEN, r.gemeente)
    )
