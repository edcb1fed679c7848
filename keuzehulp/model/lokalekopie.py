"""A local read-only copy of the shared catalogue (SQLite, in the user's data directory).

On every successful connection with the shared (PostgreSQL) database the app copies the
catalogue here: routes, kenmerken, gemeenten, the active instruments with their links, the
newest published version, the organisation's settings and the coach's own contact details.
Never other coaches' gesprekken, never the mutation log. When the server cannot be reached the
app works with this copy (services/offline.py). The copy is an ordinary keuzehulp database
(made by the migrations), written under a temporary name, fsynced and renamed, so a crash
never leaves half a copy. A small table `kopie_info` in it says when and from where it came.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.engine import URL

from keuzehulp.model import postgres
from keuzehulp.model.base import Base, nu
from keuzehulp.model.bestanden import atomair_pad
from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database, waar
from keuzehulp.model.errors import DatabaseFout
from keuzehulp.model.migratie import SCHEMA_HEAD, lees_revisie, open_database

log = logging.getLogger(__name__)

KOPIE_NAAM = "catalogus-kopie.sqlite"
INFO_TABEL = "kopie_info"
INFO_FORMAAT = "1"


def kopiemap() -> Path:
    """The user's data directory, where the copy and the offline gesprekken live."""
    return Path(platformdirs.user_data_dir("keuzehulp", appauthor=False))


def kopiepad() -> Path:
    return kopiemap() / KOPIE_NAAM


@dataclass(frozen=True, slots=True)
class KopieInfo:
    """What a copy holds and where it came from.

    `gekopieerd_op`: the last moment (UTC) the copy was known to equal the server's catalogue;
    `handtekening`: a hash over what identifies the catalogue's state (see `handtekening`).
    """

    handtekening: str
    gekopieerd_op: dt.datetime
    bron: str
    gebruiker: str
    revisie: str
    instrumenten: int


@dataclass(frozen=True, slots=True)
class KopieUitkomst:
    """The result of `maak_kopie`: the copy's info and whether a new file was written."""

    info: KopieInfo
    geschreven: bool
    pad: Path


def _tabel(naam: str) -> Table:
    return Base.metadata.tables[naam]


def handtekening(conn: Connection, gebruiker: str) -> str:
    """A hash (hex, 64 characters) over the catalogue's state, read in a few cheap queries.

    Every change to the catalogue goes through the mutation log, whose newest row's hash
    chains all before it; the instrument counts, the newest version, the settings and the
    coach's own contact details cover what the log does not record. The schema revision is
    in it too: a copy made by an older app is written again.
    """
    mutatie, instrument = _tabel("mutatie"), _tabel("instrument")
    kop = conn.execute(
        select(mutatie.c.hash, mutatie.c.id).order_by(mutatie.c.id.desc()).limit(1)
    ).first()
    instrumenten = conn.execute(
        select(func.count(), func.max(instrument.c.gewijzigd_op), func.sum(instrument.c.versie))
    ).one()
    versie = conn.execute(select(func.max(_tabel("catalogus_versie").c.id))).scalar()
    aantallen = [
        conn.execute(select(func.count()).select_from(_tabel(t))).scalar()
        for t in ("kenmerk", "gemeente", "fenger_route")
    ]
    instelling = _tabel("instelling")
    instellingen = conn.execute(select(instelling).order_by(instelling.c.sleutel)).all()
    profiel = _tabel("coach_profiel")
    eigen = conn.execute(
        select(profiel.c.gewijzigd_op).where(profiel.c.gebruiker == gebruiker)
    ).scalar()
    inhoud = [
        INFO_FORMAAT,
        lees_revisie(conn),
        list(kop) if kop else None,
        [instrumenten[0], str(instrumenten[1]), instrumenten[2]],
        versie,
        aantallen,
        [list(r) for r in instellingen],
        str(eigen),
    ]
    return hashlib.sha256(json.dumps(inhoud, default=str).encode()).hexdigest()


