"""Use of instruments per instrument, route, kenmerk, gemeente and month (issue 15 item 4).

Counts are gesprekken. For an instrument: on its shortlist, chose it, and of those the newest
terugblik's status. For a route, kenmerk or gemeente (what the coach chose in the search) and
for a month (when the gesprek was held): all gesprekken in that group, with a shortlist, with
a choice, and by newest status. A gesprek with two routes counts under both.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from sqlalchemy import CompoundSelect, Connection, Select, and_, case, func, select, true, union_all
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import FengerRoute, Kenmerk
from keuzehulp.model.gesprek import GesprekOptie
from keuzehulp.model.gesprekfeit import GEEN as GEEN
from keuzehulp.model.gesprekfeit import InzichtTotaal
from keuzehulp.services.inzicht.feiten import STATUSSEN, Feiten, feiten, totalen_bruikbaar
from keuzehulp.services.inzicht.filter import InzichtFilter, begin_van_dag
from keuzehulp.services.inzicht.sql import dialect


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


KORTE_LIJSTEN = "korte_lijsten"  # Feiten.vooraf: a vooruit.Vooruit of `korte_lijsten`

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


def korte_lijsten(session: Session, f: Feiten) -> dict[int, int]:
    """Instrument id -> the number of the filter's gesprekken with it on the shortlist (only
    instruments on at least one). Grouped queries over gesprek_optie; without a filter the
    instrument index alone answers.

    On SQLite a period holding most gesprekken (the screen's "last 12 months") is counted
    as all gesprekken of the gemeente filter minus those outside the period: the semi-join
    then probes the smaller set (half the work at 200,000 gesprekken). Exact either way."""
    c = f.tabel.c
    conn = session.connection()
    basis = _gemeente_ids(f)  # the gesprekken of the gemeente filter (None: all)
    if f.filter.van is None and f.filter.tot is None:
        return _opties(conn, basis)
    periode = f.filter.voorwaarden(f.tabel)[: _periode_delen(f)]
    # The months the period touches as well (implied by the dates): a range of
    # ix_gesprek_feit_maand on SQLite, not a pass over every gesprek (half the work for a
    # month at 200,000 gesprekken).
    maanden = [c.maand >= f"{f.filter.van:%Y-%m}"] if f.filter.van else []
    if f.filter.tot:
        maanden.append(c.maand <= f"{f.filter.tot:%Y-%m}")
    binnen = select(c.gesprek_id).where(c.soort == "maand", *periode, *maanden)
    if basis is not None:
        binnen = binnen.where(c.gesprek_id.in_(basis))
    if not _meestal_binnen(session, f):
        return _opties(conn, binnen)
    uit = _opties(conn, basis)
    for i, n in _opties(conn, _buiten(f, basis)).items():
        over = uit[i] - n
        if over:
            uit[i] = over
        else:
            del uit[i]
    return uit


def _buiten(
    f: Feiten, basis: Select[tuple[int]] | None
) -> CompoundSelect[tuple[int]] | Select[tuple[int]]:
    """The ids of the gesprekken before or after the period (of the gemeente filter's
    `basis`, None: all): a range of ix_gesprek_feit_maand per side, by the month each side
    cannot pass (a fifth less work at 200,000 gesprekken than a pass over every gesprek)."""
    c = f.tabel.c
    van, tot = f.filter.van, f.filter.tot
    delen: list[Select[tuple[int]]] = []
    if van is not None:
        delen.append(select(c.gesprek_id).where(
            c.soort == "maand", c.maand <= f"{van:%Y-%m}", c.aangemaakt_op < begin_van_dag(van)
        ))  # fmt: skip
    if tot is not None:
        na = tot + dt.timedelta(days=1)
        delen.append(select(c.gesprek_id).where(
            c.soort == "maand", c.maand >= f"{na:%Y-%m}", c.aangemaakt_op >= begin_van_dag(na)
        ))  # fmt: skip
    if basis is not None:
        delen = [d.where(c.gesprek_id.in_(basis)) for d in delen]
    return delen[0] if len(delen) == 1 else union_all(*delen)


def _periode_delen(f: Feiten) -> int:
    """How many of `InzichtFilter.voorwaarden` are about the period (they come first)."""
    return (f.filter.van is not None) + (f.filter.tot is not None)


def _gemeente_ids(f: Feiten) -> Select[tuple[int]] | None:
    """The ids of the gesprekken with the filter's gemeente (its own fact rows), or None."""
    if not f.filter.gemeente:
        return None
    c = f.tabel.c
    return select(c.gesprek_id).where(c.soort == "gemeente", c.sleutel == f.filter.gemeente)


def _opties(
    conn: Connection, ids: CompoundSelect[tuple[int]] | Select[tuple[int]] | None
) -> dict[int, int]:
    """Instrument id -> shortlists among the gesprekken `ids` (None: all gesprekken)."""
    vraag = select(GesprekOptie.instrument_id, func.count())
    if ids is not None:
        vraag = vraag.where(GesprekOptie.gesprek_id.in_(ids))
    return {int(i): int(n) for i, n in conn.execute(vraag.group_by(GesprekOptie.instrument_id))}


def _meestal_binnen(session: Session, f: Feiten) -> bool:
    """Whether to count the period's shortlists as all minus those outside it: on SQLite,
    when the period holds more than half of the gesprekken, by the month totals of all
    gemeenten (inzicht_totaal: a row per month; the months the period touches count whole).
    SQLite probes gesprek_optie's key once per gesprek of the id list, so the smaller list
    wins. PostgreSQL hashes the list and reads every option either way: two reads instead of
    one (measured 10% slower), so never there. Decides only how `korte_lijsten` counts,
    never what it counts; False when this login may not read the totals."""
    if dialect(session) != "sqlite" or not totalen_bruikbaar(session):
        return False
    t = InzichtTotaal.__table__.c
    binnen = [t.maand >= f"{f.filter.van:%Y-%m}"] if f.filter.van else []
    if f.filter.tot:
        binnen.append(t.maand <= f"{f.filter.tot:%Y-%m}")
    vraag = select(
        func.coalesce(func.sum(case((and_(true(), *binnen), t.gesprekken), else_=0)), 0),
        func.coalesce(func.sum(t.gesprekken), 0),
    ).where(t.filter_gemeente == "", t.soort == "maand")
    deel, alle = session.connection().execute(vraag).one()
    return 2 * int(deel) > int(alle)


def _per_instrument(session: Session, f: Feiten) -> list[GebruikRij]:
    c = f.tabel.c
    conn = session.connection()
    # ix_gesprek_feit_keuze: (soort, keuze_id, status) in order; a row per instrument.
    # Counts are ints on both engines (COUNT gives bigint on PostgreSQL, int in psycopg).
    gekozen = {
        i: tellen
        for i, *tellen in conn.execute(
            select(
                c.keuze_id,
                func.count(),
                *(func.count().filter(c.status == s) for s in STATUSSEN),
            )
            .where(*f.waar("maand"), c.keuze_id.is_not(None))
            .group_by(c.keuze_id)
        )
    }
    # The shortlist counts: started ahead on a thread of their own (overzicht.py), else here.
    vooraf = f.vooraf.get(KORTE_LIJSTEN)
    op_lijst = vooraf.uitkomst() if vooraf is not None else korte_lijsten(session, f)
    uit = []
    geen = [0] * (1 + len(STATUSSEN))
    vraag, kies = op_lijst.get, gekozen.get
    for i, naam in f.instrumenten(session):
        lijst, t = vraag(i, 0), kies(i)
        if t is None:
            if not lijst:
                continue
            t = geen
        n = t[0]
        uit.append(GebruikRij(str(i), naam, lijst if lijst > n else n, lijst, n, *t[1:]))
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
