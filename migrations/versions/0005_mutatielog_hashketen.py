"""mutatielog als hashketen (issue 14): vorige_hash en hash per regel

Every log row gets the hash of the row before it and its own hash over its content and that
previous hash (keuzehulp/model/logketen.py describes the canonical form, version 1). Existing
rows are chained in id order. On PostgreSQL a trigger chains every new row under a lock and
fills in who (the database login) and when (the database clock); the trigger is part of the
schema, so it is there on every PostgreSQL database, however the schema was made. Roles,
grants and row-level security are not here: `keuzehulp database init` sets those up.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 01:55:00
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEGIN_HASH = "0" * 64
VELDEN = (
    "id",
    "tijdstip",
    "gebruiker",
    "actie",
    "entiteit",
    "entiteit_id",
    "entiteit_naam",
    "veld",
    "oude_waarde",
    "nieuwe_waarde",
    "reden",
    "bron",
)


def _pg_hash(rij: str, vorige: str) -> str:
    """The canonical form's hash as one SQL expression over the record `rij` (no function
    calls per field: the trigger runs for every log row)."""

    def veld(x: str) -> str:
        return f"CASE WHEN {x} IS NULL THEN '~' ELSE length({x})::text || ':' || {x} END"

    tijd = f"to_char({rij}.tijdstip AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US')"
    bijzonder = {
        "id": f"{rij}.id::text",
        "tijdstip": tijd,
        "entiteit_id": f"{rij}.entiteit_id::text",
    }
    waarden = [bijzonder.get(v, f"{rij}.{v}") for v in VELDEN] + [vorige]
    delen = ",\n        ".join(veld(w) for w in waarden)
    return (
        "encode(sha256(convert_to(concat_ws('|', 'keuzehulp-mutatie-v1',\n        "
        f"{delen}), 'UTF8')), 'hex')"
    )


# Who and when come from the database session, not from the app: a login that is not the
# schema owner is always recorded as itself. The owner (the application manager, who can
# change anything in the database anyway) keeps the name the app passes. The advisory lock
# (the same key everywhere: 7355608, 1) serialises writers, and the id is taken after it, so
# id order is chain order. `SET search_path FROM CURRENT` pins the schema the function was
# made in, so a login with another search_path cannot swap the table.
PG_FUNCTIES = f"""
CREATE OR REPLACE FUNCTION keuzehulp_mutatie_keten() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
    vorige text;
BEGIN
    PERFORM pg_advisory_xact_lock(7355608, 1);
    NEW.id := nextval(pg_get_serial_sequence('mutatie', 'id'));
    NEW.tijdstip := clock_timestamp();
    IF NOT pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                       'MEMBER') THEN
        NEW.gebruiker := session_user;
    END IF;
    SELECT hash INTO vorige FROM mutatie ORDER BY id DESC LIMIT 1;
    NEW.vorige_hash := coalesce(vorige, repeat('0', 64));
    NEW.hash := {_pg_hash("NEW", "NEW.vorige_hash")};
    RETURN NEW;
END
$$;
"""

PG_VUL = f"""
DO $$
DECLARE
    r record;
    vorige text := repeat('0', 64);
    h text;
BEGIN
    FOR r IN SELECT * FROM mutatie ORDER BY id LOOP
        h := {_pg_hash("r", "vorige")};
        UPDATE mutatie SET vorige_hash = vorige, hash = h WHERE id = r.id;
        vorige := h;
    END LOOP;
END
$$;
"""

PG_TRIGGER = """
CREATE TRIGGER mutatie_keten BEFORE INSERT ON mutatie
FOR EACH ROW EXECUTE FUNCTION keuzehulp_mutatie_keten();
"""


def _veld(waarde: object) -> str:
    if waarde is None:
        return "~"
    if isinstance(waarde, dt.datetime):
        tijd = waarde if waarde.tzinfo else waarde.replace(tzinfo=dt.UTC)
        waarde = tijd.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")
    tekst = str(waarde)
    return f"{len(tekst)}:{tekst}"


def _hash(rij: sa.Row[tuple[object, ...]], vorige: str) -> str:
    delen = ["keuzehulp-mutatie-v1", *(_veld(getattr(rij, v)) for v in VELDEN), _veld(vorige)]
    return hashlib.sha256("|".join(delen).encode("utf-8")).hexdigest()


def _vul_sqlite() -> None:
    mutatie = sa.table(
        "mutatie",
        *(sa.column(v) for v in VELDEN if v != "tijdstip"),
        sa.column("tijdstip", sa.DateTime()),
        sa.column("vorige_hash"),
        sa.column("hash"),
    )
    bind = op.get_bind()
    vorige = BEGIN_HASH
    for rij in bind.execute(sa.select(mutatie).order_by(mutatie.c.id)).all():
        h = _hash(rij, vorige)
        bind.execute(
            mutatie.update().where(mutatie.c.id == rij.id).values(vorige_hash=vorige, hash=h)
        )
        vorige = h


def upgrade() -> None:
    postgres = op.get_context().dialect.name == "postgresql"
    with op.batch_alter_table("mutatie", schema=None) as batch_op:
        batch_op.add_column(sa.Column("vorige_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    if postgres:
        op.execute(PG_FUNCTIES)
        op.execute(PG_VUL)
    elif not context.is_offline_mode():
        _vul_sqlite()
    with op.batch_alter_table("mutatie", schema=None) as batch_op:
        batch_op.alter_column("vorige_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_mutatie_vorige_hash"), ["vorige_hash"])
    if postgres:
        op.execute(PG_TRIGGER)


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS mutatie_keten ON mutatie")
        op.execute("DROP FUNCTION IF EXISTS keuzehulp_mutatie_keten()")
    with op.batch_alter_table("mutatie", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_mutatie_vorige_hash"), type_="unique")
        batch_op.drop_column("hash")
        batch_op.drop_column("vorige_hash")
