"""The catalogue figures' cache outlives an engine: the Inzicht screen's worker process opens
a new one for every screen (services/proces.py), on the same database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.services.inzicht import catalogusfiguren, dekking
from keuzehulp.services.opstart import open_catalogus
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.conftest import TEST_GEBRUIKER


def _open(pad: Path) -> Database:
    return open_catalogus(f"sqlite:///{pad}", TEST_GEBRUIKER, ()).database


def test_nieuwe_engine_zelfde_bestand_houdt_de_figuren(db_pad: Path) -> None:
    catalogusfiguren.vergeet()
    eerste = _open(db_pad)
    try:
        vul_catalogus(eerste, kleine_catalogus())
        with eerste.lezen() as s:
            figuur = catalogusfiguren.dekking_routes(s, "Tiel")
            paren = catalogusfiguren.overlap_paren(s)
    finally:
        eerste.sluit()
    tweede = _open(db_pad)  # a new engine, as in the next screen's worker
    try:
        with tweede.lezen() as s:
            assert catalogusfiguren.dekking_routes(s, "Tiel") is figuur
            assert catalogusfiguren.overlap_paren(s) == paren
        basis = kleine_catalogus()[0]
        vul_catalogus(tweede, [basis.model_copy(update={"naam": "Tweeling"})])
        with tweede.lezen() as s:  # the logged change is seen through the new engine too
            daarna = catalogusfiguren.dekking_routes(s, "Tiel")
            assert daarna is not figuur and daarna == dekking.dekking_routes(s, "Tiel")
            assert daarna.aantal[("4.1", "work_first")] == figuur.aantal[("4.1", "work_first")] + 1
    finally:
        tweede.sluit()


def test_twee_databases_in_het_geheugen_delen_niets(db_pad: Path) -> None:
    """In-memory SQLite URLs name no database: each engine keeps figures of its own, even
    when both catalogues have the same log head."""
    catalogusfiguren.vergeet()
    bestand = _open(db_pad)
    vul_catalogus(bestand, kleine_catalogus())
    bestand.sluit()
    engines, figuren = [], []
    for geparkeerd in (False, True):
        geheugen = sqlite3.connect(":memory:", check_same_thread=False)
        with sqlite3.connect(db_pad) as bron:
            bron.backup(geheugen)
        engine = create_engine("sqlite://", creator=lambda g=geheugen: g, poolclass=StaticPool)
        engines.append(engine)
        db = Database.van_engine(make_url("sqlite://"), engine)
        if geparkeerd:  # outside the log: only the engine tells the two apart
            with db.engine.begin() as conn:
                conn.exec_driver_sql("UPDATE instrument SET status = 'geparkeerd'")
        with db.lezen() as s:
            figuren.append(catalogusfiguren.dekking_routes(s))
            assert figuren[-1] == dekking.dekking_routes(s)
    for engine in engines:
        engine.dispose()
    assert figuren[0] != figuren[1]


def test_namen_en_enquete_volgen_een_gelogde_wijziging(db_pad: Path) -> None:
    """Instrument names and survey figures are kept per catalogue state: the same list while
    the log head stays, a new one (equal to a fresh read) after a logged change."""
    catalogusfiguren.vergeet()
    db = _open(db_pad)
    try:
        vul_catalogus(db, kleine_catalogus())
        with db.lezen() as s:
            namen, enquete = catalogusfiguren.instrumenten(s), catalogusfiguren.enquete(s)
            assert catalogusfiguren.instrumenten(s) is namen
            assert catalogusfiguren.enquete(s) is enquete
        basis = kleine_catalogus()[0]
        nieuw = basis.model_copy(update={"naam": "Aaa eerst", "waardering_professionals": 8.5})
        vul_catalogus(db, [nieuw])
        with db.lezen() as s:
            daarna = catalogusfiguren.instrumenten(s)
            vers = select(Instrument.id, Instrument.naam).order_by(Instrument.naam)
            assert daarna == [tuple(r) for r in s.execute(vers)]
            assert daarna[0][1] == "Aaa eerst" and len(daarna) == len(namen) + 1
            cijfers = {i: p for i, p, _ in catalogusfiguren.enquete(s)}
            assert cijfers[daarna[0][0]] == 8.5 and len(cijfers) == len(enquete) + 1
    finally:
        db.sluit()
