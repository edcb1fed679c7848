"""PostgreSQL for an organisation: who is logged in, the roles, grants and row-level security.

One module for everything the database enforces (roles, rights, locks, the trigger that
notifies running apps of catalogue changes). The roles are group roles without login; the
application manager gives each coach a login that is a member of one of them:

- ``keuzehulp_werkcoach``: reads the catalogue; writes their own gesprekken and terugblikken
  (row-level security: a coach sees only rows whose ``coach`` is their own login).
- ``keuzehulp_beheerder``: a werkcoach who may also change the catalogue and publish versions.
- ``keuzehulp_inzicht``: management; reads the catalogue and all gesprekken and terugblikken
  for figures, writes nothing.

Nobody but the owner may update or delete mutation-log rows, and a trigger (migration 0005)
fills in who and when. The owner (the login that ran ``keuzehulp database init``) is not
limited: PostgreSQL lets a table's owner do anything with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

ROL_WERKCOACH = "keuzehulp_werkcoach"
ROL_BEHEERDER = "keuzehulp_beheerder"
ROL_INZICHT = "keuzehulp_inzicht"
ROLLEN: tuple[str, ...] = (ROL_WERKCOACH, ROL_BEHEERDER, ROL_INZICHT)
# Short names for the command line and messages.
ROL_NAMEN: dict[str, str] = {
    "werkcoach": ROL_WERKCOACH,
    "beheerder": ROL_BEHEERDER,
    "inzicht": ROL_INZICHT,
}

# The catalogue: everyone reads, beheerders write.
CATALOGUS_TABELLEN: tuple[str, ...] = (
    "fenger_route",
    "kenmerk",
    "gemeente",
    "instrument",
    "instrument_gemeente",
    "instrument_kenmerk",
    "instrument_route",
    "catalogus_versie",
    "instelling",
    # Who holds the import/publish lock: written by beheerders, read by everyone.
    "vergrendeling",
)
# A coach's own work, under row-level security; management reads it for figures.
GESPREK_TABELLEN: tuple[str, ...] = (
    "gesprek",
    "gesprek_optie",
    "gesprek_score",
    "gesprek_route",
    "gesprek_kenmerk",
    "terugblik",
    "opmerking",
    "gesprek_feit",
)

# The SQLSTATE of "insufficient privilege", also raised for a row-level security violation.
GEEN_RECHT = "42501"


@dataclass(frozen=True, slots=True)
class PgSessie:
    """Who is logged in: the login name, whether it owns the schema, its keuzehulp roles."""

    gebruiker: str
    eigenaar: bool
    rollen: frozenset[str]

    @property
    def is_beheerder(self) -> bool:
        return self.eigenaar or ROL_BEHEERDER in self.rollen

    @property
    def rol_tekst(self) -> str:
        """The role in Dutch words, for messages."""
        if self.eigenaar:
            return "eigenaar van de database"
        for kort, rol in (("beheerder", ROL_BEHEERDER), ("werkcoach", ROL_WERKCOACH)):
            if rol in self.rollen:
                return kort
        if ROL_INZICHT in self.rollen:
            return "inzicht (alleen lezen)"
        return "geen keuzehulp-rol"


def is_postgres(conn: Connection) -> bool:
    return conn.dialect.name == "postgresql"


def sessie_info(conn: Connection) -> PgSessie:
    """The login of this connection (`session_user`), ownership and keuzehulp roles.

    The owner is a member of the role that owns `alembic_version` (or, before there is a
    schema, of the database's owner); superusers count as members of every role.
    """
    rij = conn.execute(
        text(
            """
            SELECT session_user::text,
                   pg_has_role(session_user,
                               coalesce((SELECT c.relowner FROM pg_class c
                                         WHERE c.oid = to_regclass('alembic_version')),
                                        (SELECT d.datdba FROM pg_database d
                                         WHERE d.datname = current_database())),
                               'MEMBER'),
                   ARRAY(SELECT r.rolname::text FROM pg_roles r
                         WHERE r.rolname = ANY(:rollen)
                           AND pg_has_role(session_user, r.oid, 'MEMBER'))
            """
        ),
        {"rollen": list(ROLLEN)},
    ).one()
    return PgSessie(gebruiker=rij[0], eigenaar=bool(rij[1]), rollen=frozenset(rij[2]))


def is_rechtenfout(fout: BaseException) -> bool:
    """True for PostgreSQL's refusal of a privilege or a row-level security policy."""
    orig = fout.orig if isinstance(fout, DBAPIError) else None
    return getattr(orig, "sqlstate", None) == GEEN_RECHT


@dataclass(frozen=True, slots=True)
class RolStaat:
    """What the keuzehulp roles look like on the server, seen from the logged-in owner.

    `bestaand`: the keuzehulp roles that exist. `mag_maken`: the login may create roles
    (superuser or CREATEROLE). `toekenbaar`: existing roles the login may grant to others
    (superuser, ADMIN OPTION, or CREATEROLE before PostgreSQL 16). `gekoppeld`:
    keuzehulp_beheerder is already a member of keuzehulp_werkcoach.
    """

    bestaand: frozenset[str]
    mag_maken: bool
    toekenbaar: frozenset[str]
    gekoppeld: bool

    @property
    def ontbrekend(self) -> tuple[str, ...]:
        return tuple(r for r in ROLLEN if r not in self.bestaand)

    @property
    def compleet(self) -> bool:
        """True when the login can set up and hand out every role by itself."""
        if self.ontbrekend and not self.mag_maken:
            return False
        # Roles this login creates now it may grant (CREATEROLE; since PostgreSQL 16 the
        # creator gets ADMIN OPTION); existing ones need ADMIN OPTION (or superuser).
        return all(r in self.toekenbaar for r in self.bestaand)


def rol_staat(conn: Connection) -> RolStaat:
    """Read `RolStaat` for this connection's login (PostgreSQL catalogues, no changes)."""
    rij = conn.execute(
        text(
            """
            SELECT r.rolsuper OR r.rolcreaterole,
                   ARRAY(SELECT k.rolname::text FROM pg_roles k WHERE k.rolname = ANY(:rollen)),
                   ARRAY(SELECT k.rolname::text FROM pg_roles k
                         WHERE k.rolname = ANY(:rollen)
                           AND (r.rolsuper
                                OR (r.rolcreaterole
                                    AND current_setting('server_version_num')::int < 160000)
                                OR pg_has_role(session_user, k.oid, 'USAGE WITH ADMIN OPTION'))),
                   EXISTS (SELECT FROM pg_auth_members m
                           WHERE m.roleid = to_regrole(:wc) AND m.member = to_regrole(:bh))
            FROM pg_roles r WHERE r.rolname = session_user
            """
        ),
        {"rollen": list(ROLLEN), "wc": ROL_WERKCOACH, "bh": ROL_BEHEERDER},
    ).one()
    return RolStaat(
        bestaand=frozenset(rij[1]),
        mag_maken=bool(rij[0]),
        toekenbaar=frozenset(rij[2]),
        gekoppeld=bool(rij[3]),
    )


def dba_sql(ontbrekend: tuple[str, ...], eigenaar: str) -> list[str]:
    """The statements a database administrator (superuser) runs once for an owner without
    CREATEROLE: the missing roles, the beheerder-werkcoach link and ADMIN OPTION for the owner.

    `eigenaar` is the owner's login name (quoted here as an SQL identifier when needed).
    """
    ident = eigenaar if re.fullmatch(r"[a-z_][a-z0-9_]*", eigenaar) else _citeer(eigenaar)
    return [
        *(f"CREATE ROLE {r} NOLOGIN;" for r in ontbrekend),
        f"GRANT {ROL_WERKCOACH} TO {ROL_BEHEERDER};",
        f"GRANT {', '.join(ROLLEN)} TO {ident} WITH ADMIN OPTION;",
    ]


def _citeer(naam: str) -> str:
    return '"' + naam.replace('"', '""') + '"'


def _maak_rol(rol: str) -> str:
    return f"""
    DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{rol}') THEN
            CREATE ROLE {rol} NOLOGIN;
        END IF;
    END $$"""


def _beleid(tabel: str, naam: str, rest: str) -> list[str]:
    return [f"DROP POLICY IF EXISTS {naam} ON {tabel}", f"CREATE POLICY {naam} ON {tabel} {rest}"]


_EIGEN_GESPREK = "EXISTS (SELECT 1 FROM gesprek g WHERE g.id = gesprek_id)"


def rechten_sql(database: str, staat: RolStaat | None = None) -> list[str]:
    """Every statement that sets up roles, grants and row-level security; safe to repeat.

    `database` is the database's name, already quoted as an SQL identifier. With `staat`,
    roles that exist are not created and an existing beheerder-werkcoach link is not granted
    again (an owner without CREATEROLE may not run either); without it, both are run.

    Runs as the owner after the migrations. The table list must cover every table of the
    schema: a test checks that each table has rights for at least one role.
    """
    wc, bh, iz = ROL_WERKCOACH, ROL_BEHEERDER, ROL_INZICHT
    alle = f"{wc}, {bh}, {iz}"
    sql = [_maak_rol(r) for r in (staat.ontbrekend if staat is not None else ROLLEN)]
    if staat is None or not staat.gekoppeld:
        sql.append(f"GRANT {wc} TO {bh}")  # a beheerder also works with clients
    sql += [
        f"REVOKE CONNECT, TEMPORARY ON DATABASE {database} FROM PUBLIC",
        f"GRANT CONNECT ON DATABASE {database} TO {alle}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {alle}",
        "REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC",
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {alle}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {alle}",
        f"GRANT SELECT ON alembic_version TO {alle}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {wc}, {bh}",
        # The log: read by all, appended by beheerders (the trigger fills who, when and the
        # hashes); no UPDATE or DELETE for anyone but the owner.
        f"GRANT SELECT ON mutatie TO {alle}",
        f"GRANT INSERT ON mutatie TO {bh}",
        # Beheerders of the table are the app's own list (SQLite); on PostgreSQL the role
        # decides, and only the application manager grants it.
        f"GRANT SELECT ON beheerder TO {alle}",
        "REVOKE EXECUTE ON FUNCTION keuzehulp_mutatie_keten() FROM PUBLIC",
        "REVOKE EXECUTE ON FUNCTION keuzehulp_feit_prijs() FROM PUBLIC",
        # The Inzicht month totals (migration 0009) sum every coach's gesprekken: only
        # management reads them (and the owner); triggers of the owner write them.
        f"GRANT SELECT ON inzicht_totaal TO {iz}",
        *(
            f"REVOKE EXECUTE ON FUNCTION keuzehulp_totaal_{n}() FROM PUBLIC"
            for n in ("erbij", "eraf", "anders")
        ),
    ]
    for tabel in CATALOGUS_TABELLEN:
        sql.append(f"GRANT SELECT ON {tabel} TO {alle}")
        sql.append(f"GRANT INSERT, UPDATE, DELETE ON {tabel} TO {bh}")
    for tabel in GESPREK_TABELLEN:
        sql.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tabel} TO {wc}")
        sql.append(f"GRANT SELECT ON {tabel} TO {iz}")
        sql.append(f"ALTER TABLE {tabel} ENABLE ROW LEVEL SECURITY")
        sql += _beleid(tabel, "keuzehulp_inzicht_leest", f"FOR SELECT TO {iz} USING (true)")
    # session_user, not current_user: SET ROLE or a SECURITY DEFINER function does not change it.
    eigen = "coach = session_user::text"
    sql += _beleid("gesprek", "keuzehulp_eigen", f"TO {wc} USING ({eigen}) WITH CHECK ({eigen})")
    for tabel in (
        "gesprek_optie", "gesprek_score", "gesprek_route", "gesprek_kenmerk", "gesprek_feit",
    ):  # fmt: skip
        sql += _beleid(
            tabel,
            "keuzehulp_eigen",
            f"TO {wc} USING ({_EIGEN_GESPREK}) WITH CHECK ({_EIGEN_GESPREK})",
        )
    sql += _beleid(
        "terugblik",
        "keuzehulp_eigen",
        f"TO {wc} USING ({_EIGEN_GESPREK}) WITH CHECK ({_EIGEN_GESPREK} AND {eigen})",
    )
    eigen_terugblik = (
        "terugblik_id IS NOT NULL AND EXISTS (SELECT 1 FROM terugblik t WHERE t.id = terugblik_id)"
    )
    sql += _beleid(
        "opmerking",
        "keuzehulp_eigen",
        f"TO {wc} USING ({eigen_terugblik}) WITH CHECK ({eigen_terugblik})",
    )
    # Remarks go to the regiehouder: the beheergroep reads and handles all of them.
    sql += _beleid("opmerking", "keuzehulp_beheergroep", f"TO {bh} USING (true)")
    # Coach settings: each coach their own row.
    eigen_profiel = "gebruiker = session_user::text"
    sql += [
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON coach_profiel TO {wc}",
        "ALTER TABLE coach_profiel ENABLE ROW LEVEL SECURITY",
        *_beleid(
            "coach_profiel",
            "keuzehulp_eigen",
            f"TO {wc} USING ({eigen_profiel}) WITH CHECK ({eigen_profiel})",
        ),
    ]
    return sql


