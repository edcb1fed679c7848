"""Use of instruments per instrument, route, kenmerk, gemeente and month (issue 15 item 4).

Counts are gesprekken. For an instrument: on its shortlist, chose it, and of those the newest
terugblik's status. For a route, kenmerk or gemeente (what the coach chose in the search) and
for a month (when the gesprek was held): all gesprekken in that group, with a shortlist, with
a choice, and by newest status. A gesprek with two routes counts under both.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import FengerRoute, Instrument, Kenmerk
from keuzehulp.model.gesprek import GesprekOptie
from keuzehulp.model.gesprekfeit import GEEN as GEEN
from keuzehulp.services.inzicht.feiten import STATUSSEN, Feiten, feiten
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


def _per_sleutel(session: Session, f: Feiten, dim: Dimensie) -> dict[str, list[int]]:
    """Per key its six counts (MATEN order), the months of `Feiten.groepen` added up."""
    uit: dict[str, list[int]] = {}
    for (sleutel, _maand), g in f.groepen(session, _SOORT[dim]).items():
        rij = uit.get(sleutel)
        waarden = (g.gesprekken, g.korte_lijst, g.gekozen, g.gestart, g.afgerond, g.gestopt)
        if rij is None:
            uit[sleutel] = list(waarden)
        else:
            for i, n in enumerate(waarden):
                rij[i] += n
    return uit


def _codes(session: Session, dim: Dimensie) -> dict[str, tuple[str, str]]:
    """The stored key (id as text) -> (code, name a person reads) of routes or kenmerken."""
    if dim is Dimensie.ROUTE:
        # The Dutch label, as everywhere else in the app ("Eerst werk vinden").
        return {str(i): (c, label) for i, c, label in session.execute(
            select(FengerRoute.id, FengerRoute.code, FengerRoute.label)
        )}  # fmt: skip
    if dim is Dimensie.KENMERK:
        return {
            str(i): (c, f"{c} {n}")
            for i, c, n in session.execute(select(Kenmerk.id, Kenmerk.code, Kenmerk.naam))
        }
    return {}


def _per_instrument(session: Session, f: Feiten) -> list[GebruikRij]:
    c = f.tabel.c
    conn = session.connection()
    op_lijst_vraag = select(GesprekOptie.instrument_id, func.count())
    if f.filter.van is None and f.filter.tot is None and f.filter.gemeente is not None:
        # Only a gemeente: its own fact rows name the gesprekken (a third less work than
        # going through the month rows as well).
        op_lijst_vraag = op_lijst_vraag.where(
            GesprekOptie.gesprek_id.in_(
                select(c.gesprek_id).where(c.soort == "gemeente", c.sleutel == f.filter.gemeente)
            )
        )
    elif f.filter != InzichtFilter():
        # Without a filter every gesprek counts: the instrument index alone answers.
        op_lijst_vraag = op_lijst_vraag.where(
            GesprekOptie.gesprek_id.in_(select(c.gesprek_id).where(*f.waar("maand")))
        )
    op_lijst = dict(conn.execute(op_lijst_vraag.group_by(GesprekOptie.instrument_id)).all())
    # ix_gesprek_feit_keuze: (soort, keuze_id, status) in order; a row per instrument.
    gekozen = {
        r[0]: tuple(map(int, r[1:]))
        for r in conn.execute(
            select(
                c.keuze_id,
                func.count(),
                *(func.sum(case((c.status == s, 1), else_=0)) for s in STATUSSEN),
            )
            .where(*f.waar("maand"), c.keuze_id.is_not(None))
            .group_by(c.keuze_id)
        )
    }
    uit = []
    geen = (0,) * (1 + len(STATUSSEN))
    namen = select(Instrument.id, Instrument.naam).order_by(Instrument.naam)
    for i, naam in conn.execute(namen):
        lijst, t = int(op_lijst.get(i, 0)), gekozen.get(i)
        if not lijst and t is None:
            continue
        n, *status = t or geen
        uit.append(GebruikRij(str(i), naam, max(lijst, n), lijst, n, *status))
    return uit


def gebruik(session: Session, filter_: InzichtFilter, dim: Dimensie) -> list[GebruikRij]:
    """Raw use counts for `dim` in the filter, sorted by key (instruments by name).

    Rows only for keys with at least one gesprek; GEEN collects gesprekken without a value.
    Grouped SQL over the stored facts (feiten.py); only a row per group (and month) reaches
    Python.
    """
    with feiten(session, filter_) as f:
        if dim is Dimensie.INSTRUMENT:
            return _per_instrument(session, f)
        codes = _codes(session, dim)
        uit = []
        for sleutel, tellen in _per_sleutel(session, f, dim).items():
            code, naam = codes.get(sleutel, (sleutel, sleutel))
            uit.append(GebruikRij(code, naam, *tellen))
    return sorted(uit, key=lambda r: (r.sleutel == GEEN, r.sleutel))
