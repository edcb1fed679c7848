"""A throwaway PostgreSQL server for a benchmark, started by scripts/postgres.sh.

    with tijdelijke_server() as url:  # postgresql+psycopg://keuzehulp_test@/postgres?host=...
        ...

Uses KEUZEHULP_TEST_POSTGRES_URL when it is set (a server someone already started); else runs
`start_test_postgres` in a bash process that stays alive until the block ends, when closing its
stdin makes it exit and its EXIT trap stops and removes the server.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO = Path(__file__).resolve().parent.parent
ENV = "KEUZEHULP_TEST_POSTGRES_URL"


@contextmanager
def tijdelijke_server() -> Iterator[str]:
    """The URL of a running server's `postgres` database, as its superuser."""
    bestaand = os.environ.get(ENV, "").strip()
    if bestaand:
        yield bestaand
        return
    opdracht = (
        f"source {REPO / 'scripts' / 'postgres.sh'} && start_test_postgres >&2 && "
        f'echo "${ENV}" && read -r _'
    )
    proces = subprocess.Popen(
        ["bash", "-c", opdracht], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proces.stdout is not None and proces.stdin is not None
    url = proces.stdout.readline().strip()
    if not url:
        proces.wait(30)
        raise SystemExit("De PostgreSQL-server voor de benchmark start niet (zie hierboven).")
    try:
        yield url
    finally:
        proces.stdin.close()
        proces.wait(60)


def nieuwe_database(server_url: str, naam: str) -> str:
    """Create an empty database `naam` (dropped first if it exists); returns its URL."""
    url = make_url(server_url)
    beheer = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{naam}"'))
    finally:
        beheer.dispose()
    return url.set(database=naam).render_as_string(hide_password=False)


def maak_logins(server_url: str, logins: list[str]) -> None:
    """Create login roles (no password: the throwaway server trusts its own socket)."""
    beheer = create_engine(make_url(server_url), isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as conn:
            for login in logins:
                conn.execute(
                    text(
                        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                        f"'{login}') THEN CREATE ROLE {login} LOGIN; END IF; END $$"
                    )
                )
    finally:
        beheer.dispose()


def als(url: str, login: str) -> str:
    """The same database URL, logged in as `login`."""
    return make_url(url).set(username=login).render_as_string(hide_password=False)


def percentiel(waarden: list[float], p: float) -> float:
    """The p-th percentile (0..100) by linear interpolation; NaN for no values."""
    if not waarden:
        return float("nan")
    rij = sorted(waarden)
    k = (len(rij) - 1) * p / 100
    onder = int(k)
    boven = min(onder + 1, len(rij) - 1)
    return rij[onder] + (rij[boven] - rij[onder]) * (k - onder)
