"""Make the whole-window screenshots of chapter 5 (Beheer) at 1366x768, offscreen.

.venv/bin/python docs/maak_beheer_afbeeldingen.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402

from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "Bram Smit")
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        beheer = venster.beheer
        venster.tabs.setCurrentWidget(venster.beheer_pagina)
        beheer.instrumenten.lijst.selectRow(0)
        beheer.kenmerken.boom.setCurrentIndex(beheer.kenmerken.model.index(0, 0))
        for naam, scherm in (
            ("instrumenten", beheer.instrumenten),
            ("kenmerken", beheer.kenmerken),
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
        kosten.setText("12 euro")  # type: ignore[union-attr]
        beheer.instrumenten._on_opslaan()
        app.processEvents()
        pad = UIT / "beheer-validatie.png"
        venster.grab().save(str(pad))
        verklein(pad)
        venster.close()
        opstart.database.sluit()


def verklein(png: Path) -> None:
    """Keep screenshots small (< 150 KB): 64 colours are plenty for a screen."""
    with Image.open(png) as beeld:
        klein = beeld.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    klein.save(png, optimize=True)


if __name__ == "__main__":
    main()
