"""Make the whole-window screenshots of chapter 5 (Beheer) at 1366x768, offscreen.

.venv/bin/python docs/maak_beheer_afbeeldingen.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402

from keuzehulp.services.beheer.versies import publiceer_versie  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "Bram Smit")
        # A published version: its date in the list of versions and the mutatielog.
        publiceer_versie(opstart.database, "Bram Smit", "Eerste versie voor de werkcoaches")
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        beheer = venster.beheer
        venster.tabs.setCurrentWidget(venster.beheer_pagina)
        # The lists load in the background: an instrument with its history, not "laden…".
        instrumenten = beheer.instrumenten
        wacht_tot(app, lambda: instrumenten.model.rowCount() > 0)
        instrumenten.lijst.selectRow(0)
        wacht_tot(app, lambda: instrumenten.geschiedenis_model.rowCount() > 0)
        kenmerken = beheer.kenmerken
        wacht_tot(app, lambda: not kenmerken.laadt and kenmerken.model.rowCount() > 0)
        kenmerken.boom.setCurrentIndex(kenmerken.model.index(0, 0))
        gemeenten = beheer.gemeenten
        wacht_tot(app, lambda: not gemeenten.laadt and gemeenten.model.rowCount() > 0)
        for naam, scherm in (
            ("instrumenten", beheer.instrumenten),
            ("kenmerken", beheer.kenmerken),
            ("gemeenten", beheer.gemeenten),
            ("mutatielog", beheer.log),
            ("versies", beheer.versies),
            ("beheerders", beheer.beheerders),
            ("actualiteit", beheer.actualiteit),
        ):
            beheer.toon(scherm)
            app.processEvents()
            pad = UIT / f"beheer-{naam}.png"
            venster.grab().save(str(pad))
            verklein(pad)
        # A wrong amount: the red message next to the field (chapter 5, validation).
        beheer.toon(beheer.instrumenten)
        kosten = beheer.instrumenten.formulier.velden["kosten_centen"]
        kosten.setText("-12 euro")  # type: ignore[union-attr]  (an amount below zero)
        beheer.instrumenten._on_opslaan()
        app.processEvents()
        pad = UIT / "beheer-validatie.png"
        venster.grab().save(str(pad))
        verklein(pad)
        venster.close()
        opstart.database.sluit()


def wacht_tot(app: Any, voorwaarde: Callable[[], bool], seconden: float = 30) -> None:
    """Let the event loop run until `voorwaarde()` holds (work in the background is done)."""
    eind = time.monotonic() + seconden
    while not voorwaarde():
        if time.monotonic() > eind:
            raise SystemExit("Het scherm werd niet op tijd geladen.")
        app.processEvents()
        time.sleep(0.02)


def verklein(png: Path) -> None:
    """Keep screenshots small (< 150 KB): 64 colours are plenty for a screen."""
    with Image.open(png) as beeld:
        klein = beeld.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    klein.save(png, optimize=True)


if __name__ == "__main__":
    main()
