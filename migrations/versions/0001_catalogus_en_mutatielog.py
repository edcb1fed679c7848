"""catalogus en mutatielog

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-22 23:34:52.004344
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "fenger_route",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("naam", sa.String(length=80), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("uitleg", sa.Text(), nullable=False),
        sa.Column("uitleg_client", sa.Text(), nullable=False),
        sa.Column("volgorde", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fenger_route")),
        sa.UniqueConstraint("code", name=op.f("uq_fenger_route_code")),
    )
    op.create_table(
        "gemeente",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gemeente")),
        sa.UniqueConstraint("naam", name=op.f("uq_gemeente_naam")),
    )
    op.create_table(
        "instrument",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(length=300), nullable=False),
        sa.Column("naam_sleutel", sa.String(length=300), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "actief",
                "geparkeerd",
                "concept",
                name="instrument_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("type", sa.String(length=120), nullable=True),
        sa.Column("uitvoerder", sa.String(length=200), nullable=True),
        sa.Column("omschrijving", sa.Text(), nullable=True),
        sa.Column("alle_gemeenten", sa.Boolean(), nullable=False),
        sa.Column("adres", sa.Text(), nullable=True),
        sa.Column("doelgroep", sa.Text(), nullable=True),
        sa.Column("doel", sa.Text(), nullable=True),
        sa.Column("instroomeis", sa.Text(), nullable=True),
        sa.Column("omvang_duur", sa.Text(), nullable=True),
        sa.Column("kosten_centen", sa.Integer(), nullable=True),
        sa.Column("kosten_tekst", sa.String(length=200), nullable=True),
        sa.Column("werkwijze", sa.Text(), nullable=True),
        sa.Column("beschikbaarheid", sa.Text(), nullable=True),
        sa.Column("aanmelding", sa.Text(), nullable=True),
        sa.Column("bijzonderheden", sa.Text(), nullable=True),
        sa.Column("rol_werkzoekende", sa.Text(), nullable=True),
        sa.Column("waardering_professionals", sa.Float(), nullable=True),
        sa.Column("waardering_werkzoekende", sa.Float(), nullable=True),
        sa.Column("onderbouwing", sa.String(length=80), nullable=True),
        sa.Column("regiehouder", sa.String(length=200), nullable=True),
        sa.Column("link", sa.String(length=500), nullable=True),
        sa.Column("overleg_met", sa.String(length=200), nullable=True),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gewijzigd_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("beoordeeld_op", sa.DateTime(timezone=True), nullable=True),
        sa.Column("versie", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instrument")),
        sa.UniqueConstraint("naam_sleutel", name=op.f("uq_instrument_naam_sleutel")),
    )
    with op.batch_alter_table("instrument", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_instrument_status"), ["status"], unique=False)

    op.create_table(
        "kenmerk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("naam", sa.String(length=200), nullable=False),
        sa.Column("uitleg", sa.Text(), nullable=False),
        sa.Column("uitleg_client", sa.Text(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("actief", sa.Boolean(), nullable=False),
        sa.Column("volgorde", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["kenmerk.id"],
            name=op.f("fk_kenmerk_parent_id_kenmerk"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kenmerk")),
        sa.UniqueConstraint("code", name=op.f("uq_kenmerk_code")),
    )
    with op.batch_alter_table("kenmerk", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kenmerk_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "mutatie",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("tijdstip", sa.DateTime(timezone=True), nullable=False),
        sa.Column("gebruiker", sa.String(length=120), nullable=False),
        sa.Column("actie", sa.String(length=20), nullable=False),
        sa.Column("entiteit", sa.String(length=40), nullable=False),
        sa.Column("entiteit_id", sa.Integer(), nullable=True),
        sa.Column("entiteit_naam", sa.String(length=300), nullable=False),
        sa.Column("veld", sa.String(length=80), nullable=True),
        sa.Column("oude_waarde", sa.Text(), nullable=True),
        sa.Column("nieuwe_waarde", sa.Text(), nullable=True),
        sa.Column("reden", sa.Text(), nullable=True),
        sa.Column("bron", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mutatie")),
    )
    with op.batch_alter_table("mutatie", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mutatie_entiteit_id"), ["entiteit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_mutatie_gebruiker"), ["gebruiker"], unique=False)
        batch_op.create_index(batch_op.f("ix_mutatie_tijdstip"), ["tijdstip"], unique=False)

    op.create_table(
        "instrument_gemeente",
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("gemeente_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["gemeente_id"],
            ["gemeente.id"],
            name=op.f("fk_instrument_gemeente_gemeente_id_gemeente"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instrument.id"],
            name=op.f("fk_instrument_gemeente_instrument_id_instrument"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "instrument_id", "gemeente_id", name=op.f("pk_instrument_gemeente")
        ),
    )
    op.create_table(
        "instrument_kenmerk",
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("kenmerk_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instrument.id"],
            name=op.f("fk_instrument_kenmerk_instrument_id_instrument"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["kenmerk_id"],
            ["kenmerk.id"],
            name=op.f("fk_instrument_kenmerk_kenmerk_id_kenmerk"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("instrument_id", "kenmerk_id", name=op.f("pk_instrument_kenmerk")),
    )
    op.create_table(
        "instrument_route",
        sa.Column("instrument_id", sa.Integer(), nullable=False),
        sa.Column("route_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["instrument_id"],
            ["instrument.id"],
            name=op.f("fk_instrument_route_instrument_id_instrument"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["route_id"],
            ["fenger_route.id"],
            name=op.f("fk_instrument_route_route_id_fenger_route"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("instrument_id", "route_id", name=op.f("pk_instrument_route")),
    )


def downgrade() -> None:

    op.drop_table("instrument_route")
    op.drop_table("instrument_kenmerk")
    op.drop_table("instrument_gemeente")
    with op.batch_alter_table("mutatie", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_mutatie_tijdstip"))
        batch_op.drop_index(batch_op.f("ix_mutatie_gebruiker"))
        batch_op.drop_index(batch_op.f("ix_mutatie_entiteit_id"))

    op.drop_table("mutatie")
    with op.batch_alter_table("kenmerk", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kenmerk_parent_id"))

    op.drop_table("kenmerk")
    with op.batch_alter_table("instrument", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_instrument_status"))

    op.drop_table("instrument")
    op.drop_table("gemeente")
    op.drop_table("fenger_route")
