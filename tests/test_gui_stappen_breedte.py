"""The search steps fit their column: in the coach and the client view, beside the Gesprek
panel or without it, on a 1366x768 laptop and at the smallest width the window allows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from keuzehulp.ui.main_window import MainWindow
from keuzehulp.ui.zoeken.praktisch import ombreek
from tests.laptopvenster import LAPTOP, laptopvenster


@pytest.fixture
def venster(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    with laptopvenster(qtbot, tmp_path) as hoofd:
        yield hoofd


def _rechtergrens(stap: QWidget) -> int:
    """The x (in the step's coordinates) past which nothing of the step is seen."""
    schuif = getattr(stap, "schuif", None)
    if schuif is None:
        return stap.rect().right()
    viewport = schuif.viewport()
    return viewport.mapTo(stap, viewport.rect().topRight()).x()


def _te_breed(stap: QWidget) -> list[tuple[str, int, int]]:
    grens = _rechtergrens(stap)
    uit = []
    for kind in stap.findChildren(QWidget):
        if kind.isVisible() and isinstance(kind, (QLabel, QLineEdit, QAbstractButton)):
            rechts = kind.mapTo(stap, kind.rect().topRight()).x()
            if rechts > grens:
                uit.append((kind.text().replace("\n", " ")[:40], rechts, grens))
    return uit


def test_no_step_label_or_field_runs_past_the_column(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = venster.zoeken
    dock = venster.gesprek.dock
    smalst = venster.minimumSizeHint().width()
    assert smalst < LAPTOP[0]
    gezien = 0
    for klant in (False, True):
        if scherm.actie_klantweergave.isChecked() != klant:
            scherm.actie_klantweergave.trigger()
        for breedte in (LAPTOP[0], smalst):
            venster.resize(breedte, LAPTOP[1])
            for paneel in (True, False):
                dock.setVisible(paneel)
                for i in range(3):
                    scherm.stappen.setCurrentIndex(i)
                    stap = scherm.stappen.widget(i)
                    qtbot.waitUntil(stap.isVisible)
                    for _ in range(5):
                        QApplication.processEvents()
                    waar = (klant, breedte, paneel, scherm.stappen.tabText(i))
                    assert _te_breed(stap) == [], waar
                    # ... and the step itself is inside the steps column.
                    kolom = scherm.stappen_kolom
                    assert stap.mapTo(kolom, stap.rect().topRight()).x() <= kolom.width(), waar
                    gezien += 1
    assert gezien == 24


def test_a_long_section_title_wraps_in_the_client_view(venster: MainWindow, qtbot: QtBot) -> None:
    scherm = venster.zoeken
    scherm.actie_klantweergave.trigger()
    scherm.stappen.setCurrentWidget(scherm.praktisch_stap)
    qtbot.waitUntil(scherm.praktisch_stap.isVisible)
    koppen = [s.kop for s in scherm.praktisch_stap.secties.values() if s.isVisible()]
    gebroken = [k.text() for k in koppen if "\n" in k.text()]
    assert gebroken, [k.text() for k in koppen]  # the sample's longest title needs two lines
    for kop in koppen:  # wrapped, never cut: every word is still there
        naam = kop.accessibleName()
        assert naam.startswith(kop.text().replace("\n", " ") + ", ")


def test_ombreek_breaks_between_words(qapp: QApplication) -> None:
    metriek = QFontMetrics(qapp.font())
    tekst = "Moet je goed Nederlands kunnen?"
    breedte = metriek.horizontalAdvance("Nederlands kunnen?")
    regels = ombreek(tekst, metriek, breedte).split("\n")
    assert len(regels) == 2 and " ".join(regels) == tekst
    assert all(metriek.horizontalAdvance(r) <= breedte for r in regels)
    assert ombreek(tekst, metriek, 10**6) == tekst
    assert ombreek("Sollicitatievaardigheden", metriek, 5) == "Sollicitatievaardigheden"


def test_every_step_3_option_lies_inside_its_list(venster: MainWindow, qtbot: QtBot) -> None:
    """Each list of step 3 is as high as its rows really are, in both views and widths: with
    the client view's larger font a wrapped option made every row taller than the list allowed,
    so the last options of a section were cut or out of reach."""
    scherm = venster.zoeken
    dock = venster.gesprek.dock
    smalst = venster.minimumSizeHint().width()
    scherm.stappen.setCurrentWidget(scherm.praktisch_stap)
    gezien = 0
    for klant in (False, True):
        if scherm.actie_klantweergave.isChecked() != klant:
            scherm.actie_klantweergave.trigger()
        for breedte in (LAPTOP[0], smalst):
            venster.resize(breedte, LAPTOP[1])
            for paneel in (True, False):
                dock.setVisible(paneel)
                qtbot.waitUntil(scherm.praktisch_stap.isVisible)
                for _ in range(5):
                    QApplication.processEvents()
                for sleutel, lijst in scherm.praktisch_stap.lijsten.items():
                    if not lijst.isVisible():
                        continue
                    model = lijst.model()
                    binnen = lijst.viewport().rect()
                    for rij in range(model.rowCount()):
                        vak = lijst.visualRect(model.index(rij, 0))
                        waar = (klant, breedte, paneel, sleutel, rij, vak, binnen)
                        assert binnen.contains(vak), waar
                        gezien += 1
    assert gezien > 0
