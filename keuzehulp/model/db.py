"""Where the catalogue lives and how to talk to it: URL choice, engine, units of work."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from keuzehulp.model import foutsoorten, mutatielog, postgres, verbinding
from keuzehulp.model import gesprekfeit as _gesprekfeit  # noqa: F401  registers its flush listener
from keuzehulp.model.errors import DatabaseFout, GeenRechtFout
from keuzehulp.model.mutatielog import MutatieContext, Wijzigingen

log = logging.getLogger(__name__)

ENV_DATABASE_URL = "KEUZEHULP_DATABASE_URL"
DATABASE_BESTANDSNAAM = "keuzehulp.sqlite"
BUSY_TIMEOUT_MS = 2000
# How long connecting to a database server may take before it counts as unreachable.
VERBINDING_WACHTTIJD_S = 5
# SQLite stores integers in 64 bits: a larger number is no id and cannot even be looked up.
GROOTSTE_GETAL = 2**63 - 1


def standaard_databasepad() -> Path:
    """The embedded default: a SQLite file in the user's data directory."""
    map_ = Path(platformdirs.user_data_dir("keuzehulp", appauthor=False))
    return map_ / DATABASE_BESTANDSNAAM


def kies_database_url(optie: str | None = None) -> str:
    """`--database` wins over the environment variable, which wins over this user's stored
    connection setting (`keuzehulp verbinding instellen`), which wins over the default file."""
    if optie is not None:
        if not optie.strip():
            raise DatabaseFout(
                "--database is leeg. Geef een database-adres, bijvoorbeeld "
                "sqlite:////pad/naar/keuzehulp.sqlite, of laat de optie weg."
            )
        return optie
    uit_omgeving = os.environ.get(ENV_DATABASE_URL, "").strip()
    if uit_omgeving:
        return uit_omgeving
    opgeslagen = verbinding.lees_adres()
    if opgeslagen:
        return opgeslagen
    return f"sqlite:///{standaard_databasepad()}"


SQLITE_EXTENSIES = (".sqlite", ".sqlite3", ".db")


def is_bestandspad(tekst: str) -> bool:
    """A plain path rather than a URL: no "scheme://", and a folder in it or a SQLite
    extension (so that a stray word is not taken for a new database file)."""
    if "://" in tekst:
        return False
    return os.sep in tekst or "/" in tekst or tekst.lower().endswith(SQLITE_EXTENSIES)


def parse_url(tekst: str) -> URL:
    """Parse a database URL, or a plain path to a SQLite file (relative to the working folder,
    ~ for the home folder); raise a Dutch error that says what a valid one looks like."""
    voorbeeld = (
        "Gebruik bijvoorbeeld sqlite:////pad/naar/keuzehulp.sqlite, of een pad naar een "
        "bestand zoals /pad/naar/keuzehulp.sqlite"
    )
    if is_bestandspad(tekst):
        pad = Path(tekst).expanduser().absolute()
        return URL.create("sqlite", database=str(pad))
    try:
        url = make_url(tekst)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise DatabaseFout(
            f"‘{verbinding.zonder_wachtwoord(tekst)}’ is geen geldig database-adres. {voorbeeld}"
        ) from None
    try:
        # Load the driver now: a missing one is a wrong address, not a program error.
        url.get_dialect().import_dbapi()
    except (NoSuchModuleError, ImportError):
        raise DatabaseFout(
            f"Het database-adres ‘{url.render_as_string()}’ vraagt om een soort database "
            f"(‘{url.drivername}’) die deze keuzehulp niet kan openen. {voorbeeld}"
        ) from None
    return url