# Live updates (`keuzehulp.model.meldingen`): every statement that appends to the mutation log
# notifies the channel in the same transaction, so listeners hear of it at commit and never of
# a rollback. A trigger rather than a NOTIFY in the app's log writer: it also catches changes
# by every other client that writes the log (an older app, the CLI, a script), and no code
# path can forget it. One notice per statement (a bulk insert of 10,000 log rows is one), with
# the changed entities as payload; PostgreSQL folds identical payloads within a transaction.
KANAAL = "keuzehulp_catalogus"


def meldingen_sql() -> list[str]:
    """The function and trigger that notify `KANAAL` of catalogue changes; safe to repeat."""
    return [
        f"""
        CREATE OR REPLACE FUNCTION keuzehulp_meld_catalogus() RETURNS trigger
        LANGUAGE plpgsql SET search_path FROM CURRENT
        AS $$
        BEGIN
            PERFORM pg_notify('{KANAAL}', coalesce(
                (SELECT string_agg(DISTINCT entiteit, ',') FROM nieuwe_mutaties), ''));
            RETURN NULL;
        END
        $$""",
        "DROP TRIGGER IF EXISTS mutatie_meld ON mutatie",
        """
        CREATE TRIGGER mutatie_meld AFTER INSERT ON mutatie
        REFERENCING NEW TABLE AS nieuwe_mutaties
        FOR EACH STATEMENT EXECUTE FUNCTION keuzehulp_meld_catalogus()""",
        "REVOKE EXECUTE ON FUNCTION keuzehulp_meld_catalogus() FROM PUBLIC",
    ]


def richt_rechten_in(conn: Connection, staat: RolStaat | None = None) -> None:
    """Apply `rechten_sql` and `meldingen_sql` on this connection (the owner's), in its
    transaction. `staat`: see `rechten_sql`."""
    naam = conn.execute(text("SELECT current_database()")).scalar_one()
    database = conn.dialect.identifier_preparer.quote_identifier(naam)
    for opdracht in rechten_sql(database, staat):
        conn.execute(text(opdracht))
    for opdracht in meldingen_sql():
        conn.execute(text(opdracht))
