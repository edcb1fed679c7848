"""Coverage of the catalogue: active instruments per kenmerk x route, and per gemeente.

A white spot ("witte vlek", issue 15) is a cell with 0 or 1 active instruments. A kenmerk
counts an instrument tagged with it or with one of its derived kenmerken (3.1 covers 3.1.2).
For a gemeente, an instrument counts when it is offered there or in all gemeenten: one only
in Tiel does not cover Zaltbommel. No gesprekken are counted, so nothing is suppressed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

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


@dataclass(frozen=True, slots=True)
class Dekking:
    """Rows are active kenmerken (code, name, depth 0 for a group), columns are routes (code,
    name) or gemeenten; `aantal[(kenmerk_code, kolom)]` is the number of active instruments."""

    kenmerken: list[tuple[str, str, int]]
    kolommen: list[tuple[str, str]]
    aantal: dict[tuple[str, str], int]

    def wit(self, kenmerk: str, kolom: str) -> bool:
        return self.aantal.get((kenmerk, kolom), 0) <= WIT_MAXIMUM


def _kenmerken(session: Session) -> list[tuple[str, str, int]]:
    vraag = select(Kenmerk.code, Kenmerk.naam).where(Kenmerk.actief.is_(True))
    rijen = [(c, n) for c, n in session.execute(vraag)]
    # Codes sort as number tuples: 1.10 after 1.9.
    rijen.sort(key=lambda r: tuple(int(d) if d.isdigit() else 0 for d in r[0].split(".")))
    return [(c, n, c.count(".")) for c, n in rijen]


def _in_gemeente(gemeente_id: Any) -> ColumnElement[bool]:
    return or_(
        Instrument.alle_gemeenten.is_(True),
        exists().where(
            instrument_gemeente.c.instrument_id == Instrument.id,
            instrument_gemeente.c.gemeente_id == gemeente_id,
        ),
    )


def _basis() -> tuple[Any, Any]:
    rij = aliased(Kenmerk, name="rij")
    getagd = aliased(Kenmerk, name="getagd")
    vraag = (
        select(rij.code)
        .join(getagd, or_(getagd.id == rij.id, getagd.code.startswith(rij.code + ".")))
        .join(instrument_kenmerk, instrument_kenmerk.c.kenmerk_id == getagd.id)
        .join(Instrument, Instrument.id == instrument_kenmerk.c.instrument_id)
        .where(Instrument.status == InstrumentStatus.ACTIEF, rij.actief.is_(True))
    )
    return rij, vraag


def dekking_routes(session: Session, gemeente: str | None = None) -> Dekking:
    """Kenmerk x route matrix of active instruments; with `gemeente`, only those offered there.

    An unknown gemeente gives an all-white matrix (nothing is offered there)."""
    rij, vraag = _basis()
    vraag = vraag.join(instrument_route, instrument_route.c.instrument_id == Instrument.id).join(
        FengerRoute, FengerRoute.id == instrument_route.c.route_id
    )
    if gemeente:
        gid = select(Gemeente.id).where(Gemeente.naam == gemeente).scalar_subquery()
        vraag = vraag.where(_in_gemeente(gid))
    vraag = vraag.add_columns(FengerRoute.code, func.count(func.distinct(Instrument.id)))
    vraag = vraag.group_by(rij.code, FengerRoute.code)
    routes = session.execute(
        select(FengerRoute.code, FengerRoute.naam).order_by(FengerRoute.volgorde)
    ).all()
    return Dekking(
        kenmerken=_kenmerken(session),
        kolommen=[(c, n) for c, n in routes],
        aantal={(k, r): n for k, r, n in session.execute(vraag)},
    )


def dekking_gemeenten(session: Session) -> Dekking:
    """Kenmerk x gemeente matrix: active instruments (any route) offered in each gemeente."""
    rij, vraag = _basis()
    vraag = vraag.join(Gemeente, _in_gemeente(Gemeente.id))
    vraag = vraag.add_columns(Gemeente.naam, func.count(func.distinct(Instrument.id)))
    vraag = vraag.group_by(rij.code, Gemeente.naam)
    namen = session.scalars(select(Gemeente.naam).order_by(Gemeente.naam)).all()
    return Dekking(
        kenmerken=_kenmerken(session),
        kolommen=[(n, n) for n in namen],
        aantal={(k, g): n for k, g, n in session.execute(vraag)},
    )
