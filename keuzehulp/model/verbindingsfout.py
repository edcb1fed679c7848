"""Why a database cannot be opened, in Dutch: SQLSTATE codes and libpq's connect-time reasons.

A connection that fails before the server answers a query carries no SQLSTATE in psycopg;
libpq's reason is only in the text (libpq's fe-connect.c, fe-secure-openssl.c and
fe-auth.c, PostgreSQL 13 to 17). Each reason a beheerder can act on gets its own cause,
with what to do; the password-free address is added by the caller.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

# PostgreSQL SQLSTATE codes (PostgreSQL manual, appendix A) a user can act on.
_SQLSTATE_OORZAAK: dict[str, str] = {
    "28P01": "inloggen bij de databaseserver is mislukt: controleer naam en wachtwoord",
    "28000": "deze gebruiker mag niet inloggen bij de databaseserver",
    "3D000": "deze database bestaat niet op de server (controleer de databasenaam in het adres)",
    "42501": "deze gebruiker heeft geen rechten op deze database",
    "53300": "de databaseserver heeft te veel verbindingen; probeer het later opnieuw",
    "57P03": "de databaseserver start op of sluit af; probeer het over een minuut opnieuw",
}

_WACHTWOORD_BESTAND = (
    "~/.pgpass (Windows: %APPDATA%\\postgresql\\pgpass.conf; zie de handleiding, 11.7)"
)

ONBEREIKBAAR = "de databaseserver is niet bereikbaar (klopt het adres, en draait de server?)"


def _tekst_oorzaak(tekst: str) -> str | None:
    """The Dutch cause for libpq's message `tekst` (as libpq wrote it), or None if unknown."""
    klein = tekst.lower()
    # TLS first: these messages also contain "connection to server … failed".
    gevonden = re.search(
        r'(?:root certificate file|could not read root certificate file) "([^"]*)"', tekst
    )
    if gevonden:
        pad = gevonden.group(1)
        if re.search(r"[\\/]\.?postgresql[\\/]root\.crt$", pad):
            # libpq's default place: no sslrootcert= in the address.
            return (
                f"het CA-certificaat ontbreekt ({pad} bestaat niet). Zet het certificaat van "
                "de organisatie in ~/.postgresql/root.crt (Windows: "
                "%APPDATA%\\postgresql\\root.crt), of zet sslrootcert=/pad/naar/ca.crt in het "
                "adres (of sslrootcert=system voor de certificaten van het systeem)"
            )
        return (
            f"het CA-certificaat {pad} uit sslrootcert= in het adres bestaat niet of kan niet "
            "worden gelezen. Zet het juiste pad in sslrootcert=, of sslrootcert=system voor "
            "de certificaten van het systeem"
        )
    gevonden = re.search(
        r'server certificate for "([^"]*)"(?: \(and \d+ other names?\))? does not match '
        r'host name "([^"]*)"',
        tekst,
    )
    if gevonden:
        return (
            f"het certificaat van de server is voor ‘{gevonden.group(1)}’, maar het adres "
            f"noemt ‘{gevonden.group(2)}’. Gebruik in het adres de servernaam uit het "
            f"certificaat: {gevonden.group(1)}"
        )
    if "server does not support ssl, but ssl was required" in klein:
        return (
            "de server heeft geen versleutelde verbinding (TLS) aan, en het adres eist die "
            "(sslmode). Laat de databasebeheerder TLS aanzetten (ssl = on), zie de "
            "handleiding, 11.5"
        )
    if "certificate verify failed" in klein:
        return (
            "het certificaat van de server is niet ondertekend door het CA-certificaat dat "
            "deze computer gebruikt (sslrootcert of ~/.postgresql/root.crt); vraag de "
            "databasebeheerder om het juiste CA-certificaat"
        )
    if "no password supplied" in klein:
        return (
            "de server vraagt een wachtwoord en er is er geen. Zet het wachtwoord in het "
            f"wachtwoordbestand {_WACHTWOORD_BESTAND}, niet in het adres"
        )
    if "password authentication failed" in klein:
        return (
            "inloggen bij de databaseserver is mislukt: de naam of het wachtwoord klopt niet. "
            f"Controleer het wachtwoord in {_WACHTWOORD_BESTAND}"
        )
    if "invalid port" in klein:
        return "het poortnummer in het adres klopt niet"
    if "permission denied for database" in klein:
        return _SQLSTATE_OORZAAK["42501"]
    if re.search(r'role "[^"]*" does not exist', klein):
        return "deze gebruiker bestaat niet op de databaseserver"
    if re.search(r'database "[^"]*" does not exist', klein):
        return _SQLSTATE_OORZAAK["3D000"]
    if (
        "connection refused" in klein
        or "could not translate host name" in klein
        or "failed to resolve host" in klein  # psycopg 3.1+ resolves names itself
        or "no such file or directory" in klein  # a Unix socket that is not there
        or ("connection" in klein and ("failed" in klein or "timeout" in klein))
    ):
        return ONBEREIKBAAR
    return None


def oorzaak(fout: BaseException) -> str:
    """The cause of a database error in Dutch, for the message that names the database.

    `fout` is a SQLAlchemyError (its DBAPI error is read) or a DBAPI error itself.
    Environment faults already arrive as Dutch errors (see `foutsoorten`); this names the
    SQLSTATE codes and libpq reasons met while connecting, and logs anything else.
    """
    orig = getattr(fout, "orig", fout) if isinstance(fout, SQLAlchemyError) else fout
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str) and sqlstate in _SQLSTATE_OORZAAK:
        return _SQLSTATE_OORZAAK[sqlstate]
    gevonden = _tekst_oorzaak(str(orig))
    if gevonden is not None:
        return gevonden
    log.warning("Database kan niet worden geopend: %r", orig)
    return "de database gaf een fout die de keuzehulp niet kent (details in het logbestand)"
