"""inzicht maandtotalen (issue 15 item 5): per-month totals of gesprek_feit, kept by triggers

`inzicht_totaal` holds, per gemeente filter ('' = all gesprekken, else a gemeente name from
the gesprekken's search), kind of group (soort), group (sleutel) and month, the sums the
Inzicht screen shows: gesprekken, with a shortlist, with a choice, by newest status, choices
without an amount and the cents of the known amounts. The screen then reads a few hundred
rows instead of scanning every fact (keuzehulp/services/inzicht/feiten.py).

Triggers on gesprek_feit keep the totals in the same transaction as every write of a fact
(the ORM listener, bulk writers, ON DELETE CASCADE of a deleted or purged gesprek, a price
update), so they cannot drift: on SQLite row triggers, on PostgreSQL statement triggers with
transition tables in a SECURITY DEFINER function (row-level security hides other coaches'
facts from the writer). Filled here for existing databases, from the facts, by the same rule.
A gesprek's row counts under filter X when the gesprek has a gemeente row with sleutel X.

Also a covering index on gesprek_feit by (soort, maand, aangemaakt_op): the partial first
and last month of a period are read from the facts, and this index finds just those months.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 10:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SLEUTEL = ("filter_gemeente", "soort", "sleutel", "maand")
MATEN = ("gesprekken", "korte_lijst", "gekozen", "gestart", "afgerond", "gestopt",
         "zonder_bedrag", "centen")  # fmt: skip


MAAND_INDEX = ("soort", "maand", "aangemaakt_op", "sleutel", "status", "korte_lijst",
               "keuze_id", "centen", "gesprek_id")  # fmt: skip


def _waarden(r: str, teken: str = "") -> str:
    """The sums one fact row `r` adds (teken "-": takes away), in MATEN order."""
    delen = (
        "1",
        f"{r}.korte_lijst",
        f"CASE WHEN {r}.keuze_id IS NOT NULL THEN 1 ELSE 0 END",
        *(f"CASE WHEN {r}.status = '{s}' THEN 1 ELSE 0 END"
          for s in ("gestart", "afgerond", "gestopt")),
        f"CASE WHEN {r}.keuze_id IS NOT NULL AND {r}.centen IS NULL THEN 1 ELSE 0 END",
        f"COALESCE({r}.centen, 0)",
    )  # fmt: skip
    return ", ".join(f"{teken}({d}) AS {m}" for d, m in zip(delen, MATEN, strict=True))


def _bij(bijdragen: str) -> str:
    """Add the rows of `bijdragen` (x, soort, sleutel, maand, MATEN) to the totals."""
    kolommen = ", ".join((*SLEUTEL, *MATEN))
    sommen = ", ".join(f"sum({m})" for m in MATEN)
    zet = ", ".join(f"{m} = inzicht_totaal.{m} + excluded.{m}" for m in MATEN)
    return (
        f"INSERT INTO inzicht_totaal ({kolommen}) "
        f"SELECT x, soort, sleutel, maand, {sommen} FROM ({bijdragen}) d "
        f"GROUP BY x, soort, sleutel, maand "
        f"ON CONFLICT ({', '.join(SLEUTEL)}) DO UPDATE SET {zet}"
    )


# SQLite: row triggers run right after each row is written and see the table as it is then,
# so each pair (row R, gemeente row Y) of a gesprek is counted when its later member arrives
# and taken away when its first member leaves.
def _sqlite_erbij(n: str) -> str:
    """Pairs formed by row `n` (NEW) with the rows now in the table (itself included)."""
    return _bij(f"""
        SELECT '' AS x, {n}.soort AS soort, {n}.sleutel AS sleutel, {n}.maand AS maand,
               {_waarden(n)}
        UNION ALL
        SELECT y.sleutel, {n}.soort, {n}.sleutel, {n}.maand, {_waarden(n)}
        FROM gesprek_feit y WHERE y.gesprek_id = {n}.gesprek_id AND y.soort = 'gemeente'
        UNION ALL
        SELECT {n}.sleutel, r.soort, r.sleutel, r.maand, {_waarden("r")}
        FROM gesprek_feit r
        WHERE {n}.soort = 'gemeente' AND r.gesprek_id = {n}.gesprek_id
          AND NOT (r.soort = 'gemeente' AND r.sleutel = {n}.sleutel)
    """)


def _sqlite_eraf(o: str, *, bij_update: bool) -> str:
    """Pairs of row `o` (OLD) with the other rows of its gesprek, and with itself. In an
    UPDATE trigger the row now holding NEW's key is not one of the others."""
    ander_y = (
        "NOT (y.gesprek_id = NEW.gesprek_id AND y.soort = NEW.soort AND y.sleutel = NEW.sleutel)"
        if bij_update
        else "1 = 1"
    )
    ander_r = ander_y.replace("y.", "r.")
    return _bij(f"""
        SELECT '' AS x, {o}.soort AS soort, {o}.sleutel AS sleutel, {o}.maand AS maand,
               {_waarden(o, "-")}
        UNION ALL
        SELECT y.sleutel, {o}.soort, {o}.sleutel, {o}.maand, {_waarden(o, "-")}
        FROM gesprek_feit y
        WHERE y.gesprek_id = {o}.gesprek_id AND y.soort = 'gemeente' AND {ander_y}
        UNION ALL
        SELECT {o}.sleutel, {o}.soort, {o}.sleutel, {o}.maand, {_waarden(o, "-")}
        WHERE {o}.soort = 'gemeente'
        UNION ALL
        SELECT {o}.sleutel, r.soort, r.sleutel, r.maand, {_waarden("r", "-")}
        FROM gesprek_feit r
        WHERE {o}.soort = 'gemeente' AND r.gesprek_id = {o}.gesprek_id AND {ander_r}
    """)


