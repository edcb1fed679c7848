"""Per gesprek, the facts the Inzicht figures count, stored and kept right at write time.

Counting use, cost and outcomes per screen would otherwise mean reading every gesprek's search
filters (JSON) and finding its newest terugblik (a window over all terugblikken) each time,
and joining the route, kenmerk and gemeente links: seconds at 200,000 gesprekken. So each
gesprek has rows in `gesprek_feit`, one per group it counts in:

- soort "maand": exactly one row, sleutel = the month it was held ("JJJJ-MM", UTC);
- soort "route" / "kenmerk": one row per route / kenmerk id of its search (as text);
- soort "gemeente": one row per gemeente name in its search filters;
- GEEN as sleutel when the search had no route, kenmerk or gemeente.

Every row carries the same facts of its gesprek (month, date, choice and its current price,
shortlist, and the status, goal and instrument of its newest terugblik), so each figure is one
indexed GROUP BY over one table, without joins (services/inzicht/).

The rows are rebuilt set-based by `werk_feiten_bij` for the gesprekken a unit of work touched:
a flush listener does that for every ORM write (gesprek saved, shortlist changed, terugblik
added, changed or deleted), and copies an instrument's new price (on PostgreSQL a trigger
does, so that row-level security cannot hide other coaches' facts from it). Bulk writers that bypass
the ORM (services/voorbeeldgesprekken.py, an archive import) call `werk_feiten_bij`
themselves; so does whoever changes terugblikken, shortlists or a price with a bulk UPDATE or
DELETE statement. Deleting a gesprek deletes its rows (ON DELETE CASCADE). Migration 0006
fills the table for existing databases with the same rule.

`inzicht_totaal` (InzichtTotaal, migration 0009) sums the fact rows per gemeente filter,
group and month. The app never writes it: triggers on gesprek_feit do, in the statement that
writes, deletes (also by cascade) or updates facts, so it follows every path above. A future
migration that rebuilds gesprek_feit on SQLite (batch mode) must create those triggers again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import JSON as SA_JSON
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    case,
    cast,
    delete,
    event,
    func,
    insert,
    literal,
    select,
    true,
    union_all,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, Session, UOWTransaction, mapped_column
from sqlalchemy.orm.attributes import get_history
from sqlalchemy.sql import Select

from keuzehulp.model.base import Base
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.gesprek import Gesprek, GesprekOptie, gesprek_kenmerk, gesprek_route
from keuzehulp.model.mutatielog import LogSessie
from keuzehulp.model.terugblik import Terugblik

GEEN = "(geen)"  # the sleutel of gesprekken without a route, kenmerk or gemeente in their search
SOORTEN: tuple[str, ...] = ("maand", "route", "kenmerk", "gemeente")
_BLOK = 500  # gesprek ids per statement (bind parameter limits)


class GesprekFeit(Base):
    """One group a gesprek counts in, with the gesprek's facts (see the module docstring)."""

    __tablename__ = "gesprek_feit"

    gesprek_id: Mapped[int] = mapped_column(
        ForeignKey("gesprek.id", ondelete="CASCADE"), primary_key=True
    )
    soort: Mapped[str] = mapped_column(String(10), primary_key=True)  # SOORTEN
    sleutel: Mapped[str] = mapped_column(String(120), primary_key=True)
    aangemaakt_op: Mapped[dt.datetime] = mapped_column()  # copy of the gesprek's
    maand: Mapped[str] = mapped_column(String(7))  # "JJJJ-MM" of aangemaakt_op, UTC
    keuze_id: Mapped[int | None] = mapped_column(Integer)  # copy of gesprek.keuze_id
    korte_lijst: Mapped[int] = mapped_column(Integer)  # 1 with a shortlist, else 0 (summable)
    # Of the newest terugblik (latest aangemaakt_op, then highest id); None without one.
    status: Mapped[str | None] = mapped_column(String(20))
    doel: Mapped[str | None] = mapped_column(String(20))
    terugblik_instrument_id: Mapped[int | None] = mapped_column(Integer)
    # The chosen instrument's current kosten_centen (None: no choice, or no amount); kept
    # right when an instrument's price changes (the flush listener below).
    centen: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (
        # Each figure is one scan of one of these indexes, in group order (EXPLAIN QUERY PLAN:
        # "USING COVERING INDEX", no temp B-tree), the period filter and, through gesprek_id,
        # the gemeente filter's semi-join included.
        Index(
            "ix_gesprek_feit_groep",
            "soort", "sleutel", "maand", "status", "korte_lijst", "keuze_id", "aangemaakt_op",
            "centen", "gesprek_id",
        ),
        Index(
            "ix_gesprek_feit_keuze", "soort", "keuze_id", "status", "aangemaakt_op", "gesprek_id"
        ),
        Index(
            "ix_gesprek_feit_terugblik",
            "soort", "terugblik_instrument_id", "status", "doel", "aangemaakt_op", "gesprek_id",
        ),
        # The partial first and last month of a period (services/inzicht/feiten.py).
        Index(
            "ix_gesprek_feit_maand",
            "soort", "maand", "aangemaakt_op", "sleutel", "status", "korte_lijst", "keuze_id",
            "centen", "gesprek_id",
        ),
    )  # fmt: skip