def lees_info(pad: Path | None = None) -> KopieInfo | None:
    """The info of the copy at `pad` (default: the user's copy), or None when there is no
    usable copy there (missing, unreadable, or not one of ours)."""
    pad = pad or kopiepad()
    if not pad.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{pad.resolve().as_posix()}?mode=ro", uri=True)
        try:
            rijen = dict(conn.execute(f"SELECT sleutel, waarde FROM {INFO_TABEL}").fetchall())
        finally:
            conn.close()
        return KopieInfo(
            handtekening=rijen["handtekening"],
            gekopieerd_op=dt.datetime.fromisoformat(rijen["gekopieerd_op"]),
            bron=rijen["bron"],
            gebruiker=rijen["gebruiker"],
            revisie=rijen["revisie"],
            instrumenten=int(rijen["instrumenten"]),
        )
    except (sqlite3.Error, KeyError, ValueError):
        log.warning("De lokale kopie %s is onleesbaar en wordt genegeerd", pad, exc_info=True)
        return None


def _lees_rijen(conn: Connection, gebruiker: str) -> list[tuple[Table, list[dict[str, Any]]]]:
    """The rows to copy, table by table in an order that satisfies the foreign keys."""
    instrument = _tabel("instrument")
    actief = select(instrument.c.id).where(instrument.c.status == InstrumentStatus.ACTIEF)
    kenmerk = _tabel("kenmerk")
    versie = _tabel("catalogus_versie")
    profiel = _tabel("coach_profiel")
    vragen: list[tuple[Table, Any]] = [
        (_tabel("fenger_route"), select(_tabel("fenger_route"))),
        (_tabel("gemeente"), select(_tabel("gemeente"))),
        # Parents before children: a parent's code is a prefix, so shorter codes first.
        (kenmerk, select(kenmerk).order_by(func.length(kenmerk.c.code), kenmerk.c.code)),
        (instrument, select(instrument).where(instrument.c.status == InstrumentStatus.ACTIEF)),
    ]
    for koppel in ("instrument_route", "instrument_kenmerk", "instrument_gemeente"):
        tabel = _tabel(koppel)
        vragen.append((tabel, select(tabel).where(tabel.c.instrument_id.in_(actief))))
    vragen += [
        (versie, select(versie).order_by(versie.c.id.desc()).limit(1)),
        (_tabel("instelling"), select(_tabel("instelling"))),
        (profiel, select(profiel).where(profiel.c.gebruiker == gebruiker)),
        (_tabel("beheerder"), select(_tabel("beheerder"))),
    ]
    uit: list[tuple[Table, list[dict[str, Any]]]] = []
    for tabel, vraag in vragen:
        resultaat = conn.execute(vraag)
        sleutels = list(resultaat.keys())
        rijen = [dict(zip(sleutels, r, strict=True)) for r in resultaat]
        if tabel is versie:
            for r in rijen:
                r["tot_mutatie_id"] = None  # the log stays on the server
        uit.append((tabel, rijen))
    if postgres.is_postgres(conn) and postgres.sessie_info(conn).is_beheerder:
        # On a shared database the role makes a beheerder, not the app's list: offline the
        # copy's list stands in for it, so a beheerder hears why editing waits, not that
        # they are no beheerder.
        beheerders = uit[-1][1]
        if gebruiker not in {r["gebruiker"] for r in beheerders}:
            beheerders.append({"gebruiker": gebruiker, "sinds": nu(), "toegevoegd_door": None})
    return uit


def _schrijf_info(conn: Connection, info: KopieInfo) -> None:
    conn.execute(
        text(f"CREATE TABLE IF NOT EXISTS {INFO_TABEL} (sleutel TEXT PRIMARY KEY, waarde TEXT)")
    )
    waarden = {
        "formaat": INFO_FORMAAT,
        "handtekening": info.handtekening,
        "gekopieerd_op": info.gekopieerd_op.isoformat(),
        "bron": info.bron,
        "gebruiker": info.gebruiker,
        "revisie": info.revisie,
        "instrumenten": str(info.instrumenten),
    }
    for sleutel, waarde in waarden.items():
        conn.execute(
            text(f"INSERT OR REPLACE INTO {INFO_TABEL} (sleutel, waarde) VALUES (:s, :w)"),
            {"s": sleutel, "w": waarde},
        )


