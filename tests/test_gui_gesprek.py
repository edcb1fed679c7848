"""The conversation in the window: goal, client picture, shortlist, comparison, choice, PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from keuzehulp.model.catalogus import Instrument, InstrumentStatus
from keuzehulp.model.db import Database
from keuzehulp.services.gesprek import GesprekService
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.services.opstart import open_catalogus
from keuzehulp.services.zoekvraag import ZoekVraag
from keuzehulp.ui.app import maak_hoofdvenster
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek.modellen import KorteLijstModel, VergelijkModel
from keuzehulp.ui.gesprek.paneel import STAP_KEUZE, STAP_LIJST, GesprekPaneel
from keuzehulp.ui.gesprek.vergelijk_scherm import UITLEG, VergelijkScherm
from tests.conftest import TEST_GEBRUIKER
from tests.gesprek_hulp import maak_instrumenten
from tests.gui_bewaarvraag_hulp import beantwoord_bewaarvraag
from tests.gui_gesprek_hulp import (
    bewaar_als,
    bewaar_gesprek,
    bewaren_mislukt,
    maak_instrumenten_met_feiten,
    open_gesprek,
    zet_profiel,
)


@pytest.fixture
def paneel(qtbot: QtBot, database: Database) -> GesprekPaneel:
    zet_profiel(database, "Anna de Boer")
    scherm = GesprekPaneel(AppContext(database, "Anna de Boer"))
    qtbot.addWidget(scherm)
    return scherm


def _bewaar_pad(monkeypatch: pytest.MonkeyPatch, pad: Path, *, openen: bool = False) -> list[str]:
    return bewaar_als(monkeypatch, pad, openen=openen)["ja_nee"]


def test_from_ids_to_choice_to_client_pdf(
    qtbot: QtBot,
    paneel: GesprekPaneel,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = maak_instrumenten(database)
    paneel.show()
    qtbot.keyClicks(paneel.doel.doel, "Weer een vast ritme in mijn week")
    paneel.doel.doel_soort.setCurrentIndex(paneel.doel.doel_soort.findData("prestatiedoel"))
    paneel.doel.scores["3"].setValue(3)
    paneel.doel.scores["1"].setValue(7)
    qtbot.mouseClick(paneel.doel.zoek_laagste, Qt.MouseButton.LeftButton)
    assert paneel.zoekvraag().kenmerken == frozenset({"3"})
    assert "Belemmeringen & Mogelijkheden" in paneel.melding.text()
    paneel.doel.scores["5"].setValue(3)
    assert paneel.laagste_groepen() == ["3", "5"]

    for i in (ids[3], ids[0], ids[1]):
        assert paneel.voeg_toe(i)
    assert not paneel.voeg_toe(ids[0])
    assert "staat al op de korte lijst" in paneel.melding.text()
    assert paneel.korte_lijst.rowCount() == 3
    assert paneel.vergelijking.columnCount() == 3

    paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(2))
    qtbot.mouseClick(paneel.lijst.verwijder, Qt.MouseButton.LeftButton)
    assert paneel.korte_lijst.ids() == [ids[3], ids[0]]
    paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(0))
    qtbot.keyClicks(paneel.lijst.notitie, "dichtbij huis")
    qtbot.keyClicks(paneel.lijst.goed, "Ik ben graag buiten")

    paneel.kies(ids[3])
    assert paneel.stappen.currentIndex() == STAP_KEUZE
    qtbot.keyClicks(paneel.keuze.onderbouwing, "Ritme en buiten werken")
    qtbot.keyClicks(paneel.keuze.voorkeur, "Ik ben graag buiten")
    qtbot.keyClicks(paneel.keuze.stappen, "Je coach meldt je aan.")

    pad = tmp_path / "keuze"
    gevraagd = _bewaar_pad(monkeypatch, pad)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000) as klaar:
        qtbot.mouseClick(paneel.keuze.klant_pdf, Qt.MouseButton.LeftButton)
    assert klaar.args == [str(tmp_path / "keuze.pdf")]
    assert gevraagd and "Wilt u hem nu openen?" in gevraagd[0]
    assert paneel.keuze.klant_pdf.isEnabled()
    tekst = " ".join(
        " ".join(p.extract_text().split())
        for p in PdfReader(io.BytesIO((tmp_path / "keuze.pdf").read_bytes())).pages
    )
    assert "Weer een vast ritme in mijn week" in tekst
    assert "Jouw keuze: Activering Groen aan de slag, Stichting Uiterwaard" in tekst
    assert "Coaching, Praktijk De Kompasroos" in tekst
    assert "Ik ben graag buiten" in tekst

    opgeslagen = GesprekService(database).lees(paneel.gesprek_id or 0).invoer
    assert opgeslagen.keuze_id == ids[3]
    assert opgeslagen.scores == {"1": 7, "3": 3, "5": 3}
    assert opgeslagen.opties[0].notitie == "dichtbij huis"
    assert opgeslagen.opties[0].goed == "Ik ben graag buiten"
    assert opgeslagen.teach_back is True  # the prompt before printing was answered "Gedaan"


def test_shortlist_stops_at_five_and_pdf_needs_one(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten(database)
    paneel.maak_klant_pdf()
    assert "minstens één optie" in paneel.melding.text()
    assert paneel.stappen.currentIndex() == STAP_LIJST
    assert GesprekService(database).aantal() == 0
    assert paneel.voeg_toe(ids[0])
    assert "Kies deze, of zet er meer op" in paneel.lijst.status.text()
    assert paneel.lijst.vergelijk.isEnabled()  # one option can be looked at in the grid too
    for i in ids[1:]:
        assert paneel.voeg_toe(i)
    assert paneel.korte_lijst.rowCount() == 5
    assert not paneel.voeg_toe(ids[0] + 1000)
    assert "De korte lijst is vol" in paneel.melding.text()


def test_bsn_in_goal_is_refused_with_explanation(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    maak_instrumenten(database)
    qtbot.keyClicks(paneel.doel.doel, "Klant met bsn 111222333")
    assert "BSN" in bewaren_mislukt(qtbot, paneel)
    assert "BSN" in paneel.melding.text() and "geen klantdossier" in paneel.melding.text()
    assert GesprekService(database).aantal() == 0


def test_reopen_change_and_print_again(
    qtbot: QtBot,
    paneel: GesprekPaneel,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = maak_instrumenten(database)
    for i in ids[:3]:
        paneel.voeg_toe(i)
    qtbot.keyClicks(paneel.doel.referentie, "Z-4711")
    qtbot.keyClicks(paneel.doel.doel, "Eerste doel")
    nummer = bewaar_gesprek(qtbot, paneel)
    assert nummer == paneel.gesprek_id
    paneel.nieuw_gesprek()
    assert paneel.korte_lijst.rowCount() == 0 and paneel.doel.doel.toPlainText() == ""

    from keuzehulp.ui.gesprek import lijst_dialoog

    def kies_als_geladen(dialoog: lijst_dialoog.GesprekkenDialoog) -> int:
        qtbot.waitUntil(lambda: not dialoog.laadt)  # the list searches in the background
        return 1

    monkeypatch.setattr(lijst_dialoog.GesprekkenDialoog, "exec", kies_als_geladen)
    with qtbot.waitSignal(paneel.geopend):  # read in the background
        paneel.kies_gesprek()
    assert paneel.gesprek_id == nummer
    assert paneel.doel.referentie.text() == "Z-4711"
    assert paneel.korte_lijst.ids() == ids[:3]
    paneel.doel.doel.setPlainText("Gewijzigd doel")
    paneel.kies(ids[2])
    pad = tmp_path / "opnieuw.pdf"
    _bewaar_pad(monkeypatch, pad)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        paneel.maak_klant_pdf()
    assert GesprekService(database).aantal() == 1
    assert GesprekService(database).lees(nummer or 0).invoer.doel == "Gewijzigd doel"
    tekst = "".join(p.extract_text() for p in PdfReader(pad).pages)
    assert "Gewijzigd doel" in tekst and "Z-4711" not in tekst


def test_copy_summary_and_professional_pdf(
    qtbot: QtBot,
    paneel: GesprekPaneel,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = maak_instrumenten(database)
    for i in ids[:2]:
        paneel.voeg_toe(i)
    qtbot.keyClicks(paneel.doel.referentie, "Z-4711")
    QApplication.clipboard().clear()
    qtbot.mouseClick(paneel.keuze.kopieer, Qt.MouseButton.LeftButton)
    assert not paneel.keuze.kopieer.isEnabled()  # saved and read in the background
    qtbot.waitUntil(lambda: bool(QApplication.clipboard().text()), timeout=10000)
    assert paneel.keuze.kopieer.isEnabled() and paneel.gesprek_id is not None
    klembord = QApplication.clipboard().text()
    assert klembord.startswith("Samenvatting keuzegesprek")
    assert "Klantreferentie: Z-4711" in klembord
    pad = tmp_path / "dossier.pdf"
    gevraagd = _bewaar_pad(monkeypatch, pad)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        qtbot.mouseClick(paneel.keuze.prof_pdf, Qt.MouseButton.LeftButton)
    assert not gevraagd  # only the client PDF offers to open it
    assert "Korte lijst" in "".join(p.extract_text() for p in PdfReader(pad).pages)


def test_pdf_to_a_missing_folder_reports_in_dutch(
    qtbot: QtBot,
    paneel: GesprekPaneel,
    database: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = maak_instrumenten(database)
    for i in ids[:2]:
        paneel.voeg_toe(i)
    _bewaar_pad(monkeypatch, tmp_path / "nergens" / "x.pdf")
    with qtbot.waitSignal(paneel.pdf_mislukt, timeout=10000) as mislukt:
        paneel.maak_klant_pdf()
    assert "bestaat niet" in mislukt.args[0]
    assert "bestaat niet" in paneel.melding.text()


def test_client_view_hides_the_coach_fields_and_jargon(paneel: GesprekPaneel, qtbot: QtBot) -> None:
    paneel.show()
    assert paneel.doel.referentie.isVisible()
    paneel.zet_klantweergave(True)
    assert not paneel.doel.referentie.isVisible()
    assert paneel.keuze.kopieer.isHidden() and paneel.keuze.prof_pdf.isHidden()
    # The client picture names the kenmerk groups ("Menselijk kapitaal"): jargon.
    assert paneel.doel.beeld.isHidden()
    assert paneel.lijst.notitie.isHidden() and paneel.keuze.onderbouwing.isHidden()
    assert not paneel.lijst.goed.isHidden()  # the client's own words stay
    # Other clients' conversations are never one click away on the client's screen.
    assert paneel.openen.isHidden() and paneel.nieuw.isHidden()
    paneel.kies_gesprek()  # the menu's Ctrl+O: refused with a message, no dialog
    assert "klantweergave uit" in paneel.melding.text()
    # The goal form stays at the top of its step instead of being spread over the height.
    paneel.resize(420, 700)
    qtbot.wait(10)
    assert paneel.doel.doel.geometry().top() - paneel.doel.doel_soort.geometry().bottom() < 30
    paneel.zet_klantweergave(False)
    assert paneel.doel.referentie.isVisible()
    assert not paneel.keuze.kopieer.isHidden() and not paneel.doel.beeld.isHidden()


def _zichtbare_teksten(paneel: GesprekPaneel) -> list[str]:
    """Every text on the panel's steps a reader sees: labels, buttons, hints, combo items."""
    teksten: list[str] = []
    for stap in (paneel.doel, paneel.lijst, paneel.keuze):
        for widget in stap.findChildren(QWidget):
            if widget.isHidden() or not widget.isVisibleTo(stap):
                continue
            if isinstance(widget, QLabel | QAbstractButton):
                teksten.append(widget.text())
            if isinstance(widget, QPlainTextEdit | QLineEdit):
                teksten.append(widget.placeholderText())
            if isinstance(widget, QComboBox) and widget is not paneel.keuze.keuze:
                teksten += [widget.itemText(i) for i in range(widget.count())]
    return [t.replace("&", "") for t in teksten if t.strip()]


