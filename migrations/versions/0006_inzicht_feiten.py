"""inzicht feiten (issue 15 item 5): gesprek_feit, filled from existing gesprekken

Per gesprek the groups it counts in (month, routes, kenmerken, gemeenten of its search) with
its facts (choice and its price, shortlist, newest terugblik), so that the Inzicht figures
are plain indexed GROUP BYs (keuzehulp/model/gesprekfeit.py describes the table and keeps
it right). Existing databases are filled here in set-based SQL, by the same rule; plus a
covering index on terugblik for the ratings.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 04:55:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GEEN = "(geen)"
MET_CIJFER = "coalesce(coach_totaal, coach_resultaat, coach_uitvoering, client_cijfer) IS NOT NULL"
KOLOMMEN = (
    "gesprek_id, soort, sleutel, aangemaakt_op, maand, keuze_id, korte_lijst, status, doel, "
    "terugblik_instrument_id, centen"
)
FEITEN = "m.aangemaakt_op, m.maand, m.keuze_id, m.korte_lijst, m.status, m.doel, " + (
    "m.terugblik_instrument_id, m.centen"
)


# On PostgreSQL a new price reaches the facts of every coach's gesprekken, whatever the
# writer's row-level security lets it see: the owner's trigger function does it (on SQLite
# the app's flush listener does, keuzehulp/model/gesprekfeit.py).
PG_PRIJS = """
CREATE OR REPLACE FUNCTION keuzehulp_feit_prijs() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    UPDATE gesprek_feit SET centen = NEW.kosten_centen
    WHERE soort IN ('maand', 'route', 'kenmerk', 'gemeente') AND keuze_id = NEW.id;
    RETURN NULL;
