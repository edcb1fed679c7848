"""Dutch everywhere, a clear message without a screen, a window that remembers its place,
and help inside the app (handleiding and the shortcuts collected from the window)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QGuiApplication, QImageReader, QKeySequence, QTextImageFormat
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from keuzehulp.model.db import Database
from keuzehulp.ui.app import installeer_nederlands
from keuzehulp.ui.beeldscherm import geen_scherm_melding
from keuzehulp.ui.context import AppContext
from keuzehulp.ui.handleiding import MAX_BEELDBREEDTE, MIN_BEELDBREEDTE, HandleidingVenster
from keuzehulp.ui.hulp import SneltoetsenDialoog, handleiding_pad, verzamel_sneltoetsen
from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.venstertoestand import (
    SLEUTEL_GEOMETRIE,
    bewaar_toestand,
    herstel_toestand,
    onthoud_toestand,
)
from tests.conftest import TEST_GEBRUIKER

WORTEL = Path(__file__).resolve().parent.parent


@pytest.fixture
def nederlands(qapp: QApplication) -> Iterator[None]:
    """Qt's own texts in Dutch for one test, as `maak_applicatie` does for the app."""
    vertaler = installeer_nederlands(qapp)  # type: ignore[arg-type]
    assert vertaler is not None, "qtbase_nl ontbreekt in PySide6"
    yield
    for kind in vertaler.children():
        qapp.removeTranslator(kind)  # type: ignore[arg-type]
    qapp.removeTranslator(vertaler)


@pytest.fixture
def venster(qtbot: QtBot, database: Database) -> MainWindow:
    hoofd = MainWindow(AppContext(database, TEST_GEBRUIKER))
    qtbot.addWidget(hoofd)
    return hoofd


def _zonder_tab(tekst: str) -> str:
    return tekst.split("\t")[0]


# --- Dutch Qt texts -------------------------------------------------------------------------


def test_context_menu_of_a_text_field_is_dutch(qtbot: QtBot, nederlands: None) -> None:
    veld = QLineEdit()
    qtbot.addWidget(veld)
    menu = veld.createStandardContextMenu()
    teksten = [_zonder_tab(a.text()) for a in menu.actions() if a.text()]
    assert teksten == [
        "&Ongedaan maken",
        "Opnie&uw",
        "Kni&ppen",
        "&Kopiëren",
        "P&lakken",
        "Verwijderen",
        "Alles selecteren",
    ]


def test_message_box_buttons_are_dutch(qtbot: QtBot, nederlands: None) -> None:
    S = QMessageBox.StandardButton  # noqa: N806
    vak = QMessageBox()
    qtbot.addWidget(vak)
    vak.setStandardButtons(S.Yes | S.No | S.Cancel | S.Save | S.Close | S.Ok)
    assert sorted(k.text() for k in vak.buttons()) == sorted(
        ["&Ja", "&Nee", "Annuleren", "Opslaan", "Sluiten", "OK"]
    )


def test_file_dialog_is_dutch(qtbot: QtBot, nederlands: None) -> None:
    dialoog = QFileDialog(None, "Bronbestand importeren")
    qtbot.addWidget(dialoog)
    dialoog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    dialoog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    knoppen = dialoog.findChild(QDialogButtonBox)
    assert knoppen is not None
    assert sorted(k.text() for k in knoppen.buttons()) == ["Annuleren", "Op&slaan"]
    labels = sorted(label.text() for label in dialoog.findChildren(QLabel) if label.text())
    # "&Zoeken in:" and "Bestanden van &type:" come from our supplement (ui/vertaling.py).
    assert labels == ["&Zoeken in:", "Bestanden van &type:", "Bestands&naam:"]
    dialoog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    assert sorted(k.text() for k in knoppen.buttons()) == ["&Openen", "Annuleren"]
    acties = {a.text() for a in dialoog.findChildren(QAction) if a.text()}
    assert {"He&rnoemen", "Verwij&deren", "&Nieuwe map"} <= acties


# --- no screen ------------------------------------------------------------------------------


