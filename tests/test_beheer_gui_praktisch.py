"""The editors through qtbot: structured fields, 'uit de tekst halen', B1 hints, client labels."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument
from keuzehulp.model.db import Database
from keuzehulp.services.beheer import instrumenten, kenmerken
from keuzehulp.services.instrumentgegevens import gegevens_van
from keuzehulp.ui.beheer.beheer_tab import BeheerTab
from keuzehulp.ui.beheer.instrumenten_view import InstrumentenView
from keuzehulp.ui.context import AppContext
from tests.beheer_hulp import nieuw
from tests.conftest import TEST_GEBRUIKER
from tests.gui_beheer_hulp import geef_reden

LINKS = Qt.MouseButton.LeftButton


def _view(qtbot: QtBot, db: Database) -> InstrumentenView:
    view = InstrumentenView(AppContext(db, TEST_GEBRUIKER), True)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    # Routes, kenmerken and gemeenten arrive with the list, from a worker.
    qtbot.waitUntil(lambda: not view.laadt)
    return view


def _tekst(view: InstrumentenView, veld: str, tekst: str) -> None:
    w = view.formulier.velden[veld]
    if isinstance(w, QPlainTextEdit):
        w.setPlainText(tekst)
    else:
        assert isinstance(w, QLineEdit)
        w.setText(tekst)


def test_structured_fields_are_edited_and_saved(qtbot: QtBot, database: Database) -> None:
    iid = nieuw(database)
    view = _view(qtbot, database)
    view.open(iid)
    f = view.formulier
    assert f.duur.text() == "onbekend" and f.uren.text() == "onbekend"
    assert f.start.currentText() == "onbekend" and not f.startdata.isEnabled()
    f.duur.setValue(8)
    f.uren.setValue(2.5)
    assert f.uren.text() == "2,5 uur per week"  # Dutch decimal comma
    f.start.zet("vaste_data")
    assert f.startdata.isEnabled()
    qtbot.keyClicks(f.startdata.tekst, "11-01-2027")
    f.startdata.kalender.setDate(f.startdata.kalender.date().fromString("08-03-2027", "dd-MM-yyyy"))
    qtbot.mouseClick(f.startdata.toevoegen, LINKS)
    assert f.startdata.tekst.text() == "11-01-2027; 08-03-2027"
    f.nederlands.zet(False)
    f.groepsvorm.zet("groep")
    _tekst(view, "kosten_klant_centen", "gratis")
    qtbot.mouseClick(view.opslaan_knop, LINKS)
    geef_reden(qtbot, "gestructureerd")
    qtbot.waitUntil(lambda: not view.gewijzigd)
    g = instrumenten.open_instrument(database, iid).gegevens
    assert (g.duur_weken, g.uren_per_week, g.start_soort) == (8, 2.5, "vaste_data")
    assert g.startdata == "2027-01-11; 2027-03-08"
    assert (g.nederlands_nodig, g.groepsvorm, g.kosten_klant_centen) == (False, "groep", 0)


@pytest.mark.parametrize(
    ("veld", "waarde", "melding"),
    [
        ("startdata", "11-13-2027", "geen datum"),
        ("kosten_klant_centen", "op aanvraag", "schrijf een bedrag"),
    ],
)
def test_wrong_structured_values_are_named_next_to_the_field(
    qtbot: QtBot, database: Database, veld: str, waarde: str, melding: str
) -> None:
    view = _view(qtbot, database)
    view.open(nieuw(database))
    view.formulier.start.zet("vaste_data")
    if veld == "startdata":
        view.formulier.startdata.tekst.setText(waarde)
    else:
        _tekst(view, veld, waarde)
    qtbot.mouseClick(view.opslaan_knop, LINKS)
    fout = view.formulier.foutlabels[veld]
    assert fout.isVisible() and melding in fout.text()
    assert QApplication.activeModalWidget() is None  # no reason asked: nothing is saved


def test_doorlopend_empties_and_disables_the_start_dates(qtbot: QtBot, database: Database) -> None:
    view = _view(qtbot, database)
    view.open(nieuw(database, start_soort="vaste_data", startdata="2027-01-11"))
    f = view.formulier
    assert f.startdata.tekst.text() == "11-01-2027"
    f.start.zet("doorlopend")
    assert not f.startdata.isEnabled() and f.startdata.tekst.text() == ""
    assert f.gegevens() is not None and f.gegevens().startdata is None  # type: ignore[union-attr]


def test_uit_de_tekst_halen_fills_only_what_the_text_says_for_sure(
    qtbot: QtBot, database: Database
) -> None:
    view = _view(qtbot, database)
    view.open(nieuw(database, uren_per_week=3.0))
    f, regel = view.formulier, view.formulier.uit_tekst
    _tekst(view, "omvang_duur", "8 bijeenkomsten van 2 uur")
    assert not regel.knop.isEnabled() and "niet duidelijk genoeg" in regel.voorstel.text()
    _tekst(view, "omvang_duur", "6 weken, 1 dagdeel per week")
    _tekst(view, "beschikbaarheid", "Start elke 2 maanden")
    assert regel.knop.isEnabled()
    assert regel.voorstel.text() == ("Uit de tekst: 6 weken, 4 uur per week, start op vaste data.")
    qtbot.mouseClick(regel.knop, LINKS)
    assert f.omvang() == (6, 4.0, "vaste_data", None)
    assert not regel.knop.isEnabled() and regel.voorstel.text().endswith("Dat staat er al.")
    assert view.gewijzigd and view.opslaan_knop.isEnabled()
    # A doubtful duration leaves the known hours alone.
    _tekst(view, "omvang_duur", "2 dagdelen per week, 6 maanden met verlenging")
    _tekst(view, "beschikbaarheid", "")
    qtbot.mouseClick(regel.knop, LINKS)
    assert f.omvang() == (6, 8.0, "vaste_data", None)


def test_b1_hints_under_client_visible_texts_do_not_block_saving(
    qtbot: QtBot, database: Database
) -> None:
    iid = nieuw(database)
    view = _view(qtbot, database)
    view.open(iid)
    hint = view.formulier.b1["instroomeis"]
    assert not hint.isVisible()
    _tekst(view, "instroomeis", "Minimaal 18 jaar; VCA-diploma is een pré")
    assert hint.isVisible()
    assert (
        "‘pré’ is moeilijk voor een klant. Schrijf liever: ‘fijn als je het hebt’." in hint.text()
    )
    assert "VCA (een diploma voor veilig werken)" in hint.text()
    assert "regiehouder" not in view.formulier.b1  # internal fields get no hint
    qtbot.mouseClick(view.opslaan_knop, LINKS)
    geef_reden(qtbot, "eis")
    qtbot.waitUntil(lambda: not view.gewijzigd)
    assert instrumenten.open_instrument(database, iid).gegevens.instroomeis.endswith("pré")  # type: ignore[union-attr]
    _tekst(view, "instroomeis", "VCA (een diploma voor veilig werken) is fijn als je het hebt.")
    assert not hint.isVisible()


def test_the_form_gives_back_exactly_what_it_was_given(qtbot: QtBot, catalogus: Database) -> None:
    """Open and take every sample instrument without touching it: nothing may change."""
    view = _view(qtbot, catalogus)
    with catalogus.lezen() as s:
        alle = [gegevens_van(i) for i in s.scalars(select(Instrument))]
    verschillend: list[tuple[str, Any]] = []
    for g in alle:
        view.formulier.zet_gegevens(g)
        terug = view.formulier.gegevens()
        assert terug is not None, (g.naam, view.formulier.fouten)
        if terug != g:
            verschillend.append(
                (g.naam, {k for k in type(g).model_fields if getattr(g, k) != getattr(terug, k)})
            )
    assert verschillend == []


def test_kenmerk_editor_client_label_warns_above_six_words(
    qtbot: QtBot, database: Database
) -> None:
    tab = BeheerTab(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(tab)
    tab.resize(1366, 768)
    tab.show()
    view = tab.kenmerken
    qtbot.waitUntil(lambda: not view.laadt)  # the tree loads in the background
    view.kies("3.1.2")
    assert view.label_client.text() == "Beter omgaan met stress"
    view.label_client.setText("Leren hoe je heel goed omgaat met stress")
    assert "8 woorden (hoogstens 6)" in view.label_hint.text()
    view.label_client.setText("Beter omgaan met spanning")
    assert view.label_hint.text() == "Korte naam: 4 woorden."
    qtbot.mouseClick(view.opslaan_knop, LINKS)
    geef_reden(qtbot, "duidelijker")
    qtbot.waitUntil(
        lambda: (
            next(r for r in kenmerken.kenmerken_boom(database) if r.code == "3.1.2").label_client
            == "Beter omgaan met spanning"
        )
    )


def test_hours_read_and_type_the_dutch_way(qtbot: QtBot) -> None:
    from keuzehulp.ui.beheer.velden import getal_of_niets, uren_veld

    veld = uren_veld()
    qtbot.addWidget(veld)
    veld.setValue(2)
    assert veld.text() == "2 uur per week"
    veld.setValue(0)
    assert veld.text() == "onbekend" and getal_of_niets(veld) is None
    veld.lineEdit().selectAll()
    qtbot.keyClicks(veld.lineEdit(), "3,5")
    veld.interpretText()
    assert getal_of_niets(veld) == 3.5
