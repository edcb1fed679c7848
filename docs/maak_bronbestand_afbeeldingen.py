"""Make the screenshot of chapter 6 (Het bronbestand): a cost that is no amount, at 1366x768.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/maak_bronbestand_afbeeldingen.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from openpyxl import load_workbook  # noqa: E402

from docs.maak_beheer_afbeeldingen import verklein  # noqa: E402
from keuzehulp.services.bronbestand.importeren import importeer  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402
from keuzehulp.ui.bronbestand.voorbeeld_dialoog import ImportVoorbeeldDialoog  # noqa: E402
from keuzehulp.ui.bronbestand.wijzigingenmodel import maak_groepen  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"
GEBRUIKER = "Bram Smit"


def _met_kosten(bron: Path, pad: Path, kosten: str) -> Path:
    """A copy of the sample bronbestand with `kosten` in the first instrument's cost cell."""
    shutil.copyfile(bron, pad)
    boek = load_workbook(pad)
    blad = boek["Instrumenten"]
    for rij in blad.iter_rows(min_row=1, max_row=10):
        for cel in rij:
            if isinstance(cel.value, str) and cel.value.strip() == "Kosten per persoon":
                blad.cell(row=cel.row + 1, column=cel.column, value=kosten)
                boek.save(pad)
                return pad
    raise SystemExit("Geen kolom Kosten per persoon in het voorbeeld")


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", GEBRUIKER)
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        pad = _met_kosten(
            REPO / "seed" / "instrumenten.xlsx", Path(tmp) / "bronbestand.xlsx", "veel geld"
        )
        resultaat = importeer(opstart.database, pad, GEBRUIKER, proefdraaien=True)
        dialoog = ImportVoorbeeldDialoog(
            venster.context, pad, resultaat, venster, maak_groepen(resultaat)
        )
        dialoog.resize(1100, 560)
        dialoog.show()
        dialoog.tabs.setCurrentWidget(dialoog.problemen)
        for _ in range(5):
            app.processEvents()
        uit = UIT / "bronbestand-kosten-waarschuwing.png"
        dialoog.grab().save(str(uit))
        verklein(uit)
        dialoog.close()
        venster.close()
        opstart.database.sluit()


if __name__ == "__main__":
    main()
