"""gesprek.uuid (issue 14 item 7): a gesprek made offline is sent once, keyed by its UUID

Every gesprek gets a random UUID (text, 36 characters) with a unique index. Existing rows are
backfilled with fresh UUIDs. A gesprek saved offline carries its UUID to the server, where a
second send of the same gesprek finds it and stores nothing (services/gesprek.py).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 04:50:00
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _vul_uuids() -> None:
    if op.get_context().dialect.name == "postgresql":
        # gen_random_uuid() is built in from PostgreSQL 13.
        op.execute("UPDATE gesprek SET uuid = gen_random_uuid()::text WHERE uuid IS NULL")
        return
    if context.is_offline_mode():
        return
    gesprek = sa.table("gesprek", sa.column("id", sa.Integer), sa.column("uuid", sa.String))
    bind = op.get_bind()
    for (gesprek_id,) in bind.execute(sa.select(gesprek.c.id).where(gesprek.c.uuid.is_(None))):
        bind.execute(
            gesprek.update().where(gesprek.c.id == gesprek_id).values(uuid=str(uuid.uuid4()))
        )


# A row inserted by plain SQL (a script, a test, a bulk load) gets a UUID from the database;
# the app sets its own. SQLite has no UUID function: a random version-4 UUID from randomblob.
PG_STANDAARD = "gen_random_uuid()::text"
SQLITE_STANDAARD = (
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', abs(random()) % 4 + 1, 1) || "
    "substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"
)


def upgrade() -> None:
    postgres = op.get_context().dialect.name == "postgresql"
    with op.batch_alter_table("gesprek", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uuid", sa.String(length=36), nullable=True))
    _vul_uuids()
    with op.batch_alter_table("gesprek", schema=None) as batch_op:
        batch_op.alter_column(
            "uuid",
            existing_type=sa.String(length=36),
            nullable=False,
            server_default=sa.text(PG_STANDAARD if postgres else SQLITE_STANDAARD),
        )
        batch_op.create_index(batch_op.f("ix_gesprek_uuid"), ["uuid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("gesprek", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gesprek_uuid"))
        batch_op.drop_column("uuid")
