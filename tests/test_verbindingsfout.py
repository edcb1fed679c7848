"""Why a PostgreSQL database cannot be opened, in Dutch: each libpq reason its own cause.

Real libpq (psycopg) against the throwaway server where it can; the TLS cases that need a
server without TLS or a TLS handshake use a bare socket that answers libpq's SSLRequest the
way a PostgreSQL server does ('N': no TLS, 'S': TLS), so libpq writes its own message.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from keuzehulp.cli.main import main
from keuzehulp.model.verbindingsfout import oorzaak

pytestmark = pytest.mark.alleen_postgresql

# libpq's messages, verbatim (PostgreSQL 15/16 fe-secure-openssl.c, fe-connect.c, fe-auth.c).
_VOOR = 'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
_ROOT = (
    'root certificate file "/home/anna/.postgresql/root.crt" does not exist\nEither provide '
    "the file, use the system's trusted roots with sslrootcert=system, or change sslmode to "
    "disable server certificate verification."
)


class _Fout(Exception):
    """A DBAPI error as psycopg raises it on connect: no SQLSTATE, libpq's text."""

    sqlstate = None


@pytest.mark.parametrize(
    ("libpq", "verwacht", "niet"),
    [
        (_VOOR + _ROOT, ["CA-certificaat ontbreekt", "~/.postgresql/root.crt",
                         "%APPDATA%\\postgresql\\root.crt", "sslrootcert=system"],
         ["niet bereikbaar"]),
        (_VOOR + _ROOT.replace("/home/anna/.postgresql/root.crt", "/etc/kh/ca.crt"),
         ["/etc/kh/ca.crt uit sslrootcert=", "bestaat niet"],
         ["~/.postgresql", "niet bereikbaar"]),
        (_VOOR + 'server certificate for "db.werkzaak.nl" does not match host name "10.0.0.5"',
         ["voor ‘db.werkzaak.nl’", "noemt ‘10.0.0.5’", "servernaam uit het certificaat"],
         ["niet bereikbaar"]),
        (_VOOR + 'server certificate for "db.werkzaak.nl" (and 2 other names) does not match '
         'host name "pg"', ["voor ‘db.werkzaak.nl’", "noemt ‘pg’"], ["niet bereikbaar"]),
        (_VOOR + "server does not support SSL, but SSL was required",
         ["geen versleutelde verbinding (TLS)", "ssl = on"], ["niet bereikbaar"]),
        (_VOOR + 'FATAL:  password authentication failed for user "anna"',
         ["naam of het wachtwoord klopt niet", "~/.pgpass"], ["niet bereikbaar"]),
        (_VOOR + "fe_sendauth: no password supplied",
         ["geen", "wachtwoordbestand ~/.pgpass", "niet in het adres"], ["niet bereikbaar"]),
        (_VOOR + 'FATAL:  database "keuzehlp" does not exist',
         ["database bestaat niet"], ["niet bereikbaar"]),
        (_VOOR + "Connection refused\n\tIs the server running on that host?",
         ["niet bereikbaar"], ["certificaat"]),
    ],
)  # fmt: skip
def test_each_libpq_reason_gets_its_own_dutch_cause(
    libpq: str, verwacht: list[str], niet: list[str]
) -> None:
    tekst = oorzaak(_Fout(libpq))
    for stuk in verwacht:
        assert stuk in tekst, (stuk, tekst)
    for stuk in niet:
        assert stuk not in tekst, (stuk, tekst)


def _nep_server(antwoord: bytes) -> Iterator[int]:
    """A TCP port that answers libpq's SSLRequest with `antwoord`, then hangs up."""
    luister = socket.create_server(("127.0.0.1", 0))
    luister.settimeout(0.2)
    stop = threading.Event()

    def bedien() -> None:
        while not stop.is_set():
            try:
                verbinding, _ = luister.accept()
            except TimeoutError:
                continue
            with verbinding:
                verbinding.recv(8)
                verbinding.sendall(antwoord)
                verbinding.settimeout(2)
                with contextlib.suppress(OSError):
                    verbinding.recv(4096)

    draad = threading.Thread(target=bedien, daemon=True)
    draad.start()
    yield luister.getsockname()[1]
    stop.set()
    draad.join()
    luister.close()


@pytest.fixture
def zonder_tls() -> Iterator[int]:
    yield from _nep_server(b"N")


@pytest.fixture
def met_tls() -> Iterator[int]:
    yield from _nep_server(b"S")


def test_a_server_without_tls_is_named_not_unreachable(
    zonder_tls: int, capsys: pytest.CaptureFixture[str]
) -> None:
    adres = f"postgresql+psycopg://eigenaar@127.0.0.1:{zonder_tls}/keuzehulp?sslmode=require"
    assert main(["--database", adres, "database", "init"]) == 1
    fout = capsys.readouterr().err
    assert "geen versleutelde verbinding (TLS)" in fout
    assert "niet bereikbaar" not in fout
    assert fout.rstrip().endswith("Er is niets gewijzigd.")


def test_a_missing_sslrootcert_file_is_named(
    met_tls: int, capsys: pytest.CaptureFixture[str]
) -> None:
    adres = (
        f"postgresql+psycopg://eigenaar@127.0.0.1:{met_tls}/keuzehulp"
        "?sslmode=verify-full&sslrootcert=/bestaat/niet/ca.crt"
    )
    for opdracht in (["database", "init"], ["info"]):
        assert main(["--database", adres, *opdracht]) == 1
        fout = capsys.readouterr().err
        assert "/bestaat/niet/ca.crt uit sslrootcert=" in fout, fout
        assert "niet bereikbaar" not in fout


def test_an_unknown_database_is_named_with_the_decoded_address(
    engine: str, lege_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert engine == "postgresql"
    url = make_url(lege_url)
    adres = url.set(database="bestaat_niet").render_as_string(hide_password=False)
    assert main(["--database", adres, "database", "init"]) == 1
    fout = capsys.readouterr().err
    assert "deze database bestaat niet" in fout
    assert "%2F" not in fout
    socket_map = url.query.get("host")
    assert isinstance(socket_map, str) and f"host={socket_map}" in fout
    assert fout.rstrip().endswith("Er is niets gewijzigd.")


def test_init_hint_carries_the_address_just_used(
    engine: str, lege_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert engine == "postgresql"
    monkeypatch.delenv("KEUZEHULP_GEBRUIKER")
    assert main(["--database", lege_url, "database", "init"]) == 0
    uit = capsys.readouterr().out
    hint = next(r for r in uit.splitlines() if "database rol anna werkcoach" in r)
    ontleed = make_url(lege_url)
    assert f"--database 'postgresql+psycopg://{ontleed.username}@/{ontleed.database}" in hint
    assert f"host={ontleed.query['host']}" in hint
    assert "%2F" not in hint
