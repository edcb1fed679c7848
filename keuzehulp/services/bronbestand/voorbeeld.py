"""The sample catalogue (seed/instrumenten.xlsx) that a new, empty database starts with."""

from __future__ import annotations

import logging
from pathlib import Path

import keuzehulp
from keuzehulp.model.db import Database
from keuzehulp.services.bronbestand.importeren import importeer

log = logging.getLogger(__name__)

VOORBEELD_BESTAND = "instrumenten.xlsx"
VOORBEELD_BRON = f"import: {VOORBEELD_BESTAND} (voorbeeldcatalogus)"


def voorbeeldcatalogus_pad() -> Path | None:
    """The sample workbook: keuzehulp/voorbeeld/ when installed from a wheel (setup.py puts
    it there), else seed/ next to the package (repository or editable install); None when
    neither exists."""
    pakket = Path(keuzehulp.__file__).resolve().parent
    for pad in (
        pakket / "voorbeeld" / VOORBEELD_BESTAND,
        pakket.parent / "seed" / VOORBEELD_BESTAND,
    ):
        if pad.is_file():
            return pad
    return None


def importeer_voorbeeldcatalogus(db: Database, gebruiker: str) -> None:
    """Fill a new database with the sample catalogue (a step of `standaard_stappen`)."""
    pad = voorbeeldcatalogus_pad()
    if pad is None:
        log.warning("Geen voorbeeldcatalogus gevonden; de catalogus blijft leeg.")
        return
    resultaat = importeer(
        db,
        pad,
        gebruiker,
        proefdraaien=False,
        bron=VOORBEELD_BRON,
        reden="voorbeeldcatalogus bij de eerste start",
    )
    if not resultaat.toegepast:
        log.warning(
            "Voorbeeldcatalogus niet geïmporteerd: %s",
            "; ".join(str(p) for p in resultaat.fouten),
        )
