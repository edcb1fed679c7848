"""Open a catalogue database safely: check it, back it up, and upgrade it to the newest schema.

A database that cannot be opened, is read-only, is locked or is newer than the app is reported
in Dutch and never modified: every check runs on a read-only connection before anything writes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from keuzehulp.model import postgres
from keuzehulp.model.db import Database, maak_engine, sqlite_pad, standaard_databasepad
from keuzehulp.model.errors import (
    DatabaseAlleenLezenFout,
    DatabaseFout,
    DatabaseInGebruikFout,
    DatabaseNieuwerFout,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest migration's revision. A test checks it against Alembic's head; it lets an
# up-to-date database open without importing Alembic at all (a third of a second at start).
SCHEMA_HEAD = "0005"

MIGRATIES = Path(__file__).resolve().parents[2] / "migrations"
SQLITE_KOP = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class OpenResultaat:
    """What happened while opening: was the database new, was it upgraded, where is the backup."""

    database: Database
    nieuw: bool
    vorige_revisie: str | None
    reservekopie: Path | None


def alembic_config() -> Config:
    """Alembic configured in code, pointing at the repository's migrations folder."""
    from alembic.config import Config  # lazy: only when migrating

    if not (MIGRATIES / "env.py").is_file():
        raise DatabaseFout(f"De map met databasemigraties ontbreekt: {MIGRATIES}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIES))
    return cfg


def head_revisie() -> str:
    """The newest schema revision this app knows, according to Alembic."""
    from alembic.script import ScriptDirectory  # lazy: only when migrating

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def bekende_revisies() -> set[str]:
    from alembic.script import ScriptDirectory  # lazy: only when migrating

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _controleer_bestand(pad: Path) -> bool:
    """Check a SQLite file before opening; True when it does not exist yet (or is empty)."""
    if pad.is_dir():
        raise DatabaseFout(f"Het database-adres wijst naar een map, niet naar een bestand: {pad}")
    if not pad.exists():
        map_ = pad.parent
        deel_is_bestand = any(p.exists() and not p.is_dir() for p in (map_, *map_.parents))
        standaard = pad.resolve() == standaard_databasepad().resolve()
        if not map_.is_dir() and not deel_is_bestand and not standaard:
            # Only the default location is made on first use: a mistyped --database path
            # must not quietly start a new, separate catalogue.
            raise DatabaseFout(
                f"De map {map_} bestaat niet, dus daar kan geen database staan of komen. "
                "Controleer het pad bij --database of KEUZEHULP_DATABASE_URL, of maak de map "
                "eerst aan. Er is niets gemaakt."
            )
        try:
            map_.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise DatabaseFout(
                f"De map {map_} voor de database kan niet worden gemaakt: een deel van dat pad "
                "is een bestand, geen map. Kies een andere plek met --database."
            ) from None
        except OSError as fout:
            raise DatabaseFout(
                f"De map {map_} voor de database kan niet worden gemaakt: {fout.strerror}."
            ) from None
        if not os.access(map_, os.W_OK):
            raise DatabaseAlleenLezenFout(
                f"In de map {map_} mag niet worden geschreven. Kies een andere plek voor de "
                "database met --database of KEUZEHULP_DATABASE_URL."
            )
        return True
    if not os.access(pad, os.R_OK):
        raise DatabaseFout(f"Het databasebestand {pad} kan niet worden gelezen (geen rechten).")
    with pad.open("rb") as f:
        kop = f.read(len(SQLITE_KOP))
    if not kop:
        return True
    if kop != SQLITE_KOP:
        raise DatabaseFout(
            f"Het bestand {pad} is geen database van de keuzehulp (geen SQLite-bestand). "
            "Het bestand is niet gewijzigd."
        )
    if not os.access(pad, os.W_OK) or not os.access(pad.parent, os.W_OK):
        raise DatabaseAlleenLezenFout(
            f"De database {pad} is alleen-lezen: het bestand of de map mag niet worden "
            "gewijzigd. De keuzehulp heeft er niets aan veranderd."
        )
    return False


def _waar(url: URL) -> str:
    """The file of a SQLite database, or the address (without password) of another one."""
    return str(sqlite_pad(url) or url.render_as_string())


def _huidige_revisie(url: URL) -> str | None:
    """The schema revision of an existing database, read without writing anything."""
    engine = maak_engine(url, alleen_lezen=True)
    try:
        with engine.connect() as conn:
            tabellen = set(inspect(conn).get_table_names())
            revisie = lees_revisie(conn) if "alembic_version" in tabellen else None
    except DatabaseError as fout:
        raise DatabaseFout(
            f"De database {_waar(url)} kan niet worden geopend: {_oorzaak(fout)}. "
            "Er is niets gewijzigd."
        ) from None
    finally:
        engine.dispose()
    if revisie is None and tabellen - {"alembic_version"}:
        raise DatabaseFout(
            "Deze database is niet van de keuzehulp: er staan al andere tabellen in. "
            "Er is niets gewijzigd."
        )
    if revisie is not None and revisie != SCHEMA_HEAD and revisie not in bekende_revisies():
        raise DatabaseNieuwerFout(
            "Deze database is gemaakt met een nieuwere versie van de keuzehulp "
            f"(schema {revisie}). Installeer de nieuwste versie. Er is niets gewijzigd."
        )
    return revisie


def lees_revisie(conn: Connection) -> str | None:
    """The schema revision stamped in the database, read with plain SQL."""
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# PostgreSQL SQLSTATE classes and codes (PostgreSQL manual, appendix A) a user can act on.
_SQLSTATE_OORZAAK: dict[str, str] = {
    "28P01": "inloggen bij de databaseserver is mislukt: controleer naam en wachtwoord",
    "28000": "deze gebruiker mag niet inloggen bij de databaseserver",
    "3D000": "deze database bestaat niet op de server",
    "42501": "deze gebruiker heeft geen rechten op deze database",
    "53300": "de databaseserver heeft te veel verbindingen; probeer het later opnieuw",
    "57P03": "de databaseserver start op of sluit af; probeer het over een minuut opnieuw",
}


def _oorzaak(fout: SQLAlchemyError) -> str:
    """The cause of a database error in Dutch, for the message that names the database."""
    orig = getattr(fout, "orig", fout)
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate in _SQLSTATE_OORZAAK:
        return _SQLSTATE_OORZAAK[sqlstate]
    tekst = str(orig).lower()
    # Connection errors carry no SQLSTATE in psycopg; the server's reason is in the text,
    # after "connection failed", so the specific reasons are checked first.
    if "password authentication failed" in tekst or "no password supplied" in tekst:
        return _SQLSTATE_OORZAAK["28P01"]
    if "invalid port" in tekst:
        return "het poortnummer in het adres klopt niet"
    if "permission denied for database" in tekst:
        return _SQLSTATE_OORZAAK["42501"]
    if "does not exist" in tekst and "role" in tekst:
        return "deze gebruiker bestaat niet op de databaseserver"
    if "does not exist" in tekst and "database" in tekst:
        return _SQLSTATE_OORZAAK["3D000"]
    if (
        "connection refused" in tekst
        or "could not translate host name" in tekst
        or ("connection" in tekst and ("failed" in tekst or "timeout" in tekst))
    ):
        return "de databaseserver is niet bereikbaar (klopt het adres, en draait de server?)"
    if "locked" in tekst or "busy" in tekst:
        return "hij is in gebruik door een ander programma"
    if "not a database" in tekst or "malformed" in tekst:
        return "het bestand is beschadigd of geen database"
    if "readonly" in tekst or "read-only" in tekst:
        return "hij is alleen-lezen"
    if "unable to open" in tekst:
        return "het bestand kan niet worden geopend"
    return tekst


def _controleer_slot(pad: Path) -> None:
    """Take and release a write lock (changing nothing), so a locked database is named now."""
    conn = sqlite3.connect(f"file:{pad.resolve().as_posix()}?mode=rw", uri=True, timeout=2)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
    except sqlite3.OperationalError as fout:
        if "locked" in str(fout).lower() or "busy" in str(fout).lower():
            raise DatabaseInGebruikFout(
                "De database is in gebruik door een ander programma en kan nu niet worden "
                "geopend. Sluit het andere programma, of probeer het over een minuut opnieuw."
            ) from None
        raise DatabaseFout(f"De database {pad} kan niet worden geopend: {fout}.") from None
    finally:
        conn.close()


def maak_reservekopie(pad: Path, tijd: dt.datetime | None = None) -> Path:
    """Copy the database (consistently, WAL included) to a dated file beside it."""
    stempel = (tijd or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    doel = pad.with_name(f"{pad.stem}.reservekopie-{stempel}{pad.suffix}")
    bron = sqlite3.connect(f"file:{pad.resolve().as_posix()}?mode=ro", uri=True)
    try:
        kopie = sqlite3.connect(doel)
        try:
            bron.backup(kopie)
        finally:
            kopie.close()
    except sqlite3.Error as fout:
        doel.unlink(missing_ok=True)
        raise DatabaseFout(
            f"Er kon geen reservekopie van de database worden gemaakt ({fout}). "
            "De database is daarom niet bijgewerkt."
        ) from None
    finally:
        bron.close()
    log.info("Reservekopie gemaakt: %s", doel)
    return doel


def _vereis_eigenaar(url: URL, vorige: str | None) -> None:
    """On PostgreSQL only the schema's owner runs DDL: a coach's app stops with a message."""
    engine = maak_engine(url)
    try:
        with engine.connect() as conn:
            sessie = postgres.sessie_info(conn)
    except DatabaseError as fout:
        raise DatabaseFout(
            f"De database {_waar(url)} kan niet worden geopend: {_oorzaak(fout)}."
        ) from None
    finally:
        engine.dispose()
    if sessie.eigenaar:
        return
    if vorige is None:
        raise DatabaseFout(
            "Deze gedeelde database is nog niet ingericht voor de keuzehulp. Vraag de "
            "applicatiebeheerder om ‘keuzehulp database init’ uit te voeren. Er is niets gewijzigd."
        )
    raise DatabaseFout(
        f"De gedeelde database heeft een ouder schema ({vorige}) dan deze keuzehulp nodig heeft "
        f"({SCHEMA_HEAD}). Vraag de applicatiebeheerder om ‘keuzehulp database upgrade’ uit te "
        "voeren. Er is niets gewijzigd."
    )


def open_database(url: URL) -> OpenResultaat:
    """Check, back up and upgrade the database at `url`, and return it ready for use.

    On PostgreSQL only the schema's owner upgrades; anyone else gets DatabaseFout when the
    schema is not this version's (`keuzehulp database upgrade` is the owner's job).
    """
    pad = sqlite_pad(url)
    nieuw_bestand = _controleer_bestand(pad) if pad is not None else False
    vorige = None if nieuw_bestand else _huidige_revisie(url)
    if url.get_backend_name() == "postgresql" and vorige != SCHEMA_HEAD:
        _vereis_eigenaar(url, vorige)
    if pad is not None and not nieuw_bestand:
        _controleer_slot(pad)
    head = SCHEMA_HEAD
    reservekopie = None
    if pad is not None and vorige is not None and vorige != head:
        reservekopie = maak_reservekopie(pad)
    engine = maak_engine(url)
    try:
        with engine.begin() as conn:
            if vorige != head:
                from alembic import command  # lazy: only when migrating

                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except OperationalError as fout:
        engine.dispose()
        oorzaak = _oorzaak(fout)
        if "gebruik" in oorzaak:
            raise DatabaseInGebruikFout(
                "De database is in gebruik door een ander programma en kan nu niet worden "
                "geopend. Sluit het andere programma, of probeer het over een minuut opnieuw."
            ) from None
        raise DatabaseFout(
            f"De database {_waar(url)} kan niet worden geopend: {oorzaak}."
        ) from None
    except BaseException:
        engine.dispose()
        raise
    return OpenResultaat(
        database=Database.van_engine(url, engine),
        nieuw=vorige is None,
        vorige_revisie=vorige,
        reservekopie=reservekopie,
    )
