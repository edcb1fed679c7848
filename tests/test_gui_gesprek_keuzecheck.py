"""After choosing: the SURE check, the teach-back before printing, and the coach's contact."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox, QRadioButton
from pytestqt.qtbot import QtBot

from keuzehulp.model.db import Database
from keuzehulp.services.coachprofiel import lees_profiel
from keuzehulp.services.diensten import Diensten
from keuzehulp.services.gesprek import GesprekService
from keuzehulp.services.keuzecheck import ADVIES_KLANT, TEACH_BACK_VRAAG, Dimensie
from keuzehulp.services.leesbaarheid import beoordeel
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.gesprek import vragen
from keuzehulp.ui.gesprek.coach_dialoog import CoachProfielDialoog
from keuzehulp.ui.gesprek.paneel import STAP_DOEL, STAP_KEUZE, GesprekPaneel
from tests.gui_gesprek_hulp import (
    PROFIEL,
    bewaar_als,
    bewaar_gesprek,
    maak_instrumenten_met_feiten,
    open_gesprek,
    zet_profiel,
)

GEBRUIKER = "adeboer"  # a login name: never on the client's PDF


@pytest.fixture
def paneel(qtbot: QtBot, database: Database) -> GesprekPaneel:
    scherm = GesprekPaneel(AppContext(database, GEBRUIKER))
    qtbot.addWidget(scherm)
    scherm.show()
    return scherm


def _klik(qtbot: QtBot, knop: QRadioButton) -> None:
    qtbot.mouseClick(knop, Qt.MouseButton.LeftButton, pos=QPoint(6, knop.height() // 2))


def _pdf_tekst(pad: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pad).pages)


def test_the_check_waits_for_a_choice(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten_met_feiten(database)
    paneel.voeg_toe(ids[0])
    check = paneel.keuze.check
    assert not check.ja[0].isEnabled()
    assert check.hint.isVisibleTo(paneel.keuze)
    paneel.kies(ids[0])
    assert paneel.stappen.currentIndex() == STAP_KEUZE
    assert check.ja[0].isEnabled() and not check.hint.isVisibleTo(paneel.keuze)


def test_low_score_gives_advice_and_is_stored(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database
) -> None:
    ids = maak_instrumenten_met_feiten(database)
    paneel.voeg_toe(ids[0])
    paneel.voeg_toe(ids[1])
    paneel.kies(ids[1])
    check = paneel.keuze.check
    _klik(qtbot, check.ja[0])
    _klik(qtbot, check.nee[1])
    assert check.antwoorden() is None
    assert check.uitkomst.text() == "Beantwoord alle vier de vragen met ja of nee."
    _klik(qtbot, check.ja[2])
    _klik(qtbot, check.nee[3])
    assert check.antwoorden() == (True, False, True, False)
    uitkomst = check.uitkomst.text()
    assert "2 van de 4 keer ja" in uitkomst
    assert ADVIES_KLANT[Dimensie.WETEN] in uitkomst and ADVIES_KLANT[Dimensie.STEUN] in uitkomst
    assert ADVIES_KLANT[Dimensie.ZEKER] not in uitkomst
    assert beoordeel(check.uitkomst.text().replace("<br>", " ").replace("<b>", "")).ok
    bewaar_gesprek(qtbot, paneel)
    opgeslagen = GesprekService(database).lees(paneel.gesprek_id or 0).invoer
    assert opgeslagen.sure == (True, False, True, False)
    assert opgeslagen.sure_score == 2

    # All "ja": no doubt, no advice.
    _klik(qtbot, check.ja[1])
    _klik(qtbot, check.ja[3])
    assert "4 van de 4 keer ja" in check.uitkomst.text()
    assert not any(a in check.uitkomst.text() for a in ADVIES_KLANT.values())

    # Reopened as stored; another choice asks the questions again.
    open_gesprek(qtbot, paneel, paneel.gesprek_id or 0)
    assert check.antwoorden() == (True, False, True, False)
    paneel.kies(ids[0])
    assert check.antwoorden() is None
    assert "Doe de keuzecheck opnieuw" in paneel.melding.text()


def test_teach_back_before_printing_is_recorded(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    zet_profiel(database, GEBRUIKER)
    ids = maak_instrumenten_met_feiten(database)
    paneel.voeg_toe(ids[0])
    paneel.kies(ids[0])

    # "Annuleren": no PDF, nothing recorded.
    gevraagd = bewaar_als(monkeypatch, tmp_path / "a.pdf", terugvertellen=None)
    paneel.maak_klant_pdf()
    assert gevraagd["terugvertellen"] == ["gevraagd"]
    assert not (tmp_path / "a.pdf").exists()
    assert paneel.keuze.check.teach_back_waarde() is None

    # "Overslaan": the PDF is made and "not done" is stored.
    bewaar_als(monkeypatch, tmp_path / "b.pdf", terugvertellen=False)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        paneel.maak_klant_pdf()
    assert GesprekService(database).lees(paneel.gesprek_id or 0).invoer.teach_back is False

    # "Gedaan": stored; the next print does not ask again.
    bewaar_als(monkeypatch, tmp_path / "c.pdf", terugvertellen=True)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        paneel.maak_klant_pdf()
    assert paneel.keuze.check.teach_back.isChecked()
    assert GesprekService(database).lees(paneel.gesprek_id or 0).invoer.teach_back is True
    gevraagd = bewaar_als(monkeypatch, tmp_path / "d.pdf", terugvertellen=None)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        paneel.maak_klant_pdf()
    assert gevraagd["terugvertellen"] == []


def test_without_a_profile_the_app_asks_for_it_first(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    ids = maak_instrumenten_met_feiten(database)
    paneel.voeg_toe(ids[1])  # one option is a valid choice and gets a handout
    paneel.kies(ids[1])
    bewaar_als(monkeypatch, tmp_path / "keuze.pdf")
    geopend: list[str] = []

    def annuleer(dialoog: CoachProfielDialoog) -> int:
        geopend.append(dialoog.windowTitle())
        return 0

    monkeypatch.setattr(CoachProfielDialoog, "exec", annuleer)
    paneel.maak_klant_pdf()
    assert geopend == ["Mijn contactgegevens"]
    assert "niet gemaakt" in paneel.melding.text()
    assert not (tmp_path / "keuze.pdf").exists()

    def vul_in(dialoog: CoachProfielDialoog) -> int:
        qtbot.keyClicks(dialoog.naam, PROFIEL["naam"])
        qtbot.keyClicks(dialoog.telefoon, "12")  # too short: a Dutch message, still open
        assert not dialoog.bewaar()
        assert "Telefoon" in dialoog.melding.text()
        dialoog.telefoon.setText(PROFIEL["telefoon"])
        dialoog.email.setText(PROFIEL["email"])
        dialoog.organisatie.setText(PROFIEL["organisatie"])
        return int(dialoog.bewaar())

    monkeypatch.setattr(CoachProfielDialoog, "exec", vul_in)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        paneel.maak_klant_pdf()
    profiel = lees_profiel(database, GEBRUIKER)
    assert profiel is not None and profiel.naam == PROFIEL["naam"]
    tekst = _pdf_tekst(tmp_path / "keuze.pdf")
    assert PROFIEL["naam"] in tekst
    assert PROFIEL["telefoon"] in tekst or PROFIEL["email"] in tekst
    assert GEBRUIKER not in tekst


def test_profile_dialog_shows_the_stored_profile(qtbot: QtBot, database: Database) -> None:
    zet_profiel(database, GEBRUIKER)
    dialoog = CoachProfielDialoog(Diensten.voor(database, GEBRUIKER).gesprekken)
    qtbot.addWidget(dialoog)
    assert dialoog.naam.text() == PROFIEL["naam"]
    assert dialoog.email.text() == PROFIEL["email"]
    dialoog.naam.clear()
    assert not dialoog.bewaar()
    assert dialoog.melding.text().startswith("Naam:")
    assert lees_profiel(database, GEBRUIKER).naam == PROFIEL["naam"]  # type: ignore[union-attr]


def test_questions_have_dutch_buttons(qtbot: QtBot) -> None:
    vak = vragen.maak_vraag(None, "Gesprek verwijderen", "Weet u het zeker?")
    qtbot.addWidget(vak)
    teksten = {knop.text() for knop in vak.buttons()}
    assert teksten == {"&Ja", "&Nee"}
    assert vak.defaultButton() is vak.button(QMessageBox.StandardButton.No)
    terug = vragen.maak_terugvertel_vraag(None)
    qtbot.addWidget(terug)
    assert {k.text() for k in terug.buttons()} == {"&Gedaan", "&Overslaan", "&Annuleren"}
    assert TEACH_BACK_VRAAG in terug.text()


def test_qt_own_buttons_are_dutch_in_the_app(qtbot: QtBot) -> None:
    """The app installs Qt's Dutch translation: standard buttons and the file dialog."""
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from keuzehulp.ui.app import installeer_nederlands

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    vertaler = installeer_nederlands(app)
    assert vertaler is not None
    try:
        knoppen = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Yes
            | QDialogButtonBox.StandardButton.No
            | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(knoppen)
        assert {k.text() for k in knoppen.buttons()} == {"&Ja", "&Nee", "Annuleren"}
    finally:
        app.removeTranslator(vertaler)


