"""Setting up a shared PostgreSQL catalogue for an organisation: init, upgrade, roles.

Run by the database owner (the application manager), never by a coach's app: a coach's app
that finds an older or newer schema on PostgreSQL stops with a Dutch message
(`keuzehulp.model.migratie`). Roles, grants and row-level security are in
`keuzehulp.model.postgres`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, OperationalError

from keuzehulp.model import postgres, verbinding
from keuzehulp.model.db import adres_zonder_wachtwoord, kies_database_url, parse_url, waar
from keuzehulp.model.errors import DatabaseFout, GeenRechtFout, InvoerFout, NietGevondenFout
from keuzehulp.model.migratie import SCHEMA_HEAD, lees_revisie
from keuzehulp.model.verbindingsfout import oorzaak
from keuzehulp.services.opstart import open_catalogus, standaard_stappen

_LOGIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.@-]{0,62}")


def bewaar_verbinding(adres: str) -> Path:
    """Check a database address and store it as this user's connection setting.

    Returns the settings file. Raises InvoerFout for an empty address or one with a password,
    DatabaseFout for an address the app cannot open (nothing is stored then).
    """
    if not adres.strip() or verbinding.heeft_wachtwoord(adres):
        return verbinding.bewaar_adres(adres)  # raises the Dutch refusal
    parse_url(adres.strip())
    return verbinding.bewaar_adres(adres)


@dataclass(frozen=True, slots=True)
class Inrichting:
    """What `richt_in` or `werk_bij` did."""

    eigenaar: str
    vorige_revisie: str | None
    revisie: str
    meldingen: list[str] = field(default_factory=list)
    # The address used, without password and decoded, for hints the user copies.
    adres: str = ""


def _postgres_url(database_optie: str | None, opdracht: str) -> URL:
    url = parse_url(kies_database_url(database_optie))
    if url.get_backend_name() != "postgresql":
        raise InvoerFout(
            f"‘keuzehulp database {opdracht}’ is voor een gedeelde PostgreSQL-database, "
            "bijvoorbeeld --database postgresql+psycopg://eigenaar@server/keuzehulp. "
            "Een SQLite-bestand richt de keuzehulp zelf in bij de eerste start."
        )
    return url


def _verbind(url: URL) -> tuple[Connection, postgres.PgSessie, str | None]:
    """A connection as the owner, the session, and the schema revision (None: no schema)."""
    engine = create_engine(url, pool_pre_ping=True)
    try:
        conn = engine.connect()
    except OperationalError as fout:
        engine.dispose()
        raise DatabaseFout(
            f"De database {waar(url)} kan niet worden geopend: {oorzaak(fout)}. "
            "Er is niets gewijzigd."
        ) from None
    sessie = postgres.sessie_info(conn)
    if not sessie.eigenaar:
        conn.close()
        engine.dispose()
        raise GeenRechtFout(
            f"Alleen de eigenaar van de database mag de keuzehulp inrichten of bijwerken, en "
            f"{sessie.gebruiker} is geen eigenaar. Log in als de eigenaar (de login die de "
            "database heeft gemaakt). Er is niets gewijzigd."
        )
    codering = conn.execute(text("SHOW server_encoding")).scalar_one()
    if codering != "UTF8":
        conn.close()
        engine.dispose()
        raise DatabaseFout(
            f"De database gebruikt tekenset {codering}; de keuzehulp heeft UTF8 nodig. Maak de "
            "database opnieuw met: CREATE DATABASE keuzehulp ENCODING 'UTF8' TEMPLATE template0. "
            "Er is niets gewijzigd."
        )
    heeft_schema = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
    revisie = lees_revisie(conn) if heeft_schema else None
    conn.rollback()
    return conn, sessie, revisie


def _dba_fout(staat: postgres.RolStaat, eigenaar: str, *, rechten_klaar: bool) -> GeenRechtFout:
    """The Dutch refusal with the complete SQL a database administrator runs once."""
    regels = "\n".join(f"  {r}" for r in postgres.dba_sql(staat.ontbrekend, eigenaar))
    wat = (
        "De tabellen en hun rechten zijn klaar, maar"
        if rechten_klaar
        else "De tabellen zijn klaar, maar de rechten nog niet:"
    )
    return GeenRechtFout(
        f"{wat} {eigenaar} mag de rollen van de keuzehulp niet maken of aan anderen geven "
        "(CREATEROLE en ADMIN OPTION ontbreken). Laat een databasebeheerder (superuser) "
        f"eenmalig uitvoeren, bijvoorbeeld in psql:\n{regels}\n"
        "Draai daarna deze opdracht opnieuw."
    )


def _zet_rechten(conn: Connection, eigenaar: str) -> None:
    """Create the missing roles and apply every grant, as far as this owner may.

    Raises GeenRechtFout with the SQL for a database administrator when the owner cannot
    create a missing role, link beheerder to werkcoach, or hand the roles to coaches.
    """
    staat = postgres.rol_staat(conn)
    conn.rollback()
    if staat.ontbrekend and not staat.mag_maken:
        raise _dba_fout(staat, eigenaar, rechten_klaar=False)
    try:
        with conn.begin():
            postgres.richt_rechten_in(conn, staat)
    except DBAPIError as fout:
        if postgres.is_rechtenfout(fout):
            raise _dba_fout(staat, eigenaar, rechten_klaar=False) from None
        raise
    if not staat.compleet:
        raise _dba_fout(staat, eigenaar, rechten_klaar=True)


def richt_in(database_optie: str | None, *, voorbeeld: bool = False) -> Inrichting:
    """Create (or complete) the schema, the standard content, the roles and their rights.

    Idempotent: on a database that is already set up it upgrades and re-applies the rights.
    `voorbeeld` also loads the sample catalogue into a new database. Raises InvoerFout for a
    non-PostgreSQL address, GeenRechtFout when the login is not the owner, DatabaseFout when
    the server cannot be used.
    """
    url = _postgres_url(database_optie, "init")
    conn, sessie, vorige = _verbind(url)
    try:
        opstart = open_catalogus(
            url.render_as_string(hide_password=False),
            sessie.gebruiker,
            standaard_stappen() if voorbeeld else (),
        )
        opstart.database.sluit()
        _zet_rechten(conn, sessie.gebruiker)
    finally:
        conn.close()
        conn.engine.dispose()
    meldingen = [m for m in opstart.meldingen if "eerste gebruiker" not in m]
    return Inrichting(
        sessie.gebruiker, vorige, SCHEMA_HEAD, meldingen, adres_zonder_wachtwoord(url)
    )


def werk_bij(database_optie: str | None) -> Inrichting:
    """Upgrade the schema to this version's and re-apply the rights (idempotent).

    Raises NietGevondenFout when the database was never set up (use `richt_in`).
    """
    url = _postgres_url(database_optie, "upgrade")
    conn, sessie, vorige = _verbind(url)
    try:
        if vorige is None:
            raise NietGevondenFout(
                "Deze database is nog niet ingericht voor de keuzehulp. Gebruik eerst "
                "‘keuzehulp database init’. Er is niets gewijzigd."
            )
        opstart = open_catalogus(url.render_as_string(hide_password=False), sessie.gebruiker, ())
        opstart.database.sluit()
        _zet_rechten(conn, sessie.gebruiker)
    finally:
        conn.close()
        conn.engine.dispose()
    return Inrichting(
        sessie.gebruiker, vorige, SCHEMA_HEAD, list(opstart.meldingen), adres_zonder_wachtwoord(url)
    )


def ken_rol_toe(
    database_optie: str | None, login: str, rol: str, *, intrekken: bool = False
) -> str:
    """Make an existing login a member of a keuzehulp role (or take it away).

    `rol` is "werkcoach", "beheerder" or "inzicht". Returns a Dutch sentence saying what was
    done. Raises InvoerFout for an unknown role or a login that does not exist.
    """
    if rol not in postgres.ROL_NAMEN:
        raise InvoerFout(f"Onbekende rol ‘{rol}’. Kies uit: {', '.join(postgres.ROL_NAMEN)}.")
    if not _LOGIN.fullmatch(login):
        raise InvoerFout(
            f"‘{login}’ is geen geldige inlognaam (letters, cijfers en _ . @ -, zonder spaties)."
        )
    url = _postgres_url(database_optie, "rol")
    conn, sessie, vorige = _verbind(url)
    try:
        if vorige is None:
            raise NietGevondenFout(
                "Deze database is nog niet ingericht. Gebruik eerst ‘keuzehulp database init’."
            )
        bestaat = conn.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": login}
        ).scalar()
        conn.rollback()
        if bestaat is None:
            raise NietGevondenFout(
                f"Er is geen login ‘{login}’ op deze server. Maak die eerst, bijvoorbeeld met "
                f"psql: CREATE ROLE \"{login}\" LOGIN PASSWORD '…'."
            )
        groep = postgres.ROL_NAMEN[rol]
        opdracht = "REVOKE {g} FROM {l}" if intrekken else "GRANT {g} TO {l}"
        ident = conn.dialect.identifier_preparer.quote_identifier(login)
        try:
            with conn.begin():
                conn.execute(text(opdracht.format(g=groep, l=ident)))
        except DBAPIError as fout:
            if postgres.is_rechtenfout(fout):
                admin = postgres.dba_sql((), sessie.gebruiker)[-1]
                raise GeenRechtFout(
                    "Rollen toekennen mag alleen een login met CREATEROLE of met ADMIN OPTION "
                    f"op {groep}, en {sessie.gebruiker} heeft die niet. Laat een "
                    f"databasebeheerder (superuser) eenmalig uitvoeren: {admin} "
                    "Er is niets gewijzigd."
                ) from None
            raise
    finally:
        conn.close()
        conn.engine.dispose()
    if intrekken:
        return f"{login} heeft de rol {rol} niet meer."
    return f"{login} heeft nu de rol {rol}."
