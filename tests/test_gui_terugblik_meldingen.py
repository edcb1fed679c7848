"""Terugblik errors point at their field, and the client reads them in plain words (B1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.terugblik import TerugblikService
from keuzehulp.ui.gesprek.terugblik_dialoog import TerugblikDialoog
from keuzehulp.ui.gesprek.terugblik_melding import veld_van, voor_klant
from tests.gesprek_hulp import maak_instrumenten
from tests.terugblik_hulp import maak_gesprek


def _dialoog(qtbot: QtBot, database: Database, *, klant: bool = False) -> TerugblikDialoog:
    ids = maak_instrumenten(database)
    d = TerugblikDialoog(TerugblikService(database), maak_gesprek(database, ids[0]), "anna",
                         klant=klant)  # fmt: skip
    qtbot.addWidget(d)
    d.show()
    return d


def test_fout_in_de_opmerking_van_de_coach_opent_zijn_tabblad(
    qtbot: QtBot, database: Database
) -> None:
    d = _dialoog(qtbot, database)
    d.coach.opmerking.setPlainText("Klant belde vanaf 0612345678.")
    d.delen.setCurrentWidget(d.klantdeel)  # the coach looks at the client's part
    qtbot.mouseClick(d.bewaar_knop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "telefoonnummer" in d.melding.text())
    assert d.melding.text().startswith("Opmerking van de coach:")
    assert d.delen.currentWidget() is d.coach
    assert d.focusWidget() is d.coach.opmerking
    assert TerugblikService(database).lijst(d.gesprek_id) == []  # nothing stored


def test_de_klant_leest_wat_hij_moet_aanpassen_in_gewone_woorden(
    qtbot: QtBot, database: Database
) -> None:
    d = _dialoog(qtbot, database, klant=True)
    qtbot.keyClicks(d.klantdeel.zeggen, "Bel me op 0612345678, groeten")
    qtbot.mouseClick(d.bewaar_knop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "telefoonnummer" in d.melding.text())  # after "Bezig met bewaren…"
    tekst = d.melding.text()
    assert tekst.startswith("In je tekst staat een telefoonnummer. Haal dat weg.")
    assert "klantdossier" not in tekst and "van de klant" not in tekst
    oordeel = beoordeel(tekst)
    assert oordeel.ok, oordeel.uitleg()
    assert d.focusWidget() is d.klantdeel.zeggen
    assert TerugblikService(database).lijst(d.gesprek_id) == []


@pytest.mark.parametrize(
    ("melding", "verwacht"),
    [
        ("Opmerking van de klant: hierin staat een e-mailadres. Haal het weg.",
         "een e-mailadres"),
        ("Opmerking van de klant: hierin staat een datum, bijvoorbeeld een geboortedatum. "
         "Haal die weg. X", "een datum"),
        ("Opmerking van de klant: hierin staat een nummer dat een BSN kan zijn. Haal het weg.",
         "een nummer dat op een BSN lijkt"),
        ("Opmerking van de klant: hierin staat een bankrekeningnummer (IBAN). Haal het weg.",
         "een bankrekeningnummer"),
        ("Opmerking van de klant: hierin staat misschien een naam (‘dhr. Jansen’). Schrijf "
         "‘de klant’ of ‘de begeleider’ in plaats van een naam.", "een naam: ‘dhr. Jansen’"),
    ],
)  # fmt: skip
def test_elke_privacymelding_heeft_een_klantversie(melding: str, verwacht: str) -> None:
    tekst = voor_klant(melding)
    assert tekst.startswith(f"In je tekst staat {verwacht}. Haal dat weg.")
    assert beoordeel(tekst).ok


def test_meldingen_zonder_veld_blijven_zoals_ze_zijn() -> None:
    assert veld_van("Terugblik: er is nog niets ingevuld.") is None
    assert veld_van("Cijfer van de klant: geef een cijfer van 1 tot en met 10") == (
        "klant",
        "schaal",
    )
    assert voor_klant("Iets anders ging mis.") == "Iets anders ging mis."
    lang = voor_klant("Opmerking van de klant: de tekst is te lang (2100 tekens).")
    assert lang == "Je tekst is te lang. Maak hem wat korter."