def _sqlite_triggers() -> list[str]:
    eraf_delete = _sqlite_eraf("OLD", bij_update=False)
    eraf_update = _sqlite_eraf("OLD", bij_update=True)
    return [
        f"""CREATE TRIGGER inzicht_totaal_erbij AFTER INSERT ON gesprek_feit
        BEGIN {_sqlite_erbij("NEW")}; END""",
        f"""CREATE TRIGGER inzicht_totaal_eraf AFTER DELETE ON gesprek_feit
        BEGIN {eraf_delete}; END""",
        f"""CREATE TRIGGER inzicht_totaal_anders AFTER UPDATE ON gesprek_feit
        BEGIN {eraf_update}; {_sqlite_erbij("NEW")}; END""",
    ]


# PostgreSQL: statement triggers see the table after the whole statement, with the rows it
# wrote or removed in transition tables. Pairs (R, Y) of a touched gesprek are taken away
# from the state before (R or Y among the old rows) and added from the state after (R or Y
# among the new rows).
def _pg_paren(bron: str, vlag: str, teken: str) -> str:
    return f"""
        SELECT y.sleutel AS x, r.soort, r.sleutel, r.maand, {_waarden("r", teken)}
        FROM {bron} r JOIN {bron} y ON y.gesprek_id = r.gesprek_id AND y.soort = 'gemeente'
        WHERE r.{vlag} OR y.{vlag}"""


def _pg_zonder(rij: str, tabel: str) -> str:
    return (
        f"EXISTS (SELECT 1 FROM {tabel} t WHERE t.gesprek_id = {rij}.gesprek_id "
        f"AND t.soort = {rij}.soort AND t.sleutel = {rij}.sleutel)"
    )


_PG_NA = """
    SELECT f.*, {nieuw} AS vers FROM gesprek_feit f
    WHERE f.gesprek_id IN (SELECT gesprek_id FROM {tabellen})"""
_PG_VOOR = """
    SELECT f.*, false AS weg FROM gesprek_feit f
    WHERE f.gesprek_id IN (SELECT gesprek_id FROM {tabellen}) AND NOT {nieuw}
    UNION ALL SELECT o.*, true FROM oud o"""


def _pg_erbij() -> str:
    na = _PG_NA.format(nieuw=_pg_zonder("f", "nieuw"), tabellen="nieuw")
    return f"WITH na AS ({na}) " + _bij(
        f"SELECT '' AS x, n.soort, n.sleutel, n.maand, {_waarden('n')} FROM nieuw n "
        f"UNION ALL {_pg_paren('na', 'vers', '')}"
    )