def test_client_view_speaks_to_the_client_in_b1(paneel: GesprekPaneel, database: Database) -> None:
    paneel.show()
    paneel.voeg_toe(maak_instrumenten(database)[0])  # an option without wishes: a hint shows
    paneel.lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(0))
    for stap in range(paneel.stappen.count()):
        paneel.stappen.setCurrentIndex(stap)  # every step's widgets count, also hidden tabs
    coach = _zichtbare_teksten(paneel)
    assert any("Soort doel" in t for t in coach)  # the coach's own words outside the view
    paneel.zet_klantweergave(True)
    klant = _zichtbare_teksten(paneel)
    assert "Wat is je doel?" in klant and "Iets leren" in klant
    assert "Kies bij stap 2 wat je belangrijk vindt. Dan zie je hier of het past." in klant
    for tekst in klant:
        assert "klant" not in tekst.casefold(), tekst  # spoken to, not about
        assert "Soort doel" not in tekst and "doel:" not in tekst.casefold(), tekst
        assert beoordeel(tekst).ok, f"{tekst!r}: {beoordeel(tekst).uitleg()}"
    paneel.zet_klantweergave(False)
    assert _zichtbare_teksten(paneel) == coach
    assert paneel.doel.doel_soort.currentData() == ""  # the items keep their codes


