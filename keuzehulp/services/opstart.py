"""Starting up: open and upgrade the catalogue, and give a new one its standard content."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from keuzehulp.model import postgres
from keuzehulp.model.basisgegevens import KENMERKEN, ROUTES
from keuzehulp.model.catalogus import GEMEENTEN_RIVIERENLAND, FengerRoute, Gemeente, Kenmerk
from keuzehulp.model.db import Database, kies_database_url, parse_url, sqlite_pad
from keuzehulp.model.errors import GeenRechtFout
from keuzehulp.model.migratie import open_database
from keuzehulp.model.mutatielog import MutatieContext
from keuzehulp.model.netwerkschijf import netwerk_soort, waarschuwing
from keuzehulp.model.postgres import PgSessie
from keuzehulp.services.gebruiker import ENV_GEBRUIKER, huidige_gebruiker
from keuzehulp.services.gesprekarchief import pas_bewaartermijn_toe
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
) -> Opstart:
    """Open (and if needed upgrade) the catalogue; fill a new one with its standard content.

    `gebruiker` None means whoever is logged in (the OS login; on PostgreSQL the database
    login). Raises GeenRechtFout when a name is given for a login on a shared PostgreSQL
    database that is not its owner, DatabaseFout when the database cannot be used.
    """
    if nieuwe_database_stappen is None:
        nieuwe_database_stappen = standaard_stappen()
    url = parse_url(kies_database_url(database_optie))
    waarschuwingen: list[str] = []
    if (pad := sqlite_pad(url)) is not None and (soort := netwerk_soort(pad)) is not None:
        waarschuwingen.append(waarschuwing(pad, soort))
    resultaat = open_database(url)
    db = resultaat.database
    try:
        naam, sessie = _database_gebruiker(db, gebruiker)
    except BaseException:
        db.sluit()
        raise
    gedeeld = sessie is not None and not sessie.eigenaar
    meldingen: list[str] = []
    if resultaat.reservekopie is not None:
        meldingen.append(
            f"De database is bijgewerkt. Een reservekopie staat in {resultaat.reservekopie}."
        )
    with db.lezen() as session:
        leeg = session.scalar(select(func.count()).select_from(FengerRoute)) == 0
    if not gedeeld:
        # On a shared database the owner's `keuzehulp database init` did this, and roles
        # come from the database, not from a first start.
        with db.wijzigen(MutatieContext(gebruiker=naam, bron=BRON_BASISGEGEVENS)) as s:
            if leeg:
                vul_basisgegevens(s)
            if eerste_gebruiker_wordt_beheerder(s, naam):
                meldingen.append(f"{naam} is de eerste gebruiker en daarom beheerder.")
        if leeg:
            for stap in nieuwe_database_stappen:
                stap(db, naam)
            log.info("Nieuwe catalogus gevuld in %s", db.locatie)
    # Retention of klantreferenties: applied on every start, so no old reference lingers
    # (on a shared database each coach's start clears their own; management writes nothing).
    if (sessie is None or sessie.eigenaar or postgres.ROL_WERKCOACH in sessie.rollen) and (
        gewist := pas_bewaartermijn_toe(db)
    ):
        wat = "1 oud gesprek" if gewist == 1 else f"{gewist} oude gesprekken"
        meldingen.append(f"Bij {wat} is de klantreferentie gewist (bewaartermijn).")
    return Opstart(
        database=db,
        gebruiker=naam,
        nieuw=leeg and not gedeeld,
        reservekopie=resultaat.reservekopie,
        meldingen=meldingen,
        waarschuwingen=waarschuwingen,
        sessie=sessie,
    )
