"""Only a catalogue created on purpose makes its first user beheerder (issue 11, item 6): not
an upgrade, not a 0-byte file, not an emptied list of beheerders."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, delete, select

from keuzehulp.model.beheer import Beheerder
from keuzehulp.model.db import Database
from keuzehulp.model.errors import DatabaseFout, GeenRechtFout
from keuzehulp.model.migratie import alembic_config
from keuzehulp.services.beheer.beheerders import voeg_beheerder_toe
from keuzehulp.services.opstart import GEEN_BEHEERDER, open_catalogus
from keuzehulp.services.rollen import is_beheerder
from tests.conftest import TEST_GEBRUIKER

ANDER = "werkcoach_wim"


def _beheerders(db: Database) -> list[str]:
    with db.lezen() as s:
        return list(s.scalars(select(Beheerder.gebruiker).order_by(Beheerder.gebruiker)))


def _downgrade(url: str, doel: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, doel)
    engine.dispose()


def test_the_creator_of_a_new_catalogue_is_its_first_beheerder(lege_url: str) -> None:
    opstart = open_catalogus(lege_url, TEST_GEBRUIKER, ())
    try:
        assert opstart.nieuw
        assert f"{TEST_GEBRUIKER} is de eerste gebruiker en daarom beheerder." in opstart.meldingen
        assert _beheerders(opstart.database) == [TEST_GEBRUIKER]
    finally:
        opstart.database.sluit()
    tweede = open_catalogus(lege_url, ANDER, ())
    try:
        assert not tweede.nieuw and _beheerders(tweede.database) == [TEST_GEBRUIKER]
        assert GEEN_BEHEERDER not in tweede.meldingen
    finally:
        tweede.database.sluit()


def test_an_upgraded_catalogue_makes_nobody_beheerder(lege_url: str) -> None:
    open_catalogus(lege_url, TEST_GEBRUIKER, ()).database.sluit()
    _downgrade(lege_url, "0001")  # a catalogue from before there were beheerders
    opstart = open_catalogus(lege_url, ANDER, ())
    try:
        assert not opstart.nieuw
        assert _beheerders(opstart.database) == []
        assert GEEN_BEHEERDER in opstart.meldingen
        assert not any("daarom beheerder" in m for m in opstart.meldingen)
    finally:
        opstart.database.sluit()


def test_an_emptied_list_makes_nobody_beheerder_until_someone_adds_themselves(
    db_url: str,
) -> None:
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    with opstart.database.engine.begin() as conn:
        conn.execute(delete(Beheerder))
    opstart.database.sluit()

    opstart = open_catalogus(db_url, ANDER, ())
    db = opstart.database
    try:
        assert _beheerders(db) == [] and GEEN_BEHEERDER in opstart.meldingen
        with db.lezen() as s:
            assert not is_beheerder(s, ANDER)
        # Adding someone else still needs a beheerder; adding oneself is the deliberate way.
        with pytest.raises(GeenRechtFout):
            voeg_beheerder_toe(db, ANDER, "iemand_anders")
        voeg_beheerder_toe(db, ANDER, ANDER, "geen beheerder meer")
        assert _beheerders(db) == [ANDER]
        with pytest.raises(GeenRechtFout):  # from now on the usual rule holds
            voeg_beheerder_toe(db, "iemand_anders", "iemand_anders")
    finally:
        db.sluit()


@pytest.mark.alleen_sqlite
def test_a_zero_byte_file_makes_nobody_beheerder(tmp_path: Path) -> None:
    pad = tmp_path / "leeg.sqlite"
    pad.touch()
    with pytest.raises(DatabaseFout, match=r"is leeg \(0 bytes\)"):
        open_catalogus(f"sqlite:///{pad}", ANDER, ())
    assert pad.stat().st_size == 0