def test_models_pass_the_model_tester(
    qtmodeltester: object, database: Database, paneel: GesprekPaneel
) -> None:
    ids = maak_instrumenten(database)
    for i in ids[:4]:
        paneel.voeg_toe(i)
    assert isinstance(paneel.korte_lijst, KorteLijstModel)
    assert isinstance(paneel.vergelijking, VergelijkModel)
    qtmodeltester.check(paneel.korte_lijst)  # type: ignore[attr-defined]
    qtmodeltester.check(paneel.vergelijking)  # type: ignore[attr-defined]
    assert paneel.korte_lijst.verplaats(0, 2)
    assert paneel.korte_lijst.ids() == [ids[1], ids[2], ids[0], ids[3]]


def test_comparison_screen_texts_are_b1_and_header_click_chooses(
    qtbot: QtBot, database: Database, paneel: GesprekPaneel
) -> None:
    ids = maak_instrumenten_met_feiten(database)
    scherm = VergelijkScherm(paneel.vergelijking)
    qtbot.addWidget(scherm)
    scherm.keuze_gevraagd.connect(paneel.kies)
    for i in ids[:3]:
        paneel.voeg_toe(i)
    model = paneel.vergelijking
    assert (
        model.headerData(1, Qt.Orientation.Horizontal)
        == "Training sollicitatievaardigheden\nWerkzaak team Werk"
    )
    kosten = model.index([r.sleutel for r in model.rijen].index("kosten"), 1).data()
    assert kosten == "Het kost je niets."
    teksten = [UITLEG, scherm.uitleg.text()]
    for rij in range(model.rowCount()):
        teksten.append(model.headerData(rij, Qt.Orientation.Vertical))
        teksten += [model.index(rij, k).data() for k in range(model.columnCount())]
    for tekst in teksten:
        assert beoordeel(tekst).ok, f"{tekst!r}: {beoordeel(tekst).uitleg()}"
    scherm.tabel.horizontalHeader().sectionClicked.emit(1)
    assert paneel.keuze.keuze.currentData() == ids[1]


