"""Working without the shared database: the local copy, offline gesprekken and reconnecting.

- After every successful connection `na_verbinding` sends the gesprekken made offline and
  refreshes the local copy of the catalogue (model/lokalekopie.py); the GUI runs it in a worker.
- When the server cannot be reached at start, `open_offline` opens a working file made from
  the copy: the catalogue in it is read-only (an SQLite authorizer refuses every write to it),
  gesprekken can be saved there. Those gesprekken are the outbox.
- `verstuur` sends the outbox to the server, each gesprek keyed by its UUID, so a second send
  stores nothing new (services/gesprek.py). What was sent is recorded in the working file.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import SQLAlchemyError

from keuzehulp.model import foutsoorten
from keuzehulp.model.bestanden import atomair_pad
from keuzehulp.model.db import Database
from keuzehulp.model.errors import DatabaseFout, KeuzehulpError, VerbindingVerbrokenFout
from keuzehulp.model.lokalekopie import KopieInfo, kopiemap, kopiepad, lees_info, maak_kopie
from keuzehulp.model.migratie import open_database
from keuzehulp.model.postgres import CATALOGUS_TABELLEN
from keuzehulp.services.gesprek import GesprekService

log = logging.getLogger(__name__)

WERK_NAAM = "offline-gesprekken.sqlite"
VERZONDEN_TABEL = "verzonden"
# Tables nobody may change offline: the catalogue, its log and its beheerders.
ALLEEN_LEZEN: frozenset[str] = frozenset({*CATALOGUS_TABELLEN, "mutatie", "beheerder"})
MAANDEN = (
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
)  # fmt: skip
# Waits between attempts to reconnect, in seconds; the last one repeats.
WACHTTIJDEN_S: tuple[int, ...] = (2, 5, 10, 20, 30, 60)
CATALOGUS_ALLEEN_LEZEN = (
    "Zonder verbinding met de database kan de catalogus niet worden gewijzigd. Er is niets "
    "gewijzigd. Probeer het opnieuw als de verbinding terug is."
)


class GeenKopieFout(VerbindingVerbrokenFout):
    """The server cannot be reached and there is no local copy to fall back on."""


def werkpad() -> Path:
    return kopiemap() / WERK_NAAM


# --- telling unreachable from refused ---------------------------------------------------------

# libpq's words for a refused login or a missing database: the server answered, so working
# offline would hide a problem the user must solve (psycopg gives these no SQLSTATE).
_GEWEIGERD = ("password", "authentication", "does not exist", "permission denied", "pg_hba")


def is_onbereikbaar(fout: BaseException) -> bool:
    """True when `fout` says the database server could not be reached (refused connection,
    unknown host, timeout, a server that went away), not that it refused the login."""
    if foutsoorten.soort(fout) is not foutsoorten.FoutSoort.VERBINDING_WEG:
        return False
    huidig: BaseException | None = fout
    while huidig is not None:
        if any(woord in str(huidig).lower() for woord in _GEWEIGERD):
            return False
        huidig = huidig.__cause__ or huidig.__context__
    return True


# --- how the copy is named to the user ----------------------------------------------------------


def datum_tekst(moment: dt.datetime, vandaag: dt.date | None = None) -> str:
    """The day of `moment` in Dutch, in local time: "12 november"; in another year
    "12 november 2025"; today "vandaag (9.14 uur)"."""
    lokaal = moment.astimezone()
    vandaag = vandaag or dt.date.today()
    if lokaal.date() == vandaag:
        return f"vandaag ({lokaal.hour}.{lokaal.minute:02d} uur)"
    tekst = f"{lokaal.day} {MAANDEN[lokaal.month - 1]}"
    return tekst if lokaal.year == vandaag.year else f"{tekst} {lokaal.year}"


def banier_tekst(info: KopieInfo, vandaag: dt.date | None = None) -> str:
    """The line the window shows while working on the copy (issue 14 item 7)."""
    datum = datum_tekst(info.gekopieerd_op, vandaag)
    return f"Geen verbinding: je werkt met de catalogus van {datum}."


def geen_kopie_melding(reden: str) -> str:
    return (
        f"{reden}\n\nEr is op deze computer nog geen kopie van de catalogus om zonder verbinding "
        "mee te werken. Die kopie maakt de keuzehulp vanzelf zodra hij één keer met de database "
        "verbonden is geweest. Controleer het netwerk (of de VPN) en start de keuzehulp opnieuw; "
        "lukt het dan nog niet, vraag de applicatiebeheerder of de databaseserver draait."
    )


# --- the working file: the copy plus offline gesprekken ------------------------------------------


def _weiger_catalogus(actie: int, arg1: str | None, *_: Any) -> int:
    if actie in (sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE) and (
        arg1 in ALLEEN_LEZEN
    ):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _bij_verbinding(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.set_authorizer(_weiger_catalogus)


def _bij_fout(context: Any) -> BaseException | None:
    orig = context.original_exception
    if isinstance(orig, sqlite3.DatabaseError) and getattr(orig, "sqlite_errorcode", 0) == 23:
        return DatabaseFout(CATALOGUS_ALLEEN_LEZEN)  # SQLITE_AUTH: our authorizer said no
    return None


def maak_catalogus_alleen_lezen(engine: Engine) -> None:
    """Every new connection of `engine` (SQLite) refuses writes to the catalogue tables;
    a refused write arrives as a Dutch DatabaseFout. Connections already open are dropped."""
    engine.dispose()
    event.listen(engine, "connect", _bij_verbinding)
    event.listen(engine, "handle_error", _bij_fout)


def _maak_verzonden_tabel(pad: Path) -> None:
    conn = sqlite3.connect(pad)
    try:
        with conn:
            conn.execute(
                f"CREATE TABLE IF NOT EXISTS {VERZONDEN_TABEL} (uuid TEXT PRIMARY KEY, server_id "
                "INTEGER NOT NULL, gewijzigd_op TEXT NOT NULL, verzonden_op TEXT NOT NULL)"
            )
    finally:
        conn.close()


def aantal_onverzonden(pad: Path | None = None) -> int:
    """How many gesprekken in the working file are not on the server as they are now."""
    pad = pad or werkpad()
    if not pad.is_file():
        return 0
    conn = sqlite3.connect(f"file:{pad.resolve().as_posix()}?mode=ro", uri=True)
    try:
        tabellen = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "gesprek" not in tabellen:
            return 0
        if VERZONDEN_TABEL not in tabellen:
            return int(conn.execute("SELECT count(*) FROM gesprek").fetchone()[0])
        # gewijzigd_op as stored (SQLAlchemy's text form) on both sides.
        return int(
            conn.execute(
                f"SELECT count(*) FROM gesprek g LEFT JOIN {VERZONDEN_TABEL} v "
                "ON v.uuid = g.uuid WHERE v.uuid IS NULL OR v.gewijzigd_op <> g.gewijzigd_op"
            ).fetchone()[0]
        )
    except sqlite3.Error:
        log.warning("Offline gesprekken in %s niet te lezen", pad, exc_info=True)
        return 0
    finally:
        conn.close()


def _kopieer_bestand(bron: Path, doel: Path) -> None:
    """`bron` (SQLite) to `doel`, consistently and atomically (temporary name, fsync, rename)."""
    van = sqlite3.connect(f"file:{bron.resolve().as_posix()}?mode=ro", uri=True)
    try:
        with atomair_pad(doel) as tijdelijk:
            naar = sqlite3.connect(tijdelijk)  # an empty file is an empty database to SQLite
            try:
                van.backup(naar)
            finally:
                naar.close()
            for zij in ("-wal", "-shm"):
                doel.with_name(doel.name + zij).unlink(missing_ok=True)
    finally:
        van.close()


@dataclass(frozen=True, slots=True)
class OfflineStaat:
    """Working without the server: on which copy, why, and which server to return to."""

    info: KopieInfo
    reden: str
    server_url: URL
    onverzonden: int = 0

    @property
    def banier(self) -> str:
        return banier_tekst(self.info)


def open_werkbestand(pad: Path | None = None) -> Database:
    """Open the working file (upgraded if an older app made it), catalogue read-only."""
    pad = pad or werkpad()
    db = open_database(URL.create("sqlite", database=str(pad)), maken=False).database
    _maak_verzonden_tabel(pad)
    maak_catalogus_alleen_lezen(db.engine)
    return db


def open_offline(server_url: URL, reden: str) -> tuple[Database, OfflineStaat]:
    """The catalogue to work with while `server_url` cannot be reached.

    A working file made from the local copy, or the one from an earlier offline session
    while it still holds gesprekken that did not reach the server. Raises GeenKopieFout
    (Dutch, with `reden` first) when there is no copy.
    """
    info = lees_info()
    if info is None:
        raise GeenKopieFout(geen_kopie_melding(reden))
    werk = werkpad()
    onverzonden = aantal_onverzonden(werk)
    if not onverzonden:
        _kopieer_bestand(kopiepad(), werk)
    elif (werk_info := lees_info(werk)) is not None:
        info = werk_info  # its catalogue is the one the unsent gesprekken were made with
    db = open_werkbestand(werk)
    log.warning("Geen verbinding met %s; gewerkt wordt met de lokale kopie", server_url)
    return db, OfflineStaat(info, reden, server_url, onverzonden)


# --- sending the outbox ------------------------------------------------------------------------


@dataclass(slots=True)
class VerzendUitkomst:
    """How many offline gesprekken reached the server; Dutch messages for those that did not."""

    verstuurd: int = 0
    mislukt: list[str] = field(default_factory=list)
    # The server's numbers of the gesprekken sent, in sending order (as the coach finds them).
    nummers: list[int] = field(default_factory=list)


def verstuur(werk: Database, server: Database, coach: str) -> VerzendUitkomst:
    """Send every gesprek of the working file that the server does not have as it is now.

    A new one is stored by its UUID (sent twice, stored once); one sent before and changed
    offline since replaces the server's copy. `coach` is the login on the server (row-level
    security: a coach's own gesprek). Raises VerbindingVerbrokenFout when the server goes
    away meanwhile (what was sent stays sent and recorded); a gesprek the server refuses
    (an instrument removed meanwhile) is named in `mislukt` and stays in the outbox.
    """
    uit = VerzendUitkomst()
    lokaal, naar = GesprekService(werk), GesprekService(server)
    with werk.engine.connect() as conn:
        al = {
            r[0]: (r[1], r[2])
            for r in conn.exec_driver_sql(
                f"SELECT uuid, server_id, gewijzigd_op FROM {VERZONDEN_TABEL}"
            )
        }
        # gewijzigd_op as stored: compared as text, the same way `aantal_onverzonden` does.
        lokale = conn.exec_driver_sql(
            "SELECT id, uuid, gewijzigd_op FROM gesprek ORDER BY id"
        ).all()
    for gesprek_id, code, gewijzigd in lokale:
        vorige = al.get(code)
        if vorige is not None and vorige[1] == gewijzigd:
            continue
        g = lokaal.lees(gesprek_id)
        try:
            if vorige is None:
                opgeslagen = naar.bewaar(
                    g.invoer,
                    coach,
                    uuid=g.uuid,
                    aangemaakt_op=g.aangemaakt_op,
                    catalogus_versie=g.catalogus_versie,
                )
            else:
                opgeslagen = naar.bewaar(g.invoer, coach, vorige[0])
        except VerbindingVerbrokenFout:
            raise
        except KeuzehulpError as fout:
            uit.mislukt.append(
                f"Offline gesprek van {datum_tekst(g.aangemaakt_op)}: {fout.melding}"
            )
            continue
        uit.verstuurd += 1
        uit.nummers.append(opgeslagen.id)
        with werk.engine.begin() as conn:
            conn.execute(
                text(
                    f"INSERT OR REPLACE INTO {VERZONDEN_TABEL} "
                    "(uuid, server_id, gewijzigd_op, verzonden_op) VALUES (:u, :s, :g, :v)"
                ),
                {
                    "u": code,
                    "s": opgeslagen.id,
                    "g": gewijzigd,
                    "v": dt.datetime.now(dt.UTC).isoformat(),
                },
            )
    return uit


def verzend_melding(uitkomst: VerzendUitkomst) -> str | None:
    """One Dutch line about what was sent, or None when there was nothing to send."""
    delen = []
    if uitkomst.verstuurd:
        n = uitkomst.verstuurd
        nummers = [str(g) for g in uitkomst.nummers]
        waar = ""
        if len(nummers) == 1:
            waar = f" (nu gesprek {nummers[0]})"
        elif nummers:
            waar = f" (nu gesprek {', '.join(nummers[:-1])} en {nummers[-1]})"
        delen.append(
            f"1 offline gesprek is naar de database gestuurd{waar}."
            if n == 1
            else f"{n} offline gesprekken zijn naar de database gestuurd{waar}."
        )
    delen += uitkomst.mislukt
    return " ".join(delen) or None


# --- after a successful connection -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NaVerbinding:
    """What `na_verbinding` did: the sending's outcome and the copy's info."""

    verzonden: VerzendUitkomst
    info: KopieInfo
    kopie_geschreven: bool


def verstuur_werkbestand(server: Database, coach: str) -> VerzendUitkomst:
    """Send the gesprekken of an earlier offline session (if any) from the working file."""
    if not aantal_onverzonden():
        return VerzendUitkomst()
    werk = open_werkbestand()
    try:
        return verstuur(werk, server, coach)
    finally:
        werk.sluit()


def na_verbinding(
    server: Database,
    coach: str,
    werk: Database | None = None,
    voortgang: Callable[[int, str], None] | None = None,
) -> NaVerbinding:
    """Run off the GUI thread after connecting: send the outbox, then refresh the copy.

    `werk`: the working file when the app is running on it (offline), else it is opened
    here if it holds unsent gesprekken. Raises VerbindingVerbrokenFout (Dutch) when the
    server goes away meanwhile, DatabaseFout when the copy cannot be written.
    """
    if voortgang:
        voortgang(0, "Offline gesprekken versturen")
    uitkomst = verstuur(werk, server, coach) if werk else verstuur_werkbestand(server, coach)
    if voortgang:
        voortgang(50, "Kopie van de catalogus bijwerken")
    kopie = maak_kopie(server, coach)
    return NaVerbinding(uitkomst, kopie.info, kopie.geschreven)


def verbinding_werkt(db: Database) -> bool:
    """True when the server answers a trivial query now (a worker's check before reconnecting)."""
    try:
        with db.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (KeuzehulpError, SQLAlchemyError, OSError) as fout:
        log.info("Nog geen verbinding: %s", fout)
        return False
    return True


def herverbind(staat: OfflineStaat, werk: Database, gebruiker: str | None) -> NaVerbinding:
    """Try the server again (a worker, while the app runs on the copy): when it answers, send
    the outbox from `werk` and refresh the copy. Raises a Dutch KeuzehulpError while the
    server still cannot be reached."""
    from keuzehulp.services.opstart import open_catalogus  # opstart imports this module

    adres = staat.server_url.render_as_string(hide_password=False)
    opstart = open_catalogus(adres, gebruiker, ())
    try:
        return na_verbinding(opstart.database, opstart.gebruiker, werk)
    finally:
        opstart.database.sluit()


def bewaak_sessie(db: Database) -> None:
    """After a successful open: a server that cannot be reached when a new connection is made
    (the old one broke, pool_pre_ping reconnects) is a lost connection, in Dutch.

    Before the open, such failures are left to the opening code, which names a refused login
    or a missing database more precisely (foutsoorten.bewaak); once the database was open,
    failing to reconnect means the server went away.
    """
    staat = foutsoorten.toestand(db.engine)
    waar = staat.waar if staat is not None else None

    def _fout(context: Any) -> BaseException | None:
        if context.connection is not None:
            return None  # foutsoorten.bewaak names it already
        return foutsoorten.als_melding(context.original_exception, waar)

    event.listen(db.engine, "handle_error", _fout)


def bij_verbindingsverlies(db: Database, terug: Callable[[], None]) -> None:
    """Call `terug()` (on the failing thread) whenever `db` loses its server connection."""

    def _fout(context: Any) -> None:
        if foutsoorten.soort(context.original_exception) is foutsoorten.FoutSoort.VERBINDING_WEG:
            terug()

    event.listen(db.engine, "handle_error", _fout)


@dataclass(frozen=True, slots=True)
class Verbindingsdienst:
    """What the connection banner needs, bound to the opened catalogue (services/diensten.py
    style: the screen gets this, never the Database). `offline` is set while the app works on
    the local copy; the catalogue is then the working file."""

    _db: Database
    gebruiker: str
    offline: OfflineStaat | None = None

    def na_verbinding(self) -> NaVerbinding:
        """Send the outbox and refresh the local copy (a worker, after connecting)."""
        return na_verbinding(self._db, self.gebruiker)

    def herverbind(self, gebruiker: str | None) -> NaVerbinding:
        """Offline: try the server again; raises a Dutch KeuzehulpError while it is away."""
        if self.offline is None:
            raise DatabaseFout("De keuzehulp is al met de database verbonden.")
        return herverbind(self.offline, self._db, gebruiker)

    def werkt(self) -> bool:
        """Whether the server answers now (a worker's check)."""
        return verbinding_werkt(self._db)

    def bij_verlies(self, terug: Callable[[], None]) -> None:
        """Call `terug()` whenever the connection is lost (from any thread)."""
        bij_verbindingsverlies(self._db, terug)
