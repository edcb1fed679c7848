"""Faults of the environment, told apart from bugs: busy, read-only, disk full, damaged, gone.

A database error is classified by its SQLite result code (`sqlite3.Error.sqlite_errorcode`,
https://www.sqlite.org/rescode.html) or PostgreSQL SQLSTATE (`psycopg.Error.sqlstate`,
PostgreSQL manual appendix A), a file error by its errno: never by matching message text.
Each kind gets a Dutch message that says what happened and what to do. `bewaak(engine, ...)`
makes every database error of an engine arrive as such a message, and remembers a damaged
database so that nothing is written to it any more.
"""

from __future__ import annotations

import enum
import errno
import sqlite3
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import DBAPIError

from keuzehulp.model.errors import (
    DatabaseAlleenLezenFout,
    DatabaseBeschadigdFout,
    DatabaseFout,
    DatabaseInGebruikFout,
    KeuzehulpError,
    SchijfVolFout,
    VerbindingVerbrokenFout,
)


class FoutSoort(enum.Enum):
    """What kind of environment fault an exception is."""

    BEZET = "bezet"
    ALLEEN_LEZEN = "alleen-lezen"
    SCHIJF_VOL = "schijf vol"
    BESCHADIGD = "beschadigd"
    VERBINDING_WEG = "verbinding weg"
    SCHIJFFOUT = "schijffout"
    GEEN_TOEGANG = "geen toegang"


# SQLite primary result codes (the low byte of an extended code).
_SQLITE: dict[int, FoutSoort] = {
    3: FoutSoort.GEEN_TOEGANG,  # SQLITE_PERM
    5: FoutSoort.BEZET,  # SQLITE_BUSY
    6: FoutSoort.BEZET,  # SQLITE_LOCKED
    8: FoutSoort.ALLEEN_LEZEN,  # SQLITE_READONLY
    10: FoutSoort.SCHIJFFOUT,  # SQLITE_IOERR
    11: FoutSoort.BESCHADIGD,  # SQLITE_CORRUPT
    13: FoutSoort.SCHIJF_VOL,  # SQLITE_FULL
    14: FoutSoort.GEEN_TOEGANG,  # SQLITE_CANTOPEN
    23: FoutSoort.GEEN_TOEGANG,  # SQLITE_AUTH
    26: FoutSoort.BESCHADIGD,  # SQLITE_NOTADB
}

# PostgreSQL SQLSTATE codes, and classes (first two characters).
_SQLSTATE: dict[str, FoutSoort] = {
    "40001": FoutSoort.BEZET,  # serialization_failure
    "40P01": FoutSoort.BEZET,  # deadlock_detected
    "55P03": FoutSoort.BEZET,  # lock_not_available
    "53300": FoutSoort.BEZET,  # too_many_connections
    "57P03": FoutSoort.VERBINDING_WEG,  # cannot_connect_now (starting up)
    "57P01": FoutSoort.VERBINDING_WEG,  # admin_shutdown
    "57P02": FoutSoort.VERBINDING_WEG,  # crash_shutdown
    "25006": FoutSoort.ALLEEN_LEZEN,  # read_only_sql_transaction
    "53100": FoutSoort.SCHIJF_VOL,  # disk_full
    "58030": FoutSoort.SCHIJFFOUT,  # io_error
    "XX001": FoutSoort.BESCHADIGD,  # data_corrupted
    "XX002": FoutSoort.BESCHADIGD,  # index_corrupted
    # 42501 insufficient_privilege is left to db._weigering: a refusal by a role's grants.
    "28000": FoutSoort.GEEN_TOEGANG,  # invalid_authorization_specification
    "28P01": FoutSoort.GEEN_TOEGANG,  # invalid_password
}
_SQLSTATE_KLASSE: dict[str, FoutSoort] = {"08": FoutSoort.VERBINDING_WEG}

_ERRNO: dict[int, FoutSoort] = {
    errno.ENOSPC: FoutSoort.SCHIJF_VOL,
    errno.EDQUOT: FoutSoort.SCHIJF_VOL,
    errno.EFBIG: FoutSoort.SCHIJF_VOL,
    errno.EROFS: FoutSoort.ALLEEN_LEZEN,
    errno.EACCES: FoutSoort.GEEN_TOEGANG,
    errno.EPERM: FoutSoort.GEEN_TOEGANG,
    errno.EIO: FoutSoort.SCHIJFFOUT,
}


