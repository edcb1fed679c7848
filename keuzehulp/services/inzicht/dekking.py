"""Coverage of the catalogue: active instruments per kenmerk x route, and per gemeente.

A white spot ("witte vlek", issue 15) is a cell with 0 or 1 active instruments. A kenmerk
counts an instrument tagged with it or with one of its derived kenmerken (3.1 covers 3.1.2).
For a gemeente, an instrument counts when it is offered there or in all gemeenten: one only
in Tiel does not cover Zaltbommel. No gesprekken are counted, so nothing is suppressed.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    String,
    Table,
    exists,
    func,
    insert,
    or_,
    select,
)
from sqlalchemy.orm import Session

from keuzehulp.model.catalogus import (
    FengerRoute,
    Gemeente,
    Instrument,
    InstrumentStatus,
    Kenmerk,
    instrument_gemeente,
    instrument_kenmerk,
    instrument_route,
)

WIT_MAXIMUM = 1  # 0 or 1 instrument: a white spot
_volgnummer = itertools.count(1)


@dataclass(frozen=True, slots=True)
class Dekking:
    """Rows are active kenmerken (code, name, depth 0 for a group), columns are routes (code,
    Dutch label) or gemeenten; `aantal[(kenmerk_code, kolom)]` counts active instruments."""

    kenmerken: list[tuple[str, str, int]]
    kolommen: list[tuple[str, str]]
    aantal: dict[tuple[str, str], int]

    def wit(self, kenmerk: str, kolom: str) -> bool:
        return self.aantal.get((kenmerk, kolom), 0) <= WIT_MAXIMUM


def _kenmerken(session: Session) -> list[tuple[str, str, int]]:
    vraag = select(Kenmerk.code, Kenmerk.naam).where(Kenmerk.actief.is_(True))
    rijen = [(c, n) for c, n in session.execute(vraag)]
    # Codes sort as number tuples: 1.10 after 1.9.
    rijen.sort(key=lambda r: tuple(int(d) if d.isdecimal() else 0 for d in r[0].split(".")))
    return [(c, n, c.count(".")) for c, n in rijen]


def _in_gemeente(gemeente_id: Any) -> ColumnElement[bool]:
    return or_(
        Instrument.alle_gemeenten.is_(True),
        exists().where(
            instrument_gemeente.c.instrument_id == Instrument.id,
            instrument_gemeente.c.gemeente_id == gemeente_id,
        ),
    )


@contextmanager
def _basis(session: Session) -> Iterator[tuple[Any, Any]]:
    """Active instruments per kenmerk row, where a row also counts its derived kenmerken.

    The tree is small (tens of kenmerken), so its closure (tagged kenmerk id -> row code) is
    put in a temporary table: the database then joins on ids instead of testing a LIKE for
    every row (portable; SQLite has no aliased VALUES list)."""
    kenmerken = session.execute(select(Kenmerk.id, Kenmerk.code, Kenmerk.actief)).all()
    actief = {code for _, code, aan in kenmerken if aan}
    paren = [
        {"kenmerk_id": kid, "code": rij}
        for kid, code, _ in kenmerken
        for rij in actief
        if code == rij or code.startswith(rij + ".")
    ]
    sluiting = Table(
        f"inzicht_sluiting_{next(_volgnummer)}",
        MetaData(),
        Column("kenmerk_id", Integer, index=True),
        Column("code", String(20)),
        prefixes=["TEMPORARY"],
    )
    conn = session.connection()
    sluiting.create(conn)
    if paren:
        conn.execute(insert(sluiting), paren)
    vraag = (
        select(sluiting.c.code)
        .join(instrument_kenmerk, instrument_kenmerk.c.kenmerk_id == sluiting.c.kenmerk_id)
        .join(Instrument, Instrument.id == instrument_kenmerk.c.instrument_id)
        .where(Instrument.status == InstrumentStatus.ACTIEF)
    )
    yield sluiting.c, vraag
    sluiting.drop(conn)


def dekking_routes(session: Session, gemeente: str | None = None) -> Dekking:
    """Kenmerk x route matrix of active instruments; with `gemeente`, only those offered there.

    Columns are (route code, Dutch label, e.g. "Eerst verbeteren leefsituatie"): the label
    is what the rest of the app shows. An unknown gemeente gives an all-white matrix."""
    routes = session.execute(
        select(FengerRoute.code, FengerRoute.label).order_by(FengerRoute.volgorde)
    ).all()
    with _basis(session) as (rij, vraag):
        vraag = vraag.join(
            instrument_route, instrument_route.c.instrument_id == Instrument.id
        ).join(FengerRoute, FengerRoute.id == instrument_route.c.route_id)
        if gemeente:
            gid = select(Gemeente.id).where(Gemeente.naam == gemeente).scalar_subquery()
            vraag = vraag.where(_in_gemeente(gid))
        vraag = vraag.add_columns(FengerRoute.code, func.count(func.distinct(Instrument.id)))
        vraag = vraag.group_by(rij.code, FengerRoute.code)
        aantal = {(k, r): n for k, r, n in session.execute(vraag)}
    return Dekking(_kenmerken(session), [(c, n) for c, n in routes], aantal)


def dekking_gemeenten(session: Session) -> Dekking:
    """Kenmerk x gemeente matrix: active instruments (any route) offered in each gemeente.

    An instrument is offered either in all gemeenten or in those of its list, never both:
    so a cell is the instruments of "alle gemeenten" of its kenmerk (one count per kenmerk,
    the same in every column) plus those listed for the gemeente. Two grouped queries
    instead of one over every "alle gemeenten" instrument repeated per gemeente (at 10,000
    instruments about four times less work)."""
    namen = session.scalars(select(Gemeente.naam).order_by(Gemeente.naam)).all()
    with _basis(session) as (rij, vraag):
        overal_vraag = (
            vraag.where(Instrument.alle_gemeenten.is_(True))
            .add_columns(func.count(func.distinct(Instrument.id)))
            .group_by(rij.code)
        )
        overal = {k: n for k, n in session.execute(overal_vraag)}
        lijst_vraag = (
            vraag.join(instrument_gemeente, instrument_gemeente.c.instrument_id == Instrument.id)
            .join(Gemeente, Gemeente.id == instrument_gemeente.c.gemeente_id)
            .where(Instrument.alle_gemeenten.is_(False))
            .add_columns(Gemeente.naam, func.count(func.distinct(Instrument.id)))
            .group_by(rij.code, Gemeente.naam)
        )
        aantal = {(k, g): n for k, g, n in session.execute(lijst_vraag)}
    for k, n in overal.items():
        for g in namen:
            aantal[k, g] = aantal.get((k, g), 0) + n
    return Dekking(_kenmerken(session), [(n, n) for n in namen], aantal)
