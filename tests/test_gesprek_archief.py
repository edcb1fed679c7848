"""Finding a conversation again, deleting it, and the retention term of klantreferenties."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout, InvoerFout, NietGevondenFout
from keuzehulp.model.gesprek import Gesprek, GesprekOptie
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.gesprekarchief import (
    STANDAARD_BEWAARTERMIJN,
    bewaartermijn,
    maanden_terug,
    pas_bewaartermijn_toe,
    verwijder_gesprek,
    zet_bewaartermijn,
    zoek_gesprekken,
)
from keuzehulp.services.opstart import open_catalogus, rond_start_af
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten

UTC = dt.UTC


def _bewaar(
    database: Database, ids: list[int], referentie: str | None, doel: str, keuze: int | None
) -> int:
    invoer = GesprekInvoer(
        client_referentie=referentie,
        doel=doel,
        opties=tuple(Optie(instrument_id=i) for i in ids),
        keuze_id=keuze,
    )
    return GesprekService(database).bewaar(invoer, "anna").id


def _zet_tijd(database: Database, gesprek_id: int, moment: dt.datetime) -> None:
    with database.wijzigen(MutatieContext("tester", "test")) as session:
        session.execute(
            update(Gesprek)
            .where(Gesprek.id == gesprek_id)
            .values(aangemaakt_op=moment, gewijzigd_op=moment)
        )


@pytest.fixture
def drie(database: Database) -> tuple[list[int], list[int]]:
    ids = maak_instrumenten(database)
    a = _bewaar(database, ids[:2], "Z-4711", "Weer een vast ritme", ids[0])
    b = _bewaar(database, [ids[3]], "Z-0815", "Beter Nederlands spreken", ids[3])
    c = _bewaar(database, ids[1:3], None, "Solliciteren oefenen", None)
    _zet_tijd(database, a, dt.datetime(2027, 3, 12, 9, 30, tzinfo=UTC))
    _zet_tijd(database, b, dt.datetime(2027, 3, 14, 14, 5, tzinfo=UTC))
    _zet_tijd(database, c, dt.datetime(2027, 4, 2, 11, 0, tzinfo=UTC))
    return ids, [a, b, c]


def _ids(database: Database, tekst: str) -> list[int]:
    return [r.id for r in zoek_gesprekken(database, tekst)]


def test_search_on_reference_goal_and_choice_ignoring_case_and_accents(
    database: Database, drie: tuple[list[int], list[int]]
) -> None:
    _, (a, b, c) = drie
    assert _ids(database, "") == [c, b, a]  # newest first
    assert _ids(database, "z-4711") == [a]
    assert _ids(database, "nederlands") == [b]
    assert _ids(database, "Uiterwaard") == [b]  # the chosen instrument
    assert _ids(database, "kompasroos ritme") == [a]  # every word must match
    assert _ids(database, "kompasroos nederlands") == []
    assert _ids(database, "sollicitéren") == [c]
    assert _ids(database, "Stichting Linge") == []


def test_search_on_dutch_and_iso_dates_and_months(
    database: Database, drie: tuple[list[int], list[int]]
) -> None:
    _, (a, b, c) = drie
    # Created at 9:30 UTC: the same day in local time in the Netherlands and in UTC.
    assert _ids(database, "12-03-2027") == [a]
    assert _ids(database, "12/3/2027") == [a]
    assert _ids(database, "2027-03-14") == [b]
    assert _ids(database, "03-2027") == [b, a]
    assert _ids(database, "2027-04") == [c]
    assert _ids(database, "13-03-2027") == []
    assert _ids(database, "31-02-2027") == []  # no such day: searched as text, found nowhere
    assert _ids(database, "14-03-2027 nederlands") == [b]


def test_lines_hold_time_reference_and_choice(
    database: Database, drie: tuple[list[int], list[int]]
) -> None:
    _, (a, _b, c) = drie
    regels = {r.id: r for r in zoek_gesprekken(database)}
    assert regels[a].datum == dt.datetime(2027, 3, 12, 9, 30, tzinfo=UTC)
    assert regels[a].lokale_tijd.utcoffset() is not None
    assert regels[a].referentie == "Z-4711"
    assert regels[a].keuze == "Coaching, Praktijk De Kompasroos"
    assert regels[c].keuze is None and regels[c].referentie is None
    assert [r.id for r in zoek_gesprekken(database, limiet=1)] == [c]
    assert zoek_gesprekken(database, coach="bram") == []


def test_delete_removes_the_conversation_and_its_shortlist(
    database: Database, drie: tuple[list[int], list[int]]
) -> None:
    _, (a, b, c) = drie
    verwijder_gesprek(database, a)
    assert _ids(database, "") == [c, b]
    with database.lezen() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(GesprekOptie).where(GesprekOptie.gesprek_id == a)
            )
            == 0
        )
    with pytest.raises(NietGevondenFout, match=f"Gesprek {a} bestaat niet"):
        verwijder_gesprek(database, a)
    with pytest.raises(NietGevondenFout):
        GesprekService(database).verwijder(2**70)


def test_retention_term_default_set_and_refused(database: Database) -> None:
    assert bewaartermijn(database) == STANDAARD_BEWAARTERMIJN == 12
    assert zet_bewaartermijn(database, 6, TEST_GEBRUIKER) == 6  # the first user is beheerder
    assert bewaartermijn(database) == 6
    for fout in (0, 121, -3):
        with pytest.raises(InvoerFout, match="kies 1 tot en met 120 maanden"):
            zet_bewaartermijn(database, fout, TEST_GEBRUIKER)
    with pytest.raises(GeenRechtFout):
        zet_bewaartermijn(database, 24, "coach-zonder-rechten")
    assert bewaartermijn(database) == 6


def test_months_back_follow_the_calendar() -> None:
    moment = dt.datetime(2027, 3, 31, 12, 0, tzinfo=UTC)
    assert maanden_terug(moment, 1) == dt.datetime(2027, 2, 28, 12, 0, tzinfo=UTC)
    assert maanden_terug(moment, 12) == dt.datetime(2026, 3, 31, 12, 0, tzinfo=UTC)
    assert maanden_terug(moment, 15) == dt.datetime(2025, 12, 31, 12, 0, tzinfo=UTC)


def test_retention_clears_only_old_references_and_keeps_the_rest(
    database: Database, drie: tuple[list[int], list[int]]
) -> None:
    ids, (a, b, _c) = drie
    # 12 months before 13 March 2028 10:00 is 13 March 2027: a (12 March) is older, b is not.
    nu = dt.datetime(2028, 3, 13, 10, 0, tzinfo=UTC)
    assert pas_bewaartermijn_toe(database, nu) == 1
    service = GesprekService(database)
    oud = service.lees(a)
    assert oud.invoer.client_referentie is None
    assert oud.invoer.doel == "Weer een vast ritme" and oud.invoer.keuze_id == ids[0]
    assert oud.invoer.optie_ids == ids[:2]
    assert service.lees(b).invoer.client_referentie == "Z-0815"
    assert pas_bewaartermijn_toe(database, nu) == 0  # nothing left to clear
    zet_bewaartermijn(database, 1, TEST_GEBRUIKER)
    assert pas_bewaartermijn_toe(database, nu) == 1  # b; c has no reference
    assert service.lees(b).invoer.client_referentie is None
    assert service.aantal() == 3


def test_retention_runs_at_start(db_pad: Path, database: Database) -> None:
    ids = maak_instrumenten(database)
    oud = _bewaar(database, ids[:1], "Z-1", "doel", None)
    nieuw = _bewaar(database, ids[:1], "Z-2", "doel", None)
    _zet_tijd(database, oud, dt.datetime.now(UTC) - dt.timedelta(days=400))
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, ())
    try:
        assert any("klantreferentie gewist" in m for m in opstart.meldingen)
        service = GesprekService(opstart.database)
        assert service.lees(oud).invoer.client_referentie is None
        assert service.lees(nieuw).invoer.client_referentie == "Z-2"
    finally:
        opstart.database.sluit()


def test_the_window_leaves_retention_to_a_worker_after_the_start(
    db_pad: Path, database: Database
) -> None:
    """`na_de_start` (the window): the retention waits for `rond_start_af` (issue 13 item 4)."""
    ids = maak_instrumenten(database)
    oud = _bewaar(database, ids[:1], "Z-1", "doel", None)
    _zet_tijd(database, oud, dt.datetime.now(UTC) - dt.timedelta(days=400))
    opstart = open_catalogus(f"sqlite:///{db_pad}", TEST_GEBRUIKER, (), na_de_start=True)
    try:
        assert opstart.nog_af_te_ronden
        assert not any("klantreferentie gewist" in m for m in opstart.meldingen)
        service = GesprekService(opstart.database)
        assert service.lees(oud).invoer.client_referentie == "Z-1"
        meldingen = rond_start_af(opstart)
        assert meldingen == ["Bij 1 oud gesprek is de klantreferentie gewist (bewaartermijn)."]
        assert service.lees(oud).invoer.client_referentie is None
        assert not opstart.database.beschadigd
    finally:
        opstart.database.sluit()
