"""An owner login without CREATEROLE: `database init` gives the SQL a database administrator
runs once, and after that `init` and `database rol` work for the owner.

On the throwaway server (whose test login is a superuser, playing the database
administrator). The keuzehulp roles are cluster-wide: this test makes them exist and
unlinks beheerder from werkcoach, the situation the application manager met; every other
test's `database init` (as superuser) links them again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url

from keuzehulp.cli.main import main
from keuzehulp.model import postgres

pytestmark = pytest.mark.alleen_postgresql

EIGENAAR = "kh_eigenaar_zonder_createrole"
COACH = "kh_anna_eigenaar"


def _als_dba(url: URL, *opdrachten: str) -> None:
    dba = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with dba.connect() as conn:
            for opdracht in opdrachten:
                conn.execute(text(opdracht))
    finally:
        dba.dispose()


def _bestaan(rollen: tuple[str, ...]) -> list[str]:
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{r}') "
        f"THEN CREATE ROLE {r} {soort}; END IF; END $$"
        for r, soort in ((r, "LOGIN" if r in (EIGENAAR, COACH) else "NOLOGIN") for r in rollen)
    ]


@pytest.fixture
def eigenaar_url(engine: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database owned by a login without CREATEROLE; the keuzehulp roles exist and
    beheerder is not (yet) a member of werkcoach. Yields the owner's URL."""
    assert engine == "postgresql"
    monkeypatch.delenv("KEUZEHULP_GEBRUIKER")
    dba = make_url(os.environ["KEUZEHULP_TEST_POSTGRES_URL"])
    naam = f"eigenaar_{os.getpid()}"
    _als_dba(
        dba,
        *_bestaan((*postgres.ROLLEN, EIGENAAR, COACH)),
        f"ALTER ROLE {EIGENAAR} NOCREATEROLE NOSUPERUSER",
        f"REVOKE {postgres.ROL_WERKCOACH} FROM {postgres.ROL_BEHEERDER}",
        f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)',
        f'CREATE DATABASE "{naam}" OWNER {EIGENAAR}',
    )
    try:
        yield dba.set(username=EIGENAAR, database=naam).render_as_string(hide_password=False)
    finally:
        _als_dba(
            dba,
            f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)',
            f"GRANT {postgres.ROL_WERKCOACH} TO {postgres.ROL_BEHEERDER}",
            f"REVOKE {', '.join(postgres.ROLLEN)} FROM {EIGENAAR}, {COACH}",
        )


def test_an_owner_without_createrole_gets_the_dba_sql_and_then_succeeds(
    eigenaar_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--database", eigenaar_url, "database", "init"]) == 1
    fout = capsys.readouterr().err
    sql = [r.strip() for r in fout.splitlines() if r.startswith("  ")]
    # The roles exist: no CREATE ROLE, which would fail with "already exists".
    assert sql == [
        "GRANT keuzehulp_werkcoach TO keuzehulp_beheerder;",
        "GRANT keuzehulp_werkcoach, keuzehulp_beheerder, keuzehulp_inzicht "
        f"TO {EIGENAAR} WITH ADMIN OPTION;",
    ]
    assert "Traceback" not in fout and "must have admin option" not in fout

    # The owner may not hand out a role yet: the same ADMIN OPTION statement is named.
    assert main(["--database", eigenaar_url, "database", "rol", COACH, "werkcoach"]) == 1
    assert sql[-1] in capsys.readouterr().err

    _als_dba(make_url(os.environ["KEUZEHULP_TEST_POSTGRES_URL"]), *sql)
    assert main(["--database", eigenaar_url, "database", "init"]) == 0
    assert main(["--database", eigenaar_url, "database", "rol", COACH, "werkcoach"]) == 0
    capsys.readouterr()
    coach = create_engine(make_url(eigenaar_url).set(username=COACH))
    try:
        with coach.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM instrument")).scalar_one() == 0
            assert conn.execute(
                text("SELECT pg_has_role(session_user, 'keuzehulp_werkcoach', 'MEMBER')")
            ).scalar_one()
    finally:
        coach.dispose()


def test_the_dba_sql_creates_only_the_missing_roles() -> None:
    sql = postgres.dba_sql((postgres.ROL_INZICHT,), "Beheer-Piet")
    assert sql == [
        "CREATE ROLE keuzehulp_inzicht NOLOGIN;",
        "GRANT keuzehulp_werkcoach TO keuzehulp_beheerder;",
        "GRANT keuzehulp_werkcoach, keuzehulp_beheerder, keuzehulp_inzicht "
        'TO "Beheer-Piet" WITH ADMIN OPTION;',
    ]
