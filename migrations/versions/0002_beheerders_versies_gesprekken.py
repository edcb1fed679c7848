"""beheerders, catalogusversies en gesprekken

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 23:34:53.924001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "beheerder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gebruiker", sa.String(length=120), nullable=False),
        sa.Column("sinds", sa.DateTime(timezone=True), nullable=False),
        sa.Column("toegevoegd_door", sa.String(length=120), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beheerder")),
        sa.UniqueConstraint("gebruiker", name=op.f("uq_beheerder_gebruiker")),
    )
    op.create_table(
        "catalogus_versie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("versiedatum", sa.Date(), nullable=False),
        sa.Column("gepubliceerd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gepubliceerd_door", sa.String(length=120), nullable=False),
        sa.Column("omschrijving", sa.Text(), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("tot_mutatie_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tot_mutatie_id"],
            ["mutatie.id"],
            name=op.f("fk_catalogus_versie_tot_mutatie_id_mutatie"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogus_versie")),
    )
    with op.batch_alter_table("catalogus_versie", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_catalogus_versie_versiedatum"), ["versiedatum"], unique=False
        )

    op.create_table(
        "gesprek",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("coach", sa.String(length=120), nullable=False),
        sa.Column("client_referentie", sa.String(length=40), nullable=True),
        sa.Column("doel_soort", sa.String(length=20), nullable=True),
        sa.Column("doel", sa.Text(), nullable=True),
        sa.Column("zoekfilters", sa.Text(), nullable=True),
        sa.Column("catalogus_versie", sa.String(length=40), nullable=True),
        sa.Column("keuze_id", sa.Integer(), nullable=True),
        sa.Column("onderbouwing", sa.Text(), nullable=True),
        sa.Column("voorkeur_client", sa.Text(), nullable=True),
        sa.Column("volgende_stappen", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["keuze_id"],
            ["instrument.id"],
            name=op.f("fk_gesprek_keuze_id_instrument"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gesprek")),
    )
    with op.batch_alter_table("gesprek", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_gesprek_aangemaakt_op"), ["aangemaakt_op"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_gesprek_coach"), ["coach"], unique=False)

    op.create_table(
        "gesprek_kenmerk",
        sa.Column("gesprek_id", sa.Integer(), nullable=False),
        sa.Column("kenmerk_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gesprek_id"],
            ["gesprek.id"],
            name=op.f("fk_gesprek_kenmerk_gesprek_id_gesprek"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kenmerk_id"],
            ["kenmerk.id"],
            name=op.f("fk_gesprek_kenmerk_kenmerk_id_kenmerk"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("gesprek_id", "kenmerk_id", name=op.f("pk_gesprek_kenmerk")),
    )
    op.create_table(
        "gesprek_optie",
        sa.Column("gesprek_id", sa.Integer(), nullable=False),
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("volgorde", sa.Integer(), nullable=False),
        sa.Column("notitie", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["gesprek_id"],
            ["gesprek.id"],
            name=op.f("fk_gesprek_optie_gesprek_id_gesprek"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instrument.id"],
            name=op.f("fk_gesprek_optie_instrument_id_instrument"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("gesprek_id", "instrument_id", name=op.f("pk_gesprek_optie")),
    )
    op.create_table(
        "gesprek_route",
        sa.Column("gesprek_id", sa.Integer(), nullable=False),
        sa.Column("route_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gesprek_id"],
            ["gesprek.id"],
            name=op.f("fk_gesprek_route_gesprek_id_gesprek"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["route_id"],
            ["fenger_route.id"],
            name=op.f("fk_gesprek_route_route_id_fenger_route"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("gesprek_id", "route_id", name=op.f("pk_gesprek_route")),
    )
    op.create_table(
        "gesprek_score",
        sa.Column("gesprek_id", sa.Integer(), nullable=False),
        sa.Column("kenmerk_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gesprek_id"],
            ["gesprek.id"],
            name=op.f("fk_gesprek_score_gesprek_id_gesprek"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kenmerk_id"],
            ["kenmerk.id"],
            name=op.f("fk_gesprek_score_kenmerk_id_kenmerk"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("gesprek_id", "kenmerk_id", name=op.f("pk_gesprek_score")),
    )


def downgrade() -> None:

    op.drop_table("gesprek_score")
    op.drop_table("gesprek_route")
    op.drop_table("gesprek_optie")
    op.drop_table("gesprek_kenmerk")
    with op.batch_alter_table("gesprek", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gesprek_coach"))
        batch_op.drop_index(batch_op.f("ix_gesprek_aangemaakt_op"))

    op.drop_table("gesprek")
    with op.batch_alter_table("catalogus_versie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_catalogus_versie_versiedatum"))

    op.drop_table("catalogus_versie")
    op.drop_table("beheerder")