class InzichtTotaal(Base):
    """Per gemeente filter, group and month: the sums of the fact rows in it (migration 0009).

    `filter_gemeente` "" holds every gesprek; a gemeente name holds the gesprekken with that
    gemeente in their search. Written only by the database's triggers on gesprek_feit (in the
    transaction that writes the facts), never by the app; a group whose gesprekken all left
    keeps a row of zeros. Read by services/inzicht/feiten.py."""

    __tablename__ = "inzicht_totaal"

    filter_gemeente: Mapped[str] = mapped_column(String(120), primary_key=True)
    soort: Mapped[str] = mapped_column(String(10), primary_key=True)  # SOORTEN
    sleutel: Mapped[str] = mapped_column(String(120), primary_key=True)
    maand: Mapped[str] = mapped_column(String(7), primary_key=True)  # "JJJJ-MM", UTC
    gesprekken: Mapped[int] = mapped_column(Integer)
    korte_lijst: Mapped[int] = mapped_column(Integer)
    gekozen: Mapped[int] = mapped_column(Integer)
    gestart: Mapped[int] = mapped_column(Integer)
    afgerond: Mapped[int] = mapped_column(Integer)
    gestopt: Mapped[int] = mapped_column(Integer)
    zonder_bedrag: Mapped[int] = mapped_column(Integer)  # choices of an instrument without amount
    centen: Mapped[int] = mapped_column(BigInteger)  # sum of the known amounts


def _tabel() -> Table:
    tabel = GesprekFeit.__table__
    assert isinstance(tabel, Table)
    return tabel


def maand_sql(kolom: Any, dialect: str) -> ColumnElement[str]:
    """The calendar month (UTC) of a timestamp column as text "JJJJ-MM", e.g. "2026-03"."""
    if dialect == "sqlite":
        # SQLAlchemy stores UTC timestamps on SQLite as "2026-03-01 12:00:00.000000".
        return func.strftime("%Y-%m", kolom)
    return func.to_char(func.timezone("UTC", kolom), "YYYY-MM")


def _gemeenten(dialect: str) -> Any:
    """The gemeente names in a gesprek's stored search filters, as a table-valued function."""
    if dialect == "sqlite":
        return func.json_each(Gesprek.zoekfilters, "$.gemeenten").table_valued("value")
    lijst = cast(Gesprek.zoekfilters, SA_JSON)["gemeenten"]
    return func.json_array_elements_text(lijst).table_valued("value")


def _nieuwste(ids: list[int] | None) -> Any:
    """Per gesprek its newest terugblik (latest aangemaakt_op, then highest id): one window
    over the terugblikken of these gesprekken, joined once (no lookup per gesprek)."""
    rang = func.row_number().over(
        partition_by=Terugblik.gesprek_id,
        order_by=(Terugblik.aangemaakt_op.desc(), Terugblik.id.desc()),
    )
    alle = select(
        Terugblik.gesprek_id,
        Terugblik.status,
        Terugblik.doel_bereikt,
        Terugblik.instrument_id,
        rang.label("rang"),
    ).where(*_binnen(Terugblik.gesprek_id, ids))
    return alle.subquery("terugblikken")


