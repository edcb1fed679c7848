"""Make the screenshot of the structured duration fields in the editor (chapter 5.2), offscreen.

.venv/bin/python docs/maak_praktisch_afbeeldingen.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QPlainTextEdit, QSplitter  # noqa: E402, TID251

from docs.maak_beheer_afbeeldingen import verklein  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"
INSTRUMENT = "Training weerbaarheid"


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "Bram Smit")
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        venster.tabs.setCurrentWidget(venster.beheer_pagina)
        view = venster.beheer.instrumenten
        venster.beheer.toon(view)
        model = view.lijst.model()
        while view.laadt or model.rowCount() == 0:  # the list loads in the background
            app.processEvents()
        for rij in range(model.rowCount()):
            if str(model.index(rij, 0).data()).startswith(INSTRUMENT):
                view.lijst.selectRow(rij)
        f = view.formulier
        # An edit in progress: a new text that says duration and start, and a hard word.
        for veld, tekst in (
            ("instroomeis", "Nederlands op A2-niveau; intake vooraf"),
            ("omvang_duur", "8 weken, 1 keer per week 2 uur"),
            ("beschikbaarheid", "Start in januari en september"),
        ):
            w = f.velden[veld]
            assert isinstance(w, QPlainTextEdit)
            w.setPlainText(tekst)
        splitter = view.formulier_scroll.parentWidget()
        if isinstance(splitter, QSplitter):
            splitter.setSizes([640, 40])  # the form gets all it can; the history keeps six rows
        app.processEvents()
        view.formulier_scroll.ensureWidgetVisible(f.velden["instroomeis"], 0, 10)
        view.formulier_scroll.ensureWidgetVisible(f.uit_tekst, 0, 10)
        app.processEvents()
        pad = UIT / "beheer-duur-start.png"
        venster.grab().save(str(pad))
        verklein(pad)
        venster.close()
        opstart.database.sluit()


if __name__ == "__main__":
    main()
