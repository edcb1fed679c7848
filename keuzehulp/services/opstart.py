"""Starting up: open and upgrade the catalogue, and give a new one its standard content."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import exists, func, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from keuzehulp.model import postgres
from keuzehulp.model.basisgegevens import KENMERKEN, ROUTES
from keuzehulp.model.beheer import Beheerder
from keuzehulp.model.catalogus import GEMEENTEN_RIVIERENLAND, FengerRoute, Gemeente, Kenmerk
from keuzehulp.model.db import (
    BUSY_TIMEOUT_MS,
    Database,
    kies_database_url,
    parse_url,
    sqlite_pad,
)
from keuzehulp.model.errors import (
    DatabaseBeschadigdFout,
    DatabaseFout,
    DatabaseInGebruikFout,
    GeenRechtFout,
)
from keuzehulp.model.foutsoorten import beschadigd_melding
from keuzehulp.model.migratie import (
    MIGRATIE_WACHTTIJD_MS,
    OpenResultaat,
    controleer_later_uit,
    open_database,
)
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.netwerkschijf import netwerk_soort, waarschuwing
from keuzehulp.model.postgres import PgSessie
from keuzehulp.services.gebruiker import ENV_GEBRUIKER, huidige_gebruiker
from keuzehulp.services.gesprekarchief import pas_bewaartermijn_toe
from keuzehulp.services.offline import (
    OfflineStaat,
    bewaak_sessie,
    is_onbereikbaar,
    open_offline,
)
from keuzehulp.services.rollen import eerste_gebruiker_wordt_beheerder

log = logging.getLogger(__name__)

BRON_BASISGEGEVENS = "basisgegevens"

# Steps run once on a new database after its standard content, in order (e.g. the sample
# catalogue). Each gets the database and the user; the first start of the app calls them.
NieuweDatabaseStap = Callable[[Database, str], None]


@dataclass(frozen=True, slots=True)
class Opstart:
    """An opened catalogue and what happened on the way."""

    database: Database
    gebruiker: str
    nieuw: bool
    reservekopie: Path | None
    meldingen: list[str] = field(default_factory=list)
    # Things the user must not miss (a dialog in the window, stderr on the command line).
    waarschuwingen: list[str] = field(default_factory=list)
    # On PostgreSQL: the login, whether it owns the schema, and its keuzehulp roles.
    sessie: PgSessie | None = None
    # Set when the server could not be reached and the app works on the local copy.
    offline: OfflineStaat | None = None
    # Opened with `na_de_start=True`: the damage check and the retention still have to run
    # (`rond_start_af`, in a worker once the window shows).
    nog_af_te_ronden: bool = False


def vul_basisgegevens(session: Session) -> None:
    """Add the Fenger routes, the kenmerken tree and the gemeenten to an empty catalogue."""
    for volgorde, route in enumerate(ROUTES):
        session.add(
            FengerRoute(
                code=route.code,
                naam=route.naam,
                label=route.label,
                uitleg=route.uitleg,
                uitleg_client=route.uitleg_client,
                volgorde=volgorde,
            )
        )
    per_code: dict[str, Kenmerk] = {}
    for volgorde, basis in enumerate(KENMERKEN):
        ouder_code = basis.code.rpartition(".")[0]
        kenmerk = Kenmerk(
            code=basis.code,
            naam=basis.naam,
            uitleg=basis.uitleg,
            uitleg_client=basis.uitleg_client,
            label_client=basis.label_client,
            parent=per_code[ouder_code] if ouder_code else None,
            actief=True,
            volgorde=volgorde,
        )
        per_code[basis.code] = kenmerk
        session.add(kenmerk)
    for naam in GEMEENTEN_RIVIERENLAND:
        session.add(Gemeente(naam=naam))


ENV_VOORBEELD = "KEUZEHULP_VOORBEELD"

GEEN_BEHEERDER = (
    "Deze catalogus heeft geen beheerder, dus niemand kan hem nu wijzigen. Maak uzelf "
    "beheerder met: keuzehulp beheerder toevoegen UW-INLOGNAAM. Dat kan alleen zolang er "
    "geen beheerder is."
)


def voorbeeld_zonder_vragen() -> bool:
    """True when KEUZEHULP_VOORBEELD asks for the sample catalogue in a new database (as
    scripts/start.sh does): then it is loaded without the first-run question."""
    return os.environ.get(ENV_VOORBEELD, "").strip().lower() in {"1", "ja", "yes", "true"}


def standaard_stappen() -> tuple[NieuweDatabaseStap, ...]:
    """What a new database gets after its standard content when the app starts."""
    from keuzehulp.services.bronbestand.voorbeeld import importeer_voorbeeldcatalogus

    return (importeer_voorbeeldcatalogus,)


def _database_gebruiker(db: Database, gebruiker: str | None) -> tuple[str, PgSessie | None]:
    """Who works: on PostgreSQL the database login, elsewhere the given name or the OS login.

    A login on a shared PostgreSQL database that is not its owner cannot name another user:
    the database knows who is logged in (issue 14: `--gebruiker` and KEUZEHULP_GEBRUIKER are
    refused there). The owner may act for a named user (scripts, the test suite).
    """
    if db.url.get_backend_name() != "postgresql":
        return (gebruiker or huidige_gebruiker()), None
    with db.engine.connect() as conn:
        sessie = postgres.sessie_info(conn)
    if sessie.eigenaar:
        return (gebruiker or sessie.gebruiker), sessie
    if gebruiker is not None:
        raise GeenRechtFout(
            f"Op een gedeelde database bent u de gebruiker waarmee u inlogt: {sessie.gebruiker}. "
            "Een andere naam kiezen kan daar niet. Haal --gebruiker weg en maak "
            f"{ENV_GEBRUIKER} leeg."
        )
    return sessie.gebruiker, sessie


def open_catalogus(
    database_optie: str | None,
    gebruiker: str | None,
    nieuwe_database_stappen: tuple[NieuweDatabaseStap, ...] | None = None,
    *,
    alleen_lezen: bool = False,
    offline_toegestaan: bool = False,
    na_de_start: bool = False,
) -> Opstart:
    """Open (and if needed upgrade) the catalogue; fill a new one with its standard content.

    `alleen_lezen` (a command that only reads): a missing database is refused ("bestaat
    niet") instead of made, and no write lock is taken unless the schema needs an upgrade.
    A damaged database opens for reading only, with a message that says so. `gebruiker` None
    means whoever is logged in (the OS login; on PostgreSQL the database login). Raises
    GeenRechtFout when a name is given for a login on a shared PostgreSQL database that is not
    its owner, and another KeuzehulpError subclass with a Dutch message when the database
    cannot be used. `offline_toegestaan` (the window): a PostgreSQL server that cannot be
    reached opens the local copy instead (`Opstart.offline`; services/offline.py), or raises
    GeenKopieFout when there is none. `na_de_start` (the window, whose first paint should not
    wait): the damage check of an up-to-date SQLite file and the retention of klantreferenties
    are left to `rond_start_af` (`Opstart.nog_af_te_ronden`); a write before that runs the
    damage check first (model/foutsoorten.py), so nothing is written to a damaged file.
    """
    url = parse_url(kies_database_url(database_optie))
    waarschuwingen: list[str] = []
    if (pad := sqlite_pad(url)) is not None and (soort := netwerk_soort(pad)) is not None:
        waarschuwingen.append(waarschuwing(pad, soort))
    try:
        resultaat = open_database(
            url, maken=not alleen_lezen, schrijven=not alleen_lezen, controle_later=na_de_start
        )
    except DatabaseFout as fout:
        if not (offline_toegestaan and url.get_backend_name() == "postgresql"):
            raise
        if not is_onbereikbaar(fout):
            raise
        return _open_offline(url, fout.melding, gebruiker)
    if url.get_backend_name() == "postgresql":
        bewaak_sessie(resultaat.database)
    db = resultaat.database
    try:
        return _maak_klaar(
            db,
            resultaat,
            gebruiker,
            nieuwe_database_stappen,
            alleen_lezen,
            waarschuwingen,
            na_de_start,
        )
    except BaseException:
        db.sluit()
        raise


def _open_offline(url: URL, reden: str, gebruiker: str | None) -> Opstart:
    """Work on the local copy: the server at `url` cannot be reached (`reden` says why)."""
    db, staat = open_offline(url, reden)
    return Opstart(
        database=db,
        gebruiker=gebruiker or staat.info.gebruiker,
        nieuw=False,
        reservekopie=None,
        meldingen=[_wacht_melding(staat.onverzonden)] if staat.onverzonden else [],
        offline=staat,
    )


def _wacht_melding(aantal: int) -> str:
    wat = "wacht nog 1 gesprek" if aantal == 1 else f"wachten nog {aantal} gesprekken"
    return f"Er {wat} van eerder zonder verbinding. Ze gaan vanzelf naar de database."


def _maak_klaar(
    db: Database,
    resultaat: OpenResultaat,
    gebruiker: str | None,
    nieuwe_database_stappen: tuple[NieuweDatabaseStap, ...] | None,
    alleen_lezen: bool,
    waarschuwingen: list[str],
    na_de_start: bool = False,
) -> Opstart:
    naam, sessie = _database_gebruiker(db, gebruiker)
    # On a shared database the owner's `keuzehulp database init` fills it, and roles come
    # from the database, not from a first start.
    gedeeld = sessie is not None and not sessie.eigenaar
    meldingen: list[str] = []
    if resultaat.reservekopie is not None:
        meldingen.append(
            f"De database is bijgewerkt. Een reservekopie staat in {resultaat.reservekopie}."
        )
    beschadigd = Opstart(
        db,
        naam,
        nieuw=False,
        reservekopie=None,
        meldingen=[*meldingen, beschadigd_melding(db.locatie, sqlite_pad(db.url))],
        waarschuwingen=waarschuwingen,
        sessie=sessie,
    )
    if db.beschadigd:
        return beschadigd
    try:
        with db.lezen() as session:
            leeg = session.scalar(select(func.count()).select_from(FengerRoute)) == 0
            zonder_beheerder = not session.scalar(select(exists().where(Beheerder.id.is_not(None))))
    except DatabaseBeschadigdFout:
        if not na_de_start:
            raise
        return beschadigd  # its check was held back, and reading found the damage first
    schrijft = not alleen_lezen and not gedeeld
    if leeg and schrijft:
        leeg = _vul_nieuwe_catalogus(db, naam, meldingen)
    elif zonder_beheerder and not gedeeld:
        # Issue 11, item 6: only a new catalogue makes its first user beheerder; after an
        # upgrade or with an emptied list nobody becomes one by merely opening it.
        meldingen.append(GEEN_BEHEERDER)
    if leeg and schrijft:
        # Only a new database needs them: the sample import loads openpyxl.
        if nieuwe_database_stappen is None:
            nieuwe_database_stappen = standaard_stappen()
        for stap in nieuwe_database_stappen:
            stap(db, naam)
        log.info("Nieuwe catalogus gevuld in %s", db.locatie)
    opstart = Opstart(
        database=db,
        gebruiker=naam,
        nieuw=leeg and schrijft,
        reservekopie=resultaat.reservekopie,
        meldingen=meldingen,
        waarschuwingen=waarschuwingen,
        sessie=sessie,
        nog_af_te_ronden=na_de_start,
    )
    if not na_de_start:
        meldingen.extend(_pas_bewaartermijn_toe(opstart))
    return opstart


def _pas_bewaartermijn_toe(opstart: Opstart) -> list[str]:
    """Retention of klantreferenties: applied on every start, so no old reference lingers (on
    a shared database each coach's start clears their own; management writes nothing)."""
    sessie = opstart.sessie
    if sessie is not None and not sessie.eigenaar and postgres.ROL_WERKCOACH not in sessie.rollen:
        return []
    gewist = pas_bewaartermijn_toe(opstart.database)
    if not gewist:
        return []
    wat = "1 oud gesprek" if gewist == 1 else f"{gewist} oude gesprekken"
    return [f"Bij {wat} is de klantreferentie gewist (bewaartermijn)."]


def rond_start_af(opstart: Opstart) -> list[str]:
    """What `open_catalogus(na_de_start=True)` left: the damage check (SQLite's quick_check,
    30 ms at 10,000 instruments, about 0.3 s at 100,000), then the retention of
    klantreferenties. For a worker thread once the window shows. Returns the messages for the
    status bar; when the file is damaged it writes nothing, returns no message and
    `opstart.database.beschadigd` is True (the window shows `beschadigd_melding` then).
    Nothing to do (an empty list) when the opening did not hold them back. Raises a
    KeuzehulpError with a Dutch message when the database cannot be read or written.
    """
    if not opstart.nog_af_te_ronden:
        return []
    if controleer_later_uit(opstart.database.engine) or opstart.database.beschadigd:
        return []
    return _pas_bewaartermijn_toe(opstart)


def _neem_schrijfslot(session: Session) -> None:
    """SQLite: take the write lock before reading whether the catalogue is empty, waiting for
    another process that is filling it (a deferred transaction would fail on its stale read)."""
    conn = session.connection()
    if conn.dialect.name != "sqlite":
        return  # PostgreSQL: the unique keys stop a second filler
    conn.exec_driver_sql(f"PRAGMA busy_timeout = {MIGRATIE_WACHTTIJD_MS}")
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _vul_nieuwe_catalogus(db: Database, gebruiker: str, meldingen: list[str]) -> bool:
    """Give an empty catalogue its standard content (and a first beheerder); True when this
    process did so. Two processes starting on one new database at once: one fills it, the
    other finds it filled (a unique key or SQLite's write lock stops the second writer)."""
    for poging in range(2):
        try:
            with db.wijzigen(MutatieContext(gebruiker=gebruiker, bron=BRON_BASISGEGEVENS)) as s:
                _neem_schrijfslot(s)
                leeg = s.scalar(select(func.count()).select_from(FengerRoute)) == 0
                if leeg:
                    vul_basisgegevens(s)
                # The one who creates the catalogue becomes its first beheerder; a process
                # that finds it filled by another one does not.
                if leeg and eerste_gebruiker_wordt_beheerder(s, gebruiker):
                    meldingen.append(f"{gebruiker} is de eerste gebruiker en daarom beheerder.")
            return leeg
        except (IntegrityError, DatabaseInGebruikFout):
            if poging:
                raise
            log.info("Een ander proces vulde de nieuwe catalogus tegelijk; opnieuw bekeken")
    return False
