"""Outcomes and ratings per instrument, from the terugblikken (issue 15 item 4).

Outcome: per gesprek its newest terugblik (status, goal reached), attributed to that
terugblik's instrument. Ratings (1-10): the mean over all terugblikken with that rating, and
the number of distinct gesprekken behind it, which decides suppression. Gesprekken are
those in the filter (by the date of the gesprek).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select, text
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.terugblik import DOEL_BEREIKT, MET_CIJFER, TERUGBLIK_STATUSSEN, Terugblik
from keuzehulp.services.inzicht.feiten import Feiten, feiten
from keuzehulp.services.inzicht.filter import InzichtFilter

VEEL_IDS = 500  # from this many ids on, read all instruments instead of an IN list
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


def _cijfers(session: Session, f: Feiten) -> dict[int, Any]:
    """Per instrument: the means of CIJFERS, then the distinct gesprekken behind each."""
    kolommen = [getattr(Terugblik, k) for k in CIJFERS]
    vraag = select(
        Terugblik.instrument_id,
        *(func.avg(k) for k in kolommen),
        *(
            func.count(func.distinct(case((k.is_not(None), Terugblik.gesprek_id))))
            for k in kolommen
        ),
    ).where(text(MET_CIJFER))  # the partial index ix_terugblik_cijfers: rated ones only
    if f.filter != InzichtFilter():
        vraag = vraag.where(
            Terugblik.gesprek_id.in_(select(f.tabel.c.gesprek_id).where(*f.waar("maand")))
        )
    rijen = session.connection().execute(vraag.group_by(Terugblik.instrument_id))
    return {r[0]: r[1:] for r in rijen}


def uitkomsten(
    session: Session, filter_: InzichtFilter, *, met_cijfers: bool = True
) -> list[Uitkomst]:
    """Instruments with at least one terugblik in the filter, by name.

    Grouped queries: outcomes over the stored facts (newest terugblik per gesprek), and with
    `met_cijfers` the ratings of the filter's gesprekken (covering index
    ix_terugblik_cijfers); without it `cijfers` is empty (the Inzicht screen shows the
    all-time figures of cijfers.py instead)."""
    with feiten(session, filter_) as f:
        c = f.tabel.c
        conn = session.connection()
        # One row per instrument (ix_gesprek_feit_terugblik in order): the status and goal
        # counts as filtered counts in SQL (COUNT(*) FILTER (WHERE ...), SQLite 3.30+ and
        # PostgreSQL: a quarter faster on SQLite than SUM(CASE ...)), so only a row per
        # instrument reaches Python.
        afloop = {
            i: tellen
            for i, *tellen in conn.execute(
                select(
                    c.terugblik_instrument_id,
                    func.count(),
                    *(func.count().filter(c.status == st) for st in TERUGBLIK_STATUSSEN),
                    *(func.count().filter(c.doel == d) for d in DOEL_BEREIKT),
                )
                .where(*f.waar("maand"), c.terugblik_instrument_id.is_not(None))
                .group_by(c.terugblik_instrument_id)
            )
        }
        cijfers = _cijfers(session, f) if met_cijfers else {}
        if len(afloop) <= VEEL_IDS:
            namen_vraag = select(Instrument.id, Instrument.naam)
            namen = dict(conn.execute(namen_vraag.where(Instrument.id.in_(list(afloop)))).all())
        else:  # all names (read once per `feiten` block): cheaper than thousands of parameters
            namen = dict(f.instrumenten(session))
    uit = []
    n_status = len(TERUGBLIK_STATUSSEN)
    geen = (None,) * 4 + (0,) * 4
    # Counts are ints on both engines (COUNT gives bigint on PostgreSQL, int in psycopg).
    for i, (gesprekken, *tellen) in afloop.items():
        if met_cijfers:
            c = cijfers.get(i, geen)
            per_cijfer = {
                k: Cijfer(None if c[j] is None else float(c[j]), int(c[4 + j]))
                for j, k in enumerate(CIJFERS)
            }
        else:
            per_cijfer = {}
        uit.append(
            Uitkomst(
                i,
                namen[i],
                gesprekken,
                dict(zip(TERUGBLIK_STATUSSEN, tellen[:n_status], strict=True)),
                dict(zip(DOEL_BEREIKT, tellen[n_status:], strict=True)),
                per_cijfer,
            )
        )
    uit.sort(key=lambda u: u.naam)
    return uit