def test_main_window_has_dock_and_comparison_tab(qtbot: QtBot, db_url: str) -> None:
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    venster.show()
    qtbot.waitExposed(venster)
    assert venster.tabs.currentIndex() == 0  # the search stays the opening screen
    assert venster.tabs.tabText(1) == "Ver&gelijken"
    assert venster.gesprek.dock.isVisible()
    # The coach profile has its own menu item (and is asked before the first client PDF).
    profiel = venster.gesprek.acties["profiel"]
    assert profiel in venster.menu_bestand.actions()
    assert profiel.text() == "Mijn &contactgegevens…"
    ids = maak_instrumenten(opstart.database)
    venster.gesprek.dock.hide()
    venster.gesprek.paneel.voeg_toe(ids[0])
    assert venster.gesprek.dock.isVisible()
    venster.gesprek.paneel.voeg_toe(ids[1])
    qtbot.mouseClick(venster.gesprek.paneel.lijst.vergelijk, Qt.MouseButton.LeftButton)
    assert venster.tabs.currentWidget() is venster.gesprek.vergelijk
    # The comparison gets the full width; choosing brings the panel back for the check.
    qtbot.waitUntil(lambda: not venster.gesprek.dock.isVisible())
    venster.gesprek.vergelijk.tabel.horizontalHeader().sectionClicked.emit(1)
    assert venster.gesprek.dock.isVisible()
    assert venster.gesprek.paneel.stappen.currentIndex() == STAP_KEUZE
    venster.close()
    opstart.database.sluit()