def _vul(conn: Connection, ids: list[int] | None) -> None:
    """Insert the rows of these gesprekken (None: all of them; the table must hold none)."""
    dialect = conn.dialect.name
    f = _tabel()
    kolommen = [c.name for c in f.c]
    maand = maand_sql(Gesprek.aangemaakt_op, dialect)
    lijst = select(GesprekOptie.gesprek_id).where(*_binnen(GesprekOptie.gesprek_id, ids))
    t = _nieuwste(ids)
    conn.execute(
        insert(f).from_select(
            kolommen,
            select(
                Gesprek.id,
                literal("maand"),
                maand,
                Gesprek.aangemaakt_op,
                maand,
                Gesprek.keuze_id,
                case((Gesprek.id.in_(lijst), 1), else_=0),
                t.c.status,
                t.c.doel_bereikt,
                t.c.instrument_id,
                Instrument.kosten_centen,
            )
            .outerjoin(t, (t.c.gesprek_id == Gesprek.id) & (t.c.rang == 1))
            .outerjoin(Instrument, Instrument.id == Gesprek.keuze_id)
            .where(*_binnen(Gesprek.id, ids)),
        )
    )
    # The other groups copy the facts of the month row just written: one statement for all
    # three (UNION ALL), so a save costs two statements here, not four.
    m = f.alias("m")
    feiten = [m.c[k] for k in kolommen[3:]]
    basis = [m.c.soort == "maand", *_binnen(m.c.gesprek_id, ids)]
    delen: list[Select[Any]] = []
    for soort, link, kolom in (
        ("route", gesprek_route, gesprek_route.c.route_id),
        ("kenmerk", gesprek_kenmerk, gesprek_kenmerk.c.kenmerk_id),
    ):
        sleutel = func.coalesce(cast(kolom, String), literal(GEEN))
        delen.append(
            select(m.c.gesprek_id, literal(soort), sleutel, *feiten)
            .select_from(m)
            .outerjoin(link, link.c.gesprek_id == m.c.gesprek_id)
            .where(*basis)
        )
    namen = _gemeenten(dialect)
    per_gemeente = (
        select(Gesprek.id.label("gesprek_id"), namen.c.value.label("gemeente"))
        .join_from(Gesprek, namen, true())
        .where(*_binnen(Gesprek.id, ids))
        .distinct()
        .subquery("per_gemeente")
    )
    delen.append(
        select(
            m.c.gesprek_id,
            literal("gemeente"),
            func.coalesce(per_gemeente.c.gemeente, literal(GEEN)),
            *feiten,
        )
        .select_from(m)
        .outerjoin(per_gemeente, per_gemeente.c.gesprek_id == m.c.gesprek_id)
        .where(*basis)
    )
    conn.execute(insert(f).from_select(kolommen, union_all(*delen)))


def _binnen(kolom: Any, ids: list[int] | None) -> list[ColumnElement[bool]]:
    return [] if ids is None else [kolom.in_(ids)]


def werk_feiten_bij(
    conn: Connection, gesprek_ids: Iterable[int] | None, *, nieuw: bool = False
) -> None:
    """Rebuild the fact rows of these gesprekken from what is stored now, set-based.

    None rebuilds every gesprek's rows in a few whole-table statements (for bulk loads).
    Ids of gesprekken that no longer exist just lose their rows. `nieuw`: the gesprekken were
    inserted in this transaction and have no rows yet, so none are deleted first. Runs in
    the caller's transaction; two statements per 500 ids (three without `nieuw`). No errors
    of its own.
    """
    tabel = _tabel()
    if gesprek_ids is None:
        conn.execute(delete(tabel))
        _vul(conn, None)
        return
    alle = sorted(set(gesprek_ids))
    for begin in range(0, len(alle), _BLOK):
        ids = alle[begin : begin + _BLOK]
        if not nieuw:
            conn.execute(delete(tabel).where(tabel.c.gesprek_id.in_(ids)))
        _vul(conn, ids)


def _gesprek_id(obj: object) -> int | None:
    if isinstance(obj, Gesprek):
        return obj.id
    if isinstance(obj, GesprekOptie | Terugblik):
        # The loaded value, without a database round trip (deleted objects included).
        waarde = obj.__dict__.get("gesprek_id")
        return waarde if isinstance(waarde, int) else None
    return None


def _na_flush(session: Session, _flush: UOWTransaction) -> None:
    geraakt: set[int] = set()
    for obj in (*session.new, *session.dirty):
        if (gid := _gesprek_id(obj)) is not None:
            geraakt.add(gid)
        if isinstance(obj, GesprekOptie | Terugblik) and obj in session.dirty:
            # Moved to another gesprek: the one it left changes too.
            geraakt.update(g for g in get_history(obj, "gesprek_id").deleted if g is not None)
    for obj in session.deleted:
        if not isinstance(obj, Gesprek) and (gid := _gesprek_id(obj)) is not None:
            geraakt.add(gid)
    if geraakt:
        # session.new still holds what this flush inserted: new gesprekken have no rows yet.
        nieuw = {o.id for o in session.new if isinstance(o, Gesprek)}
        werk_feiten_bij(session.connection(), geraakt, nieuw=geraakt <= nieuw)
    if session.connection().dialect.name == "postgresql":
        return  # a trigger of migration 0006 copies prices, past row-level security
    tabel = _tabel()
    for obj in session.dirty:
        if isinstance(obj, Instrument) and get_history(obj, "kosten_centen").has_changes():
            session.connection().execute(
                update(tabel)
                .where(tabel.c.soort.in_(SOORTEN), tabel.c.keuze_id == obj.id)
                .values(centen=obj.kosten_centen)
            )


# On the app's Session class, once, at import (like the mutation log's listeners).
event.listen(LogSessie, "after_flush", _na_flush)
