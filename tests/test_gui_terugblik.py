"""The Terugblik dialog (coach and client view, face scale) and the Opmerkingen list in Beheer."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.beheer.mutatielog import MutatieFilter, zoek_mutaties
from keuzehulp.services.beheer.opmerkingen import OpmerkingFilter, zoek_opmerkingen
from keuzehulp.services.diensten import Diensten
from keuzehulp.services.gesprek import GesprekInvoer, GesprekService, Optie
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.terugblik import TerugblikService
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.opmerkingen_view import ROL_RIJ, OpmerkingenView
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.gezichten import kleur
from keuzehulp.ui.gesprek.lijst_dialoog import GesprekkenDialoog
from keuzehulp.ui.gesprek.paneel import GesprekPaneel
from keuzehulp.ui.gesprek.terugblik_dialoog import TerugblikDialoog
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.gui_gesprek_hulp import bewaren_mislukt, open_gesprek
from tests.terugblik_hulp import blik_terug, maak_gesprek

KOMPASROOS = "Coaching, Praktijk De Kompasroos"


def _dialoog(qtbot: QtBot, database: Database, gesprek: int, **kw: bool) -> TerugblikDialoog:
    d = TerugblikDialoog(TerugblikService(database), gesprek, "anna", **kw)
    qtbot.addWidget(d)
    d.show()
    return d


def test_coach_and_client_fill_in_one_terugblik(qtbot: QtBot, database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    d = _dialoog(qtbot, database, gesprek)
    assert KOMPASROOS in d.kop.text() and "Nieuwe terugblik" in d.kop.text()
    coach = d.coach
    assert not coach.reden.isEnabled()
    coach.status.setCurrentIndex(coach.status.findData("gestopt"))
    assert coach.reden.isEnabled()
    coach.reden.setCurrentIndex(coach.reden.findData("werk_gevonden"))
    qtbot.mouseClick(coach.doel_knoppen["deels"], Qt.MouseButton.LeftButton)
    coach.cijfers["coach_totaal"].setValue(8)
    coach.cijfers["coach_uitvoering"].setValue(7)
    qtbot.keyClicks(coach.opmerking, "Snel gestart, goede afstemming.")
    d.delen.setCurrentWidget(d.klantdeel)
    qtbot.mouseClick(d.klantdeel.schaal.knoppen[8], Qt.MouseButton.LeftButton)  # the 9
    qtbot.keyClicks(d.klantdeel.zeggen, "Ik vond het fijn.")
    with qtbot.waitSignal(d.bewaard):
        qtbot.mouseClick(d.bewaar_knop, Qt.MouseButton.LeftButton)
    [t] = TerugblikService(database).lijst(gesprek)
    i = t.invoer
    assert (i.status, i.reden_stoppen, i.doel_bereikt) == ("gestopt", "werk_gevonden", "deels")
    assert (i.coach_totaal, i.coach_resultaat, i.coach_uitvoering) == (8, None, 7)
    assert (i.client_cijfer, i.client_opmerking) == (9, "Ik vond het fijn.")
    assert "bewaard" in d.melding.text()
    assert d.eerder.count() == 2 and d.terugblik_id == t.id  # the saved one stays chosen
    assert {o.tekst for o in zoek_opmerkingen(database)} == {
        "Snel gestart, goede afstemming.",
        "Ik vond het fijn.",
    }
    # Changing it: pick the earlier one, change the mark, save again (no second terugblik).
    coach.cijfers["coach_totaal"].setValue(6)
    with qtbot.waitSignal(d.bewaard):
        qtbot.mouseClick(d.bewaar_knop, Qt.MouseButton.LeftButton)
    [t2] = TerugblikService(database).lijst(gesprek)
    assert t2.id == t.id and t2.invoer.coach_totaal == 6
    # "Nieuwe terugblik" starts empty.
    d.eerder.setCurrentRow(0)
    assert d.coach.cijfers["coach_totaal"].value() == 0 and d.klantdeel.schaal.cijfer() is None


def test_wrong_input_gets_a_dutch_message_and_nothing_is_stored(
    qtbot: QtBot, database: Database
) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    d = _dialoog(qtbot, database, gesprek)
    assert "er is nog niets ingevuld" in bewaren_mislukt(qtbot, d)
    assert "er is nog niets ingevuld" in d.melding.text()
    d.coach.status.setCurrentIndex(d.coach.status.findData("gestopt"))
    bewaren_mislukt(qtbot, d)
    assert "kies waarom" in d.melding.text()
    d.coach.reden.setCurrentIndex(d.coach.reden.findData("verhuisd"))
    qtbot.keyClicks(d.klantdeel.zeggen, "mijn bsn is 111222333")
    bewaren_mislukt(qtbot, d)
    assert "BSN" in d.melding.text() and "Opmerking van de klant" in d.melding.text()
    assert d.isVisible() and d.bewaar_knop.isEnabled()  # still open, to put it right
    assert TerugblikService(database).lijst(gesprek) == []


def test_a_name_in_a_remark_is_refused_with_the_word_named(
    qtbot: QtBot, database: Database
) -> None:
    """Names without a cue word (issue 15): the coach sees the field and the words, the client
    a B1 sentence with the words; nothing is stored."""
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    d = _dialoog(qtbot, database, gesprek)
    d.coach.opmerking.setPlainText("Jan de Vries vond het fijn")
    bewaren_mislukt(qtbot, d)
    assert "Opmerking van de coach" in d.melding.text()
    assert "‘Jan de Vries’" in d.melding.text() and "‘de klant’" in d.melding.text()
    k = _dialoog(qtbot, database, gesprek, klant=True)
    qtbot.keyClicks(k.klantdeel.zeggen, "mevrouw jansen was aardig")
    bewaren_mislukt(qtbot, k)
    assert k.melding.text().startswith("In je tekst staat een naam: ‘mevrouw jansen’.")
    assert beoordeel(k.melding.text()).ok
    assert TerugblikService(database).lijst(gesprek) == []


def test_earlier_terugblikken_show_every_rating_at_a_glance(
    qtbot: QtBot, database: Database
) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    blik_terug(database, gesprek, status="aangemeld")
    blik_terug(database, gesprek, status="gestart", coach_resultaat=7, coach_opmerking="Loopt.")
    blik_terug(
        database, gesprek, status="gestopt", reden_stoppen="werk_gevonden", doel_bereikt="deels",
        coach_totaal=8, coach_resultaat=6, coach_uitvoering=9, coach_opmerking="Goede start.",
        client_cijfer=9, client_opmerking="Ik vond het fijn & leerzaam.",
    )  # fmt: skip
    d = _dialoog(qtbot, database, gesprek)
    kaal, half, vol = d.eerder.item(1), d.eerder.item(2), d.eerder.item(3)
    assert kaal.text().splitlines()[1] == "Coach: geen cijfers · Klant: geen cijfer"
    # No client mark: no "– · ·" (issue 15), only the marks that were given.
    assert half.text().splitlines()[1] == (
        "Coach: resultaat 7 · Klant: geen cijfer · opmerking van coach"
    )
    assert "· ·" not in half.text() and "– ·" not in half.text()
    assert "Aangemeld · doel bereikt: –" in kaal.text() and "opmerking" not in kaal.text()
    eerste, tweede = vol.text().splitlines()
    assert eerste.endswith("anna · Gestopt (Werk gevonden) · doel bereikt: deels")
    assert tweede == (
        "Coach: totaal 8, resultaat 6, uitvoering 9 · Klant: 9 · opmerking van coach en klant"
    )
    # The remarks in full in the tooltip (escaped), the client's mark as a face.
    assert "Goede start." in vol.toolTip() and "fijn &amp; leerzaam" in vol.toolTip()
    midden = vol.icon().pixmap(32, 32).toImage().pixelColor(16, 16)
    assert midden.name() == kleur(9).name()
    assert kaal.icon().pixmap(32, 32).toImage().pixelColor(16, 16).alpha() == 0  # no face
    assert "Klant: 9" in vol.data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_focus_frame_follows_a_shown_mark(qtbot: QtBot, database: Database) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    blik_terug(database, gesprek, client_cijfer=8)
    d = _dialoog(qtbot, database, gesprek, klant=True)
    schaal = d.klantdeel.schaal
    schaal.knoppen[0].setFocus()
    qtbot.waitUntil(schaal.knoppen[0].hasFocus)
    d.eerder.setCurrentRow(1)  # the earlier terugblik with an 8
    assert schaal.cijfer() == 8
    assert schaal.knoppen[7].hasFocus() and not schaal.knoppen[0].hasFocus()


def test_client_view_shows_only_the_faces_and_the_question(
    qtbot: QtBot, database: Database
) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[0])
    blik_terug(database, gesprek, coach_totaal=3, coach_opmerking="Interne notitie")
    d = _dialoog(qtbot, database, gesprek, klant=True)
    assert not d.eerder.isVisible() and not d.coach.isVisible()
    assert d.klantdeel.isVisible() and not d.delen.tabBar().isVisible()
    assert d.klantdeel.vraag.text() == f"Wat vond jij van: {KOMPASROOS}?"
    for tekst in (
        d.klantdeel.uitleg.text(),
        d.klantdeel.zeggen.accessibleName(),
        d.klantdeel.zeggen.placeholderText(),
        d.klantdeel.privacy.text(),
        "Dank je wel! Je antwoord is bewaard.",
    ):
        oordeel = beoordeel(tekst)
        assert oordeel.ok, f"{tekst}: {oordeel.uitleg()}"
    assert "Interne notitie" not in d.kop.text()
    for knop in d.klantdeel.schaal.knoppen:  # large touch targets with a name
        assert knop.width() >= 56 and knop.height() >= 76
        assert knop.accessibleName().startswith(f"Cijfer {knop.cijfer} van 10")
    # Keyboard: arrows move along the scale.
    d.klantdeel.schaal.knoppen[4].setFocus()
    qtbot.keyClick(d.klantdeel.schaal.knoppen[4], Qt.Key.Key_Right)
    assert d.klantdeel.schaal.cijfer() == 1  # nothing chosen yet: the first face
    qtbot.keyClick(d.klantdeel.schaal.knoppen[0], Qt.Key.Key_Right)
    assert d.klantdeel.schaal.cijfer() == 2
    qtbot.mouseClick(d.klantdeel.schaal.knoppen[6], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(d.bewaard):
        qtbot.mouseClick(d.bewaar_knop, Qt.MouseButton.LeftButton)
    assert d.melding.text() == "Dank je wel! Je antwoord is bewaard."
    assert not d.coach.isVisible()  # still the client view after saving
    nieuwste = TerugblikService(database).lijst(gesprek)[-1]
    assert (nieuwste.invoer.client_cijfer, nieuwste.invoer.coach_totaal) == (7, None)
    # F11 (the same toggle as in the main window) brings the coach back.
    assert d.f11.key().toString() == "F11"
    d.f11.activated.emit()
    assert d.eerder.isVisible() and d.delen.tabBar().isVisible()
    assert not d.klant_knop.isChecked()


def test_reopened_gesprek_offers_terugblik_also_in_client_view(
    qtbot: QtBot, database: Database
) -> None:
    ids = maak_instrumenten(database)
    gesprek = maak_gesprek(database, ids[1])
    zonder_keuze = GesprekService(database).bewaar(
        GesprekInvoer(opties=(Optie(instrument_id=ids[0]),)), "anna"
    )
    context = AppContext(database, "anna")
    paneel = GesprekPaneel(context)
    qtbot.addWidget(paneel)
    paneel.show()
    assert not paneel.terugblik.isEnabled()  # a new, unsaved gesprek
    open_gesprek(qtbot, paneel, zonder_keuze.id)
    assert not paneel.terugblik.isEnabled()
    open_gesprek(qtbot, paneel, gesprek)
    assert paneel.terugblik.isEnabled()
    paneel.zet_klantweergave(True)
    assert paneel.terugblik.isVisible() and not paneel.openen.isVisible()
    assert paneel.terugblik.gesprek_id == gesprek
    qtbot.mouseClick(paneel.terugblik, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TerugblikDialoog))
    d = QApplication.activeModalWidget()
    assert isinstance(d, TerugblikDialoog) and d.klant and not d.coach.isVisible()
    qtbot.mouseClick(d.klantdeel.schaal.knoppen[9], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(context.gebeurtenissen.catalogus_gewijzigd):
        qtbot.mouseClick(d.bewaar_knop, Qt.MouseButton.LeftButton)
    assert TerugblikService(database).lijst(gesprek)[0].invoer.client_cijfer == 10
    d.close()


def test_open_dialog_offers_terugblik_for_a_gesprek_with_a_choice(
    qtbot: QtBot, database: Database
) -> None:
    ids = maak_instrumenten(database)
    met = maak_gesprek(database, ids[0])
    zonder = GesprekService(database).bewaar(
        GesprekInvoer(doel="Nog kiezen", opties=(Optie(instrument_id=ids[0]),)), "anna"
    )
    lijst = GesprekkenDialoog(Diensten.voor(database, "anna").gesprekken)
    qtbot.addWidget(lijst)
    lijst.show()
    lijst.tabel.selectRow(lijst.model.rij_van(zonder.id))
    assert not lijst.terugblik.isEnabled()
    lijst.tabel.selectRow(lijst.model.rij_van(met))
    assert lijst.terugblik.isEnabled()
    d = lijst.blik_terug()
    assert isinstance(d, TerugblikDialoog) and d.gesprek_id == met
    assert d.coach.isVisible()
    d.close()


@pytest.fixture
def opmerkingen_view(qtbot: QtBot, database: Database) -> OpmerkingenView:
    ids = maak_instrumenten(database)
    for keuze, tekst in ((ids[0], "Fijne coach"), (ids[2], "Te veel huiswerk")):
        blik_terug(database, maak_gesprek(database, keuze), client_opmerking=tekst)
    view = OpmerkingenView(AppContext(database, TEST_GEBRUIKER), beheerder=True)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitUntil(lambda: view.geladen)  # the list loads off the GUI thread
    return view


def test_opmerkingen_list_filters_and_changes_status(
    qtbot: QtBot, database: Database, opmerkingen_view: OpmerkingenView
) -> None:
    view = opmerkingen_view
    assert view.status.currentData() == "nieuw"
    assert view.model.rowCount() == 2
    assert "nieuw: 2" in view.aantal.text()
    view.tabel.selectRow(0)
    assert "Te veel huiswerk" in view.volledig.toPlainText()
    assert "van de klant" in view.volledig.toPlainText()  # with when, from whom and status
    assert "status: Nieuw" in view.volledig.toPlainText()
    qtbot.mouseClick(view.status_knoppen["besproken"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.geladen)
    assert view.model.rowCount() == 1  # the filter "nieuw" no longer shows it
    assert view.aantal.text().startswith("1 opmerking op ‘besproken’ gezet.")
    assert "besproken: 1" in view.aantal.text()
    [besproken] = zoek_opmerkingen(database, OpmerkingFilter(status="besproken"))
    assert besproken.tekst == "Te veel huiswerk"
    assert besproken.status_gewijzigd_door == TEST_GEBRUIKER
    log = zoek_mutaties(database, MutatieFilter(entiteit="opmerking"))
    assert [(r.oude_waarde, r.nieuwe_waarde) for r in log] == [("nieuw", "besproken")]
    view.status.setCurrentIndex(0)  # all
    qtbot.waitUntil(lambda: view.geladen)
    assert view.model.rowCount() == 2
    tekst = [view.model.index(r, 5).data() for r in range(2)]
    assert any(t.startswith("Besproken (") and TEST_GEBRUIKER in t for t in tekst)


def test_opmerkingen_model_and_export(
    qtbot: QtBot, qtmodeltester: object, opmerkingen_view: OpmerkingenView, tmp_path: Path
) -> None:
    view = opmerkingen_view
    qtmodeltester.check(view.model)  # type: ignore[attr-defined]
    pad = tmp_path / "opmerkingen"
    view.exporteer(str(pad))
    qtbot.waitUntil(lambda: "geschreven" in view.aantal.text(), timeout=10000)
    rijen = list(load_workbook(tmp_path / "opmerkingen.xlsx").active.iter_rows(values_only=True))
    assert len(rijen) == 3 and {r[5] for r in rijen[1:]} == {"Fijne coach", "Te veel huiswerk"}


def test_a_werkcoach_can_read_but_not_change(
    qtbot: QtBot, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = maak_instrumenten(database)
    blik_terug(database, maak_gesprek(database, ids[0]), coach_opmerking="Prima")
    view = OpmerkingenView(AppContext(database, "coach_zonder_rechten"), beheerder=False)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.geladen)
    view.tabel.selectRow(0)
    assert view.model.rowCount() == 1
    assert not any(k.isEnabled() for k in view.status_knoppen.values())
    meldingen: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, tekst: meldingen.append(tekst))
    assert view.zet_status("verwerkt")  # started in a worker: the service refuses it too
    qtbot.waitUntil(lambda: view.geladen and bool(meldingen))
    assert "geen beheerder" in meldingen[0]
    assert view.model.index(0, 0).data(ROL_RIJ).status == "nieuw"  # nothing changed


def test_beheer_tab_has_the_opmerkingen_tab(qtbot: QtBot, database: Database) -> None:
    tab = BeheerTab(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(tab)
    titels = [tab.tabs.tabText(i) for i in range(tab.tabs.count())]
    assert "&Opmerkingen" in titels
    opmerkingen = tab.opmerkingen  # built on first use, in its own tab
    assert tab.tabs.widget(titels.index("&Opmerkingen")) is opmerkingen
