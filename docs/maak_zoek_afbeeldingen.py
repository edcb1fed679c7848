"""Make the screenshots of chapter 3 (Zoeken met de klant): run with the project's Python.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/maak_zoek_afbeeldingen.py [MAP]

The window is as large as a maximised window on a 1366x768 laptop (the task bar and the title
bar take 72 px), with the Gesprek panel open, on the sample catalogue.
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
from PySide6.QtCore import QEvent, QRect  # noqa: E402, TID251
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget  # noqa: E402, TID251

from keuzehulp.services.opstart import open_catalogus, standaard_stappen  # noqa: E402
from keuzehulp.services.zoekvraag import ZoekVraag  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402

DOEL = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "afbeeldingen"
MAXIMAAL = (1366, 696)
VRAAG = ZoekVraag(
    routes=frozenset({"work_first"}),
    kenmerken=frozenset({"4.1", "4.2"}),
    gemeenten=frozenset({"Tiel"}),
)


def _rust(app: QApplication) -> None:
    """Let layouts, delayed relayouts and deferred deletes settle, as a real screen would."""
    for _ in range(3):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def bewaar(widget: QWidget, naam: str, vak: QRect | None = None) -> None:
    """A 64-colour PNG (pillow comes with reportlab): sharp enough, and small."""
    pad = DOEL / naam
    (widget.grab(vak) if vak is not None else widget.grab()).save(str(pad))
    with Image.open(pad) as beeld:
        klein = beeld.convert("RGB").quantize(colors=64, dither=Image.Dither.NONE)
    klein.save(pad, optimize=True)


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as map_:
        opstart = open_catalogus(f"sqlite:///{map_}/k.sqlite", "Anna de Boer", standaard_stappen())
        venster = maak_hoofdvenster(opstart)
        venster.resize(*MAXIMAAL)
        venster.show()
        scherm = venster.zoeken
        _rust(app)

        # The coach: three steps, step 3 open, chips above at least five whole cards.
        scherm.zet_zoekvraag(VRAAG)
        scherm.ga_naar_stap(2)
        _rust(app)
        bewaar(venster, "zoeken-coach.png")

        # A card opened: the details below the list; in step 2 an explanation is open.
        scherm.ga_naar_stap(1)
        boom = scherm.kenmerk_stap.boom
        scherm.kenmerk_model.wissel_uitleg(scherm.kenmerk_model.index_van("4.1"))
        boom.scrollTo(
            scherm.kenmerk_model.index_van("4.1"), QAbstractItemView.ScrollHint.PositionAtCenter
        )
        scherm.kaarten.selectRow(1)
        _rust(app)
        bewaar(venster, "zoeken-details.png")
        scherm.kenmerk_model.wissel_uitleg(scherm.kenmerk_model.index_van("4.1"))
        scherm.detail.sluiten_gevraagd.emit()

        # Nothing found: the ways out.
        scherm.zet_zoekvraag(
            VRAAG.model_copy(update={"types": frozenset({"Training"}), "duur": frozenset({"lang"})})
        )
        _rust(app)
        deel = scherm.lijst_of_niets.parentWidget()
        assert deel is not None
        hoogte = scherm.niets.mapTo(deel, scherm.niets.rect().topLeft()).y() + 190
        bewaar(deel, "zoeken-niets-gevonden.png", QRect(0, 0, deel.width(), hoogte))

        # The client: large cards, plain questions, nothing internal.
        scherm.zet_zoekvraag(VRAAG)
        scherm.zet_klantweergave(True)
        scherm.ga_naar_stap(1)
        scherm.kenmerk_model.wissel_uitleg(scherm.kenmerk_model.index_van("5.2"))
        boom.scrollTo(
            scherm.kenmerk_model.index_van("4"), QAbstractItemView.ScrollHint.PositionAtTop
        )
        _rust(app)
        bewaar(venster, "zoeken-klantweergave.png")

        # The client reads a card: the steps make way for the details beside the cards.
        scherm.kaarten.selectRow(0)
        _rust(app)
        bewaar(venster, "zoeken-klant-details.png")
        venster.close()
        opstart.database.sluit()


if __name__ == "__main__":
    main()
