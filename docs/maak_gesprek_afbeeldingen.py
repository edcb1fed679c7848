"""Make the screenshots of chapter 4 (Samen beslissen): run with the project's Python.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/maak_gesprek_afbeeldingen.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402
from PySide6.QtCore import QRect  # noqa: E402, TID251
from PySide6.QtWidgets import QApplication  # noqa: E402, TID251

from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.services.rapport.gegevens import verzamel  # noqa: E402
from keuzehulp.services.rapport.klant import schrijf_klant_pdf  # noqa: E402
from keuzehulp.ui.app import maak_hoofdvenster  # noqa: E402
from tests.gesprek_hulp import maak_instrumenten  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "Anna de Boer", ())
        ids = maak_instrumenten(opstart.database)
        venster = maak_hoofdvenster(opstart)
        venster.resize(1400, 860)
        venster.show()
        paneel = venster.gesprek.paneel
        paneel.doel.doel_soort.setCurrentIndex(paneel.doel.doel_soort.findData("leerdoel"))
        paneel.doel.doel.setPlainText("Ik wil rustig blijven als het druk is op mijn werk.")
        for code, score in {"1": 4, "2": 7, "3": 5, "4": 8, "5": 3}.items():
            paneel.doel.scores[code].setValue(score)
        paneel.zoek_op_laagste_groepen()
        for i in (ids[0], ids[1], ids[3]):
            paneel.voeg_toe(i)
        app.processEvents()
        venster.grab().save(str(UIT / "gesprek-venster.png"))
        paneel.grab().save(str(UIT / "gesprek-doel.png"))
        paneel.stappen.setCurrentIndex(1)
        paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(0))
        app.processEvents()
        paneel.grab().save(str(UIT / "gesprek-korte-lijst.png"))
        venster.tabs.setCurrentWidget(venster.gesprek.vergelijk)
        venster.gesprek.dock.hide()
        app.processEvents()
        venster.gesprek.vergelijk.tabel.resizeRowsToContents()
        app.processEvents()
        scherm = venster.gesprek.vergelijk
        tabel = scherm.tabel
        hoogte = tabel.y() + tabel.horizontalHeader().height() + tabel.verticalHeader().length() + 8
        scherm.grab(QRect(0, 0, scherm.width(), hoogte)).save(str(UIT / "gesprek-vergelijken.png"))
        venster.gesprek.dock.show()
        paneel.kies(ids[0])
        paneel.keuze.onderbouwing.setPlainText("Past bij het leerdoel. De klant wil liever alleen.")
        paneel.keuze.voorkeur.setPlainText("Ik praat liever alleen met iemand.")
        paneel.keuze.stappen.setPlainText("Je coach meldt je aan.\nJe gaat naar een kennismaking.")
        app.processEvents()
        paneel.grab().save(str(UIT / "gesprek-keuze.png"))
        paneel.bewaar()
        pdf = Path(tmp) / "keuze.pdf"
        schrijf_klant_pdf(verzamel(opstart.database, paneel.gesprek_id or 0), pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), f"{tmp}/pdf"],
            check=True,
        )
        for nummer in (1, 2):
            Path(f"{tmp}/pdf-{nummer}.png").replace(UIT / f"gesprek-pdf-{nummer}.png")
        venster.close()
        opstart.database.sluit()
    for png in UIT.glob("gesprek-*.png"):
        verklein(png)


def verklein(png: Path) -> None:
    """Keep screenshots small (< 150 KB): 64 colours are plenty for a screen."""
    with Image.open(png) as beeld:
        klein = beeld.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    klein.save(png, optimize=True)


if __name__ == "__main__":
    main()
