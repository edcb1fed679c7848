"""The last resort for a bug: its details go to a log file the user can name to the beheerder."""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from pathlib import Path

import platformdirs

from keuzehulp import __version__

log = logging.getLogger(__name__)

LOGBESTAND = "keuzehulp.log"


def logmap() -> Path:
    """The user's log folder for the keuzehulp (platformdirs' user_log_dir)."""
    return Path(platformdirs.user_log_dir("keuzehulp", appauthor=False))


def installeer_logbestand(niveau: int = logging.WARNING) -> Path | None:
    """Also write warnings and errors of the running app to the log file (1 MB, 3 old ones
    kept), so that the beheerder finds them there; None when the folder cannot be made."""
    from logging.handlers import RotatingFileHandler

    pad = logmap() / LOGBESTAND
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(pad, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        log.warning("Logbestand %s kan niet worden geopend", pad)
        return None
    handler.setLevel(niveau)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return pad


def schrijf_verslag(fout: BaseException, waar: str) -> Path | None:
    """Append the time, version, `waar` (what was being done) and the traceback of `fout` to
    the log file; return its path, or None when even that cannot be written (then the details
    go to the Python log, so that nothing is silently lost)."""
    pad = logmap() / LOGBESTAND
    regels = "".join(traceback.format_exception(fout))
    kop = f"=== {dt.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}  keuzehulp {__version__}"
    try:
        pad.parent.mkdir(parents=True, exist_ok=True)
        with pad.open("a", encoding="utf-8") as f:
            f.write(f"{kop}  ({waar})\n{regels}\n")
    except OSError:
        log.error("Programmafout (%s), logbestand niet te schrijven:\n%s", waar, regels)
        return None
    return pad


def programmafout_melding(pad: Path | None) -> str:
    """The Dutch message for a bug: no details on screen, but where they are."""
    waar = (
        f"Stuur het bestand met de details naar de beheerder van de keuzehulp:\n{pad}"
        if pad is not None
        else "De details konden niet worden bewaard; meld aan de beheerder wat u deed."
    )
    return f"Er ging iets mis in de keuzehulp zelf (een programmafout). {waar}"