def _sqlstate(fout: BaseException) -> str | None:
    waarde = getattr(fout, "sqlstate", None)
    if waarde is None:
        diag = getattr(fout, "diag", None)
        waarde = getattr(diag, "sqlstate", None)
    return waarde if isinstance(waarde, str) else None


def _is_psycopg_verbindingsfout(fout: BaseException) -> bool:
    """psycopg raises OperationalError without a SQLSTATE when the server cannot be reached
    or the connection broke: the class says it, the message need not be read."""
    module = type(fout).__module__
    return module.startswith("psycopg") and type(fout).__name__ == "OperationalError"


def soort(fout: BaseException) -> FoutSoort | None:
    """The kind of environment fault behind `fout` (or behind the exceptions it wraps), or
    None for anything else (a bug, a constraint violation, a user error)."""
    gezien: set[int] = set()
    huidig: BaseException | None = fout
    while huidig is not None and id(huidig) not in gezien:
        gezien.add(id(huidig))
        if isinstance(huidig, DBAPIError):
            if huidig.connection_invalidated:
                return FoutSoort.VERBINDING_WEG
            if huidig.orig is not None and huidig.orig is not huidig:
                gevonden = soort(huidig.orig)
                if gevonden is not None:
                    return gevonden
        if isinstance(huidig, sqlite3.Error):
            code = getattr(huidig, "sqlite_errorcode", None)
            if isinstance(code, int) and (code & 0xFF) in _SQLITE:
                return _SQLITE[code & 0xFF]
        code_pg = _sqlstate(huidig)
        if code_pg is not None:
            if code_pg in _SQLSTATE:
                return _SQLSTATE[code_pg]
            if code_pg[:2] in _SQLSTATE_KLASSE:
                return _SQLSTATE_KLASSE[code_pg[:2]]
        elif _is_psycopg_verbindingsfout(huidig):
            return FoutSoort.VERBINDING_WEG
        if isinstance(huidig, OSError) and huidig.errno in _ERRNO:
            return _ERRNO[huidig.errno]
        huidig = huidig.__cause__ or huidig.__context__
    return None


def laatste_reservekopie(pad: Path) -> Path | None:
    """The newest backup beside a SQLite file (`<naam>.reservekopie-<datum-tijd><ext>`)."""
    kopieen = sorted(pad.parent.glob(f"{pad.stem}.reservekopie-*{pad.suffix}"))
    kopieen = [k for k in kopieen if ".tmp" not in k.name]
    return kopieen[-1] if kopieen else None


def beschadigd_melding(waar: str, pad: Path | None) -> str:
    """What a user reads about a damaged database: writing stopped, and where the backup is."""
    kopie = laatste_reservekopie(pad) if pad is not None else None
    if kopie is not None:
        herstel = (
            "Sluit de keuzehulp en zet de nieuwste reservekopie terug (of vraag de beheerder "
            f"dat te doen). De nieuwste reservekopie is:\n{kopie}"
        )
    else:
        herstel = (
            "Er staat geen reservekopie naast. Vraag de beheerder om een kopie terug te zetten."
        )
    return (
        f"De database is beschadigd: {waar}\n\nDe keuzehulp schrijft er daarom niets meer in, "
        f"zodat er niets verloren gaat. {herstel}"
    )


