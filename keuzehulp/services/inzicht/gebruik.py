"""Use of instruments per instrument, route, kenmerk, gemeente and month (issue 15 item 4).

Counts are gesprekken. For an instrument: on its shortlist, chose it, and of those the newest
terugblik's status. For a route, kenmerk or gemeente (what the coach chose in the search) and
for a month (when the gesprek was held): all gesprekken in that group, with a shortlist, with
a choice, and by newest status. A gesprek with two routes counts under both.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, literal, select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import FengerRoute, Instrument, Kenmerk
from keuzehulp.model.gesprek import GesprekOptie, gesprek_kenmerk, gesprek_route
from keuzehulp.services.inzicht.feiten import STATUSSEN, Feiten, feiten
from keuzehulp.services.inzicht.filter import InzichtFilter

GEEN = "(geen)"  # the key of gesprekken without a route, kenmerk or gemeente in their search


class Dimensie(enum.StrEnum):
    INSTRUMENT = "instrument"
    ROUTE = "route"
    KENMERK = "kenmerk"
    GEMEENTE = "gemeente"
    PERIODE = "periode"


@dataclass(frozen=True, slots=True)
class GebruikRij:
    """Raw counts of gesprekken for one key (instrument id as text, route code, kenmerk code,
    gemeente name or month "JJJJ-MM"); `naam` is what a person reads."""

    sleutel: str
    naam: str
    gesprekken: int
    korte_lijst: int
    gekozen: int
    gestart: int
    afgerond: int
    gestopt: int


def _status_sommen(status: Any) -> list[Any]:
    return [func.sum(case((status == s, 1), else_=0)).label(s) for s in STATUSSEN]


def _per_sleutel(f: Feiten, dim: Dimensie) -> Select[Any]:
    g = f.gesprek.c
    sommen = (
        func.count().label("gesprekken"),
        func.sum(g.lijst).label("korte_lijst"),
        func.sum(case((g.keuze_id.is_not(None), 1), else_=0)).label("gekozen"),
        *_status_sommen(g.status),
    )
    if dim is Dimensie.PERIODE:
        return select(g.maand.label("sleutel"), *sommen).group_by(g.maand)
    # Outer joins straight onto the link tables, so their primary key indexes are used.
    vraag = select().select_from(f.gesprek)
    if dim is Dimensie.ROUTE:
        vraag = vraag.outerjoin(gesprek_route, gesprek_route.c.gesprek_id == g.gesprek_id)
        vraag = vraag.outerjoin(FengerRoute, FengerRoute.id == gesprek_route.c.route_id)
        waarde: Any = FengerRoute.code
    elif dim is Dimensie.KENMERK:
        vraag = vraag.outerjoin(gesprek_kenmerk, gesprek_kenmerk.c.gesprek_id == g.gesprek_id)
        vraag = vraag.outerjoin(Kenmerk, Kenmerk.id == gesprek_kenmerk.c.kenmerk_id)
        waarde = Kenmerk.code
    else:
        vraag = vraag.outerjoin(f.gemeente, f.gemeente.c.gesprek_id == g.gesprek_id)
        waarde = f.gemeente.c.gemeente
    sleutel = func.coalesce(waarde, literal(GEEN))
    return vraag.add_columns(sleutel.label("sleutel"), *sommen).group_by(sleutel)


def _namen(session: Session, dim: Dimensie) -> dict[str, str]:
    if dim is Dimensie.ROUTE:
        return {c: f"{n} ({label})" for c, n, label in session.execute(
            select(FengerRoute.code, FengerRoute.naam, FengerRoute.label)
        )}  # fmt: skip
    if dim is Dimensie.KENMERK:
        return {c: f"{c} {n}" for c, n in session.execute(select(Kenmerk.code, Kenmerk.naam))}
    return {}


def _per_instrument(session: Session, f: Feiten) -> list[GebruikRij]:
    g = f.gesprek.c
    op_lijst_vraag = select(GesprekOptie.instrument_id, func.count().label("n"))
    if f.filter != InzichtFilter():
        # Without a filter every gesprek counts: the instrument index alone answers.
        # A semi-join (IN), not a join: SQLite then reads the shortlist's primary key index
        # per gesprek in the facts instead of every shortlist row by instrument (30x faster).
        op_lijst_vraag = op_lijst_vraag.where(GesprekOptie.gesprek_id.in_(select(g.gesprek_id)))
    op_lijst = op_lijst_vraag.group_by(GesprekOptie.instrument_id).subquery("op_lijst")
    gekozen = (
        select(g.keuze_id, func.count().label("n"), *_status_sommen(g.status))
        .where(g.keuze_id.is_not(None))
        .group_by(g.keuze_id)
        .subquery("gekozen")
    )
    rijen = session.execute(
        select(
            Instrument.id,
            Instrument.naam,
            func.coalesce(op_lijst.c.n, 0),
            func.coalesce(gekozen.c.n, 0),
            *(func.coalesce(gekozen.c[s], 0) for s in STATUSSEN),
        )
        .outerjoin(op_lijst, op_lijst.c.instrument_id == Instrument.id)
        .outerjoin(gekozen, gekozen.c.keuze_id == Instrument.id)
        .where((op_lijst.c.n.is_not(None)) | (gekozen.c.n.is_not(None)))
        .order_by(Instrument.naam)
    )
    return [
        GebruikRij(str(i), n, max(lijst, keuze), lijst, keuze, gs, af, gp)
        for i, n, lijst, keuze, gs, af, gp in rijen
    ]


def gebruik(session: Session, filter_: InzichtFilter, dim: Dimensie) -> list[GebruikRij]:
    """Raw use counts for `dim` in the filter, sorted by key (instruments by name).

    Rows only for keys with at least one gesprek; GEEN collects gesprekken without a value.
    Grouped SQL over the facts of feiten.py; no rows are loaded into Python.
    """
    with feiten(session, filter_) as f:
        if dim is Dimensie.INSTRUMENT:
            return _per_instrument(session, f)
        namen = _namen(session, dim)
        uit = [
            GebruikRij(
                sleutel=r.sleutel,
                naam=namen.get(r.sleutel, r.sleutel),
                gesprekken=r.gesprekken,
                korte_lijst=r.korte_lijst or 0,
                gekozen=r.gekozen or 0,
                gestart=r.gestart or 0,
                afgerond=r.afgerond or 0,
                gestopt=r.gestopt or 0,
            )
            for r in session.execute(_per_sleutel(f, dim))
        ]
    return sorted(uit, key=lambda r: (r.sleutel == GEEN, r.sleutel))
