"""The Inzicht month totals (inzicht_totaal, migration 0009) never drift from the facts, and
the figures read from them equal the figures summed from the facts; SQLite and PostgreSQL.

The totals are written only by the database's triggers on gesprek_feit; the reference is a
recount in Python of the fact rows (tests/inzicht_hulp.py `totalen_kloppen`).
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import delete, select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.terugblik import Terugblik
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.gesprekarchief import pas_bewaartermijn_toe, verwijder_gesprek
from keuzehulp.services.inzicht.feiten import Feiten, maanden, totalen_bruikbaar
from keuzehulp.services.inzicht.filter import InzichtFilter
from keuzehulp.services.terugblik import TerugblikInvoer, TerugblikService
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.inzicht_hulp import totalen_kloppen, utc

GEMEENTEN = ("Tiel", "Buren", "Zaltbommel", "Culemborg")
SOORTEN = ("maand", "route", "kenmerk", "gemeente")
CTX = MutatieContext("tester", "test")


def _invoer(rng: random.Random, instrumenten: list[int]) -> GesprekInvoer:
    opties = rng.sample(instrumenten, rng.randint(0, 3))
    return GesprekInvoer(
        doel="Weer een vast ritme in de week krijgen",
        zoekvraag=ZoekVraag(
            gemeenten=frozenset(rng.sample(GEMEENTEN, rng.randint(0, 2))),
            routes=frozenset(rng.sample(("work_first", "life_first"), rng.randint(0, 2))),
            kenmerken=frozenset(rng.sample(("4.1", "1.4"), rng.randint(0, 1))),
        ),
        opties=tuple(Optie(instrument_id=i) for i in opties),
        keuze_id=rng.choice(opties) if opties and rng.random() < 0.8 else None,
    )


def _gesprekken(db: Database, met_keuze: bool = False) -> list[int]:
    with db.lezen() as s:
        vraag = select(Gesprek.id).order_by(Gesprek.id)
        if met_keuze:
            vraag = vraag.where(Gesprek.keuze_id.is_not(None))
        return list(s.scalars(vraag))


def test_totalen_volgen_willekeurige_schrijfacties(database: Database) -> None:
    """Bulk load, then 30 seeded random writes (new and changed gesprekken, terugblikken
    added and deleted, a price change, a gesprek deleted, a purge of old gesprekken with a
    plain DELETE, the retention rule): after each, the totals equal a recount."""
    instrumenten = vul_catalogus(database, kleine_catalogus())[:6]
    voeg_voorbeeldgesprekken_toe(database, 80, "tester", vandaag=utc(2026, 11, 1))
    assert len(totalen_kloppen(database)) > 50
    rng = random.Random(9)
    gesprekken, terugblik = GesprekService(database), TerugblikService(database)
    gedaan: set[str] = set()
    for _ in range(30):
        actie = rng.choice(
            ("nieuw", "nieuw", "anders", "terugblik", "terugblik_weg", "prijs", "weg", "purge")
        )
        alle = _gesprekken(database)
        if actie == "nieuw" or not alle:
            gesprekken.bewaar(_invoer(rng, instrumenten), "anna")
        elif actie == "anders":
            gesprekken.bewaar(_invoer(rng, instrumenten), "anna", rng.choice(alle))
        elif actie == "terugblik" and (gekozen := _gesprekken(database, met_keuze=True)):
            status = rng.choice(("aangemeld", "gestart", "afgerond"))
            terugblik.voeg_toe(rng.choice(gekozen), TerugblikInvoer(status=status), "anna")
        elif actie == "terugblik_weg":
            with database.wijzigen(CTX) as s:
                t = s.scalars(select(Terugblik).order_by(Terugblik.id.desc()).limit(1)).first()
                if t is not None:
                    s.delete(t)
        elif actie == "prijs":
            with database.wijzigen(CTX) as s:
                instrument = s.get(Instrument, rng.choice(instrumenten))
                assert instrument is not None
                instrument.kosten_centen = rng.choice((None, 12_345, 250_000))
        elif actie == "weg":
            verwijder_gesprek(database, rng.choice(alle))
        elif actie == "purge":
            # An archive purge: old gesprekken deleted by one statement (ON DELETE CASCADE).
            with database.wijzigen(CTX) as s:
                grens = utc(2025, 1, 1) + dt.timedelta(days=rng.randint(0, 600))
                s.execute(delete(Gesprek).where(Gesprek.aangemaakt_op < grens))
            pas_bewaartermijn_toe(database, utc(2030, 1, 1))
        gedaan.add(actie)
        totalen_kloppen(database)
    assert {"nieuw", "anders", "prijs", "weg", "purge"} <= gedaan


FILTERS = (
    InzichtFilter(),
    InzichtFilter(gemeente="Tiel"),
    InzichtFilter(gemeente="(geen)"),
    InzichtFilter(van=dt.date(2026, 3, 1), tot=dt.date(2026, 5, 31)),  # whole months
    InzichtFilter(van=dt.date(2026, 3, 15), tot=dt.date(2026, 6, 20)),  # partial at both ends
    InzichtFilter(van=dt.date(2026, 3, 25), tot=dt.date(2026, 5, 5)),  # mostly outside: facts
    InzichtFilter(van=dt.date(2026, 4, 10), tot=dt.date(2026, 4, 20)),  # inside one month
    InzichtFilter(van=dt.date(2026, 4, 1), tot=dt.date(2026, 4, 20)),
    InzichtFilter(van=dt.date(2026, 2, 2), gemeente="Tiel"),
    InzichtFilter(tot=dt.date(2026, 2, 27), gemeente="Buren"),
    InzichtFilter(van=dt.date(2026, 6, 30), tot=dt.date(2026, 6, 30)),
)


def test_groepen_uit_totalen_gelijk_aan_groepen_uit_feiten(database: Database) -> None:
    """Every group and month of every kind, for filters with whole months, partial months at
    either end (mostly inside: total minus the facts outside; mostly outside: the facts
    inside), a period inside one month and a gemeente: the totals path gives exactly the
    sums over the facts."""
    vul_catalogus(database, kleine_catalogus())
    voeg_voorbeeldgesprekken_toe(database, 400, "tester", vandaag=utc(2026, 11, 1))
    niet_leeg = 0
    with database.lezen() as s:
        assert totalen_bruikbaar(s)
        for filter_ in FILTERS:
            for soort in SOORTEN:
                uit_totalen = Feiten(filter_).groepen(s, soort)
                uit_feiten = Feiten(filter_)._uit_feiten(s, soort, None)
                assert uit_totalen == uit_feiten, (filter_, soort)
                assert list(uit_totalen) == sorted(uit_totalen)
                niet_leeg += bool(uit_totalen)
    assert niet_leeg >= 30


def test_maanden_van_een_periode() -> None:
    d = dt.date
    assert maanden(None, None) == ((None, None), [])
    assert maanden(d(2026, 3, 1), d(2026, 5, 31)) == (("2026-03", "2026-05"), [])
    assert maanden(d(2026, 3, 15), d(2026, 6, 30)) == (("2026-04", "2026-06"), ["2026-03"])
    assert maanden(d(2026, 3, 15), d(2026, 6, 20)) == (
        ("2026-04", "2026-05"), ["2026-03", "2026-06"])  # fmt: skip
    # Inside one month: no whole month (first after last), the month once.
    assert maanden(d(2026, 4, 10), d(2026, 4, 20)) == (("2026-05", "2026-03"), ["2026-04"])
    assert maanden(d(2025, 12, 2), None) == (("2026-01", None), ["2025-12"])
    assert maanden(None, d(2024, 2, 29)) == ((None, "2024-02"), [])
    assert maanden(None, d(2024, 2, 28)) == ((None, "2024-01"), ["2024-02"])
