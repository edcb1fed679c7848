"""Shortlist counts per instrument (gebruik.korte_lijsten) for periods and gemeenten.

A period holding most gesprekken is counted as all minus those outside it; a smaller one
directly. Both ways must give the Python count of the stored gesprekken, on both engines.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from keuzehulp.model.db import Database
from keuzehulp.services.inzicht.feiten import Feiten
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.gebruik import _meestal_binnen, korte_lijsten
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.inzicht_hulp import G, utc, voeg_toe, wis_gesprekken

GEMEENTEN = ("Tiel", "Buren", "Zaltbommel")


@pytest.fixture
def drie(database: Database) -> tuple[Database, list[int]]:
    return database, vul_catalogus(database, kleine_catalogus())[:3]


def _verwacht(lijst: list[G], filter_: InzichtFilter) -> dict[int, int]:
    tel: Counter[int] = Counter()
    for g in lijst:
        dag = g.op.date()
        if (filter_.van and dag < filter_.van) or (filter_.tot and dag > filter_.tot):
            continue
        if filter_.gemeente and filter_.gemeente not in g.gemeenten:
            continue
        tel.update(g.opties)
    return dict(tel)


def _tel(db: Database, filter_: InzichtFilter) -> tuple[dict[int, int], bool]:
    """The counts, and whether they were counted as all minus outside the period."""
    with db.lezen() as s:
        f = Feiten(filter_)
        return korte_lijsten(s, f), _meestal_binnen(s, f)


def test_beide_wegen_tellen_hetzelfde(drie: tuple[Database, list[int]], engine: str) -> None:
    """Hand-counted: nine gesprekken, most in 2026; on SQLite a period over 2026 counts the
    other way (all minus outside) than one over March 2025, and both give the hand counts.
    PostgreSQL always counts directly."""
    db, (a, b, c) = drie
    andersom = engine == "sqlite"
    lijst = [
        G(utc(2025, 3, 10), (a, b), gemeenten=("Tiel",)),
        G(utc(2025, 3, 31, 23), (c,), gemeenten=("Buren",)),
        G(utc(2026, 1, 1, 0), (a,), gemeenten=("Tiel", "Buren")),
        G(utc(2026, 2, 14), (a, c), gemeenten=()),
        G(utc(2026, 3, 1), (b,), gemeenten=("Tiel",)),
        G(utc(2026, 5, 20), (a, b, c), gemeenten=("Zaltbommel",)),
        G(utc(2026, 6, 30, 23), (b, c), gemeenten=("Tiel",)),
        G(utc(2026, 7, 1, 0), (a,), gemeenten=("Tiel",)),
        G(utc(2026, 9, 9), (), gemeenten=("Tiel",)),
    ]
    voeg_toe(db, lijst)
    jaar = InzichtFilter(van=dt.date(2026, 1, 1), tot=dt.date(2026, 6, 30))
    assert _tel(db, jaar) == ({a: 3, b: 3, c: 3}, andersom)
    jaar_tiel = InzichtFilter(van=dt.date(2026, 1, 1), tot=dt.date(2026, 6, 30), gemeente="Tiel")
    assert _tel(db, jaar_tiel) == ({a: 1, b: 2, c: 1}, andersom)
    maart = InzichtFilter(van=dt.date(2025, 3, 1), tot=dt.date(2025, 3, 31))
    assert _tel(db, maart) == ({a: 1, b: 1, c: 1}, False)
    vanaf = InzichtFilter(van=dt.date(2026, 7, 1))
    assert _tel(db, vanaf) == ({a: 1}, False)
    tot = InzichtFilter(tot=dt.date(2026, 6, 30), gemeente="Buren")
    assert _tel(db, tot) == ({a: 1, c: 1}, andersom)
    # An instrument only inside the period's complement drops out, not shown as 0.
    buren = InzichtFilter(van=dt.date(2026, 1, 1), tot=dt.date(2026, 6, 30), gemeente="Buren")
    assert _tel(db, buren) == ({a: 1}, andersom)


momenten = st.builds(
    utc, st.integers(2025, 2026), st.integers(1, 12), st.integers(1, 28), st.integers(0, 23)
)
datums = st.one_of(st.none(), st.dates(dt.date(2024, 12, 1), dt.date(2027, 1, 31)))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.lists(
        st.tuples(
            momenten,
            st.lists(st.integers(0, 2), max_size=3, unique=True),
            st.lists(st.sampled_from(GEMEENTEN), max_size=2, unique=True),
        ),
        max_size=14,
    ),
    van=datums,
    tot=datums,
    gemeente=st.one_of(st.none(), st.sampled_from(GEMEENTEN)),
)
def test_gelijk_aan_python(
    drie: tuple[Database, list[int]],
    data: list[tuple[dt.datetime, list[int], list[str]]],
    van: dt.date | None,
    tot: dt.date | None,
    gemeente: str | None,
) -> None:
    db, ids = drie
    if van and tot and tot < van:
        van, tot = tot, van
    wis_gesprekken(db)
    lijst = [G(op, tuple(ids[i] for i in o), gemeenten=tuple(gm)) for op, o, gm in data]
    voeg_toe(db, lijst)
    filter_ = InzichtFilter(van=van, tot=tot, gemeente=gemeente)
    assert _tel(db, filter_)[0] == _verwacht(lijst, filter_)
