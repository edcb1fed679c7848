"""Open a catalogue database safely: check it, back it up, and upgrade it to the newest schema.

A database that cannot be opened, is read-only, is locked or is newer than the app is reported
in Dutch and never modified: every check runs on a read-only connection before anything writes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Connection, Engine
from sqlalchemy.exc import DatabaseError, SQLAlchemyError

from keuzehulp.model import foutsoorten, postgres, verbindingsfout
from keuzehulp.model.bestanden import atomair_pad, plaats_nieuw
from keuzehulp.model.db import (
    BUSY_TIMEOUT_MS,
    Database,
    maak_engine,
    sqlite_pad,
    standaard_databasepad,
    waar,
)
from keuzehulp.model.errors import (
    DatabaseAlleenLezenFout,
    DatabaseBeschadigdFout,
    DatabaseFout,
    DatabaseNieuwerFout,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest migration's revision. A test checks it against Alembic's head; it lets an
# up-to-date database open without importing Alembic at all (a third of a second at start).
SCHEMA_HEAD = "0010"


def _migraties() -> Path:
    """Installed from a wheel: keuzehulp/migrations (setup.py puts them there); in a source
    checkout or an editable install: the repository's migrations/."""
    pakket = Path(__file__).resolve().parents[1] / "migrations"
    return pakket if (pakket / "env.py").is_file() else pakket.parents[1] / "migrations"


MIGRATIES = _migraties()
# How long a start waits for another process that is creating or upgrading the same file.
MIGRATIE_WACHTTIJD_MS = 30_000
SQLITE_KOP = b"SQLite format 3\x00"


@dataclass(frozen=True, slots=True)
class OpenResultaat:
    """What happened while opening: was the database new, was it upgraded, where is the backup,
    and is it damaged (then it is open for reading only; see `Database.beschadigd`)."""

    database: Database
    nieuw: bool
    vorige_revisie: str | None
    reservekopie: Path | None
    beschadigd: bool = False


def alembic_config() -> Config:
    """Alembic configured in code, pointing at the migrations folder (MIGRATIES)."""
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


def _controleer_bestand(pad: Path, maken: bool = True) -> bool:
    """Check a SQLite file before opening; True when it does not exist yet.

    With `maken=False` (a command that only reads) a missing file is an error: a typo in
    --database must not start a new catalogue. An empty (0-byte) file is refused: it is not
    a catalogue, and filling it would hide that a copy or a disk went wrong.
    """
    if pad.is_dir():
        raise DatabaseFout(f"Het database-adres wijst naar een map, niet naar een bestand: {pad}")
    if not pad.exists() and not maken:
        if pad.resolve() == standaard_databasepad().resolve():
            # Nobody chose this path: do not send the user to options they never used.
            raise DatabaseFout(
                f"Er is nog geen catalogus op de standaardplek ({pad}). Start de keuzehulp "
                "eerst zonder opdracht (scripts/start.sh), of maak er een met ‘keuzehulp "
                "voorbeeld’ of ‘keuzehulp import’. Deze opdracht leest alleen en maakt niets."
            )
        if not pad.parent.is_dir():
            # The window would refuse this path too: advice that works names the folder.
            raise DatabaseFout(
                f"De database {pad} bestaat niet: de map {pad.parent} bestaat niet. Controleer "
                "het pad bij --database of KEUZEHULP_DATABASE_URL. Wilt u daar een nieuwe "
                f"catalogus? Maak dan eerst de map (bijvoorbeeld: mkdir -p {pad.parent}) en "
                "gebruik daarna ‘keuzehulp --database … import BESTAND.xlsx’, of start de "
                "keuzehulp met dezelfde --database zonder opdracht. Er is niets gemaakt."
            )
        raise DatabaseFout(
            f"De database {pad} bestaat niet. Controleer het pad bij --database of "
            "KEUZEHULP_DATABASE_URL. Deze opdracht maakt geen nieuwe database; start de "
            "keuzehulp met dezelfde --database zonder opdracht, of gebruik ‘keuzehulp "
            "import’, om er een te maken."
        )
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
        if _maak_leeg_bestand(pad):
            return True
        # Another start made it a moment ago (complete: see _maak_leeg_bestand): open it as
        # an existing database; its schema is made by whoever takes the write lock first.
    if not os.access(pad, os.R_OK):
        raise DatabaseFout(f"Het databasebestand {pad} kan niet worden gelezen (geen rechten).")
    with pad.open("rb") as f:
        kop = f.read(len(SQLITE_KOP))
    if not kop and any(z.exists() for z in _zijbestanden(pad)):
        return True  # another start is creating it this very moment (SQLite opened, no page yet)
    if not kop:
        kopie = foutsoorten.laatste_reservekopie(pad)
        raise DatabaseFout(
            f"Het bestand {pad} is leeg (0 bytes): dat is geen catalogus. Misschien ging het "
            "kopiëren of de schijf mis. "
            + (
                f"De nieuwste reservekopie is {kopie}; zet die terug. "
                if kopie is not None
                else "Zet een reservekopie terug, of verwijder het lege bestand om een nieuwe "
                "catalogus te beginnen. "
            )
            + "Er is niets gewijzigd."
        )
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


