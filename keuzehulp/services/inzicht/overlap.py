"""Overlap: pairs of active instruments with near-identical profiles, for the beheergroep.

Two active instruments are a candidate pair when they have the same type, the same Fenger
routes and the same gemeenten ("alle gemeenten" is its own profile), and their kenmerken
overlap with a Jaccard index |A ∩ B| / |A ∪ B| of at least DREMPEL (instruments without
kenmerken are left out). No O(n²) loop: SQL buckets the instruments by a profile signature
(type, count/sum/sum of squares of route and gemeente ids) and counts shared kenmerken only
within a bucket; the few candidate pairs are then checked exactly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import CTE, Subquery, and_, case, func, literal, select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import (
    Instrument,
    InstrumentStatus,
    instrument_gemeente,
    instrument_kenmerk,
    instrument_route,
)

DREMPEL = 0.75


@dataclass(frozen=True, slots=True)
class OverlapPaar:
    """Two instruments (a_id < b_id) and how alike their kenmerken are (0-1)."""

    a_id: int
    a_naam: str
    b_id: int
    b_naam: str
    type: str
    gedeeld: int  # kenmerken both have
    jaccard: float


def _som(tabel: Any, kolom: str) -> Subquery:
    t = tabel.c
    id_ = t[kolom]
    return (
        select(
            t.instrument_id,
            func.count().label("n"),
            func.sum(id_).label("s"),
            func.sum(id_ * id_).label("q"),
        )
        .group_by(t.instrument_id)
        .subquery()
    )


def _profielen() -> CTE:
    r = _som(instrument_route, "route_id")
    g = _som(instrument_gemeente, "gemeente_id")
    k = (
        select(instrument_kenmerk.c.instrument_id, func.count().label("n"))
        .group_by(instrument_kenmerk.c.instrument_id)
        .subquery()
    )
    alle = Instrument.alle_gemeenten.is_(True)
    return (
        select(
            Instrument.id,
            func.lower(func.coalesce(Instrument.type, "")).label("type"),
            case((alle, 1), else_=0).label("alle"),
            func.coalesce(r.c.n, 0).label("rn"),
            func.coalesce(r.c.s, 0).label("rs"),
            func.coalesce(r.c.q, 0).label("rq"),
            case((alle, 0), else_=func.coalesce(g.c.n, 0)).label("gn"),
            case((alle, 0), else_=func.coalesce(g.c.s, 0)).label("gs"),
            case((alle, 0), else_=func.coalesce(g.c.q, 0)).label("gq"),
            k.c.n.label("kn"),
        )
        .join(k, k.c.instrument_id == Instrument.id)
        .outerjoin(r, r.c.instrument_id == Instrument.id)
        .outerjoin(g, g.c.instrument_id == Instrument.id)
        .where(Instrument.status == InstrumentStatus.ACTIEF)
        .cte("profiel")
    )


def _sets(session: Session, tabel: Any, kolom: str, ids: set[int]) -> dict[int, frozenset[int]]:
    t = tabel.c
    uit: dict[int, set[int]] = defaultdict(set)
    for i, w in session.execute(select(t.instrument_id, t[kolom]).where(t.instrument_id.in_(ids))):
        uit[i].add(w)
    return {i: frozenset(uit.get(i, ())) for i in ids}


def overlap(session: Session, drempel: float = DREMPEL) -> list[OverlapPaar]:
    """Candidate pairs, most alike first (then by name). `drempel` is 0 < d <= 1."""
    p = _profielen()
    # Each kenmerk of an active instrument with its instrument's profile: a pair of rows
    # with the same kenmerk and profile is one kenmerk two instruments share, so one
    # hash or index join finds exactly the shared kenmerken (no pair that shares none is
    # visited, none is visited once per kenmerk).
    per_kenmerk = (
        select(instrument_kenmerk.c.kenmerk_id, p)
        .join(p, p.c.id == instrument_kenmerk.c.instrument_id)
        .cte("kenmerk_profiel")
    )
    ka, kb = per_kenmerk.alias("ka"), per_kenmerk.alias("kb")
    gelijk = [ka.c[c] == kb.c[c] for c in ("type", "alle", "rn", "rs", "rq", "gn", "gs", "gq")]
    # A pair can only reach the threshold when neither has many more kenmerken than the
    # other: shared <= the smaller count and the union >= the larger, so J >= d needs
    # smaller >= d * larger (exact: integers at the HAVING's scale).
    schaal = literal(round(drempel * 1000))
    gedeeld = func.count()
    vraag = (
        select(ka.c.id.label("a"), kb.c.id.label("b"), ka.c.type, gedeeld.label("gedeeld"),
               ka.c.kn, kb.c.kn.label("kn_b"))
        .select_from(ka)
        .join(kb, and_(ka.c.kenmerk_id == kb.c.kenmerk_id, ka.c.id < kb.c.id, *gelijk,
                       ka.c.kn * literal(1000) >= schaal * kb.c.kn,
                       kb.c.kn * literal(1000) >= schaal * ka.c.kn))
        .group_by(ka.c.id, kb.c.id, ka.c.type, ka.c.kn, kb.c.kn)
        .having(gedeeld * literal(1000) >= schaal * (ka.c.kn + kb.c.kn - gedeeld))
    )  # fmt: skip
    kandidaten = session.execute(vraag).all()
    if not kandidaten:
        return []
    ids = {r.a for r in kandidaten} | {r.b for r in kandidaten}
    routes = _sets(session, instrument_route, "route_id", ids)
    gemeenten = _sets(session, instrument_gemeente, "gemeente_id", ids)
    info = {
        i: (naam, alle)
        for i, naam, alle in session.execute(
            select(Instrument.id, Instrument.naam, Instrument.alle_gemeenten).where(
                Instrument.id.in_(ids)
            )
        )
    }
    uit = []
    for r in kandidaten:
        if routes[r.a] != routes[r.b]:
            continue  # the signature collided; the sets differ
        if not info[r.a][1] and gemeenten[r.a] != gemeenten[r.b]:
            continue
        jaccard = r.gedeeld / (r.kn + r.kn_b - r.gedeeld)
        uit.append(OverlapPaar(r.a, info[r.a][0], r.b, info[r.b][0], r.type, r.gedeeld, jaccard))
    return sorted(uit, key=lambda x: (-x.jaccard, x.a_naam, x.b_naam))
