"""Outcomes and ratings per instrument, from the terugblikken (issue 15 item 4).

Outcome: per gesprek its newest terugblik (status, goal reached), attributed to that
terugblik's instrument. Ratings (1-10): the mean over all terugblikken with that rating, and
the number of distinct gesprekken behind it, which decides suppression. Gesprekken are
those in the filter (by the date of the gesprek).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.terugblik import DOEL_BEREIKT, MET_CIJFER, TERUGBLIK_STATUSSEN, Terugblik
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
    """Instruments with at least one terugblik in the filter, by name.

    Two grouped queries: outcomes over the stored facts (newest terugblik per gesprek), and
    ratings over all terugblikken (covering index ix_terugblik_cijfers)."""
    with feiten(session, filter_) as f:
        c = f.tabel.c
        # One row per instrument (ix_gesprek_feit_terugblik in order): the status and goal
        # counts as sums in SQL, so only a row per instrument reaches Python.
        afloop = {
            r[0]: r[1:]
            for r in session.execute(
                select(
                    c.terugblik_instrument_id,
                    func.count(),
                    *(func.sum(case((c.status == st, 1), else_=0)) for st in TERUGBLIK_STATUSSEN),
                    *(func.sum(case((c.doel == d, 1), else_=0)) for d in DOEL_BEREIKT),
                )
                .where(*f.waar("maand"), c.terugblik_instrument_id.is_not(None))
                .group_by(c.terugblik_instrument_id)
            )
        }
        kolommen = [getattr(Terugblik, k) for k in CIJFERS]
        cijfer_vraag = select(
            Terugblik.instrument_id,
            *(func.avg(k) for k in kolommen),
            *(
                func.count(func.distinct(case((k.is_not(None), Terugblik.gesprek_id))))
                for k in kolommen
            ),
        ).where(text(MET_CIJFER))  # the partial index ix_terugblik_cijfers: rated ones only
        if filter_ != InzichtFilter():
            cijfer_vraag = cijfer_vraag.where(
                Terugblik.gesprek_id.in_(select(c.gesprek_id).where(*f.waar("maand")))
            )
        cijfers = {
            r[0]: r[1:] for r in session.execute(cijfer_vraag.group_by(Terugblik.instrument_id))
        }
        namen = dict(
            session.execute(
                select(Instrument.id, Instrument.naam).where(
                    Instrument.id.in_(
                        select(c.terugblik_instrument_id).where(
                            *f.waar("maand"), c.terugblik_instrument_id.is_not(None)
                        )
                    )
                )
            ).all()
        )
    uit = []
    n_status = len(TERUGBLIK_STATUSSEN)
    for i, (gesprekken, *tellen) in afloop.items():
        cijfer = cijfers.get(i, (None,) * 4 + (0,) * 4)
        uit.append(
            Uitkomst(
                instrument_id=i,
                naam=namen[i],
                gesprekken=int(gesprekken),
                status=dict(zip(TERUGBLIK_STATUSSEN, map(int, tellen[:n_status]), strict=True)),
                doel=dict(zip(DOEL_BEREIKT, map(int, tellen[n_status:]), strict=True)),
                cijfers={
                    k: Cijfer(None if cijfer[j] is None else float(cijfer[j]), int(cijfer[4 + j]))
                    for j, k in enumerate(CIJFERS)
                },
            )
        )
    return sorted(uit, key=lambda u: u.naam)