def _maak_leeg_bestand(pad: Path) -> bool:
    """Create `pad` as an empty SQLite database in WAL mode (one 4 KiB header page, no
    tables), whole and in one step; True when this call made it, False when it was there.

    Letting SQLite create the file is not safe with two starts at once (two coaches' windows,
    or a window and a command, on a new database): SQLite makes the file with 0 bytes when it
    opens it and writes the first page only on the first write, so the other start could
    find a 0-byte file with no side files beside it yet and refuse it as an emptied
    catalogue. A file placed by `bestanden.plaats_nieuw` is never seen half-made. Where the
    file system has no hard links SQLite makes the file as before (True). Raises DatabaseFout
    (or a subclass) when the file cannot be made; nothing is left behind then.
    """

    def vul(tijdelijk: Path) -> None:
        conn = sqlite3.connect(tijdelijk)
        try:
            conn.execute("PRAGMA journal_mode=WAL")  # writes the header; kept in the file
        finally:
            conn.close()

    try:
        gemaakt = plaats_nieuw(pad, vul)
    except (OSError, sqlite3.Error) as fout:
        melding = foutsoorten.als_melding(fout, str(pad.parent))
        raise DatabaseFout(
            f"De nieuwe database {pad} kan niet worden gemaakt"
            + (f": {melding.melding}" if melding is not None else ".")
        ) from fout
    return gemaakt is not False


def _zijbestanden(pad: Path) -> list[Path]:
    return [pad.with_name(pad.name + achter) for achter in ("-wal", "-shm", "-journal")]


def _huidige_revisie(url: URL, controle_later: bool = False) -> tuple[str | None, bool]:
    """The schema revision of an existing database, and whether it is damaged (SQLite's
    quick_check), read without writing anything.

    A SQLite file without -wal/-shm beside it is read as immutable, so that checking it (and
    refusing it) leaves no side files behind. `controle_later`: no quick_check for a database
    at SCHEMA_HEAD (the caller holds it back, `_stel_controle_uit`); one that needs an upgrade
    is always checked first.
    """
    pad = sqlite_pad(url)
    engine = maak_engine(
        url,
        alleen_lezen=True,
        onveranderlijk=pad is not None and not any(z.exists() for z in _zijbestanden(pad)),
    )
    beschadigd = False
    try:
        with engine.connect() as conn:
            tabellen = set(inspect(conn).get_table_names())
            revisie = lees_revisie(conn) if "alembic_version" in tabellen else None
            if pad is not None and not (controle_later and revisie == SCHEMA_HEAD):
                beschadigd = _is_beschadigd(conn)
    except DatabaseBeschadigdFout:
        if pad is None:
            raise
        tabellen, revisie, beschadigd = {"alembic_version"}, None, True
    except DatabaseError as fout:
        raise DatabaseFout(
            f"De database {waar(url)} kan niet worden geopend: {_oorzaak(fout)}. "
            "Er is niets gewijzigd."
        ) from None
    finally:
        engine.dispose()
    if beschadigd:
        if revisie != SCHEMA_HEAD:
            # Damaged and in need of an upgrade (or unreadable): it cannot be opened at all.
            raise DatabaseBeschadigdFout(foutsoorten.beschadigd_melding(waar(url), pad))
        return revisie, True
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
    return revisie, False