END
$$;
CREATE TRIGGER gesprek_feit_prijs AFTER UPDATE OF kosten_centen ON instrument
FOR EACH ROW WHEN (OLD.kosten_centen IS DISTINCT FROM NEW.kosten_centen)
EXECUTE FUNCTION keuzehulp_feit_prijs();
"""


def _maand(dialect: str) -> str:
    if dialect == "sqlite":
        return "strftime('%Y-%m', g.aangemaakt_op)"
    return "to_char(timezone('UTC', g.aangemaakt_op), 'YYYY-MM')"


def _gemeenten(dialect: str) -> str:
    if dialect == "sqlite":
        bron = "gesprek g, json_each(g.zoekfilters, '$.gemeenten') j"
    else:
        bron = "gesprek g, json_array_elements_text(CAST(g.zoekfilters AS JSON) -> 'gemeenten') j"
    return f"SELECT DISTINCT g.id AS gesprek_id, j.value AS gemeente FROM {bron}"


def _vul(dialect: str) -> None:
    maand = _maand(dialect)
    # One row per gesprek for its month, with its newest terugblik (latest date, then id).
    op.execute(f"""
        INSERT INTO gesprek_feit ({KOLOMMEN})
        SELECT g.id, 'maand', {maand}, g.aangemaakt_op, {maand}, g.keuze_id,
               CASE WHEN EXISTS (SELECT 1 FROM gesprek_optie o WHERE o.gesprek_id = g.id)
                    THEN 1 ELSE 0 END,
               t.status, t.doel_bereikt, t.instrument_id, i.kosten_centen
        FROM gesprek g
        LEFT JOIN instrument i ON i.id = g.keuze_id
        LEFT JOIN (
            SELECT gesprek_id, status, doel_bereikt, instrument_id,
                   row_number() OVER (PARTITION BY gesprek_id
                                      ORDER BY aangemaakt_op DESC, id DESC) AS rang
            FROM terugblik
        ) t ON t.gesprek_id = g.id AND t.rang = 1
    """)
    for soort, link, kolom in (
        ("route", "gesprek_route", "route_id"),
        ("kenmerk", "gesprek_kenmerk", "kenmerk_id"),
    ):
        op.execute(f"""
            INSERT INTO gesprek_feit ({KOLOMMEN})
            SELECT m.gesprek_id, '{soort}', COALESCE(CAST(l.{kolom} AS VARCHAR), '{GEEN}'),
                   {FEITEN}
            FROM gesprek_feit m LEFT JOIN {link} l ON l.gesprek_id = m.gesprek_id
            WHERE m.soort = 'maand'
        """)
    op.execute(f"""
        INSERT INTO gesprek_feit ({KOLOMMEN})
        SELECT m.gesprek_id, 'gemeente', COALESCE(p.gemeente, '{GEEN}'), {FEITEN}
        FROM gesprek_feit m LEFT JOIN ({_gemeenten(dialect)}) p ON p.gesprek_id = m.gesprek_id
        WHERE m.soort = 'maand'
    """)


def upgrade() -> None:
    op.create_table(
        "gesprek_feit",
        sa.Column("gesprek_id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(length=10), nullable=False),
        sa.Column("sleutel", sa.String(length=120), nullable=False),
        sa.Column("aangemaakt_op", sa.DateTime(timezone=True), nullable=False),
        sa.Column("maand", sa.String(length=7), nullable=False),
        sa.Column("keuze_id", sa.Integer(), nullable=True),
        sa.Column("korte_lijst", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=True),
        sa.Column("doel", sa.String(length=20), nullable=True),
        sa.Column("terugblik_instrument_id", sa.Integer(), nullable=True),
        sa.Column("centen", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["gesprek_id"],
            ["gesprek.id"],
            name=op.f("fk_gesprek_feit_gesprek_id_gesprek"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("gesprek_id", "soort", "sleutel", name=op.f("pk_gesprek_feit")),
    )
    # Filled before the indexes exist: one sort per index instead of row-by-row upkeep.
    _vul(op.get_context().dialect.name)
    with op.batch_alter_table("gesprek_feit", schema=None) as batch_op:
        batch_op.create_index(
            "ix_gesprek_feit_groep",
            [
                "soort",
                "sleutel",
                "maand",
                "status",
                "korte_lijst",
                "keuze_id",
                "aangemaakt_op",
                "centen",
                "gesprek_id",
            ],
            unique=False,
        )
        batch_op.create_index(
            "ix_gesprek_feit_keuze",
            ["soort", "keuze_id", "status", "aangemaakt_op", "gesprek_id"],
            unique=False,
        )
        batch_op.create_index(
            "ix_gesprek_feit_terugblik",
            [
                "soort",
                "terugblik_instrument_id",
                "status",
                "doel",
                "aangemaakt_op",
                "gesprek_id",
            ],
            unique=False,
        )
    with op.batch_alter_table("terugblik", schema=None) as batch_op:
        batch_op.create_index(
            "ix_terugblik_cijfers",
            [
                "instrument_id",
                "gesprek_id",
                "coach_totaal",
                "coach_resultaat",
                "coach_uitvoering",
                "client_cijfer",
            ],
            unique=False,
            sqlite_where=sa.text(MET_CIJFER),
            postgresql_where=sa.text(MET_CIJFER),
        )
    if op.get_context().dialect.name == "postgresql":
        op.execute(PG_PRIJS)
        op.execute("ANALYZE gesprek_feit")


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS gesprek_feit_prijs ON instrument")
        op.execute("DROP FUNCTION IF EXISTS keuzehulp_feit_prijs()")
    with op.batch_alter_table("terugblik", schema=None) as batch_op:
        batch_op.drop_index("ix_terugblik_cijfers")
    with op.batch_alter_table("gesprek_feit", schema=None) as batch_op:
        batch_op.drop_index("ix_gesprek_feit_terugblik")
        batch_op.drop_index("ix_gesprek_feit_keuze")
        batch_op.drop_index("ix_gesprek_feit_groep")
    op.drop_table("gesprek_feit")
