"""gesprek_optie.zoekvraag: the search with which an option was put on the shortlist

The coach's summary named the search on screen at the last save, which may be a later look-up
that added nothing. Each shortlisted option now keeps the search (a ZoekVraag as JSON) that was
on screen when it was added. Existing options keep NULL: their summary shows the search stored
with the gesprek, labelled as the search at the last save (services/rapport/professioneel.py).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 04:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("gesprek_optie", schema=None) as batch_op:
        batch_op.add_column(sa.Column("zoekvraag", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("gesprek_optie", schema=None) as batch_op:
        batch_op.drop_column("zoekvraag")
