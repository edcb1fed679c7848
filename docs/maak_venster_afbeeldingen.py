"""Make the screenshots of the chapter "Het venster en de hulp": run with the project's Python.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/maak_venster_afbeeldingen.py

Shown as on a 1366x768 laptop; a question box is drawn over the window it belongs to.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402, TID251

from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402
from keuzehulp.ui.onopgeslagen import TITEL  # noqa: E402
from tests.gui_gesprek_hulp import maak_instrumenten_met_feiten  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"
GEBRUIKER = "adeboer"


def rond_af() -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(5):  # layouts settle over a few event rounds
        app.processEvents()


def bewaar(widget: QWidget, naam: str) -> Path:
    rond_af()
    pad = UIT / naam
    widget.grab().save(str(pad))
    return pad


def over_elkaar(onder: QWidget, boven: QWidget, naam: str) -> None:
    """The window with a dialog in its middle, as the user sees it."""
    with tempfile.TemporaryDirectory() as tmp:
        achter = Path(tmp) / "achter.png"
        voor = Path(tmp) / "voor.png"
        rond_af()
        onder.grab().save(str(achter))
        boven.grab().save(str(voor))
        beeld = Image.open(achter).convert("RGB")
        vak = Image.open(voor).convert("RGB")
        schaduw = Image.new("RGB", (vak.width + 2, vak.height + 2), (90, 90, 90))
        x = (beeld.width - vak.width) // 2
        y = (beeld.height - vak.height) // 3
        beeld.paste(schaduw, (x - 1, y - 1))
        beeld.paste(vak, (x, y))
        beeld.save(UIT / naam)


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # with Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", GEBRUIKER, ())
        ids = maak_instrumenten_met_feiten(opstart.database, dt.date.today())
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        paneel = venster.gesprek.paneel
        paneel.doel.doel.setPlainText("Weer een vast ritme in de week")
        for i in ids[:2]:
            paneel.voeg_toe(i)
        rond_af()

        venster.close()  # unsaved work: the question comes
        rond_af()
        vak = QApplication.activeModalWidget()
        assert isinstance(vak, QMessageBox) and vak.windowTitle() == TITEL
        over_elkaar(venster, vak, "venster-bewaarvraag.png")
        vak.reject()
        rond_af()

        hulp = venster.toon_handleiding()
        hulp.resize(1366, 768)
        while not hulp.beelden_passen:  # images follow the width once resizing pauses
            time.sleep(0.05)
            rond_af()
        assert hulp.kies_hoofdstuk("Het venster op een laptop")
        bewaar(hulp, "hulp-handleiding.png")
        hulp.close()

        dialoog = venster.toon_sneltoetsen()
        dialoog.resize(680, 600)
        over_elkaar(venster, dialoog, "hulp-sneltoetsen.png")
        dialoog.close()
        paneel._bewaard_als = paneel.invoer()  # nothing to ask when the script ends
        venster.close()
        opstart.database.sluit()
    app.processEvents()


if __name__ == "__main__":
    main()
