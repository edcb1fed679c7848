"""Offline under the database's roles: a werkcoach's copy and their offline gesprek (RLS).

PostgreSQL only; the shared database and the logins come from tests/test_postgres_rollen.py.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from keuzehulp.model.gesprek import Gesprek
from keuzehulp.model.lokalekopie import lees_info
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.offline import herverbind, na_verbinding, verstuur
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.zoeken import ZoekService
from keuzehulp.services.zoekvraag import ZoekVraag
from tests.test_offline import Poort
from tests.test_postgres_rollen import als, gedeeld

pytestmark = pytest.mark.alleen_postgresql
__all__ = ["gedeeld"]  # the fixture, used by name


@pytest.fixture
def poort_anna(gedeeld: str) -> Iterator[Poort]:
    p = Poort(als(gedeeld, "kh_anna"))
    yield p
    p.weg()


def test_a_werkcoach_works_offline_and_their_gesprek_arrives_as_their_own(
    engine: str, gedeeld: str, poort_anna: Poort
) -> None:
    online = open_catalogus(poort_anna.url, None, (), offline_toegestaan=True)
    assert online.gebruiker == "kh_anna" and online.offline is None
    na_verbinding(online.database, online.gebruiker)
    online.database.sluit()
    info = lees_info()
    assert info is not None and info.gebruiker == "kh_anna" and info.instrumenten == 52

    poort_anna.dicht()
    offline = open_catalogus(poort_anna.url, None, (), offline_toegestaan=True)
    assert offline.offline is not None and offline.gebruiker == "kh_anna"
    werk = offline.database
    try:
        iid = ZoekService(werk).zoek(ZoekVraag()).ids[0]
        invoer = GesprekInvoer(opties=(Optie(instrument_id=iid),), keuze_id=iid)
        lokaal = GesprekService(werk).bewaar(invoer, offline.gebruiker)

        poort_anna.open()
        uitkomst = herverbind(offline.offline, werk, None)
        assert uitkomst.verzonden.verstuurd == 1 and not uitkomst.verzonden.mislukt
        anna = open_catalogus(poort_anna.url, None, ())
        try:
            assert verstuur(werk, anna.database, anna.gebruiker).verstuurd == 0
            with anna.database.lezen() as s:
                rijen = s.execute(select(Gesprek.uuid, Gesprek.coach)).all()
            assert [tuple(r) for r in rijen] == [(lokaal.uuid, "kh_anna")]
        finally:
            anna.database.sluit()
    finally:
        werk.sluit()
    # Row-level security: another coach does not see it; the owner sees it once.
    bram = open_catalogus(als(gedeeld, "kh_bram"), None, ())
    try:
        with bram.database.lezen() as s:
            assert s.scalar(select(func.count(Gesprek.id))) == 0
    finally:
        bram.database.sluit()
    eigenaar = open_catalogus(gedeeld, "eigenaar", ())
    try:
        with eigenaar.database.lezen() as s:
            assert (
                s.scalar(text("SELECT count(*) FROM gesprek WHERE uuid = :u"), {"u": lokaal.uuid})
                == 1
            )
    finally:
        eigenaar.database.sluit()
