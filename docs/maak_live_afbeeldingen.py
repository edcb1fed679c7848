"""Make the screenshot of "Als de catalogus verandert": run with the project's Python.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/maak_live_afbeeldingen.py

A coach's window (1366x768) with a search and a shortlist; a beheerder's app on the same
catalogue parks one of the shortlisted instruments; the window refreshes by itself.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


from keuzehulp.services.beheer import instrumenten  # noqa: E402
from keuzehulp.services.opstart import open_catalogus, standaard_stappen  # noqa: E402
from keuzehulp.services.zoekvraag import ZoekVraag  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402
from keuzehulp.ui.gesprek.paneel import STAP_LIJST  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"
GEBRUIKER = "adeboer"


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/k.sqlite"
        opstart = open_catalogus(url, GEBRUIKER, standaard_stappen())
        beheerder = open_catalogus(url, GEBRUIKER, ()).database  # another app, same file
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        zoeken, paneel = venster.zoeken, venster.gesprek.paneel
        zoeken.zet_zoekvraag(ZoekVraag(routes=frozenset({"work_first"})))
        model = zoeken.resultaten_model
        ids = [model.treffer(r).id for r in range(min(3, model.aantal))]
        for instrument_id in ids:
            zoeken.korte_lijst_gevraagd.emit(instrument_id)
        paneel.stappen.setCurrentIndex(STAP_LIJST)
        bewerking = instrumenten.open_instrument(beheerder, ids[1])
        instrumenten.parkeer(
            beheerder, GEBRUIKER, ids[1], bewerking.versie, "Aanbieder stopt tijdelijk"
        )
        einde = time.monotonic() + 20
        while time.monotonic() < einde and (venster.volger.aantal_bijgewerkt == 0 or zoeken.laadt):
            app.processEvents()
            time.sleep(0.01)
        for _ in range(5):
            app.processEvents()
        venster.grab().save(str(UIT / "live-bijgewerkt.png"))
        venster.volger.stop()
        venster.close()
        beheerder.sluit()
        opstart.database.sluit()


if __name__ == "__main__":
    main()
