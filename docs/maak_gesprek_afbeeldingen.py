"""Make the screenshots of chapter 4 (Samen beslissen): run with the project's Python.

QT_QPA_PLATFORM=offscreen .venv/bin/python docs/maak_gesprek_afbeeldingen.py

Everything is shown as on a 1366x768 laptop, the screen of the spreekkamer.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from PIL import Image  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402, TID251

from keuzehulp.services.coachprofiel import bewaar_profiel, maak_profiel  # noqa: E402
from keuzehulp.services.gesprek import GesprekInvoer, Optie  # noqa: E402
from keuzehulp.services.opstart import open_catalogus  # noqa: E402
from keuzehulp.services.rapport.gegevens import verzamel  # noqa: E402
from keuzehulp.services.rapport.klant import schrijf_klant_pdf  # noqa: E402
from keuzehulp.services.wensen import Wens, WensKeuze  # noqa: E402
from keuzehulp.ui.app import maak_applicatie, maak_hoofdvenster  # noqa: E402
from keuzehulp.ui.gesprek.coach_dialoog import CoachProfielDialoog  # noqa: E402
from keuzehulp.ui.gesprek.lijst_dialoog import GesprekkenDialoog  # noqa: E402
from keuzehulp.ui.gesprek.paneel import (  # noqa: E402
    STAP_DOEL,
    STAP_KEUZE,
    STAP_LIJST,
    STAP_WENSEN,
)
from tests.gui_gesprek_hulp import PROFIEL, maak_instrumenten_met_feiten  # noqa: E402

UIT = REPO / "docs" / "afbeeldingen"
GEBRUIKER = "adeboer"


def bewaar(widget: QWidget, naam: str) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):  # layouts settle over a few event rounds
        app.processEvents()
    widget.grab().save(str(UIT / naam))


def main() -> None:
    app = maak_applicatie(sys.argv[:1])  # Qt's Dutch texts, as the real start
    with tempfile.TemporaryDirectory() as tmp:
        opstart = open_catalogus(f"sqlite:///{tmp}/k.sqlite", GEBRUIKER, ())
        db = opstart.database
        ids = maak_instrumenten_met_feiten(db, dt.date.today())
        venster = maak_hoofdvenster(opstart)
        venster.resize(1366, 768)  # the laptop in the spreekkamer
        venster.show()
        paneel = venster.gesprek.paneel

        # Step 1: goal and client picture.
        paneel.doel.doel_soort.setCurrentIndex(paneel.doel.doel_soort.findData("leerdoel"))
        paneel.doel.doel.setPlainText("Ik wil rustig blijven als het druk is op mijn werk.")
        for code, score in {"1": 4, "2": 7, "3": 5, "4": 8, "5": 3}.items():
            paneel.doel.scores[code].setValue(score)
        paneel.zoek_op_laagste_groepen()
        bewaar(venster, "gesprek-venster.png")
        bewaar(paneel, "gesprek-doel.png")

        # Step 2: what matters to the client.
        paneel.stappen.setCurrentIndex(STAP_WENSEN)
        paneel.wensen.zet_wensen(
            (
                WensKeuze(wens=Wens.DICHTBIJ, gewicht=2, gemeente="Tiel"),
                WensKeuze(wens=Wens.ALLEEN),
                WensKeuze(wens=Wens.KORT),
                WensKeuze(wens=Wens.GRATIS, gewicht=2),
            )
        )
        bewaar(paneel, "gesprek-wensen.png")

        # Step 3: five options, with the client's own pros and cons for two of them.
        for i in ids:
            paneel.voeg_toe(i)
        paneel.stappen.setCurrentIndex(STAP_LIJST)
        for rij, goed, minder in (
            (0, "Ik praat liever alleen met iemand.", "Elke week is best vaak."),
            (1, "Het duurt maar kort.", "Ik vind een groep spannend."),
        ):
            paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(rij))
            paneel.lijst.goed.setPlainText(goed)
            paneel.lijst.minder_goed.setPlainText(minder)
        paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(0))
        bewaar(paneel, "gesprek-korte-lijst.png")

        # The comparison: all five at once, with a choice.
        venster.tabs.setCurrentWidget(venster.gesprek.vergelijk)
        app.processEvents()
        paneel.keuze.keuze.setCurrentIndex(paneel.keuze.keuze.findData(ids[0]))
        bewaar(venster, "gesprek-vergelijken.png")
        vergelijk = venster.gesprek.vergelijk
        vergelijk.alleen_verschillen.setChecked(True)
        bewaar(venster, "gesprek-verschillen.png")
        vergelijk.alleen_verschillen.setChecked(False)
        venster.tabs.setCurrentWidget(venster.zoeken)

        # Step 4: the choice and the decision check (one doubt: advice shown).
        paneel.kies(ids[0])
        paneel.keuze.voorkeur.setPlainText(
            "Ik wil dit proberen. Met één persoon praten vind ik fijn."
        )
        paneel.keuze.onderbouwing.setPlainText("Past bij het leerdoel; de klant wil individueel.")
        paneel.keuze.stappen.setPlainText("Je gaat naar een kennismaking.\nJe belt je coach.")
        check = paneel.keuze.check
        for knop in (check.ja[0], check.nee[1], check.ja[2], check.ja[3]):
            knop.setChecked(True)
        paneel.keuze_rol.verticalScrollBar().setValue(0)
        bewaar(paneel, "gesprek-keuze.png")
        paneel.keuze_rol.ensureWidgetVisible(check, 0, 0)
        bewaar(paneel, "gesprek-keuzecheck.png")

        # The panel in the client view: steps 1, 3 and 4 side by side, in the client's words.
        venster.zoeken.zet_klantweergave(True)
        delen = []
        for stap in (STAP_DOEL, STAP_LIJST, STAP_KEUZE):
            paneel.stappen.setCurrentIndex(stap)
            paneel.keuze_rol.verticalScrollBar().setValue(0)
            bewaar(paneel, f"klant-{stap}.png")
            delen.append(UIT / f"klant-{stap}.png")
        naast_elkaar(delen, UIT / "gesprek-klantweergave-paneel.png")
        venster.zoeken.zet_klantweergave(False)

        # The coach profile, asked once before the first client PDF.
        profiel = CoachProfielDialoog(venster.context.gesprekken, venster, eerste_keer=True)
        profiel.naam.setText(PROFIEL["naam"])
        profiel.telefoon.setText(PROFIEL["telefoon"])
        profiel.email.setText(PROFIEL["email"])
        profiel.organisatie.setText(PROFIEL["organisatie"])
        profiel.show()
        bewaar(profiel, "gesprek-contactgegevens.png")
        profiel.close()
        bewaar_profiel(db, GEBRUIKER, maak_profiel(**PROFIEL))
        check.zet_teach_back(True)
        paneel.doel.referentie.setText("Z-4711")
        paneel.bewaar()
        while paneel.bewaart:  # the save runs in the background
            app.processEvents()

        for referentie, doel, keuze in (
            ("Z-4698", "Binnen een half jaar werk vinden als chauffeur.", ids[1]),
            (None, "Beter Nederlands spreken met collega's.", ids[2]),
        ):
            paneel.service.bewaar(
                GesprekInvoer(
                    client_referentie=referentie,
                    doel=doel,
                    opties=(Optie(instrument_id=keuze),),
                    keuze_id=keuze,
                ),
                "sdevries",
            )
        openen = GesprekkenDialoog(venster.context.gesprekken, venster)
        openen.show()
        bewaar(openen, "gesprek-openen.png")
        openen.close()

        pdf = Path(tmp) / "keuze.pdf"
        schrijf_klant_pdf(verzamel(db, paneel.gesprek_id or 0), pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf), f"{tmp}/pdf"],
            check=True,
        )
        for nummer in (1, 2):
            Path(f"{tmp}/pdf-{nummer}.png").replace(UIT / f"gesprek-pdf-{nummer}.png")
        venster.close()
        db.sluit()
    for png in UIT.glob("gesprek-*.png"):
        verklein(png)


def naast_elkaar(delen: list[Path], uit: Path) -> None:
    """Put the screenshots `delen` side by side in one picture (and delete the parts)."""
    beelden = [Image.open(d) for d in delen]
    geheel = Image.new("RGB", (sum(b.width for b in beelden), max(b.height for b in beelden)))
    geheel.paste((255, 255, 255), (0, 0, geheel.width, geheel.height))
    x = 0
    for beeld in beelden:
        geheel.paste(beeld, (x, 0))
        x += beeld.width
    geheel.save(uit)
    for beeld, deel in zip(beelden, delen, strict=True):
        beeld.close()
        deel.unlink()


def verklein(png: Path) -> None:
    """Keep screenshots small (< 150 KB): 64 colours are plenty for a screen."""
    with Image.open(png) as beeld:
        klein = beeld.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    klein.save(png, optimize=True)


if __name__ == "__main__":
    main()