def test_unsaved_work_is_not_thrown_away_without_asking(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten(database)
    assert not paneel.heeft_wijzigingen()
    paneel.voeg_toe(ids[0])
    paneel.nieuw_gesprek()
    assert beantwoord_bewaarvraag(qtbot, "Annuleren").startswith("Het nieuwe gesprek")
    assert paneel.korte_lijst.ids() == [ids[0]]
    bewaar_gesprek(qtbot, paneel)
    paneel.nieuw_gesprek()  # nothing unsaved: no question
    assert paneel.korte_lijst.rowCount() == 0


def test_enter_in_a_comparison_column_chooses_it(
    qtbot: QtBot, database: Database, paneel: GesprekPaneel
) -> None:
    ids = maak_instrumenten(database)
    scherm = VergelijkScherm(paneel.vergelijking)
    qtbot.addWidget(scherm)
    scherm.keuze_gevraagd.connect(paneel.kies)
    for i in ids[:3]:
        paneel.voeg_toe(i)
    scherm.show()
    qtbot.waitExposed(scherm)
    scherm.tabel.setFocus()
    scherm.tabel.setCurrentIndex(paneel.vergelijking.index(2, 2))
    with qtbot.waitSignal(scherm.keuze_gevraagd) as gekozen:
        qtbot.keyClick(scherm.tabel, Qt.Key.Key_Return)
    assert gekozen.args == [ids[2]]
    assert paneel.keuze.keuze.currentData() == ids[2]


def test_search_screen_contract_in_the_main_window(
    qtbot: QtBot, catalogus: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Route and kenmerken in the search screen, shortlist from its signal, choice, PDF, reopen."""
    from keuzehulp.ui.main_window import MainWindow

    zet_profiel(catalogus, TEST_GEBRUIKER)
    venster = MainWindow(AppContext(catalogus, TEST_GEBRUIKER))
    qtbot.addWidget(venster)
    zoeken, paneel = venster.zoeken, venster.gesprek.paneel
    with catalogus.lezen() as session:
        ids = list(
            session.scalars(
                select(Instrument.id)
                .where(Instrument.status == InstrumentStatus.ACTIEF)
                .order_by(Instrument.id)
                .limit(3)
            )
        )
    vraag = ZoekVraag(routes=frozenset({"life_first"}), kenmerken=frozenset({"3.1.6"}))
    zoeken.zet_zoekvraag(vraag)  # the coach chose route and kenmerk in the search screen
    for i in ids:
        zoeken.korte_lijst_gevraagd.emit(i)  # one click in the results
    assert paneel.korte_lijst.ids() == ids
    paneel.kies(ids[1])
    _bewaar_pad(monkeypatch, tmp_path / "k.pdf")
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        paneel.maak_klant_pdf()
    nummer = paneel.gesprek_id
    assert GesprekService(catalogus).lees(nummer or 0).invoer.zoekvraag == vraag

    paneel.nieuw_gesprek()
    zoeken.zet_zoekvraag(ZoekVraag())
    open_gesprek(qtbot, paneel, nummer or 0)
    assert zoeken.zoekvraag() == vraag  # the search is reopened as it was

    paneel.doel.scores["2"].setValue(2)
    paneel.zoek_op_laagste_groepen()
    assert zoeken.zoekvraag().kenmerken == frozenset({"2"})
    assert zoeken.zoekvraag().routes == frozenset({"life_first"})

    zoeken.zet_klantweergave(True)
    assert paneel.doel.referentie.isHidden()
    zoeken.zet_klantweergave(False)
    assert not paneel.doel.referentie.isHidden()
    venster.close()


def test_shortlist_follows_catalogue_changes(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    from keuzehulp.model.mutatielog import MutatieContext

    ids = maak_instrumenten(database)
    paneel.voeg_toe(ids[0])
    paneel.korte_lijst.zet_notitie(ids[0], "dichtbij")
    with database.wijzigen(MutatieContext(TEST_GEBRUIKER, "editor")) as session:
        instrument = session.get(Instrument, ids[0])
        assert instrument is not None
        instrument.naam = "Coaching, Praktijk De Nieuwe Roos"
    paneel.context.gebeurtenissen.catalogus_gewijzigd.emit()
    # Read again in the background (issue 13): the window does not wait for the database.
    qtbot.waitUntil(
        lambda: paneel.korte_lijst.index(0).data() == "1. Coaching, Praktijk De Nieuwe Roos"
    )
    assert paneel.korte_lijst.notitie(ids[0]) == "dichtbij"
    assert paneel.vergelijking.headerData(0, Qt.Orientation.Horizontal).startswith("Coaching\n")


def test_route_to_shortlist_to_choice_to_pdf_through_the_search_screen(
    qtbot: QtBot, catalogus: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole conversation with the real search screen and the sample catalogue."""
    from keuzehulp.ui.main_window import MainWindow

    zet_profiel(catalogus, "Anna de Boer")
    venster = MainWindow(AppContext(catalogus, "Anna de Boer"))
    qtbot.addWidget(venster)
    venster.show()
    qtbot.waitExposed(venster)
    zoeken, paneel = venster.zoeken, venster.gesprek.paneel
    qtbot.keyClicks(paneel.doel.doel, "Binnen een half jaar werk vinden")

    # Step 2 of the protocol: the route, then a kenmerk, in the search screen.
    werk = zoeken.route_stap.vakjes["work_first"]
    qtbot.mouseClick(werk, Qt.MouseButton.LeftButton, pos=QPoint(8, werk.height() // 2))
    boom = zoeken.kenmerk_stap.boom
    boom.setFocus()
    boom.setCurrentIndex(zoeken.kenmerk_model.index_van("4.1"))
    qtbot.keyClick(boom, Qt.Key.Key_Space)
    assert zoeken.zoekvraag().routes == {"work_first"}
    assert zoeken.zoekvraag().kenmerken == {"4.1"}
    resultaten = zoeken.resultaten_model
    assert resultaten.rowCount() >= 3

    # One click per result puts it on the shortlist.
    gekozen = []
    for rij in range(3):
        zoeken.tabel.selectRow(rij)
        gekozen.append(resultaten.treffer(rij).id)
        qtbot.mouseClick(zoeken.knop_korte_lijst, Qt.MouseButton.LeftButton)
    assert paneel.korte_lijst.ids() == gekozen

    # Compare side by side and choose the second by clicking its name.
    qtbot.mouseClick(paneel.lijst.vergelijk, Qt.MouseButton.LeftButton)
    assert venster.tabs.currentWidget() is venster.gesprek.vergelijk
    venster.gesprek.vergelijk.tabel.horizontalHeader().sectionClicked.emit(1)
    assert paneel.keuze.keuze.currentData() == gekozen[1]
    qtbot.keyClicks(paneel.keuze.voorkeur, "Deze past bij mij")

    pad = tmp_path / "keuze.pdf"
    _bewaar_pad(monkeypatch, pad)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        qtbot.mouseClick(paneel.keuze.klant_pdf, Qt.MouseButton.LeftButton)
    tekst = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pad).pages)
    naam = resultaten.treffer(1).instrument.naam
    assert f"Jouw keuze: {naam}" in tekst
    assert "Binnen een half jaar werk vinden" in tekst
    assert "Je zoekt meteen werk" in tekst  # the route, in client words
    opgeslagen = GesprekService(catalogus).lees(paneel.gesprek_id or 0).invoer
    assert opgeslagen.zoekvraag == zoeken.zoekvraag()
    assert opgeslagen.keuze_id == gekozen[1]
    venster.close()


def test_print_buttons_of_the_choice_step_are_in_sight_on_a_laptop(
    qtbot: QtBot, db_url: str
) -> None:
    opstart = open_catalogus(db_url, TEST_GEBRUIKER, ())
    venster = maak_hoofdvenster(opstart)
    qtbot.addWidget(venster)
    venster.resize(1366, 768)
    venster.show()
    qtbot.waitExposed(venster)
    paneel = venster.gesprek.paneel
    paneel.stappen.setCurrentIndex(STAP_KEUZE)
    qtbot.waitUntil(paneel.keuze.klant_pdf.isVisible)
    for knop in (paneel.keuze.klant_pdf, paneel.keuze.prof_pdf):
        zichtbaar = knop.visibleRegion().boundingRect()
        assert zichtbaar.height() == knop.height(), f"{knop.text()} is (partly) out of sight"
    venster.close()
    opstart.database.sluit()


def test_shortlist_buttons_only_act_on_something_and_say_why_not(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten(database)
    lijst = paneel.lijst
    knoppen = (lijst.omhoog, lijst.omlaag, lijst.verwijder, lijst.vergelijk)

    def aan() -> list[bool]:
        return [k.isEnabled() for k in knoppen]

    assert aan() == [False] * 4  # an empty list: nothing to move, remove or compare
    for knop in knoppen:
        assert "nog niets op de korte lijst" in knop.toolTip()
    assert paneel.voeg_toe(ids[0])
    assert aan() == [False, False, True, True]  # one option: it cannot move
    assert "bovenaan" in lijst.omhoog.toolTip() and "onderaan" in lijst.omlaag.toolTip()
    assert paneel.voeg_toe(ids[1]) and paneel.voeg_toe(ids[2])
    lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(1))
    assert aan() == [True] * 4
    assert lijst.omhoog.toolTip() == "Zet de gekozen optie een plek hoger."
    qtbot.mouseClick(lijst.omlaag, Qt.MouseButton.LeftButton)  # now the last
    assert lijst.lijst.currentIndex().row() == 2
    assert aan() == [True, False, True, True]
    for _ in range(3):
        lijst.lijst.setCurrentIndex(paneel.korte_lijst.index(0))
        qtbot.mouseClick(lijst.verwijder, Qt.MouseButton.LeftButton)
    assert paneel.korte_lijst.rowCount() == 0
    assert aan() == [False] * 4
