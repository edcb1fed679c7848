"""Use of instruments per instrument, route, kenmerk, gemeente and month (issue 15 item 4).

Counts are gesprekken. For an instrument: on its shortlist, chose it, and of those the newest
terugblik's status. For a route, kenmerk or gemeente (what the coach chose in the search) and
for a month (when the gesprek was held): all gesprekken in that group, with a shortlist, with
a choice, and by newest status. A gesprek with two routes counts under both.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import FengerRoute, Instrument, Kenmerk
from keuzehulp.model.gesprek import GesprekOptie
from keuzehulp.model.gesprekfeit import GEEN as GEEN
from keuzehulp.services.inzicht.feiten import STATUSSEN, Feiten, Telling, feiten, tel_op
from keuzehulp.services.inzicht.filter import InzichtFilter


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


_SOORT = {
    "periode": "maand",
    "route": "route",
    "kenmerk": "kenmerk",
    "gemeente": "gemeente",
}


def _rij(sleutel: str, naam: str, t: Telling) -> GebruikRij:
    return GebruikRij(
        sleutel, naam, t.gesprekken, t.korte_lijst, t.gekozen,
        *(t.per_status(s) for s in STATUSSEN),
    )  # fmt: skip


def _per_sleutel(session: Session, f: Feiten, dim: Dimensie) -> dict[str, Telling]:
    c = f.tabel.c
    # Grouped in the order of ix_gesprek_feit_groep (sleutel, maand, status): one covering
    # index scan, no sort; the months of a key are added up in tel_op.
    rijen = session.execute(
        select(c.sleutel, c.status, func.count(), func.sum(c.korte_lijst), func.count(c.keuze_id))
        .where(*f.waar(_SOORT[dim]))
        .group_by(c.sleutel, c.maand, c.status)
    )
    return tel_op(rijen)


def _codes(session: Session, dim: Dimensie) -> dict[str, tuple[str, str]]:
    """The stored key (id as text) -> (code, name a person reads) of routes or kenmerken."""
    if dim is Dimensie.ROUTE:
        return {str(i): (c, f"{n} ({label})") for i, c, n, label in session.execute(
            select(FengerRoute.id, FengerRoute.code, FengerRoute.naam, FengerRoute.label)
        )}  # fmt: skip
    if dim is Dimensie.KENMERK:
        return {
            str(i): (c, f"{c} {n}")
            for i, c, n in session.execute(select(Kenmerk.id, Kenmerk.code, Kenmerk.naam))
        }
    return {}


def _per_instrument(session: Session, f: Feiten) -> list[GebruikRij]:
    c = f.tabel.c
    op_lijst_vraag = select(GesprekOptie.instrument_id, func.count())
    if f.filter != InzichtFilter():
        # Without a filter every gesprek counts: the instrument index alone answers.
        op_lijst_vraag = op_lijst_vraag.where(
            GesprekOptie.gesprek_id.in_(select(c.gesprek_id).where(*f.waar("maand")))
        )
    op_lijst = dict(session.execute(op_lijst_vraag.group_by(GesprekOptie.instrument_id)).all())
    # ix_gesprek_feit_keuze: (soort, keuze_id, status) in order.
    gekozen = tel_op(
        (k, s, n, 0, n)
        for k, s, n in session.execute(
            select(c.keuze_id, c.status, func.count())
            .where(*f.waar("maand"), c.keuze_id.is_not(None))
            .group_by(c.keuze_id, c.status)
        )
    )
    uit = []
    namen = select(Instrument.id, Instrument.naam).order_by(Instrument.naam)
    for i, naam in session.execute(namen):
        lijst, t = int(op_lijst.get(i, 0)), gekozen.get(i)
        if not lijst and t is None:
            continue
        t = t or Telling()
        uit.append(
            GebruikRij(str(i), naam, max(lijst, t.gekozen), lijst, t.gekozen,
                       *(t.per_status(s) for s in STATUSSEN))
        )  # fmt: skip
    return uit


def gebruik(session: Session, filter_: InzichtFilter, dim: Dimensie) -> list[GebruikRij]:
    """Raw use counts for `dim` in the filter, sorted by key (instruments by name).

    Rows only for keys with at least one gesprek; GEEN collects gesprekken without a value.
    Grouped SQL over the stored facts (feiten.py); only the grouped rows reach Python.
    """
    with feiten(session, filter_) as f:
        if dim is Dimensie.INSTRUMENT:
            return _per_instrument(session, f)
        codes = _codes(session, dim)
        uit = []
        for sleutel, telling in _per_sleutel(session, f, dim).items():
            code, naam = codes.get(sleutel, (sleutel, sleutel))
            uit.append(_rij(code, naam, telling))
    return sorted(uit, key=lambda r: (r.sleutel == GEEN, r.sleutel))
