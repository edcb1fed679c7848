"""Per gesprek, the facts every Inzicht figure counts, gathered once per unit of work.

Counting use, cost and outcomes means looking at each gesprek's shortlist, choice and newest
terugblik. Doing that in every aggregate would repeat the expensive part (a window function
over all terugblikken, and the JSON of the search filters) a dozen times. So `feiten()` fills
two temporary tables once (portable: CREATE TEMPORARY TABLE ... AS via INSERT ... SELECT on
SQLite and PostgreSQL) and the aggregates group those. They vanish with the connection, and
are dropped at the end of the outermost `feiten()`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Subquery,
    Table,
    case,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.gesprek import Gesprek, GesprekOptie
from keuzehulp.model.terugblik import Terugblik
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.sql import dialect, gesprek_gemeenten, maand

# The course statuses counted per gesprek, from its newest terugblik (issue 15 item 4).
STATUSSEN: tuple[str, ...] = ("gestart", "afgerond", "gestopt")
_SLEUTEL = "keuzehulp.inzicht.feiten"
_volgnummer = itertools.count(1)


@dataclass(frozen=True, slots=True)
class Feiten:
    """The two temporary tables of one filter.

    `gesprek`: gesprek_id, maand ("JJJJ-MM"), keuze_id, lijst (1 with a shortlist, else 0),
    and of the newest terugblik: status, doel (goal reached) and instrument_id (tb_instrument);
    centen: the chosen instrument's kosten_centen (None without a choice or an amount).
    `gemeente`: gesprek_id, gemeente - one row per gemeente in the gesprek's search filter.
    """

    filter: InzichtFilter
    gesprek: Table
    gemeente: Table


def laatste_terugblik(filter_: InzichtFilter, naam: str) -> Subquery:
    """The newest terugblik of each gesprek in the filter (latest aangemaakt_op, then id)."""
    rang = (
        func.row_number()
        .over(
            partition_by=Terugblik.gesprek_id,
            order_by=(Terugblik.aangemaakt_op.desc(), Terugblik.id.desc()),
        )
        .label("rang")
    )
    alle_vraag = select(
        Terugblik.gesprek_id,
        Terugblik.instrument_id,
        Terugblik.status,
        Terugblik.doel_bereikt,
        rang,
    )
    voorwaarden = filter_.voorwaarden(naam)
    if voorwaarden:
        # Only a filter needs the join; without one it would cost a gesprek lookup per row
        # (the caller's outer join onto gesprek keeps the result the same).
        alle_vraag = alle_vraag.join(Gesprek, Gesprek.id == Terugblik.gesprek_id).where(
            *voorwaarden
        )
    alle = alle_vraag.subquery("alle_terugblikken")
    return select(alle).where(alle.c.rang == 1).subquery("laatste_terugblik")


def _tabellen(nummer: int) -> tuple[Table, Table]:
    meta = MetaData()
    gesprek = Table(
        f"inzicht_feit_{nummer}",
        meta,
        Column("gesprek_id", Integer, primary_key=True),
        Column("maand", String(7)),
        Column("keuze_id", Integer, index=True),
        Column("lijst", Integer),
        Column("status", String(20)),
        Column("doel", String(20)),
        Column("tb_instrument", Integer),
        Column("centen", Integer),
        prefixes=["TEMPORARY"],
    )
    gemeente = Table(
        f"inzicht_feit_gemeente_{nummer}",
        meta,
        Column("gesprek_id", Integer, index=True),
        Column("gemeente", String(120)),
        prefixes=["TEMPORARY"],
    )
    return gesprek, gemeente


def _vul(session: Session, f: Feiten) -> None:
    naam = dialect(session)
    conn = session.connection()
    f.gesprek.create(conn)
    f.gemeente.create(conn)
    laatste = laatste_terugblik(f.filter, naam)
    # IN over the shortlist's primary key index: one pass (a hashed set on PostgreSQL), not
    # a correlated EXISTS per gesprek.
    heeft_lijst = Gesprek.id.in_(select(GesprekOptie.gesprek_id))
    bron = (
        select(
            Gesprek.id,
            maand(Gesprek.aangemaakt_op, naam),
            Gesprek.keuze_id,
            case((heeft_lijst, 1), else_=0),
            laatste.c.status,
            laatste.c.doel_bereikt,
            laatste.c.instrument_id,
            Instrument.kosten_centen,
        )
        .outerjoin(laatste, laatste.c.gesprek_id == Gesprek.id)
        .outerjoin(Instrument, Instrument.id == Gesprek.keuze_id)
        .where(*f.filter.voorwaarden(naam))
    )
    conn.execute(insert(f.gesprek).from_select(list(f.gesprek.c.keys()), bron))
    gg = gesprek_gemeenten(naam)
    gemeenten = select(gg.c.gesprek_id, gg.c.gemeente)
    if f.filter.voorwaarden(naam):
        # Without a filter every gesprek is in the facts: no need to look each one up.
        gemeenten = gemeenten.where(gg.c.gesprek_id.in_(select(f.gesprek.c.gesprek_id)))
    conn.execute(insert(f.gemeente).from_select(["gesprek_id", "gemeente"], gemeenten))
    if naam == "postgresql":
        conn.exec_driver_sql(f"ANALYZE {f.gesprek.name}")
        conn.exec_driver_sql(f"ANALYZE {f.gemeente.name}")


@contextmanager
def feiten(session: Session, filter_: InzichtFilter) -> Iterator[Feiten]:
    """The facts of `filter_` in this session: built on first use, reused by nested calls
    with the same filter (so `bereken_inzicht` builds them once for all its figures)."""
    bestaand = session.info.get(_SLEUTEL)
    if isinstance(bestaand, Feiten) and bestaand.filter == filter_:
        yield bestaand
        return
    f = Feiten(filter_, *_tabellen(next(_volgnummer)))
    _vul(session, f)
    session.info[_SLEUTEL] = f
    try:
        yield f
    except BaseException:
        # A failed transaction refuses further statements; its rollback drops the tables.
        session.info[_SLEUTEL] = bestaand
        raise
    session.info[_SLEUTEL] = bestaand
    conn = session.connection()
    f.gemeente.drop(conn)
    f.gesprek.drop(conn)
