"""An upgrade keeps every row: no table rebuild may take child rows with it (issue 11 item 3).

On SQLite, Alembic's batch mode rebuilds a table (copy, drop, rename). With foreign keys on,
dropping the old `gesprek` deleted every shortlist option, terugblik and search facet through
ON DELETE CASCADE (found when migration 0008 met a filled database). The app's own upgrade
path (`open_database`) must keep them all, on both engines.
"""

from __future__ import annotations

from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from keuzehulp.model.db import Database
from keuzehulp.model.migratie import alembic_config, open_database
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe
from tests.catalogusgenerator import kleine_catalogus, vul_catalogus
from tests.inzicht_hulp import utc

TABELLEN = (
    "gesprek",
    "gesprek_optie",
    "gesprek_route",
    "gesprek_kenmerk",
    "terugblik",
    "instrument",
    "instrument_kenmerk",
    "instrument_route",
    "instrument_gemeente",
    "kenmerk",
    "mutatie",
)


def _tellingen(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return {
                t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABELLEN
            }
    finally:
        engine.dispose()


def test_upgrading_a_filled_database_keeps_every_row(database: Database, db_url: str) -> None:
    vul_catalogus(database, kleine_catalogus())
    voeg_voorbeeldgesprekken_toe(database, 60, "tester", vandaag=utc(2026, 11, 1))
    voor = _tellingen(db_url)
    assert voor["gesprek_optie"] > 0 and voor["terugblik"] > 0 and voor["gesprek_route"] > 0
    database.sluit()
    # Back to the schema before the three newest migrations, without foreign keys (a plain
    # engine), as a database made by the previous version of the app.
    engine = create_engine(db_url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
    finally:
        engine.dispose()
    assert _tellingen(db_url) == voor
    # The app's own upgrade (SQLite: foreign keys on in every connection it makes).
    uitkomst = open_database(make_url(db_url))
    try:
        assert uitkomst.vorige_revisie == "0005"
    finally:
        uitkomst.database.sluit()
    assert _tellingen(db_url) == voor