def _pg_eraf(met_nieuw: bool) -> str:
    voor = _PG_VOOR.format(
        nieuw=_pg_zonder("f", "nieuw") if met_nieuw else "false",
        tabellen="(SELECT gesprek_id FROM oud UNION SELECT gesprek_id FROM nieuw) g"
        if met_nieuw
        else "oud",
    )
    return f"WITH voor AS ({voor}) " + _bij(
        f"SELECT '' AS x, o.soort, o.sleutel, o.maand, {_waarden('o', '-')} FROM oud o "
        f"UNION ALL {_pg_paren('voor', 'weg', '-')}"
    )


def _pg_functies() -> list[str]:
    functies = []
    for naam, lichaam in (
        ("keuzehulp_totaal_erbij", _pg_erbij()),
        ("keuzehulp_totaal_eraf", _pg_eraf(False)),
        ("keuzehulp_totaal_anders", _pg_eraf(True) + ";\n" + _pg_erbij()),
    ):
        functies.append(f"""
CREATE OR REPLACE FUNCTION {naam}() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    {lichaam};
    RETURN NULL;
END
$$""")
    return [
        *functies,
        """CREATE TRIGGER inzicht_totaal_erbij AFTER INSERT ON gesprek_feit
        REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT
        EXECUTE FUNCTION keuzehulp_totaal_erbij()""",
        """CREATE TRIGGER inzicht_totaal_eraf AFTER DELETE ON gesprek_feit
        REFERENCING OLD TABLE AS oud FOR EACH STATEMENT
        EXECUTE FUNCTION keuzehulp_totaal_eraf()""",
        """CREATE TRIGGER inzicht_totaal_anders AFTER UPDATE ON gesprek_feit
        REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw FOR EACH STATEMENT
        EXECUTE FUNCTION keuzehulp_totaal_anders()""",
    ]


def _vul() -> None:
    """The totals of the facts already stored: every row under '', and every pair of a row
    with a gemeente row of its gesprek under that gemeente."""
    kolommen = ", ".join((*SLEUTEL, *MATEN))
    sommen = ", ".join(f"sum({m})" for m in MATEN)
    op.execute(f"""
        INSERT INTO inzicht_totaal ({kolommen})
        SELECT x, soort, sleutel, maand, {sommen} FROM (
            SELECT '' AS x, r.soort, r.sleutel, r.maand, {_waarden("r")} FROM gesprek_feit r
            UNION ALL
            SELECT y.sleutel, r.soort, r.sleutel, r.maand, {_waarden("r")}
            FROM gesprek_feit r
            JOIN gesprek_feit y ON y.gesprek_id = r.gesprek_id AND y.soort = 'gemeente'
        ) d
        GROUP BY x, soort, sleutel, maand
    """)


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    op.create_table(
        "inzicht_totaal",
        sa.Column("filter_gemeente", sa.String(length=120), nullable=False),
        sa.Column("soort", sa.String(length=10), nullable=False),
        sa.Column("sleutel", sa.String(length=120), nullable=False),
        sa.Column("maand", sa.String(length=7), nullable=False),
        *(sa.Column(m, sa.Integer(), nullable=False) for m in MATEN[:-1]),
        sa.Column("centen", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(*SLEUTEL, name=op.f("pk_inzicht_totaal")),
    )
    _vul()
    with op.batch_alter_table("gesprek_feit", schema=None) as batch_op:
        batch_op.create_index(
            "ix_gesprek_feit_maand",
            list(MAAND_INDEX),
            unique=False,
        )
    for sql in _sqlite_triggers() if dialect == "sqlite" else _pg_functies():
        op.execute(sql)
    if dialect == "postgresql":
        op.execute("ANALYZE inzicht_totaal")


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    for naam in ("inzicht_totaal_erbij", "inzicht_totaal_eraf", "inzicht_totaal_anders"):
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {naam} ON gesprek_feit")
            op.execute(f"DROP FUNCTION IF EXISTS keuzehulp_{naam.removeprefix('inzicht_')}()")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {naam}")
    with op.batch_alter_table("gesprek_feit", schema=None) as batch_op:
        batch_op.drop_index("ix_gesprek_feit_maand")
    op.drop_table("inzicht_totaal")
