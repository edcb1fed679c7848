"""Inzicht's heavy queries run ahead on threads of their own (services/inzicht/vooruit.py):
the same figures as in one session, errors reach the caller, no thread outlives the work."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import DatabaseFout
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.overzicht import Inzicht, bereken_inzicht
from keuzehulp.services.inzicht.vooruit import Vooruit, afgewacht, of_zelf
from keuzehulp.services.opstart import open_catalogus
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.conftest import TEST_GEBRUIKER
from tests.inzicht_hulp import TB, G, utc, voeg_toe


def _vul(db: Database) -> None:
    """15 gesprekken, so that the counts show (5 or more): instrument A on every shortlist,
    B on 10, C on 5; each chosen 5 times; one terugblik each, with ratings."""
    a, b, c = vul_catalogus(db, kleine_catalogus())[:3]
    statussen = ("afgerond", "gestopt", "gestart")
    doelen = ("ja", "nee", "deels")
    gesprekken = []
    for n in range(15):
        k = n % 3
        terugblik = TB(utc(2026, 3, 1 + n), statussen[k], doelen[k], coach=5 + n % 5, client=7)
        opties = (a, b, c)[: 1 + k]
        wanneer = utc(2026, 1 + n % 2, 3 + n)
        gesprekken.append(
            G(wanneer, opties, opties[-1], ("work_first",), ("4.1",), ("Tiel",), (terugblik,))
        )
    voeg_toe(db, gesprekken)


def _cellen(i: Inzicht) -> tuple[object, ...]:
    return (
        [(n, c.tekst) for n, c in i.kerncijfers],
        {k: (t.titel, [tuple(c.tekst for c in r) for r in t.rijen]) for k, t in i.tabellen.items()},
    )


def test_the_figures_are_the_same_with_queries_run_ahead_as_in_one_session(db_pad: Path) -> None:
    """A file database runs the heavy queries ahead; the same data in memory cannot (one
    connection), so there everything runs in the caller's session: the figures agree."""
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    bestand = opstart.database
    try:
        _vul(bestand)
        assert Vooruit.start(bestand, lambda s: 1, "proef") is not None
        filters = (InzichtFilter(), InzichtFilter(gemeente="Tiel"))
        vooruit = [_cellen(bereken_inzicht(bestand, f)) for f in filters]
    finally:
        bestand.sluit()
    geheugen = sqlite3.connect(":memory:", check_same_thread=False)
    with sqlite3.connect(db_pad) as bron:
        bron.backup(geheugen)
    engine = create_engine("sqlite://", creator=lambda: geheugen, poolclass=StaticPool)
    in_geheugen = Database.van_engine(make_url("sqlite://"), engine)
    try:
        assert Vooruit.start(in_geheugen, lambda s: 1, "proef") is None
        zelf = [_cellen(bereken_inzicht(in_geheugen, f)) for f in filters]
    finally:
        engine.dispose()
    assert vooruit == zelf
    kern = dict(vooruit[0][0])  # type: ignore[call-overload]
    assert kern["Gesprekken"] == "15" and kern["Met keuze"] == "15"
    per_instrument = vooruit[0][1]["gebruik_instrument"][1]  # type: ignore[index]
    assert sorted(r[1] for r in per_instrument) == ["10", "15", "5"]  # shortlisted


def test_a_query_run_ahead_answers_from_its_own_thread(database: Database) -> None:
    draden: list[str] = []

    def tel(s: Session) -> int:
        draden.append(threading.current_thread().name)
        return int(s.scalar(select(func.count()).select_from(Instrument)) or 0)

    vul_catalogus(database, kleine_catalogus())
    v = Vooruit.start(database, tel, "tellen")
    assert v is not None
    with database.lezen() as s:
        assert v.uitkomst() == tel(s)
    assert draden == ["inzicht-tellen", threading.current_thread().name]
    assert of_zelf(None, lambda: 7) == 7 and of_zelf(v, lambda: -1) == v.uitkomst()


def test_an_error_in_a_query_run_ahead_reaches_the_caller(database: Database) -> None:
    def faalt(s: Session) -> int:
        raise DatabaseFout("De database is even niet bereikbaar.")

    v = Vooruit.start(database, faalt, "faalt")
    assert v is not None
    with pytest.raises(DatabaseFout, match="niet bereikbaar"):
        v.uitkomst()


def test_no_thread_outlives_the_block_that_started_it(database: Database) -> None:
    """Also when the block fails: the database may be closed right after it."""
    mag_door = threading.Event()
    klaar: list[str] = []

    def wacht(s: Session) -> None:
        mag_door.wait(30)
        klaar.append("klaar")

    v = Vooruit.start(database, wacht, "wacht")
    with pytest.raises(ValueError), afgewacht(v, None):
        mag_door.set()
        raise ValueError("iets anders ging mis")
    assert klaar == ["klaar"]