def test_a_colleagues_conversation_prints_with_the_colleagues_contact(
    qtbot: QtBot, database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = maak_instrumenten_met_feiten(database)
    collega = GesprekPaneel(AppContext(database, "sdevries"))
    qtbot.addWidget(collega)
    collega.voeg_toe(ids[0])
    bewaar_gesprek(qtbot, collega)
    paneel = GesprekPaneel(AppContext(database, GEBRUIKER))
    qtbot.addWidget(paneel)
    zet_profiel(database, GEBRUIKER)  # my profile is there; my colleague's is not
    open_gesprek(qtbot, paneel, collega.gesprek_id or 0)
    bewaar_als(monkeypatch, tmp_path / "k.pdf")
    monkeypatch.setattr(CoachProfielDialoog, "exec", lambda _d: pytest.fail("not my profile"))
    paneel.maak_klant_pdf()
    assert "Dit gesprek is van sdevries" in paneel.melding.text()
    assert not (tmp_path / "k.pdf").exists()


def test_a_client_pdf_without_a_goal_is_made_only_after_a_warning(
    qtbot: QtBot, paneel: GesprekPaneel, database: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    zet_profiel(database, GEBRUIKER)
    ids = maak_instrumenten_met_feiten(database)
    paneel.voeg_toe(ids[0])
    paneel.kies(ids[0])
    assert paneel.doel.doel.toPlainText() == ""

    # "Terug naar 1. Doel": no PDF, nothing else asked, the goal field in front.
    gevraagd = bewaar_als(monkeypatch, tmp_path / "a.pdf", zonder_doel=False)
    paneel.maak_klant_pdf()
    assert gevraagd["zonder_doel"] == ["gevraagd"] and gevraagd["terugvertellen"] == []
    assert not (tmp_path / "a.pdf").exists()
    assert paneel.stappen.currentIndex() == STAP_DOEL
    assert paneel.doel.doel.hasFocus()
    assert "niet gemaakt" in paneel.melding.text() and "doel" in paneel.melding.text()

    # "PDF toch maken": the PDF says so to the client.
    bewaar_als(monkeypatch, tmp_path / "b.pdf", zonder_doel=True)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        paneel.maak_klant_pdf()
    assert "Vraag je coach ernaar" in _pdf_tekst(tmp_path / "b.pdf")

    # With a goal (spaces alone are none): no warning.
    paneel.doel.doel.setPlainText("   ")
    gevraagd = bewaar_als(monkeypatch, tmp_path / "c.pdf", zonder_doel=False)
    paneel.maak_klant_pdf()
    assert gevraagd["zonder_doel"] == ["gevraagd"]
    paneel.doel.doel.setPlainText("Weer een vast ritme")
    gevraagd = bewaar_als(monkeypatch, tmp_path / "d.pdf", zonder_doel=False)
    with qtbot.waitSignal(paneel.pdf_klaar, timeout=10000):
        paneel.maak_klant_pdf()
    assert gevraagd["zonder_doel"] == []
    assert "Weer een vast ritme" in _pdf_tekst(tmp_path / "d.pdf")


def test_the_missing_goal_warning_is_dutch_and_escape_goes_back(qtbot: QtBot) -> None:
    vak = vragen.maak_zonder_doel_vraag(None)
    qtbot.addWidget(vak)
    knoppen = {k.text(): vak.buttonRole(k) for k in vak.buttons()}
    assert knoppen == {
        "PDF toch &maken": QMessageBox.ButtonRole.AcceptRole,
        "&Terug naar 1. Doel": QMessageBox.ButtonRole.RejectRole,
    }
    assert vak.escapeButton() is vak.defaultButton()
    assert vak.defaultButton().text() == "&Terug naar 1. Doel"  # type: ignore[union-attr]
    assert "Vraag je coach ernaar" in vak.text() and "1. Doel" in vak.text()
