"""Catalogue-only Inzicht figures (coverage, overlap, instrument names and survey figures),
kept until the catalogue changes.

Coverage and overlap read only the catalogue, and every catalogue change writes a row to the
mutation log, whose rows form a hash chain (model/beheer.py `Mutatie`). The newest row's id
and hash therefore name one state of the catalogue: while they stay the same, so do these
figures, and a filter change or a new gesprek need not compute them again (at 10,000
instruments they cost seconds). The cache holds one state per database: its URL, and for an
in-memory SQLite database (whose URL names no database) also the engine. Not the engine
otherwise: the Inzicht screen computes in a worker process that opens a new engine for each
screen (services/proces.py `open_database`), and the figures must outlive it. Callers must
not change the figures it hands out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from keuzehulp.model.beheer import Mutatie
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import sqlite_pad
from keuzehulp.services.inzicht import dekking as dk
from keuzehulp.services.inzicht.overlap import OverlapPaar, overlap

T = TypeVar("T")
_slot = threading.Lock()
# (url, engine id) -> (log head, figures by key)
_cache: dict[tuple[str, int], tuple[tuple[Any, ...], dict[Any, Any]]] = {}


def _kop(session: Session) -> tuple[Any, ...]:
    """The mutation log's head: (id, hash) of its newest row, (0, "") for an empty log."""
    rij = session.execute(select(Mutatie.id, Mutatie.hash).order_by(Mutatie.id.desc()).limit(1))
    return tuple(rij.first() or (0, ""))


def _onthouden(session: Session, sleutel: Any, bereken: Callable[[], T]) -> T:
    bind = session.get_bind().engine
    in_geheugen = bind.url.get_backend_name() == "sqlite" and sqlite_pad(bind.url) is None
    url = (bind.url.render_as_string(hide_password=True), id(bind) if in_geheugen else 0)
    kop = _kop(session)
    with _slot:
        kop_oud, figuren = _cache.get(url, ((), {}))
        if kop_oud == kop and sleutel in figuren:
            return figuren[sleutel]  # type: ignore[no-any-return]
    waarde = bereken()  # outside the lock: another thread may compute the same, harmlessly
    with _slot:
        kop_oud, figuren = _cache.get(url, ((), {}))
        if kop_oud != kop:
            figuren = {}
            _cache[url] = (kop, figuren)
        figuren[sleutel] = waarde
    return waarde


def dekking_routes(session: Session, gemeente: str | None = None) -> dk.Dekking:
    """`dekking.dekking_routes`, computed once per catalogue state and gemeente."""
    return _onthouden(session, ("routes", gemeente), lambda: dk.dekking_routes(session, gemeente))


def dekking_gemeenten(session: Session) -> dk.Dekking:
    """`dekking.dekking_gemeenten`, computed once per catalogue state."""
    return _onthouden(session, ("gemeenten",), lambda: dk.dekking_gemeenten(session))


def overlap_paren(session: Session) -> list[OverlapPaar]:
    """`overlap.overlap` (default threshold), computed once per catalogue state; a copy of
    the list, so that a caller cannot change what the next one gets."""
    return list(_onthouden(session, ("overlap",), lambda: overlap(session)))


def instrumenten(session: Session) -> list[tuple[int, str]]:
    """Every instrument as (id, name), ordered by name (the database's order), computed once
    per catalogue state (10,000 rows and a sort per screen otherwise). The list is shared:
    callers must not change it."""

    def lees() -> list[tuple[int, str]]:
        vraag = select(Instrument.id, Instrument.naam).order_by(Instrument.naam)
        # Already int and str on both engines: the rows as they come, as plain tuples.
        return [(i, n) for i, n in session.connection().execute(vraag)]

    return _onthouden(session, ("instrumenten",), lees)


def enquete(session: Session) -> list[tuple[int, float | None, float | None]]:
    """Every instrument's survey figures as (id, waardering_professionals,
    waardering_werkzoekende), in the table's order, computed once per catalogue state. The
    list is shared: callers must not change it."""

    def lees() -> list[tuple[int, float | None, float | None]]:
        vraag = select(
            Instrument.id, Instrument.waardering_professionals, Instrument.waardering_werkzoekende
        )
        return [(i, p, w) for i, p, w in session.connection().execute(vraag)]

    return _onthouden(session, ("enquete",), lees)


def vergeet() -> None:
    """Empty the cache (tests that change a catalogue outside the mutation log)."""
    with _slot:
        _cache.clear()
