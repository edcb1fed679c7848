"""Make the screenshots of the Inzicht chapter: run with the project's Python.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/maak_inzicht_afbeeldingen.py [N [MAP]]

A fresh database gets the sample catalogue and N (default 2,000) fictional gesprekken (the
same as `keuzehulp voorbeeld --gesprekken 2000`, what a new user tries); every picture is a
1366x768 window, saved in MAP (default docs/afbeeldingen); the first two pages of the PDF
export (`pdftoppm`, 80 dpi) as inzicht-pdf-1.png and inzicht-pdf-2.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication, QFileDialog, QWidget  # noqa: E402, TID251

from keuzehulp.services.inzicht.export import exporteer  # noqa: E402
from keuzehulp.services.opstart import open_catalogus, standaard_stappen  # noqa: E402
from keuzehulp.services.voorbeeldgesprekken import voeg_voorbeeldgesprekken_toe  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"
GEBRUIKER = "beheer"


def bewaar(widget: QWidget, naam: str) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(UIT / naam))


def wacht_op(venster: object, voorwaarde: object, seconden: float = 120) -> None:
    app = QApplication.instance()
    assert app is not None
    einde = time.monotonic() + seconden
    while not voorwaarde() and time.monotonic() < einde:  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.05)


def main(gesprekken: int = 2000) -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", GEBRUIKER, standaard_stappen())
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        venster.tabs.setCurrentWidget(venster.inzicht_pagina)
        scherm = venster.inzicht
        # First what a new user meets: no gesprekken yet, the notice with its button.
        wacht_op(venster, lambda: scherm.inzicht is not None and scherm.stand is not None)
        bewaar(venster, "inzicht-leeg.png")
        voeg_voorbeeldgesprekken_toe(opstart.database, gesprekken, GEBRUIKER)
        scherm.inzicht = None
        scherm.ververs()
        wacht_op(venster, lambda: scherm.inzicht is not None)
        bewaar(venster, "inzicht-gebruik.png")
        scherm.dimensie.setCurrentIndex(3)  # per gemeente
        bewaar(venster, "inzicht-gebruik-gemeente.png")
        for index, naam in ((1, "kosten"), (2, "dekking"), (3, "overlap"), (4, "onderhoud"),
                            (5, "uitkomsten")):  # fmt: skip
            scherm.tabs.setCurrentIndex(index)
            bewaar(venster, f"inzicht-{naam}.png")
        # The PDF as a manager gets it: its first two pages.
        assert scherm.inzicht is not None and scherm.stand is not None
        pdf = exporteer(scherm.inzicht, Path(tmp) / "inzicht.pdf", voorbeeld=scherm.stand.voorbeeld)
        for pagina in (1, 2):
            doel = UIT / f"inzicht-pdf-{pagina}"
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(pagina), "-l", str(pagina),
                            "-singlefile", str(pdf), str(doel)], check=True)  # fmt: skip
        scherm.gemeente.setCurrentIndex(scherm.gemeente.findData("Zaltbommel"))
        wacht_op(venster, lambda: scherm.inzicht is not None
                 and scherm.inzicht.filter.gemeente == "Zaltbommel")  # fmt: skip
        scherm.tabs.setCurrentIndex(2)
        bewaar(venster, "inzicht-dekking-zaltbommel.png")
        # An export under way: its progress in the status line, and Stoppen beside it.
        scherm.tabs.setCurrentIndex(0)
        doel = str(Path(tmp) / "inzicht.pdf")
        QFileDialog.getSaveFileName = lambda *a, **k: (doel, "")  # type: ignore[method-assign]
        scherm.export_knop.click()
        wacht_op(venster, lambda: "%)" in scherm.status.text())
        bewaar(venster, "inzicht-exporteren.png")
        scherm.stop_knop.click()
        wacht_op(venster, lambda: "Exporteren gestopt." in scherm.status.text())
        venster.close()
        opstart.database.sluit()
    del app


if __name__ == "__main__":
    if len(sys.argv) > 2:
        UIT = Path(sys.argv[2])
    main(*(int(a) for a in sys.argv[1:2]))
