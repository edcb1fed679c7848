"""Make the search screenshots for docs/handleiding.md (offscreen): zoeken-*.png."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication  # noqa: E402, TID251

from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.services.zoekvraag import ZoekVraag  # noqa: E402
from keuzehulp.ui.context import AppContext  # noqa: E402
from keuzehulp.ui.main_window import MainWindow  # noqa: E402
from tests.catalogusgenerator import voorbeeld_gegevens, vul_catalogus  # noqa: E402

DOEL = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "afbeeldingen"


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as map_:
        opstart = open_catalogus(f"sqlite:///{map_}/k.sqlite", "beheerder", ())
        vul_catalogus(opstart.database, voorbeeld_gegevens())
        venster = MainWindow(AppContext(opstart.database, "beheerder"))
        venster.resize(1280, 820)
        venster.show()
        scherm = venster.zoeken
        scherm.zet_zoekvraag(
            ZoekVraag(routes=frozenset({"work_first"}), kenmerken=frozenset({"4.1", "4.2"}))
        )
        scherm.stappen.setCurrentIndex(1)
        scherm.tabel.selectRow(0)
        app.processEvents()
        venster.grab().save(str(DOEL / "zoeken-stappen.png"))
        scherm.stappen.setCurrentIndex(0)
        app.processEvents()
        venster.grab().save(str(DOEL / "zoeken-route.png"))
        scherm.stappen.setCurrentIndex(1)
        scherm.zet_klantweergave(True)
        app.processEvents()
        venster.grab().save(str(DOEL / "zoeken-klantweergave.png"))
        venster.close()
        opstart.database.sluit()


if __name__ == "__main__":
    main()