def _is_beschadigd(conn: Connection) -> bool:
    """SQLite's quick_check (pages, records, indexes in order; O(size): 30 ms at 10,000
    instruments, a third of a second at 100,000)."""
    return conn.execute(text("PRAGMA quick_check(1)")).scalar() != "ok"


def _stel_controle_uit(engine: Engine) -> None:
    """Hold the damage check of `engine`'s SQLite file back: it runs once, on the first of
    `controleer_later_uit` (a worker after the window shows) or the first write
    (`foutsoorten.controleer_schrijfbaar`); whoever comes second waits for the first."""
    staat = foutsoorten.toestand(engine)
    if staat is None:
        return
    slot = threading.Lock()

    def controleer() -> None:
        with slot:
            if staat.nog_te_controleren is None:
                return  # another thread checked meanwhile
            try:
                with engine.connect() as conn:
                    if _is_beschadigd(conn):
                        staat.beschadigd = True
            except DatabaseBeschadigdFout:
                staat.beschadigd = True  # unreadable pages (bewaak marked it already)
            staat.nog_te_controleren = None

    staat.nog_te_controleren = controleer


def controleer_later_uit(engine: Engine) -> bool:
    """Run the damage check that `open_database(controle_later=True)` held back (nothing when
    there is none or it ran); True when the database is damaged. Blocks for the check's
    length (a worker's job); an environment fault raises its Dutch DatabaseFout."""
    staat = foutsoorten.toestand(engine)
    if staat is None:
        return False
    if (controle := staat.nog_te_controleren) is not None:
        controle()
    return staat.beschadigd


def lees_revisie(conn: Connection) -> str | None:
    """The schema revision stamped in the database, read with plain SQL."""
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _oorzaak(fout: SQLAlchemyError) -> str:
    """The cause of a database error in Dutch (`keuzehulp.model.verbindingsfout`)."""
    return verbindingsfout.oorzaak(fout)


def _controleer_slot(pad: Path) -> None:
    """Take and release a write lock (changing nothing), so a locked database is named now."""
    conn = sqlite3.connect(f"file:{pad.resolve().as_posix()}?mode=rw", uri=True, timeout=2)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.rollback()
    except sqlite3.Error as fout:
        melding = foutsoorten.als_melding(fout, str(pad.resolve()), pad)
        if melding is None:
            raise
        raise melding from fout
    finally:
        conn.close()


