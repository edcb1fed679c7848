"""versies op elke bewerkbare entiteit en de vergrendeling van import/publiceren (issue 14, 5)

Kenmerk, gemeente, Fenger-route, beheerder, coachprofiel and instelling get a `versie` counter
(existing rows start at 1), as instrument already has: a save made from an older version is
refused. The table `vergrendeling` says who holds the catalogue lock (import, publishing) and
since when; the lock itself is an advisory lock (PostgreSQL) or that row while its process
lives (SQLite): `keuzehulp/model/vergrendeling.py`.

Revision ID: 0007
Revises: 0006 (relinked onto 0006 when merged)
Create Date: 2026-11-30 04:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABELLEN = ("fenger_route", "kenmerk", "gemeente", "beheerder", "coach_profiel", "instelling")


def upgrade() -> None:
    for tabel in TABELLEN:
        with op.batch_alter_table(tabel, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("versie", sa.Integer(), server_default="1", nullable=False)
            )
    op.create_table(
        "vergrendeling",
        sa.Column("sleutel", sa.String(length=40), nullable=False),
        sa.Column("gebruiker", sa.String(length=120), nullable=False),
        sa.Column("naam", sa.String(length=120), nullable=False),
        sa.Column("taak", sa.String(length=80), nullable=False),
        sa.Column("sinds", sa.DateTime(timezone=True), nullable=False),
        sa.Column("houder", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("sleutel", name=op.f("pk_vergrendeling")),
    )
    # Rights on PostgreSQL: `keuzehulp database upgrade` re-applies them (model/postgres.py).


def downgrade() -> None:
    op.drop_table("vergrendeling")
    for tabel in reversed(TABELLEN):
        with op.batch_alter_table(tabel, schema=None) as batch_op:
            batch_op.drop_column("versie")