def sqlite_pad(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for another engine or an in-memory database."""
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:" or url.database.startswith("file:"):
        return None
    return Path(url.database)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode")
        if cursor.fetchone()[0] != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def waar(url: URL) -> str:
    """The file of a SQLite database, or the address (without password) of another one.

    The address is shown decoded (``host=/tmp/pg``, not ``host=%2Ftmp%2Fpg``), as the user
    typed it; a password shows as ``***``.
    """
    pad = sqlite_pad(url)
    if pad is not None:
        return str(pad.resolve())
    return unquote(url.render_as_string(hide_password=True))


def adres_zonder_wachtwoord(url: URL) -> str:
    """The address decoded and with any password left out, for a command the user copies."""
    return unquote(url._replace(password=None).render_as_string(hide_password=False))


def maak_engine(url: URL, *, alleen_lezen: bool = False, onveranderlijk: bool = False) -> Engine:
    """An engine with SQLite foreign keys and WAL on; other engines as they come.

    Every environment fault of the engine (busy, read-only, disk full, damaged, connection
    lost) is raised as a Dutch DatabaseFout or SchijfVolFout (`foutsoorten.bewaak`).
    `onveranderlijk` (with `alleen_lezen`, SQLite): read the file as immutable, which makes no
    -wal/-shm side files; only for a file that has none (no other process has it open).
    """
    pad = sqlite_pad(url)
    if url.get_backend_name() == "sqlite":
        if alleen_lezen and pad is not None:
            # The URI form with mode=ro guarantees a check never creates or changes the file.
            ro_url = f"sqlite:///file:{pad.resolve().as_posix()}?mode=ro&uri=true"
            if onveranderlijk:
                ro_url += "&immutable=1"
            engine = create_engine(ro_url)
        else:
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
    else:
        # A server that does not answer is named within seconds (libpq waits for ever), so
        # the window can fall back to the local copy (services/offline.py).
        argumenten: dict[str, Any] = {}
        if url.get_backend_name() == "postgresql" and "connect_timeout" not in url.query:
            argumenten["connect_timeout"] = VERBINDING_WACHTTIJD_S
        engine = create_engine(url, pool_pre_ping=True, connect_args=argumenten)
    foutsoorten.bewaak(engine, waar(url), pad)
    return engine


def _weigering(fout: DBAPIError) -> None:
    """A refusal by PostgreSQL's grants or row-level security becomes a Dutch GeenRechtFout."""
    if postgres.is_rechtenfout(fout):
        raise GeenRechtFout(
            "De database staat dit niet toe voor uw rol. Er is niets opgeslagen. Vraag de "
            "applicatiebeheerder als u denkt dat u dit wel mag doen."
        ) from None


@dataclass(frozen=True, slots=True)
class Database:
    """An opened, up-to-date catalogue database; hands out one session per user action."""

    url: URL
    engine: Engine
    sessions: sessionmaker[mutatielog.LogSessie]
    # Called after every committed unit of work (what the log recorded, and its area), on the
    # committing thread (the GUI relays it to its own thread as one "changed" event).
    na_commit: list[Callable[[Wijzigingen], None]] = field(
        default_factory=list, compare=False, repr=False
    )

    @classmethod
    def van_engine(cls, url: URL, engine: Engine) -> Database:
        maker = sessionmaker(engine, class_=mutatielog.LogSessie, expire_on_commit=False)
        return cls(url=url, engine=engine, sessions=maker)

    @property
    def beschadigd(self) -> bool:
        """True once a corruption error was seen: from then on nothing is written."""
        staat = foutsoorten.toestand(self.engine)
        return staat is not None and staat.beschadigd

    @property
    def locatie(self) -> str:
        """Where the data lives, for the Over dialog and `keuzehulp info`."""
        pad = sqlite_pad(self.url)
        if pad is not None:
            return str(pad.resolve())
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def lezen(self) -> Iterator[Session]:
        """A read-only unit of work: rolled back at the end."""
        with self.sessions() as session:
            try:
                yield session
            except DBAPIError as fout:
                _weigering(fout)
                raise
            finally:
                session.rollback()

    @contextmanager
    def wijzigen(self, context: MutatieContext) -> Iterator[Session]:
        """A unit of work that changes data: committed as a whole, or not at all.

        Raises DatabaseBeschadigdFout without touching anything once the database was found
        damaged; environment faults arrive as Dutch DatabaseFout/SchijfVolFout.
        """
        foutsoorten.controleer_schrijfbaar(self.engine)
        with self.sessions() as session:
            session.info[mutatielog.CONTEXT_KEY] = context
            try:
                yield session
                session.commit()
            except DBAPIError as fout:
                session.rollback()
                _weigering(fout)
                raise
            except BaseException:
                session.rollback()
                raise
            gelogd = session.info.pop(mutatielog.GELOGD_KEY, None)
        # Every committed unit of work is announced, with its area: also writes the log
        # does not record (gesprek, terugblik), so no screen has to announce them by hand.
        self._meld_commit(Wijzigingen.uit(gelogd or (), bron=context.bron))

    def _meld_commit(self, wijzigingen: Wijzigingen) -> None:
        for luisteraar in list(self.na_commit):
            try:
                luisteraar(wijzigingen)
            except Exception:  # a listener's bug must not turn a committed change into an error
                log.exception("Luisteraar na commit mislukt")

    def sluit(self) -> None:
        self.engine.dispose()
