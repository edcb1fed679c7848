"""The stored Inzicht facts (gesprek_feit) stay equal to what they are derived from, after
every write path and after migration 0006's backfill, and so do the month totals of
migration 0009 (inzicht_totaal); on SQLite and PostgreSQL (issue 15 item 5). The reference
is computed in Python from the gesprekken and terugblikken themselves.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from alembic import command
from sqlalchemy import create_engine, select, update
from sqlalchemy.orm import selectinload

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.gesprekfeit import GEEN, GesprekFeit
from keuzehulp.model.migratie import alembic_config
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.terugblik import Terugblik
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.gesprekarchief import verwijder_gesprek
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.inzicht.gebruik import Dimensie, gebruik
from keuzehulp.services.terugblik import TerugblikInvoer, TerugblikService
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.inzicht_hulp import TB, G, totalen_kloppen, utc, voeg_toe

Rij = tuple[Any, ...]


def _verwacht(db: Database) -> set[Rij]:
    """Every fact row as the rule says, from the gesprekken and terugblikken in Python."""
    uit: set[Rij] = set()
    with db.lezen() as s:
        prijs = dict(s.execute(select(Instrument.id, Instrument.kosten_centen)).all())
        terugblikken: dict[int, list[Terugblik]] = {}
        for t in s.scalars(select(Terugblik)):
            terugblikken.setdefault(t.gesprek_id, []).append(t)
        for g in s.scalars(
            select(Gesprek).options(
                selectinload(Gesprek.routes),
                selectinload(Gesprek.kenmerken),
                selectinload(Gesprek.opties),
            )
        ):
            laatste = max(
                terugblikken.get(g.id, []), key=lambda t: (t.aangemaakt_op, t.id), default=None
            )
            maand = f"{g.aangemaakt_op.astimezone(dt.UTC):%Y-%m}"
            feit = (
                maand,
                g.keuze_id,
                1 if g.opties else 0,
                laatste.status if laatste else None,
                laatste.doel_bereikt if laatste else None,
                laatste.instrument_id if laatste else None,
                prijs[g.keuze_id] if g.keuze_id else None,
            )
            gemeenten = json.loads(g.zoekfilters or "{}").get("gemeenten") or []
            groepen = {
                "maand": [maand],
                "route": [str(r.id) for r in g.routes] or [GEEN],
                "kenmerk": [str(k.id) for k in g.kenmerken] or [GEEN],
                "gemeente": gemeenten or [GEEN],
            }
            for soort, sleutels in groepen.items():
                uit |= {(g.id, soort, sleutel, *feit) for sleutel in sleutels}
    return uit


def _opgeslagen(db: Database) -> set[Rij]:
    f = GesprekFeit
    with db.lezen() as s:
        rijen = s.execute(
            select(
                f.gesprek_id, f.soort, f.sleutel, f.maand, f.keuze_id, f.korte_lijst,
                f.status, f.doel, f.terugblik_instrument_id, f.centen,
            )
        ).all()  # fmt: skip
        datums = dict(s.execute(select(Gesprek.id, Gesprek.aangemaakt_op)).all())
        gekopieerd = dict(
            s.execute(select(f.gesprek_id, f.aangemaakt_op).where(f.soort == "maand")).all()
        )
    assert gekopieerd == datums
    assert len(rijen) == len(set(rijen))
    return {tuple(r) for r in rijen}


def _klopt(db: Database) -> set[Rij]:
    """The facts equal the rule, and the month totals (migration 0009) equal the facts."""
    opgeslagen = _opgeslagen(db)
    assert opgeslagen == _verwacht(db)
    totalen_kloppen(db)
    return opgeslagen


def _maand_rij(db: Database, gesprek_id: int) -> Rij:
    with db.lezen() as s:
        rij = s.execute(
            select(
                GesprekFeit.keuze_id, GesprekFeit.korte_lijst, GesprekFeit.status,
                GesprekFeit.doel, GesprekFeit.terugblik_instrument_id,
            ).where(GesprekFeit.gesprek_id == gesprek_id, GesprekFeit.soort == "maand")
        ).one()  # fmt: skip
    return tuple(rij)


def _gemeenten(db: Database, gesprek_id: int) -> set[str]:
    with db.lezen() as s:
        return set(
            s.scalars(
                select(GesprekFeit.sleutel).where(
                    GesprekFeit.gesprek_id == gesprek_id, GesprekFeit.soort == "gemeente"
                )
            )
        )


def _invoer(opties: tuple[int, ...], keuze: int | None, *gemeenten: str) -> GesprekInvoer:
    return GesprekInvoer(
        doel="Weer een vast ritme in de week krijgen",
        zoekvraag=ZoekVraag(
            gemeenten=frozenset(gemeenten), routes=frozenset({"work_first"}),
            kenmerken=frozenset({"4.1"}),
        ),
        opties=tuple(Optie(instrument_id=i) for i in opties),
        keuze_id=keuze,
    )  # fmt: skip


def test_feiten_volgen_elke_schrijfactie(database: Database) -> None:
    """Gesprek saved, terugblik added, a newer one, one changed, one deleted, the gesprek
    saved again with other gemeenten, shortlist and choice, and deleted."""
    a, b, c = vul_catalogus(database, kleine_catalogus())[:3]
    gesprekken, terugblik = GesprekService(database), TerugblikService(database)

    gid = gesprekken.bewaar(_invoer((a, b), a, "Tiel", "Buren"), "anna").id
    _klopt(database)
    assert _gemeenten(database, gid) == {"Tiel", "Buren"}
    assert _maand_rij(database, gid) == (a, 1, None, None, None)

    eerste = terugblik.voeg_toe(gid, TerugblikInvoer(status="gestart"), "anna").id
    _klopt(database)
    assert _maand_rij(database, gid) == (a, 1, "gestart", None, a)

    # A newer terugblik, about the other instrument on the shortlist, decides.
    tweede = terugblik.voeg_toe(
        gid,
        TerugblikInvoer(
            instrument_id=b, status="gestopt", reden_stoppen="anders", doel_bereikt="nee"
        ),
        "anna",
    ).id
    with database.wijzigen(MutatieContext("tester", "test")) as s:
        t = s.get(Terugblik, tweede)
        assert t is not None
        t.aangemaakt_op = t.aangemaakt_op + dt.timedelta(days=30)
    _klopt(database)
    assert _maand_rij(database, gid) == (a, 1, "gestopt", "nee", b)

    terugblik.wijzig(
        tweede, TerugblikInvoer(instrument_id=b, status="afgerond", doel_bereikt="ja"), "anna"
    )
    _klopt(database)
    assert _maand_rij(database, gid) == (a, 1, "afgerond", "ja", b)

    # Deleting the newest terugblik brings back the one before.
    with database.wijzigen(MutatieContext("tester", "test")) as s:
        s.delete(s.get(Terugblik, tweede))
    _klopt(database)
    assert _maand_rij(database, gid) == (a, 1, "gestart", None, a)

    # Saved again: other gemeenten, another shortlist and choice; the terugblik stays.
    gesprekken.bewaar(_invoer((c,), c, "West Maas en Waal"), "anna", gid)
    _klopt(database)
    assert _gemeenten(database, gid) == {"West Maas en Waal"}
    assert _maand_rij(database, gid) == (c, 1, "gestart", None, a)
    gesprekken.bewaar(_invoer((c,), None), "anna", gid)
    _klopt(database)
    assert _gemeenten(database, gid) == {GEEN}

    # A new price of the chosen instrument is the cost of every gesprek that chose it.
    gesprekken.bewaar(_invoer((c, a), c, "Tiel"), "anna", gid)
    with database.wijzigen(MutatieContext("tester", "test")) as s:
        instrument = s.get(Instrument, c)
        assert instrument is not None
        instrument.kosten_centen = 98_700
    rijen = _klopt(database)
    assert {r[-1] for r in rijen} == {98_700}
    with database.wijzigen(MutatieContext("tester", "test")) as s:
        instrument = s.get(Instrument, c)
        assert instrument is not None
        instrument.kosten_centen = None
    assert {r[-1] for r in _klopt(database)} == {None}

    with database.lezen() as s:
        assert s.get(Terugblik, eerste) is not None
    verwijder_gesprek(database, gid)
    assert _klopt(database) == set()


def test_feiten_na_voorbeeldgesprekken(database: Database) -> None:
    """The bulk path (Core inserts, no flush listener) stores the same facts."""
    vul_catalogus(database, kleine_catalogus())
    voeg_voorbeeldgesprekken_toe(database, 300, "tester", vandaag=utc(2026, 11, 1))
    opgeslagen = _klopt(database)
    soorten = {r[1] for r in opgeslagen}
    assert soorten == {"maand", "route", "kenmerk", "gemeente"}
    assert any(r[6] is not None for r in opgeslagen)  # some newest terugblik status


def test_feiten_na_testhulp_met_orm(database: Database) -> None:
    """Gesprekken and terugblikken added straight through the ORM (tests/inzicht_hulp.py),
    including several terugblikken on one date: the highest id decides."""
    a, b, _ = vul_catalogus(database, kleine_catalogus())[:3]
    zelfde = utc(2026, 3, 1)
    voeg_toe(
        database,
        [
            G(utc(2026, 1, 31, 23), (a, b), a, ("work_first", "life_first"), ("4.1",),
              ("Tiel",), (TB(zelfde, "gestart"), TB(zelfde, "gestopt", "nee"))),
            G(utc(2026, 2, 1, 0), (b,), None),
        ],
    )  # fmt: skip
    opgeslagen = _klopt(database)
    assert {r[3] for r in opgeslagen} == {"2026-01", "2026-02"}
    assert {r[6] for r in opgeslagen if r[3] == "2026-01"} == {"gestopt"}


def test_migratie_0006_vult_bestaande_database(database: Database, db_url: str) -> None:
    """A database with gesprekken at schema 0005, upgraded: the backfill equals the rule."""
    a, b, c = vul_catalogus(database, kleine_catalogus())[:3]
    voeg_voorbeeldgesprekken_toe(database, 120, "tester", vandaag=utc(2026, 11, 1))
    voeg_toe(
        database,
        [
            G(utc(2026, 1, 10), (a, b), a, ("work_first",), ("4.1",), ("Tiel",),
              (TB(utc(2026, 2, 10), "gestart"), TB(utc(2026, 3, 10), "afgerond", "ja"))),
            G(utc(2026, 1, 20), (b, c), b, ("human_capital_first",), ("1.4",),
              ("Tiel", "Buren"), (TB(utc(2026, 2, 20), "gestopt", "nee"),)),
            G(utc(2026, 2, 5), (c,), c),
            G(utc(2026, 2, 28, 23), (b,), None, (), (), ("Buren",)),
        ],
    )  # fmt: skip
    verwacht = _klopt(database)
    with database.wijzigen(MutatieContext("tester", "test")) as s:
        # A gesprek without stored search filters at all (made before they were stored).
        s.execute(update(Gesprek).where(Gesprek.keuze_id == c).values(zoekfilters=None))
    engine = create_engine(db_url)
    try:
        for doel in ("0005", "head"):
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                (command.downgrade if doel == "0005" else command.upgrade)(cfg, doel)
    finally:
        engine.dispose()
    na_migratie = _klopt(database)
    assert len(na_migratie) == len(verwacht)
    with database.lezen() as s:
        tiel = gebruik(s, InzichtFilter(gemeente="Tiel"), Dimensie.PERIODE)
    assert sum(r.gesprekken for r in tiel) == len(
        {r[0] for r in na_migratie if r[1] == "gemeente" and r[2] == "Tiel"}
    )


def test_feiten_van_beide_gesprekken_als_een_terugblik_verhuist(database: Database) -> None:
    a, b, _ = vul_catalogus(database, kleine_catalogus())[:3]
    van, naar = voeg_toe(
        database,
        [
            G(utc(2026, 1, 10), (a,), a, terugblikken=(TB(utc(2026, 2, 10), "gestart"),)),
            G(utc(2026, 1, 20), (a, b), a),
        ],
    )
    with database.wijzigen(MutatieContext("tester", "test")) as s:
        t = s.scalars(select(Terugblik).where(Terugblik.gesprek_id == van)).one()
        t.gesprek_id = naar
    _klopt(database)
    assert _maand_rij(database, van) == (a, 1, None, None, None)
    assert _maand_rij(database, naar) == (a, 1, "gestart", None, a)
