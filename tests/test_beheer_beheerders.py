"""Beheerders and actualiteit: add, remove (never the last), stale instruments, reviewed."""

from __future__ import annotations

import datetime as dt

import pytest

from keuzehulp.model.base import nu
from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.model.errors import GeenRechtFout, InvoerFout
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.services.beheer import actualiteit, beheerders
from tests.beheer_hulp import log, nieuw
from tests.conftest import TEST_GEBRUIKER

U = TEST_GEBRUIKER


def test_add_and_remove_beheerders_is_logged(database: Database) -> None:
    beheerders.voeg_beheerder_toe(database, U, "bram")
    assert [b.gebruiker for b in beheerders.lijst_beheerders(database)] == ["bram", U]
    assert beheerders.lijst_beheerders(database)[0].toegevoegd_door == U
    beheerders.verwijder_beheerder(database, "bram", U, "rooster")
    assert [b.gebruiker for b in beheerders.lijst_beheerders(database)] == ["bram"]
    rijen = [(m.actie, m.entiteit_naam, m.gebruiker) for m in log(database, "beheerder")]
    assert rijen[-2:] == [("toegevoegd", "bram", U), ("verwijderd", U, "bram")]
    with pytest.raises(GeenRechtFout):
        beheerders.voeg_beheerder_toe(database, U, "carla")


def test_last_beheerder_cannot_be_removed(database: Database) -> None:
    with pytest.raises(InvoerFout, match="laatste beheerder"):
        beheerders.verwijder_beheerder(database, U, U)
    with pytest.raises(InvoerFout, match="al beheerder"):
        beheerders.voeg_beheerder_toe(database, U, U)
    with pytest.raises(InvoerFout, match="zonder spaties"):
        beheerders.voeg_beheerder_toe(database, U, "twee woorden")


def test_months_back_handles_month_ends() -> None:
    assert actualiteit.maanden_terug(dt.datetime(2026, 8, 31, tzinfo=dt.UTC), 6).date() == dt.date(
        2026, 2, 28
    )
    assert actualiteit.maanden_terug(dt.datetime(2026, 3, 15, tzinfo=dt.UTC), 6).date() == dt.date(
        2025, 9, 15
    )


def test_stale_instruments_and_mark_reviewed(database: Database) -> None:
    iid = nieuw(database)
    recent = nieuw(database, "Training, Recent")
    with database.wijzigen(MutatieContext(U, "test")) as s:
        oud = s.get_one(Instrument, iid)
        oud.aangemaakt_op = oud.gewijzigd_op = nu() - dt.timedelta(days=200)
    assert [(v.id, v.grond) for v in actualiteit.verouderd(database)] == [(iid, "aangemaakt")]
    assert [v.id for v in actualiteit.verouderd(database, 7)] == []
    later = nu() + dt.timedelta(days=200)
    assert [v.id for v in actualiteit.verouderd(database, peildatum=later)] == [iid, recent]
    actualiteit.markeer_beoordeeld(database, U, iid)
    assert actualiteit.verouderd(database) == []
    rij = log(database, "instrument")[-1]
    assert (rij.veld, rij.reden, rij.gebruiker) == ("beoordeeld_op", "beoordeeld", U)
    with pytest.raises(InvoerFout, match="1 tot en met 120"):
        actualiteit.verouderd(database, 0)


def test_stale_list_follows_the_newest_meaningful_date(database: Database) -> None:
    """The SQL pre-filter may drop no row that `_laatst` would call stale, and keep none
    that it would not: a review counts over a later edit, an edit over the creation."""
    nu_ = nu()
    dagen = dt.timedelta(days=1)
    gevallen = {  # name: (aangemaakt, gewijzigd, beoordeeld) in days ago; stale at 6 months?
        "Training, Lang geleden beoordeeld": (900, 10, 400, True),
        "Training, Net beoordeeld": (900, 900, 10, False),
        "Training, Lang geleden gewijzigd": (900, 400, None, True),
        "Training, Net gewijzigd": (900, 10, None, False),
    }
    ids = {naam: nieuw(database, naam) for naam in gevallen}
    with database.wijzigen(MutatieContext(U, "test")) as s:
        for naam, (aangemaakt, gewijzigd, beoordeeld, _oud) in gevallen.items():
            i = s.get_one(Instrument, ids[naam])
            i.aangemaakt_op = nu_ - aangemaakt * dagen
            i.gewijzigd_op = nu_ - gewijzigd * dagen
            i.beoordeeld_op = None if beoordeeld is None else nu_ - beoordeeld * dagen
    verouderd = {v.id: v.grond for v in actualiteit.verouderd(database)}
    assert verouderd == {
        ids["Training, Lang geleden gewijzigd"]: "gewijzigd",
        ids["Training, Lang geleden beoordeeld"]: "beoordeeld",
    }