def _werk_tijd_bij(pad: Path, moment: dt.datetime) -> None:
    """The server still holds what the copy holds: only its date moves on (one transaction)."""
    conn = sqlite3.connect(pad)
    try:
        with conn:
            conn.execute(
                f"UPDATE {INFO_TABEL} SET waarde = ? WHERE sleutel = 'gekopieerd_op'",
                (moment.isoformat(),),
            )
    finally:
        conn.close()


def maak_kopie(
    bron: Database, gebruiker: str, pad: Path | None = None, *, moment: dt.datetime | None = None
) -> KopieUitkomst:
    """Copy the catalogue of `bron` to the local copy at `pad` (default: the user's copy).

    Skipped when the copy already holds this state of the catalogue (`handtekening`): then
    only its date is brought up to `moment` (default now, UTC). Otherwise written whole under
    a temporary name, fsynced and renamed over the old copy. `gebruiker` is the login whose
    contact details come along. Reads in one repeatable-read transaction on PostgreSQL, so the
    copy is one consistent state. Raises DatabaseFout (Dutch) when the copy cannot be written;
    the old copy then stays as it was.
    """
    pad = pad or kopiepad()
    moment = moment or nu()
    with bron.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            stempel = handtekening(conn, gebruiker)
            oud = lees_info(pad)
            if oud is not None and oud.handtekening == stempel:
                _werk_tijd_bij(pad, moment)
                return KopieUitkomst(
                    KopieInfo(
                        stempel, moment, oud.bron, oud.gebruiker, oud.revisie, oud.instrumenten
                    ),
                    geschreven=False,
                    pad=pad,
                )
            rijen = _lees_rijen(conn, gebruiker)
    aantal = next(len(r) for t, r in rijen if t.name == "instrument")
    info = KopieInfo(stempel, moment, waar(bron.url), gebruiker, SCHEMA_HEAD, aantal)
    _schrijf_kopie(pad, rijen, info)
    log.info("Lokale kopie van de catalogus geschreven: %s (%d instrumenten)", pad, aantal)
    return KopieUitkomst(info, geschreven=True, pad=pad)


def _schrijf_kopie(
    pad: Path, rijen: list[tuple[Table, list[dict[str, Any]]]], info: KopieInfo
) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk: Path | None = None
    try:
        with atomair_pad(pad) as tijdelijk:
            # The migrations make the schema in a new file: the writer's empty placeholder
            # (a unique name of its own) gives way to it.
            tijdelijk.unlink()
            db = open_database(URL.create("sqlite", database=str(tijdelijk))).database
            try:
                with db.engine.begin() as conn:
                    for tabel, lijst in rijen:
                        if lijst:
                            conn.execute(insert(tabel), lijst)
                    _schrijf_info(conn, info)
                with db.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA journal_mode=DELETE")  # one self-contained file
            finally:
                db.sluit()
    except OSError as fout:
        _ruim_op(tijdelijk)
        raise DatabaseFout(
            f"De lokale kopie van de catalogus kon niet worden bewaard in {pad.parent}: "
            f"{fout.strerror}. De vorige kopie is gebleven."
        ) from fout
    except BaseException:
        _ruim_op(tijdelijk)
        raise


def _ruim_op(tijdelijk: Path | None) -> None:
    """Remove a failed copy's temporary file and SQLite's side files beside it."""
    if tijdelijk is not None:
        for zij in ("", "-wal", "-shm", "-journal"):
            tijdelijk.with_name(tijdelijk.name + zij).unlink(missing_ok=True)
