"""Outcomes and ratings per instrument, from the terugblikken (issue 15 item 4).

Outcome: per gesprek its newest terugblik (status, goal reached), attributed to that
terugblik's instrument. Ratings (1-10): the mean over all terugblikken with that rating, and
the number of distinct gesprekken behind it, which decides suppression. Gesprekken are
those in the filter (by the date of the gesprek).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.terugblik import DOEL_BEREIKT, TERUGBLIK_STATUSSEN, Terugblik
from keuzehulp.services.inzicht.feiten import feiten
from keuzehulp.services.inzicht.filter import InzichtFilter

CIJFERS: tuple[str, ...] = ("coach_totaal", "coach_resultaat", "coach_uitvoering", "client_cijfer")


@dataclass(frozen=True, slots=True)
class Cijfer:
    gemiddelde: float | None
    gesprekken: int  # distinct gesprekken with at least one such rating


@dataclass(frozen=True, slots=True)
class Uitkomst:
    """One instrument: gesprekken with a terugblik, newest status and goal counts, ratings."""

    instrument_id: int
    naam: str
    gesprekken: int
    status: dict[str, int]  # TERUGBLIK_STATUSSEN -> gesprekken
    doel: dict[str, int]  # DOEL_BEREIKT -> gesprekken (newest terugblik)
    cijfers: dict[str, Cijfer]  # CIJFERS -> mean and basis


def uitkomsten(session: Session, filter_: InzichtFilter) -> list[Uitkomst]:
    """Instruments with at least one terugblik in the filter, by name. Two grouped queries."""
    with feiten(session, filter_) as f:
        g = f.gesprek.c
        tel = [func.sum(case((g.status == s, 1), else_=0)) for s in TERUGBLIK_STATUSSEN]
        tel += [func.sum(case((g.doel == d, 1), else_=0)) for d in DOEL_BEREIKT]
        afloop = {
            r[0]: r[1:]
            for r in session.execute(
                select(g.tb_instrument, func.count(), *tel)
                .where(g.tb_instrument.is_not(None))
                .group_by(g.tb_instrument)
            )
        }
        kolommen = [getattr(Terugblik, c) for c in CIJFERS]
        cijfers = {
            r[0]: r[1:]
            for r in session.execute(
                select(
                    Terugblik.instrument_id,
                    *(func.avg(k) for k in kolommen),
                    *(
                        func.count(func.distinct(case((k.is_not(None), Terugblik.gesprek_id))))
                        for k in kolommen
                    ),
                )
                # Semi-join: SQLite walks the gesprek index instead of row lookups per join.
                .where(Terugblik.gesprek_id.in_(select(g.gesprek_id)))
                .group_by(Terugblik.instrument_id)
            )
        }
    namen = {
        i: n
        for i, n in session.execute(
            select(Instrument.id, Instrument.naam).where(Instrument.id.in_(afloop))
        )
    }
    uit = []
    ns, nd = len(TERUGBLIK_STATUSSEN), len(DOEL_BEREIKT)
    for i, (n, *rest) in afloop.items():
        c = cijfers.get(i, (None,) * 4 + (0,) * 4)
        uit.append(
            Uitkomst(
                instrument_id=i,
                naam=namen[i],
                gesprekken=n,
                status={
                    s: int(v or 0) for s, v in zip(TERUGBLIK_STATUSSEN, rest[:ns], strict=True)
                },
                doel={
                    d: int(v or 0) for d, v in zip(DOEL_BEREIKT, rest[ns : ns + nd], strict=True)
                },
                cijfers={
                    k: Cijfer(None if c[j] is None else float(c[j]), int(c[4 + j]))
                    for j, k in enumerate(CIJFERS)
                },
            )
        )
    return sorted(uit, key=lambda u: u.naam)
