"""The schema is made by Alembic only; models and migrations agree; downgrade works.

Every test here runs on SQLite and on PostgreSQL (`lege_url`: an empty database per engine).
"""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from keuzehulp.model.entities import Base
from keuzehulp.model.migratie import alembic_config, head_revisie


def _upgrade(url: str, doel: str = "head") -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, doel)
    engine.dispose()


def _downgrade(url: str, doel: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, doel)
    engine.dispose()


def _tabellen(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        return set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_upgrade_from_empty_creates_every_table(lege_url: str) -> None:
    url = lege_url
    _upgrade(url)
    assert _tabellen(url) == set(Base.metadata.tables) | {"alembic_version"}


def test_downgrade_to_base_and_upgrade_again(lege_url: str) -> None:
    url = lege_url
    _upgrade(url)
    _downgrade(url, "base")
    assert _tabellen(url) == {"alembic_version"}
    _upgrade(url)
    assert _tabellen(url) == set(Base.metadata.tables) | {"alembic_version"}


def test_models_match_migrations(lege_url: str) -> None:
    url = lege_url
    _upgrade(url)
    engine = create_engine(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        verschillen = compare_metadata(context, Base.metadata)
        assert context.get_current_revision() == head_revisie()
    engine.dispose()
    assert verschillen == []


def test_every_step_downgrades_and_upgrades(lege_url: str) -> None:
    """Walk down one revision at a time and back up, so each downgrade is exercised."""
    url = lege_url
    _upgrade(url)
    from alembic.script import ScriptDirectory

    revisies = list(ScriptDirectory.from_config(alembic_config()).walk_revisions())
    for _ in revisies:
        _downgrade(url, "-1")
    assert _tabellen(url) == {"alembic_version"}
    _upgrade(url)
    assert _tabellen(url) == set(Base.metadata.tables) | {"alembic_version"}


def test_migrations_render_for_postgresql() -> None:
    """The schema stays portable: every migration compiles to PostgreSQL DDL (offline mode)."""
    import io

    cfg = alembic_config()
    cfg.set_main_option("sqlalchemy.url", "postgresql://keuzehulp@localhost/keuzehulp")
    buffer = io.StringIO()
    cfg.output_buffer = buffer
    command.upgrade(cfg, "head", sql=True)
    command.downgrade(cfg, f"{head_revisie()}:base", sql=True)
    sql = buffer.getvalue()
    for tabel in Base.metadata.tables:
        assert f"CREATE TABLE {tabel} (" in sql
        assert f"DROP TABLE {tabel};" in sql
    assert "AUTOINCREMENT" not in sql  # no SQLite-only syntax
    assert "TIMESTAMP WITH TIME ZONE" in sql


def test_schema_head_constant_matches_alembic() -> None:
    """The fast path at start-up trusts SCHEMA_HEAD; it must be the newest migration."""
    from keuzehulp.model.migratie import SCHEMA_HEAD

    assert head_revisie() == SCHEMA_HEAD
