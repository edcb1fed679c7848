"""Exporting the catalogue as a bronbestand: read it in one session, write atomically."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL

from keuzehulp.model.bestanden import atomair_pad
from keuzehulp.model.catalogus import InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.model.errors import KeuzehulpError
from keuzehulp.services.bronbestand.basis import Basis, lees_basis
from keuzehulp.services.bronbestand.bestaand import lees_bestaand
from keuzehulp.services.bronbestand.schrijver import (
    ExportInstrument,
    Voortgang,
    schrijf_bronbestand,
)
from keuzehulp.services.bronbestand.stempel import ExportStempel, huidige_stempel


class ExportFout(KeuzehulpError):
    """The bronbestand could not be written."""


def lees_export(db: Database) -> tuple[list[ExportInstrument], Basis, ExportStempel]:
    """Every active and parked instrument, the lists, and the stamp, as plain records.

    Plain column queries (lees_bestaand), not ORM objects: for a large catalogue building the
    objects would cost a good part of the export.
    """
    with db.lezen() as session:
        stempel = huidige_stempel(session)  # first: see huidige_stempel
        instrumenten = [
            ExportInstrument(b.id, b.gegevens)
            for b in lees_bestaand(session)
            if b.status != InstrumentStatus.CONCEPT
        ]
        return instrumenten, lees_basis(session), stempel


def schrijf_atomair(
    pad: Path,
    instrumenten: list[ExportInstrument],
    basis: Basis,
    voortgang: Voortgang | None = None,
    stempel: ExportStempel | None = None,
) -> tuple[int, int]:
    """Write whole or not at all (model/bestanden.py: temporary file, fsync, rename).

    `stempel` records the export's moment and catalogue state (see stempel.py).
    """
    if pad.suffix.lower() not in (".xlsx", ".xlsm"):
        raise ExportFout(f"Kies een bestandsnaam die eindigt op .xlsx (niet ‘{pad.name}’).")
    map_ = pad.parent if str(pad.parent) else Path()
    if map_.exists() and not map_.is_dir():
        raise ExportFout(f"Kan {pad} niet schrijven: {map_} is een bestand, geen map.")
    if not map_.is_dir():
        raise ExportFout(f"De map {map_} bestaat niet.")
    try:
        with atomair_pad(pad) as tijdelijk:
            aantallen = schrijf_bronbestand(tijdelijk, instrumenten, basis, voortgang, stempel)
    except PermissionError as fout:
        if fout.filename2 is None:  # the temporary file could not be made: the folder
            raise ExportFout(
                f"In de map {map_} kan niet worden geschreven ({fout.strerror})."
            ) from None
        raise ExportFout(
            f"{pad.name} kan niet worden overschreven. Is het bestand open in Excel? "
            "Sluit het en probeer opnieuw."
        ) from None
    except OSError as fout:
        raise ExportFout(f"{pad.name} kan niet worden geschreven ({fout.strerror}).") from None
    return aantallen


def exporteer(db: Database, pad: Path, voortgang: Voortgang | None = None) -> tuple[int, int]:
    """Write the catalogue to `pad`; returns (number active, number parked)."""
    instrumenten, basis, stempel = lees_export(db)
    return schrijf_atomair(pad, instrumenten, basis, voortgang, stempel)


def exporteer_in_proces(voortgang: Voortgang, url: URL | Database, pad: Path) -> tuple[int, int]:
    """`exporteer` for a child process (keuzehulp.services.proces): opens `url` itself
    (or works on the Database given, in this process: `proces.werk`)."""
    from keuzehulp.services.proces import open_database

    with open_database(url) as db:
        return exporteer(db, pad, voortgang)