def maak_reservekopie(pad: Path, tijd: dt.datetime | None = None) -> Path:
    """Copy the database (consistently, WAL included) to a dated file beside it."""
    stempel = (tijd or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    doel = pad.with_name(f"{pad.stem}.reservekopie-{stempel}{pad.suffix}")
    # Written under a temporary name and renamed when complete (model/bestanden.py): a kill
    # halfway never leaves a partial file that looks like a real backup.
    bron = sqlite3.connect(f"file:{pad.resolve().as_posix()}?mode=ro", uri=True)
    try:
        with atomair_pad(doel) as tijdelijk:
            kopie = sqlite3.connect(tijdelijk)
            try:
                bron.backup(kopie)
                kopie.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                kopie.close()
    except (sqlite3.Error, OSError) as fout:
        oorzaak = foutsoorten.als_melding(fout, str(doel))
        raise DatabaseFout(
            "Er kon geen reservekopie van de database worden gemaakt"
            + (f": {oorzaak.melding}" if oorzaak is not None else ".")
            + " De database is daarom niet bijgewerkt."
        ) from fout
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
            f"De database {waar(url)} kan niet worden geopend: {_oorzaak(fout)}."
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


def _werk_schema_bij(engine: Engine, *, sqlite: bool) -> None:
    """Run every pending migration in one transaction.

    On SQLite, foreign keys are switched off for the transaction and checked before commit:
    a migration that rebuilds a table (Alembic's batch mode: copy, drop, rename) would
    otherwise delete every child row through ON DELETE CASCADE when the old table is
    dropped. This is SQLite's own procedure for schema changes
    (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema
    Changes", steps 1 and 10). Raises DatabaseFout when the result breaks a foreign key;
    nothing is then changed. sqlalchemy's DatabaseError passes through to the caller.
    """
    with engine.connect() as conn:
        if sqlite:
            # Only outside a transaction does SQLite accept this pragma (SQLAlchemy's
            # autobegin sends no BEGIN to the driver; the commit ends it at its level).
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.commit()
        try:
            with conn.begin():
                if sqlite:
                    # One creator at a time: a second process waits (longer than for an
                    # ordinary write: creating takes a moment), then finds the schema made
                    # (Alembic reads the revision inside this transaction).
                    conn.exec_driver_sql(f"PRAGMA busy_timeout = {MIGRATIE_WACHTTIJD_MS}")
                    try:
                        conn.exec_driver_sql("BEGIN IMMEDIATE")
                    finally:
                        conn.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                from alembic import command  # lazy: only when migrating

                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise DatabaseFout(
                        "Het bijwerken van de database zou verwijzingen tussen gegevens "
                        "breken. Er is niets gewijzigd. Meld dit aan de beheerder van de "
                        "keuzehulp."
                    )
        finally:
            if sqlite:
                conn.rollback()  # a failed upgrade is already rolled back; this is a no-op
                conn.exec_driver_sql("PRAGMA foreign_keys = ON")
                conn.commit()


def open_database(
    url: URL, *, maken: bool = True, schrijven: bool = True, controle_later: bool = False
) -> OpenResultaat:
    """Check, back up and upgrade the database at `url`, and return it ready for use.

    `maken=False`: a missing file or an empty database is refused (DatabaseFout "bestaat
    niet"), nothing is created. `schrijven=False`: no write lock is taken unless the schema
    must be upgraded. A damaged SQLite database at the newest schema opens for reading only
    (`OpenResultaat.beschadigd`); one that needs an upgrade is refused. Raises DatabaseFout
    (or a subclass) with a Dutch message; a refused database is left exactly as it was. On
    PostgreSQL only the schema's owner upgrades; anyone else gets DatabaseFout when the schema
    is not this version's (`keuzehulp database upgrade` is the owner's job).

    `controle_later` (the window: its first paint does not wait for it): the damage check of
    an up-to-date SQLite file is held back until `controleer_later_uit` or the first write.
    """
    pad = sqlite_pad(url)
    nieuw_bestand = _controleer_bestand(pad, maken) if pad is not None else False
    vorige, beschadigd = (None, False) if nieuw_bestand else _huidige_revisie(url, controle_later)
    if vorige is None and not maken:
        raise DatabaseFout(
            f"In de database {waar(url)} staat nog geen catalogus. Deze opdracht maakt er geen; "
            "open de keuzehulp zonder opdracht, of gebruik ‘keuzehulp import’. "
            "Er is niets gewijzigd."
        )
    bijwerken = vorige != SCHEMA_HEAD
    if url.get_backend_name() == "postgresql" and bijwerken:
        _vereis_eigenaar(url, vorige)  # on PostgreSQL only the schema's owner runs DDL
    if pad is not None and not nieuw_bestand and not beschadigd and schrijven and not bijwerken:
        # Name a locked database now. An upgrade (or a creation another start began) waits
        # for the lock in its own transaction instead.
        _controleer_slot(pad)
    reservekopie = None
    if pad is not None and vorige is not None and bijwerken:
        reservekopie = maak_reservekopie(pad)
    engine = maak_engine(url)
    try:
        if bijwerken:
            _werk_schema_bij(engine, sqlite=pad is not None)
    except DatabaseError as fout:
        engine.dispose()
        raise DatabaseFout(
            f"De database {waar(url)} kan niet worden geopend: {_oorzaak(fout)}."
        ) from None
    except BaseException:
        engine.dispose()
        raise
    if beschadigd and (staat := foutsoorten.toestand(engine)) is not None:
        staat.beschadigd = True
    elif controle_later and pad is not None and not nieuw_bestand and not bijwerken:
        _stel_controle_uit(engine)
    return OpenResultaat(
        database=Database.van_engine(url, engine),
        nieuw=vorige is None,
        vorige_revisie=vorige,
        reservekopie=reservekopie,
        beschadigd=beschadigd,
    )
