"""Make the search screenshots for docs/handleiding.md (offscreen): zoeken-*.png."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402, TID251

from keuzehulp.services.opstart import open_catalogus, standaard_stappen  # noqa: E402
from keuzehulp.services.zoekvraag import ZoekVraag  # noqa: E402
from keuzehulp.ui.context import AppContext  # noqa: E402
from keuzehulp.ui.main_window import MainWindow  # noqa: E402

DOEL = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "afbeeldingen"


def bewaar(widget: QWidget, naam: str) -> None:
    """A 48-colour PNG (pillow comes with reportlab): sharp enough, and under 150 KB."""
    pad = DOEL / naam
    widget.grab().save(str(pad))
    with Image.open(pad) as beeld:
        klein = beeld.convert("RGB").quantize(colors=48, dither=Image.Dither.NONE)
    klein.save(pad, optimize=True)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as map_:
        opstart = open_catalogus(f"sqlite:///{map_}/k.sqlite", "beheerder", standaard_stappen())
        venster = MainWindow(AppContext(opstart.database, "beheerder"))
        venster.gesprek.dock.hide()  # the search itself; chapter 4 shows the conversation
        # At 150 % (QT_SCALE_FACTOR=1.5) a 1920x1080 laptop screen is 1280x720 in points.
        venster.resize(1280, 720 if os.environ.get("QT_SCALE_FACTOR") else 820)
        venster.show()
        scherm = venster.zoeken
        scherm.zet_zoekvraag(
            ZoekVraag(routes=frozenset({"work_first"}), kenmerken=frozenset({"4.1", "4.2"}))
        )
        scherm.stappen.setCurrentIndex(1)
        scherm.tabel.selectRow(0)
        app.processEvents()
        bewaar(venster, "zoeken-stappen.png")
        scherm.stappen.setCurrentIndex(0)
        app.processEvents()
        bewaar(venster, "zoeken-route.png")
        scherm.stappen.setCurrentIndex(1)
        scherm.zet_klantweergave(True)
        app.processEvents()
        bewaar(venster, "zoeken-klantweergave.png")
        venster.close()
        opstart.database.sluit()


if __name__ == "__main__":
    main()
