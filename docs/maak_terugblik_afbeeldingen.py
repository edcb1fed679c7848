"""Make the screenshots of chapter 8 (terugblik, opmerkingen, cijfers) at 1366x768, offscreen.

.venv/bin/python docs/maak_terugblik_afbeeldingen.py

The sample catalogue gets 40 clearly fictional gesprekken with a terugblik each, so that some
instruments show figures from terugblikken and the Opmerkingen list is not empty.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402
from sqlalchemy import select  # noqa: E402

from docs.maak_beheer_afbeeldingen import verklein  # noqa: E402
from keuzehulp.model.catalogus import Instrument, InstrumentStatus  # noqa: E402
from keuzehulp.model.db import Database  # noqa: E402
from keuzehulp.services.beheer.opmerkingen import zet_status, zoek_opmerkingen  # noqa: E402
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie  # noqa: E402
from keuzehulp.services.opstart import open_catalogus, standaard_stappen  # noqa: E402
from keuzehulp.services.terugblik import TerugblikInvoer, TerugblikService  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402
from keuzehulp.ui.gesprek.terugblik_dialoog import TerugblikDialoog  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"
COACH = [
    "Goede begeleiding, snel gestart.",
    "Wachttijd was lang: zes weken.",
    "Aanbieder belt niet terug na aanmelding.",
    "Past goed bij klanten met weinig structuur.",
    "Groep was te groot voor deze klant.",
]
KLANT = [
    "De coach luisterde goed naar mij.",
    "Ik vond het te vroeg in de ochtend.",
    "Fijn dat ik buiten kon werken.",
    "Ik heb veel geleerd over solliciteren.",
    "Het was ver reizen met de bus.",
]


def verklein_kleuren(png: Path) -> None:
    """Like `verklein`, with 256 colours: the faces keep their colour (still < 150 KB)."""
    with Image.open(png) as beeld:
        klein = beeld.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    klein.save(png, optimize=True)


def vul(db: Database) -> int:
    """40 gesprekken with a terugblik on six instruments; returns one more to look back on."""
    with db.lezen() as s:
        ids = list(
            s.scalars(
                select(Instrument.id)
                .where(Instrument.status == InstrumentStatus.ACTIEF)
                .order_by(Instrument.id)
            )
        )
    kans = random.Random(7)
    gesprekken, terugblikken = GesprekService(db), TerugblikService(db)
    for n in range(40):
        keuze = ids[n % 6]
        invoer = GesprekInvoer(
            doel="Weer een vast ritme in de week",
            opties=(Optie(instrument_id=keuze),),
            keuze_id=keuze,
        )
        g = gesprekken.bewaar(invoer, "sanne")
        status = kans.choice(["gestart", "afgerond", "afgerond", "gestopt"])
        terugblikken.voeg_toe(
            g.id,
            TerugblikInvoer(
                status=status,
                reden_stoppen="werk_gevonden" if status == "gestopt" else None,
                doel_bereikt=kans.choice(["ja", "deels", "nee"]),
                coach_totaal=kans.randint(6, 9),
                coach_resultaat=kans.randint(5, 9),
                coach_uitvoering=kans.randint(6, 10),
                client_cijfer=kans.randint(5, 10),
                coach_opmerking=COACH[n % 5] if n < 8 else None,
                client_opmerking=KLANT[n % 5] if n < 8 else None,
            ),
            "sanne",
        )
    zet_status(db, [o.id for o in zoek_opmerkingen(db)[-4:-1]], "besproken", "femke")
    invoer = GesprekInvoer(
        doel="Leren rustig te blijven als het druk is",
        opties=(Optie(instrument_id=ids[0]), Optie(instrument_id=ids[1])),
        keuze_id=ids[0],
    )
    g = gesprekken.bewaar(invoer, "sanne")
    aangemeld = TerugblikInvoer(
        status="aangemeld", coach_opmerking="Aangemeld; start over 2 weken."
    )
    terugblikken.voeg_toe(g.id, aangemeld, "sanne")
    na_vier_weken = TerugblikInvoer(
        status="gestart",
        doel_bereikt="weet_niet",
        coach_totaal=7,
        coach_resultaat=6,
        coach_uitvoering=8,
        coach_opmerking="Na 4 weken: klant komt trouw.",
        client_cijfer=8,
        client_opmerking="Ik vind het fijn dat het elke week hetzelfde is.",
    )
    terugblikken.voeg_toe(g.id, na_vier_weken, "sanne")
    return g.id


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", "femke", standaard_stappen())
        db = opstart.database
        gesprek = vul(db)
        d = TerugblikDialoog(TerugblikService(db), gesprek, "sanne")
        c = d.coach
        c.status.setCurrentIndex(c.status.findData("afgerond"))
        c.doel_knoppen["deels"].setChecked(True)
        for veld, cijfer in (("coach_totaal", 8), ("coach_resultaat", 7), ("coach_uitvoering", 9)):
            c.cijfers[veld].setValue(cijfer)
        c.opmerking.setPlainText(
            "Klant heeft nu een vast ritme. De aanbieder stuurde elke week een kort verslag."
        )
        d.resize(1366, 768)
        d.show()
        for _ in range(10):
            app.processEvents()
        for naam in ("terugblik-coach", "terugblik-naam", "terugblik-klant"):
            if naam == "terugblik-naam":  # the privacy guard refuses a name, in Dutch
                tekst = c.opmerking.toPlainText()
                c.opmerking.setPlainText(f"Jan de Vries kwam elke week. {tekst}")
                d.bewaar_knop.click()
                while not d.melding.text().startswith("Opmerking van de coach"):
                    app.processEvents()
                app.processEvents()
            if naam == "terugblik-klant":
                c.opmerking.setPlainText(tekst)
                d.melding.clear()
                d.klant_knop.setChecked(True)
                d.klantdeel.schaal.knoppen[7].click()
                d.klantdeel.schaal.knoppen[7].setFocus()
                d.klantdeel.zeggen.setPlainText(
                    "Ik ga nu elke dag op tijd naar bed. Dat had ik niet gedacht."
                )
                app.processEvents()
            pad = UIT / f"{naam}.png"
            d.grab().save(str(pad))
            verklein_kleuren(pad)  # the small faces in the list need more than 64 colours
        d.close()

        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)
        venster.show()
        app.processEvents()
        while not venster.versie_label.text():  # read off the GUI thread
            app.processEvents()
        app.processEvents()  # and the status bar laid out for it (else it showed only "C")
        pad = UIT / "zoeken-cijfers.png"
        venster.grab().save(str(pad))
        verklein(pad)
        venster.tabs.setCurrentWidget(venster.beheer_pagina)
        beheer = venster.beheer
        beheer.toon(beheer.opmerkingen)
        beheer.opmerkingen.status.setCurrentIndex(0)
        while not beheer.opmerkingen.geladen:  # the list loads off the GUI thread
            app.processEvents()
        beheer.opmerkingen.tabel.selectRow(1)
        app.processEvents()
        pad = UIT / "beheer-opmerkingen.png"
        venster.grab().save(str(pad))
        verklein(pad)
        venster.close()
        db.sluit()


if __name__ == "__main__":
    main()