def _start_zonder_scherm(tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    omgeving = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    omgeving.update(extra)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from keuzehulp.cli.main import main; sys.exit(main(sys.argv[1:]))",
            "--database",
            f"sqlite:///{tmp_path / 'nieuw.sqlite'}",
        ],
        cwd=WORTEL,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_starting_without_a_screen_says_so_in_dutch(tmp_path: Path) -> None:
    uitkomst = _start_zonder_scherm(tmp_path)
    assert uitkomst.returncode == 1, uitkomst.stderr
    assert uitkomst.stderr.startswith("keuzehulp: er is geen beeldscherm gevonden")
    assert "DISPLAY en WAYLAND_DISPLAY zijn leeg" in uitkomst.stderr
    assert "qt.qpa" not in uitkomst.stderr and "Traceback" not in uitkomst.stderr
    assert not (tmp_path / "nieuw.sqlite").exists()  # nothing was created


def test_a_display_that_does_not_answer_is_no_screen(tmp_path: Path) -> None:
    uitkomst = _start_zonder_scherm(tmp_path, DISPLAY=":93")
    assert uitkomst.returncode == 1, uitkomst.stderr
    assert "geen verbinding met scherm DISPLAY=:93" in uitkomst.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="the check is for Linux and other Unixes")
def test_screen_check_by_environment(tmp_path: Path) -> None:
    assert geen_scherm_melding({}) is not None
    assert geen_scherm_melding({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert geen_scherm_melding({"QT_QPA_PLATFORM": "vnc:size=800x600"}) is None
    assert geen_scherm_melding({"QT_QPA_PLATFORM": "xcb"}) is not None
    assert geen_scherm_melding({"QT_QPA_PLATFORM": "wayland;offscreen"}) is None
    wayland = tmp_path / "wayland-7"
    wayland.touch()
    omgeving = {"WAYLAND_DISPLAY": "wayland-7", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert geen_scherm_melding(omgeving) is None
    assert geen_scherm_melding({**omgeving, "WAYLAND_DISPLAY": "wayland-8"}) is not None


# --- window state ---------------------------------------------------------------------------


def _instellingen(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "keuzehulp.conf"), QSettings.Format.IniFormat)


def _leeg_venster(qtbot: QtBot) -> QMainWindow:
    """A main window without a minimum size (the offscreen test screen is only 800x600)."""
    venster = QMainWindow()
    qtbot.addWidget(venster)
    return venster


def _binnen(marge: int = 60) -> QRect:
    scherm = QGuiApplication.primaryScreen().availableGeometry()
    return QRect(scherm.x() + 30, scherm.y() + 20, scherm.width() - marge, scherm.height() - marge)


def test_size_and_position_come_back(qtbot: QtBot, tmp_path: Path) -> None:
    venster = _leeg_venster(qtbot)
    doel = _binnen()
    venster.setGeometry(doel)
    bewaar_toestand(venster, _instellingen(tmp_path))
    nieuw = _leeg_venster(qtbot)
    assert nieuw.geometry() != doel
    assert herstel_toestand(nieuw, _instellingen(tmp_path))
    assert nieuw.geometry() == doel
    assert not nieuw.windowState() & Qt.WindowState.WindowMaximized


def test_maximised_comes_back_with_its_normal_size(qtbot: QtBot, tmp_path: Path) -> None:
    venster = _leeg_venster(qtbot)
    normaal = _binnen(200)
    venster.setGeometry(normaal)
    venster.showMaximized()
    qtbot.waitUntil(venster.isMaximized)
    bewaar_toestand(venster, _instellingen(tmp_path))
    nieuw = _leeg_venster(qtbot)
    herstel_toestand(nieuw, _instellingen(tmp_path))
    nieuw.show()
    qtbot.waitUntil(nieuw.isMaximized)
    nieuw.showNormal()
    qtbot.waitUntil(lambda: not nieuw.isMaximized())
    assert nieuw.geometry() == normaal


def test_full_screen_is_not_remembered(qtbot: QtBot, venster: MainWindow, tmp_path: Path) -> None:
    venster.show()
    venster.zet_volledig_scherm(True)
    qtbot.waitUntil(venster.isFullScreen)
    bewaar_toestand(venster, _instellingen(tmp_path))
    nieuw = _leeg_venster(qtbot)
    herstel_toestand(nieuw, _instellingen(tmp_path))
    assert not nieuw.windowState() & Qt.WindowState.WindowFullScreen


def test_a_position_off_every_screen_falls_back_to_the_centre(qtbot: QtBot, tmp_path: Path) -> None:
    venster = _leeg_venster(qtbot)
    instellingen = _instellingen(tmp_path)
    instellingen.setValue(SLEUTEL_GEOMETRIE, "5000,4000,500,300")  # a screen that is gone
    assert herstel_toestand(venster, instellingen)
    scherm = QGuiApplication.primaryScreen().availableGeometry()
    assert venster.geometry().size() == QSize(500, 300)
    assert abs(venster.geometry().center().x() - scherm.center().x()) <= 1
    assert abs(venster.geometry().center().y() - scherm.center().y()) <= 1


def test_a_title_bar_still_on_a_screen_stays_where_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    venster = _leeg_venster(qtbot)
    scherm = QGuiApplication.primaryScreen().availableGeometry()
    instellingen = _instellingen(tmp_path)
    x, y = scherm.right() - 200, scherm.bottom() - 100  # mostly off the screen, yet reachable
    instellingen.setValue(SLEUTEL_GEOMETRIE, f"{x},{y},500,300")
    herstel_toestand(venster, instellingen)
    assert venster.geometry().topLeft() == QPoint(x, y)


def test_a_window_larger_than_the_screen_is_made_to_fit(qtbot: QtBot, tmp_path: Path) -> None:
    venster = _leeg_venster(qtbot)
    instellingen = _instellingen(tmp_path)
    instellingen.setValue(SLEUTEL_GEOMETRIE, "0,0,9000,7000")
    herstel_toestand(venster, instellingen)
    scherm = QGuiApplication.primaryScreen().availableGeometry()
    assert venster.width() <= scherm.width() and venster.height() <= scherm.height()


@pytest.mark.parametrize("waarde", ["", "a,b,c,d", "1,2,3", "10,10,-5,400", "1,2,3,4,5"])
def test_unreadable_settings_are_ignored(qtbot: QtBot, tmp_path: Path, waarde: str) -> None:
    venster = _leeg_venster(qtbot)
    voor = venster.geometry()
    instellingen = _instellingen(tmp_path)
    instellingen.setValue(SLEUTEL_GEOMETRIE, waarde)
    assert not herstel_toestand(venster, instellingen)
    assert venster.geometry() == voor


def test_closing_the_window_stores_its_state(
    qtbot: QtBot, venster: MainWindow, tmp_path: Path
) -> None:
    onthoud_toestand(venster, _instellingen(tmp_path))
    scherm = QGuiApplication.primaryScreen().availableGeometry()
    venster.setGeometry(QRect(scherm.x() + 50, scherm.y() + 60, 1000, 640))
    venster.show()
    venster.close()
    opnieuw = _instellingen(tmp_path)
    assert opnieuw.value(SLEUTEL_GEOMETRIE) in (
        f"{scherm.x() + 50},{scherm.y() + 60},1000,640",
        [str(scherm.x() + 50), str(scherm.y() + 60), "1000", "640"],
    )


# --- help -----------------------------------------------------------------------------------


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen cannot raise
def test_the_handleiding_opens_with_chapters_and_images(qtbot: QtBot, venster: MainWindow) -> None:
    assert handleiding_pad() == WORTEL / "docs" / "handleiding.md"
    hulp = venster.toon_handleiding()
    assert isinstance(hulp, HandleidingVenster)
    qtbot.waitExposed(hulp)
    assert venster.toon_handleiding() is hulp  # one window, raised again
    qtbot.waitUntil(lambda: hulp.beelden_passen)
    document = hulp.tekst.document()
    assert document.toPlainText().startswith("Handleiding keuzehulp")
    hoofdstukken = hulp.hoofdstuk_titels()
    assert "2. Starten" in hoofdstukken and "5. De catalogus beheren" in hoofdstukken
    beelden = []
    blok = document.begin()
    while blok.isValid():
        it = blok.begin()
        while not it.atEnd():
            opmaak = it.fragment().charFormat()
            if opmaak.isImageFormat():
                beelden.append(opmaak.toImageFormat())
            it += 1
        blok = blok.next()
    assert len(beelden) >= 10
    for beeld in beelden:
        assert isinstance(beeld, QTextImageFormat)
        # The image is found next to the handleiding, and shown no wider than the text.
        bestand = document.baseUrl().resolved(QUrl(beeld.name())).toLocalFile()
        assert Path(bestand) == WORTEL / "docs" / beeld.name()
        echt = QImageReader(bestand).size().width()
        assert echt > 0
        assert beeld.width() == min(echt, hulp.beeldbreedte())
        assert MIN_BEELDBREEDTE <= hulp.beeldbreedte() <= MAX_BEELDBREEDTE


def test_chapters_and_search_move_through_the_handleiding(
    qtbot: QtBot, venster: MainWindow
) -> None:
    hulp = venster.toon_handleiding()
    qtbot.waitExposed(hulp)
    qtbot.waitUntil(lambda: hulp.beelden_passen)
    assert hulp.kies_hoofdstuk("5. De catalogus beheren")
    assert hulp.tekst.textCursor().block().text() == "5. De catalogus beheren"
    assert hulp.kies_hoofdstuk("5.7 Het mutatielog")  # a section, one level down
    assert hulp.tekst.textCursor().block().text() == "5.7 Het mutatielog"
    assert not hulp.kies_hoofdstuk("Bestaat niet")
    qtbot.keyClicks(hulp.zoekveld, "mutatielog")
    qtbot.keyClick(hulp.zoekveld, Qt.Key.Key_Return)
    assert hulp.tekst.textCursor().selectedText().lower() == "mutatielog"
    hulp.zoekveld.setText("woord dat er niet in staat xyz")
    assert not hulp.zoek_volgende()
    assert hulp.zoekmelding.text() == "Niet gevonden."


def test_a_missing_handleiding_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    hulp = HandleidingVenster(None, pad=tmp_path / "weg.md")
    qtbot.addWidget(hulp)
    qtbot.waitUntil(lambda: not hulp.laadt)
    assert hulp.tekst.toPlainText().startswith("De handleiding kan niet worden gelezen")
    hulp.pad = None
    hulp.laad()
    assert "niet gevonden" in hulp.tekst.toPlainText()


def test_a_wider_window_gets_wider_images(qtbot: QtBot, venster: MainWindow) -> None:
    hulp = venster.toon_handleiding()
    hulp.resize(900, 600)
    qtbot.waitUntil(lambda: hulp.beelden_passen)
    smal = hulp.beeldbreedte()
    with qtbot.waitSignal(hulp.geladen, timeout=10_000):
        hulp.resize(1500, 800)
    assert hulp.beeldbreedte() > smal
    qtbot.waitUntil(lambda: hulp.beelden_passen)


def test_shortcuts_are_collected_from_the_window(
    qtbot: QtBot, venster: MainWindow, qtmodeltester: object
) -> None:
    paren = {(s.toets, s.wat) for s in verzamel_sneltoetsen(venster)}
    verwacht = {
        ("F11", "Volledig scherm"),
        ("Ctrl+Shift+K", "Klantweergave"),
        ("Ctrl+G", "Gesprek"),
        ("Ctrl+S", "Gesprek bewaren"),
        ("Ctrl+N", "Nieuw gesprek"),
        ("Ctrl+Q", "Afsluiten"),
        ("F1", "Handleiding"),
        ("Alt+1", "Naar stap 1 van het zoeken"),
        ("Ctrl+L", "Het gekozen instrument op de korte lijst"),
    }
    assert verwacht <= paren
    assert all(wat != "(geen omschrijving)" for _toets, wat in paren)
    # A new shortcut shows up without anyone editing a list.
    extra = QAction("&Proefactie", venster)
    extra.setShortcut(QKeySequence("Ctrl+Alt+P"))
    venster.menu_beeld.addAction(extra)
    dialoog = venster.toon_sneltoetsen()
    assert isinstance(dialoog, SneltoetsenDialoog)
    qtbot.waitExposed(dialoog)
    rijen = [
        tuple(dialoog.tabel.item(r, k).text() for k in range(3))
        for r in range(dialoog.tabel.rowCount())
    ]
    assert ("Ctrl+Alt+P", "Proefactie", "Menu Beeld") in rijen
    assert ("Alt+1", "Naar stap 1 van het zoeken", "Zoeken") in rijen
    plekken = [rij[2] for rij in rijen]
    assert plekken.index("Menu Bestand") < plekken.index("Menu Beeld") < plekken.index("Zoeken")
    # The handleiding's own keys (Ctrl+F there) belong to its window, not this list.
    venster.toon_handleiding()
    assert "Zoeken in de handleiding" not in {s.wat for s in verzamel_sneltoetsen(venster)}
    qtmodeltester.check(dialoog.tabel.model())  # type: ignore[attr-defined]


def test_f1_opens_the_handleiding_but_is_kenmerk_help_in_the_tree(
    qtbot: QtBot, venster: MainWindow
) -> None:
    venster.show()
    venster.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is venster)
    venster.zoeken.ga_naar_stap(1)
    boom = venster.zoeken.kenmerk_stap.boom
    model = venster.zoeken.kenmerk_model
    index = model.index_van("1.4")
    boom.setCurrentIndex(index)
    boom.setFocus()
    qtbot.keyClick(boom, Qt.Key.Key_F1)
    assert "\n" in index.data()  # the tree's own help took F1: the explanation shows
    assert venster._handleiding is None
    venster.zoeken.kaarten.setFocus()
    qtbot.keyClick(venster.zoeken.kaarten, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: venster._handleiding is not None and venster._handleiding.isVisible())


def test_a_task_that_ends_after_the_window_is_gone_touches_nothing(
    qtbot: QtBot, database: Database
) -> None:
    """The runner belongs to the context and outlives a window; its signals must not reach
    widgets of a deleted window (the handleiding's load once ended that way)."""
    import threading

    context = AppContext(database, TEST_GEBRUIKER)
    hoofd = MainWindow(context)
    hulp = hoofd.toon_handleiding()
    assert hulp.taken is context.taken  # the handleiding loads through the one runner
    los = threading.Event()
    context.taken.start_functie(lambda: los.wait(30), "wacht")
    assert not hoofd.bezig_balk.isHidden()
    balk = hoofd.bezig_balk
    hoofd.deleteLater()
    qtbot.waitUntil(lambda: not isValid(balk))
    los.set()  # the task ends now, with no window left
    qtbot.waitUntil(lambda: context.taken.aantal_bezig == 0)
    assert context.taken.wacht(30_000)


def test_the_chapters_are_read_with_the_document_off_the_gui_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from keuzehulp.ui.handleiding import bouw_document, koppen

    pad = tmp_path / "hulp.md"
    pad.write_text(
        "# Titel\n\nTekst.\n\n## 1. Eerste\n\nMeer.\n\n### 1.1 Deel\n\n#### Te diep\n\n"
        "## 2. Tweede\n\nEinde.\n",
        encoding="utf-8",
    )
    document = bouw_document(pad, 400)
    gevonden = koppen(document)
    assert [(k.niveau, k.titel) for k in gevonden] == [
        (1, "Titel"),
        (2, "1. Eerste"),
        (3, "1.1 Deel"),
        (2, "2. Tweede"),
    ]
    for kop in gevonden:  # each position is the start of its heading's block
        assert document.findBlock(kop.positie).text() == kop.titel
    hulp = HandleidingVenster(None, pad=pad)
    qtbot.addWidget(hulp)
    qtbot.waitUntil(lambda: not hulp.laadt)
    assert hulp.hoofdstuk_titels() == ["Titel", "1. Eerste", "1.1 Deel", "2. Tweede"]
    eerste = hulp.hoofdstukken.topLevelItem(1)
    assert eerste is not None and eerste.child(0).text(0) == "1.1 Deel"  # a section, nested
    assert hulp.kies_hoofdstuk("2. Tweede")
    assert hulp.tekst.textCursor().block().text() == "2. Tweede"
    # The window looks at its width again after a load; leave no load running behind.
    qtbot.wait(400)
    qtbot.waitUntil(lambda: hulp.taken.aantal_bezig == 0)