def als_melding(
    fout: BaseException, waar: str | None = None, pad: Path | None = None
) -> KeuzehulpError | None:
    """The Dutch domain error for an environment fault, or None if `fout` is none.

    `waar` names the database or file in the message; `pad` is a SQLite file, to point to its
    newest backup when it is damaged. A KeuzehulpError is returned as it is.
    """
    if isinstance(fout, KeuzehulpError):
        return fout
    gevonden = soort(fout)
    if waar is None and isinstance(fout, OSError) and fout.filename is not None:
        waar = str(fout.filename)
    plek = f" {waar}" if waar else ""
    if gevonden is FoutSoort.BEZET:
        return DatabaseInGebruikFout(
            f"De database{plek} is nu in gebruik: een ander programma of een collega schrijft "
            "erin. Er is niets gewijzigd. Probeer het over een minuut opnieuw; lukt het dan nog "
            "niet, sluit dan de andere keuzehulp."
        )
    if gevonden is FoutSoort.ALLEEN_LEZEN:
        return DatabaseAlleenLezenFout(
            f"Er mag nu niet worden geschreven in{plek or ' de database'}: hij is alleen-lezen. "
            "Er is niets gewijzigd. Vraag de beheerder om schrijfrechten, of kies een andere plek."
        )
    if gevonden is FoutSoort.SCHIJF_VOL:
        return SchijfVolFout(
            f"De schijf is vol{' bij' + plek if plek else ''}. Er is niets gewijzigd: alles is "
            "zoals het was. Maak ruimte vrij (bijvoorbeeld oude downloads of reservekopieën) en "
            "probeer het opnieuw."
        )
    if gevonden is FoutSoort.BESCHADIGD:
        return DatabaseBeschadigdFout(beschadigd_melding(waar or "?", pad))
    if gevonden is FoutSoort.VERBINDING_WEG:
        return VerbindingVerbrokenFout(
            f"Geen verbinding met de database{plek}: de databaseserver is niet bereikbaar of de "
            "verbinding is verbroken. Er is niets gewijzigd. Controleer het adres en het netwerk "
            "en probeer het opnieuw; lukt het niet, vraag de beheerder of de server draait."
        )
    if gevonden is FoutSoort.SCHIJFFOUT:
        return DatabaseFout(
            f"Lezen of schrijven op de schijf is mislukt{' bij' + plek if plek else ''}: de "
            "schijf is misschien vol, het bestand te groot, of de schijf is kapot. Er is niets "
            "gewijzigd. Maak ruimte vrij en probeer het opnieuw; gebeurt het vaker, laat de "
            "schijf dan nakijken."
        )
    if gevonden is FoutSoort.GEEN_TOEGANG:
        return DatabaseFout(
            f"De keuzehulp heeft geen toegang tot{plek or ' de database of het bestand'}. "
            "Er is niets gewijzigd. Vraag de beheerder om rechten."
        )
    return None


@dataclass(slots=True)
class Toestand:
    """What the app knows about a database while it runs: where it is, and if it is damaged."""

    waar: str
    pad: Path | None
    beschadigd: bool = False
    # A damage check held back at start (migratie.open_database(controle_later=True)): run by
    # the first write at the latest (`controleer_schrijfbaar`), or earlier by a worker.
    nog_te_controleren: Callable[[], None] | None = None


_TOESTANDEN: weakref.WeakKeyDictionary[Engine, Toestand] = weakref.WeakKeyDictionary()


def toestand(engine: Engine) -> Toestand | None:
    """The state `bewaak` keeps for an engine, or None for an engine it does not watch."""
    return _TOESTANDEN.get(engine)


def bewaak(engine: Engine, waar: str, pad: Path | None) -> Toestand:
    """Turn every environment fault of `engine` into a Dutch domain error (see `als_melding`),
    and mark the database damaged on the first corruption error."""
    staat = Toestand(waar=waar, pad=pad)
    _TOESTANDEN[engine] = staat

    def _bij_fout(context: Any) -> BaseException | None:
        if context.connection is None and staat.pad is None:
            # A server that refuses the connection (login, role, database name): the opening
            # code names the reason (migratie._oorzaak), more precisely than "no connection".
            return None
        melding = als_melding(context.original_exception, staat.waar, staat.pad)
        if isinstance(melding, DatabaseBeschadigdFout):
            staat.beschadigd = True
        return melding

    event.listen(engine, "handle_error", _bij_fout)
    return staat


def controleer_schrijfbaar(engine: Engine) -> None:
    """Raise DatabaseBeschadigdFout when the database was found damaged: write nothing more.

    A damage check held back at start runs first (on this thread, once), so nothing is ever
    written to a damaged file before it was checked.
    """
    staat = _TOESTANDEN.get(engine)
    if staat is not None and (controle := staat.nog_te_controleren) is not None:
        controle()
    if staat is not None and staat.beschadigd:
        raise DatabaseBeschadigdFout(beschadigd_melding(staat.waar, staat.pad))
